package main

// Tests for kg load, export and serve: runLoad/runExport called directly
// (integration without a subprocess), and the kg binary for exit codes.

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kg/internal/rdf"
	"kg/internal/ui"
)

const testTurtle = `@prefix kg: <https://w3id.org/kg/ns#> .
@prefix actor: <https://w3id.org/kg/id/actor/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kg/id/event/e1> a kg:Event ;
    kg:actor actor:A ;
    kg:date "2017-05-02"^^xsd:date ;
    kg:sourceCount "02"^^xsd:integer ;
    kg:evidence "He said \"hi\"\nthen left." .
actor:A rdfs:label "A"@en .
`

// An N-Quads file with a named graph and the default graph.
const testNQuads = `<https://w3id.org/kg/id/event/e1> <https://w3id.org/kg/ns#actor> <https://w3id.org/kg/id/actor/A> <https://w3id.org/kg/id/article/a1> .
<https://w3id.org/kg/id/event/e1> <https://w3id.org/kg/ns#date> "2017-05-02"^^<http://www.w3.org/2001/XMLSchema#date> <https://w3id.org/kg/id/article/a1> .
<https://w3id.org/kg/id/actor/A> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .
`

// quietGlobals are the streams of a command run by a test: stdin, output
// discarded.
func quietGlobals(stdin io.Reader) *globals {
	return &globals{stdin: stdin, print: ui.NewPrinter(io.Discard, io.Discard)}
}

func TestLoadExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	nq := writeFile(t, dir, "in.nq", testNQuads)
	ttl := writeFile(t, dir, "in.ttl", testTurtle)
	store := filepath.Join(dir, "db")
	if err := runLoad(ctx, loadOptions{store: store, quiet: true}, quietGlobals(nil), []string{nq, ttl}); err != nil {
		t.Fatal(err)
	}
	// 3 quads + 6 triples, one of which (actor:A's label) is in both files
	if n := storeSize(t, store); n != 8 {
		t.Errorf("store holds %d quads, want 8", n)
	}
	// loading again adds nothing
	if err := runLoad(ctx, loadOptions{store: store, quiet: true}, quietGlobals(nil), []string{nq, ttl}); err != nil {
		t.Fatal(err)
	}
	if n := storeSize(t, store); n != 8 {
		t.Errorf("after loading twice: %d quads, want 8", n)
	}

	// every format: to a file and to stdout, the same bytes
	out := map[rdf.Format][]byte{}
	for _, f := range []rdf.Format{rdf.Turtle, rdf.NTriples, rdf.NQuads, rdf.JSONLD} {
		file := filepath.Join(dir, "out."+string(f))
		if err := runExport(ctx, exportOptions{store: store, output: file, format: f, quiet: true}, quietGlobals(nil)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var stdout bytes.Buffer
		if err := runExport(ctx, exportOptions{store: store, format: f, quiet: true}, &globals{print: ui.NewPrinter(&stdout, io.Discard)}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(file)
		if len(b) == 0 || !bytes.Equal(b, stdout.Bytes()) {
			t.Errorf("%s: file (%d bytes) and stdout (%d bytes) differ", f, len(b), stdout.Len())
		}
		out[f] = b
	}
	if !strings.Contains(string(out[rdf.NQuads]), "<https://w3id.org/kg/id/article/a1> .\n") {
		t.Errorf("N-Quads export lost the graph names:\n%s", out[rdf.NQuads])
	}
	if !strings.Contains(string(out[rdf.Turtle]), `kg:sourceCount "02"^^xsd:integer`) {
		t.Errorf("Turtle export changed the integer's lexical form:\n%s", out[rdf.Turtle])
	}

	// N-Quads export → load into a new store → export: identical
	nq2 := writeFile(t, dir, "exported.nq", string(out[rdf.NQuads]))
	store2 := filepath.Join(dir, "db2")
	if err := runLoad(ctx, loadOptions{store: store2, quiet: true}, quietGlobals(nil), []string{nq2}); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := runExport(ctx, exportOptions{store: store2, format: rdf.NQuads, quiet: true}, &globals{print: ui.NewPrinter(&again, io.Discard)}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), out[rdf.NQuads]) {
		t.Errorf("N-Quads round trip differs:\n%s\n----\n%s", out[rdf.NQuads], again.Bytes())
	}

	// standard input with --format
	store3 := filepath.Join(dir, "db3")
	if err := runLoad(ctx, loadOptions{store: store3, format: rdf.NQuads, quiet: true}, quietGlobals(strings.NewReader(testNQuads)), []string{"-"}); err != nil {
		t.Fatal(err)
	}
	if n := storeSize(t, store3); n != 3 {
		t.Errorf("loaded %d quads from stdin, want 3", n)
	}
}

