package explore

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"time"
)

// The page: plain HTML, CSS and JavaScript, with cytoscape.js and Chart.js
// vendored in ui/vendor (see its README.md). Nothing to build, nothing
// fetched from elsewhere.
//
//go:embed ui
var uiFiles embed.FS

// contentSecurity lets the page load only its own files and talk only to
// its own server: no inline script, no third-party origin.
const contentSecurity = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// pageHandler serves / (the page, whatever its query string: the views'
// state lives there) and the files under /ui/, with an ETag each so that a
// browser revalidates rather than downloads them again.
func pageHandler() http.Handler {
	type file struct {
		data []byte
		etag string
	}
	files := map[string]file{}
	err := fs.WalkDir(uiFiles, "ui", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := uiFiles.ReadFile(path)
		sum := sha256.Sum256(b)
		files["/"+path] = file{b, `"` + hex.EncodeToString(sum[:8]) + `"`}
		return err
	})
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files["/"] = files["/ui/index.html"]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, &apiError{http.StatusMethodNotAllowed, r.Method + " " + r.URL.Path + ": the explorer only reads (GET)"})
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			writeError(w, &apiError{http.StatusNotFound, "no such page " + r.URL.Path + " (the explorer is at /)"})
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurity)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", f.etag)
		name := r.URL.Path
		if name == "/" {
			name = "index.html"
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
	})
}
