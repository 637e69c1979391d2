package syntax

import (
	"strings"

	"kg/internal/nlp"
)

// coordinate links coordinated phrases ("Poland, Hungary and the Czech
// Republic") and appositions ("Maeve Sherlock, chief executive of the
// Refugee Council,").
func (p *Parse) coordinate() {
	toks := p.Toks
	gap := func(a, b int) []int { // tokens between phrase a and phrase b
		var g []int
		for i := p.Phrases[a].To; i < p.Phrases[b].From; i++ {
			g = append(g, i)
		}
		return g
	}
	for a := 0; a < len(p.Phrases); a++ {
		if p.Phrases[a].ConjOf >= 0 || p.Phrases[a].Possessor || p.Phrases[a].Time {
			continue
		}
		if p.Phrases[a].Poss >= 0 && p.Phrases[p.Phrases[a].Poss].ConjOf >= 0 {
			continue // "the US and Russia's leaders": the possessors are the list
		}
		members := []int{a}
		closed := false
		commaBeforeAnd := false
		roles := map[int]int{} // member → the name that fills its role
		for b := a + 1; b < len(p.Phrases) && !closed; b++ {
			// a phrase right after a possessor is its possessum, not a member
			last := members[len(members)-1]
			if p.Phrases[last].Possessor {
				break
			}
			tail := last
			if n := p.roleFiller(last); n >= 0 {
				roles[last], tail, b = n, n, n+1
				if b >= len(p.Phrases) {
					break
				}
			}
			g := gap(tail, b)
			kind := p.gapKind(g)
			if kind == "" || p.Phrases[b].Time {
				break
			}
			// "Sudan's government and its foes": the member is the possessum
			b = p.possessum(b)
			members = append(members, b)
			if kind == "and" {
				closed = true
				commaBeforeAnd = len(g) > 1 && toks[g[0]].Tag == nlp.Comma
			}
			// a member may carry its own "of" phrase: "the foreign ministers of Poland"
			for b+1 < len(p.Phrases) && p.Phrases[b+1].Prep >= 0 && toks[p.Phrases[b+1].Prep].Lower == "of" &&
				p.Phrases[b+1].Prep == p.Phrases[b].To {
				b++
			}
		}
		if !closed || len(members) < 2 {
			continue
		}
		// "X met Y, and Z said ...": after a verb, a last member followed by a
		// finite verb starts a new clause.
		lastM := members[len(members)-1]
		// (past the last member's own PPs: "hitting his car, and troops
		// behind them fired")
		lastEnd := p.Phrases[lastM].To
		for q := lastM + 1; q < len(p.Phrases) && p.Phrases[q].Prep == lastEnd && lastEnd < len(toks) && toks[lastEnd].Tag == nlp.IN; q++ {
			lastEnd = p.Phrases[q].To
		}
		start := p.Phrases[a].From // with its possessor: "hitting his car"
		if q := p.Phrases[a].Poss; q >= 0 && p.Phrases[q].To == start {
			start = p.Phrases[q].From
		}
		if p.Phrases[a].From > 0 && (commaBeforeAnd && p.verbBefore(start) ||
			p.Phrases[a].Prep >= 0 && !subordinators[toks[p.Phrases[a].Prep].Lower] && toks[p.Phrases[a].Prep].Lower != "between" &&
				p.prevVerb(p.Phrases[a].From) >= 0) &&
			(p.finiteVerbAt(p.Phrases[lastM].To) || commaBeforeAnd && p.finiteVerbAt(lastEnd)) {
			// "X met Y, and Z said", "inform him of the deal and Olmert
			// accepted": the last one starts a clause
			if len(members) == 2 {
				continue
			}
			members = members[:len(members)-1]
			lastM = members[len(members)-1]
		}
		// "After the talks, Sudan and Chad signed ...", "With the signing of
		// a deal, the government and the rebels have agreed": the phrase of
		// an opening PP is not the first of the subjects after its comma
		if p.inOpeningPP(a) && toks[gap(a, members[1])[0]].Tag == nlp.Comma && p.finiteVerbAt(p.Phrases[lastM].To) {
			continue
		}
		// the members must be alike: no member is a pronoun next to names
		for _, m := range members[1:] {
			p.Phrases[m].ConjOf = a
			if p.Phrases[m].Prep < 0 {
				p.Phrases[m].Prep = p.Phrases[a].Prep
			}
		}
		p.Phrases[a].Conj = append(p.Phrases[a].Conj, members[1:]...)
		for m, n := range roles {
			p.Phrases[m].Appos = n
		}
		a = lastM
	}
	// Apposition: A , B [of C] , — B describes A (or A describes B).
	for a := 0; a+1 < len(p.Phrases); a++ {
		A := &p.Phrases[a]
		if A.Time || A.Possessor || A.ConjOf >= 0 || len(A.Conj) > 0 {
			continue
		}
		// "Welcoming the ruling, Maeve Sherlock said": the object of an
		// opening participle is not described by the name after it
		if v := p.VerbAt(p.skipAdvLeft(A.From - 1)); v >= 0 && p.Verbs[v].From == 0 {
			continue
		}
		b := a + 1
		// A's own PPs first: "the head of the agency, X,", "The US
		// commander in Iraq, General X,"
		for b < len(p.Phrases) && p.Phrases[b].Prep >= 0 && p.Phrases[b].Prep == p.Phrases[b-1].To && p.Phrases[b].ConjOf < 0 {
			b++
		}
		if b >= len(p.Phrases) {
			break
		}
		B := &p.Phrases[b]
		last := b - 1
		if B.From != p.Phrases[last].To+1 || toks[p.Phrases[last].To].Tag != nlp.Comma || B.Prep >= 0 || B.Time ||
			B.ConjOf >= 0 || len(B.Conj) > 0 || toks[B.Head].Tag == nlp.PRP {
			continue
		}
		// ", Algeria's leading activist,": the possessum describes A
		if B.Possessor && toks[B.Head].Tag != nlp.PRPS {
			if q := p.possessum(b); q != b {
				b = q
				B = &p.Phrases[b]
			}
		}
		// B's own PPs, then a closing comma or the end of the sentence
		end := B.To
		for c := b + 1; c < len(p.Phrases) && p.Phrases[c].Prep >= 0 && p.Phrases[c].Prep == end; c++ {
			end = p.Phrases[c].To
		}
		// ", a group loosely affiliated with Fatah,": a participle and
		// its phrases describe B
		if end < len(toks) && toks[end].Tag != nlp.Comma {
			end = p.reducedRelative(end)
		}
		if end < len(toks) && toks[end].Tag != nlp.Comma && toks[end].Tag != nlp.Period && toks[end].Tag != nlp.RQuote {
			continue
		}
		if end < len(toks) && toks[end].Tag == nlp.Comma && end+1 < len(toks) && toks[end+1].Lower == "and" {
			continue // "A, B, and C": a list
		}
		// After A's PPs, a known name describes A ("The US commander in
		// Iraq, General X,"); anything else the last of them ("the
		// industrial area of Tandes, Surabaya")
		// (last, not b-1: b may have moved on to a possessum)
		if last > a && !p.atomAt[B.From] && !(personNouns[nlp.LowerWord(toks[A.Head].Lemma)] && toks[B.Head].Tag.IsProperNoun()) {
			p.Phrases[last].Appos = b
			continue
		}
		A.Appos = b
	}
}

