package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
	"kg/internal/graph"
	"kg/internal/rdf"
)

// buildText builds articles given as file name → text into a memory store
// and returns the store and the N-Triples written.
func buildText(t *testing.T, files map[string]string) (*graph.Store, string, *BuildResult) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, _, err := LoadRules("") // compiled once per test binary
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open("memory")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var buf bytes.Buffer
	out, _ := NewRDFOutput(&buf, rdf.NTriples, graph.Prefixes)
	res, err := Build(context.Background(), BuildOptions{Inputs: []string{dir}, Extractor: x, Store: st, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	out.Close()
	return st, buf.String(), res
}

func count(nt, substr string) int { return strings.Count(nt, substr) }

// The same dated event in two articles is one Event with two reports and
// sourceCount 2, whatever the direction each article names the parties in
// and even when their CAMEO codes differ under one root; undated reports
// stay separate events.
func TestMergeAcrossArticles(t *testing.T) {
	st, nt, res := buildText(t, map[string]string{
		"a.txt": "ID: a\nDATE: 2017-05-04\n\nVladimir Putin spoke by phone with Recep Tayyip Erdogan on Tuesday.\n",
		"b.txt": "ID: b\nDATE: 2017-05-03\n\nRecep Tayyip Erdogan met Vladimir Putin on Tuesday.\n",
		"c.txt": "ID: c\n\nRecep Tayyip Erdogan met Vladimir Putin.\n",
		"d.txt": "ID: d\n\nRecep Tayyip Erdogan met Vladimir Putin.\n",
	})
	if res.Events != 4 || res.MergedEvents != 1 {
		t.Errorf("events %d, merged %d; want 4 reports, 1 merged event", res.Events, res.MergedEvents)
	}
	events := count(nt, "<"+graph.RDFType+"> <"+graph.ClassEvent+">")
	reports := count(nt, "<"+graph.RDFType+"> <"+graph.ClassReport+">")
	if events != 3 || reports != 4 {
		t.Errorf("%d events and %d reports written; want 3 and 4\n%s", events, reports, nt)
	}
	if count(nt, `<`+graph.PropSourceCount+`> "2"^^<`+graph.XSDInteger+`>`) != 1 {
		t.Errorf("no event with sourceCount 2")
	}
	if count(nt, "<"+graph.PropAction+"> <"+graph.NSCameo+"041>") < 2 || count(nt, "<"+graph.PropAction+"> <"+graph.NSCameo+"040>") < 2 {
		t.Errorf("the merged event should keep both codes (041, 040) and each report its own")
	}
	// in the store too, and a second build of one article keeps the count
	var merged quad.IRI
	for _, line := range strings.Split(nt, "\n") {
		if strings.Contains(line, graph.PropSourceCount) && strings.Contains(line, `"2"`) {
			merged = quad.IRI(strings.Trim(strings.Fields(line)[0], "<>"))
		}
	}
	rs, err := st.Query(context.Background(), `g.V("`+quad.StringOf(merged)+`").Out("kg:sourceCount").All()`, 0)
	if err != nil || len(rs) != 1 || fmt.Sprint(rs[0]["id"]) != "2" {
		t.Errorf("store sourceCount of %s: %v %v", merged, rs, err)
	}

	// One event, one answer: a path to events meets each once, although
	// two articles report the merged one.
	for q, want := range map[string]string{
		`g.V("kg:Event").In("rdf:type").Count()`: "3",
		`events().Count()`:                       "3",
		`g.V(actor("Vladimir_Putin")).In(["kg:actor", "kg:target"]).Count()`:                         "3",
		`g.V(cameo("04")).FollowRecursive(g.M().In("skos:broader")).In("kg:action").Count()`:         "8", // 3 events (one with 041 and 040) and 4 reports
		`events(g.V(cameo("04")).FollowRecursive(g.M().In("skos:broader")).In("kg:action")).Count()`: "3",
		`g.V("` + quad.StringOf(merged) + `").Out("kg:source").Count()`:                              "2",
	} {
		rs, err := st.Query(context.Background(), q, 0)
		if err != nil || len(rs) != 1 || fmt.Sprint(rs[0]["result"]) != want {
			t.Errorf("%s = %v %v, want %s", q, rs, err, want)
		}
	}
}

// In N-Quads, an event's own statements are in the default graph, once;
// what an article says (that it reports the event, and its report) is in
// the article's graph.
func TestEventStatementsOncePerEvent(t *testing.T) {
	files := map[string]string{
		"a.txt": "ID: a\nDATE: 2017-05-04\n\nVladimir Putin spoke by phone with Recep Tayyip Erdogan on Tuesday.\n",
		"b.txt": "ID: b\nDATE: 2017-05-03\n\nRecep Tayyip Erdogan met Vladimir Putin on Tuesday.\n",
	}
	dir := t.TempDir()
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	x, _, err := LoadRules("") // compiled once per test binary
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	out, _ := NewRDFOutput(&buf, rdf.NQuads, graph.Prefixes)
	if _, err := Build(context.Background(), BuildOptions{Inputs: []string{dir}, Extractor: x, Output: out}); err != nil {
		t.Fatal(err)
	}
	out.Close()
	quads, err := rdf.Parse(&buf, rdf.NQuads)
	if err != nil {
		t.Fatal(err)
	}
	graphOf := map[string][]string{} // predicate → graph of each of the event's statements
	for _, q := range quads {
		if !strings.HasPrefix(quad.StringOf(q.Subject), "<"+graph.NSEvent) {
			continue
		}
		p := string(q.Predicate.(quad.IRI))
		g := ""
		if q.Label != nil {
			g = quad.StringOf(q.Label)
		}
		graphOf[p] = append(graphOf[p], g)
	}
	for p, want := range map[string][]string{
		graph.RDFType:    {""},
		graph.PropActor:  {""},
		graph.PropTarget: {""},
		graph.PropDate:   {""},
		graph.PropSource: {"<" + graph.NSArt + "a>", "<" + graph.NSArt + "b>"},
		graph.PropReport: {"<" + graph.NSArt + "a>", "<" + graph.NSArt + "b>"},
	} {
		got := graphOf[p]
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s stated in graphs %q, want %q", p, got, want)
		}
	}
}

