package nlp

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Lemma returns the lower-case dictionary form of word, read as a word with
// the given tag:
//
//	verbs (VB…VBZ, MD)  met→meet, ruled→rule, stopped→stop, dying→die,
//	                    was→be, 's (VBZ)→be, 'll→will, ca→can, n't→not
//	NNS                 talks→talk, countries→country, forces→force,
//	                    police→police, men→man
//	NNPS                as written, in lower case: plural names stay plural
//	                    (Philippines, United Nations)
//	JJR, JJS, RBR, RBS  better, best→good; worse, worst→bad (others as written)
//	anything else       the word in lower case: U.S.→u.s., 's (POS)→'s
//
// Curly apostrophes count as straight ones.
//
// This is a rule-and-exception lemmatizer rather than a dictionary one
// (such as github.com/aaaton/golem) on purpose: a tagged word needs the
// lemma for its tag ("leaves" is leave as VBZ and leaf as NNS; "saw" is see
// only as VBD), which a part-of-speech-blind dictionary cannot give; and
// golem's English dictionary is not reachable from this build's module
// proxy. Irregular forms are a table (irregular.go); regular ones follow
// the spelling rules of English inflection (doubling, e-dropping, y→i) with
// the exceptions those rules have.
func Lemma(word string, tag Tag) string { return lemma(nil, word, tag) }

// lemma is Lemma, with the strings it builds in ar when ar is not nil.
func lemma(ar *arena, word string, tag Tag) string {
	w := ar.lower(word)
	switch {
	case tag.IsVerb() || tag == MD:
		return verbLemma(ar, w, tag)
	case tag == NNS:
		return nounLemma(ar, w)
	case tag == JJR || tag == JJS || tag == RBR || tag == RBS:
		switch w {
		case "better", "best":
			return "good"
		case "worse", "worst":
			return "bad"
		}
	case tag == RB && w == "n't":
		return "not"
	}
	return w
}

// arena holds the lemmas of one sentence that are not substrings of the
// sentence or constants, so that tagging a sentence allocates once for
// them rather than once each. It is append-only: a string handed out is
// never written again (a grown arena leaves the old bytes to the strings
// that use them), which is what makes unsafe.String safe here.
type arena struct {
	b    []byte
	size int // capacity to allocate on first use
}

func (a *arena) grow() {
	if a.b == nil {
		a.b = make([]byte, 0, a.size)
	}
}

// cat returns x+y.
func (a *arena) cat(x, y string) string {
	if a == nil {
		return x + y
	}
	a.grow()
	start := len(a.b)
	a.b = append(a.b, x...)
	a.b = append(a.b, y...)
	return unsafe.String(&a.b[start], len(a.b)-start)
}

// lower returns word in lower case with straight apostrophes, allocating
// only when that changes something.
func (a *arena) lower(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			w := strings.ToLower(word)
			if strings.Contains(w, "’") {
				w = strings.ReplaceAll(w, "’", "'")
			}
			return w
		}
		if c >= 'A' && c <= 'Z' {
			if a == nil {
				return strings.ToLower(word)
			}
			a.grow()
			start := len(a.b)
			a.b, _ = appendLower(a.b, word)
			return unsafe.String(&a.b[start], len(a.b)-start)
		}
	}
	return word
}

func verbLemma(ar *arena, w string, tag Tag) string {
	if tag == MD {
		switch w {
		case "'ll", "wo":
			return "will"
		case "'d":
			return "would"
		case "ca":
			return "can"
		case "sha":
			return "shall"
		}
		return w
	}
	if l, ok := verbForms[w]; ok {
		// Past forms that are also base forms of another verb ("found",
		// "lay", "saw", "fell") map only when tagged as past.
		if !l.pastOnly || tag == VBD || tag == VBN {
			return l.lemma
		}
	}
	switch tag {
	case VBZ:
		return verbS(ar, w)
	case VBD, VBN:
		if b, ok := strings.CutSuffix(w, "ed"); ok && len(b) >= 2 && hasVowel(b) {
			return verbEd(ar, w, b)
		}
	case VBG:
		if b, ok := strings.CutSuffix(w, "ing"); ok && len(b) >= 2 && hasVowel(b) {
			return verbStem(ar, b)
		}
	}
	return w
}

