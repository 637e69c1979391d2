package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"kg/internal/graph"
)

type statsOptions struct {
	store  string
	format string
	top    int
}

func statsCommand(g *globals) *cli.Command {
	var o statsOptions
	return &cli.Command{
		Name:  "stats",
		Usage: "summarize the events in the store",
		Description: `Counts events, reports and articles, and lists events by CAMEO root, the most
active actors and dyads (actor → target), and events per source article.

EXAMPLES
   kg stats
   kg stats --top 20 --store news.db
   kg stats --format json

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table or json", Destination: &o.format},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "rows in the actor, dyad and source tables (0: all)", Destination: &o.top},
		},
		Action: func(c *cli.Context) error {
			if o.format != "table" && o.format != "json" {
				return usagef("stats", "stats: --format %q: use table or json", o.format)
			}
			if o.top < 0 {
				return usagef("stats", "stats: --top must be 0 (all) or more")
			}
			return runStats(c.Context, o, g)
		},
	}
}

func runStats(ctx context.Context, o statsOptions, g *globals) error {
	st, err := graph.OpenExisting(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.ComputeStats(ctx, o.top)
	if err != nil {
		return err
	}
	w := g.print.Stdout()
	if o.format == "json" {
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
