package main

import (
	"context"
	"errors"
	"strconv"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/query"
)

type actorsOptions struct {
	store  string
	with   string
	limit  int
	format string
}

func actorsCommand(g *globals) *cli.Command {
	var o actorsOptions
	return &cli.Command{
		Name:      "actors",
		Usage:     "find actors by name, with their number of events; or whom an actor dealt with",
		ArgsUsage: "[SEARCH]",
		Description: `Lists the actors taking part in events, most events first. SEARCH keeps those
whose label, alias or IRI name contains it, case and accents ignored ("russ"
finds Russia and the Russian Federation's aliases); actors called exactly SEARCH
come first. A search that matches nothing is an error that suggests the nearest
labels.

With --with NAME, lists the actors NAME took part in events with instead, and
how many events they share (NAME as actor or target, in either direction).

EXAMPLES
   kg actors --limit 10              # the most active actors
   kg actors palest                  # Palestine, the Palestinian Authority, ...
   kg actors --with Russia           # whom Russia dealt with, and how often

OUTPUT
   table (default), json, csv or tsv; columns actor (its label), events,
   as_actor, as_target, then type and country (or, with --with, the partner's
   counts of events it acted in and was the target of), and its IRI.

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "with", Usage: "list whom `NAME` took part in events with", Destination: &o.with},
			limitFlag(&o.limit, 50, "actors"),
			formatFlag(&o.format),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("actors", "actors: one search at a time (quote a name with spaces)")
			}
			return runActors(c.Context, o, c.Args().First(), g)
		},
	}
}

func runActors(ctx context.Context, o actorsOptions, search string, g *globals) error {
	format, err := tableFormat("actors", o.format)
	if err != nil {
		return err
	}
	if o.limit < 0 {
		return usagef("actors", "actors: --limit must be 0 (all) or more")
	}
	if o.with != "" && search != "" {
		return usagef("actors", "actors: give a SEARCH or --with, not both")
	}
	st, err := openForQuestions(o.store, g.print)
	if err != nil {
		return err
	}
	defer st.Close()
	w := g.print.Stdout()
	if o.with != "" {
		groups, err := resolveActors(ctx, st, g.print, "--with", []string{o.with})
		if err != nil {
			return err
		}
		partners, err := query.Partners(ctx, st, groups[0], query.Filter{})
		if err != nil {
			return err
		}
		t := table([]string{"actor", "events", "as_actor", "as_target", "iri"}, "events", "as_actor", "as_target")
		shown := partners
		if o.limit > 0 && len(shown) > o.limit {
			shown = shown[:o.limit]
		}
		for _, p := range shown {
			t.Rows = append(t.Rows, []string{p.Label, strconv.Itoa(p.Events), strconv.Itoa(p.AsActor), strconv.Itoa(p.AsTarget), p.IRI})
		}
		if err := t.Write(w, format); err != nil {
			return err
		}
		noteCut(g.print, len(t.Rows), len(partners), "actors", "--limit")
		return nil
	}
	actors, total, err := query.Actors(ctx, st, search, o.limit)
	if err != nil {
		return err
	}
	if total == 0 && search != "" {
		// say so, with the nearest names, as for an unknown --actor
		_, err := query.Resolve(ctx, st, search)
		var nf *query.NotFoundError
		if errors.As(err, &nf) {
			return fatal.Errorf("no actor's name contains %q%s", search, nf.Suggestion())
		}
		if err != nil {
			return err
		}
		return fatal.Errorf("no actor called %q takes part in any event", search)
	}
	t := table([]string{"actor", "events", "as_actor", "as_target", "type", "country", "iri"}, "events", "as_actor", "as_target")
	for _, a := range actors {
		t.Rows = append(t.Rows, []string{a.Label, strconv.Itoa(a.Events), strconv.Itoa(a.AsActor), strconv.Itoa(a.AsTarget), a.Type, a.Country, a.IRI})
	}
	if err := t.Write(w, format); err != nil {
		return err
	}
	noteCut(g.print, len(actors), total, "actors", "--limit")
	return nil
}
