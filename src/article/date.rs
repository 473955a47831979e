//! Publication dates as sources write them ("Fri, 05 Sep 2025 11:30:00 +0300",
//! "2025-09-02T08:15:00Z", "2025-09-02 08:15", "September 4, 2016", "Updated: 5 Sep 2016 10:42
//! BST") into one instant. Pure: no clock, no time-zone database; a date without a zone or offset
//! is taken as UTC, and a date without a time as midnight.

use jiff::civil::{Date, DateTime};
use jiff::fmt::rfc2822::DateTimeParser;
use jiff::fmt::strtime;
use jiff::tz::Offset;
use jiff::{SignedDuration, Timestamp};

/// Longer than any date anyone writes: such a field is not a date, and is not scanned.
const MAX_LEN: usize = 120;

/// The instant a date string names, when it is one byline understands.
pub fn parse(raw: &str) -> Option<Timestamp> {
    let s = raw.trim();
    if s.is_empty() || s.len() > MAX_LEN {
        return None;
    }
    let s = strip_label(s);
    // RFC 3339 / ISO 8601 with an offset or Z.
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Some(ts);
    }
    // RFC 2822 (mail and RSS dates), with its named zones (GMT, EST…).
    static RFC2822: DateTimeParser = DateTimeParser::new();
    if let Ok(ts) = RFC2822.parse_timestamp(s) {
        return Some(ts);
    }
    // ISO 8601 without an offset: "2025-09-02T08:15", "2025-09-02 08:15", "2025-09-02".
    if let Ok(dt) = s.parse::<DateTime>() {
        return Offset::UTC.to_timestamp(dt).ok();
    }
    if let Ok(d) = s.parse::<Date>() {
        return Offset::UTC
            .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
            .ok();
    }
    written(s)
}

/// Drops "Updated:", "Published", "Posted on" and the like from the front.
fn strip_label(s: &str) -> &str {
    const LABELS: [&str; 7] = [
        "last updated",
        "updated on",
        "updated",
        "published on",
        "published",
        "posted on",
        "posted",
    ];
    for label in LABELS {
        if let Some(head) = s.get(..label.len())
            && head.eq_ignore_ascii_case(label)
        {
            let rest = s.get(label.len()..).unwrap_or_default();
            return rest.trim_start_matches([':', ' ', '\t']);
        }
    }
    s
}

/// Dates in words: "September 4, 2016", "Sept. 4th, 2016 at 10:42 a.m. EDT", "Mon 5 Sep 2016
/// 10:42 BST", "4 September 2016, 18:05 +0200".
fn written(s: &str) -> Option<Timestamp> {
    let mut tokens: Vec<String> = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let t = raw.trim_end_matches('.');
        if t.is_empty() || t.eq_ignore_ascii_case("at") || t.eq_ignore_ascii_case("on") {
            continue;
        }
        tokens.push(normal_token(t));
    }
    // "a.m." became "a m"-free "am" above; a leading weekday adds nothing.
    if tokens.first().is_some_and(|t| is_weekday(t)) {
        tokens.remove(0);
    }
    let offset = match tokens.last().and_then(|t| zone(t)) {
        Some(offset) => {
            tokens.pop();
            offset
        }
        None => Offset::UTC,
    };
    let text = tokens.join(" ");
    const DATES: [&str; 6] = [
        "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%Y-%m-%d",
    ];
    const TIMES: [&str; 7] = [
        "",
        " %H:%M",
        " %H:%M:%S",
        " %I:%M %p",
        " %I:%M:%S %p",
        " %I %p",
        " %H.%M",
    ];
    for date in DATES {
        for time in TIMES {
            let format = format!("{date}{time}");
            if let Ok(tm) = strtime::parse(&format, &text) {
                let dt = if time.is_empty() {
                    tm.to_date()
                        .ok()?
                        .to_datetime(jiff::civil::Time::midnight())
                } else {
                    tm.to_datetime().ok()?
                };
                return offset.to_timestamp(dt).ok();
            }
        }
    }
    None
}

