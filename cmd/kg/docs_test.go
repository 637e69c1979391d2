package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kg/internal/oxigraph"
)

// codeBlocks returns the fenced code blocks of a markdown file with the
// given info string.
func codeBlocks(t *testing.T, path, lang string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```")
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// The Gizmo examples of the READMEs are run against the seed graph; each
// must return something. (Their SPARQL examples are run by .ci/run.)
func TestDocumentedGizmoQueries(t *testing.T) {
	store := seedStore(t)
	n := 0
	for _, doc := range []string{"ontology/README.md", "README.md"} {
		for _, q := range codeBlocks(t, doc, "js") {
			n++
			name := strings.TrimPrefix(strings.SplitN(q, "\n", 2)[0], "// ")
			t.Run(name, func(t *testing.T) {
				r := kg(t, "", "query", "--store", store, "--format", "tsv", q)
				if r.code != 0 {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
				if lines := strings.Count(strings.TrimSpace(r.stdout), "\n"); lines < 1 {
					t.Errorf("no results:\n%s", r.stdout)
				}
			})
		}
	}
	if n < 3 {
		t.Errorf("only %d documented Gizmo queries found", n)
	}
}

// docExample is a question docs/queries.md asks: a kg command or a Gizmo
// query, and the same question in SPARQL.
type docExample struct {
	lang, code, sparql string
}

// docExamples pairs each sh or js block of a markdown file with the sparql
// block that follows it.
func docExamples(t *testing.T, path string) []docExample {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(\\w+)\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	var out []docExample
	for i := 0; i < len(blocks); i++ {
		lang := blocks[i][1]
		if lang != "sh" && lang != "js" {
			continue
		}
		if i+1 >= len(blocks) || blocks[i+1][1] != "sparql" {
			t.Errorf("%s: the %s example %q has no sparql block after it", path, lang, strings.TrimSpace(blocks[i][2]))
			continue
		}
		out = append(out, docExample{lang: lang, code: strings.TrimSpace(blocks[i][2]), sparql: blocks[i+1][2]})
		i++
	}
	return out
}

// shellWords splits a command line as a shell would, for the quoting the
// docs use ("two words", 'single').
func shellWords(line string) []string {
	var out []string
	var cur strings.Builder
	quote, in := rune(0), false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// docValue is a value as the comparison sees it: an IRI without brackets, a
// literal's lexical form, a number in one notation (Gizmo gives 0.8 where
// SPARQL writes "0.80"^^xsd:decimal).
func docValue(v any) string {
	s, ok := v.(string)
	if !ok {
		s = fmt.Sprint(v)
	}
	s = oxigraph.Value(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

// Every example in docs/queries.md gives the same answer as its SPARQL
// twin run by Oxigraph over the exported graph: the same rows (projected
// on the SPARQL variables, as a multiset), so a count, a list of events or
// a table of actors that differs in any row fails. Without KG_RDFCHECK
// (which CI sets) the examples still run and must answer, but are not
// compared.
func TestDocumentedQueriesAgreeWithSPARQL(t *testing.T) {
	store := seedStore(t)
	examples := docExamples(t, "docs/queries.md")
	if len(examples) < 8 {
		t.Fatalf("only %d examples with a SPARQL twin in docs/queries.md", len(examples))
	}
	dir := t.TempDir()
	nq, nt := filepath.Join(dir, "graph.nq"), filepath.Join(dir, "graph.nt")
	for _, f := range []string{nq, nt} {
		if r := kg(t, "", "export", "--store", store, "-q", "-o", f); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	var answers []oxigraph.Result
	if _, err := oxigraph.Tool(); err != nil {
		t.Log(err, "; the examples run, but are not compared")
	} else {
		if err := oxigraph.Check(nt); err != nil {
			t.Fatal(err)
		}
		queries := make([]string, len(examples))
		for i, e := range examples {
			queries[i] = e.sparql
		}
		a, err := oxigraph.Query(nq, 1, queries...)
		if err != nil {
			t.Fatal(err)
		}
		answers = a.Results
	}
	for i, e := range examples {
		name := strings.SplitN(e.code, "\n", 2)[0]
		t.Run(strings.TrimPrefix(name, "// "), func(t *testing.T) {
			var args []string
			switch e.lang {
			case "sh":
				args = shellWords(e.code)
				if len(args) < 2 || args[0] != "kg" || strings.Contains(e.code, "\n") {
					t.Fatalf("want one kg command line, got %q", e.code)
				}
				args = append(args[1:], "--store", store, "--format", "json")
				if args[0] == "stats" {
					args = append(args, "--top", "0")
				} else if !slices.Contains(args, "--limit") {
					args = append(args, "--limit", "0")
				}
			case "js":
				args = []string{"query", "--store", store, "--format", "json", "--limit", "0", e.code}
			}
			r := kg(t, "", args...)
			if r.code != 0 {
				t.Fatalf("kg %v: exit %d: %s", args, r.code, r.stderr)
			}
			var rows []map[string]any
			if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
				var obj map[string]any // kg stats: one object
				if json.Unmarshal([]byte(r.stdout), &obj) != nil {
					t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
				}
				rows = []map[string]any{obj}
			}
			if len(rows) == 0 {
				t.Fatalf("no answer: kg %v", args)
			}
			if answers == nil {
				return
			}
			want := answers[i]
			project := func(get func(v int) (string, bool)) string {
				cells := make([]string, len(want.Vars))
				for v := range want.Vars {
					c, ok := get(v)
					if !ok {
						t.Fatalf("kg's answer has no %q (columns: %v)", want.Vars[v], rows[0])
					}
					cells[v] = c
				}
				return strings.Join(cells, " | ")
			}
			var got, exp []string
			for _, row := range rows {
				got = append(got, project(func(v int) (string, bool) {
					x, ok := row[want.Vars[v]]
					return docValue(x), ok
				}))
			}
			for _, row := range want.Rows {
				exp = append(exp, project(func(v int) (string, bool) { return docValue(row[v]), true }))
			}
			slices.Sort(got)
			slices.Sort(exp)
			if !slices.Equal(got, exp) {
				t.Errorf("kg %v\ngave %d rows:\n  %s\nSPARQL gave %d:\n  %s", args[:len(args)-1], len(got),
					strings.Join(got, "\n  "), len(exp), strings.Join(exp, "\n  "))
			}
		})
	}
}

// The rule-writing example in README.md works as the README says.
func TestReadmeRuleExample(t *testing.T) {
	blocks := codeBlocks(t, "README.md", "yaml")
	if len(blocks) != 1 {
		t.Fatalf("want one yaml block in README.md, found %d", len(blocks))
	}
	dir := t.TempDir()
	rules, _ := filepath.Glob("internal/extract/rules/*.yaml")
	for _, f := range rules {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "frames.yaml" {
			b = []byte(strings.Replace(string(b), "\nverbs:\n", "\nverbs:\n"+blocks[0], 1))
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	article := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(article, []byte("Armenia and Azerbaijan exchanged prisoners on Saturday.\n"), 0o644)
	r := kg(t, "", "explain", "--rules", dir, article)
	if r.code != 0 || !strings.Contains(r.stdout, "rule cooperate.prisoner-swap") {
		t.Errorf("exit %d, the README's rule did not fire:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
