package eval

import (
	"os"
	"path/filepath"
	"testing"

	"kg/internal/extract"
)

// The peer suites live outside the repository (../shared/peers from the
// repository root); the test is skipped where they are not checked out.
var suiteFiles = map[string]string{
	"petr2":  "../../../shared/peers/universalpetrarch/PETR2_GSR_validation.xml",
	"plover": "../../../shared/peers/plover/PLOVER_GSR_CAMEO.json",
}

// floor is the least a figure may fall to before the test fails.
type floor struct {
	name  string
	get   func(Score) float64
	limit float64
}

// Floors sit a little below the figures measured with the built-in rules
// (rates minus about 0.05, counts minus one or two) so that a rule change
// that loses events fails CI. Raise them when the rules get better: the
// test logs the current figures.
//
// The frames over sentence structure (issue #11) find far more events than
// the surface patterns did (recall up, root recall about three times), at a
// lower country-level precision for now: groups and people the dictionary
// does not place in a country count as wrong here. The target is recall
// >= 0.50 at precision >= 0.70 on both suites.
var suiteFloors = map[string][]floor{
	"petr2": {
		{"TP", func(s Score) float64 { return float64(s.TP) }, 47},                       // measured 48
		{"recall", func(s Score) float64 { return s.Recall }, 0.60},                      // measured 0.615
		{"precision", func(s Score) float64 { return s.Precision }, 0.70},                // measured 0.705; #11's target
		{"no-event accuracy", func(s Score) float64 { return *s.NoEventAccuracy }, 0.80}, // measured 10/12
		{"root recall", func(s Score) float64 { return s.RootRecall }, 0.63},             // measured 0.647
	},
	"plover": {
		{"TP", func(s Score) float64 { return float64(s.TP) }, 189},          // measured 191
		{"recall", func(s Score) float64 { return s.Recall }, 0.53},          // measured 0.536
		{"precision", func(s Score) float64 { return s.Precision }, 0.70},    // measured 0.707; #11's target
		{"root recall", func(s Score) float64 { return s.RootRecall }, 0.62}, // measured 0.633
	},
}

func TestPeerSuites(t *testing.T) {
	x, err := extract.NewExtractor(extract.BuiltinRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"petr2", "plover"} {
		t.Run(name, func(t *testing.T) {
			path := suiteFiles[name]
			if _, err := os.Stat(path); err != nil {
				abs, _ := filepath.Abs(path)
				t.Skipf("%s not available: %v", abs, err)
			}
			load := LoadPETR2
			if name == "plover" {
				load = LoadPLOVER
			}
			ss, err := load(path)
			if err != nil {
				t.Fatal(err)
			}
			s := Summarise(Run(x, ss), nil)
			t.Logf("%s: %d sentences, expected %d, produced %d, TP %d, FP %d, FN %d",
				name, s.Sentences, s.Expected, s.Produced, s.TP, s.FP, s.FN)
			t.Logf("%s: precision %.3f recall %.3f F1 %.3f; root-only P %.3f R %.3f F1 %.3f",
				name, s.Precision, s.Recall, s.F1, s.RootPrecision, s.RootRecall, s.RootF1)
			if s.NoEventAccuracy != nil {
				t.Logf("%s: no-event accuracy %d/%d = %.3f", name, s.NoEventCorrect, s.NoEventSentences, *s.NoEventAccuracy)
			}
			t.Logf("%s: UD-PETRARCH terms TP %.2f%% FN %.2f%% FP %.2f%%", name, s.PetrTP, s.PetrFN, s.PetrFP)
			for _, f := range suiteFloors[name] {
				if got := f.get(s); got < f.limit {
					t.Errorf("%s %s = %.3f, below the floor %.3f: a rule change lost events", name, f.name, got, f.limit)
				}
			}
		})
	}
}

// The readers must keep every record of the real files: a parsing slip
// would otherwise pass as a change in accuracy.
func TestPeerSuiteShapes(t *testing.T) {
	for name, want := range map[string]struct{ sentences, noEvent, codings int }{
		"petr2":  {78, 12, 80},  // README: 78 records; 92 EventCoding tags, 12 of them noevents
		"plover": {322, 0, 363}, // README: 322 sentences + the DOCUMENT header; a coding per source×target
	} {
		path := suiteFiles[name]
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s not available: skipped", path)
			continue
		}
		load := LoadPETR2
		if name == "plover" {
			load = LoadPLOVER
		}
		ss, err := load(path)
		if err != nil {
			t.Fatal(err)
		}
		noEvent, codings := 0, 0
		for _, s := range ss {
			if s.NoEvent() {
				noEvent++
			}
			codings += len(s.Expected)
			if s.Text == "" {
				t.Errorf("%s %s: no text", name, s.ID)
			}
		}
		if len(ss) != want.sentences || noEvent != want.noEvent || codings != want.codings {
			t.Errorf("%s: %d sentences, %d no-event, %d codings; want %+v", name, len(ss), noEvent, codings, want)
		}
	}
}
