// Package boltkv is Cayley's "bolt" quad store backend on go.etcd.io/bbolt,
// the maintained fork of boltdb/bolt.
//
// Cayley v0.7.7 reaches bolt through hidalgo's kv/bolt, which imports the
// archived github.com/boltdb/bolt (its unsafe pointer arithmetic fails
// `go test -race` with "checkptr: converted pointer straddles multiple
// allocations"). hidalgo's kv/bbolt cannot replace it: it imports
// github.com/coreos/bbolt, a module path go.etcd.io/bbolt refuses to be
// substituted for. So this package is hidalgo's bolt adapter (kv/bolt/bolt.go,
// Apache 2.0, © The Cayley Authors) rewritten against go.etcd.io/bbolt, plus
// what a store file from disk needs:
//
//   - a store is the directory holding indexes.bolt, as with Cayley's own
//     bolt backend: same layout, same file format, so existing stores open;
//   - a truncated file is refused at open (bolt would map the missing pages
//     and the process die with SIGBUS when a query reached them);
//   - a page that bolt finds corrupt while reading makes that call return an
//     error (ErrCorrupt) instead of panicking or faulting the process. Keys
//     and values are copied out of bolt's memory map for the same reason: a
//     corrupt length would otherwise make Cayley fault reading past a page,
//     outside any code that can recover.
//
// Importing the package registers the backend as "bolt".
package boltkv

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Name is the backend's name in Cayley's registry, the one Cayley's own
// bolt backend had.
const Name = "bolt"

// FileName is the bolt file inside a store directory.
const FileName = "indexes.bolt"

// ErrCorrupt marks errors from a store file whose content bolt cannot read.
var ErrCorrupt = errors.New("store file is corrupt")

func init() {
	ckv.Register(Name, ckv.Registration{
		NewFunc:      open,
		InitFunc:     create,
		IsPersistent: true,
	})
}

func create(dir string, opt cgraph.Options) (kv.KV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return open(dir, opt)
}

// open opens DIR/indexes.bolt. Options (Cayley's): "nosync" (bool) skips
// fsync, "read_only" (bool) opens for reading with a shared lock.
func open(dir string, opt cgraph.Options) (kv.KV, error) {
	nosync, err := opt.BoolKey("nosync", false)
	if err != nil {
		return nil, err
	}
	ro, err := opt.BoolKey("read_only", false)
	if err != nil {
		return nil, err
	}
	return Open(filepath.Join(dir, FileName), &bolt.Options{
		Timeout:    time.Second, // another process holds the file: an error, not a hang
		ReadOnly:   ro,
		NoSync:     nosync,
		NoGrowSync: nosync,
	})
}

// Open opens a bolt file and checks that it is whole. opt.PageSize is the
// page size of a new file; an existing one keeps its own.
func Open(path string, opt *bolt.Options) (_ *DB, err error) {
	pageSize, err := checkSize(path)
	if err != nil {
		return nil, err
	}
	if pageSize != 0 && pageSize != opt.PageSize {
		// bolt reads the page size from the first meta page, and when that
		// one is damaged, looks for the second one page size given here
		// into the file
		o := *opt
		o.PageSize = pageSize
		opt = &o
	}
	defer guard()()
	defer catch(&err)
	db, err := bolt.Open(path, 0o644, opt)
	if err != nil {
		if errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrChecksum) || errors.Is(err, bolterrors.ErrVersionMismatch) {
			err = fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return nil, err
	}
	return &DB{db: db}, nil
}

