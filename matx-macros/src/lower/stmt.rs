//! Lowering of statements: assignment targets, loops with `else`, and `try`/`except`/`finally` as labeled blocks.

use super::{ident, FnCx, Frame, Lower};
use crate::ir::{Block, Callee, Expr, ExprKind, ForIter, RtFn, Stmt, StmtKind, Target};
use crate::types::Ty;
use crate::{STACK_GROW, STACK_RED_ZONE};
use proc_macro2::TokenStream;
use quote::quote;

impl Lower<'_> {
    pub fn block(&self, b: &Block, cx: &mut FnCx) -> TokenStream {
        let n_bound = cx.bounded.len();
        let mut stmts = Vec::with_capacity(b.len());
        for (k, s) in b.iter().enumerate() {
            stmts.push(self.stmt(s, cx));
            // What an early exit tells the rest of the block (`arith.rs`).
            cx.bounded
                .extend(super::arith::guard_bound(s, &b[k + 1..], cx));
        }
        cx.bounded.truncate(n_bound);
        quote!(#(#stmts)*)
    }

    /// Raising the error value `e` (tokens of type `::matx::Error`) from the current point.
    pub fn raise(&self, e: TokenStream, cx: &FnCx) -> TokenStream {
        for f in cx.frames.iter().rev() {
            match f {
                Frame::TryBody(l) => return quote!(break #l #e),
                Frame::Finally(l) => return quote!(break #l ::matx::rt::Flow::Raise(#e)),
                Frame::Loop { .. } => {}
            }
        }
        quote!(return ::std::result::Result::Err(#e))
    }

    /// `expr?` with the error located at `line` and routed through the enclosing handlers.
    pub fn check(&self, e: TokenStream, line: u32, cx: &FnCx) -> TokenStream {
        let file = self.file;
        let raise = self.raise(quote!(__e.at(#file, #line)), cx);
        quote!(match #e { ::std::result::Result::Ok(__v) => __v, ::std::result::Result::Err(__e) => { #raise } })
    }

    fn ret(&self, v: TokenStream, cx: &FnCx) -> TokenStream {
        for f in cx.frames.iter().rev() {
            if let Frame::Finally(l) = f {
                return quote!(break #l ::matx::rt::Flow::Return(#v));
            }
        }
        quote!(return ::std::result::Result::Ok(#v))
    }

    fn jump(&self, brk: bool, cx: &FnCx) -> TokenStream {
        for f in cx.frames.iter().rev() {
            match f {
                Frame::Loop { brk: b, cont } => {
                    return if brk {
                        quote!(break #b;)
                    } else {
                        quote!(continue #cont;)
                    };
                }
                Frame::Finally(l) => {
                    return if brk {
                        quote!(break #l ::matx::rt::Flow::Break;)
                    } else {
                        quote!(break #l ::matx::rt::Flow::Continue;)
                    };
                }
                Frame::TryBody(_) => {}
            }
        }
        quote!()
    }

    pub fn stmt(&self, s: &Stmt, cx: &mut FnCx) -> TokenStream {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            let line = s.line;
            match &s.kind {
                StmtKind::Expr(e) => {
                    let v = self.expr(e, cx);
                    quote!(let _ = #v;)
                }
                StmtKind::Push(acc, xs) => {
                    let acc = ident(acc);
                    let vals: Vec<TokenStream> = xs.iter().map(|x| self.expr(x, cx)).collect();
                    if let [v] = vals.as_slice() {
                        quote!(#acc.push(#v);)
                    } else {
                        quote!(#acc.push((#(#vals),*));)
                    }
                }
                StmtKind::Let(n, e) => {
                    let n = ident(n);
                    let v = self.expr(e, cx);
                    quote!(let mut #n = #v;)
                }
                // A char local takes the code point itself (`strs.rs`).
                StmtKind::Assign(Target::Local(n), v) if cx.chars.contains(n) => {
                    let c = self.char_expr(v, cx).unwrap_or_default();
                    let n = ident(n);
                    quote!(#n = #c;)
                }
                StmtKind::Assign(t, v) => {
                    let kept = matches!(t, Target::Local(n) if cx.kept.contains(n));
                    let ty = &v.ty;
                    let v = self.expr(v, cx);
                    // A fresh container taken over by a local that keeps it to itself.
                    let v = match ty {
                        Ty::List(_) if kept => quote!(::matx::LocalList::from_list(#v)),
                        Ty::Dict(..) if kept => quote!(::matx::LocalDict::from_dict(#v)),
                        _ => v,
                    };
                    let tmp = cx.tmp("v");
                    let assign = self.assign(t, quote!(#tmp), line, cx);
                    quote!({ let #tmp = #v; #assign })
                }
                StmtKind::If(c, a, b) => {
                    let c = self.expr(c, cx);
                    let a = self.block(a, cx);
                    if b.is_empty() {
                        quote!(if #c { #a })
                    } else {
                        let b = self.block(b, cx);
                        quote!(if #c { #a } else { #b })
                    }
                }
                StmtKind::While(c, body, orelse) => {
                    let (brk, cont) = (cx.label("brk"), cx.label("cont"));
                    let (readers, n_readers) = self.readers(body, Some(c), None, cx);
                    let c = self.expr(c, cx);
                    cx.frames.push(Frame::Loop {
                        brk: brk.clone(),
                        cont: cont.clone(),
                    });
                    let body = self.block(body, cx);
                    cx.frames.pop();
                    self.drop_readers(n_readers, cx);
                    let orelse = self.block(orelse, cx);
                    if c.to_string() == "true" {
                        // `while True`: a Rust `loop`, so Rust sees that only `break` leaves it.
                        quote!(#brk: { #readers #cont: loop { #body } #orelse })
                    } else {
                        quote!(#brk: { #readers #cont: while #c { #body } #orelse })
                    }
                }
                StmtKind::For(f) => {
                    let (brk, cont) = (cx.label("brk"), cx.label("cont"));
                    let item = cx.tmp("item");
                    let assign = self.assign(&f.target, quote!(#item), line, cx);
                    cx.frames.push(Frame::Loop {
                        brk: brk.clone(),
                        cont: cont.clone(),
                    });
                    let (mut hoisted, n_hoisted) = self.hoist(f, cx);
                    let (readers, n_readers) = self.readers(&f.body, None, Some(&f.target), cx);
                    hoisted.extend(readers);
                    let bound = super::arith::loop_bound(f, cx);
                    let n_bound = cx.bounded.len();
                    cx.bounded.extend(bound);
                    let body = self.block(&f.body, cx);
                    cx.bounded.truncate(n_bound);
                    self.drop_readers(n_readers, cx);
                    self.unhoist(n_hoisted, cx);
                    cx.frames.pop();
                    let orelse = self.block(&f.orelse, cx);
                    match &f.iter {
                        ForIter::Range(a, b, c) => {
                            let (a, b) = (self.expr(a, cx), self.expr(b, cx));
                            let step_const = match &c.kind {
                                ExprKind::Int(v) => Some(*v),
                                _ => None,
                            };
                            let cv = self.expr(c, cx);
                            let (i, end, step) = (cx.tmp("i"), cx.tmp("end"), cx.tmp("step"));
                            let file = self.file;
                            let zero = self.raise(quote!(::matx::Error::new(&::matx::exc::ValueError, "range() arg 3 must not be zero").at(#file, #line)), cx);
                            let cond = match step_const {
                                Some(s) if s > 0 => quote!(#i < #end),
                                Some(s) if s < 0 => quote!(#i > #end),
                                _ => quote!(if #step > 0 { #i < #end } else { #i > #end }),
                            };
                            quote!(#brk: {
                                let mut #i: i64 = #a;
                                let #end: i64 = #b;
                                let #step: i64 = #cv;
                                if #step == 0 { #zero; }
                                #hoisted
                                #cont: while #cond {
                                    let #item = #i;
                                    // Python's range never overflows: stop when the next value would.
                                    match #i.checked_add(#step) { ::std::option::Option::Some(__n) => #i = __n, ::std::option::Option::None => #i = #end };
                                    #assign
                                    #body
                                }
                                #orelse
                            })
                        }
                        // The code points of a `str` into a char local.
                        ForIter::Iter(e, _)
                            if e.ty == Ty::Str
                                && matches!(&f.target, Target::Local(n) if cx.chars.contains(n)) =>
                        {
                            let (it, text) = (cx.tmp("it"), cx.tmp("text"));
                            let src = self.expr(e, cx);
                            quote!(#brk: {
                                let #text: ::matx::Str = #src;
                                let mut #it = #text.as_str().chars();
                                #hoisted
                                #cont: while let ::std::option::Option::Some(#item) = ::std::iter::Iterator::next(&mut #it) {
                                    #assign
                                    #body
                                }
                                #orelse
                            })
                        }
                        ForIter::Iter(e, _) => {
                            let it = cx.tmp("it");
                            let start = self.iter_start(e, cx);
                            let next = self.check(quote!(__r), line, cx);
                            quote!(#brk: {
                                let mut #it = #start;
                                #hoisted
                                #cont: while let ::std::option::Option::Some(__r) = ::std::iter::Iterator::next(&mut #it) {
                                    let #item = #next;
                                    #assign
                                    #body
                                }
                                #orelse
                            })
                        }
                    }
                }
                StmtKind::Break => self.jump(true, cx),
                StmtKind::Continue => self.jump(false, cx),
                StmtKind::Return(v) => {
                    let v = match v {
                        Some(Expr {
                            kind: ExprKind::Local(n),
                            ty,
                            ..
                        }) if cx.kept.contains(n) => {
                            let n = ident(n);
                            match ty {
                                Ty::Dict(..) => quote!(::matx::LocalDict::into_dict(&mut #n)),
                                _ => quote!(::matx::LocalList::into_list(&mut #n)),
                            }
                        }
                        Some(v) => self.expr(v, cx),
                        None => quote!(()),
                    };
                    let r = self.ret(v, cx);
                    quote!(#r;)
                }
                StmtKind::Raise(e) => {
                    let file = self.file;
                    let err = match e {
                        None => match cx.handling.last() {
                            Some(h) => {
                                let h = ident(h);
                                quote!(::std::clone::Clone::clone(&#h))
                            }
                            None => quote!(::matx::Error::new(
                                &::matx::exc::RuntimeError,
                                "No active exception to reraise"
                            )),
                        },
                        Some(e) => {
                            let v = self.expr(e, cx);
                            quote!(#v.at(#file, #line))
                        }
                    };
                    let r = self.raise(err, cx);
                    quote!(#r;)
                }
                StmtKind::Assert(c, msg) => {
                    let c = self.expr(c, cx);
                    let file = self.file;
                    let e = match msg {
                        Some(m) => {
                            let m = self.expr(m, cx);
                            quote!(::matx::rt::exc_with_str(&::matx::exc::AssertionError, #m).at(#file, #line))
                        }
                        None => {
                            quote!(::matx::Error::bare(&::matx::exc::AssertionError).at(#file, #line))
                        }
                    };
                    let r = self.raise(e, cx);
                    quote!(if !#c { #r; })
                }
                StmtKind::Try(t) => self.try_stmt(t, cx),
            }
        })
    }

    fn try_stmt(&self, t: &crate::ir::TryStmt, cx: &mut FnCx) -> TokenStream {
        if t.finalbody.is_empty() {
            return self.try_except(t, cx);
        }
        // try/finally: run the inner statement in a labeled block that yields how it left.
        let fin = cx.label("fin");
        let flow = cx.tmp("flow");
        cx.frames.push(Frame::Finally(fin.clone()));
        let inner = if t.handlers.is_empty() {
            let b = self.block(&t.body, cx);
            let o = self.block(&t.orelse, cx);
            quote!(#b #o)
        } else {
            self.try_except(t, cx)
        };
        cx.frames.pop();
        let after = cx.label("after");
        let final_normal = self.block(&t.finalbody, cx);
        let finalbody = self.block(&t.finalbody, cx);
        let ret_ty = cx.ret.rust();
        let on_return = self.ret(quote!(__v), cx);
        let on_raise = self.raise(quote!(__e), cx);
        let in_loop = cx.frames.iter().any(|f| matches!(f, Frame::Loop { .. }));
        let (on_break, on_continue) = (self.jump(true, cx), self.jump(false, cx));
        // The normal path runs `finally` inline; every other exit breaks out with how it left,
        // runs `finally`, then leaves the same way (no path falls through the dispatch).
        let (on_break, on_continue) = if in_loop {
            (on_break, on_continue)
        } else {
            // Never produced outside a loop; still a diverging arm.
            let r = self.raise(quote!(::matx::rt::fell_off_end()), cx);
            (quote!(#r;), quote!(#r;))
        };
        quote!(#after: {
            let #flow: ::matx::rt::Flow<#ret_ty> = #fin: {
                #inner
                #final_normal
                break #after;
            };
            #finalbody
            match #flow {
                ::matx::rt::Flow::Return(__v) => { #on_return; }
                ::matx::rt::Flow::Raise(__e) => { #on_raise; }
                ::matx::rt::Flow::Break => { #on_break }
                ::matx::rt::Flow::Continue => { #on_continue }
            }
        })
    }

    fn try_except(&self, t: &crate::ir::TryStmt, cx: &mut FnCx) -> TokenStream {
        let lbl = cx.label("try");
        let done = cx.label("done");
        cx.frames.push(Frame::TryBody(lbl.clone()));
        let body = self.block(&t.body, cx);
        cx.frames.pop();
        // `else` runs after the body completes, outside the handlers' reach.
        let orelse = self.block(&t.orelse, cx);
        let mut chain = self.raise(quote!(__exc), cx);
        chain = quote!({ #chain; });
        for h in t.handlers.iter().rev() {
            let var = h.name.clone().unwrap_or_else(|| "__unused".into());
            cx.handling.push(var.clone());
            let hb = self.block(&h.body, cx);
            cx.handling.pop();
            let bind = self.assign(
                &Target::Local(var.clone()),
                quote!(::std::clone::Clone::clone(&__exc)),
                0,
                cx,
            );
            if h.kinds.is_empty() {
                chain = quote!({ #bind #hb });
            } else {
                let conds = h.kinds.iter().map(|k| {
                    let p = self.exc_path(k);
                    quote!(__exc.is_instance(#p))
                });
                chain = quote!(if #(#conds)||* { #bind #hb } else #chain);
            }
        }
        quote!(#done: {
            let __exc: ::matx::Error = #lbl: {
                #body
                #orelse
                break #done;
            };
            #chain
        })
    }

    /// Stores `v` (an owned value expression, usually a temporary) into a target.
    /// The iterator a `for` loop over `e` runs. Over `d.keys()`, `d.values()` or `d.items()`
    /// it iterates the dict itself, as CPython's live views do (values changed by the loop
    /// are seen, a change of size is a `RuntimeError`), not the list those calls return.
    fn iter_start(&self, e: &Expr, cx: &mut FnCx) -> TokenStream {
        if let ExprKind::Method {
            recv, name, args, ..
        } = &e.kind
        {
            if args.is_empty() && matches!(recv.ty, Ty::Dict(..)) {
                let d = self.place(recv, cx);
                match name.as_str() {
                    "keys" => return quote!(::matx::rt::iter(&#d)),
                    "values" => return quote!(#d.iter_values()),
                    "items" => return quote!(#d.iter_items()),
                    _ => {}
                }
            }
        }
        // A dict, set or string an `enumerate`/`zip`/... iterates: itself, live, not the list
        // made of it for the eager forms.
        if let Some(inner) = iterated_in_place(e) {
            return self.iter_start(inner, cx);
        }
        // `enumerate`, `zip`, `reversed`, `map`, `filter`: CPython's lazy iterators, not the
        // lists those calls build anywhere else.
        if let ExprKind::Rt {
            func,
            recv: None,
            args,
            ..
        } = &e.kind
        {
            if let Some((lazy, n_iterables)) = lazy_form(func) {
                let f = lazy.path();
                // The iterables are iterated lazily too (a list live, a nested `zip` or
                // `map` one step at a time); the rest (`start`, the function, the list
                // `reversed` walks back) are values.
                let a: Vec<TokenStream> = args
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        if i < n_iterables {
                            self.iter_start(a, cx)
                        } else {
                            self.expr(a, cx)
                        }
                    })
                    .collect();
                return quote!(#f(#(#a),*));
            }
        }
        let src = self.place(e, cx);
        quote!(::matx::rt::iter(&#src))
    }

    pub fn assign(&self, t: &Target, v: TokenStream, line: u32, cx: &mut FnCx) -> TokenStream {
        match t {
            Target::Local(n) if cx.maybe.contains(n) => {
                let n = ident(n);
                quote!(#n = ::std::option::Option::Some(#v);)
            }
            Target::Local(n) => {
                let n = ident(n);
                quote!(#n = #v;)
            }
            Target::Discard => quote!(let _ = #v;),
            Target::Field { obj, owner, field } => {
                let o = self.place(obj, cx);
                let o = quote!(&#o);
                let acc = quote::format_ident!("__f_{}", owner);
                let f = ident(field);
                quote!({ let __o = #o; __o.0.#acc().write().#f = ::std::option::Option::Some(#v); })
            }
            Target::AnyAttr { obj, name } => {
                let o = self.expr(obj, cx);
                let f = RtFn::AnySetattr.path();
                let call = self.check(quote!(#f(&__o, ::matx::Str::from(#name), #v)), line, cx);
                quote!({ let __o = #o; #call; })
            }
            Target::Item { obj, index } => {
                // A local container is used in place (no handle clone per store).
                let o = self.place(obj, cx);
                let o = quote!(&#o);
                let i = self.expr(index, cx);
                let call = self.check(quote!(::matx::rt::set_item(__o, #i, #v)), line, cx);
                quote!({ let __o = #o; #call; })
            }
            Target::Slice {
                obj,
                lower,
                upper,
                step,
            } => {
                let o = self.expr(obj, cx);
                let b = |e: &Option<crate::ir::Expr>, cx: &mut FnCx| match e {
                    Some(e) => {
                        let x = self.expr(e, cx);
                        quote!(::std::option::Option::Some(#x))
                    }
                    None => quote!(::std::option::Option::None),
                };
                let (a, bb, c) = (b(lower, cx), b(upper, cx), b(step, cx));
                let call = self.check(
                    quote!(::matx::rt::set_slice(&__o, #a, #bb, #c, #v)),
                    line,
                    cx,
                );
                quote!({ let __o = #o; #call; })
            }
            Target::Tuple(ts, _) => {
                let tmp = cx.tmp("t");
                let parts: Vec<TokenStream> = ts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let idx = syn_index(i);
                        self.assign(t, quote!(::std::clone::Clone::clone(&#tmp.#idx)), line, cx)
                    })
                    .collect();
                quote!({ let #tmp = #v; #(#parts)* })
            }
            Target::ListUnpack(ts, _) => {
                let tmp = cx.tmp("t");
                let n = ts.len();
                let get = self.check(quote!(::matx::rt::unpack(#v, #n)), line, cx);
                let parts: Vec<TokenStream> = ts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        self.assign(t, quote!(::std::clone::Clone::clone(&#tmp[#i])), line, cx)
                    })
                    .collect();
                quote!({ let #tmp = #get; #(#parts)* })
            }
            Target::Starred {
                before,
                star,
                after,
                ..
            } => {
                let tmp = cx.tmp("t");
                let (nb, na) = (before.len(), after.len());
                let get = self.check(quote!(::matx::rt::unpack_star(#v, #nb, #na)), line, cx);
                let mut parts: Vec<TokenStream> = before
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        self.assign(t, quote!(::std::clone::Clone::clone(&#tmp.0[#i])), line, cx)
                    })
                    .collect();
                parts.push(self.assign(
                    star,
                    quote!(::std::clone::Clone::clone(&#tmp.1)),
                    line,
                    cx,
                ));
                for (i, t) in after.iter().enumerate() {
                    parts.push(self.assign(
                        t,
                        quote!(::std::clone::Clone::clone(&#tmp.2[#i])),
                        line,
                        cx,
                    ));
                }
                quote!({ let #tmp = #get; #(#parts)* })
            }
        }
    }
}

pub fn syn_index(i: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::usize_unsuffixed(i)
}

/// The lazy iterator a `for` runs for the runtime call `func`, and how many of its first
/// arguments are iterables it iterates itself (see [`RtFn::lazy_form`]).
pub(super) fn lazy_form(func: &Callee) -> Option<(RtFn, usize)> {
    match func {
        Callee::Fn(f) => f.lazy_form(),
        Callee::Declared(_) => None,
    }
}

/// The iterable itself when `e` is one converted to a list only to be passed to an eager
/// builtin (`enumerate(d)`, `zip(s, ...)`): a `for` iterates it directly, as CPython does
/// (a dict or set changed meanwhile raises `RuntimeError`).
pub(super) fn iterated_in_place(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Convert(crate::ir::Conv::ToList, inner)
            if matches!(
                inner.ty,
                Ty::Dict(..) | Ty::Set(_) | Ty::Str | Ty::Bytes | Ty::Range
            ) =>
        {
            Some(inner)
        }
        _ => None,
    }
}
