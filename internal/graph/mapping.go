package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"kg/internal/extract"
	"kg/ontology"
)

// Run describes one extraction run (a prov:Activity). Its IRI is derived
// from the software version, the rules and the time, so the same build gives
// the same IRI.
type Run struct {
	Version string    // kg version
	Rules   string    // digest of the rule files used
	Time    time.Time // SOURCE_DATE_EPOCH when set (see cmd/kg)
}

// IRI is the run's identifier.
func (r Run) IRI() quad.IRI {
	return quad.IRI(NSRun + digest(r.Version, r.Rules, r.Time.UTC().Format(time.RFC3339)))
}

// Quads returns the run's own description.
func (r Run) Quads() []quad.Quad {
	s := r.IRI()
	return []quad.Quad{
		q(s, RDFType, quad.IRI(ClassRun)),
		q(s, RDFType, quad.IRI(ProvActivity)),
		q(s, ProvStarted, typed(r.Time.UTC().Format(time.RFC3339), XSDDateTime)),
		q(s, PropSoftware, quad.String(r.Version)),
		q(s, RDFSLabel, en("kg extraction run, rules "+r.Rules)),
	}
}

func q(s quad.Value, p string, o quad.Value) quad.Quad {
	return quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o}
}

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// LocalName makes s safe as the last segment of an IRI that also reads
// well: spaces become "_", and characters outside letters, digits and
// "-._~" are percent-encoded (UTF-8), so every IRI kg writes is valid in
// N-Triples and Turtle, whatever the input.
func LocalName(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "_")
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, "%%%02X", s[i])
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)):
			b.WriteRune(r)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			for _, c := range []byte(s[i : i+n]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		i += n
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// ArticleIRI is the IRI of an article, from its file name or JSONL id.
func ArticleIRI(a *extract.Article) quad.IRI { return quad.IRI(NSArt + LocalName(a.ID)) }

// EntityIRI is the IRI of an actor.
func EntityIRI(e *extract.Entity) quad.IRI { return quad.IRI(NSActor + LocalName(e.ID)) }

// CameoIRI is the SKOS concept of a CAMEO code.
func CameoIRI(code string) quad.IRI { return quad.IRI(NSCameo + code) }

var entityClass = map[extract.EntityType]string{
	extract.Person:       ClassPerson,
	extract.Country:      ClassCountry,
	extract.Organization: ClassOrganization,
	extract.Group:        ClassGroup,
}

// EntityQuads describes an actor: its class, labels, country and Wikidata id.
func EntityQuads(e *extract.Entity) []quad.Quad {
	s := EntityIRI(e)
	out := []quad.Quad{
		q(s, RDFType, quad.IRI(entityClass[e.Type])),
		q(s, RDFSLabel, en(e.Name)),
	}
	for _, a := range e.Labels() {
		if a != e.Name {
			out = append(out, q(s, SKOSAltLabel, en(a)))
		}
	}
	if e.Country != "" {
		out = append(out, q(s, PropCountryCode, quad.String(e.Country)))
	}
	if e.Wikidata != "" {
		out = append(out, q(s, OWLSameAs, quad.IRI(NSWD+e.Wikidata)))
	}
	return out
}

// CameoQuads describes a CAMEO concept and its chain of broader concepts,
// so that a graph without the full scheme still carries cameoCode and labels.
func CameoQuads(code string) []quad.Quad {
	var out []quad.Quad
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		s := CameoIRI(c)
		out = append(out,
			q(s, RDFType, quad.IRI(SKOSConcept)),
			q(s, PropCameoCode, quad.String(c)),
			q(s, SKOSNotation, quad.String(c)),
			q(s, SKOSInScheme, quad.IRI(CameoScheme)),
		)
		if l, ok := ontology.CameoLabels[c]; ok {
			out = append(out, q(s, SKOSPrefLabel, en(l)))
		}
		if len(c) > 2 {
			out = append(out, q(s, SKOSBroader, CameoIRI(c[:len(c)-1])))
		}
	}
	return out
}

