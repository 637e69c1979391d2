package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countries picks, for each country code, the record that names the
// country today: a bare [CODE] with no end date ("IRAQ_ ... [IRQ >20060520]"),
// rather than historical or sub-national records carrying the same code
// ("RUSSIAN_SFSR [RUS 19911226-19931212]", "IRAQI_KURDISTAN [IRQ]",
// "MAYOTTE_ [FRA]"), which are skipped. A later record whose headword
// contains the chosen one ("FEDERATION_OF_SAINT_KITTS_AND_NEVIS_") or
// repeats it (the two "CROATIA_" records) is merged into it.
func (c *converter) countries(all []*record) []*entity {
	// rank: 2 for an undated bare code ("GERMANY_ [DEU]"), 1 for an
	// open-ended one ("LEIPZIG_ ... [DEU >19901003]", a list of East German
	// cities), 0 for a closed period.
	type cand struct {
		r    *record
		rank int
	}
	cands := map[string][]cand{}
	for _, r := range all {
		if r.file != countriesFile || isCountryInfo(r) {
			continue
		}
		best, rank := "", -1
		for _, cd := range r.codes {
			code, ok := iso(cd.Code)
			if !ok {
				continue
			}
			rk := 0
			switch {
			case !cd.dated():
				rk = 2
			case cd.To == "":
				rk = 1
			}
			if rk > rank {
				best, rank = code, rk
			}
		}
		if best != "" {
			cands[best] = append(cands[best], cand{r, rank})
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
			if cd.rank > chosen.rank {
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
// news is where something happened, rarely the state acting. The rest are
// kept as the country's places, which kg reads only as where things happen
// ("police in Istanbul", "the town of Gulu"). Demonyms
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
		acr := c.acronymsOf(p, phrases, false)
		form := c.countryForm(p.words, cores)
		if form == "" && len(p.words) == 1 && acr[p.words[0]] {
			form = "name" // "USSR" beside "UNION_OF_SOVIET_SOCIALIST_REPUBLICS"
		}
		if f, ok := historicNames[strings.Join(p.words, " ")]; ok && f.code == code {
			form = f.form
		}
		switch form {
		case "name":
			e.Aliases = append(e.Aliases, c.title(p.words, acr))
		case "demonym":
			e.Demonyms = append(e.Demonyms, c.title(p.words, nil))
		default:
			// the rest are its cities, provinces and regions (and some
			// nicknames): kg reads them only as places, never as actors
			if pl := c.title(p.words, acr); len(pl) >= 4 && !slices.Contains(e.Places, pl) {
				e.Places = append(e.Places, pl)
			}
		}
	}
	return e
}

// countryName is the English name of a country not in actors.yaml: CLDR's
// (Unicode's) name when Phoenix spells it that way too ("MADAGASKAR_" is
// the headword, "MADAGASCAR_" an alias), else the title-cased headword.
func (c *converter) countryName(code string, phrases []phrase) string {
	if name := countryNames[code]; name != "" {
		return name
	}
	if r, err := language.ParseRegion(code); err == nil {
		cldr := display.English.Regions().Name(r)
		if strings.IndexFunc(cldr, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) >= 0 {
			return c.title(phrases[0].words, c.acronymsOf(phrases[0], phrases, false)) // "Congo - Brazzaville", "Bosnia & Herzegovina"
		}
		for _, p := range phrases {
			if key(strings.Join(p.words, " ")) == key(cldr) {
				return cldr
			}
		}
	}
	return c.title(phrases[0].words, c.acronymsOf(phrases[0], phrases, false))
}

// countryForm says whether ws names the country ("name"), is its demonym
// ("demonym"), or is something else (""): a city, a province, a nickname.
func (c *converter) countryForm(ws []string, cores [][]string) string {
	// A demonym first: the name, or its stem, and an ending, in the same
	// number of words ("IRAQI", "SOUTH_SUDANESE", "CHINESE", "AFGHAN" for
	// AFGHANISTAN, "THAI" for THAILAND) — else "ALBANIAN_" would pass for a
	// misspelling of "ALBANIA_" below.
	for _, core := range cores {
		if len(ws) != len(core) || len(core) == 0 {
			continue
		}
		n := len(ws) - 1
		if strings.Join(ws[:n], " ") == strings.Join(core[:n], " ") && isDemonym(ws[n], core[n]) {
			return "demonym"
		}
	}
	joined := strings.Join(ws, "")
	for _, core := range cores {
		cj := strings.Join(core, "")
		// A spelling of the name: "AFGANISTAN_", "UNITED_SATES_", "BANGLA_DESH_".
		if editDistance(joined, cj) <= max(1, len(cj)/6) {
			return "name"
		}
	}
	for _, core := range cores {
		// A longer name made of the name's words and forms of government:
		// "ISLAMIC_REPUBLIC_OF_AFGHANISTAN", "REPUBLIC_OF_SOUTH_SUDAN",
		// "UNION_OF_SOVIET_SOCIALIST_REPUBLICS"; not "NEW_MEXICO" (a US state).
		if len(ws) <= len(core) {
			continue
		}
		ok := true
		for _, w := range ws {
			if !containsWords(core, []string{w}) && !governmentForms[w] {
				ok = false
			}
		}
		for _, w := range core {
			if !governmentForms[w] && !containsWords(ws, []string{w}) {
				ok = false
			}
		}
		if ok {
			return "name"
		}
	}
	// "SOVIET" for SOVIET_UNION: the name less its form of government.
	for _, core := range cores {
		if len(ws) == 1 && len(core) == 2 && ws[0] == core[0] && governmentForms[core[1]] {
			return "demonym"
		}
	}
	return ""
}

// isDemonym: w is the demonym of the name word cw — cw (or cw less a final
// vowel, "CHIN-ESE") and a demonym ending, or the stem of a "-STAN" or
// "-LAND" name ("AFGHAN", "KAZAKH", "THAI").
func isDemonym(w, cw string) bool {
	if w == cw {
		return false
	}
	for _, suffix := range []string{"ISTAN", "STAN", "LAND"} {
		if stem, ok := strings.CutSuffix(cw, suffix); ok && len(stem) >= 3 && w == stem {
			return true
		}
	}
	// the people's noun, the name less an ending: "TURK" for TURKEY, "SERB"
	// for SERBIA, "CROAT" for CROATIA, "SWEDE" for SWEDEN
	for _, suffix := range []string{"EY", "IA", "N"} {
		if stem, ok := strings.CutSuffix(cw, suffix); ok && len(stem) >= 4 && w == stem {
			return true
		}
	}
	stems := []string{cw}
	n := len(cw)
	if n > 4 && strings.ContainsRune("AEIOUYS", rune(cw[n-1])) {
		stems = append(stems, cw[:n-1]) // CHINA → CHIN-ESE, HONDURAS → HONDURA-N
	}
	if n > 5 && strings.HasSuffix(cw, "ON") {
		stems = append(stems, cw[:n-2]) // LEBANON → LEBAN-ESE
	}
	for _, stem := range stems {
		if rest, ok := strings.CutPrefix(w, stem); ok && len(stem) >= 4 && demonymRests[rest] {
			return true
		}
	}
	return false
}
