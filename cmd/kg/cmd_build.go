package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"kg/internal/graph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
)

type buildOptions struct {
	output       string
	store        string
	rules        string
	withOntology bool
	jobs         int
	quiet        bool
	stats        bool
}

var storeFlag = &cli.StringFlag{
	Name:    "store",
	Value:   "kg.db",
	EnvVars: []string{"KG_STORE"},
	Usage:   "Cayley store: a directory (bolt), `memory`, or a postgres:// URL",
}

var rulesFlag = &cli.StringFlag{
	Name:  "rules",
	Usage: "read actors.yaml (+ actors_*.yaml), references.yaml and actions.yaml from `DIR` instead of the built-in rules",
}

func buildCommand() *cli.Command {
	var o buildOptions
	return &cli.Command{
		Name:      "build",
		Usage:     "extract events from articles into the store and an RDF file",
		ArgsUsage: "PATH...",
		Description: `Reads every article under each PATH (.txt files, .txt with an ID:/DATE:/OUTLET:/TITLE:
header, or .jsonl with one article per line), extracts events, adds them to the store
and, with -o, writes the graph built from these articles to a file (Turtle, or N-Triples
for .nt, N-Quads for .nq). Building the same input again adds nothing to the store and
writes the same bytes. The extraction run's time is SOURCE_DATE_EPOCH when set, else the
newest modification time of the inputs, so output is reproducible.

EXAMPLES
   kg build corpus -o graph.ttl
   kg build corpus --store memory -o graph.nt
   kg build ../shared/corpora/news.jsonl -j 2 -o news.ttl --store news.db
   kg build corpus --rules my-rules/ -o graph.ttl --with-ontology
   kg build ../shared/corpora/news.jsonl --store memory -o news.ttl --stats

On a terminal, progress (articles/s, ETA) is shown on standard error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the graph to `FILE` (.ttl, .nt, .nq)", Destination: &o.output},
			storeFlag, rulesFlag,
			&cli.BoolFlag{Name: "with-ontology", Usage: "include the ontology and the CAMEO scheme in the output file", Destination: &o.withOntology},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "extraction workers (default: one per CPU)", Destination: &o.jobs},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no summary and no progress", Destination: &o.quiet},
			&cli.BoolFlag{Name: "stats", Usage: "print per-stage times, rates and peak memory", Destination: &o.stats},
		},
		Action: func(c *cli.Context) error {
			o.store, o.rules = c.String("store"), c.String("rules")
			if c.NArg() == 0 {
				return usageError{"build: give at least one file or directory of articles (e.g. kg build corpus -o graph.ttl)"}
			}
			return runBuild(c.Context, o, c.Args().Slice())
		},
	}
}

func runBuild(ctx context.Context, o buildOptions, inputs []string) error {
	start := time.Now()
	for _, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			return fmt.Errorf("%s: %w", in, unwrapPathError(err))
		}
	}
	x, rulesDigest, err := pipeline.LoadRules(o.rules)
	if err != nil {
		return err
	}
	runTime, err := pipeline.RunTime(inputs)
	if err != nil {
		return err
	}
	st, err := graph.Open(o.store)
	if err != nil {
		return err
	}
	defer st.Close()
	var bar *progress
	if !o.quiet && isTerminal(os.Stderr) {
		bar = newProgress(os.Stderr, pipeline.InputSize(inputs))
	}
	opt := pipeline.BuildOptions{
		Inputs:    inputs,
		Extractor: x,
		Store:     st,
		Run:       graph.Run{Version: version, Rules: rulesDigest, Time: runTime},
		Jobs:      o.jobs,
		Warn: func(err error) {
			bar.clear()
			fmt.Fprintln(os.Stderr, "kg: warning:", err)
		},
		Progress: bar.update,
	}
	var res *pipeline.BuildResult
	var written int
	var writeTime time.Duration
	if o.output == "" {
		res, err = pipeline.Build(ctx, opt)
	} else {
		// The file is streamed article by article into a temporary file,
		// renamed into place only when the whole build succeeded.
		err = rdf.WriteFileAtomic(o.output, func(w io.Writer) error {
			sw, err := rdf.NewStreamWriter(w, rdf.FormatOf(o.output), graph.Prefixes)
			if err != nil {
				return err
			}
			emit := func(own, shared []quad.Quad) error {
				t := time.Now()
				err := sw.Write(own, shared)
				writeTime += time.Since(t)
				return err
			}
			if o.withOntology {
				extra, err := graph.OntologyQuads()
				if err != nil {
					return err
				}
				if err := sw.Write(nil, extra); err != nil {
					return err
				}
			}
			opt.Emit = emit
			res, err = pipeline.Build(ctx, opt)
			if err != nil {
				return err
			}
			if res.Articles == 0 {
				return errNoArticles
			}
			written = sw.Written()
			return sw.Close()
		})
	}
	bar.clear()
	if errors.Is(err, errNoArticles) {
		return fmt.Errorf("no articles could be read from %v", inputs)
	}
	if err != nil {
		return err
	}
	triples := written
	if !o.quiet {
		fmt.Fprintf(os.Stderr, "kg: %d articles, %d events, %d triples written, %d quads in store, %.2f s\n",
			res.Articles, res.Events, triples, st.Size(), time.Since(start).Seconds())
	}
	if o.stats {
		printStats(os.Stderr, res.BuildStats, st.Backend, o.output, triples, writeTime, time.Since(start))
	}
	if res.Articles == 0 {
		return fmt.Errorf("no articles could be read from %v", inputs)
	}
	return nil
}

var errNoArticles = errors.New("no articles")

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
