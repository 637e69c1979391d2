package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/internal/nlp"
)

// Span is a token range [From, To) that must stay inside one noun phrase:
// an actor's name found by the dictionary ("Secretary of State Madeleine
// Albright", "Court of Appeal").
type Span struct{ From, To int }

// Lexicon is what a caller knows of words that the tagger's model does
// not say: which lemmas can be verbs, and which words take a
// to-infinitive ("agreed to", "ready to"). It lets the parser mend "agreed
// to share/NN information" into an infinitive.
type Lexicon interface {
	Verb(lemma string) bool
	TakesInfinitive(lemma string) bool
}

// New parses a tagged sentence. atoms are the names that must each stay
// inside one noun phrase (sorted, not overlapping); they read as proper
// nouns whatever their tags.
func New(toks []nlp.Token, atoms []Span) *Parse { return NewWith(toks, atoms, nil) }

// NewWith is New with a lexicon to mend tags by (nil for none).
func NewWith(toks []nlp.Token, atoms []Span, lex Lexicon) *Parse {
	p := &Parse{Toks: toks, phraseAt: make([]int, len(toks)), verbAt: make([]int, len(toks))}
	for i := range toks {
		p.phraseAt[i], p.verbAt[i] = -1, -1
	}
	atomEnd := make([]int, len(toks)) // token → end of the atom starting there, 0 if none
	inAtom := make([]bool, len(toks))
	for _, a := range atoms {
		if a.From < 0 || a.To > len(toks) || a.From >= a.To {
			continue
		}
		atomEnd[a.From] = a.To
		for k := a.From; k < a.To; k++ {
			inAtom[k] = true
		}
	}
	repairTags(toks, atomEnd, inAtom)
	if lex != nil {
		repairInfinitives(toks, inAtom, lex)
		repairParticles(toks, inAtom, lex)
		repairVerbless(toks, inAtom, lex)
		repairSubjunctive(toks, inAtom, lex)
	}
	repairSpeechVerb(toks, inAtom)
	p.reduced = repairReducedPassive(toks, inAtom)
	p.atomAt = make([]bool, len(toks))
	for i, e := range atomEnd {
		p.atomAt[i] = e > 0
	}
	p.chunkPhrases(atomEnd, inAtom)
	p.chunkVerbs()
	p.repairReducedBeforeTensed()
	p.coordinate()
	p.clauses()
	return p
}

// verblessGerunds end in -ing but English has no verb they are a form of.
var verblessGerunds = map[string]bool{"peacekeeping": true, "peace-keeping": true, "peacemaking": true,
	"peace-making": true, "policymaking": true, "lawmaking": true, "wrongdoing": true, "warmongering": true}

