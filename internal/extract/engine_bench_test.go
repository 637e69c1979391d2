package extract

import (
	"testing"
)

// BenchmarkExtract runs the whole extractor (sentences, actors, references,
// rules, dates) over the first 5,000 articles of news.jsonl on one core and
// reports sentences/s and MB/s: the target is ≥ 5,000 sentences/s
// per core.
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
	for b.Loop() {
		for _, a := range arts {
			events += len(x.Extract(a))
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
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