// checkSize refuses a file shorter than its meta pages say, and returns
// the file's page size (0 for a missing file, or when no meta page can be
// read). bolt maps the file rounded up to a power of two, so a page past the
// real end reads as a bus error; and the message can then say what
// happened. A missing file (bolt creates it) or one without a valid meta
// page (bolt reports it) is left to bolt.
func checkSize(path string) (int, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	// The two meta pages: page 0 at offset 0, page 1 at offset pageSize,
	// each a 16-byte page header then the meta (see bbolt's
	// internal/common/meta.go): magic, version, pageSize, flags (4 bytes
	// each), root bucket (16), freelist page, high-water page id, txid,
	// checksum (8 each) — the checksum being FNV-64a of what precedes it.
	readMeta := func(off int64) (m [64]byte, ok bool) {
		if _, err := f.ReadAt(m[:], off+16); err != nil {
			return m, false
		}
		le := binary.LittleEndian
		if le.Uint32(m[0:]) != 0xED0CDAED {
			return m, false
		}
		h := fnv.New64a()
		h.Write(m[:56])
		return m, h.Sum64() == le.Uint64(m[56:])
	}
	var best struct{ txid, end uint64 }
	pageSize := 0
	use := func(m [64]byte) {
		le := binary.LittleEndian
		ps := uint64(le.Uint32(m[8:]))
		if txid := le.Uint64(m[48:]); best.end == 0 || txid > best.txid {
			best.txid, best.end = txid, le.Uint64(m[40:])*ps
		}
		pageSize = int(ps)
	}
	if m, ok := readMeta(0); ok {
		use(m)
		if m1, ok := readMeta(int64(pageSize)); ok {
			use(m1)
		}
	} else {
		// page 0 is damaged: page 1 is one page into the file, at the
		// OS's page size or the larger one kg gives new files
		for _, ps := range []int{os.Getpagesize(), 16 << 10} {
			if m1, ok := readMeta(int64(ps)); ok && int(binary.LittleEndian.Uint32(m1[8:])) == ps {
				use(m1)
				break
			}
		}
	}
	if best.end > uint64(fi.Size()) {
		return 0, fmt.Errorf("%w: %s is %d bytes, its header says %d (truncated?)", ErrCorrupt, filepath.Base(path), fi.Size(), best.end)
	}
	return pageSize, nil
}

// catch turns a panic or memory fault inside bolt, which is how it reacts
// to a corrupt page, into an ErrCorrupt error. It must be deferred by the
// function that calls bolt, after guard.
func catch(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%w: %v", ErrCorrupt, p)
	}
}

// Protect runs fn, which reads bolt's memory map, with the protection Tx
// has: a corrupt page makes it return ErrCorrupt rather than crash the
// process. For readers that need bolt itself (kg's path steps, which read
// Cayley's indexes without copying them out).
func Protect(fn func() error) (err error) {
	// guard's work without its closure: path steps call this per result
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer catch(&err)
	return fn()
}

// guard makes a memory fault in this goroutine a panic (which catch turns
// into an error) rather than a crash, until the returned func is called.
func guard() func() {
	old := debug.SetPanicOnFault(true)
	return func() { debug.SetPanicOnFault(old) }
}

var _ kv.KV = (*DB)(nil)

// DB is a bolt file as a hidalgo kv.KV.
type DB struct {
	db *bolt.DB
}

// Bolt is the underlying database.
func (db *DB) Bolt() *bolt.DB { return db.db }

// Update runs fn in a read-write transaction of the underlying database,
// committed when fn returns nil, with the protection Tx has: a corrupt page
// makes it return ErrCorrupt rather than crash the process. For writers
// that need bolt itself (sorted bulk writes); Tx wraps tx for code written
// against hidalgo's kv.
func (db *DB) Update(fn func(tx *bolt.Tx) error) (err error) {
	defer guard()()
	defer catch(&err)
	return db.db.Update(fn)
}

// Wrap is tx as a kv.Tx. Its Commit and Close are the caller's (Update's).
func Wrap(tx *bolt.Tx) *Tx { return &Tx{tx: tx} }

func (db *DB) Close() error { return db.db.Close() }

func (db *DB) Tx(rw bool) (_ kv.Tx, err error) {
	defer guard()()
	defer catch(&err)
	tx, err := db.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &Tx{tx: tx}, nil
}

// Tx is a bolt transaction. Buckets nest: the key {a, b, c} is key c of
// bucket b inside bucket a; a one-part key lives in the root bucket.
type Tx struct {
	tx *bolt.Tx
	// top caches the top-level buckets of a read-only transaction: bolt
	// caches them only for writable ones, and looks each up again on
	// every Get otherwise (18% of a Gizmo query's time, reading quads one
	// GetBatch at a time).
	top map[string]*bolt.Bucket
}

// Bolt is the underlying transaction.
func (tx *Tx) Bolt() *bolt.Tx { return tx.tx }

func (tx *Tx) root() *bolt.Bucket {
	// bolt has no exported root bucket; a root cursor knows it.
	return tx.tx.Cursor().Bucket()
}

