package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"kg/internal/extract"
	"kg/internal/testenv"
)

// fixtureModules is a node_modules directory with a dataset written for the
// tests: real codes, so that the cases read like the news they guard.
func fixtureModules() fstest.MapFS {
	pkg := func(name, version string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf(`{"name": %q, "version": %q}`, name, version))}
	}
	return fstest.MapFS{
		"countries-list/package.json":   pkg("countries-list", "3.4.1"),
		"i18n-nationality/package.json": pkg("i18n-nationality", "1.4.0"),
		"countries-list/countries.min.json": {Data: []byte(`{
			"NE": {"name": "Niger", "capital": "Niamey"},
			"CI": {"name": "Ivory Coast", "alias": ["Cote d'Ivoire"], "capital": "Yamoussoukro"},
			"BA": {"name": "Bosnia and Herzegovina", "capital": "Sarajevo"},
			"CD": {"name": "Democratic Republic of the Congo", "alias": ["Zaire", "DRC"], "capital": "Kinshasa"},
			"CG": {"name": "Republic of the Congo", "capital": "Brazzaville"},
			"JM": {"name": "Jamaica", "capital": "Kingston"},
			"NF": {"name": "Norfolk Island", "capital": "Kingston"},
			"MV": {"name": "Maldives", "capital": "Malé"},
			"SC": {"name": "Seychelles", "capital": "Victoria"},
			"BE": {"name": "Belgium", "capital": "Brussels"},
			"BF": {"name": "Burkina Faso", "alias": ["Upper Volta"], "capital": "Ouagadougou"},
			"DJ": {"name": "Djibouti", "capital": "Djibouti"},
			"AG": {"name": "Antigua and Barbuda", "capital": "Saint John's"},
			"MD": {"name": "Moldova", "capital": "Chișinău"},
			"GL": {"name": "Greenland", "capital": "Nuuk"},
			"GE": {"name": "Georgia", "capital": "Tbilisi"},
			"TL": {"name": "East Timor", "alias": ["Timor-Leste"], "capital": "Dili"}
		}`)},
		"countries-list/minimal/countries.2to3.min.json": {Data: []byte(`{"NE": "NER", "CI": "CIV", "BA": "BIH",
			"CD": "COD", "CG": "COG", "JM": "JAM", "NF": "NFK", "MV": "MDV", "SC": "SYC", "BE": "BEL", "BF": "BFA",
			"DJ": "DJI", "AG": "ATG", "MD": "MDA", "GL": "GRL", "GE": "GEO", "TL": "TLS"}`)},
		"i18n-nationality/langs/en.json": {Data: []byte(`{"locale": "en", "nationalities": {
			"NE": "Nigerien", "CI": "Ivorian", "BA": "Bosnian - Herzegovinian",
			"CD": "Congolese (Democratic Republic of the Congo)", "CG": "Congolese (Republic of the Congo)",
			"JM": "Jamaican", "MV": "Maldivan", "DJ": "Djibouti", "AG": "Antiguans", "GE": "Georgian",
			"TL": "East Timorese"}}`)},
	}
}

