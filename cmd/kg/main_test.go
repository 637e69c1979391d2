package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kg/internal/graph"
	"kg/internal/rdf"
)

func TestReorderArgs(t *testing.T) {
	app := newApp(quietGlobals(nil))
	for _, tc := range []struct{ in, want []string }{
		{[]string{"kg", "build", "corpus", "-o", "g.ttl"}, []string{"kg", "build", "-o", "g.ttl", "--", "corpus"}},
		{[]string{"kg", "build", "-o", "g.ttl", "corpus"}, []string{"kg", "build", "-o", "g.ttl", "--", "corpus"}},
		{[]string{"kg", "build", "a", "--with-ontology", "b", "--store=x"}, []string{"kg", "build", "--with-ontology", "--store=x", "--", "a", "b"}},
		{[]string{"kg", "query", "g.V().All()", "--format", "json"}, []string{"kg", "query", "--format", "json", "--", "g.V().All()"}},
		{[]string{"kg", "build", "--", "-odd-name"}, []string{"kg", "build", "--", "-odd-name"}},
		{[]string{"kg", "--help"}, []string{"kg", "--help"}},
		{[]string{"kg", "nosuch", "x", "-o", "y"}, []string{"kg", "nosuch", "x", "-o", "y"}},
		{[]string{"kg", "build", "corpus", "-o", "-"}, []string{"kg", "build", "-o", "-", "--", "corpus"}},
		{[]string{"kg", "build", "-", "h"}, []string{"kg", "build", "--", "-", "h"}},
		{[]string{"kg", "build", "corpus", "-q", "-h"}, []string{"kg", "build", "--help"}},
	} {
		if got, err := reorderArgs(app, tc.in); err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("reorderArgs(%q)\n got %q, %v\nwant %q", tc.in, got, err, tc.want)
		}
	}
	// a flag that needs a value and ends the line
	if got, err := reorderArgs(app, []string{"kg", "build", "corpus", "--output"}); err == nil {
		t.Errorf("reorderArgs(--output at the end) = %q, want an error", got)
	}
}

func TestBuildFlagsAfterArgumentsAndReproducible(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	out1, out2 := filepath.Join(dir, "a.ttl"), filepath.Join(dir, "b.ttl")
	r := kg(t, "", "build", "corpus", "-o", out1, "--store", store)
	if r.code != 0 {
		t.Fatalf("build failed (%d): %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "5 articles") || !strings.Contains(r.stderr, "events") {
		t.Errorf("summary line missing: %q", r.stderr)
	}
	st := storeSize(t, store)
	r = kg(t, "", "build", "corpus", "--store", store, "-o", out2)
	if r.code != 0 {
		t.Fatalf("second build failed: %s", r.stderr)
	}
	a, _ := os.ReadFile(out1)
	b, _ := os.ReadFile(out2)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two builds of the same corpus differ (%d vs %d bytes)", len(a), len(b))
	}
	if st2 := storeSize(t, store); st2 != st {
		t.Errorf("rebuilding added quads: %d → %d", st, st2)
	}
	if _, err := rdf.ParseTurtle(a); err != nil {
		t.Errorf("output does not parse: %v", err)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing corpus", []string{"build", filepath.Join(dir, "nope"), "--store", "memory"}, 1, "nope"},
		{"no arguments", []string{"build", "--store", "memory"}, 2, "give at least one"},
		{"unknown flag", []string{"build", "corpus", "--bogus"}, 2, "bogus"},
		{"bad rules dir", []string{"build", "corpus", "--store", "memory", "--rules", dir}, 1, ".yaml"},
		{"query syntax", []string{"query", "--store", "memory", "g.V(.All()"}, 1, "query:1:5"},
		{"query on a missing store", []string{"query", "--store", filepath.Join(dir, "q.db"), "g.V().All()"}, 1, "does not exist"},
		{"query format", []string{"query", "--store", "memory", "--format", "xml", "g.V().All()"}, 2, "format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := kg(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr %q does not mention %q", r.stderr, tc.msg)
			}
			if lines := strings.Count(strings.TrimSpace(r.stderr), "\n"); lines > 2 {
				t.Errorf("error is not short (%d lines): %q", lines+1, r.stderr)
			}
		})
	}
}

