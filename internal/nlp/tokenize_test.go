package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // tokens separated by " | "
	}{
		{"simple", "Trump met Putin.", "Trump | met | Putin | ."},
		{"possessive", "Trump's envoy arrived.", "Trump | 's | envoy | arrived | ."},
		{"plural possessive", "the leaders' talks", "the | leaders | ' | talks"},
		{"negation", "They don't know.", "They | do | n't | know | ."},
		{"can't", "We can't go", "We | ca | n't | go"},
		{"won't", "He won't", "He | wo | n't"},
		{"cannot", "He cannot agree", "He | can | not | agree"},
		{"clitics", "they'll say we're sure I'm right and you've I'd", "they | 'll | say | we | 're | sure | I | 'm | right | and | you | 've | I | 'd"},
		{"curly apostrophe", "Trump’s aides didn’t", "Trump | ’s | aides | did | n’t"},
		{"curly quotes", "“We will win,” he said.", "“ | We | will | win | , | ” | he | said | ."},
		{"straight quotes", `He said "no." Then`, `He | said | " | no | . | " | Then`},
		{"quote at end", `He called it "a farce"`, `He | called | it | " | a | farce | "`},
		{"abbreviations", "Mr. Smith and Gen. Lee met at 5 p.m. in the U.S. capital", "Mr. | Smith | and | Gen. | Lee | met | at | 5 | p.m. | in | the | U.S. | capital"},
		{"final abbreviation", "He flew to the U.S.", "He | flew | to | the | U.S."},
		{"final hyphenated abbreviation", "a wave of anti-U.S.", "a | wave | of | anti-U.S."},
		{"final p.m.", "It starts at 5 p.m.", "It | starts | at | 5 | p.m."},
		{"final Inc.", "He works for Acme Inc.", "He | works | for | Acme | Inc."},
		{"final initial is a period", "They chose Plan B.", "They | chose | Plan | B | ."},
		{"middle initial", "George W. Bush spoke", "George | W. | Bush | spoke"},
		{"No. before number", "the No. 2 official", "the | No. | 2 | official"},
		{"no. at end", "He said no.", "He | said | no | ."},
		{"numbers", "1,247 people and 3.5 percent, 10:30 a.m.", "1,247 | people | and | 3.5 | percent | , | 10:30 | a.m."},
		{"money", "$1.5 billion", "$ | 1.5 | billion"},
		{"percent", "rose 5% to", "rose | 5 | % | to"},
		{"hyphenated", "pro-democracy U.S.-led U.S.-Russian", "pro-democracy | U.S.-led | U.S.-Russian"},
		{"names", "Lee Teng-hui met Jean-Yves Le Drian", "Lee | Teng-hui | met | Jean-Yves | Le | Drian"},
		{"apostrophe names", "Côte d'Ivoire and O'Brien's", "Côte | d'Ivoire | and | O'Brien | 's"},
		{"decade", "in the '90s", "in | the | '90s"},
		{"ellipsis", "Well... maybe…", "Well | ... | maybe | …"},
		{"dashes", "the vote — a farce -- ended—today", "the | vote | — | a | farce | -- | ended | — | today"},
		{"double hyphen inside", "war--and", "war | -- | and"},
		{"parentheses", "the party (AKP) won", "the | party | ( | AKP | ) | won"},
		{"brackets", "[the] {x}", "[ | the | ] | { | x | }"},
		{"question", "Why? Because!", "Why | ? | Because | !"},
		{"semicolon colon", "one; two: three", "one | ; | two | : | three"},
		{"comma not between digits", "a,b 1, 2", "a | , | b | 1 | , | 2"},
		{"ampersand slash", "AT&T and/or", "AT&T | and/or"},
		{"year range", "1990-2000", "1990-2000"},
		{"sentence period after number", "It ended in 1999.", "It | ended | in | 1999 | ."},
		{"abbreviation then paren", "(U.S.) forces", "( | U.S. | ) | forces"},
		{"final period inside quote", `"He left."`, `" | He | left | . | "`},
		{"single quotes", "the 'peace plan' failed", "the | ' | peace | plan | ' | failed"},
		{"clitic written apart", "Trump 's", "Trump | 's"},
		{"backquotes", "``Yes,'' he said", "`` | Yes | , | '' | he | said"},
		{"nbsp", "U.S.\u00a0forces", "U.S. | forces"},
		{"empty", "", ""},
		{"spaces only", " \t\n ", ""},
		{"trailing hyphen", "pre- and post-war", "pre | - | and | post-war"},
		{"month", "on Sept. 11, 2001", "on | Sept. | 11 | , | 2001"},
		{"etc final", "guns, tanks, etc.", "guns | , | tanks | , | etc."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			got := strings.Join(texts(toks), " | ")
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
			}
			checkOffsets(t, tt.in, toks)
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	in := "Trump’s aides didn’t go."
	want := []struct {
		start, end int
		text       string
	}{
		{0, 5, "Trump"}, {5, 9, "’s"}, {10, 15, "aides"}, {16, 19, "did"},
		{19, 24, "n’t"}, {25, 27, "go"}, {27, 28, "."},
	}
	toks := Tokenize(in)
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), texts(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Start != w.start || toks[i].End != w.end || toks[i].Text != w.text {
			t.Errorf("token %d = [%d,%d) %q, want [%d,%d) %q", i, toks[i].Start, toks[i].End, toks[i].Text, w.start, w.end, w.text)
		}
	}
}

func TestAppendTokensReuses(t *testing.T) {
	buf := make([]Token, 0, 64)
	a := AppendTokens(buf, "One two.")
	b := AppendTokens(a, "Three.")
	if got := strings.Join(texts(b), " "); got != "One two . Three ." {
		t.Errorf("got %q", got)
	}
	if &a[0] != &buf[:1][0] {
		t.Error("AppendTokens did not use the capacity of dst")
	}
}

// checkOffsets checks the invariants every tokenization must keep.
func checkOffsets(t *testing.T, in string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
			t.Fatalf("token %d [%d,%d) out of order or range (previous end %d, len %d)", i, tok.Start, tok.End, prev, len(in))
		}
		if tok.Text != in[tok.Start:tok.End] {
			t.Fatalf("token %d text %q != input[%d:%d] %q", i, tok.Text, tok.Start, tok.End, in[tok.Start:tok.End])
		}
		if strings.TrimSpace(tok.Text) != tok.Text && utf8.ValidString(tok.Text) {
			t.Fatalf("token %d %q has surrounding space", i, tok.Text)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Trump's envoy didn't meet U.S. officials.", "“Yes,” he said… — '90s", "\xff\xfe'", "a.b.-c", "1,2,,3",
		"n't", "''''", "...", "U.S.", "Côte d'Ivoire’s", "\u200bx\u00a0y", "'s'", ". .", "-5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		toks := Tokenize(in)
		checkOffsets(t, in, toks)
		// Every non-space rune is in some token.
		covered := 0
		for _, tok := range toks {
			covered += tok.End - tok.Start
		}
		spaces := 0
		for i := 0; i < len(in); {
			r, n := decodeRune(in, i)
			if isSpace(r) {
				spaces += n
			}
			i += n
		}
		if covered+spaces != len(in) {
			t.Fatalf("tokens cover %d bytes and spaces %d of %d", covered, spaces, len(in))
		}
		Default().Tag(toks) // the tagger must take any token too
	})
}
