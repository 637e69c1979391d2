package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/rdf"
)

type loadOptions struct {
	store  string
	format rdf.Format // "": from each file's extension
	quiet  bool
}

func loadCommand(g *globals) *cli.Command {
	var o loadOptions
	var format string
	return &cli.Command{
		Name:      "load",
		Usage:     "import Turtle, N-Triples or N-Quads files into the store",
		ArgsUsage: "FILE...",
		Description: `Adds the statements of each FILE to the store. The format comes from the extension
(.ttl Turtle, .nt N-Triples, .nq N-Quads) unless --format is given; "-" reads
standard input (give --format). N-Quads graph names are kept.

Each file is parsed completely before anything is written and then added in one
transaction, so a file with a syntax error adds nothing, and an interrupted load
leaves whole files. Parsing is strict: an ill-typed literal ("abc"^^xsd:integer,
"2017-02-30"^^xsd:date) or a language tag that is not BCP 47 ("x"@en--) is an
error too, so the store only holds what kg export can write. Blank nodes belong
to their file: _:b0 in a.nt and _:b0 in b.nt are two nodes. Statements already
in the store are skipped: loading the same file twice adds nothing. Errors name
the file, line and column, and what was expected there:
   kg: bad.ttl:3:12: expected an object (an IRI, a blank node or a literal), found "." (Turtle; nothing from this file was loaded)
   kg: bad.nt:3:1: object: invalid language tag "en--" (want BCP 47, e.g. en, en-US) ...

EXAMPLES
   kg load ontology/kg.ttl
   kg load --store news.db a.nq b.nq
   curl -s https://example.org/data | kg load --format ntriples -

` + exitHelp + `
   When a file cannot be read or parsed, the files before it stay loaded.`,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "format", Usage: "read `FORMAT`: " + rdf.Names(rdf.Readable) + " (default: from each file's extension)", Destination: &format},
			quietFlag(&o.quiet, "print no summary"),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("load", "load: give at least one file (%s), e.g. kg load graph.ttl", rdf.ExtensionList(rdf.Readable))
			}
			if format != "" {
				f, err := rdfFormat("load", format, rdf.Readable)
				if err != nil {
					return err
				}
				o.format = f
			}
			files := c.Args().Slice()
			// Check every name up front, so a typo in the last file is
			// reported before the first one is loaded.
			for _, f := range files {
				if _, err := inputFormat("load", f, o.format); err != nil {
					return err
				}
				if f != "-" {
					if _, err := os.Stat(f); err != nil {
						return fatal.Errorf("%s: %w", f, unwrapPathError(err))
					}
				}
			}
			return runLoad(c.Context, o, g, files)
		},
	}
}

func runLoad(ctx context.Context, o loadOptions, g *globals, files []string) error {
	p := g.print
	if o.quiet {
		p.SetQuiet(true)
	}
	st, err := graph.Open(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	start := st.Size()
	for i, file := range files {
		if err := ctx.Err(); err != nil {
			return &interruptedError{kept: fmt.Sprintf("%d of %d files were loaded, whole", i, len(files)), err: err}
		}
		format, err := inputFormat("load", file, o.format)
		if err != nil {
			return err
		}
		name := file
		var r io.Reader = g.stdin
		if file == "-" {
			name = "standard input"
		} else {
			f, err := os.Open(file)
			if err != nil {
				return fatal.Errorf("%s: %w", file, unwrapPathError(err))
			}
			r = f
		}
		quads, err := rdf.Parse(r, format)
		if c, ok := r.(io.Closer); ok && file != "-" {
			c.Close()
		}
		if err != nil {
			var pe *rdf.ParseError
			if errors.As(err, &pe) && pe.Line > 0 {
				return fatal.Errorf("%s:%d:%d: %s (%s; nothing from this file was loaded)", name, pe.Line, pe.Col, pe.Msg, format.Info().Title)
			}
			return fatal.Errorf("%s: %w (%s; nothing from this file was loaded)", name, err, format.Info().Title)
		}
		before := st.Size()
		if err := st.Add(quads); err != nil {
			return fatal.Errorf("%s: storing: %w", name, err)
		}
		after := st.Size()
		p.Infof("%s: %d statements read, %d new (store %d → %d quads)", name, len(quads), after-before, before, after)
	}
	if len(files) > 1 {
		p.Infof("%d files, %d quads added, %d in store", len(files), st.Size()-start, st.Size())
	}
	return nil
}
