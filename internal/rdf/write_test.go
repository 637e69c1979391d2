package rdf

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	knakk "github.com/knakk/rdf"
)

// -update rewrites testdata/rdfwrite/*.golden. The flag is registered only if
// no other test file in the package already defines it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func rwUpdateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// ---- independent reference checks (regexps built from the RFC ABNF) ----

// rwRfc3987IRI matches an absolute IRI (RFC 3987 "IRI" production).
var rwRfc3987IRI = func() *regexp.Regexp {
	ucs := `\x{A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}`
	for p := 1; p <= 14; p++ {
		lo := p << 16
		if p == 14 {
			lo = 0xE1000
		}
		ucs += fmt.Sprintf(`\x{%X}-\x{%X}`, lo, p<<16|0xFFFD)
	}
	iprivate := `\x{E000}-\x{F8FF}\x{F0000}-\x{FFFFD}\x{100000}-\x{10FFFD}`
	unres := `A-Za-z0-9\-._~` + ucs
	sub := `!$&'()*+,;=`
	pct := `%[0-9A-Fa-f]{2}`
	ipchar := `(?:[` + unres + sub + `:@]|` + pct + `)`
	dec := `(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])`
	ipv4 := dec + `\.` + dec + `\.` + dec + `\.` + dec
	h := `[0-9A-Fa-f]{1,4}`
	ls32 := `(?:` + h + `:` + h + `|` + ipv4 + `)`
	rep := func(n int) string { return fmt.Sprintf(`(?:%s:){%d}`, h, n) }
	upto := func(n int) string { // [ *n( h16 ":" ) h16 ]
		return fmt.Sprintf(`(?:(?:%s:){0,%d}%s)?`, h, n, h)
	}
	ipv6 := strings.Join([]string{
		rep(6) + ls32,
		`::` + rep(5) + ls32,
		`(?:` + h + `)?::` + rep(4) + ls32,
		upto(1) + `::` + rep(3) + ls32,
		upto(2) + `::` + rep(2) + ls32,
		upto(3) + `::` + h + `:` + ls32,
		upto(4) + `::` + ls32,
		upto(5) + `::` + h,
		upto(6) + `::`,
	}, "|")
	ipfuture := `[vV][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+`
	host := `(?:\[(?:` + ipv6 + `|` + ipfuture + `)\]|(?:[` + unres + sub + `]|` + pct + `)*)`
	auth := `(?:(?:[` + unres + sub + `:]|` + pct + `)*@)?` + host + `(?::[0-9]*)?`
	seg, segnz := ipchar+`*`, ipchar+`+`
	hier := `(?://` + auth + `(?:/` + seg + `)*|/(?:` + segnz + `(?:/` + seg + `)*)?|` + segnz + `(?:/` + seg + `)*|)`
	query := `(?:` + ipchar + `|[/?` + iprivate + `])*`
	frag := `(?:` + ipchar + `|[/?])*`
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+\-.]*:` + hier + `(?:\?` + query + `)?(?:#` + frag + `)?$`)
}()

// rwBcp47 matches a well-formed RFC 5646 Language-Tag (case-insensitive).
var rwBcp47 = regexp.MustCompile(`^(?i:` +
	`(?:en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)` +
	`|(?:art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang)` +
	`|x(?:-[a-z0-9]{1,8})+` +
	`|(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})` + // language
	`(?:-[a-z]{4})?` + // script
	`(?:-(?:[a-z]{2}|[0-9]{3}))?` + // region
	`(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*` + // variant
	`(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*` + // extension
	`(?:-x(?:-[a-z0-9]{1,8})+)?` + // privateuse
	`)$`)

// rwTurtleLangtag is Turtle's LANGTAG (without '@').
var rwTurtleLangtag = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)

