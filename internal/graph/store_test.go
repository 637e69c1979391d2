package graph

// Store conformance suite, in the style of cayley's graph/graphtest: one
// function, testStore, runs the same named subtests against every backend
// kg supports, so that a backend that stores or answers differently shows
// up as a failing subtest under its name (TestStore/bolt/..., /postgres/...).
//
// PostgreSQL runs when KG_TEST_POSTGRES holds a postgres:// URL, e.g. from
// .ci/postgres.sh. Each test gets its own schema in that database (dropped
// afterwards), so the suite never touches tables it did not create.

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// The fixture: two articles (named graphs) reporting one event, plus
// descriptions in the default graph.
//
//	article:a1 ─┐ event:e1 ──kg:actor──▶ actor:A ──rdfs:label──▶ "Donald Trump"@en
//	article:a2 ─┘    │ ╰────kg:target─▶ actor:B ──rdfs:label──▶ "Wladimir Putin"@de
//	                 ├─kg:date────────▶ "2017-05-02"^^xsd:date        (in a1 and a2)
//	                 ├─kg:sourceCount─▶ "02"^^xsd:integer             (lexical form kept)
//	                 ├─kg:confidence──▶ "0.50"^^xsd:decimal
//	                 ├─kg:evidence────▶ "Trump \"called\"\nPutin – Köln 𝄞"
//	                 ╰─kg:place───────▶ _:place
//	actor:A ──kg:countryCode▶ 7 (quad.Int)      _:place ──rdfs:label──▶ "Moscow"
var (
	stE1   = quad.IRI(NSEvent + "e1")
	stA    = quad.IRI(NSActor + "A")
	stB    = quad.IRI(NSActor + "B")
	stArt1 = quad.IRI(NSArt + "a1")
	stArt2 = quad.IRI(NSArt + "a2")
	stDate = quad.TypedString{Value: "2017-05-02", Type: quad.IRI(XSDDate)}
)

func stFixture() []quad.Quad {
	q := func(s quad.Value, p string, o quad.Value, l quad.Value) quad.Quad {
		return quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: l}
	}
	return []quad.Quad{
		q(stE1, RDFType, quad.IRI(ClassEvent), stArt1),
		q(stE1, RDFType, quad.IRI(ClassEvent), stArt2), // same triple, second graph
		q(stE1, PropActor, stA, stArt1),
		q(stE1, PropTarget, stB, stArt1),
		q(stE1, PropDate, stDate, stArt1),
		q(stE1, PropDate, stDate, stArt2),
		q(stE1, PropSourceCount, quad.TypedString{Value: "02", Type: quad.IRI(XSDInteger)}, stArt1),
		q(stE1, PropConfidence, quad.TypedString{Value: "0.50", Type: quad.IRI(XSDDecimal)}, stArt1),
		q(stE1, PropEvidence, quad.String("Trump \"called\"\nPutin – Köln 𝄞"), stArt1),
		q(stE1, PropPlace, quad.BNode("place"), stArt1),
		q(quad.BNode("place"), RDFSLabel, quad.String("Moscow"), nil),
		q(stA, RDFSLabel, quad.LangString{Value: "Donald Trump", Lang: "en"}, nil),
		q(stB, RDFSLabel, quad.LangString{Value: "Wladimir Putin", Lang: "de"}, nil),
		q(stA, PropCountryCode, quad.Int(7), nil),
	}
}

