//! Ops: the handle scripts hold for an object of a `#[matx::op]` type, and the registry that finds ops by their stable names.
//!
//! `#[matx::op]` on a function or on an `impl` block generates, next to the item, a
//! registration function (`__matx_register_<fn>` for a function, `Type::__matx_register`
//! for a type). Nothing is collected at link time: a registry holds exactly the ops that
//! were registered into it, by code that names them, so an op living in another crate
//! cannot silently vanish. [`register_ops!`](crate::register_ops) names several at once;
//! a script compiled with `ops = [...]` registers the ops it uses through its generated
//! `__matx_register_ops`.

use crate::error::{exc, Error};
use crate::{Any, PyValue, Result};
use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::Arc;

/// A type made available to scripts by `#[matx::op]` on its `impl` block.
pub trait OpClass: Send + Sync + 'static {
    /// The stable name the op is registered under (the type's name unless given).
    const OP_NAME: &'static str;
}

/// An object of an op type, as scripts hold it: a shared handle (`b = a` aliases, as in
/// Python). Methods take `&self`; an op that changes state uses its own synchronisation,
/// which `Send + Sync` on the type guarantees is there.
pub struct Op<T>(Arc<T>);

impl<T> Clone for Op<T> {
    fn clone(&self) -> Self {
        Op(Arc::clone(&self.0))
    }
}

impl<T: OpClass> Op<T> {
    pub fn new(value: T) -> Self {
        Op(Arc::new(value))
    }
    /// Whether two handles are the same object (`a is b`).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// The shared object.
    pub fn arc(&self) -> &Arc<T> {
        &self.0
    }
}

impl<T: OpClass> std::fmt::Debug for Op<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object>", T::OP_NAME)
    }
}

impl<T> Deref for Op<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: OpClass> PyValue for Op<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push('<');
        out.push_str(T::OP_NAME);
        out.push_str(" object>");
        Ok(())
    }
    /// Identity, as `object.__eq__`.
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self.ptr_eq(other))
    }
    fn py_is(&self, other: &Self) -> bool {
        self.ptr_eq(other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        T::OP_NAME
    }
    /// By identity, as `object.__hash__`.
    fn py_hash(&self) -> Result<i64> {
        Ok(Arc::as_ptr(&self.0) as *const () as usize as i64 >> 4)
    }
}

impl<T: OpClass> crate::ToAny for Op<T> {
    fn to_any(&self) -> Any {
        Any::Object(Arc::new(self.clone()))
    }
}

impl<T: OpClass> crate::FromAny for Op<T> {
    fn from_any(a: &Any) -> Result<Self> {
        a.downcast::<Op<T>>()
            .ok_or_else(|| crate::from_any_error(T::OP_NAME, a))
    }
}

/// A function op called with dynamic arguments (what a loaded pipeline does).
pub type OpFn = fn(&[Any]) -> Result<Any>;
/// A method of an op object called with dynamic arguments; the object comes first.
pub type OpMethodFn = fn(&Any, &[Any]) -> Result<Any>;

/// What a registry knows of one op.
#[derive(Clone)]
pub enum OpEntry {
    Function {
        /// The Python signature (`def word_count(text: str) -> int`).
        signature: &'static str,
        call: OpFn,
    },
    Class {
        /// The Python class declaration, methods included.
        signature: &'static str,
        /// The constructor.
        new: OpFn,
        methods: &'static [(&'static str, OpMethodFn)],
    },
}

/// Ops by stable name.
#[derive(Clone, Default)]
pub struct OpRegistry {
    entries: BTreeMap<&'static str, OpEntry>,
}

fn not_registered(name: &str) -> Error {
    Error::new(
        &exc::LookupError,
        format!("op '{name}' is not registered: register it with matx::register_ops!(&mut registry, path::to::op) in the crate that defines or uses it"),
    )
}

impl OpRegistry {
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds an op (generated registration functions call this). Registering one name twice
    /// with two different ops is an error, not a silent replacement.
    pub fn add(&mut self, name: &'static str, entry: OpEntry) -> Result<()> {
        if let Some(prev) = self.entries.get(name) {
            let same = match (prev, &entry) {
                (OpEntry::Function { call: a, .. }, OpEntry::Function { call: b, .. }) => {
                    std::ptr::fn_addr_eq(*a, *b)
                }
                (OpEntry::Class { new: a, .. }, OpEntry::Class { new: b, .. }) => {
                    std::ptr::fn_addr_eq(*a, *b)
                }
                _ => false,
            };
            if !same {
                return Err(Error::new(
                    &exc::ValueError,
                    format!("two different ops are registered under the name '{name}': give one of them another name with #[matx::op(name = \"...\")]"),
                ));
            }
        }
        self.entries.insert(name, entry);
        Ok(())
    }
    /// The op registered under `name`.
    pub fn get(&self, name: &str) -> Option<&OpEntry> {
        self.entries.get(name)
    }
    /// The registered names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }
    /// Calls the function op `name`.
    pub fn call(&self, name: &str, args: &[Any]) -> Result<Any> {
        match self.entries.get(name) {
            Some(OpEntry::Function { call, .. }) => call(args),
            Some(OpEntry::Class { .. }) => Err(Error::new(
                &exc::TypeError,
                format!("op '{name}' is a class: construct it, then call its methods"),
            )),
            None => Err(not_registered(name)),
        }
    }
    /// Constructs an object of the class op `name`.
    pub fn construct(&self, name: &str, args: &[Any]) -> Result<Any> {
        match self.entries.get(name) {
            Some(OpEntry::Class { new, .. }) => new(args),
            Some(OpEntry::Function { .. }) => Err(Error::new(
                &exc::TypeError,
                format!("op '{name}' is a function, not a class"),
            )),
            None => Err(not_registered(name)),
        }
    }
    /// Calls `method` on an object made by a class op.
    pub fn call_method(&self, obj: &Any, method: &str, args: &[Any]) -> Result<Any> {
        let ty = obj.py_type_name();
        let Some(OpEntry::Class { methods, .. }) = self.entries.get(ty) else {
            return Err(not_registered(ty));
        };
        match methods.iter().find(|(n, _)| *n == method) {
            Some((_, f)) => f(obj, args),
            None => Err(Error::new(
                &exc::AttributeError,
                format!("'{ty}' object has no attribute '{method}'"),
            )),
        }
    }
}

/// The process-wide registry: Python modules and hosts register their ops into it at
/// start-up, and [`Session::load`](crate::Session::load) finds the ops of a saved pipeline
/// there. Register with `matx::register_ops!(&mut *matx::registry::global().write(), ...)`.
pub fn global() -> &'static parking_lot::RwLock<OpRegistry> {
    static GLOBAL: parking_lot::RwLock<OpRegistry> = parking_lot::RwLock::new(OpRegistry {
        entries: BTreeMap::new(),
    });
    &GLOBAL
}

/// Checks the number of dynamic arguments an op (or a script function) received: from `min`
/// (the parameters without defaults) to `max`, with CPython's message otherwise.
#[doc(hidden)]
pub fn check_arity(name: &str, args: &[Any], min: usize, max: usize) -> Result<()> {
    let n = args.len();
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let expected = match (min == max, max == 1) {
        (true, true) => "1 positional argument".to_string(),
        (true, false) => format!("{max} positional arguments"),
        (false, _) => format!("from {min} to {max} positional arguments"),
    };
    let given = if n == 1 { "was" } else { "were" };
    Err(Error::new(
        &exc::TypeError,
        format!("{name}() takes {expected} but {n} {given} given"),
    ))
}
