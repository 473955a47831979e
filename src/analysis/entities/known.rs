//! Hand-written lists of names whose kind the rules and the model often get wrong: well-known
//! companies and organizations whose names read as a person's ("Morgan Stanley", "Goldman
//! Sachs") and islands and regions, which the GeoNames city lists behind `places.tsv` lack
//! ("Crete", "North Africa"). General knowledge, written for byline; none is taken from the
//! gold articles. Applied after the model, before grouping: a mention whose whole name is
//! listed takes the listed kind; a two-word place whose first word is a common first name and
//! whose second is "Park" is a person ("Linda Park").

use super::names::GAZETTEER;
use super::tokens::{Kind, Token};
use super::{CaseBlind, Raw, Sure};
use crate::analysis::EntityKind;
use crate::article::Span;

#[rustfmt::skip]
const ORGANIZATIONS: &[&str] = &[
    "Morgan Stanley", "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "J.P. Morgan", "Merrill Lynch",
    "Wells Fargo", "Charles Schwab", "Lehman Brothers", "Bear Stearns", "Credit Suisse", "Deutsche Bank",
    "Barclays", "HSBC", "Citigroup", "Citibank", "BlackRock", "Berkshire Hathaway", "Fidelity",
    "Vanguard", "Nomura", "Mizuho", "UBS", "BNP Paribas", "Société Générale", "Santander",
    "Lloyds", "Standard Chartered", "Morningstar", "Moody's", "Fitch", "Standard & Poor's",
    "Procter & Gamble", "Johnson & Johnson", "Marks & Spencer", "Ernst & Young", "Deloitte",
    "KPMG", "PricewaterhouseCoopers", "McKinsey", "Boston Consulting Group", "Bain",
    "Microsoft", "Google", "Alphabet", "Apple", "Amazon", "Meta", "Meta Platforms", "Facebook",
    "Instagram", "AT&T", "Verizon", "Comcast", "Nasdaq", "Fed",
    "WhatsApp", "Twitter", "Netflix", "Salesforce", "Oracle", "IBM", "Intel", "Nvidia", "AMD",
    "Qualcomm", "Cisco", "Adobe", "Advanced Micro Devices", "Tesla", "SpaceX", "Uber", "Lyft", "Airbnb", "Spotify",
    "Samsung", "Sony", "Toyota", "Honda", "Nissan", "Hyundai", "Volkswagen", "BMW", "Mercedes-Benz",
    "Ford", "General Motors", "Boeing", "Airbus", "Lockheed Martin", "Raytheon", "Siemens",
    "Philips", "Nokia", "Ericsson", "Huawei", "Alibaba", "Tencent", "Baidu", "ByteDance", "TikTok",
    "Walmart", "Costco", "Target", "Nike", "Adidas", "Coca-Cola", "PepsiCo", "Nestlé", "Unilever",
    "McDonald's", "Starbucks", "Disney", "Warner Bros.", "Paramount", "Pfizer", "Moderna",
    "AstraZeneca", "Novartis", "Roche", "Merck", "Bayer", "ExxonMobil", "Exxon", "Chevron",
    "Shell", "BP", "TotalEnergies", "Gazprom", "Rosneft", "Aramco", "Saudi Aramco", "OpenAI",
    "Reuters", "Bloomberg", "Associated Press", "Agence France-Presse", "BBC", "CNN",
    "United Nations", "World Bank", "International Monetary Fund", "World Health Organization",
    "World Trade Organization", "World Meteorological Organization", "African Union",
    "European Union", "European Commission", "European Central Bank", "Federal Reserve",
    "Bank of Japan", "Bank of England", "NATO", "OPEC", "Red Cross", "Amnesty International",
    "Human Rights Watch", "Greenpeace", "Interpol", "Europol", "UNESCO", "UNICEF", "Mercosur",
    // Broadcasters, newspapers and sites.
    "NBC", "CBS", "ABC News", "Fox News", "MSNBC", "CNBC", "ESPN", "HBO", "MTV", "NPR", "PBS",
    "BBC News", "Sky News", "Al Jazeera", "Channel 4", "ITV", "CBC", "RT", "YouTube",
    "New York Times", "Washington Post", "Wall Street Journal", "Financial Times", "USA Today",
    "Los Angeles Times", "The Economist", "Economist", "Le Monde", "Der Spiegel", "Time Magazine",
    "Newsweek", "Huffington Post", "BuzzFeed", "Politico", "Forbes",
    // Sports bodies and leagues.
    "FIFA", "UEFA", "IOC", "International Olympic Committee", "NFL", "NBA", "MLB", "NHL", "NCAA",
    "Major League Baseball", "Premier League", "Formula One", "WTA", "ATP",
    // Clubs whose names the club words do not tell ("Real Madrid" and "Leeds United" they do).
    "Paris Saint-Germain", "PSG", "Bayern Munich", "Bayern", "Juventus", "Benfica", "Galatasaray",
    "Arsenal", "Spurs", "Tottenham Hotspur",
    "Fenerbahce", "Fenerbahçe", "Besiktas", "Aston Villa", "Everton", "Napoli", "Manchester City",
    "Boca Juniors", "River Plate", "Ajax", "Feyenoord", "Celtic", "Rangers", "Bayer Leverkusen",
    // Universities and research bodies.
    "MIT", "Harvard", "Yale", "Stanford", "Princeton", "Caltech", "Oxford University",
    "Cambridge University", "Columbia University", "Sorbonne", "NASA", "ESA", "CERN", "JPL",
    // Governments' and world bodies.
    "FBI", "CIA", "Pentagon", "Kremlin", "Scotland Yard", "MI5", "MI6", "Mossad", "OECD", "ASEAN",
    "G20", "UNHCR", "UNDP", "Doctors Without Borders", "Médecins Sans Frontières", "MSF", "Oxfam",
    // Parliaments and political parties of the larger democracies.
    "Bundestag", "Bundesrat", "Landtag", "Knesset", "Duma", "State Duma", "Sejm", "Riksdag",
    "Folketing", "Storting", "Althing", "Dáil", "Oireachtas", "Seanad", "Lok Sabha",
    "Rajya Sabha", "Majlis", "Verkhovna Rada", "Cortes Generales", "Eduskunta",
    "CDU", "CSU", "SPD", "FDP", "AfD", "Alternative for Germany", "Die Linke", "Free Voters",
    "BSW", "ÖVP", "FPÖ", "National Rally", "Rassemblement National", "La France Insoumise",
    "Les Républicains", "Reform UK", "Plaid Cymru", "Sinn Féin", "Sinn Fein",
    "Fianna Fáil", "Fianna Fail", "Fine Gael", "PiS", "Law and Justice", "Civic Platform",
    "Fidesz", "Likud", "Podemos", "Sumar", "PSOE", "Syriza", "PASOK", "New Democracy",
    "Brothers of Italy", "Forza Italia", "Five Star Movement", "Lega", "Kuomintang", "KMT",
    "BJP", "Bharatiya Janata Party", "ANC", "African National Congress", "ZANU-PF", "PRI",
    "Liberal Democratic Party", "Komeito",
    // Statistics offices and science agencies.
    "Eurostat", "Istat", "INSEE", "Destatis", "IBGE", "INEGI", "CSIRO", "NOAA", "USGS", "NIH",
    "CDC", "Max Planck Society", "CNRS", "INSERM", "RIKEN", "JAXA", "ISRO",
];

