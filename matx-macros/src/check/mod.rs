//! Pass 2: resolve names and types, producing the typed IR. Errors are collected, never fatal.

mod access;
pub mod annot;
mod assign;
pub mod assigned;
mod builtin;
mod builtin_convert;
mod builtin_number;
mod builtin_order;
mod call;
mod class;
mod closure;
mod compare;
mod comprehension;
mod exceptions;
mod expr;
mod extern_ops;
mod flow;
mod module;
mod modules;
mod ops;
mod special;
mod stmt;
mod stub_call;
mod zonk;

use crate::ir::{self, Conv, Expr, ExprKind, Param};
use crate::source::{Diags, Source};
use crate::stubs::Stubs;
use crate::types::Ty;
use ruff_text_size::TextRange;
use std::collections::{BTreeMap, HashMap, HashSet};

pub use module::check_module;

/// A script function's signature.
#[derive(Clone)]
pub struct FuncSig {
    pub rust_name: String,
    pub params: Vec<Param>,
    /// `*args`: name and element type.
    pub vararg: Option<(String, Ty)>,
    pub ret: Ty,
}

/// What the checker knows of a user class.
#[derive(Clone, Default)]
pub struct ClassInfo {
    pub base: Option<String>,
    pub fields: Vec<(String, Ty)>,
    pub methods: BTreeMap<String, ir::MethodInfo>,
}

/// Per-function state.
#[derive(Default)]
pub struct FnState {
    pub locals: HashMap<String, Ty>,
    pub local_order: Vec<String>,
    pub params: HashSet<String>,
    pub ret: Ty,
    pub self_class: Option<String>,
    pub loop_depth: u32,
    /// Optional locals narrowed to their inner type by an `is not None` test.
    pub narrowed: Vec<String>,
    /// The variable holding the exception being handled (for bare `raise`).
    pub handling: Vec<String>,
    /// Outer locals visible to a nested function or lambda (read-only captures).
    pub outer: HashMap<String, Ty>,
    pub captures: Vec<String>,
    /// Names that nested functions capture, with where (they must be assigned once).
    pub captured_by_inner: HashMap<String, TextRange>,
    pub assign_count: HashMap<String, u32>,
    /// Where each local is first assigned (for messages).
    pub first_assign: HashMap<String, TextRange>,
    /// Comprehension variables: Python name -> the fresh local standing for it.
    pub aliases: Vec<(String, String)>,
}

pub struct Checker<'a> {
    pub src: &'a Source,
    pub diags: Diags,
    pub stubs: &'static Stubs,
    pub funcs: HashMap<String, FuncSig>,
    pub classes: HashMap<String, ClassInfo>,
    /// User exception classes and their bases.
    pub exc_classes: HashMap<String, ir::ExcRef>,
    pub consts: HashMap<String, Ty>,
    /// Imported modules of the stubs by local name (`import math as m`: `m` -> `math`).
    pub modules: HashMap<String, String>,
    /// Names imported from them (`from math import sqrt`): local name -> (module, name).
    pub from_imports: HashMap<String, (String, String)>,
    pub vars: Vec<Option<Ty>>,
    /// Set while checking a callable argument that is consumed by the call (see `arg_consumed`).
    pub consumed_callable: bool,
    /// Inference variables standing for expressions that already had an error: anything
    /// learnt from them is not reported again.
    pub poisoned: HashSet<usize>,
    pub fs: FnState,
    tmp: usize,
    /// The ops `matx_script!` was given (`ops = [...]`).
    pub op_decls: Vec<crate::collect::OpDecl>,
    /// Imported op types: local name -> (Python name, Rust path).
    pub op_class_names: HashMap<String, (String, String)>,
    /// Imports of ops, typed once every import is known.
    pub op_imports: Vec<(String, crate::collect::OpDecl, TextRange)>,
    /// Imported ops by local name.
    pub ops: HashMap<String, extern_ops::OpInfo>,
    /// Names whose import failed (already reported).
    pub op_failed: HashSet<String>,
    /// `from matx import NDArray` was seen.
    pub ndarray_imported: bool,
    /// The source ranges of the expressions where a dict view or a lazy iterator is used
    /// in a way that a list behaves the same (see `access::ViewUse`).
    pub view_ok: Vec<(TextRange, access::ViewUse)>,
}

impl<'a> Checker<'a> {
    pub fn new(src: &'a Source, stubs: &'static Stubs) -> Self {
        Checker {
            src,
            diags: Diags::default(),
            stubs,
            funcs: HashMap::new(),
            classes: HashMap::new(),
            exc_classes: HashMap::new(),
            consts: HashMap::new(),
            modules: HashMap::new(),
            from_imports: HashMap::new(),
            vars: Vec::new(),
            poisoned: HashSet::new(),
            consumed_callable: false,
            fs: FnState::default(),
            tmp: 0,
            op_decls: Vec::new(),
            op_class_names: HashMap::new(),
            op_imports: Vec::new(),
            ops: HashMap::new(),
            op_failed: HashSet::new(),
            ndarray_imported: false,
            view_ok: Vec::new(),
        }
    }

