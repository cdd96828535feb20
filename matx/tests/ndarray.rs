//! `matx::NDArray`: dtypes, shapes, views and strides, numpy-worded errors, `tolist`; external memory and threads are in `ndarray_memory.rs`.

use matx::ndarray::{f16_to_f64, f64_to_f16, Elem};
use matx::{Any, DType, List, NDArray, PyValue};

#[path = "support/ndarray_fixture.rs"]
mod fixture;
use fixture::*;

#[test]
fn dtype_names_sizes_and_typestrs() {
    let expected = [
        ("bool", 1, "|b1"),
        ("int8", 1, "|i1"),
        ("int16", 2, "<i2"),
        ("int32", 4, "<i4"),
        ("int64", 8, "<i8"),
        ("uint8", 1, "|u1"),
        ("uint16", 2, "<u2"),
        ("uint32", 4, "<u4"),
        ("uint64", 8, "<u8"),
        ("float16", 2, "<f2"),
        ("float32", 4, "<f4"),
        ("float64", 8, "<f8"),
    ];
    for (d, (name, size, typestr)) in DType::ALL.iter().zip(expected) {
        assert_eq!(d.name(), name);
        assert_eq!(d.itemsize(), size);
        assert_eq!(DType::from_name(name).unwrap(), *d);
        if cfg!(target_endian = "little") {
            assert_eq!(d.typestr(), typestr);
            assert_eq!(DType::from_typestr(typestr).unwrap(), *d);
        }
    }
    assert_eq!(DType::from_name("float").unwrap(), DType::Float64);
    assert_eq!(DType::from_name("int").unwrap(), DType::Int64);
    assert_eq!(
        msg(DType::from_name("complex64")),
        "TypeError(\"data type 'complex64' not understood\")"
    );
    assert_eq!(
        msg(DType::from_typestr("|O")),
        "TypeError('unsupported dtype |O')"
    );
    assert_eq!(
        msg(DType::from_typestr("<c8")),
        "TypeError('unsupported dtype <c8')"
    );
    assert_eq!(
        msg(DType::from_typestr("|V8")),
        "TypeError('unsupported dtype |V8')"
    );
    if cfg!(target_endian = "little") {
        assert_eq!(
            msg(DType::from_typestr(">i4")),
            "TypeError('unsupported dtype >i4 (non-native byte order)')"
        );
        // One byte has no byte order.
        assert_eq!(DType::from_typestr("<u1").unwrap(), DType::UInt8);
    }
}

#[test]
fn float16_conversions_are_exact_and_round_to_even() {
    let cases: &[(f64, u16)] = &[
        (0.0, 0x0000),
        (1.0, 0x3c00),
        (-2.0, 0xc000),
        (0.5, 0x3800),
        (65504.0, 0x7bff),
        (2f64.powi(-14), 0x0400),
        (2f64.powi(-24), 0x0001),
        (f64::INFINITY, 0x7c00),
        (f64::NEG_INFINITY, 0xfc00),
    ];
    for &(x, h) in cases {
        assert_eq!(f64_to_f16(x), h, "{x}");
        assert_eq!(f16_to_f64(h), x, "{h:#x}");
    }
    assert_eq!(f64_to_f16(-0.0), 0x8000);
    assert!(f16_to_f64(0x8000).is_sign_negative());
    assert!(f16_to_f64(0x7e00).is_nan());
    assert!(f16_to_f64(f64_to_f16(f64::NAN)).is_nan());
    // numpy.float16(0.1) == 0.0999755859375 (0x2e66).
    assert_eq!(f64_to_f16(0.1), 0x2e66);
    assert_eq!(f16_to_f64(0x2e66), 0.0999755859375);
    // Overflow: 65519.99 rounds to the largest half, 65520 to infinity.
    assert_eq!(f64_to_f16(65519.99), 0x7bff);
    assert_eq!(f64_to_f16(65520.0), 0x7c00);
    assert_eq!(f64_to_f16(1e300), 0x7c00);
    // Ties to even: 2049 lies between 2048 and 2050 (spacing 2).
    assert_eq!(f16_to_f64(f64_to_f16(2049.0)), 2048.0);
    assert_eq!(f16_to_f64(f64_to_f16(2051.0)), 2052.0);
    // Subnormals: half the smallest rounds to zero (even), a bit more rounds up.
    assert_eq!(f64_to_f16(2f64.powi(-25)), 0x0000);
    assert_eq!(f64_to_f16(1.5 * 2f64.powi(-25)), 0x0001);
    assert_eq!(f64_to_f16(3.0 * 2f64.powi(-25)), 0x0002);
    assert_eq!(f64_to_f16(1e-300), 0x0000);
    // The largest subnormal rounding up becomes the smallest normal.
    assert_eq!(f64_to_f16(2f64.powi(-14) - 2f64.powi(-26)), 0x0400);
    // Every half survives the trip through f64.
    for h in 0..=u16::MAX {
        let x = f16_to_f64(h);
        if !x.is_nan() {
            assert_eq!(f64_to_f16(x), h, "{h:#x}");
        }
    }
}

