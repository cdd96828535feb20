//! Generates the runtime's dynamic dispatch from the stubs the checker reads, so typed and
//! dynamic calls cannot drift apart: `matx::rt::any_call_method` (a builtin method called on
//! an `Any` value) and `matx::rt::any_call_function` (a stub function called with `Any`
//! arguments that decide its overload). Overloads are tried in order, first taking only
//! arguments of exactly the declared types, then converting as CPython converts. As every
//! non-special function and method of the stubs is named here, the runtime does not build if
//! it lacks one: the stubs are a contract the compiler of the runtime checks.

use crate::stubs::{Kind, Lit, StubFn, Stubs};
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn subst_any(t: &Ty) -> Ty {
    match t {
        Ty::Param(_) => Ty::Any,
        Ty::List(e) => Ty::list(subst_any(e)),
        Ty::Set(e) => Ty::set(subst_any(e)),
        Ty::Dict(k, v) => Ty::dict(subst_any(k), subst_any(v)),
        Ty::Optional(e) => Ty::Optional(Box::new(subst_any(e))),
        Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(subst_any).collect()),
        Ty::Iterable(e) => Ty::Iterable(Box::new(subst_any(e))),
        Ty::VarTuple(e) => Ty::VarTuple(Box::new(subst_any(e))),
        other => other.clone(),
    }
}

/// A type's Rust spelling inside the runtime crate (`crate::` for `::matx::`).
fn in_crate(t: &Ty) -> TokenStream {
    t.rust()
        .to_string()
        .replace(":: matx ::", "crate ::")
        .replace("::matx::", "crate::")
        .parse()
        .unwrap_or_default()
}