// fixtureRules are the rule files loaded before actors_world.yaml.
func fixtureRules() fstest.MapFS {
	return fstest.MapFS{
		"references.yaml": {Data: []byte("titles: [{title: President, role: head of state}]\n")},
		"actors.yaml": {Data: []byte(`countries:
  - {id: Niger, name: Niger, code: NER}
  - {id: Georgia, name: Georgia, code: GEO, demonyms: [Georgian], metonyms: [Tbilisi]}
  - {id: Democratic_Republic_of_the_Congo, name: Democratic Republic of the Congo, code: COD, demonyms: [Congolese]}
persons:
  - {id: Victoria_Iftodi, name: Victoria Iftodi}
  - {id: Victoria_Mata, name: Victoria Mata}
  - {id: Amilcar_Lima, name: Amilcar Lima}
organizations:
  - {id: European_Union, name: European Union, metonyms: [Brussels]}
`)},
		"actors_phoenix.yaml": {Data: []byte(`countries:
  - {"id": "Cote_d'Ivoire", "name": "Cote d'Ivoire", "code": "CIV"}
  - {"id": "Bosnia_and_Herzegovina", "name": "Bosnia and Herzegovina", "code": "BIH"}
  - {"id": "Republic_of_the_Congo", "name": "Republic of the Congo", "code": "COG"}
  - {"id": "Jamaica", "name": "Jamaica", "code": "JAM"}
  - {"id": "Maldives", "name": "Maldives", "code": "MDV"}
  - {"id": "Seychelles", "name": "Seychelles", "code": "SYC"}
  - {"id": "Belgium", "name": "Belgium", "code": "BEL"}
  - {"id": "Burkina_Faso", "name": "Burkina Faso", "code": "BFA"}
  - {"id": "Djibouti", "name": "Djibouti", "code": "DJI"}
  - {"id": "Antigua_and_Barbuda", "name": "Antigua and Barbuda", "code": "ATG"}
  - {"id": "Transnistria", "name": "Transnistria", "code": "MDA"}
  - {"id": "Timor_Leste", "name": "Timor Leste", "code": "TLS"}
`)},
		// A later file: not read, whatever it says.
		"actors_zz.yaml": {Data: []byte("countries:\n  - {id: Niger, name: Niger, code: NER, metonyms: [Niamey]}\n")},
	}
}

// TestConvert runs the whole generation on the fixtures: what is added to
// which country, and what is refused and why.
func TestConvert(t *testing.T) {
	res, err := generate(fixtureModules(), fixtureRules())
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.yaml)
	got := out[strings.Index(out, "\ncountries:"):]
	want := `
countries:
  - {"id": "Antigua_and_Barbuda", "name": "Antigua and Barbuda", "code": "ATG", "metonyms": ["Saint John's"], "demonyms": ["Antiguan"]}
  - {"id": "Bosnia_and_Herzegovina", "name": "Bosnia and Herzegovina", "code": "BIH", "metonyms": ["Sarajevo"], "demonyms": ["Bosnian", "Herzegovinian"]}
  - {"id": "Burkina_Faso", "name": "Burkina Faso", "code": "BFA", "metonyms": ["Ouagadougou"]}
  - {"id": "Cote_d'Ivoire", "name": "Cote d'Ivoire", "code": "CIV", "aliases": ["Ivory Coast"], "metonyms": ["Yamoussoukro"], "demonyms": ["Ivorian"]}
  - {"id": "Democratic_Republic_of_the_Congo", "name": "Democratic Republic of the Congo", "code": "COD", "aliases": ["DRC"], "metonyms": ["Kinshasa"]}
  - {"id": "Jamaica", "name": "Jamaica", "code": "JAM", "demonyms": ["Jamaican"]}
  - {"id": "Maldives", "name": "Maldives", "code": "MDV", "metonyms": ["Malé"], "demonyms": ["Maldivan"]}
  - {"id": "Niger", "name": "Niger", "code": "NER", "metonyms": ["Niamey"], "demonyms": ["Nigerien"]}
  - {"id": "Republic_of_the_Congo", "name": "Republic of the Congo", "code": "COG", "metonyms": ["Brazzaville"]}
  - {"id": "Timor_Leste", "name": "Timor Leste", "code": "TLS", "aliases": ["East Timor", "Timor-Leste"], "metonyms": ["Dili"], "demonyms": ["East Timorese"]}
`
	if got != want {
		t.Errorf("got:%s\nwant:%s", got, want)
	}
	// Every refusal, by reason, as the header lists it.
	for _, line := range []string{
		"#   entry skipped, its code's country in the earlier files has none of its names (a Phoenix record of another polity): 1\n#     Moldova (MDA: Transnistria)\n",
		"#   entry skipped, no country of its code in actors.yaml or actors_phoenix.yaml (territories, the Holy See: CAMEO has no code for them): 2\n#     Greenland (GRL), Norfolk Island (NFK)\n",
		"#   refused, a demonym that is the country's name: 1\n#     Djibouti (DJI nationality)\n",
		"#   refused, a one-word name that is a common English word: 1\n#     Male (MDV capital)\n",
		"#   refused, a one-word name that is a word of two people's names in the dictionary: 1\n#     Victoria (SYC capital: Victoria_Iftodi, Victoria_Mata)\n",
		"#   refused, already names another actor in actors.yaml or actors_phoenix.yaml: 2\n" +
			"#     Brussels (BEL capital: European_Union),\n" +
			"#     Congolese (COG nationality: Democratic_Republic_of_the_Congo)\n",
		"#   refused, an alias that is no form of the country's names (a former, regional or other name): 2\n#     Upper Volta (BFA alias), Zaire (COD alias)\n",
		"#   refused, given to more than one entry of the dataset: 1\n#     Kingston (JAM capital: JAM, NFK)\n",
		"#   written: 10 countries, 4 aliases, 9 metonyms (capitals), 8 demonyms\n",
		// Djibouti's capital is its name; Georgia has Tbilisi and Georgian.
		"#   left out, the country has them already: 17 names\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("header lacks\n%s", line)
		}
	}
	if t.Failed() {
		t.Log(out[:strings.Index(out, "\ncountries:")])
	}
}

