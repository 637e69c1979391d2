// Package benchdata makes news graphs at a chosen event density for
// benchmarks: the writers, the store and `kg load` must be fast for the
// graphs extraction will produce, not only for today's.
//
// The articles are real (the first N of a corpus file); the events are
// made up, a fixed number per article, with the shapes real events have:
// actors drawn from the built-in dictionary with a Zipf skew (a few
// countries and leaders appear in most events), CAMEO codes from the
// codebook, dates at or just before the article's date (so reports of the
// same dyad on the same day merge as real ones do), one of the article's
// sentences as evidence. The same arguments give the same graph.
package benchdata

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"kg/internal/extract"
	"kg/internal/graph"
	"kg/ontology"
)

// Options say which graph to make.
type Options struct {
	Corpus   string    // a file or directory of articles (kg build's input)
	Articles int       // read at most this many articles (0: all)
	Density  float64   // events per article (1.5: every other article has 2)
	Run      graph.Run // the extraction run the quads name
	// Copies > 1 repeats the articles under new ids ("ID~2", "ID~3", ...),
	// to make corpora larger than the real one.
	Copies int
}

// FromEnv reads the options benchmarks share from the environment:
// KG_BENCH_CORPUS (default: shared/corpora/news.jsonl in the nearest
// directory above the working directory that has it, i.e. ../shared next
// to the repository), KG_BENCH_ARTICLES (default 2,000) and
// KG_BENCH_DENSITY (events per article, default 2). ErrNoCorpus means
// there is no corpus to benchmark on.
func FromEnv() (Options, error) {
	opt := Options{
		Articles: 2000, Density: 2,
		Run: graph.Run{Version: "bench", Rules: "builtin", Time: time.Unix(0, 0).UTC()},
	}
	opt.Corpus = os.Getenv("KG_BENCH_CORPUS")
	if opt.Corpus == "" {
		p, ok := Shared(filepath.Join("corpora", "news.jsonl"))
		if !ok {
			return opt, ErrNoCorpus
		}
		opt.Corpus = p
	} else if _, err := os.Stat(opt.Corpus); err != nil {
		return opt, fmt.Errorf("%w: %v", ErrNoCorpus, err)
	}
	if s := os.Getenv("KG_BENCH_ARTICLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			return opt, fmt.Errorf("KG_BENCH_ARTICLES=%q: want a positive number", s)
		}
		opt.Articles = v
	}
	if s := os.Getenv("KG_BENCH_DENSITY"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 {
			return opt, fmt.Errorf("KG_BENCH_DENSITY=%q: want events per article, e.g. 2", s)
		}
		opt.Density = v
	}
	return opt, nil
}

// Shared finds rel in the shared material: $KG_SHARED/rel, else
// shared/rel in the nearest directory above the working directory that
// has it (../shared next to the repository).
func Shared(rel string) (string, bool) {
	if d := os.Getenv("KG_SHARED"); d != "" {
		p := filepath.Join(d, rel)
		_, err := os.Stat(p)
		return p, err == nil
	}
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		if dir == filepath.Dir(dir) {
			return "", false
		}
		dir = filepath.Dir(dir)
	}
}

// ForBenchmark is FromEnv for a benchmark: it skips b when there is no
// corpus and fails it on a bad setting.
func ForBenchmark(b testing.TB) Options {
	opt, err := FromEnv()
	if errors.Is(err, ErrNoCorpus) {
		b.Skip(err)
	} else if err != nil {
		b.Fatal(err)
	}
	return opt
}

