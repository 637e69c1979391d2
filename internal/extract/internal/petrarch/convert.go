package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"kg/ontology"
)

// frame is one generated frame, in the terms of frames.yaml.
type frame struct {
	id        string
	lemmas    []string
	code      string
	symmetric bool
	intent    bool
	subject   []string // entries: "police", "arm shipment", "$petrarch_military"
	object    []string
	pp        []string // "to", "to border", "in $petrarch_detention"
	actor     []string // nil: the loader's default (subject)
	target    []string
	line      int
	block     string        // the block's name as written
	pattern   *patternLine  // nil for a bare-verb frame
	verb      *verbOverride // a bare-verb frame's verb, when overrides.yaml decides it
	decision  *decision     // the override applied, if any
}

// particles are the words that make a verb + particle lemma ("call off")
// when they follow a multi-word verb's verb or open a pattern's words
// after the verb ("- * OFF &WEAPON" under SET). Other words after a verb
// are prepositions (a required prepositional phrase) or nouns (an object).
var particles = map[string]bool{"UP": true, "DOWN": true, "OUT": true, "OFF": true, "AWAY": true, "BACK": true,
	"FORTH": true, "FORWARD": true, "TOGETHER": true, "ASIDE": true, "APART": true, "OVER": true, "IN": true,
	"BEHIND": true, "AHEAD": true}

// determiners are dropped from patterns: "(TO A VOTE)" is read as
// "(TO VOTE)" (PETRARCH-2 would look for a noun phrase headed "A").
var determiners = map[string]bool{"A": true, "AN": true, "THE": true}

// defaultTargets are where a pattern's target comes from when it names
// none with "+": PETRARCH-2 takes the actors of the verb's noun phrases,
// else those of any prepositional phrase of the verb. kg lists the
// prepositions that introduce an affected party; "in", "for", "over",
// "from", "of" mostly introduce places, purposes, topics and sources.
var defaultTargets = []string{"object", "iobj", "with", "against", "to", "on", "at", "into", "toward", "towards", "upon"}

// passiveActors are where the actor of a [:CODE] pattern comes from:
// PETRARCH-2 codes such a verb as if it were passive, its subject being
// the target and its source taken from by-, from- and in-phrases ("in"
// left out here: it names places far more often than agents).
var passiveActors = []string{"from", "by"}

// stats counts what the conversion read, wrote and skipped.
type stats struct {
	blocks, verbs, patterns, synsets, transforms int
	verbSkips                                    map[string]int
	patternSkips                                 map[string]int
	notes                                        map[string]int // patterns converted with a caveat
	shadowed                                     int            // patterns whose words a later pattern states again
	handWritten                                  int            // frames (or lemmas of frames) left to frames.yaml
	overridden                                   map[string]int // frames by decision kind
	unknownCodes                                 map[string]int // frames whose code is read as its root
	frames                                       int
	lemmas                                       int
}

type converter struct {
	file   string // "CAMEO.2.0.txt", for sources
	d      *dictionary
	ov     *overrides
	st     stats
	sets   map[string]*kgSet // "&WEAPON" → its set
	prepOK func(string) bool // whether kg's frames accept a preposition
	frames []*frame
	log    []string          // what was skipped, with its line (-v)
	verbs  map[string]string // lemma + compound constraint → block that claimed it
}

// kgSet is a synonym set as written into frames_petrarch.yaml.
type kgSet struct {
	name  string   // "petrarch_weapon"
	words []string // lemmas, "cruise missile"
	used  bool
}

func newConverter(file string, d *dictionary, ov *overrides, prepOK func(string) bool) *converter {
	c := &converter{file: file, d: d, ov: ov, prepOK: prepOK, sets: map[string]*kgSet{}, verbs: map[string]string{},
		st: stats{verbSkips: map[string]int{}, patternSkips: map[string]int{}, notes: map[string]int{}, overridden: map[string]int{}, unknownCodes: map[string]int{}}}
	for _, name := range d.setOrder {
		s := d.sets[name]
		ks := &kgSet{name: "petrarch_" + strings.ToLower(strings.Trim(name[1:], "_"))}
		seen := map[string]bool{}
		for _, e := range s.entries {
			w := c.phrase(strings.Fields(strings.ReplaceAll(strings.Trim(e, "_"), "_", " ")))
			if w != "" && !seen[w] {
				seen[w] = true
				ks.words = append(ks.words, w)
			}
		}
		c.sets[name] = ks
	}
	c.st.synsets = len(d.sets)
	c.st.transforms = len(d.transforms)
	return c
}

