// Package query answers an analyst's questions about the events in a kg
// store — which events, which actors, how many — from the store's query
// index (graph.IndexReader), for the command line (kg events, kg actors,
// kg stats) and the HTTP explorer alike.
//
// Every count is of distinct events, as SPARQL's COUNT(DISTINCT ?e) counts
// them over the exported graph: an event reported by five articles, or
// carrying two CAMEO codes under one root, counts once.
//
// Actors are given as IRIs; Resolve turns what a user types ("Russia",
// "actor:Russia", "the palestinians") into them.
package query

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"kg/internal/graph"
	"kg/ontology"
)

// Filter selects events. Empty fields select everything; within a field any
// value matches; all fields must match.
type Filter struct {
	Actors  []string   // IRIs: the event's actor (kg:actor) is one of these
	Targets []string   // IRIs: its target (kg:target) is one of these
	With    [][]string // per group, IRIs one of which takes part, as actor or target
	Roots   []string   // CAMEO roots ("04"): one of its codes is under one of these
	Codes   []string   // CAMEO codes ("041"): it has one of these codes
	Sources []string   // article IRIs: one of them reports it
	// From and To bound its date, inclusively; a prefix stands for the
	// whole period ("2017" From the first of January, To the 31st of
	// December). With either set, undated events are left out.
	From, To string
}

// Order is how events are listed.
type Order int

const (
	ByDate    Order = iota // chronological, undated last
	BySources              // most reporting articles first, then by date
)

// Party is an actor as events show it.
type Party struct {
	IRI   string `json:"iri"`
	Label string `json:"label"` // its label, else the IRI's last segment
}

// Code is a CAMEO code with its label.
type Code struct {
	Code  string `json:"code"`
	Label string `json:"label,omitempty"`
}

// Event is one event.
type Event struct {
	IRI      string  `json:"iri"`
	Date     string  `json:"date,omitempty"` // "2017-05-02"; "" when undated
	Actor    Party   `json:"actor"`
	Codes    []Code  `json:"codes"` // its reports' codes, under one root
	Target   *Party  `json:"target,omitempty"`
	Sources  int     `json:"sources"` // articles reporting it
	Evidence string  `json:"evidence,omitempty"`
	Others   []Party `json:"other_parties,omitempty"` // further actors or targets, in graphs that state several
}