// ProcessCPU is the CPU time this process has used, all threads (the
// garbage collector's work counts as the code's that made the garbage).
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// WriteArticles writes the corpus's first opt.Articles lines (a .jsonl
// corpus), opt.Copies times (the copies' ids with "~2", "~3", ...), to
// path: kg build's input at another size.
func WriteArticles(opt Options, path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for c := 1; c <= max(opt.Copies, 1); c++ {
		if err := copyLines(w, opt, c); err != nil {
			out.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func copyLines(w *bufio.Writer, opt Options, copy int) error {
	in, err := os.Open(opt.Corpus)
	if err != nil {
		return err
	}
	defer in.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for i := 0; (opt.Articles <= 0 || i < opt.Articles) && sc.Scan(); i++ {
		line := sc.Bytes()
		if copy > 1 {
			var rec map[string]any
			if err := json.Unmarshal(line, &rec); err != nil {
				return fmt.Errorf("%s:%d: %w", opt.Corpus, i+1, err)
			}
			rec["id"] = fmt.Sprintf("%v~%d", rec["id"], copy)
			if line, err = json.Marshal(rec); err != nil {
				return err
			}
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	return sc.Err()
}

// ErrNoCorpus: no corpus file was found (set KG_BENCH_CORPUS).
var ErrNoCorpus = errors.New("no corpus: set KG_BENCH_CORPUS to a .jsonl file of articles")

// Generator fabricates events for articles. It is safe for concurrent
// use, and an article's events depend only on the article (its id seeds
// them), not on the order articles come in.
type Generator struct {
	actors  []*extract.Entity
	codes   []string
	density float64
}

// NewGenerator draws from the built-in dictionary and the CAMEO codebook;
// each article gets density events on average.
func NewGenerator(density float64) (*Generator, error) {
	d, err := extract.LoadDictionary(extract.BuiltinRules())
	if err != nil {
		return nil, err
	}
	g := &Generator{density: density}
	for _, e := range d.Entities {
		if e.Type != "" {
			g.actors = append(g.actors, e)
		}
	}
	for c := range ontology.CameoLabels {
		if len(c) == 3 {
			g.codes = append(g.codes, c)
		}
	}
	slices.Sort(g.codes)
	return g, nil
}

// Events fabricates a's events: ⌊density⌋, plus one for the right share
// of articles (fewer if a has no sentence). The sentence count is a's, so
// that Events can stand in for Extractor.ExtractCounting.
func (g *Generator) Events(a *extract.Article) ([]extract.Event, int) {
	h := fnv.New64a()
	h.Write([]byte(a.ID))
	rng := rand.New(rand.NewPCG(h.Sum64(), 2026))
	n := int(g.density)
	if rng.Float64() < g.density-float64(n) {
		n++
	}
	sents := extract.Sentences(a)
	if len(sents) == 0 || n == 0 {
		return nil, len(sents)
	}
	// s=1.2: the first few actors (countries, heads of state in the
	// hand-written actors.yaml) take a large share, as in the news.
	zipf := rand.NewZipf(rng, 1.2, 4, uint64(len(g.actors)-1))
	out := make([]extract.Event, 0, n)
	for range n {
		s := sents[rng.IntN(len(sents))]
		ev := extract.Event{
			Actor:      g.actors[zipf.Uint64()],
			Code:       g.codes[rng.IntN(len(g.codes))],
			Sentence:   s,
			Match:      extract.Span{Start: s.Start, End: s.Start + min(s.Len(), 12)},
			Rule:       fmt.Sprintf("synthetic-%02d", rng.IntN(40)),
			Confidence: 0.5 + float64(rng.IntN(46))/100,
		}
		if rng.IntN(10) < 8 {
			ev.Target = g.actors[zipf.Uint64()]
			if ev.Target == ev.Actor {
				ev.Target = nil
			}
		}
		if a.Issued != "" && rng.IntN(10) < 8 {
			ev.Date = a.Issued // merges with other reports of that day
		}
		if rng.IntN(5) == 0 {
			ev.ReportedBy = g.actors[zipf.Uint64()]
		}
		out = append(out, ev)
	}
	return out, len(sents)
}

// Each calls fn with each article (copies included) and its made-up events.
func Each(opt Options, fn func(a *extract.Article, events []extract.Event) error) error {
	g, err := NewGenerator(opt.Density)
	if err != nil {
		return err
	}
	return EachArticle(opt, func(a *extract.Article) error {
		events, _ := g.Events(a)
		return fn(a, events)
	})
}

// EachArticle calls fn with each article of the corpus, at most
// opt.Articles of them, opt.Copies times (the copies under new ids).
func EachArticle(opt Options, fn func(a *extract.Article) error) error {
	for c := 1; c <= max(opt.Copies, 1); c++ {
		read := 0
		err := extract.ReadPath(opt.Corpus, extract.ReadOptions{}, func(a *extract.Article) error {
			if opt.Articles > 0 && read >= opt.Articles {
				return errEnough
			}
			read++
			if c > 1 {
				a.ID = fmt.Sprintf("%s~%d", a.ID, c)
			}
			return fn(a)
		})
		if err != nil && err != errEnough {
			return err
		}
	}
	return nil
}

var errEnough = fmt.Errorf("enough articles")
