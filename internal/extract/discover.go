package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// Actors the dictionary does not know, found from the sentence structure:
// a proper name in a role ("handed the sentences to Dita Indahsari"), an
// acronym the article defines ("the People's Democratic Party (PRD)"), a
// pronoun that stands for the last group or organization ("they", "it").

// orgWords make a proper name an organization rather than a person.
var orgWords = map[string]bool{"party": true, "council": true, "commission": true, "committee": true, "court": true,
	"ministry": true, "office": true, "agency": true, "union": true, "front": true, "movement": true, "army": true,
	"brigade": true, "brigades": true, "forces": true, "force": true, "group": true, "centre": true, "center": true,
	"institute": true, "foundation": true, "bank": true, "organization": true, "organisation": true,
	"association": true, "federation": true, "league": true, "alliance": true, "assembly": true, "parliament": true,
	"congress": true, "senate": true, "service": true, "department": true, "board": true, "corporation": true,
	"university": true, "church": true, "network": true, "coalition": true,
	"tribunal": true, "authority": true, "police": true, "guard": true, "navy": true, "lords": true, "cabinet": true,
	"government": true, "administration": true, "watch": true, "international": true, "trust": true, "fund": true,
	"society": true, "chamber": true, "house": true, "bureau": true, "command": true, "corps": true, "militia": true,
	"mission": true, "program": true, "programme": true, "secretariat": true, "club": true, "order": true}

// businessWords end the names of companies: "Oracle Corp", "Sun
// Microsystems Inc.". Companies acting commercially are no actors of
// political events (ANNOTATION.md), so such names are not discovered.
var businessWords = map[string]bool{"inc": true, "corp": true, "corporation": true, "co": true, "company": true,
	"ltd": true, "limited": true, "plc": true, "llc": true, "ag": true, "gmbh": true, "sa": true, "nv": true,
	"holdings": true, "systems": true, "technologies": true, "industries": true, "motors": true, "airlines": true,
	"airways": true, "electronics": true, "communications": true, "software": true, "pharmaceuticals": true,
	"computer": true, "computers": true, "telecom": true, "enterprises": true, "securities": true, "bancorp": true}

// thingWords make a capitalized name a thing, an event or a place.
var thingWords = map[string]bool{"war": true, "crisis": true, "summit": true, "conference": true, "agreement": true,
	"treaty": true, "accord": true, "act": true, "law": true, "day": true, "games": true, "cup": true, "olympics": true,
	"bridge": true, "street": true, "square": true, "river": true, "island": true, "islands": true, "mountain": true,
	"mountains": true, "city": true, "province": true, "region": true, "district": true, "county": true, "airport": true,
	"station": true, "hotel": true, "hospital": true, "school": true, "stadium": true, "avenue": true, "road": true,
	"strait": true, "channel": true, "bay": true, "sea": true, "ocean": true, "gulf": true, "valley": true, "plan": true, "declaration": true,
	"protocol": true, "convention": true, "charter": true, "prize": true, "award": true, "festival": true, "museum": true,
	"palace": true, "hall": true, "building": true, "tower": true, "plaza": true, "park": true, "library": true,
	"cathedral": true, "mosque": true, "temple": true, "shrine": true, "canal": true, "dam": true, "peninsula": true,
	"desert": true, "lake": true, "coast": true, "border": true, "zone": true, "camp": true, "prison": true, "village": true,
	"town": true, "capital": true, "flight": true, "state": true, "republic": false, "revolution": true, "election": true, "elections": true,
	"campaign": true, "operation": true, "program": true, "programme": true, "project": true, "budget": true, "bill": true,
	"falls": true, "heights": true, "hills": true, "plateau": true, "port": true, "harbour": true, "harbor": true,
	"beach": true, "forest": true, "highlands": true, "delta": true, "basin": true, "crossing": true, "checkpoint": true,
	"prefecture": true, "archipelago": true}

// vesselWords name craft: a name they describe is no actor.
var vesselWords = map[string]bool{"ship": true, "vessel": true, "boat": true, "tanker": true, "ferry": true, "freighter": true,
	"plane": true, "aircraft": true, "jet": true, "airliner": true, "helicopter": true, "satellite": true, "spacecraft": true,
	"probe": true, "submarine": true, "carrier": true, "warship": true, "frigate": true, "destroyer": true}

