//! The lexicon of names every part of the analysis consults: first names with their gender,
//! surnames, places, honorifics and titles, from gazetteers generated from open data (see
//! `assets/gazetteers/README.md`) and small hand-written tables of titles, cue words and demonyms.
//! Parsed once, on first use, into hash sets keyed by `&'static str` so lookups never allocate.
//! The entity finder reads it as `entities::names`; the quote resolver reads the genders here.

use crate::analysis::entities::{Map, Set};
use std::sync::LazyLock;

const FIRST_NAMES: &str = include_str!("../../assets/gazetteers/first_names.tsv");
const SURNAMES: &str = include_str!("../../assets/gazetteers/surnames.txt");
const PLACES: &str = include_str!("../../assets/gazetteers/places.tsv");
const WORDS: &str = include_str!("../../assets/gazetteers/words.txt");

/// A person's gender as a first name, an honorific or the article's pronouns give it; `Either`
/// when they do not tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Either,
}

/// The gender an honorific or title before a name gives ("Mr." male, "Mme" female), with or
/// without its dot; `Either` for any other word.
pub fn honorific_gender(w: &str) -> Gender {
    match w.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" | "Herr" | "Fr" | "King" | "Prince" => Gender::Male,
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Mme" | "Mlle" | "Frau" | "Madam" | "Queen"
        | "Princess" => Gender::Female,
        _ => Gender::Either,
    }
}

/// The gender the US Census lists a first name under; `Either` for names it lists under both
/// and for names it lacks.
pub fn first_name_gender(w: &str) -> Gender {
    GAZETTEER.first_name(w).map_or(Gender::Either, |f| f.gender)
}

/// What kind of place a gazetteer name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Clone, Copy, Debug)]
pub struct FirstName {
    pub gender: Gender,
    /// 1 = most common.
    pub rank: u32,
}

/// Everything looked up while reading names.
pub struct Gazetteer {
    first_names: Map<&'static str, FirstName>,
    surnames: Set<&'static str>,
    /// The 1,000 most frequent of them ("Smith", "Long", "King").
    frequent_surnames: Set<&'static str>,
    /// Place name as written → canonical name.
    places: Map<&'static str, (&'static str, PlaceKind)>,
    /// The places written with "The", without it ("Hague" of "The Hague").
    after_the: Set<&'static str>,
    words: Set<&'static str>,
    demonyms: Map<&'static str, &'static str>,
    titles: Set<&'static str>,
    title_modifiers: Set<&'static str>,
    honorifics: Set<&'static str>,
    org_suffix: Set<&'static str>,
    org_prefix: Set<&'static str>,
    place_suffix: Set<&'static str>,
    stop: Set<&'static str>,
    not_names: Set<&'static str>,
    agencies: Map<&'static str, &'static str>,
    orgs: Set<&'static str>,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Abbreviations, as the two tokenisers use them. The entity tokeniser keeps the final dot
/// of these (case as written) in the word ("Mr.", "Gov't."); the quote finder's sentence
/// splitter does not end a sentence after these (lower case, sorted, without the dot), and
/// also knows "e.g", "i.e" and month names. The lists differ on purpose where the uses differ;
/// keep them side by side here.
pub const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Col", "Capt", "Lt",
    "Sgt", "Cpl", "Adm", "Maj", "Prof", "Rev", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Ave", "Mt",
    "Ft", "Pres", "Supt", "Insp", "Det", "Fr", "Msgr", "Hon", "Mme", "Bros", "Dept", "Gov't",
    "Univ", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "approx", "etc", "al",
];

/// Words after which a dot does not end a sentence (lower case, sorted, without the dot).
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "det", "dr", "e.g", "feb", "fig", "ft", "gen", "gov", "hon", "i.e", "inc", "insp", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct",
    "pres", "prof", "pvt", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// Spellings of countries that the open data lacks but wire copy uses.
#[rustfmt::skip]
const PLACE_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "United States"), ("U.S", "United States"), ("US", "United States"),
    ("U.S.A.", "United States"), ("U.S.A", "United States"), ("U.K", "United Kingdom"),
    ("USA", "United States"), ("America", "United States"),
    ("United States of America", "United States"), ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
    ("GB", "United Kingdom"), ("England", "England"), ("Scotland", "Scotland"), ("Wales", "Wales"),
    ("Northern Ireland", "Northern Ireland"), ("UAE", "United Arab Emirates"),
    ("DRC", "Democratic Republic of the Congo"), ("Washington D.C.", "Washington D.C."),
    ("Washington, D.C.", "Washington D.C."), ("D.C.", "Washington D.C."), ("L.A.", "Los Angeles"),
    ("LA", "Los Angeles"), ("N.Y.", "New York"), ("NYC", "New York"), ("Gaza", "Gaza"),
    // The states wire copy writes with two dotted capitals ("Trenton, N.J.").
    ("N.J.", "New Jersey"), ("N.C.", "North Carolina"), ("N.H.", "New Hampshire"),
    ("N.M.", "New Mexico"), ("N.D.", "North Dakota"), ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"), ("R.I.", "Rhode Island"),
    ("West Bank", "West Bank"), ("Middle East", "Middle East"), ("Latin America", "Latin America"),
    ("Central America", "Central America"), ("Southeast Asia", "Southeast Asia"),
    ("South East Asia", "Southeast Asia"), ("East Asia", "East Asia"),
    ("Central Asia", "Central Asia"), ("Eastern Europe", "Eastern Europe"),
    ("Western Europe", "Western Europe"), ("Scandinavia", "Scandinavia"), ("Balkans", "Balkans"),
    ("Caribbean", "Caribbean"), ("Mediterranean", "Mediterranean"), ("Pacific", "Pacific"),
    ("Atlantic", "Atlantic"), ("Arctic", "Arctic"), ("Antarctica", "Antarctica"),
    ("Siberia", "Siberia"), ("Crimea", "Crimea"), ("Kashmir", "Kashmir"), ("Darfur", "Darfur"),
    ("Tibet", "Tibet"), ("Hong Kong", "Hong Kong"), ("Macau", "Macau"), ("Taiwan", "Taiwan"),
    ("Kosovo", "Kosovo"), ("Palestine", "Palestine"), ("Persian Gulf", "Persian Gulf"),
    ("Gulf", "Gulf"), ("Holland", "Netherlands"), ("Burma", "Myanmar"),
    ("Ivory Coast", "Ivory Coast"), ("Czech Republic", "Czech Republic"),
    ("Vatican", "Vatican City"), ("East Timor", "Timor Leste"),
    ("Timor-Leste", "Timor Leste"), ("Cape Verde", "Cabo Verde"), ("Swaziland", "Eswatini"),
];

