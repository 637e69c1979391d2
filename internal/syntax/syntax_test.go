package syntax

import (
	"strings"
	"testing"

	"kg/internal/nlp"
)

func parse(s string) *Parse {
	toks := nlp.Tokenize(s)
	nlp.Default().Tag(toks)
	// as kg's extraction does, quotation marks are tagged with the
	// sentence and left out of its parse
	kept := toks[:0]
	for _, t := range toks {
		if t.Tag != nlp.LQuote && t.Tag != nlp.RQuote {
			kept = append(kept, t)
		}
	}
	return NewWith(kept, nil, testLexicon{})
}

// testLexicon stands for the frames' knowledge of verbs and governors.
type testLexicon struct{}

func (testLexicon) Verb(lemma string) bool {
	return lemma == "share" || lemma == "hand" || lemma == "court" || lemma == "talk" || lemma == "beat" || lemma == "arrive" || lemma == "hand over"
}
func (testLexicon) TakesInfinitive(lemma string) bool {
	return lemma == "agree" || lemma == "offer" || lemma == "ready"
}

// clauses renders every clause of a sentence as ClauseString does.
func clauses(p *Parse) []string {
	out := make([]string, len(p.Clauses))
	for k := range p.Clauses {
		out[k] = p.ClauseString(k)
	}
	return out
}

