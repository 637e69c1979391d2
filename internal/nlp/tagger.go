package nlp

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/genmodel -o model.bin.gz

// modelData is the averaged perceptron of prose v1 (github.com/jdkato/prose
// v1.2.1, package tag), converted by internal/genmodel. See NOTICE.
//
//go:embed model.bin.gz
var modelData []byte

// Tagger assigns part-of-speech tags and lemmas. It is immutable after
// construction and safe for concurrent use.
//
// It runs the same averaged perceptron as prose v1's tag.PerceptronTagger
// (a port of Matthew Honnibal's textblob-aptagger, with NLTK's English
// model), with the same features and weights, so it gives the same tags.
// prose's own inference is about ten times too slow for kg: it builds every
// feature as a concatenated string, keys nested maps with it, and scores
// into a fresh map for each word. This one interns the feature arguments
// once per sentence, finds each feature by an integer key in an
// open-addressing table, and sums integer weights into a fixed array.
type Tagger struct {
	dict    map[string]Tag    // words always given one tag, by the form they have in the model
	ids     map[string]uint32 // strings that occur as feature arguments → id ≥ 1
	pref1   [256]uint32       // id of the "i pref1" argument for each first byte
	bias    [numTags]int32
	slots   []slot // open addressing on key, len a power of two
	shift   uint8  // 64 - log2(len(slots))
	weights []int32
	start   [4]uint32 // ids of -START- -START2- -END- -END2-
	startS  [4]uint32 // ids of their last three bytes
	pool    sync.Pool
}

// slot is one feature of the model: weights[off:off+n] are its weights,
// each packed as weight×1000<<8 | class.
type slot struct {
	key    uint64
	off, n uint32
}

// Feature templates of the model. The key of a feature is
// template<<56 | a<<28 | b, where a and b are argument ids or tags.
const (
	fBias       = iota + 1
	fSuffix     // last three bytes of the word
	fPref1      // first byte of the word
	fTag1       // tag of the previous word
	fTag2       // tag of the word before that
	fTag12      // both
	fWord       // the normalized word
	fTag1Word   // previous tag and the normalized word
	fPrevWord   // normalized previous word
	fPrevSuffix // its last three bytes
	fPrev2Word  // normalized word before that
	fNextWord   // normalized next word
	fNextSuffix // its last three bytes
	fNext2Word  // normalized word after that
)

// templates gives the prefix of the feature strings of prose's model.
var templates = [...]struct {
	prefix string
	kind   uint8
}{
	// Longer prefixes first where one extends another.
	{"i tag+i-2 tag ", fTag12},
	{"i-1 tag+i word ", fTag1Word},
	{"i suffix ", fSuffix},
	{"i pref1 ", fPref1},
	{"i-1 tag ", fTag1},
	{"i-2 tag ", fTag2},
	{"i word ", fWord},
	{"i-1 word ", fPrevWord},
	{"i-1 suffix ", fPrevSuffix},
	{"i-2 word ", fPrev2Word},
	{"i+1 word ", fNextWord},
	{"i+1 suffix ", fNextSuffix},
	{"i+2 word ", fNext2Word},
}

// Context tags beyond the real ones, for the two places before a sentence.
const (
	tagStart  = Tag(numTags)     // "-START-"
	tagStart2 = Tag(numTags + 1) // "-START2-"
)

func key(template uint8, a, b uint32) uint64 {
	return uint64(template)<<56 | uint64(a)<<28 | uint64(b)
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
)

// Default returns a Tagger shared by the whole program, loading the
// embedded model on first use.
func Default() *Tagger {
	defaultOnce.Do(func() { defaultTagger = NewTagger() })
	return defaultTagger
}

// NewTagger loads a new Tagger from the embedded model. Most callers want
// Default, which loads it once. It panics if the embedded model is corrupt,
// which is a build error.
func NewTagger() *Tagger {
	t, err := loadTagger(modelData)
	if err != nil {
		panic("nlp: embedded model: " + err.Error())
	}
	return t
}

