//! A data file that builds on another of its kind: `base: "cafe.ron"` in a scenario or a dilemma
//! deck names a file (beside it) whose fields it keeps, and the file writes only what differs.
//! The two are merged field by field, by path: a group of fields (`calendar: (open_hour: 7)`)
//! overrides only the fields it writes, a list of cards (`dilemmas: [(id: "recall", …)]`) merges
//! card by card by `id` (a card with a new id is added), and any other value (a number, a text in
//! both languages, a list without ids) replaces the base's whole. A base may have a base of its
//! own, up to [`MAX_DEPTH`] files, never in a circle.
//!
//! The merge works on the RON text, before the file's type reads it, so every kind of file gets
//! it the same way and the resolved file is checked exactly as a written one would be
//! (`customer-first check --resolved FILE` prints it).

use std::path::{Path, PathBuf};

use crate::diagnostics::{FileProblems, Msg, Problem};

/// How many files a chain of bases may have (the file itself, its base, the base's base…).
pub const MAX_DEPTH: usize = 4;

/// A RON value as the merge sees it.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// `Name(field: value, …)` or `(field: value, …)`: named fields, in order.
    Fields {
        name: String,
        fields: Vec<(String, Node)>,
    },
    /// `[value, …]`.
    List(Vec<Node>),
    /// Anything else, exactly as written: replaced whole.
    Atom(String),
}

impl Node {
    fn field(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Fields { fields, .. } => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A card's id: the atom of its `id` field.
    fn id(&self) -> Option<&str> {
        match self.field("id")? {
            Node::Atom(a) => Some(a.as_str()),
            _ => None,
        }
    }

    fn write(&self, indent: usize, out: &mut String) {
        let pad = |n: usize, out: &mut String| out.extend(std::iter::repeat_n(' ', n));
        match self {
            Node::Atom(a) => out.push_str(a),
            Node::List(items) if items.is_empty() => out.push_str("[]"),
            Node::List(items) => {
                out.push_str("[\n");
                for item in items {
                    pad(indent + 4, out);
                    item.write(indent + 4, out);
                    out.push_str(",\n");
                }
                pad(indent, out);
                out.push(']');
            }
            Node::Fields { name, fields } => {
                out.push_str(name);
                out.push_str("(\n");
                for (k, v) in fields {
                    pad(indent + 4, out);
                    out.push_str(k);
                    out.push_str(": ");
                    v.write(indent + 4, out);
                    out.push_str(",\n");
                }
                pad(indent, out);
                out.push(')');
            }
        }
    }
}

/// `over` written over `base`.
fn merge(base: Node, over: Node) -> Node {
    match (base, over) {
        (
            Node::Fields {
                name: base_name,
                fields: mut base_fields,
            },
            Node::Fields { name, fields },
        ) if name.is_empty() || base_name.is_empty() || name == base_name => {
            // (Another variant of an enum, `A(x: 1)` written over by `B(y: 2)`, replaces it whole:
            // the last arm.)
            for (k, v) in fields {
                match base_fields.iter_mut().find(|(bk, _)| *bk == k) {
                    Some((_, bv)) => {
                        let old = std::mem::replace(bv, Node::Atom(String::new()));
                        *bv = merge(old, v);
                    }
                    None => base_fields.push((k, v)),
                }
            }
            Node::Fields {
                name: if name.is_empty() { base_name } else { name },
                fields: base_fields,
            }
        }
        (Node::List(mut base_items), Node::List(items))
            if !items.is_empty() && base_items.iter().chain(&items).all(|n| n.id().is_some()) =>
        {
            for item in items {
                let id = item.id().map(str::to_string);
                match base_items
                    .iter_mut()
                    .find(|b| b.id().map(str::to_string) == id)
                {
                    Some(b) => {
                        let old = std::mem::replace(b, Node::Atom(String::new()));
                        *b = merge(old, item);
                    }
                    None => base_items.push(item),
                }
            }
            Node::List(base_items)
        }
        (_, over) => over,
    }
}

/// Where the bases of a file are read from.
pub trait Bases {
    /// The text of the base file at `path`.
    fn read(&self, path: &Path) -> Result<String, FileProblems>;
}

/// Bases read from the file system (or a browser page's storage), with the size limit.
pub struct FromFiles;

impl Bases for FromFiles {
    fn read(&self, path: &Path) -> Result<String, FileProblems> {
        crate::diagnostics::read_text(path)
    }
}

/// Resolves `text`, the file at `path`: itself if it names no base, else its base (resolved in
/// turn) with its own fields written over it. Returns the text to read and whether it had a
/// base. A text that is not a group of fields is returned as it is (its own reader says what
/// is wrong with it).
pub fn resolve(path: &Path, text: &str, bases: &dyn Bases) -> Result<(String, bool), FileProblems> {
    // Most files have no base, and are read exactly as written.
    if !names_a_base(text) {
        return Ok((text.to_string(), false));
    }
    let node = Parser::new(text).top().map_err(|(line, column, message)| {
        FileProblems::single(
            path,
            Problem::Syntax {
                line,
                column,
                message: message.into(),
            },
        )
    })?;
    let resolved = resolve_node(path, node, bases, &mut vec![path.to_path_buf()])?;
    let mut out = String::new();
    resolved.write(0, &mut out);
    out.push('\n');
    Ok((out, true))
}

/// Parses `text`, the file at `path`, as `T`, its base (if it names one) resolved first. A
/// syntax problem found only once the base is merged in is said against the resolved file, with
/// where to see it.
pub fn parse<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    bases: &dyn Bases,
) -> Result<T, FileProblems> {
    let (resolved, based) = resolve(path, text, bases)?;
    crate::diagnostics::parse_ron(path, &resolved).map_err(|mut e| {
        if based {
            for p in &mut e.problems {
                if let Problem::Syntax {
                    line,
                    column,
                    message,
                } = p
                {
                    *p = Problem::Invalid {
                        path: "base".into(),
                        message: crate::msg!(
                            "base-resolved",
                            line = *line,
                            column = *column,
                            error = message.render(crate::i18n::Lang::En),
                            file = path.display().to_string()
                        ),
                    };
                }
            }
        }
        e
    })
}

