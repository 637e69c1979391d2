package explore

// The page in a real browser: Debian's chromium, driven headless through the
// DevTools protocol (chromedp). The test searches an actor, opens its
// network and timeline, follows a dyad, clicks through to an event's
// evidence, uses the filters and the Gizmo console, and fails on any console
// error, uncaught exception or failed request. It takes 6–15 s, so it runs
// only with KG_LONG_TESTS=1 (as in CI):
//
//	KG_LONG_TESTS=1 go test ./internal/explore -run Browser -v
//
// Environment:
//
//	KG_CHROMIUM        the browser (default: chromium on PATH, /usr/bin/chromium)
//	KG_SCREENSHOTS     where the screenshots go (default: a temporary directory);
//	                   CI keeps them as artifacts in artifacts/explorer/
//	KG_EXPLORER_STORE  a bolt store to use instead of the seed graph, e.g. the
//	                   whole corpus (kg build ../shared/corpora/news.jsonl --store DIR)
//	KG_EXPLORER_SEARCH what to type in the search box (default "trump")
//
// Without a browser the test is skipped, except under CI (CI set), where
// that is a failure.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"kg/internal/testenv"
)

func findChromium(t *testing.T) string {
	if p := os.Getenv("KG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium: CI must install it (apt-get install -y chromium)")
	}
	t.Skip("no chromium on PATH (apt-get install -y chromium, or set KG_CHROMIUM)")
	return ""
}

