package boltkv_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph"
	"kg/internal/graph/boltkv"
)

// testdata/boltdb-v1.3.1.bolt.gz is a store written by kg on
// github.com/boltdb/bolt v1.3.1 (Cayley's backend before this package),
// holding these statements:
//
//	<https://example.org/a> <https://example.org/p> "x" .
//	<https://example.org/a> <https://example.org/q> <https://example.org/b> .
//	_:b <https://example.org/p> "y"@en .
func TestOpensStoreWrittenByBoltDB(t *testing.T) {
	dir := t.TempDir()
	gz, err := os.ReadFile("testdata/boltdb-v1.3.1.bolt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, boltkv.FileName), b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := storeLines(t, st)
	want := []string{
		`<https://example.org/a> <https://example.org/p> "x" .`,
		`<https://example.org/a> <https://example.org/q> <https://example.org/b> .`,
		`_:b <https://example.org/p> "y"@en .`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("store written by boltdb/bolt reads back as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// and it takes writes in the same file
	if err := st.Add([]quad.Quad{quad.MakeIRI("https://example.org/c", "https://example.org/p", "https://example.org/d", "")}); err != nil {
		t.Fatal(err)
	}
	if n := st.Size(); n != 4 {
		t.Errorf("after one more quad the store has %d quads, want 4", n)
	}
}

func storeLines(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	err := st.Each(context.Background(), func(q quad.Quad) error {
		out = append(out, q.NQuad())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// makeStore writes a bolt store of n articles' worth of quads and returns
// its directory.
func makeStore(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	st, err := graph.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var qs []quad.Quad
	// ~3 events an actor: readAll's two-hop query then walks every actor
	// link a few times, not 30 (with 97 actors it took 2 s of CPU a test).
	for i := 0; i < n; i++ {
		s := quad.IRI(fmt.Sprintf("https://example.org/event/%d", i))
		qs = append(qs,
			quad.Quad{Subject: s, Predicate: quad.IRI("https://example.org/actor"), Object: quad.IRI(fmt.Sprintf("https://example.org/actor/%d", i%997))},
			quad.Quad{Subject: s, Predicate: quad.IRI("https://example.org/evidence"), Object: quad.String(strings.Repeat("text ", i%40))},
		)
	}
	if err := st.Add(qs); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readAll opens the store, reads every quad and runs a two-hop query: what
// kg export and kg query do. A crash here (SIGBUS, SIGSEGV, a panic) ends
// the test binary, which is the failure this test guards against.
func readAll(dir string) error {
	st, err := graph.Open(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	n := 0
	if err := st.Each(context.Background(), func(quad.Quad) error { n++; return nil }); err != nil {
		return err
	}
	_, err = st.Query(context.Background(), `g.V().Out("<https://example.org/actor>").In("<https://example.org/actor>").Count()`, 0)
	return err
}

// TestCorruptStore damages a store file in the ways a disk, a full
// filesystem or a careless copy do, and checks kg gets an error, not a
// crash. Truncation and broken pages must be errors; a few changed bytes
// inside a value are not detectable (bolt has no page checksums) but must
// not crash.
func TestCorruptStore(t *testing.T) {
	clean := makeStore(t, 3000)
	file := filepath.Join(clean, boltkv.FileName)
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := readAll(clean); err != nil {
		t.Fatalf("the clean store: %v", err)
	}
	page := int(binary.LittleEndian.Uint32(orig[16+8:])) // the meta's page size
	zero := func(b []byte, from, n int) []byte {
		for i := from; i < from+n && i < len(b); i++ {
			b[i] = 0
		}
		return b
	}
	cases := []struct {
		name      string
		damage    func([]byte) []byte
		mustError bool
	}{
		{"truncated to 100 bytes", func(b []byte) []byte { return b[:100] }, true},
		{"truncated after the meta pages", func(b []byte) []byte { return b[:2*page] }, true},
		{"truncated to a quarter", func(b []byte) []byte { return b[:len(b)/4] }, true},
		{"truncated to a half", func(b []byte) []byte { return b[:len(b)/2] }, true},
		{"truncated by one page", func(b []byte) []byte { return b[:len(b)-page] }, false}, // the last page may be unused
		{"both meta pages zeroed", func(b []byte) []byte { return zero(b, 0, 2*page) }, true},
		{"first meta page zeroed", func(b []byte) []byte { return zero(b, 0, page) }, false}, // bolt falls back to the second
		// Which pages are live varies from build to build (Cayley writes
		// from Go maps), so these damage most of the file.
		{"pages zeroed in the middle", func(b []byte) []byte { return zero(b, len(b)/10, len(b)*8/10) }, true},
		{"random bytes over pages", func(b []byte) []byte {
			r := rand.New(rand.NewSource(1))
			r.Read(b[len(b)/10 : len(b)*9/10])
			return b
		}, true},
		{"some pages zeroed", func(b []byte) []byte { return zero(b, 3*page, 20*page) }, false},
	}
	for seed := int64(1); seed <= 8; seed++ {
		cases = append(cases, struct {
			name      string
			damage    func([]byte) []byte
			mustError bool
		}{fmt.Sprintf("20 bytes changed, seed %d", seed), func(b []byte) []byte {
			r := rand.New(rand.NewSource(seed))
			for i := 0; i < 20; i++ {
				b[2*page+r.Intn(len(b)-2*page)] = byte(r.Intn(256))
			}
			return b
		}, false})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			b := tc.damage(append([]byte(nil), orig...))
			if err := os.WriteFile(filepath.Join(dir, boltkv.FileName), b, 0o644); err != nil {
				t.Fatal(err)
			}
			err := readAll(dir)
			if tc.mustError && err == nil {
				t.Fatalf("a store with %s opened and read without error", tc.name)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if strings.HasPrefix(tc.name, "truncated to") && !errors.Is(err, boltkv.ErrCorrupt) {
				t.Errorf("error %v does not say the file is corrupt", err)
			}
			t.Logf("%v", err)
		})
	}
}

// TestPageSizeKept: kg gives new stores 16 KiB pages; a store made with
// bolt's default (the OS's page size, as older kg and Cayley made them)
// opens, takes writes and keeps its own page size.
func TestPageSizeKept(t *testing.T) {
	pageSize := func(dir string) uint32 {
		b, err := os.ReadFile(filepath.Join(dir, boltkv.FileName))
		if err != nil {
			t.Fatal(err)
		}
		return binary.LittleEndian.Uint32(b[16+8:])
	}
	if got := pageSize(makeStore(t, 10)); got != 16<<10 {
		t.Errorf("a new store has %d-byte pages, want %d", got, 16<<10)
	}
	old := t.TempDir()
	db, err := boltkv.Open(filepath.Join(old, boltkv.FileName), &bolt.Options{PageSize: 4096})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for i := 0; i < 2; i++ {
		st, err := graph.Open(old)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Add([]quad.Quad{{Subject: quad.IRI(fmt.Sprintf("https://example.org/s%d", i)), Predicate: quad.IRI("https://example.org/p"), Object: quad.String("o")}}); err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got := pageSize(old); got != 4096 {
		t.Errorf("the old store now has %d-byte pages, want 4096", got)
	}
	if err := readAll(old); err != nil {
		t.Fatal(err)
	}
}
