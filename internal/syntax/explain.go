package syntax

import (
	"fmt"
	"strings"
)

// Text is the text of tokens [from, to) as written, with single spaces.
func (p *Parse) Text(from, to int) string {
	var b strings.Builder
	for i := from; i < to && i < len(p.Toks); i++ {
		if i > from && p.Toks[i].Start > p.Toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(p.Toks[i].Text)
	}
	return b.String()
}

// PhraseText is a phrase's text.
func (p *Parse) PhraseText(ph int) string {
	if ph < 0 {
		return "-"
	}
	return p.Text(p.Phrases[ph].From, p.Phrases[ph].To)
}

// Tagged writes the tokens as word/TAG.
func (p *Parse) Tagged() string {
	parts := make([]string, len(p.Toks))
	for i, t := range p.Toks {
		parts[i] = t.Text + "/" + t.Tag.String()
	}
	return strings.Join(parts, " ")
}

// Bracketed writes the sentence with phrases in [ ] and verb groups in
// < >, the way `kg explain` shows it.
func (p *Parse) Bracketed() string {
	var b strings.Builder
	for i, t := range p.Toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if ph := p.phraseAt[i]; ph >= 0 && p.Phrases[ph].From == i {
			b.WriteByte('[')
		}
		if v := p.verbAt[i]; v >= 0 && p.Verbs[v].From == i {
			b.WriteByte('<')
		}
		b.WriteString(t.Text)
		if v := p.verbAt[i]; v >= 0 && p.Verbs[v].To == i+1 {
			b.WriteByte('>')
		}
		if ph := p.phraseAt[i]; ph >= 0 && p.Phrases[ph].To == i+1 {
			b.WriteByte(']')
		}
	}
	return b.String()
}

// Features describes a verb group's features: "past passive negated".
func (v *Verb) Features() string {
	var f []string
	add := func(ok bool, s string) {
		if ok {
			f = append(f, s)
		}
	}
	add(v.Finite, "finite")
	add(v.Infinitive, "infinitive")
	add(v.Gerund, "gerund")
	add(v.Participle, "participle")
	add(v.Past, "past")
	add(v.Perfect, "perfect")
	add(v.Progressive, "progressive")
	add(v.Passive, "passive")
	add(v.Negated, "negated")
	if v.Modal != "" {
		f = append(f, "modal="+v.Modal)
	}
	return strings.Join(f, " ")
}

// ClauseString describes clause k: "met (finite past) subj=[X] obj=[Y] with=[Z]".
func (p *Parse) ClauseString(k int) string {
	c := &p.Clauses[k]
	v := &p.Verbs[c.Verb]
	lemma := v.Lemma
	if v.Particle >= 0 {
		lemma += " " + p.Lower(v.Particle)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)", lemma, v.Features())
	members := func(ph int) string {
		var s []string
		for _, m := range p.Members(ph) {
			s = append(s, "["+p.PhraseText(m)+"]")
		}
		if len(s) == 0 {
			return "-"
		}
		return strings.Join(s, "+")
	}
	if c.Subj >= 0 {
		fmt.Fprintf(&b, " subj=%s", members(c.Subj))
		if c.SubjHow != "explicit" {
			fmt.Fprintf(&b, "(%s)", c.SubjHow)
		}
	}
	if c.IObj >= 0 {
		fmt.Fprintf(&b, " iobj=%s", members(c.IObj))
	}
	if c.Obj >= 0 {
		fmt.Fprintf(&b, " obj=%s", members(c.Obj))
	}
	for _, pp := range c.PPs {
		fmt.Fprintf(&b, " %s=%s", p.Lower(pp.Prep), members(pp.Phrase))
	}
	if c.Parent >= 0 {
		fmt.Fprintf(&b, " %s<-%s", c.Rel, p.Verbs[c.Parent].Lemma)
	} else if c.Rel != "" {
		fmt.Fprintf(&b, " %s", c.Rel)
	}
	if c.Sub != "" {
		fmt.Fprintf(&b, " sub=%s", c.Sub)
	}
	return b.String()
}
