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
// kvStore keeps Cayley's iterators and planner and corrects those sizes: it
// counts the index entries under the prefix, up to sizeCap, and estimates
// past it. Counting reads keys only (the index values are lists of quad
// ids, whose length is known without decoding them), and only when the
// planner asks: a path step asks the store for one iterator per node it
// passes, and only iterates it.

import (
	"bytes"
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
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
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
	bolt    *bolt.DB // db's file, for reads that need bolt itself (hop.go)
	indexes []kv.QuadIndex

	mu  sync.Mutex // one write at a time: ikv.pending belongs to it
	ikv *indexKV

	nodes *nodeCache // the boltWriter's, if any: Cayley's writes may delete nodes

	cayleyOnly bool // plan with Cayley's steps only (tests compare hops with them)

	deadMu sync.Mutex
	dead   map[uint64]bool // deleted quads (deadquads.go) as of bolt transaction deadTx
	deadTx int
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
	if b, ok := db.KV.(*boltkv.DB); ok {
		s.bolt = b.Bolt()
	}
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
// are vals. Past sizeCap it estimates the rest (estimateRest): a count
// capped at sizeCap made events(…), which intersects a path with all
// events, start from all 84,000 events rather than the path's hundred.
func (s *kvStore) prefixSize(ind kv.QuadIndex, vals []uint64) cgraph.Size {
	if s.bolt == nil {
		return cgraph.Size{Size: s.QuadStore.Size()/2 + 1}
	}
	key := ind.Key(vals)
	size := cgraph.Size{Exact: true}
	err := boltkv.Protect(func() error {
		return s.bolt.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(key[0])
			if b == nil {
				return nil
			}
			prefix := key[1]
			c := b.Cursor()
			var at []byte
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				size.Size += countIDs(v)
				if size.Size >= sizeCap {
					at = k
					break
				}
			}
			if at == nil {
				return nil
			}
			size.Exact = false
			if n := len(prefix); len(at) >= n+8 {
				a := binary.BigEndian.Uint64(at[n:])
				if last := lastUnder(c, prefix); len(last) >= n+8 {
					size.Size += estimateRest(c, prefix, a, binary.BigEndian.Uint64(last[n:]))
				}
			}
			return nil
		})
	})
	if err != nil {
		return cgraph.Size{Size: s.QuadStore.Size()/2 + 1}
	}
	return size
}

// sizeProbes is how many places estimateRest samples, sizeProbeLen how
// many entries at each.
const sizeProbes, sizeProbeLen = 32, 32

// estimateRest estimates how many quads index entries under prefix list
// whose next id is in (from, to]: it reads a few entries at evenly spaced
// ids and scales each place's density up to its share of the range (ids
// are not spread evenly: a load gives out a batch's ids in hash order).
func estimateRest(c *bolt.Cursor, prefix []byte, from, to uint64) int64 {
	if to <= from {
		return 0
	}
	span := float64(to-from) / sizeProbes
	key := append(bytes.Clone(prefix), make([]byte, 8)...)
	n := len(prefix)
	var total float64
	for i := 0; i < sizeProbes; i++ {
		lo := from + uint64(float64(i)*span) + 1
		hi := from + uint64(float64(i+1)*span)
		binary.BigEndian.PutUint64(key[n:], lo)
		var quads, last uint64
		entries := 0
		for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, prefix) && len(k) >= n+8; k, v = c.Next() {
			id := binary.BigEndian.Uint64(k[n:])
			if id > hi {
				break
			}
			quads += uint64(countIDs(v))
			last = id
			if entries++; entries == sizeProbeLen {
				break
			}
		}
		switch {
		case entries < sizeProbeLen: // the whole segment was read
			total += float64(quads)
		case last >= lo:
			total += float64(quads) * float64(hi-lo+1) / float64(last-lo+1)
		}
	}
	return int64(total)
}

// countIDs is the number of quad ids in an index entry.
func countIDs(b []byte) int64 {
	var n int64
	for len(b) > 0 {
		_, k := binary.Uvarint(b)
		if k <= 0 {
			break
		}
		b = b[k:]
		n++
	}
	return n
}

// lastUnder moves c to the last key that has prefix, and returns it (nil:
// none).
func lastUnder(c *bolt.Cursor, prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i]++; end[i] != 0 {
			break
		}
		if i == 0 {
			end = nil // prefix is all 0xff: it runs to the end
		}
	}
	var k []byte
	if end == nil {
		k, _ = c.Last()
	} else if k, _ = c.Seek(end); k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return nil
	}
	return k
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
	// The size is counted only when the planner asks: a path step (Cayley's
	// LinksTo) asks for one of these per node it passes, and only iterates.
	return cgraph.AsLegacy(&sizedShape{IteratorShape: cgraph.AsShape(it), size: lazySize(func() cgraph.Size {
		return s.prefixSize(ind, []uint64{uint64(id)})
	})})
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

// OptimizeShape reads path steps along fixed predicates from the index
// led by node and predicate (hop.go); for other shapes it runs Cayley's kv
// planner, then binds the index scans it
// planned to this store, with their real sizes.
func (s *kvStore) OptimizeShape(sh shape.Shape) (shape.Shape, bool) {
	if h, ok := s.hopOf(sh); ok && !s.cayleyOnly {
		return h, true
	}
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
	size := lazySize(func() cgraph.Size { return b.s.prefixSize(b.scan.Index, b.scan.Values) })
	return cgraph.AsLegacy(&sizedShape{IteratorShape: cgraph.AsShape(it), size: size})
}

func (b boundScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return b, false }

// sizedShape is an iterator with a size known better than its own.
type sizedShape struct {
	cgraph.IteratorShape
	size func() cgraph.Size
}

func (s *sizedShape) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	c, err := s.IteratorShape.Stats(ctx)
	c.Size = s.size()
	return c, err
}

// lazySize is size(), computed on the first call.
func lazySize(size func() cgraph.Size) func() cgraph.Size {
	var once sync.Once
	var n cgraph.Size
	return func() cgraph.Size {
		once.Do(func() { n = size() })
		return n
	}
}

func (s *sizedShape) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) { return s, false }

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