func testStore(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	filled := func(t *testing.T) *Store {
		s := open(t)
		if err := s.Add(stFixture()); err != nil {
			t.Fatalf("Add: %v", err)
		}
		return s
	}

	t.Run("AddAndCount", func(t *testing.T) {
		s := open(t)
		if n := s.Size(); n != 0 {
			t.Errorf("new store: Size = %d, want 0", n)
		}
		if err := s.Add(stFixture()); err != nil {
			t.Fatal(err)
		}
		if n, want := s.Size(), int64(len(stFixture())); n != want {
			t.Errorf("Size = %d, want %d", n, want)
		}
		if err := s.Add(nil); err != nil {
			t.Errorf("Add(nil) = %v", err)
		}
	})

	t.Run("AddTwiceAddsNothing", func(t *testing.T) {
		s := filled(t)
		if err := s.Add(stFixture()); err != nil {
			t.Fatalf("second Add: %v", err)
		}
		// A batch of old and new quads adds just the new one.
		extra := quad.Quad{Subject: stB, Predicate: quad.IRI(PropCountryCode), Object: quad.String("RUS")}
		if err := s.Add(append(stFixture()[:3:3], extra, extra)); err != nil {
			t.Fatalf("mixed Add: %v", err)
		}
		if n, want := s.Size(), int64(len(stFixture())+1); n != want {
			t.Errorf("Size = %d, want %d", n, want)
		}
	})

	t.Run("EachReturnsEverythingExactly", func(t *testing.T) {
		// Exactly: the same Go types and values, so typed literals keep
		// their lexical form and full datatype IRI, language tags their
		// case, labels their graph; nothing is converted to native values.
		s := filled(t)
		got := map[quad.Quad]int{}
		if err := s.Each(ctx, func(q quad.Quad) error { got[q]++; return nil }); err != nil {
			t.Fatal(err)
		}
		want := map[quad.Quad]int{}
		for _, q := range stFixture() {
			want[q]++
		}
		for q := range want {
			if got[q] != 1 {
				t.Errorf("missing or changed: %s  (%T object)", stShow(q), q.Object)
			}
		}
		for q, n := range got {
			if want[q] == 0 || n > 1 {
				t.Errorf("unexpected (%d×): %s  (%T object)", n, stShow(q), q.Object)
			}
		}
	})

	t.Run("TypedLiteralsRoundTrip", func(t *testing.T) {
		s := filled(t)
		for _, tc := range []struct {
			pred string
			want quad.Value
		}{
			{PropDate, stDate},
			{PropSourceCount, quad.TypedString{Value: "02", Type: quad.IRI(XSDInteger)}},
			{PropConfidence, quad.TypedString{Value: "0.50", Type: quad.IRI(XSDDecimal)}},
			{PropEvidence, quad.String("Trump \"called\"\nPutin – Köln 𝄞")},
		} {
			vals := stObjects(t, s, stE1, tc.pred)
			if len(vals) != 1 || vals[0] != tc.want {
				t.Errorf("%s: got %#v, want %#v", tc.pred, vals, tc.want)
			}
		}
		for subj, want := range map[quad.Value]quad.Value{
			stA: quad.LangString{Value: "Donald Trump", Lang: "en"},
			stB: quad.LangString{Value: "Wladimir Putin", Lang: "de"},
		} {
			if vals := stObjects(t, s, subj, RDFSLabel); len(vals) != 1 || vals[0] != want {
				t.Errorf("label of %s: got %#v, want %#v", subj, vals, want)
			}
		}
		if vals := stObjects(t, s, stA, PropCountryCode); len(vals) != 1 || vals[0] != quad.Int(7) {
			t.Errorf("integer: got %#v, want quad.Int(7)", vals)
		}
	})

	t.Run("AwkwardStrings", func(t *testing.T) {
		s := open(t)
		vals := []quad.Value{
			quad.String(""),
			quad.String("nul\x00byte"), // a real NUL
			quad.String(strings.Repeat("long ", 20000)),
			quad.LangString{Value: "Grüße", Lang: "de-AT"},
			quad.TypedString{Value: "x y", Type: "http://example.org/dt#my type"},
		}
		var qs []quad.Quad
		for i, v := range vals {
			qs = append(qs, quad.Quad{Subject: quad.IRI(fmt.Sprintf("http://example.org/s%d", i)), Predicate: quad.IRI(RDFSLabel), Object: v})
		}
		if err := s.Add(qs); err != nil {
			t.Fatal(err)
		}
		// The text \x00 is stored exactly or refused, never changed
		// (Cayley's PostgreSQL backend would read it back as NUL).
		tricky := quad.Quad{Subject: quad.IRI("http://example.org/tricky"), Predicate: quad.IRI(RDFSLabel), Object: quad.String(`C:\x00dir`)}
		if err := s.Add([]quad.Quad{tricky}); err != nil {
			t.Logf("%s refuses the text \\x00: %v", s.Backend, err)
		} else if got := stObjects(t, s, tricky.Subject, RDFSLabel); len(got) != 1 || got[0] != tricky.Object {
			t.Errorf("the text \\x00 came back as %#v", got)
		}
		for i, v := range vals {
			got := stObjects(t, s, qs[i].Subject, RDFSLabel)
			if len(got) != 1 || got[0] != v {
				g := fmt.Sprintf("%#v", got)
				if len(g) > 80 {
					g = g[:80] + "..."
				}
				t.Errorf("value %d: got %s, want %T %.40q", i, g, v, quad.StringOf(v))
			}
		}
	})

	t.Run("LabelsSurvive", func(t *testing.T) {
		s := filled(t)
		byLabel := map[string]int{}
		s.Each(ctx, func(q quad.Quad) error {
			byLabel[quad.StringOf(q.Label)]++
			return nil
		})
		want := map[string]int{quad.StringOf(stArt1): 8, quad.StringOf(stArt2): 2, "": 4}
		if !reflect.DeepEqual(byLabel, want) {
			t.Errorf("quads per graph = %v, want %v", byLabel, want)
		}
		// and Gizmo sees them: the date is stated in both articles
		rs, err := s.Query(ctx, `g.V("event:e1").LabelContext("article:a2").Out("kg:date").All()`, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0]["id"] != `"2017-05-02"^^<`+XSDDate+`>` {
			t.Errorf("LabelContext(article:a2) dates = %v", rs)
		}
		rs, err = s.Query(ctx, `g.V("event:e1").LabelContext("article:a2").Out("kg:actor").All()`, 0)
		if err != nil || len(rs) != 0 {
			t.Errorf("LabelContext(article:a2) actors = %v, %v; want none (kg:actor is only in a1)", rs, err)
		}
	})

	t.Run("GizmoQuery", func(t *testing.T) {
		s := filled(t)
		rs, err := s.Query(ctx, `g.V("<`+string(stA)+`>").In("<`+PropActor+`>").Tag("event").Out("<`+PropTarget+`>").Tag("target").Out("<`+RDFSLabel+`>").All()`, 0)
		if err != nil {
			t.Fatal(err)
		}
		// (Gizmo's JSON form of a language string is its text alone.)
		want := []Result{{"event": "<" + string(stE1) + ">", "target": "<" + string(stB) + ">", "id": "Wladimir Putin"}}
		if !reflect.DeepEqual(rs, want) {
			t.Errorf("got  %v\nwant %v", rs, want)
		}
		// Count(): the value of the last expression is a result row. (e1
		// is typed in two graphs: two paths, one node.)
		rs, err = s.Query(ctx, `g.V().Has("<`+RDFType+`>", "<`+ClassEvent+`>").Unique().Count()`, 0)
		if err != nil || len(rs) != 1 || fmt.Sprint(rs[0]["result"]) != "1" {
			t.Errorf("Count() = %v, %v; want one row with result 1", rs, err)
		}
		// limit
		rs, err = s.Query(ctx, `g.V().All()`, 3)
		if err != nil || len(rs) != 3 {
			t.Errorf("limit 3: %d rows, %v", len(rs), err)
		}
	})

	t.Run("CURIEExpansion", func(t *testing.T) {
		s := filled(t)
		short, err := s.Query(ctx, `g.V("actor:A").In("kg:actor").Out('kg:date').Unique().All()`, 0)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.Query(ctx, `g.V("<`+string(stA)+`>").In("<`+PropActor+`>").Out("<`+PropDate+`>").Unique().All()`, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(short) != 1 || !reflect.DeepEqual(short, full) {
			t.Errorf("with CURIEs %v, with IRIs %v; want the same single date", short, full)
		}
	})

	t.Run("UnionQueriesAgreeWithMemory", func(t *testing.T) {
		// Or() over nodes reached by several paths (each event's action is
		// stated in two graphs): with Cayley's SQL planner unguarded this
		// crashed the process (pgstore.go).
		quads := stUnionFixture()
		s := open(t)
		if err := s.Add(quads); err != nil {
			t.Fatal(err)
		}
		ref, err := Open("memory")
		if err != nil {
			t.Fatal(err)
		}
		defer ref.Close()
		ref.Add(quads)
		for _, q := range []string{
			`g.V("cameo:04").Or(g.V("cameo:04").In("skos:broader")).In("kg:action").Count()`,
			`g.V("cameo:04").Or(g.V("cameo:04").In("skos:broader")).In("kg:action").Unique().Count()`,
			`g.V("cameo:04").Or(g.V("cameo:04").In("skos:broader")).In("kg:action").Tag("e").Out("kg:actor").Tag("a").All()`,
			`g.V("actor:A").Or(g.V("actor:B")).In("kg:actor").Out("kg:action").All()`,
			`g.V("actor:A").In("kg:actor").Tag("e").Out("kg:target").Tag("t").All()`,
		} {
			got, err := s.Query(ctx, q, 0)
			if err != nil {
				t.Errorf("%s: %v", q, err)
				continue
			}
			want, _ := ref.Query(ctx, q, 0)
			if g, w := stRows(got), stRows(want); g != w {
				t.Errorf("%s\n got %s\nwant %s (memstore)", q, g, w)
			}
		}
	})

	t.Run("SyntaxErrorHasPosition", func(t *testing.T) {
		s := open(t)
		_, err := s.Query(ctx, "g.V()\n  .Out(\"kg:actor\"))", 0)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Fatalf("error %v (%T), want *QueryError", err, err)
		}
		if qe.Line != 2 || qe.Col == 0 {
			t.Errorf("position %d:%d, want line 2 and a column (%v)", qe.Line, qe.Col, qe)
		}
	})

	t.Run("QueryStopsOnContextEnd", func(t *testing.T) {
		s := open(t)
		ctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := s.Query(ctx, "while (true) {}", 0)
		if err == nil {
			t.Fatal("endless query returned no error")
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("endless query stopped after %v, want ~200ms", d)
		}
	})
}

