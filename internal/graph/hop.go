package graph

// Path steps along named predicates, read from the index that leads with
// the node and the predicate.
//
// Gizmo's In("kg:actor"), Out(["kg:actor", "kg:target"]) and Has(p, o) are
// each a set of quads: those whose predicate is one of the step's and whose
// subject (Out) or object (In) is one of the nodes the path is at. Cayley
// v0.7.7 reads them as every quad of each node, from the index led by that
// node alone, and tests each quad's predicate: an event has 10–20 quads, so
// following kg:actor from 1,000 events reads ~15,000 quads from the log to
// keep 1,000, and following In("kg:actor") from an actor reads every quad
// that names it. A hop reads only the quads it keeps, from the index whose
// key leads with the node and the predicate: subject–predicate (Cayley's
// "sp") for Out, object–predicate–subject ("ops") for In.
//
// It is the same set of quads in the same order: a node's quads are listed
// in key order, which is predicate order, so reading predicate by predicate
// in ascending id order reads exactly Cayley's sequence without the quads
// of other predicates. Each quad is one path, as in Cayley (a node reached
// by two quads is two results), and tags and further paths come from the
// nodes the step started from, as they do through Cayley's LinksTo.

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
)

// hopShape is a path step: the nodes in direction To of the quads whose
// predicate is one of Preds and whose direction From is one of Nodes.
type hopShape struct {
	Nodes    shape.Shape
	From, To quad.Direction
	Preds    []uint64 // node ids, ascending

	s             *kvStore
	fromIx, toIdx kv.QuadIndex // led by (From, Predicate), (To, Predicate)
	// listAll is Cayley's shape for the step when it starts from every node:
	// then listing reads every quad at once (there is no index led by the
	// predicate), as Cayley does, and only tests go through the indexes.
	listAll shape.Shape
}

// hop returns the step that replaces cayley, Cayley's NodesFrom{to,
// Quads{from: nodes, predicate: preds}}, or false when the store has no
// index for it.
func (s *kvStore) hop(cayley, nodes shape.Shape, from, to quad.Direction, preds shape.Fixed) (hopShape, bool) {
	if from == to || (from != quad.Subject && from != quad.Object) || (to != quad.Subject && to != quad.Object) {
		return hopShape{}, false
	}
	if len(preds) == 0 {
		return hopShape{}, false
	}
	h := hopShape{Nodes: nodes, From: from, To: to, s: s}
	if startsEverywhere(nodes) {
		// a step from any node, as Back() makes to test a path's nodes for
		// a predicate: .Out("kg:rule").Tag("rule").Back("report")
		h.listAll = cayley
	}
	for _, p := range preds {
		id, ok := p.(kv.Int64Value)
		if !ok {
			return hopShape{}, false
		}
		h.Preds = append(h.Preds, uint64(id))
	}
	slices.Sort(h.Preds)
	h.Preds = slices.Compact(h.Preds)
	var ok1, ok2 bool
	h.fromIx, ok1 = s.leadingIndex(from, quad.Predicate)
	h.toIdx, ok2 = s.leadingIndex(to, quad.Predicate)
	return h, ok1 && ok2
}

// startsEverywhere reports whether a path step from sh starts from every
// node of the store.
func startsEverywhere(sh shape.Shape) bool {
	switch x := sh.(type) {
	case shape.AllNodes:
		return true
	case shape.Save:
		return startsEverywhere(x.From)
	case shape.Except:
		return startsEverywhere(x.From)
	}
	return false
}

// leadingIndex is the store's index whose key starts with a, then b.
func (s *kvStore) leadingIndex(a, b quad.Direction) (kv.QuadIndex, bool) {
	for _, ind := range s.indexes {
		if len(ind.Dirs) >= 2 && ind.Dirs[0] == a && ind.Dirs[1] == b {
			return ind, true
		}
	}
	return kv.QuadIndex{}, false
}

