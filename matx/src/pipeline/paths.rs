//! Resolving the paths a pipeline names (resources, native libraries, and any path an op is given while a pipeline loads or runs) inside the pipeline directory, refusing any path that would leave it or that names something other than a regular file or directory.

use super::errors::{ResourceNotFoundError, UnsafePathError};
use crate::error::{exc, Error};
use crate::Result;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What a checked path may name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    /// A regular file (a native library).
    File,
    /// A regular file or a directory of them (a resource).
    FileOrDir,
}

/// The pipeline directory, canonicalized on first use (a pipeline with no resources may
/// be loaded from a directory that does not exist, as the tracer does before saving).
#[derive(Debug)]
pub(crate) struct PipelineDir {
    dir: PathBuf,
    canonical: OnceLock<PathBuf>,
}

impl PipelineDir {
    pub(crate) fn new(dir: &Path) -> Self {
        PipelineDir {
            dir: dir.to_path_buf(),
            canonical: OnceLock::new(),
        }
    }

    pub(crate) fn canonical(&self) -> Result<&Path> {
        if let Some(c) = self.canonical.get() {
            return Ok(c);
        }
        let c = std::fs::canonicalize(&self.dir).map_err(|e| {
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
        Ok(self.canonical.get_or_init(|| c))
    }

    /// The absolute, canonical path of `rel` (a `what`: "resource", "native library"),
    /// which must exist, stay inside the directory and be what `want` says.
    pub(crate) fn resolve(&self, rel: &str, what: &str, want: Want) -> Result<PathBuf> {
        let parts = normalize(rel, what)?;
        let mut joined = self.canonical()?.to_path_buf();
        joined.extend(&parts);
        self.check(&joined, rel, what, want)
    }

    /// A path an op was given while this pipeline loads or runs (a plain `str`, not a
    /// `{"resource": ...}`): a relative one is resolved as a resource is; an absolute one
    /// must name a file inside the directory.
    pub(crate) fn resolve_arg(&self, path: &str) -> Result<PathBuf> {
        const WHAT: &str = "file";
        if path.starts_with('/') || Path::new(path).is_absolute() {
            if path.contains('\0') {
                return Err(unsafe_path(WHAT, path, "contains a NUL character"));
            }
            let canonical_dir = self.canonical()?;
            // Outside the directory, even the file's existence is none of the pipeline's
            // business: the same error whether or not it exists.
            let inside = match std::fs::canonicalize(path) {
                Ok(r) => r.starts_with(canonical_dir),
                // A missing file of the directory is reported as missing, below.
                Err(_) => Path::new(path).starts_with(canonical_dir),
            };
            if !inside {
                return Err(unsafe_path(
                    WHAT,
                    path,
                    &format!(
                        "is outside the pipeline directory {}: a saved pipeline reads only \
                         the files inside its directory (write {{\"resource\": \"resources/...\"}})",
                        canonical_dir.display()
                    ),
                ));
            }
            return self.check(Path::new(path), path, WHAT, Want::FileOrDir);
        }
        self.resolve(path, WHAT, Want::FileOrDir)
    }

    /// `base` (a checked path inside the directory) joined with `rel`, checked again.
    pub(crate) fn join(&self, base: &Path, rel: &str) -> Result<PathBuf> {
        let parts = normalize(rel, "file")?;
        let mut joined = base.to_path_buf();
        joined.extend(&parts);
        self.check(&joined, rel, "file", Want::FileOrDir)
    }

    /// Canonicalizes `joined` (the path `rel` as written), which must exist, lie inside the
    /// directory and be what `want` says.
    fn check(&self, joined: &Path, rel: &str, what: &str, want: Want) -> Result<PathBuf> {
        let canonical_dir = self.canonical()?;
        let resolved = std::fs::canonicalize(joined).map_err(|e| match e.kind() {
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
        if !resolved.starts_with(canonical_dir) {
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
        let meta = std::fs::metadata(&resolved).map_err(|e| {
            Error::new(
                &exc::OSError,
                format!("cannot open {what} '{rel}' ({}): {e}", resolved.display()),
            )
        })?;
        let ft = meta.file_type();
        let ok = ft.is_file() || (want == Want::FileOrDir && ft.is_dir());
        if !ok {
            let wanted = match want {
                Want::File => "a regular file",
                Want::FileOrDir => "a regular file or a directory",
            };
            return Err(unsafe_path(
                what,
                rel,
                &format!("names {}, not {wanted}", crate::resource::file_kind(&ft)),
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
pub(crate) fn normalize(rel: &str, what: &str) -> Result<Vec<String>> {
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
