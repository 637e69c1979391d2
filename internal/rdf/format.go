// Package rdf writes and reads the RDF serializations kg exchanges with
// triple stores. It knows RDF syntax, not kg's vocabulary: callers pass the
// prefixes to abbreviate with.
//
//	format     name       extensions       media type              read  write  stream
//	Turtle     turtle     .ttl             text/turtle             yes   yes    yes
//	N-Triples  ntriples   .nt              application/n-triples   yes   yes    yes
//	N-Quads    nquads     .nq              application/n-quads     yes   yes    yes
//	JSON-LD    jsonld     .jsonld          application/ld+json     no    yes    no
//
// Every writer gives the same bytes for the same set of statements (sorted,
// without duplicates), and writes nothing when a statement cannot be written
// validly. Streamable formats can be written batch by batch (StreamWriter)
// while a build runs; JSON-LD groups every statement about a subject in one
// node object, so it needs the whole graph first.
//
// The table above is Formats: the one place that maps names, file
// extensions and media types to formats, for every command that reads or
// writes a file.
package rdf

import (
	"path/filepath"
	"strings"
)

// Format is an RDF serialization, named by its canonical --format name.
type Format string

// The formats kg reads or writes.
const (
	Turtle   Format = "turtle"
	NTriples Format = "ntriples"
	NQuads   Format = "nquads"
	JSONLD   Format = "jsonld"
)

// Prefix is a Turtle / JSON-LD prefix binding: Name abbreviates IRI.
type Prefix struct{ Name, IRI string }

// FormatInfo describes one format.
type FormatInfo struct {
	Format     Format
	Title      string   // as people write it: "N-Triples"
	Names      []string // accepted by --format, the first is canonical
	Extensions []string // file extensions, lower case with the dot, the first is preferred
	MediaType  string   // IANA media type
	Readable   bool     // Parse reads it
	Writable   bool     // Write writes it
	Streamable bool     // StreamWriter writes it batch by batch
}

// Formats is the registry, in the order formats are listed to users.
var Formats = []FormatInfo{
	{Turtle, "Turtle", []string{"turtle", "ttl"}, []string{".ttl"}, "text/turtle", true, true, true},
	{NTriples, "N-Triples", []string{"ntriples", "nt", "n-triples"}, []string{".nt"}, "application/n-triples", true, true, true},
	{NQuads, "N-Quads", []string{"nquads", "nq", "n-quads"}, []string{".nq"}, "application/n-quads", true, true, true},
	{JSONLD, "JSON-LD", []string{"jsonld", "json-ld"}, []string{".jsonld"}, "application/ld+json", false, true, false},
}

// Info returns the registry entry of f (the zero FormatInfo if f is not a
// format).
func (f Format) Info() FormatInfo {
	for _, fi := range Formats {
		if fi.Format == f {
			return fi
		}
	}
	return FormatInfo{}
}

// Lookup finds a format by a --format name or alias, in any case.
func Lookup(name string) (Format, bool) {
	name = strings.ToLower(name)
	for _, fi := range Formats {
		for _, n := range fi.Names {
			if n == name {
				return fi.Format, true
			}
		}
	}
	return "", false
}

// ByExtension finds a format by a file name's extension, in any case.
func ByExtension(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, fi := range Formats {
		for _, e := range fi.Extensions {
			if e == ext {
				return fi.Format, true
			}
		}
	}
	return "", false
}

// Names lists the canonical names of the formats for which keep is true,
// for messages and help: "turtle, ntriples, nquads or jsonld".
func Names(keep func(FormatInfo) bool) string {
	var names []string
	for _, fi := range Formats {
		if keep == nil || keep(fi) {
			names = append(names, fi.Names[0])
		}
	}
	return orList(names)
}

// ExtensionList lists the preferred extensions of the formats for which keep
// is true: ".ttl, .nt, .nq or .jsonld".
func ExtensionList(keep func(FormatInfo) bool) string {
	var exts []string
	for _, fi := range Formats {
		if keep == nil || keep(fi) {
			exts = append(exts, fi.Extensions[0])
		}
	}
	return orList(exts)
}

// Readable and Writable select formats for Names and ExtensionList.
func Readable(fi FormatInfo) bool { return fi.Readable }
func Writable(fi FormatInfo) bool { return fi.Writable }

func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
