package graph

// The records of the query index in binary: a record is read for every
// event a question lists, so decoding must be cheap (JSON was 40% of the
// time of listing 500 events). A record is a format byte, then its fields
// in a fixed order: a string is its length (uvarint) and bytes, a list its
// count and strings, a number a uvarint.

import (
	"encoding/binary"
	"errors"
)

const recordFormat = 1

var errBadRecord = errors.New("query index: bad record")

type recordWriter struct{ b []byte }

func (w *recordWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *recordWriter) list(l []string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(l)))
	for _, s := range l {
		w.str(s)
	}
}

func (w *recordWriter) num(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }

type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errBadRecord, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *recordReader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err, r.b = errBadRecord, nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *recordReader) list() []string {
	n := r.uvarint()
	if n > uint64(len(r.b)) { // each string takes at least a byte
		r.err, r.b = errBadRecord, nil
		return nil
	}
	var out []string
	if n > 0 {
		out = make([]string, n)
	}
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func newRecordReader(b []byte) *recordReader {
	if len(b) == 0 || b[0] != recordFormat {
		return &recordReader{err: errBadRecord}
	}
	return &recordReader{b: b[1:]}
}

func (rec *EventRecord) encode() []byte {
	w := &recordWriter{b: []byte{recordFormat}}
	w.str(rec.ID)
	w.str(rec.Date)
	w.list(rec.Actors)
	w.list(rec.Targets)
	w.list(rec.Codes)
	w.num(rec.Sources)
	w.str(rec.Evidence)
	return w.b
}

func (rec *EventRecord) decode(b []byte) error {
	r := newRecordReader(b)
	rec.ID, rec.Date = r.str(), r.str()
	rec.Actors, rec.Targets, rec.Codes = r.list(), r.list(), r.list()
	rec.Sources = int(r.uvarint())
	rec.Evidence = r.str()
	return r.err
}

func (rec *ActorRecord) encode() []byte {
	w := &recordWriter{b: []byte{recordFormat}}
	w.str(rec.ID)
	w.list(rec.Labels)
	w.list(rec.Aliases)
	w.list(rec.Types)
	w.str(rec.Country)
	return w.b
}

func (rec *ActorRecord) decode(b []byte) error {
	r := newRecordReader(b)
	rec.ID = r.str()
	rec.Labels, rec.Aliases, rec.Types = r.list(), r.list(), r.list()
	rec.Country = r.str()
	return r.err
}
