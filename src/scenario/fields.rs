//! The scenario format's fields, declared once: [`fields!`] defines each struct of the format
//! with, for every field, its doc comment (its meaning) and its rule (the range of a number, or
//! what else it is). The same declaration validates a file ([`Fields::check_fields`]) and
//! documents the format ([`Fields::document`], written to `docs/scenario-format.md`).
//!
//! A rule is a value of a type the field's type must accept ([`Rule`]): a number's field takes
//! `number(lo, hi)` or `whole(lo, hi)`, a nested struct `nested`, a name `text`, a choice
//! `choice`. A numeric field cannot be declared without a range: that does not compile.

use crate::diagnostics::Checker;

/// One row of the format's documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDoc {
    /// The field's path in a file, `satisfaction.gain` or `segments[i].share`.
    pub path: String,
    /// What it may be: `0..=20`, `a name`, …
    pub rule: String,
    /// What it means (the field's doc comment).
    pub meaning: String,
}

/// A struct of the format, declared with [`fields!`].
pub trait Fields {
    /// Checks every field's rule, reporting problems under `path` (empty at the top).
    fn check_fields(&self, path: &str, c: &mut Checker);
    /// Lists every field under `path`.
    fn document(path: &str, out: &mut Vec<FieldDoc>);
}

/// How a value of a field's type is checked and documented under a rule of type `R`.
pub trait Rule<R> {
    fn check(&self, path: &str, rule: &R, c: &mut Checker);
    fn document(path: &str, rule: &R, meaning: &str, out: &mut Vec<FieldDoc>);
}

/// A decimal number in `lo..=hi`.
pub struct Number(pub f64, pub f64);
/// A whole number in `lo..=hi`.
pub struct Whole(pub i64, pub i64);
/// Any value of a 64-bit unsigned whole number (a seed): its range is the type's.
pub struct AnyWhole;
/// A struct of the format, checked field by field.
pub struct Nested;
/// A name or a path: free text.
pub struct FreeText;
/// One of a few named values (the parser already refuses any other).
pub struct Choice;
/// Words a person reads, in each language ([`crate::i18n::Text`]); English must not be blank,
/// a missing translation is a warning ([`crate::i18n::Text::missing`]).
pub struct Bilingual;

pub const fn number(lo: f64, hi: f64) -> Number {
    Number(lo, hi)
}
pub const fn whole(lo: i64, hi: i64) -> Whole {
    Whole(lo, hi)
}
#[allow(non_upper_case_globals)]
pub const any_whole: AnyWhole = AnyWhole;
#[allow(non_upper_case_globals)]
pub const nested: Nested = Nested;
#[allow(non_upper_case_globals)]
pub const text: FreeText = FreeText;
#[allow(non_upper_case_globals)]
pub const choice: Choice = Choice;
#[allow(non_upper_case_globals)]
pub const bilingual: Bilingual = Bilingual;

/// The documentation row of a group of fields (a nested struct), listed before its fields.
pub fn group(out: &mut Vec<FieldDoc>, path: &str, meaning: &str) {
    row(out, path, "a group of fields, below".into(), meaning);
}

fn row(out: &mut Vec<FieldDoc>, path: &str, rule: String, meaning: &str) {
    out.push(FieldDoc {
        path: path.to_string(),
        rule,
        meaning: meaning.trim().to_string(),
    });
}

impl Rule<Number> for f64 {
    fn check(&self, path: &str, r: &Number, c: &mut Checker) {
        c.range(path, *self, r.0, r.1);
    }
    fn document(path: &str, r: &Number, meaning: &str, out: &mut Vec<FieldDoc>) {
        row(out, path, format!("{}..={}", r.0, r.1), meaning);
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl Rule<Whole> for $t {
            fn check(&self, path: &str, r: &Whole, c: &mut Checker) {
                c.int_range(path, *self as i64, r.0, r.1);
            }
            fn document(path: &str, r: &Whole, meaning: &str, out: &mut Vec<FieldDoc>) {
                row(out, path, format!("{}..={} (whole)", r.0, r.1), meaning);
            }
        }
    )*};
}
whole_numbers!(u8, u32, i64);

impl Rule<AnyWhole> for u64 {
    fn check(&self, _: &str, _: &AnyWhole, _: &mut Checker) {}
    fn document(path: &str, _: &AnyWhole, meaning: &str, out: &mut Vec<FieldDoc>) {
        row(out, path, format!("0..={} (whole)", u64::MAX), meaning);
    }
}

