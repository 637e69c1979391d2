package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"kg/ontology"
)

// A frame is a rule over sentence structure (see internal/syntax): a verb
// or noun lemma, constraints on its words, and where the actor and target
// come from. Frames live in frames*.yaml (the format is documented at the
// top of frames.yaml). They are compiled once, strictly: an unknown key, a
// bad CAMEO code or an unknown role is an error, and every error of every
// file is reported at once with its file:line.
type Frame struct {
	spec   int // specificity + 1, once counted
	ID     string
	Kind   FrameKind
	Lemmas []string // head lemmas ("meet"); for verbs maybe with a particle ("rule out")
	Code   string   // CAMEO code
	// Symmetric actions have no direction (A met B = B met A).
	Symmetric bool
	// Constraints. Each entry of Object, Subject and PP is a set of
	// alternatives; a frame with more constraints is more specific and wins
	// over a less specific one on the same words.
	Object []Words // the direct object ends with one of these (lemmas)
	// NoObject requires the verb to have no direct object ("object:
	// [none]": "protesters demonstrated", not "Samsung demonstrated a phone").
	NoObject bool
	Subject  []Words // the subject ends with one of these (lemmas)
	PP       []PPCond
	// NotPP rules the frame out when the clause has a PP with one of these
	// prepositions ("joined Kenya in condemning X" is no joining).
	NotPP []string
	Comp  string // "to": needs a to-infinitive complement ("told X to leave"); "that": a that-clause ("denied that it ...")
	Voice string // "active", "passive" or "" (either)
	// Where the roles come from, in order of preference (see roleSources).
	Actor  []string
	Target []string
	// NeedTarget drops the event when no target is found: the target
	// sources do not end with "none".
	NeedTarget bool
	// Intent marks frames that themselves state an intention, plan or
	// threat ("offered to", "threatened"): modality does not block them.
	Intent     bool
	PersonCode string // code used instead when the actor is a person
	// Offered is the code of what the target did to the actor that the
	// event answers: accepting Y's offer says Y offered it ("030").
	Offered string
	// ViaNoun names a preposition: the event is the one a noun frame
	// codes for that PP's noun ("claimed responsibility for the attack on
	// X" is the attack), when one does.
	ViaNoun    string
	Confidence float64
	Source     string // where a generated frame came from

	File string
	Line int

	// parts are Lemmas split into verb and particle once, for matching.
	parts []lemmaPart
	// byVerb has the parts of each verb, in order, when there are many
	// (generated frames list up to 32 verbs, and a clause is tried
	// against up to 230 frames of its verb)
	byVerb map[string][]lemmaPart
}

type lemmaPart struct{ verb, particle string }

// partsOf returns the frame's parts, or when it has many, those of verb
// (callers still compare each part's verb).
func (f *Frame) partsOf(verb string) []lemmaPart {
	if f.byVerb == nil {
		return f.parts
	}
	return f.byVerb[verb]
}

// FrameKind says what a frame's lemma heads.
type FrameKind uint8

// Frame kinds.
const (
	VerbFrame FrameKind = iota // a clause's verb group
	NounFrame                  // a noun phrase's head ("talks", "visit")
)

func (k FrameKind) String() string {
	if k == NounFrame {
		return "noun"
	}
	return "verb"
}

// Words is a set of alternative word sequences (lemmas, lower case).
type Words [][]string

// actorWord stands for $actor: the phrase names an actor; personWord for
// $person: it names people, a person or a group, not a state by its name
// or capital ("seized two soldiers", not "seized Mogadishu").
const (
	actorWord  = "\x00actor"
	personWord = "\x00person"
)

// PPCond requires a prepositional phrase: Prep, and when Noun is set, a
// noun phrase ending with one of its entries.
type PPCond struct {
	Prep string
	Noun Words // nil: any noun phrase
}

// specificity is the number of constraints a frame states; among frames
// that match the same words the most specific wins.
func (f *Frame) specificity() int {
	if f.spec > 0 {
		return f.spec - 1 // counted once: it is asked for every clause
	}
	n := len(f.Object) + len(f.Subject) + len(f.PP) + len(f.NotPP)
	if f.NoObject {
		n++
	}
	for _, l := range f.Lemmas {
		if strings.Contains(l, " ") {
			n++ // a particle
			break
		}
	}
	if f.Comp != "" {
		n++
	}
	if f.Voice != "" {
		n++
	}
	f.spec = n + 1
	return n
}

