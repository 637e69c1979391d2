package ui

// Text from articles, file names and stores reaches the terminal: a title
// holding ESC [2J clears the screen, one with ESC ] can set the window
// title or, on some terminals, more. So what kg prints to a terminal has
// its control characters escaped, visibly: ESC becomes \x1b. Output to a
// file or a pipe is left as it is: it is data.

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// isControl reports whether r is a control character a terminal may act
// on: C0 (but tab and newline), DEL, C1 (U+0080–U+009F: U+009B is CSI on
// some terminals), and the bidirectional overrides and isolates that make
// text read in an order it is not written in (U+202A–U+202E, U+2066–U+2069).
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Escape returns s with every control character a terminal may act on
// written as an escape: \x1b, \r, \u202e. Bytes that are not UTF-8 are
// written \xff. Tabs and newlines are kept.
func Escape(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isControl(r) || r == utf8.RuneError && n == 1 {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	appendEscaped(&b, []byte(s), true)
	return b.String()
}

// appendEscaped writes p escaped; unless final, it stops before an
// incomplete UTF-8 sequence at the end and returns its length.
func appendEscaped(b *strings.Builder, p []byte, final bool) (rest int) {
	for i := 0; i < len(p); {
		if !final && !utf8.FullRune(p[i:]) {
			return len(p) - i
		}
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(b, `\x%02x`, p[i])
		case r == '\r':
			b.WriteString(`\r`)
		case isControl(r) && r < 0x100:
			fmt.Fprintf(b, `\x%02x`, r)
		case isControl(r):
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.Write(p[i : i+n])
		}
		i += n
	}
	return 0
}

// escapeWriter escapes what is written through it for a terminal (see
// Escape). A UTF-8 sequence split between two writes is kept until the
// second; Flush writes what is left.
type escapeWriter struct {
	w       io.Writer
	pending []byte
}

func (e *escapeWriter) Write(p []byte) (int, error) {
	buf := p
	if len(e.pending) > 0 {
		buf = append(e.pending, p...)
	}
	var b strings.Builder
	rest := appendEscaped(&b, buf, false)
	e.pending = append(e.pending[:0], buf[len(buf)-rest:]...)
	if _, err := io.WriteString(e.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a trailing incomplete UTF-8 sequence, escaped.
func (e *escapeWriter) Flush() error {
	if len(e.pending) == 0 {
		return nil
	}
	var b strings.Builder
	appendEscaped(&b, e.pending, true)
	e.pending = e.pending[:0]
	_, err := io.WriteString(e.w, b.String())
	return err
}
