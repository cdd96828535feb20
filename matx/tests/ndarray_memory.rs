//! `matx::NDArray` over memory it does not own (zero copy, the keeper dropped once), many threads sharing one array, and indexing and slicing along any axis.

use matx::ndarray::Elem;
use matx::{Any, DType, NDArray};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[path = "support/ndarray_fixture.rs"]
mod fixture;
use fixture::*;

/// Counts drops of the keeper of external memory.
struct Keep {
    _buf: Vec<i32>,
    drops: Arc<AtomicUsize>,
}

impl Drop for Keep {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn external_memory_zero_copy_and_keeper() {
    let drops = Arc::new(AtomicUsize::new(0));
    let mut buf: Vec<i32> = (0..12).collect();
    let ptr = buf.as_mut_ptr() as *mut u8;
    let keep = Keep {
        _buf: buf,
        drops: Arc::clone(&drops),
    };
    // SAFETY: `ptr` points at 12 i32s owned by `keep`, which the array keeps alive; nothing
    // else touches them.
    let a =
        unsafe { NDArray::from_external(ptr, DType::Int32, &[3, 4], None, false, Box::new(keep)) }
            .unwrap();
    assert_eq!(a.data_ptr(), ptr as *const u8);
    assert_eq!(
        r(&a.get_item(2).unwrap()),
        "NDArray([8, 9, 10, 11], shape=[4], dtype=int32)"
    );
    a.set_scalar(&[0, 0], &Any::Int(100)).unwrap();
    // SAFETY: the memory is still alive (held by `a`); this test is the only user.
    assert_eq!(unsafe { *(ptr as *const i32) }, 100);

    // A reversed view over the same memory: element 0 is the last int.
    let last = ptr.wrapping_add(11 * 4);
    let drops2 = Arc::new(AtomicUsize::new(0));
    // SAFETY: the 12 ints stay alive while `a` does, and `rev` is dropped before `a`.
    let rev = unsafe {
        NDArray::from_external(
            last,
            DType::Int32,
            &[2, 3],
            Some(&[-4, -1]),
            true,
            Box::new(Keep {
                _buf: Vec::new(),
                drops: Arc::clone(&drops2),
            }),
        )
    }
    .unwrap();
    assert_eq!(r(&rev.tolist().unwrap()), "[[11, 10, 9], [7, 6, 5]]");
    assert!(rev.is_read_only());
    assert_eq!(
        msg(rev.set_scalar(&[0, 0], &Any::Int(1))),
        "ValueError('assignment destination is read-only')"
    );
    assert_eq!(
        msg(rev.fill(&Any::Int(1))),
        "ValueError('assignment destination is read-only')"
    );
    // A copy of read-only memory is writable.
    rev.copy().unwrap().fill(&Any::Int(1)).unwrap();
    drop(rev);
    assert_eq!(drops2.load(Ordering::SeqCst), 1);

    // The keeper goes with the last handle, views included.
    let view = a.get_item(1).unwrap();
    let t = a.transpose();
    drop(a);
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    assert_eq!(r(&t.get_scalar(&[0, 1]).unwrap()), "4");
    drop(t);
    assert_eq!(r(&view), "NDArray([4, 5, 6, 7], shape=[4], dtype=int32)");
    drop(view);
    assert_eq!(drops.load(Ordering::SeqCst), 1);

