package explore

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"kg/internal/graph"
	"kg/internal/query"
)

// StoreSource is the Source over a store's query index, through
// internal/query: the same lookups as kg actors and kg events.
type StoreSource struct {
	st *graph.Store

	memo *eventsMemo // an actor's whole event list, shared by the views asked for at once

	mu      sync.Mutex
	summary *Summary // cached while the store's size stays the same
	size    int64
}

// NewStoreSource reads st through its query index.
func NewStoreSource(st *graph.Store) *StoreSource {
	return &StoreSource{st: st, memo: newEventsMemo(16)}
}

func actorIRI(id string) string { return graph.NSActor + id }
func eventIRI(id string) string { return graph.NSEvent + id }

// actorID is the id of an actor IRI in the API: its local name.
func actorID(iri string) string { return strings.TrimPrefix(iri, graph.NSActor) }

func refOf(p query.Party) ActorRef { return ActorRef{ID: actorID(p.IRI), Label: p.Label} }

func actorOf(a query.Actor) Actor {
	out := Actor{ActorRef: ActorRef{ID: actorID(a.IRI), Label: a.Label, Type: a.Type}, IRI: a.IRI,
		Aliases: a.Aliases, Country: a.Country, Events: a.Events}
	if out.Aliases == nil {
		out.Aliases = []string{} // [] in JSON
	}
	return out
}

