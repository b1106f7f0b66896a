//! Legal bases: the instruments a request is made under, as codes a request
//! carries (`legal_bases`) and a sharing agreement accepts per category; and
//! the provisions a request about a possible victim cites for the
//! non-punishment principle (`non_punishment`).
//!
//! Sources, for the titles and article numbers:
//! - United Nations Convention against Transnational Organized Crime
//!   (UNTOC), adopted by General Assembly resolution 55/25 of 15 November
//!   2000: art. 18 (Mutual legal assistance), art. 27 (Law enforcement
//!   cooperation).
//! - Protocol to Prevent, Suppress and Punish Trafficking in Persons,
//!   Especially Women and Children, supplementing UNTOC (same resolution).
//! - ASEAN Convention against Trafficking in Persons, Especially Women and
//!   Children (ACTIP), Kuala Lumpur, 21 November 2015. Art. 14(7): each
//!   Party shall, subject to its domestic laws, rules, regulations and
//!   policies, and in appropriate cases, consider not holding victims of
//!   trafficking in persons criminally or administratively liable for
//!   unlawful acts committed by them, if such acts are directly related to
//!   the acts of trafficking.
//! - Treaty on Mutual Legal Assistance in Criminal Matters (ASEAN), Kuala
//!   Lumpur, 29 November 2004.
//! - Council of Europe Convention on Cybercrime (Budapest Convention, ETS
//!   No. 185, 2001): art. 29 (Expedited preservation of stored computer
//!   data), art. 35 (24/7 Network).
//!
//! The last three bases are not instruments but the other grounds officers
//! name: a bilateral agreement (named in `legal_basis_reference`),
//! police-to-police cooperation, and reciprocity.
//!
//! The UN Trafficking Protocol has no express non-punishment provision, so
//! it is not offered as one: the non-punishment element cites ACTIP art.
//! 14(7), or the requesting country's own law (named in its reference).

/// `(code, title)`, in the order shown to officers.
pub const LEGAL_BASES: &[(&str, &str)] = &[
    (
        "UNTOC_ART_18",
        "UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)",
    ),
    (
        "UNTOC_ART_27",
        "UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)",
    ),
    (
        "UN_TIP_PROTOCOL",
        "UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
    ),
    (
        "ACTIP",
        "ASEAN Convention against Trafficking in Persons, Especially Women and Children",
    ),
    (
        "ASEAN_MLAT",
        "ASEAN Treaty on Mutual Legal Assistance in Criminal Matters",
    ),
    (
        "BUDAPEST_ART_29",
        "Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)",
    ),
    (
        "BUDAPEST_ART_35",
        "Convention on Cybercrime (Budapest), art. 35 (24/7 network)",
    ),
    (
        "BILATERAL",
        "A bilateral agreement between the two countries (named in the reference)",
    ),
    ("POLICE_COOPERATION", "Police-to-police cooperation"),
    ("RECIPROCITY", "Reciprocity"),
];

/// `(code, title)` of the provisions a non-punishment element may cite.
pub const NON_PUNISHMENT: &[(&str, &str)] = &[
    (
        "ACTIP_ART_14_7",
        "ACTIP art. 14(7): consider not holding victims of trafficking criminally or \
         administratively liable for unlawful acts directly related to their trafficking",
    ),
    (
        "NATIONAL_LAW",
        "The requesting country's own non-punishment provision (named in the reference)",
    ),
];

/// The codes a bilateral-agreement basis or a national-law citation must
/// name in their reference text.
pub const NEEDS_REFERENCE: &[&str] = &["BILATERAL", "NATIONAL_LAW"];

/// The most legal bases one request names: every code once.
pub const MAX_LEGAL_BASES: usize = LEGAL_BASES.len();

fn find(list: &'static [(&'static str, &'static str)], text: &str) -> Option<&'static str> {
    let wanted = text.trim().to_ascii_uppercase().replace('-', "_");
    list.iter()
        .find(|(code, _)| *code == wanted)
        .map(|(code, _)| *code)
}

/// A legal basis code in its normal form (upper case, `_` for `-`), if it
/// is in [`LEGAL_BASES`]; else the rule, never the text given.
pub fn legal_basis(text: &str) -> Result<&'static str, String> {
    find(LEGAL_BASES, text).ok_or_else(|| {
        format!(
            "is not a legal basis Liaison knows (one of: {})",
            codes(LEGAL_BASES)
        )
    })
}

/// A non-punishment provision's code in its normal form, if it is in
/// [`NON_PUNISHMENT`]; else the rule, never the text given.
pub fn non_punishment(text: &str) -> Result<&'static str, String> {
    find(NON_PUNISHMENT, text).ok_or_else(|| {
        format!(
            "is not a non-punishment provision Liaison knows (one of: {})",
            codes(NON_PUNISHMENT)
        )
    })
}

fn codes(list: &[(&str, &str)]) -> String {
    list.iter()
        .map(|(code, _)| *code)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The title of a legal basis or non-punishment code.
pub fn title(code: &str) -> Option<&'static str> {
    LEGAL_BASES
        .iter()
        .chain(NON_PUNISHMENT)
        .find(|(known, _)| *known == code)
        .map(|(_, title)| *title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_read_in_any_case() {
        let mut all: Vec<&str> = LEGAL_BASES
            .iter()
            .chain(NON_PUNISHMENT)
            .map(|(code, _)| *code)
            .collect();
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
        assert_eq!(legal_basis("untoc-art-27"), Ok("UNTOC_ART_27"));
        assert_eq!(non_punishment("actip_art_14_7"), Ok("ACTIP_ART_14_7"));
        assert!(title("ACTIP_ART_14_7").unwrap().contains("14(7)"));
    }

    #[test]
    fn unknown_codes_are_refused_without_repeating_them() {
        let error = legal_basis("SECRET-TREATY").unwrap_err();
        assert!(!error.contains("SECRET"), "{error}");
        assert!(error.contains("ACTIP"));
        // The Trafficking Protocol is a legal basis, not a non-punishment
        // provision: it has none.
        assert!(non_punishment("UN_TIP_PROTOCOL").is_err());
        for code in NEEDS_REFERENCE {
            assert!(title(code).is_some());
        }
    }
}
