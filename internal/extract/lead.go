package extract

import (
	"regexp"
	"strings"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// A news story often opens on a person described, not named, and names
// them at the start of its second sentence: "Chancellor Gordon Brown's
// closest ally has denied suggestions ...", then "Ed Balls, ex-chief
// economic adviser to the Treasury, said ..."; "A Conservative MP and
// former minister has defected to Labour." then "Robert Jackson, 58, MP
// for Wantage, said ...".

// leadNameRE is a name opening a sentence and closed by a comma, after an
// honorific or a title at most: "Ed Balls,", "Dr Brian Gibbons,".
var leadNameRE = regexp.MustCompile(`^(?:(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Baroness)\.?\s+)?((?:[A-Z][\p{L}'’-]+\s+){1,3}[A-Z][\p{L}'’-]+),`)

// leadName is the name the second of sents opens with, "" if none: the
// person the first sentence may have described.
func leadName(d *Dictionary, sents []Sentence) string {
	if len(sents) < 2 {
		return ""
	}
	m := leadNameRE.FindStringSubmatch(sents[1].Text)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	// (a title before the name: "Foreign Secretary Jack Straw,")
	for len(words) > 2 {
		if _, ok := d.titles[strings.ToLower(words[0])]; !ok {
			break
		}
		words = words[1:]
	}
	for _, w := range words {
		if d.notNames[w] || d.honorifics[w] {
			return "" // "The Bahamas, East Timor": no person
		}
	}
	return strings.Join(words, " ")
}

// leadNouns name people by office or standing in a story's opening
// besides the role and tie nouns: "an MP", "a senior EU politician".
var leadNouns = map[string]bool{"mp": true, "mep": true, "officer": true, "politician": true, "peer": true, "campaigner": true}

// leadSubject is the person the second sentence names when phrase ph is
// the described subject of the story's first sentence ("Brown's closest
// ally has denied", "the new health minister for Wales says"), nil
// otherwise: the phrase names no one itself, its head is a singular noun
// of a person's office or tie, and the person is not named in this
// sentence.
func (a *analysis) leadSubject(ph int) *Entity {
	if a.c.sentence != 0 || a.c.lead == "" {
		return nil
	}
	P := &a.p.Phrases[ph]
	head := a.p.Toks[P.Head]
	if head.Tag != nlp.NN {
		return nil
	}
	if w := strings.ToLower(head.Lemma); !syntax.PersonNoun(w) && !a.dict.relationNouns[w] && !leadNouns[w] {
		return nil
	}
	if det := a.p.Lower(P.From); det != "a" && det != "an" && det != "the" && P.Poss < 0 {
		return nil
	}
	for i := P.From; i < P.To; i++ {
		if a.mentionAt[i] >= 0 {
			return nil
		}
	}
	subject := false
	for k := range a.p.Clauses {
		if c := &a.p.Clauses[k]; c.Subj == ph && c.SubjHow == "explicit" {
			subject = true
		}
	}
	if !subject {
		return nil
	}
	e := a.c.personNamed(a.c.lead)
	if e == nil || containsEntity(a.c.here, e) {
		return nil
	}
	return e
}

// personNamed is the person of that full name: the dictionary's, or the
// one the article names so, made now as discovered would make them.
func (c *discourse) personNamed(name string) *Entity {
	toks := tokenize(name, 0)
	if p := c.dict.exact.longest(toks, 0, false); p != nil {
		if p.words == len(toks) && p.entity.Type == Person {
			return p.entity
		}
		return nil
	}
	id := strings.ReplaceAll(strings.ReplaceAll(name, " ", "_"), "’", "'")
	if e := c.dict.Entity(id); e != nil {
		return e
	}
	if e := c.found[id]; e != nil {
		return e
	}
	if c.isCompany(lowerAll(strings.Fields(name))) {
		return nil
	}
	e := &Entity{ID: id, Name: name, Type: Person, Discovered: true}
	c.notePerson(e, stripDots(toks[len(toks)-1].Key))
	c.found[id] = e
	return e
}
