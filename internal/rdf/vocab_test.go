package rdf

import "github.com/cayleygraph/quad"

// kg's namespaces and prefixes, as the writers meet them in kg's output.
// They are spelled out here because package graph, which declares them,
// imports this package: a test here cannot import it back. Their values
// only matter to the golden files in testdata/rdfwrite.

const (
	NS       = "https://w3id.org/kg/ns#"
	NSData   = "https://w3id.org/kg/id/"
	NSActor  = NSData + "actor/"
	NSEvent  = NSData + "event/"
	NSReport = NSData + "report/"
	NSArt    = NSData + "article/"
	NSRun    = NSData + "run/"
	NSCameo  = "https://w3id.org/kg/cameo/"
	NSWD     = "http://www.wikidata.org/entity/"

	RDFType    = rwRDF + "type"
	RDFSLabel  = "http://www.w3.org/2000/01/rdf-schema#label"
	ClassEvent = NS + "Event"
	PropActor  = NS + "actor"
	PropDate   = NS + "date"
)

var Prefixes = []Prefix{
	{"kg", NS},
	{"actor", NSActor},
	{"event", NSEvent},
	{"report", NSReport},
	{"article", NSArt},
	{"run", NSRun},
	{"cameo", NSCameo},
	{"rdf", rwRDF},
	{"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
	{"xsd", rwXSD},
	{"owl", "http://www.w3.org/2002/07/owl#"},
	{"skos", "http://www.w3.org/2004/02/skos/core#"},
	{"dcterms", "http://purl.org/dc/terms/"},
	{"prov", "http://www.w3.org/ns/prov#"},
	{"sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"},
	{"schema", "https://schema.org/"},
	{"oa", "http://www.w3.org/ns/oa#"},
	{"wd", NSWD},
}

// stFixture is a small graph with awkward values (the store tests in
// internal/graph use the same one):
//
//	event:e1 ─kg:actor─▶ actor:A, ─kg:target─▶ actor:B, ─kg:date─▶ "2017-05-02"^^xsd:date
//	         (in graphs article:a1 and article:a2), a lexical form to keep
//	         ("02"^^xsd:integer), a string with quotes, newline and astral
//	         characters, a blank node; labels in two languages; a quad.Int.
var (
	stE1   = quad.IRI(NSEvent + "e1")
	stA    = quad.IRI(NSActor + "A")
	stB    = quad.IRI(NSActor + "B")
	stArt1 = quad.IRI(NSArt + "a1")
	stArt2 = quad.IRI(NSArt + "a2")
	stDate = quad.TypedString{Value: "2017-05-02", Type: quad.IRI(xsdDateIRI)}
)

const xsdDateIRI = rwXSD + "date"

func stFixture() []quad.Quad {
	q := func(s quad.Value, p string, o quad.Value, l quad.Value) quad.Quad {
		return quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: l}
	}
	return []quad.Quad{
		q(stE1, RDFType, quad.IRI(ClassEvent), stArt1),
		q(stE1, RDFType, quad.IRI(ClassEvent), stArt2), // same triple, second graph
		q(stE1, PropActor, stA, stArt1),
		q(stE1, NS+"target", stB, stArt1),
		q(stE1, PropDate, stDate, stArt1),
		q(stE1, PropDate, stDate, stArt2),
		q(stE1, NS+"sourceCount", quad.TypedString{Value: "02", Type: quad.IRI(xsdIntegerIRI)}, stArt1),
		q(stE1, NS+"confidence", quad.TypedString{Value: "0.50", Type: quad.IRI(xsdDecimalIRI)}, stArt1),
		q(stE1, NS+"evidence", quad.String("Trump \"called\"\nPutin – Köln 𝄞"), stArt1),
		q(stE1, NS+"place", quad.BNode("place"), stArt1),
		q(quad.BNode("place"), RDFSLabel, quad.String("Moscow"), nil),
		q(stA, RDFSLabel, quad.LangString{Value: "Donald Trump", Lang: "en"}, nil),
		q(stB, RDFSLabel, quad.LangString{Value: "Wladimir Putin", Lang: "de"}, nil),
		q(stA, NS+"countryCode", quad.Int(7), nil),
	}
}
