//! `math` functions and constants' calls.

use super::Checker;
use crate::ir::{Expr, ExprKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast};
use ruff_text_size::TextRange;

impl Checker<'_> {
    pub fn math_call(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        use Ty::{Bool as B, Float as F, Int as I};
        let sig: Option<(Vec<Ty>, Ty)> = match name {
            "sqrt" | "exp" | "log2" | "log10" | "log1p" | "expm1" | "sin" | "cos" | "tan"
            | "asin" | "acos" | "atan" | "sinh" | "cosh" | "tanh" | "asinh" | "acosh" | "atanh"
            | "fabs" | "degrees" | "radians" | "erf" | "erfc" | "gamma" | "lgamma" => {
                Some((vec![F], F))
            }
            "pow" | "atan2" | "fmod" | "copysign" | "hypot" | "remainder" | "ldexp" => {
                Some((vec![F, F], F))
            }
            "floor" | "ceil" | "trunc" => Some((vec![F], I)),
            "isnan" | "isinf" | "isfinite" => Some((vec![F], B)),
            "factorial" | "isqrt" => Some((vec![I], I)),
            "gcd" | "lcm" | "comb" | "perm" => Some((vec![I, I], I)),
            _ => None,
        };
        if name == "log" {
            let (x, b) = (a.args.first(), a.args.get(1));
            let Some(x) = x else {
                self.error(r, "math.log() needs an argument");
                return self.poison(r);
            };
            let x = self.arg_as(x, &F, "math.log() argument");
            return match b {
                Some(b) => {
                    let b = self.arg_as(b, &F, "math.log() base");
                    Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::math::log_base".into(),
                            recv: None,
                            args: vec![x, b],
                            fallible: true,
                        },
                        ty: F,
                        line,
                    }
                }
                None => Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::math::log".into(),
                        recv: None,
                        args: vec![x],
                        fallible: true,
                    },
                    ty: F,
                    line,
                },
            };
        }
        if name == "isclose" {
            if a.args.len() != 2 {
                self.error(r, "math.isclose() takes two numbers");
                return self.poison(r);
            }
            let x = self.arg_as(&a.args[0], &F, "argument");
            let y = self.arg_as(&a.args[1], &F, "argument");
            let rel = match self.kw(a, "rel_tol") {
                Some(v) => self.arg_as(v, &F, "rel_tol"),
                None => Expr {
                    kind: ExprKind::Float(1e-9),
                    ty: F,
                    line,
                },
            };
            let abs = match self.kw(a, "abs_tol") {
                Some(v) => self.arg_as(v, &F, "abs_tol"),
                None => Expr {
                    kind: ExprKind::Float(0.0),
                    ty: F,
                    line,
                },
            };
            return Expr {
                kind: ExprKind::Rt {
                    path: "::matx::math::isclose".into(),
                    recv: None,
                    args: vec![x, y, rel, abs],
                    fallible: true,
                },
                ty: B,
                line,
            };
        }
        if name == "fsum" || name == "prod" {
            let Some(x) = a.args.first() else {
                self.error(r, format!("math.{name}() needs an iterable"));
                return self.poison(r);
            };
            let (xs, el) = self.iterable(x);
            let el = self.resolve(&el);
            let (path, ty) = match (name, el) {
                ("fsum", Ty::Float) => ("fsum", F),
                ("fsum", Ty::Int) => {
                    let line = xs.line;
                    return Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::math::fsum".into(),
                            recv: None,
                            args: vec![self.rt(
                                "ints_to_floats",
                                vec![xs],
                                Ty::list(F),
                                true,
                                line,
                            )],
                            fallible: true,
                        },
                        ty: F,
                        line,
                    };
                }
                ("prod", Ty::Int) => ("prod_int", I),
                ("prod", Ty::Float) => ("prod_float", F),
                (_, other) => {
                    self.error(
                        r,
                        format!("math.{name}() of `{}` values is not supported", other.py()),
                    );
                    return self.poison(r);
                }
            };
            return Expr {
                kind: ExprKind::Rt {
                    path: format!("::matx::math::{path}"),
                    recv: None,
                    args: vec![xs],
                    fallible: true,
                },
                ty,
                line,
            };
        }
        let Some((ptys, ret)) = sig else {
            self.error(r, format!("`math.{name}` is not supported"));
            return self.poison(r);
        };
        if a.args.len() != ptys.len() || !a.keywords.is_empty() {
            self.error(r, format!("math.{name}() takes {} argument(s)", ptys.len()));
            return self.poison(r);
        }
        let args = a
            .args
            .iter()
            .zip(&ptys)
            .map(|(x, t)| self.arg_as(x, t, &format!("math.{name}() argument")))
            .collect();
        Expr {
            kind: ExprKind::Rt {
                path: format!("::matx::math::{name}"),
                recv: None,
                args,
                fallible: true,
            },
            ty: ret,
            line,
        }
    }
}
