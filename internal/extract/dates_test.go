package extract

import (
	"fmt"
	"sync"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means rejected
	}{
		{"2017-05-02", "2017-05-02"},
		{"2017-05-02T15:01:01", "2017-05-02"},
		{"1990-08-15T13:37", "1990-08-15"},
		{"2017/05/02", "2017-05-02"},
		{"20170502", "2017-05-02"},
		{"31-MAR-1987 605:12:19.12", "1987-03-31"},
		{"May 02, 2017 3:23 PM", "2017-05-02"},
		{"May 2, 2017", "2017-05-02"},
		{"May 2 2017 at 15:10 GMT", "2017-05-02"},
		{"2 May 2017", "2017-05-02"},
		{"Tuesday, May 2, 2017", "2017-05-02"},
		{"Sept. 4, 2018", "2018-09-04"},
		{"4th of July 1999", "1999-07-04"},
		{"21.01.2019", "2019-01-21"},
		{"01/21/2019", "2019-01-21"},
		{"05/04/2017", "2017-05-04"},
		{"11 Mai 2017", "2017-05-11"},
		{"Lundi, 21 Janvier 2019", "2019-01-21"},
		{"Mittwoch, 3. Mai 2017", "2017-05-03"},
		{"3 de mayo de 2017", "2017-05-03"},
		{"2017年5月4日", "2017-05-04"},
		// Not day dates.
		{"May 2017", ""},
		{"2004/2005", ""},
		{"Tuesday", ""},
		{"yesterday", ""},
		{"1400 GMT", ""},
		{"Year ago - 1453.8", ""},
		{"February 30, 2017", ""},
		{"2017-13-01", ""},
		{"", ""},
		{"the talks resumed on May 2, 2017 in Geneva after a long pause", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestParseDateConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, s := range []string{"11 Mai 2017", "Lundi, 21 Janvier 2019"} {
				if _, ok := ParseDate(s); !ok {
					t.Errorf("ParseDate(%q) failed", s)
				}
			}
		})
	}
	wg.Wait()
}

func TestFindDates(t *testing.T) {
	type m struct{ text, date string }
	tests := []struct {
		name     string
		issued   string
		sentence string
		want     []m
	}{
		// 2019-03-14 is a Thursday.
		{"weekday, past", "2019-03-14", "The ministers met on Tuesday in Cairo.", []m{{"Tuesday", "2019-03-12"}}},
		{"weekday of the publication day", "2019-03-14", "The ministers met on Thursday.", []m{{"Thursday", "2019-03-14"}}},
		{"future weekday of the publication day", "2019-03-14", "The ministers will meet later on Thursday.", []m{{"Thursday", "2019-03-14"}}},
		{"future weekday", "2019-03-14", "The ministers will meet on Saturday.", []m{{"Saturday", "2019-03-16"}}},
		{"future in reported speech", "2019-03-14", "Officials said the envoy would travel to Rome on Friday and Saturday.",
			[]m{{"Friday", "2019-03-15"}, {"Saturday", "2019-03-16"}}},
		{"past cue closer than a later future", "2019-03-14", "The envoys spoke on Tuesday and said they would meet again.",
			[]m{{"Tuesday", "2019-03-12"}}},
		{"reporting verb before the weekday", "2019-03-14", "Officials said on Friday that the envoy would travel.", []m{{"Friday", "2019-03-08"}}},
		{"future after a sentence-initial weekday", "2019-03-14", "On Monday, the two leaders will sign the accord.", []m{{"Monday", "2019-03-18"}}},
		{"noun plan is no future cue", "2019-03-14", "He defended his plan on Monday.", []m{{"Monday", "2019-03-11"}}},
		{"plans to", "2019-03-14", "He plans to visit Paris on Monday.", []m{{"Monday", "2019-03-18"}}},
		{"future passive: the participle after 'be' is no past", "2019-03-14", "Talks will be held in Cairo on Monday.", []m{{"Monday", "2019-03-18"}}},
		{"past passive", "2019-03-14", "Talks were held in Cairo on Monday.", []m{{"Monday", "2019-03-11"}}},
		{"last and next", "2019-03-14", "Unlike last Thursday, the vote next Monday matters.",
			[]m{{"last Thursday", "2019-03-07"}, {"next Monday", "2019-03-18"}}},
		{"possessive weekday", "2019-03-14", "Monday's vote was close.", []m{{"Monday", "2019-03-11"}}},
		{"possessive with a modifier", "2019-03-14", "Losses from last Thursday's storm and this morning's flood rose.",
			[]m{{"last Thursday", "2019-03-07"}, {"this morning", "2019-03-14"}}},
		{"inside a word", "2019-03-14", "The G20 summit and the X5 May plan.", nil},
		{"relative days", "2019-03-14", "Yesterday the talks stalled, today they resumed and tomorrow they end.",
			[]m{{"Yesterday", "2019-03-13"}, {"today", "2019-03-14"}, {"tomorrow", "2019-03-15"}}},
		{"parts of days", "2019-03-14", "Shots were heard last night and again this morning.",
			[]m{{"last night", "2019-03-13"}, {"this morning", "2019-03-14"}}},
		{"month and day, past", "2017-05-02", "The strikes on April 4 angered Moscow.", []m{{"April 4", "2017-04-04"}}},
		{"month and day range ahead", "2017-05-02", "The summit in Hamburg on July 7-8 will be their first meeting.",
			[]m{{"July 7-8", "2017-07-07"}}},
		{"month and day across the new year, ahead", "2018-12-20", "The election is scheduled for Jan. 5.", []m{{"Jan. 5", "2019-01-05"}}},
		{"month and day across the new year, back", "2019-01-05", "The truce of Dec. 20 held.", []m{{"Dec. 20", "2018-12-20"}}},
		{"day and month", "2017-05-02", "The talks of 28 April failed.", []m{{"28 April", "2017-04-28"}}},
		{"full dates", "2019-03-14", "They signed the pact on April 4, 2016, and renewed it on 2 May 2017.",
			[]m{{"April 4, 2016", "2016-04-04"}, {"2 May 2017", "2017-05-02"}}},
		{"ISO date", "2019-03-14", "The memo dated 2017-05-02 was leaked.", []m{{"2017-05-02", "2017-05-02"}}},
		{"weekday with a month and day", "2017-05-04", "They spoke by phone on Tuesday (May 2).", []m{{"Tuesday (May 2)", "2017-05-02"}}},
		{"weekday with a full date", "2019-03-14", "On Tuesday, May 2, 2017, they spoke.", []m{{"Tuesday, May 2, 2017", "2017-05-02"}}},
		{"weekday picks the year", "2018-01-10", "The meeting on Monday, Jan. 8 went well.", []m{{"Monday, Jan. 8", "2018-01-08"}}},
		{"no issued date: relative dates unresolved", "", "They met on Tuesday, on April 4 and yesterday.", nil},
		{"no issued date: full date resolves", "", "They met on April 4, 2017.", []m{{"April 4, 2017", "2017-04-04"}}},
		{"not day dates", "2019-03-14", "Talks may 5 times fail; they resumed in May 2017 and last month, with 59 envoys in March.", nil},
		{"weeks and months are not days", "2019-03-14", "The envoy came last week and left last month.", nil},
		{"invalid day", "2019-03-14", "The deadline of February 30 passed.", nil},
		{"name with a month", "2019-03-14", "He flew to Mar-a-Lago in 2018.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const off = 100 // the sentence's place in its article
			s := Sentence{Span: Span{off, off + len(tt.sentence)}, Text: tt.sentence}
			got := FindDates(s, tt.issued)
			var gm []m
			for _, d := range got {
				gm = append(gm, m{d.Text, d.Date})
				if d.Start < off || d.End > s.End || tt.sentence[d.Start-off:d.End-off] != d.Text {
					t.Errorf("span %d:%d does not hold %q", d.Start, d.End, d.Text)
				}
			}
			if fmt.Sprint(gm) != fmt.Sprint(tt.want) {
				t.Errorf("FindDates(%q, %q) =\n%v\nwant\n%v", tt.sentence, tt.issued, gm, tt.want)
			}
		})
	}
}

