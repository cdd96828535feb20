//! `#[matx::op]`: a Rust function, or a type's `impl` block, made callable from scripts, registered under a stable name, and bound to Python.
//!
//! Next to the item the attribute generates:
//! * the signature a script compiler needs, handed over by two `macro_rules!` callbacks
//!   (`__matx_op_sig_<name>`, re-exported where the item lives, for scripts of the same
//!   crate; `__matx_op_export_<name>` at the crate root, for other crates): a script that
//!   lists the op in `ops = [...]` expands through them (see `collect.rs`);
//! * `__matx_register(&mut OpRegistry)`: the explicit registration (no link-time
//!   collection, so an op in an unreferenced crate cannot silently vanish);
//! * dynamic adapters (`&[Any]` in, `Any` out) for loaded pipelines;
//! * under the crate's `python` feature, a `#[pyfunction]` or `#[pyclass]` and
//!   `__matx_py_register(module)`.

mod gen;
mod pytype;

use proc_macro2::TokenStream;
use syn::spanned::Spanned;

/// One parameter: its name, Rust type and Python spelling.
pub struct OpParam {
    pub name: syn::Ident,
    pub ty: syn::Type,
    pub py: String,
    /// A trailing `Option<T>`: the parameter defaults to `None`.
    pub optional: bool,
}

/// A function, constructor or method an op exposes.
pub struct OpFn {
    pub name: syn::Ident,
    pub params: Vec<OpParam>,
    pub py_ret: String,
    pub fallible: bool,
}

impl OpFn {
    /// `def name(self, a: int) -> str: ...` (with `self` for methods).
    fn stub(&self, py_name: &str, method: bool) -> String {
        let mut ps: Vec<String> = Vec::new();
        if method {
            ps.push("self".into());
        }
        ps.extend(self.params.iter().map(|p| {
            if p.optional {
                format!("{}: {} = None", p.name, p.py)
            } else {
                format!("{}: {}", p.name, p.py)
            }
        }));
        format!("def {py_name}({}) -> {}: ...", ps.join(", "), self.py_ret)
    }
}

/// `#[matx::op(name = "...")]`: the stable name, when not the Rust name.
fn parse_attr(attr: TokenStream) -> syn::Result<Option<String>> {
    if attr.is_empty() {
        return Ok(None);
    }
    let nv: syn::MetaNameValue = syn::parse2(attr)?;
    if !nv.path.is_ident("name") {
        return Err(syn::Error::new_spanned(
            &nv.path,
            "`#[matx::op]` takes one optional argument: `name = \"stable.name\"`",
        ));
    }
    match nv.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) if !s.value().is_empty() => Ok(Some(s.value())),
        other => Err(syn::Error::new_spanned(
            other,
            "the op name must be a non-empty string literal",
        )),
    }
}

/// Parameters of a signature (the receiver, if any, is checked by the caller).
fn params(sig: &syn::Signature) -> syn::Result<Vec<OpParam>> {
    let mut out = Vec::new();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(_) => {}
            syn::FnArg::Typed(pt) => {
                let syn::Pat::Ident(pi) = pt.pat.as_ref() else {
                    return Err(syn::Error::new_spanned(
                        &pt.pat,
                        "op parameters must be plain names (they become the Python parameter names)",
                    ));
                };
                if matches!(pt.ty.as_ref(), syn::Type::Reference(_)) {
                    return Err(syn::Error::new_spanned(
                        &pt.ty,
                        "op parameters are taken by value (matx values are cheap shared handles): write `Str`, not `&Str`",
                    ));
                }
                let py = pytype::py_type(&pt.ty)?;
                check_file_param(&pi.ident, &pt.ty, &py)?;
                out.push(OpParam {
                    name: pi.ident.clone(),
                    ty: (*pt.ty).clone(),
                    optional: py.starts_with("Optional["),
                    py,
                });
            }
        }
    }
    // Only a run of `Option` parameters at the end gets the default.
    let mut trailing = true;
    for p in out.iter_mut().rev() {
        trailing &= p.optional;
        p.optional = trailing;
    }
    Ok(out)
}

/// A file is a `matx::Resource`, alone (or `Option<Resource>`), and a parameter named as a
/// file is one: a `Str` there would let a saved pipeline name any file on the host.
fn check_file_param(name: &syn::Ident, ty: &syn::Type, py: &str) -> syn::Result<()> {
    if pytype::mentions_resource(py) && py != "Resource" && py != "Optional[Resource]" {
        return Err(syn::Error::new_spanned(
            ty,
            "a `matx::Resource` is a parameter of its own (or `Option<matx::Resource>`): take one parameter per file",
        ));
    }
    let stringy = matches!(
        py,
        "str" | "Optional[str]" | "List[str]" | "Optional[List[str]]" | "bytes"
    );
    if stringy && pytype::names_a_file(&name.to_string()) {
        return Err(syn::Error::new_spanned(
            ty,
            format!(
                "`{name}` names a file: take it as `matx::Resource` (read with `Resource::read` or `open`), \
                 which checks a path from a saved pipeline against the pipeline's directory; a `Str` \
                 path would let a pipeline read any file on the host"
            ),
        ));
    }
    Ok(())
}

