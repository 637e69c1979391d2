package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/internal/nlp"
)

// token is one word of a sentence: a run of letters and digits, with the
// dots of abbreviations kept inside ("U.S.", "p.m.") so that "U.S." is one
// token. Hyphens and apostrophes split words ("U.S.-Russian" → "U.S.", "Russian";
// "Trump's" → "Trump", "'s" is left as punctuation).
type token struct {
	Span
	Text  string // as written
	Key   string // Text without dots: "U.S." → "US"; the key the alias trie is built on
	Lower string // Key in lower case: the key of the case-folded tries, made once
	// the tries whose first words include Key and Lower (trieNode.first),
	// with startsKnown once looked up: tokens belong to one dictionary's
	// extraction
	keyStarts, lowerStarts uint8
}

const startsKnown = 0x80

// starts returns the bits of the tries (in first, a dictionary's index of
// their first words) that have a phrase starting with the token's key, or
// with fold its lower-case key; it looks them up once per token.
func (t *token) starts(first map[string]uint8, fold bool) uint8 {
	p, k := &t.keyStarts, t.Key
	if fold {
		p, k = &t.lowerStarts, t.Lower
	}
	if *p == 0 {
		*p = first[k] | startsKnown
	}
	return *p
}

// lowerText is Text in lower case (Lower is Key's, which has no dots).
func (t *token) lowerText() string {
	if len(t.Key) == len(t.Text) {
		return t.Lower
	}
	return strings.ToLower(t.Text)
}

// tokenize splits s into tokens; offsets are relative to s plus base.
func tokenize(s string, base int) []token {
	// news has a token every 5.7 bytes, and rarely one every 4 bytes or
	// fewer: growing the slice cost a GB of garbage over the corpus
	return appendTokens(make([]token, 0, len(s)/4+1), s, base)
}

// appendTokens is tokenize appending to toks.
func appendTokens(toks []token, s string, base int) []token {
	i := 0
	for i < len(s) {
		_, n, word := wordRuneAt(s, i)
		if !word {
			i += n
			continue
		}
		start := i
		dots := 0
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
				i++ // most words are ASCII letters: no call per letter
				continue
			}
			r, n, word := wordRuneAt(s, i)
			if word {
				i += n
				continue
			}
			// A dot stays in the word when a letter follows it directly
			// ("U.S", "p.m") or when the word already holds a dot and this
			// one closes it ("U.S." — but not "Syria.").
			if r == '.' {
				next, _ := utf8.DecodeRuneInString(s[i+1:])
				if i+1 < len(s) && unicode.IsLetter(next) && single(s[start:i]) {
					dots++
					i++
					continue
				}
				if dots > 0 {
					i++
				}
			}
			break
		}
		text := s[start:i]
		key := miscased(stripDots(text))
		toks = append(toks, token{Span: Span{base + start, base + i}, Text: text, Key: key, Lower: nlp.LowerWord(key)})
	}
	return toks
}

// miscased mends the key of a word typed with its capital in the wrong
// place ("iSrael", "rUSSIA"): a lower-case letter first and a capital
// after it, letters only, is a name written in the wrong case, looked up
// as "Israel", "Russia". A word in the usual case ("Israel", "US",
// "McCain", "al") is left alone.
func miscased(key string) string {
	if key == "" || key[0] < 'a' || key[0] > 'z' {
		return key
	}
	upper := false
	for i := 1; i < len(key); i++ {
		c := key[i]
		switch {
		case 'A' <= c && c <= 'Z':
			upper = true
		case 'a' <= c && c <= 'z':
		default:
			return key
		}
	}
	if !upper {
		return key
	}
	return strings.ToUpper(key[:1]) + strings.ToLower(key[1:])
}

// single reports whether the last dot-separated part of w is one letter, the
// shape of initialisms ("U", "U.S") as opposed to words ("Syria").
func single(w string) bool {
	last := w
	for j := len(w) - 1; j >= 0; j-- {
		if w[j] == '.' {
			last = w[j+1:]
			break
		}
	}
	return utf8.RuneCountInString(last) == 1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordRuneAt decodes the rune at s[i:] and tells whether it is a word rune,
// ASCII by table (news is ASCII but for a few quotes and dashes).
func wordRuneAt(s string, i int) (r rune, n int, word bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1, asciiWord[c]
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	return r, n, isWordRune(r)
}

// asciiWord is isWordRune for ASCII: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func stripDots(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				if s[j] != '.' {
					b = append(b, s[j])
				}
			}
			return string(b)
		}
	}
	return s
}
