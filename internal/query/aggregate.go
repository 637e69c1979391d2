package query

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"kg/internal/graph"
	"kg/ontology"
)

// Partner is an actor that takes part in events with another, and in how
// many: the edges of an actor's ego network.
type Partner struct {
	Party
	Events   int `json:"events"`    // events of both, in either role
	AsActor  int `json:"as_actor"`  // of which the partner is the actor
	AsTarget int `json:"as_target"` // of which the partner is the target
}

// Partners are the actors that share events with any of iris (the events f
// also selects), most shared events first.
func Partners(ctx context.Context, st *graph.Store, iris []string, f Filter) (list []Partner, err error) {
	if len(iris) == 1 && f.empty() {
		return partnerCounts(ctx, st, graph.TermOf(iris[0]))
	}
	f.With = append(slices.Clone(f.With), iris)
	self := map[string]bool{}
	for _, iri := range iris {
		self[graph.TermOf(iri)] = true
	}
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		recs, err := match(r, f)
		if err != nil {
			return err
		}
		byTerm := map[string]*Partner{}
		labels := labeler{r: r, cache: map[string]string{}}
		for _, rec := range recs {
			seen := map[string]bool{}
			for role, terms := range [][]string{rec.Actors, rec.Targets} {
				for _, t := range terms {
					if self[t] {
						continue
					}
					p := byTerm[t]
					if p == nil {
						party, err := labels.party(t)
						if err != nil {
							return err
						}
						p = &Partner{Party: party}
						byTerm[t] = p
					}
					if role == 0 {
						p.AsActor++
					} else {
						p.AsTarget++
					}
					if !seen[t] {
						seen[t] = true
						p.Events++
					}
				}
			}
		}
		for _, p := range byTerm {
			list = append(list, *p)
		}
		sortPartners(list)
		return nil
	})
	return list, err
}

// partnerCounts are the partners of one actor, from the counts the index
// keeps: as fast for an actor with 10,000 events as for one with 10.
func partnerCounts(ctx context.Context, st *graph.Store, x string) (list []Partner, err error) {
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		labels := labeler{r: r, cache: map[string]string{}}
		var err error
		cerr := r.Counts(graph.KindPartner, graph.DyadMember(x, ""), func(member string, n int64) bool {
			_, y, _ := strings.Cut(member, "\x00")
			p := Partner{Events: int(n)}
			if p.Party, err = labels.party(y); err != nil {
				return false
			}
			var as, at int64
			if as, err = r.Count(graph.KindDyad, graph.DyadMember(y, x)); err != nil {
				return false
			}
			if at, err = r.Count(graph.KindDyad, graph.DyadMember(x, y)); err != nil {
				return false
			}
			p.AsActor, p.AsTarget = int(as), int(at)
			list = append(list, p)
			return true
		})
		return cmp.Or(err, cerr)
	})
	sortPartners(list)
	return list, err
}

func sortPartners(list []Partner) {
	slices.SortFunc(list, func(a, b Partner) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.Label, b.Label), strings.Compare(a.IRI, b.IRI))
	})
}

// Dyad is an ordered pair of actor and target, with its number of events.
type Dyad struct {
	Actor  Party `json:"actor"`
	Target Party `json:"target"`
	Events int   `json:"events"`
}

// Dyads are the actor → target pairs of the events f selects, most events
// first.
func Dyads(ctx context.Context, st *graph.Store, f Filter) (list []Dyad, err error) {
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		recs, err := match(r, f)
		if err != nil {
			return err
		}
		counts := map[[2]string]int{}
		for _, rec := range recs {
			for _, a := range rec.Actors {
				for _, t := range rec.Targets {
					counts[[2]string{a, t}]++
				}
			}
		}
		labels := labeler{r: r, cache: map[string]string{}}
		for k, n := range counts {
			a, err := labels.party(k[0])
			if err != nil {
				return err
			}
			t, err := labels.party(k[1])
			if err != nil {
				return err
			}
			list = append(list, Dyad{Actor: a, Target: t, Events: n})
		}
		sortDyads(list)
		return nil
	})
	return list, err
}

func sortDyads(list []Dyad) {
	slices.SortFunc(list, func(a, b Dyad) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.Actor.Label, b.Actor.Label),
			strings.Compare(a.Target.Label, b.Target.Label), strings.Compare(a.Actor.IRI+a.Target.IRI, b.Actor.IRI+b.Target.IRI))
	})
}

// Bucket is the number of events of one CAMEO root in one period.
type Bucket struct {
	Period string `json:"period"` // "2017", "2017-05" or "2017-05-02"
	Root   string `json:"root"`
	Events int    `json:"events"`
}

// Timeline counts the dated events f selects per period and CAMEO root;
// period is the length of the date prefix that names a period: 4 (years), 7
// (months) or 10 (days). An event with codes under two roots counts under
// each.
func Timeline(ctx context.Context, st *graph.Store, f Filter, period int) (list []Bucket, err error) {
	everyone := f.empty()
	one := len(f.With) == 1 && len(f.With[0]) == 1 && Filter{With: nil, Actors: f.Actors, Targets: f.Targets, Roots: f.Roots,
		Codes: f.Codes, Sources: f.Sources, From: f.From, To: f.To}.empty()
	if (everyone || one) && (period == 4 || period == 7) {
		x := "*"
		if one {
			x = graph.TermOf(f.With[0][0])
		}
		return monthCounts(ctx, st, x, period)
	}
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		recs, err := match(r, f)
		if err != nil {
			return err
		}
		counts := map[[2]string]int{}
		for _, rec := range recs {
			if len(rec.Date) < period {
				continue
			}
			roots := map[string]bool{}
			for _, c := range rec.Codes {
				if len(c) >= 2 && !roots[c[:2]] {
					roots[c[:2]] = true
					counts[[2]string{rec.Date[:period], c[:2]}]++
				}
			}
		}
		list = bucketList(counts)
		return nil
	})
	return list, err
}

