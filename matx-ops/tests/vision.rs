//! The vision ops from Rust: every `#[matx::op]` of `vision/` is registered, the ops run by name through the registry on the real photographs, and bad input is an error naming the op, never a panic.

// This test, not an op, reads its fixtures (the photographs and the op sources) from disk.
#![allow(clippy::disallowed_methods)]

use matx::{Any, Bytes, List, NDArray, OpRegistry};
use std::path::PathBuf;

/// `$MATX_DATA_DIR`, else `<repo>/../shared/data`; missing data fails the test.
fn data_dir() -> PathBuf {
    let d = std::env::var_os("MATX_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    assert!(
        d.join("images").is_dir(),
        "test data missing: {} (set MATX_DATA_DIR)",
        d.display()
    );
    d
}

fn photo(name: &str) -> Any {
    let b = std::fs::read(data_dir().join("images").join(name)).expect("read photograph");
    Any::Bytes(Bytes::new(&b))
}

fn registry() -> OpRegistry {
    let mut reg = OpRegistry::new();
    matx_ops::vision::register(&mut reg).expect("register");
    reg
}

/// A forgotten line in `vision::register` fails here: every op declared in the sources is
/// registered under its name.
#[test]
fn every_vision_op_is_registered() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/vision");
    let mut declared = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some(rest) = line.trim().strip_prefix("#[matx::op(name = \"") {
                declared.push(rest.split('"').next().unwrap().to_string());
            }
        }
    }
    declared.sort();
    assert!(declared.len() >= 19, "{declared:?}");
    let reg = registry();
    for name in &declared {
        assert!(
            reg.get(name).is_some(),
            "{name} is not registered by vision::register"
        );
    }
    let mut all = OpRegistry::new();
    matx_ops::register_all(&mut all).unwrap();
    assert!(declared.iter().all(|n| all.get(n).is_some()));
}

fn arr(v: &Any) -> NDArray {
    v.downcast::<NDArray>().expect("an NDArray")
}

#[test]
fn the_imagenet_pipeline_by_name() {
    let reg = registry();
    let files = Any::List(List::from_vec(vec![
        photo("retina.jpg"),
        photo("chelsea.png"),
    ]));
    let imgs = reg.call("vision.decode", &[files]).unwrap();
    let imgs = reg.call("vision.resize", &[imgs, Any::Int(256)]).unwrap();
    let imgs = reg
        .call("vision.center_crop", &[imgs, Any::Int(224)])
        .unwrap();
    let mean = Any::List(List::from_vec(vec![
        Any::Float(123.675),
        Any::Float(116.28),
        Any::Float(103.53),
    ]));
    let std = Any::List(List::from_vec(vec![
        Any::Float(58.395),
        Any::Float(57.12),
        Any::Float(57.375),
    ]));
    let chw = reg
        .call("vision.transpose_normalize", &[imgs, mean, std])
        .unwrap();
    let batch = arr(&reg.call("vision.stack", &[chw]).unwrap());
    assert_eq!(batch.shape(), vec![2, 3, 224, 224]);
    assert_eq!(batch.dtype(), matx::DType::Float32);
    let v = batch.to_vec::<f32>().unwrap();
    assert!(v.iter().all(|x| x.is_finite() && x.abs() < 3.0));
}

#[test]
fn bad_input_is_an_error_naming_the_op() {
    let reg = registry();
    let cases: Vec<(&str, Vec<Any>, &str)> = vec![
        ("vision.decode", vec![Any::Bytes(Bytes::new(b""))], "ValueError: decode: empty image data"),
        ("vision.decode", vec![Any::Bytes(Bytes::new(b"\xff\xd8\xff"))], "ValueError: decode: not a valid JPEG"),
        ("vision.decode", vec![Any::Int(3)], "TypeError: decode: expected image bytes, got int"),
        (
            "vision.resize",
            vec![Any::object(NDArray::zeros(&[0, 3, 3], matx::DType::UInt8).unwrap()), Any::Int(2)],
            "ValueError: resize: empty image (0x3)",
        ),
        (
            "vision.crop",
            vec![
                Any::object(NDArray::zeros(&[4, 4, 3], matx::DType::UInt8).unwrap()),
                Any::Int(3),
                Any::Int(3),
                Any::Int(2),
                Any::Int(2),
            ],
            "ValueError: crop: crop of 2x2 at (y=3, x=3) reaches outside the 4x4 image (height x width)",
        ),
    ];
    for (op, args, want) in cases {
        let e = reg.call(op, &args).unwrap_err();
        assert!(e.to_string().starts_with(want), "{op}: {e}");
    }
    // A truncated JPEG: every prefix of the file is an error or an image, never a panic.
    let Any::Bytes(b) = photo("hubble_deep_field.jpg") else {
        unreachable!()
    };
    let whole = b.as_bytes();
    for cut in (0..whole.len()).step_by(whole.len() / 40) {
        let r = reg.call("vision.decode", &[Any::Bytes(Bytes::new(&whole[..cut]))]);
        assert!(r.is_err(), "a prefix of {cut} bytes decoded");
    }
}