// SearchActors implements Source with kg actors' lookup.
func (s *StoreSource) SearchActors(ctx context.Context, q string, limit int) ([]ActorHit, error) {
	list, _, err := query.Actors(ctx, s.st, q, limit)
	if err != nil {
		return nil, err
	}
	want := graph.Fold(q)
	out := make([]ActorHit, 0, len(list))
	for _, a := range list {
		h := ActorHit{Actor: actorOf(a), Matched: a.Label}
		if want != "" && !strings.Contains(graph.Fold(a.Label), want) {
			for _, alias := range a.Aliases {
				if strings.Contains(graph.Fold(alias), want) {
					h.Matched = alias
					break
				}
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// Actor implements Source.
func (s *StoreSource) Actor(ctx context.Context, id string) (*Actor, error) {
	if id == "" || strings.ContainsAny(id, "<>\"") {
		return nil, ErrNotFound
	}
	found, err := query.Resolve(ctx, s.st, actorIRI(id))
	var nf *query.NotFoundError
	if errors.As(err, &nf) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if len(found) == 0 || found[0].IRI != actorIRI(id) {
		return nil, ErrNotFound // Resolve fell back on names: not this id
	}
	a := actorOf(found[0])
	// the Wikidata id is not in the index; it is one subject lookup
	quads, err := s.st.Describe(ctx, quad.IRI(a.IRI))
	if err != nil {
		return nil, err
	}
	for _, q := range quads {
		if q.Predicate == quad.IRI(graph.OWLSameAs) {
			if o, ok := q.Object.(quad.IRI); ok && strings.HasPrefix(string(o), graph.NSWD) {
				a.Wikidata = strings.TrimPrefix(string(o), graph.NSWD)
			}
		}
	}
	return &a, nil
}

func queryFilter(f Filter) query.Filter {
	qf := query.Filter{Roots: f.Roots, From: f.From, To: f.To}
	if f.Actor != "" {
		qf.With = append(qf.With, []string{actorIRI(f.Actor)})
	}
	if f.With != "" {
		qf.With = append(qf.With, []string{actorIRI(f.With)})
	}
	return qf
}

// Events implements Source with kg events' query. The events of an actor
// are read as two queries side by side, its events as actor and as target,
// merged in date order: each is on the query layer's fast path for a page
// (a posting list already in date order), and together they use both
// cores for a whole read, where "actor or target" (Filter.With) would read
// every event of the actor on one.
func (s *StoreSource) Events(ctx context.Context, f Filter, limit, offset int) ([]EventRow, int, error) {
	if f.Actor == "" {
		list, total, err := query.Events(ctx, s.st, queryFilter(f), query.ByDate, limit, offset)
		return rowsOf(list), total, err
	}
	if limit == 0 && s.memo != nil {
		return s.memo.get(f, s.st.Size(), func() ([]EventRow, int, error) { return s.actorEvents(ctx, f, 0, 0) })
	}
	return s.actorEvents(ctx, f, limit, offset)
}

func (s *StoreSource) actorEvents(ctx context.Context, f Filter, limit, offset int) ([]EventRow, int, error) {
	base := queryFilter(Filter{With: f.With, From: f.From, To: f.To, Roots: f.Roots})
	asActor, asTarget := base, base
	asActor.Actors = []string{actorIRI(f.Actor)}
	asTarget.Targets = []string{actorIRI(f.Actor)}
	n := 0 // how many of each to read: a page needs its first offset+limit
	if limit > 0 {
		n = offset + limit
	}
	var lists [2][]query.Event
	var totals [2]int
	var errs [2]error
	var wg sync.WaitGroup
	for i, qf := range []query.Filter{asActor, asTarget} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lists[i], totals[i], errs[i] = query.Events(ctx, s.st, qf, query.ByDate, n, 0)
		}()
	}
	wg.Wait()
	if err := cmp.Or(errs[0], errs[1]); err != nil {
		return nil, 0, err
	}
	merged, both := mergeByDate(lists[0], lists[1])
	// An event with the actor on both sides is in both lists; the ones
	// beyond what was read cannot be seen, so a page's total may count
	// them twice (kg never extracts such an event; a loaded graph may
	// hold one).
	total := totals[0] + totals[1] - both
	if offset > 0 {
		merged = merged[min(offset, len(merged)):]
	}
	if limit > 0 && len(merged) > limit {
		merged = merged[:limit]
	}
	return rowsOf(merged), total, nil
}

// mergeByDate merges two lists in the query layer's order (date, undated
// last, then the event's term), keeping an event found in both once, and
// says how many were.
func mergeByDate(a, b []query.Event) (out []query.Event, both int) {
	key := func(e *query.Event) string { return cmp.Or(e.Date, graph.Undated) + "\x00" + graph.TermOf(e.IRI) }
	out = make([]query.Event, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0:
			out, a = append(out, a[0]), a[1:]
		case len(a) == 0:
			out, b = append(out, b[0]), b[1:]
		case a[0].IRI == b[0].IRI:
			out, a, b = append(out, a[0]), a[1:], b[1:]
			both++
		case key(&a[0]) <= key(&b[0]):
			out, a = append(out, a[0]), a[1:]
		default:
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out, both
}

func rowsOf(list []query.Event) []EventRow {
	rows := make([]EventRow, len(list))
	for i, e := range list {
		rows[i] = EventRow{ID: strings.TrimPrefix(e.IRI, graph.NSEvent), Date: e.Date, Actor: refOf(e.Actor),
			Code: mostSpecific(codes(e.Codes)), Sources: e.Sources, Evidence: e.Evidence}
		if e.Target != nil {
			t := refOf(*e.Target)
			rows[i].Target = &t
		}
	}
	return rows
}

func codes(cs []query.Code) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

// Event implements Source: the event's index record and its reports.
func (s *StoreSource) Event(ctx context.Context, id string) (*EventDetail, error) {
	if id == "" || strings.ContainsAny(id, "<>\"") {
		return nil, ErrNotFound
	}
	var d *EventDetail
	err := s.st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		rec, err := r.Event(graph.TermOf(eventIRI(id)))
		if err != nil || rec == nil {
			return err
		}
		party := func(t string) (ActorRef, error) {
			a, err := r.Actor(t)
			iri := graph.IRIOf(t)
			return ActorRef{ID: actorID(iri), Label: cmp.Or(a.Label(), query.LocalName(iri))}, err
		}
		d = &EventDetail{ID: id, IRI: eventIRI(id), Date: rec.Date, Action: ActionOf(mostSpecific(rec.Codes)), Sources: rec.Sources}
		if len(rec.Actors) > 0 {
			if d.Actor, err = party(rec.Actors[0]); err != nil {
				return err
			}
		}
		if len(rec.Targets) > 0 {
			t, err := party(rec.Targets[0])
			if err != nil {
				return err
			}
			d.Target = &t
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, ErrNotFound
	}
	reports, err := query.Reports(ctx, s.st, d.IRI)
	if err != nil {
		return nil, err
	}
	d.Reports = make([]Report, len(reports))
	for i, r := range reports {
		rep := Report{ID: strings.TrimPrefix(r.IRI, graph.NSReport), IRI: r.IRI, Rule: r.Rule, Confidence: r.Confidence,
			Action: ActionOf(r.Code.Code), Evidence: r.Evidence, Start: r.Start, End: r.End,
			Article: Article{ID: r.Article.ID, Title: r.Article.Title, Publisher: r.Article.Publisher, Issued: r.Article.Issued}}
		if r.ReportedBy != nil {
			by := refOf(*r.ReportedBy)
			rep.ReportedBy = &by
		}
		d.Reports[i] = rep
	}
	return d, nil
}

// Summary implements Source. The counts come from the index; the first and
// last dates from one pass over the date postings, so the answer is kept
// until the store changes size.
func (s *StoreSource) Summary(ctx context.Context) (*Summary, error) {
	size := s.st.Size()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.summary != nil && size == s.size {
		sum := *s.summary
		return &sum, nil
	}
	st, err := query.ComputeStats(ctx, s.st, 1)
	if err != nil {
		return nil, err
	}
	sum := &Summary{Events: st.Events, Actors: st.Actors, Articles: st.Articles}
	err = s.st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		return r.Postings(graph.KindDate, "*", "", func(date, _ string) bool {
			switch {
			case date == graph.Undated:
				sum.Undated++
			case sum.First == "":
				sum.First, sum.Last = date, date
			default:
				sum.Last = date
			}
			return true
		})
	})
	if err != nil {
		return nil, err
	}
	s.summary, s.size = sum, size
	c := *sum
	return &c, nil
}
