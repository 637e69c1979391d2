package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"kg/internal/extract"
)

// Kinds of names, as actors.yaml's fields.
const (
	kindAlias   = "aliases"
	kindMetonym = "metonyms"
	kindDemonym = "demonyms"
)

// candidate is one name the dataset offers for a country.
type candidate struct {
	code string // ISO alpha-3
	kind string // kindAlias, kindMetonym or kindDemonym
	text string
	from string // the dataset's field: "name", "alias", "capital", "nationality"
}

func (c candidate) String() string { return fmt.Sprintf("%s (%s %s)", c.text, c.code, c.from) }

// known is what the rule files loaded before actors_world.yaml say: the
// countries kg has, and who owns each name.
type known struct {
	byCode      map[string]*extract.Entity // country code → country
	owners      map[string][]string        // key(name) → ids of the actors it names, in load order
	personWords map[string][]string        // lower-case word of people's names → the first two people
}

func newKnown(d *extract.Dictionary) *known {
	k := &known{byCode: map[string]*extract.Entity{}, owners: map[string][]string{}, personWords: map[string][]string{}}
	for _, e := range d.Entities {
		if e.Type == extract.Country && k.byCode[e.Code] == nil {
			k.byCode[e.Code] = e
		}
		for _, n := range names(e) {
			key := key(n)
			if !slices.Contains(k.owners[key], e.ID) {
				k.owners[key] = append(k.owners[key], e.ID)
			}
		}
		if e.Type == extract.Person {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				for _, w := range strings.Fields(strings.ToLower(n)) {
					if ids := k.personWords[w]; len(ids) < 2 && !slices.Contains(ids, e.ID) {
						k.personWords[w] = append(ids, e.ID)
					}
				}
			}
		}
	}
	return k
}

// names are every name of an actor: canonical name, aliases, metonyms,
// demonyms.
func names(e *extract.Entity) []string {
	return append(append(append([]string{e.Name}, e.Aliases...), e.Metonyms...), e.Demonyms...)
}

