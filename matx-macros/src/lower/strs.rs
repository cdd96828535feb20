//! Strings read without building strings: `s[i]` compared with `==` or searched with `in` as a `char`, one-character locals held as a `char`, comparisons with literals on the text in place, and short literals made at compile time.
//!
//! Why it is exact: a Python `str` is immutable and `s[i]` is the one-character string of
//! code point `i`; two one-character strings are equal exactly when their code points are,
//! and `c in t` for a one-character `c` is whether `t` contains that code point. `str ==
//! str` never runs script code and never fails, so comparing the UTF-8 text in place gives
//! CPython's answer. A *char local* is a `str` local whose every value is one code point
//! (each assignment is `s[i]` or a one-character literal, or it is the variable of a `for`
//! over a `str`): it is held as a `char`, and turned back into a `str` (inline, no
//! allocation) wherever it is used as one. Errors stay where they were: `s[i]` out of range
//! raises the same `IndexError` at the same point.

use super::{ident, FnCx, Lower};
use crate::ir::{Block, Callee, Child, Expr, ExprKind, ForIter, RtFn, Stmt, StmtKind, Target};
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// The `str` locals of a function body held as a `char` (see the module doc).
pub fn char_locals(
    locals: &[(String, Ty)],
    body: &Block,
    maybe: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut w = Walk {
        candidates: locals
            .iter()
            .filter(|(n, t)| *t == Ty::Str && !maybe.contains(n))
            .map(|(n, _)| n.clone())
            .collect(),
        out: BTreeSet::new(),
    };
    if w.candidates.is_empty() {
        return BTreeSet::new();
    }
    w.block(body);
    w.candidates.difference(&w.out).cloned().collect()
}

/// `s[i]` of a `str` by an int: its receiver and index.
fn str_index(e: &Expr) -> Option<(&Expr, &Expr)> {
    match &e.kind {
        ExprKind::Rt {
            func: Callee::Fn(RtFn::GetItem),
            recv: Some(r),
            args,
            ..
        } if r.ty == Ty::Str && matches!(args.as_slice(), [i] if i.ty == Ty::Int) => {
            Some((r, &args[0]))
        }
        _ => None,
    }
}

/// A one-character string literal's character.
fn one_char_lit(e: &Expr) -> Option<char> {
    match &e.kind {
        ExprKind::Str(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Finds the candidates given another kind of value (they are then not char locals).
struct Walk {
    candidates: BTreeSet<String>,
    out: BTreeSet<String>,
}

impl Walk {
    fn block(&mut self, b: &Block) {
        b.iter().for_each(|s| self.stmt(s));
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Assign(Target::Local(n), v) if self.candidates.contains(n) => {
                if str_index(v).is_none() && one_char_lit(v).is_none() {
                    self.out.insert(n.clone());
                }
                self.expr(v);
            }
            StmtKind::For(l) => {
                match (&l.target, &l.iter) {
                    (Target::Local(n), ForIter::Iter(e, _))
                        if self.candidates.contains(n) && e.ty == Ty::Str =>
                    {
                        self.expr(e)
                    }
                    (t, ForIter::Iter(e, _)) => {
                        self.expr(e);
                        self.target(t);
                    }
                    (t, ForIter::Range(a, b, c)) => {
                        [a, b, c].into_iter().for_each(|x| self.expr(x));
                        self.target(t);
                    }
                }
                self.block(&l.body);
                self.block(&l.orelse);
            }
            _ => s.for_each_child(&mut |c| self.child(c)),
        }
    }

    fn child(&mut self, c: Child<'_>) {
        match c {
            Child::Expr(e) => self.expr(e),
            Child::Block(b) => self.block(b),
            Child::Target(t) => self.target(t),
        }
    }

    /// Any other assignment of a candidate gives it a value of unknown length.
    fn target(&mut self, t: &Target) {
        match t {
            Target::Local(n) => {
                if self.candidates.contains(n) {
                    self.out.insert(n.clone());
                }
            }
            _ => t.for_each_child(&mut |c| self.child(c)),
        }
    }

    fn expr(&mut self, e: &Expr) {
        // A closure captures a copy of the variable as a `str`.
        if let ExprKind::Lambda { captures, .. } = &e.kind {
            for c in captures {
                if self.candidates.contains(c) {
                    self.out.insert(c.clone());
                }
            }
        }
        e.for_each_child(&mut |c| self.child(c));
    }
}

impl Lower<'_> {
    /// `e` as a `char` when it is one code point known without making a `str`: a
    /// one-character literal, a char local, or `s[i]` (its `IndexError` routed as usual).
    pub(super) fn char_expr(&self, e: &Expr, cx: &mut FnCx) -> Option<TokenStream> {
        if let Some(c) = one_char_lit(e) {
            return Some(quote!(#c));
        }
        if let ExprKind::Local(n) = &e.kind {
            if cx.chars.contains(n) {
                let n = ident(n);
                return Some(quote!(#n));
            }
        }
        let (s, i) = str_index(e)?;
        let s = self.place(s, cx);
        let i = self.expr(i, cx);
        Some(self.check(quote!(#s.char_at(#i)), e.line, cx))
    }

    /// `e` (a `str`) as a `&str` borrowed for one expression: a literal's text, a local's
    /// text in place, anything else's value borrowed.
    fn str_ref(&self, e: &Expr, cx: &mut FnCx) -> TokenStream {
        match &e.kind {
            ExprKind::Str(s) => quote!(#s),
            _ => {
                let p = self.place(e, cx);
                quote!(#p.as_str())
            }
        }
    }

    /// `a == b` and `x in s` on strings, without the generic protocol: chars compared as
    /// chars, anything else as text in place. `None`: not such an expression.
    pub(super) fn str_fast(&self, e: &Expr, cx: &mut FnCx) -> Option<TokenStream> {
        let ExprKind::Rt {
            func: Callee::Fn(func),
            recv: Some(l),
            args,
            ..
        } = &e.kind
        else {
            return None;
        };
        let [r] = args.as_slice() else {
            return None;
        };
        if l.ty != Ty::Str || r.ty != Ty::Str {
            return None;
        }
        match func {
            RtFn::Eq => {
                let both = one_char_like(l, cx) && one_char_like(r, cx);
                if both {
                    let a = self.char_expr(l, cx)?;
                    let b = self.char_expr(r, cx)?;
                    return Some(quote!((#a == #b)));
                }
                let a = self.str_ref(l, cx);
                let b = self.str_ref(r, cx);
                Some(quote!((#a == #b)))
            }
            RtFn::Contains => {
                let hay = self.str_ref(l, cx);
                if one_char_like(r, cx) {
                    let c = self.char_expr(r, cx)?;
                    return Some(quote!(#hay.contains(#c)));
                }
                let needle = self.str_ref(r, cx);
                Some(quote!(#hay.contains(#needle)))
            }
            _ => None,
        }
    }

    /// The short-literal form of a `str` constant, made at compile time.
    pub(super) fn short_str_lit(s: &str) -> Option<TokenStream> {
        (s.len() <= 22).then(|| quote!({ const __S: ::matx::Str = ::matx::Str::literal(#s); __S }))
    }
}

/// Whether [`Lower::char_expr`] gives `e` as a `char`.
fn one_char_like(e: &Expr, cx: &FnCx) -> bool {
    one_char_lit(e).is_some()
        || str_index(e).is_some()
        || matches!(&e.kind, ExprKind::Local(n) if cx.chars.contains(n))
}
