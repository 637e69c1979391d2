package extract

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
)

// TestIsYearMatchesRegexp: otherTime's hand-written scan finds the years the
// regexp it replaced found, on random strings of digits, letters and
// punctuation.
func TestIsYearMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\b(?:1[89]|20)\d\d\b`)
	alphabet := []byte("0123456789 18 19 20 a_-.xZé")
	r := rand.New(rand.NewSource(1))
	for range 100000 {
		b := make([]byte, r.Intn(14))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		s := string(b)
		var got []string
		for i := 0; i+4 <= len(s); i++ {
			if isYear(s, i) {
				got = append(got, s[i:i+4])
			}
		}
		if want := re.FindAllString(s, -1); !slices.Equal(got, want) {
			t.Fatalf("%q: isYear finds %q, the regexp %q", s, got, want)
		}
	}
}
