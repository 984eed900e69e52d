//! Chinese line breaking in the game's wrapped texts. egui keeps some closing punctuation off the
//! start of a line (。、」 and the like) but not the full-width comma, semicolon, colon, question
//! and exclamation marks or closing brackets (，；：？！）), so a card could show a line starting
//! with "，". [`label`] lays a text out at the width there is and, wherever a line would start
//! with closing punctuation, breaks the line one character earlier, so that the character before
//! the punctuation goes down with it (the rule Chinese typesetting calls 避头点).

use bevy_egui::egui::{self, text::LayoutJob};

/// Characters no line may start with.
pub const NOT_AT_LINE_START: &str = "，。、；：？！）」』】》〉〕…—’”";

/// At most this many breaks are moved in one text (a paragraph has a handful of lines).
const MAX_MOVES: usize = 64;

/// A wrapped label whose lines never start with closing punctuation.
pub fn label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let width = ui.available_width();
    let job =
        text.into()
            .into_layout_job(ui.style(), egui::FontSelection::Default, ui.text_valign());
    let job = broken(ui.ctx(), (*job).clone(), width);
    ui.add(egui::Label::new(job).wrap())
}

/// `job` with a newline before the last character of every line that the next line's closing
/// punctuation would otherwise start, laid out at `width` points.
pub fn broken(ctx: &egui::Context, mut job: LayoutJob, width: f32) -> LayoutJob {
    job.wrap.max_width = width;
    for _ in 0..MAX_MOVES {
        let galley = ctx.fonts_mut(|f| f.layout_job(job.clone()));
        let Some(at) = first_bad_break(&galley) else {
            return job;
        };
        insert_newline(&mut job, at);
    }
    job
}

/// The character index where a newline would mend the first line that starts with closing
/// punctuation after a wrap (not after a newline of the text's own), if there is one.
fn first_bad_break(galley: &egui::Galley) -> Option<usize> {
    let mut start = 0;
    let mut wrapped = false;
    for row in &galley.rows {
        if wrapped
            && row
                .glyphs
                .first()
                .is_some_and(|g| NOT_AT_LINE_START.contains(g.chr))
            && start >= 2
        {
            // Before the previous line's last character, unless that line is that one character.
            return Some(start - 1);
        }
        wrapped = !row.ends_with_newline;
        start += row.char_count_including_newline().0;
    }
    None
}

/// Puts a newline before character `at` of the job's text, keeping every section's format.
fn insert_newline(job: &mut LayoutJob, at: usize) {
    let Some((byte, _)) = job.text.char_indices().nth(at) else {
        return;
    };
    job.text.insert(byte, '\n');
    for s in &mut job.sections {
        if s.byte_range.start.0 > byte {
            s.byte_range.start.0 += 1;
        }
        if s.byte_range.end.0 > byte {
            s.byte_range.end.0 += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(ctx: &egui::Context, job: LayoutJob) -> Vec<String> {
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        galley
            .rows
            .iter()
            .map(|r| r.glyphs.iter().map(|g| g.chr).collect())
            .collect()
    }

    /// At every width, no line of a Chinese sentence starts with closing punctuation, and the
    /// text is unchanged but for the line breaks; at some width egui alone would have started one
    /// (so the test sees the case it mends).
    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let ctx = egui::Context::default();
        let _ = ctx.run_ui(egui::RawInput::default(), |_| {});
        let text = "顾客第一，员工第二，股东第三。你们的决策先服务了谁？其他两方为此付出了什么！";
        let font = egui::FontId::proportional(16.0);
        let mut egui_alone_did = false;
        for width in (40..400).step_by(3) {
            let job = LayoutJob::simple(text.into(), font.clone(), egui::Color32::WHITE, 0.0);
            let mut plain = job.clone();
            plain.wrap.max_width = width as f32;
            egui_alone_did |= rows(&ctx, plain).iter().skip(1).any(|r| {
                r.chars()
                    .next()
                    .is_some_and(|c| NOT_AT_LINE_START.contains(c))
            });
            let mended = broken(&ctx, job, width as f32);
            assert_eq!(mended.text.replace('\n', ""), text);
            for (i, r) in rows(&ctx, mended).iter().enumerate().skip(1) {
                let first = r.chars().next();
                assert!(
                    !first.is_some_and(|c| NOT_AT_LINE_START.contains(c)),
                    "width {width}: line {i} starts with {first:?}"
                );
            }
        }
        assert!(
            egui_alone_did,
            "egui's own breaks never started a line with punctuation"
        );
    }
}
