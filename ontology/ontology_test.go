package ontology

import (
	"bufio"
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"kg/internal/testenv"
)

const (
	nsKG    = "https://w3id.org/kg/ns#"
	nsCameo = "https://w3id.org/kg/cameo/"
	nsRDF   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsRDFS  = "http://www.w3.org/2000/01/rdf-schema#"
	nsOWL   = "http://www.w3.org/2002/07/owl#"
	nsSKOS  = "http://www.w3.org/2004/02/skos/core#"
	nsSH    = "http://www.w3.org/ns/shacl#"

	rdfType      = nsRDF + "type"
	rdfsLabel    = nsRDFS + "label"
	rdfsComment  = nsRDFS + "comment"
	skosConcept  = nsSKOS + "Concept"
	skosBroader  = nsSKOS + "broader"
	skosTopOf    = nsSKOS + "topConceptOf"
	skosHasTop   = nsSKOS + "hasTopConcept"
	skosPref     = nsSKOS + "prefLabel"
	kgCameoCode  = nsKG + "cameoCode"
	kgGoldstein  = nsKG + "goldstein"
	kgQuadClass  = nsKG + "quadClass"
	cameoScheme  = nsCameo + "scheme"
	ontologyIRI  = "https://w3id.org/kg/ns"
	sharedCameo  = "../../shared/peers/cameo" // GDELT tables, next to the repository
	sharedJena   = "../../shared/tools/jena"
	vocabGo      = "../internal/graph/vocab.go"
	wantVersion  = "0.1.0"
	wantQuadMax  = 4
	wantRootsLen = 20
)

// graph is a parsed Turtle document with a subject/predicate index.
type graph struct {
	triples []rdf.Triple
	index   map[string]map[string][]rdf.Object // subject key -> predicate IRI -> objects
}

// key identifies an IRI or blank node; literals never appear as subjects.
func key(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.IRI:
		return t.String()
	case rdf.Blank:
		return "_:" + t.String()
	}
	return ""
}

func parse(t *testing.T, name string, data []byte) *graph {
	t.Helper()
	return parseAs(t, name, data, rdf.Turtle)
}

func parseAs(t *testing.T, name string, data []byte, format rdf.Format) *graph {
	t.Helper()
	g := &graph{index: map[string]map[string][]rdf.Object{}}
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), format)
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g.triples = append(g.triples, tr)
		s := key(tr.Subj)
		if g.index[s] == nil {
			g.index[s] = map[string][]rdf.Object{}
		}
		p := tr.Pred.String()
		g.index[s][p] = append(g.index[s][p], tr.Obj)
	}
	if len(g.triples) == 0 {
		t.Fatalf("%s: no triples", name)
	}
	return g
}

func (g *graph) objects(subj, pred string) []rdf.Object { return g.index[subj][pred] }

// subjectsOfType returns the IRIs typed class, in document order.
func (g *graph) subjectsOfType(class string) []string {
	var out []string
	for _, tr := range g.triples {
		if tr.Pred.String() == rdfType && tr.Obj.String() == class {
			out = append(out, key(tr.Subj))
		}
	}
	return out
}

// literal returns the single literal value of subj pred, or fails.
func (g *graph) literal(t *testing.T, subj, pred string) rdf.Literal {
	t.Helper()
	objs := g.objects(subj, pred)
	if len(objs) != 1 {
		t.Fatalf("%s %s: %d values, want 1", subj, pred, len(objs))
	}
	l, ok := objs[0].(rdf.Literal)
	if !ok {
		t.Fatalf("%s %s: %v is not a literal", subj, pred, objs[0])
	}
	return l
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTurtleParses(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"kg.ttl", KG},
		{"cameo.ttl", Cameo},
		{"shapes.ttl", Shapes},
		{"testdata/valid.ttl", readTestdata(t, "valid.ttl")},
		{"testdata/invalid.ttl", readTestdata(t, "invalid.ttl")},
	} {
		t.Run(tc.name, func(t *testing.T) { parse(t, tc.name, tc.data) })
	}
}

func TestOntologyHeader(t *testing.T) {
	g := parse(t, "kg.ttl", KG)
	if !hasObject(g.objects(ontologyIRI, rdfType), nsOWL+"Ontology") {
		t.Errorf("<%s> is not typed owl:Ontology", ontologyIRI)
	}
	if v := g.literal(t, ontologyIRI, nsOWL+"versionInfo").String(); v != wantVersion {
		t.Errorf("owl:versionInfo = %q, want %q", v, wantVersion)
	}
}

