//! `--help` in Chinese: the commands' descriptions, their arguments' help,
//! defaults and possible values, headings and examples, from one table
//! keyed by command and argument id. The English help is clap's, from the
//! doc comments of `args.rs`, and is left as it is.

use clap::{Arg, Command};

/// `command` (built) with every text of its help, and its subcommands',
/// in Chinese.
pub fn in_chinese(mut command: Command) -> Command {
    command.build();
    translate(command)
}

/// One command and, recursively, its subcommands.
fn translate(command: Command) -> Command {
    let name = command.get_name().to_owned();
    let mut command = command.mut_args(|arg| translate_arg(&name, arg));
    if let Some(about) = about(&name) {
        command = command.about(about).long_about(None::<&str>);
    }
    if let Some(examples) = examples(&name) {
        command = command.after_help(examples).after_long_help(None::<&str>);
    }
    let template = template(&mut command);
    command.help_template(template).mut_subcommands(translate)
}

/// The help of one argument, with its default and possible values said
/// in Chinese after it.
fn translate_arg(command: &str, arg: Arg) -> Arg {
    if arg.is_hide_set() {
        return arg;
    }
    let id = arg.get_id().as_str().to_owned();
    let Some(help) = arg_help(command, &id) else {
        return arg;
    };
    let mut text = help.to_owned();
    let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
    if takes_values && !arg.is_hide_default_value_set() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            text.push_str(&format!(" [默认：{}]", defaults.join("、")));
        }
    }
    if takes_values && !arg.is_hide_possible_values_set() {
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !possible.is_empty() {
            text.push_str(&format!(" [可选值：{}]", possible.join("、")));
        }
    }
    arg.help(text)
        .long_help(None::<&str>)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A help template with Chinese headings and the usage line in Chinese,
/// with a section only where the command has something to list.
fn template(command: &mut Command) -> String {
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<子命令>")
        .replace('{', "{{")
        .replace('}', "}}");
    let mut sections = Vec::new();
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push("子命令：\n{subcommands}");
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push("参数：\n{positionals}");
    }
    if command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push("选项：\n{options}");
    }
    format!(
        "{{before-help}}{{about-with-newline}}\n用法：{usage}\n\n{}{{after-help}}",
        sections.join("\n\n")
    )
}

/// What a command does, in Chinese.
fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "targets" => "跟踪、排名和比较量化政策目标（按地区和期限），使用精确的十进制数",
        "validate" => "检查数据文件夹（或内置数据）；有问题时列出全部问题并以 1 退出",
        "export" => "将整个目录导出为 JSON、整洁 CSV、Frictionless 数据包或 SQLite 数据库",
        "extract" => "从中文政策文本中提出候选目标和已报告的实绩",
        "schema" => "输出某项 JSON 输出的 JSON Schema",
        "rank" => "按某一指标的目标给地区排名",
        "gap" => "某地区与对标的差距，以及它需要的目标",
        "progress" => "某日生效的目标的完成度和进度判断",
        "index" => "多个指标的综合指数，附不确定性分析给出的排名区间",
        "synth" => "写出给定规模的合成数据文件夹（同一种子结果相同）",
        "report" => "总览：按期限排列的目标、每个指标的排名、某地区的差距、进度",
        "init" => {
            "写出一个可用作起点的小型有效数据文件夹（两个省份、两个指标、一份含一项目标的规划、人口普查人口）"
        }
        "list" => "列出数据文件夹的内容：指标、地区或来源",
        "help" => "显示本帮助或指定子命令的帮助",
        _ => return None,
    })
}

