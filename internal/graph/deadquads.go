package graph

// The deleted quads of a bolt store.
//
// Cayley marks a deleted quad deleted in its log and leaves its id in the
// index entries that list it (sp, ops), where its own iterators skip it
// after reading it from the log. A path step that takes its nodes from the
// index keys (hop.go: In, from ops) reads no quad from the log, so kg keeps
// the ids of the deleted quads, written in the transaction that deletes
// them:
//
//	kg.dead/ID     a deleted quad (its log key: 8 bytes, big-endian)
//	kg.dead/stamp  Cayley's meta horizon and size after kg's last write
//
// The stamp says whether the list is whole: a store last written by an
// older kg (or by Cayley itself) has another horizon or size — every write
// that adds a quad moves the horizon, every deletion the size — and its
// readers read each quad from the log, as Cayley does, until kg opens it
// for writing again and lists its deleted quads (deadListCurrent).

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cayleygraph/cayley/graph/proto"
	bolt "go.etcd.io/bbolt"

	"kg/internal/graph/boltkv"
)

var (
	deadBucket   = []byte("kg.dead")
	deadStampKey = []byte("stamp")
	metaBucket   = []byte("meta")
)

// deadStamp is the stamp of the store as tx sees it.
func deadStamp(tx *bolt.Tx) []byte {
	meta := tx.Bucket(metaBucket)
	if meta == nil {
		return nil
	}
	return append(bytes.Clone(meta.Get([]byte("horizon"))), meta.Get([]byte("size"))...)
}

// deadListed reports whether tx's store lists its deleted quads, whole.
func deadListed(tx *bolt.Tx) bool {
	b := tx.Bucket(deadBucket)
	return b != nil && bytes.Equal(b.Get(deadStampKey), deadStamp(tx))
}

// listDead adds quad ids to the list of deleted quads, if the store keeps
// one; stampDead marks the list whole as of tx's writes. A writer calls
// them in the transaction that deletes the quads, before it commits.
func listDead(tx *bolt.Tx, ids []uint64) error {
	b := tx.Bucket(deadBucket)
	if b == nil {
		return nil
	}
	for _, id := range ids {
		if err := b.Put(binary.BigEndian.AppendUint64(nil, id), nil); err != nil {
			return err
		}
	}
	return nil
}

func stampDead(tx *bolt.Tx) error {
	b := tx.Bucket(deadBucket)
	if b == nil {
		return nil
	}
	return b.Put(deadStampKey, deadStamp(tx))
}

// deadListCurrent makes the store list its deleted quads, reading them
// from the log when the list is missing or not whole (a store made by an
// older kg: once, at its first open for writing).
func deadListCurrent(db *boltkv.DB) error {
	ok := false
	err := boltkv.Protect(func() error {
		return db.Bolt().View(func(tx *bolt.Tx) error { ok = deadListed(tx); return nil })
	})
	if err != nil || ok {
		return err
	}
	return db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(deadBucket) != nil {
			if err := tx.DeleteBucket(deadBucket); err != nil {
				return err
			}
		}
		b, err := tx.CreateBucket(deadBucket)
		if err != nil {
			return err
		}
		if log := tx.Bucket(logBucket); log != nil {
			c := log.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				var p proto.Primitive
				if err := p.Unmarshal(v); err != nil {
					return fmt.Errorf("%w: log entry %x: %v", boltkv.ErrCorrupt, k, err)
				}
				if p.Deleted && !p.IsNode() {
					if err := b.Put(bytes.Clone(k), nil); err != nil {
						return err
					}
				}
			}
		}
		return stampDead(tx)
	})
}

// deadQuads returns the deleted quads of tx's store, nil when the store
// does not list them whole (then the log says which quads live). The set
// is read once per version of the store.
func (s *kvStore) deadQuads(tx *bolt.Tx) (map[uint64]bool, error) {
	s.deadMu.Lock()
	defer s.deadMu.Unlock()
	if s.deadTx == tx.ID() && s.dead != nil {
		return s.dead, nil
	}
	if !deadListed(tx) {
		return nil, nil
	}
	dead := map[uint64]bool{}
	c := tx.Bucket(deadBucket).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) == 8 {
			dead[binary.BigEndian.Uint64(k)] = true
		}
	}
	s.dead, s.deadTx = dead, tx.ID()
	return dead, nil
}
