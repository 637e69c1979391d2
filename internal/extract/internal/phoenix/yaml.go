package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"kg/internal/extract"
)

// header heads the generated file.
const header = `# Actor dictionary generated from PETRARCH's Phoenix actor dictionaries.
# DO NOT EDIT: regenerate with "go generate ./internal/extract" (see
# internal/extract/internal/phoenix), and put corrections in actors.yaml,
# which wins over this file: an entry with the id of an actors.yaml entry is
# merged into it (its aliases, metonyms, demonyms and roles added), and an
# alias actors.yaml gives to another actor is never generated here.
#
# Source: https://github.com/openeventdata/petrarch2, dictionaries/
#   %s
#
# Same schema as actors.yaml, one entry per line written as JSON (which is
# YAML too) for speed. Roles are {role: government}: membership of
# a government (a CAMEO XXXGOV code), from and to as in actors.yaml ("to"
# is the first day the role is no longer held).
#
# The source files are under the MIT License:
#
# Copyright (c) 2014 Open Event Data Alliance
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

// writeYAML writes the entities in actors.yaml's sections, one entry per
// line, each a JSON object: valid YAML (a flow mapping), diff-friendly,
// and quick to read — kg's loader decodes such lines with encoding/json,
// several times faster than a YAML parser on a file this size.
func writeYAML(w io.Writer, sources []string, list []*entity) error {
	var b, line bytes.Buffer
	fmt.Fprintf(&b, header, strings.Join(sources, "\n#   "))
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false) // "AT&T", not "AT\u0026T"
	for _, sec := range []struct{ title, kind string }{
		{"countries", kindCountry}, {"persons", kindPerson}, {"organizations", kindOrganization}, {"groups", kindGroup},
	} {
		fmt.Fprintf(&b, "\n%s:\n", sec.title)
		for _, e := range list {
			if e.Kind != sec.kind {
				continue
			}
			j := extract.Entity{ID: e.ID, Name: e.Name, Aliases: e.Aliases, Metonyms: e.Metonyms, Demonyms: e.Demonyms, Business: e.Business}
			if e.Kind == kindCountry {
				j.Code = e.Code
				j.Places = e.Places
			} else {
				j.Country = e.Country
			}
			for _, r := range e.Roles {
				j.Roles = append(j.Roles, extract.Role(r))
			}
			line.Reset()
			if err := enc.Encode(j); err != nil {
				return err
			}
			b.WriteString("  - ")
			spaced(&b, line.Bytes())
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// spaced copies compact JSON to b with a space after each ':' and ','
// outside strings, as YAML flow collections are usually written.
func spaced(b *bytes.Buffer, js []byte) {
	inString, escaped := false, false
	for _, c := range js {
		b.WriteByte(c)
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ':' || c == ','):
			b.WriteByte(' ')
		}
	}
}
