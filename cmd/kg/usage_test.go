package main

// The command line as a new user tries it (issue #13): each row of the
// issue's table, with the exit code, the files written (or not) and the
// message. Rows run kg in-process (runMain); the real-signal case is in
// TestSignalInterruptsBuild.

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"kg/internal/rdf"
)

const article = "ID: stdin-article\nDATE: 2017-05-02\n\nDonald Trump spoke by telephone with Vladimir Putin on Tuesday.\n"

func TestCommandLineDoesWhatItSays(t *testing.T) {
	type check func(t *testing.T, dir string, r result)
	fileIs := func(name string, ok func([]byte) bool, what string) check {
		return func(t *testing.T, dir string, r result) {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("%s not written: %v", name, err)
			} else if !ok(b) {
				t.Errorf("%s is not %s:\n%.300s", name, what, b)
			}
		}
	}
	noFile := func(names ...string) check {
		return func(t *testing.T, dir string, r result) {
			for _, n := range names {
				for _, d := range []string{dir, "."} {
					if _, err := os.Stat(filepath.Join(d, n)); err == nil {
						t.Errorf("a file %s was written in %s", n, d)
					}
				}
			}
		}
	}
	stdoutIs := func(ok func(string) bool, what string) check {
		return func(t *testing.T, dir string, r result) {
			if !ok(r.stdout) {
				t.Errorf("standard output is not %s:\n%.300s", what, r.stdout)
			}
		}
	}
	isJSONLD := func(b []byte) bool {
		var doc struct {
			Context map[string]string `json:"@context"`
			Graph   []map[string]any  `json:"@graph"`
		}
		return json.Unmarshal(b, &doc) == nil && doc.Context["kg"] != "" && len(doc.Graph) > 0
	}
	isTurtle := func(b []byte) bool {
		qs, err := rdf.ParseTurtle(b)
		return err == nil && len(qs) > 0 && strings.HasPrefix(string(b), "@prefix")
	}

	for _, tc := range []struct {
		name   string
		args   []string // $DIR is a temporary directory
		stdin  string
		inDir  bool // run in $DIR instead of the repository root
		code   int
		msg    []string // in stderr
		notMsg []string // not in stderr
		checks []check
	}{
		{name: "jsonld output is JSON-LD", args: []string{"build", "corpus", "--store", "memory", "-o", "$DIR/graph.jsonld"},
			code: 0, msg: []string{"5 articles"}, checks: []check{fileIs("graph.jsonld", isJSONLD, "JSON-LD")}},
		{name: "--format overrides the extension", args: []string{"build", "corpus", "--store", "memory", "-o", "$DIR/graph.rdf", "--format", "turtle"},
			code: 0, checks: []check{fileIs("graph.rdf", isTurtle, "Turtle")}},
		{name: "rdf extension is refused", args: []string{"build", "corpus", "--store", "memory", "-o", "$DIR/graph.rdf"},
			code: 2, msg: []string{"unknown extension .rdf", ".ttl, .nt, .nq or .jsonld", "--format"}, checks: []check{noFile("graph.rdf")}},
		{name: "export xml extension is refused", args: []string{"export", "--store", "$DIR/none.db", "-o", "$DIR/out.xml"},
			code: 2, msg: []string{"unknown extension .xml"}, checks: []check{noFile("out.xml", "none.db")}},
		{name: "--output without a value", args: []string{"build", "corpus", "--store", "memory", "--output"},
			code: 2, msg: []string{"flag --output needs a value"}, checks: []check{noFile("--")}},
		{name: "-o - is standard output", args: []string{"build", "corpus", "--store", "memory", "-o", "-"},
			code: 0, msg: []string{"5 articles"}, checks: []check{noFile("-"), stdoutIs(func(s string) bool { return isTurtle([]byte(s)) }, "Turtle")}},
		{name: "-o - with --format", args: []string{"build", "corpus", "--store", "memory", "-q", "-o", "-", "--format", "nt"},
			code: 0, checks: []check{noFile("-"), stdoutIs(func(s string) bool { return strings.HasPrefix(s, "<https://w3id.org/kg/id/") }, "N-Triples")}},
		{name: "build - reads standard input", args: []string{"build", "-", "--store", "memory", "-o", "$DIR/g.ttl"}, stdin: article,
			code: 0, msg: []string{"1 articles, 1 events"}, checks: []check{fileIs("g.ttl", func(b []byte) bool { return strings.Contains(string(b), "article:stdin-article") }, "the article's graph")}},
		{name: "explain - reads standard input", args: []string{"explain", "-"}, stdin: article,
			code: 0, checks: []check{stdoutIs(func(s string) bool { return strings.Contains(s, "EVENT  Donald Trump") }, "the explanation")}},
		{name: "a file named h is a file", args: []string{"build", "-o", "x.ttl", "h", "--store", "memory"}, inDir: true,
			code: 0, msg: []string{"1 articles"}, checks: []check{fileIs("x.ttl", isTurtle, "Turtle")}},
		{name: "a file named help is a file", args: []string{"build", "--store", "memory", "help", "-o", "y.ttl"}, inDir: true,
			code: 0, msg: []string{"1 articles"}, checks: []check{fileIs("y.ttl", isTurtle, "Turtle")}},
		{name: "misspelt command", args: []string{"biuld", "corpus"},
			code: 2, msg: []string{`unknown command "biuld"; did you mean "build"?`, "kg --help"}},
		{name: "help for a misspelt command", args: []string{"help", "biuld"},
			code: 2, msg: []string{`help: unknown command "biuld"; did you mean "build"?`}},
		{name: "help for a command", args: []string{"help", "build"},
			code: 0, checks: []check{stdoutIs(func(s string) bool { return strings.Contains(s, "kg build - extract events") }, "build's help")}},
		{name: "kg --help", args: []string{"--help"},
			code: 0, checks: []check{stdoutIs(func(s string) bool { return strings.Contains(s, "COMMANDS:") && strings.Contains(s, "--help, -h") }, "kg's help")}},
		{name: "misspelt flag", args: []string{"build", "corpus", "--formt", "nt"},
			code: 2, msg: []string{`unknown flag --formt; did you mean "--format"?`, "kg build --help"}, notMsg: []string{" -formt"}},
		{name: "unknown flag, nothing close", args: []string{"query", "--zzzzzz"},
			code: 2, msg: []string{"unknown flag --zzzzzz"}, notMsg: []string{"did you mean"}},
		{name: "flag value of the wrong type", args: []string{"build", "corpus", "-j", "x"},
			code: 2, msg: []string{`-j "x": want a whole number`}},
		{name: "bare kg", args: nil,
			code: 2, msg: []string{"USAGE:", "COMMANDS:"}},
		{name: "Turtle error in words", args: []string{"load", "--store", "memory", "$DIR/bad.ttl"},
			code: 1, msg: []string{`bad.ttl:3:11: expected an object (an IRI, a blank node or a literal), found "."`, "nothing from this file was loaded"},
			notMsg: []string{"unexpected 15"}},
		{name: "help for --store names its default", args: []string{"build", "--help"},
			code: 0, checks: []check{stdoutIs(func(s string) bool {
				return strings.Contains(s, "\n   --store DIR ") && strings.Contains(s, "(default: ./kg.db)")
			}, "help with --store DIR (default: ./kg.db)")}},
		{name: "help for -j says its default once", args: []string{"build", "--help"},
			code: 0, checks: []check{stdoutIs(func(s string) bool {
				return strings.Contains(s, "(default: one per CPU)") && !strings.Contains(s, "(default: 0)")
			}, "help with -j (default: one per CPU)")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "bad.ttl", "@prefix kg: <https://w3id.org/kg/ns#> .\nkg:a kg:b kg:c .\nkg:d kg:e . \n")
			for _, name := range []string{"h", "help"} {
				writeFile(t, dir, name, article)
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			if tc.inDir {
				wd, _ := os.Getwd()
				if err := os.Chdir(dir); err != nil {
					t.Fatal(err)
				}
				defer os.Chdir(wd)
			}
			r := kg(t, tc.stdin, args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			for _, m := range tc.msg {
				if !strings.Contains(r.stderr, m) {
					t.Errorf("stderr lacks %q:\n%s", m, r.stderr)
				}
			}
			for _, m := range tc.notMsg {
				if strings.Contains(r.stderr, m) {
					t.Errorf("stderr has %q:\n%s", m, r.stderr)
				}
			}
			for _, c := range tc.checks {
				c(t, dir, r)
			}
		})
	}
}

