package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"kg/internal/extract"
)

// Entity kinds, as the sections of actors.yaml.
const (
	kindCountry      = "country"
	kindPerson       = "person"
	kindOrganization = "organization"
	kindGroup        = "group"
)

// entity is one actor of the generated file.
type entity struct {
	ID, Name string
	Kind     string
	Code     string // countries
	Country  string
	Aliases  []string
	Metonyms []string
	Demonyms []string
	Places   []string // countries: cities, provinces, regions
	Roles    []role
	Business bool            // a company (MNC code)
	hand     *handEntity     // the actors.yaml entry it merges into
	src      string          // file:line of its first record, for warnings
	lands    map[string]bool // every ISO country of its codes
}

// role is a date-bounded office, as in actors.yaml; To is exclusive.
type role struct {
	Role, Country, From, To string
}

// handEntity is an entry of the hand-written actors.yaml, as kg's loader
// reads it (extract.ActorFile declares the file's shape), and its section.
type handEntity struct {
	*extract.Entity
	kind string
}

func (h *handEntity) names() []string {
	return append(append(append([]string{h.Name}, h.Aliases...), h.Metonyms...), h.Demonyms...)
}

// source is one parsed Phoenix file.
type source struct {
	name    string // base name: "Phoenix.Countries.actors.txt"
	records []*record
}

// Which file a record comes from decides what it can be.
const (
	countriesFile     = "Phoenix.Countries.actors.txt"
	internationalFile = "Phoenix.International.actors.txt"
	milNonStateFile   = "Phoenix.MilNonState.actors.txt"
)

// converter turns Phoenix records into kg entities.
type converter struct {
	english    map[string]bool // common English words, upper case
	titles     map[string]bool // title words, upper case
	given      map[string]bool // given names of Phoenix and actors.yaml persons
	hand       []*handEntity
	handByCode map[string]*handEntity
	// handClaims: matchKey of every name, alias, metonym and demonym of
	// actors.yaml → its entry. Hand-written entries always win an alias.
	handClaims map[string]*handEntity
	// handKeys: key() of full names (two words or more) of actors.yaml
	// persons, organizations and groups → entry, to merge by identity.
	handKeys map[string]*handEntity
	// phoenixCountries are the bare country codes of Phoenix.Countries,
	// ISO or not ("KNT" is the fictional Kinakuta of the test suite).
	phoenixCountries map[string]bool
	// parenAcronyms: words Phoenix writes in parentheses after a name.
	parenAcronyms map[string]bool
	// surnames: last words of Phoenix persons' names (two people or more);
	// firstWords: first words of any.
	surnames, firstWords map[string]bool
	// personHeads: key() of every Phoenix person's name, to tell whether an
	// actors.yaml person is listed in Phoenix under their own name.
	personHeads map[string]bool
	// countryWords: one-word names of Phoenix's country records ("GREECE"),
	// which are never acronyms even in parentheses ("DIRECT_ACTION_(GREECE)_").
	countryWords map[string]bool
	warns        []string
}

func newConverter(hand *extract.ActorFile, refs *extract.ReferenceFile, english map[string]bool) *converter {
	c := &converter{
		english:          english,
		titles:           map[string]bool{},
		given:            map[string]bool{},
		handByCode:       map[string]*handEntity{},
		handClaims:       map[string]*handEntity{},
		handKeys:         map[string]*handEntity{},
		phoenixCountries: map[string]bool{},
		parenAcronyms:    map[string]bool{},
		countryWords:     map[string]bool{},
		surnames:         map[string]bool{},
		firstWords:       map[string]bool{},
		personHeads:      map[string]bool{},
	}
	for _, t := range refs.Titles {
		for _, w := range words(strings.ToUpper(strings.ReplaceAll(t.Title, ".", ""))) {
			if !particles[w] {
				c.titles[w] = true
			}
		}
	}
	for _, h := range refs.Honorifics {
		c.titles[strings.ToUpper(strings.TrimSuffix(h, "."))] = true
	}
	for w := range extraTitles {
		c.titles[w] = true
	}
	for kind, list := range map[string][]*extract.Entity{kindCountry: hand.Countries, kindPerson: hand.Persons, kindOrganization: hand.Organizations, kindGroup: hand.Groups} {
		for _, e := range list {
			c.hand = append(c.hand, &handEntity{Entity: e, kind: kind})
		}
	}
	sort.Slice(c.hand, func(i, j int) bool { return c.hand[i].ID < c.hand[j].ID })
	for _, h := range c.hand {
		if h.kind == kindCountry {
			c.handByCode[h.Code] = h
		}
		for _, n := range h.names() {
			if _, ok := c.handClaims[matchKey(n)]; !ok {
				c.handClaims[matchKey(n)] = h
			}
		}
		if h.kind == kindPerson {
			if ws := strings.Fields(h.Name); len(ws) > 1 {
				c.given[strings.ToUpper(ws[0])] = true
			}
		}
		if h.kind != kindCountry {
			for _, n := range append([]string{h.Name}, h.Aliases...) {
				if len(strings.Fields(n)) > 1 || h.kind != kindPerson {
					c.handKeys[h.kind[:1]+key(n)] = h
				}
			}
		}
	}
	return c
}