// Every kg: term defined in kg.ttl has an English label and a comment.
func TestKGTermsDocumented(t *testing.T) {
	g := parse(t, "kg.ttl", KG)
	n := 0
	for subj := range g.index {
		if !strings.HasPrefix(subj, nsKG) {
			continue
		}
		n++
		if !hasLang(g.objects(subj, rdfsLabel), "en") {
			t.Errorf("%s: no rdfs:label@en", subj)
		}
		if len(g.objects(subj, rdfsComment)) == 0 {
			t.Errorf("%s: no rdfs:comment", subj)
		}
		if len(g.objects(subj, rdfType)) == 0 {
			t.Errorf("%s: no rdf:type", subj)
		}
	}
	if n == 0 {
		t.Fatal("kg.ttl defines no kg: terms")
	}
}

// kg.ttl defines every kg: term that internal/graph/vocab.go declares as
// NS + "Name", so the Go constants and the ontology cannot drift apart.
func TestKGDefinesVocabTerms(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), vocabGo, nil, 0)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found", vocabGo)
	}
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	ast.Inspect(f, func(n ast.Node) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		id, ok1 := be.X.(*ast.Ident)
		lit, ok2 := be.Y.(*ast.BasicLit)
		if ok1 && ok2 && id.Name == "NS" && lit.Kind == token.STRING {
			name, err := strconv.Unquote(lit.Value)
			if err == nil {
				terms = append(terms, name)
			}
		}
		return true
	})
	if len(terms) == 0 {
		t.Fatalf("%s: found no NS + \"Name\" constants", vocabGo)
	}
	g := parse(t, "kg.ttl", KG)
	for _, name := range terms {
		if len(g.objects(nsKG+name, rdfType)) == 0 {
			t.Errorf("vocab.go declares kg:%s, which kg.ttl does not define", name)
		}
	}
}

// cameo.ttl is a well-formed hierarchy and agrees with cameo_codes.go.
func TestCameoHierarchy(t *testing.T) {
	g := parse(t, "cameo.ttl", Cameo)
	concepts := g.subjectsOfType(skosConcept)
	if len(concepts) != len(CameoLabels) {
		t.Errorf("cameo.ttl has %d concepts, CameoLabels %d", len(concepts), len(CameoLabels))
	}
	var tops []string
	for _, c := range concepts {
		code := strings.TrimPrefix(c, nsCameo)
		if got := g.literal(t, c, kgCameoCode).String(); got != code {
			t.Errorf("%s: kg:cameoCode %q, want %q", c, got, code)
		}
		if got := g.literal(t, c, skosPref).String(); got != CameoLabels[code] {
			t.Errorf("%s: prefLabel %q, CameoLabels %q", c, got, CameoLabels[code])
		}
		if q, _ := strconv.Atoi(g.literal(t, c, kgQuadClass).String()); q != CameoQuadClass[code] || q < 1 || q > wantQuadMax {
			t.Errorf("%s: kg:quadClass %d, CameoQuadClass %d", c, q, CameoQuadClass[code])
		}
		if want, ok := CameoGoldstein[code]; ok {
			l := g.literal(t, c, kgGoldstein)
			if got, err := strconv.ParseFloat(l.String(), 64); err != nil || got != want {
				t.Errorf("%s: kg:goldstein %q, CameoGoldstein %v", c, l.String(), want)
			}
		}
		if hasObject(g.objects(c, skosTopOf), cameoScheme) {
			tops = append(tops, c)
		}
		// Walk skos:broader up to a top concept; each step drops one digit.
		for cur, steps := c, 0; !hasObject(g.objects(cur, skosTopOf), cameoScheme); steps++ {
			up := g.objects(cur, skosBroader)
			if len(up) != 1 || steps > 3 {
				t.Errorf("%s: broader chain breaks at %s (%d broader)", c, cur, len(up))
				break
			}
			parent := up[0].String()
			if !strings.HasPrefix(cur, parent) || len(cur) != len(parent)+1 {
				t.Errorf("%s: broader %s is not its code minus one digit", cur, parent)
			}
			cur = parent
		}
	}
	if len(tops) != wantRootsLen {
		t.Errorf("%d top concepts, want %d", len(tops), wantRootsLen)
	}
	if got := len(g.objects(cameoScheme, skosHasTop)); got != len(tops) {
		t.Errorf("scheme lists %d skos:hasTopConcept, %d concepts are topConceptOf it", got, len(tops))
	}
}

