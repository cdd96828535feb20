//! Procedural macros of matx: `matx_script!` compiles typed Python to Rust at build time.
//!
//! Passes: [`parse`] (ruff's Python parser) → [`check`] (names and types, into the
//! typed [`ir`]) → [`lower`] (Rust tokens) → [`expand`] (errors or items). Only this
//! file touches `proc_macro`; every pass works on `proc_macro2` and is unit-testable.

mod anydispatch;
mod check;
mod collect;
mod expand;
#[cfg(test)]
mod fuzz;
mod ir;
mod lower;
mod op;
mod parse;
mod source;
mod stubs;
#[cfg(test)]
mod tests;
mod types;

use proc_macro::TokenStream;

/// Stack left before a recursive pass grows it, and by how much ([`stacker::maybe_grow`]).
pub(crate) const STACK_RED_ZONE: usize = 256 * 1024;
pub(crate) const STACK_GROW: usize = 8 * 1024 * 1024;

/// Compiles a typed Python program to Rust items.
///
/// `matx_script!(file = "path/to/script.py")` reads a file (relative to the
/// crate's `Cargo.toml`); `matx_script! { def f(x: int) -> int: ... }` takes the
/// program inline (see the README for the spellings Rust's lexer forbids there).
#[proc_macro]
pub fn matx_script(input: TokenStream) -> TokenStream {
    let inline = expand::InlineTokens::from_stream(input.clone());
    expand::expand(input.into(), inline).into()
}

/// Generates the runtime's dynamic method dispatch for `Any` (used inside the `matx` crate).
#[doc(hidden)]
#[proc_macro]
pub fn __any_methods(_input: TokenStream) -> TokenStream {
    match stubs::stubs() {
        Ok(s) => anydispatch::generate(s).into(),
        Err(m) => quote::quote!(::std::compile_error!(#m);).into(),
    }
}

/// The runtime's builtin exception classes (`matx::exc`), from the one declaration of the
/// hierarchy in `stubs/builtins.pyi` (used inside the `matx` crate).
#[doc(hidden)]
#[proc_macro]
pub fn __exception_types(_input: TokenStream) -> TokenStream {
    match stubs::stubs() {
        Ok(s) => {
            let excs = &s.builtins().exceptions;
            let statics = excs.iter().map(|(name, base)| {
                let n = quote::format_ident!("{}", name);
                let doc = format!("`{name}`, as in CPython's hierarchy.");
                let base = match base {
                    Some(b) => {
                        let b = quote::format_ident!("{}", b);
                        quote::quote!(::std::option::Option::Some(&#b))
                    }
                    None => quote::quote!(::std::option::Option::None),
                };
                quote::quote! {
                    #[doc = #doc]
                    #[allow(non_upper_case_globals)]
                    pub static #n: super::ExcType = super::ExcType { name: #name, base: #base };
                }
            });
            let all = excs.iter().map(|(n, _)| quote::format_ident!("{}", n));
            quote::quote! {
                #(#statics)*
                /// Every builtin exception class, each after its base.
                pub static ALL: &[&super::ExcType] = &[#(&#all),*];
            }
            .into()
        }
        Err(m) => quote::quote!(::std::compile_error!(#m);).into(),
    }
}

/// Makes a Rust function, or a type's `impl` block, callable from scripts, registered under
/// a stable name, and bound to Python (with the crate's `python` feature).
///
/// ```ignore
/// #[matx::op]
/// pub fn word_count(text: matx::Str) -> i64 { text.as_str().split_whitespace().count() as i64 }
///
/// pub struct Vocabulary { /* ... */ }
/// #[matx::op(name = "text.Vocabulary")]
/// impl Vocabulary {
///     pub fn new(path: matx::Str) -> matx::Result<Self> { /* ... */ }
///     pub fn lookup(&self, words: matx::List<matx::Str>) -> matx::List<i64> { /* ... */ }
/// }
/// ```
///
/// A script uses them with `matx_script!(file = "x.py", ops = [path::word_count,
/// path::Vocabulary])` and `from <module> import word_count, Vocabulary`.
#[proc_macro_attribute]
pub fn op(attr: TokenStream, item: TokenStream) -> TokenStream {
    op::expand(attr.into(), item.into()).into()
}

/// One step of `matx_script!`'s gathering of op signatures (internal).
#[doc(hidden)]
#[proc_macro]
pub fn __collect_ops(input: TokenStream) -> TokenStream {
    collect::step(input.into()).into()
}

/// Registers ops into an `OpRegistry`, by path: `matx::register_ops!(&mut reg, a::f, b::Vocabulary)`
/// evaluates to `matx::Result<()>`.
#[proc_macro]
pub fn register_ops(input: TokenStream) -> TokenStream {
    collect::register_ops(input.into()).into()
}
