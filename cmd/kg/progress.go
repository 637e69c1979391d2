package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"kg/internal/pipeline"
)

// progress draws one status line on a terminal: articles, rate, ETA. A nil
// *progress does nothing, so callers need no checks.
type progress struct {
	w     io.Writer
	total int64 // input bytes on disk, for the ETA
	start time.Time
	last  time.Time
	shown bool
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) update(s pipeline.BuildStats) {
	if p == nil || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := time.Since(p.start).Seconds()
	line := fmt.Sprintf("%d articles, %d events, %.0f articles/s", s.Articles, s.Events, float64(s.Articles)/secs)
	if p.total > 0 && s.Bytes > 0 {
		// Text bytes run a little below file bytes (JSON quoting), so the
		// fraction is a slight underestimate and the ETA a little long.
		frac := float64(s.Bytes) / float64(p.total)
		if frac > 0.01 && frac < 1 {
			line += fmt.Sprintf(", %3.0f%%, ETA %s", 100*frac, (time.Duration(secs*(1-frac)/frac) * time.Second).Round(time.Second))
		}
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown = true
}

// clear removes the status line (before a warning, and at the end).
func (p *progress) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// printStats is `kg build --stats`: per-stage times and rates, so that
// performance is measured, not guessed (README, Performance).
func printStats(w io.Writer, s pipeline.BuildStats, backend, output string, triples int, write, wall time.Duration) {
	rate := func(n float64, d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f", n/d.Seconds())
	}
	mb := float64(s.Bytes) / 1e6
	var b strings.Builder
	fmt.Fprintf(&b, "kg build --stats\n")
	fmt.Fprintf(&b, "  input        %10d articles  %10d sentences  %8.1f MB text\n", s.Articles, s.Sentences, mb)
	fmt.Fprintf(&b, "  extraction   %10.2f s worker %10s sentences/s per core  %6.2f MB/s per core  (%d events)\n",
		s.ExtractTime.Seconds(), rate(float64(s.Sentences), s.ExtractTime), mb/max(s.ExtractTime.Seconds(), 1e-9), s.Events)
	fmt.Fprintf(&b, "  store        %10.2f s       %10s quads/s (%s, %d quads produced)\n", s.StoreTime.Seconds(), rate(float64(s.Quads), s.StoreTime), backend, s.Quads)
	if output != "" {
		fmt.Fprintf(&b, "  output       %10.2f s       %10s triples/s (%s, %d triples)\n", write.Seconds(), rate(float64(triples), write), filepath.Base(output), triples)
	}
	fmt.Fprintf(&b, "  wall         %10.2f s       %10s articles/s  %6.2f MB/s\n", wall.Seconds(), rate(float64(s.Articles), wall), mb/wall.Seconds())
	fmt.Fprintf(&b, "  peak RSS     %10.0f MB\n", peakRSS())
	io.WriteString(w, b.String())
}

// peakRSS is the process's maximum resident set size in MB (Linux: KiB).
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
