package main

// What kg query, kg events, kg actors and kg stats share: opening the store
// to read it, turning names into actors, and telling the user when a limit
// cut the results.

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/query"
	"kg/internal/ui"
)

func formatFlag(dest *string) cli.Flag {
	return &cli.StringFlag{Name: "format", Value: "table", Usage: "table, json, csv or tsv", Destination: dest}
}

func limitFlag(dest *int, def int, what string) cli.Flag {
	return &cli.IntFlag{Name: "limit", Value: def, Usage: "show at most `N` " + what + " (0: all)", Destination: dest}
}

// tableFormat reads --format for commands that print tables.
func tableFormat(cmd, s string) (ui.TableFormat, error) {
	f, err := ui.ParseTableFormat(s)
	if err != nil {
		return "", usagef(cmd, "%s: %v", cmd, err)
	}
	return f, nil
}

// openForQuestions opens a store to read its events, and says so when its
// answers come from an index built for this command only.
func openForQuestions(spec string, p *ui.Printer) (*graph.Store, error) {
	query.OneQuestionGC() // the process ends with the answer
	st, err := graph.OpenExisting(spec)
	if err != nil {
		return nil, err
	}
	if st.IndexNote != "" {
		p.Warnf("%s", st.IndexNote)
	}
	return st, nil
}

// resolveActors turns the names given to flag into groups of actor IRIs,
// one group per name. A name that matches no actor is an error naming the
// nearest labels; a name that matches several (an alias two actors share)
// stands for all of them, and kg says which.
func resolveActors(ctx context.Context, st *graph.Store, p *ui.Printer, flag string, names []string) ([][]string, error) {
	var out [][]string
	for _, name := range names {
		actors, err := query.Resolve(ctx, st, name)
		var nf *query.NotFoundError
		if errors.As(err, &nf) {
			return nil, fatal.Errorf("%s %q: %v", flag, name, err)
		}
		if err != nil {
			return nil, err
		}
		if len(actors) > 1 {
			labels := make([]string, len(actors))
			for i, a := range actors {
				labels[i] = fmt.Sprintf("%s (%s)", a.Label, graph.Compact("<"+a.IRI+">"))
			}
			p.Infof("%s %q: %d actors: %s", flag, name, len(actors), strings.Join(labels, ", "))
		}
		out = append(out, query.IRIs(actors))
	}
	return out, nil
}

// noteCut tells the user, on standard error, that a limit left out results.
func noteCut(p *ui.Printer, shown, total int, what, flag string) {
	if shown < total {
		p.Infof("showing %d of %d %s; %s 0 shows all", shown, total, what, flag)
	}
}

var dateRE = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// checkDate accepts a date or the start of one: 2017, 2017-05, 2017-05-02.
func checkDate(cmd, flag, v string) error {
	if v != "" && !dateRE.MatchString(v) {
		return usagef(cmd, "%s: %s %q: want a date, a month or a year (2017-05-02, 2017-05, 2017)", cmd, flag, v)
	}
	return nil
}

// table is a table whose text form shortens IRIs to prefix:name.
func table(cols []string, numeric ...string) *ui.Table {
	t := &ui.Table{Columns: cols, Short: shortIRI, Numeric: make([]bool, len(cols))}
	for i, c := range cols {
		for _, n := range numeric {
			t.Numeric[i] = t.Numeric[i] || c == n
		}
	}
	return t
}

// shortIRI writes an IRI, bare or in <>, as prefix:name when kg knows its
// namespace; other text is left as it is.
func shortIRI(s string) string {
	if strings.HasPrefix(s, "http") && !strings.ContainsAny(s, " \t\n") {
		s = "<" + s + ">"
	}
	return graph.Compact(s)
}