// reducedRelative reads a participle that starts at token i (after
// adverbs) and describes the phrase before it, with its object and PPs up
// to a comma before a finite verb: "a group loosely affiliated with Fatah,
// accused", "a movement representing farmers, said". It returns the token after them, i when there is
// no such participle. A past tense there is the participle the tagger
// took for one ("a group allied with Iran, said"), and is made one.
func (p *Parse) reducedRelative(i int) int {
	j := i
	for j < len(p.Toks) && p.Toks[j].Tag.IsAdv() && p.verbAt[j] < 0 {
		j++
	}
	if j >= len(p.Toks) || p.verbAt[j] < 0 {
		return i
	}
	v := &p.Verbs[p.verbAt[j]]
	pastForm := v.Past && v.Head == v.From && !v.Passive && !v.Perfect && strings.HasSuffix(p.Toks[v.Head].Lower, "ed")
	if !v.Participle && !v.Gerund && !pastForm {
		return i
	}
	end := v.To
	if q := p.PhraseAt(end); v.Gerund && q >= 0 && p.Phrases[q].Prep < 0 && p.Phrases[q].From == end {
		end = p.Phrases[q].To // "representing farmers"
	}
	for end+1 < len(p.Toks) && p.Toks[end].Tag == nlp.IN {
		q := p.PhraseAt(end + 1)
		if q < 0 || p.Phrases[q].Prep != end {
			break
		}
		end = p.Phrases[p.possessum(q)].To // "with Abbas's Fatah party"
	}
	// the aside closes before the verb it hides the subject of ("...,
	// accused", "..., on Monday accused")
	next := end + 1
	if q := p.PhraseAt(next); q >= 0 && p.Phrases[q].Time {
		next = p.Phrases[q].To
	} else if next < len(p.Toks) && p.Toks[next].Tag == nlp.IN {
		if q := p.PhraseAt(next + 1); q >= 0 && p.Phrases[q].Time {
			next = p.Phrases[q].To
		}
	}
	if end >= len(p.Toks) || p.Toks[end].Tag != nlp.Comma || !p.finiteVerbAt(next) {
		return i
	}
	if pastForm {
		retag(&p.Toks[v.Head], nlp.VBN)
		v.Lemma = p.Toks[v.Head].Lemma
		v.Finite, v.Past, v.Participle, v.Passive = false, false, true, true
	}
	return end
}

// roleFiller finds the name that fills a member's role in a list:
// "questioned Villepin's predecessor as prime minister, Jean-Pierre
// Raffarin, and the defence minister" lists two people, the first of them
// named after its "as" phrase. It returns -1 when there is none; a bare
// role after "as" followed by a name between commas is the only shape
// read ("served as prime minister, foreign minister and ..." lists roles).
func (p *Parse) roleFiller(m int) int {
	toks := p.Toks
	r, n := m+1, m+2
	if n >= len(p.Phrases) || !personNouns[nlp.LowerWord(toks[p.Phrases[m].Head].Lemma)] {
		return -1
	}
	R, N := p.Phrases[r], p.Phrases[n]
	if R.Prep != p.Phrases[m].To || toks[R.Prep].Lower != "as" || R.ConjOf >= 0 ||
		toks[R.From].Tag == nlp.DT || toks[R.From].Tag == nlp.PRPS || !personNouns[nlp.LowerWord(toks[R.Head].Lemma)] {
		return -1
	}
	if R.To >= len(toks) || toks[R.To].Tag != nlp.Comma || N.From != R.To+1 || N.Prep >= 0 ||
		!toks[N.Head].Tag.IsProperNoun() || N.To >= len(toks) || toks[N.To].Tag != nlp.Comma {
		return -1
	}
	return n
}

// PersonNoun reports whether a noun (by its lemma, lower-cased) names
// people by their role: "judge", "minister", "spokesman".
func PersonNoun(lemma string) bool { return personNouns[lemma] }

// personNouns name people by their role: a name in apposition after one
// of them and its PPs describes it ("Villepin's predecessor as prime
// minister, Jean-Pierre Raffarin").
var personNouns = map[string]bool{"predecessor": true, "successor": true, "minister": true, "leader": true,
	"president": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "head": true, "chief": true,
	"envoy": true, "ambassador": true, "commander": true, "counterpart": true, "deputy": true, "aide": true,
	"adviser": true, "advisor": true, "secretary": true, "chairman": true, "chairwoman": true, "director": true,
	"governor": true, "mayor": true, "judge": true, "prosecutor": true, "lawyer": true, "official": true,
	"representative": true, "delegate": true, "member": true, "founder": true, "editor": true, "general": true,
	"premier": true, "chancellor": true, "king": true, "queen": true, "prince": true, "coordinator": true,
	"negotiator": true, "mediator": true, "rival": true, "ally": true, "opponent": true, "candidate": true}

// gapKind classifies the tokens between two phrases: "," continues a
// list, "and" closes it (and, or, ", and", "as well as"), "" is no list.
func (p *Parse) gapKind(g []int) string {
	w := make([]string, len(g))
	for i, k := range g {
		w[i] = p.Toks[k].Lower
	}
	switch len(w) {
	case 1:
		switch w[0] {
		case ",":
			return ","
		case "and", "or", "&":
			return "and"
		}
	case 2:
		if w[0] == "," && (w[1] == "and" || w[1] == "or") {
			return "and"
		}
	case 3:
		if w[0] == "as" && w[1] == "well" && w[2] == "as" {
			return "and"
		}
	}
	return ""
}

