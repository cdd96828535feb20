//! Loop-invariant field reads: in a `for` loop (and so in a comprehension) that can run no script code and assigns no field, `param.field` is read once, before the first iteration, instead of under the object's lock on every one.
//!
//! Why it is exact: a field changes only by an assignment to it, which runs script code (a
//! `Target::Field`, or a call of a script function, method, constructor, closure or op that
//! could assign it). The loops this applies to contain neither, and their values are all of
//! plain data types (numbers, `str`, `bytes`, containers of those, `NDArray`), whose runtime
//! operations (hashing, comparing, formatting) cannot reach script code either. The object
//! is a parameter the loop does not assign, so every iteration reads the same object's
//! same field: the value read before the loop. A field another thread assigns meanwhile is
//! seen after the loop, which is one of the orders CPython's own thread switches allow.
//!
//! The read before the loop keeps the field's `Option` (an unset field is not an error
//! there): the `AttributeError` of an unset field is raised where the script reads it, as
//! without hoisting, so a loop that never reaches the read raises nothing.

use super::{ident, FnCx, Lower};
use crate::ir::{Block, Child, Expr, ExprKind, ForIter, ForLoop, Stmt, StmtKind, Target};
use crate::types::Ty;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// A field read: the object's local, the class declaring the field, the field.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldKey {
    obj: String,
    owner: String,
    field: String,
}

/// The hoisting state of one function body.
#[derive(Default)]
pub struct Hoisting {
    /// The body's own locals (not parameters): their first assignment may be anywhere, so
    /// an object held in one is never read before a loop.
    pub declared: BTreeSet<String>,
    /// Reads hoisted by the loops being lowered, and the variable holding each.
    active: Vec<(FieldKey, Ident)>,
}

impl Hoisting {
    /// The variable holding `obj.field` when an enclosing loop read it before its start.
    pub fn var(&self, obj: &Expr, owner: &str, field: &str) -> Option<&Ident> {
        let ExprKind::Local(o) = &obj.kind else {
            return None;
        };
        self.active
            .iter()
            .find(|(k, _)| k.obj == *o && k.owner == owner && k.field == field)
            .map(|(_, v)| v)
    }
}

