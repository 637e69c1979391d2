package main

// Word lists the conversion decides by. They are Phoenix-specific: the
// codes of its files and the words of its names.

// roleCodes are the CAMEO role codes that may follow a country code (or
// stand alone, "[ELI]"); a bare three-letter code not among them is a country.
var roleCodes = set("GOV", "MIL", "REB", "OPP", "PTY", "INS", "UAF", "SEP", "CVL", "BUS", "MED", "EDU", "LAB",
	"LEG", "JUD", "COP", "SPY", "REL", "NGO", "IGO", "MNC", "IMG", "NGM", "HRI", "REF", "AGR", "ENV", "HLH",
	"DEV", "CRM", "ELI", "MOD", "RAD", "OCC", "AUT", "UNR", "INT", "MUS", "CHR", "JEW", "BUD", "HIN")

// State institutions: a country code followed by one of these (and no
// non-state role) is the state itself, a metonym of the country, as
// actors.yaml writes "Pentagon" and "State Department" for the United States.
var stateRoles = set("GOV", "MIL", "COP", "SPY", "LEG", "JUD")

// Armed non-state roles make a group (rebels, insurgents, separatists,
// unaligned armed forces); the other non-state roles an organization.
var armedRoles = set("REB", "INS", "UAF", "SEP")

// religions are CAMEO religion codes, some of which look like countries.
var religions = set("MUS", "MOS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN", "CTH", "PRO", "ORT", "ATH", "BAH", "DOX")

// isoAliases maps Phoenix's non-ISO country codes to the codes kg uses.
// Kosovo has no ISO code: Phoenix uses the World Bank's, actors.yaml XKX.
// TMP, ZAR and ROM were replaced in ISO 3166 by TLS, COD and ROU; ANG (UNITA_
// [ANGREB]) is Angola's old FIFA/IOC-style code for AGO.
var isoAliases = map[string]string{"KSV": "XKX", "TMP": "TLS", "ZAR": "COD", "ROM": "ROU", "ANG": "AGO"}

// pronouns never appear in an alias: "US_" would match "us" ("The Russians
// attacked us!", as the Phoenix file itself warns).
var pronouns = set("I", "ME", "MY", "WE", "US", "OUR", "YOU", "YOUR", "HE", "HIM", "HIS", "SHE", "HER", "IT", "ITS", "THEY", "THEM", "THEIR")

// extraTitles are titles and office words not in references.yaml that
// Phoenix writes before names ("MULLAH_MOHAMMAD_OMAR", "FORMER_PRESIDENT_X").
var extraTitles = set("MULLAH", "MAULANA", "MAWLAWI", "IMAM", "GRAND", "LORD", "LADY", "BARON", "DUKE", "EMPEROR",
	"PRINCESS", "SHEIK", "CAPTAIN", "CAPT", "MAJOR", "LIEUTENANT", "LT", "SGT", "SERGEANT", "MARSHAL", "FIELD",
	"JUSTICE", "JUDGE", "PROFESSOR", "PROF", "REV", "REVEREND", "BISHOP", "ARCHBISHOP", "CARDINAL", "PATRIARCH",
	"RABBI", "ACTING", "FORMER", "DEPUTY", "ASSISTANT", "PRESIDENT-ELECT", "SECRETARY-GENERAL", "SECY", "SEC",
	"GEN", "COL", "MINISTERS", "PRIME", "GOVENOR", "OPPOSITION", "REFORMER", "DICTATOR", "STRONGMAN", "HEAD",
	"OFFICIAL", "SPOKESPERSON", "CHAIRPERSON", "COMMISSIONER", "CONGRESSMAN", "CONGRESSWOMAN", "PREMIER",
	"DIRECTOR-GENERAL", "MP", "MR", "MRS", "MS", "DR", "SIR", "MADAM", "HRH", "CLERIC", "RULER",
	"KANZLER", "BUNDESKANZLER", "BUNDESPRAESIDENT", "BUNDESPRASIDENT", "PRESIDENTE", "PRESIDENTA", "HERR", "FRAU",
	"MONSIEUR", "SENOR", "PM", "FM")

// strongTitles name offices: a headword holding one ("UN_SECRETARY_GENERAL")
// is a post, not an organization.
var strongTitles = set("PRESIDENT", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "SPOKESMAN", "SPOKESWOMAN",
	"SPOKESPERSON", "AMBASSADOR", "ENVOY", "CHAIRMAN", "CHAIRWOMAN", "KING", "QUEEN", "PRINCE", "SHEIKH",
	"AYATOLLAH", "POPE", "SENATOR", "GOVERNOR", "PREMIER", "CHANCELLOR", "CHIEF", "LEADER", "HEAD", "OFFICIAL",
	"OFFICIALS", "COMMANDER", "DIRECTOR", "DIRECTOR-GENERAL")

