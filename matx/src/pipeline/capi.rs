//! The C API of saved pipelines (`include/matx.h`): [`export_c_api!`](crate::export_c_api) exports it from a user's `cdylib`, and the functions here implement it without letting a panic or a bad pointer reach C.
//!
//! A crate built as a `cdylib` invokes the macro once with the function that registers its
//! ops:
//!
//! ```ignore
//! pub fn register(reg: &mut matx::OpRegistry) -> matx::Result<()> {
//!     matx_ops::register_all(reg)?;
//!     matx::register_ops!(reg, crate::ops::Text2Ids)
//! }
//! matx::export_c_api!(register = register);
//! ```
//!
//! The library then exports `matx_session_load`, `matx_session_run_json`,
//! `matx_session_free`, `matx_string_free`, `matx_last_error`, `matx_last_error_kind` and
//! `matx_version`, each a thin `extern "C"` wrapper around the function here named without
//! the `matx_` prefix. The symbols are generated in the user's crate, not in `matx`, so that each shared
//! library carries its own registry and its own runtime, and two of them loaded into one
//! process never share state.
//!
//! Errors follow one rule: a function that fails returns NULL and records, for the calling
//! thread, the error's kind (the Python exception class name) and `"Kind: message"`;
//! `session_load` and `session_run_json` clear it when they succeed. A panic inside matx or
//! an op is caught and recorded as an `InternalError`.

use super::{Device, Session};
use crate::error::{exc, ExcType};
use crate::{Error, Result};
use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

/// The kind of the error a caught panic becomes: a bug in matx or in an op, reported to C
/// as an error rather than unwinding into a caller that cannot handle it.
#[allow(non_upper_case_globals)]
pub static InternalError: ExcType = ExcType {
    name: "InternalError",
    base: Some(&exc::Exception),
};

/// A loaded pipeline as C holds it (`MatxSession *`): opaque to C, shared by reference
/// between threads (`Session` is `Send + Sync` and runs take `&self`).
pub struct MatxSession {
    session: Session,
}

/// The calling thread's last error: `"Kind: message"` and `"Kind"`, as C strings whose
/// pointers stay valid until the next `session_load`/`session_run_json` on this thread.
struct LastError {
    full: CString,
    kind: CString,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// A C string from Rust text, interior NULs (which C could not see past) shown as `\0`.
fn c_string(s: &str) -> CString {
    CString::new(s.replace('\0', "\\0")).unwrap_or_default()
}

fn set_last_error(e: &Error) {
    let last = LastError {
        full: c_string(&e.to_string()),
        kind: c_string(e.kind().name),
    };
    // A thread being torn down has no thread-locals left; nobody could read the error then.
    let _ = LAST_ERROR.try_with(|cell| *cell.borrow_mut() = Some(last));
}

fn clear_last_error() {
    let _ = LAST_ERROR.try_with(|cell| *cell.borrow_mut() = None);
}

/// The text of a panic's payload (`panic!("...")` carries a `&str` or a `String`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-string payload".to_string()
    }
}

/// Runs `f`, turning a panic into an `InternalError`.
fn catch<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(Error::new(
            &InternalError,
            format!(
                "{what} panicked (a bug in matx or in an op): {}",
                panic_message(payload.as_ref())
            ),
        )),
    }
}

/// Runs `f` for an `extern "C"` function that returns a pointer: records the outcome as the
/// thread's last error and gives NULL on error.
fn ffi_call<T>(what: &str, f: impl FnOnce() -> Result<*mut T>) -> *mut T {
    match catch(what, f) {
        Ok(p) => {
            clear_last_error();
            p
        }
        Err(e) => {
            // Dropping a panic payload or an error can itself panic only in pathological
            // code; keep even that from unwinding into C.
            let _ = catch_unwind(AssertUnwindSafe(|| set_last_error(&e)));
            std::ptr::null_mut()
        }
    }
}

/// A NUL-terminated UTF-8 argument as `&str`.
///
/// # Safety
///
/// `p` is NULL or points to a NUL-terminated string that stays alive and unchanged for `'a`.
unsafe fn arg_str<'a>(func: &str, name: &str, p: *const c_char) -> Result<&'a str> {
    if p.is_null() {
        return Err(Error::new(
            &exc::ValueError,
            format!("{func}: {name} is NULL"),
        ));
    }
    // SAFETY: `p` is not NULL and, by the caller's contract, NUL-terminated and alive for 'a.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            &exc::UnicodeDecodeError,
            format!(
                "{func}: {name} is not UTF-8: invalid byte at offset {}",
                e.valid_up_to()
            ),
        )
    })
}

/// Runs the library's op registration once per process; its outcome (an error or a panic
/// included) is kept in `cell` and returned by every later call.
///
/// `export_c_api!` passes a `static` cell of the user's crate and a closure that calls the
/// user's registration function on [`registry::global`](crate::registry::global).
pub fn init_once(
    cell: &'static OnceLock<Result<()>>,
    register: impl FnOnce() -> Result<()>,
) -> Result<()> {
    cell.get_or_init(|| catch("registering the library's ops", register))
        .clone()
        .map_err(|e| {
            Error::new(
                e.kind(),
                format!("the library's ops could not be registered: {e}"),
            )
        })
}

