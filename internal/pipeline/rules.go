package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"kg/internal/extract"
)

// LoadRules loads the built-in rules, or those in dir, and returns a digest
// of the rule files for the run's provenance (graph.Run.Rules).
func LoadRules(dir string) (*extract.Extractor, string, error) {
	fsys := extract.BuiltinRules()
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, "", fmt.Errorf("--rules %s: not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	x, err := extract.NewExtractor(fsys)
	if err != nil {
		where := "built-in rules"
		if dir != "" {
			where = dir
		}
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
