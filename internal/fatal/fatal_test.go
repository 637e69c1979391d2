package fatal

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestFatal(t *testing.T) {
	err := Errorf("store %s: %w", "x.db", fs.ErrNotExist)
	if !Is(err) || !errors.Is(err, fs.ErrNotExist) || err.Error() != "store x.db: file does not exist" {
		t.Errorf("Errorf: %v (fatal %v, cause kept %v)", err, Is(err), errors.Is(err, fs.ErrNotExist))
	}
	if wrapped := fmt.Errorf("build: %w", err); !Is(wrapped) {
		t.Errorf("a fatal error wrapped by fmt.Errorf is no longer fatal")
	}
	if Is(errors.New("bug")) || Is(nil) || Mark(nil) != nil {
		t.Errorf("unmarked errors count as fatal")
	}
	if m := Mark(err); m != err {
		t.Errorf("Mark wraps a fatal error twice")
	}
}
