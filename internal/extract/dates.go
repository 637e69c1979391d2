package extract

// Dates: ParseDate reads a date string (page metadata, JSON fields) in many
// formats and languages; FindDates finds the date expressions of a sentence
// and resolves them against the publication date.
//
// Dates with month names in other languages ("11 Mai 2017") are read by
// parseDateSlow, only for strings shaped like a date (maybeDate).

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// English month names and abbreviations, for the regular expressions (full
// names first, so the longest alternative wins).
const monthAlt = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`

// monthNum maps English month names and abbreviations, in lower, title and
// upper case, to 1..12. (A function, not init: package variables such as
// startWords are initialised before init runs.)
var monthNum = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sept", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	} {
		for _, n := range names {
			// The case variants let FindDates look up its match without
			// allocating a lower-case copy.
			m[n] = i + 1
			m[strings.ToUpper(n[:1])+n[1:]] = i + 1
			m[strings.ToUpper(n)] = i + 1
		}
	}
	return m
}()

var weekdayNum = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday,
}

// ParseDate reads an explicit calendar date — "2017-05-02", "May 02, 2017
// 3:23 PM", "11 Mai 2017", "Lundi, 21 Janvier 2019" — and returns it as
// YYYY-MM-DD. Day, month and year must all be given: relative dates
// ("yesterday", "Tuesday") and partial ones ("May 2017") are rejected. A time
// of day may follow and is ignored (no time zone conversion: the date is the
// one written).
func ParseDate(s string) (string, bool) {
	d, ok, _ := parseDate(s, true)
	return d, ok
}

// parseDate is ParseDate with the month-name path optional; triedSlow tells
// whether it was tried.
func parseDate(s string, slow bool) (d string, ok, triedSlow bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return "", false, false
	}
	if d, ok, sure := parseDateFast(s); sure {
		return d, ok, false
	}
	if !slow || !maybeDate(s) {
		return "", false, false
	}
	d, ok = parseDateSlow(s)
	return d, ok, true
}

var reDateEN = regexp.MustCompile(`^(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?` +
	`(?:(?i:(` + monthAlt + `))\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` +
	`|(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?i:(` + monthAlt + `))\.?,?\s+(\d{4}))` +
	// an optional time: "3:23 PM", "at 15:10:01 GMT", "11.30am EDT"
	`(?:(?:,\s*|\s+)(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?$`)

var reDateNumeric = regexp.MustCompile(`^(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})(?:(?:,?\s+|T)\d{1,2}[:.]\d{2}.*)?$`)

// parseDateFast handles the common numeric and English formats. sure is
// false when it does not know the format.
func parseDateFast(s string) (d string, ok, sure bool) {
	// ISO 8601 "2017-05-02", with an optional time "T15:01:01" or " 15:01".
	if len(s) >= 10 && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:10]) &&
		(len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		d, ok = ymd(atoiDigits(s[:4]), atoiDigits(s[5:7]), atoiDigits(s[8:10]))
		return d, ok, true
	}
	// "2017/05/02"
	if len(s) == 10 && isDigits(s[:4]) && s[4] == '/' && isDigits(s[5:7]) && s[7] == '/' && isDigits(s[8:10]) {
		d, ok = ymd(atoiDigits(s[:4]), atoiDigits(s[5:7]), atoiDigits(s[8:10]))
		return d, ok, true
	}
	// "20170502"
	if len(s) == 8 && isDigits(s) {
		d, ok = ymd(atoiDigits(s[:4]), atoiDigits(s[4:6]), atoiDigits(s[6:]))
		return d, ok, true
	}
	// "31-MAR-1987" (Reuters-21578), maybe followed by a time.
	if len(s) >= 11 && isDigits(s[:2]) && s[2] == '-' && s[6] == '-' && isDigits(s[7:11]) &&
		(len(s) == 11 || s[11] == ' ') {
		if mo := monthNum[s[3:6]]; mo > 0 {
			d, ok = ymd(atoiDigits(s[7:11]), mo, atoiDigits(s[:2]))
			return d, ok, true
		}
	}
	// "21.01.2019", "01/21/2019": with dots the day comes first (European
	// usage); with slashes or dashes the month, unless it cannot be a month.
	if m := reDateNumeric.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, b, y := atoiDigits(m[1]), atoiDigits(m[3]), atoiDigits(m[5])
		if m[2] == "." || a > 12 {
			a, b = b, a
		}
		d, ok = ymd(y, a, b)
		return d, ok, true
	}
	if m := reDateEN.FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			d, ok = ymd(atoiDigits(m[3]), monthNum[strings.ToLower(m[1])], atoiDigits(m[2]))
		} else {
			d, ok = ymd(atoiDigits(m[6]), monthNum[strings.ToLower(m[5])], atoiDigits(m[4]))
		}
		return d, ok, true
	}
	return "", false, false
}

// maybeDate decides whether parseDateSlow gets to see s. (go-dateparser,
// which parseDateSlow replaced, was slow to say no, 5–75 ms for "2004/2005",
// and found dates in non-dates: "Year ago - 1453.8".) Only strings shaped
// like a written date pass: at most six words, a year (four digits standing alone),
// a day (one or two digits standing alone) and a word that could be a month
// name. Strings in other scripts' digits are let through.
func maybeDate(s string) bool {
	if strings.Count(s, " ") > 5 {
		return false
	}
	year, day, word := false, false, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			// "1453.8" is a number, not a year; "3." (German day) is a day.
			decimal := j+1 < len(s) && (s[j] == '.' || s[j] == ',') && s[j+1] >= '0' && s[j+1] <= '9'
			switch {
			case decimal:
			case j-i == 4 && (s[i] == '1' || s[i] == '2'):
				year = true
			case j-i <= 2:
				day = true
			}
			i = j
			continue
		case r > utf8.RuneSelf && unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			// CJK month markers are single letters ("5月"); alphabetic
			// month names have three or more.
			if r > 0x2E80 || j-i >= 3 && !notMonthWord[strings.ToLower(s[i:j])] {
				word = true
			}
			i = j
			continue
		}
		i += n
	}
	return year && day && word
}

// Words that occur with numbers in Reuters tables and time stamps but never
// name a month.
var notMonthWord = map[string]bool{
	"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true, "pst": true,
	"pdt": true, "bst": true, "cet": true, "ago": true, "year": true, "years": true, "vs": true,
	"mln": true, "dlrs": true, "pct": true, "cts": true, "shr": true, "net": true, "revs": true,
	"the": true, "and": true, "for": true,
}

// parseDateSlow reads dates written with a month name in the languages
// news pages use most: "11 Mai 2017", "Lundi, 21 Janvier 2019",
// "Mittwoch, 3. Mai 2017", "3 de mayo de 2017", "maggio 3, 2017".
//
// This replaced github.com/markusmobius/go-dateparser, which covers far
// more languages but initialises its language data when a program starts:
// 0.3 s of every kg command on an idle machine, over 1 s on a busy one
// (GODEBUG=inittrace=1 kg --version), for a path used on page headers only.
func parseDateSlow(s string) (string, bool) {
	// Chinese, Japanese and Korean: "2017年5月4日", "2017년 5월 4일"
	if m := cjkDateRE.FindStringSubmatch(s); m != nil {
		return ymd(atoiDigits(m[1]), atoiDigits(m[2]), atoiDigits(m[3]))
	}
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '/'
	})
	day, month, year := 0, 0, 0
	for i, w := range f {
		switch {
		case isDigits(w) && len(w) == 4 && year == 0:
			year = atoiDigits(w)
		case isDigits(w) && len(w) <= 2 && day == 0 && year == 0:
			day = atoiDigits(w)
		case strings.TrimRight(w, "ºª°") != w || strings.HasSuffix(w, "er") && isDigits(strings.TrimSuffix(w, "er")):
			if d := strings.TrimSuffix(strings.TrimRight(w, "ºª°"), "er"); isDigits(d) && len(d) <= 2 && day == 0 {
				day = atoiDigits(d)
			} else {
				return "", false
			}
		case foreignMonths[w] > 0 && month == 0:
			month = foreignMonths[w]
		case monthNum[w] > 0 && month == 0:
			month = monthNum[w]
		case dateJoiners[w]:
		case i == 0 && !isDigits(w):
			// a weekday before the date
		case year > 0 && isClock(w):
			// a time after it: "15:10"
		default:
			return "", false
		}
	}
	if day == 0 || month == 0 || year == 0 {
		return "", false
	}
	return ymd(year, month, day)
}

var cjkDateRE = regexp.MustCompile(`^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)

// isClock reports whether w is a time of day: "15", "15:10", "3pm".
func isClock(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "am"), "pm")
	for _, part := range strings.Split(w, ":") {
		if !isDigits(part) || len(part) > 2 || part == "" {
			return false
		}
	}
	return true
}

