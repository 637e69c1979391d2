package graph

// PostgreSQL: Cayley v0.7.7's SQL query planner with its iterators guarded.
//
// The planner (sql.QuadStore.OptimizeShape) turns query shapes into SQL
// Selects, some in a "nextPath" mode whose iterator dereferences nil when
// NextPath is called again after it returned false — which Cayley's generic
// Or/LinksTo iterators do. With the kg graph,
//
//	g.V("cameo:04").Or(g.V("cameo:04").In("skos:broader")).In("kg:action").Count()
//
// killed the process: the panic happens in the goroutine Gizmo runs the
// query in, where no caller can recover it (for kg serve, any client could
// stop the server). Turning the planner off avoids it but costs too much: a
// tagged two-hop query on the 31,596-article news graph took 12.8 s instead
// of 0.37 s.
//
// So pgStore keeps the planner and wraps every SQL Select it plans in
// boundSelect, whose iterator (pgIterator) recovers panics into errors and
// keeps the NextPath contract (no call after it said false until the next
// Next/Contains; Result and tags stay on the last path). Two details make
// that possible:
//   - Select.BuildIterator only accepts the *sql.QuadStore itself, while
//     Cayley hands it the store Gizmo was given (pgStore): boundSelect
//     carries the *sql.QuadStore.
//   - The planner merges child Selects into larger ones, so it must see raw
//     Selects: OptimizeShape unwraps the tree, calls the planner, and wraps
//     the result again (Cayley's shapes are plain exported structs and
//     slices, which Cayley itself walks by reflection).

import (
	"context"
	"fmt"
	"reflect"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
)

// pgStore is a *csql.QuadStore as Gizmo sees it through kg. Its writes
// also keep its query index (in memory, see index_store.go).
type pgStore struct {
	cgraph.QuadStore
	sql *csql.QuadStore
	ix  *memIndex
}

var _ shape.Optimizer = pgStore{}

// newPGStore wraps qs, Cayley's SQL store.
func newPGStore(qs *csql.QuadStore) pgStore {
	s := pgStore{QuadStore: qs, sql: qs}
	s.ix = newMemIndex(s)
	return s
}

func (s pgStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	s.ix.mu.Lock()
	defer s.ix.mu.Unlock()
	if err := s.QuadStore.ApplyDeltas(in, opts); err != nil {
		return err
	}
	return s.ix.apply(context.Background(), in)
}

// NewQuadWriter is refused, as for memIndexed.
func (s pgStore) NewQuadWriter() (quad.WriteCloser, error) { return nil, errBulkWriter }

// OptimizeShape runs the SQL planner on the raw shape and guards what it
// planned.
func (s pgStore) OptimizeShape(sh shape.Shape) (shape.Shape, bool) {
	raw, _ := rebind(sh, nil)
	out, ok := s.sql.OptimizeShape(raw)
	out, wrapped := rebind(out, s.sql)
	// Report a change when the planner made one or the result has Selects
	// the input did not have bound (then the caller must take the new tree).
	return out, ok || wrapped > countBound(sh)
}

// boundSelect is a planned SQL Select, bound to the SQL store that can run it.
type boundSelect struct {
	sel csql.Select
	qs  *csql.QuadStore
}

func (b boundSelect) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	return &pgIterator{Iterator: b.sel.BuildIterator(b.qs)}
}

func (b boundSelect) Optimize(shape.Optimizer) (shape.Shape, bool) { return b, false }

var (
	rtShape  = reflect.TypeOf((*shape.Shape)(nil)).Elem()
	rtSelect = reflect.TypeOf(csql.Select{})
)

// rebind returns s with every csql.Select wrapped as a boundSelect on qs,
// or, with qs nil, every boundSelect unwrapped; and how many it changed.
// It copies what it changes and never descends into a Select.
func rebind(s shape.Shape, qs *csql.QuadStore) (shape.Shape, int) {
	switch x := s.(type) {
	case nil:
		return nil, 0
	case boundSelect:
		if qs == nil {
			return x.sel, 1
		}
		return x, 0
	case csql.Select:
		if qs != nil {
			return boundSelect{sel: x, qs: qs}, 1
		}
		return x, 0
	}
	v, n := walkShapes(reflect.ValueOf(s), func(x shape.Shape) (shape.Shape, int) { return rebind(x, qs) }, rtSelect)
	if n == 0 {
		return s, 0
	}
	return v.Interface().(shape.Shape), n
}