// verbS undoes the -s of the third person: tries→try, pushes→push,
// goes→go, makes→make.
func verbS(ar *arena, w string) string {
	n := len(w)
	switch {
	case n < 3 || w[n-1] != 's' || strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "ies"):
		if shortIE(w[:n-2]) { // dies, lies, unties
			return w[:n-1]
		}
		return ar.cat(w[:n-3], "y")
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"),
		strings.HasSuffix(w, "oes") && n > 4 && w != "shoes" && w != "canoes":
		return w[:n-2] // pushes, vetoes; not toes
	case strings.HasSuffix(w, "ses") && sEnding[w[:n-2]]:
		return w[:n-2] // focuses, biases
	}
	return w[:n-1]
}

// verbEd undoes -ed; w is the word and b the word without -ed.
func verbEd(ar *arena, w, b string) string {
	switch {
	case strings.HasSuffix(w, "eed") && len(w) > 4:
		return w[:len(w)-1] // agreed, freed, guaranteed
	case b[len(b)-1] == 'i': // tried, died
		if shortIE(b) {
			return ar.cat(b, "e")
		}
		return ar.cat(b[:len(b)-1], "y")
	}
	return verbStem(ar, b)
}

// verbStem returns the base of a verb from its stem before -ed or -ing:
// undoubling (stopp→stop), restoring a dropped e (rul→rule), dying→die.
func verbStem(ar *arena, b string) string {
	n := len(b)
	if l, ok := stemExceptions[b]; ok {
		return l
	}
	last, prev := b[n-1], b[n-2]
	switch {
	case last == 'y' && shortIE(b): // dying, lying, tying, untying
		return ar.cat(b[:n-1], "ie")
	case last == prev && isConsonantByte(last):
		switch last {
		case 'l':
			// British and some American spellings double l in
			// multi-syllable verbs (travelled, controlled); one-syllable
			// verbs end in ll (called, killed), and so do verbs made
			// from them (retell, install).
			if syllables(b[:n-1]) >= 2 && !llVerb(b) {
				return b[:n-1]
			}
			return b
		case 's', 'f', 'z':
			return b // passed, staffed, buzzed
		}
		return b[:n-1] // stopped, planned, committed
	case needsE(b), strings.HasSuffix(b, "writ"), strings.HasSuffix(b, "com"):
		// ruled, underwriting, becoming
		return ar.cat(b, "e")
	}
	return b
}

// needsE reports whether a regular verb whose -ed or -ing stem is b ends
// in a silent e that the suffix dropped (ruled, making, announced).
func needsE(b string) bool {
	n := len(b)
	last, prev := b[n-1], b[n-2]
	prevVowel := isVowelByte(prev)
	single := prevVowel && (n < 3 || !isVowelByte(b[n-3]) || (b[n-3] == 'u' && n >= 4 && b[n-4] == 'q'))
	switch last {
	case 'c', 'v', 'u':
		return true // forced, moved, pursued
	case 'z':
		return prev != 'z'
	case 's':
		return prev != 's'
	case 'e', 'a', 'i', 'o', 'w', 'x', 'y', 'j':
		return false
	case 'h':
		// bathed, scathing; not smoothed (breathed and soothed are exceptions)
		return prev == 't' && n >= 4 && isVowelByte(b[n-3]) && !isVowelByte(b[n-4])
	case 'g':
		switch {
		case prevVowel:
			return single // damaged, obliged; not "sagged" (undoubled before)
		case prev == 'r', prev == 'd', prev == 'l':
			return true // urged, judged, bulged
		case prev == 'n' && n >= 3:
			switch b[n-3] {
			case 'a', 'i':
				return !ngBase[b] // changed, hinged; not banged, ringed
			case 'e', 'u':
				return true // challenged, plunged
			}
		}
		return false
	case 'l':
		if !prevVowel {
			return prev != 'r' && prev != 'w' && prev != 'l' // handled, settled; not curled, howled
		}
		if !single {
			return false // failed, appealed, fueled
		}
		switch prev {
		case 'i', 'o', 'u':
			return true // compiled, consoled, ruled
		}
		return syllables(b) == 1 // scaled; not signaled, canceled
	case 'r':
		if !prevVowel {
			return prev != 'r' // centred, calibred
		}
		if !single {
			return false // cleared, poured
		}
		switch prev {
		case 'a', 'i', 'u':
			return true // declared, hired, secured
		case 'o':
			return syllables(b) == 1 // scored; not honored
		}
		return false // entered, offered
	case 't':
		if prev == 'a' && n >= 3 && (b[n-3] == 'i' || b[n-3] == 'u') {
			return true // negotiated, evacuated
		}
		if !single {
			return false // wanted, treated (tasted and created are exceptions)
		}
		switch prev {
		case 'a', 'u':
			return true // stated, computed
		case 'o':
			return true // voted, quoted (pivoted and piloted are exceptions)
		case 'i':
			return syllables(b) == 1 // cited; not visited
		}
		return false // targeted
	case 'd', 'k':
		return single // traded, decided, provoked; not loaded, looked
	case 'm', 'p', 'b', 'n', 'f':
		if !single {
			return false // claimed, campaigned
		}
		if prev == 'i' && (last == 'n' || last == 'b' || last == 'm') {
			return true // determined, described, primed
		}
		if prev == 'a' && last == 'm' || prev == 'u' && (last == 'm' || last == 'n') {
			return true // named, assumed, tuned
		}
		return syllables(b) == 1 // hoped, phoned, probed; not developed, opened
	}
	if !prevVowel {
		return false
	}
	return single && syllables(b) == 1
}

