//! Runs the compiled ResNet preprocessing natively on the photographs and, given a saved pipeline directory, runs it too and checks both give the same batch: `resnet_preprocess [PIPELINE_DIR]`.

use matx::{Any, Bytes, List, NDArray};
use std::path::PathBuf;

fn photos() -> matx::Result<List<Any>> {
    let dir = std::env::var_os("MATX_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
        .join("images");
    let mut out = Vec::new();
    for name in ["hubble_deep_field.jpg", "retina.jpg", "chelsea.png"] {
        let b = std::fs::read(dir.join(name)).map_err(|e| {
            matx::Error::new(
                &matx::exc::FileNotFoundError,
                format!("{}: {e}", dir.join(name).display()),
            )
        })?;
        out.push(Any::Bytes(Bytes::new(&b)));
    }
    Ok(List::from_vec(out))
}

fn main() -> matx::Result<()> {
    let images = photos()?;
    let eval = resnet_preprocess::script::ResnetPreprocess__new(false, None)?;
    let batch: NDArray = std::sync::Arc::clone(&eval.0).m___call__(images.clone())?;
    let sum: f64 = batch.to_vec::<f32>()?.iter().map(|&x| x as f64).sum();
    println!(
        "eval batch {:?} {} sum {sum:.3}",
        batch.shape(),
        batch.dtype()
    );
    if let Some(dir) = std::env::args().nth(1) {
        resnet_preprocess::register_ops(&mut matx::registry::global().write())?;
        let s = matx::Session::load(&dir, matx::Device::Cpu)?;
        let out = s.run(&[("images", Any::List(images))])?;
        let loaded = out
            .first()
            .and_then(|a| a.downcast::<NDArray>())
            .ok_or_else(|| {
                matx::Error::new(
                    &matx::exc::TypeError,
                    "the pipeline did not return an array",
                )
            })?;
        let same = loaded.to_vec::<f32>()? == batch.to_vec::<f32>()?;
        println!(
            "loaded pipeline {:?}: identical to the compiled call: {same}",
            loaded.shape()
        );
        if !same {
            return Err(matx::Error::new(&matx::exc::ValueError, "outputs differ"));
        }
    }
    Ok(())
}
