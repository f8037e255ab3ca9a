//! One article's text, line by line with its line numbers, every fact marked with `<mark>` (its count
//! and date in `<strong>`) and explained in a side note beside the line where it starts.
//!
//! One pass over the lines: each line looks only at the facts that overlap it (the ones carried
//! over from the lines before and the ones that start in it), so the work is linear in the text
//! and the facts, even on a 10 MB article written on one line. Facts that overlap are nested
//! marks; a mark that runs over a line break is closed at the end of the line and opened again
//! on the next (only its first piece has the id links point to).

use std::io;

use super::facts::{Class, FactTable};
use super::{Html, claim_place};
use crate::check::Report;
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::source::{FileId, SourceFile, SourceMap};

/// What rendering an article needs from the run.
pub struct Context<'a> {
    pub sources: &'a SourceMap,
    pub lexicon: &'a Lexicon,
    pub report: &'a Report,
    pub facts: &'a FactTable<'a>,
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A fact's tooltip: `contradicted: Netherlands expelled 17 Russia`.
fn title(ctx: &Context, n: usize) -> String {
    let Some(e) = ctx.facts.entries.get(n) else { return String::new() };
    format!("{}: {}", e.class.name(), fact_line(e.fact, ctx.lexicon))
}

/// How many of the article's facts have each class, worst first (for the heading and the nav).
pub fn class_counts(facts: &FactTable, file: FileId) -> Vec<(Class, usize)> {
    let mut counts = [0usize; 5];
    for e in facts.entries.get(facts.of_article(file)).unwrap_or_default() {
        if let Some(c) = counts.get_mut(e.class as usize) {
            *c += 1;
        }
    }
    let classes = [
        Class::Contradicted,
        Class::Conflicting,
        Class::Unverified,
        Class::Supported,
        Class::Other,
    ];
    classes.into_iter().map(|c| (c, counts[c as usize])).filter(|&(_, n)| n > 0).collect()
}

/// Writes `<article id="a{number}">`: the heading, then the text with its marks and notes.
pub fn write(h: &mut Html, ctx: &Context, file: FileId, number: usize) -> io::Result<()> {
    let src = ctx.sources.get(file);
    let counts = class_counts(ctx.facts, file);
    let problems = counts.iter().any(|(c, _)| c.is_problem());
    write!(
        h.out,
        "<article class=\"doc{}\" id=\"a{number}\" aria-labelledby=\"a{number}-h\">\n<h3 id=\"a{number}-h\">",
        if problems { " problems" } else { "" }
    )?;
    h.text(&src.name)?;
    h.raw("</h3>\n<p class=\"counts\">")?;
    write_counts(h, &counts)?;
    h.raw("</p>\n<div class=\"src\">\n")?;
    write_lines(h, ctx, src, file)?;
    h.raw("</div>\n</article>\n")
}

/// `2 contradicted, 1 unverified` (or `no facts`).
pub fn write_counts(h: &mut Html, counts: &[(Class, usize)]) -> io::Result<()> {
    if counts.is_empty() {
        return h.raw("no facts");
    }
    for (i, (class, n)) in counts.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        write!(h.out, "{sep}<span class=\"tag v-{}\">{n} {}</span>", class.name(), class.label())?;
    }
    Ok(())
}

/// A fact's piece of text: event positions inside one line.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    /// Ends sort before starts at the same position, so that touching facts do not nest.
    End(usize),
    /// The end of a fact's figure: its count or date, in bold.
    FigureEnd,
    /// A fact with no text: an empty mark, still a link target.
    Empty(usize),
    FigureStart,
    Start(usize),
}

