// Command petrarch converts PETRARCH-2's CAMEO verb dictionary into kg
// frames (see the header of rules/frames.yaml):
//
//	go run ./internal/petrarch -o rules/frames_petrarch.yaml DICTIONARY_DIR
//
// run from internal/extract (see generate.go), where DICTIONARY_DIR holds
// CAMEO.2.0.txt (MIT licence). The hand-written rules/frames*.yaml are read
// too: a hand-written frame wins, and no frame is generated for a lemma
// and words one of them already states.
//
// Reading follows PETRARCH-2 (PETRreader.read_verb_dictionary and
// PETRtree.VerbPhrase.match_pattern):
//
//	dict.go       the file: synonym sets, verb blocks, verbs, patterns
//	pattern.go    a pattern's words: subject, particle, object, phrases
//	lemma.go      nouns as lemmas ("SANCTIONS" → "sanction")
//	convert.go    blocks and patterns into frames; which pattern wins
//	overrides.go  overrides.yaml: every decision about single entries,
//	              above all where this project's coding conventions
//	              (../shared/eval/ANNOTATION.md) differ from PETRARCH's
//	write.go      the generated file, its header counting what was
//	              converted and what was skipped, and why
//
// The output is deterministic: the same inputs give the same bytes, which
// TestUpToDate checks against the committed file.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:embed overrides.yaml
var overridesYAML []byte

// dictFile is the dictionary converted.
const dictFile = "CAMEO.2.0.txt"

// outFile is the generated file's name in the rules directory: the
// hand-written frames are every other frames*.yaml.
const outFile = "frames_petrarch.yaml"

func main() {
	out := flag.String("o", "", "output `file` (default: standard output)")
	rules := flag.String("rules", "rules", "`directory` of the hand-written frames*.yaml")
	verbose := flag.Bool("v", false, "list every verb and pattern skipped, and why")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: petrarch [-o FILE] [-rules DIR] [-v] DICTIONARY_DIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *rules, *out, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "petrarch:", err)
		os.Exit(1)
	}
}

func run(dir, rules, out string, verbose bool) error {
	res, err := generate(dir, os.DirFS(rules))
	if err != nil {
		return err
	}
	if verbose {
		for _, l := range res.log {
			fmt.Fprintln(os.Stderr, l)
		}
	}
	if out == "" {
		_, err = os.Stdout.Write(res.yaml)
		return err
	}
	fmt.Fprintf(os.Stderr, "petrarch: wrote %s (%d bytes, %d frames)\n", out, len(res.yaml), res.stats.frames)
	return writeFileAtomic(out, res.yaml)
}

// writeFileAtomic writes through a temporary file, so that a failed run
// never leaves half a rules file.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".petrarch-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// result is a conversion's output.
type result struct {
	yaml   []byte
	stats  stats
	frames []*frame
	log    []string // what -v prints
}

// generate converts dir/CAMEO.2.0.txt with overrides.yaml, leaving to the
// hand-written frames of rules what they state.
func generate(dir string, rules fs.FS) (*result, error) {
	ov, err := readOverrides("overrides.yaml", overridesYAML)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, dictFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sources := []string{}
	if commit := sourceCommit(dir); commit != "" {
		sources = append(sources, "commit "+commit)
	}
	return convertDictionary(f, ov, rules, append(sources, dictFile))
}

// convertDictionary converts a verb dictionary read from r.
func convertDictionary(r io.Reader, ov *overrides, rules fs.FS, sources []string) (*result, error) {
	d, err := readDictionary(dictFile, r)
	if err != nil {
		return nil, err
	}
	if err := ov.checkPatterns(d); err != nil {
		return nil, err
	}
	hand, err := handWritten(rules)
	if err != nil {
		return nil, err
	}
	c := newConverter(dictFile, d, ov, prepAccepted())
	c.convert()
	if err := ov.checkLemmas(); err != nil {
		return nil, err
	}
	if err := c.leaveToHandWritten(hand); err != nil {
		return nil, err
	}
	b := c.write(sources)
	if err := checkLoads(rules, b); err != nil {
		return nil, err
	}
	res := &result{yaml: b, stats: c.st, frames: c.written(), log: append(d.problems, c.log...)}
	for _, w := range ov.unused() {
		res.log = append(res.log, "overrides.yaml: "+w+" applies to no frame")
	}
	return res, nil
}

// sourceCommit reads the petrarch2 commit from the README.txt that the
// shared copy of the dictionaries keeps beside them ("COMMIT: 676801c...").
func sourceCommit(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "..", "README.txt"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "COMMIT: "); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				return f[0]
			}
		}
	}
	return ""
}
