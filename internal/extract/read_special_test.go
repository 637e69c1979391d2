package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readWithin runs ReadPath and fails the test if it has not returned after
// d: the bug guarded against is a read that never returns.
func readWithin(t *testing.T, d time.Duration, path string) (n int, warnings []error, err error) {
	t.Helper()
	type res struct {
		n    int
		warn []error
		err  error
	}
	done := make(chan res, 1)
	go func() {
		var r res
		r.err = ReadPath(path, ReadOptions{Warn: func(e error) { r.warn = append(r.warn, e) }}, func(*Article) error {
			r.n++
			return nil
		})
		done <- r
	}()
	select {
	case r := <-done:
		return r.n, r.warn, r.err
	case <-time.After(d):
		t.Fatalf("ReadPath(%s) still running after %v", path, d)
	}
	return
}

// #15.5: a FIFO in a corpus directory used to hang the build (os.ReadFile
// waits for a writer, and Ctrl-C cannot interrupt it).
func TestReadPathSkipsFIFOsInDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Donald Trump spoke with Vladimir Putin."), 0o644)
	for _, name := range []string{"pipe.txt", "pipe.jsonl"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	n, warns, err := readWithin(t, 10*time.Second, dir)
	if err != nil || n != 1 {
		t.Fatalf("read %d articles, err %v; want 1 and no error", n, err)
	}
	if len(warns) != 2 {
		t.Fatalf("warnings %v; want one per FIFO", warns)
	}
	for _, w := range warns {
		if !errors.Is(w, ErrNotRegular) || !strings.Contains(w.Error(), "named pipe") {
			t.Errorf("warning %q: want ErrNotRegular naming a named pipe", w)
		}
	}
}

// A FIFO named on the command line is an error, at once.
func TestReadPathFIFOArgumentIsError(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "news.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, _, err := readWithin(t, 10*time.Second, fifo)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), fifo) {
		t.Errorf("err %v; want ErrNotRegular naming %s", err, fifo)
	}
}

// Devices are not articles either, even with an article's name.
func TestReadPathDeviceIsError(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Text."), 0o644)
	_, _, err := readWithin(t, 10*time.Second, link)
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("reading a link to /dev/zero: err %v, want ErrNotRegular", err)
	}
	n, warns, err := readWithin(t, 10*time.Second, dir)
	if err != nil || n != 1 || len(warns) != 1 || !errors.Is(warns[0], ErrNotRegular) {
		t.Errorf("directory with a link to /dev/zero: %d articles, warnings %v, err %v", n, warns, err)
	}
}
