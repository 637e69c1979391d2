package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is one cleaned-up TABARI name: its upper-case words, with the
// parenthesised parts ("ARMY_(IRA)_", "CONGO_(BRAZZAVILLE)_") set apart.
type phrase struct {
	words  []string // upper case, as in the file: [IRISH REPUBLICAN ARMY]
	parens []string // words that were in parentheses: [IRA]
}

// cleanPhrase splits a raw TABARI phrase into words, dropping a leading
// "THE" (kg matches "Taliban" inside "the Taliban"), a trailing ", THE" /
// ", JR." / ", INC." and parenthesised notes. It returns ok=false for
// phrases that cannot be a name: invalid UTF-8, other commas ("U,S,_",
// "KOREA,_REPUBLIC_OF_": inverted catalogue forms), stray brackets.
func cleanPhrase(raw string) (phrase, bool) {
	if !utf8.ValidString(raw) || strings.IndexFunc(raw, unicode.IsControl) >= 0 {
		return phrase{}, false // Latin-1 leftovers, a stray SUB character
	}
	s := strings.ToUpper(raw)
	if strings.ContainsAny(s, "[]{}<>\"\uFFFD") {
		return phrase{}, false
	}
	var p phrase
	// Parentheses: "(IRA)" is an acronym, "(GREECE)" a note; the caller decides.
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return phrase{}, false
		}
		p.parens = append(p.parens, words(s[i+1:i+j])...)
		s = s[:i] + "_" + s[i+j+1:]
	}
	if strings.ContainsRune(s, ')') {
		return phrase{}, false
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		switch strings.Trim(s[i+1:], "_ .") {
		case "THE", "JR", "SR", "INC", "LTD", "II", "III", "IV":
			s = s[:i]
		default:
			return phrase{}, false
		}
	}
	ws := words(s)
	for len(ws) > 0 && ws[0] == "THE" {
		ws = ws[1:]
	}
	// Lone punctuation left by sloppy spacing: "NUCLEI_-_COMBATANT";
	// quotes around a word: "'MAMOHATO_".
	out := ws[:0]
	for _, w := range ws {
		w = strings.Trim(w, "'-")
		if strings.IndexFunc(w, isLetterOrDigit) >= 0 {
			out = append(out, w)
		}
	}
	p.words = out
	return p, len(out) > 0
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// key is the form two names are compared in: upper-case letters and digits
// only, so that "KIM_JONG-UN", "Kim Jong Un" and "Kim Jong-un" are equal.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isLetterOrDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// matchKey is how kg's alias trie sees a name: its words (runs of letters
// and digits; dots are dropped, so "U.S." = "US"), case kept. Two aliases
// with the same matchKey match the same text.
func matchKey(s string) string {
	var b strings.Builder
	word := false
	for _, r := range s {
		switch {
		case isLetterOrDigit(r):
			if !word && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			word = true
		case r == '.':
			// inside a word: "U.S" stays one word
		default:
			word = false
		}
	}
	return b.String()
}

// particles are written in lower case inside names: "Bashar al-Assad",
// "Cote d'Ivoire", "Army of God", "Luiz Inacio Lula da Silva".
var particles = set("AL", "EL", "BIN", "IBN", "BINT", "UL", "UD", "DE", "DA", "DAS", "DO", "DOS", "DU", "DES", "DEL", "DELLA", "DI", "VAN", "VON", "DER", "DEN", "LA", "LE", "LES", "Y", "OF", "THE", "AND", "FOR", "ON", "IN", "AT", "TO", "D", "L")

// caser turns TABARI's upper-case words into display text. acronym says
// which words to keep in capitals ("UAE", "NATO"); it may be nil.
type caser struct {
	acronym func(w string) bool
}

// title writes words as a name: [RUSSIAN FEDERATION] → "Russian Federation",
// [BASHAR AL-ASSAD] → "Bashar al-Assad", [U.N.] → "U.N.".
func (c caser) title(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		// Parts joined by '-' or '/' are cased one by one: "AL-ASSAD", "DHKP/C".
		var b strings.Builder
		start := 0
		for j := 0; j <= len(w); j++ {
			if j == len(w) || w[j] == '-' || w[j] == '/' {
				b.WriteString(c.word(w[start:j], i == 0 && start == 0))
				if j < len(w) {
					b.WriteByte(w[j])
				}
				start = j + 1
			}
		}
		out[i] = b.String()
	}
	return strings.Join(out, " ")
}

// word cases one hyphen-free word.
func (c caser) word(w string, first bool) string {
	if w == "" {
		return w
	}
	if c.acronym != nil && c.acronym(w) || isInitials(w) || isRoman(w) || strings.ContainsRune(w, '&') {
		return w // "UAE", "U.N.", "II", "AT&T"
	}
	if hasDigit(w) {
		// "1ST" → "1st"; "G8" stays.
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
			return strings.ToLower(w)
		}
		return w
	}
	if !first && particles[w] {
		return strings.ToLower(w)
	}
	// Apostrophes: "O'BRIEN" → "O'Brien", "D'IVOIRE" → "d'Ivoire",
	// "CHILDREN'S" → "Children's", "SHA'BI" → "Sha'bi".
	if strings.ContainsRune(w, '\'') {
		segs := strings.Split(w, "'")
		for k, s := range segs {
			switch {
			case k == 0:
				segs[k] = c.word(s, first)
			case utf8.RuneCountInString(segs[k-1]) == 1 || segs[k-1] == "":
				segs[k] = capitalize(s)
			default:
				segs[k] = strings.ToLower(s)
			}
		}
		return strings.Join(segs, "'")
	}
	// "ST." → "St."; "MCMASTER" → "McMaster".
	if strings.HasPrefix(w, "MC") && utf8.RuneCountInString(w) > 3 {
		return "Mc" + capitalize(w[2:])
	}
	return capitalize(w)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// isInitials: "U.N.", "W.R.", "H." — one-letter parts joined by dots.
func isInitials(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

// isRoman: a regnal number, "II", "III", "IV" ("ELIZABETH_II").
func isRoman(w string) bool {
	return len(w) >= 2 && strings.Trim(w, "IVX") == ""
}

func hasDigit(w string) bool { return strings.IndexFunc(w, unicode.IsDigit) >= 0 }

// lettersOnly reports whether w is made of letters only (an acronym candidate).
func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func hasVowel(w string) bool { return strings.ContainsAny(w, "AEIOUY") }

// initials of a multi-word name: [NORTH ATLANTIC TREATY ORGANIZATION] → "NATO".
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); unicode.IsLetter(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// abbreviates reports whether acronym a can stand for a name with the given
// initials: it starts with the name's first initial and its letters appear
// in order among them ("IPCC" for Inter Governmental Panel on Climate
// Change, IGPOCC; "KRG" for Kurdistan Regional Government).
func abbreviates(a, inits string) bool {
	if len(a) < 2 || len(inits) < 2 || a[0] != inits[0] {
		return false
	}
	j := 0
	for i := 0; i < len(inits) && j < len(a); i++ {
		if inits[i] == a[j] {
			j++
		}
	}
	return j == len(a)
}

// editDistance is the Levenshtein distance of two strings, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
