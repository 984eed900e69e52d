//! Every word a person reads, in English and Simplified Chinese: the translation catalogues
//! (Project Fluent, one `.ftl` file per language under `assets/i18n/`), the language in use, and
//! numbers and money in that language.
//!
//! Code names a message by its key, `tr!(lang, "start")`, with named arguments for what varies,
//! `tr!(lang, "churned-today", n = 3)` ("3 customers left today" / "今天有 3 位顾客离开"); the
//! catalogue decides word order and plural forms. A key missing from one language falls back to
//! English (tests keep every key in every catalogue, and every key used). Machine formats (CSV
//! headers, RON keys, ids) never go through here.
//!
//! Texts that trainers write (dilemmas, briefings, policy descriptions) are data and carry both
//! languages in their own files: [`Text`].

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The languages the game speaks.
///
/// A Bevy resource in the game (the language the screens draw in); in files, its tag as a
/// string (`language: Some("zh-CN")`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, bevy::prelude::Resource,
)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == tag)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown language \"{tag}\": expected \"en\" or \"zh-CN\""
                ))
            })
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag (`en`, `zh-CN`): file names, `--lang`, `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// A language tag or a POSIX locale (`zh-CN`, `zh_CN.UTF-8`, `zh`, `en_GB`, `en-US`); `None`
    /// for a language the game does not speak (or `C`/`POSIX`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let base = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        let mut parts = base.split('-');
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Lang::En),
            // Traditional Chinese (zh-TW, zh-HK, zh-Hant) needs other glyphs and words: not
            // offered as Simplified.
            "zh" => {
                let rest: Vec<String> = parts.map(|p| p.to_ascii_lowercase()).collect();
                let traditional = rest
                    .iter()
                    .any(|p| p == "tw" || p == "hk" || p == "mo" || p == "hant");
                (!traditional).then_some(Lang::ZhCn)
            }
            _ => None,
        }
    }

    /// The language the system asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX order;
    /// the first one set and non-empty decides), English when it names no language we speak.
    pub fn from_env_with(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| var(name).filter(|v| !v.trim().is_empty()))
            .map(|v| Lang::parse(&v).unwrap_or_default())
            .next()
            .unwrap_or_default()
    }

    /// [`Lang::from_env_with`] on this process's environment; in a browser, the language the
    /// browser asks pages for (`navigator.language`, e.g. "zh-CN").
    pub fn from_env() -> Lang {
        #[cfg(target_arch = "wasm32")]
        return Lang::from_env_with(|name| {
            (name == "LANG").then(crate::platform::browser_language)
        });
        #[cfg(not(target_arch = "wasm32"))]
        Lang::from_env_with(|name| std::env::var(name).ok())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The catalogues as shipped, one per language (compiled in, so the browser build and a moved
/// binary need no files beside them).
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../assets/i18n/en.ftl")),
    (Lang::ZhCn, include_str!("../assets/i18n/zh-CN.ftl")),
];

struct Catalogue {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

fn bundle(lang: Lang, source: &str) -> Result<FluentBundle<FluentResource>, String> {
    let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
        format!(
            "the {} catalogue does not parse: {}",
            lang.code(),
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    let id = lang
        .code()
        .parse()
        .map_err(|_| format!("bad language tag {}", lang.code()))?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps arguments in invisible isolation marks by default; they would leak into the
    // CLI, the HTML and anything copied from the screen.
    b.set_use_isolating(false);
    b.add_resource(resource).map_err(|errors| {
        format!(
            "the {} catalogue has duplicate keys: {errors:?}",
            lang.code()
        )
    })?;
    Ok(b)
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue {
        bundles: CATALOGUES
            .iter()
            // The shipped catalogues parse: `tests/catalogue.rs` checks them, so a broken one
            // never leaves the repository.
            .map(|(lang, src)| (*lang, bundle(*lang, src).unwrap_or_else(|e| panic!("{e}"))))
            .collect(),
    })
}

/// Checks that a catalogue's text parses (for tests and tools).
pub fn check_catalogue(lang: Lang, source: &str) -> Result<(), String> {
    bundle(lang, source).map(|_| ())
}

/// The keys a catalogue defines, in file order.
pub fn catalogue_keys(source: &str) -> Vec<String> {
    let Ok(resource) = FluentResource::try_new(source.to_string()) else {
        return Vec::new();
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The message `key` in `lang` with `args`, falling back to English, then to the key itself
/// (which tests rule out).
pub fn message(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let c = catalogue();
    for want in [lang, Lang::En] {
        let Some((_, b)) = c.bundles.iter().find(|(l, _)| *l == want) else {
            continue;
        };
        if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    key.to_string()
}

/// Whether a language's own catalogue has `key` (no fallback).
pub fn has_message(lang: Lang, key: &str) -> bool {
    catalogue()
        .bundles
        .iter()
        .any(|(l, b)| *l == lang && b.has_message(key))
}

/// Builds arguments for [`message`]; used by [`tr!`](crate::tr).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(k, v);
    }
    a
}

pub use fluent_bundle::FluentValue as Arg;

/// A message from the catalogue: `tr!(lang, "key")` or `tr!(lang, "key", n = 3, who = name)`.
/// The key is a literal, so a test can list every key the code uses.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::message($lang, $key, None)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $lang,
            $key,
            Some(&$crate::i18n::args([
                $((stringify!($name), $crate::i18n::Arg::from($value))),+
            ])),
        )
    };
}

/// A number with `decimals` digits and thousands separators (both languages group by three
/// with commas, as mainland Chinese business writing does).
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(s.len() + 4);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    let negative = value < 0.0 && grouped.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// Terminal columns a text takes: two for a wide (CJK) character, one otherwise (for lining up
/// the CLI's tables).
pub fn columns(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// A change with its sign: "+2.8", "−2.8" (a true minus sign, as in [`number`]).
pub fn signed(value: f64, decimals: usize) -> String {
    let n = number(value, decimals);
    if n.starts_with('−') || n.chars().all(|c| c == '0' || c == '.' || c == ',') {
        n
    } else {
        format!("+{n}")
    }
}

/// A share (0.25) as a percentage in the language's style: "25%" / "25%".
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{}%", number(share * 100.0, decimals))
}

/// A text written by a trainer, in each language they wrote it in: in RON either a plain string
/// (English only) or a map, `{"en": "A batch that might be bad", "zh-CN": "一批可能有问题的奶油"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub BTreeMap<Lang, String>);

