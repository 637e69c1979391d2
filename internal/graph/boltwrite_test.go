package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"kg/internal/testenv"
)

// boltWriteQuads makes n quads over a small vocabulary, so that nodes are
// shared and quads repeat, with every kind of value, labelled and not, and
// with facts the query index derives entries from.
func boltWriteQuads(rng *rand.Rand, n int) []quad.Quad {
	subjects := func() quad.Value {
		switch rng.IntN(4) {
		case 0:
			return quad.BNode(fmt.Sprintf("b%d", rng.IntN(20)))
		case 1:
			return quad.IRI(fmt.Sprintf("%se%d", NSEvent, rng.IntN(40)))
		default:
			return quad.IRI(fmt.Sprintf("%sA%d", NSActor, rng.IntN(30)))
		}
	}
	preds := []string{RDFType, PropActor, PropTarget, PropAction, PropDate, PropSourceCount, PropEvidence, RDFSLabel, SKOSAltLabel, PropCountryCode, PropSource, NS + "other"}
	objects := func(p string) quad.Value {
		switch p {
		case RDFType:
			return quad.IRI([]string{ClassEvent, ClassPerson, ClassCountry, ClassArticle, NS + "Thing"}[rng.IntN(5)])
		case PropActor, PropTarget:
			return quad.IRI(fmt.Sprintf("%sA%d", NSActor, rng.IntN(30)))
		case PropAction:
			return quad.IRI(fmt.Sprintf("%s%03d", NSCameo, 10+rng.IntN(30)))
		case PropDate:
			return quad.TypedString{Value: quad.String(fmt.Sprintf("2017-05-%02d", 1+rng.IntN(9))), Type: XSDDate}
		case PropSourceCount:
			return quad.TypedString{Value: quad.String(fmt.Sprint(1 + rng.IntN(3))), Type: XSDInteger}
		case PropSource:
			return quad.IRI(fmt.Sprintf("%sa%d", NSArt, rng.IntN(10)))
		}
		switch rng.IntN(6) {
		case 0:
			return quad.LangString{Value: quad.String(fmt.Sprintf("name %d", rng.IntN(50))), Lang: "en"}
		case 1:
			return quad.Int(rng.IntN(5))
		case 2:
			return quad.Bool(rng.IntN(2) == 0)
		case 3:
			return quad.Float(float64(rng.IntN(4)) / 2)
		case 4:
			return quad.BNode(fmt.Sprintf("b%d", rng.IntN(20)))
		}
		return quad.String(fmt.Sprintf("text \"%d\"\n", rng.IntN(60)))
	}
	out := make([]quad.Quad, n)
	for i := range out {
		p := preds[rng.IntN(len(preds))]
		q := quad.Quad{Subject: subjects(), Predicate: quad.IRI(p), Object: objects(p)}
		if rng.IntN(2) == 0 {
			q.Label = quad.IRI(fmt.Sprintf("%sa%d", NSArt, rng.IntN(5)))
		}
		out[i] = q
	}
	return out
}

// cayleyAdd adds quads through Cayley's own writer, as kg did before
// boltWriter.
func cayleyAdd(t *testing.T, s *Store, quads []quad.Quad) {
	t.Helper()
	if err := s.qw.AddQuadSet(quads); err != nil {
		t.Fatal(err)
	}
}

