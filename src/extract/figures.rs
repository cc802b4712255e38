//! Figures: the numbers of a clause with their units (`5.8万人`, `3—5个`,
//! `300余家`) and the comparator words around them (不少于, 以上, 约).

use std::ops::Range;

use rust_decimal::Decimal;

use crate::model::number::leading_number;
use crate::{Comparator, Dimension, Quantity, Unit};

use super::text::{Norm, is_cjk, is_cn_numeral};

/// How a comparator word before the number binds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Before {
    /// 不少于, 超过, 不超过, 低于, ...
    Strict(Comparator),
    /// 达, 达到, 提高到: the level reached (at least in a target, exact in a report).
    Reach,
    /// 约, 大约: approximately.
    About,
    /// 近, 将近, 接近: nearly, just under the figure.
    Nearly,
}

/// The comparator words before a number, longest first where one ends
/// another.
pub(super) const BEFORE_WORDS: &[(&str, Before)] = &[
    ("不少于", Before::Strict(Comparator::AtLeast)),
    ("不低于", Before::Strict(Comparator::AtLeast)),
    ("不小于", Before::Strict(Comparator::AtLeast)),
    ("至少", Before::Strict(Comparator::AtLeast)),
    ("不超过", Before::Strict(Comparator::AtMost)),
    ("不高于", Before::Strict(Comparator::AtMost)),
    ("不大于", Before::Strict(Comparator::AtMost)),
    ("不多于", Before::Strict(Comparator::AtMost)),
    ("控制在", Before::Strict(Comparator::AtMost)),
    ("超过", Before::Strict(Comparator::MoreThan)),
    ("突破", Before::Strict(Comparator::MoreThan)),
    ("多于", Before::Strict(Comparator::MoreThan)),
    ("高于", Before::Strict(Comparator::MoreThan)),
    ("大于", Before::Strict(Comparator::MoreThan)),
    ("低于", Before::Strict(Comparator::LessThan)),
    ("少于", Before::Strict(Comparator::LessThan)),
    ("小于", Before::Strict(Comparator::LessThan)),
    ("提高到", Before::Reach),
    ("跃升到", Before::Reach),
    ("跃升至", Before::Reach),
    ("提升到", Before::Reach),
    ("提高至", Before::Reach),
    ("提升至", Before::Reach),
    ("增加到", Before::Reach),
    ("增长到", Before::Reach),
    ("增至", Before::Reach),
    ("达到", Before::Reach),
    ("达", Before::Reach),
    ("超", Before::Strict(Comparator::MoreThan)),
    ("逾", Before::Strict(Comparator::MoreThan)),
    ("将近", Before::Nearly),
    ("接近", Before::Nearly),
    ("大约", Before::About),
    ("约为", Before::About),
    ("约", Before::About),
    ("近", Before::Nearly),
];

/// Unit characters that start a longer word instead: the figure is not a
/// quantity (`3个月`, `5家庭`), or, for `部门`, the unit is implied (个).
const UNIT_GUARDS: &[(&str, &[&str])] = &[
    (
        "个",
        &["月", "工作日", "小时", "季度", "百分点", "年度", "星期"],
    ),
    ("家", &["庭", "居", "电", "乡", "具"]),
    ("条", &["件", "例"]),
    ("台", &["湾", "阶", "账"]),
    ("所", &["有", "属", "在", "以", "得"]),
    ("种", &["子"]),
    ("名", &["单", "称", "录", "义", "片"]),
    ("元", &["宇宙", "素", "件"]),
    ("部", &["分", "署", "署"]),
    ("次", &["方"]),
];

/// A number with its unit and comparator words, at character indices of
/// its paragraph's normalised text.
#[derive(Clone, Debug)]
pub(super) struct Figure {
    /// Where the number starts.
    pub(super) start: usize,
    /// Where the comparator word before it starts (`start` when none).
    pub(super) lead: usize,
    /// After the unit (and 以上/以内/左右).
    pub(super) end: usize,
    /// Where the words after the figure begin.
    pub(super) tail: usize,
    pub(super) value: Quantity,
    pub(super) upper: Option<Quantity>,
    pub(super) before: Option<Before>,
    pub(super) after: Option<Comparator>,
    /// 余, 多, 左右, 上下 after the number.
    pub(super) approx: bool,
    /// Right after the number (where 余 or 多 is).
    pub(super) value_end: usize,
    /// 三大 (three major ...): a count with 个 supplied.
    pub(super) big: bool,
    /// `1000P` read as PFLOPS.
    pub(super) compute_guess: bool,
    /// `5675亿` after a money word, read as 亿元.
    pub(super) yuan_guess: bool,
    /// 前10名: a rank.
    pub(super) rank: bool,
}

