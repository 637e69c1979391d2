// Package nlp is the word level of kg's sentence analysis: it splits a
// sentence into tokens, tags them with Penn Treebank parts of speech and
// gives each its lemma. It imports nothing else from kg.
//
//	toks := nlp.Tokenize("Trump's envoy didn't meet U.S. officials.")
//	nlp.Default().Tag(toks)
//	// Trump/NNP/trump 's/POS/'s envoy/NN/envoy did/VBD/do n't/RB/not
//	// meet/VB/meet U.S./NNP/u.s. officials/NNS/official ./././
//
// # Tokens
//
// Tokenize follows the Penn Treebank conventions, with every token a
// substring of the input (Token.Start and Token.End are byte offsets):
//
//   - Punctuation is split off: , ; : ? ! ( ) [ ] " “ ” « » … — and --.
//     A run of dots ("...") or of hyphens ("--") is one token.
//   - Clitics are split off: "Trump's" → Trump 's, "don't" → do n't,
//     "can't" → ca n't, "won't" → wo n't, "they'll" → they 'll, "cannot" →
//     can not, and a final apostrophe: "leaders'" → leaders '. Curly
//     apostrophes count as straight ones.
//   - Words stay whole across inner hyphens, dots, apostrophes, slashes
//     and ampersands: "pro-democracy", "U.S.-led", "Teng-hui", "O'Brien",
//     "d'Ivoire", "'90s", "AT&T", "and/or"; numbers across commas, dots and
//     colons between digits: "1,247", "3.5", "10:30". Currency signs are
//     split off ("$1.5" → $ 1.5), as is "%".
//   - A word's final dot is split off as a period, unless the word is an
//     abbreviation: an initialism ("U.S.", "p.m."), a known abbreviation
//     ("Mr.", "Gen.", "Inc.", "Sept."), a capital initial inside the
//     sentence ("George W. Bush"), or "No." before a number.
//   - A sentence that ends with an abbreviation gets no extra period token:
//     "… in the U.S." ends with the token "U.S.", whose dot serves both.
//     (The treebank adds a period there; a token here is always a span of
//     the input, and a second token over the same dot would break that.)
//
// Invalid UTF-8 never panics: each invalid byte is a token of its own.
//
// # Tags
//
// Tagger.Tag runs prose v1's averaged perceptron (see NOTICE for its
// licence and provenance), about 96-97% accurate on news text, with the
// same features and weights as prose, so it gives the same tags. Tokens
// are shown to the model in the treebank's spelling: straight double
// quotes become the treebank's opening or closing quote (two backquotes,
// two apostrophes) by position, curly apostrophes straight ones, dashes
// --, "…" ..., square brackets ( and ).
//
// # Lemmas
//
// Tagger.Tag also sets each token's Lemma; see Lemma for the rules.
package nlp
