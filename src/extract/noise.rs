//! The noise of copied web pages, marked to be skipped: pinyin glosses
//! after characters (`數(shù)據(jù)`), citation marks (`[2]`), and image
//! file names (`12345678901234.jpg`). The text keeps them; the reader skips
//! them, so quotes stay verbatim.

use super::text::{fold, is_cjk};

/// Whether a character is a letter of pinyin: lower-case ASCII letters and
/// the vowels with tone marks.
fn pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// The longest pinyin gloss read, in characters, parentheses aside.
const GLOSS_MAX: usize = 12;

/// The end (after the closing parenthesis) of a pinyin gloss whose opening
/// parenthesis is at `i`, right after a Chinese character.
fn gloss_end(src: &[char], i: usize) -> Option<usize> {
    let after_cjk = i > 0 && is_cjk(fold(src[i - 1]));
    if !after_cjk || !matches!(src[i], '(' | '（') {
        return None;
    }
    let mut k = i + 1;
    let mut letters = 0;
    while k < src.len() && k <= i + GLOSS_MAX {
        let c = src[k];
        if matches!(c, ')' | '）') {
            return (letters > 0).then_some(k + 1);
        }
        if pinyin_letter(c) {
            letters += 1;
        } else if c != ' ' {
            return None;
        }
        k += 1;
    }
    None
}

/// The end of a citation mark (`[2]`, `［12］`) whose bracket is at `i`.
fn citation_end(src: &[char], i: usize) -> Option<usize> {
    if !matches!(fold(src[i]), '[') {
        return None;
    }
    let digits = src[i + 1..]
        .iter()
        .take(4)
        .take_while(|c| fold(**c).is_ascii_digit())
        .count();
    let close = i + 1 + digits;
    ((1..=3).contains(&digits) && src.get(close).is_some_and(|&c| fold(c) == ']'))
        .then_some(close + 1)
}

/// Image file extensions.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"];

/// Whether a character can be part of a file name.
fn file_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// For each character of `src`, whether the reader skips it.
pub(super) fn noise(src: &[char]) -> Vec<bool> {
    let mut skip = vec![false; src.len()];
    let mut i = 0;
    while i < src.len() {
        if let Some(end) = gloss_end(src, i).or_else(|| citation_end(src, i)) {
            skip[i..end].fill(true);
            i = end;
            continue;
        }
        if file_char(src[i]) {
            // A run of file-name characters: an image name is skipped whole.
            let start = i;
            while i < src.len() && file_char(src[i]) {
                i += 1;
            }
            let run: String = src[start..i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            if IMAGE_EXTENSIONS
                .iter()
                .any(|e| run.ends_with(e) && run.len() > e.len())
            {
                skip[start..i].fill(true);
            }
            continue;
        }
        i += 1;
    }
    skip
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let src: Vec<char> = text.chars().collect();
        let skip = noise(&src);
        src.iter()
            .zip(skip)
            .filter(|(_, s)| !s)
            .map(|(c, _)| *c)
            .collect()
    }

    #[test]
    fn glosses_citations_and_image_names_are_skipped() {
        assert_eq!(kept("數(shù)據(jù)标注"), "數據标注");
        assert_eq!(kept("数（shù）据"), "数据");
        assert_eq!(kept("建成50个[2]，"), "建成50个，");
        assert_eq!(kept("建成50个［12］。"), "建成50个。");
        assert_eq!(kept("20250826123456.jpg\n全市"), "\n全市");
        assert_eq!(kept("photo_01.PNG全市"), "全市");
        // Not noise: a parenthesis after a number or with words, a year in
        // brackets, a plain file.
        assert_eq!(kept("50个(含3个)"), "50个(含3个)");
        assert_eq!(kept("（2025—2027年）"), "（2025—2027年）");
        assert_eq!(kept("数据(TB)"), "数据(TB)");
        assert_eq!(kept("[2025]"), "[2025]");
        assert_eq!(kept("report.pdf"), "report.pdf");
    }
}