#[rustfmt::skip]
const PLACES: &[&str] = &[
    // Islands.
    "Crete", "Naxos", "Sardinia", "Sicily", "Corsica", "Rhodes", "Corfu", "Santorini", "Mykonos",
    "Lesbos", "Kos", "Paros", "Ikaria", "Samos", "Chios", "Lemnos", "Kefalonia", "Zakynthos",
    "Ithaca", "Aegina", "Syros", "Tinos", "Milos", "Karpathos", "Cyprus", "Malta", "Majorca", "Mallorca", "Menorca", "Ibiza",
    "Tenerife", "Gran Canaria", "Lanzarote", "Madeira", "Azores", "Canary Islands", "Balearic Islands",
    "Capri", "Elba", "Bali", "Java", "Sumatra", "Borneo", "Sulawesi", "Lombok", "Mindanao", "Luzon",
    "Honshu", "Hokkaido", "Kyushu", "Okinawa", "Hainan", "Tasmania", "Greenland", "Iceland",
    "Zanzibar", "Tahiti", "Hawaii", "Oahu", "Guam", "Puerto Rico", "Jamaica", "Cuba",
    "Hispaniola", "Trinidad", "Tobago", "Barbados", "Martinique", "Guadeloupe", "Bermuda",
    "Sri Lanka", "Madagascar", "Mauritius", "Gotland", "Funen", "Zealand", "Jersey",
    "Guernsey", "Isle of Man", "Isle of Wight", "Anglesey", "Skye", "Orkney", "Shetland",
    "Long Island", "Manhattan", "Staten Island", "Vancouver Island", "Newfoundland", "Galápagos",
    "Falklands", "Falkland Islands", "Faroe Islands", "Aegean Islands", "Cyclades", "Dodecanese",
    // Regions.
    "North Africa", "West Africa", "East Africa", "Southern Africa", "Central Africa",
    "Sub-Saharan Africa", "Middle East", "Near East", "Far East", "Southeast Asia",
    "South Asia", "Central Asia", "East Asia", "Western Europe", "Eastern Europe",
    "Central Europe", "Northern Europe", "Southern Europe", "Scandinavia", "Balkans",
    "Caucasus", "Sahel", "Sahara", "Horn of Africa", "Latin America", "Central America",
    "South America", "North America", "Caribbean", "Mediterranean", "Adriatic", "Aegean",
    "Ionian Sea", "Tyrrhenian Sea", "Patagonia", "Siberia",
    "Tuscany", "Provence", "Catalonia", "Andalusia", "Bavaria", "Flanders", "Wallonia",
    "Lapland", "Peloponnese", "Macedonia", "Thessaly", "Epirus", "Attica", "Anatolia",
    "Kurdistan", "Punjab", "Kashmir", "Tibet", "Xinjiang", "Mongolia", "Donbas", "Crimea",
    "Gaza Strip", "West Bank", "Golan Heights", "Sinai", "Negev", "Darfur", "Tigray",
    "Amazon basin", "Midwest", "New England", "Pacific Northwest", "Deep South", "Appalachia",
    "Outback", "Highlands", "Scottish Highlands", "Lake District", "Cornwall", "Wales",
    // A province whose name is also a given name, which the GeoNames lists leave out.
    "Alberta",
    // Cities by the English names the GeoNames lists write otherwise ("Sevilla", "Gent").
    "Seville", "Venice", "Bruges", "Ghent", "Hanover", "Thessaloniki", "Salonika", "Krakow",
    "Cracow", "Wroclaw", "Gdansk", "Danzig", "Marseilles",
    // Countries and empires of history, which today's country lists lack.
    "Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
    "Ottoman Empire", "Roman Empire", "Holy Roman Empire", "Byzantine Empire", "British Empire",
    "Austria-Hungary", "Prussia", "Persia", "Siam", "Rhodesia", "Zaire", "Ceylon",
    "Burma", "Bohemia", "Moravia", "Mesopotamia", "Babylon", "Carthage", "Sparta",
    // Regions of history and of today, and mountain ranges, that the lists above and the
    // GeoNames lists lack (regions that are also common first names, "Brittany", "Lydia", and
    // seas named by an adjective, "Baltic", are left out).
    "Thrace", "Dalmatia", "Pannonia", "Illyria", "Gaul", "Silesia", "East Prussia", "Galicia",
    "Transylvania", "Wallachia", "Moldavia", "Burgundy", "Normandy", "Aquitaine", "Lombardy",
    "Asia Minor", "Levant", "Arabia", "Byzantium", "Judea", "Judaea", "Galilee", "Samaria",
    "Numidia", "Nubia", "Abyssinia", "Manchuria", "Bengal", "Iberia", "Mesoamerica", "Macedon",
    "Phoenicia", "Assyria", "Sumer", "Phrygia", "Cappadocia", "Hispania", "Britannia", "Germania",
    "Dacia", "Etruria", "Latium", "Rhineland", "Saxony", "Westphalia", "Swabia", "Tyrol",
    "Castile", "Alsace", "Andes", "Alps", "Pyrenees", "Carpathians", "Himalayas", "Urals",
    "Rockies", "Appalachians", "Dolomites", "Apennines", "Ardennes", "Vosges", "Pennines",
    "Cotswolds", "Ozarks", "Adirondacks", "Catskills", "Hindu Kush", "Karakoram", "Pamirs",
    "Tian Shan", "Sierra Nevada", "Sierra Madre", "Great Rift Valley",
    // Rivers, deserts, straits and lakes known by their name alone ("the Danube"), but for those
    // that are also a country, state, person or company ("Jordan", "Colorado", "Shannon",
    // "Amazon") and names of two letters ("Po").
    "Danube", "Rhine", "Elbe", "Oder", "Vistula", "Volga", "Dnieper", "Dnipro", "Dniester",
    "Seine", "Loire", "Rhône", "Rhone", "Garonne", "Moselle", "Meuse", "Scheldt", "Tiber", "Arno",
    "Ebro", "Tagus", "Douro", "Guadalquivir", "Thames", "Nile", "Euphrates", "Tigris", "Ganges",
    "Brahmaputra", "Yangtze", "Mekong", "Irrawaddy", "Salween", "Zambezi", "Limpopo", "Okavango",
    "Orinoco", "Yenisei", "Irtysh", "Amur", "Rio Grande", "Potomac", "Gobi", "Kalahari", "Namib",
    "Atacama", "Mojave", "Taklamakan", "Karakum", "Bosphorus", "Bosporus", "Dardanelles",
    "Great Lakes", "Everglades", "Serengeti",
    // Planets.
    "Earth", "Mars", "Venus", "Jupiter", "Saturn", "Neptune", "Uranus",
];

