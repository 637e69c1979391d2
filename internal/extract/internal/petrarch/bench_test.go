package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"testing"

	"kg/internal/extract"
)

// BenchmarkLoadFrames loads the built-in frames, frames_petrarch.yaml
// included, as every kg command that extracts does at start.
func BenchmarkLoadFrames(b *testing.B) {
	fsys := extract.BuiltinRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.LoadFrames(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeJSONLines is the peer of BenchmarkLoadFrames: decoding
// frames_petrarch.yaml's frame lines with encoding/json, as a fast path in
// LoadFrames could (see readActors in dictionary.go), without compiling.
func BenchmarkDecodeJSONLines(b *testing.B) {
	data, err := fs.ReadFile(extract.BuiltinRules(), outFile)
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		if obj, ok := bytes.CutPrefix(l, []byte("  - ")); ok {
			lines = append(lines, obj)
		}
	}
	type spec struct {
		ID, Code, Source                          string
		Lemma, Subject, Object, PP, Actor, Target []string
		Symmetric, Intent                         bool
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			var s spec
			if err := json.Unmarshal(l, &s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
