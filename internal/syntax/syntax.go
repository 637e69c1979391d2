// Package syntax gives a tagged sentence its structure: noun phrases with
// their heads, verb groups with voice, negation, modality and tense, and
// clauses with subject, object and prepositional attachments.
//
// It is a shallow, deterministic parser written for speed (tens of
// thousands of sentences per second): chunking by part of speech, then
// clause roles by position, the way a news sentence is laid out. It knows
// nothing of actors or events; the extraction engine reads its output.
//
//	Police in Surabaya arrested 11 PRD members on Tuesday.
//	  phrases: [Police] [Surabaya] [11 PRD members] [Tuesday]
//	  verbs:   arrested (finite, active, past)
//	  clause:  subject Police, object 11 PRD members, in Surabaya, on Tuesday
//
// What it covers: possessives ("Iran's foreign minister"), "of" complements
// ("the government of Iraq"), coordination ("Poland, Hungary and the Czech
// Republic"; shared subjects: "X met Y and signed Z"), apposition ("his
// French counterpart, Jean-Yves Le Drian,"), passives and reduced passives
// ("sanctions imposed by the EU on Belarus"), relative clauses ("Moscow,
// which blamed Washington"), to-infinitive complements with subject or
// object control ("X agreed to meet Y", "X urged Y to leave"), participial
// openers ("Welcoming the ruling, X said"), and time phrases that sit
// between the roles.
package syntax

import (
	"kg/internal/nlp"
)

// Parse is the structure of one sentence. Phrase, verb and clause
// references are indices into its slices; -1 means none.
type Parse struct {
	Toks    []nlp.Token
	Phrases []Phrase // noun phrases, in text order
	Verbs   []Verb   // verb groups, in text order
	Clauses []Clause // one per verb group: Clauses[i].Verb == i

	phraseAt []int  // token → the phrase it belongs to, -1
	verbAt   []int  // token → the verb group it belongs to, -1
	atomAt   []bool // token starts an atom (a known name)
	reduced  int    // a participle known to describe the noun before it ("students refused entry"), -1
}

// Phrase is a noun phrase: tokens [From, To) with a head.
type Phrase struct {
	From, To int
	Head     int // token index of the head word
	// Poss is the possessor ("Iran" in "Iran's foreign minister", "his" in
	// "his visit"); Of the complement of "of" ("Iraq" in "the government of
	// Iraq"); Appos a phrase in apposition ("Jean-Yves Le Drian" in "his
	// French counterpart, Jean-Yves Le Drian,").
	Poss, Of, Appos int
	// Conj lists the other members of a coordination, on its first member
	// ("Poland, Hungary and the Czech Republic": Hungary, Czech Republic on
	// Poland); ConjOf points back from the others to the first.
	Conj   []int
	ConjOf int
	// Prep is the preposition token this phrase is the object of; PrepOf
	// the phrase or verb it attaches to is not decided here.
	Prep int
	// Possessor reports that the phrase is itself a possessor (it ends
	// with 's or is a possessive pronoun).
	Possessor bool
	// Time marks phrases that only say when ("today", "last week").
	Time bool
}

// Verb is a verb group: auxiliaries, adverbs in between, the main verb
// and its particle ("has not yet been formally ruled out").
type Verb struct {
	From, To int
	Head     int    // the main verb token
	Lemma    string // the main verb's lemma
	Particle int    // the particle token ("out" in "ruled out"), -1
	// Form
	Finite     bool // tensed or modal: it can head a clause of its own
	Infinitive bool // "to visit"
	Gerund     bool // a bare -ing form ("visiting", "after meeting X")
	Participle bool // a bare past participle ("sanctions imposed by ...")
	// Features
	Passive     bool
	Negated     bool   // not, n't, never
	Perfect     bool   // have + participle
	Progressive bool   // be + -ing
	Past        bool   // the first verb of the group is past tense
	Modal       string // lemma of the modal: will, would, can, could, may, might, must, shall, should; "" if none
}

// Clause is one verb group with its roles.
type Clause struct {
	Verb int
	// Subj is the phrase before the verb (or the antecedent of a relative
	// pronoun, the controller of an infinitive, the subject shared with a
	// conjoined verb); Obj the phrase right after it; IObj the first of
	// two objects ("gave Iraq aid"). In the passive, Subj is still the
	// grammatical subject: Agent and Patient give the roles.
	Subj, Obj, IObj int
	PPs             []PP // prepositional phrases after the verb, in order
	// Leading are the prepositional phrases that open the sentence before
	// this clause's subject: "During a visit to Kenya, the president ...".
	Leading []PP
	// SubjHow says where Subj came from: "explicit", "relative", "shared",
	// "control", "reduced", "opener".
	SubjHow string
	// Parent is the clause this one depends on, Rel how: "xcomp" (to-
	// infinitive), "ccomp" (what was said or thought), "relcl" (relative
	// clause), "advcl" (after a subordinator: if, when, after, because),
	// "conj" (a conjoined verb), "pcomp" (a gerund after a preposition),
	// "participle" (a reduced relative or a participial opener).
	Parent int
	Rel    string
	// Sub is the subordinating word that introduces the clause ("that",
	// "if", "after"), lower case, "" if none.
	Sub string
	// Question marks a clause in a question.
	Question bool
}

// PP is a prepositional phrase: the preposition token and its phrase.
type PP struct {
	Prep   int
	Phrase int
}

// Agent is the phrase that does the action: the subject, or in the
// passive the object of "by".
func (p *Parse) Agent(c *Clause) int {
	if p.Verbs[c.Verb].Passive {
		for _, pp := range c.PPs {
			if p.Lower(pp.Prep) == "by" {
				return pp.Phrase
			}
		}
		return -1
	}
	return c.Subj
}

// Patient is the phrase the action is done to: the object, or in the
// passive the subject.
func (p *Parse) Patient(c *Clause) int {
	if p.Verbs[c.Verb].Passive {
		return c.Subj
	}
	return c.Obj
}

// PhraseAt returns the phrase token i belongs to, or -1.
func (p *Parse) PhraseAt(i int) int {
	if i < 0 || i >= len(p.phraseAt) {
		return -1
	}
	return p.phraseAt[i]
}

// VerbAt returns the verb group token i belongs to, or -1.
func (p *Parse) VerbAt(i int) int {
	if i < 0 || i >= len(p.verbAt) {
		return -1
	}
	return p.verbAt[i]
}

// Members returns a phrase and the other members of its coordination.
func (p *Parse) Members(ph int) []int {
	if ph < 0 {
		return nil
	}
	if f := p.Phrases[ph].ConjOf; f >= 0 {
		ph = f
	}
	return append([]int{ph}, p.Phrases[ph].Conj...)
}

// Lower is token i's text in lower case.
func (p *Parse) Lower(i int) string { return p.Toks[i].Lower }

// HeadLemma is the lemma of a phrase's head.
func (p *Parse) HeadLemma(ph int) string { return p.Toks[p.Phrases[ph].Head].Lemma }
