package extract

import (
	"sort"
	"strings"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// analysis is one sentence with its structure and its actor mentions tied
// to the structure's tokens.
type analysis struct {
	s         Sentence
	p         *syntax.Parse
	ms        []Mention
	mentionAt []int // token → mention index, -1
	c         *discourse
	dict      *Dictionary
	frames    *Frames // set while frames are applied
	resolving bool    // inside pronounActors
	inSpeaker bool    // inside speakerCountry
}

// analyzeSentence tokenizes and tags a sentence, ties its mentions to tokens and
// parses it, each mention's words kept inside one noun phrase.
func analyzeSentence(s Sentence, ms []Mention, c *discourse, d *Dictionary, lex syntax.Lexicon, buf []nlp.Token) *analysis {
	toks := nlp.AppendTokens(buf[:0], s.Text)
	nlp.Default().Tag(toks)
	a := &analysis{s: s, ms: ms, c: c, dict: d}
	// quotation marks are left out of the parse: 'would "intensify" their
	// dialogue' is one verb group (tokens keep their offsets, so spans stay
	// right)
	a.parse(kept(toks, func(t nlp.Token) bool { return t.Tag != nlp.LQuote && t.Tag != nlp.RQuote }), lex)
	a.defineAcronyms()
	// "The Hizbollah (Party of God) group declared", "The Union of
	// Teachers (NUT), the umbrella union, announced": once the acronyms
	// they define are known, asides in parentheses are read past
	if aside := asides(a.p.Toks); aside != nil {
		i := -1
		a.parse(kept(a.p.Toks, func(nlp.Token) bool { i++; return !aside[i] }), lex)
	}
	return a
}

// parse parses the tokens, each mention of the sentence inside one noun
// phrase, and ties mentions to tokens (a token inside two mentions belongs
// to the longer).
func (a *analysis) parse(toks []nlp.Token, lex syntax.Lexicon) {
	a.mentionAt = make([]int, len(toks))
	for i := range a.mentionAt {
		a.mentionAt[i] = -1
	}
	type span struct{ mi, from, to int }
	spans := make([]span, 0, len(a.ms))
	for mi, m := range a.ms {
		from := sort.Search(len(toks), func(j int) bool { return a.s.Start+toks[j].End > m.Start })
		to := from
		for to < len(toks) && a.s.Start+toks[to].Start < m.End {
			to++
		}
		if to > from {
			spans = append(spans, span{mi, from, to})
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].to-spans[i].from < spans[j].to-spans[j].from })
	var atoms []syntax.Span
	for _, sp := range spans {
		for j := sp.from; j < sp.to; j++ {
			a.mentionAt[j] = sp.mi
		}
		if sp.to-sp.from > 1 {
			atoms = append(atoms, syntax.Span{From: sp.from, To: sp.to})
		} else if t := &toks[sp.from]; sp.from > 0 && t.Tag.IsVerb() && (isCapitalized(t.Text) || miscased(t.Text) != t.Text) && a.ms[sp.mi].How != "demonym" {
			// "cut off supplies to Ukraine/VB": a name the dictionary knows,
			// inside the sentence, is no verb (nor "iSrael" typed in the wrong case)
			t.Tag = nlp.NNP
			t.Lemma = strings.ToLower(t.Text)
		}
	}
	// the longest first, then in order, none overlapping another
	sort.SliceStable(atoms, func(i, j int) bool { return atoms[i].To-atoms[i].From > atoms[j].To-atoms[j].From })
	taken := make([]bool, len(toks))
	kept := atoms[:0]
	for _, at := range atoms {
		free := true
		for j := at.From; j < at.To; j++ {
			free = free && !taken[j]
		}
		if free {
			for j := at.From; j < at.To; j++ {
				taken[j] = true
			}
			kept = append(kept, at)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].From < kept[j].From })
	a.p = syntax.NewWith(toks, kept, lex)
}

// kept is a new slice of the tokens keep says yes to.
func kept(toks []nlp.Token, keep func(nlp.Token) bool) []nlp.Token {
	out := make([]nlp.Token, 0, len(toks))
	for _, t := range toks {
		if keep(t) {
			out = append(out, t)
		}
	}
	return out
}

// asides marks the tokens of short asides in parentheses, "(NUT)", "(Party
// of God)", brackets included; nil when there are none. A parenthesis with
// a verb in it, or one left open, is kept.
func asides(toks []nlp.Token) []bool {
	var out []bool
	for i := 0; i < len(toks); i++ {
		if toks[i].Tag != nlp.LRB {
			continue
		}
		j := i + 1
		for j < len(toks) && j-i <= 8 && toks[j].Tag != nlp.RRB && toks[j].Tag != nlp.LRB && !toks[j].Tag.IsVerb() {
			j++
		}
		if j >= len(toks) || toks[j].Tag != nlp.RRB || j == i+1 {
			continue
		}
		if out == nil {
			out = make([]bool, len(toks))
		}
		for k := i; k <= j; k++ {
			out[k] = true
		}
		i = j
	}
	return out
}

// tokSpan is the article span of tokens [from, to).
func (a *analysis) tokSpan(from, to int) Span {
	return Span{a.s.Start + a.p.Toks[from].Start, a.s.Start + a.p.Toks[to-1].End}
}

// filler is an actor found for a role, with the words that name it.
type filler struct {
	ent      *Entity
	span     Span
	resolved bool   // from context: a pronoun, a role, "the government"
	agent    bool   // a state's agents ("security forces"), standing for its country
	role     string // the role source it was found by
}

// phraseActors returns the actors a phrase names, one per member of a
// coordination. Unknown proper names count only when names is set (see
// nameRoles).
func (a *analysis) phraseActors(ph int, names ...bool) []filler {
	if ph < 0 {
		return nil
	}
	var out []filler
	withNames := len(names) > 0 && names[0]
	for _, m := range a.p.Members(ph) {
		fs := a.ledBy(m) // "a delegation led by X": X
		if len(fs) == 0 {
			fs = a.singleActors(m, 0, withNames)
		}
		for _, f := range fs {
			if !containsFiller(out, f.ent) {
				out = append(out, f)
			}
		}
	}
	return out
}

