package rdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/cayleygraph/quad"
)

// FormatOf picks the format from a file name's extension, else Turtle.
func FormatOf(path string) Format {
	if f, ok := ByExtension(path); ok {
		return f
	}
	return Turtle
}

// Write serializes quads in format f. The output is sorted and free of
// duplicates, so equal graphs give identical bytes.
// Turtle and JSON-LD abbreviate IRIs with prefixes.
func Write(w io.Writer, f Format, quads []quad.Quad, prefixes []Prefix) error {
	switch f {
	case Turtle:
		return WriteTurtle(w, quads, prefixes)
	case NTriples:
		return WriteNTriples(w, quads)
	case NQuads:
		return WriteNQuads(w, quads)
	case JSONLD:
		return WriteJSONLD(w, quads, prefixes)
	}
	return fmt.Errorf("unknown format %q (turtle, ntriples, nquads, jsonld)", f)
}

// WriteFileAtomic writes a file through fn into a temporary file next to
// path and renames it into place only when fn succeeded: readers never see
// half a file, and a failed or interrupted write leaves the old file intact.
// Errors of the file system are *fs.PathError naming path, not the
// temporary file; fn's own errors are returned as they are.
//
// The temporary file is locked (flock) while it is written. A process
// killed outright (kill -9, a crash, a power cut) leaves its temporary file
// behind, unlocked: the next write of the same path removes such leftovers.
func WriteFileAtomic(path string, fn func(io.Writer) error) (err error) {
	fail := func(op string, err error) error {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fs.PathError{Op: op, Path: path, Err: err}
	}
	dir := filepath.Dir(path)
	pattern := "." + filepath.Base(path) + ".tmp-*"
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return fail("create", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
		tmp.Close() // after the rename: the lock holds until the file is in place
	}()
	if err = syscall.Flock(int(tmp.Fd()), syscall.LOCK_EX); err != nil {
		return fail("lock", err)
	}
	removeLeftovers(filepath.Join(dir, pattern), tmp.Name())
	bw := bufio.NewWriterSize(writerFunc(func(b []byte) (int, error) {
		n, err := tmp.Write(b)
		if err != nil {
			err = fail("write", err)
		}
		return n, err
	}), 1<<20)
	if err = fn(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fail("write", err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fail("chmod", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fail("rename", err)
	}
	return nil
}

// removeLeftovers removes the temporary files matching glob, but own, that
// no process holds: those of writes that were killed.
func removeLeftovers(glob, own string) {
	names, _ := filepath.Glob(glob)
	for _, name := range names {
		if name == own {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			os.Remove(name) // unlocked: its writer is gone
		}
		f.Close()
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// CountDistinct is the number of distinct triples in quads (of distinct
// quads with withGraph): what a writer writes for them.
func CountDistinct(quads []quad.Quad, withGraph bool) int {
	seen := make(map[[4]string]struct{}, len(quads))
	for _, q := range quads {
		k := [4]string{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), ""}
		if withGraph && q.Label != nil {
			k[3] = quad.StringOf(q.Label)
		}
		seen[k] = struct{}{}
	}
	return len(seen)
}
