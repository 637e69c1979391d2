package eval

// Scoring rules (the figures of `kg eval`):
//
// Each sentence's expected events and kg's events are reduced to Keys
// (source country, target country, CAMEO root) and deduplicated: "USAGOV→RUS
// 190" and "USA→RUS 190" are one expected event, as are "Obama met Putin" and
// "the US met Russia" produced by two rules.
//
// An expected event is found (TP) when some produced event has the same root
// and the same source and target countries. "" (an IGO, rebels, civilians,
// a missing target) must meet "" on kg's side: an organization or group
// without a country, or no target at all. Any (the suite codes no actor:
// PLOVER's "target": "", PETR-2's bare "---") matches whatever kg produced,
// including no target: the coder left that side open, and kg naming someone
// there is not wrong. kg's symmetric events (A met B) match either direction,
// so that "the US, Russia and Switzerland met" coded as three symmetric
// pairs finds all six directed codings of PETR-2.
//
// A produced event matching no expected event is a false alarm (FP); an
// expected event not found is a miss (FN). Precision is the share of
// produced events that match, recall the share of expected events found.
//
// Root-only figures ignore actors: per sentence, the set of expected roots
// against the set of produced roots. They separate action coverage (does a
// rule fire with the right root?) from actor coverage.

import (
	"math"
	"sort"
)

// Produced is one event kg made for a sentence, reduced for scoring.
type Produced struct {
	Key       Key    `json:"key"`
	Symmetric bool   `json:"symmetric,omitempty"`
	Code      string `json:"code"`
	Actor     string `json:"actor"`            // entity name
	Target    string `json:"target,omitempty"` // entity name, "" without target
	Rule      string `json:"rule"`
}

// Counts are the raw tallies of a set of sentences.
type Counts struct {
	Sentences        int `json:"sentences"`
	NoEventSentences int `json:"no_event_sentences"`
	NoEventCorrect   int `json:"no_event_correct"` // of those, how many got no event from kg
	Expected         int `json:"expected"`         // distinct expected keys
	Produced         int `json:"produced"`         // distinct produced keys
	TP               int `json:"tp"`               // expected keys found
	FN               int `json:"fn"`               // expected keys not found
	FP               int `json:"fp"`               // produced keys matching nothing
	RootExpected     int `json:"root_expected"`    // distinct (sentence, root) expected
	RootProduced     int `json:"root_produced"`
	RootTP           int `json:"root_tp"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Sentences += o.Sentences
	c.NoEventSentences += o.NoEventSentences
	c.NoEventCorrect += o.NoEventCorrect
	c.Expected += o.Expected
	c.Produced += o.Produced
	c.TP += o.TP
	c.FN += o.FN
	c.FP += o.FP
	c.RootExpected += o.RootExpected
	c.RootProduced += o.RootProduced
	c.RootTP += o.RootTP
}

// side reports whether a produced actor country satisfies an expected one.
func side(want, got string) bool { return want == Any || want == got }

// Matches reports whether produced event p counts as expected event e.
func Matches(e Key, p Produced) bool {
	if e.Root != p.Key.Root {
		return false
	}
	if side(e.Source, p.Key.Source) && side(e.Target, p.Key.Target) {
		return true
	}
	return p.Symmetric && side(e.Source, p.Key.Target) && side(e.Target, p.Key.Source)
}

// distinctKeys removes repeated expected keys, keeping order.
func distinctKeys(ks []Key) []Key {
	var out []Key
	seen := map[Key]bool{}
	for _, k := range ks {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// distinctProduced removes produced events with the same key; a symmetric
// A–B and B–A are the same event.
func distinctProduced(ps []Produced) []Produced {
	type id struct {
		k   Key
		sym bool
	}
	var out []Produced
	seen := map[id]bool{}
	for _, p := range ps {
		k := p.Key
		if p.Symmetric && k.Target < k.Source {
			k.Source, k.Target = k.Target, k.Source
		}
		if !seen[id{k, p.Symmetric}] {
			seen[id{k, p.Symmetric}] = true
			out = append(out, p)
		}
	}
	return out
}

// Count scores one sentence: its expected keys (none: the sentence should
// yield no event) against the events kg produced for it.
func Count(expected []Key, produced []Produced) Counts {
	ek, pk := distinctKeys(expected), distinctProduced(produced)
	c := Counts{Sentences: 1, Expected: len(ek), Produced: len(pk)}
	if len(ek) == 0 {
		c.NoEventSentences = 1
		if len(pk) == 0 {
			c.NoEventCorrect = 1
		}
	}
	for _, e := range ek {
		for _, p := range pk {
			if Matches(e, p) {
				c.TP++
				break
			}
		}
	}
	c.FN = len(ek) - c.TP
	for _, p := range pk {
		hit := false
		for _, e := range ek {
			if Matches(e, p) {
				hit = true
				break
			}
		}
		if !hit {
			c.FP++
		}
	}
	er, pr := map[string]bool{}, map[string]bool{}
	for _, e := range ek {
		er[e.Root] = true
	}
	for _, p := range pk {
		pr[p.Key.Root] = true
	}
	c.RootExpected, c.RootProduced = len(er), len(pr)
	for r := range er {
		if pr[r] {
			c.RootTP++
		}
	}
	return c
}

// Score is Counts with the rates derived from them. Rates whose
// denominator is zero are 0, except NoEventAccuracy, which is nil then.
type Score struct {
	Counts
	Precision       float64  `json:"precision"`
	Recall          float64  `json:"recall"`
	F1              float64  `json:"f1"`
	NoEventAccuracy *float64 `json:"no_event_accuracy,omitempty"`
	RootPrecision   float64  `json:"root_precision"`
	RootRecall      float64  `json:"root_recall"`
	RootF1          float64  `json:"root_f1"`
	// The same counts in UniversalPetrarch's validation.py terms, whose
	// published figures are TP 68.27 %, FN 31.73 %, FP 22.95 % (on its
	// functional suite PETR_Validate_records_2_02.xml, exact codes):
	// TP% = correct / (correct + uncoded), FN% = 100 − TP%, FP% = extra /
	// records; a no-event record counts as one expected "event", correct
	// when nothing is coded.
	PetrTP float64 `json:"petr_tp_pct"`
	PetrFN float64 `json:"petr_fn_pct"`
	PetrFP float64 `json:"petr_fp_pct"`
}

// Rates derives a Score from counts.
func Rates(c Counts) Score {
	s := Score{Counts: c}
	s.Precision = ratio(c.Produced-c.FP, c.Produced)
	s.Recall = ratio(c.TP, c.Expected)
	s.F1 = f1(s.Precision, s.Recall)
	if c.NoEventSentences > 0 {
		a := ratio(c.NoEventCorrect, c.NoEventSentences)
		s.NoEventAccuracy = &a
	}
	s.RootPrecision = ratio(c.RootTP, c.RootProduced)
	s.RootRecall = ratio(c.RootTP, c.RootExpected)
	s.RootF1 = f1(s.RootPrecision, s.RootRecall)
	s.PetrTP = 100 * ratio(c.TP+c.NoEventCorrect, c.Expected+c.NoEventSentences)
	s.PetrFN = 100 - s.PetrTP
	if c.Expected+c.NoEventSentences == 0 {
		s.PetrFN = 0
	}
	s.PetrFP = 100 * ratio(c.FP, c.Sentences)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return round4(float64(a) / float64(b))
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return round4(2 * p * r / (p + r))
}

// round4 keeps JSON output short and stable across platforms.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// sortedKeys returns a set's members in order, for stable output.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
