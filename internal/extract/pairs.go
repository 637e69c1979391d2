package extract

import (
	"strings"

	"kg/internal/nlp"
	"kg/internal/syntax"
)

// Pairs and groups of parties.
//
// News names two parties once ("talks between the government and the
// rebels", "the Israel-Hezbollah war") and then refers to them together:
// "both sides", "the two parties", "both", "each other". The discourse
// keeps the last pair named together (discourse.parties); the references
// here resolve to it, and to nothing when no pair was named: "both sides"
// is never a guess at the article's country. ("They" keeps to the pairs
// the mention finder sees, discourse.lastPair: a plural pronoun is more
// often someone else.)

// joinHyphenPair merges the last two mentions of out when a hyphen joins
// them into one modifier: "the Israel-Hezbollah war", "US-China talks",
// "Israeli-Palestinian negotiators" name both parties at once, and noun
// frames take their actors from such a modifier. The two become one
// mention of both entities. (They do not become the last pair, which "both
// sides" may mean: a modifier is seldom what the article is about.)
func joinHyphenPair(s Sentence, out []Mention) ([]Mention, bool) {
	n := len(out)
	if n < 2 {
		return out, false
	}
	a, b := out[n-2], out[n-1]
	if len(a.Entities) != 1 || len(b.Entities) != 1 || a.Entities[0] == b.Entities[0] || s.Text[a.End-s.Start:b.Start-s.Start] != "-" {
		return out, false
	}
	// a third part ("Israel-Syria-Lebanon talks"), or a hyphen before the
	// first ("anti-US-China"): not a pair of two
	if a.Start > s.Start && s.Text[a.Start-s.Start-1] == '-' || b.End-s.Start < len(s.Text) && s.Text[b.End-s.Start] == '-' {
		return out, false
	}
	for _, m := range []Mention{a, b} {
		// a person's double name ("Johnson-Sirleaf") is one person; two
		// people before what two parties share are two ("the Bush-Putin
		// summit")
		if m.Entities[0].Type == Person && (m.How != "name" || !pairNouns[wordAfter(s, b.End)]) {
			return out, false
		}
		switch m.How {
		case "name", "metonym", "acronym", "demonym":
		case "agent":
			if m.Start != b.Start {
				return out, false // "Israeli troops-Hamas": no modifier
			}
		default:
			return out, false
		}
	}
	if a.Entities[0].Type == Country && b.Entities[0].Type == Country && a.Entities[0].Country == b.Entities[0].Country {
		return out, false
	}
	// "Cuban-American exiles", "the Greek-Cypriot side": one people by its
	// origin, not two parties
	if a.How == "demonym" && ethnicHosts[strings.TrimSuffix(wordAfter(s, a.End+1), "s")] {
		return out, false
	}
	// "the Lebanon-Hezbollah", "CPP-NPA": a country and its own body, or
	// one movement's two names
	if ea, eb := a.Entities[0], b.Entities[0]; ea.Type == Country && eb.Country == ea.Country || eb.Type == Country && ea.Country == eb.Country {
		return out, false
	}
	// two adjectives are two parties only before what two parties share
	// ("Israeli-Palestinian talks", "Greek-Turkish tensions"); "a
	// Greek-Cypriot leader", "an American-French journalist" is one
	if a.How == "demonym" && b.How == "demonym" && !pairNouns[wordAfter(s, b.End)] {
		return out, false
	}
	// "Israeli-Palestinian negotiators", "US-Iraqi forces": a state's
	// agents; a group ("Cuban-Canadian exiles") is one community
	if b.How == "agent" && b.Entities[0].Type != Country {
		return out, false
	}
	how := "hyphenated"
	switch {
	case b.How == "agent":
		how = "agent" // "Israeli-Palestinian negotiators": both states' agents
	case a.How == "demonym" && b.How == "demonym":
		how = "demonym" // an adjective, as each half is
	}
	m := Mention{Span: Span{a.Start, b.End}, Entities: []*Entity{a.Entities[0], b.Entities[0]}, How: how}
	return append(out[:n-2], m), true
}

// wordAfter is the lower-case word that starts after offset end of the
// sentence, "" if none.
func wordAfter(s Sentence, end int) string {
	rest := strings.TrimLeft(s.Text[end-s.Start:], " ")
	i := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
	if i < 0 {
		i = len(rest)
	}
	return strings.ToLower(rest[:i])
}

