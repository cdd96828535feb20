//! The stub table, read from `stubs/*.pyi`: every builtin function, method, constant and
//! exception class a script can reach, and every module it can import, with the signatures
//! the checker enforces, the `Any` dispatch follows and the runtime implements.

use crate::check::annot::parse_annotation;
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr, Number, Stmt};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The stub files: the module a script imports, and its declaration. A new module is a
/// `.pyi` file in `stubs/` and one line here.
const FILES: &[(&str, &str)] = &[
    ("builtins", include_str!("../stubs/builtins.pyi")),
    ("math", include_str!("../stubs/math.pyi")),
];

/// A constant default value of a stub parameter.
#[derive(Clone, Debug)]
pub enum Lit {
    None,
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Bytes(Vec<u8>),
}

/// How a parameter may be passed (CPython's parameter kinds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Before `/`: by position only.
    PosOnly,
    /// By position or by name.
    PosOrKw,
    /// After `*` or `*args`: by name only.
    KwOnly,
}

#[derive(Clone, Debug)]
pub struct StubParam {
    pub name: String,
    pub ty: Ty,
    pub default: Option<Lit>,
    pub kind: Kind,
}

/// A function or method of the stubs (one overload).
#[derive(Clone, Debug)]
pub struct StubFn {
    /// The Python name.
    pub name: String,
    /// The Rust function or method implementing it (`@rust("...")`, else the Python name).
    pub rust_name: String,
    /// The parameters, `self` left out.
    pub params: Vec<StubParam>,
    /// `*args: T`: its name and element type (passed as one `Vec`).
    pub vararg: Option<(String, Ty)>,
    /// `**kwargs` is declared (only `@special` ones may).
    pub kwargs: bool,
    pub ret: Ty,
    /// `@special`: the compiler lowers the call itself.
    pub special: bool,
}

/// The methods of a builtin class by name; a name may have several overloads, tried in order.
pub type Methods = BTreeMap<String, Vec<StubFn>>;

/// One stub file: a module a script can import (or `builtins`, always there).
#[derive(Debug, Default)]
pub struct StubModule {
    pub name: String,
    /// The runtime module implementing it (`::matx::math`).
    pub rust_path: String,
    pub functions: BTreeMap<String, Vec<StubFn>>,
    /// Module constants (`math.pi`): `rust_path::NAME()` returns them.
    pub constants: BTreeMap<String, Ty>,
    /// Builtin classes with methods (`str`, `list`, ...).
    pub classes: BTreeMap<String, Methods>,
    /// Exception classes and their bases, a base always before the classes deriving from it.
    pub exceptions: Vec<(String, Option<String>)>,
}

pub struct Stubs {
    pub modules: BTreeMap<String, StubModule>,
}

impl Stubs {
    /// The `builtins` module.
    pub fn builtins(&self) -> &StubModule {
        &self.modules["builtins"]
    }
    /// The methods of builtin class `name` (`str`, `list`, ...).
    pub fn class(&self, name: &str) -> Option<&Methods> {
        self.builtins().classes.get(name)
    }
    /// A module a script may import (not `builtins`).
    pub fn module(&self, name: &str) -> Option<&StubModule> {
        self.modules.get(name).filter(|m| m.name != "builtins")
    }
    /// The base of builtin exception `name`, if it is one (`Some(None)` for `BaseException`).
    pub fn exception_base(&self, name: &str) -> Option<Option<&str>> {
        self.builtins()
            .exceptions
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_deref())
    }
    /// Whether builtin exception `d` is `b` or derives from it.
    #[cfg(test)]
    pub fn exception_derives(&self, d: &str, b: &str) -> bool {
        let mut cur = Some(d);
        while let Some(c) = cur {
            if c == b {
                return true;
            }
            cur = self.exception_base(c).flatten();
        }
        false
    }
}

static STUBS: OnceLock<Result<Stubs, String>> = OnceLock::new();