// dateJoiners are the words between the parts of a written date.
var dateJoiners = map[string]bool{"de": true, "del": true, "of": true, "le": true, "am": true, "den": true,
	"el": true, "th": true, "st": true, "nd": true, "rd": true, "h": true, "um": true, "à": true, "a": true}

// foreignMonths are month names in French, German, Spanish, Italian,
// Portuguese and Dutch, lower case (English ones are in monthNum).
var foreignMonths = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"janvier", "januar", "jänner", "enero", "gennaio", "janeiro", "januari"},
		{"février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari"},
		{"mars", "märz", "maerz", "marzo", "março", "marco", "maart"},
		{"avril", "abril", "aprile"},
		{"mai", "mayo", "maggio", "maio", "mei"},
		{"juin", "juni", "junio", "giugno", "junho"},
		{"juillet", "juli", "julio", "luglio", "julho"},
		{"août", "aout", "agosto", "augustus"},
		{"septembre", "septiembre", "setiembre", "settembre", "setembro"},
		{"octobre", "oktober", "octubre", "ottobre", "outubro"},
		{"novembre", "noviembre", "novembro"},
		{"décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro"},
	} {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// ymd formats a date after checking it exists ("February 30" does not).
func ymd(y, m, d int) (string, bool) {
	if y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoiDigits(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// DateMention is a date expression in a sentence and the day it means.
type DateMention struct {
	Span        // byte offsets into Article.Text
	Date string // YYYY-MM-DD
	Text string // the expression as written
}

const (
	dayAlt  = `(?:[12]\d|3[01]|0?[1-9])`
	wdayAlt = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	// A month name ends at a word boundary; an abbreviation may take a period.
	monthTok = `(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?)`
)

// reDateMentionAt matches a date expression of English news text at the
// start of its input. Month and weekday names must be capitalised ("may" is
// a verb), and a month needs a day: "in May" or "May 2017" is not a day
// date. It is anchored: FindDates runs it only where a candidate word starts
// (see mentionStart), because an unanchored search with this many
// alternatives runs Go's slowest matcher over every byte of every sentence.
var reDateMentionAt = regexp.MustCompile(`^(?:` +
	// "Tuesday, May 2", "Tuesday (May 2)", "Tuesday, 2 May 2017"
	`(?P<wd1>` + wdayAlt + `)(?:,\s*|\s*\(\s*|\s+)(?:(?P<m1>` + monthTok + `)\s*(?P<d1>` + dayAlt + `)(?:st|nd|rd|th)?\b(?:\s*,\s*(?P<y1>\d{4})\b)?|(?P<d2>` + dayAlt + `)(?:st|nd|rd|th)?\s+(?P<m2>` + monthTok + `)(?:,?\s*(?P<y2>\d{4})\b)?)\)?` +
	// "April 4", "April 4, 2017", "Sept. 4", "July 7-8", "April 1 , 1997"
	`|(?P<m3>` + monthTok + `)\s*(?P<d3>` + dayAlt + `)(?:st|nd|rd|th)?(?:\s*[-–]\s*` + dayAlt + `)?\b(?:\s*,\s*(?P<y3>\d{4})\b)?` +
	// "2 May 2017", "7-8 July", "4th of July"
	`|(?P<d4>` + dayAlt + `)(?:st|nd|rd|th)?(?:\s*[-–]\s*` + dayAlt + `)?\s+(?:of\s+)?(?P<m4>` + monthTok + `)(?:,?\s+(?P<y4>\d{4})\b)?` +
	// "2017-05-02"
	`|(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b` +
	// "on Tuesday", "last Saturday", "Tuesday's call"
	`|(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?(?P<wd>` + wdayAlt + `)\b` +
	// "yesterday", "today", "last night", "this morning"
	`|(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b` +
	`)`)

var mentionGroup = func() map[string]int {
	g := map[string]int{}
	for i, n := range reDateMentionAt.SubexpNames() {
		if n != "" {
			g[n] = i
		}
	}
	return g
}()

// FindDates finds the date expressions in a sentence and resolves each to a
// day, using issued (the article's YYYY-MM-DD publication date, "" when
// unknown) for the relative ones. Expressions that cannot be resolved to a
// day are left out.
//
// How relative expressions resolve (documented choices, kept simple):
//   - "yesterday", "last night" → issued−1; "today", "tonight", "this
//     morning" → issued; "tomorrow" → issued+1.
//   - A weekday ("on Tuesday", "Tuesday's call") → the latest such day on or
//     before issued, so an article of a Tuesday saying "Tuesday" means that
//     day (go-dateparser's "past" preference would answer a week earlier).
//     With a future cue ("will attend … on Wednesday", "would send … on
//     Wednesday", "was to meet later Thursday") → the first such day on or
//     after issued, 0–6 days ahead. "last Tuesday" is strictly before,
//     "next Tuesday" strictly after.
//   - A month and day without a year ("April 4", "July 7-8", a range gives its
//     first day) → the nearest such date to issued (previous, same or next
//     year), which handles both "strikes on April 4" and "the summit on July
//     7-8" in a May article; with a future cue, the nearest on or after
//     issued. A weekday next to it ("Tuesday (May 2)") picks the year whose
//     date falls on that weekday.
//   - Explicit dates with a year resolve without issued.
//
// The tense cue is the closest tense marker before the expression (then
// after it, when there is none before), so in "spoke on Tuesday … and said
// they would seek" the past "spoke" decides: will/would/shall/'ll,
// "expected", "scheduled", "next", "plans to", "was to", … mark the future;
// "-ed" verbs, irregular past forms (said, met, spoke, …), "ago", "since" and
// "earlier" mark the past. "last week"/"last month" are not day dates and
// are left out. Only English expressions are found.
func FindDates(s Sentence, issued string) []DateMention {
	text := s.Text
	var (
		out     []DateMention
		base    time.Time
		hasBase bool
		parsed  bool
	)
	for i := 0; i < len(text); {
		j, ok := mentionStart(text, i)
		if !ok {
			i = j
			continue
		}
		// The window holds any date expression (they are short) and ends
		// at a word end, so that \b there is a real boundary.
		e := min(len(text), i+64)
		for e < len(text) && isWordByte(text[e]) {
			e++
		}
		loc := reDateMentionAt.FindStringSubmatchIndex(text[i:e])
		if loc == nil {
			i = j
			continue
		}
		if !parsed {
			if t, err := time.Parse(time.DateOnly, issued); err == nil {
				base, hasBase = t, true
			}
			parsed = true
		}
		start, end := i, i+loc[1]
		g := func(name string) string {
			k := mentionGroup[name]
			if loc[2*k] < 0 {
				return ""
			}
			return text[i+loc[2*k] : i+loc[2*k+1]]
		}
		if d, ok := resolveMention(g, text, start, end, base, hasBase); ok {
			// A trailing ")" belongs to the mention only if it opened one.
			if text[end-1] == ')' && !strings.Contains(text[start:end-1], "(") {
				end--
			}
			out = append(out, DateMention{
				Span: Span{s.Start + start, s.Start + end},
				Date: d,
				Text: text[start:end],
			})
		}
		i = i + loc[1]
	}
	return out
}

// resolveMention turns one match of reDateMentionAt (g returns its groups)
// into a date.
func resolveMention(g func(string) string, text string, start, end int, base time.Time, hasBase bool) (string, bool) {
	month := func(name string) int { return monthNum[strings.TrimSuffix(g(name), ".")] }
	switch {
	case g("wd1") != "":
		wd := weekdayNum[g("wd1")]
		if g("m1") != "" {
			return resolveMonthDay(month("m1"), atoiDigits(g("d1")), g("y1"), wd, text, start, end, base, hasBase)
		}
		return resolveMonthDay(month("m2"), atoiDigits(g("d2")), g("y2"), wd, text, start, end, base, hasBase)
	case g("m3") != "":
		return resolveMonthDay(month("m3"), atoiDigits(g("d3")), g("y3"), -1, text, start, end, base, hasBase)
	case g("m4") != "":
		return resolveMonthDay(month("m4"), atoiDigits(g("d4")), g("y4"), -1, text, start, end, base, hasBase)
	case g("iy") != "":
		return ymd(atoiDigits(g("iy")), atoiDigits(g("im")), atoiDigits(g("id")))
	case !hasBase:
		return "", false // the rest is relative to the publication date
	case g("wd") != "":
		return resolveWeekday(weekdayNum[g("wd")], strings.ToLower(g("mod")), text, start, end, base), true
	case g("rel") != "":
		off := 0
		switch strings.ToLower(g("rel")) {
		case "yesterday", "last night":
			off = -1
		case "tomorrow":
			off = 1
		}
		return base.AddDate(0, 0, off).Format(time.DateOnly), true
	}
	return "", false
}

// mentionStart looks at the token (a run of ASCII letters or of digits, or
// one other byte) at i and reports whether a date expression may start there;
// j is where the token ends. Candidates: a capitalised month or weekday name,
// a relative day word, "last"/"next"/… before a weekday or "night", a one-
// or two-digit number before a month name, and a four-digit number before
// "-". Most sentences have none, and checking them is far cheaper than the
// regular expression.
func mentionStart(text string, i int) (j int, ok bool) {
	c := text[i]
	letter, digit := isASCIILetter(c), c >= '0' && c <= '9'
	if !letter && !digit {
		return i + 1, false
	}
	j = i + 1
	for j < len(text) && (letter && isASCIILetter(text[j]) || digit && text[j] >= '0' && text[j] <= '9') {
		j++
	}
	if i > 0 && (isASCIILetter(text[i-1]) || text[i-1] >= '0' && text[i-1] <= '9') {
		return j, false // inside a word such as "G20"
	}
	w := text[i:j]
	switch {
	case letter && startWords[w]:
		return j, true
	case letter && modWords[w]:
		next, _ := nextWord(text, j)
		next, _, _ = strings.Cut(next, "'") // "last Thursday's quake"
		_, isWd := weekdayNum[next]
		return j, isWd || partOfDay[next]
	case digit && len(w) <= 2:
		return j, monthFollows(text, j)
	case digit && len(w) == 4:
		return j, j < len(text) && text[j] == '-'
	}
	return j, false
}

// monthFollows: after a day number at j comes a month name, as in
// "2 May", "4th of July", "7-8 July".
func monthFollows(text string, j int) bool {
	k := j
	if k+2 <= len(text) {
		switch text[k : k+2] {
		case "st", "nd", "rd", "th":
			k += 2
		}
	}
	for range 2 { // a range "7-8" or "7 – 8"
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if strings.HasPrefix(text[k:], "-") || strings.HasPrefix(text[k:], "–") {
			_, n := utf8.DecodeRuneInString(text[k:])
			k += n
			for k < len(text) && (text[k] == ' ' || text[k] >= '0' && text[k] <= '9') {
				k++
			}
		}
	}
	w, e := nextWord(text, k)
	if w == "of" {
		w, _ = nextWord(text, e)
	}
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && monthNum[w] > 0
}

var (
	// startWords begin a date expression: capitalised month names and
	// abbreviations, weekdays, relative day words.
	startWords = func() map[string]bool {
		m := map[string]bool{}
		for k := range monthNum {
			if k[0] >= 'A' && k[0] <= 'Z' {
				m[k] = true
			}
		}
		for k := range weekdayNum {
			m[k] = true
		}
		for _, w := range []string{"yesterday", "today", "tonight", "tomorrow"} {
			m[w] = true
			m[strings.ToUpper(w[:1])+w[1:]] = true
		}
		return m
	}()
	modWords = map[string]bool{
		"last": true, "Last": true, "next": true, "Next": true, "this": true, "This": true,
		"past": true, "Past": true, "coming": true, "Coming": true,
	}
	partOfDay = map[string]bool{"night": true, "morning": true, "afternoon": true, "evening": true}
)

func resolveMonthDay(mo, day int, year string, wd time.Weekday, text string, start, end int, base time.Time, hasBase bool) (string, bool) {
	if year != "" {
		return ymd(atoiDigits(year), mo, day)
	}
	if !hasBase || mo == 0 {
		return "", false
	}
	future := tenseAround(text, start, end) > 0
	best, bestDist := time.Time{}, int64(-1)
	bestWd := false
	for y := base.Year() - 1; y <= base.Year()+1; y++ {
		if _, ok := ymd(y, mo, day); !ok {
			continue
		}
		t := time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
		if future && t.Before(base) {
			continue
		}
		dist := int64(t.Sub(base) / time.Hour)
		if dist < 0 {
			dist = -dist
		}
		wdOK := wd < 0 || t.Weekday() == wd
		// Prefer a matching weekday, then the nearest; ties go to the past.
		if bestDist < 0 || wdOK && !bestWd || wdOK == bestWd && dist < bestDist {
			best, bestDist, bestWd = t, dist, wdOK
		}
	}
	if bestDist < 0 {
		return "", false
	}
	return best.Format(time.DateOnly), true
}

func resolveWeekday(wd time.Weekday, mod, text string, start, end int, base time.Time) string {
	back := (int(base.Weekday()) - int(wd) + 7) % 7 // days back to the latest wd on or before base
	var off int
	switch {
	case mod == "last" || mod == "past":
		off = -back
		if back == 0 {
			off = -7
		}
	case mod == "next" || mod == "coming":
		off = 7 - back // 1..7 days ahead: strictly after
	case tenseAround(text, start, end) > 0:
		// News names the day of publication by its weekday too ("will meet
		// later Thursday" in a Thursday story), so 0..6 days ahead.
		off = (7 - back) % 7
	default:
		off = -back
	}
	return base.AddDate(0, 0, off).Format(time.DateOnly)
}

// Tense cues, lower case; see tenseCue.
var (
	futureCues = map[string]bool{
		"will": true, "would": true, "shall": true, "ll": true, "won't": true, "wont": true,
		"scheduled": true, "expected": true, "expects": true, "upcoming": true, "next": true,
		"soon": true, "tomorrow": true,
	}
	// Future only when "to" follows: "plans to visit", "was to meet", but
	// "his plan on Sunday", "was held on Monday".
	futureBeforeTo = map[string]bool{
		"going": true, "due": true, "set": true, "plan": true, "plans": true, "planned": true,
		"intends": true, "aims": true, "hopes": true, "is": true, "are": true, "was": true, "were": true,
	}
	pastCues = map[string]bool{
		"said": true, "was": true, "were": true, "had": true, "did": true, "spoke": true,
		"met": true, "told": true, "began": true, "begun": true, "went": true, "came": true, "took": true,
		"made": true, "held": true, "gave": true, "saw": true, "found": true, "left": true, "sent": true,
		"brought": true, "fought": true, "won": true, "lost": true, "ran": true, "rose": true, "fell": true,
		"struck": true, "led": true, "fled": true, "paid": true, "sold": true, "bought": true, "became": true,
		"broke": true, "chose": true, "drew": true, "flew": true, "got": true, "grew": true, "kept": true,
		"laid": true, "meant": true, "wrote": true, "stood": true, "shot": true, "spent": true, "threw": true,
		"ago": true, "earlier": true, "yesterday": true, "last": true, "since": true,
	}
	// Words ending in "-ed" that are not past forms.
	notPast = map[string]bool{
		"need": true, "speed": true, "feed": true, "seed": true, "proceed": true, "exceed": true,
		"succeed": true, "indeed": true, "hundred": true, "red": true, "bed": true, "shed": true,
		"breed": true, "creed": true, "greed": true, "weed": true, "deed": true, "sled": true,
	}
)

// tenseAround returns +1 for a future cue, -1 for a past cue, 0 for none:
// the closest cue before text[start:end] in the sentence, else the closest
// after it. See FindDates.
func tenseAround(text string, start, end int) int {
	// A window around the expression keeps the cost per mention bounded.
	lo, hi := max(0, start-300), min(len(text), end+150)
	text, start, end = text[lo:hi], start-lo, end-lo
	// Backwards from the expression, up to 25 words; right is the word
	// after w.
	i, right := start, ""
	if r, _ := nextWord(text, end); r != "" {
		right = r
	}
	for n := 0; n < 25 && i > 0; n++ {
		var w string
		w, i = prevWord(text, i)
		if w == "" {
			break
		}
		if t := tenseCue(w, right); t != 0 {
			// "will be held on Sunday": a participle after "be" is no past;
			// the tense is before it
			if pw, _ := prevWord(text, i); t < 0 && strings.EqualFold(pw, "be") {
				right = w
				continue
			}
			return t
		}
		right = w
	}
	// Then forwards ("On Wednesday, the two will meet").
	j := end
	w, j := nextWord(text, j)
	for n := 0; n < 10 && w != ""; n++ {
		var next string
		next, j = nextWord(text, j)
		if t := tenseCue(w, next); t != 0 {
			return t
		}
		w = next
	}
	return 0
}

// tenseCue classifies word w, followed by the word next.
func tenseCue(w, next string) int {
	var buf [24]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := buf[:len(w)]
	switch {
	case futureCues[string(lw)], next == "to" && futureBeforeTo[string(lw)], hasSuffix(lw, "'ll"):
		return 1
	case pastCues[string(lw)]:
		return -1
	}
	// "-ed" verbs in lower case ("signaled", "agreed"), not "United".
	if len(lw) >= 4 && hasSuffix(lw, "ed") && w[0] >= 'a' && w[0] <= 'z' && !notPast[string(lw)] {
		return -1
	}
	return 0
}

func hasSuffix(b []byte, suf string) bool {
	return len(b) >= len(suf) && string(b[len(b)-len(suf):]) == suf
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\''
}

// prevWord returns the ASCII word ending before i and where it starts.
func prevWord(text string, i int) (string, int) {
	for i > 0 && !isWordByte(text[i-1]) {
		i--
	}
	e := i
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	return strings.Trim(text[i:e], "'"), i
}

// nextWord returns the ASCII word starting at or after i and where it ends.
func nextWord(text string, i int) (string, int) {
	for i < len(text) && !isWordByte(text[i]) {
		i++
	}
	s := i
	for i < len(text) && isWordByte(text[i]) {
		i++
	}
	return strings.Trim(text[s:i], "'"), i
}