/// A number read at a character, and the index after it.
struct Number {
    value: Decimal,
    magnitude: u8,
    end: usize,
}

fn number_at(n: &Norm, i: usize, limit: usize) -> Option<Number> {
    let sub = n.str(i, limit);
    let lead = leading_number(sub).ok()?;
    let consumed = sub.len() - lead.rest.len();
    let end = n.char_at_byte(n.bytes[i] + consumed);
    if end <= i {
        return None;
    }
    if !n.chars[i].is_ascii_digit() {
        let text: String = n.chars[i..end].iter().collect();
        // 上万, 千余: more than ten thousand, a thousand.
        let rough = n.ends_with(i, "上") || matches!(n.get(end), Some('余' | '多'));
        if rough && matches!(text.as_str(), "百" | "千" | "万") {
            // 千余家 is 1000家, 上万家 1万家.
            let (value, magnitude) = match text.as_str() {
                "百" => (Decimal::ONE_HUNDRED, 0),
                "千" => (Decimal::ONE_THOUSAND, 0),
                _ => (Decimal::ONE, 4),
            };
            return Some(Number {
                value,
                magnitude,
                end,
            });
        }
        // 万人, 亿元 alone are words (每万人); 一批, 一个 are articles.
        if matches!(
            text.as_str(),
            "百" | "千" | "万" | "亿" | "一" | "两" | "二"
        ) {
            return None;
        }
        // 百亿, 三千万: the number before 万 or 亿, and the magnitude, as
        // written (百亿元 is 100亿元).
        let split = text.trim_end_matches(['万', '亿']);
        if !split.is_empty() && split.len() < text.len() {
            let magnitude = text[split.len()..]
                .chars()
                .map(|c| if c == '万' { 4u8 } else { 8 })
                .sum();
            if let Ok(prefix) = leading_number(split) {
                if prefix.rest.is_empty() && prefix.magnitude == 0 {
                    return Some(Number {
                        value: prefix.value,
                        magnitude,
                        end,
                    });
                }
            }
        }
    }
    Some(Number {
        value: lead.value,
        magnitude: lead.magnitude,
        end,
    })
}

/// What follows a number.
enum UnitHit {
    Unit(Unit, usize),
    /// The unit is implied (个) and the words start at this index (部门).
    Implied(usize),
    /// Not a quantity (3个月).
    Not,
}

/// The unit at `j`, the longest that parses, unless a guard word says the
/// figure is not a quantity.
fn unit_at(n: &Norm, j: usize, limit: usize) -> Option<UnitHit> {
    for len in (1..=7).rev() {
        if j + len > limit {
            continue;
        }
        let s = n.str(j, j + len);
        if s.contains(' ') {
            continue;
        }
        let Ok(unit) = s.parse::<Unit>() else {
            continue;
        };
        let next = n.get(j + len);
        if s.ends_with(|c: char| c.is_ascii_alphabetic())
            && next.is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if s == "部" && (n.starts_with(j + 1, "门") || n.starts_with(j + 1, "委")) {
            return Some(UnitHit::Implied(j));
        }
        for (u, words) in UNIT_GUARDS {
            if *u == s && words.iter().any(|w| n.starts_with(j + len, w)) {
                return Some(UnitHit::Not);
            }
        }
        return Some(UnitHit::Unit(unit, j + len));
    }
    None
}

/// 个, the unit of a count.
fn count_unit() -> Unit {
    "个"
        .parse()
        .unwrap_or_else(|_| Dimension::Count.canonical_unit())
}

/// `value` in `unit` scaled by the magnitude written with the number (万).
fn quantity(value: Decimal, unit: Unit, magnitude: u8) -> Option<Quantity> {
    Quantity::new(value, unit.with_more_magnitude(magnitude)?).ok()
}

/// The unit of a range's lower bound written without one (3—5万人: 3万人).
fn lower_unit(upper: Unit, magnitude: u8) -> Option<Unit> {
    if magnitude == 0 {
        return Some(upper);
    }
    let base: Unit = upper.symbol().parse().ok()?;
    base.with_more_magnitude(magnitude)
}

/// A character between the bounds of a range.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '~' | '至' | '到')
}

