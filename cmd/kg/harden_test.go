package main

// Hostile input to the kg binary (issue #15): each test reproduces an attack
// and checks what kg does instead. Store and server internals are tested in
// internal/graph; these check exit codes and messages, as a user sees them.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"kg/internal/graph"
	"kg/internal/graph/boltkv"
	"kg/internal/testcorpus"
)

// #15.8: a truncated or corrupted bolt file is a one-line error, exit 1,
// never a SIGSEGV/SIGBUS (exit 2 and a goroutine dump).
func TestCorruptStoreIsOneLineError(t *testing.T) {
	clean := filepath.Join(t.TempDir(), "clean.db")
	if r := kg(t, "", "build", "corpus", "--store", clean); r.code != 0 {
		t.Fatal(r.stderr)
	}
	orig, err := os.ReadFile(filepath.Join(clean, boltkv.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"truncated to half", func(b []byte) []byte { return b[:len(b)/2] }},
		{"truncated to 100 bytes", func(b []byte) []byte { return b[:100] }},
		{"meta pages zeroed", func(b []byte) []byte { clear(b[:2*binary.LittleEndian.Uint32(b[16+8:])]); return b }}, // two pages of the meta's page size
		{"garbage pages", func(b []byte) []byte { // most of the file: which pages are live varies
			for i := len(b) / 10; i < len(b)*9/10; i++ {
				b[i] = byte(i * 7)
			}
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := filepath.Join(t.TempDir(), "db")
			os.MkdirAll(store, 0o755)
			if err := os.WriteFile(filepath.Join(store, boltkv.FileName), tc.damage(append([]byte(nil), orig...)), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"query", "--store", store, `g.V("actor:Donald_Trump").In("kg:actor").Out("kg:target").All()`},
				{"export", "--store", store, "-o", filepath.Join(t.TempDir(), "x.nt")},
			} {
				r := kg(t, "", args...)
				if r.code != 1 {
					t.Errorf("kg %s: exit %d, want 1; stderr %q", args[0], r.code, r.stderr)
				}
				if msg := strings.TrimSpace(r.stderr); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "kg: ") {
					t.Errorf("kg %s: want a one-line error, got %q", args[0], r.stderr)
				}
			}
		})
	}
}