// walkShapes applies fn to every shape reachable from v through exported
// struct fields, slices and interfaces, without descending into what fn
// handles itself or into values of the types in opaque, and returns v with
// the replacements (copied where changed) and how many fn made.
func walkShapes(v reflect.Value, fn func(shape.Shape) (shape.Shape, int), opaque ...reflect.Type) (reflect.Value, int) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() || !v.Elem().Type().Implements(rtShape) {
			return v, 0
		}
		ns, n := fn(v.Elem().Interface().(shape.Shape))
		if n == 0 {
			return v, 0
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(reflect.ValueOf(ns))
		return out, n
	case reflect.Struct:
		for _, t := range opaque {
			if v.Type() == t {
				return v, 0
			}
		}
		var out reflect.Value
		total := 0
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			f, n := walkShapes(v.Field(i), fn, opaque...)
			if n == 0 {
				continue
			}
			if !out.IsValid() {
				out = reflect.New(v.Type()).Elem()
				out.Set(v)
			}
			out.Field(i).Set(f)
			total += n
		}
		if total == 0 {
			return v, 0
		}
		return out, total
	case reflect.Slice:
		var out reflect.Value
		total := 0
		for i := 0; i < v.Len(); i++ {
			e, n := walkShapes(v.Index(i), fn, opaque...)
			if n == 0 {
				continue
			}
			if !out.IsValid() {
				out = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				reflect.Copy(out, v)
			}
			out.Index(i).Set(e)
			total += n
		}
		if total == 0 {
			return v, 0
		}
		return out, total
	}
	return v, 0 // maps, pointers, scalars: no shapes kg needs to reach
}

func countBound(s shape.Shape) int {
	_, n := rebind(s, nil)
	return n
}

// pgIterator guards one SQL iterator (see the file comment).
type pgIterator struct {
	cgraph.Iterator
	state int // pgNone, pgOnResult, pgPathsDone
	res   cgraph.Ref
	tags  map[string]cgraph.Ref
	err   error
}

const (
	pgNone = iota
	pgOnResult
	pgPathsDone
)

func (it *pgIterator) catch(what string) {
	if p := recover(); p != nil {
		it.err = fmt.Errorf("PostgreSQL iterator failed in %s: %v", what, p)
		it.state = pgNone
	}
}

func (it *pgIterator) Next(ctx context.Context) (ok bool) {
	if it.err != nil {
		return false
	}
	defer it.catch("Next")
	it.state = pgNone
	ok = it.Iterator.Next(ctx)
	if ok {
		it.state = pgOnResult
	}
	return ok
}

func (it *pgIterator) Contains(ctx context.Context, v cgraph.Ref) (ok bool) {
	if it.err != nil {
		return false
	}
	defer it.catch("Contains")
	it.state = pgNone
	ok = it.Iterator.Contains(ctx, v)
	if ok {
		it.state = pgOnResult
	}
	return ok
}

func (it *pgIterator) NextPath(ctx context.Context) (ok bool) {
	if it.err != nil || it.state != pgOnResult {
		return false
	}
	defer it.catch("NextPath")
	// The SQL iterator forgets its result when NextPath says false; keep it.
	res, tags := it.Iterator.Result(), map[string]cgraph.Ref{}
	it.Iterator.TagResults(tags)
	ok = it.Iterator.NextPath(ctx)
	if !ok {
		it.state, it.res, it.tags = pgPathsDone, res, tags
	}
	return ok
}

func (it *pgIterator) Result() cgraph.Ref {
	if it.state == pgPathsDone {
		return it.res
	}
	return it.Iterator.Result()
}

func (it *pgIterator) TagResults(dst map[string]cgraph.Ref) {
	if it.state == pgPathsDone {
		for k, v := range it.tags {
			dst[k] = v
		}
		return
	}
	it.Iterator.TagResults(dst)
}

func (it *pgIterator) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.Iterator.Err()
}

func (it *pgIterator) Reset() {
	it.state, it.err, it.res, it.tags = pgNone, nil, nil, nil
	it.Iterator.Reset()
}

func (it *pgIterator) Optimize() (cgraph.Iterator, bool) {
	if n, ok := it.Iterator.Optimize(); ok {
		return &pgIterator{Iterator: n}, true
	}
	return it, false
}
