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

// LocalName makes s the last segment of an IRI, one-to-one: letters,
// digits and "-._~" stay as they are, every other character is
// percent-encoded (its UTF-8 bytes, as are bytes that are not UTF-8), so
// every IRI kg writes is valid in N-Triples and Turtle, and percent-decoding
// gives s back: different ids never share an IRI. (Spaces used to become
// "_", so the articles "a b" and "a_b" were one.)
//
// A segment of dots only is a dot-segment, which IRI resolution and
// normalization remove ("article/.." would be the parent of article/), and
// the empty segment would leave the namespace itself: names made only of
// underscores and then dots — the empty name too — get one more "_" in
// front: "" → "_", "." → "_.", ".." → "_..", "_" → "__". No other name
// produces those, so the mapping stays one-to-one.
func LocalName(s string) string {
	var b strings.Builder
	if strings.Trim(strings.TrimLeft(s, "_"), ".") == "" {
		b.WriteByte('_')
	}
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

// EntityQuads describes an actor: its class, labels (demonyms as hidden
// labels), country and Wikidata id.
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
	// "the Palestinians", "Russian": names to find the actor by, but not to
	// show it under (SKOS's hidden labels, for text search)
	for _, d := range e.Demonyms {
		out = append(out, q(s, SKOSHiddenLabel, en(d)))
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

// ReportID is the deterministic identifier of one article's report of an
// event: the same article, position, actor, action and target give the
// same id, so rebuilding adds nothing.
func ReportID(a *extract.Article, e *extract.Event) string {
	t := ""
	if e.Target != nil {
		t = e.Target.ID
	}
	return digest("report/v1", a.ID, strconv.Itoa(e.Match.Start), e.Actor.ID, e.Code, t)
}

// eventParties orders actor and target: for a symmetric action ("A met B")
// the event is the same whichever side the article names first, so the
// parties are put in a fixed order.
func eventParties(e *extract.Event) (actor, target *extract.Entity) {
	actor, target = e.Actor, e.Target
	if e.Symmetric && target != nil && target.ID < actor.ID {
		actor, target = target, actor
	}
	return actor, target
}

// EventKey identifies the real-world event a report is about. Reports with
// a date merge across articles when their actor, target, CAMEO root and date
// agree (GDELT-style, by compatibility rather than equal codes: a telephone
// call (041) and a consultation (040) on the same day between the same
// parties are one event). Undated reports are not merged: with nothing to
// anchor them, a merge could join different events, so each stays its own
// event (merged reports = false).
func EventKey(a *extract.Article, e *extract.Event) (id string, merged bool) {
	if e.Date == "" {
		return ReportID(a, e), false
	}
	actor, target := eventParties(e)
	t := ""
	if target != nil {
		t = target.ID
	}
	return e.Date + "-" + digest("event/v2", actor.ID, t, e.Code[:2], e.Date), true
}

// ArticleQuads maps one article and its events to quads.
//
// One event, one answer: an event's own statements (its type, parties,
// actions, date, evidence) are in the default graph, stated once however
// many articles report it, so a query that walks from an actor to its
// events meets each event once. What one article says is in the graph named
// by the article's IRI (its named graph in N-Quads): the article itself, its
// reports of events, and each event's kg:source and kg:report links to them.
//
// own holds what only this article states (its graph, and the statements of
// events no other article can report: undated ones); shared holds what other
// articles may state too (actors, CAMEO concepts, merged events), which
// writers write once. merged lists the events other articles may report
// too (see EventKey): their kg:sourceCount is left to the caller, who sees
// all articles (internal/pipeline); it is 1 for the others.
func ArticleQuads(a *extract.Article, events []extract.Event, run Run) (own, shared []quad.Quad, merged []quad.IRI) {
	art := ArticleIRI(a)
	add := func(to *[]quad.Quad, s quad.Value, p string, o quad.Value) {
		*to = append(*to, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: art})
	}
	addDefault := func(to *[]quad.Quad, s quad.Value, p string, o quad.Value) {
		*to = append(*to, q(s, p, o))
	}
	add(&own, art, RDFType, quad.IRI(ClassArticle))
	add(&own, art, DCTIdentifier, quad.String(a.ID))
	if a.Title != "" {
		add(&own, art, DCTTitle, quad.String(a.Title))
	}
	if a.Issued != "" {
		add(&own, art, DCTIssued, typed(a.Issued, XSDDate))
	}
	if a.Publisher != "" {
		// a publisher is named, not given an id: its id is written as
		// the actor dictionary writes ids, "Associated_Press"
		pub := &extract.Entity{ID: strings.ReplaceAll(strings.TrimSpace(a.Publisher), " ", "_"), Name: a.Publisher, Type: extract.Organization}
		add(&own, art, DCTPublisher, EntityIRI(pub))
		shared = append(shared, EntityQuads(pub)...)
	}
	add(&own, run.IRI(), ProvUsed, art)
	runes := runeCursor{text: a.Text}
	for i := range events {
		e := &events[i]
		rid := ReportID(a, e)
		eid, isMerged := EventKey(a, e)
		ev := quad.IRI(NSEvent + eid)
		rep := quad.IRI(NSReport + rid)
		sel := quad.IRI(NSReport + rid + "/selector")
		evidence := quad.String(a.Text[e.Sentence.Start:e.Sentence.End])
		evq := &own
		if isMerged {
			evq = &shared
			merged = append(merged, ev)
		}
		actor, target := eventParties(e)
		shared = append(shared, writtenLabel(a.Text, e.Actor, e.ActorSpan)...)
		if e.Target != nil {
			shared = append(shared, writtenLabel(a.Text, e.Target, e.TargetSpan)...)
		}
		addDefault(evq, ev, RDFType, quad.IRI(ClassEvent))
		addDefault(evq, ev, PropActor, EntityIRI(actor))
		addDefault(evq, ev, PropAction, CameoIRI(e.Code))
		if target != nil {
			addDefault(evq, ev, PropTarget, EntityIRI(target))
			shared = append(shared, EntityQuads(target)...)
		}
		if e.Date != "" {
			addDefault(evq, ev, PropDate, typed(e.Date, XSDDate))
		}
		addDefault(evq, ev, ProvGenerated, run.IRI())
		addDefault(evq, ev, PropEvidence, evidence)
		if !isMerged {
			addDefault(evq, ev, PropSourceCount, typed("1", XSDInteger))
		}
		// that this article reports the event is its own
		add(&own, ev, PropSource, art)
		add(&own, ev, PropReport, rep)
		shared = append(shared, EntityQuads(actor)...)
		shared = append(shared, CameoQuads(e.Code)...)

		add(&own, rep, RDFType, quad.IRI(ClassReport))
		add(&own, rep, PropSource, art)
		add(&own, rep, ProvDerived, art)
		add(&own, rep, PropAction, CameoIRI(e.Code))
		add(&own, rep, PropEvidence, evidence)
		add(&own, rep, PropRule, quad.String(e.Rule))
		add(&own, rep, PropConfidence, typed(strconv.FormatFloat(e.Confidence, 'f', 2, 64), XSDDecimal))
		add(&own, rep, ProvGenerated, run.IRI())
		if e.ReportedBy != nil {
			add(&own, rep, PropReportedBy, EntityIRI(e.ReportedBy))
			shared = append(shared, EntityQuads(e.ReportedBy)...)
		}
		add(&own, rep, PropSelector, sel)
		add(&own, sel, RDFType, quad.IRI(OATextPosition))
		add(&own, sel, OAStart, typed(strconv.Itoa(runes.at(e.Sentence.Start)), XSDInteger))
		add(&own, sel, OAEnd, typed(strconv.Itoa(runes.at(e.Sentence.End)), XSDInteger))
	}
	return own, shared, merged
}

// writtenLabel adds the name of an actor as the article writes it where
// the dictionary cannot spell it ("Jean-Pierre Raffarin"), so that it can
// be found under that name.
func writtenLabel(text string, e *extract.Entity, at extract.Span) []quad.Quad {
	if at.Start < 0 || at.End > len(text) || at.Start >= at.End {
		return nil
	}
	if w := e.WrittenName(text[at.Start:at.End]); w != "" {
		return []quad.Quad{q(EntityIRI(e), SKOSAltLabel, en(w))}
	}
	return nil
}

// SourceCount is the kg:sourceCount statement of an event.
func SourceCount(event quad.IRI, n int) quad.Quad {
	return q(event, PropSourceCount, typed(strconv.Itoa(n), XSDInteger))
}

// runeCursor converts byte offsets of one text into character (code point)
// offsets, the unit of oa:TextPositionSelector. It counts from the offset
// asked before, so offsets asked in text order (events come in text order)
// cost one pass over the text in all; counting from the start for every
// event made a 4 MB article of events take minutes (issue #15).
type runeCursor struct {
	text             string
	byteOff, runeOff int // the last offset asked, in both units
}

func (c *runeCursor) at(byteOff int) int {
	if byteOff >= c.byteOff {
		c.runeOff += utf8.RuneCountInString(c.text[c.byteOff:byteOff])
	} else {
		c.runeOff -= utf8.RuneCountInString(c.text[byteOff:c.byteOff])
	}
	c.byteOff = byteOff
	return c.runeOff
}

// typed is a literal with an XSD datatype, written as the full IRI so that
// Cayley stores it as given (a short form would corrupt the datatype).
func typed(v, datatype string) quad.Value {
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(datatype)}
}

// en is an English label.
func en(v string) quad.Value { return quad.LangString{Value: quad.String(v), Lang: "en"} }
