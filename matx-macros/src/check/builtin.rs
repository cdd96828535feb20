//! Builtin functions (`len`, `sorted`, `int`, …), `math`, f-strings and the methods that need the compiler's help.

use super::call::Args;
use super::Checker;
use crate::ir::{Conv, Expr, ExprKind, FmtPart, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    fn kw<'a>(&self, a: &'a ast::Arguments, name: &str) -> Option<&'a AExpr> {
        a.keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|n| n.id.as_str() == name))
            .map(|k| &k.value)
    }

    fn no_kw(&mut self, a: &ast::Arguments, allowed: &[&str], fname: &str) {
        for k in a.keywords.iter() {
            if let Some(n) = &k.arg {
                if !allowed.contains(&n.id.as_str()) {
                    self.error(
                        k.range,
                        format!("`{fname}()` has no keyword argument `{}`", n.id),
                    );
                }
            }
        }
    }

    fn nargs(
        &mut self,
        a: &ast::Arguments,
        lo: usize,
        hi: usize,
        fname: &str,
        r: TextRange,
    ) -> bool {
        let n = a.args.len();
        if n < lo || n > hi {
            let want = if lo == hi {
                format!("{lo}")
            } else {
                format!("{lo} to {hi}")
            };
            self.error(
                r,
                format!("`{fname}()` takes {want} positional argument(s), {n} given"),
            );
            return false;
        }
        true
    }

    fn arg_as(&mut self, e: &AExpr, t: &Ty, what: &str) -> Expr {
        let x = self.expr_expecting(e, t);
        self.coerce(x, t, e.range(), what)
    }

    /// A materialised iterable argument (`sorted(x)`, `sum(x)`, …) and its element type.
    fn iterable(&mut self, e: &AExpr) -> (Expr, Ty) {
        let x = self.expr(e);
        let x = self.list_arg(x, e.range());
        let el = match self.resolve(&x.ty) {
            Ty::List(t) => *t,
            _ => self.fresh(),
        };
        (x, el)
    }

    pub fn builtin(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        let args: Vec<&AExpr> = a.args.iter().collect();
        match name {
            "print" => {
                self.no_kw(a, &["sep", "end"], name);
                let parts: Vec<Expr> = args
                    .iter()
                    .map(|x| {
                        let e = self.expr(x);
                        self.str_of(e)
                    })
                    .collect();
                let mut opt = |k: &str, d: &str| match self.kw(a, k) {
                    Some(v) => {
                        let e = self.expr(v);
                        self.coerce(e, &Ty::optional(Ty::Str), v.range(), k)
                    }
                    None => {
                        let s = Expr {
                            kind: ExprKind::Str(d.into()),
                            ty: Ty::Str,
                            line,
                        };
                        Expr {
                            kind: ExprKind::Convert(Conv::Some, Box::new(s)),
                            ty: Ty::optional(Ty::Str),
                            line,
                        }
                    }
                };
                let (sep, end) = (opt("sep", " "), opt("end", "\n"));
                let list = Expr {
                    kind: ExprKind::List(parts),
                    ty: Ty::list(Ty::Str),
                    line,
                };
                self.rt("print", vec![list, sep, end], Ty::None, true, line)
            }
            "len" => {
                self.no_kw(a, &[], name);
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Class(c) if self.find_method(&c, "__len__").is_some() => {
                        self.call_method_typed(x, "__len__", vec![], r)
                    }
                    Ty::Str
                    | Ty::Bytes
                    | Ty::List(_)
                    | Ty::Dict(..)
                    | Ty::Set(_)
                    | Ty::Range
                    | Ty::Any
                    | Ty::TupleN(_) => Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::len".into(),
                            recv: Some(Box::new(x)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: Ty::Int,
                        line,
                    },
                    Ty::Tuple(ts) => {
                        let st = Stmt {
                            kind: StmtKind::Let(self.tmp("t"), x),
                            line,
                        };
                        Expr {
                            kind: ExprKind::Block(
                                vec![st],
                                Box::new(Expr {
                                    kind: ExprKind::Int(ts.len() as i64),
                                    ty: Ty::Int,
                                    line,
                                }),
                            ),
                            ty: Ty::Int,
                            line,
                        }
                    }
                    other => {
                        self.error(r, format!("object of type `{}` has no len()", other.py()));
                        self.poison(r)
                    }
                }
            }
            "range" => {
                self.no_kw(a, &[], name);
                if !self.nargs(a, 1, 3, name, r) {
                    return self.poison(r);
                }
                let xs: Vec<Expr> = args
                    .iter()
                    .map(|x| self.arg_as(x, &Ty::Int, "range() argument"))
                    .collect();
                let int = |v| Expr {
                    kind: ExprKind::Int(v),
                    ty: Ty::Int,
                    line,
                };
                let mut it = xs.into_iter();
                let (s, e, st) = match (it.next(), it.next(), it.next()) {
                    (Some(stop), None, None) => (int(0), stop, int(1)),
                    (Some(a), Some(b), None) => (a, b, int(1)),
                    (Some(a), Some(b), Some(c)) => (a, b, c),
                    _ => (int(0), int(0), int(1)),
                };
                self.builtin_call("range", vec![s, e, st], Ty::Range, line)
            }
            "enumerate" => {
                self.no_kw(a, &["start"], name);
                if !self.nargs(a, 1, 2, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[0]);
                let start = match (args.get(1).copied(), self.kw(a, "start")) {
                    (Some(s), _) | (None, Some(s)) => self.arg_as(s, &Ty::Int, "start"),
                    _ => Expr {
                        kind: ExprKind::Int(0),
                        ty: Ty::Int,
                        line,
                    },
                };
                self.rt(
                    "enumerate",
                    vec![x, start],
                    Ty::list(Ty::Tuple(vec![Ty::Int, el])),
                    true,
                    line,
                )
            }
            "zip" => {
                self.no_kw(a, &[], name);
                if !(1..=4).contains(&args.len()) {
                    self.error(r, "`zip()` is supported with 1 to 4 iterables");
                    return self.poison(r);
                }
                let (xs, tys): (Vec<Expr>, Vec<Ty>) = args.iter().map(|x| self.iterable(x)).unzip();
                let f = format!("zip{}", xs.len());
                self.rt(&f, xs, Ty::list(Ty::Tuple(tys)), true, line)
            }
            "sorted" | "min" | "max" => self.ordering(name, a, r),
            "reversed" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[0]);
                self.rt("reversed", vec![x], Ty::list(el), true, line)
            }
            "sum" => {
                self.no_kw(a, &["start"], name);
                if !self.nargs(a, 1, 2, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[0]);
                let el = self.resolve(&el);
                let start = args.get(1).copied().or(self.kw(a, "start"));
                match el {
                    Ty::Int | Ty::Bool => {
                        let x = if el == Ty::Bool {
                            self.rt("bools_to_ints", vec![x], Ty::list(Ty::Int), true, line)
                        } else {
                            x
                        };
                        match start.map(|s| self.expr(s)) {
                            Some(s) if self.resolve(&s.ty) == Ty::Float => self.rt(
                                "sum_float",
                                vec![
                                    self.rt(
                                        "ints_to_floats",
                                        vec![x],
                                        Ty::list(Ty::Float),
                                        true,
                                        line,
                                    ),
                                    s,
                                ],
                                Ty::Float,
                                true,
                                line,
                            ),
                            Some(s) => {
                                let s = self.coerce(s, &Ty::Int, r, "start");
                                self.rt("sum_int", vec![x, s], Ty::Int, true, line)
                            }
                            None => self.rt(
                                "sum_int",
                                vec![
                                    x,
                                    Expr {
                                        kind: ExprKind::Int(0),
                                        ty: Ty::Int,
                                        line,
                                    },
                                ],
                                Ty::Int,
                                true,
                                line,
                            ),
                        }
                    }
                    Ty::Float => {
                        let s = match start {
                            Some(s) => self.arg_as(s, &Ty::Float, "start"),
                            None => Expr {
                                kind: ExprKind::Convert(
                                    Conv::IntToFloat,
                                    Box::new(Expr {
                                        kind: ExprKind::Int(0),
                                        ty: Ty::Int,
                                        line,
                                    }),
                                ),
                                ty: Ty::Float,
                                line,
                            },
                        };
                        self.rt("sum_float", vec![x, s], Ty::Float, true, line)
                    }
                    other => {
                        self.error(
                            r,
                            format!(
                                "`sum()` of `{}` values is not supported: sum numbers",
                                other.py()
                            ),
                        );
                        self.poison(r)
                    }
                }
            }
            "any" | "all" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                self.any_all(name == "any", args[0], r)
            }
            "map" if args.len() == 3 => {
                let (x, ea) = self.iterable(args[1]);
                let (y, eb) = self.iterable(args[2]);
                let ret = self.fresh();
                let fty = Ty::Func(vec![ea, eb], Box::new(ret.clone()));
                let f = self.arg_as(args[0], &fty, "map() function");
                let ret = self.resolve(&ret);
                self.rt("map2", vec![x, y, f], Ty::list(ret), true, line)
            }
            "map" => {
                if !self.nargs(a, 2, 3, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[1]);
                let ret = self.fresh();
                let fty = Ty::Func(vec![el], Box::new(ret.clone()));
                let f = self.arg_as(args[0], &fty, "map() function");
                let ret = self.resolve(&ret);
                self.rt("map", vec![x, f], Ty::list(ret), true, line)
            }
            "filter" => {
                if !self.nargs(a, 2, 2, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[1]);
                if matches!(args[0], AExpr::NoneLiteral(_)) {
                    return self.rt("filter_truthy", vec![x], Ty::list(el), true, line);
                }
                let ret = self.fresh();
                let fty = Ty::Func(vec![el.clone()], Box::new(ret.clone()));
                let f = self.arg_as(args[0], &fty, "filter() function");
                if self.resolve(&ret) == Ty::Bool {
                    self.rt("filter", vec![x, f], Ty::list(el), true, line)
                } else {
                    self.rt("filter_by_truth", vec![x, f], Ty::list(el), true, line)
                }
            }
            "abs" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Float => Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::builtins::abs_float".into(),
                            recv: None,
                            args: vec![x],
                            fallible: false,
                        },
                        ty: Ty::Float,
                        line,
                    },
                    Ty::Int | Ty::Bool => {
                        let x = self.coerce(x, &Ty::Int, r, "abs() argument");
                        self.builtin_call("abs_int", vec![x], Ty::Int, line)
                    }
                    other => {
                        self.error(r, format!("bad operand type for abs(): `{}`", other.py()));
                        self.poison(r)
                    }
                }
            }
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
                        self.builtin_call("round_int_nd", vec![x, n], Ty::Int, line)
                    }
                    (Ty::Float, None) => self.builtin_call("round_float", vec![x], Ty::Int, line),
                    (Ty::Float, Some(n)) => {
                        let n = self.arg_as(n, &Ty::Int, "ndigits");
                        self.builtin_call("round_float_nd", vec![x, n], Ty::Float, line)
                    }
                    (other, _) => {
                        self.error(r, format!("round() of `{}` is not supported", other.py()));
                        self.poison(r)
                    }
                }
            }
            "divmod" => {
                if !self.nargs(a, 2, 2, name, r) {
                    return self.poison(r);
                }
                let (x, y) = (self.expr(args[0]), self.expr(args[1]));
                if self.resolve(&x.ty) == Ty::Float || self.resolve(&y.ty) == Ty::Float {
                    let x = self.coerce(x, &Ty::Float, r, "divmod() argument");
                    let y = self.coerce(y, &Ty::Float, r, "divmod() argument");
                    self.builtin_call(
                        "divmod_float",
                        vec![x, y],
                        Ty::Tuple(vec![Ty::Float, Ty::Float]),
                        line,
                    )
                } else {
                    let x = self.coerce(x, &Ty::Int, r, "divmod() argument");
                    let y = self.coerce(y, &Ty::Int, r, "divmod() argument");
                    self.builtin_call(
                        "divmod_int",
                        vec![x, y],
                        Ty::Tuple(vec![Ty::Int, Ty::Int]),
                        line,
                    )
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
                    return self.builtin_call("pow_mod", vec![x, y, m], Ty::Int, line);
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
                    Ty::Str => Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::builtins::float_from_str".into(),
                            recv: Some(Box::new(x)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: Ty::Float,
                        line,
                    },
                    Ty::Any => Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::any_to_float".into(),
                            recv: Some(Box::new(x)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: Ty::Float,
                        line,
                    },
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
            "ord" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                match self.resolve(&x.ty) {
                    Ty::Bytes => self.rt("ord_bytes", vec![x], Ty::Int, true, line),
                    _ => {
                        let x = self.coerce(x, &Ty::Str, r, "ord() argument");
                        Expr {
                            kind: ExprKind::Rt {
                                path: "::matx::builtins::ord".into(),
                                recv: Some(Box::new(x)),
                                args: vec![],
                                fallible: true,
                            },
                            ty: Ty::Int,
                            line,
                        }
                    }
                }
            }
            "chr" | "hex" | "oct" | "bin" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.arg_as(args[0], &Ty::Int, &format!("{name}() argument"));
                self.builtin_call(name, vec![x], Ty::Str, line)
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
                    Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::to_list".into(),
                            recv: Some(Box::new(x)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: Ty::list(el),
                        line,
                    }
                } else {
                    if !self.resolve(&el).is_hashable() {
                        self.error(r, "set elements must be hashable");
                    }
                    Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::to_set".into(),
                            recv: Some(Box::new(x)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: Ty::set(el),
                        line,
                    }
                }
            }
            "dict" => {
                if a.args.is_empty() {
                    let mut items = Vec::new();
                    let (kt, vt) = (Ty::Str, self.fresh());
                    for k in a.keywords.iter() {
                        if let Some(n) = &k.arg {
                            let v = self.expr(&k.value);
                            let v = self.coerce(v, &vt, k.range, "dict value");
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
                                    "dict_from_pairs",
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
                self.rt("tuple_n", vec![x], Ty::TupleN(Box::new(el)), true, line)
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
                    Ty::Int => self.rt("bytes_zeros", vec![x], Ty::Bytes, true, line),
                    Ty::Bytes => x,
                    t => {
                        let el = self.elem_type(&t, r);
                        if self.resolve(&el) != Ty::Int {
                            self.error(r, "bytes() needs a list of ints");
                        }
                        let x = self.list_arg(x, r);
                        self.rt("bytes_from_list", vec![x], Ty::Bytes, true, line)
                    }
                }
            }
            "isinstance" => self.isinstance(a, r),
            "iter" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let x = self.expr(args[0]);
                if let Ty::Iter(_) = self.resolve(&x.ty) {
                    return x;
                }
                let el = self.elem_type(&x.ty, r);
                let x = self.iterable_value(x, r);
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::make_iter".into(),
                        recv: Some(Box::new(x)),
                        args: vec![],
                        fallible: true,
                    },
                    ty: Ty::Iter(Box::new(el)),
                    line,
                }
            }
            "next" => {
                if !self.nargs(a, 1, 2, name, r) {
                    return self.poison(r);
                }
                let it = self.expr(args[0]);
                let Ty::Iter(el) = self.resolve(&it.ty) else {
                    let t = self.resolve(&it.ty);
                    self.error(
                        r,
                        format!("next() needs an iterator (`iter(x)`), not `{}`", t.py()),
                    );
                    return self.poison(r);
                };
                match args.get(1) {
                    None => Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::next".into(),
                            recv: Some(Box::new(it)),
                            args: vec![],
                            fallible: true,
                        },
                        ty: *el,
                        line,
                    },
                    Some(d) => {
                        let d = self.expr_expecting(d, &el);
                        let (dt, elr) = (self.resolve(&d.ty), self.resolve(&el));
                        if dt == Ty::None && !matches!(elr, Ty::Optional(_)) {
                            // next(it, None): Optional of the element.
                            let some = Expr {
                                kind: ExprKind::Rt {
                                    path: "::matx::rt::next_opt".into(),
                                    recv: Some(Box::new(it)),
                                    args: vec![],
                                    fallible: true,
                                },
                                ty: Ty::optional(elr.clone()),
                                line,
                            };
                            return some;
                        }
                        let d = self.coerce_store(d, &el, r, "default");
                        Expr {
                            kind: ExprKind::Rt {
                                path: "::matx::rt::next_or".into(),
                                recv: Some(Box::new(it)),
                                args: vec![d],
                                fallible: true,
                            },
                            ty: *el,
                            line,
                        }
                    }
                }
            }
            "input" | "open" | "eval" | "exec" | "globals" | "locals" | "vars" | "id" | "hash"
            | "type" | "getattr" | "setattr" | "hasattr" => {
                self.error(r, format!("`{name}()` is not supported in scripts"));
                self.poison(r)
            }
            _ => {
                self.error(r, format!("unknown function `{name}`"));
                self.poison(r)
            }
        }
    }

    fn int_call(&mut self, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        if a.args.is_empty() {
            return Expr {
                kind: ExprKind::Int(0),
                ty: Ty::Int,
                line,
            };
        }
        self.no_kw(a, &["base"], "int");
        let x = self.expr(&a.args[0]);
        let base = a.args.get(1).or(self.kw(a, "base"));
        match (self.resolve(&x.ty), base) {
            (Ty::Str, b) => {
                let b = match b {
                    Some(b) => self.arg_as(b, &Ty::Int, "base"),
                    None => Expr {
                        kind: ExprKind::Int(10),
                        ty: Ty::Int,
                        line,
                    },
                };
                Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::builtins::int_from_str".into(),
                        recv: Some(Box::new(x)),
                        args: vec![b],
                        fallible: true,
                    },
                    ty: Ty::Int,
                    line,
                }
            }
            (Ty::Int, None) => x,
            (Ty::Bool, None) => self.coerce(x, &Ty::Int, r, "int() argument"),
            (Ty::Float, None) => self.builtin_call("int_from_float", vec![x], Ty::Int, line),
            (Ty::Any, None) => Expr {
                kind: ExprKind::Rt {
                    path: "::matx::rt::any_to_int".into(),
                    recv: Some(Box::new(x)),
                    args: vec![],
                    fallible: true,
                },
                ty: Ty::Int,
                line,
            },
            (other, _) => {
                self.error(
                    r,
                    format!(
                        "int() argument must be a string or a number, not `{}`",
                        other.py()
                    ),
                );
                self.poison(r)
            }
        }
    }

    fn ordering(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        self.no_kw(
            a,
            if name == "sorted" {
                &["key", "reverse"]
            } else {
                &["key", "default"]
            },
            name,
        );
        if a.args.is_empty() {
            self.error(r, format!("`{name}()` expects at least one argument"));
            return self.poison(r);
        }
        let (list, el) = if a.args.len() == 1 {
            self.iterable(&a.args[0])
        } else {
            if name == "sorted" {
                self.error(r, "`sorted()` takes one iterable");
                return self.poison(r);
            }
            let el = self.fresh();
            let xs: Vec<Expr> = a.args.iter().map(|x| self.expr(x)).collect();
            if xs.iter().any(|x| self.resolve(&x.ty) == Ty::Float)
                && xs.iter().all(|x| self.resolve(&x.ty).is_numeric())
            {
                self.unify(&el, &Ty::Float);
            }
            let xs = xs
                .into_iter()
                .zip(a.args.iter())
                .map(|(x, ae)| self.coerce(x, &el, ae.range(), "argument"))
                .collect();
            (
                Expr {
                    kind: ExprKind::List(xs),
                    ty: Ty::list(el.clone()),
                    line,
                },
                el,
            )
        };
        let reverse = match self.kw(a, "reverse") {
            Some(v) => {
                let e = self.expr(v);
                self.truth(e)
            }
            None => Expr {
                kind: ExprKind::Bool(false),
                ty: Ty::Bool,
                line,
            },
        };
        let key = self
            .kw(a, "key")
            .filter(|k| !matches!(k, AExpr::NoneLiteral(_)))
            .map(|k| {
                let kt = self.fresh();
                let f = self.arg_as(
                    k,
                    &Ty::Func(vec![el.clone()], Box::new(kt.clone())),
                    "key function",
                );
                if !self.resolve(&kt).is_ordered() {
                    let t = self.resolve(&kt);
                    self.error(
                        k.range(),
                        format!("key values of type `{}` cannot be ordered", t.py()),
                    );
                }
                f
            });
        if key.is_none()
            && !self.resolve(&el).is_ordered()
            && !matches!(self.resolve(&el), Ty::Var(_))
        {
            let t = self.resolve(&el);
            self.error(
                r,
                format!(
                    "`{name}()` needs values that can be ordered, not `{}`",
                    t.py()
                ),
            );
        }
        let el_r = self.resolve(&el);
        match name {
            "sorted" => match key {
                Some(k) => self.rt(
                    "sorted_by_key",
                    vec![list, k, reverse],
                    Ty::list(el_r),
                    true,
                    line,
                ),
                None => self.rt("sorted", vec![list, reverse], Ty::list(el_r), true, line),
            },
            _ => {
                let default = self
                    .kw(a, "default")
                    .map(|d| self.arg_as(d, &el, "default"));
                let base = if name == "min" { "min" } else { "max" };
                // min(a, b, c): pairwise, first of equals wins, no list built.
                if key.is_none() && default.is_none() && a.args.len() > 1 {
                    if let ExprKind::List(xs) = list.kind {
                        let mut it = xs.into_iter();
                        let mut acc = match it.next() {
                            Some(x) => x,
                            None => return self.poison(r),
                        };
                        for x in it {
                            acc = self.builtin_call(
                                &format!("{base}2"),
                                vec![acc, x],
                                el_r.clone(),
                                line,
                            );
                        }
                        return acc;
                    }
                    return self.poison(r);
                }
                match (key, default) {
                    (Some(k), None) => {
                        self.rt(&format!("{base}_by_key"), vec![list, k], el_r, true, line)
                    }
                    (None, None) => self.rt(base, vec![list], el_r, true, line),
                    (k, Some(d)) => {
                        let k = k.map(|k| self.optional_func(k, line));
                        let k = k.unwrap_or_else(|| Expr {
                            kind: ExprKind::NoneLit,
                            ty: Ty::optional(Ty::Func(vec![el_r.clone()], Box::new(el_r.clone()))),
                            line,
                        });
                        self.rt(
                            &format!("{base}_default"),
                            vec![list, k, d],
                            el_r,
                            true,
                            line,
                        )
                    }
                }
            }
        }
    }

    fn optional_func(&self, f: Expr, line: u32) -> Expr {
        let ty = Ty::optional(f.ty.clone());
        Expr {
            kind: ExprKind::Convert(Conv::Some, Box::new(f)),
            ty,
            line,
        }
    }

    /// `any(...)`/`all(...)`; a generator argument short-circuits like Python's.
    fn any_all(&mut self, any: bool, arg: &AExpr, r: TextRange) -> Expr {
        let line = self.line(r);
        if let AExpr::Generator(g) = arg {
            if g.generators.len() == 1 && g.generators[0].ifs.is_empty() {
                // any(f(x) for x in xs) -> rt::any_fn(xs, |x| f(x))
                let gen = &g.generators[0];
                let (xs, el) = self.iterable(&gen.iter);
                if let AExpr::Name(n) = &gen.target {
                    let param = n.id.to_string();
                    let line2 = line;
                    let (body, locals, captures, _) = self.closure_body(
                        &[(param.clone(), el.clone())],
                        Ty::Bool,
                        |ck| {
                            let v = ck.expr(&g.elt);
                            let v = ck.truth(v);
                            vec![Stmt {
                                kind: StmtKind::Return(Some(v)),
                                line: line2,
                            }]
                        },
                        r,
                    );
                    let f = Expr {
                        kind: ExprKind::Lambda {
                            params: vec![(param, el.clone())],
                            ret: Ty::Bool,
                            body,
                            captures,
                            locals,
                        },
                        ty: Ty::Func(vec![el], Box::new(Ty::Bool)),
                        line,
                    };
                    return self.rt(
                        if any { "any_fn" } else { "all_fn" },
                        vec![xs, f],
                        Ty::Bool,
                        true,
                        line,
                    );
                }
            }
        }
        let (xs, _) = self.iterable(arg);
        self.rt(
            if any { "any" } else { "all" },
            vec![xs],
            Ty::Bool,
            true,
            line,
        )
    }

    fn isinstance(&mut self, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        if a.args.len() != 2 {
            self.error(r, "isinstance() takes 2 arguments");
            return self.poison(r);
        }
        let x = self.expr(&a.args[0]);
        let xt = self.resolve(&x.ty);
        let names: Vec<&AExpr> = match &a.args[1] {
            AExpr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut result: Option<bool> = Some(false);
        let mut dynamic: Option<String> = None;
        for n in names {
            let AExpr::Name(n) = n else {
                self.error(n.range(), "isinstance() needs a type name");
                return self.poison(r);
            };
            let matches = match (n.id.as_str(), &xt) {
                ("int", Ty::Int | Ty::Bool)
                | ("float", Ty::Float)
                | ("bool", Ty::Bool)
                | ("str", Ty::Str)
                | ("bytes", Ty::Bytes) => Some(true),
                ("list", Ty::List(_))
                | ("dict", Ty::Dict(..))
                | ("set", Ty::Set(_))
                | ("tuple", Ty::Tuple(_)) => Some(true),
                ("object", _) => Some(true),
                (
                    "int" | "float" | "bool" | "str" | "bytes" | "list" | "dict" | "set" | "tuple",
                    Ty::Any | Ty::Optional(_),
                ) => None,
                (
                    "int" | "float" | "bool" | "str" | "bytes" | "list" | "dict" | "set" | "tuple",
                    _,
                ) => Some(false),
                (c, Ty::Class(xc)) if self.classes.contains_key(c) => {
                    if self.derives(xc, c) {
                        Some(true)
                    } else if self.derives(c, xc) {
                        dynamic = Some(c.to_string());
                        None
                    } else {
                        Some(false)
                    }
                }
                (c, _) if self.classes.contains_key(c) => Some(false),
                (c, _) => {
                    self.error(n.range, format!("isinstance() with `{c}` is not supported"));
                    Some(false)
                }
            };
            match matches {
                Some(true) => result = Some(true),
                Some(false) => {}
                None => {
                    if result != Some(true) {
                        result = None
                    }
                }
            }
        }
        if result.is_none() && dynamic.is_none() {
            if let Ty::Any = xt {
                let mut acc: Option<Expr> = None;
                let tmp = self.tmp("v");
                let local = Expr {
                    kind: ExprKind::Local(tmp.clone()),
                    ty: Ty::Any,
                    line,
                };
                let names: Vec<String> = match &a.args[1] {
                    AExpr::Tuple(t) => t
                        .elts
                        .iter()
                        .filter_map(|e| {
                            if let AExpr::Name(n) = e {
                                Some(n.id.to_string())
                            } else {
                                None
                            }
                        })
                        .collect(),
                    AExpr::Name(n) => vec![n.id.to_string()],
                    _ => vec![],
                };
                for n in names {
                    let lit = Expr {
                        kind: ExprKind::Str(n),
                        ty: Ty::Str,
                        line,
                    };
                    let test = Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::any_isinstance".into(),
                            recv: Some(Box::new(local.clone())),
                            args: vec![Expr {
                                kind: ExprKind::Rt {
                                    path: "::matx::Str::as_str".into(),
                                    recv: Some(Box::new(lit)),
                                    args: vec![],
                                    fallible: false,
                                },
                                ty: Ty::Str,
                                line,
                            }],
                            fallible: false,
                        },
                        ty: Ty::Bool,
                        line,
                    };
                    acc = Some(match acc {
                        None => test,
                        Some(p) => Expr {
                            kind: ExprKind::BoolOp {
                                and: false,
                                left: Box::new(p),
                                right: Box::new(test),
                            },
                            ty: Ty::Bool,
                            line,
                        },
                    });
                }
                let body = acc.unwrap_or(Expr {
                    kind: ExprKind::Bool(false),
                    ty: Ty::Bool,
                    line,
                });
                let st = Stmt {
                    kind: StmtKind::Let(tmp, x),
                    line,
                };
                return Expr {
                    kind: ExprKind::Block(vec![st], Box::new(body)),
                    ty: Ty::Bool,
                    line,
                };
            }
            if let Ty::Optional(inner) = &xt {
                // isinstance(x, T) on Optional[T]: true exactly when not None.
                let inner = self.resolve(inner);
                let _ = inner;
                let e = self.rt("is_none", vec![x], Ty::Bool, false, line);
                return Expr {
                    kind: ExprKind::Not(Box::new(e)),
                    ty: Ty::Bool,
                    line,
                };
            }
        }
        match (result, dynamic) {
            (Some(b), _) => {
                let st = Stmt {
                    kind: StmtKind::Let(self.tmp("v"), x),
                    line,
                };
                Expr {
                    kind: ExprKind::Block(
                        vec![st],
                        Box::new(Expr {
                            kind: ExprKind::Bool(b),
                            ty: Ty::Bool,
                            line,
                        }),
                    ),
                    ty: Ty::Bool,
                    line,
                }
            }
            (None, Some(c)) => Expr {
                kind: ExprKind::IsInstance(Box::new(x), c),
                ty: Ty::Bool,
                line,
            },
            (None, None) => {
                self.error(
                    r,
                    format!("isinstance() on a `{}` value is not supported yet", xt.py()),
                );
                self.poison(r)
            }
        }
    }

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

    /// Methods that need the compiler: `str.format`, `list.sort`, `dict.fromkeys`; None for ordinary stub methods.
    pub fn special_method(
        &mut self,
        recv: &Expr,
        t: &Ty,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Option<Expr> {
        let line = self.line(r);
        match (t, name) {
            (Ty::Str, "format") => {
                let args = a.args.iter().map(|x| self.expr(x)).collect();
                let kwargs = a
                    .keywords
                    .iter()
                    .filter_map(|k| {
                        k.arg
                            .as_ref()
                            .map(|n| (n.id.to_string(), self.expr(&k.value)))
                    })
                    .collect();
                Some(Expr {
                    kind: ExprKind::FormatCall {
                        template: Box::new(recv.clone()),
                        args,
                        kwargs,
                        percent: false,
                    },
                    ty: Ty::Str,
                    line,
                })
            }
            (Ty::Str, "translate") if a.args.len() == 1 && a.keywords.is_empty() => {
                let table = self.expr(&a.args[0]);
                if self.has_var(&table.ty) {
                    // `s.translate({})`: the default table type.
                    let t = table.ty.clone();
                    self.unify(&t, &Ty::dict(Ty::Int, Ty::optional(Ty::Str)));
                }
                let ok = match self.resolve(&table.ty) {
                    Ty::Dict(k, v) => {
                        *k == Ty::Int
                            && match self.resolve(&v) {
                                Ty::Str | Ty::Int => true,
                                Ty::Optional(i) => matches!(self.resolve(&i), Ty::Str | Ty::Int),
                                _ => false,
                            }
                    }
                    _ => false,
                };
                if !ok {
                    let t = self.resolve(&table.ty);
                    self.error(r, format!("str.translate() needs a `Dict[int, str]`, `Dict[int, int]` or `Dict[int, Optional[...]]` table, not `{}`", t.py()));
                }
                Some(Expr {
                    kind: ExprKind::Rt {
                        path: "::matx::rt::translate".into(),
                        recv: Some(Box::new(recv.clone())),
                        args: vec![table],
                        fallible: true,
                    },
                    ty: Ty::Str,
                    line,
                })
            }
            (Ty::Str, "format_map") if a.args.len() == 1 => {
                let d = self.expr(&a.args[0]);
                match self.resolve(&d.ty) {
                    Ty::Dict(k, _) if *k == Ty::Str => Some(Expr {
                        kind: ExprKind::Rt {
                            path: "::matx::rt::format_map".into(),
                            recv: Some(Box::new(recv.clone())),
                            args: vec![d],
                            fallible: true,
                        },
                        ty: Ty::Str,
                        line,
                    }),
                    other => {
                        self.error(
                            r,
                            format!(
                                "format_map() needs a `Dict[str, ...]`, not `{}`",
                                other.py()
                            ),
                        );
                        Some(self.poison(r))
                    }
                }
            }
            (Ty::List(el), "sort") => {
                self.no_kw(a, &["key", "reverse"], "sort");
                if !a.args.is_empty() {
                    self.error(r, "list.sort() takes keyword arguments only");
                }
                let reverse = match self.kw(a, "reverse") {
                    Some(v) => {
                        let e = self.expr(v);
                        self.truth(e)
                    }
                    None => Expr {
                        kind: ExprKind::Bool(false),
                        ty: Ty::Bool,
                        line,
                    },
                };
                let key = self
                    .kw(a, "key")
                    .filter(|k| !matches!(k, AExpr::NoneLiteral(_)));
                let e = match key {
                    Some(k) => {
                        let kt = self.fresh();
                        let f = self.arg_as(
                            k,
                            &Ty::Func(vec![(**el).clone()], Box::new(kt)),
                            "key function",
                        );
                        self.rt(
                            "sort_by_key",
                            vec![recv.clone(), f, reverse],
                            Ty::None,
                            true,
                            line,
                        )
                    }
                    None => {
                        if !self.resolve(el).is_ordered() {
                            let t = self.resolve(el);
                            self.error(
                                r,
                                format!(
                                    "list.sort() needs values that can be ordered, not `{}`",
                                    t.py()
                                ),
                            );
                        }
                        Expr {
                            kind: ExprKind::Method {
                                recv: Box::new(recv.clone()),
                                name: "sort".into(),
                                args: vec![reverse],
                                fallible: true,
                            },
                            ty: Ty::None,
                            line,
                        }
                    }
                };
                Some(e)
            }
            _ => None,
        }
    }

    /// `str.join(...)`-style calls through the type and `dict.fromkeys`.
    pub fn type_static(
        &mut self,
        tname: &str,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        if tname == "dict" && name == "fromkeys" {
            if a.args.is_empty() || a.args.len() > 2 {
                self.error(r, "dict.fromkeys() takes an iterable and an optional value");
                return self.poison(r);
            }
            let (keys, kt) = self.iterable(&a.args[0]);
            let value = match a.args.get(1) {
                Some(v) => self.expr(v),
                None => Expr {
                    kind: ExprKind::NoneLit,
                    ty: Ty::None,
                    line,
                },
            };
            let vt = value.ty.clone();
            self.check_key_type(&kt, r);
            return self.rt(
                "dict_fromkeys",
                vec![keys, value],
                Ty::dict(kt, vt),
                true,
                line,
            );
        }
        if tname == "str" && name == "maketrans" {
            if !(2..=3).contains(&a.args.len()) {
                self.error(r, "str.maketrans() is supported with two or three strings");
                return self.poison(r);
            }
            let x = self.arg_as(&a.args[0], &Ty::Str, "maketrans() argument");
            let y = self.arg_as(&a.args[1], &Ty::Str, "maketrans() argument");
            let z = match a.args.get(2) {
                Some(z) => {
                    let z = self.arg_as(z, &Ty::Str, "maketrans() argument");
                    Expr {
                        kind: ExprKind::Convert(crate::ir::Conv::Some, Box::new(z)),
                        ty: Ty::optional(Ty::Str),
                        line,
                    }
                }
                None => Expr {
                    kind: ExprKind::NoneLit,
                    ty: Ty::optional(Ty::Str),
                    line,
                },
            };
            return self.rt(
                "maketrans",
                vec![x, y, z],
                Ty::dict(Ty::Int, Ty::optional(Ty::Int)),
                true,
                line,
            );
        }
        if tname == "str" || tname == "bytes" {
            // str.upper(s) == s.upper()
            let Some(first) = a.args.first() else {
                self.error(
                    r,
                    format!("`{tname}.{name}()` needs a {tname} as first argument"),
                );
                return self.poison(r);
            };
            let t = if tname == "str" { Ty::Str } else { Ty::Bytes };
            let recv = self.arg_as(first, &t, "self");
            let rest = Args {
                pos: a.args.iter().skip(1).collect(),
                kw: a
                    .keywords
                    .iter()
                    .filter_map(|k| k.arg.as_ref().map(|n| (n.id.as_str(), &k.value, k.range)))
                    .collect(),
            };
            return self.stub_call(recv, tname, &t, name, &rest, r);
        }
        self.error(r, format!("`{tname}.{name}` is not supported"));
        self.poison(r)
    }

    /// Tuple methods `count` and `index` (tuples of one element type).
    pub fn tuple_method(
        &mut self,
        recv: Expr,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        let Ty::Tuple(ts) = self.resolve(&recv.ty) else {
            return self.poison(r);
        };
        if !matches!(name, "count" | "index") {
            self.error(r, format!("tuple has no method `{name}`"));
            return self.poison(r);
        }
        if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) && a.args.len() > 1 && name == "index" {
            // t.index(x, start, end): through the run-time tuple.
            let el = ts[0].clone();
            let recv = self.iterable_value(recv, r);
            let tn = self.rt(
                "tuple_n",
                vec![recv],
                Ty::TupleN(Box::new(el.clone())),
                true,
                line,
            );
            let x = self.arg_as(&a.args[0], &el, "value");
            let start = self.arg_as(&a.args[1], &Ty::Int, "start");
            let end = match a.args.get(2) {
                Some(e) => self.arg_as(e, &Ty::Int, "end"),
                None => Expr {
                    kind: ExprKind::Int(i64::MAX),
                    ty: Ty::Int,
                    line,
                },
            };
            return self.mk(
                ExprKind::Method {
                    recv: Box::new(tn),
                    name: "index_range".into(),
                    args: vec![x, start, end],
                    fallible: true,
                },
                Ty::Int,
                r,
            );
        }
        if ts.is_empty() || !ts.iter().all(|t| *t == ts[0]) || a.args.len() != 1 {
            self.error(
                r,
                format!(
                    "tuple.{name}() is supported on tuples of one element type, with one argument"
                ),
            );
            return self.poison(r);
        }
        let x = self.arg_as(&a.args[0], &ts[0], "value");
        self.rt(&format!("tuple_{name}"), vec![recv, x], Ty::Int, true, line)
    }

    /// An f-string.
    pub fn fstring(&mut self, f: &ast::ExprFString) -> Expr {
        let line = self.line(f.range);
        let mut parts = Vec::new();
        for p in f.value.iter() {
            match p {
                ast::FStringPart::Literal(l) => parts.push(FmtPart::Lit(l.value.to_string())),
                ast::FStringPart::FString(fs) => {
                    let ps = self.fstring_elements(&fs.elements);
                    parts.extend(ps);
                }
            }
        }
        Expr {
            kind: ExprKind::Format(parts),
            ty: Ty::Str,
            line,
        }
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> Vec<FmtPart> {
        let mut parts = Vec::new();
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    parts.push(FmtPart::Lit(l.value.to_string()))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        // f"{x=}": the expression text, then its repr unless a conversion/spec says otherwise.
                        parts.push(FmtPart::Lit(d.as_str().to_string()));
                    }
                    let e = self.expr(&i.expression);
                    let part = match (i.conversion, &i.format_spec) {
                        (ast::ConversionFlag::Repr, None) => FmtPart::Repr(e),
                        (ast::ConversionFlag::Ascii, None) => FmtPart::Ascii(e),
                        (ast::ConversionFlag::Str, None) => FmtPart::Str(e),
                        (ast::ConversionFlag::None, None) if i.debug_text.is_some() => {
                            FmtPart::Repr(e)
                        }
                        (ast::ConversionFlag::None, None) => FmtPart::Str(e),
                        (conv, Some(spec)) => {
                            let spec_parts = self.fstring_elements(&spec.elements);
                            let e = match conv {
                                ast::ConversionFlag::Repr => Expr {
                                    kind: ExprKind::Format(vec![FmtPart::Repr(e)]),
                                    ty: Ty::Str,
                                    line: self.line(i.range),
                                },
                                ast::ConversionFlag::Str => self.str_of(e),
                                ast::ConversionFlag::Ascii => Expr {
                                    kind: ExprKind::Format(vec![FmtPart::Ascii(e)]),
                                    ty: Ty::Str,
                                    line: self.line(i.range),
                                },
                                ast::ConversionFlag::None => e,
                            };
                            FmtPart::Spec(e, spec_parts)
                        }
                    };
                    parts.push(part);
                }
            }
        }
        parts
    }
}
