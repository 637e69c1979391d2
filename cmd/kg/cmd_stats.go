package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"kg/internal/graph"
)

func statsCommand() *cli.Command {
	var format string
	var top int
	return &cli.Command{
		Name:  "stats",
		Usage: "summarize the events in the store",
		Description: `Counts events, reports and articles, and lists events by CAMEO root, the most
active actors and dyads (actor → target), and events per source article.

EXAMPLES
   kg stats
   kg stats --top 20 --store news.db
   kg stats --format json`,
		Flags: []cli.Flag{
			storeFlag,
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table or json", Destination: &format},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "rows in the actor, dyad and source tables (0: all)", Destination: &top},
		},
		Action: func(c *cli.Context) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Sprintf("stats: --format %q: use table or json", format)}
			}
			return runStats(c.Context, c.String("store"), format, top, os.Stdout)
		},
	}
}

func runStats(ctx context.Context, store, format string, top int, w io.Writer) error {
	st, err := graph.OpenExisting(store)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.ComputeStats(ctx, top)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	fmt.Fprintf(w, "%d events, %d reports, %d articles, %d actors\n", s.Events, s.Reports, s.Articles, s.Actors)
	for _, t := range []struct {
		title string
		rows  []graph.Count
	}{{"EVENTS BY CAMEO ROOT", s.Roots}, {"TOP ACTORS", s.Actor}, {"TOP DYADS", s.Dyads}, {"EVENTS PER SOURCE", s.Sources}} {
		fmt.Fprintf(w, "\n%s\n", t.title)
		for _, r := range t.rows {
			fmt.Fprintf(w, "%7d  %s\n", r.N, r.Key+labelSuffix(r.Label))
		}
	}
	return nil
}

func labelSuffix(l string) string {
	if l == "" {
		return ""
	}
	return " (" + l + ")"
}
