package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Start, End int    // byte offsets into the text given to Tokenize, half-open
	Text       string // text[Start:End], not a copy
	Lower      string // strings.ToLower(Text), set by Tokenize: the parser compares words in lower case many times over
	Tag        Tag    // set by Tagger.Tag
	Lemma      string // set by Tagger.Tag; see Lemma
}

// Tokenize splits one sentence into Penn Treebank style tokens. See the
// package comment for the rules.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+4), text)
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice, so that a caller can reuse one slice for every sentence.
func AppendTokens(dst []Token, text string) []Token {
	t := tokenizer{text: text, dst: dst, lastAlnum: lastAlnumEnd(text)}
	t.run()
	return t.dst
}

type tokenizer struct {
	text      string
	dst       []Token
	lastAlnum int // end of the last letter or digit of text: words beyond it are final
}

func (t *tokenizer) emit(start, end int) {
	w := t.text[start:end]
	t.dst = append(t.dst, Token{Start: start, End: end, Text: w, Lower: LowerWord(w)})
}

// LowerWord is strings.ToLower(w), without its second pass over a word
// that is already in lower case (most words of a text are): the
// tokenizers of internal/nlp and internal/extract and the parser use it.
func LowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

func (t *tokenizer) run() {
	s := t.text
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		switch {
		case isSpace(r):
			i += size
		case t.wordStart(i, r, size):
			j := t.scanWord(i, size)
			t.word(i, j)
			i = j
		default:
			j := t.scanPunct(i, r, size)
			t.emit(i, j)
			i = j
		}
	}
}

// wordStart reports whether a word begins at i with rune r: a letter or
// digit, an elided year ("'90s"), a clitic written apart ("'s", "'ll"), or a
// decimal fraction (".5").
func (t *tokenizer) wordStart(i int, r rune, size int) bool {
	if isAlnum(r) {
		return true
	}
	next, _ := decodeRune(t.text, i+size)
	switch {
	case isApostrophe(r):
		if isDigit(next) {
			return true
		}
		n := cliticLen(t.text[i+size:])
		return n > 0 && !startsAlnum(t.text, i+size+n)
	case r == '.':
		return isDigit(next)
	}
	return false
}

// scanWord returns the end of the word that starts at i, whose first rune
// has the given size. A word is a run of letters, digits and marks, joined
// by single connectors that are followed by a letter or digit: hyphens
// ("pro-democracy"), dots ("U.S.", "3.5"), apostrophes ("O'Brien"),
// ampersands, slashes, en dashes; commas and colons only between digits
// ("1,247", "10:30"); a dot and a hyphen together ("U.S.-led"). A single
// dot at the end of the word is included for now: word decides whether it
// belongs to an abbreviation.
func (t *tokenizer) scanWord(i, size int) int {
	s := t.text
	j := i + size
	for j < len(s) {
		r, n := decodeRune(s, j)
		if isAlnum(r) {
			j += n
			continue
		}
		if !isConnector(r) {
			break
		}
		// A run of at most two connectors, then a letter or digit.
		k := j + n
		r2, n2 := decodeRune(s, k)
		if isConnector(r2) && r2 != r && r != ',' && r != ':' && r2 != ',' && r2 != ':' {
			k += n2
		}
		next, _ := decodeRune(s, k)
		if k < len(s) && isAlnum(next) {
			if r == ',' || r == ':' {
				prev, _ := utf8.DecodeLastRuneInString(s[:j])
				if k != j+1 || !isDigit(prev) || !isDigit(next) {
					break
				}
			}
			j = k
			continue
		}
		if r == '.' && (j+1 >= len(s) || s[j+1] != '.') {
			j++ // a final dot, unless it starts an ellipsis
		}
		break
	}
	return j
}