// Role sources: where a frame may find its actor or target.
var roleSources = map[string]string{
	"subject":     "the clause's agent: its subject, or in the passive its by-phrase",
	"object":      "the clause's patient: its direct object, or in the passive its subject",
	"iobj":        "an indirect object (\"gave Iraq aid\")",
	"poss":        "a possessive before a noun (\"Iran's attack\", \"his visit\")",
	"demonym":     "a country adjective before a noun (\"Israeli attacks\")",
	"compound":    "an actor name before a noun (\"U.S. sanctions\", \"NATO warplanes\")",
	"comp":        "the subject of the verb's complement clause",
	"comp.target": "who the verb's to-complement acts on: its object or a PP (\"refused to hand X to Y\")",
	"object.from": "whom the object came from (\"rejected an offer from Kabul\")",
	"condition":   "the subject of an if- or unless-clause under the verb or its complement (\"threatened to strike unless Iraq withdrew\")",
	"purpose":     "who a to-infinitive of purpose (set purpose) is against: \"struck to demand the resignation of X\"",
	"where":       "the country an in- or at-phrase names as the place (\"staged a protest in Beijing\", \"rioted at a jail in Israel\")",
	"talks":       "the parties of the talks (set talk) the act is about: its object's or of-phrase's, else those its clause is about (\"boycotted talks with X\", \"talks between X and Y resumed after a boycott by X\")",
	// prepositions: the object of a prepositional phrase after the verb or noun
}

// prepositions that may name a role ("with" → the object of "with ...").
var rolePreps = map[string]bool{"with": true, "to": true, "against": true, "on": true, "upon": true, "for": true, "from": true,
	"into": true, "at": true, "in": true, "over": true, "about": true, "between": true, "by": true, "of": true, "toward": true,
	"towards": true, "among": true, "across": true, "along": true, "outside": true, "onto": true, "through": true, "inside": true, "near": true, "as": true,
	"under": true, "around": true, "behind": true, "within": true}

func validRole(r string) bool {
	if _, ok := roleSources[r]; ok {
		return true
	}
	return rolePreps[r]
}

// Governors are the verbs, adjectives and nouns that govern a clause
// ("refused to meet", "plans to visit", "urged X to leave") and what they
// do to the events in it (see frames.yaml, governors:).
type Governors struct {
	Negate  []string `yaml:"negate" json:"negate"`   // the governed event did not happen
	Intent  []string `yaml:"intent" json:"intent"`   // it is intended, planned or threatened
	Hedge   []string `yaml:"hedge" json:"hedge"`     // it is alleged or speculated
	Demand  []string `yaml:"demand" json:"demand"`   // someone else demands it of the clause's subject
	Planned []string `yaml:"planned" json:"planned"` // it is planned or expected: coded as the event
}

// Evaluation is the speech-act rule: a speaker's words about another
// actor, coded by the polarity of the words they chose (see
// frames_speech.yaml).
type Evaluation struct {
	Speech                     map[string]bool // verbs that introduce what was said
	Negative, Positive         map[string]bool // single words, lemma or written form
	Phrases                    []evalPhrase    // entries of several words
	Labels                     map[string]bool // words judging only whom they are said of
	Judging                    map[string]bool // verbs whose subject judges their object
	Towards                    map[string]bool // words judging whom they are directed at ("grateful to")
	NegativeCode, PositiveCode string
	// Accusation: verbs of alleging, whose content about another actor
	// is an accusation of that actor whatever its words.
	Accusation     map[string]bool
	AccusationCode string
	// Directives: what a speaker says someone should or must do is an
	// appeal to (020) or a demand of (100) them, by the modal or the verb
	// ("needs to", "has to") that says it.
	Directives []Directive
	File       string
	Line       int

	starts evalStarts // the first words of Phrases, made on first use (speech.go)
}

// Directive is one kind of "X said Y should ...": the modals or the verbs
// taking a to-infinitive that make it, and its code.
type Directive struct {
	Code   string   `yaml:"code"`
	Modals []string `yaml:"modals"`
	Verbs  []string `yaml:"verbs"`
}

