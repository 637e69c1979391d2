package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"kg/internal/graph"
)

type exportOptions struct {
	store  string
	output string
	format graph.Format
	quiet  bool
}

// exportFormats are the names --format accepts (and short aliases).
var exportFormats = map[string]graph.Format{
	"turtle": graph.Turtle, "ttl": graph.Turtle,
	"ntriples": graph.NTriples, "nt": graph.NTriples,
	"nquads": graph.NQuads, "nq": graph.NQuads,
	"jsonld": graph.JSONLD, "json-ld": graph.JSONLD,
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
				f, ok := exportFormats[strings.ToLower(format)]
				if !ok {
					return usageError{fmt.Sprintf("export: --format %q: use turtle, ntriples, nquads or jsonld", format)}
				}
				o.format = f
			case o.output != "" && o.output != "-":
				o.format = graph.FormatOf(o.output)
			default:
				o.format = graph.Turtle
			}
			return runExport(c.Context, o, os.Stdout)
		},
	}
}

func runExport(ctx context.Context, o exportOptions, stdout io.Writer) error {
	st, err := openExisting(o.store)
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
	write := func(w io.Writer) error { return graph.Write(w, o.format, quads) }
	where := "standard output"
	if o.output == "" || o.output == "-" {
		err = write(stdout)
	} else {
		where = o.output
		err = graph.WriteFileAtomic(o.output, write)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if !o.quiet {
		what := "triples"
		if o.format == graph.NQuads {
			what = "quads"
		}
		fmt.Fprintf(os.Stderr, "kg: %d %s (%s) written to %s\n",
			countDistinct(quads, o.format == graph.NQuads), what, o.format, where)
	}
	return nil
}

// openExisting opens a store for reading. A bolt store that does not exist
// is an error here: graph.Open would create an empty one, and exporting or
// serving an empty graph because of a mistyped --store helps nobody.
func openExisting(spec string) (*graph.Store, error) {
	if spec != "memory" && spec != ":memory:" && !strings.Contains(spec, "://") {
		if _, err := os.Stat(spec); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("store %s does not exist (create it with kg build or kg load, or give --store)", spec)
		}
	}
	return graph.Open(spec)
}

// countDistinct counts distinct triples (quads with withLabel).
func countDistinct(quads []quad.Quad, withLabel bool) int {
	seen := make(map[[4]string]struct{}, len(quads))
	for _, q := range quads {
		k := [4]string{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), ""}
		if withLabel && q.Label != nil {
			k[3] = quad.StringOf(q.Label)
		}
		seen[k] = struct{}{}
	}
	return len(seen)
}
