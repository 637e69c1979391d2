package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
)

type buildOptions struct {
	output       string // file, "-" for standard output, "" for none
	format       string // --format; "" to go by the extension
	store        string
	rules        string
	withOntology bool
	jobs         int
	quiet        bool
	stats        bool
}

func buildCommand(g *globals) *cli.Command {
	var o buildOptions
	return &cli.Command{
		Name:      "build",
		Usage:     "extract events from articles into the store and an RDF file",
		ArgsUsage: "PATH...",
		Description: `Reads every article under each PATH (.txt files, .txt with an ID:/DATE:/OUTLET:/TITLE:
header, or .jsonl with one article per line; "-" is standard input, JSON lines if it
starts with "{", else one text article), extracts events, adds them to the store and,
with -o, writes the graph built from these articles to FILE ("-": standard output).

The output format is --format, else FILE's extension: .ttl Turtle, .nt N-Triples,
.nq N-Quads (each article a named graph), .jsonld JSON-LD; another extension is an
error. Turtle, N-Triples and N-Quads are written article by article; JSON-LD is
written at the end, from memory. A file is written to a temporary file renamed into
place when the build succeeds, so it is never left half-written.

Building the same input again adds nothing to the store and writes the same bytes.
The extraction run's time is SOURCE_DATE_EPOCH when set, else the newest
modification time of the inputs, so output is reproducible.

EXAMPLES
   kg build corpus -o graph.ttl
   kg build corpus --store memory -o graph.nt
   kg build ../shared/corpora/news.jsonl -j 2 -o news.ttl --store news.db
   kg build corpus --rules my-rules/ -o graph.ttl --with-ontology
   kg build corpus --store memory -o - --format nquads | gzip > graph.nq.gz
   kg build ../shared/corpora/news.jsonl --store memory -o news.ttl --stats

On a terminal, progress (articles/s, ETA) is shown on standard error.

` + exitHelp + `
   After Ctrl-C the store holds the whole articles stored so far and no file is
   written; the same command run again completes the store.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the graph to `FILE` (.ttl, .nt, .nq, .jsonld; - for standard output)", Destination: &o.output},
			&cli.StringFlag{Name: "format", Usage: "write the graph as `FORMAT`: " + rdf.Names(rdf.Writable) + " (default: from the -o extension)", Destination: &o.format},
			storeFlag(&o.store), rulesFlag(&o.rules),
			&cli.BoolFlag{Name: "with-ontology", Usage: "include the ontology and the CAMEO scheme in the output file", Destination: &o.withOntology, DisableDefaultText: true},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "run `N` extraction workers", DefaultText: "one per CPU", Destination: &o.jobs},
			quietFlag(&o.quiet, "print no summary and no progress"),
			&cli.BoolFlag{Name: "stats", Usage: "print per-stage times, rates and peak memory", Destination: &o.stats, DisableDefaultText: true},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("build", "build: give at least one file or directory of articles (e.g. kg build corpus -o graph.ttl)")
			}
			if o.jobs < 0 {
				return usagef("build", "build: --jobs must be 1 or more (0: one per CPU)")
			}
			if o.format != "" && o.output == "" {
				return usagef("build", "build: --format without -o: give -o FILE, or -o - for standard output")
			}
			return runBuild(c.Context, o, g, c.Args().Slice())
		},
	}
}

func runBuild(ctx context.Context, o buildOptions, g *globals, inputs []string) error {
	start := time.Now()
	p := g.print
	if o.quiet {
		p.SetQuiet(true)
	}
	format, err := outputFormat("build", o.format, o.output)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if _, err := os.Stat(in); err != nil {
			return fatal.Errorf("%s: %w", in, unwrapPathError(err))
		}
	}
	limitMemory()
	x, rulesDigest, err := pipeline.LoadRules(o.rules)
	if err != nil {
		return err
	}
	runTime, err := pipeline.RunTime(inputs)
	if err != nil {
		return err
	}
	// a store takes up to ~30 times the articles' JSON (at two events an
	// article): the hint only reserves address space
	st, err := graph.OpenToGrow(o.store, 40*pipeline.InputSize(inputs))
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newProgress(p, pipeline.InputSize(inputs))
	opt := pipeline.BuildOptions{
		Inputs:    inputs,
		Stdin:     g.stdin,
		Extractor: x,
		Store:     st,
		Run:       graph.Run{Version: version, Rules: rulesDigest, Time: runTime},
		Jobs:      o.jobs,
		Warn:      func(err error) { p.Warnf("%v", err) },
		Progress:  bar.update,
	}
	var res *pipeline.BuildResult
	var out *pipeline.RDFOutput
	if o.output == "" {
		res, err = pipeline.Build(ctx, opt)
	} else {
		err = writeTo(o.output, p.Stdout(), func(w io.Writer) error {
			var err error
			if out, err = pipeline.NewRDFOutput(w, format, graph.Prefixes); err != nil {
				return err
			}
			if o.withOntology {
				extra, err := graph.OntologyQuads()
				if err != nil {
					return err
				}
				if err := out.Add(extra); err != nil {
					return err
				}
			}
			opt.Output = out
			res, err = pipeline.Build(ctx, opt)
			if err == nil && res.Articles == 0 {
				err = errNoArticles
			}
			if err == nil {
				err = out.Close()
			}
			return err
		})
	}
	p.ClearStatus()
	if ctx.Err() != nil && res != nil {
		return &interruptedError{kept: keptAfterBuild(o, st, res), err: err}
	}
	if err == nil && res.Articles == 0 {
		err = errNoArticles
	}
	if errors.Is(err, errNoArticles) {
		return fatal.Errorf("no articles could be read from %v", inputs)
	}
	if err != nil {
		return err
	}
	written := 0
	if out != nil {
		written = out.Written()
	}
	wrote, noun := "", "triples"
	if format == rdf.NQuads {
		noun = "quads"
	}
	switch {
	case o.output == "-":
		wrote = fmt.Sprintf(", %d %s written to standard output", written, noun)
	case o.output != "":
		wrote = fmt.Sprintf(", %d %s written", written, noun)
	}
	p.Infof("%d articles, %d events, %d quads in store%s, %.2f s",
		res.Articles, res.Events, st.Size(), wrote, time.Since(start).Seconds())
	if o.stats {
		p.Block(statsReport(res.BuildStats, st.Backend, o.output, written, time.Since(start)))
	}
	return nil
}

// keptAfterBuild says what an interrupted build leaves behind.
func keptAfterBuild(o buildOptions, st *graph.Store, res *pipeline.BuildResult) string {
	var kept string
	if st.Backend == "memstore" {
		kept = "nothing was kept (memory store)"
	} else {
		kept = fmt.Sprintf("the store %s keeps the %d articles read so far, whole; run the same command again to complete it",
			graph.Redact(o.store), res.Articles)
	}
	switch o.output {
	case "":
	case "-":
		kept += "; standard output got an incomplete graph"
	default:
		kept += "; " + o.output + " was not written"
	}
	return kept
}

var errNoArticles = errors.New("no articles")