/// Nations that field their own teams though the data lists them under the United Kingdom.
const HOME_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// Words that mark a sports report, where a country's name stands for its team.
pub fn is_sports_word(w: &str) -> bool {
    matches!(
        w,
        "goal"
            | "goals"
            | "scored"
            | "scorer"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "penalty"
            | "kick-off"
            | "half-time"
            | "halftime"
            | "fifa"
            | "uefa"
            | "semi-final"
            | "quarter-final"
            | "hat-trick"
            | "equaliser"
            | "equalizer"
            | "stoppage"
            | "touchdown"
            | "innings"
            | "wicket"
            | "try"
            | "tries"
            | "referee"
            | "group-stage"
            | "knockout"
            | "playoff"
            | "play-off"
            | "header"
            | "defeat"
            | "equalized"
            | "equalised"
            | "goalless"
            | "playoffs"
            | "semifinal"
            | "quarterfinal"
            | "quarterback"
            | "pitcher"
            | "inning"
            | "rebounds"
            | "derby"
            | "relegation"
            | "offside"
            | "substitute"
            | "substituted"
            | "fixture"
            | "fixtures"
            | "unbeaten"
            | "standings"
            | "matchday"
            | "stoppage-time"
            | "injury-time"
            // Cricket.
            | "wickets"
            | "bowler"
            | "bowlers"
            | "bowled"
            | "batsman"
            | "batsmen"
            | "batter"
            | "umpire"
            | "umpires"
            | "spinner"
            | "all-rounder"
            | "lbw"
    )
}

/// Words that make a sports club of a place before it ("Real Madrid", "Inter Miami").
#[rustfmt::skip]
const CLUB_BEFORE: &[&str] = &[
    "FC", "F.C.", "AC", "AS", "SC", "CF", "CD", "Real", "Atlético", "Atletico", "Athletic", "Inter",
    "Sporting", "Borussia", "Dynamo", "Dinamo", "Olympique", "Racing", "Deportivo", "Celta",
];

/// Words that make a sports club of a place after it ("Nashville SC", "Leeds United").
#[rustfmt::skip]
const CLUB_AFTER: &[&str] = &[
    "FC", "F.C.", "SC", "CF", "AFC", "United", "Rovers", "Wanderers", "Hotspur", "Albion",
];

/// A word that makes a sports club of a place after it ("Real" of "Real Madrid").
pub fn is_club_word_before(w: &str) -> bool {
    CLUB_BEFORE.contains(&w)
}

/// A word that makes a sports club of a place before it ("SC" of "Nashville SC").
pub fn is_club_word_after(w: &str) -> bool {
    CLUB_AFTER.contains(&w)
}

