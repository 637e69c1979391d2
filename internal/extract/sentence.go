package extract

// Sentence splitting. A hand-written byte scanner rather than a regular
// expression: it runs once over every body byte, is linear, allocates only
// the result, and knows about abbreviations, which a regexp cannot do
// cheaply. Rules:
//
//   - A sentence ends at . ! ? or … (with any closing quotes or brackets after
//     them) when white space and then a capital letter, a digit or an opening
//     quote follow.
//   - Not after an abbreviation. Titles ("Mr.", "Gen.", "Sen.") and "e.g."
//     never end a sentence. Others ("U.S.", "Inc.", "Jan.", "p.m.", initials
//     such as "H." in "H. R. McMaster") end one only when the next word is a
//     typical sentence opener ("… in the U.S. The company …").
//   - A paragraph boundary (each body span; each line unless the text is
//     hard-wrapped, see hardWrapped) ends a sentence.

import (
	"unicode"
	"unicode/utf8"
)

// Sentences splits the article's body spans into sentences. A nil Body (an
// Article not made by ParseArticle or ParseRecord) means the whole text; an
// empty one, that nothing is prose. Offsets point into a.Text; each sentence is trimmed
// of surrounding white space.
func Sentences(a *Article) []Sentence {
	text := a.Text
	spans := a.Body
	if spans == nil {
		spans = []Span{{0, len(text)}}
	}
	wrapped := hardWrapped(text)
	total := 0
	for _, sp := range spans {
		total += sp.Len()
	}
	out := make([]Sentence, 0, total/120+1) // news sentences average ~130 bytes
	for _, sp := range spans {
		sp.Start, sp.End = max(sp.Start, 0), min(sp.End, len(text))
		if sp.Empty() {
			continue
		}
		out = splitSpan(text, sp, wrapped, out)
	}
	return out
}

func splitSpan(text string, sp Span, wrapped bool, out []Sentence) []Sentence {
	emit := func(s, e int) {
		t := trimSpan(text, Span{s, e})
		if !t.Empty() {
			out = append(out, Sentence{Span: t, Text: text[t.Start:t.End]})
		}
	}
	start := sp.Start
	for i := sp.Start; i < sp.End; i++ {
		c := text[i]
		switch {
		case c == '\n':
			if !wrapped || !softBreak(text, i) {
				emit(start, i)
				start = i + 1
			}
		case c == '.' || c == '!' || c == '?' || c == 0xE2 && i+2 < sp.End && text[i+1] == 0x80 && text[i+2] == 0xA6: // "…"
			j := endOfTerminator(text, i, sp.End)
			k := skipSpace(text, j, sp.End)
			if k > j && k < sp.End && opensSentence(text, k, sp.End) &&
				(c != '.' || j-i > 1 && text[i+1] == '.' || !abbreviation(text, sp.Start, i, k, sp.End)) {
				emit(start, j)
				start = j
			}
			i = j - 1 // j > i: the terminator itself was consumed
		}
	}
	emit(start, sp.End)
	return out
}

// endOfTerminator returns the end of a run of terminators and closing quotes
// or brackets starting at i.
func endOfTerminator(text string, i, end int) int {
	for i < end {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']':
			i++
		case c == 0xE2 && i+2 < end && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99 || text[i+2] == 0xA6): // ” ’ …
			i += 3
		case c == 0xC2 && i+1 < end && text[i+1] == 0xBB: // »
			i += 2
		default:
			return i
		}
	}
	return i
}

// skipSpace skips white space, including line breaks (a hard break is
// handled by the caller's scan) and no-break spaces.
func skipSpace(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if c == 0xC2 && i+1 < end && text[i+1] == 0xA0 {
			i += 2
			continue
		}
		break
	}
	return i
}

// opensSentence: a capital letter, a digit or an opening quote.
func opensSentence(text string, k, end int) bool {
	c := text[k]
	switch {
	case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '"', c == '\'', c == '(':
		return true
	case c < utf8.RuneSelf:
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:end])
	return unicode.IsUpper(r) || r == '“' || r == '‘' || r == '«' || unicode.Is(unicode.Lo, r)
}

// Abbreviations, without the final period. Strong ones never end a sentence
// (a name always follows them); weak ones only before a sentence opener.
const (
	abbrevWeak   = 1
	abbrevStrong = 2
)

