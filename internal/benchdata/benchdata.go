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
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
		dir, _ := os.Getwd()
		for ; ; dir = filepath.Dir(dir) {
			p := filepath.Join(dir, "shared", "corpora", "news.jsonl")
			if _, err := os.Stat(p); err == nil {
				opt.Corpus = p
				break
			}
			if dir == filepath.Dir(dir) {
				return opt, ErrNoCorpus
			}
		}
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

// ErrNoCorpus: no corpus file was found (set KG_BENCH_CORPUS).
var ErrNoCorpus = errors.New("no corpus: set KG_BENCH_CORPUS to a .jsonl file of articles")

// Generator fabricates events for articles.
type Generator struct {
	actors []*extract.Entity
	codes  []string
	zipf   *rand.Zipf
	rng    *rand.Rand
}

// NewGenerator draws from the built-in dictionary and the CAMEO codebook,
// with a fixed seed.
func NewGenerator() (*Generator, error) {
	d, err := extract.LoadDictionary(extract.BuiltinRules())
	if err != nil {
		return nil, err
	}
	g := &Generator{rng: rand.New(rand.NewPCG(16, 2026))}
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
	// s=1.2: the first few actors (countries, heads of state in the
	// hand-written actors.yaml) take a large share, as in the news.
	g.zipf = rand.NewZipf(g.rng, 1.2, 4, uint64(len(g.actors)-1))
	return g, nil
}

// Events fabricates n events for article a (fewer if it has no sentence).
func (g *Generator) Events(a *extract.Article, n int) []extract.Event {
	sents := extract.Sentences(a)
	if len(sents) == 0 || n == 0 {
		return nil
	}
	out := make([]extract.Event, 0, n)
	for range n {
		s := sents[g.rng.IntN(len(sents))]
		ev := extract.Event{
			Actor:      g.actors[g.zipf.Uint64()],
			Code:       g.codes[g.rng.IntN(len(g.codes))],
			Sentence:   s,
			Match:      extract.Span{Start: s.Start, End: s.Start + min(s.Len(), 12)},
			Rule:       fmt.Sprintf("synthetic-%02d", g.rng.IntN(40)),
			Confidence: 0.5 + float64(g.rng.IntN(46))/100,
		}
		if g.rng.IntN(10) < 8 {
			ev.Target = g.actors[g.zipf.Uint64()]
			if ev.Target == ev.Actor {
				ev.Target = nil
			}
		}
		if a.Issued != "" && g.rng.IntN(10) < 8 {
			ev.Date = a.Issued // merges with other reports of that day
		}
		if g.rng.IntN(5) == 0 {
			ev.ReportedBy = g.actors[g.zipf.Uint64()]
		}
		out = append(out, ev)
	}
	return out
}

// Each calls fn with each article (copies included) and its made-up events.
func Each(opt Options, fn func(a *extract.Article, events []extract.Event) error) error {
	g, err := NewGenerator()
	if err != nil {
		return err
	}
	copies := max(opt.Copies, 1)
	for c := 1; c <= copies; c++ {
		read := 0
		var owed float64
		err := extract.ReadPath(opt.Corpus, extract.ReadOptions{}, func(a *extract.Article) error {
			if opt.Articles > 0 && read >= opt.Articles {
				return errEnough
			}
			read++
			if c > 1 {
				a.ID = fmt.Sprintf("%s~%d", a.ID, c)
			}
			owed += opt.Density
			n := int(owed)
			owed -= float64(n)
			return fn(a, g.Events(a, n))
		})
		if err != nil && err != errEnough {
			return err
		}
	}
	return nil
}

var errEnough = fmt.Errorf("enough articles")
