package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/cayleygraph/cayley"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"

	"kg/internal/fatal"
	"kg/internal/graph/boltkv" // the persistent default backend, on go.etcd.io/bbolt
)

// ErrLocked is returned when another process holds the store.
var ErrLocked = errors.New("store is in use by another kg process")

// Store is a Cayley quad store opened by kg: bolt (a directory), memory, or
// PostgreSQL. Writes ignore quads that are already present, so building the
// same input twice adds nothing.
type Store struct {
	Backend string // "bolt", "memstore" or "postgres"
	Path    string
	// ReadOnly stores were opened with OpenReadOnly: Add fails.
	ReadOnly bool
	qs       cgraph.QuadStore
	qw       cgraph.QuadWriter
	bw       *boltWriter // bolt: how quads are added (boltwrite.go)
	lock     *os.File

	index indexSource // the query index (index.go)
	// IndexNote, when set, says why queries on this store read an index
	// built in memory from the whole store rather than the store's own.
	IndexNote string
}

// Open opens (creating when needed) the store named by spec: "memory", a
// postgres:// URL, or a directory for the bolt backend. Its errors (a
// locked, damaged or unreachable store) are about the user's store, and
// marked so (package fatal).
func Open(spec string) (*Store, error) {
	s, err := open(spec, false, 0)
	return s, fatal.Mark(err)
}

// OpenReadOnly opens an existing store only to read it. A bolt store is
// then shared: any number of readers (queries, stats, export, a read-only
// serve) hold it together, and only a writer is refused, as a writer
// refuses them.
func OpenReadOnly(spec string) (*Store, error) {
	s, err := open(spec, true, 0)
	return s, fatal.Mark(err)
}

// OpenToGrow is Open for a run that may add about grow bytes to the store
// (kg build, kg load): a bolt store maps that much address space at once.
// bolt maps its file into memory and, when a commit outgrows the map, maps
// it again, first copying every page the transaction touched out of the
// old map: a tenth of kg load's time on a 1.5-million-quad file. Address
// space costs nothing; the memory used is the pages read.
func OpenToGrow(spec string, grow int64) (*Store, error) {
	s, err := open(spec, false, grow)
	return s, fatal.Mark(err)
}

func open(spec string, readOnly bool, grow int64) (*Store, error) {
	p := ParseSpec(spec)
	s := &Store{Backend: p.Backend, Path: p.Path, ReadOnly: readOnly}
	var qs cgraph.QuadStore
	var err error
	switch s.Backend {
	case "memstore":
		qs, err = cgraph.NewQuadStore(s.Backend, "", nil)
		if err == nil {
			ix := newMemIndex(qs)
			qs, s.index = memIndexed{QuadStore: qs, ix: ix}, ix
		}
	case "postgres":
		if _, perr := url.Parse(spec); perr != nil {
			// not perr: it quotes the URL, or the part of the password
			// that broke it
			return nil, fmt.Errorf("store %s: not a valid URL (a %%, @, : or / in the user name or password must be percent-encoded, e.g. %%40 for @)", Redact(spec))
		}
		if err = s.init(); err == nil {
			qs, err = cgraph.NewQuadStore(s.Backend, s.Path, nil)
		}
		if err == nil {
			// see pgstore.go: Cayley's SQL iterators can crash the process
			pg := newPGStore(qs.(*csql.QuadStore))
			qs, s.index = pg, pg.ix
		}
	default:
		if readOnly {
			// before lockDir, which would leave a kg.lock behind: reading
			// a directory that holds no store must not start one
			if _, err := os.Stat(filepath.Join(spec, boltkv.FileName)); err != nil {
				return nil, fmt.Errorf("store %s: no graph in this directory (%s is missing; create it with kg build or kg load)", spec, boltkv.FileName)
			}
		}
		if err := s.lockDir(spec, readOnly); err != nil {
			return nil, err
		}
		var ks *kvStore
		ks, err = openBolt(spec, readOnly, grow)
		if errors.Is(err, bolterrors.ErrTimeout) {
			err = fmt.Errorf("%w: the bolt file is locked by another program", ErrLocked)
		}
		if err == nil {
			qs = ks
			err = s.openIndex(ks, readOnly)
			if err == nil && !readOnly {
				err = deadListCurrent(ks.db.(*boltkv.DB))
			}
			if err == nil && !readOnly {
				s.bw, err = newBoltWriter(ks.db.(*boltkv.DB), ks.indexes)
				if err == nil {
					ks.nodes = s.bw.nodes
				}
			}
			if err != nil {
				ks.Close()
			}
		}
	}
	if err != nil {
		s.unlock()
		return nil, redactError(spec, fmt.Errorf("store %s: %w", Redact(spec), err))
	}
	s.qs = qs
	if !readOnly {
		s.qw, _ = writer.NewSingle(qs, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	}
	return s, nil
}

// boltPageSize is the page size of new bolt files (bolt's default is the
// OS's, 4 KiB; an existing file keeps its own). A transaction of kg build
// rewrites thousands of pages: with pages four times larger there are
// fewer to split, fill and write (one system call each), and the trees are
// shallower. Building the corpus (kg build news.jsonl --stats, paired runs):
// store CPU −6 to −11%, system time −8 to −25%, peak RSS −30 MB, a file 7%
// smaller. boltkv.Open finds a file's page size itself (even when the
// first meta page is damaged).
const boltPageSize = 16 << 10

// openBolt opens the bolt store in dir, creating it unless readOnly.
//
// kg opens the bolt file itself (boltkv.Open) rather than through Cayley's
// registry so that it holds the kv handle, which kvStore needs to read
// index sizes and boltWriter to write. Read-only, the file is opened with
// bolt's shared lock. Cayley's bloom filters are never built: they only
// speed up Cayley's own duplicate checks on writes, which kg makes itself
// (boltwrite.go); building one reads every quad of the store, which made
// every open pay for the size of the whole store (0.3–0.5 s at 200,000
// quads), and the three of them take ~310 MB. A bolt file another program
// holds is reported after a short wait rather than waited for.
func openBolt(dir string, readOnly bool, grow int64) (*kvStore, error) {
	path := filepath.Join(dir, boltkv.FileName)
	opt := &bolt.Options{Timeout: 250 * time.Millisecond, ReadOnly: readOnly, PageSize: boltPageSize}
	if grow > 64<<20 { // below, bolt's own steps are cheap (and small stores stay small files)
		size := grow
		if fi, err := os.Stat(path); err == nil {
			size += fi.Size()
		}
		opt.InitialMmapSize = int(min(size, 1<<40))
	}
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no graph in this directory (%s is missing; create it with kg build or kg load)", boltkv.FileName)
		}
	}
	db, err := boltkv.Open(path, opt)
	if err != nil {
		return nil, err
	}
	opts := cgraph.Options{kv.OptNoBloom: true}
	if !readOnly {
		if err := kv.Init(db, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			db.Close()
			return nil, err
		}
	}
	ikv := &indexKV{KV: db}
	qs, err := kv.New(ikv, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	ks, err := newKVStore(qs.(*kv.QuadStore), ikv)
	if err != nil {
		qs.Close()
		return nil, err
	}
	return ks, nil
}

