package graph

import (
	"math/rand"
	"testing"
	"unicode/utf8"
)

// runeCursor must give what counting from the start gives, whatever the
// order of the offsets asked.
func TestRuneCursor(t *testing.T) {
	text := "Trump – Köln 𝄞 said: «ok». " + "Путин ответил. " + "plain ascii text. "
	var bounds []int // rune boundaries
	for i := range text {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(text))
	r := rand.New(rand.NewSource(1))
	c := runeCursor{text: text}
	for i := 0; i < 2000; i++ {
		off := bounds[r.Intn(len(bounds))]
		if got, want := c.at(off), utf8.RuneCountInString(text[:off]); got != want {
			t.Fatalf("at(%d) = %d, want %d", off, got, want)
		}
	}
}