// hopOf recognizes Cayley's shapes for a path step along fixed predicates:
// NodesFrom{Quads: Quads{…}} with one filter on the predicate and one on
// the other end, and the QuadsAction Cayley makes of it when the other end
// is one node, or any node tagged.
func (s *kvStore) hopOf(sh shape.Shape) (hopShape, bool) {
	switch x := sh.(type) {
	case shape.NodesFrom:
		q, ok := x.Quads.(shape.Quads)
		if !ok || len(q) != 2 {
			return hopShape{}, false
		}
		if q[1].Dir == quad.Predicate {
			q = shape.Quads{q[1], q[0]}
		}
		preds, ok := q[0].Values.(shape.Fixed)
		if !ok || q[0].Dir != quad.Predicate {
			return hopShape{}, false
		}
		return s.hop(x, q[1].Values, q[1].Dir, x.Dir, preds)
	case shape.QuadsAction:
		p, ok := x.Filter[quad.Predicate]
		if !ok || len(x.Filter)+len(x.Save) != 2 {
			return hopShape{}, false
		}
		for d, v := range x.Filter {
			if d != quad.Predicate {
				return s.hop(x, shape.Fixed{v}, d, x.Result, shape.Fixed{p})
			}
		}
		for d, tags := range x.Save { // Out(p).Tag(t).Back(…): from any node, tagged
			return s.hop(x, shape.Save{Tags: tags, From: shape.AllNodes{}}, d, x.Result, shape.Fixed{p})
		}
	}
	return hopShape{}, false
}

func (h hopShape) BuildIterator(qs cgraph.QuadStore) cgraph.Iterator {
	it := &hopIterator{h: h, nodes: cgraph.AsShape(h.Nodes.BuildIterator(qs))}
	if h.listAll != nil {
		sh, _ := h.s.QuadStore.OptimizeShape(h.listAll)
		sh, _ = bindScans(sh, h.s)
		it.listAll = cgraph.AsShape(sh.BuildIterator(qs))
	}
	return cgraph.AsLegacy(it)
}

func (h hopShape) Optimize(r shape.Optimizer) (shape.Shape, bool) {
	nodes, ok := h.Nodes.Optimize(r)
	if shape.IsNull(nodes) {
		return nil, true
	}
	h.Nodes = nodes
	return h, ok
}

// hopIterator runs a hopShape.
type hopIterator struct {
	h       hopShape
	nodes   cgraph.IteratorShape
	listAll cgraph.IteratorShape // Cayley's, for h.listAll
	size    *cgraph.Size
}

func (it *hopIterator) String() string {
	return fmt.Sprintf("Hop(%v→%v %v)", it.h.From, it.h.To, it.h.Preds)
}

func (it *hopIterator) Iterate() cgraph.Scanner {
	if it.listAll != nil {
		return it.listAll.Iterate()
	}
	return &hopNext{hopCursor: newHopCursor(&it.h, it.h.fromIx, it.h.To), nodes: it.nodes.Iterate()}
}

func (it *hopIterator) Lookup() cgraph.Index {
	c := &hopContains{hopCursor: newHopCursor(&it.h, it.h.toIdx, it.h.From), nodes: it.nodes.Lookup()}
	// Has(p, o) and steps In from known nodes: the quads from o to v are
	// one whole key of the object-led index, looked up rather than found
	// among v's quads and read from the log
	if fixed, ok := it.h.Nodes.(shape.Fixed); ok && it.h.From == quad.Object {
		if d := it.h.fromIx.Dirs; len(d) == 3 && d[2] == it.h.To {
			for _, v := range fixed {
				if id, ok := v.(kv.Int64Value); ok {
					c.fixed = append(c.fixed, uint64(id))
				}
			}
			c.hopCursor = newHopCursor(&it.h, it.h.fromIx, it.h.From)
			c.keyed = true
		}
	}
	return c
}

func (it *hopIterator) SubIterators() []cgraph.IteratorShape {
	return []cgraph.IteratorShape{it.nodes}
}

func (it *hopIterator) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) {
	nodes, ok := it.nodes.Optimize(ctx)
	listAll, ok2 := it.listAll, false
	if listAll != nil {
		listAll, ok2 = listAll.Optimize(ctx)
	}
	if !ok && !ok2 {
		return it, false
	}
	return &hopIterator{h: it.h, nodes: nodes, listAll: listAll}, true
}

// hopFanout is how many quads a step is taken to reach, per node it starts
// from and predicate, when the nodes are not known yet. Kg's predicates
// mostly name one thing (an event's actor, date, action; an article's
// title), so Out reaches about one node; In reaches what names the node
// (the events of an actor, the reports of an article), more. Cayley's
// guess for any step is 20, which made the steps from a day's articles to
// their events look larger than all events.
func hopFanout(to quad.Direction) int64 {
	if to == quad.Object {
		return 1
	}
	return 8
}