var abbreviations = map[string]uint8{
	"Mr": abbrevStrong, "Mrs": abbrevStrong, "Ms": abbrevStrong, "Dr": abbrevStrong, "Prof": abbrevStrong, "Gen": abbrevStrong,
	"Sen": abbrevStrong, "Rep": abbrevStrong, "Gov": abbrevStrong, "Lt": abbrevStrong, "Col": abbrevStrong, "Capt": abbrevStrong,
	"Sgt": abbrevStrong, "Maj": abbrevStrong, "Adm": abbrevStrong, "Cmdr": abbrevStrong, "Rev": abbrevStrong, "Hon": abbrevStrong,
	"Pres": abbrevStrong, "Supt": abbrevStrong, "Det": abbrevStrong, "Insp": abbrevStrong, "Brig": abbrevStrong, "Cpl": abbrevStrong,
	"Pvt": abbrevStrong, "Amb": abbrevStrong, "Messrs": abbrevStrong, "Sens": abbrevStrong, "Reps": abbrevStrong, "Govs": abbrevStrong,
	"Gens": abbrevStrong, "Mt": abbrevStrong, "Ft": abbrevStrong, "vs": abbrevStrong, "cf": abbrevStrong, "approx": abbrevStrong,
	"St": abbrevWeak, "Jan": abbrevWeak, "Feb": abbrevWeak, "Mar": abbrevWeak, "Apr": abbrevWeak, "Jun": abbrevWeak, "Jul": abbrevWeak,
	"Aug": abbrevWeak, "Sep": abbrevWeak, "Sept": abbrevWeak, "Oct": abbrevWeak, "Nov": abbrevWeak, "Dec": abbrevWeak,
	"Inc": abbrevWeak, "Corp": abbrevWeak, "Ltd": abbrevWeak, "Co": abbrevWeak, "Cos": abbrevWeak, "Bros": abbrevWeak, "Plc": abbrevWeak,
	"Jr": abbrevWeak, "Sr": abbrevWeak, "No": abbrevWeak, "Nos": abbrevWeak, "Ave": abbrevWeak, "Blvd": abbrevWeak, "Dept": abbrevWeak,
	"Univ": abbrevWeak, "Assn": abbrevWeak, "est": abbrevWeak, "Fig": abbrevWeak, "fig": abbrevWeak, "Vol": abbrevWeak, "vol": abbrevWeak,
	"Ky": abbrevWeak, "Calif": abbrevWeak, "Mass": abbrevWeak, "Conn": abbrevWeak, "Penn": abbrevWeak, "Wash": abbrevWeak, "Ill": abbrevWeak,
	"Ariz": abbrevWeak, "Colo": abbrevWeak, "Fla": abbrevWeak, "Mich": abbrevWeak, "Minn": abbrevWeak, "Tenn": abbrevWeak, "Tex": abbrevWeak,
}

// Words that typically open a sentence, for weak abbreviations.
var sentenceOpeners = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "He": true, "She": true, "They": true, "We": true, "I": true,
	"His": true, "Her": true, "Their": true, "Our": true, "In": true, "On": true, "At": true,
	"But": true, "And": true, "However": true, "Meanwhile": true, "There": true, "Some": true,
	"Many": true, "Most": true, "For": true, "As": true, "After": true, "Before": true,
	"When": true, "While": true, "If": true, "Officials": true, "Analysts": true, "Both": true,
	"What": true, "Why": true, "How": true, "Still": true, "Yet": true, "So": true, "Also": true,
}

// abbreviation reports whether the period at i (next sentence would start at
// k) belongs to an abbreviation rather than ending a sentence.
func abbreviation(text string, lo, i, k, end int) bool {
	t := i
	for t > lo && (isASCIILetter(text[t-1]) || text[t-1] == '.') {
		t--
	}
	tok := text[t:i]
	if tok == "" {
		return false // "1987." or ")."
	}
	if containsByte(tok, '.') { // dotted: "U.S", "p.m", "e.g", "L.K"
		if tok == "e.g" || tok == "i.e" {
			return true
		}
		return !isOpener(text, k, end)
	}
	if len(tok) == 1 {
		// An initial ("H. R. McMaster") is upper case; "a." is not one.
		return tok[0] >= 'A' && tok[0] <= 'Z' && !isOpener(text, k, end)
	}
	switch abbreviations[tok] {
	case abbrevStrong:
		return true
	case abbrevWeak:
		return !isOpener(text, k, end)
	}
	return false
}

// opener reports whether the word at k is a typical sentence opener (and not
// itself an initial, as "A." in "A. A. Milne").
func isOpener(text string, k, end int) bool {
	e := k
	for e < end && isASCIILetter(text[e]) {
		e++
	}
	if e == k || e < end && text[e] == '.' {
		return false
	}
	return sentenceOpeners[text[k:e]]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
