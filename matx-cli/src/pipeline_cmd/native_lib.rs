//! A pipeline's native op library (`libraries[].native`), opened at run time and driven through its own C API (`include/matx.h`), since it holds its own ops and its own copy of the runtime.

use super::Failure;
use libloading::Library;
use std::ffi::{c_char, c_void, CStr, CString};
use std::path::Path;

type LoadFn = unsafe extern "C" fn(*const c_char, *const c_char) -> *mut c_void;
type RunJsonFn = unsafe extern "C" fn(*const c_void, *const c_char) -> *mut c_char;
type SessionFreeFn = unsafe extern "C" fn(*mut c_void);
type StringFreeFn = unsafe extern "C" fn(*mut c_char);
type LastErrorFn = unsafe extern "C" fn() -> *const c_char;

/// An opened library and the C API functions it exports.
pub struct NativeLibrary {
    load: LoadFn,
    run_json: RunJsonFn,
    session_free: SessionFreeFn,
    string_free: StringFreeFn,
    last_error: LastErrorFn,
    path: String,
    // Last, so the function pointers above are never used after the library is unloaded
    // (they are plain copies; `Drop` of `NativeSession` borrows `self`).
    _lib: Library,
}

fn os_error(msg: String) -> Failure {
    Failure::new("OSError", msg)
}

impl NativeLibrary {
    /// Opens the shared library at `path` and finds its C API.
    pub fn open(path: &Path) -> Result<NativeLibrary, Failure> {
        let shown = path.display().to_string();
        // SAFETY: loading a library runs its initialisers. The path is the pipeline's own
        // native library, validated by matx to lie inside the pipeline directory; running
        // its code is the point of `matx run` on such a pipeline.
        let lib = unsafe { Library::new(path) }
            .map_err(|e| os_error(format!("cannot load the native library {shown}: {e}")))?;
        let missing = |name: &str, e: libloading::Error| {
            os_error(format!(
                "the native library {shown} does not export {name} (is it a cdylib that invokes matx::export_c_api!?): {e}"
            ))
        };
        // SAFETY: the symbols are the functions `matx::export_c_api!`
        // generates, with exactly these C signatures (include/matx.h). The pointers are
        // copied out of the `Symbol`s and kept next to `lib`, which outlives every use.
        let load = *unsafe { lib.get::<LoadFn>(b"matx_session_load\0") }
            .map_err(|e| missing("matx_session_load", e))?;
        // SAFETY: as above.
        let run_json = *unsafe { lib.get::<RunJsonFn>(b"matx_session_run_json\0") }
            .map_err(|e| missing("matx_session_run_json", e))?;
        // SAFETY: as above.
        let session_free = *unsafe { lib.get::<SessionFreeFn>(b"matx_session_free\0") }
            .map_err(|e| missing("matx_session_free", e))?;
        // SAFETY: as above.
        let string_free = *unsafe { lib.get::<StringFreeFn>(b"matx_string_free\0") }
            .map_err(|e| missing("matx_string_free", e))?;
        // SAFETY: as above.
        let last_error = *unsafe { lib.get::<LastErrorFn>(b"matx_last_error\0") }
            .map_err(|e| missing("matx_last_error", e))?;
        Ok(NativeLibrary {
            load,
            run_json,
            session_free,
            string_free,
            last_error,
            path: shown,
            _lib: lib,
        })
    }

    /// The library's error for its last failed call on this thread.
    fn error(&self, what: &str) -> Failure {
        // SAFETY: `matx_last_error` takes no arguments and returns NULL or a NUL-terminated
        // string that stays valid until this thread's next call into the library.
        let p = unsafe { (self.last_error)() };
        if p.is_null() {
            return Failure::new(
                "RuntimeError",
                format!("{what} failed in {} without an error message", self.path),
            );
        }
        // SAFETY: non-NULL, so a live NUL-terminated string (see above); copied at once.
        let text = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        Failure::from_text(&text)
    }

    /// Loads the pipeline in `dir` on `device` through the library.
    pub fn load_session(&self, dir: &Path, device: &str) -> Result<NativeSession<'_>, Failure> {
        let dir = dir.to_str().ok_or_else(|| {
            Failure::new(
                "UnicodeDecodeError",
                format!("the pipeline directory {} is not UTF-8", dir.display()),
            )
        })?;
        let dir = c_arg("the pipeline directory", dir)?;
        let device = c_arg("the device", device)?;
        // SAFETY: `matx_session_load` takes two NUL-terminated strings, alive for the call.
        let raw = unsafe { (self.load)(dir.as_ptr(), device.as_ptr()) };
        if raw.is_null() {
            return Err(self.error("matx_session_load"));
        }
        Ok(NativeSession { lib: self, raw })
    }
}

fn c_arg(what: &str, s: &str) -> Result<CString, Failure> {
    CString::new(s)
        .map_err(|_| Failure::new("ValueError", format!("{what} contains a NUL character")))
}

/// A session of the library, freed on drop.
pub struct NativeSession<'a> {
    lib: &'a NativeLibrary,
    raw: *mut c_void,
}

impl NativeSession<'_> {
    /// Runs the pipeline on a JSON feed: the outputs as a JSON array.
    pub fn run_json(&self, feed_json: &str) -> Result<String, Failure> {
        let feed = c_arg("the input JSON", feed_json)?;
        // SAFETY: `raw` is a live session of this library; `feed` a NUL-terminated string.
        let out = unsafe { (self.lib.run_json)(self.raw, feed.as_ptr()) };
        if out.is_null() {
            return Err(self.lib.error("matx_session_run_json"));
        }
        // SAFETY: a non-NULL result is a NUL-terminated string that this caller owns.
        let text = unsafe { CStr::from_ptr(out) }
            .to_string_lossy()
            .into_owned();
        // SAFETY: freed once, by the library that allocated it.
        unsafe { (self.lib.string_free)(out) };
        Ok(text)
    }
}

impl Drop for NativeSession<'_> {
    fn drop(&mut self) {
        // SAFETY: `raw` came from this library's `matx_session_load`, is freed once, and
        // the borrow of `lib` keeps the library loaded until after this call.
        unsafe { (self.lib.session_free)(self.raw) };
    }
}