func (c *converter) warn(r *record, format string, args ...any) {
	c.warns = append(c.warns, fmt.Sprintf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...)))
}

// iso returns the ISO 3166-1 alpha-3 code kg uses for a CAMEO country code,
// including codes withdrawn from ISO that old news needs (SUN Soviet Union,
// DDR East Germany, YUG Yugoslavia, CSK Czechoslovakia).
func iso(code string) (string, bool) {
	if c, ok := isoAliases[code]; ok {
		return c, true
	}
	if code == "CSK" || code == "XKX" {
		return code, true
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() || r.ISO3() != code {
		return "", false
	}
	return code, true
}

// codeParts splits a CAMEO actor code: "RUSGOVMIL" → RUS, [GOV MIL];
// "ELI" → "", [ELI]; "IGOUNOKID" → IGO, [UNO KID].
func codeParts(code string) (prefix string, roles []string) {
	if len(code) < 3 {
		return "", nil
	}
	prefix = code[:3]
	if roleCodes[prefix] && prefix != "IGO" && prefix != "NGO" && prefix != "MNC" && prefix != "IMG" && prefix != "NGM" && prefix != "INT" {
		prefix = ""
	} else {
		code = code[3:]
	}
	for len(code) >= 3 {
		roles = append(roles, code[:3])
		code = code[3:]
	}
	return prefix, roles
}

// convert builds the entities of all sources.
func (c *converter) convert(srcs []source) []*entity {
	var all []*record
	for _, s := range srcs {
		for _, r := range s.records {
			r.file = s.name
			all = append(all, r)
		}
	}
	// Pass 1: country codes, acronyms, given names.
	for _, r := range all {
		if r.file == countriesFile && !isCountryInfo(r) {
			isCountry := false
			for _, cd := range r.codes {
				if len(cd.Code) == 3 && !roleCodes[cd.Code] {
					c.phoenixCountries[cd.Code] = true
					isCountry = true
				}
			}
			for _, n := range r.names {
				if p, ok := cleanPhrase(n); ok && len(p.words) == 1 && isCountry {
					c.countryWords[p.words[0]] = true
				}
			}
		}
	}
	for _, r := range all {
		if r.file == countriesFile {
			continue // there, parentheses hold notes: "CONGO_(BRAZZAVILLE)_"
		}
		for _, n := range r.names {
			if p, ok := cleanPhrase(n); ok && len(p.parens) == 1 {
				if w := p.parens[0]; lettersOnly(w) && len(w) >= 3 && !c.english[w] && !c.countryWords[w] {
					c.parenAcronyms[w] = true
				}
			}
		}
	}
	first, last := map[string]int{}, map[string]int{}
	for _, r := range all {
		p, ok := cleanPhrase(r.names[0])
		if !ok {
			continue
		}
		ws := c.stripTitles(p.words)
		c.personHeads[key(strings.Join(ws, " "))] = true
		if isCountryInfo(r) && len(ws) > 1 {
			first[ws[0]]++
			last[ws[len(ws)-1]]++
			c.firstWords[ws[0]] = true
		}
	}
	for w, n := range first {
		if n >= 2 {
			c.given[w] = true
		}
	}
	for w, n := range last {
		if n >= 2 {
			c.surnames[w] = true
		}
	}
	// Pass 2: countries, one per code.
	countries := c.countries(all)
	var out []*entity
	byCode := map[string]*entity{}
	for _, e := range countries {
		out = append(out, e)
		byCode[e.Code] = e
	}
	// Pass 3: everyone else.
	for _, r := range all {
		if r.used {
			continue
		}
		if e := c.actor(r, byCode); e != nil {
			out = append(out, e)
		}
	}
	out = c.mergeSame(c.mergeInitials(c.mergeSame(out)))
	c.disambiguate(out)
	// Countries and roles must name a country kg knows (Phoenix's
	// persons of Samoa when Samoa itself was dropped, say).
	known := map[string]bool{}
	for _, h := range c.hand {
		if h.kind == kindCountry {
			known[h.Code] = true
		}
	}
	for _, e := range out {
		if e.Kind == kindCountry && e.Name != "" {
			known[e.Code] = true
		}
	}
	var kept []*entity
	for _, e := range out {
		if e.Name == "" {
			continue
		}
		if e.Kind != kindCountry && !known[e.Country] {
			e.Country = ""
		}
		var roles []role
		for _, r := range e.Roles {
			if known[r.Country] {
				roles = append(roles, r)
			}
		}
		e.Roles = roles
		kept = append(kept, e)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	return kept
}

func isCountryInfo(r *record) bool {
	return strings.Contains(strings.ToLower(r.comment), "countryinfo")
}

// title writes words as a name, keeping in capitals the acronyms acr and
// those Phoenix writes in parentheses.
func (c *converter) title(ws []string, acr map[string]bool) string {
	return caser{acronym: func(w string) bool { return acr[w] || c.parenAcronyms[w] }}.title(ws)
}

// personName writes a person's name: no acronyms, only initials ("H. R.").
func personName(ws []string) string { return caser{}.title(ws) }

// acronymsOf returns the words of p to keep in capitals: those that
// abbreviate another name of the same actor ("UAE" beside "UNITED ARAB
// EMIRATES"), that Phoenix writes in parentheses somewhere ("IRA"), that
// cannot be read as words (no vowel: "KRG", "NLD"), and well-known ones.
// For an organization's one-word name, also a short word that is no
// English word ("IAEA", "FARC", "DGSE") or a UN agency's ("UNICEF").
func (c *converter) acronymsOf(p phrase, all []phrase, org bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range append(append([]string{}, p.words...), p.parens...) {
		if !lettersOnly(w) || len([]rune(w)) < 2 || notAcronyms[w] || particles[w] || joiners[w] {
			continue
		}
		if c.parenAcronyms[w] || !hasVowel(w) || knownAcronyms[w] {
			out[w] = true
			continue
		}
		if org && len(p.words) == 1 && !c.english[w] && (len(w) <= 4 || strings.HasPrefix(w, "UN") || badOnset(w)) {
			out[w] = true
			continue
		}
		for _, q := range all {
			if len(q.words) > 1 && abbreviates(w, initials(q.words)) && len(w) >= len(q.words)-2 {
				out[w] = true
				break
			}
		}
	}
	return out
}

// badOnset: a word starting with two consonants no English word starts
// with ("DGSE", "NKVD") is read letter by letter.
func badOnset(w string) bool {
	if len(w) < 2 || hasVowel(w[:1]) || hasVowel(w[1:2]) {
		return false
	}
	switch w[:2] {
	case "BL", "BR", "CH", "CL", "CR", "DR", "DW", "FL", "FR", "GH", "GL", "GN", "GR", "KH", "KL", "KN", "KR",
		"PH", "PL", "PR", "PS", "QU", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "SQ", "ST", "SW", "TH", "TR",
		"TS", "TW", "WH", "WR", "ZH":
		return false
	}
	return true
}

// stripTitles drops a leading title and whatever precedes it:
// [RUSSIAN PRESIDENT BORIS YELTSIN] → [BORIS YELTSIN]. The last word is
// never a title ("MARTIN_LUTHER_KING").
func (c *converter) stripTitles(ws []string) []string {
	last := -1
	for i, w := range ws[:max(len(ws)-1, 0)] {
		if c.isTitle(w) {
			last = i
		}
	}
	return ws[last+1:]
}

func (c *converter) isTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if c.titles[w] {
		return true
	}
	for _, p := range strings.Split(w, "-") {
		if c.titles[p] {
			return true
		}
	}
	return false
}

// hasTitle reports whether a title precedes a name in ws.
func (c *converter) hasTitle(ws []string) bool {
	return len(c.stripTitles(ws)) < len(ws)
}

// actor converts a record that is not a country: a person, an organization,
// a group, or a state institution (a metonym of its country).
func (c *converter) actor(r *record, byCode map[string]*entity) *entity {
	head, ok := cleanPhrase(r.names[0])
	if !ok {
		c.warn(r, "%q: not a name", r.names[0])
		return nil
	}
	// Country and roles from the codes. Open-ended codes (still valid when
	// the file was written) say what the actor is now.
	var country string
	roleSet := map[string]bool{}
	lands := map[string]bool{}
	nonISO := false
	prefixes := map[string]bool{}
	for _, cd := range r.codes {
		prefix, roles := codeParts(cd.Code)
		prefixes[prefix] = true
		for _, ro := range roles {
			roleSet[ro] = true
		}
		if prefix == "" || prefix == "IGO" || prefix == "NGO" || prefix == "MNC" || prefix == "IMG" || prefix == "NGM" || prefix == "INT" {
			// "NGOPAKEDU", "MNCUSA": the country follows the sector. After
			// IGO and IMG comes a region or a religion ("IMGMUSALQ": MUS is
			// Muslim there, not Mauritius).
			if len(roles) > 0 && (prefix == "NGO" || prefix == "MNC") && !religions[roles[0]] {
				if code, ok := iso(roles[0]); ok && country == "" {
					country = code
				}
			}
			continue
		}
		if code, ok := iso(prefix); ok {
			lands[code] = true
			if country == "" || roles != nil && roles[0] == "GOV" {
				country = code
			}
		} else if c.phoenixCountries[prefix] {
			nonISO = true
		}
	}
	if country == "" && nonISO {
		c.warn(r, "%s: only non-ISO country codes, skipped", r.names[0])
		return nil
	}
	// Territories of a country have their own code after it ("USAASM"
	// American Samoa, "GBRVGB" British Virgin Islands, "BIHSRP" Republika
	// Srpska): places, not actors.
	for _, cd := range r.codes {
		if prefix, roles := codeParts(cd.Code); !isCountryInfo(r) && r.file == countriesFile && prefix != "" && len(roles) > 0 && !roleCodes[roles[0]] {
			c.warn(r, "%s: a territory (%s), skipped", r.names[0], cd.Code)
			return nil
		}
	}
	kind := c.kindOf(r, head, roleSet, prefixes)
	var e *entity
	switch kind {
	case kindPerson:
		e = c.person(r, country)
	case "metonym":
		if ce := byCode[country]; ce != nil {
			c.addMetonyms(ce, r)
		}
		return nil
	case "":
		return nil
	default:
		e = c.organization(r, kind, country)
		if e != nil && prefixes["MNC"] {
			e.Business = true
		}
	}
	if e != nil {
		e.lands = lands
	}
	return e
}

// kindOf decides what a record is.
func (c *converter) kindOf(r *record, head phrase, roles, prefixes map[string]bool) string {
	if r.file == countriesFile && isCountryInfo(r) || strings.Contains(r.comment, "IGOrulers") {
		return kindPerson
	}
	if prefixes["MNC"] {
		return kindOrganization // companies are often named after people
	}
	if c.looksLikePerson(r, head, roles) {
		return kindPerson
	}
	if hasOffice(head.words) {
		return "" // a post ("UN_SECRETARY_GENERAL"), not an organization
	}
	armed := prefixes["IMG"] || r.file == milNonStateFile
	state := false
	nonState := false
	for ro := range roles {
		switch {
		case armedRoles[ro]:
			armed = true
		case stateRoles[ro]:
			state = true
		case ro != "ELI":
			nonState = true
		}
	}
	switch {
	case armed:
		return kindGroup
	case state && !nonState && r.file == countriesFile:
		return "metonym"
	}
	return kindOrganization
}

func dated(r *record) bool {
	for _, cd := range r.codes {
		if cd.dated() {
			return true
		}
	}
	return false
}