// memberLetters follow or precede a member's name: "Frank Field MP",
// "Tory MP Ann Widdecombe".
var memberLetters = map[string]bool{"MP": true, "MPs": true, "MEP": true, "MSP": true, "MLA": true, "QC": true, "TD": true}

// nameRoles are the roles in which an unknown proper name is taken as an
// actor: not places ("in Surabaya", "to Jakarta"), which the dictionary
// covers by country.
var nameRoles = map[string]bool{"subject": true, "object": true, "iobj": true, "comp": true, "poss": true,
	"with": true, "against": true, "by": true, "between": true, "of": true, "for": true, "from": true, "on": true,
	"upon": true, "among": true}

// properName is the name a phrase gives when it is a run of capitalized
// words ending at its head ("Dita Indahsari", "the Refugee Council"):
// its first and last tokens, or ok false.
func (a *analysis) properName(ph int) (from, to int, ok bool) {
	P := &a.p.Phrases[ph]
	head := a.p.Toks[P.Head]
	if head.Tag != nlp.NNP && head.Tag != nlp.NNPS || P.Time {
		return 0, 0, false
	}
	// "Akash, the surface-to-air missile", "the Orion, a cargo ship": a
	// name its apposition calls a weapon, a vessel or a place is no actor
	if q := P.Appos; q >= 0 && q != ph {
		if w := strings.ToLower(a.p.Toks[a.p.Phrases[q].Head].Lemma); thingWords[w] || vesselWords[w] ||
			a.frames != nil && a.frames.weapons[w] {
			return 0, 0, false
		}
	}
	from = P.Head
	// (an organization's name may start with an adjective the tagger
	// does not call a name: "a Conservative Party", "the Democratic
	// Party"; not "the NATO-led Force", whose adjective names another),
	// and so may a plural name inside the sentence: "the Liberal
	// Democrats", "the Free Democrats"
	org := orgWords[head.Lower] || head.Tag == nlp.NNPS && P.From > a.firstWord()
	for from > P.From && (isNameToken(a.p.Toks[from-1]) || org && a.mentionAt[from-1] < 0 && isCapitalizedAdj(a.p.Toks[from-1])) {
		from--
	}
	// the name must be written as one: no mention of a known actor inside
	for i := from; i <= P.Head; i++ {
		if a.mentionAt[i] >= 0 || !isNameToken(a.p.Toks[i]) && !(org && isCapitalizedAdj(a.p.Toks[i])) {
			return 0, 0, false
		}
	}
	w := a.p.Toks[from].Text
	if a.dict.notNames[w] && P.Head == from || isCalendarWord(w) {
		return 0, 0, false
	}
	// "Mr Smith" names someone only once the article has introduced them;
	// "Sir Digby Jones" is Digby Jones
	if a.dict.honorific(w) {
		if peerages[w] && P.Head-from == 1 {
			return from, P.Head + 1, true // "Lord Woolf", "Baroness Chalker": the title is in the name
		}
		if P.Head-from < 2 {
			return 0, 0, false
		}
		from++
	}
	return from, P.Head + 1, true
}

// roleBeforeName reports whether a phrase is an unknown name after the
// noun of a person's role ("to judges Henri Pons and ..."): a person, in
// whatever role, where a bare name there may be a place ("to Jakarta").
func (a *analysis) roleBeforeName(ph int) bool {
	from, _, ok := a.properName(ph)
	return ok && from > a.p.Phrases[ph].From && syntax.PersonNoun(strings.ToLower(a.p.Toks[from-1].Lemma))
}

// partyMembers end the names of parties called by their members: "the
// Liberal Democrats", "the Lib Dems", "the Free Democrats".
var partyMembers = map[string]bool{"Democrats": true, "Dems": true, "Republicans": true, "Socialists": true, "Liberals": true,
	"Conservatives": true, "Greens": true, "Communists": true, "Nationalists": true, "Unionists": true, "Tories": true}

// peerages are titles a peer is known by with the surname alone: "Lord
// Woolf" names someone on first mention, "Mr Woolf" does not.
var peerages = map[string]bool{"Lord": true, "Lady": true, "Baroness": true, "Baron": true, "Viscount": true, "Earl": true}

