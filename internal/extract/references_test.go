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
		// officers of the police, courts and army, and clerics, by title
		{"a police title with its qualifier", "Police Commissioner Ayodele Bankole accused Ghana of shielding the gang.",
			[]string{"Ayodele Bankole 112 Ghana"}},
		{"a judge by title", "Judge Mirela Vasquez criticized Chile for the delays.", []string{"Mirela Vasquez 111 Chile"}},
		{"a cleric by title, and an apostrophe inside the name", "Cardinal Padraig O'Rourke praised Ireland. Later Cardinal O'Rourke accused Britain of neglect.",
			[]string{"Padraig O'Rourke 051 Ireland", "Padraig O'Rourke 112 United Kingdom"}},
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
