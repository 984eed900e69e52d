//! The documentation's links resolve: every Markdown link and image in README.md,
//! CONTRIBUTING.md, ARCHITECTURE.md and `docs/*.md` points at a file or folder of the repository
//! that exists, and every `#anchor` at a heading of the Markdown file it names (by GitHub's
//! slugs). A page moved or renamed, or a heading reworded, then fails here rather than in a
//! reader's browser. Links to the web (http, https, mailto) are not followed: the tests run
//! offline. Std only, so that `cargo test --no-default-features` checks the docs too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files whose links are checked: the three at the top and every page in `docs/`.
fn pages() -> Vec<PathBuf> {
    let root = root();
    let mut out: Vec<PathBuf> = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("the docs folder")
        .map(|e| e.expect("an entry of the docs folder").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    out.extend(docs);
    out
}

/// The file's lines with fenced code blocks (fences of three or more backticks or tildes)
/// blanked, the line numbers kept: what is inside a fence is code, not links or headings.
fn prose(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match fence {
            None if run >= 3 => {
                fence = marker.map(|m| (m, run));
                out.push("");
            }
            None => out.push(line),
            Some((m, n)) => {
                // The fence characters are ASCII, so `run` counts bytes too.
                if marker == Some(m) && run >= n && trimmed[run..].trim().is_empty() {
                    fence = None;
                }
                out.push("");
            }
        }
    }
    out
}

/// A link or image as written: the line it starts on and its destination (title and all).
#[derive(Debug)]
struct Link {
    line: usize,
    target: String,
}

/// The end of the code span opened by the `run` backticks before `from`: the index of its
/// closing run of exactly as many backticks, if there is one.
fn code_span_end(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '`' {
            let n = chars[i..].iter().take_while(|c| **c == '`').count();
            if n == run {
                return Some(i);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// The link whose text opens with the `[` at `open`: its destination, if `[text](destination)`
/// follows. The text may hold code spans, brackets and line breaks, but not a blank line.
fn link_at(chars: &[char], open: usize) -> Option<String> {
    let mut depth = 0usize;
    let mut i = open;
    let close = loop {
        let c = *chars.get(i)?;
        match c {
            '\\' => i += 2,
            '`' => {
                let run = chars[i..].iter().take_while(|c| **c == '`').count();
                i = code_span_end(chars, i + run, run).map_or(i + run, |end| end + run);
            }
            '[' => {
                depth += 1;
                i += 1;
            }
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
                i += 1;
            }
            '\n' if chars.get(i + 1) == Some(&'\n') => return None,
            _ => i += 1,
        }
    };
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 1usize;
    let mut target = String::new();
    for &c in chars.get(close + 2..)? {
        match c {
            '\n' => return None,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(target);
                }
            }
            _ => {}
        }
        target.push(c);
    }
    None
}

