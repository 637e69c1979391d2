package extract

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"kg/internal/testenv"
)

// A minimal references.yaml for dictionaries built in tests.
const testReferences = "titles: [{title: President, role: head of state}]\nagents: [forces]\n"

func TestLoadDictionaryFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		check func(t *testing.T, d *Dictionary)
		err   []string // every one must be in the error
	}{
		{
			name: "a later file merges into an entry of the same id",
			files: map[string]string{
				"actors.yaml": `
countries:
  - {id: Russia, name: Russia, code: RUS, aliases: [Russian Federation], demonyms: [Russian], metonyms: [Kremlin]}
persons:
  - {id: Vladimir_Putin, name: Vladimir Putin, gender: male, aliases: [Putin], roles: [{role: head of state, country: RUS, from: 2012-05-07}]}`,
				"actors_phoenix.yaml": `
countries:
  - {"id": "Russia", "name": "Rossiya", "code": "RUS", "aliases": ["Russian Federation", "Rossiya"], "metonyms": ["State Duma"]}
persons:
  - {"id": "Vladimir_Putin", "name": "V. V. Putin", "country": "RUS", "gender": "female", "aliases": ["Vladimir Vladimirovich Putin"], "roles": [{"role": "government", "country": "RUS", "from": "1999-12-31"}]}`,
			},
			check: func(t *testing.T, d *Dictionary) {
				ru, vp := d.Entity("Russia"), d.Entity("Vladimir_Putin")
				if ru.Name != "Russia" || !reflect.DeepEqual(ru.Aliases, []string{"Russian Federation", "Russians", "Rossiya"}) || !reflect.DeepEqual(ru.Metonyms, []string{"Kremlin", "State Duma"}) {
					t.Errorf("Russia = %+v", ru)
				}
				if vp.Name != "Vladimir Putin" || vp.Gender != "male" || vp.Country != "RUS" || len(vp.Roles) != 2 {
					t.Errorf("Putin = %+v: first name and gender should stand, country fill in, roles add up", vp)
				}
				if len(d.Entities) != 2 {
					t.Errorf("%d entities, want 2", len(d.Entities))
				}
				for alias, want := range map[string]string{"Rossiya": "Russia", "State Duma": "Russia", "Vladimir Vladimirovich Putin": "Vladimir_Putin", "V. V. Putin": ""} {
					if got := lookup(d, alias); got != want {
						t.Errorf("%q names %q, want %q", alias, got, want)
					}
				}
			},
		},
		{
			name: "an alias two files give to different actors goes to the earlier file's",
			files: map[string]string{
				"actors.yaml":   "persons:\n  - {id: George_W._Bush, name: George W. Bush, aliases: [George Bush]}",
				"actors_b.yaml": "persons:\n  - {id: George_H._W._Bush, name: George H. W. Bush, aliases: [George Bush]}",
				"actors_a.yaml": "persons:\n  - {id: George_Bush_Sr, name: George Bush Sr, aliases: [George H. W. Bush]}",
			},
			check: func(t *testing.T, d *Dictionary) {
				if got := lookup(d, "George Bush"); got != "George_W._Bush" {
					t.Errorf("George Bush names %q, want actors.yaml's George_W._Bush", got)
				}
				// actors_a.yaml is read before actors_b.yaml.
				if got := lookup(d, "George H. W. Bush"); got != "George_Bush_Sr" {
					t.Errorf("George H. W. Bush names %q, want actors_a.yaml's", got)
				}
			},
		},
		{
			name: "government roles are date-bounded",
			files: map[string]string{
				"actors.yaml":         "countries:\n  - {id: Russia, name: Russia, code: RUS}",
				"actors_phoenix.yaml": `persons: [{id: Boris_Gryzlov, name: Boris Gryzlov, roles: [{role: government, country: RUS, from: 2001-03-28, to: 2003-12-25}]}]`,
			},
			check: func(t *testing.T, d *Dictionary) {
				e := d.Entity("Boris_Gryzlov")
				for date, want := range map[string]bool{"2001-03-27": false, "2001-03-28": true, "2003-12-24": true, "2003-12-25": false, "": true} {
					if got := e.RoleAt("RUS", []string{"government"}, date); got != want {
						t.Errorf("government on %q: %v, want %v", date, got, want)
					}
				}
				if e.RoleAt("RUS", []string{"head of state", "head of government"}, "2002-01-01") {
					t.Error("a government role answered for a head of state or government")
				}
			},
		},
		{
			name: "a duplicate id within one file is an error, with the file's name",
			files: map[string]string{
				"actors.yaml":         "persons:\n  - {id: A, name: A}",
				"actors_phoenix.yaml": "persons:\n  - {\"id\": \"B\", \"name\": \"B\"}\n  - {\"id\": \"B\", \"name\": \"B2\"}",
			},
			err: []string{`actors_phoenix.yaml: duplicate id "B"`},
		},
		{
			name: "every problem of every file at once",
			files: map[string]string{
				"actors.yaml": "persons:\n  - {id: A, name: A}\n  - {id: A, name: A}\n  - {id: C, name: C, roles: [{role: government, country: XYZ}]}",
				"actors_x.yaml": `
countries:
  - {id: Nowhere, name: Nowhere}
  - {id: A, name: A, code: AAA}
persons:
  - {id: "", name: Nobody}`,
				"actors_y.yaml": "persons: [unclosed",
			},
			err: []string{
				`actors.yaml: duplicate id "A"`,
				`actors.yaml: C: role in unknown country "XYZ"`,
				`actors_x.yaml: country "Nowhere" has no code`,
				`actors_x.yaml: country "A" is a person in an earlier file`,
				`actors_x.yaml: person entry "Nobody" needs id and name`,
				`actors_y.yaml: yaml:`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"references.yaml": testReferences}
			for k, v := range tc.files {
				files[k] = v
			}
			d, err := LoadDictionary(mapFS(files))
			if tc.err != nil {
				if err == nil {
					t.Fatal("no error")
				}
				for _, want := range tc.err {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error\n%v\nlacks %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, d)
		})
	}
}