impl<R, T: Rule<R>> Rule<R> for Option<T> {
    fn check(&self, path: &str, r: &R, c: &mut Checker) {
        if let Some(v) = self {
            v.check(path, r, c);
        }
    }
    fn document(path: &str, r: &R, meaning: &str, out: &mut Vec<FieldDoc>) {
        let at = out.len();
        T::document(path, r, meaning, out);
        for d in &mut out[at..] {
            if d.path == path {
                d.rule = format!("{} or None", d.rule);
            }
        }
    }
}

impl<R, T: Rule<R>> Rule<R> for Vec<T> {
    fn check(&self, path: &str, r: &R, c: &mut Checker) {
        for (i, v) in self.iter().enumerate() {
            v.check(&format!("{path}[{i}]"), r, c);
        }
    }
    fn document(path: &str, r: &R, meaning: &str, out: &mut Vec<FieldDoc>) {
        T::document(&format!("{path}[i]"), r, meaning, out);
    }
}

impl Rule<FreeText> for String {
    fn check(&self, _: &str, _: &FreeText, _: &mut Checker) {}
    fn document(path: &str, _: &FreeText, meaning: &str, out: &mut Vec<FieldDoc>) {
        row(out, path, "text".into(), meaning);
    }
}

impl Rule<Bilingual> for crate::i18n::Text {
    fn check(&self, path: &str, _: &Bilingual, c: &mut Checker) {
        if self.is_blank() {
            c.fail(path, crate::msg!("check-not-empty"));
        } else if self
            .0
            .get(&crate::i18n::Lang::En)
            .is_none_or(|s| s.trim().is_empty())
        {
            c.fail(path, crate::msg!("check-english-needed"));
        }
    }
    fn document(path: &str, _: &Bilingual, meaning: &str, out: &mut Vec<FieldDoc>) {
        row(
            out,
            path,
            "text in each language: {\"en\": \"…\", \"zh-CN\": \"…\"}".into(),
            meaning,
        );
    }
}

/// Implements [`Rule<Choice>`] for enums of the format, listing their variants in the docs.
#[macro_export]
macro_rules! choices {
    ($($t:ty: $names:literal),* $(,)?) => {$(
        impl $crate::scenario::fields::Rule<$crate::scenario::fields::Choice> for $t {
            fn check(&self, _: &str, _: &$crate::scenario::fields::Choice, _: &mut $crate::diagnostics::Checker) {}
            fn document(
                path: &str,
                _: &$crate::scenario::fields::Choice,
                meaning: &str,
                out: &mut Vec<$crate::scenario::fields::FieldDoc>,
            ) {
                out.push($crate::scenario::fields::FieldDoc {
                    path: path.to_string(),
                    rule: format!("one of {}", $names),
                    meaning: meaning.trim().to_string(),
                });
            }
        }
    )*};
}

/// The path of a field under its struct's path.
pub fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Defines a struct of the format with a rule for each field (see the module's documentation).
/// Doc comments become the meaning; `#[serde(...)]` attributes after them pass through.
#[macro_export]
macro_rules! fields {
    (
        $(#[doc = $sdoc:literal])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[serde($($serde:tt)*)])*
                $field:ident : $ty:ty = $rule:expr
            ),* $(,)?
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                $(#[serde($($serde)*)])*
                pub $field: $ty,
            )*
        }

        impl $crate::scenario::fields::Fields for $name {
            fn check_fields(&self, path: &str, c: &mut $crate::diagnostics::Checker) {
                use $crate::scenario::fields::*;
                $(
                    <$ty as Rule<_>>::check(
                        &self.$field,
                        &join(path, stringify!($field)),
                        &$rule,
                        c,
                    );
                )*
            }
            fn document(path: &str, out: &mut Vec<$crate::scenario::fields::FieldDoc>) {
                use $crate::scenario::fields::*;
                $(
                    <$ty as Rule<_>>::document(
                        &join(path, stringify!($field)),
                        &$rule,
                        concat!($($doc, "\n"),*),
                        out,
                    );
                )*
            }
        }

        impl $crate::scenario::fields::Rule<$crate::scenario::fields::Nested> for $name {
            fn check(
                &self,
                path: &str,
                _: &$crate::scenario::fields::Nested,
                c: &mut $crate::diagnostics::Checker,
            ) {
                $crate::scenario::fields::Fields::check_fields(self, path, c);
            }
            fn document(
                path: &str,
                _: &$crate::scenario::fields::Nested,
                meaning: &str,
                out: &mut Vec<$crate::scenario::fields::FieldDoc>,
            ) {
                $crate::scenario::fields::group(out, path, meaning);
                <$name as $crate::scenario::fields::Fields>::document(path, out);
            }
        }
    };
}