// TestGeneratedLoads: kg's loader reads the generated file after the
// earlier ones, merging each entry into its country.
func TestGeneratedLoads(t *testing.T) {
	res, err := generate(fixtureModules(), fixtureRules())
	if err != nil {
		t.Fatal(err)
	}
	rules := fixtureRules()
	delete(rules, "actors_zz.yaml")
	rules[outFile] = &fstest.MapFile{Data: res.yaml}
	d, err := extract.LoadDictionary(rules)
	if err != nil {
		t.Fatal(err)
	}
	niger := d.CountryByCode("NER")
	if niger == nil || !strings.Contains(fmt.Sprint(niger.Metonyms, niger.Demonyms), "[Niamey] [Nigerien]") {
		t.Errorf("Niger after loading: %+v", niger)
	}
	if n := len(d.Entities); n != 19 {
		t.Errorf("%d actors, want the 19 of the earlier files: the generated file adds none", n)
	}
}

// TestDeterministic: the dataset's JSON objects are maps, read in random
// order; the output must not depend on it.
func TestDeterministic(t *testing.T) {
	first, err := generate(fixtureModules(), fixtureRules())
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := generate(fixtureModules(), fixtureRules())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.yaml, again.yaml) {
			t.Fatal("two generations differ")
		}
	}
}

func TestIsFormOf(t *testing.T) {
	for _, tc := range []struct {
		alias string
		names []string
		want  bool
	}{
		{"DRC", []string{"Democratic Republic of the Congo"}, true},
		{"DROTC", []string{"Democratic Republic of the Congo"}, true},
		{"UAE", []string{"United Arab Emirates"}, true},
		{"U.A.E.", []string{"United Arab Emirates"}, true},
		{"Viet Nam", []string{"Vietnam"}, true},
		{"Republic of Korea", []string{"Korea"}, true},
		{"Timor-Leste", []string{"Timor Leste"}, true},
		{"Cote d'Ivoire", []string{"Ivory Coast"}, false},
		{"Zaire", []string{"Democratic Republic of the Congo", "DR Congo"}, false},
		{"Gold Coast", []string{"Ghana"}, false},
		{"Moldavia", []string{"Moldova"}, false},
		{"Kyrgyz Republic", []string{"Kyrgyzstan"}, false},
		{"Emirates", []string{"United Arab Emirates"}, false},
		{"Dc", []string{"Democratic Congo"}, false}, // not in capitals
	} {
		if got := isFormOf(tc.alias, tc.names); got != tc.want {
			t.Errorf("isFormOf(%q, %q) = %v, want %v", tc.alias, tc.names, got, tc.want)
		}
	}
}

