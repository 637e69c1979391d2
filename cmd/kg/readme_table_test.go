package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every row of the README's "Input and errors" table names the tests that
// check it; they must exist, so that the table cannot promise what no test
// asserts (issue #15). (Whether a test asserts its row is for review: the
// names make that review possible.)
func TestReadmeInputTableNamesTests(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Input and errors")
	if start < 0 {
		t.Fatal(`README.md has no "## Input and errors" section`)
	}
	section := readme[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}

	defined := map[string]bool{}
	funcRE := regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz)\w+)\(`)
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != "." {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, "_test.go") {
			src, _ := os.ReadFile(path)
			for _, m := range funcRE.FindAllStringSubmatch(string(src), -1) {
				defined[m[1]] = true
			}
		}
		return nil
	})

	rows := 0
	nameRE := regexp.MustCompile("`([^`]+)`")
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| input |") {
			continue
		}
		rows++
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		row := cells[0]
		if len(cells) < 3 {
			t.Errorf("row %q names no tests", row)
			continue
		}
		names := nameRE.FindAllStringSubmatch(cells[len(cells)-1], -1)
		if len(names) == 0 {
			t.Errorf("row %q names no tests", row)
		}
		for _, n := range names {
			name := n[1]
			switch {
			case strings.HasPrefix(name, ".ci/"):
				if _, err := os.Stat(name); err != nil {
					t.Errorf("row %q: %s: %v", row, name, err)
				}
			case !defined[name]:
				t.Errorf("row %q names %s, which no _test.go file defines", row, name)
			}
		}
	}
	if rows < 20 {
		t.Errorf("found %d rows in the table; the parser is lost", rows)
	}
}
