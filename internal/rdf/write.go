package rdf

// RDF serializers (Turtle, N-Triples, N-Quads) that produce valid output for
// every input, or return an error without writing anything.
//
// Why not knakk/rdf's encoder (or quad's own String methods): knakk splits
// every IRI at its last '/' or '#' and writes the rest as a prefixed local
// name unchecked, so "U.S." (trailing dot), "Trump_(politician)" or "a b"
// produce invalid Turtle; it writes xsd:integer/decimal/double/boolean
// lexical forms bare without checking them ("1.", ".5" or "abc" become
// syntax errors) and xsd:dateTime lexical forms unescaped; it does not check
// IRIs or language tags at all. quad's String methods do not escape IRIs,
// and quad.Bool's typed form "True" is not a valid xsd:boolean. So kg
// writes RDF itself, following the W3C grammars (Turtle 1.1, N-Triples 1.1,
// N-Quads 1.1) plus what strict parsers (serdi, oxigraph) additionally
// enforce: RFC 3987 IRI syntax and BCP 47 language-tag syntax.
//
// Normalisations (documented, deterministic, idempotent):
//
//   - IRIs: characters not allowed at their position in an RFC 3987 IRI
//     (space, <>"{}|^`\, control characters, a second '#', non-characters,
//     U+FFFD, ...) are percent-encoded as UTF-8 bytes %XX, a '%' that does not
//     start a %XX triplet becomes %25, and bytes of invalid UTF-8 become %XX.
//     This is a last line of defence: the mapping layer should percent-encode
//     names itself. An IRI without a scheme (relative) is an error.
//   - Literals: RDF literals are Unicode strings, so each byte of invalid
//     UTF-8 (including encoded surrogates such as "\xed\xa0\x80") becomes
//     U+FFFD. Literals typed xsd:string are written as simple literals.
//   - Language tags must be well-formed BCP 47 (RFC 5646 syntax, which
//     oxigraph enforces; stricter than Turtle's LANGTAG); they are written in
//     lower case (RDF 1.1: the value space of language tags is lower case).
//     An invalid tag is an error.
//   - Blank node labels that are not a valid BLANK_NODE_LABEL are replaced
//     by "x-" followed by the hex of their bytes (valid labels starting with
//     "x-" are encoded too, so the mapping stays one-to-one).
//   - quad.Int, quad.Float, quad.Bool and quad.Time are written as
//     xsd:integer, xsd:double (canonical form, INF/NaN), xsd:boolean
//     (true/false) and xsd:dateTime (UTC, RFC 3339 with nanoseconds).

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// The W3C terms the writer itself needs, spelled out so that it does not
// depend on the rest of the vocabulary.
const (
	rwXSD            = "http://www.w3.org/2001/XMLSchema#"
	rwRDF            = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfTypeIRI       = rwRDF + "type"
	rdfLangStringIRI = rwRDF + "langString"
	xsdStringIRI     = rwXSD + "string"
	xsdIntegerIRI    = rwXSD + "integer"
	xsdDecimalIRI    = rwXSD + "decimal"
	xsdDoubleIRI     = rwXSD + "double"
	xsdBooleanIRI    = rwXSD + "boolean"
	xsdDateTimeIRI   = rwXSD + "dateTime"
)

