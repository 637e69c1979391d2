package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// What speakers say of other actors (frames_speech.yaml). evaluationEvents
// (frameevents.go) finds who speaks and the words they said; here:
//   - the evaluative lexicon: single words and phrases, by lemma or written
//     form, labels and neutral phrases;
//   - judgements: whom each evaluative word judges, and the criticism or
//     praise of each actor judged;
//   - accusations: what a verb of alleging says another actor did;
//   - saidByInfinitive: "went on to call Y a liar" was said.

// evalPhrase is an evaluative entry of several words ("wrong direction"),
// or a neutral one whose words judge no one ("to be honest").
type evalPhrase struct {
	words             []string // lower case
	negative, neutral bool
}

// evalLexicon splits the entries of one polarity into single words and
// phrases, adding the phrases to those of the other polarity.
func evalLexicon(entries []string, negative bool, phrases []evalPhrase) (map[string]bool, []evalPhrase) {
	words := map[string]bool{}
	for _, e := range entries {
		fs := strings.Fields(strings.ToLower(e))
		switch len(fs) {
		case 0:
		case 1:
			words[fs[0]] = true
		default:
			phrases = append(phrases, evalPhrase{words: fs, negative: negative})
		}
	}
	return words, phrases
}

// evaluativeWords are the entries of one polarity in frames_speech.yaml.
type evaluativeWords struct {
	Code   string   `yaml:"code"`
	Words  []string `yaml:"words"`
	Labels []string `yaml:"labels"`
}

// evaluationKeys are the keys of the evaluation rule and of its parts.
var evaluationKeys = map[string][]string{
	"":           {"speech", "judging", "towards", "directives", "accusation", "negative", "positive", "neutral"},
	"accusation": {"code", "verbs"},
	"negative":   {"code", "words", "labels"},
	"positive":   {"code", "words", "labels"},
}

// unknownEvaluationKeys lists the keys of an evaluation rule (and of its
// accusation, negative and positive parts) that it does not know, so that
// each is reported on its own line.
func unknownEvaluationKeys(n *yaml.Node) []*yaml.Node {
	var bad []*yaml.Node
	var walk func(n *yaml.Node, part string)
	walk = func(n *yaml.Node, part string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !hasString(evaluationKeys[part], k.Value) {
				bad = append(bad, k)
				continue
			}
			if part == "" && evaluationKeys[k.Value] != nil {
				walk(n.Content[i+1], k.Value)
			}
		}
	}
	walk(n, "")
	return bad
}

// tokenIs reports whether token i is the word w (lower case), by lemma or
// as written.
func (a *analysis) tokenIs(i int, w string) bool {
	t := &a.p.Toks[i]
	return strings.EqualFold(t.Lemma, w) || strings.EqualFold(t.Text, w)
}

// evalWord is the evaluative entry at token i of what was said (which
// ends at token to): how many tokens it covers (0 if none), whether it is
// negative, or neutral. The longest phrase wins over a single word.
func (a *analysis) evalWord(ev *Evaluation, i, to int) (n int, negative, neutral bool) {
	t := &a.p.Toks[i]
	phrases := ev.Phrases
	if !ev.mayStartPhrase(t) {
		phrases = nil
	}
	for _, ph := range phrases {
		if len(ph.words) <= n || i+len(ph.words) > to {
			continue
		}
		ok := true
		for j, w := range ph.words {
			if !a.tokenIs(i+j, w) {
				ok = false
				break
			}
		}
		if ok {
			n, negative, neutral = len(ph.words), ph.negative, ph.neutral
		}
	}
	if n > 0 {
		return n, negative, neutral
	}
	switch {
	case hasLower(ev.Negative, t.Lemma) || ev.Negative[t.Lower]:
		return 1, true, false
	case hasLower(ev.Positive, t.Lemma) || ev.Positive[t.Lower]:
		return 1, false, false
	}
	return 0, false, false
}

// evalStarts are the first words of an evaluation's phrases, so that
// evalWord reads the phrases (hundreds) only at a token that may start
// one: it is called for every token of what was said.
type evalStarts struct {
	once  sync.Once
	words map[string]bool // in lower case
	ascii bool            // all of them ASCII
}

