package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// frameEvents applies the frames to one analysed sentence: verb frames to
// its clauses, noun frames to its noun phrases.
func (x *Extractor) frameEvents(a *analysis) []Event {
	a.frames = x.Frames
	var out []Event
	type governed struct {
		verb int
		evs  []Event
	}
	var late []governed
	hostile := map[int]bool{} // verbs whose clause made a threat or an act of force (root 13 and up)
	// verbs a fitting frame of which is one of the hand-written
	// disapprovals or rejections, whether or not it found its roles:
	// "agreed to refuse the assistance" is no intent to cooperate (but
	// "agreed to postpone the demonstration", a concession, is)
	uncooperative := map[int]bool{}
	p := a.p
	for k := range p.Clauses {
		c := &p.Clauses[k]
		v := &p.Verbs[c.Verb]
		lemma := v.Lemma
		if lemma == "be" {
			// "is ready to talk", "was willing to help": the adjective
			// governs, and frames may name it as their lemma
			if adj := a.adjectiveGovernor(k); adj != "" {
				lemma = adj
			}
		}
		frames, parts := x.Frames.verbFrames(lemma)
		if len(frames) == 0 {
			continue
		}
		// the most specific frame whose constraints hold and whose roles
		// are found; between equals, the one naming more of the object
		// ("began a hunger strike": a hunger strike, not a strike)
		// (frames come most specific first: each group of equals is tried
		// after sorting it so)
		patient := p.Patient(c)
	groups:
		for i := 0; i < len(frames); {
			var fits []*Frame
			j, spec := i, frames[i].specificity()
			for j < len(frames) && frames[j].specificity() == spec {
				if a.verbFrameFits(frames[j], parts[j], c, lemma) {
					fits = append(fits, frames[j])
				}
				j++
			}
			i = j
			for _, f := range fits {
				if strings.HasPrefix(f.ID, "reject") || strings.HasPrefix(f.ID, "disapprove") {
					uncooperative[c.Verb] = true
				}
			}
			if len(fits) > 1 {
				sort.SliceStable(fits, func(x, y int) bool {
					if len(fits[x].Object) == 0 || len(fits[y].Object) == 0 {
						return false
					}
					return a.objectMatch(patient, fits[x]) > a.objectMatch(patient, fits[y])
				})
			}
			for _, f := range fits {
				evs, ok := a.verbFrameEvents(x.Frames, f, k, lemma)
				if ok {
					// a governor's own intent ("agreed to", "ready to") comes
					// after what its complement says, which is more specific
					if f.Comp == "to" && f.Intent {
						late = append(late, governed{c.Verb, evs})
					} else {
						out = append(out, evs...)
						for _, e := range evs {
							if e.Code[:2] >= "13" {
								hostile[c.Verb] = true
							}
						}
					}
					break groups
				}
			}
		}
	}
	for ph := range p.Phrases {
		frames := a.nounFrames(x.Frames, ph)
		if len(frames) == 0 {
			continue
		}
		out = append(out, a.nounEvents(x.Frames, frames, ph)...)
	}
	for _, g := range late {
		// "pledged to expel X", "vowed to attack": the complement's own
		// threat says it all; no intent to cooperate besides
		// ("vowed not to return the island": no promise to cooperate)
		if a.complementWhere(g.verb, func(c *syntax.Clause) bool { return hostile[c.Verb] || a.p.Verbs[c.Verb].Negated }) {
			continue
		}
		// "agreed to reject the proposal": no intent to cooperate either,
		// though "refused to agree to renounce violence" is still a refusal
		if a.complementWhere(g.verb, func(c *syntax.Clause) bool { return uncooperative[c.Verb] }) {
			for _, e := range g.evs {
				if e.Code[:2] != "03" {
					out = append(out, e)
				}
			}
			continue
		}
		out = append(out, g.evs...)
	}
	return withoutBareRepeats(append(out, x.evaluationEvents(a, out)...))
}

// withoutBareRepeats drops an event with no target when the sentence gives
// the same actor one with a target: "lodged a protest with Syria" is a
// protest to Syria, not also a protest at no one.
func withoutBareRepeats(evs []Event) []Event {
	aimed := map[*Entity]bool{}
	for _, e := range evs {
		if e.Target != nil {
			aimed[e.Actor] = true
		}
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Target != nil || !aimed[e.Actor] {
			out = append(out, e)
		}
	}
	return out
}

// complementWhere reports whether a to-complement of verb v passes test:
// one that made a threat or an act of force, or a negated one.
func (a *analysis) complementWhere(v int, test func(*syntax.Clause) bool) bool {
	for k := range a.p.Clauses {
		if c := &a.p.Clauses[k]; c.Parent == v && c.Rel == "xcomp" && test(c) {
			return true
		}
	}
	return false
}

// adjectiveGovernor is the adjective a to-infinitive under clause k hangs
// on ("is ready to talk"), "" if none.
func (a *analysis) adjectiveGovernor(k int) string {
	for j := range a.p.Clauses {
		c := &a.p.Clauses[j]
		if c.Parent == k && c.Rel == "xcomp" && c.Sub != "" && a.p.Verbs[c.Verb].Infinitive {
			return c.Sub
		}
	}
	return ""
}

// verbFrameEvents applies frame f to clause k. ok is false when its roles
// are not found, so that a less specific frame may apply.
func (a *analysis) verbFrameEvents(fr *Frames, f *Frame, k int, lemma string) ([]Event, bool) {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	// "allowed no journalists", "will allow no more than 100 miners", "sent
	// no troops": an object denied is no event
	if ph := a.patient(c, f, lemma); ph >= 0 && p.Lower(p.Phrases[ph].From) == "no" {
		return nil, true
	}
	if f.Comp == "to" && a.commerceComp(fr, c.Verb) {
		return nil, true // "agreed to acquire a jewelry retailer": commerce
	}
	code, ok := a.refusal(fr, k, f)
	if !ok {
		code, ok = a.mood(fr, k, f)
	}
	if !ok {
		return nil, true // the frame fits, and says there is no event
	}
	actors := a.roles(f, f.Actor, c, -1)
	if len(actors) == 0 && v.Passive && (f.Code[:2] == "17" || f.Code[:2] == "09") {
		actors = a.reportingAuthority(fr, k)
	}
	if len(actors) == 0 && v.Passive && usesForce(f.Code) {
		var nf *Frame
		actors, nf = a.attackAuthor(fr, c)
		// "were killed in Israeli shelling", "in a US air strike": the
		// military attack they fell in, not an assault
		if nf != nil && code == f.Code && f.Code[:2] == "18" && nf.Code[:2] >= "19" {
			code = nf.Code
		}
	}
	// "a Kenyan attack killed ten soldiers", "US drone strikes have killed
	// X": the victims of a military attack fell to that attack's code
	if !v.Passive && code == f.Code && f.Code[:2] == "18" && len(actors) > 0 && c.Subj >= 0 {
		if nf := a.nounFrameFor(fr, c.Subj); nf != nil && nf.Code[:2] >= "19" && nf.Code[:2] <= "20" {
			code = nf.Code
		}
	}
	match := a.tokSpan(v.From, v.To)
	if f.Symmetric && (len(actors) == 0 || c.SubjHow == "control") {
		// "an agreement reached between Abbas and the factions": the
		// parties are the between-phrase (also over a subject lent by
		// another verb: in "closed its border because of fighting
		// between A and B" A and B fight, not who closed the border)
		for _, pp := range c.PPs {
			if p.Lower(pp.Prep) == "between" {
				if ms := a.phraseActors(pp.Phrase, true); len(ms) >= 2 {
					return a.emit(f, code, ms[:1], ms[1:], match), true
				}
			}
		}
	}
	if len(actors) == 0 {
		return nil, false
	}
	if f.ViaNoun != "" {
		// "claimed responsibility for the rocket fire on Israel": the attack
		for _, pp := range c.PPs {
			if p.Lower(pp.Prep) != f.ViaNoun {
				continue
			}
			if nf := a.nounFrameFor(fr, pp.Phrase); nf != nil {
				if ts := a.roles(nf, nf.Target, nil, pp.Phrase); len(ts) > 0 || !nf.NeedTarget {
					return a.emit(nf, nf.Code, actors, ts, match), true
				}
			}
			break
		}
	}
	// "the two agreed to work together": what they mean to do, they
	// mean to do with each other
	if len(actors) >= 2 && a.jointComplement(c.Verb) {
		return a.emit(f, code, actors[:1], actors[1:], match), true
	}
	targets := a.roles(f, f.Target, c, -1)
	// "Putin and Trump met", "X and Y signed a deal": the parties pair up,
	// unless the verb had an object that could have been the target and
	// is no actor ("met the press")
	if len(targets) == 0 && f.Symmetric && len(actors) >= 2 && (p.Patient(c) < 0 || len(f.Object) > 0) {
		// ("the US, Russia and Switzerland met": every pair of a meeting
		// met, ANNOTATION.md: each acting party with each other party)
		if code[:2] != "04" {
			return a.emit(f, code, actors[:1], actors[1:], match), true
		}
		var out []Event
		for i := 0; i+1 < len(actors); i++ {
			out = append(out, a.emit(f, code, actors[i:i+1], actors[i+1:], match)...)
		}
		return out, true
	}
	if f.NeedTarget && len(targets) == 0 {
		return nil, false
	}
	evs := a.emit(f, code, actors, targets, match)
	if f.Offered != "" && code == f.Code {
		// "Olmert accepted the offer of a cease-fire" from Abbas: Abbas
		// offered it to Olmert
		evs = append(evs, a.emit(f, f.Offered, targets, actors, match)...)
	}
	return evs, true
}