// WriteTurtle writes the triples of quads (labels are ignored) as Turtle:
// @prefix lines for the prefixes actually used (in the order given), then
// one block per subject, subjects sorted by their N-Triples form, rdf:type
// first (written as "a"), then the other predicates and each predicate's
// objects sorted by N-Triples form; duplicates are removed, so the output is
// byte-identical for the same set of triples in any order. Nothing is
// written if any quad is invalid.
func WriteTurtle(w io.Writer, quads []quad.Quad, prefixes []Prefix) error {
	res, err := newRWPrefixResolver(prefixes)
	if err != nil {
		return err
	}
	memo := newIRIMemo(res)
	b := &batch{memo: memo}
	b.grow(len(quads))
	for i, q := range quads {
		if err := b.add(q); err != nil {
			return fmt.Errorf("rdfwrite: quad %d: %w", i, err)
		}
	}
	b.sortTurtle()

	// Only declare the prefixes that are used. Restricting the prefix list
	// to the used ones does not change which prefix any term gets (the
	// chosen prefix is always among them).
	used := make([]bool, len(res.prefixes))
	for i := range b.stmts {
		st := &b.stmts[i]
		memo.markUsed(b.subject(st), used)
		if !st.isType {
			memo.markUsed(b.predicate(st), used)
		}
		memo.markUsed(b.object(st), used)
	}
	var usedPrefixes []Prefix
	for i, p := range res.prefixes {
		if used[i] {
			usedPrefixes = append(usedPrefixes, p)
		}
	}
	usedRes := &rwPrefixResolver{prefixes: usedPrefixes}
	usedRes.index()
	tw := &TurtleWriter{bw: bufio.NewWriter(w), memo: newIRIMemo(usedRes)}
	for i := range b.stmts {
		if err := tw.writeStmt(b, &b.stmts[i]); err != nil {
			return err
		}
	}
	return tw.Close()
}

// WriteNTriples writes the triples of quads (labels are ignored) as
// canonical N-Triples (RDF 1.1: one triple per line, single spaces, only
// \" \\ \n \r as ECHAR, other control characters as \uXXXX with upper-case
// hex, everything else raw UTF-8), sorted in code point order, duplicates
// removed. Nothing is written if any quad is invalid.
func WriteNTriples(w io.Writer, quads []quad.Quad) error {
	return writeNLines(w, quads, false)
}

// WriteNQuads is WriteNTriples with the quad label (an IRI or blank node)
// written as graph name; a nil label means the default graph.
func WriteNQuads(w io.Writer, quads []quad.Quad) error {
	return writeNLines(w, quads, true)
}