    pub fn error(&mut self, range: TextRange, msg: impl Into<String>) {
        self.diags.error(range, msg);
    }

    /// Whether a type came from an expression that already had an error.
    pub fn is_poisoned(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Var(v) => self.poisoned.contains(&v),
            Ty::List(e) | Ty::Set(e) | Ty::Optional(e) | Ty::Iter(e) | Ty::TupleN(e) => {
                self.is_poisoned(&e)
            }
            Ty::Dict(k, v) => self.is_poisoned(&k) || self.is_poisoned(&v),
            Ty::Tuple(ts) => ts.iter().any(|t| self.is_poisoned(t)),
            Ty::Func(a, r) => a.iter().any(|t| self.is_poisoned(t)) || self.is_poisoned(&r),
            _ => false,
        }
    }

    pub fn line(&self, range: TextRange) -> u32 {
        self.src.line(range.start())
    }

    pub fn fresh(&mut self) -> Ty {
        self.vars.push(None);
        Ty::Var(self.vars.len() - 1)
    }

    /// A fresh compiler temporary name.
    /// Starts with a digit, which no Python name can, so it never collides with one.
    pub fn tmp(&mut self, what: &str) -> String {
        self.tmp += 1;
        format!("{}{what}", self.tmp)
    }

    /// An expression standing in for one that had an error (its type fits anything).
    pub fn poison(&mut self, range: TextRange) -> Expr {
        let ty = self.fresh();
        if let Ty::Var(v) = ty {
            self.poisoned.insert(v);
        }
        Expr {
            kind: ExprKind::NoneLit,
            ty,
            line: self.line(range),
        }
    }

    /// The type with every bound inference variable replaced.
    pub fn resolve(&self, t: &Ty) -> Ty {
        match t {
            Ty::Var(v) => match self.vars.get(*v).and_then(|b| b.as_ref()) {
                Some(b) => self.resolve(b),
                None => t.clone(),
            },
            Ty::List(e) => Ty::list(self.resolve(e)),
            Ty::Set(e) => Ty::set(self.resolve(e)),
            Ty::Dict(k, v) => Ty::dict(self.resolve(k), self.resolve(v)),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| self.resolve(t)).collect()),
            Ty::Optional(e) => Ty::Optional(Box::new(self.resolve(e))),
            Ty::Func(a, r) => Ty::Func(
                a.iter().map(|t| self.resolve(t)).collect(),
                Box::new(self.resolve(r)),
            ),
            Ty::Iterable(e) => Ty::Iterable(Box::new(self.resolve(e))),
            Ty::Iter(e) => Ty::Iter(Box::new(self.resolve(e))),
            Ty::TupleN(e) => Ty::TupleN(Box::new(self.resolve(e))),
            Ty::VarTuple(e) => Ty::VarTuple(Box::new(self.resolve(e))),
            _ => t.clone(),
        }
    }

    pub(super) fn occurs(&self, v: usize, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Var(w) => v == w,
            Ty::List(e)
            | Ty::Set(e)
            | Ty::Optional(e)
            | Ty::Iterable(e)
            | Ty::VarTuple(e)
            | Ty::TupleN(e)
            | Ty::Iter(e) => self.occurs(v, &e),
            Ty::Dict(k, x) => self.occurs(v, &k) || self.occurs(v, &x),
            Ty::Tuple(ts) => ts.iter().any(|t| self.occurs(v, t)),
            Ty::Func(a, r) => a.iter().any(|t| self.occurs(v, t)) || self.occurs(v, &r),
            _ => false,
        }
    }

    pub(super) fn bind_var(&mut self, v: usize, t: Ty) -> bool {
        if let Ty::Var(w) = t {
            if w == v {
                return true;
            }
        }
        if self.occurs(v, &t) {
            return false;
        }
        if self.poisoned.contains(&v) {
            if let Ty::Var(w) = t {
                self.poisoned.insert(w);
            }
        }
        // `x = None` first: the variable is an Optional of something learnt later.
        let t = if t == Ty::None {
            Ty::Optional(Box::new(self.fresh()))
        } else {
            t
        };
        self.vars[v] = Some(t);
        true
    }

    /// Structural unification (no conversions).
    pub fn unify(&mut self, a: &Ty, b: &Ty) -> bool {
        let (a, b) = (self.resolve(a), self.resolve(b));
        match (&a, &b) {
            (Ty::Var(v), _) => self.bind_var(*v, b.clone()),
            (_, Ty::Var(v)) => self.bind_var(*v, a.clone()),
            (Ty::List(x), Ty::List(y))
            | (Ty::Set(x), Ty::Set(y))
            | (Ty::Optional(x), Ty::Optional(y))
            | (Ty::Iter(x), Ty::Iter(y))
            | (Ty::TupleN(x), Ty::TupleN(y)) => self.unify(x, y),
            (Ty::Dict(k1, v1), Ty::Dict(k2, v2)) => self.unify(k1, k2) && self.unify(v1, v2),
            (Ty::Tuple(x), Ty::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| self.unify(p, q))
            }
            (Ty::Func(a1, r1), Ty::Func(a2, r2)) => {
                a1.len() == a2.len()
                    && a1.iter().zip(a2).all(|(p, q)| self.unify(p, q))
                    && self.unify(r1, r2)
            }
            _ => a == b,
        }
    }

    /// Whether class `d` is `b` or derives from it.
    pub fn derives(&self, d: &str, b: &str) -> bool {
        let mut cur = Some(d.to_string());
        while let Some(c) = cur {
            if c == b {
                return true;
            }
            cur = self.classes.get(&c).and_then(|i| i.base.clone());
        }
        false
    }

    /// Converts `e` to type `target` where Python allows it (int → float,
    /// T → Optional[T], T → Any, subclass → base), or reports a type error.
    pub fn coerce(&mut self, e: Expr, target: &Ty, range: TextRange, what: &str) -> Expr {
        self.coerce_in(e, target, range, what, false)
    }

    /// [`coerce`](Self::coerce), where `store` says the value is kept (a value taken out of
    /// `Any` must then have exactly the type: no int is widened to a float on the way).
    fn coerce_in(
        &mut self,
        e: Expr,
        target: &Ty,
        range: TextRange,
        what: &str,
        store: bool,
    ) -> Expr {
        let t = self.resolve(&e.ty);
        let target = self.resolve(target);
        let line = e.line;
        let conv = |c: Conv, e: Expr, ty: Ty| Expr {
            kind: ExprKind::Convert(c, Box::new(e)),
            ty,
            line,
        };
        if let (Ty::None, Ty::Optional(_)) = (&t, &target) {
            if let ExprKind::NoneLit = e.kind {
                return Expr { ty: target, ..e };
            }
        }
        if (matches!(target, Ty::Var(_)) || matches!(t, Ty::Var(_)) || self.same_shape(&t, &target))
            && self.unify(&t, &target)
        {
            return e;
        }
        match (&t, &target) {
            (Ty::Int, Ty::Float) => conv(Conv::IntToFloat, e, Ty::Float),
            (Ty::Bool, Ty::Int) => conv(Conv::BoolToInt, e, Ty::Int),
            (Ty::Bool, Ty::Float) => {
                let i = conv(Conv::BoolToInt, e, Ty::Int);
                conv(Conv::IntToFloat, i, Ty::Float)
            }
            (Ty::None, Ty::Optional(_)) => {
                let tmp = self.tmp("none");
                let st = ir::Stmt {
                    kind: ir::StmtKind::Let(tmp, e),
                    line,
                };
                let none = Expr {
                    kind: ExprKind::NoneLit,
                    ty: target.clone(),
                    line,
                };
                Expr {
                    kind: ExprKind::Block(vec![st], Box::new(none)),
                    ty: target,
                    line,
                }
            }
            (_, Ty::Optional(inner)) if !matches!(t, Ty::Optional(_)) => {
                let inner = (**inner).clone();
                let e = self.coerce_in(e, &inner, range, what, store);
                conv(Conv::Some, e, target)
            }
            (_, Ty::Any) if !matches!(t, Ty::Any) => {
                if copies_to_any(&t) && !is_fresh(&e) {
                    self.error(
                        range,
                        format!("{what}: a `{}` becomes `Any` by copying, so changes through one would not show in the other as they do in CPython: declare the container `{}` from the start", t.py(), any_version(&t).py()),
                    );
                }
                conv(Conv::ToAny, e, Ty::Any)
            }
            (Ty::Any, _) if store => conv(Conv::FromAnyExact, e, target),
            (Ty::Any, _) => conv(Conv::FromAny, e, target),
            (Ty::Class(d), Ty::Class(b)) if self.derives(d, b) => {
                conv(Conv::Upcast(b.clone()), e, target.clone())
            }
            _ => {
                if !self.is_poisoned(&t) && !self.is_poisoned(&target) {
                    self.error(
                        range,
                        format!("{what}: expected `{}`, found `{}`", target.py(), t.py()),
                    );
                }
                e
            }
        }
    }

    /// Like [`coerce`](Self::coerce) for a value that is stored or passed on (variables,
    /// parameters, fields, elements, returns): CPython keeps an `int` stored where a `float`
    /// is annotated (and `True` where an `int` is), so converting would print differently.
    pub fn coerce_store(&mut self, e: Expr, target: &Ty, range: TextRange, what: &str) -> Expr {
        let (t, tt) = (self.resolve(&e.ty), self.resolve(target));
        let tt_inner = match &tt {
            Ty::Optional(i) => self.resolve(i),
            other => other.clone(),
        };
        match (&t, &tt_inner) {
            (Ty::Int, Ty::Float) => {
                self.error(
                    range,
                    format!("{what}: expected `float`, found `int`; CPython would keep the int (printing `1`, not `1.0`): write a float such as `1.0`, or convert with `float(...)`"),
                );
                e
            }
            (Ty::Bool, Ty::Int | Ty::Float) => {
                self.error(
                    range,
                    format!("{what}: expected `{}`, found `bool`; CPython would keep `True`/`False` here: convert with `int(...)`", tt_inner.py()),
                );
                e
            }
            _ => self.coerce_in(e, target, range, what, true),
        }
    }

    /// One type for the elements of a display: `None` with `T` gives `Optional[T]`, subclasses
    /// their common base; `None` when the types cannot be joined.
    pub fn join_types(&mut self, tys: &[Ty]) -> Option<Ty> {
        let tys: Vec<Ty> = tys.iter().map(|t| self.resolve(t)).collect();
        let has_none = tys.contains(&Ty::None);
        let mut rest: Vec<Ty> = tys
            .iter()
            .filter(|t| **t != Ty::None && !matches!(t, Ty::Var(_)))
            .cloned()
            .collect();
        let mut base: Option<Ty> = None;
        for t in rest.drain(..) {
            let t = match t {
                Ty::Optional(i) => {
                    base = Some(match base {
                        None => Ty::Optional(i),
                        Some(b) => b,
                    });
                    continue;
                }
                t => t,
            };
            base = Some(match base {
                None => t,
                Some(Ty::Optional(b)) if *b == t => Ty::Optional(b),
                Some(b) if b == t => b,
                Some(Ty::Class(a)) => match &t {
                    Ty::Class(c) => {
                        let mut cur = Some(a.clone());
                        let mut found = None;
                        while let Some(x) = cur {
                            if self.derives(c, &x) {
                                found = Some(x);
                                break;
                            }
                            cur = self.classes.get(&x).and_then(|i| i.base.clone());
                        }
                        Ty::Class(found?)
                    }
                    _ => return None,
                },
                Some(b) => {
                    if self.same_shape(&b, &t) && self.unify(&b, &t) {
                        self.resolve(&b)
                    } else {
                        return None;
                    }
                }
            });
        }
        Some(match (base, has_none) {
            (Some(b), true) => Ty::optional(b),
            (Some(b), false) => b,
            (None, true) => Ty::None,
            (None, false) => return tys.first().cloned(),
        })
    }

    pub fn same_shape_pub(&self, a: &Ty, b: &Ty) -> bool {
        self.same_shape(a, b)
    }

    pub(super) fn same_shape(&self, a: &Ty, b: &Ty) -> bool {
        std::mem::discriminant(a) == std::mem::discriminant(b)
            && !matches!((a, b), (Ty::Class(x), Ty::Class(y)) if x != y)
    }
}

