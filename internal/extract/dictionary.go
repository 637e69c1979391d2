package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"kg/internal/nlp"
)

// EntityType is the kind of actor.
type EntityType string

// Actor kinds, as written in actors.yaml.
const (
	Person       EntityType = "person"
	Country      EntityType = "country"
	Organization EntityType = "organization"
	Group        EntityType = "group"
)

// Role is a date-bounded office: Donald Trump, head of state of USA,
// 2017-01-20 to 2021-01-20. An empty To means the role is still held.
type Role struct {
	Role    string `yaml:"role" json:"role"`
	Country string `yaml:"country" json:"country"`
	From    string `yaml:"from" json:"from,omitempty"`
	To      string `yaml:"to" json:"to,omitempty"`
}

// Holds reports whether the role is held on date (YYYY-MM-DD); with no date,
// whether it was ever held.
func (r Role) Holds(date string) bool {
	if date == "" {
		return true
	}
	return (r.From == "" || r.From <= date) && (r.To == "" || date < r.To)
}

// Entity is an actor: a person, country, organization or group. Its tagged
// fields are an entry of an actor file (ActorFile), in YAML or, one entry
// per line, JSON; JSON writes them in this order.
type Entity struct {
	ID       string     `yaml:"id" json:"id"`
	Name     string     `yaml:"name" json:"name"`
	Type     EntityType `yaml:"-" json:"-"`                       // the section of the actor file
	Code     string     `yaml:"code" json:"code,omitempty"`       // countries: ISO 3166-1 alpha-3
	Country  string     `yaml:"country" json:"country,omitempty"` // the others: their country's code
	Wikidata string     `yaml:"wikidata" json:"wikidata,omitempty"`
	Gender   string     `yaml:"gender" json:"gender,omitempty"`
	Aliases  []string   `yaml:"aliases" json:"aliases,omitempty"`
	Metonyms []string   `yaml:"metonyms" json:"metonyms,omitempty"`
	Demonyms []string   `yaml:"demonyms" json:"demonyms,omitempty"`
	Roles    []Role     `yaml:"roles" json:"roles,omitempty"`
	// Business marks a company (Phoenix's MNC code): it may be acted on,
	// but what it does is commerce, which is not coded.
	Business bool `yaml:"business" json:"business,omitempty"`
	// Places (countries) are its cities, provinces and regions: where
	// something happens, never an actor, but a state's agent there is
	// that state's ("police in downtown Istanbul").
	Places []string `yaml:"places" json:"places,omitempty"`
	// Discovered is set for people found by title in the text ("Acting
	// Secretary ... Stuart Jones") rather than in the dictionary.
	Discovered bool `yaml:"-" json:"-"`
}

// Labels are the names written as skos:altLabel: aliases and metonyms.
func (e *Entity) Labels() []string {
	out := append(append([]string(nil), e.Aliases...), e.Metonyms...)
	return out
}

// WrittenName returns how text writes e's name when it differs from e.Name
// only by hyphens in place of spaces: "Jean-Pierre Raffarin", "Kim
// Jong-un", "Ellen Johnson-Sirleaf", or the double surname alone,
// "Johnson-Sirleaf". The PETRARCH/Phoenix dictionaries cannot spell a
// hyphen in a name, so their "Jean Pierre Raffarin" is not how news,
// readers or other datasets write it. "" when text holds no such form.
func (e *Entity) WrittenName(text string) string {
	if w := writtenAs(e.Name, text); w != "" {
		return w
	}
	// the last two words, hyphenated: a double surname
	words := strings.Fields(e.Name)
	if n := len(words); n > 2 && e.Type == Person {
		if w := writtenAs(words[n-2]+" "+words[n-1], text); strings.Count(w, "-") == 1 {
			return w
		}
	}
	return ""
}

// writtenAs is name as text writes it with hyphens for some of its
// spaces, "" if text holds no such form.
func writtenAs(name, text string) string {
	if len(text) < len(name) || !strings.Contains(text, "-") || !strings.Contains(name, " ") {
		return ""
	}
	for i := 0; i+len(name) <= len(text); i++ {
		if i > 0 && isNameByte(text[i-1]) || i+len(name) < len(text) && isNameByte(text[i+len(name)]) {
			continue
		}
		w := text[i : i+len(name)]
		hyphens, same := 0, true
		for k := 0; k < len(name) && same; k++ {
			switch a, b := name[k], w[k]; {
			case a == ' ' && b == '-':
				hyphens++
			case a != b && lowerByte(a) != lowerByte(b):
				same = false
			}
		}
		if same && hyphens > 0 {
			return w
		}
	}
	return ""
}

