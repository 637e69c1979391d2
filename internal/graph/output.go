package graph

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
)

// Format is an RDF serialization kg writes.
type Format string

// Output formats.
const (
	Turtle   Format = "turtle"
	NTriples Format = "ntriples"
	NQuads   Format = "nquads"
	JSONLD   Format = "jsonld" // write only (Parse does not read it)
)

// FormatOf picks the format from a file name: .nt, .nq, .jsonld, else Turtle.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".nt":
		return NTriples
	case ".nq":
		return NQuads
	case ".jsonld":
		return JSONLD
	}
	return Turtle
}

// Write serializes quads in format f. The output is sorted and free of
// duplicates, so equal graphs give identical bytes.
func Write(w io.Writer, f Format, quads []quad.Quad) error {
	switch f {
	case Turtle:
		return WriteTurtle(w, quads, Prefixes)
	case NTriples:
		return WriteNTriples(w, quads)
	case NQuads:
		return WriteNQuads(w, quads)
	case JSONLD:
		return WriteJSONLD(w, quads, Prefixes)
	}
	return fmt.Errorf("unknown format %q (turtle, ntriples, nquads, jsonld)", f)
}

// WriteFileAtomic writes a file through fn into a temporary file next to
// path and renames it into place only when fn succeeded: readers never see
// half a file, and a failed or interrupted write leaves the old file intact.
func WriteFileAtomic(path string, fn func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err = fn(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
