//! Generates `matx::rt::any_call_method`: run-time dispatch of builtin methods on `Any`
//! values, from the same stub table (`builtins.pyi`) the checker uses, so typed and dynamic
//! calls cannot drift apart.

use crate::stubs::{Lit, StubMethod, Stubs};
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
        Ty::Iterable(e) => Ty::list(subst_any(e)),
        Ty::VarTuple(e) => Ty::VarTuple(Box::new(subst_any(e))),
        other => other.clone(),
    }
}

fn lit(l: &Lit) -> TokenStream {
    match l {
        Lit::None => quote!(::std::option::Option::None),
        Lit::Int(i) => quote!(#i),
        Lit::Bool(b) => quote!(#b),
        Lit::Str(s) => quote!(crate::Str::from(#s)),
        Lit::Bytes(b) => {
            let b = proc_macro2::Literal::byte_string(b);
            quote!(crate::Bytes::new(#b))
        }
    }
}

/// One overload: convert the arguments, call, convert the result.
fn call(m: &StubMethod, recv: &TokenStream) -> TokenStream {
    let mut convs = Vec::new();
    let mut names = Vec::new();
    for (i, p) in m.params.iter().enumerate() {
        let n = format_ident!("a{}", i);
        let t = subst_any(&p.ty);
        let conv = match &t {
            Ty::VarTuple(e) => {
                let et = e.rust().to_string().replace("::matx::", "crate::");
                let et: TokenStream = et.parse().unwrap_or_default();
                quote!(crate::rt::any_to_vec::<#et>(__x)?)
            }
            _ => {
                let rt: TokenStream = t
                    .rust()
                    .to_string()
                    .replace("::matx::", "crate::")
                    .parse()
                    .unwrap_or_default();
                quote!(<#rt as crate::FromAny>::from_any(__x)?)
            }
        };
        let default = match &p.default {
            Some(d) => lit(d),
            None => {
                quote!(return ::std::result::Result::Err(crate::rt::any_arity(name, args.len())))
            }
        };
        convs.push(quote! {
            let #n = match args.get(#i) { ::std::option::Option::Some(__x) => #conv, ::std::option::Option::None => #default };
        });
        names.push(n);
    }
    let total = m.params.len();
    let rust = format_ident!("{}", m.rust_name);
    quote! {{
        if args.len() > #total {
            return ::std::result::Result::Err(crate::rt::any_arity(name, args.len()));
        }
        #(#convs)*
        let __r = #recv.#rust(#(#names),*)?;
        ::std::result::Result::Ok(crate::ToAny::to_any(&__r))
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
        let Some(methods) = stubs.classes.get(class) else {
            continue;
        };
        let mut names: Vec<&String> = methods.keys().collect();
        names.sort();
        let recv = quote!(__v);
        let mut marms = Vec::new();
        for n in names {
            let overloads: Vec<&StubMethod> = methods[n].iter().filter(|m| !m.special).collect();
            if overloads.is_empty() {
                continue;
            }
            let body = if overloads.len() == 1 {
                call(overloads[0], &recv)
            } else {
                // Overloads: by arity, then a tuple first argument.
                let tries = overloads.iter().map(|m| {
                    let req = m.params.iter().filter(|p| p.default.is_none()).count();
                    let tot = m.params.len();
                    let tuple_first =
                        matches!(m.params.first().map(|p| &p.ty), Some(Ty::VarTuple(_)));
                    let shape = if tuple_first {
                        quote!(matches!(
                            args.first(),
                            ::std::option::Option::Some(crate::Any::Tuple(_))
                        ))
                    } else {
                        quote!(
                            !matches!(
                                args.first(),
                                ::std::option::Option::Some(crate::Any::Tuple(_))
                            ) || true
                        )
                    };
                    let c = call(m, &recv);
                    quote!(if args.len() >= #req && args.len() <= #tot && #shape #c)
                });
                quote!({ #(#tries else)* { ::std::result::Result::Err(crate::rt::any_arity(name, args.len())) } })
            };
            marms.push(quote!(#n => #body,));
        }
        let v = format_ident!("{}", variant);
        arms.push(quote! {
            crate::Any::#v(__v) => match name {
                #(#marms)*
                _ => ::std::result::Result::Err(crate::rt::any_no_method(#class, name)),
            },
        });
    }
    quote! {
        /// `x.name(*args)` on an `Any`: dispatched on the value's run-time type.
        #[allow(clippy::all, unused_variables, unreachable_code)]
        pub fn any_call_method(recv: &crate::Any, name: crate::Str, args: crate::List<crate::Any>) -> crate::Result<crate::Any> {
            let name = name.as_str();
            let args = args.to_vec();
            match recv {
                #(#arms)*
                other => ::std::result::Result::Err(crate::rt::any_no_method(crate::PyValue::py_type_name(other), name)),
            }
        }
    }
}
