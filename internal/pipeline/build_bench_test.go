package pipeline_test

// The build without extraction, at the density extraction is heading to:
//
//	KG_BENCH_ARTICLES=31596 KG_BENCH_DENSITY=2 go test ./internal/pipeline -run '^$' -bench BuildStages -benchtime 1x
//
// Articles are read from the corpus as kg build reads them; their events
// are made up (internal/benchdata) instead of extracted; everything after
// is kg build's: mapping, the bolt store (with the query index), the
// Turtle file. The benchmark reports each stage's time and the process's
// CPU time per article, and from that, the speed extraction needs for the
// whole corpus to build in 20 s on two cores: the CPU time left for it
// (2 × 20 s minus what the rest takes) over the corpus's sentences.

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"kg/internal/benchdata"
	"kg/internal/graph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
)

// corpusArticles is the size of ../shared/corpora/news.jsonl.
const corpusArticles = 31596

func BenchmarkBuildStages(b *testing.B) {
	opt := benchdata.ForBenchmark(b)
	gen, err := benchdata.NewGenerator(opt.Density)
	if err != nil {
		b.Fatal(err)
	}
	input := filepath.Join(b.TempDir(), "articles.jsonl")
	if err := benchdata.WriteArticles(opt, input); err != nil {
		b.Fatal(err)
	}
	batchSize, _ := strconv.Atoi(os.Getenv("KG_BENCH_BATCH")) // quads per store transaction (0: the default)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		st, err := graph.OpenToGrow(filepath.Join(dir, "db"), 40*fileSize(b, input)) // as kg build opens it
		if err != nil {
			b.Fatal(err)
		}
		var res *pipeline.BuildResult
		var out *pipeline.RDFOutput
		b.StartTimer()
		start, cpu := time.Now(), benchdata.ProcessCPU()
		err = rdf.WriteFileAtomic(filepath.Join(dir, "g.ttl"), func(w io.Writer) error {
			if out, err = pipeline.NewRDFOutput(w, rdf.Turtle, graph.Prefixes); err != nil {
				return err
			}
			res, err = pipeline.Build(context.Background(), pipeline.BuildOptions{
				Inputs: []string{input}, Store: st, Output: out, Run: opt.Run, Events: gen.Events, BatchSize: batchSize,
			})
			if err != nil {
				return err
			}
			return out.Close()
		})
		if err == nil {
			err = st.Close()
		}
		if err != nil {
			b.Fatal(err)
		}
		wall, used := time.Since(start), benchdata.ProcessCPU()-cpu
		b.StopTimer()
		n := float64(res.Articles)
		b.ReportMetric(float64(res.Events), "events")
		b.ReportMetric(float64(res.Unique), "quads")
		b.ReportMetric(res.ReadTime.Seconds(), "read-s")
		b.ReportMetric(res.MapTime.Seconds(), "map-core-s")
		b.ReportMetric(res.StoreTime.Seconds(), "store-s")
		b.ReportMetric(out.Took().Seconds(), "write-s")
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(used.Seconds()/n*1e6, "cpu-µs/article")
		// The whole corpus in 20 s on 2 cores leaves 40 core-s minus what
		// the rest of the build takes for extracting its sentences.
		left := 40 - used.Seconds()/n*corpusArticles
		perArticle := float64(res.Sentences) / n
		b.ReportMetric(perArticle*corpusArticles/left, "extract-needs-sentences/s/core")
		b.StartTimer()
	}
}

func fileSize(b *testing.B, path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}
