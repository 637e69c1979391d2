package query

// Every count this package gives is checked against SPARQL in Oxigraph over
// the same graph, exported as N-Quads (an independent engine counting
// distinct events its own way). The graph is the seed corpus plus the
// first KG_TEST_NEWS articles of ../shared/corpora/news.jsonl (or
// $KG_SHARED/corpora/news.jsonl): 300 by default, 3000 with KG_LONG_TESTS=1.
//
// Oxigraph comes from the shared rdfcheck tool: set KG_RDFCHECK to it, as
// .ci/run does (KG_RDFCHECK=../shared/tools/rdfcheck); without it the test
// is skipped.

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/benchdata"
	"kg/internal/extract"
	"kg/internal/graph"
	"kg/internal/oxigraph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
	"kg/internal/testenv"
)

// oxigraph runs SPARQL queries over the test graph.
type sparqlEngine struct{ file string }

type sparqlResult = oxigraph.Result

// newOxigraph checks the N-Triples beside file with rdfcheck (which
// installs Oxigraph), or skips the test when KG_RDFCHECK is not set.
func newOxigraph(t testing.TB, file string) *sparqlEngine {
	t.Helper()
	if _, err := oxigraph.Tool(); err != nil {
		t.Skip(err)
	}
	// rdfcheck reads Turtle and N-Triples: it checks the triples written
	// beside the N-Quads
	if err := oxigraph.Check(strings.TrimSuffix(file, ".nq") + ".nt"); err != nil {
		t.Fatal(err)
	}
	return &sparqlEngine{file: file}
}

// run answers the queries, each runs times.
func (o *sparqlEngine) run(t testing.TB, runs int, queries ...string) []sparqlResult {
	t.Helper()
	a, err := oxigraph.Query(o.file, runs, queries...)
	if err != nil {
		t.Fatal(err)
	}
	return a.Results
}

const sparqlPrefixes = `PREFIX kg: <https://w3id.org/kg/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`

func sparqlValue(term string) string { return oxigraph.Value(term) }

// testDir holds the test graph, once built; TestMain removes it.
var testDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if testDir != "" {
		if st, err := testStore(); err == nil {
			st.Close()
		}
		os.RemoveAll(testDir)
	}
	os.Exit(code)
}

// testStore builds the test graph once per test binary: a bolt store
// and its N-Quads export.
var testStore = sync.OnceValues(func() (*graph.Store, error) {
	dir, err := os.MkdirTemp("", "kg-query-test")
	if err != nil {
		return nil, err
	}
	testDir = dir
	inputs := []string{filepath.Join("..", "..", "corpus")}
	if news := newsSlice(dir); news != "" {
		inputs = append(inputs, news)
	}
	x, err := extract.NewExtractor(extract.BuiltinRules())
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(filepath.Join(dir, "db"))
	if err != nil {
		return nil, err
	}
	_, err = pipeline.Build(context.Background(), pipeline.BuildOptions{
		Inputs: inputs, Extractor: x, Store: st,
		Run: graph.Run{Version: "test", Rules: "builtin", Time: time.Unix(0, 0).UTC()},
	})
	if err != nil {
		return nil, err
	}
	var quads []quad.Quad
	if err := st.Each(context.Background(), func(q quad.Quad) error { quads = append(quads, q); return nil }); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name   string
		format rdf.Format
	}{{"graph.nq", rdf.NQuads}, {"graph.nt", rdf.NTriples}} {
		err = rdf.WriteFileAtomic(filepath.Join(dir, f.name), func(w io.Writer) error {
			return rdf.Write(w, f.format, quads, graph.Prefixes)
		})
		if err != nil {
			return nil, err
		}
	}
	return st, nil
})

