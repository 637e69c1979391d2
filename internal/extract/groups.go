package extract

import (
	"strings"
)

// Groups of parties named together and referred to by their number: "Poland,
// Hungary and the Czech Republic joined NATO ... the three countries'
// foreign ministers", "the three new members", "all four". The discourse
// keeps the last few sets of three or more actors named together (a list
// "A, B and C", or any coordination the structure shows); "the N <noun>"
// resolves to the last set of exactly N that fits the noun. "The two
// <noun>" the pair phrases of references.yaml do not resolve ("the two
// ministers") is the last pair (pairs.go), or no one.

// maxSets bounds the sets remembered: a reference by number looks back
// to the last few lists, not to every list of the article.
const maxSets = 8

// rememberSet notes es (three or more distinct actors) as the last set
// named together.
func (c *discourse) rememberSet(es []*Entity) {
	if len(es) < 3 {
		return
	}
	c.sets = append(c.sets, es)
	if len(c.sets) > maxSets {
		c.sets = c.sets[1:]
	}
}

// rememberLists notes the lists of actors the mention finder met in a
// sentence: runs of single mentions joined by commas and a final "and"
// ("Poland, Hungary and the Czech Republic").
func (c *discourse) rememberLists(s Sentence, ms []Mention) {
	for k := 0; k < len(ms); {
		run := []*Entity{}
		ended := false // the run's last joint was an "and"
		j := k
		for ; j < len(ms) && len(ms[j].Entities) == 1 && !containsEntity(run, ms[j].Entities[0]); j++ {
			if j > k {
				gap := strings.TrimSpace(s.Text[ms[j-1].End-s.Start : ms[j].Start-s.Start])
				switch gap {
				case ",", ", the":
					ended = false
				case "and", ", and", "and the", ", and the":
					ended = true
				default:
					goto done
				}
			}
			run = append(run, ms[j].Entities[0])
		}
	done:
		if ended && len(run) >= 3 {
			c.rememberSet(run)
		}
		if j == k {
			j++
		}
		k = j
	}
}

// groupRef resolves "the three countries", "the four new members", "all
// three" at toks[i]. It returns the words it covers (0 when the words are
// no such reference, or a set of three or more that no set fits) and the
// set they mean, nil for a pair when none fits.
func (c *discourse) groupRef(toks []token, i int) (int, []*Entity) {
	if i+1 >= len(toks) {
		return 0, nil
	}
	switch toks[i].lowerText() {
	case "the", "all", "these", "those":
	default:
		return 0, nil
	}
	n := numberWords[toks[i+1].lowerText()]
	if n < 2 {
		return 0, nil
	}
	words, kind := 2, ""
	for k := i + 2; k < len(toks) && k <= i+3; k++ {
		w := toks[k].lowerText()
		if g, ok := groupKinds[w]; ok {
			words, kind = k-i+1, g
			break
		}
		// one qualifier before the noun: "the three new members"
		if k > i+2 || isCapitalized(toks[k].Text) {
			break
		}
	}
	if kind == "" {
		// "all three", "the three" on their own, before their verb
		if i+2 < len(toks) && !bareGroupNext[toks[i+2].lowerText()] {
			return 0, nil
		}
		if n == 2 {
			return 0, nil // "the two": a pair, pairs.go
		}
		kind = "any"
	}
	fits := func(es []*Entity) bool {
		if len(es) != n {
			return false
		}
		for _, e := range es {
			if kind == "country" && e.Type != Country || kind == "person" && e.Type != Person || kind == "body" && e.Type == Person {
				return false
			}
		}
		return true
	}
	if n == 2 {
		if fits(c.parties) {
			return words, c.parties
		}
		return words, nil
	}
	for k := len(c.sets) - 1; k >= 0; k-- {
		if fits(c.sets[k]) {
			return words, c.sets[k]
		}
	}
	// "the three members of the coalition, A, B and C": the words may
	// name them themselves
	return 0, nil
}

// numberWords are the numbers a group is counted by.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}

// groupKinds are the nouns a group is referred to by, and what its members
// must be: countries, people, bodies (no person), or any actor.
var groupKinds = map[string]string{"countries": "country", "nations": "country", "states": "country",
	"governments": "country", "neighbours": "country", "neighbors": "country", "powers": "country", "republics": "country",
	"leaders": "person", "presidents": "person", "men": "person", "women": "person", "ministers": "person",
	"candidates": "person", "heads": "person", "officials": "person",
	"members": "any", "sides": "any", "allies": "any", "rivals": "any", "signatories": "any",
	// bodies, never two persons: "the two opposition parties" after "Hu and Abe met"
	"parties": "body", "groups": "body", "factions": "body", "organizations": "body", "organisations": "body", "movements": "body"}

// bareGroupNext are words after which "all three", "the four" stand on
// their own: a verb or "of" follows.
var bareGroupNext = map[string]bool{"are": true, "were": true, "have": true, "had": true, "will": true, "would": true,
	"said": true, "say": true, "agreed": true, "also": true, "of": true, "signed": true, "met": true, "must": true,
	"should": true, "can": true, "could": true}

// sharedAgent is what a lone country adjective coordinated with an agent
// noun phrase names: "Israeli" in "Israeli and Palestinian negotiators"
// is Israel's negotiators (the state, as an agent), "British" in
// "British, French and German activists" Britain's activists. ok is false
// when phrase ph is no such adjective.
func (a *analysis) sharedAgent(ph int, country *Entity, span Span) (filler, bool) {
	P := &a.p.Phrases[ph]
	if country.Type != Country || P.To-P.From > 2 || P.Head != P.To-1 || a.p.Phrases[ph].ConjOf < 0 && len(P.Conj) == 0 {
		return filler{}, false
	}
	members := a.p.Members(ph)
	last := &a.p.Phrases[members[len(members)-1]]
	if members[len(members)-1] == ph || a.p.Toks[last.Head].Tag.IsProperNoun() {
		return filler{}, false
	}
	mi := a.mentionAt[last.Head]
	if mi < 0 || a.ms[mi].How != "agent" || len(a.ms[mi].Entities) != 1 {
		return filler{}, false
	}
	switch e := a.ms[mi].Entities[0]; {
	case e.Type == Country:
		return filler{ent: country, span: span, agent: true}, true
	case e.Type == Group:
		return filler{ent: a.dict.Group(country, a.p.Toks[last.Head].Lower), span: span}, true
	}
	return filler{}, false
}