// pairNouns are what two parties have together: "Israeli-Palestinian
// talks", "US-Japanese relations", "Greek-Turkish tensions".
var pairNouns = map[string]bool{"talks": true, "negotiations": true, "relations": true, "ties": true, "summit": true,
	"war": true, "conflict": true, "border": true, "agreement": true, "accord": true, "treaty": true, "pact": true,
	"deal": true, "dialogue": true, "meeting": true, "meetings": true, "cooperation": true, "trade": true, "dispute": true,
	"row": true, "tension": true, "tensions": true, "clashes": true, "fighting": true, "peace": true, "alliance": true,
	"partnership": true, "friendship": true, "hostilities": true, "rapprochement": true, "rivalry": true,
	"standoff": true, "crisis": true, "commission": true, "declaration": true, "communique": true, "consultations": true,
	"contacts": true, "exchanges": true, "talk": true, "negotiation": true, "frontier": true, "ceasefire": true, "truce": true}

// ethnicHosts are the demonyms that, after another ("Cuban-American",
// "Greek-Cypriot", "Italian-Canadian"), name a people by its origin.
var ethnicHosts = map[string]bool{"american": true, "cypriot": true, "canadian": true, "australian": true, "kosovar": true}

// partyMark says which pair "both" meant from an offset on.
type partyMark struct {
	from     int
	parties  []*Entity
	sentence int // where they were named
}

// nameParties makes es the last pair, named in the sentence up to offset end.
func (c *discourse) nameParties(es []*Entity, end int) {
	c.parties, c.partiesSentence = es, c.sentence
	c.partyMark = append(c.partyMark, partyMark{end, es, c.sentence})
}

// partiesAt is the last pair named before offset off of the sentence being
// read: "Mexico and Venezuela" later in a sentence is not what its opening
// "Both" means. A bare "both" or "the two" looks back two sentences at
// most; further back, the pair is seldom still who it means.
func (c *discourse) partiesAt(off int) []*Entity {
	var last partyMark
	for _, m := range c.partyMark {
		if m.from <= off {
			last = m
		}
	}
	if c.sentence-last.sentence > 2 {
		return nil
	}
	return last.parties
}

// unpaired reports whether phrase ph is a reference to a pair ("both
// sides") that found no pair: it names no one, not the article's country
// nor a group called "parties".
func (a *analysis) unpaired(ph int) bool {
	P := &a.p.Phrases[ph]
	head := a.p.Toks[P.Head]
	for _, sp := range a.c.unpaired {
		if a.s.Start+head.Start >= sp.Start && a.s.Start+head.End <= sp.End {
			return true
		}
	}
	return false
}

// clausePair is who "the two leaders" at phrase ph means when no pair was
// named before the sentence: the two parties of an earlier clause of the
// same sentence, its agent and its patient or with-phrase ("X met his
// counterpart, Y, and the two leaders pledged ..."). Nil if there is none.
func (a *analysis) clausePair(ph, depth int) []filler {
	P := &a.p.Phrases[ph]
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if a.p.Verbs[c.Verb].To > P.From || c.Subj == ph {
			continue
		}
		var two []filler
		for _, r := range []int{a.p.Agent(c), a.p.Patient(c)} {
			if r < 0 || r == ph {
				continue
			}
			fs := a.singleActors(r, depth+1, true)
			if len(fs) != 1 || containsFiller(two, fs[0].ent) {
				break
			}
			two = append(two, fs[0])
		}
		if len(two) == 2 {
			span := a.tokSpan(P.From, P.To)
			return []filler{{ent: two[0].ent, span: span, resolved: true}, {ent: two[1].ent, span: span, resolved: true}}
		}
	}
	return nil
}

// pairPronoun resolves a phrase that is "both", "both of them" or "the
// two" on its own to the last pair named, nil when it is something else
// or no pair is known.
func (a *analysis) pairPronoun(ph int) []filler {
	P := &a.p.Phrases[ph]
	head := a.p.Lower(P.Head)
	switch {
	case head == "both" && P.From == P.Head:
	case head == "two" && P.Head == P.From+1 && a.p.Lower(P.From) == "the":
	default:
		return nil
	}
	if P.Head+1 < len(a.p.Toks) && a.p.Toks[P.Head+1].Tag.IsNoun() {
		return nil // "both countries" chunked apart
	}
	// "El Salvador and Guatemala both backed": the parties just named
	if q := a.p.PhraseAt(P.From - 1); head == "both" && q >= 0 && a.p.Phrases[q].To == P.From {
		return a.phraseActors(q, true)
	}
	// "Norway is both mediating ... and heading": "both ... and" joins verbs
	if v := a.p.VerbAt(P.From - 1); v >= 0 && P.To < len(a.p.Toks) && a.p.Toks[P.To].Tag.IsVerb() {
		if l := a.p.Verbs[v].Lemma; l == "be" || l == "have" || a.p.Verbs[v].Modal != "" {
			return nil
		}
	}
	pair := a.c.partiesAt(a.s.Start + a.p.Toks[P.From].Start)
	if len(pair) != 2 {
		return nil
	}
	span := a.tokSpan(P.From, P.To)
	return []filler{{ent: pair[0], span: span, resolved: true}, {ent: pair[1], span: span, resolved: true}}
}

