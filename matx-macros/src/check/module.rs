//! Module level: imports, constants, functions, classes and exception classes, collected before any body is checked.

use super::{annot::parse_annotation, Checker, ClassInfo, FuncSig};
use crate::ir::{self, ExcRef, Module, Param};
use crate::source::{Diags, Source};
use crate::stubs::Stubs;
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

/// Checks a parsed module, returning the typed IR or the collected errors.
pub fn check_module(
    src: &Source,
    stubs: &'static Stubs,
    m: &ast::ModModule,
    ops: &[crate::collect::OpDecl],
) -> Result<Module, Diags> {
    let mut ck = Checker::new(src, stubs);
    ck.op_decls = ops.to_vec();
    let out = ck.module(m);
    if ck.diags.is_empty() {
        Ok(out)
    } else {
        Err(ck.diags)
    }
}

impl Checker<'_> {
    /// The annotation's type, reporting errors (an unusable annotation becomes `Any`).
    pub fn annotation(&mut self, e: &Expr) -> Ty {
        let classes: Vec<String> = self.classes.keys().cloned().collect();
        let op_classes = &self.op_class_names;
        let ndarray = self.ndarray_imported;
        let resolve = |n: &str| {
            if n == "NDArray" && ndarray {
                return Some(Ty::NDArray);
            }
            classes
                .iter()
                .find(|c| c.as_str() == n)
                .map(|c| Ty::Class(c.clone()))
                .or_else(|| {
                    op_classes
                        .get(n)
                        .map(|(name, path)| Ty::Op(name.clone(), path.clone()))
                })
        };
        match parse_annotation(e, &resolve) {
            Ok(Ty::Iterable(_)) => {
                self.error(
                    e.range(),
                    "`Iterable[T]` is not supported in scripts: use `List[T]`",
                );
                Ty::Any
            }
            Ok(Ty::VarTuple(t)) => Ty::TupleN(t),
            Ok(t) => t,
            Err((r, m)) => {
                self.error(r, m);
                Ty::Any
            }
        }
    }

    pub fn exc_ref(&self, name: &str) -> Option<ExcRef> {
        if self.stubs.exception_base(name).is_some() {
            Some(ExcRef::Builtin(name.to_string()))
        } else if self.exc_classes.contains_key(name) {
            Some(ExcRef::User(name.to_string()))
        } else {
            None
        }
    }

    pub(super) fn module(&mut self, m: &ast::ModModule) -> Module {
        let mut out = Module {
            op_paths: self.op_decls.iter().map(|d| d.path.clone()).collect(),
            ..Module::default()
        };
        let mut funcs = Vec::new();
        let mut classes = Vec::new();
        let mut consts = Vec::new();
        // Pass A: names of everything, so bodies and annotations can refer forward.
        for (i, stmt) in m.body.iter().enumerate() {
            match stmt {
                Stmt::Import(imp) => {
                    for a in &imp.names {
                        let name = a.name.id.as_str();
                        match name {
                            "typing" | "__future__" => {}
                            m if self.stubs.module(m).is_some() => {
                                let local = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                                self.modules.insert(local, m.to_string());
                            }
                            other => {
                                let list = self.importable();
                                self.error(a.range, format!("cannot import `{other}`: scripts may import {list} and names from `typing`"))
                            }
                        }
                    }
                }
                Stmt::ImportFrom(imp) => {
                    let module = imp.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
                    match module.as_str() {
                        "typing" | "__future__" => {}
                        m if self.stubs.module(m).is_some() => {
                            for a in &imp.names {
                                let n = a.name.id.to_string();
                                let sm = self.stubs.module(m);
                                if !sm.is_some_and(|sm| sm.functions.contains_key(&n) || sm.constants.contains_key(&n)) {
                                    self.error(a.range, format!("cannot import `{n}` from `{m}`: matx's `{m}` has no `{n}`"));
                                    continue;
                                }
                                let local = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                                self.from_imports.insert(local, (m.to_string(), n));
                            }
                        }
                        "matx" => self.import_matx(imp),
                        other => self.import_ops(imp, other),
                    }
                }
                Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) && i == 0 => {}
                Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
                Stmt::FunctionDef(f) => {
                    if f.is_async {
                        self.error(f.range, "`async def` is not supported");
                    }
                    funcs.push(f);
                }
                Stmt::ClassDef(c) => {
                    let base = c.arguments.as_ref().and_then(|a| a.args.first());
                    let base_name = match base {
                        Some(Expr::Name(n)) => Some(n.id.to_string()),
                        Some(other) => {
                            self.error(other.range(), "a base class must be a plain class name");
                            None
                        }
                        None => None,
                    };
                    if c.arguments.as_ref().is_some_and(|a| a.args.len() > 1 || !a.keywords.is_empty()) {
                        self.error(c.range, "multiple inheritance and class keywords are not supported: derive from one class");
                    }
                    match base_name.as_deref().and_then(|b| self.exc_ref(b)) {
                        Some(base) => {
                            self.exc_classes.insert(c.name.id.to_string(), base.clone());
                            out.exc_classes.push(ir::ExcClassDef { name: c.name.id.to_string(), base });
                            for s in &c.body {
                                if !matches!(s, Stmt::Pass(_))
                                    && !matches!(s, Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)))
                                {
                                    self.error(s.range(), "exception classes may only contain `pass` or a docstring: raise them with a message, `raise MyError(\"...\")`");
                                }
                            }
                        }
                        None => {
                            self.classes.insert(
                                c.name.id.to_string(),
                                ClassInfo { base: base_name, ..Default::default() },
                            );
                            classes.push(c);
                        }
                    }
                }
                Stmt::Assign(a) if a.targets.len() == 1 && matches!(a.targets[0], Expr::Name(_)) => {
                    if let Expr::Name(n) = &a.targets[0] {
                        consts.push((n.id.to_string(), None, a.value.as_ref(), a.range));
                    }
                }
                Stmt::AnnAssign(a) if matches!(a.target.as_ref(), Expr::Name(_)) && a.value.is_some() => {
                    if let (Expr::Name(n), Some(v)) = (a.target.as_ref(), &a.value) {
                        consts.push((n.id.to_string(), Some(a.annotation.as_ref()), v.as_ref(), a.range));
                    }
                }
                Stmt::If(s) if is_main_guard(&s.test) => {}
                other => self.error(
                    other.range(),
                    "only imports, constants, `def` and `class` may appear at module level: move this statement into a function",
                ),
            }
        }
        self.type_imported_ops();
        // Pass B: class bases, fields and method signatures.
        for c in &classes {
            if let Some(b) = self
                .classes
                .get(c.name.id.as_str())
                .and_then(|i| i.base.clone())
            {
                if !self.classes.contains_key(&b) {
                    self.error(c.range, format!("unknown base class `{b}`: a class may derive from one class of this script or from an exception class"));
                    if let Some(info) = self.classes.get_mut(c.name.id.as_str()) {
                        info.base = None;
                    }
                }
            }
        }
        self.check_class_cycles(&classes);
        // Constants a default argument may name (`def f(n: int = LIMIT)`): their types where
        // they are known before any function's (an annotation, or a literal value).
        let ann_tys: Vec<Option<Ty>> = consts
            .iter()
            .map(|(_, ann, _, _)| ann.map(|a| self.annotation(a)))
            .collect();
        for ((name, _, value, _), t) in consts.iter().zip(&ann_tys) {
            if let Some(t) = t.clone().or_else(|| literal_type(value)) {
                self.consts.insert(name.clone(), t);
            }
        }
        for c in &classes {
            self.collect_class(c);
        }
        // Function signatures.
        for f in &funcs {
            let sig = self.signature(f, None, false);
            if self.funcs.contains_key(f.name.id.as_str()) {
                self.error(
                    f.name.range,
                    format!("function `{}` is defined twice", f.name.id),
                );
            }
            self.funcs.insert(f.name.id.to_string(), sig);
        }
        // Constants: their types come from annotations or their value.
        let mut seen = std::collections::HashSet::new();
        for ((name, _, value, range), ann_ty) in consts.into_iter().zip(ann_tys) {
            self.fs = Default::default();
            let mut e = self.expr(value);
            if let Some(t) = &ann_ty {
                e = self.coerce_store(e, t, value.range(), "constant value");
            }
            let ty = self.resolve(&e.ty);
            if self.has_var(&ty) {
                self.error(range, format!("cannot infer the type of `{name}`: annotate it, e.g. `{name}: List[int] = []`"));
            }
            self.zonk_expr(&mut e);
            self.consts.insert(name.clone(), ty.clone());
            if !seen.insert(name.clone()) {
                self.error(range, format!("`{name}` is assigned twice at module level: module constants are assigned once"));
            }
            out.consts.push(ir::ConstDef { name, ty, value: e });
        }
        // Bodies.
        for f in &funcs {
            let sig = self.funcs[f.name.id.as_str()].clone();
            if let Some(def) = self.function(f, &sig, None) {
                out.funcs.push(def);
            }
        }
        for c in &classes {
            let (info, defs) = self.class_bodies(c);
            out.funcs.extend(defs);
            out.classes.push(info);
        }
        out
    }

    pub(super) fn check_class_cycles(&mut self, classes: &[&ast::StmtClassDef]) {
        for c in classes {
            let mut seen = vec![c.name.id.to_string()];
            let mut cur = self
                .classes
                .get(c.name.id.as_str())
                .and_then(|i| i.base.clone());
            while let Some(b) = cur {
                if seen.contains(&b) {
                    self.error(c.range, "class inheritance forms a cycle");
                    if let Some(i) = self.classes.get_mut(c.name.id.as_str()) {
                        i.base = None;
                    }
                    break;
                }
                seen.push(b.clone());
                cur = self.classes.get(&b).and_then(|i| i.base.clone());
            }
        }
    }

    /// The signature of a function or method (`class` for methods; `is_static` drops no `self`).
    pub fn signature(
        &mut self,
        f: &ast::StmtFunctionDef,
        class: Option<&str>,
        skip_self: bool,
    ) -> FuncSig {
        let p = &f.parameters;
        if p.kwarg.is_some() {
            self.error(
                p.range,
                "`**kwargs` is not supported: declare the keyword parameters explicitly",
            );
        }
        let mut params = Vec::new();
        use crate::stubs::Kind;
        let all: Vec<(&ast::ParameterWithDefault, Kind)> = p
            .posonlyargs
            .iter()
            .map(|x| (x, Kind::PosOnly))
            .chain(p.args.iter().map(|x| (x, Kind::PosOrKw)))
            .chain(p.kwonlyargs.iter().map(|x| (x, Kind::KwOnly)))
            .collect();
        for (i, (pd, kind)) in all.iter().enumerate() {
            let kind = *kind;
            let name = pd.parameter.name.id.to_string();
            if i == 0 && skip_self {
                continue;
            }
            let ty = match &pd.parameter.annotation {
                Some(a) => self.annotation(a),
                None => {
                    self.error(
                        pd.parameter.range,
                        format!("parameter `{name}` needs a type annotation, e.g. `{name}: int`"),
                    );
                    Ty::Any
                }
            };
            let default = pd.default.as_ref().map(|d| self.default_value(d, &ty));
            params.push(Param {
                name,
                ty,
                default,
                kind,
            });
        }
        let vararg = p.vararg.as_ref().map(|v| {
            let ty = match &v.annotation {
                Some(a) => self.annotation(a),
                None => {
                    self.error(
                        v.range,
                        format!(
                            "`*{}` needs an element type annotation, e.g. `*{}: int`",
                            v.name.id, v.name.id
                        ),
                    );
                    Ty::Any
                }
            };
            (v.name.id.to_string(), ty)
        });
        let ret = match &f.returns {
            Some(r) => self.annotation(r),
            // A generator: the `yield` is reported where it is; its uses are not reported again.
            None if contains_yield(&f.body) => self.poison(f.range).ty,
            None => {
                if returns_value(&f.body) {
                    self.error(
                        f.name.range,
                        format!("function `{}` returns a value but has no return annotation: add `-> T`", f.name.id),
                    );
                    Ty::Any
                } else {
                    Ty::None
                }
            }
        };
        let rust_name = match class {
            Some(c) => format!("{c}__{}", f.name.id),
            None => f.name.id.to_string(),
        };
        FuncSig {
            rust_name,
            params,
            vararg,
            ret,
        }
    }

    /// A default argument: Python evaluates it once, so only immutable constants are allowed.
    pub(super) fn default_value(&mut self, d: &Expr, ty: &Ty) -> ir::Expr {
        self.fs = Default::default();
        let e = self.expr(d);
        let et = self.resolve(&e.ty);
        let immutable = |t: &Ty| {
            fn imm(t: &Ty) -> bool {
                match t {
                    Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Bytes | Ty::None => true,
                    Ty::Tuple(ts) => ts.iter().all(imm),
                    Ty::Optional(t) => imm(t),
                    _ => false,
                }
            }
            imm(t)
        };
        if !immutable(&et) {
            self.error(
                d.range(),
                "a mutable default argument is shared between calls in Python: default to `None` and create the value in the function",
            );
        }
        let mut e = self.coerce_store(e, ty, d.range(), "default value");
        self.zonk_expr(&mut e);
        e
    }

    pub fn has_var(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Var(_) => true,
            Ty::List(e) | Ty::Set(e) | Ty::Optional(e) | Ty::TupleN(e) | Ty::Iter(e) => {
                self.has_var(&e)
            }
            Ty::Dict(k, v) => self.has_var(&k) || self.has_var(&v),
            Ty::Tuple(ts) => ts.iter().any(|t| self.has_var(t)),
            Ty::Func(a, r) => a.iter().any(|t| self.has_var(t)) || self.has_var(&r),
            _ => false,
        }
    }
}

