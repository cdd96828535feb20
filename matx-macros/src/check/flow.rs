//! Control-flow facts on the Python AST: whether a body always leaves by `return`/`raise`.

use ruff_python_ast::{self as ast, Expr, Stmt};

/// Whether every path through `body` ends in `return` or `raise` (or an endless loop).
pub fn always_exits(body: &[Stmt]) -> bool {
    body.iter().any(stmt_exits)
}

fn stmt_exits(s: &Stmt) -> bool {
    match s {
        Stmt::Return(_) | Stmt::Raise(_) => true,
        Stmt::If(i) => {
            always_exits(&i.body)
                && i.elif_else_clauses.iter().any(|c| c.test.is_none())
                && i.elif_else_clauses.iter().all(|c| always_exits(&c.body))
        }
        Stmt::While(w) => is_true(&w.test) && !has_break(&w.body),
        Stmt::Try(t) => {
            always_exits(&t.finalbody)
                || ((always_exits(&t.body) || always_exits(&t.orelse))
                    && t.handlers.iter().all(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        always_exits(&h.body)
                    }))
        }
        Stmt::Assert(a) => matches!(a.test.as_ref(), Expr::BooleanLiteral(b) if !b.value),
        _ => false,
    }
}

fn is_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => matches!(&n.value, ast::Number::Int(i) if i.as_i64() != Some(0)),
        _ => false,
    }
}

/// Whether a loop body contains a `break` for this loop.
fn has_break(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Break(_) => true,
        Stmt::If(i) => has_break(&i.body) || i.elif_else_clauses.iter().any(|c| has_break(&c.body)),
        Stmt::Try(t) => {
            has_break(&t.body)
                || has_break(&t.orelse)
                || has_break(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_break(&h.body)
                })
        }
        _ => false,
    })
}
