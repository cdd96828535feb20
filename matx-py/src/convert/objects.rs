//! Compiled objects inside `Any`: each class of a bound script registers its two conversions
//! when its module initialises, so an `Any` holding a `Tokenizer` reaches Python as the
//! module's `Tokenizer` and a `Tokenizer` passed where a script takes `Any` stays one.

use super::{FromCx, IntoCx, IntoPyValue};
use matx::{Any, PyValue};
use pyo3::prelude::*;
use std::any::TypeId;
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

/// Into Python: the object behind `Any::Object` (downcast by the registered type).
type IntoFn =
    for<'py> fn(&dyn std::any::Any, &mut IntoCx<'py>) -> Option<PyResult<Bound<'py, PyAny>>>;
/// From Python: `Some` when the object is an instance of the registered class.
type FromFn = fn(&Bound<'_, PyAny>, &mut FromCx) -> Option<Any>;

struct Entry {
    id: TypeId,
    into: IntoFn,
    from: FromFn,
}

/// The registered classes (a handful per extension module; read on every conversion of an
/// object inside `Any`, written once per class at import).
static CLASSES: RwLock<Vec<Entry>> = RwLock::new(Vec::new());

/// The registry to read (a panic elsewhere while it was held leaves the data intact: entries
/// are only ever pushed whole).
fn classes() -> RwLockReadGuard<'static, Vec<Entry>> {
    // `NDArray` is a runtime type every module converts, registered before the first use.
    crate::ndarray::ensure_registered();
    CLASSES.read().unwrap_or_else(PoisonError::into_inner)
}

fn into<'py, T: IntoPyValue + 'static>(
    v: &dyn std::any::Any,
    cx: &mut IntoCx<'py>,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    v.downcast_ref::<T>().map(|t| t.to_py(cx))
}

fn from<T: PyClassValue>(ob: &Bound<'_, PyAny>, _cx: &mut FromCx) -> Option<Any> {
    T::from_exact(ob).map(Any::object)
}

/// A compiled class with a Python class of its own (implemented by the generated bindings).
pub trait PyClassValue: IntoPyValue + PyValue + Sized {
    /// The value inside `ob` when `ob` is an instance of exactly this class's Python class.
    fn from_exact(ob: &Bound<'_, PyAny>) -> Option<Self>;
}

/// `ob` as `T` when it is an object of `T`'s class or of one derived from it (each class
/// has its own Python class, so a derived object arrives through `Any`, as CPython's duck
/// typing would accept it).
pub fn class_from_py<T: PyClassValue + matx::FromAny>(
    ob: &Bound<'_, PyAny>,
    cx: &mut FromCx,
) -> Option<T> {
    if let Some(v) = T::from_exact(ob) {
        return Some(v);
    }
    T::from_any(&object_from_py(ob, cx)?).ok()
}

/// Makes values of the compiled class `T` convert inside `Any`, both ways. Called by the
/// generated `register` of each script module; registering a class twice is harmless.
pub fn register_class<T: PyClassValue>() {
    let id = TypeId::of::<T>();
    let mut classes = CLASSES.write().unwrap_or_else(PoisonError::into_inner);
    if classes.iter().all(|e| e.id != id) {
        classes.push(Entry {
            id,
            into: into::<T>,
            from: from::<T>,
        });
    }
}

/// `v` (the object of an `Any::Object`) as its Python class, if that class is registered.
pub(crate) fn object_to_py<'py>(
    v: &dyn std::any::Any,
    cx: &mut IntoCx<'py>,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    let id = (*v).type_id();
    let f = classes().iter().find(|e| e.id == id)?.into;
    f(v, cx)
}

/// `ob` as `Any::Object`, if it is an instance of a registered compiled class.
pub(crate) fn object_from_py(ob: &Bound<'_, PyAny>, cx: &mut FromCx) -> Option<Any> {
    // Copied out: the conversions run with the registry unlocked.
    let froms: Vec<FromFn> = classes().iter().map(|e| e.from).collect();
    froms.into_iter().find_map(|f| f(ob, cx))
}
