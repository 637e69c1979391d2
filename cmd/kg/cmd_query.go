package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/query"
	"kg/internal/ui"
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
   table (default, IRIs shortened to prefix:name), json (one JSON array of objects,
   full values), csv or tsv. Columns come in the order the query names its tags
   (Tag, As, Save…), then "result" (g.Emit, a final Count()), then "id", the node
   each path ended on, unless a tag already holds it. Values are in N-Triples
   notation (<iri>, "text"@en, "2017-05-02"^^<…#date>), numbers and plain text as
   they are. When --limit leaves results out, a line on standard error says so.

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE`", Destination: &o.file},
			formatFlag(&o.format),
			limitFlag(&o.limit, 1000, "results"),
		},
		Action: func(c *cli.Context) error {
			text, err := queryText(o.file, c.Args().Slice(), g.stdin)
			if err != nil {
				return err
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
	format, err := tableFormat("query", o.format)
	if err != nil {
		return err
	}
	if o.limit < 0 {
		return usagef("query", "query: --limit must be 0 (all) or more")
	}
	query.OneQuestionGC() // the process ends with the answer
	st, err := graph.OpenExisting(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	ask := o.limit
	if ask > 0 {
		ask++ // one more, to know whether the limit cut anything
	}
	rs, err := st.Query(ctx, text, ask)
	if err != nil {
		return err
	}
	cut := o.limit > 0 && len(rs) > o.limit
	if cut {
		rs = rs[:o.limit]
	}
	if err := resultTable(rs, text).Write(g.print.Stdout(), format); err != nil {
		return err
	}
	if cut {
		g.print.Infof("showing the first %d results; there are more (--limit 0 shows all)", o.limit)
	}
	return nil
}

// resultTable lays out Gizmo results: columns in the query's tag order
// (graph.Columns), numbers as numbers in JSON.
func resultTable(rs []graph.Result, text string) *ui.Table {
	cols := graph.Columns(rs, text)
	t := &ui.Table{Columns: cols, Short: func(s string) string { return graph.Compact(s) }, Numeric: make([]bool, len(cols))}
	for i, c := range cols {
		numeric := true
		for _, r := range rs {
			switch r[c].(type) {
			case int, int64, float64, nil:
			default:
				numeric = false
			}
		}
		t.Numeric[i] = numeric
	}
	for _, r := range rs {
		row := make([]string, len(cols))
		for i, c := range cols {
			if v, ok := r[c]; ok {
				row[i] = fmt.Sprint(v)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
