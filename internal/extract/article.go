package extract

// Reading articles and finding their body and metadata.
//
// Input formats (see ReadPath):
//
//   - a plain .txt file: one article, typically copied from a web page, so it
//     may carry a headline, a page date, bylines, photo credits, share buttons
//     and comment forms around the prose;
//   - a .txt file that starts with a header block of "KEY: value" lines (ID,
//     DATE, OUTLET, TITLE, …) and a blank line, then the text;
//   - a .jsonl file: one JSON object per line with "text" and optionally "id",
//     "title", "outlet" (or "publisher"), "date" (or "issued") and "dateline".
//
// Metadata from JSON fields or a header block wins over what is guessed from
// the text. Guessing is conservative: a wrong title, publisher or date is
// worse than none, because the graph would state it as fact.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// InputError is a problem with one input file, or one line of a JSONL file.
type InputError struct {
	Path string
	Line int // 1-based line in a JSONL file; 0 when the whole file is meant
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Reasons for skipping an article or warning about it; test with errors.Is.
var (
	ErrNoArticles  = errors.New("no articles (.txt, .jsonl)")
	ErrEmpty       = errors.New("empty article")
	ErrBinary      = errors.New("binary data (NUL bytes), not an article")
	ErrNoText      = errors.New(`JSON record has no "text"`)
	ErrInvalidUTF8 = errors.New("invalid UTF-8, bad bytes replaced with U+FFFD")
	ErrNotRegular  = errors.New("not a regular file")
)

// ReadOptions controls ReadPath.
type ReadOptions struct {
	// Warn receives problems that only affect one article (an empty or binary
	// file, a bad JSON line, invalid UTF-8); the article is skipped, or kept
	// with U+FFFD for invalid UTF-8, and reading goes on. The errors are
	// *InputError values. Nil discards the warnings.
	Warn func(error)
	// Stdin is read for the path "-" (nil: os.Stdin).
	Stdin io.Reader
}

func (o ReadOptions) warn(err error) {
	if o.Warn != nil {
		o.Warn(err)
	}
}

// ReadPath reads the articles in path and calls fn for each, in a
// deterministic order. path is a file (.jsonl is read as JSON lines, .json
// is refused, any other file is one text article) or a directory, walked
// recursively for .txt and .jsonl files in sorted path order; hidden files
// and directories are skipped.
//
// Errors that concern a single article, or a single unreadable file or
// subdirectory of a directory, go to opt.Warn (see ReadOptions), as do
// FIFOs, sockets and devices found there (ErrNotRegular: they are never
// opened). ReadPath itself fails on a missing, unreadable or non-regular
// path given directly, a directory without articles (ErrNoArticles), or
// the first error returned by fn, which is returned unchanged.
//
// The path "-" is standard input: JSON lines if its first non-blank
// character is "{", else one text article named "stdin".
func ReadPath(path string, opt ReadOptions, fn func(*Article) error) error {
	if path == "-" {
		return readStdin(opt, fn)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return &InputError{Path: path, Err: pathErr(err)}
	}
	if !fi.IsDir() {
		_, err := readFile(path, opt, fn)
		return err
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != path && d != nil && d.IsDir() {
				// An unreadable subdirectory is skipped like an unreadable file.
				opt.warn(&InputError{Path: p, Err: fmt.Errorf("directory skipped: %w", pathErr(err))})
				return filepath.SkipDir
			}
			return &InputError{Path: p, Err: pathErr(err)}
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isArticleFile(d.Name()) {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	// WalkDir is lexical per directory; sorting the full paths makes the
	// order a plain function of the path strings.
	sort.Strings(files)
	n := 0
	for _, f := range files {
		k, err := readFile(f, opt, fn)
		n += k
		var ie *InputError
		if errors.As(err, &ie) {
			// One unreadable file in a corpus (permissions, a dangling link,
			// a directory named x.txt) is skipped like a bad article.
			opt.warn(err)
			continue
		}
		if err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("%w under %s", ErrNoArticles, path)
	}
	return nil
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

func isArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".jsonl":
		return true
	}
	return false
}

// pathErr drops the *fs.PathError wrapper: InputError already names the path.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFile reads one file and returns how many articles it passed to fn.
func readFile(path string, opt ReadOptions, fn func(*Article) error) (int, error) {
	// Opening a FIFO waits for a writer, and a device may never end, and
	// neither can be interrupted; so only regular files are opened.
	if fi, err := os.Stat(path); err != nil {
		return 0, &InputError{Path: path, Err: pathErr(err)}
	} else if !fi.Mode().IsRegular() {
		return 0, &InputError{Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(fi.Mode()))}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl":
		return readJSONL(path, opt, fn)
	case ".json":
		// Read as text it would become one nonsense article.
		return 0, &InputError{Path: path, Err: errors.New("JSON files are not read; use JSON lines (.jsonl)")}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, &InputError{Path: path, Err: pathErr(err)}
	}
	return readText(path, filepath.Base(path), b, opt, fn)
}

// readStdin reads standard input as JSON lines or as one text article.
func readStdin(opt ReadOptions, fn func(*Article) error) error {
	const name = "stdin"
	in := opt.Stdin
	if in == nil {
		in = os.Stdin
	}
	r := bufio.NewReaderSize(in, 1<<20)
	var n int
	var err error
	if peek, _ := r.Peek(4096); bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(peek, utf8BOM), " \t\r\n"), []byte("{")) {
		n, err = readJSONLFrom(r, name, opt, fn)
	} else {
		var b []byte
		if b, err = io.ReadAll(r); err != nil {
			return &InputError{Path: name, Err: err}
		}
		n, err = readText(name, name, b, opt, fn)
	}
	if err == nil && n == 0 {
		return fmt.Errorf("%w on standard input", ErrNoArticles)
	}
	return err
}