// phrase lemmatizes a noun phrase's words, head last: each word is read
// as a noun ("ARMS SHIPMENT" → "arm shipment"), as kg's lemmatizer reads
// nouns.
func (c *converter) phrase(words []string) string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if fix, ok := c.ov.Spelling[w]; ok {
			w = fix
		}
		out = append(out, nounLemma(w))
	}
	return strings.Join(out, " ")
}

// verb is a dictionary verb as kg indexes it.
type verb struct {
	lemma  string // "ask", "call off"
	pp     string // a multi-word verb's preposition: "for" (ASK_FOR), "in motion"
	object string // a multi-word verb's noun: "war" (WAGE_WAR)
	code   string // its own code, "" for its block's
	line   int
	text   string
}

func (v *verb) group() string { return v.pp + "|" + v.object }

// readVerb makes a kg verb of a dictionary verb line, or says why not.
func (c *converter) readVerb(vl *verbLine) (*verb, string) {
	text := strings.TrimPrefix(vl.text, "+")
	v := &verb{code: vl.code, line: vl.line, text: text}
	o, hasOverride := c.ov.Verbs[text]
	if hasOverride && o.Skip {
		return nil, "not a verb kg indexes (overrides.yaml verbs)"
	}
	if strings.ContainsAny(text, "+ ") {
		return nil, "words before the verb (a pre-compound)"
	}
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == '_' })
	if len(parts) == 0 {
		return nil, "empty"
	}
	stem := strings.ToLower(parts[0])
	if hasOverride && o.Lemma != "" {
		stem = o.Lemma
	}
	v.lemma = stem
	rest := parts[1:]
	if len(rest) > 0 && particles[rest[0]] && !strings.Contains(stem, " ") {
		v.lemma += " " + strings.ToLower(rest[0])
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
	case rest[0] == "AND" || rest[0] == "OR" || rest[len(rest)-1] == "AND":
		return nil, "a coordination (\"arrested and\"), which kg's clauses split"
	case c.prepOK(strings.ToLower(rest[0])):
		v.pp = strings.ToLower(rest[0])
		if len(rest) > 1 {
			v.pp += " " + c.phrase(rest[1:])
		}
	case c.ov.notNoun[rest[0]] != "":
		return nil, article(c.ov.notNoun[rest[0]]) + " after the verb (\"seem confident\")"
	case len(rest) == 1:
		v.object = c.phrase(rest)
	case len(rest) == 2 && c.prepOK(strings.ToLower(rest[1])):
		v.object = c.phrase(rest[:1]) // GET_HOLD_OF
		v.pp = strings.ToLower(rest[1])
	default:
		return nil, "more words after the verb than a particle, preposition or noun"
	}
	return v, ""
}

// convert turns the dictionary into frames.
func (c *converter) convert() {
	for _, b := range c.d.blocks {
		c.st.blocks++
		c.convertBlock(b)
	}
	c.resolveShadows()
	for _, f := range c.frames {
		c.applyOverride(f)
	}
	c.rootUnknownCodes()
	ids := map[string]int{}
	for _, f := range c.frames {
		ids[f.id]++
	}
	// Two frames of a block may slug alike ("{MOCK ATTACK}" and a set
	// member): the source line tells them apart.
	for _, f := range c.frames {
		if ids[f.id] > 1 {
			f.id = fmt.Sprintf("%s@%d", f.id, f.line)
		}
	}
}

// group is the verbs of a block that share a multi-word verb's constraint.
type group struct {
	key    string
	pp     string
	object string
	verbs  []*verb
}

