package extract

import (
	"slices"

	"kg/internal/nlp"
)

// endings indexes a word list of a frame (its object, subject or PP nouns)
// by the entries' last words: phraseEndsWith is asked for every clause
// whether a phrase ends with one of up to hundreds of entries, and only
// the few that end with the phrase's head can.
type endings struct {
	n      int                // the entries in the list
	byLast map[string][]int32 // an ASCII last word in lower case → the entries ending with it, in order
	always []int32            // $actor and $person, and entries whose last word is not ASCII
}

func newEndings(words Words) *endings {
	e := &endings{n: len(words), byLast: map[string][]int32{}}
	for i, w := range words {
		last := w[len(w)-1]
		if w[0] == actorWord || w[0] == personWord || !isASCII(last) {
			e.always = append(e.always, int32(i))
			continue
		}
		k := asciiLower(last)
		e.byLast[k] = append(e.byLast[k], int32(i))
	}
	return e
}

// candidates appends to buf, in ascending order, the entries that may end
// with a phrase whose head is t: those whose last word is its lemma or
// folds to its text, and those always read. ok is false when t's text is
// not ASCII: then any entry may.
func (e *endings) candidates(buf []int32, t *nlp.Token) (_ []int32, ok bool) {
	if !isASCII(t.Text) {
		return buf, false
	}
	buf = append(buf, e.always...)
	// for ASCII text, strings.EqualFold(t.Text, last) with an ASCII last
	// word is equality in lower case (t.Lower); a last word equal to the
	// lemma is ASCII only if the lemma is
	buf = append(buf, e.byLast[t.Lower]...)
	if isASCII(t.Lemma) {
		var b [32]byte
		if l := appendASCIILower(b[:0], t.Lemma); string(l) != t.Lower {
			buf = append(buf, e.byLast[string(l)]...)
		}
	}
	slices.Sort(buf)
	return slices.Compact(buf), true
}

func asciiLower(s string) string { return string(appendASCIILower(nil, s)) }

func appendASCIILower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = append(b, lowerByte(s[i]))
	}
	return b
}

// minEndings is the most entries a word list has that is read whole
// rather than through its endings.
const minEndings = 8

// indexEndings makes the endings of every word list of the frames with
// more than minEndings entries, keyed by the list's first element.
func (fr *Frames) indexEndings() {
	fr.endings = map[*[]string]*endings{}
	add := func(w Words) {
		if len(w) > minEndings && fr.endings[&w[0]] == nil {
			fr.endings[&w[0]] = newEndings(w)
		}
	}
	for _, f := range fr.All {
		for _, w := range f.Object {
			add(w)
		}
		for _, w := range f.Subject {
			add(w)
		}
		for _, pp := range f.PP {
			add(pp.Noun)
		}
	}
}
