package main

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/internal/explore"
	"kg/internal/graph"
)

type serveOptions struct {
	store       string
	addr        string
	writable    bool
	allowRemote bool
	timeout     time.Duration
	maxBody     int64
	limit       int
	quiet       bool
	maxQueries  int
	maxMemory   int64
	hosts       []string
	origins     []string
}

func serveCommand(g *globals) *cli.Command {
	var o serveOptions
	var maxBody, maxMemory string
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the store over HTTP (Cayley's API v2: Gizmo queries, reads, writes)",
		Description: `Serves the explorer page and Cayley's HTTP API v2 on the store until interrupted
(Ctrl-C or SIGTERM: running requests are given a few seconds to finish).

   GET  /                           the explorer: search an actor, see its network and
                                    timeline, read the evidence (open it in a browser)
   GET  /api/kg/...                 the explorer's JSON API (README.md, "Explorer")
   POST /api/v2/query?lang=gizmo    body: a Gizmo query; kg's CURIEs ("kg:actor",
                                    "actor:Donald_Trump") are expanded and its helpers
                                    (actor, cameo, iri, date, events) defined, as in kg query
   GET  /api/v2/read?format=nquads  the statements (sub=, pred=, obj=, label= filter)
   POST /api/v2/write               statements to add (only with --writable), with
                                    Content-Type application/n-quads, application/n-triples
                                    or text/turtle; parsed and checked as kg load does
   POST /api/v2/delete              statements to remove (only with --writable)

The answer is {"result": [...]}, one object per path, tags as keys, values in
N-Triples notation. The value of a query's last expression is not sent over HTTP:
write g.Emit(g.V("actor:Donald_Trump").In("kg:actor").Count()), not just ...Count().

The store is read-only unless --writable (writes and deletes get 403). Only this
machine can connect unless --allow-remote: --addr must be a loopback address
(127.0.0.1, [::1], localhost), because the API has no authentication. For the
same reason web pages open in a browser on this machine cannot use it: a request
whose Host header is not an IP address, localhost or an --allow-host name (DNS
rebinding), or that comes from another origin's page (Origin header) unless
--allow-origin allows it, gets 403.

One request cannot take the server down: bodies over --max-body get 413 (a gzip
body counts decoded), bodies slower than 30 s get 408; at most --max-queries
requests run at once (more wait, then get 503); a query running longer than
--timeout is stopped (503); when running queries together make the heap grow
--max-memory past what the server held at start, they are stopped (503), which
ends runaway queries such as var s="x";while(true){s=s+s} or recursion without
end. ToArray() and TagArray() without a count return at most --limit values.

A read-only kg serve shares the store with other readers (kg query, kg stats,
kg export); commands that write (kg build, kg load) report it as in use until it
stops. A --writable kg serve holds the store alone.

EXAMPLES
   kg serve --store news.db
   curl -s -d 'g.V("actor:Donald_Trump").In("kg:actor").Out("kg:target").All()' \
        'http://127.0.0.1:64210/api/v2/query?lang=gizmo'
   kg serve --writable --addr 127.0.0.1:8080 --timeout 5s --max-body 10MB
   curl -s -H 'Content-Type: application/n-quads' --data-binary @new.nq \
        http://127.0.0.1:8080/api/v2/write
   kg serve --allow-remote --addr 0.0.0.0:64210 --allow-host kg.lan --max-memory 4GB

EXIT STATUS
   0 stopped by a signal (Ctrl-C or SIGTERM: how a server is meant to stop),
   1 the store or the address could not be opened, 2 wrong usage`,
		Flags: []cli.Flag{
			storeFlag(&o.store),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:64210", Usage: "listen on `HOST:PORT`", Destination: &o.addr},
			&cli.BoolFlag{Name: "writable", Usage: "accept writes and deletes", Destination: &o.writable},
			&cli.BoolFlag{Name: "allow-remote", Usage: "allow an --addr other machines can reach (there is no authentication)", Destination: &o.allowRemote},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "stop queries running longer than `DURATION` (0: never)", Destination: &o.timeout},
			&cli.StringFlag{Name: "max-body", Value: "1MB", Usage: "reject request bodies larger than `SIZE` (e.g. 512KB, 10MB)", Destination: &maxBody},
			&cli.IntFlag{Name: "limit", Value: 1000, Usage: "return at most `N` results per query (and per ToArray())", Destination: &o.limit},
			&cli.IntFlag{Name: "max-queries", Value: graph.DefaultMaxQueries, Usage: "run at most `N` requests at once; more wait", Destination: &o.maxQueries},
			&cli.StringFlag{Name: "max-memory", Value: graph.FormatSize(graph.DefaultMaxMemory), Usage: "stop running queries when together they use more than `SIZE` of memory", Destination: &maxMemory},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "accept `NAME` in the Host header (besides IP addresses and localhost); repeatable"},
			&cli.StringSliceFlag{Name: "allow-origin", Usage: "let web pages from `ORIGIN` (e.g. https://app.example.org) use the API; repeatable"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "do not log requests", Destination: &o.quiet},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("serve", "serve: unexpected argument %q", c.Args().First())
			}
			n, err := parseSize(maxBody)
			if err != nil || n <= 0 {
				return usagef("serve", "serve: --max-body %q: want a size such as 1MB, 512KB or 1048576", maxBody)
			}
			o.maxBody = n
			if o.maxMemory, err = parseSize(maxMemory); err != nil || o.maxMemory <= 0 {
				return usagef("serve", "serve: --max-memory %q: want a size such as 1GB or 512MB", maxMemory)
			}
			if o.timeout < 0 || o.limit <= 0 || o.maxQueries <= 0 {
				return usagef("serve", "serve: --timeout must be ≥ 0, --limit and --max-queries > 0")
			}
			o.hosts, o.origins = c.StringSlice("allow-host"), c.StringSlice("allow-origin")
			loop, err := graph.IsLoopback(o.addr)
			if err != nil {
				return usagef("serve", "serve: --addr %q: want HOST:PORT, e.g. 127.0.0.1:64210", o.addr)
			}
			if !loop && !o.allowRemote {
				return usagef("serve", "serve: --addr %s can be reached from other machines and the API has no authentication; "+
					"use a loopback address (127.0.0.1:PORT), or add --allow-remote if that is what you want", o.addr)
			}
			return runServe(c.Context, o, g)
		},
	}
}

