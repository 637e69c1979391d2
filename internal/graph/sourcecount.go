package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// UpdateSourceCounts sets kg:sourceCount of each event to the number of
// articles the store holds for it (its kg:source values), replacing the
// previous count, so the count stays right as builds add articles.
func (s *Store) UpdateSourceCounts(ctx context.Context, events []quad.IRI) error {
	var add, del []quad.Quad
	for _, ev := range events {
		ref := s.qs.ValueOf(ev)
		if ref == nil {
			continue
		}
		n := 0
		it := s.qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			q := s.qs.Quad(it.Result())
			switch q.Predicate {
			case quad.IRI(PropSource):
				n++
			case quad.IRI(PropSourceCount):
				del = append(del, q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
		// kg:source is stated once per article (in that article's graph),
		// so the quads count articles.
		add = append(add, SourceCount(ev, n))
	}
	for _, q := range del {
		if err := s.qw.RemoveQuad(q); err != nil {
			return err
		}
	}
	return s.Add(add)
}
