package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kg/internal/testenv"
)

// Shared test inputs that live outside the repository (research licence:
// read from tests only, never copied in). Tests that need them skip when
// they are absent.
const (
	newsPath     = "../../../shared/corpora/news.jsonl"
	seedsTSVPath = "../../../shared/eval/seeds.articles.tsv"
	seedsDir     = "../../corpus"
)

// bodyTexts returns the text of each body span.
func bodyTexts(a *Article) []string {
	var out []string
	for _, sp := range a.Body {
		out = append(out, a.Text[sp.Start:sp.End])
	}
	return out
}

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name                     string
		raw                      string
		title, publisher, issued string
		body                     []string // exact body span texts; nil: not checked
		bodyHas, bodyNot         []string // substrings the body must (not) contain
		id                       string   // "" means "x.txt"
	}{
		{
			name: "plain text without headline",
			raw: "The minister met his counterpart in Cairo on Monday and discussed the border dispute at length.\n" +
				"Both sides said the talks were useful.",
			body: []string{
				"The minister met his counterpart in Cairo on Monday and discussed the border dispute at length.",
				"Both sides said the talks were useful.",
			},
		},
		{
			name: "headline, publisher line, posted date, byline, dateline, credits",
			raw: "Ministers agree to reopen border crossing\n\nReuters News\nPosted: Mar 14, 2019 10:05 AM\n\n" +
				"By Jane Roe and John Doe\n\n" +
				"CAIRO (Reuters) - Egypt and Sudan agreed on Thursday to reopen a border crossing.\n\n" +
				"(Reporting by Jane Roe; Editing by John Doe)\n",
			title: "Ministers agree to reopen border crossing", publisher: "Reuters", issued: "2019-03-14",
			body: []string{"Egypt and Sudan agreed on Thursday to reopen a border crossing."},
		},
		{
			name: "mixed-case dateline with an outlet in parentheses; updated line with a time",
			raw: "Leaders meet in Vienna\nUpdated 3:45 PM ET, Mon May 15, 2017\n\n" +
				"Vienna (CNN) The two leaders met on Monday.\n",
			title: "Leaders meet in Vienna", publisher: "CNN", issued: "2017-05-15",
			body: []string{"The two leaders met on Monday."},
		},
		{
			name:  "headline directly above a dateline",
			raw:   "Ministers agree on border talks\nNAIROBI, Dec 28 (Reuters) - Kenya and Somalia agreed to hold talks.\n",
			title: "Ministers agree on border talks", publisher: "Reuters",
			body: []string{"Kenya and Somalia agreed to hold talks."},
		},
		{
			name:  "the AP wire's underscore after a dateline",
			raw:   "Ministers agree on border talks\nNAIROBI, Kenya (AP)_ Kenya and Somalia agreed to hold talks.\n",
			title: "Ministers agree on border talks", publisher: "AP",
			body: []string{"Kenya and Somalia agreed to hold talks."},
		},
		{
			name: "page date above the headline is not the publication date; the one below is",
			raw: "Mardi, 5 Mars 2019\nLatest news\nHome » Ministers agree to talks\n\nMinisters agree to talks\n\n" +
				"12 Mars 2019\n\nThe two governments said they would meet again next month.\n\nMinisters agree to talks",
			title: "Ministers agree to talks", issued: "2019-03-12",
			body: []string{"The two governments said they would meet again next month."},
		},
		{
			name:  "page date alone is not the publication date",
			raw:   "Mardi, 5 Mars 2019\n\nMinisters agree to talks\n\nThe two governments said they would meet again next month.\n",
			title: "Ministers agree to talks",
			body:  []string{"The two governments said they would meet again next month."},
		},
		{
			name: "print edition names publisher and date; agency credits do not",
			raw: "Leaders pledge to cut tariffs\n\n" +
				"Leaders of both countries shake hands in the capital on Friday (June 1). PHOTOS: AFP, EPA\n\n" +
				"SINGAPORE • Leaders of the two countries pledged on Friday to cut tariffs on farm goods.\n\n" +
				"AFP, REUTERS\n\n" +
				"A version of this article appeared in the print edition of The Daily Courier on June 08, 2018, with the headline Leaders pledge to cut tariffs. Subscribe",
			title: "Leaders pledge to cut tariffs", publisher: "The Daily Courier", issued: "2018-06-08",
			body: []string{
				"Leaders of both countries shake hands in the capital on Friday (June 1).",
				"Leaders of the two countries pledged on Friday to cut tariffs on farm goods.",
			},
		},
		{
			name: "comment form ends the article",
			raw: "Envoys meet in Geneva\n\nThe envoys met in Geneva on Friday to discuss the truce.\n\n\n\nLeave a Reply\n\n" +
				"Fill in your details below or click an icon to log in: Logo\n\n" +
				"You are commenting using your Twitter account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)\n\nTwitter picture\n\nConnecting to %s",
			title: "Envoys meet in Geneva",
			body:  []string{"The envoys met in Geneva on Friday to discuss the truce."},
		},
		{
			name:  "a comment counter under the headline does not end the article",
			raw:   "Envoys meet in Geneva\n\n3 Comments\n\nThe envoys met in Geneva on Friday to discuss the truce.\n",
			title: "Envoys meet in Geneva",
			body:  []string{"The envoys met in Geneva on Friday to discuss the truce."},
		},
		{
			name: "comment form lines are dropped anywhere",
			raw: "The envoys met in Geneva on Friday to discuss the truce.\n\nGoogle+ photo\n\n" +
				"You are commenting using your Google+ account. Log Out / Change )\n\nFacebook photo\n\nConnecting to %s",
			body: []string{"The envoys met in Geneva on Friday to discuss the truce."},
		},
		{
			name: "boilerplate: share, subscribe, telegram, advertisement, copyright",
			raw: "Share this article\n\nThe parliament passed the budget on Tuesday after a long debate.\n\nAdvertisement\n\n" +
				"Join our Telegram channel for the latest news.\n\nSubscribe to our newsletter\n\n© 2019 Example Media",
			body: []string{"The parliament passed the budget on Tuesday after a long debate."},
		},
		{
			name:  "header block",
			raw:   "ID: x-1\nDATE: 2005-11-02T10:00\nOUTLET: Xinhua\nTITLE: Talks resume\n\nTalks resumed on Wednesday.\n",
			id:    "x-1",
			title: "Talks resume", publisher: "Xinhua", issued: "2005-11-02",
			body: []string{"Talks resumed on Wednesday."},
		},
		{
			name: "header block with empty title: no title is guessed",
			raw:  "ID: x-2\nTITLE: \n\nShort line without period\n\nTalks resumed on Wednesday.\n",
			id:   "x-2",
			body: []string{"Short line without period", "Talks resumed on Wednesday."},
		},
		{
			name: "a capitalised first word with a colon is not a header",
			raw:  "WASHINGTON: The talks resumed on Monday.\n\nBoth sides were hopeful.\n",
			body: []string{"WASHINGTON: The talks resumed on Monday.", "Both sides were hopeful."},
		},
		{
			name:  "BOM and CRLF",
			raw:   "\uFEFFTalks to resume soon\r\n\r\nThe talks will resume on Monday.\r\nBoth sides agreed.\r",
			title: "Talks to resume soon",
			body:  []string{"The talks will resume on Monday.", "Both sides agreed."},
		},
		{
			name: "hard-wrapped text keeps paragraphs together",
			raw: "The central bank said it would cut its\ndiscount rate by half a point, effective\ntomorrow, to help the economy.\n" +
				"    Analysts said the move had been expected\nfor some weeks.\n",
			body: []string{
				"The central bank said it would cut its\ndiscount rate by half a point, effective\ntomorrow, to help the economy.",
				"Analysts said the move had been expected\nfor some weeks.",
			},
		},
		{
			name:      "agency prefix",
			raw:       "AP - A storm hit the coast on Friday, officials said.",
			publisher: "AP",
			body:      []string{"A storm hit the coast on Friday, officials said."},
		},
		{
			name:   "dated dateline",
			raw:    "KUALA LUMPUR, April 1 , 1997 (AFP) - Share prices fell on Tuesday, dealers said.",
			issued: "1997-04-01", publisher: "AFP",
			body: []string{"Share prices fell on Tuesday, dealers said."},
		},
		{
			name:    "invalid UTF-8 is replaced",
			raw:     "The talks \xffresumed on Monday.",
			bodyHas: []string{"\uFFFDresumed"},
		},
		{
			name:    "a caption's weekday date is not the publication date",
			raw:     "Leaders talk by phone\n\nThe leaders spoke by phone on Tuesday (May 2). PHOTO: REUTERS\n\nThe call lasted an hour.\n",
			title:   "Leaders talk by phone",
			bodyNot: []string{"PHOTO"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ParseArticle("x.txt", "x.txt", 0, tt.raw)
			wantID := tt.id
			if wantID == "" {
				wantID = "x.txt"
			}
			if a.ID != wantID {
				t.Errorf("ID = %q, want %q", a.ID, wantID)
			}
			if a.Title != tt.title || a.Publisher != tt.publisher || a.Issued != tt.issued {
				t.Errorf("metadata = (%q, %q, %q), want (%q, %q, %q)", a.Title, a.Publisher, a.Issued, tt.title, tt.publisher, tt.issued)
			}
			got := bodyTexts(a)
			if tt.body != nil && fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.body) {
				t.Errorf("body =\n%q\nwant\n%q", got, tt.body)
			}
			all := strings.Join(got, "\n")
			for _, s := range tt.bodyHas {
				if !strings.Contains(all, s) {
					t.Errorf("body lacks %q: %q", s, got)
				}
			}
			for _, s := range tt.bodyNot {
				if strings.Contains(all, s) {
					t.Errorf("body has %q: %q", s, got)
				}
			}
			checkArticle(t, a)
		})
	}
}