fn problem(path: &Path, message: Msg) -> FileProblems {
    FileProblems::single(
        path,
        Problem::Invalid {
            path: "base".into(),
            message,
        },
    )
}

fn resolve_node(
    path: &Path,
    node: Node,
    bases: &dyn Bases,
    chain: &mut Vec<PathBuf>,
) -> Result<Node, FileProblems> {
    let Node::Fields { name, mut fields } = node else {
        return Ok(node);
    };
    let Some(at) = fields.iter().position(|(k, _)| k == "base") else {
        return Ok(Node::Fields { name, fields });
    };
    let (_, base) = fields.remove(at);
    let Node::Atom(quoted) = base else {
        return Err(problem(path, crate::msg!("base-not-a-file")));
    };
    let Some(file) = unquote(&quoted) else {
        return Err(problem(path, crate::msg!("base-not-a-file")));
    };
    let base_path = path.parent().unwrap_or(Path::new(".")).join(&file);
    let normal = normalise(&base_path);
    if chain.iter().any(|c| normalise(c) == normal) {
        let names: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&base_path))
            .map(|p| p.display().to_string())
            .collect();
        return Err(problem(
            path,
            crate::msg!("base-circle", chain = names.join(" → ")),
        ));
    }
    if chain.len() >= MAX_DEPTH {
        return Err(problem(
            path,
            crate::msg!("base-too-deep", max = MAX_DEPTH, file = file.as_str()),
        ));
    }
    let text = bases.read(&base_path)?;
    let base_node = Parser::new(&text)
        .top()
        .map_err(|(line, column, message)| {
            FileProblems::single(
                &base_path,
                Problem::Syntax {
                    line,
                    column,
                    message: message.into(),
                },
            )
        })?;
    chain.push(base_path.clone());
    let base_node = resolve_node(&base_path, base_node, bases, chain)?;
    chain.pop();
    Ok(merge(base_node, Node::Fields { name, fields }))
}