/// Every link and image in a Markdown file's prose, outside fenced code blocks and code spans.
fn links(text: &str) -> Vec<Link> {
    let chars: Vec<char> = prose(text).join("\n").chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '\\' => i += 2,
            '`' => {
                let run = chars[i..].iter().take_while(|c| **c == '`').count();
                let next = code_span_end(&chars, i + run, run).map_or(i + run, |end| end + run);
                line += chars[i..next].iter().filter(|c| **c == '\n').count();
                i = next;
            }
            '[' => {
                if let Some(target) = link_at(&chars, i) {
                    out.push(Link { line, target });
                }
                // On inside the text: an image may sit in a link's text.
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A link's destination without its title or angle brackets: `<a b.md> "t"` → `a b.md`.
fn destination(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix('<')
        && let Some(end) = rest.find('>')
    {
        return rest[..end].to_string();
    }
    raw.split_whitespace().next().unwrap_or("").to_string()
}

fn is_external(target: &str) -> bool {
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| target.starts_with(scheme))
}

/// `%20` and the like read back as the characters they stand for.
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A heading's anchor as GitHub makes it: lower case, every character that is not a letter, a
/// digit, a space, a hyphen or an underscore dropped (Chinese characters are letters), spaces
/// made hyphens.
fn slug(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(*c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A heading's text as it reads: a link in it counts by its text, not its destination.
fn heading_text(title: &str) -> String {
    let mut out = String::new();
    let mut rest = title;
    while let Some(at) = rest.find("](") {
        let text = &rest[..at];
        match text.rfind('[') {
            Some(open) => {
                out.push_str(&text[..open]);
                out.push_str(&text[open + 1..]);
            }
            None => out.push_str(text),
        }
        let after = &rest[at + 2..];
        rest = after.find(')').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// The anchors of a Markdown file's headings (`#` to `######`, outside code blocks); a
/// repeated heading gets `-1`, `-2`… as on GitHub.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    for line in prose(text) {
        let line = line.trim_start();
        let level = line.chars().take_while(|c| *c == '#').count();
        let rest = &line[level..];
        if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        // A closing run of `#` is not part of the title.
        let title = match rest.trim().rsplit_once(' ') {
            Some((head, tail)) if tail.chars().all(|c| c == '#') => head.trim(),
            _ => rest.trim(),
        };
        let base = slug(&heading_text(title));
        let times = seen.entry(base.clone()).or_insert(0);
        out.insert(if *times == 0 {
            base
        } else {
            format!("{base}-{times}")
        });
        *times += 1;
    }
    out
}

/// Whether `target`, written in `page`, names a file or folder inside the repository (`root`,
/// canonical) and, for `file.md#anchor` or `#anchor`, a heading of that file.
fn resolve(page: &Path, target: &str, root: &Path) -> Result<(), String> {
    if target.is_empty() {
        return Err("an empty link".into());
    }
    let (path, anchor) = match target.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (target, None),
    };
    let file = if path.is_empty() {
        page.to_path_buf()
    } else {
        page.parent()
            .unwrap_or(Path::new("."))
            .join(percent_decoded(path))
    };
    let Ok(found) = file.canonicalize() else {
        return Err("no such file or folder".into());
    };
    if !found.starts_with(root) {
        return Err("points outside the repository".into());
    }
    let Some(anchor) = anchor else {
        return Ok(());
    };
    if !found.is_file() || found.extension().is_none_or(|x| x != "md") {
        // An anchor into something other than Markdown (a line of source) is not checked.
        return Ok(());
    }
    let text = std::fs::read_to_string(&found).map_err(|e| format!("cannot be read: {e}"))?;
    let anchor = percent_decoded(anchor);
    if anchors(&text).contains(&anchor) {
        Ok(())
    } else {
        Err(format!("no heading with the anchor #{anchor} there"))
    }
}

#[test]
fn every_link_in_the_docs_resolves() {
    let root = root();
    let canonical = root.canonicalize().expect("the repository's folder");
    let mut problems = Vec::new();
    let mut checked = 0;
    for page in pages() {
        let name = page
            .strip_prefix(&root)
            .unwrap_or(&page)
            .display()
            .to_string();
        let text = match std::fs::read_to_string(&page) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("{name}: cannot be read: {e}"));
                continue;
            }
        };
        for link in links(&text) {
            let target = destination(&link.target);
            if is_external(&target) {
                continue;
            }
            checked += 1;
            if let Err(why) = resolve(&page, &target, &canonical) {
                problems.push(format!("{name}:{}: ({target}) {why}", link.line));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} broken links in the docs:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(
        checked > 20,
        "only {checked} links to files found: are the docs being read?"
    );
}

/// The reader sees what GitHub shows: links and images in prose, with code spans in their text,
/// across a line break; none in code spans or fenced blocks; headings' anchors as GitHub makes
/// them, repeated ones numbered.
#[test]
fn the_link_reader_reads_what_github_reads() {
    let text = "# A title: with `code`\n\
        \n\
        See [the guide](docs/guide.md#a-title-with-code), ![a picture](images/p.png \"Its title\")\n\
        and `[not a link](nowhere.md)`, [a link\n\
        over two lines](two.md) and [`code` in its text](<with space.md>).\n\
        [![an image in a link](inner.png)](outer.md) [no link] (here) \\[escaped](nowhere.md)\n\
        \n\
        ```sh\n\
        [not a link either](nowhere.md)\n\
        ```\n\
        [中文](#场景库)\n\
        \n\
        ### 场景库\n\
        ## A title: with `code` ##\n";
    let found: Vec<(usize, String)> = links(text)
        .iter()
        .map(|l| (l.line, destination(&l.target)))
        .collect();
    let want: [(usize, &str); 7] = [
        (3, "docs/guide.md#a-title-with-code"),
        (3, "images/p.png"),
        (4, "two.md"),
        (5, "with space.md"),
        (6, "outer.md"),
        (6, "inner.png"),
        (11, "#场景库"),
    ];
    let want: Vec<(usize, String)> = want.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(found, want);

    let a = anchors(text);
    let want: BTreeSet<String> = ["a-title-with-code", "场景库", "a-title-with-code-1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(a, want);
    assert_eq!(
        slug("Winning, and calibrating (a) scenario: `start_levers`"),
        "winning-and-calibrating-a-scenario-start_levers"
    );
    assert_eq!(slug("5. 每次暂停时"), "5-每次暂停时");
    assert_eq!(
        heading_text("See [the model](docs/model.md) here"),
        "See the model here"
    );
    assert_eq!(percent_decoded("with%20space.md"), "with space.md");
}
