package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/internal/extract"
	"kg/internal/pipeline"
)

func explainCommand() *cli.Command {
	var all bool
	return &cli.Command{
		Name:      "explain",
		Usage:     "show, sentence by sentence, which rules made which events",
		ArgsUsage: "FILE...",
		Description: `For rule authors: prints the article's metadata, then each sentence with the
actors found in it (and how: name, metonym, title, pronoun...) and each event with
the rule and pattern that produced it and the text spans it matched.

EXAMPLES
   kg explain corpus/001_62768f9597a6f921.txt
   kg explain --all corpus/003_2cc7ead8b3e88de4.txt      # also sentences without events
   kg explain --rules my-rules/ article.txt`,
		Flags: []cli.Flag{
			rulesFlag,
			&cli.BoolFlag{Name: "all", Usage: "show sentences without events too", Destination: &all},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError{"explain: give a file of articles"}
			}
			x, _, err := pipeline.LoadRules(c.String("rules"))
			if err != nil {
				return err
			}
			for _, path := range c.Args().Slice() {
				err := extract.ReadPath(path, extract.ReadOptions{Warn: func(err error) { fmt.Fprintln(os.Stderr, "kg: warning:", err) }},
					func(a *extract.Article) error { explain(os.Stdout, x, a, all); return nil })
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func explain(w io.Writer, x *extract.Extractor, a *extract.Article, all bool) {
	show := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	fmt.Fprintf(w, "# %s\n  title: %s\n  publisher: %s\n  issued: %s\n", a.ID, show(a.Title), show(a.Publisher), show(a.Issued))
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
			fmt.Fprintf(w, "         rule %s (pattern %d)  matched %s\n", e.Rule, e.Pattern, span(e.Match))
			fmt.Fprintf(w, "         actor %s  target %s  date %s", span(e.ActorSpan), span(e.TargetSpan), span(e.DateSpan))
			if e.ReportedBy != nil {
				fmt.Fprintf(w, "  reported by %s", e.ReportedBy.Name)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)
}
