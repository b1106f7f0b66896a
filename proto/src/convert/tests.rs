//! Unit tests of the conversions.

use super::check::*;
use crate::domain::*;
use crate::pb;

fn phone_request() -> pb::InformationRequest {
    pb::InformationRequest {
        request_id: "0b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
        from_country: "THA".into(),
        to_country: "KHM".into(),
        category: pb::Category::PhoneCheck as i32,
        purpose: pb::Purpose::Investigation as i32,
        offence_code: "0204".into(),
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Phone(pb::Phone {
                number: "+85512345678".into(),
            })),
            role: pb::SubjectRole::Suspect as i32,
        }),
        more_subjects: vec![pb::Subject {
            kind: Some(pb::subject::Kind::OnlineAccount(pb::OnlineAccount {
                platform: "TELEGRAM".into(),
                handle: "@jobs_abroad".into(),
                user_id: "123456789".into(),
            })),
            role: pb::SubjectRole::Unknown as i32,
        }],
        case_reference: "TH-DSI-2026-0412".into(),
        case_id: "6a1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d".into(),
        summary: "Number used to recruit victims.".into(),
        deadline_unix_ms: 1_900_000_000_000,
        requested_by: "fp-tha".into(),
        created_unix_ms: 1_800_000_000_000,
        requested_fields: vec!["subscriber_name".into()],
        more_offence_codes: vec!["0701".into()],
        accepted_handling: pb::HandlingCode::IntelligenceOnly as i32,
        max_retention_days: 30,
        national_offence: Some(pb::NationalOffence {
            statute: "Criminal Code s. 312/1".into(),
            title: "Trafficking in persons".into(),
            title_en: "Trafficking in persons".into(),
        }),
        legal_bases: vec!["ACTIP".into(), "UNTOC_ART_27".into()],
        ..Default::default()
    }
}

#[test]
fn request_round_trips() {
    let pb_request = phone_request();
    let domain = InformationRequest::try_from(&pb_request).unwrap();
    assert_eq!(pb::InformationRequest::from(&domain), pb_request);
    // A request signed before roles existed reads as UNKNOWN.
    let mut old = phone_request();
    old.subject.as_mut().unwrap().role = 0;
    let domain = InformationRequest::try_from(&old).unwrap();
    assert_eq!(domain.subject_role, SubjectRole::Unknown);
    // A request without a national offence names none.
    let mut old = phone_request();
    old.national_offence = None;
    let domain = InformationRequest::try_from(&old).unwrap();
    assert_eq!(domain.national_offence, None);
}

