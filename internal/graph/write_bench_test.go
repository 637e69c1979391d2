package graph

// Store throughput per backend on a graph built from real news (the
// writers against serdi: internal/rdf BenchmarkWrite; bolt at full
// density: BenchmarkStoreAdd):
//
//	go test ./internal/graph/ -run '^$' -bench StoreLoad -benchtime 3x

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
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

// builtinRules compiles the built-in rules once per test binary (it takes
// ~0.4 s; an Extractor is read-only once made).
var builtinRules = sync.OnceValues(func() (*extract.Extractor, error) {
	return extract.NewExtractor(extract.BuiltinRules())
})

// articleQuads extracts the events of the articles in path with the
// built-in rules and maps them to quads, on one core.
func articleQuads(b testing.TB, path string, run Run) []quad.Quad {
	x, err := builtinRules()
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