// ledBy is who leads a body no actor names: the by-phrase of a "led by" or
// "headed by" participle after it ("a delegation headed by the foreign
// minister").
func (a *analysis) ledBy(ph int) []filler {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj != ph || c.SubjHow != "reduced" || !a.p.Verbs[c.Verb].Passive {
			continue
		}
		if l := a.p.Verbs[c.Verb].Lemma; l != "lead" && l != "head" && l != "chair" {
			continue
		}
		for _, pp := range c.PPs {
			if a.p.Lower(pp.Prep) == "by" {
				var out []filler
				for _, m := range a.p.Members(pp.Phrase) {
					out = append(out, a.singleActors(m, 1, true)...)
				}
				return out
			}
		}
	}
	return nil
}

func containsFiller(fs []filler, e *Entity) bool {
	for _, f := range fs {
		if f.ent == e {
			return true
		}
	}
	return false
}

// singleActors returns the actors one phrase (not its coordination) names.
func (a *analysis) singleActors(ph, depth int, names bool) []filler {
	if depth > 3 {
		return nil
	}
	P := &a.p.Phrases[ph]
	span := a.tokSpan(P.From, P.To)
	// "both sides" with no pair named is no one; "both", "the two" the pair
	if a.unpaired(ph) {
		return a.clausePair(ph, depth)
	}
	if fs := a.pairPronoun(ph); fs != nil {
		return fs
	}
	// a pronoun the clause itself resolves ("X and Y would intensify
	// their dialogue") before the article-level guess of the mention finder
	if t := a.p.Toks[P.Head].Tag; t == nlp.PRP || t == nlp.PRPS {
		if es := a.pronounInClause(P.Head); len(es) > 0 {
			out := make([]filler, len(es))
			for i, e := range es {
				out[i] = filler{ent: e, span: span, resolved: true}
			}
			return out
		}
		if a.speakerUnknown(P.Head) {
			return nil
		}
		// the article-level guess is for a plural pronoun with no plural
		// subject before it in its own sentence
		if w := a.p.Lower(P.Head); (w == "they" || w == "them") && a.mentionAt[P.Head] >= 0 && a.pluralSubjectBefore(P.Head) {
			return nil
		}
	}
	// "the Republic of Cyprus", "the Kingdom of Saudi Arabia": the country
	if polityWords[a.p.Toks[P.Head].Lower] && P.Of >= 0 && P.Of != ph {
		if c := a.headCountry(P.Of); c != nil {
			return []filler{{ent: c, span: span}}
		}
		// "the autonomous Azerbaijani republic of Nakhichevan": a polity
		// within the country its adjective names
		if c := a.modifierCountry(ph, false); c != nil {
			return []filler{{ent: c, span: span}}
		}
	}
	// "rebels of the Lord's Resistance Army", "members of Hamas": the
	// organization they belong to
	if lemma := strings.ToLower(a.p.Toks[P.Head].Lemma); (a.dict.groupNouns[lemma] || memberNouns[lemma]) && P.Of >= 0 && P.Of != ph {
		if fs := a.singleActors(P.Of, depth+1, names); len(fs) == 1 && fs[0].ent.Type != Country && fs[0].ent.Type != Person && fs[0].ent.Type != Group {
			return []filler{{ent: fs[0].ent, span: span}}
		}
	}
	// "imposed a curfew in Abidjan", "flew to Basra": a place the
	// dictionary lists, after a preposition, is its country (a place is
	// where things happen; it never acts)
	if a.mentionAt[P.Head] < 0 && P.Prep >= 0 && a.p.Toks[P.Head].Tag.IsProperNoun() {
		if c := a.headCountry(ph); c != nil {
			return []filler{{ent: c, span: span}}
		}
	}
	if mi := a.mentionAt[P.Head]; mi >= 0 {
		m := a.ms[mi]
		// "rebels in the Ivory Coast", "militants from Gaza": the
		// country's group, when the phrase names the country
		if lemma := strings.ToLower(a.p.Toks[P.Head].Lemma); len(m.Entities) == 1 && m.Entities[0].Type == Group && m.Entities[0].Country == "" &&
			m.Span.End-m.Span.Start == len(a.p.Toks[P.Head].Text) && a.dict.groupNouns[lemma] && !a.countryResolved(ph) {
			// "Hamas militants": the members of the body named before
			if e := a.bodyBefore(ph); e != nil {
				return []filler{{ent: e, span: span}}
			}
			if e := a.bodyFrom(ph, depth); e != nil {
				return []filler{{ent: e, span: span}}
			}
			if c := a.countryOf(ph); c != nil {
				return []filler{{ent: a.dict.Group(c, a.p.Toks[P.Head].Lower), span: span}}
			}
		}
		// "Darfur rebels": the group of the country of the place it is
		// named after
		if lemma := strings.ToLower(a.p.Toks[P.Head].Lemma); len(m.Entities) == 1 && m.Entities[0].Type == Group && m.Entities[0].Country == "" && a.dict.groupNouns[lemma] {
			if c := a.modifierPlace(ph); c != nil {
				return []filler{{ent: a.dict.Group(c, strings.ToLower(a.p.Toks[P.Head].Text)), span: span}}
			}
		}
		// "ethnic Albanians in Serbia", "ethnic Turks": a minority, of the
		// country it lives in when the phrase names it, not of the nation
		// its name comes from
		if e := a.ethnicGroup(ph, m); e != nil {
			return []filler{{ent: e, span: span}}
		}
		// "Israeli and Palestinian negotiators": the adjective shares the
		// noun of the last member
		if m.How == "demonym" && len(m.Entities) == 1 {
			if f, ok := a.sharedAgent(ph, m.Entities[0], span); ok {
				return []filler{f}
			}
		}
		// "Judge Ana Rivera opened an inquiry into Chilean officials": a
		// judge or police officer the dictionary does not know serves
		// the one country whose people or bodies the sentence names
		if e := m.Entities[0]; m.How == "title" && e.Discovered && e.Type == Person && e.Country == "" &&
			m.Span.Start == a.tokSpan(P.From, P.From+1).Start && domesticTitles[a.p.Lower(P.From)] {
			if c := a.peopleCountry(); c != nil && a.metonymCountries() == 0 {
				e.Country = c.Country
			}
		}
		if m.How != "demonym" || a.p.Toks[P.Head].Tag.IsNoun() && a.p.Toks[P.Head].Tag.IsPlural() {
			return mentionFillers(m)
		}
	}
	head := a.p.Toks[P.Head]
	lemma := strings.ToLower(head.Lemma)
	text := head.Lower
	// "Brown's closest ally has denied ...": the person the next sentence
	// opens with (lead.go)
	if e := a.leadSubject(ph); e != nil {
		return []filler{{ent: e, span: span, resolved: true}}
	}
	// "the commission", "the council": the organization of that name the
	// article named before
	if a.p.Toks[P.From].Tag == nlp.DT && strings.EqualFold(a.p.Toks[P.From].Text, "the") && !head.Tag.IsProperNoun() && !a.hasMentionBefore(ph) {
		if e := a.c.orgByHead(text); e != nil {
			return []filler{{ent: e, span: span, resolved: true}}
		}
		// "Human Rights Watch released a report. The group accused ...":
		// the organization named last, a few sentences back at most
		if orgRefNouns[text] && a.plainModifiers(ph) {
			if e := a.c.lastOrg(); e != nil {
				return []filler{{ent: e, span: span, resolved: true}}
			}
		}
	}
	// "the Morales camp claims": the people around a person named before
	// "camp" (a camp elsewhere is a place)
	if lemma == "camp" && P.Head > P.From {
		if mi := a.mentionAt[P.Head-1]; mi >= 0 && len(a.ms[mi].Entities) == 1 && a.ms[mi].Entities[0].Type == Person {
			return []filler{{ent: a.dict.Group(nil, a.groupWords(P.From, P.Head+1)), span: span, resolved: true}}
		}
	}
	isAgent := a.stateAgent(ph)
	isGroup := (a.dict.groupNouns[lemma] || a.dict.groupNouns[text]) && !a.namedBody(ph, names)
	// "union leaders", "business officials", "church leaders": a civil
	// body's people, not the state's
	if isAgent && a.civilModifier(ph) {
		return []filler{{ent: a.dict.Group(a.namedCountry(ph), a.groupWords(P.Head-1, P.Head+1)), span: span, resolved: true}}
	}
	// "its foes in the rebel movements": who the foes are
	if relationalNouns[lemma] {
		if pps := a.p.PPsAfter(ph); len(pps) > 0 && (a.p.Lower(pps[0].Prep) == "in" || a.p.Lower(pps[0].Prep) == "among") {
			return a.singleActors(pps[0].Phrase, depth+1, names)
		}
	}
	if isAgent || isGroup || collectiveNouns[lemma] || groupPlaces[lemma] || memberNouns[lemma] {
		// "Hamas militants", "PFR leaders", "NATO warplanes", "Labour MPs":
		// the members of an organization named before the noun
		if e := a.bodyBefore(ph); e != nil {
			return []filler{{ent: e, span: span}}
		}
		// "opposition leaders", "rebel commanders": a group's own people
		for i := P.From; i < P.Head; i++ {
			if w := strings.ToLower(a.p.Toks[i].Lemma); a.dict.groupNouns[w] && a.mentionAt[i] < 0 {
				words := a.groupWords(i, P.Head+1)
				if groupPlaces[lemma] && i+1 == P.Head {
					// "rebel positions" are the rebels'
					if words = a.p.Toks[i].Lower; a.dict.groupNouns[words+"s"] {
						words += "s"
					}
				}
				return []filler{{ent: a.dict.Group(a.groupCountry(ph), words), span: span, resolved: true}}
			}
		}
		// "an army base", "police posts": the state's
		if groupPlaces[lemma] && P.Head > P.From && a.dict.stateAgents[a.p.Toks[P.Head-1].Lower] {
			if c := a.countryOf(ph); c != nil {
				return []filler{{ent: c, span: span, agent: true}}
			}
		}
	}
	if isAgent {
		// "Assad's regime", "the regime of Bashar al-Assad", "the
		// government of Iraq": the state of whoever it belongs to
		for _, q := range []int{P.Poss, P.Of} {
			if q >= 0 && q != ph && !a.hasCountryModifier(ph) {
				// "the foreign ministers of France and Germany": each
				// country's, when the noun is plural
				members := []int{q}
				if q == P.Of && head.Tag.IsPlural() {
					members = a.p.Members(q)
				}
				var fs []filler
				for _, m := range members {
					fs = append(fs, a.singleActors(m, depth+1, false)...)
				}
				if len(fs) > 0 {
					return fs
				}
			}
		}
		// "European Community foreign ministers": the officials of a body
		// the dictionary does not know, not of the article's country
		// "Western governments", "European states": several states, not
		// the article's country
		if head.Tag.IsPlural() && (lemma == "government" || lemma == "state") && a.countryResolved(ph) {
			return []filler{{ent: a.dict.Group(nil, a.groupWords(P.From, P.Head+1)), span: span, resolved: true}}
		}
		if a.countryResolved(ph) && a.unknownProperModifier(ph) {
			// "all Balkan states": a group by the words the text uses
			return []filler{{ent: a.dict.Group(nil, a.groupWords(P.From, P.Head+1)), span: span, resolved: true}}
		}
		if country := a.countryOf(ph); country != nil {
			return []filler{{ent: country, span: span, resolved: a.countryResolved(ph), agent: true}}
		}
		return nil
	}
	if lemma == "they" || lemma == "it" {
		// handled below with the pronouns
	}
	if isGroup && (lemma == "people" || lemma == "population" || lemma == "nation") && a.hasCountryModifier(ph) {
		// "the Palestinian people": the nation
		return []filler{{ent: a.countryOf(ph), span: span}}
	}
	if isGroup {
		if e := a.bodyFrom(ph, depth); e != nil {
			return []filler{{ent: e, span: span}}
		}
		// a group's country only when the text says it ("Sudanese rebels",
		// "Iraq's Kurds"): the article's country is often not theirs
		return []filler{{ent: a.dict.Group(a.groupCountry(ph), a.groupNoun(ph)), span: span, resolved: true}}
	}
	if head.Tag == nlp.PRP || head.Tag == nlp.PRPS {
		var out []filler
		for _, e := range a.pronounActors(P.Head) {
			out = append(out, filler{ent: e, span: span, resolved: true})
		}
		return out
	}
	// "Maria Lopez, a Guatemalan activist": the name is the actor, and
	// what the apposition says gives a new person a country
	if names {
		if from, to, ok := a.properName(ph); ok {
			if e := a.discovered(from, to); e != nil {
				a.learnGenderInPhrase(e, ph, from)
				if e.Discovered && e.Country == "" {
					// (or before it: "a member of the Kenyan parliament, X,")
					for _, q := range []int{P.Appos, a.describedBy(ph)} {
						if q >= 0 && e.Country == "" {
							if c := a.countryOf(q); c != nil && !a.countryResolved(q) {
								e.Country = c.Country
							}
						}
					}
				}
				// "Nigerian junior foreign minister Dubem Oniya": the country
				// named before the name's title
				if e.Discovered && e.Type == Person && e.Country == "" {
					// (the demonym may be cut off by the words of the title:
					// "[Chilean deputy] [foreign minister X]")
					first := P.From
					for first > 0 && P.From-first < 3 && a.p.PhraseAt(first-1) >= 0 && a.p.Phrases[a.p.PhraseAt(first-1)].To == first {
						first = a.p.Phrases[a.p.PhraseAt(first-1)].From
					}
					for i := first; i < from; i++ {
						if mi := a.mentionAt[i]; mi >= 0 {
							if c := countryEntity(a.ms[mi], a.dict); c != nil {
								e.Country = c.Country
								break
							}
						}
					}
					// "An Argentine judge ordered former president Carlos
					// Menem to appear": an office holder the dictionary does
					// not know holds it in the one country whose people or
					// bodies the sentence names
					if e.Country == "" && a.titled(P.From, P.Head) {
						if c := a.peopleCountry(); c != nil {
							e.Country = c.Country
						}
					}
				}
				return []filler{{ent: e, span: a.tokSpan(from, to)}}
			}
		}
	}
	if P.Appos >= 0 {
		if fs := a.singleActors(P.Appos, depth+1, names); len(fs) > 0 {
			return fs
		}
	}
	// "Brown's closest ally", "critics of the president": someone else
	related := a.dict.relationNouns[lemma]
	// "the march of 4,000 workers", "the headquarters of the PDI": what is
	// done to the thing is done to those it belongs to
	if P.Of >= 0 && P.Of != ph && !related {
		// with its coordination: "the military wings of Hamas and Islamic Jihad"
		// ("the town of Goma": a place's name is no actor the text
		// introduces; a country's still stands for it)
		ofNames := names && !placeNouns[lemma]
		var fs []filler
		for _, m := range a.p.Members(P.Of) {
			fs = append(fs, a.singleActors(m, depth+1, ofNames)...)
		}
		if len(fs) > 0 {
			return fs
		}
		// "the town of Cizre in southeastern Turkey": the country it is in
		if placeNouns[lemma] {
			for _, pp := range a.p.PPsAfter(ph) {
				if a.p.Lower(pp.Prep) == "in" {
					if c := a.headCountry(pp.Phrase); c != nil {
						return []filler{{ent: c, span: span}}
					}
				}
			}
		}
	}
	// "praised his handling of the economy": the possessor
	if P.Poss >= 0 && !a.p.Toks[P.Head].Tag.IsProperNoun() && !related {
		if fs := a.singleActors(P.Poss, depth+1, names); len(fs) > 0 {
			return fs
		}
	}
	// "the coup in Honduras", "the violence in Syria": the country a
	// situation is in
	if situationNouns[lemma] {
		if pps := a.p.PPsAfter(ph); len(pps) > 0 && a.p.Lower(pps[0].Prep) == "in" {
			Q := &a.p.Phrases[pps[0].Phrase]
			if mi := a.mentionAt[Q.Head]; mi >= 0 {
				if e := countryEntity(a.ms[mi], a.dict); e != nil {
					return []filler{{ent: e, span: a.ms[mi].Span, resolved: true}}
				}
			}
		}
	}
	// "Syrian ceasefire talks", "Israeli positions", "NATO membership",
	// "the House of Lords decision": the actor named before the head
	if !a.p.Toks[P.Head].Tag.IsProperNoun() {
		for i := P.From; i < P.Head; i++ {
			if mi := a.mentionAt[i]; mi >= 0 && a.mentionAt[P.Head] != mi && !a.linkedModifier(mi) {
				if m := a.ms[mi]; len(m.Entities) == 1 && m.Entities[0].Type != Person {
					return []filler{{ent: m.Entities[0], span: m.Span, resolved: true}}
				}
			}
		}
	}
	return nil
}

