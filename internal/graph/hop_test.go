package graph

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
)

// hopQueries are Gizmo paths of every shape a step along predicates comes
// in (In, Out, Has, Back, lists of predicates, tags, counts, recursion,
// steps from every node), on the seed graph. The ones marked empty may
// find nothing there.
// queriedEvent is a seed event the queries below start from.
const queriedEvent = "2017-05-02-621b5e1b805e6fcb"

var hopQueries = []struct {
	q     string
	empty bool
}{
	// docs/queries.md
	{q: `events(g.V("RUS").In("kg:countryCode").In("kg:actor")).Tag("event").Out("kg:actor").Tag("actor").All()`},
	{q: `g.V(actor("Russia")).In("kg:reportedBy").Tag("report").In("kg:report").Tag("event").All()`, empty: true},
	{q: `g.V(actor("Donald_Trump")).In(["kg:actor", "kg:target"]).Tag("event").Out(["kg:actor", "kg:target"]).Except(g.V(actor("Donald_Trump"))).Tag("other").All()`},
	{q: `g.V("event:2017-05-02-621b5e1b805e6fcb").Out("kg:source").Tag("article").Out("dcterms:title").Tag("title").Back("article").Out("dcterms:publisher").Out("rdfs:label").Tag("publisher").All()`},
	{q: `g.V("event:2017-05-02-621b5e1b805e6fcb").Out("kg:report").Tag("report").Out("kg:rule").Tag("rule").Back("report").Out("kg:confidence").Tag("confidence").Back("report").Out("kg:evidence").Tag("evidence").All()`},
	{q: `events(g.V(date("2017-05-02")).In("dcterms:issued").Has("dcterms:publisher", "actor:Reuters").In("kg:source")).Tag("event").Out("kg:action").Tag("action").All()`, empty: true},
	{q: `events(g.V(cameo("11")).FollowRecursive(g.M().In("skos:broader")).In("kg:action")).Count()`},
	// one step, both ways, one or more predicates
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").All()`},
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").Count()`},
	{q: `g.V(actor("Donald_Trump"), actor("Vladimir_Putin")).In(["kg:actor", "kg:target"]).All()`},
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").Out("kg:target").Tag("t").In("kg:target").Tag("e").Out("kg:date").All()`},
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").Out(["kg:date", "kg:action", "kg:sourceCount"]).All()`},
	{q: `g.V("kg:Event").In("rdf:type").Out("kg:date").Count()`},
	{q: `g.V("kg:Event").In("rdf:type").Out(["kg:actor", "kg:target"]).Count()`},
	{q: `g.V("kg:Report").In("rdf:type").Out("kg:confidence").Count()`},
	{q: `g.V("kg:Event").In("rdf:type").Out("kg:sourceCount").Tag("n").In("kg:sourceCount").All()`},
	{q: `g.V(actor("Russia")).In("kg:nothing").All()`, empty: true},
	// Has: from one node, from many, from every node
	{q: `g.V().Has("kg:actor", actor("Donald_Trump")).Count()`},
	{q: `g.V().Has("rdf:type", "kg:Event").Out("kg:actor").Unique().All()`},
	{q: `g.V().Has("kg:actor", actor("Donald_Trump"), actor("Vladimir_Putin")).Tag("e").Out("kg:source").Out("dcterms:title").All()`},
	{q: `g.V("kg:Event").In("rdf:type").Has("kg:actor", actor("Donald_Trump")).Tag("e").Out("kg:source").Out("dcterms:title").All()`},
	{q: `g.V(actor("Vladimir_Putin")).In("kg:target").HasR("kg:report", "report:nothing").All()`, empty: true},
	// steps from every node: listed as Cayley lists them, tested through the index
	{q: `g.V().Out("kg:countryCode").Unique().All()`},
	{q: `g.V().In("kg:actor").Count()`},
	{q: `g.V("kg:Event").In("rdf:type").Out("kg:actor").Tag("a").Back("a").In("kg:target").Count()`},
	// tags, saves, unions, differences, recursion
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").Save("kg:date", "date").SaveOpt("kg:target", "target").All()`},
	{q: `g.V(actor("Donald_Trump")).SaveR("kg:actor", "event").All()`},
	{q: `g.V(actor("Russia")).In("kg:actor").Or(g.V(actor("Russia")).In("kg:target")).Count()`},
	{q: `g.V(actor("Russia")).In("kg:actor").And(g.V(actor("United_States")).In("kg:target")).All()`, empty: true},
	{q: `g.V(actor("Donald_Trump")).Follow(g.M().In("kg:actor").Out("kg:target")).All()`},
	{q: `g.V(actor("Vladimir_Putin")).FollowR(g.M().In("kg:actor").Out("kg:target")).All()`},
	{q: `g.V(cameo("04")).FollowRecursive(g.M().In("skos:broader")).Tag("code").In("kg:action").Tag("e").Out("kg:date").All()`},
	{q: `g.V(actor("Donald_Trump")).In("kg:actor").Tag("e").Out("kg:target").In("kg:actor").Tag("e2").All()`},
	{q: `g.V(actor("Donald_Trump")).Out().All()`},
	{q: `g.V(actor("Donald_Trump")).In().Count()`},
	{q: `g.V(actor("Donald_Trump")).InPredicates().All()`},
}

