package main

// kg events, kg actors, kg stats and kg query's output, as a user sees it.

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// seedStore builds the seed corpus into a bolt store for one test.
func seedStore(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "seed.db")
	if r := kg(t, "", "build", "corpus", "--store", store, "-q"); r.code != 0 {
		t.Fatalf("build: %s", r.stderr)
	}
	return store
}

func jsonRows(t *testing.T, r result) []map[string]any {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	return rows
}

// headerOf is the first line of a CSV or TSV output.
func headerOf(out string) string { return strings.SplitN(out, "\n", 2)[0] }

func TestEventsCommand(t *testing.T) {
	store := seedStore(t)
	t.Run("between two actors, either way", func(t *testing.T) {
		rows := jsonRows(t, kg(t, "", "events", "--store", store, "--with", "trump", "--with", "PUTIN", "--format", "json", "--limit", "0"))
		if len(rows) < 10 {
			t.Fatalf("%d events between Trump and Putin", len(rows))
		}
		for _, row := range rows {
			a, tg := row["actor"], row["target"]
			if !(a == "Donald Trump" && tg == "Vladimir Putin" || a == "Vladimir Putin" && tg == "Donald Trump") {
				t.Errorf("event %v is not between Trump and Putin", row)
			}
			if _, ok := row["sources"].(float64); !ok {
				t.Errorf("sources %v is not a number", row["sources"])
			}
		}
	})
	t.Run("columns", func(t *testing.T) {
		r := kg(t, "", "events", "--store", store, "--format", "csv", "--limit", "3")
		if got, want := headerOf(r.stdout), "date,actor,code,action,target,sources,evidence,event"; got != want {
			t.Errorf("header %q, want %q", got, want)
		}
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(recs) != 4 {
			t.Errorf("CSV: %d records, %v", len(recs), err)
		}
	})
	t.Run("a limit that cuts says so", func(t *testing.T) {
		r := kg(t, "", "events", "--store", store, "--limit", "2", "--format", "tsv")
		if n := strings.Count(r.stdout, "\n"); n != 3 {
			t.Errorf("%d lines, want a header and 2 events", n)
		}
		if !strings.Contains(r.stderr, "showing 2 of ") || !strings.Contains(r.stderr, "--limit 0 shows all") {
			t.Errorf("stderr %q does not say the limit cut the events", r.stderr)
		}
		all := kg(t, "", "events", "--store", store, "--limit", "0", "--format", "tsv")
		if all.stderr != "" {
			t.Errorf("--limit 0: stderr %q", all.stderr)
		}
		if n := strings.Count(all.stdout, "\n"); n < 40 {
			t.Errorf("--limit 0: %d lines", n)
		}
	})
	t.Run("a misspelled name suggests the nearest", func(t *testing.T) {
		r := kg(t, "", "events", "--store", store, "--actor", "Vladimir Putn")
		if r.code != 1 || !strings.Contains(r.stderr, `no actor is called "Vladimir Putn"; did you mean "Vladimir Putin"?`) {
			t.Errorf("exit %d, %q", r.code, r.stderr)
		}
	})
	t.Run("root, dates and sort", func(t *testing.T) {
		rows := jsonRows(t, kg(t, "", "events", "--store", store, "--root", "04", "--from", "2017-05", "--to", "2017-05",
			"--sort", "sources", "--format", "json", "--limit", "0"))
		if len(rows) == 0 {
			t.Fatal("no consultations in May 2017")
		}
		last := 1 << 30
		for _, row := range rows {
			if !strings.HasPrefix(row["code"].(string), "04") || !strings.HasPrefix(row["date"].(string), "2017-05") {
				t.Errorf("%v is not a consultation in May 2017", row)
			}
			if n := int(row["sources"].(float64)); n > last {
				t.Errorf("not sorted by sources")
			} else {
				last = n
			}
		}
	})
	for _, args := range [][]string{
		{"--root", "4"}, {"--code", "999"}, {"--from", "May 2017"}, {"--sort", "actor"}, {"--format", "xml"}, {"--limit", "-1"},
	} {
		if r := kg(t, "", append([]string{"events", "--store", store}, args...)...); r.code != 2 {
			t.Errorf("events %v: exit %d, want 2 (usage); %s", args, r.code, r.stderr)
		}
	}
}

