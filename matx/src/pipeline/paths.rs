//! Resolving the relative paths of `pipeline.json` (resources, native libraries) inside the pipeline directory, refusing any path that would leave it.

use super::errors::{ResourceNotFoundError, UnsafePathError};
use crate::error::{exc, Error};
use crate::Result;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The pipeline directory, canonicalized on first use (a pipeline with no resources may
/// be loaded from a directory that does not exist, as the tracer does before saving).
pub(crate) struct Root<'a> {
    dir: &'a Path,
    canonical: Option<PathBuf>,
}

impl<'a> Root<'a> {
    pub(crate) fn new(dir: &'a Path) -> Self {
        Root {
            dir,
            canonical: None,
        }
    }

    fn canonical(&mut self) -> Result<PathBuf> {
        if let Some(c) = &self.canonical {
            return Ok(c.clone());
        }
        let c = std::fs::canonicalize(self.dir).map_err(|e| {
            let shown = self.dir.display();
            match e.kind() {
                ErrorKind::NotFound => Error::new(
                    &ResourceNotFoundError,
                    format!("pipeline directory {shown} not found"),
                ),
                _ => Error::new(
                    &exc::OSError,
                    format!("cannot open the pipeline directory {shown}: {e}"),
                ),
            }
        })?;
        self.canonical = Some(c.clone());
        Ok(c)
    }

    /// The absolute, canonical path of `rel` (a `what`: "resource", "native library"),
    /// which must exist and stay inside the directory.
    pub(crate) fn resolve(&mut self, rel: &str, what: &str) -> Result<PathBuf> {
        let parts = normalize(rel, what)?;
        let canonical_dir = self.canonical()?;
        let mut joined = canonical_dir.clone();
        joined.extend(&parts);
        let resolved = std::fs::canonicalize(&joined).map_err(|e| match e.kind() {
            ErrorKind::NotFound => Error::new(
                &ResourceNotFoundError,
                format!(
                    "{what} '{rel}' not found: {} does not exist (the pipeline directory is {})",
                    joined.display(),
                    self.dir.display()
                ),
            ),
            _ => Error::new(
                &exc::OSError,
                format!("cannot open {what} '{rel}' ({}): {e}", joined.display()),
            ),
        })?;
        if !resolved.starts_with(&canonical_dir) {
            return Err(unsafe_path(
                what,
                rel,
                &format!(
                    "resolves to {}, outside the pipeline directory {} (through a symbolic link)",
                    resolved.display(),
                    canonical_dir.display()
                ),
            ));
        }
        if resolved.to_str().is_none() {
            return Err(unsafe_path(
                what,
                rel,
                &format!(
                    "resolves to {}, which is not valid UTF-8",
                    resolved.display()
                ),
            ));
        }
        Ok(resolved)
    }
}

fn unsafe_path(what: &str, rel: &str, why: &str) -> Error {
    Error::new(&UnsafePathError, format!("{what} path '{rel}' {why}"))
}

/// The components of a relative `/`-separated path with `.` and `name/..` removed;
/// an error for a path that is empty, absolute, uses `\`, or climbs out with `..`.
fn normalize(rel: &str, what: &str) -> Result<Vec<String>> {
    if rel.is_empty() {
        return Err(unsafe_path(what, rel, "is empty"));
    }
    if rel.contains('\0') {
        return Err(unsafe_path(what, rel, "contains a NUL character"));
    }
    if rel.contains('\\') {
        return Err(unsafe_path(
            what,
            rel,
            "contains '\\': paths in pipeline.json use '/'",
        ));
    }
    let bytes = rel.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if rel.starts_with('/') || drive || Path::new(rel).is_absolute() {
        return Err(unsafe_path(
            what,
            rel,
            "is absolute: paths in pipeline.json are relative to the pipeline directory",
        ));
    }
    let mut parts: Vec<String> = Vec::new();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(unsafe_path(
                        what,
                        rel,
                        "leaves the pipeline directory with '..'",
                    ));
                }
            }
            p => parts.push(p.to_string()),
        }
    }
    if parts.is_empty() {
        return Err(unsafe_path(
            what,
            rel,
            "names the pipeline directory itself, not a file in it",
        ));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalizes_and_refuses_escapes() {
        assert_eq!(
            normalize("resources/./a/../vocab.txt", "resource").unwrap(),
            vec!["resources", "vocab.txt"]
        );
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "C:/x",
            "a\\..\\..\\x",
            ".",
            "a/..",
        ] {
            let e = normalize(bad, "resource").unwrap_err();
            assert_eq!(e.kind().name, "UnsafePathError", "{bad}");
        }
    }
}
