//! `collections`: `Counter`, `defaultdict`, `OrderedDict` (dicts with CPython's extra
//! behaviour and reprs) and `deque`.

mod counter;
mod defaultdict;
mod deque;
mod ordered_dict;

pub use self::counter::Counter;
pub use self::defaultdict::{DefaultDict, Factory};
pub use self::deque::{Deque, DequeIter};
pub use self::ordered_dict::OrderedDict;