// readText reads the bytes of one text article.
func readText(path, id string, b []byte, opt ReadOptions, fn func(*Article) error) (int, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		opt.warn(&InputError{Path: path, Err: ErrBinary})
		return 0, nil
	}
	if !utf8.Valid(b) {
		opt.warn(&InputError{Path: path, Err: ErrInvalidUTF8})
	}
	a := ParseArticle(id, path, 0, string(b))
	if strings.TrimSpace(a.Text) == "" {
		opt.warn(&InputError{Path: path, Err: ErrEmpty})
		return 0, nil
	}
	return 1, fn(a)
}

// readJSONL streams a JSON-lines file. bufio.Reader.ReadBytes collects a long
// line in buffer-sized pieces and copies it once, so a single 200 MB line is
// read in linear time (bufio.Scanner would stop at 64 KB by default).
func readJSONL(path string, opt ReadOptions, fn func(*Article) error) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, &InputError{Path: path, Err: pathErr(err)}
	}
	defer f.Close()
	return readJSONLFrom(bufio.NewReaderSize(f, 1<<20), path, opt, fn)
}

func readJSONLFrom(r *bufio.Reader, path string, opt ReadOptions, fn func(*Article) error) (int, error) {
	n, line := 0, 0
	for {
		b, rerr := r.ReadBytes('\n')
		if len(b) > 0 {
			line++
			if line == 1 {
				b = bytes.TrimPrefix(b, utf8BOM)
			}
			if len(bytes.TrimSpace(b)) > 0 {
				a, err := ParseRecord(path, line, b)
				if err != nil {
					opt.warn(err)
				} else {
					if !utf8.Valid(b) {
						opt.warn(&InputError{Path: path, Line: line, Err: ErrInvalidUTF8})
					}
					n++
					if err := fn(a); err != nil {
						return n, err
					}
				}
			}
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, &InputError{Path: path, Line: line + 1, Err: rerr}
		}
	}
}

var utf8BOM = []byte("\uFEFF")

// jsonRecord is one JSONL line. Pointers tell "absent" from "empty": a
// record with "title": "" says it has no title, so none is guessed.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Title     *string         `json:"title"`
	Outlet    *string         `json:"outlet"`
	Publisher *string         `json:"publisher"`
	Date      *string         `json:"date"`
	Issued    *string         `json:"issued"`
	Dateline  *string         `json:"dateline"`
	Category  *string         `json:"category"`
	Text      *string         `json:"text"`
}

// ParseRecord turns one JSONL line into an Article. Title, publisher
// ("outlet", kept as given) and date (normalised to YYYY-MM-DD when it is a
// day date; "2004/2005" is not) come from the fields; what is absent is
// looked for in the text as in ParseArticle. The error is an *InputError.
func ParseRecord(path string, line int, data []byte) (*Article, error) {
	var rec jsonRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, &InputError{Path: path, Line: line, Err: err}
	}
	if rec.Text == nil {
		return nil, &InputError{Path: path, Line: line, Err: ErrNoText}
	}
	if strings.TrimSpace(*rec.Text) == "" {
		return nil, &InputError{Path: path, Line: line, Err: ErrEmpty}
	}
	id := recordID(rec.ID)
	if id == "" {
		id = fmt.Sprintf("%s:%d", filepath.Base(path), line)
	}
	a := &Article{ID: id, Path: path, Line: line, Text: normalizeText(*rec.Text)}
	if rec.Category != nil {
		a.Category = strings.TrimSpace(*rec.Category)
	}
	var m articleMeta
	if rec.Title != nil {
		m.setTitle(*rec.Title)
	}
	for _, p := range []*string{rec.Outlet, rec.Publisher} {
		if p != nil && m.pubPrio == 0 {
			m.setPublisher(collapseSpace(*p), prioField)
		}
	}
	for _, p := range []*string{rec.Date, rec.Issued} {
		if p != nil && m.issuedPrio == 0 {
			if d, ok := normalizeIssued(*p); ok {
				m.setIssued(d, prioField)
			}
		}
	}
	if rec.Dateline != nil && m.issuedPrio == 0 {
		if d, ok := datelineDate(*rec.Dateline); ok {
			m.setIssued(d, prioDateline)
		}
	}
	analyze(a, 0, &m)
	return a, nil
}

