package extract

import (
	"embed"
	"fmt"
	"os"

	"io/fs"
	"kg/internal/nlp"
	"kg/internal/syntax"
	"regexp"
	"strconv"
	"strings"
)

//go:embed rules/*.yaml
var builtinRules embed.FS

// BuiltinRules are the rule files compiled into kg (internal/extract/rules).
func BuiltinRules() fs.FS {
	sub, err := fs.Sub(builtinRules, "rules")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}

// Event is one event found in one sentence: one article's report of it.
type Event struct {
	Actor      *Entity
	Target     *Entity // nil when the action has no target
	Code       string  // CAMEO code
	Symmetric  bool    // direction does not matter (A met B)
	Date       string  // YYYY-MM-DD, "" when the text does not say
	Sentence   Sentence
	Match      Span // the words the rule matched
	ActorSpan  Span
	TargetSpan Span
	DateSpan   Span
	Rule       string
	Pattern    int // 1-based index of the rule's pattern
	Confidence float64
	ReportedBy *Entity // "the Kremlin said": who the article attributes the event to
	// ActorRole and TargetRole say where a frame found its parties: a role
	// source of frames.yaml ("subject", "object", "with", "poss", ...),
	// "" for surface patterns.
	ActorRole, TargetRole string
}

// Extractor applies a dictionary and rules to articles. It is safe for
// concurrent use: all per-article state lives in Extract.
type Extractor struct {
	Dict   *Dictionary
	Rules  []*Rule // surface patterns (actions.yaml), for idioms
	Frames *Frames // frames over sentence structure (frames*.yaml)

	triggers triggers // Rules by their verbs
}

// NewExtractor loads the dictionary and rules from fsys (BuiltinRules() or a
// user's --rules directory).
//
// The dictionary, the frames and the tagger's model do not depend on each
// other, and each takes a tenth to a quarter of a second to load: they are
// loaded side by side, since every command that extracts waits for them
// before it starts (on two cores, a quarter of a second sooner).
func NewExtractor(fsys fs.FS) (*Extractor, error) {
	go nlp.Default() // loaded once, for the first sentence to tag
	var d *Dictionary
	var dictErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		d, dictErr = LoadDictionary(fsys)
	}()
	r, err := LoadRules(fsys)
	var fr *Frames
	if err == nil {
		fr, err = LoadFrames(fsys)
	}
	<-loaded
	if dictErr != nil {
		return nil, dictErr
	}
	if err != nil {
		return nil, err
	}
	return &Extractor{Dict: d, Rules: r, Frames: fr}, nil
}

// maxSentence is the longest sentence (bytes) events are looked for in.
const maxSentence = 4000

// SentenceResult is what Explain shows for one sentence.
type SentenceResult struct {
	Sentence Sentence
	Mentions []Mention
	Events   []Event
	Parse    *syntax.Parse // nil when the sentence names no actor
}

// Structure describes the sentence's structure for `kg explain`: the
// phrases in [ ] and verb groups in < >, then one line per clause.
func (r *SentenceResult) Structure() []string {
	if r.Parse == nil {
		return nil
	}
	out := []string{"structure " + r.Parse.Bracketed()}
	for k := range r.Parse.Clauses {
		out = append(out, "  clause  "+r.Parse.ClauseString(k))
	}
	return out
}

// Extract returns the events of an article in text order.
func (x *Extractor) Extract(a *Article) []Event {
	var out []Event
	x.walk(a, func(r SentenceResult) { out = append(out, r.Events...) }, false)
	return out
}

// ExtractCounting is Extract that also returns the number of sentences read,
// for throughput figures.
func (x *Extractor) ExtractCounting(a *Article) ([]Event, int) {
	var out []Event
	n := 0
	x.walk(a, func(r SentenceResult) { out = append(out, r.Events...); n++ }, false)
	return out, n
}

// Explain returns, sentence by sentence, the mentions found and the events
// made, for `kg explain`.
func (x *Extractor) Explain(a *Article) []SentenceResult {
	var out []SentenceResult
	x.walk(a, func(r SentenceResult) { out = append(out, r) }, true)
	return out
}

// offTopicSections are feed sections whose stories report no political
// events: a match "hosted" or "beat" by a team is no visit or attack
// (ANNOTATION.md: sports are not coded). In the news corpus their 2,797
// stories gave 701 events; none of 25 read by hand was political.
var offTopicSections = map[string]bool{"sports": true, "sport": true, "entertainment": true}

// OffTopic reports whether the article's feed files it under a section
// that reports no political events.
func OffTopic(a *Article) bool { return offTopicSections[strings.ToLower(a.Category)] }

