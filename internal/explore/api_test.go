package explore

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// The JSON API on the seed graph, through kg serve's whole handler.

var client = &http.Client{Timeout: 10 * time.Second} // a hang fails the test

func get(t *testing.T, base, path string) (int, map[string]any) {
	t.Helper()
	resp, err := client.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want JSON; body %.200s", path, ct, body)
	}
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: %d, not a JSON object: %v: %.300s", path, resp.StatusCode, err, body)
	}
	return resp.StatusCode, v
}

func TestAPISeedGraph(t *testing.T) {
	if os.Getenv("KG_EXPLORER_STORE") != "" {
		t.Skip("checks facts of the seed graph")
	}
	base := serveExplorer(t, seedStore(t))

	code, sum := get(t, base, "/api/kg/")
	if code != 200 || sum["events"].(float64) < 40 || sum["articles"].(float64) != 5 {
		t.Errorf("/api/kg/: %d %v", code, sum)
	}

	t.Run("search", func(t *testing.T) {
		for _, q := range []string{"trump", "TRUMP", "donald j", "Dönald"} {
			_, v := get(t, base, "/api/kg/actors?q="+url.QueryEscape(q))
			actors := v["actors"].([]any)
			if len(actors) == 0 || actors[0].(map[string]any)["id"] != "Donald_Trump" {
				t.Errorf("q=%s: first hit %v, want Donald_Trump", q, actors)
			}
		}
		_, v := get(t, base, "/api/kg/actors?q=zzzzqqq")
		if n := len(v["actors"].([]any)); n != 0 {
			t.Errorf("q=zzzzqqq: %d hits, want none (and an empty list, not null)", n)
		}
		_, v = get(t, base, "/api/kg/actors?limit=3")
		if n := len(v["actors"].([]any)); n != 3 {
			t.Errorf("no q, limit=3: %d actors, want the 3 most active", n)
		}
	})

	t.Run("network", func(t *testing.T) {
		_, v := get(t, base, "/api/kg/actors/Donald_Trump/network")
		var putin map[string]any
		for _, e := range v["edges"].([]any) {
			e := e.(map[string]any)
			if e["source"] == "Donald_Trump" && e["target"] == "Vladimir_Putin" {
				putin = e
			}
		}
		if putin == nil || putin["events"].(float64) < 10 {
			t.Fatalf("no heavy Donald_Trump → Vladimir_Putin edge: %v", v["edges"])
		}
		if q := putin["quad_classes"].([]any); q[0].(float64) == 0 {
			t.Errorf("Trump → Putin has no verbal cooperation: %v", q)
		}
		if putin["goldstein"] == nil {
			t.Error("Trump → Putin has no mean Goldstein score")
		}
		_, v = get(t, base, "/api/kg/actors/Donald_Trump/network?limit=1")
		if n := len(v["nodes"].([]any)); n != 2 || v["omitted"].(float64) == 0 {
			t.Errorf("limit=1: %d nodes, omitted %v; want the ego and one counterpart", n, v["omitted"])
		}
		// the root filter keeps only fighting (root 19): a narrower network
		// than the unfiltered one, every edge of it material conflict
		_, all := get(t, base, "/api/kg/actors/Donald_Trump/network")
		_, v = get(t, base, "/api/kg/actors/Donald_Trump/network?root=19")
		if n, m := len(v["nodes"].([]any)), len(all["nodes"].([]any)); n >= m {
			t.Errorf("root=19 (fight): %d nodes, not fewer than the %d of the whole network", n, m)
		}
		for _, e := range v["edges"].([]any) {
			q := e.(map[string]any)["quad_classes"].([]any)
			if q[0].(float64)+q[1].(float64)+q[2].(float64) != 0 {
				t.Errorf("root=19 edge with other quad classes: %v", e)
			}
		}
	})

	t.Run("timeline", func(t *testing.T) {
		_, v := get(t, base, "/api/kg/actors/Donald_Trump/timeline?bucket=month")
		periods := v["periods"].([]any)
		if len(periods) == 0 || periods[0] != "2017-05" {
			t.Errorf("periods %v, want months from 2017-05", periods)
		}
		found := false
		for _, s := range v["series"].([]any) {
			s := s.(map[string]any)
			if s["code"] == "04" && s["total"].(float64) > 0 {
				found = true
			}
			if len(s["counts"].([]any)) != len(periods) {
				t.Errorf("series %v: %d counts for %d periods", s["code"], len(s["counts"].([]any)), len(periods))
			}
		}
		if !found {
			t.Errorf("no 04 (Consult) series: %v", v["series"])
		}
	})

	t.Run("dyad and event", func(t *testing.T) {
		_, v := get(t, base, "/api/kg/events?actor=Vladimir_Putin&with=Donald_Trump&from=2017-05-02&to=2017-05-02&reports=true")
		evs := v["events"].([]any)
		if len(evs) == 0 {
			t.Fatal("no Trump–Putin event on 2017-05-02")
		}
		var call map[string]any
		for _, e := range evs {
			e := e.(map[string]any)
			if e["sources"].(float64) >= 2 {
				call = e
			}
		}
		if call == nil {
			t.Fatalf("no event of 2017-05-02 reported by two articles: %v", evs)
		}
		_, d := get(t, base, "/api/kg/events/"+call["id"].(string))
		reports := d["reports"].([]any)
		if len(reports) < 2 {
			t.Fatalf("%d reports, want the Reuters and Straits Times accounts", len(reports))
		}
		marked := false
		for _, r := range reports {
			r := r.(map[string]any)
			art := r["article"].(map[string]any)
			if r["rule"] == "" || r["start"].(float64) < 0 || r["end"].(float64) <= r["start"].(float64) || art["title"] == nil || art["publisher"] == nil {
				t.Errorf("report without rule, offsets or article: %v", r)
			}
			var text strings.Builder
			for _, s := range r["segments"].([]any) {
				s := s.(map[string]any)
				text.WriteString(s["text"].(string))
				if s["role"] == "actor" || s["role"] == "target" {
					marked = true
				}
			}
			if text.String() != r["evidence"] {
				t.Errorf("segments do not add up to the evidence:\n%q\n%q", text.String(), r["evidence"])
			}
		}
		if !marked {
			t.Error("no party marked in any report's evidence")
		}
	})

	t.Run("paging", func(t *testing.T) {
		_, all := get(t, base, "/api/kg/events?actor=Donald_Trump&limit=1000")
		total := int(all["total"].(float64))
		var ids []string
		for off := 0; off < total; off += 7 {
			_, v := get(t, base, "/api/kg/events?actor=Donald_Trump&limit=7&offset="+itoa(off))
			for _, e := range v["events"].([]any) {
				ids = append(ids, e.(map[string]any)["id"].(string))
			}
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("event %s on two pages", id)
			}
			seen[id] = true
		}
		if len(ids) != total {
			t.Errorf("pages hold %d events, total says %d", len(ids), total)
		}
		_, newest := get(t, base, "/api/kg/events?actor=Donald_Trump&limit=1&sort=-date")
		_, oldest := get(t, base, "/api/kg/events?actor=Donald_Trump&limit=1&sort=date")
		nd, od := date(newest), date(oldest)
		if nd == "" || od == "" || nd < od {
			t.Errorf("sort=-date starts at %q, sort=date at %q", nd, od)
		}
	})
}