func isNameToken(t nlp.Token) bool {
	if t.Tag != nlp.NNP && t.Tag != nlp.NNPS {
		return false
	}
	r := []rune(t.Text)
	return len(r) > 1 && unicode.IsUpper(r[0]) || len(r) == 2 && r[1] == '.' || syntax.ElidedName(t.Text) // "d'Huy"
}

// isCapitalizedAdj: an adjective written with a capital ("Conservative").
func isCapitalizedAdj(t nlp.Token) bool {
	r := []rune(t.Text)
	return t.Tag.IsAdj() && len(r) > 1 && unicode.IsUpper(r[0])
}

func isCalendarWord(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}

// discovered returns the actor an unknown proper name stands for, making
// it on first sight: an organization when a word of it says so, a person
// when it has two to four words, else an organization.
func (a *analysis) discovered(from, to int) *Entity {
	// "Frank Field MP", "Tory MP Ann Widdecombe": a member's letters are
	// no part of the name; what comes after them is the name
	for i := from; i < to; i++ {
		if memberLetters[a.p.Toks[i].Text] && to-from > 2 {
			if i == to-1 {
				to = i
			} else {
				from = i + 1
			}
			break
		}
	}
	words := make([]string, 0, to-from)
	org := false
	for i := from; i < to; i++ {
		t := a.p.Toks[i].Text
		words = append(words, t)
		// ("the Liberal Democrats", "the Lib Dems": an adjective or a
		// party's members in a name make a body)
		if orgWords[strings.ToLower(t)] || isCapitalizedAdj(a.p.Toks[i]) || partyMembers[t] {
			org = true
		}
	}
	name := a.p.Text(from, to)
	id := strings.ReplaceAll(strings.ReplaceAll(name, " ", "_"), "’", "'")
	c := a.c
	if e := a.dict.Entity(id); e != nil {
		return e
	}
	if e := c.found[id]; e != nil {
		return e
	}
	// a surname or an acronym met earlier in the article
	if len(words) == 1 {
		if e := c.surname(stripDots(words[0])); e != nil {
			return e
		}
		if e := c.aliases[stripDots(words[0])]; e != nil {
			return e
		}
	}
	// "ISRAEL" in a text set in capitals: the actor of that name, and
	// never a new one (an acronym is short: "PRD", "CNDD-FDD")
	if strings.ToUpper(name) == name {
		toks := tokenize(titleCase(name), 0)
		if p := c.dict.exact.longest(toks, 0, false); p != nil && p.words == len(toks) && p.kind != byDemonym {
			return p.entity
		}
		if len(name) > 5 {
			return nil
		}
	}
	// "Thank you.", "Welcome to ...": a verb opening the sentence, not a name
	if len(words) == 1 && from == a.firstWord() && a.frames != nil && a.frames.Verb(strings.ToLower(name)) {
		return nil
	}
	// "Crown Prince", "Prime Minister": a title without its name
	if _, title := c.dict.titles[strings.ToLower(name)]; title || c.dict.honorifics[name] {
		return nil
	}
	// "the Pacific War", "Downing Street", "Cornell University": names of
	// things and places, not actors; "Oracle Corp", "Merieux S.A.": a company
	if last := strings.ToLower(strings.ReplaceAll(words[len(words)-1], ".", "")); thingWords[last] || businessWords[last] {
		if businessWords[last] && len(words) > 1 {
			// "Diamond Shamrock Corp": later "Diamond Shamrock" and
			// "Shamrock" are that company too
			c.companies = append(c.companies, lowerAll(words[:len(words)-1]))
		}
		return nil // the head word says what it is: "the Pacific War"
	}
	if c.isCompany(lowerAll(words)) {
		return nil
	}
	e := &Entity{ID: id, Name: name, Type: Organization, Discovered: true}
	if !org && (len(words) >= 2 && len(words) <= 4 || a.afterRoleNoun(from)) && !c.pluralDemonym(words[len(words)-1]) {
		e.Type = Person
		c.notePerson(e, stripDots(words[len(words)-1]))
	}
	c.found[id] = e
	if e.Type == Organization {
		c.noteOrg(e)
	}
	return e
}

