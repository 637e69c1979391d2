package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/extract"
	"kg/internal/pipeline"
)

type explainOptions struct {
	rules string
	all   bool
}

func explainCommand(g *globals) *cli.Command {
	var o explainOptions
	return &cli.Command{
		Name:      "explain",
		Usage:     "show, sentence by sentence, which rules made which events",
		ArgsUsage: "FILE...",
		Description: `For rule authors: prints the article's metadata, then each sentence with the
actors found in it (and how: name, metonym, title, pronoun...) and each event with
the rule and pattern that produced it and the text spans it matched. FILE is an
article, a .jsonl file or a directory of them; "-" reads standard input.

EXAMPLES
   kg explain corpus/001_62768f9597a6f921.txt
   kg explain --all corpus/003_2cc7ead8b3e88de4.txt      # also sentences without events
   kg explain --rules my-rules/ article.txt
   echo 'France condemned Iran on Monday.' | kg explain -

` + exitHelp,
		Flags: []cli.Flag{
			rulesFlag(&o.rules),
			&cli.BoolFlag{Name: "all", Usage: "show sentences without events too", Destination: &o.all, DisableDefaultText: true},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("explain", "explain: give a file of articles (or - for standard input)")
			}
			return runExplain(c.Context, o, g, c.Args().Slice())
		},
	}
}

func runExplain(ctx context.Context, o explainOptions, g *globals, paths []string) error {
	x, _, err := pipeline.LoadRules(o.rules)
	if err != nil {
		return err
	}
	opt := extract.ReadOptions{Stdin: g.stdin, Warn: func(err error) { g.print.Warnf("%v", err) }}
	for _, path := range paths {
		err := extract.ReadPath(path, opt, func(a *extract.Article) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			explain(g.print.Stdout(), x, a, o.all)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func explain(w io.Writer, x *extract.Extractor, a *extract.Article, all bool) {
	show := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	fmt.Fprintf(w, "# %s\n  title: %s\n  publisher: %s\n  issued: %s\n", a.ID, show(a.Title), show(a.Publisher), show(a.Issued))
	if a.Category != "" {
		note := ""
		if extract.OffTopic(a) {
			note = " (a section that reports no political events: not read)"
		}
		fmt.Fprintf(w, "  section: %s%s\n", a.Category, note)
	}
	span := func(s extract.Span) string {
		if s.Empty() {
			return "-"
		}
		return fmt.Sprintf("%q@%d", a.Text[s.Start:s.End], s.Start)
	}
	for i, r := range x.Explain(a) {
		if len(r.Events) == 0 && !all {
			continue
		}
		fmt.Fprintf(w, "\n[%d] %s\n", i+1, r.Sentence.Text)
		for _, line := range r.Structure() {
			fmt.Fprintf(w, "    %s\n", line)
		}
		for _, m := range r.Mentions {
			var names []string
			for _, e := range m.Entities {
				names = append(names, e.Name)
			}
			fmt.Fprintf(w, "    actor  %-32s %-10s → %s\n", span(m.Span), m.How, strings.Join(names, ", "))
		}
		for _, e := range r.Events {
			target := "-"
			if e.Target != nil {
				target = e.Target.Name
			}
			fmt.Fprintf(w, "  EVENT  %s —%s→ %s  date %s  confidence %.2f\n", e.Actor.Name, e.Code, target, show(e.Date), e.Confidence)
			if e.Pattern > 0 {
				fmt.Fprintf(w, "         rule %s (pattern %d)  matched %s\n", e.Rule, e.Pattern, span(e.Match))
			} else {
				fmt.Fprintf(w, "         rule %s (frame)  matched %s\n", e.Rule, span(e.Match))
			}
			role := func(r string) string {
				if r == "" {
					return ""
				}
				return " (" + r + ")"
			}
			fmt.Fprintf(w, "         actor %s%s  target %s%s  date %s", span(e.ActorSpan), role(e.ActorRole), span(e.TargetSpan), role(e.TargetRole), span(e.DateSpan))
			if e.ReportedBy != nil {
				fmt.Fprintf(w, "  reported by %s", e.ReportedBy.Name)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)
}
