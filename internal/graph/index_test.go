package graph

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"kg/internal/graph/boltkv"
)

// dumpIndex returns every entry of the store's query index.
func dumpIndex(t *testing.T, st *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := st.ReadIndex(context.Background(), func(r *IndexReader) error {
		it := r.tx.Scan(hkv.Key{[]byte(indexBucket)})
		defer it.Close()
		for it.Next(r.ctx) {
			out[strings.ReplaceAll(string(lastKey(it.Key())), "\x00", " | ")] = string(it.Val())
		}
		return it.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffIndex(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	n := 0
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[k]; !ok || g != want[k] {
			if n++; n <= 10 {
				t.Errorf("%s: %q = %q, want %q", what, k, g, want[k])
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			if n++; n <= 10 {
				t.Errorf("%s: extra %q = %q", what, k, got[k])
			}
		}
	}
	if n > 10 {
		t.Errorf("%s: %d differences in all", what, n)
	}
}

// seedRuns are the seed articles' quads (seeds), and those of a second
// run over the same articles (the same events, merged) with them, shuffled
// (all), and the random source that shuffled them.
func seedRuns(t *testing.T) (seeds, all []quad.Quad, rng *rand.Rand) {
	seeds = articleQuads(t, filepath.Join("..", "..", "corpus"), Run{Version: "test", Rules: "builtin"})
	again := articleQuads(t, filepath.Join("..", "..", "corpus"), Run{Version: "test2", Rules: "builtin"})
	rng = rand.New(rand.NewSource(1))
	all = append(slices.Clone(seeds), again...)
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return seeds, all, rng
}

// The index a store keeps as it is written — in any order, in any
// batches, with quads removed again — is the index built from scratch from
// what the store holds at the end; on every backend.
func TestIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	seeds, all, rng := seedRuns(t)
	// quads to remove afterwards: some event statements and labels
	var remove []quad.Quad
	for i, q := range seeds {
		if p := string(q.Predicate.(quad.IRI)); (p == PropActor || p == PropSource || p == RDFSLabel || p == PropDate) && i%3 == 0 {
			remove = append(remove, q)
		}
	}
	for _, backend := range []string{"bolt", "memory"} {
		t.Run(backend, func(t *testing.T) {
			spec := "memory"
			if backend == "bolt" {
				spec = filepath.Join(t.TempDir(), "db")
			}
			st, err := Open(spec)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if backend == "memory" {
				dumpIndex(t, st) // build the memory index now, so writes keep it
			}
			for i := 0; i < len(all); {
				n := min(1+rng.Intn(400), len(all)-i)
				if err := st.Add(all[i : i+n]); err != nil {
					t.Fatal(err)
				}
				i += n
			}
			for _, q := range remove {
				if err := st.qw.RemoveQuad(q); err != nil {
					t.Fatal(err)
				}
			}
			kept := dumpIndex(t, st)

			// from scratch: the same quads in a new store, or re-indexed
			var fresh map[string]string
			if backend == "bolt" {
				ks := st.qs.(*kvStore)
				if err := reindexBolt(ctx, ks.db.(*boltkv.DB), ks.QuadStore); err != nil {
					t.Fatal(err)
				}
				fresh = dumpIndex(t, st)
			} else {
				st.index.(*memIndex).db = nil // rebuilt from the store on the next read
				fresh = dumpIndex(t, st)
			}
			diffIndex(t, "kept up to date vs rebuilt", kept, fresh)

			// and it counts what the quads say
			var events, reports int64
			err = st.ReadIndex(ctx, func(r *IndexReader) error {
				events, _ = r.Count(KindType, iriTerm(ClassEvent))
				reports, _ = r.Count(KindType, iriTerm(ClassReport))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			rs, err := st.Query(ctx, `g.Emit([events().Count(), g.V("kg:Report").In("rdf:type").Count()])`, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fmt.Sprint([]int64{events, reports}), fmt.Sprint(rs[0]["result"]); got != want {
				t.Errorf("index counts events, reports %s; Gizmo %s", got, want)
			}
		})
	}
}

// Writes that fail leave the index as it was: it changes in the
// transaction of the quads, or not at all.
func TestIndexAtomicWithQuads(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Add(stFixture()); err != nil {
		t.Fatal(err)
	}
	before := dumpIndex(t, st)
	// removing a quad that is not there, without IgnoreMissing, fails
	bad := []cgraph.Delta{
		{Quad: quad.Quad{Subject: stE1, Predicate: quad.IRI(PropActor), Object: stB}, Action: cgraph.Add},
		{Quad: quad.Quad{Subject: stE1, Predicate: quad.IRI(PropTarget), Object: stA}, Action: cgraph.Delete},
	}
	if err := st.qs.ApplyDeltas(bad, cgraph.IgnoreOpts{}); err == nil {
		t.Fatal("ApplyDeltas with a missing quad to delete succeeded")
	}
	diffIndex(t, "after a failed write", dumpIndex(t, st), before)
}

// A query cut by its limit leaves no bolt transaction behind: closing the
// store right after it returns (as kg query does) must not hang. Gizmo
// closes its iterators in its own goroutine, after the last result.
func TestQueryLimitThenClose(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add(articleQuads(t, filepath.Join("..", "..", "corpus"), Run{Version: "test"})); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for i := 0; i < 20; i++ {
		done := make(chan error, 1)
		go func() {
			st, err := OpenReadOnly(dir)
			if err != nil {
				done <- err
				return
			}
			rs, err := st.Query(context.Background(), `g.V(actor("Donald_Trump")).In("kg:actor").Tag("e").Out("kg:target").Tag("t").All()`, 2)
			if err == nil && len(rs) != 2 {
				err = fmt.Errorf("%d results, want 2", len(rs))
			}
			if cerr := st.Close(); err == nil {
				err = cerr
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("Query with a limit, then Close, hangs")
		}
	}
}

// Fold's shortcut for ASCII names gives what the full fold gives.
func TestFoldASCII(t *testing.T) {
	slow := func(s string) string { return foldUnicode(strings.TrimSpace(s)) } // Fold before its shortcut
	rng := rand.New(rand.NewSource(1))
	alphabet := "aZ _\t\n\r\v\f\x1c.'-é’"
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			r := []rune(alphabet)
			b.WriteRune(r[rng.Intn(len(r))])
		}
		s := b.String()
		if got, want := Fold(s), slow(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Vladimir Putin", "vladimir putin", "putin", "Côte d’Ivoire", "a  b", " x ", "United_States"} {
		if got, want := Fold(s), slow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}