#[test]
fn zeros_shapes_and_strides() {
    let a = NDArray::zeros(&[2, 3, 4], DType::Float32).unwrap();
    assert_eq!(a.shape(), vec![2, 3, 4]);
    assert_eq!(a.strides(), vec![12, 4, 1]);
    assert_eq!((a.ndim(), a.size(), a.len().unwrap()), (3, 24, 2));
    assert_eq!(a.dtype(), DType::Float32);
    assert!(a.is_contiguous());
    assert_eq!(a.data_ptr() as usize % 64, 0);
    assert_eq!(r(&a.get_scalar(&[1, 2, 3]).unwrap()), "0.0");

    let s = NDArray::zeros(&[], DType::Int64).unwrap();
    assert_eq!((s.ndim(), s.size()), (0, 1));
    assert_eq!(msg(s.len()), "TypeError('len() of unsized object')");
    assert_eq!(r(&s.tolist().unwrap()), "0");

    let e = NDArray::zeros(&[0, 5], DType::Bool).unwrap();
    assert_eq!((e.size(), e.len().unwrap()), (0, 0));
    assert_eq!(r(&e.tolist().unwrap()), "[]");
    assert_eq!(
        r(&NDArray::zeros(&[2, 0], DType::Bool)
            .unwrap()
            .tolist()
            .unwrap()),
        "[[], []]"
    );

    assert_eq!(
        msg(NDArray::zeros(&[2, -1], DType::Int8)),
        "ValueError('negative dimensions are not allowed')"
    );
    assert!(msg(NDArray::zeros(&[1 << 62, 1 << 62], DType::Int8))
        .starts_with("ValueError('array is too big"));
    assert!(
        msg(NDArray::zeros(&[1 << 61], DType::Int64)).starts_with("ValueError('array is too big")
    );
}