func recordID(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return string(raw) // a number, kept as written
}

// normalizeIssued turns a date field into YYYY-MM-DD: ISO timestamps
// ("1987-02-26T15:01:01"), "31-MAR-1987 605:12:19.12", or anything ParseDate
// reads; a year range such as "2004/2005" gives no date.
func normalizeIssued(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if d, ok := ParseDate(s); ok {
		return d, true
	}
	// Timestamps with odd time parts: the date is the first field.
	if i := strings.IndexAny(s, " T"); i > 0 {
		return ParseDate(s[:i])
	}
	return "", false
}

// datelineDate reads the date of a dateline such as
// "KUALA LUMPUR, April 1 , 1997 (AFP)" or "19980108"; only full dates count.
func datelineDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if d, ok := ParseDate(s); ok {
		return d, true
	}
	if m := reDatelineDate.FindStringSubmatch(s); m != nil {
		return ymd(atoiDigits(m[3]), monthNum[strings.ToLower(m[1])], atoiDigits(m[2]))
	}
	return "", false
}

var reDatelineDate = regexp.MustCompile(`\b(` + monthAlt + `)\.?\s+(\d{1,2})\s*,\s*(\d{4})\b`)

// ParseArticle makes an Article from the text of one file (id is usually the
// file's base name; line is 0 for whole files). raw may start with a header
// block; otherwise title, publisher and publication date are taken from the
// text when it states them, and Body is set to the prose parts.
func ParseArticle(id, path string, line int, raw string) *Article {
	a := &Article{ID: id, Path: path, Line: line, Text: normalizeText(raw)}
	var m articleMeta
	start := parseHeaderBlock(a, &m)
	analyze(a, start, &m)
	return a
}

// normalizeText applies the Article.Text contract: no BOM, LF line ends,
// valid UTF-8.
func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, ';') >= 0 {
		s = entityRE.ReplaceAllStringFunc(s, decodeEntity)
	}
	return s
}

// entityRE finds HTML character references, also in the mangled form some
// news feeds carry, where the ampersand became a space: "Sri Lanka #39;s
// army", "the  #36;10 million", " quot;phone sex quot;".
var entityRE = regexp.MustCompile(`(?: |&)(?:#[0-9]{2,4}|quot|amp|apos|lt|gt);`)

// cp1252 maps the code points 128-159 that Windows-1252 text gives to
// numeric references ("#151;" is an em dash) to the characters meant.
var cp1252 = map[int]rune{130: '‚', 132: '„', 133: '…', 145: '‘', 146: '’', 147: '“', 148: '”', 150: '–', 151: '—', 153: '™'}

func decodeEntity(m string) string {
	ref := m[1 : len(m)-1]
	switch ref {
	case "quot":
		return `"`
	case "amp":
		return "&"
	case "apos":
		return "'"
	case "lt":
		return "<"
	case "gt":
		return ">"
	}
	n, err := strconv.Atoi(ref[1:])
	if err != nil || n == 0 || n > 0x10FFFF {
		return m
	}
	if r, ok := cp1252[n]; ok {
		return string(r)
	}
	if n == 39 {
		return "'"
	}
	if n < 32 || n >= 127 && n < 160 {
		return m
	}
	return string(rune(n))
}

// Header block keys. Only these count, so that a first line such as
// "WASHINGTON: The president said ..." is never mistaken for a header.
var headerKeys = map[string]bool{
	"ID": true, "DATE": true, "OUTLET": true, "TITLE": true, "PUBLISHER": true,
	"SOURCE": true, "DATELINE": true, "URL": true, "AUTHOR": true,
	"CATEGORY": true, "PLACES": true, "ISSUED": true,
}

var reHeaderLine = regexp.MustCompile(`^([A-Z][A-Z_]*):[ \t]*(.*?)[ \t]*$`)