// word emits the word s[i:j], splitting off a sentence period and clitics.
func (t *tokenizer) word(i, j int) {
	s := t.text
	if j-i > 1 && s[j-1] == '.' {
		final := j-1 >= t.lastAlnum
		if !isAbbreviation(s[i:j], final, nextIsDigit(s, j)) {
			t.clitics(i, j-1)
			t.emit(j-1, j)
			return
		}
		t.emit(i, j) // an abbreviation keeps its dot, even at the end
		return
	}
	t.clitics(i, j)
}

// clitics emits the word s[i:j], with "n't" and the clitics 's 're 've 'll
// 'd 'm split off as PTB does ("don't" → do n't, "Trump's" → Trump 's), and
// "cannot" as can not.
func (t *tokenizer) clitics(i, j int) {
	w := t.text[i:j]
	if len(w) == 6 && equalFoldASCII(w, "cannot") {
		t.emit(i, i+3)
		t.emit(i+3, j)
		return
	}
	if n := suffixNot(w); n > 0 && n < len(w) {
		t.emit(i, j-n)
		t.emit(j-n, j)
		return
	}
	if n := suffixClitic(w); n > 0 && n < len(w) {
		t.emit(i, j-n)
		t.emit(j-n, j)
		return
	}
	t.emit(i, j)
}

// scanPunct returns the end of the punctuation token at i: an ellipsis
// ("...", "…"), a run of hyphens ("--") or of dashes, a doubled backquote
// or apostrophe (the treebank's quotes), or else the one rune (or invalid
// byte) at i.
func (t *tokenizer) scanPunct(i int, r rune, size int) int {
	s := t.text
	switch r {
	case '.', '-', '—', '―', '`', '\'':
		j := i + size
		for j < len(s) {
			r2, n := decodeRune(s, j)
			if r2 != r {
				break
			}
			j += n
		}
		if r == '`' || r == '\'' {
			return min(j, i+2) // `` and '' are quotes; ''' is two tokens
		}
		return j
	}
	return i + size
}

// isAbbreviation reports whether w, which ends with a dot, keeps its dot:
// initialisms of two or more letters ("U.S.", "p.m."), known abbreviations
// ("Mr.", "Gen.", "Inc."), a capital initial inside a sentence ("George W.
// Bush"), and "No." before a number.
func isAbbreviation(w string, final, beforeDigit bool) bool {
	if i := strings.LastIndexAny(w, "-/"); i >= 0 && i+2 < len(w) {
		w = w[i+1:] // anti-U.S., Ariz./N.M.
	}
	core := w[:len(w)-1]
	if isInitialism(w) {
		return len(core) > 1 || (!final && core[0] >= 'A' && core[0] <= 'Z')
	}
	switch abbreviations[core] {
	case abbrAlways:
		return true
	case abbrInside:
		return !final
	case abbrBeforeNumber:
		return beforeDigit
	}
	return false
}

// isInitialism reports whether w is single letters each followed by a dot:
// "U.S.", "p.m.", "W.".
func isInitialism(w string) bool {
	if len(w)%2 != 0 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		c := w[k] | 0x20
		if c < 'a' || c > 'z' || w[k+1] != '.' {
			return false
		}
	}
	return true
}

const (
	abbrNone         = iota
	abbrAlways       // keeps its dot anywhere: "Mr.", "Inc."
	abbrInside       // keeps its dot inside a sentence only: "Sun." at the end is the newspaper
	abbrBeforeNumber // keeps its dot before a number: "No. 2"
)

// abbreviations maps an abbreviation without its dot to when it keeps it.
var abbreviations = map[string]uint8{}