func (tx *Tx) bucket(key kv.Key) (*bolt.Bucket, kv.Key) {
	if len(key) <= 1 {
		return tx.root(), key
	}
	b := tx.topBucket(key[0])
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (tx *Tx) topBucket(name []byte) *bolt.Bucket {
	if tx.tx.Writable() {
		return tx.tx.Bucket(name)
	}
	if b, ok := tx.top[string(name)]; ok {
		return b
	}
	b := tx.tx.Bucket(name)
	if tx.top == nil {
		tx.top = map[string]*bolt.Bucket{}
	}
	tx.top[string(name)] = b
	return b
}

func (tx *Tx) Get(ctx context.Context, key kv.Key) (_ kv.Value, err error) {
	defer guard()()
	defer catch(&err)
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, kv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, kv.ErrNotFound
	}
	return bytes.Clone(v), nil
}

func (tx *Tx) GetBatch(ctx context.Context, keys []kv.Key) (_ []kv.Value, err error) {
	defer guard()()
	defer catch(&err)
	vals := make([]kv.Value, len(keys))
	for i, k := range keys {
		if b, k := tx.bucket(k); b != nil && len(k) == 1 {
			vals[i] = bytes.Clone(b.Get(k[0]))
		}
	}
	return vals, nil
}

func (tx *Tx) Commit(ctx context.Context) (err error) {
	defer guard()()
	defer catch(&err)
	return tx.tx.Commit()
}

func (tx *Tx) Close() (err error) {
	defer guard()()
	defer catch(&err)
	err = tx.tx.Rollback()
	if errors.Is(err, bolterrors.ErrTxClosed) {
		err = nil // after Commit
	}
	return err
}

func (tx *Tx) Put(k kv.Key, v kv.Value) (err error) {
	defer guard()()
	defer catch(&err)
	var b *bolt.Bucket
	if len(k) <= 1 {
		b = tx.root()
	} else {
		b, err = tx.tx.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	for err == nil && b != nil && len(k) > 1 {
		b, err = b.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	if err != nil {
		return err
	}
	if len(k[0]) == 0 && len(v) == 0 {
		return nil // only the buckets were wanted
	}
	return b.Put(k[0], v)
}

func (tx *Tx) Del(k kv.Key) (err error) {
	defer guard()()
	defer catch(&err)
	b, k := tx.bucket(k)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

func (tx *Tx) Scan(pref kv.Key) kv.Iterator {
	b, p := tx.bucket(pref)
	if b == nil || len(p) > 1 {
		// a bucket named in the prefix does not exist: nothing to scan
		return &Iterator{}
	}
	return &Iterator{
		b:    []*bolt.Bucket{b},
		pref: p,
		root: pref[:len(pref)-len(p)].Clone(), // appended to while descending
	}
}

// Iterator walks the keys under a prefix, descending into nested buckets.
type Iterator struct {
	root kv.Key // the buckets above the current key
	pref kv.Key // prefix each level's keys must have
	b    []*bolt.Bucket
	c    []*bolt.Cursor
	k, v []byte
	err  error
}

func (it *Iterator) Next(ctx context.Context) (ok bool) {
	if it.err != nil {
		return false
	}
	defer guard()()
	defer func() {
		if p := recover(); p != nil {
			it.err, ok = fmt.Errorf("%w: %v", ErrCorrupt, p), false
		}
	}()
	for len(it.b) > 0 {
		i := len(it.b) - 1
		cb := it.b[i]
		if len(it.c) < len(it.b) {
			c := cb.Cursor()
			it.c = append(it.c, c)
			if i >= len(it.pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(it.pref[i])
			}
		} else {
			it.k, it.v = it.c[i].Next()
		}
		if it.k != nil && (i >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[i])) {
			if it.v == nil { // a nested bucket: descend
				if b := cb.Bucket(it.k); b != nil {
					it.b = append(it.b, b)
					it.root = append(it.root, it.k)
					continue
				}
			}
			it.k, it.v = bytes.Clone(it.k), bytes.Clone(it.v)
			return true
		}
		// this level is done: back to the bucket above
		it.c = it.c[:len(it.c)-1]
		it.b = it.b[:len(it.b)-1]
		if len(it.root) > 0 {
			it.root = it.root[:len(it.root)-1]
		}
	}
	return false
}

func (it *Iterator) Key() kv.Key {
	if len(it.b) == 0 {
		return nil
	}
	return append(it.root.Clone(), append([]byte{}, it.k...))
}

func (it *Iterator) Val() kv.Value { return it.v }

func (it *Iterator) Err() error { return it.err }

func (it *Iterator) Close() error {
	err := it.err
	*it = Iterator{}
	return err
}
