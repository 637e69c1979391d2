//go:build !linux

package boltkv

// Release does nothing here (see release_linux.go).
func (db *DB) Release() error { return nil }
