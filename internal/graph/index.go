package graph

// The query index: what kg events, kg actors and kg stats read, kept in
// the store beside Cayley's own tables and changed in the same transaction
// as the quads it is derived from.
//
// Cayley's bolt indexes are led by subject or object, so any question
// about all events (how many, which actors are most active, the events of
// a CAMEO root between two dates) reads every quad. The index holds the
// answers' ingredients:
//
//	f S H            facts: the quads the index is derived from (types of
//	                 events, reports, articles and actors; kg:actor, kg:target,
//	                 kg:action, kg:date, kg:source, kg:sourceCount,
//	                 kg:evidence; labels, aliases, country codes); H is a
//	                 digest of predicate, object and graph, which the value
//	                 holds
//	e E              an event's record (EventRecord, index_record.go)
//	a A              an actor's record (ActorRecord)
//	n A              an actor's label (its display name, for listings)
//	l NAME A         actor A is called NAME (Fold of a label, an alias or
//	                 hidden label, or its IRI's local name); value "1" label,
//	                 "2" alias, "3" local name
//	p KIND M DATE E  postings: the events of member M (an actor, a target, a
//	                 CAMEO root or code, a source article; KIND "date" has
//	                 the single member "*"), in date order, undated last
//	n KIND M         how many events (subjects, for KIND "type") member M has
//	r KIND RANK M    the same counts ranked, largest first (value: M)
//	m KIND           how many members KIND has
//	v                the index's format version; absent while it is built
//
// Every entry but the facts is a function of one subject's facts. A write
// records the facts it adds or removes, and for each subject whose facts
// changed, replaces what the old facts derived with what the new ones
// derive (derive, applyDerived). So the index is the same whatever order
// quads arrive in, over any number of builds and loads, and since it is
// written in the transaction that writes the quads, an interrupted build
// leaves quads and index in step.
//
// Terms are kept in N-Triples notation ("<iri>", "\"text\"@en"). Key parts
// are joined by a NUL byte; NUL and \x01 inside a part are escaped, in a
// way that keeps byte order, so prefix scans see whole parts. A part longer
// than maxKeyPart is cut and ends in a digest of the whole (bolt keys are
// at most 32 KiB, and an IRI or an article id can be anything): records,
// fact and rank values hold the whole terms.

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"golang.org/x/text/unicode/norm"
)

const (
	indexBucket = "kg.index"
	// indexVersion changes when what the index holds or how changes; a
	// store with another version is re-indexed when opened for writing.
	indexVersion = "5"
)

// Index kinds: what a posting list or a count is of.
const (
	KindDate     = "date"     // all events (member "*")
	KindActor    = "actor"    // events by their kg:actor
	KindTarget   = "target"   // events by their kg:target
	KindInvolved = "involved" // events by actor or target (counts only)
	KindRoot     = "root"     // events by CAMEO root ("04")
	KindCode     = "code"     // events by CAMEO code ("041")
	KindSource   = "source"   // events by the article reporting them
	KindDyad     = "dyad"     // events by actor and target (counts only; member DyadMember(a, t))
	KindPartner  = "partner"  // events two actors share, in either role (counts only; member DyadMember(x, y), both ways)
	KindMonth    = "month"    // dated events by participant, month and CAMEO root (counts only; member MonthMember)
	KindType     = "type"     // subjects by class (counts only)
)

// Undated is the date part of postings of events without a date: it sorts
// after every date.
const Undated = "~"

// DyadMember is the member of KindDyad for actor a and target t, and of
// KindPartner for actors x and y.
func DyadMember(a, t string) string { return a + "\x00" + t }

// MonthMember is the member of KindMonth for the events actor x ("*":
// any) takes part in, in month ("2017-05"), under CAMEO root.
func MonthMember(x, month, root string) string { return x + "\x00" + month + "\x00" + root }

