//! Procedural macros of matx: `matx_script!` compiles typed Python to Rust.

use proc_macro::TokenStream;

/// Compiles a typed Python program to Rust items.
#[proc_macro]
pub fn matx_script(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
