// Package pipeline runs kg's flow: read articles → extract events → map them
// to quads → hand them, in input order, to the sinks (the store, a file).
// It owns the ordering, batching and progress; the steps themselves live
// in internal/extract (reading, rules), internal/graph (mapping, store)
// and internal/rdf (writing).
package pipeline

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
	"kg/internal/graph"
)

// BuildOptions configure Build.
type BuildOptions struct {
	Inputs    []string           // files or directories of articles
	Extractor *extract.Extractor // dictionary and rules
	Store     *graph.Store       // where the quads go (nil: nowhere)
	Run       graph.Run          // the extraction run recorded as provenance
	Jobs      int                // extraction workers (0: one per CPU)
	Warn      func(error)        // a skipped article or line
	Progress  func(BuildStats)   // called after each article, in input order
	// Emit receives each article's quads in input order (see ArticleQuads),
	// and at the end the kg:sourceCount of merged events (own only); for
	// streaming them to a file.
	Emit      func(own, shared []quad.Quad) error
	BatchSize int // quads per store transaction (0: 20,000)
}

// BuildStats are running totals.
type BuildStats struct {
	Articles  int
	Sentences int
	Events    int
	Quads     int // quads produced (before removing duplicates)
	Bytes     int // article text read

	ExtractTime time.Duration // summed over workers: sentences, actors, rules, RDF mapping
	StoreTime   time.Duration // writing to the store (transactions)
}

// BuildResult is what Build produced.
type BuildResult struct {
	BuildStats
	MergedEvents int // events reported by more than one article
}

type job struct {
	seq       int
	a         *extract.Article
	own       []quad.Quad
	shared    []quad.Quad
	n         int // events
	sentences int
	bytes     int
	took      time.Duration
}

// Build reads the inputs, extracts events on Jobs workers, and stores the
// quads in input order, so that the store and any file written from the
// result do not depend on scheduling. Each batch of articles goes to the
// store in one transaction: an interrupted build leaves whole articles
// behind, and re-running it adds only what is missing.
func Build(ctx context.Context, opt BuildOptions) (*BuildResult, error) {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	batchSize := opt.BatchSize
	if batchSize <= 0 {
		batchSize = 20000
	}
	in := make(chan *job, jobs*4)
	done := make(chan *job, jobs*4)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				start := time.Now()
				evs, sentences := opt.Extractor.ExtractCounting(j.a)
				j.n, j.sentences = len(evs), sentences
				j.own, j.shared = graph.ArticleQuads(j.a, evs, opt.Run)
				j.took = time.Since(start)
				j.a.Text = "" // the quads hold what is needed; free the text early
				done <- j
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		var err error
		for _, path := range opt.Inputs {
			err = extract.ReadPath(path, extract.ReadOptions{Warn: opt.Warn}, func(a *extract.Article) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				in <- &job{seq: seq, a: a, bytes: len(a.Text)}
				seq++
				return nil
			})
			if err != nil {
				break
			}
		}
		close(in)
		wg.Wait()
		close(done)
		readErr <- err
	}()

	res := &BuildResult{}
	if opt.Emit != nil {
		if err := opt.Emit(nil, opt.Run.Quads()); err != nil {
			return res, err
		}
	}
	// sources of merged events, for kg:sourceCount
	sources := map[quad.IRI]map[quad.Value]struct{}{}
	var emitErr error
	var batch []quad.Quad
	flush := func() error {
		if opt.Store == nil || len(batch) == 0 {
			batch = batch[:0]
			return nil
		}
		start := time.Now()
		err := opt.Store.Add(batch)
		res.StoreTime += time.Since(start)
		batch = batch[:0]
		return err
	}
	batch = append(batch, opt.Run.Quads()...)
	pending := map[int]*job{}
	next := 0
	var storeErr error
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			res.Articles++
			res.Events += j.n
			res.Quads += len(j.own) + len(j.shared)
			res.Sentences += j.sentences
			res.Bytes += j.bytes
			res.ExtractTime += j.took
			for _, q := range j.own {
				if ev, ok := q.Subject.(quad.IRI); ok && q.Predicate == quad.IRI(graph.PropSource) && IsMergedEvent(ev) {
					if sources[ev] == nil {
						sources[ev] = map[quad.Value]struct{}{}
					}
					sources[ev][q.Object] = struct{}{}
				}
			}
			if opt.Emit != nil && emitErr == nil {
				emitErr = opt.Emit(j.own, j.shared)
			}
			if storeErr == nil {
				batch = append(batch, j.own...)
				batch = append(batch, j.shared...)
				if len(batch) >= batchSize {
					storeErr = flush()
				}
			}
			if opt.Progress != nil {
				opt.Progress(res.BuildStats)
			}
		}
	}
	if err := <-readErr; err != nil {
		return res, err
	}
	if storeErr == nil {
		// the last batch, even when interrupted: it holds whole articles
		storeErr = flush()
	}
	for _, err := range []error{storeErr, emitErr, ctx.Err()} {
		if err != nil {
			return res, err
		}
	}
	// kg:sourceCount of merged events: in the file, the articles of this
	// build; in the store, every article it holds (earlier builds included).
	events := make([]quad.IRI, 0, len(sources))
	for ev, src := range sources {
		events = append(events, ev)
		if len(src) > 1 {
			res.MergedEvents++
		}
	}
	slices.Sort(events)
	if opt.Emit != nil {
		counts := make([]quad.Quad, len(events))
		for i, ev := range events {
			counts[i] = graph.SourceCount(ev, len(sources[ev]))
		}
		if err := opt.Emit(counts, nil); err != nil {
			return res, err
		}
	}
	if opt.Store != nil {
		start := time.Now()
		err := opt.Store.UpdateSourceCounts(ctx, events)
		res.StoreTime += time.Since(start)
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// IsMergedEvent reports whether an event IRI is one that several articles
// may report: merged events are named "<date>-<digest>" (see EventKey).
func IsMergedEvent(iri quad.IRI) bool {
	s := string(iri)
	if len(s) < len(graph.NSEvent)+5 || s[:len(graph.NSEvent)] != graph.NSEvent {
		return false
	}
	local := s[len(graph.NSEvent):]
	for i := 0; i < 4; i++ {
		if local[i] < '0' || local[i] > '9' {
			return false
		}
	}
	return local[4] == '-'
}
