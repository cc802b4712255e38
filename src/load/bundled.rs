//! The data bundled with the crate: the `targets/` folder of its repository,
//! embedded at compile time by the build script.

use crate::Catalog;
use crate::error::Errors;

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

impl Catalog {
    /// The data bundled with this crate (the `targets/` folder of its
    /// repository), embedded at compile time.
    pub fn bundled() -> Result<Catalog, Errors> {
        Catalog::from_toml_files(files::FILES.iter().copied())
    }
}