/// Nationality and group adjectives. They are not place mentions ("Syrian forces").
#[rustfmt::skip]
const DEMONYMS: &[(&str, &str)] = &[
    ("Afghan", "Afghanistan"), ("Albanian", "Albania"), ("Algerian", "Algeria"),
    ("American", "United States"), ("Angolan", "Angola"), ("Argentine", "Argentina"),
    ("Argentinian", "Argentina"), ("Armenian", "Armenia"), ("Australian", "Australia"),
    ("Austrian", "Austria"), ("Azerbaijani", "Azerbaijan"), ("Bahraini", "Bahrain"),
    ("Bangladeshi", "Bangladesh"), ("Belarusian", "Belarus"), ("Belgian", "Belgium"),
    ("Bolivian", "Bolivia"), ("Bosnian", "Bosnia and Herzegovina"), ("Brazilian", "Brazil"),
    ("British", "United Kingdom"), ("Bulgarian", "Bulgaria"), ("Burmese", "Myanmar"),
    ("Cambodian", "Cambodia"), ("Cameroonian", "Cameroon"), ("Canadian", "Canada"),
    ("Chadian", "Chad"), ("Chilean", "Chile"), ("Chinese", "China"), ("Colombian", "Colombia"),
    ("Congolese", "Congo"), ("Croatian", "Croatia"), ("Cuban", "Cuba"), ("Cypriot", "Cyprus"),
    ("Czech", "Czech Republic"), ("Danish", "Denmark"), ("Dutch", "Netherlands"),
    ("Ecuadorian", "Ecuador"), ("Egyptian", "Egypt"), ("Emirati", "United Arab Emirates"),
    ("English", "England"), ("Eritrean", "Eritrea"), ("Estonian", "Estonia"),
    ("Ethiopian", "Ethiopia"), ("European", "Europe"), ("Filipino", "Philippines"),
    ("Finnish", "Finland"), ("French", "France"), ("Georgian", "Georgia"), ("German", "Germany"),
    ("Ghanaian", "Ghana"), ("Greek", "Greece"), ("Guatemalan", "Guatemala"), ("Haitian", "Haiti"),
    ("Honduran", "Honduras"), ("Hungarian", "Hungary"), ("Icelandic", "Iceland"),
    ("Indian", "India"), ("Indonesian", "Indonesia"), ("Iranian", "Iran"), ("Iraqi", "Iraq"),
    ("Irish", "Ireland"), ("Israeli", "Israel"), ("Italian", "Italy"), ("Ivorian", "Ivory Coast"),
    ("Jamaican", "Jamaica"), ("Japanese", "Japan"), ("Jordanian", "Jordan"),
    ("Kazakh", "Kazakhstan"), ("Kenyan", "Kenya"), ("Korean", "Korea"), ("Kosovar", "Kosovo"),
    ("Kurdish", "Kurdistan"), ("Kuwaiti", "Kuwait"), ("Kyrgyz", "Kyrgyzstan"), ("Laotian", "Laos"),
    ("Latvian", "Latvia"), ("Lebanese", "Lebanon"), ("Liberian", "Liberia"), ("Libyan", "Libya"),
    ("Lithuanian", "Lithuania"), ("Malaysian", "Malaysia"), ("Malian", "Mali"),
    ("Maltese", "Malta"), ("Mexican", "Mexico"), ("Moldovan", "Moldova"), ("Mongolian", "Mongolia"),
    ("Moroccan", "Morocco"), ("Mozambican", "Mozambique"), ("Namibian", "Namibia"),
    ("Nepalese", "Nepal"), ("Nepali", "Nepal"), ("Nicaraguan", "Nicaragua"),
    ("Nigerian", "Nigeria"), ("Nigerien", "Niger"), ("Norwegian", "Norway"), ("Omani", "Oman"),
    ("Pakistani", "Pakistan"), ("Palestinian", "Palestine"), ("Panamanian", "Panama"),
    ("Paraguayan", "Paraguay"), ("Peruvian", "Peru"), ("Philippine", "Philippines"),
    ("Polish", "Poland"), ("Portuguese", "Portugal"), ("Qatari", "Qatar"), ("Romanian", "Romania"),
    ("Russian", "Russia"), ("Rwandan", "Rwanda"), ("Saudi", "Saudi Arabia"),
    ("Scottish", "Scotland"), ("Senegalese", "Senegal"), ("Serbian", "Serbia"),
    ("Singaporean", "Singapore"), ("Slovak", "Slovakia"), ("Slovenian", "Slovenia"),
    ("Somali", "Somalia"), ("South African", "South Africa"), ("Spanish", "Spain"),
    ("Sri Lankan", "Sri Lanka"), ("Sudanese", "Sudan"), ("Swedish", "Sweden"),
    ("Swiss", "Switzerland"), ("Syrian", "Syria"), ("Taiwanese", "Taiwan"), ("Tajik", "Tajikistan"),
    ("Tanzanian", "Tanzania"), ("Thai", "Thailand"), ("Tibetan", "Tibet"), ("Tunisian", "Tunisia"),
    ("Turkish", "Turkey"), ("Turkmen", "Turkmenistan"), ("Ugandan", "Uganda"),
    ("Ukrainian", "Ukraine"), ("Uruguayan", "Uruguay"), ("Uzbek", "Uzbekistan"),
    ("Venezuelan", "Venezuela"), ("Vietnamese", "Vietnam"), ("Welsh", "Wales"), ("Yemeni", "Yemen"),
    ("Zambian", "Zambia"), ("Zimbabwean", "Zimbabwe"), ("New Zealander", "New Zealand"),
    // Regions, religions and groups used the same way.
    ("African", "Africa"), ("Asian", "Asia"), ("Arab", "Arab world"), ("Arabic", "Arab world"),
    ("Western", "West"), ("Eastern", "East"), ("Northern", "North"), ("Southern", "South"),
    ("Latin", "Latin America"), ("Middle Eastern", "Middle East"), ("Muslim", ""), ("Islamic", ""),
    ("Islamist", ""), ("Jewish", ""), ("Christian", ""), ("Catholic", ""), ("Protestant", ""),
    ("Orthodox", ""), ("Sunni", ""), ("Shia", ""), ("Shiite", ""), ("Hindu", ""), ("Buddhist", ""),
    ("Sikh", ""), ("Kurd", ""), ("Pashtun", ""), ("Persian", "Iran"), ("Hispanic", ""),
    ("Federal", ""), ("Communist", ""), ("Republican", ""), ("Democrat", ""), ("Democratic", ""),
    ("Conservative", ""), ("Liberal", ""), ("Socialist", ""),
];