func (c *converter) convertBlock(b *block) {
	var groups []*group
	byKey := map[string]*group{}
	var plain []*verb // verbs of the block, for origin lookups
	for _, vl := range b.verbs {
		c.st.verbs++
		v, why := c.readVerb(vl)
		if v == nil {
			c.st.verbSkips[why]++
			c.log = append(c.log, fmt.Sprintf("%s:%d: verb %s: %s", c.file, vl.line, vl.text, why))
			continue
		}
		claim := v.lemma + "|" + v.group()
		if owner, taken := c.verbs[claim]; taken {
			if owner != b.name {
				// PETRARCH keeps a verb's first block (setdefault).
				c.st.verbSkips["listed in an earlier block, which PETRARCH keeps"]++
			}
			continue
		}
		c.verbs[claim] = b.name
		g := byKey[v.group()]
		if g == nil {
			g = &group{key: v.group(), pp: v.pp, object: v.object}
			byKey[g.key] = g
			groups = append(groups, g)
		}
		g.verbs = append(g.verbs, v)
		plain = append(plain, v)
	}
	c.defaultFrames(b, groups)
	for _, p := range b.patterns {
		c.st.patterns++
		if p.bad != "" {
			c.skipPattern(p, "malformed: "+p.bad)
			continue
		}
		spec, why := c.readPattern(p)
		if spec == nil {
			c.skipPattern(p, why)
			continue
		}
		n := 0
		for _, g := range groups {
			if f := c.patternFrame(b, p, spec, g, plain); f != nil {
				c.frames = append(c.frames, f)
				n++
			}
		}
		if n == 0 {
			c.skipPattern(p, "no verb of its block can carry it")
		}
	}
}

func (c *converter) skipPattern(p *patternLine, why string) {
	c.st.patternSkips[why]++
	c.log = append(c.log, fmt.Sprintf("%s:%d: pattern %q [%s]: %s", c.file, p.line, p.body, p.code, why))
}

// defaultFrames writes one frame per group and code for the block's bare
// verbs: PETRARCH codes a verb with its own code, else its block's,
// when no pattern matches.
func (c *converter) defaultFrames(b *block, groups []*group) {
	for _, g := range groups {
		// One frame per code, and one per verb that overrides.yaml decides.
		var keys []string
		byKey := map[string][]*verb{}
		for _, v := range g.verbs {
			code := v.code
			if code == "" {
				code = b.code
			}
			key := code
			if c.ov.Verbs[v.text].decides() {
				key += "|" + v.text
			}
			if byKey[key] == nil {
				keys = append(keys, key)
			}
			byKey[key] = append(byKey[key], v)
		}
		for _, key := range keys {
			vs := byKey[key]
			code, _, _ := strings.Cut(key, "|")
			cs, why := readCode(code)
			if cs == nil {
				if why != noEvent {
					c.st.verbSkips["code "+why]++
				}
				continue
			}
			f := &frame{code: cs.code, symmetric: cs.symmetric, intent: isIntent(cs.code), line: vs[0].line, block: b.name}
			if o := c.ov.Verbs[vs[0].text]; o.decides() {
				f.verb = o
			}
			for _, v := range vs {
				f.lemmas = appendNew(f.lemmas, v.lemma)
			}
			if g.pp != "" {
				f.pp = []string{g.pp}
			}
			if g.object != "" {
				f.object = []string{g.object}
			}
			f.actor, f.target = cs.actor, cs.target
			if f.target == nil {
				f.target = targets(f, nil)
			}
			f.id = "petrarch." + slug(b.name) + "/" + strings.ReplaceAll(vs[0].lemma, " ", "_")
			if g.key != "|" {
				f.id += "_" + strings.ReplaceAll(strings.TrimSpace(g.pp+" "+g.object), " ", "_")
			}
			c.frames = append(c.frames, f)
		}
	}
}

// codeSpec is a dictionary code read as PETRARCH reads it
// (utilities.convert_code): [A] codes the verb's subject acting on its
// object; [A:B] also codes the reverse event B, from the object to the
// subject; [:B] codes only B, the verb being read as a passive (its
// subject the target, its source in a by- or from-phrase).
type codeSpec struct {
	code          string
	symmetric     bool
	reverse       string // B of [A:B] when it differs from A: not expressible
	actor, target []string
}

