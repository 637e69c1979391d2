package query

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/xrash/smetrics"

	"kg/internal/graph"
)

// Actor is an actor with the number of events it takes part in.
type Actor struct {
	IRI      string   `json:"iri"`
	Label    string   `json:"label"`
	Aliases  []string `json:"aliases,omitempty"`
	Type     string   `json:"type,omitempty"`    // its class: "Person", "Country", "Organization", "Group"
	Country  string   `json:"country,omitempty"` // ISO 3166 alpha-3
	Events   int      `json:"events"`            // as actor or target
	AsActor  int      `json:"as_actor"`
	AsTarget int      `json:"as_target"`
}

// Actors are the actors whose label or alias contains search (compared
// case- and accent-insensitively; "" matches every actor), that take part
// in at least one event, most events first; and how many match in all.
// Labels that equal search come first.
func Actors(ctx context.Context, st *graph.Store, search string, limit int) (list []Actor, total int, err error) {
	want := graph.Fold(search)
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		if want == "" {
			return topActors(r, limit, &list, &total)
		}
		type hit struct {
			a     Actor
			exact bool
		}
		var hits []hit
		var err error
		perr := r.Actors(func(rec *graph.ActorRecord) bool {
			exact, ok := false, false
			for _, n := range names(rec) {
				f := graph.Fold(n)
				exact = exact || f == want
				ok = ok || strings.Contains(f, want)
			}
			if !ok {
				return true
			}
			var a Actor
			if a, err = actorOf(r, rec); err != nil {
				return false
			}
			if a.Events > 0 {
				hits = append(hits, hit{a, exact})
			}
			return true
		})
		if err = cmp.Or(err, perr); err != nil {
			return err
		}
		slices.SortFunc(hits, func(x, y hit) int {
			if x.exact != y.exact {
				if x.exact {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(y.a.Events, x.a.Events), strings.Compare(x.a.Label, y.a.Label), strings.Compare(x.a.IRI, y.a.IRI))
		})
		total = len(hits)
		for _, h := range page(hits, limit, 0) {
			list = append(list, h.a)
		}
		return nil
	})
	return list, total, err
}

// topActors lists the actors with most events from the ranking the index
// keeps, reading only the records it shows. Equal counts come in IRI order.
func topActors(r *graph.IndexReader, limit int, list *[]Actor, total *int) error {
	n, err := r.Members(graph.KindInvolved)
	if err != nil {
		return err
	}
	*total = int(n)
	rerr := r.Ranked(graph.KindInvolved, func(t string, _ int64) bool {
		var rec *graph.ActorRecord
		if rec, err = r.Actor(t); err != nil {
			return false
		}
		if rec == nil { // an actor without a type: only its IRI is known
			rec = &graph.ActorRecord{ID: t}
		}
		var a Actor
		if a, err = actorOf(r, rec); err != nil {
			return false
		}
		*list = append(*list, a)
		return limit <= 0 || len(*list) < limit
	})
	return cmp.Or(err, rerr)
}

// names are the labels and aliases of an actor, and its IRI's local name
// with spaces for underscores ("Donald_Trump" → "Donald Trump").
func names(rec *graph.ActorRecord) []string {
	out := append(slices.Clone(rec.Labels), rec.Aliases...)
	return append(out, strings.ReplaceAll(LocalName(graph.IRIOf(rec.ID)), "_", " "))
}

func actorOf(r *graph.IndexReader, rec *graph.ActorRecord) (Actor, error) {
	a := Actor{IRI: graph.IRIOf(rec.ID), Label: rec.Label(), Aliases: rec.Aliases, Country: rec.Country}
	if a.Label == "" {
		a.Label = LocalName(a.IRI)
	}
	for _, t := range rec.Types {
		if t != graph.TermOf(graph.ClassActor) || a.Type == "" {
			a.Type = LocalName(graph.IRIOf(t))
		}
	}
	for _, c := range []struct {
		kind string
		into *int
	}{{graph.KindInvolved, &a.Events}, {graph.KindActor, &a.AsActor}, {graph.KindTarget, &a.AsTarget}} {
		n, err := r.Count(c.kind, rec.ID)
		if err != nil {
			return a, err
		}
		*c.into = int(n)
	}
	return a, nil
}