func TestParseRecord(t *testing.T) {
	tests := []struct {
		name                     string
		line                     string
		id                       string
		title, publisher, issued string
		err                      error // errors.Is target; nil: success
		errText                  string
	}{
		{
			name: "all fields",
			line: `{"id": "r-1", "outlet": "Reuters", "date": "1987-02-26T15:01:01", "title": "COCOA REVIEW", "text": "Showers continued."}`,
			id:   "r-1", title: "COCOA REVIEW", publisher: "Reuters", issued: "1987-02-26",
		},
		{
			name: "year range is not a day date",
			line: `{"id": "b-1", "outlet": "BBC News", "date": "2004/2005", "title": "T", "text": "Text."}`,
			id:   "b-1", title: "T", publisher: "BBC News",
		},
		{
			name: "odd timestamp",
			line: `{"id": "r-2", "date": "31-MAR-1987 605:12:19.12", "text": "Text."}`,
			id:   "r-2", issued: "1987-03-31",
		},
		{
			name: "numeric id, no date, publisher from the text",
			line: `{"id": 7, "outlet": "", "date": "", "title": "", "text": "AP - A storm hit the coast."}`,
			id:   "7", publisher: "AP",
		},
		{
			name: "no id",
			line: `{"text": "Text."}`,
			id:   "f.jsonl:3",
		},
		{
			name: "empty title field: no title guessed",
			line: `{"id": "t", "title": "", "text": "Looks like a headline\n\nBody text."}`,
			id:   "t",
		},
		{
			name: "dateline field as fallback date",
			line: `{"id": "d", "dateline": "KUALA LUMPUR, April 1 , 1997 (AFP)", "text": "Text."}`,
			id:   "d", issued: "1997-04-01",
		},
		{name: "invalid JSON", line: `{"id": "x", "text": `, errText: "f.jsonl:3: unexpected end of JSON input"},
		{name: "no text", line: `{"id": "x"}`, err: ErrNoText, errText: `f.jsonl:3: JSON record has no "text"`},
		{name: "blank text", line: `{"id": "x", "text": "  \n"}`, err: ErrEmpty},
		{name: "wrong type", line: `{"id": "x", "text": 5}`, errText: "f.jsonl:3: json: cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseRecord("f.jsonl", 3, []byte(tt.line))
			if tt.err != nil || tt.errText != "" {
				if err == nil {
					t.Fatalf("no error, want %v / %q", tt.err, tt.errText)
				}
				var ie *InputError
				if !errors.As(err, &ie) || ie.Path != "f.jsonl" || ie.Line != 3 {
					t.Errorf("error %v is not an InputError for f.jsonl:3", err)
				}
				if tt.err != nil && !errors.Is(err, tt.err) {
					t.Errorf("error %v is not %v", err, tt.err)
				}
				if !strings.HasPrefix(err.Error(), tt.errText) {
					t.Errorf("error %q, want prefix %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != tt.id || a.Title != tt.title || a.Publisher != tt.publisher || a.Issued != tt.issued {
				t.Errorf("got (%q, %q, %q, %q), want (%q, %q, %q, %q)", a.ID, a.Title, a.Publisher, a.Issued, tt.id, tt.title, tt.publisher, tt.issued)
			}
			if a.Path != "f.jsonl" || a.Line != 3 {
				t.Errorf("position %s:%d", a.Path, a.Line)
			}
			checkArticle(t, a)
		})
	}
}

func TestInputError(t *testing.T) {
	e := &InputError{Path: "a.jsonl", Line: 4, Err: ErrNoText}
	if got, want := e.Error(), `a.jsonl:4: JSON record has no "text"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &InputError{Path: "b.txt", Err: ErrEmpty}
	if got, want := e.Error(), "b.txt: empty article"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, ErrEmpty) {
		t.Error("Unwrap does not reach the cause")
	}
}

// collect reads path and returns the articles and warnings.
func collect(t *testing.T, path string) ([]*Article, []string, error) {
	t.Helper()
	var arts []*Article
	var warns []string
	err := ReadPath(path, ReadOptions{Warn: func(err error) { warns = append(warns, err.Error()) }}, func(a *Article) error {
		arts = append(arts, a)
		return nil
	})
	return arts, warns, err
}

func TestReadPathTestdata(t *testing.T) {
	dir := filepath.Join("testdata", "articles")
	arts, warns, err := collect(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %q", warns)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, fmt.Sprintf("%s@%s:%d", a.ID, filepath.ToSlash(a.Path), a.Line))
		checkArticle(t, a)
	}
	// Sorted by path, hidden files and directories and .md skipped; JSONL
	// records in line order with their line numbers (line 3 is blank).
	want := []string{
		"a_web.txt@testdata/articles/a_web.txt:0",
		"sample-b@testdata/articles/b_header.txt:0",
		"c-1@testdata/articles/sub/c.jsonl:1",
		"42@testdata/articles/sub/c.jsonl:2",
		"c.jsonl:4@testdata/articles/sub/c.jsonl:4",
	}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("articles\n%q\nwant\n%q", ids, want)
	}
	a := arts[0]
	if a.Title != "Ministers agree to reopen river crossing" || a.Publisher != "Reuters" || a.Issued != "2019-03-14" {
		t.Errorf("a_web.txt metadata (%q, %q, %q)", a.Title, a.Publisher, a.Issued)
	}
	if b := arts[1]; b.Title != "Talks resume after pause" || b.Publisher != "Example Daily" || b.Issued != "2005-11-02" {
		t.Errorf("b_header.txt metadata (%q, %q, %q)", b.Title, b.Publisher, b.Issued)
	}

	// A single file is read whatever its extension.
	arts, _, err = collect(t, filepath.Join(dir, "sub", "c.jsonl"))
	if err != nil || len(arts) != 3 {
		t.Errorf("single JSONL file: %d articles, %v", len(arts), err)
	}
}

func TestReadPathErrors(t *testing.T) {
	t.Run("missing path", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "nope")
		_, _, err := collect(t, p)
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), p) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("directory without articles", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "notes.md"), []byte("x"), 0o644)
		_, _, err := collect(t, dir)
		if !errors.Is(err, ErrNoArticles) || err.Error() != "no articles (.txt, .jsonl) under "+dir {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("bad articles warn and are skipped", func(t *testing.T) {
		dir := t.TempDir()
		files := map[string]string{
			"1_empty.txt":   " \n\n",
			"2_binary.txt":  "abc\x00def",
			"3_badutf8.txt": "The talks \xff\xfe resumed on Monday.",
			"4_good.txt":    "The talks resumed on Monday.",
			"5_lines.jsonl": "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{not json}\n{\"id\": \"nt\"}\n\n{\"id\": \"u\", \"text\": \"bad \xff byte\"}\r\n",
		}
		for name, s := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		arts, warns, err := collect(t, dir)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range arts {
			ids = append(ids, a.ID)
			checkArticle(t, a)
		}
		if got, want := fmt.Sprint(ids), "[3_badutf8.txt 4_good.txt ok u]"; got != want {
			t.Errorf("articles %s, want %s", got, want)
		}
		wantWarn := []string{
			filepath.Join(dir, "1_empty.txt") + ": empty article",
			filepath.Join(dir, "2_binary.txt") + ": binary data",
			filepath.Join(dir, "3_badutf8.txt") + ": invalid UTF-8",
			filepath.Join(dir, "5_lines.jsonl") + ":2: invalid character",
			filepath.Join(dir, "5_lines.jsonl") + ":3: JSON record has no \"text\"",
			filepath.Join(dir, "5_lines.jsonl") + ":5: invalid UTF-8",
		}
		if len(warns) != len(wantWarn) {
			t.Fatalf("warnings\n%q\nwant\n%q", warns, wantWarn)
		}
		for i := range warns {
			if !strings.HasPrefix(warns[i], wantWarn[i]) {
				t.Errorf("warning %d = %q, want prefix %q", i, warns[i], wantWarn[i])
			}
		}
		if !strings.Contains(arts[0].Text, "\uFFFD") || !strings.Contains(arts[3].Text, "\uFFFD") {
			t.Errorf("invalid bytes not replaced: %q, %q", arts[0].Text, arts[3].Text)
		}
	})
	t.Run("callback error stops reading", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := ReadPath(filepath.Join("testdata", "articles"), ReadOptions{}, func(*Article) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("err = %v after %d articles", err, n)
		}
	})
}

// TestReadPathLongLine reads a JSONL line far beyond bufio.Scanner's 64 KB
// limit: a 16 MB single article, 200 MB (as users' scrapes can produce)
// with KG_LONG_TESTS=1. KG_LONG_LINE_MB sets another size; -short uses 2 MB.
func TestReadPathLongLine(t *testing.T) {
	mb := 16
	if testenv.IsLong() {
		mb = 200
	}
	if s := os.Getenv("KG_LONG_LINE_MB"); s != "" {
		fmt.Sscan(s, &mb)
	}
	if testing.Short() {
		mb = 2
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	sentence := "The delegates met again on Monday and agreed to continue the talks. "
	fmt.Fprint(w, `{"id": "big", "text": "`)
	n := mb << 20 / len(sentence)
	for range n {
		w.WriteString(sentence)
	}
	fmt.Fprint(w, "\"}\n{\"id\": \"small\", \"text\": \"After.\"}\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	arts, warns, err := collect(t, p)
	if err != nil || len(warns) > 0 || len(arts) != 2 {
		t.Fatalf("%d articles, warnings %q, err %v", len(arts), warns, err)
	}
	if got := len(arts[0].Text); got != n*len(sentence) {
		t.Errorf("text length %d, want %d", got, n*len(sentence))
	}
	if arts[1].Line != 2 {
		t.Errorf("second record on line %d", arts[1].Line)
	}
	t.Logf("%d MB line read and parsed in %v", mb, time.Since(start))
}

// TestSeedsMetadata checks the metadata found for the seed articles against
// the evaluation's expectations (a quality check: the rules are general, not
// seed-specific). Values are compared like the scorer does.
func TestSeedsMetadata(t *testing.T) {
	tsv, err := os.ReadFile(seedsTSVPath)
	if err != nil {
		t.Skip("no seed metadata:", err)
	}
	norm := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
		return strings.ToLower(collapseSpace(s))
	}
	for i, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 4 {
			continue
		}
		t.Run(f[0], func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(seedsDir, f[0]))
			if err != nil {
				t.Skip(err)
			}
			a := ParseArticle(f[0], f[0], 0, string(raw))
			for j, got := range []string{a.Title, a.Publisher, a.Issued} {
				want := f[j+1]
				field := []string{"title", "publisher", "issued"}[j]
				if want == "-" {
					if got != "" {
						t.Errorf("%s = %q, want none", field, got)
					}
					continue
				}
				ok := false
				for _, alt := range strings.Split(want, "|") {
					ok = ok || norm(alt) == norm(got)
				}
				if !ok {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			if len(Sentences(a)) == 0 {
				t.Error("no sentences")
			}
			checkArticle(t, a)
		})
	}
}

// newsLines returns the raw JSON lines of news.jsonl, or skips.
func newsLines(tb testing.TB) [][]byte {
	tb.Helper()
	if _, err := os.Stat(newsPath); err != nil {
		tb.Skip("no news corpus:", err)
	}
	raw, err := os.ReadFile(newsPath)
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
}

// readNews returns up to n articles of news.jsonl (all when n <= 0), or
// skips the test when the corpus is absent.
func readNews(tb testing.TB, n int) []*Article {
	tb.Helper()
	if _, err := os.Stat(newsPath); err != nil {
		tb.Skip("no news corpus:", err)
	}
	var arts []*Article
	errEnough := errors.New("enough")
	err := ReadPath(newsPath, ReadOptions{Warn: func(err error) { tb.Error(err) }}, func(a *Article) error {
		arts = append(arts, a)
		if n > 0 && len(arts) >= n {
			return errEnough
		}
		return nil
	})
	if err != nil && err != errEnough {
		tb.Fatal(err)
	}
	return arts
}

// TestNewsCorpus runs the reader, splitter and date finder over real
// articles: no panics, sentences for every article, offsets in range and on
// character boundaries.
func TestNewsCorpus(t *testing.T) {
	arts := readNews(t, 2000)
	sentences, dated := 0, 0
	for _, a := range arts {
		checkArticle(t, a)
		ss := Sentences(a)
		if strings.TrimSpace(a.Text) != "" && len(ss) == 0 {
			t.Errorf("%s: no sentences", a.ID)
		}
		sentences += len(ss)
		for _, s := range ss {
			for _, d := range FindDates(s, a.Issued) {
				dated++
				if d.Start < s.Start || d.End > s.End || a.Text[d.Start:d.End] != d.Text {
					t.Errorf("%s: date mention %+v outside sentence %+v", a.ID, d, s.Span)
				}
				if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
					t.Errorf("%s: date %q", a.ID, d.Date)
				}
			}
		}
	}
	t.Logf("%d articles, %d sentences, %d date mentions", len(arts), sentences, dated)
}

