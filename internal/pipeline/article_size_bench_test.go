package pipeline

// An article's cost must grow linearly with its size (issue #15.4: graph's
// runeOffset counted runes from the start of the text for every event, so a
// 1 MB single-line article full of events took 6 s, 4 MB 77 s, 8 MB 294 s).
//
//	go test ./internal/pipeline -run '^$' -bench ArticleSize -benchtime 1x
//
// reports, per size, the time per MB of text ("s/MB") for one article made
// of the seed articles' bodies repeated until it has the size, extracted
// and mapped to quads as kg build does. Flat s/MB across 1, 4 and 16 MB is
// linear cost.

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"kg/internal/extract"
	"kg/internal/graph"
)

// denseArticle is one article of about size bytes, of real news text dense
// in events: the seed articles' bodies, in turn, until the size is reached.
func denseArticle(tb testing.TB, size int) *extract.Article {
	tb.Helper()
	_, here, _, _ := runtime.Caller(0)
	seeds, _ := filepath.Glob(filepath.Join(filepath.Dir(here), "..", "..", "corpus", "*.txt"))
	if len(seeds) == 0 {
		tb.Fatal("no seed articles in corpus/")
	}
	var bodies []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			tb.Fatal(err)
		}
		a := extract.ParseArticle("seed", s, 0, string(b))
		for _, sp := range a.Body { // the prose, without the page around it
			bodies = append(bodies, a.Text[sp.Start:sp.End])
		}
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(bodies[i%len(bodies)])
		sb.WriteString("\n\n")
	}
	return extract.ParseArticle("dense", "dense.txt", 0, sb.String())
}

func BenchmarkArticleSize(b *testing.B) {
	x, digest, err := LoadRules("")
	if err != nil {
		b.Fatal(err)
	}
	run := graph.Run{Version: "bench", Rules: digest, Time: time.Unix(1500000000, 0).UTC()}
	for _, mb := range []int{1, 4, 16} {
		a := denseArticle(b, mb<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			var events, quads int
			for b.Loop() {
				evs := x.Extract(a)
				own, shared, _ := graph.ArticleQuads(a, evs, run)
				events, quads = len(evs), len(own)+len(shared)
			}
			mbs := float64(len(a.Text)) / (1 << 20)
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mbs, "s/MB")
			b.ReportMetric(float64(events)/mbs, "events/MB")
			b.ReportMetric(float64(quads)/mbs, "quads/MB")
		})
	}
}