// parseHeaderBlock reads "KEY: value" lines at the top of the text, ended by
// a blank line or the end of the text, and returns where the text after it
// starts (0 when there is no header block).
func parseHeaderBlock(a *Article, m *articleMeta) int {
	text := a.Text
	type kv struct{ k, v string }
	var kvs []kv
	pos := 0
	for pos < len(text) {
		end := lineEnd(text, pos)
		l := text[pos:end]
		next := min(end+1, len(text))
		if isBlank(l) {
			if len(kvs) == 0 {
				return 0
			}
			pos = next
			break
		}
		sm := reHeaderLine.FindStringSubmatch(l)
		if sm == nil || !headerKeys[sm[1]] {
			return 0
		}
		kvs = append(kvs, kv{sm[1], sm[2]})
		pos = next
	}
	for _, h := range kvs {
		switch h.k {
		case "ID":
			if h.v != "" {
				a.ID = h.v
			}
		case "TITLE":
			m.setTitle(h.v)
		case "OUTLET", "PUBLISHER":
			if h.v != "" {
				m.setPublisher(collapseSpace(h.v), prioField)
			}
		case "DATE", "ISSUED":
			if d, ok := normalizeIssued(h.v); ok {
				m.setIssued(d, prioField)
			}
		case "DATELINE":
			if d, ok := datelineDate(h.v); ok {
				m.setIssued(d, prioDateline)
			}
		}
	}
	return pos
}

// Priorities of metadata sources: a field beats an explicit statement in the
// text, which beats a header line, which beats a guess from a dateline.
const (
	prioNone = iota
	prioDateline
	prioUpdated    // "Updated: …" is not the publication date, but close
	prioHeaderLine // "Reuters News" or a date line under the headline
	prioStatement  // "Posted: …", "appeared in the print edition of X on D"
	prioField      // JSON field or header block
)

type articleMeta struct {
	title      string
	titleKnown bool // a field or header said what the title is (maybe "none")
	publisher  string
	pubPrio    int
	issued     string
	issuedPrio int
	slowDates  int // month-name date parses so far (see maybeDate)
}

func (m *articleMeta) setTitle(s string) {
	m.title = collapseSpace(s)
	m.titleKnown = true
}

func (m *articleMeta) setPublisher(s string, prio int) {
	if s != "" && prio > m.pubPrio {
		m.publisher, m.pubPrio = s, prio
	}
}

func (m *articleMeta) setIssued(d string, prio int) {
	if d != "" && prio > m.issuedPrio {
		m.issued, m.issuedPrio = d, prio
	}
}

// textBlock is a paragraph: one line, or in hard-wrapped text (Reuters-21578
// style, lines cut at ~70 columns) the lines of one paragraph.
type textBlock struct {
	start, end int  // trimmed span in Article.Text
	blankAfter bool // followed by a blank line or the end of the text
}

// Bylines: "By Steve Holland and Alexander Winning", "By JANE DOE, Reuters".
var reByline = regexp.MustCompile(`^(?:By|BY|Written by|Words by)\s+\p{Lu}[^.!?]{0,100}$`)

// Boilerplate is a list of line patterns, matched against a short line with
// its white space collapsed. Each names what it removes; add new ones here.
type lineRule struct {
	re   *regexp.Regexp
	stop bool // the rest of the page is not the article (comment forms)
}

var boilerplate = []lineRule{
	// Comment forms (WordPress and similar): nothing after them is article.
	{re: regexp.MustCompile(`^(?i:leave a (?:reply|comment)|post a comment|\d* ?comments?|comments? \(\d+\)|join the (?:conversation|discussion)|add your comment)$`), stop: true},
	{re: regexp.MustCompile(`(?i)^(?:fill in your details below|you are commenting using your|log ?out ?/ ?change|connecting to %s|notify me of (?:new|follow)|cancel reply|post was not sent)`)},
	{re: regexp.MustCompile(`^(?i:google\+?|twitter|facebook|wordpress\.com|gravatar) (?i:photo|picture|image|account)$`)},
	// Navigation, sharing, page furniture.
	{re: regexp.MustCompile(`^(?i:latest news|breaking news|top stories|most read|most popular|trending(?: now)?|home|menu|search|advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|share(?: this(?: article| story)?)?:?|tweet|print|email|e-mail|whatsapp|read more|read next|see also|also read|related(?: articles| stories| posts| news)?:?|more from .{1,40}|like this:?|loading\.*|recommended(?: for you)?)$`)},
	// Breadcrumbs: "Main » World » Syria", "Home > News".
	{re: regexp.MustCompile(`^(?:\S+(?: \S+){0,3}) (?:»|›|>) \S`)},
	// Calls to action.
	{re: regexp.MustCompile(`(?i)^(?:subscribe\b|sign up\b|click here\b|follow us\b|(?:join|follow) .{0,60}\b(?:telegram|whatsapp|facebook|twitter|newsletter|channel)\b|download (?:the|our) .{0,30}\bapp\b|get (?:the|our) .{0,30}\b(?:app|newsletter)\b)`)},
	{re: reByline},
	// Photo and video credits on their own line.
	{re: regexp.MustCompile(`(?i)^\(?(?:photos?|pictures?|images?|file photo|photo credit|credit|video|graphic)\s*:`)},
	// Reporting credits: "(Additional reporting by …; Editing by …)".
	{re: regexp.MustCompile(`(?i)^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|research|produced) by\b`)},
	// Copyright lines.
	{re: regexp.MustCompile(`(?i)^(?:©|\(c\) |copyright\b|all rights reserved)`)},
}

