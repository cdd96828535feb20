//! Helpers shared by the `NDArray` tests (`ndarray.rs`, `ndarray_memory.rs`): lists of ints, reprs, error messages, `arange`.
#![allow(dead_code)]

use matx::{repr, Any, DType, List, NDArray, PyValue, Result};

pub fn ints(v: &[i64]) -> Any {
    Any::List(List::from_vec(v.iter().map(|&i| Any::Int(i)).collect()))
}

pub fn list(v: Vec<Any>) -> Any {
    Any::List(List::from_vec(v))
}

pub fn r<T: PyValue>(v: &T) -> String {
    repr(v).unwrap()
}

pub fn msg<T>(x: Result<T>) -> String {
    match x {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.repr(),
    }
}

pub fn arange(n: i64, shape: &[i64], dtype: DType) -> NDArray {
    let data = ints(&(0..n).collect::<Vec<_>>());
    NDArray::from_list(&data, Some(shape), dtype).unwrap()
}
