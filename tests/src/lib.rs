//! Cross-crate test crate: scripts compiled by matx_script! for the integration tests.