impl Text {
    /// English only (a translation still to come).
    pub fn en(s: impl Into<String>) -> Text {
        Text(BTreeMap::from([(Lang::En, s.into())]))
    }

    /// A catalogue message in every language (for names the program gives, such as "scenario
    /// defaults", carried beside trainers' texts).
    pub fn from_catalogue(message: impl Fn(Lang) -> String) -> Text {
        Text(Lang::ALL.into_iter().map(|l| (l, message(l))).collect())
    }

    /// The text in `lang`, else in English, else in whatever language it has.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&Lang::En))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The languages it lacks.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.0.get(l).is_none_or(|s| s.trim().is_empty()))
            .collect()
    }

    /// Blank in every language.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|s| s.trim().is_empty())
    }

    /// Every language's text (for checks over all of them, e.g. the font's coverage).
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::en(s)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            m.serialize_entry(lang.code(), text)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text: a string (English) or a map by language, {\"en\": \"…\", \"zh-CN\": \"…\"}",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::en(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::en(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let lang = Lang::parse(&key)
                        .filter(|l| l.code() == key)
                        .ok_or_else(|| {
                            serde::de::Error::custom(format!(
                                "unknown language \"{key}\": expected \"en\" or \"zh-CN\""
                            ))
                        })?;
                    let text: String = map.next_value()?;
                    if out.insert(lang, text).is_some() {
                        return Err(serde::de::Error::custom(format!(
                            "language \"{key}\" given twice"
                        )));
                    }
                }
                Ok(Text(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags_and_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh_TW.UTF-8"), None);
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("fr_FR"), None);
        let env = |vars: &'static [(&'static str, &'static str)]| {
            Lang::from_env_with(move |n| {
                vars.iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]), Lang::ZhCn);
        // LC_ALL wins over LANG, even when it names a language we lack (then English).
        assert_eq!(
            env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            Lang::En
        );
        assert_eq!(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]), Lang::ZhCn);
        assert_eq!(env(&[]), Lang::En);
    }

    #[test]
    fn plurals_and_arguments_in_both_languages() {
        assert_eq!(
            tr!(Lang::En, "churned-today", n = 1),
            "1 customer left today"
        );
        assert_eq!(
            tr!(Lang::En, "churned-today", n = 3),
            "3 customers left today"
        );
        assert_eq!(
            tr!(Lang::ZhCn, "churned-today", n = 3),
            "今天有 3 位顾客离开"
        );
        // No invisible isolation marks around arguments.
        assert!(!tr!(Lang::En, "churned-today", n = 3).contains('\u{2068}'));
    }

    #[test]
    fn numbers_group_by_thousands() {
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(-1234.0, 0), "−1,234");
        assert_eq!(number(-0.001, 1), "0.0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(percent(0.256, 1), "25.6%");
    }

    #[test]
    fn texts_read_plain_or_by_language() {
        let plain: Text = ron::from_str("\"Wait and see\"").unwrap();
        assert_eq!(plain.get(Lang::ZhCn), "Wait and see");
        assert_eq!(plain.missing(), vec![Lang::ZhCn]);
        let both: Text = ron::from_str("{\"en\": \"Wait\", \"zh-CN\": \"观望\"}").unwrap();
        assert_eq!(both.get(Lang::ZhCn), "观望");
        assert!(both.missing().is_empty());
        assert_eq!(
            ron::to_string(&both).unwrap(),
            "{\"en\":\"Wait\",\"zh-CN\":\"观望\"}"
        );
        let bad = ron::from_str::<Text>("{\"fr\": \"Attendre\"}").unwrap_err();
        assert!(bad.to_string().contains("unknown language"), "{bad}");
    }
}