const noEvent = "[---]: no event"

func readCode(s string) (*codeSpec, string) {
	s = strings.TrimSuffix(s, "!") // "[080!]": TABARI's marker; PETRARCH-2 reads the digits
	active, passive, _ := strings.Cut(s, ":")
	if active == "---" {
		active = ""
	}
	if passive == "---" {
		passive = ""
	}
	cs := &codeSpec{}
	switch {
	case active == "" && passive == "":
		return nil, noEvent
	case active == "":
		cs.code = passive
		cs.actor, cs.target = passiveActors, []string{"subject"}
	case passive == "" || passive == active:
		cs.code = active
		cs.symmetric = passive == active
	default:
		cs.code, cs.reverse = active, passive
	}
	return cs, ""
}

// article puts "a" or "an" before a word class.
func article(class string) string {
	if class == "function" {
		return "a function word"
	}
	if strings.ContainsRune("aeiou", rune(class[0])) {
		return "an " + class
	}
	return "a " + class
}

// isIntent: codes that themselves state an intention, a promise or a
// threat (CAMEO 03 and 13), which a modal verb group does not block.
func isIntent(code string) bool {
	return strings.HasPrefix(code, "03") || strings.HasPrefix(code, "13")
}

// patSpec is what kg keeps of a pattern.
type patSpec struct {
	subject, object, pp []string
	particle            string
	bare                []string // prepositions of (PREP) phrases without a noun: where the target is
	actor, target       []string
	code                *codeSpec
	slug                []string
}

