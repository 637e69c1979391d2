// Package extract turns article text into political events.
//
// The pipeline is: read articles (article.go) → find the body and its
// metadata → split sentences (sentence.go) → find entities from the actor
// dictionary (entities.go) → match action rules (rules/*.yaml) → resolve dates
// (dates.go) → Event values carrying byte offsets into Article.Text.
//
// Nothing in this package knows about RDF; internal/graph maps events to triples.
package extract

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no text.
func (s Span) Empty() bool { return s.End <= s.Start }

// Article is one news article as read from a file or a JSONL line.
//
// Text is the article's full text after decoding (UTF-8, BOM removed, CRLF
// and CR turned into LF); every offset in this package points into it. Body
// lists the parts of Text that are article prose: headers, bylines, datelines
// of the web page, comment forms and similar boilerplate are left out.
type Article struct {
	ID        string // file base name ("001_x.txt") or the JSONL "id"
	Path      string // the file it came from
	Line      int    // 1-based line for JSONL articles, 0 for whole files
	Title     string // "" when the text does not state it
	Publisher string // "" when the text does not state it
	Issued    string // publication date YYYY-MM-DD, "" when unknown
	Category  string // the feed's section ("World", "Sports"), "" when not given
	Text      string
	Body      []Span
}

// Sentence is one sentence of an article's body.
type Sentence struct {
	Span
	Text string // Article.Text[Start:End]
}
