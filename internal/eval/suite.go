// Package eval scores kg's extraction against sentence-level peer test
// suites: the UniversalPetrarch PETR-2 gold set (PETR2_GSR_validation.xml)
// and the PLOVER gold records drawn from the CAMEO manual
// (PLOVER_GSR_CAMEO.json).
//
// The suites code actors with CAMEO/Phoenix codes ("USAGOV", "IGOUNOMIL",
// "---REB") and events with CAMEO codes or PLOVER classes, while kg codes
// actors as dictionary entities. The only level at which both agree without
// a translation table is the country and the CAMEO root, so every expected
// and produced event is reduced to a Key (source country, target country,
// root) before comparing; see score.go for the matching rules.
package eval

import (
	"strings"
)

// Sentence is one record of a suite: a text and the events it should yield.
type Sentence struct {
	Suite    string   `json:"suite"`              // "petr2" or "plover"
	ID       string   `json:"id"`                 // the suite's record id
	Category string   `json:"category,omitempty"` // PETR-2 category (AFP, GOLD…), PLOVER event class
	Date     string   `json:"date,omitempty"`     // YYYY-MM-DD, "" when the record has none usable
	Text     string   `json:"text"`
	Expected []Coding `json:"expected"` // empty: the sentence should yield no event
	// Hint is what the suite says about where the event is, to help rule
	// authors: PLOVER's eventText ("agreed cooperate"), or the lemmas the
	// PETR-2 parse tags as verbs ("release say").
	Hint string `json:"hint,omitempty"`
}

// NoEvent reports whether the sentence should yield no event.
func (s *Sentence) NoEvent() bool { return len(s.Expected) == 0 }

// Coding is one expected event as the suite writes it, with its Key.
type Coding struct {
	Event      string `json:"event"`  // CAMEO code ("042") or PLOVER class ("AGREE")
	Source     string `json:"source"` // as written: "USAGOV", "IGO", "" when none is given
	Target     string `json:"target"`
	SourceText string `json:"source_text,omitempty"` // PLOVER actorText
	TargetText string `json:"target_text,omitempty"`
	Key        Key    `json:"key"`
}

// Key is an event reduced to what kg and the suites can both express.
//
// Source and Target are ISO 3166-1 alpha-3 codes; "" stands for an actor
// that is not a country or has none (an IGO, "rebels", no target at all),
// and Any (only in expected keys) for an actor the suite does not code.
type Key struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Root   string `json:"root"` // first two digits of the CAMEO code
}

// Any in an expected Key matches every produced actor, including none.
const Any = "*"

func (k Key) String() string {
	show := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	return show(k.Source) + "→" + show(k.Target) + " " + k.Root
}

// Root is the CAMEO root of a code: "0231" → "02".
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// CountryOfCode reduces a CAMEO/Phoenix actor code to the country level.
//
// Phoenix codes start with a three-letter primary code followed by agent
// codes ("USAGOV", "PSEGZACVL"); the primary is an ISO alpha-3 country, or
// "---" (unknown), "IGO", "IMG", "NGO"… for actors that belong to no
// country. An empty code or a bare "---" means the suite codes no actor:
// that is Any. PLOVER writes the same primaries ("IGO", "JAP").
func CountryOfCode(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" || code == "---" {
		return Any
	}
	if len(code) < 3 {
		return ""
	}
	return Country(code[:3])
}

// Country normalises a three-letter code: aliases found in the suites and
// kg's dictionary are mapped to one spelling, anything that is not an ISO
// country becomes "".
func Country(code string) string {
	code = strings.ToUpper(code)
	if c, ok := countryAlias[code]; ok {
		return c
	}
	if isoCountries[code] {
		return code
	}
	return ""
}

// countryAlias holds non-ISO spellings seen in the data. PLOVER's readme
// says all states carry ISO codes, yet it writes Japan as JAP and Italy as
// ITL (old CAMEO codes); Kosovo has no ISO code: kg uses the user-assigned
// XKX, Phoenix KSV.
var countryAlias = map[string]string{
	"JAP": "JPN",
	"ITL": "ITA",
	"KSV": "XKX",
	"KOS": "XKX",
}

// isoCountries are the ISO 3166-1 alpha-3 codes (249, from the iso-codes
// package), plus XKX.
var isoCountries = func() map[string]bool {
	m := map[string]bool{"XKX": true}
	for _, c := range strings.Fields(`
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN
CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM
NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE`) {
		m[c] = true
	}
	return m
}()

// collapseSpace joins the lines of a hard-wrapped text with single spaces.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