// rwPctDecode decodes valid %XX triplets and leaves everything else alone.
func rwPctDecode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && rwIsHex(s[i+1]) && rwIsHex(s[i+2]) {
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// ---- round-trip helpers ----

// Term keys: "I|iri", "B|label", "L|lexical|lang|datatype" (datatype empty
// for simple and language-tagged literals).

// rwWantKey maps an input value to the term key a parser must read back. It
// is written independently of the writer except for IRI and blank node
// normalisation, whose properties are tested separately.
func rwWantKey(t testing.TB, v quad.Value) string {
	t.Helper()
	switch v := v.(type) {
	case quad.IRI:
		iri, err := rwNormalizeIRI(string(v))
		if err != nil {
			t.Fatalf("bad test IRI %q: %v", v, err)
		}
		return "I|" + iri
	case quad.BNode:
		return "B|" + rwBNodeLabel(string(v))
	case quad.String:
		return "L|" + string([]rune(string(v))) + "||"
	case quad.LangString:
		return "L|" + string([]rune(string(v.Value))) + "|" + strings.ToLower(v.Lang) + "|"
	case quad.TypedString:
		dt := string(v.Type)
		if dt != "" {
			var err error
			if dt, err = rwNormalizeIRI(dt); err != nil {
				t.Fatalf("bad test datatype %q", v.Type)
			}
		}
		if dt == xsdStringIRI {
			dt = ""
		}
		return "L|" + string([]rune(string(v.Value))) + "||" + dt
	case quad.Int:
		return "L|" + strconv.FormatInt(int64(v), 10) + "||" + xsdIntegerIRI
	case quad.Bool:
		return "L|" + strconv.FormatBool(bool(v)) + "||" + rwXSD + "boolean"
	case quad.Float:
		return "L|" + formatXSDDouble(float64(v)) + "||" + rwXSD + "double"
	case quad.Time:
		return "L|" + time.Time(v).UTC().Format(time.RFC3339Nano) + "||" + xsdDateTimeIRI
	}
	t.Fatalf("rwWantKey: unexpected %T", v)
	return ""
}

// rwGotKey maps a parsed term to its key and checks the strict-parser rules
// on it: IRIs are RFC 3987, language tags BCP 47, blank node labels valid,
// literals valid UTF-8.
func rwGotKey(t testing.TB, term knakk.Term) string {
	t.Helper()
	switch x := term.(type) {
	case knakk.IRI:
		if !rwRfc3987IRI.MatchString(x.String()) {
			t.Errorf("read back an invalid IRI: %q", x.String())
		}
		return "I|" + x.String()
	case knakk.Blank:
		if !validBNodeLabel(x.String()) {
			t.Errorf("read back an invalid blank node label: %q", x.String())
		}
		return "B|" + x.String()
	case knakk.Literal:
		dt := x.DataType.String()
		if !rwRfc3987IRI.MatchString(dt) {
			t.Errorf("read back an invalid datatype IRI: %q", dt)
		}
		if dt == xsdStringIRI || dt == rdfLangStringIRI {
			dt = ""
		}
		if !utf8.ValidString(x.String()) {
			t.Errorf("read back invalid UTF-8: %q", x.String())
		}
		if x.Lang() != "" && !rwBcp47.MatchString(x.Lang()) {
			t.Errorf("read back an invalid language tag: %q", x.Lang())
		}
		return "L|" + x.String() + "|" + x.Lang() + "|" + dt
	case nil:
		return ""
	}
	t.Fatalf("rwGotKey: unexpected %T", term)
	return ""
}

func rwWantSet(t testing.TB, quads []quad.Quad, withGraph bool) map[string]bool {
	t.Helper()
	m := map[string]bool{}
	for _, q := range quads {
		k := rwWantKey(t, q.Subject) + " " + rwWantKey(t, q.Predicate) + " " + rwWantKey(t, q.Object)
		if withGraph && q.Label != nil {
			k += " " + rwWantKey(t, q.Label)
		}
		m[k] = true
	}
	return m
}

// rwParse reads doc with knakk/rdf and returns the triple (or quad) keys; it
// fails on duplicates, which the writers must have removed.
func rwParse(t testing.TB, format knakk.Format, doc []byte) map[string]bool {
	t.Helper()
	m := map[string]bool{}
	for _, k := range rwParseAll(t, format, doc) {
		if m[k] {
			t.Errorf("duplicate statement in output: %s", k)
		}
		m[k] = true
	}
	return m
}

func rwParseAll(t testing.TB, format knakk.Format, doc []byte) []string {
	t.Helper()
	// knakk/rdf runs its lexer in a goroutine and can deadlock on input it
	// mis-lexes (e.g. blank node labels with "..", see
	// TestBlankNodeLabelDoubleDot); fail instead of hanging.
	type result struct {
		ts  []knakk.Triple
		qs  []knakk.Quad
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		if format == knakk.NQuads {
			dec := knakk.NewQuadDecoder(bytes.NewReader(doc), knakk.NQuads)
			dec.DefaultGraph = nil
			r.qs, r.err = dec.DecodeAll()
		} else {
			r.ts, r.err = knakk.NewTripleDecoder(bytes.NewReader(doc), format).DecodeAll()
		}
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("knakk/rdf hangs on (format %v):\n%s", format, doc)
	}
	if r.err != nil {
		t.Fatalf("knakk/rdf rejects output (format %v): %v\n%s", format, r.err, doc)
	}
	var keys []string
	for _, q := range r.qs {
		k := rwGotKey(t, q.Subj) + " " + rwGotKey(t, q.Pred) + " " + rwGotKey(t, q.Obj)
		if q.Ctx != nil {
			k += " " + rwGotKey(t, q.Ctx)
		}
		keys = append(keys, k)
	}
	for _, tr := range r.ts {
		keys = append(keys, rwGotKey(t, tr.Subj)+" "+rwGotKey(t, tr.Pred)+" "+rwGotKey(t, tr.Obj))
	}
	return keys
}

func rwDiffSets(t testing.TB, want, got map[string]bool, doc []byte) {
	t.Helper()
	var missing, extra []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	if len(missing)+len(extra) > 0 {
		slices.Sort(missing)
		slices.Sort(extra)
		t.Fatalf("round trip mismatch\nmissing: %q\nextra:   %q\ndocument:\n%s", missing, extra, doc)
	}
}

type rwWriteFn func(*bytes.Buffer, []quad.Quad) error

var rwFormats = []struct {
	name   string
	format knakk.Format
	graph  bool
	write  rwWriteFn
}{
	{"turtle", knakk.Turtle, false, func(b *bytes.Buffer, q []quad.Quad) error { return WriteTurtle(b, q, Prefixes) }},
	{"ntriples", knakk.NTriples, false, func(b *bytes.Buffer, q []quad.Quad) error { return WriteNTriples(b, q) }},
	{"nquads", knakk.NQuads, true, func(b *bytes.Buffer, q []quad.Quad) error { return WriteNQuads(b, q) }},
}

// rwRoundTrip writes quads in every format, re-parses with knakk/rdf and
// compares; it returns the documents by format name.
func rwRoundTrip(t *testing.T, quads []quad.Quad) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	for _, f := range rwFormats {
		var buf bytes.Buffer
		if err := f.write(&buf, quads); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		got := rwParse(t, f.format, buf.Bytes())
		rwDiffSets(t, rwWantSet(t, quads, f.graph), got, buf.Bytes())
		docs[f.name] = buf.Bytes()
	}
	return docs
}

// ---- nasty cases ----

// Terms used by the tests, spelled out so the tests do not depend on the
// rest of the vocabulary (only on the kg namespaces and Prefixes).
const (
	rwClassArticle    = NS + "Article"
	rwClassCountry    = NS + "Country"
	rwClassEvent      = NS + "Event"
	rwClassPerson     = NS + "Person"
	rwClassReport     = NS + "Report"
	rwDCTIssued       = "http://purl.org/dc/terms/issued"
	rwDCTPublisher    = "http://purl.org/dc/terms/publisher"
	rwDCTTitle        = "http://purl.org/dc/terms/title"
	rwOWLSameAs       = "http://www.w3.org/2002/07/owl#sameAs"
	rwPropAction      = NS + "action"
	rwPropActor       = NS + "actor"
	rwPropConfidence  = NS + "confidence"
	rwPropCountryCode = NS + "countryCode"
	rwPropDate        = NS + "date"
	rwPropEnd         = NS + "end"
	rwPropEvidence    = NS + "evidence"
	rwPropReport      = NS + "report"
	rwPropRule        = NS + "rule"
	rwPropSource      = NS + "source"
	rwPropSourceCount = NS + "sourceCount"
	rwPropStart       = NS + "start"
	rwPropTarget      = NS + "target"
	rwProvActivity    = "http://www.w3.org/ns/prov#Activity"
	rwProvDerived     = "http://www.w3.org/ns/prov#wasDerivedFrom"
	rwProvGenerated   = "http://www.w3.org/ns/prov#wasGeneratedBy"
	rwRDFSComment     = "http://www.w3.org/2000/01/rdf-schema#comment"
	rwRDFSLabel       = "http://www.w3.org/2000/01/rdf-schema#label"
	rwSKOSAltLabel    = "http://www.w3.org/2004/02/skos/core#altLabel"
	rwSKOSNotation    = "http://www.w3.org/2004/02/skos/core#notation"
	rwSKOSPrefLabel   = "http://www.w3.org/2004/02/skos/core#prefLabel"
	rwXSDDate         = rwXSD + "date"
)

