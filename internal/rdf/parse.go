package rdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/cayleygraph/quad"
	knakk "github.com/knakk/rdf"
)

// ParseTurtle reads a Turtle document with knakk/rdf's decoder (a good,
// strict parser; its encoder is the part we do not use).
func ParseTurtle(b []byte) ([]quad.Quad, error) {
	return Parse(bytes.NewReader(b), Turtle)
}

// ParseError is a syntax error in an RDF document. Line and Col are
// 1-based, 0 when the decoder did not say where (knakk/rdf reports positions
// for most, not all, errors); Statements is how many statements were read
// before it, which helps to find the place when Line is 0.
type ParseError struct {
	Line, Col  int
	Statements int
	Msg        string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s (after %d statements)", e.Msg, e.Statements)
}

// knakk/rdf formats positions as "LINE:COL: msg" or "LINE:COL msg".
var parsePosRE = regexp.MustCompile(`^(\d+):(\d+):? `)

func parseError(err error, n int) error {
	pe := &ParseError{Statements: n, Msg: err.Error()}
	if m := parsePosRE.FindStringSubmatch(pe.Msg); m != nil {
		pe.Line, _ = strconv.Atoi(m[1])
		pe.Col, _ = strconv.Atoi(m[2])
		pe.Msg = pe.Msg[len(m[0]):]
	}
	return pe
}

// Parse reads Turtle, N-Triples or N-Quads into quads. Syntax errors are
// *ParseError; the quads read before the error are returned with it.
func Parse(r io.Reader, f Format) (out []quad.Quad, err error) {
	// knakk/rdf re-panics runtime errors from its parser; a bad input file
	// must be an error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			err = parseError(fmt.Errorf("parser failure: %v", p), len(out))
		}
	}()
	switch f {
	case NQuads:
		dec := knakk.NewQuadDecoder(r, knakk.NQuads)
		// knakk puts default-graph statements in a graph named by the blank
		// node _:defaultGraph; kg's default graph is no label.
		dec.DefaultGraph = nil
		for {
			t, err := dec.Decode()
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			if err != nil {
				return out, parseError(err, len(out))
			}
			q := quad.Quad{Subject: fromTerm(t.Subj), Predicate: fromTerm(t.Pred), Object: fromTerm(t.Obj)}
			if t.Ctx != nil {
				q.Label = fromTerm(t.Ctx)
			}
			out = append(out, q)
		}
	case Turtle, NTriples:
		format := knakk.Turtle
		if f == NTriples {
			format = knakk.NTriples
		}
		dec := knakk.NewTripleDecoder(r, format)
		for {
			t, err := dec.Decode()
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			if err != nil {
				return out, parseError(err, len(out))
			}
			out = append(out, quad.Quad{Subject: fromTerm(t.Subj), Predicate: fromTerm(t.Pred), Object: fromTerm(t.Obj)})
		}
	}
	return nil, fmt.Errorf("cannot parse format %q (turtle, ntriples, nquads)", f)
}

func fromTerm(t knakk.Term) quad.Value {
	switch v := t.(type) {
	case knakk.IRI:
		return quad.IRI(v.String())
	case knakk.Blank:
		return quad.BNode(v.String())
	case knakk.Literal:
		if v.Lang() != "" {
			return quad.LangString{Value: quad.String(v.String()), Lang: v.Lang()}
		}
		if dt := v.DataType.String(); dt != xsdStringIRI && dt != "" {
			return quad.TypedString{Value: quad.String(v.String()), Type: quad.IRI(dt)}
		}
		return quad.String(v.String())
	}
	return quad.String(t.String())
}