/// The example command lines shown after a command's help, in both
/// languages; `None` for a command without examples.
fn example_lines(command: &str) -> Option<&'static [&'static str]> {
    Some(match command {
        "targets" => &[
            "targets rank high_quality_datasets --per capita",
            "targets gap 广西 --against 江苏 --metric high_quality_datasets --per capita",
            "targets progress --as-of 2026-06-30 --level province",
            "targets index --metrics high_quality_datasets,data_annotation_volume --draws 1000",
            "targets report --html report.html",
            "targets init my-data && targets --data my-data validate",
        ],
        "init" => &[
            "targets init my-data",
            "targets --data my-data validate",
            "targets --data my-data rank high_quality_datasets --per capita",
        ],
        "validate" => &[
            "targets validate",
            "targets --data my-data validate --lang en",
        ],
        "export" => &[
            "targets export --format csv -o targets.csv",
            "targets export --format datapackage package",
            "targets export --format sqlite targets.db --as-of 2026-06-30",
        ],
        "extract" => &[
            "targets extract news.txt --published 2025-08-26",
            "targets extract news.txt --format json --min-confidence 0.8",
        ],
        "schema" => &["targets schema progress"],
        "rank" => &[
            "targets rank high_quality_datasets --per capita",
            "targets rank 高质量数据集 --level province --format csv -o rank.csv",
        ],
        "gap" => &[
            "targets gap 广西 --against 江苏 --metric high_quality_datasets --per capita",
            "targets gap 450000 --against median --metric data_annotation_volume",
        ],
        "progress" => &[
            "targets progress --as-of 2026-06-30 --level province",
            "targets progress --format json -o progress.json",
        ],
        "index" => {
            &["targets index --metrics high_quality_datasets,data_annotation_volume --draws 1000"]
        }
        "synth" => &[
            "targets synth --jurisdictions 30 --metrics 5 --months 12 --seed 1 synthetic",
            "targets --data synthetic progress --as-of 2025-12-31 --format csv",
        ],
        "report" => &[
            "targets report --subject 广西",
            "targets report --html report.html --as-of 2026-06-30",
        ],
        "list" => &[
            "targets list metrics",
            "targets list sources --format markdown",
        ],
        _ => return None,
    })
}

/// The examples after a command's help under `heading`, one indented
/// command line each.
fn examples_under(heading: &str, command: &str) -> Option<String> {
    let lines = example_lines(command)?;
    let mut text = heading.to_owned();
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    Some(text)
}

/// The examples after a command's English help (the text of clap's
/// `after_help`); empty for a command without examples.
pub fn examples_en(command: &str) -> String {
    examples_under("Examples:", command).unwrap_or_default()
}

/// The examples after a command's help, in Chinese.
fn examples(command: &str) -> Option<String> {
    examples_under("示例：", command)
}

/// The date forms `--as-of` takes, in Chinese.
const AS_OF: &str = "按此日期计算：2026-06-30、2026/6/30、2026.6.30 或 2026年6月30日；月份或年份指其最后一天（2026-06 → 2026-06-30，2025 → 2025-12-31）。默认：今天";

/// An argument's help in Chinese: the command's own, else the one its
/// commands share.
fn arg_help(command: &str, id: &str) -> Option<&'static str> {
    own_help(command, id).or_else(|| shared_help(id))
}

/// The help of an argument whose meaning depends on the command.
fn own_help(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("validate", "lang") => "问题和汇总使用中文（zh）或英文（en）",
        ("export" | "extract" | "schema", "lang") => {
            "问题和消息使用中文（zh）或英文（en）；输出内容本身两种语言相同"
        }
        ("list", "lang") => "标签和名称使用中文（zh）或英文（en）",
        ("synth" | "init", "lang") => "消息使用中文（zh）或英文（en）",
        ("export", "format") => "输出格式",
        ("export", "dir") => {
            "数据包写入的文件夹（--format datapackage），或数据库文件（--format sqlite）"
        }
        ("export", "as_of") => {
            "数据库进度表的日期（--format sqlite），写法同其他命令的 --as-of。默认：今天"
        }
        ("extract", "format") => {
            "输出格式：可粘贴到来源文件的 TOML 条目，或带置信度和文本位置的 JSON"
        }
        ("list", "format") => "输出格式（markdown：即 targets/SOURCES.md 的写法）",
        ("rank", "metric") => "指标：标识（high_quality_datasets）或名称（高质量数据集）",
        ("gap", "metric") => "指标：标识或名称",
        ("rank", "per") | ("gap", "per") => {
            "折算方式：none、capita、gdp、year，或其组合（如 capita,year）"
        }
        ("index", "per") => {
            "每个指标的折算方式：none、capita、gdp、year，或其组合（如 capita,year）"
        }
        ("rank", "level") => "只排名这一层级：nation、province、prefecture、county 或 group",
        ("progress", "level") => {
            "只看这一层级的目标，并在其中排名：nation、province、prefecture、county 或 group"
        }
        ("index", "level") => "只看这一层级：nation、province、prefecture、county 或 group",
        ("rank", "min_grade") => "略去来源等级低于此级的目标：official、press、mirror 或 summary",
        ("progress", "min_grade") => {
            "略去来源等级低于此级的目标和实绩：official、press、mirror 或 summary"
        }
        ("gap", "subject") => "对象：代码（450000）或名称（广西、Guangxi）",
        ("report", "subject") => "显示其与同级地区差距的地区",
        ("index", "metrics") => "指标，以逗号分隔：标识（high_quality_datasets）或名称",
        ("synth", "metrics") => "指标数",
        ("index", "seed") => "抽样的种子（默认 1，同一命令给出相同的区间）",
        ("synth", "seed") => "随机数的种子",
        ("synth", "dir") => "要写入的文件夹",
        ("init", "dir") => "要写入的文件夹（须不存在或为空）",
        _ => return None,
    })
}

