//! Checks common to every message: lengths, text, identifiers, countries,
//! times, dates, and [`ConversionError`], which names the field and rule.

use crate::domain::CountryCode;

/// Longest free text (summary, remarks, explanations), in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Longest name-like value (person, company, agency, user), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Most fields one answer may release.
pub const MAX_FIELDS: usize = 64;

/// A protobuf value that does not make a valid domain value: the field and
/// the rule it breaks. It never holds the value itself, which may be
/// personal data, so that it can be logged and audited as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
pub struct ConversionError {
    /// Dotted path of the offending field, e.g. `subject.phone.number`.
    pub field: String,
    /// The rule the value breaks, without the value.
    pub problem: String,
}

impl ConversionError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ConversionError {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// The same error, with its field path placed under `parent`.
    pub fn within(self, parent: &str) -> Self {
        ConversionError {
            field: format!("{parent}.{}", self.field),
            problem: self.problem,
        }
    }
}

pub(super) type Result<T> = std::result::Result<T, ConversionError>;

/// Checks free text: at most `max` characters, and no control characters
/// other than newline and tab when `multiline`.
pub fn text(field: &str, value: &str, max: usize, multiline: bool) -> Result<String> {
    let chars = value.chars().count();
    if chars > max {
        return Err(ConversionError::new(
            field,
            format!("is {chars} characters long, at most {max} allowed"),
        ));
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if let Some(c) = value.chars().find(|&c| c.is_control() && !allowed(c)) {
        return Err(ConversionError::new(
            field,
            format!("contains the control character U+{:04X}", c as u32),
        ));
    }
    Ok(value.to_string())
}

/// Like [`text`], and also refuses an empty or blank value.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    text(field, value, max, false)
}

/// Checks a UUID in its canonical lower-case hyphenated form.
pub fn uuid(field: &str, value: &str) -> Result<String> {
    let groups: Vec<&str> = value.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let hex = groups.iter().all(|g| {
        g.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if value.is_empty() {
        Err(ConversionError::new(field, "is required"))
    } else if lengths == [8, 4, 4, 4, 12] && hex {
        Ok(value.to_string())
    } else {
        Err(ConversionError::new(
            field,
            "is not a lower-case UUID (8-4-4-4-12 hexadecimal digits)",
        ))
    }
}

/// Checks an ISO 3166-1 alpha-3 country code, in either case, and
/// normalises it to upper case.
pub fn country(field: &str, value: &str) -> Result<CountryCode> {
    if value.is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    value
        .parse()
        .map_err(|e: crate::domain::BadCountryCode| ConversionError::new(field, e.to_string()))
}

pub(super) fn optional_country(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        Ok(String::new())
    } else {
        country(field, value).map(String::from)
    }
}

pub(super) fn timestamp(field: &str, value: i64) -> Result<i64> {
    if value <= 0 {
        Err(ConversionError::new(
            field,
            "must be a positive Unix time in milliseconds",
        ))
    } else {
        Ok(value)
    }
}

pub(super) fn date(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        return Ok(String::new());
    }
    crate::time::parse_date(value)
        .map(|_| value.to_string())
        .map_err(|rule| ConversionError::new(field, rule))
}

pub(super) fn identifier(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    if value.is_empty() {
        return if required {
            Err(ConversionError::new(field, "is required"))
        } else {
            Ok(String::new())
        };
    }
    let ok = value.len() <= max
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_/. ".contains(&b));
    if ok {
        Ok(value.to_string())
    } else {
        Err(ConversionError::new(
            field,
            format!("must be 1 to {max} letters, digits, spaces or - _ / ."),
        ))
    }
}
