package explore

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kg/internal/graph"
	"kg/internal/pipeline"
)

// seedStore builds the five seed articles of corpus/ into a memory store
// with the built-in rules, as `kg build corpus --store memory` would, or
// opens the bolt store KG_EXPLORER_STORE names (e.g. the whole corpus,
// built by kg build ../shared/corpora/news.jsonl --store DIR).
func seedStore(tb testing.TB) *graph.Store {
	tb.Helper()
	if dir := os.Getenv("KG_EXPLORER_STORE"); dir != "" {
		st, err := graph.Open(dir)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { st.Close() })
		return st
	}
	return buildStore(tb, "memory", filepath.Join("..", "..", "corpus"))
}

// buildStore builds the articles at input into a new store (a spec as for
// graph.Open) with the built-in rules, as kg build does.
func buildStore(tb testing.TB, spec, input string) *graph.Store {
	tb.Helper()
	st, err := graph.Open(spec)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	x, _, err := pipeline.LoadRules("") // compiled once per test binary
	if err != nil {
		tb.Fatal(err)
	}
	_, err = pipeline.Build(context.Background(), pipeline.BuildOptions{
		Inputs: []string{input}, Extractor: x, Store: st,
		Run: graph.Run{Version: "test", Rules: "builtin", Time: time.Unix(0, 0)},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// serveExplorer starts kg serve's handler (Cayley's API and the explorer,
// read-only) on 127.0.0.1:0 and returns its base URL.
func serveExplorer(tb testing.TB, st *graph.Store) string {
	tb.Helper()
	h := st.HTTPHandler(graph.ServeOptions{Timeout: 10 * time.Second, Limit: 1000, Explorer: Handler(NewStoreSource(st))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- graph.Serve(ctx, ln, h, 5*time.Second) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && err != http.ErrServerClosed {
			tb.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}