// Stats: from known nodes, the number of quads the step reads (counted in
// the index; estimated past sizeCap); else a guess (hopFanout). Never
// exact: index entries may list deleted quads. A quad costs an index entry
// and, unless the entry's key names its far node, a log read, to list or
// to test.
func (it *hopIterator) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	sub, err := it.nodes.Stats(ctx)
	preds := int64(len(it.h.Preds))
	if it.listAll != nil {
		all, err := it.listAll.Stats(ctx)
		all.ContainsCost = preds*2 + sub.ContainsCost
		return all, err
	}
	if it.size == nil {
		var n int64
		if fixed, ok := it.h.Nodes.(shape.Fixed); ok {
			for _, v := range fixed {
				id, ok := v.(kv.Int64Value)
				if !ok {
					continue
				}
				for _, p := range it.h.Preds {
					n += it.h.s.prefixSize(it.h.fromIx, []uint64{uint64(id), p}).Size
				}
			}
		} else {
			n = sub.Size.Size * preds * hopFanout(it.h.To)
		}
		it.size = &cgraph.Size{Size: n}
	}
	return cgraph.IteratorCosts{
		NextCost:     2 + sub.NextCost,
		ContainsCost: preds*2 + sub.ContainsCost,
		Size:         *it.size,
	}, err
}

// hopCursor reads, for one node and predicate after another, the quads an
// index lists under them, and gives each quad's node in direction far. It
// reads bolt directly, without copying keys and values out of its map.
type hopCursor struct {
	h   *hopShape
	ind kv.QuadIndex
	far quad.Direction
	// farAt is where far's id is in the index key, -1 when the key does not
	// hold it (then each quad is read from Cayley's log)
	farAt int

	tx      *bolt.Tx
	c       *bolt.Cursor
	log     logReader
	dead    map[uint64]bool // deleted quads (with farAt ≥ 0); nil: read the log
	prefix  []byte
	reading bool   // prefix is open
	started bool   // its scan has begun
	k, v    []byte // the current index entry; v: its quad ids not yet given
	// moved is the prefix whose scan last moved c (nil: none yet): c is then
	// within its keys or at the first key after them, at (value atV)
	moved   []byte
	at, atV []byte
	err     error

	stepFn  func() error // protectedStep
	farNode uint64       // its result
	ok      bool
}

func newHopCursor(h *hopShape, ind kv.QuadIndex, far quad.Direction) hopCursor {
	c := hopCursor{h: h, ind: ind, far: far, farAt: -1}
	for i, d := range ind.Dirs {
		if d == far {
			c.farAt = 8 * i
		}
	}
	return c
}

// open starts reading the quads listed under vals (node, predicate, and
// for a whole key, the third node).
func (c *hopCursor) open(vals ...uint64) bool {
	if c.err != nil {
		return false
	}
	if c.tx == nil {
		c.err = boltkv.Protect(c.begin)
		if c.err != nil {
			return false
		}
	}
	c.prefix = c.prefix[:0]
	for _, v := range vals {
		c.prefix = binary.BigEndian.AppendUint64(c.prefix, v) // Cayley's index keys
	}
	if c.started { // where the last scan left the cursor, for seek
		c.at, c.atV = c.k, c.v
	}
	c.k, c.v = nil, nil
	c.reading, c.started = true, false
	return true
}

func (c *hopCursor) begin() error {
	tx, err := c.h.s.bolt.Begin(false)
	if err != nil {
		return err
	}
	c.tx = tx
	b := tx.Bucket(c.ind.Key(nil)[0])
	log := tx.Bucket(logBucket)
	if b == nil || log == nil {
		return fmt.Errorf("%w: no quad index %v", boltkv.ErrCorrupt, c.ind.Dirs)
	}
	c.c, c.log = b.Cursor(), logReader{c: log.Cursor()}
	if c.farAt >= 0 {
		c.dead, c.err = c.h.s.deadQuads(tx)
		if c.dead == nil {
			c.farAt = -1 // deletions unknown: the log says which quads live
		}
	}
	return c.err
}

