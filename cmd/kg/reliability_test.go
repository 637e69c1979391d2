package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigCorpus writes n JSONL articles made from the seed texts (each with its
// own id, so each is a distinct article) and returns the file's path.
func bigCorpus(t *testing.T, n int) string {
	t.Helper()
	seeds, _ := filepath.Glob("../../corpus/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seed articles")
	}
	var texts []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := 0; i < n; i++ {
		enc.Encode(map[string]string{"id": fmt.Sprintf("art-%06d", i), "outlet": "Test Wire",
			"date": "2017-05-04", "title": "Test article", "text": texts[i%len(texts)]})
	}
	path := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// An interrupted build (SIGINT or SIGTERM mid-corpus) leaves a usable store
// and no half-written output; running the same build again completes it, to
// the same store size as an uninterrupted build.
func TestInterruptedBuildResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a few thousand articles")
	}
	corpus := bigCorpus(t, 1500)
	dir := t.TempDir()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			store := filepath.Join(dir, sig.String()+".db")
			out := filepath.Join(dir, sig.String()+".ttl")
			cmd := exec.Command(kgBin, "build", corpus, "--store", store, "-o", out, "-j", "1")
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1500000000")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(700 * time.Millisecond)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err == nil {
				t.Skip("the build finished before the signal; machine too fast for this corpus size")
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("no interruption message: %q", stderr.String())
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("an interrupted build left %s behind", out)
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, "."+sig.String()+".ttl.tmp-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
			partial := storeSize(t, store) // the store opens: it is usable
			if r := kg(t, "", "build", corpus, "--store", store, "-o", out, "-q"); r.code != 0 {
				t.Fatalf("re-run failed: %s", r.stderr)
			}
			full := storeSize(t, store)
			clean := filepath.Join(dir, sig.String()+"-clean.db")
			if r := kg(t, "", "build", corpus, "--store", clean, "-q"); r.code != 0 {
				t.Fatalf("clean build failed: %s", r.stderr)
			}
			if want := storeSize(t, clean); full != want || partial >= full {
				t.Errorf("store sizes: interrupted %d, resumed %d, clean %d", partial, full, want)
			}
		})
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
