//! Indicators: the values a hit/no-hit check is about, each of a kind and
//! in one normal form, so that the same number written two ways is the
//! same PRF input on both sides.
//!
//! Normal forms reuse the request subjects' checks
//! ([`liaison_proto::identifiers`]) where there is one:
//!
//! | kind | text accepted | normal form |
//! |---|---|---|
//! | `Phone` | E.164, any spacing | `+85512345678` |
//! | `BankAccount` | an IBAN, or `BIC/ACCOUNT` | `KH…` upper case, no spaces; `BIC/ACCOUNT` |
//! | `Wallet` | an address | hex (with or without `0x`): `0x` and lower case; others as given |
//! | `OnlineAccount` | `PLATFORM:handle` | `TELEGRAM:handle`, leading `@`s dropped, handle lower case |
//! | `Imei` | 15 digits, Luhn-checked | digits only |
//! | `IdentityDocument` | `CCC:NUMBER` | issuing country (alpha-3) and number, upper case, no spaces or hyphens |
//!
//! The PRF input is `"liaison-hit-input-v1" || kind || len(value) ||
//! value` (kind one byte, length two bytes big-endian): a phone number and
//! an account that happen to share their digits are different inputs.
//!
//! Errors name the kind and the rule, never the value.

use std::fmt;

use liaison_proto::domain::CountryCode;
use liaison_proto::identifiers;

use super::error::HitsError;

/// The label that starts every PRF input.
const INPUT_LABEL: &[u8] = b"liaison-hit-input-v1";

/// The longest normal form accepted, in bytes.
pub const MAX_VALUE_BYTES: usize = 160;

/// What an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndicatorKind {
    Phone,
    BankAccount,
    Wallet,
    OnlineAccount,
    Imei,
    IdentityDocument,
}

impl IndicatorKind {
    /// Every kind, in code order.
    pub const ALL: [IndicatorKind; 6] = [
        IndicatorKind::Phone,
        IndicatorKind::BankAccount,
        IndicatorKind::Wallet,
        IndicatorKind::OnlineAccount,
        IndicatorKind::Imei,
        IndicatorKind::IdentityDocument,
    ];

    /// The kind's byte in PRF inputs and sealed records. Fixed forever:
    /// changing one changes every PRF output.
    pub fn code(self) -> u8 {
        match self {
            IndicatorKind::Phone => 1,
            IndicatorKind::BankAccount => 2,
            IndicatorKind::Wallet => 3,
            IndicatorKind::OnlineAccount => 4,
            IndicatorKind::Imei => 5,
            IndicatorKind::IdentityDocument => 6,
        }
    }

    /// The kind with `code`, if there is one.
    pub fn from_code(code: u8) -> Option<IndicatorKind> {
        IndicatorKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind named `name` (as [`IndicatorKind::name`] writes it).
    pub fn from_name(name: &str) -> Option<IndicatorKind> {
        IndicatorKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kind's name, as errors and the integration's messages write it.
    pub fn name(self) -> &'static str {
        match self {
            IndicatorKind::Phone => "phone",
            IndicatorKind::BankAccount => "bank_account",
            IndicatorKind::Wallet => "wallet",
            IndicatorKind::OnlineAccount => "online_account",
            IndicatorKind::Imei => "imei",
            IndicatorKind::IdentityDocument => "identity_document",
        }
    }
}

impl fmt::Display for IndicatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A value of a kind, in its normal form. Its `Debug` shows only the kind.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Indicator {
    kind: IndicatorKind,
    value: String,
}

impl fmt::Debug for Indicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Indicator({}, <redacted>)", self.kind)
    }
}

impl Indicator {
    /// Checks `text` as a `kind` and puts it in its normal form (see the
    /// module's table).
    pub fn parse(kind: IndicatorKind, text: &str) -> Result<Indicator, HitsError> {
        let invalid = |rule: &str| HitsError::invalid(kind.name(), rule);
        let value = match kind {
            IndicatorKind::Phone => identifiers::phone(text).map_err(invalid)?,
            IndicatorKind::BankAccount => bank_account(text).map_err(invalid)?,
            IndicatorKind::Wallet => wallet(text).map_err(invalid)?,
            IndicatorKind::OnlineAccount => online_account(text).map_err(invalid)?,
            IndicatorKind::Imei => identifiers::imei(text).map_err(invalid)?,
            IndicatorKind::IdentityDocument => identity_document(text).map_err(invalid)?,
        };
        if value.len() > MAX_VALUE_BYTES {
            return Err(invalid("is longer than 160 bytes in its normal form"));
        }
        Ok(Indicator { kind, value })
    }