// syllables counts groups of vowels in w (y counts after a consonant).
func syllables(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowelByte(w[i]) || (w[i] == 'y' && i > 0 && !isVowelByte(w[i-1]))
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// shortIE reports whether a stem ending in i or y, such as "di" of died
// or "ty" of tying, comes from a verb in -ie: a consonant and the i or y,
// after an optional prefix un- (untie; not re-: relied is rely).
func shortIE(b string) bool {
	if len(b) > 2 && strings.HasPrefix(b, "un") {
		b = b[2:]
	}
	return len(b) == 2 && !isVowelByte(b[0])
}

// llVerb reports whether b is a verb spelled with ll in its base form,
// alone or after a prefix: foretell, resell, unroll, install (but not
// control, which only doubles its l).
func llVerb(b string) bool {
	for _, v := range llVerbs {
		if rest, ok := strings.CutSuffix(b, v); ok {
			switch rest {
			case "", "re", "fore", "out", "over", "under", "mis", "un", "in", "en", "be", "up",
				"down", "with", "back", "de", "dis", "pre", "self":
				return true
			}
		}
	}
	return false
}

var llVerbs = [...]string{
	"tell", "sell", "spell", "fill", "call", "fall", "kill", "roll", "pull", "stall", "shell",
	"dwell", "swell", "smell", "spill", "drill", "still", "thrill", "chill", "grill", "poll",
	"toll", "troll", "scroll", "stroll", "bill", "mill", "yell", "quell", "cull", "mull",
	"install", "instill", "distill", "fulfill", "enthrall", "appall", "forestall",
}

// hasVowel reports whether w has a vowel or y.
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func isConsonantByte(c byte) bool { return c >= 'a' && c <= 'z' && !isVowelByte(c) }

// nounLemma makes a plural noun singular: talks→talk, countries→country,
// taxes→tax, wives→wife, men→man.
func nounLemma(ar *arena, w string) string {
	if l, ok := pluralExceptions[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case n < 3, w[0] >= '0' && w[0] <= '9', w[0] == '\'':
		return w // 1970s, '90s
	case strings.HasSuffix(w, "men") && n > 3:
		return ar.cat(w[:n-3], "man") // chairmen, gunmen
	case w[n-1] != 's':
		return w // people, police, data
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us") && n > 4:
		return w // not a plural: mass, status
	case strings.HasSuffix(w, "ies"):
		if n == 4 {
			return w[:n-1] // ties, lies
		}
		return ar.cat(w[:n-3], "y")
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2] // classes, bushes, churches, taxes
	case strings.HasSuffix(w, "oes") && n > 4:
		return w[:n-2] // heroes, vetoes, embargoes (shoes and toes are exceptions)
	case strings.HasSuffix(w, "ses") && sEnding[w[:n-2]]:
		return w[:n-2] // buses, viruses, gases
	}
	return w[:n-1]
}

// setLemmas sets the Lemma of each tagged token from its model form.
func setLemmas(toks []Token, forms []string) {
	// Room for every lemma of the sentence: none is more than 3 bytes
	// longer than its word.
	ar := arena{size: 3 * len(forms)}
	for _, f := range forms {
		ar.size += len(f)
	}
	for i := range toks {
		toks[i].Lemma = lemma(&ar, forms[i], toks[i].Tag)
	}
}
