//! Jurisdiction mentions: the place names of a paragraph, save a venue
//! (在成都召开) and a group named as what is built or counted.

use super::lexicon::{Lexicon, Place};
use super::places::{NATION, PLACE_GUARDS};
use super::text::{Norm, is_cn_numeral};

/// A place named in a paragraph.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub(super) pos: usize,
    pub(super) end: usize,
    pub(super) place: Place,
    pub(super) name: String,
    /// Inside a document title 《…》.
    pub(super) title: bool,
}

/// The places a paragraph names, in the order of the text, none
/// overlapping: at each position the longest name.
pub(super) fn mentions(n: &Norm, lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    // Every name at every position, found in one pass; at each position the
    // names are tried longest first, as they are listed.
    let lowered = n.s.to_ascii_lowercase();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); n.len()];
    for m in lexicon.place_names.find_overlapping_iter(&lowered) {
        at[n.char_at_byte(m.start())].push(m.pattern().as_usize());
    }
    let mut i = 0;
    while i < n.len() {
        at[i].sort_unstable();
        let hit = at[i]
            .iter()
            .map(|&k| &lexicon.places[k])
            .find(|(name, _)| guard_ok(n, i, name.len(), name));
        let Some((name, place)) = hit.or_else(|| nation_at_head(n, i, lexicon)) else {
            i += 1;
            continue;
        };
        let end = i + name.len();
        // A venue (在成都召开) is not whose figures these are.
        let venue = i > 0
            && n.get(i - 1) == Some('在')
            && ["召开", "举行", "举办", "开幕", "闭幕"]
                .iter()
                .any(|w| (end..end + 4).any(|k| n.starts_with(k, w)));
        let object = place.group && built_or_counted(n, i, end);
        if !venue && !object && !not_whose(n, i, end, place) {
            out.push(Mention {
                pos: i,
                end,
                place: place.clone(),
                name: n.text(i..end),
                title: n.title[i],
            });
        }
        i = end;
    }
    out
}

/// Words after 中国 that make it part of a proper name (中国移动, 中国信通院).
const NAMES_AFTER_CHINA: &[&str] = &[
    "移动",
    "电信",
    "联通",
    "铁塔",
    "信通院",
    "信息通信",
    "电子",
    "科学院",
    "工程院",
    "银行",
    "人民银行",
    "证监会",
    "银保监",
    "人寿",
    "石油",
    "石化",
    "中铁",
    "建筑",
    "联合",
    "国际",
    "电科",
    "电信息",
    "共产党",
    "人民",
    "制造",
    "数谷",
    "光谷",
    "声谷",
    "云",
];

/// 中国 at the head of a sentence (中国数据产量达到…): the nation, by the
/// name of the nation in `lexicon`; not when it opens a proper name.
fn nation_at_head<'a>(n: &Norm, i: usize, lexicon: &'a Lexicon) -> Option<&'a (Vec<char>, Place)> {
    // A year may open the sentence before it (2023年中国数据交易市场规模).
    let year_before = i >= 5
        && n.get(i - 1) == Some('年')
        && (i - 5..i - 1).all(|k| n.get(k).is_some_and(|c| c.is_ascii_digit()));
    let start = if year_before { i - 5 } else { i };
    let head = start == 0
        || n.get(start - 1)
            .is_some_and(|c| matches!(c, '。' | ';' | '!' | '?' | ':' | '，' | ','));
    if !head
        || !n.starts_with(i, "中国")
        || NAMES_AFTER_CHINA.iter().any(|w| n.starts_with(i + 2, w))
    {
        return None;
    }
    let nation: Vec<char> = "全国".chars().collect();
    lexicon
        .places
        .iter()
        .find(|(name, place)| *name == nation && place.code.as_str() == NATION)
}

/// Words after the nation's name that compare with it or rank in it
/// (全国领先, 全国首位, 全国平均水平): the figure is not the nation's.
const NATION_COMPARED: &[&str] = &[
    "领先",
    "首位",
    "第一",
    "前列",
    "前茅",
    "百强",
    "平均",
    "标杆",
    "一流",
    "示范",
    "首批",
    "影响",
    "范围",
    "同类",
    "同行",
    "排名",
    "性",
    "率先",
    "最",
    "十大",
    "一体化",
];

/// Words that end a title of rank in the nation a few characters after
/// its name (全国算力高地, 全国产业数字化示范区).
const NATION_TITLES: &[&str] = &["高地", "示范区", "先行区", "样板", "标杆", "引领区"];

/// Words before a place that rank the figure in it (位居全国, 跻身全国).
const RANKED_IN: &[&str] = &["居", "位列", "跻身", "领跑", "领先", "排名", "列"];

/// Bylines before a place (新华社北京10月9日电): where the news was
/// written, not whose figures it gives.
const BYLINES: &[&str] = &[
    "新华社",
    "中新社",
    "中新网",
    "新华网",
    "人民网",
    "央视网",
    "央广网",
    "客户端",
    "本报",
    "讯",
];