type evaluationSpec struct {
	Speech     []string    `yaml:"speech"`
	Judging    []string    `yaml:"judging"`
	Towards    []string    `yaml:"towards"`
	Neutral    []string    `yaml:"neutral"`
	Directives []Directive `yaml:"directives"`
	Accusation struct {
		Code  string   `yaml:"code"`
		Verbs []string `yaml:"verbs"`
	} `yaml:"accusation"`
	Negative evaluativeWords `yaml:"negative"`
	Positive evaluativeWords `yaml:"positive"`
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// frameSpec is one frame as written in YAML.
type frameSpec struct {
	ID         string   `yaml:"id" json:"id"`
	Lemma      []string `yaml:"lemma" json:"lemma"`
	Code       string   `yaml:"code" json:"code"`
	Symmetric  bool     `yaml:"symmetric" json:"symmetric"`
	Object     []string `yaml:"object" json:"object"`
	Subject    []string `yaml:"subject" json:"subject"`
	PP         []string `yaml:"pp" json:"pp"`
	NotPP      []string `yaml:"not_pp" json:"not_pp,omitempty"`
	Comp       string   `yaml:"comp" json:"comp"`
	Voice      string   `yaml:"voice" json:"voice"`
	Actor      []string `yaml:"actor" json:"actor"`
	Target     []string `yaml:"target" json:"target"`
	Intent     bool     `yaml:"intent" json:"intent"`
	PersonCode string   `yaml:"person_code" json:"person_code"`
	Offered    string   `yaml:"offered" json:"offered,omitempty"`
	ViaNoun    string   `yaml:"via_noun" json:"via_noun"`
	Confidence float64  `yaml:"confidence" json:"confidence"`
	Source     string   `yaml:"source" json:"source"`
}

// Frames is the compiled frame set, indexed by lemma.
type Frames struct {
	All   []*Frame
	verbs map[string][]*Frame // verb lemma (without particle) → frames, most specific first
	nouns map[string][]*Frame
	// verbParts has, for each list of verbs, each frame's parts for that
	// verb (partsOf), in the list's order: a clause is tried against up to
	// 230 frames of its verb, and looking each one's parts up in its map
	// again cost a tenth of extraction's time.
	verbParts map[string][][]lemmaPart
	// endings index the long word lists of the frames by their first
	// element (see phraseEndsWith)
	endings map[*[]string]*endings
	// governsMap maps a governing word to its effect on the clause under it.
	governsMap map[string]governorKind
	// Evaluation codes what speakers say of others (see frames.yaml,
	// evaluation:); nil when no file defines it.
	Evaluation *Evaluation
	// light are the verbs whose subject a noun frame in their object may
	// take as its actor: "X held talks with Y", "X launched an attack".
	light map[string]bool
	// intentCodes maps a CAMEO root to the code of intending it ("04" →
	// "036": intending to meet), for events under an intent governor.
	intentCodes map[string]string
	// refusalCodes maps a CAMEO root to the code of refusing it ("04" →
	// "125": refusing to meet), for events refused ("refused to meet",
	// "would not provide support").
	refusalCodes map[string]string
	// documents are the nouns of the set "document": what their authors
	// act through ("issued a statement condemning X").
	documents map[string]bool
	// weapons are the nouns of the set "weapon": a name they describe is
	// no actor ("Akash, the surface-to-air missile").
	weapons map[string]bool
	// purposes are the verbs of the set "purpose": a to-infinitive of one
	// names whom an act is against (role `purpose`).
	purposes map[string]bool
	// doneTo are the nouns of the set "done_to": acts whose of-phrase and
	// possessor are whom the act is done to ("the arrest of X", "X's
	// release"), not whom a protest against it or a demand for it is
	// aimed at.
	doneTo map[string]bool
	// talks are the nouns of the set "talk" (role talks).
	talks map[string]bool
	// sports are the words of the set "sports" (see sportsWords).
	sports map[string]bool
	// commerce are the verbs of the set "commerce": a to-complement of one
	// makes no intent event ("agreed to acquire a retailer").
	commerce map[string]bool
}

// sportsWords counts the distinct words of the set "sports" in text (one
// or two words each, in lower case).
func (fr *Frames) sportsWords(text string) int {
	if fr == nil || len(fr.sports) == 0 {
		return 0
	}
	seen := map[string]bool{}
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	var pair []byte // two words, looked up without making a string of every pair in the text
	for i, w := range ws {
		if fr.sports[w] {
			seen[w] = true
		}
		if i+1 < len(ws) {
			pair = append(append(append(pair[:0], w...), ' '), ws[i+1]...)
			if fr.sports[string(pair)] {
				seen[string(pair)] = true
			}
		}
	}
	return len(seen)
}

type governorKind uint8

// Governor kinds, a bit each: a word may be both a demand and an intent
// ("wants X to leave", "wants to leave").
const (
	govNegate governorKind = 1 << iota
	govIntent
	govHedge
	govDemand
	govPlanned
)

// errorList collects problems with their positions; Err sorts them and
// returns them as one error (after go/scanner's ErrorList).
type errorList []string

func (l *errorList) add(file string, line int, format string, args ...any) {
	pos := file
	if line > 0 {
		pos += ":" + strconv.Itoa(line)
	}
	*l = append(*l, pos+": "+fmt.Sprintf(format, args...))
}

func (l errorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.Slice(l, func(i, j int) bool { return lessPos(l[i], l[j]) })
	return fmt.Errorf("%s", strings.Join(l, "\n"))
}

// lessPos orders "file:line: msg" strings by file, then line number.
func lessPos(a, b string) bool {
	fa, la := splitPos(a)
	fb, lb := splitPos(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return a < b
}

func splitPos(s string) (string, int) {
	i := strings.Index(s, ": ")
	if i < 0 {
		return s, 0
	}
	pos := s[:i]
	if j := strings.LastIndexByte(pos, ':'); j >= 0 {
		if n, err := strconv.Atoi(pos[j+1:]); err == nil {
			return pos[:j], n
		}
	}
	return pos, 0
}

// LoadFrames reads frames.yaml and every frames_*.yaml of fsys (in name
// order) and compiles them. Sets defined in any file may be used in all.
func LoadFrames(fsys fs.FS) (*Frames, error) {
	files, err := fs.Glob(fsys, "frames*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var errs errorList
	type parsed struct {
		file string
		node *yaml.Node
	}
	var docs []parsed
	var entries []frameEntry
	sets := map[string]Words{}
	governs := map[string]governorKind{}
	intentCodes := map[string]string{}
	refusalCodes := map[string]string{}
	light := map[string]bool{}
	var eval *Evaluation
	for _, name := range files {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.add(name, 0, "%v", err)
			continue
		}
		if jl, ok := jsonFrames(name, b); ok {
			for set, words := range jl.sets {
				if _, dup := sets[set]; dup {
					errs.add(name, 0, "set %s is defined twice", set)
				}
				sets[set] = words
			}
			entries = append(entries, jl.entries...)
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			errs.add(name, 0, "%v", err)
			continue
		}
		if len(doc.Content) == 0 {
			continue
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			errs.add(name, root.Line, "expected a mapping with sets, verbs and nouns")
			continue
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			switch k.Value {
			case "sets":
				if v.Kind != yaml.MappingNode {
					errs.add(name, v.Line, "sets: expected a mapping of name: [words]")
					continue
				}
				for j := 0; j+1 < len(v.Content); j += 2 {
					sk, sv := v.Content[j], v.Content[j+1]
					var words []string
					if err := sv.Decode(&words); err != nil {
						errs.add(name, sv.Line, "set %s: expected a list of words", sk.Value)
						continue
					}
					if _, dup := sets[sk.Value]; dup {
						errs.add(name, sk.Line, "set %s is defined twice", sk.Value)
					}
					for _, w := range words {
						sets[sk.Value] = append(sets[sk.Value], strings.Fields(strings.ToLower(w)))
					}
				}
			case "verbs", "nouns":
			case "governors":
				var g Governors
				if err := strictDecode(v, &g); err != nil {
					errs.add(name, v.Line, "governors: %v", err)
					continue
				}
				for kind, list := range map[governorKind][]string{govNegate: g.Negate, govIntent: g.Intent, govHedge: g.Hedge, govDemand: g.Demand, govPlanned: g.Planned} {
					for _, w := range list {
						w = strings.ToLower(w)
						// only a demand may share its word with an intent or a plan
						// ("wants X to" / "wants to", "expects X to" / "is expected to")
						if old := governs[w]; old != 0 && old|kind != govDemand|govIntent && old|kind != govDemand|govPlanned {
							errs.add(name, v.Line, "governors: %q is listed under two kinds", w)
						}
						governs[w] |= kind
					}
				}
			case "evaluation":
				var ev evaluationSpec
				if bad := unknownEvaluationKeys(v); len(bad) > 0 {
					for _, k := range bad {
						errs.add(name, k.Line, "evaluation: unknown key %q", k.Value)
					}
					continue
				}
				if err := strictDecode(v, &ev); err != nil {
					errs.add(name, v.Line, "evaluation: %v", err)
					continue
				}
				if eval != nil {
					errs.add(name, v.Line, "evaluation is defined twice (first in %s:%d)", eval.File, eval.Line)
					continue
				}
				codes := []string{ev.Negative.Code, ev.Positive.Code, ev.Accusation.Code}
				for _, d := range ev.Directives {
					codes = append(codes, d.Code)
				}
				for _, code := range codes {
					if code != "" && ontology.CameoLabels[code] == "" {
						errs.add(name, v.Line, "evaluation: code %q is not in the CAMEO scheme", code)
					}
				}
				if len(ev.Accusation.Verbs) > 0 && ev.Accusation.Code == "" {
					errs.add(name, v.Line, "evaluation: accusation verbs without a code")
				}
				eval = &Evaluation{Speech: set(lowerAll(ev.Speech)), NegativeCode: ev.Negative.Code, PositiveCode: ev.Positive.Code,
					Accusation: set(lowerAll(ev.Accusation.Verbs)), AccusationCode: ev.Accusation.Code,
					Directives: ev.Directives, Line: v.Line, File: name}
				eval.Negative, eval.Phrases = evalLexicon(append(ev.Negative.Words, ev.Negative.Labels...), true, nil)
				eval.Positive, eval.Phrases = evalLexicon(append(ev.Positive.Words, ev.Positive.Labels...), false, eval.Phrases)
				eval.Labels = set(lowerAll(append(ev.Negative.Labels, ev.Positive.Labels...)))
				eval.Judging = set(lowerAll(ev.Judging))
				eval.Towards = set(lowerAll(ev.Towards))
				for _, w := range ev.Neutral {
					eval.Phrases = append(eval.Phrases, evalPhrase{words: strings.Fields(strings.ToLower(w)), neutral: true})
				}
				for _, w := range append(ev.Positive.Words, ev.Positive.Labels...) {
					if eval.Negative[strings.ToLower(w)] {
						errs.add(name, v.Line, "evaluation: %q is both negative and positive", w)
					}
				}
			case "light_verbs":
				var list []string
				if err := v.Decode(&list); err != nil {
					errs.add(name, v.Line, "light_verbs: expected a list of verb lemmas")
					continue
				}
				for _, w := range list {
					light[strings.ToLower(w)] = true
				}
			case "intent_codes", "refusal_codes":
				var m map[string]string
				if err := v.Decode(&m); err != nil {
					errs.add(name, v.Line, "%s: %v", k.Value, err)
					continue
				}
				into := intentCodes
				if k.Value == "refusal_codes" {
					into = refusalCodes
				}
				for root, code := range m {
					if len(root) != 2 || ontology.CameoLabels[root] == "" || ontology.CameoLabels[code] == "" {
						errs.add(name, v.Line, "%s: %s: %s: not a CAMEO root and code", k.Value, root, code)
						continue
					}
					into[root] = code
				}
			default:
				errs.add(name, k.Line, "unknown key %q (expected sets, governors, intent_codes, refusal_codes, light_verbs, evaluation, verbs, nouns)", k.Value)
			}
		}
		docs = append(docs, parsed{name, root})
	}
	for _, d := range docs {
		root := d.node
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			kind := VerbFrame
			switch k.Value {
			case "verbs":
			case "nouns":
				kind = NounFrame
			default:
				continue
			}
			if v.Kind != yaml.SequenceNode {
				errs.add(d.file, v.Line, "%s: expected a list of frames", k.Value)
				continue
			}
			for _, n := range v.Content {
				spec, ok := specFromNode(d.file, n, &errs)
				entries = append(entries, frameEntry{file: d.file, line: n.Line, kind: kind, spec: spec, ok: ok})
			}
		}
	}
	// the named sets the engine reads itself, as phrases ("hunger strike")
	wordSet := func(name string) map[string]bool {
		out := map[string]bool{}
		for _, w := range sets[name] {
			out[strings.Join(w, " ")] = true
		}
		return out
	}
	fr := &Frames{verbs: map[string][]*Frame{}, nouns: map[string][]*Frame{}, governsMap: governs, intentCodes: intentCodes, refusalCodes: refusalCodes, light: light, Evaluation: eval,
		documents: wordSet("document"), weapons: wordSet("weapon"), sports: wordSet("sports"), commerce: wordSet("commerce"), purposes: wordSet("purpose"),
		talks: wordSet("talk"), doneTo: wordSet("done_to")}
	ids := map[string]string{}
	for _, e := range entries {
		if id := e.spec.ID; id != "" {
			if where, dup := ids[id]; dup {
				errs.add(e.file, e.line, "frame id %q is already used at %s", id, where)
				continue
			}
			ids[id] = fmt.Sprintf("%s:%d", e.file, e.line)
		}
		if !e.ok {
			continue
		}
		if f := compileSpec(e.file, e.line, e.spec, e.kind, sets, &errs); f != nil {
			fr.All = append(fr.All, f)
		}
	}
	checkConflicts(fr.All, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, f := range fr.All {
		for _, l := range f.Lemmas {
			v, part, _ := strings.Cut(l, " ")
			f.parts = append(f.parts, lemmaPart{v, part})
		}
		if len(f.parts) > 4 {
			f.byVerb = map[string][]lemmaPart{}
			for _, l := range f.parts {
				f.byVerb[l.verb] = append(f.byVerb[l.verb], l)
			}
		}
		idx := fr.verbs
		if f.Kind == NounFrame {
			idx = fr.nouns
		}
		seen := map[string]bool{}
		for _, l := range f.Lemmas {
			head := strings.Fields(l)[0]
			if !seen[head] {
				seen[head] = true
				idx[head] = append(idx[head], f)
			}
		}
	}
	for _, f := range fr.All {
		f.specificity() // counted here, before frames are shared between goroutines
	}
	for _, idx := range []map[string][]*Frame{fr.verbs, fr.nouns} {
		for _, list := range idx {
			sortFrames(list)
		}
	}
	fr.indexEndings()
	fr.verbParts = make(map[string][][]lemmaPart, len(fr.verbs))
	for lemma, list := range fr.verbs {
		parts := make([][]lemmaPart, len(list))
		for i, f := range list {
			parts[i] = f.partsOf(lemma)
		}
		fr.verbParts[lemma] = parts
	}
	return fr, nil
}

// sortFrames orders frames most specific first, then by id: which frame
// wins never depends on the order of the files or of the frames in them.
func sortFrames(list []*Frame) {
	sort.SliceStable(list, func(i, j int) bool {
		si, sj := list[i].specificity(), list[j].specificity()
		if si != sj {
			return si > sj
		}
		// on a tie a hand-written frame wins over a generated one
		if gi, gj := list[i].Source != "", list[j].Source != ""; gi != gj {
			return gj
		}
		return list[i].ID < list[j].ID
	})
}

// VerbFrames returns the verb frames of a lemma, most specific first.
func (fr *Frames) VerbFrames(lemma string) []*Frame { return fr.verbs[lemma] }

// verbFrames is VerbFrames with each frame's parts for lemma (partsOf).
func (fr *Frames) verbFrames(lemma string) ([]*Frame, [][]lemmaPart) {
	return fr.verbs[lemma], fr.verbParts[lemma]
}

// NounFrames returns the noun frames of a lemma, most specific first.
func (fr *Frames) NounFrames(lemma string) []*Frame { return fr.nouns[lemma] }

// strictDecode decodes a node into v, failing on keys v does not have.
func strictDecode(n *yaml.Node, v any) error {
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// frameEntry is one frame as read from a file, before it is compiled.
type frameEntry struct {
	file string
	line int
	kind FrameKind
	spec frameSpec
	ok   bool // read without error
}

// frameLines is what jsonFrames read from a file.
type frameLines struct {
	sets    map[string]Words
	entries []frameEntry
}

// jsonFrames reads a frames file laid out one item per line, each a
// JSON value (which YAML reads the same way), as the generated
// frames_petrarch.yaml is:
//
//	# comments
//	sets:
//	  name: ["word", "two words"]
//	verbs:
//	  - {"id": "...", "lemma": ["..."], "code": "..."}
//	nouns: []
//
// encoding/json reads it about eight times faster than yaml.v3, and the
// rules load at every start. It reports false at the first line of any
// other shape, leaving the file to yaml.v3.
func jsonFrames(file string, b []byte) (frameLines, bool) {
	out := frameLines{sets: map[string]Words{}}
	section := ""
	line := 0
	for len(b) > 0 {
		var l []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i], b[i+1:]
		} else {
			l, b = b, nil
		}
		line++
		l = bytes.TrimRight(l, " \t\r")
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		switch string(l) {
		case "sets:", "verbs:", "nouns:":
			section = string(l[:len(l)-1])
			continue
		case "sets: {}", "verbs: []", "nouns: []":
			section = ""
			continue
		}
		switch {
		case section == "sets" && bytes.HasPrefix(l, []byte("  ")) && !bytes.HasPrefix(l, []byte("   ")):
			name, list, ok := bytes.Cut(l[2:], []byte(": "))
			var words []string
			if !ok || json.Unmarshal(list, &words) != nil || len(name) == 0 {
				return out, false
			}
			for _, w := range words {
				out.sets[string(name)] = append(out.sets[string(name)], strings.Fields(strings.ToLower(w)))
			}
		case (section == "verbs" || section == "nouns") && bytes.HasPrefix(l, []byte("  - {")):
			var spec frameSpec
			dec := json.NewDecoder(bytes.NewReader(l[4:]))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&spec); err != nil || dec.InputOffset() != int64(len(l)-4) {
				return out, false
			}
			kind := VerbFrame
			if section == "nouns" {
				kind = NounFrame
			}
			out.entries = append(out.entries, frameEntry{file: file, line: line, kind: kind, spec: spec, ok: true})
		default:
			return out, false
		}
	}
	return out, true
}