// orgWords mark an organization's name: a person's alias holding one
// ("ASSAD_REGIME_", "SYRIA'S_GOVERNMENT") is not the person.
var orgWords = set("ARMY", "ARMED", "FORCES", "FORCE", "FRONT", "MOVEMENT", "PARTY", "COUNCIL", "COMMITTEE",
	"GOVERNMENT", "GOVERNMENTS", "MINISTRY", "DEPARTMENT", "AGENCY", "ORGANIZATION", "ORGANISATION", "ASSOCIATION",
	"UNION", "LEAGUE", "BRIGADE", "BRIGADES", "BATTALION", "BATTALIONS", "GROUP", "GROUPS", "CELLS", "CELL",
	"NUCLEI", "NUCLEUS", "COALITION", "ALLIANCE", "ASSEMBLY", "PARLIAMENT", "CONGRESS", "SENATE", "COURT", "BANK",
	"FUND", "INSTITUTE", "FOUNDATION", "SOCIETY", "CENTER", "CENTRE", "COMMISSION", "OFFICE", "BUREAU", "SERVICE",
	"SERVICES", "POLICE", "GUARD", "GUARDS", "NAVY", "CORPS", "REGIME", "ADMINISTRATION", "AUTHORITY", "NETWORK",
	"COMPANY", "CORPORATION", "CORP", "INC", "LTD", "CO", "FEDERATION", "TRIBUNAL", "PROGRAM", "PROGRAMME",
	"CAMPAIGN", "PROJECT", "WATCH", "REPUBLIC", "STATE", "KINGDOM", "MILITIA", "MILITIAS", "REBELS", "INSURGENTS",
	"TEAM", "CHURCH", "MISSION", "MEMORIAL", "UNIVERSITY", "COLLEGE", "SCHOOL", "HOSPITAL", "TRUST", "CABINET",
	"CONFERENCE", "BOARD", "COMMAND", "FORUM", "INITIATIVE", "COMMUNITY", "INTERNATIONAL", "NATIONAL", "MEDIA",
	"NEWS", "RADIO", "TELEVISION", "TIMES", "PRESS", "SECURITY", "INTELLIGENCE", "JIHAD", "JAISH", "JAYSH",
	"KATIBAT", "LIWA", "LIWAA", "HARAKAT", "JABHAT", "TANZEEM", "HIZB", "FACTION", "FIGHTERS", "MUJAHIDEEN",
	"MUJAHIDIN", "SUPPORTERS", "MEMBERS", "DELEGATION", "EMBASSY", "CONSULATE", "TROOPS", "SOLDIERS", "LOYALISTS",
	"OBSERVATORY", "DECLARATION", "COLLECTIVE", "PEOPLE", "PEOPLES", "PEOPLE'S", "WORKERS", "COUNTRY", "NATION",
	"REPUBLICA", "REPUBLIKA", "REPUBLIQUE", "EMIRATE", "PROVINCE", "REGION", "CITY", "ISLAND", "ISLANDS",
	"FELLOWSHIP", "SOLIDARITY", "WORLDWIDE", "RIGHTS", "INTERNET", "SORORITY", "FRATERNITY", "CATHOLIC")

// genericOrgWords do not tell one organization from another: an alias of an
// organization must share some other word with its name, or abbreviate it.
var genericOrgWords = set("THE", "OF", "AND", "FOR", "ON", "IN", "AT", "TO", "A", "AL", "EL", "DE", "DU", "DES", "LA", "LE", "WAL",
	"INTERNATIONAL", "NATIONAL", "FEDERAL", "CENTRAL", "GENERAL", "UNITED", "WORLD", "GLOBAL", "ISLAMIC", "ISLAMI",
	"DEMOCRATIC", "POPULAR", "REVOLUTIONARY", "LIBERATION", "PEOPLE'S", "PEOPLES", "PEOPLE", "NEW", "FREE", "ARMED",
	"SUPREME", "HIGH", "STATE", "REPUBLIC", "COUNCIL", "COMMITTEE", "ORGANIZATION", "ORGANISATION", "ASSOCIATION",
	"MOVEMENT", "FRONT", "ARMY", "PARTY", "UNION", "GROUP", "AGENCY", "OFFICE", "BUREAU", "DEPARTMENT", "MINISTRY",
	"SERVICE", "SERVICES", "FORCES", "FORCE", "BRIGADE", "BRIGADES", "COMMISSION", "INSTITUTE", "FOUNDATION", "FUND",
	"BANK", "COMPANY", "CORPORATION", "CORP", "INC", "LTD", "CO", "HOLDINGS", "SECURITY", "INTELLIGENCE", "DEFENSE",
	"DEFENCE", "AFFAIRS", "DEVELOPMENT", "COOPERATION", "HUMAN", "RIGHTS", "NORTH", "SOUTH", "EAST", "WEST",
	"NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRE", "CENTER", "AMERICAN", "EUROPEAN", "AFRICAN", "ASIAN",
	"ARAB", "ISLAM", "MUSLIM", "JIHAD", "JAISH", "JAYSH", "HARAKAT", "JABHAT", "KATIBAT", "LIWA", "LIWAA", "HIZB",
	"ANSAR", "MUJAHIDEEN", "MUJAHIDIN", "MARTYRS", "REVENGE", "BATTALION", "BATTALIONS", "CELLS", "NUCLEI")

