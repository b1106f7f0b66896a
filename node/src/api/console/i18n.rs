//! The console's languages: one Fluent bundle per language, built from the
//! message files compiled into the binary (`node/locales/<tag>/*.ftl`),
//! English the fallback for any message a translation lacks. Plurals follow
//! CLDR's rules for each language (Fluent's selectors); dates and numbers
//! follow each file's own patterns (`date-time`, `number-group`).
//!
//! A file's first line says whether its translation is the source, drafted
//! and not yet reviewed, or reviewed; the language menu shows it.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the console speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 tag.
    pub tag: &'static str,
    /// The language's name in itself, as CLDR gives it.
    pub autonym: &'static str,
    /// The script's CSS class, for fonts.
    pub script: &'static str,
}

/// The console's languages, in menu order. Names: CLDR's display name of
/// each language in that language.
pub const LANGUAGES: &[Language] = &[
    Language {
        tag: "en",
        autonym: "English",
        script: "latn",
    },
    Language {
        tag: "th",
        autonym: "ไทย",
        script: "thai",
    },
    Language {
        tag: "km",
        autonym: "ខ្មែរ",
        script: "khmr",
    },
    Language {
        tag: "lo",
        autonym: "ລາວ",
        script: "laoo",
    },
    Language {
        tag: "my",
        autonym: "မြန်မာ",
        script: "mymr",
    },
    Language {
        tag: "vi",
        autonym: "Tiếng Việt",
        script: "latn",
    },
    Language {
        tag: "id",
        autonym: "Indonesia",
        script: "latn",
    },
    Language {
        tag: "ms",
        autonym: "Melayu",
        script: "latn",
    },
    Language {
        tag: "fil",
        autonym: "Filipino",
        script: "latn",
    },
];

/// The message files of each language, compiled in: the console's words
/// first (its first line says how far the translation has come), then the
/// code lists.
macro_rules! files {
    ($($tag:literal: [$($file:literal),+]),+ $(,)?) => {
        &[$(($tag, &[$(include_str!(concat!("../../../locales/", $tag, "/", $file))),+])),+]
    };
}

const FILES: &[(&str, &[&str])] = files!(
    "en": ["console.ftl", "codes.ftl"],
    "th": ["console.ftl", "codes.ftl"],
    "km": ["console.ftl", "codes.ftl"],
    "lo": ["console.ftl", "codes.ftl"],
    "my": ["console.ftl", "codes.ftl"],
    "vi": ["console.ftl", "codes.ftl"],
    "id": ["console.ftl", "codes.ftl"],
    "ms": ["console.ftl", "codes.ftl"],
    "fil": ["console.ftl", "codes.ftl"],
);

/// How far a language's translation has come, from its files' first line
/// (`### status: ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    Source,
    Drafted,
    Reviewed(String),
}

/// Every language's messages.
pub struct I18n {
    bundles: HashMap<&'static str, (FluentBundle<FluentResource>, Review)>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.bundles.len())
            .finish()
    }
}

fn review_of(text: &str) -> Review {
    let status = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("### status:"))
        .map(str::trim)
        .unwrap_or("");
    if status == "source" {
        Review::Source
    } else if let Some(by) = status.strip_prefix("reviewed") {
        Review::Reviewed(by.trim().to_string())
    } else {
        Review::Drafted
    }
}

