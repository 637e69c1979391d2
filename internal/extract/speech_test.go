package extract

import (
	"strings"
	"testing"
)

// The evaluation rule is compiled strictly: a key it does not know, a word
// of both polarities, accusation verbs with no code and a second
// definition are errors naming the file and line.
func TestLoadEvaluationErrors(t *testing.T) {
	const ev = "evaluation:\n  speech: [say]\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown key", map[string]string{"frames.yaml": ev + "  lexicon: [wise]\n"},
			`frames.yaml:3: evaluation: unknown key "lexicon"`},
		{"unknown key of a part", map[string]string{"frames.yaml": ev + "  negative: {code: \"111\", words: [rash], weight: 2}\n"},
			`frames.yaml:3: evaluation: unknown key "weight"`},
		{"both polarities", map[string]string{"frames.yaml": ev + "  negative: {code: \"111\", words: [rash]}\n  positive: {code: \"051\", words: [Rash]}\n"},
			`frames.yaml:2: evaluation: "Rash" is both negative and positive`},
		{"accusation without a code", map[string]string{"frames.yaml": ev + "  accusation: {verbs: [allege]}\n"},
			`frames.yaml:2: evaluation: accusation verbs without a code`},
		{"not a CAMEO code", map[string]string{"frames.yaml": ev + "  accusation: {code: \"119\", verbs: [allege]}\n"},
			`frames.yaml:2: evaluation: code "119" is not in the CAMEO scheme`},
		{"defined twice", map[string]string{"frames.yaml": ev, "frames_speech.yaml": ev},
			`frames_speech.yaml:2: evaluation is defined twice (first in frames.yaml:2)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadFrames(mapFS(tc.files))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// The built-in lexicon reads phrases as phrases and single words by lemma
// or written form.
func TestEvaluationLexicon(t *testing.T) {
	ev := extractor(t).Frames.Evaluation
	if ev == nil || ev.File != "frames_speech.yaml" {
		t.Fatalf("evaluation from %+v", ev)
	}
	if !ev.Negative["rigged"] || !ev.Positive["prudent"] || ev.Negative["wrong direction"] {
		t.Error("single words")
	}
	if !ev.Towards["grateful"] || !ev.Judging["praise"] {
		t.Error("towards, judging")
	}
	if !ev.Labels["liar"] || !ev.Negative["liar"] || ev.Labels["reckless"] {
		t.Error("labels are words of their polarity that judge only whom they are said of")
	}
	found := false
	for _, ph := range ev.Phrases {
		if strings.Join(ph.words, " ") == "wrong direction" && ph.negative {
			found = true
		}
	}
	if !found {
		t.Error(`"wrong direction" is not a negative phrase`)
	}
}
