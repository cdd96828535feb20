//! Access: subscripts, slices, attributes and fields, membership, iterable arguments.

use super::Checker;
use crate::ir::{Callee, Conv, Expr, ExprKind, RtFn, Stmt, StmtKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    /// `obj[idx]`.
    pub fn subscript_of(&mut self, obj: Expr, idx: Expr, range: TextRange) -> Expr {
        let ot = self.resolve(&obj.ty);
        let line = obj.line;
        let get = |ck: &mut Self, obj: Expr, idx: Expr, ty: Ty| {
            let _ = ck;
            Expr {
                kind: ExprKind::Rt {
                    func: Callee::Fn(RtFn::GetItem),
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
                        self.rt(RtFn::TupleGet, vec![obj, i], ts[0].clone(), true, line)
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
                self.call_on(RtFn::AnyGetItem, obj, vec![i], Ty::Any, true, line)
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
                        func: Callee::Fn(RtFn::AnyGetSlice),
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
                        func: Callee::Fn(RtFn::GetSlice),
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
            Ty::NDArray => match self.ndarray_property(obj, name, range) {
                Some(e) => e,
                None => {
                    self.error(
                        attr.range,
                        format!("`NDArray` has no attribute `{name}` usable as a value"),
                    );
                    self.poison(range)
                }
            },
            Ty::Exc if name == "args" => {
                self.error(range, "`e.args` is not supported: use `str(e)`");
                self.poison(range)
            }
            // A field or property of the object an `Any` holds, found at run time.
            Ty::Any => {
                let line = self.line(range);
                let n = Expr {
                    kind: ExprKind::Str(name.to_string()),
                    ty: Ty::Str,
                    line,
                };
                self.call_on(RtFn::AnyGetattr, obj, vec![n], Ty::Any, true, line)
            }
            // An object whose own expression had an error: reported already.
            _ if self.is_poisoned(&obj.ty) => self.poison(range),
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

    /// `item in container`.
    pub fn contains(&mut self, container: Expr, item: Expr, range: TextRange) -> Expr {
        let line = container.line;
        let ct = self.resolve(&container.ty);
        let method = |ck: &mut Self, c: Expr, i: Expr| Expr {
            kind: ExprKind::Rt {
                func: Callee::Fn(RtFn::Contains),
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
                self.call_on(RtFn::AnyContains, container, vec![i], Ty::Bool, true, line)
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
                    RtFn::TupleContains,
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

    /// `e` used as `how` (see [`ViewUse`]).
    pub fn view_expr(&mut self, e: &AExpr, how: ViewUse) -> Expr {
        self.view_ok.push((e.range(), how));
        let x = self.expr(e);
        self.view_ok.pop();
        x
    }

    /// Checks `f(...)` of a builtin on the arguments `a` (the call at `r`), with the
    /// arguments seen as used `how`.
    pub fn with_args_used<T>(
        &mut self,
        a: &ast::Arguments,
        how: ViewUse,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let n = self.view_ok.len();
        self.view_ok.extend(a.args.iter().map(|x| (x.range(), how)));
        let out = f(self);
        self.view_ok.truncate(n);
        out
    }

    /// How the expression at `r` is used, when it is used in one of the ways of [`ViewUse`].
    pub fn view_use(&self, r: TextRange) -> Option<ViewUse> {
        self.view_ok
            .iter()
            .rev()
            .find(|(x, _)| *x == r)
            .map(|(_, how)| *how)
    }

    /// A value to iterate with `for`: tuples of one element type become lists.
    pub fn iterable_value(&mut self, e: Expr, range: TextRange) -> Expr {
        match self.resolve(&e.ty) {
            Ty::Tuple(ts) => {
                let el = self.elem_type(&Ty::Tuple(ts), range);
                let line = e.line;
                self.rt(RtFn::TupleToList, vec![e], Ty::list(el), true, line)
            }
            _ => e,
        }
    }
}

/// How a dict view (`d.keys()`, `d.values()`, `d.items()`) or a lazy iterator
/// (`enumerate`, `zip`, `reversed`, `map`, `filter`) is used, where matx's list (built when
/// called) and CPython's object give the same results. Any other use (kept in a variable,
/// printed, compared, indexed) is a compile error.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ViewUse {
    /// The iterable of a `for` or a comprehension: lowered to iterate live, lazily.
    Iterate,
    /// Consumed whole at once: `list`, `tuple`, `set`, `sorted`, `sum`, `min`, `max`,
    /// `sep.join` of it.
    Consume,
    /// Searched: `in`, `any`, `all` (which stop at the first match in CPython: only for
    /// what runs no script code per item).
    Test,
    /// `len` of it (dict views have a length; iterators do not).
    Len,
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
