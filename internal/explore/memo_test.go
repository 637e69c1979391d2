package explore

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestEventsMemo(t *testing.T) {
	m := newEventsMemo(2)
	var reads atomic.Int32
	read := func() ([]EventRow, int, error) {
		reads.Add(1)
		time.Sleep(20 * time.Millisecond) // long enough for the others to wait on it
		return []EventRow{{ID: "e"}}, 1, nil
	}
	us := Filter{Actor: "US"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if rows, total, err := m.get(us, 10, read); err != nil || total != 1 || rows[0].ID != "e" {
				t.Errorf("get: %v %d %v", rows, total, err)
			}
		}()
	}
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Errorf("4 requests at once read %d times, want 1", n)
	}
	m.get(us, 11, read) // the store changed size: read again
	if n := reads.Load(); n != 2 {
		t.Errorf("after the store grew: %d reads, want 2", n)
	}
	m.get(Filter{Actor: "RU"}, 11, read)
	m.get(Filter{Actor: "CN"}, 11, read) // three lists, room for two: US at size 11 goes
	m.get(us, 11, read)
	if n := reads.Load(); n != 5 {
		t.Errorf("after eviction: %d reads, want 5", n)
	}
	fail := errors.New("cancelled")
	if _, _, err := m.get(Filter{Actor: "FR"}, 11, func() ([]EventRow, int, error) { return nil, 0, fail }); err != fail {
		t.Errorf("error %v, want the read's", err)
	}
	m.get(Filter{Actor: "FR"}, 11, read) // a failed read is not kept
	if n := reads.Load(); n != 6 {
		t.Errorf("after a failed read: %d reads, want 6", n)
	}
}