func TestActorsCommand(t *testing.T) {
	store := seedStore(t)
	rows := jsonRows(t, kg(t, "", "actors", "--store", store, "--format", "json", "--limit", "3"))
	if len(rows) != 3 || rows[0]["actor"] != "Donald Trump" || rows[0]["events"].(float64) < 20 {
		t.Errorf("top actors: %v", rows)
	}
	rows = jsonRows(t, kg(t, "", "actors", "--store", store, "putin", "--format", "json"))
	if len(rows) == 0 || rows[0]["actor"] != "Vladimir Putin" || rows[0]["iri"] != "https://w3id.org/kg/id/actor/Vladimir_Putin" {
		t.Errorf("search putin: %v", rows)
	}
	rows = jsonRows(t, kg(t, "", "actors", "--store", store, "--with", "Vladimir Putin", "--format", "json"))
	if len(rows) == 0 || rows[0]["actor"] != "Donald Trump" {
		t.Errorf("whom Putin dealt with: %v", rows)
	}
	if r := kg(t, "", "actors", "--store", store, "Trumq"); r.code != 1 || !strings.Contains(r.stderr, `did you mean "Donald Trump"`) {
		t.Errorf("unknown name: exit %d, %q", r.code, r.stderr)
	}
}

func TestStatsFormats(t *testing.T) {
	store := seedStore(t)
	r := kg(t, "", "stats", "--store", store, "--format", "tsv", "--top", "1")
	if headerOf(r.stdout) != "table\tkey\tlabel\tn" || !strings.Contains(r.stdout, "total\tevents\t\t") {
		t.Errorf("tsv:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "showing 1 of ") {
		t.Errorf("--top 1 cut the tables without saying so: %q", r.stderr)
	}
}

// kg query: columns in the order the query tags them, no id column that
// repeats a tag, every format, newlines kept on one line.
func TestQueryOutput(t *testing.T) {
	store := seedStore(t)
	q := `g.V(actor("Donald_Trump")).In("kg:actor").Tag("event").Out("kg:target").Tag("target").Back("event").Out("kg:action").Tag("action").All()`
	r := kg(t, "", "query", "--store", store, "--format", "tsv", q)
	if got := headerOf(r.stdout); got != "event\ttarget\taction" {
		t.Errorf("columns %q, want the tags in query order", got)
	}
	r = kg(t, "", "query", "--store", store, "--format", "csv", `g.V(actor("Donald_Trump")).In("kg:actor").Tag("event").Out("kg:target").All()`)
	if got := headerOf(r.stdout); got != "event,id" {
		t.Errorf("columns %q: the path's end is not tagged, so id stays", got)
	}
	rows := jsonRows(t, kg(t, "", "query", "--store", store, "--format", "json", `events().Count()`))
	if len(rows) != 1 || rows[0]["result"].(float64) < 40 {
		t.Errorf("count: %v", rows)
	}
	// evidence with a line break (loaded): one line per row in every text format
	dir := t.TempDir()
	st := filepath.Join(dir, "db")
	nq := writeFile(t, dir, "x.nq", `<https://w3id.org/kg/id/event/x> <https://w3id.org/kg/ns#evidence> "line one\nline\ttwo" .`+"\n")
	if r := kg(t, "", "load", "--store", st, "-q", nq); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, f := range []string{"table", "tsv"} {
		r := kg(t, "", "query", "--store", st, "--format", f, `g.V("event:x").Out("kg:evidence").Tag("e").All()`)
		if n := strings.Count(strings.TrimSpace(r.stdout), "\n"); n != 1+boolToInt(f == "table") {
			t.Errorf("%s: a line break in a value breaks the rows:\n%s", f, r.stdout)
		}
	}
	r = kg(t, "", "query", "--store", store, "--limit", "2", `g.V(actor("Donald_Trump")).In("kg:actor").All()`)
	if !strings.Contains(r.stderr, "showing the first 2 results") {
		t.Errorf("a cut query says nothing: %q", r.stderr)
	}
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