// ethnicGroup is the group "ethnic <people>" or "<demonym> <people>"
// names when phrase ph (whose head mention is m) says so, nil otherwise:
// of the country an in-, of- or from-phrase after it names, else of the
// demonym's, else of none.
func (a *analysis) ethnicGroup(ph int, m Mention) *Entity {
	P := &a.p.Phrases[ph]
	if len(m.Entities) != 1 || m.Entities[0].Country == "" || m.How != "name" && m.How != "agent" {
		return nil
	}
	// ("Bosnian Serbs", "Iraqi Kurds": the people of the country named first)
	first := -1
	var where *Entity
	for i := P.From; i < P.Head; i++ {
		if a.p.Lower(i) == "ethnic" {
			first = i
			break
		}
		if mi := a.mentionAt[i]; mi >= 0 && mi != a.mentionAt[P.Head] && (a.ms[mi].How == "demonym" || a.ms[mi].How == "name") && m.How == "name" {
			if c := countryEntity(a.ms[mi], a.dict); c != nil && c != m.Entities[0] {
				first, where = P.Head, c // named "Bosnian serbs"
				break
			}
		}
	}
	if first < 0 {
		return nil
	}
	if pps := a.p.PPsAfter(ph); len(pps) > 0 {
		switch a.p.Lower(pps[0].Prep) {
		case "in", "of", "from":
			if c := a.headCountry(pps[0].Phrase); c != nil {
				where = c
			}
		}
	}
	return a.dict.Group(where, a.groupWords(first, P.Head+1))
}

