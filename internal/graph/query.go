package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo" // registers the gizmo language
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/dop251/goja"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
)

// Result is one row of a Gizmo query: tag → value in N-Triples notation
// ("<iri>", "\"literal\"", "\"2017-05-02\"^^<…#date>"). The "id" tag holds
// the node the path ended on.
type Result map[string]any

// curieRE finds quoted CURIEs in a query: "kg:actor", '<actor:Donald_Trump>'.
var curieRE = regexp.MustCompile(`(["'])<?([A-Za-z][A-Za-z0-9]*):([^"'<>\s]*)>?(["'])`)

// ExpandCURIEs rewrites quoted CURIEs with a known prefix ("kg:actor",
// "actor:Donald_Trump") to the full IRIs Gizmo expects ("<https://…#actor>"),
// so users need not type namespaces. Other strings are left alone.
func ExpandCURIEs(q string) string {
	ns := map[string]string{}
	for _, p := range Prefixes {
		ns[p.Name] = p.IRI
	}
	return curieRE.ReplaceAllStringFunc(q, func(m string) string {
		g := curieRE.FindStringSubmatch(m)
		base, ok := ns[g[2]]
		if !ok || g[1] != g[4] {
			return m
		}
		return g[1] + "<" + base + g[3] + ">" + g[4]
	})
}