fn lit(l: &Lit) -> TokenStream {
    match l {
        Lit::None => quote!(::std::option::Option::None),
        Lit::Int(i) => quote!(#i),
        Lit::Float(f) => quote!(#f),
        Lit::Bool(b) => quote!(#b),
        Lit::Str(s) => quote!(crate::Str::from(#s)),
        Lit::Bytes(b) => {
            let b = proc_macro2::Literal::byte_string(b);
            quote!(crate::Bytes::new(#b))
        }
    }
}

/// The conversion of `__x: &Any` to a parameter of type `t` (`__exact` chooses the strength).
fn conv(t: &Ty) -> TokenStream {
    match t {
        Ty::Iterable(e) => {
            let et = in_crate(e);
            quote!(crate::rt::any_iterable_to_list::<#et>(__x, __exact))
        }
        Ty::VarTuple(e) => {
            let et = in_crate(e);
            quote!(crate::rt::any_to_vec::<#et>(__x))
        }
        _ => {
            let rt = in_crate(t);
            quote!(if __exact { <#rt as crate::FromAny>::from_any_exact(__x) } else { <#rt as crate::FromAny>::from_any(__x) })
        }
    }
}

/// One overload: if the arguments bind to its parameters and convert to their types, call it
/// (`call` is given the argument names) and return its result; else fall through to the next.
fn overload(m: &StubFn, call: impl Fn(&[proc_macro2::Ident]) -> TokenStream) -> TokenStream {
    let specs = m.params.iter().map(|p| {
        let n = &p.name;
        let d = p.default.is_some();
        let po = p.kind == Kind::PosOnly;
        let ko = p.kind == Kind::KwOnly;
        quote!(crate::rt::ParamSpec { name: #n, has_default: #d, positional_only: #po, keyword_only: #ko })
    });
    let npos = m.params.iter().filter(|p| p.kind != Kind::KwOnly).count();
    let mut convs = Vec::new();
    let mut names = Vec::new();
    for (i, p) in m.params.iter().enumerate() {
        let n = format_ident!("a{}", i);
        let c = conv(&subst_any(&p.ty));
        let missing = match &p.default {
            Some(d) => lit(d),
            None => quote!(break 'ov),
        };
        convs.push(quote! {
            let #n = match &__slots[#i] {
                ::std::option::Option::Some(__x) => match #c {
                    ::std::result::Result::Ok(v) => v,
                    ::std::result::Result::Err(e) => { __last = ::std::option::Option::Some(e); break 'ov; }
                },
                ::std::option::Option::None => #missing,
            };
        });
        names.push(n);
    }
    // `*args`: the positional arguments past the parameters.
    let (split, rest) = if let Some((_, vt)) = &m.vararg {
        let n = format_ident!("a{}", m.params.len());
        let c = conv(&subst_any(vt));
        convs.push(quote! {
            let mut #n = ::std::vec::Vec::new();
            for __x in __rest.iter() {
                match #c {
                    ::std::result::Result::Ok(v) => #n.push(v),
                    ::std::result::Result::Err(e) => { __last = ::std::option::Option::Some(e); break 'ov; }
                }
            }
        });
        names.push(n);
        (
            quote!(let (__pos, __rest) = args.split_at(args.len().min(#npos));),
            quote!(__pos.to_vec()),
        )
    } else {
        (quote!(), quote!(args.clone()))
    };
    let c = call(&names);
    quote! {
        'ov: {
            #split
            let __slots = match crate::rt::bind_call(name, __method, &[#(#specs),*], #rest, kwargs.clone()) {
                ::std::result::Result::Ok(s) => s,
                ::std::result::Result::Err(e) => { __last = ::std::option::Option::Some(e); break 'ov; }
            };
            #(#convs)*
            let __r = #c?;
            return ::std::result::Result::Ok(crate::ToAny::to_any(&__r));
        }
    }
}

/// Every overload of one name, in order, exactly then converting; then the error.
fn overloads(
    ms: &[&StubFn],
    call: impl Fn(&StubFn, &[proc_macro2::Ident]) -> TokenStream,
) -> TokenStream {
    let tries = ms.iter().map(|m| overload(m, |names| call(m, names)));
    quote! {{
        let mut __last: ::std::option::Option<crate::Error> = ::std::option::Option::None;
        for __exact in [true, false] {
            #(#tries)*
        }
        ::std::result::Result::Err(__last.unwrap_or_else(|| crate::rt::any_arity(name, args.len())))
    }}
}

pub fn generate(stubs: &Stubs) -> TokenStream {
    let mut arms = Vec::new();
    for (class, variant) in [
        ("str", "Str"),
        ("bytes", "Bytes"),
        ("list", "List"),
        ("dict", "Dict"),
        ("set", "Set"),
    ] {
        let Some(methods) = stubs.class(class) else {
            continue;
        };
        let mut marms = Vec::new();
        for (n, ms) in methods {
            let ms: Vec<&StubFn> = ms.iter().filter(|m| !m.special).collect();
            if ms.is_empty() {
                continue;
            }
            let body = overloads(&ms, |m, names| {
                let rust = format_ident!("{}", m.rust_name);
                quote!(__v.#rust(#(#names),*))
            });
            marms.push(quote!(#n => #body,));
        }
        if class == "list" {
            // `sort` takes a key function: lowered by the compiler on typed lists, by the
            // runtime here.
            marms.push(quote!("sort" => crate::rt::any_list_sort(__v, args, kwargs),));
        }
        let v = format_ident!("{}", variant);
        arms.push(quote! {
            crate::Any::#v(__v) => match name {
                #(#marms)*
                _ => ::std::result::Result::Err(crate::rt::any_no_method(#class, name)),
            },
        });
    }
    let mut farms = Vec::new();
    for (mname, m) in &stubs.modules {
        let path: TokenStream = m
            .rust_path
            .replacen("::matx", "crate", 1)
            .parse()
            .unwrap_or_default();
        for (n, fs) in &m.functions {
            let fs: Vec<&StubFn> = fs.iter().filter(|f| !f.special).collect();
            if fs.is_empty() {
                continue;
            }
            let body = overloads(&fs, |f, names| {
                let rust = format_ident!("{}", f.rust_name);
                quote!(#path::#rust(#(#names),*))
            });
            farms.push(quote!((#mname, #n) => #body,));
        }
    }
    quote! {
        /// `x.name(*args, **kwargs)` on an `Any`: dispatched on the value's run-time type (a
        /// compiled class answers for its own methods).
        #[allow(clippy::all, unused_variables, unreachable_code, unused_labels, unused_mut, unused_assignments)]
        pub fn any_call_method(recv: &crate::Any, name: crate::Str, args: ::std::vec::Vec<crate::Any>, kwargs: ::std::vec::Vec<(crate::Str, crate::Any)>) -> crate::Result<crate::Any> {
            let name = name.as_str();
            let __method = true;
            match recv {
                #(#arms)*
                crate::Any::Object(o) => o.dyn_call_method(name, args, kwargs),
                other => ::std::result::Result::Err(crate::rt::any_no_method(crate::PyValue::py_type_name(other), name)),
            }
        }

        /// `module.name(*args, **kwargs)` (`builtins` for builtin functions) with `Any`
        /// arguments: the overload their run-time types fit.
        #[allow(clippy::all, unused_variables, unreachable_code, unused_labels, unused_mut, unused_assignments)]
        pub fn any_call_function(module: crate::Str, name: crate::Str, args: ::std::vec::Vec<crate::Any>, kwargs: ::std::vec::Vec<(crate::Str, crate::Any)>) -> crate::Result<crate::Any> {
            let (module, name) = (module.as_str(), name.as_str());
            let __method = false;
            match (module, name) {
                #(#farms)*
                _ => ::std::result::Result::Err(crate::rt::any_no_method(module, name)),
            }
        }
    }
}