    // Zero strides (a broadcast of one int) and an empty array over no memory.
    let one = Box::new(5i64);
    let p = &*one as *const i64 as *mut u8;
    // SAFETY: `p` is the boxed int, kept alive by the keeper; read-only.
    let b = unsafe { NDArray::from_external(p, DType::Int64, &[2, 3], Some(&[0, 0]), true, one) }
        .unwrap();
    assert_eq!(r(&b.tolist().unwrap()), "[[5, 5, 5], [5, 5, 5]]");
    // SAFETY: no element is addressed.
    let e = unsafe {
        NDArray::from_external(
            std::ptr::null_mut(),
            DType::Float32,
            &[0, 3],
            None,
            false,
            Box::new(()),
        )
    }
    .unwrap();
    assert_eq!(r(&e.tolist().unwrap()), "[]");
    // SAFETY: refused before any memory is used.
    let bad = unsafe {
        NDArray::from_external(
            std::ptr::null_mut(),
            DType::Float32,
            &[1],
            None,
            false,
            Box::new(()),
        )
    };
    assert_eq!(msg(bad), "ValueError(\"the array's data pointer is null\")");
    // Strides whose reach overflows are refused, not wrapped.
    let mut x = 0u8;
    for strides in [[i64::MAX, i64::MIN], [i64::MAX, i64::MAX], [i64::MIN, 1]] {
        // SAFETY: refused before any memory is used.
        let huge = unsafe {
            NDArray::from_external(
                &mut x,
                DType::Int8,
                &[2, 2],
                Some(&strides),
                true,
                Box::new(()),
            )
        };
        assert!(
            msg(huge).starts_with("ValueError('array is too big"),
            "{strides:?}"
        );
    }
}

#[test]
fn many_threads_share_one_array() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<NDArray>();

    let a = NDArray::zeros(&[8, 1000], DType::Int64).unwrap();
    std::thread::scope(|s| {
        for t in 0..8i64 {
            let a = a.clone();
            s.spawn(move || {
                let row = a.view_at(t).unwrap();
                for k in 0..1000 {
                    row.set_item(k, &Any::Int(t * 1000 + k)).unwrap();
                    // Reads of the whole array race with the other threads' writes; each
                    // element read is either its old or its new value, never torn.
                    if k % 100 == 0 {
                        for (pos, e) in a.to_elems().into_iter().enumerate() {
                            let Elem::Int(v) = e else {
                                panic!("not an int")
                            };
                            assert!(v == 0 || v == pos as i64, "{v} at {pos}");
                        }
                    }
                }
            });
        }
    });
    assert_eq!(a.to_vec::<i64>().unwrap(), (0..8000).collect::<Vec<i64>>());
    // Two threads fill each of rows 0..4 at once while others read: each fill is atomic
    // with respect to the others, so every row ends uniform.
    std::thread::scope(|s| {
        for t in 0..8i64 {
            let a = a.clone();
            s.spawn(move || {
                let row = a.view_at(t % 4).unwrap();
                for v in [-1, -2, -3] {
                    row.fill(&Any::Int(v)).unwrap();
                    let seen = row.to_vec::<i64>().unwrap();
                    assert!(seen.iter().all(|&x| x == seen[0]), "a torn fill");
                }
            });
        }
    });
    for row in 0..8 {
        let v = a.view_at(row).unwrap().to_vec::<i64>().unwrap();
        if row < 4 {
            assert!(v.iter().all(|&x| x == -3), "row {row}");
        } else {
            assert_eq!(v, (row * 1000..row * 1000 + 1000).collect::<Vec<i64>>());
        }
    }
    // Concurrent writes to distinct elements all land.
    let b = NDArray::zeros(&[4000], DType::Int32).unwrap();
    std::thread::scope(|s| {
        for t in 0..4i64 {
            let b = b.clone();
            s.spawn(move || {
                for k in (t..4000).step_by(4) {
                    b.set_item(k, &Any::Int(k)).unwrap();
                }
            });
        }
    });
    assert_eq!(b.to_vec::<i32>().unwrap(), (0..4000).collect::<Vec<i32>>());
}

