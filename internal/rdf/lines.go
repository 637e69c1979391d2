package rdf

// A streaming reader for N-Triples and N-Quads, written here rather than
// taken from knakk/rdf: knakk's decoder reads about 100,000 statements a
// second (its lexer runs on a goroutine and sends each token over a
// channel), which made parsing alone take longer than Jena's whole
// tdbloader on a full-density export. This one reads a statement per line
// with no per-token allocation, strictly by the W3C grammars (RDF 1.1
// N-Triples and N-Quads): IRIs without the characters IRIREF excludes,
// blank node labels by BLANK_NODE_LABEL, strings with only ECHAR and UCHAR
// escapes, language tags by LANGTAG, and valid UTF-8 throughout. Its
// statements are what Parse makes of the same document (TestLineReader
// compares the two), and CheckQuad is the caller's, as for Parse.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// LineReader reads the statements of an N-Triples or N-Quads document one
// at a time.
type LineReader struct {
	r         *bufio.Reader
	quads     bool   // N-Quads: a graph name may follow the object
	scope     string // blank node label prefix (see Parse); "" keeps labels
	line      int    // of the statement read last
	n         int    // statements read
	long      []byte // a line longer than the buffer
	buf       []byte // unescaping
	memo      [1 << 10]string
	statement []byte // the line being read
	pos       int
}

// NewLineReader reads f (NTriples or NQuads) from r. Blank node labels get
// scope as prefix, as Parse scopes them ("" keeps them as written).
func NewLineReader(r io.Reader, f Format, scope string) *LineReader {
	if scope != "" {
		scope += "_"
	}
	return &LineReader{r: bufio.NewReaderSize(r, 1<<16), quads: f == NQuads, scope: scope}
}

// Line is the line of the statement read last.
func (lr *LineReader) Line() int { return lr.line }

// Statements is how many statements have been read.
func (lr *LineReader) Statements() int { return lr.n }

// Read returns the next statement, io.EOF after the last, or a
// *ParseError saying where the document is wrong.
func (lr *LineReader) Read() (quad.Quad, error) {
	for {
		line, err := lr.readLine()
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return quad.Quad{}, io.EOF
			}
			return quad.Quad{}, err
		}
		lr.line++
		lr.statement, lr.pos = line, 0
		lr.space()
		if lr.pos == len(line) || line[lr.pos] == '#' {
			continue // blank line or comment
		}
		q, perr := lr.parseStatement()
		if perr != nil {
			return quad.Quad{}, perr
		}
		lr.n++
		return q, nil
	}
}

// readLine returns the next line without its end ("\n", "\r\n", "\r").
func (lr *LineReader) readLine() ([]byte, error) {
	line, err := lr.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		lr.long = append(lr.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = lr.r.ReadSlice('\n')
			lr.long = append(lr.long, line...)
		}
		line = lr.long
	}
	for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	return line, err
}

func (lr *LineReader) parseStatement() (q quad.Quad, err *ParseError) {
	if q.Subject, err = lr.term("a subject (an IRI or a blank node)", false, true); err != nil {
		return q, err
	}
	lr.space()
	var p quad.Value
	if p, err = lr.term(`a predicate (an IRI)`, false, false); err != nil {
		return q, err
	}
	q.Predicate = p
	lr.space()
	if q.Object, err = lr.term("an object (an IRI, a blank node or a literal)", true, true); err != nil {
		return q, err
	}
	lr.space()
	if lr.quads && lr.pos < len(lr.statement) && lr.statement[lr.pos] != '.' {
		if q.Label, err = lr.term(`a graph name (an IRI or a blank node) or the final "."`, false, true); err != nil {
			return q, err
		}
		lr.space()
	}
	if lr.pos >= len(lr.statement) || lr.statement[lr.pos] != '.' {
		return q, lr.expected(`"." to end the statement`)
	}
	lr.pos++
	lr.space()
	if lr.pos < len(lr.statement) && lr.statement[lr.pos] != '#' {
		return q, lr.expected("the end of the line after the statement")
	}
	return q, nil
}

// space skips blanks and tabs.
func (lr *LineReader) space() {
	for lr.pos < len(lr.statement) && (lr.statement[lr.pos] == ' ' || lr.statement[lr.pos] == '\t' || lr.statement[lr.pos] == '\r') {
		lr.pos++
	}
}

