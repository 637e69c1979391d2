package explore

import (
	"fmt"
	"sync"
)

// eventsMemo keeps the last few whole event lists read for an actor's
// views. The page asks for an actor's network and timeline at once, and
// both aggregate the same events: the second request waits for the first
// read instead of doing it again, and going back to a view is free. An
// entry is only used while the store has the same size, so a writable
// store's changes are seen at the next request.
type eventsMemo struct {
	mu      sync.Mutex
	max     int
	entries map[string]*memoEntry
	order   []string // least recently used first
}

type memoEntry struct {
	done  chan struct{} // closed when rows, total and err are set
	rows  []EventRow
	total int
	err   error
}

func newEventsMemo(max int) *eventsMemo {
	return &eventsMemo{max: max, entries: map[string]*memoEntry{}}
}

// get returns the list for f in a store of size, reading it with read when
// no one has (or is reading it now). Rows are shared: callers must not
// change them.
func (m *eventsMemo) get(f Filter, size int64, read func() ([]EventRow, int, error)) ([]EventRow, int, error) {
	key := fmt.Sprintf("%d\x00%q", size, f)
	m.mu.Lock()
	e, ok := m.entries[key]
	if ok {
		m.touch(key)
		m.mu.Unlock()
		<-e.done
		if e.err != nil {
			return read() // perhaps the other request was cancelled, not this one
		}
		return e.rows, e.total, e.err
	}
	e = &memoEntry{done: make(chan struct{})}
	m.entries[key] = e
	m.order = append(m.order, key)
	for len(m.order) > m.max {
		delete(m.entries, m.order[0])
		m.order = m.order[1:]
	}
	m.mu.Unlock()

	e.rows, e.total, e.err = read()
	close(e.done)
	if e.err != nil { // a failed or cancelled read is not kept
		m.mu.Lock()
		if m.entries[key] == e {
			delete(m.entries, key)
			for i, k := range m.order {
				if k == key {
					m.order = append(m.order[:i], m.order[i+1:]...)
					break
				}
			}
		}
		m.mu.Unlock()
	}
	return e.rows, e.total, e.err
}

func (m *eventsMemo) touch(key string) {
	for i, k := range m.order {
		if k == key {
			m.order = append(append(m.order[:i:i], m.order[i+1:]...), key)
			return
		}
	}
}