// lexicon is what the frames tell the parser of words (nil without frames).
func (x *Extractor) lexicon() syntax.Lexicon {
	if x.Frames == nil {
		return nil
	}
	return x.Frames
}

// walk reads the article sentence by sentence. Unless keep is set, the
// token buffer is reused from one sentence to the next, and a result's
// Parse is only valid during fn.
func (x *Extractor) walk(a *Article, fn func(SentenceResult), keep bool) {
	if OffTopic(a) {
		return
	}
	c := newDiscourse(x.Dict, a.Issued)
	c.country = articleCountry(x.Dict, a)
	c.text = a.Text
	var last *Event
	var buf []nlp.Token
	sents := Sentences(a)
	c.lead = leadName(x.Dict, sents)
	c.quotes = mapQuotes(a.Text, sents)
	c.speakers = map[int]*Entity{}
	for i, s := range sents {
		c.readQuotes(i)
		if len(s.Text) > maxSentence {
			// No real sentence is this long: it is a table, a list or text
			// without punctuation, and matching every rule over it would cost
			// far more than it could give.
			fn(SentenceResult{Sentence: s})
			continue
		}
		ms := c.mentions(s)
		res := SentenceResult{Sentence: s, Mentions: ms}
		// Every sentence gets its structure: an actor may be named by a
		// noun alone ("Police broke up the march", "the court ruled").
		an := analyzeSentence(s, ms, c, x.Dict, x.lexicon(), buf)
		if !keep {
			buf = an.p.Toks
		}
		res.Parse = an.p
		res.Events = x.sentenceEvents(a, s, an.ms, last, an)
		res.Mentions = an.ms
		an.rememberSubjects()
		an.rememberRuler()
		an.rememberPair(res.Events)
		an.rememberSubjectPerson()
		if n := len(res.Events); n > 0 {
			last = &res.Events[n-1]
		}
		fn(res)
	}
}

var (
	// sportsScoreRE finds a score ("6-4", "2–1"): sport is not coded, and
	// its beating, attacking and defeating are no violence
	sportsScoreRE = regexp.MustCompile(`\b\d{1,2}[-–]\d{1,2}\b`)
	slotRE        = regexp.MustCompile(`<e(\d+)>`)
	reportRE      = regexp.MustCompile(`<e(\d+)>(?:'s)? (?:said|says|told|stated|announced|reported|added)\b|\b(?:said|according to) <e(\d+)>`)
	negationRE    = regexp.MustCompile(`\b(?:not|never|no longer|neither|nor|refused to|refuses to|declined to|declines to|failed to|fails to)\b|n't\b`)
	// Words that make what follows conditional or speculative: no event is
	// coded from such clauses.
	hedgeRE = regexp.MustCompile(`\b(?:if|whether|unless|could|might|may not|alleged|allegedly|allegation|allegations|suspected|possible|possibly|perhaps|unlikely|doubtful|rumou?red|speculation)\b`)
	// Words that make what follows merely intended or expected. They block
	// ordinary rules ("wants to attack" is no attack) but are what intent
	// rules (CAMEO 03, 13) look for.
	intentRE = regexp.MustCompile(`\b(?:would like|seems?|seemed|(?:willing|ready|prepared|hopes?|hoped|wants?|wanted|plans?|planned|planning|intends?|intended|expected|likely|offered|offers|promised|pledged|vowed|threatened|threatens) to)\b`)
)

