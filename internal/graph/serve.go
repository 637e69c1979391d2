package graph

// HTTP API: Cayley's API v2 (POST /api/v2/query?lang=gizmo, /api/v2/read,
// /api/v2/write, ...) on a kg store, with the limits a server needs that
// Cayley leaves to its caller.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/quad/nquads" // the format of /api/v2/read and /api/v2/write
	"github.com/julienschmidt/httprouter"
)

// ServeOptions configure HTTPHandler.
type ServeOptions struct {
	Writable bool          // allow /api/v2/write, /api/v2/delete, /api/v2/node/delete
	Timeout  time.Duration // longest a query may run (0: no limit)
	MaxBody  int64         // largest request body in bytes (0: 1 MiB)
	Limit    int           // most results per query (0: Cayley's default, 100)
	// Explorer, when set, answers GET / and every path under /ui/ and
	// /api/kg/ (kg's explorer page and its JSON API, internal/explore),
	// behind the same limits as the rest of the API.
	Explorer http.Handler
	// Log, when set, gets one line per request.
	Log func(format string, args ...any)
}

// DefaultMaxBody is the request body limit when ServeOptions.MaxBody is 0;
// Cayley itself refuses queries over 1 MiB.
const DefaultMaxBody = 1 << 20

// HTTPHandler serves Cayley's HTTP API v2 on the store, with:
//
//   - read-only unless opt.Writable: write and delete requests get 403;
//   - bodies over opt.MaxBody rejected with 413 before Cayley sees them
//     (Cayley answers 400 or 500 for a body it cannot read);
//   - kg's CURIEs expanded in Gizmo queries, as kg query does, so
//     g.V("actor:Donald_Trump").In("kg:actor") works over HTTP;
//   - queries stopped after opt.Timeout with 503 and a message saying so
//     (Cayley's own timeout answers 400 "context deadline exceeded").
//     Gizmo interrupts its JavaScript VM when the query's context ends, so a
//     runaway query such as while(true){} stops using CPU too (serve_test.go
//     checks this);
//   - on the memory backend, which has no locking of its own, writes
//     serialized against reads.
func (s *Store) HTTPHandler(opt ServeOptions) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	api := cayleyhttp.NewAPIv2(s.Handle())
	if opt.Timeout > 0 {
		api.SetQueryTimeout(opt.Timeout)
	}
	if opt.Limit > 0 {
		api.SetQueryLimit(opt.Limit)
	}
	router := httprouter.New()
	// Routes first, read-only after: RegisterOn leaves the write routes out
	// when the API is already read-only (a bare 404), whereas registered
	// write handlers check the flag and answer 403 "database is read-only".
	var wrappers []cayleyhttp.HandlerWrapper
	if s.Backend == "memstore" {
		wrappers = append(wrappers, memstoreLock())
	}
	api.RegisterOn(router, wrappers...)
	api.SetReadOnly(!opt.Writable)
	if opt.Explorer != nil {
		// every method, so that the explorer itself answers 405 in JSON
		for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			for _, path := range []string{"/", "/ui/*file", "/api/kg/*path"} {
				router.Handler(m, path, opt.Explorer)
			}
		}
	} else {
		router.GET("/", func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprintf(w, "kg graph (Cayley HTTP API v2, %s store, %s)\n\n"+
				"POST /api/v2/query?lang=gizmo   body: a Gizmo query, e.g. g.V(\"actor:Donald_Trump\").In(\"kg:actor\").All()\n"+
				"GET  /api/v2/read?format=nquads  all statements\n",
				s.Backend, map[bool]string{true: "writable", false: "read-only"}[opt.Writable])
		})
	}
	router.NotFound = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %s %s (try POST /api/v2/query?lang=gizmo)", r.Method, r.URL.Path))
	})
	h := http.Handler(router)
	h = queryTimeout(opt.Timeout, h)
	h = readBody(opt.MaxBody, h)
	if opt.Log != nil {
		h = logRequests(opt.Log, h)
	}
	return h
}

// memstoreLock lets many readers or one writer use the memory store at a time.
func memstoreLock() cayleyhttp.HandlerWrapper {
	var mu sync.RWMutex
	return func(next httprouter.Handle) httprouter.Handle {
		return func(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
			switch r.URL.Path {
			case "/api/v2/write", "/api/v2/delete", "/api/v2/node/delete":
				mu.Lock()
				defer mu.Unlock()
			default:
				mu.RLock()
				defer mu.RUnlock()
			}
			next(w, r, p)
		}
	}
}

// readBody reads the whole body, up to max bytes, before the API sees it:
// that is the only way to answer 413 whatever the handler would do with a
// read error, and it lets Gizmo queries be rewritten (CURIEs).
func readBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes (kg serve --max-body)", max))
		}
		if r.ContentLength > max {
			tooLarge()
			return
		}
		gizmo := r.URL.Path == "/api/v2/query" && r.URL.Query().Get("lang") == "gizmo"
		if r.Body != nil && r.Body != http.NoBody {
			b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
			if err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					tooLarge()
				} else {
					jsonError(w, http.StatusBadRequest, "reading request body: "+err.Error())
				}
				return
			}
			if gizmo {
				b = []byte(ExpandCURIEs(string(b)))
			}
			r = r.WithContext(r.Context()) // a copy: the caller's request stays as it came
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
		}
		if gizmo && r.URL.Query().Has("qu") { // GET /api/v2/query?lang=gizmo&qu=...
			q := r.URL.Query()
			q.Set("qu", ExpandCURIEs(q.Get("qu")))
			u := *r.URL
			u.RawQuery = q.Encode()
			r = r.WithContext(r.Context())
			r.URL = &u
		}
		next.ServeHTTP(w, r)
	})
}

// queryTimeout runs /api/v2/query with a deadline and, when the deadline
// ends the query, replaces Cayley's 400 "context deadline exceeded" with 503
// and the limit that was hit. The response is buffered to be replaceable;
// query results are bounded by the result limit.
func queryTimeout(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/query" {
			next.ServeHTTP(w, r)
			return
		}
		// Cayley derives its own deadline (SetQueryTimeout, the same d)
		// from this context, later, so this one is the one that fires.
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		rec := &bufferedResponse{header: http.Header{}, code: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && rec.code != http.StatusOK {
			jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf("query stopped: it ran longer than %s (kg serve --timeout)", d))
			return
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.code)
		w.Write(rec.body.Bytes())
	})
}

type bufferedResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
	wrote  bool
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
func (b *bufferedResponse) WriteHeader(code int) {
	if !b.wrote {
		b.code, b.wrote = code, true
	}
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.code == 0 {
		s.code = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func logRequests(logf func(string, ...any), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.code == 0 {
			rec.code = http.StatusOK
		}
		uri := r.URL.RequestURI()
		if len(uri) > 120 {
			uri = uri[:119] + "…"
		}
		logf("%s %s %s %d %.1fms", r.RemoteAddr, r.Method, uri, rec.code, float64(time.Since(start).Microseconds())/1000)
	})
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// IsLoopback reports whether a listen address (host:port) only accepts
// connections from this machine: a loopback IP, or "localhost". An empty
// host (":64210") listens on every interface, so it is not.
func IsLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback(), nil
}

// Serve answers requests on ln with h until ctx ends, then shuts down
// gracefully: it stops accepting connections and waits up to grace for
// running requests before closing the rest.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second, // slow-header clients cannot hold connections
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