func loadTagger(gz []byte) (*Tagger, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	r := &modelReader{b: raw}
	if r.take(7) != "kgpos1\n" {
		return nil, errors.New("not a kgpos1 model")
	}

	classes := make([]Tag, r.uvarint())
	for i := range classes {
		name := r.str()
		tag, ok := ParseTag(name)
		if !ok {
			return nil, fmt.Errorf("unknown class %q", name)
		}
		classes[i] = tag
	}
	class := func() Tag {
		c := int(r.byte())
		if c >= len(classes) {
			r.err = fmt.Errorf("class %d out of range", c)
			return NoTag
		}
		return classes[c]
	}

	t := &Tagger{ids: map[string]uint32{}}
	n := r.uvarint()
	t.dict = make(map[string]Tag, n)
	for range n {
		w := r.str()
		t.dict[w] = class()
	}

	nfeat := r.uvarint()
	size := 1
	for size < 2*nfeat {
		size <<= 1
	}
	t.slots = make([]slot, size)
	t.shift = uint8(64 - bitsLen(size))
	t.weights = make([]int32, 0, 4*nfeat)
	for range nfeat {
		name := r.str()
		nw := r.uvarint()
		off := len(t.weights)
		for range nw {
			c := class()
			w := r.varint()
			t.weights = append(t.weights, int32(w)<<8|int32(c))
		}
		if r.err != nil {
			break
		}
		if name == "bias" {
			for _, e := range t.weights[off:] {
				t.bias[uint8(e)] += e >> 8
			}
			t.weights = t.weights[:off]
			continue
		}
		k, ok := t.parseFeature(name)
		if !ok {
			// A feature no sentence can produce, such as a tag outside
			// the tag set: drop it.
			t.weights = t.weights[:off]
			continue
		}
		t.insert(k, uint32(off), uint32(len(t.weights)-off))
	}
	if r.err != nil {
		return nil, r.err
	}
	for b := range 256 {
		t.pref1[b] = t.ids[string(rune(b))]
	}
	for i, s := range [...]string{"-START-", "-START2-", "-END-", "-END2-"} {
		t.start[i] = t.ids[s]
		t.startS[i] = t.ids[suffix3(s)]
	}
	return t, nil
}

// parseFeature turns a feature string of prose's model into its key,
// interning its word arguments.
func (t *Tagger) parseFeature(name string) (uint64, bool) {
	for _, tp := range templates {
		arg, ok := strings.CutPrefix(name, tp.prefix)
		if !ok {
			continue
		}
		switch tp.kind {
		case fTag1, fTag2:
			tag, ok := contextTag(arg)
			return key(tp.kind, uint32(tag), 0), ok
		case fTag12:
			p1, p2, ok := strings.Cut(arg, " ")
			t1, ok1 := contextTag(p1)
			t2, ok2 := contextTag(p2)
			return key(tp.kind, uint32(t1), uint32(t2)), ok && ok1 && ok2
		case fTag1Word:
			p1, w, ok := strings.Cut(arg, " ")
			t1, ok1 := contextTag(p1)
			return key(tp.kind, uint32(t1), t.id(w)), ok && ok1
		default:
			return key(tp.kind, t.id(arg), 0), true
		}
	}
	return 0, false
}

func contextTag(s string) (Tag, bool) {
	switch s {
	case "-START-":
		return tagStart, true
	case "-START2-":
		return tagStart2, true
	}
	return ParseTag(s)
}

// id interns s.
func (t *Tagger) id(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	id := uint32(len(t.ids) + 1)
	t.ids[s] = id
	return id
}

func (t *Tagger) insert(k uint64, off, n uint32) {
	mask := uint64(len(t.slots) - 1)
	for h := hash(k) >> t.shift; ; h = (h + 1) & mask {
		if t.slots[h].key == 0 || t.slots[h].key == k {
			t.slots[h] = slot{key: k, off: off, n: n}
			return
		}
	}
}

