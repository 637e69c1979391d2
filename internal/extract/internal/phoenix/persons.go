package main

import (
	"fmt"
	"sort"
	"strings"
)

// looksLikePerson: a record without CountryInfo's mark is a person when its
// headword is shaped like a personal name and starts with a given name, or
// is an elite or date-bounded office holder's; in the file of armed groups,
// only with a known given name and surname ("AMANULLAH_KHAN"), as group
// names can look like names ("BOKO_HARAM"). A one-word headword is a person
// when an alias is the full name ending with it ("JOSIPOVIC_",
// "+IVO_JOSIPOVIC_").
func (c *converter) looksLikePerson(r *record, head phrase, roles map[string]bool) bool {
	ws := c.stripTitles(head.words)
	if c.personShaped(ws) {
		if r.file == milNonStateFile {
			// "AYMAN_AL_ZAWAHIRI": a given name, then a known surname or
			// an Arabic patronymic.
			return c.given[ws[0]] && (c.surnames[ws[len(ws)-1]] || len(ws) > 2 && (ws[1] == "AL" || ws[1] == "BIN" || ws[1] == "IBN"))
		}
		return c.given[ws[0]] || roles["ELI"] || dated(r)
	}
	if len(ws) != 1 || orgWords[ws[0]] || r.file == milNonStateFile {
		return false
	}
	// A one-word IGO official with a term ("SUBROTO_ [IGOBUSOPC 880701-940630]"):
	// organizations have no terms.
	if w := ws[0]; r.file == internationalFile && dated(r) && len(w) >= 5 && hasVowel(w) && !c.english[w] && !badOnset(w) {
		return true
	}
	for _, n := range r.names[1:] {
		if p, ok := cleanPhrase(n); ok {
			a := c.stripTitles(p.words)
			if c.personShaped(a) && c.given[a[0]] && a[len(a)-1] == ws[0] {
				return true
			}
		}
	}
	return false
}

// personShaped: two to five words once titles are gone, none of them an
// organization's ("AFGHAN_NATIONAL_ARMY", "PUSSY_RIOT" is two words but its
// first is no given name, which the caller checks).
func (c *converter) personShaped(ws []string) bool {
	ws = c.stripTitles(ws)
	if len(ws) < 2 || len(ws) > 5 || particles[ws[0]] {
		return false // "AL_JAZEERA" is no Mr Jazeera
	}
	for _, w := range ws {
		if orgWords[w] || c.phoenixCountries[w] || joiners[w] {
			return false
		}
	}
	return !c.countryWords[ws[len(ws)-1]] // "OSMAN_OLCAY_TURKEY"
}

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
	var hand *handEntity
	for _, ws := range names {
		if len(ws) < 2 || c.orgish(ws) {
			continue
		}
		disp := personName(ws)
		if h := c.handPerson(disp); h != nil {
			name, hand = ws, h
			break
		}
		if h := c.handClaims[matchKey(disp)]; h != nil {
			continue
		}
		name = ws
		break
	}
	if name == nil {
		// A mononym ("SUHARTO_", "KHODAIDAD_"): only a one-word headword,
		// not what is left of "KING_HASSAN_" once the title is gone, and not
		// a word, a given name or a surname others bear ("JOHNSON").
		if p, _ := cleanPhrase(r.names[0]); len(p.words) == 1 && len(names) > 0 && len(names[0]) == 1 && c.surnameOK(names[0][0]) && !c.surnames[names[0][0]] && mononymous[country] {
			name = names[0]
		} else {
			c.warn(r, "%s: no usable name", r.names[0])
			return nil
		}
	}
	e := &entity{Kind: kindPerson, Name: personName(name), Country: country, src: fmt.Sprintf("%s:%d", r.file, r.line)}
	e.ID = strings.ReplaceAll(e.Name, " ", "_")
	if hand != nil {
		e.hand, e.ID, e.Name = hand, hand.ID, hand.Name
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

// handPerson is the actors.yaml person named name: by their name, or by an
// alias unless Phoenix lists that person under their own name too —
// "GEORGE_BUSH_" is George H. W. Bush, while actors.yaml gives "George Bush"
// to his son, whom Phoenix lists as "GEORGE_W._BUSH_".
func (c *converter) handPerson(name string) *handEntity {
	h := c.handKeys["p"+key(name)]
	if h == nil || key(h.Name) != key(name) && c.personHeads[key(h.Name)] {
		return nil
	}
	return h
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
