//! Ordering and predicates: `sorted`, `min`, `max`, `any`, `all`, `isinstance`, `int()`.

use super::Checker;
use crate::ir::{Expr, ExprKind, RtFn, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub(super) fn ordering(&mut self, name: &str, a: &ast::Arguments, r: TextRange) -> Expr {
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
            // The result is one of the arguments, unconverted: `max(1.5, 2)` is the int 2.
            // Arguments of different types (an int and a float) make it an `Any`.
            let tys: Vec<Ty> = xs.iter().map(|x| x.ty.clone()).collect();
            if !xs.iter().any(|x| self.is_poisoned(&x.ty)) {
                let joined = self.join_types(&tys).unwrap_or(Ty::Any);
                self.unify(&el, &joined);
            }
            let xs = xs
                .into_iter()
                .zip(a.args.iter())
                .map(|(x, ae)| self.coerce_store(x, &el, ae.range(), "argument"))
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
        let reverse = self.reverse_kw(a, line);
        let key = self
            .kw(a, "key")
            .filter(|k| !matches!(k, AExpr::NoneLiteral(_)))
            .map(|k| {
                let kt = self.fresh();
                let f = self.arg_consumed(
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
                    RtFn::SortedByKey,
                    vec![list, k, reverse],
                    Ty::list(el_r),
                    true,
                    line,
                ),
                None => self.rt(
                    RtFn::Sorted,
                    vec![list, reverse],
                    Ty::list(el_r),
                    true,
                    line,
                ),
            },
            _ => {
                let default = self.kw(a, "default").map(|d| self.expr_expecting(d, &el));
                if default.is_some() && a.args.len() > 1 {
                    self.error(
                        r,
                        format!("`{name}()` cannot take a default with several positional arguments (CPython raises TypeError)"),
                    );
                    return self.poison(r);
                }
                let min = name == "min";
                let pick = |a: RtFn, b: RtFn| if min { a } else { b };
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
                                pick(RtFn::Min2, RtFn::Max2),
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
                    (Some(k), None) => self.rt(
                        pick(RtFn::MinByKey, RtFn::MaxByKey),
                        vec![list, k],
                        el_r,
                        true,
                        line,
                    ),
                    (None, None) => {
                        self.rt(pick(RtFn::Min, RtFn::Max), vec![list], el_r, true, line)
                    }
                    (k, Some(d)) => {
                        // `max(xs, default=d)`: `d` when `xs` is empty, else its largest;
                        // both evaluated first, as CPython evaluates the arguments.
                        let (xs, dv) = (self.tmp("xs"), self.tmp("d"));
                        let local = |n: &str, ty: Ty| Expr {
                            kind: ExprKind::Local(n.to_string()),
                            ty,
                            line,
                        };
                        let lets = vec![
                            Stmt {
                                kind: StmtKind::Let(xs.clone(), list),
                                line,
                            },
                            Stmt {
                                kind: StmtKind::Let(dv.clone(), d.clone()),
                                line,
                            },
                        ];
                        let l = local(&xs, Ty::list(el_r.clone()));
                        let picked = match k {
                            Some(k) => self.rt(
                                pick(RtFn::MinByKey, RtFn::MaxByKey),
                                vec![l.clone(), k],
                                el_r.clone(),
                                true,
                                line,
                            ),
                            None => self.rt(
                                pick(RtFn::Min, RtFn::Max),
                                vec![l.clone()],
                                el_r.clone(),
                                true,
                                line,
                            ),
                        };
                        let dl = local(&dv, d.ty.clone());
                        let (whole, dflt, ty) = self.join(picked, dl, r);
                        let test = self.truth(l);
                        Expr {
                            kind: ExprKind::Block(
                                lets,
                                Box::new(Expr {
                                    kind: ExprKind::IfElse(
                                        Box::new(test),
                                        Box::new(whole),
                                        Box::new(dflt),
                                    ),
                                    ty: ty.clone(),
                                    line,
                                }),
                            ),
                            ty,
                            line,
                        }
                    }
                }
            }
        }
    }

    /// `any(...)`/`all(...)`; a generator argument short-circuits like Python's.
    pub(super) fn any_all(&mut self, any: bool, arg: &AExpr, r: TextRange) -> Expr {
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
                        if any { RtFn::AnyFn } else { RtFn::AllFn },
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
            if any { RtFn::Any } else { RtFn::All },
            vec![xs],
            Ty::Bool,
            true,
            line,
        )
    }

    pub(super) fn isinstance(&mut self, a: &ast::Arguments, r: TextRange) -> Expr {
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
        if xt == Ty::Any {
            return self.isinstance_any(x, &names, r);
        }
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
            if let Ty::Optional(inner) = &xt {
                // isinstance(x, T) on Optional[T]: true exactly when not None.
                let inner = self.resolve(inner);
                let _ = inner;
                let e = self.rt(RtFn::IsNone, vec![x], Ty::Bool, false, line);
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

    /// `isinstance(x, T)` (or a tuple of types) on an `Any`: decided at run time, for builtin
    /// types by the value's variant and for script classes by the object's class (a subclass
    /// is an instance too).
    fn isinstance_any(&mut self, x: Expr, names: &[&AExpr], r: TextRange) -> Expr {
        let line = self.line(r);
        let tmp = self.tmp("v");
        let local = Expr {
            kind: ExprKind::Local(tmp.clone()),
            ty: Ty::Any,
            line,
        };
        let mut acc: Option<Expr> = None;
        for n in names {
            let AExpr::Name(n) = n else {
                self.error(n.range(), "isinstance() needs a type name");
                return self.poison(r);
            };
            let name = n.id.as_str();
            let test = match name {
                "int" | "float" | "bool" | "str" | "bytes" | "list" | "dict" | "set" | "tuple"
                | "object" => {
                    let lit = Expr {
                        kind: ExprKind::Str(name.to_string()),
                        ty: Ty::Str,
                        line,
                    };
                    let lit = self.call_on(RtFn::StrAsStr, lit, vec![], Ty::Str, false, line);
                    self.call_on(
                        RtFn::AnyIsinstance,
                        local.clone(),
                        vec![lit],
                        Ty::Bool,
                        false,
                        line,
                    )
                }
                c if self.classes.contains_key(c) => Expr {
                    kind: ExprKind::IsInstance(Box::new(local.clone()), c.to_string()),
                    ty: Ty::Bool,
                    line,
                },
                c => {
                    self.error(n.range, format!("isinstance() with `{c}` is not supported"));
                    return self.poison(r);
                }
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
        Expr {
            kind: ExprKind::Block(vec![st], Box::new(body)),
            ty: Ty::Bool,
            line,
        }
    }

    pub(super) fn int_call(&mut self, a: &ast::Arguments, r: TextRange) -> Expr {
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
                self.call_on(RtFn::IntFromStr, x, vec![b], Ty::Int, true, line)
            }
            (Ty::Int, None) => x,
            (Ty::Bool, None) => self.coerce(x, &Ty::Int, r, "int() argument"),
            (Ty::Float, None) => self.builtin_call(RtFn::IntFromFloat, vec![x], Ty::Int, line),
            (Ty::Any, None) => self.call_on(RtFn::AnyToInt, x, vec![], Ty::Int, true, line),
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
}
