package graph

// The bolt store's write path: quads are added in Cayley's own kv format
// (v2: the same buckets, keys and values Cayley writes), so Cayley reads,
// queries and changes the store as if it had written it, but with every
// key of a transaction written in order.
//
// Why not Cayley's writer: it adds 8,000–15,000 quads a second on bolt (a
// bolt store took 20 s of the corpus build at 300,000 quads), and gets
// slower the larger a transaction: it writes nodes, quads and index lists
// in hash or arrival order, and bolt inserts each key into its page in
// memory by shifting the page's other keys, which for random keys makes a
// transaction quadratic in its size. Here each bucket is written in key
// order (appends), nodes are looked up once a transaction, the quad log
// and node log are appended in id order, and the query index's writes are
// sorted too (sortedTx). Cayley's writer remains the path for deletions
// (source counts) and for the memory and PostgreSQL backends.
//
// What a transaction does, for the quads that are new:
//
//	meta/horizon         the last id given (nodes and quads share the sequence)
//	meta/size            the number of quads
//	log/ID               each new node (its value) and quad (its node ids), a proto.Primitive
//	v<h0><h1>/HASH       node id of the value with that hash (sha1 of its N-Triples form)
//	n<h0><h1>/HASH       how many quads use the node
//	sp/S P, ops/O P S    the ids of the quads with those nodes (Cayley's two indexes)
//
// The node counts are exact (Cayley's own writer also counts the quads of a
// batch that were already stored, so its counts only grow).
//
// Cayley's bloom filters: Cayley keeps three, sized for 100 million
// entries (78 MB each, ~310 MB of memory once a build touches their pages),
// and fills one by reading the whole quad log at every open. kg opens bolt
// stores without them (Cayley's "no_bloom"): this writer never asks Cayley
// whether a quad exists, and looks in the indexes itself only for quads all
// of whose nodes exist already; and Cayley's filters would not know the
// quads written here.

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
)

// boltWriter adds quads to a bolt store (see the file comment).
type boltWriter struct {
	db      *boltkv.DB
	indexes []kv.QuadIndex // the store's (meta/indexes)
	nodes   *nodeCache     // ids of recently used nodes
}

func newBoltWriter(db *boltkv.DB, indexes []kv.QuadIndex) (*boltWriter, error) {
	for _, ind := range indexes {
		if ind.Unique {
			return nil, errors.New("the store has a unique quad index, which kg does not write")
		}
	}
	return &boltWriter{db: db, indexes: indexes, nodes: &nodeCache{}}, nil
}

// wnode is a value of the quads being added.
type wnode struct {
	val   quad.Value
	hash  cgraph.ValueHash
	id    uint64
	isNew bool
	refs  uint64 // new quads using it
}

// add writes the quads not yet in the store, in one transaction, and
// returns how many it wrote.
func (w *boltWriter) add(ctx context.Context, quads []quad.Quad) (added int, err error) {
	// The node cache holds ids of this store's nodes; a failed transaction
	// may have put ids in it that were never committed.
	defer func() {
		if err != nil {
			w.nodes.clear()
		}
	}()
	err = w.db.Update(func(tx *bolt.Tx) error {
		t := &boltWriteTx{w: w, tx: tx, now: time.Now().UnixNano()}
		var err error
		added, err = t.add(ctx, quads)
		return err
	})
	return added, err
}

type boltWriteTx struct {
	w   *boltWriter
	tx  *bolt.Tx
	now int64 // timestamp of the primitives written

	nodes  []wnode
	quads  [][4]int32 // each new quad's nodes (index in nodes; -1 none)
	horizn uint64
}

