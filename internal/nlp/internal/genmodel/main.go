// Command genmodel writes the part-of-speech model of package nlp
// (model.bin) from the averaged perceptron model embedded in
// github.com/jdkato/prose v1 (package tag). Run it with "go generate
// ./internal/nlp".
//
// The output is deterministic: classes in the model's order, the tag
// dictionary and the features sorted, weights in thousandths (prose rounds
// them to three decimals when it averages them, so the conversion is
// exact). It is not compressed: git compresses it anyway, and reading it
// raw keeps the tagger's start-up short.
//
// Format, all integers as Go varints (encoding/binary), a string being a
// uvarint length and the bytes:
//
//	"kgpos2\n"
//	uvarint nclasses, nclasses × string           tag names: "NN", "PRP$", ","
//	uvarint nwords, nwords × (string, byte class) the tag dictionary
//	uvarint nfeatures, nfeatures × feature
//
//	feature = byte template, string arg, [string arg2,]
//	          uvarint n, n × (byte class, varint weight×1000)
//
// Templates are numbered as in the templates table below; prose writes a
// feature as the template's name, a space and the arguments ("i-1 tag+i
// word NNP said"). Only "i tag+i-2 tag" and "i-1 tag+i word" have a second
// argument; "bias" has an empty one.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/jdkato/prose/tag"
)

// templates are prose's feature templates, in the order of their numbers
// in the model file.
var templates = []string{
	"bias", "i suffix", "i pref1", "i-1 tag", "i-2 tag", "i tag+i-2 tag", "i word",
	"i-1 tag+i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix", "i+2 word",
}

func main() {
	out := flag.String("o", "model.bin", "output file")
	flag.Parse()
	b, err := convert(tag.NewPerceptronTagger())
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		log.Fatal(err)
	}
}

type feature struct {
	template   byte
	arg1, arg2 string
	key        string
}

func convert(pt *tag.PerceptronTagger) ([]byte, error) {
	classes := pt.Classes()
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}

	var b []byte
	b = append(b, "kgpos2\n"...)
	b = binary.AppendUvarint(b, uint64(len(classes)))
	for _, c := range classes {
		b = appendString(b, c)
	}

	words := sortedKeys(pt.TagMap())
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		c, ok := index[pt.TagMap()[w]]
		if !ok {
			return nil, fmt.Errorf("tag dictionary: %q has tag %q, which is no class", w, pt.TagMap()[w])
		}
		b = appendString(b, w)
		b = append(b, byte(c))
	}

	weights := pt.Weights()
	var feats []feature
	for k := range weights {
		f, err := parse(k)
		if err != nil {
			return nil, err
		}
		feats = append(feats, f)
	}
	sort.Slice(feats, func(i, j int) bool {
		a, c := feats[i], feats[j]
		if a.template != c.template {
			return a.template < c.template
		}
		if a.arg1 != c.arg1 {
			return a.arg1 < c.arg1
		}
		return a.arg2 < c.arg2
	})
	b = binary.AppendUvarint(b, uint64(len(feats)))
	for _, f := range feats {
		b = append(b, f.template)
		b = appendString(b, f.arg1)
		if f.template == 5 || f.template == 7 {
			b = appendString(b, f.arg2)
		}
		row := weights[f.key]
		labels := sortedKeys(row)
		b = binary.AppendUvarint(b, uint64(len(labels)))
		for _, l := range labels {
			c, ok := index[l]
			if !ok {
				return nil, fmt.Errorf("feature %q: weight for %q, which is no class", f.key, l)
			}
			w := row[l] * 1000
			m := math.Round(w)
			if math.Abs(w-m) > 1e-6 {
				return nil, fmt.Errorf("feature %q: weight %v is not in thousandths", f.key, row[l])
			}
			b = append(b, byte(c))
			b = binary.AppendVarint(b, int64(m))
		}
	}
	return b, nil
}

// parse splits a feature string of prose's model into its template and
// arguments.
func parse(key string) (feature, error) {
	if key == "bias" {
		return feature{key: key}, nil
	}
	// Longest template first: "i-1 tag+i word" before "i-1 tag".
	best := -1
	for i, t := range templates {
		if strings.HasPrefix(key, t+" ") && (best < 0 || len(t) > len(templates[best])) {
			best = i
		}
	}
	if best < 0 {
		return feature{}, fmt.Errorf("feature %q: unknown template", key)
	}
	f := feature{template: byte(best), arg1: key[len(templates[best])+1:], key: key}
	if best == 5 || best == 7 {
		// Two arguments; the first is a tag, which has no space.
		a, c, ok := strings.Cut(f.arg1, " ")
		if !ok {
			return feature{}, fmt.Errorf("feature %q: one argument for two", key)
		}
		f.arg1, f.arg2 = a, c
	}
	return f, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