/// `matx_session_load`: registers the library's ops (once, through `init`), then loads the
/// pipeline saved in `dir` on `device`. NULL on error.
///
/// # Safety
///
/// `dir` and `device` are NULL or point to NUL-terminated strings alive for the call.
pub unsafe fn session_load(
    init: impl FnOnce() -> Result<()>,
    dir: *const c_char,
    device: *const c_char,
) -> *mut MatxSession {
    ffi_call("matx_session_load", || {
        // SAFETY: forwarded from this function's contract.
        let dir = unsafe { arg_str("matx_session_load", "dir", dir) }?;
        // SAFETY: forwarded from this function's contract.
        let device = unsafe { arg_str("matx_session_load", "device", device) }?;
        let device = Device::parse(device)?;
        init()?;
        let session = Session::load(dir, device)?;
        Ok(Box::into_raw(Box::new(MatxSession { session })))
    })
}

/// `matx_session_run_json`: runs the session on a JSON feed; the outputs as a JSON array in
/// a string the caller frees with [`string_free`]. NULL on error.
///
/// # Safety
///
/// `session` is NULL or a live pointer from [`session_load`] (other threads may use it at
/// the same time); `feed_json` is NULL or a NUL-terminated string alive for the call.
pub unsafe fn session_run_json(
    session: *const MatxSession,
    feed_json: *const c_char,
) -> *mut c_char {
    ffi_call("matx_session_run_json", || {
        // SAFETY: by this function's contract `session` is NULL or points to a live
        // `MatxSession` that is only read here, as by every thread that shares it.
        let Some(session) = (unsafe { session.as_ref() }) else {
            return Err(Error::new(
                &exc::ValueError,
                "matx_session_run_json: session is NULL",
            ));
        };
        // SAFETY: forwarded from this function's contract.
        let feed = unsafe { arg_str("matx_session_run_json", "feed_json", feed_json) }?;
        let out = session.session.run_json(feed)?;
        // serde_json escapes every control character, so the text has no NUL.
        let out = CString::new(out)
            .map_err(|_| Error::new(&exc::ValueError, "the outputs' JSON contains a NUL byte"))?;
        Ok(out.into_raw())
    })
}

/// `matx_session_free`.
///
/// # Safety
///
/// `session` is NULL or a pointer from [`session_load`] not freed before and no longer used
/// by any thread.
pub unsafe fn session_free(session: *mut MatxSession) {
    if session.is_null() {
        return;
    }
    // SAFETY: by this function's contract `session` came from `Box::into_raw` in
    // `session_load` and is freed once, with nobody else holding it.
    let session = unsafe { Box::from_raw(session) };
    // An op object whose destructor panics must not unwind into C; its error has nowhere
    // to go, so it is dropped.
    let _ = catch_unwind(AssertUnwindSafe(move || drop(session)));
}

/// `matx_string_free`.
///
/// # Safety
///
/// `s` is NULL or a string from [`session_run_json`] not freed before.
pub unsafe fn string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: by this function's contract `s` came from `CString::into_raw` in
    // `session_run_json` and is freed once.
    drop(unsafe { CString::from_raw(s) });
}

/// `matx_last_error`: the calling thread's last error, `"Kind: message"`, or NULL.
pub fn last_error() -> *const c_char {
    LAST_ERROR
        .try_with(|cell| {
            cell.borrow()
                .as_ref()
                .map_or(std::ptr::null(), |e| e.full.as_ptr())
        })
        .unwrap_or(std::ptr::null())
}

/// `matx_last_error_kind`: the exception class name of the calling thread's last error, or
/// NULL.
pub fn last_error_kind() -> *const c_char {
    LAST_ERROR
        .try_with(|cell| {
            cell.borrow()
                .as_ref()
                .map_or(std::ptr::null(), |e| e.kind.as_ptr())
        })
        .unwrap_or(std::ptr::null())
}

/// `matx_version`: matx's version, a static C string.
pub fn version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => panic!("the package version contains a NUL byte"),
        };
    VERSION.as_ptr()
}

