package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a stretch of a sentence that names one or more actors: a name
// or alias ("Putin"), a metonym ("the Kremlin"), a title and name ("Acting
// Assistant Secretary Stuart Jones"), or a reference resolved against the
// article ("Mr Trump", "the Russian leader", "the two leaders", "he").
type Mention struct {
	Span
	Entities []*Entity
	How      string // "name", "metonym", "title", "agent", "honorific", "role", "pair", "pronoun"
}

// Resolved reports whether the mention was resolved from context rather than
// named: such mentions lower an event's confidence.
func (m Mention) Resolved() bool {
	switch m.How {
	case "role", "pair", "pronoun":
		return true
	}
	return false
}

// discourse is what the reference resolver remembers while reading one
// article from top to bottom.
type discourse struct {
	dict             *Dictionary
	date             string             // publication date, for date-bounded roles
	persons          []*Entity          // people in order of last mention, most recent last
	countries        []*Entity          // countries in order of last mention
	weight           map[string]int     // country code → mentions so far (the article's focus)
	surnames         map[string]*Entity // last name → person met in this article
	lastPair         []*Entity          // the last "A and B" or "the two leaders"
	lastPairSentence int                // the sentence that named lastPair
	parties          []*Entity          // the last two parties named together, of any kind: "both sides"
	partyMark        []partyMark        // where this sentence named pairs, and parties before it
	partiesSentence  int                // the sentence that named parties
	sets             [][]*Entity        // the last lists of three or more actors: "the three countries"
	genders          map[*Entity]string // genders the article tells of its people ("Mrs Hutt")
	unpaired         []Span             // this sentence's "both sides" that found no pair
	here             []*Entity          // people named in the current sentence, in order
	before           []*Entity          // people named in the previous sentence
	found            map[string]*Entity // people discovered by title, by id
	titledBy         map[string]*Entity // leader noun → the last person the article named with it: "Chancellor Gordon Brown"
	aliases          map[string]*Entity // acronyms the article defines: "PRD" → People's Democratic Party
	plural           []*Entity          // the last plural subject: "they"
	thing            *Entity            // the last organization or country subject: "it"
	officeHolders    map[string]*Entity // roles → whom an undated story's "the prime minister" meant first
	opening          *Entity            // the organization or country the main clause of sentence openingSentence was about
	openingSentence  int                // (for an "It" opening the next sentence: "Amnesty ... It accused")
	ruler            *Entity            // the first actor seen ruling or deciding: "the ruling" is theirs
	country          string             // the country the whole article names most, for "the government"
	orgs             []*Entity          // organizations named so far, most recent last: "the commission"
	orgSentence      int                // the sentence that named the last of orgs
	orgBefore        *Entity            // the last of orgs before the current sentence ("the group"),
	orgBeforeAt      int                // and the sentence that named it
	quotes           *quoteMap          // the article's quotations
	sentence         int                // index of the sentence being read
	lead             string             // the name the second sentence opens with (lead.go)
	speakers         map[int]*Entity    // quotation group → its speaker, once resolved
	quoted           *Entity            // the speaker of the first quotation in this sentence, if known
	companies        [][]string         // the words of companies named with "Corp", "Inc": "diamond shamrock"
	text             string             // the article's text
	sports           int                // words of sport in the article, +1; 0 not counted yet
}

// sport is the number of distinct words of the set sports in the article,
// counted when an event first asks, as most articles have none.
func (c *discourse) sport(fr *Frames) int {
	if c.sports == 0 {
		c.sports = fr.sportsWords(c.text) + 1
	}
	return c.sports - 1
}

func newDiscourse(d *Dictionary, date string) *discourse {
	return &discourse{dict: d, date: date, weight: map[string]int{}, surnames: map[string]*Entity{}, found: map[string]*Entity{},
		aliases: map[string]*Entity{}, titledBy: map[string]*Entity{}, officeHolders: map[string]*Entity{}}
}

func (c *discourse) remember(es []*Entity) {
	for _, e := range es {
		switch e.Type {
		case Person:
			c.persons = moveLast(c.persons, e)
			c.here = append(c.here, e)
			name := tokenize(e.Name, 0)
			if len(name) > 1 {
				c.surnames[name[len(name)-1].Key] = e
				// Chinese, Korean and Vietnamese names put the family
				// name first: "Hu Jintao ... Hu said"
				switch e.Country {
				case "CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "SGP":
					if len(name) <= 3 {
						c.surnames[name[0].Key] = e
					}
				}
			}
			if e.Country != "" {
				c.weight[e.Country]++
			}
		case Country:
			c.countries = moveLast(c.countries, e)
			c.weight[e.Country]++
		default:
			if e.Country != "" {
				c.weight[e.Country]++
			}
			c.noteOrg(e)
		}
	}
}