// readPattern reads a pattern into kg's terms, or says why it cannot.
func (c *converter) readPattern(p *patternLine) (*patSpec, string) {
	cs, why := readCode(p.code)
	if cs == nil {
		if why == noEvent {
			return nil, "no-event code [---] (kg frames have no null code)"
		}
		return nil, "code " + why
	}
	pat, err := parsePattern(p.body)
	if err != nil {
		return nil, "malformed: " + err.Error()
	}
	s := &patSpec{code: cs}
	targetSubject, actorSet := false, false
	// Before the verb: the subject.
	for _, e := range pat.pre {
		switch e.kind {
		case elemPP:
			return nil, "prepositional phrase before the verb"
		case elemMarker:
			switch e.words[0] {
			case "$":
			case "+":
				targetSubject = true
			default:
				return nil, "marker " + e.words[0] + " before the verb"
			}
		case elemNoun:
			if s.subject != nil {
				return nil, "two noun phrases before the verb"
			}
			words, why := c.nounEntries(e)
			if why != "" {
				return nil, why + " before the verb"
			}
			s.subject = words
			s.slug = append(s.slug, c.slug(e), "*")
		}
	}
	// After the verb: a particle, an object, prepositional phrases.
	post := pat.post
	if len(post) > 0 && post[0].kind == elemNoun && len(post[0].words) == 1 && particles[post[0].words[0]] {
		s.particle = strings.ToLower(post[0].words[0])
		s.slug = append(s.slug, s.particle)
		post = post[1:]
	} else if len(post) > 0 && post[0].kind == elemPP && particles[post[0].prep] && !c.prepOK(strings.ToLower(post[0].prep)) {
		// "(ASIDE RIFT)": a particle written as a preposition.
		s.particle = strings.ToLower(post[0].prep)
		s.slug = append(s.slug, s.particle)
		obj := &element{kind: elemNoun}
		for _, n := range post[0].nouns {
			if n.kind != elemNoun {
				return nil, "marker in a particle written as (...)"
			}
			obj.words = append(obj.words, n.words...)
		}
		if len(obj.words) > 0 {
			post = append([]*element{obj}, post[1:]...)
		} else {
			post = post[1:]
		}
		c.st.notes["a particle written as a prepositional phrase, read as verb + particle"]++
	}
	iobjTarget := false
	for i, e := range post {
		switch e.kind {
		case elemMarker:
			last := i == len(post)-1
			switch {
			case e.words[0] == "+" && !last && post[i+1].kind == elemNoun && s.object == nil:
				iobjTarget = true // "* + HOURS": gave X 48 hours
			case e.words[0] == "+" && last && s.object == nil && len(s.pp) == 0:
				// "* +": the object is the target, as by default
			default:
				return nil, "marker " + e.words[0] + " where kg frames cannot name its role (TABARI word order)"
			}
		case elemNoun:
			if len(e.words) == 1 {
				if w := e.words[0]; c.prepOK(strings.ToLower(w)) || c.ov.notNoun[w] == "function" {
					return nil, "a bare preposition or function word after the verb (TABARI word order)"
				}
			}
			if s.object != nil {
				return nil, "two noun phrases after the verb"
			}
			if len(s.pp) > 0 {
				return nil, "a noun after a prepositional phrase (TABARI word order)"
			}
			words, why := c.nounEntries(e)
			if why != "" {
				return nil, why + " after the verb"
			}
			s.object = words
			s.slug = append(s.slug, c.slug(e))
		case elemPP:
			pp, role, why := c.readPP(e)
			if why != "" {
				return nil, why
			}
			for _, q := range s.pp {
				if q == pp {
					return nil, "the same prepositional phrase twice"
				}
			}
			s.pp = append(s.pp, pp)
			prep := strings.Fields(pp)[0]
			s.slug = append(s.slug, strings.ReplaceAll(strings.TrimPrefix(pp, "$"), " ", "_"))
			switch role {
			case "+":
				s.target = appendNew(s.target, prep)
			case "$":
				s.actor = appendNew(s.actor, prep)
				actorSet = true
			case "bare":
				s.bare = appendNew(s.bare, prep)
			}
		}
	}
	switch {
	case targetSubject:
		s.target = append([]string{"subject"}, s.target...)
		if !actorSet {
			s.actor = passiveActors
		}
	case iobjTarget:
		s.target = append([]string{"iobj"}, s.target...)
	}
	if cs.target != nil && s.target == nil && s.actor == nil {
		s.actor, s.target = cs.actor, cs.target
	}
	if cs.reverse != "" {
		c.st.notes["[A:B] with B ≠ A: the reverse event B is not expressible, only A is coded"]++
	}
	for i := range s.slug {
		s.slug[i] = strings.ReplaceAll(s.slug[i], "$petrarch_", "")
	}
	return s, ""
}

// readPP reads "(TO {BANNED PARTIES})" as "to banned party" and says which
// role marker it holds: "+", "$", "bare" (no noun: the phrase is there for
// its actor) or "".
func (c *converter) readPP(e *element) (pp, role, why string) {
	prep := strings.ToLower(e.prep)
	if strings.Contains(prep, "/") {
		return "", "", "alternatives written a/b (TABARI)"
	}
	if !c.prepOK(prep) {
		return "", "", "preposition kg frames do not know"
	}
	var nouns []*element
	for _, n := range e.nouns {
		switch {
		case n.kind == elemMarker && (n.words[0] == "+" || n.words[0] == "$"):
			if role != "" {
				return "", "", "two markers in one prepositional phrase"
			}
			role = n.words[0]
		case n.kind == elemMarker && n.words[0] == "^":
			// any noun phrase
		case n.kind == elemMarker:
			return "", "", "marker " + n.words[0] + " in a prepositional phrase"
		case len(n.words) == 1 && determiners[n.words[0]]:
		default:
			nouns = append(nouns, n)
		}
	}
	switch {
	case len(nouns) > 1:
		return "", "", "several noun phrases in one prepositional phrase"
	case len(nouns) == 1:
		words, why := c.nounEntries(nouns[0])
		if why != "" {
			return "", "", why + " in a prepositional phrase"
		}
		if len(words) > 1 {
			return "", "", "a synonym set inside a prepositional phrase's noun phrase"
		}
		return prep + " " + words[0], role, ""
	case role == "" && len(e.nouns) == 0:
		role = "bare"
	}
	return prep, role, ""
}

