package extract

import (
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
}

// analyzeSentence tokenizes and tags a sentence, ties its mentions to tokens and
// parses it, each mention's words kept inside one noun phrase.
func analyzeSentence(s Sentence, ms []Mention, c *discourse, d *Dictionary, buf []nlp.Token) *analysis {
	toks := nlp.AppendTokens(buf[:0], s.Text)
	nlp.Default().Tag(toks)
	a := &analysis{s: s, ms: ms, c: c, dict: d, mentionAt: make([]int, len(toks))}
	for i := range a.mentionAt {
		a.mentionAt[i] = -1
	}
	var atoms []syntax.Span
	k := 0
	for mi, m := range ms {
		from, to := -1, -1
		for ; k < len(toks) && s.Start+toks[k].End <= m.Start; k++ {
		}
		for j := k; j < len(toks) && s.Start+toks[j].Start < m.End; j++ {
			if from < 0 {
				from = j
			}
			to = j + 1
			a.mentionAt[j] = mi
		}
		if from >= 0 && to-from > 1 && (len(atoms) == 0 || atoms[len(atoms)-1].To <= from) {
			atoms = append(atoms, syntax.Span{From: from, To: to})
		}
	}
	a.p = syntax.New(toks, atoms)
	return a
}

// tokSpan is the article span of tokens [from, to).
func (a *analysis) tokSpan(from, to int) Span {
	return Span{a.s.Start + a.p.Toks[from].Start, a.s.Start + a.p.Toks[to-1].End}
}

// filler is an actor found for a role, with the words that name it.
type filler struct {
	ent      *Entity
	span     Span
	resolved bool // from context: a pronoun, a role, "the government"
}

// phraseActors returns the actors a phrase names, one per member of a
// coordination.
func (a *analysis) phraseActors(ph int) []filler {
	if ph < 0 {
		return nil
	}
	var out []filler
	for _, m := range a.p.Members(ph) {
		for _, f := range a.singleActors(m, 0) {
			if !containsFiller(out, f.ent) {
				out = append(out, f)
			}
		}
	}
	return out
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
func (a *analysis) singleActors(ph, depth int) []filler {
	if depth > 3 {
		return nil
	}
	P := &a.p.Phrases[ph]
	span := a.tokSpan(P.From, P.To)
	if mi := a.mentionAt[P.Head]; mi >= 0 {
		m := a.ms[mi]
		if m.How != "demonym" || a.p.Toks[P.Head].Tag.IsNoun() && a.p.Toks[P.Head].Tag.IsPlural() {
			return mentionFillers(m)
		}
	}
	head := a.p.Toks[P.Head]
	lemma := strings.ToLower(head.Lemma)
	text := strings.ToLower(head.Text)
	if a.dict.stateAgents[lemma] || a.dict.stateAgents[text] {
		if country := a.countryOf(ph); country != nil {
			return []filler{{ent: country, span: span, resolved: a.countryResolved(ph)}}
		}
		return nil
	}
	if a.dict.groupNouns[lemma] || a.dict.groupNouns[text] {
		country := a.countryOf(ph)
		return []filler{{ent: a.dict.Group(country, text), span: span, resolved: true}}
	}
	if P.Appos >= 0 {
		return a.singleActors(P.Appos, depth+1)
	}
	return nil
}

func mentionFillers(m Mention) []filler {
	out := make([]filler, 0, len(m.Entities))
	for _, e := range m.Entities {
		out = append(out, filler{ent: e, span: m.Span, resolved: m.Resolved()})
	}
	return out
}

// countryOf is the country a phrase's agent noun belongs to: named in the
// phrase ("Myanmar government", "Indonesian police"), its possessor
// ("Iran's army"), its "of" phrase ("the government of Iraq"), else the
// country the article is about.
func (a *analysis) countryOf(ph int) *Entity {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if mi := a.mentionAt[i]; mi >= 0 {
			if e := countryEntity(a.ms[mi], a.dict); e != nil {
				return e
			}
		}
	}
	for _, q := range []int{P.Poss, P.Of} {
		if q < 0 {
			continue
		}
		Q := &a.p.Phrases[q]
		if mi := a.mentionAt[Q.Head]; mi >= 0 {
			if e := countryEntity(a.ms[mi], a.dict); e != nil {
				return e
			}
		}
	}
	if code := a.c.focus(); code != "" {
		return a.dict.CountryByCode(code)
	}
	return nil
}

// countryResolved reports whether countryOf had to fall back on the
// article's focus.
func (a *analysis) countryResolved(ph int) bool {
	P := &a.p.Phrases[ph]
	for i := P.From; i < P.Head; i++ {
		if a.mentionAt[i] >= 0 {
			return false
		}
	}
	return !(P.Poss >= 0 && a.mentionAt[a.p.Phrases[P.Poss].Head] >= 0 || P.Of >= 0 && a.mentionAt[a.p.Phrases[P.Of].Head] >= 0)
}

// countryEntity is the country a mention stands for: a country, or the
// country of an organization-less person or group.
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
