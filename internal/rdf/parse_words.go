package rdf

import (
	"regexp"
	"strconv"
	"strings"
)

// knakk/rdf's decoder names tokens by their number in its (unexported)
// lexer enumeration: "unexpected 15 as object" means it found a "." where
// an object belongs. tokenWords spells them out, in the enumeration's
// order (knakk/rdf lex.go, pinned in go.mod); TestParseErrorsInWords
// fails if a new version renumbers them.
var tokenWords = []string{
	"the end of the file", // tokenEOF
	"the end of the line", // tokenEOL
	"an illegal token",    // tokenError
	"an IRI",              // tokenIRIAbs
	"a relative IRI",      // tokenIRIRel
	"a blank node",        // tokenBNode
	"a string",            // tokenLiteral
	`a """long string"""`, // tokenLiteral3
	"an integer",          // tokenLiteralInteger
	"a double",            // tokenLiteralDouble
	"a decimal",           // tokenLiteralDecimal
	"true or false",       // tokenLiteralBoolean
	`"@"`,                 // tokenLangMarker
	"a language tag",      // tokenLang
	`"^^"`,                // tokenDataTypeMarker
	`"."`,                 // tokenDot
	`";"`,                 // tokenSemicolon
	`","`,                 // tokenComma
	`"a" (rdf:type)`,      // tokenRDFType
	"@prefix",             // tokenPrefix
	"a prefixed name",     // tokenPrefixLabel (the "kg:" of kg:actor)
	"a prefixed name",     // tokenIRISuffix (the "actor" of kg:actor)
	"@base",               // tokenBase
	"PREFIX",              // tokenSparqlPrefix
	"BASE",                // tokenSparqlBase
	`"[]"`,                // tokenAnonBNode
	`"["`,                 // tokenPropertyListStart
	`"]"`,                 // tokenPropertyListEnd
	`"("`,                 // tokenCollectionStart
	`")"`,                 // tokenCollectionEnd
}

// expectedWords says what belongs where knakk/rdf names a position.
var expectedWords = map[string]string{
	"subject":                "a subject (an IRI or a blank node)",
	"predicate":              `a predicate (an IRI or "a")`,
	"object":                 "an object (an IRI, a blank node or a literal)",
	"graph":                  "a graph name (an IRI or a blank node) or the final \".\"",
	"dot (.)":                `"." to end the statement`,
	"directive trailing dot": `"." to end the directive`,
	"end of line":            "the end of the line after the statement",
	"IRI suffix":             "a prefixed name",
	"base IRI":               "the base IRI in <...>",
	"prefix IRI":             "the namespace IRI in <...>",
	"prefix label":           `a prefix name followed by ":"`,
	"literal datatype":       "a datatype IRI after ^^",
	"literal language":       "a language tag after @",
}

var (
	unexpectedRE  = regexp.MustCompile(`^unexpected (\d+) as (.+)$`)
	terminationRE = regexp.MustCompile(`^expected triple termination, got (\d+)$`)
	missingNSRE   = regexp.MustCompile(`^missing namespace for prefix: '(.*)'$`)
)

// inWords rewrites one of knakk/rdf's messages (position already removed)
// to say what was expected and what was found.
func inWords(msg string) string {
	token := func(n string) string {
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(tokenWords) {
			return "token " + n
		}
		return tokenWords[i]
	}
	if m := unexpectedRE.FindStringSubmatch(msg); m != nil {
		want, ok := expectedWords[m[2]]
		if !ok {
			want = m[2]
		}
		return "expected " + want + ", found " + token(m[1])
	}
	if m := terminationRE.FindStringSubmatch(msg); m != nil {
		return `expected "." (or ";" or ",") after the object, found ` + token(m[1])
	}
	if m := missingNSRE.FindStringSubmatch(msg); m != nil {
		return "undefined prefix " + strconv.Quote(m[1]+":") + " (declare it: @prefix " + m[1] + ": <...> .)"
	}
	if rest, ok := strings.CutPrefix(msg, "syntax error: "); ok {
		return rest
	}
	return msg
}
