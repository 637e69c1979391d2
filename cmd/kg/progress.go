package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"kg/internal/pipeline"
	"kg/internal/ui"
)

// progress turns a build's running totals into the printer's status line:
// articles, rate, ETA. The printer shows it only on a terminal.
type progress struct {
	p     *ui.Printer
	total int64 // input bytes on disk, for the ETA
	start time.Time
	last  time.Time
}

func newProgress(p *ui.Printer, total int64) *progress {
	return &progress{p: p, total: total, start: time.Now()}
}

// update is called by the build after each article, on one goroutine.
func (pr *progress) update(s pipeline.BuildStats) {
	if time.Since(pr.last) < 200*time.Millisecond {
		return
	}
	pr.last = time.Now()
	secs := time.Since(pr.start).Seconds()
	line := fmt.Sprintf("%d articles, %d events, %.0f articles/s", s.Articles, s.Events, float64(s.Articles)/secs)
	if pr.total > 0 && s.Bytes > 0 {
		// Text bytes run a little below file bytes (JSON quoting), so the
		// fraction is a slight underestimate and the ETA a little long.
		frac := float64(s.Bytes) / float64(pr.total)
		if frac > 0.01 && frac < 1 {
			line += fmt.Sprintf(", %3.0f%%, ETA %s", 100*frac, (time.Duration(secs*(1-frac)/frac) * time.Second).Round(time.Second))
		}
	}
	pr.p.Status(line)
}

// statsReport is `kg build --stats`: per-stage CPU times and rates, so
// that performance is measured, not guessed (README, Performance). Stage
// times are CPU times of the threads doing the work (extract and map summed
// over the workers): on a busy machine wall times are mostly waiting.
func statsReport(s pipeline.BuildStats, backend, output string, triples int, wall time.Duration) string {
	rate := func(n float64, d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f", n/d.Seconds())
	}
	mb := float64(s.Bytes) / 1e6
	var b strings.Builder
	fmt.Fprintf(&b, "kg build --stats (CPU seconds per stage)\n")
	fmt.Fprintf(&b, "  input    %10d articles  %10d sentences  %8.1f MB text  %d events\n", s.Articles, s.Sentences, mb, s.Events)
	fmt.Fprintf(&b, "  read     %10.2f s  %10s MB/s\n", s.ReadTime.Seconds(), rate(mb, s.ReadTime))
	fmt.Fprintf(&b, "  extract  %10.2f s  %10s sentences/s\n", s.ExtractTime.Seconds(), rate(float64(s.Sentences), s.ExtractTime))
	fmt.Fprintf(&b, "  map      %10.2f s  %10s quads/s (%d quads, %d after dropping repeated shared ones)\n",
		s.MapTime.Seconds(), rate(float64(s.Quads), s.MapTime), s.Quads, s.Unique)
	fmt.Fprintf(&b, "  store    %10.2f s  %10s quads/s (%s)\n", s.StoreTime.Seconds(), rate(float64(s.Unique), s.StoreTime), backend)
	if output != "" {
		fmt.Fprintf(&b, "  write    %10.2f s  %10s triples/s (%s, %d triples)\n", s.WriteTime.Seconds(), rate(float64(triples), s.WriteTime), filepath.Base(output), triples)
	}
	user, sys := cpuTimes()
	cpu := user + sys
	stages := s.ReadTime + s.ExtractTime + s.MapTime + s.StoreTime + s.WriteTime
	fmt.Fprintf(&b, "  other    %10.2f s  (garbage collector, start-up, waiting)\n", max(cpu-stages, 0).Seconds())
	fmt.Fprintf(&b, "  CPU      %10.2f s  (%.2f s user, %.2f s system)\n", cpu.Seconds(), user.Seconds(), sys.Seconds())
	fmt.Fprintf(&b, "  wall     %10.2f s  %10s articles/s  (%.1f cores busy on average)\n", wall.Seconds(), rate(float64(s.Articles), wall), cpu.Seconds()/wall.Seconds())
	fmt.Fprintf(&b, "  peak RSS %10.0f MB\n", peakRSS())
	return b.String()
}

// limitMemory gives a build or a load a soft memory limit (unless
// GOMEMLIMIT sets one), and has the garbage collector run only near it
// (unless GOGC is set). Their live heap is 100–200 MB. With Go's default
// pacing the heap doubled between collections and the process's memory
// grew with the corpus (0.2 GB for a quarter of it, 0.5 GB for four
// times it); under the limit alone, the collector still ran whenever the
// heap had doubled, 90 times for the corpus. Collecting only near the
// limit runs it 25–35 times, with the same peak.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
}

const memoryLimit = 450 << 20

// cpuTimes is the CPU time the process has used.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// peakRSS is the process's maximum resident set size in MB (Linux: KiB).
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
