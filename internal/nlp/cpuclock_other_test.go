//go:build !unix

package nlp

import "time"

var clockStart = time.Now()

// threadCPU falls back to wall time where there is no thread CPU clock.
func threadCPU() float64 { return time.Since(clockStart).Seconds() }
