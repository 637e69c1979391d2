package extract

import (
	"strings"
	"testing"
)

// Pairs and groups of parties (pairs.go). Sentences written for the tests.
func TestPairRules(t *testing.T) {
	checkEvents(t, []eventCase{
		// a pair named together, referred to later
		{"both sides: the pair named between", "Violent clashes broke out near the lake between Hamas and Hezbollah. Both sides accused each other of breaking the truce.",
			[]string{"Hamas 112 Hezbollah", "Hamas 190 Hezbollah", "Hezbollah 112 Hamas"}},
		{"both: two people named with their ages between them", "Judge Amrin Boer found Dita Indahsari, 24, and Coen Pontoh, 27, guilty of inciting riots. Both later accused Kenya of torture.",
			[]string{"Amrin Boer 116 Coen Pontoh", "Amrin Boer 116 Dita Indahsari", "Coen Pontoh 112 Kenya", "Dita Indahsari 112 Kenya"}},
		{"the two parties: the pair of a meeting", "Ecuador held talks with Peru in Lima on Monday. The two parties agreed to reopen the border.",
			[]string{"Ecuador 030 Peru", "Ecuador 040 Peru"}},
		{"both parties: a subject of two", "Bolivia and Paraguay signed a river accord. Later both parties called on Brazil to join it.",
			[]string{"Bolivia 020 Brazil", "Bolivia 057 Paraguay", "Paraguay 020 Brazil"}},
		{"both sides with no pair named are no one", "Chile announced new elections. Both sides threatened to boycott the vote.", []string{}},
		{"both alone: the pair just named", "Uruguay and Paraguay voted for the resolution. Both have criticized Venezuela for the crackdown.",
			[]string{"Paraguay 111 Venezuela", "Uruguay 111 Venezuela"}},
		{"both after a subject of two: that subject", "Estonia and Latvia both condemned Belarus on Tuesday.",
			[]string{"Estonia 111 Belarus", "Latvia 111 Belarus"}},
		{"both ... and joining verbs is no pair", "Ecuador met Peru in Lima. Norway is both mediating the talks and monitoring the truce.",
			[]string{"Ecuador 040 Peru"}},
		{"the two, in the sentence naming them", "Officials reported a meeting between Shinzo Abe and Narendra Modi, in which the two agreed to work together.",
			[]string{"Shinzo Abe 032 Narendra Modi", "Shinzo Abe 040 Narendra Modi"}},
		{"each other: every party acts on the other", "Armenia and Azerbaijan accused each other of shelling border villages.",
			[]string{"Armenia 112 Azerbaijan", "Azerbaijan 112 Armenia"}},
		{"the two: two people named together in any role", "The court sentenced Ana Quispe Mamani and Luis Torres Vega on Monday. The two have criticized Bolivia.",
			[]string{"Ana Quispe Mamani 111 Bolivia", "Bolivia 173 Ana Quispe Mamani", "Bolivia 173 Luis Torres Vega", "Luis Torres Vega 111 Bolivia"}},
		{"the two leaders: the parties of an earlier clause of the sentence", "Hun Sen met Surayud Chulanont in Bangkok on Monday, and the two leaders criticized Laos.",
			[]string{"Hun Sen 040 Surayud Chulanont", "Hun Sen 111 Laos", "Surayud Chulanont 111 Laos"}},
		// groups referred to by their number
		{"the three countries: the last list of three", "Peru, Chile and Bolivia signed a water accord. The three countries also criticized Brazil.",
			[]string{"Bolivia 111 Brazil", "Chile 111 Brazil", "Peru 057 Bolivia", "Peru 057 Chile", "Peru 111 Brazil"}},
		{"all three: the last list of three", "Peru, Chile and Bolivia signed a water accord. All three have criticized Brazil.",
			[]string{"Bolivia 111 Brazil", "Chile 111 Brazil", "Peru 057 Bolivia", "Peru 057 Chile", "Peru 111 Brazil"}},
		{"the four countries with no list of four name no one", "Peru, Chile and Bolivia signed a water accord. The four countries criticized Brazil.",
			[]string{"Peru 057 Bolivia", "Peru 057 Chile"}},
		// "he" after a sentence about someone the structure found
		{"he: the subject of the sentence before", "Rafael Quintero Soto criticized Evo Morales on Monday. He also accused Ecuador of smuggling.",
			[]string{"Rafael Quintero Soto 111 Evo Morales", "Rafael Quintero Soto 112 Ecuador"}},
		{"she: a woman the article said is one", "Hun Sen met Ana Ruiz, a spokeswoman for the ministry. She praised Chile.",
			[]string{"Ana Ruiz 051 Chile", "Hun Sen 040 Ana Ruiz"}},
		{"an honorific of the other gender is someone else of the name", "Carlos Ford, a businessman, criticized Peru. Mrs Ford praised Chile.",
			[]string{"Carlos Ford 111 Peru"}},
		{"a surname met before, followed by another name, is a given name", "Carlos Morris criticized Peru. Morris Dukuley praised Chile.",
			[]string{"Carlos Morris 111 Peru", "Morris Dukuley 051 Chile"}},
		{"the other side: the one of the pair the actor is not", "Violent clashes broke out between Armenia and Azerbaijan on Monday. Armenia accused the other side of shelling villages.",
			[]string{"Armenia 112 Azerbaijan", "Armenia 190 Azerbaijan"}},
		{"the last two of a list are no pair", "Turkey and Israel signed a defence pact despite criticism from Iran, Syria and Iraq. The two countries also agreed to hold naval exercises.",
			[]string{"Israel 138 -", "Turkey 030 Israel", "Turkey 057 Israel", "Turkey 138 -"}},
		{"they: a pair named long before is not who 'they' are", "Peru and Chile signed a water accord on Monday. Officials in Lima welcomed the deal. Markets rose on Tuesday. Rebel guerrillas attacked a village in the north. They seized ten hostages.",
			[]string{"Peru 057 Chile", "rebel guerrillas 181 hostages"}},
		{"an anti- or pro- adjective names no actor", "The pro-Russian majority in the Ukrainian parliament criticized Poland.",
			[]string{}},
		// adjectives sharing one noun
		{"Israeli and Palestinian negotiators: both states", "Ecuadorian and Peruvian negotiators met in Lima on Monday.",
			[]string{"Ecuador 040 Peru"}},
		{"three adjectives before one agent noun", "British, French and German diplomats criticized Iran.",
			[]string{"France 111 Iran", "Germany 111 Iran", "United Kingdom 111 Iran"}},
		{"two adjectives before a group noun", "Peruvian and Chilean activists criticized Bolivia.",
			[]string{"Chilean activists 111 Bolivia", "Peruvian activists 111 Bolivia"}},
		// hyphenated pairs before what two parties share
		{"hyphenated pair: talks", "US-China talks resumed in Geneva on Monday.", []string{"United States 046 China"}},
		{"hyphenated pair of people before a meeting", "A Sharon-Abbas meeting was held in Jerusalem.", []string{"Ariel Sharon 040 Mahmoud Abbas"}},
		{"hyphenated pair: war", "The Ethiopia-Eritrea war killed tens of thousands.", []string{"Ethiopia 190 Eritrea"}},
		{"hyphenated pair of adjectives: negotiators", "Israeli-Palestinian negotiators met in Cairo.", []string{"Israel 040 Palestine"}},
		{"hyphenated pair of adjectives: one people by origin", "Greek-Cypriot negotiators met Kofi Annan.", []string{"Cyprus 040 Kofi Annan"}},
		// multi-party events
		{"clashes between, on the verb", "Heavy clashes erupted on Sunday between Armenia and Azerbaijan.", []string{"Armenia 190 Azerbaijan"}},
		{"a war of one party is no pair", "Chile threatened to widen its war with Peru.", []string{"Chile 130 Peru"}},
		{"a meeting with two parties pairs the actor with each", "Hun Sen held a meeting with Thailand and Laos on Friday.",
			[]string{"Hun Sen 040 Laos", "Hun Sen 040 Thailand"}},
		{"a war between named parties", "Peacekeepers arrived after the war between Ethiopia and Eritrea.", []string{"Ethiopia 190 Eritrea"}},
		{"a bidding war is no war", "Two firms are locked in a bidding war between Ethiopia and Eritrea.", []string{}},
		{"a war of words is no war", "A war of words between Ethiopia and Eritrea escalated.", []string{}},
	})
}

// eventCase is a sentence written for a test and the events it must give,
// as events renders them.
type eventCase struct {
	name, text string
	want       []string
}

// checkEvents runs a table of sentences (undated) through the extractor.
func checkEvents(t *testing.T, cases []eventCase) {
	for _, tc := range cases {
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