// checkArticle checks the invariants of an Article: valid UTF-8 text in
// normal form, body spans and sentences ordered, in range, on rune
// boundaries and trimmed.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, '\r') || strings.HasPrefix(a.Text, "\uFEFF") {
		t.Errorf("%s: text not normalised", a.ID)
	}
	checkSpans := func(kind string, spans []Span) {
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.Empty() || sp.End > len(a.Text) {
				t.Errorf("%s: %s span %+v out of order or range (prev end %d, len %d)", a.ID, kind, sp, prev, len(a.Text))
				return
			}
			if !boundary(a.Text, sp.Start) || !boundary(a.Text, sp.End) {
				t.Errorf("%s: %s span %+v not on a rune boundary", a.ID, kind, sp)
			}
			if trimSpan(a.Text, sp) != sp {
				t.Errorf("%s: %s span %+v not trimmed: %q", a.ID, kind, sp, a.Text[sp.Start:sp.End])
			}
			prev = sp.End
		}
	}
	checkSpans("body", a.Body)
	ss := Sentences(a)
	var spans []Span
	for _, s := range ss {
		spans = append(spans, s.Span)
		if s.Start >= 0 && s.End <= len(a.Text) && s.Start <= s.End && a.Text[s.Start:s.End] != s.Text {
			t.Errorf("%s: sentence text %q is not Text[%d:%d]", a.ID, s.Text, s.Start, s.End)
		}
	}
	checkSpans("sentence", spans)
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// BenchmarkParseRecord measures reading metadata and body of news.jsonl
// records (JSON decoding included).
func BenchmarkParseRecord(b *testing.B) {
	lines := newsLines(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i, l := range lines {
			if _, err := ParseRecord(newsPath, i+1, l); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzParseArticle checks that any input gives a well-formed Article and
// sentences: `go test -fuzz FuzzParseArticle ./internal/extract/`.
func FuzzParseArticle(f *testing.F) {
	for _, s := range []string{
		"",
		"Headline here\n\nBy A B\n\nCAIRO (Reuters) - Text. More text.\n",
		"ID: x\nTITLE: t\n\nBody.",
		"Mardi, 5 Mars 2019\nLatest news\nHome » X\n\nX\n\n12 Mars 2019\n\nBody text here.\n\nX",
		"a\r\nb\rc\n\n\xff\xfe",
		"The central bank said it would cut its\ndiscount rate by half a point, effective\n    tomorrow.",
		"U.S. \"Mr. H. R. X.\" … ” ’ » \u00a0\u200b.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a := ParseArticle("f.txt", "f.txt", 0, raw)
		checkArticle(t, a)
		for _, s := range Sentences(a) {
			for _, d := range FindDates(s, "2019-03-14") {
				if d.Start < s.Start || d.End > s.End {
					t.Errorf("date %+v outside sentence %+v", d.Span, s.Span)
				}
			}
		}
	})
}

// "-" reads standard input: JSON lines when it starts with "{", else one
// text article named "stdin".
func TestReadStdin(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ids      []string
		err      error
	}{
		{"jsonl", "\n {\"id\": \"a\", \"text\": \"France condemned Iran.\"}\n{\"id\": \"b\", \"text\": \"Iran met France.\"}\n", []string{"a", "b"}, nil},
		{"text", "France condemned Iran on Monday.\n", []string{"stdin"}, nil},
		{"empty", "", nil, ErrNoArticles},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			err := ReadPath("-", ReadOptions{Stdin: strings.NewReader(tc.in)}, func(a *Article) error {
				ids = append(ids, a.ID)
				return nil
			})
			if !errors.Is(err, tc.err) || strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
				t.Errorf("got %q, %v; want %q, %v", ids, err, tc.ids, tc.err)
			}
		})
	}
}