// pageProblems collects what must not happen while the page is used.
type pageProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *pageProblems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func (p *pageProblems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

func TestBrowser(t *testing.T) {
	testenv.Long(t, "drives a browser through the page: 6–15 s")
	browser := findChromium(t)
	base := serveExplorer(t, seedStore(t))
	shots := os.Getenv("KG_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	search := os.Getenv("KG_EXPLORER_SEARCH")
	if search == "" {
		search = "trump"
	}

	// The flags this machine needs (see the README): no sandbox as root, and
	// no background connections, which the closed network refuses.
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1000))...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	var problems pageProblems
	console := chromedp.Console(ctx) // subscribes now; starts the browser
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				problems.add("console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1)
			}
		}
	}()
	requests := map[network.RequestID]string{}
	var reqMu sync.Mutex
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			reqMu.Lock()
			requests[ev.RequestID] = ev.Request.Method + " " + ev.Request.URL
			reqMu.Unlock()
			u := ev.Request.URL
			if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				problems.add("request to another origin: %s", ev.Request.URL)
			}
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				problems.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		case *network.EventLoadingFailed:
			reqMu.Lock()
			what := requests[ev.RequestID]
			reqMu.Unlock()
			if !ev.Canceled { // a request the page itself dropped, by moving on, is not a failure
				problems.add("request failed: %s: %s %s", what, ev.ErrorText, ev.BlockedReason)
			}
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", browser, err)
	}

	n := 0
	shot := func(name string) {
		t.Helper()
		n++
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		path := filepath.Join(shots, fmt.Sprintf("%02d-%s.png", n, name))
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", path)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// step runs actions, waits for the view to settle and fails on errors
	// the page reported meanwhile.
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		actions = append(actions, chromedp.WaitReady(chromedp.CSS(`body:not([data-state="loading"])`)))
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			shot(name + "-failed")
			t.Fatalf("%s: %v", name, err)
		}
		if state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.state`)); state != "ready" {
			shot(name + "-failed")
			t.Fatalf("%s: the view did not show (%s): %s", name, state, text("#status"))
		}
		time.Sleep(150 * time.Millisecond) // let late console messages arrive
		if p := problems.take(); len(p) > 0 {
			shot(name + "-failed")
			t.Fatalf("%s: the page reported:\n  %s", name, strings.Join(p, "\n  "))
		}
	}
	eval := func(what, js string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}

	// 1. The home page lists the most active actors.
	step("home", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#top-actors a")))
	shot("home")

	// 2. Search with completion, pick the first actor offered.
	step("search", chromedp.SendKeys(chromedp.CSS("#q"), search),
		chromedp.WaitVisible(chromedp.CSS("#suggestions li[data-actor]")))
	shot("search")
	actor := text("#suggestions li[data-actor] .label")
	step("open actor", chromedp.Click(chromedp.CSS("#suggestions li[data-actor]")),
		chromedp.WaitVisible(chromedp.CSS("#actor-name")), chromedp.WaitVisible(chromedp.CSS("#events tbody tr")))
	if got := text("#actor-name"); got != actor {
		t.Errorf("picked %q, the view shows %q", actor, got)
	}

	// 3. Its network and its timeline are drawn, with legends.
	if nodes := eval("network", `window.kgNetwork ? window.kgNetwork.nodes().length : 0`); nodes < 2 {
		t.Errorf("the network of %s has %d nodes", actor, nodes)
	}
	if bars := eval("timeline", `(Chart.getChart("timeline")||{data:{datasets:[]}}).data.datasets.length`); bars < 1 {
		t.Errorf("the timeline of %s has %d series", actor, bars)
	}
	if eval("canvas", `document.querySelectorAll("#network canvas").length`) == 0 {
		t.Error("cytoscape drew no canvas")
	}
	if legend := text("#network-legend"); !strings.Contains(legend, "Verbal cooperation") {
		t.Errorf("network legend %q", legend)
	}
	shot("actor")

	// 4. Colour by Goldstein score: the choice goes into the URL.
	step("goldstein", chromedp.SetValue(chromedp.CSS("#edge-colour"), "goldstein"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("edge-colour").dispatchEvent(new Event("change"))`),
		chromedp.WaitVisible(chromedp.CSS("#network-legend .gradient")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "color=goldstein") {
		t.Errorf("the colour choice is not in the URL: %s", loc)
	}

	// 5. A dyad: the events between the actor and a counterpart, with
	// evidence and source articles.
	step("dyad", chromedp.Evaluate[chromedp.Void](`document.querySelector(".counterparts").open = true`),
		chromedp.Click(chromedp.CSS("a.dyad-link")),
		chromedp.WaitVisible(chromedp.CSS("#dyad-name")), chromedp.WaitVisible(chromedp.CSS("#dyad-events .card")))
	if eval("dyad evidence", `document.querySelectorAll("#dyad-events blockquote.evidence-text").length`) == 0 {
		t.Error("the dyad view shows no evidence")
	}
	if eval("dyad articles", `document.querySelectorAll("#dyad-events .article cite").length`) == 0 {
		t.Error("the dyad view shows no source article")
	}
	shot("dyad")

	// 6. Click through to an event: its reports with rule, offsets and the
	// evidence, parties marked.
	step("event", chromedp.Click(chromedp.CSS("#dyad-events a.event-link")),
		chromedp.WaitVisible(chromedp.CSS("#reports .report")))
	if rule := strings.TrimSpace(text("#reports .report .rule")); rule == "" || rule == "—" {
		t.Errorf("report rule %q", rule)
	}
	if off := text("#reports .report .offsets"); !regexp.MustCompile(`characters \d+–\d+ of `).MatchString(off) {
		t.Errorf("report offsets %q", off)
	}
	if eval("marks", `document.querySelectorAll("#reports mark.actor, #reports mark.target").length`) == 0 {
		t.Error("no party marked in the evidence")
	}
	shot("event")

	// 7. Back to the actor, through browser history.
	step("back", chromedp.NavigateBack(), chromedp.WaitVisible(chromedp.CSS("#dyad-name")))

	// 8. Filters live in the URL: a reload keeps them, and the views use them.
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	id := regexp.MustCompile(`actor=([^&]+)`).FindStringSubmatch(loc)
	if id == nil {
		t.Fatalf("no actor in %s", loc)
	}
	step("filters", chromedp.Navigate(base+"/?actor="+id[1]+"&from=1900-01-01&to=2100-12-31&root=01,02,03,04,05"),
		chromedp.WaitVisible(chromedp.CSS("#actor-name")))
	from, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#from")))
	if from != "1900-01-01" || !strings.Contains(text("#roots-summary"), "01, 02, 03, 04, 05") {
		t.Errorf("filters from the URL not shown: from %q, roots %q", from, text("#roots-summary"))
	}
	step("filter change", chromedp.Evaluate[chromedp.Void](`document.querySelector('#root-list input[value="04"]').click()`),
		chromedp.WaitVisible(chromedp.CSS("#actor-name")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "root=01%2C02%2C03%2C05") {
		t.Errorf("unticking 04 did not reach the URL: %s", loc)
	}
	shot("filtered")

	// 9. The Gizmo console answers with a table.
	step("gizmo", chromedp.Navigate(base+"/?view=gizmo"), chromedp.Click(chromedp.CSS("#gizmo-run")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo-result table tbody tr")))
	shot("gizmo")

	if p := problems.take(); len(p) > 0 {
		t.Fatalf("the page reported:\n  %s", strings.Join(p, "\n  "))
	}
}