// A path step read through kg's index lookups (hop.go) finds what Cayley's
// own plan finds, path for path — on a store that has seen merged events
// and deletions (so its indexes list deleted quads) — and what Cayley's
// memory store finds for the same quads.
func TestPathStepsMatchCayley(t *testing.T) {
	ctx := context.Background()
	seeds, all, rng := seedRuns(t)
	st, err := Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < len(all); {
		n := min(1+rng.Intn(400), len(all)-i)
		if err := st.Add(all[i : i+n]); err != nil {
			t.Fatal(err)
		}
		i += n
	}
	before := st.Size()
	for i, q := range seeds {
		// (not the quads of the event two queries start from, which must
		// find something whatever the extraction rules make of the seeds)
		if p := string(q.Predicate.(quad.IRI)); (p == PropActor || p == PropTarget || p == PropSource || p == RDFSLabel) && i%4 == 0 &&
			!strings.HasSuffix(fmt.Sprint(q.Subject), queriedEvent+">") {
			if err := st.qw.RemoveQuad(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	removed := int(before - st.Size())
	// kg:source quads are gone: the counts change (kg's own writer deletes
	// the old ones)
	var events []quad.IRI
	for _, q := range seeds {
		if q.Predicate == quad.IRI(RDFType) && q.Object == quad.IRI(ClassEvent) {
			events = append(events, q.Subject.(quad.IRI))
		}
	}
	if err := st.UpdateSourceCounts(ctx, events); err != nil {
		t.Fatal(err)
	}
	var live []quad.Quad
	if err := st.Each(ctx, func(q quad.Quad) error { live = append(live, q); return nil }); err != nil {
		t.Fatal(err)
	}
	mem, err := Open("memory")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := mem.Add(live); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d quads, %d removed", len(live), removed)

	ks := st.qs.(*kvStore)
	compareHops(t, st, mem)

	// the store lists its deleted quads as it deletes them: the list is
	// the one read from the log
	listed := deadList(t, ks)
	if len(listed) <= removed {
		t.Fatalf("%d deleted quads listed, want more than the %d removed (and the old source counts)", len(listed), removed)
	}
	err = ks.db.(*boltkv.DB).Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(deadBucket) })
	if err != nil {
		t.Fatal(err)
	}
	if got := deadList(t, ks); got != nil {
		t.Fatalf("without the list, deadQuads = %d quads, want nil", len(got))
	}
	compareHops(t, st, mem) // reading the log
	if err := deadListCurrent(ks.db.(*boltkv.DB)); err != nil {
		t.Fatal(err)
	}
	if got := deadList(t, ks); !maps.Equal(got, listed) {
		t.Errorf("deleted quads read from the log: %d, listed as deleted: %d", len(got), len(listed))
	}
}

func deadList(t *testing.T, ks *kvStore) map[uint64]bool {
	t.Helper()
	var dead map[uint64]bool
	err := ks.bolt.View(func(tx *bolt.Tx) (err error) {
		dead, err = ks.deadQuads(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dead
}

// compareHops runs hopQueries on st with and without hops, and on mem.
func compareHops(t *testing.T, st, mem *Store) {
	t.Helper()
	ks := st.qs.(*kvStore)
	for _, c := range hopQueries {
		hop := mustQuery(t, st, c.q)
		ks.cayleyOnly = true
		cayley := mustQuery(t, st, c.q)
		ks.cayleyOnly = false
		if got, want := stRows(hop), stRows(cayley); got != want {
			t.Errorf("%s\nwith hops:   %.600s\nCayley's:    %.600s", c.q, got, want)
		}
		if got, want := stRows(hop), stRows(mustQuery(t, mem, c.q)); got != want {
			t.Errorf("%s\nbolt:   %.600s\nmemory: %.600s", c.q, got, want)
		}
		if len(cayley) == 0 && !c.empty {
			t.Errorf("%s: no results (the test would not see a difference)", c.q)
		}
	}
}

func mustQuery(t *testing.T, st *Store, q string) []Result {
	t.Helper()
	rs, err := st.Query(context.Background(), q, 0)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	// a count comes back as a number whose type differs between backends
	for _, r := range rs {
		if n, ok := r["result"]; ok {
			r["result"] = fmt.Sprint(n)
		}
	}
	return rs
}