/// Words for an office or occupation that stand before a name ("President", "spokesman").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "vice-president", "secretary", "minister", "premier", "chancellor", "king",
    "queen", "prince", "princess", "emperor", "empress", "tsar", "tsarina", "czar", "kaiser",
    "shah", "pharaoh", "sultan", "emir", "sheikh", "pope", "count", "countess", "baroness",
    "viscount", "viscountess", "marquis", "marquess", "marchioness", "archduke", "archduchess",
    "cardinal", "archbishop", "bishop", "imam", "rabbi", "pastor", "father", "reverend",
    "ambassador", "envoy", "consul", "senator", "congressman", "congresswoman", "representative",
    "governor", "mayor", "councillor", "councilor", "councilman", "councilwoman", "councilmember", "alderman", "alderwoman",
    "assemblyman", "assemblywoman", "assemblymember", "lawmaker",
    "legislator", "general", "admiral", "commander", "colonel", "major", "captain", "lieutenant",
    "sergeant", "corporal", "private", "marshal", "chief", "head", "leader", "director", "chairman",
    "chairwoman", "chairperson", "chair", "ceo", "cfo", "coo", "founder", "co-founder", "owner",
    "executive", "manager", "officer", "official", "spokesman", "spokeswoman", "spokesperson",
    "spokespeople", "counterpart", "adviser", "advisor", "aide", "assistant", "deputy", "attorney",
    "prosecutor", "lawyer", "judge", "justice", "magistrate", "commissioner", "inspector",
    "superintendent", "detective", "constable", "sheriff", "professor", "lecturer", "researcher",
    "scientist", "doctor", "surgeon", "physician", "nurse", "economist", "analyst", "strategist",
    "author", "writer", "novelist", "poet", "journalist", "reporter", "correspondent", "editor",
    "columnist", "photographer", "artist", "painter", "singer", "actor", "actress", "director",
    "producer", "composer", "musician", "coach", "manager", "captain", "striker", "midfielder",
    "defender", "goalkeeper", "forward", "player", "champion", "candidate", "nominee", "activist",
    "campaigner", "organiser", "organizer", "founder", "member", "mp", "mep", "president-elect",
    "premier", "dictator", "ruler", "monarch", "regent", "treasurer", "comptroller", "auditor",
    "administrator", "principal", "dean", "provost", "rector", "chancellor", "student", "teacher",
    "diplomat", "negotiator", "mediator", "emeritus", "speaker", "whip", "mufti", "ayatollah",
    "cleric", "priest", "monk", "nun", "brother", "sister", "investigator", "agent", "entrepreneur",
    "investor", "businessman", "businesswoman", "host", "presenter", "anchor", "curator",
    "architect", "engineer", "designer", "historian", "expert", "specialist", "lobbyist",
    "consultant", "partner", "vice", "banker", "broker", "trader", "shopkeeper", "fisherman",
    "vendor", "chef", "pilot", "soldier", "veteran", "paramedic", "firefighter", "retiree",
    "registrar", "bursar", "vice-chancellor", "headmaster", "headmistress", "headteacher",
    "chaplain", "warden", "ombudsman", "secretary-general", "director-general",
    "attorney-general", "solicitor-general", "governor-general", "coroner", "librarian",
    "pharmacist", "biologist", "chemist", "physicist", "astrophysicist", "astronomer",
    "mathematician", "philosopher", "sociologist", "psychologist", "psychiatrist",
    "anthropologist", "archaeologist", "geologist", "ecologist", "epidemiologist", "virologist",
    "cardiologist", "pediatrician", "paediatrician", "dentist", "midwife", "therapist",
    "neuroscientist", "meteorologist", "seismologist", "climatologist", "oceanographer",
    "botanist", "zoologist", "linguist", "schoolteacher", "translator", "playwright",
    "filmmaker", "commentator", "pollster", "athlete", "umpire", "winger", "accountant",
    "technician", "programmer", "volunteer", "tutor",
];

/// Title words that, in lower case, are usually something else.
const LOWER_NOT_TITLES: &[&str] = &[
    "major", "general", "private", "forward", "head", "chair", "host", "partner", "father",
    "brother", "sister", "student", "player", "speaker", "agent", "vice", "first", "count",
];

/// Lower-case words that may stand inside a title before the office word ("foreign minister").
#[rustfmt::skip]
const TITLE_MODIFIERS: &[&str] = &[
    "foreign", "prime", "deputy", "vice", "former", "acting", "senior", "junior", "chief", "state",
    "defence", "defense", "interior", "finance", "justice", "health", "education", "trade", "home",
    "economy", "energy", "environment", "culture", "labour", "labor", "transport", "agriculture",
    "interim", "outgoing", "incoming", "assistant", "associate", "executive", "general", "managing",
    "lead", "top", "principal", "regional", "national", "local", "opposition", "party", "team",
    "club", "company", "government", "military", "army", "police", "press", "security",
    "intelligence", "campaign", "communications", "legal", "financial", "technical", "creative",
    "artistic", "head", "co", "first", "human", "rights", "union", "spokesman", "spokeswoman",
    "former", "then", "late", "us", "federal", "district", "supreme", "court", "high", "white",
    "house", "foreign", "affairs", "secretary", "staff", "research", "emeritus", "world", "olympic",
    "vice-", "board", "jury", "committee", "council", "city", "management", "festival", "cabinet",
    "parliamentary", "party's", "club's", "company's",
];

/// Honorifics: always followed by a person's name, never part of the mention.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Sir", "Dame", "Lord",
    "Lady", "Rev.", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Capt.", "Lt.", "Sgt.", "Cpl.", "Adm.",
    "Maj.", "Pres.", "Supt.", "Insp.", "Det.", "Fr.", "Sr.", "Msgr.", "Hon.", "Mme", "Mme.", "Mlle",
    "Herr", "Frau", "Sheikh", "Sayyed", "Mullah", "Maître", "Señor", "Señora", "Signor", "Signora",
    "Excellency", "H.E.",
];

