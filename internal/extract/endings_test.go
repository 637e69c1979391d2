package extract

import (
	"slices"
	"strings"
	"testing"

	"kg/internal/nlp"
)

// TestEndingsKeepEveryMatch: for a head whose lemma or text (in any case)
// is an entry's last word, the endings of the built-in frames' word lists
// offer that entry, in order, so phraseEndsWith never misses one it would
// have read.
func TestEndingsKeepEveryMatch(t *testing.T) {
	fr := extractor(t).Frames
	indexed := 0
	for _, f := range fr.All {
		lists := slices.Concat(f.Object, f.Subject)
		for _, pp := range f.PP {
			lists = append(lists, pp.Noun)
		}
		for _, words := range lists {
			if len(words) <= minEndings {
				continue
			}
			e := fr.endings[&words[0]]
			if e == nil || e.n != len(words) {
				t.Fatalf("%s: a list of %d entries has no endings", f.ID, len(words))
			}
			indexed++
			for i, w := range words {
				if w[0] == actorWord || w[0] == personWord {
					continue
				}
				last := w[len(w)-1]
				for _, head := range []nlp.Token{
					{Text: last, Lower: strings.ToLower(last), Lemma: last},
					{Text: strings.ToUpper(last), Lower: strings.ToLower(last), Lemma: "x"},
					{Text: "Xs", Lower: "xs", Lemma: last},
				} {
					cand, ok := e.candidates(nil, &head)
					if ok && !slices.Contains(cand, int32(i)) {
						t.Errorf("%s: head %q/%q: entry %q is no candidate", f.ID, head.Text, head.Lemma, w)
					}
					if !slices.IsSorted(cand) {
						t.Errorf("%s: candidates %v out of order", f.ID, cand)
					}
				}
			}
		}
	}
	if indexed == 0 {
		t.Fatal("no word list is indexed")
	}
}
