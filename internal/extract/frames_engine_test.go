package extract

import (
	"strings"
	"testing"
)

// One table per frame kind and per kind of actor reference. The sentences
// are written for the tests, not taken from the seeds or the dev set.
func TestFrameKinds(t *testing.T) {
	for _, tc := range []struct {
		kind, name, text string
		want             []string
	}{
		// verb frames: roles normalised for voice
		{"verb", "active", "Kenya expelled two Somali diplomats.", []string{"Kenya 166 Somalia"}},
		{"verb", "passive with agent", "Two Somali diplomats were expelled by Kenya.", []string{"Kenya 166 Somalia"}},
		{"verb", "reduced passive", "Sanctions imposed by the European Union on Belarus took effect.", []string{"European Union 163 Belarus"}},
		{"verb", "object constraint", "Venezuela severed diplomatic ties with Panama.", []string{"Venezuela 161 Panama"}},
		{"verb", "particle", "Chad called off its offensive against the rebels.", []string{"Chad 080 rebels"}},
		{"verb", "coordination", "Chile, Peru and Bolivia condemned the coup in Honduras.", []string{"Bolivia 111 Honduras", "Chile 111 Honduras", "Peru 111 Honduras"}},
		{"verb", "symmetric pair", "Armenia and Azerbaijan held talks in Moscow.", []string{"Armenia 040 Azerbaijan"}},
		{"verb", "negated", "Ghana did not recognize the junta in Mali.", nil},
		{"verb", "refused to", "Serbia refused to extradite the suspects to Croatia.", []string{"Serbia 120 Croatia"}},
		{"verb", "conditional", "If Iran attacks Israel, the region will burn.", nil},
		{"verb", "intent", "Turkey plans to attack Kurdish fighters in Syria.", []string{"Turkey 138 Kurdish forces"}},
		// noun frames
		{"noun", "possessive actor", "Mexico's visit to Cuba ended on Friday.", []string{"Mexico 042 Cuba"}},
		{"noun", "demonym actor", "Israeli attacks on Gaza continued overnight.", []string{"Israel 190 Gaza"}},
		{"noun", "by-phrase actor", "A boycott by the opposition of the vote in Togo was announced.", []string{"Togolese opposition 163 Togo"}},
		{"noun", "clause subject", "During a visit to Kenya, the Ugandan president praised the police.", []string{"Uganda 042 Kenya", "Uganda 051 Kenya"}},
		{"noun", "light verb", "Egypt held talks with Sudan on the dam.", []string{"Egypt 040 Sudan"}},
		{"noun", "between", "Talks between Ethiopia and Eritrea resumed in Algiers.", []string{"Ethiopia 040 Eritrea"}},
		// speech acts
		{"speech", "told X to", "Germany told Iran to halt enrichment.", []string{"Germany 100 Iran"}},
		{"speech", "urged X to", "Japan urged China to release the fishermen.", []string{"Japan 020 China"}},
		{"speech", "warned X", "Moscow warned Kiev against joining the alliance.", []string{"Russia 130 Ukraine"}},
		{"speech", "accused X", "Algeria accused Morocco of spying.", []string{"Algeria 112 Morocco"}},
		// references
		{"reference", "the government", "Ecuador held elections. The government arrested three opposition leaders.", []string{"Ecuador 173 opposition leaders"}},
		{"reference", "US officials", "US officials met Cuban diplomats in Havana.", []string{"United States 040 Cuba"}},
		{"reference", "acronym an article defines", "The Popular Front for Renewal (PFR) was founded in Niger. Police arrested PFR leaders.", []string{"Niger 173 Popular Front for Renewal"}},
		{"reference", "the two sides", "Sudan and Chad met in Doha. The two sides signed a peace deal.", []string{"Sudan 040 Chad", "Sudan 057 Chad"}},
		{"reference", "discovered person", "Police arrested Maria Lopez, a Guatemalan activist, in Guatemala City.", []string{"Guatemala 173 Maria Lopez"}},
		{"reference", "plural pronoun", "Rwanda and Burundi signed a pact. They also agreed to reopen the border.", []string{"Rwanda 030 Burundi", "Rwanda 057 Burundi"}},
	} {
		t.Run(tc.kind+"/"+tc.name, func(t *testing.T) {
			got := events(t, tc.text, "2010-06-01")
			for i, g := range got {
				if f := strings.Fields(g); len(f) > 0 && len(f[len(f)-1]) == 10 && f[len(f)-1][4] == '-' {
					got[i] = strings.Join(f[:len(f)-1], " ") // dates are tested elsewhere
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