func TestLoadBadFileLoadsNothing(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	// the error is on line 3, after two good statements
	bad := writeFile(t, dir, "bad.ttl", "@prefix kg: <https://w3id.org/kg/ns#> .\nkg:a kg:b kg:c .\nkg:d kg:e \"unterminated .\n")
	err := runLoad(context.Background(), loadOptions{store: store, quiet: true}, quietGlobals(nil), []string{bad})
	if err == nil || !strings.Contains(err.Error(), "bad.ttl:3:") {
		t.Errorf("error %v, want it to name bad.ttl:3:", err)
	}
	if n := storeSize(t, store); n != 0 {
		t.Errorf("a file with a syntax error added %d quads", n)
	}
	// no position from the decoder: the file and the statement count
	nopos := writeFile(t, dir, "nopos.ttl", "kg:a kg:b kg:c .\n")
	err = runLoad(context.Background(), loadOptions{store: store, quiet: true}, quietGlobals(nil), []string{nopos})
	if err == nil || !strings.Contains(err.Error(), "nopos.ttl: ") || !strings.Contains(err.Error(), "prefix") {
		t.Errorf("error %v, want the file and the missing prefix", err)
	}
}

func TestInputFormat(t *testing.T) {
	for file, want := range map[string]rdf.Format{"a.ttl": rdf.Turtle, "A.NT": rdf.NTriples, "x/y.nq": rdf.NQuads} {
		if got, err := inputFormat("load", file, ""); err != nil || got != want {
			t.Errorf("inputFormat(%q) = %q, %v; want %q", file, got, err, want)
		}
	}
	for _, file := range []string{"a.jsonld", "a.rdf", "a", "-"} {
		if _, err := inputFormat("load", file, ""); err == nil {
			t.Errorf("inputFormat(%q): no error", file)
		}
	}
	if got, _ := inputFormat("load", "a.rdf", rdf.NTriples); got != rdf.NTriples {
		t.Errorf("--format does not override the extension")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1MB": 1 << 20, "512kb": 512 << 10, "2048": 2048, "10MiB": 10 << 20, "1 GB": 1 << 30, "7B": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "1XB", "-1MB", "1.5MB", "99999999999999999GB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q): no error", in)
		}
	}
}

func TestStoreCommandErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"export bad format", []string{"export", "--store", "memory", "--format", "xml"}, 2, "--format"},
		{"export missing store", []string{"export", "--store", filepath.Join(dir, "nope")}, 1, "does not exist"},
		{"load nothing", []string{"load", "--store", "memory"}, 2, "give at least one file"},
		{"load unknown extension", []string{"load", "--store", "memory", "go.mod"}, 2, "unknown extension"},
		{"load missing file", []string{"load", "--store", "memory", filepath.Join(dir, "nope.ttl")}, 1, "nope.ttl"},
		{"serve remote", []string{"serve", "--store", "memory", "--addr", "0.0.0.0:64210"}, 2, "--allow-remote"},
		{"serve bad size", []string{"serve", "--store", "memory", "--max-body", "lots"}, 2, "--max-body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := kg(t, "", tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", r.code, r.stderr, tc.code, tc.msg)
			}
		})
	}
}

// kg serve as a user runs it: answers a query, then stops on SIGINT.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	if err := runLoad(context.Background(), loadOptions{store: store, quiet: true}, quietGlobals(nil), []string{writeFile(t, dir, "in.nq", testNQuads)}); err != nil {
		t.Fatal(err)
	}
	addr := "127.0.0.1:" + freePort(t)
	cmd := exec.Command(kgBinary(t), "serve", "--store", store, "--addr", addr, "-q")
	var stderr syncBuffer // written by exec's copying goroutine while the test reads it
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var body []byte
	deadline := time.Now().Add(60 * time.Second) // a limit, not a measure: -race on a busy machine is slow
	for {
		resp, err := http.Post("http://"+addr+"/api/v2/query?lang=gizmo", "application/javascript",
			strings.NewReader(`g.V("event:e1").Out("kg:actor").All()`))
		if err == nil {
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v; stderr %s", err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if want := `{"result":[{"id":"<https://w3id.org/kg/id/actor/A>"}]}`; strings.TrimSpace(string(body)) != want {
		t.Errorf("answer %s, want %s", body, want)
	}
	// A read-only server shares the store with other readers, which also
	// share it among themselves, all at the same time; a writer is refused
	// with the usual message.
	var wg sync.WaitGroup
	for _, args := range [][]string{
		{"query", `g.V("event:e1").Out("kg:actor").All()`},
		{"events"},
		{"actors"},
		{"stats"},
		{"export", "--format", "nquads"},
		{"query", `g.V("actor:A").In("kg:actor").All()`},
		{"events", "--root", "04"},
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// processes, as users run them (and runMain is not for
			// concurrent use: urfave/cli keeps state in its global help flag)
			c := exec.Command(kgBinary(t), append(args, "--store", store)...)
			if out, err := c.CombinedOutput(); err != nil {
				t.Errorf("kg %s while kg serve runs: %v, %s", args[0], err, out)
			}
		}()
	}
	wg.Wait()
	if r := kg(t, "", "load", "--store", store, writeFile(t, dir, "more.nq", testNQuads)); r.code != 1 ||
		!strings.Contains(r.stderr, "store is in use by another kg process") {
		t.Errorf("kg load while kg serve runs: exit %d, %q; want 1 and the store in use", r.code, r.stderr)
	}
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("kg serve exited with %v after SIGINT; stderr %s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("kg serve did not stop on SIGINT")
	}
	// the store is free again
	if n := storeSize(t, store); n != 3 {
		t.Errorf("store has %d quads after serve, want 3", n)
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}
