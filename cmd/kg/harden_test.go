package main

// Hostile input to the kg binary (issue #15): each test reproduces an attack
// and checks what kg does instead. Store and server internals are tested in
// internal/graph; these check exit codes and messages, as a user sees them.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/internal/graph/boltkv"
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
		{"meta pages zeroed", func(b []byte) []byte { clear(b[:8192]); return b }},
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
