//! The identifiers cross-border cases are about, checked and put in one
//! normal form at the edge, so that the same account or device is written
//! the same way by every country: bank accounts (IBAN, ISO 13616, with its
//! mod-97 check; or a national account number with the bank's BIC, ISO
//! 9362), device IMEIs (15 digits with the Luhn check digit, 3GPP TS
//! 23.003), phone numbers (E.164, parsed with the `phonenumber` crate's
//! copy of libphonenumber's metadata, per country), online-account
//! platforms from a code list, and IP addresses.
//!
//! Each check returns the normal form, or the rule the text breaks, never
//! the text itself: a refusal can be logged and audited as it is.

use std::net::IpAddr;
use std::str::FromStr as _;

/// Normalises an IBAN: spaces removed, letters in upper case; then 15 to 34
/// characters, a country code of two letters, two check digits, letters and
/// digits only, and the ISO 7064 mod-97 remainder 1. (The length each
/// country prescribes is not checked: that needs the IBAN registry.)
pub fn iban(text: &str) -> Result<String, &'static str> {
    let iban: String = text
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(15..=34).contains(&iban.len()) {
        return Err("must be an IBAN of 15 to 34 letters and digits");
    }
    let bytes = iban.as_bytes();
    if !bytes[..2].iter().all(u8::is_ascii_uppercase)
        || !bytes[2..4].iter().all(u8::is_ascii_digit)
        || !bytes.iter().all(u8::is_ascii_alphanumeric)
    {
        return Err(
            "must be an IBAN: two letters of country, two check digits, then letters and digits",
        );
    }
    // Move the first four characters to the end; letters count as 10 to 35.
    let mut remainder: u32 = 0;
    for b in bytes[4..].iter().chain(&bytes[..4]) {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        let width = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * width + value) % 97;
    }
    if remainder == 1 {
        Ok(iban)
    } else {
        Err("fails the IBAN check digits (ISO 7064 mod 97)")
    }
}

/// Normalises a BIC (ISO 9362): upper case; four letters of bank, two of
/// country, two letters or digits of location, and an optional branch of
/// three.
pub fn bic(text: &str) -> Result<String, &'static str> {
    let bic = text.trim().to_ascii_uppercase();
    let b = bic.as_bytes();
    let ok = matches!(b.len(), 8 | 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(bic)
    } else {
        Err("must be a BIC: 8 or 11 letters and digits (bank, country, location, branch)")
    }
}

/// A national bank account number: 4 to 34 letters, digits, spaces or
/// hyphens, kept without spaces and hyphens.
pub fn account_number(text: &str) -> Result<String, &'static str> {
    let number: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if (4..=34).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(number)
    } else {
        Err("must be 4 to 34 letters and digits (spaces and hyphens are dropped)")
    }
}

/// An IMEI: 15 digits (spaces and hyphens dropped) whose last is the Luhn
/// check digit of the first 14.
pub fn imei(text: &str) -> Result<String, &'static str> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if digits.len() != 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("must be an IMEI of 15 digits");
    }
    if luhn_valid(&digits) {
        Ok(digits)
    } else {
        Err("fails the IMEI check digit (Luhn)")
    }
}

/// The Luhn check over ASCII digits: doubling every second digit from the
/// right, the sum is a multiple of 10.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A phone number in E.164 form (`+` and country code), checked against
/// the numbering plan of its country: a number that cannot exist there is
/// refused. Written as `+CC...` with no spaces.
pub fn phone(text: &str) -> Result<String, &'static str> {
    if !text.trim_start().starts_with('+') {
        return Err("must start with + and the country code (E.164)");
    }
    let number = phonenumber::parse(None, text)
        .map_err(|_| "is not a phone number (E.164: + country code and number)")?;
    if !phonenumber::is_valid(&number) {
        return Err("is not a valid number in its country's numbering plan");
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// Loads the phone numbering plans (about 0.2 s the first time), so that
/// the first request a node checks is not the one that waits for it.
pub fn load_numbering_plans() {
    let _ = phonenumber::parse(None, "+66812345678");
}

/// An IP address in its canonical text form (IPv6 compressed, lower case).
pub fn ip_address(text: &str) -> Result<String, &'static str> {
    IpAddr::from_str(text.trim())
        .map(|ip| ip.to_string())
        .map_err(|_| "must be an IPv4 or IPv6 address")
}