// mayStartPhrase reports whether a phrase of ev may start at token t, as
// tokenIs tells: false only when neither its lemma nor its text is the
// first word of one, in any case.
func (ev *Evaluation) mayStartPhrase(t *nlp.Token) bool {
	s := &ev.starts
	s.once.Do(func() {
		s.words, s.ascii = map[string]bool{}, true
		for _, ph := range ev.Phrases {
			if len(ph.words) > 0 {
				s.words[ph.words[0]] = true
				s.ascii = s.ascii && isASCII(ph.words[0])
			}
		}
	})
	if !s.ascii || !isASCII(t.Lemma) || !isASCII(t.Text) {
		return true // EqualFold reaches beyond ASCII case
	}
	return hasLower(s.words, t.Lemma) || s.words[t.Lower]
}

// hasLower reports whether m has strings.ToLower(w), without making it
// for an ASCII word.
func hasLower(m map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) || !isASCII(w) {
		return m[strings.ToLower(w)]
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isLabel reports whether token i is a word naming a kind of person
// (evaluation labels), which judges only whom it is said of.
func (a *analysis) isLabel(i int) bool {
	t := &a.p.Toks[i]
	return a.frames.Evaluation.Labels[strings.ToLower(t.Lemma)] || a.frames.Evaluation.Labels[t.Lower]
}

// judgement is the balance of evaluative words a speaker said of one
// actor.
type judgement struct {
	target filler
	score  int // negative words count -1, positive +1
}

// judgements codes the criticism (negative code) and praise (positive
// code) in what speakers said in tokens [from, to): each evaluative word
// judges whom its own phrase or clause is about ("X said Y was wise but Z
// was reckless": praise of Y, criticism of Z), and each actor judged gets
// one event by the balance of the words about them. A positive word after
// a negation counts as negative ("not honest"); a negative one counts
// for nothing ("not a mistake" is no praise), and so does a word in a
// condition or a question.
func (a *analysis) judgements(ev *Evaluation, speakers []filler, from, to int, match Span) []Event {
	var tally []judgement
	for i := from; i < to; i++ {
		size, negative, neutral := a.evalWord(ev, i, to)
		if size == 0 {
			continue
		}
		word := i
		i += size - 1
		if neutral {
			continue // "to be honest"
		}
		if a.negatedWord(word, from) {
			if negative {
				continue
			}
			negative = true
		}
		if a.hypothetical(from, to, word) {
			continue // "if the government failed to act"
		}
		targets := a.judged(ev, from, to, word, negative, speakers)
		if len(targets) == 0 {
			continue
		}
		score := 1
		if negative {
			score = -1
		}
		// ("Bin Laden and Kopp wrongly believe": each of them)
		for _, t := range targets {
			k := 0
			for k < len(tally) && tally[k].target.ent != t.ent {
				k++
			}
			if k == len(tally) {
				tally = append(tally, judgement{target: t})
			}
			tally[k].score += score
		}
	}
	var out []Event
	for _, j := range tally {
		f := &Frame{ID: "speech.praise", Code: ev.PositiveCode, Confidence: 0.6}
		switch {
		case j.score < 0:
			f.ID, f.Code = "speech.criticism", ev.NegativeCode
		case j.score == 0:
			continue
		}
		out = append(out, a.emit(f, f.Code, speakers, []filler{j.target}, match)...)
	}
	return out
}

// judged is whom the evaluative word at token word, in what speakers said
// in tokens [from, to), judges:
//   - in a phrase saying what someone or something is, that one: the
//     subject ("Y was a prudent chancellor", "Y's plan is a step in the
//     wrong direction", "Y is the leader of a terrorist group") or the
//     first object of a verb of naming ("called Y a liar"); heading it, the
//     actor it names first ("the problem is US interference");
//   - a word naming a kind of person (labels) judges no one else ("the
//     shrine honours war criminals", "Y is a friend of terrorists");
//   - in another phrase, the actor it names or belongs to ("Japan's
//     aggressive war", "the corrupt regime"; praise not of a group named by
//     the words it qualifies: "a successful asylum seeker"); heading it, its possessor or
//     the actor named before it only ("Japan's aggression", not "a
//     violation of the treaty");
//   - a word qualifying a thing that is a subject or follows a preposition
//     ("the fight against corrupt officials") judges no one, a negative one
//     qualifying an object judges the clause's subject only ("Y proposed
//     a provocative measure"), a positive one no one ("Y conducted a
//     successful test");
//   - a verb of judging judges its object when its subject is the speaker
//     ("I applaud Y's efforts"), and no one when it is someone else (their
//     own judgement, which the frames code); another verb judges who does
//     it ("Y undermined the talks", "the talks were undermined by Y", "Y's
//     comments are biased"), never whom it is done to;
//   - a word of the speakers' gratitude judges whom it is directed at
//     ("we are indebted to Z"), and someone else's no one;
//   - otherwise whom its clause is about (saidAbout);
//
// and never the speakers' own side, nor anyone by the speakers' own
// virtues ("we shall be honest").
func (a *analysis) judged(ev *Evaluation, from, to, word int, negative bool, speakers []filler) []filler {
	p := a.p
	others := func(fs []filler) []filler {
		var out []filler
		for _, f := range fs {
			if !ownSide(speakers, f) {
				out = append(out, f)
			}
		}
		return out
	}
	k := a.wordClause(from, to, word)
	ownSubject := false
	// (a controller is a guess: "Israel's persistence in violating")
	if k >= 0 && p.Clauses[k].Subj >= 0 && p.Clauses[k].SubjHow != "control" {
		subj := a.phraseActors(p.Clauses[k].Subj, true)
		ownSubject = len(subj) > 0 && len(others(subj)) == 0
		// "I", "we" in what was said are its speakers, known or not
		switch strings.ToLower(p.Toks[p.Phrases[p.Clauses[k].Subj].Head].Text) {
		case "i", "we":
			ownSubject = true
		}
	}
	if t := &p.Toks[word]; ev.Towards[strings.ToLower(t.Lemma)] || ev.Towards[t.Lower] {
		if k >= 0 && p.Clauses[k].Subj >= 0 && !ownSubject {
			return nil // someone else's gratitude
		}
		return others(a.directedAt(word))
	}
	if ph := p.PhraseAt(word); ph >= 0 {
		role, j := a.roleOf(ph)
		head := word == p.Phrases[ph].Head
		switch {
		case role == "pred" || role == "predpp" && !(head && a.isLabel(word)):
			if ownSubject {
				return nil
			}
			if head {
				if out := others(a.namedBy(ph, true)); len(out) > 0 {
					return out // "the point is US interference"
				}
			}
			if j >= 0 {
				c := &p.Clauses[j]
				if c.IObj >= 0 && c.IObj != ph {
					return others(a.phraseActors(c.IObj, true)) // "called Y a liar"
				}
				return others(a.phraseActors(a.agentOf(j), true))
			}
			return a.saidAbout(from, to, word, negative, speakers)
		case a.isLabel(word):
			return nil
		}
		if out := others(a.namedBy(ph, head)); len(out) > 0 && (negative || head || !allGroups(out)) {
			return out
		}
		switch {
		case role == "subj" || role == "pp" || role == "predpp":
			return nil
		case role == "obj" && !negative:
			return nil // "conducted a successful test" praises no one
		case role == "obj" && !head:
			if k < 0 || ownSubject {
				return nil
			}
			return others(a.phraseActors(p.Agent(&p.Clauses[k]), true))
		}
	}
	if v := p.VerbAt(word); v >= 0 && ev.Judging[strings.ToLower(p.Toks[word].Lemma)] {
		c := &p.Clauses[v]
		if !ownSubject {
			return nil
		}
		if out := others(a.phraseActors(p.Patient(c), true)); len(out) > 0 {
			return out
		}
		for _, pp := range c.PPs {
			if out := others(a.phraseActors(pp.Phrase, true)); len(out) > 0 {
				return out
			}
		}
		return a.saidAbout(from, to, word, negative, speakers)
	}
	if ownSubject {
		return nil
	}
	if v := p.VerbAt(word); v >= 0 {
		ag := a.agentOf(v)
		if ag < 0 && p.Verbs[v].Passive && p.Clauses[v].Subj >= 0 {
			// "Y's comments are biased": Y; "the detainee was abused":
			// not the detainee
			return others(a.ownersOf(p.Clauses[v].Subj))
		}
		return others(a.phraseActors(ag, true))
	}
	return a.saidAbout(from, to, word, negative, speakers)
}

// hypothetical reports whether the clause the word at token word is in is
// a condition or a question ("if the government failed to solve it").
func (a *analysis) hypothetical(from, to, word int) bool {
	k := a.wordClause(from, to, word)
	if k < 0 {
		return false
	}
	switch c := &a.p.Clauses[k]; c.Sub {
	case "if", "unless", "whether", "lest":
		return true
	default:
		return c.Question
	}
}

// directedAt is the actor of the "to" or "for" phrase right after the
// word at token word or its phrase ("indebted to Z", "gratitude for Z's
// help").
func (a *analysis) directedAt(word int) []filler {
	p := a.p
	next := word + 1
	if ph := p.PhraseAt(word); ph >= 0 {
		next = p.Phrases[ph].To
	}
	for next < len(p.Toks) && p.Toks[next].Tag.IsAdv() {
		next++
	}
	if next+1 >= len(p.Toks) {
		return nil
	}
	if w := p.Lower(next); w != "to" && w != "for" {
		return nil
	}
	if ph := p.PhraseAt(next + 1); ph >= 0 {
		return a.namedBy(ph, false)
	}
	return nil
}

// wordClause is the innermost clause of what was said in tokens [from,
// to) whose words (subject to last object or prepositional phrase) take
// in token word; -1 if none.
func (a *analysis) wordClause(from, to, word int) int {
	p := a.p
	best, size := -1, 0
	for k := range p.Clauses {
		c := &p.Clauses[k]
		v := &p.Verbs[c.Verb]
		if v.From < from || v.From >= to {
			continue
		}
		start, end := v.From, v.To
		if c.Subj >= 0 && c.SubjHow == "explicit" {
			start = min(start, p.Phrases[c.Subj].From)
		}
		if c.Obj >= 0 {
			end = max(end, p.Phrases[c.Obj].To)
		}
		for _, pp := range c.PPs {
			end = max(end, p.Phrases[pp.Phrase].To)
		}
		if word >= start && word < end && (best < 0 || end-start < size) {
			best, size = k, end-start
		}
	}
	return best
}

// roleOf is the role phrase ph plays in the clauses of the sentence, and
// the clause it plays it in: "pred" when it says what someone or
// something is (the object of a verb of being or naming), "predpp" a
// phrase after such a verb's preposition ("a step in the wrong
// direction"), "obj" the object of another verb ("proposed such a
// provocative measure": what its subject did), "pp" a phrase after another
// verb's preposition, "subj" an explicit subject; "" and -1 if none.
func (a *analysis) roleOf(ph int) (string, int) {
	if c := a.p.Phrases[ph].ConjOf; c >= 0 {
		ph = c
	}
	role, in := "", -1
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		copula := copulas[a.p.Verbs[c.Verb].Lemma]
		if c.Obj == ph || c.IObj == ph {
			if copula {
				return "pred", k
			}
			role, in = "obj", k
		}
		for _, pp := range c.PPs {
			if pp.Phrase == ph {
				switch {
				case copula:
					role, in = "predpp", k
				case role == "":
					role, in = "pp", k
				}
			}
		}
		if c.Subj == ph && c.SubjHow == "explicit" && role == "" {
			role, in = "subj", k
		}
	}
	return role, in
}

