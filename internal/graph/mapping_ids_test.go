package graph

import (
	"math/rand"
	"strings"
	"testing"

	"kg/internal/extract"
)

// #15.7: JSONL ids "a b" and "a_b" both became article:a_b, so two articles
// merged silently; ids "." and ".." gave dot-segment IRIs.
func TestLocalNameOneToOne(t *testing.T) {
	for in, want := range map[string]string{
		"001_62768f9597a6f921.txt": "001_62768f9597a6f921.txt",
		"Donald_Trump":             "Donald_Trump",
		"a b":                      "a%20b",
		"a_b":                      "a_b",
		" a":                       "%20a",
		"a/b?c#d":                  "a%2Fb%3Fc%23d",
		"100%":                     "100%25",
		"Köln":                     "Köln",
		"a–b":                      "a%E2%80%93b",
		"bad\xffutf8":              "bad%FFutf8",
		"":                         "_",
		"_":                        "__",
		".":                        "_.",
		"..":                       "_..",
		"_.":                       "__.",
		"._":                       "._",
		"a.":                       "a.",
	} {
		if got := LocalName(in); got != want {
			t.Errorf("LocalName(%q) = %q, want %q", in, got, want)
		}
	}
	// one-to-one, and never a dot-segment, on random ids
	r := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "_", ".", " ", "%", "/", "é", "\xff", "-", "~", "2"}
	seen := map[string]string{}
	decodeUnreserved := strings.NewReplacer("%2E", ".", "%2e", ".", "%5F", "_", "%7E", "~", "%2D", "-")
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := r.Intn(5); n > 0; n-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		id := b.String()
		ln := LocalName(id)
		if prev, ok := seen[ln]; ok && prev != id {
			t.Fatalf("ids %q and %q share the local name %q", prev, id, ln)
		}
		seen[ln] = id
		if strings.Trim(ln, ".") == "" {
			t.Fatalf("LocalName(%q) = %q: a dot-segment", id, ln)
		}
		// one segment, and not a dot-segment even after a normalizer
		// decodes percent-encoded unreserved characters (RFC 3986, 6.2.2.2)
		norm := decodeUnreserved.Replace(ln)
		if strings.Contains(ln, "/") || norm == "." || norm == ".." {
			t.Fatalf("LocalName(%q) = %q: not one plain segment", id, ln)
		}
	}
}

func TestArticleIRIsDiffer(t *testing.T) {
	iris := map[string]string{}
	for _, id := range []string{"a b", "a_b", ".", "..", "", "_", "a/b", "a%2Fb"} {
		iri := string(ArticleIRI(&extract.Article{ID: id}))
		if other, ok := iris[iri]; ok {
			t.Errorf("articles %q and %q share %s", other, id, iri)
		}
		iris[iri] = id
		if strings.HasSuffix(iri, "/.") || strings.HasSuffix(iri, "/..") || strings.HasSuffix(iri, "/") {
			t.Errorf("article %q: %s ends in a dot-segment or an empty one", id, iri)
		}
	}
}
