package graph

// Where the query index lives, per backend:
//
//   - bolt: in the store's own bolt file (bucket "kg.index"), written in the
//     transaction in which Cayley writes the quads: kvStore.ApplyDeltas
//     hands the deltas to indexKV, whose transactions apply them just
//     before they commit. Every write path (kg build, kg load, kg serve
//     --writable, source counts) goes through ApplyDeltas. A store without
//     an index of this version (made by an older kg) is indexed when it is
//     next opened for writing; until then readers build one in memory.
//   - memory and PostgreSQL: in memory, built from the store by the first
//     reader that needs it, then kept up to date by the process's writes.

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	"github.com/hidal-go/hidalgo/kv/flat/btree"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"kg/internal/graph/boltkv"
)

// indexSource gives read transactions over an index.
type indexSource interface {
	view(ctx context.Context, fn func(hkv.Tx) error) error
}

// ---- bolt: the index in the store file ----

// indexKV is the kv Cayley writes a bolt store through.
type indexKV struct {
	hkv.KV
	// pending are the deltas Cayley is writing; the read-write transaction
	// that commits them applies them to the index first. Set only while
	// kvStore.ApplyDeltas holds its lock.
	pending []cgraph.Delta
}

func (db *indexKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := db.KV.Tx(rw)
	if err != nil || !rw {
		return tx, err
	}
	return &indexTx{Tx: tx, db: db}, nil
}

type indexTx struct {
	hkv.Tx
	db   *indexKV
	dead []uint64 // quads Cayley marked deleted in this transaction
}

// Put notes the quads Cayley marks deleted (it writes their log entry
// again, with Deleted set), for the list of deleted quads (deadquads.go).
func (tx *indexTx) Put(k hkv.Key, v hkv.Value) error {
	if len(k) == 2 && bytes.Equal(k[0], logBucket) && len(k[1]) == 8 {
		var p proto.Primitive
		if p.Unmarshal(v) == nil && p.Deleted && !p.IsNode() {
			tx.dead = append(tx.dead, binary.BigEndian.Uint64(k[1]))
		}
	}
	return tx.Tx.Put(k, v)
}

func (tx *indexTx) Commit(ctx context.Context) error {
	if d := tx.db.pending; d != nil {
		tx.db.pending = nil
		if err := applyIndex(ctx, tx.Tx, d); err != nil {
			return err // not committed: neither the quads nor the index change
		}
	}
	if btx, ok := tx.Tx.(*boltkv.Tx); ok {
		err := boltkv.Protect(func() error {
			if err := listDead(btx.Bolt(), tx.dead); err != nil {
				return err
			}
			return stampDead(btx.Bolt())
		})
		if err != nil {
			return err
		}
	}
	return tx.Tx.Commit(ctx)
}

// boltIndex reads the index in a bolt file.
type boltIndex struct{ db hkv.KV }

func (b boltIndex) view(ctx context.Context, fn func(hkv.Tx) error) error {
	return hkv.View(b.db, fn)
}

// indexCurrent reports whether the store holds an index of this version.
func indexCurrent(ctx context.Context, db hkv.KV) (bool, error) {
	var ok bool
	err := hkv.View(db, func(tx hkv.Tx) error {
		v, err := tx.Get(ctx, ikey("v"))
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		}
		ok = err == nil && string(v) == indexVersion
		return err
	})
	return ok, err
}

// reindexBatch is how many quads one transaction of a re-index applies.
const reindexBatch = 50000

// reindexBolt builds the index of a bolt store from its quads, replacing
// whatever index it had. The version is written last, so an interrupted
// re-index is started again at the next open.
func reindexBolt(ctx context.Context, db *boltkv.DB, qs cgraph.QuadStore) error {
	err := db.Bolt().Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket([]byte(indexBucket)); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = eachDeltaBatch(ctx, qs, func(deltas []cgraph.Delta) error {
		return hkv.Update(ctx, db, func(tx hkv.Tx) error { return applyIndex(ctx, tx, deltas) })
	})
	if err != nil {
		return err
	}
	return hkv.Update(ctx, db, func(tx hkv.Tx) error { return tx.Put(ikey("v"), []byte(indexVersion)) })
}

