//! Python bindings of a script, generated under the user crate's `python` feature: a
//! `#[pyfunction]` per script function and a `#[pyclass]` per class, with arguments
//! converted by `matx_py` (exact types, errors naming the parameter) and calls made with
//! the GIL released. `matx_py::module!(name: script)` declares the extension module; the
//! `.pyi` text of the bindings (`stub.rs`) travels with them as `__matx_stub__`.

use super::{ident, FnCx, Guard, Lower};
use crate::ir::{ClassDef, FuncDef, MethodInfo, MethodKind, Param};
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// A wrapper's parameters: declarations, pyo3 signature, conversions into runtime values, the
/// arguments kept for pickling, and the runtime values to pass on.
struct PyParams {
    decl: Vec<TokenStream>,
    sig: TokenStream,
    conv: Vec<TokenStream>,
    saved: Vec<TokenStream>,
    args: Vec<TokenStream>,
    /// Each Python argument as `Option<&Bound>` (absent defaults are `None`), for the tracer.
    traced: Vec<TokenStream>,
}

fn pyo3() -> TokenStream {
    quote!(::matx_py::pyo3)
}

/// The first statement of a binding that the tracer may record: `library` is the binding's
/// `matx_py::pipeline::Library` static, `kind` `"call"` or `"method"`, `obj` the receiver
/// (`Option<&Bound>`), `traced` the arguments as `Option<&Bound>`.
pub(crate) fn trace_hook(
    library: &TokenStream,
    py: &TokenStream,
    kind: &str,
    name: &TokenStream,
    obj: TokenStream,
    traced: &[TokenStream],
) -> TokenStream {
    quote! {
        if let ::std::option::Option::Some(r) = #library.trace(#py, #kind, #name, #obj, &[#(#traced),*])? {
            return ::std::result::Result::Ok(r);
        }
    }
}

/// `__reduce__` of a generated class whose field `.1` holds its constructor's arguments.
pub(crate) fn reduce_method(class: &str) -> TokenStream {
    let py = pyo3();
    quote! {
        /// Pickles by the constructor's arguments (a worker process rebuilds the object).
        fn __reduce__<'py>(slf: &#py::Bound<'py, Self>) -> #py::PyResult<(#py::Bound<'py, #py::types::PyType>, #py::Py<#py::types::PyTuple>)> {
            ::matx_py::pipeline::reduce_by_args(slf.as_any(), slf.get().1.as_ref(), #class)
        }
    }
}