// QueryError is a mistake in a query: JavaScript syntax, an exception thrown
// by Gizmo, or a runtime error, with its position when known.
type QueryError struct {
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

func (e *QueryError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("query:%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return "query: " + e.Msg
}

var posRE = regexp.MustCompile(`\(?(?:<eval>|Line) ?:?(\d+):(\d+)\)?`)

// prelude defines helpers available in every query, on the query's first
// line so that line numbers in error messages stay the user's:
//
//	actor("Donald_Trump")   the actor's IRI
//	cameo("041")            the CAMEO concept's IRI
//	iri("kg:actor")         any CURIE with kg's prefixes
//	date("2017-05-02")      an xsd:date literal, for Filter(gte(date(…)), lte(date(…)))
//	events()                every event, once
//	events(path)            the events among path's nodes, each once: a path
//	                        reaches an event once per way to it (an event
//	                        with actions 041 and 040 twice from cameo("04"))
const prelude = `function iri(c){return c.charAt(0)=="<"?c:"<"+c+">"}` +
	`function actor(n){return "<` + NSActor + `"+n+">"}` +
	`function cameo(c){return "<` + NSCameo + `"+c+">"}` +
	`function date(d){return '"'+d+'"^^<` + XSDDate + `>'}` +
	`function events(p){return p===undefined?g.V("<` + ClassEvent + `>").In("<` + RDFType + `>"):p.Has("<` + RDFType + `>","<` + ClassEvent + `>").Unique()};`

// Query runs a Gizmo query against the store and returns at most limit
// results (0: no limit); ToArray() and TagArray() without a count return
// at most limit values too.
//
// It asks Gizmo for raw results rather than its JSON collation because the
// JSON collation drops the value of the query's last expression: with it,
// g.V(...).Count() — a documented kg query — came back as one nil row. Here
// that value becomes a {"result": N} row, as g.Emit(N) would give; tagged
// rows are converted exactly as the JSON collation converts them.
func (s *Store) Query(ctx context.Context, text string, limit int) ([]Result, error) {
	it, err := query.Execute(ctx, s.qs, "gizmo", prepareGizmo(text, limit), query.Options{Collation: query.Raw, Limit: limit})
	if err != nil {
		return nil, queryError(err)
	}
	defer func() {
		// Gizmo runs the query in a goroutine, which Close interrupts but
		// does not wait for. Wait until it is done (has closed its
		// iterators): closing the store while one still holds a bolt
		// transaction deadlocks in bbolt.
		it.Close()
		for it.Next(ctx) {
		}
	}()
	nm := s.newNamer()
	defer nm.close()
	var out []Result
	for it.Next(ctx) {
		r, ok := s.result(nm, it.Result())
		if !ok {
			continue
		}
		out = append(out, r)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return out, queryError(err)
	}
	// When ctx ends as the query's goroutine finishes, Gizmo's Next may
	// report the end of the results rather than ctx's error: an answer that
	// may be cut short must not pass for the whole one (kg query then
	// exited 0 after Ctrl-C).
	if err := ctx.Err(); err != nil {
		return out, queryError(err) // as when Gizmo reports it
	}
	return out, nil
}

// result converts one raw Gizmo result; ok is false for nothing to show
// (the null that All() returns, or a path object left as last value).
func (s *Store) result(nm *namer, raw any) (Result, bool) {
	r, ok := raw.(*gizmo.Result)
	if !ok || r == nil {
		return nil, false
	}
	if r.Tags != nil {
		out := make(Result, len(r.Tags))
		for k, ref := range r.Tags {
			if v := nm.native(ref); v != nil {
				out[k] = v
			}
		}
		return out, len(out) > 0
	}
	switch v := r.Val.(type) {
	case nil:
		return nil, false
	case map[string]any:
		if r.Meta {
			return Result{"result": v}, true
		}
		return Result(v), true
	case string, bool, int, int64, float64, []any:
		return Result{"result": v}, true
	}
	if r.Meta {
		return nil, false // a Gizmo path or graph object: not a value
	}
	return Result{"result": r.Val}, true
}

// namer gives the values of one query's result nodes. Rows share nodes
// (an actor in every row of its events, the "id" beside the last tag), so
// each node is read once; on bolt, all in one read transaction rather than
// one each.
type namer struct {
	qs   cgraph.QuadStore
	seen map[any]any
	ids  map[kv.Int64Value]any // seen, for bolt's refs (no boxing per lookup)
	tx   *bolt.Tx
	log  *bolt.Bucket
}

func (s *Store) newNamer() *namer {
	return &namer{qs: s.qs, seen: map[any]any{}, ids: map[kv.Int64Value]any{}}
}

// native is the node's value as nativeValue gives it (nil: none).
func (n *namer) native(ref cgraph.Ref) any {
	if ref == nil {
		return nil
	}
	if id, ok := ref.(kv.Int64Value); ok {
		v, ok := n.ids[id]
		if !ok {
			v = nativeValue(n.value(ref))
			n.ids[id] = v
		}
		return v
	}
	key := ref.Key()
	if v, ok := n.seen[key]; ok {
		return v
	}
	v := nativeValue(n.value(ref))
	n.seen[key] = v
	return v
}

func (n *namer) value(ref cgraph.Ref) quad.Value {
	ks, ok := n.qs.(*kvStore)
	id, isID := ref.(kv.Int64Value)
	if !ok || !isID || ks.bolt == nil {
		return n.qs.NameOf(ref)
	}
	if n.tx == nil {
		err := boltkv.Protect(func() error {
			tx, err := ks.bolt.Begin(false)
			if err == nil {
				n.tx, n.log = tx, tx.Bucket(logBucket)
			}
			return err
		})
		if err != nil || n.log == nil {
			return n.qs.NameOf(ref)
		}
	}
	v, err := nodeValue(n.log, uint64(id))
	if err != nil {
		return n.qs.NameOf(ref) // Cayley's own read, which logs what went wrong
	}
	return v
}

func (n *namer) close() {
	if n.tx != nil {
		n.tx.Rollback()
		n.tx, n.log = nil, nil
	}
}

var logBucket = []byte("log")

// nodeValue reads node id's value from Cayley's log, as Cayley's NameOf
// does (nil for id 0 or a quad).
func nodeValue(log *bolt.Bucket, id uint64) (v quad.Value, err error) {
	if id == 0 {
		return nil, nil
	}
	err = boltkv.Protect(func() error {
		var p proto.Primitive
		if err := p.Unmarshal(log.Get(binary.BigEndian.AppendUint64(nil, id))); err != nil {
			return err
		}
		if p.IsNode() {
			v, err = pquads.UnmarshalValue(p.Value)
		}
		return err
	})
	return v, err
}

// nativeValue is Gizmo's JSON conversion of a node: Go values for types
// quad knows (numbers, booleans, times), N-Triples notation for the rest.
func nativeValue(v quad.Value) any {
	if v == nil {
		return nil
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && nv == v {
		return quad.StringOf(v)
	}
	return out
}

func queryError(err error) error {
	var ex *goja.Exception
	var syn *goja.CompilerSyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &syn):
		msg = syn.Error()
	case errors.As(err, &ex):
		msg = ex.Error()
	}
	qe := &QueryError{Msg: strings.TrimSpace(msg)}
	if m := posRE.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &qe.Line)
		fmt.Sscan(m[2], &qe.Col)
		qe.Msg = strings.TrimSpace(posRE.ReplaceAllString(qe.Msg, ""))
		if qe.Line == 1 {
			qe.Col -= len(prelude) // the prelude shares the first line
		}
	}
	qe.Msg = strings.Join(strings.Fields(strings.ReplaceAll(qe.Msg, "(anonymous):", "")), " ")
	return qe
}