// EventRecord is what the index knows of an event. Terms are in N-Triples
// notation; lists are sorted and hold each value once.
type EventRecord struct {
	ID       string
	Date     string   // the earliest kg:date, "2017-05-02"; "" when undated
	Actors   []string // kg:actor values
	Targets  []string // kg:target values
	Codes    []string // CAMEO codes of its kg:action ("041")
	Sources  int      // articles reporting it: its kg:source values, or kg:sourceCount if larger
	Evidence string   // one of its evidence sentences (the first in byte order)
}

// ActorRecord is what the index knows of an actor (a subject typed with an
// actor class).
type ActorRecord struct {
	ID      string
	Labels  []string // rdfs:label values (lexical forms), an English one first
	Aliases []string // skos:altLabel values
	Types   []string // class terms
	Country string   // kg:countryCode
}

// Label is the actor's display name: its first label, else "".
func (a *ActorRecord) Label() string {
	if a == nil || len(a.Labels) == 0 {
		return ""
	}
	return a.Labels[0]
}

var (
	// factPredicates are the predicates whose quads are facts.
	factPredicates = map[string]bool{
		iriTerm(RDFType): true, iriTerm(PropActor): true, iriTerm(PropTarget): true,
		iriTerm(PropAction): true, iriTerm(PropDate): true, iriTerm(PropSource): true,
		iriTerm(PropSourceCount): true, iriTerm(PropEvidence): true, iriTerm(RDFSLabel): true,
		iriTerm(SKOSAltLabel): true, iriTerm(SKOSHiddenLabel): true, iriTerm(PropCountryCode): true,
	}
	// factTypes are the classes whose rdf:type quads are facts.
	factTypes = map[string]bool{
		iriTerm(ClassEvent): true, iriTerm(ClassReport): true, iriTerm(ClassArticle): true,
		iriTerm(ClassActor): true, iriTerm(ClassPerson): true, iriTerm(ClassCountry): true,
		iriTerm(ClassOrganization): true, iriTerm(ClassGroup): true,
	}
	actorTypes = map[string]bool{
		iriTerm(ClassActor): true, iriTerm(ClassPerson): true, iriTerm(ClassCountry): true,
		iriTerm(ClassOrganization): true, iriTerm(ClassGroup): true,
	}
	termEvent  = iriTerm(ClassEvent)
	cameoTerm  = "<" + NSCameo
	termRDFTyp = iriTerm(RDFType)
)

func iriTerm(iri string) string { return "<" + iri + ">" }

// term is a value in N-Triples notation; "" for none (the default graph).
func term(v quad.Value) string {
	if v == nil {
		return ""
	}
	return quad.StringOf(v)
}

// ---- keys ----

var keyEscaper = strings.NewReplacer("\x01", "\x01\x02", "\x00", "\x01\x01")
var keyUnescaper = strings.NewReplacer("\x01\x02", "\x01", "\x01\x01", "\x00")

// ikey is the index key of parts.
func ikey(parts ...string) hkv.Key {
	return hkv.Key{[]byte(indexBucket), []byte(joinKey(parts))}
}

// iprefix is the key prefix of every key whose first parts are parts.
func iprefix(parts ...string) hkv.Key {
	return hkv.Key{[]byte(indexBucket), []byte(joinKey(parts) + "\x00")}
}

func joinKey(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(0)
		}
		keyEscaper.WriteString(&b, keyPart(p))
	}
	return b.String()
}

// maxKeyPart bounds a key part (see the file comment).
const maxKeyPart = 512

// keyPart is p, or when longer than maxKeyPart, its start and a digest of
// the whole. keyPart(keyPart(p)) == keyPart(p).
func keyPart(p string) string {
	if len(p) <= maxKeyPart {
		return p
	}
	h := sha256.Sum256([]byte(p))
	return p[:400] + "\x02" + hex.EncodeToString(h[:16])
}

// splitKey returns the parts of an index key (without the bucket).
func splitKey(k []byte) []string {
	parts := strings.Split(string(k), "\x00")
	for i, p := range parts {
		if strings.IndexByte(p, 1) >= 0 {
			parts[i] = keyUnescaper.Replace(p)
		}
	}
	return parts
}

