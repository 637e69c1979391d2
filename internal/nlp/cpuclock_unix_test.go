//go:build unix

package nlp

import "golang.org/x/sys/unix"

// threadCPU returns the CPU time of the calling thread, in seconds, to the
// nanosecond (getrusage counts in scheduler ticks, too coarse for a few
// milliseconds of work).
func threadCPU() float64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return float64(ts.Nano()) / 1e9
}