// Agency and outlet names recognised on their own line in the page header
// ("Reuters News"), in "(Reuters) -" datelines and as "AP - " prefixes, with
// the name to report. Lower-case keys.
var knownOutlets = map[string]string{
	"reuters": "Reuters", "reuters news": "Reuters", "thomson reuters": "Reuters", "reuter": "Reuters",
	"associated press": "Associated Press", "the associated press": "Associated Press", "ap": "AP",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"xinhua": "Xinhua", "xinhua news agency": "Xinhua", "xinhuanet": "Xinhua",
	"bbc": "BBC", "bbc news": "BBC News", "cnn": "CNN", "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg",
	"tass": "TASS", "itar-tass": "TASS", "interfax": "Interfax", "ria novosti": "RIA Novosti",
	"sputnik": "Sputnik", "dpa": "dpa", "upi": "UPI", "united press international": "UPI",
	"al jazeera": "Al Jazeera", "voice of america": "Voice of America", "voa": "Voice of America",
	"npr": "NPR", "kyodo": "Kyodo", "kyodo news": "Kyodo", "yonhap": "Yonhap", "anadolu agency": "Anadolu Agency",
	"irna": "IRNA", "wafa": "WAFA", "sana": "SANA", "mena": "MENA", "ani": "ANI", "pti": "PTI", "efe": "EFE", "ansa": "ANSA", "apa": "APA",
	"the new york times": "The New York Times", "new york times": "The New York Times",
	"the washington post": "The Washington Post", "the guardian": "The Guardian",
	"the straits times": "The Straits Times", "the wall street journal": "The Wall Street Journal",
}

// canonicalOutlet maps known names to their usual form, else tidies the name.
func canonicalOutlet(s string) string {
	s = collapseSpace(s)
	if c, ok := knownOutlets[strings.ToLower(s)]; ok {
		return c
	}
	return s
}