// frameKeys are the keys a frame may have: the yaml tags of frameSpec.
var frameKeys = func() map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeOf(frameSpec{})
	for i := range t.NumField() {
		m[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	return m
}()

// specFromNode decodes one frame written in YAML, reporting unknown keys.
func specFromNode(file string, n *yaml.Node, errs *errorList) (frameSpec, bool) {
	var s frameSpec
	if n.Kind != yaml.MappingNode {
		errs.add(file, n.Line, "a frame must be a mapping")
		return s, false
	}
	bad := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !frameKeys[k.Value] {
			errs.add(file, k.Line, "unknown key %q", k.Value)
			bad = true
		}
	}
	// A scalar where a list is expected is taken as a one-item list.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
			switch n.Content[i].Value {
			case "lemma", "object", "subject", "pp", "not_pp", "actor", "target":
				n.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line, Column: v.Column, Content: []*yaml.Node{v}}
			}
		}
	}
	if err := n.Decode(&s); err != nil {
		errs.add(file, n.Line, "%v", err)
		return s, false
	}
	return s, !bad
}

// compileSpec checks one frame and compiles its words.
func compileSpec(file string, line int, s frameSpec, kind FrameKind, sets map[string]Words, errs *errorList) *Frame {
	bad := false
	errorf := func(format string, args ...any) {
		errs.add(file, line, "frame %q: "+format, append([]any{s.ID}, args...)...)
		bad = true
	}
	f := &Frame{ID: s.ID, Kind: kind, Code: s.Code, Symmetric: s.Symmetric, Comp: s.Comp, Voice: s.Voice,
		Intent: s.Intent, PersonCode: s.PersonCode, Offered: s.Offered, ViaNoun: s.ViaNoun, Confidence: s.Confidence,
		Source: s.Source, File: file, Line: line}
	if s.ID == "" {
		errorf("has no id")
	}
	switch {
	case !validCode(s.Code):
		errorf("code %q is not a CAMEO code (2-4 digits, quoted)", s.Code)
	case ontology.CameoLabels[s.Code] == "":
		errorf("code %q is not in the CAMEO scheme (ontology/cameo.ttl)", s.Code)
	}
	if s.PersonCode != "" && ontology.CameoLabels[s.PersonCode] == "" {
		errorf("person_code %q is not in the CAMEO scheme", s.PersonCode)
	}
	if s.Offered != "" && ontology.CameoLabels[s.Offered] == "" {
		errorf("offered %q is not in the CAMEO scheme", s.Offered)
	}
	if len(s.Lemma) == 0 {
		errorf("needs a lemma")
	}
	for _, l := range s.Lemma {
		w := strings.Fields(strings.ToLower(l))
		if len(w) == 0 || len(w) > 2 || kind == NounFrame && len(w) > 1 {
			errorf("lemma %q: a %s frame's lemma is one word%s", l, kind, map[bool]string{true: " (or a verb and its particle)"}[kind == VerbFrame])
			continue
		}
		f.Lemmas = append(f.Lemmas, strings.Join(w, " "))
	}
	words := func(what string, list []string) Words {
		var out Words
		for _, w := range list {
			w = strings.ToLower(strings.TrimSpace(w))
			if name, ok := strings.CutPrefix(w, "$"); ok {
				if name == "actor" || name == "person" {
					out = append(out, []string{"\x00" + name})
					continue
				}
				set, ok := sets[name]
				if !ok {
					errorf("%s: unknown set $%s", what, name)
					continue
				}
				out = append(out, set...)
				continue
			}
			if w == "" {
				errorf("%s: empty entry", what)
				continue
			}
			out = append(out, strings.Fields(w))
		}
		return out
	}
	if len(s.Object) == 1 && s.Object[0] == "none" {
		f.NoObject = true
	} else if len(s.Object) > 0 {
		f.Object = []Words{words("object", s.Object)}
	}
	if len(s.Subject) > 0 {
		f.Subject = []Words{words("subject", s.Subject)}
	}
	for _, p := range s.PP {
		fields := strings.Fields(strings.ToLower(p))
		if len(fields) == 0 || !rolePreps[fields[0]] {
			errorf("pp %q: must start with a preposition", p)
			continue
		}
		c := PPCond{Prep: fields[0]}
		if len(fields) > 1 {
			c.Noun = words("pp", []string{strings.Join(fields[1:], " ")})
		}
		f.PP = append(f.PP, c)
	}
	for _, p := range s.NotPP {
		if w := strings.ToLower(p); !rolePreps[w] {
			errorf("not_pp %q: must be a preposition", p)
		} else {
			f.NotPP = append(f.NotPP, w)
		}
	}
	switch s.Comp {
	case "", "to", "that":
	default:
		errorf("comp %q: expected \"to\" or \"that\"", s.Comp)
	}
	switch s.Voice {
	case "", "active", "passive":
	default:
		errorf("voice %q: expected active or passive", s.Voice)
	}
	f.Actor, f.Target = s.Actor, s.Target
	if len(f.Actor) == 0 {
		f.Actor = []string{"subject"}
		if kind == NounFrame {
			f.Actor = []string{"poss", "by", "demonym", "compound", "subject"}
		}
	}
	if len(f.Target) == 0 && s.Target == nil {
		f.Target = []string{"object"}
		if kind == NounFrame {
			f.Target = nil
		}
	}
	for _, r := range append(append([]string(nil), f.Actor...), f.Target...) {
		if r == "none" {
			continue
		}
		if !validRole(r) {
			errorf("unknown role source %q", r)
		}
	}
	f.NeedTarget = len(f.Target) > 0
	var targets []string
	for _, t := range f.Target {
		if t == "none" {
			f.NeedTarget = false
			continue
		}
		targets = append(targets, t)
	}
	f.Target = targets
	if f.Confidence == 0 {
		f.Confidence = 0.8
	}
	if f.Confidence < 0 || f.Confidence > 1 {
		errorf("confidence %v: must be in 0..1", f.Confidence)
	}
	if bad {
		return nil
	}
	return f
}

