//! Plain-text tables aligned by display width, so Chinese text (two columns
//! wide per character) lines up in a terminal.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// A text table: a header row and data rows, columns padded to their widest
/// cell by display width; numeric columns can be right-aligned.
///
/// ```
/// use policy_targets::table::Table;
///
/// let mut table = Table::new(["地区", "目标"]);
/// table.align_right(1);
/// table.push(["江苏省", "1,000"]);
/// table.push(["Wuhan", "20"]);
/// assert_eq!(table.render(), "地区     目标\n------  -----\n江苏省  1,000\nWuhan      20\n");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    /// A table with these column headers.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let right = vec![false; headers.len()];
        Table {
            headers,
            rows: Vec::new(),
            right,
        }
    }

    /// Right-aligns column `index` (for numbers).
    pub fn align_right(&mut self, index: usize) -> &mut Table {
        if let Some(r) = self.right.get_mut(index) {
            *r = true;
        }
        self
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    pub fn push<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.headers.len(), String::new());
        self.rows.push(row);
    }

    /// The number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no data rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as text: header, a rule, the rows; trailing spaces trimmed.
    pub fn render(&self) -> String {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                std::iter::once(&self.headers[i])
                    .chain(self.rows.iter().map(|r| &r[i]))
                    .map(|c| c.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
                if self.right[i] {
                    text.push_str(&pad);
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, &mut out);
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }
}

/// A decimal written for people: thousands separated by commas, the digits
/// otherwise exact (`17282` → `17,282`, `-1234.5` → `-1,234.5`).
///
/// ```
/// use policy_targets::table::human;
/// use rust_decimal::Decimal;
/// assert_eq!(human(Decimal::new(83_0000_0000, 0)), "8,300,000,000");
/// assert_eq!(human(Decimal::new(-12345, 1)), "-1,234.5");
/// ```
pub fn human(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A column of numbers written by [`human`] with one number of decimal
/// places, the most any of them has, so that their decimal points line up
/// (`23.532620` above `11.799686`, never `23.53262`).
///
/// ```
/// use policy_targets::table::human_column;
/// use rust_decimal::Decimal;
/// let column = human_column(&[Decimal::new(2353262, 5), Decimal::new(11799686, 6), Decimal::new(1000, 0)]);
/// assert_eq!(column, ["23.532620", "11.799686", "1,000.000000"]);
/// ```
pub fn human_column(values: &[Decimal]) -> Vec<String> {
    let scale = values.iter().map(Decimal::scale).max().unwrap_or(0);
    values
        .iter()
        .map(|v| {
            let mut v = *v;
            v.rescale(scale);
            human(v)
        })
        .collect()
}

/// `text` cut to at most `width` terminal columns (Chinese characters take
/// two), ending in `…` where it was cut.
///
/// ```
/// use policy_targets::table::shorten;
/// assert_eq!(shorten("江苏省培育壮大数据企业行动方案", 12), "江苏省培育…");
/// assert_eq!(shorten("短标题", 12), "短标题");
/// ```
pub fn shorten(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}