/// Last words that make a capitalised phrase an organization ("... Party", "... Ministry").
#[rustfmt::skip]
const ORG_SUFFIX: &[&str] = &[
    "Party", "Ministry", "Department", "Council", "University", "College", "School", "Academy",
    "Institute", "Institution", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Company",
    "Ltd", "Ltd.", "LLC", "PLC", "plc", "AG", "GmbH", "SA", "Group", "Holdings", "Agency", "Bank",
    "Court", "Union", "Front", "Army", "Navy", "Force", "Forces", "Guard", "Police", "News",
    "Times", "Post", "Press", "Herald", "Journal", "Tribune", "Gazette", "Magazine", "Daily",
    "Telegraph", "Chronicle", "Observer", "Guardian", "Review", "Weekly", "Radio", "Television",
    "TV", "Network", "Broadcasting", "Media", "Foundation", "Association", "Society", "Federation",
    "Committee", "Commission", "Office", "Organization", "Organisation", "Alliance", "Coalition",
    "League", "Movement", "Church", "Mosque Council", "Assembly", "Parliament", "Congress",
    "Community",
    "Senate", "Cabinet", "Government", "Administration", "Authority", "Board", "Bureau", "Service",
    "Services", "Fund", "Trust", "Centre for", "Club", "Team", "Brigade", "Brigades", "Battalion",
    "Regiment", "Corps", "Legion", "Command", "Directorate", "Secretariat", "Tribunal", "Council",
    "Consortium", "Airlines", "Airways", "Motors", "Industries", "Technologies", "Systems", "Labs",
    "Laboratories", "Pharmaceuticals", "Energy", "Oil", "Petroleum", "Communications", "Telecom",
    "Records", "Studios", "Pictures", "Entertainment", "Games", "Software", "Enterprises",
    "Partners", "Capital", "Securities", "Insurance", "Exchange", "Reserve", "Mission", "Campaign",
    "Institute", "Library", "Orchestra", "Band", "Choir", "Conference",
    "Convention", "Caucus", "Junta", "Cartel", "Mafia", "Taliban", "Brotherhood", "Hezbollah",
    "Hamas", "Images", "Photos", "Wire", "Post-Gazette", "Ministries", "Departments", "Unions",
    "Parties", "Councils", "Universities", "Network", "Stelle", "Democrats", "Republicans",
    "Labour", "Greens", "Initiative", "Project", "Program", "Programme", "Force", "House",
    "Hospital", "Clinic", "District", "Municipality", "Council", "Lines", "Shipping", "Maritime",
    "Logistics", "Ferries", "Railways", "Railway", "Studios", "Pictures", "Entertainment",
    "Investments", "Ventures", "Engineering", "Construction", "Brewery", "Bakery", "Pharma",
    "Foods", "Textiles", "Mining", "Steel", "Chemicals", "Electronics", "Software", "Records",
    "Panel", "Forum", "Partnership", "Observatory",
    "Publishing", "Publishers", "Workers", "Employees", "Watch", "Power", "Philharmonic",
    "Conservancy", "Endowment", "Survey", "Aquaculture", "Robotics", "Metals", "Transit", "Rail",
];

/// First words that, followed by "of", make an organization ("University of ...").
#[rustfmt::skip]
const ORG_PREFIX: &[&str] = &[
    "University", "Ministry", "Department", "Church", "Bank", "Council", "Municipality", "Museum",
    "Institute", "Academy", "College", "School", "Office", "Board", "Bureau", "Court", "Union",
    "Federation", "Association", "Society", "League", "Order", "House", "Commission", "Committee",
    "Friends", "Daughters", "Sons", "Knights", "Party", "Army", "Navy", "Government", "Parliament",
    "Assembly", "Organization", "Organisation", "Centre", "Center", "Foundation", "Fund", "Agency",
    "Authority", "Service", "Supreme", "Senate", "Secretariat", "Directorate", "Congress",
    "Cabinet", "Administration", "Corps", "Chamber",
];

/// Nouns that name the kind of organization beside a name ("transport company Carris", "the
/// Carris company").
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "company", "firm", "operator", "carrier",
    "group", "agency", "party", "union", "bank", "broadcaster", "newspaper", "club", "team",
    "airline", "insurer", "lender", "retailer", "maker", "manufacturer", "association",
    "organisation", "organization", "charity", "university", "network", "council", "ministry",
    "court", "league", "channel", "magazine", "label", "studio", "brand", "startup", "giant",
    "conglomerate", "regulator", "chain", "office", "producer", "supplier", "developer",
    "publisher", "refiner", "refinery", "plant", "factory", "subsidiary", "spokesman",
    "spokeswoman", "spokesperson", "daily", "institute", "exporter", "miner", "utility",
    "automaker", "carmaker", "chipmaker", "watchdog", "tabloid", "cooperative", "supermarket",
];

/// Those of [`ORG_NOUNS`] that also name what a person does ("producer Jane Doe").
const ORG_NOUNS_OF_PEOPLE: &[&str] = &[
    "operator",
    "maker",
    "producer",
    "developer",
    "publisher",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "team",
    "office",
];

/// A word (any case) that names a kind of organization, or says a company is owned or listed
/// somewhere ("state-owned"; "owned" and "listed" after a name: "Toronto-listed").
pub(crate) fn is_org_noun(w: &str) -> bool {
    with_lower(w, |l| {
        ORG_NOUNS.contains(&l)
            || matches!(l, "owned" | "listed")
            || l.ends_with("-owned")
            || l.ends_with("-listed")
    })
}

/// [`is_org_noun`], or "line", before a name: "the shipping line Nippon Yusen" (after a name,
/// "line" is no organization's: "the GRF line of action").
pub(crate) fn is_org_noun_before(w: &str) -> bool {
    is_org_noun(w) || w == "line"
}

/// [`is_org_noun_before`], in lower case, and no word for what a person does: before a name, it
/// says an organization ("public broadcaster Bayerischer Rundfunk"; not "producer Jane Doe").
pub(crate) fn is_org_noun_not_of_people(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && is_org_noun_before(w)
        && !ORG_NOUNS_OF_PEOPLE.contains(&w)
}

/// Last words that make a capitalised phrase a place ("... Stadium", "... Island").
#[rustfmt::skip]
const PLACE_SUFFIX: &[&str] = &[
    "Hall", "Station", "Stadium", "Arena", "Bridge", "Hotel", "Mosque", "Island", "Islands",
    "Street", "St.", "Square", "Memorial", "Tower", "Towers", "Airport", "Palace", "Avenue", "Ave.",
    "Road", "Boulevard", "Lane", "River", "Mountain", "Mountains", "Mount", "Lake", "Valley",
    "County", "Province", "Park", "Temple", "Cathedral", "Basilica", "Chapel", "Plaza", "Port",
    "Harbour", "Harbor", "Bay", "Sea", "Ocean", "Coast", "Beach", "Desert", "Peninsula", "Strait",
    "Canal", "Forest", "Hills", "Heights", "Quarter", "Camp", "Base", "Prison", "Jail", "Building",
    "Center", "Centre", "Cemetery", "Castle", "Fort", "Region", "State", "Territory", "Territories",
    "City", "Town", "Village", "Borough", "Township", "Oblast", "Prefecture", "Governorate",
    "Canyon", "Falls", "Gardens", "Zoo", "Mall", "Market", "Pier", "Dam", "Tunnel", "Highway",
    "Freeway", "Motorway", "Junction", "Crossing", "Gate", "Terminal", "Field", "Grounds", "Plains",
    "Kingdom", "Republic", "Shrine", "Monument", "Wall", "Way", "Springs", "Gulf", "Isle",
    "Museum", "Gallery", "Archives", "Monastery", "Convent", "Fairgrounds", "Promenade",
    "Esplanade", "Embankment", "Quay", "Wharf", "Reef", "Reefs", "Lagoon", "Atoll", "Glacier",
    "Fjord", "Creek", "Gorge", "Ridge", "Plateau", "Basin", "Trail", "Expressway", "Turnpike",
    "Reservoir", "Estuary", "Cove", "Inlet", "Barrage", "Necropolis", "Lighthouse", "Racecourse",
    "Empire", "Delta", "Pass", "Fortress", "Citadel", "Bazaar", "Statehouse",
];

