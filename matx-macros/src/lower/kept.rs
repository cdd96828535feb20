//! Which list and dict locals never leave their function, and so are lowered to `::matx::LocalList` / `::matx::LocalDict` (no lock, no atomic count) instead of the shared `::matx::List` / `::matx::Dict`.
//!
//! A local qualifies when every value it ever holds is a container made right there (a
//! display, a comprehension, `list(...)`, `[x] * n`, a slice `xs[a:b]`), or another qualifying local's (`a, b =
//! b, a`), and it is used only as `x[k]` (an int index for a list; read, assigned, or for a
//! dict deleted), `len(x)`, `for _ in x` (also through `enumerate`, `zip`, `map`, `filter`),
//! `v in x`, `list(x)` (a copy), its own methods
//! (lists: `append/extend/insert/pop/clear/reverse`; dicts: `get/pop/popitem/setdefault/
//! update/keys/values/items/copy/clear`), and `return x` (outside any `try` with a `finally`,
//! which could still change it after the value is taken). Anything else (an argument,
//! including to builtins such as `sorted` or `str.join`, which take the container itself; a
//! field; an element of a container; a capture; a comparison; a `print`) lets it be seen
//! elsewhere, and the local stays shared.

use crate::ir::{Block, Callee, Child, Expr, ExprKind, ForIter, RtFn, Stmt, StmtKind, Target};
use crate::types::Ty;
use std::collections::BTreeSet;

/// The locals of a function body (its own `locals`, not parameters) to lower as `LocalList`
/// or `LocalDict`.
pub fn find(locals: &[(String, Ty)], body: &Block, maybe: &BTreeSet<String>) -> BTreeSet<String> {
    let mut w = Walk {
        candidates: locals
            .iter()
            .filter(|(n, t)| matches!(t, Ty::List(_) | Ty::Dict(..)) && !maybe.contains(n))
            .map(|(n, _)| n.clone())
            .collect(),
        escaped: BTreeSet::new(),
        links: Vec::new(),
        has_finally: false,
    };
    if w.candidates.is_empty() {
        return BTreeSet::new();
    }
    w.block(body);
    if w.has_finally {
        // A `return x` inside `try: ... finally:` is allowed nowhere: simplest to keep all.
        return BTreeSet::new();
    }
    // A list moved between locals is one list: all of them qualify, or none.
    loop {
        let before = w.escaped.len();
        for (a, b) in &w.links {
            if w.escaped.contains(a) || w.escaped.contains(b) {
                w.escaped.insert(a.clone());
                w.escaped.insert(b.clone());
            }
        }
        if w.escaped.len() == before {
            break;
        }
    }
    w.candidates.difference(&w.escaped).cloned().collect()
}

/// Whether `e` makes a new list or dict no one else holds.
pub fn fresh(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List(_) | ExprKind::Dict(_) | ExprKind::Collect { .. } => true,
        ExprKind::Rt { func, recv, .. } => {
            matches!(func, Callee::Fn(RtFn::ToList | RtFn::Repeat))
                // `xs[a:b]` of a list is a new list.
                || (*func == Callee::Fn(RtFn::GetSlice)
                    && recv.as_ref().is_some_and(|r| matches!(r.ty, Ty::List(_))))
        }
        _ => false,
    }
}

/// The methods a `LocalList` has (same names and signatures as `List`'s).
const LIST_METHODS: &[&str] = &["append", "extend", "insert", "pop", "clear", "reverse"];

/// The methods a `LocalDict` has (same names and signatures as `Dict`'s).
const DICT_METHODS: &[&str] = &[
    "get",
    "get_or",
    "pop",
    "pop_or",
    "popitem",
    "setdefault",
    "update",
    "keys",
    "values",
    "items",
    "copy",
    "clear",
];

fn is_dict(e: &Expr) -> bool {
    matches!(e.ty, Ty::Dict(..))
}

struct Walk {
    candidates: BTreeSet<String>,
    escaped: BTreeSet<String>,
    /// Pairs of locals one of which took the other's list (or a temporary naming it).
    links: Vec<(String, String)>,
    has_finally: bool,
}