// reciprocal reports whether phrase ph is "each other" or "one another":
// every party of the clause's subject acts on every other.
func (a *analysis) reciprocal(ph int) bool {
	if ph < 0 {
		return false
	}
	P := &a.p.Phrases[ph]
	if P.Head == P.From || a.p.Lower(P.Head) != "other" && a.p.Lower(P.Head) != "another" {
		return false
	}
	first := a.p.Lower(P.Head - 1)
	return first == "each" && a.p.Lower(P.Head) == "other" || first == "one" && a.p.Lower(P.Head) == "another"
}

// rememberPair notes the pair of parties a sentence names together, for
// "both sides" and "the two" in later sentences: the members of a
// "between" phrase ("talks between the government and the rebels"), else
// the parties of its last event done together ("X met Y", "X held talks
// with Y"), else a subject of two ("Hamas and Fatah agreed"). The mention
// finder has already kept the pairs named "A and B"; these may be named
// by nouns ("the government").
func (a *analysis) rememberPair(events []Event) {
	// ("Poland, Hungary and the Czech Republic": a set for "the three")
	for ph := range a.p.Phrases {
		if len(a.p.Phrases[ph].Conj) >= 2 {
			if fs := a.phraseActors(ph, true); len(fs) >= 3 {
				a.c.rememberSet(entitiesOf(fs))
			}
		}
	}
	if pair := a.betweenPair(); pair != nil {
		a.c.nameParties(pair, a.s.End)
		return
	}
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; e.Symmetric && e.Target != nil {
			a.c.nameParties([]*Entity{e.Actor, e.Target}, a.s.End)
			return
		}
	}
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.SubjHow != "explicit" || c.Subj < 0 || len(a.p.Members(c.Subj)) != 2 {
			continue
		}
		if head := a.p.Toks[a.p.Phrases[c.Subj].Head]; head.Tag == nlp.PRP || head.Tag == nlp.PRPS {
			continue
		}
		if fs := a.phraseActors(c.Subj, true); len(fs) == 2 {
			a.c.nameParties([]*Entity{fs[0].ent, fs[1].ent}, a.s.End)
		}
		return
	}
	// else the last two people named together in any role: "handed the
	// sentences to Dita Indahsari and Coen Pontoh ... Both are appealing"
	// (their ages between them are no members: "found Dita, 24, and Coen,
	// 27, guilty")
	for ph := len(a.p.Phrases) - 1; ph >= 0; ph-- {
		if len(a.p.Phrases[ph].Conj) == 0 || a.p.Phrases[ph].ConjOf >= 0 && a.p.Phrases[ph].ConjOf != ph {
			continue
		}
		named := 0
		for _, m := range a.p.Members(ph) {
			if M := &a.p.Phrases[m]; !(M.To-M.From == 1 && a.p.Toks[M.From].Tag == nlp.CD) {
				named++
			}
		}
		if named != 2 {
			continue
		}
		if fs := a.phraseActors(ph, true); len(fs) == 2 && fs[0].ent.Type == Person && fs[1].ent.Type == Person {
			a.c.nameParties([]*Entity{fs[0].ent, fs[1].ent}, a.s.End)
			return
		}
	}
}

// betweenPair is the two actors of the sentence's first "between" phrase
// that names two, after a clause or a noun; nil if none.
func (a *analysis) betweenPair() []*Entity {
	var pps []syntax.PP
	for k := range a.p.Clauses {
		pps = append(pps, a.p.Clauses[k].PPs...)
	}
	for ph := range a.p.Phrases {
		pps = append(pps, a.p.PPsAfter(ph)...)
	}
	for _, pp := range pps {
		// ("between the delegations of Japan and Korea": two by their "of")
		if a.p.Lower(pp.Prep) != "between" {
			continue
		}
		if fs := a.phraseActors(pp.Phrase, true); len(fs) == 2 {
			return []*Entity{fs[0].ent, fs[1].ent}
		}
	}
	return nil
}