#[test]
fn from_list_nested_flat_and_inferred() {
    let nested = list(vec![ints(&[1, 2, 3]), ints(&[4, 5, 6])]);
    let a = NDArray::from_list(&nested, None, DType::Int32).unwrap();
    assert_eq!(a.shape(), vec![2, 3]);
    assert_eq!(
        r(&a),
        "NDArray([[1, 2, 3], [4, 5, 6]], shape=[2, 3], dtype=int32)"
    );

    // MATXScript's NDArray([1, 2, 3, 4, 5, 6], [3, 2], "int32").
    let b = NDArray::from_list(&ints(&[1, 2, 3, 4, 5, 6]), Some(&[3, 2]), DType::Int32).unwrap();
    assert_eq!(r(&b.tolist().unwrap()), "[[1, 2], [3, 4], [5, 6]]");
    // An empty shape with list data keeps the data's shape (MATXScript).
    let c = NDArray::from_list(&nested, Some(&[]), DType::Int64).unwrap();
    assert_eq!(c.shape(), vec![2, 3]);
    // An empty list with a shape: zero-filled.
    let z = NDArray::from_list(&ints(&[]), Some(&[2, 2]), DType::Float32).unwrap();
    assert_eq!(r(&z.tolist().unwrap()), "[[0.0, 0.0], [0.0, 0.0]]");
    // A scalar with a shape: filled; without: 0-d.
    let f = NDArray::from_list(&Any::Float(1.5), Some(&[3]), DType::Float64).unwrap();
    assert_eq!(r(&f.tolist().unwrap()), "[1.5, 1.5, 1.5]");
    let s = NDArray::from_list(&Any::Int(7), None, DType::Int16).unwrap();
    assert_eq!((s.ndim(), r(&s.tolist().unwrap())), (0, "7".to_string()));
    // Tuples nest like lists.
    let t = Any::tuple(vec![Any::Bool(true), Any::Bool(false)]);
    assert_eq!(
        r(&NDArray::from_nested(&t, None, None).unwrap()),
        "NDArray([True, False], shape=[2], dtype=bool)"
    );

    // numpy's dtype choice.
    let infer = |v: Any| NDArray::infer_dtype(&v).unwrap();
    assert_eq!(
        infer(list(vec![Any::Bool(true), Any::Bool(false)])),
        DType::Bool
    );
    assert_eq!(
        infer(list(vec![Any::Bool(true), Any::Int(2)])),
        DType::Int64
    );
    assert_eq!(
        infer(list(vec![Any::Int(1), Any::Float(2.5)])),
        DType::Float64
    );
    assert_eq!(infer(ints(&[])), DType::Float64);

    assert_eq!(
        msg(NDArray::from_list(&list(vec![ints(&[1, 2]), ints(&[3])]), None, DType::Int32)),
        "ValueError('setting an array element with a sequence. The requested array has an \
         inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.')"
    );
    assert_eq!(
        msg(NDArray::from_list(&list(vec![ints(&[1, 2]), Any::Int(3)]), None, DType::Int32)),
        "ValueError('setting an array element with a sequence. The requested array has an \
         inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.')"
    );
    assert_eq!(
        msg(NDArray::from_list(
            &ints(&[1, 2, 3, 4]),
            Some(&[3]),
            DType::Int32
        )),
        "ValueError('cannot reshape array of size 4 into shape (3,)')"
    );
    assert_eq!(
        msg(NDArray::from_list(
            &list(vec![Any::Str("a".into())]),
            None,
            DType::Int32
        )),
        "TypeError('an array element must be a bool, int or float, not str')"
    );
    assert_eq!(
        msg(NDArray::from_list(&ints(&[300]), None, DType::Int8)),
        "OverflowError('Python integer 300 out of bounds for int8')"
    );
    assert_eq!(
        msg(NDArray::from_list(&ints(&[-1]), None, DType::UInt32)),
        "OverflowError('Python integer -1 out of bounds for uint32')"
    );
    assert_eq!(
        msg(NDArray::from_list(
            &list(vec![Any::Float(f64::NAN)]),
            None,
            DType::Int32
        )),
        "ValueError('cannot convert float NaN to integer')"
    );
    // A list that contains itself nests deeper than any array may.
    let l: List<Any> = List::new();
    l.append(Any::List(l.clone())).unwrap();
    assert!(
        msg(NDArray::from_list(&Any::List(l.clone()), None, DType::Int8))
            .starts_with("ValueError('maximum supported dimension")
    );
    l.clear().unwrap();
}

#[test]
fn element_conversions_follow_numpy() {
    let a = NDArray::from_list(
        &list(vec![Any::Float(1.9), Any::Float(-1.9), Any::Bool(true)]),
        None,
        DType::Int32,
    )
    .unwrap();
    assert_eq!(r(&a.tolist().unwrap()), "[1, -1, 1]");
    let b =
        NDArray::from_list(&list(vec![Any::Int(2), Any::Float(0.0)]), None, DType::Bool).unwrap();
    assert_eq!(r(&b.tolist().unwrap()), "[True, False]");
    let f = NDArray::from_list(
        &list(vec![Any::Float(0.1), Any::Int(3)]),
        None,
        DType::Float32,
    )
    .unwrap();
    // float32(0.1) widened to a Python float, as numpy's tolist gives it.
    assert_eq!(r(&f.tolist().unwrap()), "[0.10000000149011612, 3.0]");
    let h = NDArray::from_list(
        &list(vec![Any::Float(0.1), Any::Int(70000)]),
        None,
        DType::Float16,
    )
    .unwrap();
    assert_eq!(r(&h.tolist().unwrap()), "[0.0999755859375, inf]");
    let u = NDArray::from_list(&ints(&[0, 255]), None, DType::UInt8).unwrap();
    assert_eq!(r(&u.tolist().unwrap()), "[0, 255]");
    let big = NDArray::from_vec(vec![u64::MAX, 5]).unwrap();
    assert_eq!(big.get_elem(&[0]).unwrap(), Elem::UInt(u64::MAX));
    assert_eq!(r(&big.get_item(1).unwrap()), "5");
    assert!(msg(big.tolist()).starts_with("OverflowError("));
    assert_eq!(
        r(&big),
        "NDArray([18446744073709551615, 5], shape=[2], dtype=uint64)"
    );
}