func (t *boltWriteTx) add(ctx context.Context, in []quad.Quad) (int, error) {
	refs, err := t.collect(in)
	if err != nil {
		return 0, err
	}
	if err := t.resolve(); err != nil {
		return 0, err
	}
	deltas, err := t.newQuads(ctx, in, refs)
	if err != nil || len(t.quads) == 0 {
		return 0, err
	}
	meta := t.tx.Bucket([]byte("meta"))
	if meta == nil {
		return 0, errors.New("not a Cayley store (no meta bucket)")
	}
	horizon := readMetaInt(meta, "horizon")
	t.horizn = horizon
	// ids: new nodes in order of first use, then the new quads
	for i := range t.nodes {
		if n := &t.nodes[i]; n.isNew {
			t.horizn++
			n.id = t.horizn
		}
	}
	if err := t.writeNodes(); err != nil {
		return 0, err
	}
	if err := t.writeQuads(); err != nil {
		return 0, err
	}
	if err := putMetaInt(meta, "horizon", t.horizn); err != nil {
		return 0, err
	}
	if err := putMetaInt(meta, "size", readMetaInt(meta, "size")+uint64(len(t.quads))); err != nil {
		return 0, err
	}
	// the query index, in the same transaction
	stx := newSortedTx(boltkv.Wrap(t.tx))
	if err := applyIndex(ctx, stx, deltas); err != nil {
		return 0, err
	}
	if err := stx.flush(); err != nil {
		return 0, err
	}
	for i := range t.nodes {
		t.w.nodes.put(t.nodes[i].hash, t.nodes[i].id)
	}
	return len(t.quads), nil
}

// collect gathers the distinct values of in (by hash, as Cayley tells
// values apart) and each quad's nodes.
func (t *boltWriteTx) collect(in []quad.Quad) ([][4]int32, error) {
	byVal := make(map[quad.Value]int32, len(in))
	byHash := make(map[cgraph.ValueHash]int32, len(in))
	refs := make([][4]int32, len(in))
	for i, q := range in {
		for d, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				if d < 3 {
					return nil, fmt.Errorf("quad %d: missing %s", i, quad.Directions[d])
				}
				refs[i][d] = -1
				continue
			}
			key := comparableValue(v)
			n, ok := byVal[key]
			if !ok {
				h := cgraph.HashOf(v)
				if n, ok = byHash[h]; !ok {
					n = int32(len(t.nodes))
					t.nodes = append(t.nodes, wnode{val: v, hash: h})
					byHash[h] = n
				}
				byVal[key] = n
			}
			refs[i][d] = n
		}
	}
	return refs, nil
}

// comparableValue is v as a map key: the values kg makes and parses are
// comparable; any other kind is keyed by its N-Triples form.
func comparableValue(v quad.Value) quad.Value {
	switch v.(type) {
	case quad.IRI, quad.BNode, quad.String, quad.LangString, quad.TypedString,
		quad.Int, quad.Float, quad.Bool:
		return v
	}
	return quad.String(fmt.Sprintf("%T %s", v, v))
}

// resolve finds the ids of the nodes the store has, in hash order.
func (t *boltWriteTx) resolve() error {
	order := t.hashOrder()
	for _, i := range order {
		n := &t.nodes[i]
		if id, ok := t.w.nodes.get(n.hash); ok {
			n.id = id
			continue
		}
		b := t.tx.Bucket([]byte{'v', n.hash[0], n.hash[1]})
		var v []byte
		if b != nil {
			v = b.Get(n.hash[:])
		}
		if v == nil {
			n.isNew = true
			continue
		}
		id, k := binary.Uvarint(v)
		if k <= 0 || id == 0 {
			return fmt.Errorf("%w: bad node id for %s", boltkv.ErrCorrupt, n.val)
		}
		n.id = id
	}
	return nil
}

// hashOrder lists the nodes in hash order: the order of the v and n buckets.
func (t *boltWriteTx) hashOrder() []int32 {
	order := make([]int32, len(t.nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(t.nodes[a].hash[:], t.nodes[b].hash[:]) })
	return order
}

