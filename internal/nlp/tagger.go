package nlp

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/genmodel -o model.bin

// modelData is the averaged perceptron of prose v1 (github.com/jdkato/prose
// v1.2.1, package tag), converted by internal/genmodel. See NOTICE.
//
//go:embed model.bin
var modelData string

// Tagger assigns part-of-speech tags and lemmas. It is immutable after
// construction and safe for concurrent use.
//
// It runs the same averaged perceptron as prose v1's tag.PerceptronTagger
// (a port of Matthew Honnibal's textblob-aptagger, with NLTK's English
// model), with the same features and weights, so it gives the same tags.
// prose's own inference is far too slow for kg: it builds each of a word's
// 14 features as a concatenated string, looks it up in nested maps, and
// scores into a fresh map. Here every string that occurs in a feature is
// interned once when the model loads, with the weight rows of the features
// it takes part in; tagging a sentence looks each word up once (a word with
// capitals twice), then sums integer weight rows, found by index, into a
// fixed array, starting from a precomputed row for the two previous tags.
type Tagger struct {
	words   map[string]uint32 // interned strings → index into entries
	entries []entry           // entries[0] is the empty entry of unknown strings
	pref1   [256]row          // "i pref1": the first byte of the word
	tagWord []tagWord         // "i-1 tag+i word" rows, grouped by word (see entry.tagWord)
	weights []int32           // rows of weights, each packed as weight×1000<<8 | tag
	edges   [4]uint32         // entries of -START- -START2- -END- -END2-
	classes [3]uint32         // entries of !HYPHEN !YEAR !DIGITS

	// byTags holds, for each pair of previous tags, the scores of the
	// features that depend on the tags alone: "bias", "i-1 tag", "i-2 tag"
	// and "i tag+i-2 tag". Scoring a word starts with a copy of its row.
	byTags [numContext * numContext]scores

	pool sync.Pool
}

// scores has a score for each tag; 64 entries rather than numTags so that
// indexing by tag&63 needs no bounds check.
type scores [64]int32

// entry is an interned string: its tag if the model's tag dictionary has
// it, the entry of its last three bytes, and its weight rows by role.
type entry struct {
	dict    Tag
	suf     uint32
	rows    [numRoles]row
	tagWord uint32 // Tagger.tagWord[tagWord>>8 : tagWord>>8 + tagWord&0xff] for this word
}

// Roles of a string in the model's features.
const (
	roleWord       = iota // "i word": the normalized word
	rolePrevWord          // "i-1 word"
	rolePrev2Word         // "i-2 word"
	roleNextWord          // "i+1 word"
	roleNext2Word         // "i+2 word"
	roleSuffix            // "i suffix": last three bytes of the word as written
	rolePrevSuffix        // "i-1 suffix": of the normalized previous word
	roleNextSuffix        // "i+1 suffix"
	numRoles
)

// row locates a feature's weights: weights[r>>8 : r>>8 + r&0xff]. The zero
// row is empty.
type row uint32

func (t *Tagger) addRow(sc *scores, r row) {
	for _, e := range t.weights[r>>8 : r>>8+r&0xff] {
		sc[e&63] += e >> 8
	}
}

// tagWord is the row of the feature "i-1 tag+i word" for one tag.
type tagWord struct {
	tag Tag
	row row
}

// Context tags: the real ones, then the two places before a sentence.
const (
	tagStart   = Tag(numTags)     // "-START-"
	tagStart2  = Tag(numTags + 1) // "-START2-"
	numContext = int(numTags) + 2
)