/// Exports matx's C API (`include/matx.h`) from a `cdylib` crate, with the ops that
/// `register` (a `fn(&mut matx::OpRegistry) -> matx::Result<()>`) adds to the global
/// registry. Invoke it once, at the crate's top level:
///
/// ```ignore
/// matx::export_c_api!(register = my_crate::register_ops);
/// ```
///
/// Registration runs once, at the first `matx_session_load`; its error (or panic) is kept
/// and reported by every load after it. Panics become `InternalError`s only where they
/// unwind: build the library with the default `panic = "unwind"`, not `"abort"`.
#[macro_export]
macro_rules! export_c_api {
    (register = $f:path $(,)?) => {
        /// Registers the library's ops into the global registry, once per process.
        #[doc(hidden)]
        fn __matx_c_api_init() -> $crate::Result<()> {
            static INIT: ::std::sync::OnceLock<$crate::Result<()>> = ::std::sync::OnceLock::new();
            $crate::pipeline::capi::init_once(&INIT, || {
                let register: fn(&mut $crate::OpRegistry) -> $crate::Result<()> = $f;
                register(&mut $crate::registry::global().write())
            })
        }

        /// Loads a saved pipeline (`include/matx.h`); NULL on error.
        ///
        /// # Safety
        ///
        /// `dir` and `device` are NULL or NUL-terminated strings alive for the call.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn matx_session_load(
            dir: *const ::std::ffi::c_char,
            device: *const ::std::ffi::c_char,
        ) -> *mut $crate::pipeline::capi::MatxSession {
            // SAFETY: the caller keeps this function's contract, which is session_load's.
            unsafe { $crate::pipeline::capi::session_load(__matx_c_api_init, dir, device) }
        }

        /// Runs a session on a JSON feed; the outputs as a JSON array, NULL on error.
        ///
        /// # Safety
        ///
        /// `session` is NULL or a live session; `feed_json` NULL or a NUL-terminated string.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn matx_session_run_json(
            session: *const $crate::pipeline::capi::MatxSession,
            feed_json: *const ::std::ffi::c_char,
        ) -> *mut ::std::ffi::c_char {
            // SAFETY: the caller keeps this function's contract, which is session_run_json's.
            unsafe { $crate::pipeline::capi::session_run_json(session, feed_json) }
        }

        /// Frees a session.
        ///
        /// # Safety
        ///
        /// `session` is NULL or a session not freed before and no longer in use.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn matx_session_free(
            session: *mut $crate::pipeline::capi::MatxSession,
        ) {
            // SAFETY: the caller keeps this function's contract, which is session_free's.
            unsafe { $crate::pipeline::capi::session_free(session) }
        }

        /// Frees a string returned by `matx_session_run_json`.
        ///
        /// # Safety
        ///
        /// `s` is NULL or such a string, not freed before.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn matx_string_free(s: *mut ::std::ffi::c_char) {
            // SAFETY: the caller keeps this function's contract, which is string_free's.
            unsafe { $crate::pipeline::capi::string_free(s) }
        }

        /// The calling thread's last error, `"Kind: message"`, or NULL.
        #[unsafe(no_mangle)]
        pub extern "C" fn matx_last_error() -> *const ::std::ffi::c_char {
            $crate::pipeline::capi::last_error()
        }

        /// The exception class name of the calling thread's last error, or NULL.
        #[unsafe(no_mangle)]
        pub extern "C" fn matx_last_error_kind() -> *const ::std::ffi::c_char {
            $crate::pipeline::capi::last_error_kind()
        }

        /// matx's version.
        #[unsafe(no_mangle)]
        pub extern "C" fn matx_version() -> *const ::std::ffi::c_char {
            $crate::pipeline::capi::version()
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_internal_errors() {
        let e = catch("testing", || -> Result<()> { panic!("boom") }).unwrap_err();
        assert_eq!(e.kind().name, "InternalError");
        assert_eq!(
            e.message(),
            "testing panicked (a bug in matx or in an op): boom"
        );
    }

    #[test]
    fn the_last_error_is_set_and_cleared_per_thread() {
        let p = ffi_call::<u8>("f", || Err(Error::new(&exc::KeyError, "nul\0here")));
        assert!(p.is_null());
        // SAFETY: last_error gave a pointer to this thread's live C string.
        let full = unsafe { CStr::from_ptr(last_error()) }.to_str().unwrap();
        assert_eq!(full, "KeyError: nul\\0here");
        // SAFETY: as above.
        let kind = unsafe { CStr::from_ptr(last_error_kind()) }
            .to_str()
            .unwrap();
        assert_eq!(kind, "KeyError");
        std::thread::spawn(|| assert!(last_error().is_null()))
            .join()
            .unwrap();
        let mut x = 1u8;
        assert!(!ffi_call("f", || Ok(&mut x as *mut u8)).is_null());
        assert!(last_error().is_null());
        assert!(last_error_kind().is_null());
    }

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: version() is a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(version()) }.to_str().unwrap();
        assert_eq!(v, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn null_and_non_utf8_arguments_are_errors() {
        // SAFETY: NULL is allowed.
        let e = unsafe { arg_str("f", "dir", std::ptr::null()) }.unwrap_err();
        assert_eq!(e.to_string(), "ValueError: f: dir is NULL");
        let bad = CString::new(vec![b'a', 0xff]).unwrap();
        // SAFETY: `bad` is a live NUL-terminated string.
        let e = unsafe { arg_str("f", "dir", bad.as_ptr()) }.unwrap_err();
        assert_eq!(e.kind().name, "UnicodeDecodeError");
        assert_eq!(e.message(), "f: dir is not UTF-8: invalid byte at offset 1");
    }
}
