//! Pass 3: lower the typed IR to Rust tokens (`quote!`), with absolute `::matx::` paths only.

mod arith;
mod class;
mod class_dyn;
mod expr;
mod hoist;
mod kept;
pub(crate) mod python;
mod reader;
mod recursion;
mod registry;
mod rtfn;
mod stmt;
mod strs;
mod stub;

pub use rtfn::RtFn;

use crate::check::rust_ident;
use crate::ir::{self, Module};
use crate::types::Ty;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use std::collections::HashMap;

/// Where control goes, innermost last.
#[derive(Clone)]
enum Frame {
    /// A Python loop: `break`/`continue` labels.
    Loop {
        brk: syn_label::Label,
        cont: syn_label::Label,
    },
    /// The body of a `try` with handlers: errors break out to it.
    TryBody(syn_label::Label),
    /// A `try` with `finally`: every exit is intercepted.
    Finally(syn_label::Label),
}

mod syn_label {
    use proc_macro2::{Punct, Spacing, Span, TokenStream};
    use quote::{ToTokens, TokenStreamExt};
    /// A loop/block label (`'name`).
    #[derive(Clone)]
    pub struct Label(pub String);
    impl ToTokens for Label {
        fn to_tokens(&self, tokens: &mut TokenStream) {
            tokens.append(Punct::new('\'', Spacing::Joint));
            tokens.append(proc_macro2::Ident::new(&self.0, Span::call_site()));
        }
    }
}
use syn_label::Label;

/// Per-function lowering state.
pub struct FnCx {
    frames: Vec<Frame>,
    /// The Rust return type (for `Flow<R>`).
    ret: Ty,
    /// Variables holding the exception each enclosing handler handles.
    handling: Vec<String>,
    counter: usize,
    /// Locals that some path reads before assigning: stored as `Option`, read with a check.
    maybe: std::collections::BTreeSet<String>,
    /// For a recursive script function: the functions of its cycle, called with `__depth + 1`.
    group: Option<std::collections::BTreeSet<String>>,
    /// How this body counts its frame for the recursion limit.
    guard: Guard,
    /// Field reads taken out of the loops being lowered.
    hoist: hoist::Hoisting,
    /// List and dict locals that never leave the function: `::matx::LocalList`s and
    /// `::matx::LocalDict`s.
    kept: std::collections::BTreeSet<String>,
    /// `str` locals that only ever hold one code point: held as a `char` (`strs.rs`).
    chars: std::collections::BTreeSet<String>,
    /// Counters of the `range` loops being lowered, with what bounds them (`arith.rs`).
    bounded: Vec<arith::Bound>,
    /// Shared lists the loops being lowered read by index, and the reader of each (`reader.rs`).
    readers: Vec<(String, proc_macro2::Ident)>,
}

/// Counting frames for CPython's recursion limit.
#[derive(Clone, Copy, PartialEq)]
pub enum Guard {
    /// A function that cannot recurse: nothing to count.
    None,
    /// A recursive script function: the depth travels in a parameter.
    Param,
    /// Methods and closures (reachable through dynamic dispatch): a thread-local counter.
    Tls,
}

pub struct Lower<'a> {
    pub file: &'a str,
    /// Recursive module functions and their cycles.
    pub rec: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    pub classes: HashMap<String, &'a ir::ClassDef>,
}

/// Lowers a checked module to the items of the expansion.
pub fn lower_module(m: &Module, file: &str) -> TokenStream {
    let lw = Lower {
        file,
        rec: recursion::recursive_groups(m),
        classes: m.classes.iter().map(|c| (c.name.clone(), c)).collect(),
    };
    let mut out = TokenStream::new();
    for e in &m.exc_classes {
        let name = format_ident!("{}", e.name);
        let n = &e.name;
        let base = lw.exc_path(&e.base);
        out.extend(quote! {
            #[allow(non_upper_case_globals)]
            pub static #name: ::matx::ExcType = ::matx::ExcType { name: #n, base: ::std::option::Option::Some(#base) };
        });
    }
    for c in &m.consts {
        out.extend(lw.constant(c));
    }
    for f in &m.funcs {
        out.extend(lw.function(f));
    }
    for c in &m.classes {
        out.extend(lw.class(c));
    }
    // Script functions (static methods are `Class__name` and belong to their class).
    let top: Vec<&ir::FuncDef> = m
        .funcs
        .iter()
        .filter(|f| {
            f.self_class.is_none()
                && !m
                    .classes
                    .iter()
                    .any(|c| f.rust_name.starts_with(&format!("{}__", c.name)))
        })
        .collect();
    out.extend(lw.python_module(&top, &m.classes));
    out.extend(lw.register_ops(&top, &m.classes, &m.op_paths));
    out
}

