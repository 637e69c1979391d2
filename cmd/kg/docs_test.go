package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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

// The Gizmo examples in the docs are run against the seed graph; each must
// return something. (The SPARQL examples are run by .ci/run with Oxigraph.)
func TestDocumentedGizmoQueries(t *testing.T) {
	store := filepath.Join(t.TempDir(), "db")
	if r := kg(t, "", "build", "corpus", "--store", store); r.code != 0 {
		t.Fatal(r.stderr)
	}
	docs := []string{"ontology/README.md", "README.md", "docs/queries.md"}
	n := 0
	for _, doc := range docs {
		if _, err := os.Stat(doc); err != nil {
			continue
		}
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
