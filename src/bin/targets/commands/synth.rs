//! `targets synth`: a synthetic data folder of a given size.

use std::fs::{DirEntry, FileType};
use std::path::Path;

use policy_targets::Lang;
use policy_targets::synth::{FILES, Spec, write_folder};

use crate::args::SynthArgs;
use crate::failure::{Failure, in_lang};
use crate::write::{emit, replace_folder};

/// Writes the folder `args.dir` and prints what it holds.
pub fn run(args: SynthArgs) -> Result<(), Failure> {
    let SynthArgs {
        jurisdictions,
        metrics,
        months,
        seed,
        dir,
        lang,
    } = args;
    let spec = Spec {
        jurisdictions,
        metrics,
        months,
        seed,
    };
    let mut summary = None;
    replace_folder(&dir, written_by_synth, |tmp| {
        summary = Some(write_folder(&spec, tmp).map_err(|e| in_lang(&e, lang))?);
        Ok(())
    })?;
    let Some(s) = summary else {
        return Ok(());
    };
    let (places, dir) = (s.jurisdictions, dir.display());
    let summary = match lang {
        Lang::Zh => format!(
            "已写入 {places} 个地区、{} 个指标、{} 项目标和 {} 条实绩（{} 至 {}）到 {dir}\n",
            s.metrics, s.targets, s.observations, s.first_day, s.last_day
        ),
        Lang::En => format!(
            "wrote {places} jurisdictions, {} metrics, {} targets and {} observations ({} to {}) to {dir}\n",
            s.metrics, s.targets, s.observations, s.first_day, s.last_day
        ),
    };
    emit(None, summary.as_bytes())
}

/// Whether `entry` is one synth writes: one of its files, or `sources/` with
/// nothing but its one file.
fn written_by_synth(entry: &DirEntry) -> bool {
    let name = entry.file_name();
    let is = |t: fn(&FileType) -> bool| entry.file_type().is_ok_and(|f| t(&f));
    if name == "sources" && is(FileType::is_dir) {
        std::fs::read_dir(entry.path()).is_ok_and(|mut entries| {
            entries.all(|s| s.is_ok_and(|s| FILES.iter().any(|f| s.path().ends_with(f))))
        })
    } else {
        is(FileType::is_file) && FILES.iter().any(|f| Path::new(f) == Path::new(&name))
    }
}
