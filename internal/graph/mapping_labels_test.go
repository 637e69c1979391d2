package graph

import (
	"testing"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
)

// A dictionary name written with hyphens in the article ("Jean-Pierre
// Raffarin") is found under that spelling too, as a skos:altLabel.
func TestWrittenNameIsAnAltLabel(t *testing.T) {
	x, err := extract.NewExtractor(extract.BuiltinRules())
	if err != nil {
		t.Fatal(err)
	}
	a := extract.ParseArticle("hyphen", "hyphen.txt", 0, "ID: hyphen\nDATE: 2004-03-02\n\n"+
		"Liberian President Ellen Johnson-Sirleaf met Jean-Pierre Raffarin in Paris on Monday.\n")
	events := x.Extract(a)
	if len(events) == 0 {
		t.Fatal("no event")
	}
	_, shared, _ := ArticleQuads(a, events, Run{})
	labels := map[string]string{}
	for _, q := range shared {
		if q.Predicate == quad.IRI(SKOSAltLabel) {
			labels[string(q.Subject.(quad.IRI))] = string(q.Object.(quad.LangString).Value)
		}
	}
	for _, want := range []struct{ id, label string }{
		{"Ellen_Johnson_Sirleaf", "Ellen Johnson-Sirleaf"},
		{"Jean_Pierre_Raffarin", "Jean-Pierre Raffarin"},
	} {
		if got := labels[NSActor+want.id]; got != want.label {
			t.Errorf("%s: altLabel %q, want %q (all: %v)", want.id, got, want.label, labels)
		}
	}
}