// next is the far node of the next live quad of the open node and
// predicate; false at their end.
func (c *hopCursor) next() (far uint64, ok bool) {
	if !c.reading || c.err != nil {
		return 0, false
	}
	if c.stepFn == nil {
		c.stepFn = c.protectedStep // one method value, not a closure a call
	}
	c.err = boltkv.Protect(c.stepFn)
	if !c.ok {
		c.reading = false
	}
	return c.farNode, c.ok && c.err == nil
}

func (c *hopCursor) protectedStep() (err error) {
	c.farNode, c.ok, err = c.step()
	return err
}

func (c *hopCursor) step() (uint64, bool, error) {
	for {
		for len(c.v) > 0 {
			id, n := binary.Uvarint(c.v)
			if n <= 0 {
				return 0, false, fmt.Errorf("%w: quad index %v: bad entry", boltkv.ErrCorrupt, c.ind.Dirs)
			}
			c.v = c.v[n:]
			if c.farAt >= 0 {
				if !c.dead[id] && len(c.k) >= c.farAt+8 {
					return binary.BigEndian.Uint64(c.k[c.farAt:]), true, nil
				}
				continue
			}
			b := c.log.get(id)
			if b == nil {
				continue
			}
			var p proto.Primitive
			if err := p.Unmarshal(b); err != nil {
				return 0, false, fmt.Errorf("%w: quad %d: %v", boltkv.ErrCorrupt, id, err)
			}
			if !p.Deleted {
				return p.GetDirection(c.far), true, nil
			}
		}
		if !c.started {
			c.k, c.v = c.seek()
			c.started = true
			c.moved = append(c.moved[:0], c.prefix...)
		} else {
			c.k, c.v = c.c.Next()
		}
		if c.k == nil || !bytes.HasPrefix(c.k, c.prefix) {
			return 0, false, nil
		}
	}
}

// seekSteps bounds how far seek walks before it seeks from the root.
const seekSteps = 8

// seek moves c to the first key at or after the open prefix. Steps mostly
// come in key order (a node's predicates in ascending order; the nodes of
// a step from an ordered list), so from where the last scan stopped the
// next prefix is often a few keys on, on the same page: walk there rather
// than search from the root.
func (c *hopCursor) seek() ([]byte, []byte) {
	if c.moved != nil && bytes.Compare(c.moved, c.prefix) < 0 {
		// c is at or within the keys of moved, or just after them: no key
		// between there and prefix was passed over
		k, v := c.at, c.atV
		for i := 0; i < seekSteps; i++ {
			if k == nil {
				return nil, nil // at the end
			}
			if bytes.Compare(k, c.prefix) >= 0 {
				return k, v
			}
			k, v = c.c.Next()
		}
	}
	return c.c.Seek(c.prefix)
}

// logReader reads Cayley's log (key: the id, 8 bytes big-endian) through
// one cursor: the quads a step reads are often close together in id order
// (an event's quads are written together), so it walks to a near one
// rather than search from the root.
type logReader struct {
	c    *bolt.Cursor
	k, v []byte // where c is
	key  [8]byte
}

// get is the log entry of id (nil: none).
func (r *logReader) get(id uint64) []byte {
	key := binary.BigEndian.AppendUint64(r.key[:0], id)
	if len(r.k) == 8 {
		if at := binary.BigEndian.Uint64(r.k); at == id {
			return r.v
		} else if at < id && id-at <= seekSteps {
			for k, v := r.c.Next(); k != nil; k, v = r.c.Next() {
				r.k, r.v = k, v
				if c := bytes.Compare(k, key); c >= 0 {
					if c == 0 {
						return v
					}
					return nil
				}
			}
			r.k, r.v = nil, nil
			return nil
		}
	}
	r.k, r.v = r.c.Seek(key)
	if bytes.Equal(r.k, key) {
		return r.v
	}
	return nil
}

// closeWith closes c and the iterator of the step's nodes.
func (c *hopCursor) closeWith(nodes interface{ Close() error }) error {
	err := c.close()
	if err2 := nodes.Close(); err == nil {
		err = err2
	}
	return err
}

func (c *hopCursor) close() error {
	if c.tx != nil {
		if err := c.tx.Rollback(); err != nil && c.err == nil {
			c.err = err
		}
		c.tx, c.c, c.log = nil, nil, logReader{}
	}
	return c.err
}

