package graph

// kg serve's /api/v2/write and /api/v2/delete. Cayley's own handlers read
// with its lax N-Quads reader, which stored a literal as a subject, after
// which kg export failed for the whole store. These parse with kg's strict
// parser and check every statement as kg load does (rdf.Parse), so the
// store only takes what kg can export.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"kg/internal/rdf"
)

// bodyFormat is the RDF format a write request's Content-Type names.
// There is no default: a form or a simple cross-site fetch can only send
// text/plain, application/x-www-form-urlencoded or multipart/form-data,
// so requiring an RDF media type keeps web pages from writing.
func bodyFormat(r *http.Request) (rdf.Format, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil {
		for _, fi := range rdf.Formats {
			if fi.Readable && fi.MediaType == mt {
				return fi.Format, nil
			}
		}
		switch mt { // older names still in use
		case "text/x-nquads":
			return rdf.NQuads, nil
		case "application/x-turtle":
			return rdf.Turtle, nil
		}
	}
	return "", fmt.Errorf("Content-Type %q: send application/n-quads, application/n-triples or text/turtle", ct)
}

// readStatements parses a write or delete request's body.
func readStatements(w http.ResponseWriter, r *http.Request, opt ServeOptions, parse func(io.Reader, rdf.Format) ([]quad.Quad, error)) ([]quad.Quad, bool) {
	if !opt.Writable {
		jsonError(w, http.StatusForbidden, "database is read-only (start kg serve with --writable to accept writes)")
		return nil, false
	}
	format, err := bodyFormat(r)
	if err != nil {
		jsonError(w, http.StatusUnsupportedMediaType, err.Error())
		return nil, false
	}
	body, err := io.ReadAll(r.Body) // already read and limited by readBody
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return nil, false
	}
	quads, err := parse(bytes.NewReader(body), format)
	if err != nil {
		var pe *rdf.ParseError
		if errors.As(err, &pe) && pe.Line > 0 {
			err = fmt.Errorf("body:%d:%d: %s (%s; nothing was written)", pe.Line, pe.Col, pe.Msg, format)
		} else {
			err = fmt.Errorf("body: %w (%s; nothing was written)", err, format)
		}
		jsonError(w, http.StatusBadRequest, err.Error())
		return nil, false
	}
	return quads, true
}

func (s *Store) serveWrite(opt ServeOptions) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		quads, ok := readStatements(w, r, opt, rdf.Parse)
		if !ok {
			return
		}
		before := s.Size()
		if err := s.Add(quads); err != nil {
			jsonError(w, http.StatusInternalServerError, "storing: "+err.Error())
			return
		}
		writeJSON(w, map[string]any{
			"result": fmt.Sprintf("Successfully wrote %d quads.", len(quads)),
			"count":  len(quads),
			"new":    s.Size() - before,
		})
	}
}

// serveDelete removes the statements of the body. Blank node labels are
// taken as written (rdf.ParseUnscoped), as they name nodes already stored;
// statements that are not in the store are ignored.
func (s *Store) serveDelete(opt ServeOptions) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		quads, ok := readStatements(w, r, opt, rdf.ParseUnscoped)
		if !ok {
			return
		}
		if s.qw == nil {
			jsonError(w, http.StatusForbidden, "database is read-only")
			return
		}
		tx := cgraph.NewTransaction()
		for _, q := range quads {
			tx.RemoveQuad(q)
		}
		if err := s.qw.ApplyTransaction(tx); err != nil {
			jsonError(w, http.StatusInternalServerError, "deleting: "+err.Error())
			return
		}
		writeJSON(w, map[string]any{
			"result": fmt.Sprintf("Successfully deleted %d quads.", len(quads)),
			"count":  len(quads),
		})
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