/// Rust identifiers for Python names: keywords get a suffix.
pub fn rust_ident(name: &str) -> String {
    const KW: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
        "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do",
        "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
        "gen", "union",
    ];
    if KW.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

/// Mutable containers whose conversion to `Any` copies (only `List[Any]` & co. are shared).
fn copies_to_any(t: &Ty) -> bool {
    match t {
        Ty::List(e) | Ty::Set(e) => **e != Ty::Any,
        Ty::Dict(k, v) => **k != Ty::Any || **v != Ty::Any,
        Ty::Tuple(ts) => ts.iter().any(copies_to_any),
        Ty::Optional(e) | Ty::TupleN(e) => copies_to_any(e),
        _ => false,
    }
}

fn any_version(t: &Ty) -> Ty {
    match t {
        Ty::List(_) => Ty::list(Ty::Any),
        Ty::Set(_) => Ty::set(Ty::Any),
        Ty::Dict(..) => Ty::dict(Ty::Any, Ty::Any),
        other => other.clone(),
    }
}

/// A value no one else refers to yet (a display, a comprehension, a fresh copy).
fn is_fresh(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List(_) | ExprKind::Dict(_) | ExprKind::Set(_) | ExprKind::Block(..) => true,
        ExprKind::Tuple(xs) => xs.iter().all(|x| !copies_to_any(&x.ty) || is_fresh(x)),
        ExprKind::Rt {
            func: ir::Callee::Fn(f),
            ..
        } => f.returns_fresh(),
        ExprKind::Method { name, .. } => matches!(
            name.as_str(),
            "copy" | "split" | "keys" | "values" | "items"
        ),
        _ => false,
    }
}