// term reads an IRI, a blank node (bnode) or a literal (literal) where want
// belongs.
func (lr *LineReader) term(want string, literal, bnode bool) (quad.Value, *ParseError) {
	s := lr.statement
	if lr.pos >= len(s) {
		return nil, lr.expected(want)
	}
	switch s[lr.pos] {
	case '<':
		iri, err := lr.iri()
		if err != nil {
			return nil, err
		}
		return quad.IRI(iri), nil
	case '_':
		if bnode {
			return lr.blank()
		}
	case '"':
		if literal {
			return lr.literal()
		}
	}
	return nil, lr.expected(want)
}

// iri reads an IRIREF.
func (lr *LineReader) iri() (string, *ParseError) {
	s, start := lr.statement, lr.pos
	i := start + 1
	escaped := false
	for ; i < len(s) && s[i] != '>'; i++ {
		switch c := s[i]; {
		case c == '\\':
			escaped = true
		case c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`':
			lr.pos = i
			return "", lr.errorf("character %q is not allowed in an IRI (write it %%-encoded)", rune(c))
		}
	}
	if i >= len(s) {
		return "", lr.errorf(`IRI not closed with ">"`)
	}
	raw := s[start+1 : i]
	lr.pos = i + 1
	if !utf8.Valid(raw) {
		lr.pos = start
		return "", lr.errorf("invalid UTF-8 in an IRI")
	}
	if c := bytes.IndexByte(raw, ':'); c <= 0 || !rwValidScheme(string(raw[:c])) {
		lr.pos = start
		return "", lr.errorf("relative IRI <%s> (N-Triples and N-Quads take absolute IRIs only)", raw)
	}
	if !escaped {
		return lr.intern(raw), nil
	}
	b, err := lr.unescape(raw, start+1, false)
	if err != nil {
		return "", err
	}
	for _, r := range string(b) {
		if r <= ' ' || r == '<' || r == '>' || r == '"' || r == '{' || r == '}' || r == '|' || r == '^' || r == '`' || r == '\\' {
			lr.pos = start
			return "", lr.errorf("character %q is not allowed in an IRI, not even escaped", r)
		}
	}
	return string(b), nil
}

// intern returns b as a string, the same string for an IRI read recently
// (predicates, classes and graph names repeat on every line).
func (lr *LineReader) intern(b []byte) string {
	h := uint(len(b))
	for _, c := range b[max(0, len(b)-8):] {
		h = h*31 + uint(c)
	}
	e := &lr.memo[h&(uint(len(lr.memo))-1)]
	if *e != string(b) {
		*e = string(b)
	}
	return *e
}

// blank reads a BLANK_NODE_LABEL.
func (lr *LineReader) blank() (quad.Value, *ParseError) {
	s, start := lr.statement, lr.pos
	if start+2 >= len(s) || s[start+1] != ':' {
		return nil, lr.errorf(`a blank node label starts with "_:"`)
	}
	i := start + 2
	end := i // after the last character that may end a label
	for i < len(s) {
		r, size := utf8.DecodeRune(s[i:])
		ok := isPNChars(r) || r == '.'
		if i == start+2 {
			ok = isPNCharsU(r) || '0' <= r && r <= '9'
		}
		if r == utf8.RuneError && size == 1 {
			ok = false
		}
		if !ok {
			break
		}
		i += size
		if r != '.' {
			end = i
		}
	}
	if end == start+2 {
		lr.pos = start
		return nil, lr.errorf("empty or invalid blank node label")
	}
	lr.pos = end
	return quad.BNode(lr.scope + string(s[start+2:end])), nil
}

