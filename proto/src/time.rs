//! Calendar dates and UTC times: the one place that parses and formats
//! them, for the node, the CLI and the conversions alike. Dates are in the
//! proleptic Gregorian calendar; times are Unix milliseconds in UTC. It
//! reads dates (`YYYY-MM-DD`), UTC times to the minute
//! (`YYYY-MM-DDTHH:MM`) and RFC 3339 date-times with their offset
//! (`2026-12-24T17:00:00+07:00`); every date must exist in the calendar.
//!
//! The conversions between days and civil dates are Howard Hinnant's
//! `days_from_civil` and `civil_from_days` ("chrono-Compatible Low-Level
//! Date Algorithms", <https://howardhinnant.github.io/date_algorithms.html>).

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// Days in `month` (1 to 12) of `year`, or `None` for a month that does
/// not exist.
pub fn days_in_month(year: i64, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Days since 1970-01-01 of a civil date (which must exist).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day counted from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Parses a calendar date `YYYY-MM-DD` with a year from 1900 to 2100,
/// refusing dates that do not exist, such as `2023-02-29` or `2024-04-31`.
/// The error is the rule broken; it never repeats the text given.
pub fn parse_date(value: &str) -> Result<(i64, u32, u32), &'static str> {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let [y, m, d] = value.split('-').collect::<Vec<_>>()[..] else {
        return Err("is not a date YYYY-MM-DD");
    };
    let (Some(year), Some(month), Some(day)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return Err("is not a date YYYY-MM-DD");
    };
    let year = i64::from(year);
    if !(1900..=2100).contains(&year) {
        return Err("is not a date from 1900-01-01 to 2100-12-31");
    }
    let last = days_in_month(year, month).ok_or("has no month 01 to 12")?;
    if !(1..=last).contains(&day) {
        return Err("names a day that its month does not have");
    }
    Ok((year, month, day))
}

/// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM` (UTC) into Unix
/// milliseconds; the date must exist in the calendar.
pub fn parse_utc(text: &str) -> Result<i64, &'static str> {
    let (date, clock) = match text.split_once('T') {
        Some((date, clock)) => (date, Some(clock)),
        None => (text, None),
    };
    let (year, month, day) = parse_date(date)?;
    let minutes = match clock {
        None => 0,
        Some(clock) => {
            let two = |s: &str| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| s.parse::<i64>().ok())
                    .flatten()
            };
            match clock.split_once(':') {
                Some((h, m)) => match (two(h), two(m)) {
                    (Some(h @ 0..=23), Some(m @ 0..=59)) => h * 60 + m,
                    _ => return Err("has no time of day HH:MM from 00:00 to 23:59"),
                },
                None => return Err("has no time of day HH:MM from 00:00 to 23:59"),
            }
        }
    };
    Ok(days_from_civil(year, month, day) * DAY_MS + minutes * 60_000)
}

/// What an RFC 3339 date-time looks like, for error messages.
const RFC3339_FORM: &str = "is not an RFC 3339 date-time YYYY-MM-DDTHH:MM:SS[.fraction] ending in Z or an offset +HH:MM/-HH:MM";

/// Parses an RFC 3339 date-time (section 5.6: `2026-12-24T17:00:00Z`,
/// `2026-12-24T17:00:00.250+07:00`) into Unix milliseconds.
///
/// The date must exist in the calendar (years 1900 to 2100, as for
/// [`parse_date`]); the time of day runs from `00:00:00` to `23:59:59`
/// (a leap second, `:60`, is refused: Unix time has none); a fraction of a
/// second has one or more digits, of which the first three count (the rest
/// are dropped, rounding towards the earlier millisecond); the offset is `Z`
/// or `+HH:MM`/`-HH:MM` up to 23:59 either way, and `-00:00` ("offset
/// unknown") is read as UTC. `T` and `Z` may be lower case, as RFC 3339
/// allows. The error is the rule broken; it never repeats the text given.
pub fn parse_rfc3339(text: &str) -> Result<i64, &'static str> {
    let Some((date, rest)) = text.split_once(['T', 't']) else {
        return Err(RFC3339_FORM);
    };
    let (year, month, day) = parse_date(date)?;
    // The time of day: exactly `HH:MM:SS`.
    let (clock, rest) = rest.split_at_checked(8).ok_or(RFC3339_FORM)?;
    let seconds = match clock.as_bytes() {
        [h1, h2, b':', m1, m2, b':', s1, s2] => {
            let digits = [*h1, *h2, *m1, *m2, *s1, *s2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return Err(RFC3339_FORM);
            }
            let two = |a: u8, b: u8| i64::from(a - b'0') * 10 + i64::from(b - b'0');
            let (h, m, s) = (two(*h1, *h2), two(*m1, *m2), two(*s1, *s2));
            if h > 23 || m > 59 || s > 59 {
                return Err("has no time of day HH:MM:SS from 00:00:00 to 23:59:59");
            }
            h * 3_600 + m * 60 + s
        }
        _ => return Err(RFC3339_FORM),
    };
    // An optional fraction of a second.
    let (millis, offset) = match rest.strip_prefix('.') {
        Some(fraction) => {
            let digits = fraction
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(fraction.len());
            if digits == 0 {
                return Err("has no digits after the `.` of its fraction of a second");
            }
            let millis = fraction[..digits]
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(3)
                .fold(0, |ms, b| ms * 10 + i64::from(b - b'0'));
            (millis, &fraction[digits..])
        }
        None => (0, rest),
    };
    // The offset from UTC: `Z` or `+HH:MM` / `-HH:MM`.
    let offset_minutes = match offset.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            if ![*h1, *h2, *m1, *m2].iter().all(u8::is_ascii_digit) {
                return Err(RFC3339_FORM);
            }
            let two = |a: u8, b: u8| i64::from(a - b'0') * 10 + i64::from(b - b'0');
            let (h, m) = (two(*h1, *h2), two(*m1, *m2));
            if h > 23 || m > 59 {
                return Err("has an offset from UTC outside -23:59 to +23:59");
            }
            if *sign == b'-' {
                -(h * 60 + m)
            } else {
                h * 60 + m
            }
        }
        [] => return Err("has no offset from UTC: end it with Z (UTC) or +HH:MM / -HH:MM"),
        _ => return Err(RFC3339_FORM),
    };
    Ok(
        days_from_civil(year, month, day) * DAY_MS + seconds * 1_000 + millis
            - offset_minutes * 60_000,
    )
}

