package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A TABARI .actors file (the format of PETRARCH's Phoenix dictionaries) is a
// series of records:
//
//	VLADIMIR_PUTIN_  # CountryInfo.txt      headword, maybe with [codes] on the line
//	+PUTIN_                                 synonyms: one per "+" line
//		[RUSELI 520101-991231]              codes: tab-indented, maybe date-bounded
//		[RUSGOV >991231]
//
// Words are joined by "_" (or, sloppily, by spaces); a trailing "_" asked
// TABARI for a word boundary and means nothing here. "#" starts a comment.
// A code is [CODE], [CODE <date], [CODE >date] or [CODE date-date], dates
// being YYMMDD or YYYYMMDD, bounds inclusive.
//
// A headword with no code of its own and no code lines shares the codes of
// the next record (PETRARCH's reader keeps filling the same code list until
// a code appears): "POLITBURO_OF_THE_COMMUNIST_PARTY_OF_THE_SOVIET_UNION"
// followed by "COMMUNIST_PARTY_OF_THE_SOVIET_UNION [SUNGOV ...]".

// record is one actor of a .actors file.
type record struct {
	file    string
	line    int      // line of the headword
	names   []string // headword first, then synonyms; raw TABARI phrases
	codes   []code
	comment string // the headword line's comment: "CountryInfo.txt", "IGOrulers.txt"
	used    bool   // taken by a country
}

// code is one [CODE dates] of a record, with dates as YYYY-MM-DD. From and
// To are inclusive, as in TABARI; empty means unbounded.
type code struct {
	Code     string
	From, To string
}

func (c code) dated() bool { return c.From != "" || c.To != "" }

// parseTABARI reads one .actors file. Lines it cannot make sense of are
// reported as warnings (file:line: ...) and skipped, not fatal: the Phoenix
// files carry a few typos that PETRARCH also skips.
func parseTABARI(name string, r io.Reader) ([]*record, []string) {
	var recs []*record
	var warns []string
	warn := func(line int, format string, args ...any) {
		warns = append(warns, fmt.Sprintf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	var cur *record
	var pending []*record // headwords still waiting for a code
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.codes) == 0 {
			pending = append(pending, cur)
		} else {
			// Codeless headwords before this one are its synonyms.
			for _, p := range pending {
				cur.names = append(cur.names, p.names...)
			}
			pending = nil
			recs = append(recs, cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		text, comment, _ := strings.Cut(raw, "#")
		if strings.TrimSpace(text) == "" {
			continue
		}
		switch {
		case text[0] == '\t' || text[0] == ' ':
			// Code lines. (Nothing else is ever indented in the Phoenix files.)
			if cur == nil {
				warn(n, "code line outside a record")
				continue
			}
			cs, err := parseCodes(text)
			if err != nil {
				warn(n, "%v", err)
			}
			cur.codes = append(cur.codes, cs...)
		case text[0] == '+':
			if cur == nil {
				warn(n, "synonym outside a record")
				continue
			}
			// "+A_+_B_" is two synonyms run together.
			for _, s := range strings.Split(text[1:], "+") {
				if s = strings.TrimSpace(s); s != "" {
					cur.names = append(cur.names, s)
				}
			}
		default:
			flush()
			head, rest, _ := strings.Cut(text, "[")
			cur = &record{file: name, line: n, names: []string{strings.TrimSpace(head)}, comment: strings.TrimSpace(comment)}
			if rest != "" {
				cs, err := parseCodes("[" + rest)
				if err != nil {
					warn(n, "%v", err)
				}
				cur.codes = cs
			}
		}
	}
	flush()
	for _, p := range pending {
		warn(p.line, "%s has no code", p.names[0])
	}
	return recs, warns
}

// parseCodes reads every [CODE dates] on a line. Codes whose dates cannot be
// read are dropped (and reported): a wrong date bound is worse than none.
func parseCodes(s string) ([]code, error) {
	var out []code
	var errs []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			errs = append(errs, fmt.Sprintf("unclosed code %q", s[i:]))
			break
		}
		c, err := parseCode(s[i+1 : i+j])
		if err != nil {
			errs = append(errs, err.Error())
		} else if c.Code != "---" { // "---" is TABARI's null code
			out = append(out, c)
		}
		s = s[i+j+1:]
	}
	if errs != nil {
		return out, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return out, nil
}

// parseCode reads "RUSGOV 991231-080507", "RUSGOV >080508", "RUSGOV <080508"
// or "RUSELI". Stray spaces ("> 130701") are tolerated.
func parseCode(s string) (code, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return code{}, fmt.Errorf("empty code")
	}
	c := code{Code: f[0]}
	restr := strings.Join(f[1:], "")
	var err error
	switch {
	case restr == "":
	case restr[0] == '>':
		c.From, err = parseDate(restr[1:])
	case restr[0] == '<':
		c.To, err = parseDate(restr[1:])
	default:
		a, b, ok := strings.Cut(restr, "-")
		if !ok {
			return code{}, fmt.Errorf("code %q: bad date restriction", s)
		}
		if c.From, err = parseDate(a); err == nil {
			c.To, err = parseDate(b)
		}
		if err == nil && c.To < c.From {
			err = fmt.Errorf("interval ends before it starts")
		}
	}
	if err != nil {
		return code{}, fmt.Errorf("code %q: %v", s, err)
	}
	return c, nil
}

// parseDate turns a TABARI date into YYYY-MM-DD. Six digits are YYMMDD with
// a two-digit year pivot at 30: the dictionaries were written in 2014, and
// their YYMMDD dates are office terms and birth years from the 1930s on, so
// 30-99 are 19xx and 00-29 are 20xx. (PETRARCH reads 30 as 2030; no date in
// the files has year 30.) Eight digits are YYYYMMDD. Two typos of the files
// are repaired: a doubled century ("1920030320" for 20030320) and one stray
// trailing digit ("201005011", which PETRARCH also reads as its first eight).
func parseDate(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("date %q is not all digits", s)
		}
	}
	switch {
	case len(s) == 6:
		yy, _ := strconv.Atoi(s[:2])
		century := "19"
		if yy < 30 {
			century = "20"
		}
		s = century + s
	case len(s) == 8:
	case len(s) == 10 && strings.HasPrefix(s, "1920"):
		s = s[2:]
	case len(s) == 9:
		s = s[:8]
	default:
		return "", fmt.Errorf("date %q is neither YYMMDD nor YYYYMMDD", s)
	}
	iso := s[:4] + "-" + s[4:6] + "-" + s[6:]
	if _, err := time.Parse("2006-01-02", iso); err != nil {
		return "", fmt.Errorf("date %q is not a calendar date", s)
	}
	return iso, nil
}

// words splits a TABARI phrase into its words: "RUSSIAN_FEDERATION_" →
// [RUSSIAN FEDERATION]. Invalid UTF-8 (a few Latin-1 leftovers) yields nil.
func words(phrase string) []string {
	if !utf8.ValidString(phrase) {
		return nil
	}
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// nextDay is the day after date (YYYY-MM-DD), "" for "": TABARI's inclusive
// end dates become kg's exclusive ones.
func nextDay(date string) string {
	if date == "" {
		return ""
	}
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}
