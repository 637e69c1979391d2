package extract

import "kg/internal/nlp"

// rememberSubjectPerson puts the person a sentence is about, the subject
// of its main clause, first among the people it named: "he" in the next
// sentence is likelier them than whoever the mention finder met first.
// It matters for people found only from the structure ("Weah himself
// claimed ... and accused Johnson-Morris"), whom the mention finder never
// saw.
func (a *analysis) rememberSubjectPerson() {
	for k := range a.p.Clauses {
		c := &a.p.Clauses[k]
		if c.Parent >= 0 || c.SubjHow != "explicit" || c.Subj < 0 {
			continue
		}
		if t := a.p.Toks[a.p.Phrases[c.Subj].Head].Tag; t == nlp.PRP || t == nlp.PRPS {
			return
		}
		if fs := a.phraseActors(c.Subj, true); len(fs) == 1 && fs[0].ent.Type == Person {
			e := fs[0].ent
			here := []*Entity{e}
			for _, p := range a.c.here {
				if p != e {
					here = append(here, p)
				}
			}
			a.c.here = here
		}
		return
	}
}
