package extract

import (
	"regexp"
	"strings"
)

// Quotations. News quotes a speaker over several sentences and names them
// once, before the quotation ('Sir Digby added: "I don't think he will. I
// have to say he has been a prudent chancellor."') or after it ('"You have
// transformed the bank. ... we hope you will be there," she said.').
// Inside a quotation "I" and "we" are its speaker, and what it says may
// praise, criticize or demand (evaluationEvents) even in sentences that
// name no one.

// quoteGroup is one quotation: the sentences it runs over and the words
// that attribute it, before its opening mark and after its closing one.
type quoteGroup struct {
	first, last   int
	before, after string
}

// quoteMap says, for each sentence of an article, which byte ranges are
// inside quotation marks and which quotation they belong to.
type quoteMap struct {
	inside [][]quoteSpan // per sentence
	groups []quoteGroup
}

// quoteSpan is a stretch of a sentence inside quotation group.
type quoteSpan struct {
	Span  // article offsets
	group int
}

// mapQuotes follows quotation marks through an article's sentences. Curly
// marks and “ ” say which way they face; a straight " toggles. A
// quotation left open at the end of a paragraph goes on in the next one only
// if that paragraph opens with a mark, as English typesetting does.
func mapQuotes(text string, sents []Sentence) *quoteMap {
	q := &quoteMap{inside: make([][]quoteSpan, len(sents))}
	open := -1 // offset where the current quotation opened, -1 when outside
	cur := -1  // index of the current group
	prevEnd := 0
	for i, s := range sents {
		start := 0
		if open >= 0 && strings.Contains(text[prevEnd:s.Start], "\n") {
			if n := openingMark(s.Text); n > 0 {
				start = n // the paragraph re-opens the quotation
			} else {
				open, cur = -1, -1 // it ended unclosed
			}
		}
		if open >= 0 {
			open = s.Start + start
		}
		from := start // where text outside the last quotation resumes
		for j := start; j < len(s.Text); {
			n, dir := quoteMark(s.Text[j:])
			if n == 0 {
				j++
				continue
			}
			if dir == 0 { // a straight mark
				dir = 1
				if open >= 0 {
					dir = -1
				}
			}
			switch {
			case dir > 0 && open < 0:
				open = s.Start + j + n
				q.groups = append(q.groups, quoteGroup{first: i, last: i, before: s.Text[from:j]})
				cur = len(q.groups) - 1
			case dir < 0 && open >= 0:
				q.inside[i] = append(q.inside[i], quoteSpan{Span{open, s.Start + j}, cur})
				g := &q.groups[cur]
				g.last = i
				g.after = s.Text[j+n:]
				if k := strings.IndexAny(g.after, "\"“`"); k >= 0 {
					g.after = g.after[:k]
				}
				open, from = -1, j+n
			}
			j += n
		}
		if open >= 0 {
			q.inside[i] = append(q.inside[i], quoteSpan{Span{open, s.End}, cur})
			q.groups[cur].last = i
		}
		prevEnd = s.End
	}
	return q
}

// quoteMark is the length of the quotation mark text starts with (0 if
// none) and its direction: 1 opening, -1 closing, 0 either.
func quoteMark(text string) (int, int) {
	switch {
	case strings.HasPrefix(text, "``"):
		return 2, 1
	case strings.HasPrefix(text, "''"):
		return 2, -1
	case strings.HasPrefix(text, "“"):
		return len("“"), 1
	case strings.HasPrefix(text, "”"):
		return len("”"), -1
	case text[0] == '"':
		return 1, 0
	}
	return 0, 0
}

// openingMark is the length of the quotation mark a sentence opens with, 0
// if none.
func openingMark(text string) int {
	if text == "" {
		return 0
	}
	if n, dir := quoteMark(text); dir >= 0 {
		return n
	}
	return 0
}

// speakerAt is the speaker of the quotation the byte at article offset
// off of the current sentence is in, nil if none is known.
func (c *discourse) speakerAt(off int) *Entity {
	if sp := c.quoteAt(off); sp != nil {
		return c.speakers[sp.group]
	}
	return nil
}

// inQuote reports whether the byte at article offset off of the current
// sentence is inside a quotation.
func (c *discourse) inQuote(off int) bool { return c.quoteAt(off) != nil }

// quoteAt is the stretch of quotation of the current sentence holding the
// byte at article offset off, nil if none.
func (c *discourse) quoteAt(off int) *quoteSpan {
	if c.quotes == nil {
		return nil
	}
	for k, sp := range c.quotes.inside[c.sentence] {
		if off >= sp.Start && off < sp.End {
			return &c.quotes.inside[c.sentence][k]
		}
	}
	return nil
}