// repairTags corrects the tagger's known slips where the sentence's layout
// tells: a past tense read as an adjective before its object ("China
// imposed/JJ sanctions", "Xi praised/JJ Pakistan"). The token's lemma
// follows its new tag.
func repairTags(toks []nlp.Token, atomEnd []int, inAtom []bool) {
	// "carried out/IN the killing": English has no preposition "out"
	// before a noun phrase ("out of" is one), so after a verb it is the
	// verb's particle
	for i := 1; i+1 < len(toks); i++ {
		if t := &toks[i]; t.Tag == nlp.IN && t.Lower == "out" && toks[i-1].Tag.IsVerb() && toks[i+1].Lower != "of" && !inAtom[i] {
			t.Tag = nlp.RP
		}
	}
	// "NATO peacekeeping/VBG troops": an -ing word of no verb is a noun
	for i := range toks {
		if t := &toks[i]; t.Tag == nlp.VBG && verblessGerunds[t.Lower] && !inAtom[i] {
			t.Tag, t.Lemma = nlp.NN, t.Lower
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != nlp.JJ || len(t.Text) < 4 || !strings.HasSuffix(t.Text, "ed") || inAtom[i] {
			continue
		}
		prev, next := toks[i-1].Tag, toks[i+1].Tag
		subject := prev.IsNoun() || prev == nlp.PRP || inAtom[i-1]
		object := next == nlp.DT || next == nlp.NNP || next == nlp.NNPS || next == nlp.PRP || next == nlp.PRPS || next == nlp.CD || atomEnd[i+1] > 0
		if subject && object && !hasFiniteVerb(toks[:i]) {
			retag(t, nlp.VBD)
		}
	}
	// "the court decided the practice discriminated/VBN against Roma", "the
	// State Department says the new members enhance/VB the alliance": after
	// a verb of saying and a noun phrase, the verb is the tensed verb of
	// what was said, not a participle or an infinitive
	for i := 0; i+2 < len(toks); i++ {
		if !toks[i].Tag.IsVerb() || !speechVerbs[toks[i].Lemma] {
			continue
		}
		j := i + 1
		if toks[j].Lower == "that" {
			j++
		}
		np := j
		for j < len(toks) && (inAtom[j] || toks[j].Tag.IsNoun() || toks[j].Tag.IsAdj() || toks[j].Tag == nlp.DT ||
			toks[j].Tag == nlp.PDT || toks[j].Tag == nlp.PRPS || toks[j].Tag == nlp.CD || toks[j].Tag == nlp.POS) {
			j++
		}
		if j == np || j >= len(toks) || !(inAtom[j-1] || toks[j-1].Tag.IsNoun()) {
			continue
		}
		last := j - 1
		for j < len(toks) && toks[j].Tag.IsAdv() {
			j++ // "the practice almost inevitably discriminated"
		}
		if j >= len(toks) {
			continue
		}
		switch t := &toks[j]; {
		case t.Tag == nlp.VBN && !inAtom[j]:
			retag(t, nlp.VBD)
		case t.Tag == nlp.VB && !inAtom[j] && toks[last].Tag.IsPlural():
			retag(t, nlp.VBP)
		}
	}
	// "Jean-Marie d'Huy/NN": a name with an elided particle is a proper noun
	for i := range toks {
		if ElidedName(toks[i].Text) {
			toks[i].Tag = nlp.NNP
		}
	}
	// "Vincent Cable, for the Liberal Democrats, called/VBN on Mr Brown":
	// after a subject and an aside between commas, with no tensed verb
	// yet, the participle form is the past tense
	for i := 3; i+1 < len(toks); i++ {
		if toks[i].Tag != nlp.VBN || toks[i-1].Tag != nlp.Comma || inAtom[i] || hasFiniteVerb(toks[:i]) {
			continue
		}
		open := -1
		for j := i - 2; j > 0; j-- {
			if toks[j].Tag == nlp.Comma {
				open = j
				break
			}
			if toks[j].Tag.IsVerb() || toks[j].Tag == nlp.MD {
				break
			}
		}
		if open > 0 && (toks[open-1].Tag.IsNoun() || inAtom[open-1]) && (toks[i+1].Tag == nlp.IN || toks[i+1].Tag == nlp.DT || toks[i+1].Tag.IsNoun() || toks[i+1].Tag == nlp.TO) {
			retag(&toks[i], nlp.VBD)
		}
	}
	// "Troops plowed/VBN into the crowd, ... , and troops fired": right
	// after a subject opening the sentence, a participle form is the
	// past tense when no tensed verb follows but after ", and" or at all
	// ("Troops stationed in the town fired" keeps its participle)
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag != nlp.VBN || inAtom[i] || !nominalUpTo(toks, inAtom, i) {
			continue
		}
		if n := toks[i+1].Tag; n != nlp.IN && n != nlp.DT && n != nlp.TO && n != nlp.RP && !n.IsNoun() && !n.IsAdv() && n != nlp.PRPS {
			continue
		}
		coordinated, finite := false, false
		for j := i + 1; j < len(toks) && !finite; j++ {
			if (toks[j].Lower == "and" || toks[j].Lower == "but") && toks[j-1].Tag == nlp.Comma {
				coordinated = true
			}
			finite = toks[j].Tag.IsFiniteVerb() || toks[j].Tag == nlp.MD
			if finite && coordinated {
				finite = false
				break
			}
		}
		if !finite {
			retag(&toks[i], nlp.VBD)
		}
		break
	}
	// "reject proposed/VBD Israeli changes", "condemned renewed/VBN
	// attacks": a participle form right after a verb and before a noun
	// describes the noun
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != nlp.VBD && t.Tag != nlp.VBN || inAtom[i] || !strings.HasSuffix(t.Lower, "ed") {
			continue
		}
		prev, next := toks[i-1], toks[i+1]
		if !prev.Tag.IsVerb() || prev.Tag == nlp.VBN || prev.Tag == nlp.VBG || auxiliaryVerbs[nlp.LowerWord(prev.Lemma)] ||
			!(next.Tag.IsNoun() || next.Tag.IsAdj()) || inAtom[i-1] {
			continue
		}
		t.Tag = nlp.JJ
	}
	// "set up a joint venture called/VBD Orion": a naming verb after a noun
	// with "a" or "an" and before a name, the verb of its clause already
	// said, names the noun
	for i := 2; i+1 < len(toks); i++ {
		if toks[i].Tag == nlp.VBD && namingParticiple(toks, inAtom, i) {
			toks[i].Tag = nlp.VBN
		}
	}
	// "fired tear/IN gas at protesters": tear gas is a noun
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower == "tear" && toks[i+1].Lower == "gas" {
			toks[i].Tag, toks[i].Lemma = nlp.NN, "tear"
			toks[i+1].Tag, toks[i+1].Lemma = nlp.NN, "gas"
		}
	}
	// "In one case, riot/VB police had to": before the people and gear of
	// crowd control, "riot" is a noun
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower == "riot" && riotCompounds[toks[i+1].Lemma] && !inAtom[i] {
			toks[i].Tag, toks[i].Lemma = nlp.NN, "riot"
		}
	}
	// "soldiers shot/JJ and killed/VBN two gunmen": a word that can be a
	// past tense, joined by "and" to a past form before its object, after
	// a subject and no tensed verb, is a past tense, and so is the other
	for i := 1; i+2 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != nlp.NN && t.Tag != nlp.JJ && t.Tag != nlp.VBN || inAtom[i] || toks[i+1].Lower != "and" ||
			toks[i+2].Tag != nlp.VBD && toks[i+2].Tag != nlp.VBN || i+3 < len(toks) && toks[i+3].Tag == nlp.IN ||
			t.Text != t.Lower || !(toks[i-1].Tag.IsNoun() || inAtom[i-1]) || hasFiniteVerb(toks[:i]) {
			continue
		}
		if l := nlp.Lemma(t.Text, nlp.VBD); l != t.Text || strings.HasSuffix(t.Text, "ed") {
			t.Tag = nlp.VBD
			t.Lemma = l
			retag(&toks[i+2], nlp.VBD)
		}
	}
	// "pledged that education would be", "warned that unrest is growing":
	// "that" after a verb, before a noun phrase and a tensed verb, opens a
	// clause; the tagger read it as the noun's determiner
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Tag != nlp.DT || toks[i].Lower != "that" || !toks[i-1].Tag.IsVerb() || toks[i-1].Lemma == "be" {
			continue
		}
		j := i + 1
		for j < len(toks) && (inAtom[j] || toks[j].Tag.IsNoun() || toks[j].Tag.IsAdj()) {
			j++
		}
		if j == i+1 || j >= len(toks) || !(inAtom[j-1] || toks[j-1].Tag.IsNoun()) {
			continue
		}
		for j < len(toks) && toks[j].Tag.IsAdv() {
			j++
		}
		if j < len(toks) && (toks[j].Tag == nlp.MD || toks[j].Tag == nlp.VBD || toks[j].Tag == nlp.VBZ || toks[j].Tag == nlp.VBP) {
			toks[i].Tag = nlp.IN
		}
	}
	// "the commission does urge parties": after an auxiliary "do" or a
	// modal, a lower-case word the tagger read as a noun is the verb
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		p := toks[i-1]
		if (p.Tag == nlp.MD || p.Tag.IsVerb() && p.Lemma == "do") && (t.Tag == nlp.NN || t.Tag == nlp.JJ) &&
			!inAtom[i] && t.Text == t.Lower && (toks[i+1].Tag.IsNoun() || toks[i+1].Tag == nlp.DT || toks[i+1].Tag.IsAdj() || toks[i+1].Tag == nlp.PRP) {
			retag(t, nlp.VB)
		}
	}
}

// riotCompounds follow "riot" as a noun: "riot police", "riot gear".
var riotCompounds = map[string]bool{"police": true, "policeman": true, "officer": true, "squad": true, "troop": true,
	"gear": true, "shield": true, "unit": true, "control": true}

// repairInfinitives mends "to" + a noun into an infinitive where a word
// taking one comes shortly before and the word can be a verb: "agreed to
// share/NN information", "offered to hand/NN over". What follows must be
// able to follow a verb (an object, a particle, the end), which keeps "agreed
// to peace talks" (peace is no verb) and "went to court on Monday" (went
// takes no infinitive) as they are.
// mandative words take a that-clause whose verb is a bare subjunctive:
// "demanded that the government provide", "its demand that Israel ease".
var mandative = map[string]bool{"demand": true, "insist": true, "propose": true, "urge": true, "recommend": true,
	"ask": true, "request": true, "suggest": true, "require": true, "order": true, "stipulate": true, "proposal": true}

// repairSubjunctive mends the bare verb of a mandative that-clause that the
// tagger read as a noun of its subject: "demanded that the Turkish
// government provide/NN information".
func repairSubjunctive(toks []nlp.Token, inAtom []bool, lex Lexicon) {
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Lower != "that" {
			continue
		}
		b := i - 1
		for b > 0 && (toks[b].Tag.IsAdv() || toks[b].Tag == nlp.NN && timeWords[toks[b].Lower]) {
			b-- // "its demand today that"
		}
		if !mandative[nlp.LowerWord(toks[b].Lemma)] {
			continue
		}
		end := i + 1
		for end < len(toks) && toks[end].Tag != nlp.Comma && !toks[end].Tag.IsPunct() {
			end++
		}
		if hasFiniteVerb(toks[i+1 : end]) {
			continue
		}
		for k := i + 2; k+1 < end; k++ {
			t := &toks[k]
			pt := toks[k-1].Tag
			if !pt.IsNoun() && !inAtom[k-1] && !pt.IsAdj() && pt != nlp.DT && pt != nlp.PRPS && pt != nlp.CD && pt != nlp.POS {
				break // the subject ended without a verb
			}
			if inAtom[k] || t.Tag != nlp.NN || t.Text != t.Lower || !pt.IsNoun() && !inAtom[k-1] {
				continue
			}
			if lemma := nlp.Lemma(t.Text, nlp.VB); lex.Verb(lemma) {
				t.Tag, t.Lemma = nlp.VBP, lemma
				break
			}
		}
	}
}