// notePerson makes a person the article names for the first time known by
// surname and as someone "he" or "she" may stand for. (A bare surname stays
// with a known person who bears it: in a story of Gerald Ford, "Betty
// Ford" does not make "Ford" hers.)
func (c *discourse) notePerson(e *Entity, surname string) {
	if old := c.surnames[surname]; old == nil || old.Discovered {
		c.surnames[surname] = e
	}
	c.persons = moveLast(c.persons, e)
}

// afterRoleNoun reports whether the name at token from follows the noun of
// a person's office ("CPN chairman Prachanda", "army chief Wiranto"): a
// one-word name there is a person known by one name, not a body. Nouns
// that may stand before a body's name ("member Malta", "its rival Fatah")
// do not count.
func (a *analysis) afterRoleNoun(from int) bool {
	if from == 0 {
		return false
	}
	w := strings.ToLower(a.p.Toks[from-1].Lemma)
	return syntax.PersonNoun(w) && !bodyRoleNouns[w]
}

// bodyRoleNouns are role nouns a body may hold too.
var bodyRoleNouns = map[string]bool{"member": true, "rival": true, "ally": true, "opponent": true, "head": true, "founder": true, "counterpart": true}

// pluralDemonym reports whether w is a nationality's plural ("Czechs",
// "Afghans"): a name ending in it is a people ("Roma Czechs"), no person.
func (c *discourse) pluralDemonym(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	toks := tokenize(w[:len(w)-1], 0)
	p := c.dict.exact.longest(toks, 0, false)
	return p != nil && p.kind == byDemonym && p.words == len(toks)
}

// defineAcronyms remembers the acronyms a sentence defines: "the
// Revolutionary Armed Forces of Colombia (FARC)", "People's Democratic
// Party (PRD)". Later in the article the acronym names the same actor.
func (a *analysis) defineAcronyms() {
	toks := a.p.Toks
	for i := 2; i+1 < len(toks); i++ {
		if toks[i-1].Tag != nlp.LRB || toks[i+1].Tag != nlp.RRB || !isAcronym(toks[i].Text) {
			continue
		}
		ph := a.p.PhraseAt(i - 2)
		if ph < 0 {
			continue
		}
		var e *Entity
		nameFrom, nameTo := -1, -1 // the name of a new actor
		// (a group noun in the name is no name: "the National Union of
		// Peruvian Miners" is not the miners)
		// "the Communist Party of Nepal (CPN)": the acronym spells the
		// whole name, not the country its last words name
		whole := a.nameStart(i - 2)
		if whole >= 0 && whole < a.p.Phrases[ph].From && initialsSpell(toks[i].Text, toks[whole:i-1]) {
			e = a.discovered(whole, i-1)
			nameFrom, nameTo = whole, i-1
			if mi := a.mentionAt[a.p.Phrases[ph].Head]; e != nil && e.Discovered && e.Country == "" && mi >= 0 {
				if c := countryEntity(a.ms[mi], a.dict); c != nil {
					e.Country = c.Country
				}
			}
		} else if mi := a.mentionAt[a.p.Phrases[ph].Head]; mi >= 0 && len(a.ms[mi].Entities) == 1 && a.ms[mi].How != "agent" {
			e = a.ms[mi].Entities[0]
		} else if from := a.nameStart(i - 2); from >= 0 && i-1-from >= 2 && initialsFit(toks[i].Text, toks[from:i-1]) {
			// "the Popular Front for Renewal (PFR)": the capitalized words
			// and their joiners before the parenthesis
			e = a.discovered(from, i-1)
			nameFrom, nameTo = from, i-1
		} else if from, to, ok := a.properName(ph); ok && initialsFit(toks[i].Text, toks[from:to]) {
			e = a.discovered(from, to)
			nameFrom, nameTo = from, to
		}
		if e != nil && nameFrom >= 0 {
			// the name is a mention of the actor too
			a.ms = append(a.ms, Mention{Span: a.tokSpan(nameFrom, nameTo), Entities: []*Entity{e}, How: "name"})
			for j := nameFrom; j < nameTo; j++ {
				a.mentionAt[j] = len(a.ms) - 1
			}
		}
		if e != nil {
			key := stripDots(toks[i].Text)
			if a.c.aliases[key] == nil {
				a.c.aliases[key] = e
			}
			// the acronym itself is now a mention of the actor
			if a.mentionAt[i] < 0 {
				a.ms = append(a.ms, Mention{Span: Span{a.s.Start + toks[i].Start, a.s.Start + toks[i].End}, Entities: []*Entity{e}, How: "acronym"})
				a.mentionAt[i] = len(a.ms) - 1
			}
		}
	}
}

