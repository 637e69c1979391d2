package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/graph"
	"kg/internal/rdf"
)

// LoadOptions configure Load.
type LoadOptions struct {
	Store     *graph.Store
	Format    rdf.Format      // of the file
	BatchSize int             // statements per store transaction (0: 50,000)
	Progress  func(LoadStats) // called after each batch (and as the file is checked)
	Stdin     io.Reader       // read for the file "-" (nil: os.Stdin)
	TempDir   string          // where standard input is kept while it is loaded ("": the system's)
}

// LoadStats are the running totals of loading one file.
type LoadStats struct {
	Checking   bool  // the first pass: reading and checking, nothing stored yet
	Statements int   // statements read (in this pass)
	Bytes      int64 // bytes read (in this pass)
	Size       int64 // the file's size (0: unknown)

	CheckTime time.Duration // the first pass
	StoreTime time.Duration // in the store's transactions
}

// Load adds the statements of one N-Triples, N-Quads or Turtle file to the
// store.
//
// N-Triples and N-Quads are read twice, a statement at a time: first to
// check the whole file (syntax, and what rdf.CheckQuad checks) and digest
// it (blank nodes are scoped to their file, as rdf.Parse scopes them), then
// to store it in transactions of BatchSize statements. So memory does not
// grow with the file, a file with an error anywhere adds nothing, and an
// interrupted load leaves whole batches, the rest added when it is run
// again (statements already stored are skipped). Standard input is kept
// in a temporary file for the second pass.
//
// A Turtle file is parsed whole in memory (its blank nodes and prefixes
// make it a document, not a list of statements), then stored in batches.
func Load(ctx context.Context, opt LoadOptions, path string) (LoadStats, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 50000
	}
	if opt.Format == rdf.Turtle {
		return loadDocument(ctx, opt, path)
	}
	var st LoadStats
	in, size, cleanup, err := openInput(opt, path)
	if err != nil {
		return st, err
	}
	defer cleanup()
	st.Size = size
	// pass 1: check and digest (and keep standard input)
	start := time.Now()
	st.Checking = true
	var spool *os.File
	src := io.Reader(in)
	if path == "-" {
		if spool, err = os.CreateTemp(opt.TempDir, "kg-load-*.tmp"); err != nil {
			return st, err
		}
		defer func() { spool.Close(); os.Remove(spool.Name()) }()
		src = io.TeeReader(in, spool)
	}
	digest := sha256.New()
	counted := &countingReader{r: io.TeeReader(src, digest)}
	lr := rdf.NewLineReader(counted, opt.Format, "")
	var check rdf.Checker
	for {
		q, err := lr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil {
			if cerr := check.Check(q); cerr != nil {
				err = &rdf.ParseError{Line: lr.Line(), Col: 1, Statements: lr.Statements() - 1, Msg: cerr.Error()}
			}
		}
		if err != nil {
			return st, err
		}
		if st.Statements = lr.Statements(); st.Statements%opt.BatchSize == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
			st.Bytes, st.CheckTime = counted.n, time.Since(start)
			progress(opt, st)
		}
	}
	st.Bytes, st.CheckTime = counted.n, time.Since(start)
	scope := rdf.BlankNodeScope(digest.Sum(nil))

	// pass 2: store
	st.Checking, st.Statements, st.Bytes = false, 0, 0
	var again io.Reader
	if spool != nil {
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return st, err
		}
		again = spool
	} else {
		f, err := os.Open(path)
		if err != nil {
			return st, err
		}
		defer f.Close()
		again = f
	}
	counted = &countingReader{r: again}
	digest.Reset()
	lr = rdf.NewLineReader(io.TeeReader(counted, digest), opt.Format, scope)
	batch := make([]quad.Quad, 0, opt.BatchSize)
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := time.Now()
		err := opt.Store.Add(batch)
		st.StoreTime += time.Since(t)
		st.Statements += len(batch)
		st.Bytes = counted.n
		batch = batch[:0]
		progress(opt, st)
		return err
	}
	for {
		q, err := lr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return st, fmt.Errorf("%w (the file changed while it was loaded?)", err)
		}
		if batch = append(batch, q); len(batch) == opt.BatchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	if err := flush(); err != nil {
		return st, err
	}
	if scope != rdf.BlankNodeScope(digest.Sum(nil)) {
		return st, errors.New("the file changed while it was loaded: load it again")
	}
	return st, nil
}

// loadDocument loads a Turtle document: parsed whole, stored in batches.
func loadDocument(ctx context.Context, opt LoadOptions, path string) (LoadStats, error) {
	var st LoadStats
	in, size, cleanup, err := openInput(opt, path)
	if err != nil {
		return st, err
	}
	defer cleanup()
	st.Size, st.Checking = size, true
	start := time.Now()
	quads, err := rdf.Parse(in, opt.Format)
	st.CheckTime = time.Since(start)
	if err != nil {
		return st, err
	}
	st.Checking = false
	for i := 0; i < len(quads); i += opt.BatchSize {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		batch := quads[i:min(i+opt.BatchSize, len(quads))]
		t := time.Now()
		err := opt.Store.Add(batch)
		st.StoreTime += time.Since(t)
		if err != nil {
			return st, err
		}
		st.Statements += len(batch)
		st.Bytes = int64(float64(size) * float64(st.Statements) / float64(len(quads)))
		progress(opt, st)
	}
	return st, nil
}

// openInput opens path ("-": standard input) and says its size (0 when
// unknown).
func openInput(opt LoadOptions, path string) (io.Reader, int64, func(), error) {
	if path == "-" {
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return in, 0, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, nil, err
	}
	var size int64
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return f, size, func() { f.Close() }, nil
}

func progress(opt LoadOptions, st LoadStats) {
	if opt.Progress != nil {
		opt.Progress(st)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