func (p *Parse) verbBefore(i int) bool {
	for i--; i >= 0; i-- {
		t := p.Toks[i].Tag
		if p.verbAt[i] >= 0 {
			return true
		}
		if !t.IsAdv() {
			return false
		}
	}
	return false
}

func (p *Parse) finiteVerbAt(i int) bool {
	for ; i < len(p.Toks); i++ {
		if v := p.verbAt[i]; v >= 0 {
			return p.Verbs[v].Finite
		}
		if !p.Toks[i].Tag.IsAdv() {
			return false
		}
	}
	return false
}

// subordinators introduce a clause that depends on another.
var subordinators = map[string]bool{"that": true, "if": true, "unless": true, "whether": true, "because": true,
	"after": true, "before": true, "when": true, "while": true, "although": true, "though": true, "as": true,
	"since": true, "until": true, "once": true, "where": true, "whereas": true, "so": true, "lest": true}

// objectControl verbs pass their object to a following infinitive as its
// subject: "told Iran to stop", "urged the rebels to lay down arms".
var objectControl = map[string]bool{"tell": true, "ask": true, "urge": true, "order": true, "force": true, "invite": true,
	"allow": true, "call": true, "persuade": true, "encourage": true, "press": true, "warn": true, "advise": true,
	"instruct": true, "authorize": true, "authorise": true, "permit": true, "help": true, "request": true, "require": true,
	"enable": true, "lead": true, "push": true, "challenge": true, "compel": true, "oblige": true, "direct": true,
	"pressure": true, "pressurize": true, "implore": true, "beg": true, "expect": true, "want": true, "need": true,
	"appeal": true, "prevent": true, "ban": true, "forbid": true, "convince": true, "remind": true, "commission": true}

// judgingVerbs say what someone thinks of another, as a speaker does.
var judgingVerbs = map[string]bool{"accuse": true, "blame": true, "chide": true, "criticize": true, "criticise": true,
	"condemn": true, "denounce": true, "praise": true, "urge": true, "demand": true, "call": true, "welcome": true,
	"reject": true, "dismiss": true, "ask": true, "appeal": true, "thank": true}

// speechVerbs take what was said or thought as a complement clause.
var speechVerbs = map[string]bool{"say": true, "tell": true, "announce": true, "claim": true, "state": true, "add": true,
	"report": true, "insist": true, "argue": true, "believe": true, "think": true, "warn": true, "note": true,
	"stress": true, "declare": true, "deny": true, "confirm": true, "acknowledge": true, "admit": true, "suggest": true,
	"allege": true, "explain": true, "indicate": true, "reveal": true, "hope": true, "fear": true, "expect": true,
	"know": true, "understand": true, "predict": true, "assert": true, "maintain": true, "emphasize": true,
	"emphasise": true, "reiterate": true, "repeat": true, "recall": true, "charge": true, "complain": true,
	"mean": true, "feel": true, "agree": true, "decide": true, "rule": true, "conclude": true, "find": true,
	"pledge": true, "promise": true, "vow": true, "guarantee": true, "concede": true, "signal": true}

// clauses gives every verb group its clause: subject, objects, PPs, and
// how it depends on the clauses around it.
func (p *Parse) clauses() {
	p.Clauses = make([]Clause, len(p.Verbs))
	question := len(p.Toks) > 0 && p.Toks[len(p.Toks)-1].Text == "?"
	for k := range p.Verbs {
		p.Clauses[k] = Clause{Verb: k, Subj: -1, Obj: -1, IObj: -1, Parent: -1, Question: question}
	}
	for k := range p.Verbs {
		p.objects(k)
	}
	for k := range p.Verbs {
		p.subject(k)
	}
	p.leadingPPs()
	// '"...," said Trimulya Suryadi, another lawyer.': a speech verb with
	// no subject before it takes the phrase after it
	for k := range p.Clauses {
		c := &p.Clauses[k]
		v := &p.Verbs[k]
		if c.Subj >= 0 || c.Obj < 0 || !v.Finite || !speechVerbs[v.Lemma] || v.From == 0 || v.Lemma == "tell" {
			continue // "..., told AFP": the listener, never the speaker
		}
		if b := v.From - 1; p.Toks[b].Tag == nlp.Comma || p.Toks[b].Tag == nlp.RQuote || p.Toks[b].Tag == nlp.Colon {
			c.Subj, c.Obj, c.SubjHow = c.Obj, -1, "inverted"
		}
	}
	// openers take the subject of the first finite clause after them:
	// "Welcoming the ruling, Maeve Sherlock said"
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.SubjHow != "opener" {
			continue
		}
		for m := k + 1; m < len(p.Clauses); m++ {
			if p.Verbs[m].Finite && p.Clauses[m].Subj >= 0 && p.Clauses[m].Rel == "" {
				c.Subj = p.Clauses[m].Subj
				c.Parent = m
				break
			}
		}
	}
}

// leadingPPs gives the first clause with an explicit subject the
// prepositional phrases that open the sentence before that subject.
func (p *Parse) leadingPPs() {
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.Subj < 0 || c.SubjHow != "explicit" || !p.Verbs[k].Finite {
			continue
		}
		start := p.phraseStart(p.firstOf(c.Subj))
		for i := 0; i+1 < start; i++ {
			t := p.Toks[i].Tag
			if (t == nlp.IN || t == nlp.TO) && p.phraseAt[i+1] >= 0 && p.Phrases[p.phraseAt[i+1]].From == i+1 && p.verbAt[i] < 0 {
				c.Leading = append(c.Leading, PP{Prep: i, Phrase: p.possessum(p.phraseAt[i+1])})
			}
			if p.verbAt[i] >= 0 {
				c.Leading = nil // a clause before: not an opener
			}
		}
		return
	}
}

