package rdf

import (
	"io"

	"github.com/cayleygraph/quad"
)

// StreamWriter writes a graph batch by batch (one article at a time, in
// input order) so that building a large corpus needs memory for one article,
// not for the whole graph. Each batch is sorted, so the output is
// deterministic for a deterministic input order. Descriptions shared by many
// articles (actors, CAMEO concepts, merged events) are written once: a
// triple already written is skipped. In N-Quads the same triple in two
// articles' graphs is two quads, and both are kept.
type StreamWriter struct {
	w      io.Writer
	format Format
	tw     *TurtleWriter
	seen   map[string]struct{} // keys of shared triples already written
	cache  iriCache
	n      int // statements written
}

// Written is the number of triples (quads in N-Quads) written so far.
func (sw *StreamWriter) Written() int { return sw.n }

// NewStreamWriter starts a document in format f on w; Turtle abbreviates
// IRIs with prefixes.
func NewStreamWriter(w io.Writer, f Format, prefixes []Prefix) (*StreamWriter, error) {
	sw := &StreamWriter{w: w, format: f, seen: map[string]struct{}{}}
	if f == Turtle {
		tw, err := NewTurtleWriter(w, prefixes)
		if err != nil {
			return nil, err
		}
		sw.tw = tw
	}
	return sw, nil
}

// Write writes one batch: own quads (only this batch has them) and shared
// quads (other batches may repeat them).
func (sw *StreamWriter) Write(own, shared []quad.Quad) error {
	batch := make([]rdfTriple, 0, len(own)+len(shared))
	withGraph := sw.format == NQuads
	add := func(q quad.Quad, dedupe bool) error {
		t, err := toRDFTripleCached(q, withGraph, &sw.cache)
		if err != nil {
			return err
		}
		if dedupe {
			k := t.sk + " " + t.pk + " " + t.ok + " " + t.gk
			if _, ok := sw.seen[k]; ok {
				return nil
			}
			sw.seen[k] = struct{}{}
		}
		batch = append(batch, t)
		return nil
	}
	for _, q := range own {
		if err := add(q, false); err != nil {
			return err
		}
	}
	for _, q := range shared {
		if err := add(q, true); err != nil {
			return err
		}
	}
	batch = sortTriples(batch, true)
	sw.n += len(batch)
	if sw.tw != nil {
		for _, t := range batch {
			if err := sw.tw.writeTriple(t); err != nil {
				return err
			}
		}
		return nil
	}
	for _, t := range batch {
		line := t.sk + " " + t.pk + " " + t.ok
		if t.gk != "" {
			line += " " + t.gk
		}
		if _, err := io.WriteString(sw.w, line+" .\n"); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the document.
func (sw *StreamWriter) Close() error {
	if sw.tw != nil {
		return sw.tw.Close()
	}
	return nil
}