// EventID is the deterministic identifier of one report of an event: the
// same article, sentence position, actor, action and target give the same id.
func EventID(a *extract.Article, e *extract.Event) string {
	t := ""
	if e.Target != nil {
		t = e.Target.ID
	}
	return digest("event/v1", a.ID, strconv.Itoa(e.Match.Start), e.Actor.ID, e.Code, t)
}

// ArticleQuads maps one article and its events to quads. Statements about
// the article and its events carry the article's IRI as graph label (each
// article is a named graph in N-Quads); shared descriptions of actors and
// CAMEO concepts are in the default graph.
func ArticleQuads(a *extract.Article, events []extract.Event, run Run) []quad.Quad {
	art := ArticleIRI(a)
	var out []quad.Quad
	add := func(s quad.Value, p string, o quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: art})
	}
	add(art, RDFType, quad.IRI(ClassArticle))
	add(art, DCTIdentifier, quad.String(a.ID))
	if a.Title != "" {
		add(art, DCTTitle, quad.String(a.Title))
	}
	if a.Issued != "" {
		add(art, DCTIssued, typed(a.Issued, XSDDate))
	}
	if a.Publisher != "" {
		pub := &extract.Entity{ID: a.Publisher, Name: a.Publisher, Type: extract.Organization}
		add(art, DCTPublisher, EntityIRI(pub))
		out = append(out, EntityQuads(pub)...)
	}
	add(run.IRI(), ProvUsed, art)
	for i := range events {
		e := &events[i]
		id := EventID(a, e)
		ev := quad.IRI(NSEvent + id)
		rep := quad.IRI(NSReport + id)
		sel := quad.IRI(NSReport + id + "/selector")
		evidence := quad.String(a.Text[e.Sentence.Start:e.Sentence.End])
		add(ev, RDFType, quad.IRI(ClassEvent))
		add(ev, PropActor, EntityIRI(e.Actor))
		add(ev, PropAction, CameoIRI(e.Code))
		if e.Target != nil {
			add(ev, PropTarget, EntityIRI(e.Target))
			out = append(out, EntityQuads(e.Target)...)
		}
		if e.Date != "" {
			add(ev, PropDate, typed(e.Date, XSDDate))
		}
		add(ev, PropSource, art)
		add(ev, PropSourceCount, typed("1", XSDInteger))
		add(ev, PropEvidence, evidence)
		add(ev, PropReport, rep)
		add(ev, ProvGenerated, run.IRI())
		out = append(out, EntityQuads(e.Actor)...)
		out = append(out, CameoQuads(e.Code)...)

		add(rep, RDFType, quad.IRI(ClassReport))
		add(rep, PropSource, art)
		add(rep, ProvDerived, art)
		add(rep, PropEvidence, evidence)
		add(rep, PropRule, quad.String(e.Rule))
		add(rep, PropConfidence, typed(strconv.FormatFloat(e.Confidence, 'f', 2, 64), XSDDecimal))
		add(rep, ProvGenerated, run.IRI())
		if e.ReportedBy != nil {
			add(rep, PropReportedBy, EntityIRI(e.ReportedBy))
			out = append(out, EntityQuads(e.ReportedBy)...)
		}
		add(rep, PropSelector, sel)
		add(sel, RDFType, quad.IRI(OATextPosition))
		add(sel, OAStart, typed(strconv.Itoa(runeOffset(a.Text, e.Sentence.Start)), XSDInteger))
		add(sel, OAEnd, typed(strconv.Itoa(runeOffset(a.Text, e.Sentence.End)), XSDInteger))
	}
	return out
}

// runeOffset converts a byte offset into a character (code point) offset, the
// unit of oa:TextPositionSelector.
func runeOffset(text string, byteOff int) int { return utf8.RuneCountInString(text[:byteOff]) }

// typed is a literal with an XSD datatype, written as the full IRI so that
// Cayley stores it as given (a short form would corrupt the datatype).
func typed(v, datatype string) quad.Value {
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(datatype)}
}

// en is an English label.
func en(v string) quad.Value { return quad.LangString{Value: quad.String(v), Lang: "en"} }