// Events are the events f selects, in order, and how many there are in
// all. limit bounds the list (0: no bound); offset skips that many first.
func Events(ctx context.Context, st *graph.Store, f Filter, order Order, limit, offset int) (list []Event, total int, err error) {
	err = st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		var recs []*graph.EventRecord
		var err error
		if order == ByDate && limit > 0 {
			recs, total, err = firstByDate(r, f, offset+limit)
			recs = page(recs, limit, offset)
		}
		if recs == nil && err == nil {
			if recs, err = match(r, f); err != nil {
				return err
			}
			sortRecords(recs, order)
			total = len(recs)
			recs = page(recs, limit, offset)
		}
		if err != nil {
			return err
		}
		labels := labeler{r: r, cache: map[string]string{}}
		list = make([]Event, len(recs))
		for i, rec := range recs {
			list[i], err = labels.event(rec)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return list, total, err
}

// firstByDate answers the common "the first n events of X by date"
// without reading every event of X: when f asks for the events of one
// member of one kind, or of one actor in either role (one --with), and
// perhaps dates, its posting lists are already in date order, and their
// length is the total. Otherwise it returns nil, and the caller matches
// the general way.
func firstByDate(r *graph.IndexReader, f Filter, n int) ([]*graph.EventRecord, int, error) {
	var lists []postingList // one, or an actor's lists as actor and as target
	set := 0
	for _, c := range []struct {
		kind    string
		members []string
	}{
		{graph.KindActor, f.Actors}, {graph.KindTarget, f.Targets}, {graph.KindRoot, f.Roots},
		{graph.KindCode, f.Codes}, {graph.KindSource, f.Sources},
	} {
		if len(c.members) > 0 {
			set++
			if len(c.members) > 1 {
				return nil, 0, nil
			}
			m := c.members[0]
			if c.kind == graph.KindActor || c.kind == graph.KindTarget || c.kind == graph.KindSource {
				m = graph.TermOf(m)
			}
			lists = []postingList{{c.kind, m}}
		}
	}
	countKind, countMember := "", ""
	switch {
	case set == 0 && len(f.With) == 0:
		lists = []postingList{{graph.KindDate, "*"}}
	case set == 0 && len(f.With) == 1 && len(f.With[0]) == 1:
		x := graph.TermOf(f.With[0][0])
		lists = []postingList{{graph.KindActor, x}, {graph.KindTarget, x}}
		countKind, countMember = graph.KindInvolved, x
	case set != 1 || len(f.With) > 0:
		return nil, 0, nil
	}
	if countKind == "" {
		countKind, countMember = lists[0].kind, lists[0].member
	}
	dated := f.From != "" || f.To != ""
	// The first n of each list, merged in (date, event) order: the first
	// n of all are among them. With dates, the lists are read to the end
	// to count what falls in them.
	type posting struct{ date, event string }
	var first []posting
	total := map[string]bool{}
	for _, l := range lists {
		taken := 0
		err := r.Postings(l.kind, l.member, commonPrefix(f.From, f.To), func(date, e string) bool {
			if !inDates(date, f.From, f.To) {
				return true
			}
			if dated {
				total[e] = true
			}
			if taken < n {
				first = append(first, posting{date, e})
				taken++
			}
			return taken < n || dated
		})
		if err != nil {
			return nil, 0, err
		}
	}
	slices.SortFunc(first, func(a, b posting) int {
		return cmp.Or(strings.Compare(a.date, b.date), strings.Compare(a.event, b.event))
	})
	first = slices.CompactFunc(first, func(a, b posting) bool { return a.event == b.event })
	out := []*graph.EventRecord{}
	for _, p := range first[:min(n, len(first))] {
		rec, err := r.Event(p.event)
		if err != nil {
			return nil, 0, err
		}
		if rec != nil {
			out = append(out, rec)
		}
	}
	if dated {
		return out, len(total), nil
	}
	c, err := r.Count(countKind, countMember)
	return out, int(c), err
}

// postingList names one posting list of the index.
type postingList struct{ kind, member string }

func page[T any](s []T, limit, offset int) []T {
	if offset > 0 {
		s = s[min(offset, len(s)):]
	}
	if limit > 0 && len(s) > limit {
		s = s[:limit]
	}
	return s
}

func sortRecords(recs []*graph.EventRecord, order Order) {
	byDate := func(a, b *graph.EventRecord) int {
		da, db := cmp.Or(a.Date, graph.Undated), cmp.Or(b.Date, graph.Undated)
		return cmp.Or(strings.Compare(da, db), strings.Compare(a.ID, b.ID))
	}
	slices.SortFunc(recs, func(a, b *graph.EventRecord) int {
		if order == BySources && a.Sources != b.Sources {
			return cmp.Compare(b.Sources, a.Sources)
		}
		return byDate(a, b)
	})
}

// candidates is one way to enumerate the events a filter may select: the
// posting lists of members in kinds, and how many events they hold.
type candidates struct {
	kinds   []string
	members []string
	size    int64
}

// match returns the records of the events f selects, in no order.
func match(r *graph.IndexReader, f Filter) ([]*graph.EventRecord, error) {
	// Every event f selects is in each of these; read the smallest.
	var options []candidates
	option := func(kinds []string, countKind string, members []string) error {
		if len(members) == 0 {
			return nil
		}
		c := candidates{kinds: kinds, members: members}
		for _, m := range members {
			n, err := r.Count(countKind, m)
			if err != nil {
				return err
			}
			c.size += n
		}
		options = append(options, c)
		return nil
	}
	terms := func(iris []string) []string {
		out := make([]string, len(iris))
		for i, iri := range iris {
			out[i] = graph.TermOf(iri)
		}
		return out
	}
	f.Actors, f.Targets, f.Sources = terms(f.Actors), terms(f.Targets), terms(f.Sources)
	for i, g := range f.With {
		f.With[i] = terms(g)
	}
	for _, o := range []struct {
		kind    string
		members []string
	}{
		{graph.KindActor, f.Actors}, {graph.KindTarget, f.Targets}, {graph.KindRoot, f.Roots},
		{graph.KindCode, f.Codes}, {graph.KindSource, f.Sources},
	} {
		if err := option([]string{o.kind}, o.kind, o.members); err != nil {
			return nil, err
		}
	}
	for _, g := range f.With {
		if err := option([]string{graph.KindActor, graph.KindTarget}, graph.KindInvolved, g); err != nil {
			return nil, err
		}
	}
	best := candidates{kinds: []string{graph.KindDate}, members: []string{"*"}, size: 1 << 62}
	for _, o := range options {
		if o.size < best.size {
			best = o
		}
	}
	datePrefix := commonPrefix(f.From, f.To)
	seen := map[string]bool{}
	var out []*graph.EventRecord
	var err error
	visit := func(date, e string) bool {
		if seen[e] || !inDates(date, f.From, f.To) {
			return true
		}
		seen[e] = true
		var rec *graph.EventRecord
		var ok bool
		if rec, err = r.Event(e); err == nil && rec != nil {
			ok, err = f.matches(r, rec)
		}
		if ok {
			out = append(out, rec)
		}
		return err == nil
	}
	for _, kind := range best.kinds {
		for _, m := range best.members {
			if perr := r.Postings(kind, m, datePrefix, visit); err == nil {
				err = perr
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// empty reports whether f selects every event.
func (f Filter) empty() bool {
	return len(f.Actors)+len(f.Targets)+len(f.With)+len(f.Roots)+len(f.Codes)+len(f.Sources) == 0 && f.From == "" && f.To == ""
}

// EventOf is one event by its IRI, nil when the store has no such event.
func EventOf(ctx context.Context, st *graph.Store, iri string) (*Event, error) {
	var out *Event
	err := st.ReadIndex(ctx, func(r *graph.IndexReader) error {
		rec, err := r.Event(graph.TermOf(iri))
		if err != nil || rec == nil {
			return err
		}
		labels := labeler{r: r, cache: map[string]string{}}
		e, err := labels.event(rec)
		out = &e
		return err
	})
	return out, err
}

// matches reports whether rec passes every part of f, whose IRIs are
// terms ("<iri>").
func (f Filter) matches(r *graph.IndexReader, rec *graph.EventRecord) (bool, error) {
	anyIn := func(have []string, want []string) bool {
		if len(want) == 0 {
			return true
		}
		for _, w := range want {
			if slices.Contains(have, w) {
				return true
			}
		}
		return false
	}
	if !inDates(cmp.Or(rec.Date, graph.Undated), f.From, f.To) ||
		!anyIn(rec.Actors, f.Actors) || !anyIn(rec.Targets, f.Targets) || !anyIn(rec.Codes, f.Codes) {
		return false, nil
	}
	for _, g := range f.With {
		if !anyIn(rec.Actors, g) && !anyIn(rec.Targets, g) {
			return false, nil
		}
	}
	if len(f.Roots) > 0 {
		roots := make([]string, 0, len(rec.Codes))
		for _, c := range rec.Codes {
			if len(c) >= 2 {
				roots = append(roots, c[:2])
			}
		}
		if !anyIn(roots, f.Roots) {
			return false, nil
		}
	}
	if len(f.Sources) == 0 {
		return true, nil
	}
	for _, src := range f.Sources {
		if ok, err := r.HasPosting(graph.KindSource, src, cmp.Or(rec.Date, graph.Undated), rec.ID); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// inDates reports whether date is within [from, to], each a date or the
// prefix of one.
func inDates(date, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if date == graph.Undated || date == "" {
		return false
	}
	if from != "" && date < from {
		return false
	}
	if to != "" && len(date) >= len(to) && date[:len(to)] > to {
		return false
	}
	return true
}

func commonPrefix(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// labeler turns records into Events, looking each actor up once.
type labeler struct {
	r     *graph.IndexReader
	cache map[string]string
}

func (l *labeler) party(t string) (Party, error) {
	label, ok := l.cache[t]
	if !ok {
		var err error
		if label, err = l.r.Label(t); err != nil {
			return Party{}, err
		}
		if label == "" {
			label = LocalName(graph.IRIOf(t))
		}
		l.cache[t] = label
	}
	return Party{IRI: graph.IRIOf(t), Label: label}, nil
}

func (l *labeler) event(rec *graph.EventRecord) (Event, error) {
	e := Event{IRI: graph.IRIOf(rec.ID), Date: rec.Date, Sources: rec.Sources, Evidence: rec.Evidence}
	var err error
	if len(rec.Actors) > 0 {
		if e.Actor, err = l.party(rec.Actors[0]); err != nil {
			return e, err
		}
	}
	if len(rec.Targets) > 0 {
		p, err := l.party(rec.Targets[0])
		if err != nil {
			return e, err
		}
		e.Target = &p
	}
	for _, more := range [][]string{rec.Actors[min(1, len(rec.Actors)):], rec.Targets[min(1, len(rec.Targets)):]} {
		for _, t := range more {
			p, err := l.party(t)
			if err != nil {
				return e, err
			}
			e.Others = append(e.Others, p)
		}
	}
	e.Codes = make([]Code, len(rec.Codes))
	for i, c := range rec.Codes {
		e.Codes[i] = Code{Code: c, Label: ontology.CameoLabels[c]}
	}
	return e, nil
}

// LocalName is the last segment of an IRI (after the last / or #).
func LocalName(iri string) string {
	if i := strings.LastIndexAny(iri, "/#"); i >= 0 && i < len(iri)-1 {
		return iri[i+1:]
	}
	return iri
}