    /// A value this node checked with [`Indicator::parse`] and stored in
    /// its normal form, read back without parsing it again (parsing a
    /// million phone numbers costs seconds). A stored value that is not in
    /// normal form only fails to match.
    pub fn from_stored(kind: IndicatorKind, value: String) -> Indicator {
        Indicator { kind, value }
    }

    pub fn kind(&self) -> IndicatorKind {
        self.kind
    }

    /// The normal form. Personal data: never log it.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The bytes the PRF is evaluated on.
    pub fn prf_input(&self) -> Vec<u8> {
        let mut input = Vec::with_capacity(INPUT_LABEL.len() + 3 + self.value.len());
        input.extend_from_slice(INPUT_LABEL);
        input.push(self.kind.code());
        // At most MAX_VALUE_BYTES, checked in `parse`.
        let len = u16::try_from(self.value.len()).unwrap_or(u16::MAX);
        input.extend_from_slice(&len.to_be_bytes());
        input.extend_from_slice(self.value.as_bytes());
        input
    }
}

/// An IBAN, or a national account number with its bank's BIC as
/// `BIC/ACCOUNT`.
fn bank_account(text: &str) -> Result<String, &'static str> {
    match text.split_once('/') {
        None => identifiers::iban(text),
        Some((bic, number)) => {
            let bic = identifiers::bic(bic).map_err(
                |_| "must be an IBAN, or BIC/ACCOUNT with a BIC of 8 or 11 letters and digits",
            )?;
            let number = identifiers::account_number(number).map_err(
                |_| "must be an IBAN, or BIC/ACCOUNT with an account of 4 to 34 letters and digits",
            )?;
            Ok(format!("{bic}/{number}"))
        }
    }
}

/// A wallet address: hexadecimal addresses (EVM chains) with `0x` and in
/// lower case, whatever case they were written in; other addresses
/// (base58, bech32) as given, since base58 is case-sensitive.
fn wallet(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let is_hex = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit());
    // Hex only counts as hex with the prefix, or at the 40 digits of an
    // EVM address: a short all-digit base58 address stays as it is.
    if is_hex && (digits.len() != text.len() || digits.len() == 40) {
        return Ok(format!("0x{}", digits.to_ascii_lowercase()));
    }
    if (1..=128).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(text.to_string())
    } else {
        Err("must be an address of 1 to 128 letters and digits (hex with or without 0x)")
    }
}

/// `PLATFORM:handle`: a platform code from the subjects' list and a
/// handle, case-insensitive as on the platforms, without the `@`s it
/// starts with (every one: dropping only the first left `@@name` as
/// `@name`, which a second reading changed again, so that one account had
/// two forms; the subject fuzz target found it).
fn online_account(text: &str) -> Result<String, &'static str> {
    let (platform, handle) = text
        .split_once(':')
        .ok_or("must be PLATFORM:handle, e.g. TELEGRAM:name")?;
    let platform = identifiers::platform(platform)?;
    let handle = handle.trim();
    let handle = handle.trim_start_matches('@').to_lowercase();
    let ok = (1..=128).contains(&handle.len())
        && !handle.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(format!("{platform}:{handle}"))
    } else {
        Err("must have a handle of 1 to 128 bytes without spaces or control characters")
    }
}

