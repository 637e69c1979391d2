package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kg/internal/eval"
	"kg/internal/fatal"
	"kg/internal/pipeline"
)

// Where the peer suites live in the shared checkout, relative to a working
// directory at the repository root (/work/main → /work/shared).
const (
	defaultPETR2  = "../shared/peers/universalpetrarch/PETR2_GSR_validation.xml"
	defaultPLOVER = "../shared/peers/plover/PLOVER_GSR_CAMEO.json"
)

type evalOptions struct {
	suite  string
	petr2  string
	plover string
	rules  string
	format string
	errors int
}

func evalCommand(g *globals) *cli.Command {
	var o evalOptions
	return &cli.Command{
		Name:  "eval",
		Usage: "score the extraction on peer test suites (PETR-2 gold set, PLOVER gold records)",
		Description: `Runs the extraction on each sentence of the peer suites and compares the events
with the expected ones at country level and CAMEO root: an event is (source country,
target country, root), "USAGOV→RUS 190" counts as USA→RUS 19, a person or organization
counts as its country, and actors that are not countries (IGO, rebels) as none.

  petr2   UniversalPetrarch PETR2_GSR_validation.xml: 78 records (18 real AFP sentences,
          the rest test cases), CAMEO codes, Phoenix actor codes, 12 expect no event
  plover  PLOVER_GSR_CAMEO.json: 322 CAMEO-manual example sentences with ISO-3 actors and
          a PLOVER class, mapped to its CAMEO root (AGREE 03 … FIGHT 19)

An expected event is found (TP) when kg made one with the same root, source and target
country. A target (or source) the suite leaves uncoded matches anything; a symmetric
event of kg (A met B) matches either direction. Produced events matching nothing are
FP, expected ones not found FN. ROOT-* ignore actors (sets of roots per sentence), to
tell action coverage from actor coverage. NO-EVENT is the share of sentences expecting
no event that got none.

The second table gives the same counts in UniversalPetrarch validation.py's terms,
beside its published result (TP 68.27%, FN 31.73%, FP 22.95%). That result is on its own
functional suite (PETR_Validate_records_2_02.xml) and requires the full event code and
full actor codes with agents: it is a reference point, not a like-for-like comparison.

EXAMPLES
   kg eval
   kg eval --suite petr2 --errors 10
   kg eval --rules my-rules/ --format json > scores.json
   kg eval --plover ~/peers/PLOVER_GSR_CAMEO.json --suite plover

` + exitHelp,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "suite", Value: "all", Usage: "petr2, plover or all", Destination: &o.suite},
			&cli.StringFlag{Name: "petr2", Value: defaultPETR2, Usage: "the PETR-2 gold `FILE`", Destination: &o.petr2},
			&cli.StringFlag{Name: "plover", Value: defaultPLOVER, Usage: "the PLOVER gold `FILE`", Destination: &o.plover},
			rulesFlag(&o.rules),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "table or json", Destination: &o.format},
			&cli.IntFlag{Name: "errors", Usage: "show `N` example misses and N false alarms per suite", Destination: &o.errors},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("eval", "eval: takes no arguments (choose suites with --suite, files with --petr2/--plover)")
			}
			switch o.suite {
			case "petr2", "plover", "all":
			default:
				return usagef("eval", "eval: --suite %q: use petr2, plover or all", o.suite)
			}
			switch o.format {
			case "table", "json":
			default:
				return usagef("eval", "eval: --format %q: use table or json", o.format)
			}
			if o.errors < 0 {
				return usagef("eval", "eval: --errors must be 0 or more")
			}
			return runEval(o, g.print.Stdout())
		},
	}
}

// suiteReport is one suite's result, as printed and as JSON.
type suiteReport struct {
	Name        string          `json:"name"`
	File        string          `json:"file"`
	Score       eval.Score      `json:"score"`
	Subsets     []subsetReport  `json:"subsets,omitempty"`
	Misses      []*eval.Outcome `json:"misses,omitempty"`
	FalseAlarms []*eval.Outcome `json:"false_alarms,omitempty"`
	outcomes    []eval.Outcome
}

type subsetReport struct {
	Name  string     `json:"name"`
	Score eval.Score `json:"score"`
}

type evalReport struct {
	RulesDir  string        `json:"rules_dir,omitempty"` // "" for the built-in rules
	Rules     string        `json:"rules"`               // digest of the rule files
	Suites    []suiteReport `json:"suites"`
	Reference petrReference `json:"reference"`
}