/// People known by one name, whom the rules' name lists (census first names and surnames) miss
/// or take for ordinary words: leaders, writers, thinkers, composers and painters of world
/// renown, and gods. Names that are also a place, a company or a programme ("Lincoln", "Ford",
/// "Darwin", "Apollo") are left out.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "Obama", "Trump", "Biden", "Putin", "Gorbachev", "Khrushchev", "Brezhnev", "Yeltsin", "Stalin",
    "Lenin", "Trotsky", "Hitler", "Mussolini", "Churchill", "Roosevelt", "Eisenhower", "Truman",
    "Nixon", "Reagan", "Thatcher", "Merkel", "Macron", "Trudeau", "Erdogan", "Erdoğan", "Netanyahu",
    "Zelensky", "Zelenskyy", "Modi", "Mao", "Castro", "Napoleon", "Gandhi", "Mandela", "Bismarck",
    "Einstein", "Galileo", "Copernicus", "Freud", "Curie", "Hawking", "Pasteur", "Edison", "Faraday",
    "Plato", "Aristotle", "Socrates", "Confucius", "Descartes", "Kant", "Hegel", "Nietzsche",
    "Kierkegaard", "Spinoza", "Hobbes", "Rousseau", "Voltaire", "Machiavelli", "Marx", "Engels",
    "Shakespeare", "Dante", "Goethe", "Cervantes", "Dickens", "Austen", "Tolstoy", "Dostoyevsky",
    "Dostoevsky", "Chekhov", "Pushkin", "Hemingway", "Faulkner", "Orwell", "Kafka", "Proust",
    "Flaubert", "Balzac", "Twain", "Thoreau", "Chaucer", "Wordsworth", "Keats", "Tennyson", "Yeats",
    "Steinbeck", "Virgil", "Vergil", "Ovid", "Cicero", "Herodotus", "Beethoven", "Mozart", "Bach",
    "Brahms", "Chopin", "Handel", "Haydn", "Schubert", "Wagner", "Verdi", "Puccini", "Tchaikovsky",
    "Stravinsky", "Vivaldi", "Debussy", "Picasso", "Rembrandt", "Vermeer", "Monet", "Renoir",
    "Cézanne", "Matisse", "Goya", "Caravaggio", "Botticelli", "Michelangelo", "Zeus", "Hera",
    "Poseidon", "Aphrodite", "Athena", "Hades", "Dionysus", "Odin", "Osiris", "Jesus", "Buddha",
    "God", "Allah",
];

