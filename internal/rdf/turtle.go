package rdf

import (
	"bytes"
	"unicode/utf8"
)

// Turtle terms, written from their canonical N-Triples form (the batch
// arena's bytes), so that a batch keeps no parsed copy of its terms.
//
// The Turtle forms: IRIs with a prefix when one fits (prefixed name),
// else as in N-Triples; blank nodes as in N-Triples; literals with the
// N-Triples escapes plus \t, and \uXXXX for the invisible line-breaking and
// control characters (C1 controls, U+2028, U+2029) that are legal raw but
// confuse editors and line-oriented tools reading the human-oriented
// Turtle output; canonical-looking xsd:integer, xsd:decimal and
// xsd:boolean literals bare. Every term written is followed by a space, a
// newline or ',' (never directly by '.' or ';'), which keeps prefixed
// names and bare numbers unambiguous.

func (tw *TurtleWriter) predicate(st *stmt, nt []byte) {
	if st.isType {
		tw.bw.WriteByte('a')
		return
	}
	tw.writeTerm(nt)
}

// writeTerm writes the term whose N-Triples form is nt.
func (tw *TurtleWriter) writeTerm(nt []byte) {
	w := tw.bw
	switch nt[0] {
	case '<':
		tw.iri(nt[1 : len(nt)-1])
	case '_':
		w.Write(nt)
	case '"':
		lex, lang, dt := splitNTLiteral(nt)
		if turtleShortLiteral(lex, dt) {
			w.Write(lex)
			return
		}
		w.Write(appendTurtleFromNT(w.AvailableBuffer(), lex))
		switch {
		case lang != nil:
			w.WriteByte('@')
			w.Write(lang)
		case dt != nil:
			w.WriteString("^^")
			tw.iri(dt)
		}
	}
}

func (tw *TurtleWriter) iri(iri []byte) {
	if i := tw.memo.prefix(iri); i >= 0 {
		p := tw.memo.res.prefixes[i]
		tw.bw.WriteString(p.Name)
		tw.bw.WriteByte(':')
		tw.bw.Write(iri[len(p.IRI):])
		return
	}
	// Normalized IRIs contain no character that needs a UCHAR escape.
	tw.bw.WriteByte('<')
	tw.bw.Write(iri)
	tw.bw.WriteByte('>')
}

// splitNTLiteral splits an N-Triples literal into its escaped lexical form
// (without quotes) and its language tag or datatype IRI (nil when absent).
// The suffix never contains a '"'.
func splitNTLiteral(nt []byte) (lex, lang, dt []byte) {
	q := bytes.LastIndexByte(nt, '"')
	lex, suffix := nt[1:q], nt[q+1:]
	switch {
	case len(suffix) > 0 && suffix[0] == '@':
		lang = suffix[1:]
	case len(suffix) > 3: // ^^<…>
		dt = suffix[3 : len(suffix)-1]
	}
	return lex, lang, dt
}

// turtleShortLiteral reports whether a literal can be written bare: an
// xsd:integer, xsd:decimal or xsd:boolean whose lexical form is
// canonical-looking, so that every parser reads back exactly the same
// lexical form. Anything else (e.g. "1.", ".5", "+1", "1e3", "01", "True")
// is written quoted with ^^datatype; xsd:double always is. Such lexical
// forms contain no escapes, so the N-Triples form is the value.
func turtleShortLiteral(lex, dt []byte) bool {
	switch string(dt) {
	case xsdIntegerIRI:
		return rwCanonicalInt(string(lex))
	case xsdDecimalIRI:
		i := bytes.IndexByte(lex, '.')
		return i > 0 && rwCanonicalInt(string(lex[:i])) && i+1 < len(lex) && rwDigits(string(lex[i+1:]))
	case xsdBooleanIRI:
		return string(lex) == "true" || string(lex) == "false"
	}
	return false
}

// appendTurtleFromNT appends, quoted, the Turtle form of a lexical form
// escaped for N-Triples (appendNTString): the same escapes but \t for
// \u0009, and \uXXXX for C1 controls, U+2028 and U+2029.
func appendTurtleFromNT(b []byte, lex []byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(lex); {
		c := lex[i]
		switch {
		case c == '\\':
			if lex[i+1] == 'u' && string(lex[i+2:i+6]) == "0009" {
				b = append(b, '\\', 't')
				i += 6
				continue
			}
			n := 2 // \" \\ \n \r
			if lex[i+1] == 'u' {
				n = 6
			}
			b = append(b, lex[i:i+n]...)
			i += n
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(lex) && lex[j] < utf8.RuneSelf && lex[j] != '\\' {
				j++
			}
			b = append(b, lex[i:j]...)
			i = j
		default:
			r, size := utf8.DecodeRune(lex[i:])
			if r >= 0x80 && r <= 0x9F || r == 0x2028 || r == 0x2029 {
				b = appendUCHAR(b, r)
			} else {
				b = append(b, lex[i:i+size]...)
			}
			i += size
		}
	}
	return append(b, '"')
}

// markUsed marks the prefix the term with N-Triples form nt is written
// with, if any.
func (m *iriMemo) markUsed(nt []byte, used []bool) {
	var iri []byte
	switch nt[0] {
	case '<':
		iri = nt[1 : len(nt)-1]
	case '"':
		lex, _, dt := splitNTLiteral(nt)
		if dt == nil || turtleShortLiteral(lex, dt) {
			return
		}
		iri = dt
	default:
		return
	}
	if i := m.prefix(iri); i >= 0 {
		used[i] = true
	}
}
