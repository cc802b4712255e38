//! The comparison engine: values made comparable ([`normalize`]), rankings
//! ([`rank`]), gaps to a benchmark ([`gap`]) and progress towards targets
//! ([`progress`]). Pure functions of a [`Catalog`](crate::Catalog) and a
//! query; nothing here prints or reads the clock.

pub mod gap;
pub mod normalize;
pub mod progress;
pub mod rank;
