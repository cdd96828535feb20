//! Reading and writing the elements of an `NDArray`: items and scalars, `fill`, `tolist`, copies and casts, and construction from nested lists (`Nested`) or a `Vec`.

use super::dtype::{DType, Elem};
use super::storage::{Reader, Writer};
use super::{checked_size, shape_tuple, NDArray};
use crate::error::{err, exc, Error};
use crate::value::{Any, List};
use crate::Result;

/// The most dimensions an array may have (numpy's limit).
pub const MAX_DIMS: usize = 64;

/// Element positions of a view in C order (row-major), as storage positions.
pub(crate) struct Positions<'a> {
    shape: &'a [i64],
    strides: &'a [i64],
    index: Vec<i64>,
    pos: i64,
    remaining: i64,
}

impl Iterator for Positions<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.remaining <= 0 {
            return None;
        }
        let out = self.pos;
        self.remaining -= 1;
        if self.remaining > 0 {
            for d in (0..self.shape.len()).rev() {
                if self.index[d] + 1 < self.shape[d] {
                    self.index[d] += 1;
                    self.pos += self.strides[d];
                    break;
                }
                // Back to the start of this axis; the view's span was checked, so no overflow.
                self.pos -= self.strides[d] * (self.shape[d] - 1);
                self.index[d] = 0;
            }
        }
        // Positions of a checked view are never negative.
        Some(out as usize)
    }
}

/// A nested sequence a numpy-style array can be built from: `Any` (lists and tuples of
/// numbers), and in the Python bindings a Python object.
pub trait Nested: Sized {
    /// The items when this is a sequence (a list, a tuple, an array of `ndim >= 1`), `None`
    /// for a leaf.
    fn items(&self) -> Result<Option<Vec<Self>>>;
    /// This leaf as an element (`TypeError` when it is not a number).
    fn elem(&self) -> Result<Elem>;
}

impl Nested for Any {
    fn items(&self) -> Result<Option<Vec<Any>>> {
        Ok(match self {
            Any::List(l) => Some(l.to_vec()),
            Any::Tuple(t) => Some(t.to_vec()),
            Any::Object(_) => match self.downcast::<NDArray>() {
                Some(a) if a.ndim() > 0 => {
                    let n = a.len()?;
                    let mut out = Vec::with_capacity(n as usize);
                    for i in 0..n {
                        out.push(Any::object(a.view_at(i)?));
                    }
                    Some(out)
                }
                _ => None,
            },
            _ => None,
        })
    }
    fn elem(&self) -> Result<Elem> {
        if let Some(a) = self.downcast::<NDArray>() {
            return a.get_elem(&[]);
        }
        Elem::from_any(self)
    }
}

/// A Rust number type an array can be made from or read into (the dtypes other than
/// float16, which Rust has no type for).
pub trait NativeType: Copy + Send + Sync + 'static {
    const DTYPE: DType;
    /// Whether every bit pattern of the type's size is a valid value (all but `bool`), so
    /// its elements may be viewed as bytes and back.
    const ANY_BITS: bool = true;
    /// Native-endian bytes, in the first `size_of::<Self>()` of the 8.
    fn to_bytes(self) -> [u8; 8];
    fn from_bytes(b: [u8; 8]) -> Self;
}

macro_rules! native {
    ($($t:ty => $d:ident),* $(,)?) => {$(
        impl NativeType for $t {
            const DTYPE: DType = DType::$d;
            fn to_bytes(self) -> [u8; 8] {
                let mut out = [0u8; 8];
                let b = self.to_ne_bytes();
                out[..b.len()].copy_from_slice(&b);
                out
            }
            fn from_bytes(b: [u8; 8]) -> Self {
                let mut x = [0u8; std::mem::size_of::<$t>()];
                x.copy_from_slice(&b[..std::mem::size_of::<$t>()]);
                <$t>::from_ne_bytes(x)
            }
        }
    )*};
}

