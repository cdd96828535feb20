//! `xs[i]` of a shared list inside a loop read through a `::matx::ListReader` made before the loop, instead of under the list's lock on every read.
//!
//! Why it is exact: the reader returns what a locked read would at the moment of the read
//! (it copies ahead under the lock and re-copies once the list's write count moves, whoever
//! wrote: see `matx::ListReader`), so it needs no condition on what the loop does with the
//! list or what code it runs. It only needs the local to name the same list for the whole
//! loop: the loop never assigns the local (and it is not a maybe-unbound one). Lists kept to
//! the function (`LocalList`) have no lock and are read directly.

use super::{ident, FnCx, Lower};
use crate::ir::{Block, Callee, Child, Expr, ExprKind, RtFn, StmtKind, Target};
use crate::types::Ty;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

/// `xs[i]` with an int index on a local list: the local's name.
fn indexed_list(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Rt {
            func: Callee::Fn(RtFn::GetItem),
            recv: Some(r),
            args,
            ..
        } if matches!(r.ty, Ty::List(_)) && matches!(args.as_slice(), [i] if i.ty == Ty::Int) => {
            match &r.kind {
                ExprKind::Local(n) => Some(n),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The list locals a loop body reads by index (outside closures, which are lowered apart).
fn read_lists(b: &Block, out: &mut BTreeSet<String>) {
    for s in b {
        s.for_each_child(&mut |c| visit(c, out));
    }
}

/// The temporaries `let`-bound inside a node: they do not exist before the loop.
fn let_bound(c: Child<'_>, out: &mut BTreeSet<String>) {
    match c {
        Child::Block(b) => {
            for s in b {
                if let StmtKind::Let(n, _) = &s.kind {
                    out.insert(n.clone());
                }
                s.for_each_child(&mut |c| let_bound(c, out));
            }
        }
        Child::Expr(e) => e.for_each_child(&mut |c| let_bound(c, out)),
        Child::Target(t) => t.for_each_child(&mut |c| let_bound(c, out)),
    }
}

fn visit(c: Child<'_>, out: &mut BTreeSet<String>) {
    match c {
        Child::Expr(e) => {
            if let Some(n) = indexed_list(e) {
                out.insert(n.to_string());
            }
            if !matches!(e.kind, ExprKind::Lambda { .. }) {
                e.for_each_child(&mut |c| visit(c, out));
            }
        }
        Child::Block(b) => read_lists(b, out),
        Child::Target(t) => t.for_each_child(&mut |c| visit(c, out)),
    }
}

impl Lower<'_> {
    /// Readers for the shared lists a loop's `body` (and a `while`'s condition) reads by
    /// index, but neither it nor the loop's `target` assigns: `let` statements to put before the loop, registered in `cx` until
    /// [`Self::drop_readers`].
    pub(super) fn readers(
        &self,
        body: &Block,
        cond: Option<&Expr>,
        target: Option<&Target>,
        cx: &mut FnCx,
    ) -> (TokenStream, usize) {
        let mut lists = BTreeSet::new();
        read_lists(body, &mut lists);
        if let Some(c) = cond {
            visit(Child::Expr(c), &mut lists);
        }
        let mut temps = BTreeSet::new();
        let_bound(Child::Block(body), &mut temps);
        if let Some(c) = cond {
            let_bound(Child::Expr(c), &mut temps);
        }
        lists.retain(|l| !temps.contains(l));
        let mut lets = TokenStream::new();
        let mut n = 0;
        for l in lists {
            if cx.kept.contains(&l)
                || cx.maybe.contains(&l)
                || cx.readers.iter().any(|(k, _)| *k == l)
                || super::arith::assigns_block(body, &l)
                || target.is_some_and(|t| super::arith::assigns_target(t, &l))
            {
                continue;
            }
            let var = cx.tmp("reader");
            let x = ident(&l);
            lets.extend(quote!(let mut #var = ::matx::ListReader::new(&#x);));
            cx.readers.push((l, var));
            n += 1;
        }
        (lets, n)
    }

    /// Ends the `n` readers [`Self::readers`] registered (the loop is lowered).
    pub(super) fn drop_readers(&self, n: usize, cx: &mut FnCx) {
        let keep = cx.readers.len() - n;
        cx.readers.truncate(keep);
    }

    /// `xs[i]` through the reader of an enclosing loop, if it has one for `xs`.
    pub(super) fn read_item(&self, e: &Expr, cx: &mut FnCx) -> Option<TokenStream> {
        let n = indexed_list(e)?;
        let var: Ident = cx.readers.iter().rev().find(|(k, _)| k == n)?.1.clone();
        let ExprKind::Rt { args, .. } = &e.kind else {
            return None;
        };
        let i = self.expr(&args[0], cx);
        Some(self.check(quote!(#var.get(#i)), e.line, cx))
    }
}
