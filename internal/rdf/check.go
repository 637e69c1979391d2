package rdf

// What every statement kg takes in must satisfy. A store only holds what a
// strict parser and kg's writers accept, so that one bad literal loaded
// today cannot make `kg export` refuse the whole store tomorrow.

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// CheckQuad returns why q is not a valid RDF statement: a literal as
// subject, predicate or graph name; a predicate that is not an IRI; a
// relative IRI; an empty blank node label; a language tag that is not
// BCP 47; or a literal whose lexical form is not in its XSD datatype's
// lexical space ("abc"^^xsd:integer, "2017-02-30"^^xsd:date). It applies
// the checks kg's writers apply, so what passes can be exported.
func CheckQuad(q quad.Quad) error { return new(Checker).Check(q) }

// Checker is CheckQuad for many statements: it reuses its memory.
type Checker struct{ b batch }

// Check is CheckQuad.
func (c *Checker) Check(q quad.Quad) error {
	c.b.reset()
	c.b.withGraph = true
	if _, _, err := c.b.encode(q); err != nil {
		return err
	}
	if ts, ok := q.Object.(quad.TypedString); ok {
		if err := CheckLexicalForm(string(ts.Value), string(ts.Type)); err != nil {
			return fmt.Errorf("object: %w", err)
		}
	}
	return nil
}

// CheckLexicalForm checks value against the lexical space of an XSD
// datatype kg knows (the numeric types, boolean, date, dateTime, time,
// gYear, gYearMonth). Values of other datatypes are accepted as they are.
// Leading and trailing white space is allowed, as XSD collapses it for
// these types.
func CheckLexicalForm(value, datatype string) error {
	local, ok := strings.CutPrefix(datatype, rwXSD)
	if !ok {
		return nil
	}
	v := strings.Trim(value, " \t\r\n")
	bad := func(what string) error {
		return fmt.Errorf("%q is not a valid xsd:%s%s", value, local, what)
	}
	switch local {
	case "integer":
		if !integerRE.MatchString(v) {
			return bad("")
		}
	case "decimal":
		if !decimalRE.MatchString(v) {
			return bad("")
		}
	case "double", "float":
		if !doubleRE.MatchString(v) {
			return bad("")
		}
	case "boolean":
		switch v {
		case "true", "false", "1", "0":
		default:
			return bad(" (true, false, 1 or 0)")
		}
	case "date":
		if !checkDateTime(dateRE, v) {
			return bad(" (YYYY-MM-DD)")
		}
	case "dateTime":
		if !checkDateTime(dateTimeRE, v) {
			return bad(" (YYYY-MM-DDThh:mm:ss)")
		}
	case "time":
		if m := timeRE.FindStringSubmatch(v); m == nil || !validClock(m[1], m[2], m[3]) {
			return bad(" (hh:mm:ss)")
		}
	case "gYear":
		if !gYearRE.MatchString(v) {
			return bad("")
		}
	case "gYearMonth":
		if m := gYearMonthRE.FindStringSubmatch(v); m == nil || m[1] < "01" || m[1] > "12" {
			return bad("")
		}
	default:
		if r, ok := integerRanges[local]; ok {
			if !integerRE.MatchString(v) {
				return bad("")
			}
			n, _ := new(big.Int).SetString(strings.TrimPrefix(v, "+"), 10)
			if (r.min != nil && n.Cmp(r.min) < 0) || (r.max != nil && n.Cmp(r.max) > 0) {
				return bad(" (out of range)")
			}
		}
	}
	return nil
}

var (
	integerRE = regexp.MustCompile(`^[+-]?[0-9]+$`)
	decimalRE = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
	doubleRE  = regexp.MustCompile(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$`)
	tzRE      = `(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?`
	// year (4 digits or more, no leading zero beyond 4), month, day
	dateRE       = regexp.MustCompile(`^(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})` + tzRE + `$`)
	dateTimeRE   = regexp.MustCompile(`^(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)` + tzRE + `$`)
	timeRE       = regexp.MustCompile(`^([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)` + tzRE + `$`)
	gYearRE      = regexp.MustCompile(`^-?(?:[1-9][0-9]{4,}|[0-9]{4})` + tzRE + `$`)
	gYearMonthRE = regexp.MustCompile(`^-?(?:[1-9][0-9]{4,}|[0-9]{4})-([0-9]{2})` + tzRE + `$`)
)

// checkDateTime matches a date or dateTime and checks that the day exists
// in its month (2017-02-29 does not; 2016-02-29 does).
func checkDateTime(re *regexp.Regexp, v string) bool {
	m := re.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	year, err := strconv.Atoi(m[1])
	if err != nil {
		return false // a year too large for int: out of what kg handles
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	// time.Date normalizes Feb 30 to Mar 2: a day that does not exist
	// comes back in another month. (The proleptic Gregorian calendar, as
	// XSD 1.1's; year 0 is 1 BCE.)
	if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Month() != time.Month(month) {
		return false
	}
	if re == dateTimeRE {
		return validClock(m[4], m[5], m[6])
	}
	return true
}

// validClock checks hh:mm:ss; 24:00:00 is allowed, as XSD allows it.
func validClock(h, m, s string) bool {
	sec, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	if h == "24" {
		return m == "00" && sec == 0
	}
	return h <= "23" && m <= "59" && sec < 60
}

type intRange struct{ min, max *big.Int }

func bigInt(s string) *big.Int { n, _ := new(big.Int).SetString(s, 10); return n }

// integerRanges are the integer types derived from xsd:integer.
var integerRanges = map[string]intRange{
	"long":               {bigInt("-9223372036854775808"), bigInt("9223372036854775807")},
	"int":                {bigInt("-2147483648"), bigInt("2147483647")},
	"short":              {bigInt("-32768"), bigInt("32767")},
	"byte":               {bigInt("-128"), bigInt("127")},
	"nonNegativeInteger": {bigInt("0"), nil},
	"positiveInteger":    {bigInt("1"), nil},
	"nonPositiveInteger": {nil, bigInt("0")},
	"negativeInteger":    {nil, bigInt("-1")},
	"unsignedLong":       {bigInt("0"), bigInt("18446744073709551615")},
	"unsignedInt":        {bigInt("0"), bigInt("4294967295")},
	"unsignedShort":      {bigInt("0"), bigInt("65535")},
	"unsignedByte":       {bigInt("0"), bigInt("255")},
}
