//! Ops in scripts: `from <module> import <op>` makes a `#[matx::op]` function or type callable, typed by the signature its callback handed over.

use super::Checker;
use crate::collect::OpDecl;
use crate::ir::{Callee, Expr, ExprKind, Param, RtFn};
use crate::parse::parse_module;
use crate::source::{Diags, Source};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::TextRange;
use std::collections::BTreeMap;

/// A function, constructor or method of an op, typed.
#[derive(Clone)]
pub struct OpSig {
    pub params: Vec<Param>,
    pub ret: Ty,
    pub fallible: bool,
    /// The parameters that are files (`matx::Resource` in Rust): a script passes a `str`
    /// (or `Optional[str]`), converted by `::matx::resource::script_arg`.
    pub files: Vec<usize>,
}

/// An op visible in the script under a local name.
#[derive(Clone)]
pub enum OpInfo {
    Function {
        path: String,
        sig: OpSig,
    },
    Class {
        path: String,
        name: String,
        init: OpSig,
        methods: BTreeMap<String, OpSig>,
    },
}

/// The script-facing API of `matx.NDArray` (`matx/src/ndarray/script.rs` implements it
/// with the same names; the Python class `matx.NDArray` has the same methods, so CPython
/// running the script calls the same code).
const NDARRAY_STUB: &str = "\
class NDArray:
    def __init__(self, data: Any, shape: Optional[List[int]] = None, dtype: Optional[str] = None) -> None: ...
    def shape(self) -> Tuple[int, ...]: ...
    def dtype(self) -> str: ...
    def ndim(self) -> int: ...
    def size(self) -> int: ...
    def strides(self) -> Tuple[int, ...]: ...
    def is_contiguous(self) -> bool: ...
    def tolist(self) -> Any: ...
    def reshape(self, shape: List[int]) -> NDArray: ...
    def astype(self, dtype: str) -> NDArray: ...
    def contiguous(self) -> NDArray: ...
    def copy(self) -> NDArray: ...
";

/// Methods of `NDARRAY_STUB` that cannot fail.
const NDARRAY_INFALLIBLE: &[&str] = &["shape", "dtype", "ndim", "size", "strides", "is_contiguous"];

/// Entries of `NDARRAY_STUB` that are properties (`a.shape`, as numpy's), not methods.
const NDARRAY_PROPERTIES: &[&str] = &["shape", "dtype", "ndim", "size", "strides"];

