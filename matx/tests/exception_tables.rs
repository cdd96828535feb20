//! The Python package's exception classes are generated from the one declaration of the
//! hierarchy (the exception classes of `matx-macros/stubs/builtins.pyi`, which also give the
//! compiler its exceptions and the runtime its `matx::exc` statics): this test fails when a
//! generated region of `matx-py/python/matx/_errors.py` or `_errors.pyi` is stale, and
//! rewrites it when run with `MATX_BLESS=1`.

use std::path::Path;

const BEGIN: &str = "# BEGIN generated: exception hierarchy\n";
const END: &str = "# END generated: exception hierarchy\n";

/// The matx parent of a builtin exception: `Error` stands for `Exception` and `BaseException`.
fn parent(e: &matx::ExcType) -> Option<&'static str> {
    match e.name {
        "BaseException" | "Exception" => None,
        _ => Some(match e.base.map(|b| b.name) {
            None | Some("BaseException" | "Exception") => "Error",
            Some(b) => b,
        }),
    }
}

fn render_py() -> String {
    let mut out = String::from("_HIERARCHY: Tuple[Tuple[str, str], ...] = (\n");
    for e in matx::exc::ALL {
        if let Some(p) = parent(e) {
            out.push_str(&format!("    (\"{}\", \"{p}\"),\n", e.name));
        }
    }
    out.push_str(")\n");
    out
}

fn render_pyi() -> String {
    let mut out = String::new();
    for e in matx::exc::ALL {
        if let Some(p) = parent(e) {
            out.push_str(&format!("class {0}({p}, builtins.{0}): ...\n", e.name));
        }
    }
    out
}

/// Checks (or with `MATX_BLESS=1` rewrites) the generated region of `file`.
fn check(file: &str, body: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../matx-py/python/matx")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) else {
        panic!("{} has no generated region", path.display());
    };
    let current = &text[b + BEGIN.len()..e];
    if current == body {
        return;
    }
    if std::env::var_os("MATX_BLESS").is_some() {
        let new = format!("{}{BEGIN}{body}{}", &text[..b], &text[e..]);
        std::fs::write(&path, new).unwrap();
        return;
    }
    panic!(
        "{} is stale: run `MATX_BLESS=1 cargo test -p matx --test exception_tables`\n--- expected\n{body}--- found\n{current}",
        path.display()
    );
}

#[test]
fn python_exception_classes_are_generated_from_the_stubs() {
    check("_errors.py", &render_py());
    check("_errors.pyi", &render_pyi());
}

/// The pipeline's own classes (`matx::pipeline::errors`, not builtins) are declared in Rust;
/// the Python package's `_PIPELINE` table must name the same classes with the same parents.
#[test]
fn python_pipeline_classes_are_the_runtimes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matx-py/python/matx/_errors.py");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("_PIPELINE").expect("_PIPELINE table");
    let table = &text[start
        ..text[start..]
            .find("\n)\n")
            .map_or(text.len(), |e| start + e)];
    let mut found = Vec::new();
    for line in table.lines() {
        let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        if let [name, parent, ..] = quoted.as_slice() {
            if !name.contains(' ') {
                found.push(format!("{name}({parent})"));
            }
        }
    }
    let want: Vec<String> = matx::pipeline::errors::ALL
        .iter()
        .map(|e| format!("{}({})", e.name, e.base.map_or("", |b| b.name)))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn the_runtime_has_cpythons_hierarchy() {
    let by = |n: &str| {
        *matx::exc::ALL
            .iter()
            .find(|e| e.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    assert!(by("UnicodeDecodeError").is_subclass_of(by("ValueError")));
    assert!(by("ModuleNotFoundError").is_subclass_of(by("ImportError")));
    assert!(by("FloatingPointError").is_subclass_of(by("ArithmeticError")));
    assert!(!by("SystemExit").is_subclass_of(by("Exception")));
    assert!(by("MemoryError").is_subclass_of(&matx::exc::Exception));
    // Each class comes after its base.
    for (i, e) in matx::exc::ALL.iter().enumerate() {
        if let Some(b) = e.base {
            assert!(
                matx::exc::ALL[..i].iter().any(|x| std::ptr::eq(*x, b)),
                "{}",
                e.name
            );
        }
    }
}
