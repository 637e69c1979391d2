package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
)

type queryOptions struct {
	store  string
	file   string
	format string
	limit  int
}

func queryCommand(g *globals) *cli.Command {
	var o queryOptions
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Gizmo query against the store",
		ArgsUsage: "[QUERY]",
		Description: `Runs a Gizmo (JavaScript) query; see https://cayley.gitbook.io/cayley/query-languages/gizmo.
The query comes from the argument, from -f FILE, or from standard input ("-" or none).
Quoted CURIEs with kg's prefixes are expanded, so "kg:actor" means
<https://w3id.org/kg/ns#actor> and "actor:Donald_Trump" the actor's IRI
(prefixes: kg actor event report article run cameo rdf rdfs xsd owl skos dcterms prov sem schema oa wd).

EXAMPLES
   # whom did Donald Trump act towards, and how?
   kg query 'g.V("actor:Donald_Trump").In("kg:actor").Tag("event").Out("kg:target").Tag("target").All()'
   # all telephone calls (CAMEO 041)
   kg query 'g.V("cameo:041").In("kg:action").Out("kg:evidence").All()'
   kg query -f queries/dyads.js --format json
   echo 'g.V("kg:Event").In("rdf:type").Count()' | kg query

OUTPUT
   table (default, IRIs shortened to prefix:name), json (one JSON array, full values), tsv

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE`", Destination: &o.file},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table, json or tsv", Destination: &o.format},
			&cli.IntFlag{Name: "limit", Value: 1000, Usage: "return at most `N` results (0: all)", Destination: &o.limit},
		},
		Action: func(c *cli.Context) error {
			text, err := queryText(o.file, c.Args().Slice(), g.stdin)
			if err != nil {
				return err
			}
			switch o.format {
			case "table", "json", "tsv":
			default:
				return usagef("query", "query: --format %q: use table, json or tsv", o.format)
			}
			return runQuery(c.Context, o, g, text)
		},
	}
}

func queryText(file string, args []string, stdin io.Reader) (string, error) {
	switch {
	case file != "" && len(args) > 0:
		return "", usagef("query", "query: give the query as an argument or with -f, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fatal.Errorf("-f %s: %w", file, unwrapPathError(err))
		}
		return string(b), nil
	case len(args) > 1:
		return "", usagef("query", "query: one query at a time (quote it)")
	case len(args) == 1 && args[0] != "-":
		return args[0], nil
	}
	b, err := io.ReadAll(stdin)
	if err != nil {
		return "", fatal.Errorf("reading the query from standard input: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", usagef("query", "query: no query given (argument, -f FILE, or standard input)")
	}
	return string(b), nil
}

func runQuery(ctx context.Context, o queryOptions, g *globals, text string) error {
	st, err := graph.OpenExisting(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	rs, err := st.Query(ctx, text, o.limit)
	if err != nil {
		return err
	}
	return printResults(g.print.Stdout(), o.format, rs)
}

func printResults(w io.Writer, format string, rs []graph.Result) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // IRIs are <…>, not \u003c…\u003e
		if rs == nil {
			rs = []graph.Result{}
		}
		return enc.Encode(rs)
	case "tsv":
		cols := graph.Columns(rs)
		fmt.Fprintln(w, strings.Join(cols, "\t"))
		for _, r := range rs {
			row := make([]string, len(cols))
			for i, c := range cols {
				if v, ok := r[c]; ok {
					row[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(fmt.Sprint(v))
				}
			}
			fmt.Fprintln(w, strings.Join(row, "\t"))
		}
		return nil
	}
	cols := graph.Columns(rs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, r := range rs {
		row := make([]string, len(cols))
		for i, c := range cols {
			if v, ok := r[c]; ok {
				row[i] = truncate(graph.Compact(v), 100)
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "(%d results)\n", len(rs))
	return nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