// lastKey is the key part of a full hkv key.
func lastKey(k hkv.Key) []byte { return k[len(k)-1] }

// rank orders counts largest first.
func rank(n int64) string { return fmt.Sprintf("%019d", int64(1<<62)-n) }

// ---- facts and what they derive ----

type fact struct{ p, o, g string }

// derived is what one subject's facts put in the index: entries (key →
// value) and contributions to counts.
type derived struct {
	entries map[string][]byte
	counts  map[[2]string]int64 // {kind, member} → n
}

func (d *derived) put(v []byte, parts ...string) { d.entries[joinKey(parts)] = v }
func (d *derived) count(kind, member string)     { d.counts[[2]string{kind, member}]++ }

// derive computes what subject s's facts put in the index.
func derive(s string, facts []fact) derived {
	d := derived{entries: map[string][]byte{}, counts: map[[2]string]int64{}}
	if len(facts) == 0 {
		return d
	}
	// in a fixed order: what is derived must not depend on the order facts
	// are read in (an actor's first English label is the display name)
	facts = slices.Clone(facts)
	slices.SortFunc(facts, func(a, b fact) int {
		return cmp.Or(strings.Compare(a.p, b.p), strings.Compare(a.o, b.o), strings.Compare(a.g, b.g))
	})
	set := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	types, actors, targets, codes, dates, sources := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	labels, aliases, hidden := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var evidence, country string
	for _, f := range facts {
		switch f.p {
		case termRDFTyp:
			types[f.o] = true
		case iriTerm(PropActor):
			actors[f.o] = true
		case iriTerm(PropTarget):
			targets[f.o] = true
		case iriTerm(PropAction):
			if strings.HasPrefix(f.o, cameoTerm) && strings.HasSuffix(f.o, ">") {
				codes[f.o[len(cameoTerm):len(f.o)-1]] = true
			}
		case iriTerm(PropDate):
			if v := lexical(f.o); v != "" {
				dates[v] = true
			}
		case iriTerm(PropSource):
			sources[f.o] = true
		case iriTerm(PropEvidence):
			if v := lexical(f.o); evidence == "" || v < evidence {
				evidence = v
			}
		case iriTerm(RDFSLabel):
			labels[lexical(f.o)] = true
		case iriTerm(SKOSAltLabel):
			aliases[lexical(f.o)] = true
		case iriTerm(SKOSHiddenLabel):
			hidden[lexical(f.o)] = true
		case iriTerm(PropCountryCode):
			if v := lexical(f.o); country == "" || v < country {
				country = v
			}
		}
	}
	for t := range types {
		d.count(KindType, t)
	}
	if types[termEvent] {
		rec := EventRecord{ID: s, Actors: set(actors), Targets: set(targets), Codes: set(codes), Sources: shownSources(facts), Evidence: evidence}
		date := Undated
		if ds := set(dates); len(ds) > 0 {
			rec.Date, date = ds[0], ds[0]
		}
		d.put(rec.encode(), "e", s)
		post := func(kind, member string) {
			d.put(nil, "p", kind, member, date, s)
			d.count(kind, member)
		}
		post(KindDate, "*")
		involved := map[string]bool{}
		for _, a := range rec.Actors {
			post(KindActor, a)
			involved[a] = true
			for _, t := range rec.Targets {
				d.count(KindDyad, DyadMember(a, t))
			}
		}
		for _, t := range rec.Targets {
			post(KindTarget, t)
			involved[t] = true
		}
		for x := range involved {
			d.count(KindInvolved, x)
			for y := range involved {
				if y != x {
					d.count(KindPartner, DyadMember(x, y))
				}
			}
		}
		roots := map[string]bool{}
		for _, c := range rec.Codes {
			post(KindCode, c)
			if len(c) >= 2 {
				roots[c[:2]] = true
			}
		}
		for r := range roots {
			post(KindRoot, r)
			if len(rec.Date) >= 7 {
				d.count(KindMonth, MonthMember("*", rec.Date[:7], r))
				for x := range involved {
					d.count(KindMonth, MonthMember(x, rec.Date[:7], r))
				}
			}
		}
		for src := range sources {
			post(KindSource, src)
		}
	}
	isActor := false
	for t := range types {
		isActor = isActor || actorTypes[t]
	}
	if isActor {
		rec := ActorRecord{ID: s, Labels: set(labels), Aliases: set(aliases), Types: set(types), Country: country}
		// an English label first: it is the one kg writes
		for _, f := range facts {
			if f.p == iriTerm(RDFSLabel) && strings.HasSuffix(f.o, "@en") {
				l := lexical(f.o)
				rec.Labels = append([]string{l}, slices.DeleteFunc(rec.Labels, func(x string) bool { return x == l })...)
				break
			}
		}
		d.put(rec.encode(), "a", s)
		if l := rec.Label(); l != "" {
			d.put([]byte(l), "n", s)
		}
		// how it is called, best first: a name that is also a label is a label
		for i, names := range [][]string{rec.Labels, append(rec.Aliases, set(hidden)...), {localName(IRIOf(s))}} {
			for _, n := range names {
				if k := joinKey([]string{"l", Fold(n), s}); d.entries[k] == nil {
					d.entries[k] = []byte{byte('1' + i)}
				}
			}
		}
	}
	return d
}