// nameStart is where a name ending at token last starts, reading back over
// capitalized words and the joiners between them ("Front for Renewal",
// "Bank of England"); -1 if token last is not capitalized.
func (a *analysis) nameStart(last int) int {
	toks := a.p.Toks
	if last < 0 || !isNameToken(toks[last]) && !isCapitalizedWord(toks[last].Text) {
		return -1
	}
	from := last
	for j := last - 1; j >= 0; j-- {
		w := toks[j].Text
		switch {
		case isCapitalizedWord(w) && toks[j].Tag != nlp.DT:
			from = j
		case (w == "of" || w == "for" || w == "and" || w == "de" || w == "the" || toks[j].Tag == nlp.POS) && j > 0 && isCapitalizedWord(toks[j-1].Text):
		default:
			return from
		}
	}
	return from
}

func isCapitalizedWord(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// initialsFit reports whether an acronym could stand for the words: its
// first letter is the first word's, and it has no more letters than the
// words have.
func initialsFit(acr string, words []nlp.Token) bool {
	acr = stripDots(acr)
	if acr == "" || len(words) == 0 {
		return false
	}
	first := []rune(words[0].Text)[0]
	return unicode.ToUpper(first) == []rune(acr)[0] && len(acr) <= len(words)+2
}

// initialsSpell reports whether the capitals of an acronym are the
// initials of the capitalized words, in order: "CPN" for "Communist Party
// of Nepal", "BoE" for "Bank of England".
func initialsSpell(acr string, words []nlp.Token) bool {
	var caps, initials []rune
	for _, r := range acr {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		}
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w.Text); unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	return len(caps) >= 2 && string(caps) == string(initials)
}

func isAcronym(w string) bool {
	w = stripDots(w)
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		} else if !unicode.IsLower(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return upper >= 2 && unicode.IsUpper([]rune(w)[0])
}

// rememberSubjects notes, after a sentence, who its clauses were about:
// "they" and "their" in later sentences stand for the last plural
// subject, "it" and "its" for the last organization or country.
func (a *analysis) rememberSubjects() {
	a.rememberOpening()
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		// names in roles become known actors now, so that "Ms Hutt" later
		// finds "Jane Hutt"
		a.phraseActors(c.Obj, true)
		if c.Subj < 0 || c.SubjHow != "explicit" {
			continue
		}
		a.phraseActors(c.Subj, true)
		head := a.p.Toks[a.p.Phrases[c.Subj].Head]
		if head.Tag == nlp.PRP || head.Tag == nlp.PRPS {
			continue
		}
		fs := a.phraseActors(c.Subj)
		if len(fs) == 0 {
			continue
		}
		if len(fs) > 1 || head.Tag.IsPlural() {
			a.c.plural = entitiesOf(fs)
		} else if e := fs[0].ent; e.Type != Person {
			a.c.thing = e
		}
	}
}

func ppPhrases(c *syntax.Clause) []int {
	out := make([]int, len(c.PPs))
	for i, pp := range c.PPs {
		out[i] = pp.Phrase
	}
	return out
}

func entitiesOf(fs []filler) []*Entity {
	es := make([]*Entity, len(fs))
	for i, f := range fs {
		es[i] = f.ent
	}
	return es
}

// pronounActors resolves "they", "them", "their", "it", "its" at token i
// when the mention finder did not: first the subject of the clause that
// governs this one ("The Home Office said it had ..."), then the last
// fitting subject of the article.
func (a *analysis) pronounActors(i int) []*Entity {
	if es := a.pronounInClause(i); len(es) > 0 {
		return es
	}
	if a.resolving {
		return nil
	}
	switch a.p.Toks[i].Lower {
	case "they", "them", "their", "themselves":
		// "Duped investors ... called for his resignation, whom they
		// blamed": a plural subject earlier in the sentence, even one that
		// names no actor, is nearer than any of the article's
		if a.pluralSubjectBefore(i) {
			return nil
		}
		return a.c.plural
	}
	// "it" across sentences is too often a thing, not an actor, except
	// as the first subject of a sentence after one whose main clause was
	// about an organization or country: "Amnesty International spoke on
	// Monday. It accused Egypt of torture." (Not in a quotation, where
	// "it" is mostly no one: "It would be troubling")
	if w := a.p.Toks[i].Lower; w == "it" && a.c.opening != nil && a.c.openingSentence == a.c.sentence-1 && a.firstSubject(i) &&
		!a.c.inQuote(a.s.Start+a.p.Toks[i].Start) {
		return []*Entity{a.c.opening}
	}
	return nil
}

