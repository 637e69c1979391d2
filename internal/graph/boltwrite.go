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
// batch that were already stored, so its counts only grow). Deleting a quad
// (source counts, sourceCounts) marks it deleted in the log, as Cayley
// does, and lowers its nodes' counts, but keeps a node whose count reaches
// zero: Cayley caches node ids in memory, and a node deleted and added
// again would get a new id its cache does not know.
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

// wnode is a value of the quads being added or deleted.
type wnode struct {
	val   quad.Value
	hash  cgraph.ValueHash
	id    uint64
	isNew bool
	refs  int64 // change in the number of quads using it
}

// add writes the quads not yet in the store, in one transaction, and
// returns how many it wrote.
func (w *boltWriter) add(ctx context.Context, quads []quad.Quad) (added int, err error) {
	err = w.update(ctx, func(t *boltWriteTx) error {
		var err error
		added, err = t.apply(ctx, quads, nil)
		return err
	})
	return added, err
}

// update runs fn in a write transaction.
func (w *boltWriter) update(ctx context.Context, fn func(t *boltWriteTx) error) (err error) {
	// The node cache holds ids of this store's nodes; a failed transaction
	// may have put ids in it that were never committed.
	defer func() {
		if err != nil {
			w.nodes.clear()
		}
	}()
	err = w.db.Update(func(tx *bolt.Tx) error {
		return fn(&boltWriteTx{w: w, tx: tx, now: time.Now().UnixNano()})
	})
	if err == nil {
		// the pages read for this transaction are the store's, not ours
		// to keep: memory stays flat however large the store grows
		w.db.Release()
	}
	return err
}

type boltWriteTx struct {
	w   *boltWriter
	tx  *bolt.Tx
	now int64 // timestamp of the primitives written

	slab   []byte // what keys and values written are cut from (see bytes)
	nodes  []wnode
	byVal  map[quad.Value]int32
	byHash map[cgraph.ValueHash]int32
	quads  [][4]int32 // each new quad's nodes (index in nodes; -1 none)
	horizn uint64
}

// apply deletes dels (quads the store holds: their primitives, from live)
// and adds the quads of in it does not hold, and returns how many it
// added.
func (t *boltWriteTx) apply(ctx context.Context, in []quad.Quad, dels []deadQuad) (int, error) {
	meta := t.tx.Bucket([]byte("meta"))
	if meta == nil {
		return 0, errors.New("not a Cayley store (no meta bucket)")
	}
	refs, err := t.collect(in)
	if err != nil {
		return 0, err
	}
	if err := t.resolve(); err != nil {
		return 0, err
	}
	var deltas []cgraph.Delta
	if len(dels) > 0 {
		if deltas, err = t.deleteQuads(dels); err != nil {
			return 0, err
		}
		ids := make([]uint64, len(dels))
		for i, d := range dels {
			ids[i] = d.p.ID
		}
		if err := listDead(t.tx, ids); err != nil {
			return 0, err
		}
		if err := putMetaInt(meta, "size", readMetaInt(meta, "size")-uint64(len(dels))); err != nil {
			return 0, err
		}
	}
	added, err := t.newQuads(ctx, in, refs)
	if err != nil {
		return 0, err
	}
	deltas = append(deltas, added...)
	if len(deltas) == 0 {
		return 0, nil
	}
	t.horizn = readMetaInt(meta, "horizon")
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
	stx := newSortedTx(boltkv.Wrap(t.tx), t.tx)
	isNew := func(v quad.Value) bool {
		n, ok := t.byVal[comparableValue(v)]
		return ok && t.nodes[n].isNew
	}
	if err := applyIndexNew(ctx, stx, deltas, isNew); err != nil {
		return 0, err
	}
	if err := stx.flush(); err != nil {
		return 0, err
	}
	if err := stampDead(t.tx); err != nil {
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
	if t.byVal == nil {
		t.byVal = make(map[quad.Value]int32, len(in))
		t.byHash = make(map[cgraph.ValueHash]int32, len(in))
	}
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
			refs[i][d] = t.node(v)
		}
	}
	return refs, nil
}

