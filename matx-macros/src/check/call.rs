//! Calls: script functions, classes, closures, methods of user classes and of builtin types (from the stubs).

use super::Checker;
use crate::ir::{Callee, Conv, Expr, ExprKind, MethodKind, Param, RtFn};
use crate::stubs::StubFn;
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

/// A call's arguments, checked against nothing yet.
pub struct Args<'a> {
    pub pos: Vec<&'a AExpr>,
    pub kw: Vec<(&'a str, &'a AExpr, TextRange)>,
}

impl<'a> Args<'a> {
    pub fn of(a: &'a ast::Arguments) -> Self {
        Args {
            pos: a.args.iter().collect(),
            kw: a
                .keywords
                .iter()
                .filter_map(|k| k.arg.as_ref().map(|n| (n.id.as_str(), &k.value, k.range)))
                .collect(),
        }
    }
}

impl Checker<'_> {
    pub fn call(&mut self, c: &ast::ExprCall) -> Expr {
        let r = c.range();
        if c.arguments.keywords.iter().any(|k| k.arg.is_none()) {
            self.error(
                r,
                "`**kwargs` in calls is not supported: pass keyword arguments by name",
            );
            return self.poison(r);
        }
        match c.func.as_ref() {
            AExpr::Name(n) => {
                let renamed = self.renamed(n.id.as_str());
                let name = n.id.as_str();
                if self.fs.locals.contains_key(&renamed) || self.fs.outer.contains_key(&renamed) {
                    let f = self.name(name, n.range);
                    return self.call_value(f, &c.arguments, r);
                }
                if let Some(e) = self.op_call(name, &c.arguments, r) {
                    return e;
                }
                if let Some(sig) = self.funcs.get(name).cloned() {
                    let args = self.bind(&sig.params, sig.vararg.as_ref(), &c.arguments, r, name);
                    return self.mk(
                        ExprKind::Call {
                            func: sig.rust_name.clone(),
                            args,
                        },
                        sig.ret.clone(),
                        r,
                    );
                }
                if self.classes.contains_key(name) {
                    return self.construct(name, &c.arguments, r);
                }
                if let Some(k) = self.exc_ref(name) {
                    let line = self.line(r);
                    return self.make_exc(k, c, line);
                }
                if let Some((module, real)) = self.imported_name(name) {
                    return self.module_call(&module, &real, &c.arguments, r);
                }
                self.builtin(name, &c.arguments, r)
            }
            AExpr::Attribute(a) => {
                let attr = a.attr.id.as_str();
                if let AExpr::Name(m) = a.value.as_ref() {
                    let mname = m.id.as_str();
                    let shadowed =
                        self.fs.locals.contains_key(mname) || self.fs.outer.contains_key(mname);
                    if !shadowed {
                        if let Some(module) = self.module_named(mname) {
                            return self.module_call(&module, attr, &c.arguments, r);
                        }
                        if self.classes.contains_key(mname) {
                            return self.static_call(mname, attr, &c.arguments, r);
                        }
                        if matches!(mname, "str" | "dict" | "int" | "float" | "bytes") {
                            return self.type_static(mname, attr, &c.arguments, r);
                        }
                    }
                }
                if let AExpr::Call(sc) = a.value.as_ref() {
                    if matches!(sc.func.as_ref(), AExpr::Name(n) if n.id.as_str() == "super") {
                        return self.super_call(&sc.arguments, attr, &c.arguments, r);
                    }
                }
                let recv = self.expr(&a.value);
                self.method_call(recv, attr, &c.arguments, r)
            }
            AExpr::Lambda(l) => {
                let args: Vec<Expr> = c.arguments.args.iter().map(|a| self.expr(a)).collect();
                let ret = self.fresh();
                let fty = Ty::Func(
                    args.iter().map(|a| self.resolve(&a.ty)).collect(),
                    Box::new(ret),
                );
                let f = self.expr_expecting(&AExpr::Lambda(l.clone()), &fty);
                let ret = match self.resolve(&f.ty) {
                    Ty::Func(_, r) => *r,
                    _ => Ty::Any,
                };
                self.mk(
                    ExprKind::CallValue {
                        func: Box::new(f),
                        args,
                    },
                    ret,
                    r,
                )
            }
            other => {
                let f = self.expr(other);
                self.call_value(f, &c.arguments, r)
            }
        }
    }

    /// Calling a value of a `Callable` type.
    pub(super) fn call_value(&mut self, f: Expr, a: &ast::Arguments, r: TextRange) -> Expr {
        match self.resolve(&f.ty) {
            Ty::Func(ptys, ret) => {
                if !a.keywords.is_empty() {
                    self.error(r, "keyword arguments cannot be passed to a callable value");
                }
                if a.args.len() != ptys.len() {
                    self.error(
                        r,
                        format!(
                            "this callable takes {} argument(s), {} given",
                            ptys.len(),
                            a.args.len()
                        ),
                    );
                    return self.poison(r);
                }
                let args = a
                    .args
                    .iter()
                    .zip(&ptys)
                    .map(|(x, t)| {
                        let e = self.expr_expecting(x, t);
                        self.coerce_store(e, t, x.range(), "argument")
                    })
                    .collect();
                self.mk(
                    ExprKind::CallValue {
                        func: Box::new(f),
                        args,
                    },
                    *ret,
                    r,
                )
            }
            Ty::Class(_c) => self.method_call(f, "__call__", a, r),
            Ty::Any => {
                let (args, kwargs) = self.any_args(a, r);
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Fn(RtFn::AnyCall),
                        recv: Some(Box::new(f)),
                        args: vec![args, kwargs],
                        fallible: true,
                    },
                    Ty::Any,
                    r,
                )
            }
            other => {
                self.error(r, format!("a `{}` value is not callable", other.py()));
                self.poison(r)
            }
        }
    }

    /// The arguments of a call dispatched at run time, as `Any` values: the positional
    /// ones (a `Vec<Any>`) and the keyword ones (a `Vec<(Str, Any)>`).
    pub(super) fn any_args(&mut self, a: &ast::Arguments, r: TextRange) -> (Expr, Expr) {
        let line = self.line(r);
        let mut pos = Vec::new();
        for x in a.args.iter() {
            if let AExpr::Starred(_) = x {
                self.error(
                    x.range(),
                    "`*` unpacking in calls is not supported: pass the arguments one by one",
                );
                continue;
            }
            let e = self.expr_expecting(x, &Ty::Any);
            pos.push(self.coerce(e, &Ty::Any, x.range(), "argument"));
        }
        let mut kws = Vec::new();
        for k in a.keywords.iter() {
            let Some(n) = &k.arg else { continue };
            let e = self.expr_expecting(&k.value, &Ty::Any);
            let e = self.coerce(e, &Ty::Any, k.value.range(), "argument");
            let name = Expr {
                kind: ExprKind::Str(n.id.to_string()),
                ty: Ty::Str,
                line,
            };
            kws.push(Expr {
                kind: ExprKind::Tuple(vec![name, e]),
                ty: Ty::Tuple(vec![Ty::Str, Ty::Any]),
                line,
            });
        }
        let vec_of = |xs: Vec<Expr>, el: Ty| {
            let n = xs.len();
            Expr {
                kind: ExprKind::Convert(
                    Conv::TupleToVec(n),
                    Box::new(Expr {
                        kind: ExprKind::Tuple(xs),
                        ty: Ty::Tuple(vec![el.clone(); n]),
                        line,
                    }),
                ),
                ty: Ty::VarTuple(Box::new(el)),
                line,
            }
        };
        (
            vec_of(pos, Ty::Any),
            vec_of(kws, Ty::Tuple(vec![Ty::Str, Ty::Any])),
        )
    }

    /// Binds call arguments to parameters (positional, keyword, defaults, `*args`).
    pub fn bind(
        &mut self,
        params: &[Param],
        vararg: Option<&(String, Ty)>,
        a: &ast::Arguments,
        r: TextRange,
        fname: &str,
    ) -> Vec<Expr> {
        let args = Args::of(a);
        self.bind_args(params, vararg, &args, r, fname)
    }

    pub fn bind_args(
        &mut self,
        params: &[Param],
        vararg: Option<&(String, Ty)>,
        a: &Args,
        r: TextRange,
        fname: &str,
    ) -> Vec<Expr> {
        self.bind_args_defaulted(params, vararg, a, r, fname).0
    }

    /// [`bind_args`](Self::bind_args), also saying which parameters took their default.
    pub fn bind_args_defaulted(
        &mut self,
        params: &[Param],
        vararg: Option<&(String, Ty)>,
        a: &Args,
        r: TextRange,
        fname: &str,
    ) -> (Vec<Expr>, Vec<usize>) {
        let mut slots: Vec<Option<Expr>> = vec![None; params.len()];
        let mut extra = Vec::new();
        // Positional arguments fill the parameters that are not keyword-only, in order.
        let positional: Vec<usize> = (0..params.len())
            .filter(|&i| params[i].kind != crate::stubs::Kind::KwOnly)
            .collect();
        for (j, x) in a.pos.iter().enumerate() {
            if let AExpr::Starred(_) = x {
                self.error(
                    x.range(),
                    "`*` unpacking in calls is not supported: pass the arguments one by one",
                );
                continue;
            }
            if let Some(&i) = positional.get(j) {
                let e = self.expr_expecting(x, &params[i].ty);
                slots[i] = Some(self.coerce_store(
                    e,
                    &params[i].ty,
                    x.range(),
                    &format!("argument `{}` of `{fname}`", params[i].name),
                ));
            } else if let Some((_, t)) = vararg {
                let e = self.expr_expecting(x, t);
                extra.push(self.coerce_store(e, t, x.range(), &format!("argument of `{fname}`")));
            } else {
                self.error(
                    x.range(),
                    format!(
                        "`{fname}` takes {} positional argument(s) but more were given",
                        positional.len()
                    ),
                );
            }
        }
        for (name, x, kr) in &a.kw {
            match params.iter().position(|p| p.name == *name) {
                Some(i) if params[i].kind == crate::stubs::Kind::PosOnly => self.error(
                    *kr,
                    format!("`{fname}` takes `{name}` by position only (a keyword raises TypeError in CPython): pass it without `{name}=`"),
                ),
                Some(i) if slots[i].is_some() => self.error(
                    *kr,
                    format!("`{fname}` got multiple values for argument `{name}`"),
                ),
                Some(i) => {
                    let e = self.expr_expecting(x, &params[i].ty);
                    slots[i] = Some(self.coerce_store(
                        e,
                        &params[i].ty,
                        x.range(),
                        &format!("argument `{name}` of `{fname}`"),
                    ));
                }
                None => self.error(*kr, format!("`{fname}` has no parameter named `{name}`")),
            }
        }
        let mut out = Vec::new();
        let mut defaulted = Vec::new();
        for (i, (p, s)) in params.iter().zip(slots).enumerate() {
            match (s, &p.default) {
                (Some(e), _) => out.push(e),
                (None, Some(d)) => {
                    defaulted.push(i);
                    out.push(d.clone())
                }
                (None, None) => {
                    self.error(r, format!("`{fname}` is missing the argument `{}`", p.name));
                    out.push(self.poison(r));
                }
            }
        }
        if let Some((_, t)) = vararg {
            let line = self.line(r);
            let list = Expr {
                kind: ExprKind::List(extra),
                ty: Ty::list(t.clone()),
                line,
            };
            out.push(self.rt(
                RtFn::TupleN,
                vec![list],
                Ty::TupleN(Box::new(t.clone())),
                true,
                line,
            ));
        }
        (out, defaulted)
    }

    /// A method call on a value.
    pub fn method_call(
        &mut self,
        recv: Expr,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        match self.resolve(&recv.ty) {
            Ty::Op(c, _) => self.op_method(recv, &c, name, a, r),
            Ty::NDArray => self.ndarray_method(recv, name, a, r),
            Ty::Class(c) => {
                let Some(m) = self.find_method(&c, name) else {
                    self.error(r, format!("`{c}` has no method `{name}`"));
                    return self.poison(r);
                };
                self.override_keywords(&c, name, &m.params, a, r);
                let (args, defaulted) =
                    self.bind_args_defaulted(&m.params, None, &Args::of(a), r, name);
                if m.kind == MethodKind::Static {
                    return self.mk(
                        ExprKind::Call {
                            func: format!("{}__{name}", m.defined_in),
                            args,
                        },
                        m.ret.clone(),
                        r,
                    );
                }
                self.mk(
                    ExprKind::Virtual {
                        recv: Box::new(recv),
                        method: name.to_string(),
                        args,
                        defaulted,
                    },
                    m.ret.clone(),
                    r,
                )
            }
            t @ (Ty::Str | Ty::Bytes | Ty::List(_) | Ty::Dict(..) | Ty::Set(_)) => {
                if matches!(t, Ty::Dict(..))
                    && matches!(name, "keys" | "values" | "items")
                    && self.view_use(r).is_none()
                {
                    self.error(
                        r,
                        format!(
                            "`.{name}()` is a live view of the dict in Python but a list copied \
                             now in matx, which prints, compares and follows changes \
                             differently: iterate it in a `for`, test `in` it, or pass it \
                             to `list(...)`, `sorted(...)`, `len(...)` and the like"
                        ),
                    );
                }
                let class = match t {
                    Ty::Str => "str",
                    Ty::Bytes => "bytes",
                    Ty::List(_) => "list",
                    Ty::Dict(..) => "dict",
                    _ => "set",
                };
                let args = Args::of(a);
                // What the compiler lowers itself is still checked against its signature.
                let special: Vec<StubFn> = self
                    .stubs
                    .class(class)
                    .and_then(|m| m.get(name))
                    .map(|o| o.iter().filter(|m| m.special).cloned().collect())
                    .unwrap_or_default();
                if !special.is_empty()
                    && !self.special_shape_ok(&format!("{class}.{name}"), &special, &args, r)
                {
                    return self.poison(r);
                }
                if let Some(e) = self.special_method(&recv, &t, name, a, r) {
                    return e;
                }
                if matches!(t, Ty::Str | Ty::Bytes) && name == "join" {
                    // `sep.join(x)` consumes `x` at once.
                    return self.with_args_used(a, super::access::ViewUse::Consume, |ck| {
                        ck.stub_call(recv, class, &t, name, &args, r)
                    });
                }
                self.stub_call(recv, class, &t, name, &args, r)
            }
            Ty::Tuple(_) => self.tuple_method(recv, name, a, r),
            Ty::TupleN(el) if matches!(name, "count" | "index") && a.args.len() == 1 => {
                let x = self.expr(&a.args[0]);
                let x = self.coerce(x, &el, r, "argument");
                self.mk(
                    ExprKind::Method {
                        recv: Box::new(recv),
                        name: name.to_string(),
                        args: vec![x],
                        fallible: true,
                    },
                    Ty::Int,
                    r,
                )
            }
            Ty::Any => {
                let line = self.line(r);
                let n = Expr {
                    kind: ExprKind::Str(name.to_string()),
                    ty: Ty::Str,
                    line,
                };
                let (args, kwargs) = self.any_args(a, r);
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Fn(RtFn::AnyCallMethod),
                        recv: Some(Box::new(recv)),
                        args: vec![n, args, kwargs],
                        fallible: true,
                    },
                    Ty::Any,
                    r,
                )
            }
            Ty::Range if matches!(name, "index" | "count") && a.args.len() == 1 => {
                let x = self.expr(&a.args[0]);
                let x = self.coerce(x, &Ty::Int, r, "argument");
                self.mk(
                    ExprKind::Method {
                        recv: Box::new(recv),
                        name: name.to_string(),
                        args: vec![x],
                        fallible: true,
                    },
                    Ty::Int,
                    r,
                )
            }
            t @ Ty::Var(_) => {
                if !self.is_poisoned(&t) {
                    self.error(r, format!("cannot call `.{name}()` on a value of unknown type: annotate the variable"));
                }
                self.poison(r)
            }
            other => {
                self.error(r, format!("`{}` has no method `{name}`", other.py()));
                self.poison(r)
            }
        }
    }

    /// A method of a builtin type, checked against its stub.
    pub fn stub_call(
        &mut self,
        recv: Expr,
        class: &str,
        t: &Ty,
        name: &str,
        a: &Args,
        r: TextRange,
    ) -> Expr {
        let Some(overloads) = self.stubs.class(class).and_then(|m| m.get(name)).cloned() else {
            self.error(r, format!("`{class}` has no method `{name}`"));
            return self.poison(r);
        };
        let subst: Vec<Ty> = match t {
            Ty::List(e) | Ty::Set(e) => vec![(**e).clone()],
            // Stub parameters are numbered T=0, K=1, V=2.
            Ty::Dict(k, v) => vec![Ty::Any, (**k).clone(), (**v).clone()],
            _ => vec![],
        };
        let plain: Vec<StubFn> = overloads.into_iter().filter(|m| !m.special).collect();
        if plain.is_empty() {
            self.error(r, format!("`{class}.{name}` is not supported in this form"));
            return self.poison(r);
        }
        self.call_stub(
            &format!("{class}.{name}"),
            &plain,
            Some(recv),
            &subst,
            "",
            a,
            r,
        )
    }

    /// A method of a user class with already-checked arguments (dunder protocols).
    pub fn call_method_typed(
        &mut self,
        recv: Expr,
        name: &str,
        args: Vec<Expr>,
        r: TextRange,
    ) -> Expr {
        let Ty::Class(c) = self.resolve(&recv.ty) else {
            return self.poison(r);
        };
        let Some(m) = self.find_method(&c, name) else {
            self.error(r, format!("`{c}` has no method `{name}`"));
            return self.poison(r);
        };
        if m.params.len() != args.len() {
            self.error(
                r,
                format!(
                    "`{c}.{name}` takes {} argument(s), {} given",
                    m.params.len(),
                    args.len()
                ),
            );
            return self.poison(r);
        }
        let args = args
            .into_iter()
            .zip(&m.params)
            .map(|(a, p)| self.coerce_store(a, &p.ty, r, &format!("argument `{}`", p.name)))
            .collect();
        self.mk(
            ExprKind::Virtual {
                recv: Box::new(recv),
                method: name.to_string(),
                args,
                defaulted: vec![],
            },
            m.ret.clone(),
            r,
        )
    }

    /// A keyword argument of a call through class `c` must name the same parameter in every
    /// override of the method (CPython binds it by the name the object's method uses).
    fn override_keywords(
        &mut self,
        c: &str,
        name: &str,
        params: &[Param],
        a: &ast::Arguments,
        r: TextRange,
    ) {
        let kws: Vec<&str> = a
            .keywords
            .iter()
            .filter_map(|k| k.arg.as_ref().map(|n| n.id.as_str()))
            .collect();
        if kws.is_empty() {
            return;
        }
        let mut subs: Vec<String> = self
            .classes
            .iter()
            .filter(|(d, info)| *d != c && self.derives(d, c) && info.methods.contains_key(name))
            .map(|(d, _)| d.clone())
            .collect();
        subs.sort();
        for d in subs {
            let Some(om) = self
                .classes
                .get(&d)
                .and_then(|i| i.methods.get(name))
                .cloned()
            else {
                continue;
            };
            for k in &kws {
                let at = params.iter().position(|p| p.name == *k);
                let there = at.and_then(|i| om.params.get(i)).map(|p| p.name.clone());
                if let (Some(_), Some(other)) = (at, there) {
                    if other != *k {
                        self.error(
                            r,
                            format!("`{d}.{name}` calls this parameter `{other}`, not `{k}`: for a `{d}`, CPython would reject `{k}=` (pass it by position, or use one name in every override)"),
                        );
                        return;
                    }
                }
            }
        }
    }

    pub(super) fn construct(&mut self, class: &str, a: &ast::Arguments, r: TextRange) -> Expr {
        let params = self
            .find_method(class, "__init__")
            .map(|m| m.params)
            .unwrap_or_default();
        let args = self.bind(&params, None, a, r, class);
        self.mk(
            ExprKind::New {
                class: class.to_string(),
                args,
            },
            Ty::Class(class.to_string()),
            r,
        )
    }

    pub(super) fn static_call(
        &mut self,
        class: &str,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        match self.find_method(class, name) {
            Some(m) if m.kind == MethodKind::Static => {
                let args = self.bind(&m.params, None, a, r, name);
                self.mk(
                    ExprKind::Call {
                        func: format!("{}__{name}", m.defined_in),
                        args,
                    },
                    m.ret.clone(),
                    r,
                )
            }
            Some(m) => {
                // `Base.method(self, ...)`: an unbound call of a specific implementation.
                let mut pos = a.args.iter();
                let Some(first) = pos.next() else {
                    self.error(
                        r,
                        format!("`{class}.{name}` needs an object as first argument"),
                    );
                    return self.poison(r);
                };
                let obj = self.expr(first);
                let obj = self.coerce(obj, &Ty::Class(m.defined_in.clone()), first.range(), "self");
                let rest = Args {
                    pos: pos.collect(),
                    kw: a
                        .keywords
                        .iter()
                        .filter_map(|k| k.arg.as_ref().map(|n| (n.id.as_str(), &k.value, k.range)))
                        .collect(),
                };
                let mut args = vec![obj];
                args.extend(self.bind_args(&m.params, None, &rest, r, name));
                self.mk(
                    ExprKind::Call {
                        func: format!("{}__{name}", m.defined_in),
                        args,
                    },
                    m.ret.clone(),
                    r,
                )
            }
            None => {
                self.error(r, format!("`{class}` has no method `{name}`"));
                self.poison(r)
            }
        }
    }

    /// `super().name(...)`, or `super(C, self).name(...)`, which looks `name` up from the
    /// base of `C` (a class `self`'s class derives from), as CPython's MRO walk does.
    pub(super) fn super_call(
        &mut self,
        sa: &ast::Arguments,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let Some(own) = self.fs.self_class.clone() else {
            self.error(r, "`super()` is only available in methods");
            return self.poison(r);
        };
        let cls = match (sa.args.as_ref(), sa.keywords.is_empty()) {
            ([], true) => own.clone(),
            ([AExpr::Name(c), AExpr::Name(s)], true)
                if s.id.as_str() == "self" && self.classes.contains_key(c.id.as_str()) =>
            {
                let c = c.id.to_string();
                if !self.derives(&own, &c) {
                    self.error(
                        sa.args[0].range(),
                        format!("`super({c}, self)` needs `self` to be a `{c}`, but this is a method of `{own}`"),
                    );
                    return self.poison(r);
                }
                c
            }
            _ => {
                self.error(r, "`super` takes no arguments or `(Class, self)`");
                return self.poison(r);
            }
        };
        let Some(base) = self.classes.get(&cls).and_then(|c| c.base.clone()) else {
            if name == "__init__" {
                // object.__init__(): nothing to do.
                return self.mk(ExprKind::NoneLit, Ty::None, r);
            }
            self.error(r, format!("`{cls}` has no base class for `super()`"));
            return self.poison(r);
        };
        let Some(m) = self.find_method(&base, name) else {
            if name == "__init__" {
                return self.mk(ExprKind::NoneLit, Ty::None, r);
            }
            self.error(r, format!("base class `{base}` has no method `{name}`"));
            return self.poison(r);
        };
        let line = self.line(r);
        let me = Expr {
            kind: ExprKind::Local("self".into()),
            ty: Ty::Class(own),
            line,
        };
        let obj = self.coerce(me, &Ty::Class(m.defined_in.clone()), r, "self");
        let mut args = vec![obj];
        args.extend(self.bind(&m.params, None, a, r, name));
        if m.kind == MethodKind::Static {
            args.remove(0);
        }
        self.mk(
            ExprKind::Call {
                func: format!("{}__{name}", m.defined_in),
                args,
            },
            m.ret.clone(),
            r,
        )
    }
}

/// Replaces the stub type parameters by the receiver's element types.
pub fn instantiate(t: &Ty, subst: &[Ty]) -> Ty {
    match t {
        Ty::Param(i) => subst.get(*i as usize).cloned().unwrap_or(Ty::Any),
        Ty::List(e) => Ty::list(instantiate(e, subst)),
        Ty::Set(e) => Ty::set(instantiate(e, subst)),
        Ty::Dict(k, v) => Ty::dict(instantiate(k, subst), instantiate(v, subst)),
        Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| instantiate(t, subst)).collect()),
        Ty::Optional(e) => Ty::Optional(Box::new(instantiate(e, subst))),
        Ty::Iterable(e) => Ty::Iterable(Box::new(instantiate(e, subst))),
        Ty::VarTuple(e) => Ty::VarTuple(Box::new(instantiate(e, subst))),
        Ty::TupleN(e) => Ty::TupleN(Box::new(instantiate(e, subst))),
        Ty::Func(a, r) => Ty::Func(
            a.iter().map(|t| instantiate(t, subst)).collect(),
            Box::new(instantiate(r, subst)),
        ),
        other => other.clone(),
    }
}
