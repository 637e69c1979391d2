package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"kg/ontology"
)

// overrides.yaml holds every decision this conversion makes about single
// entries of the dictionary: how its words and verbs are read, and where
// this project's coding conventions (../shared/eval/ANNOTATION.md) differ
// from PETRARCH's codes. The Go code holds none. See the file's header.
type overrides struct {
	// Words: how pattern words that are not nouns, or are misspelt, are read.
	NotNouns map[string][]string `yaml:"not_nouns"` // class → words (adjective, adverb, verb, function)
	Spelling map[string]string   `yaml:"spelling"`  // word as written → word meant ("" drops nothing: see check)
	// Verbs: a dictionary verb (as written, without "+"): read as another
	// lemma, not indexed, or its bare-verb frame recoded, dropped or kept
	// (this decides before defaults, blocks and codes).
	Verbs map[string]*verbOverride `yaml:"verbs"`
	// Codes, from the most general to the most specific; the most specific
	// that names a frame decides.
	Codes    map[string]*decision `yaml:"codes"`    // by the frame's CAMEO code
	Blocks   map[string]*decision `yaml:"blocks"`   // every frame of a verb block
	Defaults map[string]*decision `yaml:"defaults"` // a block's bare-verb frames (no pattern)
	Patterns map[int]*decision    `yaml:"patterns"` // one pattern, by its line in CAMEO.2.0.txt

	notNoun map[string]string // word → class
	used    map[*decision]bool
}

// verbOverride reads a dictionary verb differently.
type verbOverride struct {
	Lemma    string           `yaml:"lemma"` // the lemma ("burn" for BURNT); may be "verb particle"
	Skip     bool             `yaml:"skip"`  // not a verb kg can index (a noun, a coordination)
	decision `yaml:",inline"` // for its bare-verb frame
}

// decides tells whether the override decides the verb's bare-verb frame.
func (o *verbOverride) decides() bool { return o != nil && (o.Code != "" || o.Drop || o.Keep) }

// decision is one override: keep PETRARCH's code, use another, or drop
// the frame. A kept or recoded pattern may also be narrowed: kept for some
// verbs of its block only, or given its target from other roles.
type decision struct {
	Code string `yaml:"code"`
	Drop bool   `yaml:"drop"`
	Keep bool   `yaml:"keep"`
	// Symmetric, with code: whether the new code has no direction ("046"
	// where PETRARCH wrote "[036]"); nil keeps the pattern's.
	Symmetric *bool `yaml:"symmetric"`
	// Lemmas, patterns only: the verbs of the block (kg lemmas) that keep
	// the pattern; the others lose it. PETRARCH applies a block's patterns
	// to all its verbs, though its comment ("# DEPART") names the verb each
	// was written for: "leave for X" is a trip, "go for it" is not.
	Lemmas []string `yaml:"lemmas"`
	// Target, patterns only: where the event's target comes from (kg role
	// sources), instead of the list the converter derives.
	Target  []string `yaml:"target"`
	Pattern string   `yaml:"pattern"` // patterns only: the pattern as written, to catch a stale line number
	Why     string   `yaml:"why"`
	where   string
	kept    map[string]bool // Lemmas that some frame of the pattern had
}

func (d *decision) kind() string {
	switch {
	case d.Drop:
		return "dropped"
	case d.Code != "":
		return "recoded"
	case len(d.Lemmas) > 0 || len(d.Target) > 0:
		return "narrowed"
	}
	return "kept"
}