native!(i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64, u8 => UInt8, u16 => UInt16,
    u32 => UInt32, u64 => UInt64, f32 => Float32, f64 => Float64);

impl NativeType for bool {
    const DTYPE: DType = DType::Bool;
    const ANY_BITS: bool = false;
    fn to_bytes(self) -> [u8; 8] {
        [self as u8, 0, 0, 0, 0, 0, 0, 0]
    }
    fn from_bytes(b: [u8; 8]) -> Self {
        b[0] != 0
    }
}

/// `ValueError` for a list whose nesting is ragged, as numpy words it.
fn inhomogeneous(shape: &[i64], depth: usize) -> Error {
    Error::new(
        &exc::ValueError,
        format!(
            "setting an array element with a sequence. The requested array has an inhomogeneous \
             shape after {depth} dimensions. The detected shape was {} + inhomogeneous part.",
            shape_tuple(&shape[..depth])
        ),
    )
}

/// Appends the leaves of `node` (of `shape` from `depth` on) in C order.
fn flatten<T: Nested>(node: &T, shape: &[i64], depth: usize, out: &mut Vec<Elem>) -> Result<()> {
    let items = node.items()?;
    if depth == shape.len() {
        return match items {
            None => {
                out.push(node.elem()?);
                Ok(())
            }
            Some(_) => Err(inhomogeneous(shape, depth)),
        };
    }
    match items {
        Some(v) if v.len() as i64 == shape[depth] => {
            for x in &v {
                flatten(x, shape, depth + 1, out)?;
            }
            Ok(())
        }
        _ => Err(inhomogeneous(shape, depth)),
    }
}