var (
	rwEv      = quad.IRI(NSEvent + "e1")
	rwPLabel  = quad.IRI(rwRDFSLabel)
	rwPType   = quad.IRI(rdfTypeIRI)
	rwPActor  = quad.IRI(rwPropActor)
	rwPEvid   = quad.IRI(rwPropEvidence)
	rwPConf   = quad.IRI(rwPropConfidence)
	rwPCount  = quad.IRI(rwPropSourceCount)
	rwPDate   = quad.IRI(rwPropDate)
	rwCPerson = quad.IRI(rwClassPerson)
)

func rwQ3(s, p, o quad.Value) quad.Quad { return quad.Quad{Subject: s, Predicate: p, Object: o} }

// rwNameQuads uses name as local part in several namespaces and positions.
func rwNameQuads(name string) []quad.Quad {
	a := quad.IRI(NSActor + name)
	return []quad.Quad{
		rwQ3(a, rwPType, rwCPerson),
		rwQ3(a, rwPLabel, quad.String(name)),
		rwQ3(rwEv, rwPActor, a),
		rwQ3(rwEv, quad.IRI(NS+name), quad.TypedString{Value: "v", Type: quad.IRI(NS + name)}),
		rwQ3(quad.IRI(NSCameo+name), quad.IRI(rwSKOSNotation), quad.String(name)),
		rwQ3(quad.IRI(NSArt+name), rwPType, quad.IRI(rwClassArticle)),
	}
}

// rwLiteralQuads uses s as a literal in several forms.
func rwLiteralQuads(s string) []quad.Quad {
	return []quad.Quad{
		rwQ3(rwEv, rwPEvid, quad.String(s)),
		rwQ3(rwEv, rwPLabel, quad.LangString{Value: quad.String(s), Lang: "en"}),
		rwQ3(rwEv, quad.IRI(rwRDFSComment), quad.TypedString{Value: quad.String(s), Type: xsdStringIRI}),
		rwQ3(rwEv, quad.IRI(rwSKOSAltLabel), quad.TypedString{Value: quad.String(s), Type: quad.IRI(NS + "text")}),
	}
}

var rwNastyNames = map[string]string{
	"plain":            "Donald_Trump",
	"dots_inside":      "001_abc.txt",
	"digit_first":      "041",
	"abbrev_dot":       "U.S.",
	"trailing_dot":     "Inc.",
	"parens":           "Trump_(politician)",
	"space":            "Donald Trump",
	"quote":            `say"hi"`,
	"apostrophe":       "O'Brien",
	"backslash":        `a\b`,
	"newline":          "a\nb",
	"control":          "a\x01\x7f",
	"hash":             "a#b#c",
	"query":            "a?b=c&d",
	"slash":            "a/b",
	"percent_valid":    "Donald%20Trump",
	"percent_invalid":  "100%",
	"brackets":         "a[1]<b>{c}|d^e`f",
	"escapable_punct":  "a!$&'()*+,;=~@b",
	"colon":            "a:b",
	"leading_dash":     "-x",
	"leading_dot":      ".x",
	"non_ascii":        "Ángela_Merkel",
	"non_ascii_space":  "Ángela Merkel",
	"cjk":              "習近平",
	"emoji":            "🙂",
	"u2028":            "a\u2028b",
	"nbsp":             "a\u00a0b",
	"middle_dot":       "a·b",
	"invalid_utf8":     "\xff\xfe",
	"lone_surrogate":   "\xed\xa0\x80",
	"fffd":             "\ufffd",
	"noncharacter":     "\ufdd0\uffff",
	"private_use":      "\ue000",
	"empty":            "",
	"only_dot":         ".",
	"combining_first":  "\u0301a",
	"zero_width":       "a\u200db",
	"tag_char":         "a\U000E0041",
	"long":             strings.Repeat("abc.", 200) + "z",
	"escape_sequences": `\u0041\n`,
}

var rwNastyLiterals = map[string]string{
	"empty":          "",
	"quotes":         `He said "no" and 'yes'`,
	"triple_quotes":  `"""`,
	"backslashes":    `C:\path\to\ \\ \"`,
	"newlines":       "line1\nline2\r\nline3\r",
	"tab":            "a\tb",
	"controls":       "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f",
	"c1_controls":    "\u0080\u0085\u009f",
	"u2028_u2029":    "a\u2028b\u2029c",
	"invalid_utf8":   "ok\xff\xfeok",
	"lone_surrogate": "x\xed\xa0\x80y",
	"truncated_utf8": "\xe2\x82",
	"emoji":          "🙂👍🏽",
	"non_ascii":      "Ángela Merkel — Zürich",
	"bom":            "\ufeffbom",
	"fffd":           "\ufffd",
	"turtle_syntax":  `" . <x> ; , @en ^^<y> # comment`,
	"hash_line":      "\n# not a comment",
	"escape_like":    `\u0041 \U0001F642 \t`,
	"long":           strings.Repeat("long text ", 1000),
}

func TestRoundTripNastyNames(t *testing.T) {
	for name, local := range rwNastyNames {
		t.Run(name, func(t *testing.T) { rwRoundTrip(t, rwNameQuads(local)) })
	}
}

func TestRoundTripNastyLiterals(t *testing.T) {
	for name, s := range rwNastyLiterals {
		t.Run(name, func(t *testing.T) { rwRoundTrip(t, rwLiteralQuads(s)) })
	}
}

