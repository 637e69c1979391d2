package nlp

import (
	"runtime"
	"testing"
)

// Benchmarks over real news sentences (../shared/corpora, or $KG_SHARED), each
// reporting tokens/s so that figures compare across steps:
//
//	go test ./internal/nlp -run '^$' -bench . -benchmem
//
// BenchmarkProseTag runs prose v1's tagger on the same tokens in the same
// run: the ratio of BenchmarkTag to it is the speed-up.

const benchSentences = 2000

func benchCorpus(b *testing.B) (sents []string, toks [][]Token, n int) {
	sents = newsSentences(b, benchSentences)
	for _, s := range sents {
		t := Tokenize(s)
		toks = append(toks, t)
		n += len(t)
	}
	return sents, toks, n
}

func reportTokens(b *testing.B, perOp int) {
	b.ReportMetric(float64(perOp)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(0, "ns/op") // one op is the whole set of sentences: tokens/s says more
}

// cpuClock measures the CPU time of the benchmark's own thread, which on a
// shared machine says more than wall time: a benchmark that waits for a
// core does not count the wait. (The garbage collector's background work
// on other threads is not counted either; allocs/op shows it.)
type cpuClock struct{ start float64 }

func startCPU(b *testing.B) *cpuClock {
	runtime.LockOSThread()
	b.Cleanup(runtime.UnlockOSThread)
	b.ResetTimer()
	return &cpuClock{threadCPU()}
}

func (c *cpuClock) report(b *testing.B, tokensPerOp int) {
	cpu := threadCPU() - c.start
	b.StopTimer()
	reportTokens(b, tokensPerOp)
	b.ReportMetric(float64(tokensPerOp)*float64(b.N)/cpu, "tokens/cpu-s")
}

func BenchmarkTokenize(b *testing.B) {
	sents, _, n := benchCorpus(b)
	buf := make([]Token, 0, 256)
	clock := startCPU(b)
	for range b.N {
		for _, s := range sents {
			buf = AppendTokens(buf[:0], s)
		}
	}
	clock.report(b, n)
}

func BenchmarkTag(b *testing.B) {
	_, toks, n := benchCorpus(b)
	tg := Default()
	clock := startCPU(b)
	for range b.N {
		for _, t := range toks {
			tg.Tag(t)
		}
	}
	clock.report(b, n)
}

// BenchmarkSentence is the whole path for one sentence: tokenize, tag,
// lemmatize.
func BenchmarkSentence(b *testing.B) {
	sents, _, n := benchCorpus(b)
	tg := Default()
	buf := make([]Token, 0, 256)
	clock := startCPU(b)
	for range b.N {
		for _, s := range sents {
			buf = AppendTokens(buf[:0], s)
			tg.Tag(buf)
		}
	}
	clock.report(b, n)
	b.ReportMetric(float64(len(sents))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkProseTag(b *testing.B) {
	_, toks, n := benchCorpus(b)
	words := make([][]string, len(toks))
	for i, t := range toks {
		words[i] = forms(t)
	}
	pt := prose()
	clock := startCPU(b)
	for range b.N {
		for _, w := range words {
			pt.Tag(w)
		}
	}
	clock.report(b, n)
}

func BenchmarkLemma(b *testing.B) {
	_, toks, n := benchCorpus(b)
	for _, t := range toks {
		Default().Tag(t)
	}
	clock := startCPU(b)
	for range b.N {
		for _, t := range toks {
			for i := range t {
				t[i].Lemma = Lemma(t[i].Text, t[i].Tag)
			}
		}
	}
	clock.report(b, n)
}

func BenchmarkLoadModel(b *testing.B) {
	clock := startCPU(b)
	for range b.N {
		NewTagger()
	}
	b.ReportMetric((threadCPU()-clock.start)*1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkTagVsProse tags the same sentences with this package's tagger
// and with prose v1's, alternating, and reports how many times faster this
// one is per CPU-second: a ratio that holds however busy the machine is.
func BenchmarkTagVsProse(b *testing.B) {
	_, toks, _ := benchCorpus(b)
	toks = toks[:200]
	words := make([][]string, len(toks))
	n := 0
	for i, t := range toks {
		words[i] = forms(t)
		n += len(t)
	}
	tg, pt := Default(), prose()
	startCPU(b)
	var ours, theirs float64
	for range b.N {
		t0 := threadCPU()
		for _, t := range toks {
			tg.Tag(t)
		}
		t1 := threadCPU()
		for _, w := range words {
			pt.Tag(w)
		}
		ours, theirs = ours+t1-t0, theirs+threadCPU()-t1
	}
	b.ReportMetric(theirs/ours, "x-prose")
	b.ReportMetric(float64(n*b.N)/ours, "tokens/cpu-s")
	b.ReportMetric(float64(n*b.N)/theirs, "prose-tokens/cpu-s")
}