// cameo.ttl holds every code of GDELT's tables in the shared directory.
// (internal/gencameo's test checks the generated bytes are current.)
func TestCameoMatchesSharedTables(t *testing.T) {
	if _, err := os.Stat(sharedCameo); err != nil {
		t.Skipf("%s not available: %v", sharedCameo, err)
	}
	g := parse(t, "cameo.ttl", Cameo)
	eachRow(t, filepath.Join(sharedCameo, "cameo_event_codes.tsv"), func(rec []string) {
		code, level := rec[0], rec[2]
		want := skosConcept
		if level == "quad_class" {
			want = nsSKOS + "Collection"
		}
		if !hasObject(g.objects(nsCameo+code, rdfType), want) {
			t.Errorf("code %s (%s) is not a %s in cameo.ttl", code, level, want)
		}
	})
	eachRow(t, filepath.Join(sharedCameo, "CAMEO.goldsteinscale.txt"), func(rec []string) {
		want, err := strconv.ParseFloat(rec[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		l := g.literal(t, nsCameo+rec[0], kgGoldstein)
		if got, err := strconv.ParseFloat(l.String(), 64); err != nil || got != want {
			t.Errorf("code %s: kg:goldstein %q, table %v", rec[0], l.String(), want)
		}
	})
}

// eachRow calls fn with the tab-separated fields of every line after the header.
func eachRow(t *testing.T, path string, fn func([]string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		line := strings.TrimRight(sc.Text(), "\r")
		if !first && line != "" {
			fn(strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestShapesHaveTargets(t *testing.T) {
	g := parse(t, "shapes.ttl", Shapes)
	targeted := 0
	for _, s := range g.subjectsOfType(nsSH + "NodeShape") {
		for _, p := range []string{"targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode"} {
			if len(g.objects(s, nsSH+p)) > 0 {
				targeted++
				break
			}
		}
	}
	if targeted < 6 {
		t.Errorf("%d targeted node shapes, want at least 6 (event, report, selector, article, actor, concept)", targeted)
	}
}

// Runs Jena's SHACL validator on testdata: valid.ttl conforms, and
// invalid.ttl produces each violation it was written to produce. Skipped
// when Jena is not installed (the shared wrapper would install it), and
// without KG_LONG_TESTS=1: two JVMs take 5-10 s.
func TestShapesWithJena(t *testing.T) {
	testenv.Long(t, "starts two JVMs")
	if _, err := os.Stat(sharedJena); err != nil {
		t.Skipf("%s not available", sharedJena)
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java not installed")
	}
	if _, err := os.Stat("/usr/share/java/jena-cmds.jar"); err != nil {
		t.Skip("Jena not installed")
	}
	// jena runs a Jena tool and returns its stdout and exit code (0 or 1).
	jena := func(t *testing.T, args ...string) ([]byte, int) {
		t.Helper()
		cmd := exec.Command(sharedJena, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		code := 0
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("jena %s: %v", args[0], err)
		}
		if code > 1 {
			t.Fatalf("jena %s: exit %d: %s", args[0], code, stderr.String())
		}
		return out, code
	}
	// validate returns the validation report and the exit code. The report
	// goes through riot to N-Triples because Jena's pretty Turtle puts a
	// newline right after numbers, which knakk/rdf's Turtle lexer rejects.
	validate := func(t *testing.T, data string) (*graph, int) {
		t.Helper()
		report, code := jena(t, "shacl", "validate", "--shapes", "shapes.ttl", "--data", filepath.Join("testdata", data))
		file := filepath.Join(t.TempDir(), "report.ttl")
		if err := os.WriteFile(file, report, 0o644); err != nil {
			t.Fatal(err)
		}
		nt, _ := jena(t, "riot", "--output=ntriples", file)
		return parseAs(t, "validation report", nt, rdf.NTriples), code
	}

	t.Run("valid", func(t *testing.T) {
		if g, code := validate(t, "valid.ttl"); code != 0 {
			t.Errorf("exit %d, want 0; report has %d results", code, len(g.subjectsOfType(nsSH+"ValidationResult")))
		}
	})

	t.Run("invalid", func(t *testing.T) {
		g, code := validate(t, "invalid.ttl")
		// The verdict is the report's sh:conforms. The shared wrapper turns
		// it into exit 1 by matching one line of Jena's Turtle, which Jena
		// sometimes wraps ("sh:conforms" and "false" on two lines): a wrong
		// exit code with a non-conforming report is the wrapper's miss.
		conforms := ""
		for _, r := range g.subjectsOfType(nsSH + "ValidationReport") {
			if o := g.objects(r, nsSH+"conforms"); len(o) == 1 {
				conforms = o[0].(rdf.Literal).String()
			}
		}
		switch {
		case conforms != "false":
			t.Errorf("sh:conforms %q, want false (exit %d)", conforms, code)
		case code != 1:
			t.Logf("exit %d with a non-conforming report: the wrapper's one-line match missed it", code)
		}
		got := map[string]bool{}
		for _, r := range g.subjectsOfType(nsSH + "ValidationResult") {
			var focus, path, comp string
			if o := g.objects(r, nsSH+"focusNode"); len(o) == 1 {
				focus = o[0].String()
			}
			if o := g.objects(r, nsSH+"resultPath"); len(o) == 1 {
				path = o[0].String()
			}
			if o := g.objects(r, nsSH+"sourceConstraintComponent"); len(o) == 1 {
				comp = strings.TrimSuffix(strings.TrimPrefix(o[0].String(), nsSH), "ConstraintComponent")
			}
			got[focus+" "+path+" "+comp] = true
		}
		const id = "https://w3id.org/kg/id/"
		const oa = "http://www.w3.org/ns/oa#"
		const dct = "http://purl.org/dc/terms/"
		for _, want := range []struct{ focus, path, comp string }{
			{id + "event/two_actors", nsKG + "actor", "MaxCount"},
			{id + "event/two_actors", nsKG + "action", "Node"},
			{id + "event/two_actors", nsKG + "target", "Node"},
			{id + "event/two_actors", nsKG + "date", "Datatype"},
			{id + "event/two_actors", nsKG + "source", "MinCount"},
			{id + "event/two_actors", nsKG + "evidence", "MinCount"},
			{id + "event/two_actors", nsKG + "report", "MinCount"},
			{id + "event/two_actors", nsKG + "sourceCount", "MinInclusive"},
			{id + "event/no_actor", nsKG + "actor", "MinCount"},
			{id + "event/no_actor", nsKG + "action", "Node"},
			{id + "event/no_actor", nsKG + "source", "Class"},
			{id + "event/no_actor", nsKG + "report", "Class"},
			{id + "event/no_actor", nsKG + "evidence", "Datatype"},
			{id + "report/bad_confidence", nsKG + "source", "MaxCount"},
			{id + "report/bad_confidence", nsKG + "evidence", "MinCount"},
			{id + "report/bad_confidence", nsKG + "rule", "MinCount"},
			{id + "report/bad_confidence", nsKG + "confidence", "MaxInclusive"},
			{id + "report/string_confidence", nsKG + "confidence", "Datatype"},
			{id + "report/string_confidence", nsKG + "reportedBy", "Node"},
			{id + "report/string_confidence", nsKG + "selector", "MinCount"},
			{id + "report/bad_confidence_sel", oa + "start", "MinInclusive"},
			{id + "report/bad_confidence_sel", oa + "end", "MinCount"},
			{id + "report/start_after_end_sel", oa + "start", "LessThanOrEquals"},
			{id + "report/start_after_end_sel", "", "Class"},
			{id + "article/a1", dct + "identifier", "MinCount"},
			{id + "article/a1", dct + "title", "MaxCount"},
			{id + "article/a1", dct + "issued", "Datatype"},
			{id + "article/a1", dct + "publisher", "Node"},
			{id + "actor/Alice", nsRDFS + "label", "MinCount"},
			{id + "actor/Alice", nsKG + "countryCode", "Pattern"},
			{nsCameo + "04x", nsKG + "cameoCode", "Pattern"},
			{nsCameo + "04x", nsKG + "goldstein", "MaxInclusive"},
			{nsCameo + "04x", nsKG + "quadClass", "MaxInclusive"},
			{id + "run/r", "http://www.w3.org/ns/prov#startedAtTime", "MaxCount"},
		} {
			k := want.focus + " " + want.path + " " + want.comp
			name := localName(want.focus) + "/" + localName(want.path) + "/" + want.comp
			t.Run(name, func(t *testing.T) {
				if !got[k] {
					t.Errorf("no %s violation on %s %s", want.comp, want.focus, want.path)
				}
			})
		}
	})
}

// localName is the part of an IRI after its last '/' or '#'.
func localName(iri string) string { return iri[strings.LastIndexAny(iri, "/#")+1:] }

func hasObject(objs []rdf.Object, iri string) bool {
	for _, o := range objs {
		if _, ok := o.(rdf.IRI); ok && o.String() == iri {
			return true
		}
	}
	return false
}

func hasLang(objs []rdf.Object, lang string) bool {
	for _, o := range objs {
		if l, ok := o.(rdf.Literal); ok && l.Lang() == lang {
			return true
		}
	}
	return false
}