var rwTypedCases = []struct {
	name, val, dt string
	short         bool // written bare in Turtle
}{
	{"int", "42", xsdIntegerIRI, true},
	{"int_zero", "0", xsdIntegerIRI, true},
	{"int_negative", "-7", xsdIntegerIRI, true},
	{"int_plus", "+7", xsdIntegerIRI, false},
	{"int_leading_zero", "007", xsdIntegerIRI, false},
	{"int_empty", "", xsdIntegerIRI, false},
	{"int_garbage", "12abc", xsdIntegerIRI, false},
	{"int_sign_only", "+", xsdIntegerIRI, false},
	{"int_space", " 1", xsdIntegerIRI, false},
	{"int_huge", "123456789012345678901234567890", xsdIntegerIRI, true},
	{"decimal", "-1.5", xsdDecimalIRI, true},
	{"decimal_trailing_zero", "0.50", xsdDecimalIRI, true},
	{"decimal_trailing_dot", "1.", xsdDecimalIRI, false},
	{"decimal_leading_dot", ".5", xsdDecimalIRI, false},
	{"decimal_int", "1", xsdDecimalIRI, false},
	{"decimal_exp", "1e", xsdDecimalIRI, false},
	{"decimal_two_dots", "1.2.3", xsdDecimalIRI, false},
	{"double", "1.5E0", rwXSD + "double", false},
	{"double_bad", "1e", rwXSD + "double", false},
	{"boolean", "true", rwXSD + "boolean", true},
	{"boolean_caps", "True", rwXSD + "boolean", false},
	{"boolean_one", "1", rwXSD + "boolean", false},
	{"date", "2024-03-01", rwXSDDate, false},
	{"date_bad", "2024-13-45", rwXSDDate, false},
	{"datetime", "2024-03-01T10:00:00Z", xsdDateTimeIRI, false},
	{"custom_type_space", "x", "http://example.org/my type", false},
	{"empty_type", "plain", "", false},
}

func TestTypedLiterals(t *testing.T) {
	for _, c := range rwTypedCases {
		t.Run(c.name, func(t *testing.T) {
			qs := []quad.Quad{rwQ3(rwEv, rwPConf, quad.TypedString{Value: quad.String(c.val), Type: quad.IRI(c.dt)})}
			docs := rwRoundTrip(t, qs)
			ttl := string(docs["turtle"])
			bare := strings.Contains(ttl, " "+c.val+" .")
			if bare != c.short {
				t.Errorf("bare form = %v, want %v:\n%s", bare, c.short, ttl)
			}
		})
	}
}

func TestNativeValues(t *testing.T) {
	when := time.Date(2024, 3, 1, 12, 30, 0, 500, time.FixedZone("CET", 3600))
	cases := []struct {
		v    quad.Value
		want string // N-Triples object
	}{
		{quad.Int(-42), `"-42"^^<` + xsdIntegerIRI + `>`},
		{quad.Float(1.5), `"1.5E0"^^<` + rwXSD + `double>`},
		{quad.Float(1e-7), `"1.0E-7"^^<` + rwXSD + `double>`},
		{quad.Float(math.Inf(-1)), `"-INF"^^<` + rwXSD + `double>`},
		{quad.Float(math.NaN()), `"NaN"^^<` + rwXSD + `double>`},
		{quad.Bool(true), `"true"^^<` + rwXSD + `boolean>`},
		{quad.Time(when), `"2024-03-01T11:30:00.0000005Z"^^<` + xsdDateTimeIRI + `>`},
	}
	for _, c := range cases {
		qs := []quad.Quad{rwQ3(rwEv, rwPDate, c.v)}
		var buf bytes.Buffer
		if err := WriteNTriples(&buf, qs); err != nil {
			t.Fatal(err)
		}
		want := "<" + NSEvent + "e1> <" + rwPropDate + "> " + c.want + " .\n"
		if buf.String() != want {
			t.Errorf("%#v:\n got %s want %s", c.v, buf.String(), want)
		}
		rwRoundTrip(t, qs)
	}
}

func TestLanguageTags(t *testing.T) {
	valid := []string{"en", "EN", "en-US", "en-us", "de-DE-1996", "zh-Hant-TW", "sr-Latn-RS", "es-419",
		"x-private", "i-klingon", "en-GB-oed", "zh-min-nan", "en-a-bbb-x-ccc", "qaa", "abcdefgh", "en-1abc", "en-abcd"}
	invalid := []string{"", "-", "en-", "-en", "e", "en_US", "en US", "en--US", "abcdefghi", "en-abcdefghi",
		"1en", "en-a", "en-x", "x", "a1", "en-US-x", "en@us", "ény", "en-\u00e9", "en-US\n", "en-US-abcd", "en-abcd-abcd"}
	for _, tag := range valid {
		if !rwValidLangTag(tag) || !rwBcp47.MatchString(tag) {
			t.Errorf("%q should be valid (writer %v, ref %v)", tag, rwValidLangTag(tag), rwBcp47.MatchString(tag))
		}
		rwRoundTrip(t, []quad.Quad{rwQ3(rwEv, rwPLabel, quad.LangString{Value: "x", Lang: tag})})
	}
	for _, tag := range invalid {
		if rwValidLangTag(tag) || rwBcp47.MatchString(tag) {
			t.Errorf("%q should be invalid (writer %v, ref %v)", tag, rwValidLangTag(tag), rwBcp47.MatchString(tag))
		}
		for _, f := range rwFormats {
			var buf bytes.Buffer
			err := f.write(&buf, []quad.Quad{rwQ3(rwEv, rwPLabel, quad.LangString{Value: "x", Lang: tag})})
			if err == nil || !strings.Contains(err.Error(), "language tag") {
				t.Errorf("%s: tag %q: err = %v, want language tag error", f.name, tag, err)
			}
			if buf.Len() != 0 {
				t.Errorf("%s: tag %q: wrote %q despite error", f.name, tag, buf.String())
			}
		}
	}
}

type rwCustomValue struct{}

func (rwCustomValue) String() string      { return "custom" }
func (rwCustomValue) Native() interface{} { return nil }