// newsSlice writes the first KG_TEST_NEWS articles of the news corpus into
// dir, "" when the corpus is not there.
func newsSlice(dir string) string {
	n := 300
	if testenv.IsLong() {
		n = 3000
	}
	if s := os.Getenv("KG_TEST_NEWS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	news, ok := benchdata.Shared(filepath.Join("corpora", "news.jsonl"))
	if !ok || n <= 0 {
		return ""
	}
	in, err := os.Open(news)
	if err != nil {
		return ""
	}
	defer in.Close()
	path := filepath.Join(dir, "news.jsonl")
	out, err := os.Create(path)
	if err != nil {
		return ""
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		out.Write(append(sc.Bytes(), '\n'))
	}
	return path
}

func openTestStore(t *testing.T) (*graph.Store, *sparqlEngine) {
	t.Helper()
	if _, err := oxigraph.Tool(); err != nil {
		t.Skip(err) // before building the graph for nothing
	}
	st, err := testStore()
	if err != nil {
		t.Fatal(err)
	}
	return st, newOxigraph(t, filepath.Join(filepath.Dir(st.Path), "graph.nq"))
}

// table is a query answer as key → count, for comparing.
type table map[string]int

func sparqlTable(t *testing.T, r sparqlResult) table {
	t.Helper()
	out := table{}
	for _, row := range r.Rows {
		key := make([]string, len(row)-1)
		for i, v := range row[:len(row)-1] {
			key[i] = sparqlValue(v)
		}
		n, err := strconv.Atoi(sparqlValue(row[len(row)-1]))
		if err != nil {
			t.Fatalf("count %q in %v", row[len(row)-1], row)
		}
		out[strings.Join(key, " → ")] = n
	}
	return out
}

func compareTables(t *testing.T, what string, got, want table) {
	t.Helper()
	if len(want) == 0 {
		t.Errorf("%s: SPARQL found nothing to compare", what)
	}
	bad := 0
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] {
			if bad++; bad <= 5 {
				t.Errorf("%s: %s = %d, SPARQL %d", what, k, got[k], want[k])
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			if bad++; bad <= 5 {
				t.Errorf("%s: %s = %d, not in SPARQL's answer", what, k, got[k])
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d rows differ", what, bad)
	}
}

const (
	eventCount = sparqlPrefixes + `SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event }`
	involved   = `{ ?e kg:actor ?x } UNION { ?e kg:target ?x }`
)

// kg stats: every table, in full, against SPARQL.
func TestStatsAgreeWithSPARQL(t *testing.T) {
	st, ox := openTestStore(t)
	s, err := ComputeStats(context.Background(), st, 0)
	if err != nil {
		t.Fatal(err)
	}
	res := ox.run(t, 1,
		eventCount,
		sparqlPrefixes+`SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:Report }`,
		sparqlPrefixes+`SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }`,
		sparqlPrefixes+`SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?e a kg:Event . `+involved+` }`,
		sparqlPrefixes+`SELECT ?root (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:action/kg:cameoCode ?code . BIND(SUBSTR(?code, 1, 2) AS ?root) } GROUP BY ?root`,
		sparqlPrefixes+`SELECT ?x (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:actor ?x } GROUP BY ?x`,
		sparqlPrefixes+`SELECT ?a ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:actor ?a ; kg:target ?t } GROUP BY ?a ?t`,
		sparqlPrefixes+`SELECT ?s (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:source ?s } GROUP BY ?s`,
	)
	for i, got := range []int{s.Events, s.Reports, s.Articles, s.Actors} {
		name := []string{"events", "reports", "articles", "actors"}[i]
		if want := sparqlTable(t, res[i])[""]; got != want {
			t.Errorf("%s: %d, SPARQL %d", name, got, want)
		}
	}
	asTable := func(rows []Count) table {
		out := table{}
		for _, r := range rows {
			out[r.Key] = r.N
		}
		return out
	}
	compareTables(t, "events by CAMEO root", asTable(s.Roots), sparqlTable(t, res[4]))
	compareTables(t, "events per actor", asTable(s.Actor), sparqlTable(t, res[5]))
	compareTables(t, "events per dyad", asTable(s.Dyads), sparqlTable(t, res[6]))
	compareTables(t, "events per source", asTable(s.Sources), sparqlTable(t, res[7]))
	t.Logf("%d events, %d reports, %d articles, %d actors", s.Events, s.Reports, s.Articles, s.Actors)
}

// kg actors and kg events: the events of the most active actors, in each
// role, under each root, in a date range, against SPARQL.
func TestEventsAgreeWithSPARQL(t *testing.T) {
	st, ox := openTestStore(t)
	ctx := context.Background()
	top, total, err := Actors(ctx, st, "", 8)
	if err != nil {
		t.Fatal(err)
	}
	// every actor's count, against SPARQL's
	all, _, err := Actors(ctx, st, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != total {
		t.Errorf("Actors: %d listed, total %d", len(all), total)
	}
	counts := table{}
	for _, a := range all {
		counts[a.IRI] = a.Events
	}

	type check struct {
		name   string
		f      Filter
		sparql string
	}
	var checks []check
	for _, a := range top {
		x := "<" + a.IRI + ">"
		checks = append(checks,
			check{"with " + a.Label, Filter{With: [][]string{{a.IRI}}}, `{ ?e kg:actor ` + x + ` } UNION { ?e kg:target ` + x + ` }`},
			check{"actor " + a.Label, Filter{Actors: []string{a.IRI}}, `?e kg:actor ` + x},
			check{"target " + a.Label, Filter{Targets: []string{a.IRI}}, `?e kg:target ` + x},
			check{"with " + a.Label + " since 1990", Filter{With: [][]string{{a.IRI}}, From: "1990"},
				`{ ?e kg:actor ` + x + ` } UNION { ?e kg:target ` + x + ` } ?e kg:date ?d FILTER(STR(?d) >= "1990")`},
			check{"with " + a.Label + ", root 04", Filter{With: [][]string{{a.IRI}}, Roots: []string{"04"}},
				`{ ?e kg:actor ` + x + ` } UNION { ?e kg:target ` + x + ` } ?e kg:action/kg:cameoCode ?c FILTER(STRSTARTS(?c, "04"))`},
		)
	}
	if len(top) >= 2 {
		a, b := "<"+top[0].IRI+">", "<"+top[1].IRI+">"
		checks = append(checks, check{"between the top two", Filter{With: [][]string{{top[0].IRI}, {top[1].IRI}}},
			`{ ?e kg:actor ` + a + ` ; kg:target ` + b + ` } UNION { ?e kg:actor ` + b + ` ; kg:target ` + a + ` }`})
	}
	for _, root := range []string{"01", "04", "11", "19"} {
		checks = append(checks, check{"root " + root, Filter{Roots: []string{root}},
			`?e kg:action/kg:cameoCode ?c FILTER(STRSTARTS(?c, "` + root + `"))`})
	}
	checks = append(checks,
		check{"code 041", Filter{Codes: []string{"041"}}, `?e kg:action/kg:cameoCode "041"`},
		check{"May 2017", Filter{From: "2017-05-01", To: "2017-05-31"}, `?e kg:date ?d FILTER(STR(?d) >= "2017-05-01" && STR(?d) <= "2017-05-31")`},
		check{"2003 and after", Filter{From: "2003"}, `?e kg:date ?d FILTER(STR(?d) >= "2003")`},
		check{"until 1990", Filter{To: "1990"}, `?e kg:date ?d FILTER(SUBSTR(STR(?d), 1, 4) <= "1990")`},
		check{"all", Filter{}, ``},
	)
	queries := []string{sparqlPrefixes + `SELECT ?x (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event . ` + involved + ` } GROUP BY ?x`}
	for _, c := range checks {
		queries = append(queries, sparqlPrefixes+`SELECT DISTINCT ?e WHERE { ?e a kg:Event . `+c.sparql+` }`)
	}
	res := ox.run(t, 1, queries...)
	compareTables(t, "events per actor (kg actors)", counts, sparqlTable(t, res[0]))
	for i, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			for _, order := range []Order{ByDate, BySources} {
				for _, limit := range []int{0, 3} {
					list, total, err := Events(ctx, st, c.f, order, limit, 0)
					if err != nil {
						t.Fatal(err)
					}
					want := map[string]bool{}
					for _, row := range res[i+1].Rows {
						want[sparqlValue(row[0])] = true
					}
					if total != len(want) {
						t.Errorf("order %d, limit %d: total %d events, SPARQL %d", order, limit, total, len(want))
					}
					if n := min(len(want), cmp.Or(limit, len(want))); len(list) != n {
						t.Errorf("order %d, limit %d: %d events listed, want %d", order, limit, len(list), n)
					}
					for _, e := range list {
						if !want[e.IRI] {
							t.Errorf("order %d: %s is not in SPARQL's answer", order, e.IRI)
						}
					}
					if limit == 0 && order == ByDate && !slices.IsSortedFunc(list, func(a, b Event) int {
						return strings.Compare(cmp.Or(a.Date, "~"), cmp.Or(b.Date, "~"))
					}) {
						t.Errorf("not in date order")
					}
				}
			}
		})
	}
}