// localName is the last segment of an IRI, with spaces for underscores.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "/#"); i >= 0 {
		iri = iri[i+1:]
	}
	return strings.ReplaceAll(iri, "_", " ")
}

// Fold is s as actor names are compared: lower case, without accents, "_" and
// runs of spaces as one space, curly apostrophes straight.
func Fold(s string) string {
	s = strings.TrimSpace(s)
	if isASCII(s) {
		// most names: the same, byte by byte, without NFD (which leaves
		// ASCII as it is) and Unicode tables; they were most of kg actors
		// SEARCH's time, which folds every name of every actor
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// foldUnicode is Fold of trimmed s, any text.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '_' || unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2019' || r == '\u2018':
			r = '\''
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is Fold of trimmed ASCII s.
func foldASCII(s string) string {
	if foldedASCII(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// foldedASCII reports whether trimmed ASCII s is its own Fold: lower
// case, no "_", single spaces.
func foldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c == '_', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && i > 0 && s[i-1] == ' ':
			return false
		}
	}
	return true
}

// lexical is the lexical form of a literal in the notation of
// quad.StringOf ("\"text\"@en", "\"2\"^^<…#integer>"), whose closing quote
// is its last: language tags and datatype IRIs hold none.
func lexical(t string) string {
	end := strings.LastIndexByte(t, '"')
	if len(t) < 2 || t[0] != '"' || end < 1 {
		return t
	}
	return literalUnescaper.Replace(t[1:end])
}

// literalUnescaper undoes quad.String's escaping.
var literalUnescaper = strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\n`, "\n", `\r`, "\r", `\t`, "\t")

// ---- applying changes ----

// indexChange is a fact added or removed.
type indexChange struct {
	f   fact
	add bool
}

// applyIndex updates the index in tx for the deltas, whose quads tx is
// adding or removing. Adding a fact already there, or removing one that is
// not, changes nothing: deltas may repeat what the store holds.
//
// Every read sees the index as it was before the call: each subject's facts
// are read before they are written, and the changes to counts are summed
// over all subjects and applied at the end, once per count. So the writes
// can be buffered and made in key order (sortedTx), and a count shared by
// many events (an actor's) is rewritten once a batch, not once an event.
func applyIndex(ctx context.Context, tx hkv.Tx, deltas []cgraph.Delta) error {
	return applyIndexNew(ctx, tx, deltas, nil)
}

// applyIndexNew is applyIndex for a writer that knows which subjects the
// store did not hold before (isNew; nil: none known): their facts are not
// looked for.
func applyIndexNew(ctx context.Context, tx hkv.Tx, deltas []cgraph.Delta, isNew func(quad.Value) bool) error {
	bySubject := map[string][]indexChange{}
	fresh := map[string]bool{}
	var subjects []string
	for _, d := range deltas {
		q := d.Quad
		p := term(q.Predicate)
		if !factPredicates[p] {
			continue
		}
		o := term(q.Object)
		if p == termRDFTyp && !factTypes[o] {
			continue
		}
		s := term(q.Subject)
		if _, ok := bySubject[s]; !ok {
			subjects = append(subjects, s)
			if isNew != nil && isNew(q.Subject) {
				fresh[s] = true
			}
		}
		bySubject[s] = append(bySubject[s], indexChange{f: fact{p, o, term(q.Label)}, add: d.Action == cgraph.Add})
	}
	slices.Sort(subjects)
	counts := map[[2]string]int64{}
	for _, s := range subjects {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := applySubject(ctx, tx, s, fresh[s], bySubject[s], counts); err != nil {
			return fmt.Errorf("query index: %w", err)
		}
	}
	if err := applyCounts(ctx, tx, counts); err != nil {
		return fmt.Errorf("query index: %w", err)
	}
	return nil
}

// applySubject applies one subject's fact changes and what they derive,
// adding the changes to counts to counts. A fresh subject has no facts yet.
func applySubject(ctx context.Context, tx hkv.Tx, s string, fresh bool, changes []indexChange, counts map[[2]string]int64) error {
	var old []fact
	var err error
	if !fresh {
		if old, err = subjectFacts(ctx, tx, s); err != nil {
			return err
		}
	}
	have := make(map[fact]bool, len(old))
	for _, f := range old {
		have[f] = true
	}
	changed := false
	for _, c := range changes {
		if c.add == have[c.f] {
			continue
		}
		changed = true
		k := ikey("f", s, factDigest(c.f))
		if c.add {
			have[c.f] = true
			err = tx.Put(k, []byte(c.f.p+"\x00"+c.f.o+"\x00"+c.f.g))
		} else {
			delete(have, c.f)
			err = tx.Del(k)
		}
		if err != nil {
			return err
		}
	}
	if !changed {
		return nil
	}
	now := make([]fact, 0, len(have))
	for f := range have {
		now = append(now, f)
	}
	// UpdateSourceCounts restates the count of every event of a build, and
	// a count changes what derive makes of an event only through the
	// number of sources it shows: deriving each event twice to find that
	// unchanged was most of that step's time
	if onlySourceCounts(changes) && shownSources(old) == shownSources(now) {
		return nil
	}
	return applyDerived(tx, derive(s, old), derive(s, now), counts)
}

func onlySourceCounts(changes []indexChange) bool {
	for _, c := range changes {
		if c.f.p != iriTerm(PropSourceCount) {
			return false
		}
	}
	return true
}

// shownSources is the number of sources an event with these facts shows
// (its record's Sources): its distinct kg:source values, or its largest
// kg:sourceCount if greater. derive and applySubject's shortcut both read
// it, so they cannot disagree.
func shownSources(facts []fact) int {
	sources := map[string]bool{}
	stated := 0
	for _, f := range facts {
		switch f.p {
		case iriTerm(PropSource):
			sources[f.o] = true
		case iriTerm(PropSourceCount):
			if n, err := strconv.Atoi(lexical(f.o)); err == nil && n > stated {
				stated = n
			}
		}
	}
	return max(len(sources), stated)
}

// subjectFacts reads the facts of s.
func subjectFacts(ctx context.Context, tx hkv.Tx, s string) ([]fact, error) {
	var out []fact
	it := tx.Scan(iprefix("f", s))
	defer it.Close()
	for it.Next(ctx) {
		parts := strings.SplitN(string(it.Val()), "\x00", 3)
		if len(parts) != 3 {
			return nil, fmt.Errorf("bad fact %q", it.Val())
		}
		out = append(out, fact{parts[0], parts[1], parts[2]})
	}
	return out, it.Err()
}

// factDigest names a fact among its subject's.
func factDigest(f fact) string {
	h := sha256.Sum256([]byte(f.p + "\x00" + f.o + "\x00" + f.g))
	return hex.EncodeToString(h[:12])
}

// applyDerived replaces what old derived with what now derives; the
// changes to counts are added to counts.
func applyDerived(tx hkv.Tx, old, now derived, counts map[[2]string]int64) error {
	bucket := []byte(indexBucket)
	for k := range old.entries {
		if _, ok := now.entries[k]; !ok {
			if err := tx.Del(hkv.Key{bucket, []byte(k)}); err != nil {
				return err
			}
		}
	}
	for k, v := range now.entries {
		if ov, ok := old.entries[k]; !ok || !bytes.Equal(ov, v) {
			if v == nil {
				v = []byte{}
			}
			if err := tx.Put(hkv.Key{bucket, []byte(k)}, v); err != nil {
				return err
			}
		}
	}
	for c, n := range old.counts {
		counts[c] -= n
	}
	for c, n := range now.counts {
		counts[c] += n
	}
	return nil
}

// applyCounts adds the changes to counts, in key order, keeping each
// member's rank entry and each kind's number of members.
func applyCounts(ctx context.Context, tx hkv.Tx, counts map[[2]string]int64) error {
	keys := make([][2]string, 0, len(counts))
	for c, d := range counts {
		if d != 0 {
			keys = append(keys, c)
		}
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	members := map[string]int64{} // kind → change in its number of members
	var kinds []string
	for _, c := range keys {
		m, err := addCount(ctx, tx, c[0], c[1], counts[c])
		if err != nil {
			return err
		}
		if _, ok := members[c[0]]; !ok {
			kinds = append(kinds, c[0])
		}
		members[c[0]] += m
	}
	for _, kind := range kinds {
		if d := members[kind]; d != 0 {
			if err := addMembers(ctx, tx, kind, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// addCount adds d to the count of member in kind, keeping its rank entry,
// and returns the change in the kind's number of members (+1 a new member,
// -1 one gone, else 0).
func addCount(ctx context.Context, tx hkv.Tx, kind, member string, d int64) (int64, error) {
	old, err := readCount(ctx, tx, ikey("n", kind, member))
	if err != nil {
		return 0, err
	}
	now := old + d
	if now < 0 {
		return 0, fmt.Errorf("count %s %s below zero", kind, member)
	}
	if old > 0 {
		if err := tx.Del(ikey("r", kind, rank(old), member)); err != nil {
			return 0, err
		}
	}
	if now > 0 {
		if err := tx.Put(ikey("n", kind, member), []byte(strconv.FormatInt(now, 10))); err != nil {
			return 0, err
		}
		if err := tx.Put(ikey("r", kind, rank(now), member), []byte(member)); err != nil {
			return 0, err
		}
	} else if err := tx.Del(ikey("n", kind, member)); err != nil {
		return 0, err
	}
	switch {
	case old == 0 && now > 0:
		return 1, nil
	case old > 0 && now == 0:
		return -1, nil
	}
	return 0, nil
}

func addMembers(ctx context.Context, tx hkv.Tx, kind string, d int64) error {
	n, err := readCount(ctx, tx, ikey("m", kind))
	if err != nil {
		return err
	}
	if n+d == 0 {
		return tx.Del(ikey("m", kind))
	}
	return tx.Put(ikey("m", kind), []byte(strconv.FormatInt(n+d, 10)))
}

func readCount(ctx context.Context, tx hkv.Getter, k hkv.Key) (int64, error) {
	v, err := tx.Get(ctx, k)
	if err == hkv.ErrNotFound {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	return strconv.ParseInt(string(v), 10, 64)
}
