// Package pipeline runs kg's flow: read articles → extract events → map them
// to quads → hand them, in input order, to the sinks (the store, a file).
// It owns the ordering, batching and progress; the steps themselves live
// in internal/extract (reading, rules), internal/graph (mapping, store)
// and internal/rdf (writing).
package pipeline

import (
	"context"
	"fmt"
	"io"
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
	Inputs    []string           // files or directories of articles; "-" is Stdin
	Stdin     io.Reader          // read for the input "-" (nil: os.Stdin)
	Extractor *extract.Extractor // dictionary and rules
	Store     *graph.Store       // where the quads go (nil: nowhere)
	Output    Output             // where the graph is written as it is built (nil: nowhere)
	Run       graph.Run          // the extraction run recorded as provenance
	Jobs      int                // extraction workers (0: one per CPU)
	Warn      func(error)        // a skipped article or line
	Progress  func(BuildStats)   // called after each article, in input order
	BatchSize int                // quads per store transaction (0: 20,000)
}

// Output receives the graph a build makes, to write it to a file as the
// build goes. Build calls Begin once, Article for each article in input
// order, then End.
//
// Statements come in two kinds: own ones only this call has, and shared
// ones (actors, CAMEO concepts, events several articles report) which
// other calls may repeat, for the output to write once.
type Output interface {
	// Begin gets the description of the extraction run.
	Begin(run []quad.Quad) error
	// Article gets one article's statements (see graph.ArticleQuads).
	Article(own, shared []quad.Quad) error
	// End gets the kg:sourceCount of the events several articles may
	// report, counted over this build's articles.
	End(sourceCounts []quad.Quad) error
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
	merged    []quad.IRI // events other articles may report too
	n         int        // events
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
				if ctx.Err() != nil {
					continue // interrupted: what is queued is dropped
				}
				if mapArticle(ctx, opt, j) {
					done <- j
				}
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		var err error
		// Two articles with one id would be one article:… node, their
		// statements merged and written twice: the first one counts.
		firstWith := map[quad.IRI]string{}
		for _, path := range opt.Inputs {
			err = extract.ReadPath(path, extract.ReadOptions{Warn: opt.Warn, Stdin: opt.Stdin}, func(a *extract.Article) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				iri := graph.ArticleIRI(a)
				if first, dup := firstWith[iri]; dup {
					if opt.Warn != nil {
						opt.Warn(&extract.InputError{Path: a.Path, Line: a.Line,
							Err: fmt.Errorf("article id %q is already used by %s; skipped (ids must be unique)", a.ID, first)})
					}
					return nil
				}
				firstWith[iri] = articlePlace(a)
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
	if opt.Output != nil {
		if err := opt.Output.Begin(opt.Run.Quads()); err != nil {
			return res, err
		}
	}
	// the articles reporting each merged event, for kg:sourceCount
	sources := map[quad.IRI]map[quad.IRI]struct{}{}
	var outErr error
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
			art := graph.ArticleIRI(j.a)
			for _, ev := range j.merged {
				if sources[ev] == nil {
					sources[ev] = map[quad.IRI]struct{}{}
				}
				sources[ev][art] = struct{}{}
			}
			if opt.Output != nil && outErr == nil {
				outErr = opt.Output.Article(j.own, j.shared)
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
	readE := <-readErr
	if storeErr == nil {
		// The last batch, even when interrupted or after a read error: it
		// holds whole articles, which the store keeps.
		storeErr = flush()
	}
	for _, err := range []error{readE, storeErr, outErr, ctx.Err()} {
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
	if opt.Output != nil {
		counts := make([]quad.Quad, len(events))
		for i, ev := range events {
			counts[i] = graph.SourceCount(ev, len(sources[ev]))
		}
		if err := opt.Output.End(counts); err != nil {
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

// mapArticle extracts an article's events and maps them to quads into j. It
// returns false, at once, when ctx ends first: extraction has no
// cancellation points of its own, and one large article can take minutes,
// so the interrupted build must not wait for it. The abandoned extraction
// ends with the process (kg build exits on the interruption).
func mapArticle(ctx context.Context, opt BuildOptions, j *job) bool {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		evs, sentences := opt.Extractor.ExtractCounting(j.a)
		j.n, j.sentences = len(evs), sentences
		j.own, j.shared, j.merged = graph.ArticleQuads(j.a, evs, opt.Run)
		j.took = time.Since(start)
		j.a.Text = "" // the quads hold what is needed; free the text early
	}()
	select {
	case <-finished:
		return true
	case <-ctx.Done():
		return false
	}
}

// articlePlace is where an article was read: FILE, or FILE:LINE in JSON lines.
func articlePlace(a *extract.Article) string {
	if a.Line > 0 {
		return fmt.Sprintf("%s:%d", a.Path, a.Line)
	}
	return a.Path
}