func writeNLines(w io.Writer, quads []quad.Quad, withGraph bool) error {
	b := &batch{withGraph: withGraph, memo: newIRIMemo(nil)}
	b.grow(len(quads))
	for i, q := range quads {
		if err := b.add(q); err != nil {
			return fmt.Errorf("rdfwrite: quad %d: %w", i, err)
		}
	}
	b.sortLines()
	bw := bufio.NewWriter(w)
	if err := b.writeLines(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// TurtleWriter writes Turtle incrementally. Consecutive triples with the same
// subject (and predicate) are grouped with ';' (and ','), and an identical
// consecutive triple is skipped, so feeding triples sorted by subject and
// predicate gives compact output; unsorted input is still valid Turtle (a
// subject may then appear in several blocks). WriteTurtle is the sorting,
// deduplicating front end.
type TurtleWriter struct {
	bw      *bufio.Writer
	memo    *iriMemo // IRIs and their prefixes
	started bool     // @prefix header written
	open    bool     // a statement is open (needs " .")
	s, p, o []byte   // N-Triples forms of the last triple written
	one     batch    // WriteQuad's
	err     error    // sticky write error
}

// NewTurtleWriter returns a TurtleWriter that declares all of prefixes
// (in order) before the first triple and uses them for prefixed names.
// Call Close to finish the last statement and flush.
func NewTurtleWriter(w io.Writer, prefixes []Prefix) (*TurtleWriter, error) {
	res, err := newRWPrefixResolver(prefixes)
	if err != nil {
		return nil, err
	}
	tw := &TurtleWriter{bw: bufio.NewWriter(w), memo: newIRIMemo(res)}
	tw.one.memo = tw.memo
	return tw, nil
}

// WriteQuad writes one triple (the label is ignored). An invalid quad returns
// an error and writes nothing; the writer stays usable.
func (tw *TurtleWriter) WriteQuad(q quad.Quad) error {
	tw.one.reset()
	if err := tw.one.add(q); err != nil {
		return fmt.Errorf("rdfwrite: %w", err)
	}
	return tw.writeStmt(&tw.one, &tw.one.stmts[0])
}

// Close terminates the last statement and flushes. It does not close the
// underlying writer.
func (tw *TurtleWriter) Close() error {
	if tw.err != nil {
		return tw.err
	}
	tw.header()
	if tw.open {
		tw.bw.WriteString(" .\n")
		tw.open = false
	}
	if err := tw.bw.Flush(); err != nil {
		tw.err = err
	}
	return tw.err
}

func (tw *TurtleWriter) header() {
	if tw.started {
		return
	}
	tw.started = true
	prefixes := tw.memo.res.prefixes
	for _, p := range prefixes {
		tw.bw.WriteString("@prefix " + p.Name + ": <" + p.IRI + "> .\n")
	}
	if len(prefixes) > 0 {
		tw.bw.WriteString("\n")
	}
}

// writeStmt writes statement st of batch b.
func (tw *TurtleWriter) writeStmt(b *batch, st *stmt) error {
	if tw.err != nil {
		return tw.err
	}
	tw.header()
	w := tw.bw
	sk, pk, ok := b.subject(st), b.predicate(st), b.object(st)
	switch {
	case tw.open && bytes.Equal(sk, tw.s) && bytes.Equal(pk, tw.p):
		if bytes.Equal(ok, tw.o) {
			return nil // duplicate
		}
		w.WriteString(", ")
		tw.writeTerm(ok)
	case tw.open && bytes.Equal(sk, tw.s):
		w.WriteString(" ;\n    ")
		tw.predicate(st, pk)
		w.WriteByte(' ')
		tw.writeTerm(ok)
		tw.p = append(tw.p[:0], pk...)
	default:
		if tw.open {
			w.WriteString(" .\n\n")
		}
		tw.writeTerm(sk)
		w.WriteByte(' ')
		tw.predicate(st, pk)
		w.WriteByte(' ')
		tw.writeTerm(ok)
		tw.s = append(tw.s[:0], sk...)
		tw.p = append(tw.p[:0], pk...)
	}
	tw.open = true
	tw.o = append(tw.o[:0], ok...)
	// bufio.Writer errors are sticky; surface them as soon as they happen.
	if _, err := w.Write(nil); err != nil {
		tw.err = err
	}
	return tw.err
}

// rwCanonicalInt reports whether s matches -?(0|[1-9][0-9]*).
func rwCanonicalInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && rwDigits(s) && (s == "0" || s[0] != '0')
}

func rwDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ---- terms ----

type rdfTermKind uint8

const (
	tkIRI rdfTermKind = iota + 1
	tkBNode
	tkLiteral
)

// rdfTerm is a validated, normalized RDF term.
type rdfTerm struct {
	kind rdfTermKind
	val  string // IRI, blank node label (without "_:"), or lexical form (valid UTF-8)
	lang string // lower-case language tag, literals only
	dt   string // datatype IRI; "" for simple (xsd:string) and language-tagged literals
}

// rdfTriple holds normalized terms and their N-Triples forms (sort keys).
type rdfTriple struct {
	s, p, o        rdfTerm
	sk, pk, ok, gk string
}

// toRDFTriple parses q, with N-Triples keys (the JSON-LD writer's form).
func toRDFTriple(q quad.Quad, withGraph bool) (rdfTriple, error) {
	var t rdfTriple
	var b batch
	b.withGraph = withGraph
	st, terms, err := b.encode(q)
	if err != nil {
		return t, err
	}
	t.s, t.p, t.o = terms[0], terms[1], terms[2]
	t.sk, t.pk, t.ok = string(b.subject(&st)), string(b.predicate(&st)), string(b.object(&st))
	if st.end > st.oe {
		t.gk = string(b.buf[st.oe+1 : st.end])
	}
	return t, nil
}

// compareTurtleTriples orders triples by subject, then predicate with rdf:type
// first, then object, each by N-Triples form.
func compareTurtleTriples(a, b rdfTriple) int {
	if c := strings.Compare(a.sk, b.sk); c != 0 {
		return c
	}
	at, bt := a.p.val == rdfTypeIRI, b.p.val == rdfTypeIRI
	if at != bt {
		if at {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.pk, b.pk), strings.Compare(a.ok, b.ok))
}

// toRDFTermMemo converts a quad value to a term, with IRIs (datatypes
// included) normalized through memo (nil: none).
func toRDFTermMemo(v quad.Value, memo *iriMemo) (rdfTerm, error) {
	switch v := v.(type) {
	case quad.IRI:
		iri, err := memo.normalize(string(v))
		if err != nil {
			return rdfTerm{}, err
		}
		return rdfTerm{kind: tkIRI, val: iri}, nil
	case quad.BNode:
		if v == "" {
			return rdfTerm{}, errors.New("empty blank node label")
		}
		return rdfTerm{kind: tkBNode, val: rwBNodeLabel(string(v))}, nil
	case quad.String:
		return rdfTerm{kind: tkLiteral, val: rwValidUTF8(string(v))}, nil
	case quad.LangString:
		lang, err := memo.langTag(v.Lang)
		if err != nil {
			return rdfTerm{}, err
		}
		return rdfTerm{kind: tkLiteral, val: rwValidUTF8(string(v.Value)), lang: lang}, nil
	case quad.TypedString:
		return typedRDFTerm(string(v.Value), string(v.Type), memo)
	case quad.Int:
		return rdfTerm{kind: tkLiteral, val: strconv.FormatInt(int64(v), 10), dt: xsdIntegerIRI}, nil
	case quad.Float:
		return rdfTerm{kind: tkLiteral, val: formatXSDDouble(float64(v)), dt: xsdDoubleIRI}, nil
	case quad.Bool:
		return rdfTerm{kind: tkLiteral, val: strconv.FormatBool(bool(v)), dt: xsdBooleanIRI}, nil
	case quad.Time:
		s := time.Time(v).UTC().Format(time.RFC3339Nano)
		return rdfTerm{kind: tkLiteral, val: s, dt: xsdDateTimeIRI}, nil
	case nil:
		return rdfTerm{}, errors.New("missing value")
	default:
		// Includes custom quad.Value implementations; quad.Raw values are
		// parsed into the types above by the quad package.
		return rdfTerm{}, fmt.Errorf("unsupported value type %T", v)
	}
}

func typedRDFTerm(val, dt string, memo *iriMemo) (rdfTerm, error) {
	val = rwValidUTF8(val)
	if dt == "" { // quad treats an empty type as a plain string
		return rdfTerm{kind: tkLiteral, val: val}, nil
	}
	dt, err := memo.normalize(dt)
	if err != nil {
		return rdfTerm{}, fmt.Errorf("datatype: %w", err)
	}
	switch dt {
	case xsdStringIRI:
		dt = "" // RDF 1.1: "x"^^xsd:string is "x"; canonical N-Triples omits it
	case rdfLangStringIRI:
		return rdfTerm{}, errors.New("rdf:langString literal without language tag")
	}
	return rdfTerm{kind: tkLiteral, val: val, dt: dt}, nil
}

// formatXSDDouble returns the XSD canonical form of f (e.g. 1.5E0, -1.0E-7, INF).
func formatXSDDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	s := strconv.FormatFloat(f, 'E', -1, 64) // e.g. 1.5E+00, 1E-07
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// rwValidUTF8 replaces each byte of invalid UTF-8 with U+FFFD.
func rwValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s { // yields U+FFFD for each invalid byte
		b.WriteRune(r)
	}
	return b.String()
}

