//! What `#[matx::op]` generates: the signature callbacks, the registration, the dynamic adapters and the Python bindings.

use super::{OpClassDef, OpFn};
use crate::lower::python::{reduce_method, trace_hook};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

fn pyo3() -> TokenStream {
    quote!(::matx_py::pyo3)
}

/// The two signature callbacks (see `collect.rs` for the protocol): `sig` is the tuple of
/// literals a script compiler reads.
fn sig_macros(name: &Ident, sig: TokenStream) -> TokenStream {
    let local = format_ident!("__matx_op_sig_{}", name);
    let export = format_ident!("__matx_op_export_{}", name);
    quote! {
        #[doc(hidden)]
        #[macro_export]
        macro_rules! #export {
            ($($t:tt)*) => { ::matx::__collect_ops! { $($t)* #sig } };
        }
        #[doc(hidden)]
        #[allow(unused_macros)]
        macro_rules! #local {
            ($($t:tt)*) => { ::matx::__collect_ops! { $($t)* #sig } };
        }
        #[doc(hidden)]
        #[allow(unused_imports)]
        pub(crate) use #local;
    }
}

/// For a dynamic call of `f` (named `what` in errors): the arity check, then
/// `let a0: T0 = FromAny(args[0])?; ...` (an absent trailing `Option` is `None`, as in Python),
/// and the argument names.
fn any_args(what: &str, f: &OpFn) -> (TokenStream, Vec<Ident>) {
    let total = f.params.len();
    let required = f.params.iter().filter(|p| !p.optional).count();
    let mut lets = Vec::new();
    let mut names = Vec::new();
    for (i, p) in f.params.iter().enumerate() {
        let n = format_ident!("__a{}", i);
        let t = &p.ty;
        lets.push(quote! {
            let #n: #t = match args.get(#i) {
                ::std::option::Option::Some(a) => ::matx::FromAny::from_any(a)?,
                ::std::option::Option::None => ::matx::FromAny::from_any(&::matx::Any::None)?,
            };
        });
        names.push(n);
    }
    let bind = quote! {
        ::matx::registry::check_arity(#what, args, #required, #total)?;
        #(#lets)*
    };
    (bind, names)
}

/// `call` followed by `?` when the Rust function returns a `Result`.
fn try_(call: TokenStream, fallible: bool) -> TokenStream {
    if fallible {
        quote!(#call?)
    } else {
        call
    }
}

/// Python-side parameters: declarations, pyo3 signature, conversions, names passed on.
/// The Python-side parameters of `f`.
struct PyParams {
    decl: Vec<TokenStream>,
    sig: TokenStream,
    conv: Vec<TokenStream>,
    vals: Vec<Ident>,
    /// Each argument as `Option<&Bound>`, for the tracer.
    traced: Vec<TokenStream>,
}

fn py_params(f: &OpFn) -> PyParams {
    let py = pyo3();
    let mut decl = Vec::new();
    let mut sig = Vec::new();
    let mut conv = Vec::new();
    let mut names = Vec::new();
    let mut traced = Vec::new();
    for p in &f.params {
        let n = &p.name;
        let v = format_ident!("__v_{}", p.name);
        let t = &p.ty;
        let pname = p.name.to_string();
        if p.optional {
            traced.push(quote!(#n));
            decl.push(quote!(#n: ::std::option::Option<&#py::Bound<'py, #py::PyAny>>));
            sig.push(quote!(#n = None));
            conv.push(quote! {
                let #v: #t = match #n {
                    ::std::option::Option::Some(x) => ::matx_py::extract_arg::<#t>(x, #pname)?,
                    ::std::option::Option::None => ::std::option::Option::None,
                };
            });
        } else {
            traced.push(quote!(::std::option::Option::Some(#n)));
            decl.push(quote!(#n: &#py::Bound<'py, #py::PyAny>));
            sig.push(quote!(#n));
            conv.push(quote!(let #v: #t = ::matx_py::extract_arg::<#t>(#n, #pname)?;));
        }
        names.push(v);
    }
    PyParams {
        decl,
        sig: quote!((#(#sig),*)),
        conv,
        vals: names,
        traced,
    }
}

fn fallible_csv(items: &[(&str, bool)]) -> String {
    items
        .iter()
        .filter(|(_, f)| *f)
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

/// A function op: a hidden module named after the function holds what it generates.
pub fn function(vis: &syn::Visibility, f: &OpFn, name: Option<String>) -> TokenStream {
    let fname = &f.name;
    let pyname = fname.to_string();
    let stable = name.unwrap_or_else(|| pyname.clone());
    let stub = format!("{}\n", f.stub(&pyname, false));
    let fallible = fallible_csv(&[(pyname.as_str(), f.fallible)]);
    let sig = quote!(("fn" #pyname #stable #stub #fallible));
    let (lets, names) = any_args(&pyname, f);
    let call = try_(quote!(super::#fname(#(#names),*)), f.fallible);
    let PyParams {
        decl,
        sig: pysig,
        conv,
        vals,
        traced,
    } = py_params(f);
    let hook = trace_hook(
        &quote!(LIBRARY),
        &quote!(__py),
        "call",
        &quote!(NAME),
        quote!(::std::option::Option::None),
        &traced,
    );
    let pycall = try_(quote!(super::#fname(#(#vals),*)), f.fallible);
    let py = pyo3();
    let macros = sig_macros(fname, sig);
    quote! {
        #macros

        #[doc(hidden)]
        #[allow(non_snake_case, unexpected_cfgs, clippy::all)]
        #vis mod #fname {
            #[allow(unused_imports)]
            use super::*;
            /// The stable name the op is registered under.
            pub const NAME: &str = #stable;
            /// The op's Python signature.
            pub const SIGNATURE: &str = #stub;

            /// Calls the op with dynamic arguments (loaded pipelines).
            pub fn __matx_call(args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                #lets
                let __r = #call;
                ::std::result::Result::Ok(::matx::ToAny::to_any(&__r))
            }

            /// Adds the op to `reg` under its stable name.
            pub fn __matx_register(reg: &mut ::matx::registry::OpRegistry) -> ::matx::Result<()> {
                reg.add(NAME, ::matx::registry::OpEntry::Function { signature: SIGNATURE, call: __matx_call })
            }

            #[cfg(feature = "python")]
            #[#py::pyfunction]
            #[pyo3(crate = "::matx_py::pyo3", name = #pyname, signature = #pysig)]
            pub fn __matx_py_fn<'py>(__py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                #hook
                #(#conv)*
                let __r = ::matx_py::call_nogil(__py, move || ::matx::Result::Ok(#pycall))?;
                ::matx_py::into_py(__py, &__r)
            }

            /// The Python module the op was added to (pipelines name it).
            #[cfg(feature = "python")]
            static LIBRARY: ::matx_py::pipeline::Library = ::matx_py::pipeline::Library::new();

            /// Adds the op's Python function to a Python module.
            #[cfg(feature = "python")]
            pub fn __matx_py_register(m: &#py::Bound<'_, #py::types::PyModule>) -> #py::PyResult<()> {
                use #py::types::PyModuleMethods;
                LIBRARY.set(m)?;
                ::matx_py::append_stub(m, SIGNATURE)?;
                m.add_function(#py::wrap_pyfunction!(__matx_py_fn, m)?)
            }
        }
    }
}

/// A type's op: an `OpClass` impl, associated registration functions, and (with `python`)
/// a hidden module holding the Python class.
pub fn class(c: &OpClassDef, name: Option<String>) -> TokenStream {
    let ty = &c.ty;
    let tname = ty.to_string();
    let stable = name.unwrap_or_else(|| tname.clone());
    let mut stub = format!("class {tname}:\n    {}\n", c.new.stub("__init__", true));
    for m in &c.methods {
        stub.push_str(&format!("    {}\n", m.stub(&m.name.to_string(), true)));
    }
    let names: Vec<String> = c.methods.iter().map(|m| m.name.to_string()).collect();
    let mut fl: Vec<(&str, bool)> = vec![("__init__", c.new.fallible)];
    fl.extend(
        names
            .iter()
            .map(String::as_str)
            .zip(c.methods.iter().map(|m| m.fallible)),
    );
    let fallible = fallible_csv(&fl);
    let sig = quote!(("class" #tname #stable #stub #fallible));
    let macros = sig_macros(ty, sig);

    // Dynamic adapters.
    let (lets, args) = any_args(&tname, &c.new);
    let newcall = try_(quote!(#ty::new(#(#args),*)), c.new.fallible);
    let mut adapters = Vec::new();
    let mut table = Vec::new();
    for m in &c.methods {
        let mname = &m.name;
        let ms = mname.to_string();
        let f = format_ident!("__matx_m_{}", mname);
        let what = format!("{tname}.{ms}");
        let (lets, args) = any_args(&what, m);
        let call = try_(quote!(__o.#mname(#(#args),*)), m.fallible);
        adapters.push(quote! {
            #[allow(non_snake_case)]
            fn #f(obj: &::matx::Any, args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                let __o: ::matx::registry::Op<#ty> = ::matx::FromAny::from_any(obj)?;
                #lets
                let __r = #call;
                ::std::result::Result::Ok(::matx::ToAny::to_any(&__r))
            }
        });
        table.push(quote!((#ms, #f as ::matx::registry::OpMethodFn)));
    }
    let python = py_class(c, &tname);
    quote! {
        #macros

        impl ::matx::registry::OpClass for #ty {
            const OP_NAME: &'static str = #stable;
        }

        #[allow(clippy::all)]
        impl #ty {
            /// The op's Python class declaration.
            #[doc(hidden)]
            pub const __MATX_SIGNATURE: &'static str = #stub;

            /// Adds the op to `reg` under its stable name.
            #[doc(hidden)]
            pub fn __matx_register(reg: &mut ::matx::registry::OpRegistry) -> ::matx::Result<()> {
                fn __new(args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                    #lets
                    let __v = #newcall;
                    ::std::result::Result::Ok(::matx::ToAny::to_any(&::matx::registry::Op::new(__v)))
                }
                #(#adapters)*
                reg.add(#stable, ::matx::registry::OpEntry::Class {
                    signature: Self::__MATX_SIGNATURE,
                    new: __new,
                    methods: &[#(#table),*],
                })
            }
        }

        #python
    }
}

/// The Python class of a type's op (compiled only with the crate's `python` feature).
fn py_class(c: &OpClassDef, tname: &str) -> TokenStream {
    let py = pyo3();
    let ty = &c.ty;
    let module = format_ident!("__matx_py_{}", ty);
    let reduce = reduce_method(tname);
    let PyParams {
        decl,
        sig,
        conv,
        vals,
        ..
    } = py_params(&c.new);
    let newcall = try_(quote!(#ty::new(#(#vals),*)), c.new.fallible);
    let saved: Vec<TokenStream> = c
        .new
        .params
        .iter()
        .map(|p| {
            let n = &p.name;
            quote!(::std::clone::Clone::clone(#n).unbind())
        })
        .collect();
    let methods: Vec<TokenStream> = c
        .methods
        .iter()
        .map(|m| {
            let mname = &m.name;
            let ms = mname.to_string();
            let PyParams {
                decl,
                sig,
                conv,
                vals,
                traced,
            } = py_params(m);
            let hook = trace_hook(&quote!(LIBRARY), &quote!(__py), "method", &quote!(#ms), quote!(::std::option::Option::Some(slf.as_any())), &traced);
            let call = try_(quote!(__h.#mname(#(#vals),*)), m.fallible);
            let body = quote! {
                #(#conv)*
                let __h = ::std::clone::Clone::clone(&slf.get().0);
                let __r = ::matx_py::call_nogil(__py, move || ::matx::Result::Ok(#call))?;
            };
            if *mname == "__len__" {
                quote! {
                    fn __len__(slf: &#py::Bound<'_, Self>, __py: #py::Python<'_>) -> #py::PyResult<usize> {
                        #body
                        usize::try_from(__r).map_err(|_| #py::exceptions::PyValueError::new_err("__len__() should return >= 0"))
                    }
                }
            } else {
                quote! {
                    #[pyo3(signature = #sig)]
                    fn #mname<'py>(slf: &#py::Bound<'py, Self>, __py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                        #hook
                        #body
                        ::matx_py::into_py(__py, &__r)
                    }
                }
            }
        })
        .collect();
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case, unexpected_cfgs, clippy::all)]
        mod #module {
        #[cfg(feature = "python")]
        pub(super) mod imp {
            #[allow(unused_imports)]
            use super::super::*;

            #[#py::pyclass(crate = "::matx_py::pyo3", frozen, name = #tname)]
            pub struct PyOp(pub ::matx::registry::Op<#ty>, ::std::option::Option<#py::Py<#py::types::PyTuple>>);

            #[#py::pymethods(crate = "::matx_py::pyo3")]
            impl PyOp {
                #[new]
                #[pyo3(signature = #sig)]
                fn __new__<'py>(__py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<Self> {
                    let __saved: ::std::vec::Vec<#py::Py<#py::PyAny>> = ::std::vec![#(#saved),*];
                    let __saved = #py::types::PyTuple::new(__py, __saved)?.unbind();
                    #(#conv)*
                    let __v = ::matx_py::call_nogil(__py, move || ::matx::Result::Ok(#newcall))?;
                    ::std::result::Result::Ok(PyOp(::matx::registry::Op::new(__v), ::std::option::Option::Some(__saved)))
                }
                #reduce
                fn __repr__(&self) -> #py::PyResult<::std::string::String> {
                    ::matx_py::call(|| ::matx::repr(&self.0))
                }
                /// The name the op is registered under (pipelines refer to it).
                #[classattr]
                fn __matx_op__() -> &'static str {
                    <#ty as ::matx::registry::OpClass>::OP_NAME
                }
                #(#methods)*
            }

            impl ::matx_py::PyOpClass for #ty {
                fn wrap<'py>(py: #py::Python<'py>, op: ::matx::registry::Op<Self>) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                    ::std::result::Result::Ok(#py::Bound::new(py, PyOp(op, ::std::option::Option::None))?.into_any())
                }
                fn unwrap(ob: &#py::Bound<'_, #py::PyAny>) -> ::std::option::Option<::matx::registry::Op<Self>> {
                    #py::types::PyAnyMethods::extract::<#py::PyRef<'_, PyOp>>(ob)
                        .ok()
                        .map(|r| ::std::clone::Clone::clone(&r.0))
                }
            }

            /// The Python module the op was added to (pipelines name it).
            static LIBRARY: ::matx_py::pipeline::Library = ::matx_py::pipeline::Library::new();

            pub fn register(m: &#py::Bound<'_, #py::types::PyModule>) -> #py::PyResult<()> {
                use #py::types::{PyAnyMethods, PyModuleMethods};
                LIBRARY.set(m)?;
                ::matx_py::append_stub(m, #ty::__MATX_SIGNATURE)?;
                ::matx_py::register_class::<::matx::registry::Op<#ty>>();
                m.add_class::<PyOp>()?;
                PyAnyMethods::setattr(m.py().get_type::<PyOp>().as_any(), "__module__", PyModuleMethods::name(m)?)
            }
        }
        }

        #[allow(unexpected_cfgs)]
        impl #ty {
            /// Adds the op's Python class to a Python module.
            #[doc(hidden)]
            #[cfg(feature = "python")]
            pub fn __matx_py_register(m: &::matx_py::pyo3::Bound<'_, ::matx_py::pyo3::types::PyModule>) -> ::matx_py::pyo3::PyResult<()> {
                #module::imp::register(m)
            }
        }
    }
}
