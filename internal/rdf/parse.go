package rdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"

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
	pe.Msg = inWords(pe.Msg)
	return pe
}

// Parse reads Turtle, N-Triples or N-Quads into quads, strictly: a syntax
// error, or a statement CheckQuad refuses (an ill-typed literal, a bad
// language tag), is a *ParseError with the line where it is; the quads read
// before it are returned with it.
//
// Blank nodes are scoped to the document: their labels are prefixed with a
// digest of its bytes, so _:b0 in two different files are two nodes (as RDF
// says they are), while loading the same file twice still adds nothing.
func Parse(r io.Reader, f Format) ([]quad.Quad, error) {
	return parseChecked(r, f, true)
}

// BlankNodeScope is the prefix Parse gives the blank node labels of a
// document whose SHA-256 digest is sum.
func BlankNodeScope(sum []byte) string { return hex.EncodeToString(sum[:6]) }

// ParseUnscoped is Parse with blank node labels kept as written, for
// statements that name nodes already stored (a delete request).
func ParseUnscoped(r io.Reader, f Format) ([]quad.Quad, error) {
	return parseChecked(r, f, false)
}

func parseChecked(r io.Reader, f Format, scope bool) ([]quad.Quad, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	doc, marked := src, f == Turtle
	if marked {
		doc = markWrittenLabels(src) // see bnodes.go
	}
	out, err := parse(bytes.NewReader(doc), f)
	prefix := ""
	if scope {
		sum := sha256.Sum256(src)
		prefix = BlankNodeScope(sum[:])
	}
	for i := range out {
		out[i].Subject = relabel(out[i].Subject, marked, prefix)
		out[i].Object = relabel(out[i].Object, marked, prefix)
		out[i].Label = relabel(out[i].Label, marked, prefix)
	}
	if err != nil {
		return out, err
	}
	for i, q := range out {
		if err := CheckQuad(q); err != nil {
			pe := &ParseError{Statements: i, Msg: err.Error()}
			pe.Line, pe.Col = locate(src, f, i, q)
			return out[:i], pe
		}
	}
	return out, nil
}

// locate finds where statement i of src is, for an error about it:
// N-Triples and N-Quads hold one statement per line; in Turtle the first
// place the offending term is written is a good guess (0, 0 if not found).
func locate(src []byte, f Format, i int, q quad.Quad) (line, col int) {
	if f == NTriples || f == NQuads {
		n := 0
		for ln, text := range bytes.Split(src, []byte("\n")) {
			t := bytes.TrimSpace(text)
			if len(t) == 0 || t[0] == '#' {
				continue
			}
			if n == i {
				return ln + 1, 1
			}
			n++
		}
		return 0, 0
	}
	var needles []string
	for _, v := range []quad.Value{q.Object, q.Subject, q.Predicate, q.Label} {
		switch v := v.(type) {
		case quad.LangString:
			needles = append(needles, "@"+v.Lang)
		case quad.TypedString:
			needles = append(needles, `"`+string(v.Value)+`"`, `'`+string(v.Value)+`'`, string(v.Value))
		case quad.IRI:
			needles = append(needles, "<"+string(v)+">")
		}
	}
	for _, nd := range needles {
		if k := bytes.Index(src, []byte(nd)); k >= 0 {
			before := src[:k]
			line = bytes.Count(before, []byte("\n")) + 1
			col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
			return line, col
		}
	}
	return 0, 0
}

// parse decodes without checking statements.
func parse(r io.Reader, f Format) (out []quad.Quad, err error) {
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
