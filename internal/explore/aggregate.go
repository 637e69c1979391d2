package explore

import (
	"fmt"
	"sort"
	"time"
)

// Network is an actor's ego network: the actor, the actors it dealt with,
// and one directed edge per (who acted, on whom) pair.
type Network struct {
	Actor    Actor  `json:"actor"`
	Nodes    []Node `json:"nodes"`
	Edges    []Edge `json:"edges"`
	Events   int    `json:"events"`    // events matched by the filter
	NoTarget int    `json:"no_target"` // of which had no target (not drawn)
	Omitted  int    `json:"omitted"`   // counterparts left out by limit
}

// Node is an actor in a network; Events counts its events with the ego
// (for the ego itself: all its drawn events).
type Node struct {
	ActorRef
	Ego    bool `json:"ego,omitempty"`
	Events int  `json:"events"`
}

// Edge is what Source did to Target: the number of events, how many fall in
// each quad class (index 0 = class 1, verbal cooperation … 3 = material
// conflict) and their mean Goldstein score.
type Edge struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Events    int      `json:"events"`
	QuadClass [4]int   `json:"quad_classes"`
	Goldstein *float64 `json:"goldstein"` // nil when no event has a score
	gsum      float64
	gn        int
}

// egoNetwork aggregates an actor's events into its network, keeping the
// limit counterparts with the most events (ties: by id).
func egoNetwork(ego Actor, rows []EventRow, limit int) *Network {
	n := &Network{Actor: ego, Events: len(rows)}
	alters := map[string]*Node{}
	edges := map[[2]string]*Edge{}
	for i := range rows {
		r := &rows[i]
		if r.Target == nil || r.Target.ID == r.Actor.ID {
			n.NoTarget++
			continue
		}
		other := *r.Target
		if other.ID == ego.ID {
			other = r.Actor
		}
		a := alters[other.ID]
		if a == nil {
			a = &Node{ActorRef: other}
			alters[other.ID] = a
		}
		a.Events++
		k := [2]string{r.Actor.ID, r.Target.ID}
		e := edges[k]
		if e == nil {
			e = &Edge{Source: k[0], Target: k[1]}
			edges[k] = e
		}
		e.Events++
		act := ActionOf(r.Code)
		if act.QuadClass >= 1 && act.QuadClass <= 4 {
			e.QuadClass[act.QuadClass-1]++
		}
		if act.Goldstein != nil {
			e.gsum += *act.Goldstein
			e.gn++
		}
	}
	nodes := make([]*Node, 0, len(alters))
	for _, a := range alters {
		nodes = append(nodes, a)
	}
	sort.Slice(nodes, func(i, j int) bool {
		if nodes[i].Events != nodes[j].Events {
			return nodes[i].Events > nodes[j].Events
		}
		return nodes[i].ID < nodes[j].ID
	})
	if len(nodes) > limit {
		n.Omitted = len(nodes) - limit
		nodes = nodes[:limit]
	}
	kept := map[string]bool{ego.ID: true}
	n.Nodes = append(n.Nodes, Node{ActorRef: ego.ActorRef, Ego: true})
	for _, a := range nodes {
		kept[a.ID] = true
		n.Nodes[0].Events += a.Events
		n.Nodes = append(n.Nodes, *a)
	}
	for _, e := range edges {
		if !kept[e.Source] || !kept[e.Target] {
			continue
		}
		if e.gn > 0 {
			g := round2(e.gsum / float64(e.gn))
			e.Goldstein = &g
		}
		n.Edges = append(n.Edges, *e)
	}
	sort.Slice(n.Edges, func(i, j int) bool {
		a, b := n.Edges[i], n.Edges[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	return n
}

func round2(f float64) float64 {
	if f < 0 {
		return -round2(-f)
	}
	return float64(int64(f*100+0.5)) / 100
}

// Timeline counts events per period, one series per CAMEO root.
type Timeline struct {
	Bucket  string   `json:"bucket"`  // day, week (periods start on Monday), month or year
	Periods []string `json:"periods"` // every period from the first event to the last, empty ones too
	Series  []Series `json:"series"`  // one per root present, in code order
	Events  int      `json:"events"`
	Undated int      `json:"undated"` // events without a date (not in the series)
}

// Series is one CAMEO root's count per period.
type Series struct {
	Root
	Counts []int `json:"counts"`
	Total  int   `json:"total"`
}

// maxPeriods bounds a timeline's length; a finer bucket over a longer span
// is a bad request.
const maxPeriods = 2000

var buckets = map[string]bool{"auto": true, "day": true, "week": true, "month": true, "year": true}

// autoBucket picks the finest bucket that keeps the span to about fifty
// periods (at most 96): bars an analyst can still tell apart.
func autoBucket(first, last time.Time) string {
	days := last.Sub(first).Hours() / 24
	switch {
	case days <= 45:
		return "day"
	case days <= 366:
		return "week"
	case days <= 366*8:
		return "month"
	}
	return "year"
}

// periodStart truncates a date to the start of its period.
func periodStart(t time.Time, bucket string) time.Time {
	switch bucket {
	case "week":
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "year":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func periodNext(t time.Time, bucket string) time.Time {
	switch bucket {
	case "week":
		return t.AddDate(0, 0, 7)
	case "month":
		return t.AddDate(0, 1, 0)
	case "year":
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

func periodLabel(t time.Time, bucket string) string {
	switch bucket {
	case "month":
		return t.Format("2006-01")
	case "year":
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// timeline aggregates rows (in date order) into periods of bucket.
func timeline(rows []EventRow, bucket string) (*Timeline, error) {
	tl := &Timeline{Bucket: bucket, Events: len(rows), Periods: []string{}, Series: []Series{}}
	var first, last time.Time
	dated := rows[:0:0]
	for _, r := range rows {
		if r.Date == "" {
			tl.Undated++
			continue
		}
		t, err := time.Parse(time.DateOnly, r.Date)
		if err != nil {
			tl.Undated++ // the store holds a date kg did not write; count it, do not fail the view
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		dated = append(dated, r)
	}
	if bucket == "auto" {
		bucket = "month"
		if len(dated) > 0 {
			bucket = autoBucket(first, last)
		}
		tl.Bucket = bucket
	}
	if len(dated) == 0 {
		return tl, nil
	}
	index := map[string]int{}
	for p := periodStart(first, bucket); !p.After(last); p = periodNext(p, bucket) {
		if len(tl.Periods) == maxPeriods {
			return nil, badRequest(fmt.Sprintf("the events span more than %d %ss (%s to %s): use a larger bucket or a shorter date range",
				maxPeriods, bucket, first.Format(time.DateOnly), last.Format(time.DateOnly)))
		}
		index[periodLabel(p, bucket)] = len(tl.Periods)
		tl.Periods = append(tl.Periods, periodLabel(p, bucket))
	}
	byRoot := map[string]*Series{}
	for _, r := range dated {
		t, _ := time.Parse(time.DateOnly, r.Date)
		root := "??"
		if len(r.Code) >= 2 {
			root = r.Code[:2]
		}
		s := byRoot[root]
		if s == nil {
			a := ActionOf(root)
			s = &Series{Root: Root{Code: root, Label: a.Label, QuadClass: a.QuadClass, Goldstein: a.Goldstein},
				Counts: make([]int, len(tl.Periods))}
			s.QuadLabel = quadLabel(a.QuadClass)
			byRoot[root] = s
		}
		s.Counts[index[periodLabel(periodStart(t, bucket), bucket)]]++
		s.Total++
	}
	for _, s := range byRoot {
		tl.Series = append(tl.Series, *s)
	}
	sort.Slice(tl.Series, func(i, j int) bool { return tl.Series[i].Code < tl.Series[j].Code })
	return tl, nil
}
