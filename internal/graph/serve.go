package graph

// HTTP API: Cayley's API v2 (POST /api/v2/query?lang=gizmo, /api/v2/read,
// /api/v2/write, ...) on a kg store, with the limits a server needs that
// Cayley leaves to its caller.

import (
	"bytes"
	"compress/gzip"
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

// ServeOptions configure HTTPHandler. Zero values mean the defaults.
type ServeOptions struct {
	Writable bool          // allow /api/v2/write, /api/v2/delete, /api/v2/node/delete
	Timeout  time.Duration // longest a query may run (0: no limit)
	MaxBody  int64         // largest request body in bytes, also after gzip decoding (0: 1 MiB)
	Limit    int           // most results per query, and per ToArray() (0: Cayley's default, 100)
	// MaxQueries is how many API requests run at once (0: DefaultMaxQueries);
	// more wait up to QueueWait, then get 503.
	MaxQueries int
	QueueWait  time.Duration // 0: DefaultQueueWait
	// MaxMemory is the heap, in bytes, that running requests may use
	// together beyond what the server held when HTTPHandler was called
	// (0: DefaultMaxMemory). Past it, every running request is stopped
	// (503) and new ones wait for the memory to be freed.
	MaxMemory int64
	// BodyTimeout is the longest a client may take to send a request body
	// (0: DefaultBodyTimeout): half-sent bodies cannot hold connections.
	BodyTimeout time.Duration
	// AllowHosts are host names (without port) accepted in the Host header
	// besides IP addresses and "localhost"; other names are refused, which
	// is what stops DNS rebinding. AllowOrigins are origins
	// ("https://app.example.org") whose web pages may call the API besides
	// the server's own.
	AllowHosts   []string
	AllowOrigins []string
	// Explorer, when set, answers GET / and every path under /ui/ and
	// /api/kg/ (kg's explorer page and its JSON API, internal/explore),
	// behind the same limits as the rest of the API.
	Explorer http.Handler
	// Log, when set, gets one line per request.
	Log func(format string, args ...any)
}

// Defaults of ServeOptions.
const (
	// DefaultMaxBody: Cayley itself refuses queries over 1 MiB.
	DefaultMaxBody     = 1 << 20
	DefaultMaxQueries  = 4
	DefaultQueueWait   = 10 * time.Second
	DefaultMaxMemory   = 1 << 30
	DefaultBodyTimeout = 30 * time.Second
)

// HTTPHandler serves Cayley's HTTP API v2 on the store. A server reachable
// by any web page the user opens, and by hostile clients, needs what
// Cayley leaves to its caller; each layer is its own middleware, from the
// outside in:
//
//   - checkOrigin: a Host header that is not this server (DNS rebinding)
//     or a request from another origin's web page gets 403;
//   - readBody: bodies over opt.MaxBody get 413, also when gzip-encoded
//     (the decoded size counts), and a body that takes longer than
//     opt.BodyTimeout to arrive gets 408;
//   - limiter: at most opt.MaxQueries API requests run at once, and when
//     the heap grows opt.MaxMemory past what it was at start, every running
//     request is stopped (a Gizmo query's JavaScript VM is interrupted);
//   - stoppedQueries: a query stopped for time or memory gets 503 with the
//     limit that stopped it, never Cayley's 400 "context canceled";
//   - the routes: Cayley's query and read handlers; kg's own write and
//     delete handlers (serve_write.go), which parse with kg's strict parser
//     and need opt.Writable, as node deletion does; the explorer.
//
// Gizmo queries get kg's CURIEs expanded, as kg query does, and ToArray()
// and TagArray() without a count return at most opt.Limit values, as All()
// does. On the memory backend, which has no locking of its own, writes are
// serialized against reads.
//
// With a memory budget, HTTPHandler also sets the process's soft memory
// limit (debug.SetMemoryLimit) to it, so that the garbage collector keeps
// dead objects from counting against the budget.
func (s *Store) HTTPHandler(opt ServeOptions) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.MaxQueries <= 0 {
		opt.MaxQueries = DefaultMaxQueries
	}
	if opt.QueueWait <= 0 {
		opt.QueueWait = DefaultQueueWait
	}
	if opt.MaxMemory <= 0 {
		opt.MaxMemory = DefaultMaxMemory
	}
	if opt.BodyTimeout <= 0 {
		opt.BodyTimeout = DefaultBodyTimeout
	}
	api := cayleyhttp.NewAPIv2(s.Handle())
	if opt.Timeout > 0 {
		api.SetQueryTimeout(opt.Timeout)
	}
	if opt.Limit > 0 {
		api.SetQueryLimit(opt.Limit)
	}
	api.SetReadOnly(!opt.Writable)
	router := httprouter.New()
	var wrappers []cayleyhttp.HandlerWrapper
	if s.Backend == "memstore" {
		wrappers = append(wrappers, memstoreLock())
	}
	route := func(method, path string, h http.HandlerFunc) {
		handle := func(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { h(w, r) }
		for _, wr := range wrappers {
			handle = wr(handle)
		}
		router.Handle(method, path, handle)
	}
	api.RegisterQueryOn(router, wrappers...)
	route("GET", "/api/v2/read", api.ServeRead)
	route("POST", "/api/v2/read", api.ServeRead)
	route("GET", "/api/v2/formats", api.ServeFormats)
	route("POST", "/api/v2/write", s.serveWrite(opt))
	route("POST", "/api/v2/delete", s.serveDelete(opt))
	route("POST", "/api/v2/node/delete", api.ServeNodeDelete) // answers 403 unless writable
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
	h = stoppedQueries(opt, h)
	h = newLimiter(opt).wrap(h)
	h = readBody(opt, h)
	h = checkOrigin(opt, h)
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

// readBody reads the whole body, up to opt.MaxBody bytes, before the API
// sees it: that is the only way to answer 413 whatever the handler would
// do with a read error, and it lets Gizmo queries be rewritten. A gzip body
// is decoded here, so the limit is on what the handlers get (960 KB of
// gzip once wrote 400,000 quads); other encodings get 415.
func readBody(opt ServeOptions, next http.Handler) http.Handler {
	max := opt.MaxBody
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes (kg serve --max-body)", max))
		}
		if r.ContentLength > max {
			tooLarge()
			return
		}
		enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding")))
		if enc != "" && enc != "identity" && enc != "gzip" {
			jsonError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Encoding %q is not supported (send the body plain or gzip)", enc))
			return
		}
		gizmo := r.URL.Path == "/api/v2/query" && r.URL.Query().Get("lang") == "gizmo"
		r = r.WithContext(r.Context()) // a copy: the caller's request stays as it came
		if r.Body != nil && r.Body != http.NoBody {
			// A body that trickles in would hold the connection forever.
			// The deadline stays set when the read fails: the server then
			// reads what is left of the body before answering, and would
			// wait for it again.
			rc := http.NewResponseController(w)
			rc.SetReadDeadline(time.Now().Add(opt.BodyTimeout))
			b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
			if err == nil {
				rc.SetReadDeadline(time.Time{})
			}
			if err == nil && enc == "gzip" {
				b, err = gunzip(b, max)
			}
			var mbe *http.MaxBytesError
			var ne net.Error
			switch {
			case errors.As(err, &mbe):
				tooLarge()
				return
			case errors.As(err, &ne) && ne.Timeout():
				jsonError(w, http.StatusRequestTimeout, fmt.Sprintf("request body not received within %s", opt.BodyTimeout))
				return
			case err != nil:
				jsonError(w, http.StatusBadRequest, "reading request body: "+err.Error())
				return
			}
			if gizmo {
				b = []byte(prepareGizmo(string(b), opt.Limit))
			}
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
			r.Header = r.Header.Clone()
			r.Header.Del("Content-Encoding")
		}
		if gizmo && r.URL.Query().Has("qu") { // GET /api/v2/query?lang=gizmo&qu=...
			q := r.URL.Query()
			q.Set("qu", prepareGizmo(q.Get("qu"), opt.Limit))
			u := *r.URL
			u.RawQuery = q.Encode()
			r.URL = &u
		}
		next.ServeHTTP(w, r)
	})
}

// gunzip decodes a gzip body, failing with *http.MaxBytesError when the
// result would be larger than max.
func gunzip(b []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > max {
		return nil, &http.MaxBytesError{Limit: max}
	}
	return out, nil
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