impl Checker<'_> {
    /// `from matx import NDArray` (the only name scripts take from `matx`).
    pub(super) fn import_matx(&mut self, imp: &ast::StmtImportFrom) {
        for a in &imp.names {
            match (a.name.id.as_str(), &a.asname) {
                ("NDArray", None) => {
                    self.ndarray_imported = true;
                    let decl = OpDecl {
                        path: "::matx::ndarray::script".into(),
                        is_class: true,
                        py_name: "NDArray".into(),
                        stub: NDARRAY_STUB.into(),
                        fallible: NDARRAY_STUB
                            .lines()
                            .filter_map(|l| l.trim().strip_prefix("def "))
                            .filter_map(|l| l.split('(').next())
                            .filter(|n| !NDARRAY_INFALLIBLE.contains(n))
                            .map(String::from)
                            .collect(),
                    };
                    self.op_imports.push(("NDArray".into(), decl, a.range));
                }
                (other, _) => self.error(
                    a.range,
                    format!("cannot import `{other}` from `matx`: scripts take `NDArray` from it (without `as`)"),
                ),
            }
        }
    }

    /// `a.method(args)` on an `NDArray`: `::matx::ndarray::script::method(&a, args)`.
    pub(super) fn ndarray_method(
        &mut self,
        recv: Expr,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let sig = match self.ops.get("NDArray") {
            Some(OpInfo::Class { methods, .. }) => methods.get(name).cloned(),
            _ => None,
        };
        let Some(sig) = sig else {
            self.error(r, format!("`NDArray` has no method `{name}`"));
            return self.poison(r);
        };
        if NDARRAY_PROPERTIES.contains(&name) {
            self.error(
                r,
                format!("`NDArray.{name}` is a property, as in numpy: write `a.{name}`, not `a.{name}()`"),
            );
            return self.poison(r);
        }
        let args = self.bind(&sig.params, None, a, r, name);
        self.mk(
            ExprKind::Rt {
                func: Callee::Declared(format!("::matx::ndarray::script::{name}")),
                recv: Some(Box::new(recv)),
                args,
                fallible: sig.fallible,
            },
            sig.ret,
            r,
        )
    }

    /// `a.shape` (a property of `NDArray`, whether or not the script imported the class):
    /// `::matx::ndarray::script::shape(&a)`; `None` when `name` is not one.
    pub(super) fn ndarray_property(
        &mut self,
        recv: Expr,
        name: &str,
        r: TextRange,
    ) -> Option<Expr> {
        let ret = match name {
            "shape" | "strides" => Ty::TupleN(Box::new(Ty::Int)),
            "dtype" => Ty::Str,
            "ndim" | "size" => Ty::Int,
            _ => return None,
        };
        Some(self.mk(
            ExprKind::Rt {
                func: Callee::Declared(format!("::matx::ndarray::script::{name}")),
                recv: Some(Box::new(recv)),
                args: vec![],
                fallible: false,
            },
            ret,
            r,
        ))
    }

    /// `from m import a, b as c`, where every name must be a declared op.
    pub(super) fn import_ops(&mut self, imp: &ast::StmtImportFrom, module: &str) {
        for a in &imp.names {
            let name = a.name.id.as_str();
            let local = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
            let Some(decl) = self.op_decls.iter().find(|d| d.py_name == name).cloned() else {
                let declared: Vec<&str> =
                    self.op_decls.iter().map(|d| d.py_name.as_str()).collect();
                let known = if declared.is_empty() {
                    "this script declares none".to_string()
                } else {
                    format!("declared: {}", declared.join(", "))
                };
                self.error(
                    a.range,
                    format!("cannot import `{name}` from `{module}`: scripts may import `math`, names from `typing`, and ops listed in `matx_script!(file = ..., ops = [path::to::{name}])` ({known})"),
                );
                // Its uses are not reported again.
                self.op_failed.insert(local);
                continue;
            };
            if decl.is_class {
                self.op_class_names
                    .insert(local.clone(), (decl.py_name.clone(), decl.path.clone()));
            }
            self.op_imports.push((local, decl, a.range));
        }
    }

    /// Types the imported ops' signatures (after every import, so ops may name op types).
    pub(super) fn type_imported_ops(&mut self) {
        for (local, decl, range) in std::mem::take(&mut self.op_imports) {
            if self.ops.contains_key(&local) {
                self.error(range, format!("`{local}` is imported twice"));
                continue;
            }
            match self.op_info(&decl, range) {
                Some(info) => {
                    self.ops.insert(local, info);
                }
                None => continue,
            }
        }
    }

    fn op_info(&mut self, d: &OpDecl, range: TextRange) -> Option<OpInfo> {
        let src = Source::new(format!("<op {}>", d.path), d.stub.clone(), None);
        let mut diags = Diags::default();
        let Some(m) = parse_module(&src, &mut diags) else {
            self.error(
                range,
                format!(
                    "the signature of op `{}` does not parse (rebuild the op crate with this matx)",
                    d.path
                ),
            );
            return None;
        };
        let fallible = |n: &str| d.fallible.iter().any(|f| f == n);
        match m.body.first() {
            Some(Stmt::FunctionDef(f)) if !d.is_class => {
                let sig = self.op_sig(f, false, fallible(&d.py_name), range)?;
                Some(OpInfo::Function {
                    path: d.path.clone(),
                    sig,
                })
            }
            Some(Stmt::ClassDef(c)) if d.is_class => {
                let mut init = None;
                let mut methods = BTreeMap::new();
                for s in &c.body {
                    if let Stmt::FunctionDef(f) = s {
                        let n = f.name.id.to_string();
                        let sig = self.op_sig(f, true, fallible(&n), range)?;
                        if n == "__init__" {
                            init = Some(sig);
                        } else {
                            methods.insert(n, sig);
                        }
                    }
                }
                Some(OpInfo::Class {
                    path: d.path.clone(),
                    name: d.py_name.clone(),
                    init: init?,
                    methods,
                })
            }
            _ => {
                self.error(range, format!("op `{}`: unexpected signature", d.path));
                None
            }
        }
    }

    /// One `def` of an op's signature, its annotations read in the script's scope.
    fn op_sig(
        &mut self,
        f: &ast::StmtFunctionDef,
        method: bool,
        fallible: bool,
        range: TextRange,
    ) -> Option<OpSig> {
        let mut params = Vec::new();
        let mut files = Vec::new();
        for (i, p) in f.parameters.args.iter().enumerate() {
            if method && i == 0 {
                continue;
            }
            let ty = match p.parameter.annotation.as_deref() {
                Some(a) => match resource_annotation(a) {
                    Some(t) => {
                        files.push(params.len());
                        t
                    }
                    None => self.op_annotation(a, range)?,
                },
                None => Ty::Any,
            };
            // `= None` (trailing optional parameters).
            let default = p
                .default
                .as_ref()
                .map(|_| self.mk(ExprKind::NoneLit, ty.clone(), range));
            params.push(Param {
                name: p.parameter.name.id.to_string(),
                ty,
                default,
                kind: crate::stubs::Kind::PosOrKw,
            });
        }
        let ret = match f.returns.as_deref() {
            Some(a) => self.op_annotation(a, range)?,
            None => Ty::None,
        };
        Some(OpSig {
            params,
            ret,
            fallible,
            files,
        })
    }

    /// `args` bound to `sig`, each file parameter's argument converted to a `Resource`.
    fn file_args(&self, args: Vec<Expr>, sig: &OpSig) -> Vec<Expr> {
        args.into_iter()
            .enumerate()
            .map(|(i, arg)| {
                if !sig.files.contains(&i) {
                    return arg;
                }
                let (ty, line) = (arg.ty.clone(), arg.line);
                Expr {
                    kind: ExprKind::Rt {
                        func: Callee::Fn(RtFn::ResourceScriptArg),
                        recv: None,
                        args: vec![arg],
                        fallible: true,
                    },
                    ty,
                    line,
                }
            })
            .collect()
    }

    /// An annotation of an op's signature; an op type it names must be imported too.
    fn op_annotation(&mut self, e: &ast::Expr, range: TextRange) -> Option<Ty> {
        let mut d = Diags::default();
        std::mem::swap(&mut d, &mut self.diags);
        // `NDArray` in an op's signature needs no import in the script.
        let imported = std::mem::replace(&mut self.ndarray_imported, true);
        let t = self.annotation(e);
        self.ndarray_imported = imported;
        std::mem::swap(&mut d, &mut self.diags);
        if d.is_empty() {
            Some(t)
        } else {
            self.error(
                range,
                "an op's signature names a type this script does not know: import the op types it uses as well".to_string(),
            );
            None
        }
    }

    /// `op(args)` for an imported op name: a call, or constructing an op object.
    pub(super) fn op_call(
        &mut self,
        local: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Option<Expr> {
        if self.op_failed.contains(local) {
            return Some(self.poison(r));
        }
        let info = self.ops.get(local)?.clone();
        Some(match info {
            OpInfo::Function { path, sig } => {
                let args = self.bind(&sig.params, None, a, r, local);
                let args = self.file_args(args, &sig);
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Declared(path),
                        recv: None,
                        args,
                        fallible: sig.fallible,
                    },
                    sig.ret,
                    r,
                )
            }
            OpInfo::Class { path, init, .. } if path == "::matx::ndarray::script" => {
                let args = self.bind(&init.params, None, a, r, local);
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Declared(format!("{path}::new")),
                        recv: None,
                        args,
                        fallible: init.fallible,
                    },
                    Ty::NDArray,
                    r,
                )
            }
            OpInfo::Class {
                path, name, init, ..
            } => {
                let args = self.bind(&init.params, None, a, r, local);
                let args = self.file_args(args, &init);
                let ty = Ty::Op(name, path.clone());
                let inner = self.mk(
                    ExprKind::Rt {
                        func: Callee::Declared(format!("{path}::new")),
                        recv: None,
                        args,
                        fallible: init.fallible,
                    },
                    Ty::Any,
                    r,
                );
                self.mk(
                    ExprKind::Rt {
                        func: Callee::Fn(RtFn::OpNew),
                        recv: None,
                        args: vec![inner],
                        fallible: false,
                    },
                    ty,
                    r,
                )
            }
        })
    }

    /// `obj.method(args)` on an op object.
    pub(super) fn op_method(
        &mut self,
        recv: Expr,
        class: &str,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let sig = self.ops.values().find_map(|i| match i {
            OpInfo::Class {
                name: n, methods, ..
            } if n == class => Some(methods.get(name).cloned()),
            _ => None,
        });
        let Some(Some(sig)) = sig else {
            self.error(r, format!("`{class}` has no method `{name}`"));
            return self.poison(r);
        };
        let args = self.bind(&sig.params, None, a, r, name);
        let args = self.file_args(args, &sig);
        self.mk(
            ExprKind::Method {
                recv: Box::new(recv),
                name: name.to_string(),
                args,
                fallible: sig.fallible,
            },
            sig.ret,
            r,
        )
    }
}

/// `Resource` or `Optional[Resource]` in an op's signature: a file, which a script passes
/// as a `str` (its type here).
fn resource_annotation(a: &ast::Expr) -> Option<Ty> {
    match a {
        ast::Expr::Name(n) if n.id.as_str() == "Resource" => Some(Ty::Str),
        ast::Expr::Subscript(s) => match (s.value.as_ref(), s.slice.as_ref()) {
            (ast::Expr::Name(o), ast::Expr::Name(n))
                if o.id.as_str() == "Optional" && n.id.as_str() == "Resource" =>
            {
                Some(Ty::optional(Ty::Str))
            }
            _ => None,
        },
        _ => None,
    }
}
