//! Which script functions can recurse (call themselves through other script functions):
//! those count their depth in a parameter, for CPython's recursion limit without a
//! thread-local access on every call.

use crate::ir::{Block, Expr, ExprKind, FmtPart, ForIter, Module, StmtKind, Target};
use crate::{STACK_GROW, STACK_RED_ZONE};
use std::collections::{BTreeMap, BTreeSet};

/// For each recursive function, the set of functions of its cycle (its strongly connected
/// component in the call graph of module-level functions).
pub fn recursive_groups(m: &Module) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in m.funcs.iter().filter(|f| f.self_class.is_none()) {
        let mut calls = BTreeSet::new();
        block(&f.body, &mut calls);
        graph.insert(f.rust_name.clone(), calls);
    }
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<String> = graph
            .get(from)
            .map(|c| c.iter().cloned().collect())
            .unwrap_or_default();
        while let Some(n) = stack.pop() {
            if seen.insert(n.clone()) {
                if let Some(c) = graph.get(&n) {
                    stack.extend(c.iter().cloned());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<String, BTreeSet<String>> =
        graph.keys().map(|f| (f.clone(), reach(f))).collect();
    let mut out = BTreeMap::new();
    for (f, r) in &reaches {
        if r.contains(f) {
            let group: BTreeSet<String> = r
                .iter()
                .filter(|g| reaches.get(*g).is_some_and(|rg| rg.contains(f)))
                .cloned()
                .collect();
            out.insert(f.clone(), group);
        }
    }
    out
}

fn block(b: &Block, out: &mut BTreeSet<String>) {
    for s in b {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Let(_, e) => expr(e, out),
            StmtKind::Push(_, xs) => xs.iter().for_each(|x| expr(x, out)),
            StmtKind::Assign(t, e) => {
                target(t, out);
                expr(e, out);
            }
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                expr(c, out);
                block(a, out);
                block(b, out);
            }
            StmtKind::For(f) => {
                target(&f.target, out);
                match &f.iter {
                    ForIter::Range(a, b, c) => [a, b, c].into_iter().for_each(|e| expr(e, out)),
                    ForIter::Iter(e, _) => expr(e, out),
                }
                block(&f.body, out);
                block(&f.orelse, out);
            }
            StmtKind::Return(e) | StmtKind::Raise(e) => e.iter().for_each(|e| expr(e, out)),
            StmtKind::Try(t) => {
                block(&t.body, out);
                t.handlers.iter().for_each(|h| block(&h.body, out));
                block(&t.orelse, out);
                block(&t.finalbody, out);
            }
            StmtKind::Assert(c, m) => {
                expr(c, out);
                m.iter().for_each(|m| expr(m, out));
            }
            StmtKind::Break | StmtKind::Continue => {}
        }
    }
}

fn target(t: &Target, out: &mut BTreeSet<String>) {
    match t {
        Target::Local(_) | Target::Discard => {}
        Target::Field { obj, .. } => expr(obj, out),
        Target::Item { obj, index } => {
            expr(obj, out);
            expr(index, out);
        }
        Target::Slice {
            obj,
            lower,
            upper,
            step,
        } => {
            expr(obj, out);
            [lower, upper, step]
                .into_iter()
                .flatten()
                .for_each(|e| expr(e, out));
        }
        Target::Tuple(ts, _) | Target::ListUnpack(ts, _) => ts.iter().for_each(|t| target(t, out)),
        Target::Starred {
            before,
            star,
            after,
            ..
        } => {
            before
                .iter()
                .chain(after.iter())
                .for_each(|t| target(t, out));
            target(star, out);
        }
    }
}

fn expr(e: &Expr, out: &mut BTreeSet<String>) {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
        match &e.kind {
            ExprKind::Call { func, args } => {
                out.insert(func.clone());
                args.iter().for_each(|a| expr(a, out));
            }
            ExprKind::Rt { recv, args, .. } => {
                recv.iter().for_each(|r| expr(r, out));
                args.iter().for_each(|a| expr(a, out));
            }
            ExprKind::Method { recv, args, .. } | ExprKind::Virtual { recv, args, .. } => {
                expr(recv, out);
                args.iter().for_each(|a| expr(a, out));
            }
            ExprKind::CallValue { func, args } => {
                expr(func, out);
                args.iter().for_each(|a| expr(a, out));
            }
            ExprKind::New { args, .. }
            | ExprKind::List(args)
            | ExprKind::Set(args)
            | ExprKind::Tuple(args)
            | ExprKind::Prim(_, args) => args.iter().for_each(|a| expr(a, out)),
            ExprKind::Dict(kv) => kv.iter().for_each(|(k, v)| {
                expr(k, out);
                expr(v, out);
            }),
            ExprKind::Field { obj: x, .. }
            | ExprKind::TupleGet(x, _)
            | ExprKind::Not(x)
            | ExprKind::Truth(x)
            | ExprKind::Convert(_, x)
            | ExprKind::IsInstance(x, _) => expr(x, out),
            ExprKind::Block(b, v) => {
                block(b, out);
                expr(v, out);
            }
            ExprKind::Collect { body, .. } => block(body, out),
            ExprKind::IfElse(c, a, b) => [c, a, b].into_iter().for_each(|e| expr(e, out)),
            ExprKind::BoolOp { left, right, .. } => {
                expr(left, out);
                expr(right, out);
            }
            // A closure's calls happen when it is called, possibly from within the function.
            ExprKind::Lambda { body, .. } => block(body, out),
            ExprKind::Format(parts) => parts_of(parts, out),
            ExprKind::FormatCall {
                template,
                args,
                kwargs,
                ..
            } => {
                expr(template, out);
                args.iter().for_each(|a| expr(a, out));
                kwargs.iter().for_each(|(_, a)| expr(a, out));
            }
            ExprKind::MakeExc(_, a) => a.iter().for_each(|a| expr(a, out)),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Local(_)
            | ExprKind::Const(_) => {}
        }
    })
}

fn parts_of(parts: &[FmtPart], out: &mut BTreeSet<String>) {
    for p in parts {
        match p {
            FmtPart::Lit(_) => {}
            FmtPart::Str(e) | FmtPart::Repr(e) | FmtPart::Ascii(e) => expr(e, out),
            FmtPart::Spec(e, spec) => {
                expr(e, out);
                parts_of(spec, out);
            }
        }
    }
}
