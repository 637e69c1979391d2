// Package explore is kg serve's explorer: a page at / for analysts (search
// an actor, see its network and timeline, read the evidence) and the JSON
// API under /api/kg/ that the page is built on, so that anyone can build
// another front end on the same endpoints.
//
// Every endpoint answers GET with JSON, computed on the server from the
// query layer's events: the page never receives quads. Errors are JSON too,
// {"error": "…"}, with 400 for a malformed parameter, 404 for an unknown
// actor or event, 405 for another method.
//
//	GET /api/kg/                         the store: events, actors, articles, first and last date
//	GET /api/kg/cameo                    the twenty CAMEO roots: label, quad class, Goldstein score
//	GET /api/kg/actors?q=trump&limit=10  actors whose label or alias matches (case- and accent-
//	                                     insensitive), best first; no q: the most active actors
//	GET /api/kg/actors/{id}              one actor: label, aliases, type, country, Wikidata id, events
//	GET /api/kg/actors/{id}/network      its ego network: counterparts and one edge per direction,
//	                                     weighted by events, with their quad classes and mean
//	                                     Goldstein score (limit: counterparts kept, default 30)
//	GET /api/kg/actors/{id}/timeline     its events per day, week, month or year, one series per
//	                                     CAMEO root (bucket=auto|day|week|month|year)
//	GET /api/kg/events                   events, a page at a time (limit, offset, sort=date|-date)
//	GET /api/kg/events/{id}              one event and its reports: rule, confidence, the evidence
//	                                     sentence with the parties marked, its offsets in the
//	                                     article, the article's title, publisher and date
//
// Filters, on network, timeline and events: from=YYYY-MM-DD and to=YYYY-MM-DD
// (inclusive; a date bound leaves out undated events), root=04,05 (CAMEO
// roots), with=ID (only events between the actor and this other actor: a
// dyad). /api/kg/events also takes actor=ID. Actor ids are the local names
// of actor IRIs (actor:Donald_Trump → Donald_Trump), event ids those of
// event IRIs. An unknown parameter is an error rather than ignored, so that
// a typo does not silently widen a view.
package explore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limits of the API; a request over them is answered 400.
const (
	MaxActors       = 100  // actors per search
	MaxCounterparts = 500  // network nodes besides the ego
	MaxEvents       = 1000 // events per page
	MaxOffset       = 1 << 24
	maxQueryLen     = 200 // characters of an actor search
)

// Handler serves the page and the JSON API from src. It only reads.
func Handler(src Source) http.Handler {
	h := &handler{src: src}
	mux := http.NewServeMux()
	mux.Handle("/api/kg/", h.api(h.index))
	mux.Handle("/api/kg/cameo", h.api(h.cameo))
	mux.Handle("/api/kg/actors", h.api(h.actors))
	mux.Handle("/api/kg/actors/{id}", h.api(h.actor))
	mux.Handle("/api/kg/actors/{id}/network", h.api(h.network))
	mux.Handle("/api/kg/actors/{id}/timeline", h.api(h.timeline))
	mux.Handle("/api/kg/events", h.api(h.events))
	mux.Handle("/api/kg/events/{id}", h.api(h.event))
	mux.Handle("/", pageHandler())
	return mux
}

type handler struct{ src Source }

// apiError is an answer other than 200, with the message the client sees.
type apiError struct {
	code int
	msg  string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(msg string) error { return &apiError{http.StatusBadRequest, msg} }

// api wraps an endpoint: GET (and HEAD) only, parameters parsed, the answer
// or the error written as JSON.
func (h *handler) api(fn func(ctx context.Context, r *request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, &apiError{http.StatusMethodNotAllowed, r.Method + " " + r.URL.Path + ": the explorer API only reads (GET)"})
			return
		}
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			writeError(w, badRequest("malformed query string: "+err.Error()))
			return
		}
		req := &request{Request: r, query: q, used: map[string]bool{}}
		v, err := fn(r.Context(), req)
		if err == nil {
			err = req.unused()
		}
		if err != nil {
			writeError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.Encode(v)
	})
}

