//! `Resource`: a file an op reads. The only way an op opens a file: a path the host names is used as given, but a path that comes from a saved pipeline (or reaches an op while one loads or runs) is checked to lie inside the pipeline's directory; either way only a regular file of bounded size is read.
//!
//! An op takes a file as a `matx::Resource` parameter, never as a `Str`:
//!
//! ```
//! use matx::{Resource, Result};
//!
//! pub struct Stopwords(Vec<String>);
//!
//! #[matx::op(name = "demo.Stopwords")]
//! impl Stopwords {
//!     /// Scripts and Python pass a `str` (or a `pathlib.Path`) for `path`.
//!     pub fn new(path: Resource) -> Result<Self> {
//!         let text = path.read_to_string()?;
//!         Ok(Stopwords(text.lines().map(String::from).collect()))
//!     }
//! }
//! ```
//!
//! The conversion from a `str` to a `Resource` is where the check happens: in host code
//! (Rust, a Python caller, a compiled script called from either) the path is used as
//! given; while a [`Session`](crate::Session) loaded from a directory makes its objects or
//! runs, a path is resolved against that directory by the rules of `{"resource": ...}`
//! (PIPELINES.md): relative, no `..` that leaves it, no link out of it, and only a regular
//! file or a directory. A resource that is a directory gives its files by [`Resource::join`].

use crate::error::{exc, Error};
use crate::pipeline::errors::{ResourceNotFoundError, UnsafePathError};
use crate::pipeline::paths::PipelineDir;
use crate::{Any, Result};
use std::cell::RefCell;
use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The most [`Resource::read`] reads: 1 GiB. An op that needs more streams the file
/// ([`Resource::open`]) or sets its own limit ([`Resource::read_limited`]).
pub const MAX_READ_BYTES: u64 = 1 << 30;

/// A file (or directory of files) an op reads; see the module documentation.
#[derive(Clone)]
pub struct Resource(Arc<Inner>);

struct Inner {
    path: PathBuf,
    /// The pipeline directory the path was checked against (`None`: named by the host).
    dir: Option<Arc<PipelineDir>>,
}

thread_local! {
    /// The directory of the pipeline this thread is loading or running, if any.
    static SCOPE: RefCell<Option<Arc<PipelineDir>>> = const { RefCell::new(None) };
}

/// While alive, paths given to ops on this thread are checked against a pipeline
/// directory (or, for `None`, used as given); dropping it restores the previous scope.
pub(crate) struct Scope(Option<Arc<PipelineDir>>);

impl Scope {
    pub(crate) fn enter(dir: Option<Arc<PipelineDir>>) -> Scope {
        Scope(SCOPE.with(|s| s.replace(dir)))
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let prev = self.0.take();
        SCOPE.with(|s| *s.borrow_mut() = prev);
    }
}

impl Resource {
    /// A file the host names (Rust code, a Python caller): used as given, links and all.
    pub fn from_host(path: impl Into<PathBuf>) -> Resource {
        Resource(Arc::new(Inner {
            path: path.into(),
            dir: None,
        }))
    }

    /// The file an op argument names: used as given in host code; while a pipeline loaded
    /// from a directory makes its objects or runs on this thread, resolved against that
    /// directory (`UnsafePathError` outside it, `ResourceNotFoundError` when missing).
    pub fn from_arg(path: &str) -> Result<Resource> {
        match SCOPE.with(|s| s.borrow().clone()) {
            None => Ok(Resource::from_host(path)),
            Some(dir) => Ok(Resource(Arc::new(Inner {
                path: dir.resolve_arg(path)?,
                dir: Some(dir),
            }))),
        }
    }

    /// The path (absolute and canonical when it came from a pipeline).
    pub fn path(&self) -> &Path {
        &self.0.path
    }

    /// The path for messages.
    pub fn display(&self) -> std::path::Display<'_> {
        self.0.path.display()
    }

    /// The file `rel` (relative, `/`-separated, no `..` that leaves this directory) inside
    /// this directory resource, checked as this resource was.
    pub fn join(&self, rel: &str) -> Result<Resource> {
        let path = match &self.0.dir {
            Some(dir) => dir.join(&self.0.path, rel)?,
            None => {
                let mut p = self.0.path.clone();
                p.extend(crate::pipeline::paths::normalize(rel, "file")?);
                p
            }
        };
        Ok(Resource(Arc::new(Inner {
            path,
            dir: self.0.dir.clone(),
        })))
    }

    /// Opens the file for reading, with its size: a regular file only (a FIFO, device or
    /// socket is an `OSError`, never a read that blocks or never ends).
    pub fn open(&self) -> Result<(File, u64)> {
        open_regular(&self.0.path, self.0.dir.is_some()).map_err(|e| e.into_error(self))
    }

    /// The whole file, at most [`MAX_READ_BYTES`].
    pub fn read(&self) -> Result<Vec<u8>> {
        self.read_limited(MAX_READ_BYTES)
    }

    /// The whole file, at most `limit` bytes (a larger file is a `ValueError`).
    pub fn read_limited(&self, limit: u64) -> Result<Vec<u8>> {
        read_regular(&self.0.path, limit, self.0.dir.is_some()).map_err(|e| e.into_error(self))
    }

    /// The whole file as UTF-8 text (`UnicodeDecodeError` naming the offset otherwise).
    pub fn read_to_string(&self) -> Result<String> {
        String::from_utf8(self.read()?).map_err(|e| {
            Error::new(
                &exc::UnicodeDecodeError,
                format!(
                    "'{}' is not UTF-8: invalid byte at offset {}",
                    self.display(),
                    e.utf8_error().valid_up_to()
                ),
            )
        })
    }
}

