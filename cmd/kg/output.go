package main

import (
	"bufio"
	"errors"
	"io"
	"io/fs"

	"kg/internal/rdf"
)

// writeTo writes through fn to the file path or, for "-", to stdout. A
// file is written to a temporary file renamed into place when fn succeeds,
// so it is never left half-written; standard output gets what fn wrote.
func writeTo(path string, stdout io.Writer, fn func(io.Writer) error) error {
	if path != "-" {
		return rdf.WriteFileAtomic(path, fn)
	}
	bw := bufio.NewWriterSize(stdout, 1<<20)
	if err := fn(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