func init() {
	for _, w := range []string{
		// titles and ranks
		"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj",
		"Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Sen", "Rep",
		"Gov", "Pres", "Amb", "Atty", "Supt", "Det", "Insp", "Rev", "Fr", "Hon",
		"Jr", "Sr", "St", "Mt", "Ft", "Ph.D", "M.D", "Esq",
		// companies and addresses
		"Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave",
		"Blvd", "Rd", "Gov't",
		// months
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec",
		// US states as news agencies write them
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
		"Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
		"Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
		"Wash", "Wis", "Wyo",
		// lower-case
		"vs", "etc", "approx", "ca", "cf", "al", "pp", "est", "govt",
	} {
		abbreviations[w] = abbrAlways
	}
	for _, w := range []string{"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"} {
		abbreviations[w] = abbrInside
	}
	for _, w := range []string{"No", "Nos", "no", "nos", "Art", "art", "Fig", "fig", "Vol", "vol"} {
		abbreviations[w] = abbrBeforeNumber
	}
	// States that are also words keep their dot only inside a sentence.
	for _, w := range []string{"Ind", "Miss", "Mass", "Wash", "Del", "La", "Pa", "Ill", "Ore", "Mo", "Wis", "Ark", "Mont"} {
		abbreviations[w] = abbrInside
	}
}

// suffixNot returns the length of a final "n't" (or "n’t") of w, or 0.
func suffixNot(w string) int {
	n := len(w)
	if n >= 3 && (w[n-1]|0x20) == 't' {
		if w[n-2] == '\'' && (w[n-3]|0x20) == 'n' {
			return 3
		}
		if n >= 5 && w[n-4:n-1] == "’" && (w[n-5]|0x20) == 'n' {
			return 5
		}
	}
	return 0
}

// suffixClitic returns the length of a final clitic 's 're 've 'll 'd 'm
// (with a straight or curly apostrophe) of w, or 0.
func suffixClitic(w string) int {
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if len(w) < len(c)+1 || !equalFoldASCII(w[len(w)-len(c):], c) {
			continue
		}
		rest := w[:len(w)-len(c)]
		if rest[len(rest)-1] == '\'' {
			return len(c) + 1
		}
		if len(rest) >= 3 && rest[len(rest)-3:] == "’" {
			return len(c) + 3
		}
	}
	return 0
}

// cliticLen returns the length of the clitic letters at the start of s
// ("s", "re", "ve", "ll", "d", "m"), or 0.
func cliticLen(s string) int {
	for _, c := range [...]string{"re", "ve", "ll", "s", "d", "m"} {
		if len(s) >= len(c) && equalFoldASCII(s[:len(c)], c) {
			return len(c)
		}
	}
	return 0
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}

func nextIsDigit(s string, i int) bool {
	for i < len(s) {
		r, n := decodeRune(s, i)
		if !isSpace(r) {
			return isDigit(r)
		}
		i += n
	}
	return false
}

func startsAlnum(s string, i int) bool {
	r, _ := decodeRune(s, i)
	return i < len(s) && isAlnum(r)
}

// lastAlnumEnd returns the offset just after the last letter or digit of s.
func lastAlnumEnd(s string) int {
	for j := len(s); j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if isAlnum(r) {
			return j
		}
		j -= n
	}
	return 0
}

// decodeRune decodes the rune at s[i:]; past the end it returns -1.
func decodeRune(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// asciiClass classifies ASCII bytes for the tokenizer's fast path.
var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for b := 0; b < utf8.RuneSelf; b++ {
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
			c[b] = clsAlnum
		case b == ' ', b == '\t', b == '\n', b == '\r', b == '\v', b == '\f':
			c[b] = clsSpace
		case b == '-', b == '.', b == '\'', b == '&', b == '/', b == '_', b == '@', b == ',', b == ':':
			c[b] = clsConnector
		}
	}
	return
}()

const (
	clsOther = iota
	clsAlnum
	clsSpace
	clsConnector
)

func isAlnum(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiClass[r] == clsAlnum
	}
	return r > 0 && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSpace(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiClass[r] == clsSpace
	}
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: // zero-width spaces and joiners separate words too
		return true
	}
	return r > 0 && unicode.IsSpace(r)
}

// isConnector reports whether r may join two parts of one word.
func isConnector(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiClass[r] == clsConnector
	}
	switch r {
	case '’', '–', '‐', '‑', 0x00AD: // curly apostrophe, en dash, hyphens, soft hyphen
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }
