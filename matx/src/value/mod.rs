//! The value model: strings, bytes, containers shared by reference, the dynamic `Any`, and the traits they share.

mod any;
mod bytes;
mod dict;
mod list;
mod set;
mod str;
mod traits;

pub use self::any::Any;
pub use self::bytes::Bytes;
pub use self::dict::Dict;
pub use self::list::List;
pub use self::set::Set;
pub use self::str::{repr_str, Str};
pub use self::traits::{repr, to_str, PyOrd, PyValue};
