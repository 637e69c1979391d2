package pipeline_test

// kg load against Jena's tdbloader, on the same N-Quads file, in the same
// run:
//
//	KG_BENCH_NQ=news.nq go test ./internal/pipeline -run '^$' -bench LoadVsTDB -benchtime 1x
//
// KG_BENCH_NQ names the file (kg export --store news.db -o news.nq makes
// the corpus export); without it the benchmark writes one at the density
// extraction is heading to (internal/benchdata: KG_BENCH_ARTICLES articles,
// KG_BENCH_DENSITY events each). Each iteration loads the file into a new
// bolt store with pipeline.Load (what kg load runs) and into a new TDB2
// database with ../shared/tools/jena tdbloader, and reports both wall
// times, their ratio (kg/tdbloader, the target is ≤ 1) and the ratio of CPU
// times.

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"kg/internal/benchdata"
	"kg/internal/extract"
	"kg/internal/graph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
)

func BenchmarkLoadVsTDB(b *testing.B) {
	jena, ok := benchdata.Shared(filepath.Join("tools", "jena"))
	if !ok {
		b.Skip("no ../shared/tools/jena")
	}
	nq := os.Getenv("KG_BENCH_NQ")
	if nq == "" {
		nq = denseNQuads(b)
	}
	fi, err := os.Stat(nq)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	var kgTime, tdbTime, kgCPU, tdbCPU time.Duration
	var n int
	for b.Loop() {
		dir := b.TempDir()
		st, err := graph.OpenToGrow(filepath.Join(dir, "db"), 8*fi.Size()) // as kg load opens it
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		start, cpu := time.Now(), benchdata.ProcessCPU()
		stats, err := pipeline.Load(context.Background(), pipeline.LoadOptions{Store: st, Format: rdf.NQuads}, nq)
		if err == nil {
			err = st.Close()
		}
		if err != nil {
			b.Fatal(err)
		}
		kgTime += time.Since(start)
		kgCPU += benchdata.ProcessCPU() - cpu
		n = stats.Statements

		start = time.Now()
		cmd := exec.Command(jena, "tdbloader", "--loc", filepath.Join(dir, "tdb"), nq)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			b.Fatalf("tdbloader: %v\n%s", err, out.Bytes())
		}
		tdbTime += time.Since(start)
		tdbCPU += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	runs := float64(b.N)
	b.ReportMetric(float64(n), "quads")
	b.ReportMetric(kgTime.Seconds()/runs, "kg-s")
	b.ReportMetric(tdbTime.Seconds()/runs, "tdbloader-s")
	b.ReportMetric(kgTime.Seconds()/tdbTime.Seconds(), "kg/tdbloader")
	b.ReportMetric(kgCPU.Seconds()/tdbCPU.Seconds(), "kg/tdbloader-cpu")
	b.ReportMetric(float64(n)*runs/kgTime.Seconds(), "quads/s")
}

// denseNQuads writes the graph kg build would make of the benchmark's
// articles with made-up events, as N-Quads.
func denseNQuads(b *testing.B) string {
	opt := benchdata.ForBenchmark(b)
	path := filepath.Join(b.TempDir(), "dense.nq")
	err := rdf.WriteFileAtomic(path, func(w io.Writer) error {
		sw, err := rdf.NewStreamWriter(w, rdf.NQuads, nil)
		if err != nil {
			return err
		}
		if err := sw.Write(nil, opt.Run.Quads()); err != nil {
			return err
		}
		seen := graph.NewQuadSet()
		err = benchdata.Each(opt, func(a *extract.Article, events []extract.Event) error {
			own, shared, _ := graph.ArticleQuads(a, events, opt.Run)
			return sw.Write(own, seen.Filter(shared))
		})
		if err != nil {
			return err
		}
		return sw.Close()
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}
