package extract

import (
	"strings"

	"kg/internal/nlp"
)

// rememberSubjectPerson adds the people a sentence names that only its
// structure found to those it named, and puts the person it is about, the
// subject of its main clause, first: "he" in the next
// sentence is likelier them than whoever the mention finder met first.
// It matters for people found only from the structure ("Weah himself
// claimed ... and accused Johnson-Morris"), whom the mention finder never
// saw.
func (a *analysis) rememberSubjectPerson() {
	// the people only the structure found, after those the mention
	// finder met: subjects and objects, whose names rememberSubjects has
	// made known (not the names in PPs, which stay unknown), when the
	// article told their gender: a name that is a person ("Ana Ruiz, a
	// spokeswoman"), not a place or a party ("Lib Dems")
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		for _, r := range []int{c.Subj, c.Obj} {
			if r < 0 || !a.p.Toks[a.p.Phrases[r].Head].Tag.IsProperNoun() {
				continue // (not "we" in a quotation, its speaker named before)
			}
			for _, f := range a.phraseActors(r, true) {
				if f.ent.Type == Person && f.ent.Discovered && a.c.genderOf(f.ent) != "" && !containsEntity(a.c.here, f.ent) {
					a.c.here = append(a.c.here, f.ent)
				}
			}
		}
	}
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Parent >= 0 || c.SubjHow != "explicit" || c.Subj < 0 {
			continue
		}
		if t := a.p.Toks[a.p.Phrases[c.Subj].Head].Tag; t == nlp.PRP || t == nlp.PRPS {
			return
		}
		if fs := a.phraseActors(c.Subj, true); len(fs) == 1 && fs[0].ent.Type == Person {
			e := fs[0].ent
			here := []*Entity{e}
			for _, p := range a.c.here {
				if p != e {
					here = append(here, p)
				}
			}
			a.c.here = here
		}
		return
	}
}

// learnGender notes a person's gender from the words around a mention of
// them, for "he" and "she" later: a title or honorific in or before it
// ("Mrs Hutt", "spokeswoman Jane Ruiz", "Queen Beatrix") or a noun in
// apposition after it ("Frances Ruiz, chairwoman of ..."). The dictionary
// knows few people's gender, and none of those the article introduces.
// The gender is the article's: dictionary entries are shared, and left
// alone.
func (c *discourse) learnGender(s Sentence, toks []token, from, to int, e *Entity) {
	if e.Type != Person || e.Gender != "" || c.genders[e] != "" {
		return
	}
	var words []string
	if from > 0 {
		words = append(words, toks[from-1].Text)
	}
	// an honorific tells the gender of someone the article introduced; of
	// a known person's surname it may be their family ("Mrs Ford")
	if w := toks[from].Text; !c.dict.honorific(w) || e.Discovered {
		words = append(words, w)
	}
	// ", a spokeswoman for", ", chairwoman of"
	if rest, ok := strings.CutPrefix(s.Text[toks[to-1].End-s.Start:], ", "); ok {
		for _, art := range []string{"a ", "an ", "the "} {
			rest = strings.TrimPrefix(rest, art)
		}
		if end := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) }); end > 0 {
			words = append(words, rest[:end])
		}
	}
	for _, w := range words {
		if c.learnGenderFrom(e, w) {
			return
		}
	}
}

// learnGenderFrom notes e's gender if word (a title, honorific or noun)
// tells it, and reports whether it did.
func (c *discourse) learnGenderFrom(e *Entity, word string) bool {
	g := genderWords[strings.ToLower(strings.TrimSuffix(word, "."))]
	if g == "" {
		return false
	}
	if c.genders == nil {
		c.genders = map[*Entity]string{}
	}
	c.genders[e] = g
	return true
}

// otherGender reports whether an honorific is of the other gender than
// the person's, as far as the article knows it.
func (c *discourse) otherGender(honorific string, e *Entity) bool {
	g, known := genderWords[strings.ToLower(strings.TrimSuffix(honorific, "."))], c.genderOf(e)
	return g != "" && known != "" && g != known
}

// learnGenderInPhrase notes the gender of a person named by a proper name
// in phrase ph from the words before the name ("spokeswoman Ana Ruiz") or
// its apposition ("Ana Ruiz, a spokeswoman").
func (a *analysis) learnGenderInPhrase(e *Entity, ph, nameFrom int) {
	if e.Type != Person || e.Gender != "" || a.c.genders[e] != "" {
		return
	}
	P := &a.p.Phrases[ph]
	words := []int{}
	if nameFrom > P.From {
		words = append(words, nameFrom-1)
	}
	if P.Appos >= 0 {
		words = append(words, a.p.Phrases[P.Appos].Head)
	}
	for _, i := range words {
		if a.c.learnGenderFrom(e, a.p.Toks[i].Lemma) {
			return
		}
	}
}