impl NDArray {
    pub(crate) fn positions(&self) -> Positions<'_> {
        Positions {
            shape: &self.0.shape,
            strides: &self.0.strides,
            index: vec![0; self.0.shape.len()],
            pos: self.0.offset,
            remaining: self.size(),
        }
    }

    fn item(&self) -> usize {
        self.0.dtype.itemsize()
    }

    pub(crate) fn reader(&self) -> Reader<'_> {
        self.0.storage.reader()
    }

    fn writer(&self) -> Result<Writer<'_>> {
        self.0.storage.writer()
    }

    /// The element at `index` (one entry per dimension, negative from the end).
    pub fn get_elem(&self, index: &[i64]) -> Result<Elem> {
        let pos = self.position(index)?;
        let item = self.item();
        let b = self.reader().load(pos * item, item);
        Ok(self.0.dtype.decode(b))
    }

    /// The element at `index` as a script value (`int`, `float`, `bool`).
    pub fn get_scalar(&self, index: &[i64]) -> Result<Any> {
        self.get_elem(index)?.to_any()
    }

    /// Stores `value` (a `bool`, `int` or `float`) at `index`, converted as numpy converts
    /// (`OverflowError` for an int out of the dtype's range).
    pub fn set_scalar(&self, index: &[i64], value: &Any) -> Result<()> {
        self.set_elem(index, Elem::from_any(value)?)
    }

    /// Stores `value` at `index`.
    pub fn set_elem(&self, index: &[i64], value: Elem) -> Result<()> {
        let pos = self.position(index)?;
        let item = self.item();
        let b = self.0.dtype.encode(value)?;
        self.writer()?.store(pos * item, &b[..item]);
        Ok(())
    }

    /// `a[i]`: an element as a script value for a 1-d array, else the sub-array (a view,
    /// in `Any::Object`). Negative `i` counts from the end; `IndexError` as numpy words it.
    pub fn get_item(&self, i: i64) -> Result<Any> {
        let v = self.view_at(i)?;
        if v.ndim() == 0 {
            v.get_elem(&[])?.to_any()
        } else {
            Ok(Any::object(v))
        }
    }

    /// `a[i] = value`: a scalar fills the sub-array at `i`; a list or an array of the
    /// sub-array's shape is copied into it.
    pub fn set_item(&self, i: i64, value: &Any) -> Result<()> {
        self.view_at(i)?.assign(value)
    }

    /// `a[...] = value`: a scalar is stored into every element; a nested list (converted as
    /// Python values are, checked) or an `NDArray` (cast, as numpy casts arrays) must have
    /// this array's shape, or be 0-d, and is copied element by element.
    pub fn assign(&self, value: &Any) -> Result<()> {
        let src = match value {
            Any::Bool(_) | Any::Int(_) | Any::Float(_) => return self.fill(value),
            Any::Object(_) => match value.downcast::<NDArray>() {
                Some(a) => a,
                None => return Err(Elem::not_a_number(crate::PyValue::py_type_name(value))),
            },
            _ => NDArray::from_nested(value, None, Some(self.dtype()))?,
        };
        self.copy_from(&src)
    }

    /// Copies the elements of `src` (of this array's shape, or 0-d: stored into every
    /// element) into this array, cast to its dtype as numpy casts one array into another
    /// (C casts, see [`astype`](Self::astype)).
    pub fn copy_from(&self, src: &NDArray) -> Result<()> {
        if src.ndim() != 0 && src.shape_ref() != self.shape_ref() {
            return err(
                &exc::ValueError,
                format!(
                    "could not broadcast input array from shape {} into shape {}",
                    shape_tuple(src.shape_ref()),
                    shape_tuple(self.shape_ref())
                ),
            );
        }
        // Read first, then write: the two may share storage, whose lock is not reentrant.
        let elems = src.to_elems();
        let dtype = self.dtype();
        let item = self.item();
        let mut w = self.writer()?;
        if let [e] = elems.as_slice() {
            let b = dtype.cast(*e);
            for pos in self.positions() {
                w.store(pos * item, &b[..item]);
            }
            return Ok(());
        }
        for (pos, e) in self.positions().zip(elems) {
            w.store(pos * item, &dtype.cast(e)[..item]);
        }
        Ok(())
    }

    /// Stores `value` (a `bool`, `int` or `float`) into every element.
    pub fn fill(&self, value: &Any) -> Result<()> {
        self.fill_elem(Elem::from_any(value)?)
    }

    /// Stores `value` into every element.
    pub fn fill_elem(&self, value: Elem) -> Result<()> {
        let b = self.0.dtype.encode(value)?;
        let item = self.item();
        let mut w = self.writer()?;
        for pos in self.positions() {
            w.store(pos * item, &b[..item]);
        }
        Ok(())
    }

    /// `MemoryError` unless what `tolist` builds for this array (an element and a script
    /// value per element) can be allocated: a view may hold far more elements than memory (a
    /// broadcast view of one element), and `tolist` must refuse it, never abort.
    pub fn check_listable(&self) -> Result<()> {
        let size = usize::try_from(checked_size(&self.0.shape)?).unwrap_or(usize::MAX);
        let per = std::mem::size_of::<Elem>() + std::mem::size_of::<Any>();
        let need = size
            .checked_mul(per)
            .ok_or_else(|| Error::bare(&exc::MemoryError))?;
        let mut probe: Vec<u8> = Vec::new();
        probe
            .try_reserve_exact(need)
            .map_err(|_| Error::bare(&exc::MemoryError))?;
        Ok(())
    }

    /// The elements in C order (a snapshot taken under the lock).
    pub fn to_elems(&self) -> Vec<Elem> {
        let item = self.item();
        let dtype = self.0.dtype;
        let r = self.reader();
        self.positions()
            .map(|pos| dtype.decode(r.load(pos * item, item)))
            .collect()
    }

    /// The elements as nested script lists, as numpy's `tolist` gives them (`int`s for
    /// integer dtypes, `float`s for float dtypes, `bool`s for bool; a 0-d array gives its
    /// element itself). `OverflowError` for a `uint64` element beyond a 64-bit int.
    pub fn tolist(&self) -> Result<Any> {
        self.check_listable()?;
        let elems = self.to_elems();
        let mut it = elems.into_iter();
        nest(&mut it, &self.0.shape)
    }

    /// The elements in C order as a `Vec` of the dtype's Rust type; `TypeError` when `T` is
    /// not the array's dtype.
    pub fn to_vec<T: NativeType>(&self) -> Result<Vec<T>> {
        self.check_dtype::<T>()?;
        if let Some(v) = self.to_vec_bulk::<T>() {
            return Ok(v);
        }
        let item = self.item();
        let r = self.reader();
        Ok(self
            .positions()
            .map(|pos| T::from_bytes(r.load(pos * item, item)))
            .collect())
    }

    /// A 1-d array holding `v` (its memory, not a copy).
    pub fn from_vec<T: NativeType>(v: Vec<T>) -> Result<NDArray> {
        let n = v.len() as i64;
        NDArray::from_shape_vec(&[n], v)
    }

    /// An array of `shape` holding `v` in C order (its memory, not a copy); `ValueError` when
    /// the sizes differ.
    pub fn from_shape_vec<T: NativeType>(shape: &[i64], v: Vec<T>) -> Result<NDArray> {
        let size = checked_size(shape)?;
        if size != v.len() as i64 {
            return err(
                &exc::ValueError,
                format!(
                    "cannot reshape array of size {} into shape {}",
                    v.len(),
                    shape_tuple(shape)
                ),
            );
        }
        NDArray::over_vec(shape, v)
    }

    /// A new C-contiguous array with the same elements (always a copy, in owned storage).
    pub fn copy(&self) -> Result<NDArray> {
        let out = NDArray::zeros(&self.0.shape, self.0.dtype)?;
        let item = self.item();
        {
            let r = self.reader();
            let mut w = out.writer()?;
            if self.is_contiguous() {
                let start = self.positions().next().unwrap_or(0);
                let n = self.size() as usize * item;
                if n > 0 {
                    w.copy_from(0, &r, start * item, n);
                }
            } else {
                for (k, pos) in self.positions().enumerate() {
                    w.copy_from(k * item, &r, pos * item, item);
                }
            }
        }
        Ok(out)
    }

    /// This array when it is C-contiguous, else a C-contiguous copy.
    pub fn contiguous(&self) -> Result<NDArray> {
        if self.is_contiguous() {
            Ok(self.clone())
        } else {
            self.copy()
        }
    }

    /// A copy with elements cast to `dtype` as numpy's `astype` casts (C casts: ints wrap,
    /// floats truncate towards zero, anything nonzero is `True`).
    pub fn astype(&self, dtype: DType) -> Result<NDArray> {
        if dtype == self.0.dtype {
            return self.copy();
        }
        let out = NDArray::zeros(&self.0.shape, dtype)?;
        let (src_item, dst_item) = (self.item(), dtype.itemsize());
        let src_dtype = self.0.dtype;
        let r = self.reader();
        let mut w = out.writer()?;
        for (k, pos) in self.positions().enumerate() {
            let e = src_dtype.decode(r.load(pos * src_item, src_item));
            w.store(k * dst_item, &dtype.cast(e)[..dst_item]);
        }
        drop(w);
        Ok(out)
    }

    /// An array from a nested list, as `numpy.array(data, dtype)`: the shape is the
    /// nesting's (`ValueError` when ragged), the dtype when `None` the smallest holding every
    /// element (bool, then int64, then uint64 for ints beyond int64, then float64; float64
    /// for no element).
    ///
    /// With `shape` (MATXScript's `NDArray(data, shape, dtype)`): flat (or nested) data is
    /// reshaped to it (`ValueError` when the sizes differ); an empty list gives a zero-filled
    /// array of that shape; a scalar fills it; an empty shape with list data means "the
    /// data's own shape".
    pub fn from_nested<T: Nested>(
        data: &T,
        shape: Option<&[i64]>,
        dtype: Option<DType>,
    ) -> Result<NDArray> {
        let (dims, elems) = collect(data)?;
        let dtype = match dtype {
            Some(d) => d,
            None => elems
                .iter()
                .fold(None, |acc, e| Some(e.promote(acc)))
                .unwrap_or(DType::Float64),
        };
        let shape: Vec<i64> = match shape {
            None => dims.clone(),
            Some([]) if !dims.is_empty() => dims.clone(),
            Some(s) => s.to_vec(),
        };
        let size = checked_size(&shape)?;
        if dims.is_empty() && !shape.is_empty() {
            // A scalar with a shape: filled.
            let out = NDArray::zeros(&shape, dtype)?;
            if let Some(e) = elems.first() {
                out.fill_elem(*e)?;
            }
            return Ok(out);
        }
        if elems.is_empty() && size > 0 && dims == [0] {
            return NDArray::zeros(&shape, dtype);
        }
        if size != elems.len() as i64 {
            return err(
                &exc::ValueError,
                format!(
                    "cannot reshape array of size {} into shape {}",
                    elems.len(),
                    shape_tuple(&shape)
                ),
            );
        }
        let item = dtype.itemsize();
        let mut bytes = Vec::with_capacity(elems.len() * item);
        for e in elems {
            bytes.extend_from_slice(&dtype.encode(e)?[..item]);
        }
        let out = NDArray::zeros(&shape, dtype)?;
        out.writer()?.store(0, &bytes);
        Ok(out)
    }

    /// [`from_nested`](Self::from_nested) on script values with an explicit dtype: nested
    /// lists (`[[1, 2], [3, 4]]`) or flat data with a shape (`[1, 2, 3, 4]`, `[2, 2]`).
    pub fn from_list(data: &Any, shape: Option<&[i64]>, dtype: DType) -> Result<NDArray> {
        NDArray::from_nested(data, shape, Some(dtype))
    }

    /// The dtype `numpy.array(data)` would choose (see [`from_nested`](Self::from_nested)).
    pub fn infer_dtype<T: Nested>(data: &T) -> Result<DType> {
        let (_, elems) = collect(data)?;
        Ok(elems
            .iter()
            .fold(None, |acc, e| Some(e.promote(acc)))
            .unwrap_or(DType::Float64))
    }
}