// openIndex finds the query index of a bolt store. A store without an
// index of this version is indexed now when opened for writing; read-only,
// its queries use an index built in memory (IndexNote says so).
func (s *Store) openIndex(ks *kvStore, readOnly bool) error {
	ctx := context.Background()
	ok, err := indexCurrent(ctx, ks.db)
	if err != nil {
		return fmt.Errorf("reading the query index: %w", err)
	}
	switch {
	case ok:
	case readOnly:
		s.IndexNote = "the store has no query index of this kg version yet; kg build or kg load adds it (open it once for writing); meanwhile each query indexes the whole store in memory"
		s.index = newMemIndex(ks)
		return nil
	default:
		if err := reindexBolt(ctx, ks.db.(*boltkv.DB), ks.QuadStore); err != nil {
			return fmt.Errorf("building the query index: %w", err)
		}
	}
	s.index = boltIndex{db: ks.db}
	return nil
}

// Redact returns a store spec fit for messages: a postgres:// URL without
// its password, also when the URL does not parse (a password with a "%"
// that is not an escape, say).
func Redact(spec string) string {
	if u, err := url.Parse(spec); err == nil && u.User != nil {
		return u.Redacted()
	}
	if pw := password(spec); pw != "" {
		return strings.Replace(spec, ":"+pw+"@", ":xxxxx@", 1)
	}
	return spec
}

// userinfoRE finds the user:password@ of a URL without parsing it.
var userinfoRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^/:@]*:([^/@]*)@`)

// password is the password written in a store URL, "" if none.
func password(spec string) string {
	if m := userinfoRE.FindStringSubmatch(spec); m != nil {
		return m[1]
	}
	return ""
}

// redactError keeps a store URL's password out of an error: errors from
// URL parsing and from database drivers quote the URL they were given.
func redactError(spec string, err error) error {
	pw := password(spec)
	if pw == "" || !strings.Contains(err.Error(), pw) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), pw, "xxxxx"), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// init creates PostgreSQL's tables when they are missing.
func (s *Store) init() error {
	// Cayley's SQL Init tries CREATE TABLE and logs an ERROR line to
	// stderr when the tables exist, i.e. on every open of an existing
	// store; so look first.
	ok, err := pgTablesExist(s.Path)
	if err != nil || ok {
		return err
	}
	err = cgraph.InitQuadStore(s.Backend, s.Path, nil)
	if errors.Is(err, cgraph.ErrDatabaseExists) {
		err = nil
	}
	return err
}

// pgTablesExist reports whether Cayley's tables are in the database (in
// the schema search_path selects, as Cayley's own statements).
func pgTablesExist(url string) (bool, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var ok bool
	err = db.QueryRow(`SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// lockDir locks DIR/kg.lock: shared for a reader, exclusive for a writer,
