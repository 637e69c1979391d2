package eval

import (
	"reflect"
	"strings"
	"testing"
)

// petr2Sample mimics the quirks of PETR2_GSR_validation.xml: a "#" banner,
// self-closed <Sentence/> tags followed by their content, a commented-out
// record and a comment spanning a <Parse>, an empty <Text> with a parse,
// agent suffixes, "---" and "~" actors.
const petr2Sample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
#####################
#   PETRARCH-2 VALIDATION RECORDS
#####################
<Sentences>
<Sentence category="AFP" date="20080806" id="AFP_1" evaluate="true"/>
<EventCoding eventcode="046" sourcecode="LBNGOV" targetcode="USAMIL" />
<EventCoding eventcode="046" sourcecode="USAMIL" targetcode="LBNGOV" />
<Text>
The US commander held talks with President Michel Suleiman
in Beirut &amp; Tyre.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
2	commander	commander	NOUN	NN	_	3	nsubj	_	_
3	held	hold	VERB	VBD	_	0	root	_	_
</Parse>
</Sentence>
<!-- <Sentence category="AFP" date="20080806" id="COMMENTED" evaluate="true"/> -->
<Sentence category="AFP" date="20080806" id="AFP_2" evaluate="true">
<!-- Discard event on "1994" -->
<EventCoding noevents="True" />
<Text>
France condemned the allegations.
</Text>
<!---
<Parse>
1	France	France	PROPN	NNP	_	2	nsubj	_	_
</Parse>-->
</Sentence>
<Sentence category="OTHER" date="121108" id="EMPTY_TEXT" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="~REB" targetcode="IGOUNO" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
</Parse>
<Sentence category="TEST" date="20150609" id="NO_TARGET" evaluate="true"/>
<EventCoding eventcode="036" sourcecode="IGOCOPITP" targetcode="---" />
<Text>Interpol will send a team.</Text>
<Sentence category="TEST" date="20150609" id="SKIPPED" evaluate="false"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="RUS" />
<Text>Skipped: not evaluated.</Text>
<Sentence category="TEST" date="20150609" id="UNCODED" evaluate="true"/>
<Text>Skipped: no EventCoding, as in validation.py.</Text>
</Sentences>
</Validation>
`

func TestReadPETR2(t *testing.T) {
	got, err := ReadPETR2(strings.NewReader(petr2Sample))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{
			Suite: "petr2", ID: "AFP_1", Category: "AFP", Date: "2008-08-06",
			Text: "The US commander held talks with President Michel Suleiman in Beirut & Tyre.",
			Hint: "hold",
			Expected: []Coding{
				{Event: "046", Source: "LBNGOV", Target: "USAMIL", Key: Key{"LBN", "USA", "04"}},
				{Event: "046", Source: "USAMIL", Target: "LBNGOV", Key: Key{"USA", "LBN", "04"}},
			},
		},
		{Suite: "petr2", ID: "AFP_2", Category: "AFP", Date: "2008-08-06", Text: "France condemned the allegations."},
		{
			Suite: "petr2", ID: "EMPTY_TEXT", Category: "OTHER", Date: "",
			Text: "Boko Haram attacked.", Hint: "attack",
			Expected: []Coding{{Event: "190", Source: "---REB", Target: "IGOUNO", Key: Key{"", "", "19"}}},
		},
		{
			Suite: "petr2", ID: "NO_TARGET", Category: "TEST", Date: "2015-06-09", Text: "Interpol will send a team.",
			Expected: []Coding{{Event: "036", Source: "IGOCOPITP", Target: "---", Key: Key{"", Any, "03"}}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
	if !got[1].NoEvent() || got[0].NoEvent() {
		t.Error("NoEvent wrong")
	}
}

func TestReadPETR2Errors(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":        ``,
		"not petr2":    `{"id": 1}`,
		"bad code":     `<Sentence id="x" evaluate="true"/><EventCoding eventcode="ABC" sourcecode="USA" targetcode="RUS"/><Text>x</Text>`,
		"no text":      `<Sentence id="x" evaluate="true"/><EventCoding eventcode="040" sourcecode="USA" targetcode="RUS"/>`,
		"no id":        `<Sentence evaluate="true"/><EventCoding eventcode="040" sourcecode="USA" targetcode="RUS"/><Text>x</Text>`,
		"missing code": `<Sentence id="x" evaluate="true"/><EventCoding sourcecode="USA" targetcode="RUS"/><Text>x</Text>`,
	} {
		if _, err := ReadPETR2(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCountryOfCode(t *testing.T) {
	for code, want := range map[string]string{
		"USAGOV":       "USA",
		"usa":          "USA",
		"PSEGZACVL":    "PSE",
		"IGOUNOMIL":    "",
		"IMGMUSISI":    "",
		"NGO":          "",
		"---REB":       "",
		"---":          Any,
		"":             Any,
		" ":            Any,
		"JAP":          "JPN", // PLOVER's old CAMEO spelling
		"ITL":          "ITA",
		"KSV":          "XKX",
		"XYZ":          "",
		"US":           "",
		"SOMUAF":       "SOM",
		"PSEREBHMSGOV": "PSE",
	} {
		if got := CountryOfCode(code); got != want {
			t.Errorf("CountryOfCode(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestConllu(t *testing.T) {
	parse := "# text = x\n1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n" +
		"4\tsaying\tsay\tVERB\tVBG\t_\t2\txcomp\t_\t_\n5\tleave\tleave\tVERB\tVB\t_\t4\txcomp\t_\t_\n"
	if got := conlluText(parse); got != "He said, saying leave" {
		t.Errorf("conlluText = %q", got)
	}
	if got := conlluVerbs(parse); !reflect.DeepEqual(got, []string{"say", "leave"}) {
		t.Errorf("conlluVerbs = %q", got)
	}
}
