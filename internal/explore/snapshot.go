package explore

// TEMPORARY: a Source that reads the whole store once into memory, so the
// page, its endpoints and its browser test can be built before the query
// layer of issue #12 (kg actors, kg events, the event index) is on main.
// It is to be replaced by a Source over that layer, not extended.

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"kg/internal/graph"
)

// Snapshot is a Source holding the store's events in memory.
type Snapshot struct {
	actors   map[string]*Actor // by id
	events   []*snapEvent      // date order, undated last
	byID     map[string]*snapEvent
	byActor  map[string][]*snapEvent // actor or target id → its events, date order
	reports  map[string]*snapReport
	articles map[string]*Article
	folded   map[string][]string // actor id → its label and aliases, folded for search
	summary  Summary
}

type snapEvent struct {
	EventRow
	actor, target string // IRIs, resolved to EventRow's refs once all actors are read
	reports       []string
}

type snapReport struct {
	Report
	article  string
	selector string
}

// LoadSnapshot reads every quad of the store once.
func LoadSnapshot(ctx context.Context, st *graph.Store) (*Snapshot, error) {
	s := &Snapshot{actors: map[string]*Actor{}, byID: map[string]*snapEvent{}, byActor: map[string][]*snapEvent{},
		reports: map[string]*snapReport{}, articles: map[string]*Article{}}
	type node struct {
		types, labels, alts   []string
		country, wikidata     string
		actor, target, date   string
		actions, sources, rep []string
		evidence, rule        string
		confidence, selector  string
		reportedBy            string
		start, end            string
		title, pub, issued    string
		identifier, sourceCnt string
	}
	nodes := map[string]*node{}
	get := func(k string) *node {
		n := nodes[k]
		if n == nil {
			n = &node{}
			nodes[k] = n
		}
		return n
	}
	err := st.Each(ctx, func(q quad.Quad) error {
		subj, ok := q.Subject.(quad.IRI)
		if !ok {
			return nil
		}
		n := get(string(subj))
		o := lexical(q.Object)
		switch string(q.Predicate.(quad.IRI)) {
		case graph.RDFType:
			if !slices.Contains(n.types, o) { // stated once per article's graph
				n.types = append(n.types, o)
			}
		case graph.RDFSLabel:
			n.labels = append(n.labels, o)
		case graph.SKOSAltLabel:
			n.alts = append(n.alts, o)
		case graph.PropCountryCode:
			n.country = o
		case graph.OWLSameAs:
			if strings.HasPrefix(o, graph.NSWD) {
				n.wikidata = strings.TrimPrefix(o, graph.NSWD)
			}
		case graph.PropActor:
			n.actor = o
		case graph.PropTarget:
			n.target = o
		case graph.PropDate:
			n.date = o
		case graph.PropAction:
			n.actions = append(n.actions, strings.TrimPrefix(o, graph.NSCameo))
		case graph.PropSource:
			n.sources = append(n.sources, o)
		case graph.PropReport:
			n.rep = append(n.rep, o)
		case graph.PropEvidence:
			if n.evidence == "" || o < n.evidence {
				n.evidence = o
			}
		case graph.PropRule:
			n.rule = o
		case graph.PropConfidence:
			n.confidence = o
		case graph.PropSelector:
			n.selector = o
		case graph.PropReportedBy:
			n.reportedBy = o
		case graph.OAStart:
			n.start = o
		case graph.OAEnd:
			n.end = o
		case graph.DCTTitle:
			n.title = o
		case graph.DCTPublisher:
			n.pub = o
		case graph.DCTIssued:
			n.issued = o
		case graph.DCTIdentifier:
			n.identifier = o
		case graph.PropSourceCount:
			n.sourceCnt = o
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	label := func(iri string) string {
		if n := nodes[iri]; n != nil && len(n.labels) > 0 {
			return n.labels[0]
		}
		return strings.ReplaceAll(localName(iri, graph.NSActor), "_", " ")
	}
	actorType := func(n *node) string {
		for _, t := range n.types {
			if l := strings.TrimPrefix(t, graph.NS); l != t {
				return l
			}
		}
		return ""
	}
	addActor := func(iri string) {
		id := localName(iri, graph.NSActor)
		if id == "" || s.actors[id] != nil {
			return
		}
		n := get(iri)
		a := &Actor{ActorRef: ActorRef{ID: id, Label: label(iri), Type: actorType(n)}, IRI: iri,
			Aliases: append([]string{}, n.alts...), Country: n.country, Wikidata: n.wikidata}
		sort.Strings(a.Aliases)
		s.actors[id] = a
	}
	for iri, n := range nodes {
		for _, t := range n.types {
			switch t {
			case graph.ClassEvent:
				e := &snapEvent{EventRow: EventRow{ID: localName(iri, graph.NSEvent), Date: n.date,
					Evidence: n.evidence}, actor: n.actor, target: n.target, reports: n.rep}
				e.Sources, _ = strconv.Atoi(n.sourceCnt)
				if e.Sources == 0 {
					e.Sources = len(n.sources)
				}
				e.Code = mostSpecific(n.actions)
				addActor(n.actor)
				if n.target != "" {
					addActor(n.target)
				}
				s.byID[e.ID] = e
				s.events = append(s.events, e)
			case graph.ClassReport:
				r := &snapReport{Report: Report{ID: localName(iri, graph.NSReport), IRI: iri, Rule: n.rule,
					Evidence: n.evidence, Start: -1, End: -1}, selector: n.selector}
				r.Confidence, _ = strconv.ParseFloat(n.confidence, 64)
				r.Action = ActionOf(mostSpecific(n.actions))
				if len(n.sources) > 0 {
					r.article = n.sources[0]
				}
				if n.reportedBy != "" {
					r.ReportedBy = &ActorRef{ID: localName(n.reportedBy, graph.NSActor), Label: label(n.reportedBy)}
				}
				s.reports[iri] = r
			case graph.ClassArticle:
				a := &Article{ID: n.identifier, Title: n.title, Issued: n.issued}
				if n.pub != "" {
					a.Publisher = label(n.pub)
				}
				s.articles[iri] = a
			}
		}
	}
	for _, r := range s.reports {
		if sel := nodes[r.selector]; sel != nil {
			if v, err := strconv.Atoi(sel.start); err == nil {
				r.Start = v
			}
			if v, err := strconv.Atoi(sel.end); err == nil {
				r.End = v
			}
		}
		if a := s.articles[r.article]; a != nil {
			r.Article = *a
		}
	}
	sort.Slice(s.events, func(i, j int) bool { return eventLess(&s.events[i].EventRow, &s.events[j].EventRow) })
	for _, e := range s.events {
		e.Actor = s.ref(localName(e.actor, graph.NSActor))
		s.byActor[e.Actor.ID] = append(s.byActor[e.Actor.ID], e)
		if e.target != "" {
			t := s.ref(localName(e.target, graph.NSActor))
			e.Target = &t
			if t.ID != e.Actor.ID {
				s.byActor[t.ID] = append(s.byActor[t.ID], e)
			}
		}
		if e.Date == "" {
			s.summary.Undated++
		} else {
			if s.summary.First == "" || e.Date < s.summary.First {
				s.summary.First = e.Date
			}
			if e.Date > s.summary.Last {
				s.summary.Last = e.Date
			}
		}
	}
	s.folded = map[string][]string{}
	for id, evs := range s.byActor {
		a := s.actors[id]
		a.Events = len(evs)
		for _, name := range append([]string{a.Label}, a.Aliases...) {
			s.folded[id] = append(s.folded[id], fold(name))
		}
	}
	s.summary.Events, s.summary.Actors, s.summary.Articles = len(s.events), len(s.byActor), len(s.articles)
	return s, nil
}

// eventLess orders events by date, undated last, then by id.
func eventLess(a, b *EventRow) bool {
	if (a.Date == "") != (b.Date == "") {
		return b.Date == ""
	}
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.ID < b.ID
}

// mostSpecific picks one code of an event that several reports coded
// differently (040 and 041): the longest, then the smallest.
func mostSpecific(codes []string) string {
	best := ""
	for _, c := range codes {
		if len(c) > len(best) || len(c) == len(best) && c < best {
			best = c
		}
	}
	return best
}

func localName(iri, ns string) string { return strings.TrimPrefix(iri, ns) }

// lexical is an IRI without brackets, a literal's lexical form.
func lexical(v quad.Value) string {
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

// Summary implements Source.
func (s *Snapshot) Summary(context.Context) (*Summary, error) { sum := s.summary; return &sum, nil }

// Actor implements Source.
func (s *Snapshot) Actor(_ context.Context, id string) (*Actor, error) {
	a := s.actors[id]
	if a == nil {
		return nil, ErrNotFound
	}
	c := *a
	return &c, nil
}

// SearchActors implements Source: exact name, then prefix of the name or of
// a word in it, then anywhere; more events first within each.
func (s *Snapshot) SearchActors(_ context.Context, q string, limit int) ([]ActorHit, error) {
	nq := fold(q)
	type hit struct {
		ActorHit
		rank int
	}
	var hits []hit
	for _, a := range s.actors {
		if a.Events == 0 {
			continue
		}
		best := hit{rank: 99}
		for i, name := range s.folded[a.ID] {
			if r := matchRank(name, nq); r < best.rank {
				matched := a.Label
				if i > 0 {
					matched = a.Aliases[i-1]
				}
				best = hit{ActorHit{*a, matched}, r}
			}
		}
		if best.rank < 99 {
			hits = append(hits, best)
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		return a.ID < b.ID
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]ActorHit, len(hits))
	for i, h := range hits {
		out[i] = h.ActorHit
	}
	return out, nil
}

// matchRank: 0 equal, 1 prefix, 2 a word's prefix, 3 anywhere, 99 no match.
func matchRank(name, q string) int {
	switch {
	case q == "":
		return 0
	case name == q:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	case strings.Contains(" "+name, " "+q):
		return 2
	case strings.Contains(name, q):
		return 3
	}
	return 99
}

// fold lower-cases s and removes accents and punctuation variants, so that
// "sao paulo" finds "São Paulo".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		r = s
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(r, "_", " ")), " "))
}

