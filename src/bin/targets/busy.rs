//! A spinner on standard error while a command works on a large folder: it
//! shows only when standard error is a terminal and the work has taken more
//! than a second, and it is cleared before the answer or an error reaches
//! the terminal.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use policy_targets::Lang;

/// How long a command works before the spinner shows.
const DELAY: Duration = Duration::from_secs(1);

/// How often the spinner turns.
const TICK: Duration = Duration::from_millis(120);

/// What a command is busy with, as the spinner says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// `validate`, `list`: reading and checking the data.
    Checking,
    /// `export`.
    Exporting,
    /// `rank`.
    Ranking,
    /// `gap`.
    Gaps,
    /// `progress`.
    Progress,
    /// `index`.
    Index,
    /// `synth`.
    Synth,
    /// `report`.
    Report,
}

impl Task {
    /// The words the spinner shows, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Task::Checking => ("正在读取和检查数据", "reading and checking the data"),
            Task::Exporting => ("正在导出", "exporting"),
            Task::Ranking => ("正在排名", "ranking"),
            Task::Gaps => ("正在计算差距", "working out the gaps"),
            Task::Progress => ("正在评估进度", "assessing progress"),
            Task::Index => ("正在计算综合指数", "computing the index"),
            Task::Synth => ("正在写出合成数据", "writing the synthetic folder"),
            Task::Report => ("正在生成报告", "making the report"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A spinner that waits for its delay on a thread of its own, then turns
/// until it is stopped.
struct Spinner {
    stop: mpsc::Sender<()>,
    drawer: JoinHandle<()>,
}

impl Spinner {
    /// Starts the wait: after `delay`, unless stopped before, the spinner
    /// draws `message` and the time taken on the target `draw` makes.
    fn start(
        message: &'static str,
        delay: Duration,
        draw: impl FnOnce() -> ProgressDrawTarget + Send + 'static,
    ) -> Spinner {
        let (stop, stopped) = mpsc::channel::<()>();
        let drawer = std::thread::spawn(move || {
            let began = Instant::now();
            if stopped.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let style = ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = ProgressBar::with_draw_target(None, draw())
                .with_style(style)
                .with_message(message)
                // The time since the command began.
                .with_elapsed(began.elapsed());
            bar.enable_steady_tick(TICK);
            // Until the sender is dropped.
            let _ = stopped.recv();
            bar.finish_and_clear();
        });
        Spinner { stop, drawer }
    }

    /// Stops the spinner and clears it, if it was drawn.
    fn stop(self) {
        drop(self.stop);
        let _ = self.drawer.join();
    }
}

/// The spinner of the command running, if any.
static CURRENT: Mutex<Option<Spinner>> = Mutex::new(None);

/// Shows a spinner for `task` on standard error once the command has worked
/// for a second, if standard error is a terminal.
pub fn start(task: Task, lang: Lang) {
    if std::io::stderr().is_terminal() {
        replace(Some(Spinner::start(
            task.label(lang),
            DELAY,
            ProgressDrawTarget::stderr,
        )));
    }
}

/// Clears the spinner, if any: called before the answer is written to a
/// terminal and before an error is written.
pub fn stop() {
    replace(None);
}

/// Puts `spinner` in the place of the current one, which is stopped.
fn replace(spinner: Option<Spinner>) {
    let old = std::mem::replace(
        &mut *CURRENT.lock().unwrap_or_else(PoisonError::into_inner),
        spinner,
    );
    if let Some(old) = old {
        old.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::InMemoryTerm;

    /// The spinner on an in-memory terminal, started with `delay`.
    fn on_terminal(delay: Duration) -> (Spinner, InMemoryTerm) {
        let term = InMemoryTerm::new(4, 60);
        let target = term.clone();
        let spinner = Spinner::start(Task::Progress.label(Lang::En), delay, move || {
            ProgressDrawTarget::term_like(Box::new(target))
        });
        (spinner, term)
    }

    #[test]
    fn work_shorter_than_the_delay_draws_nothing() {
        let (spinner, term) = on_terminal(Duration::from_secs(3600));
        // Time enough for a spinner without a delay to draw.
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(term.contents(), "");
        // Stopped at once, not after the delay.
        spinner.stop();
        assert_eq!(term.contents(), "");
    }

    #[test]
    fn longer_work_shows_the_task_then_clears_it() {
        let (spinner, term) = on_terminal(Duration::ZERO);
        // The drawing thread shows the task soon after the delay.
        let waited = Instant::now();
        while !term.contents().contains("assessing progress") {
            assert!(
                waited.elapsed() < Duration::from_secs(30),
                "not drawn: {:?}",
                term.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        // A spinner's glyph, the task, the seconds taken.
        let shown = term.contents();
        let words: Vec<&str> = shown.split_whitespace().collect();
        assert_eq!(words.len(), 4, "{shown:?}");
        assert_eq!(words[1..3], ["assessing", "progress"]);
        let seconds = words[3].strip_suffix('s').unwrap_or("");
        assert!(seconds.parse::<u32>().is_ok(), "{shown:?}");
        spinner.stop();
        assert_eq!(term.contents(), "");
    }

    #[test]
    fn every_task_has_words_in_both_languages() {
        let tasks = [
            Task::Checking,
            Task::Exporting,
            Task::Ranking,
            Task::Gaps,
            Task::Progress,
            Task::Index,
            Task::Synth,
            Task::Report,
        ];
        for task in tasks {
            let (zh, en) = (task.label(Lang::Zh), task.label(Lang::En));
            assert!(zh.starts_with("正在"), "{task:?}: {zh}");
            assert!(en.is_ascii() && !en.is_empty(), "{task:?}: {en}");
        }
        assert_eq!(Task::Report.label(Lang::Zh), "正在生成报告");
    }
}
