package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"kg/internal/testenv"
)

// dicts is the shared copy of PETRARCH's dictionaries, next to the
// repository.
const dicts = "../../../../../shared/peers/petrarch2/dictionaries"

func TestParsePattern(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"* AID", "| * AID", ""},
		{"&MILITARY *", "&MILITARY | *", ""},
		{"* {ARMS SHIPMENT}", "| * {ARMS SHIPMENT}", ""},
		{"* POLICE (TO BORDER)", "| * POLICE (TO BORDER)", ""},
		{"* (TO {BANNED PARTIES}) $", "| * (TO {BANNED PARTIES}) $", ""},
		{"+ INSPECTOR * (INTO $)", "+ INSPECTOR | * (INTO $)", ""},
		{"* (TO )", "| * (TO)", ""},
		{"* (IN { DEVELOPMENT})", "| * (IN DEVELOPMENT)", ""},
		{"* OFF (FROM ^)", "| * OFF (FROM ^)", ""},
		{"* AID", "| * AID", ""},
		{"AID", "", "no verb"},
		{"* * AID", "", "two verbs"},
		{"* (TO BORDER", "", "unclosed ("},
		{"* {ARMS (TO)}", "", `"(" inside {...}`},
		{"* ($ X)", "", "does not start with a preposition"},
		{"* ((TO X))", "", "unopened )"},
	} {
		p, err := parsePattern(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parsePattern(%q): error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parsePattern(%q): %v", tc.in, err)
			continue
		}
		var got []string
		for _, e := range p.pre {
			got = append(got, e.String())
		}
		got = append(got, "|", "*")
		for _, e := range p.post {
			got = append(got, e.String())
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("parsePattern(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestNounLemma(t *testing.T) {
	for in, want := range map[string]string{
		"SANCTIONS": "sanction", "ALLIES": "ally", "TIES": "tie", "GUNMEN": "gunman", "CHURCHES": "church",
		"TAXES": "tax", "CRISIS": "crisis", "CRISES": "crisis", "NEWS": "news", "STATUS": "status",
		"CEASE-FIRES": "cease-fire", "HEADQUARTERS": "headquarters", "AID": "aid", "ARMS": "arm",
		"POLITICS": "politics", "HEADACHES": "headache", "GAS": "gas",
	} {
		if got := nounLemma(in); got != want {
			t.Errorf("nounLemma(%q) = %q, want %q", in, got, want)
		}
	}
}

// dictHead is the synonym sets the snippets below use.
const dictHead = `####### SYNONYM SETS #######
&WEAPON
+MISSILE
+ROCKETS
+CRUISE_MISSILE

&AIRCRAFT
# a comment between a set's name and its words
+PLANE
+HELICOPTER

####### VERB PATTERNS #######
`

// convertSnippet converts a dictionary made of dictHead and body with the
// given overrides and hand-written frames.yaml.
func convertSnippet(t *testing.T, body, overridesYAML, handYAML string) *result {
	t.Helper()
	ov, err := readOverrides("overrides.yaml", []byte(overridesYAML))
	if err != nil {
		t.Fatal(err)
	}
	rules := fstest.MapFS{}
	if handYAML != "" {
		rules["frames.yaml"] = &fstest.MapFile{Data: []byte(handYAML)}
	}
	res, err := convertDictionary(strings.NewReader(dictHead+body), ov, rules, []string{"test"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// show renders a frame compactly for comparisons.
func show(f *frame) string {
	s := fmt.Sprintf("%s %s %v", f.id, f.code, f.lemmas)
	for _, kv := range []struct {
		k string
		v []string
	}{{"s", f.subject}, {"o", f.object}, {"pp", f.pp}, {"a", f.actor}, {"t", f.target}} {
		if kv.v != nil {
			s += fmt.Sprintf(" %s=%v", kv.k, kv.v)
		}
	}
	if f.symmetric {
		s += " sym"
	}
	if f.intent {
		s += " intent"
	}
	return s
}

// wantFrames compares the frames written with want, as show renders them.
func wantFrames(t *testing.T, res *result, want []string) {
	t.Helper()
	var got []string
	for _, f := range res.frames {
		got = append(got, show(f))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// The default target list, as show renders it: with and without the
// object.
const (
	tAll   = "[object iobj with against to on at into toward towards upon]"
	tNoObj = "[iobj with against to on at into toward towards upon]"
)

// Each pattern shape of the dictionary, as a frame or a reason to skip.
func TestConvertShapes(t *testing.T) {
	const block = "---  RUSH   [---]  ---\nRUSH\nSPEED {SPEEDING SPEEDS SPED }\n"
	for _, tc := range []struct {
		name, body string
		want       []string // frames, or the skip reason
	}{
		{"object", "- * AID   [070]   # RUSH", []string{"petrarch.rush.aid 070 [rush speed] o=[aid] t=" + tNoObj}},
		{"plural object is a lemma", "- * SANCTIONS [163]", []string{"petrarch.rush.sanction 163 [rush speed] o=[sanction] t=" + tNoObj}},
		{"compound noun", "- * {ARMS SHIPMENT} [072]", []string{"petrarch.rush.arm_shipment 072 [rush speed] o=[arm shipment] t=" + tNoObj}},
		{"synonym set", "- * &WEAPON [194]", []string{"petrarch.rush.weapon 194 [rush speed] o=[$petrarch_weapon] t=" + tNoObj}},
		{"set inside a compound", "- * {FIGHTER &AIRCRAFT} [072]", []string{"petrarch.rush.fighter_aircraft 072 [rush speed] o=[fighter plane fighter helicopter] t=" + tNoObj}},
		{"subject", "- &WEAPON * [190]", []string{"petrarch.rush.weapon.* 190 [rush speed] s=[$petrarch_weapon] t=" + tAll}},
		{"bare preposition holds the target", "- * (TO) [042]", []string{"petrarch.rush.to 042 [rush speed] pp=[to] t=[to object iobj with against on at into toward towards upon]"}},
		{"prepositional phrase with a noun", "- * POLICE (TO BORDER) [153]", []string{"petrarch.rush.police.to_border 153 [rush speed] o=[police] pp=[to border] t=" + tNoObj}},
		{"two phrases, article dropped", "- * (TO A LIST) (OF {BANNED PARTIES}) [1722]", []string{"petrarch.rush.to_list.of_banned_party 1722 [rush speed] pp=[to list of banned party] t=" + tAll}},
		{"any phrase (^)", "- * (FROM ^) [042]", []string{"petrarch.rush.from 042 [rush speed] pp=[from] t=" + tAll}},
		{"symmetric [A:A]", "- * &WEAPON [062:062]", []string{"petrarch.rush.weapon 062 [rush speed] o=[$petrarch_weapon] t=" + tNoObj + " sym"}},
		{"[A:B] codes A", "- * (TO) [042:043]", []string{"petrarch.rush.to 042 [rush speed] pp=[to] t=[to object iobj with against on at into toward towards upon]"}},
		{"[:B] is passive", "- * (BEFORE COURT) [:173]", []string{"skip: preposition kg frames do not know"}},
		{"[:B] reads subject as target", "- * (AT HEARING) [:173]", []string{"petrarch.rush.at_hearing 173 [rush speed] pp=[at hearing] a=[from by] t=[subject]"}},
		{"intent", "- * AID [033]", []string{"petrarch.rush.aid 033 [rush speed] o=[aid] t=" + tNoObj + " intent"}},
		{"target marker in a phrase", "- * TROOP (INTO +) [192]", []string{"petrarch.rush.troop.into 192 [rush speed] o=[troop] pp=[into] t=[into]"}},
		{"source and target markers", "- + INSPECTOR * (INTO $) [0862]", []string{"petrarch.rush.inspector.*.into 0862 [rush speed] s=[inspector] pp=[into] a=[into] t=[subject]"}},
		{"indirect object target", "- * + HOURS [139]", []string{"petrarch.rush.hour 139 [rush speed] o=[hour] t=[iobj] intent"}},
		{"particle for the verb the comment names", "- * OFF &WEAPON [183]  # SPEED", []string{"petrarch.rush.off.weapon 183 [speed off] o=[$petrarch_weapon] t=" + tNoObj}},
		{"particle written as a phrase", "- * (ASIDE RIFT) [030]  # RUSH", []string{"petrarch.rush.aside.rift 030 [rush aside] o=[rift] t=" + tNoObj + " intent"}},
		{"no-event code", "- * INCIDENTS [---]", []string{"skip: no-event code [---] (kg frames have no null code)"}},
		{"TABARI word order", "- * FROM $ TO + [0311]", []string{"skip: a bare preposition or function word after the verb (TABARI word order)"}},
		{"two objects", "- * RESTOR PEACE [050]", []string{"skip: two noun phrases after the verb"}},
		{"phrase before the verb", "- (IN ^) * AID [070]", []string{"skip: prepositional phrase before the verb"}},
		{"undefined set", "- * &NOTHING [070]", []string{"skip: an undefined synonym set after the verb"}},
		{"code glued to the pattern", "- * VENTURE (WITH VISIT)    VISIT)[042:043]", []string{"skip: malformed: code not separated from the pattern by a blank"}},
		{"unknown code read as its root", "- * AID [0799]", []string{"petrarch.rush.aid 070 [rush speed] o=[aid] t=" + tNoObj}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := convertSnippet(t, block+tc.body+"\n", "", "")
			var got []string
			for _, f := range res.frames {
				if f.pattern != nil {
					got = append(got, show(f))
				}
			}
			for k := range res.stats.patternSkips {
				got = append(got, "skip: "+k)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// Verbs: their own codes, multi-word verbs, the first block keeping a
// verb, and the last of two patterns stating the same words winning.
func TestConvertVerbs(t *testing.T) {
	const body = `---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
GRILL [110]
WONDER
+WAGE_WAR [190]
+CALL_OFF [160]
+KILLED_AND {}
- * SUPPORT [020]
- * SUPPORT [022]
- * {MOCK ATTACKS} [150]
- * {MOCK ATTACK} [062:062]

---  QUESTION   [---]  ---
ASK [090]
QUESTION [090]
`
	res := convertSnippet(t, body, "", "")
	wantFrames(t, res, []string{
		"petrarch.ask/ask_for 020 [ask] pp=[for] t=" + tAll,
		"petrarch.ask/ask 020 [ask] t=" + tAll,
		"petrarch.ask/grill 110 [grill] t=" + tAll,
		"petrarch.ask/call_off 160 [call off] t=" + tAll,
		"petrarch.ask/wage_war 190 [wage] o=[war] t=" + tNoObj,
		"petrarch.ask.support+for 022 [ask] o=[support] pp=[for] t=" + tNoObj,
		"petrarch.ask.support 022 [ask grill wonder call off] o=[support] t=" + tNoObj,
		"petrarch.ask.mock_attack+for 062 [ask] o=[mock attack] pp=[for] t=" + tNoObj + " sym",
		"petrarch.ask.mock_attack 062 [ask grill wonder call off] o=[mock attack] t=" + tNoObj + " sym",
		"petrarch.question/question 090 [question] t=" + tAll,
	})
	if n := res.stats.verbSkips["listed in an earlier block, which PETRARCH keeps"]; n != 1 {
		t.Errorf("%d verbs left to an earlier block, want 1 (ASK)", n)
	}
	if res.stats.shadowed != 4 {
		t.Errorf("%d frames shadowed, want 4 (SUPPORT and MOCK ATTACK, each for two groups)", res.stats.shadowed)
	}
}

// Overrides recode, drop or keep frames, the most specific one deciding.
func TestOverrides(t *testing.T) {
	const body = `---  SAY   [010]  ---
SAY
STATE
- * (WITH REGRET) [018]
- * THREAT [130]

---  ACCUSE   [112]  ---
ACCUSE
BLAME
CHARGE
- * (OF {WAR CRIMES}) [112]
- * (OF GENOCIDE) [1125]
`
	const ovYAML = `
codes:
  "018": {drop: true, why: "an empathetic comment is not coded"}
  "112": {code: "111", why: "test: recode a code"}
blocks:
  SAY: {drop: true, why: "a reporting verb is not an event"}
defaults:
  ACCUSE: {keep: true, why: "test: the bare verb keeps its code"}
verbs:
  CHARGE: {drop: true, why: "test: a verb's own decision wins over its block's defaults"}
  BLAME: {code: "111", why: "test: a verb recoded"}
  STATE: {lemma: declare, why: "test: a verb read as another lemma"}
patterns:
  17: {pattern: "* THREAT", code: "138", why: "test: a pattern's own decision wins over its block's"}
`
	res := convertSnippet(t, body, ovYAML, "")
	wantFrames(t, res, []string{
		"petrarch.say.threat 138 [say declare] o=[threat] t=" + tNoObj + " intent",
		"petrarch.accuse/accuse 112 [accuse] t=" + tAll,
		"petrarch.accuse/blame 111 [blame] t=" + tAll,
		"petrarch.accuse.of_war_crime 111 [accuse blame charge] pp=[of war crime] t=" + tAll,
		"petrarch.accuse.of_genocide 1125 [accuse blame charge] pp=[of genocide] t=" + tAll,
	})
	if o := res.stats.overridden; o["kept"] != 1 || o["recoded"] != 3 || o["dropped"] != 3 {
		t.Errorf("overridden %v, want 1 kept, 3 recoded, 3 dropped", o)
	}
}

// A pattern kept for some verbs of its block only, with its own target,
// and a recode that sets the direction.
func TestOverridesNarrow(t *testing.T) {
	const body = `---  GO_SOMEWHERE   [040]  ---
GO
LEAVE
DEPART
- * (FOR) [042:043]  # DEPART
- * (TO STOP) [036:036]
`
	const ovYAML = `
patterns:
  17: {pattern: "* (FOR)", keep: true, lemmas: [leave, depart], target: [for], why: "test: written for DEPART"}
  18: {pattern: "* (TO STOP)", code: "042", symmetric: false, why: "test: a visit has a direction"}
`
	res := convertSnippet(t, body, ovYAML, "")
	wantFrames(t, res, []string{
		"petrarch.go_somewhere/go 040 [go leave depart] t=" + tAll,
		"petrarch.go_somewhere.for 042 [leave depart] pp=[for] t=[for]",
		"petrarch.go_somewhere.to_stop 042 [go leave depart] pp=[to stop] t=" + tAll,
	})
	if o := res.stats.overridden; o["narrowed"] != 1 || o["recoded"] != 1 {
		t.Errorf("overridden %v, want 1 narrowed, 1 recoded", o)
	}

	// A lemma the pattern does not apply to is an error (a typo would
	// otherwise drop the pattern for every verb).
	ov, err := readOverrides("overrides.yaml", []byte(`patterns:
  17: {pattern: "* (FOR)", keep: true, lemmas: [depart, deaprt], why: x}
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = convertDictionary(strings.NewReader(dictHead+body), ov, fstest.MapFS{}, []string{"test"})
	if err == nil || !strings.Contains(err.Error(), `patterns 17: lemma "deaprt" is not a verb the pattern applies to`) {
		t.Errorf("error %v, want an unknown lemma", err)
	}
}

// A stale or sloppy override is an error, all of them reported at once.
func TestOverridesErrors(t *testing.T) {
	_, err := readOverrides("overrides.yaml", []byte(`
codes:
  "018": {drop: true}
  "019": {code: "999", why: x}
blocks:
  SAY: {drop: true, code: "010", why: x}
  ASK: {keep: true, lemmas: [ask], why: x}
verbs:
  ASK: {drop: true, symmetric: true, why: x}
patterns:
  12: {code: "010", why: x}
  13: {pattern: "* AID", drop: true, target: [to], why: x}
not_nouns:
  colour: [RED]
`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"codes 018: needs a why", `codes 019: code "999" is not a CAMEO code`,
		"blocks SAY: say exactly one of code, drop, keep", "patterns 12: needs the pattern as written",
		"blocks ASK: lemmas and target are for pattern decisions", "verbs ASK: symmetric goes with a code",
		"patterns 13: a dropped pattern has no lemmas or target",
		`unknown class "colour"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%s", want, err)
		}
	}
	if _, err := readOverrides("overrides.yaml", []byte("codes:\n  \"018\": {drop: true, why: x, colour: red}\n")); err == nil {
		t.Error("an unknown key is accepted")
	}
}

// A pattern override must name the pattern at its line: a line number left
// stale by a new dictionary is an error.
func TestOverridesStalePattern(t *testing.T) {
	ov, err := readOverrides("overrides.yaml", []byte(`patterns:
  3: {pattern: "* AID", drop: true, why: x}
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = convertDictionary(strings.NewReader("---  RUSH   [---]  ---\nRUSH\n- * RELIEF [073]\n"), ov, fstest.MapFS{}, []string{"test"})
	if err == nil || !strings.Contains(err.Error(), `patterns 3: the pattern at line 3 is "* RELIEF"`) {
		t.Errorf("error %v, want a stale pattern", err)
	}
}

// Hand-written frames win: no frame states their lemma and words again.
func TestHandWrittenWin(t *testing.T) {
	const body = "---  RUSH   [---]  ---\nRUSH\nSPEED\n- * AID [070]\n- * (TO) [042]\n"
	const hand = `verbs:
  - {id: hand.rush.aid, lemma: [rush], code: "073", object: [aid]}
`
	res := convertSnippet(t, body, "", hand)
	wantFrames(t, res, []string{
		"petrarch.rush.aid 070 [speed] o=[aid] t=" + tNoObj,
		"petrarch.rush.to 042 [rush speed] pp=[to] t=[to object iobj with against on at into toward towards upon]",
	})
}

// The real dictionary: converting it gives the committed
// rules/frames_petrarch.yaml, and converting it twice (KG_LONG_TESTS=1)
// the same bytes.
func TestUpToDate(t *testing.T) {
	if _, err := os.Stat(dicts); err != nil {
		t.Skip("no PETRARCH dictionaries at", dicts)
	}
	rules := os.DirFS("../../rules")
	a, err := generate(dicts, rules)
	if err != nil {
		t.Fatal(err)
	}
	if testenv.IsLong() { // a second conversion costs as much again
		b, err := generate(dicts, rules)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.yaml, b.yaml) {
			t.Fatal("two conversions differ")
		}
	}
	committed, err := fs.ReadFile(rules, outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.yaml, committed) {
		t.Error("rules/frames_petrarch.yaml is stale (the dictionary, overrides.yaml, frames.yaml or the generator changed): run go generate ./internal/extract")
	}
	for _, l := range a.log {
		if strings.HasPrefix(l, "overrides.yaml:") {
			t.Error(l)
		}
	}
}