/// The Rust name of a script variable, parameter or field: `l_` + the Python name. Compiler
/// temporaries made by the checker start with a digit (impossible in Python), and those made
/// here start with `__`, so no user name can collide with either.
pub fn ident(name: &str) -> Ident {
    Ident::new(&format!("l_{name}"), Span::call_site())
}

/// The Rust name of a script function (part of the public API): the Python name, raw when it
/// is a Rust keyword (`def match` -> `r#match`).
pub fn item_ident(name: &str) -> Ident {
    let fixed = rust_ident(name);
    if fixed != name && !matches!(name, "self" | "Self" | "super" | "crate" | "_") {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(&fixed, Span::call_site())
    }
}

impl Lower<'_> {
    fn exc_path(&self, e: &ir::ExcRef) -> TokenStream {
        match e {
            ir::ExcRef::Builtin(n) => {
                let n = format_ident!("{}", n);
                quote!(&::matx::exc::#n)
            }
            ir::ExcRef::User(n) => {
                let n = format_ident!("{}", n);
                quote!(&#n)
            }
        }
    }

    fn constant(&self, c: &ir::ConstDef) -> TokenStream {
        let getter = format_ident!("__matx_const_{}", c.name);
        let init = format_ident!("__matx_init_{}", c.name);
        let ty = c.ty.rust();
        let mut cx = FnCx {
            frames: vec![],
            ret: c.ty.clone(),
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
        let v = self.expr(&c.value, &mut cx);
        quote! {
            #[allow(non_snake_case, unused_parens, unused_braces, clippy::all)]
            fn #init() -> ::matx::Result<#ty> {
                ::std::result::Result::Ok(#v)
            }
            #[allow(non_snake_case)]
            #[doc(hidden)]
            pub fn #getter() -> ::matx::Result<#ty> {
                static VALUE: ::std::sync::LazyLock<::matx::Result<#ty>> = ::std::sync::LazyLock::new(#init);
                ::std::clone::Clone::clone(&*VALUE)
            }
        }
    }

    /// The body of a function: local declarations, statements, and the fall-through exit.
    fn body(
        &self,
        locals: &[(String, Ty)],
        body: &ir::Block,
        ret: &Ty,
        cx: &mut FnCx,
    ) -> TokenStream {
        cx.maybe
            .extend(crate::check::assigned::maybe_unbound(locals, body));
        cx.hoist.declared = locals.iter().map(|(n, _)| n.clone()).collect();
        cx.kept = kept::find(locals, body, &cx.maybe);
        cx.chars = strs::char_locals(locals, body, &cx.maybe);
        let decls: Vec<TokenStream> = locals
            .iter()
            .map(|(n, t)| {
                let maybe = cx.maybe.contains(n);
                let kept = cx.kept.contains(n);
                let is_char = cx.chars.contains(n);
                let n = ident(n);
                let t = match t {
                    Ty::Str if is_char => quote!(::std::primitive::char),
                    Ty::List(e) if kept => {
                        let e = e.rust();
                        quote!(::matx::LocalList<#e>)
                    }
                    Ty::Dict(k, v) if kept => {
                        let (k, v) = (k.rust(), v.rust());
                        quote!(::matx::LocalDict<#k, #v>)
                    }
                    _ => t.rust(),
                };
                if maybe {
                    quote!(let mut #n: ::std::option::Option<#t> = ::std::option::Option::None;)
                } else {
                    quote!(let mut #n: #t;)
                }
            })
            .collect();
        let stmts = self.block(body, cx);
        let tail = if matches!(ret, Ty::None) {
            quote!(::std::result::Result::Ok(()))
        } else {
            quote!(::std::result::Result::Err(::matx::rt::fell_off_end()))
        };
        match cx.guard {
            Guard::None => quote! {
                #(#decls)*
                #stmts
                #[allow(unreachable_code)]
                #tail
            },
            Guard::Param => quote! {
                if __depth >= ::matx::rt::RECURSION_LIMIT {
                    return ::std::result::Result::Err(::matx::rt::recursion_error());
                }
                #(#decls)*
                #stmts
                #[allow(unreachable_code)]
                #tail
            },
            // The body runs in an inlined closure so every exit passes the one `leave`.
            Guard::Tls => {
                let ret_ty = ret.rust();
                quote! {
                    if let ::std::result::Result::Err(e) = ::matx::rt::enter() {
                        return ::std::result::Result::Err(e);
                    }
                    #[allow(unused_mut, clippy::redundant_closure_call)]
                    let __r = (|| -> ::matx::Result<#ret_ty> {
                        #(#decls)*
                        #stmts
                        #[allow(unreachable_code)]
                        #tail
                    })();
                    ::matx::rt::leave();
                    __r
                }
            }
        }
    }

    fn function(&self, f: &ir::FuncDef) -> TokenStream {
        let name = item_ident(&f.rust_name);
        let mut params: Vec<TokenStream> = Vec::new();
        if let Some(c) = &f.self_class {
            let c = format_ident!("{}", c);
            let s = ident("self");
            params.push(quote!(#s: #c));
        }
        for p in &f.params {
            let n = ident(&p.name);
            let t = p.ty.rust();
            params.push(quote!(mut #n: #t));
        }
        let ret = f.ret.rust();
        let group = if f.self_class.is_none() {
            self.rec.get(&f.rust_name).cloned()
        } else {
            None
        };
        let guard = match (&group, &f.self_class) {
            (Some(_), _) => Guard::Param,
            (None, Some(_)) => Guard::Tls,
            (None, None) => Guard::None,
        };
        let mut cx = FnCx {
            frames: vec![],
            ret: f.ret.clone(),
            handling: vec![],
            counter: 0,
            maybe: Default::default(),
            group: group.clone(),
            guard,
            hoist: Default::default(),
            kept: Default::default(),
            chars: Default::default(),
            bounded: Default::default(),
            readers: Default::default(),
        };
        let body = self.body(&f.locals, &f.body, &f.ret, &mut cx);
        let vis = if f.public { quote!(pub) } else { quote!() };
        let allow = quote!(#[allow(non_snake_case, unused_mut, unused_variables, unused_assignments, unused_parens, unused_braces, unreachable_code, unused_labels, clippy::all)]);
        if group.is_none() {
            return quote! {
                #allow
                #vis fn #name(#(#params),*) -> ::matx::Result<#ret> {
                    #body
                }
            };
        }
        // Recursive: the public function enters at the current depth of dynamic frames.
        let inner = format_ident!("__matx_rec_{}", f.rust_name);
        let names = f.params.iter().map(|p| ident(&p.name));
        quote! {
            #allow
            #vis fn #name(#(#params),*) -> ::matx::Result<#ret> {
                #inner(::matx::rt::depth() #(, #names)*)
            }
            #allow
            #[doc(hidden)]
            fn #inner(__depth: u32, #(#params),*) -> ::matx::Result<#ret> {
                #body
            }
        }
    }
}

impl FnCx {
    /// The context of a body that evaluates expressions of type `ret` outside any script
    /// function (a default value, a dynamic call's arguments): no loops, handlers or recursion.
    fn plain(ret: Ty) -> FnCx {
        FnCx {
            frames: vec![],
            ret,
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
        }
    }

    fn label(&mut self, what: &str) -> Label {
        self.counter += 1;
        Label(format!("{what}_{}", self.counter))
    }
    fn tmp(&mut self, what: &str) -> Ident {
        self.counter += 1;
        format_ident!("__{}{}", what, self.counter)
    }
}