/// The shape of `data` (following first items down) and its leaves in C order.
fn collect<T: Nested>(data: &T) -> Result<(Vec<i64>, Vec<Elem>)> {
    let mut dims: Vec<i64> = Vec::new();
    let mut cur = data.items()?;
    while let Some(items) = cur {
        if dims.len() >= MAX_DIMS {
            return err(
                &exc::ValueError,
                format!(
                    "maximum supported dimension for an ndarray is currently {MAX_DIMS}, found {}",
                    MAX_DIMS + 1
                ),
            );
        }
        dims.push(items.len() as i64);
        cur = match items.first() {
            Some(x) => x.items()?,
            None => None,
        };
    }
    let mut elems = Vec::new();
    flatten(data, &dims, 0, &mut elems)?;
    Ok((dims, elems))
}

/// Nested lists of `shape` from elements in C order.
fn nest(it: &mut impl Iterator<Item = Elem>, shape: &[i64]) -> Result<Any> {
    match shape.split_first() {
        None => match it.next() {
            Some(e) => e.to_any(),
            None => err(
                &exc::RuntimeError,
                "NDArray.tolist: fewer elements than its shape",
            ),
        },
        Some((&n, rest)) => {
            let mut v = Vec::with_capacity(n.max(0) as usize);
            for _ in 0..n {
                v.push(nest(it, rest)?);
            }
            Ok(Any::List(List::from_vec(v)))
        }
    }
}