// firstSubject reports whether token i heads the first explicit subject
// of the sentence.
func (a *analysis) firstSubject(i int) bool {
	first := -1
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj >= 0 && c.SubjHow == "explicit" && (first < 0 || a.p.Phrases[c.Subj].From < a.p.Phrases[first].From) {
			first = c.Subj
		}
	}
	return first >= 0 && a.p.Phrases[first].Head == i && a.p.Phrases[first].From == i
}

// rememberOpening notes the organization or country the sentence's main
// clause is about (named, or an "It" resolved to it), for an "It" opening
// the next sentence; nil when it is about anyone or anything else.
func (a *analysis) rememberOpening() {
	prev := a.c.opening
	a.c.opening = nil
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Parent >= 0 || c.SubjHow != "explicit" || c.Subj < 0 {
			continue
		}
		head := a.p.Toks[a.p.Phrases[c.Subj].Head]
		if head.Tag.IsPlural() || head.Tag == nlp.PRP && !strings.EqualFold(head.Text, "it") || head.Tag == nlp.PRPS {
			return
		}
		if head.Tag == nlp.PRP {
			if a.c.openingSentence == a.c.sentence-1 && a.firstSubject(a.p.Phrases[c.Subj].Head) {
				a.c.opening, a.c.openingSentence = prev, a.c.sentence // "It ... It"
			}
			return
		}
		// (not after a thing as its object: in "Iran rejected the plan. It
		// calls for talks" the plan does)
		if c.Obj >= 0 && !a.p.Toks[a.p.Phrases[c.Obj].Head].Tag.IsPlural() && len(a.phraseActors(c.Obj, true)) == 0 {
			return
		}
		if fs := a.phraseActors(c.Subj, true); len(fs) == 1 && fs[0].ent.Type != Person {
			a.c.opening, a.c.openingSentence = fs[0].ent, a.c.sentence
		}
		return
	}
}

// pluralSubjectBefore reports whether a clause subject before token i is
// plural ("The two were removed ... after X agreed to hand them over"): it
// is nearer to a "they" or "them" at i than any actor of the article.
func (a *analysis) pluralSubjectBefore(i int) bool {
	own := a.objectOf(i)
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj < 0 || c.SubjHow != "explicit" || a.p.Phrases[c.Subj].To > i || c.Subj == own {
			continue
		}
		if h := a.p.Toks[a.p.Phrases[c.Subj].Head]; h.Tag.IsPlural() || h.Tag == nlp.CD || len(a.p.Phrases[c.Subj].Conj) > 0 {
			return true
		}
	}
	return false
}

// objectOf is the subject of the clause whose object "them" at token i
// is: never its antecedent ("police used tear gas to clear them"; that
// would be "themselves"). -1 if none.
func (a *analysis) objectOf(i int) int {
	if a.p.Lower(i) != "them" {
		return -1
	}
	for k := range a.p.Clauses {
		if c := &a.p.Clauses[k]; c.Obj >= 0 && a.p.Phrases[c.Obj].Head == i {
			return c.Subj
		}
	}
	return -1
}

// pluralNouns take a plural verb though singular in form.
var pluralNouns = map[string]bool{"police": true, "people": true, "personnel": true, "clergy": true}