func (x *Extractor) sentenceEvents(a *Article, s Sentence, ms []Mention, prev *Event, an *analysis) []Event {
	if strings.HasSuffix(strings.TrimRight(s.Text, `"'”’) `), "?") {
		return nil // questions report no event
	}
	var dates []DateMention
	datesFound := false // dates are looked for once, and only when an event needs one
	type key struct{ a, t, root string }
	seen := map[key]bool{}
	var out []Event
	var reporter *Entity
	var findReporter func()
	fromPattern := false // the frames' events are in; now the surface patterns'
	nFrame := 0          // how many of out are the frames'
	add := func(e Event) {
		// an article about sport codes nothing: its hosts, helps and
		// welcomes are games; one that mentions sport, as a footballer's
		// turn to politics does, codes no violence of it (and a team that
		// "rallied" from two sets down protests nothing)
		if an.c.sport(x.Frames) >= 3 {
			return
		}
		if violent := e.Code[:2] >= "17" && e.Code[:2] <= "20" || e.Code[:2] == "14"; violent && (sportsScoreRE.MatchString(s.Text) || an.c.sport(x.Frames) >= 2 || x.Frames.sportsWords(s.Text) >= 1) {
			return // "Ljubicic beat Henman 6-4, 6-3", "removed McGlashan for five": play, not force
		}
		if e.Actor.Business {
			return // a company acting: commerce, not coded
		}
		k := key{e.Actor.ID, "", e.Code[:2]}
		if e.Target != nil {
			k.t = e.Target.ID
		}
		// the same words as target, named otherwise by a surface pattern
		// ("rebels" where a frame read "rebels in Yemen"); a pattern's
		// match on words a frame already coded for the actor, with
		// another target ("will allow refugees who lived in Iraq to
		// return": the frame's refugees, the idiom's next name Iraq)
		spanKey := key{e.Actor.ID, fmt.Sprint(e.TargetSpan), e.Code[:2]}
		if seen[k] || e.Symmetric && seen[key{k.t, k.a, k.root}] || fromPattern && e.Target != nil && !e.TargetSpan.Empty() && seen[spanKey] ||
			fromPattern && sameWords(out[:nFrame], e) {
			return
		}
		seen[k] = true
		if e.Target != nil && !e.TargetSpan.Empty() {
			seen[spanKey] = true
		}
		e.Sentence = s
		if findReporter != nil {
			findReporter()
			findReporter = nil
		}
		e.ReportedBy = reporter
		if e.ReportedBy == e.Actor {
			e.ReportedBy = nil
		}
		if !datesFound {
			dates, datesFound = FindDates(s, a.Issued), true
		}
		e.Date, e.DateSpan = nearestDate(dates, e.Match)
		if e.Date == "" && !otherTime(s.Text, a.Issued) {
			// a day the text does not give is the story's own, as event
			// datasets date their events (and as ANNOTATION.md's gold
			// does): news reports what happened that day
			e.Date = a.Issued
		}
		out = append(out, e)
	}
	// One event per actor, target and CAMEO root in a sentence: frames
	// first, then the surface patterns (in file order: the more specific
	// ones); "spoke by phone" matches both telephone (041) and talks (040).
	// the skeleton, made once an event or a pattern needs it: a sentence
	// naming no actor, and with no event, needs none
	var sk *skeleton
	skeletonOf := func() *skeleton {
		if sk == nil {
			sk = newSkeleton(s, ms)
		}
		return sk
	}
	// who reports the sentence ("..., police said"), looked for once an
	// event needs it: most sentences have none
	findReporter = func() {
		if m := reportRE.FindAllStringSubmatch(skeletonOf().text, -1); len(m) > 0 {
			last := m[len(m)-1]
			idx := last[1] + last[2]
			if i, err := strconv.Atoi(idx); err == nil && len(ms[i].Entities) == 1 {
				reporter = ms[i].Entities[0]
			}
		}
	}
	for _, e := range x.frameEvents(an) {
		add(e)
	}
	if len(ms) == 0 || os.Getenv("KG_NO_PATTERNS") != "" {
		return dropSubsumed(out)
	}
	fromPattern = true
	nFrame = len(out)
	sk = skeletonOf()
	fired := x.triggers.fired(x.Rules, sk)
	for ri, r := range x.Rules {
		if !fired[ri] {
			continue
		}
		for pi, re := range r.compiled {
			// most sentences that pass the prefilter still do not match,
			// and matching alone is far cheaper than finding submatches
			if !r.need[pi].mayMatch(sk.text) || !re.MatchString(sk.text) {
				continue
			}
			for _, loc := range re.FindAllStringSubmatchIndex(sk.text, -1) {
				end := loc[1]
				if v := re.SubexpIndex("verb"); v >= 0 && loc[2*v+1] >= 0 {
					end = loc[2*v+1] // what follows the verb is its object, not a hedge on it
				}
				if sk.hedged(loc[0], end, r.Intent) {
					continue
				}
				for _, e := range x.events(r, pi, re, loc, sk, ms, prev) {
					add(e)
				}
			}
		}
	}
	return dropSubsumed(out)
}

// sameWords reports whether a frame event already coded e's actor and
// CAMEO root from words e's surface pattern also matched.
func sameWords(frameEvents []Event, e Event) bool {
	for _, f := range frameEvents {
		if f.Actor == e.Actor && f.Code[:2] == e.Code[:2] && (f.Target != nil || e.Target == nil) && f.Match.Start < e.Match.End && e.Match.Start < f.Match.End {
			return true
		}
	}
	return false
}

