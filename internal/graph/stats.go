package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"kg/ontology"
)

// Stats summarizes the events in a store, for `kg stats`.
type Stats struct {
	Events   int     `json:"events"`
	Reports  int     `json:"reports"`
	Articles int     `json:"articles"`
	Actors   int     `json:"actors"`
	Roots    []Count `json:"by_cameo_root"`
	Actor    []Count `json:"top_actors"`
	Dyads    []Count `json:"top_dyads"`
	Sources  []Count `json:"events_per_source"`
}

// Count is one row of a Stats table.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	N     int    `json:"n"`
}

// ComputeStats reads the store once. top bounds the actor, dyad and source
// tables (0: all).
func (s *Store) ComputeStats(ctx context.Context, top int) (*Stats, error) {
	type event struct {
		actors, targets, codes []string
		sources                map[string]bool
	}
	events := map[string]*event{}
	ev := func(k string) *event {
		e := events[k]
		if e == nil {
			e = &event{sources: map[string]bool{}}
			events[k] = e
		}
		return e
	}
	labels := map[string]string{}
	isEvent := map[string]bool{}
	reports, articles := 0, 0
	err := s.Each(ctx, func(q quad.Quad) error {
		subj, obj := plain(q.Subject), plain(q.Object)
		switch plain(q.Predicate) {
		case RDFType:
			switch obj {
			case ClassEvent:
				isEvent[subj] = true
			case ClassReport:
				reports++
			case ClassArticle:
				articles++
			}
		case PropActor:
			ev(subj).actors = append(ev(subj).actors, obj)
		case PropTarget:
			ev(subj).targets = append(ev(subj).targets, obj)
		case PropSource:
			ev(subj).sources[obj] = true
		case PropCameoCode:
			// the concept's code, looked up below through kg:action
		case RDFSLabel:
			labels[subj] = obj
		case PropAction:
			ev(subj).codes = append(ev(subj).codes, strings.TrimPrefix(obj, NSCameo))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	roots, actors, dyads, sources := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	st := &Stats{}
	for k, e := range events {
		if !isEvent[k] {
			continue // a report (it has kg:action and kg:source too)
		}
		st.Events++
		seen := map[string]bool{}
		for _, c := range e.codes {
			if len(c) >= 2 && !seen[c[:2]] {
				seen[c[:2]] = true
				roots[c[:2]]++
			}
		}
		for _, a := range e.actors {
			actors[a]++
			for _, t := range e.targets {
				dyads[a+"\x00"+t]++
			}
		}
		for src := range e.sources {
			sources[src]++
		}
	}
	st.Reports, st.Articles, st.Actors = reports, articles, len(actors)
	short := func(iri string) string { return strings.TrimPrefix(strings.TrimPrefix(iri, NSActor), NSArt) }
	st.Roots = table(roots, 0, func(k string) (string, string) { return k, ontology.CameoLabels[k] })
	st.Actor = table(actors, top, func(k string) (string, string) { return short(k), labels[k] })
	st.Dyads = table(dyads, top, func(k string) (string, string) {
		a, t, _ := strings.Cut(k, "\x00")
		return short(a) + " → " + short(t), ""
	})
	st.Sources = table(sources, top, func(k string) (string, string) { return short(k), "" })
	return st, nil
}

// table sorts counts (largest first, then by key) and keeps the top n.
func table(m map[string]int, n int, name func(string) (string, string)) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		key, label := name(k)
		out = append(out, Count{Key: key, Label: label, N: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// plain is an IRI without brackets, a literal's lexical form.
func plain(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	}
	return quad.ToString(v)
}