func repairInfinitives(toks []nlp.Token, inAtom []bool, lex Lexicon) {
	// "Libya must hand/NN over the suspects": after a modal (and "not"),
	// a word that can be a verb and is followed by what a verb takes is
	// the verb
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag != nlp.MD {
			continue
		}
		j := i + 1
		if toks[j].Lower == "not" && j+1 < len(toks) {
			j++
		}
		if bareVerbAt(toks, inAtom, lex, j, true) {
			retag(&toks[j], nlp.VB)
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag != nlp.TO || toks[i].Lower != "to" {
			continue
		}
		if !bareVerbAt(toks, inAtom, lex, i+1, false) {
			continue
		}
		// the word that governs "to": just before it, or before the
		// object of a verb of asking ("urged Iran to share")
		governed := false
		for j := i - 1; j >= 0 && j >= i-6; j-- {
			g := toks[j]
			if (g.Tag.IsVerb() || g.Tag.IsAdj()) && lex.TakesInfinitive(strings.ToLower(g.Lemma)) {
				governed = true
				break
			}
			// (a time PP may sit between: "agreed on Monday to hand over")
			if g.Tag.IsPunct() || g.Tag == nlp.TO || g.Tag == nlp.IN && !(j+1 < i && isTimeWord(toks[j+1])) {
				break
			}
		}
		if governed {
			retag(&toks[i+1], nlp.VB)
		}
	}
}

// bareVerbAt reports whether token j, tagged a noun or a present tense, is
// a lower-case word the lexicon knows as a verb and is followed by what a
// verb takes: an object, a particle, punctuation (or, after a modal, a
// preposition: "must hand over to").
func bareVerbAt(toks []nlp.Token, inAtom []bool, lex Lexicon, j int, prep bool) bool {
	t := toks[j]
	if t.Tag != nlp.NN && t.Tag != nlp.VBP || inAtom[j] || t.Text != t.Lower || !lex.Verb(nlp.Lemma(t.Text, nlp.VB)) {
		return false
	}
	if j+1 >= len(toks) {
		return true
	}
	n := toks[j+1]
	return n.Tag == nlp.DT || n.Tag == nlp.PRPS || n.Tag == nlp.PRP || n.Tag.IsNoun() || n.Tag.IsAdj() || n.Tag == nlp.CD ||
		n.Tag == nlp.RP || prep && n.Tag == nlp.IN || n.Tag.IsPunct() || infinitiveParticles[n.Lower]
}

// retag gives token t a new tag and the lemma that goes with it.
func retag(t *nlp.Token, tag nlp.Tag) { t.Tag, t.Lemma = tag, nlp.Lemma(t.Text, tag) }

// repairParticles makes the word after a verb its particle, not a
// preposition, when the lexicon knows the two as one verb: "must hand
// over/IN the suspects", "turned over/IN the files".
func repairParticles(toks []nlp.Token, inAtom []bool, lex Lexicon) {
	for i := 0; i+2 < len(toks); i++ {
		t, n := toks[i], &toks[i+1]
		// (not "on", "in": "called on X to", frames read as a PP)
		if w := n.Lower; !t.Tag.IsVerb() || n.Tag != nlp.IN || inAtom[i+1] || !isParticleWord(w) || w == "on" || w == "in" ||
			!lex.Verb(strings.ToLower(t.Lemma)+" "+w) {
			continue
		}
		if next := toks[i+2].Tag; next == nlp.DT || next == nlp.PRPS || next == nlp.CD || next.IsNoun() || next.IsAdj() {
			n.Tag = nlp.RP
		}
	}
}

