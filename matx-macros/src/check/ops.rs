//! Operators: arithmetic with Python's int/float rules, comparisons, subscripts, slices and attributes.

use super::Checker;
use crate::ir::{Callee, Expr, ExprKind, PrimOp, RtFn, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::Operator;
use ruff_text_size::TextRange;

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
                    Operator::Div => self.ops_call(RtFn::TruedivFloat, vec![l, r], Ty::Float, line),
                    Operator::FloorDiv => {
                        self.ops_call(RtFn::FloordivFloat, vec![l, r], Ty::Float, line)
                    }
                    Operator::Mod => self.ops_call(RtFn::ModFloat, vec![l, r], Ty::Float, line),
                    Operator::Pow => self.builtin_call(RtFn::PowFloat, vec![l, r], Ty::Float, line),
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
                Operator::Add => self.ops_call(RtFn::AddInt, vec![l, r], Ty::Int, line),
                Operator::Sub => self.ops_call(RtFn::SubInt, vec![l, r], Ty::Int, line),
                Operator::Mult => self.ops_call(RtFn::MulInt, vec![l, r], Ty::Int, line),
                Operator::Div => self.ops_call(RtFn::TruedivInt, vec![l, r], Ty::Float, line),
                Operator::FloorDiv => self.ops_call(RtFn::FloordivInt, vec![l, r], Ty::Int, line),
                Operator::Mod => self.ops_call(RtFn::ModInt, vec![l, r], Ty::Int, line),
                Operator::Pow => {
                    // int ** negative int is a float in Python: decide from a literal exponent.
                    let neg = match &r.kind {
                        ExprKind::Int(v) => *v < 0,
                        _ => false,
                    };
                    if neg {
                        self.builtin_call(RtFn::PowIntFloat, vec![l, r], Ty::Float, line)
                    } else {
                        self.builtin_call(RtFn::PowInt, vec![l, r], Ty::Int, line)
                    }
                }
                Operator::LShift => self.ops_call(RtFn::LshiftInt, vec![l, r], Ty::Int, line),
                Operator::RShift => self.ops_call(RtFn::RshiftInt, vec![l, r], Ty::Int, line),
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
        let method = |func: RtFn, recv: Expr, args: Vec<Expr>, ty: Ty| Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(func),
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
                return method(RtFn::Concat, l, vec![r], tl.clone())
            }
            (Operator::Add, Ty::List(_), Ty::List(_))
            | (Operator::Add, Ty::TupleN(_), Ty::TupleN(_)) => {
                let r = self.coerce(r, &tl, range, "right operand of `+`");
                return method(RtFn::Concat, l, vec![r], tl.clone());
            }
            (Operator::Add, Ty::Tuple(a), Ty::Tuple(b))
                if a.len() + b.len() > crate::types::MAX_TUPLE =>
            {
                self.error(
                    range,
                    format!(
                        "tuples of more than {} items are not supported: use a list",
                        crate::types::MAX_TUPLE
                    ),
                );
                return self.poison(range);
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
                return method(RtFn::Repeat, l, vec![r], tl.clone());
            }
            (Operator::Mult, Ty::Int | Ty::Bool, Ty::Str | Ty::Bytes | Ty::List(_)) => {
                let l = self.coerce(l, &Ty::Int, range, "repeat count");
                return method(RtFn::Repeat, r, vec![l], tr.clone());
            }
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Ty::Set(_),
                Ty::Set(_),
            ) => {
                let r = self.coerce(r, &tl, range, "set operand");
                let name = match op {
                    Operator::BitOr => RtFn::SetBitor,
                    Operator::BitAnd => RtFn::SetBitand,
                    Operator::Sub => RtFn::SetSub,
                    _ => RtFn::SetBitxor,
                };
                return method(name, l, vec![r], tl.clone());
            }
            (Operator::BitOr, Ty::Dict(..), Ty::Dict(..)) => {
                let r = self.coerce(r, &tl, range, "dict operand");
                return self.rt(RtFn::DictMerge, vec![l, r], tl.clone(), true, line);
            }
            _ => {}
        }
        if tl == Ty::Any || tr == Ty::Any {
            let name = match op {
                Operator::Add => Some(RtFn::AnyAdd),
                Operator::Sub => Some(RtFn::AnySub),
                Operator::Mult => Some(RtFn::AnyMul),
                Operator::Div => Some(RtFn::AnyTruediv),
                Operator::FloorDiv => Some(RtFn::AnyFloordiv),
                Operator::Mod => Some(RtFn::AnyMod),
                Operator::Pow => Some(RtFn::AnyPow),
                Operator::LShift => Some(RtFn::AnyLshift),
                Operator::RShift => Some(RtFn::AnyRshift),
                Operator::BitAnd => Some(RtFn::AnyBitand),
                Operator::BitOr => Some(RtFn::AnyBitor),
                Operator::BitXor => Some(RtFn::AnyBitxor),
                Operator::MatMult => None,
            };
            if let Some(name) = name {
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

    pub fn ops_call(&self, func: RtFn, args: Vec<Expr>, ty: Ty, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(func),
                recv: None,
                args,
                fallible: true,
            },
            ty,
            line,
        }
    }

    pub fn builtin_call(&self, func: RtFn, args: Vec<Expr>, ty: Ty, line: u32) -> Expr {
        Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(func),
                recv: None,
                args,
                fallible: true,
            },
            ty,
            line,
        }
    }

    pub(super) fn percent_format(&mut self, l: Expr, r: Expr, range: TextRange) -> Expr {
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
