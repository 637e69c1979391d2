package graph

// Bolt: Cayley v0.7.7's kv store, with the sizes its query planner needs.
//
// Cayley plans a multi-hop Gizmo path (In, then Out) by the sizes its
// iterators report, and the kv store reports "half the store" for any
// lookup that uses only a prefix of an index: all quads with a given
// object (the object–predicate–subject index, prefix O), or with a given
// object and predicate. So after one hop the planner believes it holds
// about 100,000 nodes, and for the next hop it prefers reading every quad
// of the store and testing its predicate (Cayley has no index led by the
// predicate) to looking up the few real nodes: 0.4–0.5 s per query on the
// 208,000-quad news graph, where the lookups take a millisecond.
//
// kvStore keeps Cayley's iterators and planner and only corrects those
// sizes: it counts the index entries under the prefix, up to sizeCap, and
// reports that count. Counting reads keys only (the index values are lists
// of quad ids, whose length is known without decoding them).

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// sizeCap bounds how many index entries are counted for one size: beyond
// it, the exact number does not change the plan, and counting a node with a
// million quads (a datatype, kg:Event) must stay cheap.
const sizeCap = 4096

// kvStore is Cayley's *kv.QuadStore as Gizmo sees it through kg. Its
// writes also keep the query index (index.go), in the same transaction.
type kvStore struct {
	*kv.QuadStore
	db      hkv.KV
	indexes []kv.QuadIndex

	mu  sync.Mutex // one write at a time: ikv.pending belongs to it
	ikv *indexKV

	nodes *nodeCache // the boltWriter's, if any: Cayley's writes may delete nodes
}

// ApplyDeltas writes the deltas and their index changes in one transaction.
func (s *kvStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nodes != nil {
		defer s.nodes.clear()
	}
	s.ikv.pending = in
	defer func() { s.ikv.pending = nil }()
	return s.QuadStore.ApplyDeltas(in, opts)
}

// NewQuadWriter is refused: Cayley's bulk writer bypasses ApplyDeltas, so
// the index would not see its quads. kg writes through Store.Add.
func (s *kvStore) NewQuadWriter() (quad.WriteCloser, error) { return nil, errBulkWriter }

var _ shape.Optimizer = (*kvStore)(nil)

