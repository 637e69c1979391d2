package extract

import (
	"strings"
	"testing"
)

// Actors named by references, bodies and names the dictionary does not
// know (references.go, discover.go). Sentences written for the tests.
func TestReferenceRules(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		// a party's own name, not the generic party of the country
		{"a named party, its first word an adjective", "Neil Kinnock accused a Liberal Party of betraying its voters.",
			[]string{"Neil Kinnock 112 Liberal Party"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := events(t, tc.text, "")
			if got == nil {
				got = []string{}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