const rwUpperHex = "0123456789ABCDEF"

func appendUCHAR(b []byte, r rune) []byte {
	return append(b, '\\', 'u', rwUpperHex[r>>12&15], rwUpperHex[r>>8&15], rwUpperHex[r>>4&15], rwUpperHex[r&15])
}

// appendNTString appends s as a canonical N-Triples STRING_LITERAL_QUOTE:
// ECHAR for " \ LF CR only, UCHAR for the other C0 controls and DEL, all
// other characters raw. s must be valid UTF-8.
func appendNTString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		// copy the run of bytes that need no escape at once
		j := i
		for j < len(s) && !ntEscaped[s[j]] {
			j++
		}
		b = append(b, s[i:j]...)
		if i = j; i == len(s) {
			break
		}
		switch c := s[i]; c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			if c < 0x20 || c == 0x7F {
				b = appendUCHAR(b, rune(c))
			} else {
				b = append(b, c) // UTF-8 bytes >= 0x80 pass through
			}
		}
	}
	return append(b, '"')
}

// ntEscaped marks the bytes appendNTString escapes.
var ntEscaped = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'], t[0x7F] = true, true, true
	return t
}()

// ---- prefixes ----

type rwPrefixResolver struct {
	prefixes []Prefix // validated, IRIs normalized
	// byIRI maps each namespace IRI to its first prefix; ends marks the
	// bytes namespaces end with (lookup tries only those cut points).
	byIRI map[string]int
	ends  [256]bool
}

