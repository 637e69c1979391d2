package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"kg/internal/extract"
)

// header heads the generated file; %s are the packages and the counts.
const header = `# Country names, capitals and demonyms from a general country dataset.
# DO NOT EDIT: regenerate with "go generate ./internal/extract" (see
# internal/extract/internal/countries). Put corrections in actors.yaml: it
# loads first, and a name it gives to any actor is never generated here.
#
# Each entry carries the id of a country of actors.yaml or actors_phoenix.yaml
# (matched by ISO 3166-1 alpha-3 code), so kg's loader merges it into that
# country: only the names the country lacks are listed. Aliases are the
# dataset's current short name and the forms of it; metonyms the capital
# ("police in Niamey", "Kigali said"); demonyms the nationality adjective.
# Names refused, and why, are listed below.
#
# Source: npm packages, installed by the generator into its cache
#   %s
#
# Counts:
%s#
# Same schema as actors.yaml, one entry per line written as JSON (which is
# YAML too), as in actors_phoenix.yaml.
#
# countries-list (https://github.com/annexare/Countries) is under the MIT License:
#
# Copyright (c) 2014 Annexare Studio
#
# i18n-nationality (https://github.com/sourcecode911/i18n-nationality) is under the MIT License:
#
# Copyright (c) 2016 widdix GmbH
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
`

// writeHeader writes the header with the counts and every refused name.
func writeHeader(w io.Writer, versions []string, entries int, c *converter, list []*extract.Entity) {
	var n [3]int
	for _, e := range list {
		n[0] += len(e.Aliases)
		n[1] += len(e.Metonyms)
		n[2] += len(e.Demonyms)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#   read: %d dataset entries\n", entries)
	fmt.Fprintf(&b, "#   written: %d countries, %d aliases, %d metonyms (capitals), %d demonyms\n", len(list), n[0], n[1], n[2])
	fmt.Fprintf(&b, "#   left out, the country has them already: %d names\n", c.had)
	reasons := make([]string, 0, len(c.skips))
	for r := range c.skips {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(&b, "#   %s: %d\n", r, len(c.skips[r]))
		wrapList(&b, c.skips[r])
	}
	fmt.Fprintf(w, header, strings.Join(versions, "\n#   "), b.String())
}

// wrapList writes items as comment lines of at most about 100 characters.
func wrapList(b *strings.Builder, items []string) {
	line := "#     "
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if len(line)+len(it) > 100 && line != "#     " {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = "#     "
		}
		line += it + " "
	}
	if line != "#     " {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

// writeEntities writes the countries section, one entry per line as a
// JSON object with actors.yaml's field names, which kg's loader reads with
// its JSON fast path and any YAML parser reads as a flow mapping.
func writeEntities(w io.Writer, list []*extract.Entity) error {
	var b strings.Builder
	b.WriteString("\ncountries:\n")
	for _, e := range list {
		fields := []struct {
			name string
			v    any
			omit bool
		}{
			{"id", e.ID, false}, {"name", e.Name, false}, {"code", e.Code, false},
			{"aliases", e.Aliases, len(e.Aliases) == 0},
			{"metonyms", e.Metonyms, len(e.Metonyms) == 0},
			{"demonyms", e.Demonyms, len(e.Demonyms) == 0},
		}
		var parts []string
		for _, f := range fields {
			if f.omit {
				continue
			}
			parts = append(parts, fmt.Sprintf("%q: %s", f.name, jsonValue(f.v)))
		}
		b.WriteString("  - {" + strings.Join(parts, ", ") + "}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonValue writes a string or a list of strings as JSON, with ", "
// between items and no HTML escaping ("Bosnia & Herzegovina").
func jsonValue(v any) string {
	str := func(s string) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s) // a string always encodes
		return strings.TrimSuffix(b.String(), "\n")
	}
	if list, ok := v.([]string); ok {
		items := make([]string, len(list))
		for i, it := range list {
			items[i] = str(it)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return str(v.(string))
}