// demonymRests are what demonyms add to a country's name or stem.
var demonymRests = set("N", "AN", "IAN", "EAN", "ESE", "LESE", "NESE", "I", "ISH", "ER", "NIAN", "VIAN", "ITE", "IC", "OT")

// historicNames are names the rules above cannot tell from a city's, which
// news of the Cold War needs; each is kept only if Phoenix lists it under
// that country.
var historicNames = map[string]struct{ code, form string }{
	"EAST GERMANY": {"DDR", "name"}, "EAST GERMAN": {"DDR", "demonym"},
	"WEST GERMANY": {"DEU", "name"}, "WEST GERMAN": {"DEU", "demonym"},
}

// countryNames overrides names that would be ambiguous in the news.
var countryNames = map[string]string{
	"COG": "Republic of the Congo", // not "Congo": in the news that is as often the DRC
}

// deniedAliases are never generated, whatever record lists them.
var deniedAliases = set(
	"Congo",   // Republic of the Congo or DR Congo
	"Tainan",  // a city of Taiwan, one letter from its name
	"Buganda", // a kingdom of Uganda, likewise
	"Swede",   // a person, not the state
)

// governmentForms may precede or follow a country's name in its official
// names: "ISLAMIC REPUBLIC OF", "KINGDOM OF", "FEDERAL DEMOCRATIC REPUBLIC".
var governmentForms = set("REPUBLIC", "ISLAMIC", "KINGDOM", "FEDERAL", "FEDERATION", "DEMOCRATIC", "PEOPLE'S",
	"PEOPLES", "SOCIALIST", "ARAB", "UNITED", "STATE", "STATES", "OF", "THE", "AND", "UNION", "COMMONWEALTH",
	"PRINCIPALITY", "GRAND", "DUCHY", "SULTANATE", "EMIRATE", "CONFEDERATION", "POPULAR", "COOPERATIVE", "REPUBLICS")

// knownAcronyms are written in capitals wherever they occur ("Armenia Fund
// USA"); notAcronyms never are, though they have no vowel ("Ltd").
var (
	knownAcronyms = set("USA", "UAE", "UK", "EU", "UN", "USSR", "NATO", "OPEC", "ASEAN", "OSCE", "OECD", "IMF", "WTO",
		"UNESCO", "UNICEF", "ICRC", "ANC", "PLO", "PKK", "FARC", "ELN", "LTTE", "MILF", "MNLF", "SPLA", "SPLM", "PLC",
		"IRA", "ETA", "UDA", "UVF", "GAM", "MSF", "IBM", "BBC", "CNN", "UBS", "KGB", "FSB", "IDF", "PLA", "ISI", "NSA", "HSBC",
		"US") // a pronoun too: never an alias on its own (validAlias), but "US Airways"
	notAcronyms = set("LTD", "MR", "MRS", "MS", "DR", "ST", "JR", "SR", "MT", "FT", "CO", "INC", "CORP")
)

// joiners do not occur in personal names: "SEEDS_OF_PEACE", "AT_AND_T".
var joiners = set("OF", "AND", "FOR", "THE", "ON", "IN", "AT", "TO", "&")

// mononymous are the countries whose people Phoenix may list by one name:
// Indonesians (Suharto), Japanese emperors, and international officials
// (no country). Elsewhere a one-word person is a surname whose first name
// was lost ("STEPHENSON_") or a peer ("STRATHCLYDE_"), which names others.
var mononymous = set("IDN", "JPN", "MMR", "AFG", "IRN", "")

// codeWords are CAMEO codes that Phoenix lists as names.
var codeWords = set("NGO", "NGOS", "MNC", "MNCS", "IGO", "IGOS")