// repairVerbless gives a sentence the tagger found no verb in its verb:
// "Serbian police beat/NN Croatian protesters" has one, a word that can be a
// verb between a subject and an object.
func repairVerbless(toks []nlp.Token, inAtom []bool, lex Lexicon) {
	for _, t := range toks {
		if t.Tag.IsVerbal() {
			return
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if inAtom[i] || t.Text != t.Lower || !(t.Tag == nlp.NN || t.Tag == nlp.NNS || t.Tag == nlp.JJ) {
			continue
		}
		prev, next := toks[i-1], toks[i+1]
		// ("the minister arrives/NNS in Lima": a verb of motion before its PP)
		if !(prev.Tag.IsNoun() || inAtom[i-1] || prev.Tag == nlp.PRP) || !(next.Tag == nlp.DT || next.Tag.IsNoun() || next.Tag.IsAdj() || next.Tag == nlp.PRP || next.Tag == nlp.PRPS || inAtom[i+1] ||
			t.Tag == nlp.NNS && (next.Tag == nlp.IN || next.Tag == nlp.TO)) {
			continue
		}
		tag := nlp.VBD
		if t.Tag == nlp.NNS {
			tag = nlp.VBZ // "police arrests protesters" reads as "arrests"
		}
		if lemma := nlp.Lemma(t.Text, tag); lex.Verb(lemma) {
			t.Tag, t.Lemma = tag, lemma
			return
		}
	}
}

// infinitiveParticles can follow a verb as its particle: "hand over".
var infinitiveParticles = map[string]bool{"over": true, "up": true, "out": true, "back": true, "off": true, "down": true, "away": true}

// namingParticiple reports whether the naming verb at i names the noun
// before it ("set up a joint venture called Orion"): after a noun with "a"
// or "an", before a name, with the clause's verb already said.
func namingParticiple(toks []nlp.Token, inAtom []bool, i int) bool {
	if i < 2 || i+1 >= len(toks) || !namingVerbs[toks[i].Lower] || inAtom[i] || !toks[i-1].Tag.IsNoun() || toks[i-1].Tag.IsProperNoun() ||
		!(toks[i+1].Tag.IsProperNoun() || inAtom[i+1]) || !hasFiniteVerb(toks[:i]) {
		return false
	}
	for j := i - 1; j > 0 && (toks[j].Tag.IsNoun() || toks[j].Tag.IsAdj()); j-- {
		if w := toks[j-1].Lower; toks[j-1].Tag == nlp.DT && (w == "a" || w == "an") {
			return true
		}
	}
	return false
}

// namingVerbs give a name: "a group called X".
var namingVerbs = map[string]bool{"called": true, "named": true, "dubbed": true, "titled": true, "entitled": true, "nicknamed": true}

// auxiliaryVerbs are the verbs a participle after them belongs to.
var auxiliaryVerbs = map[string]bool{"be": true, "have": true, "get": true, "do": true, "become": true, "seem": true,
	"remain": true, "appear": true, "feel": true, "look": true, "keep": true, "stay": true}

// nominalUpTo reports whether the tokens before i are one noun phrase
// opening the sentence: "Troops", "The Kenyan army", "Ugandan police".
func nominalUpTo(toks []nlp.Token, inAtom []bool, i int) bool {
	for _, t := range toks[:i] {
		if !(t.Tag.IsNoun() || t.Tag.IsAdj() || t.Tag == nlp.DT || t.Tag == nlp.CD || t.Tag == nlp.POS || t.Tag == nlp.PRPS) {
			return false
		}
	}
	return i > 0 && (toks[i-1].Tag.IsNoun() || inAtom[i-1])
}

// repairReducedPassive: "Amnesty took up the case of six students
// refused/VBD entry to Peru". After the main clause's verb, a past tense
// right after the noun a preposition governs is a participle describing
// that noun: a preposition's object cannot be a clause's subject. Not
// after a verb of saying ("said violence in Iraq killed ten"), nor where
// a relative or subordinate clause may hold either verb ("A bomb that
// exploded in a market killed ten", "came after Pakistan handed over").
// It returns the participle's token, -1 if none.
func repairReducedPassive(toks []nlp.Token, inAtom []bool) int {
	verb := -1 // the main clause's verb, once met
	prep := -1 // the preposition before the noun phrase that ends at i-1
	for i, t := range toks {
		switch {
		case t.Tag == nlp.WDT || t.Tag == nlp.WP || t.Tag == nlp.WRB || t.Lower == "that" ||
			t.Tag == nlp.IN && subordinators[t.Lower]:
			return -1
		case t.Tag == nlp.Comma || t.Tag == nlp.CC || t.Tag == nlp.Colon || t.Tag == nlp.LQuote || t.Tag == nlp.RQuote:
			if verb >= 0 {
				return -1
			}
		case t.Tag.IsVerb() || t.Tag == nlp.MD:
			if verb < 0 {
				if !t.Tag.IsFiniteVerb() || speechVerbs[t.Lemma] {
					return -1
				}
				verb = i
				continue
			}
			// (an auxiliary is the tensed verb itself: in "The sailors
			// captured near the coast were handed over" the first past
			// form is the participle, see repairReducedBeforeTensed)
			if (t.Tag == nlp.VBD || t.Tag == nlp.VBN) && prep >= 0 && onePhrase(toks, inAtom, prep+1, i) && !inAtom[i] &&
				i+1 < len(toks) && !isAux(toks[verb].Lemma) && !isAux(t.Lemma) {
				retag(&toks[i], nlp.VBN)
				return i
			}
			return -1
		case t.Tag == nlp.IN && verb >= 0:
			prep = i
		}
	}
	return -1
}

// onePhrase reports whether toks[from:to] is one noun phrase ending in a
// noun: no determiner or possessive after a noun starts a second one.
func onePhrase(toks []nlp.Token, inAtom []bool, from, to int) bool {
	if from >= to || !(toks[to-1].Tag.IsNoun() || inAtom[to-1]) {
		return false
	}
	noun := false
	for _, t := range toks[from:to] {
		switch {
		case t.Tag.IsNoun():
			noun = true
		case t.Tag == nlp.DT || t.Tag == nlp.PRPS || t.Tag == nlp.PDT:
			if noun {
				return false
			}
		case t.Tag.IsAdj() || t.Tag == nlp.CD || t.Tag == nlp.POS:
		default:
			return false
		}
	}
	return true
}

// repairSpeechVerb: "But the Morales camp claims/NNS that Quiroga would
// sell off the country". A speech verb's -s form after a noun and before
// "that", with no tensed verb before it and one after, is the sentence's
// verb ("Opposition claims that the vote was rigged were rejected" has
// two after it, and keeps its noun).
func repairSpeechVerb(toks []nlp.Token, inAtom []bool) {
	for i := 1; i+2 < len(toks); i++ {
		t := &toks[i]
		if t.Tag.IsFiniteVerb() {
			return
		}
		if t.Tag != nlp.NNS || inAtom[i] || !toks[i-1].Tag.IsNoun() || toks[i+1].Lower != "that" ||
			!speechVerbs[nlp.Lemma(t.Text, nlp.VBZ)] {
			continue
		}
		n := 0
		for _, u := range toks[i+2:] {
			if u.Tag.IsFiniteVerb() {
				n++
			}
		}
		if n == 1 {
			retag(t, nlp.VBZ)
		}
		return
	}
}

// hasFiniteVerb reports whether a tensed verb or a modal is among toks.
func hasFiniteVerb(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Tag.IsFiniteVerb() {
			return true
		}
	}
	return false
}

// objectAfter reports whether token i can open a verb's object: a
// determiner, noun, pronoun, number or adjective.
func objectAfter(toks []nlp.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i].Tag
	return t == nlp.DT || t.IsNoun() || t == nlp.PRP || t == nlp.PRPS || t == nlp.CD || t.IsAdj()
}

// partitives count, group or carry what their of-phrase names: "a round of
// talks", "a wave of attacks", "a number of countries", "a message of
// condolence". The phrase runs on through "of", and its head is that noun.
var partitives = map[string]bool{"round": true, "wave": true, "series": true, "spate": true, "string": true,
	"barrage": true, "flurry": true, "volley": true, "salvo": true, "number": true, "handful": true, "couple": true,
	"host": true, "package": true, "set": true, "sequence": true, "cycle": true, "chain": true, "raft": true,
	"slew": true, "batch": true, "rash": true, "spree": true, "hail": true,
	// units of forces: "a contingent of Kenyan troops", "a detachment of marines"
	"contingent": true, "detachment": true, "squad": true,
	// measures and loads: "700 kg of medicine", "$5,000 worth of food", "a shipment of arms"
	"kg": true, "kilogram": true, "kilo": true, "ton": true, "tonne": true, "pound": true, "litre": true, "liter": true,
	"gallon": true, "barrel": true, "truckload": true, "shipload": true, "planeload": true, "carton": true, "crate": true,
	"sack": true, "worth": true, "consignment": true, "shipment": true, "cargo": true, "quantity": true, "amount": true,
	// a message carries its speech act: "a message of condolence", "a
	// letter of protest", "a note of thanks"
	"message": true, "letter": true, "note": true, "cable": true, "telegram": true, "expression": true}

// ElidedName reports whether w is a name behind an elided particle or an
// article written lower case: "d'Huy", "l'Aquila", "al-Aqsa", "el-Baradei".
func ElidedName(w string) bool {
	if len(w) > 3 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' {
		r, n := utf8.DecodeRuneInString(w[3:])
		return n > 0 && unicode.IsUpper(r)
	}
	r, n := utf8.DecodeRuneInString(w[min(2, len(w)):])
	return len(w) > 2 && (w[0] == 'd' || w[0] == 'l') && w[1] == '\'' && n > 0 && unicode.IsUpper(r)
}

