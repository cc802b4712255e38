//! Progress of targets: attainment and pace verdicts.
