package rdf

// The writers' common core: statements are validated and encoded once, in
// their canonical N-Triples form, into one growing byte buffer (the batch's
// arena), then sorted and de-duplicated by comparing those bytes, and
// written. N-Triples and N-Quads lines are copied straight from the arena;
// Turtle re-formats each term from its N-Triples form (turtle.go).
//
// Why not a string per term, as before: profiling `kg build` showed the
// writers spending most of their time allocating N-Triples keys, hashing
// them (a map of every IRI seen, a map of every shared triple), and in the
// garbage collector freeing them. An arena reused from batch to batch
// allocates nothing per statement.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// stmt is one statement of a batch: buf[start:se] is its subject in
// N-Triples form, buf[se+1:pe] the predicate, buf[pe+1:oe] the object and
// buf[oe+1:end] the graph name (empty: none), each separated by one space,
// so buf[start:end] is the N-Quads line without " .\n".
//
// Comparing whole lines orders statements as comparing their terms one by
// one would: a term is a proper prefix of another only when the shorter
// one ends there ("_:b" / "_:b1", "\"a\"" / "\"a\"@en"), and the space
// after it sorts below every byte an N-Triples term can continue with.
type stmt struct {
	start, se, pe, oe, end uint32
	rank                   uint32 // the subject's rank among the batch's subjects (large batches, see sortTurtle)
	isType                 bool   // the predicate is rdf:type (Turtle: first, as "a")
}

// batch is a list of statements in one arena.
type batch struct {
	buf       []byte
	stmts     []stmt
	withGraph bool // encode quad labels (N-Quads)
	memo      *iriMemo
	// the last IRI seen in each position (subject, predicate, object,
	// graph) and its normalized form: consecutive quads mostly share their
	// subject and graph, and comparing a string with itself is free.
	last [4][2]string
}

func (b *batch) reset() {
	b.buf = b.buf[:0]
	b.stmts = b.stmts[:0]
}

// pop removes the last statement added.
func (b *batch) pop() {
	st := b.stmts[len(b.stmts)-1]
	b.buf = b.buf[:st.start]
	b.stmts = b.stmts[:len(b.stmts)-1]
}

func (b *batch) subject(st *stmt) []byte   { return b.buf[st.start:st.se] }
func (b *batch) predicate(st *stmt) []byte { return b.buf[st.se+1 : st.pe] }
func (b *batch) object(st *stmt) []byte    { return b.buf[st.pe+1 : st.oe] }
func (b *batch) line(st *stmt) []byte      { return b.buf[st.start:st.end] }

// add validates q and appends it. An invalid quad returns an error and
// leaves the batch as it was.
func (b *batch) add(q quad.Quad) error {
	mark := len(b.buf)
	st, _, err := b.encode(q)
	if err != nil {
		b.buf = b.buf[:mark]
		return err
	}
	b.stmts = append(b.stmts, st)
	return nil
}

func (b *batch) encode(q quad.Quad) (st stmt, t [3]rdfTerm, err error) {
	if len(b.buf) > 1<<31 {
		return st, t, errors.New("batch too large") // offsets are uint32
	}
	st.start = uint32(len(b.buf))
	if t[0], err = b.term(q.Subject, 0); err != nil {
		return st, t, fmt.Errorf("subject: %w", err)
	}
	if t[0].kind == tkLiteral {
		return st, t, errors.New("subject: a literal cannot be a subject")
	}
	st.se = uint32(len(b.buf))
	b.buf = append(b.buf, ' ')
	if t[1], err = b.term(q.Predicate, 1); err != nil {
		return st, t, fmt.Errorf("predicate: %w", err)
	}
	if t[1].kind != tkIRI {
		return st, t, errors.New("predicate: must be an IRI")
	}
	st.isType = t[1].val == rdfTypeIRI
	st.pe = uint32(len(b.buf))
	b.buf = append(b.buf, ' ')
	if t[2], err = b.term(q.Object, 2); err != nil {
		return st, t, fmt.Errorf("object: %w", err)
	}
	st.oe = uint32(len(b.buf))
	if b.withGraph && q.Label != nil {
		b.buf = append(b.buf, ' ')
		g, err := b.term(q.Label, 3)
		if err != nil {
			return st, t, fmt.Errorf("label: %w", err)
		}
		if g.kind == tkLiteral {
			return st, t, errors.New("label: a graph name must be an IRI or blank node")
		}
	}
	st.end = uint32(len(b.buf))
	return st, t, nil
}

