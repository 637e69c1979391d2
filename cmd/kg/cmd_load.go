package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/graph"
	"kg/internal/rdf"
)

type loadOptions struct {
	store  string
	format rdf.Format // "" : from each file's extension
	quiet  bool
}

func loadCommand() *cli.Command {
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
the file and, when known, the line:
   kg: bad.ttl:12:7: syntax error: ...
   kg: bad.nt:3:1: object: invalid language tag "en--" (want BCP 47, e.g. en, en-US) ...

EXAMPLES
   kg load ontology/kg.ttl
   kg load --store news.db a.nq b.nq
   curl -s https://example.org/data | kg load --format ntriples -

EXIT STATUS
   0 all files loaded, 1 a file could not be read or parsed (files before it stay
   loaded) or the store failed, 2 wrong usage`,
		Flags: []cli.Flag{
			storeFlag,
			&cli.StringFlag{Name: "format", Usage: "turtle, ntriples or nquads (default: from the file extension)", Destination: &format},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no summary", Destination: &o.quiet},
		},
		Action: func(c *cli.Context) error {
			o.store = c.String("store")
			if c.NArg() == 0 {
				return usageError{"load: give at least one file (.ttl, .nt, .nq), e.g. kg load graph.ttl"}
			}
			if format != "" {
				f, ok := rdf.Lookup(format)
				if !ok || f == rdf.JSONLD {
					return usageError{fmt.Sprintf("load: --format %q: use turtle, ntriples or nquads", format)}
				}
				o.format = f
			}
			files := c.Args().Slice()
			// Check every name up front, so a typo in the last file is
			// reported before the first one is loaded.
			for _, f := range files {
				if _, err := loadFormat(f, o.format); err != nil {
					return err
				}
				if f != "-" {
					if _, err := os.Stat(f); err != nil {
						return fmt.Errorf("%s: %w", f, unwrapPathError(err))
					}
				}
			}
			return runLoad(c.Context, o, files, os.Stdin)
		},
	}
}

// loadFormat is the format to parse file in: override, else by extension.
func loadFormat(file string, override rdf.Format) (rdf.Format, error) {
	if override != "" {
		return override, nil
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".ttl":
		return rdf.Turtle, nil
	case ".nt":
		return rdf.NTriples, nil
	case ".nq":
		return rdf.NQuads, nil
	case ".jsonld":
		return "", usageError{fmt.Sprintf("load: %s: JSON-LD cannot be loaded; convert it to N-Quads first", file)}
	}
	if file == "-" {
		return "", usageError{"load: reading standard input needs --format (turtle, ntriples or nquads)"}
	}
	return "", usageError{fmt.Sprintf("load: %s: unknown extension; use .ttl, .nt or .nq, or give --format", file)}
}

func runLoad(ctx context.Context, o loadOptions, files []string, stdin io.Reader) error {
	st, err := graph.Open(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	start := st.Size()
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		format, err := loadFormat(file, o.format)
		if err != nil {
			return err
		}
		name := file
		var r io.Reader = stdin
		if file == "-" {
			name = "standard input"
		} else {
			f, err := os.Open(file)
			if err != nil {
				return fmt.Errorf("%s: %w", file, unwrapPathError(err))
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
				return fmt.Errorf("%s:%d:%d: %s (%s; nothing from this file was loaded)", name, pe.Line, pe.Col, pe.Msg, format)
			}
			return fmt.Errorf("%s: %w (%s; nothing from this file was loaded)", name, err, format)
		}
		before := st.Size()
		if err := st.Add(quads); err != nil {
			return fmt.Errorf("%s: storing: %w", name, err)
		}
		if !o.quiet {
			after := st.Size()
			fmt.Fprintf(os.Stderr, "kg: %s: %d statements read, %d new (store %d → %d quads)\n",
				name, len(quads), after-before, before, after)
		}
	}
	if !o.quiet && len(files) > 1 {
		fmt.Fprintf(os.Stderr, "kg: %d files, %d quads added, %d in store\n", len(files), st.Size()-start, st.Size())
	}
	return nil
}