// hopNext lists a step's nodes: for each node the step starts from, the
// quads of each predicate, in order.
type hopNext struct {
	hopCursor
	nodes  cgraph.Scanner
	node   uint64
	pred   int // index in h.Preds of the open scan; len(h.Preds) when done with node
	result cgraph.Ref
}

func (it *hopNext) Next(ctx context.Context) bool {
	it.result = nil
	for it.err == nil {
		if far, ok := it.next(); ok {
			it.result = kv.Int64Value(far)
			return true
		}
		if it.err != nil {
			return false
		}
		if it.node != 0 && it.pred+1 < len(it.h.Preds) {
			it.pred++
			it.open(it.node, it.h.Preds[it.pred])
			continue
		}
		it.node = 0
		if !it.nodes.Next(ctx) {
			it.err = it.nodes.Err()
			return false
		}
		id, ok := it.nodes.Result().(kv.Int64Value)
		if !ok || id == 0 {
			continue
		}
		it.node, it.pred = uint64(id), 0
		it.open(it.node, it.h.Preds[0])
	}
	return false
}

func (it *hopNext) Result() cgraph.Ref                   { return it.result }
func (it *hopNext) NextPath(ctx context.Context) bool    { return it.nodes.NextPath(ctx) }
func (it *hopNext) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }
func (it *hopNext) Err() error                           { return it.err }
func (it *hopNext) String() string                       { return "HopNext" }

func (it *hopNext) Close() error { return it.closeWith(it.nodes) }

// hopContains tests whether a node is reached by the step: whether one of
// its quads of the step's predicates (read from the other end's index)
// comes from one of the step's nodes. Each such quad is one path.
type hopContains struct {
	hopCursor
	nodes  cgraph.Index
	node   uint64
	pred   int // index in h.Preds of the open lookup
	result cgraph.Ref
	// keyed: look up whole keys (fixed[at], pred, node) in the index led
	// by From, rather than read node's quads in the index led by To
	keyed bool
	fixed []uint64
	at    int
}

func (it *hopContains) Contains(ctx context.Context, v cgraph.Ref) bool {
	it.result, it.node = nil, 0
	id, ok := v.(kv.Int64Value)
	if !ok || id == 0 {
		return false
	}
	it.node, it.pred, it.at = uint64(id), 0, 0
	if !it.openAt() {
		it.node = 0
		return false
	}
	return it.nextMatch(ctx)
}

// openAt opens the lookup at it.pred (and it.at); false past the last.
func (it *hopContains) openAt() bool {
	if it.pred >= len(it.h.Preds) {
		return false
	}
	if !it.keyed {
		return it.open(it.node, it.h.Preds[it.pred])
	}
	if it.at >= len(it.fixed) {
		return false
	}
	return it.open(it.fixed[it.at], it.h.Preds[it.pred], it.node)
}

// advance moves to the next lookup; false past the last.
func (it *hopContains) advance() bool {
	if it.keyed {
		if it.at++; it.at < len(it.fixed) {
			return it.openAt()
		}
		it.at = 0
	}
	it.pred++
	return it.openAt()
}

// nextMatch finds the node's next quad that comes from the step's nodes.
func (it *hopContains) nextMatch(ctx context.Context) bool {
	for it.err == nil && it.node != 0 {
		far, ok := it.next()
		if !ok {
			if it.err != nil || !it.advance() {
				break
			}
			continue
		}
		if it.nodes.Contains(ctx, kv.Int64Value(far)) {
			it.result = kv.Int64Value(it.node)
			return true
		}
		if err := it.nodes.Err(); err != nil {
			it.err = err
		}
	}
	it.node = 0
	return false
}

func (it *hopContains) NextPath(ctx context.Context) bool {
	if it.nodes.NextPath(ctx) {
		return true
	}
	if err := it.nodes.Err(); err != nil {
		it.err = err
		return false
	}
	return it.nextMatch(ctx)
}

func (it *hopContains) Result() cgraph.Ref                   { return it.result }
func (it *hopContains) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }
func (it *hopContains) Err() error                           { return it.err }
func (it *hopContains) String() string                       { return "HopContains" }

func (it *hopContains) Close() error { return it.closeWith(it.nodes) }
