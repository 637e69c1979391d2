package extract

import (
	"reflect"
	"testing"
)

func TestMapQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		// per sentence, the quoted text; per group, its attribution words
		quoted        [][]string
		before, after []string
	}{
		{"one sentence, attributed after", `"We agreed," Modi said.`,
			[][]string{{`We agreed,`}}, []string{""}, []string{" Modi said."}},
		{"over sentences, attributed before", `Jones added: "I don't think so. He was prudent." Then he left.`,
			[][]string{{`I don't think so.`}, {`He was prudent.`}, nil}, []string{"Jones added: "}, []string{""}},
		{"curly marks", "“A,” he said. “B,” she said.",
			[][]string{{"A,"}, {"B,"}}, []string{"", ""}, []string{" he said.", " she said."}},
		{"TeX marks, two in a sentence", "``A,'' he said, ``B.''",
			[][]string{{"A,", "B."}}, []string{"", " he said, "}, []string{" he said, ", ""}},
		{"a paragraph re-opens a quotation", "He said: \"A.\n\n\"B.\"",
			[][]string{{"A."}, {"B."}}, []string{"He said: "}, []string{""}},
		{"a paragraph without a mark ends it", "He said: \"A.\n\nB.",
			[][]string{{"A."}, nil}, []string{"He said: "}, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := ParseArticle("t.txt", "", 0, tc.text)
			sents := Sentences(a)
			q := mapQuotes(a.Text, sents)
			var quoted [][]string
			for i := range sents {
				var qs []string
				for _, sp := range q.inside[i] {
					qs = append(qs, a.Text[sp.Start:sp.End])
				}
				quoted = append(quoted, qs)
			}
			var before, after []string
			for _, g := range q.groups {
				before, after = append(before, g.before), append(after, g.after)
			}
			if !reflect.DeepEqual(quoted, tc.quoted) || !reflect.DeepEqual(before, tc.before) || !reflect.DeepEqual(after, tc.after) {
				t.Errorf("quoted %q before %q after %q\nwant   %q before %q after %q", quoted, before, after, tc.quoted, tc.before, tc.after)
			}
		})
	}
}
