package rdf

import (
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestCheckLexicalForm(t *testing.T) {
	for _, tc := range []struct {
		value, dt string
		ok        bool
	}{
		{"42", "integer", true}, {"-0", "integer", true}, {"+7", "integer", true}, {" 42 ", "integer", true},
		{"abc", "integer", false}, {"4.2", "integer", false}, {"", "integer", false}, {"1e3", "integer", false},
		{"4.2", "decimal", true}, {".5", "decimal", true}, {"5.", "decimal", true}, {"1e3", "decimal", false}, {".", "decimal", false},
		{"1.5E0", "double", true}, {"INF", "double", true}, {"-INF", "double", true}, {"NaN", "double", true}, {"nan", "double", false}, {"1.5e", "double", false},
		{"true", "boolean", true}, {"0", "boolean", true}, {"yes", "boolean", false}, {"True", "boolean", false},
		{"2017-05-02", "date", true}, {"2016-02-29", "date", true}, {"2017-02-29", "date", false}, {"2017-13-01", "date", false},
		{"2017-5-2", "date", false}, {"2017-05-02Z", "date", true}, {"2017-05-02+14:00", "date", true}, {"2017-05-02+15:00", "date", false},
		{"-0044-03-15", "date", true}, {"12017-05-02", "date", true}, {"02017-05-02", "date", false},
		{"2017-05-02T10:00:00Z", "dateTime", true}, {"2017-05-02T24:00:00", "dateTime", true}, {"2017-05-02T24:00:01", "dateTime", false},
		{"2017-05-02T10:60:00", "dateTime", false}, {"2017-05-02 10:00:00", "dateTime", false}, {"2017-05-02T10:00:00.123+02:00", "dateTime", true},
		{"10:00:00", "time", true}, {"25:00:00", "time", false},
		{"2017", "gYear", true}, {"17", "gYear", false}, {"2017-05", "gYearMonth", true}, {"2017-13", "gYearMonth", false},
		{"127", "byte", true}, {"128", "byte", false}, {"-1", "nonNegativeInteger", false}, {"0", "positiveInteger", false},
		{"18446744073709551615", "unsignedLong", true}, {"18446744073709551616", "unsignedLong", false},
		{"anything", "anyURI", true}, // types kg does not check
	} {
		err := CheckLexicalForm(tc.value, rwXSD+tc.dt)
		if (err == nil) != tc.ok {
			t.Errorf("%q^^xsd:%s: err %v, want ok=%v", tc.value, tc.dt, err, tc.ok)
		}
	}
	if err := CheckLexicalForm("abc", "http://example.org/myType"); err != nil {
		t.Errorf("unknown datatype: %v", err)
	}
}

// #15.3: "x"@en-- loaded, and then kg export refused the whole store. Bad
// terms are now refused when parsed, with the line.
func TestParseRejectsIllTypedLiterals(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		f         Format
		line      int
		msg       string
	}{
		{"lang tag nt", "<http://e.org/s> <http://e.org/p> \"a\" .\n\n# c\n<http://e.org/s> <http://e.org/p> \"x\"@en-- .\n", NTriples, 4, "language tag"},
		{"lang tag ttl", "@prefix e: <http://e.org/> .\ne:s e:p \"a\" ;\n   e:q \"x\"@en-- .\n", Turtle, 3, "language tag"},
		{"integer nq", "<http://e.org/s> <http://e.org/p> \"abc\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e.org/g> .\n", NQuads, 1, "xsd:integer"},
		{"date ttl", "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://e.org/s>\n  <http://e.org/p> \"2017-02-30\"^^xsd:date .\n", Turtle, 3, "xsd:date"},
		{"langString without tag", "<http://e.org/s> <http://e.org/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n", NTriples, 1, "langString"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs, err := Parse(strings.NewReader(tc.doc), tc.f)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %d quads, err %v; want a *ParseError", len(qs), err)
			}
			if pe.Line != tc.line || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("error %v; want line %d and %q", err, tc.line, tc.msg)
			}
		})
	}
}