func date(v map[string]any) string {
	evs := v["events"].([]any)
	if len(evs) == 0 {
		return ""
	}
	d, _ := evs[0].(map[string]any)["date"].(string)
	return d
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// Bad requests get a 4xx and a JSON error, never a 500 or a hang.
func TestAPIBadRequests(t *testing.T) {
	base := serveExplorer(t, seedStore(t))
	cases := []struct {
		name, path string
		code       int
		says       string
	}{
		{"unknown actor", "/api/kg/actors/Nobody_At_All", 404, "no actor"},
		{"unknown actor, network", "/api/kg/actors/Nobody_At_All/network", 404, "no actor"},
		{"unknown actor, timeline", "/api/kg/actors/Nobody_At_All/timeline", 404, "no actor"},
		{"unknown actor, events", "/api/kg/events?actor=Nobody_At_All", 404, "no actor"},
		{"unknown other actor", "/api/kg/actors/Donald_Trump/timeline?with=Nobody", 404, "no actor"},
		{"unknown event", "/api/kg/events/1999-01-01-0000000000000000", 404, "no event"},
		{"malformed date", "/api/kg/events?from=2017-13-45", 400, "YYYY-MM-DD"},
		{"date with time", "/api/kg/events?to=2017-05-02T10:00", 400, "YYYY-MM-DD"},
		{"short date", "/api/kg/events?from=2017-5-2", 400, "YYYY-MM-DD"},
		{"date words", "/api/kg/actors/Donald_Trump/network?from=yesterday", 400, "YYYY-MM-DD"},
		{"from after to", "/api/kg/events?from=2018-01-01&to=2017-01-01", 400, "after"},
		{"huge limit", "/api/kg/events?limit=100000000", 400, "limit"},
		{"limit overflow", "/api/kg/events?limit=99999999999999999999999", 400, "limit"},
		{"zero limit", "/api/kg/actors?limit=0", 400, "limit"},
		{"huge network", "/api/kg/actors/Donald_Trump/network?limit=1000000", 400, "limit"},
		{"huge page with reports", "/api/kg/events?limit=51&reports=true", 400, "limit"},
		{"negative offset", "/api/kg/events?offset=-1", 400, "offset"},
		{"huge offset", "/api/kg/events?offset=1e12", 400, "offset"},
		{"bad root", "/api/kg/events?root=04,99", 400, "CAMEO"},
		{"code, not root", "/api/kg/events?root=041", 400, "CAMEO"},
		{"bad bucket", "/api/kg/actors/Donald_Trump/timeline?bucket=fortnight", 400, "bucket"},
		{"bad sort", "/api/kg/events?sort=actor", 400, "sort"},
		{"bad bool", "/api/kg/events?reports=maybe", 400, "reports"},
		{"with without actor", "/api/kg/events?with=Donald_Trump", 400, "actor="},
		{"unknown parameter", "/api/kg/events?form=2017-01-01", 400, "unknown parameter form"},
		{"parameter on an endpoint without any", "/api/kg/cameo?x=1", 400, "takes none"},
		{"repeated parameter", "/api/kg/events?limit=1&limit=2", 400, "2 times"},
		{"malformed query string", "/api/kg/events?limit=%zz", 400, "malformed"},
		{"long search", "/api/kg/actors?q=" + strings.Repeat("a", 5000), 400, "characters"},
		{"unknown endpoint", "/api/kg/nothing", 404, "no such endpoint"},
		{"too deep", "/api/kg/actors/Donald_Trump/network/more", 404, "no such endpoint"},
		{"empty actor id", "/api/kg/actors//network", 404, ""},
		{"ui directory", "/ui/", 404, "no such page"},
		{"ui missing file", "/ui/nothing.js", 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, v := get(t, base, c.path)
			if code != c.code {
				t.Errorf("%s: %d %v, want %d", c.path, code, v, c.code)
			}
			msg, _ := v["error"].(string)
			if msg == "" || !strings.Contains(msg, c.says) {
				t.Errorf("%s: error %q, want one saying %q", c.path, msg, c.says)
			}
		})
	}
	t.Run("POST is refused", func(t *testing.T) {
		resp, err := client.Post(base+"/api/kg/events", "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST /api/kg/events: %d, want 405", resp.StatusCode)
		}
	})
	t.Run("odd but valid input", func(t *testing.T) {
		for _, p := range []string{"/api/kg/actors?q=%FF%FE", "/api/kg/actors?q=%00", "/api/kg/actors?q=%E2%80%AE",
			"/api/kg/actors/%00", "/api/kg/events?root=", "/api/kg/events?from=0001-01-01&to=9999-12-31",
			"/api/kg/actors/Donald_Trump/timeline?bucket=day&from=0001-01-01"} {
			resp, err := client.Get(base + p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Errorf("%s: %d", p, resp.StatusCode)
			}
		}
	})
}

// The page is served with a policy that only allows its own files, and
// every file it names is embedded.
func TestPageAssets(t *testing.T) {
	base := serveExplorer(t, seedStore(t))
	resp, err := client.Get(base + "/?actor=Donald_Trump&from=2017-01-01")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("/: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	for _, m := range strings.Split(string(body), `"/ui/`)[1:] {
		path := "/ui/" + m[:strings.IndexByte(m, '"')]
		r, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 200 || r.ContentLength < 100 {
			t.Errorf("%s: %d, %d bytes", path, r.StatusCode, r.ContentLength)
		}
	}
	if strings.Contains(string(body), "http://") || strings.Contains(string(body), "//cdn") {
		t.Error("the page names a remote origin")
	}
}