// linkedModifier reports whether mention mi only qualifies the words after
// it as their ally or sponsor: "Al Qaeda-linked", "Iran-backed". Such a body
// is not the one that acts (a "US-led war" is the US's, though).
func (a *analysis) linkedModifier(mi int) bool {
	m := a.ms[mi]
	if m.End < a.s.Start || m.End > a.s.End {
		return false
	}
	rest := a.s.Text[m.End-a.s.Start:]
	for _, w := range []string{"-linked", "-backed", "-allied", "-affiliated", "-inspired", "-sponsored", "-supported", "-aligned", "-funded", "-armed", "-trained"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// bodyBefore is the organization or group named before phrase ph's head
// ("Hamas militants", "PFR leaders"), nil if none.
func (a *analysis) bodyBefore(ph int) *Entity {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if mi := a.mentionAt[i]; mi >= 0 && a.mentionAt[P.Head] != mi && !a.linkedModifier(mi) {
			if m := a.ms[mi]; len(m.Entities) == 1 && m.Entities[0].Type != Country && m.Entities[0].Type != Person && m.How != "demonym" {
				return m.Entities[0]
			}
		}
	}
	return nil
}

// titled reports whether a title of office ("President", "Prime
// Minister", "judge") stands among tokens from..to.
func (a *analysis) titled(from, to int) bool {
	for i := from; i <= to && i < len(a.p.Toks); i++ {
		w := a.p.Lower(i)
		if _, ok := a.dict.titles[w]; ok || w == "judge" || w == "president" {
			return true
		}
		if i+1 <= to {
			if _, ok := a.dict.titles[w+" "+a.p.Lower(i+1)]; ok {
				return true
			}
		}
	}
	return false
}

// peopleCountry is the one country the sentence names by a demonym, a
// body of its state or a metonym ("Argentine judge", "the Kenyan police",
// "Washington"), nil if none or several. (A bare country name is left out:
// it is as often a place or a target: "arms sales to Croatia".)
func (a *analysis) peopleCountry() *Entity {
	var only *Entity
	for _, m := range a.ms {
		// (a body by its name counts too: "the Communist Party of Nepal
		// ... chairman X" beside "Pakistani intelligence" names two)
		body := (m.How == "name" || m.How == "acronym") && len(m.Entities) == 1 &&
			(m.Entities[0].Type == Organization || m.Entities[0].Type == Group) && m.Entities[0].Country != ""
		if m.How != "demonym" && m.How != "agent" && m.How != "metonym" && !body || len(m.Entities) != 1 {
			continue
		}
		c := a.dict.CountryByCode(m.Entities[0].Country)
		if m.Entities[0].Type == Country {
			c = m.Entities[0]
		}
		if c == nil {
			continue
		}
		if only != nil && only != c {
			return nil
		}
		only = c
	}
	return only
}

// orgRefNouns refer back to the organization named last: "the group",
// "the rights group", "the organisation".
var orgRefNouns = map[string]bool{"group": true}

// plainModifiers reports whether the words between phrase ph's determiner
// and head are at most two lower-case ones naming no actor ("the rights
// group", "the militant group"), and it has no "of" phrase or possessor
// ("the group of eight", "the group's leader").
func (a *analysis) plainModifiers(ph int) bool {
	P := &a.p.Phrases[ph]
	if P.Head-P.From > 3 || P.Of >= 0 || P.Poss >= 0 {
		return false
	}
	for i := P.From + 1; i < P.Head; i++ {
		if t := a.p.Toks[i]; a.mentionAt[i] >= 0 || t.Text != t.Lower || t.Tag == nlp.CD {
			return false
		}
	}
	return true
}

// domesticTitles are the first words of the titles of officers who serve
// their own country's courts and police ("Judge", "Police Commissioner").
var domesticTitles = map[string]bool{"judge": true, "magistrate": true, "prosecutor": true, "police": true, "superintendent": true,
	"commissioner": true, "inspector": true, "sheriff": true}

// metonymCountries is the number of mentions of the sentence that name a
// country by a place ("in Prague"): where someone is, not whom they serve.
func (a *analysis) metonymCountries() int {
	n := 0
	for _, m := range a.ms {
		if m.How == "metonym" {
			n++
		}
	}
	return n
}

// describedBy is the phrase ph stands in apposition to ("a member of the
// Kenyan parliament, Juma Okoth,"), -1 if none.
func (a *analysis) describedBy(ph int) int {
	for q := ph - 1; q >= 0 && q >= ph-4; q-- {
		if a.p.Phrases[q].Appos == ph {
			return q
		}
	}
	return -1
}

// unknownProperModifier reports whether a capitalized word no mention
// covers qualifies the head: "European Community foreign ministers".
func (a *analysis) unknownProperModifier(ph int) bool {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if t := a.p.Toks[i]; t.Tag.IsProperNoun() && a.mentionAt[i] < 0 && i > P.From {
			return true
		}
		if t := a.p.Toks[i]; t.Tag.IsProperNoun() && a.mentionAt[i] < 0 && i == P.From && !a.dict.notNames[t.Text] {
			return true
		}
	}
	return false
}