fn write_lines(h: &mut Html, ctx: &Context, src: &SourceFile, file: FileId) -> io::Result<()> {
    let text = src.text.as_str();
    let range = ctx.facts.of_article(file);
    let mut next = range.start;
    // Facts that go on past the current line, and whether each fact's first piece is written.
    let mut carried: Vec<usize> = Vec::new();
    let mut opened = vec![false; range.len()];
    let mut lines = src.line_count();
    if lines > 1 && text.ends_with('\n') {
        lines -= 1; // No empty last line after the final line break.
    }
    let mut events: Vec<(usize, Event)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut started: Vec<usize> = Vec::new();
    let mut first: Vec<usize> = Vec::new();
    for line in 0..lines {
        let Some(lr) = src.line_range(line) else { break };
        let line_end_with_break =
            src.line_range(line + 1).map_or(text.len(), |next_line| next_line.start).max(lr.end);
        // The facts on this line: those carried over, and those starting before the next line.
        let mut here = std::mem::take(&mut carried);
        while next < range.end
            && ctx.facts.entries.get(next).is_some_and(|e| e.fact.span.start < line_end_with_break)
        {
            here.push(next);
            next += 1;
        }
        events.clear();
        for &n in &here {
            let Some(e) = ctx.facts.entries.get(n) else { continue };
            let s = floor_boundary(text, e.fact.span.start.clamp(lr.start, lr.end));
            let t = floor_boundary(text, e.fact.span.end.clamp(lr.start, lr.end));
            if e.fact.span.end > line_end_with_break {
                carried.push(n);
            }
            if t > s {
                events.push((s, Event::Start(n)));
                events.push((t, Event::End(n)));
                for figure in [&e.fact.quantity_span, &e.fact.date_span].into_iter().flatten() {
                    let fs = floor_boundary(text, figure.start.clamp(s, t));
                    let ft = floor_boundary(text, figure.end.clamp(s, t));
                    if ft > fs {
                        events.push((fs, Event::FigureStart));
                        events.push((ft, Event::FigureEnd));
                    }
                }
            } else if e.fact.span.end <= line_end_with_break
                && !opened.get(n.wrapping_sub(range.start)).copied().unwrap_or(true)
            {
                events.push((s, Event::Empty(n)));
            }
        }
        events.sort_unstable();
        write!(h.out, "<div class=\"l\"><span class=\"n\">{}</span><span class=\"t\">", line + 1)?;
        open.clear();
        started.clear();
        let mut pos = lr.start;
        let mut figures = 0usize;
        let mut marks = Written::default();
        for &(at, event) in &events {
            if at > pos {
                marks.sync(h, ctx, &open, figures > 0, &mut first)?;
                h.text(text.get(pos..at).unwrap_or_default())?;
                pos = at;
            }
            match event {
                Event::FigureStart => figures += 1,
                Event::FigureEnd => figures = figures.saturating_sub(1),
                Event::End(n) => open.retain(|&o| o != n),
                Event::Start(n) => {
                    open.push(n);
                    if start_fact(&mut opened, range.start, n, &mut started) {
                        first.push(n); // Its id goes on the first piece written.
                    }
                }
                Event::Empty(n) => {
                    start_fact(&mut opened, range.start, n, &mut started);
                    first.push(n);
                    write_mark(h, ctx, n, &mut first)?;
                    h.raw("</mark>")?;
                }
            }
        }
        if lr.end > pos {
            marks.sync(h, ctx, &open, false, &mut first)?;
            h.text(text.get(pos..lr.end).unwrap_or_default())?;
        }
        marks.sync(h, ctx, &[], false, &mut first)?;
        first.clear();
        h.raw("</span>")?;
        if !started.is_empty() {
            h.raw("<aside class=\"notes\">")?;
            for &n in &started {
                write_note(h, ctx, n)?;
            }
            h.raw("</aside>")?;
        }
        h.raw("</div>\n")?;
    }
    Ok(())
}

/// Records that fact `n` starts on this line; false when an earlier line had its first piece.
fn start_fact(opened: &mut [bool], base: usize, n: usize, started: &mut Vec<usize>) -> bool {
    match opened.get_mut(n.wrapping_sub(base)) {
        Some(o) if !*o => {
            *o = true;
            started.push(n);
            true
        }
        _ => false,
    }
}

/// The marks (outermost first) and the `<strong>` open in the output at the current position.
#[derive(Default)]
struct Written {
    marks: Vec<usize>,
    strong: bool,
}

impl Written {
    /// Closes and opens what is needed for the text that follows to be inside the marks `open`,
    /// in bold when `figure`. Marks are closed and opened again only when the set changes; a
    /// fact in `first` gets its id on the mark opened here.
    fn sync(
        &mut self,
        h: &mut Html,
        ctx: &Context,
        open: &[usize],
        figure: bool,
        first: &mut Vec<usize>,
    ) -> io::Result<()> {
        let reopen = self.marks != open;
        if self.strong && (reopen || !figure) {
            h.raw("</strong>")?;
            self.strong = false;
        }
        if reopen {
            for _ in self.marks.drain(..) {
                h.raw("</mark>")?;
            }
            for &n in open {
                write_mark(h, ctx, n, first)?;
            }
            self.marks.extend_from_slice(open);
        }
        if figure && !self.strong {
            h.raw("<strong>")?;
            self.strong = true;
        }
        Ok(())
    }
}

/// `<mark class="v-CLASS" title="...">`, with the id `fN` when `n` is in `first`.
fn write_mark(h: &mut Html, ctx: &Context, n: usize, first: &mut Vec<usize>) -> io::Result<()> {
    let class = ctx.facts.entries.get(n).map_or(Class::Other, |e| e.class);
    write!(h.out, "<mark class=\"v-{}\"", class.name())?;
    if let Some(i) = first.iter().position(|&p| p == n) {
        first.swap_remove(i);
        write!(h.out, " id=\"f{}\"", n + 1)?;
    }
    h.raw(" title=\"")?;
    h.text(&title(ctx, n))?;
    h.raw("\">")
}

