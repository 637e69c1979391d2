package nlp

import "strings"

// irregularVerbs lists English verbs whose past forms do not take -ed, one
// a line: base, past, past participle, then any other inflected forms.
// Alternatives are separated by "/". A form marked with a leading "*" is
// also a base form of another word ("found" is to found, "saw" to saw), so
// it is read as this verb's past only when tagged VBD or VBN.
const irregularVerbs = `
be was/were been is/am/are/'s/'re/'m/ai/being/art
have had had has/'ve/having/'d
do did done does/doing
go went gone goes/going
abide abode abode
arise arose arisen
awake awoke awoken
bear *bore borne/born
beat beat beaten
become became become
befall befell befallen
begin began begun
behold beheld beheld
bend bent bent
beset beset beset
bet bet bet
bid bid/bade bid/bidden
bind *bound *bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
dive dove dived
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall *fell fallen
feed fed fed
feel felt felt
fight fought fought
find *found *found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
foretell foretold foretold
forswear forswore forsworn
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten
give gave given
grind *ground *ground
grow grew grown
hang hung hung
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
inlay inlaid inlaid
input input input
keep kept kept
kneel knelt knelt
knit knit knit
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie *lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislay mislaid mislaid
mislead misled misled
misread misread misread
mistake mistook mistaken
misunderstand misunderstood misunderstood
offset offset offset
outbid outbid outbid
outdo outdid outdone
outgrow outgrew outgrown
outrun outran outrun
outsell outsold outsold
outshine outshone outshone
overcome overcame overcome
overdo overdid overdone
overdraw overdrew overdrawn
overfly overflew overflown
overhang overhung overhung
overhear overheard overheard
overpay overpaid overpaid
override overrode overridden
overrun overran overrun
oversee oversaw overseen
oversell oversold oversold
overshoot overshot overshot
oversleep overslept overslept
overtake overtook overtaken
overthrow overthrew overthrown
partake partook partaken
pay paid paid
plead pled pled
prove proved proven
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
recast recast recast
redo redid redone
remake remade remade
repay repaid repaid
reset reset reset
resell resold resold
retake retook retaken
retell retold retold
rethink rethought rethought
rewrite rewrote rewritten
rid rid rid
ride rode ridden
ring rang rung
rise *rose risen
run ran run
say said said
see *saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shear sheared shorn
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smite smote smitten
speak spoke spoken
speed sped sped
spend spent spent
spill spilt spilt
spin spun spun
spit spat spat
split split split
spoil spoilt spoilt
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undercut undercut undercut
undergo underwent undergone
underlie underlay underlain
underpay underpaid underpaid
understand understood understood
undertake undertook undertaken
underwrite underwrote underwritten
undo undid undone
unwind unwound unwound
uphold upheld upheld
upset upset upset
wake woke woken
waylay waylaid waylaid
wear wore worn
weave wove woven
wed wed wed
weep wept wept
win won won
wind *wound *wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
`

// verbLemmaEntry is the lemma of an irregular verb form.
type verbLemmaEntry struct {
	lemma    string
	pastOnly bool // the form is also another word's base: map it only as VBD or VBN
}

// verbForms maps each irregular form, and the -ing and -s forms of the
// irregular verbs whose regular rules would get them wrong, to its lemma.
var verbForms = func() map[string]verbLemmaEntry {
	m := map[string]verbLemmaEntry{}
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		base := f[0]
		for _, alts := range f[1:] {
			for _, form := range strings.Split(alts, "/") {
				past := strings.HasPrefix(form, "*")
				form = strings.TrimPrefix(form, "*")
				// A form equal to its base ("shed", "cut") is kept too,
				// so that no suffix rule applies to it.
				if _, dup := m[form]; !dup {
					m[form] = verbLemmaEntry{lemma: base, pastOnly: past}
				}
			}
		}
	}
	return m
}()

// stemExceptions maps the stem left by -ed or -ing to the base where the
// spelling rules of verbStem go wrong.
var stemExceptions = map[string]string{
	// a silent e the rules do not restore
	"creat": "create", "recreat": "create", "procreat": "procreate",
	"tast": "taste", "wast": "waste", "past": "paste", "hast": "haste", "bast": "baste",
	"unit": "unite", "reunit": "reunite", "invit": "invite", "excit": "excite", "ignit": "ignite",
	"incit": "incite", "recit": "recite", "expedit": "expedite", "extradit": "extradite",
	"complet": "complete", "delet": "delete", "compet": "compete", "deplet": "deplete",
	"secret": "secrete", "concret": "concrete",
	"escap": "escape", "reshap": "reshape",
	"adher": "adhere", "interfer": "interfere", "rever": "revere", "persever": "persevere",
	"coher": "cohere",
	"ignor": "ignore", "restor": "restore", "explor": "explore", "implor": "implore",
	"deplor": "deplore", "ador": "adore", "underscor": "underscore",
	"inhal": "inhale", "exhal": "exhale", "regal": "regale", "impal": "impale",
	"condon": "condone", "postpon": "postpone", "dethron": "dethrone", "aton": "atone",
	"inton": "intone", "enthron": "enthrone", "telephon": "telephone",
	"welcom": "welcome", "becom": "become", "overcom": "overcome",
	"describ": "describe", "prescrib": "prescribe", "subscrib": "subscribe",
	"inscrib": "inscribe", "ascrib": "ascribe", "transcrib": "transcribe",
	"combin": "combine", "examin": "examine",
	"sabotag": "sabotage", "outrag": "outrage",
	"persuad": "persuade", "dissuad": "dissuade", "interven": "intervene", "conven": "convene",
	"contraven": "contravene", "underly": "underlie", "outly": "outlie", "stymi": "stymie",
	"breath": "breathe", "loath": "loathe", "sooth": "soothe", "seeth": "seethe", "teeth": "teethe",
	"sheath":   "sheathe",
	"traffick": "traffic", "panick": "panic", "mimick": "mimic", "picnick": "picnic",
	"argu": "argue", "ow": "owe", "aw": "awe", "ey": "eye",
	// a final e the rules would wrongly add, or a doubled letter to keep
	"pivot": "pivot", "pilot": "pilot", "ballot": "ballot", "combat": "combat",
	"focus": "focus", "bias": "bias", "canvas": "canvas", "gass": "gas", "buss": "bus",
	"quizz": "quiz", "add": "add", "err": "err", "purr": "purr", "ebb": "ebb", "egg": "egg", "boycott": "boycott",
	"pencil": "pencil", "stencil": "stencil", "imperil": "imperil",
	"fuell": "fuel", "refuell": "refuel",
	"duell": "duel", "diall": "dial", "triall": "trial",
	"travel": "travel", "cancel": "cancel", "label": "label", "model": "model",
	"sugar": "sugar", "murmur": "murmur", "augur": "augur",
	"visit": "visit", "edit": "edit", "exit": "exit", "audit": "audit",
	// the -ing forms of verbs in -ie (dying, lying, tying, vying) are in verbStem
}