// tagsRE finds where a Gizmo query names tags: Tag("a"), As("a"),
// Tag(["a", "b"]), SaveInPredicates("a"), SaveOutPredicates("a") (group 1),
// and Save(pred, "a"), SaveR, SaveOpt, SaveOptR (group 2). Gizmo's methods
// also go by their lower-case names.
var tagsRE = regexp.MustCompile(`\.(?:[Tt]ag|[Aa]s|[Ss]aveInPredicates|[Ss]aveOutPredicates)\(\s*(\[[^\]]*\]|"[^"]*"|'[^']*')` +
	`|\.[Ss]ave(?:Opt)?R?\(\s*(?:"[^"]*"|'[^']*'|[^,()]+)\s*,\s*("[^"]*"|'[^']*')`)

var quotedRE = regexp.MustCompile(`"([^"]*)"|'([^']*)'`)

// Tags are the tags a Gizmo query names, in the order it names them.
func Tags(query string) []string {
	var out []string
	for _, m := range tagsRE.FindAllStringSubmatch(query, -1) {
		for _, q := range quotedRE.FindAllStringSubmatch(m[1]+m[2], -1) {
			if t := q[1] + q[2]; !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// Columns returns the columns to show results of query in: its tags in
// the order the query names them, then any other keys ("result" for
// g.Emit or a final Count()), and last "id", the node each path ended on,
// unless a tag holds the same node in every row, as in
// ….Tag("target").All().
func Columns(rs []Result, query string) []string {
	present := map[string]bool{}
	for _, r := range rs {
		for k := range r {
			present[k] = true
		}
	}
	var cols []string
	for _, t := range Tags(query) {
		if present[t] {
			cols = append(cols, t)
			delete(present, t)
		}
	}
	id := present["id"]
	delete(present, "id")
	cols = append(cols, slices.Sorted(maps.Keys(present))...)
	if id && !redundantID(rs, cols) {
		cols = append(cols, "id")
	}
	return cols
}

// redundantID reports whether one of cols holds each row's id.
func redundantID(rs []Result, cols []string) bool {
	for _, c := range cols {
		same := true
		for _, r := range rs {
			if id, ok := r["id"]; ok && fmt.Sprint(id) != fmt.Sprint(r[c]) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// Compact shortens an N-Triples term for display: "<https://w3id.org/kg/ns#actor>"
// → "kg:actor", "\"2017-05-02\"^^<…#date>" → "2017-05-02".
func Compact(v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprint(v)
	}
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		iri := s[1 : len(s)-1]
		for _, p := range Prefixes {
			if strings.HasPrefix(iri, p.IRI) && len(iri) > len(p.IRI) {
				return p.Name + ":" + iri[len(p.IRI):]
			}
		}
		return s
	}
	if strings.HasPrefix(s, `"`) {
		if i := strings.LastIndex(s, `"`); i > 0 {
			return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, " ").Replace(s[1:i])
		}
	}
	return s
}
