// Command countries adds every country's current name, capital and
// demonyms from a general country dataset to kg's actor dictionary:
//
//	go run ./internal/countries -o rules/actors_world.yaml
//
// run from internal/extract (see generate.go). The dataset is two npm
// packages at pinned versions, both MIT: countries-list (Annexare: ISO
// 3166-1 codes, English short names, other names, capitals) and
// i18n-nationality (English nationality adjectives by ISO code). They are
// not kept in the repository: the first run installs them with npm into
// $KG_COUNTRIES_DIR, by default the user's cache (~/.cache/kg-countries),
// and later runs read them there (-data sets another place).
//
// Why not world-countries (mledoze/countries), whose data is richer: it is
// under the ODbL, whose share-alike would bind the generated file, every
// copy of kg's rules a user edits, and, through its produced-work notice,
// the graphs kg writes.
//
// What is generated. The countries are those of the rule files kg loads
// before actors_world.yaml (actors.yaml, then actors_phoenix.yaml): an
// entry is matched to one by its ISO alpha-3 code and written with that
// country's id, so that kg's loader merges the two and the new names add to
// the country. Dataset entries with no such country (dependent territories
// such as Greenland or Puerto Rico, and the Holy See) make no new actor:
// CAMEO, whose codes kg's events carry, has none for them, and their names
// are listed in the header as skipped. For each country:
//
//	aliases   the dataset's current short name ("Ivory Coast", "Eswatini",
//	          "North Macedonia"), and its other names when they are a form
//	          of the country's name (an acronym, a spacing, a long form)
//	metonyms  the capital ("Niamey", "Freetown"): "police in Niamey",
//	          "Kigali said"
//	demonyms  the nationality adjective ("Nigerien", "Bosnian",
//	          "Herzegovinian"); kg adds the plural noun ("Nigeriens")
//
// each also without diacritics ("Yaounde" beside "Yaoundé"). A name is
// refused, and listed with its reason in the generated header, when it
// names another actor of the earlier files (a person, a party, another
// country), when the dataset gives it to two entries ("Kingston",
// "Congolese"), when an alias is a former or regional name ("Zaire",
// "Upper Volta", "Gold Coast"), when a name or metonym is made of common
// English words ("Male"), or when a one-word name is a word of a person's
// name ("Victoria"). Names the country has already are left out.
//
// The output is deterministic: the same dataset and rule files give the
// same bytes, which TestUpToDate checks against the committed file when the
// dataset is installed.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"

	"kg/internal/extract"
)

// english.txt: the common lower-case English words (SCOWL) that occur in
// the dataset's names; see TestEnglishList.
//
//go:embed english.txt
var englishText string

// outFile is the generated file's name in the rules directory.
const outFile = "actors_world.yaml"

func main() {
	out := flag.String("o", "", "output `file` (default: standard output)")
	rules := flag.String("rules", "rules", "`directory` of actors.yaml, the other actors_*.yaml and references.yaml")
	data := flag.String("data", defaultDataDir(), "npm prefix `directory` of the dataset; installed there when absent")
	verbose := flag.Bool("v", false, "list the repairs made to the dataset")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: countries [-o FILE] [-rules DIR] [-data DIR] [-v]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*data, *rules, *out, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "countries:", err)
		os.Exit(1)
	}
}

func run(data, rules, out string, verbose bool) error {
	if err := fetch(data); err != nil {
		return err
	}
	res, err := generate(os.DirFS(modulesDir(data)), os.DirFS(rules))
	if err != nil {
		return err
	}
	if verbose {
		for _, r := range res.repairs {
			fmt.Fprintln(os.Stderr, r)
		}
	}
	if out == "" {
		_, err = os.Stdout.Write(res.yaml)
		return err
	}
	fmt.Fprintf(os.Stderr, "countries: wrote %s (%d countries)\n", out, res.countries)
	return writeFile(out, res.yaml)
}

// writeFile replaces path in one step, so that an interrupted run leaves the
// old file whole.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".countries-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// result is a generated file and what went into it.
type result struct {
	yaml      []byte
	countries int
	repairs   []string
}

// generate reads the dataset from modules (a node_modules directory) and
// the rule files from rules, and returns actors_world.yaml.
func generate(modules, rules fs.FS) (*result, error) {
	entries, err := readEntries(modules)
	if err != nil {
		return nil, err
	}
	versions, err := checkVersions(modules)
	if err != nil {
		return nil, err
	}
	d, err := loadEarlier(rules)
	if err != nil {
		return nil, err
	}
	c := &converter{known: newKnown(d), english: englishWords(englishText), skips: map[string][]string{}}
	list := c.convert(entries)
	var b strings.Builder
	writeHeader(&b, versions, len(entries), c, list)
	if err := writeEntities(&b, list); err != nil {
		return nil, err
	}
	return &result{yaml: []byte(b.String()), countries: len(list), repairs: c.repairs}, nil
}

// loadEarlier loads, with kg's own loader, the rule files kg reads before
// actors_world.yaml: actors.yaml, the actors_*.yaml named before it, and
// references.yaml.
func loadEarlier(rules fs.FS) (*extract.Dictionary, error) {
	files, err := fs.Glob(rules, "actors_*.yaml")
	if err != nil {
		return nil, err
	}
	files = append(files, "actors.yaml", "references.yaml")
	sort.Strings(files)
	m := fstest.MapFS{}
	for _, f := range files {
		if strings.HasPrefix(f, "actors_") && f >= outFile {
			continue
		}
		b, err := fs.ReadFile(rules, f)
		if err != nil {
			return nil, err
		}
		m[f] = &fstest.MapFile{Data: b}
	}
	return extract.LoadDictionary(m)
}

// englishWords reads english.txt: one lower-case word per line, "#" comments.
func englishWords(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}