/// Words that never begin a name even when capitalised (function words, pronouns, calendar).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "it's", "he",
    "she", "they", "we", "you", "i", "his", "her", "their", "our", "my", "your", "him", "them",
    "us", "me", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "and", "or",
    "but", "nor", "so", "yet", "if", "then", "than", "because", "although", "though", "while",
    "whilst", "after", "before", "since", "until", "unless", "as", "at", "by", "for", "from", "in",
    "into", "of", "off", "on", "onto", "out", "over", "to", "under", "up", "with", "within",
    "without", "about", "above", "across", "against", "along", "among", "around", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "despite", "during", "except", "inside",
    "near", "outside", "through", "throughout", "toward", "towards", "upon", "via", "also",
    "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "instead",
    "still", "thus", "therefore", "hence", "indeed", "already", "now", "today", "yesterday",
    "tomorrow", "tonight", "according", "all", "any", "both", "each", "every", "few", "many",
    "more", "most", "much", "no", "not", "none", "other", "some", "such", "several",
    "another", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mondays", "tuesdays", "wednesdays",
    "thursdays", "fridays", "saturdays", "sundays", "yes", "oh", "well", "just", "even", "only",
    "image", "photo", "photos", "video",
    "read", "see", "update", "updated", "source", "sources", "related", "file", "getty", "via",
    "click", "watch", "listen", "share", "editor's", "note", "breaking", "exclusive", "analysis",
    "opinion", "comment", "live",
];

/// Capitalised words that are not names wherever they stand.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "I", "I'm", "I've", "I'd", "I'll", "OK", "TV", "AM", "PM", "A.M.", "P.M.", "CEO", "GDP", "AIDS",
    "HIV", "COVID", "COVID-19", "DNA", "PhD", "Internet", "Web", "God", "Mr.", "Mrs.", "Ms.", "Dr.",
    "Pool", "Photo", "Photos", "Image", "Images", "Reuters/", "Jr.", "Jr", "Sr.", "II", "III", "IV",
    "Celsius", "Fahrenheit", "Christmas", "Easter", "Ramadan", "Eid", "Hajj", "Olympics", "Games",
    "Cup", "World", "War", "Summit", "Prize", "Award", "Awards", "Act", "Agreement",
    "Treaty", "Accord", "Deal", "Plan", "Day", "Week", "Month", "Year", "Age", "Era", "Century",
    "Constitution", "E-mail", "Email", "English", "CNN's", "ET", "GMT", "UTC", "BST", "EST", "PST",
    // Post-nominal letters after a name ("Daniel Bernoulli FRS", "Zaha Hadid DBE RA").
    "FRS", "FRSE", "FBA", "DBE", "CBE", "OBE", "MBE", "KBE", "GBE", "RA", "QC", "KC",
];

/// News and photo agencies, by the names credits and datelines use.
#[rustfmt::skip]
const AGENCIES: &[(&str, &str)] = &[
    ("AP", "Associated Press"), ("Associated Press", "Associated Press"), ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"), ("Reuters", "Reuters"), ("Getty Images", "Getty Images"),
    ("Getty", "Getty Images"), ("EPA", "EPA"), ("EPA-EFE", "EPA"), ("Bloomberg", "Bloomberg"),
    ("Xinhua", "Xinhua"), ("UPI", "UPI"), ("Shutterstock", "Shutterstock"),
    ("Anadolu", "Anadolu Agency"), ("Anadolu Agency", "Anadolu Agency"), ("TASS", "TASS"),
    ("Sputnik", "Sputnik"), ("Kyodo", "Kyodo"), ("Yonhap", "Yonhap"), ("DPA", "DPA"),
    ("dpa", "DPA"), ("ANSA", "ANSA"), ("PA", "PA Media"), ("PA Media", "PA Media"),
    ("Pool", "Pool"), ("NurPhoto", "NurPhoto"), ("SOPA Images", "SOPA Images"),
    ("LightRocket", "LightRocket"), ("Sipa", "Sipa"), ("Zuma", "Zuma"), ("ZUMA Press", "Zuma"),
    ("Alamy", "Alamy"), ("Wikimedia Commons", "Wikimedia Commons"),
];

/// Well-known international bodies and institutions of wire copy, named without a cue word.
#[rustfmt::skip]
const ORGS: &[&str] = &[
    "UN", "U.N.", "United Nations", "NATO", "EU", "European Union", "OPEC", "WHO", "IMF",
    "World Bank", "Red Cross", "Red Crescent", "Interpol", "Europol", "FBI", "CIA", "NSA", "KGB",
    "FSB", "Pentagon", "Kremlin", "Congress", "Senate", "Parliament", "Downing Street", "Vatican",
    "G7", "G8", "G20", "ASEAN", "BRICS", "UNICEF", "UNESCO", "UNHCR", "WTO", "Hamas", "Hezbollah",
    "Taliban", "al-Qaeda", "Al-Qaeda", "Al Qaeda", "ISIS", "ISIL", "IS", "Islamic State",
    "Boko Haram", "Al-Shabaab", "Knesset", "Duma", "Bundestag",
];

