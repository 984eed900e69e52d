//! Every HTML page the project writes, drawn from content the rest of `headless/` computes: the
//! debrief of a run ([`debrief`]), the class view for the room ([`class`]) and each team's
//! printable page ([`team`]). One escaping function, one way to draw a chart ([`svg`]) and one
//! stylesheet (`style.css`, inlined, so every page is one self-contained file: no network, no
//! external files).
//!
//! The pages are written by hand with `write!`: three pages of a few hundred lines did not earn a
//! template crate, and every piece of text goes through [`esc`] at the one place it is written.

pub mod class;
pub mod debrief;
pub mod svg;
pub mod team;

use std::fmt::Write as _;

use crate::i18n::Lang;

/// The one stylesheet: shared rules, then each kind of page's own, scoped by the body's class.
pub const STYLE: &str = include_str!("style.css");

/// Text made safe inside an element or a double-quoted attribute.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// Which page a document is (its body's class, which selects its part of [`STYLE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Debrief,
    Class,
    Team,
}

impl Page {
    fn class(self) -> &'static str {
        match self {
            Page::Debrief => "debrief",
            Page::Class => "class",
            Page::Team => "team",
        }
    }
}

/// Starts a document: its language, title and the stylesheet, up to the opening `<body>`.
pub fn start(o: &mut String, page: Page, lang: Lang, title: &str) {
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title>\n<style>{STYLE}</style></head><body class=\"{}\">",
        lang.code(),
        esc(title),
        page.class()
    );
}

/// Ends a document.
pub fn end(o: &mut String) {
    let _ = writeln!(o, "</body></html>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_keeps_the_text() {
        assert_eq!(
            esc("<b class=\"x\">Tom's & Jerry's</b>"),
            "&lt;b class=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/b&gt;"
        );
        assert_eq!(esc("蓝队 ✓"), "蓝队 ✓");
    }

    #[test]
    fn a_page_opens_with_its_language_title_and_the_one_stylesheet() {
        let mut o = String::new();
        start(&mut o, Page::Team, Lang::ZhCn, "<复盘>");
        end(&mut o);
        assert!(o.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(o.contains("<title>&lt;复盘&gt;</title>"));
        assert!(o.contains(STYLE) && o.contains("<body class=\"team\">"));
        assert!(o.trim_end().ends_with("</body></html>"));
    }
}