#[test]
fn items_views_and_assignment() {
    let a = arange(6, &[2, 3], DType::Int64);
    assert_eq!(
        r(&a.get_item(1).unwrap()),
        "NDArray([3, 4, 5], shape=[3], dtype=int64)"
    );
    assert_eq!(
        r(&a.get_item(-2).unwrap()),
        "NDArray([0, 1, 2], shape=[3], dtype=int64)"
    );
    assert_eq!(
        msg(a.get_item(2)),
        "IndexError('index 2 is out of bounds for axis 0 with size 2')"
    );
    assert_eq!(
        msg(a.get_item(-3)),
        "IndexError('index -3 is out of bounds for axis 0 with size 2')"
    );
    assert_eq!(r(&a.get_scalar(&[1, -1]).unwrap()), "5");
    assert_eq!(
        msg(a.get_scalar(&[0, 3])),
        "IndexError('index 3 is out of bounds for axis 1 with size 3')"
    );
    assert_eq!(
        msg(a.get_scalar(&[0, 0, 0])),
        "IndexError('too many indices for array: array is 2-dimensional, but 3 were indexed')"
    );

    // A row is a view: writes through it show in `a`, and the other way round.
    let row = a.get_item(1).unwrap().downcast::<NDArray>().unwrap();
    assert!(row.shares_storage(&a));
    row.set_item(0, &Any::Int(30)).unwrap();
    a.set_scalar(&[1, 2], &Any::Int(50)).unwrap();
    assert_eq!(r(&row.tolist().unwrap()), "[30, 4, 50]");
    assert_eq!(r(&row.get_item(-1).unwrap()), "50");
    assert_eq!(row.data_ptr() as usize, a.data_ptr() as usize + 3 * 8);

    // A scalar fills a sub-array; a list or array of its shape is copied into it.
    a.set_item(0, &Any::Int(7)).unwrap();
    assert_eq!(r(&a.tolist().unwrap()), "[[7, 7, 7], [30, 4, 50]]");
    a.set_item(0, &ints(&[1, 2, 3])).unwrap();
    a.set_item(1, &Any::object(arange(3, &[3], DType::UInt8)))
        .unwrap();
    assert_eq!(r(&a.tolist().unwrap()), "[[1, 2, 3], [0, 1, 2]]");
    // An array is cast as numpy casts (ints wrap), a list is checked.
    let wide = NDArray::from_vec(vec![300i64, -1, 2]).unwrap();
    let small = NDArray::zeros(&[3], DType::Int8).unwrap();
    small.copy_from(&wide).unwrap();
    assert_eq!(r(&small.tolist().unwrap()), "[44, -1, 2]");
    assert_eq!(
        msg(small.assign(&ints(&[300, 0, 0]))),
        "OverflowError('Python integer 300 out of bounds for int8')"
    );
    small
        .copy_from(&NDArray::from_list(&Any::Float(7.9), None, DType::Float64).unwrap())
        .unwrap();
    assert_eq!(r(&small.tolist().unwrap()), "[7, 7, 7]");
    // Copying a view of itself (same storage) works.
    a.set_item(1, &a.get_item(0).unwrap()).unwrap();
    assert_eq!(r(&a.tolist().unwrap()), "[[1, 2, 3], [1, 2, 3]]");
    assert_eq!(
        msg(a.set_item(0, &ints(&[1, 2]))),
        "ValueError('could not broadcast input array from shape (2,) into shape (3,)')"
    );
    assert_eq!(
        msg(a.set_item(0, &Any::Str("x".into()))),
        "TypeError('an array element must be a bool, int or float, not str')"
    );
    assert_eq!(
        msg(a.set_scalar(&[0, 0], &Any::Float(f64::INFINITY))),
        "OverflowError('cannot convert float infinity to integer')"
    );
    assert_eq!(
        msg(NDArray::zeros(&[2], DType::Int8)
            .unwrap()
            .set_item(0, &Any::Int(128))),
        "OverflowError('Python integer 128 out of bounds for int8')"
    );
    let s = NDArray::zeros(&[], DType::Float64).unwrap();
    assert_eq!(
        msg(s.get_item(0)),
        "IndexError('too many indices for array: array is 0-dimensional, but 1 were indexed')"
    );
    s.fill(&Any::Float(2.5)).unwrap();
    assert_eq!(r(&s.get_scalar(&[]).unwrap()), "2.5");
}