// sEnding lists words that end in s in the singular, whose -es plural or
// third person is not the word plus s (buses, focuses).
var sEnding = map[string]bool{
	"bus": true, "virus": true, "bonus": true, "campus": true, "census": true, "consensus": true,
	"status": true, "surplus": true, "focus": true, "bias": true, "gas": true, "atlas": true,
	"canvas": true, "alias": true, "iris": true, "lens": true, "apparatus": true,
	"prospectus": true, "octopus": true, "circus": true, "genius": true, "chorus": true,
	"sinus": true, "walrus": true, "syllabus": true, "thesaurus": true, "plus": true,
	"minus": true, "caucus": true, "fetus": true, "hiatus": true, "impetus": true,
	"nexus": true, "onus": true, "rebus": true, "stimulus": true, "terminus": true,
	"tumulus": true, "uterus": true,
}

// pluralExceptions maps plural nouns that the rules of nounLemma get wrong.
var pluralExceptions = map[string]string{
	"men": "man", "children": "child", "feet": "foot", "teeth": "tooth", "geese": "goose", "mice": "mouse",
	"lice": "louse", "oxen": "ox", "criteria": "criterion", "phenomena": "phenomenon",
	"crises": "crisis", "analyses": "analysis", "theses": "thesis", "hypotheses": "hypothesis",
	"diagnoses": "diagnosis", "oases": "oasis", "parentheses": "parenthesis", "synopses": "synopsis",
	"emphases": "emphasis", "ellipses": "ellipsis", "prognoses": "prognosis", "axes": "axis",
	"series": "series", "species": "species", "news": "news", "means": "means",
	"headquarters": "headquarters", "whereabouts": "whereabouts", "outskirts": "outskirts",
	"politics": "politics", "economics": "economics", "physics": "physics",
	"mathematics": "mathematics", "ethics": "ethics", "thanks": "thanks",
	"wives": "wife", "lives": "life", "knives": "knife", "leaves": "leaf", "halves": "half",
	"selves": "self", "thieves": "thief", "wolves": "wolf", "shelves": "shelf", "calves": "calf",
	"loaves": "loaf", "elves": "elf", "sheaves": "sheaf",
	"shoes": "shoe", "toes": "toe", "foes": "foe", "canoes": "canoe", "oboes": "oboe",
	"hoes": "hoe", "woes": "woe", "tiptoes": "tiptoe",
	"movies": "movie", "cookies": "cookie", "zombies": "zombie", "calories": "calorie",
	"rookies": "rookie", "prairies": "prairie", "selfies": "selfie", "brownies": "brownie",
	"goalies": "goalie", "freebies": "freebie", "hippies": "hippie", "aussies": "aussie",
	"headaches": "headache", "aches": "ache", "niches": "niche", "caches": "cache",
	"avalanches": "avalanche", "moustaches": "moustache", "mustaches": "mustache",
	"cliches": "cliche", "psyches": "psyche", "tranches": "tranche",
	"clothes": "clothes", "diabetes": "diabetes", "odds": "odds", "arrears": "arrears",
	"proceeds": "proceeds", "summons": "summons", "shambles": "shambles", "premises": "premises",
	"birdies": "birdie", "goodies": "goodie",
	"menus": "menu", "gurus": "guru", "emus": "emu", "tutus": "tutu",
	"bonuses": "bonus", "statuses": "status",
	"dice": "die", "pence": "penny", "alumni": "alumnus", "fungi": "fungus", "cacti": "cactus",
	"nuclei": "nucleus", "radii": "radius", "stimuli": "stimulus",
	"regimen": "regimen", "specimen": "specimen", "abdomen": "abdomen", "acumen": "acumen",
}

// ngBase lists stems in -ang and -ing whose verb has no final e (banged,
// ringed), where most take one (changed, hinged).
var ngBase = map[string]bool{
	"bang": true, "hang": true, "clang": true, "twang": true, "gang": true, "boomerang": true,
	"ring": true, "wing": true, "ping": true, "sting": true, "string": true, "bring": true,
	"fling": true, "cling": true, "swing": true, "spring": true, "sing": true, "zing": true,
	"king": true, "ding": true,
}
