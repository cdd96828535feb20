//! Operators: arithmetic with Python's int/float rules, comparisons, subscripts, slices and attributes.

use super::Checker;
use crate::ir::{Conv, Expr, ExprKind, PrimOp, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr, Operator};
use ruff_text_size::{Ranged, TextRange};

fn op_symbol(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::Pow => "**",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
    }
}

impl Checker<'_> {
    pub fn binop(&mut self, op: Operator, l: Expr, r: Expr, range: TextRange) -> Expr {
        let (tl, tr) = (self.resolve(&l.ty), self.resolve(&r.ty));
        let line = l.line;
        let num = |t: &Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
        // Integer constants fold exactly (so `2**63 - 1` is the constant it names).
        if let (Some(a), Some(b)) = (int_const(&l), int_const(&r)) {
            if let Some(v) = fold_int(op, a, b) {
                let kind = match i64::try_from(v) {
                    Ok(v) => ExprKind::Int(v),
                    Err(_) => ExprKind::BigInt(v),
                };
                return self.mk(kind, Ty::Int, range);
            }
        }
        // Numbers.
        if num(&tl) && num(&tr) {
            let bools = tl == Ty::Bool && tr == Ty::Bool;
            if bools && matches!(op, Operator::BitAnd | Operator::BitOr | Operator::BitXor) {
                let p = match op {
                    Operator::BitAnd => PrimOp::BAnd,
                    Operator::BitOr => PrimOp::BOr,
                    _ => PrimOp::BXor,
                };
                return self.mk(ExprKind::Prim(p, vec![l, r]), Ty::Bool, range);
            }
            let float = tl == Ty::Float || tr == Ty::Float;
            if float {
                let l = self.coerce(l, &Ty::Float, range, "operand");
                let r = self.coerce(r, &Ty::Float, range, "operand");
                return match op {
                    Operator::Add => {
                        self.mk(ExprKind::Prim(PrimOp::FAdd, vec![l, r]), Ty::Float, range)
                    }
                    Operator::Sub => {
                        self.mk(ExprKind::Prim(PrimOp::FSub, vec![l, r]), Ty::Float, range)
                    }
                    Operator::Mult => {
                        self.mk(ExprKind::Prim(PrimOp::FMul, vec![l, r]), Ty::Float, range)
                    }
                    Operator::Div => self.ops_call("truediv_float", vec![l, r], Ty::Float, line),
                    Operator::FloorDiv => {
                        self.ops_call("floordiv_float", vec![l, r], Ty::Float, line)
                    }
                    Operator::Mod => self.ops_call("mod_float", vec![l, r], Ty::Float, line),
                    Operator::Pow => self.builtin_call("pow_float", vec![l, r], Ty::Float, line),
                    _ => {
                        self.error(
                            range,
                            format!("unsupported operand types for {}: `float`", op_symbol(op)),
                        );
                        self.poison(range)
                    }
                };
            }
            let l = self.coerce(l, &Ty::Int, range, "operand");
            let r = self.coerce(r, &Ty::Int, range, "operand");
            return match op {
                Operator::Add => self.ops_call("add_int", vec![l, r], Ty::Int, line),
                Operator::Sub => self.ops_call("sub_int", vec![l, r], Ty::Int, line),
                Operator::Mult => self.ops_call("mul_int", vec![l, r], Ty::Int, line),
                Operator::Div => self.ops_call("truediv_int", vec![l, r], Ty::Float, line),
                Operator::FloorDiv => self.ops_call("floordiv_int", vec![l, r], Ty::Int, line),
                Operator::Mod => self.ops_call("mod_int", vec![l, r], Ty::Int, line),
                Operator::Pow => {
                    // int ** negative int is a float in Python: decide from a literal exponent.
                    let neg = match &r.kind {
                        ExprKind::Int(v) => *v < 0,
                        _ => false,
                    };
                    if neg {
                        self.builtin_call("pow_int_float", vec![l, r], Ty::Float, line)
                    } else {
                        self.builtin_call("pow_int", vec![l, r], Ty::Int, line)
                    }
                }
                Operator::LShift => self.ops_call("lshift_int", vec![l, r], Ty::Int, line),
                Operator::RShift => self.ops_call("rshift_int", vec![l, r], Ty::Int, line),
                Operator::BitAnd => {
                    self.mk(ExprKind::Prim(PrimOp::BitAnd, vec![l, r]), Ty::Int, range)
                }
                Operator::BitOr => {
                    self.mk(ExprKind::Prim(PrimOp::BitOr, vec![l, r]), Ty::Int, range)
                }
                Operator::BitXor => {
                    self.mk(ExprKind::Prim(PrimOp::BitXor, vec![l, r]), Ty::Int, range)
                }
                Operator::MatMult => {
                    self.error(range, "`@` is not supported on ints");
                    self.poison(range)
                }
            };
        }
        let method = |name: &str, recv: Expr, args: Vec<Expr>, ty: Ty| Expr {
            kind: ExprKind::Rt {
                path: format!("::matx::rt::{name}"),
                recv: Some(Box::new(recv)),
                args,
                fallible: true,
            },
            ty,
            line,
        };
        match (op, &tl, &tr) {
            (Operator::Mod, Ty::Str, _) => return self.percent_format(l, r, range),
            (Operator::Add, Ty::Str, Ty::Str) | (Operator::Add, Ty::Bytes, Ty::Bytes) => {
                return method("concat", l, vec![r], tl.clone())
            }
            (Operator::Add, Ty::List(_), Ty::List(_))
            | (Operator::Add, Ty::TupleN(_), Ty::TupleN(_)) => {
                let r = self.coerce(r, &tl, range, "right operand of `+`");
                return method("concat", l, vec![r], tl.clone());
            }
            (Operator::Add, Ty::Tuple(a), Ty::Tuple(b)) => {
                // Tuple concatenation is known element by element.
                let (ta, tb) = (self.tmp("t"), self.tmp("t"));
                let mut ts = a.clone();
                ts.extend(b.iter().cloned());
                let la = Expr {
                    kind: ExprKind::Local(ta.clone()),
                    ty: tl.clone(),
                    line,
                };
                let lb = Expr {
                    kind: ExprKind::Local(tb.clone()),
                    ty: tr.clone(),
                    line,
                };
                let mut xs: Vec<Expr> = (0..a.len())
                    .map(|i| Expr {
                        kind: ExprKind::TupleGet(Box::new(la.clone()), i),
                        ty: a[i].clone(),
                        line,
                    })
                    .collect();
                xs.extend((0..b.len()).map(|i| Expr {
                    kind: ExprKind::TupleGet(Box::new(lb.clone()), i),
                    ty: b[i].clone(),
                    line,
                }));
                let tup = Expr {
                    kind: ExprKind::Tuple(xs),
                    ty: Ty::Tuple(ts.clone()),
                    line,
                };
                let stmts = vec![
                    Stmt {
                        kind: StmtKind::Let(ta, l),
                        line,
                    },
                    Stmt {
                        kind: StmtKind::Let(tb, r),
                        line,
                    },
                ];
                return Expr {
                    kind: ExprKind::Block(stmts, Box::new(tup)),
                    ty: Ty::Tuple(ts),
                    line,
                };
            }
            (Operator::Mult, Ty::Tuple(ts), Ty::Int) if matches!(r.kind, ExprKind::Int(_)) => {
                let n = match r.kind {
                    ExprKind::Int(n) => n.clamp(0, 64) as usize,
                    _ => 0,
                };
                let ta = self.tmp("t");
                let la = Expr {
                    kind: ExprKind::Local(ta.clone()),
                    ty: tl.clone(),
                    line,
                };
                let mut xs = Vec::new();
                let mut tys = Vec::new();
                for _ in 0..n {
                    for (i, t) in ts.iter().enumerate() {
                        xs.push(Expr {
                            kind: ExprKind::TupleGet(Box::new(la.clone()), i),
                            ty: t.clone(),
                            line,
                        });
                        tys.push(t.clone());
                    }
                }
                let tup = Expr {
                    kind: ExprKind::Tuple(xs),
                    ty: Ty::Tuple(tys.clone()),
                    line,
                };
                return Expr {
                    kind: ExprKind::Block(
                        vec![Stmt {
                            kind: StmtKind::Let(ta, l),
                            line,
                        }],
                        Box::new(tup),
                    ),
                    ty: Ty::Tuple(tys),
                    line,
                };
            }
            (
                Operator::Mult,
                Ty::Str | Ty::Bytes | Ty::List(_) | Ty::TupleN(_),
                Ty::Int | Ty::Bool,
            ) => {
                let r = self.coerce(r, &Ty::Int, range, "repeat count");
                return method("repeat", l, vec![r], tl.clone());
            }
            (Operator::Mult, Ty::Int | Ty::Bool, Ty::Str | Ty::Bytes | Ty::List(_)) => {
                let l = self.coerce(l, &Ty::Int, range, "repeat count");
                return method("repeat", r, vec![l], tr.clone());
            }
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Ty::Set(_),
                Ty::Set(_),
            ) => {
                let r = self.coerce(r, &tl, range, "set operand");
                let name = match op {
                    Operator::BitOr => "set_bitor",
                    Operator::BitAnd => "set_bitand",
                    Operator::Sub => "set_sub",
                    _ => "set_bitxor",
                };
                return method(name, l, vec![r], tl.clone());
            }
            (Operator::BitOr, Ty::Dict(..), Ty::Dict(..)) => {
                let r = self.coerce(r, &tl, range, "dict operand");
                return self.rt("dict_merge", vec![l, r], tl.clone(), true, line);
            }
            _ => {}
        }
        if tl == Ty::Any || tr == Ty::Any {
            let name = match op {
                Operator::Add => "any_add",
                Operator::Sub => "any_sub",
                Operator::Mult => "any_mul",
                Operator::Div => "any_truediv",
                Operator::FloorDiv => "any_floordiv",
                Operator::Mod => "any_mod",
                Operator::Pow => "any_pow",
                Operator::LShift => "any_lshift",
                Operator::RShift => "any_rshift",
                Operator::BitAnd => "any_bitand",
                Operator::BitOr => "any_bitor",
                Operator::BitXor => "any_bitxor",
                Operator::MatMult => "",
            };
            if !name.is_empty() {
                let l = self.coerce(l, &Ty::Any, range, "operand");
                let r = self.coerce(r, &Ty::Any, range, "operand");
                return self.rt(name, vec![l, r], Ty::Any, true, line);
            }
        }
        if let Ty::Class(c) = &tl {
            let dunder = match op {
                Operator::Add => "__add__",
                Operator::Sub => "__sub__",
                Operator::Mult => "__mul__",
                _ => "",
            };
            if !dunder.is_empty() && self.find_method(c, dunder).is_some() {
                return self.call_method_typed(l, dunder, vec![r], range);
            }
        }
        if self.is_poisoned(&tl) || self.is_poisoned(&tr) {
            // already reported
        } else if matches!(tl, Ty::Var(_)) || matches!(tr, Ty::Var(_)) {
            self.error(range, "operand of unknown type: annotate the variable");
        } else {
            self.error(
                range,
                format!(
                    "unsupported operand types for {}: `{}` and `{}`",
                    op_symbol(op),
                    tl.py(),
                    tr.py()
                ),
            );
        }
        self.poison(range)
    }

    pub fn ops_call(&self, name: &str, args: Vec<Expr>, ty: Ty, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                path: format!("::matx::ops::{name}"),
                recv: None,
                args,
                fallible: true,
            },
            ty,
            line,
        }
    }

    pub fn builtin_call(&self, name: &str, args: Vec<Expr>, ty: Ty, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                path: format!("::matx::builtins::{name}"),
                recv: None,
                args,
                fallible: true,
            },
            ty,
            line,
        }
    }

    fn percent_format(&mut self, l: Expr, r: Expr, range: TextRange) -> Expr {
        let line = l.line;
        let args = match (self.resolve(&r.ty), r.kind.clone()) {
            (Ty::Tuple(_), ExprKind::Tuple(xs)) => xs,
            (Ty::Tuple(ts), _) => {
                // A tuple value: unpack it element by element.
                let tmp = self.tmp("t");
                let local = Expr {
                    kind: ExprKind::Local(tmp.clone()),
                    ty: r.ty.clone(),
                    line,
                };
                let xs: Vec<Expr> = (0..ts.len())
                    .map(|i| Expr {
                        kind: ExprKind::TupleGet(Box::new(local.clone()), i),
                        ty: ts[i].clone(),
                        line,
                    })
                    .collect();
                let call = Expr {
                    kind: ExprKind::FormatCall {
                        template: Box::new(l),
                        args: xs,
                        kwargs: vec![],
                        percent: true,
                    },
                    ty: Ty::Str,
                    line,
                };
                let st = Stmt {
                    kind: StmtKind::Let(tmp, r),
                    line,
                };
                return Expr {
                    kind: ExprKind::Block(vec![st], Box::new(call)),
                    ty: Ty::Str,
                    line,
                };
            }
            (Ty::Dict(..), _) => {
                self.error(
                    range,
                    "`%` formatting with a mapping is not supported: use an f-string",
                );
                vec![]
            }
            _ => vec![r],
        };
        Expr {
            kind: ExprKind::FormatCall {
                template: Box::new(l),
                args,
                kwargs: vec![],
                percent: true,
            },
            ty: Ty::Str,
            line,
        }
    }

    pub fn compare(&mut self, c: &ast::ExprCompare) -> Expr {
        let r = c.range;
        let line = self.line(r);
        let mut left = self.expr(&c.left);
        let mut parts: Vec<Expr> = Vec::new();
        let mut lets: Vec<Stmt> = Vec::new();
        let n = c.ops.len();
        for (i, (op, rhs_ast)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            let mut rhs = self.expr(rhs_ast);
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

    fn compare_one(&mut self, op: ast::CmpOp, l: Expr, r: Expr, range: TextRange) -> Expr {
        use ast::CmpOp::*;
        let (tl, tr) = (self.resolve(&l.ty), self.resolve(&r.ty));
        let line = l.line;
        let boolean = |ck: &mut Self, kind| ck.mk(kind, Ty::Bool, range);
        match op {
            Is | IsNot => {
                let none_check = |ck: &mut Self, x: Expr| match ck.resolve(&x.ty) {
                    Ty::Optional(_) | Ty::None | Ty::Any => {
                        ck.rt("is_none", vec![x], Ty::Bool, false, line)
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
                            Eq => "eq_num",
                            NotEq => "ne_num",
                            Lt => "lt_num",
                            LtE => "le_num",
                            Gt => "gt_num",
                            _ => "ge_num",
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
                        let e = self.rt("is_none", vec![x], Ty::Bool, false, line);
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
                    let e = self.rt("eq", vec![l, r], Ty::Bool, true, line);
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
                        Lt => "set_lt",
                        LtE => "set_le",
                        Gt => "set_gt",
                        _ => "set_ge",
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
                    Lt => "lt",
                    LtE => "le",
                    Gt => "gt",
                    _ => "ge",
                };
                self.rt(name, vec![l, r], Ty::Bool, true, line)
            }
        }
    }

    /// The right operand of `==`/`<` converted to the left's type (Python compares across types;
    /// differing static types are almost always a bug, so they are reported).
    /// Operands of `==`/`<` brought to one type: the same static type, or both as `Any`
    /// (Python compares across types; `Any` does it at run time with CPython's rules).
    fn comparable(&mut self, l: Expr, r: Expr, range: TextRange) -> (Expr, Expr) {
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

    fn resolve_inner_eq(&self, opt: &Ty, t: &Ty) -> bool {
        match opt {
            Ty::Optional(i) => self.resolve(i) == *t,
            _ => false,
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Expr, item: Expr, range: TextRange) -> Expr {
        let line = container.line;
        let ct = self.resolve(&container.ty);
        let method = |ck: &mut Self, c: Expr, i: Expr| Expr {
            kind: ExprKind::Rt {
                path: "::matx::rt::contains".into(),
                recv: Some(Box::new(c)),
                args: vec![i],
                fallible: true,
            },
            ty: Ty::Bool,
            line: ck.line(range),
        };
        match &ct {
            Ty::Str => {
                let i = self.coerce(item, &Ty::Str, range, "`in <str>` needs a str");
                method(self, container, i)
            }
            Ty::Bytes => {
                let want = if matches!(self.resolve(&item.ty), Ty::Int | Ty::Bool) {
                    Ty::Int
                } else {
                    Ty::Bytes
                };
                let i = self.coerce(item, &want, range, "`in <bytes>` needs bytes or an int");
                method(self, container, i)
            }
            Ty::List(e) | Ty::Set(e) | Ty::TupleN(e) => {
                let i = self.coerce(item, e, range, "element");
                method(self, container, i)
            }
            Ty::Dict(k, _) => {
                let i = self.coerce(item, k, range, "key");
                method(self, container, i)
            }
            Ty::Range => {
                let i = self.coerce(item, &Ty::Int, range, "`in range` needs an int");
                method(self, container, i)
            }
            Ty::Any => {
                let i = self.coerce(item, &Ty::Any, range, "element");
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::any_contains".into(),
                        recv: Some(Box::new(container)),
                        args: vec![i],
                        fallible: true,
                    },
                    ty: Ty::Bool,
                    line,
                }
            }
            Ty::Tuple(ts) => {
                if ts.is_empty() {
                    return Expr {
                        kind: ExprKind::Bool(false),
                        ty: Ty::Bool,
                        line,
                    };
                }
                let el = ts[0].clone();
                if !ts.iter().all(|t| *t == el) {
                    self.error(range, "`in` on a tuple needs elements of one type");
                    return self.poison(range);
                }
                let item = self.coerce(item, &el, range, "element");
                self.rt(
                    "tuple_contains",
                    vec![container, item],
                    Ty::Bool,
                    true,
                    line,
                )
            }
            Ty::Class(c) => {
                if self.find_method(c, "__contains__").is_some() {
                    let e = self.call_method_typed(container, "__contains__", vec![item], range);
                    self.coerce(e, &Ty::Bool, range, "__contains__ result")
                } else {
                    self.error(range, format!("`{c}` has no `__contains__`"));
                    self.poison(range)
                }
            }
            other => {
                self.error(range, format!("`in` is not supported on `{}`", other.py()));
                self.poison(range)
            }
        }
    }

    /// `obj[idx]`.
    pub fn subscript_of(&mut self, obj: Expr, idx: Expr, range: TextRange) -> Expr {
        let ot = self.resolve(&obj.ty);
        let line = obj.line;
        let get = |ck: &mut Self, obj: Expr, idx: Expr, ty: Ty| {
            let _ = ck;
            Expr {
                kind: ExprKind::Rt {
                    path: "::matx::rt::get_item".into(),
                    recv: Some(Box::new(obj)),
                    args: vec![idx],
                    fallible: true,
                },
                ty,
                line,
            }
        };
        match &ot {
            Ty::List(e) => {
                let i = self.coerce(idx, &Ty::Int, range, "list index");
                get(self, obj, i, (**e).clone())
            }
            Ty::Str => {
                let i = self.coerce(idx, &Ty::Int, range, "string index");
                get(self, obj, i, Ty::Str)
            }
            Ty::Bytes => {
                let i = self.coerce(idx, &Ty::Int, range, "bytes index");
                get(self, obj, i, Ty::Int)
            }
            Ty::TupleN(e) => {
                let i = self.coerce(idx, &Ty::Int, range, "tuple index");
                get(self, obj, i, (**e).clone())
            }
            Ty::Range => {
                let i = self.coerce(idx, &Ty::Int, range, "range index");
                get(self, obj, i, Ty::Int)
            }
            Ty::Dict(k, v) => {
                let i = self.coerce(idx, k, range, "dict key");
                get(self, obj, i, (**v).clone())
            }
            Ty::Tuple(ts) => {
                let n = ts.len() as i64;
                match idx.kind {
                    ExprKind::Int(i) if (-n..n).contains(&i) => {
                        let i = if i < 0 { i + n } else { i } as usize;
                        Expr {
                            kind: ExprKind::TupleGet(Box::new(obj), i),
                            ty: ts[i].clone(),
                            line,
                        }
                    }
                    ExprKind::Int(_) => {
                        self.error(range, "tuple index out of range");
                        self.poison(range)
                    }
                    _ if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) => {
                        let i = self.coerce(idx, &Ty::Int, range, "tuple index");
                        self.rt("tuple_get", vec![obj, i], ts[0].clone(), true, line)
                    }
                    _ => {
                        self.error(
                            range,
                            "indexing a tuple of mixed types needs a constant index",
                        );
                        self.poison(range)
                    }
                }
            }
            Ty::Any => {
                let i = self.coerce(idx, &Ty::Any, range, "index");
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::any_get_item".into(),
                        recv: Some(Box::new(obj)),
                        args: vec![i],
                        fallible: true,
                    },
                    ty: Ty::Any,
                    line,
                }
            }
            Ty::Class(c) => {
                if self.find_method(c, "__getitem__").is_some() {
                    self.call_method_typed(obj, "__getitem__", vec![idx], range)
                } else {
                    self.error(
                        range,
                        format!("`{c}` objects are not subscriptable (no `__getitem__`)"),
                    );
                    self.poison(range)
                }
            }
            Ty::Var(_) => {
                if !self.is_poisoned(&ot) {
                    self.error(range, "cannot index a value of unknown type: annotate it");
                }
                self.poison(range)
            }
            other => {
                self.error(range, format!("`{}` is not subscriptable", other.py()));
                self.poison(range)
            }
        }
    }

    /// `obj[a:b:c]`.
    pub fn slice_of(&mut self, obj: Expr, sl: &ast::ExprSlice, range: TextRange) -> Expr {
        let line = obj.line;
        let mut bound = |e: &Option<Box<AExpr>>| {
            let v = e.as_ref().map(|x| {
                let v = self.expr(x);
                if matches!(self.resolve(&v.ty), Ty::Optional(_) | Ty::None) {
                    return self.coerce(v, &Ty::optional(Ty::Int), x.range(), "slice index");
                }
                self.coerce(v, &Ty::Int, x.range(), "slice index")
            });
            v
        };
        let (a, b, c) = (bound(&sl.lower), bound(&sl.upper), bound(&sl.step));
        let ot = self.resolve(&obj.ty);
        match &ot {
            Ty::Any => {
                let args = vec![
                    self.opt_int(a, line),
                    self.opt_int(b, line),
                    self.opt_int(c, line),
                ];
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::any_get_slice".into(),
                        recv: Some(Box::new(obj)),
                        args,
                        fallible: true,
                    },
                    ty: Ty::Any,
                    line,
                }
            }
            Ty::List(_) | Ty::Str | Ty::Bytes | Ty::Range | Ty::TupleN(_) => {
                let args = vec![
                    self.opt_int(a, line),
                    self.opt_int(b, line),
                    self.opt_int(c, line),
                ];
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::get_slice".into(),
                        recv: Some(Box::new(obj)),
                        args,
                        fallible: true,
                    },
                    ty: ot,
                    line,
                }
            }
            Ty::Tuple(ts) => {
                let konst = |e: &Option<Expr>| match e {
                    None => Some(None),
                    Some(Expr {
                        kind: ExprKind::Int(v),
                        ..
                    }) => Some(Some(*v)),
                    _ => None,
                };
                match (konst(&a), konst(&b), konst(&c)) {
                    (Some(a), Some(b), Some(c)) => {
                        let idx = py_slice_indices(ts.len() as i64, a, b, c.unwrap_or(1));
                        let Some(idx) = idx else {
                            self.error(range, "slice step cannot be zero");
                            return self.poison(range);
                        };
                        let tmp = self.tmp("t");
                        let local = Expr {
                            kind: ExprKind::Local(tmp.clone()),
                            ty: ot.clone(),
                            line,
                        };
                        let xs: Vec<Expr> = idx
                            .iter()
                            .map(|&i| Expr {
                                kind: ExprKind::TupleGet(Box::new(local.clone()), i),
                                ty: ts[i].clone(),
                                line,
                            })
                            .collect();
                        let ty = Ty::Tuple(idx.iter().map(|&i| ts[i].clone()).collect());
                        let st = Stmt {
                            kind: StmtKind::Let(tmp, obj),
                            line,
                        };
                        Expr {
                            kind: ExprKind::Block(
                                vec![st],
                                Box::new(Expr {
                                    kind: ExprKind::Tuple(xs),
                                    ty: ty.clone(),
                                    line,
                                }),
                            ),
                            ty,
                            line,
                        }
                    }
                    _ => {
                        self.error(range, "slicing a tuple needs constant bounds (the result's type depends on them)");
                        self.poison(range)
                    }
                }
            }
            other => {
                self.error(range, format!("`{}` cannot be sliced", other.py()));
                self.poison(range)
            }
        }
    }

    /// `obj.attr` as a value: a field, a property, or an error.
    pub fn attribute_of(&mut self, obj: Expr, attr: &ast::Identifier, range: TextRange) -> Expr {
        let name = attr.id.as_str();
        let line = obj.line;
        match self.resolve(&obj.ty) {
            Ty::Class(c) => {
                if let Some(owner) = self.field_owner(&c, name) {
                    let ty = self.field_ty(&owner, name).unwrap_or(Ty::Any);
                    return Expr {
                        kind: ExprKind::Field {
                            obj: Box::new(obj),
                            owner,
                            field: name.to_string(),
                        },
                        ty,
                        line,
                    };
                }
                if let Some(m) = self.find_method(&c, name) {
                    if m.kind == crate::ir::MethodKind::Property {
                        return self.call_method_typed(obj, name, vec![], range);
                    }
                    self.error(range, format!("method `{name}` must be called: `obj.{name}(...)` (bound methods are not values)"));
                    return self.poison(range);
                }
                self.error(attr.range, format!("`{c}` has no attribute `{name}`"));
                self.poison(range)
            }
            Ty::Exc if name == "args" => {
                self.error(range, "`e.args` is not supported: use `str(e)`");
                self.poison(range)
            }
            other => {
                self.error(
                    attr.range,
                    format!(
                        "`{}` has no attribute `{name}` usable as a value",
                        other.py()
                    ),
                );
                self.poison(range)
            }
        }
    }

    /// A value to iterate with `for`: tuples of one element type become lists.
    pub fn iterable_value(&mut self, e: Expr, range: TextRange) -> Expr {
        match self.resolve(&e.ty) {
            Ty::Tuple(ts) => {
                let el = self.elem_type(&Ty::Tuple(ts), range);
                let line = e.line;
                self.rt("tuple_to_list", vec![e], Ty::list(el), true, line)
            }
            _ => e,
        }
    }

    /// The class that declares `field`, searching `class` and its bases.
    pub fn field_owner(&self, class: &str, field: &str) -> Option<String> {
        let mut cur = Some(class.to_string());
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if info.fields.iter().any(|(f, _)| f == field) {
                return Some(c);
            }
            cur = info.base.clone();
        }
        None
    }

    pub fn field_ty(&self, owner: &str, field: &str) -> Option<Ty> {
        self.classes
            .get(owner)?
            .fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, t)| t.clone())
    }

    /// An argument for an `Iterable[T]` parameter: lists pass as they are, other iterables are materialised.
    pub fn list_arg(&mut self, e: Expr, range: TextRange) -> Expr {
        match self.resolve(&e.ty) {
            Ty::List(_) => e,
            Ty::Tuple(_) => self.iterable_value(e, range),
            t => {
                let el = self.elem_type(&t, range);
                let line = e.line;
                Expr {
                    kind: ExprKind::Convert(Conv::ToList, Box::new(e)),
                    ty: Ty::list(el),
                    line,
                }
            }
        }
    }
}