// add adds the weights of feature k, if the model has it, to scores.
func (t *Tagger) add(scores *[numTags]int32, k uint64) {
	mask := uint64(len(t.slots) - 1)
	for h := hash(k) >> t.shift; ; h = (h + 1) & mask {
		s := &t.slots[h]
		if s.key == k {
			for _, e := range t.weights[s.off : s.off+s.n] {
				scores[uint8(e)] += e >> 8
			}
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// suffix3 returns the last three bytes of s, as prose's suffix features.
func suffix3[S string | []byte](s S) S { return s[len(s)-min(3, len(s)):] }

func hash(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 }

func bitsLen(n int) int {
	b := 0
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}

// scratch holds the per-sentence buffers of Tag.
type scratch struct {
	forms []string
	word  []uint32 // id of the normalized word at each context position
	suf   []uint32 // id of its last three bytes
	buf   []byte
}

// Tag sets the Tag and Lemma of each token. The tokens are one sentence,
// as Tokenize returns them.
func (t *Tagger) Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	sc, _ := t.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	n := len(toks)
	sc.forms = sc.forms[:0]
	for i := range toks {
		sc.forms = append(sc.forms, modelForm(toks, i))
	}

	// Context positions: -START- -START2- w0 … wn-1 -END- -END2-, as prose.
	sc.word = append(sc.word[:0], t.start[0], t.start[1])
	sc.suf = append(sc.suf[:0], t.startS[0], t.startS[1])
	for _, f := range sc.forms {
		var norm []byte
		norm, sc.buf = normalize(f, sc.buf[:0])
		sc.word = append(sc.word, t.ids[string(norm)])
		sc.suf = append(sc.suf, t.ids[string(suffix3(norm))])
	}
	sc.word = append(sc.word, t.start[2], t.start[3])
	sc.suf = append(sc.suf, t.startS[2], t.startS[3])

	p1, p2 := tagStart, tagStart2
	for i := range n {
		w := sc.forms[i]
		tag, ok := t.dict[w]
		if !ok {
			tag = t.predict(sc, i, w, p1, p2)
		}
		toks[i].Tag = tag
		toks[i].Lemma = Lemma(w, tag)
		p2, p1 = p1, tag
	}
	t.pool.Put(sc)
}

func (t *Tagger) predict(sc *scratch, i int, w string, p1, p2 Tag) Tag {
	scores := t.bias
	c := i + 2 // context position of word i
	word := sc.word[c]
	t.add(&scores, key(fTag1, uint32(p1), 0))
	t.add(&scores, key(fTag2, uint32(p2), 0))
	t.add(&scores, key(fTag12, uint32(p1), uint32(p2)))
	if id := t.ids[suffix3(w)]; id != 0 {
		t.add(&scores, key(fSuffix, id, 0))
	}
	if id := t.pref1[w[0]]; id != 0 {
		t.add(&scores, key(fPref1, id, 0))
	}
	if word != 0 {
		t.add(&scores, key(fWord, word, 0))
		t.add(&scores, key(fTag1Word, uint32(p1), word))
	}
	for _, f := range [...]struct {
		template uint8
		id       uint32
	}{
		{fPrevWord, sc.word[c-1]},
		{fPrevSuffix, sc.suf[c-1]},
		{fPrev2Word, sc.word[c-2]},
		{fNextWord, sc.word[c+1]},
		{fNextSuffix, sc.suf[c+1]},
		{fNext2Word, sc.word[c+2]},
	} {
		if f.id != 0 {
			t.add(&scores, key(f.template, f.id, 0))
		}
	}
	// The class with the highest score; a tie goes to the greater tag name,
	// as in NLTK, where the model comes from (prose breaks ties at random,
	// and answers "" when no score is positive).
	best := CC
	for tag := CC + 1; tag < numTags; tag++ {
		if d := scores[tag] - scores[best]; d > 0 || d == 0 && tagNames[tag] > tagNames[best] {
			best = tag
		}
	}
	return best
}

// normalize maps a word as prose's tagger does for its context features:
// "!HYPHEN" for a word with an inner hyphen, "!YEAR" for a four-character
// integer, "!DIGITS" for a word that starts with a digit, else the word in
// lower case. It returns the result and the (possibly grown) buffer.
func normalize(w string, buf []byte) ([]byte, []byte) {
	switch {
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		buf = append(buf, "!HYPHEN"...)
	case len(w) == 4 && isAtoi(w):
		buf = append(buf, "!YEAR"...)
	case w[0] >= '0' && w[0] <= '9':
		buf = append(buf, "!DIGITS"...)
	default:
		buf = appendLower(buf, w)
	}
	return buf, buf
}

// isAtoi reports whether strconv.Atoi accepts s (an optional sign, then
// decimal digits).
func isAtoi(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s) to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:len(buf)-i], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// modelForm returns token i as the model knows it: the treebank's opening
// and closing quotes (two backquotes, two apostrophes) for double quotes,
// straight ones by their position, -- for
// dashes, ... for an ellipsis, straight apostrophes for curly ones, ( and )
// for square brackets.
func modelForm(toks []Token, i int) string {
	w := toks[i].Text
	switch w {
	case "\"":
		if (i == 0 || toks[i-1].End < toks[i].Start) && i+1 < len(toks) && toks[i+1].Start == toks[i].End {
			return "``"
		}
		return "''"
	case "[":
		return "("
	case "]":
		return ")"
	case "“", "„", "«":
		return "``"
	case "”", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case "…":
		return "..."
	}
	if w[0] < utf8.RuneSelf {
		if len(w) > 2 && w[0] == '-' && w[1] == '-' && strings.Trim(w, "-") == "" {
			return "--"
		}
		if len(w) > 3 && w[0] == '.' && strings.Trim(w, ".") == "" {
			return "..."
		}
	}
	if strings.HasPrefix(w, "—") || strings.HasPrefix(w, "―") || w == "–" {
		return "--"
	}
	if strings.Contains(w, "’") {
		switch w {
		case "’s":
			return "'s"
		case "n’t":
			return "n't"
		case "’S":
			return "'S"
		case "N’T":
			return "N'T"
		}
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// modelReader decodes the model format of internal/genmodel.
type modelReader struct {
	b   []byte
	err error
}

func (r *modelReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated model")
	}
	r.b = nil
}

func (r *modelReader) uvarint() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<28 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *modelReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *modelReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *modelReader) take(n int) string {
	if len(r.b) < n {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *modelReader) str() string { return r.take(r.uvarint()) }
