package ui

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
)

// Warnings from one goroutine and progress from another must not race
// (go test -race) nor tear each other's lines.
func TestPrinterConcurrent(t *testing.T) {
	var buf bytes.Buffer
	p := NewPrinter(&bytes.Buffer{}, &lockedWriter{w: &buf})
	p.term = true // as on a terminal: the status line is drawn
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if g%2 == 0 {
					p.Warnf("file%d-%d: skipped", g, i)
				} else {
					p.Status(fmt.Sprintf("%d articles", i))
				}
			}
		}()
	}
	wg.Wait()
	p.ClearStatus()
	// every warning is one whole line, after a clear of the status line
	for _, line := range strings.Split(buf.String(), "\n") {
		if i := strings.Index(line, "kg: warning:"); i >= 0 && !strings.HasSuffix(line, ": skipped") {
			t.Fatalf("torn warning line %q", line)
		}
	}
	if n := strings.Count(buf.String(), "kg: warning: file"); n != 200 {
		t.Errorf("%d warnings printed, want 200", n)
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func TestPrinterLevels(t *testing.T) {
	var out, errb bytes.Buffer
	p := NewPrinter(&out, &errb)
	p.Status("not a terminal: not drawn")
	p.Infof("%d articles", 5)
	p.SetQuiet(true)
	p.Infof("hidden")
	p.Block("asked for\n")
	p.Warnf("shown")
	p.Errorf("failed")
	if want := "kg: 5 articles\nasked for\nkg: warning: shown\nkg: failed\n"; errb.String() != want {
		t.Errorf("stderr %q, want %q", errb.String(), want)
	}
	if out.Len() != 0 {
		t.Errorf("messages went to stdout: %q", out.String())
	}
}

var awkward = &Table{
	Columns: []string{"actor", "text"},
	Rows: [][]string{
		{"<https://w3id.org/kg/id/actor/A>", "plain"},
		{"B", "tab\there, \"quoted\", comma,\nnew line \\ backslash"},
	},
}

func TestTableCSV(t *testing.T) {
	var b bytes.Buffer
	if err := awkward.Write(&b, CSV); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := append([][]string{awkward.Columns}, awkward.Rows...)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("CSV read back %q, want %q", got, want)
	}
}

func TestTableTSV(t *testing.T) {
	var b bytes.Buffer
	if err := awkward.Write(&b, TSV); err != nil {
		t.Fatal(err)
	}
	want := "actor\ttext\n" +
		"<https://w3id.org/kg/id/actor/A>\tplain\n" +
		`B` + "\t" + `tab\there, "quoted", comma,\nnew line \\ backslash` + "\n"
	if b.String() != want {
		t.Errorf("TSV\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTableJSON(t *testing.T) {
	var b bytes.Buffer
	if err := awkward.Write(&b, JSON); err != nil {
		t.Fatal(err)
	}
	var got []map[string]string
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(got) != 2 || got[1]["text"] != awkward.Rows[1][1] || got[0]["actor"] != awkward.Rows[0][0] {
		t.Errorf("JSON read back %q", got)
	}
	if !strings.Contains(b.String(), `{"actor": "<https://w3id.org/kg/id/actor/A>", "text": "plain"}`) {
		t.Errorf("keys not in column order, or IRIs escaped:\n%s", b.String())
	}
	b.Reset()
	(&Table{Columns: []string{"x"}}).Write(&b, JSON)
	if b.String() != "[]\n" {
		t.Errorf("no rows: %q, want []", b.String())
	}
}

// Numeric columns are numbers in JSON, when their cells are numbers.
func TestTableJSONNumbers(t *testing.T) {
	var b strings.Builder
	tab := &Table{Columns: []string{"name", "n", "m"}, Rows: [][]string{{"7", "12", "x"}, {"a", "1.5e3", ""}, {"b", "0012", "3"}},
		Numeric: []bool{false, true, true}}
	if err := tab.Write(&b, JSON); err != nil {
		t.Fatal(err)
	}
	want := "[\n  {\"name\": \"7\", \"n\": 12, \"m\": \"x\"},\n  {\"name\": \"a\", \"n\": 1.5e3, \"m\": \"\"},\n  {\"name\": \"b\", \"n\": \"0012\", \"m\": 3}\n]\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTableText(t *testing.T) {
	var b bytes.Buffer
	tab := *awkward
	tab.Short = func(s string) string {
		return strings.TrimPrefix(strings.Trim(s, "<>"), "https://w3id.org/kg/id/actor/")
	}
	tab.MaxWidth = 20
	if err := tab.Write(&b, TableText); err != nil {
		t.Fatal(err)
	}
	want := "ACTOR  TEXT\n" +
		"A      plain\n" +
		"B      tab here, \"quoted\",…\n" +
		"(2 rows)\n"
	if b.String() != want {
		t.Errorf("table\n%s\nwant\n%s", b.String(), want)
	}
}

func TestParseTableFormat(t *testing.T) {
	if f, err := ParseTableFormat("CSV"); err != nil || f != CSV {
		t.Errorf("CSV: %v %v", f, err)
	}
	if _, err := ParseTableFormat("csv", TableText, JSON); err == nil || !strings.Contains(err.Error(), "use table, json") {
		t.Errorf("csv not allowed: %v", err)
	}
}

// #15.9: control characters from article text reached the terminal in
// kg query output: a title could clear the screen.
func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, Köln – 𝄞":  "plain text, Köln – 𝄞",
		"tab\tand\nnewline":     "tab\tand\nnewline",
		"\x1b[2Jcleared":        `\x1b[2Jcleared`,
		"title\x1b]0;pwned\x07": `title\x1b]0;pwned\x07`,
		"over\rwrite":           `over\rwrite`,
		"del\x7f, csi \u009b2J": `del\x7f, csi \x9b2J`,
		"bidi \u202egnp.exe":    `bidi \u202egnp.exe`,
		"bad \xff\x9b byte":     `bad \xff\x9b byte`,
		"":                      "",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrinterEscapesTerminalOutput(t *testing.T) {
	var out, errb strings.Builder
	p := newPrinter(&out, &errb, true, false)
	title := "Evil \x1b[2J title – ok"
	tbl := &Table{Columns: []string{"title"}, Rows: [][]string{{title}}}
	for _, f := range TableFormats {
		out.Reset()
		if err := tbl.Write(p.Stdout(), f); err != nil {
			t.Fatal(err)
		}
		p.Flush()
		// (JSON has its own escape, \u001b)
		if strings.ContainsRune(out.String(), 0x1b) || f != JSON && !strings.Contains(out.String(), `\x1b[2J`) {
			t.Errorf("%s to a terminal: %q", f, out.String())
		}
	}
	// a multi-byte character split between two writes comes out whole
	out.Reset()
	dash := []byte("–")
	p.Stdout().Write(dash[:1])
	p.Stdout().Write(dash[1:])
	p.Flush()
	if out.String() != "–" {
		t.Errorf("split character: %q", out.String())
	}
	// messages: always escaped
	p.Warnf("%s: skipped", "file\x1b[31m.txt")
	if strings.ContainsRune(errb.String(), 0x1b) {
		t.Errorf("warning: %q", errb.String())
	}
	// not a terminal: results are data, left as they are
	out.Reset()
	q := newPrinter(&out, &errb, false, false)
	io.WriteString(q.Stdout(), title)
	if out.String() != title {
		t.Errorf("to a file: %q, want it unchanged", out.String())
	}
}