// objects fills the object and the PPs after verb group k.
func (p *Parse) objects(k int) {
	v := &p.Verbs[k]
	c := &p.Clauses[k]
	toks := p.Toks
	j := v.To
	skip := func() {
		for j < len(toks) && p.phraseAt[j] < 0 && p.verbAt[j] < 0 && toks[j].Tag.IsAdv() {
			j++
		}
	}
	skip()
	end := func(ph int) int { // end of a phrase with its coordination
		e := p.Phrases[ph].To
		for _, m := range p.Phrases[ph].Conj {
			e = max(e, p.Phrases[m].To)
		}
		return e
	}
	// "rejected Thursday a United Nations appeal": a time phrase before the object
	for j < len(toks) {
		ph := p.phraseAt[j]
		if ph < 0 || !p.Phrases[ph].Time || p.Phrases[ph].Prep >= 0 || p.Phrases[ph].From != j {
			break
		}
		next := p.Phrases[ph].To
		if next >= len(toks) || p.phraseAt[next] < 0 || p.Phrases[p.phraseAt[next]].From != next {
			break
		}
		j = next
	}
	if j < len(toks) {
		if ph := p.phraseAt[j]; ph >= 0 && p.Phrases[ph].Prep < 0 && !p.Phrases[ph].Time && p.Phrases[ph].From == j &&
			!(speechVerbs[v.Lemma] && p.finiteVerbAt(p.Phrases[p.lastMember(p.possessum(ph))].To)) {
			ph = p.possessum(ph)
			if f := p.Phrases[ph].ConjOf; f >= 0 {
				ph = f
			}
			c.Obj = ph
			j = end(ph)
			// "gave Iraq aid": a second object right after the first, unless
			// a verb of its own follows ("remove any doubts Iraq still
			// possesses": a relative clause)
			if j < len(toks) && !p.Phrases[ph].Possessor {
				q := p.phraseAt[j]
				// ("gave Israel two weeks to enact ...": a span of time
				// given, before a to-infinitive, is the object)
				timeGiven := q >= 0 && p.Phrases[q].Time && (v.Lemma == "give" || v.Lemma == "allow" || v.Lemma == "grant") &&
					end(q) < len(toks) && toks[end(q)].Tag == nlp.TO
				if q >= 0 && p.Phrases[q].Prep < 0 && (!p.Phrases[q].Time || timeGiven) && p.Phrases[q].From == j && p.Phrases[ph].Poss != q &&
					!p.finiteVerbAt(end(q)) {
					c.IObj, c.Obj = ph, q
					j = end(q)
				}
			}
		}
	}
	// the apposition or "of" chain of the object belongs to it; a bare
	// phrase after the PPs is the object when none came before
	// ("questioned as witnesses Villepin's predecessor")
	for j < len(toks) {
		if c.Obj < 0 && len(c.PPs) > 0 && j < len(toks) {
			if ph := p.phraseAt[j]; ph >= 0 && p.Phrases[ph].From == j && p.Phrases[ph].Prep < 0 && !p.Phrases[ph].Time &&
				!p.finiteVerbAt(p.Phrases[p.lastMember(p.possessum(ph))].To) {
				ph = p.possessum(ph)
				if f := p.Phrases[ph].ConjOf; f >= 0 {
					ph = f
				}
				c.Obj = ph
				j = end(ph)
				continue
			}
		}
		skip()
		if j >= len(toks) {
			break
		}
		t := toks[j]
		if p.verbAt[j] >= 0 {
			break
		}
		if ph := p.phraseAt[j]; ph >= 0 {
			if p.Phrases[ph].Time {
				j = p.Phrases[ph].To
				continue
			}
			break
		}
		if t.Tag == nlp.Comma {
			// an apposition after the object: skip it with its closing comma
			if c.Obj >= 0 && p.Phrases[c.Obj].Appos >= 0 {
				ap := p.Phrases[c.Obj].Appos
				if p.Phrases[ap].From == j+1 {
					j = p.Phrases[ap].To
					continue
				}
			}
			break
		}
		if (t.Tag == nlp.IN || t.Tag == nlp.TO) && j+1 < len(toks) {
			w := t.Lower
			if ph := p.phraseAt[j+1]; ph >= 0 && p.Phrases[ph].From == j+1 {
				if w == "that" || w == "whether" || w == "if" {
					break // a complement clause
				}
				if subordinators[w] && p.finiteVerbAt(p.Phrases[p.lastMember(ph)].To) {
					break // "while Russia continues": a clause, not a PP
				}
				ph = p.possessum(ph)
				if f := p.Phrases[ph].ConjOf; f >= 0 {
					ph = f
				}
				// "met on Saturday with both leaders expressing hope": "with",
				// the parties again and a gerund open an absolute clause, no
				// partner ("talks with rebels holding the north" keeps them)
				if e := end(ph); w == "with" && e < len(toks) && p.verbAt[e] >= 0 && p.Verbs[p.verbAt[e]].Gerund && distributive[toks[p.Phrases[ph].From].Lower] {
					break
				}
				c.PPs = append(c.PPs, PP{Prep: j, Phrase: ph})
				j = end(ph)
				continue
			}
			// "out" / "off" tagged IN right after the verb, or after its
			// object with no phrase of its own: a particle ("handed the
			// suspects over to Peru")
			if v.Particle < 0 && (j == v.To || c.Obj >= 0 && j == end(c.Obj)) && isParticleWord(w) {
				v.Particle = j
				j++
				continue
			}
		}
		if t.Tag == nlp.RP && v.Particle < 0 {
			v.Particle = j
			j++
			continue
		}
		break
	}
}

// distributive words open a phrase that takes up parties already named:
// "both leaders", "each side", "all three".
var distributive = map[string]bool{"both": true, "each": true, "all": true}

func isParticleWord(w string) bool {
	switch w {
	case "out", "off", "up", "down", "back", "away", "over", "in", "on":
		return true
	}
	return false
}

