package main

import (
	"context"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/rdf"
)

type exportOptions struct {
	store  string
	output string // file, or "" / "-" for standard output
	format rdf.Format
	quiet  bool
}

func exportCommand(g *globals) *cli.Command {
	var o exportOptions
	var format string
	return &cli.Command{
		Name:  "export",
		Usage: "write the whole store as Turtle, N-Triples, N-Quads or JSON-LD",
		Description: `Writes every statement in the store, sorted and without duplicates, so the same
store always gives the same bytes. Without -o (or with -o -) the graph goes to
standard output; with -o FILE it is written to a temporary file renamed into place
when complete, so FILE is never left half-written.

N-Quads keeps each statement's graph name (kg puts an article's statements in the
graph named by the article's IRI); Turtle, N-Triples and JSON-LD write the merged
graph. JSON-LD is compacted, with a @context of kg's prefixes.

The format is --format, else FILE's extension (.ttl .nt .nq .jsonld; another
extension is an error), else Turtle.

EXAMPLES
   kg export -o graph.ttl
   kg export --format nquads --store news.db > news.nq
   kg export --format jsonld -o graph.jsonld

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "format", Usage: "write `FORMAT`: " + rdf.Names(rdf.Writable) + " (default: from the -o extension, else turtle)", Destination: &format},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output", Destination: &o.output},
			quietFlag(&o.quiet, "print no summary"),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("export", "export: unexpected argument %q (write to a file with -o FILE)", c.Args().First())
			}
			f, err := outputFormat("export", format, o.output)
			if err != nil {
				return err
			}
			o.format = f
			return runExport(c.Context, o, g)
		},
	}
}

func runExport(ctx context.Context, o exportOptions, g *globals) error {
	if o.quiet {
		g.print.SetQuiet(true)
	}
	st, err := graph.OpenExisting(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	var quads []quad.Quad
	if err := st.Each(ctx, func(q quad.Quad) error {
		quads = append(quads, q)
		return nil
	}); err != nil {
		if ctx.Err() != nil {
			return &interruptedError{kept: "nothing was written", err: err}
		}
		return fatal.Errorf("reading store %s: %w", graph.Redact(o.store), err)
	}
	where := o.output
	if where == "" || where == "-" {
		where = "-"
	}
	if err := writeTo(where, g.print.Stdout(), func(w io.Writer) error {
		if err := rdf.Write(w, o.format, quads, graph.Prefixes); err != nil {
			return fatal.Errorf("the store holds a statement %s cannot express: %w", o.format.Info().Title, err)
		}
		return nil
	}); err != nil {
		return err
	}
	what := "triples"
	if o.format == rdf.NQuads {
		what = "quads"
	}
	if where == "-" {
		where = "standard output"
	}
	g.print.Infof("%d %s (%s) written to %s", rdf.CountDistinct(quads, o.format == rdf.NQuads), what, o.format, where)
	return nil
}
