package nlp

// Tag is a Penn Treebank part-of-speech tag. The zero value, NoTag, marks a
// token that has not been tagged.
type Tag uint8

// The 45 tags of the Penn Treebank, as the tagger's model uses them.
const (
	NoTag  Tag = iota
	CC         // coordinating conjunction: and, or, but
	CD         // cardinal number: 3, 1,247, three
	DT         // determiner: the, a, this, no
	EX         // existential there
	FW         // foreign word
	IN         // preposition or subordinating conjunction: of, by, that, if
	JJ         // adjective
	JJR        // adjective, comparative
	JJS        // adjective, superlative
	LS         // list item marker
	MD         // modal: will, would, can, ca (of ca n't), 'll
	NN         // noun, singular or mass
	NNS        // noun, plural
	NNP        // proper noun, singular
	NNPS       // proper noun, plural
	PDT        // predeterminer: all, both, half
	POS        // possessive ending: 's, '
	PRP        // personal pronoun
	PRPS       // possessive pronoun (PRP$): his, their
	RB         // adverb; also n't and not
	RBR        // adverb, comparative
	RBS        // adverb, superlative
	RP         // particle: up, off (in "called off")
	SYM        // symbol
	TO         // to
	UH         // interjection
	VB         // verb, base form
	VBD        // verb, past tense
	VBG        // verb, gerund or present participle
	VBN        // verb, past participle
	VBP        // verb, non-3rd person singular present
	VBZ        // verb, 3rd person singular present
	WDT        // wh-determiner: which, that
	WP         // wh-pronoun: who, what
	WPS        // possessive wh-pronoun (WP$): whose
	WRB        // wh-adverb: when, where, how
	Comma      // ,
	Period     // sentence-final punctuation: . ? !
	Colon      // : ; -- ...
	LQuote     // `` (opening quote)
	RQuote     // '' (closing quote)
	LRB        // ( and other opening brackets
	RRB        // ) and other closing brackets
	Hash       // #
	Dollar     // $ and other currency signs

	numTags // number of tags, NoTag included
)

var tagNames = [numTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
	"RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
	"WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "(", ")", "#", "$",
}

// String returns the tag as the Penn Treebank writes it: "NN", "PRP$", ",",
// "“". NoTag and invalid values give "".
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return ""
}

// ParseTag returns the tag that String writes as s. It also accepts the
// bracket names of the parsed treebank ("-LRB-", "-RRB-"). The second
// result is false if s names no tag.
func ParseTag(s string) (Tag, bool) {
	switch s {
	case "-LRB-", "-LSB-", "-LCB-":
		return LRB, true
	case "-RRB-", "-RSB-", "-RCB-":
		return RRB, true
	}
	for t := CC; t < numTags; t++ {
		if tagNames[t] == s {
			return t, true
		}
	}
	return NoTag, false
}

// IsNoun reports whether t is NN, NNS, NNP or NNPS.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsProperNoun reports whether t is NNP or NNPS.
func (t Tag) IsProperNoun() bool { return t == NNP || t == NNPS }

// IsPlural reports whether t is a plural noun tag (NNS, NNPS).
func (t Tag) IsPlural() bool { return t == NNS || t == NNPS }

// IsVerb reports whether t is one of VB, VBD, VBG, VBN, VBP, VBZ. Modals
// (MD) are not verbs here; see IsVerbal.
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsVerbal reports whether t is a verb or a modal.
func (t Tag) IsVerbal() bool { return t.IsVerb() || t == MD }

// IsFiniteVerb reports whether t is a tensed verb form (VBD, VBP, VBZ) or a
// modal: the forms that can head a clause.
func (t Tag) IsFiniteVerb() bool { return t == VBD || t == VBP || t == VBZ || t == MD }

// IsAdj reports whether t is JJ, JJR or JJS.
func (t Tag) IsAdj() bool { return t >= JJ && t <= JJS }

// IsAdv reports whether t is RB, RBR or RBS.
func (t Tag) IsAdv() bool { return t >= RB && t <= RBS }

// IsWh reports whether t is a wh-word tag (WDT, WP, WP$, WRB).
func (t Tag) IsWh() bool { return t >= WDT && t <= WRB }

// IsPunct reports whether t is one of the punctuation tags Comma, Period,
// Colon, LQuote, RQuote, LRB, RRB.
// The symbol tags #, $ and SYM are not punctuation: # and $ head noun
// phrases ("$ 1.5 billion").
func (t Tag) IsPunct() bool { return t >= Comma && t <= RRB }