var (
	// "Posted: May 02, 2017 3:23 PM", "Published on 2 May 2017".
	reDateLabel = regexp.MustCompile(`^(?i:(posted|published|first published|updated|last updated|last modified|date|dated|released))(?: on)?\s*[:\-–—|]?\s*(.+)$`)
	// "A version of this article appeared in the print edition of The Straits
	// Times on May 04, 2017, …", "This article was first published in X on D".
	rePrintEdition = regexp.MustCompile(`(?i)\b(?:(?:appeared|was published|was printed) in the (?:print |online |digital |weekend |sunday )?(?:edition|issue|version) of|(?:was )?(?:first|originally) (?:published|printed|appeared) (?:in|by|on))\s+(.{2,60}?)\s+on\s+((?:` + monthAlt + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:` + monthAlt + `)\.?,?\s+\d{4}|\d{4}-\d\d-\d\d)`)
	// A dateline opening the first paragraph: "WASHINGTON/MOSCOW (Reuters) - ",
	// "WASHINGTON – ", "WASHINGTON • ", "LOUISVILLE, Ky. (AP) -- ",
	// "ISTANBUL, Turkey (AP)_ " (the AP's wire underscore),
	// "SALVADOR, Feb 26 - ".
	// The city must be in capitals, which keeps ordinary sentences out.
	reDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’\-]+(?:[ /]\p{Lu}[\p{Lu}.'’\-]*){0,4}` +
		`(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,2})?` +
		`(?:,\s*((?:` + monthAlt + `)\.?\s+\d{1,2}(?:\s*,\s*\d{4})?))?` +
		`\s*(?:\(([^()\n]{2,40})\)\s*)?` +
		`(?:--?|–|—|•|_)\s+`)
	// A full date inside a labelled line that also holds a time or a weekday.
	reLabelDate = regexp.MustCompile(`(?i)\b(?:(?:` + monthAlt + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:` + monthAlt + `)\.?,?\s+\d{4}|\d{4}-\d\d-\d\d)\b`)
	// A dateline whose place is not in capitals but whose parenthesis names a
	// known outlet: "Berlin (CNN) ", "Tehran, Jan 5 (IRNA) -- ".
	reOutletDateline = regexp.MustCompile(`^\p{Lu}[\p{L}.'’\-]+(?:[ ,/]+\p{Lu}[\p{L}.'’\-]*){0,3}` +
		`(?:,\s*((?:` + monthAlt + `)\.?\s+\d{1,2}(?:\s*,\s*\d{4})?))?` +
		`\s*\(([^()\n]{2,40})\)\s*(?:(?:--?|–|—|•|_)\s+)?`)
	// An agency prefix: "AP - ", "Reuters - ".
	reAgencyPrefix = regexp.MustCompile(`^(\p{L}[\p{L}.&' ]{0,30}?)\s+(?:--?|–|—)\s+`)
	// A photo credit at the end of a caption: "… (May 2). PHOTOS: REUTERS, AFP".
	reCaptionCredit = regexp.MustCompile(`\s(?:(?:PHOTOS?|PICTURES?|IMAGES?|FILE PHOTO|VIDEO)\s*:\s*[\p{Lu}\d][\p{Lu}\d ,/&.'’\-]*|\((?i:photos?|pictures?|images?)\s*:[^()]{1,60}\))$`)
)

// analyze classifies the blocks of a.Text from start on, fills the metadata
// that the text states and sets Body.
func analyze(a *Article, start int, m *articleMeta) {
	text := a.Text
	blocks := paragraphs(text, start, hardWrapped(text))
	var (
		body      []Span
		headlines []Span // title, repeated title and capitals-only lines left out
		proseSeen bool   // the article prose has started: the page header is over
		stopped   bool
		titleNorm = normTitle(m.title)
		bodyIdx   int // body blocks so far, for the dateline check
	)
	for bi, b := range blocks {
		if stopped {
			break
		}
		raw := text[b.start:b.end]
		short := len(raw) <= 300
		var s string // the block with white space collapsed, for short blocks only
		if short {
			s = collapseSpace(raw)
		}
		header := !proseSeen && bi < 15

		if short {
			if drop, stop := classifyMeta(s, header, m); drop {
				// "5 Comments" under a headline is a counter, not the
				// comment section: only stop once the prose has begun.
				stopped = stop && proseSeen
				continue
			}
			// A headline: the first line of the page that is not furniture,
			// short, without a final period, set off by a blank line.
			if header && !m.titleKnown && titleNorm == "" && bodyIdx == 0 && headlineLike(s) &&
				(b.blankAfter || bi+1 < len(blocks) && (isMetaLine(text[blocks[bi+1].start:blocks[bi+1].end]) ||
					startsWithDateline(text[blocks[bi+1].start:blocks[bi+1].end]))) {
				m.title = s
				titleNorm = normTitle(s)
				headlines = append(headlines, Span{b.start, b.end})
				continue
			}
			// The headline repeated (often at the end of a page), or an
			// agency credit.
			if titleNorm != "" && normTitle(s) == titleNorm || isCreditLine(s) {
				headlines = append(headlines, Span{b.start, b.end})
				continue
			}
		}

		sp := Span{b.start, b.end}
		if bodyIdx < 3 {
			sp.Start = cutDateline(text, sp, m)
		}
		if tail := text[max(sp.Start, sp.End-120):sp.End]; strings.IndexByte(tail, ':') >= 0 {
			if loc := reCaptionCredit.FindStringIndex(tail); loc != nil {
				sp.End -= len(tail) - loc[0]
			}
		}
		sp = trimSpan(text, sp)
		if sp.Empty() {
			continue
		}
		body = append(body, sp)
		bodyIdx++
		if isProse(text[sp.Start:sp.End]) {
			proseSeen = true
		}
	}
	if len(body) == 0 {
		// A text that is only a headline ("DEMOCRATS WIN CONTROL OF
		// SENATE") still says something; an empty, non-nil Body would mean
		// that nothing is prose (nil means "not analysed").
		body = append([]Span{}, headlines...)
	}
	a.Body = body
	a.Title = m.title
	a.Publisher = m.publisher
	a.Issued = m.issued
}

// classifyMeta handles metadata lines and boilerplate. It reports whether the
// line is to be left out of the body, and whether the rest of the page is.
func classifyMeta(s string, header bool, m *articleMeta) (drop, stop bool) {
	// Boilerplate lines are short; skipping the rules for long ones saves
	// most of the regexp work on prose.
	if len(s) <= 200 {
		for _, r := range boilerplate {
			if r.re.MatchString(s) {
				return true, r.stop
			}
		}
	}
	if !strings.Contains(s, "ppeared") && !strings.Contains(s, "ublished") && !strings.Contains(s, "rinted") {
		// cannot match rePrintEdition, which is unanchored and so costly
	} else if sm := rePrintEdition.FindStringSubmatch(s); sm != nil && outletLike(strings.TrimSpace(sm[1])) {
		m.setPublisher(canonicalOutlet(strings.TrimSpace(sm[1])), prioStatement)
		if d, ok := ParseDate(sm[2]); ok {
			m.setIssued(d, prioHeaderLine)
		}
		return true, false
	}
	if len(s) > 100 {
		return false, false
	}
	if sm := reDateLabel.FindStringSubmatch(s); sm != nil {
		v := stripTrailer(sm[2])
		if md := reLabelDate.FindString(v); md != "" {
			v = md // "3:45 PM ET, Mon May 15, 2017": the date inside
		}
		if d, ok := ParseDate(v); ok {
			prio := prioStatement
			if strings.Contains(strings.ToLower(sm[1]), "updated") || strings.Contains(strings.ToLower(sm[1]), "modified") {
				prio = prioUpdated
			}
			m.setIssued(d, prio)
			return true, false
		}
	}
	if dateLineCandidate(s) {
		// month-name dates only for the page header, and a few lines at most.
		d, ok, slow := parseDate(s, header && m.slowDates < 3)
		if slow {
			m.slowDates++
		}
		if ok {
			// A date line under the headline is the article's date. One
			// above it (m.title still unknown) is the page's "today" in the
			// site header, as is any date after the prose began.
			if header && m.title != "" {
				m.setIssued(d, prioHeaderLine)
			}
			return true, false
		}
	}
	if c, ok := knownOutlets[strings.ToLower(s)]; ok {
		if header {
			m.setPublisher(c, prioHeaderLine)
		}
		return true, false
	}
	return false, false
}

// stripTrailer drops what often follows a date on a "Posted:" line.
func stripTrailer(s string) string {
	for _, sep := range []string{" | ", " - ", " – ", " by ", " By "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// isMetaLine tells whether a line looks like the metadata that follows a
// headline (byline, date, publisher), for headlines not followed by a blank.
func isMetaLine(raw string) bool {
	if len(raw) > 100 {
		return false
	}
	s := collapseSpace(raw)
	if reDateLabel.MatchString(s) || reByline.MatchString(s) {
		return true
	}
	if _, ok := knownOutlets[strings.ToLower(s)]; ok {
		return true
	}
	if dateLineCandidate(s) {
		_, ok := ParseDate(s)
		return ok
	}
	return false
}

// dateLineCandidate keeps ParseDate (and go-dateparser, which is slow on
// failures) away from lines that cannot be a date on their own.
func dateLineCandidate(s string) bool {
	return len(s) <= 60 && strings.Count(s, " ") < 6 && hasDigit(s)
}

// startsWithDateline: the block opens with a dateline naming an outlet
// ("BEIRUT, Dec 28 (Reuters) - "), so a short line just above it is the
// headline even without a blank line between them.
func startsWithDateline(block string) bool {
	for _, re := range []*regexp.Regexp{reDateline, reOutletDateline} {
		if m := re.FindStringSubmatch(block); m != nil && m[2] != "" {
			_, known := knownOutlets[strings.ToLower(strings.TrimSpace(m[2]))]
			return known
		}
	}
	return false
}

// headlineLike: short, several words, starts like a title, no final period.
func headlineLike(s string) bool {
	if len(s) < 8 || len(s) > 250 {
		return false
	}
	words := strings.Count(s, " ") + 1
	if words < 2 || words > 30 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"'‘“«`, first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".,;:", last)
}

// isCreditLine: an agency credit in capitals on its own line, such as
// "NYTIMES, REUTERS" or "AFP" under a story. It names the sources, not the
// publisher.
func isCreditLine(s string) bool {
	if len(s) > 60 || strings.Count(s, " ") > 5 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r), unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case strings.ContainsRune(" ,/&.-'’", r):
		default:
			return false
		}
	}
	return letters >= 2
}