/// "4th" → "4", "Sept" → "Sep", "a.m" → "am".
fn normal_token(t: &str) -> String {
    let lower = t.to_ascii_lowercase();
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(num) = lower.strip_suffix(suffix)
            && !num.is_empty()
            && num.bytes().all(|b| b.is_ascii_digit())
        {
            return num.to_string();
        }
    }
    match lower.as_str() {
        "sept" => "Sep".into(),
        "a.m" => "am".into(),
        "p.m" => "pm".into(),
        _ => t.to_string(),
    }
}

fn is_weekday(t: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = t.to_ascii_lowercase();
    t.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&t))
}

/// A trailing zone: a numeric offset ("+0300", "-05:00") or a common abbreviation.
fn zone(t: &str) -> Option<Offset> {
    let hours: i64 = match t.to_ascii_uppercase().as_str() {
        "Z" | "UTC" | "GMT" | "UT" => 0,
        "BST" | "CET" | "WAT" => 1,
        "CEST" | "EET" | "SAST" => 2,
        "EEST" | "MSK" => 3,
        "IST" => return Offset::from_seconds(5 * 3600 + 1800).ok(),
        "JST" | "KST" => 9,
        "EST" => -5,
        "EDT" | "AST" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        _ => return numeric_offset(t),
    };
    Offset::from_seconds(i32::try_from(hours * 3600).ok()?).ok()
}

/// "+0300", "-05:00", "+03" → the offset.
fn numeric_offset(t: &str) -> Option<Offset> {
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, t.get(1..)?),
        b'-' => (-1, t.get(1..)?),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let h: i64 = digits.get(..2)?.parse().ok()?;
    let m: i64 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    if h > 23 || m > 59 {
        return None;
    }
    let secs = SignedDuration::from_secs(sign * (h * 3600 + m * 60)).as_secs();
    Offset::from_seconds(i32::try_from(secs).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str) -> Option<String> {
        parse(raw).map(|t| t.to_string())
    }

    #[test]
    fn rfc_3339_and_2822() {
        assert_eq!(
            utc("2025-09-02T08:15:00Z").as_deref(),
            Some("2025-09-02T08:15:00Z")
        );
        assert_eq!(
            utc("2025-09-02T08:15:00+02:00").as_deref(),
            Some("2025-09-02T06:15:00Z")
        );
        assert_eq!(
            utc("Fri, 05 Sep 2025 11:30:00 +0300").as_deref(),
            Some("2025-09-05T08:30:00Z")
        );
        assert_eq!(
            utc("Fri, 05 Sep 2025 11:30:00 GMT").as_deref(),
            Some("2025-09-05T11:30:00Z")
        );
    }

    #[test]
    fn common_variants_without_a_zone_are_utc() {
        assert_eq!(
            utc("2025-09-02 08:15").as_deref(),
            Some("2025-09-02T08:15:00Z")
        );
        assert_eq!(utc("2024-05-01").as_deref(), Some("2024-05-01T00:00:00Z"));
        assert_eq!(
            utc("September 4, 2016").as_deref(),
            Some("2016-09-04T00:00:00Z")
        );
        assert_eq!(
            utc("Sept. 4th, 2016").as_deref(),
            Some("2016-09-04T00:00:00Z")
        );
        assert_eq!(
            utc("4 September 2016").as_deref(),
            Some("2016-09-04T00:00:00Z")
        );
        assert_eq!(utc("2016/09/04").as_deref(), Some("2016-09-04T00:00:00Z"));
    }

    #[test]
    fn labels_weekdays_times_and_zones_in_words() {
        assert_eq!(
            utc("Updated: Mon 5 Sep 2016 10:42 BST").as_deref(),
            Some("2016-09-05T09:42:00Z")
        );
        assert_eq!(
            utc("Monday, September 5, 2016 at 3:05 p.m. EDT").as_deref(),
            Some("2016-09-05T19:05:00Z")
        );
        assert_eq!(
            utc("Published 4 September 2016, 18:05 +0200").as_deref(),
            Some("2016-09-04T16:05:00Z")
        );
    }

    #[test]
    fn what_is_not_a_date_is_none() {
        for bad in [
            "",
            "yesterday",
            "5/9/2016", // day and month order unknown
            "September 31, 2016",
            "2025-13-01",
            "Fri, 05 Sep 2025 25:30:00 +0300",
            &"9".repeat(10_000),
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
