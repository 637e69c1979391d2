package rdf

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// #15.9: errors named the temporary file instead of the user's path, and
// the temporary files of a killed kg were never removed.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.ttl")

	// a write that cannot even start names the user's path
	missing := filepath.Join(dir, "missingdir", "x.ttl")
	err := WriteFileAtomic(missing, func(w io.Writer) error { return nil })
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("writing into a missing directory: %v; want an error naming %s", err, missing)
	}

	// a leftover of a killed write (nobody holds it) and one being
	// written right now (locked, as by another kg)
	stale := filepath.Join(dir, ".graph.ttl.tmp-111")
	live := filepath.Join(dir, ".graph.ttl.tmp-222")
	other := filepath.Join(dir, ".other.ttl.tmp-333")
	for _, f := range []string{stale, live, other} {
		os.WriteFile(f, []byte("half a file"), 0o600)
	}
	held, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := syscall.Flock(int(held.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "done\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "done\n" {
		t.Errorf("file holds %q", b)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the leftover of a killed write is still there")
	}
	for _, f := range []string{live, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
	// a failed write leaves nothing
	WriteFileAtomic(path, func(w io.Writer) error { return errors.New("no") })
	if left, _ := filepath.Glob(filepath.Join(dir, ".graph.ttl.tmp-*")); len(left) != 1 || left[0] != live {
		t.Errorf("temporary files after a failed write: %v", left)
	}
}