impl Lower<'_> {
    /// Tokens computing the defaults of `params` (constants), as `matx::Result` closures.
    pub(super) fn default_value(&self, p: &Param) -> Option<TokenStream> {
        let d = p.default.as_ref()?;
        let mut cx = FnCx {
            frames: vec![],
            ret: p.ty.clone(),
            handling: vec![],
            counter: 0,
            maybe: Default::default(),
            group: None,
            guard: Guard::None,
            hoist: Default::default(),
            kept: Default::default(),
            chars: Default::default(),
            bounded: Default::default(),
            readers: Default::default(),
        };
        let v = self.expr(d, &mut cx);
        let t = p.ty.rust();
        Some(quote!((|| -> ::matx::Result<#t> { ::std::result::Result::Ok(#v) })()))
    }

    /// The wrapper's parameters, pyo3 signature and the conversions into runtime values.
    fn py_params(&self, params: &[Param]) -> PyParams {
        let py = pyo3();
        let mut decl = Vec::new();
        let mut sig = Vec::new();
        let mut conv = Vec::new();
        // The arguments as Python objects (defaults filled in), for pickling by constructor.
        let mut saved = Vec::new();
        let mut traced = Vec::new();
        for p in params {
            let n = ident(&p.name);
            let pyname = super::item_ident(&p.name);
            let pname = &p.name;
            let t = p.ty.rust();
            match self.default_value(p) {
                Some(d) => {
                    traced.push(quote!(#pyname));
                    decl.push(quote!(#pyname: ::std::option::Option<&#py::Bound<'py, #py::PyAny>>));
                    sig.push(quote!(#pyname = None));
                    conv.push(quote! {
                        let #n: #t = match #pyname {
                            ::std::option::Option::Some(x) => ::matx_py::extract_arg::<#t>(x, #pname)?,
                            ::std::option::Option::None => ::matx_py::call(|| #d)?,
                        };
                    });
                    saved.push(quote! {
                        match #pyname {
                            ::std::option::Option::Some(x) => ::std::clone::Clone::clone(x).unbind(),
                            ::std::option::Option::None => ::matx_py::into_py(py, &#n)?.unbind(),
                        }
                    });
                }
                None => {
                    traced.push(quote!(::std::option::Option::Some(#pyname)));
                    decl.push(quote!(#pyname: &#py::Bound<'py, #py::PyAny>));
                    sig.push(quote!(#pyname));
                    conv.push(quote!(let #n: #t = ::matx_py::extract_arg::<#t>(#pyname, #pname)?;));
                    saved.push(quote!(::std::clone::Clone::clone(#pyname).unbind()));
                }
            }
        }
        let args = params
            .iter()
            .map(|p| ident(&p.name))
            .map(|n| quote!(#n))
            .collect();
        PyParams {
            decl,
            sig: quote!((#(#sig),*)),
            conv,
            saved,
            args,
            traced,
        }
    }

    fn py_function(&self, f: &FuncDef) -> TokenStream {
        let py = pyo3();
        let name = super::item_ident(&f.rust_name);
        let wrapper = format_ident!("py_{}", f.rust_name);
        let pyname = &f.rust_name;
        let PyParams {
            decl,
            sig,
            conv,
            args,
            traced,
            ..
        } = self.py_params(&f.params);
        let hook = trace_hook(
            &quote!(LIBRARY),
            &quote!(py),
            "call",
            &quote!(#pyname),
            quote!(::std::option::Option::None),
            &traced,
        );
        quote! {
            #[#py::pyfunction]
            #[pyo3(crate = "::matx_py::pyo3", name = #pyname, signature = #sig)]
            pub fn #wrapper<'py>(py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                #hook
                #(#conv)*
                let r = ::matx_py::call_nogil(py, move || script::#name(#(#args),*))?;
                ::matx_py::into_py(py, &r)
            }
        }
    }

    fn py_method(&self, c: &ClassDef, m: &MethodInfo) -> TokenStream {
        let py = pyo3();
        let name = &m.name;
        let PyParams {
            decl,
            sig,
            conv,
            args,
            traced,
            ..
        } = self.py_params(&m.params);
        let wrapper = format_ident!("{}", m.name);
        if m.kind == MethodKind::Static {
            let f = format_ident!("{}__{}", m.defined_in, m.name);
            return quote! {
                #[staticmethod]
                #[pyo3(name = #name, signature = #sig)]
                fn #wrapper<'py>(py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                    #(#conv)*
                    let r = ::matx_py::call_nogil(py, move || script::#f(#(#args),*))?;
                    ::matx_py::into_py(py, &r)
                }
            };
        }
        let vm = format_ident!("m_{}", m.name);
        let hook = trace_hook(
            &quote!(LIBRARY),
            &quote!(py),
            "method",
            &quote!(#name),
            quote!(::std::option::Option::Some(slf.as_any())),
            &traced,
        );
        let call = quote! {
            let h = ::std::clone::Clone::clone(&self.0);
            let r = ::matx_py::call_nogil(py, move || ::std::sync::Arc::clone(&h.0).#vm(#(#args),*))?;
        };
        let _ = c;
        match (m.name.as_str(), m.kind) {
            (_, MethodKind::Property) => quote! {
                #[getter(#wrapper)]
                fn #wrapper<'py>(&self, py: #py::Python<'py>) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                    #call
                    ::matx_py::into_py(py, &r)
                }
            },
            ("__len__", _) => quote! {
                fn __len__(&self, py: #py::Python<'_>) -> #py::PyResult<usize> {
                    #call
                    usize::try_from(r).map_err(|_| #py::exceptions::PyValueError::new_err("__len__() should return >= 0"))
                }
            },
            (
                "__contains__" | "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__",
                _,
            ) if m.ret == Ty::Bool => quote! {
                fn #wrapper<'py>(&self, py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<bool> {
                    #(#conv)*
                    #call
                    ::std::result::Result::Ok(r)
                }
            },
            ("__repr__" | "__str__" | "__init__", _) => quote!(),
            // Calls the tracer can record (the receiver is this object).
            _ => quote! {
                #[pyo3(signature = #sig)]
                fn #wrapper<'py>(slf: &#py::Bound<'py, Self>, py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                    #hook
                    let this = slf.get();
                    #(#conv)*
                    let h = ::std::clone::Clone::clone(&this.0);
                    let r = ::matx_py::call_nogil(py, move || ::std::sync::Arc::clone(&h.0).#vm(#(#args),*))?;
                    ::matx_py::into_py(py, &r)
                }
            },
        }
    }

    /// Every method visible on the class (inherited ones included), nearest definition first.
    pub(super) fn visible_methods(&self, c: &ClassDef) -> Vec<&MethodInfo> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        let mut cur = Some(c.name.as_str());
        while let Some(k) = cur {
            let Some(cd) = self.classes.get(k) else {
                break;
            };
            out.extend(cd.methods.iter().filter(|m| seen.insert(m.name.as_str())));
            cur = cd.base.as_deref();
        }
        out
    }

    fn py_class(&self, c: &ClassDef) -> TokenStream {
        let py = pyo3();
        let handle = format_ident!("Py{}", c.name);
        let class = format_ident!("{}", c.name);
        let pyname = &c.name;
        let new = format_ident!("{}__new", c.name);
        let visible = self.visible_methods(c);
        // The nearest __init__ in the chain gives the constructor's parameters.
        let params = visible
            .iter()
            .find(|m| m.name == "__init__")
            .map(|m| m.params.clone())
            .unwrap_or_default();
        let PyParams {
            decl,
            sig,
            conv,
            saved,
            args,
            ..
        } = self.py_params(&params);
        let methods: Vec<TokenStream> = visible.iter().map(|m| self.py_method(c, m)).collect();
        let reduce = reduce_method(pyname);
        quote! {
            #[#py::pyclass(crate = "::matx_py::pyo3", frozen, name = #pyname)]
            pub struct #handle(pub script::#class, ::std::option::Option<#py::Py<#py::types::PyTuple>>);

            #[#py::pymethods(crate = "::matx_py::pyo3")]
            impl #handle {
                #[new]
                #[pyo3(signature = #sig)]
                fn __new__<'py>(py: #py::Python<'py> #(, #decl)*) -> #py::PyResult<Self> {
                    #(#conv)*
                    let saved: ::std::vec::Vec<#py::Py<#py::PyAny>> = ::std::vec![#(#saved),*];
                    let saved = #py::types::PyTuple::new(py, saved)?.unbind();
                    let h = ::matx_py::call_nogil(py, move || script::#new(#(#args),*))?;
                    ::std::result::Result::Ok(#handle(h, ::std::option::Option::Some(saved)))
                }
                #reduce
                /// The name the class is registered under as an op (pipelines refer to it).
                #[classattr]
                fn __matx_op__() -> &'static str {
                    #pyname
                }
                fn __repr__(&self) -> #py::PyResult<::std::string::String> {
                    ::matx_py::call(|| ::matx::repr(&self.0))
                }
                fn __str__(&self) -> #py::PyResult<::std::string::String> {
                    ::matx_py::call(|| ::matx::to_str(&self.0))
                }
                #(#methods)*
            }

            impl ::matx_py::IntoPyValue for script::#class {
                fn to_py<'py>(&self, cx: &mut ::matx_py::IntoCx<'py>) -> #py::PyResult<#py::Bound<'py, #py::PyAny>> {
                    ::std::result::Result::Ok(#py::Bound::new(cx.py(), #handle(::std::clone::Clone::clone(self), ::std::option::Option::None))?.into_any())
                }
            }

            impl ::matx_py::FromPyValue for script::#class {
                fn type_name(out: &mut ::std::string::String) {
                    out.push_str(#pyname);
                }
                fn from_py(ob: &#py::Bound<'_, #py::PyAny>, cx: &mut ::matx_py::FromCx) -> ::std::result::Result<Self, ::matx_py::ConvError> {
                    match ::matx_py::class_from_py::<Self>(ob, cx) {
                        ::std::option::Option::Some(v) => ::std::result::Result::Ok(v),
                        ::std::option::Option::None => ::std::result::Result::Err(::matx_py::ConvError::expected(#pyname.to_string(), ob)),
                    }
                }
            }

            impl ::matx_py::PyClassValue for script::#class {
                fn from_exact(ob: &#py::Bound<'_, #py::PyAny>) -> ::std::option::Option<Self> {
                    #py::types::PyAnyMethods::extract::<#py::PyRef<'_, #handle>>(ob)
                        .ok()
                        .map(|r| ::std::clone::Clone::clone(&r.0))
                }
            }
        }
    }

    /// The `__matx_python` module of a script (compiled only with the user's `python` feature).
    pub fn python_module(&self, funcs: &[&FuncDef], classes: &[ClassDef]) -> TokenStream {
        let py = pyo3();
        let fns: Vec<TokenStream> = funcs.iter().map(|f| self.py_function(f)).collect();
        let wrappers: Vec<_> = funcs
            .iter()
            .map(|f| format_ident!("py_{}", f.rust_name))
            .collect();
        let cls: Vec<TokenStream> = classes.iter().map(|c| self.py_class(c)).collect();
        let cnames: Vec<_> = classes
            .iter()
            .map(|c| format_ident!("Py{}", c.name))
            .collect();
        let stub = self.python_stub(funcs, classes);
        let cls_rust: Vec<_> = classes
            .iter()
            .map(|c| format_ident!("{}", c.name))
            .collect();
        // The `python` feature is the user crate's; crates without it must not warn.
        quote! {
            #[doc(hidden)]
            #[allow(unexpected_cfgs)]
            pub mod __matx_python {
                /// The `.pyi` text of these bindings (`matx.stubgen` writes it out).
                pub const STUB: &str = #stub;
                #[cfg(feature = "python")]
                #[allow(non_snake_case, non_camel_case_types, unused_variables, unused_mut, clippy::all)]
                mod imp {
                    use super::super as script;
                    #[allow(unused_imports)]
                    use super::super::*;
                    #(#fns)*
                    #(#cls)*

                    /// The Python module these bindings were added to (pipelines name it).
                    static LIBRARY: ::matx_py::pipeline::Library = ::matx_py::pipeline::Library::new();

                    /// Adds the script's functions and classes to a Python module.
                    pub fn register(m: &#py::Bound<'_, #py::types::PyModule>) -> #py::PyResult<()> {
                        use #py::types::{PyAnyMethods, PyModuleMethods};
                        LIBRARY.set(m)?;
                        // The stub text, appended when several scripts share one module.
                        ::matx_py::append_stub(m, super::STUB)?;
                        #( m.add_function(#py::wrap_pyfunction!(#wrappers, m)?)?; )*
                        // Classes live in the module that registers them (pickle finds them there).
                        #(
                            ::matx_py::register_class::<script::#cls_rust>();
                            m.add_class::<#cnames>()?;
                            PyAnyMethods::setattr(
                                m.py().get_type::<#cnames>().as_any(),
                                "__module__",
                                #py::types::PyModuleMethods::name(m)?,
                            )?;
                        )*
                        ::std::result::Result::Ok(())
                    }
                }
                #[cfg(feature = "python")]
                pub use imp::*;
            }
        }
    }
}