#[test]
fn transpose_contiguous_reshape_astype() {
    let a = arange(6, &[2, 3], DType::Int32);
    let t = a.transpose();
    assert_eq!((t.shape(), t.strides()), (vec![3, 2], vec![1, 3]));
    assert!(!t.is_contiguous());
    assert_eq!(r(&t.tolist().unwrap()), "[[0, 3], [1, 4], [2, 5]]");
    let c = t.contiguous().unwrap();
    assert!(c.is_contiguous() && !c.shares_storage(&a));
    assert_eq!(r(&c.tolist().unwrap()), "[[0, 3], [1, 4], [2, 5]]");
    assert_eq!(c.strides(), vec![2, 1]);
    // A contiguous array is its own contiguous().
    assert!(a.contiguous().unwrap().same_view(&a));

    // reshape: a view when contiguous, a copy otherwise; -1 inferred.
    let v = a.reshape(&[3, -1]).unwrap();
    assert_eq!(v.shape(), vec![3, 2]);
    assert_eq!(v.data_ptr(), a.data_ptr());
    v.set_scalar(&[2, 1], &Any::Int(-5)).unwrap();
    assert_eq!(r(&a.get_scalar(&[1, 2]).unwrap()), "-5");
    let w = t.reshape(&[6]).unwrap();
    assert!(!w.shares_storage(&a));
    assert_eq!(r(&w.tolist().unwrap()), "[0, 3, 1, 4, 2, -5]");
    assert_eq!(
        msg(a.reshape(&[4])),
        "ValueError('cannot reshape array of size 6 into shape (4,)')"
    );
    assert_eq!(
        msg(a.reshape(&[-1, -1])),
        "ValueError('can only specify one unknown dimension')"
    );
    assert_eq!(
        msg(a.reshape(&[4, -1])),
        "ValueError('cannot reshape array of size 6 into shape (4, -1)')"
    );
    assert_eq!(
        a.reshape(&[]).err().map(|e| e.repr()),
        Some("ValueError('cannot reshape array of size 6 into shape ()')".into())
    );
    assert_eq!(arange(1, &[1], DType::Int8).reshape(&[]).unwrap().ndim(), 0);

    // astype: C casts (ints wrap, floats truncate), always a copy.
    let f = NDArray::from_list(
        &list(vec![Any::Float(-1.7), Any::Float(2.9), Any::Float(300.0)]),
        None,
        DType::Float64,
    )
    .unwrap();
    assert_eq!(
        r(&f.astype(DType::Int32).unwrap().tolist().unwrap()),
        "[-1, 2, 300]"
    );
    assert_eq!(
        r(&f.astype(DType::UInt8).unwrap().tolist().unwrap()),
        "[255, 2, 44]"
    );
    assert_eq!(
        r(&f.astype(DType::Bool).unwrap().tolist().unwrap()),
        "[True, True, True]"
    );
    assert_eq!(
        r(&t.astype(DType::Float16).unwrap().tolist().unwrap()),
        "[[0.0, 3.0], [1.0, 4.0], [2.0, -5.0]]"
    );
    let same = a.astype(DType::Int32).unwrap();
    assert!(!same.shares_storage(&a));

    // as_strided: checked against the storage.
    let rev = a.reshape(&[6]).unwrap().as_strided(&[6], &[-1], 5).unwrap();
    assert_eq!(r(&rev.tolist().unwrap()), "[-5, 4, 3, 2, 1, 0]");
    let bcast = a.as_strided(&[2, 3], &[0, 1], 0).unwrap();
    assert_eq!(r(&bcast.tolist().unwrap()), "[[0, 1, 2], [0, 1, 2]]");
    assert_eq!(
        msg(a.as_strided(&[7], &[1], 0)),
        "ValueError(\"strides reach outside the array's memory\")"
    );
    assert_eq!(
        msg(a.as_strided(&[2], &[-1], 0)),
        "ValueError(\"strides reach outside the array's memory\")"
    );
}

