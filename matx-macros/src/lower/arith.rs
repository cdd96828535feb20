//! Integer arithmetic on a `range` loop's counter without an overflow check where none can fire.
//!
//! Why it is exact: in `for i in range(a, b, s)` with a constant step `s > 0`, every value
//! of `i` satisfies `i < b <= i64::MAX`, so `i + 1` cannot overflow; and `i >= a`, so when
//! `a` is a constant, `i - k` for a constant `k >= 0` with `a - k >= i64::MIN` cannot
//! either (mirrored for `s < 0`: `i > b >= i64::MIN` and `i <= a`). The facts hold in the
//! loop's body as long as the body never assigns `i` (checked here: no assignment, nested
//! `for`, or unpacking names it); they are not used in the loop's `else`, which also runs
//! when the loop never assigned `i`. Any other arithmetic keeps its `OverflowError` check.

use super::{ident, FnCx, Lower};
use crate::ir::{Block, Callee, Child, Expr, ExprKind, ForIter, ForLoop, RtFn, Stmt, Target};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// What a loop's body knows about its counter.
#[derive(Clone)]
pub struct Bound {
    var: String,
    /// The constant step's sign.
    up: bool,
    /// The constant start, when it is one.
    start: Option<i64>,
}

/// The bound of `l`'s counter in its body, when the loop has one (see the module doc).
pub fn loop_bound(l: &ForLoop, cx: &FnCx) -> Option<Bound> {
    let (Target::Local(v), ForIter::Range(a, _, step)) = (&l.target, &l.iter) else {
        return None;
    };
    let ExprKind::Int(step) = step.kind else {
        return None;
    };
    if step == 0 || cx.maybe.contains(v) || assigns_block(&l.body, v) {
        return None;
    }
    let start = match a.kind {
        ExprKind::Int(a) => Some(a),
        _ => None,
    };
    Some(Bound {
        var: v.clone(),
        up: step > 0,
        start,
    })
}

/// Whether `b` assigns the local `v` anywhere (closures' bodies included).
pub fn assigns_block(b: &Block, v: &str) -> bool {
    b.iter().any(|s| assigns_stmt(s, v))
}

/// Whether assigning the target `t` assigns the local `v`.
pub fn assigns_target(t: &Target, v: &str) -> bool {
    assigns_child(Child::Target(t), v)
}

fn assigns_stmt(s: &Stmt, v: &str) -> bool {
    let mut found = false;
    s.for_each_child(&mut |c| found = found || assigns_child(c, v));
    found
}

fn assigns_child(c: Child<'_>, v: &str) -> bool {
    match c {
        Child::Target(Target::Local(n)) => n == v,
        Child::Target(t) => {
            let mut found = false;
            t.for_each_child(&mut |c| found = found || assigns_child(c, v));
            found
        }
        Child::Block(b) => assigns_block(b, v),
        Child::Expr(e) => {
            let mut found = false;
            e.for_each_child(&mut |c| found = found || assigns_child(c, v));
            found
        }
    }
}

impl Lower<'_> {
    /// `i + k` / `k + i` / `i - k` on a bounded counter `i` and a constant `k` that cannot
    /// overflow, as plain Rust arithmetic. `None`: keep the checked form.
    pub(super) fn unchecked_arith(&self, e: &Expr, cx: &FnCx) -> Option<TokenStream> {
        let ExprKind::Rt {
            func: Callee::Fn(func),
            recv: None,
            args,
            ..
        } = &e.kind
        else {
            return None;
        };
        let [x, y] = args.as_slice() else {
            return None;
        };
        let bound = |e: &Expr| match &e.kind {
            ExprKind::Local(n) => cx.bounded.iter().rev().find(|b| b.var == *n),
            _ => None,
        };
        let konst = |e: &Expr| match e.kind {
            ExprKind::Int(k) => Some(k),
            _ => None,
        };
        let (var, k, add) = match (func, bound(x), bound(y)) {
            (RtFn::AddInt, Some(b), _) => (b, konst(y)?, true),
            (RtFn::AddInt, None, Some(b)) => (b, konst(x)?, true),
            (RtFn::SubInt, Some(b), _) => (b, konst(y)?, false),
            _ => return None,
        };
        // The value moves by `delta`; safe toward the side the loop is bounded by its end
        // (by at most one step past the counter), or toward its constant start.
        let delta = if add { Some(k) } else { k.checked_neg() }?;
        let safe = match (var.up, delta) {
            (_, 0) => true,
            (true, 1) | (false, -1) => true,
            (true, d) if d < 0 => var.start.is_some_and(|a| a.checked_add(d).is_some()),
            (false, d) if d > 0 => var.start.is_some_and(|a| a.checked_add(d).is_some()),
            _ => false,
        };
        if !safe {
            return None;
        }
        let v = ident(&var.var);
        let k = Literal::i64_suffixed(k);
        Some(if add {
            quote!((#v + #k))
        } else {
            quote!((#v - #k))
        })
    }
}
