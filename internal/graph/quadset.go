package graph

import (
	"encoding/binary"
	"hash/maphash"

	"github.com/cayleygraph/quad"
)

// QuadSet remembers quads by a 128-bit hash of their values, for a build to
// drop the shared descriptions (actors, CAMEO concepts) it has already
// handed to the store and the file. Articles repeat them: at two events an
// article, more than half of the quads ArticleQuads returns are such
// repeats, and dropping them early spares the store a lookup and the writer
// an encoding for each. Two different quads have the same hash with
// probability 2⁻¹²⁸ per pair, and a set holds 16 bytes a quad.
type QuadSet struct {
	h [2]maphash.Hash
	m map[[2]uint64]struct{}
}

// NewQuadSet returns an empty set.
func NewQuadSet() *QuadSet {
	s := &QuadSet{m: map[[2]uint64]struct{}{}}
	s.h[1].SetSeed(maphash.MakeSeed()) // h[0] seeds itself
	return s
}

// Add reports whether q is new, and remembers it.
func (s *QuadSet) Add(q quad.Quad) bool {
	var k [2]uint64
	for i := range s.h {
		h := &s.h[i]
		h.Reset()
		for _, v := range [...]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			writeValue(h, v)
		}
		k[i] = h.Sum64()
	}
	if _, ok := s.m[k]; ok {
		return false
	}
	s.m[k] = struct{}{}
	return true
}

// Filter keeps the quads of qs that are new, in place.
func (s *QuadSet) Filter(qs []quad.Quad) []quad.Quad {
	out := qs[:0]
	for _, q := range qs {
		if s.Add(q) {
			out = append(out, q)
		}
	}
	return out
}

// writeValue writes v unambiguously: a kind byte, then each string with
// its length.
func writeValue(h *maphash.Hash, v quad.Value) {
	str := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.WriteString(s)
	}
	switch v := v.(type) {
	case nil:
		h.WriteByte(0)
	case quad.IRI:
		h.WriteByte('I')
		str(string(v))
	case quad.BNode:
		h.WriteByte('B')
		str(string(v))
	case quad.String:
		h.WriteByte('S')
		str(string(v))
	case quad.LangString:
		h.WriteByte('L')
		str(string(v.Value))
		str(v.Lang)
	case quad.TypedString:
		h.WriteByte('T')
		str(string(v.Value))
		str(string(v.Type))
	default: // numbers, booleans, times: their N-Triples form names the type
		h.WriteByte('O')
		str(quad.StringOf(v))
	}
}
