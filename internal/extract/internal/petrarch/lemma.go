package main

import (
	"strings"

	"kg/internal/nlp"
)

// kg's frames state lemmas: base forms in lower case ("sanction" matches
// "sanctions"). PETRARCH's patterns state surface words, mostly singular,
// and its reader adds plurals to synonym sets; both become the singular.
// The lemma itself is kg's (nlp.Lemma, as the engine lemmatizes text);
// what is decided here is whether a word as written is a plural (NNS) or
// not (NN), which the tagger decides in text: the dictionary's nouns are
// common news words, and the exceptions below are the ones it holds.

// singular: nouns whose plural is irregular or that end in "s" without
// being plurals.
var singular = map[string]string{
	"people": "people", "police": "police", "news": "news", "series": "series", "species": "species",
	"headquarters": "headquarters", "means": "means", "aircraft": "aircraft", "crisis": "crisis",
	"crises": "crisis", "analysis": "analysis", "analyses": "analysis", "basis": "basis", "thesis": "thesis",
	"chaos": "chaos", "status": "status", "virus": "virus", "consensus": "consensus", "census": "census",
	"bus": "bus", "gas": "gas", "bias": "bias", "alias": "alias", "politics": "politics",
	"economics": "economics", "tactics": "tactics", "logistics": "logistics", "ethics": "ethics",
	"children": "child", "feet": "foot", "lives": "life", "wives": "wife", "knives": "knife",
	"thieves": "thief", "halves": "half", "data": "data", "media": "media", "criteria": "criteria",
	"ties": "tie", "lies": "lie", "movies": "movie", "heroes": "hero", "vetoes": "veto",
	"embargoes": "embargo", "torpedoes": "torpedo", "specimen": "specimen", "regimen": "regimen",
	"abdomen": "abdomen", "overseas": "overseas", "whereabouts": "whereabouts", "arrears": "arrears",
	"premises": "premises", "kudos": "kudos", "diabetes": "diabetes", "aegis": "aegis",
}

// nounLemma returns the lemma of a noun as written in the dictionary
// (upper or lower case): "SANCTIONS" → "sanction", "GUNMEN" → "gunman".
func nounLemma(w string) string {
	w = strings.ToLower(w)
	if s, ok := singular[w]; ok {
		return s
	}
	if plural(w) {
		return nlp.Lemma(w, nlp.NNS)
	}
	return w
}

// plural tells whether a noun (lower case) is a plural by its ending:
// the last part of a hyphenated word carries the number ("cease-fires").
func plural(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i < len(w)-1 {
		w = w[i+1:]
	}
	return singularOf(w) != w
}

// singularOf strips a plural ending.
func singularOf(w string) string {
	if s, ok := singular[w]; ok {
		return s
	}
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "men") && n > 4:
		return w[:n-3] + "man" // gunmen, militiamen, policemen
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "ches") && !strings.HasSuffix(w, "aches"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "ics"), strings.HasSuffix(w, "'s"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}
