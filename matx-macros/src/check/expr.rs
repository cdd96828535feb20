//! Expressions: names, literals, attributes, subscripts, comparisons, comprehensions, lambdas, f-strings.

use super::comprehension::CompKind;
use super::Checker;
use crate::ir::{Callee, Conv, Expr, ExprKind, FmtPart, PrimOp, RtFn, Stmt, StmtKind};
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

    /// A call of a runtime function whose first argument is passed by reference.
    pub fn call_on(
        &self,
        func: RtFn,
        recv: Expr,
        args: Vec<Expr>,
        ty: Ty,
        fallible: bool,
        line: u32,
    ) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(func),
                recv: Some(Box::new(recv)),
                args,
                fallible,
            },
            ty,
            line,
        }
    }

    /// The `reverse=` keyword of `sorted`/`list.sort` as a bool (False when absent).
    pub fn reverse_kw(&mut self, a: &ast::Arguments, line: u32) -> Expr {
        match self.kw(a, "reverse") {
            Some(v) => {
                let e = self.expr(v);
                self.truth(e)
            }
            None => Expr {
                kind: ExprKind::Bool(false),
                ty: Ty::Bool,
                line,
            },
        }
    }

    /// Runtime glue call `::matx::rt::NAME(args)`.
    pub fn rt(&self, func: RtFn, args: Vec<Expr>, ty: Ty, fallible: bool, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(func),
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
                    if t.elts.len() > crate::types::MAX_TUPLE {
                        self.error(
                            r,
                            format!(
                                "tuples of more than {} items are not supported: use a list",
                                crate::types::MAX_TUPLE
                            ),
                        );
                        return self.poison(r);
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
                AExpr::If(i) => self.if_expr(i, None, r),
                AExpr::Call(c) => self.call(c),
                AExpr::Attribute(a) => {
                    if let AExpr::Name(m) = a.value.as_ref() {
                        if let Some(module) = self.module_named(m.id.as_str()) {
                            return self.module_attr(&module, a.attr.id.as_str(), r);
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

    pub(super) fn is_var(&self, name: &str) -> bool {
        self.fs.locals.contains_key(name) || self.fs.outer.contains_key(name)
    }

    /// The current name for a variable (comprehension variables are renamed apart).
    pub fn renamed(&self, name: &str) -> String {
        match self.fs.aliases.iter().rev().find(|(p, _)| p == name) {
            Some((_, fresh)) => fresh.clone(),
            None => name.to_string(),
        }
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
        if let Some((module, real)) = self.imported_name(&name) {
            return self.module_attr(&module, &real, r);
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

    pub(super) fn list_lit(&mut self, elts: &[AExpr], r: TextRange) -> Expr {
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
    pub(super) fn elements(&mut self, elts: &[AExpr], el: &Ty) -> Vec<Expr> {
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

    pub(super) fn dict_display(&mut self, d: &ast::ExprDict, kt: Ty, vt: Ty, r: TextRange) -> Expr {
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

    /// Two values one of which is the result (a conditional's branches, `a or b`) joined
    /// into one type: theirs when they have one (a subclass joins its base, `None` makes an
    /// `Optional`), else `Any`, which keeps each value's own type as CPython does (`1 if c
    /// else 2.5` is an int or a float, never the int widened).
    pub fn join(&mut self, a: Expr, b: Expr, r: TextRange) -> (Expr, Expr, Ty) {
        let (ta, tb) = (self.resolve(&a.ty), self.resolve(&b.ty));
        if matches!(ta, Ty::Var(_))
            || matches!(tb, Ty::Var(_))
            || self.is_poisoned(&ta)
            || self.is_poisoned(&tb)
        {
            let b = self.coerce(b, &ta, r, "the two branches must have one type");
            return (a, b, ta);
        }
        let t = self.join_types(&[ta, tb]).unwrap_or(Ty::Any);
        let a = self.coerce_store(a, &t, r, "branch");
        let b = self.coerce_store(b, &t, r, "branch");
        (a, b, t)
    }

    /// `a if c else b` where a value of type `want` is expected: each branch is checked
    /// against it.
    pub(super) fn if_expr(&mut self, i: &ast::ExprIf, want: Option<&Ty>, r: TextRange) -> Expr {
        let c = self.cond(&i.test);
        let (pos, neg) = self.narrowing(&i.test);
        let mark = self.fs.narrowed.len();
        self.fs.narrowed.extend(pos);
        let a = match want {
            Some(t) => self.expr_expecting(&i.body, t),
            None => self.expr(&i.body),
        };
        self.fs.narrowed.truncate(mark);
        self.fs.narrowed.extend(neg);
        let b = match want {
            Some(t) => self.expr_expecting(&i.orelse, t),
            None => self.expr(&i.orelse),
        };
        self.fs.narrowed.truncate(mark);
        let (a, b, ty) = match want {
            Some(t) => {
                let a = self.coerce_store(a, t, i.body.range(), "value");
                let b = self.coerce_store(b, t, i.orelse.range(), "value");
                (a, b, t.clone())
            }
            None => self.join(a, b, r),
        };
        self.mk(
            ExprKind::IfElse(Box::new(c), Box::new(a), Box::new(b)),
            ty,
            r,
        )
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

    pub(super) fn bool_op(&mut self, and: bool, l: Expr, r: Expr, range: TextRange) -> Expr {
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

    pub(super) fn unary(&mut self, op: ast::UnaryOp, x: Expr, r: TextRange) -> Expr {
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
                self.ops_call(RtFn::NegInt, vec![x], Ty::Int, line)
            }
            (ast::UnaryOp::USub, Ty::Float) => {
                if let ExprKind::Float(v) = x.kind {
                    return self.mk(ExprKind::Float(-v), Ty::Float, r);
                }
                self.mk(ExprKind::Prim(PrimOp::FNeg, vec![x]), Ty::Float, r)
            }
            (ast::UnaryOp::USub, Ty::Any) => self.rt(RtFn::AnyNeg, vec![x], Ty::Any, true, line),
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
}

pub(super) fn is_value_builtin(name: &str) -> bool {
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
