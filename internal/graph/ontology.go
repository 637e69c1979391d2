package graph

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"kg/internal/rdf"
	"kg/ontology"
)

// OntologyQuads parses the embedded ontology and CAMEO scheme, for writing
// them beside a graph (kg build --with-ontology).
func OntologyQuads() ([]quad.Quad, error) {
	var out []quad.Quad
	for _, f := range []struct {
		name string
		ttl  []byte
	}{{"kg.ttl", ontology.KG}, {"cameo.ttl", ontology.Cameo}} {
		qs, err := rdf.ParseTurtle(f.ttl)
		if err != nil {
			return nil, fmt.Errorf("embedded ontology/%s: %w", f.name, err)
		}
		out = append(out, qs...)
	}
	return out, nil
}
