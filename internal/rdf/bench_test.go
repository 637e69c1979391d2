package rdf_test

// Writing speed against serdi, on a news graph at the density extraction is
// heading to (internal/benchdata: real articles, made-up events):
//
//	KG_BENCH_ARTICLES=10000 KG_BENCH_DENSITY=2 go test ./internal/rdf -run '^$' -bench Write -benchtime 5x
//
// (benchdata.FromEnv: the corpus is ../shared/corpora/news.jsonl unless
// KG_BENCH_CORPUS says otherwise.)
// Each iteration runs kg's writer and serdi on the same triples, one after
// the other, so both see the same machine load; the benchmark reports both
// wall times and their ratio (kg/serdi, the target is ≤ 1), and the ratio
// of CPU times (kg/serdi-cpu), which other work on the machine disturbs
// less. kg streams the graph
// article by article as kg build does (StreamWriter, each article's own and
// shared quads); serdi reads the same statements as N-Triples (N-Quads for
// N-Quads) from a file and writes them to /dev/null.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/benchdata"
	"kg/internal/extract"
	"kg/internal/graph"
	"kg/internal/rdf"
)

// benchGraph is a graph as kg build streams it: one batch per article,
// each shared quad in the first batch that has it.
type benchGraph struct {
	batches [][2][]quad.Quad // own, shared
	quads   []quad.Quad      // all of them, in order
}

var (
	benchOnce sync.Once
	bench     *benchGraph
	benchErr  error
)

func benchData(b *testing.B) *benchGraph {
	opt := benchdata.ForBenchmark(b)
	benchOnce.Do(func() {
		g := &benchGraph{}
		g.batches = append(g.batches, [2][]quad.Quad{nil, opt.Run.Quads()})
		seen := graph.NewQuadSet() // as kg build, which hands on each shared quad once
		benchErr = benchdata.Each(opt, func(a *extract.Article, events []extract.Event) error {
			own, shared, _ := graph.ArticleQuads(a, events, opt.Run)
			g.batches = append(g.batches, [2][]quad.Quad{own, seen.Filter(shared)})
			return nil
		})
		for _, bt := range g.batches {
			g.quads = append(append(g.quads, bt[0]...), bt[1]...)
		}
		bench = g
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return bench
}

// stream writes g in format f as kg build does.
func (g *benchGraph) stream(w *bytes.Buffer, f rdf.Format) (int, error) {
	sw, err := rdf.NewStreamWriter(w, f, graph.Prefixes)
	if err != nil {
		return 0, err
	}
	for _, bt := range g.batches {
		if err := sw.Write(bt[0], bt[1]); err != nil {
			return 0, err
		}
	}
	return sw.Written(), sw.Close()
}

// BenchmarkWrite compares each streamable format with serdi writing the
// same format (Turtle: serdi converts N-Triples to Turtle, as in issue #16;
// N-Triples and N-Quads: serdi re-serializes the file).
func BenchmarkWrite(b *testing.B) {
	g := benchData(b)
	serdi, err := exec.LookPath("serdi")
	if err != nil {
		b.Skip("serdi not installed (apt-get install serdi): no side-by-side figure")
	}
	dir := b.TempDir()
	for _, c := range []struct {
		name   string
		format rdf.Format
		in     rdf.Format // serdi's input
	}{
		{"turtle", rdf.Turtle, rdf.NTriples},
		{"ntriples", rdf.NTriples, rdf.NTriples},
		{"nquads", rdf.NQuads, rdf.NQuads},
	} {
		// serdi's input: the statements kg writes, in kg's canonical form.
		var in bytes.Buffer
		if _, err := g.stream(&in, c.in); err != nil {
			b.Fatal(err)
		}
		inFile := filepath.Join(dir, c.name+".in")
		if err := os.WriteFile(inFile, in.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		serdiIn, serdiOut := map[rdf.Format]string{rdf.NTriples: "ntriples", rdf.NQuads: "nquads"}[c.in],
			map[rdf.Format]string{rdf.Turtle: "turtle", rdf.NTriples: "ntriples", rdf.NQuads: "nquads"}[c.format]
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			var kgTime, serdiTime, kgCPU, serdiCPU time.Duration
			var n int
			for b.Loop() {
				out.Reset()
				runtime.GC() // the setup's garbage is not the writer's (serdi starts clean too)
				t, cpu := time.Now(), benchdata.ProcessCPU()
				n, err = g.stream(&out, c.format)
				if err != nil {
					b.Fatal(err)
				}
				kgTime += time.Since(t)
				kgCPU += benchdata.ProcessCPU() - cpu
				t = time.Now()
				used, err := runSerdi(serdi, serdiIn, serdiOut, inFile)
				if err != nil {
					b.Fatal(err)
				}
				serdiTime += time.Since(t)
				serdiCPU += used
			}
			runs := float64(b.N)
			b.SetBytes(int64(out.Len()))
			b.ReportMetric(float64(n), "triples")
			b.ReportMetric(kgTime.Seconds()*1e3/runs, "kg-ms")
			b.ReportMetric(serdiTime.Seconds()*1e3/runs, "serdi-ms")
			b.ReportMetric(kgTime.Seconds()/serdiTime.Seconds(), "kg/serdi")
			b.ReportMetric(kgCPU.Seconds()/serdiCPU.Seconds(), "kg/serdi-cpu")
			b.ReportMetric(float64(n)*runs/kgTime.Seconds(), "triples/s")
		})
	}
}

// runSerdi converts in (syntax from) to syntax to, writing to /dev/null
// directly (a pipe back to Go would slow serdi down), and returns the CPU
// time it used.
func runSerdi(serdi, from, to, in string) (time.Duration, error) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer null.Close()
	cmd := exec.Command(serdi, "-i", from, "-o", to, in)
	cmd.Stdout = null
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("serdi: %v: %s", err, stderr.Bytes())
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}