// copulas are the verbs whose object says what their subject is, or (the
// verbs of naming) what their first object is.
var copulas = map[string]bool{"be": true, "become": true, "remain": true, "seem": true, "appear": true, "look": true,
	"sound": true, "prove": true, "call": true, "brand": true, "label": true, "term": true, "describe": true, "dub": true}

// namesWhatSomeoneIs reports whether clause c, of verb lemma, names what
// its first object is ("called Colombia a criminal state", "branded the
// opposition traitors"): words said of someone, which no frame codes as
// the verb's other senses (a call is no telephone call here).
func namesWhatSomeoneIs(c *syntax.Clause, lemma string) bool {
	switch lemma {
	case "call", "brand", "label", "term", "dub":
		return c.IObj >= 0 && c.Obj >= 0
	}
	return false
}

// agentOf is who does what clause k says: its agent, or for an "it" that
// only announces a that-clause ("it is troubling that the government
// sought ..."), that clause's.
func (a *analysis) agentOf(k int) int {
	p := a.p
	ag := p.Agent(&p.Clauses[k])
	if ag < 0 || !strings.EqualFold(p.Toks[p.Phrases[ag].Head].Text, "it") {
		return ag
	}
	for j := range p.Clauses {
		if c := &p.Clauses[j]; c.Parent == k && c.Sub == "that" {
			return p.Agent(c)
		}
	}
	return ag
}

