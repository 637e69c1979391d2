package pipeline

import (
	"io"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/rdf"
)

// RDFOutput writes a build's graph in an RDF format. Streamable formats
// (Turtle, N-Triples, N-Quads) are written article by article, so memory
// does not grow with the corpus; JSON-LD puts all statements about a
// subject in one node object, so its statements are kept until Close.
type RDFOutput struct {
	format   rdf.Format
	w        io.Writer
	prefixes []rdf.Prefix
	sw       *rdf.StreamWriter // streamable formats
	all      []quad.Quad       // the others
	written  int
	took     time.Duration // serializing and writing
}

// NewRDFOutput starts a graph in format f on w; Turtle and JSON-LD
// abbreviate IRIs with prefixes.
func NewRDFOutput(w io.Writer, f rdf.Format, prefixes []rdf.Prefix) (*RDFOutput, error) {
	o := &RDFOutput{format: f, w: w, prefixes: prefixes}
	if f.Info().Streamable {
		sw, err := rdf.NewStreamWriter(w, f, prefixes)
		if err != nil {
			return nil, err
		}
		o.sw = sw
	}
	return o, nil
}

// Begin writes the run's description.
func (o *RDFOutput) Begin(run []quad.Quad) error { return o.write(nil, run) }

// Article writes one article's statements.
func (o *RDFOutput) Article(own, shared []quad.Quad) error { return o.write(own, shared) }

// End writes the source counts of merged events.
func (o *RDFOutput) End(counts []quad.Quad) error { return o.write(counts, nil) }

// Add writes statements shared with nothing else in the build (the
// ontology), before or after the build.
func (o *RDFOutput) Add(quads []quad.Quad) error { return o.write(nil, quads) }

func (o *RDFOutput) write(own, shared []quad.Quad) error {
	if o.sw != nil {
		defer o.time(time.Now())
		return o.sw.Write(own, shared)
	}
	o.all = append(o.all, own...)
	o.all = append(o.all, shared...)
	return nil
}

// Close finishes the document.
func (o *RDFOutput) Close() error {
	defer o.time(time.Now())
	if o.sw != nil {
		o.written = o.sw.Written()
		return o.sw.Close()
	}
	if err := rdf.Write(o.w, o.format, o.all, o.prefixes); err != nil {
		return err
	}
	o.written = rdf.CountDistinct(o.all, o.format == rdf.NQuads)
	return nil
}

func (o *RDFOutput) time(start time.Time) { o.took += time.Since(start) }

// Took is the time spent serializing and writing.
func (o *RDFOutput) Took() time.Duration { return o.took }

// Written is the number of triples (quads in N-Quads) written, once closed.
func (o *RDFOutput) Written() int { return o.written }
