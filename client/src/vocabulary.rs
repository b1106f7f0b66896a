//! The closed vocabularies the command line takes (categories, purposes,
//! statuses, refusal reasons, handling codes): what each value means, and a
//! clap value parser that lists them in `--help` and reads them by the
//! domain's own rule (`FromStr` in `liaison_proto::domain`: any case, `-`
//! for `_`, blanks around ignored), the rule country codes follow too.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use liaison_proto::domain::{
    Category, HandlingCode, Purpose, RefusalReason, RequestStatus, VictimStatus,
};

/// A domain enumeration as the command line offers it.
pub trait Term: FromStr + Copy + Send + Sync + 'static {
    /// Every value, in the order `--help` lists them.
    fn all() -> &'static [Self];
    /// The value's name, as the node and the docs spell it.
    fn name(self) -> &'static str;
    /// What the value means, in one line.
    fn meaning(self) -> &'static str;
}

impl Term for Category {
    fn all() -> &'static [Self] {
        Category::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            Category::PersonCheck => {
                "is this person known to you: identity, record, wanted status (--person)"
            }
            Category::PhoneCheck => "who holds this phone number, and since when (--phone)",
            Category::WalletTrace => {
                "who is behind this crypto-currency address, where its funds went (--wallet)"
            }
            Category::CompanyCheck => "who registered, runs and owns this company (--company)",
            Category::VictimIdentification => {
                "identify a possible victim of trafficking, e.g. a rescued person (--person)"
            }
            Category::EvidencePreservation => {
                "preserve records or data until a formal request follows"
            }
            Category::CaseNotification => "tell the other country of a case that concerns it",
        }
    }
}

impl Term for VictimStatus {
    fn all() -> &'static [Self] {
        VictimStatus::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            VictimStatus::Confirmed => "the competent authority identified the person as a victim",
            VictimStatus::Withdrawn => {
                "the indication that the person may be a victim is withdrawn"
            }
        }
    }
}

impl Term for Purpose {
    fn all() -> &'static [Self] {
        Purpose::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            Purpose::Investigation => "for a criminal investigation under way",
            Purpose::Prosecution => "for a prosecution or trial",
            Purpose::VictimAssistance => "to protect, assist or bring home a victim",
            Purpose::Intelligence => "for criminal intelligence, not as evidence",
        }
    }
}

impl Term for RequestStatus {
    fn all() -> &'static [Self] {
        RequestStatus::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            RequestStatus::Submitted => "accepted by this node, not yet delivered to the peer",
            RequestStatus::Sent => "delivered: the peer's receipt is held",
            RequestStatus::Received => "received from a peer, not yet routed to an agency",
            RequestStatus::Assigned => "routed to an agency, waiting for its answer",
            RequestStatus::Answered => "answered with the fields released (final)",
            RequestStatus::Refused => "refused, with a reason (final)",
            RequestStatus::Withdrawn => "withdrawn by the country that sent it (final)",
            RequestStatus::Expired => "its deadline passed without an answer (final)",
            RequestStatus::Undeliverable => "the peer refused its delivery for good (final)",
        }
    }
}

impl Term for RefusalReason {
    fn all() -> &'static [Self] {
        RefusalReason::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            RefusalReason::NoCompetentAgency => "no agency of this country handles this category",
            RefusalReason::InsufficientInformation => {
                "the request lacks what is needed to act on it"
            }
            RefusalReason::NoLegalBasis => "this country's law gives no basis to act on it",
            RefusalReason::PrejudiceToProceedings => {
                "answering would prejudice an investigation or proceeding under way"
            }
            RefusalReason::OutsideAgreement => "the request falls outside the sharing agreement",
            RefusalReason::RequiresMutualLegalAssistance => {
                "it must go through formal mutual legal assistance"
            }
            RefusalReason::DeadlinePassed => "the deadline passed before an answer could be given",
            RefusalReason::Other => "another reason, given with --explanation",
        }
    }
}

impl Term for HandlingCode {
    fn all() -> &'static [Self] {
        HandlingCode::ALL
    }
    fn name(self) -> &'static str {
        self.as_str()
    }
    fn meaning(self) -> &'static str {
        match self {
            HandlingCode::IntelligenceOnly => "for intelligence only; not to be produced in court",
            HandlingCode::EvidenceWithConsent => {
                "usable as evidence once the answering country consents"
            }
            HandlingCode::NoOnwardSharing => {
                "not to be passed to any third country or agency outside the requester"
            }
            HandlingCode::VictimProtected => {
                "about a possible victim: no onward transfer, never evidence against that person, \
                 the shortest retention"
            }
        }
    }
}

/// The one value whose name holds what was given (in any case, `-` for
/// `_`), to suggest: `phone` suggests `PHONE_CHECK`.
fn suggestion<T: Term>(given: &str) -> Option<&'static str> {
    let wanted = given.trim().to_ascii_uppercase().replace('-', "_");
    if wanted.is_empty() {
        return None;
    }
    let mut matching = T::all().iter().filter(|t| t.name().contains(&wanted));
    match (matching.next(), matching.next()) {
        (Some(one), None) => Some(one.name()),
        _ => None,
    }
}

/// Reads a [`Term`] by the domain's rule and offers its values, each with
/// its meaning, to clap's help and error messages.
#[derive(Debug)]
pub struct Vocabulary<T>(PhantomData<fn() -> T>);

impl<T> Vocabulary<T> {
    pub fn new() -> Self {
        Vocabulary(PhantomData)
    }
}

impl<T> Clone for Vocabulary<T> {
    fn clone(&self) -> Self {
        Vocabulary::new()
    }
}

