package boltkv

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Release advises only bolt's own mapping. The file outgrows the map (bolt
// grows the file in 16 MB steps ahead of it): advising the file's length,
// as Release first did, dropped the memory lying after the map, and a
// build crashed.
func TestReleaseStaysInTheMap(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	live := make([][]byte, 0, 1<<14) // memory to lose if Release strays
	for i := 0; i < cap(live); i++ {
		live = append(live, bytes.Repeat([]byte{byte(i)}, 512))
	}
	longer := false // the file was longer than the map at a Release
	val := bytes.Repeat([]byte("x"), 200)
	for round := 0; round < 40 && !longer; round++ {
		err := db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("b"))
			for i := 0; err == nil && i < 20000; i++ {
				err = b.Put(binary.BigEndian.AppendUint64(nil, uint64(round*20000+i)), val)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		start := db.db.Info().Data
		end, err := mappingEnd(start)
		if err != nil || end <= start {
			t.Fatalf("bolt's mapping not found in /proc/self/maps: %v", err)
		}
		longer = fi.Size() > int64(end-start)
		if err := db.Release(); err != nil {
			t.Fatal(err)
		}
	}
	if !longer {
		t.Log("the file never outgrew the map: the case was not exercised")
	}
	for i, b := range live {
		if b[0] != byte(i) || b[511] != byte(i) {
			t.Fatalf("memory block %d changed by Release", i)
		}
	}
	if err := db.db.View(func(tx *bolt.Tx) error { // and the file reads back
		if n := tx.Bucket([]byte("b")).Stats().KeyN; n == 0 {
			t.Error("no keys read back")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
