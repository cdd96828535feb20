//! Builtin functions (`len`, `sorted`, `int`, …), `math`, f-strings and the methods that need the compiler's help.

use super::Checker;
use crate::ir::{Conv, Expr, ExprKind, RtFn, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub(super) fn kw<'a>(&self, a: &'a ast::Arguments, name: &str) -> Option<&'a AExpr> {
        a.keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|n| n.id.as_str() == name))
            .map(|k| &k.value)
    }

    pub(super) fn no_kw(&mut self, a: &ast::Arguments, allowed: &[&str], fname: &str) {
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

    pub(super) fn nargs(
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

    /// A callable argument that the builtin calls before it returns and never keeps (`key=`,
    /// `map`, `filter`): CPython's late binding cannot show, so its captures may be loop variables.
    pub(super) fn arg_consumed(&mut self, e: &AExpr, t: &Ty, what: &str) -> Expr {
        let saved = std::mem::replace(&mut self.consumed_callable, true);
        let x = self.arg_as(e, t, what);
        self.consumed_callable = saved;
        x
    }

    pub(super) fn arg_as(&mut self, e: &AExpr, t: &Ty, what: &str) -> Expr {
        let x = self.expr_expecting(e, t);
        self.coerce(x, t, e.range(), what)
    }

    /// A materialised iterable argument (`sorted(x)`, `sum(x)`, …) and its element type.
    pub(super) fn iterable(&mut self, e: &AExpr) -> (Expr, Ty) {
        let x = self.expr(e);
        let x = self.list_arg(x, e.range());
        let el = match self.resolve(&x.ty) {
            Ty::List(t) => *t,
            _ => self.fresh(),
        };
        (x, el)
    }

    pub fn builtin(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        use super::access::ViewUse;
        let Some(overloads) = self.stubs.builtins().functions.get(name).cloned() else {
            match name {
                "input" | "open" | "eval" | "exec" | "globals" | "locals" | "vars" | "id"
                | "hash" | "type" | "getattr" | "setattr" | "hasattr" => {
                    self.error(r, format!("`{name}()` is not supported in scripts"))
                }
                _ => self.error(r, format!("unknown function `{name}`")),
            }
            return self.poison(r);
        };
        let args = super::call::Args::of(a);
        let plain: Vec<crate::stubs::StubFn> =
            overloads.iter().filter(|f| !f.special).cloned().collect();
        if !plain.is_empty() {
            return self.call_stub(name, &plain, None, &[], "::matx::builtins", &args, r);
        }
        // Lowered here, but checked against the declared signature first.
        if !self.special_shape_ok(name, &overloads, &args, r) {
            return self.poison(r);
        }
        // What CPython's lazy iterators can stand in for a list: consumed whole, iterated
        // by a `for` (lowered lazily), or searched when no script function runs per item.
        let lazy = match name {
            "enumerate" | "zip" | "reversed" => Some(false),
            "map" | "filter" => Some(true),
            _ => None,
        };
        if let Some(calls_script) = lazy {
            let how = self.view_use(r);
            let ok = match how {
                Some(ViewUse::Iterate | ViewUse::Consume) => true,
                Some(ViewUse::Test) => !calls_script,
                Some(ViewUse::Len) | None => false,
            };
            if !ok {
                self.error(
                    r,
                    format!(
                        "`{name}(...)` is a lazy iterator in Python but a list built now in \
                         matx, which differs once it is kept, printed or indexed{}: iterate it \
                         in a `for`, or pass it to `list(...)`, `sorted(...)`, `sum(...)` and \
                         the like",
                        if calls_script {
                            ", or searched (its function would run for every item)"
                        } else {
                            ""
                        }
                    ),
                );
            }
            // Its own iterables are used as it is: consumed whole with it, or iterated lazily
            // by the `for` that iterates it (a list it needs whole for `reversed`).
            return match how {
                Some(how @ (ViewUse::Consume | ViewUse::Iterate)) if name != "reversed" => {
                    self.with_args_used(a, how, |ck| ck.builtin_inner(name, a, r))
                }
                Some(ViewUse::Consume) => {
                    self.with_args_used(a, ViewUse::Consume, |ck| ck.builtin_inner(name, a, r))
                }
                _ => self.builtin_inner(name, a, r),
            };
        }
        let how = match name {
            "list" | "tuple" | "set" | "dict" | "sorted" | "sum" | "min" | "max" => {
                ViewUse::Consume
            }
            "any" | "all" => ViewUse::Test,
            "len" => ViewUse::Len,
            _ => return self.builtin_inner(name, a, r),
        };
        self.with_args_used(a, how, |ck| ck.builtin_inner(name, a, r))
    }

    fn builtin_inner(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let line = self.line(r);
        let args: Vec<&AExpr> = a.args.iter().collect();
        match name {
            "round" | "pow" | "int" | "float" => return self.builtin_number(name, a, r),
            "str" | "repr" | "ascii" | "format" | "bool" | "list" | "set" | "dict" | "tuple"
            | "bytes" => return self.builtin_convert(name, a, r),
            _ => {}
        }
        match name {
            "print" => {
                self.no_kw(a, &["sep", "end"], name);
                // Every argument is evaluated before any is converted to str, as in CPython.
                let mut lets = Vec::new();
                let mut parts = Vec::new();
                for x in &args {
                    let e = self.expr(x);
                    let tmp = self.tmp("p");
                    let local = Expr {
                        kind: ExprKind::Local(tmp.clone()),
                        ty: e.ty.clone(),
                        line,
                    };
                    lets.push(Stmt {
                        kind: StmtKind::Let(tmp, e),
                        line,
                    });
                    parts.push(self.str_of(local));
                }
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
                let call = self.rt(RtFn::Print, vec![list, sep, end], Ty::None, true, line);
                Expr {
                    kind: ExprKind::Block(lets, Box::new(call)),
                    ty: Ty::None,
                    line,
                }
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
                    | Ty::NDArray
                    | Ty::TupleN(_) => self.call_on(RtFn::Len, x, vec![], Ty::Int, true, line),
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
                self.builtin_call(RtFn::Range, vec![s, e, st], Ty::Range, line)
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
                    RtFn::Enumerate,
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
                let f = [RtFn::Zip1, RtFn::Zip2, RtFn::Zip3, RtFn::Zip4][xs.len() - 1];
                self.rt(f, xs, Ty::list(Ty::Tuple(tys)), true, line)
            }
            "sorted" | "min" | "max" => self.ordering(name, a, r),
            "reversed" => {
                if !self.nargs(a, 1, 1, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[0]);
                self.rt(RtFn::Reversed, vec![x], Ty::list(el), true, line)
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
                            self.rt(RtFn::BoolsToInts, vec![x], Ty::list(Ty::Int), true, line)
                        } else {
                            x
                        };
                        match start.map(|s| self.expr(s)) {
                            Some(s) if self.resolve(&s.ty) == Ty::Float => self.rt(
                                RtFn::SumFloat,
                                vec![
                                    self.rt(
                                        RtFn::IntsToFloats,
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
                                self.rt(RtFn::SumInt, vec![x, s], Ty::Int, true, line)
                            }
                            None => self.rt(
                                RtFn::SumInt,
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
                        self.rt(RtFn::SumFloat, vec![x, s], Ty::Float, true, line)
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
                let f = self.arg_consumed(args[0], &fty, "map() function");
                let ret = self.resolve(&ret);
                self.rt(RtFn::Map2, vec![x, y, f], Ty::list(ret), true, line)
            }
            "map" => {
                if !self.nargs(a, 2, 3, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[1]);
                let ret = self.fresh();
                let fty = Ty::Func(vec![el], Box::new(ret.clone()));
                let f = self.arg_consumed(args[0], &fty, "map() function");
                let ret = self.resolve(&ret);
                self.rt(RtFn::Map, vec![x, f], Ty::list(ret), true, line)
            }
            "filter" => {
                if !self.nargs(a, 2, 2, name, r) {
                    return self.poison(r);
                }
                let (x, el) = self.iterable(args[1]);
                if matches!(args[0], AExpr::NoneLiteral(_)) {
                    return self.rt(RtFn::FilterTruthy, vec![x], Ty::list(el), true, line);
                }
                let ret = self.fresh();
                let fty = Ty::Func(vec![el.clone()], Box::new(ret.clone()));
                let f = self.arg_consumed(args[0], &fty, "filter() function");
                if self.resolve(&ret) == Ty::Bool {
                    self.rt(RtFn::Filter, vec![x, f], Ty::list(el), true, line)
                } else {
                    self.rt(RtFn::FilterByTruth, vec![x, f], Ty::list(el), true, line)
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
                self.call_on(
                    RtFn::MakeIter,
                    x,
                    vec![],
                    Ty::Iter(Box::new(el)),
                    true,
                    line,
                )
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
                    None => self.call_on(RtFn::Next, it, vec![], *el, true, line),
                    Some(d) => {
                        let d = self.expr_expecting(d, &el);
                        let (dt, elr) = (self.resolve(&d.ty), self.resolve(&el));
                        if dt == Ty::None && !matches!(elr, Ty::Optional(_)) {
                            // next(it, None): Optional of the element.
                            let some = self.call_on(
                                RtFn::NextOpt,
                                it,
                                vec![],
                                Ty::optional(elr.clone()),
                                true,
                                line,
                            );
                            return some;
                        }
                        let d = self.coerce_store(d, &el, r, "default");
                        self.call_on(RtFn::NextOr, it, vec![d], *el, true, line)
                    }
                }
            }
            _ => {
                self.error(r, format!("unknown function `{name}`"));
                self.poison(r)
            }
        }
    }
}