// genderOf is a person's gender: the dictionary's, else what the article
// said of them, else "".
func (c *discourse) genderOf(e *Entity) string {
	if e.Gender != "" {
		return e.Gender
	}
	return c.genders[e]
}

// genderWords are titles, honorifics and nouns that say a person's gender
// ("chairman" and "spokesman" do not: "UKIP chairman Petrina Holdsworth").
var genderWords = map[string]string{
	"mrs": "female", "ms": "female", "miss": "female", "madam": "female", "madame": "female", "lady": "female", "dame": "female",
	"baroness": "female", "queen": "female", "princess": "female", "duchess": "female", "empress": "female",
	"spokeswoman": "female", "chairwoman": "female", "congresswoman": "female", "businesswoman": "female",
	"stateswoman": "female", "councilwoman": "female", "policewoman": "female", "sportswoman": "female",
	"actress": "female", "mother": "female", "grandmother": "female", "wife": "female", "widow": "female",
	"daughter": "female", "sister": "female", "woman": "female", "mrs.": "female",
	"mr": "male", "sir": "male", "lord": "male", "baron": "male", "king": "male", "prince": "male", "duke": "male",
	"emperor": "male", "congressman": "male", "businessman": "male",
	"statesman": "male", "councilman": "male", "policeman": "male", "sportsman": "male", "father": "male",
	"grandfather": "male", "husband": "male", "widower": "male", "son": "male", "brother": "male", "man": "male",
}

// givenName reports whether toks[i], a surname met earlier in the article,
// is here the given name of someone else: a capitalized word that is no
// weekday, month or known name follows it ("Morris
// Dukuley, spokesman for ..." after "Frances Johnson-Morris"; "Howard
// Dean" after "Michael Howard").
func (c *discourse) givenName(s Sentence, toks []token, i int) bool {
	if i+1 >= len(toks) || !joined(s, toks[i], toks[i+1]) {
		return false
	}
	next := toks[i+1].Text
	if !isCapitalized(next) || c.dict.notNames[next] || isCalendarWord(next) || strings.ToUpper(next) == next {
		return false
	}
	// ("Blair Labour": a name the dictionary knows after the surname is no
	// family name of this one)
	if p := c.phraseAt(toks, i+1); p != nil {
		return false
	}
	return true
}

// otherGivenName reports whether the surname at toks[i], which person e
// bears, follows a given name that is not e's: "Juanita Castro said" is
// not Fidel Castro. The word before must be a capitalized word inside
// the sentence that is no title, honorific or known name ("President
// Castro", "Cuba's Castro", "Labour's Blair" are e).
func (c *discourse) otherGivenName(s Sentence, toks []token, i int, e *Entity) bool {
	if i < 2 || !joined(s, toks[i-1], toks[i]) || s.Text[toks[i-1].End-s.Start:toks[i].Start-s.Start] != " " {
		return false
	}
	w := toks[i-1].Text
	if !isCapitalized(w) || strings.ToUpper(w) == w || strings.HasSuffix(w, ".") || c.dict.notNames[w] || isCalendarWord(w) ||
		c.dict.honorific(w) {
		return false
	}
	if _, title := c.dict.titles[strings.ToLower(w)]; title || nameParticles[w] {
		return false
	}
	if _, title := c.dict.titles[strings.ToLower(strings.TrimSuffix(w, "s"))]; title {
		return false // "Senators Levin and Biden"
	}
	if c.phraseAt(toks, i-1) != nil {
		return false
	}
	for _, part := range strings.Fields(e.Name) {
		if part == w {
			return false
		}
	}
	for _, alias := range e.Aliases {
		if strings.Contains(alias, w+" ") {
			return false
		}
	}
	return true
}

// nameParticles start family names: "Abul Gheit", "Van Gogh", "Al Sadr".
var nameParticles = map[string]bool{"Abu": true, "Abul": true, "Abou": true, "Aboul": true, "Al": true, "El": true, "Bin": true,
	"Ibn": true, "Ben": true, "Van": true, "Von": true, "De": true, "Da": true, "Di": true, "Du": true, "Le": true, "La": true,
	"Mac": true, "Mc": true, "St": true, "San": true}

// prefixedName is the number of tokens of the name at toks[i] when a
// prefix of stance or time joins it ("the anti-Syrian majority", "a
// pro-Russian majority", "ex-Soviet states"), 0 otherwise. Such a word
// names no actor: an anti-Syrian majority is not Syria.
func (c *discourse) prefixedName(s Sentence, toks []token, i int) int {
	if i == 0 || !namePrefixes[toks[i-1].Lower] || s.Text[toks[i-1].End-s.Start:toks[i].Start-s.Start] != "-" {
		return 0
	}
	if p := c.phraseAt(toks, i); p != nil {
		return p.words
	}
	return 0
}

// namePrefixes are the prefixes that turn a name into a stance or a past.
var namePrefixes = map[string]bool{"anti": true, "pro": true, "non": true, "ex": true, "post": true, "pre": true, "pan": true}
