package extract

import (
	"fmt"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "The talks ended. Both sides left! Was it useful? Nobody knew.",
			[]string{"The talks ended.", "Both sides left!", "Was it useful?", "Nobody knew."}},
		{"titles never end a sentence", "Mr. Smith met Dr. Jones and Gen. Brown. Sen. Lee and Gov. Park were absent.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Brown.", "Sen. Lee and Gov. Park were absent."}},
		{"more titles", "Mrs. Ray and Ms. Hill met Rep. Diaz, Lt. Col. Ames and St. Clair officials.",
			[]string{"Mrs. Ray and Ms. Hill met Rep. Diaz, Lt. Col. Ames and St. Clair officials."}},
		{"dotted acronyms inside a sentence", "The U.S. President met U.N. envoys at 3 p.m. Tuesday in Geneva.",
			[]string{"The U.S. President met U.N. envoys at 3 p.m. Tuesday in Geneva."}},
		{"dotted acronym ending a sentence", "The envoy flew back to the U.S. The talks were over.",
			[]string{"The envoy flew back to the U.S.", "The talks were over."}},
		{"hyphenated acronym", "U.S.-Russian relations soured. Talks stopped.",
			[]string{"U.S.-Russian relations soured.", "Talks stopped."}},
		{"initials", "National Security Adviser H. R. McMaster spoke. George W. Bush listened.",
			[]string{"National Security Adviser H. R. McMaster spoke.", "George W. Bush listened."}},
		{"e.g. and i.e.", "Some states, e.g. France, agreed, i.e. most of Europe. Others did not.",
			[]string{"Some states, e.g. France, agreed, i.e. most of Europe.", "Others did not."}},
		{"months and numbers", "The vote is on Jan. 5 and Sept. 12. No. 10 said so. Turnout rose 3.5 pct. 12 people came.",
			[]string{"The vote is on Jan. 5 and Sept. 12.", "No. 10 said so.", "Turnout rose 3.5 pct.", "12 people came."}},
		{"company suffixes", "Acme Inc. said it would sell shares to Widget Corp. The deal closed. Jones Ltd. agreed.",
			[]string{"Acme Inc. said it would sell shares to Widget Corp.", "The deal closed.", "Jones Ltd. agreed."}},
		{"Jr. and vs.", "Martin Luther King Jr. spoke of Brown vs. Board. It mattered.",
			[]string{"Martin Luther King Jr. spoke of Brown vs. Board.", "It mattered."}},
		{"closing quotes", `He said: "We agreed." Then he left. "Is it over?" she asked. "Yes."`,
			[]string{`He said: "We agreed."`, "Then he left.", `"Is it over?" she asked.`, `"Yes."`}},
		{"curly quotes", "“We agreed to talk.” The minister smiled. ‘Fine,’ he said.",
			[]string{"“We agreed to talk.”", "The minister smiled.", "‘Fine,’ he said."}},
		{"lower case after a period", "The talks ended at 5 p.m. on Friday. the rest is noise.",
			[]string{"The talks ended at 5 p.m. on Friday. the rest is noise."}},
		{"ellipsis", "He paused... Then he spoke… Everyone listened.",
			[]string{"He paused...", "Then he spoke…", "Everyone listened."}},
		{"line breaks end sentences", "Headline without period\nThe first paragraph.\n\nThe second paragraph",
			[]string{"Headline without period", "The first paragraph.", "The second paragraph"}},
		{"no-break spaces and trimming", "\u00a0 The talks ended.\u00a0 Both sides left.  \n",
			[]string{"The talks ended.", "Both sides left."}},
		{"hard-wrapped paragraphs",
			"Standard Oil Co and BP North America said they would form a\nventure with the financier L.K.\nEvans to trade in the money market, the companies said.\n" +
				"    The venture starts in April. It will be based in the\ncity of Cleveland.",
			[]string{
				"Standard Oil Co and BP North America said they would form a\nventure with the financier L.K.\nEvans to trade in the money market, the companies said.",
				"The venture starts in April.", "It will be based in the\ncity of Cleveland."}},
		{"non-ASCII capital", "The talks ended. Élysée officials left.",
			[]string{"The talks ended.", "Élysée officials left."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{ID: "t", Text: tt.text} // nil Body: the whole text
			got := Sentences(a)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			if fmt.Sprintf("%q", texts) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("got\n%q\nwant\n%q", texts, tt.want)
			}
			checkArticle(t, a)
		})
	}
}

func TestSentencesBodySpans(t *testing.T) {
	a := ParseArticle("x.txt", "x.txt", 0,
		"Talks end in Geneva\n\nBy Ann Lee\n\nGENEVA (Reuters) - The talks ended on Friday. Both sides left.\n\nTalks end in Geneva\n")
	got := Sentences(a)
	want := []string{"The talks ended on Friday.", "Both sides left."}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %q", got, want)
	}
	for i, s := range got {
		if s.Text != want[i] || a.Text[s.Start:s.End] != want[i] {
			t.Errorf("sentence %d = %q at %d:%d, want %q", i, s.Text, s.Start, s.End, want[i])
		}
	}
	// Spans beyond the text are clamped, not a panic.
	a.Body = append(a.Body, Span{len(a.Text) - 3, len(a.Text) + 10})
	Sentences(a)
}

// BenchmarkSentences splits the body of every news.jsonl article.
func BenchmarkSentences(b *testing.B) {
	arts := readNews(b, 0)
	n := 0
	bytes := 0
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			n += len(Sentences(a))
			for _, sp := range a.Body {
				bytes += sp.Len()
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(bytes)/b.Elapsed().Seconds()/1e6, "MB/s")
}
