package eval

import (
	"testing"

	"kg/internal/extract"
)

func prod(src, tgt, code string, sym bool) Produced {
	return Produced{Key: Key{src, tgt, Root(code)}, Code: code, Symmetric: sym}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		name     string
		expected []Key
		produced []Produced
		want     Counts
	}{
		{
			name:     "exact match",
			expected: []Key{{"USA", "RUS", "19"}},
			produced: []Produced{prod("USA", "RUS", "190", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "same root, wrong target: a miss and a false alarm, but the root is right",
			expected: []Key{{"USA", "IRQ", "19"}},
			produced: []Produced{prod("USA", "", "195", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, FN: 1, FP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "wrong root",
			expected: []Key{{"USA", "RUS", "04"}},
			produced: []Produced{prod("USA", "RUS", "190", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, FN: 1, FP: 1, RootExpected: 1, RootProduced: 1},
		},
		{
			name:     "reversed direction of an asymmetric event",
			expected: []Key{{"USA", "RUS", "19"}},
			produced: []Produced{prod("RUS", "USA", "190", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, FN: 1, FP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "uncoded target matches no target",
			expected: []Key{{"JOR", Any, "03"}},
			produced: []Produced{prod("JOR", "", "030", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "uncoded target matches any target",
			expected: []Key{{"JOR", Any, "03"}},
			produced: []Produced{prod("JOR", "GBR", "030", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "uncoded source (passive) matches any actor",
			expected: []Key{{Any, "IRQ", "18"}},
			produced: []Produced{prod("", "IRQ", "180", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "non-country target (IGO) needs a countryless target on kg's side",
			expected: []Key{{"PRK", "", "16"}},
			produced: []Produced{prod("PRK", "USA", "161", false), prod("PRK", "", "161", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 2, TP: 1, FP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "non-country source (rebels) does not match a country",
			expected: []Key{{"", "SYR", "19"}},
			produced: []Produced{prod("SYR", "SYR", "190", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, FN: 1, FP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name: "symmetric pairs match both directions (PETR-2 COOP_0)",
			expected: []Key{
				{"USA", "RUS", "04"}, {"USA", "CHE", "04"}, {"CHE", "USA", "04"},
				{"RUS", "USA", "04"}, {"RUS", "CHE", "04"}, {"CHE", "RUS", "04"},
			},
			produced: []Produced{prod("USA", "RUS", "040", true), prod("USA", "CHE", "040", true), prod("RUS", "CHE", "040", true)},
			want:     Counts{Sentences: 1, Expected: 6, Produced: 3, TP: 6, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "symmetric event against one-way expectation: found, not a false alarm",
			expected: []Key{{"CHE", "USA", "04"}},
			produced: []Produced{prod("USA", "CHE", "040", true)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 1, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "duplicates count once: USAGOV→RUS and USA→RUS; Obama–Putin and Putin–Obama",
			expected: []Key{{"USA", "RUS", "04"}, {"USA", "RUS", "04"}},
			produced: []Produced{prod("USA", "RUS", "040", true), prod("RUS", "USA", "040", true), prod("USA", "RUS", "043", false)},
			want:     Counts{Sentences: 1, Expected: 1, Produced: 2, TP: 1, RootExpected: 1, RootProduced: 1, RootTP: 1},
		},
		{
			name:     "no event expected, none produced",
			expected: nil,
			produced: nil,
			want:     Counts{Sentences: 1, NoEventSentences: 1, NoEventCorrect: 1},
		},
		{
			name:     "no event expected, one produced",
			expected: nil,
			produced: []Produced{prod("FRA", "RWA", "111", false)},
			want:     Counts{Sentences: 1, NoEventSentences: 1, Produced: 1, FP: 1, RootProduced: 1},
		},
		{
			name:     "two roots expected, one produced with other actors",
			expected: []Key{{"SYR", "EGY", "17"}, {"EGY", "SYR", "14"}},
			produced: []Produced{prod("TUN", "SYR", "145", false)},
			want:     Counts{Sentences: 1, Expected: 2, Produced: 1, FN: 2, FP: 1, RootExpected: 2, RootProduced: 1, RootTP: 1},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.expected, tc.produced); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestRates(t *testing.T) {
	s := Rates(Counts{Sentences: 10, NoEventSentences: 2, NoEventCorrect: 1, Expected: 8, Produced: 5, TP: 4, FN: 4, FP: 2,
		RootExpected: 8, RootProduced: 4, RootTP: 3})
	check := func(name string, got, want float64) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("precision", s.Precision, 0.6) // 3 of 5 produced matched
	check("recall", s.Recall, 0.5)
	check("f1", s.F1, 0.5455)
	check("root precision", s.RootPrecision, 0.75)
	check("root recall", s.RootRecall, 0.375)
	check("root f1", s.RootF1, 0.5)
	check("petr TP%", s.PetrTP, 50) // (4+1)/(8+2)
	check("petr FN%", s.PetrFN, 50) // 100-TP
	check("petr FP%", s.PetrFP, 20) // 2 extra / 10 records
	if s.NoEventAccuracy == nil || *s.NoEventAccuracy != 0.5 {
		t.Errorf("no-event accuracy = %v, want 0.5", s.NoEventAccuracy)
	}

	z := Rates(Counts{})
	if z.Precision != 0 || z.Recall != 0 || z.F1 != 0 || z.NoEventAccuracy != nil || z.PetrTP != 0 || z.PetrFN != 0 || z.PetrFP != 0 {
		t.Errorf("empty counts: %+v", z)
	}
}

func TestSummarise(t *testing.T) {
	outs := []Outcome{
		{Sentence: Sentence{Category: "AFP"}, Counts: Counts{Sentences: 1, Expected: 2, TP: 1, FN: 1, Produced: 1}},
		{Sentence: Sentence{Category: "TEST"}, Counts: Counts{Sentences: 1, NoEventSentences: 1, NoEventCorrect: 1}},
	}
	all := Summarise(outs, nil)
	if all.Sentences != 2 || all.Expected != 2 || all.TP != 1 || *all.NoEventAccuracy != 1 {
		t.Errorf("all: %+v", all.Counts)
	}
	afp := Summarise(outs, func(o *Outcome) bool { return o.Category == "AFP" })
	if afp.Sentences != 1 || afp.NoEventAccuracy != nil || afp.Recall != 0.5 {
		t.Errorf("AFP: %+v", afp)
	}
}

func TestFromEvent(t *testing.T) {
	usa := &extract.Entity{ID: "United_States", Name: "United States", Type: extract.Country, Code: "USA", Country: "USA"}
	bare := &extract.Entity{ID: "Japan", Name: "Japan", Type: extract.Country, Code: "JPN"} // Country left empty
	obama := &extract.Entity{ID: "Barack_Obama", Name: "Barack Obama", Type: extract.Person, Country: "USA"}
	un := &extract.Entity{ID: "United_Nations", Name: "United Nations", Type: extract.Organization}
	for _, tc := range []struct {
		ev   extract.Event
		want Produced
	}{
		{extract.Event{Actor: obama, Target: usa, Code: "0231", Rule: "r"}, Produced{Key: Key{"USA", "USA", "02"}, Code: "0231", Actor: "Barack Obama", Target: "United States", Rule: "r"}},
		{extract.Event{Actor: un, Code: "040", Symmetric: true}, Produced{Key: Key{"", "", "04"}, Code: "040", Symmetric: true, Actor: "United Nations"}},
		{extract.Event{Actor: bare, Target: un, Code: "190"}, Produced{Key: Key{"JPN", "", "19"}, Code: "190", Actor: "Japan", Target: "United Nations"}},
	} {
		if got := FromEvent(tc.ev); got != tc.want {
			t.Errorf("FromEvent: got %+v, want %+v", got, tc.want)
		}
	}
}

// A one-line record without a final period must still be read: the body
// finder would take it for a headline.
func TestArticleReadsWholeSentence(t *testing.T) {
	s := Sentence{Suite: "petr2", ID: "x", Date: "2015-06-09", Text: "The US, Russia, and Switzerland met yesterday"}
	a := Article(s)
	ss := extract.Sentences(a)
	if len(ss) != 1 || ss[0].Text != s.Text || a.Issued != "2015-06-09" {
		t.Errorf("sentences %+v, issued %q", ss, a.Issued)
	}
}

func TestWhy(t *testing.T) {
	known := map[string]bool{"USA": true}
	for _, tc := range []struct {
		e        Key
		produced []Produced
		want     string
	}{
		{Key{"USA", "CHN", "04"}, nil, "action: no 04 event (kg coded nothing); not recognised: CHN"},
		{Key{"USA", Any, "03"}, []Produced{prod("USA", "", "190", false)}, "action: no 03 event (kg coded 190)"},
		{Key{"USA", "IRQ", "19"}, []Produced{prod("USA", "", "195", false)}, "actors: root 19 coded as USA→- 19; not recognised: IRQ"},
		{Key{"", "USA", "17"}, nil, "action: no 17 event (kg coded nothing)"},
	} {
		if got := why(tc.e, tc.produced, known); got != tc.want {
			t.Errorf("why(%v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}