/// The non-empty lines of `data`, without trailing white space. (A plain byte scan: `str::lines`
/// cost a third of the loading time.)
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = data;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
            let line = rest.get(..end).unwrap_or("").trim_end();
            rest = rest.get(end + 1..).unwrap_or("");
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    })
}

/// The number of lines in `data`: the capacity to reserve, so a table is never rehashed.
/// How many of the census surnames, most frequent first, count as frequent.
const FREQUENT_SURNAMES: usize = 1000;

fn count(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count() + 1
}

fn set(words: impl Iterator<Item = &'static str>, capacity: usize) -> Set<&'static str> {
    let mut set = Set::with_capacity_and_hasher(capacity, Default::default());
    set.extend(words);
    set
}

impl Gazetteer {
    fn load() -> Self {
        let mut first_names = Map::with_capacity_and_hasher(count(FIRST_NAMES), Default::default());
        for line in lines(FIRST_NAMES) {
            let mut parts = line.split('\t');
            let (Some(name), Some(g), Some(rank)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let gender = match g {
                "M" => Gender::Male,
                "F" => Gender::Female,
                _ => Gender::Either,
            };
            let rank = rank.parse().unwrap_or(u32::MAX);
            first_names.insert(name, FirstName { gender, rank });
        }
        let surnames = set(lines(SURNAMES), count(SURNAMES));
        let frequent_surnames = set(lines(SURNAMES).take(FREQUENT_SURNAMES), FREQUENT_SURNAMES);
        let mut places =
            Map::with_capacity_and_hasher(count(PLACES) + PLACE_ALIASES.len(), Default::default());
        for line in lines(PLACES) {
            let mut parts = line.split('\t');
            let (Some(name), Some(kind), Some(canonical)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let kind = match kind {
                "country" => PlaceKind::Country,
                "city" => PlaceKind::City,
                _ => PlaceKind::Region,
            };
            places.insert(name, (canonical, kind));
        }
        for &(alias, canonical) in PLACE_ALIASES {
            let kind = if HOME_NATIONS.contains(&canonical) {
                PlaceKind::Country
            } else {
                places.get(canonical).map_or(PlaceKind::Region, |p| p.1)
            };
            places.insert(alias, (canonical, kind));
        }
        // The data writes apostrophes straight; articles often curl them ("Côte d’Ivoire").
        // (164 names, leaked once: the gazetteer lives as long as the program.)
        let curled: Vec<(&'static str, (&'static str, PlaceKind))> = places
            .iter()
            .filter(|(name, _)| name.contains('\''))
            .map(|(name, &p)| (&*name.replace('\'', "\u{2019}").leak(), p))
            .collect();
        places.extend(curled);
        let after_the = places
            .keys()
            .filter_map(|name| name.strip_prefix("The "))
            .collect();
        Self {
            first_names,
            surnames,
            frequent_surnames,
            places,
            after_the,
            words: set(lines(WORDS), count(WORDS)),
            demonyms: DEMONYMS.iter().copied().collect(),
            titles: TITLES.iter().copied().collect(),
            title_modifiers: TITLE_MODIFIERS.iter().copied().collect(),
            honorifics: HONORIFICS.iter().copied().collect(),
            org_suffix: ORG_SUFFIX.iter().copied().collect(),
            org_prefix: ORG_PREFIX.iter().copied().collect(),
            place_suffix: PLACE_SUFFIX.iter().copied().collect(),
            stop: STOP.iter().copied().collect(),
            not_names: NOT_NAMES.iter().copied().collect(),
            agencies: AGENCIES.iter().copied().collect(),
            orgs: ORGS.iter().copied().collect(),
        }
    }

    /// A first name of the census lists, written with or without its accents ("Gérard",
    /// "Iván"): the lists are in ASCII.
    pub fn first_name(&self, w: &str) -> Option<FirstName> {
        self.first_names
            .get(w)
            .or_else(|| with_unaccented(w, |u| self.first_names.get(u)).flatten())
            .copied()
    }
    pub fn is_first_name(&self, w: &str) -> bool {
        self.first_name(w).is_some()
    }
    /// A surname of the census list, with or without its accents ("Martínez").
    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
            || with_unaccented(w, |u| self.surnames.contains(u)).unwrap_or(false)
    }
    /// One of the 1,000 most frequent surnames of the census list ("Smith", "Long"; not "Power").
    pub fn is_frequent_surname(&self, w: &str) -> bool {
        self.frequent_surnames.contains(w)
    }
    /// A name word that is no English word, place or organization word: a byline's "Tomasz
    /// Nowak" though the lists lack the first name; not "Staff" or "Wire".
    pub fn is_plain_name_word(&self, w: &str) -> bool {
        !self.is_common_word(w) && self.place(w).is_none() && !self.is_org_suffix(w)
    }
    /// A place the gazetteer writes with "The", named without it ("Hague" of "The Hague").
    pub fn is_place_after_the(&self, w: &str) -> bool {
        self.after_the.contains(w)
    }
    /// The canonical name of a place as written ("U.S." → "United States").
    pub fn place(&self, name: &str) -> Option<&'static str> {
        self.places.get(name).map(|p| p.0)
    }
    pub fn place_kind(&self, name: &str) -> Option<PlaceKind> {
        self.places.get(name).map(|p| p.1)
    }
    pub fn demonym(&self, w: &str) -> Option<&'static str> {
        self.demonyms.get(w).copied()
    }
    pub fn is_honorific(&self, w: &str) -> bool {
        self.honorifics.contains(w)
    }
    pub fn is_org_suffix(&self, w: &str) -> bool {
        self.org_suffix.contains(w)
    }
    pub fn is_org_prefix(&self, w: &str) -> bool {
        self.org_prefix.contains(w)
    }
    pub fn is_place_suffix(&self, w: &str) -> bool {
        self.place_suffix.contains(w)
    }
    pub fn is_not_name(&self, w: &str) -> bool {
        self.not_names.contains(w)
    }
    pub fn agency(&self, name: &str) -> Option<&'static str> {
        self.agencies.get(name).copied()
    }
    pub fn is_known_org(&self, name: &str) -> bool {
        self.orgs.contains(name)
    }
    /// A word of the title list in any case, "partner" and "head" too (which [`Self::is_title`]
    /// leaves out in lower case).
    pub fn is_office(&self, w: &str) -> bool {
        with_lower(w, |l| self.titles.contains(l))
    }
    /// Title word in any case ("President", "spokesman"). In lower case, words that are more
    /// often adjectives or kin ("major", "general", "father") do not count.
    pub fn is_title(&self, w: &str) -> bool {
        let lower = w.starts_with(|c: char| c.is_lowercase());
        with_lower(w, |l| {
            self.titles.contains(l) && !(lower && LOWER_NOT_TITLES.contains(&l))
        })
    }
    pub fn is_title_modifier(&self, w: &str) -> bool {
        with_lower(w, |l| self.title_modifiers.contains(l))
    }
    /// A closed-class word (or calendar word) that never starts a name; so too words of them
    /// joined by hyphens or dashes ("July-September", "Monday–Friday").
    pub fn is_stop(&self, w: &str) -> bool {
        let one = |p: &str| with_lower(p, |l| self.stop.contains(l));
        one(w) || w.contains(['-', '–']) && w.split(['-', '–']).all(|p| !p.is_empty() && one(p))
    }
    /// An ordinary lower-case English word ("despite", "details"), or a maker of things the
    /// word list lacks ("chipmaker", "carmakers").
    pub fn is_common_word(&self, w: &str) -> bool {
        with_lower(w, |l| {
            self.words.contains(l)
                || l.len() >= 8
                    && (l.ends_with("maker") || l.ends_with("makers"))
                    && l.bytes().all(|b| b.is_ascii_lowercase())
        })
    }
}

