//! Conversion builtins: `str`, `repr`, `ascii`, `format`, `bool`, `list`, `set`, `dict`, `tuple`, `bytes`.

use super::Checker;
use crate::ir::{Expr, ExprKind, FmtPart, RtFn};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::TextRange;

impl Checker<'_> {
    /// Conversions between value types.
    pub(super) fn builtin_convert(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        let args: Vec<&AExpr> = a.args.iter().collect();
        match name {
            "str" => {
                if a.args.is_empty() {
                    return Expr {
                        kind: ExprKind::Str(String::new()),
                        ty: Ty::Str,
                        line,
                    };
                }
                if args.len() > 1 || !a.keywords.is_empty() {
                    // str(b, encoding) decodes.
                    let b = self.arg_as(args[0], &Ty::Bytes, "str() argument");
                    let enc = match args.get(1).copied().or(self.kw(a, "encoding")) {
                        Some(e) => self.arg_as(e, &Ty::Str, "encoding"),
                        None => Expr {
                            kind: ExprKind::Str("utf-8".into()),
                            ty: Ty::Str,
                            line,
                        },
                    };
                    let errors = match args.get(2).copied().or(self.kw(a, "errors")) {
                        Some(e) => self.arg_as(e, &Ty::Str, "errors"),
                        None => Expr {
                            kind: ExprKind::Str("strict".into()),
                            ty: Ty::Str,
                            line,
                        },
                    };
                    return Expr {
                        kind: ExprKind::Method {
                            recv: Box::new(b),
                            name: "decode".into(),
                            args: vec![enc, errors],
                            fallible: true,
                        },
                        ty: Ty::Str,
                        line,
                    };
                }
                let x = self.expr(args[0]);
                self.str_of(x)
            }
            "repr" | "ascii" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                let part = if name == "repr" {
                    FmtPart::Repr(x)
                } else {
                    FmtPart::Ascii(x)
                };
                Expr {
                    kind: ExprKind::Format(vec![part]),
                    ty: Ty::Str,
                    line,
                }
            }
            "format" => {
                if !self.nargs(a, 1, 2, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                let spec = match args.get(1) {
                    Some(s) => {
                        let e = self.arg_as(s, &Ty::Str, "format spec");
                        vec![FmtPart::Str(e)]
                    }
                    None => vec![],
                };
                Expr {
                    kind: ExprKind::Format(vec![FmtPart::Spec(x, spec)]),
                    ty: Ty::Str,
                    line,
                }
            }
            "bool" => {
                if a.args.is_empty() {
                    return Expr {
                        kind: ExprKind::Bool(false),
                        ty: Ty::Bool,
                        line,
                    };
                }
                let x = self.expr(args[0]);
                self.truth(x)
            }
            "list" | "set" => {
                if a.args.is_empty() {
                    let el = self.fresh();
                    return if name == "list" {
                        Expr {
                            kind: ExprKind::List(vec![]),
                            ty: Ty::list(el),
                            line,
                        }
                    } else {
                        Expr {
                            kind: ExprKind::Set(vec![]),
                            ty: Ty::set(el),
                            line,
                        }
                    };
                }
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                let el = self.elem_type(&x.ty, r);
                let x = self.iterable_value(x, r);
                if name == "list" {
                    self.call_on(RtFn::ToList, x, vec![], Ty::list(el), true, line)
                } else {
                    if !self.resolve(&el).is_hashable() {
                        self.error(r, "set elements must be hashable");
                    }
                    self.call_on(RtFn::ToSet, x, vec![], Ty::set(el), true, line)
                }
            }
            "dict" => {
                if a.args.is_empty() {
                    let mut items = Vec::new();
                    let (kt, vt) = (Ty::Str, self.fresh());
                    for k in a.keywords.iter() {
                        if let Some(n) = &k.arg {
                            let v = self.expr(&k.value);
                            let v = self.coerce_store(v, &vt, k.range, "dict value");
                            items.push((
                                Expr {
                                    kind: ExprKind::Str(n.id.to_string()),
                                    ty: Ty::Str,
                                    line,
                                },
                                v,
                            ));
                        }
                    }
                    let kt = if items.is_empty() { self.fresh() } else { kt };
                    return Expr {
                        kind: ExprKind::Dict(items),
                        ty: Ty::dict(kt, vt),
                        line,
                    };
                }
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Dict(..) => {
                        let t = x.ty.clone();
                        Expr {
                            kind: ExprKind::Method {
                                recv: Box::new(x),
                                name: "copy".into(),
                                args: vec![],
                                fallible: true,
                            },
                            ty: t,
                            line,
                        }
                    }
                    t => {
                        let el = self.elem_type(&t, r);
                        match self.resolve(&el) {
                            Ty::Tuple(kv) if kv.len() == 2 => {
                                let x = self.list_arg(x, r);
                                self.rt(
                                    RtFn::DictFromPairs,
                                    vec![x],
                                    Ty::dict(kv[0].clone(), kv[1].clone()),
                                    true,
                                    line,
                                )
                            }
                            other => {
                                self.error(
                                    r,
                                    format!("dict() needs pairs, not `{}` elements", other.py()),
                                );
                                self.poison(r)
                            }
                        }
                    }
                }
            }
            "tuple" => {
                if a.args.is_empty() {
                    return Expr {
                        kind: ExprKind::Tuple(vec![]),
                        ty: Ty::Tuple(vec![]),
                        line,
                    };
                }
                let x = self.expr(args[0]);
                if let Ty::Tuple(_) | Ty::TupleN(_) = self.resolve(&x.ty) {
                    return x;
                }
                // A length known only at run time: `Tuple[T, ...]`.
                let el = self.elem_type(&x.ty, r);
                let x = self.list_arg(x, r);
                self.rt(RtFn::TupleN, vec![x], Ty::TupleN(Box::new(el)), true, line)
            }
            "bytes" => {
                if a.args.is_empty() {
                    return Expr {
                        kind: ExprKind::Bytes(vec![]),
                        ty: Ty::Bytes,
                        line,
                    };
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Str => {
                        let enc = match args.get(1).copied().or(self.kw(a, "encoding")) {
                            Some(e) => self.arg_as(e, &Ty::Str, "encoding"),
                            None => {
                                self.error(r, "string argument without an encoding: write `bytes(s, \"utf-8\")` or `s.encode()`");
                                return self.poison(r);
                            }
                        };
                        let errors = Expr {
                            kind: ExprKind::Str("strict".into()),
                            ty: Ty::Str,
                            line,
                        };
                        Expr {
                            kind: ExprKind::Method {
                                recv: Box::new(x),
                                name: "encode".into(),
                                args: vec![enc, errors],
                                fallible: true,
                            },
                            ty: Ty::Bytes,
                            line,
                        }
                    }
                    Ty::Int => self.rt(RtFn::BytesZeros, vec![x], Ty::Bytes, true, line),
                    Ty::Bytes => x,
                    t => {
                        let el = self.elem_type(&t, r);
                        if self.resolve(&el) != Ty::Int {
                            self.error(r, "bytes() needs a list of ints");
                        }
                        let x = self.list_arg(x, r);
                        self.rt(RtFn::BytesFromList, vec![x], Ty::Bytes, true, line)
                    }
                }
            }
            _ => self.poison(r),
        }
    }
}
