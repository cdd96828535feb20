//! Lowering of user classes: a handle over `Arc<dyn Class__Iface>`, one interface trait per class
//! (virtual methods, field parts), a concrete object per class, and the `PyValue` impl.

use super::{ident, FnCx, Lower};
use crate::ir::{ClassDef, MethodInfo, MethodKind};
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl Lower<'_> {
    /// Methods dispatched through the interface of `c` (declared first in `c`).
    fn own_virtuals(&self, c: &ClassDef) -> Vec<MethodInfo> {
        c.methods
            .iter()
            .filter(|m| {
                m.defined_in == c.name && m.kind != MethodKind::Static && m.name != "__init__"
            })
            .filter(|m| {
                !c.ancestors.iter().any(|a| {
                    self.classes
                        .get(a)
                        .is_some_and(|ac| ac.methods.iter().any(|x| x.name == m.name))
                })
            })
            .cloned()
            .collect()
    }

    /// The implementation of method `name` for objects of class `c` (nearest definition).
    fn resolve_method(&self, c: &str, name: &str) -> Option<MethodInfo> {
        let mut cur = Some(c.to_string());
        while let Some(k) = cur {
            let cd = self.classes.get(&k)?;
            if let Some(m) = cd.methods.iter().find(|m| m.name == name) {
                return Some(m.clone());
            }
            cur = cd.base.clone();
        }
        None
    }

    /// Whether a class deriving from `c` defines its own `method`.
    pub fn overridden_below(&self, c: &str, method: &str) -> bool {
        self.classes.values().any(|d| {
            d.name != c
                && d.ancestors.iter().any(|a| a == c)
                && d.methods.iter().any(|m| m.name == method)
        })
    }

    /// The parameters of `m` (introduced by class `intro`) whose default a call takes from
    /// the object's own implementation: those some implementation gives a default, where a
    /// class deriving from `intro` overrides the method (else the static default is the one).
    fn dynamic_defaults(&self, intro: &str, m: &MethodInfo) -> Vec<usize> {
        if !self.overridden_below(intro, &m.name) {
            return vec![];
        }
        let impls: Vec<&MethodInfo> = self
            .classes
            .values()
            .filter(|d| d.name == intro || d.ancestors.iter().any(|a| a == intro))
            .filter_map(|d| d.methods.iter().find(|x| x.name == m.name))
            .collect();
        (0..m.params.len())
            .filter(|&i| {
                impls
                    .iter()
                    .any(|x| x.params.get(i).is_some_and(|p| p.default.is_some()))
            })
            .collect()
    }

    /// The default of parameter `i` of `method` as the object of class `c` runs it: the body
    /// of the interface's `d_<method>_<i>` (TypeError where that implementation has none).
    fn default_of(&self, c: &str, m: &MethodInfo, i: usize) -> TokenStream {
        let imp = self.resolve_method(c, &m.name).unwrap_or_else(|| m.clone());
        let mut cx = FnCx::plain(m.params[i].ty.clone());
        match imp.params.get(i).and_then(|p| p.default.as_ref()) {
            Some(d) => {
                let v = self.expr(d, &mut cx);
                quote!(::std::result::Result::Ok(#v))
            }
            None => {
                let msg = format!(
                    "{}() missing 1 required positional argument: '{}'",
                    m.name,
                    imp.params.get(i).map_or("", |p| p.name.as_str())
                );
                quote!(::std::result::Result::Err(::matx::Error::new(&::matx::exc::TypeError, #msg)))
            }
        }
    }

    fn sig_tokens(m: &MethodInfo) -> (Vec<TokenStream>, Vec<TokenStream>, TokenStream) {
        let params = m
            .params
            .iter()
            .map(|p| {
                let n = ident(&p.name);
                let t = p.ty.rust();
                quote!(#n: #t)
            })
            .collect();
        let names = m.params.iter().map(|p| {
            let n = ident(&p.name);
            quote!(#n)
        });
        (params, names.collect(), m.ret.rust())
    }

    pub fn class(&self, c: &ClassDef) -> TokenStream {
        let name = format_ident!("{}", c.name);
        let iface = format_ident!("{}__Iface", c.name);
        let fields_ty = format_ident!("{}__Fields", c.name);
        let obj = format_ident!("{}__Obj", c.name);
        let acc = format_ident!("__f_{}", c.name);
        let cname = &c.name;
        // This class and every class derived from it: what `FromAny` accepts.
        let mut derived: Vec<&String> = self
            .classes
            .iter()
            .filter(|(_, d)| d.ancestors.contains(&c.name))
            .map(|(k, _)| k)
            .collect();
        derived.sort();
        let derived: Vec<_> = std::iter::once(&c.name)
            .chain(derived)
            .map(|k| format_ident!("{}", k))
            .collect();

        // Own fields.
        let fdecl = c.fields.iter().map(|(f, t)| {
            let f = ident(f);
            let t = t.rust();
            quote!(pub #f: ::std::option::Option<#t>)
        });
        // Interface: supertrait, field part accessor, own virtual methods.
        let sup = match &c.base {
            Some(b) => {
                let b = format_ident!("{}__Iface", b);
                quote!(#b)
            }
            None => quote!(::std::marker::Send + ::std::marker::Sync + 'static),
        };
        let root_items = if c.base.is_none() {
            quote! {
                #[doc(hidden)]
                fn __matx_class_name(&self) -> &'static str;
                #[doc(hidden)]
                fn __matx_is(&self, class: &str) -> bool;
                /// The object in `Any`, as a handle of its own (most derived) class.
                #[doc(hidden)]
                fn __matx_to_any(self: ::std::sync::Arc<Self>) -> ::matx::Any;
            }
        } else {
            quote!()
        };
        let virt_decls = self.own_virtuals(c).into_iter().map(|m| {
            let mn = format_ident!("m_{}", m.name);
            let (params, _, ret) = Self::sig_tokens(&m);
            let defaults = self.dynamic_defaults(&c.name, &m).into_iter().map(|i| {
                let d = format_ident!("d_{}_{}", m.name, i);
                let t = m.params[i].ty.rust();
                quote!(fn #d(&self) -> ::matx::Result<#t>;)
            });
            quote! {
                fn #mn(self: ::std::sync::Arc<Self> #(, #params)*) -> ::matx::Result<#ret>;
                #(#[doc(hidden)] #defaults)*
            }
        });

        // Concrete object: one field part per class in the chain.
        let chain: Vec<String> = std::iter::once(c.name.clone())
            .chain(c.ancestors.iter().cloned())
            .collect();
        let parts = chain.iter().map(|k| {
            let p = format_ident!("f_{}", k);
            let t = format_ident!("{}__Fields", k);
            quote!(#p: ::matx::__private::RwLock<#t>)
        });
        let defaults_of = |k: &str, cx: &mut FnCx| -> TokenStream {
            let Some(cd) = self.classes.get(k) else {
                return quote!();
            };
            let sets = cd
                .defaults
                .iter()
                .map(|(f, e)| {
                    let f = ident(f);
                    let v = self.expr(e, cx);
                    quote!(#f: ::std::option::Option::Some(#v),)
                })
                .collect::<Vec<_>>();
            quote!(#(#sets)*)
        };
        let mut cx = FnCx {
            frames: vec![],
            ret: Ty::Class(c.name.clone()),
            handling: vec![],
            counter: 0,
            maybe: Default::default(),
            group: None,
            guard: super::Guard::None,
            hoist: Default::default(),
            kept: Default::default(),
            chars: Default::default(),
            bounded: Default::default(),
            readers: Default::default(),
        };
        let part_names: Vec<_> = chain.iter().map(|k| format_ident!("f_{}", k)).collect();
        let part_inits: Vec<TokenStream> = chain
            .iter()
            .map(|k| {
                let p = format_ident!("f_{}", k);
                let t = format_ident!("{}__Fields", k);
                let d = defaults_of(k, &mut cx);
                quote!(#p: ::matx::__private::RwLock::new(#t { #d ..::std::default::Default::default() }))
            })
            .collect();

        // impl of every interface in the chain for the concrete object.
        let mut impls = TokenStream::new();
        for k in &chain {
            let Some(kd) = self.classes.get(k) else {
                continue;
            };
            let kiface = format_ident!("{}__Iface", k);
            let kacc = format_ident!("__f_{}", k);
            let kpart = format_ident!("f_{}", k);
            let kfields = format_ident!("{}__Fields", k);
            let methods = self.own_virtuals(kd).into_iter().map(|m| {
                let mn = format_ident!("m_{}", m.name);
                let (params, names, ret) = Self::sig_tokens(&m);
                let imp = self.resolve_method(&c.name, &m.name).unwrap_or(m.clone());
                let f = format_ident!("{}__{}", imp.defined_in, m.name);
                let h = format_ident!("{}", imp.defined_in);
                let hi = format_ident!("{}__Iface", imp.defined_in);
                let defaults = self.dynamic_defaults(k, &m).into_iter().map(|i| {
                    let d = format_ident!("d_{}_{}", m.name, i);
                    let t = m.params[i].ty.rust();
                    let body = self.default_of(&c.name, &m, i);
                    quote!(#[allow(unused_braces, unreachable_code)] fn #d(&self) -> ::matx::Result<#t> { #body })
                });
                quote! {
                    fn #mn(self: ::std::sync::Arc<Self> #(, #params)*) -> ::matx::Result<#ret> {
                        let __h: ::std::sync::Arc<dyn #hi> = self;
                        #f(#h(__h) #(, #names)*)
                    }
                    #(#defaults)*
                }
            });
            let root = if kd.base.is_none() {
                let names = chain.iter().map(|s| s.as_str());
                quote! {
                    fn __matx_class_name(&self) -> &'static str { #cname }
                    fn __matx_is(&self, class: &str) -> bool { matches!(class, #(#names)|*) }
                    fn __matx_to_any(self: ::std::sync::Arc<Self>) -> ::matx::Any {
                        let __h: ::std::sync::Arc<dyn #iface> = self;
                        ::matx::Any::object(#name(__h))
                    }
                }
            } else {
                quote!()
            };
            impls.extend(quote! {
                #[automatically_derived]
                impl #kiface for #obj {
                    fn #kacc(&self) -> &::matx::__private::RwLock<#kfields> { &self.#kpart }
                    #root
                    #(#methods)*
                }
            });
        }

        // Constructor.
        let init = self.resolve_method(&c.name, "__init__");
        let (init_params, init_call) = match &init {
            Some(m) => {
                let (params, names, _) = Self::sig_tokens(m);
                let f = format_ident!("{}__{}", m.defined_in, "__init__");
                let h = format_ident!("{}", m.defined_in);
                let hi = format_ident!("{}__Iface", m.defined_in);
                (
                    params,
                    quote! {
                        let __h: ::std::sync::Arc<dyn #hi> = __obj.clone();
                        #f(#h(__h) #(, #names)*)?;
                    },
                )
            }
            None => (vec![], quote!()),
        };
        let new = format_ident!("{}__new", c.name);

        // Python protocols.
        let has = |n: &str| self.resolve_method(&c.name, n).is_some();
        let repr = if has("__repr__") {
            quote!(let __s = ::std::sync::Arc::clone(&self.0).m___repr__()?; out.push_str(__s.as_str());)
        } else {
            quote!(out.push_str("<"); out.push_str(self.0.__matx_class_name()); out.push_str(" object>");)
        };
        let str_ = if has("__str__") {
            quote!(let __s = ::std::sync::Arc::clone(&self.0).m___str__()?; out.push_str(__s.as_str()); ::std::result::Result::Ok(()))
        } else {
            quote!(self.py_repr(out))
        };
        let eq_ok = self
            .resolve_method(&c.name, "__eq__")
            .is_some_and(|m| m.params.len() == 1 && m.params[0].ty == Ty::Class(c.name.clone()));
        let eq = if eq_ok {
            quote!(::std::sync::Arc::clone(&self.0).m___eq__(::std::clone::Clone::clone(other)))
        } else {
            quote!(::std::result::Result::Ok(::std::sync::Arc::ptr_eq(
                &self.0, &other.0
            )))
        };
        let truth = if has("__bool__") {
            quote!(::std::sync::Arc::clone(&self.0).m___bool__())
        } else if has("__len__") {
            quote!(::std::result::Result::Ok(
                ::std::sync::Arc::clone(&self.0).m___len__()? != 0
            ))
        } else {
            quote!(::std::result::Result::Ok(true))
        };
        let lt_ok = self
            .resolve_method(&c.name, "__lt__")
            .is_some_and(|m| m.params.len() == 1 && m.params[0].ty == Ty::Class(c.name.clone()));
        let ord = if lt_ok {
            let le = if self.resolve_method(&c.name, "__le__").is_some() {
                quote!(::std::sync::Arc::clone(&self.0).m___le__(::std::clone::Clone::clone(other)))
            } else {
                quote!(::std::result::Result::Ok(
                    self.py_lt(other)? || ::matx::PyValue::py_eq(self, other)?
                ))
            };
            quote! {
                #[automatically_derived]
                impl ::matx::PyOrd for #name {
                    fn py_lt(&self, other: &Self) -> ::matx::Result<bool> {
                        ::std::sync::Arc::clone(&self.0).m___lt__(::std::clone::Clone::clone(other))
                    }
                    fn py_le(&self, other: &Self) -> ::matx::Result<bool> { #le }
                }
            }
        } else {
            quote!()
        };

        let dynamic = self.dynamic_access(c);
        quote! {
            #[derive(Default)]
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            pub struct #fields_ty { #(#fdecl,)* }

            #[allow(non_camel_case_types, non_snake_case)]
            #[doc(hidden)]
            pub trait #iface: #sup {
                fn #acc(&self) -> &::matx::__private::RwLock<#fields_ty>;
                #root_items
                #(#virt_decls)*
            }

            /// A script class: a shared, thread-safe handle.
            #[derive(Clone)]
            pub struct #name(pub ::std::sync::Arc<dyn #iface>);

            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            pub struct #obj { #(#parts,)* }

            #impls

            /// The fields are freed on a stack segment of their own when the stack runs low.
            #[automatically_derived]
            impl ::std::ops::Drop for #obj {
                fn drop(&mut self) {
                    ::matx::rt::drop_deep((#(::std::mem::take(self.#part_names.get_mut()),)*));
                }
            }

            #[allow(non_snake_case, unused_braces, unused_parens, clippy::all)]
            pub fn #new(#(#init_params),*) -> ::matx::Result<#name> {
                let __obj: ::std::sync::Arc<#obj> = ::std::sync::Arc::new(#obj { #(#part_inits,)* });
                #init_call
                ::std::result::Result::Ok(#name(__obj))
            }

            #[automatically_derived]
            impl ::matx::PyValue for #name {
                fn py_repr(&self, out: &mut ::std::string::String) -> ::matx::Result<()> {
                    #repr
                    ::std::result::Result::Ok(())
                }
                fn py_str(&self, out: &mut ::std::string::String) -> ::matx::Result<()> { #str_ }
                fn py_eq(&self, other: &Self) -> ::matx::Result<bool> { #eq }
                fn py_is(&self, other: &Self) -> bool { ::std::sync::Arc::ptr_eq(&self.0, &other.0) }
                fn py_bool(&self) -> ::matx::Result<bool> { #truth }
                fn py_type_name(&self) -> &'static str { self.0.__matx_class_name() }
                #dynamic
            }
            #ord

            #[automatically_derived]
            impl ::matx::ToAny for #name {
                fn to_any(&self) -> ::matx::Any {
                    ::std::sync::Arc::clone(&self.0).__matx_to_any()
                }
            }

            /// An object of this class or of a class derived from it (`Any` holds each object
            /// as its own class).
            #[automatically_derived]
            impl ::matx::FromAny for #name {
                fn from_any(a: &::matx::Any) -> ::matx::Result<Self> {
                    if let ::matx::Any::Object(o) = a {
                        let o = o.as_any();
                        #(
                            if let ::std::option::Option::Some(d) = o.downcast_ref::<#derived>() {
                                let __c = ::std::sync::Arc::clone(&d.0);
                                let __x: ::std::sync::Arc<dyn #iface> = __c;
                                return ::std::result::Result::Ok(#name(__x));
                            }
                        )*
                    }
                    ::std::result::Result::Err(::matx::from_any_error(#cname, a))
                }
            }

            #[automatically_derived]
            impl ::matx::rt::Identity for #name {
                fn same(&self, other: &Self) -> bool {
                    ::std::sync::Arc::ptr_eq(&self.0, &other.0)
                }
            }

            #[automatically_derived]
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    let mut s = ::std::string::String::new();
                    let _ = ::matx::PyValue::py_repr(self, &mut s);
                    f.write_str(&s)
                }
            }
        }
    }
}
