package main

import (
	"fmt"

	"github.com/xrash/smetrics"
)

// didYouMean returns `; did you mean "x"?` for the name closest to typed,
// or "" when none is close. It uses the Jaro-Winkler similarity with
// urfave/cli's parameters; cli.SuggestFlag itself is not used because it
// always proposes the nearest name, however far ("--bogus" → "--jobs").
func didYouMean(typed string, names []string) string {
	best, score := "", 0.0
	for _, n := range names {
		if s := smetrics.JaroWinkler(typed, n, 0.7, 4); s > score {
			best, score = n, s
		}
	}
	if score < 0.8 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
