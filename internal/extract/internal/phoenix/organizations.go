package main

import (
	"fmt"
	"strings"
	"unicode"
)

// hasOffice: an office title among the words ("AMERICAN_VICE-PRESIDENT").
func hasOffice(ws []string) bool {
	for _, w := range ws {
		for _, p := range strings.Split(w, "-") {
			if strongTitles[p] {
				return true
			}
		}
	}
	return false
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
	headAcr := c.acronymsOf(head, phrases, true)
	if hasOffice(head.words) || !c.distinctive(head.words, headAcr, kind, r) {
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
		acr := c.acronymsOf(p, phrases, true)
		if hasOffice(p.words) || c.personShaped(p.words) && c.given[p.words[0]] || !c.distinctive(p.words, acr, kind, r) {
			continue // "KHALED_MESHAAL" under HAMAS_ is a person
		}
		if sameOrg(p.words, head.words) {
			e.Aliases = append(e.Aliases, c.title(p.words, acr))
		}
		// Parenthesised acronyms of the name: "IRISH_REPUBLICAN_ARMY_(IRA)_".
		for _, w := range p.parens {
			if c.parenAcronyms[w] && len(p.parens) == 1 && sameOrg(p.words, head.words) && c.distinctive([]string{w}, map[string]bool{w: true}, kind, r) {
				e.Aliases = append(e.Aliases, w)
			}
		}
	}
	// A short one-word name in the other case too: "ECOWAS" and "Ecowas",
	// "Oxfam" and "OXFAM" — newspapers write such names both ways.
	if n := e.Name; e.hand == nil && lettersOnly(n) && len([]rune(n)) >= 4 && len([]rune(n)) <= 6 && !c.english[strings.ToUpper(n)] && !c.firstWords[strings.ToUpper(n)] {
		if up := strings.ToUpper(n); up == n {
			e.Aliases = append(e.Aliases, capitalize(n))
		} else {
			e.Aliases = append(e.Aliases, up)
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
		if strings.IndexFunc(w, unicode.IsLetter) < 0 || codeWords[w] || c.firstWords[w] {
			return false // "313", "NGO", "HAMZAH" (a person's name)
		}
		if len([]rune(w)) <= 3 && lettersOnly(w) {
			// Three letters stand for many things ("EPA", "ANA", "ISA"):
			// only well-known acronyms, and intergovernmental bodies', which
			// go by them ("WFP", "ILO").
			return knownAcronyms[w] || isIGO(r)
		}
		return acr[w] || c.parenAcronyms[w] || !c.english[w]
	}
	for _, w := range ws {
		if !c.english[w] && !genericOrgWords[w] && !particles[w] && !orgWords[w] && lettersOnlyOrHyphen(w) {
			return true
		}
	}
	return r.file == internationalFile && kind == kindOrganization
}

func isIGO(r *record) bool {
	for _, cd := range r.codes {
		if strings.HasPrefix(cd.Code, "IGO") {
			return true
		}
	}
	return false
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
	if len(phrases) == 0 || hasOffice(phrases[0].words) || !c.distinctive(phrases[0].words, c.acronymsOf(phrases[0], phrases, true), "", r) {
		return
	}
	head := phrases[0]
	for _, p := range phrases {
		acr := c.acronymsOf(p, phrases, true)
		if hasOffice(p.words) || c.personShaped(p.words) && c.given[p.words[0]] || !c.distinctive(p.words, acr, "", r) {
			continue
		}
		if sameOrg(p.words, head.words) {
			ce.Metonyms = append(ce.Metonyms, c.title(p.words, acr))
		}
	}
}