// so readers share a store and a writer has it alone. It never waits: a
// store in use is reported at once.
func (s *Store) lockDir(dir string, shared bool) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("store %s: not a directory (the bolt store is a directory)", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "kg.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil && shared {
		// a reader may lack write permission on a store it can read
		f, err = os.Open(filepath.Join(dir, "kg.lock"))
	}
	if err != nil {
		return fmt.Errorf("store %s: %w", dir, err)
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		return fmt.Errorf("store %s: %w (close the other kg, or use --store with another path)", dir, ErrLocked)
	}
	s.lock = f
	return nil
}

func (s *Store) unlock() {
	if s.lock != nil {
		s.lock.Close() // closing releases the flock
		s.lock = nil
	}
}

// QuadStore is the underlying Cayley store, for queries and the HTTP API.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Handle is the store as a Cayley handle (store + writer).
func (s *Store) Handle() *cgraph.Handle { return &cgraph.Handle{QuadStore: s.qs, QuadWriter: s.qw} }

// ErrReadOnly is returned by writes to a store opened with OpenReadOnly.
var ErrReadOnly = errors.New("store is opened read-only")

// Add writes quads in one transaction; quads already present are skipped.
// A value the backend cannot store exactly is an error, and nothing is
// written.
func (s *Store) Add(quads []quad.Quad) error {
	if len(quads) == 0 {
		return nil
	}
	if s.qw == nil {
		return ErrReadOnly
	}
	if s.Backend == "postgres" {
		if err := checkPostgresValues(quads); err != nil {
			return fmt.Errorf("store %s: %w", s.Backend, err)
		}
	}
	if s.bw != nil {
		_, err := s.bw.add(context.Background(), quads)
		return err
	}
	return s.qw.AddQuadSet(quads)
}

// checkPostgresValues refuses text containing the four characters \x00:
// PostgreSQL text cannot hold NUL bytes, so Cayley's SQL backend writes NUL
// as \x00 and turns every \x00 back into NUL when reading, which would
// silently change such a literal (store_test.go, AwkwardStrings).
func checkPostgresValues(quads []quad.Quad) error {
	for _, q := range quads {
		for _, v := range [...]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			var text string
			switch v := v.(type) {
			case quad.String:
				text = string(v)
			case quad.LangString:
				text = string(v.Value)
			case quad.TypedString:
				text = string(v.Value) + string(v.Type)
			case quad.IRI:
				text = string(v)
			case quad.BNode:
				text = string(v)
			}
			if strings.Contains(text, `\x00`) {
				return fmt.Errorf("cannot store %.60q exactly: Cayley's PostgreSQL backend reads the text \\x00 back as a NUL byte (use the bolt store for this data)", text)
			}
		}
	}
	return nil
}

// Size is the number of quads in the store, -1 if it cannot be read.
func (s *Store) Size() int64 {
	// Not Stats(ctx, true): "exact" also counts every node, which the bolt
	// backend does by iterating all of them. Its quad count is exact either
	// way; PostgreSQL's inexact count is the planner's estimate, so only
	// then is the exact count asked for.
	ctx := context.Background()
	st, err := s.qs.Stats(ctx, false)
	if err == nil && !st.Quads.Exact {
		st, err = s.qs.Stats(ctx, true)
	}
	if errors.Is(err, kv.ErrNoBucket) {
		return 0 // a new bolt store has no size record until the first write
	}
	if err != nil {
		return -1
	}
	return st.Quads.Size
}

// Each calls fn for every quad in the store (in the store's order).
func (s *Store) Each(ctx context.Context, fn func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(s.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	return it.Err()
}

// Close flushes and closes the store and releases its lock.
func (s *Store) Close() error {
	var err error
	if s.qw != nil {
		err = s.qw.Close()
	}
	if s.qs != nil {
		if e := s.qs.Close(); err == nil {
			err = e
		}
	}
	s.unlock()
	return err
}

var _ = cayley.Quad // keep the cayley import: it registers the "single" writer

// Describe returns the quads whose subject is iri (Cayley's subject
// index: a lookup, whatever the store's size).
func (s *Store) Describe(ctx context.Context, iri quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(iri)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	return out, it.Err()
}
