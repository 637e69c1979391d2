package graph_test

// Store writing speed on a news graph at the density extraction is heading
// to (internal/benchdata: real articles, made-up events):
//
//	KG_BENCH_ARTICLES=10000 KG_BENCH_DENSITY=2 go test ./internal/graph -run '^$' -bench StoreAdd -benchtime 3x
//
// The quads go to a new store as kg build sends them: in input order, each
// shared quad once, in transactions of 20,000, then the source counts of
// merged events. The benchmark reports quads/s and the CPU time per quad.

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"golang.org/x/sys/unix"

	"kg/internal/benchdata"
	"kg/internal/extract"
	"kg/internal/graph"
)

type storeBench struct {
	quads  []quad.Quad
	merged []quad.IRI
}

var (
	storeBenchOnce sync.Once
	storeBenchData storeBench
	storeBenchErr  error
)

func storeBenchQuads(b *testing.B) storeBench {
	opt := benchdata.ForBenchmark(b)
	storeBenchOnce.Do(func() {
		d := &storeBenchData
		d.quads = opt.Run.Quads()
		seen := graph.NewQuadSet()
		merged := map[quad.IRI]bool{}
		storeBenchErr = benchdata.Each(opt, func(a *extract.Article, events []extract.Event) error {
			own, shared, m := graph.ArticleQuads(a, events, opt.Run)
			d.quads = append(append(d.quads, own...), seen.Filter(shared)...)
			for _, ev := range m {
				if !merged[ev] {
					merged[ev] = true
					d.merged = append(d.merged, ev)
				}
			}
			return nil
		})
	})
	if storeBenchErr != nil {
		b.Fatal(storeBenchErr)
	}
	return storeBenchData
}

func BenchmarkStoreAdd(b *testing.B) {
	d := storeBenchQuads(b)
	txSize := 20000
	if s := os.Getenv("KG_BENCH_TX"); s != "" {
		txSize, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	for _, backend := range []string{"bolt", "memory"} {
		b.Run(backend, func(b *testing.B) {
			var cpu, tcpu time.Duration
			for b.Loop() {
				b.StopTimer()
				spec := "memory"
				if backend == "bolt" {
					spec = filepath.Join(b.TempDir(), "db")
				}
				st, err := graph.OpenToGrow(spec, int64(len(d.quads))*700) // as kg build opens it: no remaps
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c := benchdata.ProcessCPU()
				runtime.LockOSThread()
				tc := threadCPU()
				for i := 0; i < len(d.quads); i += txSize {
					if err := st.Add(d.quads[i:min(i+txSize, len(d.quads))]); err != nil {
						b.Fatal(err)
					}
				}
				if err := st.UpdateSourceCounts(ctx, d.merged); err != nil {
					b.Fatal(err)
				}
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				tcpu += threadCPU() - tc
				runtime.UnlockOSThread()
				cpu += benchdata.ProcessCPU() - c
			}
			n := float64(len(d.quads)) * float64(b.N)
			b.ReportMetric(n/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/quad")
			b.ReportMetric(float64(tcpu.Nanoseconds())/n, "thread-cpu-ns/quad")
			b.ReportMetric(float64(len(d.quads)), "quads")
		})
	}
}

// threadCPU is the CPU time of the calling thread (lock it): the writing
// itself, without the garbage collector's background work or other
// programs' interference, which the process's CPU time would include.
func threadCPU() time.Duration {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
	return time.Duration(ts.Nano())
}