// Ctrl-C: exit 130 and one line saying what was kept, not "context
// canceled". (The signal itself is sent to a real process in
// TestSignalInterruptsBuild; here the context is cancelled as main's
// signal handler cancels it.)
func TestInterruptedExitStatus(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(signalError{syscall.SIGINT})
	out := filepath.Join(dir, "g.ttl")
	r := kgContext(t, ctx, "", "build", "corpus", "--store", filepath.Join(dir, "db"), "-o", out)
	if r.code != 130 {
		t.Errorf("exit %d, want 130; stderr %q", r.code, r.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "kg: interrupted; the store") || !strings.Contains(lines[0], "was not written") {
		t.Errorf("want one line saying what was kept, got %q", r.stderr)
	}
	if strings.Contains(r.stderr, "context canceled") {
		t.Errorf("stderr speaks of the context: %q", r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("an interrupted build wrote %s", out)
	}
	ctx, cancel = context.WithCancelCause(context.Background())
	cancel(signalError{syscall.SIGTERM})
	if r := kgContext(t, ctx, "", "query", "--store", "memory", "g.V().All()"); r.code != 143 || strings.TrimSpace(r.stderr) != "kg: interrupted" {
		t.Errorf("SIGTERM during a query: exit %d, %q; want 143 and kg: interrupted", r.code, r.stderr)
	}
}