// situationNouns name what happens in a country: acting on it ("condemned
// the coup in Honduras") is acting on the country.
var situationNouns = map[string]bool{"coup": true, "violence": true, "war": true, "crisis": true, "conflict": true,
	"fighting": true, "unrest": true, "election": true, "vote": true, "referendum": true, "crackdown": true,
	"repression": true, "situation": true, "killing": true, "massacre": true, "genocide": true, "occupation": true,
	"invasion": true, "operation": true, "campaign": true, "offensive": true, "presence": true, "policy": true,
	"program": true, "programme": true, "insurgency": true, "uprising": true, "rebellion": true, "revolt": true,
	"bombing": true, "raid": true, "strike": true, "intervention": true, "deployment": true, "blockade": true,
	"embargo": true, "attack": true, "abuse": true, "atrocity": true, "persecution": true, "discrimination": true}

// hasCountryModifier reports whether a country is named before the head:
// "the Syrian government" is Syria whoever its possessor.
func (a *analysis) hasCountryModifier(ph int) bool { return a.modifierCountry(ph, false) != nil }

// modifierCountry is the first country named before phrase ph's head
// ("Iran's army", "Israeli forces"), nil if none; with skipLinked, not
// one that only sponsors ("Iran-backed militias").
func (a *analysis) modifierCountry(ph int, skipLinked bool) *Entity {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if mi := a.mentionAt[i]; mi >= 0 && !(skipLinked && a.linkedModifier(mi)) {
			if e := countryEntity(a.ms[mi], a.dict); e != nil {
				return e
			}
		}
	}
	return nil
}

