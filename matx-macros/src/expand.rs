//! Pass 4: turn the macro input into a `Source`, run the passes, and emit the items or the errors.

use crate::source::{Diags, Source};
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};

/// Positions of the inline tokens, read from the `proc_macro` spans (only `lib.rs`
/// builds this; tests pass `None`).
pub struct InlineTokens {
    /// (line, column, span) of every token, in order; columns are 0-based.
    pub tokens: Vec<(usize, usize, Span)>,
    /// The Rust file the tokens come from, when the compiler knows it.
    pub file: Option<std::path::PathBuf>,
    /// The same file as diagnostics display it.
    pub display: Option<String>,
    /// The text of each top-level token tree as written (groups keep comments and `//`).
    pub texts: Vec<(usize, usize, String)>,
    /// End (line, column) of the last token.
    pub end: Option<(usize, usize)>,
}

impl InlineTokens {
    pub fn from_stream(ts: proc_macro::TokenStream) -> Option<Self> {
        let mut tokens = Vec::new();
        let mut texts = Vec::new();
        let mut file = None;
        let mut display = None;
        let mut end = None;
        fn walk(ts: proc_macro::TokenStream, out: &mut Vec<(usize, usize, Span)>) {
            for t in ts {
                let s = t.span();
                // proc_macro columns count from 1; ours from 0.
                out.push((s.line(), s.column().saturating_sub(1), s.into()));
                if let proc_macro::TokenTree::Group(g) = t {
                    walk(g.stream(), out);
                }
            }
        }
        for t in ts.clone() {
            let s = t.span();
            if file.is_none() {
                file = s.local_file();
                display = Some(s.file());
            }
            texts.push((
                s.line(),
                s.column().saturating_sub(1),
                s.source_text().unwrap_or_else(|| t.to_string()),
            ));
            let e = s.end();
            end = Some((e.line(), e.column().saturating_sub(1)));
        }
        walk(ts, &mut tokens);
        Some(InlineTokens {
            tokens,
            file,
            display,
            texts,
            end,
        })
    }
}

/// Parses `file = "path"` if that is the macro input.
fn file_arg(input: &TokenStream) -> Option<(String, Span)> {
    let toks: Vec<TokenTree> = input.clone().into_iter().collect();
    match toks.as_slice() {
        [TokenTree::Ident(i), TokenTree::Punct(p), TokenTree::Literal(l)]
            if i == "file" && p.as_char() == '=' =>
        {
            let s = l.to_string();
            let inner = s.strip_prefix('"')?.strip_suffix('"')?;
            Some((inner.replace("\\\\", "\\"), l.span()))
        }
        _ => None,
    }
}

/// The inline program text. The Rust file itself is read when possible (so `//`,
/// comments and every character survive exactly); otherwise the text is rebuilt
/// from the tokens' own source text at their positions.
fn inline_text(t: &InlineTokens) -> Result<(String, (usize, usize)), String> {
    let Some(&(l0, c0, _)) = t.tokens.first() else {
        return Ok((String::new(), (1, 0)));
    };
    if let (Some(path), Some((le, ce))) = (&t.file, t.end) {
        if let Ok(text) = std::fs::read_to_string(path) {
            let lines: Vec<&str> = text.split('\n').collect();
            // The file must hold the tokens where the compiler says they are (it does not for
            // code inside doc comments, which rustdoc compiles from a rewritten copy).
            let first_matches = t.texts.first().is_some_and(|(l, c, txt)| {
                lines.get(l.wrapping_sub(1)).is_some_and(|line| {
                    let rest: String = line.chars().skip(*c).collect();
                    rest.starts_with(txt.lines().next().unwrap_or(""))
                })
            });
            if le <= lines.len() && l0 >= 1 && first_matches {
                let mut out = String::new();
                for ln in l0..=le {
                    let line = lines[ln - 1].trim_end_matches('\r');
                    let chars: Vec<char> = line.chars().collect();
                    let (from, to) = (
                        if ln == l0 { c0 } else { 0 },
                        if ln == le {
                            ce.min(chars.len())
                        } else {
                            chars.len()
                        },
                    );
                    if ln == l0 {
                        // Keep the first line's indentation relative to the others.
                        out.push_str(&" ".repeat(from));
                    }
                    out.extend(chars.get(from..to.max(from)).unwrap_or(&[]).iter());
                    out.push('\n');
                }
                return Ok((out, (l0, 0)));
            }
        }
    }
    // (dedent happens in `dedent`)
    // Fallback: place each top-level token tree's text at its position.
    let mut out = String::new();
    let (mut line, mut col) = (l0, 0);
    for (l, c, text) in &t.texts {
        while line < *l {
            out.push('\n');
            line += 1;
            col = 0;
        }
        while col < *c {
            out.push(' ');
            col += 1;
        }
        out.push_str(text);
        line += text.matches('\n').count();
        col = match text.rfind('\n') {
            Some(i) => text[i + 1..].chars().count(),
            None => col + text.chars().count(),
        };
    }
    out.push('\n');
    Ok((out, (l0, 0)))
}

