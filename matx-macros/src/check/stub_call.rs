//! Calls of what the stubs declare (builtin methods, builtin and module functions): arguments
//! are bound by CPython's parameter kinds, an overload is chosen by the arguments' types (at
//! run time for `Any` ones), and each argument is converted where CPython converts it and kept
//! where CPython keeps it.

use super::call::Args;
use super::Checker;
use crate::ir::{Callee, Conv, Expr, ExprKind, RtFn};
use crate::stubs::{Kind, Lit, StubFn};
use crate::types::Ty;
use ruff_python_ast::Expr as AExpr;
use ruff_text_size::{Ranged, TextRange};

/// Where a parameter's argument comes from.
#[derive(Clone, Copy, Debug)]
pub enum Src {
    Pos(usize),
    Kw(usize),
}

/// Arguments bound to one overload's parameters (by position and name only, no types yet).
#[derive(Clone, Debug)]
pub struct Shape {
    pub slots: Vec<Option<Src>>,
    /// Positional arguments going to `*args`.
    pub extra: Vec<usize>,
}

/// Binds `npos` positional and the named arguments to `f`'s parameters as CPython would,
/// or says why CPython would raise `TypeError`.
pub fn shape(f: &StubFn, npos: usize, kws: &[&str]) -> Result<Shape, String> {
    let mut slots = vec![None; f.params.len()];
    let positional: Vec<usize> = (0..f.params.len())
        .filter(|&i| f.params[i].kind != Kind::KwOnly)
        .collect();
    let mut extra = Vec::new();
    for i in 0..npos {
        match positional.get(i) {
            Some(&p) => slots[p] = Some(Src::Pos(i)),
            None if f.vararg.is_some() => extra.push(i),
            None => {
                let n = positional.len();
                let takes = if n == 0 {
                    "takes no positional arguments".to_string()
                } else if positional.iter().any(|&p| f.params[p].default.is_some()) {
                    format!(
                        "takes at most {n} positional argument{}",
                        if n == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "takes {n} positional argument{}",
                        if n == 1 { "" } else { "s" }
                    )
                };
                return Err(format!(
                    "{takes} but {npos} {} given",
                    if npos == 1 { "was" } else { "were" }
                ));
            }
        }
    }
    for (k, name) in kws.iter().enumerate() {
        match f.params.iter().position(|p| p.name == *name) {
            Some(i) if f.params[i].kind == Kind::PosOnly && !f.kwargs => {
                return Err(format!(
                    "takes `{name}` by position only (a keyword raises TypeError in CPython): pass it without `{name}=`"
                ))
            }
            Some(i) if slots[i].is_some() => {
                return Err(format!("got multiple values for argument `{name}`"))
            }
            Some(i) => slots[i] = Some(Src::Kw(k)),
            None if f.kwargs => {}
            None => return Err(format!("has no parameter named `{name}`")),
        }
    }
    for (i, p) in f.params.iter().enumerate() {
        if slots[i].is_none() && p.default.is_none() {
            return Err(format!("is missing the argument `{}`", p.name));
        }
    }
    Ok(Shape { slots, extra })
}

/// How well an argument's type fits a parameter's, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Exact,
    /// By a conversion CPython makes too (an int read as a float, a bool as an int).
    Convert,
    /// An `Any` argument: known at run time only.
    Dynamic,
    No,
}

/// Whether a stub type mentions a type parameter: such an argument is kept, not converted.
fn stores(t: &Ty) -> bool {
    match t {
        Ty::Param(_) => true,
        Ty::List(e)
        | Ty::Set(e)
        | Ty::Optional(e)
        | Ty::Iterable(e)
        | Ty::VarTuple(e)
        | Ty::TupleN(e) => stores(e),
        Ty::Dict(k, v) => stores(k) || stores(v),
        Ty::Tuple(ts) => ts.iter().any(stores),
        Ty::Func(a, r) => a.iter().any(stores) || stores(r),
        _ => false,
    }
}

