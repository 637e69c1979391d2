// Command kg turns news articles into an RDF knowledge graph of political
// events, stores it in Cayley, queries it with Gizmo and writes Turtle.
//
// Commands live one per file (cmd_*.go): a constructor wires the flags of
// an options struct to a runX function, which calls into internal/ and is
// what tests call. Only main decides exit codes (exitStatus).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"kg/internal/extract"
	"kg/internal/fatal"
	"kg/internal/graph"
	"kg/internal/rdf"
	"kg/internal/ui"
)

// version is the kg version recorded in every extraction run.
const version = "0.1.0"

// Exit codes (documented in `kg --help`, and in each command's help).
const (
	exitOK      = 0
	exitFailure = 1 // the command failed: bad input, store problem, query error
	exitUsage   = 2 // the command line itself is wrong
	// A command stopped by a signal exits 128 + the signal's number, as
	// shells report it: 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
	exitSignal = 128
)

// exitHelp is the EXIT STATUS section shared by the commands' help.
const exitHelp = `EXIT STATUS
   0 success, 1 failure (bad input, locked store, query error), 2 wrong usage
   (unknown command or flag, bad flag value), 130 interrupted (Ctrl-C)`

// globals are what main hands to every command: where to read and write.
type globals struct {
	stdin io.Reader
	print *ui.Printer
}

func newApp(g *globals) *cli.App {
	app := &cli.App{
		Name:    "kg",
		Usage:   "turn news articles into a knowledge graph of political events",
		Version: version,
		Description: `kg reads articles, extracts events (actor, CAMEO action, target, date, source)
with hand-written rules, stores them in a Cayley graph, and writes RDF
(Turtle, N-Triples, N-Quads, JSON-LD) for triple stores.

Flags may be given before or after arguments: kg build corpus -o graph.ttl
"-" as a file name is standard input (or, for -o, standard output); after
"--" every argument is a file name, even one that starts with "-".

EXAMPLES
   kg build corpus -o graph.ttl
   kg query 'g.V("actor:Donald_Trump").In("kg:actor").Out("kg:target").All()'
   kg explain corpus/001_62768f9597a6f921.txt

` + exitHelp,
		Commands: []*cli.Command{
			buildCommand(g),
			queryCommand(g),
			explainCommand(g),
			loadCommand(g),
			exportCommand(g),
			serveCommand(g),
			evalCommand(g),
			statsCommand(g),
			eventsCommand(g),
			actorsCommand(g),
			helpCommand(),
		},
		// A bare "kg", or an unknown command (urfave/cli would otherwise
		// print "No help topic" and exit 3).
		Action: func(c *cli.Context) error {
			if c.Bool("version") {
				cli.ShowVersion(c)
				return nil
			}
			if c.NArg() == 0 {
				// The help, on standard error: it is the error message.
				w := c.App.Writer
				c.App.Writer = c.App.ErrWriter
				defer func() { c.App.Writer = w }()
				cli.ShowAppHelp(c)
				return usageError{}
			}
			name := c.Args().First()
			return usageError{msg: fmt.Sprintf("unknown command %q%s", name, didYouMean(name, commandNames(c.App)))}
		},
		// urfave/cli's own --help and --version flags are package variables
		// it writes to when it parses (BoolFlag.Apply), so two kg runs in
		// one process (tests) would race on them: every app and command
		// gets flags of its own instead.
		HideHelp:     true,
		HideVersion:  true,
		Flags:        []cli.Flag{helpFlag(), versionFlag()},
		OnUsageError: func(c *cli.Context, err error, _ bool) error { return flagUsageError(c, err, "") },
		// Errors are printed by main, once.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: false, // "kg help build" is help; "kg build help" is a file
	}
	for _, c := range app.Commands {
		name := c.Name
		c.OnUsageError = func(ctx *cli.Context, err error, _ bool) error { return flagUsageError(ctx, err, name) }
		// Without this, urfave/cli gives every command a "help" (alias "h")
		// subcommand, and "kg build -o x.ttl h" prints help instead of
		// reading the file h. "kg build --help" and "kg help build" remain.
		c.HideHelpCommand = true
		c.HideHelp = true
		c.Flags = append(c.Flags, helpFlag())
	}
	return app
}

func helpFlag() cli.Flag {
	return &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "show help", DisableDefaultText: true}
}

func versionFlag() cli.Flag {
	return &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "print the version", DisableDefaultText: true}
}

