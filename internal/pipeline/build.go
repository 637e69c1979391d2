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
	"sync/atomic"
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
	// Events finds an article's events and counts its sentences (nil:
	// Extractor.ExtractCounting). Benchmarks put made-up events here
	// (internal/benchdata) to measure the rest of the flow at a density
	// extraction does not reach yet.
	Events func(*extract.Article) (events []extract.Event, sentences int)
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
	Unique    int // quads handed to the store and the output: each shared one once
	Bytes     int // article text read

	// CPU time in each stage (summed over the workers for extract and
	// map), measured on the threads doing the work: on a busy machine wall
	// times are mostly waiting for a core. The garbage collector's
	// background work is in no stage.
	ReadTime    time.Duration // reading and decoding articles
	ExtractTime time.Duration // sentences, structure, actors, rules, dates
	MapTime     time.Duration // events → quads, and dropping shared quads already handed on
	StoreTime   time.Duration // store transactions and source counts
	WriteTime   time.Duration // the Output (the RDF file)
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
	read      time.Duration // its share of the reader's time
	extract   time.Duration
	mapping   time.Duration
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
				mapArticle(opt, j)
				select {
				case done <- j:
				case <-ctx.Done():
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
		// the reader's time between handing over two articles is the
		// later one's; it waits for a free worker unlocked
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		last := threadCPU()
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
				read := threadCPU() - last
				runtime.UnlockOSThread()
				in <- &job{seq: seq, a: a, bytes: len(a.Text), read: read}
				runtime.LockOSThread()
				last = threadCPU()
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
	write := func(fn func() error) (err error) {
		res.WriteTime += cpuOf(func() { err = fn() })
		return err
	}
	if opt.Output != nil {
		if err := write(func() error { return opt.Output.Begin(opt.Run.Quads()) }); err != nil {
			return res, err
		}
	}
	// the articles reporting each merged event, for kg:sourceCount
	sources := map[quad.IRI]map[quad.IRI]struct{}{}
	var outErr error
	// Articles repeat the descriptions of actors and CAMEO concepts: each
	// goes to the store and the output once.
	seen := graph.NewQuadSet()
	// The store writes on its own goroutine, a batch at a time, while the
	// next batch is gathered: on two cores it overlaps the output and the
	// workers' tail.
	st := startStoring(opt.Store)
	batch := slices.Clone(opt.Run.Quads())
	flush := func() {
		st.add(batch)
		batch = nil
	}
	pending := map[int]*job{}
	next := 0
	// Extraction has no cancellation points of its own, and one large
	// article can take minutes: an interruption stops the consumer at
	// once, and the workers' abandoned extractions end with the process
	// (kg build exits on the interruption).
consume:
	for {
		var j *job
		select {
		case got, ok := <-done:
			if !ok {
				break consume
			}
			j = got
		case <-ctx.Done():
			break consume
		}
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
			res.ReadTime += j.read
			res.ExtractTime += j.extract
			res.MapTime += j.mapping + cpuOf(func() { j.shared = seen.Filter(j.shared) })
			res.Unique += len(j.own) + len(j.shared)
			art := graph.ArticleIRI(j.a)
			for _, ev := range j.merged {
				if sources[ev] == nil {
					sources[ev] = map[quad.IRI]struct{}{}
				}
				sources[ev][art] = struct{}{}
			}
			if opt.Output != nil && outErr == nil {
				outErr = write(func() error { return opt.Output.Article(j.own, j.shared) })
			}
			batch = append(batch, j.own...)
			batch = append(batch, j.shared...)
			if len(batch) >= batchSize {
				flush()
			}
			if opt.Progress != nil {
				res.StoreTime = st.took()
				opt.Progress(res.BuildStats)
			}
		}
	}
	var readE error
	if ctx.Err() == nil {
		readE = <-readErr
	} else {
		select { // the reader may still wait on a worker
		case readE = <-readErr:
		default:
		}
	}
	// The last batch, even when interrupted or after a read error: it
	// holds whole articles, which the store keeps.
	flush()
	storeErr := st.close()
	res.StoreTime = st.took()
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
		if err := write(func() error { return opt.Output.End(counts) }); err != nil {
			return res, err
		}
	}
	if opt.Store != nil {
		var err error
		res.StoreTime += cpuOf(func() { err = opt.Store.UpdateSourceCounts(ctx, events) })
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// mapArticle extracts an article's events and maps them to quads into j.
func mapArticle(opt BuildOptions, j *job) {
	events := opt.Events
	if events == nil {
		events = opt.Extractor.ExtractCounting
	}
	var evs []extract.Event
	j.extract = cpuOf(func() { evs, j.sentences = safeExtract(opt, events, j.a) })
	j.n = len(evs)
	j.mapping = cpuOf(func() { j.own, j.shared, j.merged = graph.ArticleQuads(j.a, evs, opt.Run) })
	j.a.Text = "" // the quads hold what is needed; free the text early
}

// cpuOf runs fn on the calling goroutine locked to its thread and returns
// the thread's CPU time fn took. Goroutines are locked only while they
// work: one locked while it waits on a channel must be woken on its own
// thread, and on two cores each such hand-off left a processor idle
// (1.7 of 2 cores busy, against 1.9 unlocked).
func cpuOf(fn func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadCPU()
	fn()
	return threadCPU() - start
}

// safeExtract runs extraction on one article. A panic there is a bug in
// kg, but it must not end a build of thousands of articles: the article
// is skipped with a warning that names it and asks for a report.
func safeExtract(opt BuildOptions, events func(*extract.Article) ([]extract.Event, int), a *extract.Article) (evs []extract.Event, sentences int) {
	defer func() {
		if r := recover(); r != nil {
			evs, sentences = nil, 0
			if opt.Warn != nil {
				opt.Warn(&extract.InputError{Path: a.Path, Line: a.Line,
					Err: fmt.Errorf("article %s skipped: extraction failed, a bug in kg (please report it): %v", a.ID, r)})
			}
		}
	}()
	return events(a)
}

// articlePlace is where an article was read: FILE, or FILE:LINE in JSON lines.
func articlePlace(a *extract.Article) string {
	if a.Line > 0 {
		return fmt.Sprintf("%s:%d", a.Path, a.Line)
	}
	return a.Path
}

// storing writes batches of quads to a store on its own goroutine, one
// transaction each, in the order given. After a failed batch it writes no
// more: close reports the first error.
type storing struct {
	batches chan []quad.Quad
	done    chan struct{}
	err     error
	nanos   atomic.Int64 // CPU time in the store
}

func startStoring(store *graph.Store) *storing {
	s := &storing{batches: make(chan []quad.Quad, 1), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for b := range s.batches {
			if store == nil || s.err != nil || len(b) == 0 {
				continue
			}
			s.nanos.Add(int64(cpuOf(func() { s.err = store.Add(b) })))
		}
	}()
	return s
}

// add hands a batch over; it waits while the store is busy with the batch
// before the previous one (so at most two batches are held).
func (s *storing) add(b []quad.Quad) { s.batches <- b }

// close waits for the batches handed over and returns the first error.
func (s *storing) close() error {
	close(s.batches)
	<-s.done
	return s.err
}

func (s *storing) took() time.Duration { return time.Duration(s.nanos.Load()) }
