//go:build race

package graph

// raceDetector is true under go test -race.
const raceDetector = true