// lastOrg is the organization or armed group named last, when no more
// than two sentences back ("the group"), nil otherwise; not a company,
// which acts commercially, nor a group the dictionary makes of a noun
// ("rebels").
func (c *discourse) lastOrg() *Entity {
	e := c.orgBefore
	if e == nil || c.sentence-c.orgBeforeAt > 2 || e.Business || e.Name == strings.ToLower(e.Name) {
		return nil
	}
	return e
}

// noteOrg remembers that the sentence named organization e.
func (c *discourse) noteOrg(e *Entity) {
	c.orgs = moveLast(c.orgs, e)
	c.orgSentence = c.sentence
}

// orgByHead is the organization named last whose name ends with the
// word ("the commission" after "the Electoral Commission"), nil if none.
func (c *discourse) orgByHead(word string) *Entity {
	for i := len(c.orgs) - 1; i >= 0; i-- {
		name := c.orgs[i].Name
		j := strings.LastIndexByte(name, ' ')
		if strings.EqualFold(name[j+1:], word) && j > 0 {
			return c.orgs[i]
		}
	}
	return nil
}

func moveLast(list []*Entity, e *Entity) []*Entity {
	for i, x := range list {
		if x == e {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	return append(list, e)
}

// pair resolves "the two leaders" (persons) or "the two countries": the last
// pair named together ("Trump and Putin") when it is of that kind, else the
// two most recently mentioned.
func (c *discourse) pair(kind mentionKind) []*Entity {
	if kind == pairParties {
		return c.parties
	}
	fits := func(e *Entity) bool {
		switch kind {
		case pairCountries:
			return e.Type == Country
		case pairLeaders:
			return e.Type == Person && e.RoleAt("", []string{"head of state", "head of government"}, c.date)
		}
		return e.Type == Person
	}
	if len(c.lastPair) == 2 && fits(c.lastPair[0]) && fits(c.lastPair[1]) {
		return c.lastPair
	}
	list := c.persons
	if kind == pairCountries {
		list = c.countries
	}
	var two []*Entity
	for i := len(list) - 1; i >= 0 && len(two) < 2; i-- {
		if fits(list[i]) {
			two = append([]*Entity{list[i]}, two...)
		}
	}
	if len(two) < 2 {
		return nil
	}
	return two
}

// mentions finds every actor mention in a sentence, left to right, and
// updates the discourse as it goes.
func (c *discourse) mentions(s Sentence) []Mention {
	toks := tokenize(s.Text, s.Start)
	var out []Mention
	joint := false // a "we" of this sentence stands for two parties
	if len(c.here) > 0 {
		c.before = c.here
	}
	c.here = nil
	c.unpaired = nil
	if len(c.orgs) > 0 {
		c.orgBefore, c.orgBeforeAt = c.orgs[len(c.orgs)-1], c.orgSentence
	}
	c.partyMark = append(c.partyMark[:0], partyMark{s.Start, c.parties, c.partiesSentence})
	add := func(from, to int, how string, es ...*Entity) {
		if len(es) == 0 {
			return
		}
		out = append(out, Mention{Span: Span{toks[from].Start, toks[to-1].End}, Entities: es, How: how})
		if len(es) == 1 && how != "pronoun" {
			c.learnGender(s, toks, from, to, es[0])
		}
		if here := c.here; len(es) > 1 {
			// "the two ministers ... he": "he" is none of a group
			c.remember(es)
			c.here = here
		} else {
			c.remember(es)
		}
		// "Trump and Putin", "the US and Russia": the pair "the two
		// leaders" or "the two countries" will mean, even later in this
		// sentence
		// (not the last two of a list: "Iran, Syria and Iraq")
		if k := len(out) - 1; k > 0 && !(k > 1 && strings.TrimSpace(s.Text[out[k-2].End-s.Start:out[k-1].Start-s.Start]) == ",") {
			a, b := out[k-1], out[k]
			if len(a.Entities) == 1 && len(b.Entities) == 1 && a.Entities[0] != b.Entities[0] &&
				a.Entities[0].Type == b.Entities[0].Type && strings.TrimSpace(s.Text[a.End-s.Start:b.Start-s.Start]) == "and" {
				c.lastPair, c.lastPairSentence = []*Entity{a.Entities[0], b.Entities[0]}, c.sentence
			}
			// of any kind, the two are the parties "both sides" means
			if gap := strings.TrimSpace(s.Text[a.End-s.Start : b.Start-s.Start]); len(a.Entities) == 1 && len(b.Entities) == 1 &&
				a.Entities[0] != b.Entities[0] && (gap == "and" || gap == "and the") {
				c.nameParties([]*Entity{a.Entities[0], b.Entities[0]}, b.End)
			}
		}
		if len(es) == 2 {
			c.lastPair, c.lastPairSentence = es, c.sentence
			c.nameParties(es, toks[to-1].End)
		}
		out, _ = joinHyphenPair(s, out)
	}
	d := c.dict
	for i := 0; i < len(toks); {
		t := toks[i]
		lower := t.Lower
		// "anti-Syrian", "pro-Russian", "ex-Soviet": a stance or a past,
		// not the actor
		if n := c.prefixedName(s, toks, i); n > 0 {
			i += n
			continue
		}
		// "the two leaders", "both countries"
		if p := d.pairTrie.longest(toks, i, true); p != nil && !hyphenAfter(s, toks[i+p.words-1]) {
			es := c.pair(p.kind)
			if es != nil {
				add(i, i+p.words, "pair", es...)
				i += p.words
				continue
			}
			if p.kind == pairParties {
				c.unpaired = append(c.unpaired, Span{toks[i].Start, toks[i+p.words-1].End})
				i += p.words
				continue
			}
		}
		// "the three countries", "all four": the last set of that many
		if n, es := c.groupRef(toks, i); n > 0 {
			if es != nil {
				add(i, i+n, "pair", es...)
			} else {
				c.unpaired = append(c.unpaired, Span{toks[i].Start, toks[i+n-1].End})
			}
			i += n
			continue
		}
		// "the Russian leader", "the U.S. president", "the president"
		if lower == "the" {
			if n, e := c.leaderRef(toks, i+1); e != nil {
				add(i, i+1+n, "role", e)
				i += 1 + n
				continue
			}
		}
		// Title and name: "Foreign Minister Sergey Lavrov", "Secretary ... Stuart Jones".
		if n, e := c.titled(s, toks, i); n > 0 {
			// "The US commander in Iraq, General David Petraeus, ...": a
			// person in apposition takes the country that opens the phrase
			// before the comma, when the title did not give one.
			if e.Discovered && e.Country == "" && strings.HasSuffix(s.Text[:toks[i].Start-s.Start], ", ") {
				if k := appositionHead(out, s, toks[i].Start); k >= 0 && out[k].Entities[0].Type == Country {
					e.Country = out[k].Entities[0].Country
				}
			}
			add(i, i+n, "title", e)
			c.rememberTitle(toks[i:i+n], e)
			i += n
			continue
		}
		// an acronym the article defined: "the PRD"
		if e := c.aliases[t.Key]; e != nil && len(t.Key) > 1 {
			add(i, i+1, "acronym", e)
			i++
			continue
		}
		// "Mr Jones": a surname met earlier in the article.
		if d.honorific(t.Text) {
			if i+1 < len(toks) {
				if e := c.surnames[toks[i+1].Key]; e != nil {
					// ("Mrs Ford" in a story of Gerald Ford is someone else)
					if !c.otherGender(t.Text, e) {
						add(i, i+2, "honorific", e)
					}
					i += 2
					continue
				}
			}
		}
		if p := c.phraseAt(toks, i); p != nil {
			switch p.kind {
			case byName, byMetonym, byPeople:
				how := "name"
				if p.kind == byMetonym {
					how = "metonym"
				}
				// "Poland's parliament", "Iran's army": the country's state.
				if k := i + p.words; p.entity.Type == Country && k+1 < len(toks) && toks[k].Text == "s" &&
					strings.ContainsAny(s.Text[toks[k-1].End-s.Start:toks[k].Start-s.Start], "'’") {
					if a := d.agents.longest(toks, k+1, true); a != nil {
						add(i, k+1+a.words, "agent", d.agentOf(p.entity, a, toks[k+1:k+1+a.words]))
						i = k + 1 + a.words
						continue
					}
				}
				// "Ivory Coast rebels", "Darfur rebels": the country's group
				if p.entity.Type == Country {
					if a := d.agents.longest(toks, i+p.words, true); a != nil && a.kind == byGroup && joined(s, toks[i+p.words-1], toks[i+p.words]) {
						add(i, i+p.words+a.words, "agent", d.agentOf(p.entity, a, toks[i+p.words:i+p.words+a.words]))
						i += p.words + a.words
						continue
					}
				}
				// "a decision by Congress" in a story about Ecuador is its
				// congress: the bare word names the US Congress only in a
				// story about the United States, or about no country, or
				// after the sentence named it ("the US government and the
				// Congress")
				if p.words == 1 && toks[i].Text == "Congress" && p.entity.Type != Country && p.entity.Country == "USA" && !namesCountry(out, "USA") {
					if f := c.focus(); f != "" && f != "USA" {
						if e := d.CountryByCode(f); e != nil {
							add(i, i+1, "agent", e)
							i++
							continue
						}
					}
				}
				add(i, i+p.words, how, p.entity)
				i += p.words
				continue
			case byDemonym:
				// Only "Russian forces", "Syrian government troops": a demonym on
				// its own is an adjective ("Syrian civil war"), not an actor.
				if a := d.agents.longest(toks, i+p.words, true); a != nil {
					add(i, i+p.words+a.words, "agent", d.agentOf(p.entity, a, toks[i+p.words:i+p.words+a.words]))
					i += p.words + a.words
					continue
				}
				// Otherwise an adjective: "rejected an Indian proposal",
				// "talks between Israeli and Palestinian negotiators". It names
				// the country for slot filling, but rules never take a
				// demonym mention as the subject of a clause (see events).
				add(i, i+p.words, "demonym", p.entity)
				i += p.words
				continue
			}
		}
		// The surname of someone named earlier in this article ("Ehud Olmert
		// ... Olmert said"): dictionary people rarely list it as an alias.
		// ("D'Huy" at the start of a sentence is the "d'Huy" named before)
		if e := c.surname(t.Key); e != nil && isCapitalized(t.Text) && !c.givenName(s, toks, i) && !c.otherGivenName(s, toks, i, e) {
			from := i
			// "Johnson-Morris" for Frances Johnson Morris: the whole
			// double surname, as written
			if i > 0 && s.Text[toks[i-1].End-s.Start:t.Start-s.Start] == "-" && (len(out) == 0 || out[len(out)-1].End <= toks[i-1].Start) {
				if name := tokenize(e.Name, 0); len(name) > 2 && name[len(name)-2].Key == toks[i-1].Key {
					from = i - 1
				}
			}
			add(from, i+1, "name", e)
			i++
			continue
		}
		if e := c.officeHolderPronoun(toks, i, c.speakerAt(t.Start)); e != nil {
			add(i, i+1, "pronoun", e)
			i++
			continue
		}
		if e := c.pronoun(lower, c.speakerAt(t.Start)); e != nil {
			add(i, i+1, "pronoun", e...)
			i++
			continue
		}
		// "“We agreed to work together,” Macron said": inside a quotation,
		// "I" and "we" are its speaker, and with a verb done together
		// (agreed, met) "we" is the speaker and the last other person named.
		// After a joint "we", "our" and "us" are left alone: "we agreed to
		// deepen our partnership" is not done to either of them.
		if sp := c.speakerAt(t.Start); sp != nil && firstPerson[t.Text] && !(joint && lower != "we") {
			es := []*Entity{sp}
			if lower == "we" && i+1 < len(toks) && jointVerbs[strings.ToLower(toks[i+1].Text)] {
				if o := c.lastOther(sp); o != nil {
					es = append(es, o)
					joint = true
				}
			}
			add(i, i+1, "pronoun", es...)
			i++
			continue
		}
		i++
	}
	c.rememberLists(s, out)
	return out
}

// namesPart reports whether the words before a known name inside a longer
// one are that person's too: "George Walker Bush" is Bush, "Jeb Bush" is
// someone else.
func namesPart(before []token, e *Entity) bool {
	if len(before) == 0 {
		return true
	}
	names := strings.Fields(strings.ToLower(e.Name))
	for _, a := range e.Aliases {
		names = append(names, strings.Fields(strings.ToLower(a))...)
	}
	for _, t := range before {
		if !slices.Contains(names, strings.ToLower(t.Text)) {
			return false
		}
	}
	return true
}

// agentOf is the actor "<country> <agent noun>" stands for: the country's
// state ("Russian forces"), or for a group noun the country's group of that
// name ("Sudanese rebels").
func (d *Dictionary) agentOf(country *Entity, a *phrase, words []token) *Entity {
	if a.kind == byGroup && country.Type == Country {
		last := words[len(words)-1]
		switch strings.ToLower(last.Text) {
		case "people", "population", "nation":
			return country // "the Palestinian people": the nation
		}
		return d.Group(country, strings.ToLower(joinName(words))) // "Palestinian armed groups"
	}
	return country
}

// joined reports whether two tokens of a name are separated only by a
// space, a hyphen, the dot and space of an initial ("H. R. McMaster"),
// or the apostrophe after a one-letter prefix ("O'Connor", "D'Alema").
func joined(s Sentence, a, b token) bool {
	gap := s.Text[a.End-s.Start : b.Start-s.Start]
	return gap == " " || gap == "-" || gap == ". " && len(a.Key) == 1 ||
		(gap == "'" || gap == "’") && len(a.Key) == 1 && isCapitalized(b.Text)
}

// hyphenAfter reports whether t is the first half of a hyphenated compound
// ("the two-day summit"), so not a word on its own.
func hyphenAfter(s Sentence, t token) bool {
	i := t.End - s.Start
	return i < len(s.Text) && s.Text[i] == '-'
}

// appositionHead is the index of the first mention of the phrase that ends
// at the comma before offset: the part of the sentence after the previous
// comma or clause start. -1 when there is none.
func appositionHead(out []Mention, s Sentence, offset int) int {
	before := s.Text[:offset-s.Start-2]
	start := s.Start + strings.LastIndexAny(before, ",;:") + 1
	for k, m := range out {
		if m.Start >= start && m.End <= offset && len(m.Entities) == 1 {
			return k
		}
	}
	return -1
}

// jointVerbs are done by two parties together: "we agreed", "we met".
var jointVerbs = map[string]bool{"agreed": true, "discussed": true, "met": true, "talked": true, "decided": true, "signed": true, "reached": true}

// firstPerson are the words that, inside a quotation, stand for its
// speaker. Not "US", which is a country.
var firstPerson = map[string]bool{"I": true, "me": true, "my": true, "we": true, "We": true, "us": true, "our": true, "Our": true, "My": true}

// lastOther is the most recently mentioned person other than e.
func (c *discourse) lastOther(e *Entity) *Entity {
	for i := len(c.persons) - 1; i >= 0; i-- {
		if c.persons[i] != e {
			return c.persons[i]
		}
	}
	return nil
}

// phraseAt returns the longest dictionary phrase starting at toks[i].
func (c *discourse) phraseAt(toks []token, i int) *phrase {
	p := c.dict.exact.longest(toks, i, false)
	if q := c.dict.folded.longest(toks, i, true); q != nil && (p == nil || q.words > p.words) {
		p = q
	}
	return p
}

// pronounGender is the gender a third-person singular pronoun names, ""
// for any other word.
func pronounGender(w string) string {
	switch w {
	case "he", "him", "his":
		return "male"
	case "she", "her":
		return "female"
	}
	return ""
}

// pronoun resolves he/she/his/her/him/they/their to the most recent fitting
// actor other than except (inside a quotation, its speaker: "he" there is
// not the "I" who says it). It stays silent when nothing fits, so that no
// event is made up.
func (c *discourse) pronoun(w string, except ...*Entity) []*Entity {
	gender := pronounGender(w)
	switch w {
	case "he", "him", "his", "she", "her":
	case "they", "their", "them":
		// a pair named a few sentences back; further back "they" is
		// more often the last plural subject (analysis.pronounActors)
		if c.sentence-c.lastPairSentence > 2 {
			return nil
		}
		return c.lastPair
	default:
		return nil
	}
	// The subject of this sentence (its first person) is the likeliest
	// antecedent, then the previous sentence's subject, then whoever was named last.
	fits := func(p *Entity) bool {
		g := c.genderOf(p)
		return (g == gender || g == "") && (len(except) == 0 || p != except[0])
	}
	// (for "she", first a woman the article said is one: "Hun Sen met Ana
	// Ruiz, a spokeswoman ... She"; most people of unknown gender in the
	// news are men)
	for _, known := range []bool{gender == "female", false} {
		for _, list := range [][]*Entity{c.here, c.before} {
			for _, p := range list {
				if fits(p) && (!known || c.genderOf(p) == gender) {
					return []*Entity{p}
				}
			}
		}
	}
	for i := len(c.persons) - 1; i >= 0; i-- {
		if p := c.persons[i]; fits(p) {
			return []*Entity{p}
		}
	}
	return nil
}

// officeHolderPronoun resolves "he"/"she" at toks[i] that the words after
// it say holds an office: "he has been a prudent chancellor", "she is the
// president" mean whom "the chancellor", "the president" would, when the
// article has named them and they fit the pronoun. Not "was" or "had
// been": a former holder is someone else. Nil otherwise.
func (c *discourse) officeHolderPronoun(toks []token, i int, speaker *Entity) *Entity {
	w := toks[i].Lower
	if w != "he" && w != "she" {
		return nil
	}
	j := i + 1
	switch {
	case j < len(toks) && toks[j].Lower == "is":
		j++
	case j+1 < len(toks) && (toks[j].Lower == "has" && toks[j+1].Lower == "been" || toks[j].Lower == "will" && toks[j+1].Lower == "be"):
		j += 2
	default:
		return nil
	}
	if j < len(toks) && (toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "the") {
		j++
	}
	// up to two lower-case words before the noun ("a prudent chancellor")
	for k := j; k < len(toks) && k <= j+2; k++ {
		if k > j && isCapitalized(toks[k-1].Text) {
			break
		}
		_, e := c.leaderRef(toks, k)
		if e == nil {
			continue
		}
		if e == speaker || !slices.Contains(c.persons, e) {
			return nil
		}
		if g := c.genderOf(e); g != "" && g != pronounGender(w) {
			return nil
		}
		return e
	}
	return nil
}

// leaderRef resolves "[the] Russian leader" / "[the] president" starting at
// toks[i] (after "the"), via date-bounded roles. It returns the number of
// tokens used.
func (c *discourse) leaderRef(toks []token, i int) (int, *Entity) {
	if i >= len(toks) {
		return 0, nil
	}
	var country *Entity
	n := 0
	if p := c.dict.exact.longest(toks, i, false); p != nil && (p.kind == byDemonym || p.entity.Type == Country) {
		country, n = p.entity, p.words
	}
	for _, ln := range c.dict.leaderNouns {
		words, roles := ln.words, ln.roles
		if !wordsAt(toks, i+n, words) {
			continue
		}
		used := n + len(words)
		// "the president of ..." is resolved by the title rule instead.
		if country != nil {
			if slices.Contains(ln.notIn, country.Country) {
				continue // "the British chancellor" is no head of government
			}
			if e := c.holder(country.Country, roles); e != nil {
				return used, e
			}
			continue
		}
		// "the chancellor": first whom the article named with that title
		// ("Chancellor Gordon Brown": in Britain the finance minister),
		// then someone in office named in this article, else the office
		// holder of the country the article is about.
		if e := c.titledBy[ln.noun]; e != nil {
			return used, e
		}
		if slices.Contains(ln.notIn, c.focus()) {
			continue // in a British story "the chancellor" is the finance minister
		}
		// An undated story cannot tell which of the people it names held
		// the office then: "the premier" it meant once, it means again
		// ("the premier" Blair, then "the prime minister" is not Brown,
		// named since, who held the office years later)
		key := strings.Join(roles, "|")
		if e := c.officeHolders[key]; e != nil && c.date == "" {
			return used, e
		}
		for k := len(c.persons) - 1; k >= 0; k-- {
			if p := c.persons[k]; p.RoleAt("", roles, c.date) && !c.otherOffice(p) {
				if c.date == "" {
					c.officeHolders[key] = p
				}
				return used, p
			}
		}
		if e := c.holder(c.focus(), roles); e != nil {
			return used, e
		}
	}
	return 0, nil
}

// focus is the country the article is about: the one it names most in
// all, else the one it has mentioned most so far. (The running count
// alone drifts to whatever a paragraph names: "flights to Britain from the
// Czech capital, Prague" does not make "the government" Czech.)
func (c *discourse) focus() string {
	if c.country != "" {
		return c.country
	}
	best, n := "", 0
	for code, w := range c.weight {
		if w > n || w == n && code < best {
			best, n = code, w
		}
	}
	return best
}

// articleCountry is the country an article names most often (by name,
// metonym or demonym), "" if none: what "the government" means before
// the text has named a country.
func articleCountry(d *Dictionary, a *Article) string {
	count := map[string]int{}
	spans := a.Body
	if spans == nil {
		spans = []Span{{0, len(a.Text)}}
	}
	var toks []token
	for _, sp := range spans {
		toks = appendTokens(slices.Grow(toks[:0], sp.Len()/4+1), a.Text[sp.Start:sp.End], sp.Start)
		for i := 0; i < len(toks); {
			p := d.exact.longest(toks, i, false)
			if p == nil {
				i++
				continue
			}
			switch {
			case p.kind == byPeople:
				// "ethnic Albanians in Istanbul" is not about Albania
			case p.entity.Type == Country && p.kind != byDemonym:
				count[p.entity.Country] += 2
			case p.entity.Country != "":
				// "Japanese officials", "the LDP", "Nakasone": what the
				// article's people and bodies belong to counts too
				count[p.entity.Country]++
			}
			i += p.words
		}
	}
	best, n := "", 0
	for code, k := range count {
		if k > n || k == n && code < best {
			best, n = code, k
		}
	}
	return best
}

// holder is the person holding one of roles in country on the article's
// date; people already mentioned in the article are preferred.
func (c *discourse) holder(country string, roles []string) *Entity {
	if country == "" || c.date == "" {
		// Without a date, only someone already mentioned may be meant.
		for i := len(c.persons) - 1; i >= 0; i-- {
			if p := c.persons[i]; (country == "" || p.Country == country) && p.RoleAt(country, roles, "") {
				return p
			}
		}
		return nil
	}
	for i := len(c.persons) - 1; i >= 0; i-- {
		if p := c.persons[i]; p.RoleAt(country, roles, c.date) {
			return p
		}
	}
	for _, e := range c.dict.roleHolders[country] {
		if e.RoleAt(country, roles, c.date) {
			return e
		}
	}
	return nil
}

// titled recognises "[Demonym] Title [for X Y] Firstname Lastname" at
// toks[i]. It returns the tokens consumed and the person, known or new.
func (c *discourse) titled(s Sentence, toks []token, i int) (int, *Entity) {
	d := c.dict
	j := i
	var country *Entity
	possessive := false
	if p := d.exact.longest(toks, j, false); p != nil && (p.kind == byDemonym || p.entity.Type == Country) {
		country = p.entity
		j += p.words
		if j < len(toks) && strings.ContainsAny(s.Text[toks[j-1].End-s.Start:toks[j].Start-s.Start], ",;:()") {
			return 0, nil // "in Iraq, General X": the country ends a phrase, it does not qualify the title
		}
		// "Norway's foreign minister": the tokenizer leaves "s" after the apostrophe
		if j < len(toks) && toks[j].Text == "s" && strings.ContainsAny(s.Text[toks[j-1].End-s.Start:toks[j].Start-s.Start], "'’") {
			possessive = true
			j++
		}
	}
	// "Miami Mayor Joe Carollo", "Basra Governor X": a place the
	// dictionary knows before the title is where the office is
	for n := 2; country == nil && n >= 1; n-- {
		if j+n < len(toks) && isCapitalized(toks[j].Text) && isCapitalized(toks[j+n-1].Text) && d.titleTrie.longest(toks, j+n, true) != nil &&
			!strings.ContainsAny(s.Text[toks[j].Start-s.Start:toks[j+n].Start-s.Start], ",;:()") {
			if e := d.PlaceCountry(s.Text[toks[j].Start-s.Start : toks[j+n-1].End-s.Start]); e != nil {
				country = e
				j += n
			}
		}
	}
	// Up to three qualifiers before the title: "Acting Assistant Secretary",
	// "British Defence Secretary", and after a possessive lower-case ones:
	// "Iran's religious leader".
	for k := 0; k < 3 && j < len(toks) && d.titleTrie.longest(toks, j, true) == nil; k++ {
		w := toks[j].Text
		if !(isCapitalized(w) && (country != nil || qualifiers[w])) && !(possessive && !isCapitalized(w)) {
			break
		}
		j++
	}
	if j >= len(toks) || !isCapitalized(toks[j].Text) && !possessive {
		return 0, nil
	}
	tp := d.titleTrie.longest(toks, j, true)
	if tp == nil {
		return 0, nil
	}
	title := titleText(toks[j : j+tp.words])
	j += tp.words
	// The name is the run of capitalised words (and name particles) that
	// follows, minus leading words that belong to the title ("for Near
	// Eastern Affairs"): scanning back from the end, the name stops at a
	// word that is never part of a name, a joiner, or a country.
	start := j
	// A known person right after the title: "President Trump and ...".
	if p := c.phraseAt(toks, start); p != nil && p.entity.Type == Person {
		return start + p.words - i, p.entity
	}
	// The run ends at punctuation ("President Clinton, Bacon said") and at
	// "and" ("Prime Minister X and Chancellor Y"); a hyphen continues a name
	// ("Lee Teng-hui").
	for j < len(toks) && (j == start || joined(s, toks[j-1], toks[j])) &&
		(isCapitalized(toks[j].Text) || isParticle(toks[j].Text) || isJoiner(toks[j].Text) || j > start && hyphenAfter(s, toks[j-1])) {
		j++
	}
	for j > start && (isParticle(toks[j-1].Text) || isJoiner(toks[j-1].Text) || d.notNames[toks[j-1].Text]) {
		j-- // "... Bouteflika Saturday": a trailing weekday is not part of the name
	}
	nameStart := j
	for nameStart > start && j-nameStart < 4 {
		w := toks[nameStart-1]
		if d.notNames[w.Text] || isJoiner(w.Text) {
			break
		}
		if p := d.exact.longest(toks, nameStart-1, false); p != nil && p.entity.Type != Person {
			break
		}
		nameStart--
	}
	for nameStart < j && isParticle(toks[nameStart].Text) {
		nameStart++
	}
	// "Deputy Minister for Information Tariq Azim": the word after a
	// portfolio's "for" / "of" is the portfolio, when a name of two words
	// or more is left after it
	if nameStart > start && isJoiner(toks[nameStart-1].Text) && j-nameStart > 2 {
		nameStart++
	}
	if nameStart == j {
		if possessive {
			// "Norway's foreign minister said": no name, so the office holder
			// on the article's date, else the country's state itself.
			if e := c.holder(country.Country, []string{d.titles[title]}); e != nil && d.titles[title] != "" {
				return start - i, e
			}
			return start - i, country
		}
		return 0, nil
	}
	// A known person? Try the longest dictionary phrase inside the name.
	for k := nameStart; k < j; k++ {
		if p := c.phraseAt(toks, k); p != nil && p.entity.Type == Person && k+p.words <= j && namesPart(toks[nameStart:k], p.entity) {
			return k + p.words - i, p.entity
		}
	}
	if e := c.surnames[toks[j-1].Key]; e != nil {
		return j - i, e
	}
	if j-nameStart < 2 {
		return 0, nil // a lone surname nobody introduced: too weak to invent a person
	}
	name := s.Text[toks[nameStart].Start-s.Start : toks[j-1].End-s.Start] // as written: "Lee Teng-hui"
	id := strings.ReplaceAll(name, " ", "_")
	if e := d.Entity(id); e != nil {
		return j - i, e
	}
	e := c.found[id]
	if e == nil {
		e = &Entity{ID: id, Name: name, Type: Person, Discovered: true}
		if country != nil {
			e.Country = country.Country
		}
		// "Algerian President Abdelaziz Bouteflika": the title tells the
		// role, so "the president" can find him later in the article.
		if role := d.titles[title]; role != "" {
			e.Roles = []Role{{Role: role, Country: e.Country}}
		}
		c.found[id] = e
	}
	return j - i, e
}

// namesCountry reports whether mentions name country code or one of its
// people or bodies.
func namesCountry(ms []Mention, code string) bool {
	for _, m := range ms {
		for _, e := range m.Entities {
			if e.Country == code {
				return true
			}
		}
	}
	return false
}

func titleText(toks []token) string {
	return strings.ToLower(joinName(toks))
}

func joinName(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// qualifiers may precede a title without a country before them.
var qualifiers = map[string]bool{"Acting": true, "Deputy": true, "Assistant": true, "Former": true, "National": true, "Security": true, "Senior": true, "Chief": true, "Interim": true,
	"Police": true} // "Police Superintendent X", "Police Commissioner X"

// isParticle: lower-case words inside names ("Bashar al-Assad").
func isParticle(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le":
		return true
	}
	return false
}

// isJoiner: words inside titles ("Secretary for Near Eastern Affairs").
func isJoiner(w string) bool {
	switch w {
	case "of", "for", "the", "on":
		return true
	}
	return false
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// surname is the person named earlier whose surname key is, also when a
// lower-case particle starting it is capitalized ("D'Huy" for "d'Huy").
func (c *discourse) surname(key string) *Entity {
	if e := c.surnames[key]; e != nil {
		return e
	}
	if r, n := utf8.DecodeRuneInString(key); n > 0 && unicode.IsUpper(r) && strings.ContainsAny(key, "'’") {
		return c.surnames[string(unicode.ToLower(r))+key[n:]]
	}
	return nil
}

// rememberTitle notes the leader nouns a title-and-name mention used
// ("Chancellor Gordon Brown"), so that "the chancellor" later is that
// person.
func (c *discourse) rememberTitle(toks []token, e *Entity) {
	if e.Type != Person {
		return
	}
	for _, ln := range c.dict.leaderNouns {
		for k := range toks {
			// ("Deputy Prime Minister X", "Vice President X", "Shadow
			// Chancellor X" are not "the prime minister", "the president",
			// "the chancellor")
			if wordsAt(toks, k, ln.words) && !(k > 0 && notTheOffice[toks[k-1].Lower]) {
				c.titledBy[ln.noun] = e
			}
		}
	}
}

// otherOffice reports whether the article titled p with a leader noun that
// names another office in its country ("Chancellor Gordon Brown" in a
// British story): then p is not "the prime minister" of that story.
func (c *discourse) otherOffice(p *Entity) bool {
	for _, ln := range c.dict.leaderNouns {
		if c.titledBy[ln.noun] == p && slices.Contains(ln.notIn, c.focus()) {
			return true
		}
	}
	return false
}

// notTheOffice are the words before a leader noun in a title that make it
// another office.
var notTheOffice = map[string]bool{"deputy": true, "vice": true, "former": true, "ex": true, "shadow": true, "assistant": true}

// wordsAt reports whether toks from i on are the lower-case words.
func wordsAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Lower != w {
			return false
		}
	}
	return true
}