// The partners of the most active actors (an actor's ego network), against
// SPARQL.
func TestPartnersAgreeWithSPARQL(t *testing.T) {
	st, ox := openTestStore(t)
	ctx := context.Background()
	top, _, err := Actors(ctx, st, "", 3)
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, a := range top {
		x := "<" + a.IRI + ">"
		queries = append(queries, sparqlPrefixes+`SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event .
			{ ?e kg:actor `+x+` ; kg:target ?p } UNION { ?e kg:target `+x+` ; kg:actor ?p } FILTER(?p != `+x+`) } GROUP BY ?p`)
	}
	res := ox.run(t, 1, queries...)
	for i, a := range top {
		ps, err := Partners(ctx, st, []string{a.IRI}, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		got := table{}
		for _, p := range ps {
			got[p.IRI] = p.Events
		}
		compareTables(t, fmt.Sprintf("partners of %s", a.Label), got, sparqlTable(t, res[i]))
	}
}

// Timelines (events per month and root), of everyone and of the busiest
// actors, from the index's counts and the general way, against SPARQL.
func TestTimelineAgreesWithSPARQL(t *testing.T) {
	st, ox := openTestStore(t)
	ctx := context.Background()
	top, _, err := Actors(ctx, st, "", 3)
	if err != nil {
		t.Fatal(err)
	}
	who := []string{""}
	for _, a := range top {
		who = append(who, a.IRI)
	}
	var queries []string
	for _, x := range who {
		part := ""
		if x != "" {
			part = `{ ?e kg:actor <` + x + `> } UNION { ?e kg:target <` + x + `> }`
		}
		queries = append(queries, sparqlPrefixes+`SELECT ?m ?root (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:date ?d ;
			kg:action/kg:cameoCode ?c . `+part+` BIND(SUBSTR(STR(?d), 1, 7) AS ?m) BIND(SUBSTR(?c, 1, 2) AS ?root) } GROUP BY ?m ?root`)
	}
	res := ox.run(t, 1, queries...)
	for i, x := range who {
		want := sparqlTable(t, res[i])
		for _, f := range []Filter{{}, {From: "0001"}} { // the index's counts, and reading every event
			if x != "" {
				f.With = [][]string{{x}}
			}
			buckets, err := Timeline(ctx, st, f, 7)
			if err != nil {
				t.Fatal(err)
			}
			got := table{}
			for _, b := range buckets {
				got[b.Period+" → "+b.Root] = b.Events
			}
			compareTables(t, fmt.Sprintf("timeline of %q (%+v)", x, f), got, want)
		}
	}
}