/// The side note of fact `n`: its class, the fact as a claim line, and the claims about it.
fn write_note(h: &mut Html, ctx: &Context, n: usize) -> io::Result<()> {
    let Some(e) = ctx.facts.entries.get(n) else { return Ok(()) };
    let class = e.class.name();
    write!(
        h.out,
        "<p class=\"note v-{class}\" id=\"n{id}\"><a class=\"tag v-{class}\" href=\"#f{id}\">{}</a> <code>",
        e.class.label(),
        id = n + 1,
    )?;
    h.text(&fact_line(e.fact, ctx.lexicon))?;
    h.raw("</code>")?;
    if e.claims.is_empty() {
        h.raw(match e.class {
            Class::Unverified => " no claim covers it",
            _ => " about a claim, not what its verdict rests on (or silenced)",
        })?;
    }
    for (ci, relation) in &e.claims {
        let Some(c) = ctx.report.claims.get(*ci) else { continue };
        h.raw("<br>")?;
        h.text(&relation.describe())?;
        write!(h.out, " <a href=\"#c{}\">", ci + 1)?;
        h.text(&claim_place(ctx.sources, &c.claim))?;
        h.raw("</a> <code>")?;
        h.text(ctx.sources.get(c.claim.file).text.get(c.claim.span.clone()).unwrap_or_default())?;
        h.raw("</code>")?;
    }
    h.raw("</p>")
}

#[cfg(test)]
mod tests {
    use super::super::{Meta, Run, render};
    use crate::check::{Policy, Report};
    use crate::lexicon::{Lexicon, Predicate};
    use crate::model::Fact;
    use crate::source::SourceMap;

    /// The article part of the page for facts at these spans of `text`.
    fn page(text: &str, spans: &[std::ops::Range<usize>]) -> String {
        let mut sources = SourceMap::new();
        let file = sources.add("a.txt", text);
        let mut lexicon = Lexicon::new();
        lexicon.add_predicate(Predicate::new("expelled"));
        let facts: Vec<Fact> = spans.iter().map(|s| Fact::bare(file, s.clone())).collect();
        let report = Report { unverified: facts.clone(), ..Report::default() };
        let run = Run {
            report: &report,
            sources: &sources,
            lexicon: &lexicon,
            policy: &Policy::default(),
            facts: &facts,
            articles: &[file],
            claim_files: &[],
            diagnostics: &[],
        };
        let meta = Meta { version: "t".into(), date: "d".into(), config: None, exit_code: 0 };
        let html = render(&run, &meta);
        let start = html.find("<div class=\"src\">").expect("the text");
        html[start..html.find("</article>").expect("its end")].to_string()
    }

    fn balanced(html: &str) {
        assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count(), "{html}");
        let mut depth = 0i32;
        for piece in html.split('<').skip(1) {
            if piece.starts_with("mark") {
                depth += 1;
            } else if piece.starts_with("/mark") {
                depth -= 1;
            } else if piece.starts_with("/span") || piece.starts_with("/div") {
                assert_eq!(depth, 0, "a mark crosses an element: {html}");
            }
            assert!(depth >= 0, "{html}");
        }
    }

    #[test]
    fn overlapping_facts_nest_and_each_has_one_id() {
        let text = "aaa bbb ccc ddd\n";
        let html = page(text, &[0..7, 4..11, 4..7, 12..12]);
        balanced(&html);
        for n in 1..=4 {
            assert_eq!(html.matches(&format!("id=\"f{n}\"")).count(), 1, "f{n}: {html}");
            assert_eq!(html.matches(&format!("id=\"n{n}\"")).count(), 1, "n{n}: {html}");
        }
        // The text is all there, once.
        let plain: String = html.split('<').map(|p| p.split_once('>').map_or(p, |x| x.1)).collect();
        assert!(plain.contains("1aaa bbb ccc ddd"), "{plain}");
    }

    #[test]
    fn a_fact_over_a_line_break_is_marked_on_each_line() {
        let text = "one two\r\nthree four\n\nfive";
        let html = page(text, &[4..14, 20..24, 23..40]);
        balanced(&html);
        assert_eq!(html.matches("id=\"f1\"").count(), 1);
        assert_eq!(html.matches("class=\"l\"").count(), 4, "four lines: {html}");
        assert!(html.contains("\">two</mark>"), "{html}");
        assert!(html.contains("\">three</mark>"), "{html}");
        // A span inside a character or past the end is cut to the text.
        let odd = page("é “x”", &[1..4, 0..99]);
        balanced(&odd);
        assert!(odd.contains("id=\"f1\"") && odd.contains("id=\"f2\""), "{odd}");
    }
}