func newRWPrefixResolver(prefixes []Prefix) (*rwPrefixResolver, error) {
	r := &rwPrefixResolver{prefixes: make([]Prefix, 0, len(prefixes))}
	seen := map[string]bool{}
	for _, p := range prefixes {
		if !validPNPrefix(p.Name) {
			return nil, fmt.Errorf("rdfwrite: invalid prefix name %q", p.Name)
		}
		if seen[p.Name] {
			return nil, fmt.Errorf("rdfwrite: duplicate prefix name %q", p.Name)
		}
		seen[p.Name] = true
		iri, err := rwNormalizeIRI(p.IRI)
		if err != nil {
			return nil, fmt.Errorf("rdfwrite: prefix %q: %w", p.Name, err)
		}
		r.prefixes = append(r.prefixes, Prefix{p.Name, iri})
	}
	r.index()
	return r, nil
}

func (r *rwPrefixResolver) index() {
	r.byIRI = make(map[string]int, len(r.prefixes))
	for i, p := range r.prefixes {
		if _, dup := r.byIRI[p.IRI]; !dup {
			r.byIRI[p.IRI] = i
		}
		r.ends[p.IRI[len(p.IRI)-1]] = true // normalized IRIs are not empty
	}
}

// lookup returns the index of the prefix to write iri with (the longest
// namespace whose remainder is a safe PN_LOCAL; the first one on ties), or -1
// if iri must be written in full. It tries the namespaces iri could start
// with, longest first: one map lookup per '/' or '#' (the bytes kg's
// namespaces end with), not one comparison per prefix.
func (r *rwPrefixResolver) lookup(iri string) int {
	if r == nil {
		return -1
	}
	for i := len(iri) - 2; i >= 0; i-- { // the local part is not empty
		if !r.ends[iri[i]] {
			continue
		}
		if p, ok := r.byIRI[iri[:i+1]]; ok && safePNLocal(iri[i+1:]) {
			return p
		}
	}
	return -1
}

// ---- Turtle/N-Triples character classes ----

func isPNCharsBase(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z'
	case r < 0x2000:
		return 0xC0 <= r && r <= 0xD6 || 0xD8 <= r && r <= 0xF6 || 0xF8 <= r && r <= 0x2FF ||
			0x370 <= r && r <= 0x37D || 0x37F <= r
	default:
		return 0x200C <= r && r <= 0x200D || 0x2070 <= r && r <= 0x218F ||
			0x2C00 <= r && r <= 0x2FEF || 0x3001 <= r && r <= 0xD7FF ||
			0xF900 <= r && r <= 0xFDCF || 0xFDF0 <= r && r <= 0xFFFD ||
			0x10000 <= r && r <= 0xEFFFF
	}
}

func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || '0' <= r && r <= '9' || r == 0xB7 ||
		0x300 <= r && r <= 0x36F || r == 0x203F || r == 0x2040
}