// reportingAuthority is who did what passive clause k says was done when
// it names no one, but the police, army or ministry reporting it do: in
// "three managers have been arrested, said local police" the police
// arrested them.
func (a *analysis) reportingAuthority(fr *Frames, k int) []filler {
	if fr.Evaluation == nil {
		return nil
	}
	p := a.p
	for j := range p.Clauses {
		sc := &p.Clauses[j]
		if j == k || !fr.Evaluation.Speech[p.Verbs[sc.Verb].Lemma] || p.Verbs[sc.Verb].Negated {
			continue
		}
		from, to := a.saidSpan(j)
		if v := p.Verbs[p.Clauses[k].Verb]; v.From < from || v.To > to {
			continue
		}
		var out []filler
		for _, f := range a.phraseActors(p.Agent(sc), false) {
			if f.agent {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// emit makes one event per actor and target (per pair for "between").
func (a *analysis) emit(f *Frame, code string, actors, targets []filler, match Span) []Event {
	var out []Event
	mk := func(ac, t filler, hasTarget bool) {
		if hasTarget && (ac.ent == t.ent || sameGroup(ac.ent, t.ent)) {
			return
		}
		// an actor and its own country are not two parties ("Russian
		// forces attacked Russia" is not read that way)
		if hasTarget && t.ent.Type == Country && ac.ent.Country == t.ent.Country && ac.ent.Type != Group &&
			!(ac.ent.Type == Person && t.agent) { // a leader may act on their own state's agents
			return
		}
		// ... who are then those agents, not the state: "Abbas ordered
		// Palestinian security forces to ..." is aimed at the forces
		if hasTarget && t.agent && t.ent.Type == Country && ac.ent.Type == Person && ac.ent.Country == t.ent.Country {
			if g := a.agentGroup(t); g != nil {
				t.ent = g
			}
		}
		e := Event{Code: code, Symmetric: f.Symmetric, Match: match, Rule: f.ID, Confidence: f.Confidence,
			Actor: ac.ent, ActorSpan: ac.span, ActorRole: ac.role}
		// a person who "attacked" a person or a body did it in words; one who
		// attacks a country (or means to) sends forces, unless it is their
		// own ("attacked the government's failure to control immigration")
		if f.PersonCode != "" && ac.ent.Type == Person && code == f.Code && (!hasTarget || t.ent.Type != Country || t.ent.Country == ac.ent.Country) {
			e.Code = f.PersonCode
		}
		if hasTarget {
			e.Target, e.TargetSpan, e.TargetRole = t.ent, t.span, t.role
		}
		if ac.resolved || hasTarget && t.resolved {
			e.Confidence *= 0.8
		}
		e.Confidence = float64(int(e.Confidence*100+0.5)) / 100
		out = append(out, e)
	}
	for _, ac := range actors {
		if len(targets) == 0 {
			mk(ac, filler{}, false)
		}
		n := len(out)
		for _, t := range targets {
			mk(ac, t, true)
		}
		// "Kostunica promised to democratize Serbia": acting on one's own
		// country is still an act, with no other party, where the frame
		// allows none
		if len(out) == n && len(targets) > 0 && !f.NeedTarget {
			mk(ac, filler{}, false)
		}
	}
	return out
}

// agentGroup is the group of its state's agents that filler t names by
// an agent noun ("Palestinian security forces", "the troops"), with t's
// country; nil when its words are only the country's.
func (a *analysis) agentGroup(t filler) *Entity {
	toks := a.p.Toks
	from, to := -1, -1
	for i := range toks {
		if a.s.Start+toks[i].Start >= t.span.Start && a.s.Start+toks[i].End <= t.span.End {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	if from < 0 {
		return nil
	}
	// past determiners, numbers and the country's own name or adjective
	for from < to-1 {
		tk := &toks[from]
		if n := syntax.QuantityPrefix(toks, from); n > 0 {
			from += n
			continue
		}
		switch {
		case tk.Tag == nlp.DT || tk.Tag == nlp.PDT || tk.Tag == nlp.CD || tk.Tag == nlp.PRPS || tk.Tag == nlp.POS,
			tk.Lower == "other" || tk.Lower == "some" || tk.Lower == "all",
			strings.EqualFold(tk.Text, t.ent.Name) || slices.ContainsFunc(t.ent.Demonyms, func(d string) bool { return strings.EqualFold(d, tk.Text) }):
			from++
			continue
		}
		break
	}
	// (a name or another people's adjective left, "European leaders",
	// "the Armed Forces Command": the words are no plain agent noun)
	words := make([]string, 0, to-from)
	for _, tk := range toks[from:to] {
		if isCapitalized(tk.Text) {
			return nil
		}
		words = append(words, tk.Lower)
	}
	if len(words) == 0 || !a.dict.stateAgents[words[len(words)-1]] {
		return nil
	}
	return a.dict.Group(t.ent, strings.Join(words, " "))
}

// sameGroup reports whether two groups are one: the same noun, one of
// them of no country or both of the same ("the rebels" and "Darfur
// rebels" in one sentence).
func sameGroup(x, y *Entity) bool {
	if x.Type != Group || y.Type != Group || len(x.Aliases) == 0 || len(y.Aliases) == 0 ||
		x.Country != "" && y.Country != "" && x.Country != y.Country {
		return false
	}
	return strings.EqualFold(x.Aliases[0], y.Aliases[0])
}

// verbFrameFits reports whether the constraints of frame f, whose parts
// for lemma are parts, hold for clause c.
func (a *analysis) verbFrameFits(f *Frame, parts []lemmaPart, c *syntax.Clause, lemma string) bool {
	p := a.p
	v := &p.Verbs[c.Verb]
	particle := ""
	if v.Particle >= 0 {
		particle = p.Lower(v.Particle)
	}
	if !a.lemmaFits(parts, lemma, particle, c) || namesWhatSomeoneIs(c, lemma) {
		return false
	}
	if f.Voice == "active" && v.Passive || f.Voice == "passive" && !v.Passive {
		return false
	}
	if f.Comp == "to" && !a.hasToComp(c.Verb) || f.Comp == "that" && !a.hasThatComp(c) {
		return false
	}
	if len(f.Object) > 0 && !a.phraseEndsWith(a.patientOf(c, lemma, parts), f.Object[0]) {
		return false
	}
	if f.NoObject && p.Patient(c) >= 0 {
		return false
	}
	if len(f.Subject) > 0 && !a.phraseEndsWith(p.Agent(c), f.Subject[0]) {
		return false
	}
	for _, cond := range f.PP {
		if !a.hasPP(c.PPs, cond) {
			return false
		}
	}
	for _, w := range f.NotPP {
		for _, pp := range c.PPs {
			// (a time is no such PP: "joined NATO in 1999")
			P := &p.Phrases[pp.Phrase]
			if p.Lower(pp.Prep) == w && !P.Time && p.Toks[P.Head].Tag != nlp.CD && !isCalendarWord(p.Toks[P.Head].Text) {
				return false
			}
		}
	}
	return true
}

// lemmaFits checks a frame's particle (parts: partsOf lemma): "rule out"
// needs "out" after the verb.
func (a *analysis) lemmaFits(parts []lemmaPart, lemma, particle string, c *syntax.Clause) bool {
	v := &a.p.Verbs[c.Verb]
	for _, l := range parts {
		if l.verb != lemma {
			continue
		}
		if l.particle == "" {
			// a frame without a particle does not take a verb with one:
			// "call off" is not "call"
			if particle == "" {
				return true
			}
			continue
		}
		if l.particle == particle {
			return true
		}
		// "called for talks": the particle read as a preposition
		for _, pp := range c.PPs {
			if pp.Prep == v.To && a.p.Lower(pp.Prep) == l.particle {
				return true
			}
		}
	}
	return false
}

// patient is the clause's patient for frame f: its object, or for a verb
// with a preposition ("called for Ms Hutt's removal", "look into the
// claims") the phrase of that preposition.
func (a *analysis) patient(c *syntax.Clause, f *Frame, lemma string) int {
	return a.patientOf(c, lemma, f.partsOf(lemma))
}

// patientOf is patient for a frame whose parts for lemma are parts.
func (a *analysis) patientOf(c *syntax.Clause, lemma string, parts []lemmaPart) int {
	p := a.p
	v := &p.Verbs[c.Verb]
	if c.Obj >= 0 || v.Passive || v.Particle >= 0 {
		return p.Patient(c)
	}
	for _, l := range parts {
		if l.verb == lemma && l.particle != "" {
			for _, pp := range c.PPs {
				if pp.Prep == v.To && p.Lower(pp.Prep) == l.particle {
					return pp.Phrase
				}
			}
		}
	}
	return p.Patient(c)
}

func (a *analysis) hasToComp(verb int) bool {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		// active: "told the BBC in an interview to be broadcast Monday"
		// asks nothing of the BBC
		if c.Parent == verb && c.Rel == "xcomp" && a.p.Verbs[c.Verb].Infinitive && !a.p.Verbs[c.Verb].Passive {
			return true
		}
	}
	return false
}

// hasThatComp reports whether the clause's verb takes a that-clause: "denied
// that he ordered ...", also when a phrase stands between "that" and the
// clause's subject and the parser left the clause unattached.
func (a *analysis) hasThatComp(c *syntax.Clause) bool {
	for k := range a.p.Clauses {
		d := &a.p.Clauses[k]
		if d.Parent == c.Verb && d.Rel == "ccomp" && (d.Sub == "that" || d.Sub == "") {
			return true
		}
	}
	end := a.p.Verbs[c.Verb].To
	return end < len(a.p.Toks) && a.p.Lower(end) == "that" && c.Obj < 0
}

// objectMatch is the number of words of frame f's object constraint that
// phrase ph ends with (0 without one).
func (a *analysis) objectMatch(ph int, f *Frame) int {
	if ph < 0 || len(f.Object) == 0 {
		return 0
	}
	best := 0
	for _, w := range f.Object[0] {
		if len(w) > best && a.phraseEndsWith(ph, Words{w}) {
			best = len(w)
		}
	}
	return best
}

// phraseEndsWith reports whether a phrase (any member of its coordination)
// ends with one of the word sequences, compared by lemma.
func (a *analysis) phraseEndsWith(ph int, words Words) bool {
	if ph < 0 {
		return false
	}
	var index *endings
	if len(words) > minEndings && a.frames != nil {
		if index = a.frames.endings[&words[0]]; index != nil && index.n != len(words) {
			index = nil // a part of an indexed list
		}
	}
	for _, m := range a.p.Members(ph) {
		if index != nil {
			var buf [64]int32
			if cand, ok := index.candidates(buf[:0], &a.p.Toks[a.p.Phrases[m].Head]); ok {
				for _, i := range cand {
					if a.memberEndsWith(m, words[i]) {
						return true
					}
				}
				continue
			}
		}
		for _, w := range words {
			if a.memberEndsWith(m, w) {
				return true
			}
		}
	}
	return false
}

// memberEndsWith reports whether phrase m (one member of a coordination)
// ends with the word sequence w, compared by lemma.
func (a *analysis) memberEndsWith(m int, w []string) bool {
	P := &a.p.Phrases[m]
	if w[0] == actorWord || w[0] == personWord {
		return a.namesActor(m) && (w[0] == actorWord || !a.namesState(m))
	}
	if len(w) > P.Head-P.From+1 {
		return false
	}
	// Most entries end with another word than the head: a frame's list
	// has up to hundreds, and this runs for every clause.
	head := &a.p.Toks[P.Head]
	if last := w[len(w)-1]; last != head.Lemma && !mayEqualFold(head.Text, last, isASCII(head.Text)) {
		return false
	}
	for i := range w {
		t := &a.p.Toks[P.Head-len(w)+1+i]
		if t.Lemma != w[i] && !strings.EqualFold(t.Text, w[i]) {
			return false
		}
	}
	return true
}

// mayEqualFold is false only when strings.EqualFold(text, s) is: for ASCII
// text (ascii reports it), s folds to it only if s starts with the same
// letter in either case, or with a non-ASCII rune such as the Kelvin sign,
// and no rune of s is shorter than one byte.
func mayEqualFold(text, s string, ascii bool) bool {
	if !ascii || text == "" || s == "" {
		return true
	}
	return len(s) >= len(text) && (s[0] >= utf8.RuneSelf || lowerByte(s[0]) == lowerByte(text[0]))
}

func (a *analysis) hasPP(pps []syntax.PP, cond PPCond) bool {
	for _, pp := range pps {
		if a.p.Lower(pp.Prep) != cond.Prep || cond.Noun == nil && a.p.Phrases[pp.Phrase].Time {
			continue // "a hunger strike on Monday" is no strike on someone
		}
		if cond.Noun == nil || a.phraseEndsWith(pp.Phrase, cond.Noun) {
			return true
		}
	}
	return false
}

// roles fills a role from its sources, first source that gives an actor
// wins. noun is the noun phrase of a noun frame, -1 for a verb frame.
func (a *analysis) roles(f *Frame, sources []string, c *syntax.Clause, noun int) []filler {
	p := a.p
	for _, src := range sources {
		var got []filler
		switch src {
		case "subject":
			if c != nil {
				// "the arrest of X by Zimbabwean police drew criticism
				// from Y": an act stands for its author
				// (its own subject, not one a complement inherits)
				if ag := p.Agent(c); ag >= 0 && (c.SubjHow == "explicit" || p.Verbs[c.Verb].Passive) && a.onlyAct(ag) {
					got = a.actionAuthor(ag, nil)
				}
				if len(got) == 0 {
					got = a.phraseActors(p.Agent(c), true)
				}
				if len(got) == 0 {
					got = a.documentAuthor(p.Agent(c))
				}
			}
		case "object":
			if c != nil {
				ph := a.patient(c, f, p.Verbs[c.Verb].Lemma)
				// "condemned the Israeli raid on a camp", "criticized
				// Turkey's treatment of journalists": an act is aimed at
				// through its author
				if ph >= 0 && a.onlyAct(ph) {
					got = a.actionAuthor(ph, c)
				}
				if len(got) == 0 {
					got = a.phraseActors(ph, true)
				}
				if a.reciprocal(ph) {
					got = a.phraseActors(p.Agent(c), true) // "accused each other": every other party
				}
				if o := a.otherParty(ph, c); o != nil {
					got = o // "accused the other side"
				}
				if len(got) == 0 {
					got = a.eventAgent(ph, c)
				}
				if len(got) == 0 {
					got = a.rulingAuthor(ph, c) // "welcomed the ruling"
				}
			}
		case "iobj":
			if c != nil {
				got = a.phraseActors(c.IObj, true)
			}
		case "comp":
			if c != nil {
				for k := range p.Clauses {
					if cc := &p.Clauses[k]; cc.Parent == c.Verb && (cc.Rel == "xcomp" || cc.Rel == "ccomp" ||
						cc.Rel == "advcl" && (cc.Sub == "whether" || cc.Sub == "if")) {
						got = a.phraseActors(p.Clauses[k].Subj, true)
						break
					}
				}
			}
		case "object.from":
			// "rejected a fresh offer from Afghanistan": the offer's author
			if c != nil {
				if ph := a.patient(c, f, p.Verbs[c.Verb].Lemma); ph >= 0 && (a.onlyAct(ph) || len(a.phraseActors(ph, true)) == 0) {
					got = a.ppActorAfter(ph, c, "from")
					if len(got) == 0 {
						got = a.participleAgent(ph, c) // "an offer made by Kabul"
					}
					if len(got) == 0 {
						got = a.modifierAuthor(ph) // "Peru's invitation"
					}
					if len(got) == 0 && len(a.phraseActors(ph, true)) == 0 {
						got = a.addresser(c) // "Abbas called Olmert ... and Olmert accepted the offer"
					}
				}
			}
		case "condition":
			// "threatened to launch an offensive unless Baghdad accepted":
			// who must act to avert it
			if c != nil {
				got = a.conditionActors(c.Verb, 0)
			}
		case "purpose":
			// "began a hunger strike to demand the resignation of X": whom
			// the purpose is against
			if c != nil {
				got = a.purposeTarget(c.Verb)
			}
		case "talks":
			got = a.talksParties(c, noun)
		case "where":
			// "staged a protest in Beijing", "rioted at a jail in northern
			// Israel": the country where it happens, whose authorities a
			// protest addresses when it names no one else
			got = a.placeCountry(c, noun)
		case "comp.target":
			// "refused to extradite the suspects to Croatia": who the
			// complement acts on
			if c != nil {
				got = a.complementTarget(c.Verb, 0)
			}
		case "poss":
			if noun >= 0 && p.Phrases[noun].Poss >= 0 {
				got = a.phraseActors(p.Phrases[noun].Poss, true)
			}
		case "demonym", "compound":
			if noun >= 0 {
				got = a.modifierActors(noun, src == "demonym")
			}
		default: // a preposition
			for _, pp := range a.rolePPs(c, noun) {
				if p.Lower(pp.Prep) == src {
					if src == "by" && c != nil && noun < 0 && p.Verbs[c.Verb].Passive {
						continue // the agent of a passive is the subject role
					}
					if src == "with" && pp.Prep > 0 && (p.Lower(pp.Prep-1) == "together" || p.Lower(pp.Prep-1) == "along") {
						continue // "imposed the zone together with London": a partner, not a target
					}
					got = a.phraseActors(pp.Phrase, nameRoles[src] || a.roleBeforeName(pp.Phrase))
					if src == "against" && a.doneTo(pp.Phrase) {
						got = a.eventAgent(pp.Phrase, nil) // "against the arrest of X by police"
					}
					if o := a.otherParty(pp.Phrase, c); o != nil {
						got = o // "talks with the other side"
					}
					if len(got) == 0 && (src == "against" || src == "over") {
						got = a.eventAgent(pp.Phrase, nil) // "against the violations by the military"
					}
					if len(got) == 0 && (src == "in" || src == "at") {
						continue // "in a crowded market in Tel Aviv": the place further on
					}
					break
				}
				// "demonstrations against the violations by the military":
				// a "by" further on is the nearer action's
				if noun >= 0 && src == "by" && a.actionNoun(pp.Phrase) {
					break
				}
			}
		}
		if len(got) > 0 {
			for i := range got {
				got[i].role = src
			}
			return got
		}
	}
	return nil
}

// talksParties are the parties of the talks an act is about: the talks
// its object or its noun's of-phrase names ("boycotted talks with X", "a
// boycott of the talks with X"), else the talks its clause is about
// ("talks between X and Y resumed after a boycott by X"). The act's own
// party among them is dropped when the event is made.
func (a *analysis) talksParties(c *syntax.Clause, noun int) []filler {
	p := a.p
	var cands []int
	if noun >= 0 {
		cands = append(cands, p.Phrases[noun].Of)
	} else if c != nil {
		cands = append(cands, p.Patient(c))
	}
	if c == nil && noun >= 0 {
		c = a.clauseHolding(noun) // "resumed after a boycott by X"
	}
	if c != nil {
		cands = append(cands, p.Agent(c), p.Patient(c))
	}
	for _, ph := range cands {
		if ph < 0 || a.frames == nil || !a.frames.talks[strings.ToLower(p.Toks[p.Phrases[ph].Head].Lemma)] {
			continue
		}
		var out []filler
		for _, pp := range p.PPsAfter(ph) {
			if w := p.Lower(pp.Prep); w == "with" || w == "between" {
				out = append(out, a.phraseActors(pp.Phrase, true)...)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// clauseHolding is the clause phrase ph is the object or a PP of, nil if
// none.
func (a *analysis) clauseHolding(ph int) *syntax.Clause {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Obj == ph {
			return c
		}
		for _, pp := range c.PPs {
			if pp.Phrase == ph {
				return c
			}
		}
	}
	return nil
}

// addresser is who turned to the agent of clause c earlier in the
// sentence, when c answers an offer or proposal whose author it does not
// name: "Abbas called Olmert to inform him of the deal and Olmert
// accepted the offer" is Abbas's offer. It is the agent of the nearest
// clause before c whose object, indirect object or to-phrase names c's
// agent and no one else; none if there is no such clause.
func (a *analysis) addresser(c *syntax.Clause) []filler {
	p := a.p
	self := a.phraseActors(p.Agent(c), true)
	if len(self) != 1 {
		return nil
	}
	names := func(ph int) bool {
		fs := a.phraseActors(ph, true)
		return len(fs) == 1 && fs[0].ent == self[0].ent
	}
	for k := len(p.Clauses) - 1; k >= 0; k-- {
		b := &p.Clauses[k]
		if p.Verbs[b.Verb].From >= p.Verbs[c.Verb].From || p.Verbs[b.Verb].Negated {
			continue
		}
		addressed := names(p.Patient(b)) || b.IObj >= 0 && names(b.IObj)
		for _, pp := range b.PPs {
			if p.Lower(pp.Prep) == "to" && names(pp.Phrase) {
				addressed = true
			}
		}
		if !addressed {
			continue
		}
		var out []filler
		for _, f := range a.phraseActors(p.Agent(b), true) {
			if f.ent != self[0].ent {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// doneTo reports whether phrase ph names an act done to whom its
// of-phrase or possessor names (set done_to): "the repatriation of X".
func (a *analysis) doneTo(ph int) bool {
	return a.frames != nil && a.frames.doneTo[strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma)]
}

// eventAgent is who did what noun phrase ph names, when it names an act
// by someone: "opposed the visits by Japanese leaders" is opposing the
// leaders, "demanded an admission by Moscow" a demand of Moscow.
func (a *analysis) eventAgent(ph int, c *syntax.Clause) []filler {
	if ph < 0 || a.p.Toks[a.p.Phrases[ph].Head].Tag.IsProperNoun() {
		return nil
	}
	if fs := a.ppActorAfter(ph, c, "by"); len(fs) > 0 {
		return fs
	}
	return a.participleAgent(ph, c)
}

// actionAuthor is who did the act noun phrase ph names, as the phrase
// itself says: its by-phrase ("the visits by Japanese leaders"), its
// possessor ("Turkey's treatment of journalists") or an actor before the
// noun ("the Israeli raid", "U.S. sanctions").
func (a *analysis) actionAuthor(ph int, c *syntax.Clause) []filler {
	if fs := a.eventAgent(ph, c); len(fs) > 0 {
		return fs
	}
	return a.modifierAuthor(ph)
}

// modifierAuthor is the act's author named before its noun: a possessor
// ("Turkey's treatment"), a demonym ("the Israeli raid") or a name ("U.S.
// sanctions").
func (a *analysis) modifierAuthor(ph int) []filler {
	return a.roles(&Frame{}, []string{"poss", "demonym", "compound"}, nil, ph)
}

// onlyAct reports whether phrase ph names an act and no actor of its own
// ("the Israeli raid", not "the rebel movement"): roles aimed at it are
// aimed at its author.
func (a *analysis) onlyAct(ph int) bool { return a.actionNoun(ph) && !a.namesActor(ph) }

// participleAgent is the by-phrase of a passive participle that describes
// phrase ph: "the assistance offered by Chile", "a plan drawn up by Peru".
func (a *analysis) participleAgent(ph int, in *syntax.Clause) []filler {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c == in || c.Subj != ph || c.SubjHow != "reduced" || !a.p.Verbs[c.Verb].Passive {
			continue
		}
		for _, pp := range c.PPs {
			if a.p.Lower(pp.Prep) == "by" {
				return a.phraseActors(pp.Phrase, true)
			}
		}
	}
	return nil
}

// actionNoun reports whether phrase ph names an action, which a "by" after
// it belongs to: a noun with frames, or a nominalization ("violations").
func (a *analysis) actionNoun(ph int) bool {
	w := strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma)
	if a.frames != nil && len(a.nounFrames(a.frames, ph)) > 0 {
		return true
	}
	for _, suf := range []string{"tion", "sion", "ment", "ance", "ence"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// attackAuthor is who carried out the attack a passive clause's victims
// fell in: "three Palestinians were killed in an Israeli air strike", "in
// shelling by government forces".
func (a *analysis) attackAuthor(fr *Frames, c *syntax.Clause) ([]filler, *Frame) {
	for _, pp := range c.PPs {
		if w := a.p.Lower(pp.Prep); w != "in" && w != "during" {
			continue
		}
		nf := a.nounFrameFor(fr, pp.Phrase)
		if nf == nil || !usesForce(nf.Code) {
			continue
		}
		// ("in an Israeli air strike", "in shelling by the army"; not the
		// place in "the Kenya embassy bombing")
		if fs := a.roles(nf, []string{"by", "poss", "demonym"}, nil, pp.Phrase); len(fs) > 0 {
			return fs, nf
		}
	}
	return nil, nil
}

// usesForce reports whether a CAMEO code is of force: an assault (18), a
// fight (19) or mass violence (20), whose victims someone made victims.
func usesForce(code string) bool {
	root := code[:2]
	return root == "18" || root == "19" || root == "20"
}

// ppActorAfter is the actors of a prep-phrase right after phrase ph,
// attached to it or to clause c.
func (a *analysis) ppActorAfter(ph int, c *syntax.Clause, prep string) []filler {
	pps := a.p.PPsAfter(ph)
	if c != nil {
		pps = append(pps, c.PPs...)
	}
	end := a.p.Phrases[ph].To
	if q := a.p.Phrases[ph].Of; q >= 0 && q != ph {
		end = a.p.Phrases[q].To // "the offer of a cease-fire from Abbas"
	}
	for _, pp := range pps {
		if a.p.Lower(pp.Prep) == prep && (pp.Prep == a.p.Phrases[ph].To || pp.Prep == end) {
			return a.phraseActors(pp.Phrase, true)
		}
	}
	return nil
}

// complementTarget is the first actor the complement of verb group v acts
// on: its object, indirect object or a PP, looked for through nested
// complements ("agreed to help Iraq rebuild").
func (a *analysis) complementTarget(v, depth int) []filler {
	if depth > 3 {
		return nil
	}
	p := a.p
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.Parent != v || c.Rel != "xcomp" {
			continue
		}
		self := a.phraseActors(p.Agent(c), true)
		// a state or a named body first, then people named by what they
		// are: "refused to extradite the suspects to Croatia" acts on Croatia
		var people []filler
		for _, ph := range append([]int{p.Patient(c), c.IObj}, ppPhrases(c)...) {
			// ("to contribute troops to a force in Liberia": not the troops
			// the article's country stands for; "to launch an offensive in
			// its war with Iraq": not the actor itself)
			fs := others(namedOnly(a.phraseActors(ph, true)), self)
			if len(fs) > 0 && a.dict.madeGroup(fs[0].ent) {
				if people == nil {
					people = fs
				}
				continue
			}
			if len(fs) > 0 {
				return fs
			}
		}
		if people != nil {
			return people
		}
		if fs := a.complementTarget(k, depth+1); len(fs) > 0 {
			return fs
		}
	}
	return nil
}

// conditionActors is the subject of an if- or unless-clause under verb v
// or its to-complements.
func (a *analysis) conditionActors(v, depth int) []filler {
	if depth > 3 {
		return nil
	}
	p := a.p
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.Parent != v {
			continue
		}
		if c.Rel == "advcl" && (c.Sub == "if" || c.Sub == "unless") {
			if fs := namedOnly(a.phraseActors(c.Subj, true)); len(fs) > 0 {
				return fs
			}
		}
		if c.Rel == "xcomp" || c.Rel == "ccomp" { // "warned that it would retaliate if Israel attacked"
			if fs := a.conditionActors(k, depth+1); len(fs) > 0 {
				return fs
			}
		}
	}
	return nil
}

// others drops from fs the actors of self.
func others(fs, self []filler) []filler {
	out := fs[:0:0]
	for _, f := range fs {
		if !containsFiller(self, f.ent) {
			out = append(out, f)
		}
	}
	return out
}

// namedOnly drops the agents whose country is only the article's ("troops"
// with no country named).
func namedOnly(fs []filler) []filler {
	out := fs[:0:0]
	for _, f := range fs {
		if !(f.agent && f.resolved) {
			out = append(out, f)
		}
	}
	return out
}

// purposeTarget is whom a to-infinitive of purpose under verb v acts on,
// when its verb is one of the set purpose ("to protest against X's
// decision", "to demand the resignation of X").
func (a *analysis) purposeTarget(v int) []filler {
	p := a.p
	// "staged a hunger strike in protest against X's violations", "in
	// protest of the arrest of X"
	for _, pp := range p.Clauses[v].PPs {
		if p.Lower(pp.Prep) != "in" || strings.ToLower(p.Toks[p.Phrases[pp.Phrase].Head].Lemma) != "protest" {
			continue
		}
		for _, q := range p.PPsAfter(pp.Phrase) {
			switch p.Lower(q.Prep) {
			case "against", "at", "of", "over":
				fs := a.phraseActors(q.Phrase, true)
				if len(fs) == 0 {
					fs = a.eventAgent(q.Phrase, nil)
				}
				return fs
			}
		}
	}
	for k := range p.Clauses {
		c := &p.Clauses[k]
		// ("to demand the resignation of X"; "rioted, calling for the
		// removal of X": a participle of purpose too)
		purposeForm := c.Rel == "xcomp" && p.Verbs[c.Verb].Infinitive ||
			(c.Rel == "advcl" || c.Rel == "participle") && p.Verbs[c.Verb].Gerund
		// (a clause is not its own purpose: a reduced participle may hang
		// from its own verb, "exiles protesting in Miami")
		if c.Parent != v || c.Verb == v || !purposeForm || a.frames == nil || !a.frames.purposes[p.Verbs[c.Verb].Lemma] {
			continue
		}
		for _, ph := range append([]int{p.Patient(c)}, ppPhrases(c)...) {
			if ph >= 0 && a.doneTo(ph) {
				return a.eventAgent(ph, c) // "to demand X's release"
			}
			if fs := a.phraseActors(ph, true); len(fs) > 0 {
				return fs
			}
		}
	}
	return nil
}

// rolePPs are the prepositional phrases a role may come from: those after
// the noun of a noun frame, else the clause's.
func (a *analysis) rolePPs(c *syntax.Clause, noun int) []syntax.PP {
	if noun >= 0 {
		return a.p.PPsAfter(noun)
	}
	if c == nil {
		return nil
	}
	// "Evidence against Russia was presented by the US", "sanctions on
	// Iran were imposed by the EU": in the passive, the PPs of the patient
	// before the verb are those the active voice puts after it
	// ("presented evidence against Russia")
	// (only a subject whose PPs lead up to the verb, and that is no other
	// verb's object)
	v := &a.p.Verbs[c.Verb]
	if !v.Passive || c.Subj < 0 || a.p.Phrases[c.Subj].To > v.From || a.p.VerbAt(a.p.Phrases[c.Subj].From-1) >= 0 {
		return c.PPs
	}
	pps := a.p.PPsAfter(c.Subj)
	if len(pps) == 0 || a.p.Phrases[pps[len(pps)-1].Phrase].To != v.From {
		return c.PPs
	}
	var own []syntax.PP
	for _, pp := range pps {
		if w := a.p.Lower(pp.Prep); w != "in" && w != "at" && w != "by" {
			own = append(own, pp)
		}
	}
	if len(own) == 0 {
		return c.PPs
	}
	return append(own, c.PPs...)
}

// placeCountry is the country named by an "in" or "at" phrase of clause c
// (of the noun phrase noun, for a noun frame), or by an "in" phrase after
// one ("at a jail in northern Israel"); nil if none.
func (a *analysis) placeCountry(c *syntax.Clause, noun int) []filler {
	p := a.p
	for _, pp := range a.rolePPs(c, noun) {
		if w := p.Lower(pp.Prep); w != "in" && w != "at" || p.Phrases[pp.Phrase].Time {
			continue
		}
		for ph, depth := pp.Phrase, 0; ph >= 0 && depth < 3; depth++ {
			if mi := a.mentionAt[p.Phrases[ph].Head]; mi >= 0 {
				if e := countryEntity(a.ms[mi], a.dict); e != nil {
					return []filler{{ent: e, span: a.ms[mi].Span}}
				}
			}
			next := -1
			if after := p.PPsAfter(ph); len(after) > 0 && p.Lower(after[0].Prep) == "in" {
				next = after[0].Phrase
			}
			ph = next
		}
	}
	return nil
}

// modifierActors are the actors named before a phrase's head: "Israeli
// attacks" (a demonym), "U.S. sanctions", "NATO warplanes" (a name).
func (a *analysis) modifierActors(ph int, demonym bool) []filler {
	P := &a.p.Phrases[ph]
	var out []filler
	for i := P.From; i < P.Head; i++ {
		mi := a.mentionAt[i]
		if mi < 0 || a.mentionAt[P.Head] == mi {
			continue
		}
		m := a.ms[mi]
		if (m.How == "demonym") != demonym {
			continue
		}
		for _, f := range mentionFillers(m) {
			if !containsFiller(out, f.ent) {
				out = append(out, f)
			}
		}
	}
	return out
}

// refusal is the code of refusing clause k's cooperative event, when it is
// refused rather than just not done: "refused to meet X", "declined to
// resign", "would not provide support" (said so).
func (a *analysis) refusal(fr *Frames, k int, f *Frame) (string, bool) {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	code, ok := fr.refusalCodes[f.Code[:2]]
	if !ok || c.Question {
		return "", false
	}
	if v.Negated {
		// "will not", "would not" in reported speech, "won't": a stated refusal
		if v.Modal == "will" || v.Modal == "would" && c.Rel == "ccomp" {
			return code, true
		}
		return "", false
	}
	if c.Rel == "xcomp" && c.Parent >= 0 && v.Infinitive {
		pv := &p.Verbs[p.Clauses[c.Parent].Verb]
		if !pv.Negated && pv.Modal == "" && (pv.Lemma == "refuse" || pv.Lemma == "decline") {
			// the refusing is itself reported, not only demanded or feared:
			// "demanded that its partners refuse to recognize X"
			if _, ok := a.mood(fr, c.Parent, f); !ok {
				return "", false
			}
			return code, true
		}
	}
	return "", false
}

// mood decides whether clause k reports an event, and with which code:
// not when negated, conditional, speculative, asked, or demanded of someone
// else; an intended or threatened event takes its intent code unless the
// frame states intent itself.
func (a *analysis) mood(fr *Frames, k int, f *Frame) (string, bool) {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	if c.Question || v.Negated || a.hedgedByAdverb(v) {
		return "", false
	}
	// "alleged crimes committed by Croat forces": the noun the participle
	// describes is only alleged
	if c.SubjHow == "reduced" && c.Subj >= 0 {
		for i := p.Phrases[c.Subj].From; i < p.Phrases[c.Subj].Head; i++ {
			switch p.Toks[i].Lower {
			case "alleged", "suspected", "possible", "reported", "purported", "apparent":
				return "", false
			}
		}
	}
	if a.subjectGerund(k) || a.hedgedRoleGerund(k) {
		return "", false
	}
	intent := false
	switch v.Modal {
	case "":
	case "will", "shall":
		// "said it will attack", as "said it would": a stated intention
		// (told in the news' own voice, "X will visit Y" is a plan: the
		// event itself, on its planned day)
		// ("X will support Y", "will release the prisoners", "will lift
		// the ban", "will visit Y": support, a concession or a visit to
		// someone, announced, is a commitment to it, CAMEO 032/035/036, as
		// "pledged to support" is; a planned meeting, delivery, strike or
		// resignation stays the act)
		if c.Rel == "ccomp" || f.Code[:2] == "05" || f.Code[:2] == "08" && c.Obj >= 0 || f.Code == "042" {
			intent = true
		}
	case "would":
		// "said it would": a promise in reported speech; otherwise conditional
		if c.Rel != "ccomp" {
			return "", false
		}
		intent = true
	case "must", "should", "ought":
		return "", false // someone's demand that it happen, not an event
	default: // can, could, may, might
		return "", false
	}
	switch c.Sub {
	case "if", "unless", "whether", "lest":
		return "", false
	}
	// "its demand that Israel ease restrictions": a that-clause of a noun
	// of demanding is demanded, of a noun of intending intended
	if c.Rel == "ccomp" && c.Sub == "that" && c.Subj >= 0 {
		b := p.Phrases[c.Subj].From - 1
		if b >= 0 && p.Lower(b) == "that" {
			b--
			for b >= 0 && (p.Toks[b].Tag.IsAdv() || p.PhraseAt(b) >= 0 && p.Phrases[p.PhraseAt(b)].Time) {
				b--
			}
			if b >= 0 && p.Toks[b].Tag.IsNoun() {
				g := fr.governsMap[strings.ToLower(p.Toks[b].Lemma)]
				// ("expressed hope that Iraqi troops would take control":
				// someone's wish for others is no one's act)
				if g&(govDemand|govNegate|govHedge) != 0 || wishNouns[strings.ToLower(p.Toks[b].Lemma)] {
					return "", false
				}
				if g&govIntent != 0 {
					intent = true
				}
			}
		}
	}
	if a.reportedAsHedged(fr, k) {
		return "", false
	}
	// what governs the clause: "refused to", "plans to", "urged X to"
	for depth, cur := 0, c; cur.Parent >= 0 && depth < 4; depth++ {
		if cur.Rel == "relcl" || cur.Rel == "conj" && cur.Parent >= 0 && p.Clauses[cur.Parent].Verb == cur.Verb {
			break
		}
		par := &p.Clauses[cur.Parent]
		pv := &p.Verbs[par.Verb]
		if cur.Rel == "conj" {
			// a conjoined verb shares its first conjunct's governors, not its polarity
			cur = par
			continue
		}
		if cur.Rel == "advcl" || cur.Rel == "participle" && cur.SubjHow == "opener" {
			break
		}
		// "jailed a student for helping militants": what a court or the
		// police act for is the charge, alleged
		if cur.Rel == "pcomp" && cur.Sub == "for" && chargingVerbs[pv.Lemma] {
			return "", false
		}
		switch par.Sub {
		case "if", "unless", "whether", "lest":
			return "", false
		}
		if pv.Negated || pv.Modal == "could" || pv.Modal == "might" || pv.Modal == "may" || pv.Modal == "must" || pv.Modal == "should" || pv.Modal == "ought" {
			return "", false
		}
		g := fr.governsMap[pv.Lemma]
		if pv.Particle >= 0 {
			g |= fr.governsMap[pv.Lemma+" "+p.Lower(pv.Particle)]
		}
		if g&(govNegate|govHedge) != 0 && cur.Rel != "advcl" {
			return "", false
		}
		// ("ordered heads of the forces to ensure that militants respect
		// the truce": the controller may be the object's "of" phrase)
		// ("was urged by X to release them", "was asked to": asked of the
		// subject; but "was forced to withdraw", "was expected to meet"
		// say it happens)
		passiveAsk := pv.Passive && g&(govIntent|govPlanned) == 0 && !madeToHappen[pv.Lemma]
		if g&govDemand != 0 && (cur.Rel == "xcomp" && (par.Obj >= 0 || passiveAsk) || cur.Rel == "ccomp" && cur.Sub == "that") {
			return "", false // demanded of someone: not (yet) an event
		}
		if g&govIntent != 0 && (cur.Rel == "xcomp" || cur.Rel == "pcomp") {
			intent = true
		}
		cur = par
	}
	// "plans to", "ready to", "an attempt to": the word the infinitive hangs
	// on; after any other noun it says a purpose ("safe zones to protect
	// civilians", "a chance to solve the crisis"), not an event
	if c.Rel == "xcomp" && c.Sub != "" && p.Verbs[c.Verb].Infinitive {
		g := fr.governsMap[c.Sub]
		if g&(govNegate|govHedge) != 0 || g == 0 {
			return "", false
		}
		if g&govIntent != 0 {
			intent = true
		}
	}
	// "will withdraw its force unless Chad holds elections", "would boycott
	// the vote if the president stays": a future act made to depend on
	// another's is a threat
	// (not a cooperative act offered on a condition: "would meet X if he
	// gave them a veto" is an offer)
	if (intent || v.Modal == "will") && (f.Code[:2] >= "10" || f.Code[:3] == "087") && f.Code[:2] != "13" && a.conditioned(c.Verb) {
		if code := fr.intentCodes[f.Code[:2]]; strings.HasPrefix(code, "13") {
			return code, true
		}
		return "130", true
	}
	if intent && !f.Intent {
		code, ok := fr.intentCodes[f.Code[:2]]
		return code, ok
	}
	return f.Code, true
}

// subjectGerund reports whether gerund clause k is the subject of a finite
// verb after it ("said that removing the sanctions is out of the question",
// "attacking Iran would be a mistake"): an act named as a topic, not
// reported. The parser gives that verb the gerund's last phrase as subject.
func (a *analysis) subjectGerund(k int) bool {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	if !v.Gerund {
		return false
	}
	own := map[int]bool{}
	if c.Obj >= 0 {
		own[c.Obj] = true
	}
	for _, pp := range c.PPs {
		own[pp.Phrase] = true
	}
	for j := range p.Clauses {
		b := &p.Clauses[j]
		if j != k && b.Subj >= 0 && own[b.Subj] && p.Verbs[b.Verb].Finite && p.Verbs[b.Verb].From > v.To && b.SubjHow == "explicit" {
			return true
		}
	}
	return false
}

// reportedAsHedged reports whether clause k is what a reporting verb
// after it calls speculation or allegation: "exiles will delay the
// ruling, Cuba predicted" (the verb before, "Cuba predicted that ...",
// governs its complement and is seen there).
func (a *analysis) reportedAsHedged(fr *Frames, k int) bool {
	p := a.p
	v := &p.Verbs[p.Clauses[k].Verb]
	for j := range p.Clauses {
		sc := &p.Clauses[j]
		sv := &p.Verbs[sc.Verb]
		if j == k || sv.From < v.To || sc.Parent >= 0 || fr.governsMap[sv.Lemma]&govHedge == 0 {
			continue
		}
		if from, to := a.saidSpan(j); from <= v.From && v.To <= to {
			return true
		}
	}
	return false
}

// hedgedRoleGerund reports whether gerund clause k names what someone's
// possible or alleged part was in ("for her possible role in rioting", "his
// alleged involvement in smuggling arms"): no act of theirs is reported.
func (a *analysis) hedgedRoleGerund(k int) bool {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	if !v.Gerund || c.Rel != "pcomp" || (c.Sub != "in" && c.Sub != "of") || v.From < 2 {
		return false
	}
	q := p.PhraseAt(v.From - 2)
	if q < 0 || p.Phrases[q].To != v.From-1 || !roleNouns[strings.ToLower(p.Toks[p.Phrases[q].Head].Lemma)] {
		return false
	}
	for i := p.Phrases[q].From; i < p.Phrases[q].Head; i++ {
		switch p.Lower(i) {
		case "alleged", "suspected", "possible", "reported", "purported", "presumed":
			return true
		}
	}
	return false
}

// roleNouns name someone's part in an act.
var roleNouns = map[string]bool{"role": true, "part": true, "involvement": true, "participation": true, "complicity": true}

// chargingVerbs act on someone for what they are charged with: "arrested
// for attacking police" does not establish the attack.
var chargingVerbs = map[string]bool{"arrest": true, "jail": true, "detain": true, "imprison": true, "sentence": true,
	"convict": true, "charge": true, "prosecute": true, "try": true, "indict": true, "punish": true, "fine": true,
	"execute": true, "hang": true, "expel": true, "deport": true, "extradite": true, "investigate": true, "probe": true,
	"question": true, "accuse": true, "blame": true, "suspect": true, "hold": true, "seize": true, "sue": true}

// madeToHappen are verbs of demanding whose passive says the demand was
// met or allowed: "was forced to withdraw", "was allowed to leave".
var madeToHappen = map[string]bool{"force": true, "compel": true, "oblige": true, "allow": true, "permit": true,
	"authorize": true, "authorise": true, "help": true, "enable": true, "lead": true, "persuade": true}

// commerceComp reports whether verb v's to-complement is a verb of the set
// commerce.
func (a *analysis) commerceComp(fr *Frames, v int) bool {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Parent == v && c.Rel == "xcomp" && a.p.Verbs[c.Verb].Infinitive && fr.commerce[a.p.Verbs[c.Verb].Lemma] {
			return true
		}
	}
	return false
}

// conditioned reports whether verb v has an if- or unless-clause under it.
func (a *analysis) conditioned(v int) bool {
	for k := range a.p.Clauses {
		if c := &a.p.Clauses[k]; c.Parent == v && c.Rel == "advcl" && (c.Sub == "unless" || c.Sub == "if") {
			return true
		}
	}
	return false
}

// nounFrames are the noun frames of phrase ph's head. A compound written
// in two words counts as the one-word form when frames know that: "an air
// strike" is an airstrike, not a labour strike.
func (a *analysis) nounFrames(fr *Frames, ph int) []*Frame {
	P := &a.p.Phrases[ph]
	head := strings.ToLower(a.p.Toks[P.Head].Lemma)
	if a.p.Toks[P.Head].Tag == nlp.VBG {
		head = a.p.Toks[P.Head].Lower // "in Israeli shelling": the noun
	}
	if P.Head > P.From {
		if fs := fr.NounFrames(a.p.Toks[P.Head-1].Lower + head); len(fs) > 0 {
			return fs
		}
		// "a mediation mission between", "a peace effort": the event is
		// the noun before an empty head
		if emptyHeads[head] && a.p.Toks[P.Head-1].Tag == nlp.NN {
			if fs := fr.NounFrames(strings.ToLower(a.p.Toks[P.Head-1].Lemma)); len(fs) > 0 {
				return fs
			}
		}
	}
	return fr.NounFrames(head)
}

// emptyHeads are nouns that head a phrase whose event the noun before them
// names: "mediation mission", "aid package", "withdrawal process".
var emptyHeads = map[string]bool{"mission": true, "effort": true, "bid": true, "initiative": true, "process": true,
	"package": true, "plan": true, "programme": true, "program": true, "operation": true, "campaign": true, "drive": true}

// nounFrameFor is the first noun frame of phrase ph's head whose PP
// constraints hold, nil if none.
func (a *analysis) nounFrameFor(fr *Frames, ph int) *Frame {
	pps := a.p.PPsAfter(ph)
	for _, f := range a.nounFrames(fr, ph) {
		ok := true
		for _, cond := range f.PP {
			if !a.hasPP(pps, cond) {
				ok = false
				break
			}
		}
		if ok {
			return f
		}
	}
	return nil
}

// hedgedByAdverb reports whether an adverb in or right before the verb
// group makes it speculative: "Iran allegedly attacked".
func (a *analysis) hedgedByAdverb(v *syntax.Verb) bool {
	from := v.From
	for from > 0 && a.p.Toks[from-1].Tag.IsAdv() && a.p.VerbAt(from-1) < 0 && a.p.PhraseAt(from-1) < 0 {
		from--
	}
	for i := from; i < v.To; i++ {
		if a.p.Toks[i].Tag.IsAdv() && hedgeAdverbs[a.p.Toks[i].Lower] {
			return true
		}
	}
	return false
}

// wishNouns name a wish or expectation of the speaker's: "hope that X
// would", "expectation that X will".
var wishNouns = map[string]bool{"hope": true, "wish": true, "expectation": true, "belief": true, "confidence": true, "optimism": true}

// orderVerbs command an act done in the commander's name: "the government
// ordered the expulsion of X" is the government expelling X.
var orderVerbs = map[string]bool{"order": true, "authorize": true, "authorise": true}

// respondVerbs answer with an act: "retaliated with air strikes on X" is
// the subject's attack.
var respondVerbs = map[string]bool{"respond": true, "retaliate": true, "react": true, "reply": true, "answer": true, "hit back": true, "strike back": true}

// partakeVerbs say their subject took part in the act their PP names
// ("participated in the attack on X"; "took part" has its own frame).
var partakeVerbs = map[string]bool{"participate": true, "engage": true, "join": true, "help": true, "assist": true,
	"collaborate": true, "cooperate": true, "persist": true, "continue": true}

// victimVerbs say what befell their subject: the subject of "died in an
// attack" is no attacker.
var victimVerbs = map[string]bool{"die": true, "perish": true, "survive": true, "escape": true, "flee": true, "suffer": true,
	"succumb": true, "disappear": true}

// hedgeAdverbs make what they qualify speculative.
var hedgeAdverbs = map[string]bool{"allegedly": true, "possibly": true, "perhaps": true, "maybe": true, "apparently": true,
	"supposedly": true, "purportedly": true, "probably": true, "likely": true, "reputedly": true}

// nounEvents applies noun frames to phrase ph: "talks between X and Y",
// "his visit to China", "Israeli attacks on Gaza", "X held talks with Y".
func (a *analysis) nounEvents(fr *Frames, frames []*Frame, ph int) []Event {
	p := a.p
	if a.figurative(ph) {
		return nil // "a bidding war", "a legal battle": no fighting
	}
	// "in protest against X": the purpose of another act, coded there;
	// "on March 12": a date, not a march
	if P := &p.Phrases[ph]; P.Time || P.From == P.Head && P.Prep >= 0 && p.Lower(P.Prep) == "in" && strings.EqualFold(p.Toks[P.Head].Text, "protest") {
		return nil
	}
	// the clause the phrase is a role of: its subject may be the actor
	// the clause the phrase is the object of, or sits in as a PP: its
	// mood governs the noun ("called off its offensive" is no attack), and
	// with a light verb ("held talks") or a PP its subject may be the actor
	governing, owner := -1, -1
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if c.Obj == ph || c.IObj == ph || c.Subj == ph && p.Verbs[c.Verb].Passive {
			governing = k
			if fr.light[p.Verbs[c.Verb].Lemma] {
				owner = k
			}
			break
		}
		for i, pp := range append(c.PPs[:len(c.PPs):len(c.PPs)], c.Leading...) {
			if pp.Phrase != ph {
				continue
			}
			governing = k
			// "during a visit to China", "for talks with Y", "in talks
			// with Y": the clause's subject is the noun's actor; not deeper
			// in a chain of PPs ("at a campaign on the heels of the meeting")
			// nor when the subject is a reduced relative's noun
			// ("died in an attack on civilians": a victim, not its author)
			// ("declared after the strikes": not the striker; "after talks
			// with Y": the talker)
			prep := p.Lower(pp.Prep)
			if prep == "with" && respondVerbs[p.Verbs[c.Verb].Lemma] && i == 0 {
				owner = k // "Israel responded with air strikes on Gaza"
				continue
			}
			switch prep {
			case "during", "for", "at", "after", "before", "amid", "on", "in", "ahead", "following":
				temporal := prep == "after" || prep == "before" || prep == "amid" || prep == "ahead" || prep == "following"
				// a hostile act is its subject's only when the verb says it
				// took part ("joined in the attack"): "arrested him for the
				// murder of X", "implicated Y in the killing", "spoke at a
				// rally" name others; what people do during a protest
				// they do as protesters
				hostile := len(frames) > 0 && frames[0].Code[:2] >= "14" && !(frames[0].Code[:2] == "14" && prep == "during")
				if (i == 0 || i >= len(c.PPs)) && c.SubjHow != "reduced" && !victimVerbs[p.Verbs[c.Verb].Lemma] && !p.Verbs[c.Verb].Passive &&
					(!temporal || len(frames) > 0 && frames[0].Code[:2] <= "05") && (!hostile || partakeVerbs[p.Verbs[c.Verb].Lemma]) {
					owner = k
				}
			}
		}
		if governing >= 0 {
			break
		}
	}
	if governing >= 0 {
		gv := &p.Verbs[p.Clauses[governing].Verb]
		g := fr.governsMap[gv.Lemma]
		if gv.Particle >= 0 {
			g |= fr.governsMap[gv.Lemma+" "+p.Lower(gv.Particle)]
		}
		// ("ordered the expulsion of X": who orders an act of state does it)
		if g&(govNegate|govHedge|govDemand) != 0 && !(owner >= 0 && orderVerbs[gv.Lemma] && gv.Particle < 0) {
			return nil // "called off its offensive", "demanded the withdrawal of"
		}
		if owner < 0 {
			if _, ok := a.mood(fr, governing, &Frame{Code: "010", Intent: true}); !ok {
				return nil
			}
		}
	}
	pps := append(p.PPsAfter(ph), a.clauseBetween(ph)...)
	for _, f := range frames {
		ok := true
		for _, cond := range f.PP {
			if !a.hasPP(pps, cond) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		var c *syntax.Clause
		code := f.Code
		if owner >= 0 {
			c = &p.Clauses[owner]
			oc, ok := a.mood(fr, owner, f)
			if !ok {
				return nil
			}
			code = oc
		}
		// "talks between X and Y", "a meeting of French and German
		// leaders": the members pair up (not in "mediation between X and
		// Y", where they are the targets of the mediator)
		for _, pp := range pps {
			// (the noun's own "of", not one further down a chain:
			// "consultations with the governments of Syria and Egypt")
			if prep := p.Lower(pp.Prep); prep != "between" && (prep != "of" || p.Phrases[ph].Of != pp.Phrase) || !hasString(f.Target, "between") || !f.Symmetric {
				continue
			}
			members := a.phraseActors(pp.Phrase)
			if len(members) >= 2 {
				return a.emit(f, code, members[:1], members[1:], a.tokSpan(p.Phrases[ph].From, p.Phrases[ph].To))
			}
		}
		actors := a.roles(f, f.Actor, c, ph)
		if len(actors) == 0 && c != nil && orderVerbs[p.Verbs[c.Verb].Lemma] {
			actors = a.roles(f, []string{"subject"}, c, ph) // "X ordered the arrest of Y"
		}
		if len(actors) == 0 {
			return nil
		}
		targets := a.roles(f, f.Target, c, ph) // c for "comp": "its demand that Israel ease ..."
		match := a.tokSpan(p.Phrases[ph].From, p.Phrases[ph].To)
		if len(targets) == 0 && f.Symmetric && len(actors) >= 2 {
			return a.emit(f, code, actors[:1], actors[1:], match)
		}
		if f.NeedTarget && len(targets) == 0 {
			return nil
		}
		return a.emit(f, code, actors, targets, match)
	}
	return nil
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// evaluationEvents codes what speakers say of others: "Liberty said the
// policy was racist" is Liberty criticizing (111) whoever the words are
// about; "the State Department says the new members enhance the alliance"
// praise (051); "Katsav said the parties must present clear positions" a
// demand (100) of the parties. A sentence of a quotation attributed in
// another sentence is its speaker's.
func (x *Extractor) evaluationEvents(a *analysis, reported []Event) []Event {
	ev := x.Frames.Evaluation
	if ev == nil {
		return nil
	}
	p := a.p
	var out []Event
	spoken := false
	for k := range p.Clauses {
		c := &p.Clauses[k]
		v := &p.Verbs[c.Verb]
		if !ev.Speech[v.Lemma] || v.Negated || c.Question || !v.Finite && !v.Gerund && !a.saidByInfinitive(k) || v.Gerund && c.Obj >= 0 {
			continue // not "maintaining the health of our democracy"
		}
		switch v.Modal {
		case "might", "could", "may", "would":
			continue // "the Iraqis might well conclude that they need to": no one said it
		}
		speakers := a.phraseActors(p.Agent(c), true)
		if len(speakers) == 0 {
			continue
		}
		spoken = true
		from, to := a.saidSpan(k)
		if o := c.Obj; o >= 0 && v.Lemma == "tell" && p.Phrases[o].From == from {
			from = p.Phrases[o].To // "told the BBC: ...": the listener is not what was said
		}
		judged := a.evaluate(ev, speakers, from, to, a.tokSpan(v.From, v.To), reported)
		out = append(out, judged...)
		out = append(out, a.accusations(ev, k, speakers, judged)...)
	}
	if !spoken && a.c.quoted != nil && len(p.Toks) > 0 {
		speakers := []filler{{ent: a.c.quoted, resolved: true, role: "quote"}}
		out = append(out, a.evaluate(ev, speakers, 0, len(p.Toks), a.tokSpan(0, len(p.Toks)), reported)...)
	}
	return out
}

// evaluate codes what speakers said in tokens [from, to): its praise or
// criticism, and its directives. Words that report an event the frames
// coded ("issued warrants for two men sought in the brutal slaying, police
// said") tell of that event, not of the speaker's judgement.
func (a *analysis) evaluate(ev *Evaluation, speakers []filler, from, to int, match Span, reported []Event) []Event {
	if to-from < 3 {
		return nil
	}
	out := a.directives(ev, speakers, from, to, match)
	said := a.tokSpan(from, to)
	for _, e := range reported {
		if e.Match.Start >= said.Start && e.Match.End <= said.End && a.finiteAt(e.Match.Start) {
			return out
		}
	}
	return append(out, a.judgements(ev, speakers, from, to, match)...)
}

// documentAuthor is who acts through a document: "X issued a declaration
// demanding ...", "the council passed a resolution condemning ...": the
// subject of the clause whose object the document is. nil if ph is no
// document.
func (a *analysis) documentAuthor(ph int) []filler {
	if ph < 0 || a.frames == nil || !a.frames.documents[strings.ToLower(a.p.Toks[a.p.Phrases[ph].Head].Lemma)] {
		return nil
	}
	for k := range a.p.Clauses {
		if c := &a.p.Clauses[k]; a.p.Patient(c) == ph {
			return a.phraseActors(a.p.Agent(c), true)
		}
	}
	return nil
}

// finiteAt reports whether the verb group at article offset off is a
// tensed verb, not a participle qualifying a noun ("Roma seeking entry").
// Offsets not at a verb count as tensed.
func (a *analysis) finiteAt(off int) bool {
	for i, t := range a.p.Toks {
		if a.s.Start+t.Start == off {
			if v := a.p.VerbAt(i); v >= 0 {
				return a.p.Verbs[v].Finite
			}
			return true
		}
	}
	return true
}

// directives codes "Y should ...", "Y must ...", "Y needs to ..." in what
// speakers said as their appeal to or demand of Y. Not of themselves or
// their own side ("we must reach a decision"), not in a passive ("the
// rulings should be announced"), whose subject is not who is to act, and
// not of being something.
func (a *analysis) directives(ev *Evaluation, speakers []filler, from, to int, match Span) []Event {
	p := a.p
	var out []Event
	for k := range p.Clauses {
		c := &p.Clauses[k]
		v := &p.Verbs[c.Verb]
		// (nor of a state: "Gazprom should be quite satisfied" asks
		// nothing of Gazprom; "the US must be ready to mediate" does)
		if v.From < from || v.From >= to || c.Question || v.Passive || c.Subj < 0 || v.Lemma == "be" && !a.hasToComp(c.Verb) {
			continue
		}
		switch c.Sub {
		case "if", "unless", "whether", "lest":
			continue
		}
		var d *Directive
		for i := range ev.Directives {
			if hasString(ev.Directives[i].Modals, v.Modal) || hasString(ev.Directives[i].Verbs, v.Lemma) && c.Obj < 0 && a.activeToComp(k) {
				d = &ev.Directives[i]
				break
			}
		}
		if d == nil || !a.saidDirectly(ev, k, from, to) {
			continue
		}
		var targets []filler
		for _, f := range a.phraseActors(c.Subj, true) {
			if !ownSide(speakers, f) {
				targets = append(targets, f)
			}
		}
		if len(targets) == 0 {
			continue
		}
		code := d.Code
		if v.Perfect && (v.Modal == "should" || v.Modal == "ought" || v.Modal == "must") {
			// "Y should have acted sooner": a reproach for what Y did,
			// not an appeal to do it
			code = ev.NegativeCode
		}
		f := &Frame{ID: "speech.directive", Code: code, Confidence: 0.6}
		out = append(out, a.emit(f, code, speakers, targets, match)...)
	}
	return out
}

// activeToComp reports whether clause k takes an active to-infinitive
// ("needs to change", not "need to be resourced").
func (a *analysis) activeToComp(k int) bool {
	for j := range a.p.Clauses {
		c := &a.p.Clauses[j]
		if v := &a.p.Verbs[c.Verb]; c.Parent == k && c.Rel == "xcomp" && v.Infinitive && c.Sub == "" {
			return !v.Passive
		}
	}
	return false
}

// saidDirectly reports whether clause k states what was said in tokens
// [from, to) itself, not inside a relative clause ("the direction New
// Labour should be taking") or under another verb than one of saying or
// being ("the leaders agreed that all parties must ...": the leaders'
// appeal, not the speaker's).
func (a *analysis) saidDirectly(ev *Evaluation, k, from, to int) bool {
	p := a.p
	for depth := 0; k >= 0 && depth < 6; depth++ {
		c := &p.Clauses[k]
		if c.Rel == "relcl" || c.Rel == "participle" {
			return false
		}
		if c.Parent < 0 {
			return true
		}
		par := &p.Clauses[c.Parent]
		pv := &p.Verbs[par.Verb]
		if pv.From < from || pv.From >= to {
			return true // the speech verb itself
		}
		if !ev.Speech[pv.Lemma] && pv.Lemma != "be" {
			return false
		}
		k = c.Parent
	}
	return false
}

// ownSide reports whether f is one of the speakers, their country, or
// their compatriot.
func ownSide(speakers []filler, f filler) bool {
	for _, s := range speakers {
		if s.ent == f.ent || s.ent.Country != "" && s.ent.Country == f.ent.Country && (f.ent.Type == Country || s.ent.Type == Country) {
			return true
		}
	}
	return false
}

// saidSpan is the stretch of tokens a speech clause reports: what follows
// the verb ("X said the policy was wrong") or, when the verb closes the
// sentence, what precedes its subject ('"The policy is wrong," X said').
func (a *analysis) saidSpan(k int) (int, int) {
	p := a.p
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	start := v.From
	if c.Subj >= 0 {
		start = min(start, p.Phrases[c.Subj].From)
	}
	// the verb ends the sentence, or nothing but its subject follows
	after := v.To
	if c.Subj >= 0 && p.Phrases[c.Subj].From >= v.To {
		after = p.Phrases[c.Subj].To
	}
	// what follows is punctuation or says only when and where ("..., the
	// army said on Friday"): no verb of its own
	rest := true
	for i := after; i < len(p.Toks); i++ {
		if p.VerbAt(i) >= 0 || p.Toks[i].Tag == nlp.IN && strings.EqualFold(p.Toks[i].Text, "that") {
			rest = false
			break
		}
	}
	// not "..., said Luis Baez, who has written several books": a relative
	// clause, or a verb with an object of its own (but the listener of
	// "told"), reports nothing before it
	if rest && start > 2 && c.Rel != "relcl" && (c.Obj < 0 || c.SubjHow == "inverted" || v.Lemma == "tell") {
		return 0, start
	}
	return v.To, len(p.Toks)
}

// negatedWord reports whether token i follows a negation closely.
func (a *analysis) negatedWord(i, from int) bool {
	for j := i - 1; j >= from && j >= i-3; j-- {
		switch a.p.Toks[j].Lower {
		case "not", "n't", "no", "never", "nor", "without":
			return true
		}
	}
	return false
}

// saidAbout is whom the words in tokens [from, to) are about: the actors
// of the clauses there, their subject first, then objects and PPs; never
// the speakers themselves.
func (a *analysis) saidAbout(from, to, word int, negative bool, speakers []filler) []filler {
	p := a.p
	// the clause the evaluation word is in first ("Afghanistan, which has
	// been uncooperative"), then the other clauses of what was said
	var roles []int
	inClause := func(c *syntax.Clause) bool {
		v := &p.Verbs[c.Verb]
		end := v.To
		for _, pp := range c.PPs {
			end = max(end, p.Phrases[pp.Phrase].To)
		}
		if c.Obj >= 0 {
			end = max(end, p.Phrases[c.Obj].To)
		}
		start := v.From
		if c.Subj >= 0 {
			start = min(start, p.Phrases[c.Subj].From)
		}
		return word >= start && word < end
	}
	for pass := 0; pass < 2; pass++ {
		for k := range p.Clauses {
			c := &p.Clauses[k]
			v := &p.Verbs[c.Verb]
			if v.From < from || v.From >= to || inClause(c) != (pass == 0) {
				continue
			}
			roles = append(roles, c.Subj)
			// criticism is of whoever acts ("the measures unfairly
			// penalised Roma people" is not of the Roma): its objects count
			// only in praise
			if !negative {
				roles = append(roles, c.Obj)
				roles = append(roles, ppPhrases(c)...)
			}
		}
	}
	for ph := range p.Phrases {
		if p.Phrases[ph].From >= from && p.Phrases[ph].To <= to {
			roles = append(roles, ph)
		}
	}
	for _, ph := range roles {
		if ph < 0 || p.Phrases[ph].From < from || p.Phrases[ph].To > to {
			continue
		}
		var out []filler
		for _, f := range a.phraseActors(ph, true) {
			if !ownSide(speakers, f) {
				out = append(out, f)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}
