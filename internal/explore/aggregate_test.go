package explore

import (
	"reflect"
	"strings"
	"testing"
)

func row(id, date, actor, target, code string) EventRow {
	r := EventRow{ID: id, Date: date, Actor: ActorRef{ID: actor, Label: actor}, Code: code, Sources: 1}
	if target != "" {
		r.Target = &ActorRef{ID: target, Label: target}
	}
	return r
}

func TestTimelineBuckets(t *testing.T) {
	rows := []EventRow{
		row("a", "2017-05-01", "US", "RU", "041"), // a Monday
		row("b", "2017-05-07", "US", "RU", "190"), // the Sunday of the same week
		row("c", "2017-05-08", "RU", "US", "042"),
		row("d", "2017-07-31", "US", "CN", "0871"),
		row("e", "", "US", "", "010"),
	}
	cases := []struct {
		bucket  string
		periods []string
		roots   map[string][]int
	}{
		{"week", []string{"2017-05-01", "2017-05-08", "2017-05-15", "2017-05-22", "2017-05-29", "2017-06-05", "2017-06-12",
			"2017-06-19", "2017-06-26", "2017-07-03", "2017-07-10", "2017-07-17", "2017-07-24", "2017-07-31"},
			map[string][]int{"04": {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "08": {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, "19": {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}},
		{"month", []string{"2017-05", "2017-06", "2017-07"}, map[string][]int{"04": {2, 0, 0}, "08": {0, 0, 1}, "19": {1, 0, 0}}},
		{"year", []string{"2017"}, map[string][]int{"04": {2}, "08": {1}, "19": {1}}},
		{"auto", nil, nil}, // 91 days: weeks
	}
	for _, c := range cases {
		t.Run(c.bucket, func(t *testing.T) {
			tl, err := timeline(rows, c.bucket)
			if err != nil {
				t.Fatal(err)
			}
			if tl.Undated != 1 || tl.Events != 5 {
				t.Errorf("undated %d of %d, want 1 of 5", tl.Undated, tl.Events)
			}
			if c.bucket == "auto" {
				if tl.Bucket != "week" {
					t.Errorf("auto bucket for 91 days: %s, want week", tl.Bucket)
				}
				return
			}
			if !reflect.DeepEqual(tl.Periods, c.periods) {
				t.Errorf("periods %v\nwant %v", tl.Periods, c.periods)
			}
			got := map[string][]int{}
			for _, s := range tl.Series {
				got[s.Code] = s.Counts
			}
			if !reflect.DeepEqual(got, c.roots) {
				t.Errorf("series %v\nwant %v", got, c.roots)
			}
		})
	}
	t.Run("too many periods", func(t *testing.T) {
		_, err := timeline([]EventRow{row("a", "1900-01-01", "x", "", "01"), row("b", "2000-01-01", "x", "", "01")}, "day")
		if err == nil || !strings.Contains(err.Error(), "larger bucket") {
			t.Errorf("a century by day: %v, want a bad request", err)
		}
	})
	t.Run("nothing dated", func(t *testing.T) {
		tl, err := timeline([]EventRow{row("a", "", "x", "", "01")}, "auto")
		if err != nil || len(tl.Periods) != 0 || tl.Series == nil {
			t.Errorf("%+v, %v: want no periods and an empty (not null) series", tl, err)
		}
	})
}

func TestEgoNetwork(t *testing.T) {
	rows := []EventRow{
		row("1", "2017-05-01", "US", "RU", "041"),  // verbal cooperation, Goldstein 1
		row("2", "2017-05-02", "US", "RU", "190"),  // material conflict, −10
		row("3", "2017-05-03", "RU", "US", "111"),  // verbal conflict, −2
		row("4", "2017-05-03", "US", "CN", "0871"), // material cooperation
		row("5", "2017-05-04", "US", "", "010"),    // no target
		row("6", "2017-05-05", "FR", "US", "040"),
		row("7", "2017-05-06", "US", "US", "040"), // with itself: not an edge
	}
	us := Actor{ActorRef: ActorRef{ID: "US", Label: "US"}}
	n := egoNetwork(us, rows, 2)
	if n.NoTarget != 2 || n.Omitted != 1 || n.Events != 7 {
		t.Errorf("no target %d, omitted %d, events %d; want 2, 1, 7", n.NoTarget, n.Omitted, n.Events)
	}
	var ids []string
	for _, node := range n.Nodes {
		ids = append(ids, node.ID)
	}
	// RU (3 events), then CN and FR (1 each) by id: CN kept, FR omitted
	if !reflect.DeepEqual(ids, []string{"US", "RU", "CN"}) || !n.Nodes[0].Ego || n.Nodes[0].Events != 4 {
		t.Errorf("nodes %v (ego events %d), want US (4), RU, CN", ids, n.Nodes[0].Events)
	}
	edges := map[string]Edge{}
	for _, e := range n.Edges {
		edges[e.Source+">"+e.Target] = e
	}
	if len(edges) != 3 {
		t.Errorf("edges %v, want US>RU, RU>US, US>CN (FR dropped with its node)", n.Edges)
	}
	e := edges["US>RU"]
	if e.Events != 2 || e.QuadClass != [4]int{1, 0, 0, 1} || e.Goldstein == nil || *e.Goldstein != -4.5 {
		t.Errorf("US>RU: %+v, want 2 events, quad classes [1 0 0 1], mean Goldstein −4.5", e)
	}
	if e := edges["RU>US"]; e.QuadClass != [4]int{0, 0, 1, 0} {
		t.Errorf("RU>US quad classes %v, want verbal conflict", e.QuadClass)
	}
}

func TestMarkParties(t *testing.T) {
	cases := []struct {
		text    string
		parties map[string][]string
		want    []Segment
	}{
		{"U.S. President Donald Trump and Russian President Vladimir Putin spoke.",
			map[string][]string{"actor": {"Donald Trump", "Trump"}, "target": {"Vladimir Putin", "Putin"}},
			[]Segment{{"U.S. President ", ""}, {"Donald Trump", "actor"}, {" and Russian President ", ""}, {"Vladimir Putin", "target"}, {" spoke.", ""}}},
		// whole words only, any case
		{"Trumpet players met TRUMP.", map[string][]string{"actor": {"Trump"}},
			[]Segment{{"Trumpet players met ", ""}, {"TRUMP", "actor"}, {".", ""}}},
		// the longer name wins where two overlap
		{"The United States and the US", map[string][]string{"actor": {"US", "United States"}, "target": {"States"}},
			[]Segment{{"The ", ""}, {"United States", "actor"}, {" and the ", ""}, {"US", "actor"}}},
		// lower-casing that changes byte lengths (İ) keeps offsets right
		{"İstanbul hosted Erdoğan", map[string][]string{"target": {"erdoğan"}},
			[]Segment{{"İstanbul hosted ", ""}, {"Erdoğan", "target"}}},
		{"The two leaders spoke.", map[string][]string{"actor": {"Trump"}}, []Segment{{"The two leaders spoke.", ""}}},
		{"", map[string][]string{"actor": {"Trump"}}, []Segment{}},
	}
	for _, c := range cases {
		got := markParties(c.text, c.parties)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

// Whatever the text and names, the segments are the text, cut.
func FuzzMarkParties(f *testing.F) {
	f.Add("U.S. President Donald Trump met Putin.", "Trump", "putin")
	f.Add("İİİ ß ﬁ \xff x", "i̇", "SS")
	f.Fuzz(func(t *testing.T, text, a, b string) {
		var sb strings.Builder
		for _, s := range markParties(text, map[string][]string{"actor": {a}, "target": {b}}) {
			if s.Text == "" {
				t.Fatalf("empty segment in %q", text)
			}
			sb.WriteString(s.Text)
		}
		if sb.String() != text {
			t.Fatalf("segments %q, text %q", sb.String(), text)
		}
	})
}
