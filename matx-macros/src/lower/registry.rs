//! A script's functions and classes as ops: dynamic adapters (`&[Any]` in, `Any` out) and `__matx_register_ops`, which registers them with the ops the script was given, so a loaded pipeline can call them by name.

use super::{ident, item_ident, Lower};
use crate::ir::{ClassDef, FuncDef, MethodKind, Param};
use crate::types::Ty;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `let l_a: T = args[i] (converted) or its default;` for each parameter, after an arity check
/// naming `what`.
fn bind_any(lw: &Lower<'_>, what: &str, params: &[Param]) -> TokenStream {
    let total = params.len();
    let required = params.iter().take_while(|p| p.default.is_none()).count();
    let mut lets = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let n = ident(&p.name);
        let t = p.ty.rust();
        let missing = match lw.default_value(p) {
            Some(d) => quote!(#d?),
            None => quote!(::std::unreachable!()),
        };
        lets.push(quote! {
            let #n: #t = match args.get(#i) {
                ::std::option::Option::Some(a) => ::matx::FromAny::from_any(a)?,
                ::std::option::Option::None => #missing,
            };
        });
    }
    quote! {
        ::matx::registry::check_arity(#what, args, #required, #total)?;
        #(#lets)*
    }
}

/// Whether values of `t` convert to and from `Any` (callables, ranges, iterators and caught
/// exceptions do not, so functions taking or returning them are not registered).
fn any_convertible(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::None | Ty::Str | Ty::Bytes | Ty::Any => true,
        Ty::Class(_) | Ty::Op(..) | Ty::NDArray => true,
        Ty::List(e) | Ty::Set(e) | Ty::Optional(e) | Ty::TupleN(e) => any_convertible(e),
        Ty::Dict(k, v) => any_convertible(k) && any_convertible(v),
        Ty::Tuple(ts) => !ts.is_empty() && ts.iter().all(any_convertible),
        _ => false,
    }
}

fn convertible(params: &[Param], ret: &Ty) -> bool {
    params.iter().all(|p| any_convertible(&p.ty)) && any_convertible(ret)
}

fn names(params: &[Param]) -> Vec<proc_macro2::Ident> {
    params.iter().map(|p| ident(&p.name)).collect()
}

impl Lower<'_> {
    /// `__matx_register_ops`: the script's functions and classes, then the ops it was given.
    pub fn register_ops(
        &self,
        funcs: &[&FuncDef],
        classes: &[ClassDef],
        op_paths: &[String],
    ) -> TokenStream {
        let mut items = Vec::new();
        let mut regs = Vec::new();
        for f in funcs.iter().filter(|f| convertible(&f.params, &f.ret)) {
            let pyname = &f.rust_name;
            let fname = item_ident(&f.rust_name);
            let adapter = format_ident!("__matx_any_{}", f.rust_name);
            let bind = bind_any(self, pyname, &f.params);
            let args = names(&f.params);
            items.push(quote! {
                fn #adapter(args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                    #bind
                    ::std::result::Result::Ok(::matx::ToAny::to_any(&#fname(#(#args),*)?))
                }
            });
            regs.push(quote! {
                reg.add(#pyname, ::matx::registry::OpEntry::Function { signature: "", call: #adapter })?;
            });
        }
        for c in classes {
            let cname = &c.name;
            let class = format_ident!("{}", c.name);
            let new = format_ident!("{}__new", c.name);
            let adapter = format_ident!("__matx_any_new_{}", c.name);
            let visible = self.visible_methods(c);
            let init = visible
                .iter()
                .find(|m| m.name == "__init__")
                .map(|m| m.params.clone())
                .unwrap_or_default();
            if !convertible(&init, &Ty::None) {
                continue;
            }
            let bind = bind_any(self, cname, &init);
            let args = names(&init);
            items.push(quote! {
                fn #adapter(args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                    #bind
                    ::std::result::Result::Ok(::matx::ToAny::to_any(&#new(#(#args),*)?))
                }
            });
            let mut table = Vec::new();
            for m in visible.iter().filter(|m| {
                m.kind == MethodKind::Instance
                    && m.name != "__init__"
                    && convertible(&m.params, &m.ret)
            }) {
                let mname = &m.name;
                let f = format_ident!("__matx_any_{}_{}", c.name, m.name);
                let vm = format_ident!("m_{}", m.name);
                let bind = bind_any(self, &format!("{cname}.{mname}"), &m.params);
                let args = names(&m.params);
                items.push(quote! {
                    fn #f(obj: &::matx::Any, args: &[::matx::Any]) -> ::matx::Result<::matx::Any> {
                        let __h: #class = ::matx::FromAny::from_any(obj)?;
                        #bind
                        ::std::result::Result::Ok(::matx::ToAny::to_any(&::std::sync::Arc::clone(&__h.0).#vm(#(#args),*)?))
                    }
                });
                table.push(quote!((#mname, #f as ::matx::registry::OpMethodFn)));
            }
            regs.push(quote! {
                reg.add(#cname, ::matx::registry::OpEntry::Class { signature: "", new: #adapter, methods: &[#(#table),*] })?;
            });
        }
        let ops = op_paths
            .iter()
            .map(|p| p.parse::<TokenStream>().unwrap_or_default());
        quote! {
            /// Registers the script's functions and classes (by their Python names) and the ops it
            /// calls (`ops = [...]` of its `matx_script!`), for pipelines run by name.
            #[allow(dead_code, non_snake_case, unused_variables, clippy::all)]
            pub fn __matx_register_ops(reg: &mut ::matx::registry::OpRegistry) -> ::matx::Result<()> {
                #(#items)*
                #(#regs)*
                #( #ops::__matx_register(reg)?; )*
                ::std::result::Result::Ok(())
            }
        }
    }
}
