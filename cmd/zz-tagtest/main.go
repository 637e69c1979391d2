package main

import (
	"fmt"
	"os"
	"kg/internal/nlp"
)

func main() {
	toks := nlp.Tokenize(os.Args[1])
	nlp.Default().Tag(toks)
	for _, t := range toks {
		fmt.Printf("%s/%v ", t.Text, t.Tag)
	}
	fmt.Println()
}
