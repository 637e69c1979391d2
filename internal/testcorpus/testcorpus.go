// Package testcorpus makes corpora of any size from the five seed
// articles in corpus/, for tests that need more articles than the seeds
// (an interrupted build, a slow one).
package testcorpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Seeds writes n JSONL articles, the seed texts in turn, each with its own
// id (art-0000, art-0001, ...), into a temporary file and returns its path.
func Seeds(t testing.TB, n int) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	seeds, _ := filepath.Glob(filepath.Join(filepath.Dir(here), "..", "..", "corpus", "*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no seed articles in corpus/")
	}
	texts := make([]string, len(seeds))
	for i, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := 0; i < n; i++ {
		enc.Encode(map[string]string{"id": fmt.Sprintf("art-%04d", i), "outlet": "Test Wire",
			"date": "2017-05-04", "title": "Test article", "text": texts[i%len(texts)]})
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
