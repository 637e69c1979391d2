package graph

// What one request may cost kg serve: a slot among MaxQueries, a share of
// the MaxMemory heap budget, and Timeout of time. One query used to be able
// to end the process: var s="x";while(true){s=s+s} ran out of memory in
// 2 s, and unbounded recursion in 16 s.
//
// Go cannot tell which goroutine owns which memory, so the budget is for
// all running requests together: a watchdog samples the heap while any
// request runs, and when it passes the budget, stops them all (Gizmo
// interrupts its JavaScript VM when the query's context ends). New requests
// wait until the garbage collector has brought the heap back under it.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrMemoryBudget is the cause of a request stopped because the server's
// heap passed its budget.
var ErrMemoryBudget = errors.New("the server's memory budget was exceeded")

// watchInterval is how often the heap is sampled while requests run. A
// sample costs about a microsecond (runtime/metrics does not stop the
// world); the fastest attack, doubling a string, takes longer than this
// between steps once the string is large enough to matter.
const watchInterval = 5 * time.Millisecond

// heapBytes is the memory held by heap objects, live or not yet swept.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

type limiter struct {
	opt    ServeOptions
	slots  chan struct{}
	budget uint64 // heap bytes past which requests are stopped

	mu       sync.Mutex
	running  map[*context.CancelCauseFunc]struct{}
	watching bool
}

func newLimiter(opt ServeOptions) *limiter {
	runtime.GC()
	l := &limiter{
		opt:     opt,
		slots:   make(chan struct{}, opt.MaxQueries),
		budget:  heapBytes() + uint64(opt.MaxMemory),
		running: map[*context.CancelCauseFunc]struct{}{},
	}
	// Dead objects count in the heap until collected (a stopped query's
	// strings, say). With the runtime's soft limit at the budget, the
	// collector frees them before they make the heap pass it, so what
	// the watchdog sees past the budget is live. (A forced collection
	// before stopping requests was tried: on a 300 MB store it took
	// seconds, during which a doubling string reached 2.7 GB.)
	if limit := int64(l.budget); debug.SetMemoryLimit(-1) > limit {
		debug.SetMemoryLimit(limit)
	}
	return l
}

// limited reports whether a request does work that the limits apply to:
// the API, not the plain pages.
func limited(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

func (l *limiter) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !limited(r) {
			next.ServeHTTP(w, r)
			return
		}
		wait := time.NewTimer(l.opt.QueueWait)
		defer wait.Stop()
		select {
		case l.slots <- struct{}{}:
			defer func() { <-l.slots }()
		case <-wait.C:
			w.Header().Set("Retry-After", "1")
			jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf(
				"server busy: %d requests are running and none finished within %s (kg serve --max-queries); try again", l.opt.MaxQueries, l.opt.QueueWait))
			return
		case <-r.Context().Done():
			return
		}
		if !l.admit(r.Context(), wait) {
			w.Header().Set("Retry-After", "1")
			jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf(
				"server busy: its memory is over budget (kg serve --max-memory %s); try again", FormatSize(l.opt.MaxMemory)))
			return
		}
		ctx, cancel := context.WithCancelCause(r.Context())
		defer cancel(nil)
		l.start(&cancel)
		defer l.end(&cancel)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// admit waits, until wait fires, for the heap to be back under budget:
// after requests were stopped, their garbage has to be collected before
// the next one may start, or the watchdog would stop it too.
func (l *limiter) admit(ctx context.Context, wait *time.Timer) bool {
	for heapBytes() > l.budget {
		runtime.GC()
		if heapBytes() <= l.budget {
			break
		}
		select {
		case <-wait.C:
			return false
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return true
}

func (l *limiter) start(c *context.CancelCauseFunc) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.running[c] = struct{}{}
	if !l.watching {
		l.watching = true
		go l.watch()
	}
}

func (l *limiter) end(c *context.CancelCauseFunc) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.running, c)
}

// watch samples the heap while requests run, and stops them all when it
// passes the budget. It ends when no request runs.
func (l *limiter) watch() {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for range t.C {
		over := heapBytes() > l.budget
		l.mu.Lock()
		if len(l.running) == 0 {
			l.watching = false
			l.mu.Unlock()
			return
		}
		if over {
			for c := range l.running {
				(*c)(ErrMemoryBudget)
			}
		}
		l.mu.Unlock()
	}
}

// stoppedQueries runs Gizmo queries (/api/v2/query, /api/v2/shape) with
// opt.Timeout and, when the deadline or the memory watchdog ends one,
// answers 503 with the limit that was hit instead of Cayley's 400 "context
// deadline exceeded" / "context canceled". The response is buffered to be
// replaceable; results are bounded by the result limit.
func stoppedQueries(opt ServeOptions, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/query" && r.URL.Path != "/api/v2/shape" {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := r.Context(), context.CancelFunc(func() {})
		if opt.Timeout > 0 {
			// Cayley derives its own deadline (SetQueryTimeout, the same
			// d) from this context, later, so this one is the one that fires.
			ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		}
		defer cancel()
		rec := &bufferedResponse{header: http.Header{}, code: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		if ctx.Err() != nil && rec.code != http.StatusOK {
			switch cause := context.Cause(ctx); {
			case errors.Is(cause, ErrMemoryBudget):
				jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf(
					"query stopped: %v (kg serve --max-memory %s); a query that builds large strings or arrays, or recurses without end, cannot run here",
					cause, FormatSize(opt.MaxMemory)))
				return
			case errors.Is(cause, context.DeadlineExceeded):
				jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf("query stopped: it ran longer than %s (kg serve --timeout)", opt.Timeout))
				return
			}
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.code)
		w.Write(rec.body.Bytes())
	})
}

// arrayCallRE finds Gizmo's ToArray() and TagArray() called without a
// count, which return every result however many there are.
var arrayCallRE = regexp.MustCompile(`\.([Tt]oArray|[Tt]agArray)\(\s*\)`)

// prepareGizmo readies a query for Gizmo, for kg query and kg serve alike:
// kg's helpers defined (prelude, on the query's first line), kg's CURIEs
// expanded, and ToArray() / TagArray() without a count limited to limit
// values, as All() is (limit 0: no change).
func prepareGizmo(q string, limit int) string {
	q = ExpandCURIEs(q)
	if limit > 0 {
		q = arrayCallRE.ReplaceAllString(q, ".${1}("+strconv.Itoa(limit)+")")
	}
	return prelude + q
}

// FormatSize writes a byte count as kg's size flags read it: 1GiB, 512MiB,
// 1500 bytes.
func FormatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
