//! The `.pyi` text of a script's Python bindings: one `def` per function and one `class` per
//! class, with the parameter and return types as the script declares them. `matx.stubgen`
//! writes it next to the extension module so type checkers and editors see the signatures.

use super::Lower;
use crate::ir::{ClassDef, FuncDef, MethodKind, Param};
use crate::types::Ty;
use std::fmt::Write;

/// `a: int, b: str = ...` (defaults are shown as `...`, as stubs do).
fn params(ps: &[Param], first: Option<&str>) -> String {
    let mut out: Vec<String> = first.map(str::to_string).into_iter().collect();
    for p in ps {
        let d = if p.default.is_some() { " = ..." } else { "" };
        out.push(format!("{}: {}{d}", p.name, p.ty.py()));
    }
    out.join(", ")
}

impl Lower<'_> {
    /// The stub of the functions and classes `python_module` binds, in script order.
    pub fn python_stub(&self, funcs: &[&FuncDef], classes: &[ClassDef]) -> String {
        let mut s = String::new();
        for f in funcs {
            let _ = writeln!(
                s,
                "def {}({}) -> {}: ...",
                f.rust_name,
                params(&f.params, None),
                f.ret.py()
            );
        }
        for c in classes {
            let _ = writeln!(s, "\nclass {}:", c.name);
            // The constructor and every method visible on the class, as the bindings expose them.
            let mut init: Option<Vec<Param>> = None;
            let mut lines = Vec::new();
            for m in self.visible_methods(c) {
                match (m.name.as_str(), m.kind) {
                    ("__init__", _) => init = Some(m.params.clone()),
                    (_, MethodKind::Property) => lines.push(format!(
                        "    @property\n    def {}(self) -> {}: ...",
                        m.name,
                        m.ret.py()
                    )),
                    (_, MethodKind::Static) => lines.push(format!(
                        "    @staticmethod\n    def {}({}) -> {}: ...",
                        m.name,
                        params(&m.params, None),
                        m.ret.py()
                    )),
                    (_, MethodKind::Instance) => {
                        let ret = match m.name.as_str() {
                            "__repr__" | "__str__" => Ty::Str,
                            _ => m.ret.clone(),
                        };
                        lines.push(format!(
                            "    def {}({}) -> {}: ...",
                            m.name,
                            params(&m.params, Some("self")),
                            ret.py()
                        ))
                    }
                }
            }
            let init = init.unwrap_or_default();
            let _ = writeln!(
                s,
                "    def __init__({}) -> None: ...",
                params(&init, Some("self"))
            );
            for l in lines {
                let _ = writeln!(s, "{l}");
            }
        }
        s
    }
}
