//! The news-copy conventions the text shaper recognises: bylines ("By Name"), date lines, deks,
//! photo credits and dateline openers ("CITY (Agency) —"). General conventions, not tied to any one
//! article; each recogniser looks at one line or paragraph.

use super::text::floor_boundary;
use crate::article::model::Span;

/// Words that may stand lowercase inside a name or credit ("José de la Cruz", "… via Getty").
pub(super) const CONNECTORS: &[&str] = &[
    "and", "&", "|", "-", "–", "—", "via", "for", "of", "the", "de", "del", "della", "da", "das",
    "do", "dos", "di", "du", "van", "von", "der", "den", "la", "le", "el", "al", "y", "bin", "ibn",
    "in", "at",
];

/// True when a word reads as part of a name: capitalised, a digit, an initial, or a connector.
pub(super) fn name_like(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '"' | '\''));
    if w.is_empty() || CONNECTORS.contains(&w) {
        return true;
    }
    // "al-Assad", "d'Estaing": look past a lowercase particle.
    let core = w
        .split_once(['-', '\''])
        .filter(|(p, _)| p.len() <= 2 && p.chars().all(char::is_lowercase))
        .map_or(w, |(_, rest)| rest);
    core.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
pub(super) fn byline_name(line: &str) -> Option<String> {
    if line.len() > 150 {
        return None;
    }
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("by "))?
        .trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let first_is_upper = rest.chars().next().is_some_and(char::is_uppercase);
    if !first_is_upper || words.len() > 12 || rest.ends_with(['!', '?', ':']) {
        return None;
    }
    words
        .iter()
        .all(|w| name_like(w))
        .then(|| rest.trim_end_matches([',', ';', '.']).to_string())
}

pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub(super) const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "a.m",
    "p.m",
    "am",
    "pm",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "updated",
    "published",
    "posted",
    "last",
    "on",
    "at",
    "|",
    "-",
    "–",
    "—",
    "·",
];

/// A line that is only a date (and maybe a time): "September 5, 2016", "Mon 5 Sep 2016 10:42
/// BST", "2016-09-05", "Updated: 5/9/2016".
pub(super) fn is_date_line(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let mut month = false;
    let mut number = false;
    let mut full_date = false;
    for token in line.split([' ', ',']).filter(|t| !t.is_empty()) {
        let t = token
            .trim_end_matches(['.', ':'])
            .trim_start_matches('(')
            .trim_end_matches(')')
            .to_lowercase();
        if MONTHS.contains(&t.as_str()) {
            month = true;
        } else if is_day_or_year(&t) {
            number = true;
        } else if is_numeric_date(&t) {
            full_date = true;
        } else if !(DATE_WORDS.contains(&t.as_str()) || is_time(&t)) {
            return false;
        }
    }
    full_date || (month && number)
}

/// "5", "05", "5th", "2016".
pub(super) fn is_day_or_year(t: &str) -> bool {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = t.get(digits.len()..).unwrap_or("");
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.len() <= 2 || digits.len() == 4)
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

/// "2016-09-05", "2016-09-05t10:42:00z", "5/9/2016", "05.09.2016".
pub(super) fn is_numeric_date(t: &str) -> bool {
    let date = t.split('t').next().unwrap_or(t);
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

/// "10:42", "10:42am", "9.30pm".
pub(super) fn is_time(t: &str) -> bool {
    let t = t.trim_end_matches("am").trim_end_matches("pm");
    let Some((h, m)) = t.split_once([':', '.']) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// A short title line: a dek or caption title, not a sentence.
pub(super) fn is_dek_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.len() <= 160
        && (2..=25).contains(&words)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '—', '-'])
}

/// Picture agencies and credit words that end or start a photo credit.
pub(super) const AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "afp",
    "ap",
    "ap photo",
    "ap images",
    "associated press",
    "the associated press",
    "reuters",
    "epa",
    "epa-efe",
    "efe",
    "pool",
    "bloomberg",
    "shutterstock",
    "rex/shutterstock",
    "xinhua",
    "tass",
    "sputnik",
    "kyodo",
    "yonhap",
    "anadolu",
    "anadolu agency",
    "dpa",
    "anp",
    "nurphoto",
    "sopa images",
    "lightrocket",
    "alamy",
    "sipa",
    "zuma",
    "zuma press",
    "pa",
    "pa images",
    "pa wire",
    "aap",
    "redux",
    "corbis",
    "wireimage",
    "handout",
    "photo",
];

/// Finds a photo credit at the end of a paragraph ("… the summit. Nicolas Asfouri - Pool/Getty
/// Images", "… (AP Photo/Jane Doe)", "… Reuters/Jane Doe", "… Photo: Jane Doe").
pub(super) fn find_credit(text: &str, chunk: Span) -> Option<Span> {
    let s = chunk.slice(text);
    let window = floor_boundary(s, s.len().saturating_sub(160));
    if s.ends_with(')')
        && let Some(open) = s.get(window..).and_then(|w| w.rfind('('))
    {
        let open = window + open;
        let inner = s.get(open + 1..s.len() - 1).unwrap_or("");
        if is_credit(inner) || inner.eq_ignore_ascii_case("ap photo") {
            return Some(Span::new(chunk.start + open, chunk.end));
        }
    }
    // Every candidate below ends where the paragraph ends, and `is_credit` refuses any that
    // ends like a sentence: most paragraphs stop here.
    if s.ends_with(CREDIT_NEVER_ENDS) {
        return None;
    }
    // Likewise every credit's words read as a name (whole or split at `/`), its last word too.
    let last = s.split_whitespace().next_back().unwrap_or("");
    if !(name_like(last) || last.split('/').all(name_like)) {
        return None;
    }
    // Every credit form has one of these; most paragraphs have none near their end.
    let tail = s.get(window..).unwrap_or("");
    if !(tail.bytes().any(|b| matches!(b, b'/' | b':' | b'-'))
        || tail.contains('–')
        || tail.contains(" via ")
        || tail.contains(" for ")
        || tail.contains("by "))
    {
        return None;
    }
    // Candidate starts: the paragraph start, a line start, or a sentence start.
    let mut prev: Option<char> = None;
    let mut prev_sentence_end = window == 0;
    for (i, c) in s.get(window..).unwrap_or("").char_indices() {
        let at = window + i;
        let starts = match prev {
            None => window == 0,
            Some('\n') => true,
            Some(p) if p.is_whitespace() => prev_sentence_end,
            _ => false,
        };
        if starts && !c.is_whitespace() && is_credit(s.get(at..).unwrap_or("")) {
            return Some(Span::new(chunk.start + at, chunk.end));
        }
        if !c.is_whitespace() {
            prev_sentence_end = matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | ')');
        }
        prev = Some(c);
    }
    None
}