impl<T: Term> TypedValueParser for Vocabulary<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        text.parse::<T>().map_err(|_| {
            let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            let arg = arg.map_or_else(|| "...".to_string(), ToString::to_string);
            error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
            error.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.to_string()),
            );
            error.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(T::all().iter().map(|t| t.name().to_string()).collect()),
            );
            if let Some(suggestion) = suggestion::<T>(&text) {
                error.insert(
                    ContextKind::SuggestedValue,
                    ContextValue::String(suggestion.to_string()),
                );
            }
            error
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::all()
                .iter()
                .map(|t| PossibleValue::new(t.name()).help(t.meaning())),
        ))
    }
}

/// The long help of `request send --want`: the response fields of every
/// category, from the catalogue the node checks them against.
pub fn want_help() -> String {
    let mut help = String::from(
        "A response field you ask for; repeat for several (--want subscriber_name --want \
         sim_status). Without --want, the request asks for every field this node's agreement \
         with the peer accepts for the category. The fields of each category:\n",
    );
    for category in Category::ALL {
        help.push_str(&format!(
            "\n  {}: {}",
            category.as_str(),
            category.response_fields().join(", ")
        ));
    }
    help
}

/// `--offence`'s long help: every ICCS code Liaison knows, with its title,
/// indented by level.
pub fn offence_help() -> String {
    let mut help = String::from(
        "UNODC ICCS offence code, e.g. 0204 for trafficking in persons; repeat for several \
         offences, the main one first (e.g. --offence 0204 --offence 0701, fraud, for forced \
         criminality in a scam compound). Only the codes below are accepted: Liaison's ICCS \
         list (proto/data/iccs.tsv), a sourced subset of the classification (ICCS 1.0, UNODC \
         2015). The codes:\n",
    );
    for entry in liaison_proto::iccs::entries() {
        let indent = " ".repeat(entry.code.len().saturating_sub(2));
        help.push_str(&format!("\n  {indent}{}  {}", entry.code, entry.title));
    }
    help
}

/// `--legal-basis`'s long help: every code with its title.
pub fn legal_basis_help() -> String {
    code_list_help(
        "A legal basis the request is made under; repeat for several (--legal-basis ACTIP \
         --legal-basis UNTOC_ART_27). An agreement's rule may accept only some bases for a \
         category; `liaison policy show` lists them. BILATERAL needs --legal-basis-reference. \
         The bases:",
        liaison_proto::legal::LEGAL_BASES,
    )
}

/// `--non-punishment`'s long help.
pub fn non_punishment_help() -> String {
    code_list_help(
        "For a request about a possible victim (VICTIM_IDENTIFICATION, or a POSSIBLE_VICTIM \
         subject): the provision the request cites for the non-punishment principle, which the \
         receiving officer sees first. Default: the node's own ([node] non_punishment). \
         NATIONAL_LAW needs --non-punishment-reference. The provisions:",
        liaison_proto::legal::NON_PUNISHMENT,
    )
}

fn code_list_help(intro: &str, codes: &[(&str, &str)]) -> String {
    let mut help = intro.to_string();
    help.push('\n');
    for (code, title) in codes {
        help.push_str(&format!("\n  {code}: {title}"));
    }
    help
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Probe {
        #[arg(long, value_parser = Vocabulary::<Category>::new())]
        category: Category,
    }

    #[test]
    fn values_are_read_in_any_case_as_the_domain_reads_them() {
        for given in ["PHONE_CHECK", "phone_check", "Phone-Check", " phone_check "] {
            let probe = Probe::try_parse_from(["probe", "--category", given]).unwrap();
            assert_eq!(probe.category, Category::PhoneCheck, "{given}");
        }
        let error = Probe::try_parse_from(["probe", "--category", "phone"]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidValue);
        let text = error.to_string();
        assert!(text.contains("--category"), "{text}");
        assert!(text.contains("PHONE_CHECK, WALLET_TRACE"), "{text}");
        assert!(
            text.contains("a similar value exists: 'PHONE_CHECK'"),
            "{text}"
        );
        // "check" is in several names: nothing is suggested.
        let error = Probe::try_parse_from(["probe", "--category", "check"]).unwrap_err();
        assert!(!error.to_string().contains("similar"), "{error}");
    }

    #[test]
    fn every_value_has_a_one_line_meaning() {
        fn check<T: Term>() {
            for term in T::all() {
                let meaning = term.meaning();
                assert!(!meaning.is_empty() && !meaning.contains('\n'));
                assert_eq!(
                    term.name().parse::<T>().ok().map(|t| t.name()),
                    Some(term.name())
                );
            }
        }
        check::<Category>();
        check::<Purpose>();
        check::<RequestStatus>();
        check::<RefusalReason>();
        check::<HandlingCode>();
    }

    #[test]
    fn the_want_help_names_every_field_of_every_category() {
        let help = want_help();
        for category in Category::ALL {
            assert!(help.contains(category.as_str()));
            for field in category.response_fields() {
                assert!(help.contains(field), "{field}");
            }
        }
    }

    #[test]
    fn offence_and_legal_basis_help_list_each_code_with_its_title() {
        let offences = offence_help();
        assert!(
            offences.contains("\n    0204  Trafficking in persons"),
            "{offences}"
        );
        assert!(offences.contains("\n  07  "), "{offences}");
        assert_eq!(
            offences.matches("\n  ").count(),
            liaison_proto::iccs::entries().len()
        );
        let bases = legal_basis_help();
        assert!(bases.contains("\n  ACTIP: ASEAN Convention against Trafficking in Persons"));
        assert!(non_punishment_help().contains("\n  ACTIP_ART_14_7: ACTIP art. 14(7)"));
    }
}