func TestDemonyms(t *testing.T) {
	c := &converter{}
	for _, tc := range []struct{ name, nationality, want string }{
		{"Niger", "Nigerien", "Nigerien"},
		{"Bosnia and Herzegovina", "Bosnian - Herzegovinian", "Bosnian|Herzegovinian"},
		{"Trinidad and Tobago", "Trinidadian or Tobagonian", "Trinidadian|Tobagonian"},
		{"Saint Kitts and Nevis", "Kittian and Nevisian", "Kittian|Nevisian"},
		{"Republic of the Congo", "Congolese (Republic of the Congo)", "Congolese"},
		{"Antigua and Barbuda", "Antiguans", "Antiguan"},
		{"Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines"}, // whole, to be refused
		{"Swiss", "Swiss", "Swiss"},
	} {
		got := strings.Join(c.demonyms(&entry{Name: tc.name, Nationality: tc.nationality}), "|")
		if got != tc.want {
			t.Errorf("demonyms(%q) = %q, want %q", tc.nationality, got, tc.want)
		}
	}
}

// TestBadDataset: a dataset that is not the pinned one, or is broken,
// is an error naming the file, never a half-written dictionary.
func TestBadDataset(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"other version", "countries-list/package.json", `{"version": "3.0.0"}`, "countries-list is version 3.0.0, want 3.4.1"},
		{"broken JSON", "countries-list/countries.min.json", `{"NE": `, "countries-list/countries.min.json: unexpected end of JSON input"},
		{"no alpha-3", "countries-list/minimal/countries.2to3.min.json", `{}`, "NE has no alpha-3 code"},
		{"other locale", "i18n-nationality/langs/en.json", `{"locale": "de"}`, `locale "de", want en`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixtureModules()
			m[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, err := generate(m, fixtureRules())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestUpToDate: the installed dataset generates the committed
// rules/actors_world.yaml, and twice the same bytes (KG_LONG_TESTS=1).
func TestUpToDate(t *testing.T) {
	modules := datasetOrSkip(t)
	rules := os.DirFS("../../rules")
	a, err := generate(modules, rules)
	if err != nil {
		t.Fatal(err)
	}
	if testenv.IsLong() { // a second generation costs as much again
		b, err := generate(modules, rules)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.yaml, b.yaml) {
			t.Fatal("two generations differ")
		}
	}
	committed, err := fs.ReadFile(rules, outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.yaml, committed) {
		t.Error("rules/actors_world.yaml is stale (actors.yaml, actors_phoenix.yaml or the generator changed): run go generate ./internal/extract")
	}
}

// TestBuiltinRules: kg's built-in rules, with actors_world.yaml, read the
// new names in sentences written for the test; the refused ones stay
// unread.
func TestBuiltinRules(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every rule file")
	}
	x, err := extract.NewExtractor(os.DirFS("../../rules"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, actor, target string }{
		{"Niamey accused Paris of interference.", "Niger", "France"},                   // capital
		{"Freetown accused Monrovia of arming the rebels.", "Sierra Leone", "Liberia"}, // two capitals
		{"Kigali expelled the French ambassador.", "Rwanda", ""},
		{"Nigerien police arrested two opposition leaders.", "Niger", ""}, // demonym + agent noun
		{"Finnish troops withdrew from Lebanon.", "Finland", "Lebanon"},
		{"Ghana accused Ivory Coast of harbouring rebels.", "Ghana", "Cote d'Ivoire"}, // current name
		{"Male police arrested two journalists.", "-", ""},                            // refused: an English word
		{"Victoria criticized the plan.", "-", ""},                                    // refused: a given name
	} {
		a := extract.ParseArticle("test.txt", "", 0, tc.text)
		a.Issued = "2020-01-06"
		evs := x.Extract(a)
		var got []string
		ok := tc.actor == "-" && len(evs) == 0
		for _, e := range evs {
			tgt := ""
			if e.Target != nil {
				tgt = e.Target.Name
			}
			got = append(got, e.Actor.Name+" → "+tgt)
			if (tc.actor == "" || e.Actor.Name == tc.actor) && (tc.target == "" || tgt == tc.target) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s\n got %q\nwant actor %q, target %q", tc.text, got, tc.actor, tc.target)
		}
	}
}