// #15.5: a FIFO in the corpus is skipped with a warning; one named on the
// command line is an error. Either way kg returns at once.
func TestBuildFIFO(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	copyFile(t, "corpus/001_62768f9597a6f921.txt", filepath.Join(corpus, "a.txt"))
	fifo := filepath.Join(corpus, "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	r := kg(t, "", "build", corpus, "--store", "memory")
	if r.code != 0 || !strings.Contains(r.stderr, "kg: warning: "+fifo+": not a regular file (a named pipe)") {
		t.Errorf("FIFO in a directory: exit %d, stderr %q; want a warning and a build", r.code, r.stderr)
	}
	r = kg(t, "", "build", fifo, "--store", "memory")
	if r.code != 1 || !strings.Contains(r.stderr, fifo+": not a regular file") {
		t.Errorf("FIFO on the command line: exit %d, stderr %q; want exit 1 naming it", r.code, r.stderr)
	}
	if r.took > 10*time.Second {
		t.Errorf("took %v", r.took)
	}
}

// #15.6: an unreadable subdirectory is warned about and skipped. Root reads
// every directory, so as root the build runs as user nobody.
func TestBuildUnreadableSubdirectory(t *testing.T) {
	base, err := os.MkdirTemp("", "harden-unreadable")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	os.Chmod(base, 0o755)
	corpus := filepath.Join(base, "corpus")
	secret := filepath.Join(corpus, "secret")
	os.MkdirAll(secret, 0o755)
	copyFile(t, "corpus/001_62768f9597a6f921.txt", filepath.Join(corpus, "a.txt"))
	copyFile(t, "corpus/001_62768f9597a6f921.txt", filepath.Join(secret, "b.txt"))
	os.Chmod(secret, 0)
	defer os.Chmod(secret, 0o755)
	bin := filepath.Join(base, "kg")
	copyFile(t, kgBinary(t), bin)
	os.Chmod(bin, 0o755)
	cmd := exec.Command(bin, "build", corpus, "--store", "memory", "-o", filepath.Join(base, "out", "g.nt"))
	os.MkdirAll(filepath.Join(base, "out"), 0o777)
	os.Chmod(filepath.Join(base, "out"), 0o777)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1500000000", "HOME="+base)
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("build with an unreadable subdirectory: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "kg: warning: "+secret+": directory skipped: permission denied") {
		t.Errorf("no warning naming the unreadable directory:\n%s", out)
	}
	if !strings.Contains(string(out), "1 articles") {
		t.Errorf("want the one readable article built:\n%s", out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// #15.3: blank nodes are scoped to their file; a bad literal is refused at
// load with file:line, and nothing from that file is stored.
func TestLoadBlankNodesAndBadLiterals(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	a := writeFile(t, dir, "a.nt", "_:b0 <http://e.org/p> \"from a\" .\n")
	b := writeFile(t, dir, "b.nt", "_:b0 <http://e.org/p> \"from b\" .\n")
	if r := kg(t, "", "load", "--store", store, a, b); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := kg(t, "", "load", "--store", store, a); r.code != 0 || !strings.Contains(r.stderr, "0 new") {
		t.Errorf("loading a.nt again: exit %d %q; want 0 new", r.code, r.stderr)
	}
	subjects := map[string]bool{}
	for _, q := range storeQuads(t, store) {
		subjects[q.Subject.String()] = true
	}
	if len(subjects) != 2 {
		t.Errorf("_:b0 of a.nt and b.nt: %d subjects in the store %v, want 2", len(subjects), subjects)
	}

	// the ontology and its shapes: no node both an owl:Class and a list cell
	onto := filepath.Join(dir, "onto.db")
	if r := kg(t, "", "load", "--store", onto, "ontology/kg.ttl", "ontology/shapes.ttl"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	classes, cells := map[string]bool{}, map[string]bool{}
	for _, q := range storeQuads(t, onto) {
		switch {
		case q.Predicate.String() == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && q.Object.String() == "<http://www.w3.org/2002/07/owl#Class>":
			classes[q.Subject.String()] = true
		case q.Predicate.String() == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first>":
			cells[q.Subject.String()] = true
		}
	}
	for n := range classes {
		if cells[n] {
			t.Errorf("%s is both an owl:Class and a list cell", n)
		}
	}

	bad := writeFile(t, dir, "bad.nt", "<http://e.org/s> <http://e.org/p> \"ok\" .\n<http://e.org/s> <http://e.org/p> \"x\"@en-- .\n")
	badType := writeFile(t, dir, "bad.ttl", "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://e.org/s> <http://e.org/p> \"abc\"^^xsd:integer .\n")
	n := len(storeQuads(t, store))
	for file, want := range map[string]string{bad: bad + ":2:39: object: invalid language tag", badType: badType + ":2:35: object: \"abc\" is not a valid xsd:integer"} {
		r := kg(t, "", "load", "--store", store, file)
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("kg load %s: exit %d %q; want 1 and %q", filepath.Base(file), r.code, r.stderr, want)
		}
	}
	if m := len(storeQuads(t, store)); m != n {
		t.Errorf("a refused file changed the store: %d → %d quads", n, m)
	}
	if r := kg(t, "", "export", "--store", store, "-o", filepath.Join(dir, "x.nt")); r.code != 0 {
		t.Errorf("export after refused loads: %d %s", r.code, r.stderr)
	}
}

func storeQuads(t *testing.T, path string) []quad.Quad {
	t.Helper()
	st, err := graph.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []quad.Quad
	if err := st.Each(context.Background(), func(q quad.Quad) error { out = append(out, q); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// #15.7: ids "a b" and "a_b" were one article, "." and ".." gave
// dot-segment IRIs, and -o news.nt wrote duplicate triples and counted
// them. Now each id has its own IRI, a repeated id is skipped with a
// warning, and every triple is written once.
func TestBuildIdsAndDuplicateTriples(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile("corpus/001_62768f9597a6f921.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, id := range []string{"a b", "a_b", ".", "..", "x", "x"} {
		b, _ := json.Marshal(map[string]string{"id": id, "text": string(text), "date": "2017-05-03"})
		lines = append(lines, string(b))
	}
	corpus := writeFile(t, dir, "ids.jsonl", strings.Join(lines, "\n")+"\n")
	out := filepath.Join(dir, "out.nt")
	r := kg(t, "", "build", corpus, "--store", "memory", "-o", out)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if want := corpus + `:6: article id "x" is already used by ` + corpus + ":5; skipped"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q lacks %q", r.stderr, want)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	triples := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	seen := map[string]bool{}
	articles := map[string]bool{}
	for _, l := range triples {
		if seen[l] {
			t.Errorf("written twice: %s", l)
		}
		seen[l] = true
		if strings.Contains(l, "<http://purl.org/dc/terms/identifier>") {
			articles[strings.Fields(l)[0]] = true
		}
		for _, term := range strings.Fields(l) {
			if strings.HasSuffix(term, "/.>") || strings.HasSuffix(term, "/..>") {
				t.Errorf("dot-segment IRI %s", term)
			}
		}
	}
	if len(articles) != 5 {
		t.Errorf("%d article IRIs %v, want 5 (a b, a_b, ., .., x)", len(articles), articles)
	}
	if want := fmt.Sprintf("%d triples written", len(triples)); !strings.Contains(r.stderr, want) {
		t.Errorf("summary %q does not count the %d lines written", r.stderr, len(triples))
	}
}

// #15.9: a title holding ESC [2J cleared the screen of whoever ran kg query.
// On a terminal (a pty, through script(1)) it is escaped; into a pipe the
// data stays as it is.
func TestQueryEscapesControlCharactersOnATerminal(t *testing.T) {
	scriptBin, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to run kg on a pty")
	}
	dir := t.TempDir()
	corpus := writeFile(t, dir, "t.jsonl", `{"id":"t1","title":"Evil \u001b[2J title","date":"2017-05-02","text":"Donald Trump spoke with Vladimir Putin by telephone on Tuesday."}`+"\n")
	store := filepath.Join(dir, "db")
	if r := kg(t, "", "build", corpus, "--store", store, "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	q := `g.V().Out("<http://purl.org/dc/terms/title>").All()`
	cmd := exec.Command(scriptBin, "-qec", kgBinary(t)+" query --store "+store+" '"+q+"'", "/dev/null")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if bytes.ContainsRune(out, 0x1b) || !bytes.Contains(out, []byte(`Evil \x1b[2J title`)) {
		t.Errorf("on a terminal: %q, want ESC written \\x1b", out)
	}
	r := kg(t, "", "query", "--store", store, "--format", "tsv", q)
	if !strings.Contains(r.stdout, "Evil \x1b[2J title") {
		t.Errorf("into a pipe: %q, want the title as stored", r.stdout)
	}
}

// #15.9: after kill -9 the temporary output file stayed forever; the next
// write of the same file removes it. Errors name the user's path.
func TestKilledBuildLeftoversAreRemoved(t *testing.T) {
	dir := t.TempDir()
	corpus := testcorpus.Seeds(t, 3000)
	out := filepath.Join(dir, "graph.ttl")
	cmd := exec.Command(kgBinary(t), "build", corpus, "--store", "memory", "-o", out, "-j", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var left []string
	for i := 0; i < 200 && len(left) == 0; i++ {
		time.Sleep(50 * time.Millisecond)
		left, _ = filepath.Glob(filepath.Join(dir, ".graph.ttl.tmp-*"))
	}
	cmd.Process.Kill() // SIGKILL: no cleanup runs
	cmd.Wait()
	if len(left) == 0 {
		t.Skip("the build ended before it was killed")
	}
	if r := kg(t, "", "build", "corpus", "--store", "memory", "-o", out, "-q"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".graph.ttl.tmp-*")); len(left) > 0 {
		t.Errorf("leftovers of the killed build: %v", left)
	}
	missing := filepath.Join(dir, "missingdir", "x.ttl")
	r := kg(t, "", "build", "corpus", "--store", "memory", "-o", missing)
	if r.code != 1 || !strings.Contains(r.stderr, missing) || strings.Contains(r.stderr, ".tmp-") {
		t.Errorf("-o into a missing directory: exit %d %q; want exit 1 naming %s", r.code, r.stderr, missing)
	}
}

// #15.9: a postgres URL that did not parse was printed with its password;
// kg query --store on an empty directory made it a store.
func TestSecretsAndEmptyStores(t *testing.T) {
	for _, spec := range []string{
		"postgres://kg:s3cr%zzet@127.0.0.1:1/db", // does not parse
		"postgres://kg:s3cret@127.0.0.1:1/db",    // parses; nothing listens
		"postgresql://kg:s3cr@et@127.0.0.1:1/db", // an @ in the password
	} {
		for _, args := range [][]string{{"query", "--store", spec, "g.V().All()"}, {"build", "corpus", "--store", spec}} {
			r := kg(t, "", args...)
			if r.code != 1 || strings.Contains(r.stderr+r.stdout, "s3cr") {
				t.Errorf("kg %s --store %s: exit %d, %q: the password shows", args[0], spec, r.code, r.stderr)
			}
		}
	}
	empty := t.TempDir()
	r := kg(t, "", "query", "--store", empty, "g.V().All()")
	if r.code != 1 || !strings.Contains(r.stderr, "no graph in this directory") {
		t.Errorf("query on an empty directory: exit %d %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(empty); len(entries) > 0 {
		t.Errorf("kg query left %d files in the empty directory", len(entries))
	}
}
