//! The builtin method table, read from `builtins.pyi`: the signatures the checker enforces and the runtime implements.

use crate::check::annot::parse_annotation;
use crate::types::Ty;
use ruff_python_ast::{Expr, Number, Stmt};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A constant default value of a stub parameter.
#[derive(Clone, Debug)]
pub enum Lit {
    None,
    Int(i64),
    Bool(bool),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Clone, Debug)]
pub struct StubParam {
    pub name: String,
    pub ty: Ty,
    pub default: Option<Lit>,
}

#[derive(Clone, Debug)]
pub struct StubMethod {
    pub rust_name: String,
    pub params: Vec<StubParam>,
    pub ret: Ty,
    pub special: bool,
}

/// Methods by class (`str`, `bytes`, `list`, `dict`, `set`) and name; a name
/// may have several overloads, tried in order.
pub struct Stubs {
    pub classes: HashMap<String, HashMap<String, Vec<StubMethod>>>,
}

static STUBS: OnceLock<Result<Stubs, String>> = OnceLock::new();

/// The parsed stub table (parsed once per compiler process).
pub fn stubs() -> Result<&'static Stubs, String> {
    STUBS
        .get_or_init(|| parse_stubs(include_str!("builtins.pyi")))
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
            _ => return None,
        },
        Expr::UnaryOp(u) => match lit(&u.operand)? {
            Lit::Int(i) => Lit::Int(-i),
            _ => return None,
        },
        _ => return None,
    })
}

fn parse_stubs(text: &str) -> Result<Stubs, String> {
    let module = ruff_python_parser::parse_module(text)
        .map_err(|e| format!("builtins.pyi: {e}"))?
        .into_syntax();
    let mut classes = HashMap::new();
    for stmt in &module.body {
        let Stmt::ClassDef(c) = stmt else { continue };
        let params: &[&str] = &["T", "K", "V"];
        let resolve = |n: &str| {
            params
                .iter()
                .position(|p| *p == n)
                .map(|i| Ty::Param(i as u8))
        };
        let mut methods: HashMap<String, Vec<StubMethod>> = HashMap::new();
        for item in &c.body {
            let Stmt::FunctionDef(f) = item else { continue };
            let mut rust_name = f.name.id.to_string();
            let mut special = false;
            for d in &f.decorator_list {
                match &d.expression {
                    Expr::Name(n) if n.id.as_str() == "special" => special = true,
                    Expr::Call(call) => {
                        if let Some(Expr::StringLiteral(s)) = call.arguments.args.first() {
                            rust_name = s.value.to_str().to_string();
                        }
                    }
                    _ => {}
                }
            }
            let mut ps = Vec::new();
            for p in f
                .parameters
                .posonlyargs
                .iter()
                .chain(&f.parameters.args)
                .chain(&f.parameters.kwonlyargs)
            {
                let name = p.parameter.name.id.to_string();
                if name == "self" {
                    continue;
                }
                let ty = match &p.parameter.annotation {
                    Some(a) => parse_annotation(a, &resolve)
                        .map_err(|(_, m)| format!("builtins.pyi {}: {m}", f.name.id))?,
                    None => Ty::Any,
                };
                let default = p.default.as_deref().and_then(lit);
                ps.push(StubParam { name, ty, default });
            }
            let ret = match &f.returns {
                Some(r) => parse_annotation(r, &resolve)
                    .map_err(|(_, m)| format!("builtins.pyi {}: {m}", f.name.id))?,
                None => Ty::None,
            };
            methods
                .entry(f.name.id.to_string())
                .or_default()
                .push(StubMethod {
                    rust_name,
                    params: ps,
                    ret,
                    special,
                });
        }
        classes.insert(c.name.id.to_string(), methods);
    }
    Ok(Stubs { classes })
}

#[cfg(test)]
mod tests {
    #[test]
    fn stubs_parse() {
        let s = super::stubs().unwrap();
        assert!(s.classes["str"].contains_key("split"));
        assert_eq!(s.classes["dict"]["get"].len(), 2);
        assert_eq!(s.classes["dict"]["get"][1].rust_name, "get_or");
    }
}
