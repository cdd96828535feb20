//! Cross-crate test crate: scripts compiled by matx_script! for the integration tests.

use std::path::PathBuf;

/// The project's real test data: `$MATX_DATA_DIR`, else `shared/data` beside the checkout.
///
/// Panics (failing the test) when the file is missing: a test whose data is absent must not
/// pass silently.
pub fn data_file(relative: &str) -> PathBuf {
    let dir = match std::env::var_os("MATX_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data")),
    };
    let path = dir.join(relative);
    assert!(
        path.is_file(),
        "test data {} is missing (set MATX_DATA_DIR to the folder holding bert-uncased/ and images/)",
        path.display()
    );
    path
}
