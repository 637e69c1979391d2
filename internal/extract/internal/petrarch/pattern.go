package main

import (
	"fmt"
	"strings"
)

// A pattern body is read as PETRARCH-2 reads it (resolve_patseg): the
// words before "*" are matched against the verb's subject (in the passive,
// its by- or from-phrase), the words after it against the verb's noun
// phrases and prepositional phrases (in the passive, the subject):
//
//	WORD          a noun phrase whose head is WORD (or an adverb phrase)
//	{MOD HEAD}    a noun phrase whose head is HEAD and that has MOD in it
//	(PREP ...)    a prepositional phrase; the words in it are its noun
//	&SET          any phrase of the synonym set
//	^             any noun phrase ("skip")
//	$  +          TABARI's source and target markers: PETRARCH-2 reads them
//	              as words that never match; here they name roles
//	%             TABARI's compound-actor marker
//
// parsePattern returns that structure; what kg can make of it is decided
// in convert.go.

// element is one item of a pattern: a noun phrase, a marker or a
// prepositional phrase.
type element struct {
	kind  elemKind
	words []string   // noun phrase: its words, head last (upper case, as written); marker: the marker
	prep  string     // prepositional phrase: the preposition
	nouns []*element // prepositional phrase: what follows the preposition
}

type elemKind uint8

const (
	elemNoun   elemKind = iota // WORD, {MOD HEAD}, &SET
	elemMarker                 // $ + ^ %
	elemPP                     // (PREP ...)
)

func (e *element) String() string {
	switch e.kind {
	case elemPP:
		s := "(" + e.prep
		for _, n := range e.nouns {
			s += " " + n.String()
		}
		return s + ")"
	case elemNoun:
		if len(e.words) > 1 {
			return "{" + strings.Join(e.words, " ") + "}"
		}
	}
	return strings.Join(e.words, " ")
}

// pattern is a parsed pattern body.
type pattern struct {
	pre, post []*element
}

// parsePattern parses "&MILITARY * (TO +) &STRONGHOLD (IN $)".
func parsePattern(body string) (*pattern, error) {
	toks := tokenize(body)
	star := -1
	for i, t := range toks {
		if t == "*" {
			if star >= 0 {
				return nil, fmt.Errorf("two verbs (*)")
			}
			star = i
		}
	}
	if star < 0 {
		return nil, fmt.Errorf("no verb (*)")
	}
	pre, err := parseElements(toks[:star])
	if err != nil {
		return nil, err
	}
	post, err := parseElements(toks[star+1:])
	if err != nil {
		return nil, err
	}
	return &pattern{pre: pre, post: post}, nil
}

// tokenize splits on blanks and makes (, ), { and } tokens of their own.
func tokenize(s string) []string {
	var toks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch r {
		case ' ', '\t':
			flush()
		case '(', ')', '{', '}':
			flush()
			toks = append(toks, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return toks
}

func parseElements(toks []string) ([]*element, error) {
	var out []*element
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; t {
		case "(":
			j := indexFrom(toks, i+1, ")")
			if j < 0 {
				return nil, fmt.Errorf("unclosed (")
			}
			inner := toks[i+1 : j]
			if len(inner) == 0 {
				return nil, fmt.Errorf("empty ()")
			}
			if strings.ContainsAny(inner[0], "{}$+^%&") {
				return nil, fmt.Errorf("(%s ...) does not start with a preposition", inner[0])
			}
			nouns, err := parseElements(inner[1:])
			if err != nil {
				return nil, err
			}
			for _, n := range nouns {
				if n.kind == elemPP {
					return nil, fmt.Errorf("nested ()")
				}
			}
			out = append(out, &element{kind: elemPP, prep: inner[0], nouns: nouns})
			i = j
		case "{":
			j := indexFrom(toks, i+1, "}")
			if j < 0 {
				return nil, fmt.Errorf("unclosed {")
			}
			words := toks[i+1 : j]
			if len(words) == 0 {
				return nil, fmt.Errorf("empty {}")
			}
			for _, w := range words {
				if w == "(" || w == ")" || w == "{" || isMarker(w) {
					return nil, fmt.Errorf("%q inside {...}", w)
				}
			}
			out = append(out, &element{kind: elemNoun, words: words})
			i = j
		case ")", "}":
			return nil, fmt.Errorf("unopened %s", t)
		default:
			if isMarker(t) {
				out = append(out, &element{kind: elemMarker, words: []string{t}})
			} else {
				out = append(out, &element{kind: elemNoun, words: []string{t}})
			}
		}
	}
	return out, nil
}

func isMarker(t string) bool { return t == "$" || t == "+" || t == "^" || t == "%" }

func indexFrom(toks []string, from int, t string) int {
	for i := from; i < len(toks); i++ {
		if toks[i] == t {
			return i
		}
	}
	return -1
}
