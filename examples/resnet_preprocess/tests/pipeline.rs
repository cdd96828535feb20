//! A Rust host runs the ResNet preprocessing pipeline that the Python test traced and saved (scripts/run-tests.sh runs it after pytest with `MATX_PIPELINE_DIR` naming that directory) and gets the compiled class's batch.

use matx::{Any, Bytes, Device, List, NDArray, Session};

#[test]
fn rust_host_runs_the_saved_pipeline() {
    let Some(dir) = std::env::var_os("MATX_PIPELINE_DIR") else {
        eprintln!("skipped: MATX_PIPELINE_DIR is not set (scripts/run-tests.sh sets it)");
        return;
    };
    let data = std::env::var_os("MATX_DATA_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        });
    let images: Vec<Any> = ["hubble_deep_field.jpg", "retina.jpg", "chelsea.png"]
        .iter()
        .map(|n| {
            let b = std::fs::read(data.join("images").join(n)).expect("test data missing");
            Any::Bytes(Bytes::new(&b))
        })
        .collect();
    let images = List::from_vec(images);
    resnet_preprocess::register_ops(&mut matx::registry::global().write()).unwrap();
    let s = Session::load(&dir, Device::Cpu).unwrap();
    let out = s.run(&[("images", Any::List(images.clone()))]).unwrap();
    let loaded = out[0].downcast::<NDArray>().expect("an array");
    let eval = resnet_preprocess::script::ResnetPreprocess__new(false, None).unwrap();
    let direct = std::sync::Arc::clone(&eval.0).m___call__(images).unwrap();
    assert_eq!(loaded.shape(), vec![3, 3, 224, 224]);
    assert_eq!(
        loaded.to_vec::<f32>().unwrap(),
        direct.to_vec::<f32>().unwrap()
    );
}