#[test]
fn index_and_slice_any_axis() {
    let a = arange(24, &[2, 3, 4], DType::Int64);
    let v = a.index_axis(1, -1).unwrap();
    assert_eq!(v.shape(), vec![2, 4]);
    assert_eq!(
        r(&v.tolist().unwrap()),
        "[[8, 9, 10, 11], [20, 21, 22, 23]]"
    );
    assert_eq!(
        msg(a.index_axis(2, 4)),
        "IndexError('index 4 is out of bounds for axis 2 with size 4')"
    );
    assert_eq!(
        msg(a.index_axis(3, 0)),
        "IndexError('too many indices for array: array is 3-dimensional, but 4 were indexed')"
    );
    let s = a.slice_axis(2, None, None, Some(-2)).unwrap();
    assert_eq!((s.shape(), s.strides()), (vec![2, 3, 2], vec![12, 4, -2]));
    assert_eq!(
        r(&s.view_at(0).unwrap().tolist().unwrap()),
        "[[3, 1], [7, 5], [11, 9]]"
    );
    let t = a.slice_axis(0, Some(1), Some(100), None).unwrap();
    assert_eq!(t.shape(), vec![1, 3, 4]);
    assert_eq!(t.data_ptr() as usize, a.data_ptr() as usize + 12 * 8);
    let e = a.slice_axis(1, Some(2), Some(1), None).unwrap();
    assert_eq!((e.shape(), e.size()), (vec![2, 0, 4], 0));
    assert_eq!(r(&e.tolist().unwrap()), "[[], []]");
    assert_eq!(
        msg(a.slice_axis(0, None, None, Some(0))),
        "ValueError('slice step cannot be zero')"
    );
    // Writes through a strided slice land in the right places.
    s.fill(&Any::Int(-1)).unwrap();
    assert_eq!(
        r(&a.view_at(1).unwrap().tolist().unwrap()),
        "[[12, -1, 14, -1], [16, -1, 18, -1], [20, -1, 22, -1]]"
    );
}

/// Arrays made from a `Vec` keep its memory (no copy); `with_slice` lends matx's own
/// contiguous memory without copying and copies everything else (views with gaps, foreign
/// memory), giving the elements in C order either way.
#[test]
fn vec_backed_arrays_and_whole_array_slices() {
    let v: Vec<u8> = (0..24).collect();
    let addr = v.as_ptr() as usize;
    let a = NDArray::from_shape_vec(&[2, 3, 4], v).unwrap();
    assert_eq!(a.data_ptr() as usize, addr);
    let lent = a.with_slice(|s: &[u8]| s.as_ptr() as usize).unwrap();
    assert_eq!(lent, addr);
    assert_eq!(a.to_vec::<u8>().unwrap(), (0..24).collect::<Vec<u8>>());
    // A view with gaps is copied, in C order.
    let col = a.slice_axis(2, Some(1), Some(3), None).unwrap();
    let got = col.with_slice(|s: &[u8]| s.to_vec()).unwrap();
    assert_eq!(got, vec![1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22]);
    // Writes go to the Vec's memory and are seen by readers.
    a.set_elem(&[0, 0, 0], Elem::Int(200)).unwrap();
    assert_eq!(a.with_slice(|s: &[u8]| s[0]).unwrap(), 200);
    // The dtype must match.
    let e = a.with_slice(|s: &[f32]| s.len()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: cannot read an array of dtype uint8 as float32"
    );
    // Foreign memory is never lent: the slice is a copy.
    let mut buf: Vec<i32> = (0..6).collect();
    let ptr = buf.as_mut_ptr() as *mut u8;
    // SAFETY: `buf` is moved into the keeper, which keeps it alive as long as the array.
    let f =
        unsafe { NDArray::from_external(ptr, DType::Int32, &[2, 3], None, false, Box::new(buf)) }
            .unwrap();
    let (copied, elems) = f
        .with_slice(|s: &[i32]| (s.as_ptr().cast::<u8>() != ptr.cast_const(), s.to_vec()))
        .unwrap();
    assert!(copied);
    assert_eq!(elems, vec![0, 1, 2, 3, 4, 5]);
    // bool arrays round-trip through a Vec too.
    let b = NDArray::from_shape_vec(&[3], vec![true, false, true]).unwrap();
    assert_eq!(b.dtype(), DType::Bool);
    assert_eq!(b.to_vec::<bool>().unwrap(), vec![true, false, true]);
    assert_eq!(
        NDArray::from_shape_vec::<f32>(&[0, 3], vec![])
            .unwrap()
            .size(),
        0
    );
}
