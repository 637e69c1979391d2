package graph

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"kg/internal/fatal"
)

// Spec is a parsed store name (--store, KG_STORE): "memory", a postgres://
// URL, or else a directory for the bolt backend.
type Spec struct {
	Backend string // "memstore", "postgres" or "bolt", Cayley's names
	Path    string // the directory or URL; "" for memory
}

// ParseSpec is the one reading of a store name.
func ParseSpec(spec string) Spec {
	switch {
	case spec == "memory" || spec == ":memory:":
		return Spec{Backend: "memstore"}
	case strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://"):
		return Spec{Backend: "postgres", Path: spec}
	}
	return Spec{Backend: "bolt", Path: spec}
}

// OpenExisting opens a store only to read it (see OpenReadOnly). A bolt
// store that does not exist is an error here: Open would create an empty
// one, and exporting or serving an empty graph because of a mistyped
// --store helps nobody.
func OpenExisting(spec string) (*Store, error) {
	if s := ParseSpec(spec); s.Backend == "bolt" {
		if _, err := os.Stat(s.Path); errors.Is(err, fs.ErrNotExist) {
			return nil, fatal.Errorf("store %s does not exist (create it with kg build or kg load, or give --store)", spec)
		}
	}
	return OpenReadOnly(spec)
}
