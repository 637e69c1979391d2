package rdf

import (
	"errors"
	"strings"
	"testing"
)

// Syntax errors say where (line:col) and what was expected there, in words,
// never knakk/rdf's token numbers.
func TestParseErrorsInWords(t *testing.T) {
	const pre = "@prefix kg: <https://w3id.org/kg/ns#> .\n"
	for _, tc := range []struct {
		name   string
		format Format
		doc    string
		want   string // ParseError.Error()
	}{
		{"dot as object", Turtle, pre + "kg:a kg:b kg:c .\nkg:d kg:e .\n", `3:11: expected an object (an IRI, a blank node or a literal), found "."`},
		{"literal as predicate", Turtle, pre + "kg:a \"p\" kg:c .\n", `2:6: expected a predicate (an IRI or "a"), found a string`},
		{"no dot at the end", Turtle, pre + "kg:a kg:b kg:c\n", `expected "." (or ";" or ",") after the object, found the end of the file`},
		{"two objects without a comma", Turtle, pre + "kg:a kg:b kg:c kg:d .\n", `expected "." (or ";" or ",") after the object, found a prefixed name`},
		{"undefined prefix", Turtle, "kg:a kg:b kg:c .\n", `undefined prefix "kg:"`},
		{"unterminated string", Turtle, pre + "kg:a kg:b \"x .\n", "2:15: bad literal: newline not allowed in single-quoted string"},
		{"n-triples literal subject", NTriples, "\"s\" <http://e/p> <http://e/o> .\n", "expected a subject (an IRI or a blank node), found a string"},
		{"n-quads literal graph", NQuads, "<http://e/s> <http://e/p> <http://e/o> \"g\" .\n", "expected a graph name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.doc), tc.format)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *ParseError", err, err)
			}
			if !strings.Contains(pe.Error(), tc.want) {
				t.Errorf("error %q, want %q", pe.Error(), tc.want)
			}
			for _, bad := range []string{"unexpected", "token "} {
				if strings.Contains(pe.Error(), bad) {
					t.Errorf("error %q still speaks of %q", pe.Error(), bad)
				}
			}
		})
	}
}
