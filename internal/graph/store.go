package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/cayleygraph/cayley"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"

	_ "kg/internal/graph/boltkv" // the persistent default backend, on go.etcd.io/bbolt
)

// ErrLocked is returned when another process holds the store.
var ErrLocked = errors.New("store is in use by another kg process")

// Store is a Cayley quad store opened by kg: bolt (a directory), memory, or
// PostgreSQL. Writes ignore quads that are already present, so building the
// same input twice adds nothing.
type Store struct {
	Backend string // "bolt", "memstore" or "postgres"
	Path    string
	qs      cgraph.QuadStore
	qw      cgraph.QuadWriter
	lock    *os.File
}

// Open opens (creating when needed) the store named by spec: "memory", a
// postgres:// URL, or a directory for the bolt backend.
func Open(spec string) (*Store, error) {
	p := ParseSpec(spec)
	s := &Store{Backend: p.Backend, Path: p.Path}
	if s.Backend == "bolt" {
		if err := s.lockDir(spec); err != nil {
			return nil, err
		}
	}
	if s.Backend != "memstore" {
		if err := s.init(); err != nil {
			s.unlock()
			return nil, fmt.Errorf("store %s: %w", Redact(spec), err)
		}
	}
	qs, err := cgraph.NewQuadStore(s.Backend, s.Path, nil)
	if err != nil {
		s.unlock()
		return nil, fmt.Errorf("store %s: %w", Redact(spec), err)
	}
	if s.Backend == "postgres" {
		qs = newPGStore(qs) // see pgstore.go: Cayley's SQL iterators can crash the process
	}
	s.qs = qs
	s.qw, _ = writer.NewSingle(qs, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	return s, nil
}

// Redact returns a store spec fit for messages: a postgres:// URL without
// its password.
func Redact(spec string) string {
	if u, err := url.Parse(spec); err == nil && u.User != nil {
		return u.Redacted()
	}
	return spec
}

// init creates the backend's tables or files when they are missing.
func (s *Store) init() error {
	if s.Backend == "postgres" {
		// Cayley's SQL Init tries CREATE TABLE and logs an ERROR line to
		// stderr when the tables exist, i.e. on every open of an existing
		// store; so look first.
		ok, err := pgTablesExist(s.Path)
		if err != nil || ok {
			return err
		}
	}
	err := cgraph.InitQuadStore(s.Backend, s.Path, nil)
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

// lockDir takes an exclusive lock on DIR/kg.lock, and checks that no other
// program holds the bolt file itself: bolt would otherwise wait forever for
// its own lock (cayley opens it without a timeout).
func (s *Store) lockDir(dir string) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("store %s: not a directory (the bolt store is a directory)", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "kg.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("store %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return fmt.Errorf("store %s: %w (close the other kg, or use --store with another path)", dir, ErrLocked)
	}
	s.lock = f
	if b, err := os.OpenFile(filepath.Join(dir, "indexes.bolt"), os.O_RDWR, 0); err == nil {
		defer b.Close()
		if err := syscall.Flock(int(b.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			s.unlock()
			return fmt.Errorf("store %s: %w: the bolt file is locked by another program", dir, ErrLocked)
		}
		syscall.Flock(int(b.Fd()), syscall.LOCK_UN)
	}
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

// Add writes quads in one transaction; quads already present are skipped.
// A value the backend cannot store exactly is an error, and nothing is
// written.
func (s *Store) Add(quads []quad.Quad) error {
	if len(quads) == 0 {
		return nil
	}
	if s.Backend == "postgres" {
		if err := checkPostgresValues(quads); err != nil {
			return fmt.Errorf("store %s: %w", s.Backend, err)
		}
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