// isTimeWord reports whether t names a day or a span of time ("Monday",
// "week").
func isTimeWord(t nlp.Token) bool {
	return isWeekdayOrMonth(t.Lower) || timeWords[nlp.LowerWord(t.Lemma)]
}

// timeWords head phrases that only say when.
var timeWords = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"week": true, "month": true, "year": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"weekend": true, "day": true, "hour": true, "decade": true, "time": true, "moment": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// adjectivalParticiples are -ing and -ed forms that, right before a name,
// qualify it rather than act on it: "met visiting Chinese Premier Wen".
var adjectivalParticiples = map[string]bool{"visiting": true, "ruling": true, "leading": true, "opposing": true,
	"governing": true, "neighboring": true, "neighbouring": true, "outgoing": true, "incoming": true, "acting": true,
	"warring": true, "rival": true, "ousted": true, "exiled": true, "jailed": true, "detained": true, "elected": true,
	"deposed": true, "embattled": true, "striking": true, "protesting": true, "retired": true, "wounded": true,
	"kidnapped": true, "abducted": true, "arrested": true, "imprisoned": true, "beleaguered": true, "newly": true,
	"so-called": true, "self-styled": true, "separatist": true, "armed": true, "united": true}

func (p *Parse) nounish(i int) bool {
	t := p.Toks[i].Tag
	return t.IsNoun() || t == nlp.CD || t == nlp.Dollar || t == nlp.Hash
}

// chunkPhrases finds the noun phrases: an optional predeterminer and
// determiner, modifiers (numbers, adjectives, participles before a noun,
// nouns), and a head; a possessor ("Iran's", "his") ends a phrase of its
// own and qualifies the next one.
func (p *Parse) chunkPhrases(atomEnd []int, inAtom []bool) {
	toks := p.Toks
	n := len(toks)
	possessor := -1 // the possessor phrase waiting for its possessum
	for i := 0; i < n; {
		start := i
		t := toks[i].Tag
		q := QuantityPrefix(toks, i)
		if q == 0 && atomEnd[i] == 0 && !p.canStartPhrase(i) {
			possessor = -1
			i++
			continue
		}
		if t == nlp.PRPS && atomEnd[i] == 0 {
			// "his visit": the pronoun is a possessor phrase of its own
			ph := p.addPhrase(i, i+1, i)
			p.Phrases[ph].Possessor = true
			possessor = ph
			i++
			continue
		}
		if t == nlp.PRP && atomEnd[i] == 0 {
			// "Weah himself claimed": an emphatic reflexive right after a
			// phrase belongs to it
			if k := len(p.Phrases) - 1; k >= 0 && p.Phrases[k].To == i && isReflexive(toks[i].Lower) && !p.Phrases[k].Possessor {
				p.Phrases[k].To = i + 1
				p.phraseAt[i] = k
				i++
				continue
			}
			p.addPhrase(i, i+1, i)
			possessor = -1
			i++
			continue
		}
		head := -1
		seenNoun := false
		j := i + q // "at least 20 people": the number's words are the phrase's
	scan:
		for j < n {
			// "On Monday Russia accused ...": a weekday ends its phrase
			// before a name
			// ("On March 3 Ekeus accused ...", "Earlier in the day Rubin
			// visited ...": so does a date or a time word)
			if seenNoun && j > start && (atomEnd[j] > 0 || toks[j].Tag.IsProperNoun()) &&
				(head == j-1 && (isWeekday(toks[head].Text) || toks[head].Tag == nlp.NN && timeWords[nlp.LowerWord(toks[head].Lemma)]) ||
					toks[j-1].Tag == nlp.CD && j-2 >= start && isWeekdayOrMonth(toks[j-2].Lower)) {
				break scan
			}
			if e := atomEnd[j]; e > 0 {
				j = e
				head = e - 1
				seenNoun = true
				continue
			}
			if inAtom[j] {
				break // the middle of an atom that started before: cannot happen with sorted atoms
			}
			tj := toks[j].Tag
			lw := toks[j].Lower
			switch {
			case tj == nlp.PDT && j == start:
				j++
			case tj == nlp.DT && !seenNoun && (j == start || toks[j-1].Tag == nlp.PDT):
				j++
			case tj == nlp.CD:
				// "gave the Ivory Coast 5.1 million dollars": an amount after
				// a name is a phrase of its own
				if seenNoun && head >= 0 && (toks[head].Tag.IsProperNoun() || atomEnd[start] > 0) && !isWeekdayOrMonth(toks[head].Lower) &&
					j+1 < n && (toks[j+1].Tag == nlp.CD || toks[j+1].Tag == nlp.NNS) {
					break scan // ("gave Israel two weeks to ...")
				}
				j++
				if !seenNoun {
					head = j - 1
				}
			case tj.IsAdj():
				// ("director general", "attorney general" go on, and so do
				// adjectives after a proper name that lead to a noun: "the
				// Chilean foreign minister", "the EU foreign policy chief")
				if seenNoun && !(lw == "general" && j > start) &&
					(!(allProper(toks[start:j]) && j+1 < n && (toks[j+1].Tag.IsNoun() || toks[j+1].Tag.IsAdj())) || timeAdjectives[lw]) {
					break scan // (but "refuge in Germany last month": a time phrase starts)
				}
				j++
				if head < 0 || !p.nounish(head) {
					head = j - 1 // "the poor": an adjective heads when nothing else does
				}
			case tj.IsAdv() && !seenNoun && j+1 < n && toks[j+1].Tag.IsAdj():
				j++ // "very large"
			case (tj == nlp.VBN || tj == nlp.VBG) && !seenNoun && j+1 < n &&
				(toks[j+1].Tag.IsNoun() || toks[j+1].Tag.IsAdj() || atomEnd[j+1] > 0) &&
				(j > start || adjectivalParticiples[lw] && !(start > 0 && isBe(toks[start-1])) || start > 0 && (toks[start-1].Tag == nlp.PRPS || toks[start-1].Tag == nlp.POS)):
				// ... or after a possessor: "their peacekeeping force"
				j++ // "the proposed deal", "visiting Chinese Premier X"
			case tj == nlp.VBG && j > start && start > 0 && toks[start-1].Tag == nlp.IN &&
				(toks[j-1].Tag.IsAdj() && !seenNoun || (toks[j-1].Tag == nlp.NN || toks[j-1].Tag.IsProperNoun()) && seenNoun) && !objectAfter(toks, j+1) &&
				!timeWords[toks[j-1].Lower] && !isWeekdayOrMonth(toks[j-1].Lower):
				// "killed in Israeli shelling", "after fierce fighting with",
				// "in tank shelling": after a preposition and a modifier, a
				// gerund with no object is the noun of the phrase
				j++
				head = j - 1
				seenNoun = true
			case isNameParticle(lw) && j+1 < n && toks[j+1].Tag.IsProperNoun() && (j == start || toks[j-1].Tag.IsProperNoun()):
				j++ // "Jacques de Larosiere", "Osama bin Laden", "de Villepin"
			case tj.IsNoun() || tj == nlp.Dollar || tj == nlp.Hash:
				if seenNoun && (timeWords[lw] && (tj == nlp.NN || isWeekdayOrMonth(lw))) {
					break scan // "the Czech Republic today": a time word starts its own phrase
				}
				if seenNoun && tj.IsProperNoun() && j > start && toks[j-1].Tag == nlp.NNS && !titlesName(toks, j) {
					break scan // "questioned as witnesses Villepin's predecessor": a name after a plural noun starts anew
				}
				if seenNoun && tj.IsProperNoun() && j > start && toks[j-1].Tag == nlp.NN && !personNouns[nlp.LowerWord(toks[j-1].Lemma)] && possessiveName(toks, j) {
					break scan // "denounced as an ugly crime Serbia's suppression": so does a possessor after a common noun
				}
				j++
				head = j - 1
				seenNoun = true
			case tj == nlp.POS && j > start:
				j++
				break scan
			case lw == "of" && seenNoun && head >= 0 && partitives[nlp.LowerWord(toks[head].Lemma)] && atomEnd[head] == 0 && j+1 < n &&
				(toks[j+1].Tag.IsNoun() || toks[j+1].Tag.IsAdj() || atomEnd[j+1] > 0):
				// "a new round of talks", "a wave of air strikes": the head
				// is what the partitive counts, so the talks take the
				// phrase's role and the PPs after it
				j++
				head, seenNoun = -1, false
			default:
				break scan
			}
		}
		if j == start {
			i++
			continue
		}
		if head < 0 {
			if toks[j-1].Tag == nlp.POS {
				head = j - 2
			} else {
				head = j - 1 // a bare determiner: "both", "those"
			}
		}
		if head >= j {
			head = j - 1
		}
		// "three managers responsible for the blast", "officials close to
		// the talks": an adjective with its PP after a noun describes it
		if k := len(p.Phrases) - 1; j == start+1 && toks[start].Tag.IsAdj() && k >= 0 && p.Phrases[k].To == start &&
			!p.Phrases[k].Possessor && toks[p.Phrases[k].Head].Tag.IsNoun() && j < n && (toks[j].Tag == nlp.IN || toks[j].Tag == nlp.TO) {
			p.Phrases[k].To = j
			p.phraseAt[start] = k
			possessor = -1
			i = j
			continue
		}
		ph := p.addPhrase(start, j, head)
		if possessor >= 0 && p.Phrases[possessor].To == start {
			p.Phrases[ph].Poss = possessor
			// "in the Darfur region's rebel movements": the whole is in the PP
			if pf := p.Phrases[possessor].From; pf > 0 && (toks[pf-1].Tag == nlp.IN || toks[pf-1].Tag == nlp.TO) {
				p.Phrases[ph].Prep = pf - 1
			}
		}
		possessor = -1
		if toks[j-1].Tag == nlp.POS {
			p.Phrases[ph].Possessor = true
			if toks[j-1].Start == toks[head].End || j-2 >= start {
				p.Phrases[ph].Head = max(start, j-2)
				if atomStartsBefore(atomEnd, start, j-1) >= 0 {
					p.Phrases[ph].Head = j - 2
				}
			}
			possessor = ph
		}
		i = j
	}
	for k := range p.Phrases {
		ph := &p.Phrases[k]
		if ph.From > 0 {
			pt := toks[ph.From-1].Tag
			if pt == nlp.IN || pt == nlp.TO {
				ph.Prep = ph.From - 1
			}
		}
		// "today", "last week", "Tuesday", "March" (but not "the march")
		hw := toks[ph.Head].Text
		ph.Time = timeWords[nlp.LowerWord(toks[ph.Head].Lemma)] && !toks[ph.Head].Tag.IsProperNoun() && !isWeekdayOrMonth(hw) ||
			isWeekdayOrMonth(hw) && isCapitalized(hw)
		// "of": "the government of Iraq" (the next phrase after "of")
		if ph.To+1 < len(toks) && toks[ph.To].Lower == "of" {
			if q := p.phraseAt[ph.To+1]; q >= 0 && q != k {
				ph.Of = q
			}
		}
	}
}

