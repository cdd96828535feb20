//! The dialect's static types, their Python spelling, and their Rust representation.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The longest tuple the runtime implements its traits for (`matx/src/value/tuple.rs`).
pub const MAX_TUPLE: usize = 12;

/// A static type of the dialect. `Var` is an inference variable (an empty
/// literal whose element type is learnt from later use).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Ty {
    Int,
    Float,
    Bool,
    #[default]
    None,
    Str,
    Bytes,
    List(Box<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    Set(Box<Ty>),
    Tuple(Vec<Ty>),
    Optional(Box<Ty>),
    Any,
    /// A user class, by name.
    Class(String),
    /// An object of a `#[matx::op]` type: its Python name and the Rust path of the type.
    Op(String, String),
    /// `matx.NDArray`.
    NDArray,
    /// A caught exception (`except E as e`).
    Exc,
    /// `range(...)`.
    Range,
    /// `Tuple[T, ...]`: a tuple whose length is known at run time.
    TupleN(Box<Ty>),
    /// `iter(x)`: an iterator yielding the element type.
    Iter(Box<Ty>),
    /// A callable value: lambdas, nested functions, `Callable[[A], R]`.
    Func(Vec<Ty>, Box<Ty>),
    Var(usize),
    /// A type parameter of a builtin generic class (`T`, `K`, `V`): stubs only.
    Param(u8),
    /// `Iterable[T]`: stubs only; the argument is materialised as a list.
    Iterable(Box<Ty>),
    /// `Tuple[T, ...]`: stubs only (`str.startswith(("a", "b"))`).
    VarTuple(Box<Ty>),
}

impl Ty {
    pub fn list(t: Ty) -> Ty {
        Ty::List(Box::new(t))
    }
    pub fn dict(k: Ty, v: Ty) -> Ty {
        Ty::Dict(Box::new(k), Box::new(v))
    }
    pub fn set(t: Ty) -> Ty {
        Ty::Set(Box::new(t))
    }
    pub fn optional(t: Ty) -> Ty {
        match t {
            Ty::Optional(_) | Ty::None | Ty::Any => t,
            t => Ty::Optional(Box::new(t)),
        }
    }

    /// The type as Python spells it, for messages.
    pub fn py(&self) -> String {
        match self {
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Bool => "bool".into(),
            Ty::None => "None".into(),
            Ty::Str => "str".into(),
            Ty::Bytes => "bytes".into(),
            Ty::List(t) => format!("List[{}]", t.py()),
            Ty::Dict(k, v) => format!("Dict[{}, {}]", k.py(), v.py()),
            Ty::Set(t) => format!("Set[{}]", t.py()),
            Ty::Tuple(ts) if ts.is_empty() => "Tuple[()]".into(),
            Ty::Tuple(ts) => format!(
                "Tuple[{}]",
                ts.iter().map(Ty::py).collect::<Vec<_>>().join(", ")
            ),
            Ty::Optional(t) => format!("Optional[{}]", t.py()),
            Ty::Any => "Any".into(),
            Ty::Class(c) | Ty::Op(c, _) => c.clone(),
            Ty::NDArray => "NDArray".into(),
            Ty::Exc => "Exception".into(),
            Ty::Range => "range".into(),
            Ty::Iter(t) => format!("Iterator[{}]", t.py()),
            Ty::TupleN(t) => format!("Tuple[{}, ...]", t.py()),
            Ty::Func(a, r) => format!(
                "Callable[[{}], {}]",
                a.iter().map(Ty::py).collect::<Vec<_>>().join(", "),
                r.py()
            ),
            Ty::Var(_) => "?".into(),
            Ty::Param(p) => ["T", "K", "V"].get(*p as usize).unwrap_or(&"T").to_string(),
            Ty::Iterable(t) => format!("Iterable[{}]", t.py()),
            Ty::VarTuple(t) => format!("Tuple[{}, ...]", t.py()),
        }
    }

    /// Whether values of this type can be dict keys / set elements.
    pub fn is_hashable(&self) -> bool {
        match self {
            Ty::Int | Ty::Bool | Ty::Str | Ty::Bytes | Ty::None | Ty::Any => true,
            Ty::Tuple(ts) => ts.iter().all(Ty::is_hashable),
            Ty::Optional(t) | Ty::TupleN(t) => t.is_hashable(),
            Ty::Var(_) => true,
            _ => false,
        }
    }

    /// Whether `<`/`sorted` work on values of this type.
    pub fn is_ordered(&self) -> bool {
        match self {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Bytes | Ty::Any => true,
            Ty::List(t) | Ty::Optional(t) | Ty::TupleN(t) => t.is_ordered(),
            Ty::Tuple(ts) => ts.iter().all(Ty::is_ordered),
            _ => false,
        }
    }

    /// The Rust type of a value of this type (inference variables must be
    /// resolved first; an unresolved one becomes `_`).
    pub fn rust(&self) -> TokenStream {
        match self {
            Ty::Int => quote!(i64),
            Ty::Float => quote!(f64),
            Ty::Bool => quote!(bool),
            Ty::None => quote!(()),
            Ty::Str => quote!(::matx::Str),
            Ty::Bytes => quote!(::matx::Bytes),
            Ty::List(t) => {
                let t = t.rust();
                quote!(::matx::List<#t>)
            }
            Ty::Dict(k, v) => {
                let (k, v) = (k.rust(), v.rust());
                quote!(::matx::Dict<#k, #v>)
            }
            Ty::Set(t) => {
                let t = t.rust();
                quote!(::matx::Set<#t>)
            }
            Ty::Tuple(ts) if ts.is_empty() => quote!(::matx::rt::Tuple0),
            Ty::Tuple(ts) => {
                let ts = ts.iter().map(Ty::rust);
                quote!((#(#ts,)*))
            }
            Ty::Optional(t) => {
                let t = t.rust();
                quote!(::std::option::Option<#t>)
            }
            Ty::Any => quote!(::matx::Any),
            Ty::Class(c) => {
                let c = format_ident!("{}", c);
                quote!(#c)
            }
            Ty::Op(_, path) => {
                let p: TokenStream = path.parse().unwrap_or_default();
                quote!(::matx::registry::Op<#p>)
            }
            Ty::NDArray => quote!(::matx::NDArray),
            Ty::Exc => quote!(::matx::Error),
            Ty::Range => quote!(::matx::Range),
            Ty::Iter(t) => {
                let t = t.rust();
                quote!(::matx::rt::PyIter<#t>)
            }
            Ty::TupleN(t) => {
                let t = t.rust();
                quote!(::matx::rt::TupleN<#t>)
            }
            Ty::Func(args, ret) => {
                let args = args.iter().map(Ty::rust);
                let ret = ret.rust();
                quote!(::std::sync::Arc<dyn Fn(#(#args),*) -> ::matx::Result<#ret> + Send + Sync>)
            }
            Ty::Var(_) | Ty::Param(_) => quote!(_),
            Ty::Iterable(t) => Ty::List(t.clone()).rust(),
            Ty::VarTuple(t) => {
                let t = t.rust();
                quote!(::std::vec::Vec<#t>)
            }
        }
    }
}
