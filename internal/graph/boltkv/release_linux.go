package boltkv

import (
	"bufio"
	"bytes"
	"fmt"
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
//
// The range released is the mapping as the kernel lists it in
// /proc/self/maps, never more: the file can be longer than the map (bolt
// grows the file ahead of it), and advising past the map's end would drop
// whatever memory lies there.
func (db *DB) Release() error {
	start := db.db.Info().Data
	end, err := mappingEnd(start)
	if err != nil || end <= start {
		return err
	}
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_DONTNEED)
	if errno != 0 {
		return errno
	}
	return nil
}

// mappingEnd is the end of the mapping that starts at start (0 if none).
func mappingEnd(start uintptr) (uintptr, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	prefix := []byte(fmt.Sprintf("%x-", start))
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, prefix) {
			continue
		}
		var lo, hi uintptr
		if _, err := fmt.Sscanf(string(line), "%x-%x", &lo, &hi); err != nil {
			return 0, err
		}
		return hi, nil
	}
	return 0, sc.Err()
}