// dropSubsumed removes an event without a target when the same sentence has
// one with the same actor and CAMEO root and a target ("Abe and Modi agreed
// to ..." is Abe-Modi, not also Abe agreeing with no one).
func dropSubsumed(evs []Event) []Event {
	type key struct{ a, root string }
	targeted := map[key]bool{}
	for _, e := range evs {
		if e.Target != nil {
			targeted[key{e.Actor.ID, e.Code[:2]}] = true
			if e.Symmetric {
				targeted[key{e.Target.ID, e.Code[:2]}] = true
			}
		}
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Target == nil && targeted[key{e.Actor.ID, e.Code[:2]}] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// events turns one pattern match into events: one per actor and target, or
// one per pair for reciprocal patterns ("the two leaders met").
func (x *Extractor) events(r *Rule, pi int, re *regexp.Regexp, loc []int, sk *skeleton, ms []Mention, prev *Event) []Event {
	group := func(name string) (Span, []int) {
		i := re.SubexpIndex(name)
		if i < 0 || loc[2*i] < 0 {
			return Span{}, nil
		}
		var idx []int
		for _, m := range slotRE.FindAllStringSubmatch(sk.text[loc[2*i]:loc[2*i+1]], -1) {
			n, _ := strconv.Atoi(m[1])
			idx = append(idx, n)
		}
		return sk.span(loc[2*i], loc[2*i+1]), idx
	}
	// Is the {actor}/{actors} group really who acts? Not when it is:
	//  - inside a hyphenated compound, a modifier ("the US-Russia brokered
	//    ceasefire"); and, as the clause's subject (the group opens the match):
	//  - in a prepositional phrase ("representatives from the EU arrived") or
	//    after "there were", unless possessive ("in her meeting with");
	//  - before a passive verb ("Two Palestinians were killed": done to them;
	//    explicit passive patterns, "{target} was blamed by {actor}", do not
	//    start with the actor);
	//  - a bare demonym ("Syrian"), an adjective, unless it shares a head noun
	//    with an agent ("Hungarian and Romanian officials agreed").
	for _, name := range []string{"actor", "actors"} {
		i := re.SubexpIndex(name)
		if i < 0 || loc[2*i] < 0 {
			continue
		}
		start, end := loc[2*i], loc[2*i+1]
		if start > 0 && sk.text[start-1] == '-' {
			return nil
		}
		if start != loc[0] {
			continue
		}
		before := sk.text[:start]
		possessive := strings.HasPrefix(sk.text[end:], "'")
		if !possessive && (prepositionBefore(before) || existentialRE.MatchString(before)) {
			return nil
		}
		if m := passiveRE.FindStringSubmatch(sk.text[end:loc[1]]); m != nil && !activeAfterBe[m[1]] && !strings.HasSuffix(m[1], "ing") {
			return nil
		}
		if _, idx := group(name); len(idx) > 0 && ms[idx[len(idx)-1]].How == "demonym" {
			return nil
		}
	}
	match := sk.span(loc[0], loc[1])
	base := Event{Code: r.Code, Symmetric: r.Symmetric, Match: match, Rule: r.ID, Pattern: pi + 1, Confidence: r.Confidence}
	resolved := func(idx []int) bool {
		for _, i := range idx {
			if ms[i].Resolved() {
				return true
			}
		}
		return false
	}
	entities := func(idx []int) []*Entity {
		var es []*Entity
		for _, i := range idx {
			for _, e := range ms[i].Entities {
				if !containsEntity(es, e) {
					es = append(es, e)
				}
			}
		}
		return es
	}
	var out []Event
	emit := func(a, t *Entity, as, ts Span, lower bool) {
		if t != nil && (a == t) {
			return
		}
		e := base
		e.Actor, e.Target, e.ActorSpan, e.TargetSpan = a, t, as, ts
		if r.PersonCode != "" && a.Type == Person {
			e.Code = r.PersonCode
		}
		if lower {
			e.Confidence *= 0.8
		}
		e.Confidence = float64(int(e.Confidence*100+0.5)) / 100
		out = append(out, e)
	}
	if span, idx := group("actors"); idx != nil {
		es := entities(idx)
		for i := 0; i < len(es); i++ {
			for j := i + 1; j < len(es); j++ {
				emit(es[i], es[j], span, span, resolved(idx))
			}
		}
		return out
	}
	aSpan, aIdx := group("actor")
	actors := entities(aIdx)
	tSpan, tIdx := group("target")
	targets := entities(tIdx)
	lower := resolved(aIdx) || resolved(tIdx)
	if tIdx == nil {
		switch r.Target {
		case "next":
			if m, ok := nextTarget(ms, match.End, actors); ok && m.Start-match.End <= maxTargetGap {
				targets, tSpan = []*Entity{m.Entities[0]}, m.Span
				lower = lower || m.Resolved()
			}
		case "previous":
			if prev != nil {
				targets, tSpan = []*Entity{prev.Actor}, prev.ActorSpan
				lower = true
			}
		}
	}
	for _, a := range actors {
		if len(targets) == 0 {
			emit(a, nil, aSpan, Span{}, lower)
		}
		for _, t := range targets {
			emit(a, t, aSpan, tSpan, lower)
		}
	}
	return out
}

var passiveRE = regexp.MustCompile(`^(?:,[^,;]{0,150},|, (?:which|who))?(?: (?:also|then|reportedly|already|now|later|earlier|first|finally|just|repeatedly|previously|recently|[a-z]+ly))*(?: (?:has|have|had))?(?: (?:also|reportedly))? (?:was|were|been|being|is|are|be) ([a-z-]+)`)

// activeAfterBe are words after a form of "be" that do not make a passive:
// "is to visit", "are ready to", "was due to", "were working" (-ing).
var activeAfterBe = map[string]bool{"to": true, "ready": true, "willing": true, "prepared": true, "set": true, "due": true,
	"expected": true, "able": true, "likely": true, "going": true, "about": true, "also": true, "not": true, "committed": true}

// maxTargetGap bounds how far after a match "target: next" looks (bytes):
// further away, the actor named is rarely the action's target.
const maxTargetGap = 120

var prepositionRE = regexp.MustCompile(`\b(?:of|from|by|with|in|for|to|at|on|among|between|against|about|than|like)(?: the)? $`)

// existentialRE: "there were 10 Russian soldiers killed": what follows is
// what happened to someone, not what they did.
var existentialRE = regexp.MustCompile(`\bthere (?:was|were|are|is|have been|has been) (?:[a-z0-9,]+ ){0,3}$`)

// prepositionBefore reports whether text ends with a preposition (and maybe
// "the"): what follows is then not the subject of a clause.
func prepositionBefore(text string) bool { return prepositionRE.MatchString(text) }

// nextTarget is the first mention after end that names someone other than
// the actors or their own countries.
func nextTarget(ms []Mention, end int, actors []*Entity) (Mention, bool) {
	for _, m := range ms {
		if m.Start < end || len(m.Entities) != 1 {
			continue
		}
		e := m.Entities[0]
		own := false
		for _, a := range actors {
			if a == e || e.Type == Country && a.Country == e.Country {
				own = true
			}
		}
		if !own {
			return m, true
		}
	}
	return Mention{}, false
}

func containsEntity(es []*Entity, e *Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// otherTime reports whether a sentence places what it tells at a time
// other than its story's, without naming a day: another year ("joined NATO
// in 1999"), or a time long past ("last year", "years ago"). Its events
// are then left undated rather than given the story's day.
func otherTime(text, issued string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if m := text[i : i+4]; isYear(text, i) && (len(issued) < 4 || m != issued[:4]) {
			return true
		}
	}
	return pastTimeRE.MatchString(text)
}

// isYear reports whether a year from 1800 to 2099 stands at text[i:] as a
// word of its own, as the regexp \b(?:1[89]|20)\d\d\b finds it (scanned by
// hand: the regexp was a third of otherTime's cost, for every event).
func isYear(text string, i int) bool {
	y := text[i : i+4]
	if !(y[0] == '1' && (y[1] == '8' || y[1] == '9') || y[0] == '2' && y[1] == '0') || !isDigit(y[2]) || !isDigit(y[3]) {
		return false
	}
	return (i == 0 || !isREWordByte(text[i-1])) && (i+4 == len(text) || !isREWordByte(text[i+4]))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isREWordByte is the regexp package's \w: an ASCII letter, digit or underscore.
func isREWordByte(c byte) bool { return isDigit(c) || isASCIILetter(c) || c == '_' }

var pastTimeRE = regexp.MustCompile(`(?i)\b(?:last (?:year|month|decade|century)|years ago|decades ago|months ago|in the past|since the)\b`)

// nearestDate picks the date mention closest to the match, preferring one
// inside or after it ("spoke on Tuesday"), since dates before the verb often
// belong to another clause.
func nearestDate(dates []DateMention, m Span) (string, Span) {
	best, bestDist := -1, 0
	for i, d := range dates {
		var dist int
		switch {
		case d.Start >= m.Start && d.End <= m.End:
			dist = 0
		case d.Start >= m.End:
			dist = d.Start - m.End
		default:
			dist = 2 * (m.Start - d.End) // before the match: penalised
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 || bestDist > 200 {
		return "", Span{}
	}
	return dates[best].Date, dates[best].Span
}
