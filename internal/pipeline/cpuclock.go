//go:build unix

package pipeline

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time of the calling thread; the goroutine measuring
// must be locked to its thread (runtime.LockOSThread). Stage times are CPU
// times so that they mean the same on a busy machine as on an idle one:
// wall time on a shared two-core machine is mostly waiting.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