/// Every figure of a clause, in order.
pub(super) fn figures(n: &Norm, clause: Range<usize>, compute_context: bool) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = clause.start;
    while i < clause.end {
        let c = n.chars[i];
        let prev = i.checked_sub(1).and_then(|k| n.get(k));
        let starts = if c.is_ascii_digit() {
            // Not inside a number or an ASCII word (5G, H100); a comma or a
            // point after a digit belongs to the number before.
            let before_prev = i.checked_sub(2).and_then(|k| n.get(k));
            !prev.is_some_and(|p| {
                p.is_ascii_alphanumeric()
                    || (matches!(p, '.' | ',') && before_prev.is_some_and(|b| b.is_ascii_digit()))
            })
        } else {
            is_cn_numeral(c) && !prev.is_some_and(is_cn_numeral)
        };
        if !starts || n.title[i] {
            i += 1;
            continue;
        }
        let Some(num) = number_at(n, i, clause.end) else {
            i += 1;
            continue;
        };
        let skip_to = num.end.max(i + 1);
        match figure_at(n, &clause, i, &num, compute_context) {
            Some(f) => {
                i = f.end.max(skip_to);
                out.push(f);
            }
            None => i = skip_to,
        }
    }
    out
}

/// The figure whose number `num` starts at `i`, if the words around it make
/// one: a unit after it (or a range, 三大, a computing power in P or E), and
/// the comparator words before and after it.
fn figure_at(
    n: &Norm,
    clause: &Range<usize>,
    i: usize,
    num: &Number,
    compute_context: bool,
) -> Option<Figure> {
    let prev = i.checked_sub(1).and_then(|k| n.get(k));
    // Ordinals (第8届), per-unit rates (每万人), document numbers.
    if matches!(prev, Some('第' | '每' | '〔' | '[' | '№' | '#')) {
        return None;
    }
    let mut j = num.end;
    while n.get(j) == Some(' ') {
        j += 1;
    }
    let mut approx = false;
    let value_end = j;
    if matches!(n.get(j), Some('余' | '多')) {
        if let Some(UnitHit::Unit(..) | UnitHit::Implied(_)) = unit_at(n, j + 1, clause.end) {
            approx = true;
            j += 1;
        }
    }
    let mut valued = valued(n, clause, j, num, compute_context)?;
    // A count per second (每秒百亿亿次) explains a unit; it is no figure.
    let window = i.saturating_sub(8).max(clause.start)..i;
    if valued.value.unit().symbol() == "次" && n.contains(window, "每秒") {
        return None;
    }
    if valued.upper.is_none() {
        if let Some((upper, end)) = upper_with_unit(n, clause, &valued.value, valued.end) {
            valued.upper = Some(upper);
            valued.end = end;
        }
    }
    let (end, after, about) = after_word(n, valued.end);
    // A definition (1P=每秒千万亿次) is no figure.
    if n.get(end) == Some('=') {
        return None;
    }
    let tail = if valued.big { valued.end } else { end };
    let (lead, before) = before_word(n, clause, i);
    let rank = prev == Some('前') && matches!(valued.value.unit().symbol(), "名" | "位");
    Some(Figure {
        start: i,
        lead,
        end,
        tail,
        value: valued.value,
        upper: valued.upper,
        before,
        after,
        approx: approx || about || (prev == Some('上') && !n.chars[i].is_ascii_digit()),
        value_end,
        big: valued.big,
        compute_guess: valued.compute_guess,
        yuan_guess: valued.yuan_guess,
        rank,
    })
}

/// A figure's value, as read from its number and what follows it.
struct Valued {
    value: Quantity,
    upper: Option<Quantity>,
    /// After the unit (or the upper bound's).
    end: usize,
    /// 三大 (three major ...): a count with 个 supplied.
    big: bool,
    /// `1000P` read as PFLOPS.
    compute_guess: bool,
    /// `5675亿` read as 亿元.
    yuan_guess: bool,
}

impl Valued {
    fn plain(value: Quantity, end: usize) -> Valued {
        Valued {
            value,
            upper: None,
            end,
            big: false,
            compute_guess: false,
            yuan_guess: false,
        }
    }
}

/// The value of the number `num` whose unit would start at `j`.
fn valued(
    n: &Norm,
    clause: &Range<usize>,
    j: usize,
    num: &Number,
    compute_context: bool,
) -> Option<Valued> {
    match unit_at(n, j, clause.end) {
        Some(UnitHit::Not) => None,
        Some(UnitHit::Unit(unit, end)) => Some(Valued::plain(
            quantity(num.value, unit, num.magnitude)?,
            end,
        )),
        Some(UnitHit::Implied(at)) => Some(Valued::plain(
            quantity(num.value, count_unit(), num.magnitude)?,
            at,
        )),
        None => unitless(n, clause, j, num, compute_context),
    }
}