#[test]
fn each_bad_field_is_named() {
    type Mutation = Box<dyn Fn(&mut pb::InformationRequest)>;
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "request_id",
            Box::new(|r| r.request_id = "not-a-uuid".into()),
        ),
        ("from_country", Box::new(|r| r.from_country = "th".into())),
        ("category", Box::new(|r| r.category = 0)),
        ("category", Box::new(|r| r.category = 99)),
        ("purpose", Box::new(|r| r.purpose = 0)),
        ("offence_code", Box::new(|r| r.offence_code = "9999".into())),
        ("offence_code", Box::new(|r| r.offence_code = "0106".into())),
        (
            "more_offence_codes[0]",
            Box::new(|r| r.more_offence_codes = vec!["070112".into()]),
        ),
        ("subject", Box::new(|r| r.subject = None)),
        (
            "subject.phone.number",
            Box::new(|r| {
                r.subject = Some(pb::Subject {
                    kind: Some(pb::subject::Kind::Phone(pb::Phone {
                        number: "12".into(),
                    })),
                    ..Default::default()
                })
            }),
        ),
        (
            "subject",
            Box::new(|r| {
                r.subject = Some(pb::Subject {
                    kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
                        network: "BTC".into(),
                        address: "bc1q".into(),
                    })),
                    ..Default::default()
                })
            }),
        ),
        (
            "summary",
            Box::new(|r| r.summary = "x".repeat(MAX_TEXT_CHARS + 1)),
        ),
        ("summary", Box::new(|r| r.summary = "bell\u{7}".into())),
        ("deadline_unix_ms", Box::new(|r| r.deadline_unix_ms = -5)),
        ("requested_by", Box::new(|r| r.requested_by = " ".into())),
        (
            "summary_language",
            Box::new(|r| r.summary_language = "not a tag".into()),
        ),
        (
            "summary_language",
            Box::new(|r| r.summary_language = "t".into()),
        ),
        (
            "summary_language",
            Box::new(|r| r.summary_language = "th-".into()),
        ),
        (
            "national_offence.statute",
            Box::new(|r| r.national_offence.as_mut().unwrap().statute = String::new()),
        ),
        (
            "national_offence.statute",
            Box::new(|r| r.national_offence.as_mut().unwrap().statute = "x".repeat(201)),
        ),
        (
            "national_offence.title",
            Box::new(|r| r.national_offence.as_mut().unwrap().title = "a\u{1b}[31m".into()),
        ),
        (
            "national_offence.title_en",
            Box::new(|r| r.national_offence.as_mut().unwrap().title_en = "two\nlines".into()),
        ),
    ];
    for (field, mutate) in cases {
        let mut r = phone_request();
        mutate(&mut r);
        let err = InformationRequest::try_from(&r).unwrap_err();
        assert_eq!(err.field, field, "{err}");
    }
}

#[test]
fn offence_codes() {
    for good in ["01", "0204", "02041", "110101"] {
        assert!(good.parse::<OffenceCode>().is_ok(), "{good}");
    }
    for bad in ["", "0", "00", "12", "0203x", "1234567", "2a"] {
        assert!(bad.parse::<OffenceCode>().is_err(), "{bad}");
    }
}

#[test]
fn offence_codes_in_requests_must_be_ones_liaison_knows() {
    for known in ["02", "0204", "02042", "0701", "1003"] {
        assert!(
            super::offence_code("offence_code", known).is_ok(),
            "{known}"
        );
    }
    // The shape of an ICCS code, but not in proto/data/iccs.tsv.
    let err = super::offence_codes(
        "offence_code",
        "0204",
        "more_offence_codes",
        &["070112".into()],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "field `more_offence_codes[0]`: is not an ICCS code Liaison knows (see proto/data/iccs.tsv)"
    );
    // A code without the shape keeps its own rule.
    let err = super::offence_code("offence_code", "12").unwrap_err();
    assert!(
        err.problem.starts_with("is not a UNODC ICCS offence code"),
        "{err}"
    );
}

#[test]
fn message_parties_must_match_content() {
    let m = pb::Message {
        message_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
        from: "VNM".into(),
        to: "KHM".into(),
        created_unix_ms: 1,
        nonce: vec![0; 16],
        content: Some(pb::message::Content::Request(phone_request())),
    };
    let err = Message::try_from(&m).unwrap_err();
    assert_eq!(err.field, "request");
}

#[test]
fn subject_debug_hides_personal_data() {
    let r = InformationRequest::try_from(&phone_request()).unwrap();
    let shown = format!("{r:?}");
    assert!(!shown.contains("+85512345678"), "{shown}");
    assert!(!shown.contains("recruit"), "{shown}");
}

/// A victim identification of a Vietnamese person flagged as a possible
/// victim, citing ACTIP art. 14(7).
fn victim_request() -> pb::InformationRequest {
    pb::InformationRequest {
        category: pb::Category::VictimIdentification as i32,
        to_country: "VNM".into(),
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Person(pb::Person {
                full_name: "Nguyen Van A".into(),
                nationality: "VNM".into(),
                indicators: vec!["DECEPTION".into()],
                ..Default::default()
            })),
            role: pb::SubjectRole::PossibleVictim as i32,
        }),
        more_subjects: Vec::new(),
        requested_fields: vec!["identity_confirmed".into()],
        non_punishment: Some(pb::NonPunishment {
            provision: "ACTIP_ART_14_7".into(),
            reference: String::new(),
        }),
        ..phone_request()
    }
}