// Events implements Source.
func (s *Snapshot) Events(_ context.Context, f Filter) ([]EventRow, error) {
	pool := s.events
	if f.Actor != "" {
		pool = s.byActor[f.Actor]
	}
	roots := map[string]bool{}
	for _, r := range f.Roots {
		roots[r] = true
	}
	var out []EventRow
	for _, e := range pool {
		if f.With != "" && (e.Target == nil || !(e.Actor.ID == f.With && e.Target.ID == f.Actor || e.Target.ID == f.With && e.Actor.ID == f.Actor)) {
			continue
		}
		if (f.From != "" || f.To != "") && e.Date == "" {
			continue
		}
		if f.From != "" && e.Date < f.From || f.To != "" && e.Date > f.To {
			continue
		}
		if len(roots) > 0 && (len(e.Code) < 2 || !roots[e.Code[:2]]) {
			continue
		}
		out = append(out, e.EventRow)
	}
	return out, nil
}

// Event implements Source.
func (s *Snapshot) Event(_ context.Context, id string) (*EventDetail, error) {
	e := s.byID[id]
	if e == nil {
		return nil, ErrNotFound
	}
	d := &EventDetail{ID: e.ID, IRI: graph.NSEvent + e.ID, Date: e.Date, Actor: e.Actor, Target: e.Target,
		Action: ActionOf(e.Code), Sources: e.Sources}
	for _, iri := range e.reports {
		if r := s.reports[iri]; r != nil {
			d.Reports = append(d.Reports, r.Report)
		}
	}
	sort.Slice(d.Reports, func(i, j int) bool {
		a, b := d.Reports[i], d.Reports[j]
		if a.Article.Issued != b.Article.Issued {
			return a.Article.Issued < b.Article.Issued
		}
		return a.ID < b.ID
	})
	return d, nil
}

func (s *Snapshot) ref(id string) ActorRef {
	if a := s.actors[id]; a != nil {
		return a.ActorRef
	}
	return ActorRef{ID: id, Label: strings.ReplaceAll(id, "_", " ")}
}