// term parses v and appends its N-Triples form.
func (b *batch) term(v quad.Value, pos int) (rdfTerm, error) {
	var t rdfTerm
	if iri, ok := v.(quad.IRI); ok {
		last := &b.last[pos]
		if string(iri) != last[0] || last[1] == "" {
			norm, err := b.memo.normalize(string(iri))
			if err != nil {
				return t, err
			}
			*last = [2]string{string(iri), norm}
		}
		t = rdfTerm{kind: tkIRI, val: last[1]}
	} else {
		var err error
		if t, err = toRDFTermMemo(v, b.memo); err != nil {
			return t, err
		}
	}
	b.buf = t.appendNT(b.buf)
	return t, nil
}

// appendNT appends the canonical N-Triples form of t.
func (t rdfTerm) appendNT(b []byte) []byte {
	switch t.kind {
	case tkIRI:
		b = append(b, '<')
		b = append(b, t.val...)
		return append(b, '>')
	case tkBNode:
		b = append(b, "_:"...)
		return append(b, t.val...)
	}
	b = appendNTString(b, t.val)
	switch {
	case t.lang != "":
		b = append(b, '@')
		b = append(b, t.lang...)
	case t.dt != "":
		b = append(b, "^^<"...)
		b = append(b, t.dt...)
		b = append(b, '>')
	}
	return b
}

// sortTurtle orders the statements by subject, then predicate with rdf:type
// first, then object (then graph), and drops duplicates.
//
// A large batch (a whole graph, for kg export) ranks its distinct subjects
// first and then sorts by rank: comparing subjects is mostly comparing the
// same long namespace ("<https://w3id.org/kg/id/report/") in bytes spread
// over the arena, and doing it once per distinct subject rather than for
// every comparison of the sort halves the time.
func (b *batch) sortTurtle() {
	ranked := len(b.stmts) > 1<<12
	if ranked {
		b.rankSubjects()
	}
	slices.SortFunc(b.stmts, func(x, y stmt) int {
		if ranked {
			if x.rank != y.rank {
				return int(x.rank) - int(y.rank)
			}
		} else if c := bytes.Compare(b.subject(&x), b.subject(&y)); c != 0 {
			return c
		}
		if x.isType != y.isType {
			if x.isType {
				return -1
			}
			return 1
		}
		return bytes.Compare(b.buf[x.se+1:x.end], b.buf[y.se+1:y.end])
	})
	b.compact()
}

// rankSubjects sets each statement's rank: the place of its subject among
// the batch's distinct subjects in N-Triples order.
func (b *batch) rankSubjects() {
	group := make(map[string]uint32, len(b.stmts)/4)
	var firsts []uint32 // a statement of each distinct subject
	for i := range b.stmts {
		st := &b.stmts[i]
		g, ok := group[string(b.subject(st))]
		if !ok {
			g = uint32(len(firsts))
			group[string(b.subject(st))] = g
			firsts = append(firsts, uint32(i))
		}
		st.rank = g
	}
	order := make([]uint32, len(firsts)) // groups in subject order
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int {
		return bytes.Compare(b.subject(&b.stmts[firsts[x]]), b.subject(&b.stmts[firsts[y]]))
	})
	rank := make([]uint32, len(order))
	for r, g := range order {
		rank[g] = uint32(r)
	}
	for i := range b.stmts {
		b.stmts[i].rank = rank[b.stmts[i].rank]
	}
}

// sortLines orders the statements by their N-Triples (N-Quads) line and
// drops duplicates.
func (b *batch) sortLines() {
	if len(b.stmts) > 1<<12 { // as in sortTurtle
		b.rankSubjects()
		slices.SortFunc(b.stmts, func(x, y stmt) int {
			if x.rank != y.rank {
				return int(x.rank) - int(y.rank)
			}
			return bytes.Compare(b.buf[x.se:x.end], b.buf[y.se:y.end])
		})
	} else {
		slices.SortFunc(b.stmts, func(x, y stmt) int {
			return bytes.Compare(b.line(&x), b.line(&y))
		})
	}
	b.compact()
}

// grow makes room for n more statements of about 150 bytes.
func (b *batch) grow(n int) {
	b.buf = slices.Grow(b.buf, n*150)
	b.stmts = slices.Grow(b.stmts, n)
}