/// A photo credit never ends with one of these.
pub(super) const CREDIT_NEVER_ENDS: [char; 5] = ['.', '!', '?', ',', ':'];

/// Whether `s` (the whole of it) is a photo credit. Allocates nothing: it runs for every
/// sentence start near the end of every paragraph.
pub(super) fn is_credit(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 120 || s.ends_with(CREDIT_NEVER_ENDS) {
        return false;
    }
    if s.split_whitespace().nth(12).is_some() {
        return false;
    }
    for prefix in [
        "photo:",
        "photos:",
        "photograph:",
        "photo by ",
        "photograph by ",
        "image:",
        "picture:",
        "credit:",
    ] {
        if let Some(rest) = strip_prefix_ignore_ascii_case(s, prefix) {
            let rest = rest.trim();
            return !rest.is_empty() && rest.split_whitespace().all(name_like);
        }
    }
    if !s.split_whitespace().all(|w| w.split('/').all(name_like)) {
        return false;
    }
    let agency = |part: &str| {
        let part = part.trim();
        AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(part))
    };
    let ends_with_agency = |part: &str| {
        let part = part.trim();
        AGENCIES.iter().any(|a| {
            part.len() >= a.len()
                && part
                    .get(part.len() - a.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(a))
                && (part.len() == a.len()
                    || part
                        .get(..part.len() - a.len())
                        .is_some_and(|head| head.ends_with([' ', '-', '/'])))
        })
    };
    let starts_with_agency = |part: &str| {
        let first = part.trim().split(' ').next().unwrap_or("");
        agency(first) || agency(part)
    };
    if let Some((left, right)) = s.split_once('/') {
        // "Name - Pool/Getty Images", "Reuters/Name", "AP Photo/Name", "Name/AFP via Getty".
        return !left.trim().is_empty()
            && !right.trim().is_empty()
            && (ends_with_agency(left) || starts_with_agency(right) || ends_with_agency(right));
    }
    // "Name - Getty Images", "Name via Getty Images", "Name for Reuters".
    [" - ", " via ", " for ", " – "]
        .iter()
        .any(|sep| s.contains(sep))
        && ends_with_agency(s)
}

/// `s` without `prefix` (ASCII letters in any case), or `None` when it does not start with it.
pub(super) fn strip_prefix_ignore_ascii_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// A dateline at the start of a paragraph.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Opener {
    /// As written, without the dash: "LISBON (Reuters)".
    pub name: String,
    /// End of the opener including its dash (relative to the paragraph).
    pub end: usize,
    /// Where the paragraph proper starts.
    pub body: usize,
}

/// "CITY (Agency) —", "CITY, Country —", "WASHINGTON —", "LONDON, Sept 5 (Reuters) -" at the
/// start of a paragraph.
pub(super) fn dateline_opener(p: &str) -> Option<Opener> {
    let head = p.get(..floor_boundary(p, 100)).unwrap_or("");
    let mut dash = None;
    let mut prev = ' ';
    let mut iter = head.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        match c {
            '—' | '–' => {
                dash = Some((i, i + c.len_utf8()));
                break;
            }
            '-' if next == Some('-') => {
                dash = Some((i, i + 2));
                break;
            }
            '-' if prev == ' ' && next == Some(' ') => {
                dash = Some((i, i + 1));
                break;
            }
            _ => {}
        }
        prev = c;
    }
    let (dash_start, dash_end) = dash?;
    let prefix = head.get(..dash_start)?.trim_end();
    if prefix.is_empty() || prefix.len() > 70 {
        return None;
    }
    let (place, agency) = match prefix.strip_suffix(')') {
        Some(before) => {
            let open = before.rfind('(')?;
            let agency = before.get(open + 1..)?.trim();
            (before.get(..open)?.trim_end(), Some(agency))
        }
        None => (prefix, None),
    };
    if let Some(agency) = agency
        && (agency.is_empty() || agency.len() > 30 || !agency.split_whitespace().all(name_like))
    {
        return None;
    }
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    let valid_parts = parts.len() <= 3
        && parts.iter().all(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            (1..=4).contains(&words.len()) && words.iter().all(|w| name_like(w))
        });
    if !valid_parts {
        return None;
    }
    let first = parts.first().copied().unwrap_or("");
    let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase);
    if !(all_caps || agency.is_some() || parts.len() >= 2) {
        return None;
    }
    let rest = p.get(dash_end..).unwrap_or("");
    let body = dash_end + (rest.len() - rest.trim_start().len());
    Some(Opener {
        name: prefix.to_string(),
        end: dash_end,
        body,
    })
}
