package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// header heads the generated file; its %s are the sources and the counts.
const header = `# Frames generated from PETRARCH-2's CAMEO verb dictionary.
# DO NOT EDIT: regenerate with "go generate ./internal/extract" (see
# internal/extract/internal/petrarch). Decisions about single entries, and
# where this project's coding conventions differ from PETRARCH's codes, are
# data in internal/extract/internal/petrarch/overrides.yaml. Hand-written
# frames (frames.yaml) win: no frame is generated here for a lemma and
# words that one of them states.
#
# Source: https://github.com/openeventdata/petrarch2, dictionaries/
#   %s
#
# How the dictionary is read (as PETRARCH-2's PETRreader and PETRtree do):
# - A verb block's patterns apply to all its verbs; a verb listed in two
#   blocks belongs to the first. A verb's frame without constraints carries
#   its own code, else its block's ("[---]": none).
# - Words before "*" constrain the subject ("subject:"), the first noun
#   after it the object ("object:"), "(PREP WORDS)" a prepositional phrase
#   ("pp:"). A particle right after "*" ("- * OFF &WEAPON  # SET") makes a
#   verb + particle lemma, for the verbs the pattern's comment names.
#   Multi-word verbs: "+CALL_OFF" is the lemma "call off", "+ASK_FOR" is
#   "ask" with a required "for" phrase, "+WAGE_WAR" is "wage" with the
#   object "war".
# - Words are lemmas: "SANCTIONS" is "sanction", "{ARMS SHIPMENT}" is
#   "arm shipment". "&SET" is the set petrarch_set ("$petrarch_set");
#   inside a phrase it is expanded. "(PREP ^)" is any phrase of PREP.
# - Codes: "[A]" codes the subject acting on the target. "[A:A]" is
#   symmetric. "[A:B]": PETRARCH also codes the reverse event B (target on
#   subject); kg frames cannot, and code A only. "[:B]": the verb is read as
#   a passive: its subject is the target, the actor comes from a from- or
#   by-phrase. Codes 03x and 13x are intents (modality does not block them).
# - Roles: TABARI's "$" (source) and "+" (target) set the actor and target
#   where they stand for the subject, the object, an indirect object
#   ("* + HOURS") or a phrase ("(TO +)"). Otherwise the target is the first
#   of: the phrases the pattern requires without a noun ("(AGAINST)"), the
#   object (unless the pattern constrains it), the indirect object, and
#   with-, against-, to-, on-, at-, into-, toward(s)- and upon-phrases
#   (PETRARCH takes any phrase's actor).
# - Which frame wins: among patterns that state the same words for a lemma,
#   the last in the file, as in PETRARCH's pattern tree; kg's loader then
#   prefers the frame with the most constraints, as PETRARCH prefers the
#   longest match.
# - Layout: one frame per line, written as a JSON object (a YAML flow
#   mapping too), and each set as a JSON list, so that a loader may read the
#   lines with a JSON decoder, far faster than YAML on a file this size.
#
# Counts:
%s
#
# The source file is under the MIT License:
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.
`

// written returns the frames that are written: those no override drops.
func (c *converter) written() []*frame {
	var out []*frame
	for _, f := range c.frames {
		if (f.decision == nil || !f.decision.Drop) && len(f.lemmas) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// write renders the frames, one per line as a JSON object; sources nil
// renders no header (for the comparison with hand-written frames).
func (c *converter) write(sources []string) []byte {
	frames := c.written()
	var b bytes.Buffer
	if sources != nil {
		c.st.frames = len(frames)
		lemmas := map[string]bool{}
		for _, f := range frames {
			for _, l := range f.lemmas {
				lemmas[l] = true
			}
		}
		c.st.lemmas = len(lemmas)
		fmt.Fprintf(&b, header, strings.Join(sources, "\n#   "), c.counts())
	}
	// Sets.
	var names []string
	for _, s := range c.sets {
		if s.used {
			names = append(names, s.name)
		}
	}
	sort.Strings(names)
	byName := map[string]*kgSet{}
	for _, s := range c.sets {
		byName[s.name] = s
	}
	if len(names) == 0 {
		b.WriteString("\nsets: {}\n")
	} else {
		b.WriteString("\nsets:\n")
	}
	for _, n := range names {
		fmt.Fprintf(&b, "  %s: %s\n", n, list(byName[n].words))
	}
	if len(frames) == 0 {
		b.WriteString("\nverbs: []\n")
	} else {
		b.WriteString("\nverbs:\n")
	}
	for _, f := range frames {
		fmt.Fprintf(&b, "  - {\"id\": %s, \"lemma\": %s, \"code\": %s", str(f.id), list(f.lemmas), str(f.code))
		if f.symmetric {
			b.WriteString(", \"symmetric\": true")
		}
		if f.intent {
			b.WriteString(", \"intent\": true")
		}
		for _, kv := range []struct {
			k string
			v []string
		}{{"subject", f.subject}, {"object", f.object}, {"pp", f.pp}, {"actor", f.actor}} {
			if kv.v != nil {
				fmt.Fprintf(&b, ", %q: %s", kv.k, list(kv.v))
			}
		}
		fmt.Fprintf(&b, ", \"target\": %s, \"source\": %s}\n", list(f.target), str(fmt.Sprintf("%s:%d", c.file, f.line)))
	}
	b.WriteString("\nnouns: []\n")
	return b.Bytes()
}

func str(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) //nolint:errcheck // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func list(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = str(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// counts renders the statistics for the header.
func (c *converter) counts() string {
	st := &c.st
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, "#   "+format+"\n", args...) }
	line("read: %d synonym sets, %d verb blocks, %d verbs, %d patterns, %d transformations (not converted)",
		st.synsets, st.blocks, st.verbs, st.patterns, st.transforms)
	line("written: %d frames over %d lemmas", st.frames, st.lemmas)
	skipped := 0
	for _, n := range st.verbSkips {
		skipped += n
	}
	line("verbs not indexed: %d", skipped)
	for _, k := range sortedKeys(st.verbSkips) {
		line("  %5d  %s", st.verbSkips[k], k)
	}
	skipped = 0
	for _, n := range st.patternSkips {
		skipped += n
	}
	line("patterns skipped: %d", skipped)
	for _, k := range sortedByCount(st.patternSkips) {
		line("  %5d  %s", st.patternSkips[k], k)
	}
	line("patterns converted with a caveat:")
	for _, k := range sortedByCount(st.notes) {
		line("  %5d  %s", st.notes[k], k)
	}
	line("frames whose code is not in kg's CAMEO scheme, read as its root's (as PETRARCH does):")
	for _, k := range sortedKeys(st.unknownCodes) {
		line("  %5d  %s", st.unknownCodes[k], k)
	}
	line("frames shadowed by a later pattern stating the same words: %d", st.shadowed)
	line("frames giving up lemmas to hand-written frames: %d", st.handWritten)
	line("frames under an override (overrides.yaml): %d kept, %d narrowed (fewer verbs, other target), %d recoded, %d dropped",
		st.overridden["kept"], st.overridden["narrowed"], st.overridden["recoded"], st.overridden["dropped"])
	return strings.TrimSuffix(b.String(), "\n")
}

func sortedByCount(m map[string]int) []string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	return keys
}