impl I18n {
    /// Builds every bundle; a file that does not parse is an error naming
    /// it (the tests load them all).
    pub fn load() -> Result<I18n, String> {
        let mut bundles = HashMap::new();
        for (tag, texts) in FILES {
            let language = LANGUAGES
                .iter()
                .find(|l| l.tag == *tag)
                .ok_or_else(|| format!("locale {tag} is not in LANGUAGES"))?;
            let id: LanguageIdentifier = language
                .tag
                .parse()
                .map_err(|e| format!("locale {tag}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Text goes into HTML, where the isolation marks would show in
            // attributes and tests; the templates isolate free text instead.
            bundle.set_use_isolating(false);
            let mut review = Review::Source;
            for (i, text) in texts.iter().enumerate() {
                if i == 0 {
                    review = review_of(text);
                }
                let resource = FluentResource::try_new(text.to_string())
                    .map_err(|(_, errors)| format!("locale {tag} file {i}: {errors:?}"))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| format!("locale {tag} file {i}: {errors:?}"))?;
            }
            bundles.insert(language.tag, (bundle, review));
        }
        if !bundles.contains_key("en") {
            return Err("the English messages are missing".into());
        }
        Ok(I18n { bundles })
    }

    /// The languages that have messages, in menu order.
    pub fn languages(&self) -> impl Iterator<Item = (&'static Language, &Review)> {
        LANGUAGES
            .iter()
            .filter_map(|l| self.bundles.get(l.tag).map(|(_, review)| (l, review)))
    }

    /// The language to use: the first of `wanted` (BCP 47 tags, in order of
    /// preference, as `Accept-Language` lists them) the console has, by
    /// exact tag or by primary language; English otherwise.
    pub fn pick<'a>(&self, wanted: impl IntoIterator<Item = &'a str>) -> &'static Language {
        for tag in wanted {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let primary = if primary == "tl" {
                "fil".to_string()
            } else {
                primary
            };
            if let Some(language) = LANGUAGES
                .iter()
                .find(|l| l.tag == primary && self.bundles.contains_key(l.tag))
            {
                return language;
            }
        }
        &LANGUAGES[0]
    }

    /// Message `id` in `tag`, with `args`; English if the language lacks
    /// it; the id itself if English does too.
    pub fn text(&self, tag: &str, id: &str, args: Option<&FluentArgs>) -> String {
        for tag in [tag, "en"] {
            let Some((bundle, _)) = self.bundles.get(tag) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        id.to_string()
    }

    /// Whether `tag` or English has message `id`.
    pub fn has(&self, tag: &str, id: &str) -> bool {
        [tag, "en"].iter().any(|tag| {
            self.bundles
                .get(tag)
                .is_some_and(|(bundle, _)| bundle.has_message(id))
        })
    }

    /// A time (ms since the epoch, UTC) as the language writes it.
    pub fn date_time(&self, tag: &str, unix_ms: i64) -> String {
        let Ok(at) = time::OffsetDateTime::from_unix_timestamp(unix_ms.div_euclid(1000)) else {
            return unix_ms.to_string();
        };
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(at.day()));
        args.set(
            "month",
            FluentValue::from(self.text(tag, &format!("month-{}", u8::from(at.month())), None)),
        );
        args.set("year", FluentValue::from(at.year()));
        args.set(
            "time",
            FluentValue::from(format!("{:02}:{:02}", at.hour(), at.minute())),
        );
        self.text(tag, "date-time", Some(&args))
    }

    /// A whole number with the language's digit grouping.
    pub fn number(&self, tag: &str, n: u64) -> String {
        let separator = self.text(tag, "number-group", None);
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&separator);
            }
            out.push(c);
        }
        out
    }
}

/// Arguments for a message, from name-value pairs.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_and_english_covers_every_message() {
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(i18n.languages().count(), LANGUAGES.len());
        assert_eq!(i18n.text("en", "iccs-0204", None), "Trafficking in persons");
        assert_ne!(i18n.text("th", "iccs-0204", None), "Trafficking in persons");
        assert_eq!(i18n.text("en", "sign-in", None), "Sign in");
        assert_eq!(i18n.text("xx", "sign-in", None), "Sign in");
        assert_eq!(i18n.text("en", "no-such-message", None), "no-such-message");
    }

    #[test]
    fn every_translation_has_every_english_message() {
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e}"));
        let english = FILES
            .iter()
            .find(|(tag, _)| *tag == "en")
            .map_or(&[][..], |f| f.1);
        let mut ids = Vec::new();
        for text in english {
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.push(message.id.name.to_string());
                }
            }
        }
        assert!(ids.len() > 400, "{} English messages", ids.len());
        for (language, review) in i18n.languages() {
            let (bundle, _) = &i18n.bundles[language.tag];
            let missing: Vec<&String> = ids.iter().filter(|id| !bundle.has_message(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag);
            let expected = if language.tag == "en" {
                Review::Source
            } else {
                Review::Drafted
            };
            assert_eq!(*review, expected, "{}", language.tag);
        }
    }

    #[test]
    fn the_language_is_picked_by_tag_or_primary_language() {
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(i18n.pick(["xx", "en-GB"]).tag, "en");
        assert_eq!(i18n.pick(Vec::<&str>::new()).tag, "en");
        assert_eq!(i18n.pick(["tl-PH"]).tag, "fil");
        assert_eq!(i18n.pick(["km-KH", "th"]).tag, "km");
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e}"));
        // 2026-11-30 17:50 UTC.
        assert_eq!(
            i18n.date_time("en", 1_796_061_000_000),
            "30 Nov 2026, 17:50 UTC"
        );
        assert_eq!(i18n.number("en", 1_234_567), "1,234,567");
        assert_eq!(i18n.number("en", 12), "12");
    }
}
