package query

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"kg/internal/graph"
	"kg/ontology"
)

// Article is an article as reports show it.
type Article struct {
	IRI       string `json:"iri"`
	ID        string `json:"id,omitempty"` // dcterms:identifier: its file name or JSONL id
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"` // the publisher's label
	Issued    string `json:"issued,omitempty"`
}

// Report is one article's account of an event.
type Report struct {
	IRI        string  `json:"iri"`
	Article    Article `json:"article"`
	Code       Code    `json:"code"`
	Evidence   string  `json:"evidence"`
	Rule       string  `json:"rule,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	ReportedBy *Party  `json:"reported_by,omitempty"`
	Start      int     `json:"start"` // the evidence's character offsets in the article
	End        int     `json:"end"`
}

// Reports are the reports of event iri, by article IRI.
func Reports(ctx context.Context, st *graph.Store, iri string) ([]Report, error) {
	ev, err := st.Describe(ctx, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	var out []Report
	for _, q := range ev {
		if q.Predicate != quad.IRI(graph.PropReport) {
			continue
		}
		rep, ok := q.Object.(quad.IRI)
		if !ok {
			continue
		}
		r, err := report(ctx, st, rep)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Report) int { return strings.Compare(a.Article.IRI+a.IRI, b.Article.IRI+b.IRI) })
	return out, nil
}

func report(ctx context.Context, st *graph.Store, iri quad.IRI) (Report, error) {
	r := Report{IRI: string(iri)}
	quads, err := st.Describe(ctx, iri)
	if err != nil {
		return r, err
	}
	for _, q := range quads {
		switch string(q.Predicate.(quad.IRI)) {
		case graph.PropSource:
			if a, ok := q.Object.(quad.IRI); ok {
				if r.Article, err = article(ctx, st, a); err != nil {
					return r, err
				}
			}
		case graph.PropAction:
			if a, ok := q.Object.(quad.IRI); ok {
				c := strings.TrimPrefix(string(a), graph.NSCameo)
				r.Code = Code{Code: c, Label: ontology.CameoLabels[c]}
			}
		case graph.PropEvidence:
			r.Evidence = lexicalOf(q.Object)
		case graph.PropRule:
			r.Rule = lexicalOf(q.Object)
		case graph.PropConfidence:
			r.Confidence, _ = strconv.ParseFloat(lexicalOf(q.Object), 64)
		case graph.PropReportedBy:
			if a, ok := q.Object.(quad.IRI); ok {
				p := Party{IRI: string(a), Label: label(ctx, st, a)}
				r.ReportedBy = &p
			}
		case graph.PropSelector:
			sel, err := st.Describe(ctx, q.Object)
			if err != nil {
				return r, err
			}
			for _, s := range sel {
				switch string(s.Predicate.(quad.IRI)) {
				case graph.OAStart:
					r.Start, _ = strconv.Atoi(lexicalOf(s.Object))
				case graph.OAEnd:
					r.End, _ = strconv.Atoi(lexicalOf(s.Object))
				}
			}
		}
	}
	return r, nil
}

func article(ctx context.Context, st *graph.Store, iri quad.IRI) (Article, error) {
	a := Article{IRI: string(iri)}
	quads, err := st.Describe(ctx, iri)
	for _, q := range quads {
		switch string(q.Predicate.(quad.IRI)) {
		case graph.DCTIdentifier:
			a.ID = lexicalOf(q.Object)
		case graph.DCTTitle:
			a.Title = lexicalOf(q.Object)
		case graph.DCTIssued:
			a.Issued = lexicalOf(q.Object)
		case graph.DCTPublisher:
			if p, ok := q.Object.(quad.IRI); ok {
				a.Publisher = label(ctx, st, p)
			}
		}
	}
	return a, err
}

// label is the rdfs:label of iri, else its local name.
func label(ctx context.Context, st *graph.Store, iri quad.IRI) string {
	quads, _ := st.Describe(ctx, iri)
	for _, q := range quads {
		if q.Predicate == quad.IRI(graph.RDFSLabel) {
			return lexicalOf(q.Object)
		}
	}
	return LocalName(string(iri))
}

// lexicalOf is a literal's lexical form, an IRI's text.
func lexicalOf(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return quad.ToString(v)
}