// checkConflicts reports frames that state exactly the same words with
// different codes: neither could win on specificity, so the outcome would
// depend on their order.
func checkConflicts(all []*Frame, errs *errorList) {
	seen := map[string]*Frame{}
	for _, f := range all {
		ck := f.constraintKey()
		for _, l := range f.Lemmas {
			k := f.Kind.String() + "|" + l + "|" + ck
			if g := seen[k]; g != nil && g.Code != f.Code && g != f {
				errs.add(f.File, f.Line, "frame %q states the same words as %q (%s:%d) with another code (%s, %s)",
					f.ID, g.ID, path.Base(g.File), g.Line, f.Code, g.Code)
				continue
			}
			seen[k] = f
		}
	}
}

func (f *Frame) constraintKey() string {
	var b strings.Builder
	words := func(tag byte, ws Words) {
		b.WriteByte(tag)
		for _, w := range ws {
			b.WriteString(strings.Join(w, " "))
			b.WriteByte(',')
		}
	}
	for _, o := range f.Object {
		words('o', o)
	}
	for _, s := range f.Subject {
		words('s', s)
	}
	for _, p := range f.PP {
		b.WriteString("p" + p.Prep)
		words(':', p.Noun)
	}
	for _, p := range f.NotPP {
		b.WriteString("!p" + p)
	}
	b.WriteString("|" + f.Comp + "|" + f.Voice)
	if f.NoObject {
		b.WriteString("|noobj")
	}
	return b.String()
}

