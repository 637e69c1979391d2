package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kg/internal/testcorpus"
)

// Ctrl-C on a real process: the signal reaches main, the build stops with
// exit status 130 and one line saying what was kept, no output file or
// temporary file is left, and the store opens. (That the same build run
// again completes the store is TestInterruptedBuildResumes in
// internal/pipeline.)
func TestSignalInterruptsBuild(t *testing.T) {
	corpus := testcorpus.Seeds(t, 600)
	dir := t.TempDir()
	store := filepath.Join(dir, "db")
	out := filepath.Join(dir, "g.ttl")
	cmd := exec.Command(kgBinary(t), "build", corpus, "--store", store, "-o", out, "-j", "1")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Signal once the build writes articles: the output's temporary file
	// has grown past its header (prefixes and the run, ~1 KB), so at least
	// one article was read, and is kept. (A fixed delay was flaky on a
	// busy machine: the signal could come before the first article.) With
	// hundreds of articles to go, a build that still ends with 0 ignored
	// the signal.
	writing := func() bool {
		tmps, _ := filepath.Glob(filepath.Join(dir, ".g.ttl.tmp-*"))
		for _, p := range tmps {
			if fi, err := os.Stat(p); err == nil && fi.Size() > 4096 {
				return true
			}
		}
		return false
	}
	for deadline := time.Now().Add(2 * time.Minute); !writing(); {
		select {
		case err := <-exited:
			t.Fatalf("the build ended (%v) before it was seen writing; stderr %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the build wrote no article in 2 minutes; stderr %s", stderr.String())
		}
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := <-exited
	if err == nil {
		t.Fatalf("the build ran to the end after SIGINT; stderr %q", stderr.String())
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit %v, want 130; stderr %q", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "kg: interrupted; the store") || !strings.Contains(lines[0], "run the same command again") {
		t.Errorf("want one line saying what was kept, got %q", stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("an interrupted build left %s behind", out)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".g.ttl.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if n := storeSize(t, store); n <= 0 {
		t.Errorf("the interrupted store holds %d quads", n)
	}
}

// One bad article in a corpus is skipped with a warning naming it; a corpus
// with nothing usable is an error.
func TestBadInputPolicy(t *testing.T) {
	dir := t.TempDir()
	mixed := filepath.Join(dir, "mixed")
	os.Mkdir(mixed, 0o755)
	os.WriteFile(filepath.Join(mixed, "a_empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(mixed, "b_binary.txt"), []byte("\x00\x01\x02PK"), 0o644)
	os.WriteFile(filepath.Join(mixed, "c_lines.jsonl"), []byte("{\"id\": \"x\"}\nnot json\n"), 0o644)
	os.WriteFile(filepath.Join(mixed, "d_good.txt"), []byte("\ufeffFrance condemned Iran on Monday.\r\n"), 0o644)
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(mixed, "e_dangling.txt")) // unreadable
	r := kg(t, "", "build", mixed, "--store", "memory", "-o", filepath.Join(dir, "m.ttl"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"a_empty.txt: empty article", "b_binary.txt: binary data", "c_lines.jsonl:1:", "c_lines.jsonl:2:", "e_dangling.txt: no such file", "1 articles, 1 events"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	bad := filepath.Join(dir, "bad")
	os.Mkdir(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "empty.txt"), nil, 0o644)
	r = kg(t, "", "build", bad, "--store", "memory", "-o", filepath.Join(dir, "b.ttl"))
	if r.code != 1 || !strings.Contains(r.stderr, "no articles") {
		t.Errorf("nothing usable: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.ttl")); err == nil {
		t.Errorf("an output file was written for a corpus with no usable article")
	}
	// an unreadable file named on its own is an error naming it
	if r := kg(t, "", "build", filepath.Join(mixed, "e_dangling.txt"), "--store", "memory"); r.code != 1 || !strings.Contains(r.stderr, "e_dangling.txt: no such file") {
		t.Errorf("unreadable file: exit %d, %q", r.code, r.stderr)
	}
	empty := filepath.Join(dir, "none")
	os.Mkdir(empty, 0o755)
	if r := kg(t, "", "build", empty, "--store", "memory"); r.code != 1 || !strings.Contains(r.stderr, "no articles") {
		t.Errorf("empty directory: exit %d, %q", r.code, r.stderr)
	}
}