// namedBy is the actor phrase ph names or belongs to; for a judging word
// heading it, only its possessor or the actor named before it ("Japan's
// aggression", "US interference"), not what it is of ("a violation of the
// treaty").
func (a *analysis) namedBy(ph int, head bool) []filler {
	if !head {
		return a.phraseActors(ph, true)
	}
	if fs := a.phraseActors(a.p.Phrases[ph].Poss, true); len(fs) > 0 {
		return fs
	}
	if fs := a.modifierActors(ph, false); len(fs) > 0 {
		return fs
	}
	return a.modifierActors(ph, true)
}

// ownersOf is the actors phrase ph belongs to ("Y's comments", "the
// comments of Y"), not the phrase itself when it names one.
func (a *analysis) ownersOf(ph int) []filler {
	P := &a.p.Phrases[ph]
	head := a.s.Start + a.p.Toks[P.Head].Start
	var out []filler
	for _, f := range a.phraseActors(ph, true) {
		if f.span.Start > head || f.span.End <= head {
			out = append(out, f)
		}
	}
	return out
}

// accusations codes what speech clause k alleges of another actor: under a
// verb of alleging (accusation.verbs: "X claimed that Y rigged the vote",
// "X alleged Y had attacked"), the actor who does what the reported clause
// says is accused, whatever its words. Not when the reported clause is
// negated or a question, and not of the speakers' own side ("claimed that
// they had won"). judged are the events already coded from the same words:
// a target criticized there is not accused twice.
func (a *analysis) accusations(ev *Evaluation, k int, speakers []filler, judged []Event) []Event {
	p := a.p
	c := &p.Clauses[k]
	if v := &p.Verbs[c.Verb]; !ev.Accusation[v.Lemma] || !v.Finite && !a.saidByInfinitive(k) {
		return nil // not "a man claiming he wanted to ..."
	}
	for j := range p.Clauses {
		r := &p.Clauses[j]
		if r.Parent != k || r.Rel != "ccomp" {
			continue
		}
		// what Y is ("claimed Labour is united") is no accusation but by
		// its words, which judgements weighed
		if rv := &p.Verbs[r.Verb]; rv.Negated || r.Question || copulas[rv.Lemma] {
			return nil
		}
		// ("claimed a Morales presidency would scare off investors": the
		// person it would be)
		ag := p.Agent(r)
		fs := a.phraseActors(ag, true)
		if len(fs) == 0 && ag >= 0 {
			fs = a.modifierActors(ag, false)
		}
		var targets []filler
		for _, f := range fs {
			if !ownSide(speakers, f) && !judgedTarget(judged, f.ent) {
				targets = append(targets, f)
			}
		}
		if len(targets) == 0 {
			return nil
		}
		f := &Frame{ID: "speech.accusation", Code: ev.AccusationCode, Confidence: 0.6}
		v := &p.Verbs[c.Verb]
		return a.emit(f, f.Code, speakers, targets, a.tokSpan(v.From, v.To))
	}
	return nil
}