// validPNPrefix: PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)? (or empty).
func validPNPrefix(s string) bool {
	if s == "" {
		return true
	}
	return validPNName(s, isPNCharsBase)
}

// validBNodeLabel: (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
func validBNodeLabel(s string) bool {
	return validPNName(s, func(r rune) bool { return isPNCharsU(r) || '0' <= r && r <= '9' })
}

func validPNName(s string, first func(rune) bool) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false // invalid UTF-8
			}
		}
		if i == 0 {
			if !first(r) {
				return false
			}
		} else if !isPNChars(r) && r != '.' {
			return false
		}
	}
	return true
}

// safePNLocal reports whether s can be written as a PN_LOCAL without any
// PN_LOCAL_ESC backslash escape: PN_CHARS, ':', '.' (not last) and %XX, with
// the first character PN_CHARS_U, ':', a digit or %XX. Local parts that would
// need escapes (e.g. "Trump_(politician)", "a~b") are written as full IRIs
// instead: simpler, and some parsers mishandle PN_LOCAL_ESC. The empty local
// part ("actor:") is valid Turtle but also written in full, since some
// parsers (knakk/rdf) reject it before ',' and it reads poorly.
func safePNLocal(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%':
			if i+2 >= len(s) || !rwIsHex(s[i+1]) || !rwIsHex(s[i+2]) {
				return false
			}
			size = 3
		case r == utf8.RuneError && size == 1:
			return false
		case r == ':' || '0' <= r && r <= '9' || isPNCharsU(r):
		case i > 0 && (r == '.' || isPNChars(r)):
		default:
			return false
		}
		i += size
	}
	return true
}

func rwIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// rwBNodeLabel maps any non-empty label one-to-one onto a valid
// BLANK_NODE_LABEL: valid labels are kept unless they start with "x-",
// everything else becomes "x-" + hex of its bytes.
func rwBNodeLabel(s string) string {
	if validBNodeLabel(s) && !strings.HasPrefix(s, "x-") {
		return s
	}
	return "x-" + hex.EncodeToString([]byte(s))
}

// ---- language tags ----

// rwValidLangTag reports whether tag is a well-formed BCP 47 language tag
// (RFC 5646 section 2.1 syntax, case-insensitive, no registry lookup). Every
// such tag also matches Turtle's LANGTAG [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func rwValidLangTag(tag string) bool {
	if tag == "" {
		return false
	}
	lower := strings.ToLower(tag)
	if bcp47Grandfathered[lower] {
		return true
	}
	sub := strings.Split(lower, "-")
	for _, s := range sub {
		if len(s) < 1 || len(s) > 8 || !rwLowerAlnum(s) {
			return false
		}
	}
	if sub[0] == "x" { // privateuse
		return len(sub) > 1
	}
	i := 0
	// language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
	if !rwLowerAlpha(sub[0]) || len(sub[0]) < 2 {
		return false
	}
	i++
	if len(sub[0]) <= 3 { // extlang = 3ALPHA *2("-" 3ALPHA)
		for n := 0; n < 3 && i < len(sub) && len(sub[i]) == 3 && rwLowerAlpha(sub[i]); n++ {
			i++
		}
	}
	if i < len(sub) && len(sub[i]) == 4 && rwLowerAlpha(sub[i]) { // script
		i++
	}
	if i < len(sub) && (len(sub[i]) == 2 && rwLowerAlpha(sub[i]) || len(sub[i]) == 3 && rwDigits(sub[i])) { // region
		i++
	}
	for i < len(sub) && (len(sub[i]) >= 5 || len(sub[i]) == 4 && sub[i][0] >= '0' && sub[i][0] <= '9') { // variant
		i++
	}
	for i < len(sub) && len(sub[i]) == 1 && sub[i] != "x" { // extension = singleton 1*("-" 2*8alphanum)
		i++
		n := 0
		for i < len(sub) && len(sub[i]) >= 2 {
			i++
			n++
		}
		if n == 0 {
			return false
		}
	}
	if i < len(sub) && sub[i] == "x" { // privateuse = "x" 1*("-" 1*8alphanum)
		return i+1 < len(sub)
	}
	return i == len(sub)
}

