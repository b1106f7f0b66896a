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