impl Walk {
    /// The candidate `e` names, if it is a bare read of one.
    fn cand<'e>(&self, e: &'e Expr) -> Option<&'e str> {
        match &e.kind {
            ExprKind::Local(n) if self.candidates.contains(n) => Some(n),
            _ => None,
        }
    }

    fn block(&mut self, b: &Block) {
        b.iter().for_each(|s| self.stmt(s));
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Assign(Target::Local(n), v) if self.candidates.contains(n) => {
                if !fresh(v) {
                    self.escaped.insert(n.clone());
                }
                self.expr(v);
            }
            StmtKind::Assign(Target::Tuple(ts, _), v) => match &v.kind {
                ExprKind::Tuple(xs) if xs.len() == ts.len() => {
                    for (t, x) in ts.iter().zip(xs) {
                        match (t, self.cand(x)) {
                            (Target::Local(a), Some(b)) if self.candidates.contains(a) => {
                                self.links.push((a.clone(), b.to_string()));
                            }
                            (t, _) => {
                                self.expr(x);
                                self.target(t);
                            }
                        }
                    }
                }
                _ => {
                    self.expr(v);
                    ts.iter().for_each(|t| self.target(t));
                }
            },
            StmtKind::Return(Some(v)) if self.cand(v).is_some() => {}
            // A temporary of the checker naming a candidate (`x[i] += v` reads `x` once into
            // one): the same container, under the same rules.
            StmtKind::Let(t, v) if self.cand(v).is_some() => {
                let c = self.cand(v).map(str::to_string).unwrap_or_default();
                self.candidates.insert(t.clone());
                self.links.push((t.clone(), c));
            }
            StmtKind::For(l) => {
                match &l.iter {
                    ForIter::Iter(e, _) => self.iterated(e),
                    ForIter::Range(a, b, c) => [a, b, c].into_iter().for_each(|x| self.expr(x)),
                }
                self.target(&l.target);
                self.block(&l.body);
                self.block(&l.orelse);
            }
            StmtKind::Try(t) => {
                self.has_finally |= !t.finalbody.is_empty();
                self.generic_stmt(s);
            }
            _ => self.generic_stmt(s),
        }
    }

    /// `e` iterated by a `for`: a candidate itself, or what a lazy `enumerate`/`zip`/`map`/
    /// `filter` iterates (lowered the same way, by reference).
    fn iterated(&mut self, e: &Expr) {
        if self.cand(e).is_some() {
            return;
        }
        if let Some(inner) = super::stmt::iterated_in_place(e) {
            return self.iterated(inner);
        }
        if let ExprKind::Rt {
            func,
            recv: None,
            args,
            ..
        } = &e.kind
        {
            if let Some((_, n)) = super::stmt::lazy_form(func) {
                for (i, a) in args.iter().enumerate() {
                    if i < n {
                        self.iterated(a);
                    } else {
                        self.expr(a);
                    }
                }
                return;
            }
        }
        self.expr(e);
    }

    fn generic_stmt(&mut self, s: &Stmt) {
        s.for_each_child(&mut |c| self.child(c));
    }

    fn child(&mut self, c: Child<'_>) {
        match c {
            Child::Expr(e) => self.expr(e),
            Child::Block(b) => self.block(b),
            Child::Target(t) => self.target(t),
        }
    }

    fn target(&mut self, t: &Target) {
        match t {
            // Assigned something that is not a fresh list (handled in `stmt`).
            Target::Local(n) => {
                if self.candidates.contains(n) {
                    self.escaped.insert(n.clone());
                }
            }
            Target::Item { obj, index }
                if self.cand(obj).is_some() && (is_dict(obj) || index.ty == Ty::Int) =>
            {
                self.expr(index)
            }
            _ => t.for_each_child(&mut |c| self.child(c)),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(n) => {
                if self.candidates.contains(n) {
                    self.escaped.insert(n.clone());
                }
            }
            ExprKind::Rt {
                func: Callee::Fn(func),
                recv: Some(r),
                args,
                ..
            } if self.cand(r).is_some()
                && match func {
                    // `list(x)` copies.
                    RtFn::Len | RtFn::ToList => args.is_empty(),
                    RtFn::GetItem => args.len() == 1 && (is_dict(r) || args[0].ty == Ty::Int),
                    RtFn::DelItem => args.len() == 1 && is_dict(r),
                    RtFn::Contains => args.len() == 1,
                    _ => false,
                } =>
            {
                args.iter().for_each(|a| self.expr(a))
            }
            ExprKind::Method {
                recv, name, args, ..
            } if self.cand(recv).is_some()
                && if is_dict(recv) {
                    DICT_METHODS
                } else {
                    LIST_METHODS
                }
                .contains(&name.as_str()) =>
            {
                args.iter().for_each(|a| self.expr(a))
            }
            // A closure holds its own copies of what it captures: they would be shared.
            ExprKind::Lambda { captures, .. } => {
                for c in captures {
                    if self.candidates.contains(c) {
                        self.escaped.insert(c.clone());
                    }
                }
                self.children_of(e);
            }
            _ => self.children_of(e),
        }
    }

    fn children_of(&mut self, e: &Expr) {
        e.for_each_child(&mut |c| self.child(c));
    }
}