fn refusal(request: &pb::InformationRequest) -> ConversionError {
    InformationRequest::try_from(request).unwrap_err()
}

#[test]
fn legal_bases_are_known_codes_given_once_and_bilateral_names_its_agreement() {
    let request = InformationRequest::try_from(&phone_request()).unwrap();
    assert_eq!(request.legal_bases, vec!["ACTIP", "UNTOC_ART_27"]);
    let back = pb::InformationRequest::from(&request);
    assert_eq!(InformationRequest::try_from(&back).unwrap(), request);

    let mut wire = phone_request();
    wire.legal_bases = vec!["ACTIP".into(), "actip".into()];
    assert_eq!(refusal(&wire).field, "legal_bases[1]");
    wire.legal_bases = vec!["TREATY_OF_SECRETS".into()];
    let error = refusal(&wire);
    assert_eq!(error.field, "legal_bases[0]");
    assert!(!error.problem.contains("SECRETS"), "{error}");
    wire.legal_bases = vec!["BILATERAL".into()];
    assert_eq!(refusal(&wire).field, "legal_basis_reference");
    wire.legal_basis_reference = "THA-KHM MOU (illustrative)".into();
    assert!(InformationRequest::try_from(&wire).is_ok());
    wire.legal_bases = vec!["ACTIP".into()];
    assert_eq!(refusal(&wire).field, "legal_basis_reference");
}

#[test]
fn a_request_about_a_possible_victim_carries_the_non_punishment_principle() {
    let request = InformationRequest::try_from(&victim_request()).unwrap();
    assert_eq!(
        request.non_punishment.as_ref().unwrap().provision,
        "ACTIP_ART_14_7"
    );
    let mut wire = victim_request();
    wire.non_punishment = None;
    assert_eq!(refusal(&wire).field, "non_punishment");
    // The Trafficking Protocol has no non-punishment provision to cite.
    wire.non_punishment = Some(pb::NonPunishment {
        provision: "UN_TIP_PROTOCOL".into(),
        reference: String::new(),
    });
    assert_eq!(refusal(&wire).field, "non_punishment.provision");
    wire.non_punishment = Some(pb::NonPunishment {
        provision: "NATIONAL_LAW".into(),
        reference: String::new(),
    });
    assert_eq!(refusal(&wire).field, "non_punishment.reference");
    // Not about a victim: no non-punishment element.
    let mut phone = phone_request();
    phone.non_punishment = victim_request().non_punishment;
    assert_eq!(refusal(&phone).field, "non_punishment");
}

#[test]
fn a_victim_status_notification_follows_a_request_and_goes_to_the_nationality() {
    let notification = || pb::InformationRequest {
        category: pb::Category::CaseNotification as i32,
        requested_fields: Vec::new(),
        victim_status: pb::VictimStatus::Confirmed as i32,
        follows_request_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
        ..victim_request()
    };
    let request = InformationRequest::try_from(&notification()).unwrap();
    assert_eq!(request.victim_status, Some(VictimStatus::Confirmed));
    let back = pb::InformationRequest::from(&request);
    assert_eq!(back.victim_status, pb::VictimStatus::Confirmed as i32);

    let mut wire = notification();
    wire.to_country = "IDN".into();
    assert_eq!(refusal(&wire).field, "subject.person.nationality");
    let mut wire = notification();
    wire.follows_request_id = String::new();
    assert_eq!(refusal(&wire).field, "follows_request_id");
    let mut wire = notification();
    wire.category = pb::Category::VictimIdentification as i32;
    wire.requested_fields = vec!["identity_confirmed".into()];
    assert_eq!(refusal(&wire).field, "victim_status");
    let mut wire = notification();
    wire.more_subjects = vec![phone_request().subject.unwrap()];
    assert_eq!(refusal(&wire).field, "more_subjects[0].role");
    let mut wire = notification();
    wire.victim_status = 9;
    assert_eq!(refusal(&wire).field, "victim_status");
}

