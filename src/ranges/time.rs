//! Local date-times for the call form: now, and the `datetime-local` input's text.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};

const INPUT_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The browser's UTC offset now (JavaScript counts minutes west of UTC).
fn local_offset() -> FixedOffset {
    let west_minutes = js_sys::Date::new_0().get_timezone_offset() as i32;
    FixedOffset::east_opt(-west_minutes * 60).unwrap_or(Utc.fix())
}

/// Now, in local time, to the minute (what a person writes on a call log).
pub fn now_local() -> DateTime<FixedOffset> {
    let millis = js_sys::Date::now() as i64;
    let now = DateTime::from_timestamp_millis(millis - millis % 60_000).unwrap_or_default();
    now.with_timezone(&local_offset())
}

/// The text a `datetime-local` input shows for `time`.
pub fn to_input(time: &DateTime<FixedOffset>) -> String {
    time.format(INPUT_FORMAT).to_string()
}

/// Reads a `datetime-local` input's text as local time; `None` when it is not a date-time.
pub fn from_input(text: &str) -> Option<DateTime<FixedOffset>> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), INPUT_FORMAT).ok()?;
    local_offset().from_local_datetime(&naive).single()
}

/// A time as people read it in the log: "2026-11-25 14:05".
pub fn show(time: &DateTime<FixedOffset>) -> String {
    time.format("%Y-%m-%d %H:%M").to_string()
}
