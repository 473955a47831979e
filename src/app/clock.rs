//! Dates as the reader shows them: one way everywhere, in the reader's local time zone, and
//! relative ("3 h ago") when recent. `Clock` holds "now" and the time zone, so that drawing is
//! pure and tests can fix both.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// "Now" and the time zone dates are shown in.
#[derive(Clone, Debug)]
pub struct Clock {
    now: Timestamp,
    tz: TimeZone,
    /// Whether `now` follows the system clock (it is refreshed on `Action::Tick`).
    live: bool,
    /// The config's `date_format` (strftime), used for dates with a time of day instead of the
    /// relative or "5 Sep 2025" forms.
    format: Option<String>,
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl Clock {
    /// The system's clock and time zone (`TZ`, else /etc/localtime, else UTC).
    pub fn system() -> Self {
        Self {
            now: Timestamp::now(),
            tz: TimeZone::system(),
            live: true,
            format: None,
        }
    }

    /// A clock stopped at `now`, in `tz` (tests, screenshots).
    pub fn fixed(now: Timestamp, tz: TimeZone) -> Self {
        Self {
            now,
            tz,
            live: false,
            format: None,
        }
    }

    /// Shows dates with a time of day in `format` (jiff's strftime, in this clock's time zone).
    pub(super) fn set_format(&mut self, format: String) {
        self.format = Some(format);
    }

    /// `ts` in the configured format, if one is set and formats it.
    fn formatted(&self, ts: Timestamp) -> Option<String> {
        let format = self.format.as_deref()?;
        let zoned = ts.to_zoned_datetime(self.tz.clone());
        jiff::fmt::strtime::format(format, &zoned).ok()
    }

    pub(super) fn refresh(&mut self) {
        if self.live {
            self.now = Timestamp::now();
        }
    }

    /// "just now", "12 min ago", "3 h ago" within a day; else `None`.
    pub fn relative(&self, ts: Timestamp) -> Option<String> {
        let secs = self.now.duration_since(ts).as_secs();
        match secs {
            // A date in the (near) future is shown as a date.
            ..0 => None,
            0..60 => Some("just now".into()),
            60..3600 => Some(format!("{} min ago", secs / 60)),
            3600..86_400 => Some(format!("{} h ago", secs / 3600)),
            _ => None,
        }
    }

    /// For the headline list: relative when recent, else "5 Sep 2025".
    pub fn short(&self, ts: Timestamp) -> String {
        if let Some(text) = self.formatted(ts) {
            return text;
        }
        self.relative(ts).unwrap_or_else(|| {
            ts.to_zoned_datetime(self.tz.clone())
                .strftime("%-d %b %Y")
                .to_string()
        })
    }

    /// For the list, a date written without a time of day: "4 Sep 2025" (the day as written,
    /// never "15 h ago" from its midnight).
    pub fn short_day(&self, ts: Timestamp) -> String {
        ts.to_zoned_datetime(TimeZone::UTC)
            .strftime("%-d %b %Y")
            .to_string()
    }

    /// For the article, a date written without a time of day: "Thu 4 Sep 2025" (the day as
    /// written, not moved to another zone).
    pub fn day(&self, ts: Timestamp) -> String {
        ts.to_zoned_datetime(TimeZone::UTC)
            .strftime("%a %-d %b %Y")
            .to_string()
    }

    /// For the article: "Fri 5 Sep 2025 11:30", and how long ago when recent.
    pub fn long(&self, ts: Timestamp) -> String {
        if let Some(text) = self.formatted(ts) {
            return text;
        }
        let date = ts
            .to_zoned_datetime(self.tz.clone())
            .strftime("%a %-d %b %Y %H:%M")
            .to_string();
        match self.relative(ts) {
            Some(ago) => format!("{date} ({ago})"),
            None => date,
        }
    }
}

/// Whether a date as written gives a time of day ("2025-09-02T08:15:00Z", "Fri, 05 Sep 2025
/// 11:30:00 +0300") rather than only a day ("2025-09-04", "September 18, 2025").
pub fn has_time(raw: &str) -> bool {
    raw.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap_or(Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn dates_read_one_way_in_local_time_relative_when_recent() {
        let lisbon = TimeZone::fixed(jiff::tz::offset(1));
        let clock = Clock::fixed(ts("2025-09-05T12:00:00Z"), lisbon);
        // RFC 2822 with +0300 and RFC 3339 with Z: the same instant reads the same.
        let a = crate::article::date::parse("Fri, 05 Sep 2025 11:30:00 +0300");
        let b = crate::article::date::parse("2025-09-05T08:30:00Z");
        assert_eq!(a, b);
        let a = a.unwrap_or(Timestamp::UNIX_EPOCH);
        assert_eq!(clock.short(a), "3 h ago");
        assert_eq!(clock.long(a), "Fri 5 Sep 2025 09:30 (3 h ago)");
        let old = ts("2025-09-02T08:15:00Z");
        assert_eq!(clock.short(old), "2 Sep 2025");
        assert_eq!(clock.long(old), "Tue 2 Sep 2025 09:15");
        assert_eq!(clock.day(ts("2025-09-04T00:00:00Z")), "Thu 4 Sep 2025");
        assert_eq!(clock.short_day(ts("2025-09-05T00:00:00Z")), "5 Sep 2025");
        assert_eq!(clock.short(ts("2025-09-05T11:59:30Z")), "just now");
        assert_eq!(clock.short(ts("2025-09-05T11:48:00Z")), "12 min ago");
        assert_eq!(clock.short(ts("2025-09-06T09:00:00Z")), "6 Sep 2025");
    }
}