// Verb reports whether some verb frame has lemma: the word can be a verb;
// "hand over", a verb and its particle, whether some frame names the two.
// With TakesInfinitive it is the syntax.Lexicon the parser mends
// "agreed to share/NN information" and "must hand over/IN" by.
func (fr *Frames) Verb(lemma string) bool {
	verb, particle, phrasal := strings.Cut(lemma, " ")
	if !phrasal {
		return len(fr.verbs[lemma]) > 0
	}
	for _, f := range fr.verbs[verb] {
		for _, l := range f.partsOf(verb) {
			if l.verb == verb && l.particle == particle {
				return true
			}
		}
	}
	return false
}

// TakesInfinitive reports whether "to" + a verb may follow lemma: any
// governor ("agreed to", "ready to", "urged X to"), and verbs of trying,
// deciding and beginning, which govern nothing the frames must know of.
func (fr *Frames) TakesInfinitive(lemma string) bool {
	return fr.governsMap[lemma] != 0 || infinitiveTakers[lemma]
}

var infinitiveTakers = map[string]bool{"decide": true, "try": true, "attempt": true, "begin": true, "start": true,
	"continue": true, "manage": true, "vote": true, "move": true, "choose": true, "struggle": true, "tend": true,
	"resolve": true, "work": true, "act": true, "step": true, "fight": true, "campaign": true, "rush": true}
