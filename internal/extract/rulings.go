package extract

import (
	"strings"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// Rulings and decisions named without their author: "The Law Lords ruled
// that ... Welcoming the ruling, X said", "Iran decided to resume
// enrichment; the US criticised the decision". Whoever acts on "the
// ruling" acts on its author: who ruled or decided earlier in the
// sentence, else the first actor the article saw rule or decide.

// decisionNouns name what a ruling or deciding produces.
var decisionNouns = map[string]bool{"ruling": true, "decision": true, "verdict": true, "judgment": true, "judgement": true}

// decidingVerbs make a decision their subject is the author of.
var decidingVerbs = map[string]bool{"rule": true, "decide": true}

// rulingAuthor is the author of the decision phrase ph names when the
// phrase does not name it ("the ruling", "Wednesday's decision"): the
// agent of the last deciding clause before clause c in the sentence, else
// the article's first one. nil when ph is no such phrase.
func (a *analysis) rulingAuthor(ph int, c *syntax.Clause) []filler {
	if ph < 0 || !a.unauthoredDecision(ph) {
		return nil
	}
	p := a.p
	for k := len(p.Clauses) - 1; k >= 0; k-- {
		b := &p.Clauses[k]
		if c != nil && p.Verbs[b.Verb].From >= p.Verbs[c.Verb].From {
			continue
		}
		if fs := a.decider(b); len(fs) == 1 {
			return fs
		}
	}
	if e := a.c.ruler; e != nil {
		return []filler{{ent: e, span: a.tokSpan(p.Phrases[ph].From, p.Phrases[ph].To), resolved: true}}
	}
	return nil
}

// unauthoredDecision reports whether phrase ph is a definite decision
// ("the ruling", "this decision", "Wednesday's verdict") that names no
// author of its own.
func (a *analysis) unauthoredDecision(ph int) bool {
	P := &a.p.Phrases[ph]
	if !decisionNouns[strings.ToLower(a.p.Toks[P.Head].Lemma)] {
		return false
	}
	switch first := a.p.Toks[P.From]; {
	case first.Tag == nlp.DT && (a.p.Lower(P.From) == "the" || a.p.Lower(P.From) == "this" || a.p.Lower(P.From) == "that"):
	case P.Poss >= 0 && a.p.Phrases[P.Poss].Time: // "Wednesday's ruling"
	default:
		return false
	}
	return len(a.actionAuthor(ph, nil)) == 0 && len(a.phraseActors(ph, true)) == 0
}

// decider is the agent of clause b when b rules or decides: "the Law
// Lords have ruled", "Iran decided to resume".
func (a *analysis) decider(b *syntax.Clause) []filler {
	v := &a.p.Verbs[b.Verb]
	if !decidingVerbs[v.Lemma] || v.Negated || b.SubjHow != "explicit" {
		return nil
	}
	return a.phraseActors(a.p.Agent(b), true)
}

// rememberRuler notes the first actor the article shows ruling or
// deciding, or naming as a decision's author ("a ruling by the INS"): a
// story leads with its news, and "the ruling" further on is that one,
// not a ruling its background recalls ("the Court of Appeal then
// decided ...").
func (a *analysis) rememberRuler() {
	p := a.p
	for k := range p.Clauses {
		if a.c.ruler != nil {
			return
		}
		if fs := a.decider(&p.Clauses[k]); len(fs) == 1 {
			a.c.ruler = fs[0].ent
		}
	}
	for ph := range p.Phrases {
		if a.c.ruler != nil {
			return
		}
		if decisionNouns[strings.ToLower(p.Toks[p.Phrases[ph].Head].Lemma)] {
			if fs := a.actionAuthor(ph, nil); len(fs) == 1 {
				a.c.ruler = fs[0].ent
			}
		}
	}
}
