package nlp

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// gigawordPath holds 76 real AFP sentences (LDC Gigaword, August 2008)
// with parses from the Stanford parser, shipped with PETRARCH-2 (MIT).
// Its tags are a parser's, not hand-corrected gold, so agreement with them
// estimates accuracy rather than measuring it.
var gigawordPath = shared("peers/petrarch2/text/GigaWord.sample.PETR.xml")

type parsedSentence struct {
	text  string
	words []string // as the parse writes them: -LRB-, ``, ''
	tags  []string
}

var (
	recordRE = regexp.MustCompile(`(?s)<Text>(.*?)</Text>\s*<Parse>(.*?)</Parse>`)
	leafRE   = regexp.MustCompile(`\(([^()\s]+) ([^()\s]+)\)`)
)

// petrarchTags maps PETRARCH's auxiliary tags back to the treebank's.
var petrarchTags = map[string]string{
	"AUX": "VBP", "AUXB": "VB", "AUXD": "VBD", "AUXG": "VBG", "AUXN": "VBN", "AUXP": "VBP", "AUXZ": "VBZ",
	"-LRB-": "(", "-RRB-": ")",
}

func parsedSentences(t *testing.T) []parsedSentence {
	t.Helper()
	path := gigawordPath
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("parsed sentences not available: %v", err)
	}
	var out []parsedSentence
	for _, m := range recordRE.FindAllStringSubmatch(string(b), -1) {
		ps := parsedSentence{text: strings.Join(strings.Fields(m[1]), " ")}
		for _, l := range leafRE.FindAllStringSubmatch(m[2], -1) {
			tag := l[1]
			if u, ok := petrarchTags[tag]; ok {
				tag = u
			}
			ps.words = append(ps.words, l[2])
			ps.tags = append(ps.tags, tag)
		}
		out = append(out, ps)
	}
	if len(out) < 50 {
		t.Fatalf("%s: %d parsed sentences, want 76", path, len(out))
	}
	return out
}

// TestTaggerAgainstParses tags the parser's own tokens and compares the
// tags with the parser's: a floor on the tagger's accuracy on real news.
func TestTaggerAgainstParses(t *testing.T) {
	var total, same int
	confusions := map[string]int{}
	for _, ps := range parsedSentences(t) {
		toks := tokensOf(ps.words)
		Default().Tag(toks)
		for i, tok := range toks {
			total++
			if tok.Tag.String() == ps.tags[i] {
				same++
			} else {
				confusions[ps.tags[i]+"→"+tok.Tag.String()+" "+ps.words[i]]++
			}
		}
	}
	acc := float64(same) / float64(total)
	t.Logf("%d tokens: %.4f agree with the Stanford parser's tags", total, acc)
	if testing.Verbose() {
		keys := make([]string, 0, len(confusions))
		for k := range confusions {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t.Logf("differences (parser→tagger word): %s", strings.Join(keys, ", "))
	}
	if acc < 0.93 {
		t.Errorf("agreement %.4f < 0.93", acc)
	}
}

// tokensOf makes tokens of pre-split words, as if they were written with
// single spaces between them.
func tokensOf(words []string) []Token {
	toks := make([]Token, len(words))
	off := 0
	for i, w := range words {
		switch w {
		case "-LRB-":
			w = "("
		case "-RRB-":
			w = ")"
		}
		toks[i] = Token{Start: off, End: off + len(w), Text: w}
		off += len(w) + 1
	}
	return toks
}

// TestTokenizeAgainstParses compares Tokenize with the parser's
// tokenization of the same sentences. (Some records' text was edited after
// parsing, "Nigerian student" becoming "man": those are left out.)
func TestTokenizeAgainstParses(t *testing.T) {
	var sents, same, tokens, matched int
	for _, ps := range parsedSentences(t) {
		want := make([]string, len(ps.words))
		for i, w := range ps.words {
			switch w {
			case "-LRB-":
				w = "("
			case "-RRB-":
				w = ")"
			}
			want[i] = w
		}
		if strings.Join(want, "") != strings.ReplaceAll(ps.text, " ", "") {
			continue
		}
		sents++
		got := texts(Tokenize(ps.text))
		tokens += len(want)
		matched += lcs(got, want)
		if slices.Equal(got, want) {
			same++
		} else {
			t.Logf("differs:\n got: %s\nwant: %s", strings.Join(got, " | "), strings.Join(want, " | "))
		}
	}
	t.Logf("%d of %d sentences tokenized as the parser did; %d of %d of its tokens matched", same, sents, matched, tokens)
	if float64(matched) < 0.99*float64(tokens) {
		t.Errorf("only %d of %d tokens match the parser's", matched, tokens)
	}
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
