//! What the command line reads besides names: durations, moments (through
//! `liaison_proto::time`, the one place that parses dates), deadlines,
//! answer fields, and long texts given inline or from a file or stdin.
//! Value parsers return the rule broken, never the value: clap's message
//! already quotes it once.

use std::io::Read as _;
use std::path::Path;
use std::time::Duration;

use liaison_proto::pb;

use crate::failure::Failure;

/// The most a long text may hold: a signed message is at most 256 KiB.
const MAX_TEXT_BYTES: u64 = 256 * 1024;

/// The forms a moment may take, for help and error messages.
pub const MOMENT_FORMS: &str = "an RFC 3339 date-time (2026-12-24T17:00:00Z, \
     2026-12-24T17:00:00+07:00), YYYY-MM-DDTHH:MM in UTC, or YYYY-MM-DD (00:00 UTC)";

/// Parses `7d`, `72h`, `90m` or `30s`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number
        .parse()
        .map_err(|_| "is not a duration like 7d, 72h or 90m".to_string())?;
    let seconds = match unit {
        "d" => n.checked_mul(86_400),
        "h" => n.checked_mul(3_600),
        "m" => n.checked_mul(60),
        "s" => Some(n),
        _ => return Err("is not a duration: its unit must be d, h, m or s (e.g. 7d)".to_string()),
    };
    seconds
        .map(Duration::from_secs)
        .ok_or_else(|| "is too long a duration".to_string())
}

/// Whether text looks like a date rather than a duration: it holds a `-`
/// between digits, as `YYYY-MM-DD` does.
fn looks_like_a_date(text: &str) -> bool {
    text.len() > 4
        && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && text[4..].starts_with('-')
}

/// A moment given either as a duration (relative to now) or as a date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A duration; its direction depends on the option (ahead for a
    /// deadline, ago for `--since`).
    Relative(Duration),
    /// Unix milliseconds.
    At(i64),
}

/// Parses a duration (`72h`, `7d`) or a moment in any form of
/// [`MOMENT_FORMS`]; dates must exist in the calendar.
pub fn parse_when(text: &str) -> Result<When, String> {
    if looks_like_a_date(text) {
        return liaison_proto::time::parse_date_time(text)
            .map(When::At)
            .map_err(|rule| format!("{rule} (give {MOMENT_FORMS})"));
    }
    parse_duration(text)
        .map(When::Relative)
        .map_err(|_| format!("is neither a duration like 72h or 7d nor {MOMENT_FORMS}"))
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX / 2)
}

impl When {
    /// The moment as a deadline: a duration counts from `now`.
    pub fn ahead_of(self, now: i64) -> i64 {
        match self {
            When::Relative(duration) => now.saturating_add(millis(duration)),
            When::At(at) => at,
        }
    }

    /// The moment as a start or end of a period: a duration counts back
    /// from `now`.
    pub fn before(self, now: i64) -> i64 {
        match self {
            When::Relative(duration) => now.saturating_sub(millis(duration)),
            When::At(at) => at,
        }
    }
}

/// Checks a date of birth: `YYYY-MM-DD`, a day that exists.
pub fn parse_birth_date(text: &str) -> Result<String, String> {
    liaison_proto::time::parse_date(text)
        .map(|_| text.to_string())
        .map_err(str::to_string)
}

/// A legal basis code (`--legal-basis`), in the node's normal form.
pub fn parse_legal_basis(text: &str) -> Result<String, String> {
    liaison_proto::legal::legal_basis(text).map(str::to_string)
}

/// A non-punishment provision code (`--non-punishment`).
pub fn parse_non_punishment(text: &str) -> Result<String, String> {
    liaison_proto::legal::non_punishment(text).map(str::to_string)
}

/// Parses a released field, `[SUBJECT:]NAME=VALUE`: the value may hold `=`
/// and `:`; SUBJECT is the 0-based position of the subject the value is
/// about in the request's subjects (as `request get` and `agency get` list
/// them), 0 (the first subject) when not given.
pub fn parse_field(text: &str) -> Result<pb::Field, String> {
    let (key, value) = text.split_once('=').ok_or_else(|| {
        "is not [SUBJECT:]NAME=VALUE (e.g. subscriber_name=Somchai, or 2:kyc_name=Somchai for \
         the third subject)"
            .to_string()
    })?;
    let (subject, name) = match key.split_once(':') {
        None => (0, key),
        Some((position, name)) => {
            let position = position.trim();
            let subject = position
                .parse::<u32>()
                .ok()
                .filter(|_| position.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| {
                    "has a subject position before `:` that is not a number from 0 (e.g. \
                     2:kyc_name=…)"
                        .to_string()
                })?;
            (subject, name)
        }
    };
    if name.trim().is_empty() {
        return Err("has no field name before `=`".to_string());
    }
    Ok(pb::Field {
        name: name.trim().to_string(),
        value: value.to_string(),
        subject,
    })
}