func isReflexive(w string) bool {
	switch w {
	case "himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself":
		return true
	}
	return false
}

// timeAdjectives start a time phrase after a name: "in Germany last month".
var timeAdjectives = map[string]bool{"last": true, "next": true, "past": true, "previous": true, "coming": true, "this": true}

// quantityPrefixes are the words that bound a number: "more than 100
// Palestinians", "at least 20 people", "up to 16 advisers".
var quantityPrefixes = [][]string{{"more", "than"}, {"fewer", "than"}, {"less", "than"}, {"at", "least"}, {"at", "most"},
	{"up", "to"}, {"as", "many", "as"}, {"as", "few", "as"}, {"no", "fewer", "than"}, {"no", "more", "than"}, {"upwards", "of"}}

// QuantityPrefix is the number of tokens from i that bound the number
// right after them, 0 if none.
func QuantityPrefix(toks []nlp.Token, i int) int {
	for _, w := range quantityPrefixes {
		k := len(w)
		if i+k >= len(toks) || toks[i+k].Tag != nlp.CD {
			continue
		}
		ok := true
		for x, word := range w {
			if toks[i+x].Lower != word {
				ok = false
				break
			}
		}
		if ok {
			return k
		}
	}
	return 0
}

// allProper reports whether every noun among toks is a proper noun.
func allProper(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Tag.IsNoun() && !t.Tag.IsProperNoun() {
			return false
		}
	}
	return true
}

// possessiveName reports whether the proper name at j ends in "'s".
func possessiveName(toks []nlp.Token, j int) bool {
	k := j
	for k < len(toks) && toks[k].Tag.IsProperNoun() {
		k++
	}
	return k < len(toks) && toks[k].Tag == nlp.POS
}

// titlesName reports whether the plural noun before token j is the
// role of the people named from j on: "judges Jean-Marie d'Huy and Henri
// Pons", "foreign ministers Sergei Lavrov and Wang Yi". The name must be a
// person's (two words at least, not a possessor): "told ministers Britain
// would ..." and "witnesses Villepin's predecessor" start anew.
func titlesName(toks []nlp.Token, j int) bool {
	if !personNouns[nlp.LowerWord(toks[j-1].Lemma)] {
		return false
	}
	k := j
	for k < len(toks) && (toks[k].Tag.IsProperNoun() || isNameParticle(toks[k].Lower) && k > j) {
		k++
	}
	return k-j >= 2 && (k == len(toks) || toks[k].Tag != nlp.POS)
}

// isNameParticle: lower-case words inside names ("de Villepin", "bin Laden").
func isNameParticle(w string) bool {
	switch w {
	case "de", "da", "di", "du", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "dos", "das", "del":
		return true
	}
	return false
}

func atomStartsBefore(atomEnd []int, from, to int) int {
	for k := from; k < to; k++ {
		if atomEnd[k] > 0 {
			return k
		}
	}
	return -1
}

func isWeekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

