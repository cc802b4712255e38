//! The comparison engine: values made comparable ([`normalize`]), rankings
//! ([`rank`]), gaps to a benchmark ([`gap`]), progress towards targets
//! ([`progress`]) and composite indices over several metrics ([`index`]). Pure functions of a [`Catalog`](crate::Catalog) and a
//! query; nothing here prints or reads the clock.

pub mod gap;
pub mod index;
pub mod normalize;
pub mod progress;
pub mod rank;
