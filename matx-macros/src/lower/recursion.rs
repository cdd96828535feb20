//! Which script functions can recurse (call themselves through other script functions):
//! those count their depth in a parameter, for CPython's recursion limit without a
//! thread-local access on every call.

use crate::ir::{Child, ExprKind, Module};
use crate::{STACK_GROW, STACK_RED_ZONE};
use std::collections::{BTreeMap, BTreeSet};

/// For each recursive function, the set of functions of its cycle (its strongly connected
/// component in the call graph of module-level functions).
pub fn recursive_groups(m: &Module) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in m.funcs.iter().filter(|f| f.self_class.is_none()) {
        let mut calls = BTreeSet::new();
        visit(Child::Block(&f.body), &mut calls);
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

/// The script functions a node calls, anywhere inside it.
fn visit(c: Child<'_>, out: &mut BTreeSet<String>) {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || match c {
        Child::Expr(e) => {
            if let ExprKind::Call { func, .. } = &e.kind {
                out.insert(func.clone());
            }
            e.for_each_child(&mut |c| visit(c, out));
        }
        Child::Block(b) => b
            .iter()
            .for_each(|s| s.for_each_child(&mut |c| visit(c, out))),
        Child::Target(t) => t.for_each_child(&mut |c| visit(c, out)),
    })
}
