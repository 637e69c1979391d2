package main

import (
	"fmt"
	"io/fs"
	"strings"
	"testing/fstest"

	"kg/internal/extract"
)

// The generated file must load with kg's own loader (extract.LoadFrames)
// next to the hand-written frames, so the loader is asked rather than
// imitated: which prepositions it accepts, how it reads the hand-written
// frames, and whether the result loads.

// handWritten compiles the hand-written frames*.yaml of rules: every one
// but the generated file.
func handWritten(rules fs.FS) ([]*extract.Frame, error) {
	files, err := ruleFiles(rules)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, nil
	}
	fr, err := extract.LoadFrames(files)
	if err != nil {
		return nil, fmt.Errorf("hand-written frames: %w", err)
	}
	return fr.All, nil
}

// ruleFiles copies the hand-written frames*.yaml of rules into memory.
func ruleFiles(rules fs.FS) (fstest.MapFS, error) {
	names, err := fs.Glob(rules, "frames*.yaml")
	if err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	for _, name := range names {
		if name == outFile {
			continue
		}
		b, err := fs.ReadFile(rules, name)
		if err != nil {
			return nil, err
		}
		files[name] = &fstest.MapFile{Data: b}
	}
	return files, nil
}

// checkLoads loads the generated file with the hand-written ones.
func checkLoads(rules fs.FS, generated []byte) error {
	files, err := ruleFiles(rules)
	if err != nil {
		return err
	}
	files[outFile] = &fstest.MapFile{Data: generated}
	if _, err := extract.LoadFrames(files); err != nil {
		return fmt.Errorf("the generated frames do not load:\n%w", err)
	}
	return nil
}

// prepAccepted asks the loader which prepositions a frame's pp may name.
func prepAccepted() func(string) bool {
	known := map[string]bool{}
	return func(p string) bool {
		ok, seen := known[p]
		if !seen {
			frame := fmt.Sprintf("verbs:\n  - {id: x, lemma: [x], code: \"040\", pp: [%q]}\n", p)
			_, err := extract.LoadFrames(fstest.MapFS{"frames.yaml": {Data: []byte(frame)}})
			ok = err == nil && p != "" && !strings.ContainsAny(p, " $")
			known[p] = ok
		}
		return ok
	}
}

// leaveToHandWritten takes out of the generated frames every lemma for
// which a hand-written frame states the same words: the hand-written
// frame wins, and the two never meet as a conflict when kg loads them.
func (c *converter) leaveToHandWritten(hand []*extract.Frame) error {
	if len(hand) == 0 {
		return nil
	}
	taken := map[string]string{}
	for _, f := range hand {
		for _, k := range frameKeys(f) {
			taken[k] = f.ID
		}
	}
	// Compile the generated frames alone to compare them in the loader's
	// terms (synonym sets expanded).
	fr, err := extract.LoadFrames(fstest.MapFS{outFile: {Data: c.write(nil)}})
	if err != nil {
		return fmt.Errorf("the generated frames do not load:\n%w", err)
	}
	drop := map[string]map[string]bool{} // frame id → lemmas
	for _, f := range fr.All {
		for i, k := range frameKeys(f) {
			if id, ok := taken[k]; ok {
				if drop[f.ID] == nil {
					drop[f.ID] = map[string]bool{}
				}
				drop[f.ID][f.Lemmas[i]] = true
				c.log = append(c.log, fmt.Sprintf("%s: %s: lemma %q left to hand-written frame %s", f.Source, f.ID, f.Lemmas[i], id))
			}
		}
	}
	kept := c.frames[:0]
	for _, f := range c.frames {
		if d := drop[f.id]; d != nil {
			var ls []string
			for _, l := range f.lemmas {
				if !d[l] {
					ls = append(ls, l)
				}
			}
			c.st.handWritten++
			if f.lemmas = ls; len(ls) == 0 {
				continue
			}
		}
		kept = append(kept, f)
	}
	c.frames = kept
	return nil
}

// frameKeys are a frame's lemmas with its constraints, as the loader's
// conflict check (frames.go, checkConflicts) compares them: one key per
// lemma.
func frameKeys(f *extract.Frame) []string {
	var b strings.Builder
	for _, o := range f.Object {
		fmt.Fprintf(&b, "o%v", o)
	}
	for _, s := range f.Subject {
		fmt.Fprintf(&b, "s%v", s)
	}
	for _, p := range f.PP {
		fmt.Fprintf(&b, "p%s%v", p.Prep, p.Noun)
	}
	fmt.Fprintf(&b, "|%s|%s", f.Comp, f.Voice)
	keys := make([]string, len(f.Lemmas))
	for i, l := range f.Lemmas {
		keys[i] = f.Kind.String() + "|" + l + "|" + b.String()
	}
	return keys
}