/// Parses a moment as people write one: an RFC 3339 date-time (see
/// [`parse_rfc3339`]), `YYYY-MM-DDTHH:MM` in UTC, or a date `YYYY-MM-DD`
/// alone, meaning 00:00 UTC that day. Returns Unix milliseconds; dates must
/// exist in the calendar. The error is the rule broken; it never repeats
/// the text given.
pub fn parse_date_time(text: &str) -> Result<i64, &'static str> {
    match text.split_once(['T', 't']) {
        // `HH:MM` and nothing after it: the short UTC form.
        Some((date, clock)) if clock.len() == 5 => parse_utc(&format!("{date}T{clock}")),
        Some(_) => parse_rfc3339(text),
        None => parse_utc(text),
    }
}

/// `YYYY-MM-DD HH:MM` in UTC, for tables.
pub fn format_minutes(unix_ms: i64) -> String {
    let (days, ms) = (unix_ms.div_euclid(DAY_MS), unix_ms.rem_euclid(DAY_MS));
    let (year, month, day) = civil_from_days(days);
    let minutes = ms / 60_000;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-11-30T04:27:46.123Z`.
pub fn rfc3339(unix_ms: i64) -> String {
    let (days, ms) = (unix_ms.div_euclid(DAY_MS), unix_ms.rem_euclid(DAY_MS));
    let (year, month, day) = civil_from_days(days);
    let seconds = ms / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60,
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_calendar_dates_parse() {
        for good in [
            "2024-02-29",
            "2000-02-29",
            "1900-01-01",
            "2100-12-31",
            "2023-04-30",
        ] {
            assert!(parse_date(good).is_ok(), "{good}");
        }
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "1900-02-29",
            "2100-02-29",
            "2024-04-31",
            "2024-00-10",
            "2024-13-01",
            "2024-01-00",
            "1899-12-31",
            "2101-01-01",
            "2024-1-01",
            "24-01-01",
            "2024-01-01-",
            "",
            "２０２４-01-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_and_civil_dates_round_trip() {
        for days in -800_000..800_000 {
            let (y, m, d) = civil_from_days(days);
            assert!(days_in_month(y, m).is_some_and(|last| (1..=last).contains(&d)));
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn utc_times_parse_and_format() {
        assert_eq!(parse_utc("1970-01-02"), Ok(DAY_MS));
        assert_eq!(parse_utc("2000-03-01T01:30"), Ok(951_874_200_000));
        assert!(parse_utc("2000-02-30").is_err());
        assert!(parse_utc("2000-03-01T24:00").is_err());
        assert!(parse_utc("2000-03-01T1:30").is_err());
        assert_eq!(format_minutes(0), "1970-01-01 00:00");
        assert_eq!(format_minutes(951_782_400_000), "2000-02-29 00:00");
        assert_eq!(format_minutes(1_795_441_500_000), "2026-11-23 13:45");
        assert_eq!(rfc3339(1_795_441_500_123), "2026-11-23T13:45:00.123Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59.999Z");
    }

    /// 2026-12-24T17:00:00Z in Unix milliseconds.
    const CHRISTMAS_EVE_17H: i64 = 1_798_131_600_000;

    #[test]
    fn rfc3339_times_parse_with_their_offsets() {
        assert_eq!(parse_rfc3339("2026-12-24T17:00:00Z"), Ok(CHRISTMAS_EVE_17H));
        // The same moment in Bangkok, in New York, and with lower-case letters.
        assert_eq!(
            parse_rfc3339("2026-12-25T00:00:00+07:00"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T12:00:00-05:00"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(parse_rfc3339("2026-12-24t17:00:00z"), Ok(CHRISTMAS_EVE_17H));
        // Offsets with minutes (India, Nepal), and "-00:00", which is UTC.
        assert_eq!(
            parse_rfc3339("2026-12-24T22:30:00+05:30"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T22:45:00+05:45"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00-00:00"),
            Ok(CHRISTMAS_EVE_17H)
        );
        // An offset may move the moment into another day, month or year.
        assert_eq!(
            parse_rfc3339("2000-01-01T06:59:59+07:00"),
            Ok(946_684_799_000)
        );
        assert_eq!(rfc3339(946_684_799_000), "1999-12-31T23:59:59.000Z");
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Ok(0));
    }

    #[test]
    fn rfc3339_seconds_and_fractions() {
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:59Z"),
            Ok(CHRISTMAS_EVE_17H + 59_000)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00.5Z"),
            Ok(CHRISTMAS_EVE_17H + 500)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00.25Z"),
            Ok(CHRISTMAS_EVE_17H + 250)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00.123Z"),
            Ok(CHRISTMAS_EVE_17H + 123)
        );
        // Digits past the millisecond are dropped, never rounded up.
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00.999999999+07:00"),
            Ok(CHRISTMAS_EVE_17H - 7 * 3_600_000 + 999)
        );
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00.000001Z"),
            Ok(CHRISTMAS_EVE_17H)
        );
        // What `rfc3339` writes, this reads back.
        for ms in [
            0,
            1,
            951_782_400_000,
            1_795_441_500_123,
            CHRISTMAS_EVE_17H + 999,
        ] {
            assert_eq!(parse_rfc3339(&rfc3339(ms)), Ok(ms));
        }
    }

    #[test]
    fn rfc3339_leap_days_exist_only_in_leap_years() {
        assert_eq!(
            parse_rfc3339("2024-02-29T12:00:00Z"),
            Ok(parse_utc("2024-02-29T12:00").unwrap())
        );
        assert!(parse_rfc3339("2000-02-29T00:00:00+07:00").is_ok());
        for bad in [
            "2023-02-29T12:00:00Z",
            "1900-02-29T12:00:00Z",
            "2100-02-29T12:00:00Z",
        ] {
            assert_eq!(
                parse_rfc3339(bad),
                Err("names a day that its month does not have"),
                "{bad}"
            );
        }
    }

    #[test]
    fn rfc3339_refuses_what_is_not_one() {
        for bad in [
            "",
            "2026-12-24",
            "2026-12-24T",
            "2026-12-24T17:00",
            "2026-12-24T17:00Z",
            "2026-12-24T17:00:00",
            "2026-12-24T17:00:00.Z",
            "2026-12-24T17:00:00.5",
            "2026-12-24T24:00:00Z",
            "2026-12-24T23:60:00Z",
            "2026-12-31T23:59:60Z",
            "2026-12-24T7:00:00Z",
            "2026-12-24T17:00:00+7:00",
            "2026-12-24T17:00:00+0700",
            "2026-12-24T17:00:00+24:00",
            "2026-12-24T17:00:00+07:60",
            "2026-12-24T17:00:00UTC",
            "2026-12-24T17:00:00Z ",
            "2026-12-24 17:00:00Z",
            "2026-13-24T17:00:00Z",
            "2026-04-31T17:00:00Z",
            "2026-12-24T１7:00:00Z",
            "2026-12-24T17:00:00+07:00:00",
        ] {
            let error = parse_rfc3339(bad).expect_err(bad);
            assert!(!error.contains(bad) || bad.is_empty(), "{bad}: {error}");
        }
        assert_eq!(
            parse_rfc3339("2026-12-24T17:00:00"),
            Err("has no offset from UTC: end it with Z (UTC) or +HH:MM / -HH:MM")
        );
        assert_eq!(
            parse_rfc3339("2026-12-31T23:59:60Z"),
            Err("has no time of day HH:MM:SS from 00:00:00 to 23:59:59")
        );
    }

    #[test]
    fn date_times_in_every_accepted_form() {
        assert_eq!(
            parse_date_time("2026-12-24T17:00:00Z"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(
            parse_date_time("2026-12-25T00:00:00+07:00"),
            Ok(CHRISTMAS_EVE_17H)
        );
        assert_eq!(parse_date_time("2026-12-24T17:00"), Ok(CHRISTMAS_EVE_17H));
        assert_eq!(
            parse_date_time("2026-12-24"),
            Ok(CHRISTMAS_EVE_17H - 17 * 3_600_000)
        );
        for bad in [
            "2026-02-29",
            "2026-02-29T10:00",
            "2026-12-24T17:00Z",
            "7d",
            "",
            "now",
        ] {
            assert!(parse_date_time(bad).is_err(), "{bad}");
        }
    }
}
