package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/pipeline"
	"kg/internal/rdf"
	"kg/internal/ui"
)

type loadOptions struct {
	store  string
	format rdf.Format // "": from each file's extension
	quiet  bool
}

func loadCommand(g *globals) *cli.Command {
	var o loadOptions
	var format string
	return &cli.Command{
		Name:      "load",
		Usage:     "import Turtle, N-Triples or N-Quads files into the store",
		ArgsUsage: "FILE...",
		Description: `Adds the statements of each FILE to the store. The format comes from the extension
(.ttl Turtle, .nt N-Triples, .nq N-Quads) unless --format is given; "-" reads
standard input (give --format). N-Quads graph names are kept.

Each file is read and checked completely before anything is written, so a file
with an error anywhere adds nothing. N-Triples and N-Quads are then read again and
stored in transactions of 50,000 statements, so memory does not grow with the
file; an interrupted load leaves whole transactions, and running it again adds the
rest. (Turtle files are parsed whole in memory: for very large graphs, use N-Quads.)
On a terminal, progress (statements/s, ETA) is shown on standard error. Parsing
is strict: an ill-typed literal ("abc"^^xsd:integer,
"2017-02-30"^^xsd:date) or a language tag that is not BCP 47 ("x"@en--) is an
error too, so the store only holds what kg export can write. Blank nodes belong
to their file: _:b0 in a.nt and _:b0 in b.nt are two nodes. Statements already
in the store are skipped: loading the same file twice adds nothing. Errors name
the file, line and column, and what was expected there:
   kg: bad.ttl:3:12: expected an object (an IRI, a blank node or a literal), found "." (Turtle; nothing from this file was loaded)
   kg: bad.nt:3:1: object: invalid language tag "en--" (want BCP 47, e.g. en, en-US) ...

EXAMPLES
   kg load ontology/kg.ttl
   kg load --store news.db a.nq b.nq
   curl -s https://example.org/data | kg load --format ntriples -

` + exitHelp + `
   When a file cannot be read or parsed, the files before it stay loaded.`,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "format", Usage: "read `FORMAT`: " + rdf.Names(rdf.Readable) + " (default: from each file's extension)", Destination: &format},
			quietFlag(&o.quiet, "print no summary"),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("load", "load: give at least one file (%s), e.g. kg load graph.ttl", rdf.ExtensionList(rdf.Readable))
			}
			if format != "" {
				f, err := rdfFormat("load", format, rdf.Readable)
				if err != nil {
					return err
				}
				o.format = f
			}
			files := c.Args().Slice()
			// Check every name up front, so a typo in the last file is
			// reported before the first one is loaded.
			for _, f := range files {
				if _, err := inputFormat("load", f, o.format); err != nil {
					return err
				}
				if f != "-" {
					if _, err := os.Stat(f); err != nil {
						return fatal.Errorf("%s: %w", f, unwrapPathError(err))
					}
				}
			}
			return runLoad(c.Context, o, g, files)
		},
	}
}

func runLoad(ctx context.Context, o loadOptions, g *globals, files []string) error {
	p := g.print
	if o.quiet {
		p.SetQuiet(true)
	}
	limitMemory()
	// a bolt store takes about 3.5 times an N-Quads file (more for
	// Turtle): the hint only reserves address space
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && f != "-" {
			size += fi.Size()
		}
	}
	st, err := graph.OpenToGrow(o.store, 8*size)
	if err != nil {
		return err
	}
	defer st.Close()
	start := st.Size()
	for i, file := range files {
		if err := ctx.Err(); err != nil {
			return &interruptedError{kept: fmt.Sprintf("%d of %d files were loaded, whole", i, len(files)), err: err}
		}
		format, err := inputFormat("load", file, o.format)
		if err != nil {
			return err
		}
		name := file
		if file == "-" {
			name = "standard input"
		}
		before := st.Size()
		bar := newLoadProgress(p, name)
		stats, err := pipeline.Load(ctx, pipeline.LoadOptions{Store: st, Format: format, Stdin: g.stdin, Progress: bar.update}, file)
		p.ClearStatus()
		if err != nil {
			if ctx.Err() != nil && !stats.Checking {
				return &interruptedError{err: err, kept: fmt.Sprintf("%s: %d statements stored, in whole batches; load it again to add the rest (%d of %d files were loaded before it)",
					name, stats.Statements, i, len(files))}
			}
			if ctx.Err() != nil {
				return &interruptedError{err: err, kept: fmt.Sprintf("nothing from %s was loaded (%d of %d files were)", name, i, len(files))}
			}
			var pe *rdf.ParseError
			switch {
			case errors.As(err, &pe) && pe.Line > 0:
				return fatal.Errorf("%s:%d:%d: %s (%s; nothing from this file was loaded)", name, pe.Line, pe.Col, pe.Msg, format.Info().Title)
			case errors.As(err, &pe):
				return fatal.Errorf("%s: %w (%s; nothing from this file was loaded)", name, err, format.Info().Title)
			case stats.Checking:
				return fatal.Errorf("%s: %w", name, unwrapPathError(err))
			}
			return fatal.Errorf("%s: storing: %w (%d statements were stored, in whole batches)", name, err, stats.Statements)
		}
		after := st.Size()
		p.Infof("%s: %d statements read, %d new (store %d → %d quads), %.1f s", name, stats.Statements, after-before, before, after, bar.elapsed().Seconds())
	}
	if len(files) > 1 {
		p.Infof("%d files, %d quads added, %d in store", len(files), st.Size()-start, st.Size())
	}
	return nil
}

// loadProgress is kg load's status line: the check, then the storing,
// with rates and an ETA.
type loadProgress struct {
	p     *ui.Printer
	name  string
	start time.Time
	phase time.Time // start of the current pass
	last  time.Time
}

func newLoadProgress(p *ui.Printer, name string) *loadProgress {
	now := time.Now()
	return &loadProgress{p: p, name: name, start: now, phase: now}
}

func (lp *loadProgress) elapsed() time.Duration { return time.Since(lp.start) }

func (lp *loadProgress) update(s pipeline.LoadStats) {
	if !s.Checking && lp.phase.Before(lp.start.Add(s.CheckTime)) {
		lp.phase = lp.start.Add(s.CheckTime) // the store pass began
	}
	if time.Since(lp.last) < 200*time.Millisecond {
		return
	}
	lp.last = time.Now()
	secs := time.Since(lp.phase).Seconds()
	verb := "stored"
	if s.Checking {
		verb = "checked"
	}
	line := fmt.Sprintf("%s: %d statements %s, %.0f/s", lp.name, s.Statements, verb, float64(s.Statements)/secs)
	if s.Size > 0 && s.Bytes > 0 {
		frac := float64(s.Bytes) / float64(s.Size)
		if frac > 0.01 && frac < 1 {
			line += fmt.Sprintf(", %3.0f%%, ETA %s", 100*frac, (time.Duration(secs*(1-frac)/frac) * time.Second).Round(time.Second))
		}
	}
	lp.p.Status(line)
}