// lookup returns the id of the actor a name matches as a whole, "" if none.
func lookup(d *Dictionary, name string) string {
	toks := tokenize(name, 0)
	p := d.exact.longest(toks, 0, false)
	if q := d.folded.longest(toks, 0, true); q != nil && (p == nil || q.words > p.words) {
		p = q
	}
	if p == nil || p.words != len(toks) {
		return ""
	}
	return p.entity.ID
}

// TestRulesDirWithoutGenerated: a --rules directory need not hold any
// actors_*.yaml.
func TestRulesDirWithoutGenerated(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"actors.yaml", "references.yaml", "actions.yaml", "frames.yaml"} {
		b, err := fs.ReadFile(BuiltinRules(), name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, err := NewExtractor(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if x.Dict.Entity("Vladimir_Putin") == nil || x.Dict.Entity("Helmut_Kohl") != nil {
		t.Error("want actors.yaml's actors only")
	}
}

// TestJSONLinesReadAsYAML: the fast reader of generated files must read
// them exactly as yaml.v3 does, and leave other layouts to it.
func TestJSONLinesReadAsYAML(t *testing.T) {
	for _, name := range []string{"actors_phoenix.yaml", "actors.yaml"} {
		b, err := fs.ReadFile(BuiltinRules(), name)
		if err != nil {
			t.Fatal(err)
		}
		var want ActorFile
		if err := yaml.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got, ok := jsonLines(b)
		if name == "actors.yaml" {
			if ok {
				t.Errorf("%s is not JSON lines, but jsonLines took it", name)
			}
			continue
		}
		if !ok {
			t.Fatalf("%s: jsonLines refused it", name)
		}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: jsonLines and yaml.v3 disagree", name)
		}
	}
	for _, bad := range []string{
		"persons:\n  - {\"id\": \"A\", \"name\": \"A\", \"type\": \"country\"}", // a field yaml.v3 ignores
		"persons:\n  - {\"id\": \"A\", \"name\": \"A\"} # a comment",
		"persons:\n  - {\"id\": \"A\", \"name\": \"A\"}, {\"id\": \"B\"}",
		"  - {\"id\": \"A\", \"name\": \"A\"}", // no section
		"persons: []",
		"---\npersons:\n",
	} {
		if _, ok := jsonLines([]byte(bad)); ok {
			t.Errorf("jsonLines took %q", bad)
		}
	}
}

// TestGovernmentRoleIsNoLeader: "the Samoan president" is a head of state;
// a member of the government, all Phoenix knows of most people, is not.
func TestGovernmentRoleIsNoLeader(t *testing.T) {
	files := map[string]string{"actors_test.yaml": `
countries:
  - {id: Samoa, name: Samoa, code: WSM, demonyms: [Samoan]}
persons:
  - {id: Tuilaepa_Sailele_Malielegaoi, name: Tuilaepa Sailele Malielegaoi, country: WSM, roles: [{role: government, country: WSM, from: 1998-11-23}]}`}
	for _, name := range []string{"actors.yaml", "references.yaml", "actions.yaml", "frames.yaml"} {
		b, err := fs.ReadFile(BuiltinRules(), name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	x, err := NewExtractor(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	a := ParseArticle("t.txt", "", 0, "Officials met in Apia. The Samoan president criticized NATO. Tuilaepa Sailele Malielegaoi praised Japan.")
	a.Issued = "2005-03-01"
	var got []string
	for _, e := range x.Extract(a) {
		got = append(got, e.Actor.ID+" "+e.Code)
	}
	// "The Samoan president" is Samoa's, not the minister's: no one holds
	// the office in the dictionary, so the country stands for it
	if strings.Join(got, ", ") != "Samoa 111, Tuilaepa_Sailele_Malielegaoi 051" {
		t.Errorf("events %q, want the country and the named one", got)
	}
}

// TestPhoenixActors: actors kg knows only from the generated file.
func TestPhoenixActors(t *testing.T) {
	for _, tc := range []struct{ name, issued, text, want string }{
		{"persons", "1990-06-01", "Helmut Kohl criticized Mikhail Gorbachev.", "Helmut Kohl 111 Mikhail Gorbachev 1990-06-01"},
		{"country and demonym", "", "Estonian officials accused Latvia of spying.", "Estonia 112 Latvia"},
		{"Cold War names", "", "West Germany criticized the Soviet Union.", "Germany 111 Soviet Union"},
		{"organization", "", "Amnesty International criticized Uzbekistan.", "Amnesty International 111 Uzbekistan"},
		{"armed group", "", "Turkey accused the PKK of the bombing.", "Turkey 112 PKK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(events(t, tc.text, tc.issued), "; ")
			if got != tc.want {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestPhoenixUpToDate regenerates actors_phoenix.yaml and compares it with
// the embedded one. It needs the dictionaries in ../../../shared.
func TestPhoenixUpToDate(t *testing.T) {
	const dicts = "../../../shared/peers/petrarch2/dictionaries"
	if _, err := os.Stat(dicts); err != nil {
		t.Skip("no Phoenix dictionaries at", dicts)
	}
	testenv.Long(t, "builds and runs the converter")
	out := filepath.Join(t.TempDir(), "actors_phoenix.yaml")
	cmd := exec.Command("go", "run", "./internal/phoenix", "-o", out, dicts)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := fs.ReadFile(BuiltinRules(), "actors_phoenix.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("rules/actors_phoenix.yaml is stale (actors.yaml or the converter changed): run go generate ./internal/extract")
	}
}

// BenchmarkLoadDictionary loads the built-in dictionary, actors_phoenix.yaml
// included, as every kg command does at start.
func BenchmarkLoadDictionary(b *testing.B) {
	fsys := BuiltinRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDictionary(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// The PETRARCH/Phoenix dictionaries write names without hyphens; the
// text's spelling is the one to label the actor with.
func TestWrittenName(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"Jean Pierre Raffarin", "Prime Minister Jean-Pierre Raffarin", "Jean-Pierre Raffarin"},
		{"Kim Jong Un", "Kim Jong-un", "Kim Jong-un"},
		{"Ellen Johnson Sirleaf", "Liberia's Ellen Johnson-Sirleaf said", "Ellen Johnson-Sirleaf"},
		{"Jean Pierre Raffarin", "Jean Pierre Raffarin", ""},                 // spelled as the dictionary does
		{"Jean Pierre Raffarin", "Jean-Pierre Raffarin-Smith", ""},           // another, longer name
		{"Lee Teng", "Lee Teng-hui", ""},                                     // part of a name
		{"Ahmed Ali", "Ahmed-Ali", "Ahmed-Ali"},                              // the whole text
		{"Hamas", "pro-Hamas", ""},                                           // no space to stand for a hyphen
		{"Johnson Sirleaf", "Mrs Johnson-Morris and Mr Sirleaf", ""},         // different words
		{"Ellen Johnson Sirleaf", "Johnson-Sirleaf said", "Johnson-Sirleaf"}, // the double surname alone
		{"Ellen Johnson Sirleaf", "Ellen-Johnson said", ""},                  // not its last two words
	} {
		e := &Entity{Name: tc.name, Type: Person}
		if got := e.WrittenName(tc.text); got != tc.want {
			t.Errorf("%q in %q: got %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}