// literal reads a string with its language tag or datatype.
func (lr *LineReader) literal() (quad.Value, *ParseError) {
	s, start := lr.statement, lr.pos
	i := start + 1
	escaped := false
	for ; i < len(s) && s[i] != '"'; i++ {
		if s[i] == '\\' {
			escaped = true
			i++ // the escaped character cannot end the string
		}
	}
	if i >= len(s) {
		return nil, lr.errorf("string not closed with a quote on its line")
	}
	raw := s[start+1 : i]
	lr.pos = i + 1
	if !utf8.Valid(raw) {
		lr.pos = start
		return nil, lr.errorf("invalid UTF-8 in a string")
	}
	var value string
	if escaped {
		b, err := lr.unescape(raw, start+1, true)
		if err != nil {
			return nil, err
		}
		value = string(b)
	} else {
		value = string(raw)
	}
	switch {
	case lr.pos < len(s) && s[lr.pos] == '@':
		j := lr.pos + 1
		for j < len(s) && (isASCIILetter(s[j]) || j > lr.pos+1 && (s[j] == '-' || '0' <= s[j] && s[j] <= '9')) {
			j++
		}
		tag := string(s[lr.pos+1 : j])
		if !validLangTagSyntax(tag) {
			lr.pos++
			return nil, lr.errorf("object: invalid language tag %q (want BCP 47, e.g. en, en-US)", tag)
		}
		lr.pos = j
		return quad.LangString{Value: quad.String(value), Lang: tag}, nil
	case lr.pos+1 < len(s) && s[lr.pos] == '^' && s[lr.pos+1] == '^':
		lr.pos += 2
		if lr.pos >= len(s) || s[lr.pos] != '<' {
			return nil, lr.expected("a datatype IRI after ^^")
		}
		dt, err := lr.iri()
		if err != nil {
			return nil, err
		}
		if dt == xsdStringIRI {
			return quad.String(value), nil
		}
		return quad.TypedString{Value: quad.String(value), Type: quad.IRI(dt)}, nil
	}
	return quad.String(value), nil
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// validLangTagSyntax: LANGTAG without the "@": [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangTagSyntax(tag string) bool {
	if tag == "" || !isASCIILetter(tag[0]) || tag[len(tag)-1] == '-' {
		return false
	}
	for i := 1; i < len(tag); i++ {
		if tag[i] == '-' && tag[i-1] == '-' {
			return false
		}
		if tag[i] == '-' {
			for j := i + 1; j < len(tag) && tag[j] != '-'; j++ {
				if !isASCIILetter(tag[j]) && (tag[j] < '0' || tag[j] > '9') {
					return false
				}
			}
		}
	}
	return true
}

// unescape decodes UCHAR (and, in strings, ECHAR) escapes of raw, which
// starts at byte at of the line.
func (lr *LineReader) unescape(raw []byte, at int, echar bool) ([]byte, *ParseError) {
	b := lr.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		if i+1 >= len(raw) {
			lr.pos = at + i
			return nil, lr.errorf("a backslash ends the text")
		}
		switch e := raw[i+1]; e {
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if i+2+n > len(raw) {
				lr.pos = at + i
				return nil, lr.errorf("\\%c needs %d hex digits", e, n)
			}
			v, err := strconv.ParseUint(string(raw[i+2:i+2+n]), 16, 32)
			if err != nil || v > utf8.MaxRune || 0xD800 <= v && v <= 0xDFFF {
				lr.pos = at + i
				return nil, lr.errorf("bad escape %s", raw[i:i+2+n])
			}
			b = utf8.AppendRune(b, rune(v))
			i += 1 + n
			continue
		}
		r, ok := echarValue(raw[i+1])
		if !echar || !ok {
			lr.pos = at + i
			return nil, lr.errorf("bad escape \\%c", raw[i+1])
		}
		b = append(b, r)
		i++
	}
	lr.buf = b
	return b, nil
}

// echarValue is the character ECHAR \c stands for.
func echarValue(c byte) (byte, bool) {
	switch c {
	case 't':
		return '\t', true
	case 'b':
		return '\b', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 'f':
		return '\f', true
	case '"', '\'', '\\':
		return c, true
	}
	return 0, false
}

// expected is a syntax error: what belongs at the reader's position, and
// what is there.
func (lr *LineReader) expected(want string) *ParseError {
	found := "the end of the line"
	if lr.pos < len(lr.statement) {
		switch c := lr.statement[lr.pos]; {
		case c == '<':
			found = "an IRI"
		case c == '_':
			found = "a blank node"
		case c == '"':
			found = "a string"
		case c == '.':
			found = `"."`
		case c == '#':
			found = "a comment"
		default:
			r, _ := utf8.DecodeRune(lr.statement[lr.pos:])
			found = fmt.Sprintf("%q", r)
		}
	}
	return lr.errorf("expected %s, found %s", want, found)
}

func (lr *LineReader) errorf(format string, args ...any) *ParseError {
	return &ParseError{
		Line:       lr.line,
		Col:        utf8.RuneCount(lr.statement[:min(lr.pos, len(lr.statement))]) + 1,
		Statements: lr.n,
		Msg:        fmt.Sprintf(format, args...),
	}
}