#[test]
fn vec_round_trips() {
    let a = NDArray::from_shape_vec(&[2, 2], vec![1.5f32, 2.0, 3.0, 4.0]).unwrap();
    assert_eq!(a.dtype(), DType::Float32);
    assert_eq!(
        a.transpose().to_vec::<f32>().unwrap(),
        vec![1.5, 3.0, 2.0, 4.0]
    );
    assert_eq!(
        msg(a.to_vec::<f64>()),
        "TypeError('cannot read an array of dtype float32 as float64')"
    );
    assert_eq!(
        NDArray::from_vec(vec![true, false])
            .unwrap()
            .to_vec::<bool>()
            .unwrap(),
        vec![true, false]
    );
    assert_eq!(
        NDArray::from_vec(vec![-3i8])
            .unwrap()
            .to_vec::<i8>()
            .unwrap(),
        vec![-3]
    );
    assert_eq!(
        NDArray::from_vec(vec![7u16]).unwrap().dtype(),
        DType::UInt16
    );
    assert_eq!(NDArray::from_vec(vec![7i64]).unwrap().dtype(), DType::Int64);
    assert_eq!(
        NDArray::from_vec(Vec::<f64>::new()).unwrap().shape(),
        vec![0]
    );
    assert_eq!(
        msg(NDArray::from_shape_vec(&[3], vec![1i32, 2])),
        "ValueError('cannot reshape array of size 2 into shape (3,)')"
    );
}

#[test]
fn repr_truth_hash_and_identity() {
    let a = arange(4, &[2, 2], DType::Int64);
    assert_eq!(
        r(&a),
        "NDArray([[0, 1], [2, 3]], shape=[2, 2], dtype=int64)"
    );
    assert_eq!(matx::to_str(&a).unwrap(), r(&a));
    let f = NDArray::from_list(
        &list(vec![Any::Float(0.5), Any::Float(f64::NAN)]),
        None,
        DType::Float32,
    )
    .unwrap();
    assert_eq!(r(&f), "NDArray([0.5, nan], shape=[2], dtype=float32)");
    assert_eq!(
        r(&NDArray::zeros(&[], DType::Bool).unwrap()),
        "NDArray(False, shape=[], dtype=bool)"
    );
    let big = arange(2000, &[2, 1000], DType::Int16);
    assert_eq!(
        r(&big),
        "NDArray([[0, 1, 2, ..., 997, 998, 999], [1000, 1001, 1002, ..., 1997, 1998, 1999]], \
         shape=[2, 1000], dtype=int16)"
    );

    assert_eq!(a.py_type_name(), "NDArray");
    assert_eq!(
        msg(a.py_hash()),
        "TypeError(\"unhashable type: 'NDArray'\")"
    );
    assert_eq!(
        msg(a.py_bool()),
        "ValueError('The truth value of an array with more than one element is ambiguous. Use \
         a.any() or a.all()')"
    );
    assert!(msg(NDArray::zeros(&[0], DType::Int8).unwrap().py_bool())
        .starts_with("ValueError('The truth value of an empty array"));
    assert!(!NDArray::zeros(&[1], DType::Int8)
        .unwrap()
        .py_bool()
        .unwrap());
    assert!(NDArray::from_vec(vec![2.0f64]).unwrap().py_bool().unwrap());

    // `==` is identity of the view.
    let b = a.clone();
    assert!(a.py_eq(&b).unwrap());
    assert!(a.py_eq(&a.reshape(&[2, 2]).unwrap()).unwrap());
    assert!(!a.py_eq(&a.copy().unwrap()).unwrap());
    assert!(!a.py_eq(&a.reshape(&[4]).unwrap()).unwrap());
    assert!(!a.py_eq(&a.transpose()).unwrap());

    // Inside Any, as any compiled object.
    let any = Any::object(a.clone());
    assert_eq!(any.py_type_name(), "NDArray");
    assert_eq!(r(&any), r(&a));
    assert!(any.downcast::<NDArray>().unwrap().same_view(&a));
    assert!(any.py_eq(&Any::object(a.clone())).unwrap());
    assert!(msg(any.py_hash()).contains("unhashable type: 'NDArray'"));
    let via: NDArray = matx::FromAny::from_any(&matx::ToAny::to_any(&a)).unwrap();
    assert!(via.same_view(&a));
    assert_eq!(
        msg(<NDArray as matx::FromAny>::from_any(&Any::Int(1))),
        "TypeError('expected NDArray, got int')"
    );
    // Nested inside a list, an array counts as its rows.
    let stacked = NDArray::from_nested(
        &list(vec![
            Any::object(arange(2, &[2], DType::Int8)),
            ints(&[5, 6]),
        ]),
        None,
        None,
    )
    .unwrap();
    assert_eq!(
        r(&stacked),
        "NDArray([[0, 1], [5, 6]], shape=[2, 2], dtype=int64)"
    );
}