// The sentences are written for these tests, one per structure feature;
// each expectation is a clause (as ClauseString writes it) that must be
// among the sentence's clauses.
func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		feature, text string
		want          []string
	}{
		{"a listed person named after the role 'as' gives", "The judges questioned the mayor's predecessor as party leader, Juan Ortiz, and Senator Ana Ruiz.",
			[]string{"question (finite past) subj=[The judges] obj=[predecessor]+[Senator Ana Ruiz]"}},
		{"a plural role before names titles them", "The envoy wrote to prosecutors Ana Ruiz and Pablo Ortega about the case.",
			[]string{"write (finite past) subj=[The envoy] to=[prosecutors Ana Ruiz]+[Pablo Ortega] about=[the case]"}},
		{"a place after a plural role is not its name", "The envoy told ministers Chile would leave.",
			[]string{"tell (finite past) subj=[The envoy] obj=[ministers]"}},
		{"'riot' before police is a noun, after a comma too", "At the border, riot police stopped the marchers.",
			[]string{"stop (finite past) subj=[riot police] obj=[the marchers]"}},
		{"an apposition with a participle hides no subject", "On Monday the Popular Front, a movement loosely allied with the ruling party of Ghana, accused Togo of arming rebels.",
			[]string{"accuse (finite past) subj=[the Popular Front] obj=[Togo]"}},
		{"a past form in such an apposition is its participle", "The Popular Front, a movement allied with the ruling party, accused Togo of arming rebels.",
			[]string{"ally (participle passive) subj=[The Popular Front](reduced) with=[the ruling party] participle", "accuse (finite past) subj=[The Popular Front] obj=[Togo]"}},
		{"a past tense after a subject and its PPs stays finite", "Sharing that view, the envoys at the summit agreed on the text of a statement, which they will present.",
			[]string{"agree (finite past) subj=[the envoys] on=[the text] of=[a statement]"}},
		{"a speech verb's -s form before 'that' is the verb", "But the Ortiz camp claims that the mayor would sell the port.",
			[]string{"claim (finite) subj=[the Ortiz camp]"}},
		{"claims before 'that' stay a noun when two verbs follow", "Opposition claims that the vote was rigged were rejected by the court.",
			[]string{"rig (finite past passive) subj=[the vote] ccomp sub=that"}},
		{"a past form right after a preposition's object describes it", "Amnesty took up the case of six Chilean students refused entry to Peru.",
			[]string{"refuse (participle passive) subj=[six Chilean students](reduced) obj=[entry] to=[Peru]"}},
		{"a subordinate clause keeps its tensed verb", "The clashes came after Chile handed over a suspect to Peru.",
			[]string{"hand over (finite past) subj=[Chile] obj=[a suspect] to=[Peru]"}},
		{"the verb after a relative clause is the main one", "A bomb that exploded in a market killed ten people.",
			[]string{"kill (finite past) subj=[A bomb] obj=[ten people]"}},
		{"an -ing form after a common noun governs what follows", "Candidates opposing President Juan Ortiz accused the government of fraud.",
			[]string{"oppose (gerund) subj=[Candidates](reduced) obj=[President Juan Ortiz]", "accuse (finite past) subj=[Candidates] obj=[the government]"}},
		{"after a determiner it still modifies", "The opposing candidates accused the government of fraud.",
			[]string{"accuse (finite past) subj=[The opposing candidates] obj=[the government]"}},
		{"the participle's subject acts through its infinitive's object", "Militants claiming to hold three Chilean workers met Peruvian officials on Sunday.",
			[]string{"meet (finite past) subj=[Militants] obj=[Peruvian officials]"}},
		{"a list of roles after 'as' stays a list", "Ana Ruiz served as mayor, party leader and senator.",
			[]string{"serve (finite past) subj=[Ana Ruiz] as=[mayor]+[party leader]+[senator]"}},
		{"after a modal, a word that can be a verb is the verb; and its particle", "Chile said that Peru must hand over the suspects.",
			[]string{"hand over (finite modal=must) subj=[Peru] obj=[the suspects] ccomp<-say sub=that"}},
		{"a weekday ends its phrase before a name", "On Monday Chile accused Peru of spying.",
			[]string{"accuse (finite past) subj=[Chile] obj=[Peru]"}},
		{"a date ends its phrase before a name", "On March 3 Ortiz accused Peru of lying.",
			[]string{"accuse (finite past) subj=[Ortiz] obj=[Peru]"}},
		{"a time word ends its phrase before a name", "Earlier in the day Ortiz visited a school.",
			[]string{"visit (finite past) subj=[Ortiz] obj=[a school]"}},
		{"'never' before a tensed verb negates it", "Chilean troops never exchanged fire with Peruvian forces.",
			[]string{"exchange (finite past negated) subj=[Chilean troops] obj=[fire] with=[Peruvian forces]"}},
		{"a naming verb after 'a' and its noun names it", "Ortiz founded a party called Nueva Fuerza in 1990.",
			[]string{"call (participle passive) subj=[a party](reduced) obj=[Nueva Fuerza] in=[1990] participle<-found"}},
		{"a list of adverbs before the verb hides no subject", "Chile openly, loudly and publicly threatens to expel Peru.",
			[]string{"threaten (finite) subj=[Chile]"}},
		{"a possessor after a common noun starts its own phrase", "Chile denounced as a crime Peru's treatment of the fishermen.",
			[]string{"denounce (finite past) subj=[Chile] obj=[treatment] as=[a crime] of=[the fishermen]"}},
		{"a participle form between a verb and a noun describes the noun", "Chile rejected proposed Peruvian changes to the treaty.",
			[]string{"reject (finite past) subj=[Chile] obj=[proposed Peruvian changes] to=[the treaty]"}},
		{"a participle after a that-clause of being is the sayer's", "The court confirmed that Ortiz was the winner, rejecting the appeal by Ruiz.",
			[]string{"reject (gerund) subj=[The court](control) obj=[the appeal] by=[Ruiz] advcl<-confirm"}},
		{"a participle form after the opening subject is its past tense", "Troops plowed into the crowd, hitting a car, and police behind them fired tear gas.",
			[]string{"plow (finite past) subj=[Troops] into=[the crowd]", "fire (finite past) subj=[police] obj=[tear gas]"}},
		{"'with' and a gerund's subject are no partner", "Chile and Peru met on Monday with both leaders expressing hope.",
			[]string{"meet (finite past) subj=[Chile]+[Peru] on=[Monday]"}},
		{"'with' and a reduced relative is a partner", "Chile held talks with rebels holding the north.",
			[]string{"hold (finite past) subj=[Chile] obj=[talks] with=[rebels]"}},
		{"a noun opening a that-clause governs its infinitive", "Ortiz said that Peru's wish to join the bloc was no secret.",
			[]string{"join (infinitive) subj=[Peru's](control) obj=[the bloc] xcomp sub=wish"}},
		{"'out' after a verb is its particle, not a preposition", "Rwandan soldiers carried out the killing of a Burundian leader.",
			[]string{"carry out (finite past) subj=[Rwandan soldiers] obj=[the killing] of=[a Burundian leader]"}},
		{"a bare verb after 'and' is the conjunct of the infinitive before it", "Kenya wants to close the border and expel the traders.",
			[]string{"expel () subj=[Kenya](shared) obj=[the traders] conj<-close"}},
		{"a negation before 'to' negates the infinitive", "The rebels vowed never to lay down their arms.",
			[]string{"lay down (infinitive negated) subj=[The rebels](control) obj=[arms] xcomp<-vow"}},
		{"subject, object, PP", "Kenya expelled two Somali diplomats on Monday.",
			[]string{"expel (finite past) subj=[Kenya] obj=[two Somali diplomats] on=[Monday]"}},
		{"passive with agent", "The envoy was received by the Chilean foreign minister.",
			[]string{"receive (finite past passive) subj=[The envoy] by=[the Chilean foreign minister]"}},
		{"perfect passive", "Three activists have been detained in Harare.",
			[]string{"detain (finite perfect passive) subj=[Three activists] in=[Harare]"}},
		{"a bounded number is in the phrase it counts", "Kenyan police detained at least 40 Somali traders and up to 12 officials.",
			[]string{"detain (finite past) subj=[Kenyan police] obj=[at least 40 Somali traders]+[up to 12 officials]"}},
		{"what was said after a time phrase", "Norway said on Friday it had recalled its envoy.",
			[]string{"recall (finite past perfect) subj=[it] obj=[envoy] ccomp<-say"}},
		{"an opening PP is not in the list of subjects after it", "After the talks, Chile and Peru signed a border treaty.",
			[]string{"sign (finite past) subj=[Chile]+[Peru] obj=[a border treaty]"}},
		{"the subject before a participle and its PP", "A militia based in northern Chad has attacked the town.",
			[]string{"attack (finite perfect) subj=[A militia] obj=[the town]"}},
		{"the subject before 'along with'", "Chile along with its neighbours demanded a vote.",
			[]string{"demand (finite past) subj=[Chile] obj=[a vote]"}},
		{"conjoined gerunds share their subject", "Kenyan police fired on the crowd, killing two men and arresting 12 students.",
			[]string{"arrest (gerund) subj=[Kenyan police](shared) obj=[12 students] conj<-kill"}},
		{"an emphatic reflexive belongs to the subject", "Weah himself claimed victory on Wednesday.",
			[]string{"claim (finite past) subj=[Weah himself] obj=[victory] on=[Wednesday]"}},
		{"'that' after a place in a chain of PPs is the chain's head's", "A raid on a camp in northern Chad that killed ten men angered Niger.",
			[]string{"kill (finite past) subj=[a camp](relative) obj=[ten men] relcl"}},
		{"a measure's phrase runs on to what it measures", "Peru delivered 500 tons of rice to Chile.",
			[]string{"deliver (finite past) subj=[Peru] obj=[500 tons of rice] to=[Chile]"}},
		{"a unit of forces is a partitive", "A contingent of Kenyan soldiers reached Mogadishu.",
			[]string{"reach (finite past) subj=[A contingent of Kenyan soldiers] obj=[Mogadishu]"}},
		{"an -ing word of no verb is a noun", "The UN peacekeeping troops left Haiti.",
			[]string{"leave (finite past) subj=[The UN peacekeeping troops] obj=[Haiti]"}},
		{"a partitive's phrase runs on to the noun it counts", "Kenya and Uganda began a fresh round of border talks in Nairobi.",
			[]string{"begin (finite past) subj=[Kenya]+[Uganda] obj=[a fresh round of border talks] in=[Nairobi]"}},
		{"a particle after the object", "Kenya handed the smugglers over to Uganda.",
			[]string{"hand over (finite past) subj=[Kenya] obj=[the smugglers] to=[Uganda]"}},
		{"an infinitive after a time PP", "Kenya agreed on Monday to hand the smugglers over.",
			[]string{"hand over (infinitive) subj=[Kenya](control) obj=[the smugglers] xcomp<-agree"}},
		{"an adjective with its PP after a noun describes it", "Two officers responsible for the raid were detained in Nairobi.",
			[]string{"detain (finite past passive) subj=[Two officers responsible] in=[Nairobi]"}},
		{"'that' before a noun and a tensed verb opens a clause", "Kenya pledged that education would come first.",
			[]string{"come (finite modal=would) subj=[education] ccomp<-pledge sub=that"}},
		{"a pledge's clause without 'that'", "Kenya vowed its army would guard the dam.",
			[]string{"guard (finite modal=would) subj=[army] obj=[the dam] ccomp<-vow"}},
		{"'shot and killed' are two past tenses sharing the subject", "Kenyan police shot and killed three robbers in Nairobi.",
			[]string{"kill (finite past) subj=[Kenyan police](shared) obj=[three robbers] in=[Nairobi] conj<-shoot"}},
		{"the subject before an apposition and a time PP", "Amina Diallo, a leader of the Kenyan opposition, on Tuesday called on the president to resign.",
			[]string{"call (finite past) subj=[Amina Diallo] on=[the president]"}},
		{"a past tense the tagger read as a participle after an aside", "Amina Diallo, for the Kenyan opposition, called on the president to resign.",
			[]string{"call (finite past) subj=[Amina Diallo] on=[the president]"}},
		{"'visiting' after a form of 'be' is a progressive", "The Kenyan president, who is visiting Uganda this week, met students.",
			[]string{"visit (finite progressive) subj=[The Kenyan president](relative) obj=[Uganda] relcl<-visit"}},
		{"a verbless sentence's verb of motion before its PP", "Kenya's foreign minister arrives in Kampala on Tuesday.",
			[]string{"arrive (finite) subj=[foreign minister] in=[Kampala] on=[Tuesday]"}},
		{"an amount after a name is a phrase of its own", "The Community gave Kenya 5.1 million dollars of aid.",
			[]string{"give (finite past) subj=[The Community] iobj=[Kenya] obj=[5.1 million dollars] of=[aid]"}},
		{"a past tense before a time word and its object", "The army lifted Friday a day-old blockade on the town.",
			[]string{"lift (finite past) subj=[The army] obj=[a day-old blockade] on=[the town]"}},
		{"a that-clause opened by PPs before its subject", "Chile denied that as a neutral state in 1982 it sent arms to Peru.",
			[]string{"send (finite past) subj=[it] obj=[arms] to=[Peru] ccomp<-deny sub=that"}},
		{"an apposition with a possessor is read past to the verb", "Luis Rojas, Peru's leading activist, staged a hunger strike.",
			[]string{"stage (finite past) subj=[Luis Rojas] obj=[a hunger strike]"}},
		{"a gerund after a modifier in a PP is a noun", "Four villagers were killed in Peruvian shelling on Friday.",
			[]string{"kill (finite past passive) subj=[Four villagers] in=[Peruvian shelling] on=[Friday]"}},
		{"a gerund after an adjective in a PP is a noun", "The troops withdrew after heavy fighting with the rebels.",
			[]string{"withdraw (finite past) subj=[The troops] after=[heavy fighting] with=[the rebels]"}},
		{"a participle after a time phrase is the clause's", "Students marched in Lima on Sunday calling for elections.",
			[]string{"call (gerund) subj=[Students](control) for=[elections] advcl<-march"}},
		{"a time phrase after a name in a PP", "Thousands sought refuge in Chile last month.",
			[]string{"seek (finite past) subj=[Thousands] obj=[refuge] in=[Chile]"}},
		{"a span of time given before a to-infinitive is the object", "Chile gave Peru two weeks to leave.",
			[]string{"give (finite past) subj=[Chile] iobj=[Peru] obj=[two weeks]"}},
		{"progressive is not passive", "Norway is currently brokering a deal between the parties.",
			[]string{"broker (finite progressive) subj=[Norway] obj=[a deal] between=[the parties]"}},
		{"negation", "Ghana did not recognize the new government.",
			[]string{"recognize (finite past negated) subj=[Ghana] obj=[the new government]"}},
		{"modal", "Peru will host the summit.",
			[]string{"host (finite modal=will) subj=[Peru] obj=[the summit]"}},
		{"coordinated subjects", "Chile, Peru and Bolivia signed the accord.",
			[]string{"sign (finite past) subj=[Chile]+[Peru]+[Bolivia] obj=[the accord]"}},
		{"coordinated objects", "The court jailed Ana Ruiz and Luis Vega.",
			[]string{"jail (finite past) subj=[The court] obj=[Ana Ruiz]+[Luis Vega]"}},
		{"shared subject of conjoined verbs", "Police arrested the organizers and charged them with sedition.",
			[]string{"charge (finite past) subj=[Police](shared) obj=[them] with=[sedition] conj<-arrest"}},
		{"apposition before the verb", "Mali's leader, Colonel Ibrahim Keita, criticized the mission.",
			[]string{"criticize (finite past) subj=[leader] obj=[the mission]"}},
		{"relative clause subject", "The rebels, who control the north, rejected the offer.",
			[]string{"control (finite) subj=[The rebels](relative) obj=[the north] relcl", "reject (finite past) subj=[The rebels] obj=[the offer]"}},
		{"object relative", "The treaty, which Peru signed last year, expired.",
			[]string{"sign (finite past) subj=[Peru] obj=[The treaty] relcl"}},
		{"to + a noun the tagger misread: an infinitive after a governor", "The two sides agreed to share information on Friday.",
			[]string{"share (infinitive) subj=[The two sides](control) obj=[information]"}},
		{"to + a noun the tagger misread: the object and a PP", "Chile offered to hand the suspects to Britain.",
			[]string{"hand (infinitive) subj=[Chile](control) obj=[the suspects] to=[Britain]"}},
		{"to + a noun after a verb taking no infinitive stays a PP", "The rebels went to court on Monday.",
			[]string{"go (finite past) subj=[The rebels] to=[court] on=[Monday]"}},
		{"no second object before a verb: a relative clause", "Inspectors will remove any doubts Iraq still has.",
			[]string{"remove (finite modal=will) subj=[Inspectors] obj=[any doubts]"}},
		{"said + a noun phrase + a participle: the tensed verb of what was said", "The tribunal decided the policy almost certainly discriminated against migrants.",
			[]string{"discriminate (finite past) subj=[the policy] against=[migrants] ccomp<-decide"}},
		{"said + a plural noun phrase + a base form: the present tense", "The ministry says the new rules ``protect workers''.",
			[]string{"protect (finite) subj=[the new rules] obj=[workers] ccomp<-say"}},
		{"a time phrase before the object", "Peru rejected Thursday a Chilean proposal.",
			[]string{"reject (finite past) subj=[Peru] obj=[a Chilean proposal]"}},
		{"a participle after a possessor qualifies the noun", "Chile will withdraw its peacekeeping force from Haiti.",
			[]string{"withdraw (finite modal=will) subj=[Chile] obj=[peacekeeping force] from=[Haiti]"}},
		{"for + gerund after an object: the object does it", "A court jailed the student for two years for helping the rebels.",
			[]string{"help (gerund) subj=[the student](control) obj=[the rebels] pcomp<-jail sub=for"}},
		{"a sentence the tagger found no verb in", "Serbian police beat Croatian protesters in Belgrade.",
			[]string{"beat (finite past) subj=[Serbian police] obj=[Croatian protesters] in=[Belgrade]"}},
		{"a noun's possessor does what the noun governs", "Lima voiced concern over Bolivia's pledge to expel the envoys.",
			[]string{"expel (infinitive) subj=[Bolivia's](control) obj=[the envoys] xcomp<-voice sub=pledge"}},
		{"a bare past form between a subject and a tensed verb is a reduced passive", "The sailors captured near the coast were handed to Oman.",
			[]string{"capture (participle passive) subj=[The sailors](reduced) near=[the coast] participle<-capture", "hand (finite past passive) subj=[The sailors] to=[Oman]"}},
		{"a reduced passive before a year's 'since'", "The monks held since 1999 have been freed by Laos.",
			[]string{"free (finite perfect passive) subj=[The monks] by=[Laos]"}},
		{"the subject of a reduced passive through the gerund the PP hangs on", "Two pilots jailed for flying over Minsk were pardoned by Belarus.",
			[]string{"pardon (finite past passive) subj=[Two pilots] by=[Belarus]"}},
		{"two bare past forms stay ambiguous", "The envoy replied in a letter sent on Monday.",
			[]string{"reply (finite past) subj=[The envoy] in=[a letter]"}},
		{"reduced passive", "Sanctions imposed by the union on Belarus took effect.",
			[]string{"impose (participle passive) subj=[Sanctions](reduced) by=[the union] on=[Belarus]"}},
		{"subject control", "Fiji agreed to release the hostages.",
			[]string{"release (infinitive) subj=[Fiji](control) obj=[the hostages] xcomp<-agree"}},
		{"object control", "The mayor urged residents to leave the city.",
			[]string{"leave (infinitive) subj=[residents](control) obj=[the city] xcomp<-urge"}},
		{"participial opener", "Citing security concerns, Jordan closed the border.",
			[]string{"cite (gerund) subj=[Jordan](opener) obj=[security concerns]"}},
		{"time phrase between subject and verb", "Estonia on Tuesday recalled its ambassador.",
			[]string{"recall (finite past) subj=[Estonia] obj=[ambassador]"}},
		{"complement of a speech verb", "Officials said the army had withdrawn from the town.",
			[]string{"withdraw (finite past perfect) subj=[the army] from=[the town] ccomp<-say"}},
		{"conditional", "If Iran launches an attack, Israel will respond.",
			[]string{"launch (finite) subj=[Iran] obj=[an attack] advcl sub=if"}},
		{"an infinitive after a verb's particle is its complement", "The minister went on to criticize the union.",
			[]string{"criticize (infinitive) subj=[The minister](control) obj=[the union] xcomp<-go"}},
		{"an infinitive after 'so far as' is the verb's before it", "The senator went so far as to call the minister a liar.",
			[]string{"call (infinitive) subj=[The senator](control) iobj=[the minister] obj=[a liar] xcomp<-go"}},
		{"particle", "The union called off the strike.",
			[]string{"call off (finite past) subj=[The union] obj=[the strike]"}},
	} {
		t.Run(tc.feature, func(t *testing.T) {
			p := parse(tc.text)
			got := clauses(p)
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					if strings.HasPrefix(g, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s\n  %s\n  want clause %q\n  got %q", tc.text, p.Bracketed(), w, got)
				}
			}
		})
	}
}

