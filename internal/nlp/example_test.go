package nlp_test

import (
	"fmt"
	"strings"

	"kg/internal/nlp"
)

func Example() {
	text := "Trump's envoy didn't meet U.S. officials in Côte d'Ivoire."
	toks := nlp.Tokenize(text)
	nlp.Default().Tag(toks)
	for _, t := range toks {
		fmt.Printf("[%d,%d) %s %s %s\n", t.Start, t.End, t.Text, t.Tag, t.Lemma)
	}
	// Output:
	// [0,5) Trump NNP trump
	// [5,7) 's POS 's
	// [8,13) envoy NN envoy
	// [14,17) did VBD do
	// [17,20) n't RB not
	// [21,25) meet VB meet
	// [26,30) U.S. NNP u.s.
	// [31,40) officials NNS official
	// [41,43) in IN in
	// [44,49) Côte NNP côte
	// [50,58) d'Ivoire NN d'ivoire
	// [58,59) . . .
}

func ExampleAppendTokens() {
	// One slice serves every sentence: no allocation once it is large enough.
	buf := make([]nlp.Token, 0, 64)
	for _, s := range []string{"Rebels seized the town.", "The army has been sent."} {
		buf = nlp.AppendTokens(buf[:0], s)
		nlp.Default().Tag(buf)
		var words []string
		for _, t := range buf {
			words = append(words, t.Lemma+"/"+t.Tag.String())
		}
		fmt.Println(strings.Join(words, " "))
	}
	// Output:
	// rebel/NNS seize/VBD the/DT town/NN ./.
	// the/DT army/NN have/VBZ be/VBN send/VBN ./.
}

func ExampleLemma() {
	fmt.Println(nlp.Lemma("fled", nlp.VBD), nlp.Lemma("leaves", nlp.VBZ), nlp.Lemma("leaves", nlp.NNS), nlp.Lemma("saw", nlp.VBD))
	// Output: flee leave leaf see
}
