//! User classes: fields, methods (instance, static, property), inheritance and method lookup.

use super::{Checker, FuncSig};
use crate::ir::{self, MethodInfo, MethodKind};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr, Stmt};
use ruff_text_size::Ranged;

impl Checker<'_> {
    /// Collects a class's fields and method signatures (bodies are checked later).
    pub fn collect_class(&mut self, c: &ast::StmtClassDef) {
        let name = c.name.id.to_string();
        if c.type_params.is_some() {
            self.error(c.range, "generic classes are not supported");
        }
        let mut fields: Vec<(String, Ty)> = Vec::new();
        let mut methods = std::collections::BTreeMap::new();
        for s in &c.body {
            match s {
                Stmt::AnnAssign(a) => {
                    if let AExpr::Name(n) = a.target.as_ref() {
                        let t = self.annotation(&a.annotation);
                        if self.field_owner(&name, n.id.as_str()).is_some() || fields.iter().any(|(f, _)| f == n.id.as_str()) {
                            self.error(a.range, format!("field `{}` is declared twice", n.id));
                        }
                        fields.push((n.id.to_string(), t));
                    }
                }
                Stmt::FunctionDef(f) => {
                    let mut kind = MethodKind::Instance;
                    for d in &f.decorator_list {
                        match &d.expression {
                            AExpr::Name(n) if n.id.as_str() == "staticmethod" => kind = MethodKind::Static,
                            AExpr::Name(n) if n.id.as_str() == "property" => kind = MethodKind::Property,
                            other => self.error(other.range(), "only `@staticmethod` and `@property` decorators are supported"),
                        }
                    }
                    let has_self = kind != MethodKind::Static;
                    if has_self {
                        let first = f.parameters.posonlyargs.iter().chain(&f.parameters.args).next();
                        if first.is_none() {
                            self.error(f.range, format!("method `{}` needs a `self` parameter", f.name.id));
                        }
                    }
                    let sig = self.signature(f, Some(&name), has_self);
                    if kind == MethodKind::Property && !sig.params.is_empty() {
                        self.error(f.range, "a `@property` takes only `self`");
                    }
                    if f.name.id.as_str() == "__init__" && !matches!(sig.ret, Ty::None) {
                        self.error(f.range, "`__init__` must return None");
                    }
                    // Fields declared in __init__ as `self.x: T = ...`.
                    if f.name.id.as_str() == "__init__" {
                        self.init_fields(&f.body, &name, &mut fields);
                    }
                    methods.insert(
                        f.name.id.to_string(),
                        MethodInfo { name: f.name.id.to_string(), kind, params: sig.params, ret: sig.ret, defined_in: name.clone() },
                    );
                }
                Stmt::Pass(_) => {}
                Stmt::Expr(e) if matches!(e.value.as_ref(), AExpr::StringLiteral(_)) => {}
                other => self.error(
                    other.range(),
                    "a class body may contain field annotations (`x: int`), methods and a docstring",
                ),
            }
        }
        // Overrides must keep the signature.
        if let Some(base) = self.classes.get(&name).and_then(|i| i.base.clone()) {
            for (mname, m) in &methods {
                if mname == "__init__" {
                    continue;
                }
                if let Some(bm) = self.find_method(&base, mname) {
                    let same = bm.params.len() == m.params.len()
                        && bm.params.iter().zip(&m.params).all(|(a, b)| a.ty == b.ty)
                        && bm.ret == m.ret
                        && bm.kind == m.kind;
                    if !same {
                        self.error(c.range, format!("`{name}.{mname}` overrides `{base}.{mname}` with a different signature: keep the parameter and return types"));
                    }
                }
            }
        }
        if let Some(info) = self.classes.get_mut(&name) {
            info.fields = fields;
            info.methods = methods;
        }
    }

    pub(super) fn init_fields(
        &mut self,
        body: &[Stmt],
        class: &str,
        fields: &mut Vec<(String, Ty)>,
    ) {
        for s in body {
            if let Stmt::AnnAssign(a) = s {
                if let AExpr::Attribute(at) = a.target.as_ref() {
                    if matches!(at.value.as_ref(), AExpr::Name(n) if n.id.as_str() == "self") {
                        let t = self.annotation(&a.annotation);
                        let fname = at.attr.id.to_string();
                        if fields.iter().any(|(f, _)| *f == fname)
                            || self.field_owner(class, &fname).is_some()
                        {
                            continue;
                        }
                        fields.push((fname, t));
                    }
                }
            }
        }
    }

    /// A method by name on `class` or its nearest base that defines it.
    pub fn find_method(&self, class: &str, name: &str) -> Option<MethodInfo> {
        let mut cur = Some(class.to_string());
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if let Some(m) = info.methods.get(name) {
                return Some(m.clone());
            }
            cur = info.base.clone();
        }
        None
    }

    /// Checks the method bodies of a class.
    pub fn class_bodies(&mut self, c: &ast::StmtClassDef) -> (ir::ClassDef, Vec<ir::FuncDef>) {
        let name = c.name.id.to_string();
        let info = self.classes.get(&name).cloned().unwrap_or_default();
        let mut defs = Vec::new();
        let mut defaults = Vec::new();
        for s in &c.body {
            match s {
                Stmt::FunctionDef(f) => {
                    let Some(m) = info.methods.get(f.name.id.as_str()) else {
                        continue;
                    };
                    let sig = FuncSig {
                        rust_name: format!("{name}__{}", f.name.id),
                        params: m.params.clone(),
                        vararg: None,
                        ret: m.ret.clone(),
                    };
                    let self_class = if m.kind == MethodKind::Static {
                        None
                    } else {
                        Some(name.as_str())
                    };
                    if let Some(mut d) = self.function(f, &sig, self_class) {
                        if let (Some(sc), ast_params) = (self_class, &f.parameters) {
                            // The first parameter may be named other than `self`.
                            let first =
                                ast_params.posonlyargs.iter().chain(&ast_params.args).next();
                            if let Some(p) = first {
                                if p.parameter.name.id.as_str() != "self" {
                                    self.error(
                                        p.range,
                                        format!(
                                            "name the first parameter of `{sc}` methods `self`"
                                        ),
                                    );
                                }
                            }
                        }
                        d.public = true;
                        defs.push(d);
                    }
                }
                Stmt::AnnAssign(a) => {
                    if let (AExpr::Name(n), Some(v)) = (a.target.as_ref(), &a.value) {
                        self.fs = Default::default();
                        let e = self.expr(v);
                        let t = info
                            .fields
                            .iter()
                            .find(|(f, _)| f == n.id.as_str())
                            .map(|(_, t)| t.clone())
                            .unwrap_or(Ty::Any);
                        let mut e = self.coerce_store(e, &t, v.range(), "field default");
                        let et = self.resolve(&e.ty);
                        if !matches!(
                            et,
                            Ty::Int
                                | Ty::Float
                                | Ty::Bool
                                | Ty::Str
                                | Ty::Bytes
                                | Ty::None
                                | Ty::Optional(_)
                                | Ty::Tuple(_)
                        ) {
                            self.error(v.range(), "a class-level value is shared by all instances in Python: only immutable defaults are supported; create containers in `__init__`");
                        }
                        self.zonk_expr(&mut e);
                        defaults.push((n.id.to_string(), e));
                    }
                }
                _ => {}
            }
        }
        let mut ancestors = Vec::new();
        let mut cur = info.base.clone();
        while let Some(b) = cur {
            ancestors.push(b.clone());
            cur = self.classes.get(&b).and_then(|i| i.base.clone());
        }
        let methods = info.methods.values().cloned().collect();
        (
            ir::ClassDef {
                name,
                base: info.base.clone(),
                fields: info.fields.clone(),
                defaults,
                methods,
                ancestors,
            },
            defs,
        )
    }
}