// stUnionFixture: CAMEO root 04 with children 040-043, events stated in
// two article graphs each, with actions at root or child level.
func stUnionFixture() []quad.Quad {
	var out []quad.Quad
	add := func(s quad.Value, p string, o quad.Value, l quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: l})
	}
	for _, c := range []string{"040", "041", "042", "043"} { // ≥ 3 children: needed to crash
		add(quad.IRI(NSCameo+c), SKOSBroader, quad.IRI(NSCameo+"04"), nil)
	}
	add(quad.IRI(NSCameo+"051"), SKOSBroader, quad.IRI(NSCameo+"05"), nil)
	codes := []string{"04", "040", "040", "041", "041", "042", "042", "043", "051", "043"}
	for i := 0; i < 200; i++ {
		code := codes[i%len(codes)]
		ev := quad.IRI(fmt.Sprintf("%se%d", NSEvent, i))
		actor, target := stA, stB
		if i%2 == 1 {
			actor, target = stB, stA
		}
		for _, art := range []quad.IRI{stArt1, stArt2} {
			add(ev, PropAction, quad.IRI(NSCameo+code), art)
			add(ev, PropActor, actor, art)
			add(ev, PropTarget, target, art)
		}
	}
	return out
}

// stRows is a canonical form of query results for comparison.
func stRows(rs []Result) string {
	rows := make([]string, len(rs))
	for i, r := range rs {
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%v ", k, r[k])
		}
		rows[i] = b.String()
	}
	slices.Sort(rows)
	return fmt.Sprint(len(rows), " rows: ", strings.Join(rows, " | "))
}