/// The parsed stub table (parsed once per compiler process).
pub fn stubs() -> Result<&'static Stubs, String> {
    STUBS
        .get_or_init(|| {
            let mut modules = BTreeMap::new();
            for (name, text) in FILES {
                modules.insert(name.to_string(), parse_module(name, text)?);
            }
            Ok(Stubs { modules })
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn lit(e: &Expr) -> Option<Lit> {
    Some(match e {
        Expr::NoneLiteral(_) => Lit::None,
        Expr::BooleanLiteral(b) => Lit::Bool(b.value),
        Expr::StringLiteral(s) => Lit::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Lit::Bytes(b.value.bytes().collect()),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Lit::Int(i.as_i64()?),
            Number::Float(f) => Lit::Float(*f),
            _ => return None,
        },
        Expr::UnaryOp(u) => match lit(&u.operand)? {
            Lit::Int(i) => Lit::Int(-i),
            Lit::Float(f) => Lit::Float(-f),
            _ => return None,
        },
        _ => return None,
    })
}

/// `T`, `K`, `V`: the type parameters of generic builtin classes (stub types only).
fn type_param(n: &str) -> Option<Ty> {
    ["T", "K", "V"]
        .iter()
        .position(|p| *p == n)
        .map(|i| Ty::Param(i as u8))
}

fn annotation(module: &str, what: &str, e: Option<&Expr>, none: Ty) -> Result<Ty, String> {
    match e {
        Some(a) => {
            parse_annotation(a, &type_param).map_err(|(_, m)| format!("{module}.pyi {what}: {m}"))
        }
        None => Ok(none),
    }
}

fn function(module: &str, f: &ast::StmtFunctionDef) -> Result<StubFn, String> {
    let name = f.name.id.to_string();
    let mut rust_name = name.clone();
    let mut special = false;
    for d in &f.decorator_list {
        match &d.expression {
            Expr::Name(n) if n.id.as_str() == "special" => special = true,
            Expr::Call(call) => match call.arguments.args.first() {
                Some(Expr::StringLiteral(s)) => rust_name = s.value.to_str().to_string(),
                _ => {
                    return Err(format!(
                        "{module}.pyi {name}: `@rust(\"name\")` needs a name"
                    ))
                }
            },
            _ => return Err(format!("{module}.pyi {name}: unknown decorator")),
        }
    }
    let p = &f.parameters;
    let mut params = Vec::new();
    for (kind, list) in [
        (Kind::PosOnly, &p.posonlyargs),
        (Kind::PosOrKw, &p.args),
        (Kind::KwOnly, &p.kwonlyargs),
    ] {
        for a in list {
            let pname = a.parameter.name.id.to_string();
            if pname == "self" {
                continue;
            }
            let ty = annotation(module, &name, a.parameter.annotation.as_deref(), Ty::Any)?;
            let default = match a.default.as_deref() {
                Some(d) => Some(
                    lit(d).ok_or_else(|| format!("{module}.pyi {name}: unsupported default"))?,
                ),
                None => None,
            };
            params.push(StubParam {
                name: pname,
                ty,
                default,
                kind,
            });
        }
    }
    let vararg = match &p.vararg {
        Some(v) => Some((
            v.name.id.to_string(),
            annotation(module, &name, v.annotation.as_deref(), Ty::Any)?,
        )),
        None => None,
    };
    if p.kwarg.is_some() && !special {
        return Err(format!("{module}.pyi {name}: `**kwargs` needs @special"));
    }
    Ok(StubFn {
        name: name.clone(),
        rust_name,
        params,
        vararg,
        kwargs: p.kwarg.is_some(),
        ret: annotation(module, &name, f.returns.as_deref(), Ty::None)?,
        special,
    })
}

fn parse_module(name: &str, text: &str) -> Result<StubModule, String> {
    let parsed = ruff_python_parser::parse_module(text)
        .map_err(|e| format!("{name}.pyi: {e}"))?
        .into_syntax();
    let mut m = StubModule {
        name: name.to_string(),
        rust_path: format!("::matx::{name}"),
        ..StubModule::default()
    };
    for stmt in &parsed.body {
        match stmt {
            Stmt::Assign(a) => match (a.targets.as_slice(), a.value.as_ref()) {
                ([Expr::Name(n)], Expr::StringLiteral(s)) if n.id.as_str() == "__rust__" => {
                    m.rust_path = format!("::matx::{}", s.value.to_str());
                }
                _ => {
                    return Err(format!(
                        "{name}.pyi: only `__rust__ = \"path\"` may be assigned"
                    ))
                }
            },
            Stmt::AnnAssign(a) => {
                let Expr::Name(n) = a.target.as_ref() else {
                    return Err(format!("{name}.pyi: a constant is `NAME: type`"));
                };
                let ty = annotation(name, n.id.as_str(), Some(&a.annotation), Ty::Any)?;
                m.constants.insert(n.id.to_string(), ty);
            }
            Stmt::FunctionDef(f) => {
                let sf = function(name, f)?;
                m.functions.entry(sf.name.clone()).or_default().push(sf);
            }
            Stmt::ClassDef(c) => {
                let cname = c.name.id.to_string();
                let base = match c.arguments.as_deref().map(|a| a.args.as_ref()) {
                    Some([Expr::Name(b)]) => Some(b.id.to_string()),
                    _ => None,
                };
                let is_exc = cname == "BaseException"
                    || base
                        .as_ref()
                        .is_some_and(|b| m.exceptions.iter().any(|(n, _)| n == b));
                if is_exc {
                    m.exceptions.push((cname, base));
                    continue;
                }
                let mut methods = Methods::new();
                for item in &c.body {
                    if let Stmt::FunctionDef(f) = item {
                        let sf = function(name, f)?;
                        methods.entry(sf.name.clone()).or_default().push(sf);
                    }
                }
                m.classes.insert(cname, methods);
            }
            Stmt::Expr(_) => {}
            _ => return Err(format!("{name}.pyi: unsupported statement")),
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::{Kind, StubFn};

    /// One line per declared overload: `owner name kinds`, where kinds lists each parameter
    /// as `p:name` (positional-only), `a:name` (either), `k:name` (keyword-only), `*name`.
    fn signature_lines() -> String {
        let s = super::stubs().unwrap();
        let line = |owner: &str, f: &StubFn| {
            let mut kinds: Vec<String> = f
                .params
                .iter()
                .map(|p| {
                    let k = match p.kind {
                        Kind::PosOnly => "p",
                        Kind::PosOrKw => "a",
                        Kind::KwOnly => "k",
                    };
                    format!("{k}:{}", p.name)
                })
                .collect();
            if let Some((n, _)) = &f.vararg {
                kinds.push(format!("*{n}"));
            }
            format!("{owner} {} {}\n", f.name, kinds.join(","))
        };
        let mut out = String::new();
        for (mname, m) in &s.modules {
            for fs in m.functions.values() {
                fs.iter().for_each(|f| out.push_str(&line(mname, f)));
            }
            for (c, ms) in &m.classes {
                for fs in ms.values() {
                    fs.iter()
                        .for_each(|f| out.push_str(&line(&format!("{mname}.{c}"), f)));
                }
            }
        }
        out
    }

    /// Every parameter declared in the stubs is passed as CPython lets it be passed (by
    /// position only, by name only, or either), under the name CPython gives it: checked
    /// against CPython's own signatures (`inspect`), so a keyword CPython refuses is refused.
    #[test]
    fn stub_parameter_kinds_are_cpythons() {
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("stubs/check_signatures.py");
        let mut child = std::process::Command::new("python3")
            .arg(&script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("python3 is needed to check the stubs against CPython");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(signature_lines().as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "stubs disagree with CPython:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn stubs_parse() {
        let s = super::stubs().unwrap();
        let str_ = s.class("str").unwrap();
        assert!(str_.contains_key("split"));
        assert_eq!(str_["split"][0].params[0].kind, Kind::PosOrKw);
        assert_eq!(str_["index"][0].params[0].kind, Kind::PosOnly);
        let dict = s.class("dict").unwrap();
        assert_eq!(dict["get"].len(), 2);
        assert_eq!(dict["get"][1].rust_name, "get_or");
        assert!(s.module("math").unwrap().constants.contains_key("pi"));
        assert!(s.module("builtins").is_none());
        assert_eq!(s.exception_base("KeyError"), Some(Some("LookupError")));
        assert!(s.exception_derives("UnicodeDecodeError", "ValueError"));
        assert!(!s.exception_derives("SystemExit", "Exception"));
    }
}