/// `CCC:NUMBER`: the issuing country's ISO 3166-1 alpha-3 code and the
/// number, upper case, spaces and hyphens dropped.
fn identity_document(text: &str) -> Result<String, &'static str> {
    let (country, number) = text
        .split_once(':')
        .ok_or("must be COUNTRY:NUMBER, e.g. THA:AB1234567")?;
    let country: CountryCode = country
        .parse()
        .map_err(|_| "must start with the issuing country's alpha-3 code (COUNTRY:NUMBER)")?;
    let number: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if (1..=64).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(format!("{country}:{number}"))
    } else {
        Err("must have a number of 1 to 64 letters and digits (spaces and hyphens dropped)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: IndicatorKind, text: &str) -> String {
        Indicator::parse(kind, text).unwrap().value().to_string()
    }

    #[test]
    fn the_same_value_written_two_ways_is_one_input() {
        let a = Indicator::parse(IndicatorKind::Phone, "+855 12 345 678").unwrap();
        let b = Indicator::parse(IndicatorKind::Phone, "+85512345678").unwrap();
        assert_eq!(a.prf_input(), b.prf_input());
        assert_eq!(
            parse(IndicatorKind::BankAccount, "gb82 west 1234 5698 7654 32"),
            "GB82WEST12345698765432"
        );
        assert_eq!(
            parse(IndicatorKind::BankAccount, "deutdeff/001-2345 678"),
            "DEUTDEFF/0012345678"
        );
        assert_eq!(
            parse(
                IndicatorKind::Wallet,
                "0xAbCdEf0123456789abcdef0123456789ABCDEF01"
            ),
            parse(
                IndicatorKind::Wallet,
                "abcdef0123456789ABCDEF0123456789abcdef01"
            )
        );
        assert_eq!(
            parse(IndicatorKind::Wallet, "TXyz123BaseFiftyEight"),
            "TXyz123BaseFiftyEight"
        );
        assert_eq!(
            parse(IndicatorKind::OnlineAccount, "telegram:@Some_Name"),
            "TELEGRAM:some_name"
        );
        // Every leading `@` goes, so that the normal form reads back the
        // same; a handle of `@`s only is none.
        assert_eq!(
            parse(IndicatorKind::OnlineAccount, "telegram:@@(le"),
            "TELEGRAM:(le"
        );
        assert_eq!(
            parse(IndicatorKind::OnlineAccount, "TELEGRAM:(le"),
            "TELEGRAM:(le"
        );
        assert!(Indicator::parse(IndicatorKind::OnlineAccount, "telegram:@@").is_err());
        assert_eq!(
            parse(IndicatorKind::Imei, "49-015420-323751-8"),
            "490154203237518"
        );
        assert_eq!(
            parse(IndicatorKind::IdentityDocument, "tha:ab 123-4567"),
            "THA:AB1234567"
        );
    }

    #[test]
    fn kinds_separate_inputs() {
        // The same digits as an IMEI and as an identity document number.
        let imei = Indicator::parse(IndicatorKind::Imei, "490154203237518").unwrap();
        let doc = Indicator::parse(IndicatorKind::IdentityDocument, "THA:490154203237518").unwrap();
        assert_ne!(imei.prf_input(), doc.prf_input());
        assert_eq!(imei.prf_input()[INPUT_LABEL.len()], 5);
        for kind in IndicatorKind::ALL {
            assert_eq!(IndicatorKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(IndicatorKind::from_code(0), None);
    }

    #[test]
    fn refusals_name_the_kind_and_never_the_value() {
        for (kind, text) in [
            (IndicatorKind::Phone, "085512345678"),
            (IndicatorKind::BankAccount, "GB82WEST12345698765433"),
            (IndicatorKind::BankAccount, "DEUT1EFF/0012345678"),
            (IndicatorKind::Wallet, "0x12345678 9"),
            (IndicatorKind::OnlineAccount, "myspace:someone12345"),
            (IndicatorKind::OnlineAccount, "someone12345"),
            (IndicatorKind::Imei, "490154203237519"),
            (IndicatorKind::IdentityDocument, "XX:AB12345"),
        ] {
            let error = Indicator::parse(kind, text).unwrap_err().to_string();
            assert!(error.starts_with(kind.name()), "{error}");
            assert!(!error.contains("12345"), "{error}");
        }
        let debug = format!(
            "{:?}",
            Indicator::parse(IndicatorKind::Phone, "+85512345678")
        );
        assert!(!debug.contains("345"), "{debug}");
    }
}