/// A long text given inline (`--summary TEXT`) or read from a file
/// (`--summary-file PATH`, `-` for stdin); clap keeps the two apart. A
/// file's final line ending is dropped; the text must be UTF-8 and at
/// most 256 KiB. Errors name `file_option`.
pub fn long_text(
    inline: Option<&str>,
    file: Option<&Path>,
    file_option: &str,
) -> Result<String, Failure> {
    let Some(path) = file else {
        return Ok(inline.unwrap_or_default().to_string());
    };
    let invalid = |rule: String| Failure::invalid(file_option, format!("{file_option}: {rule}"));
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_TEXT_BYTES + 1).read_to_end(&mut bytes))
    };
    let source = if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    read.map_err(|e| invalid(format!("cannot read {source}: {e}")))?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(invalid(format!(
            "{source} holds more than 256 KiB, more than a signed message can carry"
        )));
    }
    let mut text =
        String::from_utf8(bytes).map_err(|_| invalid(format!("{source} is not UTF-8 text")))?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(
            parse_duration("7d").unwrap(),
            Duration::from_secs(7 * 86_400)
        );
        assert_eq!(parse_duration("72h").unwrap(), Duration::from_secs(259_200));
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(5_400));
        assert!(parse_duration("7").is_err());
        assert!(parse_duration("d").is_err());
        assert!(parse_duration("7w").is_err());
        assert!(parse_duration("99999999999999999999d").is_err());
    }

    #[test]
    fn deadlines_take_durations_and_date_times() {
        let now = 1_000_000_000_000;
        assert_eq!(
            parse_when("72h").unwrap().ahead_of(now),
            now + 72 * 3_600_000
        );
        assert_eq!(parse_when("7d").unwrap().before(now), now - 7 * 86_400_000);
        let christmas_eve = 1_798_131_600_000;
        for given in [
            "2026-12-24T17:00:00Z",
            "2026-12-25T00:00:00+07:00",
            "2026-12-24T17:00",
        ] {
            assert_eq!(parse_when(given), Ok(When::At(christmas_eve)), "{given}");
        }
        assert_eq!(
            parse_when("2026-12-24"),
            Ok(When::At(christmas_eve - 17 * 3_600_000))
        );
        assert_eq!(parse_when("1970-01-02").unwrap().ahead_of(now), 86_400_000);
    }

    #[test]
    fn bad_moments_say_the_rule_and_not_the_value() {
        let error = parse_when("2026-02-29T10:00:00+07:00").unwrap_err();
        assert!(
            error.starts_with("names a day that its month does not have"),
            "{error}"
        );
        let error = parse_when("2026-12-24T25:00:00Z").unwrap_err();
        assert!(error.contains("00:00:00 to 23:59:59"), "{error}");
        let error = parse_when("2026-12-24T17:00:00").unwrap_err();
        assert!(error.contains("no offset from UTC"), "{error}");
        let error = parse_when("tomorrow").unwrap_err();
        assert!(
            error.contains("72h") && error.contains("RFC 3339"),
            "{error}"
        );
        assert!(!error.contains("tomorrow"), "{error}");
        for bad in [
            "2000-13-01",
            "2023-02-29T10:00",
            "2024-02-30",
            "7w",
            "",
            "-7d",
        ] {
            assert!(parse_when(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn birth_dates_must_exist() {
        assert!(parse_birth_date("2024-02-29").is_ok());
        assert_eq!(
            parse_birth_date("2023-02-29"),
            Err("names a day that its month does not have".to_string())
        );
    }

    #[test]
    fn fields() {
        let f = parse_field("sim_status=active=yes").unwrap();
        assert_eq!(
            (f.name.as_str(), f.value.as_str()),
            ("sim_status", "active=yes")
        );
        assert_eq!(f.subject, 0);
        assert!(parse_field("no-equals").is_err());
        assert!(parse_field("=value").is_err());
        // A subject position before the name; the value may hold `:`.
        let f = parse_field("2:kyc_name=Somchai: via exchange").unwrap();
        assert_eq!(
            (f.subject, f.name.as_str(), f.value.as_str()),
            (2, "kyc_name", "Somchai: via exchange")
        );
        let f = parse_field("exchange_name=a:b").unwrap();
        assert_eq!((f.subject, f.value.as_str()), (0, "a:b"));
        for bad in ["x:kyc_name=a", "-1:kyc_name=a", ":kyc_name=a", "2:=a"] {
            assert!(parse_field(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_texts_come_inline_or_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.txt");
        std::fs::write(&path, "Line one\nLine two: ünïcode\r\n").unwrap();
        assert_eq!(
            long_text(None, Some(&path), "--summary-file").unwrap(),
            "Line one\nLine two: ünïcode"
        );
        assert_eq!(
            long_text(Some("inline"), None, "--summary-file").unwrap(),
            "inline"
        );
        assert_eq!(long_text(None, None, "--summary-file").unwrap(), "");

        let missing =
            long_text(None, Some(&dir.path().join("nope")), "--summary-file").unwrap_err();
        assert_eq!(missing.field.as_deref(), Some("--summary-file"));
        assert!(
            missing.message.starts_with("--summary-file: cannot read"),
            "{}",
            missing.message
        );

        std::fs::write(&path, [0xff, 0xfe, b'a']).unwrap();
        let binary = long_text(None, Some(&path), "--remarks-file").unwrap_err();
        assert!(
            binary.message.contains("is not UTF-8 text"),
            "{}",
            binary.message
        );

        std::fs::write(&path, vec![b'a'; 256 * 1024 + 1]).unwrap();
        let big = long_text(None, Some(&path), "--summary-file").unwrap_err();
        assert!(big.message.contains("more than 256 KiB"), "{}", big.message);
        std::fs::write(&path, vec![b'a'; 256 * 1024]).unwrap();
        assert_eq!(
            long_text(None, Some(&path), "--summary-file")
                .unwrap()
                .len(),
            256 * 1024
        );
    }
}
