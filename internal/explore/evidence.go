package explore

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markParties cuts an evidence sentence into segments, marking where it
// names the actor or the target by their label or an alias (whole words,
// ignoring case). The store keeps the sentence but not the spans the rule
// matched, so names are found again here; a party named only by a pronoun
// or a title ("the two leaders") stays unmarked.
func markParties(text string, parties map[string][]string) []Segment {
	type span struct {
		start, end int
		role       string
	}
	lower, offsets := lowerWithOffsets(text)
	var spans []span
	for role, names := range parties {
		for _, name := range names {
			n := strings.ToLower(name)
			if len(n) < 2 {
				continue
			}
			for from := 0; from < len(lower); {
				i := strings.Index(lower[from:], n)
				if i < 0 {
					break
				}
				s, e := from+i, from+i+len(n)
				from = s + 1
				if wordBoundary(lower, s, e) {
					spans = append(spans, span{offsets[s], offsets[e], role})
				}
			}
		}
	}
	// longest first, then leftmost; drop spans overlapping a kept one
	sort.Slice(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.end-a.start != b.end-b.start {
			return a.end-a.start > b.end-b.start
		}
		if a.start != b.start {
			return a.start < b.start
		}
		return a.role < b.role
	})
	var kept []span
	for _, s := range spans {
		overlaps := false
		for _, k := range kept {
			if s.start < k.end && k.start < s.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	out := []Segment{}
	at := 0
	for _, k := range kept {
		if k.start > at {
			out = append(out, Segment{Text: text[at:k.start]})
		}
		out = append(out, Segment{Text: text[k.start:k.end], Role: k.role})
		at = k.end
	}
	if at < len(text) {
		out = append(out, Segment{Text: text[at:]})
	}
	return out
}

// lowerWithOffsets lower-cases s rune by rune and maps each byte offset of
// the result (and its end) back to the offset in s, since lower-casing may
// change a rune's length.
func lowerWithOffsets(s string) (string, []int) {
	var b strings.Builder
	offsets := make([]int, 0, len(s)+1)
	for i, r := range s {
		l := unicode.ToLower(r)
		for n := utf8.RuneLen(l); n > 0; n-- {
			offsets = append(offsets, i)
		}
		b.WriteRune(l)
	}
	offsets = append(offsets, len(s))
	return b.String(), offsets
}

func wordBoundary(s string, start, end int) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if isWord(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if isWord(r) {
			return false
		}
	}
	return true
}