// helpCommand is "kg help [COMMAND]". urfave/cli's own answers an unknown
// topic with "No help topic for 'biuld'" and exit status 3.
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Aliases:   []string{"h"},
		Usage:     "show the commands, or one command's help",
		ArgsUsage: "[COMMAND]",
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return cli.ShowAppHelp(c)
			}
			name := c.Args().First()
			if c.App.Command(name) == nil {
				return usageError{msg: fmt.Sprintf("help: unknown command %q%s", name, didYouMean(name, commandNames(c.App)))}
			}
			return cli.ShowCommandHelp(c, name)
		},
	}
}

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		cancel(signalError{s.(syscall.Signal)})
		signal.Stop(sigs) // a second Ctrl-C stops kg at once
	}()
	os.Exit(runMain(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// runMain is kg without the process: tests call it with their own
// arguments, streams and context (cancelled with a signalError cause to
// stand for a signal).
func runMain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	p := ui.NewPrinter(stdout, stderr)
	defer p.Flush()
	defer func() {
		if r := recover(); r != nil {
			p.Errorf("internal error: %v\n(this is a bug in kg %s; please report it with the command line)\n%s", r, version, debug.Stack())
			code = exitFailure
		}
	}()
	app := newApp(&globals{stdin: stdin, print: p})
	app.Writer, app.ErrWriter = stdout, stderr
	args, err := reorderArgs(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	return exitStatus(ctx, p, err)
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig syscall.Signal }

func (e signalError) Error() string { return "interrupted by " + e.sig.String() }

// usageError marks mistakes in how kg was called (exit status 2). cmd is
// the command whose --help to point at ("" for kg itself).
type usageError struct{ cmd, msg string }

func (e usageError) Error() string { return e.msg }

func usagef(cmd, format string, args ...any) error {
	return usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// interruptedError is what a command returns when a signal stopped it: kept
// says what it leaves behind, for the one line main prints.
type interruptedError struct {
	kept string
	err  error
}

func (e *interruptedError) Error() string { return "interrupted; " + e.kept }
func (e *interruptedError) Unwrap() error { return e.err }

// exitStatus prints err, once, and maps it to the exit status: the one
// place that decides it.
func exitStatus(ctx context.Context, p *ui.Printer, err error) int {
	p.ClearStatus()
	if err == nil {
		return exitOK
	}
	var sig signalError
	var ue usageError
	switch {
	case errors.As(context.Cause(ctx), &sig):
		// Whatever the command was doing, a signal stopped it: say what was
		// kept, not "context canceled".
		var ie *interruptedError
		if errors.As(err, &ie) {
			p.Errorf("interrupted; %s", ie.kept)
		} else {
			p.Errorf("interrupted")
		}
		return exitSignal + int(sig.sig)
	case errors.As(err, &ue):
		if ue.msg == "" { // the help was the message
			return exitUsage
		}
		help := "kg --help"
		if ue.cmd != "" {
			help = "kg " + ue.cmd + " --help"
		}
		p.Errorf("%s\nRun '%s' for usage.", ue.msg, help)
		return exitUsage
	case isUserError(err):
		p.Errorf("%v", err)
	default:
		p.Errorf("unexpected error: %v\n(if this looks like a bug in kg %s, please report it with the command line)", err, version)
	}
	return exitFailure
}

// isUserError reports whether err is about the user's input or
// environment, to be printed as written: marked with fatal, or one of the
// typed errors internal packages return about files, stores and queries.
func isUserError(err error) bool {
	var (
		ie    *extract.InputError
		pe    *rdf.ParseError
		qe    *graph.QueryError
		path  *fs.PathError
		errno syscall.Errno
	)
	return fatal.Is(err) || errors.As(err, &ie) || errors.As(err, &pe) || errors.As(err, &qe) ||
		errors.Is(err, graph.ErrLocked) || errors.Is(err, extract.ErrNoArticles) ||
		errors.As(err, &path) || errors.As(err, &errno)
}

// flagUsageError rewrites the flag package's messages ("flag provided but
// not defined: -formt") in the user's terms, with a suggestion.
func flagUsageError(c *cli.Context, err error, cmd string) error {
	msg := err.Error()
	var flags []cli.Flag
	if cmd == "" {
		flags = c.App.Flags
	} else if command := c.App.Command(cmd); command != nil {
		flags = command.Flags
	}
	var names []string
	for _, f := range flags {
		for _, n := range f.Names() {
			names = append(names, dashed(n))
		}
	}
	names = append(names, "--help")
	prefix := ""
	if cmd != "" {
		prefix = cmd + ": "
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return usagef(cmd, "%sunknown flag %s%s", prefix, dashed(name), didYouMean(dashed(name), names))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return usagef(cmd, "%sflag %s needs a value", prefix, dashed(name))
	}
	// invalid value "x" for flag -j: parse error
	if i := strings.Index(msg, " for flag -"); i >= 0 && strings.HasPrefix(msg, "invalid value ") {
		rest := msg[i+len(" for flag -"):]
		name, why, _ := strings.Cut(rest, ": ")
		for _, f := range flags {
			for _, n := range f.Names() {
				if n != name {
					continue
				}
				switch f.(type) {
				case *cli.IntFlag, *cli.Int64Flag, *cli.UintFlag:
					why = "want a whole number"
				case *cli.DurationFlag:
					why = "want a duration such as 30s, 2m or 1h"
				}
			}
		}
		return usagef(cmd, "%s%s %s: %s", prefix, dashed(name), msg[len("invalid value "):i], why)
	}
	return usagef(cmd, "%s%s", prefix, msg)
}

// dashed writes a flag name as users type it: -o, --output.
func dashed(name string) string {
	name = strings.TrimLeft(name, "-")
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Names()...)
	}
	return names
}