fn check_plain(sig: &syn::Signature) -> syn::Result<()> {
    if let Some(a) = &sig.asyncness {
        return Err(syn::Error::new_spanned(a, "an op cannot be `async`"));
    }
    if !sig.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &sig.generics,
            "an op cannot be generic: scripts call one concrete function",
        ));
    }
    Ok(())
}

fn op_fn(f: &syn::ItemFn) -> syn::Result<OpFn> {
    check_plain(&f.sig)?;
    if let Some(r) = f.sig.receiver() {
        return Err(syn::Error::new_spanned(
            r,
            "use `#[matx::op]` on the `impl` block for methods",
        ));
    }
    let (py_ret, fallible) = pytype::py_return(&f.sig.output, None)?;
    Ok(OpFn {
        name: f.sig.ident.clone(),
        params: params(&f.sig)?,
        py_ret,
        fallible,
    })
}

/// The constructor and the exposed methods of an `impl` block.
pub struct OpClassDef {
    pub ty: syn::Ident,
    pub new: OpFn,
    pub methods: Vec<OpFn>,
}

fn op_class(imp: &syn::ItemImpl) -> syn::Result<OpClassDef> {
    if let Some((_, t, _)) = &imp.trait_ {
        return Err(syn::Error::new_spanned(
            t,
            "`#[matx::op]` goes on the type's own `impl` block, not on a trait impl",
        ));
    }
    if !imp.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &imp.generics,
            "an op type cannot be generic",
        ));
    }
    let ty = match imp.self_ty.as_ref() {
        syn::Type::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
            p.path.get_ident().cloned()
        }
        _ => None,
    }
    .ok_or_else(|| {
        syn::Error::new_spanned(&imp.self_ty, "`#[matx::op]` needs `impl TypeName { ... }`")
    })?;
    let tname = ty.to_string();
    let mut new = None;
    let mut methods = Vec::new();
    for item in &imp.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if !matches!(f.vis, syn::Visibility::Public(_)) {
            continue;
        }
        check_plain(&f.sig)?;
        match f.sig.receiver() {
            None if f.sig.ident == "new" => {
                let (py_ret, fallible) = pytype::py_return(&f.sig.output, Some(&tname))?;
                if py_ret != "None" {
                    return Err(syn::Error::new_spanned(
                        &f.sig.output,
                        "the constructor `new` returns `Self` or `matx::Result<Self>`",
                    ));
                }
                new = Some(OpFn {
                    name: f.sig.ident.clone(),
                    params: params(&f.sig)?,
                    py_ret,
                    fallible,
                });
            }
            None => {}
            Some(r) if r.reference.is_none() || r.mutability.is_some() => {
                return Err(syn::Error::new_spanned(
                    r,
                    "op methods take `&self` (objects are shared, as in Python): keep mutable state behind a lock",
                ));
            }
            Some(_) => {
                let (py_ret, fallible) = pytype::py_return(&f.sig.output, None)?;
                methods.push(OpFn {
                    name: f.sig.ident.clone(),
                    params: params(&f.sig)?,
                    py_ret,
                    fallible,
                });
            }
        }
    }
    let new = new.ok_or_else(|| {
        syn::Error::new(
            imp.span(),
            format!("an op type needs a constructor: `pub fn new(...) -> matx::Result<{tname}>`"),
        )
    })?;
    Ok(OpClassDef { ty, new, methods })
}

/// The attribute's expansion: the item unchanged, then what it generates (or the item and
/// a compile error).
pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let result = parse_attr(attr).and_then(|name| match syn::parse2::<syn::Item>(item.clone())? {
        syn::Item::Fn(f) => {
            let def = op_fn(&f)?;
            Ok(gen::function(&f.vis, &def, name))
        }
        syn::Item::Impl(imp) => {
            let def = op_class(&imp)?;
            Ok(gen::class(&def, name))
        }
        other => Err(syn::Error::new_spanned(
            other,
            "`#[matx::op]` goes on a function or on a type's `impl` block",
        )),
    });
    let mut out = item;
    match result {
        Ok(ts) => out.extend(ts),
        Err(e) => out.extend(e.to_compile_error()),
    }
    out
}
