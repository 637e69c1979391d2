// Package ui is how kg talks to the person at the terminal: one Printer
// for every message, and tables of results in the formats scripts read.
//
// Results (query rows, RDF on standard output) go to standard output;
// everything else (summaries, warnings, errors, progress) to standard
// error, so that `kg export > graph.ttl` or `kg query ... | sort` get only
// data.
package ui

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"
)

// Printer writes kg's messages. It is safe for concurrent use: a build
// reports warnings from its reader goroutine and progress from its
// consumer, and the status line must not be torn by either.
//
// Levels: Errorf, Warnf and Block (a report asked for) always print;
// Infof (summaries) is silenced by Quiet; Status (a progress line redrawn in place) is shown only when
// standard error is a terminal and not Quiet.
type Printer struct {
	mu     sync.Mutex
	stdout io.Writer
	stderr io.Writer
	quiet  bool
	term   bool   // standard error is a terminal: draw the status line
	status string // the status line on screen, "" if none
}

// NewPrinter returns a printer on the given streams. The status line is
// drawn only when stderr is a terminal. When stdout is a terminal, results
// written to Stdout have their control characters escaped (see Escape);
// messages always do.
func NewPrinter(stdout, stderr io.Writer) *Printer {
	return newPrinter(stdout, stderr, isTerminal(stdout), isTerminal(stderr))
}

func newPrinter(stdout, stderr io.Writer, outTerm, errTerm bool) *Printer {
	p := &Printer{stdout: stdout, stderr: stderr, term: errTerm}
	if outTerm {
		p.stdout = &escapeWriter{w: stdout}
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Flush writes what Stdout still holds: on a terminal, the end of a
// character split between two writes. Call it before exiting.
func (p *Printer) Flush() {
	if e, ok := p.stdout.(*escapeWriter); ok {
		e.Flush()
	}
}

// SetQuiet silences summaries and progress (-q).
func (p *Printer) SetQuiet(q bool) {
	p.mu.Lock()
	p.quiet = q
	p.mu.Unlock()
}

// Quiet reports whether summaries are silenced.
func (p *Printer) Quiet() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.quiet
}

// Stdout is where results go. Commands write results from one goroutine.
func (p *Printer) Stdout() io.Writer { return p.stdout }

// Infof prints a summary line, "kg: ...", unless quiet.
func (p *Printer) Infof(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.quiet {
		p.line("kg: " + fmt.Sprintf(format, args...))
	}
}

// Warnf prints "kg: warning: ...": something was skipped, the command goes on.
func (p *Printer) Warnf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line("kg: warning: " + fmt.Sprintf(format, args...))
}

// Errorf prints "kg: ...": the command failed. Only main calls it.
func (p *Printer) Errorf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line("kg: " + fmt.Sprintf(format, args...))
}

// Block prints text as it is (but for control characters, escaped): a
// multi-line report asked for (--stats), so printed even when quiet.
func (p *Printer) Block(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	io.WriteString(p.stderr, Escape(text))
	p.redraw()
}

// Status replaces the status line (progress). It is shown only on a
// terminal and not when quiet; messages printed meanwhile appear above it.
func (p *Printer) Status(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.term || p.quiet {
		return
	}
	p.clear()
	p.status = Escape(strings.ReplaceAll(line, "\n", " "))
	p.redraw()
}

// ClearStatus removes the status line.
func (p *Printer) ClearStatus() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	p.status = ""
}

// line prints one message line above the status line, its control
// characters escaped (a file name or an article id may hold any). p.mu is
// held.
func (p *Printer) line(s string) {
	p.clear()
	io.WriteString(p.stderr, Escape(s)+"\n")
	p.redraw()
}

func (p *Printer) clear() {
	if p.status != "" {
		io.WriteString(p.stderr, "\r\033[K")
	}
}

func (p *Printer) redraw() {
	if p.status != "" {
		io.WriteString(p.stderr, p.status)
	}
}