/// Calls `f` with `w` without its diacritics ("Gérard" → "Gerard", "Núñez" → "Nunez"), for the
/// lists written in ASCII. `None` when `w` is ASCII already, or is not a Latin-script word that
/// folds to ASCII ("Łukasz", "Ἱερώνυμος"), or folds to more than 40 bytes. No allocation.
pub fn with_unaccented<R>(w: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    if w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 40];
    let mut n = 0;
    for c in w.nfd().filter(|&c| !is_combining_mark(c)) {
        let slot = buf.get_mut(n)?;
        *slot = u8::try_from(c).ok().filter(u8::is_ascii)?;
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok().map(f)
}

/// Calls `f` with `w` lower-cased (ASCII), using a stack buffer; words too long or not ASCII are
/// passed as they are.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 40];
    let bytes = w.as_bytes();
    // Already lower case (most words), too long or not ASCII: as it is.
    if !bytes.iter().any(u8::is_ascii_uppercase) || bytes.len() > buf.len() || !w.is_ascii() {
        return f(w);
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    match std::str::from_utf8(buf.get(..bytes.len()).unwrap_or(&[])) {
        Ok(s) => f(s),
        Err(_) => f(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteers_load_and_answer() {
        let g = &*GAZETTEER;
        assert!(g.is_first_name("John"));
        assert_eq!(g.first_name("Mary").map(|f| f.gender), Some(Gender::Female));
        assert!(g.is_surname("Smith"));
        assert!(g.is_first_name("Gérard") && g.is_first_name("Iván"));
        assert_eq!(g.first_name("Zoë").map(|f| f.gender), Some(Gender::Female));
        assert!(g.is_surname("Martínez"));
        assert!(!g.is_first_name("Łukasz") && !g.is_surname("Ἱερώνυμος"));
        assert_eq!(with_unaccented("Núñez", str::len), Some(5));
        assert_eq!(with_unaccented("Nunez", str::len), None);
        assert_eq!(g.place("U.S."), Some("United States"));
        assert_eq!(g.place("Moscow"), Some("Moscow"));
        assert!(g.is_common_word("Despite"));
        assert!(!g.is_common_word("Putin"));
        assert_eq!(g.demonym("Syrian"), Some("Syria"));
        assert!(g.is_title("President") && g.is_title("spokesman"));
        assert!(g.is_stop("The"));
    }

    #[test]
    fn places_by_their_common_names_and_with_curled_apostrophes() {
        let g = &*GAZETTEER;
        assert_eq!(g.place("Cape Verde"), Some("Cabo Verde"));
        assert_eq!(
            g.place("Democratic People\u{2019}s Republic of Korea"),
            g.place("Democratic People's Republic of Korea")
        );
        assert_eq!(
            g.place("Democratic People\u{2019}s Republic of Korea"),
            Some("North Korea")
        );
    }

    #[test]
    fn lower_without_allocation() {
        assert!(with_lower("HeLLo", |s| s == "hello"));
        assert!(with_lower("Ünïcode", |s| s == "Ünïcode"));
    }

    #[test]
    fn one_gender_for_honorifics_and_first_names() {
        assert_eq!(honorific_gender("Mr."), Gender::Male);
        assert_eq!(honorific_gender("Herr"), Gender::Male);
        assert_eq!(honorific_gender("Mme"), Gender::Female);
        assert_eq!(honorific_gender("Queen"), Gender::Female);
        assert_eq!(honorific_gender("Dr."), Gender::Either);
        assert_eq!(first_name_gender("Mary"), Gender::Female);
        assert_eq!(first_name_gender("Zzyzx"), Gender::Either);
    }
}
