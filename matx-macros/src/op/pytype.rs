//! The Python spelling of an op's Rust parameter and return types (`List<Str>` is `List[str]`), and which returns are fallible.

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

/// The type arguments of the last path segment (`List<Str>` gives `[Str]`).
fn type_args(seg: &syn::PathSegment) -> Vec<&Type> {
    match &seg.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn unsupported(t: &Type) -> syn::Error {
    let shown = t.to_token_stream().to_string();
    syn::Error::new_spanned(
        t,
        format!(
            "`{shown}` cannot cross into scripts: an op takes and returns i64, f64, bool, ()\
             , matx::Str, matx::Bytes, matx::List<T>, matx::Dict<K, V>, matx::Set<T>, \
             Option<T>, tuples, matx::Any, matx::NDArray or matx::Op<T> of another op type \
             (and a file as a matx::Resource parameter)"
        ),
    )
}

/// `Type` as a script annotation spells it.
pub fn py_type(t: &Type) -> syn::Result<String> {
    match t {
        Type::Tuple(tt) if tt.elems.is_empty() => Ok("None".into()),
        Type::Tuple(tt) => {
            let parts: syn::Result<Vec<String>> = tt.elems.iter().map(py_type).collect();
            Ok(format!("Tuple[{}]", parts?.join(", ")))
        }
        Type::Paren(p) => py_type(&p.elem),
        Type::Group(g) => py_type(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            let Some(seg) = p.path.segments.last() else {
                return Err(unsupported(t));
            };
            let args = type_args(seg);
            let one = |what: &str| -> syn::Result<String> {
                match args.as_slice() {
                    [a] => Ok(format!("{what}[{}]", py_type(a)?)),
                    _ => Err(unsupported(t)),
                }
            };
            match seg.ident.to_string().as_str() {
                "i64" => Ok("int".into()),
                "f64" => Ok("float".into()),
                "bool" => Ok("bool".into()),
                "Str" => Ok("str".into()),
                "Bytes" => Ok("bytes".into()),
                "Any" => Ok("Any".into()),
                "NDArray" => Ok("NDArray".into()),
                "Resource" => Ok("Resource".into()),
                "List" => one("List"),
                "Set" => one("Set"),
                "Option" => one("Optional"),
                "Dict" => match args.as_slice() {
                    [k, v] => Ok(format!("Dict[{}, {}]", py_type(k)?, py_type(v)?)),
                    _ => Err(unsupported(t)),
                },
                "Op" => match args.as_slice() {
                    [Type::Path(inner)] => match inner.path.segments.last() {
                        Some(s) => Ok(s.ident.to_string()),
                        None => Err(unsupported(t)),
                    },
                    _ => Err(unsupported(t)),
                },
                _ => Err(unsupported(t)),
            }
        }
        _ => Err(unsupported(t)),
    }
}

/// A return type: its Python spelling and whether the function returns `Result<T>`.
pub fn py_return(ret: &syn::ReturnType, self_ty: Option<&str>) -> syn::Result<(String, bool)> {
    let t = match ret {
        syn::ReturnType::Default => return Ok(("None".into(), false)),
        syn::ReturnType::Type(_, t) => t.as_ref(),
    };
    let (inner, fallible) = match t {
        Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Result") => {
            let seg = p.path.segments.last().map(type_args).unwrap_or_default();
            match seg.as_slice() {
                [a] => (*a, true),
                _ => {
                    return Err(syn::Error::new_spanned(
                        t,
                        "an op returns `matx::Result<T>` (the runtime's error type, which carries the Python exception kind) or a plain value",
                    ))
                }
            }
        }
        other => (other, false),
    };
    if let (Some(s), Type::Path(p)) = (self_ty, inner) {
        if p.path.is_ident("Self") || p.path.is_ident(s) {
            return Ok(("None".into(), fallible));
        }
    }
    let py = py_type(inner)?;
    if mentions_resource(&py) {
        return Err(syn::Error::new_spanned(
            inner,
            "an op does not return a `matx::Resource`: return the path as a `matx::Str`",
        ));
    }
    Ok((py, fallible))
}

/// Whether a Python spelling names `Resource` anywhere.
pub fn mentions_resource(py: &str) -> bool {
    py.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == "Resource")
}

/// Whether a parameter's name says it is a file (`path`, `vocab_file`, `model_dir`), so
/// that a `Str` there would be a file an op opens unchecked.
pub fn names_a_file(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "path",
        "paths",
        "file",
        "files",
        "filename",
        "filenames",
        "filepath",
        "dir",
        "dirs",
        "directory",
        "folder",
    ];
    let name = name.trim_start_matches('_').to_ascii_lowercase();
    WORDS.contains(&name.as_str())
        || WORDS
            .iter()
            .any(|w| name.strip_suffix(w).is_some_and(|head| head.ends_with('_')))
}
