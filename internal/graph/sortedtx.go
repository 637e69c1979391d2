package graph

import (
	"bytes"
	"context"
	"slices"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// sortedTx buffers the writes of a transaction and makes them in key order
// when flushed: bolt inserts a key into its page in memory by shifting the
// keys after it, so many writes in random order into one transaction take
// time quadratic in their number, and in key order, linear.
//
// Reads go to the transaction underneath; Get and GetBatch also see the
// buffered writes, Scan does not: the code writing through a sortedTx
// (applyIndex) scans only what it has not written yet.
type sortedTx struct {
	hkv.Tx
	bolt   *bolt.Tx               // the same transaction, if bolt's: flush writes through it
	writes map[string]sortedWrite // by flattened key
}

type sortedWrite struct {
	key hkv.Key
	val []byte // nil: a deletion
}

// newSortedTx buffers the writes to tx; btx, if not nil, is tx's bolt
// transaction.
func newSortedTx(tx hkv.Tx, btx *bolt.Tx) *sortedTx {
	return &sortedTx{Tx: tx, bolt: btx, writes: map[string]sortedWrite{}}
}

// flatKey joins a key's parts unambiguously (each part with its length).
func flatKey(k hkv.Key) string {
	var b []byte
	for _, p := range k {
		b = append(b, byte(len(p)>>24), byte(len(p)>>16), byte(len(p)>>8), byte(len(p)))
		b = append(b, p...)
	}
	return string(b)
}

func (tx *sortedTx) Put(k hkv.Key, v hkv.Value) error {
	if v == nil {
		v = []byte{}
	}
	tx.writes[flatKey(k)] = sortedWrite{k.Clone(), slices.Clone(v)}
	return nil
}

func (tx *sortedTx) Del(k hkv.Key) error {
	tx.writes[flatKey(k)] = sortedWrite{k.Clone(), nil}
	return nil
}

func (tx *sortedTx) Get(ctx context.Context, k hkv.Key) (hkv.Value, error) {
	if w, ok := tx.writes[flatKey(k)]; ok {
		if w.val == nil {
			return nil, hkv.ErrNotFound
		}
		return w.val, nil
	}
	return tx.Tx.Get(ctx, k)
}

func (tx *sortedTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	out := make([]hkv.Value, len(keys))
	for i, k := range keys {
		v, err := tx.Get(ctx, k)
		if err != nil && err != hkv.ErrNotFound {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// flush makes the buffered writes, in key order.
func (tx *sortedTx) flush() error {
	ws := make([]sortedWrite, 0, len(tx.writes))
	for _, w := range tx.writes {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b sortedWrite) int {
		for i := 0; i < len(a.key) && i < len(b.key); i++ {
			if c := bytes.Compare(a.key[i], b.key[i]); c != 0 {
				return c
			}
		}
		return len(a.key) - len(b.key)
	})
	var b *bolt.Bucket // the bucket of the last write, for the next in the same
	for i, w := range ws {
		var err error
		switch {
		case tx.bolt != nil && len(w.key) == 2:
			if b == nil || !bytes.Equal(ws[i-1].key[0], w.key[0]) {
				if b, err = tx.bolt.CreateBucketIfNotExists(w.key[0]); err != nil {
					return err
				}
			}
			if w.val == nil {
				err = b.Delete(w.key[1])
			} else {
				err = b.Put(w.key[1], w.val)
			}
		case w.val == nil:
			b = nil
			err = tx.Tx.Del(w.key)
		default:
			b = nil
			err = tx.Tx.Put(w.key, w.val)
		}
		if err != nil {
			return err
		}
	}
	clear(tx.writes)
	return nil
}