func TestWriteErrors(t *testing.T) {
	cases := map[string]quad.Quad{
		"literal_subject":    rwQ3(quad.String("s"), rwPLabel, quad.String("o")),
		"bnode_predicate":    rwQ3(rwEv, quad.BNode("p"), quad.String("o")),
		"literal_predicate":  rwQ3(rwEv, quad.String("p"), quad.String("o")),
		"nil_subject":        rwQ3(nil, rwPLabel, quad.String("o")),
		"nil_object":         rwQ3(rwEv, rwPLabel, nil),
		"relative_iri":       rwQ3(quad.IRI("actor/x"), rwPLabel, quad.String("o")),
		"empty_iri":          rwQ3(rwEv, rwPLabel, quad.IRI("")),
		"empty_bnode":        rwQ3(quad.BNode(""), rwPLabel, quad.String("o")),
		"relative_datatype":  rwQ3(rwEv, rwPLabel, quad.TypedString{Value: "x", Type: "integer"}),
		"langstring_no_lang": rwQ3(rwEv, rwPLabel, quad.TypedString{Value: "x", Type: rdfLangStringIRI}),
		"custom_value":       rwQ3(rwEv, rwPLabel, rwCustomValue{}),
		"raw_value_junk":     rwQ3(rwEv, rwPLabel, quad.LangString{Value: "x", Lang: "en US"}),
	}
	for name, q := range cases {
		for _, f := range rwFormats {
			var buf bytes.Buffer
			qs := []quad.Quad{rwQ3(rwEv, rwPLabel, quad.String("fine")), q}
			if err := f.write(&buf, qs); err == nil {
				t.Errorf("%s/%s: no error; wrote\n%s", name, f.name, buf.String())
			} else if buf.Len() != 0 {
				t.Errorf("%s/%s: wrote output despite error: %q", name, f.name, buf.String())
			}
		}
	}
	// Graph names must be IRIs or blank nodes (N-Quads only; others ignore labels).
	lq := quad.Quad{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x"), Label: quad.String("g")}
	if err := WriteNQuads(&bytes.Buffer{}, []quad.Quad{lq}); err == nil {
		t.Error("N-Quads: literal graph name accepted")
	}
	if err := WriteNTriples(&bytes.Buffer{}, []quad.Quad{lq}); err != nil {
		t.Errorf("N-Triples must ignore labels: %v", err)
	}
	for _, ps := range [][]Prefix{
		{{"bad name", NS}}, {{"a.", NS}}, {{"kg", NS}, {"kg", NSActor}}, {{"rel", "relative/"}}, {{"1a", NS}},
	} {
		if err := WriteTurtle(&bytes.Buffer{}, nil, ps); err == nil {
			t.Errorf("prefixes %q accepted", ps)
		}
		if _, err := NewTurtleWriter(&bytes.Buffer{}, ps); err == nil {
			t.Errorf("NewTurtleWriter: prefixes %q accepted", ps)
		}
	}
}

func TestBlankNodes(t *testing.T) {
	labels := []string{"b0", "0b", "a.b", "x-61", "a b", "a.", "-a", "é", "_x", "a:b", "\xff", "x-", "🙂", "a\u00b7b"}
	var qs []quad.Quad
	for i, l := range labels {
		qs = append(qs, rwQ3(quad.BNode(l), rwPLabel, quad.String(l)), rwQ3(rwEv, quad.IRI(NS+"b"+strconv.Itoa(i)), quad.BNode(l)))
	}
	rwRoundTrip(t, qs)
	seen := map[string]string{}
	for _, l := range labels {
		m := rwBNodeLabel(l)
		if !validBNodeLabel(m) {
			t.Errorf("%q -> %q is not a valid label", l, m)
		}
		if prev, dup := seen[m]; dup {
			t.Errorf("%q and %q both map to %q", prev, l, m)
		}
		seen[m] = l
	}
	for _, l := range []string{"b0", "a.b", "é", "_x", "0b"} {
		if rwBNodeLabel(l) != l {
			t.Errorf("valid label %q changed to %q", l, rwBNodeLabel(l))
		}
	}
}

func TestNormalizeIRI(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://w3id.org/kg/id/actor/Donald_Trump", "https://w3id.org/kg/id/actor/Donald_Trump"},
		{"https://w3id.org/kg/id/actor/Ángela_Merkel", "https://w3id.org/kg/id/actor/Ángela_Merkel"},
		{"https://w3id.org/kg/id/actor/Donald Trump", "https://w3id.org/kg/id/actor/Donald%20Trump"},
		{"https://w3id.org/kg/ns#a#b", "https://w3id.org/kg/ns#a%23b"},
		{"http://x/a<b>\"{}|^`\\", "http://x/a%3Cb%3E%22%7B%7D%7C%5E%60%5C"},
		{"http://x/\x00\n\x7f", "http://x/%00%0A%7F"},
		{"http://x/\xff\xfe", "http://x/%FF%FE"},
		{"http://x/\xed\xa0\x80", "http://x/%ED%A0%80"},
		{"http://x/\ufffd", "http://x/%EF%BF%BD"},
		{"http://x/\u0085", "http://x/%C2%85"},
		{"http://x/\ue000?\ue000", "http://x/%EE%80%80?\ue000"},
		{"http://x/100%", "http://x/100%25"},
		{"http://x/%zz%4", "http://x/%25zz%254"},
		{"http://x/%41%e2%82%ac", "http://x/%41%e2%82%ac"},
		{"http://x/[1]", "http://x/%5B1%5D"},
		{"http://a@b@c/", "http://a%40b@c/"},
		{"http://a:b/x", "http://a%3Ab/x"},
		{"http://a:80/x", "http://a:80/x"},
		{"http://a:/x", "http://a:/x"},
		{"http://[::1]:8080/x", "http://[::1]:8080/x"},
		{"http://[v1.fe]/x", "http://[v1.fe]/x"},
		{"http://[zz]/x", "http://%5Bzz%5D/x"},
		{"http://[fe80::1%25eth0]/", "http://%5Bfe80%3A%3A1%25eth0%5D/"},
		{"http://user:pw@host/", "http://user:pw@host/"},
		{"http://ho st/", "http://ho%20st/"},
		{"urn:isbn:0451450523", "urn:isbn:0451450523"},
		{"mailto:a@b", "mailto:a@b"},
		{"x:", "x:"},
		{"http://x/a?b?c#d?e/f", "http://x/a?b?c#d?e/f"},
		{"http://x/😀", "http://x/😀"},
		{"http://x/\U000E0041", "http://x/%F3%A0%81%81"},
	}
	for _, c := range cases {
		got, err := rwNormalizeIRI(c.in)
		if err != nil || got != c.want {
			t.Errorf("rwNormalizeIRI(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
		rwCheckNormalizedIRI(t, c.in)
	}
	for _, bad := range []string{"", "relative/path", ":x", "1http://x", "ht tp://x", "/abs", "#frag", "\xff:x"} {
		if got, err := rwNormalizeIRI(bad); err == nil {
			t.Errorf("rwNormalizeIRI(%q) = %q, want error", bad, got)
		}
	}
}

// rwCheckNormalizedIRI tests the normalisation properties on in (which must
// have a scheme): the result is a valid RFC 3987 IRI, normalisation is
// idempotent, only percent-encodes (decoding gives back the same bytes), and
// leaves valid IRIs unchanged.
func rwCheckNormalizedIRI(t testing.TB, in string) {
	t.Helper()
	out, err := rwNormalizeIRI(in)
	if err != nil {
		t.Errorf("rwNormalizeIRI(%q): %v", in, err)
		return
	}
	if !rwRfc3987IRI.MatchString(out) {
		t.Errorf("rwNormalizeIRI(%q) = %q is not an RFC 3987 IRI", in, out)
	}
	if again, _ := rwNormalizeIRI(out); again != out {
		t.Errorf("not idempotent: %q -> %q -> %q", in, out, again)
	}
	if rwPctDecode(out) != rwPctDecode(in) {
		t.Errorf("rwNormalizeIRI(%q) = %q changes more than percent-encoding", in, out)
	}
	if rwRfc3987IRI.MatchString(in) && out != in {
		t.Errorf("valid IRI %q changed to %q", in, out)
	}
}

func TestTurtleForms(t *testing.T) {
	var qs []quad.Quad
	for _, n := range rwNastyNames {
		qs = append(qs, rwNameQuads(n)...)
	}
	qs = append(qs, rwQ3(rwEv, rwPDate, quad.TypedString{Value: "2024-03-01", Type: rwXSDDate}))
	var buf bytes.Buffer
	if err := WriteTurtle(&buf, qs, Prefixes); err != nil {
		t.Fatal(err)
	}
	ttl := buf.String()
	for _, want := range []string{
		"actor:Donald_Trump a kg:Person ;",
		"article:001_abc.txt a kg:Article",
		"cameo:041 ",
		"actor:Ángela_Merkel ",
		"actor:Donald%20Trump ",
		"<" + NSActor + "U.S.> a kg:Person",
		"<" + NSActor + "Trump_(politician)> ",
		"<" + NSActor + "Inc.> ",
		`"2024-03-01"^^xsd:date`,
	} {
		if !strings.Contains(ttl, want) {
			t.Errorf("Turtle lacks %q", want)
		}
	}
	if !strings.HasPrefix(ttl, "@prefix kg: <"+NS+"> .\n@prefix actor: <"+NSActor+"> .\n") {
		t.Errorf("prefix header:\n%s", ttl[:200])
	}
	for _, unused := range []string{"@prefix owl:", "@prefix wd:", "@prefix run:"} {
		if strings.Contains(ttl, unused) {
			t.Errorf("unused prefix declared: %s", unused)
		}
	}
	rwRoundTrip(t, qs)
}

func TestNTriplesCanonical(t *testing.T) {
	qs := []quad.Quad{
		rwQ3(rwEv, rwPEvid, quad.String("q\" b\\ n\n r\r t\t nul\x00 del\x7f u2028\u2028 é 🙂")),
		rwQ3(rwEv, rwPEvid, quad.String("q\" b\\ n\n r\r t\t nul\x00 del\x7f u2028\u2028 é 🙂")), // duplicate
		rwQ3(rwEv, rwPLabel, quad.LangString{Value: "x", Lang: "en-US"}),
		rwQ3(rwEv, rwPLabel, quad.LangString{Value: "x", Lang: "en-us"}), // same term
		rwQ3(rwEv, rwPLabel, quad.TypedString{Value: "s", Type: xsdStringIRI}),
		rwQ3(rwEv, rwPLabel, quad.String("s")), // same term
	}
	var buf bytes.Buffer
	if err := WriteNTriples(&buf, qs); err != nil {
		t.Fatal(err)
	}
	s, p := "<"+NSEvent+"e1> ", "<"+rwPropEvidence+"> "
	l := "<" + rwRDFSLabel + "> "
	// http: sorts before https: (':' < 's').
	want := s + l + `"s" .` + "\n" +
		s + l + `"x"@en-us .` + "\n" +
		s + p + `"q\" b\\ n\n r\r t\u0009 nul\u0000 del\u007F u2028` + "\u2028" + ` é 🙂" .` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	var ttl bytes.Buffer
	if err := WriteTurtle(&ttl, qs, Prefixes); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ttl.String(), `t\t nul\u0000 del\u007F u2028\u2028 é 🙂"`) {
		t.Errorf("Turtle escapes:\n%s", ttl.String())
	}
}

// Invalid UTF-8 becomes U+FFFD per byte in literals and %XX in IRIs; the
// expected strings are spelled out here rather than computed.
func TestInvalidUTF8(t *testing.T) {
	qs := []quad.Quad{
		rwQ3(quad.IRI(NSActor+"a\xff\xfeb"), rwPLabel, quad.String("ok\xff\xfeok")),
		rwQ3(quad.IRI(NSActor+"s\xed\xa0\x80"), rwPLabel, quad.String("x\xed\xa0\x80y\xe2\x82")),
	}
	var buf bytes.Buffer
	if err := WriteNTriples(&buf, qs); err != nil {
		t.Fatal(err)
	}
	want := "<" + NSActor + "a%FF%FEb> <" + rwRDFSLabel + "> \"ok\uFFFD\uFFFDok\" .\n" +
		"<" + NSActor + "s%ED%A0%80> <" + rwRDFSLabel + "> \"x\uFFFD\uFFFD\uFFFDy\uFFFD\uFFFD\" .\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
	rwRoundTrip(t, qs)
}

func TestNQuadsGraphs(t *testing.T) {
	g1, g2 := quad.IRI(NSRun+"r1"), quad.BNode("g2")
	qs := []quad.Quad{
		{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x"), Label: g1},
		{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x"), Label: g2},
		{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x")},
		{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x"), Label: g1},
		{Subject: rwEv, Predicate: rwPLabel, Object: quad.String("x"), Label: quad.IRI(NSRun + "a b")},
	}
	docs := rwRoundTrip(t, qs)
	if n := bytes.Count(docs["nquads"], []byte("\n")); n != 4 {
		t.Errorf("N-Quads: %d lines, want 4:\n%s", n, docs["nquads"])
	}
	if n := bytes.Count(docs["ntriples"], []byte("\n")); n != 1 {
		t.Errorf("N-Triples: %d lines, want 1:\n%s", n, docs["ntriples"])
	}
}

// rwStressQuads combines every nasty case into one graph.
func rwStressQuads() []quad.Quad {
	var qs []quad.Quad
	for _, k := range rwSortedKeys(rwNastyNames) {
		qs = append(qs, rwNameQuads(rwNastyNames[k])...)
	}
	for _, k := range rwSortedKeys(rwNastyLiterals) {
		qs = append(qs, rwLiteralQuads(rwNastyLiterals[k])...)
	}
	for i, c := range rwTypedCases {
		qs = append(qs, rwQ3(rwEv, quad.IRI(NS+"typed"+strconv.Itoa(i)), quad.TypedString{Value: quad.String(c.val), Type: quad.IRI(c.dt)}))
	}
	for _, tag := range []string{"en", "en-US", "zh-Hant-TW", "x-private", "i-klingon", "de-DE-1996"} {
		qs = append(qs, rwQ3(rwEv, rwPLabel, quad.LangString{Value: "tag " + quad.String(tag), Lang: tag}))
	}
	qs = append(qs,
		rwQ3(quad.BNode("a b"), rwPLabel, quad.BNode("é.x")),
		rwQ3(rwEv, rwPCount, quad.Int(3)),
		rwQ3(rwEv, rwPConf, quad.Float(0.25)),
		rwQ3(rwEv, quad.IRI(NS+"flag"), quad.Bool(false)),
		rwQ3(rwEv, quad.IRI(rwDCTIssued), quad.Time(time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC))),
	)
	for i := range qs {
		if i%3 == 0 {
			qs[i].Label = quad.IRI(NSRun + "r1")
		} else if i%3 == 1 {
			qs[i].Label = quad.BNode("g")
		}
	}
	return qs
}

func rwSortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestStressRoundTrip(t *testing.T) { rwRoundTrip(t, rwStressQuads()) }

// TestStrictParsers runs serdi (strict mode, no -l) over the stress
// documents, and re-reads serdi's N-Triples output with knakk/rdf: two
// independent parsers must agree with the input.
func TestStrictParsers(t *testing.T) {
	if _, err := exec.LookPath("serdi"); err != nil {
		t.Skip("serdi not on PATH (apt-get install serdi)")
	}
	qs := rwStressQuads()
	docs := rwRoundTrip(t, qs)
	for _, c := range []struct{ name, syntax string }{
		{"turtle", "turtle"}, {"ntriples", "ntriples"}, {"nquads", "nquads"},
	} {
		t.Run(c.name, func(t *testing.T) {
			nt := rwSerdi(t, c.syntax, docs[c.name])
			format, graph := knakk.NTriples, false
			if c.syntax == "nquads" {
				format, graph = knakk.NQuads, true
			}
			rwDiffSets(t, rwWantSet(t, qs, graph), rwParse(t, format, nt), nt)
		})
	}
}

// knakk/rdf mis-lexes blank node labels containing ".." (valid:
// BLANK_NODE_LABEL allows any run of '.' inside; serdi and oxigraph accept
// them) and then deadlocks, so the knakk-based tests avoid such labels and
// this test checks them with serdi instead. The writer keeps them as they
// are rather than working around one parser's bug.
func TestBlankNodeLabelDoubleDot(t *testing.T) {
	labels := []string{"a..b", "000..0", "x...y"}
	var qs []quad.Quad
	for _, l := range labels {
		if rwBNodeLabel(l) != l {
			t.Errorf("valid label %q rewritten to %q", l, rwBNodeLabel(l))
		}
		qs = append(qs, quad.Quad{Subject: quad.BNode(l), Predicate: rwPLabel, Object: quad.BNode(l), Label: quad.BNode(l)})
	}
	if _, err := exec.LookPath("serdi"); err != nil {
		t.Skip("serdi not on PATH (apt-get install serdi)")
	}
	for _, f := range rwFormats {
		var buf bytes.Buffer
		if err := f.write(&buf, qs); err != nil {
			t.Fatal(err)
		}
		syntax := map[string]string{"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads"}[f.name]
		out := rwSerdi(t, syntax, buf.Bytes())
		for _, l := range labels {
			if !bytes.Contains(out, []byte("_:"+l+" ")) {
				t.Errorf("%s: serdi output lacks _:%s:\n%s", f.name, l, out)
			}
		}
	}
}

// rwSerdi runs serdi strictly on doc and returns its N-Triples (N-Quads for
// nquads input) output; any error or warning fails the test.
func rwSerdi(t *testing.T, syntax string, doc []byte) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out := "ntriples"
	if syntax == "nquads" {
		out = "nquads"
	}
	cmd := exec.Command("serdi", "-i", syntax, "-o", out, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	nt, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("serdi rejects %s: %v\n%s\n%s", syntax, err, stderr.String(), doc)
	}
	return nt
}

// TestRDFCheck runs the serdi + oxigraph checker when KG_RDFCHECK names it
// (e.g. KG_RDFCHECK=/work/shared/tools/rdfcheck); it may install tools on
// first use, so it is opt-in. Besides syntax, it compares what oxigraph
// loaded (dumped by a CONSTRUCT query as N-Triples) with the input; blank
// nodes are compared by position only, since oxigraph renames them.
func TestRDFCheck(t *testing.T) {
	tool := os.Getenv("KG_RDFCHECK")
	if tool == "" {
		t.Skip("set KG_RDFCHECK to the rdfcheck script to run oxigraph")
	}
	qs := rwStressQuads()
	docs := rwRoundTrip(t, qs)
	// The oxigraph store also keeps numbers and booleans by value (it reads
	// back "0.50"^^xsd:decimal as "0.5"), so compare those by value.
	blank := regexp.MustCompile(`(^| )B\|[^ ]*`)
	number := regexp.MustCompile(`^(.* )L\|(.*)\|\|(` + regexp.QuoteMeta(rwXSD) + `(?:integer|decimal|double|boolean))$`)
	anon := func(m map[string]bool) map[string]bool {
		out := map[string]bool{}
		for k := range m {
			k = blank.ReplaceAllString(k, "${1}B|_")
			if sm := number.FindStringSubmatch(k); sm != nil {
				v := sm[2]
				if b, err := strconv.ParseBool(v); err == nil && strings.HasSuffix(sm[3], "boolean") {
					v = strconv.FormatBool(b)
				} else if f, err := strconv.ParseFloat(v, 64); err == nil {
					v = strconv.FormatFloat(f, 'g', -1, 64)
				}
				k = sm[1] + "L|" + v + "||" + sm[3]
			}
			out[k] = true
		}
		return out
	}
	want := anon(rwWantSet(t, qs, false))
	dir := t.TempDir()
	for name, file := range map[string]string{"turtle": "stress.ttl", "ntriples": "stress.nt"} {
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, docs[name], 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(tool, path, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("rdfcheck %s: %v\n%s", file, err, stderr.String())
		}
		t.Logf("rdfcheck %s: %s", file, strings.TrimSpace(stderr.String()))
		got := map[string]bool{}
		for _, k := range rwParseAll(t, knakk.NTriples, out) {
			got[k] = true
		}
		rwDiffSets(t, want, anon(got), out)
	}
}

func TestDeterminism(t *testing.T) {
	qs := rwStressQuads()
	qs = append(qs, qs[:20]...) // duplicates
	want := map[string][]byte{}
	for _, f := range rwFormats {
		var buf bytes.Buffer
		if err := f.write(&buf, qs); err != nil {
			t.Fatal(err)
		}
		want[f.name] = buf.Bytes()
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		shuffled := slices.Clone(qs)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		shuffled = append(shuffled, shuffled[:rng.Intn(len(shuffled))]...)
		for _, f := range rwFormats {
			var buf bytes.Buffer
			if err := f.write(&buf, shuffled); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want[f.name]) {
				t.Fatalf("%s: output depends on input order", f.name)
			}
		}
	}
}

func TestTurtleWriterStreaming(t *testing.T) {
	qs := rwStressQuads()
	rand.New(rand.NewSource(2)).Shuffle(len(qs), func(a, b int) { qs[a], qs[b] = qs[b], qs[a] })
	var buf bytes.Buffer
	tw, err := NewTurtleWriter(&buf, Prefixes)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := tw.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.WriteQuad(rwQ3(quad.String("bad"), rwPLabel, quad.String("x"))); err == nil {
		t.Error("invalid quad accepted")
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	// Unsorted input may repeat a subject block (and so a triple); the set
	// of triples must still be the same.
	got := map[string]bool{}
	for _, k := range rwParseAll(t, knakk.Turtle, buf.Bytes()) {
		got[k] = true
	}
	rwDiffSets(t, rwWantSet(t, qs, false), got, buf.Bytes())

	// Empty input: WriteTurtle writes nothing at all.
	var empty bytes.Buffer
	if err := WriteTurtle(&empty, nil, Prefixes); err != nil || empty.Len() != 0 {
		t.Errorf("empty graph: %q, %v", empty.String(), err)
	}
}

// rwGoldenQuads is a small realistic graph: an event with actor, target,
// action, date and evidence, the report that supports it and its article.
func rwGoldenQuads() []quad.Quad {
	run := quad.IRI(NSRun + "2024-03-01T10-00-00Z")
	e := quad.IRI(NSEvent + "3f2a9c")
	r := quad.IRI(NSReport + "3f2a9c-001_abc")
	art := quad.IRI(NSArt + "001_abc.txt")
	trump := quad.IRI(NSActor + "Donald_Trump")
	china := quad.IRI(NSActor + "China")
	us := quad.IRI(NSActor + "U.S.")
	pol := quad.IRI(NSActor + "Trump_(politician)")
	c041 := quad.IRI(NSCameo + "041")
	evidence := "Trump said on Friday that the U.S. would \"meet\" China's\nenvoy."
	qs := []quad.Quad{
		rwQ3(e, rwPType, quad.IRI(rwClassEvent)),
		rwQ3(e, quad.IRI(rwPropActor), trump),
		rwQ3(e, quad.IRI(rwPropTarget), china),
		rwQ3(e, quad.IRI(rwPropAction), c041),
		rwQ3(e, quad.IRI(rwPropDate), quad.TypedString{Value: "2024-03-01", Type: rwXSDDate}),
		rwQ3(e, quad.IRI(rwPropEvidence), quad.LangString{Value: quad.String(evidence), Lang: "en"}),
		rwQ3(e, quad.IRI(rwPropSource), art),
		rwQ3(e, quad.IRI(rwPropSourceCount), quad.Int(1)),
		rwQ3(e, quad.IRI(rwPropReport), r),
		rwQ3(r, rwPType, quad.IRI(rwClassReport)),
		rwQ3(r, quad.IRI(rwPropRule), quad.String("cameo-041/say-meet")),
		rwQ3(r, quad.IRI(rwPropConfidence), quad.TypedString{Value: "0.85", Type: xsdDecimalIRI}),
		rwQ3(r, quad.IRI(rwPropStart), quad.Int(0)),
		rwQ3(r, quad.IRI(rwPropEnd), quad.Int(61)),
		rwQ3(r, quad.IRI(rwProvDerived), art),
		rwQ3(r, quad.IRI(rwProvGenerated), run),
		rwQ3(trump, rwPType, quad.IRI(rwClassPerson)),
		rwQ3(trump, rwPLabel, quad.String("Donald Trump")),
		rwQ3(trump, quad.IRI(rwSKOSAltLabel), quad.String("Trump")),
		rwQ3(trump, quad.IRI(rwOWLSameAs), quad.IRI(NSWD+"Q22686")),
		rwQ3(trump, quad.IRI(rwOWLSameAs), pol),
		rwQ3(china, rwPType, quad.IRI(rwClassCountry)),
		rwQ3(china, rwPLabel, quad.LangString{Value: "China", Lang: "en"}),
		rwQ3(china, quad.IRI(rwPropCountryCode), quad.String("CHN")),
		rwQ3(us, rwPType, quad.IRI(rwClassCountry)),
		rwQ3(us, rwPLabel, quad.LangString{Value: "United States", Lang: "en"}),
		rwQ3(c041, quad.IRI(rwSKOSNotation), quad.String("041")),
		rwQ3(c041, quad.IRI(rwSKOSPrefLabel), quad.LangString{Value: "Discuss by telephone", Lang: "en"}),
		rwQ3(art, rwPType, quad.IRI(rwClassArticle)),
		rwQ3(art, quad.IRI(rwDCTTitle), quad.String("Trump, Xi to talk — “frank” call")),
		rwQ3(art, quad.IRI(rwDCTPublisher), quad.String("Reuters")),
		rwQ3(art, quad.IRI(rwDCTIssued), quad.TypedString{Value: "2024-03-01T09:30:00Z", Type: xsdDateTimeIRI}),
		rwQ3(run, rwPType, quad.IRI(rwProvActivity)),
	}
	for i := range qs {
		qs[i].Label = run
	}
	return qs
}

func TestGolden(t *testing.T) {
	qs := rwGoldenQuads()
	docs := rwRoundTrip(t, qs)
	for name, ext := range map[string]string{"turtle": "ttl", "ntriples": "nt", "nquads": "nq"} {
		path := filepath.Join("testdata", "rdfwrite", "event."+ext+".golden")
		if rwUpdateGolden() {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, docs[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestGolden -update)", err)
		}
		if !bytes.Equal(docs[name], want) {
			t.Errorf("%s differs from %s (run with -update if intended):\n%s", name, path, docs[name])
		}
	}
}
