package rdf

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// readLines reads a whole document with a LineReader.
func readLines(doc []byte, f Format, scope string) ([]quad.Quad, error) {
	lr := NewLineReader(bytes.NewReader(doc), f, scope)
	var out []quad.Quad
	for {
		q, err := lr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

// lineReaderAgrees checks that the LineReader reads doc as knakk/rdf's
// decoder does: the same statements, or an error from both.
func lineReaderAgrees(t *testing.T, doc []byte, f Format) {
	t.Helper()
	want, werr := parse(bytes.NewReader(doc), f)
	got, gerr := readLines(doc, f, "")
	if (werr == nil) != (gerr == nil) {
		// knakk/rdf is laxer in places (it takes a raw control character or
		// a space in an IRI); the LineReader must never be the laxer one.
		if gerr == nil {
			t.Fatalf("accepted what knakk/rdf refuses (%v):\n%q", werr, doc)
		}
		return
	}
	if werr != nil {
		return
	}
	if !slices.Equal(want, got) {
		t.Fatalf("statements differ:\nknakk: %v\nlines: %v\n%q", want, got, doc)
	}
}

// TestLineReader reads what kg's writers write, nasty names and literals
// included, as knakk/rdf's decoder does.
func TestLineReader(t *testing.T) {
	quads := append(rwStressQuads(), rwGoldenQuads()...)
	for _, f := range []Format{NTriples, NQuads} {
		var buf bytes.Buffer
		var err error
		if f == NTriples {
			err = WriteNTriples(&buf, quads)
		} else {
			err = WriteNQuads(&buf, quads)
		}
		if err != nil {
			t.Fatal(err)
		}
		lineReaderAgrees(t, buf.Bytes(), f)
		// and line by line, each statement alone
		for _, line := range bytes.SplitAfter(buf.Bytes(), []byte("\n")) {
			lineReaderAgrees(t, line, f)
		}
	}
}

func TestLineReaderSyntax(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		f         Format
		want      string // "" valid, else the ParseError's text
	}{
		{"comment and blank lines", "# c\n\n  <http://e/s> <http://e/p> <http://e/o> . # c\n", NTriples, ""},
		{"CRLF", "<http://e/s> <http://e/p> \"x\" .\r\n", NTriples, ""},
		{"escapes", `<http://e/s> <http://e/p> "a\"b\\c\n\u00E9\U0001F600" .` + "\n", NTriples, ""},
		{"escaped IRI", `<http://e/\u00E9> <http://e/p> <http://e/o> .`, NTriples, ""},
		{"blank node label with a dot, and one before the final dot", "_:b.1 <http://e/p> _:b2.", NTriples, ""},
		{"blank node label ending in a dot", "_:b.1. <http://e/p> _:b2 .", NTriples, `1:6: expected a predicate (an IRI), found "."`},
		{"quad", "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .", NQuads, ""},
		{"literal subject", "\"s\" <http://e/p> <http://e/o> .\n", NTriples, "1:1: expected a subject (an IRI or a blank node), found a string"},
		{"literal graph", "<http://e/s> <http://e/p> <http://e/o> \"g\" .\n", NQuads, `1:40: expected a graph name (an IRI or a blank node) or the final ".", found a string`},
		{"graph in n-triples", "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n", NTriples, `1:40: expected "." to end the statement, found an IRI`},
		{"no dot", "<http://e/s> <http://e/p> <http://e/o>\n", NTriples, `1:39: expected "." to end the statement, found the end of the line`},
		{"two statements on a line", "<http://e/s> <http://e/p> <http://e/o> . <http://e/s> <http://e/p> <http://e/o> .", NTriples, "1:42: expected the end of the line after the statement, found an IRI"},
		{"space in IRI", "<http://e/a b> <http://e/p> <http://e/o> .", NTriples, "1:12: character ' ' is not allowed in an IRI"},
		{"unclosed IRI", "<http://e/s<http://e/p> <http://e/o> .", NTriples, "1:12: character '<' is not allowed in an IRI"},
		{"unclosed string", `<http://e/s> <http://e/p> "x .`, NTriples, "1:27: string not closed with a quote on its line"},
		{"bad escape", `<http://e/s> <http://e/p> "a\qb" .`, NTriples, `1:29: bad escape \q`},
		{"bad language tag", `<http://e/s> <http://e/p> "a"@en- .`, NTriples, `1:31: object: invalid language tag "en-"`},
		{"datatype without IRI", `<http://e/s> <http://e/p> "a"^^xsd:int .`, NTriples, `expected a datatype IRI after ^^, found 'x'`},
		{"empty blank node", "_: <http://e/p> <http://e/o> .", NTriples, "1:1: empty or invalid blank node label"},
		{"second line", "<http://e/s> <http://e/p> <http://e/o> .\n<http://e/s> <http://e/p> .\n", NTriples, "2:27: expected an object"},
		{"invalid UTF-8", "<http://e/s> <http://e/p> \"a\xffb\" .", NTriples, "1:27: invalid UTF-8 in a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readLines([]byte(tc.doc), tc.f, "")
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if tc.want == "" {
				lineReaderAgrees(t, []byte(tc.doc), tc.f)
			}
		})
	}
}

func TestLineReaderScopes(t *testing.T) {
	doc := []byte("_:a <http://e/p> _:b <http://e/g> .\n")
	got, err := readLines(doc, NQuads, "d1")
	if err != nil {
		t.Fatal(err)
	}
	want := []quad.Quad{{Subject: quad.BNode("d1_a"), Predicate: quad.IRI("http://e/p"), Object: quad.BNode("d1_b"), Label: quad.IRI("http://e/g")}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// FuzzLineReader: on any input the LineReader returns statements or an
// error (never a panic: knakk/rdf's lexer crashes the process on ".1C"),
// and what it accepts, kg's writer writes and knakk/rdf reads back the same.
func FuzzLineReader(f *testing.F) {
	for _, s := range []string{
		"<http://e/s> <http://e/p> <http://e/o> .\n",
		"_:a <http://e/p> \"x\"@en-GB <http://e/g> .\n",
		`<http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<http://e/s> <http://e/p> "a\tb\u0041" .`,
		".1C",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, doc string, quads bool) {
		fm := NTriples
		if quads {
			fm = NQuads
		}
		got, err := readLines([]byte(doc), fm, "")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error %v: not a *ParseError with a line", err)
			}
			return
		}
		for _, q := range got {
			if CheckQuad(q) != nil {
				return // the writer refuses it too (checked by Parse's callers)
			}
		}
		var buf bytes.Buffer
		if err := WriteNQuads(&buf, got); err != nil {
			t.Fatal(err)
		}
		back, err := parse(bytes.NewReader(buf.Bytes()), NQuads)
		if err != nil {
			t.Fatalf("knakk/rdf refuses what the writer made of %q: %v", doc, err)
		}
		if len(back) != CountDistinct(got, true) {
			t.Fatalf("%d statements read, %d back", CountDistinct(got, true), len(back))
		}
	})
}
