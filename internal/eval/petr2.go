package eval

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// The PETR-2 gold file is XML in name only: <Sentence .../> tags are mostly
// self-closed while their content follows them, "#" comment banners and
// CoNLL-U lines sit between elements, and one comment spans a whole <Parse>.
// encoding/xml rejects it, so it is read the way UniversalPetrarch's own
// validation.py reads it: comments removed, then each record is the text
// from one "<Sentence " to the next.
var (
	xmlCommentRE  = regexp.MustCompile(`(?s)<!--.*?-->`)
	sentenceTagRE = regexp.MustCompile(`<Sentence\b([^>]*)>`)
	codingTagRE   = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
	textRE        = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	parseRE       = regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
	attrRE        = regexp.MustCompile(`([A-Za-z_]+)\s*=\s*"([^"]*)"`)
	xmlUnescaper  = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")
)

// LoadPETR2 reads a PETR-2 validation file (see ReadPETR2).
func LoadPETR2(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadPETR2(f)
}

// ReadPETR2 reads UniversalPetrarch's PETR2_GSR_validation.xml format:
//
//	<Sentence category="AFP" date="20080806" id="AFP0808020840_2" evaluate="true"/>
//	<EventCoding eventcode="110" sourcecode="RWA" targetcode="FRA" />
//	<Text>…</Text>
//	<Parse>…CoNLL-U…</Parse>
//
// A record may have several EventCoding lines; <EventCoding noevents="True"/>
// says it should yield nothing. As in validation.py, records with
// evaluate other than "true" and records without EventCoding are skipped,
// "~" in an actor code stands for "---", and an empty code is "---".
func ReadPETR2(r io.Reader) ([]Sentence, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	doc := xmlCommentRE.ReplaceAllString(string(b), "")
	starts := sentenceTagRE.FindAllStringSubmatchIndex(doc, -1)
	var out []Sentence
	for i, loc := range starts {
		end := len(doc)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		rec := doc[loc[1]:end]
		attrs := attributes(doc[loc[2]:loc[3]])
		if !strings.EqualFold(attrs["evaluate"], "true") {
			continue
		}
		s := Sentence{Suite: "petr2", ID: attrs["id"], Category: attrs["category"], Date: petr2Date(attrs["date"])}
		if s.ID == "" {
			return nil, fmt.Errorf("PETR-2 record %d: no id", i+1)
		}
		codings := codingTagRE.FindAllStringSubmatch(rec, -1)
		if len(codings) == 0 {
			continue
		}
		for _, m := range codings {
			a := attributes(m[1])
			if strings.EqualFold(a["noevents"], "true") {
				continue
			}
			code := strings.TrimSpace(a["eventcode"])
			if len(code) < 2 || strings.Trim(code, "0123456789") != "" {
				return nil, fmt.Errorf("PETR-2 record %s: eventcode %q is not a CAMEO code", s.ID, code)
			}
			c := Coding{Event: code, Source: petr2Actor(a["sourcecode"]), Target: petr2Actor(a["targetcode"])}
			c.Key = Key{Source: CountryOfCode(c.Source), Target: CountryOfCode(c.Target), Root: Root(code)}
			s.Expected = append(s.Expected, c)
		}
		var parse string
		if m := parseRE.FindStringSubmatch(rec); m != nil {
			parse = m[1]
		}
		if m := textRE.FindStringSubmatch(rec); m != nil {
			s.Text = collapseSpace(xmlUnescaper.Replace(m[1]))
		}
		if s.Text == "" {
			// One record (abc12_3) has an empty <Text>: UD-PETRARCH codes
			// from the parse alone, so the sentence is rebuilt from it.
			s.Text = conlluText(parse)
		}
		if s.Text == "" {
			return nil, fmt.Errorf("PETR-2 record %s: no text and no parse", s.ID)
		}
		s.Hint = strings.Join(conlluVerbs(parse), " ")
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no <Sentence> records with <EventCoding> found: not a PETR-2 validation file")
	}
	return out, nil
}

func attributes(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = xmlUnescaper.Replace(a[2])
	}
	return m
}

func petr2Actor(code string) string {
	code = strings.ReplaceAll(strings.TrimSpace(code), "~", "---")
	if code == "" {
		return "---"
	}
	return code
}

// petr2Date turns "20080806" into "2008-08-06". Other shapes (one record
// has "121108") give "": a wrong date would resolve roles ("the US
// president") to the wrong person, no date leaves them unresolved.
func petr2Date(d string) string {
	if len(d) != 8 || strings.Trim(d, "0123456789") != "" {
		return ""
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

// conlluRows yields the token rows (ID, FORM, LEMMA, UPOS, …, MISC) of a
// CoNLL-U block, skipping comments and multiword ranges.
func conlluRows(parse string, fn func(cols []string)) {
	for _, line := range strings.Split(parse, "\n") {
		cols := strings.Split(strings.TrimSpace(line), "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		fn(cols)
	}
}

// conlluText rebuilds the sentence from its tokens, honouring SpaceAfter=No.
func conlluText(parse string) string {
	var b strings.Builder
	space := false
	conlluRows(parse, func(cols []string) {
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(cols[1])
		space = !strings.Contains(cols[9], "SpaceAfter=No")
	})
	return b.String()
}

// conlluVerbs lists the lemmas tagged VERB, in order, without repeats.
func conlluVerbs(parse string) []string {
	var out []string
	seen := map[string]bool{}
	conlluRows(parse, func(cols []string) {
		if lemma := strings.ToLower(cols[2]); cols[3] == "VERB" && !seen[lemma] {
			seen[lemma] = true
			out = append(out, lemma)
		}
	})
	return out
}