// subject finds verb group k's subject and how the clause depends on others.
func (p *Parse) subject(k int) {
	v := &p.Verbs[k]
	c := &p.Clauses[k]
	toks := p.Toks
	i := p.skipAdvLeft(v.From - 1)
	// what introduces the clause: looked at before its subject
	introducer := func(before int) {
		b := p.skipAdvLeft(before)
		// "denied that as foreign minister in 2004 he ordered": past the
		// phrases that open the clause, to "that"
		for b >= 0 && toks[b].Lower != "that" {
			ph := p.phraseAt[b]
			if ph < 0 || p.Phrases[p.rootOf(ph)].Prep < 0 {
				break
			}
			pb := p.skipAdvLeft(p.Phrases[p.rootOf(ph)].Prep - 1)
			if pb < 0 || p.phraseAt[pb] < 0 && toks[pb].Lower != "that" && toks[pb].Tag != nlp.Comma && toks[pb].Tag != nlp.IN {
				break
			}
			if toks[pb].Tag == nlp.Comma {
				pb--
			}
			b = pb
		}
		if b < 0 || toks[b].Lower != "that" {
			b = p.skipAdvLeft(before)
		}
		if b < 0 {
			return
		}
		w := toks[b].Lower
		if (toks[b].Tag == nlp.IN || toks[b].Tag == nlp.WRB || toks[b].Tag == nlp.DT && w == "that") && subordinators[w] ||
			toks[b].Tag == nlp.WRB {
			c.Sub = w
			if w == "that" {
				c.Rel = "ccomp"
			} else {
				c.Rel = "advcl"
			}
			c.Parent = p.prevVerb(b)
		}
	}
	switch {
	case v.Infinitive:
		p.infinitive(k, i)
		return
	case v.Gerund || v.Participle:
		if i < 0 {
			c.SubjHow = "opener" // filled once every clause has its subject
			c.Rel = "participle"
			return
		}
		t := toks[i]
		w := t.Lower
		if p.verbAt[i] >= 0 {
			// "began firing", "were seen leaving": the verb before governs
			par := p.verbAt[i]
			c.Parent, c.Rel, c.SubjHow = par, "xcomp", "control"
			c.Subj = p.Clauses[par].Subj
			if !p.Verbs[par].Finite && c.Subj < 0 {
				p.subject(par)
				c.Subj = p.Clauses[par].Subj
			}
			return
		}
		if t.Tag == nlp.IN || t.Tag == nlp.TO {
			// "after meeting X", "by stopping people", "accused X of violating"
			c.Rel = "pcomp"
			c.Sub = w
			par := p.prevVerb(i)
			c.Parent = par
			if par >= 0 {
				pc := &p.Clauses[par]
				if w == "of" && pc.Obj >= 0 && p.lastOfObject(pc) == i-1 || w == "for" && pc.Obj >= 0 && pc.Obj < i {
					// "accused X of violating", "jailed X for two years for
					// helping", "thanked X for helping": X does it
					c.Subj, c.SubjHow = pc.Obj, "control"
				} else {
					if pc.Subj < 0 && par > k {
						p.subject(par)
					}
					c.Subj, c.SubjHow = pc.Subj, "control"
				}
			} else if i == 0 || p.skipAdvLeft(i-1) < 0 {
				c.SubjHow = "opener"
			}
			return
		}
		if ph := p.phraseAt[i]; ph >= 0 {
			// "demonstrated in Kirkuk on Sunday calling for independence":
			// a time phrase describes nothing; the clause before is the
			// participle's
			if root := p.rootOf(ph); p.Phrases[ph].Time && p.Phrases[root].Prep >= 0 || p.Phrases[ph].Time && p.Phrases[ph].Prep < 0 {
				if par := p.prevFiniteVerb(i); par >= 0 {
					c.Subj, c.SubjHow, c.Rel, c.Parent = p.Clauses[par].Subj, "control", "advcl", par
					return
				}
			}
			// "protesters demanding higher wages", "sanctions imposed by the EU"
			c.Subj, c.SubjHow, c.Rel = p.rootOf(ph), "reduced", "participle"
			c.Parent = p.clauseOfPhrase(ph)
			return
		}
		if t.Tag == nlp.CC && (v.Gerund || v.Participle) {
			// ", killing one person and arresting 12": the subject of the
			// verb of the same form before
			if par := p.prevVerb(i); par >= 0 && p.Verbs[par].Gerund == v.Gerund && p.Verbs[par].Participle == v.Participle {
				c.Subj, c.SubjHow, c.Rel, c.Parent = p.Clauses[par].Subj, "shared", "conj", par
				return
			}
		}
		if t.Tag == nlp.Comma && v.Gerund {
			// "X accepted the papers, marking their entry": the subject of
			// the clause before
			if par := p.prevFiniteVerb(i); par >= 0 {
				// "confirmed that Kibaki was the winner, rejecting the
				// challenge": a state said is no doer; the sayer acts
				if pc := &p.Clauses[par]; p.Verbs[par].Lemma == "be" && pc.Rel == "ccomp" && pc.Sub == "that" && pc.Parent >= 0 {
					par = pc.Parent
				}
				c.Subj, c.SubjHow, c.Rel, c.Parent = p.Clauses[par].Subj, "control", "advcl", par
				return
			}
			if p.openerBefore(i) {
				c.SubjHow, c.Rel = "opener", "participle"
				return
			}
		}
		if t.Tag == nlp.Comma {
			if ph := p.PhraseAt(p.skipAdvLeft(i - 1)); ph >= 0 {
				c.Subj, c.SubjHow, c.Rel = p.rootOf(ph), "reduced", "participle"
				c.Parent = p.clauseOfPhrase(ph)
				return
			}
			if p.openerBefore(i) {
				c.SubjHow, c.Rel = "opener", "participle"
				return
			}
		}
		return
	}
	// a finite verb (or a bare base form)
	for i >= 0 {
		t := toks[i]
		w := t.Lower
		if ph := p.phraseAt[i]; ph >= 0 {
			P := &p.Phrases[ph]
			if P.Time && P.Prep < 0 {
				i = p.skipAdvLeft(P.From - 1)
				continue
			}
			// "X, a leader of Hamas, on Tuesday called on": a time PP
			// before the verb says when, and the subject is before it
			if P.Time && P.Prep >= 0 && P.Prep == P.From-1 && P.ConjOf < 0 && len(P.Conj) == 0 && P.Prep > 0 {
				i = p.skipAdvLeft(P.Prep - 1)
				continue
			}
			root := p.rootOf(ph)
			if pr := p.Phrases[root].Prep; pr >= 0 && p.opensClause(pr) && p.lastMember(root) == ph {
				// "while Russia continues ...": the subordinator's clause
				c.Subj, c.SubjHow = root, "explicit"
				c.Sub, c.Rel = toks[pr].Lower, "advcl"
				if c.Sub == "that" {
					c.Rel = "ccomp"
				}
				c.Parent = p.prevVerb(pr)
				return
			}
			if p.Phrases[root].Prep >= 0 {
				// inside a prepositional phrase: the phrase it qualifies, if any
				// ("Washington along with its allies demanded")
				b := p.skipAdvLeft(p.Phrases[root].Prep - 1)
				if b >= 0 && (toks[b].Lower == "along" || toks[b].Lower == "together") && p.phraseAt[b] < 0 {
					b = p.skipAdvLeft(b - 1)
				}
				if q := p.PhraseAt(b); q >= 0 {
					i = p.Phrases[q].To - 1
					if p.rootOf(q) == root {
						return
					}
					continue
				}
				// "A newspaper based in Beirut has violated", "The Red Cross
				// operating in Iraq said": the subject of the participle the
				// PP hangs on
				// ("A bomb that exploded in a market killed ten": the
				// relative clause's antecedent; "The civilians imprisoned
				// for acting against Moscow were released": through the
				// gerund the PP hangs on)
				if s := p.reducedSubject(p.VerbAt(b), k); s >= 0 {
					c.Subj, c.SubjHow = s, "explicit"
					return
				}
				return // a sentence-initial PP: "In Paris, ..." has no subject of its own here
			}
			// the object of an aside before the verb: "Mr Blair, who met
			// his counterpart, X, in Paris, did not ...": the aside's subject
			m := p.clauseOfPhrase(root)
			// ("Militants claiming to hold three UN workers met": through
			// the infinitive, the participle's)
			for depth := 0; m >= 0 && m < k && p.Clauses[m].Rel == "xcomp" && p.Clauses[m].Parent >= 0 && p.Clauses[m].Parent < m && depth < 3; depth++ {
				m = p.Clauses[m].Parent
			}
			if m >= 0 && m < k && p.Clauses[m].Subj >= 0 && p.Clauses[m].Subj != root &&
				p.Phrases[root].From > p.Verbs[m].From &&
				(p.Clauses[m].Rel == "relcl" && p.commaBetween(p.Phrases[root].To, v.From) || p.Clauses[m].Rel == "participle" && p.Clauses[m].SubjHow == "reduced") {
				// "French judges probing the scandal will quiz X": the
				// participle's subject
				c.Subj, c.SubjHow = p.Clauses[m].Subj, "explicit"
				return
			}
			// a relative pronoun before: "the bombing, which Turkey blamed"
			c.Subj, c.SubjHow = root, "explicit"
			if rel := p.skipAdvLeft(p.Phrases[p.firstOf(root)].From - 1); rel >= 0 && isRelative(toks[rel]) {
				c.Rel = "relcl"
				if ante := p.antecedent(rel); ante >= 0 && c.Obj < 0 {
					c.Obj = ante
				}
				return
			}
			introducer(p.phraseStart(p.firstOf(root)) - 1)
			if c.Rel == "" && k > 0 {
				p.complementOf(k, p.phraseStart(p.firstOf(root)))
			}
			return
		}
		switch {
		case p.verbAt[i] >= 0 && v.Finite:
			// "The journalists detained for spying were released": the
			// subject of the reduced participle the verb before ends
			if s := p.reducedSubject(p.verbAt[i], k); s >= 0 {
				c.Subj, c.SubjHow = s, "explicit"
			}
			return
		case isRelative(t):
			if ante := p.antecedent(i); ante >= 0 {
				c.Subj, c.SubjHow, c.Rel = ante, "relative", "relcl"
				c.Parent = p.clauseOfPhrase(ante)
			}
			return
		case t.Tag == nlp.CC:
			// "to tighten sanctions and impose a blockade": a bare verb is
			// the conjunct of the infinitive before it
			if par := p.prevVerb(i); par >= 0 && p.Verbs[par].Infinitive && !v.Finite && !v.Gerund && !v.Participle && !v.Infinitive {
				c.Subj, c.SubjHow, c.Rel, c.Parent = p.Clauses[par].Subj, "shared", "conj", par
				return
			}
			// "X met Y and signed Z": the subject of the verb before
			if par := p.prevFiniteVerb(i); par >= 0 {
				// "The premier insisted Brown will have a role, and praised
				// him": after a comma, the conjunct of the clause that the
				// complement depends on
				for i > 0 && toks[i-1].Tag == nlp.Comma && (p.Clauses[par].Rel == "ccomp" || p.Clauses[par].Rel == "advcl") &&
					p.Clauses[par].Parent >= 0 && p.Verbs[p.Clauses[par].Parent].Finite {
					par = p.Clauses[par].Parent
				}
				// "claimed that the election was marred by fraud and
				// accused X": after a passive that-clause, a verb of
				// saying or judging is the sayer's, not the clause's
				// ("said she was stunned and made no request" is hers)
				if pc := &p.Clauses[par]; pc.Rel == "ccomp" && p.Verbs[par].Passive && pc.Parent >= 0 && p.Verbs[pc.Parent].Finite &&
					(speechVerbs[v.Lemma] || judgingVerbs[v.Lemma]) {
					par = pc.Parent
				}
				c.Subj, c.SubjHow, c.Rel, c.Parent = p.Clauses[par].Subj, "shared", "conj", par
				c.Sub = p.Clauses[par].Sub
			}
			return
		case t.Tag == nlp.Comma:
			// ", who met Y," or ", the capital," between subject and verb: skip it
			if open := p.parentheticalStart(i); open >= 0 {
				i = p.skipAdvLeft(open - 1)
				continue
			}
			return
		case t.Tag == nlp.RRB:
			// "Major shareholders in the European Bank (EBRD) have urged"
			depth := 0
			for j := i; j >= 0; j-- {
				switch p.Toks[j].Tag {
				case nlp.RRB:
					depth++
				case nlp.LRB:
					depth--
				}
				if depth == 0 {
					i = p.skipAdvLeft(j - 1)
					break
				}
			}
			if depth != 0 {
				return
			}
			continue
		case (t.Tag == nlp.IN || t.Tag == nlp.WRB) && subordinators[w]:
			return
		}
		return
	}
}