func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, ErrNotFound):
		ae = &apiError{http.StatusNotFound, err.Error()}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		ae = &apiError{http.StatusServiceUnavailable, "the request took too long and was stopped"}
	default:
		ae = &apiError{http.StatusInternalServerError, err.Error()}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(ae.code)
	json.NewEncoder(w).Encode(map[string]string{"error": ae.msg})
}

// request gives an endpoint its parameters and remembers which it read, so
// that the ones it did not know can be refused.
type request struct {
	*http.Request
	query url.Values
	used  map[string]bool
}

func (r *request) get(name string) (string, error) {
	r.used[name] = true
	vs := r.query[name]
	if len(vs) > 1 {
		return "", badRequest(fmt.Sprintf("parameter %q given %d times", name, len(vs)))
	}
	if len(vs) == 0 {
		return "", nil
	}
	return strings.TrimSpace(vs[0]), nil
}

func (r *request) unused() error {
	var extra []string
	for k := range r.query {
		if !r.used[k] {
			extra = append(extra, k)
		}
	}
	if len(extra) == 0 {
		return nil
	}
	sort.Strings(extra)
	var known []string
	for k := range r.used {
		known = append(known, k)
	}
	sort.Strings(known)
	if len(known) == 0 {
		return badRequest(fmt.Sprintf("unknown parameter %s: %s takes none", strings.Join(extra, ", "), r.URL.Path))
	}
	return badRequest(fmt.Sprintf("unknown parameter %s (%s takes %s)", strings.Join(extra, ", "), r.URL.Path, strings.Join(known, ", ")))
}

// intParam reads a whole number in [min, max], def when absent.
func (r *request) intParam(name string, def, min, max int) (int, error) {
	s, err := r.get(name)
	if err != nil || s == "" {
		return def, err
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badRequest(fmt.Sprintf("%s=%.40q: want a whole number from %d to %d", name, s, min, max))
	}
	if n < min || n > max {
		return 0, badRequest(fmt.Sprintf("%s=%d: must be from %d to %d", name, n, min, max))
	}
	return n, nil
}

// filter reads from, to, root and with.
func (r *request) filter() (Filter, error) {
	var f Filter
	var err error
	if f.From, err = r.date("from"); err != nil {
		return f, err
	}
	if f.To, err = r.date("to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, badRequest(fmt.Sprintf("from=%s is after to=%s", f.From, f.To))
	}
	roots, err := r.get("root")
	if err != nil {
		return f, err
	}
	seen := map[string]bool{}
	for _, c := range strings.Split(roots, ",") {
		c = strings.TrimSpace(c)
		if c == "" || seen[c] {
			continue
		}
		if !isRoot(c) {
			return f, badRequest(fmt.Sprintf("root=%.40q: want CAMEO roots 01 to 20, comma-separated (e.g. root=04,05)", c))
		}
		seen[c] = true
		f.Roots = append(f.Roots, c)
	}
	sort.Strings(f.Roots)
	if f.With, err = r.get("with"); err != nil {
		return f, err
	}
	return f, nil
}

// boolParam reads true/false (also 1/0); absent is false.
func (r *request) boolParam(name string) (bool, error) {
	s, err := r.get(name)
	if err != nil || s == "" {
		return false, err
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, badRequest(fmt.Sprintf("%s=%.20q: want true or false", name, s))
	}
	return b, nil
}