// #15.3: _:b0 in a.nt and _:b0 in b.nt were one node after kg load a.nt
// b.nt; so were the [] of ontology/kg.ttl and ontology/shapes.ttl.
func TestParseScopesBlankNodes(t *testing.T) {
	a := "_:b0 <http://e.org/p> \"a\" .\n"
	b := "_:b0 <http://e.org/p> \"b\" .\n"
	qa, err := Parse(strings.NewReader(a), NTriples)
	if err != nil {
		t.Fatal(err)
	}
	qb, err := Parse(strings.NewReader(b), NTriples)
	if err != nil {
		t.Fatal(err)
	}
	if qa[0].Subject == qb[0].Subject {
		t.Errorf("_:b0 of two documents is one node %v", qa[0].Subject)
	}
	again, _ := Parse(strings.NewReader(a), NTriples)
	if again[0].Subject != qa[0].Subject {
		t.Errorf("the same document gives %v, then %v: loading it twice would add a copy", qa[0].Subject, again[0].Subject)
	}
	// within a document, a label is one node
	qs, err := Parse(strings.NewReader("_:x <http://e.org/p> _:y .\n_:y <http://e.org/p> _:x .\n"), NTriples)
	if err != nil {
		t.Fatal(err)
	}
	if qs[0].Subject != qs[1].Object || qs[0].Object != qs[1].Subject {
		t.Errorf("labels within one document split: %v", qs)
	}
	// anonymous nodes of two Turtle documents
	t1, _ := Parse(strings.NewReader("<http://e.org/s> <http://e.org/p> [ <http://e.org/q> 1 ] .\n"), Turtle)
	t2, _ := Parse(strings.NewReader("<http://e.org/t> <http://e.org/p> ( 1 2 ) .\n"), Turtle)
	seen := map[quad.Value]bool{}
	for _, q := range t1 {
		if _, ok := q.Object.(quad.BNode); ok {
			seen[q.Object] = true
		}
	}
	for _, q := range t2 {
		if seen[q.Subject] || seen[q.Object] {
			t.Errorf("a blank node of one document appears in another: %v", q)
		}
	}
	// the labels stay valid blank node labels for every writer
	for _, q := range append(qa, t2...) {
		if err := CheckQuad(q); err != nil {
			t.Errorf("scoped quad %v: %v", q, err)
		}
	}
	// knakk names anonymous nodes b1, b2, …: a written _:b1 is still
	// another node ("_:b1 e:p [ e:q 1 ]" was a node pointing at itself)
	qs, err = Parse(strings.NewReader("@prefix e: <http://e.org/> .\n_:b1 e:p [ e:q 1 ] ; e:r ( 2 ) .\n"), Turtle)
	if err != nil {
		t.Fatal(err)
	}
	if qs[0].Subject == qs[0].Object {
		t.Errorf("_:b1 and the [] after it are one node: %v", qs[0])
	}
	// "_:" inside IRIs, strings and comments is text
	qs, err = Parse(strings.NewReader("<http://e.org/_:a> <http://e.org/p> \"_:b1 and '_:b2'\" . # _:c\n<http://e.org/s> <http://e.org/p> \"\"\"long _:d \" text\"\"\" .\n"), Turtle)
	if err != nil || len(qs) != 2 || qs[0].Subject != quad.IRI("http://e.org/_:a") || qs[0].Object != quad.String("_:b1 and '_:b2'") || qs[1].Object != quad.String(`long _:d " text`) {
		t.Errorf("text holding _: changed: %v %v", qs, err)
	}
	// deletes name stored nodes: labels as written
	if raw, _ := ParseUnscoped(strings.NewReader("_:b0 <http://e.org/p> _:xy .\n"), Turtle); raw[0].Subject != quad.BNode("b0") || raw[0].Object != quad.BNode("xy") {
		t.Errorf("ParseUnscoped (Turtle): %v", raw)
	}
	raw, _ := ParseUnscoped(strings.NewReader(a), NTriples)
	if raw[0].Subject != quad.BNode("b0") {
		t.Errorf("ParseUnscoped: %v, want _:b0", raw[0].Subject)
	}
}
