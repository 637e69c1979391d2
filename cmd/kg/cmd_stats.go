package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"kg/internal/query"
	"kg/internal/ui"
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
		Description: `Counts events, reports, articles and the actors taking part in events, and
lists events by CAMEO root, the most active actors (events they act in), dyads
(actor → target) and events per source article. Every number counts distinct
events, as SPARQL's COUNT(DISTINCT ?event) over the exported graph does.

EXAMPLES
   kg stats
   kg stats --top 20 --store news.db
   kg stats --format json

OUTPUT
   table (default): the totals, then one section per table; json: one object
   (events, reports, articles, actors, by_cameo_root, top_actors, top_dyads,
   events_per_source); csv and tsv: one row per figure, columns table, key,
   label, n. When --top leaves rows out, a line on standard error says how many
   there are.

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			formatFlag(&o.format),
			&cli.IntFlag{Name: "top", Value: 10, Usage: "rows in the actor, dyad and source tables (0: all)", Destination: &o.top},
		},
		Action: func(c *cli.Context) error {
			if o.top < 0 {
				return usagef("stats", "stats: --top must be 0 (all) or more")
			}
			return runStats(c.Context, o, g)
		},
	}
}

func runStats(ctx context.Context, o statsOptions, g *globals) error {
	format, err := tableFormat("stats", o.format)
	if err != nil {
		return err
	}
	st, err := openForQuestions(o.store, g.print)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := query.ComputeStats(ctx, st, o.top)
	if err != nil {
		return err
	}
	w := g.print.Stdout()
	sections := []struct {
		name, title string
		rows        []query.Count
		total       int
	}{
		{"root", "EVENTS BY CAMEO ROOT", s.Roots, len(s.Roots)},
		{"actor", "TOP ACTORS", s.Actor, s.Sizes.Actors},
		{"dyad", "TOP DYADS", s.Dyads, s.Sizes.Dyads},
		{"source", "EVENTS PER SOURCE", s.Sources, s.Sizes.Sources},
	}
	switch format {
	case ui.JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(s)
	case ui.TableText:
		fmt.Fprintf(w, "%d events, %d reports, %d articles, %d actors\n", s.Events, s.Reports, s.Articles, s.Actors)
		for _, sec := range sections {
			fmt.Fprintf(w, "\n%s\n", sec.title)
			for _, r := range sec.rows {
				key := shortIRI(r.Key)
				if sec.name == "actor" || sec.name == "dyad" {
					key = r.Label // an actor's label says more than its IRI
				}
				if sec.name == "root" {
					key += " " + r.Label
				}
				fmt.Fprintf(w, "%7d  %s\n", r.N, key)
			}
		}
	default:
		t := table([]string{"table", "key", "label", "n"}, "n")
		for _, total := range []struct {
			key string
			n   int
		}{{"events", s.Events}, {"reports", s.Reports}, {"articles", s.Articles}, {"actors", s.Actors}} {
			t.Rows = append(t.Rows, []string{"total", total.key, "", strconv.Itoa(total.n)})
		}
		for _, sec := range sections {
			for _, r := range sec.rows {
				t.Rows = append(t.Rows, []string{sec.name, r.Key, r.Label, strconv.Itoa(r.N)})
			}
		}
		err = t.Write(w, format)
	}
	if err != nil {
		return err
	}
	for _, sec := range sections {
		noteCut(g.print, len(sec.rows), sec.total, sec.name+" rows", "--top")
	}
	return nil
}
