package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// skeleton is a sentence prepared for pattern matching: lower-cased, double
// quotes dropped, curly apostrophes straightened, runs of spaces collapsed,
// and each actor mention replaced by a slot "<eN>" (N = index into the
// sentence's mentions). A possessive pronoun becomes "<eN>'s" so that "her
// meeting with Putin" matches the same pattern as "Merkel's meeting with Putin".
// pos maps every byte of text back to an offset in the article.
type skeleton struct {
	text string
	pos  []int // article offset where the source of each byte starts; len(text)+1
	end  []int // article offset where the source of each byte ends

	// what it is made of: pos and end are made again from them when a
	// pattern matches (a few sentences in a thousand), not for every sentence
	s  Sentence
	ms []Mention
}

func newSkeleton(s Sentence, ms []Mention) *skeleton {
	k := &skeleton{s: s, ms: ms}
	k.build(false)
	return k
}

// build makes the text, and with offsets set, pos and end.
func (k *skeleton) build(offsets bool) {
	s, ms := k.s, k.ms
	var b strings.Builder
	b.Grow(len(s.Text) + 16)
	var pos, end []int
	if offsets {
		pos = make([]int, 0, len(s.Text)+16)
		end = make([]int, 0, len(s.Text)+16)
	}
	emit := func(str string, at, to int) {
		b.WriteString(str)
		if offsets {
			for range len(str) {
				pos = append(pos, at)
				end = append(end, to)
			}
		}
	}
	mi := 0
	space := false
	for i := 0; i < len(s.Text); {
		off := s.Start + i
		if mi < len(ms) && ms[mi].Start == off {
			m := ms[mi]
			if space {
				emit(" ", off, off)
				space = false
			}
			slot := "<e" + strconv.Itoa(mi) + ">"
			emit(slot, off, m.End)
			if m.How == "pronoun" {
				switch strings.ToLower(s.Text[i : i+m.Len()]) {
				case "his", "her", "their":
					emit("'s", m.End, m.End)
				}
			}
			i += m.Len()
			mi++
			if appositive(s, m) {
				i++ // the closing comma; the space after it is collapsed as usual
			}
			continue
		}
		if s.Text[i] == ',' && mi < len(ms) && ms[mi].Start == off+2 && appositive(s, ms[mi]) {
			i++ // the opening comma
			continue
		}
		r, n := utf8.DecodeRuneInString(s.Text[i:])
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			// dropped: quotation marks only get in the way of patterns
		default:
			if space {
				emit(" ", off, off)
				space = false
			}
			if r == '’' || r == '‘' || r == '`' {
				emit("'", off, off+n)
			} else {
				emit(string(unicode.ToLower(r)), off, off+n)
			}
		}
		i += n
	}
	if offsets {
		k.pos, k.end = append(pos, s.Start+len(s.Text)), end
	} else {
		k.text = b.String()
	}
}

// appositive reports whether m is a titled person between commas: "The US
// commander in Iraq, General Petraeus, held talks". Its commas are dropped
// from the skeleton, so the person is the verb's subject and not one more
// item of a list ("Iraq, Petraeus").
func appositive(s Sentence, m Mention) bool {
	return m.How == "title" && strings.HasSuffix(s.Text[:m.Start-s.Start], ", ") && strings.HasPrefix(s.Text[m.End-s.Start:], ", ")
}

// span maps a byte range of the skeleton back to the article.
func (k *skeleton) span(from, to int) Span {
	if k.pos == nil {
		k.build(true)
	}
	if to <= from {
		return Span{k.pos[from], k.pos[from]}
	}
	// trailing spaces stand for no text of their own
	for to-1 > from && k.text[to-1] == ' ' {
		to--
	}
	return Span{k.pos[from], k.end[to-1]}
}

// hedged reports whether the match [from,to) is negated, or sits in a
// conditional or speculative clause (the few words before it).
func (k *skeleton) hedged(from, to int, intent bool) bool {
	hedge := func(s string) bool { return hedgeRE.MatchString(s) || !intent && intentRE.MatchString(s) }
	if negationRE.MatchString(k.text[from:to]) || hedge(k.text[from:to]) {
		return true
	}
	// "will allow no more than 100 miners", "would send no troops to X":
	// an object of "no" denies the act, inside the match or right after it
	if after := k.text[to:]; strings.Contains(k.text[from:to], " no ") || strings.HasPrefix(after, " no ") ||
		strings.HasPrefix(after, " none") || strings.HasPrefix(after, " nothing") {
		return true
	}
	start := from - 40
	if start < 0 {
		start = 0
	}
	before := k.text[start:from]
	if i := strings.LastIndexAny(before, ";:"); i >= 0 {
		before = before[i+1:]
	}
	// "did not mean that Libya had cut ties": a negation governs what
	// follows it in the same clause.
	clause := before
	if i := strings.LastIndexByte(clause, ','); i >= 0 {
		clause = clause[i+1:]
	}
	return hedge(before) || negationRE.MatchString(clause)
}
