package graph

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
)

// BuildOptions configure Build.
type BuildOptions struct {
	Inputs    []string           // files or directories of articles
	Extractor *extract.Extractor // dictionary and rules
	Store     *Store             // where the quads go (nil: nowhere)
	Run       Run                // the extraction run recorded as provenance
	Jobs      int                // extraction workers (0: one per CPU)
	Warn      func(error)        // a skipped article or line
	Progress  func(BuildStats)   // called after each article, in input order
	Keep      bool               // keep the quads in the result (for writing a file)
	BatchSize int                // quads per store transaction (0: 20,000)
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
	Output []quad.Quad // when BuildOptions.Keep; unsorted, may hold duplicates
}

type job struct {
	seq       int
	a         *extract.Article
	out       []quad.Quad
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
				j.out = ArticleQuads(j.a, evs, opt.Run)
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
	if opt.Keep {
		res.Output = append(res.Output, opt.Run.Quads()...)
	}
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
			res.Quads += len(j.out)
			res.Sentences += j.sentences
			res.Bytes += j.bytes
			res.ExtractTime += j.took
			if opt.Keep {
				res.Output = append(res.Output, j.out...)
			}
			if storeErr == nil {
				batch = append(batch, j.out...)
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
	if storeErr != nil {
		return res, storeErr
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := flush(); err != nil {
		return res, err
	}
	return res, nil
}
