package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
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
	Roles    []role
	hand     *handEntity // the actors.yaml entry it merges into
	src      string      // file:line of its first record, for warnings
}

// role is a date-bounded office, as in actors.yaml; To is exclusive.
type role struct {
	Role, Country, From, To string
}

// handEntity is an entry of the hand-written actors.yaml.
type handEntity struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Code     string   `yaml:"code"`
	Country  string   `yaml:"country"`
	Aliases  []string `yaml:"aliases"`
	Metonyms []string `yaml:"metonyms"`
	Demonyms []string `yaml:"demonyms"`
	kind     string
}

func (h *handEntity) names() []string {
	return append(append(append([]string{h.Name}, h.Aliases...), h.Metonyms...), h.Demonyms...)
}

type handFile struct {
	Countries     []*handEntity `yaml:"countries"`
	Persons       []*handEntity `yaml:"persons"`
	Organizations []*handEntity `yaml:"organizations"`
	Groups        []*handEntity `yaml:"groups"`
}

type refFile struct {
	Titles     []struct{ Title string } `yaml:"titles"`
	Honorifics []string                 `yaml:"honorifics"`
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

// roleCodes are the CAMEO role codes that may follow a country code (or
// stand alone, "[ELI]"); a bare three-letter code not among them is a country.
var roleCodes = set("GOV", "MIL", "REB", "OPP", "PTY", "INS", "UAF", "SEP", "CVL", "BUS", "MED", "EDU", "LAB",
	"LEG", "JUD", "COP", "SPY", "REL", "NGO", "IGO", "MNC", "IMG", "NGM", "HRI", "REF", "AGR", "ENV", "HLH",
	"DEV", "CRM", "ELI", "MOD", "RAD", "OCC", "AUT", "UNR", "INT", "MUS", "CHR", "JEW", "BUD", "HIN")

// State institutions: a country code followed by one of these (and no
// non-state role) is the state itself, a metonym of the country, as
// actors.yaml writes "Pentagon" and "State Department" for the United States.
var stateRoles = set("GOV", "MIL", "COP", "SPY", "LEG", "JUD")

// Armed non-state roles make a group (rebels, insurgents, separatists,
// unaligned armed forces); the other non-state roles an organization.
var armedRoles = set("REB", "INS", "UAF", "SEP")

// isoAliases maps Phoenix's non-ISO country codes to the codes kg uses.
var isoAliases = map[string]string{"KSV": "XKX"} // Kosovo: World Bank code → actors.yaml's

// pronouns never appear in an alias: "US_" would match "us" ("The Russians
// attacked us!", as the Phoenix file itself warns).
var pronouns = set("I", "ME", "MY", "WE", "US", "OUR", "YOU", "YOUR", "HE", "HIM", "HIS", "SHE", "HER", "IT", "ITS", "THEY", "THEM", "THEIR")

// extraTitles are titles and office words not in references.yaml that
// Phoenix writes before names ("MULLAH_MOHAMMAD_OMAR", "FORMER_PRESIDENT_X").
var extraTitles = set("MULLAH", "MAULANA", "MAWLAWI", "IMAM", "GRAND", "LORD", "LADY", "BARON", "DUKE", "EMPEROR",
	"PRINCESS", "SHEIK", "CAPTAIN", "CAPT", "MAJOR", "LIEUTENANT", "LT", "SGT", "SERGEANT", "MARSHAL", "FIELD",
	"JUSTICE", "JUDGE", "PROFESSOR", "PROF", "REV", "REVEREND", "BISHOP", "ARCHBISHOP", "CARDINAL", "PATRIARCH",
	"RABBI", "ACTING", "FORMER", "DEPUTY", "ASSISTANT", "PRESIDENT-ELECT", "SECRETARY-GENERAL", "SECY", "SEC",
	"GEN", "COL", "MINISTERS", "PRIME", "GOVENOR", "OPPOSITION", "REFORMER", "DICTATOR", "STRONGMAN", "HEAD",
	"OFFICIAL", "SPOKESPERSON", "CHAIRPERSON", "COMMISSIONER", "CONGRESSMAN", "CONGRESSWOMAN", "PREMIER",
	"DIRECTOR-GENERAL", "MP", "MR", "MRS", "MS", "DR", "SIR", "MADAM", "HRH", "CLERIC", "RULER")

// strongTitles name offices: a headword holding one ("UN_SECRETARY_GENERAL")
// is a post, not an organization.
var strongTitles = set("PRESIDENT", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "SPOKESMAN", "SPOKESWOMAN",
	"SPOKESPERSON", "AMBASSADOR", "ENVOY", "CHAIRMAN", "CHAIRWOMAN", "KING", "QUEEN", "PRINCE", "SHEIKH",
	"AYATOLLAH", "POPE", "SENATOR", "GOVERNOR", "PREMIER", "CHANCELLOR", "CHIEF", "LEADER", "HEAD", "OFFICIAL",
	"OFFICIALS", "COMMANDER", "DIRECTOR", "DIRECTOR-GENERAL")

// orgWords mark an organization's name: a person's alias holding one
// ("ASSAD_REGIME_", "SYRIA'S_GOVERNMENT") is not the person.
var orgWords = set("ARMY", "ARMED", "FORCES", "FORCE", "FRONT", "MOVEMENT", "PARTY", "COUNCIL", "COMMITTEE",
	"GOVERNMENT", "GOVERNMENTS", "MINISTRY", "DEPARTMENT", "AGENCY", "ORGANIZATION", "ORGANISATION", "ASSOCIATION",
	"UNION", "LEAGUE", "BRIGADE", "BRIGADES", "BATTALION", "BATTALIONS", "GROUP", "GROUPS", "CELLS", "CELL",
	"NUCLEI", "NUCLEUS", "COALITION", "ALLIANCE", "ASSEMBLY", "PARLIAMENT", "CONGRESS", "SENATE", "COURT", "BANK",
	"FUND", "INSTITUTE", "FOUNDATION", "SOCIETY", "CENTER", "CENTRE", "COMMISSION", "OFFICE", "BUREAU", "SERVICE",
	"SERVICES", "POLICE", "GUARD", "GUARDS", "NAVY", "CORPS", "REGIME", "ADMINISTRATION", "AUTHORITY", "NETWORK",
	"COMPANY", "CORPORATION", "CORP", "INC", "LTD", "CO", "FEDERATION", "TRIBUNAL", "PROGRAM", "PROGRAMME",
	"CAMPAIGN", "PROJECT", "WATCH", "REPUBLIC", "STATE", "KINGDOM", "MILITIA", "MILITIAS", "REBELS", "INSURGENTS",
	"TEAM", "CHURCH", "MISSION", "MEMORIAL", "UNIVERSITY", "COLLEGE", "SCHOOL", "HOSPITAL", "TRUST", "CABINET",
	"CONFERENCE", "BOARD", "COMMAND", "FORUM", "INITIATIVE", "COMMUNITY", "INTERNATIONAL", "NATIONAL", "MEDIA",
	"NEWS", "RADIO", "TELEVISION", "TIMES", "PRESS", "SECURITY", "INTELLIGENCE", "JIHAD", "JAISH", "JAYSH",
	"KATIBAT", "LIWA", "LIWAA", "HARAKAT", "JABHAT", "TANZEEM", "HIZB", "FACTION", "FIGHTERS", "MUJAHIDEEN",
	"MUJAHIDIN", "SUPPORTERS", "MEMBERS", "DELEGATION", "EMBASSY", "CONSULATE", "TROOPS", "SOLDIERS", "LOYALISTS",
	"OBSERVATORY", "DECLARATION", "COLLECTIVE", "PEOPLE", "PEOPLES", "PEOPLE'S", "WORKERS", "COUNTRY", "NATION")

// genericOrgWords do not tell one organization from another: an alias of an
// organization must share some other word with its name, or abbreviate it.
var genericOrgWords = set("THE", "OF", "AND", "FOR", "ON", "IN", "AT", "TO", "A", "AL", "EL", "DE", "DU", "DES", "LA", "LE", "WAL",
	"INTERNATIONAL", "NATIONAL", "FEDERAL", "CENTRAL", "GENERAL", "UNITED", "WORLD", "GLOBAL", "ISLAMIC", "ISLAMI",
	"DEMOCRATIC", "POPULAR", "REVOLUTIONARY", "LIBERATION", "PEOPLE'S", "PEOPLES", "PEOPLE", "NEW", "FREE", "ARMED",
	"SUPREME", "HIGH", "STATE", "REPUBLIC", "COUNCIL", "COMMITTEE", "ORGANIZATION", "ORGANISATION", "ASSOCIATION",
	"MOVEMENT", "FRONT", "ARMY", "PARTY", "UNION", "GROUP", "AGENCY", "OFFICE", "BUREAU", "DEPARTMENT", "MINISTRY",
	"SERVICE", "SERVICES", "FORCES", "FORCE", "BRIGADE", "BRIGADES", "COMMISSION", "INSTITUTE", "FOUNDATION", "FUND",
	"BANK", "COMPANY", "CORPORATION", "CORP", "INC", "LTD", "CO", "HOLDINGS", "SECURITY", "INTELLIGENCE", "DEFENSE",
	"DEFENCE", "AFFAIRS", "DEVELOPMENT", "COOPERATION", "HUMAN", "RIGHTS", "NORTH", "SOUTH", "EAST", "WEST",
	"NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRE", "CENTER", "AMERICAN", "EUROPEAN", "AFRICAN", "ASIAN",
	"ARAB", "ISLAM", "MUSLIM", "JIHAD", "JAISH", "JAYSH", "HARAKAT", "JABHAT", "KATIBAT", "LIWA", "LIWAA", "HIZB",
	"ANSAR", "MUJAHIDEEN", "MUJAHIDIN", "MARTYRS", "REVENGE", "BATTALION", "BATTALIONS", "CELLS", "NUCLEI")

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
	// countryWords: one-word names of Phoenix.Countries records ("GREECE"),
	// which are never acronyms even in parentheses ("DIRECT_ACTION_(GREECE)_").
	countryWords map[string]bool
	warns        []string
}