func isWeekdayOrMonth(w string) bool {
	switch nlp.LowerWord(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}

func (p *Parse) canStartPhrase(i int) bool {
	t := p.Toks[i].Tag
	if isNameParticle(p.Toks[i].Lower) && i+1 < len(p.Toks) && p.Toks[i+1].Tag.IsProperNoun() && p.Toks[i].Text == p.Toks[i].Lower &&
		(i == 0 || !p.Toks[i-1].Tag.IsNoun()) {
		return true
	}
	switch {
	case t == nlp.DT:
		// a determiner starts a phrase when something nominal follows, or
		// stands for one ("both", "those")
		if i+1 < len(p.Toks) {
			nt := p.Toks[i+1].Tag
			if nt.IsNoun() || nt.IsAdj() || nt == nlp.CD || nt == nlp.VBN || nt == nlp.VBG || nt == nlp.RB || nt == nlp.Dollar {
				return true
			}
		}
		switch p.Toks[i].Lower {
		case "both", "those", "these", "all", "each", "this":
			return true
		}
		return false
	case t == nlp.PDT, t == nlp.PRPS, t == nlp.PRP, t == nlp.CD, t.IsAdj(), t.IsNoun(), t == nlp.Dollar, t == nlp.Hash:
		return true
	case t == nlp.VBG || t == nlp.VBN:
		// "visiting Chinese Premier Wen", "their peacekeeping force"; not
		// an -ing form right after a common noun, which governs what
		// follows: "candidates opposing President Karzai"
		if t == nlp.VBG && i > 0 && (p.Toks[i-1].Tag == nlp.NN || p.Toks[i-1].Tag == nlp.NNS) && !p.atomAt[i-1] {
			return false
		}
		return (adjectivalParticiples[p.Toks[i].Lower] || i > 0 && (p.Toks[i-1].Tag == nlp.PRPS || p.Toks[i-1].Tag == nlp.POS)) &&
			i+1 < len(p.Toks) && (p.Toks[i+1].Tag.IsNoun() || p.Toks[i+1].Tag.IsAdj())
	}
	return false
}

func (p *Parse) addPhrase(from, to, head int) int {
	k := len(p.Phrases)
	p.Phrases = append(p.Phrases, Phrase{From: from, To: to, Head: head, Poss: -1, Of: -1, Appos: -1, ConjOf: -1, Prep: -1})
	for i := from; i < to; i++ {
		p.phraseAt[i] = k
	}
	return k
}

// auxiliary verbs: they join the verb that follows them into one group.
func isAux(lemma string) bool {
	return lemma == "be" || lemma == "have" || lemma == "do" || lemma == "get"
}

// negations inside a verb group.
func isNegation(w string) bool { return w == "not" || w == "n't" || w == "never" || w == "no" }

// chunkVerbs finds verb groups among the tokens no phrase took.
func (p *Parse) chunkVerbs() {
	toks := p.Toks
	n := len(toks)
	for i := 0; i < n; {
		if p.phraseAt[i] >= 0 {
			i++
			continue
		}
		t := toks[i].Tag
		startsVerb := t == nlp.MD || t.IsVerb() || t == nlp.TO && p.verbAhead(i+1)
		if !startsVerb {
			i++
			continue
		}
		v := Verb{From: i, Head: -1, Particle: -1}
		// "troops never exchanged fire": "never" before a tensed verb
		// negates it ("not" there negates something else)
		if i > 0 && p.phraseAt[i-1] < 0 && toks[i-1].Lower == "never" && t != nlp.TO {
			v.Negated = true
		}
		j := i
		var auxes []string
		first := -1 // first verb or modal token
		for j < n && p.phraseAt[j] < 0 {
			tj := toks[j].Tag
			w := toks[j].Lower
			if tj == nlp.TO && j == i {
				v.Infinitive = true
				// "vowed not to return", "promised never to attack": the
				// negation before "to" negates the infinitive
				if i > 0 && p.phraseAt[i-1] < 0 && isNegation(toks[i-1].Lower) {
					v.Negated = true
				}
				j++
				continue
			}
			if tj == nlp.MD {
				if first < 0 {
					first = j
				}
				v.Modal = modalLemma(w)
				j++
				continue
			}
			if tj.IsAdv() || tj == nlp.RB {
				if !p.verbAhead(j + 1) {
					break
				}
				if isNegation(w) {
					v.Negated = true
				}
				j++
				continue
			}
			if tj.IsVerb() {
				if first < 0 {
					first = j
				}
				lemma := toks[j].Lemma
				if isAux(lemma) && p.verbAhead(j+1) {
					auxes = append(auxes, lemma)
					j++
					continue
				}
				v.Head = j
				j++
				break
			}
			break
		}
		if v.Head < 0 {
			// a modal or "to" with no verb after all ("as he should")
			if first >= 0 && j > i {
				v.Head = first
			} else {
				i++
				continue
			}
		}
		// a particle right after the main verb: "ruled out", "called off"
		if j < n && p.phraseAt[j] < 0 && toks[j].Tag == nlp.RP {
			v.Particle = j
			j++
		}
		v.To = j
		head := toks[v.Head]
		v.Lemma = head.Lemma
		last := ""
		if len(auxes) > 0 {
			last = auxes[len(auxes)-1]
		}
		switch {
		case head.Tag == nlp.VBN && (last == "be" || last == "get"):
			v.Passive = true
		case head.Tag == nlp.VBG && last == "be":
			v.Progressive = true
		}
		for _, a := range auxes {
			if a == "have" {
				v.Perfect = true
			}
		}
		ft := head.Tag
		if first >= 0 {
			ft = toks[first].Tag
		}
		v.Finite = !v.Infinitive && (ft == nlp.MD || ft == nlp.VBD || ft == nlp.VBZ || ft == nlp.VBP)
		v.Past = ft == nlp.VBD
		if !v.Finite && !v.Infinitive && len(auxes) == 0 && v.Modal == "" {
			switch head.Tag {
			case nlp.VBG:
				v.Gerund = true
			case nlp.VBN:
				v.Participle = true
				v.Passive = true
			case nlp.VB:
				// a bare base form after "did" split off, or an imperative
			}
		}
		// A bare past participle with a direct object, or right after
		// "whether X" / "that X", is a past tense the tagger misread:
		// "Rebels accused Khartoum of ...", "whether Trump's campaign
		// coordinated with Russia".
		// ("The army lifted Friday a day-old blockade": past the time word)
		obj := j
		if obj < n && p.phraseAt[obj] >= 0 && p.Phrases[p.phraseAt[obj]].Time && p.Phrases[p.phraseAt[obj]].Prep < 0 {
			obj = p.Phrases[p.phraseAt[obj]].To
		}
		if v.Participle && (obj < n && p.phraseAt[obj] >= 0 && !p.Phrases[p.phraseAt[obj]].Time || p.afterSubordinateSubject(v.From)) &&
			!namingParticiple(toks, p.atomAt, v.Head) && v.Head != p.reduced {
			v.Participle, v.Passive, v.Finite, v.Past = false, false, true, true
		}
		// A bare past form followed by "by": a reduced passive the tagger
		// read as a past tense ("sanctions imposed by the EU").
		if head.Tag == nlp.VBD && len(auxes) == 0 && v.Modal == "" && j < n && (toks[j].Lower == "by" || toks[j].Lower == "between") &&
			v.From > 0 && p.phraseAt[v.From-1] >= 0 && (toks[j].Lower == "by" || p.verbBeforePhrase(v.From-1)) {
			v.Finite, v.Participle, v.Passive, v.Past = false, true, true, false
		}
		// "Palestinians demonstrated in Ramallah": a bare participle after
		// the subject of a sentence that has no tensed verb at all is its
		// main verb, read by the tagger as a participle
		// ("the rules racially discriminated against Roma, the Law Lords ruled")
		if b := p.skipAdvLeft(v.From - 1); v.Participle && b >= 0 && p.phraseAt[b] >= 0 && !hasFiniteVerb(toks[:v.From]) && !p.anyFinite() &&
			!hasFiniteVerb(toks[v.To:max(v.To, trailingSpeech(toks))]) {
			v.Participle, v.Passive, v.Finite, v.Past = false, false, true, true
		}
		k := len(p.Verbs)
		p.Verbs = append(p.Verbs, v)
		for x := v.From; x < v.To; x++ {
			p.verbAt[x] = k
		}
		i = j
	}
}

// repairReducedBeforeTensed reads a bare past form between a subject and a
// tensed verb as the passive participle of a reduced relative: in "The
// soldiers wounded in the attack were flown home" the soldiers were
// wounded, and "were flown" is the sentence's verb. It applies only where
// nothing but prepositional phrases (with gerunds and infinitives in them)
// separates the two verbs, the past form has no object, and the later verb
// is unmistakably tensed (an auxiliary, a modal or a present form), since
// two bare past forms ("said in a statement issued Monday") are ambiguous.
func (p *Parse) repairReducedBeforeTensed() {
	toks := p.Toks
	for m := range p.Verbs {
		v := &p.Verbs[m]
		if !v.Finite || !v.Past || v.Modal != "" || v.Negated || v.From != v.Head || v.Particle >= 0 ||
			toks[v.Head].Tag != nlp.VBD || isAux(v.Lemma) || v.From == 0 || v.To >= len(toks) {
			continue
		}
		subj := p.phraseAt[v.From-1]
		if subj < 0 || p.Phrases[subj].Prep >= 0 || p.Phrases[subj].Time || toks[p.Phrases[subj].Head].Tag == nlp.PRP ||
			!(toks[v.To].Tag == nlp.IN || toks[v.To].Tag == nlp.TO) || p.opensClause(v.To) {
			continue
		}
		if w := p.tensedAfter(m); w >= 0 && (p.Verbs[w].Modal != "" || p.Verbs[w].From != p.Verbs[w].Head ||
			toks[p.Verbs[w].From].Tag == nlp.VBZ || toks[p.Verbs[w].From].Tag == nlp.VBP) {
			v.Finite, v.Past, v.Participle, v.Passive = false, false, true, true
		}
	}
}

// tensedAfter is the next tensed verb group after verb group m when only
// prepositional phrases, adverbs and untensed verbs lie between, -1 if
// another subject, a comma, a conjunction or a subordinator comes first.
func (p *Parse) tensedAfter(m int) int {
	toks := p.Toks
	for i := p.Verbs[m].To; i < len(toks); i++ {
		if w := p.verbAt[i]; w >= 0 {
			if p.Verbs[w].Finite {
				return w
			}
			i = p.Verbs[w].To - 1
			continue
		}
		if ph := p.phraseAt[i]; ph >= 0 {
			if P := &p.Phrases[ph]; P.Prep < 0 && !P.Time {
				return -1
			}
			i = p.Phrases[ph].To - 1
			continue
		}
		t := toks[i].Tag
		if !(t == nlp.IN || t == nlp.TO || t.IsAdv()) || p.opensClause(i) || isRelative(toks[i]) {
			return -1
		}
	}
	return -1
}

// opensClause reports whether token i is a subordinator that opens a
// clause, not a preposition before a time ("since 2001", "after Monday").
func (p *Parse) opensClause(i int) bool {
	if !subordinators[p.Toks[i].Lower] {
		return false
	}
	ph := -1
	if i+1 < len(p.Toks) {
		ph = p.phraseAt[i+1]
	}
	return ph < 0 || !p.Phrases[ph].Time && !isYear(p.Toks[p.Phrases[ph].Head].Text)
}

// isYear reports whether w is a year of the calendar: "2001", "1998".
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// afterSubordinateSubject reports whether the token before i ends a
// phrase that a subordinator introduces: "whether [Trump's campaign]".
func (p *Parse) afterSubordinateSubject(i int) bool {
	ph := p.PhraseAt(i - 1)
	if ph < 0 {
		return false
	}
	from := p.Phrases[ph].From
	if po := p.Phrases[ph].Poss; po >= 0 {
		from = p.Phrases[po].From
	}
	if from == 0 {
		return false
	}
	w := p.Toks[from-1].Lower
	return (p.Toks[from-1].Tag == nlp.IN || w == "that") && subordinators[w] && w != "as"
}

// trailingSpeech is where a closing speech clause starts (", the Law Lords
// have ruled."), len(toks) if the sentence has none.
func trailingSpeech(toks []nlp.Token) int {
	n := len(toks)
	end := n
	for end > 0 && toks[end-1].Tag.IsPunct() {
		end--
	}
	// the last verb, a speech verb, after a comma and a short subject
	v := end - 1
	if v < 2 || !toks[v].Tag.IsVerb() || !speechVerbs[toks[v].Lemma] {
		return n
	}
	for j := v - 1; j >= 0 && j >= v-8; j-- {
		if toks[j].Tag == nlp.Comma {
			return j
		}
	}
	return n
}

func (p *Parse) anyFinite() bool {
	for _, v := range p.Verbs {
		if v.Finite {
			return true
		}
	}
	return false
}

// verbBeforePhrase reports whether the phrase ending at token i is
// governed by a verb or preposition before it (an object, not a subject).
func (p *Parse) verbBeforePhrase(i int) bool {
	ph := p.phraseAt[i]
	if ph < 0 {
		return false
	}
	b := p.Phrases[ph].From - 1
	for b >= 0 && p.Toks[b].Tag.IsAdv() {
		b--
	}
	return b >= 0 && (p.verbAt[b] >= 0 || p.Toks[b].Tag == nlp.IN)
}

// verbAhead reports whether a verb follows at i, maybe after adverbs.
func (p *Parse) verbAhead(i int) bool {
	for ; i < len(p.Toks) && p.phraseAt[i] < 0; i++ {
		t := p.Toks[i].Tag
		if t.IsVerb() || t == nlp.MD {
			return true
		}
		if !t.IsAdv() {
			return false
		}
	}
	return false
}

func modalLemma(w string) string {
	switch w {
	case "'ll", "ll", "wo":
		return "will"
	case "'d":
		return "would"
	case "ca":
		return "can"
	case "sha":
		return "shall"
	}
	return w
}

// isCapitalized reports whether w starts with an upper-case letter.
func isCapitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isBe reports whether t is a form of "be": "is visiting Ecuador" is a
// progressive, not a visiting someone.
func isBe(t nlp.Token) bool {
	switch t.Lower {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "'re":
		return true
	}
	return false
}
