package rdf

import (
	"bufio"
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
	bw   *bufio.Writer
	tw   *TurtleWriter
	seen *lineSet // shared statements already written
	b    batch
	n    int // statements written
}

// Written is the number of triples (quads in N-Quads) written so far.
func (sw *StreamWriter) Written() int { return sw.n }

// NewStreamWriter starts a document in format f on w; Turtle abbreviates
// IRIs with prefixes.
func NewStreamWriter(w io.Writer, f Format, prefixes []Prefix) (*StreamWriter, error) {
	sw := &StreamWriter{bw: bufio.NewWriter(w), seen: newLineSet()}
	sw.b.withGraph = f == NQuads
	if f == Turtle {
		tw, err := NewTurtleWriter(sw.bw, prefixes)
		if err != nil {
			return nil, err
		}
		sw.tw = tw
		sw.b.memo = tw.memo
	} else {
		sw.b.memo = newIRIMemo(nil)
	}
	return sw, nil
}

// Write writes one batch: own quads (only this batch has them) and shared
// quads (other batches may repeat them). An invalid quad is an error and
// nothing of the batch is written.
func (sw *StreamWriter) Write(own, shared []quad.Quad) error {
	b := &sw.b
	b.reset()
	for _, q := range own {
		if err := b.add(q); err != nil {
			return err
		}
	}
	for _, q := range shared {
		if err := b.add(q); err != nil {
			return err
		}
		if !sw.seen.add(b.line(&b.stmts[len(b.stmts)-1])) {
			b.pop()
		}
	}
	b.sortTurtle()
	sw.n += len(b.stmts)
	if sw.tw != nil {
		for i := range b.stmts {
			if err := sw.tw.writeStmt(b, &b.stmts[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return b.writeLines(sw.bw)
}

// Close finishes the document and flushes it to the writer.
func (sw *StreamWriter) Close() error {
	if sw.tw != nil {
		return sw.tw.Close()
	}
	return sw.bw.Flush()
}