func newConverter(hand *handFile, refs *refFile, english map[string]bool) *converter {
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
	for kind, list := range map[string][]*handEntity{kindCountry: hand.Countries, kindPerson: hand.Persons, kindOrganization: hand.Organizations, kindGroup: hand.Groups} {
		for _, h := range list {
			h.kind = kind
			c.hand = append(c.hand, h)
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
		prefix, code = "", code
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
			for _, cd := range r.codes {
				if len(cd.Code) == 3 && !roleCodes[cd.Code] {
					c.phoenixCountries[cd.Code] = true
				}
			}
			for _, n := range r.names {
				if p, ok := cleanPhrase(n); ok && len(p.words) == 1 {
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
	first := map[string]int{}
	for _, r := range all {
		if !isCountryInfo(r) {
			continue
		}
		if p, ok := cleanPhrase(r.names[0]); ok {
			if ws := c.stripTitles(p.words); len(ws) > 1 {
				first[ws[0]]++
			}
		}
	}
	for w, n := range first {
		if n >= 2 {
			c.given[w] = true
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
	out = c.mergeSame(out)
	c.disambiguate(out)
	var kept []*entity
	for _, e := range out {
		if e.Name != "" {
			kept = append(kept, e)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	return kept
}

func isCountryInfo(r *record) bool { return strings.Contains(strings.ToLower(r.comment), "countryinfo") }

// countries picks, for each country code, the record that names the
// country today: a bare [CODE] with no end date ("IRAQ_ ... [IRQ >20060520]"),
// rather than historical or sub-national records carrying the same code
// ("RUSSIAN_SFSR [RUS 19911226-19931212]", "IRAQI_KURDISTAN [IRQ]",
// "MAYOTTE_ [FRA]"), which are skipped. A later record whose headword
// contains the chosen one ("FEDERATION_OF_SAINT_KITTS_AND_NEVIS_") or
// repeats it (the two "CROATIA_" records) is merged into it.
func (c *converter) countries(all []*record) []*entity {
	type cand struct {
		r    *record
		open bool
	}
	cands := map[string][]cand{}
	for _, r := range all {
		if r.file != countriesFile || isCountryInfo(r) {
			continue
		}
		best, open := "", false
		for _, cd := range r.codes {
			code, ok := iso(cd.Code)
			if !ok {
				continue
			}
			if cd.To == "" && (!open || best == "") {
				best, open = code, true
			} else if best == "" {
				best = code
			}
		}
		if best != "" {
			cands[best] = append(cands[best], cand{r, open})
		}
	}
	codes := make([]string, 0, len(cands))
	for code := range cands {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var out []*entity
	for _, code := range codes {
		list := cands[code]
		chosen := list[0]
		for _, cd := range list {
			if cd.open && !chosen.open {
				chosen = cd
			}
		}
		head, _ := cleanPhrase(chosen.r.names[0])
		group := []*record{chosen.r}
		chosen.r.used = true
		for _, cd := range list {
			if cd.r == chosen.r {
				continue
			}
			cd.r.used = true // another record of the same code: merged or skipped
			p, _ := cleanPhrase(cd.r.names[0])
			if containsWords(p.words, head.words) {
				group = append(group, cd.r)
			} else {
				c.warn(cd.r, "%s: skipped, %s is %s", cd.r.names[0], code, chosen.r.names[0])
			}
		}
		if e := c.country(code, group); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// containsWords reports whether ws holds sub as consecutive words.
func containsWords(ws, sub []string) bool {
	for i := 0; i+len(sub) <= len(ws); i++ {
		if strings.Join(ws[i:i+len(sub)], " ") == strings.Join(sub, " ") {
			return true
		}
	}
	return false
}

// country converts the records of one country.
//
// Phoenix lists under a country its name in many spellings and languages,
// its demonyms, and then its cities, provinces, rivers and nicknames
// ("VLADIMIR_", "MOLOTOV_" and "KAZAN_" for Russia, "WASHINGTON_" and
// "PHOENIX_" for the United States). Only names that are spellings of the
// country's name (or contain it) are kept as aliases: a city named in the
// news is where something happened, rarely the state acting. Demonyms
// ("AFGHAN_", "IRAQI_") become demonyms, which kg uses only before an agent
// noun ("Iraqi forces").
func (c *converter) country(code string, recs []*record) *entity {
	e := &entity{Kind: kindCountry, Code: code, src: fmt.Sprintf("%s:%d", recs[0].file, recs[0].line)}
	var phrases []phrase
	for _, r := range recs {
		for _, n := range r.names {
			if p, ok := cleanPhrase(n); ok {
				phrases = append(phrases, p)
			}
		}
	}
	// The country's own names, against which the others are judged.
	cores := [][]string{phrases[0].words}
	if h := c.handByCode[code]; h != nil {
		e.hand = h
		e.ID, e.Name = h.ID, h.Name
		for _, n := range append([]string{h.Name}, h.Aliases...) {
			cores = append(cores, words(strings.ToUpper(n)))
		}
	} else {
		e.Name = c.countryName(code, phrases)
		e.ID = strings.ReplaceAll(e.Name, " ", "_")
		cores = append(cores, words(strings.ToUpper(e.Name)))
	}
	for _, p := range phrases {
		switch c.countryForm(p.words, cores) {
		case "name":
			e.Aliases = append(e.Aliases, c.title(p.words, c.acronymsOf(p, phrases)))
		case "demonym":
			e.Demonyms = append(e.Demonyms, c.title(p.words, nil))
		}
	}
	return e
}

// countryName is the English name of a country not in actors.yaml: CLDR's
// (Unicode's) name when Phoenix spells it that way too ("MADAGASKAR_" is
// the headword, "MADAGASCAR_" an alias), else the title-cased headword.
func (c *converter) countryName(code string, phrases []phrase) string {
	if r, err := language.ParseRegion(code); err == nil {
		cldr := display.English.Regions().Name(r)
		for _, p := range phrases {
			if key(strings.Join(p.words, " ")) == key(cldr) {
				return cldr
			}
		}
	}
	return c.title(phrases[0].words, c.acronymsOf(phrases[0], phrases))
}

// title writes words as a name, keeping in capitals the acronyms acr and
// those Phoenix writes in parentheses.
func (c *converter) title(ws []string, acr map[string]bool) string {
	return caser{acronym: func(w string) bool { return acr[w] || c.parenAcronyms[w] }}.title(ws)
}

// personName writes a person's name: no acronyms, only initials ("H. R.").
func personName(ws []string) string { return caser{}.title(ws) }

// countryForm says whether ws names the country ("name"), is its demonym
// ("demonym"), or is something else (""): a city, a province, a nickname.
func (c *converter) countryForm(ws []string, cores [][]string) string {
	joined := strings.Join(ws, "")
	for _, core := range cores {
		cj := strings.Join(core, "")
		// A spelling of the name: "AFGANISTAN_", "UNITED_SATES_", "BANGLA_DESH_".
		if editDistance(joined, cj) <= max(1, len(cj)/6) {
			return "name"
		}
	}
	for _, core := range cores {
		// A longer name holding the whole name: "ISLAMIC_REPUBLIC_OF_AFGHANISTAN",
		// "REPUBLIC_OF_SOUTH_SUDAN"; not "NEW_MEXICO" (a US state) — a name
		// only adds words before the country's name when they are forms of
		// government ("REPUBLIC OF ...").
		if len(ws) > len(core) && containsWords(ws, core) {
			ok := true
			for _, w := range ws {
				if !containsWords(core, []string{w}) && !governmentForms[w] {
					ok = false
				}
			}
			if ok {
				return "name"
			}
		}
	}
	// A demonym: the name's stem and an ending, in the same number of words
	// ("SOUTH_SUDANESE", "IRAQI", "AFGHAN" but not "AFGHANISTANI_TALIBAN").
	for _, core := range cores {
		if len(ws) != len(core) || len(core) == 0 {
			continue
		}
		n := len(ws) - 1
		if strings.Join(ws[:n], " ") != strings.Join(core[:n], " ") {
			continue
		}
		w, cw := ws[n], core[n]
		if w != cw && commonPrefix(w, cw) >= min(4, len(cw)) && demonymEnding(w) {
			return "demonym"
		}
	}
	return ""
}

// governmentForms may precede or follow a country's name in its official
// names: "ISLAMIC REPUBLIC OF", "KINGDOM OF", "FEDERAL DEMOCRATIC REPUBLIC".
var governmentForms = set("REPUBLIC", "ISLAMIC", "KINGDOM", "FEDERAL", "FEDERATION", "DEMOCRATIC", "PEOPLE'S",
	"PEOPLES", "SOCIALIST", "ARAB", "UNITED", "STATE", "STATES", "OF", "THE", "AND", "UNION", "COMMONWEALTH",
	"PRINCIPALITY", "GRAND", "DUCHY", "SULTANATE", "EMIRATE", "CONFEDERATION", "POPULAR", "COOPERATIVE")

func demonymEnding(w string) bool {
	for _, end := range []string{"AN", "IAN", "EAN", "ESE", "I", "ISH", "IC", "ER", "OT", "AR"} {
		if strings.HasSuffix(w, end) && !strings.HasSuffix(w, "STAN") && !strings.HasSuffix(w, "LAND") {
			return true
		}
	}
	return false
}

// acronymsOf returns the words of p to keep in capitals: those that
// abbreviate another name of the same actor ("UAE" beside "UNITED ARAB
// EMIRATES", "NATO"), that Phoenix writes in parentheses somewhere ("IRA"),
// or that cannot be read as words (no vowel: "KRG", "NLD").
func (c *converter) acronymsOf(p phrase, all []phrase) map[string]bool {
	out := map[string]bool{}
	for _, w := range append(append([]string{}, p.words...), p.parens...) {
		if !lettersOnly(w) || len([]rune(w)) < 2 {
			continue
		}
		if c.parenAcronyms[w] || !hasVowel(w) {
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
	nonISO := false
	prefixes := map[string]bool{}
	for _, cd := range r.codes {
		prefix, roles := codeParts(cd.Code)
		prefixes[prefix] = true
		for _, ro := range roles {
			roleSet[ro] = true
		}
		if prefix == "" || prefix == "IGO" || prefix == "NGO" || prefix == "MNC" || prefix == "IMG" || prefix == "NGM" || prefix == "INT" {
			// "NGOPAKEDU", "MNCUSA": the country follows the sector.
			if len(roles) > 0 {
				if code, ok := iso(roles[0]); ok && country == "" {
					country = code
				}
			}
			continue
		}
		if code, ok := iso(prefix); ok {
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
	kind := c.kindOf(r, head, roleSet, prefixes)
	switch kind {
	case kindPerson:
		return c.person(r, country)
	case "metonym":
		if ce := byCode[country]; ce != nil {
			c.addMetonyms(ce, r)
		}
		return nil
	case "":
		return nil
	}
	return c.organization(r, kind, country)
}

// kindOf decides what a record is.
func (c *converter) kindOf(r *record, head phrase, roles, prefixes map[string]bool) string {
	if r.file == countriesFile && isCountryInfo(r) || strings.Contains(r.comment, "IGOrulers") {
		return kindPerson
	}
	if prefixes["MNC"] {
		return kindOrganization // companies are often named after people
	}
	if c.personShaped(head.words) && (c.given[c.stripTitles(head.words)[0]] || roles["ELI"] || dated(r)) {
		return kindPerson
	}
	for _, w := range head.words {
		if strongTitles[w] {
			return "" // a post ("UN_SECRETARY_GENERAL"), not an organization
		}
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

// personShaped: two to five words once titles are gone, none of them an
// organization's ("AFGHAN_NATIONAL_ARMY", "PUSSY_RIOT" is two words but its
// first is no given name, which the caller checks).
func (c *converter) personShaped(ws []string) bool {
	ws = c.stripTitles(ws)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if orgWords[w] || c.phoenixCountries[w] || c.countryWords[w] || joiners[w] {
			return false
		}
	}
	return true
}

// joiners do not occur in personal names: "SEEDS_OF_PEACE", "AT_AND_T".
var joiners = set("OF", "AND", "FOR", "THE", "ON", "IN", "AT", "TO", "&")

// person converts a person: name, aliases, country, government roles.
//
// Aliases holding a title ("PRESIDENT_PUTIN_") are dropped: kg's title
// recognizer finds "President Putin" from the name. So are aliases that are
// not forms of the person's name: Phoenix sometimes lists a person's party,
// regime or family under them ("ASSAD_REGIME_", "SYRIA'S_GOVERNMENT").
func (c *converter) person(r *record, country string) *entity {
	var names [][]string
	for _, n := range r.names {
		p, ok := cleanPhrase(n)
		if !ok {
			continue
		}
		ws := p.words
		if len(names) == 0 {
			ws = c.stripTitles(ws) // the headword: "RUSSIAN_PRESIDENT_YELTSIN" → "YELTSIN"
		} else if c.hasTitle(ws) {
			continue
		}
		names = append(names, ws)
	}
	// The name: the first of them with two words or more, unless another
	// actors.yaml entry owns it ("GEORGE_BUSH_" is George H. W. Bush; in
	// actors.yaml "George Bush" is his son).
	var name []string
	for _, ws := range names {
		if len(ws) < 2 || c.orgish(ws) {
			continue
		}
		disp := personName(ws)
		if h := c.handKeys["p"+key(disp)]; h != nil {
			name = ws
			break
		}
		if h := c.handClaims[matchKey(disp)]; h != nil {
			continue
		}
		name = ws
		break
	}
	if name == nil {
		// A mononym ("SUHARTO_", "KHODAIDAD_"), unless it is a common word.
		if len(names) > 0 && len(names[0]) == 1 && !c.english[names[0][0]] && len(names[0][0]) >= 4 {
			name = names[0]
		} else {
			c.warn(r, "%s: no usable name", r.names[0])
			return nil
		}
	}
	e := &entity{Kind: kindPerson, Name: personName(name), Country: country, src: fmt.Sprintf("%s:%d", r.file, r.line)}
	if h := c.handKeys["p"+key(e.Name)]; h != nil {
		e.hand = h
		e.Name = h.Name
	}
	e.ID = strings.ReplaceAll(e.Name, " ", "_")
	if e.hand != nil {
		e.ID = e.hand.ID
	}
	for _, ws := range names {
		if c.orgish(ws) || !sharesName(ws, name) {
			continue
		}
		if len(ws) == 1 && !c.surnameOK(ws[0]) {
			continue
		}
		e.Aliases = append(e.Aliases, personName(ws))
	}
	e.Roles = governmentRoles(r.codes)
	return e
}

// orgish: the words name an organization or office, not a person.
func (c *converter) orgish(ws []string) bool {
	for _, w := range ws {
		if orgWords[w] || strings.HasSuffix(w, "'S") {
			return true
		}
	}
	return false
}

// sharesName: an alias of a person shares a word of three letters or more
// with the name, exactly or but for one letter ("MORSY" for "MORSI").
func sharesName(ws, name []string) bool {
	for _, w := range ws {
		for _, n := range name {
			if len(w) < 3 || len(n) < 3 || particles[w] || w == "ABU" || w == "ABDUL" || w == "ABDEL" {
				continue
			}
			if w == n || len(w) >= 5 && len(n) >= 5 && editDistance(w, n) <= 1 {
				return true
			}
		}
	}
	return false
}

// surnameOK: a surname alone may name a person when it is not an English
// word ("BUSH", "RICE"), not a given name ("ABDULLAH"), and long enough to
// be distinctive ("LEE", "KIM" are not). Surnames shared by several people
// are dropped later, with every other ambiguous alias.
func (c *converter) surnameOK(w string) bool {
	return len([]rune(w)) >= 4 && !c.english[w] && !c.given[w] && lettersOnlyOrHyphen(w)
}

func lettersOnlyOrHyphen(w string) bool { return lettersOnly(strings.ReplaceAll(w, "-", "")) }

// governmentRoles turns XXXGOV codes (with any sector: XXXGOVAGR) into
// date-bounded "government" roles: membership of a government. kg's
// leader references ("the Russian leader") look for head of state or
// government roles, so these never answer them. TABARI bounds are
// inclusive; kg's "to" is exclusive, hence the day added. An undated
// GOV code is TABARI's default; it says nothing about when, and is kept
// only when the person has no dated GOV code for that country.
func governmentRoles(codes []code) []role {
	byCountry := map[string][]role{}
	undated := map[string]bool{}
	for _, cd := range codes {
		prefix, roles := codeParts(cd.Code)
		country, ok := iso(prefix)
		if !ok || len(roles) == 0 || roles[0] != "GOV" {
			continue
		}
		if !cd.dated() {
			undated[country] = true
			continue
		}
		byCountry[country] = append(byCountry[country], role{Role: "government", Country: country, From: cd.From, To: nextDay(cd.To)})
	}
	for country := range undated {
		if len(byCountry[country]) == 0 {
			byCountry[country] = []role{{Role: "government", Country: country}}
		}
	}
	var out []role
	for _, rs := range byCountry {
		out = append(out, mergeRoles(rs)...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Country != out[j].Country {
			return out[i].Country < out[j].Country
		}
		return out[i].From < out[j].From
	})
	return out
}

// mergeRoles joins overlapping or touching periods of one role:
// Putin's [RUSGOV 991231-080507] and [RUSGOV >080508] are one.
func mergeRoles(rs []role) []role {
	sort.Slice(rs, func(i, j int) bool { return rs[i].From < rs[j].From })
	var out []role
	for _, r := range rs {
		if n := len(out); n > 0 && (out[n-1].To == "" || r.From <= out[n-1].To) {
			if out[n-1].To != "" && (r.To == "" || r.To > out[n-1].To) {
				out[n-1].To = r.To
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// organization converts an organization or group: its name and the
// aliases that are forms of it. Phoenix lumps actors by code, not identity
// ("FEDERAL_BUREAU_OF_INVESTIGATION_" lists "DRUG_ENFORCEMENT_AGENCY_" —
// "I know, they're different, but they're all USACOP"), so an alias must
// share a distinctive word with the name or abbreviate it.
func (c *converter) organization(r *record, kind, country string) *entity {
	var phrases []phrase
	for _, n := range r.names {
		if p, ok := cleanPhrase(n); ok {
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 {
		return nil
	}
	head := phrases[0]
	headAcr := c.acronymsOf(head, phrases)
	if c.hasTitle(head.words) || !c.distinctive(head.words, headAcr, kind, r) {
		c.warn(r, "%s: generic name, skipped", r.names[0])
		return nil
	}
	e := &entity{Kind: kind, Name: c.title(head.words, headAcr), Country: country, src: fmt.Sprintf("%s:%d", r.file, r.line)}
	if h := c.handKeys[kind[:1]+key(e.Name)]; h != nil {
		e.hand = h
	} else if h := c.handKeys[other(kind)[:1]+key(e.Name)]; h != nil {
		e.hand = h // an organization here, a group in actors.yaml: same actor
	}
	if e.hand != nil {
		e.ID, e.Name, e.Kind = e.hand.ID, e.hand.Name, e.hand.kind
	} else {
		e.ID = strings.ReplaceAll(e.Name, " ", "_")
	}
	for _, p := range phrases {
		acr := c.acronymsOf(p, phrases)
		if c.hasTitle(p.words) || c.personShaped(p.words) && c.given[p.words[0]] || !c.distinctive(p.words, acr, kind, r) {
			continue // "KHALED_MESHAAL" under HAMAS_ is a person
		}
		if sameOrg(p.words, head.words) {
			e.Aliases = append(e.Aliases, c.title(p.words, acr))
		}
		// Parenthesised acronyms of the name: "IRISH_REPUBLICAN_ARMY_(IRA)_".
		for _, w := range p.parens {
			if c.parenAcronyms[w] && len(p.parens) == 1 && sameOrg(p.words, head.words) {
				e.Aliases = append(e.Aliases, w)
			}
		}
	}
	return e
}

func other(kind string) string {
	if kind == kindGroup {
		return kindOrganization
	}
	return kindGroup
}

// sameOrg: alias words ws name the organization named head — they share a
// distinctive word, or one abbreviates the other.
func sameOrg(ws, head []string) bool {
	if len(ws) == 1 && abbreviates(ws[0], initials(head)) && len(ws[0]) >= min(len(head), 3)-1 {
		return true
	}
	if len(head) == 1 && abbreviates(head[0], initials(ws)) {
		return true
	}
	for _, w := range ws {
		if genericOrgWords[w] || len(w) < 3 {
			continue
		}
		for _, h := range head {
			if w == h || len(w) >= 5 && editDistance(w, h) <= 1 {
				return true
			}
		}
	}
	return false
}

// distinctive: a name that can only mean this actor. A name made of common
// English words and generic institution words ("SUPREME_COURT",
// "ANARCHIST_FACTION_", "BLACK_STAR_") names many actors, or none, and is
// skipped; international organizations, whose names read as phrases
// ("WORLD_BANK", "AMNESTY_INTERNATIONAL"), are spared when they have two
// words or more. A single word must not be an English word ("SHELL"), unless
// it is an acronym kept in capitals.
func (c *converter) distinctive(ws []string, acr map[string]bool, kind string, r *record) bool {
	if len(ws) == 1 {
		w := ws[0]
		return acr[w] || c.parenAcronyms[w] || !c.english[w] && len([]rune(w)) >= 3
	}
	for _, w := range ws {
		if !c.english[w] && !genericOrgWords[w] && !particles[w] && !orgWords[w] && lettersOnlyOrHyphen(w) {
			return true
		}
	}
	return r.file == internationalFile && kind == kindOrganization
}

// addMetonyms adds a state institution's names to its country:
// "PEOPLES_LIBERATION_ARMY [CHNMIL]" + "PLA" → China. Each name must be
// distinctive: "SUPREME_COURT" names a court in every country.
func (c *converter) addMetonyms(ce *entity, r *record) {
	var phrases []phrase
	for _, n := range r.names {
		if p, ok := cleanPhrase(n); ok {
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 || c.hasTitle(phrases[0].words) || !c.distinctive(phrases[0].words, c.acronymsOf(phrases[0], phrases), "", r) {
		return
	}
	head := phrases[0]
	for _, p := range phrases {
		acr := c.acronymsOf(p, phrases)
		if c.hasTitle(p.words) || c.personShaped(p.words) && c.given[p.words[0]] || !c.distinctive(p.words, acr, "", r) {
			continue
		}
		if sameOrg(p.words, head.words) {
			ce.Metonyms = append(ce.Metonyms, c.title(p.words, acr))
		}
	}
}
