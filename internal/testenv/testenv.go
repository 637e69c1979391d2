// Package testenv decides which of kg's tests run. Plain `go test ./...`
// must stay quick (issue #13: at most 40 s on a 2-core machine), so the
// long tests — whole-corpus and large-scale builds, the memory-budget
// attacks on kg serve, tests that start a JVM or a browser, generators
// run with go run — run only when KG_LONG_TESTS is set. CI sets it
// (.ci/run), so they still guard main:
//
//	KG_LONG_TESTS=1 go test ./...
//
// -short wins over KG_LONG_TESTS: `go test -race -short ./...` skips them.
package testenv

import (
	"os"
	"testing"
)

// LongVar is the environment variable that turns the long tests on.
const LongVar = "KG_LONG_TESTS"

// IsLong reports whether the long tests run: KG_LONG_TESTS is set (to
// anything but "" or "0" or "false") and -short was not given. Tests use
// it to pick a larger input; call it from a test (it reads -short).
func IsLong() bool {
	switch os.Getenv(LongVar) {
	case "", "0", "false":
		return false
	}
	return !testing.Short()
}

// Long skips t unless the long tests run; what says what makes it long.
func Long(t testing.TB, what string) {
	t.Helper()
	if IsLong() {
		return
	}
	if testing.Short() {
		t.Skipf("long test (%s): skipped under -short", what)
	}
	t.Skipf("long test (%s): run with %s=1 go test ./... (CI does)", what, LongVar)
}