// node is the index in t.nodes of value v, added if new.
func (t *boltWriteTx) node(v quad.Value) int32 {
	key := comparableValue(v)
	n, ok := t.byVal[key]
	if !ok {
		h := cgraph.HashOf(v)
		if n, ok = t.byHash[h]; !ok {
			n = int32(len(t.nodes))
			t.nodes = append(t.nodes, wnode{val: v, hash: h})
			t.byHash[h] = n
		}
		t.byVal[key] = n
	}
	return n
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
			stored = stored && (n < 0 || t.nodes[n].id != 0)
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

// deadQuad is a quad to delete: its primitive as the log holds it, and its
// values (for the query index).
type deadQuad struct {
	p proto.Primitive
	q quad.Quad
}

// deleteQuads marks dels deleted in the log and lowers their nodes'
// counts, and returns them as deltas for the query index.
func (t *boltWriteTx) deleteQuads(dels []deadQuad) ([]cgraph.Delta, error) {
	log := t.tx.Bucket([]byte("log"))
	deltas := make([]cgraph.Delta, 0, len(dels))
	for _, d := range dels {
		p := d.p
		p.Deleted = true
		if err := log.Put(t.idKey(p.ID), t.marshal(&p)); err != nil {
			return nil, err
		}
		for _, v := range [4]quad.Value{d.q.Subject, d.q.Predicate, d.q.Object, d.q.Label} {
			if v != nil {
				t.nodes[t.node(v)].refs--
			}
		}
		deltas = append(deltas, cgraph.Delta{Quad: d.q, Action: cgraph.Delete})
	}
	return deltas, nil
}

// live returns the quads of the store with subject s and predicate p (node
// ids) that are not deleted.
func (t *boltWriteTx) live(s, p uint64) ([]proto.Primitive, error) {
	var out []proto.Primitive
	for _, ind := range t.w.indexes {
		if len(ind.Dirs) < 2 || ind.Dirs[0] != quad.Subject || ind.Dirs[1] != quad.Predicate {
			continue
		}
		b := t.tx.Bucket(ind.Key(nil)[0])
		if b == nil {
			return nil, nil
		}
		prefix := ind.Key([]uint64{s, p})[1]
		log := t.tx.Bucket([]byte("log"))
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			ids, err := decodeIDs(v)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				var q proto.Primitive
				if err := q.Unmarshal(log.Get(idKey(id))); err != nil {
					return nil, fmt.Errorf("%w: quad %d: %v", boltkv.ErrCorrupt, id, err)
				}
				if !q.Deleted && q.Subject == s && q.Predicate == p {
					out = append(out, q)
				}
			}
		}
		return out, nil
	}
	return nil, errors.New("the store has no subject–predicate index")
}

// nodeID is the id of value v in the store (0: none).
func (t *boltWriteTx) nodeID(v quad.Value) (uint64, error) {
	h := cgraph.HashOf(v)
	if id, ok := t.w.nodes.get(h); ok {
		return id, nil
	}
	b := t.tx.Bucket([]byte{'v', h[0], h[1]})
	if b == nil {
		return 0, nil
	}
	val := b.Get(h[:])
	if val == nil {
		return 0, nil
	}
	id, k := binary.Uvarint(val)
	if k <= 0 {
		return 0, fmt.Errorf("%w: bad node id for %s", boltkv.ErrCorrupt, v)
	}
	return id, nil
}

// nodeValue is the value of node id.
func (t *boltWriteTx) nodeValue(id uint64) (quad.Value, error) {
	if id == 0 {
		return nil, nil
	}
	var p proto.Primitive
	if err := p.Unmarshal(t.tx.Bucket([]byte("log")).Get(idKey(id))); err != nil {
		return nil, fmt.Errorf("%w: node %d: %v", boltkv.ErrCorrupt, id, err)
	}
	return pquads.UnmarshalValue(p.Value)
}

