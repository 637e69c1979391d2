package eval

import (
	"fmt"
	"strings"

	"kg/internal/extract"
)

// Outcome is one sentence of a suite with what kg made of it.
type Outcome struct {
	Sentence
	Produced []Produced `json:"produced"`
	Found    []bool     `json:"found"`   // per Expected: matched by a produced event
	Correct  []bool     `json:"correct"` // per Produced: matches an expected event
	// Why says, per Expected, why it was missed ("" when found): whether
	// the action was not coded at all or coded with other actors, and which
	// expected countries kg did not recognise in the sentence.
	Why []string `json:"why"`
	// Countries are the countries of every actor kg recognised in the
	// sentence, whether or not an event used them.
	Countries []string `json:"countries"`
	Counts    Counts   `json:"counts"`
}

// Run extracts events from each sentence and scores them.
func Run(x *extract.Extractor, sentences []Sentence) []Outcome {
	out := make([]Outcome, 0, len(sentences))
	for _, s := range sentences {
		out = append(out, run(x, s))
	}
	return out
}

// Article makes the article kg reads for a suite sentence.
func Article(s Sentence) *extract.Article {
	a := extract.ParseArticle(s.ID, s.Suite, 0, s.Text)
	a.Issued = s.Date
	// A suite record is one sentence of prose by construction. The body
	// finder is meant for web pages and takes a short line without a final
	// period for a headline ("The US, Russia, and Switzerland met
	// yesterday"), leaving nothing to read.
	a.Body = []extract.Span{{Start: 0, End: len(a.Text)}}
	return a
}

func run(x *extract.Extractor, s Sentence) Outcome {
	o := Outcome{Sentence: s, Produced: []Produced{}, Countries: []string{}}
	if o.Expected == nil {
		o.Expected = []Coding{} // JSON: [] rather than null for no-event sentences
	}
	countries := map[string]bool{}
	for _, r := range x.Explain(Article(s)) {
		for _, m := range r.Mentions {
			for _, e := range m.Entities {
				if c := entityCountry(e); c != "" {
					countries[c] = true
				}
			}
		}
		for _, e := range r.Events {
			o.Produced = append(o.Produced, FromEvent(e))
		}
	}
	o.Countries = append(o.Countries, sortedKeys(countries)...)
	keys := make([]Key, len(s.Expected))
	for i, c := range s.Expected {
		keys[i] = c.Key
	}
	o.Counts = Count(keys, o.Produced)
	o.Found = make([]bool, len(s.Expected))
	o.Why = make([]string, len(s.Expected))
	for i, c := range s.Expected {
		for _, p := range o.Produced {
			if Matches(c.Key, p) {
				o.Found[i] = true
				break
			}
		}
		if !o.Found[i] {
			o.Why[i] = why(c.Key, o.Produced, countries)
		}
	}
	o.Correct = make([]bool, len(o.Produced))
	for i, p := range o.Produced {
		for _, c := range s.Expected {
			if Matches(c.Key, p) {
				o.Correct[i] = true
				break
			}
		}
	}
	return o
}

// why explains a miss in the terms a rule author acts on.
func why(e Key, produced []Produced, countries map[string]bool) string {
	var same, other []string
	for _, p := range produced {
		if p.Key.Root == e.Root {
			same = append(same, p.Key.String())
		} else {
			other = append(other, p.Code)
		}
	}
	var msg string
	switch {
	case len(same) > 0:
		msg = fmt.Sprintf("actors: root %s coded as %s", e.Root, strings.Join(dedup(same), ", "))
	case len(other) > 0:
		msg = fmt.Sprintf("action: no %s event (kg coded %s)", e.Root, strings.Join(dedup(other), ", "))
	default:
		msg = fmt.Sprintf("action: no %s event (kg coded nothing)", e.Root)
	}
	var unknown []string
	for _, c := range []string{e.Source, e.Target} {
		if c != Any && c != "" && !countries[c] {
			unknown = append(unknown, c)
		}
	}
	if len(unknown) > 0 {
		msg += "; not recognised: " + strings.Join(dedup(unknown), ", ")
	}
	return msg
}

func dedup(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// FromEvent reduces one of kg's events for scoring.
func FromEvent(e extract.Event) Produced {
	p := Produced{
		Key:       Key{Source: entityCountry(e.Actor), Target: entityCountry(e.Target), Root: Root(e.Code)},
		Symmetric: e.Symmetric,
		Code:      e.Code,
		Rule:      e.Rule,
	}
	if e.Actor != nil {
		p.Actor = e.Actor.Name
	}
	if e.Target != nil {
		p.Target = e.Target.Name
	}
	return p
}

// entityCountry is the country an entity stands for: a country's own code,
// a person's or organization's Country; "" for none (the UN, "rebels").
func entityCountry(e *extract.Entity) string {
	if e == nil {
		return ""
	}
	c := e.Country
	if c == "" && e.Type == extract.Country {
		c = e.Code
	}
	return Country(c)
}

// Summarise totals the scores of the outcomes that keep accepts (all, when
// keep is nil).
func Summarise(outcomes []Outcome, keep func(*Outcome) bool) Score {
	var c Counts
	for i := range outcomes {
		if keep == nil || keep(&outcomes[i]) {
			c.Add(outcomes[i].Counts)
		}
	}
	return Rates(c)
}
