//! The value model: strings, bytes, containers shared by reference, the dynamic `Any`, and the traits they share.

mod any;
mod any_conv;
mod bytes;
mod dict;
mod dict_ops;
mod guard;
mod list;
mod list_reader;
mod local_dict;
mod local_list;
mod object;
mod prims;
mod range;
mod set;
mod settable;
pub mod slice;
mod sort;
mod str;
mod traits;
mod tuple;

pub use self::any::{Any, AnyIter};
pub use self::any_conv::{from_any_error, FromAny, ToAny};
pub use self::bytes::{repr_bytes, Bytes, BytesIter};
pub use self::dict::{Dict, DictIter};
pub(crate) use self::dict_ops::MapCell;
pub(crate) use self::guard::repr_guarded;
pub(crate) use self::guard::{deep, stack_low};
pub use self::guard::{enter as enter_walk, Level, Walk};
pub use self::list::{List, ListIter};
pub use self::list_reader::ListReader;
pub use self::local_dict::{LocalDict, LocalDictIter};
pub use self::local_list::{LocalList, LocalListIter};
pub use self::object::DynObject;
pub use self::prims::{cmp_int_float, hash_float, hash_int};
pub use self::range::{Range, RangeIter};
pub use self::set::{Set, SetIter};
pub use self::sort::py_sort;
pub use self::str::{repr_str, Str, StrIter};
pub use self::traits::{
    item_eq, repr, seq_cmp, seq_eq, to_str, unhashable, CmpOp, PyIterable, PyLen, PyOrd, PyValue,
};
pub use self::tuple::{hash_tuple, AnyTuple};

/// The hash map behind `dict`: insertion-ordered, with a fast hasher.
pub type PyMap<K, V> = indexmap::IndexMap<K, V, foldhash::fast::RandomState>;
