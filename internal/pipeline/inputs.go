package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// RunTime is the time recorded for an extraction run. It follows the
// SOURCE_DATE_EPOCH convention (reproducible-builds.org): when set, it is
// the time recorded. Otherwise the newest modification time of the inputs
// stands in, so that building the same files twice gives the same bytes.
func RunTime(inputs []string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	var newest time.Time
	walkInputs(inputs, func(fi fs.FileInfo) {
		if fi.ModTime().After(newest) {
			newest = fi.ModTime()
		}
	})
	return newest.UTC().Truncate(time.Second), nil
}

// InputSize is the size on disk of the files under the inputs, for a
// progress estimate.
func InputSize(inputs []string) int64 {
	var n int64
	walkInputs(inputs, func(fi fs.FileInfo) {
		if !fi.IsDir() {
			n += fi.Size()
		}
	})
	return n
}

// walkInputs calls fn for every file and directory under the inputs; entries
// that cannot be read are left to the article reader to report.
func walkInputs(inputs []string, fn func(fs.FileInfo)) {
	for _, in := range inputs {
		filepath.WalkDir(in, func(_ string, d fs.DirEntry, err error) error {
			if err == nil {
				if fi, err := d.Info(); err == nil {
					fn(fi)
				}
			}
			return nil
		})
	}
}
