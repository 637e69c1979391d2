package graph

// Writing and loading throughput on a graph built from real news:
//
//	go test ./internal/graph/ -run '^$' -bench 'Write|Load' -benchtime 3x
//
// BenchmarkWriteTurtle reports kg's Turtle writer and serdi converting the
// same triples (N-Triples → Turtle) side by side, and their ratio: the
// target is kg ≤ 1.5 × serdi. BenchmarkStoreLoad reports quads/s per backend.

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
	"kg/internal/rdf"
)

var (
	benchQuadsOnce sync.Once
	benchQuads     []quad.Quad
)

// newsQuads maps the first KG_BENCH_ARTICLES articles to quads once: what a
// build stores, less the source counts of merged events. (kg build runs
// the same steps on several cores: internal/pipeline.)
func newsQuads(b *testing.B) []quad.Quad {
	path, n := benchCorpus(b)
	benchQuadsOnce.Do(func() {
		src := firstLines(b, path, b.TempDir(), n)
		benchQuads = articleQuads(b, src, benchRun)
	})
	return benchQuads
}

var benchRun = Run{Version: "bench", Rules: "builtin", Time: time.Unix(0, 0).UTC()}

// articleQuads extracts the events of the articles in path with the
// built-in rules and maps them to quads, on one core.
func articleQuads(b testing.TB, path string, run Run) []quad.Quad {
	x, err := extract.NewExtractor(extract.BuiltinRules())
	if err != nil {
		b.Fatal(err)
	}
	out := run.Quads()
	err = extract.ReadPath(path, extract.ReadOptions{}, func(a *extract.Article) error {
		own, shared, _ := ArticleQuads(a, x.Extract(a), run)
		out = append(append(out, own...), shared...)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

func BenchmarkWriteTurtle(b *testing.B) {
	quads := newsQuads(b)
	nt := filepath.Join(b.TempDir(), "g.nt")
	f, err := os.Create(nt)
	if err != nil {
		b.Fatal(err)
	}
	if err := rdf.WriteNTriples(f, quads); err != nil {
		b.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(nt)
	b.SetBytes(fi.Size())
	b.Run("kg-batch", func(b *testing.B) {
		for b.Loop() {
			if err := rdf.WriteTurtle(io.Discard, quads, Prefixes); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(quads))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	})
	b.Run("kg-stream", func(b *testing.B) {
		for b.Loop() {
			sw, _ := rdf.NewStreamWriter(io.Discard, rdf.Turtle, Prefixes)
			if err := sw.Write(nil, quads); err != nil {
				b.Fatal(err)
			}
			sw.Close()
		}
		b.ReportMetric(float64(len(quads))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	})
	serdi, err := exec.LookPath("serdi")
	if err != nil {
		b.Log("serdi not installed (apt-get install serdi): no side-by-side figure")
		return
	}
	b.Run("serdi", func(b *testing.B) {
		for b.Loop() {
			cmd := exec.Command(serdi, "-i", "ntriples", "-o", "turtle", nt)
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(quads))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	})
}

func BenchmarkStoreLoad(b *testing.B) {
	quads := newsQuads(b)
	backends := map[string]func(b *testing.B) string{
		"bolt":   func(b *testing.B) string { return filepath.Join(b.TempDir(), "db") },
		"memory": func(*testing.B) string { return "memory" },
	}
	if pg := os.Getenv("KG_TEST_POSTGRES"); pg != "" {
		backends["postgres"] = func(b *testing.B) string { return pg }
	}
	for _, name := range []string{"bolt", "memory", "postgres"} {
		spec, ok := backends[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st, err := Open(spec(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for i := 0; i < len(quads); i += 20000 {
					if err := st.Add(quads[i:min(i+20000, len(quads))]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(quads))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