/// The type of a constant's value when it is a literal (`5`, `-1.5`, `"a"`, `(1, "b")`).
fn literal_type(e: &Expr) -> Option<Ty> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(_) => Ty::Int,
            ast::Number::Float(_) => Ty::Float,
            ast::Number::Complex { .. } => return None,
        },
        Expr::StringLiteral(_) => Ty::Str,
        Expr::BytesLiteral(_) => Ty::Bytes,
        Expr::BooleanLiteral(_) => Ty::Bool,
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) => {
            match literal_type(&u.operand)? {
                t @ (Ty::Int | Ty::Float) => t,
                _ => return None,
            }
        }
        Expr::Tuple(t) => Ty::Tuple(t.elts.iter().map(literal_type).collect::<Option<_>>()?),
        _ => return None,
    })
}

fn is_main_guard(test: &Expr) -> bool {
    if let Expr::Compare(c) = test {
        if let Expr::Name(n) = c.left.as_ref() {
            return n.id.as_str() == "__name__";
        }
    }
    false
}

/// Whether a body contains `return <value>` (outside nested functions).
/// Whether a function body has a `yield` of its own (nested functions and classes excluded).
fn contains_yield(body: &[Stmt]) -> bool {
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    struct Find(bool);
    impl<'a> Visitor<'a> for Find {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => walk_expr(self, expr),
            }
        }
    }
    let mut f = Find(false);
    for s in body {
        f.visit_stmt(s);
    }
    f.0
}

pub fn returns_value(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Return(r) => r
            .value
            .as_ref()
            .is_some_and(|v| !matches!(v.as_ref(), Expr::NoneLiteral(_))),
        Stmt::If(i) => {
            returns_value(&i.body) || i.elif_else_clauses.iter().any(|c| returns_value(&c.body))
        }
        Stmt::For(f) => returns_value(&f.body) || returns_value(&f.orelse),
        Stmt::While(w) => returns_value(&w.body) || returns_value(&w.orelse),
        Stmt::Try(t) => {
            returns_value(&t.body)
                || returns_value(&t.orelse)
                || returns_value(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => returns_value(&h.body),
                })
        }
        Stmt::With(w) => returns_value(&w.body),
        _ => false,
    })
}