func isNameByte(b byte) bool {
	return b == '-' || b == '\'' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

func lowerByte(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// RoleAt returns true when the entity holds one of roles for country on date.
func (e *Entity) RoleAt(country string, roles []string, date string) bool {
	for _, r := range e.Roles {
		if country != "" && r.Country != country {
			continue
		}
		for _, want := range roles {
			if r.Role == want && r.Holds(date) {
				return true
			}
		}
	}
	return false
}

// ActorFile is the shape of actors.yaml and the actors_*.yaml files: the
// one declaration of it, which the Phoenix converter (internal/phoenix)
// reads and writes too.
type ActorFile struct {
	Countries     []*Entity `yaml:"countries"`
	Persons       []*Entity `yaml:"persons"`
	Organizations []*Entity `yaml:"organizations"`
	Groups        []*Entity `yaml:"groups"`
}

type titleDef struct {
	Title string `yaml:"title"`
	Role  string `yaml:"role"`
}

// ReferenceFile is the shape of references.yaml (the Phoenix converter
// reads its titles and honorifics).
type ReferenceFile struct {
	Titles      []titleDef          `yaml:"titles"`
	Honorifics  []string            `yaml:"honorifics"`
	NotNames    []string            `yaml:"not_names"`
	Agents      []string            `yaml:"agents"`
	Counterpart []string            `yaml:"counterparts"`
	Groups      []string            `yaml:"groups"`
	Relations   []string            `yaml:"relations"`
	LeaderNouns map[string][]string `yaml:"leader_nouns"`
	// LeaderNounsNotIn lists, per leader noun, the countries where it names
	// another office: Britain's chancellor is its finance minister.
	LeaderNounsNotIn map[string][]string `yaml:"leader_nouns_not_in"`
	Pairs            struct {
		Leaders   []string `yaml:"leaders"`
		Persons   []string `yaml:"persons"`
		Countries []string `yaml:"countries"`
		Parties   []string `yaml:"parties"`
	} `yaml:"pairs"`
}

// surnameTitles are title words that are also common surnames.
var surnameTitles = map[string]bool{"King": true, "Queen": true, "Prince": true, "General": true, "Chief": true,
	"Leader": true, "Speaker": true, "Director": true, "Pope": true, "Crown": true, "Major": true}

// leaderNoun is "leader" or "prime minister" and the roles it refers to.
type leaderNoun struct {
	noun  string // as references.yaml writes it: "prime minister"
	words []string
	roles []string
	notIn []string // country codes where the noun names another office
}

// Kinds of pair references, stored in phrase.kind of the pair trie.
const (
	pairLeaders mentionKind = iota
	pairPersons
	pairCountries
	pairParties // "both sides": the last pair of any kind, never a guess
)

// mentionKind says how a dictionary phrase names its entity.
type mentionKind uint8

const (
	byName    mentionKind = iota // canonical name or alias
	byMetonym                    // "the Kremlin" for Russia
	byDemonym                    // "Russian" — only an actor before an agent noun
	byGroup                      // in the agent trie: a group noun ("rebels"), not the state
	byPeople                     // a plural demonym ("Palestinians"): the country, but not what an article is about
)

// phrase is one entry of the alias trie.
type phrase struct {
	entity *Entity
	kind   mentionKind
	words  int
}

// trieNode is a node of a word trie; matching walks one node per word, so
// finding every alias in a text is linear in its length whatever the size of
// the dictionary (no per-alias scan).
type trieNode struct {
	next map[string]*trieNode
	hit  *phrase
	// On a dictionary's root nodes: the first words of every trie, each
	// with a bit per trie (bit is this one's), so that a token that starts
	// no phrase of a trie is told after one lookup for all five (tokens
	// remember it; see token.starts). Most tokens start none.
	first map[string]uint8
	bit   uint8
}

func (n *trieNode) insert(keys []string, p *phrase) {
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[k]
		if c == nil {
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	// The first definition wins: an alias shared by two actors keeps its
	// first owner (dictionary order), so results do not depend on map order.
	if n.hit == nil {
		n.hit = p
	}
}

// indexFirstWords makes the tries' shared index of first words (see
// trieNode.first), once they are complete.
func (d *Dictionary) indexFirstWords() {
	first := map[string]uint8{}
	for i, n := range []*trieNode{&d.exact, &d.folded, &d.titleTrie, &d.agents, &d.pairTrie} {
		n.first, n.bit = first, 1<<i
		for w := range n.next {
			first[w] |= n.bit
		}
	}
}

// honorific reports whether w is an honorific, written with or without its
// dot ("Mr", "Mr."), without building the dotted word.
func (d *Dictionary) honorific(w string) bool { return d.honorifics[w] || d.honorDots[w] }

// Dictionary holds the actors and the reference vocabulary.
type Dictionary struct {
	Entities []*Entity
	byID     map[string]*Entity
	byCode   map[string]*Entity // country code → country
	exact    trieNode           // case-sensitive aliases, keyed by token Key
	folded   trieNode           // all-lower-case aliases, keyed by lower-cased Key

	titles      map[string]string // title (lower-case) → role
	titleTrie   trieNode          // title phrases, keyed by lower-cased Key
	honorifics  map[string]bool
	honorDots   map[string]bool // the honorifics that end with a dot, without it ("Mr" for "Mr."): see honorific
	notNames    map[string]bool
	agents      trieNode
	leaderNouns []leaderNoun // longest first
	pairTrie    trieNode     // phrase → pair kind in phrase.kind (pairLeaders, pairPersons, pairCountries, pairParties)
	// stateAgents are nouns that stand for a country's state ("the
	// government", "police", "troops"); groupNouns name groups that act
	// on their own ("rebels", "protesters", "workers").
	stateAgents map[string]bool
	// agentCompounds are the agents of several words by their last word:
	// "services" → [["security"]]
	agentCompounds map[string][][]string
	groupNouns     map[string]bool
	// relationNouns name people by their tie to someone else ("Brown's
	// ally", "critics of the plan"): the possessor is not them
	relationNouns map[string]bool
	groupsMu      sync.Mutex
	groupsMade    map[string]*Entity
	// roleHolders lists, per country code, the people who ever held a role
	// there (dictionary order), so "the Russian leader" does not scan
	// 25,000 actors.
	roleHolders map[string][]*Entity
	// places maps a place's name (placeKey) to its country's code; a name
	// several countries list maps to "".
	places map[string]string
}

// Group returns the group a noun names in a country: "Sudanese rebels"
// (country Sudan, noun "rebels"). Groups are made on first use and shared,
// so the same words always give the same actor. With no country the group
// is the noun alone.
func (d *Dictionary) Group(country *Entity, noun string) *Entity {
	noun = strings.ToLower(noun)
	id, name := noun, noun
	if country != nil {
		id = country.ID + "_" + noun
		name = countryAdjective(country) + " " + noun
	}
	id = strings.ReplaceAll(id, " ", "_")
	d.groupsMu.Lock()
	defer d.groupsMu.Unlock()
	if e := d.groupsMade[id]; e != nil {
		return e
	}
	e := &Entity{ID: id, Name: name, Type: Group, Aliases: []string{noun}}
	if country != nil {
		e.Country = country.Country
	}
	d.groupsMade[id] = e
	return e
}

// countryAdjective is "Sudanese" for Sudan: its first demonym, else its name.
func countryAdjective(c *Entity) string {
	// the first that is no people's noun, the name less an ending:
	// "Croatian", not "Croat"; "Turkish", not "Turk"
	for _, d := range c.Demonyms {
		name := strings.ToLower(c.Name)
		if rest, ok := strings.CutPrefix(name, strings.ToLower(d)); !ok || rest != "ey" && rest != "ia" && rest != "n" {
			return d
		}
	}
	return c.Name
}

// madeGroup reports whether e is a group the text named by a noun
// ("suspects", "Kenyan bank managers") rather than one the dictionary knows.
func (d *Dictionary) madeGroup(e *Entity) bool { return e.Type == Group && d.byID[e.ID] != e }

// placeKey is how a place's name is looked up: lower case, no dots.
func placeKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", ""))), " ")
}

// indexPlaces fills d.places from the countries' places.
func (d *Dictionary) indexPlaces() {
	d.places = map[string]string{}
	for _, e := range d.Entities {
		if e.Type != Country {
			continue
		}
		for _, pl := range e.Places {
			k := placeKey(pl)
			if code, ok := d.places[k]; ok && code != e.Code {
				d.places[k] = "" // "Georgia", "Victoria": several countries'
				continue
			}
			d.places[k] = e.Code
		}
	}
}

// PlaceCountry is the country whose place name is, nil if none or several.
func (d *Dictionary) PlaceCountry(name string) *Entity {
	if code := d.places[placeKey(name)]; code != "" {
		return d.byCode[code]
	}
	return nil
}

// Entity returns the actor with the given id.
func (d *Dictionary) Entity(id string) *Entity { return d.byID[id] }

// CountryByCode returns the country with the ISO alpha-3 code.
func (d *Dictionary) CountryByCode(code string) *Entity { return d.byCode[code] }

// LoadDictionary reads the actor files and references.yaml from fsys and
// checks them, reporting every problem at once.
//
// The actor files are actors.yaml, then every actors_*.yaml in name order
// (actors_phoenix.yaml, generated from PETRARCH's dictionaries). An entry
// whose id an earlier file defined adds to that actor instead of being a
// duplicate: its aliases, metonyms, demonyms and roles are appended; the
// earlier file's name, type, code, gender and Wikidata id stand, and a later
// file only fills in a country, gender or Wikidata id left empty. So
// actors.yaml can correct a generated entry, and an alias goes to the actor
// of the earliest file that names it (the trie keeps its first owner).
func LoadDictionary(fsys fs.FS) (*Dictionary, error) {
	files, err := actorFiles(fsys)
	if err != nil {
		return nil, err
	}
	var rf ReferenceFile
	if err := readYAML(fsys, "references.yaml", &rf); err != nil {
		return nil, err
	}
	d := &Dictionary{byID: map[string]*Entity{}, byCode: map[string]*Entity{}}
	var errs []string
	type roleRef struct{ file, id, country string }
	var roles []roleRef // checked once every file has defined its countries
	for _, name := range files {
		af, err := readActors(fsys, name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		errs = append(errs, d.addActors(name, af)...)
		for _, list := range [][]*Entity{af.Countries, af.Persons, af.Organizations, af.Groups} {
			for _, e := range list {
				for _, r := range e.Roles {
					roles = append(roles, roleRef{name, e.ID, r.Country})
				}
			}
		}
	}
	for _, r := range roles {
		if d.byCode[r.country] == nil {
			errs = append(errs, fmt.Sprintf("%s: %s: role in unknown country %q", r.file, r.id, r.country))
		}
	}
	d.titles = map[string]string{}
	for _, t := range rf.Titles {
		d.titles[strings.ToLower(t.Title)] = t.Role
		d.titleTrie.insert(lowerKeys(t.Title), &phrase{words: len(tokenize(t.Title, 0))})
	}
	d.honorifics = set(rf.Honorifics)
	d.honorDots = map[string]bool{}
	for _, h := range rf.Honorifics {
		if stem, ok := strings.CutSuffix(h, "."); ok {
			d.honorDots[stem] = true
		}
	}
	d.notNames = set(rf.NotNames)
	for _, t := range rf.Titles {
		for _, w := range tokenize(t.Title, 0) {
			// "Chancellor" is never part of a name; "King" or "General" may be
			// a surname ("Tom King"), so those stay possible.
			if isCapitalized(w.Text) && !surnameTitles[w.Text] {
				d.notNames[w.Text] = true
			}
		}
	}
	d.stateAgents = map[string]bool{}
	d.agentCompounds = map[string][][]string{}
	for _, a := range rf.Agents {
		d.agents.insert(lowerKeys(a), &phrase{words: len(tokenize(a, 0))})
		w := strings.Fields(strings.ToLower(a))
		if len(w) == 1 {
			d.stateAgents[w[0]] = true
		} else {
			// "security services", "news agency": the head alone is no agent
			d.agentCompounds[w[len(w)-1]] = append(d.agentCompounds[w[len(w)-1]], w[:len(w)-1])
		}
	}
	// "his Brazilian counterpart", "Iran's counterparts": the country
	// named; on their own they name no one, so they are no state agents
	for _, c := range rf.Counterpart {
		d.agents.insert(lowerKeys(c), &phrase{words: len(tokenize(c, 0))})
	}
	d.groupNouns = map[string]bool{}
	for _, g := range rf.Groups {
		d.groupNouns[strings.ToLower(g)] = true
		// and its singular, as the tagger's lemma gives it: "activist"
		if w := strings.Fields(strings.ToLower(g)); len(w) > 0 {
			d.groupNouns[nlp.Lemma(w[len(w)-1], nlp.NNS)] = true
		}
		d.agents.insert(lowerKeys(g), &phrase{words: len(tokenize(g, 0)), kind: byGroup})
	}
	d.relationNouns = map[string]bool{}
	for _, r := range rf.Relations {
		d.relationNouns[strings.ToLower(r)] = true
		d.relationNouns[nlp.Lemma(strings.ToLower(r), nlp.NNS)] = true
	}
	d.groupsMade = map[string]*Entity{}
	for noun, roles := range rf.LeaderNouns {
		d.leaderNouns = append(d.leaderNouns, leaderNoun{noun, strings.Fields(noun), roles, rf.LeaderNounsNotIn[noun]})
	}
	sort.Slice(d.leaderNouns, func(i, j int) bool {
		a, b := d.leaderNouns[i].words, d.leaderNouns[j].words
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return strings.Join(a, " ") < strings.Join(b, " ")
	})
	for i, list := range [][]string{rf.Pairs.Leaders, rf.Pairs.Persons, rf.Pairs.Countries, rf.Pairs.Parties} {
		for _, p := range list {
			d.pairTrie.insert(lowerKeys(p), &phrase{kind: mentionKind(i), words: len(tokenize(p, 0))})
		}
	}
	d.roleHolders = map[string][]*Entity{}
	for _, e := range d.Entities {
		if e.Type != Person {
			continue
		}
		seen := map[string]bool{}
		for _, r := range e.Roles {
			if !seen[r.Country] {
				seen[r.Country] = true
				d.roleHolders[r.Country] = append(d.roleHolders[r.Country], e)
			}
		}
	}
	d.indexPlaces()
	d.indexFirstWords()
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return d, nil
}

// actorFiles lists the actor files of fsys in load order: actors.yaml
// first (it must exist), then actors_*.yaml by name.
func actorFiles(fsys fs.FS) ([]string, error) {
	more, err := fs.Glob(fsys, "actors_*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(more)
	return append([]string{"actors.yaml"}, more...), nil
}

// addActors adds the entries of one actor file, merging those whose id an
// earlier file defined, and puts their new names in the alias tries. It
// returns the problems found, each prefixed with the file name.
func (d *Dictionary) addActors(file string, af *ActorFile) []string {
	var errs []string
	errorf := func(format string, args ...any) {
		errs = append(errs, file+": "+fmt.Sprintf(format, args...))
	}
	inFile := map[string]bool{}
	add := func(list []*Entity, t EntityType) {
		for _, e := range list {
			e.Type = t
			if t == Country {
				e.Country = e.Code
				if e.Code == "" {
					errorf("country %q has no code", e.ID)
				}
			}
			if e.ID == "" || e.Name == "" {
				errorf("%s entry %q needs id and name", t, e.ID+e.Name)
				continue
			}
			if inFile[e.ID] {
				errorf("duplicate id %q", e.ID)
				continue
			}
			inFile[e.ID] = true
			old := d.byID[e.ID]
			if old == nil {
				if t == Country && d.byCode[e.Code] == nil {
					d.byCode[e.Code] = e
				}
				d.byID[e.ID] = e
				d.Entities = append(d.Entities, e)
				d.addNames(e, e.Aliases, e.Metonyms, e.Demonyms, true)
				continue
			}
			if old.Type != t {
				errorf("%s %q is a %s in an earlier file", t, e.ID, old.Type)
				continue
			}
			if t == Country && e.Code != old.Code {
				errorf("country %q has code %s, %s in an earlier file", e.ID, e.Code, old.Code)
				continue
			}
			d.merge(old, e)
		}
	}
	add(af.Countries, Country)
	add(af.Persons, Person)
	add(af.Organizations, Organization)
	add(af.Groups, Group)
	return errs
}

// merge adds a later file's entry e to the actor old of the same id.
func (d *Dictionary) merge(old, e *Entity) {
	if old.Country == "" {
		old.Country = e.Country
	}
	if old.Gender == "" {
		old.Gender = e.Gender
	}
	if old.Wikidata == "" {
		old.Wikidata = e.Wikidata
	}
	var aliases, metonyms, demonyms []string
	old.Aliases, aliases = appendNew(old.Aliases, e.Aliases)
	old.Metonyms, metonyms = appendNew(old.Metonyms, e.Metonyms)
	old.Demonyms, demonyms = appendNew(old.Demonyms, e.Demonyms)
	old.Places, _ = appendNew(old.Places, e.Places)
	for _, r := range e.Roles {
		if !slices.Contains(old.Roles, r) {
			old.Roles = append(old.Roles, r)
		}
	}
	d.addNames(old, aliases, metonyms, demonyms, false)
}

// appendNew appends to list the items it lacks, and returns them too.
func appendNew(list, items []string) (all, added []string) {
	for _, s := range items {
		if !slices.Contains(list, s) && !slices.Contains(added, s) {
			added = append(added, s)
		}
	}
	return append(list, added...), added
}

// addNames puts an actor's names in the alias tries: its name (when it is
// new), aliases, metonyms and demonyms.
func (d *Dictionary) addNames(e *Entity, aliases, metonyms, demonyms []string, withName bool) {
	if withName {
		d.addPhrase(e.Name, &phrase{entity: e, kind: byName})
	}
	for _, a := range aliases {
		d.addPhrase(a, &phrase{entity: e, kind: byName})
	}
	for _, m := range metonyms {
		d.addPhrase(m, &phrase{entity: e, kind: byMetonym})
	}
	for _, m := range demonyms {
		d.addPhrase(m, &phrase{entity: e, kind: byDemonym})
		// "Palestinians", "Israelis": the plural noun names the people,
		// an actor on its own (but not "Swisss" or "Chineses").
		if !strings.HasSuffix(m, "s") && !strings.HasSuffix(m, "ese") && !strings.HasSuffix(m, "sh") && !strings.HasSuffix(m, "ch") {
			d.addPhrase(m+"s", &phrase{entity: e, kind: byPeople})
			// and it is a name the text calls the actor by: a label
			if e.Type == Country && !slices.Contains(e.Aliases, m+"s") {
				e.Aliases = append(e.Aliases, m+"s")
			}
		}
	}
}

func (d *Dictionary) addPhrase(alias string, p *phrase) {
	toks := tokenize(alias, 0)
	if len(toks) == 0 {
		return
	}
	p.words = len(toks)
	if alias == strings.ToLower(alias) {
		d.folded.insert(lowerKeys(alias), p)
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	d.exact.insert(keys, p)
}

func lowerKeys(s string) []string {
	toks := tokenize(s, 0)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Lower
	}
	return keys
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// longest walks the trie from toks[i] and returns the longest phrase found.
func (n *trieNode) longest(toks []token, i int, fold bool) *phrase {
	if n.first != nil && i < len(toks) && toks[i].starts(n.first, fold)&n.bit == 0 {
		return nil
	}
	var best *phrase
	for j := i; j < len(toks) && n != nil; j++ {
		k := toks[j].Key
		if fold {
			k = toks[j].Lower
		}
		n = n.next[k]
		if n != nil && n.hit != nil {
			best = n.hit
		}
	}
	return best
}

// readActors reads an actor file. A file that writes one entry per line as
// a JSON object (a YAML flow mapping too), as the generated
// actors_phoenix.yaml does, is decoded with encoding/json: on a file of
// megabytes that is several times faster than yaml.v3, and the dictionary
// is loaded at every start. Any other layout is read by yaml.v3.
func readActors(fsys fs.FS, name string) (*ActorFile, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	if af, ok := jsonLines(b); ok {
		return af, nil
	}
	var af ActorFile
	if err := yaml.Unmarshal(b, &af); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &af, nil
}

// jsonLines decodes an actor file laid out as
//
//	# comments and blank lines
//	persons:
//	  - {"id": "Vladimir_Putin", "name": "Vladimir Putin", "country": "RUS"}
//
// It reports false at the first line of another shape, and for an entry
// that is not a JSON object of actors.yaml's fields, leaving the file to
// yaml.v3, which reads these lines the same way.
func jsonLines(b []byte) (*ActorFile, bool) {
	af := &ActorFile{}
	var list *[]*Entity
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if entry, ok := bytes.CutPrefix(line, []byte("  - {")); ok {
			e, ok := jsonEntity(append([]byte("{"), entry...))
			if !ok || list == nil {
				return nil, false
			}
			*list = append(*list, e)
			continue
		}
		switch string(line) {
		case "countries:":
			list = &af.Countries
		case "persons:":
			list = &af.Persons
		case "organizations:":
			list = &af.Organizations
		case "groups:":
			list = &af.Groups
		default:
			return nil, false
		}
	}
	return af, true
}

// jsonEntity decodes one entry line: a JSON object of the fields an
// actors.yaml entry may have, and nothing after it.
func jsonEntity(obj []byte) (*Entity, bool) {
	var e Entity
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || dec.InputOffset() != int64(len(obj)) {
		return nil, false
	}
	return &e, true
}

func readYAML(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
