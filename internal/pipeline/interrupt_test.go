package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kg/internal/extract"
	"kg/internal/graph"
	"kg/internal/testcorpus"
)

// A build interrupted half-way leaves the store with the whole articles it
// read (each batch is one transaction, the last batch is stored too), and
// the same build run again completes it to what an uninterrupted build
// stores.
func TestInterruptedBuildResumes(t *testing.T) {
	corpus := testcorpus.Seeds(t, 24)
	x, digest, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	run := graph.Run{Version: "test", Rules: digest, Time: time.Unix(1500000000, 0).UTC()}
	batch := 0 // default
	build := func(ctx context.Context, st *graph.Store, progress func(BuildStats)) (*BuildResult, error) {
		return Build(ctx, BuildOptions{Inputs: []string{corpus}, Extractor: x, Store: st, Run: run,
			Jobs: 1, BatchSize: batch, Progress: progress})
	}
	clean := memoryStore(t)
	if _, err := build(context.Background(), clean, nil); err != nil {
		t.Fatal(err)
	}
	want := clean.Size()

	// One batch for the whole build: what is stored after the interruption
	// is the last batch.
	batch = 1 << 30
	st := memoryStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	res, err := build(ctx, st, func(s BuildStats) {
		if s.Articles == 6 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted build: %v, want context.Canceled", err)
	}
	partial := st.Size()
	// every article consumed is stored, the last batch included
	if n := storedArticles(t, st); n != res.Articles {
		t.Errorf("the store holds %d articles; the build had read %d", n, res.Articles)
	}
	if partial == 0 || partial >= want || res.Articles < 6 || res.Articles >= 24 {
		t.Errorf("interrupted after %d articles: store %d quads (complete: %d)", res.Articles, partial, want)
	}
	if _, err := build(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	if got := st.Size(); got != want {
		t.Errorf("resumed store has %d quads, an uninterrupted build %d", got, want)
	}
}

func memoryStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open("memory")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func storedArticles(t *testing.T, st *graph.Store) int {
	t.Helper()
	rs, err := st.Query(context.Background(), `g.V("kg:Article").In("rdf:type").Count()`, 0)
	if err != nil || len(rs) != 1 {
		t.Fatalf("counting articles: %v %v", rs, err)
	}
	var n int
	fmt.Sscan(fmt.Sprint(rs[0]["result"]), &n)
	return n
}

// Interrupting a build inside one large article returns at once (issue
// #15.4: SIGTERM was ignored until the article was done, minutes later).
func TestInterruptInsideAnArticle(t *testing.T) {
	a := denseArticle(t, 2<<20) // seconds of extraction
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(a.Text), 0o644); err != nil {
		t.Fatal(err)
	}
	x, digest, err := LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	run := graph.Run{Version: "test", Rules: digest, Time: time.Unix(1500000000, 0).UTC()}
	// Reading the article (finding its body) comes first and is not what
	// is interrupted here; the interruption comes once it is read.
	t0 := time.Now()
	extract.ParseArticle("big.txt", path, 0, a.Text)
	read := time.Since(t0)
	ctx, cancel := context.WithCancel(context.Background())
	wait := read + 500*time.Millisecond
	time.AfterFunc(wait, cancel)
	start := time.Now()
	res, err := Build(ctx, BuildOptions{Inputs: []string{path}, Extractor: x, Store: memoryStore(t), Run: run, Jobs: 1})
	took := time.Since(start)
	if !errors.Is(err, context.Canceled) || res.Articles != 0 {
		t.Fatalf("interrupted build: %d articles, err %v; want none and context.Canceled", res.Articles, err)
	}
	// extracting it takes seconds (minutes under -race)
	if took > wait+read+5*time.Second {
		t.Errorf("Build returned %v after the interruption (reading the article takes %v)", took-wait, read)
	}
}
