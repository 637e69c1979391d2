package extract

import "testing"

// Actors named by references, bodies and names the dictionary does not
// know (references.go, discover.go). Sentences written for the tests.
func TestReferenceRules(t *testing.T) {
	checkEvents(t, []eventCase{
		// a party's own name, not the generic party of the country
		{"a named party, its first word an adjective", "Neil Kinnock accused a Liberal Party of betraying its voters.",
			[]string{"Neil Kinnock 112 Liberal Party"}},
		// Yugoslavia is Serbia and Montenegro's earlier name (Phoenix: SCG)
		{"a Yugoslav agent", "Albania accused the Yugoslav army of shelling its border villages.", []string{"Albania 112 Serbia and Montenegro"}},
		// a party named by its members, with an adjective the tagger reads as one
		{"a party named by its members", "Labour criticised the Liberal Democrats over tax.", []string{"Labour 111 Liberal Democrats"}},
		{"a party named by its members is never he", "Later the Lib Dems met in Bath. He accused Labour of lying.", []string{}},
		// a group noun of several words keeps them after a demonym
		{"a demonym and a group noun of two words", "Iraqi asylum seekers protested outside the British embassy.",
			[]string{"Iraqi asylum seekers 141 United Kingdom"}},
		// officers of the police, courts and army, and clerics, by title
		{"a police title with its qualifier", "Police Commissioner Ayodele Bankole accused Ghana of shielding the gang.",
			[]string{"Ayodele Bankole 112 Ghana"}},
		{"a judge by title", "Judge Mirela Vasquez criticized Chile for the delays.", []string{"Mirela Vasquez 111 Chile"}},
		{"a cleric by title, and an apostrophe inside the name", "Cardinal Padraig O'Rourke praised Ireland. Later Cardinal O'Rourke accused Britain of neglect.",
			[]string{"Padraig O'Rourke 051 Ireland", "Padraig O'Rourke 112 United Kingdom"}},
		// "the prime minister" of an undated story, which cannot date its offices
		{"a deputy is not the office", "Tony Blair spoke in London on Monday. Deputy Prime Minister John Prescott visited a hospital. Later the prime minister criticised France.",
			[]string{"Tony Blair 111 France"}},
		{"the office holder meant once is meant again", "Tony Blair spoke in London on Monday. The premier praised France. Gordon Brown also spoke in London. The prime minister then criticised Germany.",
			[]string{"Tony Blair 051 France", "Tony Blair 111 Germany"}},
		{"a British chancellor is not the prime minister", "Tony Blair spoke in London on Monday. Chancellor Gordon Brown also spoke in London. The prime minister then criticised Germany.",
			[]string{"Tony Blair 111 Germany"}},
		// "them" is never its own clause's subject (that is "themselves")
		{"them after a plural subject of its own clause", "Hundreds of Kurdish protesters gathered in Berlin on Monday. Police used tear gas to disperse them.",
			[]string{"Germany 175 German kurdish protesters"}},
		// "the group": the organization named last, a sentence or two back
		{"the group after an organization", "Human Rights Watch released a report on Monday. The group accused Egypt of torturing detainees.",
			[]string{"Human Rights Watch 112 Egypt"}},
		{"the rights group", "Amnesty International issued a statement. The rights group accused China of torture.",
			[]string{"Amnesty International 112 China"}},
		{"the group long after is no one", "Amnesty International issued a statement. It was cold. It rained. Later the group accused China of torture.", []string{}},
		// a name ending in a nationality's plural is a people, never "he"
		{"a people is no he", "Amnesty said Roma Czechs were often stopped by British officials. He accused Britain of racism.", []string{}},
		// "It" opening a sentence: what the last one's main clause was about
		{"It after an organization's sentence", "Amnesty International spoke out on Monday. It accused Egypt of torturing detainees.",
			[]string{"Amnesty International 112 Egypt"}},
		{"It after It", "The government of Chad spoke out on Monday. It accused Sudan of arming the rebels. It also expelled the Sudanese ambassador.",
			[]string{"Chad 112 Sudan", "Chad 166 Sudan"}},
		{"It after a thing as object is the thing", "Iran rejected the proposal on Monday. It calls for talks with the United States.", []string{}},
		{"It two sentences on is no one", "Amnesty International spoke out on Monday. The weather was cold. It accused Egypt of torturing detainees.", []string{}},
		{"It in a quotation is no one", "Amnesty International spoke out on Monday. \"It would condemn Egypt,\" Ana Ruiz said.", []string{}},
	})
}

// Words typed with the capital in the wrong place are looked up as names;
// words in the usual case keep their key.
func TestMiscased(t *testing.T) {
	for in, want := range map[string]string{"iSrael": "Israel", "rUSSIA": "Russia", "Israel": "Israel", "US": "US",
		"McCain": "McCain", "al": "al", "iPod": "Ipod", "e-Bay": "e-Bay", "": ""} {
		if got := miscased(in); got != want {
			t.Errorf("miscased(%q) = %q, want %q", in, got, want)
		}
	}
}
