// Package oxigraph runs SPARQL queries in Oxigraph, the triple store CI
// checks kg's output with, so that tests can compare kg's answers with an
// independent engine's and benchmarks its speed with Oxigraph's, on the
// same file in the same run.
//
// It uses the shared rdfcheck tool (../shared/tools/rdfcheck), which
// installs Oxigraph's npm package and checks a file with serdi and
// Oxigraph; KG_RDFCHECK names the tool (.ci/run sets it). The queries run
// in one Node.js process (oxigraph.js), which loads the file once.
package oxigraph

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

//go:embed oxigraph.js
var script []byte

// ErrNoTool is returned when KG_RDFCHECK does not name the rdfcheck tool.
var ErrNoTool = errors.New("KG_RDFCHECK is not set (the path of ../shared/tools/rdfcheck, which installs and runs Oxigraph)")

// Tool is the rdfcheck tool named by KG_RDFCHECK, or ErrNoTool.
func Tool() (string, error) {
	if t := os.Getenv("KG_RDFCHECK"); t != "" {
		return t, nil
	}
	return "", ErrNoTool
}

// Check runs rdfcheck on a Turtle or N-Triples file: serdi and Oxigraph
// must both accept it. It installs Oxigraph on first use.
func Check(file string) error {
	tool, err := Tool()
	if err != nil {
		return err
	}
	if out, err := exec.Command(tool, file).CombinedOutput(); err != nil {
		return fmt.Errorf("rdfcheck %s: %v\n%s", file, err, out)
	}
	return nil
}

// Answer is what Oxigraph answered to a list of queries.
type Answer struct {
	LoadMS  float64  `json:"load_ms"` // loading the file
	Results []Result `json:"results"`
}

// Result is one query's answer: its variables, its rows (SPARQL TSV terms:
// <iri>, "text"@en, "2017-05-02"^^<…>, plain numbers), and how long each
// run took.
type Result struct {
	Vars []string   `json:"vars"`
	Rows [][]string `json:"rows"`
	MS   []float64  `json:"ms"`
}

// Query loads file (Turtle, N-Triples or N-Quads, by extension; graphs are
// merged into the default graph) and runs each SELECT query runs times
// (at least once). Run Check first: it installs Oxigraph.
func Query(file string, runs int, queries ...string) (*Answer, error) {
	dir, err := os.MkdirTemp("", "kg-oxigraph")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	js := filepath.Join(dir, "oxigraph.js")
	if err := os.WriteFile(js, script, 0o644); err != nil {
		return nil, err
	}
	in, _ := json.Marshal(queries)
	cmd := exec.Command("node", js, file, strconv.Itoa(runs))
	cmd.Env = append(os.Environ(), "OXIGRAPH="+modulesDir())
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("oxigraph: %v\n%s", err, stderr.String())
	}
	var a Answer
	if err := json.Unmarshal(out, &a); err != nil {
		return nil, fmt.Errorf("oxigraph output: %v", err)
	}
	return &a, nil
}

// modulesDir is where rdfcheck installs Oxigraph (its RDFCHECK_TOOLS).
func modulesDir() string {
	if d := os.Getenv("RDFCHECK_TOOLS"); d != "" {
		return d
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	return filepath.Join(cache, "rdfcheck")
}

// Value is a SPARQL TSV term as kg's commands print it: an IRI without its
// brackets, a literal's lexical form (without escapes undone beyond \" and
// \\), a number as it is.
func Value(term string) string {
	switch {
	case strings.HasPrefix(term, "<") && strings.HasSuffix(term, ">"):
		return term[1 : len(term)-1]
	case strings.HasPrefix(term, `"`):
		end := strings.LastIndexByte(term, '"')
		if end > 0 {
			return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t", `\r`, "\r").Replace(term[1:end])
		}
	}
	return term
}
