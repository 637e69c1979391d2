package graph

// Gizmo latency per backend on a graph built from real news:
//
//	go test ./internal/graph/ -run '^$' -bench Gizmo -benchtime 20x
//	KG_BENCH_ARTICLES=10000 KG_TEST_POSTGRES=$(bash .ci/postgres.sh) go test ...
//
// The graph is built from the first KG_BENCH_ARTICLES (default 2000)
// articles of ../shared/corpora/news.jsonl (KG_BENCH_CORPUS overrides the
// path; the benchmark is skipped without it), with the built-in rules, into
// each backend once per run, outside the timer.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// benchQueries are the queries the documentation shows, in their shapes.
var benchQueries = []struct{ name, query string }{
	// one In() hop from a well-connected actor
	{"InHop", `g.V("actor:United_States").In("kg:actor").Count()`},
	// events under a CAMEO root (04 Consult): the root and its children
	{"CameoRoot", `g.V("cameo:04").Or(g.V("cameo:04").In("skos:broader")).In("kg:action").Count()`},
	// dyads: actor → event → target, tagged, two hops
	{"Dyad2Hop", `g.V("actor:United_States").In("kg:actor").Tag("event").Out("kg:target").Tag("target").All()`},
	// all events with their date: a scan-shaped query
	{"AllEventDates", `g.V("kg:Event").In("rdf:type").Out("kg:date").Count()`},
}

func benchCorpus(b *testing.B) (path string, n int) {
	path = os.Getenv("KG_BENCH_CORPUS")
	if path == "" {
		path = filepath.Join("..", "..", "..", "shared", "corpora", "news.jsonl")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no corpus (%v); set KG_BENCH_CORPUS to a .jsonl file of articles", err)
	}
	n = 2000
	if s := os.Getenv("KG_BENCH_ARTICLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("KG_BENCH_ARTICLES=%q: want a positive number", s)
		}
		n = v
	}
	return path, n
}

// firstLines copies the first n lines of src into a file in dir.
func firstLines(b *testing.B, src, dir string, n int) string {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	dst := filepath.Join(dir, "articles.jsonl")
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	w := bufio.NewWriter(out)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return dst
}

func BenchmarkGizmo(b *testing.B) {
	corpus, n := benchCorpus(b)
	// The parent of sub-benchmarks runs once: what is built here is built
	// once per backend and shared by the queries.
	input := firstLines(b, corpus, b.TempDir(), n)
	quads := articleQuads(b, input, benchRun)
	articles, events := 0, 0
	for _, q := range quads {
		switch {
		case q.Predicate == quad.IRI(RDFType) && q.Object == quad.IRI(ClassArticle):
			articles++
		case q.Predicate == quad.IRI(RDFType) && q.Object == quad.IRI(ClassReport):
			events++
		}
	}
	backends := []struct{ name, spec string }{
		{"bolt", filepath.Join(b.TempDir(), "db")},
		{"memory", "memory"},
	}
	if pg := os.Getenv("KG_TEST_POSTGRES"); pg != "" {
		backends = append(backends, struct{ name, spec string }{"postgres", pgSchemaURL(b, pg)})
	} else {
		b.Log("postgres: skipped (KG_TEST_POSTGRES not set)")
	}
	ctx := context.Background()
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			st, err := Open(be.spec)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			start := time.Now()
			if err := loadQuads(ctx, st, quads); err != nil {
				b.Fatal(err)
			}
			// (logged by the queries: a parent benchmark's log is not shown)
			graph := fmt.Sprintf("%d articles, %d events, %d quads, built in %v",
				articles, events, st.Size(), time.Since(start).Round(time.Millisecond))
			for _, q := range benchQueries {
				b.Run(q.name, func(b *testing.B) {
					rs, err := st.Query(ctx, q.query, 0) // warm up, and show the answer
					if err != nil {
						b.Fatal(err)
					}
					if b.N == 1 { // the first of the runs the framework makes
						b.Logf("%s → %s (%s)", q.name, benchSummary(rs), graph)
					}
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						if _, err := st.Query(ctx, q.query, 0); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// loadQuads adds quads to the store in transactions of 20,000 and sets
// kg:sourceCount of the events several articles may report (those without
// one), as kg build does.
func loadQuads(ctx context.Context, st *Store, quads []quad.Quad) error {
	for i := 0; i < len(quads); i += 20000 {
		if err := st.Add(quads[i:min(i+20000, len(quads))]); err != nil {
			return err
		}
	}
	counted := map[quad.Value]bool{}
	for _, q := range quads {
		if q.Predicate == quad.IRI(PropSourceCount) {
			counted[q.Subject] = true
		}
	}
	var events []quad.IRI
	for _, q := range quads {
		if ev, ok := q.Subject.(quad.IRI); ok && q.Predicate == quad.IRI(RDFType) && q.Object == quad.IRI(ClassEvent) && !counted[ev] {
			counted[ev] = true
			events = append(events, ev)
		}
	}
	return st.UpdateSourceCounts(ctx, events)
}

func benchSummary(rs []Result) string {
	if len(rs) == 1 {
		if v, ok := rs[0]["result"]; ok {
			return fmt.Sprint(v)
		}
	}
	return fmt.Sprintf("%d rows", len(rs))
}