// bucketList lists counts by {period, root}, in period and root order.
func bucketList(counts map[[2]string]int) []Bucket {
	list := make([]Bucket, 0, len(counts))
	for k, n := range counts {
		list = append(list, Bucket{Period: k[0], Root: k[1], Events: n})
	}
	slices.SortFunc(list, func(a, b Bucket) int {
		return cmp.Or(strings.Compare(a.Period, b.Period), strings.Compare(a.Root, b.Root))
	})
	return list
}

// monthCounts is the timeline of actor x ("*": of all events) from the
// counts the index keeps per month and root, by month or (period 4) year.
func monthCounts(ctx context.Context, st *graph.Store, x string, period int) (list []Bucket, err error) {
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		counts := map[[2]string]int{}
		var bad error
		err := r.Counts(graph.KindMonth, graph.MonthMember(x, "", "")[:len(x)+1], func(member string, n int64) bool {
			parts := strings.Split(member, "\x00")
			if len(parts) != 3 || len(parts[1]) < period {
				bad = fmt.Errorf("query index: bad month count %q", member)
				return false
			}
			counts[[2]string{parts[1][:period], parts[2]}] += int(n)
			return true
		})
		if err = cmp.Or(bad, err); err != nil {
			return err
		}
		list = bucketList(counts)
		return nil
	})
	return list, err
}

// Stats summarizes a store.
type Stats struct {
	Events   int     `json:"events"`
	Reports  int     `json:"reports"`
	Articles int     `json:"articles"`
	Actors   int     `json:"actors"` // actors taking part in events
	Roots    []Count `json:"by_cameo_root"`
	Actor    []Count `json:"top_actors"`
	Dyads    []Count `json:"top_dyads"`
	Sources  []Count `json:"events_per_source"`
	// Sizes are the numbers of rows the cut tables have in full.
	Sizes struct {
		Actors  int `json:"top_actors"`
		Dyads   int `json:"top_dyads"`
		Sources int `json:"events_per_source"`
	} `json:"table_sizes"`
}

// Count is one row of a Stats table: Key is a CAMEO root, an actor's or an
// article's IRI, or "actor → target" IRIs for dyads.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	N     int    `json:"n"`
}

// ComputeStats reads the counts the index keeps; top bounds the actor,
// dyad and source tables (0: all).
func ComputeStats(ctx context.Context, st *graph.Store, top int) (*Stats, error) {
	s := &Stats{}
	err := st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		for _, c := range []struct {
			kind, member string
			into         *int
		}{
			{graph.KindDate, "*", &s.Events},
			{graph.KindType, graph.TermOf(graph.ClassReport), &s.Reports},
			{graph.KindType, graph.TermOf(graph.ClassArticle), &s.Articles},
		} {
			n, err := r.Count(c.kind, c.member)
			if err != nil {
				return err
			}
			*c.into = int(n)
		}
		for _, c := range []struct {
			kind string
			into *int
		}{
			{graph.KindInvolved, &s.Actors}, {graph.KindActor, &s.Sizes.Actors},
			{graph.KindDyad, &s.Sizes.Dyads}, {graph.KindSource, &s.Sizes.Sources},
		} {
			n, err := r.Members(c.kind)
			if err != nil {
				return err
			}
			*c.into = int(n)
		}
		var err error
		labels := labeler{r: r, cache: map[string]string{}}
		ranked := func(kind string, n int, row func(member string) (Count, error)) (out []Count, err error) {
			out = []Count{} // an empty table is [] in JSON
			rerr := r.Ranked(kind, func(member string, count int64) bool {
				var c Count
				if c, err = row(member); err != nil {
					return false
				}
				c.N = int(count)
				out = append(out, c)
				return n <= 0 || len(out) < n
			})
			return out, cmp.Or(err, rerr)
		}
		actor := func(t string) (Count, error) {
			p, err := labels.party(t)
			return Count{Key: p.IRI, Label: p.Label}, err
		}
		if s.Roots, err = ranked(graph.KindRoot, 0, func(root string) (Count, error) {
			return Count{Key: root, Label: ontology.CameoLabels[root]}, nil
		}); err != nil {
			return err
		}
		// roots in code order, as CAMEO lists them
		slices.SortFunc(s.Roots, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Key, b.Key)) })
		if s.Actor, err = ranked(graph.KindActor, top, actor); err != nil {
			return err
		}
		if s.Dyads, err = ranked(graph.KindDyad, top, func(m string) (Count, error) {
			a, t, _ := strings.Cut(m, "\x00")
			pa, err := labels.party(a)
			if err != nil {
				return Count{}, err
			}
			pt, err := labels.party(t)
			return Count{Key: pa.IRI + " → " + pt.IRI, Label: pa.Label + " → " + pt.Label}, err
		}); err != nil {
			return err
		}
		s.Sources, err = ranked(graph.KindSource, top, func(t string) (Count, error) {
			return Count{Key: graph.IRIOf(t), Label: LocalName(graph.IRIOf(t))}, nil
		})
		return err
	})
	return s, err
}
