//! `matx_script!(file = "...", ops = [path::to::op, ...])`: gathering the signatures of the ops a script uses, one callback macro per op, before compiling it.
//!
//! A proc macro cannot see items of other crates, so each `#[matx::op]` leaves a
//! `macro_rules!` callback that knows its signature. The script macro expands to a call of
//! the first op's callback with the state below; each callback appends its signature and
//! calls `__collect_ops!` again, which calls the next one or, when none is left, compiles:
//!
//! ```text
//! __collect_ops! { (file = "x.py") [ (done::path) (sig) ... ] [ (todo::path) ... ] (cur::path) (sig) }
//! ```

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};

/// An op a script may call: where it is, and what its callback said.
#[derive(Clone, Debug)]
pub struct OpDecl {
    /// The Rust path as the user wrote it (`myops::text::Vocabulary`).
    pub path: String,
    pub is_class: bool,
    /// The Python name (the Rust item's name).
    pub py_name: String,
    /// Its Python declaration (`def f(x: int) -> int: ...` or a class with its methods).
    pub stub: String,
    /// Functions (for a class: methods, `__init__` for the constructor) returning `Result`.
    pub fallible: Vec<String>,
}

fn err(span: Span, msg: &str) -> TokenStream {
    quote_spanned!(span=> ::std::compile_error!(#msg);)
}

fn group(d: Delimiter, ts: TokenStream) -> TokenTree {
    TokenTree::Group(Group::new(d, ts))
}

/// The callback macro of the op at `path`: `__matx_op_sig_<name>` next to an item of this
/// crate (`crate::`, `self::`, `super::` or a bare name), `__matx_op_export_<name>` at the
/// root of another crate.
fn callback(path: &syn::Path) -> Option<TokenStream> {
    let last = path.segments.last()?;
    let first = path.segments.first()?.ident.to_string();
    let span = last.ident.span();
    let local = path.segments.len() == 1 || matches!(first.as_str(), "crate" | "self" | "super");
    let mut segs: Vec<TokenStream> = Vec::new();
    if local {
        for s in path.segments.iter().take(path.segments.len() - 1) {
            segs.push(s.ident.to_token_stream());
        }
        let m = format_ident!("__matx_op_sig_{}", last.ident, span = span);
        segs.push(m.to_token_stream());
    } else {
        segs.push(path.segments[0].ident.to_token_stream());
        let m = format_ident!("__matx_op_export_{}", last.ident, span = span);
        segs.push(m.to_token_stream());
    }
    let lead = path.leading_colon.map(|_| quote!(::));
    Some(quote!(#lead #(#segs)::*))
}

/// Calls the next op's callback, or compiles when every signature is in.
fn next(
    args: TokenStream,
    done: Vec<(TokenStream, TokenStream)>,
    mut todo: Vec<TokenStream>,
) -> TokenStream {
    let done_ts: TokenStream = done
        .iter()
        .flat_map(|(p, s)| {
            [
                group(Delimiter::Parenthesis, p.clone()),
                group(Delimiter::Parenthesis, s.clone()),
            ]
        })
        .collect();
    if todo.is_empty() {
        let mut ops = Vec::new();
        for (p, s) in &done {
            match parse_sig(p, s) {
                Ok(d) => ops.push(d),
                Err(e) => return e,
            }
        }
        return crate::expand::expand_file(args, ops);
    }
    let cur = todo.remove(0);
    let path: syn::Path = match syn::parse2(cur.clone()) {
        Ok(p) => p,
        Err(e) => return e.to_compile_error(),
    };
    let Some(cb) = callback(&path) else {
        return err(Span::call_site(), "an op path cannot be empty");
    };
    let todo_ts: TokenStream = todo
        .into_iter()
        .map(|p| group(Delimiter::Parenthesis, p))
        .collect();
    let a = group(Delimiter::Parenthesis, args);
    let d = group(Delimiter::Bracket, done_ts);
    let t = group(Delimiter::Bracket, todo_ts);
    let c = group(Delimiter::Parenthesis, cur);
    quote!(#cb! { #a #d #t #c })
}

fn parse_sig(path: &TokenStream, sig: &TokenStream) -> Result<OpDecl, TokenStream> {
    let mut lits = Vec::new();
    for t in sig.clone() {
        match syn::parse2::<syn::LitStr>(t.into_token_stream()) {
            Ok(l) => lits.push(l.value()),
            Err(e) => return Err(e.to_compile_error()),
        }
    }
    let [kind, py_name, _stable, stub, fallible] = lits.as_slice() else {
        return Err(err(
            Span::call_site(),
            "matx: an op callback from another matx version (rebuild the op crate with this matx)",
        ));
    };
    Ok(OpDecl {
        path: path.to_string().replace(' ', ""),
        is_class: kind == "class",
        py_name: py_name.clone(),
        stub: stub.clone(),
        fallible: fallible
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    })
}

/// Splits `file = "x.py", ops = [a::b, c::D]` into the script arguments and the op paths.
pub fn split_ops(input: &TokenStream) -> Option<(TokenStream, Vec<TokenStream>)> {
    let toks: Vec<TokenTree> = input.clone().into_iter().collect();
    // Only the file form takes ops (an inline program is Python from its first token).
    if !matches!(toks.first(), Some(TokenTree::Ident(i)) if i == "file") {
        return None;
    }
    let pos = toks
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i == "ops"))?;
    // `ops` must be preceded by a comma and followed by `= [ ... ]`.
    let (Some(TokenTree::Punct(c)), Some(TokenTree::Punct(eq)), Some(TokenTree::Group(g))) = (
        pos.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(pos + 1),
        toks.get(pos + 2),
    ) else {
        return None;
    };
    if c.as_char() != ',' || eq.as_char() != '=' || g.delimiter() != Delimiter::Bracket {
        return None;
    }
    let args: TokenStream = toks[..pos - 1].iter().cloned().collect();
    let mut paths = Vec::new();
    let mut cur = TokenStream::new();
    for t in g.stream() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if !cur.is_empty() {
                    paths.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.extend([t]),
        }
    }
    if !cur.is_empty() {
        paths.push(cur);
    }
    Some((args, paths))
}

/// The script macro with `ops = [...]`: starts the chain.
pub fn start(args: TokenStream, paths: Vec<TokenStream>) -> TokenStream {
    next(args, Vec::new(), paths)
}

/// `__collect_ops!`: one step of the chain.
pub fn step(input: TokenStream) -> TokenStream {
    let toks: Vec<TokenTree> = input.into_iter().collect();
    let groups: Vec<&Group> = toks
        .iter()
        .filter_map(|t| match t {
            TokenTree::Group(g) => Some(g),
            _ => None,
        })
        .collect();
    if groups.len() != 5 || groups.len() != toks.len() {
        return err(
            Span::call_site(),
            "__collect_ops!: internal macro of matx_script!, not for direct use",
        );
    }
    let args = groups[0].stream();
    let mut done = Vec::new();
    let mut it = groups[1].stream().into_iter();
    while let (Some(TokenTree::Group(p)), Some(TokenTree::Group(s))) = (it.next(), it.next()) {
        done.push((p.stream(), s.stream()));
    }
    let todo: Vec<TokenStream> = groups[2]
        .stream()
        .into_iter()
        .filter_map(|t| match t {
            TokenTree::Group(g) => Some(g.stream()),
            _ => None,
        })
        .collect();
    done.push((groups[3].stream(), groups[4].stream()));
    next(args, done, todo)
}

/// `register_ops!(&mut reg, a::f, b::T)`: `(|| { a::f::__matx_register(reg)?; ...; Ok(()) })()`.
pub fn register_ops(input: TokenStream) -> TokenStream {
    let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
    let items = match syn::parse::Parser::parse2(parser, input) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    let mut it = items.into_iter();
    let Some(reg) = it.next() else {
        return err(
            Span::call_site(),
            "register_ops!(registry, path::to::op, ...)",
        );
    };
    let mut calls = Vec::new();
    for e in it {
        match e {
            syn::Expr::Path(p) => {
                let p = p.path;
                calls.push(quote!(#p::__matx_register(__reg)?;));
            }
            other => {
                return syn::Error::new_spanned(other, "expected the path of an op")
                    .to_compile_error()
            }
        }
    }
    quote!({
        let __reg: &mut ::matx::registry::OpRegistry = #reg;
        (|| -> ::matx::Result<()> { #(#calls)* ::std::result::Result::Ok(()) })()
    })
}