// date reads a YYYY-MM-DD parameter.
func (r *request) date(name string) (string, error) {
	s, err := r.get(name)
	if err != nil || s == "" {
		return "", err
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil || len(s) != 10 {
		return "", badRequest(fmt.Sprintf("%s=%.40q: want a date YYYY-MM-DD, e.g. 2017-05-02", name, s))
	}
	return s, nil
}

// actorParam reads an actor id that must exist.
func (h *handler) actorParam(ctx context.Context, what, id string) (*Actor, error) {
	if id == "" {
		return nil, badRequest(what + ": an actor id is required")
	}
	a, err := h.src.Actor(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil, &apiError{http.StatusNotFound, fmt.Sprintf("no actor %.80q (find ids with /api/kg/actors?q=NAME)", id)}
	}
	return a, err
}

func (h *handler) index(ctx context.Context, r *request) (any, error) {
	if r.URL.Path != "/api/kg/" {
		return nil, &apiError{http.StatusNotFound, fmt.Sprintf("no such endpoint %.100s (see /api/kg/ and kg serve --help)", r.URL.Path)}
	}
	return h.src.Summary(ctx)
}

func (h *handler) cameo(ctx context.Context, r *request) (any, error) {
	return map[string]any{"roots": Roots(), "quad_classes": quadClasses()}, nil
}

func quadClasses() []map[string]any {
	var out []map[string]any
	for q := 1; q <= 4; q++ {
		out = append(out, map[string]any{"quad_class": q, "label": quadLabel(q)})
	}
	return out
}

func (h *handler) actors(ctx context.Context, r *request) (any, error) {
	q, err := r.get("q")
	if err != nil {
		return nil, err
	}
	if len([]rune(q)) > maxQueryLen {
		return nil, badRequest(fmt.Sprintf("q is %d characters long; at most %d", len([]rune(q)), maxQueryLen))
	}
	limit, err := r.intParam("limit", 10, 1, MaxActors)
	if err != nil {
		return nil, err
	}
	hits, err := h.src.SearchActors(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	if hits == nil {
		hits = []ActorHit{}
	}
	return map[string]any{"q": q, "actors": hits}, nil
}

func (h *handler) actor(ctx context.Context, r *request) (any, error) {
	return h.actorParam(ctx, "actor", r.PathValue("id"))
}

// actorEvents reads the filter of an actor's view and returns its events.
func (h *handler) actorEvents(ctx context.Context, r *request) (*Actor, Filter, []EventRow, error) {
	a, err := h.actorParam(ctx, "actor", r.PathValue("id"))
	if err != nil {
		return nil, Filter{}, nil, err
	}
	f, err := r.filter()
	if err != nil {
		return nil, f, nil, err
	}
	if f.With != "" {
		if _, err := h.actorParam(ctx, "with", f.With); err != nil {
			return nil, f, nil, err
		}
	}
	f.Actor = a.ID
	rows, _, err := h.src.Events(ctx, f, 0, 0)
	return a, f, rows, err
}

func (h *handler) network(ctx context.Context, r *request) (any, error) {
	limit, err := r.intParam("limit", 30, 1, MaxCounterparts)
	if err != nil {
		return nil, err
	}
	a, _, rows, err := h.actorEvents(ctx, r)
	if err != nil {
		return nil, err
	}
	return egoNetwork(*a, rows, limit), nil
}

func (h *handler) timeline(ctx context.Context, r *request) (any, error) {
	bucket, err := r.get("bucket")
	if err != nil {
		return nil, err
	}
	if bucket == "" {
		bucket = "auto"
	}
	if !buckets[bucket] {
		return nil, badRequest(fmt.Sprintf("bucket=%.20q: want auto, day, week, month or year", bucket))
	}
	_, _, rows, err := h.actorEvents(ctx, r)
	if err != nil {
		return nil, err
	}
	return timeline(rows, bucket)
}

// EventJSON is a row of the /api/kg/events answer.
type EventJSON struct {
	ID       string    `json:"id"`
	Date     string    `json:"date,omitempty"`
	Actor    ActorRef  `json:"actor"`
	Target   *ActorRef `json:"target"`
	Action   Action    `json:"action"`
	Sources  int       `json:"sources"`
	Evidence string    `json:"evidence"`
	Reports  []Report  `json:"reports,omitempty"` // with reports=true
}

// maxWithReports bounds a page of events that carry their reports.
const maxWithReports = 50

func (h *handler) events(ctx context.Context, r *request) (any, error) {
	f, err := r.filter()
	if err != nil {
		return nil, err
	}
	if f.Actor, err = r.get("actor"); err != nil {
		return nil, err
	}
	if f.With != "" && f.Actor == "" {
		return nil, badRequest("with= needs actor=: the events between actor and with")
	}
	for _, p := range []struct{ name, id string }{{"actor", f.Actor}, {"with", f.With}} {
		if p.id != "" {
			if _, err := h.actorParam(ctx, p.name, p.id); err != nil {
				return nil, err
			}
		}
	}
	withReports, err := r.boolParam("reports")
	if err != nil {
		return nil, err
	}
	maxLimit := MaxEvents
	if withReports {
		maxLimit = maxWithReports
	}
	limit, err := r.intParam("limit", 50, 1, maxLimit)
	if err != nil {
		return nil, err
	}
	offset, err := r.intParam("offset", 0, 0, MaxOffset)
	if err != nil {
		return nil, err
	}
	order, err := r.get("sort")
	if err != nil {
		return nil, err
	}
	if order != "" && order != "date" && order != "-date" {
		return nil, badRequest(fmt.Sprintf("sort=%.20q: want date (oldest first) or -date (newest first)", order))
	}
	// Oldest first is the source's own order, and it pages; newest first
	// is read whole and turned around here.
	var rows []EventRow
	var total int
	if order == "-date" {
		rows, total, err = h.src.Events(ctx, f, 0, 0)
	} else {
		rows, total, err = h.src.Events(ctx, f, limit, offset)
	}
	if err != nil {
		return nil, err
	}
	page := make([]EventJSON, 0, min(limit, len(rows)))
	for i := range rows {
		row := &rows[i]
		if order == "-date" {
			if i < offset {
				continue
			}
			if len(page) == limit {
				break
			}
			row = &rows[newestFirst(rows, i)]
		}
		page = append(page, EventJSON{ID: row.ID, Date: row.Date, Actor: row.Actor, Target: row.Target,
			Action: ActionOf(row.Code), Sources: row.Sources, Evidence: row.Evidence})
	}
	if withReports {
		if err := h.addReports(ctx, page); err != nil {
			return nil, err
		}
	}
	return map[string]any{"total": total, "offset": offset, "limit": limit, "events": page}, nil
}

// addReports fills in each event's reports, on as many cores as there
// are: each event's reports are a few store lookups apiece.
func (h *handler) addReports(ctx context.Context, page []EventJSON) error {
	names := &nameCache{names: map[string][]string{}}
	errs := make([]error, len(page))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4, len(page)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d, err := h.detail(ctx, page[i].ID, names)
				if err == nil {
					page[i].Reports = d.Reports
				}
				errs[i] = err
			}
		}()
	}
	for i := range page {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// nameCache keeps the parties' names (label and aliases) by actor id,
// looked up once for a page of events.
type nameCache struct {
	mu    sync.Mutex
	names map[string][]string
}

// newestFirst maps position i of a newest-first listing onto rows, which
// are oldest first with undated events last: dated events reversed, then
// the undated ones.
func newestFirst(rows []EventRow, i int) int {
	dated := sort.Search(len(rows), func(j int) bool { return rows[j].Date == "" })
	if i < dated {
		return dated - 1 - i
	}
	return i
}

func (h *handler) event(ctx context.Context, r *request) (any, error) {
	id := r.PathValue("id")
	e, err := h.detail(ctx, id, &nameCache{names: map[string][]string{}})
	if errors.Is(err, ErrNotFound) {
		return nil, &apiError{http.StatusNotFound, fmt.Sprintf("no event %.80q", id)}
	}
	return e, err
}

// detail is an event with its reports, the parties marked in the evidence.
// names caches each party's label and aliases by id.
func (h *handler) detail(ctx context.Context, id string, names *nameCache) (*EventDetail, error) {
	e, err := h.src.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	nameOf := func(ref *ActorRef) []string {
		names.mu.Lock()
		n, ok := names.names[ref.ID]
		names.mu.Unlock()
		if ok {
			return n
		}
		n = []string{ref.Label}
		if a, err := h.src.Actor(ctx, ref.ID); err == nil {
			n = append(n, a.Aliases...)
		}
		names.mu.Lock()
		names.names[ref.ID] = n
		names.mu.Unlock()
		return n
	}
	parties := map[string][]string{"actor": nameOf(&e.Actor)}
	if e.Target != nil {
		parties["target"] = nameOf(e.Target)
	}
	for i := range e.Reports {
		e.Reports[i].Segments = markParties(e.Reports[i].Evidence, parties)
	}
	return e, nil
}
