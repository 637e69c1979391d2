package query

import (
	"os"
	"runtime/debug"
)

// OneQuestionGC sets the garbage collector for a process that answers one
// question and exits (kg query, kg events, kg actors, kg stats), unless
// GOGC or GOMEMLIMIT says otherwise: collect when the heap has grown
// five-fold rather than doubled, within a 1 GiB soft limit. A question
// allocates tens of megabytes of short-lived rows and iterators on a live
// heap of a few: with Go's default pacing the collector ran about ten times
// during one walk of a 2M-quad store, and its pauses and assists made the
// walk wait (root 19 listed in 29–39 ms with it, 43–65 ms without). It
// returns a func that restores the previous settings.
func OneQuestionGC() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(1 << 30)
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
