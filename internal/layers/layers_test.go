// Package layers holds the test that keeps kg's imports pointing down:
//
//	cmd/kg                            the command line
//	internal/explore                  kg serve's explorer, built on query
//	internal/pipeline, eval, query,   flows and views that use the rest;
//	internal/benchdata                graphs for benchmarks
//	internal/graph                    the store and the mapping of events to RDF
//	internal/extract, internal/rdf    articles → events; RDF syntax
//	internal/syntax                   sentence structure, for extract
//	internal/nlp, ontology,           the bottom: no kg imports
//	internal/fatal, internal/ui, internal/oxigraph,
//	internal/testcorpus, internal/testenv
//
// A package may import packages of lower layers only, never one of its own
// layer or above; a component's sub-packages (internal/graph/boltkv,
// internal/extract/internal/...) belong to it. It is the owner's rule
// "cmd → pipeline → extract, graph, rdf → ontology, nothing upward", with
// graph one step above extract and rdf, which it maps between; extract may
// also use internal/nlp and internal/syntax, which is built on nlp. And urfave/cli belongs to cmd/kg alone.
package layers

import (
	"fmt"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// layers, bottom first.
var layers = [][]string{
	{"kg/ontology", "kg/internal/nlp", "kg/internal/fatal", "kg/internal/ui", "kg/internal/layers", "kg/internal/testcorpus", "kg/internal/oxigraph", "kg/internal/testenv"},
	{"kg/internal/syntax"},
	{"kg/internal/extract", "kg/internal/rdf"},
	{"kg/internal/graph"},
	{"kg/internal/pipeline", "kg/internal/eval", "kg/internal/query", "kg/internal/benchdata"},
	{"kg/internal/explore"}, // the explorer's views reuse query's lookups (#12, #14)
	{"kg/cmd/kg"},
}

// onlyIn lists outside packages only some components may import.
var onlyIn = map[string][]string{
	"github.com/urfave/cli": {"kg/cmd/kg"},
}

// component returns the component a package belongs to and its layer.
func component(pkg string) (string, int, bool) {
	best, layer := "", -1
	for i, l := range layers {
		for _, c := range l {
			if (pkg == c || strings.HasPrefix(pkg, c+"/")) && len(c) > len(best) {
				best, layer = c, i
			}
		}
	}
	return best, layer, layer >= 0
}

// check returns one message per import that breaks the rule; imports maps
// each package to its (non-test) imports.
func check(imports map[string][]string) []string {
	var bad []string
	for pkg, deps := range imports {
		from, fl, ok := component(pkg)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s is in no layer: add it to layers", pkg))
			continue
		}
		for _, dep := range deps {
			for outside, allowed := range onlyIn {
				if dep == outside || strings.HasPrefix(dep, outside+"/") {
					okHere := false
					for _, a := range allowed {
						okHere = okHere || from == a
					}
					if !okHere {
						bad = append(bad, fmt.Sprintf("%s imports %s, which only %s may use", pkg, dep, strings.Join(allowed, ", ")))
					}
				}
			}
			if !strings.HasPrefix(dep, "kg/") {
				continue
			}
			to, tl, ok := component(dep)
			switch {
			case !ok:
				bad = append(bad, fmt.Sprintf("%s imports %s, which is in no layer", pkg, dep))
			case to == from:
				// within a component
			case tl >= fl:
				bad = append(bad, fmt.Sprintf("%s (layer %d) imports %s (layer %d): imports must point down", pkg, fl, dep, tl))
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// TestLayers checks the import graph `go list` gives for every package of
// the module (test files excluded: a test may use what is above it).
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", "kg/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		imports[f[0]] = f[1:]
		var kg []string
		for _, d := range f[1:] {
			if strings.HasPrefix(d, "kg/") {
				kg = append(kg, d)
			}
		}
		t.Logf("%s → %s", f[0], strings.Join(kg, " "))
	}
	if len(imports) < 10 {
		t.Fatalf("go list found %d packages; is the module there?", len(imports))
	}
	for _, msg := range check(imports) {
		t.Error(msg)
	}
}

// The check itself fails on imports that cross a layer.
func TestCheckCatchesUpwardImports(t *testing.T) {
	for _, tc := range []struct {
		name    string
		imports map[string][]string
		want    string
	}{
		{"graph imports pipeline", map[string][]string{"kg/internal/graph": {"kg/internal/pipeline"}}, "imports must point down"},
		{"rdf imports graph", map[string][]string{"kg/internal/rdf": {"kg/internal/graph"}}, "imports must point down"},
		{"extract imports rdf (same layer)", map[string][]string{"kg/internal/extract": {"kg/internal/rdf"}}, "imports must point down"},
		{"nlp imports extract", map[string][]string{"kg/internal/nlp": {"kg/internal/extract"}}, "imports must point down"},
		{"a sub-package of graph imports pipeline", map[string][]string{"kg/internal/graph/boltkv": {"kg/internal/pipeline"}}, "imports must point down"},
		{"pipeline uses urfave/cli", map[string][]string{"kg/internal/pipeline": {"github.com/urfave/cli/v2"}}, "only kg/cmd/kg may use"},
		{"a package outside the layers", map[string][]string{"kg/internal/newthing": nil}, "in no layer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := check(tc.imports)
			if len(bad) != 1 || !strings.Contains(bad[0], tc.want) {
				t.Errorf("check = %q, want one message with %q", bad, tc.want)
			}
		})
	}
	ok := map[string][]string{
		"kg/cmd/kg":                            {"kg/internal/pipeline", "kg/internal/graph", "kg/ontology", "github.com/urfave/cli/v2"},
		"kg/internal/pipeline":                 {"kg/internal/graph", "kg/internal/extract", "kg/internal/rdf"},
		"kg/internal/graph":                    {"kg/internal/extract", "kg/internal/rdf", "kg/internal/graph/boltkv", "kg/ontology"},
		"kg/internal/extract/internal/phoenix": {"kg/internal/extract", "kg/internal/nlp"},
	}
	if bad := check(ok); len(bad) > 0 {
		t.Errorf("check refuses imports that point down: %q", bad)
	}
}
