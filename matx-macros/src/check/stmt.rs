//! Statements and function bodies: locals, assignment and unpacking, control flow, exceptions.

use super::{flow, Checker, FnState, FuncSig};
use crate::ir::{self, Block, Expr, ExprKind, ForIter, ForLoop, Stmt, StmtKind};
use crate::types::Ty;
use crate::{STACK_GROW, STACK_RED_ZONE};
use ruff_python_ast::{self as ast, Expr as AExpr, Stmt as AStmt};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    /// Checks a function body against its signature.
    pub fn function(
        &mut self,
        f: &ast::StmtFunctionDef,
        sig: &FuncSig,
        self_class: Option<&str>,
    ) -> Option<ir::FuncDef> {
        self.fs = FnState {
            ret: sig.ret.clone(),
            self_class: self_class.map(String::from),
            ..Default::default()
        };
        let mut params = sig.params.clone();
        if let Some(c) = self_class {
            self.fs
                .locals
                .insert("self".into(), Ty::Class(c.to_string()));
            self.fs.params.insert("self".into());
        }
        for p in &params {
            self.fs.locals.insert(p.name.clone(), p.ty.clone());
            self.fs.params.insert(p.name.clone());
        }
        if let Some((name, ty)) = &sig.vararg {
            // `*args` is a tuple in Python.
            let t = Ty::TupleN(Box::new(ty.clone()));
            self.fs.locals.insert(name.clone(), t.clone());
            self.fs.params.insert(name.clone());
            params.push(ir::Param {
                name: name.clone(),
                ty: t,
                default: None,
                kind: crate::stubs::Kind::PosOnly,
            });
        }
        self.declare_locals(&f.body);
        let mut body = self.block(&f.body);
        if !matches!(self.resolve(&sig.ret), Ty::None)
            && !self.is_poisoned(&sig.ret)
            && !flow::always_exits(&f.body)
        {
            self.error(
                f.name.range,
                format!(
                    "function `{}` can reach its end without returning a value (Python would return None): end every path with `return` or `raise`",
                    f.name.id
                ),
            );
        }
        let locals = self.finish_locals(f.range);
        self.zonk_block(&mut body);
        Some(ir::FuncDef {
            rust_name: sig.rust_name.clone(),
            params,
            self_class: self_class.map(String::from),
            ret: self.resolve(&sig.ret),
            body,
            locals,
            public: true,
        })
    }

    /// The function's locals with resolved types; reports those whose type is never learnt.
    pub fn finish_locals(&mut self, range: TextRange) -> Vec<(String, Ty)> {
        let mut captured: Vec<(String, TextRange)> = self
            .fs
            .captured_by_inner
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        captured.sort_by_key(|(_, r)| r.start());
        for (name, r) in captured {
            let n = self.fs.assign_count.get(&name).copied().unwrap_or(0)
                + u32::from(self.fs.params.contains(&name));
            if n > 1 {
                let shown = self
                    .fs
                    .aliases
                    .iter()
                    .find(|(_, f)| *f == name)
                    .map_or(name.clone(), |(p, _)| p.clone());
                self.error(
                    r,
                    format!(
                        "this closure captures `{shown}`, which is assigned more than once (a loop variable, or reassigned): CPython closures see its latest value when called, matx closures the value it had when the closure was made; pass it as an argument, or copy it into a variable assigned once"
                    ),
                );
            }
        }
        let mut out = Vec::new();
        for name in self.fs.local_order.clone() {
            let mut ty = self.resolve(&self.fs.locals[&name]);
            if let Ty::Optional(inner) = &ty {
                if let Ty::Var(v) = **inner {
                    // Only ever None.
                    self.vars[v] = Some(Ty::None);
                    ty = self.resolve(&ty);
                }
            }
            if self.has_var(&ty) && !self.is_poisoned(&ty) {
                let at = self.fs.first_assign.get(&name).copied().unwrap_or(range);
                let shown = self
                    .fs
                    .aliases
                    .iter()
                    .find(|(_, f)| *f == name)
                    .map_or(name.clone(), |(p, _)| p.clone());
                self.error(
                    at,
                    format!(
                        "cannot infer the type of `{shown}` (`{}`): annotate it where it is first assigned, e.g. `{}`",
                        ty.py(),
                        Self::example_annotation(&shown, &ty)
                    ),
                );
            }
            out.push((name, ty));
        }
        out
    }

    /// An example annotation for a variable of (partly known) type `t`.
    pub(super) fn example_annotation(name: &str, t: &Ty) -> String {
        match t {
            Ty::Dict(..) => format!("{name}: Dict[str, int] = {{}}"),
            Ty::Set(_) => format!("{name}: Set[int] = set()"),
            Ty::Optional(_) => format!("{name}: Optional[int] = None"),
            Ty::List(_) => format!("{name}: List[int] = []"),
            _ => format!("{name}: int = ..."),
        }
    }

    /// Python scoping: every name assigned anywhere in the body is a local of the whole function.
    pub fn declare_locals(&mut self, body: &[AStmt]) {
        let mut names: Vec<(String, Option<&AExpr>, TextRange)> = Vec::new();
        collect_assigned(body, &mut names);
        for (name, ann, range) in names {
            if self.fs.params.contains(&name) {
                if ann.is_some() {
                    self.error(range, format!("parameter `{name}` cannot be re-annotated"));
                }
                continue;
            }
            match (self.fs.locals.get(&name).cloned(), ann) {
                (None, Some(a)) => {
                    let t = self.annotation(a);
                    self.add_local(&name, t);
                }
                (None, None) => {
                    let t = self.fresh();
                    self.add_local(&name, t);
                }
                (Some(old), Some(a)) => {
                    let t = self.annotation(a);
                    if !self.unify(&old, &t) {
                        self.error(
                            range,
                            format!("`{name}` is annotated with two different types"),
                        );
                    }
                }
                (Some(_), None) => {}
            }
        }
    }

    pub fn add_local(&mut self, name: &str, t: Ty) {
        if !self.fs.locals.contains_key(name) {
            self.fs.local_order.push(name.to_string());
        }
        self.fs.locals.insert(name.to_string(), t);
    }

    pub fn block(&mut self, body: &[AStmt]) -> Block {
        let mut out = Vec::new();
        let narrowed_before = self.fs.narrowed.len();
        for s in body {
            self.stmt(s, &mut out);
        }
        self.fs.narrowed.truncate(narrowed_before);
        out
    }

    pub(super) fn push(&self, out: &mut Block, kind: StmtKind, range: TextRange) {
        out.push(Stmt {
            kind,
            line: self.line(range),
        });
    }

    /// A condition: only truthiness matters, so `a and b` needs no common type.
    pub fn cond(&mut self, e: &AExpr) -> Expr {
        match e {
            AExpr::BoolOp(b) => {
                let and = matches!(b.op, ast::BoolOp::And);
                let mut parts = b.values.iter();
                let first = parts.next().map(|v| self.cond(v));
                let mut acc = first.unwrap_or_else(|| self.poison(e.range()));
                // `x is not None and x.f()`: narrowing flows left to right through `and`.
                let mark = self.fs.narrowed.len();
                for (i, v) in parts.enumerate() {
                    if and {
                        let (pos, _) = self.narrowing(&b.values[i]);
                        self.fs.narrowed.extend(pos);
                    }
                    let rhs = self.cond(v);
                    let line = acc.line;
                    acc = Expr {
                        kind: ExprKind::BoolOp {
                            and,
                            left: Box::new(acc),
                            right: Box::new(rhs),
                        },
                        ty: Ty::Bool,
                        line,
                    };
                }
                self.fs.narrowed.truncate(mark);
                acc
            }
            AExpr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                let c = self.cond(&u.operand);
                let line = c.line;
                Expr {
                    kind: ExprKind::Not(Box::new(c)),
                    ty: Ty::Bool,
                    line,
                }
            }
            _ => {
                let c = self.expr(e);
                self.truth(c)
            }
        }
    }

    pub(super) fn stmt(&mut self, s: &AStmt, out: &mut Block) {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            let r = s.range();
            match s {
            AStmt::Expr(e) => {
                if matches!(e.value.as_ref(), AExpr::StringLiteral(_)) {
                    return; // docstring
                }
                let x = self.expr(&e.value);
                self.push(out, StmtKind::Expr(x), r);
            }
            AStmt::Pass(_) => {}
            AStmt::Assign(a) => {
                let value = match a.targets.first().and_then(|t| self.expected_for_target(t)) {
                    Some(t) => self.expr_expecting(&a.value, &t),
                    None => self.expr(&a.value),
                };
                if a.targets.len() == 1 {
                    self.assign(&a.targets[0], value, out);
                } else {
                    let tmp = self.tmp("v");
                    let ty = value.ty.clone();
                    let line = value.line;
                    self.push(out, StmtKind::Let(tmp.clone(), value), r);
                    for t in &a.targets {
                        let v = Expr { kind: ExprKind::Local(tmp.clone()), ty: ty.clone(), line };
                        self.assign(t, v, out);
                    }
                }
            }
            AStmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let value = match self.expected_for_target(&a.target) {
                        Some(t) => self.expr_expecting(v, &t),
                        None => self.expr(v),
                    };
                    self.assign(&a.target, value, out);
                }
            }
            AStmt::AugAssign(a) => self.aug_assign(a, out),
            AStmt::Return(ret) => {
                let want = self.fs.ret.clone();
                let value = match &ret.value {
                    Some(v) => {
                        let e = self.expr_expecting(v, &want);
                        Some(self.coerce_store(e, &want, v.range(), "return value"))
                    }
                    None => {
                        if !matches!(self.resolve(&want), Ty::None | Ty::Optional(_)) {
                            self.error(r, format!("`return` without a value in a function annotated `-> {}`", want.py()));
                        }
                        if matches!(self.resolve(&want), Ty::Optional(_)) {
                            Some(Expr { kind: ExprKind::NoneLit, ty: want, line: self.line(r) })
                        } else {
                            None
                        }
                    }
                };
                self.push(out, StmtKind::Return(value), r);
            }
            AStmt::If(i) => self.if_stmt(i, out),
            AStmt::While(w) => {
                let c = self.cond(&w.test);
                let (pos, _) = self.narrowing(&w.test);
                let mark = self.fs.narrowed.len();
                self.fs.narrowed.extend(pos);
                self.fs.loop_depth += 1;
                let body = self.block(&w.body);
                self.fs.loop_depth -= 1;
                self.fs.narrowed.truncate(mark);
                let orelse = self.block(&w.orelse);
                self.push(out, StmtKind::While(c, body, orelse), r);
            }
            AStmt::For(f) => {
                if f.is_async {
                    self.error(r, "`async for` is not supported");
                }
                let (iter, elem) = self.for_iter(&f.iter);
                let target = self.target(&f.target, &elem, out);
                self.mark_loop_target(&target);
                self.fs.loop_depth += 1;
                let body = self.block(&f.body);
                self.fs.loop_depth -= 1;
                let orelse = self.block(&f.orelse);
                self.push(out, StmtKind::For(ForLoop { target, iter, body, orelse }), r);
            }
            AStmt::Break(_) | AStmt::Continue(_) => {
                if self.fs.loop_depth == 0 {
                    self.error(r, "`break`/`continue` outside a loop");
                }
                let k = if matches!(s, AStmt::Break(_)) { StmtKind::Break } else { StmtKind::Continue };
                self.push(out, k, r);
            }
            AStmt::Raise(rs) => {
                if rs.cause.is_some() {
                    self.error(r, "`raise ... from ...` is not supported: raise the exception alone");
                }
                let e = match &rs.exc {
                    None => {
                        if self.fs.handling.is_empty() {
                            self.error(r, "a bare `raise` is only allowed inside an `except` block");
                        }
                        None
                    }
                    Some(e) => Some(self.exception_value(e)),
                };
                self.push(out, StmtKind::Raise(e), r);
            }
            AStmt::Try(t) => self.try_stmt(t, out),
            AStmt::Assert(a) => {
                let c = self.cond(&a.test);
                let msg = a.msg.as_ref().map(|m| {
                    let e = self.expr(m);
                    self.str_of(e)
                });
                self.push(out, StmtKind::Assert(c, msg), r);
            }
            AStmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t, out);
                }
            }
            AStmt::FunctionDef(f) => self.nested_def(f, out),
            AStmt::ClassDef(_) => self.error(r, "classes must be defined at module level"),
            AStmt::Global(_) | AStmt::Nonlocal(_) => self.error(
                r,
                "`global`/`nonlocal` are not supported: module constants are read-only; keep state in an object or a container",
            ),
            AStmt::With(_) => self.error(r, "`with` is not supported"),
            AStmt::Match(_) => self.error(r, "`match` is not supported: use `if`/`elif`"),
            AStmt::Import(_) | AStmt::ImportFrom(_) => self.error(r, "imports must be at module level"),
            _ => self.error(r, "this statement is not supported"),
        }
        })
    }

    pub(super) fn if_stmt(&mut self, i: &ast::StmtIf, out: &mut Block) {
        let c = self.cond(&i.test);
        let (pos, neg) = self.narrowing(&i.test);
        let mark = self.fs.narrowed.len();
        self.fs.narrowed.extend(pos.iter().cloned());
        let body = self.block(&i.body);
        self.fs.narrowed.truncate(mark);
        // elif/else chain, built from the end.
        let mut orelse: Block = Vec::new();
        let mut chains: Vec<(Option<Expr>, Block, TextRange)> = Vec::new();
        self.fs.narrowed.extend(neg.iter().cloned());
        for clause in &i.elif_else_clauses {
            match &clause.test {
                Some(t) => {
                    let c = self.cond(t);
                    let (p, _) = self.narrowing(t);
                    let m = self.fs.narrowed.len();
                    self.fs.narrowed.extend(p);
                    let b = self.block(&clause.body);
                    self.fs.narrowed.truncate(m);
                    chains.push((Some(c), b, clause.range));
                }
                None => {
                    let b = self.block(&clause.body);
                    chains.push((None, b, clause.range));
                }
            }
        }
        self.fs.narrowed.truncate(mark);
        for (c, b, range) in chains.into_iter().rev() {
            orelse = match c {
                Some(c) => vec![Stmt {
                    kind: StmtKind::If(c, b, orelse),
                    line: self.line(range),
                }],
                None => b,
            };
        }
        self.push(out, StmtKind::If(c, body, orelse), i.range);
        // `if x is None: return` narrows x for the rest of the block.
        if i.elif_else_clauses.is_empty() && flow::always_exits(&i.body) {
            self.fs.narrowed.extend(neg);
        }
    }

    /// Locals that the test proves non-None when true / when false.
    pub fn narrowing(&self, test: &AExpr) -> (Vec<String>, Vec<String>) {
        let optional_local = |e: &AExpr| match e {
            AExpr::Name(n) => match self.fs.locals.get(n.id.as_str()).map(|t| self.resolve(t)) {
                Some(Ty::Optional(_)) => Some(n.id.to_string()),
                _ => None,
            },
            _ => None,
        };
        match test {
            AExpr::Compare(c)
                if c.ops.len() == 1 && matches!(c.comparators[0], AExpr::NoneLiteral(_)) =>
            {
                match (optional_local(&c.left), c.ops[0]) {
                    (Some(n), ast::CmpOp::IsNot) | (Some(n), ast::CmpOp::NotEq) => {
                        (vec![n], vec![])
                    }
                    (Some(n), ast::CmpOp::Is) | (Some(n), ast::CmpOp::Eq) => (vec![], vec![n]),
                    _ => (vec![], vec![]),
                }
            }
            AExpr::BoolOp(b) if matches!(b.op, ast::BoolOp::And) => {
                let mut pos = Vec::new();
                for v in &b.values {
                    pos.extend(self.narrowing(v).0);
                }
                (pos, vec![])
            }
            AExpr::Name(_) => match optional_local(test) {
                Some(n) => (vec![n], vec![]),
                None => (vec![], vec![]),
            },
            _ => (vec![], vec![]),
        }
    }

    /// `for` iteration source: a native range loop or any iterable.
    pub(super) fn for_iter(&mut self, it: &AExpr) -> (ForIter, Ty) {
        if let AExpr::Call(c) = it {
            if let AExpr::Name(n) = c.func.as_ref() {
                if n.id.as_str() == "range"
                    && !self.fs.locals.contains_key("range")
                    && c.arguments.keywords.is_empty()
                {
                    let args: Vec<Expr> = c
                        .arguments
                        .args
                        .iter()
                        .map(|a| {
                            let e = self.expr(a);
                            self.coerce(e, &Ty::Int, a.range(), "range() argument")
                        })
                        .collect();
                    let line = self.line(it.range());
                    let int = |v: i64| Expr {
                        kind: ExprKind::Int(v),
                        ty: Ty::Int,
                        line,
                    };
                    let mut a = args.into_iter();
                    let (start, stop, step) = match (a.next(), a.next(), a.next(), a.next()) {
                        (Some(stop), None, None, None) => (int(0), stop, int(1)),
                        (Some(start), Some(stop), None, None) => (start, stop, int(1)),
                        (Some(start), Some(stop), Some(step), None) => (start, stop, step),
                        _ => {
                            self.error(it.range(), "range() takes 1 to 3 arguments");
                            (int(0), int(0), int(1))
                        }
                    };
                    return (ForIter::Range(start, stop, step), Ty::Int);
                }
            }
        }
        let e = self.view_expr(it, super::access::ViewUse::Iterate);
        let elem = self.elem_type(&e.ty, it.range());
        let e = self.iterable_value(e, it.range());
        (ForIter::Iter(e, elem.clone()), elem)
    }
}