// nounEntries reads a noun element as frame entries: "$petrarch_weapon"
// for a whole synonym set, else the phrase (a set inside a phrase,
// "{FIGHTER &AIRCRAFT}", is expanded into one entry per member).
func (c *converter) nounEntries(e *element) ([]string, string) {
	var words []string
	for _, w := range e.words {
		w = strings.Trim(w, "_")
		for _, part := range strings.Split(w, "_") {
			if part != "" {
				words = append(words, part)
			}
		}
	}
	if len(words) == 0 {
		return nil, "an empty word"
	}
	head := words[len(words)-1]
	if strings.Contains(head, "/") {
		return nil, "alternatives written a/b (TABARI)"
	}
	if class := c.ov.notNoun[head]; class != "" {
		return nil, article(class) + " where a noun is needed"
	}
	if len(words) == 1 && strings.HasPrefix(head, "&") {
		s := c.sets[head]
		if s == nil {
			return nil, "an undefined synonym set"
		}
		s.used = true
		return []string{"$" + s.name}, ""
	}
	alts := []string{""}
	for _, w := range words {
		var opts []string
		if strings.HasPrefix(w, "&") {
			s := c.sets[w]
			if s == nil {
				return nil, "an undefined synonym set"
			}
			opts = s.words
		} else {
			opts = []string{c.phrase([]string{w})}
		}
		var next []string
		for _, a := range alts {
			for _, o := range opts {
				next = append(next, strings.TrimSpace(a+" "+o))
			}
		}
		alts = next
	}
	if len(alts) == 0 {
		return nil, "an empty synonym set"
	}
	return alts, ""
}

// slug names an element in a frame id: its words as lemmas, a set by
// its name ("{FIGHTER &AIRCRAFT}" → "fighter_aircraft").
func (c *converter) slug(e *element) string {
	var parts []string
	for _, w := range e.words {
		w = strings.Trim(w, "_")
		if strings.HasPrefix(w, "&") {
			parts = append(parts, strings.ToLower(strings.Trim(w[1:], "_")))
			continue
		}
		parts = append(parts, strings.ReplaceAll(c.phrase(strings.Split(w, "_")), " ", "_"))
	}
	return strings.Join(parts, "_")
}

// patternFrame makes the frame of a pattern for one group of the block's
// verbs, nil if the group's own constraint clashes with the pattern's.
func (c *converter) patternFrame(b *block, p *patternLine, s *patSpec, g *group, blockVerbs []*verb) *frame {
	if g.object != "" && s.object != nil {
		return nil
	}
	for _, q := range s.pp {
		if g.pp != "" && strings.Fields(q)[0] == strings.Fields(g.pp)[0] {
			return nil
		}
	}
	f := &frame{code: s.code.code, symmetric: s.code.symmetric, intent: isIntent(s.code.code), line: p.line,
		block: b.name, pattern: p, subject: s.subject, object: s.object, actor: s.actor}
	f.pp = append(f.pp, s.pp...)
	if g.pp != "" {
		f.pp = append([]string{g.pp}, f.pp...)
	}
	if g.object != "" {
		f.object = []string{g.object}
	}
	verbs := g.verbs
	if s.particle != "" {
		// A phrasal pattern is meant for the verb it was written for
		// ("- * OFF &WEAPON  # SET"): "set off", not "place off".
		if origin := originVerbs(p.comment, g.verbs); origin != nil {
			verbs = origin
		}
	}
	for _, v := range verbs {
		l := v.lemma
		if s.particle != "" {
			if strings.Contains(l, " ") {
				continue
			}
			l += " " + s.particle
		}
		f.lemmas = appendNew(f.lemmas, l)
	}
	if len(f.lemmas) == 0 {
		return nil
	}
	f.target = s.target
	if f.target == nil {
		f.target = targets(f, s.bare)
	} else if s.actor == nil && s.code.actor != nil && f.target[0] == "subject" {
		f.actor = s.code.actor
	}
	f.id = "petrarch." + slug(b.name) + "." + strings.Join(s.slug, ".")
	if len(s.slug) == 0 {
		f.id = "petrarch." + slug(b.name) + ".*"
	}
	if g.key != "|" {
		f.id += "+" + strings.ReplaceAll(strings.TrimSpace(g.pp+" "+g.object), " ", "_")
	}
	return f
}

