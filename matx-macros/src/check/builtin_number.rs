//! Numeric builtins the compiler lowers itself: `round`, `pow`, `int`, `float`.

use super::Checker;
use crate::ir::{Expr, ExprKind, RtFn};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::TextRange;

impl Checker<'_> {
    /// `round`, `pow`, `int`, `float`.
    pub(super) fn builtin_number(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        let args: Vec<&AExpr> = a.args.iter().collect();
        match name {
            "round" => {
                self.no_kw(a, &["ndigits"], name);
                if !self.nargs(a, 1, 2, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                let nd = args.get(1).copied().or(self.kw(a, "ndigits"));
                match (self.resolve(&x.ty), nd) {
                    (Ty::Int | Ty::Bool, None) => self.coerce(x, &Ty::Int, r, "round() argument"),
                    (Ty::Int | Ty::Bool, Some(n)) => {
                        let x = self.coerce(x, &Ty::Int, r, "round() argument");
                        let n = self.arg_as(n, &Ty::Int, "ndigits");
                        self.builtin_call(RtFn::RoundIntNd, vec![x, n], Ty::Int, line)
                    }
                    (Ty::Float, None) => {
                        self.builtin_call(RtFn::RoundFloat, vec![x], Ty::Int, line)
                    }
                    (Ty::Float, Some(n)) => {
                        let n = self.arg_as(n, &Ty::Int, "ndigits");
                        self.builtin_call(RtFn::RoundFloatNd, vec![x, n], Ty::Float, line)
                    }
                    (other, _) => {
                        self.error(r, format!("round() of `{}` is not supported", other.py()));
                        self.poison(r)
                    }
                }
            }
            "pow" => {
                if !self.nargs(a, 2, 3, name, r) {
                    return self.poison(r);
                }
                let (x, y) = (self.expr(args[0]), self.expr(args[1]));
                if let Some(m) = args.get(2) {
                    let x = self.coerce(x, &Ty::Int, r, "pow() argument");
                    let y = self.coerce(y, &Ty::Int, r, "pow() argument");
                    let m = self.arg_as(m, &Ty::Int, "pow() modulus");
                    return self.builtin_call(RtFn::PowMod, vec![x, y, m], Ty::Int, line);
                }
                self.binop(ast::Operator::Pow, x, y, r)
            }
            "int" => self.int_call(a, r),
            "float" => {
                if a.args.is_empty() {
                    return Expr {
                        kind: ExprKind::Float(0.0),
                        ty: Ty::Float,
                        line,
                    };
                }
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Float => x,
                    Ty::Int | Ty::Bool => self.coerce(x, &Ty::Float, r, "float() argument"),
                    Ty::Str => self.call_on(RtFn::FloatFromStr, x, vec![], Ty::Float, true, line),
                    Ty::Any => self.call_on(RtFn::AnyToFloat, x, vec![], Ty::Float, true, line),
                    other => {
                        self.error(
                            r,
                            format!(
                                "float() argument must be a string or a number, not `{}`",
                                other.py()
                            ),
                        );
                        self.poison(r)
                    }
                }
            }
            _ => self.poison(r),
        }
    }
}