// key is how two names are compared for a collision: case, dots,
// diacritics and spacing do not count ("U.S." = "US", "Bogotá" = "bogota").
// kg's matcher is stricter (case-sensitive for names with a capital), so
// a collision here is a collision at least as often as kg would see one.
func key(s string) string {
	s = fold(s)
	s = strings.ReplaceAll(s, ".", "")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// fold removes diacritics: "Yaoundé" → "Yaounde", "Chișinău" → "Chisinau".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// converter maps the dataset onto kg's countries and keeps the log.
type converter struct {
	known   *known
	english map[string]bool     // common lower-case English words
	skips   map[string][]string // reason → what it refused
	repairs []string
	had     int // names an earlier file already gives the same country
}

// The reasons an entry is skipped or a name refused; the header lists
// each with what it refused.
const (
	reasonNoCountry   = "entry skipped, no country of its code in actors.yaml or actors_phoenix.yaml (territories, the Holy See: CAMEO has no code for them)"
	reasonOtherPolity = "entry skipped, its code's country in the earlier files has none of its names (a Phoenix record of another polity)"
	reasonOtherActor  = "refused, already names another actor in actors.yaml or actors_phoenix.yaml"
	reasonShared      = "refused, given to more than one entry of the dataset"
	reasonOwnName     = "refused, a demonym that is the country's name"
	reasonNotAForm    = "refused, an alias that is no form of the country's names (a former, regional or other name)"
	reasonEnglish     = "refused, a one-word name that is a common English word"
	reasonPerson      = "refused, a one-word name that is a word of two people's names in the dictionary"
	reasonMalformed   = "refused, not a name (brackets or a comma left, or lower-case)"
)

// candidates lists what an entry offers: its name and aliases as aliases,
// its capital as a metonym, its nationality as demonyms, each also
// without diacritics ("Lome" beside "Lomé").
func (c *converter) candidates(e *entry) []candidate {
	var out []candidate
	add := func(kind, text, from string) {
		text = strings.Join(strings.Fields(text), " ")
		out = append(out, candidate{e.Alpha3, kind, text, from})
		if f := fold(text); f != text {
			out = append(out, candidate{e.Alpha3, kind, f, from})
		}
	}
	add(kindAlias, e.Name, "name")
	for _, a := range e.Aliases {
		add(kindAlias, a, "alias")
	}
	if e.Capital != "" {
		add(kindMetonym, e.Capital, "capital")
	}
	for _, d := range c.demonyms(e) {
		add(kindDemonym, d, "nationality")
	}
	return out
}

// demonyms cleans i18n-nationality's adjective: it qualifies shared ones
// ("Congolese (Republic of the Congo)"), joins those of two-part states
// ("Bosnian - Herzegovinian", "Trinidadian or Tobagonian", "Kittian and
// Nevisian"), and writes a few as plural nouns ("Antiguans").
func (c *converter) demonyms(e *entry) []string {
	s := e.Nationality
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	if key(s) == key(e.Name) {
		return []string{s} // "Djibouti", "Saint Vincent and the Grenadines": refused whole
	}
	var out []string
	for _, part := range splitAny(s, " - ", " or ", " and ") {
		part = strings.TrimSpace(part)
		if stem, ok := strings.CutSuffix(part, "ans"); ok && !strings.Contains(part, " ") {
			c.repairs = append(c.repairs, fmt.Sprintf("%s (%s): the plural noun, read as %san", part, e.Alpha3, stem))
			part = stem + "an"
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// splitAny splits s at every separator.
func splitAny(s string, seps ...string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// convert maps the entries onto the countries of the earlier rule files
// and returns the new names of each, by country id.
func (c *converter) convert(entries []*entry) []*extract.Entity {
	// Who in the dataset offers each name: a name two entries offer
	// ("Kingston": Jamaica and Norfolk Island; "Congolese") is refused to both.
	offered := map[string]map[string]bool{}
	byEntry := make([][]candidate, len(entries))
	for i, e := range entries {
		byEntry[i] = c.candidates(e)
		for _, cd := range byEntry[i] {
			k := key(cd.text)
			if offered[k] == nil {
				offered[k] = map[string]bool{}
			}
			offered[k][cd.code] = true
		}
	}
	var out []*extract.Entity
	for i, e := range entries {
		country := c.known.byCode[e.Alpha3]
		if country == nil {
			c.skips[reasonNoCountry] = append(c.skips[reasonNoCountry], fmt.Sprintf("%s (%s)", e.Name, e.Alpha3))
			continue
		}
		own := ownNames(country, e)
		if !sameCountry(country, e) {
			c.skips[reasonOtherPolity] = append(c.skips[reasonOtherPolity], fmt.Sprintf("%s (%s: %s)", e.Name, e.Alpha3, country.ID))
			continue
		}
		ne := &extract.Entity{ID: country.ID, Name: country.Name, Code: country.Code}
		added := map[string]bool{}
		for _, cd := range byEntry[i] {
			k := key(cd.text)
			if added[cd.kind+"\x00"+cd.text] {
				continue
			}
			reason, detail := c.check(cd, k, country, own, offered[k])
			switch reason {
			case "":
				added[cd.kind+"\x00"+cd.text] = true
				switch cd.kind {
				case kindAlias:
					ne.Aliases = append(ne.Aliases, cd.text)
				case kindMetonym:
					ne.Metonyms = append(ne.Metonyms, cd.text)
				case kindDemonym:
					ne.Demonyms = append(ne.Demonyms, cd.text)
				}
			case "known":
				c.had++
			default:
				item := cd.String()
				if detail != "" {
					item = fmt.Sprintf("%s (%s %s: %s)", cd.text, cd.code, cd.from, detail)
				}
				c.skips[reason] = append(c.skips[reason], item)
			}
		}
		if len(ne.Aliases)+len(ne.Metonyms)+len(ne.Demonyms) > 0 {
			out = append(out, ne)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ownNames are the country's names that a demonym must not repeat and an
// alias must be a form of: its names in the earlier files, and the
// dataset's name.
func ownNames(country *extract.Entity, e *entry) []string {
	return append([]string{country.Name, e.Name}, country.Aliases...)
}

// sameCountry reports whether the dataset's entry and the country of the
// same code share a word of a name (not a form of government): "Cote
// d'Ivoire" and "Ivory Coast" do through the dataset's alias "Cote
// d'Ivoire". A code that names another polity in the earlier files (were
// Phoenix to give Moldova's code to Transnistria) fails, and no name of
// one is given to the other.
func sameCountry(country *extract.Entity, e *entry) bool {
	words := map[string]bool{}
	for _, n := range append([]string{country.Name}, country.Aliases...) {
		for _, w := range strings.Fields(key(n)) {
			words[w] = !governmentForms[w]
		}
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, w := range strings.Fields(key(n)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

// check returns why the candidate is refused (and which actors or
// entries make it so), "known" when the country has it already, or "" to
// add it.
func (c *converter) check(cd candidate, k string, country *extract.Entity, own []string, offeredBy map[string]bool) (reason, detail string) {
	if k == "" || strings.ContainsAny(cd.text, "()[]{},") || !unicode.IsUpper([]rune(cd.text)[0]) {
		return reasonMalformed, ""
	}
	if cd.kind == kindDemonym {
		for _, n := range own {
			if key(n) == k {
				return reasonOwnName, ""
			}
		}
	}
	owners := c.known.owners[k]
	if slices.Contains(owners, country.ID) {
		return "known", ""
	}
	if len(owners) > 0 {
		return reasonOtherActor, strings.Join(owners, ", ")
	}
	if len(offeredBy) > 1 {
		codes := make([]string, 0, len(offeredBy))
		for code := range offeredBy {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		return reasonShared, strings.Join(codes, ", ")
	}
	if cd.from == "alias" && !isFormOf(cd.text, own) {
		return reasonNotAForm, ""
	}
	w := strings.ToLower(oneWord(cd.text))
	if w == "" {
		return "", "" // a name of several words, capitalized: "Ivory Coast" is no phrase of English
	}
	// A one-word name or metonym is an actor wherever it stands, and
	// "Male" (the Maldives' capital) opening a sentence would be one.
	// Demonyms count only before an agent noun ("Danish police") or as a
	// plural noun, so "Polish" is safe.
	if cd.kind != kindDemonym && c.english[w] {
		return reasonEnglish, ""
	}
	// A given name or surname that two people of the dictionary bear
	// ("Sofia", "Lima", "Victoria") is one a news story may use for
	// someone kg does not know; one bearer may be a stray record ("Dakar").
	if ids := c.known.personWords[w]; len(ids) >= 2 {
		return reasonPerson, strings.Join(ids, ", ")
	}
	return "", ""
}

// oneWord returns the one word of a name but "the", "of" and "and"
// ("The Valley" → "Valley"), or "" when it has several.
func oneWord(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch strings.ToLower(w) {
		case "the", "of", "and":
			continue
		}
		words = append(words, w)
	}
	if len(words) != 1 {
		return ""
	}
	return words[0]
}

// governmentForms are the words a state's long name adds to its short one
// ("Republic of Korea", "Kyrgyz Republic" is not one: "Kyrgyz" is no word
// of "Kyrgyzstan").
var governmentForms = map[string]bool{"republic": true, "kingdom": true, "state": true, "states": true,
	"federation": true, "federal": true, "democratic": true, "people's": true, "islamic": true, "union": true,
	"commonwealth": true, "principality": true, "grand": true, "duchy": true, "sultanate": true, "of": true,
	"the": true, "and": true, "socialist": true, "united": true, "independent": true, "plurinational": true}

// isFormOf reports whether alias is a form of one of the names: an acronym
// of one ("DRC", "UAE"), the same letters ("Viet Nam" for "Vietnam"), or
// its words with forms of government added or dropped ("Republic of
// Korea" for "Korea"). Former and regional names ("Upper Volta", "Zaire",
// "Moldavia", "Gold Coast") are none of these.
func isFormOf(alias string, names []string) bool {
	a := key(alias)
	for _, n := range names {
		nk := key(n)
		if letters(a) == letters(nk) || isAcronymOf(strings.ReplaceAll(alias, ".", ""), nk) {
			return true
		}
		aw, nw := strings.Fields(a), strings.Fields(nk)
		if subsetModuloForms(aw, nw) && subsetModuloForms(nw, aw) {
			return true
		}
	}
	return false
}

// letters keeps the letters of s.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// isAcronymOf: s is in capitals and spells the initials of name's words,
// with or without its function words ("DRC", "DROTC").
func isAcronymOf(s, name string) bool {
	if len(s) < 2 || strings.ToUpper(s) != s || letters(s) != s {
		return false
	}
	var all, content strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)[0]
		all.WriteRune(r)
		if w != "of" && w != "the" && w != "and" {
			content.WriteRune(r)
		}
	}
	s = strings.ToLower(s)
	return s == all.String() || s == content.String()
}

// subsetModuloForms: every word of a is in b or a form of government.
func subsetModuloForms(a, b []string) bool {
	for _, w := range a {
		if !governmentForms[w] && !slices.Contains(b, w) {
			return false
		}
	}
	return true
}
