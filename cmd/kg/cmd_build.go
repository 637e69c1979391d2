package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"kg/internal/extract"
	"kg/internal/graph"
	"kg/ontology"
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
	x, rulesDigest, err := loadExtractor(o.rules)
	if err != nil {
		return err
	}
	runTime, err := runTimestamp(inputs)
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
		bar = newProgress(os.Stderr, inputSize(inputs))
	}
	opt := graph.BuildOptions{
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
	var res *graph.BuildResult
	var written int
	var writeTime time.Duration
	if o.output == "" {
		res, err = graph.Build(ctx, opt)
	} else {
		// The file is streamed article by article into a temporary file,
		// renamed into place only when the whole build succeeded.
		err = graph.WriteFileAtomic(o.output, func(w io.Writer) error {
			sw, err := graph.NewStreamWriter(w, graph.FormatOf(o.output))
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
				extra, err := ontologyQuads()
				if err != nil {
					return err
				}
				if err := sw.Write(nil, extra); err != nil {
					return err
				}
			}
			opt.Emit = emit
			res, err = graph.Build(ctx, opt)
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

// loadExtractor loads the built-in rules, or those in dir, and returns a
// digest of the rule files for the run's provenance.
func loadExtractor(dir string) (*extract.Extractor, string, error) {
	fsys := extract.BuiltinRules()
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, "", fmt.Errorf("--rules %s: not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	x, err := extract.NewExtractor(fsys)
	if err != nil {
		where := "built-in rules"
		if dir != "" {
			where = dir
		}
		return nil, "", fmt.Errorf("%s: %w", where, err)
	}
	h := sha256.New()
	names, _ := fs.Glob(fsys, "*.yaml")
	sort.Strings(names)
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return x, hex.EncodeToString(h.Sum(nil))[:12], nil
}

// runTimestamp follows the SOURCE_DATE_EPOCH convention
// (reproducible-builds.org): when set, it is the time recorded. Otherwise the
// newest modification time of the inputs stands in, so that building the same
// files twice gives the same bytes.
func runTimestamp(inputs []string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	var newest time.Time
	walkInputs(inputs, func(fi fs.FileInfo) {
		if fi.ModTime().After(newest) {
			newest = fi.ModTime()
		}
	})
	return newest.UTC().Truncate(time.Second), nil
}

// walkInputs calls fn for every file and directory under the inputs; entries
// that cannot be read are left to the article reader to report.
func walkInputs(inputs []string, fn func(fs.FileInfo)) {
	for _, in := range inputs {
		filepath.WalkDir(in, func(_ string, d fs.DirEntry, err error) error {
			if err == nil {
				if fi, err := d.Info(); err == nil {
					fn(fi)
				}
			}
			return nil
		})
	}
}

// ontologyQuads parses the embedded ontology and CAMEO scheme.
func ontologyQuads() ([]quad.Quad, error) {
	var out []quad.Quad
	for name, b := range map[string][]byte{"kg.ttl": ontology.KG, "cameo.ttl": ontology.Cameo} {
		qs, err := graph.ParseTurtle(b)
		if err != nil {
			return nil, fmt.Errorf("embedded ontology/%s: %w", name, err)
		}
		out = append(out, qs...)
	}
	return out, nil
}

var errNoArticles = errors.New("no articles")

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