// A store held by another kg must fail fast with a message, never hang.
func TestLockedStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	held, err := graph.Open(path) // this test process holds the lock
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	r := kg(t, "", "build", "corpus", "--store", path)
	if r.code != 1 || !strings.Contains(r.stderr, "in use by another kg") {
		t.Errorf("exit %d, stderr %q; want a clear lock error", r.code, r.stderr)
	}
	// bolt waits for its file lock forever: a hang, not a slow answer, is
	// what this catches (the rules load first, slowly under -race)
	if r.took > 30*time.Second {
		t.Errorf("took %v to report a locked store", r.took)
	}
}

func TestQuery(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	if r := kg(t, "", "build", "corpus", "--store", store); r.code != 0 {
		t.Fatal(r.stderr)
	}
	q := `g.V("actor:Donald_Trump").In("kg:actor").Out("kg:target").All()`
	r := kg(t, "", "query", q, "--store", store)
	if r.code != 0 || !strings.Contains(r.stdout, "actor:Vladimir_Putin") {
		t.Errorf("table output lacks Putin (exit %d): %s %s", r.code, r.stdout, r.stderr)
	}
	r = kg(t, q, "query", "--store", store, "--format", "json") // query from stdin
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("json output: %v %q %s", err, r.stdout, r.stderr)
	}
	if rows[0]["id"] == nil || !strings.HasPrefix(rows[0]["id"].(string), "<https://w3id.org/kg/id/actor/") {
		t.Errorf("json row: %v", rows[0])
	}
	f := filepath.Join(t.TempDir(), "q.js")
	os.WriteFile(f, []byte(`g.V("cameo:041").In("kg:action").Count()`), 0o644)
	if r := kg(t, "", "query", "-f", f, "--store", store, "--format", "tsv"); r.code != 0 || strings.TrimSpace(r.stdout) == "" {
		t.Errorf("query -f: exit %d %q %s", r.code, r.stdout, r.stderr)
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, c := range []string{"build", "query", "explain", "stats", "export", "load", "serve", "eval"} {
		r := kg(t, "", c, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "EXAMPLES") {
			t.Errorf("kg %s --help: exit %d, no EXAMPLES section:\n%s", c, r.code, r.stdout)
		}
	}
}

func TestExplain(t *testing.T) {
	r := kg(t, "", "explain", "corpus/001_62768f9597a6f921.txt")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, want := range []string{"publisher: Reuters", "issued: 2017-05-02", "EVENT", "rule consult.", "matched"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain output lacks %q", want)
		}
	}
}

func TestStats(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	if r := kg(t, "", "build", "corpus", "--store", store, "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := kg(t, "", "stats", "--store", store, "--format", "json")
	var s struct {
		Events, Articles int
		Roots            []struct{ Key string } `json:"by_cameo_root"`
		Dyads            []struct {
			Key, Label string
			N          int
		} `json:"top_dyads"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
	}
	if s.Articles != 5 || s.Events == 0 || len(s.Roots) == 0 || len(s.Dyads) == 0 {
		t.Errorf("stats: %+v", s)
	}
	if s.Dyads[0].Label != "Donald Trump → Vladimir Putin" || s.Dyads[0].Key != graph.NSActor+"Donald_Trump → "+graph.NSActor+"Vladimir_Putin" {
		t.Errorf("top dyad %q (%s), want Trump → Putin", s.Dyads[0].Label, s.Dyads[0].Key)
	}
	if r := kg(t, "", "stats", "--store", store); r.code != 0 || !strings.Contains(r.stdout, "EVENTS BY CAMEO ROOT") {
		t.Errorf("table: %d %s", r.code, r.stdout)
	}
}

// The output does not depend on how many workers extract.
func TestOutputIndependentOfWorkers(t *testing.T) {
	dir := t.TempDir()
	var outs [][]byte
	for _, j := range []string{"1", "3"} {
		out := filepath.Join(dir, "g"+j+".nq")
		if r := kg(t, "", "build", "corpus", "--store", "memory", "-j", j, "-q", "-o", out); r.code != 0 {
			t.Fatal(r.stderr)
		}
		b, _ := os.ReadFile(out)
		outs = append(outs, b)
	}
	if len(outs[0]) == 0 || !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("-j 1 and -j 3 give different N-Quads (%d vs %d bytes)", len(outs[0]), len(outs[1]))
	}
}
