//! Comprehensions (list, set, dict, generator arguments): their variables live in their own scope, the result is built in a private vector.

use super::Checker;
use crate::ir::{Expr, ExprKind, ForIter, ForLoop, Stmt, StmtKind, Target};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    pub(super) fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &AExpr,
        value: Option<&AExpr>,
        gens: &[ast::Comprehension],
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        let acc = self.tmp("acc");
        // Comprehension variables live in their own scope: rename them apart.
        let saved_aliases = self.fs.aliases.len();
        let saved_narrowed = self.fs.narrowed.clone();
        let mut loops: Vec<(Target, ForIter, Vec<Expr>)> = Vec::new();
        let mut renames: Vec<(String, String)> = Vec::new();
        for g in gens {
            if g.is_async {
                self.error(g.range, "async comprehensions are not supported");
            }
            let it = self.view_expr(&g.iter, super::access::ViewUse::Iterate);
            let el = self.elem_type(&it.ty, g.iter.range());
            let it = self.iterable_value(it, g.iter.range());
            let target = self.comp_target(&g.target, &el, &mut renames);
            self.mark_loop_target(&target);
            let conds = g
                .ifs
                .iter()
                .map(|c| {
                    let e = self.expr(c);
                    self.truth(e)
                })
                .collect();
            loops.push((target, ForIter::Iter(it, el), conds));
        }
        let (elem_ty, values) = match kind {
            CompKind::List | CompKind::Set => {
                let v = self.expr(elt);
                let t = v.ty.clone();
                let acc_ty = if kind == CompKind::List {
                    Ty::list(t)
                } else {
                    Ty::set(t)
                };
                (acc_ty, vec![v])
            }
            CompKind::Dict => {
                let k = self.expr(elt);
                let v = match value {
                    Some(v) => self.expr(v),
                    None => self.poison(r),
                };
                let acc_ty = Ty::dict(k.ty.clone(), v.ty.clone());
                self.check_key_type(&k.ty, r);
                (acc_ty, vec![k, v])
            }
        };
        // Restore the enclosing scope's view of names (renamed locals stay declared).
        self.fs.aliases.truncate(saved_aliases);
        self.fs.narrowed = saved_narrowed;
        let _ = renames;
        // The result is built in a private vector: no one can see it before it is complete.
        let mut body = vec![Stmt {
            kind: StmtKind::Push(acc.clone(), values),
            line,
        }];
        for (target, iter, conds) in loops.into_iter().rev() {
            for c in conds.into_iter().rev() {
                body = vec![Stmt {
                    kind: StmtKind::If(c, body, vec![]),
                    line,
                }];
            }
            body = vec![Stmt {
                kind: StmtKind::For(ForLoop {
                    target,
                    iter,
                    body,
                    orelse: vec![],
                }),
                line,
            }];
        }
        Expr {
            kind: ExprKind::Collect { acc, body },
            ty: elem_ty,
            line,
        }
    }

    /// A comprehension target: names become fresh function locals visible under their Python names.
    pub(super) fn comp_target(
        &mut self,
        t: &AExpr,
        el: &Ty,
        renames: &mut Vec<(String, String)>,
    ) -> Target {
        match t {
            AExpr::Name(n) => {
                let fresh = self.tmp(&format!("c_{}_", n.id));
                self.add_local(&fresh, el.clone());
                // Reads of the Python name inside the comprehension go to the fresh local.
                renames.push((n.id.to_string(), fresh.clone()));
                self.comp_alias(n.id.as_str(), &fresh);
                Target::Local(fresh)
            }
            AExpr::Tuple(tu) => match self.resolve(el) {
                Ty::Tuple(ts) if ts.len() == tu.elts.len() => {
                    let targets = tu
                        .elts
                        .iter()
                        .zip(&ts)
                        .map(|(e, t)| self.comp_target(e, t, renames))
                        .collect();
                    Target::Tuple(targets, ts)
                }
                t @ (Ty::Any | Ty::List(_)) => {
                    let inner = match &t {
                        Ty::List(e) => (**e).clone(),
                        _ => Ty::Any,
                    };
                    let targets = tu
                        .elts
                        .iter()
                        .map(|e| self.comp_target(e, &inner, renames))
                        .collect();
                    Target::ListUnpack(targets, inner)
                }
                other => {
                    self.error(
                        t.range(),
                        format!(
                            "cannot unpack `{}` into {} names",
                            other.py(),
                            tu.elts.len()
                        ),
                    );
                    Target::Discard
                }
            },
            _ => {
                self.error(t.range(), "unsupported comprehension target");
                Target::Discard
            }
        }
    }

    pub(super) fn comp_alias(&mut self, name: &str, fresh: &str) {
        self.fs.aliases.push((name.to_string(), fresh.to_string()));
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum CompKind {
    List,
    Set,
    Dict,
}
