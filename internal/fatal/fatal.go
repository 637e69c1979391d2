// Package fatal marks errors meant for the user: a missing file, a syntax
// error in an input, a store held by another process. kg prints such an
// error as written and exits 1. Any other error reaching main is
// unexpected (a bug, or a failure kg did not foresee) and is printed as
// such, so that it gets reported rather than taken for the user's mistake.
//
// The idea is restic's internal/errors/fatal.go. Unlike there, a fatal
// error may wrap a cause (with %w): errors.Is and errors.As still see it.
package fatal

import (
	"errors"
	"fmt"
)

// Error is an error meant for the user.
type Error struct{ err error }

func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns the error as formatted, so that a cause given with %w
// stays visible to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.err }

// Errorf formats an error meant for the user, as fmt.Errorf does.
func Errorf(format string, args ...any) error {
	return &Error{fmt.Errorf(format, args...)}
}

// Mark marks err as meant for the user (nil stays nil).
func Mark(err error) error {
	if err == nil || Is(err) {
		return err
	}
	return &Error{err}
}

// Is reports whether err, or an error it wraps, is meant for the user.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
