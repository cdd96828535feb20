//! Lowering of expressions: every fallible call is routed through the enclosing exception handlers.

use super::stmt::syn_index;
use super::{ident, FnCx, Lower};
use crate::ir::{Callee, Conv, Expr, ExprKind, FmtPart, PrimOp};
use crate::types::Ty;
use crate::{STACK_GROW, STACK_RED_ZONE};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

impl Lower<'_> {
    fn args(&self, args: &[Expr], cx: &mut FnCx) -> Vec<TokenStream> {
        args.iter().map(|a| self.expr(a, cx)).collect()
    }

    /// A receiver for `recv.method()`: locals by place (no clone), others as values.
    pub fn place(&self, e: &Expr, cx: &mut FnCx) -> TokenStream {
        match &e.kind {
            ExprKind::Local(n) if cx.chars.contains(n) => {
                let n = ident(n);
                quote!((::matx::Str::from_char(#n)))
            }
            ExprKind::Local(n) if !cx.maybe.contains(n) => {
                let n = ident(n);
                quote!(#n)
            }
            _ => {
                let v = self.expr(e, cx);
                quote!((#v))
            }
        }
    }

    fn str_lit(&self, s: &str) -> TokenStream {
        quote!({
            static __S: ::std::sync::LazyLock<::matx::Str> = ::std::sync::LazyLock::new(|| ::matx::Str::from(#s));
            ::std::clone::Clone::clone(&*__S)
        })
    }

    fn float_lit(v: f64) -> TokenStream {
        if v.is_nan() {
            quote!(::std::primitive::f64::NAN)
        } else if v.is_infinite() {
            if v > 0.0 {
                quote!(::std::primitive::f64::INFINITY)
            } else {
                quote!(::std::primitive::f64::NEG_INFINITY)
            }
        } else if v.is_sign_negative() {
            let l = Literal::f64_suffixed(-v);
            quote!((-#l))
        } else {
            let l = Literal::f64_suffixed(v);
            quote!(#l)
        }
    }

    pub fn expr(&self, e: &Expr, cx: &mut FnCx) -> TokenStream {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            let line = e.line;
            if let Some(fast) = self.str_fast(e, cx) {
                return fast;
            }
            if let Some(plain) = self.unchecked_arith(e, cx) {
                return plain;
            }
            if let Some(read) = self.read_item(e, cx) {
                return read;
            }
            match &e.kind {
                ExprKind::Int(v) => {
                    if *v == i64::MIN {
                        quote!(::std::primitive::i64::MIN)
                    } else {
                        let l = Literal::i64_suffixed(*v);
                        quote!(#l)
                    }
                }
                ExprKind::BigInt(v) => {
                    let msg = format!(
                        "{}:{}: the integer {v} does not fit in 64 bits (matx ints are 64-bit)",
                        self.file, line
                    );
                    quote!(::std::compile_error!(#msg))
                }
                ExprKind::Float(v) => Self::float_lit(*v),
                ExprKind::Bool(b) => quote!(#b),
                ExprKind::NoneLit => match &e.ty {
                    Ty::Optional(_) => quote!(::std::option::Option::None),
                    _ => quote!(()),
                },
                ExprKind::Str(s) => Self::short_str_lit(s).unwrap_or_else(|| self.str_lit(s)),
                ExprKind::Bytes(b) => {
                    let lit = Literal::byte_string(b);
                    quote!({
                        static __B: ::std::sync::LazyLock<::matx::Bytes> = ::std::sync::LazyLock::new(|| ::matx::Bytes::new(#lit));
                        ::std::clone::Clone::clone(&*__B)
                    })
                }
                ExprKind::Local(n) if cx.maybe.contains(n) => {
                    let msg = format!(
                    "cannot access local variable '{n}' where it is not associated with a value"
                );
                    let file = self.file;
                    let err = self.raise(quote!(::matx::Error::new(&::matx::exc::UnboundLocalError, #msg).at(#file, #line)), cx);
                    let n = ident(n);
                    quote!(match &#n { ::std::option::Option::Some(__v) => ::std::clone::Clone::clone(__v), ::std::option::Option::None => { #err } })
                }
                ExprKind::Local(n) if cx.chars.contains(n) => {
                    let n = ident(n);
                    quote!(::matx::Str::from_char(#n))
                }
                ExprKind::Local(n) => {
                    let n = ident(n);
                    match e.ty {
                        Ty::Int | Ty::Float | Ty::Bool | Ty::None => quote!(#n),
                        _ => quote!(::std::clone::Clone::clone(&#n)),
                    }
                }
                ExprKind::Const(n) => {
                    let g = format_ident!("__matx_const_{}", n);
                    self.check(quote!(#g()), line, cx)
                }
                ExprKind::Rt {
                    func,
                    recv,
                    args,
                    fallible,
                } => {
                    let p: TokenStream = match func {
                        Callee::Fn(f) => f.path(),
                        Callee::Declared(path) => path.parse().unwrap_or_default(),
                    };
                    let mut a = Vec::new();
                    if let Some(r) = recv {
                        let r = self.place(r, cx);
                        a.push(quote!(&#r));
                    }
                    a.extend(self.args(args, cx));
                    let call = quote!(#p(#(#a),*));
                    if *fallible {
                        self.check(call, line, cx)
                    } else {
                        call
                    }
                }
                ExprKind::Method {
                    recv,
                    name,
                    args,
                    fallible,
                } => {
                    let r = match &recv.kind {
                        // A field read before the loop is borrowed, not cloned.
                        ExprKind::Field { obj, owner, field } => {
                            match self.hoisted_field(obj, owner, field, recv.line, true, cx) {
                                Some(r) => r,
                                None => self.place(recv, cx),
                            }
                        }
                        _ => self.place(recv, cx),
                    };
                    let a = self.args(args, cx);
                    let m = format_ident!("{}", name);
                    let call = quote!(#r.#m(#(#a),*));
                    if *fallible {
                        self.check(call, line, cx)
                    } else {
                        call
                    }
                }
                ExprKind::Call { func, args }
                    if cx.group.as_ref().is_some_and(|g| g.contains(func)) =>
                {
                    let f = format_ident!("__matx_rec_{}", func);
                    let a = self.args(args, cx);
                    self.check(quote!(#f(__depth + 1 #(, #a)*)), line, cx)
                }
                ExprKind::Call { func, args } => {
                    let f = super::item_ident(func);
                    let a = self.args(args, cx);
                    self.check(quote!(#f(#(#a),*)), line, cx)
                }
                ExprKind::CallValue { func, args } => {
                    let f = self.place(func, cx);
                    let a = self.args(args, cx);
                    self.check(quote!((#f)(#(#a),*)), line, cx)
                }
                ExprKind::Virtual {
                    recv,
                    method,
                    args,
                    defaulted,
                } => {
                    let r = self.place(recv, cx);
                    let m = format_ident!("m_{}", method);
                    let overridden = match &recv.ty {
                        Ty::Class(c) => self.overridden_below(c, method),
                        _ => false,
                    };
                    if defaulted.is_empty() || !overridden {
                        let a = self.args(args, cx);
                        return self.check(
                            quote!(::std::sync::Arc::clone(&#r.0).#m(#(#a),*)),
                            line,
                            cx,
                        );
                    }
                    // A left-out argument takes the default of the method the object runs.
                    let mut lets = Vec::new();
                    let mut names = Vec::new();
                    for (i, x) in args.iter().enumerate() {
                        let v = if defaulted.contains(&i) {
                            let d = format_ident!("d_{}_{}", method, i);
                            self.check(quote!(__o.#d()), line, cx)
                        } else {
                            self.expr(x, cx)
                        };
                        let n = format_ident!("__a{}", i);
                        lets.push(quote!(let #n = #v;));
                        names.push(n);
                    }
                    let call = self.check(quote!(__o.#m(#(#names),*)), line, cx);
                    quote!({ let __o = ::std::sync::Arc::clone(&#r.0); #(#lets)* #call })
                }
                ExprKind::New { class, args } => {
                    let f = format_ident!("{}__new", class);
                    let a = self.args(args, cx);
                    self.check(quote!(#f(#(#a),*)), line, cx)
                }
                ExprKind::Field { obj, owner, field }
                    if cx.hoist.var(obj, owner, field).is_some() =>
                {
                    self.hoisted_field(obj, owner, field, line, false, cx)
                        .unwrap_or_default()
                }
                ExprKind::Field { obj, owner, field } => {
                    // A local object is read in place (no handle clone on the hot path).
                    let o = match &obj.kind {
                        ExprKind::Local(_) => {
                            let p = self.place(obj, cx);
                            quote!(&#p)
                        }
                        _ => {
                            let v = self.expr(obj, cx);
                            quote!(&#v)
                        }
                    };
                    let acc = format_ident!("__f_{}", owner);
                    let f = ident(field);
                    let fname = field.as_str();
                    let file = self.file;
                    let err = self.raise(quote!(::matx::rt::no_attribute(__o.0.__matx_class_name(), #fname).at(#file, #line)), cx);
                    quote!({
                        let __o = #o;
                        let __v = ::std::clone::Clone::clone(&__o.0.#acc().read().#f);
                        match __v { ::std::option::Option::Some(__v) => __v, ::std::option::Option::None => { #err } }
                    })
                }
                ExprKind::List(xs) => {
                    let t = elem_rust(&e.ty);
                    let xs = self.args(xs, cx);
                    if xs.is_empty() {
                        quote!(::matx::List::<#t>::new())
                    } else {
                        quote!(::matx::List::<#t>::from_vec(::std::vec![#(#xs),*]))
                    }
                }
                ExprKind::Set(xs) => {
                    let t = elem_rust(&e.ty);
                    // CPython builds a display of three or more constants from a frozenset constant.
                    let ctor = if xs.len() > 2 && xs.iter().all(is_constant) {
                        quote!(from_const)
                    } else {
                        quote!(from_vec)
                    };
                    let xs = self.args(xs, cx);
                    self.check(
                        quote!(::matx::Set::<#t>::#ctor(::std::vec![#(#xs),*])),
                        line,
                        cx,
                    )
                }
                ExprKind::Dict(kvs) => {
                    let (k, v) = match &e.ty {
                        Ty::Dict(k, v) => (k.rust(), v.rust()),
                        _ => (quote!(_), quote!(_)),
                    };
                    let pairs: Vec<TokenStream> = kvs
                        .iter()
                        .map(|(a, b)| {
                            let a = self.expr(a, cx);
                            let b = self.expr(b, cx);
                            quote!((#a, #b))
                        })
                        .collect();
                    quote!(::matx::Dict::<#k, #v>::from_pairs(::std::vec![#(#pairs),*]))
                }
                ExprKind::Tuple(xs) if xs.is_empty() => quote!(::matx::rt::Tuple0),
                ExprKind::Tuple(xs) => {
                    let xs = self.args(xs, cx);
                    quote!((#(#xs,)*))
                }
                ExprKind::TupleGet(t, i) => {
                    let idx = syn_index(*i);
                    let t = self.place(t, cx);
                    quote!(::std::clone::Clone::clone(&#t.#idx))
                }
                ExprKind::Collect { acc, body } => {
                    let a = ident(acc);
                    let b = self.block(body, cx);
                    let make = match &e.ty {
                        Ty::List(t) => {
                            let t = t.rust();
                            quote!(::matx::List::<#t>::from_vec(#a))
                        }
                        Ty::Set(t) => {
                            let t = t.rust();
                            self.check(quote!(::matx::Set::<#t>::from_vec(#a)), line, cx)
                        }
                        Ty::Dict(k, v) if **k == Ty::Any => {
                            let (k, v) = (k.rust(), v.rust());
                            self.check(
                                quote!(::matx::rt::dict_from_pairs_checked::<#k, #v>(#a)),
                                line,
                                cx,
                            )
                        }
                        Ty::Dict(k, v) => {
                            let (k, v) = (k.rust(), v.rust());
                            quote!(::matx::Dict::<#k, #v>::from_pairs(#a))
                        }
                        _ => quote!(#a),
                    };
                    quote!({ let mut #a = ::std::vec::Vec::new(); #b #make })
                }
                ExprKind::Block(stmts, v) => {
                    let s = self.block(stmts, cx);
                    let v = self.expr(v, cx);
                    quote!({ #s #v })
                }
                ExprKind::IfElse(c, a, b) => {
                    let (c, a, b) = (self.expr(c, cx), self.expr(a, cx), self.expr(b, cx));
                    quote!(if #c { #a } else { #b })
                }
                ExprKind::BoolOp { and, left, right } => {
                    let (l, r) = (self.expr(left, cx), self.expr(right, cx));
                    if e.ty == Ty::Bool {
                        return if *and {
                            quote!((#l && #r))
                        } else {
                            quote!((#l || #r))
                        };
                    }
                    let truth = self.check(quote!(::matx::PyValue::py_bool(&__l)), line, cx);
                    if *and {
                        quote!({ let __l = #l; if #truth { #r } else { __l } })
                    } else {
                        quote!({ let __l = #l; if #truth { __l } else { #r } })
                    }
                }
                ExprKind::Not(x) => {
                    let x = self.expr(x, cx);
                    quote!((!#x))
                }
                ExprKind::Truth(x) => {
                    let v = self.expr(x, cx);
                    match x.ty {
                        Ty::Int => quote!((#v != 0)),
                        Ty::Float => quote!((#v != 0.0)),
                        Ty::Bool => v,
                        Ty::None => quote!({ let _ = #v; false }),
                        _ => self.check(quote!(::matx::PyValue::py_bool(&#v)), line, cx),
                    }
                }
                ExprKind::Prim(op, xs) => {
                    let a = self.args(xs, cx);
                    let x = &a[0];
                    let y = a.get(1).cloned().unwrap_or_default();
                    match op {
                        PrimOp::Lt => quote!((#x < #y)),
                        PrimOp::Le => quote!((#x <= #y)),
                        PrimOp::Gt => quote!((#x > #y)),
                        PrimOp::Ge => quote!((#x >= #y)),
                        PrimOp::Eq => quote!((#x == #y)),
                        PrimOp::Ne => quote!((#x != #y)),
                        PrimOp::FAdd => quote!((#x + #y)),
                        PrimOp::FSub => quote!((#x - #y)),
                        PrimOp::FMul => quote!((#x * #y)),
                        PrimOp::FNeg => quote!((-#x)),
                        PrimOp::BitAnd | PrimOp::BAnd => quote!((#x & #y)),
                        PrimOp::BitOr | PrimOp::BOr => quote!((#x | #y)),
                        PrimOp::BitXor | PrimOp::BXor => quote!((#x ^ #y)),
                        PrimOp::Invert => quote!((!#x)),
                        PrimOp::Is => quote!(::matx::rt::is_same(&#x, &#y)),
                    }
                }
                ExprKind::Convert(c, x) => self.convert(c, x, &e.ty, line, cx),
                ExprKind::Lambda {
                    params,
                    ret,
                    body,
                    captures,
                    locals,
                } => {
                    let caps = captures.iter().map(|c| {
                        let c = ident(c);
                        quote!(let #c = ::std::clone::Clone::clone(&#c);)
                    });
                    let ps = params.iter().map(|(n, t)| {
                        let n = ident(n);
                        let t = t.rust();
                        quote!(mut #n: #t)
                    });
                    let pts = params.iter().map(|(_, t)| t.rust());
                    let rt = ret.rust();
                    let mut inner = FnCx {
                        frames: vec![],
                        ret: ret.clone(),
                        handling: vec![],
                        counter: cx.counter + 1000,
                        maybe: captures
                            .iter()
                            .filter(|c| cx.maybe.contains(*c))
                            .cloned()
                            .collect(),
                        group: cx.group.clone(),
                        guard: super::Guard::Tls,
                        hoist: Default::default(),
                        kept: Default::default(),
                        chars: Default::default(),
                        bounded: Default::default(),
                        readers: Default::default(),
                    };
                    let b = self.body(locals, body, ret, &mut inner);
                    quote!({
                        #(#caps)*
                        let __f: ::std::sync::Arc<dyn Fn(#(#pts),*) -> ::matx::Result<#rt> + Send + Sync> =
                            ::std::sync::Arc::new(move |#(#ps),*| -> ::matx::Result<#rt> { #b });
                        __f
                    })
                }
                ExprKind::Format(parts) => {
                    if let [FmtPart::Str(x)] = parts.as_slice() {
                        if x.ty == Ty::Str {
                            return self.expr(x, cx);
                        }
                    }
                    let body = self.fmt_parts(parts, quote!(__s), line, cx);
                    quote!({ let mut __s = ::std::string::String::new(); #body ::matx::Str::from(__s) })
                }
                ExprKind::FormatCall {
                    template,
                    args,
                    kwargs,
                    percent,
                } => {
                    let t = self.place(template, cx);
                    let a: Vec<TokenStream> = args.iter().map(|a| self.fmt_arg(a, cx)).collect();
                    let call = if *percent {
                        quote!(::matx::fmt::percent_format(#t.as_str(), &[#(#a),*]))
                    } else {
                        let kw: Vec<TokenStream> = kwargs
                            .iter()
                            .map(|(k, v)| {
                                let v = self.fmt_arg(v, cx);
                                quote!((#k, #v))
                            })
                            .collect();
                        quote!(::matx::fmt::str_format(#t.as_str(), &[#(#a),*], &[#(#kw),*]))
                    };
                    self.check(call, line, cx)
                }
                ExprKind::IsInstance(x, c) if x.ty == Ty::Any => {
                    // The object's class is `c` or derives from it.
                    let x = self.place(x, cx);
                    let c = format_ident!("{}", c);
                    quote!(<#c as ::matx::FromAny>::from_any(&#x).is_ok())
                }
                ExprKind::IsInstance(x, c) => {
                    let x = self.place(x, cx);
                    quote!(#x.0.__matx_is(#c))
                }
                ExprKind::MakeExc(k, arg) => {
                    let p = self.exc_path(k);
                    match arg {
                        None => quote!(::matx::Error::bare(#p)),
                        Some(a) if a.ty == Ty::Str => {
                            let v = self.expr(a, cx);
                            quote!(::matx::rt::exc_with_str(#p, #v))
                        }
                        Some(a) => {
                            let v = self.expr(a, cx);
                            self.check(quote!(::matx::rt::exc_with_value(#p, &#v)), line, cx)
                        }
                    }
                }
            }
        })
    }

    fn fmt_arg(&self, a: &Expr, cx: &mut FnCx) -> TokenStream {
        let v = self.expr(a, cx);
        match a.ty {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str => quote!(&#v as &dyn ::matx::fmt::FormatArg),
            _ => quote!(&::matx::fmt::Generic(&#v) as &dyn ::matx::fmt::FormatArg),
        }
    }

    fn fmt_parts(
        &self,
        parts: &[FmtPart],
        out: TokenStream,
        line: u32,
        cx: &mut FnCx,
    ) -> TokenStream {
        let mut body = TokenStream::new();
        for p in parts {
            let stmt = match p {
                FmtPart::Lit(s) => quote!(#out.push_str(#s);),
                FmtPart::Str(x) => {
                    let v = self.expr(x, cx);
                    let c = self.check(quote!(::matx::PyValue::py_str(&#v, &mut #out)), line, cx);
                    quote!(#c;)
                }
                FmtPart::Repr(x) => {
                    let v = self.expr(x, cx);
                    let c = self.check(quote!(::matx::PyValue::py_repr(&#v, &mut #out)), line, cx);
                    quote!(#c;)
                }
                FmtPart::Ascii(x) => {
                    let v = self.expr(x, cx);
                    let c = self.check(quote!(::matx::rt::push_ascii(&#v, &mut #out)), line, cx);
                    quote!(#c;)
                }
                FmtPart::Spec(x, spec) => {
                    let v = self.expr(x, cx);
                    let spec_tokens = if spec.iter().all(|p| matches!(p, FmtPart::Lit(_))) {
                        let s: String = spec
                            .iter()
                            .map(|p| {
                                if let FmtPart::Lit(s) = p {
                                    s.as_str()
                                } else {
                                    ""
                                }
                            })
                            .collect();
                        quote!(#s)
                    } else {
                        let b = self.fmt_parts(spec, quote!(__spec), line, cx);
                        quote!({ let mut __spec = ::std::string::String::new(); #b __spec }.as_str())
                    };
                    let call = match x.ty {
                        Ty::Int | Ty::Float | Ty::Bool | Ty::Str => {
                            quote!(::matx::fmt::PyFormat::py_format(&#v, #spec_tokens, &mut #out))
                        }
                        _ => quote!(::matx::fmt::format_generic(&#v, #spec_tokens, &mut #out)),
                    };
                    let c = self.check(call, line, cx);
                    quote!(#c;)
                }
            };
            body.extend(stmt);
        }
        body
    }

    fn upcast(&self, o: TokenStream, base: &str) -> TokenStream {
        let b = format_ident!("{}", base);
        let iface = format_ident!("{}__Iface", base);
        quote!(#b({ let __x: ::std::sync::Arc<dyn #iface> = #o.0; __x }))
    }

    fn convert(&self, c: &Conv, x: &Expr, ty: &Ty, line: u32, cx: &mut FnCx) -> TokenStream {
        let v = self.expr(x, cx);
        match c {
            Conv::IntToFloat => quote!((#v as f64)),
            Conv::BoolToInt => quote!((#v as i64)),
            Conv::Some => quote!(::std::option::Option::Some(#v)),
            Conv::Unwrap => self.check(quote!(::matx::rt::unwrap(#v)), line, cx),
            Conv::ToAny => match &x.ty {
                // A function becomes a callable `Any` taking and giving `Any` values.
                Ty::Func(params, _) => {
                    let n = params.len();
                    let args = params.iter().map(|p| {
                        let t = p.rust();
                        quote!(<#t as ::matx::FromAny>::from_any_exact(&__it.next().unwrap_or_default())?)
                    });
                    quote!({
                        let __f = #v;
                        ::matx::rt::AnyFunc::value(#n, move |__a: ::std::vec::Vec<::matx::Any>| {
                            let mut __it = __a.into_iter();
                            let __r = __f(#(#args),*)?;
                            ::std::result::Result::Ok(::matx::ToAny::to_any(&__r))
                        })
                    })
                }
                _ => quote!(::matx::ToAny::to_any(&#v)),
            },
            Conv::FromAny => {
                let t = ty.rust();
                self.check(quote!(<#t as ::matx::FromAny>::from_any(&#v)), line, cx)
            }
            Conv::FromAnyExact => {
                let t = ty.rust();
                self.check(
                    quote!(<#t as ::matx::FromAny>::from_any_exact(&#v)),
                    line,
                    cx,
                )
            }
            Conv::Upcast(b) => self.upcast(v, b),
            Conv::ToList => self.check(quote!(::matx::rt::to_list(&#v)), line, cx),
            Conv::TupleToVec(n) => {
                let idx = (0..*n).map(syn_index);
                quote!({ let __t = #v; ::std::vec![#(__t.#idx),*] })
            }
        }
    }
}

fn elem_rust(t: &Ty) -> TokenStream {
    match t {
        Ty::List(e) | Ty::Set(e) => e.rust(),
        _ => quote!(_),
    }
}

/// A literal constant as CPython's compiler sees one (after folding `-1`).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLit
        | ExprKind::Str(_)
        | ExprKind::Bytes(_) => true,
        ExprKind::Tuple(xs) => xs.iter().all(is_constant),
        ExprKind::Convert(_, x) => is_constant(x),
        _ => false,
    }
}