// reducedSubject is the subject of the reduced participle (or the
// antecedent of the relative clause) that verb group m is, or that m hangs
// from as a gerund or infinitive it controls ("the civilians imprisoned for
// acting"), when m comes before clause k; -1 if none.
func (p *Parse) reducedSubject(m, k int) int {
	for m >= 0 && m < k {
		c := &p.Clauses[m]
		if c.Rel == "participle" && c.SubjHow == "reduced" || c.Rel == "relcl" && c.SubjHow == "relative" {
			return c.Subj
		}
		if (c.Rel != "pcomp" && c.Rel != "xcomp") || c.SubjHow != "control" || c.Parent >= m {
			return -1
		}
		m = c.Parent
	}
	return -1
}

// infinitive attaches "to VB" (verb group k; i is the token before it) to
// what governs it: a verb ("agreed to meet", "urged Iran to stop"), an
// adjective ("ready to talk") or a noun ("plans to visit").
func (p *Parse) infinitive(k, i int) {
	c := &p.Clauses[k]
	toks := p.Toks
	c.Rel, c.SubjHow = "xcomp", "control"
	j := i
	objBetween := -1
	owner := -1 // "Morales' pledge to end": the governing noun's possessor
	for j >= 0 {
		if vv := p.verbAt[j]; vv >= 0 {
			pc := &p.Clauses[vv]
			c.Parent = vv
			switch {
			case owner >= 0:
				c.Subj = owner
			case objBetween >= 0 && objectControl[p.Verbs[vv].Lemma]:
				c.Subj = objBetween
			default:
				c.Subj = pc.Subj
			}
			return
		}
		// "said that Slovakia's desire to join NATO was ...": a noun opening
		// a that-clause governs the infinitive, and its possessor does it
		if ph := p.phraseAt[j]; ph >= 0 && objBetween < 0 && c.Sub == "" && toks[p.Phrases[ph].Head].Tag.IsNoun() &&
			!toks[p.Phrases[ph].Head].Tag.IsProperNoun() {
			if pr := p.Phrases[ph].Prep; pr >= 0 && toks[pr].Lower == "that" {
				c.Sub = toks[p.Phrases[ph].Head].Lemma
				c.Subj = -1
				if q := p.Phrases[ph].Poss; q >= 0 && q != ph {
					c.Subj = q
				}
				return
			}
		}
		if ph := p.phraseAt[j]; ph >= 0 && p.Phrases[p.rootOf(ph)].Prep >= 0 && objBetween < 0 && c.Sub == "" &&
			p.Phrases[p.rootOf(ph)].Prep > 0 && p.VerbAt(p.skipAdvLeft(p.Phrases[p.rootOf(ph)].Prep-1)) >= 0 {
			// "pushed Putin at a frosty encounter to ensure": a PP of the
			// verb, skipped
			j = p.Phrases[p.rootOf(ph)].Prep - 1
			continue
		}
		if ph := p.phraseAt[j]; ph >= 0 {
			if (objBetween >= 0 || p.Phrases[ph].Prep >= 0) && c.Sub == "" {
				// "plans to visit", "efforts by X to": governed by a noun; the
				// subject is that of the verb the noun depends on, or the
				// noun's possessor
				c.Sub = toks[p.Phrases[ph].Head].Lemma
				if q := p.Phrases[ph].Poss; q >= 0 && q != ph {
					owner = q
				}
			}
			if objBetween < 0 {
				objBetween = p.rootOf(ph)
				if c.Sub == "" && p.Phrases[ph].Prep < 0 && !toks[p.Phrases[ph].Head].Tag.IsProperNoun() && toks[p.Phrases[ph].Head].Tag != nlp.PRP {
					c.Sub = toks[p.Phrases[ph].Head].Lemma
				}
			}
			j = p.Phrases[p.firstOf(p.rootOf(ph))].From - 1
			if pr := p.Phrases[p.rootOf(ph)].Prep; pr >= 0 {
				j = pr - 1
			}
			continue
		}
		// "went on to call": the particle of the governing verb
		if j > 0 && p.verbAt[j-1] >= 0 && p.Verbs[p.verbAt[j-1]].Particle == j {
			j--
			continue
		}
		// "went so far as to call", "went as far as to say": the verb before
		if j >= 2 && objBetween < 0 && toks[j].Lower == "as" && toks[j-1].Lower == "far" {
			if w := toks[j-2].Lower; w == "so" || w == "as" {
				j -= 3
				continue
			}
		}
		t := toks[j].Tag
		if t.IsAdv() || t.IsAdj() || t == nlp.IN && objBetween >= 0 {
			if t.IsAdj() && c.Sub == "" {
				c.Sub = toks[j].Lemma // "ready to", "willing to"
			}
			j--
			continue
		}
		break
	}
}

