//! Trafficking indicators: what an officer saw that makes a person a
//! possible victim, as codes a request carries for a `POSSIBLE_VICTIM`
//! person and the audit log records (the codes, never who).
//!
//! Sources. The first eleven are the ILO Indicators of Forced Labour
//! (International Labour Office, Special Action Programme to Combat Forced
//! Labour, 2012), in the booklet's order and words: abuse of vulnerability;
//! deception; restriction of movement; isolation; physical and sexual
//! violence; intimidation and threats; retention of identity documents;
//! withholding of wages; debt bondage; abusive working and living
//! conditions; excessive overtime. The codes are Liaison's spelling of
//! those titles, not ILO codes (the ILO numbers none).
//!
//! The last three are Liaison's own, not from a standard: signs of forced
//! criminality the field reports behind Liaison describe in scam compounds
//! (`shared/seeds/`). They are labelled as such wherever they are shown.

/// `(code, title, ILO indicator)`.
pub const INDICATORS: &[(&str, &str, bool)] = &[
    ("ABUSE_OF_VULNERABILITY", "Abuse of vulnerability", true),
    ("DECEPTION", "Deception", true),
    ("RESTRICTION_OF_MOVEMENT", "Restriction of movement", true),
    ("ISOLATION", "Isolation", true),
    (
        "PHYSICAL_AND_SEXUAL_VIOLENCE",
        "Physical and sexual violence",
        true,
    ),
    ("INTIMIDATION_AND_THREATS", "Intimidation and threats", true),
    (
        "RETENTION_OF_IDENTITY_DOCUMENTS",
        "Retention of identity documents",
        true,
    ),
    ("WITHHOLDING_OF_WAGES", "Withholding of wages", true),
    ("DEBT_BONDAGE", "Debt bondage", true),
    (
        "ABUSIVE_WORKING_AND_LIVING_CONDITIONS",
        "Abusive working and living conditions",
        true,
    ),
    ("EXCESSIVE_OVERTIME", "Excessive overtime", true),
    (
        "FORCED_ONLINE_FRAUD",
        "Forced to commit online fraud (scams) under threat (Liaison's own indicator)",
        false,
    ),
    (
        "QUOTAS_WITH_PUNISHMENT",
        "Fraud quotas enforced with punishment (Liaison's own indicator)",
        false,
    ),
    (
        "SOLD_BETWEEN_COMPOUNDS",
        "Sold or transferred between compounds (Liaison's own indicator)",
        false,
    ),
];

/// The most indicators one person carries: every code once.
pub const MAX_INDICATORS: usize = INDICATORS.len();

/// An indicator's code in its normal form (upper case, `_` for `-`), if it
/// is in [`INDICATORS`]; else the rule, never the text given.
pub fn indicator(text: &str) -> Result<&'static str, &'static str> {
    let wanted = text.trim().to_ascii_uppercase().replace('-', "_");
    INDICATORS
        .iter()
        .find(|(code, _, _)| *code == wanted)
        .map(|(code, _, _)| *code)
        .ok_or("is not a trafficking indicator Liaison knows (see proto/src/victims.rs)")
}

/// The title of an indicator code.
pub fn title(code: &str) -> Option<&'static str> {
    INDICATORS
        .iter()
        .find(|(known, _, _)| *known == code)
        .map(|(_, title, _)| *title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleven_ilo_indicators_come_first_and_codes_are_unique() {
        let ilo: Vec<&str> = INDICATORS
            .iter()
            .filter(|(_, _, ilo)| *ilo)
            .map(|(code, _, _)| *code)
            .collect();
        assert_eq!(ilo.len(), 11);
        assert!(INDICATORS[..11].iter().all(|(_, _, ilo)| *ilo));
        let mut codes: Vec<&str> = INDICATORS.iter().map(|(code, _, _)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), INDICATORS.len());
        // Liaison's own are labelled as such.
        for (_, title, ilo) in INDICATORS {
            assert_eq!(!ilo, title.contains("Liaison's own"), "{title}");
        }
    }

    #[test]
    fn indicators_are_read_in_any_case_and_unknown_ones_refused() {
        assert_eq!(indicator("debt-bondage"), Ok("DEBT_BONDAGE"));
        assert!(indicator("tired").is_err());
        assert_eq!(title("DECEPTION"), Some("Deception"));
    }
}
