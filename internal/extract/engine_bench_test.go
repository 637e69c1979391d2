package extract

import (
	"syscall"
	"testing"
	"time"

	"kg/internal/testenv"
)

// processCPU is the CPU time this process has used: the machine may be
// busy with other work, and CPU time is what the per-core target is about.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract runs the whole extractor (sentences, structure, actors,
// references, frames, dates) over the first 5,000 articles of news.jsonl
// on one goroutine and reports sentences per second of wall time and per
// second of CPU time (GC included): the target is ≥ 5,000
// sentences/s per core.
func BenchmarkExtract(b *testing.B) {
	arts := readNews(b, 5000)
	x := extractor(b)
	sentences, bytes := 0, 0
	for _, a := range arts {
		sentences += len(Sentences(a))
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	events := 0
	cpu0 := processCPU()
	for b.Loop() {
		for _, a := range arts {
			events += len(x.Extract(a))
		}
	}
	cpu := processCPU() - cpu0
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkLoadRules measures start-up: reading and compiling the built-in
// dictionary and rules.
func BenchmarkLoadRules(b *testing.B) {
	for b.Loop() {
		if _, err := NewExtractor(BuiltinRules()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseNews parses the sentences of real news (the first 300 articles
// of news.jsonl, when it is beside the repository; 1,000 with
// KG_LONG_TESTS=1): no sentence may make the structure or the frames panic.
func TestParseNews(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	n := 300
	if testenv.IsLong() {
		n = 1000
	}
	arts := readNews(t, n)
	x := extractor(t)
	for _, a := range arts {
		x.Extract(a)
	}
}
