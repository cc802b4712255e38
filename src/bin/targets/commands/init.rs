//! `targets init`: a small valid data folder to start from.

use std::fs::DirEntry;

use crate::args::InitArgs;
use crate::failure::{Failure, say};
use crate::write::{emit, replace_folder};

/// The files of a new data folder, by path inside it: the catalogues and
/// two example sources (a plan with one target, the census with the
/// populations per-capita comparisons divide by).
const STARTER: &[(&str, &str)] = &[
    (
        "jurisdictions.toml",
        include_str!("../starter/jurisdictions.toml"),
    ),
    ("metrics.toml", include_str!("../starter/metrics.toml")),
    (
        "sources/jiangsu_data_enterprise_action_plan_2025_2027.toml",
        include_str!("../starter/sources/jiangsu_data_enterprise_action_plan_2025_2027.toml"),
    ),
    (
        "sources/census_2020_bulletin.toml",
        include_str!("../starter/sources/census_2020_bulletin.toml"),
    ),
];

/// Writes the starter folder `args.dir` (completely or not at all; an
/// existing folder only if it is empty) and says what to do next.
pub fn run(args: InitArgs) -> Result<(), Failure> {
    let InitArgs { dir, lang } = args;
    replace_folder(&dir, nothing_to_keep, |tmp| {
        for (name, text) in STARTER {
            let path = tmp.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Failure::cannot_write(&dir.join(name), e))?;
            }
            std::fs::write(&path, text).map_err(|e| Failure::cannot_write(&dir.join(name), e))?;
        }
        Ok(())
    })?;
    let shown = dir.display();
    let next = say(
        lang,
        format!(
            "已写入数据文件夹 {shown}：jurisdictions.toml、metrics.toml 以及 sources/ 中的两个来源\n\
             下一步：在 {shown}/sources/ 中添加来源文件，然后用以下命令检查\n  \
             targets --data {shown} validate\n"
        ),
        format!(
            "wrote a data folder to {shown}: jurisdictions.toml, metrics.toml and two sources in sources/\n\
             next: add a source file to {shown}/sources/, then check it with\n  \
             targets --data {shown} validate\n"
        ),
    );
    emit(None, next.as_bytes())
}

/// An existing folder is replaced only when it holds nothing.
fn nothing_to_keep(_: &DirEntry) -> bool {
    false
}
