//! Expressions: names, literals, attributes, subscripts, comparisons, comprehensions, lambdas, f-strings.

use super::{Checker, FnState};
use crate::ir::{Conv, Expr, ExprKind, FmtPart, ForIter, ForLoop, PrimOp, Stmt, StmtKind, Target};
use crate::types::Ty;
use crate::{STACK_GROW, STACK_RED_ZONE};
use ruff_python_ast::{self as ast, Expr as AExpr, Number};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub fn mk(&self, kind: ExprKind, ty: Ty, range: TextRange) -> Expr {
        Expr {
            kind,
            ty,
            line: self.line(range),
        }
    }

    /// Runtime glue call `::matx::rt::NAME(args)`.
    pub fn rt(&self, name: &str, args: Vec<Expr>, ty: Ty, fallible: bool, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                path: format!("::matx::rt::{name}"),
                recv: None,
                args,
                fallible,
            },
            ty,
            line,
        }
    }

    pub fn expr(&mut self, e: &AExpr) -> Expr {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            let r = e.range();
            match e {
                AExpr::NumberLiteral(n) => match &n.value {
                    Number::Int(i) => match i.as_i64() {
                        Some(v) => self.mk(ExprKind::Int(v), Ty::Int, r),
                        None if i.as_u64() == Some(1 << 63) => {
                            self.mk(ExprKind::BigInt(1 << 63), Ty::Int, r)
                        }
                        None => {
                            self.error(
                                r,
                                "integer literal does not fit in 64 bits (matx ints are 64-bit)",
                            );
                            self.poison(r)
                        }
                    },
                    Number::Float(f) => self.mk(ExprKind::Float(*f), Ty::Float, r),
                    Number::Complex { .. } => {
                        self.error(r, "complex numbers are not supported");
                        self.poison(r)
                    }
                },
                AExpr::BooleanLiteral(b) => self.mk(ExprKind::Bool(b.value), Ty::Bool, r),
                AExpr::NoneLiteral(_) => self.mk(ExprKind::NoneLit, Ty::None, r),
                AExpr::StringLiteral(s) => {
                    self.mk(ExprKind::Str(s.value.to_str().to_string()), Ty::Str, r)
                }
                AExpr::BytesLiteral(b) => {
                    self.mk(ExprKind::Bytes(b.value.bytes().collect()), Ty::Bytes, r)
                }
                AExpr::FString(f) => self.fstring(f),
                AExpr::Name(n) => self.name(n.id.as_str(), r),
                AExpr::List(l) => self.list_lit(&l.elts, r),
                AExpr::Tuple(t) => {
                    if t.elts.iter().any(|e| matches!(e, AExpr::Starred(_))) {
                        self.error(r, "starred items in tuple displays are not supported");
                    }
                    let xs: Vec<Expr> = t.elts.iter().map(|e| self.expr(e)).collect();
                    let ty = Ty::Tuple(xs.iter().map(|x| x.ty.clone()).collect());
                    self.mk(ExprKind::Tuple(xs), ty, r)
                }
                AExpr::Set(s) => {
                    let el = self.fresh();
                    let xs = self.elements(&s.elts, &el);
                    if !self.resolve(&el).is_hashable() {
                        self.error(
                            r,
                            format!(
                                "set elements must be hashable, not `{}`",
                                self.resolve(&el).py()
                            ),
                        );
                    }
                    self.mk(ExprKind::Set(xs), Ty::set(el), r)
                }
                AExpr::Dict(d) => {
                    let (kt, vt) = (self.fresh(), self.fresh());
                    self.dict_display(d, kt, vt, r)
                }
                AExpr::BinOp(b) => {
                    let (l, rr) = (self.expr(&b.left), self.expr(&b.right));
                    self.binop(b.op, l, rr, r)
                }
                AExpr::UnaryOp(u) => {
                    let x = self.expr(&u.operand);
                    self.unary(u.op, x, r)
                }
                AExpr::BoolOp(b) => {
                    let mut it = b.values.iter();
                    let first = it.next().map(|v| self.expr(v));
                    let mut acc = first.unwrap_or_else(|| self.poison(r));
                    for v in it {
                        let rhs = self.expr(v);
                        acc = self.bool_op(matches!(b.op, ast::BoolOp::And), acc, rhs, v.range());
                    }
                    acc
                }
                AExpr::Compare(c) => self.compare(c),
                AExpr::If(i) => {
                    let c = self.cond(&i.test);
                    let (pos, neg) = self.narrowing(&i.test);
                    let mark = self.fs.narrowed.len();
                    self.fs.narrowed.extend(pos);
                    let a = self.expr(&i.body);
                    self.fs.narrowed.truncate(mark);
                    self.fs.narrowed.extend(neg);
                    let b = self.expr(&i.orelse);
                    self.fs.narrowed.truncate(mark);
                    let (a, b, ty) = self.join(a, b, r);
                    self.mk(
                        ExprKind::IfElse(Box::new(c), Box::new(a), Box::new(b)),
                        ty,
                        r,
                    )
                }
                AExpr::Call(c) => self.call(c),
                AExpr::Attribute(a) => {
                    if let AExpr::Name(m) = a.value.as_ref() {
                        if m.id.as_str() == "math"
                            && self.math_module
                            && !self.is_var(m.id.as_str())
                        {
                            return self.math_const(a.attr.id.as_str(), r);
                        }
                    }
                    let obj = self.expr(&a.value);
                    self.attribute_of(obj, &a.attr, r)
                }
                AExpr::Subscript(s) => {
                    let obj = self.expr(&s.value);
                    if let AExpr::Slice(sl) = s.slice.as_ref() {
                        return self.slice_of(obj, sl, r);
                    }
                    let idx = self.expr(&s.slice);
                    self.subscript_of(obj, idx, r)
                }
                AExpr::ListComp(l) => {
                    self.comprehension(CompKind::List, &l.elt, None, &l.generators, r)
                }
                AExpr::SetComp(l) => {
                    self.comprehension(CompKind::Set, &l.elt, None, &l.generators, r)
                }
                AExpr::Generator(g) => {
                    self.comprehension(CompKind::List, &g.elt, None, &g.generators, r)
                }
                AExpr::DictComp(d) => match &d.key {
                    Some(k) => {
                        self.comprehension(CompKind::Dict, k, Some(&d.value), &d.generators, r)
                    }
                    None => {
                        self.error(r, "unsupported dict comprehension");
                        self.poison(r)
                    }
                },
                AExpr::Lambda(l) => self.lambda(l, None),
                AExpr::Starred(_) => {
                    self.error(
                    r,
                    "starred expressions are only supported in calls (`f(*args)`) and assignments",
                );
                    self.poison(r)
                }
                AExpr::Named(_) => {
                    self.error(
                        r,
                        "assignment expressions (`:=`) are not supported: assign on its own line",
                    );
                    self.poison(r)
                }
                AExpr::Yield(_) | AExpr::YieldFrom(_) => {
                    self.error(
                        r,
                        "generators (`yield`) are not supported: build and return a list",
                    );
                    self.poison(r)
                }
                AExpr::Await(_) => {
                    self.error(r, "`await` is not supported");
                    self.poison(r)
                }
                AExpr::Slice(_) => {
                    self.error(r, "a slice is only valid inside `[...]`");
                    self.poison(r)
                }
                _ => {
                    self.error(r, "this expression is not supported");
                    self.poison(r)
                }
            }
        })
    }

    fn is_var(&self, name: &str) -> bool {
        self.fs.locals.contains_key(name) || self.fs.outer.contains_key(name)
    }

    fn math_const(&mut self, name: &str, r: TextRange) -> Expr {
        let v = match name {
            "pi" => std::f64::consts::PI,
            "e" => std::f64::consts::E,
            "tau" => std::f64::consts::TAU,
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            other => {
                self.error(
                    r,
                    format!("`math.{other}` is not a constant: call it, e.g. `math.{other}(x)`"),
                );
                return self.poison(r);
            }
        };
        self.mk(ExprKind::Float(v), Ty::Float, r)
    }

    /// The current name for a variable (comprehension variables are renamed apart).
    pub fn renamed(&self, name: &str) -> String {
        match self.fs.aliases.iter().rev().find(|(p, _)| p == name) {
            Some((_, fresh)) => fresh.clone(),
            None => name.to_string(),
        }
    }

    fn comp_alias(&mut self, name: &str, fresh: &str) {
        self.fs.aliases.push((name.to_string(), fresh.to_string()));
    }

    pub fn name(&mut self, name: &str, r: TextRange) -> Expr {
        let name = self.renamed(name);
        if let Some(t) = self.fs.locals.get(&name).cloned() {
            let local = self.mk(ExprKind::Local(name.clone()), t.clone(), r);
            if self.fs.narrowed.contains(&name) {
                if let Ty::Optional(inner) = self.resolve(&t) {
                    return self.mk(ExprKind::Convert(Conv::Unwrap, Box::new(local)), *inner, r);
                }
            }
            return local;
        }
        if let Some(t) = self.fs.outer.get(&name).cloned() {
            if !self.fs.captures.contains(&name) {
                self.fs.captures.push(name.clone());
            }
            return self.mk(ExprKind::Local(name), t, r);
        }
        if let Some(t) = self.consts.get(&name).cloned() {
            return self.mk(ExprKind::Const(name), t, r);
        }
        if let Some(sig) = self.funcs.get(&name).cloned() {
            return self.func_value(&sig, r);
        }
        if self.classes.contains_key(&name) {
            self.error(r, format!("class `{name}` cannot be used as a value: call it to make an object, `{name}(...)`"));
            return self.poison(r);
        }
        match name.as_str() {
            n if is_value_builtin(n) => {
                self.error(r, format!("the builtin `{name}` can only be passed where its parameter types are known (e.g. `key=len`); here write a lambda, e.g. `lambda x: {name}(x)`"));
            }
            _ => self.error(r, format!("name `{name}` is not defined")),
        }
        self.poison(r)
    }

    /// A script function used as a value: a closure calling it.
    fn func_value(&mut self, sig: &super::FuncSig, r: TextRange) -> Expr {
        if sig.vararg.is_some() {
            self.error(r, "a function with `*args` cannot be used as a value");
        }
        let line = self.line(r);
        let params: Vec<(String, Ty)> = sig
            .params
            .iter()
            .map(|p| (format!("__a_{}", p.name), p.ty.clone()))
            .collect();
        let args = params
            .iter()
            .map(|(n, t)| Expr {
                kind: ExprKind::Local(n.clone()),
                ty: t.clone(),
                line,
            })
            .collect();
        let call = Expr {
            kind: ExprKind::Call {
                func: sig.rust_name.clone(),
                args,
            },
            ty: sig.ret.clone(),
            line,
        };
        let body = vec![Stmt {
            kind: StmtKind::Return(Some(call)),
            line,
        }];
        let ty = Ty::Func(
            params.iter().map(|p| p.1.clone()).collect(),
            Box::new(sig.ret.clone()),
        );
        let ret = sig.ret.clone();
        Expr {
            kind: ExprKind::Lambda {
                params,
                ret,
                body,
                captures: vec![],
                locals: vec![],
            },
            ty,
            line,
        }
    }

    fn list_lit(&mut self, elts: &[AExpr], r: TextRange) -> Expr {
        if elts.iter().any(|e| matches!(e, AExpr::Starred(_))) {
            self.error(
                r,
                "starred items in list displays are not supported: use `a + b` or `extend`",
            );
        }
        let el = self.fresh();
        let xs = self.elements(elts, &el);
        self.mk(ExprKind::List(xs), Ty::list(el), r)
    }

    /// Elements of a display, all converted to one element type.
    fn elements(&mut self, elts: &[AExpr], el: &Ty) -> Vec<Expr> {
        let known = self.resolve(el);
        let xs: Vec<Expr> = if matches!(known, Ty::Var(_)) {
            elts.iter().map(|e| self.expr(e)).collect()
        } else {
            elts.iter()
                .map(|e| self.expr_expecting(e, &known))
                .collect()
        };
        if matches!(self.resolve(el), Ty::Var(_)) && !xs.is_empty() {
            let tys: Vec<Ty> = xs.iter().map(|x| x.ty.clone()).collect();
            match self.join_types(&tys) {
                Some(t) => {
                    self.unify(el, &t);
                }
                None => {
                    // Mixed element types: each element keeps its own type at run time.
                    self.unify(el, &Ty::Any);
                }
            }
        }
        xs.into_iter()
            .zip(elts)
            .map(|(x, a)| self.coerce_store(x, el, a.range(), "element"))
            .collect()
    }

    fn dict_display(&mut self, d: &ast::ExprDict, kt: Ty, vt: Ty, r: TextRange) -> Expr {
        let mut keys = Vec::new();
        let mut vals = Vec::new();
        for it in &d.items {
            let Some(k) = &it.key else {
                self.error(
                    r,
                    "`**` unpacking in dict displays is not supported: use `d.update(other)`",
                );
                continue;
            };
            let (rk, rv) = (self.resolve(&kt), self.resolve(&vt));
            keys.push(if matches!(rk, Ty::Var(_)) {
                self.expr(k)
            } else {
                self.expr_expecting(k, &rk)
            });
            vals.push(if matches!(rv, Ty::Var(_)) {
                self.expr(&it.value)
            } else {
                self.expr_expecting(&it.value, &rv)
            });
        }
        for (tys, t) in [
            (keys.iter().map(|e| e.ty.clone()).collect::<Vec<_>>(), &kt),
            (vals.iter().map(|e| e.ty.clone()).collect(), &vt),
        ] {
            if matches!(self.resolve(t), Ty::Var(_)) && !tys.is_empty() {
                match self.join_types(&tys) {
                    Some(j) => {
                        self.unify(t, &j);
                    }
                    None => {
                        self.unify(t, &Ty::Any);
                    }
                }
            }
        }
        let items: Vec<(Expr, Expr)> = keys
            .into_iter()
            .zip(vals)
            .zip(&d.items)
            .map(|((k, v), it)| {
                let kr = it.key.as_ref().map_or(r, |k| k.range());
                let k = self.coerce_store(k, &kt, kr, "dict key");
                let v = self.coerce_store(v, &vt, it.value.range(), "dict value");
                (k, v)
            })
            .collect();
        self.check_key_type(&kt, r);
        self.mk(ExprKind::Dict(items), Ty::dict(kt, vt), r)
    }

    pub fn check_key_type(&mut self, k: &Ty, r: TextRange) {
        let k = self.resolve(k);
        if !k.is_hashable() {
            self.error(r, format!("dict keys must be hashable (int, str, bytes, bool or tuples of them), not `{}`", k.py()));
        }
    }

    /// Two branches of a conditional joined into one type.
    pub fn join(&mut self, a: Expr, b: Expr, r: TextRange) -> (Expr, Expr, Ty) {
        let (ta, tb) = (self.resolve(&a.ty), self.resolve(&b.ty));
        if ta == Ty::None && tb != Ty::None {
            let t = Ty::optional(tb);
            let a = self.coerce(a, &t, r, "branch");
            let b = self.coerce(b, &t, r, "branch");
            return (a, b, t);
        }
        if tb == Ty::None && ta != Ty::None {
            let t = Ty::optional(ta);
            let a = self.coerce(a, &t, r, "branch");
            let b = self.coerce(b, &t, r, "branch");
            return (a, b, t);
        }
        if (ta == Ty::Int && tb == Ty::Float) || (ta == Ty::Float && tb == Ty::Int) {
            let a = self.coerce(a, &Ty::Float, r, "branch");
            let b = self.coerce(b, &Ty::Float, r, "branch");
            return (a, b, Ty::Float);
        }
        let b = self.coerce(b, &ta, r, "the two branches must have one type");
        (a, b, ta)
    }

    /// `x` used as a condition.
    pub fn truth(&mut self, e: Expr) -> Expr {
        match self.resolve(&e.ty) {
            Ty::Bool => e,
            _ => {
                let line = e.line;
                Expr {
                    kind: ExprKind::Truth(Box::new(e)),
                    ty: Ty::Bool,
                    line,
                }
            }
        }
    }

    /// `str(x)` of any value.
    pub fn str_of(&mut self, e: Expr) -> Expr {
        if self.resolve(&e.ty) == Ty::Str {
            return e;
        }
        let line = e.line;
        Expr {
            kind: ExprKind::Format(vec![FmtPart::Str(e)]),
            ty: Ty::Str,
            line,
        }
    }

    fn bool_op(&mut self, and: bool, l: Expr, r: Expr, range: TextRange) -> Expr {
        let (tl, tr) = (self.resolve(&l.ty), self.resolve(&r.ty));
        if tl == Ty::Bool && tr == Ty::Bool {
            return self.mk(
                ExprKind::BoolOp {
                    and,
                    left: Box::new(l),
                    right: Box::new(r),
                },
                Ty::Bool,
                range,
            );
        }
        // Python returns one of the operands: they must share a type.
        let (l, r, ty) = match (&tl, &tr) {
            (Ty::Optional(inner), _) if !and && self.resolve(inner) == tr => {
                // `x or default` with x: Optional[T] -> T when x is truthy
                let line = l.line;
                let tmp = self.tmp("or");
                let local = Expr {
                    kind: ExprKind::Local(tmp.clone()),
                    ty: tl.clone(),
                    line,
                };
                let test = self.truth(local.clone());
                let unwrapped = Expr {
                    kind: ExprKind::Convert(Conv::Unwrap, Box::new(local)),
                    ty: tr.clone(),
                    line,
                };
                let body = Expr {
                    kind: ExprKind::IfElse(Box::new(test), Box::new(unwrapped), Box::new(r)),
                    ty: tr.clone(),
                    line,
                };
                let st = Stmt {
                    kind: StmtKind::Let(tmp, l),
                    line,
                };
                return Expr {
                    kind: ExprKind::Block(vec![st], Box::new(body)),
                    ty: tr,
                    line,
                };
            }
            _ => self.join(l, r, range),
        };
        self.mk(
            ExprKind::BoolOp {
                and,
                left: Box::new(l),
                right: Box::new(r),
            },
            ty,
            range,
        )
    }

    /// The element type produced by iterating a value of type `t`.
    pub fn elem_type(&mut self, t: &Ty, r: TextRange) -> Ty {
        match self.resolve(t) {
            Ty::List(e) | Ty::Set(e) => *e,
            Ty::Dict(k, _) => *k,
            Ty::Str => Ty::Str,
            Ty::Bytes | Ty::Range => Ty::Int,
            Ty::Iter(e) | Ty::TupleN(e) => *e,
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|x| *x == ts[0]) => ts[0].clone(),
            Ty::Any => Ty::Any,
            Ty::Var(_) => {
                if !self.is_poisoned(t) {
                    self.error(
                        r,
                        "cannot iterate over a value of unknown type: annotate it",
                    );
                }
                self.poison(r).ty
            }
            other => {
                self.error(r, format!("cannot iterate over `{}`", other.py()));
                self.fresh()
            }
        }
    }

    fn unary(&mut self, op: ast::UnaryOp, x: Expr, r: TextRange) -> Expr {
        let t = self.resolve(&x.ty);
        let line = x.line;
        match (op, &t) {
            (ast::UnaryOp::Not, _) => {
                let b = self.truth(x);
                let _ = &b;
                self.mk(ExprKind::Not(Box::new(b)), Ty::Bool, r)
            }
            (ast::UnaryOp::UAdd, Ty::Int | Ty::Float) => x,
            (ast::UnaryOp::UAdd, Ty::Bool) => self.coerce(x, &Ty::Int, r, "operand"),
            (ast::UnaryOp::USub, Ty::Int | Ty::Bool) => {
                if let Some(v) = super::ops::int_const(&x) {
                    let n = -v;
                    let kind = match i64::try_from(n) {
                        Ok(n) => ExprKind::Int(n),
                        Err(_) => ExprKind::BigInt(n),
                    };
                    return self.mk(kind, Ty::Int, r);
                }
                let x = self.coerce(x, &Ty::Int, r, "operand");
                self.ops_call("neg_int", vec![x], Ty::Int, line)
            }
            (ast::UnaryOp::USub, Ty::Float) => {
                if let ExprKind::Float(v) = x.kind {
                    return self.mk(ExprKind::Float(-v), Ty::Float, r);
                }
                self.mk(ExprKind::Prim(PrimOp::FNeg, vec![x]), Ty::Float, r)
            }
            (ast::UnaryOp::USub, Ty::Any) => self.rt("any_neg", vec![x], Ty::Any, true, line),
            (ast::UnaryOp::UAdd, Ty::Any) => x,
            (ast::UnaryOp::Invert, Ty::Int | Ty::Bool) => {
                let x = self.coerce(x, &Ty::Int, r, "operand");
                self.mk(ExprKind::Prim(PrimOp::Invert, vec![x]), Ty::Int, r)
            }
            _ => {
                self.error(
                    r,
                    format!("bad operand type for unary operator: `{}`", t.py()),
                );
                self.poison(r)
            }
        }
    }

    fn lambda(&mut self, l: &ast::ExprLambda, expected: Option<&Ty>) -> Expr {
        let r = l.range;
        let names: Vec<String> = l
            .parameters
            .as_ref()
            .map(|p| {
                p.posonlyargs
                    .iter()
                    .chain(&p.args)
                    .map(|a| a.parameter.name.id.to_string())
                    .collect()
            })
            .unwrap_or_default();
        if l.parameters
            .as_ref()
            .is_some_and(|p| p.vararg.is_some() || p.kwarg.is_some() || !p.kwonlyargs.is_empty())
        {
            self.error(r, "lambdas may only have plain positional parameters");
        }
        if l.parameters.as_ref().is_some_and(|p| {
            p.posonlyargs
                .iter()
                .chain(&p.args)
                .any(|a| a.default.is_some())
        }) {
            self.error(r, "lambda parameters cannot have defaults");
        }
        let (ptys, ret) = match expected.map(|t| self.resolve(t)) {
            Some(Ty::Func(a, ret)) if a.len() == names.len() => (a, *ret),
            Some(Ty::Func(a, _)) => {
                self.error(
                    r,
                    format!(
                        "this lambda takes {} parameter(s) but {} are expected here",
                        names.len(),
                        a.len()
                    ),
                );
                (names.iter().map(|_| Ty::Any).collect(), Ty::Any)
            }
            _ => {
                if !names.is_empty() {
                    self.error(
                        r,
                        "cannot infer the parameter types of this lambda: give the variable a type, e.g. `f: Callable[[int], int] = lambda x: x + 1`",
                    );
                }
                (names.iter().map(|_| Ty::Any).collect(), self.fresh())
            }
        };
        let params: Vec<(String, Ty)> = names.into_iter().zip(ptys).collect();
        let line = self.line(r);
        let (body, locals, captures, ret) = self.closure_body(
            &params,
            ret,
            |ck| {
                let v = ck.expr(&l.body);
                let want = ck.fs.ret.clone();
                let v = ck.coerce(v, &want, l.body.range(), "lambda result");
                vec![Stmt {
                    kind: StmtKind::Return(Some(v)),
                    line,
                }]
            },
            r,
        );
        let ty = Ty::Func(
            params.iter().map(|p| p.1.clone()).collect(),
            Box::new(ret.clone()),
        );
        Expr {
            kind: ExprKind::Lambda {
                params,
                ret,
                body,
                captures,
                locals,
            },
            ty,
            line,
        }
    }

    /// Checks a closure body in a fresh scope that can read (capture) the enclosing locals.
    #[allow(clippy::type_complexity)]
    pub fn closure_body(
        &mut self,
        params: &[(String, Ty)],
        ret: Ty,
        body: impl FnOnce(&mut Self) -> Vec<Stmt>,
        r: TextRange,
    ) -> (Vec<Stmt>, Vec<(String, Ty)>, Vec<String>, Ty) {
        let mut outer = self.fs.outer.clone();
        for (k, v) in &self.fs.locals {
            let v = if self.fs.narrowed.contains(k) {
                match self.resolve(v) {
                    Ty::Optional(_) => v.clone(),
                    _ => v.clone(),
                }
            } else {
                v.clone()
            };
            outer.insert(k.clone(), v);
        }
        for (p, _) in params {
            outer.remove(p);
        }
        let aliases = self.fs.aliases.clone();
        let saved = std::mem::replace(
            &mut self.fs,
            FnState {
                outer,
                ret: ret.clone(),
                self_class: None,
                aliases,
                ..Default::default()
            },
        );
        for (p, t) in params {
            self.fs.locals.insert(p.clone(), t.clone());
            self.fs.params.insert(p.clone());
        }
        let b = body(self);
        let locals = self.finish_locals(r);
        let captures = std::mem::take(&mut self.fs.captures);
        let ret = self.resolve(&self.fs.ret);
        self.fs = saved;
        // Captured names of the enclosing function that are themselves captures propagate outward.
        for c in &captures {
            if !self.fs.locals.contains_key(c)
                && self.fs.outer.contains_key(c)
                && !self.fs.captures.contains(c)
            {
                self.fs.captures.push(c.clone());
            }
            self.fs.captured_by_inner.entry(c.clone()).or_insert(r);
        }
        (b, locals, captures, ret)
    }

    /// Checks `e` where a value of type `expected` is wanted (lambdas learn their parameter types).
    pub fn expr_expecting(&mut self, e: &AExpr, expected: &Ty) -> Expr {
        let exp = self.resolve(expected);
        let r = e.range();
        match (e, &exp) {
            (AExpr::Lambda(l), _) => self.lambda(l, Some(expected)),
            (AExpr::List(l), Ty::List(el))
                if !l.elts.iter().any(|x| matches!(x, AExpr::Starred(_))) =>
            {
                let xs = self.elements(&l.elts, el);
                self.mk(ExprKind::List(xs), exp.clone(), r)
            }
            (AExpr::Set(s), Ty::Set(el)) => {
                let xs = self.elements(&s.elts, el);
                self.mk(ExprKind::Set(xs), exp.clone(), r)
            }
            (AExpr::Dict(d), Ty::Dict(k, v)) => {
                self.dict_display(d, (**k).clone(), (**v).clone(), r)
            }
            (AExpr::Tuple(t), Ty::Tuple(ts)) if ts.len() == t.elts.len() => {
                let xs: Vec<Expr> = t
                    .elts
                    .iter()
                    .zip(ts)
                    .map(|(x, ty)| {
                        let v = self.expr_expecting(x, ty);
                        self.coerce_store(v, ty, x.range(), "tuple element")
                    })
                    .collect();
                self.mk(ExprKind::Tuple(xs), exp.clone(), r)
            }
            (AExpr::Name(n), Ty::Func(params, _))
                if !self.is_var(n.id.as_str())
                    && !self.funcs.contains_key(n.id.as_str())
                    && is_value_builtin(n.id.as_str()) =>
            {
                self.builtin_value(n.id.as_str(), params.clone(), r)
            }
            _ => self.expr(e),
        }
    }

    /// A builtin function used as a value (`key=len`): a closure calling it.
    fn builtin_value(&mut self, name: &str, params: Vec<Ty>, r: TextRange) -> Expr {
        let line = self.line(r);
        let pnames: Vec<(String, Ty)> = params
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("__p{i}"), t.clone()))
            .collect();
        let call = ast::ExprCall {
            node_index: Default::default(),
            range_start: r.start(),
            func: Box::new(AExpr::Name(ast::ExprName {
                node_index: Default::default(),
                range: r,
                id: name.into(),
                ctx: ast::ExprContext::Load,
            })),
            arguments: ast::Arguments {
                range: r,
                node_index: Default::default(),
                args: pnames
                    .iter()
                    .map(|(p, _)| {
                        AExpr::Name(ast::ExprName {
                            node_index: Default::default(),
                            range: r,
                            id: p.as_str().into(),
                            ctx: ast::ExprContext::Load,
                        })
                    })
                    .collect(),
                keywords: Default::default(),
            },
        };
        let ret = self.fresh();
        let (body, locals, captures, ret) = self.closure_body(
            &pnames,
            ret,
            |ck| {
                let v = ck.builtin(name, &call.arguments, r);
                let want = ck.fs.ret.clone();
                let v = ck.coerce(v, &want, r, "result");
                vec![Stmt {
                    kind: StmtKind::Return(Some(v)),
                    line,
                }]
            },
            r,
        );
        let ty = Ty::Func(params, Box::new(ret.clone()));
        Expr {
            kind: ExprKind::Lambda {
                params: pnames,
                ret,
                body,
                captures,
                locals,
            },
            ty,
            line,
        }
    }

    /// A nested `def`: a local holding a closure.
    pub fn nested_def(&mut self, f: &ast::StmtFunctionDef, out: &mut Vec<Stmt>) {
        let sig = self.signature(f, None, false);
        if sig.vararg.is_some() || sig.params.iter().any(|p| p.default.is_some()) {
            self.error(
                f.range,
                "nested functions may not have defaults or `*args`: define it at module level",
            );
        }
        let params: Vec<(String, Ty)> = sig
            .params
            .iter()
            .map(|p| (p.name.clone(), p.ty.clone()))
            .collect();
        let name = f.name.id.to_string();
        let fty = Ty::Func(
            params.iter().map(|p| p.1.clone()).collect(),
            Box::new(sig.ret.clone()),
        );
        if let Some(old) = self.fs.locals.get(&name).cloned() {
            self.unify(&old, &fty);
        }
        let line = self.line(f.range);
        let (body, locals, captures, ret) = self.closure_body(
            &params,
            sig.ret.clone(),
            |ck| {
                ck.declare_locals(&f.body);
                // A name assigned here is local here in Python, even if the enclosing
                // function has one of the same name (reading it first is UnboundLocalError).
                let mut aug = Vec::new();
                aug_targets(&f.body, &mut aug);
                let mut shadowed: Vec<String> = ck
                    .fs
                    .local_order
                    .iter()
                    .filter(|n| ck.fs.outer.contains_key(*n) && aug.contains(n))
                    .cloned()
                    .collect();
                shadowed.sort();
                for n in shadowed {
                    ck.error(
                        f.name.range,
                        format!("`{n}` is assigned inside nested function `{}`, which makes it a new local there in Python, separate from the enclosing `{n}`; a nested function cannot rebind the enclosing variable: return the new value, or keep the state in a list or object", f.name.id),
                    );
                    let t = ck.fs.outer[&n].clone();
                    ck.fs.locals.insert(n, t);
                }
                ck.block(&f.body)
            },
            f.range,
        );
        if captures.contains(&name) {
            self.error(f.name.range, format!("nested function `{name}` calls itself: define recursive functions at module level"));
        }
        if !matches!(self.resolve(&sig.ret), Ty::None) && !super::flow::always_exits(&f.body) {
            self.error(
                f.name.range,
                format!("function `{name}` can reach its end without returning a value"),
            );
        }
        let lam = Expr {
            kind: ExprKind::Lambda {
                params,
                ret,
                body,
                captures,
                locals,
            },
            ty: fty,
            line,
        };
        out.push(Stmt {
            kind: StmtKind::Assign(Target::Local(name), lam),
            line,
        });
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &AExpr,
        value: Option<&AExpr>,
        gens: &[ast::Comprehension],
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        let acc = self.tmp("acc");
        // Comprehension variables live in their own scope: rename them apart.
        let saved_aliases = self.fs.aliases.len();
        let saved_narrowed = self.fs.narrowed.clone();
        let mut loops: Vec<(Target, ForIter, Vec<Expr>)> = Vec::new();
        let mut renames: Vec<(String, String)> = Vec::new();
        for g in gens {
            if g.is_async {
                self.error(g.range, "async comprehensions are not supported");
            }
            let it = self.expr(&g.iter);
            let el = self.elem_type(&it.ty, g.iter.range());
            let it = self.iterable_value(it, g.iter.range());
            let target = self.comp_target(&g.target, &el, &mut renames);
            self.mark_loop_target(&target);
            let conds = g
                .ifs
                .iter()
                .map(|c| {
                    let e = self.expr(c);
                    self.truth(e)
                })
                .collect();
            loops.push((target, ForIter::Iter(it, el), conds));
        }
        let (elem_ty, values) = match kind {
            CompKind::List | CompKind::Set => {
                let v = self.expr(elt);
                let t = v.ty.clone();
                let acc_ty = if kind == CompKind::List {
                    Ty::list(t)
                } else {
                    Ty::set(t)
                };
                (acc_ty, vec![v])
            }
            CompKind::Dict => {
                let k = self.expr(elt);
                let v = match value {
                    Some(v) => self.expr(v),
                    None => self.poison(r),
                };
                let acc_ty = Ty::dict(k.ty.clone(), v.ty.clone());
                self.check_key_type(&k.ty, r);
                (acc_ty, vec![k, v])
            }
        };
        // Restore the enclosing scope's view of names (renamed locals stay declared).
        self.fs.aliases.truncate(saved_aliases);
        self.fs.narrowed = saved_narrowed;
        let _ = renames;
        // The result is built in a private vector: no one can see it before it is complete.
        let mut body = vec![Stmt {
            kind: StmtKind::Push(acc.clone(), values),
            line,
        }];
        for (target, iter, conds) in loops.into_iter().rev() {
            for c in conds.into_iter().rev() {
                body = vec![Stmt {
                    kind: StmtKind::If(c, body, vec![]),
                    line,
                }];
            }
            body = vec![Stmt {
                kind: StmtKind::For(ForLoop {
                    target,
                    iter,
                    body,
                    orelse: vec![],
                }),
                line,
            }];
        }
        Expr {
            kind: ExprKind::Collect { acc, body },
            ty: elem_ty,
            line,
        }
    }

    /// A comprehension target: names become fresh function locals visible under their Python names.
    fn comp_target(&mut self, t: &AExpr, el: &Ty, renames: &mut Vec<(String, String)>) -> Target {
        match t {
            AExpr::Name(n) => {
                let fresh = self.tmp(&format!("c_{}_", n.id));
                self.add_local(&fresh, el.clone());
                // Reads of the Python name inside the comprehension go to the fresh local.
                renames.push((n.id.to_string(), fresh.clone()));
                self.comp_alias(n.id.as_str(), &fresh);
                Target::Local(fresh)
            }
            AExpr::Tuple(tu) => match self.resolve(el) {
                Ty::Tuple(ts) if ts.len() == tu.elts.len() => {
                    let targets = tu
                        .elts
                        .iter()
                        .zip(&ts)
                        .map(|(e, t)| self.comp_target(e, t, renames))
                        .collect();
                    Target::Tuple(targets, ts)
                }
                t @ (Ty::Any | Ty::List(_)) => {
                    let inner = match &t {
                        Ty::List(e) => (**e).clone(),
                        _ => Ty::Any,
                    };
                    let targets = tu
                        .elts
                        .iter()
                        .map(|e| self.comp_target(e, &inner, renames))
                        .collect();
                    Target::ListUnpack(targets, inner)
                }
                other => {
                    self.error(
                        t.range(),
                        format!(
                            "cannot unpack `{}` into {} names",
                            other.py(),
                            tu.elts.len()
                        ),
                    );
                    Target::Discard
                }
            },
            _ => {
                self.error(t.range(), "unsupported comprehension target");
                Target::Discard
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CompKind {
    List,
    Set,
    Dict,
}

fn is_value_builtin(name: &str) -> bool {
    matches!(
        name,
        "len"
            | "str"
            | "int"
            | "float"
            | "abs"
            | "repr"
            | "bool"
            | "ord"
            | "chr"
            | "sum"
            | "min"
            | "max"
            | "sorted"
            | "list"
            | "hex"
            | "bin"
            | "oct"
            | "round"
    )
}

/// Names updated with augmented assignment (`n += 1`) in a body, nested functions excluded.
fn aug_targets(body: &[ast::Stmt], out: &mut Vec<String>) {
    for s in body {
        match s {
            ast::Stmt::AugAssign(a) => {
                if let AExpr::Name(n) = a.target.as_ref() {
                    out.push(n.id.to_string());
                }
            }
            ast::Stmt::If(i) => {
                aug_targets(&i.body, out);
                i.elif_else_clauses
                    .iter()
                    .for_each(|c| aug_targets(&c.body, out));
            }
            ast::Stmt::For(f) => {
                aug_targets(&f.body, out);
                aug_targets(&f.orelse, out);
            }
            ast::Stmt::While(w) => {
                aug_targets(&w.body, out);
                aug_targets(&w.orelse, out);
            }
            ast::Stmt::Try(t) => {
                aug_targets(&t.body, out);
                aug_targets(&t.orelse, out);
                aug_targets(&t.finalbody, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    aug_targets(&h.body, out);
                }
            }
            _ => {}
        }
    }
}
