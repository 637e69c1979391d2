// Command gencameo writes the CAMEO event taxonomy as a SKOS concept scheme
// (cameo.ttl) and as Go lookup tables (cameo_codes.go) for package ontology.
//
// Inputs are GDELT's public lookup tables as kept in the shared directory:
//
//	-codes      code<TAB>label<TAB>level, level one of quad_class, root, base, sub
//	-goldstein  CAMEOEVENTCODE<TAB>GOLDSTEINSCALE (CRLF tolerated)
//
// It is run by go generate in ontology/ (see embed.go). Both outputs are
// committed, so kg never needs the shared directory at run time. Output is
// sorted by code and otherwise fixed, so regenerating from the same inputs
// gives the same bytes; gencameo's test checks that.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

// run parses flags, reads both tables and writes both outputs.
func run(args []string) error {
	fs := flag.NewFlagSet("gencameo", flag.ContinueOnError)
	codesPath := fs.String("codes", "", "CAMEO code table (code, label, level; TSV)")
	goldPath := fs.String("goldstein", "", "Goldstein scale table (code, value; TSV)")
	ttlPath := fs.String("ttl", "cameo.ttl", "Turtle output")
	goPath := fs.String("go", "cameo_codes.go", "Go output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *codesPath == "" || *goldPath == "" {
		return errors.New("-codes and -goldstein are required")
	}
	codes, err := readFile(*codesPath, readCodes)
	if err != nil {
		return err
	}
	gold, err := readFile(*goldPath, readGoldstein)
	if err != nil {
		return err
	}
	tax, err := build(codes, gold)
	if err != nil {
		return err
	}
	goSrc, err := tax.goSource()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*ttlPath, tax.turtle(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(*goPath, goSrc, 0o644)
}

func readFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// row is one line of the code table.
type row struct{ code, label, level string }

// readTSV splits r into tab-separated records, checks the header and the
// field count, and drops CRs and blank lines. It returns records with their
// line numbers for error messages.
func readTSV(r io.Reader, header string, fields int, each func(line int, rec []string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			if text != header {
				return fmt.Errorf("line 1: header %q, want %q", text, header)
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		rec := strings.Split(text, "\t")
		if len(rec) != fields {
			return fmt.Errorf("line %d: %d fields, want %d", line, len(rec), fields)
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if err := each(line, rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

func readCodes(r io.Reader) ([]row, error) {
	var rows []row
	err := readTSV(r, "code\tlabel\tlevel", 3, func(_ int, rec []string) error {
		rows = append(rows, row{rec[0], rec[1], rec[2]})
		return nil
	})
	return rows, err
}

func readGoldstein(r io.Reader) (map[string]float64, error) {
	m := map[string]float64{}
	err := readTSV(r, "CAMEOEVENTCODE\tGOLDSTEINSCALE", 2, func(_ int, rec []string) error {
		v, err := strconv.ParseFloat(rec[1], 64)
		if err != nil {
			return err
		}
		if v < -10 || v > 10 {
			return fmt.Errorf("code %s: Goldstein value %v outside [-10, 10]", rec[0], v)
		}
		if _, dup := m[rec[0]]; dup {
			return fmt.Errorf("code %s listed twice", rec[0])
		}
		m[rec[0]] = v
		return nil
	})
	return m, err
}

// concept is one CAMEO event code.
type concept struct {
	code, label string
	parent      string // "" for the 20 roots
	quad        int
	goldstein   float64
	hasGold     bool
}

// taxonomy is the checked, sorted content of both tables.
type taxonomy struct {
	concepts  []concept      // sorted by code
	quadLabel map[int]string // 1..4
}

// levelLen is the code length each level must have; a code's parent is the
// code one digit shorter (0411 -> 041 -> 04).
var levelLen = map[string]int{"quad_class": 1, "root": 2, "base": 3, "sub": 4}

// quadOf maps a root code to its GDELT quad class: 01-05 verbal cooperation,
// 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
// The code table lists the four classes but not which roots they hold.
func quadOf(root string) (int, error) {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil || n < 1 || n > 20:
		return 0, fmt.Errorf("root code %q outside 01-20", root)
	case n <= 5:
		return 1, nil
	case n <= 8:
		return 2, nil
	case n <= 13:
		return 3, nil
	default:
		return 4, nil
	}
}

func build(rows []row, gold map[string]float64) (*taxonomy, error) {
	t := &taxonomy{quadLabel: map[int]string{}}
	seen := map[string]bool{}
	for _, r := range rows {
		want, ok := levelLen[r.level]
		if !ok {
			return nil, fmt.Errorf("code %s: unknown level %q", r.code, r.level)
		}
		if len(r.code) != want || strings.Trim(r.code, "0123456789") != "" {
			return nil, fmt.Errorf("code %q: want %d digits for level %s", r.code, want, r.level)
		}
		if r.label == "" {
			return nil, fmt.Errorf("code %s: empty label", r.code)
		}
		if seen[r.code] {
			return nil, fmt.Errorf("code %s listed twice", r.code)
		}
		seen[r.code] = true
		if r.level == "quad_class" {
			q, _ := strconv.Atoi(r.code)
			t.quadLabel[q] = r.label
			continue
		}
		c := concept{code: r.code, label: r.label}
		if r.level == "root" {
			// GDELT writes root labels in capitals to mark the level; SKOS
			// says the level with skos:broader, so use sentence case.
			c.label = sentenceCase(r.label)
		} else {
			c.parent = r.code[:len(r.code)-1]
		}
		q, err := quadOf(r.code[:2])
		if err != nil {
			return nil, err
		}
		c.quad = q
		c.goldstein, c.hasGold = gold[r.code]
		t.concepts = append(t.concepts, c)
	}
	for q := 1; q <= 4; q++ {
		if t.quadLabel[q] == "" {
			return nil, fmt.Errorf("quad class %d missing", q)
		}
	}
	for _, c := range t.concepts {
		if c.parent != "" && !seen[c.parent] {
			return nil, fmt.Errorf("code %s: parent %s not listed", c.code, c.parent)
		}
	}
	for code := range gold {
		if !seen[code] || len(code) == 1 {
			return nil, fmt.Errorf("the Goldstein table lists code %s, which is not an event code", code)
		}
	}
	sort.Slice(t.concepts, func(i, j int) bool { return t.concepts[i].code < t.concepts[j].code })
	return t, nil
}

func sentenceCase(s string) string {
	s = strings.ToLower(s)
	return strings.ToUpper(s[:1]) + s[1:]
}

const generatedBy = "Code generated by gencameo from cameo_event_codes.tsv and CAMEO.goldsteinscale.txt; DO NOT EDIT."

// turtle renders the taxonomy. IRIs are written as cameo:<code> prefixed
// names (a Turtle 1.1 local name may start with a digit).
func (t *taxonomy) turtle() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n", generatedBy)
	p("#\n# The CAMEO event taxonomy as a SKOS concept scheme: one skos:Concept per\n")
	p("# event code at https://w3id.org/kg/cameo/<code>, skos:broader to the code\n")
	p("# one digit shorter, the 20 two-digit roots as top concepts. Each concept\n")
	p("# carries its GDELT Goldstein score (kg:goldstein) and quad class\n")
	p("# (kg:quadClass); the four quad classes are skos:Collections of roots at\n")
	p("# cameo:1 .. cameo:4.\n\n")
	for _, pre := range [][2]string{
		{"cameo", "https://w3id.org/kg/cameo/"},
		{"kg", "https://w3id.org/kg/ns#"},
		{"skos", "http://www.w3.org/2004/02/skos/core#"},
		{"dcterms", "http://purl.org/dc/terms/"},
		{"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
	} {
		p("@prefix %-8s <%s> .\n", pre[0]+":", pre[1])
	}

	var roots []string
	for _, c := range t.concepts {
		if c.parent == "" {
			roots = append(roots, "cameo:"+c.code)
		}
	}
	p("\ncameo:scheme a skos:ConceptScheme ;\n")
	p("    skos:prefLabel %s@en ;\n", turtleString("CAMEO event codes"))
	p("    rdfs:comment %s@en ;\n", turtleString("Conflict and Mediation Event Observations (CAMEO) event codes with GDELT's labels, Goldstein scale values and quad classes."))
	p("    dcterms:source <http://data.gdeltproject.org/documentation/CAMEO.eventcodes.txt> ;\n")
	p("    skos:hasTopConcept %s .\n", strings.Join(roots, " , "))

	for q := 1; q <= 4; q++ {
		var members []string
		for _, c := range t.concepts {
			if c.parent == "" && c.quad == q {
				members = append(members, "cameo:"+c.code)
			}
		}
		p("\ncameo:%d a skos:Collection ;\n", q)
		p("    skos:prefLabel %s@en ;\n", turtleString(t.quadLabel[q]))
		p("    kg:quadClass %d ;\n", q)
		p("    skos:member %s .\n", strings.Join(members, " , "))
	}

	for _, c := range t.concepts {
		p("\ncameo:%s a skos:Concept ;\n", c.code)
		p("    skos:inScheme cameo:scheme ;\n")
		if c.parent == "" {
			p("    skos:topConceptOf cameo:scheme ;\n")
		} else {
			p("    skos:broader cameo:%s ;\n", c.parent)
		}
		p("    skos:notation %s ;\n", turtleString(c.code))
		p("    kg:cameoCode %s ;\n", turtleString(c.code))
		p("    skos:prefLabel %s@en ;\n", turtleString(c.label))
		if c.hasGold {
			p("    kg:goldstein %s ;\n", decimal(c.goldstein))
		}
		p("    kg:quadClass %d .\n", c.quad)
	}
	return b.Bytes()
}

// turtleString quotes s as a Turtle STRING_LITERAL_QUOTE.
func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// decimal formats v as a Turtle DECIMAL (digits, a point, digits), so the
// literal is typed xsd:decimal like kg:goldstein's range.
func decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// goSource renders the lookup tables as gofmt'ed Go.
func (t *taxonomy) goSource() ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// %s\n\npackage ontology\n\n", generatedBy)

	p("// CameoLabels maps each CAMEO event code (\"041\") to its English label,\n")
	p("// the skos:prefLabel of cameo:<code> in cameo.ttl.\n")
	p("var CameoLabels = map[string]string{\n")
	for _, c := range t.concepts {
		p("%q: %q,\n", c.code, c.label)
	}
	p("}\n\n")

	p("// CameoGoldstein maps each CAMEO event code to its Goldstein scale value\n")
	p("// (-10 conflict .. +10 cooperation), the kg:goldstein of cameo:<code>.\n")
	p("var CameoGoldstein = map[string]float64{\n")
	for _, c := range t.concepts {
		if c.hasGold {
			p("%q: %s,\n", c.code, decimal(c.goldstein))
		}
	}
	p("}\n\n")

	p("// CameoQuadClass maps each CAMEO event code to its GDELT quad class\n")
	p("// (1..4, see QuadClassLabels), the kg:quadClass of cameo:<code>.\n")
	p("var CameoQuadClass = map[string]int{\n")
	for _, c := range t.concepts {
		p("%q: %d,\n", c.code, c.quad)
	}
	p("}\n\n")

	p("// QuadClassLabels names the four GDELT quad classes.\n")
	p("var QuadClassLabels = map[int]string{\n")
	for q := 1; q <= 4; q++ {
		p("%d: %q,\n", q, t.quadLabel[q])
	}
	p("}\n")
	return format.Source(b.Bytes())
}