// sourceCounts is Store.UpdateSourceCounts, in one transaction: the count
// of each event is its live kg:source quads, read from the
// subject–predicate index.
func (w *boltWriter) sourceCounts(ctx context.Context, events []quad.IRI) error {
	return w.update(ctx, func(t *boltWriteTx) error {
		src, err := t.nodeID(quad.IRI(PropSource))
		if err != nil {
			return err
		}
		cnt, err := t.nodeID(quad.IRI(PropSourceCount))
		if err != nil {
			return err
		}
		var adds []quad.Quad
		var dels []deadQuad
		for _, ev := range events {
			id, err := t.nodeID(ev)
			if err != nil || id == 0 {
				if err != nil {
					return err
				}
				continue
			}
			n := 0
			if src != 0 {
				ps, err := t.live(id, src)
				if err != nil {
					return err
				}
				// kg:source is stated once per article (in that
				// article's graph), so the quads count articles.
				n = len(ps)
			}
			want := SourceCount(ev, n)
			keep := false
			if cnt != 0 {
				ps, err := t.live(id, cnt)
				if err != nil {
					return err
				}
				for _, p := range ps {
					q := quad.Quad{Subject: ev, Predicate: quad.IRI(PropSourceCount)}
					if q.Object, err = t.nodeValue(p.Object); err == nil {
						q.Label, err = t.nodeValue(p.Label)
					}
					if err != nil {
						return err
					}
					if q == want {
						keep = true
						continue
					}
					dels = append(dels, deadQuad{p, q})
				}
			}
			if !keep {
				adds = append(adds, want)
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		_, err = t.apply(ctx, adds, dels)
		return err
	})
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
		if err := log.Put(t.idKey(n.id), t.marshal(&p)); err != nil {
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
				continue // (a new node is used by a new quad)
			}
			if nm := [3]byte{kind, n.hash[0], n.hash[1]}; b == nil || nm != name {
				name = nm
				if b, err = t.tx.CreateBucketIfNotExists(name[:]); err != nil {
					return err
				}
			}
			if kind == 'v' {
				err = b.Put(n.hash[:], t.uvarint(nil, n.id))
			} else {
				refs := n.refs
				if !n.isNew {
					old, k := binary.Uvarint(b.Get(n.hash[:]))
					if k < 0 {
						return fmt.Errorf("%w: bad node count for %s", boltkv.ErrCorrupt, n.val)
					}
					refs += int64(old)
				}
				err = b.Put(n.hash[:], t.uvarint(nil, uint64(max(refs, 0))))
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
		if err := log.Put(t.idKey(p.ID), t.marshal(&p)); err != nil {
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
			var old []byte
			if e.seen {
				old = b.Get(e.key)
			}
			v := t.bytes(len(old) + binary.MaxVarintLen64*len(e.ids))[:0]
			v = append(v, old...)
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

// bytes returns n bytes for a key or value to write. bolt keeps the slices
// it is given until the transaction ends, so they cannot be reused; cutting
// them from large slabs makes one allocation of many.
func (t *boltWriteTx) bytes(n int) []byte {
	if len(t.slab)+n > cap(t.slab) {
		t.slab = make([]byte, 0, max(n, 1<<20))
	}
	b := t.slab[len(t.slab) : len(t.slab)+n : len(t.slab)+n]
	t.slab = t.slab[:len(t.slab)+n]
	return b
}

func (t *boltWriteTx) idKey(id uint64) []byte {
	b := t.bytes(8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func (t *boltWriteTx) uvarint(_ []byte, x uint64) []byte {
	b := t.bytes(binary.MaxVarintLen64)
	return b[:binary.PutUvarint(b, x)]
}

func (t *boltWriteTx) marshal(p *proto.Primitive) []byte {
	b := t.bytes(p.ProtoSize())
	n, _ := p.MarshalTo(b) // b is large enough
	return b[:n]
}

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