// Attribution: "..., Katsav said", "..., said Ehud Olmert", "..., he was
// quoted as saying", "Sir Digby added: ...". A fixed list of surface forms
// rather than the frames' speech lemmas: these run on raw text, before any
// parse, to know whom "I" means.
const speechForms = `(?:said|says|added|adds|told|tells|stressed|declared|insisted|warned|explained|noted|stated|argued|recalled|wrote|writes|continued|predicted|complained|claimed|asserted|announced|urged|(?:was|were) quoted as saying)`

// speechAux is a perfect's auxiliary before the speech verb: "Prachanda had
// said, ...", "..., the minister has said".
const speechAux = `(?:(?:has|had|have)\s+)?`

// A speaker is a name, he or she, or a definite role ("the prime
// minister", "the commission"; speakerRE).
const speakerRE = `(?:(?:[A-Z][\p{L}.'’-]*\s+){0,4}?[A-Z][\p{L}.'’-]*|[Hh]e|[Ss]he|the\s+(?:[a-z]+\s+){0,2}?[a-z]+)`

var (
	attributedAfterRE = regexp.MustCompile(`^[\s,]*(?:(` + speakerRE + `)\s+` + speechAux + speechForms +
		`|` + speechForms + `\s+(` + speakerRE + `))\b`)
	attributedBeforeRE = regexp.MustCompile(`(?:^|[,;]\s+|\b(?:and|but|as|when|then)\s+)(` + speakerRE + `)\s+` + speechAux + `(?:(?:also|later|then)\s+)?` +
		speechForms + `(?:\s+(?:\w+\s+){0,4}?\w+)?\s*[:,]\s*$`)
)

// quoteSpeaker is the actor quotation g is attributed to, resolved against
// what the article has named so far; nil when it names no one known.
func (c *discourse) quoteSpeaker(g *quoteGroup) *Entity {
	if m := attributedAfterRE.FindStringSubmatch(g.after); m != nil {
		return c.actorNamed(m[1] + m[2])
	}
	if m := attributedBeforeRE.FindStringSubmatch(g.before); m != nil {
		return c.actorNamed(m[1])
	}
	return nil
}

// actorNamed resolves a short name, a pronoun or a role: "Katsav", "Sir
// Digby", "she", "the prime minister", "the commission".
func (c *discourse) actorNamed(name string) *Entity {
	switch lower := strings.ToLower(name); lower {
	case "he", "she":
		if es := c.pronoun(lower); len(es) == 1 {
			return es[0]
		}
		return nil
	}
	toks := tokenize(name, 0)
	if len(toks) > 1 && toks[0].Text == "the" {
		if n, e := c.leaderRef(toks, 1); e != nil && n == len(toks)-1 {
			return e
		}
		if len(toks) == 2 {
			return c.orgByHead(toks[1].Text)
		}
		return nil
	}
	for k := range toks {
		if p := c.phraseAt(toks, k); p != nil && p.kind != byDemonym {
			return p.entity
		}
	}
	for k := len(toks) - 1; k >= 0; k-- {
		if e := c.surnames[toks[k].Key]; e != nil {
			return e
		}
	}
	// "Sir Digby" for Sir Digby Jones
	if len(toks) == 2 && c.dict.honorifics[toks[0].Text] {
		for i := len(c.persons) - 1; i >= 0; i-- {
			if name := tokenize(c.persons[i].Name, 0); len(name) > 1 && name[0].Key == toks[1].Key {
				return c.persons[i]
			}
		}
	}
	return nil
}

// readQuotes prepares the discourse for sentence i: the speakers of the
// quotations in it, each resolved when its first sentence is read, and the
// first of them as the sentence's. An unattributed quotation right after
// an attributed one is the same speaker's ('"A," he said. "B."').
func (c *discourse) readQuotes(i int) {
	c.sentence, c.quoted = i, nil
	for _, span := range c.quotes.inside[i] {
		g := span.group
		sp, ok := c.speakers[g]
		if !ok {
			sp = c.quoteSpeaker(&c.quotes.groups[g])
			if sp == nil && g > 0 && c.quotes.groups[g-1].last >= c.quotes.groups[g].first-1 {
				sp = c.speakers[g-1]
			}
			c.speakers[g] = sp
		}
		if c.quoted == nil {
			c.quoted = sp
		}
	}
}
