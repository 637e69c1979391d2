package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// IndexReader reads the query index (index.go) in one read transaction,
// so what it reads is one consistent state of the store.
type IndexReader struct {
	ctx context.Context
	tx  hkv.Tx
}

// ReadIndex calls fn with a reader of the store's query index.
func (s *Store) ReadIndex(ctx context.Context, fn func(*IndexReader) error) error {
	if s.index == nil {
		return errors.New("this store has no query index")
	}
	return s.index.view(ctx, func(tx hkv.Tx) error { return fn(&IndexReader{ctx: ctx, tx: tx}) })
}

// Event is the record of event e (a term: "<iri>"), nil when e is not an
// event.
func (r *IndexReader) Event(e string) (*EventRecord, error) {
	var rec EventRecord
	ok, err := r.record(ikey("e", e), rec.decode)
	if !ok || err != nil {
		return nil, err
	}
	return &rec, nil
}

// Actor is the record of actor a, nil when a is not a typed actor.
func (r *IndexReader) Actor(a string) (*ActorRecord, error) {
	var rec ActorRecord
	ok, err := r.record(ikey("a", a), rec.decode)
	if !ok || err != nil {
		return nil, err
	}
	return &rec, nil
}

// Label is the display name of actor a, "" when it has none.
func (r *IndexReader) Label(a string) (string, error) {
	var label string
	_, err := r.record(ikey("n", a), func(b []byte) error { label = string(b); return nil })
	return label, err
}

func (r *IndexReader) record(k hkv.Key, decode func([]byte) error) (bool, error) {
	v, err := r.tx.Get(r.ctx, k)
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if err := decode(v); err != nil {
		return false, fmt.Errorf("%w %q", err, lastKey(k))
	}
	return true, nil
}

// Count is how many events member has in kind (how many subjects have
// class member, for KindType).
func (r *IndexReader) Count(kind, member string) (int64, error) {
	return readCount(r.ctx, r.tx, ikey("n", kind, member))
}

// Members is how many members kind has (e.g. how many actors take part in
// events, for KindInvolved).
func (r *IndexReader) Members(kind string) (int64, error) {
	return readCount(r.ctx, r.tx, ikey("m", kind))
}

// Counts calls fn with the members of kind that start with prefix, in
// member order, and their counts, until fn returns false. (Members cut for
// their length, see keyPart, are found by their start only.)
func (r *IndexReader) Counts(kind, prefix string, fn func(member string, n int64) bool) error {
	pref := iprefix("n", kind)
	pref = hkv.Key{pref[0], append(append([]byte{}, pref[1]...), []byte(joinKey([]string{prefix}))...)}
	it := r.tx.Scan(pref)
	defer it.Close()
	for it.Next(r.ctx) {
		parts := splitKey(lastKey(it.Key()))
		if len(parts) != 3 {
			return fmt.Errorf("query index: bad count key %q", lastKey(it.Key()))
		}
		var n int64
		if _, err := fmt.Sscan(string(it.Val()), &n); err != nil {
			return fmt.Errorf("query index: bad count %q", it.Val())
		}
		if !fn(parts[2], n) {
			return nil
		}
	}
	return it.Err()
}

// Ranked calls fn with the members of kind and their counts, largest
// first (then by member), until fn returns false.
func (r *IndexReader) Ranked(kind string, fn func(member string, n int64) bool) error {
	it := r.tx.Scan(iprefix("r", kind))
	defer it.Close()
	for it.Next(r.ctx) {
		parts := splitKey(lastKey(it.Key()))
		if len(parts) != 4 {
			return fmt.Errorf("query index: bad rank key %q", lastKey(it.Key()))
		}
		var inv int64
		if _, err := fmt.Sscan(parts[2], &inv); err != nil {
			return fmt.Errorf("query index: bad rank %q", parts[2])
		}
		if !fn(string(it.Val()), int64(1<<62)-inv) {
			return nil
		}
	}
	return it.Err()
}

// Postings calls fn with the events of member in kind, in date order
// (undated last; Undated is their date), until fn returns false. Only
// dates starting with datePrefix are read ("" for all, "2017-05" for May
// 2017). Event terms may be cut (see keyPart): look them up with Event,
// whose record has the whole term.
func (r *IndexReader) Postings(kind, member, datePrefix string, fn func(date, event string) bool) error {
	pref := iprefix("p", kind, member)
	if datePrefix != "" {
		// the prefix of "p KIND MEMBER DATE…" without the separator after DATE
		pref = hkv.Key{pref[0], append(append([]byte{}, pref[1]...), []byte(joinKey([]string{datePrefix}))...)}
	}
	it := r.tx.Scan(pref)
	defer it.Close()
	for it.Next(r.ctx) {
		parts := splitKey(lastKey(it.Key()))
		if len(parts) != 5 {
			return fmt.Errorf("query index: bad posting key %q", lastKey(it.Key()))
		}
		if !fn(parts[3], parts[4]) {
			return nil
		}
	}
	return it.Err()
}

// Named are the actors called name (a Fold-ed label, alias or local
// name): those with it as a label if any, else as an alias, else as the
// local name of their IRI.
func (r *IndexReader) Named(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	best := byte('9')
	var out []string
	it := r.tx.Scan(iprefix("l", name))
	defer it.Close()
	for it.Next(r.ctx) {
		parts := splitKey(lastKey(it.Key()))
		v := it.Val()
		if len(parts) != 3 || len(v) != 1 {
			return nil, fmt.Errorf("query index: bad name key %q", lastKey(it.Key()))
		}
		switch {
		case v[0] < best:
			best, out = v[0], out[:0]
			fallthrough
		case v[0] == best:
			out = append(out, parts[2])
		}
	}
	return out, it.Err()
}

// Names calls fn with every name of every actor (Fold-ed labels, aliases
// and local names, see Named), in name order, until fn returns false.
func (r *IndexReader) Names(fn func(name, actor string) bool) error {
	it := r.tx.Scan(iprefix("l"))
	defer it.Close()
	for it.Next(r.ctx) {
		parts := splitKey(lastKey(it.Key()))
		if len(parts) != 3 {
			return fmt.Errorf("query index: bad name key %q", lastKey(it.Key()))
		}
		if !fn(parts[1], parts[2]) {
			return nil
		}
	}
	return it.Err()
}

// HasPosting reports whether event e (with date, Undated when it has
// none) is in the posting list of member in kind.
func (r *IndexReader) HasPosting(kind, member, date, e string) (bool, error) {
	_, err := r.tx.Get(r.ctx, ikey("p", kind, member, date, e))
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Actors calls fn with every actor's record, until fn returns false.
func (r *IndexReader) Actors(fn func(*ActorRecord) bool) error {
	it := r.tx.Scan(iprefix("a"))
	defer it.Close()
	for it.Next(r.ctx) {
		var rec ActorRecord
		if err := rec.decode(it.Val()); err != nil {
			return fmt.Errorf("query index: actor %q: %w", lastKey(it.Key()), err)
		}
		if !fn(&rec) {
			return nil
		}
	}
	return it.Err()
}

// IRIOf is the IRI of a term in N-Triples notation ("<iri>" → "iri"); other
// terms are returned as they are.
func IRIOf(t string) string {
	if len(t) >= 2 && t[0] == '<' && t[len(t)-1] == '>' {
		return t[1 : len(t)-1]
	}
	return t
}

// TermOf is the term of an IRI ("iri" → "<iri>").
func TermOf(iri string) string {
	if strings.HasPrefix(iri, "<") {
		return iri
	}
	return "<" + iri + ">"
}
