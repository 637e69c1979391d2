package rdf

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func jsonldQuads() []quad.Quad {
	ex := func(s string) quad.IRI { return quad.IRI("http://example.org/" + s) }
	return append(stFixture(),
		quad.Quad{Subject: ex("s"), Predicate: quad.IRI(RDFType), Object: quad.BNode("cls")},      // bnode type: not "@type"
		quad.Quad{Subject: ex("s"), Predicate: quad.IRI(RDFType), Object: quad.String("literal")}, // literal type
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.String("tab\tnl\nquote\"bs\\ctl\x01del\x7f<&>")},
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.IRI(NSActor + "//x")},    // would read as an absolute IRI
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.IRI("kg2:not-a-prefix")}, // unknown scheme
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.IRI(NS)},                 // the namespace itself
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.Float(1.5)},              // written as xsd:double
		quad.Quad{Subject: ex("s"), Predicate: ex("p"), Object: quad.LangString{Value: "x", Lang: "EN-gb"}},
	)
}

func TestJSONLDDeterministic(t *testing.T) {
	qs := jsonldQuads()
	var first []byte
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		qs = append(qs, qs[r.Intn(len(qs))]) // duplicates change nothing
		r.Shuffle(len(qs), func(a, b int) { qs[a], qs[b] = qs[b], qs[a] })
		var b bytes.Buffer
		if err := WriteJSONLD(&b, qs, Prefixes); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("run %d differs:\n%s\n----\n%s", i, first, b.Bytes())
		}
	}
	if !json.Valid(first) {
		t.Fatalf("not JSON:\n%s", first)
	}
}

// TestJSONLDMeansTheSame reads the JSON-LD back, with the small part of
// JSON-LD expansion this writer uses (compact IRIs, @id, @type, @value,
// @language), and compares the triples with the N-Triples writer's.
// (.ci checks the same against jsonld.js; see the report in the issue.)
func TestJSONLDMeansTheSame(t *testing.T) {
	for name, qs := range map[string][]quad.Quad{
		"fixture": jsonldQuads(),
		"empty":   nil,
		"scheme named like a prefix": {
			{Subject: quad.IRI("kg:x"), Predicate: quad.IRI(NS + "p"), Object: quad.IRI(NSActor + "A")},
		},
	} {
		t.Run(name, func(t *testing.T) {
			var jb, nb bytes.Buffer
			if err := WriteJSONLD(&jb, qs, Prefixes); err != nil {
				t.Fatal(err)
			}
			if err := WriteNTriples(&nb, qs); err != nil {
				t.Fatal(err)
			}
			got := jsonldTriples(t, jb.Bytes())
			want := strings.Split(strings.TrimSuffix(nb.String(), "\n"), "\n")
			if nb.Len() == 0 {
				want = nil
			}
			if !slices.Equal(got, want) {
				t.Errorf("JSON-LD:\n%s\ntriples read back:\n%s\nN-Triples:\n%s", jb.Bytes(), strings.Join(got, "\n"), nb.String())
			}
		})
	}
}

// jsonldTriples turns this writer's JSON-LD into sorted N-Triples lines.
func jsonldTriples(t *testing.T, doc []byte) []string {
	t.Helper()
	var d struct {
		Context map[string]string `json:"@context"`
		Graph   []map[string]json.RawMessage
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(doc, &raw); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	json.Unmarshal(raw["@context"], &d.Context)
	json.Unmarshal(raw["@graph"], &d.Graph)
	expand := func(s string) string {
		if strings.HasPrefix(s, "_:") {
			return s
		}
		if p, rest, ok := strings.Cut(s, ":"); ok && !strings.HasPrefix(rest, "//") {
			if ns, ok := d.Context[p]; ok {
				s = ns + rest
			}
		}
		return "<" + s + ">"
	}
	lit := func(s string) string {
		var b []byte
		return string(appendNTString(b, s))
	}
	var out []string
	for _, node := range d.Graph {
		var id string
		json.Unmarshal(node["@id"], &id)
		s := expand(id)
		for k, v := range node {
			switch k {
			case "@id":
			case "@type":
				var types []string
				if err := json.Unmarshal(v, &types); err != nil {
					t.Fatalf("@type: %v", err)
				}
				for _, ty := range types {
					out = append(out, s+" <"+rdfTypeIRI+"> "+expand(ty)+" .")
				}
			default:
				var vals []map[string]string
				if err := json.Unmarshal(v, &vals); err != nil {
					t.Fatalf("%s: %v", k, err)
				}
				for _, val := range vals {
					var o string
					switch {
					case val["@id"] != "":
						o = expand(val["@id"])
					case val["@language"] != "":
						o = lit(val["@value"]) + "@" + val["@language"]
					case val["@type"] != "":
						o = lit(val["@value"]) + "^^" + expand(val["@type"])
					default:
						o = lit(val["@value"])
					}
					out = append(out, s+" "+expand(k)+" "+o+" .")
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestJSONLDShape(t *testing.T) {
	qs := []quad.Quad{
		{Subject: stE1, Predicate: quad.IRI(RDFType), Object: quad.IRI(ClassEvent), Label: stArt1},
		{Subject: stE1, Predicate: quad.IRI(PropDate), Object: stDate},
		{Subject: stE1, Predicate: quad.IRI(PropActor), Object: stA},
		{Subject: stE1, Predicate: quad.IRI(PropActor), Object: stB},
		{Subject: stA, Predicate: quad.IRI(RDFSLabel), Object: quad.LangString{Value: "Donald Trump", Lang: "en"}},
	}
	var b bytes.Buffer
	if err := WriteJSONLD(&b, qs, Prefixes); err != nil {
		t.Fatal(err)
	}
	want := `{
  "@context": {
    "kg": "https://w3id.org/kg/ns#",
    "actor": "https://w3id.org/kg/id/actor/",
    "event": "https://w3id.org/kg/id/event/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#"
  },
  "@graph": [
    {
      "@id": "actor:A",
      "rdfs:label": [{"@value": "Donald Trump", "@language": "en"}]
    },
    {
      "@id": "event:e1",
      "@type": ["kg:Event"],
      "kg:actor": [
        {"@id": "actor:A"},
        {"@id": "actor:B"}
      ],
      "kg:date": [{"@value": "2017-05-02", "@type": "xsd:date"}]
    }
  ]
}
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestJSONLDErrors(t *testing.T) {
	bad := []quad.Quad{{Subject: quad.String("literal subject"), Predicate: quad.IRI(RDFType), Object: quad.IRI(ClassEvent)}}
	var b bytes.Buffer
	if err := WriteJSONLD(&b, bad, Prefixes); err == nil || b.Len() != 0 {
		t.Errorf("literal subject: err %v, wrote %d bytes; want an error and nothing written", err, b.Len())
	}
	if err := WriteJSONLD(&b, nil, []Prefix{{"a:b", "http://x/"}}); err == nil {
		t.Error("prefix name with a colon: no error")
	}
}