// inOpeningPP reports whether phrase ph belongs to the prepositional
// phrase that opens the sentence, before any verb: "After [the talks], ...".
func (p *Parse) inOpeningPP(ph int) bool {
	if len(p.Toks) == 0 || p.Toks[0].Tag != nlp.IN && p.Toks[0].Tag != nlp.TO {
		return false
	}
	for i := 0; i < p.Phrases[ph].From; i++ {
		if p.verbAt[i] >= 0 || p.Toks[i].Tag == nlp.Comma {
			return false
		}
	}
	return true
}

// complementOf marks clause k as what the verb before it said or thought,
// when that verb is a speech verb with no object: "X said Y attacked Z".
func (p *Parse) complementOf(k, subjFrom int) {
	b := p.skipAdvLeft(subjFrom - 1)
	// "said today it had ...", "said on Monday they would ...": past the
	// time phrase to the verb
	for b >= 0 && p.phraseAt[b] >= 0 && p.Phrases[p.phraseAt[b]].Time {
		P := &p.Phrases[p.phraseAt[b]]
		from := P.From
		if P.Prep >= 0 {
			from = P.Prep
		}
		b = p.skipAdvLeft(from - 1)
	}
	if b < 0 {
		return
	}
	if vv := p.verbAt[b]; vv >= 0 && speechVerbs[p.Verbs[vv].Lemma] {
		c := &p.Clauses[k]
		c.Parent, c.Rel = vv, "ccomp"
	}
}

func (p *Parse) commaBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if p.Toks[i].Tag == nlp.Comma {
			return true
		}
	}
	return false
}

func isRelative(t nlp.Token) bool {
	if t.Tag == nlp.WDT || t.Tag == nlp.WP || t.Tag == nlp.WPS {
		switch t.Lower {
		case "who", "which", "that", "whom", "whose":
			return true
		}
	}
	return false
}

// antecedent is the phrase a relative pronoun at token i refers to.
func (p *Parse) antecedent(i int) int {
	j := i - 1
	if j >= 0 && p.Toks[j].Tag == nlp.Comma {
		j--
	}
	if j < 0 {
		return -1
	}
	ph := p.phraseAt[j]
	if ph < 0 {
		return -1
	}
	ph = p.rootOf(ph)
	// "an attack in Beit Hanoun in northern Gaza that killed 19": "that"
	// after a place named in a chain of PPs is the chain's head's
	for p.Toks[i].Lower == "that" && p.Toks[p.Phrases[ph].Head].Tag.IsProperNoun() && p.Phrases[ph].Prep >= 0 {
		q := p.PhraseAt(p.Phrases[ph].Prep - 1)
		if q < 0 {
			break
		}
		ph = p.rootOf(q)
	}
	return ph
}