// judgedTarget reports whether one of the events has e as its target.
func judgedTarget(evs []Event, e *Entity) bool {
	for _, x := range evs {
		if x.Target == e {
			return true
		}
	}
	return false
}

// saidByInfinitive reports whether the to-infinitive of saying in clause k
// was said: "I have to say he has been prudent", "went so far as to call Y
// a liar". Not one only wanted, refused, alleged or asked for ("wants to
// say", "declined to comment", "was asked to describe"), nor one under a
// negated, conditional or future verb; one under a word of plans only in
// a past or perfect ("went on to call", "has gone so far as to call", not
// "is going to call").
func (a *analysis) saidByInfinitive(k int) bool {
	p := a.p
	c := &p.Clauses[k]
	if !p.Verbs[c.Verb].Infinitive || c.Rel != "xcomp" || c.Parent < 0 || c.Sub != "" {
		return false
	}
	par := &p.Clauses[c.Parent]
	pv := &p.Verbs[par.Verb]
	if !pv.Finite || pv.Negated || pv.Modal != "" || par.Question || pv.Passive || par.Rel == "advcl" {
		return false
	}
	g := a.frames.governsMap[pv.Lemma]
	if pv.Particle >= 0 {
		g |= a.frames.governsMap[pv.Lemma+" "+p.Lower(pv.Particle)]
	}
	return g == 0 || g == govPlanned && (pv.Past || pv.Perfect) && !pv.Progressive
}

// allGroups reports whether every actor is a group ("successful asylum
// seekers", and also an armed group the dictionary knows), not a state, an
// organization or a person. (Dictionary.madeGroup tells a group the text
// named by a noun from one the dictionary knows.)
func allGroups(fs []filler) bool {
	for _, f := range fs {
		if f.ent.Type != Group {
			return false
		}
	}
	return true
}