var bcp47Grandfathered = map[string]bool{
	"en-gb-oed": true, "i-ami": true, "i-bnn": true, "i-default": true, "i-enochian": true,
	"i-hak": true, "i-klingon": true, "i-lux": true, "i-mingo": true, "i-navajo": true,
	"i-pwn": true, "i-tao": true, "i-tay": true, "i-tsu": true, "sgn-be-fr": true,
	"sgn-be-nl": true, "sgn-ch-de": true, "art-lojban": true, "cel-gaulish": true,
	"no-bok": true, "no-nyn": true, "zh-guoyu": true, "zh-hakka": true, "zh-min": true,
	"zh-min-nan": true, "zh-xiang": true,
}

func rwLowerAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func rwLowerAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 'a' || s[i] > 'z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// ---- IRIs ----

// rwNormalizeIRI returns s as a syntactically valid absolute RFC 3987 IRI:
// the scheme and the structure (//authority, path, ?query, #fragment) are
// kept, and every character that is not allowed where it stands is
// percent-encoded (UTF-8 bytes as %XX; invalid UTF-8 bytes likewise; a '%'
// not followed by two hex digits becomes %25). Valid IRIs are returned
// unchanged, and rwNormalizeIRI(rwNormalizeIRI(s)) == rwNormalizeIRI(s). The
// result never needs escaping inside <...> in Turtle or N-Triples.
func rwNormalizeIRI(s string) (string, error) {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || !rwValidScheme(s[:colon]) {
		return "", fmt.Errorf("not an absolute IRI (no scheme): %q", s)
	}
	if rwIsNormalIRI(s, colon) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:colon+1])
	rest := s[colon+1:]
	rest, frag, hasFrag := strings.Cut(rest, "#")
	rest, query, hasQuery := strings.Cut(rest, "?")
	if auth, ok := strings.CutPrefix(rest, "//"); ok {
		path := ""
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth, path = auth[:i], auth[i:]
		}
		b.WriteString("//")
		rwWriteAuthority(&b, auth)
		rwEscapeIRIPart(&b, path, partPath)
	} else {
		rwEscapeIRIPart(&b, rest, partPath)
	}
	if hasQuery {
		b.WriteByte('?')
		rwEscapeIRIPart(&b, query, partQuery)
	}
	if hasFrag {
		b.WriteByte('#')
		rwEscapeIRIPart(&b, frag, partFragment)
	}
	return b.String(), nil
}

// rwIsNormalIRI is a fast path for the common case: ASCII IRIs without an
// authority oddity. It is conservative (false means "normalize").
func rwIsNormalIRI(s string, colon int) bool {
	rest := s[colon+1:]
	hashes := 0
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == '#':
			hashes++
		case c == '%':
			if i+2 >= len(rest) || !rwIsHex(rest[i+1]) || !rwIsHex(rest[i+2]) {
				return false
			}
		case !rwASCIIIRIChar[c]:
			return false
		}
	}
	if hashes > 1 {
		return false
	}
	if auth, ok := strings.CutPrefix(rest, "//"); ok {
		if i := strings.IndexAny(auth, "/?#"); i >= 0 {
			auth = auth[:i]
		}
		// '@', ':' and '[' need the full authority parser; a plain host is fine.
		if strings.ContainsAny(auth, "@:[]") {
			return false
		}
	}
	return true
}

// rwASCIIIRIChar: ASCII characters allowed somewhere after the scheme without
// percent-encoding (unreserved, sub-delims, gen-delims minus '[' ']', which
// the slow path checks in context). '#' and '%' are checked separately.
var rwASCIIIRIChar = func() (t [128]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?#%") {
		t[c] = true
	}
	return t
}()

func rwValidScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}

type rwIRIPart uint8