impl std::fmt::Debug for Resource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Resource({:?})", self.0.path)
    }
}

/// A `str` (a path), converted by [`Resource::from_arg`]: what a loaded pipeline passes.
impl crate::FromAny for Resource {
    fn from_any(a: &Any) -> Result<Self> {
        match a {
            Any::Str(s) => Resource::from_arg(s.as_str()),
            other => Err(crate::from_any_error("str (a file path)", other)),
        }
    }
}

/// A path as a `str` (scripts see resources as the paths they were given).
impl crate::ToAny for Resource {
    fn to_any(&self) -> Any {
        Any::Str(crate::Str::new(&self.0.path.to_string_lossy()))
    }
}

/// What kind of file `ft` is, for messages ("a FIFO").
pub(crate) fn file_kind(ft: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else if ft.is_symlink() {
        "a symbolic link"
    } else if ft.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    NotFound(std::io::Error),
    /// The kind of file it is ("a FIFO").
    NotRegular(&'static str),
    /// The file's size, over the limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// The buffer could not be allocated.
    NoMemory(u64),
    Io(std::io::Error),
}

impl ReadError {
    fn into_error(self, r: &Resource) -> Error {
        let shown = r.display();
        match self {
            ReadError::NotFound(e) if r.0.dir.is_some() => Error::new(
                &ResourceNotFoundError,
                format!("cannot read '{shown}': {e}"),
            ),
            other => other.to_error(&format!("'{shown}'")),
        }
    }

    /// The error for the file `what` names (`'vocab.txt'`, `pipeline.json`).
    pub(crate) fn to_error(&self, what: &str) -> Error {
        match self {
            ReadError::NotFound(e) => {
                Error::new(&exc::FileNotFoundError, format!("cannot read {what}: {e}"))
            }
            ReadError::NotRegular(kind) => Error::new(
                &UnsafePathError,
                format!("cannot read {what}: it is {kind}, not a regular file"),
            ),
            ReadError::TooLarge { size, limit } => Error::new(
                &exc::ValueError,
                format!(
                    "cannot read {what}: it is {size} bytes, more than the {limit} bytes \
                     allowed"
                ),
            ),
            ReadError::NoMemory(n) => Error::new(
                &exc::MemoryError,
                format!("cannot read {what}: {n} bytes could not be allocated"),
            ),
            ReadError::Io(e) => Error::new(&exc::OSError, format!("cannot read {what}: {e}")),
        }
    }
}

/// Opens `path` for reading without blocking on a FIFO and without following a final
/// symbolic link when `no_follow` (a checked path is canonical: a link there now was put
/// there after the check); the file must be regular.
pub(crate) fn open_regular(
    path: &Path,
    no_follow: bool,
) -> std::result::Result<(File, u64), ReadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
        if no_follow {
            flags |= libc::O_NOFOLLOW;
        }
        opts.custom_flags(flags);
    }
    #[cfg(not(unix))]
    let _ = no_follow;
    let file = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(e),
        _ => {
            #[cfg(unix)]
            if e.raw_os_error() == Some(libc::ELOOP) {
                return ReadError::NotRegular("a symbolic link");
            }
            ReadError::Io(e)
        }
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta.file_type())));
    }
    Ok((file, meta.len()))
}

/// Reads the regular file `path` whole, at most `limit` bytes (see [`open_regular`]).
pub(crate) fn read_regular(
    path: &Path,
    limit: u64,
    no_follow: bool,
) -> std::result::Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path, no_follow)?;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(size as usize)
        .map_err(|_| ReadError::NoMemory(size))?;
    // The file may grow after the size was read: never past the limit.
    let read = file
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if read as u64 > limit {
        return Err(ReadError::TooLarge {
            size: read as u64,
            limit,
        });
    }
    Ok(buf)
}

/// What a compiled script passes for a `Resource` parameter of an op (a `str`, or an
/// `Optional[str]`), converted by [`Resource::from_arg`].
#[doc(hidden)]
pub trait ScriptPathArg {
    type Out;
    fn into_resource(self) -> Result<Self::Out>;
}

impl ScriptPathArg for crate::Str {
    type Out = Resource;
    fn into_resource(self) -> Result<Resource> {
        Resource::from_arg(self.as_str())
    }
}

impl ScriptPathArg for Option<crate::Str> {
    type Out = Option<Resource>;
    fn into_resource(self) -> Result<Option<Resource>> {
        self.map(|s| Resource::from_arg(s.as_str())).transpose()
    }
}

/// A script's argument for an op's `Resource` parameter (generated code calls this).
#[doc(hidden)]
pub fn script_arg<T: ScriptPathArg>(path: T) -> Result<T::Out> {
    path.into_resource()
}