// Phrases: heads, possessors, "of" complements and appositions.
func TestPhrases(t *testing.T) {
	p := parse("Uganda's army and the government of Rwanda met Lady Ashton, the EU envoy, in Kigali.")
	byText := map[string]Phrase{}
	for i := range p.Phrases {
		byText[p.PhraseText(i)] = p.Phrases[i]
	}
	army, ok := byText["army"]
	if !ok || army.Poss < 0 || p.PhraseText(army.Poss) != "Uganda's" {
		t.Errorf("army: %+v, want the possessor Uganda's; phrases %s", army, p.Bracketed())
	}
	gov := byText["the government"]
	if gov.Of < 0 || p.PhraseText(gov.Of) != "Rwanda" {
		t.Errorf("the government: of %d, want Rwanda", gov.Of)
	}
	ashton := byText["Lady Ashton"]
	if ashton.Appos < 0 || p.PhraseText(ashton.Appos) != "the EU envoy" {
		t.Errorf("Lady Ashton: appos %d, want the EU envoy", ashton.Appos)
	}
	// a possessive opening the apposition: the possessum describes the name
	q := parse("Juma Okoth, Kenya's top diplomat, criticized Uganda.")
	if okoth := q.Phrases[0]; okoth.Appos < 0 || q.PhraseText(okoth.Appos) != "top diplomat" {
		t.Errorf("Juma Okoth: appos %d, want top diplomat; phrases %s", okoth.Appos, q.Bracketed())
	}
	// a listed person named after the role "as" gives: the name describes
	// the person, and the list goes on past it
	r := parse("The judges questioned the mayor's predecessor as party leader, Juan Ortiz, and Senator Ana Ruiz.")
	for i, ph := range r.Phrases {
		if r.PhraseText(i) == "predecessor" && (ph.Appos < 0 || r.PhraseText(ph.Appos) != "Juan Ortiz") {
			t.Errorf("predecessor: appos %d, want Juan Ortiz; phrases %s", ph.Appos, r.Bracketed())
		}
	}
	if p.Toks[army.Head].Text != "army" {
		t.Errorf("head of %q is %q", "army", p.Toks[army.Head].Text)
	}
}