// A panic while extracting one article (a bug in kg) skips that article
// with a warning naming it; the build goes on with the others.
func TestExtractionPanicSkipsArticle(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "ID: a\n\nChile praised Peru.\n", "b.txt": "ID: b\n\nPeru praised Chile.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, _, err := LoadRules("") // compiled once per test binary
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	res, err := Build(context.Background(), BuildOptions{Inputs: []string{dir}, Extractor: x,
		Warn: func(err error) { warnings = append(warnings, err.Error()) },
		Events: func(a *extract.Article) ([]extract.Event, int) {
			if a.ID == "a" {
				panic("boom")
			}
			return x.ExtractCounting(a)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 2 || res.Events != 1 {
		t.Errorf("%d articles, %d events; want 2 articles read, the other's 1 event", res.Articles, res.Events)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "a.txt") || !strings.Contains(warnings[0], "boom") {
		t.Errorf("warnings %q, want one naming a.txt and the panic", warnings)
	}
}

// The store's query index stays what its quads derive through an
// interrupted build, the build that completes it, and a build of other
// articles into the same store.
func TestIndexAfterInterruptedBuild(t *testing.T) {
	seeds, _ := filepath.Glob("../../corpus/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seed articles")
	}
	dir := t.TempDir()
	corpus := func(name string, n, offset int) string {
		var buf bytes.Buffer
		for i := 0; i < n; i++ {
			text, err := os.ReadFile(seeds[i%len(seeds)])
			if err != nil {
				t.Fatal(err)
			}
			// the same texts on different days: events merge within a day only
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("a%04d", offset+i), "outlet": "Wire",
				"date": fmt.Sprintf("2017-05-%02d", 1+(offset+i)%20), "text": string(text)})
			buf.Write(append(line, '\n'))
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// A seed article maps to hundreds of quads: with 200-quad batches,
	// each build commits dozens; the second corpus overlaps the first by 10.
	first, second := corpus("first.jsonl", 40, 0), corpus("second.jsonl", 16, 30)
	x, _, err := LoadRules("") // compiled once per test binary
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(filepath.Join(dir, "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	_, err = Build(ctx, BuildOptions{Inputs: []string{first}, Extractor: x, Store: st, BatchSize: 200, Jobs: 1,
		Progress: func(s BuildStats) {
			if s.Articles == 20 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted build: %v, want context.Canceled", err)
	}
	if err := st.VerifyIndex(context.Background()); err != nil {
		t.Errorf("after the interruption: %v", err)
	}
	for _, in := range []string{first, second} {
		if _, err := Build(context.Background(), BuildOptions{Inputs: []string{in}, Extractor: x, Store: st, BatchSize: 200}); err != nil {
			t.Fatal(err)
		}
		if err := st.VerifyIndex(context.Background()); err != nil {
			t.Errorf("after building %s: %v", filepath.Base(in), err)
		}
	}
}