pub fn expand(input: TokenStream, inline: Option<InlineTokens>) -> TokenStream {
    if let Some((args, paths)) = crate::collect::split_ops(&input) {
        if file_arg(&args).is_none() {
            return quote!(::std::compile_error!("matx_script!: expected `file = \"script.py\", ops = [path::to::op, ...]`"););
        }
        return crate::collect::start(args, paths);
    }
    expand_with(input, inline, &[])
}

/// The file form once the ops' signatures are known (the end of `collect`'s chain).
pub fn expand_file(args: TokenStream, ops: Vec<crate::collect::OpDecl>) -> TokenStream {
    expand_with(args, None, &ops)
}

fn expand_with(
    input: TokenStream,
    inline: Option<InlineTokens>,
    ops: &[crate::collect::OpDecl],
) -> TokenStream {
    let (src, track, inline) = match file_arg(&input) {
        Some((path, span)) => {
            let base = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
            let mut full = std::path::Path::new(&base).join(&path);
            // Else relative to the Rust file holding the macro, as `include_str!`.
            if !full.exists() {
                if let Some(dir) = span
                    .local_file()
                    .as_deref()
                    .and_then(std::path::Path::parent)
                {
                    if dir.join(&path).exists() {
                        full = dir.join(&path);
                    }
                }
            }
            let text = match std::fs::read_to_string(&full) {
                Ok(t) => t,
                Err(e) => {
                    let msg = format!("{path}: cannot read the script ({e}); the path is relative to the crate's Cargo.toml or to this Rust file");
                    return quote_spanned!(span=> ::std::compile_error!(#msg););
                }
            };
            let full_s = full.to_string_lossy().to_string();
            let track = quote!(
                const _: &[u8] = ::std::include_bytes!(#full_s);
            );
            (Source::new(path, text, None), track, None)
        }
        None => {
            let Some(t) = inline else {
                return quote!(::std::compile_error!("matx_script!: expected `file = \"script.py\"` or an inline program"););
            };
            let (text, origin) = match inline_text(&t) {
                Ok(x) => x,
                Err(m) => return quote!(::std::compile_error!(#m);),
            };
            let (text, shift) = dedent(&text);
            let name = t.display.clone().unwrap_or_else(|| "<inline>".into());
            // Lines of the text are lines of the Rust file.
            let src = Source::new(name, text, Some((origin.0, shift)));
            (src, quote!(), Some(t))
        }
    };
    match compile_with(&src, ops) {
        Ok(items) => quote!(#track #items),
        Err(diags) => {
            // Errors of the file form point at the path (after the op chain, the call site
            // would be inside an op's callback).
            let at = file_arg(&input).map_or_else(Span::call_site, |(_, s)| s);
            errors(&src, &diags, inline.as_ref(), track, at)
        }
    }
}

/// Runs the passes on a source: the items, or every error found.
#[cfg(test)]
pub fn compile(src: &Source) -> Result<TokenStream, Diags> {
    compile_with(src, &[])
}

/// Runs the passes on a source that may call `ops`.
pub fn compile_with(src: &Source, ops: &[crate::collect::OpDecl]) -> Result<TokenStream, Diags> {
    let mut diags = Diags::default();
    let stubs = match crate::stubs::stubs() {
        Ok(s) => s,
        Err(m) => {
            diags.error(
                Default::default(),
                format!("internal error in the builtin table: {m}"),
            );
            return Err(diags);
        }
    };
    let Some(module) = crate::parse::parse_module(src, &mut diags) else {
        return Err(diags);
    };
    if !diags.is_empty() {
        return Err(diags);
    }
    let ir = crate::check::check_module(src, stubs, &module, ops)?;
    Ok(crate::lower::lower_module(&ir, &src.name))
}

fn errors(
    src: &Source,
    diags: &Diags,
    inline: Option<&InlineTokens>,
    track: TokenStream,
    at: Span,
) -> TokenStream {
    let mut out = track;
    for (range, msg) in diags.render(src) {
        let span = match inline {
            Some(t) => {
                let (line, col) = src.line_col(range.start());
                let col0 = col.saturating_sub(1);
                t.tokens
                    .iter()
                    .rfind(|(l, c, _)| (*l, *c) <= (line, col0))
                    .map(|x| x.2)
                    .unwrap_or_else(Span::call_site)
            }
            None => at,
        };
        out.extend(quote_spanned!(span=> ::std::compile_error!(#msg);));
    }
    out
}

/// Removes the indentation common to every non-blank line (the macro body is usually
/// indented inside the Rust item); returns the text and how many columns were removed.
fn dedent(text: &str) -> (String, usize) {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for l in text.split_inclusive('\n') {
        if l.trim().is_empty() {
            out.push_str(if l.ends_with('\n') { "\n" } else { "" });
        } else {
            out.push_str(l.get(indent..).unwrap_or(l));
        }
    }
    (out, indent)
}
