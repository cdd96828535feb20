//! What a class answers when its object is used through `Any`: its methods (own and
//! inherited) called by name with CPython's argument binding and the defaults of the
//! implementation the object runs, and its fields and properties read and set by name.

use super::{ident, FnCx, Lower};
use crate::ir::{ClassDef, MethodInfo, MethodKind};
use crate::stubs::Kind;
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl Lower<'_> {
    /// Every method an object of class `c` has, nearest definition first.
    fn all_methods(&self, c: &ClassDef) -> Vec<MethodInfo> {
        let mut out: Vec<MethodInfo> = Vec::new();
        for k in std::iter::once(&c.name).chain(&c.ancestors) {
            let Some(kd) = self.classes.get(k) else {
                continue;
            };
            for m in &kd.methods {
                if m.name != "__init__" && !out.iter().any(|x| x.name == m.name) {
                    out.push(m.clone());
                }
            }
        }
        out
    }

    /// Every field of class `c` (inherited ones too) with the class declaring it.
    fn all_fields(&self, c: &ClassDef) -> Vec<(String, String, Ty)> {
        let mut out = Vec::new();
        for k in std::iter::once(&c.name).chain(&c.ancestors) {
            if let Some(kd) = self.classes.get(k) {
                for (f, t) in &kd.fields {
                    out.push((k.clone(), f.clone(), t.clone()));
                }
            }
        }
        out
    }

    /// The `py_call_method`, `py_getattr` and `py_setattr` of class `c`'s `PyValue` impl.
    pub fn dynamic_access(&self, c: &ClassDef) -> TokenStream {
        let cname = &c.name;
        let mut calls = Vec::new();
        let mut props = Vec::new();
        for m in self.all_methods(c) {
            let mname = &m.name;
            if m.kind == MethodKind::Property {
                let mn = format_ident!("m_{}", m.name);
                props.push(quote! {
                    #mname => {
                        let __r = ::std::sync::Arc::clone(&self.0).#mn()?;
                        ::std::result::Result::Ok(::matx::ToAny::to_any(&__r))
                    }
                });
                continue;
            }
            let qual = format!("{}.{}", m.defined_in, m.name);
            let specs = m.params.iter().map(|p| {
                let n = &p.name;
                let d = p.default.is_some();
                let po = p.kind == Kind::PosOnly;
                let ko = p.kind == Kind::KwOnly;
                quote!(::matx::rt::ParamSpec { name: #n, has_default: #d, positional_only: #po, keyword_only: #ko })
            });
            let mut cx = FnCx::plain(Ty::Any);
            let mut lets = Vec::new();
            let mut names = Vec::new();
            for (i, p) in m.params.iter().enumerate() {
                let n = ident(&p.name);
                let t = p.ty.rust();
                let missing = match &p.default {
                    Some(d) => self.expr(d, &mut cx),
                    // Unreachable: `bind_call` reports a missing argument.
                    None => {
                        quote!(return ::std::result::Result::Err(::matx::rt::any_arity(name, 0)))
                    }
                };
                lets.push(quote! {
                    let #n: #t = match &__slots[#i] {
                        ::std::option::Option::Some(__x) => <#t as ::matx::FromAny>::from_any_exact(__x)?,
                        ::std::option::Option::None => #missing,
                    };
                });
                names.push(n);
            }
            let is_method = m.kind != MethodKind::Static;
            let call = if is_method {
                let mn = format_ident!("m_{}", m.name);
                quote!(::std::sync::Arc::clone(&self.0).#mn(#(#names),*))
            } else {
                let f = format_ident!("{}__{}", m.defined_in, m.name);
                quote!(#f(#(#names),*))
            };
            calls.push(quote! {
                #mname => {
                    let __slots = ::matx::rt::bind_call(#qual, #is_method, &[#(#specs),*], args, kwargs)?;
                    #(#lets)*
                    let __r = #call?;
                    ::std::result::Result::Ok(::matx::ToAny::to_any(&__r))
                }
            });
        }
        let mut gets = Vec::new();
        let mut sets = Vec::new();
        for (owner, f, t) in self.all_fields(c) {
            let acc = format_ident!("__f_{}", owner);
            let fi = ident(&f);
            let rt = t.rust();
            gets.push(quote! {
                #f => match ::std::clone::Clone::clone(&self.0.#acc().read().#fi) {
                    ::std::option::Option::Some(__v) => ::std::result::Result::Ok(::matx::ToAny::to_any(&__v)),
                    ::std::option::Option::None => ::std::result::Result::Err(::matx::rt::no_attribute(#cname, name)),
                }
            });
            sets.push(quote! {
                #f => {
                    let __v = <#rt as ::matx::FromAny>::from_any_exact(&value)?;
                    self.0.#acc().write().#fi = ::std::option::Option::Some(__v);
                    ::std::result::Result::Ok(())
                }
            });
        }
        quote! {
            #[allow(unused_variables, unreachable_code, unused_braces, unused_parens, clippy::all)]
            fn py_call_method(
                &self,
                name: &str,
                args: ::std::vec::Vec<::matx::Any>,
                kwargs: ::std::vec::Vec<(::matx::Str, ::matx::Any)>,
            ) -> ::matx::Result<::matx::Any> {
                match name {
                    #(#calls)*
                    _ => ::std::result::Result::Err(::matx::rt::no_attribute(self.0.__matx_class_name(), name)),
                }
            }
            fn py_getattr(&self, name: &str) -> ::matx::Result<::matx::Any> {
                match name {
                    #(#gets)*
                    #(#props)*
                    _ => ::std::result::Result::Err(::matx::rt::no_attribute(self.0.__matx_class_name(), name)),
                }
            }
            fn py_setattr(&self, name: &str, value: ::matx::Any) -> ::matx::Result<()> {
                match name {
                    #(#sets)*
                    _ => ::std::result::Result::Err(::matx::rt::no_attribute(self.0.__matx_class_name(), name)),
                }
            }
        }
    }
}