func newKVStore(qs *kv.QuadStore, db *indexKV) (*kvStore, error) {
	s := &kvStore{QuadStore: qs, db: db.KV, ikv: db, indexes: kv.DefaultQuadIndexes}
	// The store records the indexes it was created with.
	err := hkv.View(db, func(tx hkv.Tx) error {
		b, err := tx.Get(context.Background(), hkv.Key{[]byte("meta"), []byte("indexes")})
		if err == hkv.ErrNotFound {
			return nil
		} else if err != nil {
			return err
		}
		// into a new slice: json.Unmarshal would otherwise decode into the
		// backing array of kv.DefaultQuadIndexes, Cayley's package
		// variable, which every store shares (a data race between two
		// opens, and the next new store would get this one's indexes)
		var indexes []kv.QuadIndex
		if err := json.Unmarshal(b, &indexes); err != nil {
			return err
		}
		s.indexes = indexes
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the store's index list: %w", err)
	}
	return s, nil
}

// prefixSize counts the quads in index ind whose first len(vals) values
// are vals, up to sizeCap (then the size is inexact).
func (s *kvStore) prefixSize(ind kv.QuadIndex, vals []uint64) cgraph.Size {
	key := ind.Key(vals)
	var n int64
	err := hkv.View(s.db, func(tx hkv.Tx) error {
		it := tx.Scan(key)
		defer it.Close()
		for it.Next(context.Background()) && n < sizeCap {
			for b := it.Val(); len(b) > 0; {
				_, k := binary.Uvarint(b)
				if k <= 0 {
					break
				}
				b = b[k:]
				n++
			}
		}
		return it.Err()
	})
	if err != nil {
		return cgraph.Size{Size: s.QuadStore.Size()/2 + 1}
	}
	return cgraph.Size{Size: n, Exact: n < sizeCap}
}

// index returns the index whose leading directions are exactly dirs, in
// any order (how Cayley picks the index for a lookup).
func (s *kvStore) index(dirs []quad.Direction) (kv.QuadIndex, bool) {
	for _, ind := range s.indexes {
		if len(ind.Dirs) < len(dirs) {
			continue
		}
		ok := true
		for _, d := range ind.Dirs[:len(dirs)] {
			found := false
			for _, w := range dirs {
				found = found || w == d
			}
			ok = ok && found
		}
		if ok {
			return ind, true
		}
	}
	return kv.QuadIndex{}, false
}

// QuadIterator is Cayley's, with the size of the index prefix it reads.
func (s *kvStore) QuadIterator(d quad.Direction, v cgraph.Ref) cgraph.Iterator {
	it := s.QuadStore.QuadIterator(d, v)
	id, ok := v.(kv.Int64Value)
	ind, found := s.index([]quad.Direction{d})
	if !ok || !found {
		return it
	}
	return cgraph.AsLegacy(sizedShape{IteratorShape: cgraph.AsShape(it), size: s.prefixSize(ind, []uint64{uint64(id)})})
}

// QuadIteratorSize is the number of quads a QuadIterator(d, v) reads.
func (s *kvStore) QuadIteratorSize(ctx context.Context, d quad.Direction, v cgraph.Ref) (cgraph.Size, error) {
	id, ok := v.(kv.Int64Value)
	ind, found := s.index([]quad.Direction{d})
	if !ok || !found {
		return s.QuadStore.QuadIteratorSize(ctx, d, v)
	}
	return s.prefixSize(ind, []uint64{uint64(id)}), nil
}

// OptimizeShape runs Cayley's kv planner, then binds the index scans it
// planned to this store, with their real sizes.
func (s *kvStore) OptimizeShape(sh shape.Shape) (shape.Shape, bool) {
	out, ok := s.QuadStore.OptimizeShape(sh)
	out, n := bindScans(out, s)
	return out, ok || n > 0
}

// boundScan is an index scan Cayley's kv planner made, bound to the kv
// store (Cayley's own IndexScan insists on being built on the *kv.QuadStore
// itself, and Gizmo hands it kvStore).
type boundScan struct {
	scan kv.IndexScan
	s    *kvStore
}

func (b boundScan) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	it := kv.NewQuadIterator(b.s.QuadStore, b.scan.Index, b.scan.Values)
	size := b.s.prefixSize(b.scan.Index, b.scan.Values)
	return cgraph.AsLegacy(sizedShape{IteratorShape: cgraph.AsShape(it), size: size})
}

func (b boundScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return b, false }

// sizedShape is an iterator with a size known better than its own.
type sizedShape struct {
	cgraph.IteratorShape
	size cgraph.Size
}

func (s sizedShape) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	c, err := s.IteratorShape.Stats(ctx)
	c.Size = s.size
	return c, err
}

func (s sizedShape) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) { return s, false }

// bindScans returns sh with every kv.IndexScan bound to s, and how many it
// bound. It copies what it changes (shapes are plain exported structs and
// slices, which Cayley itself walks by reflection; see pgstore.go).
func bindScans(sh shape.Shape, s *kvStore) (shape.Shape, int) {
	switch x := sh.(type) {
	case nil:
		return nil, 0
	case kv.IndexScan:
		return boundScan{scan: x, s: s}, 1
	case boundScan:
		return x, 0
	}
	v, n := walkShapes(reflect.ValueOf(sh), func(x shape.Shape) (shape.Shape, int) { return bindScans(x, s) })
	if n == 0 {
		return sh, 0
	}
	return v.Interface().(shape.Shape), n
}