const (
	partUserinfo rwIRIPart = iota
	partHost               // ireg-name
	partPath
	partQuery
	partFragment
)

// rwIRIAllowed reports whether r may appear unencoded in the given part
// (RFC 3987: iunreserved / sub-delims, plus ":" "@" "/" "?" by part,
// plus iprivate in the query). '%' is handled by the caller.
func rwIRIAllowed(r rune, p rwIRIPart) bool {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9':
			return true
		}
		switch r {
		case '-', '.', '_', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=':
			return true
		case ':':
			return p != partHost
		case '@', '/':
			return p >= partPath
		case '?':
			return p >= partQuery
		}
		return false
	}
	if rwIsUCSChar(r) {
		return true
	}
	return p == partQuery && (0xE000 <= r && r <= 0xF8FF || 0xF0000 <= r && r <= 0xFFFFD || 0x100000 <= r && r <= 0x10FFFD)
}

// rwIsUCSChar: RFC 3987 ucschar.
func rwIsUCSChar(r rune) bool {
	switch {
	case 0xA0 <= r && r <= 0xD7FF, 0xF900 <= r && r <= 0xFDCF, 0xFDF0 <= r && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		// %x10000-1FFFD ... %xD0000-DFFFD, %xE1000-EFFFD: excludes the last
		// two code points of each plane and E0000-E0FFF.
		return r&0xFFFF <= 0xFFFD && !(0xE0000 <= r && r < 0xE1000)
	}
	return false
}

func rwEscapeIRIPart(b *strings.Builder, s string, p rwIRIPart) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '%' {
			if i+2 < len(s) && rwIsHex(s[i+1]) && rwIsHex(s[i+2]) {
				b.WriteString(s[i : i+3])
				i += 3
			} else {
				b.WriteString("%25")
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && rwIRIAllowed(r, p) {
			b.WriteString(s[i : i+size])
		} else {
			for j := i; j < i+size; j++ {
				b.WriteByte('%')
				b.WriteByte(rwUpperHex[s[j]>>4])
				b.WriteByte(rwUpperHex[s[j]&15])
			}
		}
		i += size
	}
}

// rwWriteAuthority writes [userinfo "@"] host [":" port], percent-encoding what
// does not fit: extra '@' go to the userinfo, a ':' not followed by a
// numeric port is encoded in the host, and a bracketed host must be a valid
// IPv6 address or IPvFuture literal, else its brackets are encoded.
func rwWriteAuthority(b *strings.Builder, auth string) {
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		rwEscapeIRIPart(b, auth[:i], partUserinfo)
		b.WriteByte('@')
		auth = auth[i+1:]
	}
	host, port, hasPort := auth, "", false
	if i := strings.LastIndexByte(auth, ':'); i >= 0 && rwDigits(auth[i+1:]) {
		host, port, hasPort = auth[:i], auth[i+1:], true
	}
	if len(host) >= 2 && host[0] == '[' && host[len(host)-1] == ']' && rwValidIPLiteral(host[1:len(host)-1]) {
		b.WriteString(host)
	} else {
		rwEscapeIRIPart(b, host, partHost)
	}
	if hasPort {
		b.WriteByte(':')
		b.WriteString(port)
	}
}

// rwValidIPLiteral: IPv6address / IPvFuture (RFC 3986 section 3.2.2), no zone.
func rwValidIPLiteral(s string) bool {
	if len(s) > 0 && (s[0] == 'v' || s[0] == 'V') {
		ver, rest, ok := strings.Cut(s[1:], ".")
		if !ok || ver == "" || rest == "" {
			return false
		}
		for i := 0; i < len(ver); i++ {
			if !rwIsHex(ver[i]) {
				return false
			}
		}
		for _, r := range rest {
			if r >= utf8.RuneSelf || !rwIRIAllowed(r, partUserinfo) { // unreserved / sub-delims / ":"
				return false
			}
		}
		return true
	}
	if !strings.Contains(s, ":") || strings.Contains(s, "%") {
		return false
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6()
}