// pronounInClause resolves a pronoun at token i from its own sentence: the
// subject of the clause whose object it qualifies, the object of the verb
// its clause is conjoined with, the speaker of the clause it is said in.
func (a *analysis) pronounInClause(i int) []*Entity {
	if a.resolving {
		return nil // a pronoun standing for a pronoun: no antecedent here
	}
	a.resolving = true
	defer func() { a.resolving = false }()
	w := a.p.Toks[i].Lower
	plural := false
	switch w {
	case "they", "them", "their", "themselves":
		plural = true
	case "it", "its", "itself":
	default:
		return nil
	}
	// "Lavrov and Tillerson would intensify their dialogue": a possessive
	// in a clause's object or PP is its subject, when that fits
	if a.p.Toks[i].Tag == nlp.PRPS {
		if ph := a.p.PhraseAt(i); ph >= 0 {
			for k := range a.p.Clauses {
				c := &a.p.Clauses[k]
				own := false
				for _, r := range append([]int{c.Obj}, ppPhrases(c)...) {
					if r >= 0 && a.p.Phrases[r].Poss == ph {
						own = true
					}
				}
				subj := a.p.Agent(c)
				if !own || subj < 0 || a.p.Toks[a.p.Phrases[subj].Head].Tag == nlp.PRP {
					continue
				}
				if fs := a.phraseActors(subj, true); len(fs) > 0 && (len(fs) > 1 || a.p.Toks[a.p.Phrases[subj].Head].Tag.IsPlural()) == plural {
					return entitiesOf(fs)
				}
			}
		}
	}
	// "mistook the officers for militants and shot them": the object of
	// the verb it is conjoined with
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Obj < 0 || a.p.Phrases[c.Obj].Head != i || c.Rel != "conj" || c.Parent < 0 {
			continue
		}
		if prev := a.p.Clauses[c.Parent].Obj; prev >= 0 {
			if fs := a.phraseActors(prev, true); len(fs) > 0 {
				return entitiesOf(fs)
			}
		}
	}
	// the speaker of a reported clause
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj < 0 || a.p.Phrases[c.Subj].Head != i || c.Parent < 0 {
			continue
		}
		par := &a.p.Clauses[c.Parent]
		if par.Subj < 0 || a.p.Toks[a.p.Phrases[par.Subj].Head].Tag == nlp.PRP {
			continue
		}
		fs := a.phraseActors(par.Subj)
		head := a.p.Toks[a.p.Phrases[par.Subj].Head]
		// "Serbian police say they ...": one actor named by a plural noun
		many := len(fs) > 1 || head.Tag.IsPlural() || pluralNouns[head.Lower]
		if many == plural && len(fs) > 0 && (plural || fs[0].ent.Type != Person) {
			return entitiesOf(fs)
		}
	}
	return nil
}

// firstWord is the index of the sentence's first word, past opening
// quotation marks and brackets.
func (a *analysis) firstWord() int {
	i := 0
	for i < len(a.p.Toks) && (a.p.Toks[i].Tag.IsPunct() || a.p.Toks[i].Tag == nlp.LQuote) {
		i++
	}
	return i
}

// isCompany reports whether the words are a company's name met earlier in
// the article with its "Corp" or "Inc", or a run of its words.
func (c *discourse) isCompany(ws []string) bool {
	for _, co := range c.companies {
		for i := 0; i+len(ws) <= len(co); i++ {
			if slices.Equal(co[i:i+len(ws)], ws) {
				return true
			}
		}
	}
	return false
}

// speakerUnknown reports whether "he" or "she" at token i is the subject of
// what a named speaker said, who is no person kg knows ("Boucher said he
// met journalists"): the pronoun is the speaker, not the last person named.
func (a *analysis) speakerUnknown(i int) bool {
	switch a.p.Toks[i].Lower {
	case "he", "she":
	default:
		return false
	}
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj < 0 || a.p.Phrases[c.Subj].Head != i || c.Rel != "ccomp" || c.Parent < 0 {
			continue
		}
		par := &a.p.Clauses[c.Parent]
		if par.Subj < 0 || !a.p.Toks[a.p.Phrases[par.Subj].Head].Tag.IsProperNoun() {
			return false
		}
		for _, f := range a.phraseActors(par.Subj, true) {
			if f.ent.Type == Person {
				return false
			}
		}
		return true
	}
	return false
}

// titleCase writes each word of s with a capital and the rest in lower case.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// namedBody reports whether a group noun heads a proper name of several
// words ("a Conservative Party", "the Workers Party"): a body of that
// name, which discovery takes, not the generic party of the country.
func (a *analysis) namedBody(ph int, names bool) bool {
	if !names || !a.p.Toks[a.p.Phrases[ph].Head].Tag.IsProperNoun() {
		return false
	}
	from, _, ok := a.properName(ph)
	return ok && from < a.p.Phrases[ph].Head
}