/// The indices a constant slice selects from a sequence of length `n` (None: step 0).
pub fn py_slice_indices(
    n: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> Option<Vec<usize>> {
    if step == 0 {
        return None;
    }
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(v) => {
            let v = if v < 0 { v + n } else { v };
            v.clamp(lo, hi)
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let (a, b) = (clamp(start, 0, 0, n), clamp(stop, n, 0, n));
        let mut i = a;
        while i < b {
            out.push(i as usize);
            i += step;
        }
    } else {
        let (a, b) = (clamp(start, n - 1, -1, n - 1), clamp(stop, -1, -1, n - 1));
        let mut i = a;
        while i > b {
            out.push(i as usize);
            i += step;
        }
    }
    Some(out)
}

/// The value of an integer constant expression.
pub fn int_const(e: &Expr) -> Option<i128> {
    match e.kind {
        ExprKind::Int(v) => Some(i128::from(v)),
        ExprKind::BigInt(v) => Some(v),
        _ => None,
    }
}

/// Python's integer arithmetic on constants (None: not foldable, e.g. division by zero, which
/// must raise at run time, or a result beyond 128 bits).
fn fold_int(op: Operator, a: i128, b: i128) -> Option<i128> {
    match op {
        Operator::Add => a.checked_add(b),
        Operator::Sub => a.checked_sub(b),
        Operator::Mult => a.checked_mul(b),
        Operator::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            })
        }
        Operator::Mod if b != 0 => {
            let m = a.checked_rem(b)?;
            Some(if m != 0 && ((m < 0) != (b < 0)) {
                m + b
            } else {
                m
            })
        }
        Operator::Pow if (0..=200).contains(&b) => a.checked_pow(b as u32),
        Operator::LShift if (0..127).contains(&b) => a.checked_mul(1i128.checked_shl(b as u32)?),
        Operator::RShift if b >= 0 => Some(a >> b.min(127)),
        Operator::BitAnd => Some(a & b),
        Operator::BitOr => Some(a | b),
        Operator::BitXor => Some(a ^ b),
        _ => None,
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
