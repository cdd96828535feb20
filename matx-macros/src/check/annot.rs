//! Type annotations: `int`, `List[str]`, `Optional[Dict[str, int]]`, `X | None`, user classes.

use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

/// Resolves the bare names an annotation may use beyond the builtin ones
/// (user classes; `T`/`K`/`V` in the stubs).
pub type NameResolver<'a> = &'a dyn Fn(&str) -> Option<Ty>;

/// Parses an annotation expression into a type.
pub fn parse_annotation(e: &Expr, names: NameResolver) -> Result<Ty, (TextRange, String)> {
    let bad = |e: &Expr, what: &str| Err((e.range(), what.to_string()));
    match e {
        Expr::NoneLiteral(_) => Ok(Ty::None),
        Expr::Name(n) => match n.id.as_str() {
            "int" => Ok(Ty::Int),
            "float" => Ok(Ty::Float),
            "bool" => Ok(Ty::Bool),
            "str" => Ok(Ty::Str),
            "bytes" => Ok(Ty::Bytes),
            "Any" | "object" => Ok(Ty::Any),
            "None" => Ok(Ty::None),
            "list" | "List" | "dict" | "Dict" | "set" | "Set" | "tuple" | "Tuple" => bad(
                e,
                &format!("`{}` needs its element types here, e.g. `List[int]` or `Dict[str, int]`", n.id),
            ),
            other => match names(other) {
                Some(t) => Ok(t),
                None => bad(
                    e,
                    &format!(
                        "unknown type `{other}`: use int, float, bool, str, bytes, List[T], Dict[K, V], Set[T], Tuple[...], Optional[T], Any, Callable[[...], R] or a class of this script"
                    ),
                ),
            },
        },
        Expr::Attribute(a) => {
            // typing.List[...] and friends
            if let Expr::Name(m) = a.value.as_ref() {
                if m.id.as_str() == "typing" {
                    let name = Expr::Name(ast::ExprName {
                        node_index: Default::default(),
                        range: a.range,
                        id: a.attr.id.clone(),
                        ctx: ast::ExprContext::Load,
                    });
                    return parse_annotation(&name, names);
                }
            }
            bad(e, "unsupported annotation")
        }
        Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
            let l = parse_annotation(&b.left, names)?;
            let r = parse_annotation(&b.right, names)?;
            match (l, r) {
                (Ty::None, t) | (t, Ty::None) => Ok(Ty::optional(t)),
                _ => bad(e, "unions other than `T | None` are not supported: use `Optional[T]` or `Any`"),
            }
        }
        Expr::StringLiteral(s) => {
            // A forward reference: "ClassName".
            let text = s.value.to_str();
            match names(text) {
                Some(t) => Ok(t),
                None => bad(e, &format!("unknown type `{text}` in string annotation")),
            }
        }
        Expr::Subscript(sub) => {
            let head = match sub.value.as_ref() {
                Expr::Name(n) => n.id.to_string(),
                Expr::Attribute(a) => a.attr.id.to_string(),
                _ => return bad(e, "unsupported annotation"),
            };
            let args: Vec<&Expr> = match sub.slice.as_ref() {
                Expr::Tuple(t) => t.elts.iter().collect(),
                other => vec![other],
            };
            let arity = |n: usize| -> Result<(), (TextRange, String)> {
                if args.len() == n {
                    Ok(())
                } else {
                    Err((e.range(), format!("`{head}[...]` takes {n} type argument(s), found {}", args.len())))
                }
            };
            match head.as_str() {
                "List" | "list" | "Sequence" | "MutableSequence" => {
                    arity(1)?;
                    Ok(Ty::list(parse_annotation(args[0], names)?))
                }
                "Iterable" => {
                    arity(1)?;
                    Ok(Ty::Iterable(Box::new(parse_annotation(args[0], names)?)))
                }
                "Set" | "set" => {
                    arity(1)?;
                    Ok(Ty::set(parse_annotation(args[0], names)?))
                }
                "Dict" | "dict" | "Mapping" => {
                    arity(2)?;
                    let k = parse_annotation(args[0], names)?;
                    if matches!(k, Ty::Float) {
                        return bad(args[0], "float dict keys are not supported: use int or str keys");
                    }
                    Ok(Ty::dict(k, parse_annotation(args[1], names)?))
                }
                "Optional" => {
                    arity(1)?;
                    Ok(Ty::optional(parse_annotation(args[0], names)?))
                }
                "Tuple" | "tuple" => {
                    if args.len() == 2 && matches!(args[1], Expr::EllipsisLiteral(_)) {
                        return Ok(Ty::VarTuple(Box::new(parse_annotation(args[0], names)?)));
                    }
                    if let [Expr::Tuple(t)] = args.as_slice() {
                        if t.elts.is_empty() {
                            return Ok(Ty::Tuple(vec![]));
                        }
                    }
                    if args.len() > crate::types::MAX_TUPLE {
                        return bad(e, &format!("tuples of more than {} items are not supported: use a list", crate::types::MAX_TUPLE));
                    }
                    let ts = args.iter().map(|a| parse_annotation(a, names)).collect::<Result<Vec<_>, _>>()?;
                    Ok(Ty::Tuple(ts))
                }
                "Callable" => {
                    arity(2)?;
                    let params = match args[0] {
                        Expr::List(l) => l
                            .elts
                            .iter()
                            .map(|a| parse_annotation(a, names))
                            .collect::<Result<Vec<_>, _>>()?,
                        other => return bad(other, "write the parameter types as a list: `Callable[[int, str], bool]`"),
                    };
                    Ok(Ty::Func(params, Box::new(parse_annotation(args[1], names)?)))
                }
                "Union" => bad(e, "`Union` is not supported: use `Optional[T]` or `Any`"),
                other => bad(e, &format!("unsupported generic type `{other}[...]`")),
            }
        }
        _ => bad(e, "unsupported annotation: expected a type such as `int` or `List[str]`"),
    }
}
