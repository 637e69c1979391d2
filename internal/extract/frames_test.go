package extract

import (
	"strings"
	"testing"
)

func TestLoadFramesBuiltin(t *testing.T) {
	fr, err := LoadFrames(BuiltinRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fr.All {
		if f.ID == "" || f.Code == "" || len(f.Lemmas) == 0 {
			t.Errorf("%s:%d: incomplete frame %+v", f.File, f.Line, f)
		}
	}
}

// Every problem of every file is reported at once, each with file:line.
func TestLoadFramesErrors(t *testing.T) {
	fsys := mapFS(map[string]string{
		"frames.yaml": `sets:
  weapon: [missile, rocket]
verbs:
  - id: a
    lemma: attack
    code: "190"
    colour: red
  - id: b
    lemma: [meet]
    code: "999"
  - id: c
    lemma: [hit]
    code: "190"
    object: [$nothing]
    target: [sideways]
    not_pp: [beside the point]
nouns:
  - id: a
    lemma: [visit]
    code: "042"
`,
		"frames_more.yaml": `verbs:
  - id: d
    lemma: [strike]
    code: "190"
    object: [$weapon]
  - id: e
    lemma: [strike]
    code: "195"
    object: [$weapon]
  - id: f
    lemma: [accept]
    code: "080"
    offered: "0999"
whatever: 1
`,
	})
	_, err := LoadFrames(fsys)
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`frames.yaml:7: unknown key "colour"`,
		`frames.yaml:8: frame "b": code "999" is not in the CAMEO scheme`,
		`frames.yaml:11: frame "c": object: unknown set $nothing`,
		`frames.yaml:11: frame "c": unknown role source "sideways"`,
		`frames.yaml:11: frame "c": not_pp "beside the point": must be a preposition`,
		`frames.yaml:18: frame id "a" is already used at frames.yaml:4`,
		`frames_more.yaml:6: frame "e" states the same words as "d"`,
		`frames_more.yaml:10: frame "f": offered "0999" is not in the CAMEO scheme`,
		`frames_more.yaml:14: unknown key "whatever"`,
	}
	got := err.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if lines := strings.Count(got, "\n") + 1; lines != len(want) {
		t.Errorf("%d problems reported, want %d:\n%s", lines, len(want), got)
	}
}

// Which frame wins does not depend on the order of frames in the file.
func TestFramesOrderIndependent(t *testing.T) {
	a := `  - id: fight.generic
    lemma: [strike]
    code: "190"
`
	b := `  - id: fight.missile
    lemma: [strike]
    code: "195"
    object: [missile]
`
	var ids [2][]string
	for i, body := range []string{a + b, b + a} {
		fr, err := LoadFrames(mapFS(map[string]string{"frames.yaml": "verbs:\n" + body}))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fr.VerbFrames("strike") {
			ids[i] = append(ids[i], f.ID)
		}
	}
	if strings.Join(ids[0], ",") != "fight.missile,fight.generic" || strings.Join(ids[0], ",") != strings.Join(ids[1], ",") {
		t.Errorf("order depends on the file: %v vs %v", ids[0], ids[1])
	}
}