fn field(subject: u32, name: &str, value: &str) -> pb::Field {
    pb::Field {
        name: name.into(),
        value: value.into(),
        subject,
    }
}

#[test]
fn fields_name_their_subject_and_repeat_only_across_subjects() {
    // The same name once per subject.
    let given = [
        field(0, "subscriber_name", "A"),
        field(1, "subscriber_name", "B"),
    ];
    let fields = super::fields("fields", &given).unwrap();
    assert_eq!(
        (fields[1].subject, fields[1].name.as_str()),
        (1, "subscriber_name")
    );
    assert_eq!(pb::Field::from(&fields[1]), given[1]);
    // Twice for one subject.
    let err = super::fields(
        "fields",
        &[field(1, "sim_status", "A"), field(1, "sim_status", "B")],
    )
    .unwrap_err();
    assert_eq!(err.field, "fields[1].name");
    assert!(err.problem.contains("once per subject"), "{err}");
    // Beyond any request's subjects.
    let err = super::fields("fields", &[field(50, "sim_status", "A")]).unwrap_err();
    assert_eq!(err.field, "fields[0].subject");
    assert!(!err.to_string().contains('A'), "{err}");

    // Against a request: a position it names.
    let request = InformationRequest::try_from(&phone_request()).unwrap();
    assert_eq!(request.subject_count(), 2);
    let ok = super::fields("fields", &given).unwrap();
    assert!(super::field_subjects("fields", &ok, &request).is_ok());
    let beyond = super::fields(
        "answer.released.fields",
        &[
            field(0, "sim_status", "A"),
            field(2, "sim_status", "Secret"),
        ],
    )
    .unwrap();
    let err = super::field_subjects("answer.released.fields", &beyond, &request).unwrap_err();
    assert_eq!(err.field, "answer.released.fields[1].subject");
    assert_eq!(
        err.problem,
        "is 2, but the request names 2 subjects (positions 0 to 1): a field is about one of the \
         request's subjects"
    );
}

#[test]
fn answers_signed_before_subjects_were_named_are_about_the_first() {
    // A field as an old node encoded it: name and value only.
    use prost::Message as _;
    #[derive(Clone, PartialEq, prost::Message)]
    struct OldField {
        #[prost(string, tag = "1")]
        name: String,
        #[prost(string, tag = "2")]
        value: String,
    }
    let bytes = OldField {
        name: "sim_status".into(),
        value: "active".into(),
    }
    .encode_to_vec();
    let decoded = pb::Field::decode(bytes.as_slice()).unwrap();
    let fields = super::fields("fields", &[decoded]).unwrap();
    assert_eq!(fields[0].subject, 0);
    // And a record stored before: no `subject` key.
    let stored: Field = serde_json::from_str(r#"{"name":"sim_status","value":"active"}"#).unwrap();
    assert_eq!(stored.subject, 0);
}

#[test]
fn a_summary_language_is_a_bcp_47_tag_or_nothing() {
    for good in ["", "th", "km", "fil", "en-GB", "zh-Hant-TW", "my-MM"] {
        let mut r = phone_request();
        r.summary_language = good.into();
        let domain = InformationRequest::try_from(&r).unwrap_or_else(|e| panic!("{good}: {e}"));
        assert_eq!(domain.summary_language, good);
        assert_eq!(pb::InformationRequest::from(&domain).summary_language, good);
    }
    let error = super::language_tag("summary_language", "<script>")
        .err()
        .map(|e| e.to_string());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("BCP 47") && !e.contains("script")),
        "{error:?}"
    );
}
