package rdf

// Blank node labels. knakk/rdf names the anonymous nodes of Turtle ([] and
// collections) b1, b2, … — the very labels a document may write itself:
// "_:b1 e:p [ e:q 1 ]" came out as one node pointing at itself. So before
// a Turtle document is decoded, every label it writes gets an "x" in front
// (_:b1 → _:xb1), which no generated label has, and after decoding the two
// kinds are told apart and given disjoint names.

import (
	"bytes"

	"github.com/cayleygraph/quad"
)

// markWrittenLabels returns a Turtle document with "x" put after every
// "_:" that starts a blank node label. It skips IRIs, strings and comments,
// where "_:" is text.
func markWrittenLabels(src []byte) []byte {
	if !bytes.Contains(src, []byte("_:")) {
		return src
	}
	out := make([]byte, 0, len(src)+64)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '#':
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			out, i = append(out, src[i:i+j]...), i+j
		case c == '<':
			j := bytes.IndexByte(src[i:], '>')
			if j < 0 {
				j = len(src) - i - 1
			}
			out, i = append(out, src[i:i+j+1]...), i+j+1
		case c == '"' || c == '\'':
			j := stringEnd(src, i)
			out, i = append(out, src[i:j]...), j
		case c == '_' && i+1 < len(src) && src[i+1] == ':' && (i == 0 || startsToken(src[i-1])):
			out, i = append(out, '_', ':', 'x'), i+2
		default:
			out, i = append(out, c), i+1
		}
	}
	return out
}

// startsToken reports whether a label may start after byte c.
func startsToken(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '(', '[', ',', ';', '{':
		return true
	}
	return false
}

// stringEnd returns the index just after the string literal starting at i
// (short or long, with either quote); an unterminated one runs to the end,
// for the decoder to report.
func stringEnd(src []byte, i int) int {
	q := src[i]
	long := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	j := i + 1
	if long {
		j = i + 3
	}
	for j < len(src) {
		switch {
		case src[j] == '\\':
			j += 2
		case long && src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
			return j + 3
		case !long && src[j] == q:
			return j + 1
		case !long && src[j] == '\n':
			return j // the decoder reports the broken string
		default:
			j++
		}
	}
	return len(src)
}

// relabel gives the blank nodes of one decoded document their final labels.
// Labels the document wrote come back from a marked Turtle document as "x"
// + label; others are the decoder's own. With a scope prefix (a digest of
// the document), a written label L becomes prefix_L and a generated one
// prefix-bN, so the two never meet; without, written labels are restored
// as written.
func relabel(v quad.Value, marked bool, prefix string) quad.Value {
	b, ok := v.(quad.BNode)
	if !ok {
		return v
	}
	label, written := string(b), true
	if marked {
		if label != "" && label[0] == 'x' {
			label = label[1:]
		} else {
			written = false
		}
	}
	switch {
	case prefix == "":
		return quad.BNode(label)
	case written:
		return quad.BNode(prefix + "_" + label)
	default:
		return quad.BNode(prefix + "-" + label)
	}
}