/// Names bound by assignments in a body (not inside nested functions), with annotations.
fn collect_assigned<'a>(body: &'a [AStmt], out: &mut Vec<(String, Option<&'a AExpr>, TextRange)>) {
    pub(super) fn targets<'a>(e: &'a AExpr, out: &mut Vec<(String, Option<&'a AExpr>, TextRange)>) {
        match e {
            AExpr::Name(n) => out.push((n.id.to_string(), None, n.range)),
            AExpr::Tuple(t) => t.elts.iter().for_each(|e| targets(e, out)),
            AExpr::List(t) => t.elts.iter().for_each(|e| targets(e, out)),
            AExpr::Starred(s) => targets(&s.value, out),
            _ => {}
        }
    }
    for s in body {
        match s {
            AStmt::Assign(a) => a.targets.iter().for_each(|t| targets(t, out)),
            AStmt::AnnAssign(a) => {
                if let AExpr::Name(n) = a.target.as_ref() {
                    out.push((n.id.to_string(), Some(&a.annotation), n.range));
                }
            }
            AStmt::AugAssign(a) => targets(&a.target, out),
            AStmt::For(f) => {
                targets(&f.target, out);
                collect_assigned(&f.body, out);
                collect_assigned(&f.orelse, out);
            }
            AStmt::While(w) => {
                collect_assigned(&w.body, out);
                collect_assigned(&w.orelse, out);
            }
            AStmt::If(i) => {
                collect_assigned(&i.body, out);
                for c in &i.elif_else_clauses {
                    collect_assigned(&c.body, out);
                }
            }
            AStmt::Try(t) => {
                collect_assigned(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_assigned(&h.body, out);
                }
                collect_assigned(&t.orelse, out);
                collect_assigned(&t.finalbody, out);
            }
            AStmt::FunctionDef(f) => out.push((f.name.id.to_string(), None, f.name.range)),
            _ => {}
        }
    }
}
