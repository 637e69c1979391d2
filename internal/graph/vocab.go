package graph

import "kg/internal/rdf"

// Vocabulary: every namespace and term kg writes, in one place (the way
// cayleygraph/quad's voc packages do it). The ontology in ontology/kg.ttl
// defines the kg: terms; the others are public W3C/DCMI/schema.org terms.

// Namespaces.
const (
	NS          = "https://w3id.org/kg/ns#"    // kg ontology terms (classes, properties)
	NSData      = "https://w3id.org/kg/id/"    // kg instance data
	NSActor     = NSData + "actor/"            // entities: people, countries, organizations, groups
	NSEvent     = NSData + "event/"            // events
	NSReport    = NSData + "report/"           // one article's account of an event
	NSArt       = NSData + "article/"          // articles
	NSRun       = NSData + "run/"              // extraction runs (prov:Activity)
	NSCameo     = "https://w3id.org/kg/cameo/" // CAMEO SKOS concepts, local name = code
	CameoScheme = NSCameo + "scheme"           // the CAMEO skos:ConceptScheme
	NSRDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSRDFS      = "http://www.w3.org/2000/01/rdf-schema#"
	NSXSD       = "http://www.w3.org/2001/XMLSchema#"
	NSOWL       = "http://www.w3.org/2002/07/owl#"
	NSSKOS      = "http://www.w3.org/2004/02/skos/core#"
	NSDCT       = "http://purl.org/dc/terms/"
	NSPROV      = "http://www.w3.org/ns/prov#"
	NSSEM       = "http://semanticweb.cs.vu.nl/2009/11/sem/"
	NSSchema    = "https://schema.org/"
	NSOA        = "http://www.w3.org/ns/oa#"
	NSWD        = "http://www.wikidata.org/entity/"
	NSSH        = "http://www.w3.org/ns/shacl#"
)

// Prefixes are the bindings kg writes at the top of Turtle files and accepts
// in queries (kg query expands "kg:actor" to the full IRI). Order is the
// order they are written in.
var Prefixes = []rdf.Prefix{
	{Name: "kg", IRI: NS},
	{Name: "actor", IRI: NSActor},
	{Name: "event", IRI: NSEvent},
	{Name: "report", IRI: NSReport},
	{Name: "article", IRI: NSArt},
	{Name: "run", IRI: NSRun},
	{Name: "cameo", IRI: NSCameo},
	{Name: "rdf", IRI: NSRDF},
	{Name: "rdfs", IRI: NSRDFS},
	{Name: "xsd", IRI: NSXSD},
	{Name: "owl", IRI: NSOWL},
	{Name: "skos", IRI: NSSKOS},
	{Name: "dcterms", IRI: NSDCT},
	{Name: "prov", IRI: NSPROV},
	{Name: "sem", IRI: NSSEM},
	{Name: "schema", IRI: NSSchema},
	{Name: "oa", IRI: NSOA},
	{Name: "wd", IRI: NSWD},
}

// kg: classes.
const (
	ClassEvent        = NS + "Event"
	ClassReport       = NS + "Report"
	ClassArticle      = NS + "Article"
	ClassActor        = NS + "Actor"
	ClassPerson       = NS + "Person"
	ClassCountry      = NS + "Country"
	ClassOrganization = NS + "Organization"
	ClassGroup        = NS + "Group"
	ClassRun          = NS + "ExtractionRun"
)

// kg: properties.
const (
	PropActor       = NS + "actor"           // Event → Actor that acts
	PropAction      = NS + "action"          // Event → CAMEO concept
	PropTarget      = NS + "target"          // Event → Actor acted upon
	PropDate        = NS + "date"            // Event → xsd:date
	PropSource      = NS + "source"          // Event → Article (one per reporting article)
	PropEvidence    = NS + "evidence"        // Event/Report → sentence text
	PropRule        = NS + "rule"            // Report → id of the rule that produced it
	PropConfidence  = NS + "confidence"      // Report → xsd:decimal in [0,1]
	PropPlace       = NS + "place"           // Event → place
	PropReportedBy  = NS + "reportedBy"      // Report → Actor who said so
	PropReport      = NS + "report"          // Event → Report
	PropSourceCount = NS + "sourceCount"     // Event → number of articles
	PropCameoCode   = NS + "cameoCode"       // CAMEO concept → "041"
	PropCountryCode = NS + "countryCode"     // Actor → ISO 3166 alpha-3
	PropGoldstein   = NS + "goldstein"       // CAMEO concept → Goldstein scale value
	PropQuadClass   = NS + "quadClass"       // CAMEO concept → 1..4
	PropSelector    = NS + "selector"        // Report → oa:TextPositionSelector of the evidence
	PropSoftware    = NS + "softwareVersion" // ExtractionRun → kg version
)

// Terms from other vocabularies.
const (
	RDFType         = NSRDF + "type"
	RDFSLabel       = NSRDFS + "label"
	RDFSComment     = NSRDFS + "comment"
	SKOSConcept     = NSSKOS + "Concept"
	SKOSPrefLabel   = NSSKOS + "prefLabel"
	SKOSAltLabel    = NSSKOS + "altLabel"
	SKOSHiddenLabel = NSSKOS + "hiddenLabel"
	SKOSNotation    = NSSKOS + "notation"
	SKOSBroader     = NSSKOS + "broader"
	SKOSInScheme    = NSSKOS + "inScheme"
	OWLSameAs       = NSOWL + "sameAs"
	DCTIdentifier   = NSDCT + "identifier"
	DCTTitle        = NSDCT + "title"
	DCTPublisher    = NSDCT + "publisher"
	DCTIssued       = NSDCT + "issued"
	ProvDerived     = NSPROV + "wasDerivedFrom"
	ProvGenerated   = NSPROV + "wasGeneratedBy"
	ProvActivity    = NSPROV + "Activity"
	ProvStarted     = NSPROV + "startedAtTime"
	ProvUsed        = NSPROV + "used"
	OATextPosition  = NSOA + "TextPositionSelector"
	OAStart         = NSOA + "start"
	OAEnd           = NSOA + "end"
	XSDDate         = NSXSD + "date"
	XSDDateTime     = NSXSD + "dateTime"
	XSDDecimal      = NSXSD + "decimal"
	XSDInteger      = NSXSD + "integer"
	XSDString       = NSXSD + "string"
)