// hasMentionBefore reports whether a mention qualifies the phrase's head.
func (a *analysis) hasMentionBefore(ph int) bool {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if a.mentionAt[i] >= 0 {
			return true
		}
	}
	return false
}

// groupNoun is a group's noun with the words that qualify it, without
// determiners, numbers and the country: "war prisoners" for "two
// Japanese war prisoners". A first adjective goes ("angry protesters"),
// unless a capital inside the sentence makes it part of a name ("a
// Conservative Party" is the Conservative Party, not any party).
func (a *analysis) groupNoun(ph int) string {
	P := &a.p.Phrases[ph]
	from := P.From + syntax.QuantityPrefix(a.p.Toks, P.From)
	for i := from; i < P.Head; i++ {
		t := a.p.Toks[i]
		if t.Tag == nlp.DT || t.Tag == nlp.PDT || t.Tag == nlp.CD || t.Tag == nlp.PRPS || a.mentionAt[i] >= 0 ||
			t.Tag.IsAdj() && !t.Tag.IsProperNoun() && i == from && (i == a.firstWord() || !isCapitalizedWord(t.Text)) {
			from = i + 1
			continue
		}
		break
	}
	return strings.ToLower(a.p.Text(from, P.Head+1))
}

// groupWords names a group by the words of tokens [from, to) after any
// determiner or number: "all Balkan states" is "Balkan states".
func (a *analysis) groupWords(from, to int) string {
	from += syntax.QuantityPrefix(a.p.Toks, from)
	for from < to-1 {
		switch t := a.p.Toks[from].Tag; {
		case t == nlp.DT || t == nlp.PDT || t == nlp.CD || t == nlp.PRPS:
			from++
			continue
		}
		break
	}
	return a.p.Text(from, to)
}

// relationalNouns name parties by their relation to another: "its foes in
// the rebel movements" are the rebels.
var relationalNouns = map[string]bool{"foe": true, "rival": true, "opponent": true, "enemy": true, "adversary": true}

// collectiveNouns are bodies a group noun before them names: "rebel
// movements" are rebels, "opposition groups" the opposition.
var collectiveNouns = map[string]bool{"movement": true, "group": true, "organization": true, "organisation": true,
	"faction": true, "camp": true, "coalition": true, "alliance": true, "bloc": true, "party": true}

// polityWords name a state by its form: "the Republic of Cyprus".
var polityWords = map[string]bool{"republic": true, "kingdom": true, "state": true, "federation": true, "emirate": true,
	"principality": true, "sultanate": true, "grand duchy": true}

// memberNouns name one of a group named before them: "an opposition
// leader", "a rebel commander", "a Hamas member".
var memberNouns = map[string]bool{"leader": true, "chief": true, "commander": true, "member": true, "head": true, "figure": true}

// groupPlaces are held by the group named before them, and stand for it
// as targets: "shelled rebel positions", "raided Taliban hideouts".
var groupPlaces = map[string]bool{"position": true, "base": true, "post": true, "barracks": true, "checkpoint": true, "stronghold": true, "hideout": true, "outpost": true,
	"headquarters": true, "enclave": true, "bastion": true}

// civilModifier reports whether the word right before phrase ph's head
// is a common noun naming a civil body ("union leaders", "business
// officials"): lower case, no actor, no agent itself, and none of the
// words that qualify the state's own people ("security officials").
func (a *analysis) civilModifier(ph int) bool {
	P := &a.p.Phrases[ph]
	if P.Head == P.From {
		return false
	}
	t := a.p.Toks[P.Head-1]
	w := strings.ToLower(t.Lemma)
	return t.Tag == nlp.NN && t.Text == t.Lower && a.mentionAt[P.Head-1] < 0 && civilBodies[w]
}

// civilBodies are bodies whose people are no state agents: "union
// leaders", "party officials", "church leaders".
var civilBodies = map[string]bool{"union": true, "business": true, "church": true, "party": true, "community": true,
	"industry": true, "company": true, "tribal": true, "student": true, "club": true, "league": true,
	"bank": true, "charity": true, "campaign": true, "farm": true, "labour": true, "labor": true, "trade": true,
	"university": true, "school": true, "hospital": true, "media": true, "newspaper": true, "village": true, "clan": true}