/// The online platforms an account can be named on: Liaison's own code
/// list (not a standard), with `OTHER` for the rest. Codes are upper case.
pub const PLATFORMS: &[(&str, &str)] = &[
    ("FACEBOOK", "Facebook / Messenger"),
    ("INSTAGRAM", "Instagram"),
    ("KAKAOTALK", "KakaoTalk"),
    ("LINE", "LINE"),
    ("SIGNAL", "Signal"),
    ("TELEGRAM", "Telegram"),
    ("TIKTOK", "TikTok"),
    ("VIBER", "Viber"),
    ("WECHAT", "WeChat"),
    ("WHATSAPP", "WhatsApp"),
    ("X", "X (Twitter)"),
    ("ZALO", "Zalo"),
    ("OTHER", "another platform, named in the handle"),
];

/// An online platform's code, from [`PLATFORMS`].
pub fn platform(text: &str) -> Result<String, &'static str> {
    let code = text.trim().to_ascii_uppercase();
    if PLATFORMS.iter().any(|(known, _)| *known == code) {
        Ok(code)
    } else {
        Err(
            "must be a platform code: FACEBOOK, INSTAGRAM, KAKAOTALK, LINE, SIGNAL, TELEGRAM, \
             TIKTOK, VIBER, WECHAT, WHATSAPP, X, ZALO or OTHER",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_pass_mod_97_and_are_normalised() {
        // The example IBANs published with ISO 13616 (GB) and by the
        // German banks (DE).
        assert_eq!(
            iban("GB82 WEST 1234 5698 7654 32"),
            Ok("GB82WEST12345698765432".into())
        );
        assert_eq!(
            iban("de89370400440532013000"),
            Ok("DE89370400440532013000".into())
        );
        // One digit changed, two swapped.
        assert_eq!(
            iban("GB82WEST12345698765433"),
            Err("fails the IBAN check digits (ISO 7064 mod 97)")
        );
        assert!(iban("GB82WEST12345698765423").is_err());
        assert!(iban("GB82").is_err());
        assert!(iban("1282WEST12345698765432").is_err());
        assert!(iban("GB82WEST1234569876543!").is_err());
    }

    #[test]
    fn imeis_pass_luhn() {
        // The IMEI of the Luhn example in 3GPP-based references.
        assert_eq!(imei("49-015420-323751-8"), Ok("490154203237518".into()));
        assert_eq!(
            imei("490154203237519"),
            Err("fails the IMEI check digit (Luhn)")
        );
        assert!(imei("49015420323751").is_err());
        assert!(imei("49015420323751a").is_err());
    }

    #[test]
    fn phone_numbers_are_checked_against_their_countrys_plan() {
        // A Cambodian mobile number, written with spaces.
        assert_eq!(phone("+855 12 345 678"), Ok("+85512345678".into()));
        // A Thai mobile number.
        assert_eq!(phone("+66 81 234 5678"), Ok("+66812345678".into()));
        assert!(phone("085512345678").is_err());
        assert!(phone("+855 1").is_err());
        assert!(phone("+999 12345678").is_err());
        assert!(phone("not a number").is_err());
    }

    #[test]
    fn bics_accounts_platforms_and_addresses() {
        assert_eq!(bic("deutdeff"), Ok("DEUTDEFF".into()));
        assert_eq!(bic("DEUTDEFF500"), Ok("DEUTDEFF500".into()));
        assert!(bic("DEUT1EFF").is_err());
        assert!(bic("DEUTDEF").is_err());
        assert_eq!(account_number("001-2345 678"), Ok("0012345678".into()));
        assert!(account_number("12").is_err());
        assert_eq!(platform("telegram"), Ok("TELEGRAM".into()));
        assert!(platform("myspace").is_err());
        assert_eq!(ip_address(" 203.0.113.7 "), Ok("203.0.113.7".into()));
        assert_eq!(ip_address("2001:DB8::1"), Ok("2001:db8::1".into()));
        assert!(ip_address("300.1.1.1").is_err());
    }

    #[test]
    fn no_rule_repeats_the_value() {
        for (value, rule) in [
            ("GB82WEST12345698765433", iban("GB82WEST12345698765433")),
            ("490154203237519", imei("490154203237519")),
            ("+999 12345678", phone("+999 12345678")),
        ] {
            let rule = rule.unwrap_err();
            assert!(!rule.contains(value) && !rule.contains("12345"), "{rule}");
        }
    }
}
