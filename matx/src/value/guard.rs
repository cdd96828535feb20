//! Recursion guard for `repr` of self-containing containers (`[[...]]`, `{'a': {...}}`).

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