/// Words after a place that make it part of the name of a newspaper or a
/// broadcaster (「深圳特区报」, 北京青年报记者, 新华日报).
const PRESS_AFTER: &[&str] = &[
    "日报",
    "晚报",
    "特区报",
    "青年报",
    "商报",
    "时报",
    "早报",
    "电视台",
    "广播电视台",
    "新闻网",
];

/// Whether the place named at `i..end` is not whose figure follows: a
/// share of it (占全国, 占浙江省比重), a comparison or rank in the nation
/// (全国领先, 位居全国), a byline (新华社北京), a newspaper (深圳特区报),
/// a place of a list given as a
/// sample of a count (北京、上海等22个省份).
fn not_whose(n: &Norm, i: usize, end: usize, place: &Place) -> bool {
    if n.ends_with(i, "占") || n.ends_with(i, "占到") {
        return true;
    }
    let nation = place.code.as_str() == NATION && !place.weak;
    // A title of rank in the nation (全国算力高地, 全国数字化转型示范区).
    let titled = || (end..end + 6).any(|k| NATION_TITLES.iter().any(|w| n.starts_with(k, w)));
    if nation
        && (NATION_COMPARED.iter().any(|w| n.starts_with(end, w))
            || RANKED_IN.iter().any(|w| n.ends_with(i, w))
            || titled())
    {
        return true;
    }
    if BYLINES.iter().any(|w| n.ends_with(i, w))
        || dateline_after(n, end)
        || PRESS_AFTER.iter().any(|w| n.starts_with(end, w))
    {
        return true;
    }
    // A national body heading the bodies that issue (国家数据局等17部门)
    // still names the nation.
    !place.weak && sample_list(n, end)
}

/// Whether a date of a byline follows (北京10月9日电).
fn dateline_after(n: &Norm, end: usize) -> bool {
    let mut k = end;
    let mut digits = 0;
    while k < end + 12 {
        match n.get(k) {
            Some(c) if c.is_ascii_digit() => digits += 1,
            Some('月' | '日') if digits > 0 => {}
            Some('电') => return digits > 0 && n.get(k - 1) == Some('日'),
            _ => return false,
        }
        k += 1;
    }
    false
}

/// Whether the place ending at `end` is an item of a list of places that
/// ends with 等 and a count (北京、上海等22个省份): a sample, not whose
/// figure it is.
fn sample_list(n: &Norm, end: usize) -> bool {
    if !matches!(n.get(end), Some('、' | '等')) {
        return false;
    }
    let numeral = |c: char| c.is_ascii_digit() || is_cn_numeral(c);
    for k in end..end + 48 {
        match n.get(k) {
            Some('等') => return n.get(k + 1).is_some_and(numeral),
            Some(c) if c == '、' || super::text::is_cjk(c) => {}
            _ => return false,
        }
    }
    false
}

/// Verbs whose object a group name can be (建设国家数据标注基地).
const OBJECT_VERBS: &[&str] = &[
    "建好", "争创", "申报", "申建", "获批", "设立", "认定", "创建", "新建", "建设", "建成", "打造",
    "培育", "布局", "遴选", "建立", "构建", "形成", "推动", "新增", "建", "承接", "入选", "获评",
    "成为",
];

/// Whether the group name at `i..end` is what is built or counted
/// (建设国家数据标注基地, 3个数据标注基地, 数据标注基地3个) rather than whose
/// figures follow.
fn built_or_counted(n: &Norm, i: usize, end: usize) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || is_cn_numeral(c);
    // A count right after the name.
    if n.get(end)
        .is_some_and(|c| numeral(c) && c != '万' && c != '亿')
    {
        return true;
    }
    // A count right before it (3个, 一批, 若干, 七个国家级), then perhaps a
    // verb.
    let mut k = i;
    if let Some(m) = ["国家级", "省级", "市级", "区域性", "行业", "综合", "特色"]
        .iter()
        .find(|m| n.ends_with(k, m))
    {
        k -= m.chars().count();
    }
    if k > 0
        && n.get(k - 1)
            .is_some_and(|c| matches!(c, '个' | '家' | '批' | '处'))
    {
        let mut m = k - 1;
        while m > 0 && n.get(m - 1).is_some_and(numeral) {
            m -= 1;
        }
        if m < k - 1 {
            return true;
        }
    }
    if n.ends_with(k, "若干") {
        k -= 2;
    }
    OBJECT_VERBS.iter().any(|w| n.ends_with(k, w))
}

/// Whether a short place name at `i` is not part of a common word (see
/// [`PLACE_GUARDS`]).
fn guard_ok(n: &Norm, i: usize, len: usize, name: &[char]) -> bool {
    let name: String = name.iter().collect();
    PLACE_GUARDS
        .iter()
        .filter(|(g, _, _)| *g == name)
        .all(|(_, not_before, not_after)| {
            let before = i.checked_sub(1).and_then(|k| n.get(k));
            let after = n.get(i + len);
            !before.is_some_and(|c| not_before.contains(c))
                && !after.is_some_and(|c| not_after.contains(c))
        })
}