/// The help of an argument that means the same in every command.
fn shared_help(id: &str) -> Option<&'static str> {
    Some(match id {
        "help" => "显示帮助",
        "version" => "显示版本",
        "data" => "读取此数据文件夹，而不是内置数据",
        "lang" => "标签使用中文（zh）或英文（en）",
        "as_of" => AS_OF,
        "format" => "输出格式",
        "output" => "写入此文件（要么完整写入，要么不写），而不是标准输出",
        "bom" => "CSV 以字节顺序标记开头，以便 Excel 按 UTF-8 读取",
        "raw_csv" => {
            "以 = + - @、制表符或回车开头的单元格保持原样（默认加上前导 '，以免电子表格把它们当作公式执行）"
        }
        "family" => "把该指标与其下位指标一起排名，每行注明自己的指标",
        "against" => {
            "对标：地区（代码或名称）、--peers 上的 max|min|median|mean|pNN，或固定数量（500个）"
        }
        "peers" => "统计量的同级地区：层级（province）或代码（320000,420000）",
        "bands" => {
            "on_track、acceleration_needed 和 limited_progress 的进度比阈值（默认采用 Eurostat 和 Open SDG 的分档）"
        }
        "trend" => {
            "每个目标的趋势拟合：linear（每天增加相同的量）或 compound（每天增长相同的倍数，按对数拟合；数值不大于零时用 linear）。默认：各指标的 trend，否则 linear"
        }
        "weights" => "各指标的相对权重，正数（A=2,B=1）；未列出的指标权重为 1",
        "scaling" => "各指标数值的标准化方法：minmax、zscore、rank 或 leader",
        "aggregation" => "标准化后数值的合成方法：arithmetic 或 geometric",
        "min_coverage" => {
            "地区至少须在多大比例的指标上有数值，取值 (0, 1]：小数（0.5）或分数（2/3）"
        }
        "draws" => {
            "不确定性分析的抽样次数（0 为不做）：权重 ±25%，标准化和合成方法随机抽取；给每个排名一个区间"
        }
        "jurisdictions" => "县级地区数",
        "months" => "实绩的月数，截至 2025 年 12 月",
        "html" => "把报告写成一个独立的 HTML 页面 FILE，而不是打印出来",
        "file" => "UTF-8 文本文件，或 -（默认）表示标准输入",
        "published" => {
            "文本的发布日期（2025-08-26、2025年8月26日）：据此理解相对日期（今年、去年、上半年、目前）。默认：文本中的日期行"
        }
        "source" => "TOML 条目所属的来源标识",
        "jurisdiction" => "文本未写明地区的实绩所属的地区（代码或名称）",
        "min_confidence" => "略去置信度低于此值的候选（0 到 1；0 保留全部）",
        "contract" => "哪一项输出：export、rank、gap、progress、extract、list 或 index",
        "kind" => "列出什么：metrics、jurisdictions 或 sources",
        _ => return None,
    })
}