/// The value of a number without a unit right after it: the lower bound of
/// a range whose unit is the upper bound's (3—5个, 3至5万人), a count
/// written as N大, or a computing power written with P or E.
fn unitless(
    n: &Norm,
    clause: &Range<usize>,
    j: usize,
    num: &Number,
    compute_context: bool,
) -> Option<Valued> {
    let next = n.get(j);
    if next.is_some_and(is_dash) && j + 1 < clause.end {
        // A range whose lower bound has no unit: 3—5个, 3至5万人.
        let up = number_at(n, j + 1, clause.end)?;
        let Some(UnitHit::Unit(unit, end)) = unit_at(n, up.end, clause.end) else {
            return None;
        };
        let hi = quantity(up.value, unit, up.magnitude)?;
        let lo = Quantity::new(num.value, lower_unit(hi.unit(), num.magnitude)?).ok()?;
        if lo.compare(&hi).ok()? == std::cmp::Ordering::Greater {
            return None;
        }
        Some(Valued {
            upper: Some(hi),
            ..Valued::plain(lo, end)
        })
    } else if next == Some('大') && num.magnitude == 0 && num.value <= Decimal::from(100) {
        Some(Valued {
            big: true,
            ..Valued::plain(quantity(num.value, count_unit(), 0)?, j + 1)
        })
    } else if compute_context
        && matches!(next, Some('P' | 'E'))
        && !n.get(j + 1).is_some_and(|c| c.is_ascii_alphabetic())
    {
        let unit: Unit = if next == Some('P') {
            "PFLOPS"
        } else {
            "EFLOPS"
        }
        .parse()
        .ok()?;
        Some(Valued {
            compute_guess: true,
            ..Valued::plain(quantity(num.value, unit, num.magnitude)?, j + 1)
        })
    } else if num.magnitude >= 4
        && !next.is_some_and(|c| c.is_ascii_alphanumeric() || is_cjk(c))
        && money_before(n, clause, j)
    {
        Some(Valued {
            yuan_guess: true,
            ..Valued::plain(quantity(num.value, "元".parse().ok()?, num.magnitude)?, j)
        })
    } else {
        None
    }
}

/// Words of money amounts: a number with 万 or 亿 but no unit after them
/// (增加值达5675亿) is in 元.
const MONEY_WORDS: &[&str] = &[
    "增加值",
    "产值",
    "规模",
    "收入",
    "营收",
    "交易额",
    "金额",
    "总额",
    "生产总值",
    "GDP",
    "投资",
];

/// Whether a money word is in the 16 characters of `clause` before `j`.
fn money_before(n: &Norm, clause: &Range<usize>, j: usize) -> bool {
    let from = j.saturating_sub(16).max(clause.start);
    let text = n.str(from, j);
    MONEY_WORDS.iter().any(|w| text.contains(w))
}

/// The upper bound of a range with units on both sides (3个—5个) whose
/// lower bound `value` ends at `end`: the bound and where it ends.
fn upper_with_unit(
    n: &Norm,
    clause: &Range<usize>,
    value: &Quantity,
    end: usize,
) -> Option<(Quantity, usize)> {
    if !n.get(end).is_some_and(is_dash) {
        return None;
    }
    let up = n
        .get(end + 1)
        .filter(|c| c.is_ascii_digit() || is_cn_numeral(*c))
        .and_then(|_| number_at(n, end + 1, clause.end))?;
    let Some(UnitHit::Unit(unit, e)) = unit_at(n, up.end, clause.end) else {
        return None;
    };
    let hi = quantity(up.value, unit, up.magnitude)?;
    (value.compare(&hi) == Ok(std::cmp::Ordering::Less)).then_some((hi, e))
}

/// A word at `end`, after the unit, that bounds the figure (以上, 以内,
/// 以下) or says it is approximate (左右, 上下): where the figure then
/// ends, the bound, and whether it is approximate.
fn after_word(n: &Norm, end: usize) -> (usize, Option<Comparator>, bool) {
    for (word, comparator) in [
        ("以上", Some(Comparator::AtLeast)),
        ("以内", Some(Comparator::AtMost)),
        ("以下", Some(Comparator::AtMost)),
        ("左右", None),
        ("上下", None),
    ] {
        if n.starts_with(end, word) {
            return (end + 2, comparator, comparator.is_none());
        }
    }
    (end, None, false)
}

/// The comparator word before the number at `i` (不少于, 达到, 约, perhaps
/// followed by 了), within the clause: where it starts (`i` when none) and
/// how it binds.
fn before_word(n: &Norm, clause: &Range<usize>, i: usize) -> (usize, Option<Before>) {
    let mut k = i;
    if k > clause.start && n.get(k - 1) == Some('了') {
        k -= 1;
    }
    for &(word, b) in BEFORE_WORDS {
        let len = word.chars().count();
        if k >= clause.start + len && n.ends_with(k, word) {
            return (k - len, Some(b));
        }
    }
    (i, None)
}
