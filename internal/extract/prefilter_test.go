package extract

import (
	"os"
	"slices"
	"testing"

	"kg/internal/testenv"
)

func TestPrefilter(t *testing.T) {
	tests := []struct {
		name, expr string
		want       prefilter
		pass, fail []string
	}{
		{"literal", `met with`, prefilter{{"met with"}}, []string{"he met with her"}, []string{"he met her"}},
		{"concat of parts", `<e\d+> said`, prefilter{{"> said"}, {"<e"}}, []string{"<e1> said"}, []string{"<e1> says", "he said"}},
		{"alternation is a union", `(?:phoned|wrote to) \w+`, prefilter{{"phoned", "wrote to"}, {" "}}, []string{"wrote to x"}, []string{"called x"}},
		{"a branch without strings tells nothing", `(?:phoned|\w+) x`, prefilter{{" x"}}, []string{"called x"}, []string{"called y"}},
		{"optional parts tell nothing", `(?:the )?<e\d+>(?: and)*`, prefilter{{"<e"}, {">"}}, []string{"<e1>"}, []string{"the e1"}},
		{"repeats: at least once", `(?:ab){1,3}(?:cd){0,2}`, prefilter{{"ab"}}, []string{"ab"}, []string{"cd"}},
		{"plus", `(?:ab)+`, prefilter{{"ab"}}, []string{"ab"}, []string{"a"}},
		{"case folded literals tell nothing", `(?i)said`, nil, []string{"SAID", "x"}, nil},
		{"captures", `(?P<verb>agreed)`, prefilter{{"agreed"}}, []string{"agreed"}, []string{"agree"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newPrefilter(tt.expr)
			if !slices.EqualFunc(f, tt.want, slices.Equal) {
				t.Errorf("newPrefilter(%q) = %q, want %q", tt.expr, f, tt.want)
			}
			for _, s := range tt.pass {
				if !f.mayMatch(s) {
					t.Errorf("mayMatch(%q) = false, want true", s)
				}
			}
			for _, s := range tt.fail {
				if f.mayMatch(s) {
					t.Errorf("mayMatch(%q) = true, want false", s)
				}
			}
		})
	}
}

// TestPrefilterNeverRejectsAMatch runs every surface pattern over the
// sentence skeletons of the seeds and of real news (the first 300 articles
// of news.jsonl when it is beside the repository; 3,000 with
// KG_LONG_TESTS=1): a sentence a pattern matches must pass its prefilter.
func TestPrefilterNeverRejectsAMatch(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	x := extractor(t)
	var arts []*Article
	if err := ReadPath(seedsDir, ReadOptions{}, func(a *Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatal(err)
	}
	n := 300
	if testenv.IsLong() {
		n = 3000
	}
	if _, err := os.Stat(newsPath); err == nil {
		arts = append(arts, readNews(t, n)...)
	}
	matched, rejected := 0, 0
	for _, a := range arts {
		x.walk(a, func(r SentenceResult) {
			if len(r.Mentions) == 0 {
				return
			}
			text := newSkeleton(r.Sentence, r.Mentions).text
			for _, rule := range x.Rules {
				for i, re := range rule.compiled {
					may := rule.need[i].mayMatch(text)
					if !may {
						rejected++
					}
					if re.MatchString(text) {
						matched++
						if !may {
							t.Errorf("rule %s pattern %d matches %q, but its prefilter %q rejects it", rule.ID, i+1, text, rule.need[i])
						}
					}
				}
			}
		}, false)
	}
	if matched == 0 || rejected == 0 {
		t.Errorf("%d matches, %d rejected by the prefilters: the test tested nothing", matched, rejected)
	}
}