// TestWeekdayOnPublicationDay documents why FindDates resolves weekdays
// itself: asked for the past "Tuesday" on a Tuesday, go-dateparser answers a
// week earlier, while news style means the day of publication.
func TestWeekdayOnPublicationDay(t *testing.T) {
	issued := "2017-05-02" // a Tuesday
	got := FindDates(Sentence{Span: Span{0, 26}, Text: "The leaders spoke Tuesday."}, issued)
	if len(got) != 1 || got[0].Date != issued {
		t.Fatalf("FindDates = %+v, want %s", got, issued)
	}
	cfg := &dps.Configuration{
		Languages:           []string{"en"},
		CurrentTime:         time.Date(2017, 5, 2, 12, 0, 0, 0, time.UTC),
		PreferredDateSource: dps.Past,
	}
	if d, err := dps.Parse(cfg, "Tuesday"); err == nil {
		t.Logf("go-dateparser, Past, on Tuesday 2017-05-02: \"Tuesday\" = %s", d.Time.Format(time.DateOnly))
	}
}

func BenchmarkParseDate(b *testing.B) {
	for _, s := range []string{"May 02, 2017 3:23 PM", "2017-05-02", "11 Mai 2017", "Lundi, 21 Janvier 2019", "Period ended December 31, 1986"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				ParseDate(s)
			}
		})
	}
}

// BenchmarkFindDates runs FindDates over every sentence of news.jsonl.
func BenchmarkFindDates(b *testing.B) {
	arts := readNews(b, 0)
	type sent struct {
		s      Sentence
		issued string
	}
	var ss []sent
	for _, a := range arts {
		for _, s := range Sentences(a) {
			ss = append(ss, sent{s, a.Issued})
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, x := range ss {
			FindDates(x.s, x.issued)
		}
		n += len(ss)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkPipeline is this package's front end as the extractor uses it:
// JSON record → Article → sentences → dates, over all of news.jsonl.
func BenchmarkPipeline(b *testing.B) {
	lines := newsLines(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i, l := range lines {
			a, err := ParseRecord(newsPath, i+1, l)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range Sentences(a) {
				FindDates(s, a.Issued)
				n++
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