// compact drops statements equal to the one before (after sorting).
func (b *batch) compact() {
	b.stmts = slices.CompactFunc(b.stmts, func(x, y stmt) bool {
		return bytes.Equal(b.line(&x), b.line(&y))
	})
}

// writeLines writes the statements as N-Triples / N-Quads lines.
func (b *batch) writeLines(w *bufio.Writer) error {
	for i := range b.stmts {
		w.Write(b.line(&b.stmts[i]))
		if _, err := w.WriteString(" .\n"); err != nil {
			return err
		}
	}
	return nil
}

// lineSet remembers statements by a 128-bit hash of their line: the shared
// descriptions a stream has already written. Two different lines have the
// same hash with probability 2⁻¹²⁸ per pair: never, for any graph that
// fits on a disk. Keeping hashes rather than lines keeps the set at 16
// bytes a statement.
type lineSet struct {
	seeds [2]maphash.Seed
	m     map[[2]uint64]struct{}
}

func newLineSet() *lineSet {
	return &lineSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, m: map[[2]uint64]struct{}{}}
}

// add reports whether line is new, and remembers it.
func (s *lineSet) add(line []byte) bool {
	k := [2]uint64{maphash.Bytes(s.seeds[0], line), maphash.Bytes(s.seeds[1], line)}
	if _, ok := s.m[k]; ok {
		return false
	}
	s.m[k] = struct{}{}
	return true
}

// iriMemo remembers, for recently seen IRIs, their normalized form and the
// prefix to write them with. It is a fixed-size table (an entry is
// overwritten by the next IRI with the same slot), so it needs no eviction
// and never grows: a graph repeats a few hundred predicates, classes and
// actors millions of times, and each distinct event or report IRI a few
// times in a row.
type iriMemo struct {
	seed    maphash.Seed
	entries [iriMemoSize]iriMemoEntry
	res     *rwPrefixResolver // nil: no prefixes
	// the last language tag checked and its lower-case form ("en", always)
	lang, langLower string
}

const iriMemoSize = 1 << 12

type iriMemoEntry struct {
	iri, norm string
	prefix    int // index in res.prefixes, -1 none, -2 not looked up yet
}

func newIRIMemo(res *rwPrefixResolver) *iriMemo {
	return &iriMemo{seed: maphash.MakeSeed(), res: res}
}

func (m *iriMemo) entry(iri string) (*iriMemoEntry, bool) {
	e := &m.entries[maphash.String(m.seed, iri)&(iriMemoSize-1)]
	return e, e.iri == iri && e.norm != ""
}

func (m *iriMemo) entryBytes(iri []byte) (*iriMemoEntry, bool) {
	e := &m.entries[maphash.Bytes(m.seed, iri)&(iriMemoSize-1)]
	return e, e.iri == string(iri) && e.norm != ""
}

// normalize is rwNormalizeIRI, remembered.
func (m *iriMemo) normalize(iri string) (string, error) {
	if m == nil {
		return rwNormalizeIRI(iri)
	}
	e, ok := m.entry(iri)
	if ok {
		return e.norm, nil
	}
	norm, err := rwNormalizeIRI(iri)
	if err != nil {
		return "", err
	}
	*e = iriMemoEntry{iri: iri, norm: norm, prefix: -2}
	return norm, nil
}

// langTag checks a language tag and returns its lower-case form,
// remembering the last one.
func (m *iriMemo) langTag(tag string) (string, error) {
	if m != nil && tag == m.lang && tag != "" {
		return m.langLower, nil
	}
	if !rwValidLangTag(tag) {
		return "", fmt.Errorf("invalid language tag %q (want BCP 47, e.g. en, en-US)", tag)
	}
	lower := strings.ToLower(tag)
	if m != nil {
		m.lang, m.langLower = tag, lower
	}
	return lower, nil
}

// prefix is res.lookup for a normalized IRI, remembered.
func (m *iriMemo) prefix(norm []byte) int {
	e, ok := m.entryBytes(norm)
	if !ok {
		s := string(norm)
		*e = iriMemoEntry{iri: s, norm: s, prefix: -2}
	}
	if e.prefix == -2 {
		e.prefix = m.res.lookup(e.norm)
	}
	return e.prefix
}
