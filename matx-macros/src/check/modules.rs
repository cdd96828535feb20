//! Modules a script imports (`import math`, `from math import sqrt`), declared in the stubs:
//! calls of their functions and reads of their constants.

use super::call::Args;
use super::Checker;
use crate::ir::{Callee, Expr, ExprKind};
use crate::stubs::StubFn;
use ruff_python_ast as ast;
use ruff_text_size::TextRange;

impl Checker<'_> {
    /// The module a name stands for (`math`, or `m` after `import math as m`), unless a
    /// variable shadows it.
    pub fn module_named(&self, local: &str) -> Option<String> {
        if self.is_var(local) {
            return None;
        }
        self.modules.get(local).cloned()
    }

    /// `(module, name)` for a name imported with `from module import name`.
    pub fn imported_name(&self, local: &str) -> Option<(String, String)> {
        if self.is_var(local) {
            return None;
        }
        self.from_imports.get(local).cloned()
    }

    /// The list of importable modules, for messages.
    pub fn importable(&self) -> String {
        let names: Vec<String> = self
            .stubs
            .modules
            .keys()
            .filter(|m| *m != "builtins")
            .map(|m| format!("`{m}`"))
            .collect();
        names.join(", ")
    }

    /// `module.name(...)`.
    pub fn module_call(
        &mut self,
        module: &str,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let Some(m) = self.stubs.module(module) else {
            return self.poison(r);
        };
        let what = format!("{module}.{name}");
        let Some(overloads) = m.functions.get(name) else {
            if m.constants.contains_key(name) {
                self.error(r, format!("`{what}` is a constant, not a function"));
            } else {
                self.error(r, format!("`{what}` is not supported: module `{module}` has no function `{name}` in matx"));
            }
            return self.poison(r);
        };
        if a.keywords.iter().any(|k| k.arg.is_none()) {
            self.error(
                r,
                "`**kwargs` in calls is not supported: pass keyword arguments by name",
            );
            return self.poison(r);
        }
        let plain: Vec<StubFn> = overloads.iter().filter(|f| !f.special).cloned().collect();
        let rust_path = m.rust_path.clone();
        let args = Args::of(a);
        if plain.is_empty() {
            let special = overloads.clone();
            if !self.special_shape_ok(&what, &special, &args, r) {
                return self.poison(r);
            }
            self.error(r, format!("`{what}` is not supported"));
            return self.poison(r);
        }
        self.call_stub(&what, &plain, None, &[], &rust_path, &args, r)
    }

    /// `module.name` read as a value: a constant.
    pub fn module_attr(&mut self, module: &str, name: &str, r: TextRange) -> Expr {
        let Some(m) = self.stubs.module(module) else {
            return self.poison(r);
        };
        match m.constants.get(name) {
            Some(t) => {
                let (t, path) = (t.clone(), format!("{}::{name}", m.rust_path));
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Declared(path),
                        recv: None,
                        args: vec![],
                        fallible: false,
                    },
                    t,
                    r,
                )
            }
            None if m.functions.contains_key(name) => {
                self.error(
                    r,
                    format!("`{module}.{name}` is a function: call it, e.g. `{module}.{name}(x)`, or pass a lambda"),
                );
                self.poison(r)
            }
            None => {
                self.error(r, format!("`{module}.{name}` is not supported: module `{module}` has no attribute `{name}` in matx"));
                self.poison(r)
            }
        }
    }
}
