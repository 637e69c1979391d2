package extract

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"kg/ontology"
)

// Rule is one action rule from actions.yaml: verb patterns that produce
// events with one CAMEO code. See the comment at the top of actions.yaml for
// the pattern language.
type Rule struct {
	ID        string `yaml:"id"`
	Code      string `yaml:"code"`
	Symmetric bool   `yaml:"symmetric"`
	Target    string `yaml:"target"` // "", "next" or "previous"
	Intent    bool   `yaml:"intent"` // the pattern itself says "wants to", "offered to": not a hedge
	// PersonCode replaces Code when the actor is a person: a person who
	// "attacked" someone in the news almost always did it in words.
	PersonCode string   `yaml:"person_code"`
	Confidence float64  `yaml:"confidence"`
	Verbs      []string `yaml:"verbs"`
	Patterns   []string `yaml:"patterns"`

	compiled []*regexp.Regexp
	need     []prefilter // what a sentence must hold for compiled[i] to match
	verbs    []string    // lower-case trigger words
}

type ruleFile struct {
	Rules []*Rule `yaml:"rules"`
}

// Pattern macros (see actions.yaml). The slot text is the sentence's
// "skeleton": lower-cased, quotes removed, spaces collapsed, each actor
// mention replaced by <eN>.
const (
	entRE = `<e\d+>`
	// A list of actors, each maybe after "the" ("accused the United States").
	listRE = `(?:the )?` + entRE + `(?:(?:,| and|, and| as well as| or) (?:the )?` + entRE + `)*` +
		// "The FBI and two congressional committees": others who are not actors
		`(?:,? and (?:[a-z-]+ ){0,3}[a-z-]+s)?`
	// auxRE consumes its own leading space (it replaces " {aux} ").
	// An aside after the actor (", who ... ,"). Not a bare comma: it
	// would read "The G-7, comprising the U.S., Japan ..., have agreed" as
	// the members agreeing with each other.
	// The aside may not start with an actor: ", Japan and Canada," is the
	// rest of a list, not an aside.
	auxRE = `(?:, (?:which|who)|, [^<,;][^,;]{0,148},)?` +
		// no will/would/shall: a future action is an intent (CAMEO 03), so
		// rules that take it say so ("(will |would )?", rule intent.future)
		`(?: (?:has|have|had|is|are|was|were|been|being|also|then|again|both|together|all|` +
		`reportedly|already|now|later|earlier|first|finally|just|jointly|publicly|repeatedly|previously|recently|` +
		`formally|officially|personally|directly|twice|once|quickly|strongly|sharply|separately|[a-z]+ly|` +
		`(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|` +
		`last (?:week|month|year|night)|this (?:week|month|year)|earlier this (?:week|month|year)))*`
	gapRE  = `(?:[^\s<>,;:]+ ){0,6}`
	possRE = `(?:'s|')`
)

// LoadRules reads actions.yaml from fsys and compiles every pattern,
// reporting all problems at once.
func LoadRules(fsys fs.FS) ([]*Rule, error) {
	var rf ruleFile
	if err := readYAML(fsys, "actions.yaml", &rf); err != nil {
		return nil, err
	}
	var errs []string
	seen := map[string]bool{}
	for _, r := range rf.Rules {
		where := fmt.Sprintf("actions.yaml: rule %q", r.ID)
		switch {
		case r.ID == "":
			errs = append(errs, "actions.yaml: a rule has no id")
		case seen[r.ID]:
			errs = append(errs, where+": duplicate id")
		case !validCode(r.Code):
			errs = append(errs, fmt.Sprintf("%s: code %q is not a CAMEO code (2-4 digits, quoted)", where, r.Code))
		case ontology.CameoLabels[r.Code] == "":
			errs = append(errs, fmt.Sprintf("%s: code %q is not in the CAMEO scheme (ontology/cameo.ttl)", where, r.Code))
		case r.PersonCode != "" && ontology.CameoLabels[r.PersonCode] == "":
			errs = append(errs, fmt.Sprintf("%s: person_code %q is not in the CAMEO scheme", where, r.PersonCode))
		case r.Target != "" && r.Target != "next" && r.Target != "previous":
			errs = append(errs, fmt.Sprintf("%s: target %q must be next or previous", where, r.Target))
		case len(r.Verbs) == 0 || len(r.Patterns) == 0:
			errs = append(errs, where+": needs verbs and patterns")
		}
		seen[r.ID] = true
		if r.Confidence == 0 {
			r.Confidence = 0.8
		}
		for _, v := range r.Verbs {
			r.verbs = append(r.verbs, strings.ToLower(v))
		}
		for i, p := range r.Patterns {
			re, err := compilePattern(p, r.verbs)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: pattern %d: %v", where, i+1, err))
				continue
			}
			r.compiled = append(r.compiled, re)
			r.need = append(r.need, newPrefilter(re.String()))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return rf.Rules, nil
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

var macroRE = regexp.MustCompile(`\{[a-z]+\}`)

// compilePattern expands the macros of one pattern into a Go regexp.
func compilePattern(p string, verbs []string) (*regexp.Regexp, error) {
	quoted := make([]string, len(verbs))
	for i, v := range verbs {
		quoted[i] = regexp.QuoteMeta(v)
	}
	p = strings.ReplaceAll(p, " {aux} ", "{aux} ")
	var bad []string
	out := macroRE.ReplaceAllStringFunc(p, func(m string) string {
		switch m {
		case "{actor}":
			return `(?P<actor>` + listRE + `)`
		case "{actors}":
			return `(?P<actors>` + listRE + `)`
		case "{target}":
			return `(?P<target>` + listRE + `)`
		case "{ent}":
			return entRE
		case "{verb}":
			return `\b(?P<verb>` + strings.Join(quoted, "|") + `)\b`
		case "{aux}":
			return auxRE
		case "{gap}":
			return gapRE
		case "{poss}":
			return possRE
		}
		bad = append(bad, m)
		return m
	})
	if len(bad) > 0 {
		return nil, fmt.Errorf("unknown macro %s", strings.Join(bad, ", "))
	}
	if !strings.Contains(p, "{actor}") && !strings.Contains(p, "{actors}") {
		return nil, fmt.Errorf("pattern has no {actor} or {actors}")
	}
	return regexp.Compile(out)
}

// triggers index rules by their verbs: whether any of a rule's verbs
// occurs in the words of a sentence is a cheap test that spares most
// sentences every regexp of the rule, and a sentence's words are fewer
// than the rules' verbs.
type triggers struct {
	once   sync.Once
	byWord map[string][]int // verb → the indices of the rules it triggers
}

// fired reports, for each of rules (whose index t holds), whether one of
// its verbs is a word of the skeleton.
func (t *triggers) fired(rules []*Rule, k *skeleton) []bool {
	t.once.Do(func() {
		t.byWord = map[string][]int{}
		for i, r := range rules {
			for _, v := range r.verbs {
				if n := len(t.byWord[v]); n == 0 || t.byWord[v][n-1] != i {
					t.byWord[v] = append(t.byWord[v], i)
				}
			}
		}
	})
	fired := make([]bool, len(rules))
	for w := range strings.FieldsFuncSeq(k.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		for _, i := range t.byWord[w] {
			fired[i] = true
		}
	}
	return fired
}