// clauseBetween is the "between" phrase of the clause whose subject phrase
// ph is, when the noun's parties stand there: "clashes erupted between X
// and Y", "talks were held between X and Y". Nil otherwise.
func (a *analysis) clauseBetween(ph int) []syntax.PP {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Subj != ph || c.SubjHow != "explicit" {
			continue
		}
		for _, pp := range c.PPs {
			if a.p.Lower(pp.Prep) == "between" && len(a.p.Members(pp.Phrase)) >= 2 {
				return []syntax.PP{pp}
			}
		}
	}
	return nil
}

// figurative reports whether phrase ph names a contest that is no
// fighting: "a bidding war", "a trade war", "a legal battle", "a custody
// fight". Such a war between two parties is no military conflict.
func (a *analysis) figurative(ph int) bool {
	P := &a.p.Phrases[ph]
	if P.Head > P.From && a.p.Lower(P.Head) == "accord" && a.p.Lower(P.Head-1) == "own" {
		return true // "of their own accord": willingly, no agreement
	}
	if !contestNouns[a.p.Lower(P.Head)] && !contestNouns[strings.ToLower(a.p.Toks[P.Head].Lemma)] {
		return false
	}
	if pps := a.p.PPsAfter(ph); len(pps) > 0 && a.p.Lower(pps[0].Prep) == "of" {
		if w := strings.ToLower(a.p.HeadLemma(pps[0].Phrase)); w == "word" || w == "nerve" {
			return true // "a war of words"
		}
	}
	return P.Head > P.From && figurativeContests[strings.ToLower(a.p.Toks[P.Head-1].Lemma)]
}

// contestNouns name a fight; figurativeContests the words that make one
// a contest of another kind.
var (
	contestNouns       = map[string]bool{"war": true, "conflict": true, "battle": true, "fight": true, "fighting": true, "clash": true, "hostilities": true}
	figurativeContests = map[string]bool{"trade": true, "price": true, "bidding": true, "bid": true, "tariff": true, "currency": true,
		"turf": true, "culture": true, "word": true, "propaganda": true, "legal": true, "court": true, "custody": true, "takeover": true,
		"proxy": true, "ratings": true, "fare": true, "talent": true, "advertising": true, "ad": true, "political": true, "budget": true,
		"patent": true, "copyright": true, "leadership": true, "succession": true, "boardroom": true, "media": true, "cola": true,
		"energy": true, "gas": true, "oil": true, "economic": true, "diplomatic": true, "verbal": true, "sanction": true}
)

// jointComplement reports whether the to-complement of verb group v is
// done jointly: "agreed to work together", "pledged to jointly fight",
// "promised to help each other".
func (a *analysis) jointComplement(v int) bool {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Parent != v || c.Rel != "xcomp" {
			continue
		}
		cv := &a.p.Verbs[c.Verb]
		for i := max(cv.From-1, 0); i <= cv.To && i < len(a.p.Toks); i++ {
			if w := a.p.Lower(i); w == "together" || w == "jointly" {
				return true
			}
		}
		return a.reciprocal(c.Obj)
	}
	return false
}

// otherParty is who "the other side", "the other party" or "the other"
// at phrase ph means in clause c: the member of the last pair named that
// the clause's agent is not ("Israel accused the other side"). Nil when
// the agent is in no such pair.
func (a *analysis) otherParty(ph int, c *syntax.Clause) []filler {
	if ph < 0 || c == nil {
		return nil
	}
	P := &a.p.Phrases[ph]
	if P.Head == P.From || a.p.Lower(P.From) != "the" {
		return nil
	}
	switch head := a.p.Lower(P.Head); {
	case head == "other" && P.Head == P.From+1:
	case (head == "side" || head == "party" || head == "camp") && P.Head == P.From+2 && a.p.Lower(P.From+1) == "other":
	default:
		return nil
	}
	pair := a.c.partiesAt(a.s.Start + a.p.Toks[P.From].Start)
	self := a.phraseActors(a.p.Agent(c), true)
	if len(pair) != 2 || len(self) != 1 {
		return nil
	}
	span := a.tokSpan(P.From, P.To)
	for i, e := range pair {
		if e == self[0].ent {
			return []filler{{ent: pair[1-i], span: span, resolved: true}}
		}
	}
	return nil
}
