package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// ploverRoot maps the PLOVER 0.5 event classes of PLOVER_GSR_CAMEO.json to
// CAMEO roots. The file codes no CAMEO code: its records are the CAMEO
// manual's examples, filed by PLOVER class, and in PLOVER 0.5 each class is
// one CAMEO root (FIGHT = 19 conventional force, ASSAULT = 18 unconventional
// violence), except that CONCEDE (yield) and RETREAT (release, withdraw,
// ceasefire) share 08. A few examples may have come from a neighbouring
// CAMEO section (an "ethnic cleansing" FIGHT is CAMEO 203, a ceasefire
// violation 196); one root per class keeps the mapping auditable.
var ploverRoot = map[string]string{
	"AGREE":       "03",
	"CONSULT":     "04",
	"SUPPORT":     "05",
	"COOPERATE":   "06",
	"AID":         "07",
	"CONCEDE":     "08",
	"RETREAT":     "08",
	"INVESTIGATE": "09",
	"DEMAND":      "10",
	"DISAPPROVE":  "11",
	"REJECT":      "12",
	"THREATEN":    "13",
	"PROTEST":     "14",
	"MOBILIZE":    "15",
	"SANCTION":    "16",
	"COERCE":      "17",
	"ASSAULT":     "18",
	"FIGHT":       "19",
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

type ploverRecord struct {
	ID        string          `json:"id"`
	Date      string          `json:"date"`
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
	Event     string          `json:"event"`
	EventText string          `json:"eventText"`
	Text      string          `json:"text"`
}

// LoadPLOVER reads a PLOVER gold-standard file (see ReadPLOVER).
func LoadPLOVER(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadPLOVER(f)
}

// ReadPLOVER reads PLOVER_GSR_CAMEO.json: a JSON array of records with
// "text", "event" (a PLOVER class), "eventText" (the words that express it)
// and "source"/"target" lists of {"actorText", "code", "sector"}. "target"
// may also be missing, null, "" or a stray string ("diplomatic", a context
// typed into the wrong field): all mean the record codes no target. The
// DOCUMENT record (file metadata) is skipped.
//
// Every record expects one event per (source, target) pair: "Jordan and
// Britain have agreed…" expects JOR→any and GBR→any.
func ReadPLOVER(r io.Reader) ([]Sentence, error) {
	var recs []ploverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, fmt.Errorf("not a PLOVER gold-standard file (a JSON array of records): %w", err)
	}
	var out []Sentence
	for i, rec := range recs {
		if rec.Event == "DOCUMENT" {
			continue
		}
		where := rec.ID
		if where == "" {
			where = fmt.Sprintf("#%d", i+1)
		}
		if strings.TrimSpace(rec.Text) == "" {
			return nil, fmt.Errorf("PLOVER record %s: no text", where)
		}
		root, ok := ploverRoot[rec.Event]
		if !ok {
			return nil, fmt.Errorf("PLOVER record %s: unknown event class %q", where, rec.Event)
		}
		sources, err := ploverActors(rec.Source)
		if err != nil {
			return nil, fmt.Errorf("PLOVER record %s: source: %w", where, err)
		}
		targets, err := ploverActors(rec.Target)
		if err != nil {
			return nil, fmt.Errorf("PLOVER record %s: target: %w", where, err)
		}
		// A missing side is one uncoded actor, so that the pairs below
		// still yield an event (passives: "civilians have been killed").
		if len(sources) == 0 {
			sources = []ploverActor{{}}
		}
		if len(targets) == 0 {
			targets = []ploverActor{{}}
		}
		s := Sentence{Suite: "plover", ID: rec.ID, Category: rec.Event, Date: rec.Date, Text: collapseSpace(rec.Text), Hint: rec.EventText}
		for _, src := range sources {
			for _, tgt := range targets {
				s.Expected = append(s.Expected, Coding{
					Event: rec.Event, Source: src.Code, Target: tgt.Code,
					SourceText: src.ActorText, TargetText: tgt.ActorText,
					Key: Key{Source: CountryOfCode(src.Code), Target: CountryOfCode(tgt.Code), Root: root},
				})
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no PLOVER records with text found")
	}
	return out, nil
}

// ploverActors decodes a source or target field: a list of actors, or
// anything else (missing, null, a string) meaning none.
func ploverActors(raw json.RawMessage) ([]ploverActor, error) {
	t := strings.TrimSpace(string(raw))
	if t == "" || t[0] != '[' {
		return nil, nil
	}
	var as []ploverActor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	return as, nil
}
