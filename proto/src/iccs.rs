//! Titles of the UNODC International Classification of Crime for
//! Statistical Purposes (ICCS) codes Liaison shows by name.
//!
//! Source: UNODC, *International Classification of Crime for Statistical
//! Purposes (ICCS), Version 1.0*, March 2015, Section 02 (acts against the
//! person: 0203, 0204 and its subdivisions), Section 07 (fraud, proceeds of
//! crime), Section 08 (smuggling of migrants) and Section 09 (acts against
//! computer systems, organised crime). The list holds only the codes that
//! cross-border trafficking and scam-compound cases use; a code that is not
//! in it is still accepted if it has the shape of an ICCS code, and shown
//! without a title. Validating every code against the whole classification
//! is a later step (issue 17).

/// `(code, title)` for the codes Liaison knows by name, in code order.
pub const TITLES: &[(&str, &str)] = &[
    ("0203", "Slavery and exploitation"),
    ("0204", "Trafficking in persons"),
    ("02041", "Trafficking in persons for sexual exploitation"),
    (
        "02042",
        "Trafficking in persons for forced labour or services",
    ),
    ("02043", "Trafficking in persons for organ removal"),
    ("02044", "Trafficking in persons for other purposes"),
    ("070112", "Financial fraud against natural or legal persons"),
    ("07041", "Money laundering"),
    ("08051", "Smuggling of migrants"),
    ("0903", "Acts against computer systems"),
    ("09051", "Participation in an organized criminal group"),
];

/// The title of an ICCS code, if Liaison knows it.
pub fn title(code: &str) -> Option<&'static str> {
    TITLES
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, title)| *title)
}

/// `0204 Trafficking in persons`, or the code alone when its title is not
/// in [`TITLES`].
pub fn describe(code: &str) -> String {
    match title(code) {
        Some(title) => format!("{code} {title}"),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_in_code_order_and_have_the_shape_of_codes() {
        let codes: Vec<&str> = TITLES.iter().map(|(code, _)| *code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
        for code in codes {
            assert!(code.parse::<crate::domain::OffenceCode>().is_ok(), "{code}");
        }
        assert_eq!(describe("0204"), "0204 Trafficking in persons");
        assert_eq!(describe("0101"), "0101");
    }
}