// newQuads keeps the quads of in that the store does not have (nor an
// earlier quad of in), counts the uses of their nodes, and returns them as
// deltas for the query index.
func (t *boltWriteTx) newQuads(ctx context.Context, in []quad.Quad, refs [][4]int32) ([]cgraph.Delta, error) {
	seen := make(map[[4]int32]struct{}, len(in))
	var deltas []cgraph.Delta
	for i, r := range refs {
		if _, dup := seen[r]; dup {
			continue
		}
		seen[r] = struct{}{}
		stored := true // all its nodes exist: the quad may too
		for _, n := range r {
			stored = stored && (n < 0 || !t.nodes[n].isNew)
		}
		if stored {
			ok, err := t.exists(r)
			if err != nil {
				return nil, err
			}
			if ok {
				continue
			}
		}
		for _, n := range r {
			if n >= 0 {
				t.nodes[n].refs++
			}
		}
		t.quads = append(t.quads, r)
		deltas = append(deltas, cgraph.Delta{Quad: in[i], Action: cgraph.Add})
		if len(t.quads)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	return deltas, nil
}

// link is the primitive of a quad, without id and timestamp.
func (t *boltWriteTx) link(r [4]int32) proto.Primitive {
	var p proto.Primitive
	for d, n := range r {
		if n >= 0 {
			p.SetDirection(quad.Directions[d], t.nodes[n].id)
		}
	}
	return p
}

// exists reports whether the store holds the quad, as Cayley checks it:
// the quads listed under its keys in every index, not deleted, with the
// same nodes.
func (t *boltWriteTx) exists(r [4]int32) (bool, error) {
	p := t.link(r)
	var ids []uint64
	for i, ind := range t.w.indexes {
		k := ind.KeyFor(&p)
		b := t.tx.Bucket(k[0])
		if b == nil {
			return false, nil
		}
		list, err := decodeIDs(b.Get(k[1]))
		if err != nil {
			return false, err
		}
		if i == 0 {
			ids = list
		} else {
			ids = intersectIDs(ids, list)
		}
		if len(ids) == 0 {
			return false, nil
		}
	}
	log := t.tx.Bucket([]byte("log"))
	for i := len(ids) - 1; i >= 0; i-- {
		v := log.Get(idKey(ids[i]))
		if v == nil {
			continue
		}
		var q proto.Primitive
		if err := q.Unmarshal(v); err != nil {
			return false, fmt.Errorf("%w: quad %d: %v", boltkv.ErrCorrupt, ids[i], err)
		}
		if !q.Deleted && q.IsSameLink(&p) {
			return true, nil
		}
	}
	return false, nil
}

// writeNodes writes the new nodes (log, v) and the use counts (n).
func (t *boltWriteTx) writeNodes() error {
	log, err := t.tx.CreateBucketIfNotExists([]byte("log"))
	if err != nil {
		return err
	}
	log.FillPercent = 0.95 // ids only grow: pages are appended to, not split
	for i := range t.nodes {
		n := &t.nodes[i]
		if !n.isNew {
			continue
		}
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return fmt.Errorf("value %s: %w", n.val, err)
		}
		p := proto.Primitive{ID: n.id, Value: val, Timestamp: t.now}
		b, err := p.Marshal()
		if err != nil {
			return err
		}
		if err := log.Put(idKey(n.id), b); err != nil {
			return err
		}
	}
	order := t.hashOrder()
	// n before v: the root bucket is written in key order too
	for _, kind := range []byte{'n', 'v'} {
		var b *bolt.Bucket
		var name [3]byte
		for _, i := range order {
			n := &t.nodes[i]
			if kind == 'v' && !n.isNew || n.refs == 0 {
				continue
			}
			if nm := [3]byte{kind, n.hash[0], n.hash[1]}; b == nil || nm != name {
				name = nm
				if b, err = t.tx.CreateBucketIfNotExists(name[:]); err != nil {
					return err
				}
			}
			if kind == 'v' {
				err = b.Put(n.hash[:], binary.AppendUvarint(nil, n.id))
			} else {
				refs := n.refs
				if !n.isNew {
					old, k := binary.Uvarint(b.Get(n.hash[:]))
					if k < 0 {
						return fmt.Errorf("%w: bad node count for %s", boltkv.ErrCorrupt, n.val)
					}
					refs += old
				}
				err = b.Put(n.hash[:], binary.AppendUvarint(nil, refs))
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// writeQuads writes the new quads to the log and to the index lists.
func (t *boltWriteTx) writeQuads() error {
	log := t.tx.Bucket([]byte("log"))
	log.FillPercent = 0.95
	type entry struct {
		key  []byte
		ids  []uint64
		seen bool // the key may already be in the store
	}
	lists := make([]map[string]*entry, len(t.w.indexes))
	for i := range lists {
		lists[i] = map[string]*entry{}
	}
	for _, r := range t.quads {
		t.horizn++
		p := t.link(r)
		p.ID, p.Timestamp = t.horizn, t.now
		b, err := p.Marshal()
		if err != nil {
			return err
		}
		if err := log.Put(idKey(p.ID), b); err != nil {
			return err
		}
		for i, ind := range t.w.indexes {
			k := ind.KeyFor(&p)[1]
			e := lists[i][string(k)]
			if e == nil {
				e = &entry{key: k, seen: true}
				// a key with a node new in this transaction is new
				for _, d := range ind.Dirs {
					if n := r[dirIndex(d)]; n >= 0 && t.nodes[n].isNew {
						e.seen = false
					}
				}
				lists[i][string(k)] = e
			}
			e.ids = append(e.ids, p.ID)
		}
	}
	for i, ind := range t.w.indexes {
		b, err := t.tx.CreateBucketIfNotExists(ind.Key(nil)[0])
		if err != nil {
			return err
		}
		entries := make([]*entry, 0, len(lists[i]))
		for _, e := range lists[i] {
			entries = append(entries, e)
		}
		slices.SortFunc(entries, func(a, b *entry) int { return bytes.Compare(a.key, b.key) })
		for _, e := range entries {
			var v []byte
			if e.seen {
				v = slices.Clone(b.Get(e.key))
			}
			for _, id := range e.ids {
				v = binary.AppendUvarint(v, id)
			}
			if err := b.Put(e.key, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// dirIndex is d's place in a quad: subject, predicate, object, label.
func dirIndex(d quad.Direction) int {
	for i, x := range quad.Directions {
		if x == d {
			return i
		}
	}
	return -1
}

// idKey is the log key of an id (Cayley: big-endian, so ids sort).
func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, fmt.Errorf("%w: bad index list", boltkv.ErrCorrupt)
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

func intersectIDs(a, b []uint64) []uint64 {
	var out []uint64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// readMetaInt reads a counter of Cayley's meta bucket (little-endian).
func readMetaInt(meta *bolt.Bucket, key string) uint64 {
	v := meta.Get([]byte(key))
	if len(v) != 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

func putMetaInt(meta *bolt.Bucket, key string, n uint64) error {
	return meta.Put([]byte(key), binary.LittleEndian.AppendUint64(nil, n))
}

// nodeCache remembers the ids of nodes recently read or written, so that
// the predicates, classes and actors every batch repeats are not looked
// up again. It is a fixed table (an entry is replaced by the next node with
// the same slot): it never grows. Deleting quads can delete nodes, so
// Cayley's writes (kvStore.ApplyDeltas) clear it.
type nodeCache struct {
	entries [1 << 15]struct {
		hash cgraph.ValueHash
		id   uint64
	}
}

func (c *nodeCache) slot(h cgraph.ValueHash) int {
	return int(binary.LittleEndian.Uint16(h[2:])) & (len(c.entries) - 1)
}

func (c *nodeCache) get(h cgraph.ValueHash) (uint64, bool) {
	e := &c.entries[c.slot(h)]
	return e.id, e.id != 0 && e.hash == h
}

func (c *nodeCache) put(h cgraph.ValueHash, id uint64) {
	e := &c.entries[c.slot(h)]
	e.hash, e.id = h, id
}

func (c *nodeCache) clear() { clear(c.entries[:]) }