// petrReference is UD-PETRARCH's published validation result, for context.
type petrReference struct {
	System  string  `json:"system"`
	Suite   string  `json:"suite"`
	Records int     `json:"records"`
	TP      float64 `json:"tp_pct"`
	FN      float64 `json:"fn_pct"`
	FP      float64 `json:"fp_pct"`
	Note    string  `json:"note"`
}

var udPetrarch = petrReference{
	System: "UD-PETRARCH (UniversalPetrarch, master 2018-05-24)", Suite: "PETR_Validate_records_2_02.xml", Records: 244,
	TP: 68.27, FN: 31.73, FP: 22.95,
	Note: "published in UniversalPetrarch's validate README; TP = correct/(correct+uncoded), FN = 100-TP, FP = extra/records; " +
		"exact full event code and full actor codes (with agents); fictional-actor functional suite with its own dictionaries",
}

func runEval(o evalOptions, w io.Writer) error {
	type suite struct {
		name, flag, path string
		load             func(string) ([]eval.Sentence, error)
	}
	var suites []suite
	if o.suite == "petr2" || o.suite == "all" {
		suites = append(suites, suite{"petr2", "--petr2", o.petr2, eval.LoadPETR2})
	}
	if o.suite == "plover" || o.suite == "all" {
		suites = append(suites, suite{"plover", "--plover", o.plover, eval.LoadPLOVER})
	}
	// Check every file before the (slower) extraction, so that a missing
	// one is reported at once.
	loaded := make([][]eval.Sentence, len(suites))
	for i, s := range suites {
		if _, err := os.Stat(s.path); err != nil {
			hint := ""
			if s.path == defaultPETR2 || s.path == defaultPLOVER {
				hint = "the default path is relative to the repository root; "
			}
			return fatal.Errorf("%s %s: %w (%sgive the %s suite file with %s FILE, or leave it out with --suite)",
				s.flag, s.path, unwrapPathError(err), hint, s.name, s.flag)
		}
		ss, err := s.load(s.path)
		if err != nil {
			return fatal.Errorf("%s: %w", s.path, err)
		}
		loaded[i] = ss
	}
	x, digest, err := pipeline.LoadRules(o.rules)
	if err != nil {
		return err
	}
	rep := evalReport{RulesDir: o.rules, Rules: digest, Reference: udPetrarch}
	for i, s := range suites {
		outs := eval.Run(x, loaded[i])
		sr := suiteReport{Name: s.name, File: s.path, Score: eval.Summarise(outs, nil), outcomes: outs}
		if s.name == "petr2" {
			// The AFP records are the only real news sentences of the file;
			// the rest are parser and coder test cases.
			afp := func(o *eval.Outcome) bool { return o.Category == "AFP" }
			sr.Subsets = append(sr.Subsets, subsetReport{"AFP", eval.Summarise(outs, afp)})
		}
		for j := range outs {
			if outs[j].Counts.FN > 0 && len(sr.Misses) < o.errors {
				sr.Misses = append(sr.Misses, &outs[j])
			}
			if outs[j].Counts.FP > 0 && len(sr.FalseAlarms) < o.errors {
				sr.FalseAlarms = append(sr.FalseAlarms, &outs[j])
			}
		}
		rep.Suites = append(rep.Suites, sr)
	}
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return printEval(w, rep, o.errors)
}