// storeDump is what Cayley reads back from a store: every quad, and for
// every node, the quads each direction's index finds for it; and the query
// index's entries.
func storeDump(t *testing.T, s *Store) (quads []string, lookups map[string][]string, index []string) {
	t.Helper()
	ctx := context.Background()
	lookups = map[string][]string{}
	nodes := map[string]quad.Value{}
	err := s.Each(ctx, func(q quad.Quad) error {
		quads = append(quads, q.String())
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				nodes[quad.StringOf(v)] = v
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(quads)
	for name, v := range nodes {
		ref := s.qs.ValueOf(v)
		if ref == nil {
			t.Fatalf("node %s: not found", name)
		}
		if got := s.qs.NameOf(ref); quad.StringOf(got) != name {
			t.Fatalf("node %s reads back as %s", name, got)
		}
		// the two directions Cayley's indexes serve (for the others it reads
		// every quad, which the list of all quads above already compares)
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			var found []string
			it := s.qs.QuadIterator(d, ref)
			for it.Next(ctx) {
				found = append(found, s.qs.Quad(it.Result()).String())
			}
			it.Close()
			slices.Sort(found)
			lookups[d.String()+" "+name] = found
		}
	}
	err = s.bw.db.Bolt().View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(indexBucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			index = append(index, fmt.Sprintf("%q=%q", k, v))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return quads, lookups, index
}

func openTestBolt(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func compareStores(t *testing.T, step string, want, got *Store) {
	t.Helper()
	wq, wl, wi := storeDump(t, want)
	gq, gl, gi := storeDump(t, got)
	if !slices.Equal(wq, gq) {
		for _, q := range wq {
			if !slices.Contains(gq, q) {
				t.Errorf("only Cayley's: %s", q)
			}
		}
		for _, q := range gq {
			if !slices.Contains(wq, q) {
				t.Errorf("only boltWriter's: %s", q)
			}
		}
		t.Fatalf("%s: quads differ: Cayley %d, boltWriter %d", step, len(wq), len(gq))
	}
	for k, w := range wl {
		if !slices.Equal(w, gl[k]) {
			t.Fatalf("%s: lookup %s: Cayley %q, boltWriter %q", step, k, w, gl[k])
		}
	}
	if !slices.Equal(wi, gi) {
		for i := range min(len(wi), len(gi)) {
			if wi[i] != gi[i] {
				t.Errorf("Cayley:     %s\nboltWriter: %s", wi[i], gi[i])
			}
		}
		t.Fatalf("%s: query index differs (%d vs %d entries)", step, len(wi), len(gi))
	}
	if want.Size() != got.Size() {
		t.Fatalf("%s: size %d, want %d", step, got.Size(), want.Size())
	}
}

// TestBoltWriterMatchesCayley writes the same batches, with repeats and
// deletions between them, through Cayley's writer into one store and
// through boltWriter into another, and compares what Cayley reads back.
// Six batches (two of them repeats); eight with KG_LONG_TESTS=1 (the
// comparisons grow with the store: twice the time).
func TestBoltWriterMatchesCayley(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 16))
	want, got := openTestBolt(t), openTestBolt(t)
	var all []quad.Quad
	steps := 6
	if testenv.IsLong() {
		steps = 8
	}
	for step := range steps {
		batch := boltWriteQuads(rng, 300)
		if step%3 == 2 { // a batch that repeats earlier quads
			batch = append(batch, all[:len(all)/2]...)
		}
		all = append(all, batch...)
		cayleyAdd(t, want, batch)
		if err := got.Add(batch); err != nil {
			t.Fatal(err)
		}
		compareStores(t, fmt.Sprintf("after batch %d", step), want, got)

		// delete some quads through Cayley in both: the writer must see
		// deleted quads and nodes as gone
		var del []cgraph.Delta
		for _, q := range all[:len(all)/7] {
			del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
		for _, s := range []*Store{want, got} {
			if err := s.qs.ApplyDeltas(del, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
				t.Fatal(err)
			}
		}
		compareStores(t, fmt.Sprintf("after deleting, batch %d", step), want, got)
	}
}

// TestBoltWriterCounts checks the node use counts: removing every quad
// removes every node (Cayley deletes a node when its count reaches zero),
// and adding the same quads again gives the same graph.
func TestBoltWriterCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 16))
	s := openTestBolt(t)
	quads := boltWriteQuads(rng, 2000)
	for range 2 { // twice: the second adds nothing
		if err := s.Add(quads); err != nil {
			t.Fatal(err)
		}
	}
	n := s.Size()
	var del []cgraph.Delta
	err := s.Each(context.Background(), func(q quad.Quad) error {
		del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.qs.ApplyDeltas(del, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if s.Size() != 0 {
		t.Fatalf("size %d after deleting all %d quads", s.Size(), n)
	}
	it := s.qs.NodesAllIterator()
	defer it.Close()
	for it.Next(context.Background()) {
		t.Fatalf("node %s left after deleting every quad (use counts too high)", s.qs.NameOf(it.Result()))
	}
	if err := s.Add(quads); err != nil {
		t.Fatal(err)
	}
	if s.Size() != n {
		t.Fatalf("re-added: %d quads, want %d", s.Size(), n)
	}
}

// TestBoltWriterFailedTransaction: a failed transaction leaves nothing, and its
// node ids are not remembered.
func TestBoltWriterFailedTransaction(t *testing.T) {
	s := openTestBolt(t)
	good := boltWriteQuads(rand.New(rand.NewPCG(3, 16)), 50)
	bad := append(slices.Clone(good), quad.Quad{Subject: quad.IRI("x"), Object: quad.IRI("y")}) // no predicate
	if err := s.Add(bad); err == nil {
		t.Fatal("a quad without predicate was accepted")
	}
	if s.Size() != 0 {
		t.Fatalf("size %d after a failed Add", s.Size())
	}
	if err := s.Add(good); err != nil {
		t.Fatal(err)
	}
	ref := openTestBolt(t)
	cayleyAdd(t, ref, good)
	compareStores(t, "after a failed Add", ref, s)
}

// TestBoltWriterSourceCounts: as articles are added, each event's
// kg:sourceCount follows its kg:source quads, stale counts (here one loaded
// in an article's graph) are removed, and the store and its query index
// are those of a store written at once with the right counts.
//
// (Cayley's own writer gets this wrong: deleting old counts and adding new
// ones in one ApplyDeltas can take the kg:sourceCount node's use count to
// zero while new quads use it, and those quads are stored without
// predicate.)
func TestBoltWriterSourceCounts(t *testing.T) {
	got := openTestBolt(t)
	ctx := context.Background()
	ev := func(i int) quad.IRI { return quad.IRI(fmt.Sprintf("%s2017-05-02-%d", NSEvent, i)) }
	var events []quad.IRI
	for i := range 6 {
		events = append(events, ev(i))
	}
	var all []quad.Quad
	for step := range 4 {
		var batch []quad.Quad
		for i := range 6 {
			if i%(step+1) != 0 {
				continue
			}
			art := quad.IRI(fmt.Sprintf("%sa%d-%d", NSArt, step, i))
			batch = append(batch,
				quad.Quad{Subject: ev(i), Predicate: quad.IRI(RDFType), Object: quad.IRI(ClassEvent)},
				quad.Quad{Subject: ev(i), Predicate: quad.IRI(PropSource), Object: art, Label: art})
		}
		if step == 2 { // a stale count, in a graph, as loaded from a file
			batch = append(batch, quad.Quad{Subject: ev(1), Predicate: quad.IRI(PropSourceCount), Object: quad.TypedString{Value: "9", Type: XSDInteger}, Label: quad.IRI(NSArt + "x")})
		}
		all = append(all, batch...)
		if err := got.Add(batch); err != nil {
			t.Fatal(err)
		}
		if err := got.UpdateSourceCounts(ctx, append(events, quad.IRI(NSEvent+"missing"))); err != nil {
			t.Fatal(err)
		}
		// what the store must hold: the quads, but for counts, the right ones
		sources := map[quad.Value]map[quad.Value]bool{}
		var wantQuads []quad.Quad
		for _, q := range all {
			switch q.Predicate {
			case quad.IRI(PropSourceCount):
				continue
			case quad.IRI(PropSource):
				if sources[q.Subject] == nil {
					sources[q.Subject] = map[quad.Value]bool{}
				}
				sources[q.Subject][q.Object] = true
			}
			wantQuads = append(wantQuads, q)
		}
		for _, e := range events {
			if sources[e] != nil {
				wantQuads = append(wantQuads, SourceCount(e, len(sources[e])))
			}
		}
		want := openTestBolt(t)
		cayleyAdd(t, want, wantQuads)
		compareStores(t, fmt.Sprintf("step %d", step), want, got)
	}
}
