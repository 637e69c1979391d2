package main

// Test helpers. Most tests run kg in-process through runMain, as main
// does, with their own streams: exit codes, messages and files are those a
// user sees, without building a binary. A few integration tests that need
// a real process (signals, a server) use kgBinary.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kg/internal/graph"
)

// asKG is set in the environment of the processes the tests start: the
// test binary then runs as kg (see kgBinary).
const asKG = "KG_TEST_BINARY_IS_KG"

func TestMain(m *testing.M) {
	if os.Getenv(asKG) == "1" {
		main()
		return
	}
	os.Setenv(asKG, "1") // for the processes started by tests
	// Run from the repository root, so that arguments read as a user's
	// (kg build corpus).
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Setenv("SOURCE_DATE_EPOCH", "1500000000")
	os.Exit(m.Run())
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

// kgBinary is a program that is kg, for the tests that need a process
// (signals, a server, another user): this test binary, which runs main
// when started with asKG in its environment (TestMain). Building kg for
// them took longer than all the in-process tests together.
func kgBinary(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
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

// syncBuffer is a bytes.Buffer safe to read while a process's output is
// copied into it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
