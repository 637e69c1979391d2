package extract

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// prefilter is a necessary condition for a regexp to match a text: for each
// of its clauses the text holds at least one of the clause's strings. The
// surface patterns match about one sentence in fifty of those their verbs
// trigger, and Go's regexp runs them in its NFA (their macros make programs
// too large for its backtracker) at ~35 µs a sentence, about 4 CPU-s of the
// whole corpus; a few strings.Contains reject the rest at once. It only
// skips texts the regexp cannot match, so the matches do not change.
type prefilter [][]string

// newPrefilter derives the strings a text must contain to match expr (a
// valid regexp); a pattern it cannot tell anything about gets an empty
// prefilter, which lets every text through.
func newPrefilter(expr string) prefilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	// the most selective clauses first: most texts fail the first one
	var f prefilter
	for _, c := range required(re) {
		if !slices.ContainsFunc(f, func(d []string) bool { return slices.Equal(c, d) }) {
			f = append(f, c)
		}
	}
	slices.SortStableFunc(f, func(a, b []string) int { return shortest(b) - shortest(a) })
	return f
}

// mayMatch reports whether s holds one string of every clause.
func (f prefilter) mayMatch(s string) bool {
	for _, clause := range f {
		if !slices.ContainsFunc(clause, func(lit string) bool { return strings.Contains(s, lit) }) {
			return false
		}
	}
	return true
}

// required is the conjunction of clauses (each a disjunction of strings)
// that every match of re contains.
func required(re *syntax.Regexp) prefilter {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return prefilter{{string(re.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		// every part is in every match
		var all prefilter
		for _, sub := range re.Sub {
			all = append(all, required(sub)...)
		}
		return all
	case syntax.OpAlternate:
		// one branch is: each must require something, and a match holds
		// one string of the union of one clause of each
		var union []string
		for _, sub := range re.Sub {
			c := best(required(sub))
			if c == nil {
				return nil
			}
			union = append(union, c...)
		}
		slices.Sort(union)
		return prefilter{slices.Compact(union)}
	}
	// star, quest, character classes, any character, empty-width
	// assertions: nothing certain
	return nil
}

// best is the clause of f that rejects the most texts, judged by its
// shortest string (longer strings are rarer); nil when f is empty.
func best(f prefilter) []string {
	var b []string
	for _, c := range f {
		if b == nil || shortest(c) > shortest(b) {
			b = c
		}
	}
	return b
}

func shortest(clause []string) int {
	n := len(clause[0])
	for _, s := range clause {
		n = min(n, len(s))
	}
	return n
}