/// One-word organizations of the list that the finder passes over as ordinary words ("Google"
/// in "Microsoft, Google and Salesforce"): added as mentions where they stand capitalised inside
/// a sentence, outside any other mention. First, the short forms of teams named after their
/// home ([`add_team_short_forms`]).
pub(crate) fn add_missing(
    text: &str,
    toks: &[Token],
    raws: &mut Vec<Raw>,
    surnames: &super::Set<&str>,
) {
    add_team_short_forms(text, toks, raws);
    let g = &*GAZETTEER;
    let mut covered = vec![false; toks.len()];
    for r in raws.iter() {
        for c in covered.iter_mut().take(r.toks.1).skip(r.toks.0) {
            *c = true;
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || !t.cap || covered.get(i).copied().unwrap_or(true) {
            continue;
        }
        let w = t.text(text);
        // Only where the words around are not capitalised too (part of a longer name).
        let cap_at = |j: usize| toks.get(j).is_some_and(|t| t.kind == Kind::Word && t.cap);
        if (i > 0 && cap_at(i - 1) && !t.sent) || cap_at(i + 1) {
            continue;
        }
        // A listed person anywhere ("Trump spoke."); a listed organization that is also an
        // English word only inside a sentence.
        let kind = if is_person(w) {
            EntityKind::Person
        } else if is_org(w) && !t.sent && g.is_common_word(w) && !surnames.contains(w) {
            EntityKind::Organization
        } else {
            continue;
        };
        raws.push(Raw::new(
            Span::new(t.start, t.end),
            kind,
            (i, i + 1),
            Sure::Strong,
        ));
    }
}

/// Abbreviations of common nouns, written in capitals but naming no organization ("ICT",
/// "GPS"): general knowledge of English abbreviations.
#[rustfmt::skip]
const COMMON_ACRONYMS: &[&str] = &[
    "ICT", "IT", "GIS", "GPS", "LED", "LCD", "URL", "PDF", "USB", "CD", "DVD", "HTML", "FAQ",
    "ATM", "SUV", "MVP", "GPA", "ICU", "UV", "IQ", "AI", "BC", "BCE", "AD", "CE", "CO2",
    "RAM", "CPU", "SMS", "PC", "API", "ID", "VIP", "DIY", "RSVP", "FYI", "ASAP", "HQ", "VR", "RPM",
    "MPH", "KM", "CM", "MM", "KG", "DNA", "RNA", "HIV", "GDP", "CEO", "CFO", "COO", "CTO", "PR",
    "HR", "OK", "TV", "AM", "PM", "PS", "NB", "ETA", "ISBN", "PIN", "SIM", "WIFI", "LGBT", "LGBTQ",
    "BMI", "ADHD", "PTSD", "MRI", "IVF", "STEM", "MBA", "PHD", "BSC", "MSC", "GCSE", "SAT", "IPO",
    "VAT", "OS", "APP", "RSS", "HTTP", "WWW",
    // Statistics.
    "SD", "SE", "CI", "IQR", "ANOVA", "RMSE", "MSE", "SEM",
    // Currencies (ISO 4217) and roman numerals.
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "HKD", "SEK", "NOK",
    "DKK", "MXN", "BRL", "INR", "RUB", "ZAR", "KRW", "II", "III", "IV", "VI", "VII", "VIII",
    "IX", "XI", "XII", "XV", "XX",
];

static COMMON_ACRONYM_SET: std::sync::LazyLock<super::Set<&'static str>> =
    std::sync::LazyLock::new(|| COMMON_ACRONYMS.iter().copied().collect());

/// An abbreviation of a common noun in capitals ("ICT", "GPS"): no name.
pub(crate) fn is_common_acronym(w: &str) -> bool {
    COMMON_ACRONYM_SET.contains(w)
}

/// Short forms of teams and companies named after their home: "the Pirates" and "the Red Sox"
/// where the article also names the "Pittsburgh Pirates" and the "Boston Red Sox" (a known place
/// and a capitalised plural, as the finder reads them). Each capitalised occurrence of the part
/// after the place, outside any other mention and not inside a longer capitalised run, becomes
/// a mention of the organization; a mention of exactly those words takes that kind.
fn add_team_short_forms(text: &str, toks: &[Token], raws: &mut Vec<Raw>) {
    /// Words of a short form, and of the place before it, at most.
    const MAX: usize = 3;
    let g = &*GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    // Tokens `a..b` as written.
    let slice = |a: usize, b: usize| match (toks.get(a), toks.get(b.wrapping_sub(1))) {
        (Some(x), Some(y)) if b > a => text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    };
    let cap_word = |j: usize| toks.get(j).is_some_and(|t| t.kind == Kind::Word && t.cap);
    // The short forms, as written.
    let mut tails: super::Set<&str> = super::Set::default();
    for r in raws.iter() {
        let (s, e) = r.toks;
        if r.kind != EntityKind::Organization || e < s + 2 {
            continue;
        }
        let last = word(e - 1);
        let plural =
            (last.len() >= 4 && last.ends_with('s') && !last.ends_with("ss")) || last == "Sox";
        if !plural || g.place(last).is_some() || g.is_surname(last) {
            continue;
        }
        // The longest known place the name starts with ("Tampa Bay" of "Tampa Bay Rays").
        let Some(k) = (s + 1..e.min(s + 1 + MAX))
            .rev()
            .find(|&k| g.place(slice(s, k)).is_some())
        else {
            continue;
        };
        if e - k <= MAX && (k..e).all(cap_word) {
            tails.insert(slice(k, e));
        }
    }
    if tails.is_empty() {
        return;
    }
    let mut covered = vec![false; toks.len()];
    let mut index: super::Map<(usize, usize), usize> = super::Map::default();
    for (n, r) in raws.iter().enumerate() {
        index.insert(r.toks, n);
        for c in covered.iter_mut().take(r.toks.1).skip(r.toks.0) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    for i in 0..toks.len() {
        if !cap_word(i) || (i > 0 && cap_word(i - 1)) {
            continue;
        }
        // The longest short form starting here that a capitalised word does not continue.
        let Some(e) = (i + 1..=(i + MAX).min(toks.len()))
            .rev()
            .find(|&e| !cap_word(e) && (i..e).all(cap_word) && tails.contains(slice(i, e)))
        else {
            continue;
        };
        if (i..e).any(|j| covered.get(j).copied().unwrap_or(true)) {
            // A mention of exactly these words (the full name's own part is covered by it).
            if let Some(r) = index.get(&(i, e)).and_then(|&n| raws.get_mut(n)) {
                r.kind = EntityKind::Organization;
                r.sure = Sure::Strong;
                r.canonical = None;
            }
            continue;
        }
        let span = Span::new(toks[i].start, toks[e - 1].end);
        added.push(Raw::new(
            span,
            EntityKind::Organization,
            (i, e),
            Sure::Strong,
        ));
    }
    raws.extend(added);
}

/// The lists as case-blind sets: 0 for organizations, 1 for places, 2 for people.
static SETS: std::sync::LazyLock<[super::Set<CaseBlind<'static>>; 3]> =
    std::sync::LazyLock::new(|| {
        [
            ORGANIZATIONS.iter().map(|n| CaseBlind(n)).collect(),
            PLACES.iter().map(|n| CaseBlind(n)).collect(),
            PEOPLE.iter().map(|n| CaseBlind(n)).collect(),
        ]
    });

/// First words of the listed names of two or more words ("New" of "New York Times"): the finder
/// asks for a listed name only where one of these starts it, so its longest-name search costs
/// one lookup per word.
static FIRST_WORDS: std::sync::LazyLock<super::Set<CaseBlind<'static>>> =
    std::sync::LazyLock::new(|| {
        ORGANIZATIONS
            .iter()
            .chain(PLACES)
            .filter_map(|n| n.split_once(' ').map(|(first, _)| CaseBlind(first)))
            .collect()
    });

/// Whether a listed name of two or more words may start with `w`.
pub(crate) fn starts_listed_name(w: &str) -> bool {
    FIRST_WORDS.contains(&CaseBlind(w))
}

pub(crate) fn is_org(name: &str) -> bool {
    SETS[0].contains(&CaseBlind(name))
}

pub(crate) fn is_place(name: &str) -> bool {
    SETS[1].contains(&CaseBlind(name))
}

/// A mention of a place the gazetteer or the hand list knows (not one the rules only guessed).
pub(crate) fn is_known_place(text: &str, r: &Raw) -> bool {
    r.kind == EntityKind::Place && (r.canonical.is_some() || is_place(r.span.slice(text)))
}

/// A name of any of the lists.
pub(crate) fn is_listed(name: &str) -> bool {
    is_org(name) || is_place(name) || is_person(name)
}

/// A person known by this one name (case-sensitive: "god" is no one).
pub(crate) fn is_person(name: &str) -> bool {
    SETS[2].contains(&CaseBlind(name)) && name.starts_with(char::is_uppercase)
}

/// The surnames of the people an article names in full, with a given name or a surname the
/// census lists know ("Ford" of "Henry Ford", "Disney" of "Walt Disney"): alone, these name the
/// person, not the company or the place the hand lists know by the same word ("As a boy, Ford
/// took watches apart").
pub(crate) fn surnames_of_people<'a>(
    text: &'a str,
    toks: &[Token],
    raws: &[Raw],
) -> super::Set<&'a str> {
    let g = &*GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    raws.iter()
        .filter(|r| {
            r.kind == EntityKind::Person
                && r.toks.1 - r.toks.0 >= 2
                && (g.is_first_name(word(r.toks.0)) || g.is_surname(word(r.toks.1 - 1)))
        })
        .map(|r| word(r.toks.1 - 1))
        .collect()
}

/// Companies named after a region or a river: after "the" and before no other noun ("fires
/// in the Amazon", "the Amazon basin", not "the Amazon warehouse"), the region.
const REGION_NAMESAKES: &[&str] = &["Amazon", "Patagonia"];

/// Words after "the Amazon" that keep it the region: nouns of land and water, and words that
/// end a noun phrase (prepositions, conjunctions, verbs of being).
#[rustfmt::skip]
const AFTER_REGION: &[&str] = &[
    "basin", "rainforest", "rainforests", "river", "region", "jungle", "forest", "delta", "estuary",
    "of", "in", "and", "or", "is", "was", "are", "were", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "remains", "covers", "spans", "stretches", "lost", "where",
    "which", "that", "to", "from", "at", "on", "for", "with", "by", "itself",
];

/// Gives listed names their kind, and "Linda Park"-shaped places to people. A one-word name in
/// `surnames` (see [`surnames_of_people`]) is the person's.
pub(crate) fn apply(text: &str, toks: &[Token], raws: &mut [Raw], surnames: &super::Set<&str>) {
    let g = &*GAZETTEER;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let region = |r: &Raw| {
        let (s, e) = r.toks;
        e == s + 1
            && s > 0
            && matches!(word(s - 1), "the" | "The")
            && toks
                .get(e)
                .is_none_or(|t| t.kind != Kind::Word || AFTER_REGION.contains(&t.text(text)))
    };
    for r in raws.iter_mut() {
        let name = r.span.slice(text);
        let kind = if r.toks.1 == r.toks.0 + 1 && surnames.contains(name) {
            EntityKind::Person
        } else if REGION_NAMESAKES.contains(&name) && region(r) {
            EntityKind::Place
        } else if is_org(name) {
            EntityKind::Organization
        } else if is_place(name) {
            EntityKind::Place
        } else if is_person(name)
            || (r.kind == EntityKind::Place
                && r.canonical.is_none()
                && name
                    .split_once(' ')
                    .is_some_and(|(first, last)| last == "Park" && g.is_first_name(first)))
        {
            EntityKind::Person
        } else {
            continue;
        };
        if r.kind != kind {
            r.kind = kind;
            r.sure = Sure::Strong;
            r.canonical = if kind == EntityKind::Place {
                g.place(name)
            } else {
                None
            };
        }
    }
}

/// Issue 12's failures, each in a sentence of our own of the same shape, through the whole
/// extractor (rules, shipped model, these lists).
#[cfg(test)]
mod tests {
    use crate::analysis::entities::extract;
    use crate::analysis::{Entity, EntityKind};
    use crate::article::{Article, Block, BlockKind};

    fn entities(text: &str) -> Vec<Entity> {
        extract(&Article {
            text: text.to_string(),
            blocks: vec![Block::new(BlockKind::Paragraph, 0, text.len())],
            ..Article::default()
        })
    }

    fn kind_of(es: &[Entity], name: &str) -> Option<EntityKind> {
        es.iter().find(|e| &*e.name == name).map(|e| e.kind)
    }

    #[test]
    fn banks_named_like_people_are_organizations() {
        let es = entities(
            "Shares of Morgan Stanley and Goldman Sachs fell on Tuesday, while Wells Fargo \
             held steady in early trading. Nvidia, Tesla and Meta Platforms slid; AT&T rose.",
        );
        for name in [
            "Morgan Stanley",
            "Goldman Sachs",
            "Wells Fargo",
            "Meta Platforms",
            "AT&T",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn parliaments_parties_and_public_bodies_are_organizations() {
        let es = entities(
            "The CSU won, the AfD gained and the Free Voters held their seats in the Landtag. \
             The CSIRO helps us, Istat figures show it, and the New York Philharmonic and the \
             Halifax Chamber of Commerce agreed. The art of the Renaissance was studied.",
        );
        for name in [
            "CSU",
            "AfD",
            "Free Voters",
            "Landtag",
            "CSIRO",
            "Istat",
            "New York Philharmonic",
            "Halifax Chamber of Commerce",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
        assert_eq!(kind_of(&es, "Renaissance"), None, "{es:#?}");
    }

    #[test]
    fn an_aid_group_named_in_french_is_an_organization() {
        let es = entities("She runs the only hospital in Kassala for Médecins Sans Frontières.");
        assert_eq!(
            kind_of(&es, "Médecins Sans Frontières"),
            Some(EntityKind::Organization),
            "{es:#?}"
        );
    }

    #[test]
    fn clubs_named_like_places_and_people_are_organizations() {
        let es = entities(
            "Paris Saint-Germain reached the final after a 2-1 win over Bayern Munich, while \
             Aston Villa drew with Everton and Manchester City beat Bayer Leverkusen.",
        );
        for name in [
            "Paris Saint-Germain",
            "Bayern Munich",
            "Aston Villa",
            "Everton",
            "Manchester City",
            "Bayer Leverkusen",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn the_amazon_is_the_region_where_no_noun_follows() {
        let es = entities(
            "Fires in the Amazon have burned two million hectares. The Amazon basin is vast. \
             Drivers at the Amazon warehouse in Leeds walked out.",
        );
        let kinds: Vec<_> = es
            .iter()
            .filter(|e| &*e.name == "Amazon")
            .map(|e| (e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            kinds,
            [(EntityKind::Organization, 1), (EntityKind::Place, 2)],
            "{es:#?}"
        );
    }

    #[test]
    fn regions_of_history_and_mountain_ranges_are_places() {
        let es = entities(
            "Later that year, Normandy was quiet. He crossed the Alps into Lombardy, and \
             Saxony sent troops.",
        );
        for name in ["Normandy", "Alps", "Lombardy", "Saxony"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn rivers_deserts_and_straits_are_places() {
        let es = entities(
            "Drought\n\nBarges on the Rhine carried half loads. Shippers on the Danube and the \
             Elbe waited, tankers queued at the Bosphorus, and dust from the Gobi reached \
             Beijing.\n",
        );
        for name in ["Rhine", "Danube", "Elbe", "Bosphorus", "Gobi"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_company_named_like_a_person_named_in_full_is_the_person() {
        let es = entities(
            "Henry Ford was born on a farm. As a boy, Ford took watches apart. Critics of \
             Ford were many. Walt Disney drew cartoons; in 1923 Disney moved west. He founded \
             the Ford Motor Company.",
        );
        for (name, mentions) in [("Henry Ford", 3), ("Walt Disney", 2)] {
            let e = es.iter().find(|e| &*e.name == name);
            assert_eq!(
                e.map(|e| (e.kind, e.mentions.len())),
                Some((EntityKind::Person, mentions)),
                "{name}: {es:#?}"
            );
        }
        assert_eq!(kind_of(&es, "Ford"), None, "{es:#?}");
        assert_eq!(kind_of(&es, "Disney"), None, "{es:#?}");
        assert_eq!(
            kind_of(&es, "Ford Motor Company"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn people_known_by_one_name_are_people() {
        let es = entities(
            "Talks between Gorbachev and Reagan stalled. She read Twain and Dostoyevsky, and \
             prayed to Zeus. Trump spoke.",
        );
        for name in [
            "Gorbachev",
            "Reagan",
            "Twain",
            "Dostoyevsky",
            "Zeus",
            "Trump",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Person),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_person_surnamed_park_is_not_a_place() {
        let es = entities("\"Prices will climb,\" said Linda Park, a trader in Chicago.");
        assert_eq!(
            kind_of(&es, "Linda Park"),
            Some(EntityKind::Person),
            "{es:#?}"
        );
    }

    #[test]
    fn islands_and_regions_are_places() {
        let es = entities(
            "Ferries to Crete, Naxos and Sardinia were full, and flights to North Africa \
             were cancelled.",
        );
        for name in ["Crete", "Naxos", "Sardinia", "North Africa"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Place),
                "{name}: {es:#?}"
            );
        }
        // Alone after "on", where the rules alone guess an organization.
        let es = entities("Sofia Andreou, who chairs a residents' association on Ikaria, said so.");
        assert_eq!(kind_of(&es, "Ikaria"), Some(EntityKind::Place), "{es:#?}");
        // A province that is also a given name.
        let es = entities("A lot of men his age went to Alberta or went to the bottle.");
        assert_eq!(kind_of(&es, "Alberta"), Some(EntityKind::Place), "{es:#?}");
    }

    #[test]
    fn contractions_and_nationalities_are_not_organizations() {
        let es = entities(
            "\"We're not done,\" said Ama Owusu. She'll meet Former Ghanaian President John \
             Mensah on Friday. \"They're late,\" he said.",
        );
        for name in ["We're", "She'll", "They're", "Ghanaian", "Former Ghanaian"] {
            assert_eq!(kind_of(&es, name), None, "{name}: {es:#?}");
        }
        assert_eq!(kind_of(&es, "John Mensah"), Some(EntityKind::Person));
    }

    #[test]
    fn an_acronym_joins_its_organization() {
        let es = entities(
            "Envoys of the African Union (AU) arrived on Monday. The AU said talks would go on.",
        );
        let au = es.iter().find(|e| &*e.name == "African Union").unwrap();
        assert_eq!(au.kind, EntityKind::Organization);
        assert_eq!(au.mentions.len(), 3, "{es:#?}");
    }

    #[test]
    fn long_organization_names_stay_whole() {
        let es = entities(
            "The American Federation of State, County and Municipal Employees and the \
             Communications Workers of America backed the World Meteorological Organization. \
             The Food and Agriculture Organization and the Intergovernmental Panel on Climate \
             Change agreed; shares of Barclays and Lloyds Bank fell.",
        );
        for name in [
            "American Federation of State, County and Municipal Employees",
            "Communications Workers of America",
            "World Meteorological Organization",
            "Food and Agriculture Organization",
            "Intergovernmental Panel on Climate Change",
            "Barclays",
            "Lloyds Bank",
        ] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn a_team_is_named_short_after_its_full_name() {
        let text = "He was traded from the Pittsburgh Pirates to the Boston Red Sox in 2012. \
                    He has played for Red Sox coaches since, and Pirates fans still cheer him.";
        let es = entities(text);
        let mentions = |name: &str| {
            es.iter()
                .filter(|e| e.kind == EntityKind::Organization)
                .flat_map(|e| e.mentions.iter())
                .filter(|m| m.slice(text) == name)
                .count()
        };
        assert_eq!(mentions("Red Sox"), 1, "{es:#?}");
        assert_eq!(mentions("Pirates"), 1, "{es:#?}");
    }

    #[test]
    fn every_company_in_a_list() {
        let es = entities("Microsoft, Google and Salesforce signed the pledge on Monday.");
        for name in ["Microsoft", "Google", "Salesforce"] {
            assert_eq!(
                kind_of(&es, name),
                Some(EntityKind::Organization),
                "{name}: {es:#?}"
            );
        }
    }
}
