package main

import (
	"testing"

	"kg/internal/extract"
)

// BenchmarkLoadFrames loads the built-in frames, frames_petrarch.yaml
// included, as every kg command does at start.
func BenchmarkLoadFrames(b *testing.B) {
	fsys := extract.BuiltinRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.LoadFrames(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