// originVerbs are the verbs of a group that a pattern's comment names as
// the ones it was written for ("# SET"), nil if it names none of them.
func originVerbs(comment string, vs []*verb) []*verb {
	var out []*verb
	for _, w := range strings.FieldsFunc(comment, func(r rune) bool { return r == ' ' || r == ',' || r == '/' }) {
		for _, v := range vs {
			if strings.EqualFold(v.text, w) {
				out = append(out, v)
			}
		}
	}
	return out
}

// targets is where a frame's target comes from: the prepositional phrases
// the pattern requires without a noun ("(AGAINST)"), then the defaults,
// the object left out when the frame constrains it ("* AID" is not a
// target).
func targets(f *frame, bare []string) []string {
	out := append([]string(nil), bare...)
	for _, t := range defaultTargets {
		if t == "object" && f.object != nil {
			continue
		}
		out = appendNew(out, t)
	}
	return out
}

// resolveShadows keeps, for each lemma and set of words, the frame of the
// last pattern that states them, as PETRARCH's pattern tree keeps the
// last pattern stored at a path. Patterns that differ only in number or
// spelling ("{MOCK ATTACK}", "{MOCK ATTACKS}") state the same words here.
func (c *converter) resolveShadows() {
	last := map[string]*frame{}
	for _, f := range c.frames {
		for _, l := range f.lemmas {
			last[l+"|"+f.key()] = f
		}
	}
	kept := c.frames[:0]
	for _, f := range c.frames {
		var ls []string
		for _, l := range f.lemmas {
			if last[l+"|"+f.key()] == f {
				ls = append(ls, l)
			}
		}
		if len(ls) == 0 {
			c.st.shadowed++
			continue
		}
		f.lemmas = ls
		kept = append(kept, f)
	}
	c.frames = kept
}

// key states a frame's constraints as the loader compares them.
func (f *frame) key() string {
	return fmt.Sprintf("s%v|o%v|p%v", f.subject, f.object, f.pp)
}

func (c *converter) applyOverride(f *frame) {
	d := c.ov.decide(f)
	f.decision = d
	if d == nil {
		return
	}
	c.st.overridden[d.kind()]++
	if d.Code != "" {
		f.code = d.Code
		f.intent = isIntent(f.code)
		if d.Symmetric != nil {
			f.symmetric = *d.Symmetric
		}
	}
	if len(d.Lemmas) > 0 {
		if d.kept == nil {
			d.kept = map[string]bool{}
		}
		var ls []string
		for _, l := range f.lemmas {
			if slices.Contains(d.Lemmas, l) {
				ls = append(ls, l)
				d.kept[l] = true
			}
		}
		f.lemmas = ls // none left: the frame is not written
	}
	if len(d.Target) > 0 {
		f.target = d.Target
	}
}

// rootUnknownCodes reads a code that is not in kg's CAMEO scheme (TABARI-era
// codes such as 176) as its root's base code, as PETRARCH's convert_code
// falls back to the first two digits and "0"; a frame whose code still is
// not in the scheme is dropped.
func (c *converter) rootUnknownCodes() {
	kept := c.frames[:0]
	for _, f := range c.frames {
		if ontology.CameoLabels[f.code] == "" && (f.decision == nil || !f.decision.Drop) {
			root := f.code[:min(2, len(f.code))] + "0"
			c.log = append(c.log, fmt.Sprintf("%s:%d: %s: code %s is not in kg's CAMEO scheme: read as %s", c.file, f.line, f.id, f.code, root))
			c.st.unknownCodes[f.code+" → "+root]++
			f.code = root
			if ontology.CameoLabels[f.code] == "" {
				continue
			}
		}
		kept = append(kept, f)
	}
	c.frames = kept
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func slug(name string) string { return strings.ToLower(strings.Trim(name, "_")) }

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
