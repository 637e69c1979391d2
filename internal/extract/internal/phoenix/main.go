// Command phoenix converts PETRARCH's Phoenix actor dictionaries into kg's
// actor dictionary format:
//
//	go run ./internal/phoenix -o rules/actors_phoenix.yaml DIR
//
// run from internal/extract (see generate.go), where DIR holds
// Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
// Phoenix.MilNonState.actors.txt (TABARI .actors files, MIT licence).
// The hand-written rules/actors.yaml is read too: its entries win, and
// Phoenix entries for the same actor carry its id so that kg merges them.
//
// The output is deterministic: the same inputs give the same bytes, which
// a test of package extract checks against the committed file.
//
// The conversion favours precision: Phoenix lists under an actor whatever
// its coders wanted coded alike (a country's cities, a person's party, an
// agency's sister agencies), which kg, matching names anywhere in text,
// must not take for names. In order:
//
//	tabari.go         reads the .actors format (records, codes, dates)
//	countries.go      one country per ISO code; its spellings and demonyms
//	persons.go        people: names without titles, government roles
//	organizations.go  IGOs, NGOs, companies, armed groups; state bodies
//	                  become metonyms of their country
//	merge.go          joins duplicate records, drops aliases several actors
//	                  claim or actors.yaml gives to another
//	names.go, words.go  casing ("UAE", "al-Assad") and the word lists
//	yaml.go           writes the file
package main

import (
	"bufio"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"kg/internal/extract"
)

// english.txt: common English words (SCOWL), to tell words from names.
//
//go:embed english.txt
var englishText string

// phoenixFiles are the dictionaries converted, in this order.
var phoenixFiles = []string{countriesFile, internationalFile, milNonStateFile}

func main() {
	out := flag.String("o", "", "output `file` (default: standard output)")
	rules := flag.String("rules", "rules", "`directory` of actors.yaml and references.yaml")
	verbose := flag.Bool("v", false, "list every record skipped and why")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: phoenix [-o FILE] [-rules DIR] [-v] DICTIONARY_DIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *rules, *out, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "phoenix:", err)
		os.Exit(1)
	}
}

func run(dir, rules, out string, verbose bool) error {
	var b strings.Builder
	warns, err := generate(dir, rules, &b)
	if err != nil {
		return err
	}
	if verbose {
		for _, w := range warns {
			fmt.Fprintln(os.Stderr, w)
		}
	}
	if out == "" {
		_, err = os.Stdout.WriteString(b.String())
		return err
	}
	fmt.Fprintf(os.Stderr, "phoenix: wrote %s (%d bytes; %d records skipped or repaired, -v lists them)\n", out, b.Len(), len(warns))
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// generate converts the dictionaries in dir, with the hand-written rules
// in rulesDir, and writes the YAML to w. It returns the warnings.
func generate(dir, rulesDir string, w *strings.Builder) ([]string, error) {
	var hand extract.ActorFile
	var refs extract.ReferenceFile
	if err := readYAML(filepath.Join(rulesDir, "actors.yaml"), &hand); err != nil {
		return nil, err
	}
	if err := readYAML(filepath.Join(rulesDir, "references.yaml"), &refs); err != nil {
		return nil, err
	}
	c := newConverter(&hand, &refs, englishWords(englishText))
	var srcs []source
	var warns []string
	for _, name := range phoenixFiles {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		recs, ws := parseTABARI(name, f)
		f.Close()
		srcs = append(srcs, source{name: name, records: recs})
		warns = append(warns, ws...)
	}
	list := c.convert(srcs)
	warns = append(warns, c.warns...)
	sources := []string{}
	if commit := sourceCommit(dir); commit != "" {
		sources = append(sources, "commit "+commit)
	}
	sources = append(sources, phoenixFiles...)
	return warns, writeYAML(w, sources, list)
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// englishWords reads english.txt: one lower-case word per line, "#" comments.
func englishWords(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToUpper(line)] = true
		}
	}
	return m
}

// sourceCommit reads the petrarch2 commit from the README.txt that the
// shared copy of the dictionaries keeps beside them ("COMMIT: 676801c...").
func sourceCommit(dir string) string {
	f, err := os.Open(filepath.Join(dir, "..", "README.txt"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "COMMIT: "); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				return f[0]
			}
		}
	}
	return ""
}
