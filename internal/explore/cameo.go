package explore

import (
	"sort"
	"strings"

	"kg/ontology"
)

// Action is a CAMEO code with what an analyst reads off it: its label, its
// root, its GDELT quad class and its Goldstein score.
type Action struct {
	Code      string   `json:"code"`
	Label     string   `json:"label"`
	Root      string   `json:"root"`
	RootLabel string   `json:"root_label"`
	QuadClass int      `json:"quad_class"`          // 1 verbal cooperation … 4 material conflict; 0 unknown
	Goldstein *float64 `json:"goldstein,omitempty"` // −10 (conflict) … +10 (cooperation)
}

// ActionOf describes a CAMEO code from the embedded CAMEO scheme. Codes
// without a Goldstein value of their own take their nearest broader code's.
func ActionOf(code string) Action {
	a := Action{Code: code, Label: ontology.CameoLabels[code]}
	if len(code) >= 2 {
		a.Root = code[:2]
		a.RootLabel = ontology.CameoLabels[a.Root]
	}
	a.QuadClass = quadClass(code)
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if g, ok := ontology.CameoGoldstein[c]; ok {
			a.Goldstein = &g
			break
		}
	}
	return a
}

// quadClass is the code's quad class, from the scheme or else from its
// root: 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
// conflict, 14–20 material conflict.
func quadClass(code string) int {
	if q, ok := ontology.CameoQuadClass[code]; ok {
		return q
	}
	if len(code) < 2 {
		return 0
	}
	return ontology.CameoQuadClass[code[:2]]
}

// Root is one CAMEO root in the /api/kg/cameo answer.
type Root struct {
	Code      string   `json:"code"`
	Label     string   `json:"label"`
	QuadClass int      `json:"quad_class"`
	QuadLabel string   `json:"quad_label"`
	Goldstein *float64 `json:"goldstein,omitempty"`
}

// Roots lists the twenty CAMEO roots in code order.
func Roots() []Root {
	var out []Root
	for code := range ontology.CameoLabels {
		if len(code) != 2 {
			continue
		}
		a := ActionOf(code)
		out = append(out, Root{Code: code, Label: a.Label, QuadClass: a.QuadClass,
			QuadLabel: quadLabel(a.QuadClass), Goldstein: a.Goldstein})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// isRoot reports whether s is one of the twenty CAMEO roots ("01" … "20").
func isRoot(s string) bool {
	_, ok := ontology.CameoLabels[s]
	return len(s) == 2 && ok
}

// quadLabel names a quad class: "Verbal Cooperation" … "Material Conflict".
func quadLabel(q int) string { return ontology.QuadClassLabels[q] }

// mostSpecific picks the code to show for an event whose reports coded it
// differently under one root (040 and 041): the longest, then one that is
// not "not specified below" (ending in 0), then the smallest.
func mostSpecific(codes []string) string {
	best := ""
	for _, c := range codes {
		switch {
		case best == "", len(c) > len(best):
			best = c
		case len(c) < len(best):
		case strings.HasSuffix(best, "0") != strings.HasSuffix(c, "0"):
			if strings.HasSuffix(best, "0") {
				best = c
			}
		case c < best:
			best = c
		}
	}
	return best
}
