package rdf

// JSON-LD writer.
//
// Why not json-gold (github.com/piprate/json-gold v0.3.0, already in go.sum
// through cayleygraph/quad/jsonld): checked on the seed graph, quad's JSON-LD
// writer (json-gold fromRDF) gives different bytes when the same quads come
// in another order (values keep input order), writes expanded form only
// unless a second, generic compaction pass is run, and writes quad.Int as
// {"@type": "xsd:integer"}, an IRI no processor can expand. Writing the
// compacted form directly is short, deterministic, and shares the term
// normalisation (IRI percent-encoding, language tags, xsd:string) with the
// Turtle and N-Triples writers in rdfwrite.go, so all formats agree on every
// term.
//
// Output shape (JSON-LD 1.1 compacted form, deterministic):
//
//	{
//	  "@context": {"kg": "https://w3id.org/kg/ns#", ...},   // only prefixes used
//	  "@graph": [
//	    {
//	      "@id": "event:7d51f273d43384f6",
//	      "@type": ["kg:Event"],
//	      "kg:actor": [{"@id": "actor:Donald_Trump"}],
//	      "kg:date": [{"@value": "2017-05-02", "@type": "xsd:date"}],
//	      "rdfs:label": [{"@value": "call", "@language": "en"}]
//	    }
//	  ]
//	}
//
// One node object per subject, subjects sorted by N-Triples form, then
// rdf:type (as "@type"), then properties sorted by full IRI, values sorted by
// N-Triples form, duplicates removed. Every value is an object (@id, or
// @value with @language or @type), so no JSON-LD processor coerces a
// literal: lexical forms such as "042"^^xsd:integer survive exactly. As in
// Turtle, quad labels are not written; N-Quads keeps them.

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// WriteJSONLD writes the triples of quads (labels are ignored) as compacted
// JSON-LD with a @context made of the prefixes used. Nothing is written if
// any quad is invalid.
func WriteJSONLD(w io.Writer, quads []quad.Quad, prefixes []Prefix) error {
	ts := make([]rdfTriple, 0, len(quads))
	for i, q := range quads {
		t, err := toRDFTriple(q, false)
		if err != nil {
			return fmt.Errorf("jsonld: quad %d: %w", i, err)
		}
		ts = append(ts, t)
	}
	slices.SortFunc(ts, compareTurtleTriples)
	ts = slices.CompactFunc(ts, func(a, b rdfTriple) bool { return a.sk == b.sk && a.pk == b.pk && a.ok == b.ok })

	c, err := newJSONLDCompactor(prefixes, ts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("{\n  \"@context\": {")
	for i, p := range c.used() {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		writeJSONString(bw, p.Name)
		bw.WriteString(": ")
		writeJSONString(bw, p.IRI)
	}
	if len(c.used()) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("},\n  \"@graph\": [")
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].sk == ts[i].sk {
			j++
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		c.writeNode(bw, ts[i:j])
		i = j
	}
	if len(ts) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// jsonldCompactor turns IRIs into compact IRIs ("kg:actor") with the
// prefixes of the @context.
type jsonldCompactor struct {
	prefixes []Prefix // usable prefixes, normalized
	isUsed   []bool
}

// newJSONLDCompactor keeps the prefixes that can be used safely and marks
// those the triples use. A prefix whose name is also the scheme of an IRI in
// the data is left out: with "urn" defined, the full IRI "urn:x:y" would be
// read back as a compact IRI.
func newJSONLDCompactor(prefixes []Prefix, ts []rdfTriple) (*jsonldCompactor, error) {
	schemes := map[string]bool{}
	addScheme := func(iri string) {
		if s, _, ok := strings.Cut(iri, ":"); ok {
			schemes[s] = true
		}
	}
	for _, t := range ts {
		for _, term := range [...]rdfTerm{t.s, t.p, t.o} {
			switch {
			case term.kind == tkIRI:
				addScheme(term.val)
			case term.kind == tkLiteral && term.dt != "":
				addScheme(term.dt)
			}
		}
	}
	c := &jsonldCompactor{}
	seen := map[string]bool{}
	for _, p := range prefixes {
		if p.Name == "" || p.Name == "_" || strings.ContainsAny(p.Name, ":@") {
			return nil, fmt.Errorf("jsonld: invalid prefix name %q", p.Name)
		}
		if seen[p.Name] {
			return nil, fmt.Errorf("jsonld: duplicate prefix name %q", p.Name)
		}
		seen[p.Name] = true
		iri, err := rwNormalizeIRI(p.IRI)
		if err != nil {
			return nil, fmt.Errorf("jsonld: prefix %q: %w", p.Name, err)
		}
		// JSON-LD 1.1 uses a term as a prefix only if its IRI ends with a
		// gen-delim character.
		if !strings.ContainsAny(iri[len(iri)-1:], ":/?#[]@") || schemes[p.Name] {
			continue
		}
		c.prefixes = append(c.prefixes, Prefix{p.Name, iri})
	}
	c.isUsed = make([]bool, len(c.prefixes))
	for _, t := range ts { // mark the prefixes used, as writeNode will
		c.compact(t.s)
		if t.p.val != rdfTypeIRI || t.o.kind != tkIRI { // else "@type"
			c.compact(t.p)
		}
		c.compact(t.o)
	}
	return c, nil
}

func (c *jsonldCompactor) used() []Prefix {
	var out []Prefix
	for i, p := range c.prefixes {
		if c.isUsed[i] {
			out = append(out, p)
		}
	}
	return out
}

// iri returns the compact IRI for iri with the longest matching namespace,
// or iri itself.
func (c *jsonldCompactor) iri(iri string) string {
	best := -1
	for i, p := range c.prefixes {
		// A suffix starting with "//" would make "p://x" read as an absolute IRI.
		if strings.HasPrefix(iri, p.IRI) && !strings.HasPrefix(iri[len(p.IRI):], "//") &&
			(best < 0 || len(p.IRI) > len(c.prefixes[best].IRI)) {
			best = i
		}
	}
	if best < 0 {
		return iri
	}
	c.isUsed[best] = true
	return c.prefixes[best].Name + ":" + iri[len(c.prefixes[best].IRI):]
}

// compact returns the @id string of an IRI or blank node, or the compacted
// datatype of a literal ("" for none).
func (c *jsonldCompactor) compact(t rdfTerm) string {
	switch t.kind {
	case tkIRI:
		return c.iri(t.val)
	case tkBNode:
		return "_:" + t.val
	}
	if t.dt != "" {
		return c.iri(t.dt)
	}
	return ""
}

// writeNode writes one node object: ts share the subject and are sorted
// with rdf:type first.
func (c *jsonldCompactor) writeNode(bw *bufio.Writer, ts []rdfTriple) {
	bw.WriteString("\n    {\n      \"@id\": ")
	writeJSONString(bw, c.compact(ts[0].s))
	// "@type" takes IRIs only; a blank node or literal rdf:type object stays
	// an ordinary "rdf:type" property value.
	var types []string
	rest := ts[:0:0]
	for _, t := range ts {
		if t.p.val == rdfTypeIRI && t.o.kind == tkIRI {
			types = append(types, c.compact(t.o))
		} else {
			rest = append(rest, t)
		}
	}
	if len(types) > 0 {
		bw.WriteString(",\n      \"@type\": [")
		for i, ty := range types {
			if i > 0 {
				bw.WriteString(", ")
			}
			writeJSONString(bw, ty)
		}
		bw.WriteByte(']')
	}
	for i := 0; i < len(rest); {
		j := i + 1
		for j < len(rest) && rest[j].pk == rest[i].pk {
			j++
		}
		bw.WriteString(",\n      ")
		writeJSONString(bw, c.compact(rest[i].p))
		bw.WriteString(": [")
		multi := j-i > 1
		for k := i; k < j; k++ {
			if k > i {
				bw.WriteByte(',')
			}
			if multi {
				bw.WriteString("\n        ")
			}
			c.writeValue(bw, rest[k].o)
		}
		if multi {
			bw.WriteString("\n      ")
		}
		bw.WriteByte(']')
		i = j
	}
	bw.WriteString("\n    }")
}

func (c *jsonldCompactor) writeValue(bw *bufio.Writer, t rdfTerm) {
	if t.kind != tkLiteral {
		bw.WriteString(`{"@id": `)
		writeJSONString(bw, c.compact(t))
		bw.WriteByte('}')
		return
	}
	bw.WriteString(`{"@value": `)
	writeJSONString(bw, t.val)
	switch {
	case t.lang != "":
		bw.WriteString(`, "@language": `)
		writeJSONString(bw, t.lang)
	case t.dt != "":
		bw.WriteString(`, "@type": `)
		writeJSONString(bw, c.compact(t))
	}
	bw.WriteByte('}')
}

// writeJSONString writes s as a JSON string: the escapes JSON requires
// (quote, backslash, control characters), everything else as raw UTF-8 (s is
// valid UTF-8: toRDFTermMemo has replaced invalid bytes).
func writeJSONString(bw *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	bw.WriteByte('"')
	for i := 0; i < len(s); {
		b := s[i]
		if b >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			bw.WriteRune(r)
			i += n
			continue
		}
		switch {
		case b == '"':
			bw.WriteString(`\"`)
		case b == '\\':
			bw.WriteString(`\\`)
		case b == '\n':
			bw.WriteString(`\n`)
		case b == '\r':
			bw.WriteString(`\r`)
		case b == '\t':
			bw.WriteString(`\t`)
		case b < 0x20 || b == 0x7f:
			bw.WriteString(`\u00`)
			bw.WriteByte(hex[b>>4])
			bw.WriteByte(hex[b&0xf])
		default:
			bw.WriteByte(b)
		}
		i++
	}
	bw.WriteByte('"')
}