// roleOf gives, for each template number of the model file (see
// internal/genmodel), the role of its word argument, or a negative number
// for the templates loadTagger places itself.
var roleOf = [...]int{
	-1,             // bias
	roleSuffix,     // i suffix
	-2,             // i pref1
	-3,             // i-1 tag
	-4,             // i-2 tag
	-5,             // i tag+i-2 tag
	roleWord,       // i word
	-6,             // i-1 tag+i word
	rolePrevWord,   // i-1 word
	rolePrevSuffix, // i-1 suffix
	rolePrev2Word,  // i-2 word
	roleNextWord,   // i+1 word
	roleNextSuffix, // i+1 suffix
	roleNext2Word,  // i+2 word
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

func loadTagger(model string) (*Tagger, error) {
	// The interned strings are slices of model, not copies.
	r := &modelReader{s: model}
	if r.take(7) != "kgpos2\n" {
		return nil, errors.New("not a kgpos2 model")
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

	t := &Tagger{entries: make([]entry, 1, 64<<10), words: make(map[string]uint32, 64<<10)}
	strs := []string{""} // the string of each entry
	intern := func(s string) uint32 {
		if id, ok := t.words[s]; ok {
			return id
		}
		id := uint32(len(t.entries))
		t.words[s] = id
		t.entries = append(t.entries, entry{})
		strs = append(strs, s)
		return id
	}

	ndict := r.uvarint()
	for range ndict {
		w := r.str()
		t.entries[intern(w)].dict = class()
	}

	var (
		bias       scores
		tag1, tag2 [numContext]row
		tag12      [numContext * numContext]row
		pairs      []tagWordPair
	)
	nfeat := r.uvarint()
	t.weights = make([]int32, 0, 4*nfeat)
	for range nfeat {
		template := int(r.byte())
		arg := r.str()
		var arg2 string
		if template == 5 || template == 7 {
			arg2 = r.str()
		}
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
		if len(t.weights) >= 1<<24 || nw > 0xff {
			return nil, errors.New("model too large for its row encoding")
		}
		rw := row(off<<8 | (len(t.weights) - off))
		if template >= len(roleOf) {
			return nil, fmt.Errorf("unknown template %d", template)
		}
		var p1, p2 Tag
		ok1, ok2 := true, true
		switch template {
		case 3, 4, 5, 7:
			p1, ok1 = contextTag(arg)
		}
		if template == 5 {
			p2, ok2 = contextTag(arg2)
		}
		if !ok1 || !ok2 {
			// A tag outside the tag set: no sentence can produce it.
			t.weights = t.weights[:off]
			continue
		}
		switch role := roleOf[template]; role {
		case -1:
			t.addRow(&bias, rw)
			t.weights = t.weights[:off]
		case -2: // prose's pref1 is string(rune(word[0])): one rune below 256
			c, n := utf8.DecodeRuneInString(arg)
			if n == len(arg) && c < 256 {
				t.pref1[c] = rw
			}
		case -3:
			tag1[p1] = rw
		case -4:
			tag2[p1] = rw
		case -5:
			tag12[int(p1)*numContext+int(p2)] = rw
		case -6:
			pairs = append(pairs, tagWordPair{intern(arg2), tagWord{p1, rw}})
		default:
			t.entries[intern(arg)].rows[role] = rw
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.s) != 0 {
		return nil, errors.New("trailing data in model")
	}

	for p1 := range numContext {
		for p2 := range numContext {
			sc := &t.byTags[p1*numContext+p2]
			*sc = bias
			t.addRow(sc, tag1[p1])
			t.addRow(sc, tag2[p2])
			t.addRow(sc, tag12[p1*numContext+p2])
		}
	}
	for i, s := range [...]string{"-START-", "-START2-", "-END-", "-END2-"} {
		t.edges[i] = intern(s)
	}
	for i, s := range [...]string{"!HYPHEN", "!YEAR", "!DIGITS"} {
		t.classes[i] = intern(s)
	}
	for id, s := range strs {
		t.entries[id].suf = t.words[suffix3(s)]
	}
	t.entries[0] = entry{}

	slices.SortFunc(pairs, func(a, b tagWordPair) int { return cmp.Compare(a.word, b.word) })
	t.tagWord = make([]tagWord, 0, len(pairs))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j].word == pairs[i].word {
			t.tagWord = append(t.tagWord, pairs[j].tagWord)
			j++
		}
		if j-i > 0xff {
			return nil, fmt.Errorf("%d tags in i-1 tag+i word features of one word", j-i)
		}
		t.entries[pairs[i].word].tagWord = uint32(i<<8 | (j - i))
		i = j
	}
	return t, nil
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

// byName lists the tags in descending order of their names.
var byName = func() (order [numTags - 1]Tag) {
	for i := range order {
		order[i] = CC + Tag(i)
	}
	slices.SortFunc(order[:], func(a, b Tag) int { return strings.Compare(tagNames[b], tagNames[a]) })
	return
}()

type tagWordPair struct {
	word uint32
	tagWord
}

// findTagWord returns the row of "i-1 tag+i word" for the word entry e.
func (t *Tagger) findTagWord(e *entry, tag Tag) row {
	for _, tw := range t.tagWord[e.tagWord>>8 : e.tagWord>>8+e.tagWord&0xff] {
		if tw.tag == tag {
			return tw.row
		}
	}
	return 0
}

// suffix3 returns the last three bytes of s, as prose's suffix features.
func suffix3[S string | []byte](s S) S { return s[len(s)-min(3, len(s)):] }

// scratch holds the per-sentence buffers of Tag.
type scratch struct {
	forms []string
	word  []uint32 // entry of the normalized word at each context position
	suf   []uint32 // entry of its last three bytes
	dict  []Tag    // tag-dictionary tag of each word as written
	rsuf  []uint32 // entry of the last three bytes of each word as written
	buf   []byte
}

// Tag sets the Tag and Lemma of each token. The tokens are one sentence,
// as Tokenize returns them; Tag reads their Text, and their offsets to
// tell opening from closing straight quotes. It does not panic on other
// tokens, even empty ones.
func (t *Tagger) Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	sc, _ := t.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	t.context(sc, toks)

	p1, p2 := tagStart, tagStart2
	for i := range toks {
		tag := sc.dict[i]
		if tag == NoTag {
			tag = t.predict(sc, i, p1, p2)
		}
		// "US" in capitals is the country, not "us": the model reads words
		// in lower case and knows only the pronoun
		if (tag == PRP || tag == PRPS) && allCaps(toks[i].Text) {
			tag = NNP
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
	setLemmas(toks, sc.forms)
	t.pool.Put(sc)
}

// allCaps reports whether w has two letters or more, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// context looks up every word of the sentence once. Context positions are
// -START- -START2- w0 … wn-1 -END- -END2-, as in prose.
func (t *Tagger) context(sc *scratch, toks []Token) {
	sc.forms, sc.dict, sc.rsuf = sc.forms[:0], sc.dict[:0], sc.rsuf[:0]
	sc.word = append(sc.word[:0], t.edges[0], t.edges[1])
	sc.suf = append(sc.suf[:0], t.entries[t.edges[0]].suf, t.entries[t.edges[1]].suf)
	for i := range toks {
		f := modelForm(toks, i)
		sc.forms = append(sc.forms, f)
		var id, suf uint32
		asWritten := false
		if k := wordClass(f); k > 0 {
			id = t.classes[k-1]
			suf = t.entries[id].suf
		} else {
			sc.buf, asWritten = appendLower(sc.buf[:0], f)
			id = t.words[string(sc.buf)]
			suf = t.entries[id].suf
			if id == 0 {
				suf = t.words[string(suffix3(sc.buf))]
			}
		}
		sc.word = append(sc.word, id)
		sc.suf = append(sc.suf, suf)
		if !asWritten {
			// The word differs from its normalized form ("The", "1990"):
			// look it up as written too.
			id = t.words[f]
			suf = t.entries[id].suf
			if id == 0 {
				suf = t.words[suffix3(f)]
			}
		}
		sc.dict = append(sc.dict, t.entries[id].dict)
		sc.rsuf = append(sc.rsuf, suf)
	}
	sc.word = append(sc.word, t.edges[2], t.edges[3])
	sc.suf = append(sc.suf, t.entries[t.edges[2]].suf, t.entries[t.edges[3]].suf)
}

func (t *Tagger) predict(sc *scratch, i int, p1, p2 Tag) Tag {
	scores := t.byTags[int(p1)*numContext+int(p2)]
	c := i + 2 // context position of word i
	e := t.entries
	if f := sc.forms[i]; f != "" {
		t.addRow(&scores, t.pref1[f[0]])
	}
	t.addRow(&scores, e[sc.rsuf[i]].rows[roleSuffix])
	if w := &e[sc.word[c]]; sc.word[c] != 0 {
		t.addRow(&scores, w.rows[roleWord])
		t.addRow(&scores, t.findTagWord(w, p1))
	}
	t.addRow(&scores, e[sc.word[c-1]].rows[rolePrevWord])
	t.addRow(&scores, e[sc.suf[c-1]].rows[rolePrevSuffix])
	t.addRow(&scores, e[sc.word[c-2]].rows[rolePrev2Word])
	t.addRow(&scores, e[sc.word[c+1]].rows[roleNextWord])
	t.addRow(&scores, e[sc.suf[c+1]].rows[roleNextSuffix])
	t.addRow(&scores, e[sc.word[c+2]].rows[roleNext2Word])

	// The class with the highest score; a tie goes to the greater tag name,
	// as in NLTK, where the model comes from (prose breaks ties at random,
	// and answers "" when no score is positive): byName is in descending
	// order of names, and only a greater score replaces the best.
	best := byName[0]
	for _, tag := range byName[1:] {
		if scores[tag&63] > scores[best&63] {
			best = tag
		}
	}
	return best
}

// wordClass tells how prose's tagger normalizes a word for its context
// features: 1 for "!HYPHEN" (a word with an inner hyphen), 2 for "!YEAR"
// (a four-character integer), 3 for "!DIGITS" (a word that starts with a
// digit), 0 for the word in lower case.
func wordClass(w string) int {
	switch {
	case w == "":
		return 0
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return 1
	case len(w) == 4 && isAtoi(w):
		return 2
	case w[0] >= '0' && w[0] <= '9':
		return 3
	}
	return 0
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

// appendLower appends strings.ToLower(s) to buf and reports whether that
// is s itself.
func appendLower(buf []byte, s string) ([]byte, bool) {
	same := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			l := strings.ToLower(s)
			return append(buf[:len(buf)-i], l...), l == s
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
			same = false
		}
		buf = append(buf, c)
	}
	return buf, same
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
	if w != "" && w[0] < utf8.RuneSelf {
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
	s   string
	err error
}

func (r *modelReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated model")
	}
	r.s = ""
}

func (r *modelReader) uvarint() int {
	v, n := uvarint(r.s)
	if n <= 0 || v > 1<<28 {
		r.fail()
		return 0
	}
	r.s = r.s[n:]
	return int(v)
}

func (r *modelReader) varint() int64 {
	ux, n := uvarint(r.s)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.s = r.s[n:]
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// uvarint is binary.Uvarint on a string.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

func (r *modelReader) byte() byte {
	if len(r.s) == 0 {
		r.fail()
		return 0
	}
	c := r.s[0]
	r.s = r.s[1:]
	return c
}

func (r *modelReader) take(n int) string {
	if len(r.s) < n {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *modelReader) str() string { return r.take(r.uvarint()) }
