package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"sync"

	"kg/internal/extract"
	"kg/internal/fatal"
)

// LoadRules loads the built-in rules, or those in dir, and returns a digest
// of the rule files for the run's provenance (graph.Run.Rules). The
// built-in rules are compiled once per process: an Extractor is read-only
// once made, and many commands run in one test binary.
func LoadRules(dir string) (*extract.Extractor, string, error) {
	if dir == "" {
		builtin.once.Do(func() {
			builtin.x, builtin.digest, builtin.err = loadRules(extract.BuiltinRules(), "built-in rules")
		})
		return builtin.x, builtin.digest, builtin.err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, "", fatal.Errorf("--rules %s: not a directory", dir)
	}
	x, digest, err := loadRules(os.DirFS(dir), dir)
	return x, digest, fatal.Mark(err) // the user's rules
}

var builtin struct {
	once   sync.Once
	x      *extract.Extractor
	digest string
	err    error
}

func loadRules(fsys fs.FS, where string) (*extract.Extractor, string, error) {
	x, err := extract.NewExtractor(fsys)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", where, err)
	}
	return x, rulesDigest(fsys), nil
}

// rulesDigest is a short hash of every rule file's name and content.
func rulesDigest(fsys fs.FS) string {
	h := sha256.New()
	names, _ := fs.Glob(fsys, "*.yaml")
	sort.Strings(names)
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