// stObjects returns the objects of subj pred, through the quad store.
func stObjects(t *testing.T, s *Store, subj quad.Value, pred string) []quad.Value {
	t.Helper()
	var out []quad.Value
	s.Each(context.Background(), func(q quad.Quad) error {
		if q.Subject == subj && q.Predicate == quad.IRI(pred) {
			for _, v := range out {
				if v == q.Object {
					return nil // same triple in another graph
				}
			}
			out = append(out, q.Object)
		}
		return nil
	})
	return out
}

func stShow(q quad.Quad) string {
	return fmt.Sprintf("%s %s %s %s", quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label))
}

func TestStore(t *testing.T) {
	open := func(spec func(t *testing.T) string) func(t *testing.T) *Store {
		return func(t *testing.T) *Store {
			s, err := Open(spec(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			return s
		}
	}
	t.Run("bolt", func(t *testing.T) {
		testStore(t, open(func(t *testing.T) string { return filepath.Join(t.TempDir(), "db") }))
	})
	t.Run("memory", func(t *testing.T) {
		testStore(t, open(func(*testing.T) string { return "memory" }))
	})
	t.Run("postgres", func(t *testing.T) {
		base := os.Getenv("KG_TEST_POSTGRES")
		if base == "" {
			t.Skip("KG_TEST_POSTGRES is not set (a postgres:// URL; bash .ci/postgres.sh starts one and prints it)")
		}
		testStore(t, open(func(t *testing.T) string { return pgSchemaURL(t, base) }))
	})
}

// pgSchemaURL creates a fresh schema in the database at base and returns a
// URL whose connections use it (lib/pq sends unknown URL parameters, here
// search_path, as session settings). The schema is dropped after the test.
func pgSchemaURL(t testing.TB, base string) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "kgtest_" + hex.EncodeToString(b)
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("KG_TEST_POSTGRES=%s: %v", base, err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// ---- the bolt lock, across processes ----

// TestHelperHoldStore is not a test: run as a child process by
// TestStoreLockedByOtherProcess (KG_HELPER_HOLD_STORE set), it opens the
// store, says "ready", and holds it until its stdin is closed.
// KG_HELPER_HOLD_MODE=bolt holds only the bolt file, as a non-kg program
// (cayley itself) would; =reader opens the store read-only.
func TestHelperHoldStore(t *testing.T) {
	dir := os.Getenv("KG_HELPER_HOLD_STORE")
	if dir == "" {
		return
	}
	switch os.Getenv("KG_HELPER_HOLD_MODE") {
	case "bolt":
		f, err := os.OpenFile(filepath.Join(dir, "indexes.bolt"), os.O_RDWR, 0)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	default:
		open := Open
		if os.Getenv("KG_HELPER_HOLD_MODE") == "reader" {
			open = OpenReadOnly
		}
		s, err := open(dir)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		defer s.Close()
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
}

// holdStore runs TestHelperHoldStore in a child process holding dir in the
// given mode until the returned function is called.
func holdStore(t *testing.T, dir, mode string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldStore$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KG_HELPER_HOLD_STORE="+dir, "KG_HELPER_HOLD_MODE="+mode)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	release = func() {
		stdin.Close()
		cmd.Wait()
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		release()
		t.Fatalf("helper process: %q, %v", line, err)
	}
	return release
}

// A writer has the store alone; readers share it. Every refusal is
// ErrLocked, at once.
func TestStoreLockedByOtherProcess(t *testing.T) {
	for _, tc := range []struct {
		holder             string // what the other process does
		writerOK, readerOK bool   // whether Open and OpenReadOnly succeed meanwhile
	}{
		{holder: "kg"},                     // a writer: build, load, serve --writable
		{holder: "reader", readerOK: true}, // query, stats, export, serve
		{holder: "bolt"},                   // a non-kg program with the bolt file open
	} {
		t.Run(tc.holder, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			s, err := Open(dir) // create it (indexes.bolt exists afterwards)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Add(stFixture()); err != nil {
				t.Fatal(err)
			}
			s.Close()

			release := holdStore(t, dir, tc.holder)
			defer release()
			for _, o := range []struct {
				name string
				open func(string) (*Store, error)
				ok   bool
			}{{"Open", Open, tc.writerOK}, {"OpenReadOnly", OpenReadOnly, tc.readerOK}} {
				start := time.Now()
				s, err := o.open(dir)
				took := time.Since(start)
				switch {
				case o.ok && err != nil:
					t.Errorf("%s: %v, want it to share the store", o.name, err)
				case o.ok:
					if n := s.Size(); n != int64(len(stFixture())) {
						t.Errorf("%s: Size = %d, want %d", o.name, n, len(stFixture()))
					}
					s.Close()
				case err == nil:
					s.Close()
					t.Errorf("%s succeeded while another process holds the store (%s)", o.name, tc.holder)
				case !errors.Is(err, ErrLocked):
					t.Errorf("%s: error %q is not ErrLocked", o.name, err)
				}
				if took > 2*time.Second {
					t.Errorf("%s took %v, want < 2s", o.name, took)
				}
			}

			// Once the other process is gone, the store opens.
			release()
			s, err = Open(dir)
			if err != nil {
				t.Fatalf("after the other process exited: %v", err)
			}
			s.Close()
		})
	}
}

// A store opened read-only refuses writes, and a missing bolt store is an
// error rather than a new empty store.
func TestOpenReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	if _, err := OpenReadOnly(dir); err == nil {
		t.Error("OpenReadOnly of a directory without a store succeeded")
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Add(stFixture())
	s.Close()
	r, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Add(stFixture()[:1]); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add on a read-only store = %v, want ErrReadOnly", err)
	}
	rs, err := r.Query(context.Background(), `g.V(actor("A")).In("kg:actor").Count()`, 0)
	if err != nil || len(rs) != 1 || fmt.Sprint(rs[0]["result"]) != "1" {
		t.Errorf("query on a read-only store = %v, %v; want one event", rs, err)
	}
}

func TestOpenSpecs(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Open(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Open(regular file) = %v, want a 'not a directory' error", err)
	}
	for spec, backend := range map[string]string{"memory": "memstore", ":memory:": "memstore"} {
		s, err := Open(spec)
		if err != nil {
			t.Fatal(err)
		}
		if s.Backend != backend {
			t.Errorf("Open(%q).Backend = %q, want %q", spec, s.Backend, backend)
		}
		s.Close()
	}
}
