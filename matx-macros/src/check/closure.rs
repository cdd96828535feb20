//! Closures: lambdas (typed from their context), nested functions, functions and builtins used as values.

use super::expr::is_value_builtin;
use super::{Checker, FnState};
use crate::ir::{Expr, ExprKind, Stmt, StmtKind, Target};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub(super) fn lambda(&mut self, l: &ast::ExprLambda, expected: Option<&Ty>) -> Expr {
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
            // Where an `Any` is expected (an argument of a dynamic call), the lambda takes
            // and returns `Any` values: it becomes a callable `Any`.
            Some(Ty::Any) => (names.iter().map(|_| Ty::Any).collect(), Ty::Any),
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
            outer.insert(k.clone(), v.clone());
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
        // Only this closure is consumed by the call; closures made inside it are not.
        let consumed = std::mem::replace(&mut self.consumed_callable, false);
        let b = body(self);
        self.consumed_callable = consumed;
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
            if !self.consumed_callable {
                self.fs.captured_by_inner.entry(c.clone()).or_insert(r);
            }
        }
        (b, locals, captures, ret)
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
        if !matches!(self.resolve(&sig.ret), Ty::None)
            && !self.is_poisoned(&sig.ret)
            && !super::flow::always_exits(&f.body)
        {
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

    /// A builtin function used as a value (`key=len`): a closure calling it.
    pub(super) fn builtin_value(&mut self, name: &str, params: Vec<Ty>, r: TextRange) -> Expr {
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

    /// A script function used as a value: a closure calling it.
    pub(super) fn func_value(&mut self, sig: &super::FuncSig, r: TextRange) -> Expr {
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

    /// Checks `e` where a value of type `expected` is wanted (lambdas learn their parameter types).
    pub fn expr_expecting(&mut self, e: &AExpr, expected: &Ty) -> Expr {
        let exp = self.resolve(expected);
        let r = e.range();
        match (e, &exp) {
            (AExpr::Lambda(l), _) => self.lambda(l, Some(expected)),
            (AExpr::If(i), t) if !matches!(t, Ty::Var(_)) && !self.is_poisoned(t) => {
                self.if_expr(i, Some(&exp.clone()), r)
            }
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
            // A builtin passed where an `Any` is expected (`key=len` to a dynamic call): one
            // taking an `Any`.
            (AExpr::Name(n), Ty::Any)
                if !self.is_var(n.id.as_str())
                    && !self.funcs.contains_key(n.id.as_str())
                    && !self.consts.contains_key(n.id.as_str())
                    && is_value_builtin(n.id.as_str()) =>
            {
                self.builtin_value(n.id.as_str(), vec![Ty::Any], r)
            }
            _ => self.expr(e),
        }
    }
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
