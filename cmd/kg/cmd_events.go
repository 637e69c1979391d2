package main

import (
	"context"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/graph"
	"kg/internal/query"
	"kg/ontology"
)

type eventsOptions struct {
	store           string
	actors, targets cli.StringSlice
	with            cli.StringSlice
	roots, codes    cli.StringSlice
	from, to        string
	sources         cli.StringSlice
	sort            string
	limit           int
	count           bool
	format          string
}

func eventsCommand(g *globals) *cli.Command {
	var o eventsOptions
	return &cli.Command{
		Name:  "events",
		Usage: "list events: who did what to whom, when, and how many articles say so",
		Description: `Lists the events in the store, one row each (however many articles report it):
date, actor, CAMEO code and action, target, number of reporting articles,
one evidence sentence, and the event's IRI.

Actors are named as you would write them: a label or alias ("Russia",
"the Kremlin", "Palestinians"), case and accents ignored, or an IRI or
actor:Name. A name that matches nothing is an error that suggests the
nearest labels; one that matches several actors stands for all of them.
Flags of one kind may be repeated (any of them matches); different kinds
must all match. Dates may be a year or a month: --from 2017 --to 2017-06.

EXAMPLES
   kg events --actor Russia
   kg events --with Israel --with Palestinians        # between the two, either way
   kg events --root 19 --from 2003 --to 2003-12       # fights in 2003
   kg events --code 041 --sort sources --limit 10     # the best-attested telephone calls
   kg events --source 001_62768f9597a6f921.txt --format csv
   kg events --root 11 --count                        # how many disapprovals

OUTPUT
   table (default), json, csv or tsv; columns date, actor, code, action,
   target, sources, evidence, event. When --limit leaves events out, a line on
   standard error says how many there are.

` + exitHelp,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringSliceFlag{Name: "actor", Usage: "events whose actor is `NAME`", Destination: &o.actors},
			&cli.StringSliceFlag{Name: "target", Usage: "events whose target is `NAME`", Destination: &o.targets},
			&cli.StringSliceFlag{Name: "with", Usage: "events `NAME` takes part in, as actor or target (repeat for events between several)", Destination: &o.with},
			&cli.StringSliceFlag{Name: "root", Usage: "events under CAMEO root `CC` (two digits: 04 consult, 19 fight)", Destination: &o.roots},
			&cli.StringSliceFlag{Name: "code", Usage: "events with CAMEO code `CODE` (041 discuss by telephone)", Destination: &o.codes},
			&cli.StringFlag{Name: "from", Usage: "events on or after `DATE` (2017-05-02, 2017-05 or 2017)", Destination: &o.from},
			&cli.StringFlag{Name: "to", Usage: "events on or before `DATE`", Destination: &o.to},
			&cli.StringSliceFlag{Name: "source", Usage: "events reported by article `ID` (its file name or JSONL id, or its IRI)", Destination: &o.sources},
			&cli.StringFlag{Name: "sort", Value: "date", Usage: "date (oldest first, undated last) or sources (most reported first)", Destination: &o.sort},
			limitFlag(&o.limit, 50, "events"),
			&cli.BoolFlag{Name: "count", Usage: "print only how many events match", Destination: &o.count, DisableDefaultText: true},
			formatFlag(&o.format),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("events", "events: unexpected argument %q (name actors with --actor, --target or --with)", c.Args().First())
			}
			return runEvents(c.Context, o, g)
		},
	}
}

func runEvents(ctx context.Context, o eventsOptions, g *globals) error {
	format, err := tableFormat("events", o.format)
	if err != nil {
		return err
	}
	f := query.Filter{From: o.from, To: o.to}
	for _, d := range []struct{ flag, v string }{{"--from", o.from}, {"--to", o.to}} {
		if err := checkDate("events", d.flag, d.v); err != nil {
			return err
		}
	}
	for _, r := range o.roots.Value() {
		if len(r) != 2 || ontology.CameoLabels[r] == "" {
			return usagef("events", "events: --root %q: want a CAMEO root, two digits from 01 to 20 (04 consult, 19 fight)", r)
		}
		f.Roots = append(f.Roots, r)
	}
	for _, c := range o.codes.Value() {
		if ontology.CameoLabels[c] == "" {
			return usagef("events", "events: --code %q: not a CAMEO code (041 discuss by telephone; kg events --help)", c)
		}
		f.Codes = append(f.Codes, c)
	}
	order := query.ByDate
	switch o.sort {
	case "date":
	case "sources":
		order = query.BySources
	default:
		return usagef("events", "events: --sort %q: use date or sources", o.sort)
	}
	if o.limit < 0 {
		return usagef("events", "events: --limit must be 0 (all) or more")
	}
	for _, id := range o.sources.Value() {
		f.Sources = append(f.Sources, articleIRI(id))
	}
	st, err := openForQuestions(o.store, g.print)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, names := range []struct {
		flag  string
		names []string
		into  func([][]string)
	}{
		{"--actor", o.actors.Value(), func(g [][]string) { f.Actors = flatten(g) }},
		{"--target", o.targets.Value(), func(g [][]string) { f.Targets = flatten(g) }},
		{"--with", o.with.Value(), func(g [][]string) { f.With = g }},
	} {
		groups, err := resolveActors(ctx, st, g.print, names.flag, names.names)
		if err != nil {
			return err
		}
		names.into(groups)
	}
	limit := o.limit
	if o.count {
		limit = 1 // the total is all that is wanted
	}
	list, total, err := query.Events(ctx, st, f, order, limit, 0)
	if err != nil {
		return err
	}
	if o.count {
		t := table([]string{"events"}, "events")
		t.Rows = [][]string{{strconv.Itoa(total)}}
		return t.Write(g.print.Stdout(), format)
	}
	t := table([]string{"date", "actor", "code", "action", "target", "sources", "evidence", "event"}, "sources")
	for _, e := range list {
		codes, actions := make([]string, len(e.Codes)), make([]string, len(e.Codes))
		for i, c := range e.Codes {
			codes[i], actions[i] = c.Code, c.Label
		}
		target := ""
		if e.Target != nil {
			target = e.Target.Label
		}
		t.Rows = append(t.Rows, []string{e.Date, e.Actor.Label, strings.Join(codes, " "), strings.Join(actions, "; "),
			target, strconv.Itoa(e.Sources), e.Evidence, e.IRI})
	}
	if err := t.Write(g.print.Stdout(), format); err != nil {
		return err
	}
	noteCut(g.print, len(list), total, "events", "--limit")
	return nil
}

func flatten(groups [][]string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// articleIRI is the IRI of an article given as its id (file name or JSONL
// id, as kg build names it), an article: CURIE, or an IRI.
func articleIRI(id string) string {
	switch {
	case strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://"):
		return id
	case strings.HasPrefix(id, "article:"):
		return graph.NSArt + strings.TrimPrefix(id, "article:")
	}
	return graph.NSArt + graph.LocalName(id)
}