func runServe(ctx context.Context, o serveOptions, g *globals) error {
	var st *graph.Store
	var err error
	if o.writable {
		st, err = graph.Open(o.store) // a new store is fine when it can be written to
	} else {
		st, err = graph.OpenExisting(o.store)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	opt := graph.ServeOptions{Writable: o.writable, Timeout: o.timeout, MaxBody: o.maxBody, Limit: o.limit,
		MaxQueries: o.maxQueries, MaxMemory: o.maxMemory, AllowHosts: o.hosts, AllowOrigins: o.origins,
		Explorer: explore.Handler(explore.NewStoreSource(st))}
	if !o.quiet {
		opt.Log = func(format string, args ...any) {
			g.print.Infof("%s "+format, append([]any{time.Now().Format("15:04:05")}, args...)...)
		}
	}
	mode := "read-only"
	if o.writable {
		mode = "writable"
	}
	g.print.Infof("serving %s (%s, %d quads, %s) on http://%s/ — Ctrl-C to stop",
		graph.Redact(o.store), st.Backend, st.Size(), mode, ln.Addr())
	if err := graph.Serve(ctx, ln, st.HTTPHandler(opt), 10*time.Second); err != nil {
		return err
	}
	g.print.Infof("stopped")
	return nil // a signal is how a server is meant to stop
}

// parseSize reads "1MB", "512KB", "10MiB", "2048" (bytes); K/M/G are
// binary (1MB = 1,048,576 bytes), like Cayley's own 1 MB query limit.
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		i = len(s)
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, err
	}
	mult := map[string]int64{"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10,
		"M": 1 << 20, "MB": 1 << 20, "MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}
	m, ok := mult[strings.TrimSpace(s[i:])]
	if !ok || n > (1<<62)/m {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * m, nil
}