// readOverrides reads and checks overrides.yaml strictly: an unknown key,
// a decision without a reason, a bad code or an unknown word class is an
// error, and all errors are reported at once.
func readOverrides(path string, b []byte) (*overrides, error) {
	ov := &overrides{notNoun: map[string]string{}, used: map[*decision]bool{}}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(ov); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(path+": "+format, args...)) }
	classes := map[string]bool{"adjective": true, "adverb": true, "verb": true, "function": true}
	for class, words := range ov.NotNouns {
		if !classes[class] {
			bad("not_nouns: unknown class %q (adjective, adverb, verb, function)", class)
		}
		for _, w := range words {
			if c, dup := ov.notNoun[w]; dup {
				bad("not_nouns: %s is listed as %s and %s", w, c, class)
			}
			ov.notNoun[w] = class
		}
	}
	for w, fix := range ov.Spelling {
		if fix == "" || fix == w {
			bad("spelling: %s needs a correction", w)
		}
	}
	for v, o := range ov.Verbs {
		o.where = "verbs " + v
		switch {
		case o.decides():
			checkDecision(&o.decision, bad)
		case o.Why == "":
			bad("%s: needs a why", o.where)
		}
		if o.Pattern != "" || len(o.Lemmas) > 0 || len(o.Target) > 0 {
			bad("%s: pattern, lemmas and target are for pattern decisions", o.where)
		}
	}
	check := func(section string, m map[string]*decision) {
		for k, d := range m {
			d.where = section + " " + k
			checkDecision(d, bad)
			if len(d.Lemmas) > 0 || len(d.Target) > 0 {
				bad("%s: lemmas and target are for pattern decisions", d.where)
			}
		}
	}
	check("codes", ov.Codes)
	check("blocks", ov.Blocks)
	check("defaults", ov.Defaults)
	for line, d := range ov.Patterns {
		d.where = "patterns " + strconv.Itoa(line)
		checkDecision(d, bad)
		if d.Pattern == "" {
			bad("%s: needs the pattern as written", d.where)
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return ov, nil
}

func checkDecision(d *decision, bad func(string, ...any)) {
	n := 0
	for _, b := range []bool{d.Drop, d.Keep, d.Code != ""} {
		if b {
			n++
		}
	}
	if n != 1 {
		bad("%s: say exactly one of code, drop, keep", d.where)
	}
	if d.Code != "" && ontology.CameoLabels[d.Code] == "" {
		bad("%s: code %q is not a CAMEO code", d.where, d.Code)
	}
	if d.Symmetric != nil && d.Code == "" {
		bad("%s: symmetric goes with a code", d.where)
	}
	if d.Drop && (len(d.Lemmas) > 0 || len(d.Target) > 0) {
		bad("%s: a dropped pattern has no lemmas or target", d.where)
	}
	if d.Why == "" {
		bad("%s: needs a why", d.where)
	}
}

// decide returns the override that applies to a frame, nil if none: the
// pattern's own, else (for a bare-verb frame) the verb's block default,
// else the block's, else the code's.
func (ov *overrides) decide(f *frame) *decision {
	var d *decision
	switch {
	case f.verb.decides():
		d = &f.verb.decision
	case f.pattern != nil && ov.Patterns[f.pattern.line] != nil:
		d = ov.Patterns[f.pattern.line]
	case f.pattern == nil && ov.Defaults[f.block] != nil:
		d = ov.Defaults[f.block]
	case ov.Blocks[f.block] != nil:
		d = ov.Blocks[f.block]
	case ov.Codes[f.code] != nil:
		d = ov.Codes[f.code]
	}
	if d != nil {
		ov.used[d] = true
	}
	return d
}

// unused lists the decisions no frame asked for: stale entries.
func (ov *overrides) unused() []string {
	var out []string
	for _, m := range []map[string]*decision{ov.Codes, ov.Blocks, ov.Defaults} {
		for _, d := range m {
			if !ov.used[d] {
				out = append(out, d.where)
			}
		}
	}
	for _, o := range ov.Verbs {
		if o.decides() && !ov.used[&o.decision] {
			out = append(out, o.where)
		}
	}
	for _, d := range ov.Patterns {
		if !ov.used[d] {
			out = append(out, d.where)
		}
	}
	sort.Strings(out)
	return out
}

// checkLemmas makes sure that each lemma a pattern decision keeps is a
// verb of the pattern's block, so that a typo cannot silently drop the
// pattern for every verb.
func (ov *overrides) checkLemmas() error {
	var errs []string
	for _, line := range sortedLines(ov.Patterns) {
		d := ov.Patterns[line]
		for _, l := range d.Lemmas {
			if !d.kept[l] {
				errs = append(errs, fmt.Sprintf("overrides.yaml: %s: lemma %q is not a verb the pattern applies to", d.where, l))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// checkPatterns makes sure that each pattern override names the pattern
// at its line, so that a new dictionary cannot shift decisions onto other
// patterns.
func (ov *overrides) checkPatterns(d *dictionary) error {
	at := map[int]string{}
	for _, b := range d.blocks {
		for _, p := range b.patterns {
			at[p.line] = p.body
		}
	}
	var errs []string
	for _, line := range sortedLines(ov.Patterns) {
		dec := ov.Patterns[line]
		body, ok := at[line]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("overrides.yaml: %s: no pattern at line %d", dec.where, line))
		case body != strings.Join(strings.Fields(dec.Pattern), " "):
			errs = append(errs, fmt.Sprintf("overrides.yaml: %s: the pattern at line %d is %q, not %q", dec.where, line, body, dec.Pattern))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

func sortedLines(m map[int]*decision) []int {
	lines := make([]int, 0, len(m))
	for l := range m {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	return lines
}
