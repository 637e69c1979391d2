// Command genmodel writes the part-of-speech model of package nlp
// (model.bin.gz) from the averaged perceptron model embedded in
// github.com/jdkato/prose v1 (package tag). Run it with "go generate
// ./internal/nlp".
//
// The output is deterministic: classes in the model's order, the tag
// dictionary and the features sorted by their strings, weights in
// thousandths (prose rounds them to three decimals when it averages them,
// so the conversion is exact), gzip without a timestamp.
//
// Format, all integers as Go varints (encoding/binary):
//
//	"kgpos1\n"
//	uvarint nclasses, nclasses × string          (tag names: "NN", "PRP$", ",")
//	uvarint nwords, nwords × (string, byte class) (the tag dictionary)
//	uvarint nfeatures, nfeatures × (string key, uvarint n, n × (byte class, varint weight×1000))
//
// where string is a uvarint length and the bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"

	"github.com/jdkato/prose/tag"
)

func main() {
	out := flag.String("o", "model.bin.gz", "output file")
	flag.Parse()
	if err := write(*out); err != nil {
		log.Fatal(err)
	}
}

func write(path string) error {
	pt := tag.NewPerceptronTagger()
	classes := pt.Classes()
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}

	var b []byte
	b = append(b, "kgpos1\n"...)
	b = binary.AppendUvarint(b, uint64(len(classes)))
	for _, c := range classes {
		b = appendString(b, c)
	}

	words := sortedKeys(pt.TagMap())
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		c, ok := index[pt.TagMap()[w]]
		if !ok {
			return fmt.Errorf("tag dictionary: %q has tag %q, which is no class", w, pt.TagMap()[w])
		}
		b = appendString(b, w)
		b = append(b, byte(c))
	}

	weights := pt.Weights()
	keys := sortedKeys(weights)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		row := weights[k]
		labels := sortedKeys(row)
		b = appendString(b, k)
		b = binary.AppendUvarint(b, uint64(len(labels)))
		for _, l := range labels {
			c, ok := index[l]
			if !ok {
				return fmt.Errorf("feature %q: weight for %q, which is no class", k, l)
			}
			w := row[l] * 1000
			m := math.Round(w)
			if math.Abs(w-m) > 1e-6 {
				return fmt.Errorf("feature %q: weight %v is not in thousandths", k, row[l])
			}
			b = append(b, byte(c))
			b = binary.AppendVarint(b, int64(m))
		}
	}

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
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