func printEval(w io.Writer, rep evalReport, examples int) error {
	rules := "built-in"
	if rep.RulesDir != "" {
		rules = rep.RulesDir
	}
	fmt.Fprintf(w, "kg eval: rules %s (%s), country level and CAMEO root\n\n", rules, rep.Rules)
	// Fixed widths rather than tabwriter: names left, numbers right.
	const head = "%-11s %9s %8s %8s %4s %4s %4s %9s %6s %6s %13s %6s %6s %7s\n"
	fmt.Fprintf(w, head, "SUITE", "SENTENCES", "EXPECTED", "PRODUCED", "TP", "FP", "FN", "PRECISION", "RECALL", "F1", "NO-EVENT", "ROOT-P", "ROOT-R", "ROOT-F1")
	row := func(name string, s eval.Score) {
		noEvent := "-"
		if s.NoEventAccuracy != nil {
			noEvent = fmt.Sprintf("%d/%d %.3f", s.NoEventCorrect, s.NoEventSentences, *s.NoEventAccuracy)
		}
		fmt.Fprintf(w, "%-11s %9d %8d %8d %4d %4d %4d %9.3f %6.3f %6.3f %13s %6.3f %6.3f %7.3f\n",
			name, s.Sentences, s.Expected, s.Produced, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1,
			noEvent, s.RootPrecision, s.RootRecall, s.RootF1)
	}
	for _, s := range rep.Suites {
		row(s.Name, s.Score)
		for _, sub := range s.Subsets {
			row(s.Name+" "+sub.Name, sub.Score)
		}
	}

	fmt.Fprintf(w, "\nIn UniversalPetrarch validation.py terms (TP%% = correct/(correct+uncoded), FN%% = 100-TP%%,\nFP%% = extra/records; a no-event record counts as one event, correct when nothing is coded):\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SUITE\tRECORDS\tTP%\tFN%\tFP%\tMATCHING")
	for _, s := range rep.Suites {
		fmt.Fprintf(tw, "kg %s\t%d\t%.2f\t%.2f\t%.2f\tcountry + root\n", s.Name, s.Score.Sentences, s.Score.PetrTP, s.Score.PetrFN, s.Score.PetrFP)
		for _, sub := range s.Subsets {
			fmt.Fprintf(tw, "kg %s %s\t%d\t%.2f\t%.2f\t%.2f\tcountry + root\n", s.Name, sub.Name, sub.Score.Sentences, sub.Score.PetrTP, sub.Score.PetrFN, sub.Score.PetrFP)
		}
	}
	r := rep.Reference
	fmt.Fprintf(tw, "UD-PETRARCH (published)\t%d\t%.2f\t%.2f\t%.2f\texact codes, on %s\n", r.Records, r.TP, r.FN, r.FP, r.Suite)
	if err := tw.Flush(); err != nil {
		return err
	}

	if examples > 0 {
		for _, s := range rep.Suites {
			printExamples(w, "MISSES", s.Name, s.Misses, countIf(s.outcomes, func(o *eval.Outcome) bool { return o.Counts.FN > 0 }))
			printExamples(w, "FALSE ALARMS", s.Name, s.FalseAlarms, countIf(s.outcomes, func(o *eval.Outcome) bool { return o.Counts.FP > 0 }))
		}
	}
	return nil
}

func countIf(outs []eval.Outcome, f func(*eval.Outcome) bool) int {
	n := 0
	for i := range outs {
		if f(&outs[i]) {
			n++
		}
	}
	return n
}

// printExamples shows sentences with what was expected and what kg made,
// each line marked, and why each miss happened.
func printExamples(w io.Writer, title, suite string, outs []*eval.Outcome, total int) {
	fmt.Fprintf(w, "\n%s in %s: %d of %d sentences\n", title, suite, len(outs), total)
	for _, o := range outs {
		fmt.Fprintf(w, "\n[%s] %s %s\n  %s\n", o.ID, o.Category, o.Date, o.Text)
		if o.Hint != "" {
			label := "event words"
			if o.Suite == "petr2" {
				label = "verbs"
			}
			fmt.Fprintf(w, "  %s: %s\n", label, o.Hint)
		}
		if len(o.Expected) == 0 {
			fmt.Fprintln(w, "  expected  no event")
		}
		for i, c := range o.Expected {
			mark, why := "found ", ""
			if !o.Found[i] {
				mark, why = "MISSED", "  "+o.Why[i]
			}
			fmt.Fprintf(w, "  expected  %s %-32s %s%s\n", mark, codingLabel(c), c.Key, why)
		}
		if len(o.Produced) == 0 {
			fmt.Fprintln(w, "  produced  nothing")
		}
		for i, p := range o.Produced {
			mark := "ok    "
			if !o.Correct[i] {
				mark = "FALSE "
			}
			target := p.Target
			if target == "" {
				target = "-"
			}
			sym := ""
			if p.Symmetric {
				sym = " (symmetric)"
			}
			fmt.Fprintf(w, "  produced  %s %s %s → %s%s  = %s  rule %s\n", mark, p.Code, p.Actor, target, sym, p.Key, p.Rule)
		}
		fmt.Fprintf(w, "  countries recognised: %s\n", orDash(strings.Join(o.Countries, " ")))
	}
}

// codingLabel is an expected event as the suite wrote it: "042 USAGOV→CHN",
// "AGREE Jordan (JOR)→-".
func codingLabel(c eval.Coding) string {
	actor := func(code, text string) string {
		switch {
		case text != "" && code != "":
			return text + " (" + code + ")"
		case text != "":
			return text
		}
		return orDash(code)
	}
	return c.Event + " " + actor(c.Source, c.SourceText) + "→" + actor(c.Target, c.TargetText)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
