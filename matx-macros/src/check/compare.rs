//! Comparisons: chains, numbers across int/float, `is`/`in`, and values compared as `Any` across types.

use super::Checker;
use crate::ir::{Expr, ExprKind, PrimOp, RtFn, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub fn compare(&mut self, c: &ast::ExprCompare) -> Expr {
        let r = c.range;
        let line = self.line(r);
        let mut left = self.expr(&c.left);
        let mut parts: Vec<Expr> = Vec::new();
        let mut lets: Vec<Stmt> = Vec::new();
        let n = c.ops.len();
        for (i, (op, rhs_ast)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            let mut rhs = if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.view_expr(rhs_ast, super::access::ViewUse::Test)
            } else {
                self.expr(rhs_ast)
            };
            if i + 1 < n
                && !matches!(
                    rhs.kind,
                    ExprKind::Local(_) | ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_)
                )
            {
                // The middle operand of a chain is evaluated once.
                let tmp = self.tmp("cmp");
                let ty = rhs.ty.clone();
                lets.push(Stmt {
                    kind: StmtKind::Let(tmp.clone(), rhs),
                    line,
                });
                rhs = Expr {
                    kind: ExprKind::Local(tmp),
                    ty,
                    line,
                };
            }
            let cmp = self.compare_one(*op, left, rhs.clone(), rhs_ast.range().cover(r));
            parts.push(cmp);
            left = rhs;
        }
        let mut acc = parts.pop().unwrap_or(Expr {
            kind: ExprKind::Bool(true),
            ty: Ty::Bool,
            line,
        });
        while let Some(p) = parts.pop() {
            acc = Expr {
                kind: ExprKind::BoolOp {
                    and: true,
                    left: Box::new(p),
                    right: Box::new(acc),
                },
                ty: Ty::Bool,
                line,
            };
        }
        if lets.is_empty() {
            acc
        } else {
            // Lets must run lazily in a chain only as far as Python evaluates; evaluating
            // a pure temporary early is observable only through side effects of the
            // operand, which Python also evaluates before the comparison that uses it.
            Expr {
                kind: ExprKind::Block(lets, Box::new(acc)),
                ty: Ty::Bool,
                line,
            }
        }
    }

    pub(super) fn compare_one(
        &mut self,
        op: ast::CmpOp,
        l: Expr,
        r: Expr,
        range: TextRange,
    ) -> Expr {
        use ast::CmpOp::*;
        let (tl, tr) = (self.resolve(&l.ty), self.resolve(&r.ty));
        let line = l.line;
        let boolean = |ck: &mut Self, kind| ck.mk(kind, Ty::Bool, range);
        match op {
            Is | IsNot => {
                let none_check = |ck: &mut Self, x: Expr| match ck.resolve(&x.ty) {
                    Ty::Optional(_) | Ty::None | Ty::Any => {
                        ck.rt(RtFn::IsNone, vec![x], Ty::Bool, false, line)
                    }
                    _ => {
                        // Never None: evaluate for effects, then a constant.
                        let tmp = ck.tmp("v");
                        let st = Stmt {
                            kind: StmtKind::Let(tmp, x),
                            line,
                        };
                        Expr {
                            kind: ExprKind::Block(
                                vec![st],
                                Box::new(Expr {
                                    kind: ExprKind::Bool(false),
                                    ty: Ty::Bool,
                                    line,
                                }),
                            ),
                            ty: Ty::Bool,
                            line,
                        }
                    }
                };
                let e = match (&tl, &tr) {
                    (_, Ty::None) => none_check(self, l),
                    (Ty::None, _) => none_check(self, r),
                    (Ty::List(_), Ty::List(_))
                    | (Ty::Dict(..), Ty::Dict(..))
                    | (Ty::Set(_), Ty::Set(_))
                    | (Ty::Class(_), Ty::Class(_)) => {
                        boolean(self, ExprKind::Prim(PrimOp::Is, vec![l, r]))
                    }
                    (Ty::Bool, Ty::Bool) => boolean(self, ExprKind::Prim(PrimOp::Eq, vec![l, r])),
                    _ => {
                        self.error(
                            range,
                            format!("`is` compares identity; on `{}` values use `==`", tl.py()),
                        );
                        return self.poison(range);
                    }
                };
                if op == IsNot {
                    boolean(self, ExprKind::Not(Box::new(e)))
                } else {
                    e
                }
            }
            In | NotIn => {
                let e = self.contains(r, l, range);
                if op == NotIn {
                    boolean(self, ExprKind::Not(Box::new(e)))
                } else {
                    e
                }
            }
            Eq | NotEq | Lt | LtE | Gt | GtE => {
                let num = |t: &Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
                if num(&tl) && num(&tr) {
                    let target = if tl == Ty::Float || tr == Ty::Float {
                        Ty::Float
                    } else if tl == Ty::Bool && tr == Ty::Bool {
                        Ty::Bool
                    } else {
                        Ty::Int
                    };
                    if target == Ty::Float && (tl == Ty::Int || tr == Ty::Int) {
                        // int vs float compares exactly in Python.
                        let l = self.coerce(
                            l,
                            &if tl == Ty::Float { Ty::Float } else { Ty::Int },
                            range,
                            "operand",
                        );
                        let r = self.coerce(
                            r,
                            &if tr == Ty::Float { Ty::Float } else { Ty::Int },
                            range,
                            "operand",
                        );
                        let name = match op {
                            Eq => RtFn::EqNum,
                            NotEq => RtFn::NeNum,
                            Lt => RtFn::LtNum,
                            LtE => RtFn::LeNum,
                            Gt => RtFn::GtNum,
                            _ => RtFn::GeNum,
                        };
                        return self.rt(name, vec![l, r], Ty::Bool, false, line);
                    }
                    let l = self.coerce(l, &target, range, "operand");
                    let r = self.coerce(r, &target, range, "operand");
                    let p = match op {
                        Eq => PrimOp::Eq,
                        NotEq => PrimOp::Ne,
                        Lt => PrimOp::Lt,
                        LtE => PrimOp::Le,
                        Gt => PrimOp::Gt,
                        _ => PrimOp::Ge,
                    };
                    return boolean(self, ExprKind::Prim(p, vec![l, r]));
                }
                if matches!(op, Eq | NotEq) {
                    if tl == Ty::None || tr == Ty::None {
                        let x = if tl == Ty::None { r } else { l };
                        let e = self.rt(RtFn::IsNone, vec![x], Ty::Bool, false, line);
                        return if op == NotEq {
                            boolean(self, ExprKind::Not(Box::new(e)))
                        } else {
                            e
                        };
                    }
                    if let Ty::Class(c) = &tl {
                        if self.find_method(c, "__eq__").is_some() {
                            let e = self.call_method_typed(l, "__eq__", vec![r], range);
                            let e = self.coerce(e, &Ty::Bool, range, "__eq__ result");
                            return if op == NotEq {
                                boolean(self, ExprKind::Not(Box::new(e)))
                            } else {
                                e
                            };
                        }
                    }
                    let (l, r) = self.comparable(l, r, range);
                    let e = self.call_on(RtFn::Eq, l, vec![r], Ty::Bool, true, line);
                    return if op == NotEq {
                        boolean(self, ExprKind::Not(Box::new(e)))
                    } else {
                        e
                    };
                }
                if let Ty::Class(c) = &tl {
                    let dunder = match op {
                        Lt => "__lt__",
                        LtE => "__le__",
                        Gt => "__gt__",
                        _ => "__ge__",
                    };
                    if self.find_method(c, dunder).is_some() {
                        let e = self.call_method_typed(l, dunder, vec![r], range);
                        return self.coerce(e, &Ty::Bool, range, "comparison result");
                    }
                }
                if let (Ty::Set(_), Ty::Set(_)) = (&tl, &tr) {
                    let name = match op {
                        Lt => RtFn::SetLt,
                        LtE => RtFn::SetLe,
                        Gt => RtFn::SetGt,
                        _ => RtFn::SetGe,
                    };
                    let r = self.coerce(r, &tl, range, "set operand");
                    return self.rt(name, vec![l, r], Ty::Bool, true, line);
                }
                let (l, r) = self.comparable(l, r, range);
                let lt = self.resolve(&l.ty);
                if !lt.is_ordered() && !matches!(lt, Ty::Var(_)) {
                    self.error(
                        range,
                        format!("`<`/`>` are not supported between `{}` values", lt.py()),
                    );
                    return self.poison(range);
                }
                let name = match op {
                    Lt => RtFn::Lt,
                    LtE => RtFn::Le,
                    Gt => RtFn::Gt,
                    _ => RtFn::Ge,
                };
                self.call_on(name, l, vec![r], Ty::Bool, true, line)
            }
        }
    }

    /// The right operand of `==`/`<` converted to the left's type (Python compares across types;
    /// differing static types are almost always a bug, so they are reported).
    /// Operands of `==`/`<` brought to one type: the same static type, or both as `Any`
    /// (Python compares across types; `Any` does it at run time with CPython's rules).
    pub(super) fn comparable(&mut self, l: Expr, r: Expr, range: TextRange) -> (Expr, Expr) {
        let (a, b) = (self.resolve(&l.ty), self.resolve(&r.ty));
        if let (Ty::Optional(_), false) = (&a, matches!(b, Ty::Optional(_))) {
            if self.resolve_inner_eq(&a, &b) {
                let r = self.coerce(r, &a, range, "compared value");
                return (l, r);
            }
        }
        if let (false, Ty::Optional(_)) = (matches!(a, Ty::Optional(_)), &b) {
            if self.resolve_inner_eq(&b, &a) {
                let l = self.coerce(l, &b, range, "compared value");
                return (l, r);
            }
        }
        let probe = self.resolve(&b);
        if a == b
            || matches!(a, Ty::Var(_))
            || matches!(b, Ty::Var(_))
            || (self.same_shape_pub(&a, &b) && self.unify(&a, &probe))
        {
            let r = self.coerce(r, &a, range, "compared value");
            return (l, r);
        }
        if let (Ty::Class(x), Ty::Class(y)) = (&a, &b) {
            if self.derives(y, x) {
                let r = self.coerce(r, &a, range, "compared value");
                return (l, r);
            }
            if self.derives(x, y) {
                let l = self.coerce(l, &b, range, "compared value");
                return (l, r);
            }
        }
        if any_convertible(&a) && any_convertible(&b) {
            let l = self.coerce(l, &Ty::Any, range, "compared value");
            let r = self.coerce(r, &Ty::Any, range, "compared value");
            return (l, r);
        }
        self.error(
            range,
            format!("cannot compare `{}` with `{}`", a.py(), b.py()),
        );
        (l, r)
    }

    pub(super) fn resolve_inner_eq(&self, opt: &Ty, t: &Ty) -> bool {
        match opt {
            Ty::Optional(i) => self.resolve(i) == *t,
            _ => false,
        }
    }
}

/// Types whose values convert to `Any` (everything but callables and unresolved types).
fn any_convertible(t: &Ty) -> bool {
    match t {
        Ty::Func(..)
        | Ty::Var(_)
        | Ty::Param(_)
        | Ty::Iterable(_)
        | Ty::VarTuple(_)
        | Ty::Exc
        | Ty::Range => false,
        Ty::List(e) | Ty::Set(e) | Ty::Optional(e) => any_convertible(e),
        Ty::Dict(k, v) => any_convertible(k) && any_convertible(v),
        Ty::Tuple(ts) => ts.iter().all(any_convertible),
        _ => true,
    }
}