// stateAgent reports whether phrase ph's head names a state's agents:
// "troops", "the government", "security services" (not "travel services").
func (a *analysis) stateAgent(ph int) bool {
	P := &a.p.Phrases[ph]
	head := a.p.Toks[P.Head]
	lemma, text := strings.ToLower(head.Lemma), head.Lower
	if lemma == "minister" && P.Head > P.From && a.p.Toks[P.Head-1].Lower == "first" {
		return false // "the first minister" heads a devolved government, not the state
	}
	if a.dict.stateAgents[lemma] || a.dict.stateAgents[text] {
		return true
	}
	for _, mods := range append(a.dict.agentCompounds[text], a.dict.agentCompounds[lemma]...) {
		if P.Head-len(mods) < P.From {
			continue
		}
		ok := true
		for i, m := range mods {
			if a.p.Toks[P.Head-len(mods)+i].Lower != m {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// namesActor reports whether a phrase itself names an actor (for a
// frame's "$actor" object): a mention over its head, an agent or group
// noun, a pronoun that resolves, or an unknown proper name; not what its
// PPs or modifiers would lend it ("held talks in Moscow" holds no one).
func (a *analysis) namesActor(ph int) bool {
	P := &a.p.Phrases[ph]
	head := a.p.Toks[P.Head]
	// a bare "forces" ("two groups tried to join forces") is the idiom
	// of acting together, not a state's forces joined
	if P.To-P.From == 1 && head.Text == "forces" {
		return false
	}
	if a.mentionAt[P.Head] >= 0 || a.stateAgent(ph) || a.dict.groupNouns[strings.ToLower(head.Lemma)] ||
		a.dict.groupNouns[head.Lower] {
		return true
	}
	if head.Tag == nlp.PRP {
		return len(a.singleActors(ph, 0, true)) > 0
	}
	if from, to, ok := a.properName(ph); ok && a.discovered(from, to) != nil {
		return true
	}
	return P.Appos >= 0 && a.namesActor(P.Appos)
}

// namesState reports whether a phrase names a state by its name or
// capital ("Somalia", "Mogadishu"), not by its people or bodies.
func (a *analysis) namesState(ph int) bool {
	mi := a.mentionAt[a.p.Phrases[ph].Head]
	return mi >= 0 && countryEntity(a.ms[mi], a.dict) != nil && (a.ms[mi].How == "name" || a.ms[mi].How == "metonym")
}

func mentionFillers(m Mention) []filler {
	out := make([]filler, 0, len(m.Entities))
	for _, e := range m.Entities {
		out = append(out, filler{ent: e, span: m.Span, resolved: m.Resolved(), agent: m.How == "agent" && e.Type == Country})
	}
	return out
}

// countryOf is the country a phrase's agent noun belongs to: named in the
// phrase ("Myanmar government", "Indonesian police"), its possessor
// ("Iran's army"), its "of" phrase ("the government of Iraq"), else the
// country the article is about.
func (a *analysis) countryOf(ph int) *Entity {
	P := &a.p.Phrases[ph]
	if e := a.modifierCountry(ph, true); e != nil {
		return e
	}
	// "Iran's army", "the government of Iraq", "dissidents from Myanmar"
	qs := []int{P.Poss, P.Of}
	if pps := a.p.PPsAfter(ph); len(pps) > 0 {
		// (not a city after a phrase in a PP: in "signed a deal with the
		// rebels in Abuja" the city is where the deal was signed)
		if w := a.p.Lower(pps[0].Prep); w == "from" || w == "in" && !(P.Prep >= 0 && a.metonymAt(pps[0].Phrase)) {
			qs = append(qs, pps[0].Phrase)
		}
	}
	for _, q := range qs {
		if q < 0 {
			continue
		}
		if e := a.headCountry(q); e != nil {
			return e
		}
		// "a delegation from the Kansai region of Japan"
		if Q := &a.p.Phrases[q]; Q.Of >= 0 && Q.Of != q && placeNouns[strings.ToLower(a.p.Toks[Q.Head].Lemma)] {
			if e := a.headCountry(Q.Of); e != nil {
				return e
			}
		}
	}
	// "Obama is being pressured by congress": a legislature acts on its
	// own country's leaders
	if e := a.legislatureCountry(ph); e != nil {
		return e
	}
	if e := a.localCountry(ph); e != nil {
		return e
	}
	// "the LDP official said the government ...": the speaker's own
	if e := a.speakerCountry(P.Head); e != nil {
		return e
	}
	if code := a.c.focus(); code != "" {
		return a.dict.CountryByCode(code)
	}
	return nil
}

// localCountry is the country where police named by a bare noun act:
// the one that the places of the clauses they do something in belong to
// ("The police barred the crowd from reaching the consulate in downtown
// Istanbul" are Turkey's, in an article about Kosovo). Police, unlike
// troops, act at home. nil when those places name no country, or two.
func (a *analysis) localCountry(ph int) *Entity {
	if !localAgentNouns[strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma)] {
		return nil
	}
	p := a.p
	var found *Entity
	for k := range p.Clauses {
		// the clause the police do, or one under it ("barred the crowd
		// from reaching the consulate in Istanbul")
		top := k
		for depth := 0; top >= 0 && p.Agent(&p.Clauses[top]) != ph && depth < 3; depth++ {
			top = p.Clauses[top].Parent
		}
		if top < 0 || p.Agent(&p.Clauses[top]) != ph {
			continue
		}
		for _, pp := range p.Clauses[k].PPs {
			if w := p.Lower(pp.Prep); w != "in" && w != "at" || p.Phrases[pp.Phrase].Time {
				continue
			}
			if e := a.headCountry(pp.Phrase); e != nil {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// localAgentNouns name police, who act where they are.
var localAgentNouns = map[string]bool{"police": true, "policeman": true, "policemen": true, "policewoman": true}

// groupCountry is the country group phrase ph names: by a modifier or as
// the one country of the sentence (namedCountry), else as the country of
// the place its of-phrase names ("Druze inhabitants of the Syrian Golan
// Heights"); nil if none.
func (a *analysis) groupCountry(ph int) *Entity {
	// "Darfur rebels", "Mindanao separatists": the country of the place
	// the noun is named after
	if c := a.modifierPlace(ph); c != nil {
		return c
	}
	// "his party", "Kennedy's supporters": the possessor's country
	if q := a.p.Phrases[ph].Poss; q >= 0 && q != ph {
		if code := a.personCountry(q); code != "" {
			if c := a.dict.CountryByCode(code); c != nil {
				return c
			}
		}
	}
	if c := a.namedCountry(ph); c != nil {
		return c
	}
	P := &a.p.Phrases[ph]
	if P.Of < 0 || P.Of == ph {
		return nil
	}
	if c := a.headCountry(P.Of); c != nil {
		return c
	}
	Q := &a.p.Phrases[P.Of]
	for i := Q.From; i < Q.Head; i++ {
		if mi := a.mentionAt[i]; mi >= 0 {
			if c := countryEntity(a.ms[mi], a.dict); c != nil {
				return c
			}
		}
	}
	return nil
}

// modifierPlace is the country of a place the dictionary lists that is
// named before phrase ph's head by capitalized words no mention covers
// ("Darfur rebels"), nil if none.
func (a *analysis) modifierPlace(ph int) *Entity {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if a.mentionAt[i] >= 0 || !a.p.Toks[i].Tag.IsProperNoun() {
			continue
		}
		j := i
		for j+1 < P.Head && a.mentionAt[j+1] < 0 && a.p.Toks[j+1].Tag.IsProperNoun() {
			j++
		}
		if c := a.dict.PlaceCountry(a.s.Text[a.p.Toks[i].Start:a.p.Toks[j].End]); c != nil {
			return c
		}
		i = j
	}
	return nil
}

// speakerCountry is the country of whoever says token i's words, when a
// speech clause of the sentence reports them; nil otherwise.
// legislatureCountry is the country of the person a legislature named by
// a bare noun ("congress", "parliament") acts on or is acted on by in its
// clause, nil if there is none: legislatures deal with their own
// country's leaders.
func (a *analysis) legislatureCountry(ph int) *Entity {
	if !legislatureNouns[strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma)] {
		return nil
	}
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		other := -1
		switch ph {
		case a.p.Agent(c):
			other = a.p.Patient(c)
		case a.p.Patient(c):
			other = a.p.Agent(c)
		}
		if other < 0 || other == ph {
			continue
		}
		if code := a.personCountry(other); code != "" {
			return a.dict.CountryByCode(code)
		}
	}
	return nil
}

// personCountry is the country code of the one person phrase ph's head
// names, "" if it names no person or one of no known country.
func (a *analysis) personCountry(ph int) string {
	if mi := a.mentionAt[a.p.Phrases[ph].Head]; mi >= 0 && len(a.ms[mi].Entities) == 1 {
		if e := a.ms[mi].Entities[0]; e.Type == Person {
			return e.Country
		}
	}
	return ""
}

// legislatureNouns name a country's legislature.
var legislatureNouns = map[string]bool{"congress": true, "parliament": true, "senate": true, "legislature": true,
	"lawmaker": true, "legislator": true, "parliamentarian": true}

func (a *analysis) speakerCountry(i int) *Entity {
	if a.frames == nil || a.frames.Evaluation == nil || a.inSpeaker {
		return nil
	}
	a.inSpeaker = true
	defer func() { a.inSpeaker = false }()
	p := a.p
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if !a.frames.Evaluation.Speech[p.Verbs[c.Verb].Lemma] {
			continue
		}
		if from, to := a.saidSpan(k); i < from || i >= to {
			continue
		}
		ag := p.Agent(c)
		for _, f := range a.phraseActors(ag, false) {
			if f.ent.Country != "" {
				return a.dict.CountryByCode(f.ent.Country)
			}
		}
		// "the LDP official": the body named in the speaker's words
		if ag >= 0 {
			for t := p.Phrases[ag].From; t < p.Phrases[ag].To; t++ {
				if mi := a.mentionAt[t]; mi >= 0 && len(a.ms[mi].Entities) == 1 && a.ms[mi].Entities[0].Country != "" {
					return a.dict.CountryByCode(a.ms[mi].Entities[0].Country)
				}
			}
		}
	}
	return nil
}

// namedCountry is the country named in the phrase, its possessor or its
// "of" phrase, nil if none.
func (a *analysis) namedCountry(ph int) *Entity {
	if !a.countryResolved(ph) {
		return a.countryOf(ph)
	}
	// "The Sudanese government accused Darfur rebels": the one country the
	// sentence names (not for victims: "the bombing killed ten people")
	switch strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma) {
	case "people", "person", "civilian", "public", "population", "resident", "villager", "child", "woman", "man":
		return nil
	}
	var only *Entity
	for _, m := range a.ms {
		if e := countryEntity(m, a.dict); e != nil {
			if only != nil && only != e {
				return nil
			}
			only = e
		}
	}
	return only
}

// bodyFrom is the organization a group phrase says its people come from
// ("activists from the Fatah party", "militants from Hamas"), nil if none.
func (a *analysis) bodyFrom(ph, depth int) *Entity {
	pps := a.p.PPsAfter(ph)
	if len(pps) == 0 || a.p.Lower(pps[0].Prep) != "from" || depth >= 3 {
		return nil
	}
	// (a body: not a country, a person, or a generic group such as "rebels")
	if fs := a.singleActors(pps[0].Phrase, depth+1, true); len(fs) == 1 && fs[0].ent.Type != Country && fs[0].ent.Type != Person &&
		(fs[0].ent.Type != Group || fs[0].ent.Country != "" && !fs[0].ent.Discovered) {
		return fs[0].ent
	}
	return nil
}

// placeNouns name a part of a country: "the Kansai region of Japan".
var placeNouns = map[string]bool{"region": true, "province": true, "state": true, "city": true, "town": true,
	"district": true, "county": true, "area": true, "part": true, "capital": true, "island": true, "village": true}

// metonymAt reports whether phrase q's head is a place standing for its
// country ("Abuja", "Nairobi").
func (a *analysis) metonymAt(q int) bool {
	mi := a.mentionAt[a.p.Phrases[q].Head]
	return mi >= 0 && a.ms[mi].How == "metonym"
}

// countryResolved reports whether countryOf had to fall back on the
// article's focus.
func (a *analysis) countryResolved(ph int) bool {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if mi := a.mentionAt[i]; mi >= 0 && !a.linkedModifier(mi) {
			return false
		}
	}
	if P.Poss >= 0 && a.mentionAt[a.p.Phrases[P.Poss].Head] >= 0 || P.Of >= 0 && a.mentionAt[a.p.Phrases[P.Of].Head] >= 0 {
		return false
	}
	if pps := a.p.PPsAfter(ph); len(pps) > 0 {
		if w := a.p.Lower(pps[0].Prep); (w == "from" || w == "in") && a.mentionAt[a.p.Phrases[pps[0].Phrase].Head] >= 0 {
			return false
		}
	}
	return true
}

// headCountry is the country the mention at phrase ph's head names, nil if
// none.
func (a *analysis) headCountry(ph int) *Entity {
	if mi := a.mentionAt[a.p.Phrases[ph].Head]; mi >= 0 {
		return countryEntity(a.ms[mi], a.dict)
	}
	// "downtown Istanbul", "the town of Nablus": a place the dictionary
	// knows is in its country
	P := &a.p.Phrases[ph]
	from := P.Head
	for from > P.From && a.p.Toks[from-1].Tag.IsProperNoun() {
		from--
	}
	if a.p.Toks[P.Head].Tag.IsProperNoun() {
		return a.dict.PlaceCountry(a.s.Text[a.p.Toks[from].Start:a.p.Toks[P.Head].End])
	}
	return nil
}

// countryEntity is the country a mention names: its one entity, when that
// is a country.
func countryEntity(m Mention, d *Dictionary) *Entity {
	if len(m.Entities) != 1 {
		return nil
	}
	e := m.Entities[0]
	if e.Type == Country {
		return e
	}
	return nil
}