// NotFoundError says that a name matches no actor, and which labels come
// nearest.
type NotFoundError struct {
	Name    string
	Nearest []string // labels, nearest first
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no actor is called %q", e.Name) + e.Suggestion()
}

// Suggestion is "; did you mean "A", "B" or "C"?", or "" when no label
// is near.
func (e *NotFoundError) Suggestion() string {
	if len(e.Nearest) == 0 {
		return ""
	}
	return "; did you mean " + quoteList(e.Nearest) + "?"
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// Resolve finds the actors name stands for: an IRI, a CURIE
// ("actor:Russia"), or a label, alias, demonym or local name compared as
// graph.Fold compares them, with or without "the" and a plural "s" ("the
// Palestinians"). Labels win over aliases and local names: "Georgia" is the
// country even if a person has it as an alias. A name that matches nothing
// is a *NotFoundError naming the nearest labels.
func Resolve(ctx context.Context, st *graph.Store, name string) ([]Actor, error) {
	iri := name
	if rest, ok := strings.CutPrefix(name, "actor:"); ok {
		iri = graph.NSActor + rest
	}
	want := graph.Fold(name)
	var found []Actor
	var nf *NotFoundError
	err := st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		rec, err := r.Actor(graph.TermOf(iri))
		if err != nil {
			return err
		}
		var terms []string
		if rec != nil {
			terms = []string{rec.ID}
		} else {
			// "the Palestinians": as written, without "the", then in the
			// singular (demonyms are stored in the singular)
			bare := strings.TrimPrefix(want, "the ")
			for _, n := range []string{want, bare, strings.TrimSuffix(bare, "s")} {
				if terms, err = r.Named(n); err != nil || len(terms) > 0 {
					break
				}
			}
			if err != nil {
				return err
			}
		}
		for _, t := range terms {
			if rec, err = r.Actor(t); err != nil {
				return err
			}
			a, err := actorOf(r, rec)
			if err != nil {
				return err
			}
			found = append(found, a)
		}
		if len(found) == 0 {
			nf, err = nearest(r, name, want)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if nf != nil {
		return nil, nf
	}
	slices.SortFunc(found, func(x, y Actor) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), strings.Compare(x.IRI, y.IRI))
	})
	return found, nil
}

// nearest is the error for a name that matches no actor, with the labels
// of the actors nearest to it by a label, an alias or a word of one.
func nearest(r *graph.IndexReader, name, want string) (*NotFoundError, error) {
	best := map[string]float64{} // actor → distance of its nearest name
	err := r.Names(func(n, actor string) bool {
		for _, cand := range append(strings.Fields(n), n) {
			// the distance is at least the difference in length: skip
			// what cannot be near enough without computing it
			if diff := abs(len(cand) - len(want)); float64(diff) > maxDistance*float64(max(len(cand), len(want))) {
				continue
			}
			if d := distance(want, cand); d <= maxDistance {
				if old, ok := best[actor]; !ok || d < old {
					best[actor] = d
				}
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	type near struct {
		label string
		d     float64
	}
	var all []near
	for actor, d := range best {
		label, err := r.Label(actor)
		if err != nil {
			return nil, err
		}
		if label != "" {
			all = append(all, near{label, d})
		}
	}
	slices.SortFunc(all, func(x, y near) int { return cmp.Or(cmp.Compare(x.d, y.d), strings.Compare(x.label, y.label)) })
	nf := &NotFoundError{Name: name}
	for _, n := range all {
		if len(nf.Nearest) == 3 {
			break
		}
		if !slices.Contains(nf.Nearest, n.label) {
			nf.Nearest = append(nf.Nearest, n.label)
		}
	}
	return nf, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxDistance is how far a label may be from a name to be suggested: a
// third of its letters wrong.
const maxDistance = 0.34

// distance is the edit distance of a typed name to a label, relative to
// the longer of the two: 0 for equal, 1 for nothing in common.
func distance(name, label string) float64 {
	n := max(len(name), len(label))
	if n == 0 {
		return 0
	}
	return float64(smetrics.WagnerFischer(name, label, 1, 1, 1)) / float64(n)
}

// IRIs are the IRIs of actors.
func IRIs(actors []Actor) []string {
	out := make([]string, len(actors))
	for i, a := range actors {
		out[i] = a.IRI
	}
	return out
}
