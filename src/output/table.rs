//! Plain-text tables aligned by display width, so Chinese text (two columns
//! wide per character) lines up in a terminal.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// The widest a line of a [`Table`] is by default: 120 terminal columns.
pub const WIDTH: usize = 120;

/// The narrowest a wrapped column gets, whatever the width asked.
const NARROWEST: usize = 6;

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
///
/// A table wider than its width ([`WIDTH`] unless [`Table::width`] says
/// otherwise) narrows the columns allowed to wrap ([`Table::wrap`]), widest
/// first, and writes their cells on as many lines as they need, breaking
/// between words where it can; [`Table::section`] heads the rows that
/// follow with a line of their own.
///
/// ```
/// use policy_targets::table::Table;
///
/// let mut table = Table::new(["metric", "target"]);
/// table.wrap(0).width(20);
/// table.section("Jiangsu");
/// table.push(["High-quality datasets", "≥1,000"]);
/// assert_eq!(
///     table.render(),
///     "metric        target\n------------  ------\nJiangsu\nHigh-quality  ≥1,000\ndatasets\n"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Row>,
    right: Vec<bool>,
    wrap: Vec<bool>,
    width: Option<usize>,
}

/// A row of a [`Table`]: cells, or the title of the rows that follow.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Row {
    Cells(Vec<String>),
    Section(String),
}

impl Table {
    /// A table with these column headers.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let right = vec![false; headers.len()];
        let wrap = vec![false; headers.len()];
        Table {
            headers,
            rows: Vec::new(),
            right,
            wrap,
            width: None,
        }
    }

    /// Right-aligns column `index` (for numbers).
    pub fn align_right(&mut self, index: usize) -> &mut Table {
        if let Some(r) = self.right.get_mut(index) {
            *r = true;
        }
        self
    }

    /// Lets column `index` wrap onto more lines when the table would be
    /// wider than its width.
    pub fn wrap(&mut self, index: usize) -> &mut Table {
        if let Some(w) = self.wrap.get_mut(index) {
            *w = true;
        }
        self
    }

    /// The widest a line may be, in terminal columns (default [`WIDTH`]);
    /// only columns that may wrap are narrowed to keep to it.
    pub fn width(&mut self, width: usize) -> &mut Table {
        self.width = Some(width);
        self
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    pub fn push<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.headers.len(), String::new());
        self.rows.push(Row::Cells(row));
    }

    /// Heads the rows pushed after it with `title`, on a line of its own
    /// (after a blank line, unless it comes first).
    pub fn section(&mut self, title: impl Into<String>) {
        self.rows.push(Row::Section(title.into()));
    }

    /// The number of data rows.
    pub fn len(&self) -> usize {
        self.cells().count()
    }

    /// Whether there are no data rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn cells(&self) -> impl Iterator<Item = &Vec<String>> {
        self.rows.iter().filter_map(|r| match r {
            Row::Cells(cells) => Some(cells),
            Row::Section(_) => None,
        })
    }

    /// Each column's width: its widest cell, narrowed where it may wrap
    /// until the lines fit the table's width (or the wrapping columns are
    /// as narrow as they get).
    fn widths(&self) -> Vec<usize> {
        let columns = 0..self.headers.len();
        let column =
            |i: usize| std::iter::once(&self.headers[i]).chain(self.cells().map(move |r| &r[i]));
        let mut widths: Vec<usize> = columns
            .clone()
            .map(|i| column(i).map(|c| c.width()).max().unwrap_or(0))
            .collect();
        // Words stay whole while they can: a column narrows to its longest
        // word first, then to NARROWEST. Chinese text breaks between any
        // two characters, so only words of narrow characters count.
        let words: Vec<usize> = columns
            .map(|i| {
                column(i)
                    .flat_map(|c| c.split_whitespace())
                    .filter(|w| w.width() == w.chars().count())
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0)
                    .max(NARROWEST)
            })
            .collect();
        let limit = self.width.unwrap_or(WIDTH);
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        for floor in [Some(&words), None] {
            while total(&widths) > limit {
                let narrowest = |i: usize| floor.map_or(NARROWEST, |f| f[i]);
                let widest = (0..widths.len())
                    .filter(|&i| self.wrap[i] && widths[i] > narrowest(i))
                    .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
                match widest {
                    Some(i) => widths[i] -= 1,
                    None => break,
                }
            }
        }
        widths
    }

    /// The table as text: header, a rule, the rows; trailing spaces trimmed.
    pub fn render(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if self.wrap[i] && cell.width() > widths[i] {
                        let options = textwrap::Options::new(widths[i])
                            .word_splitter(textwrap::WordSplitter::NoHyphenation);
                        textwrap::wrap(cell, options)
                            .into_iter()
                            .map(std::borrow::Cow::into_owned)
                            .collect()
                    } else {
                        vec![cell.clone()]
                    }
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let mut text = String::new();
                for (i, lines) in wrapped.iter().enumerate() {
                    if i > 0 {
                        text.push_str("  ");
                    }
                    let cell = lines.get(k).map_or("", String::as_str);
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
            }
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, &mut out);
        for (k, row) in self.rows.iter().enumerate() {
            match row {
                Row::Cells(cells) => line(cells, &mut out),
                Row::Section(title) => {
                    if k > 0 {
                        out.push('\n');
                    }
                    out.push_str(title);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// `text` with every line wider than [`WIDTH`] wrapped between words
/// (lines that fit, such as a table's, are kept as they are).
pub(crate) fn fit(text: String) -> String {
    if text.lines().all(|line| line.width() <= WIDTH) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if body.width() <= WIDTH {
            out.push_str(line);
            continue;
        }
        let options =
            textwrap::Options::new(WIDTH).word_splitter(textwrap::WordSplitter::NoHyphenation);
        for part in textwrap::wrap(body, options) {
            out.push_str(&part);
            out.push('\n');
        }
        if !line.ends_with('\n') {
            out.pop();
        }
    }
    out
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