/// The arguments of a call, checked or not.
enum Vals<'a, 'b> {
    Ast(&'b Args<'a>),
    /// Checked already (to choose an overload); each taken once, with its source range.
    Checked {
        pos: Vec<Option<Expr>>,
        kw: Vec<Option<Expr>>,
        a: &'b Args<'a>,
    },
}

impl Checker<'_> {
    /// Checks the arguments of a call of a `@special` stub against its signature (one
    /// overload must fit); reports and returns false when none does.
    pub fn special_shape_ok(
        &mut self,
        what: &str,
        overloads: &[StubFn],
        a: &Args,
        r: TextRange,
    ) -> bool {
        let kws: Vec<&str> = a.kw.iter().map(|(n, _, _)| *n).collect();
        let mut first_err = None;
        for f in overloads {
            match shape(f, a.pos.len(), &kws) {
                Ok(_) => return true,
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        self.error(r, format!("`{what}()` {}", first_err.unwrap_or_default()));
        false
    }

    /// A call of non-special stub overloads: `recv` for a method (with the receiver's type
    /// parameters `subst`), else a function of the runtime module `rust_path`.
    #[allow(clippy::too_many_arguments)]
    pub fn call_stub(
        &mut self,
        what: &str,
        overloads: &[StubFn],
        recv: Option<Expr>,
        subst: &[Ty],
        rust_path: &str,
        a: &Args,
        r: TextRange,
    ) -> Expr {
        for x in &a.pos {
            if let AExpr::Starred(_) = x {
                self.error(
                    x.range(),
                    "`*` unpacking in calls is not supported: pass the arguments one by one",
                );
                return self.poison(r);
            }
        }
        let kws: Vec<&str> = a.kw.iter().map(|(n, _, _)| *n).collect();
        let mut fits: Vec<(&StubFn, Shape)> = Vec::new();
        let mut first_err = None;
        for f in overloads {
            match shape(f, a.pos.len(), &kws) {
                Ok(s) => fits.push((f, s)),
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        if fits.is_empty() {
            self.error(r, format!("`{what}()` {}", first_err.unwrap_or_default()));
            return self.poison(r);
        }
        if fits.len() == 1 {
            let (f, sh) = fits.remove(0);
            let f = f.clone();
            let args = self.bind_stub(&f, &sh, subst, Vals::Ast(a), r, what);
            return self.stub_expr(&f, recv, rust_path, args, subst, r);
        }
        // Several overloads fit the shape: the arguments' types decide.
        let pos: Vec<Option<Expr>> = a.pos.iter().map(|x| Some(self.expr(x))).collect();
        let kw: Vec<Option<Expr>> = a.kw.iter().map(|(_, x, _)| Some(self.expr(x))).collect();
        let mut best: Vec<(Fit, usize)> = Vec::new();
        for (i, (f, sh)) in fits.iter().enumerate() {
            let mut worst = Fit::Exact;
            for (p, s) in f.params.iter().zip(&sh.slots) {
                let Some(s) = s else { continue };
                let e = match s {
                    Src::Pos(i) => &pos[*i],
                    Src::Kw(i) => &kw[*i],
                };
                let t = e.as_ref().map(|e| self.resolve(&e.ty)).unwrap_or(Ty::Any);
                worst =
                    worst.max(self.fit(&t, &super::call::instantiate(&p.ty, subst), stores(&p.ty)));
            }
            if let Some((_, vt)) = &f.vararg {
                for &x in &sh.extra {
                    let t = pos[x]
                        .as_ref()
                        .map(|e| self.resolve(&e.ty))
                        .unwrap_or(Ty::Any);
                    worst =
                        worst.max(self.fit(&t, &super::call::instantiate(vt, subst), stores(vt)));
                }
            }
            best.push((worst, i));
        }
        let pick = |want: Fit| best.iter().find(|(w, _)| *w == want).map(|(_, i)| *i);
        let chosen = pick(Fit::Exact).or_else(|| pick(Fit::Convert));
        let dynamic: Vec<usize> = best
            .iter()
            .filter(|(w, _)| *w == Fit::Dynamic)
            .map(|(_, i)| *i)
            .collect();
        let chosen = match chosen {
            Some(c) => c,
            // An `Any` argument decides at run time, where the receiver is not changed by the
            // call (a function, or a method of an immutable str or bytes).
            None if dynamic.len() > 1
                && kws.is_empty()
                && recv
                    .as_ref()
                    .is_none_or(|x| matches!(self.resolve(&x.ty), Ty::Str | Ty::Bytes)) =>
            {
                let f = fits[dynamic[0]].0;
                let args: Vec<Expr> = pos.into_iter().flatten().collect();
                return self.dynamic_stub_call(f, recv, rust_path, args, r);
            }
            None if !dynamic.is_empty() => dynamic[0],
            None => {
                let shown: Vec<String> = pos
                    .iter()
                    .chain(&kw)
                    .flatten()
                    .map(|e| self.resolve(&e.ty).py())
                    .collect();
                if !pos
                    .iter()
                    .chain(&kw)
                    .flatten()
                    .any(|e| self.is_poisoned(&e.ty))
                {
                    self.error(
                        r,
                        format!(
                            "`{what}()` does not take arguments of types ({})",
                            shown.join(", ")
                        ),
                    );
                }
                return self.poison(r);
            }
        };
        let (f, sh) = fits.swap_remove(chosen);
        let f = f.clone();
        let args = self.bind_stub(&f, &sh, subst, Vals::Checked { pos, kw, a }, r, what);
        self.stub_expr(&f, recv, rust_path, args, subst, r)
    }

    fn stub_expr(
        &mut self,
        f: &StubFn,
        recv: Option<Expr>,
        rust_path: &str,
        args: Vec<Expr>,
        subst: &[Ty],
        r: TextRange,
    ) -> Expr {
        let ret = super::call::instantiate(&f.ret, subst);
        match recv {
            Some(recv) => self.mk(
                ExprKind::Method {
                    recv: Box::new(recv),
                    name: f.rust_name.clone(),
                    args,
                    fallible: true,
                },
                ret,
                r,
            ),
            None => self.mk(
                ExprKind::Rt {
                    func: Callee::Declared(format!("{rust_path}::{}", f.rust_name)),
                    recv: None,
                    args,
                    fallible: true,
                },
                ret,
                r,
            ),
        }
    }

    /// An overloaded call decided at run time by the `Any` arguments' types.
    fn dynamic_stub_call(
        &mut self,
        f: &StubFn,
        recv: Option<Expr>,
        rust_path: &str,
        args: Vec<Expr>,
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        let args: Vec<Expr> = args
            .into_iter()
            .map(|x| self.coerce(x, &Ty::Any, r, "argument"))
            .collect();
        let n = args.len();
        let vec_of = |xs: Vec<Expr>, el: Ty, n: usize| Expr {
            kind: ExprKind::Convert(
                Conv::TupleToVec(n),
                Box::new(Expr {
                    kind: ExprKind::Tuple(xs),
                    ty: Ty::Tuple(vec![el.clone(); n]),
                    line,
                }),
            ),
            ty: Ty::VarTuple(Box::new(el)),
            line,
        };
        let list = vec_of(args, Ty::Any, n);
        let kwargs = vec_of(vec![], Ty::Tuple(vec![Ty::Str, Ty::Any]), 0);
        let name = Expr {
            kind: ExprKind::Str(f.name.clone()),
            ty: Ty::Str,
            line,
        };
        match recv {
            Some(recv) => {
                let recv = self.coerce(recv, &Ty::Any, r, "receiver");
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Fn(RtFn::AnyCallMethod),
                        recv: Some(Box::new(recv)),
                        args: vec![name, list, kwargs],
                        fallible: true,
                    },
                    Ty::Any,
                    r,
                )
            }
            None => {
                let module = rust_path
                    .rsplit("::")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let module = Expr {
                    kind: ExprKind::Str(module),
                    ty: Ty::Str,
                    line,
                };
                self.rt(
                    RtFn::AnyCallFunction,
                    vec![module, name, list, kwargs],
                    Ty::Any,
                    true,
                    line,
                )
            }
        }
    }

    /// The arguments of overload `f` bound by `sh`, converted to its parameter types.
    fn bind_stub(
        &mut self,
        f: &StubFn,
        sh: &Shape,
        subst: &[Ty],
        mut vals: Vals,
        r: TextRange,
        what: &str,
    ) -> Vec<Expr> {
        let mut out = Vec::new();
        for (p, s) in f.params.iter().zip(&sh.slots) {
            let ty = super::call::instantiate(&p.ty, subst);
            let desc = format!("argument `{}` of `{what}`", p.name);
            let Some(s) = s else {
                let d = p.default.clone().unwrap_or(Lit::None);
                let d = self.lit_expr(&d, &ty, r);
                out.push(self.coerce(d, &ty, r, &desc));
                continue;
            };
            let (x, range) = self.take_arg(&mut vals, *s, &ty);
            out.push(self.convert_arg(x, &ty, stores(&p.ty), range, &desc));
        }
        if let Some((name, vt)) = &f.vararg {
            let ty = super::call::instantiate(vt, subst);
            let desc = format!("argument `*{name}` of `{what}`");
            let mut xs = Vec::new();
            for &i in &sh.extra {
                let (x, range) = self.take_arg(&mut vals, Src::Pos(i), &ty);
                xs.push(self.convert_arg(x, &ty, stores(vt), range, &desc));
            }
            let line = self.line(r);
            let el = match &ty {
                Ty::Iterable(e) => Ty::list((**e).clone()),
                t => t.clone(),
            };
            let n = xs.len();
            let tup = Expr {
                kind: ExprKind::Tuple(xs),
                ty: Ty::Tuple(vec![el.clone(); n]),
                line,
            };
            out.push(Expr {
                kind: ExprKind::Convert(Conv::TupleToVec(n), Box::new(tup)),
                ty: Ty::VarTuple(Box::new(el)),
                line,
            });
        }
        out
    }

    fn take_arg(&mut self, vals: &mut Vals, s: Src, ty: &Ty) -> (Expr, TextRange) {
        match vals {
            Vals::Ast(a) => {
                let x = match s {
                    Src::Pos(i) => a.pos[i],
                    Src::Kw(i) => a.kw[i].1,
                };
                let e = match ty {
                    Ty::Iterable(_) | Ty::VarTuple(_) => self.expr(x),
                    t => self.expr_expecting(x, t),
                };
                (e, x.range())
            }
            Vals::Checked { pos, kw, a } => {
                let (slot, range) = match s {
                    Src::Pos(i) => (&mut pos[i], a.pos[i].range()),
                    Src::Kw(i) => (&mut kw[i], a.kw[i].1.range()),
                };
                let e = slot.take().unwrap_or_else(|| self.poison(range));
                (e, range)
            }
        }
    }

    /// One argument converted to its parameter's type: materialised for an `Iterable`, a
    /// `Vec` for a variadic tuple, kept exactly when the callee stores it, else converted as
    /// CPython converts it.
    fn convert_arg(&mut self, x: Expr, ty: &Ty, store: bool, range: TextRange, what: &str) -> Expr {
        match ty {
            Ty::Iterable(el) => {
                let x = self.list_arg(x, range);
                self.coerce(x, &Ty::list((**el).clone()), range, what)
            }
            Ty::VarTuple(el) => match self.resolve(&x.ty) {
                Ty::Tuple(ts) => {
                    for t in &ts {
                        if !self.unify(t, el) {
                            self.error(range, format!("{what} must be a tuple of `{}`", el.py()));
                        }
                    }
                    let line = x.line;
                    Expr {
                        kind: ExprKind::Convert(Conv::TupleToVec(ts.len()), Box::new(x)),
                        ty: ty.clone(),
                        line,
                    }
                }
                other => {
                    if !self.is_poisoned(&other) {
                        self.error(
                            range,
                            format!("{what} must be a tuple, not `{}`", other.py()),
                        );
                    }
                    x
                }
            },
            t if store => self.coerce_store(x, t, range, what),
            t => self.coerce(x, t, range, what),
        }
    }

    /// How well a value of type `t` fits a parameter of type `p` (see [`Fit`]).
    fn fit(&self, t: &Ty, p: &Ty, store: bool) -> Fit {
        let (t, p) = (self.resolve(t), self.resolve(p));
        match (&t, &p) {
            (Ty::Var(_), _) | (_, Ty::Var(_)) | (_, Ty::Any) => Fit::Exact,
            (Ty::Any, _) => Fit::Dynamic,
            (_, Ty::Iterable(el)) => match self.elem_of(&t) {
                Some(Ty::Any) if **el != Ty::Any => Fit::Dynamic,
                Some(e) if self.fit(&e, el, true) == Fit::Exact => Fit::Exact,
                _ => Fit::No,
            },
            (Ty::Tuple(ts), Ty::VarTuple(el)) => {
                if ts.iter().all(|x| self.fit(x, el, true) == Fit::Exact) {
                    Fit::Exact
                } else {
                    Fit::No
                }
            }
            (_, Ty::VarTuple(_)) => Fit::No,
            (Ty::None, Ty::Optional(_)) => Fit::Exact,
            (Ty::Optional(x), Ty::Optional(y)) => self.fit(x, y, true),
            (_, Ty::Optional(inner)) => self.fit(&t, inner, store),
            (Ty::Int, Ty::Float) | (Ty::Bool, Ty::Int | Ty::Float) if !store => Fit::Convert,
            (Ty::Class(d), Ty::Class(b)) if self.derives(d, b) => Fit::Exact,
            _ if self.could_unify(&t, &p) => Fit::Exact,
            _ => Fit::No,
        }
    }

    /// Whether two types can be made one (inference variables fit anything), binding nothing.
    pub fn could_unify(&self, a: &Ty, b: &Ty) -> bool {
        let (a, b) = (self.resolve(a), self.resolve(b));
        match (&a, &b) {
            (Ty::Var(_), _) | (_, Ty::Var(_)) => true,
            (Ty::List(x), Ty::List(y))
            | (Ty::Set(x), Ty::Set(y))
            | (Ty::Optional(x), Ty::Optional(y))
            | (Ty::Iter(x), Ty::Iter(y))
            | (Ty::TupleN(x), Ty::TupleN(y)) => self.could_unify(x, y),
            (Ty::Dict(k1, v1), Ty::Dict(k2, v2)) => {
                self.could_unify(k1, k2) && self.could_unify(v1, v2)
            }
            (Ty::Tuple(x), Ty::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| self.could_unify(p, q))
            }
            (Ty::Func(a1, r1), Ty::Func(a2, r2)) => {
                a1.len() == a2.len()
                    && a1.iter().zip(a2).all(|(p, q)| self.could_unify(p, q))
                    && self.could_unify(r1, r2)
            }
            _ => a == b,
        }
    }

    /// The element type iterating a value of type `t` gives, without reporting anything.
    fn elem_of(&self, t: &Ty) -> Option<Ty> {
        Some(match self.resolve(t) {
            Ty::List(e) | Ty::Set(e) | Ty::Iter(e) | Ty::TupleN(e) => *e,
            Ty::Dict(k, _) => *k,
            Ty::Str => Ty::Str,
            Ty::Bytes | Ty::Range => Ty::Int,
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|x| *x == ts[0]) => ts[0].clone(),
            Ty::Any => Ty::Any,
            Ty::Var(v) => Ty::Var(v),
            _ => return None,
        })
    }

    /// A stub default value as an expression of the parameter's type.
    pub fn lit_expr(&self, l: &Lit, ty: &Ty, r: TextRange) -> Expr {
        let line = self.line(r);
        let (kind, lt) = match l {
            Lit::None => (ExprKind::NoneLit, ty.clone()),
            Lit::Int(i) => (ExprKind::Int(*i), Ty::Int),
            Lit::Float(f) => (ExprKind::Float(*f), Ty::Float),
            Lit::Bool(b) => (ExprKind::Bool(*b), Ty::Bool),
            Lit::Str(s) => (ExprKind::Str(s.clone()), Ty::Str),
            Lit::Bytes(b) => (ExprKind::Bytes(b.clone()), Ty::Bytes),
        };
        Expr { kind, ty: lt, line }
    }
}
