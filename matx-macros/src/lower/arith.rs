//! Integer arithmetic on a `range` loop's counter without an overflow check where none can fire.
//!
//! Why it is exact: in `for i in range(a, b, s)` with a constant step `s > 0`, every value
//! of `i` satisfies `i < b <= i64::MAX`, so `i + 1` cannot overflow; and `i >= a`, so when
//! `a` is a constant, `i - k` for a constant `k >= 0` with `a - k >= i64::MIN` cannot
//! either (mirrored for `s < 0`: `i > b >= i64::MIN` and `i <= a`). The facts hold in the
//! loop's body as long as the body never assigns `i` (checked here: no assignment, nested
//! `for`, or unpacking names it); they are not used in the loop's `else`, which also runs
//! when the loop never assigned `i`. Likewise after `if n < c: return ...` (any comparison
//! of a local with a constant, in a branch that always leaves), the rest of the block knows
//! `n >= c` as long as nothing in it assigns `n` (so `fib(n - 1)` after `if n < 2: return n`
//! needs no check). Any other arithmetic keeps its `OverflowError` check.

use super::{ident, FnCx, Lower};
use crate::ir::{
    Block, Callee, Child, Expr, ExprKind, ForIter, ForLoop, PrimOp, RtFn, Stmt, StmtKind, Target,
};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// What is known about an int local where some code is lowered.
#[derive(Clone, Default)]
pub struct Bound {
    var: String,
    /// `var` is below some int (so `var + 1` fits) / above some int (`var - 1` fits).
    below: bool,
    above: bool,
    /// Constant bounds: `lo <= var <= hi`.
    lo: Option<i64>,
    hi: Option<i64>,
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
        below: step > 0,
        above: step < 0,
        lo: start.filter(|_| step > 0),
        hi: start.filter(|_| step < 0),
    })
}

/// What the rest of a block knows after `s` when `s` is `if n < c: <leave>` (or `<=`, `>`,
/// `>=`, either way round) with nothing after it assigning `n`: the negated comparison.
pub fn guard_bound(s: &Stmt, rest: &[Stmt], cx: &FnCx) -> Option<Bound> {
    let StmtKind::If(cond, then, orelse) = &s.kind else {
        return None;
    };
    let leaves = matches!(
        then.last().map(|s| &s.kind),
        Some(StmtKind::Return(_) | StmtKind::Raise(_) | StmtKind::Break | StmtKind::Continue)
    );
    if !leaves || !orelse.is_empty() {
        return None;
    }
    let ExprKind::Prim(op, xs) = &cond.kind else {
        return None;
    };
    let [x, y] = xs.as_slice() else {
        return None;
    };
    // As `n OP c`.
    let (n, c, op) = match (&x.kind, &y.kind) {
        (ExprKind::Local(n), ExprKind::Int(c)) => (n, *c, *op),
        (ExprKind::Int(c), ExprKind::Local(n)) => (
            n,
            *c,
            match op {
                PrimOp::Lt => PrimOp::Gt,
                PrimOp::Le => PrimOp::Ge,
                PrimOp::Gt => PrimOp::Lt,
                PrimOp::Ge => PrimOp::Le,
                o => *o,
            },
        ),
        _ => return None,
    };
    if x.ty != crate::types::Ty::Int || y.ty != crate::types::Ty::Int {
        return None;
    }
    if cx.maybe.contains(n) || rest.iter().any(|s| assigns_stmt(s, n)) {
        return None;
    }
    let mut b = Bound {
        var: n.clone(),
        ..Bound::default()
    };
    // After leaving when `n OP c` holds, its negation holds.
    match op {
        PrimOp::Lt => b.lo = Some(c),
        PrimOp::Le => b.lo = Some(c.checked_add(1)?),
        PrimOp::Gt => b.hi = Some(c),
        PrimOp::Ge => b.hi = Some(c.checked_sub(1)?),
        _ => return None,
    }
    b.above = b.lo.is_some_and(|l| l > i64::MIN);
    b.below = b.hi.is_some_and(|h| h < i64::MAX);
    Some(b)
}

impl Bound {
    /// Whether `var + delta` fits in an `i64` for every value `var` may have.
    fn fits(&self, delta: i64) -> bool {
        match delta {
            0 => true,
            1 if self.below => true,
            -1 if self.above => true,
            d if d > 0 => self.hi.is_some_and(|h| h.checked_add(d).is_some()),
            d => self.lo.is_some_and(|l| l.checked_add(d).is_some()),
        }
    }
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
        let local = |e: &Expr| match &e.kind {
            ExprKind::Local(n) if cx.bounded.iter().any(|b| b.var == *n) => Some(n.clone()),
            _ => None,
        };
        let konst = |e: &Expr| match e.kind {
            ExprKind::Int(k) => Some(k),
            _ => None,
        };
        let (var, k, add) = match (func, local(x), local(y)) {
            (RtFn::AddInt, Some(v), _) => (v, konst(y)?, true),
            (RtFn::AddInt, None, Some(v)) => (v, konst(x)?, true),
            (RtFn::SubInt, Some(v), _) => (v, konst(y)?, false),
            _ => return None,
        };
        let delta = if add { Some(k) } else { k.checked_neg() }?;
        if !cx.bounded.iter().any(|b| b.var == var && b.fits(delta)) {
            return None;
        }
        let v = ident(&var);
        let k = Literal::i64_suffixed(k);
        Some(if add {
            quote!((#v + #k))
        } else {
            quote!((#v - #k))
        })
    }
}
