//! Guards of the recursive walks over values: `repr` of self-containing containers (`[[...]]`, `{'a': {...}}`), a depth and stack check on every walk (compare, hash, repr, copy, conversion) that raises `RecursionError` as CPython does instead of overflowing the stack, and the freeing of deeply nested containers on stack segments of their own.

use std::cell::RefCell;

thread_local! {
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` unless the container at `ptr` is already being printed on this
/// thread, in which case `placeholder` (`[...]`, `{...}`) is written instead.
pub(crate) fn repr_guarded(
    ptr: usize,
    out: &mut String,
    placeholder: &str,
    f: impl FnOnce(&mut String) -> crate::Result<()>,
) -> crate::Result<()> {
    let entered = ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&ptr) {
            false
        } else {
            a.push(ptr);
            true
        }
    });
    if !entered {
        out.push_str(placeholder);
        return Ok(());
    }
    let r = f(out);
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(pos) = a.iter().rposition(|&p| p == ptr) {
            a.remove(pos);
        }
    });
    r
}

/// Stack a walk keeps in reserve: below it a walk raises `RecursionError` (a thread of any
/// host: Rust's 2 MiB threads, Python's, a C program's).
pub(crate) const STACK_RED_ZONE: usize = 128 * 1024;
/// The stack segment a deep free continues on when the thread's own runs low.
const STACK_SEGMENT: usize = 1024 * 1024;

/// Whether this thread's stack is nearly used up.
#[inline]
pub(crate) fn stack_low() -> bool {
    stacker::remaining_stack().is_some_and(|r| r < STACK_RED_ZONE)
}

/// What a walk is doing, for CPython's message.
#[derive(Clone, Copy)]
pub enum Walk {
    /// `==`, `<`, `in`: "maximum recursion depth exceeded in comparison".
    Compare,
    /// `repr`/`str`: "... while getting the repr of an object".
    Repr,
    /// Anything else (hash, copy, conversion).
    Other,
}

/// One level of a recursive walk; leaves it when dropped.
pub struct Level(());

impl Drop for Level {
    fn drop(&mut self) {
        crate::rt::leave();
    }
}

/// Enters one level of a recursive walk over values: `RecursionError` past CPython's
/// recursion limit (one counter with script calls, as CPython's) or when the stack runs low.
#[inline]
pub fn enter(walk: Walk) -> crate::Result<Level> {
    if crate::rt::depth() >= crate::rt::RECURSION_LIMIT || stack_low() {
        let what = match walk {
            Walk::Compare => " in comparison",
            Walk::Repr => " while getting the repr of an object",
            Walk::Other => "",
        };
        return Err(crate::Error::new(
            &crate::exc::RecursionError,
            format!("maximum recursion depth exceeded{what}"),
        ));
    }
    crate::rt::enter()?;
    Ok(Level(()))
}

/// Runs `f` (a container's free, which frees what it holds) on a fresh stack segment when
/// this thread's stack runs low, so a list nested 50,000 deep is freed without overflowing.
#[inline]
pub(crate) fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, f)
}
