package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// shared returns the path of a file of the project's shared material
// (../shared beside the repository, or $KG_SHARED): corpora under a
// research licence and peers' data, read at test time and never copied
// into the repository.
func shared(rel string) string {
	dir := "../../../shared"
	if d := os.Getenv("KG_SHARED"); d != "" {
		dir = d
	}
	return filepath.Join(dir, rel)
}

var (
	sentenceEnd = regexp.MustCompile(`([.?!]["”’']?)\s+(["“‘]?[A-Z])`)
	spaces      = regexp.MustCompile(`\s+`)
)

// newsSentences returns up to n sentences from the news corpus, taking
// articles spread over the whole file, or skips the test when the corpus
// is absent. The split is a rough one (a dot, space and a capital), good
// enough for test input: the tokenizer and tagger see whatever it gives.
func newsSentences(tb testing.TB, n int) []string {
	tb.Helper()
	path := shared("corpora/news.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("news corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []string
	for line := 0; sc.Scan() && len(out) < n; line++ {
		if line%7 != 0 { // every 7th article: all sources, not just the first
			continue
		}
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("%s:%d: %v", path, line+1, err)
		}
		text := spaces.ReplaceAllString(a.Text, " ")
		text = sentenceEnd.ReplaceAllString(text, "$1\n$2")
		for s := range strings.SplitSeq(text, "\n") {
			if s = strings.TrimSpace(s); len(s) > 20 && len(out) < n {
				out = append(out, s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
