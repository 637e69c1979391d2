package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// UpdateSourceCounts sets kg:sourceCount of each event to the number of
// articles the store holds for it (its kg:source values), replacing the
// previous count, so the count stays right as builds add articles. All
// counts change in one transaction.
func (s *Store) UpdateSourceCounts(ctx context.Context, events []quad.IRI) error {
	if s.qw == nil {
		return ErrReadOnly
	}
	if s.bw != nil {
		return s.bw.sourceCounts(ctx, events)
	}
	var deltas []cgraph.Delta
	for _, ev := range events {
		ref := s.qs.ValueOf(ev)
		if ref == nil {
			continue
		}
		n := 0
		var old []quad.Quad
		it := s.qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			q := s.qs.Quad(it.Result())
			switch q.Predicate {
			case quad.IRI(PropSource):
				n++
			case quad.IRI(PropSourceCount):
				old = append(old, q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
		// kg:source is stated once per article (in that article's graph),
		// so the quads count articles.
		count := SourceCount(ev, n)
		keep := false
		for _, q := range old {
			if q == count {
				keep = true
				continue
			}
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
		if !keep {
			deltas = append(deltas, cgraph.Delta{Quad: count, Action: cgraph.Add})
		}
	}
	if len(deltas) == 0 {
		return nil
	}
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}