// eachDeltaBatch calls fn with every quad of qs as an addition, in batches.
func eachDeltaBatch(ctx context.Context, qs cgraph.QuadStore, fn func([]cgraph.Delta) error) error {
	it := qs.QuadsAllIterator()
	defer it.Close()
	batch := make([]cgraph.Delta, 0, reindexBatch)
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if !factPredicates[term(q.Predicate)] {
			continue
		}
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) == reindexBatch {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}

// ---- memory: the index of memory and PostgreSQL stores ----

// memIndex is an index in memory, built from qs on first use and then kept
// up to date by apply.
type memIndex struct {
	mu sync.Mutex
	qs cgraph.QuadStore
	db hkv.KV // nil until built
	// all guards Cayley's memstore flag "reading", a plain bool that every
	// iterator over all quads or nodes sets and every write reads: two
	// queries starting such an iterator at once race on it (go test -race).
	all sync.Mutex
}

func newMemIndex(qs cgraph.QuadStore) *memIndex { return &memIndex{qs: qs} }

// apply brings a built index up to date with deltas the store accepted.
func (m *memIndex) apply(ctx context.Context, deltas []cgraph.Delta) error {
	if m.db == nil {
		return nil
	}
	return hkv.Update(ctx, m.db, func(tx hkv.Tx) error { return applyIndex(ctx, tx, deltas) })
}

func (m *memIndex) view(ctx context.Context, fn func(hkv.Tx) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.db == nil {
		db := flat.Upgrade(btree.New())
		err := eachDeltaBatch(ctx, m.qs, func(deltas []cgraph.Delta) error {
			return hkv.Update(ctx, db, func(tx hkv.Tx) error { return applyIndex(ctx, tx, deltas) })
		})
		if err != nil {
			return fmt.Errorf("indexing the store: %w", err)
		}
		m.db = db
	}
	return hkv.View(m.db, fn)
}

// memIndexed is a memory store whose writes keep its memIndex up to date.
type memIndexed struct {
	cgraph.QuadStore
	ix *memIndex
}

func (s memIndexed) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	s.ix.mu.Lock()
	defer s.ix.mu.Unlock()
	s.ix.all.Lock()
	err := s.QuadStore.ApplyDeltas(in, opts)
	s.ix.all.Unlock()
	if err != nil {
		return err
	}
	return s.ix.apply(context.Background(), in)
}

func (s memIndexed) QuadsAllIterator() cgraph.Iterator {
	s.ix.all.Lock()
	defer s.ix.all.Unlock()
	return s.QuadStore.QuadsAllIterator()
}

func (s memIndexed) NodesAllIterator() cgraph.Iterator {
	s.ix.all.Lock()
	defer s.ix.all.Unlock()
	return s.QuadStore.NodesAllIterator()
}

// NewQuadWriter is refused: Cayley's bulk writers bypass ApplyDeltas, so
// the index would not see their quads. kg writes through Store.Add.
func (s memIndexed) NewQuadWriter() (quad.WriteCloser, error) { return nil, errBulkWriter }

var errBulkWriter = errors.New("kg stores are written through their quad writer (Store.Add), which keeps the query index")

// VerifyIndex checks the store's query index against one built afresh from
// the quads the store holds, and describes the first differences: the
// index must be what its quads derive, whatever builds, loads and
// interruptions made them.
func (s *Store) VerifyIndex(ctx context.Context) error {
	fresh := newMemIndex(s.qs)
	want, err := dumpKV(ctx, fresh)
	if err != nil {
		return err
	}
	got, err := dumpKV(ctx, s.index)
	if err != nil {
		return err
	}
	var diffs []string
	for k, v := range want {
		if g, ok := got[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("missing %q", k))
		} else if g != v {
			diffs = append(diffs, fmt.Sprintf("%q differs", k))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok && k != joinKey([]string{"v"}) {
			diffs = append(diffs, fmt.Sprintf("extra %q", k))
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		return fmt.Errorf("query index: %d entries differ from the quads', e.g. %s", len(diffs), strings.Join(diffs[:min(3, len(diffs))], "; "))
	}
	return nil
}

// dumpKV reads every entry of an index.
func dumpKV(ctx context.Context, src indexSource) (map[string]string, error) {
	out := map[string]string{}
	err := src.view(ctx, func(tx hkv.Tx) error {
		it := tx.Scan(hkv.Key{[]byte(indexBucket)})
		defer it.Close()
		for it.Next(ctx) {
			out[string(lastKey(it.Key()))] = string(it.Val())
		}
		return it.Err()
	})
	return out, err
}
