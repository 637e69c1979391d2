package ui

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// TableFormat is how a Table is written (--format).
type TableFormat string

// Table formats.
const (
	// TableText is for people: aligned columns under an upper-case header,
	// long cells cut at MaxWidth runes, then "(N rows)".
	TableText TableFormat = "table"
	// JSON is one array of objects, keys in column order, values strings.
	JSON TableFormat = "json"
	// CSV is RFC 4180: a header line, fields quoted when they hold a comma,
	// a quote or a line break.
	CSV TableFormat = "csv"
	// TSV is a header line, then one line per row, fields separated by tabs;
	// a backslash, tab, newline or carriage return inside a field is written
	// \\, \t, \n, \r, so every row stays one line and nothing is lost.
	TSV TableFormat = "tsv"
)

// TableFormats lists every table format, in the order help lists them.
var TableFormats = []TableFormat{TableText, JSON, CSV, TSV}

// ParseTableFormat reads a --format value among those allowed (all when
// none are given).
func ParseTableFormat(s string, allowed ...TableFormat) (TableFormat, error) {
	if len(allowed) == 0 {
		allowed = TableFormats
	}
	names := make([]string, len(allowed))
	for i, f := range allowed {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
		names[i] = string(f)
	}
	return "", fmt.Errorf("--format %q: use %s", s, strings.Join(names, ", "))
}

// Table is rows of cells under named columns.
type Table struct {
	Columns []string
	Rows    [][]string
	// Short, when set, shortens a cell for the text table only (for
	// example an IRI to prefix:name); the other formats keep full values.
	Short func(string) string
	// MaxWidth cuts text-table cells longer than this many runes (0: 100).
	MaxWidth int
	// Numeric marks columns whose cells JSON writes as numbers (a cell
	// that is not a number is still written as a string).
	Numeric []bool
}

// Write writes the table in format f.
func (t *Table) Write(w io.Writer, f TableFormat) error {
	switch f {
	case JSON:
		return t.writeJSON(w)
	case CSV:
		cw := csv.NewWriter(w)
		cw.Write(t.Columns)
		cw.WriteAll(t.Rows) // flushes
		return cw.Error()
	case TSV:
		var b strings.Builder
		for _, row := range append([][]string{t.Columns}, t.Rows...) {
			for j, cell := range row {
				if j > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(tsvEscaper.Replace(cell))
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	case TableText, "":
		return t.writeText(w)
	}
	return fmt.Errorf("unknown table format %q", f)
}

var tsvEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func (t *Table) writeText(w io.Writer) error {
	max := t.MaxWidth
	if max <= 0 {
		max = 100
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = strings.ToUpper(c)
	}
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			if t.Short != nil {
				c = t.Short(c)
			}
			// one line per row, and no tab to break the alignment
			c = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
			cells[i] = truncate(c, max)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	noun := "rows"
	if len(t.Rows) == 1 {
		noun = "row"
	}
	_, err := fmt.Fprintf(w, "(%d %s)\n", len(t.Rows), noun)
	return err
}

func (t *Table) writeJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteString("[")
	for i, row := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, c := range t.Columns {
			if j > 0 {
				b.WriteString(", ")
			}
			cell := ""
			if j < len(row) {
				cell = row[j]
			}
			if j < len(t.Numeric) && t.Numeric[j] && isJSONNumber(cell) {
				b.WriteString(jsonString(c) + ": " + cell)
			} else {
				b.WriteString(jsonString(c) + ": " + jsonString(cell))
			}
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// isJSONNumber reports whether s is a number as JSON writes one.
func isJSONNumber(s string) bool {
	var n json.Number
	return s != "" && json.Unmarshal([]byte(s), &n) == nil && n.String() == s
}

// jsonString quotes s for JSON without HTML escaping (IRIs are <…>).
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
