package boltkv

import (
	"os"

	"golang.org/x/sys/unix"
)

// Release tells the kernel the process no longer needs the pages of the
// bolt file it has read through bolt's memory map. bolt maps the whole file
// and never writes through the map, so the pages are clean copies of the
// page cache: dropping them from the process only means the next read
// faults them in again. A long write (kg build, kg load) touches most of
// the file; without this, every page it ever read stays counted in the
// process's memory, which then grows with the store.
func (db *DB) Release() error {
	fi, err := os.Stat(db.db.Path())
	if err != nil || fi.Size() == 0 {
		return err
	}
	// the map is at least as long as the file (bolt grows it in steps)
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, db.db.Info().Data, uintptr(fi.Size()), unix.MADV_DONTNEED)
	if errno != 0 {
		return errno
	}
	return nil
}