// outletLike: "The Straits Times", not "the web" or "2017".
func outletLike(s string) bool {
	if s == "" || hasDigit(s) || strings.Count(s, " ") > 6 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isProse: a paragraph of the article rather than page furniture.
func isProse(s string) bool {
	if len(s) > 150 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`.!?"'”’)`, last) && strings.Count(s, " ") >= 7
}

// cutDateline returns where the prose of a paragraph starts after a dateline
// ("WASHINGTON/MOSCOW (Reuters) - "), noting the agency and a dated
// dateline's date.
func cutDateline(text string, sp Span, m *articleMeta) int {
	head := text[sp.Start:min(sp.End, sp.Start+200)]
	if loc := reDateline.FindStringSubmatchIndex(head); loc != nil && loc[1] < len(head) {
		if loc[4] >= 0 {
			if ag := strings.TrimSpace(head[loc[4]:loc[5]]); outletLike(ag) && strings.Count(ag, " ") < 4 {
				m.setPublisher(canonicalOutlet(ag), prioDateline)
			}
		} else if c, ok := knownOutlets[strings.ToLower(strings.TrimRight(head[:loc[1]], " \t\n-–—•"))]; ok {
			m.setPublisher(c, prioDateline) // "AP - …": an agency, not a city
		}
		if loc[2] >= 0 {
			if d, ok := datelineDate(head[loc[2]:loc[3]]); ok {
				m.setIssued(d, prioDateline)
			}
		}
		return sp.Start + loc[1]
	}
	if loc := reOutletDateline.FindStringSubmatchIndex(head); loc != nil && loc[1] < len(head) {
		if c, ok := knownOutlets[strings.ToLower(strings.TrimSpace(head[loc[4]:loc[5]]))]; ok {
			m.setPublisher(c, prioDateline)
			if loc[2] >= 0 {
				if d, ok := datelineDate(head[loc[2]:loc[3]]); ok {
					m.setIssued(d, prioDateline)
				}
			}
			return sp.Start + loc[1]
		}
	}
	if loc := reAgencyPrefix.FindStringSubmatchIndex(head); loc != nil && loc[1] < len(head) {
		if c, ok := knownOutlets[strings.ToLower(head[loc[2]:loc[3]])]; ok {
			m.setPublisher(c, prioDateline)
			return sp.Start + loc[1]
		}
	}
	return sp.Start
}