// possessum is the phrase a possessor qualifies ("visit" for "his" in
// "his visit"), or ph itself when it is not a possessor.
func (p *Parse) possessum(ph int) int {
	for p.Phrases[ph].Possessor && ph+1 < len(p.Phrases) && p.Phrases[ph+1].Poss == ph {
		ph++
	}
	return ph
}

// PPsAfter lists the prepositional phrases that follow phrase ph directly,
// in a chain: "talks [between X and Y]", "the visit [of X] [to Y]".
func (p *Parse) PPsAfter(ph int) []PP {
	var out []PP
	j := p.Phrases[ph].To
	for _, m := range p.Phrases[ph].Conj {
		j = max(j, p.Phrases[m].To)
	}
	for j+1 < len(p.Toks) {
		t := p.Toks[j].Tag
		if t != nlp.IN && t != nlp.TO {
			break
		}
		q := p.phraseAt[j+1]
		if q < 0 || p.Phrases[q].From != j+1 {
			break
		}
		q = p.possessum(q)
		out = append(out, PP{Prep: j, Phrase: q})
		j = p.Phrases[q].To
		for _, m := range p.Phrases[q].Conj {
			j = max(j, p.Phrases[m].To)
		}
	}
	return out
}

// rootOf is the first member of the coordination a phrase belongs to, or
// the phrase an apposition describes.
func (p *Parse) rootOf(ph int) int {
	if f := p.Phrases[ph].ConjOf; f >= 0 {
		ph = f
	}
	for a := range p.Phrases {
		if p.Phrases[a].Appos == ph {
			return a
		}
	}
	return ph
}

// firstOf is the first member of a phrase's coordination (itself if none).
func (p *Parse) firstOf(ph int) int {
	if f := p.Phrases[ph].ConjOf; f >= 0 {
		return f
	}
	return ph
}

// phraseStart is where a phrase starts with its possessors: "Trump's
// campaign" starts at "Trump".
func (p *Parse) phraseStart(ph int) int {
	for d := 0; p.Phrases[ph].Poss >= 0 && d < 4; d++ {
		ph = p.Phrases[ph].Poss
	}
	return p.Phrases[ph].From
}

// lastMember is the last phrase of ph's coordination (ph itself if none).
func (p *Parse) lastMember(ph int) int {
	m := p.Members(ph)
	return m[len(m)-1]
}

// lastOfObject is the last token of clause c's object with its coordination.
func (p *Parse) lastOfObject(c *Clause) int {
	e := p.Phrases[c.Obj].To
	for _, m := range p.Phrases[c.Obj].Conj {
		e = max(e, p.Phrases[m].To)
	}
	return e - 1
}

// clauseOfPhrase is the clause a phrase is the subject, object or PP
// object of, -1 if none.
func (p *Parse) clauseOfPhrase(ph int) int {
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.Subj == ph || c.Obj == ph || c.IObj == ph {
			return k
		}
		for _, pp := range c.PPs {
			if pp.Phrase == ph {
				return k
			}
		}
	}
	return -1
}

func (p *Parse) skipAdvLeft(i int) int {
	for i >= 0 && p.phraseAt[i] < 0 && p.verbAt[i] < 0 && p.Toks[i].Tag.IsAdv() {
		i--
		// a list of adverbs: "openly, explicitly and publicly threatens"
		if i >= 1 && (p.Toks[i].Tag == nlp.CC || p.Toks[i].Tag == nlp.Comma) && p.Toks[i+1].Tag.IsAdv() && p.Toks[i-1].Tag.IsAdv() &&
			strings.HasSuffix(p.Toks[i-1].Lower, "ly") && strings.HasSuffix(p.Toks[i+1].Lower, "ly") {
			i--
		}
	}
	return i
}

// prevVerb is the nearest verb group ending before token i, -1 if none.
func (p *Parse) prevVerb(i int) int {
	for ; i >= 0; i-- {
		if v := p.verbAt[i]; v >= 0 {
			return v
		}
	}
	return -1
}

// prevFiniteVerb is the nearest finite verb group before token i.
func (p *Parse) prevFiniteVerb(i int) int {
	for ; i >= 0; i-- {
		if v := p.verbAt[i]; v >= 0 && p.Verbs[v].Finite {
			return v
		}
	}
	return -1
}

// parentheticalStart is the opening comma of a comma-enclosed aside that
// ends at the comma i ("X, who met Y, said"; "X, the capital, said"),
// -1 when the part before i is not an aside.
func (p *Parse) parentheticalStart(i int) int {
	for j := i - 1; j >= 0; j-- {
		if p.Toks[j].Tag != nlp.Comma {
			continue
		}
		// what the aside starts with
		k := j + 1
		if k >= i {
			return -1
		}
		t := p.Toks[k]
		if isRelative(t) {
			return j
		}
		if ph := p.phraseAt[k]; ph >= 0 {
			ph = p.possessum(ph) // ", Algeria's leading activist,"
			for a := range p.Phrases {
				if p.Phrases[a].Appos == ph {
					return j
				}
			}
		}
		if v := p.verbAt[k]; v >= 0 && (p.Verbs[v].Gerund || p.Verbs[v].Participle ||
			p.Verbs[v].Past && p.Verbs[v].Head == p.Verbs[v].From && strings.HasSuffix(p.Toks[p.Verbs[v].Head].Text, "ed")) {
			return j // ", worried about the war," (a participle the tagger read as a past tense)
		}
		if t.Tag.IsAdv() || t.Tag == nlp.IN {
			// ", however,", ", in a statement,"
			return j
		}
		return -1
	}
	return -1
}

// openerBefore reports whether the comma at i closes a participial opener
// that starts the sentence.
func (p *Parse) openerBefore(i int) bool {
	for j := 0; j < i; j++ {
		if v := p.verbAt[j]; v >= 0 {
			return p.Verbs[v].Gerund || p.Verbs[v].Participle
		}
		if !p.Toks[j].Tag.IsAdv() {
			return false
		}
	}
	return false
}
