package graph

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveStore starts kg's HTTP API on 127.0.0.1:0 over a memory store
// holding the store-suite fixture, and returns the store and base URL. The
// server is shut down (and must stop) when the test ends.
func serveStore(t *testing.T, opt ServeOptions) (*Store, string) {
	t.Helper()
	// The handler sets the process's soft memory limit to its budget (as
	// kg serve should); later tests get back the limit they had.
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(limit) })
	st, err := Open("memory")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add(stFixture()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	// The grace is long: a runaway script of an earlier test (goja stops
	// one only between instructions, 5–7 s for deep recursion) can slow
	// this server's last handlers on a busy machine; a shutdown that
	// needed more than 5 s made TestServeParallelToArray fail 1 run in 5.
	go func() { done <- Serve(ctx, ln, st.HTTPHandler(opt), 20*time.Second) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("server did not shut down")
		}
		st.Close()
	})
	return st, "http://" + ln.Addr().String()
}

type apiAnswer struct {
	code   int
	Result []map[string]any `json:"result"`
	Error  string           `json:"error"`
}

func post(t *testing.T, u, contentType string, body io.Reader) apiAnswer {
	t.Helper()
	return request(t, "POST", u, contentType, body, nil)
}

func TestServeGizmoQuery(t *testing.T) {
	_, base := serveStore(t, ServeOptions{Timeout: 5 * time.Second})
	// CURIEs, as kg query accepts them
	a := post(t, base+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.V("actor:A").In("kg:actor").Tag("event").Out("kg:target").Tag("target").Out("rdfs:label").All()`))
	want := []map[string]any{{"event": "<" + string(stE1) + ">", "target": "<" + string(stB) + ">", "id": "Wladimir Putin"}}
	if a.code != 200 || !reflect.DeepEqual(a.Result, want) {
		t.Errorf("got %d %v %q\nwant 200 %v", a.code, a.Result, a.Error, want)
	}
	// GET with qu=, also expanded
	resp, err := http.Get(base + "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(`g.Emit(g.V("event:e1").Out("kg:date").Unique().Count())`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != `{"result":[1]}` {
		t.Errorf("GET query: %d %s", resp.StatusCode, b)
	}
	// kg query's helpers
	a = post(t, base+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.Emit(events(g.V(actor("A")).In("kg:actor")).Count())`))
	if a.code != 200 || len(a.Result) != 1 || a.Result[0]["value"] != float64(1) {
		t.Errorf("helpers over HTTP: %d %v %q", a.code, a.Result, a.Error)
	}
	// a syntax error is the client's: 400 with the message
	a = post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(`g.V(`))
	if a.code != 400 || !strings.Contains(a.Error, "SyntaxError") {
		t.Errorf("syntax error: %d %q", a.code, a.Error)
	}
}

func TestServeReadOnlyAndWritable(t *testing.T) {
	nq := "<http://example.org/s> <http://example.org/p> \"o\" .\n"
	st, base := serveStore(t, ServeOptions{})
	n := st.Size()
	a := post(t, base+"/api/v2/write", "application/n-quads", strings.NewReader(nq))
	if a.code != http.StatusForbidden || !strings.Contains(a.Error, "read-only") {
		t.Errorf("write to a read-only server: %d %q, want 403 read-only", a.code, a.Error)
	}
	a = post(t, base+"/api/v2/delete", "application/n-quads", strings.NewReader(nq))
	if a.code != http.StatusForbidden {
		t.Errorf("delete on a read-only server: %d, want 403", a.code)
	}
	if st.Size() != n {
		t.Errorf("read-only store changed: %d → %d quads", n, st.Size())
	}

	st, base = serveStore(t, ServeOptions{Writable: true})
	n = st.Size()
	if a := post(t, base+"/api/v2/write", "application/n-quads", strings.NewReader(nq)); a.code != 200 {
		t.Errorf("write to a writable server: %d %q", a.code, a.Error)
	}
	if st.Size() != n+1 {
		t.Errorf("writable store: %d → %d quads, want +1", n, st.Size())
	}
}

