//! Sentences (。；！？) and their clauses (，： and 、 between two figures).

use std::ops::Range;

use super::text::Norm;

/// A sentence of a paragraph and its clauses, as character ranges of its
/// normalised text.
pub(super) struct Sentence {
    pub(super) range: Range<usize>,
    pub(super) clauses: Vec<Range<usize>>,
}

fn has_number(n: &Norm, range: &Range<usize>) -> bool {
    n.chars[range.clone()].iter().any(|&c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
            )
    })
}

pub(super) fn sentences(n: &Norm) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=n.len() {
        let end = i == n.len();
        if end || (matches!(n.chars[i], '。' | '!' | '?' | ';' | '…') && !n.title[i]) {
            if i > start {
                out.push(Sentence {
                    range: start..i,
                    clauses: clauses(n, start..i),
                });
            }
            start = i + 1;
        }
    }
    out
}

fn clauses(n: &Norm, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut hard = Vec::new();
    let mut start = sentence.start;
    let mut i = sentence.start;
    while i < sentence.end {
        let c = n.chars[i];
        let mut cut = 0;
        if !n.title[i] {
            if matches!(c, '，' | ':') {
                cut = 1;
            } else if c == ',' {
                let thousands = i > 0
                    && n.get(i - 1).is_some_and(|p| p.is_ascii_digit())
                    && (1..=3).all(|k| n.get(i + k).is_some_and(|d| d.is_ascii_digit()))
                    && !n.get(i + 4).is_some_and(|d| d.is_ascii_digit());
                if !thousands {
                    cut = 1;
                }
            } else if c == '—' && n.get(i + 1) == Some('—') {
                cut = 2;
            }
        }
        if cut > 0 {
            if i > start {
                hard.push(start..i);
            }
            i += cut;
            start = i;
        } else {
            i += 1;
        }
    }
    if sentence.end > start {
        hard.push(start..sentence.end);
    }
    // 、 separates clauses when the items on both sides hold figures
    // (建设数据集50个、数据企业100家), not in a plain list of names.
    let mut out = Vec::new();
    for clause in hard {
        if n.contains(clause.clone(), "分别") {
            out.push(clause);
            continue;
        }
        let mut pieces = Vec::new();
        let mut s = clause.start;
        for i in clause.clone() {
            if n.chars[i] == '、' && !n.title[i] {
                pieces.push(s..i);
                s = i + 1;
            }
        }
        pieces.push(s..clause.end);
        let mut current = pieces[0].clone();
        for pair in pieces.windows(2) {
            if has_number(n, &pair[0]) && has_number(n, &pair[1]) {
                out.push(current);
                current = pair[1].clone();
            } else {
                current.end = pair[1].end;
            }
        }
        out.push(current);
    }
    out.retain(|r| !r.is_empty());
    out
}
