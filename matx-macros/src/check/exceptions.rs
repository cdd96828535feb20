//! Exceptions: `try`/`except`/`else`/`finally`, `raise`, exception values.

use super::Checker;
use crate::ir::{self, Block, Expr, ExprKind, Handler, StmtKind, TryStmt};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::Ranged;

impl Checker<'_> {
    pub(super) fn try_stmt(&mut self, t: &ast::StmtTry, out: &mut Block) {
        if t.is_star {
            self.error(t.range, "`except*` is not supported");
        }
        let body = self.block(&t.body);
        let mut handlers = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let mut kinds = Vec::new();
            let mut catch_all = false;
            match h.type_.as_deref() {
                None => catch_all = true,
                Some(AExpr::Tuple(tup)) => {
                    for e in &tup.elts {
                        match self.exc_class_name(e) {
                            Some(k) => kinds.push(k),
                            None => catch_all = catch_all || is_exception_root(e),
                        }
                    }
                }
                Some(e) => match self.exc_class_name(e) {
                    Some(k) => kinds.push(k),
                    None => catch_all = is_exception_root(e),
                },
            }
            if catch_all {
                kinds.clear();
            }
            let var = match &h.name {
                Some(n) => {
                    let name = n.id.to_string();
                    if let Some(old) = self.fs.locals.get(&name).cloned() {
                        if !self.unify(&old, &Ty::Exc) {
                            self.error(n.range, format!("`{name}` is already a `{}` variable: name the exception differently", old.py()));
                        }
                    } else {
                        self.add_local(&name, Ty::Exc);
                    }
                    name
                }
                None => self.tmp("exc"),
            };
            if h.name.is_none() {
                self.add_local(&var, Ty::Exc);
            }
            self.fs.handling.push(var.clone());
            let body = self.block(&h.body);
            self.fs.handling.pop();
            handlers.push(Handler {
                kinds,
                name: Some(var),
                body,
            });
        }
        let orelse = self.block(&t.orelse);
        let finalbody = self.block(&t.finalbody);
        self.push(
            out,
            StmtKind::Try(Box::new(TryStmt {
                body,
                handlers,
                orelse,
                finalbody,
            })),
            t.range,
        );
    }

    /// The exception class named by an `except` clause (None for `BaseException`, which
    /// catches all).
    pub(super) fn exc_class_name(&mut self, e: &AExpr) -> Option<ir::ExcRef> {
        match e {
            AExpr::Name(n) if n.id.as_str() == "BaseException" => None,
            AExpr::Name(n) => match self.exc_ref(n.id.as_str()) {
                Some(k) => Some(k),
                None => {
                    self.error(e.range(), format!("`{}` is not an exception class", n.id));
                    None
                }
            },
            _ => {
                self.error(e.range(), "an `except` clause names exception classes: `except ValueError:` or `except (KeyError, IndexError) as e:`");
                None
            }
        }
    }

    /// The value of `raise X`: `E("msg")`, `E`, or a caught exception variable.
    pub(super) fn exception_value(&mut self, e: &AExpr) -> Expr {
        let line = self.line(e.range());
        let exc = |kind, arg: Option<Box<Expr>>| Expr {
            kind: ExprKind::MakeExc(kind, arg),
            ty: Ty::Exc,
            line,
        };
        match e {
            AExpr::Name(n) => {
                if let Some(k) = self.exc_ref(n.id.as_str()) {
                    return exc(k, None);
                }
                let v = self.expr(e);
                if !matches!(self.resolve(&v.ty), Ty::Exc) {
                    self.error(
                        e.range(),
                        "`raise` needs an exception: `raise ValueError(\"message\")`",
                    );
                }
                v
            }
            AExpr::Call(c) => {
                if let AExpr::Name(n) = c.func.as_ref() {
                    if let Some(k) = self.exc_ref(n.id.as_str()) {
                        return self.make_exc(k, c, line);
                    }
                }
                self.error(
                    e.range(),
                    "`raise` needs an exception: `raise ValueError(\"message\")`",
                );
                self.poison(e.range())
            }
            _ => {
                self.error(
                    e.range(),
                    "`raise` needs an exception: `raise ValueError(\"message\")`",
                );
                self.poison(e.range())
            }
        }
    }

    /// `E(arg)`: an exception object (for `raise`).
    pub fn make_exc(&mut self, k: ir::ExcRef, c: &ast::ExprCall, line: u32) -> Expr {
        if !c.arguments.keywords.is_empty() || c.arguments.args.len() > 1 {
            self.error(
                c.range(),
                "exceptions take at most one argument here: `raise ValueError(\"message\")`",
            );
        }
        let arg = c.arguments.args.first().map(|a| Box::new(self.expr(a)));
        Expr {
            kind: ExprKind::MakeExc(k, arg),
            ty: Ty::Exc,
            line,
        }
    }
}

fn is_exception_root(e: &AExpr) -> bool {
    matches!(e, AExpr::Name(n) if n.id.as_str() == "BaseException")
}