// paragraphs splits text[start:] into blocks: lines, or in hard-wrapped text
// runs of lines joined by soft line breaks.
func paragraphs(text string, start int, wrapped bool) []textBlock {
	var out []textBlock
	cur := -1 // start of the open block
	for pos := start; pos < len(text); {
		end := lineEnd(text, pos)
		switch {
		case isBlank(text[pos:end]):
			// An open block cannot reach here: softBreak needs a next line
			// that is not blank.
			if n := len(out); n > 0 {
				out[n-1].blankAfter = true
			}
		case wrapped && softBreak(text, end): // the block goes on
			if cur < 0 {
				cur = pos
			}
		default:
			if cur < 0 {
				cur = pos
			}
			sp := trimSpan(text, Span{cur, end})
			if !sp.Empty() {
				out = append(out, textBlock{start: sp.Start, end: sp.End})
			}
			cur = -1
		}
		pos = end + 1
	}
	if n := len(out); n > 0 && isBlank(text[out[n-1].end:]) {
		out[n-1].blankAfter = true
	}
	return out
}

// Hard-wrapped text. Reuters-21578 wraps lines at about 70 columns and marks
// paragraphs by indentation, so a line break there is a space, not a
// paragraph end; web text puts one paragraph on each line.
const wrapMin = 40 // a line shorter than this was not cut by wrapping

// softBreak reports whether, in hard-wrapped text, the line break at le is
// only wrapping: the next line is neither blank nor indented. (The length of
// the line before does not matter: the first line of a Reuters story is short
// because its dateline was cut off.)
func softBreak(text string, le int) bool {
	if le+1 >= len(text) {
		return false
	}
	c := text[le+1]
	if c == ' ' || c == '\t' || c == '\n' {
		return false
	}
	ne := lineEnd(text, le+1)
	return !isBlank(text[le+1 : ne])
}

// hardWrapped decides, for the whole text, whether single line breaks are
// wrapping: most breaks between two text lines follow a line that is long
// but does not end a sentence, and few lines are longer than a terminal.
func hardWrapped(text string) bool {
	lines, long, joins, soft := 0, 0, 0, 0
	prevLen := -1 // length of the previous line if it was not blank, else -1
	var prevLast rune
	for pos := 0; pos < len(text); {
		end := lineEnd(text, pos)
		l := strings.TrimRight(text[pos:end], " \t")
		if isBlank(l) {
			prevLen = -1
		} else {
			lines++
			if len(l) > 100 {
				long++
			}
			if prevLen >= 0 && l[0] != ' ' && l[0] != '\t' {
				joins++
				if prevLen >= wrapMin && !strings.ContainsRune(`.!?:;"”’)`, prevLast) {
					soft++
				}
			}
			prevLen = len(l)
			prevLast, _ = utf8.DecodeLastRuneInString(l)
		}
		pos = end + 1
	}
	return soft > 0 && soft*2 >= joins && long*10 <= lines
}

func lineEnd(text string, pos int) int {
	if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(text)
}

// isSpaceRune: white space, including no-break and zero-width spaces that
// web pages leave around text.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

func isBlank(s string) bool {
	for _, r := range s {
		if !isSpaceRune(r) {
			return false
		}
	}
	return true
}

// trimSpan shrinks sp to exclude surrounding white space; the result is on
// UTF-8 boundaries if sp was.
func trimSpan(text string, sp Span) Span {
	for sp.Start < sp.End {
		c := text[sp.Start]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' {
				break
			}
			sp.Start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[sp.Start:sp.End])
		if !isSpaceRune(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		c := text[sp.End-1]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' {
				break
			}
			sp.End--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !isSpaceRune(r) {
			break
		}
		sp.End -= n
	}
	return sp
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpaceRune(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normTitle compares titles loosely: case, curly quotes and spacing aside.
var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)

func normTitle(s string) string {
	if s == "" {
		return ""
	}
	s = quoteFolder.Replace(s)
	return strings.ToLower(collapseSpace(s))
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
