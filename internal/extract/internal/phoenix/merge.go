package main

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mergeSame joins entities with the same name (compared by key(): "K._ANNAN_"
// and "K_ANNAN_", "AL-JAZEERA_" and "AL_JAZEERA_" are separate records) and
// kind (organizations and groups count as one). Two persons of one name are
// one person when their codes share a country, or one has none (Salva Kiir
// under Sudan and South Sudan; an IGO official under their country);
// otherwise they are two people whom text cannot tell apart, and both are
// dropped — unless one merges into actors.yaml, which wins.
func (c *converter) mergeSame(list []*entity) []*entity {
	class := func(e *entity) string {
		if e.Kind == kindGroup {
			return kindOrganization
		}
		return e.Kind
	}
	byKey := map[string][]*entity{}
	var order []string
	for _, e := range list {
		k := class(e) + " " + key(e.Name)
		if e.hand != nil {
			k = "hand " + e.hand.ID
		}
		if byKey[k] == nil {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], e)
	}
	handIDs := map[string]*handEntity{}
	for _, h := range c.hand {
		handIDs[h.ID] = h
	}
	var out []*entity
	for _, k := range order {
		es := byKey[k]
		m := es[0]
		if h := handIDs[m.ID]; h != nil && m.hand != h {
			for _, e := range es {
				c.warns = append(c.warns, e.src+": "+e.Name+": id taken by actors.yaml, skipped")
			}
			continue
		}
		ok := true
		for _, e := range es[1:] {
			if m.hand == nil && m.Kind == kindPerson && len(m.lands) > 0 && len(e.lands) > 0 && !overlap(m.lands, e.lands) {
				ok = false
				break
			}
			absorb(m, e)
		}
		if !ok {
			for _, e := range es {
				c.warns = append(c.warns, e.src+": "+e.Name+": several actors have this name, skipped")
			}
			continue
		}
		out = append(out, m)
	}
	return c.mergeVariants(out, class)
}

// mergeVariants folds an entity whose name is another's alias into it:
// Phoenix lists "KOFI_ATTA_ANNAN_" both as a record and under "KOFI_ANNAN_",
// "AL-JAZEERA" under "AL_JAZEERA", "SALVA_KIIR" under "SALVA_KIIR_MAYARDIT".
// Only names of two words or more, and only when one entity has that alias.
// (Salva Kiir is listed under Sudan and South Sudan: no country check.)
func (c *converter) mergeVariants(list []*entity, class func(*entity) string) []*entity {
	owners := map[string][]*entity{}
	for _, e := range list {
		for _, a := range e.Aliases {
			if len(strings.Fields(matchKey(a))) > 1 && key(a) != key(e.Name) {
				k := class(e) + " " + key(a)
				if len(owners[k]) == 0 || owners[k][len(owners[k])-1] != e {
					owners[k] = append(owners[k], e)
				}
			}
		}
	}
	gone := map[*entity]bool{}
	for _, e := range list {
		if e.hand != nil || len(strings.Fields(matchKey(e.Name))) < 2 {
			continue
		}
		os := owners[class(e)+" "+key(e.Name)]
		if len(os) != 1 || os[0] == e || gone[os[0]] {
			continue
		}
		absorb(os[0], e) // Phoenix's own word that they are one: no country check
		os[0].Aliases = append(os[0].Aliases, e.Name)
		gone[e] = true
	}
	var out []*entity
	for _, e := range list {
		if !gone[e] {
			out = append(out, e)
		}
	}
	return out
}

// absorb adds e's names, country and roles to m.
func absorb(m, e *entity) {
	if m.Country == "" {
		m.Country = e.Country
	}
	if m.lands == nil {
		m.lands = map[string]bool{}
	}
	for l := range e.lands {
		m.lands[l] = true
	}
	m.Aliases = append(m.Aliases, e.Aliases...)
	m.Metonyms = append(m.Metonyms, e.Metonyms...)
	m.Demonyms = append(m.Demonyms, e.Demonyms...)
	if len(e.Roles) > 0 {
		byCountry := map[string][]role{}
		for _, r := range append(m.Roles, e.Roles...) {
			byCountry[r.Country] = append(byCountry[r.Country], r)
		}
		m.Roles = nil
		for _, rs := range byCountry {
			m.Roles = append(m.Roles, mergeRoles(rs)...)
		}
		sortRoles(m.Roles)
	}
}

func sortRoles(rs []role) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Country != rs[j].Country {
			return rs[i].Country < rs[j].Country
		}
		return rs[i].From < rs[j].From
	})
}

