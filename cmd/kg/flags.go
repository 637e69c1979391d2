package main

import (
	"path/filepath"

	"github.com/urfave/cli/v2"

	"kg/internal/rdf"
)

// Flags shared by several commands. Each call makes a new flag: urfave/cli
// records state in a flag when it parses it.

func storeFlag(dest *string) cli.Flag {
	return &cli.StringFlag{
		Name:        "store",
		Value:       "kg.db",
		DefaultText: "./kg.db",
		EnvVars:     []string{"KG_STORE"},
		Usage:       "the Cayley store: a directory `DIR` (bolt), the word memory, or a postgres:// URL",
		Destination: dest,
	}
}

func rulesFlag(dest *string) cli.Flag {
	return &cli.StringFlag{
		Name:        "rules",
		Usage:       "read actors.yaml (+ actors_*.yaml), references.yaml and actions.yaml from `DIR` instead of the built-in rules",
		Destination: dest,
	}
}

func quietFlag(dest *bool, what string) cli.Flag {
	return &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: what, Destination: dest, DisableDefaultText: true}
}

// rdfFormat reads --format for RDF: a name or alias from the format table
// that keep accepts.
func rdfFormat(cmd, name string, keep func(rdf.FormatInfo) bool) (rdf.Format, error) {
	f, ok := rdf.Lookup(name)
	if !ok || !keep(f.Info()) {
		return "", usagef(cmd, "%s: --format %q: use %s", cmd, name, rdf.Names(keep))
	}
	return f, nil
}

// outputFormat is the format of an output: --format when given, else the
// extension of the file (an unknown one is a usage error: writing Turtle
// into graph.rdf would mislead every tool that reads it), else Turtle for
// standard output.
func outputFormat(cmd, format, output string) (rdf.Format, error) {
	if format != "" {
		return rdfFormat(cmd, format, rdf.Writable)
	}
	if output == "" || output == "-" {
		return rdf.Turtle, nil
	}
	if f, ok := rdf.ByExtension(output); ok {
		return f, nil
	}
	return "", usagef(cmd, "%s: -o %s: %s; use %s, or give --format (%s)",
		cmd, output, unknownExtension(output), rdf.ExtensionList(rdf.Writable), rdf.Names(rdf.Writable))
}

// inputFormat is the format to parse a file in: --format when given, else
// its extension.
func inputFormat(cmd, file string, override rdf.Format) (rdf.Format, error) {
	if override != "" {
		return override, nil
	}
	if file == "-" {
		return "", usagef(cmd, "%s: reading standard input needs --format (%s)", cmd, rdf.Names(rdf.Readable))
	}
	f, ok := rdf.ByExtension(file)
	switch {
	case !ok:
		return "", usagef(cmd, "%s: %s: %s; use %s, or give --format", cmd, file, unknownExtension(file), rdf.ExtensionList(rdf.Readable))
	case !f.Info().Readable:
		return "", usagef(cmd, "%s: %s: %s cannot be loaded; convert it to N-Quads first", cmd, file, f.Info().Title)
	}
	return f, nil
}

func unknownExtension(file string) string {
	if ext := filepath.Ext(file); ext != "" {
		return "unknown extension " + ext
	}
	return "no extension"
}
