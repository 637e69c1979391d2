package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// The verb dictionary (CAMEO.2.0.txt) is read as PETRARCH-2's
// PETRreader.read_verb_dictionary reads it:
//
//	&WEAPON                         a synonym set: the "+" lines up to the
//	+MISSILE                        next set; "_" joins the words of a
//	+CRUISE_MISSILE                 phrase; a trailing "_" only stops
//	                                PETRARCH from adding a plural
//	---  ACCELERATE   [---]  ---    a verb block, its name and default code
//	RUSH                            the block's verbs, one per line, irregular
//	SPEED {SPEEDING SPEEDS SPED }   forms in {...}, maybe a code of their own;
//	+CALL_OFF [160]                 "+" marks the verb of a multi-word verb
//	- * AID   [070]   # RUSH        patterns: words before "*" are matched
//	                                before the verb (the subject), words
//	                                after it after the verb; (...) is a
//	                                prepositional phrase, {...} a noun phrase
//	                                whose last word is its head
//	~ a (b . ATTACK) SAY = a b 112  transformations of nested events
//
// "#" starts a comment everywhere; a pattern's comment names the verb it
// was written for. Patterns belong to their block: they apply to every
// verb of it.

// dictionary is the verb dictionary as written, before any conversion.
type dictionary struct {
	sets       map[string]*synset // by name, "&WEAPON"
	setOrder   []string           // names in file order
	blocks     []*block
	transforms []int // lines of "~" transformations
	problems   []string
}

// synset is a "&NAME" synonym set.
type synset struct {
	name    string // "&WEAPON"
	line    int
	entries []string // raw phrases: "CRUISE_MISSILE", "CASH_"
}

// block is a "--- NAME [CODE] ---" verb block with its verbs and patterns.
type block struct {
	name     string // "ACCELERATE"
	code     string // the block's default code, "---" for none
	line     int
	verbs    []*verbLine
	patterns []*patternLine
}

// verbLine is one verb of a block: "SPEED {SPEEDING SPEEDS SPED }",
// "+CALL_OFF [160]".
type verbLine struct {
	text  string   // "SPEED", "+CALL_OFF"
	forms []string // the forms in {...}
	code  string   // its own code, "" for the block's
	line  int
}

// patternLine is one "- ... [CODE] # comment" pattern.
type patternLine struct {
	line    int
	body    string // between "-" and the code, spaces collapsed: "* POLICE (TO BORDER)"
	code    string // between the brackets: "042:043", "---", ":173"
	comment string // "RUSH"
	bad     string // why the line cannot be read, if it cannot
}

// readDictionary reads a verb dictionary. It never fails on content:
// lines it cannot read are kept with the reason (patternLine.bad) or
// listed in problems, so that the generated file can count them.
func readDictionary(name string, r io.Reader) (*dictionary, error) {
	d := &dictionary{sets: map[string]*synset{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	inSets := true
	var set *synset
	var blk *block
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		text, comment, _ := strings.Cut(raw, "#")
		line := strings.TrimSpace(text)
		if strings.HasPrefix(raw, "####### VERB PATTERNS") {
			inSets = false
		}
		if line == "" {
			continue // PETRARCH too reads a set's "+" lines up to the next "&"
		}
		switch {
		case strings.HasPrefix(line, "---"):
			f := strings.Fields(line)
			if len(f) < 3 {
				d.problems = append(d.problems, fmt.Sprintf("%s:%d: verb block without a name and code", name, n))
				continue
			}
			code, _, _ := strings.Cut(strings.TrimPrefix(f[2], "["), "]") // "[110]---" is 110
			blk = &block{name: f[1], code: code, line: n}
			d.blocks = append(d.blocks, blk)
		case strings.HasPrefix(line, "-"):
			if blk == nil {
				d.problems = append(d.problems, fmt.Sprintf("%s:%d: pattern outside a verb block", name, n))
				continue
			}
			blk.patterns = append(blk.patterns, readPattern(n, line[1:], comment))
		case strings.HasPrefix(line, "~"):
			d.transforms = append(d.transforms, n)
		case inSets && strings.HasPrefix(line, "&"):
			set = &synset{name: strings.Fields(line)[0], line: n}
			if _, dup := d.sets[set.name]; dup {
				d.problems = append(d.problems, fmt.Sprintf("%s:%d: synonym set %s defined twice", name, n, set.name))
			}
			d.sets[set.name] = set
			d.setOrder = append(d.setOrder, set.name)
		case inSets && strings.HasPrefix(line, "+"):
			if set == nil {
				d.problems = append(d.problems, fmt.Sprintf("%s:%d: synonym outside a set", name, n))
				continue
			}
			set.entries = append(set.entries, strings.Fields(line[1:])[0])
		case blk != nil:
			blk.verbs = append(blk.verbs, readVerb(n, line))
		default:
			d.problems = append(d.problems, fmt.Sprintf("%s:%d: line outside a set or block: %q", name, n, line))
		}
	}
	return d, sc.Err()
}

// readPattern splits "* POLICE (TO BORDER)   [153]" into body and code.
func readPattern(n int, text, comment string) *patternLine {
	p := &patternLine{line: n, comment: strings.TrimSpace(comment)}
	text = strings.TrimSpace(text)
	i := strings.LastIndexByte(text, '[')
	if i < 0 || !strings.HasSuffix(text, "]") {
		p.body, p.bad = strings.Join(strings.Fields(text), " "), "no [code] at the end"
		return p
	}
	p.body, p.code = strings.Join(strings.Fields(text[:i]), " "), text[i+1:len(text)-1]
	if i > 0 && text[i-1] != ' ' && text[i-1] != '\t' {
		// "VISIT)[042:043]": PETRARCH takes the last blank-separated token
		// as the code, so this line never had a valid one.
		p.bad = "code not separated from the pattern by a blank"
	}
	return p
}

// readVerb reads "SPEED {SPEEDING SPEEDS SPED } [070]".
func readVerb(n int, text string) *verbLine {
	v := &verbLine{line: n}
	if i := strings.IndexByte(text, '['); i >= 0 {
		code, _, _ := strings.Cut(text[i+1:], "]") // "[110] ---": text after the code is noise
		v.code = strings.TrimSpace(code)
		text = text[:i]
	}
	if i := strings.IndexByte(text, '{'); i >= 0 {
		forms := strings.Trim(strings.TrimSpace(text[i:]), "{}")
		v.forms = strings.Fields(strings.ReplaceAll(forms, ",", " "))
		text = text[:i]
	}
	v.text = strings.TrimSpace(text)
	return v
}