/// A path with its `.` and `..` parts worked out (without asking the file system), to tell when a
/// chain of bases comes back to a file it has passed.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether the file's own group of fields (not a group inside it, not a string or a comment) has
/// a `base` field: a scan of the text that builds nothing, so a large file without a base (a
/// save) is never taken apart.
fn names_a_base(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i..].find("*/").map_or(bytes.len(), |end| i + end + 1);
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'b' if depth == 1
                && bytes[i..].starts_with(b"base")
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let rest = text[i + 4..].trim_start();
                if rest.starts_with(':') && !rest.starts_with("::") {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// The text of a plain string literal (`"cafe.ron"`), or None.
fn unquote(atom: &str) -> Option<String> {
    let inner = atom.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains(['"', '\\']) && !inner.is_empty()).then(|| inner.to_string())
}

/// A small reader of RON's shape: groups of fields, lists, and everything else as text.
struct Parser<'a> {
    text: &'a str,
    at: usize,
}

type ParseError = (usize, usize, String);

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { text, at: 0 }
    }

    fn error(&self, what: &str) -> ParseError {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column, what.to_string())
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips white space, comments and `#![enable(…)]` attributes.
    fn skip(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                self.at += trimmed.find("*/").map_or(trimmed.len(), |i| i + 2);
            } else if trimmed.starts_with("#!") {
                self.at += trimmed.find(']').map_or(trimmed.len(), |i| i + 1);
            } else {
                return;
            }
        }
    }

    /// The file's one value, which must be a group of fields.
    fn top(mut self) -> Result<Node, ParseError> {
        self.skip();
        let node = self.value(0)?;
        self.skip();
        if !self.rest().is_empty() {
            return Err(self.error("expected the end of the file"));
        }
        match node {
            Node::Fields { .. } => Ok(node),
            _ => Err(self.error("expected a group of fields: ( … )")),
        }
    }

    fn ident(&mut self) -> &'a str {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.at += end;
        &rest[..end]
    }

    /// Whether a `(` just read opens named fields (`name:` follows), without moving.
    fn opens_fields(&mut self) -> bool {
        let start = self.at;
        self.skip();
        let word = self.ident();
        self.skip();
        let fields = !word.is_empty()
            && !word.starts_with(|c: char| c.is_ascii_digit())
            && self.rest().starts_with(':')
            && !self.rest().starts_with("::");
        self.at = start;
        fields
    }

    fn value(&mut self, depth: usize) -> Result<Node, ParseError> {
        if depth > crate::diagnostics::MAX_NESTING {
            return Err(self.error("nested too deeply"));
        }
        self.skip();
        let start = self.at;
        match self.peek() {
            None => Err(self.error("expected a value")),
            Some('[') => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip();
                    if self.peek() == Some(']') {
                        self.at += 1;
                        return Ok(Node::List(items));
                    }
                    items.push(self.value(depth + 1)?);
                    self.skip();
                    match self.peek() {
                        Some(',') => self.at += 1,
                        Some(']') => {}
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some('(') => {
                self.at += 1;
                if self.opens_fields() {
                    self.fields(String::new(), depth)
                } else {
                    self.at = start;
                    self.atom()
                }
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let word = self.ident();
                if self.peek() == Some('(') {
                    self.at += 1;
                    if self.opens_fields() {
                        return self.fields(word.to_string(), depth);
                    }
                }
                self.at = start;
                self.atom()
            }
            Some(_) => self.atom(),
        }
    }

    /// Named fields after their `(`, to the closing `)`.
    fn fields(&mut self, name: String, depth: usize) -> Result<Node, ParseError> {
        let mut fields = Vec::new();
        loop {
            self.skip();
            if self.peek() == Some(')') {
                self.at += 1;
                return Ok(Node::Fields { name, fields });
            }
            let key = self.ident().to_string();
            if key.is_empty() {
                return Err(self.error("expected a field's name"));
            }
            self.skip();
            if self.peek() != Some(':') {
                return Err(self.error("expected : after a field's name"));
            }
            self.at += 1;
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(self.error(&format!("the field {key} is written twice")));
            }
            let v = self.value(depth + 1)?;
            fields.push((key, v));
            self.skip();
            match self.peek() {
                Some(',') => self.at += 1,
                Some(')') => {}
                _ => return Err(self.error("expected , or )")),
            }
        }
    }

    /// A value kept as written: up to the `,` or closing bracket that ends it, brackets,
    /// strings and comments inside it skipped whole.
    fn atom(&mut self) -> Result<Node, ParseError> {
        let start = self.at;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '"' => self.string()?,
                '\'' => {
                    // A character: 'x', '\n', '\'' or '\u{4e2d}': to the closing quote.
                    let mut escaped = false;
                    let close = self.rest().char_indices().skip(1).find(|&(_, c)| {
                        let end = c == '\'' && !escaped;
                        escaped = c == '\\' && !escaped;
                        end
                    });
                    match close {
                        Some((i, _)) => self.at += i + 1,
                        None => return Err(self.error("expected ' to close a character")),
                    }
                }
                'r' if self.rest()[1..].starts_with(['"', '#']) => self.raw_string()?,
                '/' if self.rest().starts_with("//") || self.rest().starts_with("/*") => {
                    if depth == 0 {
                        break;
                    }
                    self.skip();
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    self.at += 1;
                }
                ')' | ']' | '}' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    self.at += 1;
                }
                ',' if depth == 0 => break,
                c => self.at += c.len_utf8(),
            }
        }
        if depth != 0 {
            return Err(self.error("a bracket is not closed"));
        }
        let atom = self.text[start..self.at].trim_end();
        if atom.is_empty() {
            return Err(self.error("expected a value"));
        }
        Ok(Node::Atom(atom.to_string()))
    }

    fn string(&mut self) -> Result<(), ParseError> {
        let mut escaped = false;
        for (i, c) in self.rest().char_indices().skip(1) {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    self.at += i + 1;
                    return Ok(());
                }
                _ => escaped = false,
            }
        }
        Err(self.error("a string is not closed"))
    }

    fn raw_string(&mut self) -> Result<(), ParseError> {
        let rest = &self.rest()[1..];
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        let close = format!("\"{}", "#".repeat(hashes));
        let body = 1 + hashes + 1;
        match self.rest().get(body..).and_then(|r| r.find(&close)) {
            Some(i) => {
                self.at += body + i + close.len();
                Ok(())
            }
            None => Err(self.error("a raw string is not closed")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct InMemory(Vec<(&'static str, &'static str)>);

    impl Bases for InMemory {
        fn read(&self, path: &Path) -> Result<String, FileProblems> {
            let want = normalise(path);
            self.0
                .iter()
                .find(|(p, _)| normalise(Path::new(p)) == want)
                .map(|(_, t)| t.to_string())
                .ok_or_else(|| problem(path, Msg::Text("no such file".into())))
        }
    }

    #[test]
    fn a_file_overrides_only_the_fields_it_writes_and_merges_cards_by_id() {
        let base = r#"// the base
(
    name: {"en": "Café", "zh-CN": "咖啡馆"},
    calendar: (open_hour: 7.0, close_hour: 19.0),
    revenue: Subscription(period_days: 30),
    tags: ["a", "b"],
    dilemmas: [
        (id: "recall", when: (from_day: 200, to_day: 300), text: "x, (y)"),
        (id: "raise", when: (from_day: 10, to_day: 20)),
    ],
)"#;
        let over = r#"(
    base: "base.ron", // beside it
    calendar: (close_hour: 17.5),
    tags: ["c"],
    dilemmas: [(id: "recall", when: (from_day: 30)), (id: "new", text: 'q')],
    tutorial: true,
)"#;
        let files = InMemory(vec![("dir/base.ron", base)]);
        let (text, based) = resolve(Path::new("dir/over.ron"), over, &files).unwrap();
        assert!(based);
        let node = Parser::new(&text).top().unwrap();
        let want = Parser::new(
            r#"(
    name: {"en": "Café", "zh-CN": "咖啡馆"},
    calendar: (open_hour: 7.0, close_hour: 17.5),
    revenue: Subscription(period_days: 30),
    tags: ["c"],
    dilemmas: [
        (id: "recall", when: (from_day: 30, to_day: 300), text: "x, (y)"),
        (id: "raise", when: (from_day: 10, to_day: 20)),
        (id: "new", text: 'q'),
    ],
    tutorial: true,
)"#,
        )
        .top()
        .unwrap();
        assert_eq!(node, want, "{text}");
        // A file without a base is read exactly as written.
        assert_eq!(
            resolve(Path::new("b.ron"), base, &files).unwrap(),
            (base.to_string(), false)
        );
    }

    #[test]
    fn characters_strings_comments_and_variants_are_read_as_ron_has_them() {
        let base = r##"(
    sign: '\'', mark: '\n', wide: '中', escape: '\u{4e2d}',
    note: "a base: (of) [brackets] // not a comment",
    raw: r#"base: "x""#,
    revenue: Subscription(period_days: 30), // a comment (with brackets]
    nested: /* a base: here */ Some((a: 1, b: 2)),
)"##;
        let over = r#"(base: "b.ron", revenue: PerVisit(price: 5), nested: Some((a: 3)))"#;
        let files = InMemory(vec![("b.ron", base)]);
        let (text, based) = resolve(Path::new("o.ron"), over, &files).unwrap();
        assert!(based);
        // Another variant replaces the base's whole; an atom (Some(…)) too.
        assert!(
            text.contains("revenue: PerVisit(\n        price: 5,"),
            "{text}"
        );
        assert!(!text.contains("period_days"), "{text}");
        assert!(text.contains("nested: Some((a: 3))"), "{text}");
        assert!(text.contains(r##"raw: r#"base: "x""#"##), "{text}");
        assert!(
            text.contains("wide: '中'") && text.contains("escape: '\\u{4e2d}'"),
            "{text}"
        );
        // The base's own words "base:" inside a string or comment are not a base.
        assert!(!names_a_base(base));
        assert!(names_a_base(over));
        // A file that names a base but cannot be read says where, rather than dropping it.
        let broken = "(base: \"b.ron\", x: 'unclosed";
        let e = resolve(Path::new("o.ron"), broken, &files).unwrap_err();
        assert!(e.to_string().contains("o.ron:1:"), "{e}");
        // No panic on a character cut off at the end of the file.
        assert!(resolve(Path::new("o.ron"), "(base: \"b.ron\", c: '\\n", &files).is_err());
    }

    #[test]
    fn a_circle_of_bases_or_a_chain_too_long_is_refused() {
        let files = InMemory(vec![
            ("a.ron", r#"(base: "b.ron", x: 1)"#),
            ("b.ron", r#"(base: "./a.ron", y: 2)"#),
            ("c1.ron", r#"(base: "c2.ron")"#),
            ("c2.ron", r#"(base: "c3.ron")"#),
            ("c3.ron", r#"(base: "c4.ron")"#),
            ("c4.ron", r#"(base: "c5.ron")"#),
            ("c5.ron", r#"(z: 3)"#),
        ]);
        let e = resolve(Path::new("a.ron"), r#"(base: "b.ron", x: 1)"#, &files).unwrap_err();
        assert!(e.to_string().contains("a.ron → b.ron → ./a.ron"), "{e}");
        let e = resolve(Path::new("c1.ron"), r#"(base: "c2.ron")"#, &files).unwrap_err();
        assert!(e.to_string().contains("c5.ron"), "{e}");
        // Three bases deep is allowed.
        let (text, _) = resolve(Path::new("c2.ron"), r#"(base: "c3.ron")"#, &files).unwrap();
        assert!(text.contains("z: 3"), "{text}");
        let e = resolve(Path::new("a.ron"), r#"(base: 7)"#, &files).unwrap_err();
        assert!(e.to_string().contains("base"), "{e}");
    }
}
