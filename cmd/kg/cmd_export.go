package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"kg/internal/graph"
	"kg/internal/rdf"
)

type exportOptions struct {
	store  string
	output string
	format rdf.Format
	quiet  bool
}

func exportCommand() *cli.Command {
	var o exportOptions
	var format string
	return &cli.Command{
		Name:  "export",
		Usage: "write the whole store as Turtle, N-Triples, N-Quads or JSON-LD",
		Description: `Writes every statement in the store, sorted and without duplicates, so the same
store always gives the same bytes. Without -o the graph goes to standard output;
with -o FILE it is written to a temporary file renamed into place when complete,
so FILE is never left half-written.

N-Quads keeps each statement's graph name (kg puts an article's statements in the
graph named by the article's IRI); Turtle, N-Triples and JSON-LD write the merged
graph. JSON-LD is compacted, with a @context of kg's prefixes.

The format is --format, else taken from the -o extension (.ttl .nt .nq .jsonld),
else Turtle.

EXAMPLES
   kg export -o graph.ttl
   kg export --format nquads --store news.db > news.nq
   kg export --format jsonld -o graph.jsonld

EXIT STATUS
   0 written, 1 store or write error, 2 wrong usage`,
		Flags: []cli.Flag{
			storeFlag,
			&cli.StringFlag{Name: "format", Usage: "turtle, ntriples, nquads or jsonld", Destination: &format},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output", Destination: &o.output},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no summary", Destination: &o.quiet},
		},
		Action: func(c *cli.Context) error {
			o.store = c.String("store")
			if c.NArg() > 0 {
				return usageError{fmt.Sprintf("export: unexpected argument %q (write to a file with -o FILE)", c.Args().First())}
			}
			switch {
			case format != "":
				f, ok := rdf.Lookup(format)
				if !ok {
					return usageError{fmt.Sprintf("export: --format %q: use turtle, ntriples, nquads or jsonld", format)}
				}
				o.format = f
			case o.output != "" && o.output != "-":
				o.format = rdf.FormatOf(o.output)
			default:
				o.format = rdf.Turtle
			}
			return runExport(c.Context, o, os.Stdout)
		},
	}
}

func runExport(ctx context.Context, o exportOptions, stdout io.Writer) error {
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
		return fmt.Errorf("reading store %s: %w", graph.Redact(o.store), err)
	}
	write := func(w io.Writer) error { return rdf.Write(w, o.format, quads, graph.Prefixes) }
	where := "standard output"
	if o.output == "" || o.output == "-" {
		err = write(stdout)
	} else {
		where = o.output
		err = rdf.WriteFileAtomic(o.output, write)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if !o.quiet {
		what := "triples"
		if o.format == rdf.NQuads {
			what = "quads"
		}
		fmt.Fprintf(os.Stderr, "kg: %d %s (%s) written to %s\n",
			rdf.CountDistinct(quads, o.format == rdf.NQuads), what, o.format, where)
	}
	return nil
}
