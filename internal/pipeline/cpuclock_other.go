//go:build !unix

package pipeline

import "time"

var clockStart = time.Now()

// threadCPU falls back to the wall clock where threads have no CPU clock.
func threadCPU() time.Duration { return time.Since(clockStart) }
