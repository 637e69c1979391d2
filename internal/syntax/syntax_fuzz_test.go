package syntax

import (
	"testing"

	"kg/internal/nlp"
)

// FuzzNew: any text, tokenized and tagged, parses without a panic, and
// every reference in the parse points inside it.
func FuzzNew(f *testing.F) {
	for _, s := range []string{
		"Police violently broke up the march of some 4,000 workers.",
		"Mr Blair, who met his French counterpart, Jean-Yves Le Drian, in Paris, did not rule out new sanctions.",
		"to , which and the",
		"Obama faces pressure from Congress to help Iran.",
		"\"We agreed,\" he said, \"to\" \"meet\".",
		", , to to whose which that",
	} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, atom int) {
		toks := nlp.Tokenize(s)
		nlp.Default().Tag(toks)
		var atoms []Span
		if len(toks) > 1 && atom >= 0 {
			from := atom % len(toks)
			atoms = []Span{{from, min(from+2, len(toks))}}
		}
		p := New(toks, atoms)
		check(t, p)
	})
}

// check fails when a parse refers outside itself.
func check(t *testing.T, p *Parse) {
	t.Helper()
	n := len(p.Toks)
	inPhrases := func(ph int) bool { return ph >= -1 && ph < len(p.Phrases) }
	for i, ph := range p.Phrases {
		if ph.From < 0 || ph.To > n || ph.From >= ph.To || ph.Head < ph.From || ph.Head >= ph.To {
			t.Fatalf("phrase %d out of range: %+v", i, ph)
		}
		if !inPhrases(ph.Poss) || !inPhrases(ph.Of) || !inPhrases(ph.Appos) || !inPhrases(ph.ConjOf) {
			t.Fatalf("phrase %d refers outside: %+v", i, ph)
		}
	}
	for i, v := range p.Verbs {
		if v.From < 0 || v.To > n || v.Head < v.From || v.Head >= v.To {
			t.Fatalf("verb %d out of range: %+v", i, v)
		}
	}
	for i, c := range p.Clauses {
		if !inPhrases(c.Subj) || !inPhrases(c.Obj) || !inPhrases(c.IObj) || c.Parent < -1 || c.Parent >= len(p.Clauses) {
			t.Fatalf("clause %d refers outside: %+v", i, c)
		}
		_ = p.ClauseString(i)
	}
	_ = p.Bracketed()
}
