// Command kg turns news articles into an RDF knowledge graph of political
// events, stores it in Cayley, queries it with Gizmo and writes Turtle.
//
// Commands live one per file (cmd_*.go): each wires flags to a runX function
// that calls into internal/. Only main decides exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"kg/internal/graph"
)

// version is the kg version recorded in every extraction run.
const version = "0.1.0"

// Exit codes (documented in `kg --help`).
const (
	exitOK    = 0
	exitError = 1 // the command failed: bad input, store problem, query error
	exitUsage = 2 // the command line itself is wrong
)

// usageError marks mistakes in how kg was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func newApp() *cli.App {
	app := &cli.App{
		Name:    "kg",
		Usage:   "turn news articles into a knowledge graph of political events",
		Version: version,
		Description: `kg reads articles, extracts events (actor, CAMEO action, target, date, source)
with hand-written rules, stores them in a Cayley graph, and writes RDF
(Turtle, N-Triples, N-Quads) for triple stores.

Flags may be given before or after arguments: kg build corpus -o graph.ttl

EXAMPLES
   kg build corpus -o graph.ttl
   kg query 'g.V("actor:Donald_Trump").In("kg:actor").Out("kg:target").All()'
   kg explain corpus/001_62768f9597a6f921.txt

EXIT STATUS
   0 success, 1 failure (bad input, locked store, query error), 2 wrong usage`,
		Commands: []*cli.Command{
			buildCommand(),
			queryCommand(),
			explainCommand(),
			loadCommand(),
			exportCommand(),
			serveCommand(),
			evalCommand(),
			statsCommand(),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
		// Errors are printed by main, once.
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, c := range app.Commands {
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
	}
	return app
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := newApp()
	err := app.RunContext(ctx, reorderArgs(app, os.Args))
	os.Exit(exitCode(err))
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(os.Stderr, "kg:", err)
	var ue usageError
	var qe *graph.QueryError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &qe):
		return exitError
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(os.Stderr, "kg: interrupted; the store holds every article stored so far, run the same command again to complete it")
	}
	return exitError
}