func TestServeMaxBody(t *testing.T) {
	_, base := serveStore(t, ServeOptions{MaxBody: 100, Writable: true})
	big := `g.V("actor:A").All()` + strings.Repeat(" ", 200)
	// with Content-Length
	a := post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(big))
	if a.code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized query: %d %q, want 413", a.code, a.Error)
	}
	// chunked (no Content-Length): found while reading
	a = post(t, base+"/api/v2/write", "application/n-quads", io.MultiReader(strings.NewReader(big)))
	if a.code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized chunked write: %d %q, want 413", a.code, a.Error)
	}
	// just under the limit is fine
	a = post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(big[:100]))
	if a.code != 200 {
		t.Errorf("query of exactly 100 bytes: %d %q", a.code, a.Error)
	}
}

// TestServeTimeout checks that a query that never ends gets 503 after the
// timeout, and that it really stops: Cayley's Gizmo interrupts the goja VM
// when the query's context ends (results.stop → vm.Interrupt), so the
// process must not keep burning a CPU on while(true){} afterwards.
func TestServeTimeout(t *testing.T) {
	const timeout = 300 * time.Millisecond
	_, base := serveStore(t, ServeOptions{Timeout: timeout})
	cpu := func() time.Duration { // CPU time used by this process
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	c0, start := cpu(), time.Now()
	a := post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(`while (true) {}`))
	took, during := time.Since(start), cpu()-c0
	if a.code != http.StatusServiceUnavailable || !strings.Contains(a.Error, "longer than 300ms") {
		t.Errorf("endless query: %d %q, want 503 with the timeout", a.code, a.Error)
	}
	if took < timeout || took > timeout+2*time.Second {
		t.Errorf("endless query answered after %v, want about %v", took, timeout)
	}
	// If the VM were still looping, the process would keep using CPU at
	// the rate it did during the query. (Compared with that rate rather
	// than a fixed figure, because a busy machine slows both.)
	time.Sleep(50 * time.Millisecond)
	c1 := cpu()
	const window = 500 * time.Millisecond
	time.Sleep(window)
	after := cpu() - c1
	rateDuring, rateAfter := float64(during)/float64(took), float64(after)/float64(window)
	t.Logf("CPU: %.0f%% of a core while the query ran, %.0f%% afterwards", 100*rateDuring, 100*rateAfter)
	if rateAfter > 0.1 && rateAfter > rateDuring/2 {
		t.Errorf("the interrupted query still runs: %v CPU in %v after the answer", after, window)
	}
	// and the server still answers
	if a := post(t, base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(`g.V("actor:A").All()`)); a.code != 200 {
		t.Errorf("query after a timeout: %d %q", a.code, a.Error)
	}
}

func TestServeReadAndNotFound(t *testing.T) {
	_, base := serveStore(t, ServeOptions{})
	resp, err := http.Get(base + "/api/v2/read?format=nquads")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	lines := strings.Count(string(b), "\n")
	if resp.StatusCode != 200 || lines != len(stFixture()) {
		t.Errorf("read: %d, %d lines, want 200 and %d", resp.StatusCode, lines, len(stFixture()))
	}
	resp, err = http.Get(base + "/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("GET /nope: %d", resp.StatusCode)
	}
}

// A request running when the server is told to stop is allowed to finish.
func TestServeGracefulShutdown(t *testing.T) {
	st, err := Open("memory")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		fmt.Fprint(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, slow, 5*time.Second) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if s := <-got; s != "done" {
		t.Errorf("request running at shutdown got %q, want it to finish", s)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:64210": true, "127.1.2.3:80": true, "[::1]:64210": true, "localhost:64210": true, "LOCALHOST:1": true,
		"0.0.0.0:64210": false, ":64210": false, "[::]:64210": false, "192.168.1.10:80": false, "example.org:80": false,
	} {
		got, err := IsLoopback(addr)
		if err != nil || got != want {
			t.Errorf("IsLoopback(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
	if _, err := IsLoopback("127.0.0.1"); err == nil {
		t.Error("IsLoopback without a port: no error")
	}
}
