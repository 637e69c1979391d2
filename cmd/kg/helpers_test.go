package main

// Test helpers. Most tests run kg in-process through runMain, as main
// does, with their own streams: exit codes, messages and files are those a
// user sees, without building a binary. A few integration tests that need
// a real process (signals, a server) use kgBinary.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kg/internal/graph"
)

func TestMain(m *testing.M) {
	// Run from the repository root, so that arguments read as a user's
	// (kg build corpus).
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Setenv("SOURCE_DATE_EPOCH", "1500000000")
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// kg runs kg with args and stdin in this process.
func kg(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return kgContext(t, context.Background(), stdin, args...)
}

func kgContext(t *testing.T, ctx context.Context, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	start := time.Now()
	code := runMain(ctx, append([]string{"kg"}, args...), strings.NewReader(stdin), &out, &errb)
	return result{stdout: out.String(), stderr: errb.String(), code: code, took: time.Since(start)}
}

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// kgBinary builds the kg binary once, for the tests that need a process.
func kgBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "kg-cmd-test")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "kg")
		out, err := exec.Command("go", "build", "-o", binPath, "./cmd/kg").CombinedOutput()
		if err != nil {
			binErr = err
			os.Stderr.Write(out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func storeSize(t *testing.T, path string) int64 {
	t.Helper()
	s, err := graph.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Size()
}