impl Lower<'_> {
    /// The reads `l`'s body may take out of the loop: `let` statements to put before the
    /// loop (after its iterable is evaluated), registered in `cx` until [`Self::unhoist`].
    pub(super) fn hoist(&self, l: &ForLoop, cx: &mut FnCx) -> (TokenStream, usize) {
        let mut scan = Scan::default();
        if !scan.block(&l.body) {
            return (TokenStream::new(), 0);
        }
        let mut lets = TokenStream::new();
        let mut n = 0;
        for key in scan.reads {
            let fresh = cx.hoist.active.iter().all(|(k, _)| *k != key);
            if !fresh
                || scan.assigned.contains(&key.obj)
                || cx.hoist.declared.contains(&key.obj)
                || cx.maybe.contains(&key.obj)
            {
                continue;
            }
            let var = cx.tmp("field");
            let (o, acc, f) = (
                ident(&key.obj),
                format_ident!("__f_{}", key.owner),
                ident(&key.field),
            );
            lets.extend(quote!(let #var = ::std::clone::Clone::clone(&#o.0.#acc().read().#f);));
            cx.hoist.active.push((key, var));
            n += 1;
        }
        (lets, n)
    }

    /// `obj.field` from the variable an enclosing loop read it into: the value (cloned), or
    /// with `borrow` a reference (a method's receiver: no handle clone per iteration). An
    /// unset field raises `AttributeError` here, where the script reads it.
    pub(super) fn hoisted_field(
        &self,
        obj: &Expr,
        owner: &str,
        field: &str,
        line: u32,
        borrow: bool,
        cx: &FnCx,
    ) -> Option<TokenStream> {
        let var = cx.hoist.var(obj, owner, field)?;
        let ExprKind::Local(o) = &obj.kind else {
            return None;
        };
        let o = ident(o);
        let file = self.file;
        let err = self.raise(
            quote!(::matx::rt::no_attribute(#o.0.__matx_class_name(), #field).at(#file, #line)),
            cx,
        );
        let v = if borrow {
            quote!(__v)
        } else {
            quote!(::std::clone::Clone::clone(__v))
        };
        Some(quote!((match &#var {
            ::std::option::Option::Some(__v) => #v,
            ::std::option::Option::None => { #err }
        })))
    }

    /// Ends the `n` reads [`Self::hoist`] registered (the loop's body is lowered).
    pub(super) fn unhoist(&self, n: usize, cx: &mut FnCx) {
        let keep = cx.hoist.active.len() - n;
        cx.hoist.active.truncate(keep);
    }
}

/// Whether a loop body qualifies, with the field reads of parameters it makes and the
/// locals it assigns.
#[derive(Default)]
struct Scan {
    reads: BTreeSet<FieldKey>,
    assigned: BTreeSet<String>,
}

/// A type whose runtime operations never run script code.
fn plain(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::None | Ty::Str | Ty::Bytes | Ty::NDArray => true,
        Ty::Range => true,
        Ty::List(t) | Ty::Set(t) | Ty::Optional(t) | Ty::TupleN(t) | Ty::Iter(t) => plain(t),
        Ty::Dict(k, v) => plain(k) && plain(v),
        Ty::Tuple(ts) => ts.iter().all(plain),
        _ => false,
    }
}

impl Scan {
    fn block(&mut self, b: &Block) -> bool {
        b.iter().all(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign(t, e) => self.expr(e, false) && self.target(t),
            StmtKind::For(l) => {
                let iter = match &l.iter {
                    ForIter::Range(a, b, c) => [a, b, c].iter().all(|x| self.expr(x, false)),
                    ForIter::Iter(e, _) => self.expr(e, false),
                };
                iter && self.target(&l.target) && self.block(&l.body) && self.block(&l.orelse)
            }
            StmtKind::Try(t) => {
                t.handlers.iter().for_each(|h| {
                    if let Some(n) = &h.name {
                        self.assigned.insert(n.clone());
                    }
                });
                self.stmt_children(s)
            }
            _ => self.stmt_children(s),
        }
    }

    /// Every direct child of `s` qualifies (expressions as values).
    fn stmt_children(&mut self, s: &Stmt) -> bool {
        let mut ok = true;
        s.for_each_child(&mut |c| ok = ok && self.child(c));
        ok
    }

    /// A direct child of any node qualifies (expressions as values).
    fn child(&mut self, c: Child<'_>) -> bool {
        match c {
            Child::Expr(e) => self.expr(e, false),
            Child::Block(b) => self.block(b),
            Child::Target(t) => self.target(t),
        }
    }

    fn target(&mut self, t: &Target) -> bool {
        match t {
            Target::Local(n) => {
                self.assigned.insert(n.clone());
                true
            }
            Target::Discard => true,
            // Assigning any field could assign the one read.
            Target::Field { .. } | Target::AnyAttr { .. } => false,
            _ => {
                let mut ok = true;
                t.for_each_child(&mut |c| ok = ok && self.child(c));
                ok
            }
        }
    }

    /// `e` runs no script code. `as_obj`: `e` is the object of a field read, which may be a
    /// class handle (only read, never called or converted).
    fn expr(&mut self, e: &Expr, as_obj: bool) -> bool {
        match &e.kind {
            ExprKind::Call { .. }
            | ExprKind::CallValue { .. }
            | ExprKind::Virtual { .. }
            | ExprKind::New { .. }
            | ExprKind::Lambda { .. } => false,
            ExprKind::Local(_) => plain(&e.ty) || (as_obj && matches!(e.ty, Ty::Class(_))),
            ExprKind::Field { obj, owner, field } => {
                if !(plain(&e.ty) || (as_obj && matches!(e.ty, Ty::Class(_)))) {
                    return false;
                }
                if let ExprKind::Local(o) = &obj.kind {
                    self.reads.insert(FieldKey {
                        obj: o.clone(),
                        owner: owner.clone(),
                        field: field.clone(),
                    });
                }
                self.expr(obj, true)
            }
            // An exception value is only built here (its class has no script code to run).
            ExprKind::MakeExc(..) => self.expr_children(e),
            _ => plain(&e.ty) && self.expr_children(e),
        }
    }

    fn expr_children(&mut self, e: &Expr) -> bool {
        let mut ok = true;
        e.for_each_child(&mut |c| ok = ok && self.child(c));
        ok
    }
}