func overlap(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// mergeInitials folds a person named by initials ("K. Annan", "N. P. Rijal",
// separate records in the International file) into the one person whose
// name has the same surname and first letters ("Kofi Annan"), Phoenix's or
// actors.yaml's; with no such person, or several, it stays as it is.
func (c *converter) mergeInitials(list []*entity) []*entity {
	type full struct {
		e    *entity
		hand *handEntity
	}
	bySurname := map[string][]full{}
	for _, e := range list {
		if ws := strings.Fields(e.Name); e.Kind == kindPerson && e.hand == nil && len(ws) > 1 && !initialsOnly(ws[:len(ws)-1]) {
			bySurname[key(ws[len(ws)-1])] = append(bySurname[key(ws[len(ws)-1])], full{e: e})
		}
	}
	for _, h := range c.hand {
		if ws := strings.Fields(h.Name); h.kind == kindPerson && len(ws) > 1 {
			bySurname[key(ws[len(ws)-1])] = append(bySurname[key(ws[len(ws)-1])], full{hand: h})
		}
	}
	var out []*entity
	for _, e := range list {
		ws := strings.Fields(e.Name)
		if e.Kind != kindPerson || e.hand != nil || len(ws) < 2 || !initialsOnly(ws[:len(ws)-1]) {
			out = append(out, e)
			continue
		}
		letters := key(strings.Join(ws[:len(ws)-1], ""))
		var match []full
		for _, f := range bySurname[key(ws[len(ws)-1])] {
			name := ""
			if f.e != nil {
				name = f.e.Name
			} else {
				name = f.hand.Name
			}
			if fw := strings.Fields(name); len(fw) > 1 && strings.HasPrefix(key(fw[0]), letters[:1]) {
				match = append(match, f)
			}
		}
		if len(match) != 1 {
			out = append(out, e)
			continue
		}
		if f := match[0]; f.e != nil {
			f.e.Aliases = append(append(f.e.Aliases, e.Name), e.Aliases...)
			absorb(f.e, &entity{Roles: e.Roles, lands: e.lands, Country: e.Country})
		} else {
			// Into actors.yaml's entry: as an entity of its own carrying its id.
			e.hand, e.Aliases, e.ID = f.hand, append(e.Aliases, e.Name), f.hand.ID
			e.Name = f.hand.Name
			out = append(out, e)
		}
	}
	return out
}

// initialsOnly: every word is an initial, "K." or "N.P." or "S".
func initialsOnly(ws []string) bool {
	for _, w := range ws {
		if !isInitials(strings.ToUpper(w)) && len([]rune(w)) != 1 && !(len(w) == 2 && strings.ToUpper(w) == w) {
			return false
		}
	}
	return true
}

// disambiguate keeps each alias, metonym and demonym for at most one
// actor. An alias that actors.yaml gives to someone else is dropped
// (hand-written entries always win), so is one that actors.yaml already
// lists for the same actor (the loader merges the two). An alias claimed
// by several Phoenix actors names none of them for sure, and is dropped
// from all: "KIM", "KHAN", two George Bushes. An actor whose own name is
// taken is dropped.
func (c *converter) disambiguate(list []*entity) {
	claims := map[string]map[*entity]bool{}
	claim := func(s string, e *entity) {
		k := matchKey(s)
		if claims[k] == nil {
			claims[k] = map[*entity]bool{}
		}
		claims[k][e] = true
	}
	for _, e := range list {
		if e.hand == nil {
			claim(e.Name, e)
		}
		for _, lst := range [][]string{e.Aliases, e.Metonyms, e.Demonyms} {
			for _, a := range lst {
				claim(a, e)
			}
		}
	}
	// A country keeps its own name against anyone: "Samoa" is the country,
	// not an alias of American Samoa.
	for _, e := range list {
		if e.Kind == kindCountry && e.hand == nil {
			claims[matchKey(e.Name)] = map[*entity]bool{e: true}
		}
	}
	for _, e := range list {
		if e.hand == nil {
			k := matchKey(e.Name)
			if c.handClaims[k] != nil || len(claims[k]) > 1 || !claims[k][e] {
				c.warns = append(c.warns, e.src+": "+e.Name+": name taken by another actor, skipped")
				e.Name = ""
				continue
			}
		}
		seen := map[string]bool{matchKey(e.Name): true}
		if e.hand != nil {
			for _, n := range e.hand.names() {
				seen[matchKey(n)] = true
			}
		}
		keep := func(lst []string, country bool) []string {
			var out []string
			for _, a := range lst {
				k := matchKey(a)
				if seen[k] || c.handClaims[k] != nil || len(claims[k]) > 1 || !claims[k][e] || deniedAliases[a] || !c.validAlias(a, country) {
					continue
				}
				seen[k] = true
				out = append(out, a)
			}
			sort.Strings(out)
			return out
		}
		isCountry := e.Kind == kindCountry
		e.Aliases = keep(e.Aliases, isCountry)
		e.Metonyms = keep(e.Metonyms, false)
		e.Demonyms = keep(e.Demonyms, true)
	}
}

// validAlias: an alias must hold a word with a letter and no pronoun, and be
// three characters or more unless it is an acronym in capitals that is not
// an English word ("UN" yes, "IS", "AT", "ON" no). A single capitalised word
// must not be an English word ("Shell", "Action") except for countries and
// demonyms, whose names are proper nouns even when they are words too
// ("Turkey", "Chad": matching is case-sensitive).
func (c *converter) validAlias(a string, country bool) bool {
	ws := strings.Fields(matchKey(a))
	hasLetter := false
	for _, w := range ws {
		if pronouns[strings.ToUpper(w)] && !strings.Contains(a, ".") {
			return false
		}
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			hasLetter = true
		}
	}
	if !hasLetter {
		return false
	}
	upper := strings.ToUpper(a) == a
	if utf8.RuneCountInString(strings.ReplaceAll(a, ".", "")) < 3 {
		if !upper || len(ws) != 1 || utf8.RuneCountInString(ws[0]) < 2 || c.english[ws[0]] {
			return false
		}
	}
	if len(ws) == 1 && !upper && !country && c.english[strings.ToUpper(ws[0])] {
		return false
	}
	return true
}
