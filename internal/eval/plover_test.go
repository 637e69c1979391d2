package eval

import (
	"reflect"
	"strings"
	"testing"
)

// ploverSample has the shapes of PLOVER_GSR_CAMEO.json: the DOCUMENT
// header, compound sources without target, a target list, a stray string
// in "target", a record without source, and JAP for Japan.
const ploverSample = `[
{"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation"},
{"id": "PLOVER-GSR01-AGREE-0003", "date": "2000-01-01",
 "source": [{"actorText": "United States", "code": "USA"}, {"actorText": "Jordan", "code": "JOR"}],
 "target": "", "event": "AGREE", "eventText": "agreed free-trade",
 "text": "The United States and Jordan have agreed upon a new free-trade pact."},
{"id": "PLOVER-GSR01-AGREE-0002", "date": "2000-01-01",
 "source": [{"actorText": "Asia-Pacific Economic Cooperation", "code": "IGO"}],
 "target": [{"actorText": "Tokyo", "code": "JAP", "sector": "GOV"}],
 "event": "AGREE", "text": "APEC has agreed to set up a center\nin Tokyo."},
{"id": "PLOVER-GSR01-AGREE-0007", "date": "2000-01-01",
 "source": [{"actorText": "Turkish", "code": "TUR"}], "target": "diplomatic",
 "event": "AGREE", "text": "The Turkish side agreed."},
{"id": "PLOVER-GSR01-ASSAULT-0009", "date": "2000-01-01",
 "target": [{"actorText": "Iraqi civilians", "code": "IRQ", "sector": "CVL"}],
 "event": "ASSAULT", "eventText": "killed", "text": "Three Iraqi civilians have been killed."},
{"id": "PLOVER-GSR01-FIGHT-0001", "date": "2000-01-01",
 "source": [{"actorText": "Israel", "code": "ISR"}, {"actorText": "Egypt", "code": "EGY"}],
 "target": [{"actorText": "Lebanon", "code": "LBN"}, {"actorText": "Syria", "code": "SYR"}],
 "event": "FIGHT", "text": "Israel and Egypt shelled Lebanon and Syria."}
]`

func TestReadPLOVER(t *testing.T) {
	got, err := ReadPLOVER(strings.NewReader(ploverSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{
			Suite: "plover", ID: "PLOVER-GSR01-AGREE-0003", Category: "AGREE", Date: "2000-01-01",
			Text: "The United States and Jordan have agreed upon a new free-trade pact.", Hint: "agreed free-trade",
			Expected: []Coding{
				{Event: "AGREE", Source: "USA", SourceText: "United States", Key: Key{"USA", Any, "03"}},
				{Event: "AGREE", Source: "JOR", SourceText: "Jordan", Key: Key{"JOR", Any, "03"}},
			},
		},
		{
			Suite: "plover", ID: "PLOVER-GSR01-AGREE-0002", Category: "AGREE", Date: "2000-01-01",
			Text: "APEC has agreed to set up a center in Tokyo.",
			Expected: []Coding{
				{Event: "AGREE", Source: "IGO", Target: "JAP", SourceText: "Asia-Pacific Economic Cooperation", TargetText: "Tokyo", Key: Key{"", "JPN", "03"}},
			},
		},
		{
			Suite: "plover", ID: "PLOVER-GSR01-AGREE-0007", Category: "AGREE", Date: "2000-01-01",
			Text:     "The Turkish side agreed.",
			Expected: []Coding{{Event: "AGREE", Source: "TUR", SourceText: "Turkish", Key: Key{"TUR", Any, "03"}}},
		},
		{
			Suite: "plover", ID: "PLOVER-GSR01-ASSAULT-0009", Category: "ASSAULT", Date: "2000-01-01",
			Text: "Three Iraqi civilians have been killed.", Hint: "killed",
			Expected: []Coding{{Event: "ASSAULT", Target: "IRQ", TargetText: "Iraqi civilians", Key: Key{Any, "IRQ", "18"}}},
		},
		{
			Suite: "plover", ID: "PLOVER-GSR01-FIGHT-0001", Category: "FIGHT", Date: "2000-01-01",
			Text: "Israel and Egypt shelled Lebanon and Syria.",
			Expected: []Coding{
				{Event: "FIGHT", Source: "ISR", Target: "LBN", SourceText: "Israel", TargetText: "Lebanon", Key: Key{"ISR", "LBN", "19"}},
				{Event: "FIGHT", Source: "ISR", Target: "SYR", SourceText: "Israel", TargetText: "Syria", Key: Key{"ISR", "SYR", "19"}},
				{Event: "FIGHT", Source: "EGY", Target: "LBN", SourceText: "Egypt", TargetText: "Lebanon", Key: Key{"EGY", "LBN", "19"}},
				{Event: "FIGHT", Source: "EGY", Target: "SYR", SourceText: "Egypt", TargetText: "Syria", Key: Key{"EGY", "SYR", "19"}},
			},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadPLOVERErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"not json":      `<Validation/>`,
		"object":        `{"id": "x"}`,
		"only document": `[{"id": "d", "event": "DOCUMENT"}]`,
		"unknown class": `[{"id": "x", "event": "REQUEST", "text": "a", "source": [{"code": "USA"}]}]`,
		"no text":       `[{"id": "x", "event": "AGREE", "source": [{"code": "USA"}]}]`,
		"bad source":    `[{"id": "x", "event": "AGREE", "text": "a", "source": [1, 2]}]`,
	} {
		if _, err := ReadPLOVER(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
