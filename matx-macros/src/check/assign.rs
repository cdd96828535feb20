//! Assignment: targets (names, fields, items, slices, unpacking), augmented assignment, `del`.

use super::Checker;
use crate::ir::{self, Block, Callee, Expr, ExprKind, RtFn, Stmt, StmtKind, Target};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::{Ranged, TextRange};

impl Checker<'_> {
    /// Assigns `value` to an assignment target.
    pub fn assign(&mut self, target: &AExpr, value: Expr, out: &mut Block) {
        let r = target.range();
        match target {
            AExpr::Name(_) | AExpr::Attribute(_) | AExpr::Subscript(_) => {
                let t = self.target(target, &value.ty.clone(), out);
                let value = self.coerce_to_target(&t, value, r);
                self.push(out, StmtKind::Assign(t, value), r);
            }
            AExpr::Tuple(_) | AExpr::List(_) => {
                // Unpacking any other iterable goes through a list of its elements.
                let starred = match target {
                    AExpr::Tuple(t) => t.elts.iter().any(|e| matches!(e, AExpr::Starred(_))),
                    AExpr::List(t) => t.elts.iter().any(|e| matches!(e, AExpr::Starred(_))),
                    _ => false,
                };
                let value = match self.resolve(&value.ty) {
                    Ty::Tuple(_) if starred => self.list_arg(value, r),
                    Ty::Tuple(_) | Ty::List(_) | Ty::Var(_) => value,
                    _ => self.list_arg(value, r),
                };
                let ty = value.ty.clone();
                let t = self.target(target, &ty, out);
                self.push(out, StmtKind::Assign(t, value), r);
            }
            _ => {
                self.error(r, "cannot assign to this expression");
            }
        }
    }

    pub(super) fn coerce_to_target(&mut self, t: &Target, value: Expr, r: TextRange) -> Expr {
        let want = match t {
            Target::Local(n) => self.fs.locals.get(n).cloned(),
            Target::Field { owner, field, .. } => self.field_ty(owner, field),
            Target::Item { obj, .. } => match self.resolve(&obj.ty) {
                Ty::List(e) => Some(*e),
                Ty::Dict(_, v) => Some(*v),
                _ => None,
            },
            Target::Slice { obj, .. } => Some(self.resolve(&obj.ty)),
            Target::AnyAttr { .. } => Some(Ty::Any),
            _ => None,
        };
        match want {
            Some(w) => self.coerce_store(value, &w, r, "assigned value"),
            None => value,
        }
    }

    /// The type a target already has, known before its value is checked (for lambdas and displays).
    pub(super) fn expected_for_target(&self, t: &AExpr) -> Option<Ty> {
        let t = match t {
            AExpr::Name(n) => self
                .fs
                .locals
                .get(&self.renamed(n.id.as_str()))
                .map(|t| self.resolve(t))?,
            AExpr::Attribute(a) => {
                let AExpr::Name(n) = a.value.as_ref() else {
                    return None;
                };
                let Ty::Class(c) = self.fs.locals.get(n.id.as_str()).map(|t| self.resolve(t))?
                else {
                    return None;
                };
                let owner = self.field_owner(&c, a.attr.id.as_str())?;
                self.field_ty(&owner, a.attr.id.as_str())?
            }
            _ => return None,
        };
        if self.has_var(&t) {
            None
        } else {
            Some(t)
        }
    }

    /// Builds an assignment target for a value of type `ty`. For names, marks assignment and drops narrowing.
    #[allow(clippy::only_used_in_recursion)]
    pub fn target(&mut self, target: &AExpr, ty: &Ty, out: &mut Block) -> Target {
        let r = target.range();
        match target {
            AExpr::Name(n) => {
                let name = self.renamed(n.id.as_str());
                if !self.fs.locals.contains_key(&name) {
                    if self.fs.outer.contains_key(&name) {
                        self.error(r, format!("`{name}` belongs to the enclosing function: a nested function may read it but not assign it"));
                    } else {
                        self.add_local(&name, ty.clone());
                    }
                }
                *self.fs.assign_count.entry(name.clone()).or_default() += 1;
                self.fs.first_assign.entry(name.clone()).or_insert(r);
                self.fs.narrowed.retain(|x| x != &name);
                if let Some(lt) = self.fs.locals.get(&name).cloned() {
                    // Unify element types learnt from the value (e.g. `x = []` then `x = [1]`).
                    let rt = self.resolve(ty);
                    let lt2 = self.resolve(&lt);
                    if matches!(lt2, Ty::Var(_)) && !matches!(rt, Ty::Var(_)) {
                        self.unify(&lt, &rt);
                    }
                }
                Target::Local(name)
            }
            AExpr::Attribute(a) => {
                let obj = self.expr(&a.value);
                match self.resolve(&obj.ty) {
                    Ty::Class(c) => {
                        let field = a.attr.id.to_string();
                        match self.field_owner(&c, &field) {
                            Some(owner) => Target::Field { obj, owner, field },
                            None => {
                                self.error(
                                    a.attr.range,
                                    format!("class `{c}` has no field `{field}`: declare it in the class body, e.g. `{field}: int`"),
                                );
                                Target::Discard
                            }
                        }
                    }
                    Ty::Any => Target::AnyAttr {
                        obj,
                        name: a.attr.id.to_string(),
                    },
                    other => {
                        self.error(
                            r,
                            format!("cannot set attribute `{}` on a `{}`", a.attr.id, other.py()),
                        );
                        Target::Discard
                    }
                }
            }
            AExpr::Subscript(s) => {
                let obj = self.expr(&s.value);
                let ot = self.resolve(&obj.ty);
                if let AExpr::Slice(sl) = s.slice.as_ref() {
                    if !matches!(ot, Ty::List(_)) {
                        self.error(
                            r,
                            format!("slice assignment needs a list, not `{}`", ot.py()),
                        );
                    }
                    let mut b = |e: &Option<Box<AExpr>>| {
                        e.as_ref().map(|x| {
                            let v = self.expr(x);
                            self.coerce(v, &Ty::Int, x.range(), "slice index")
                        })
                    };
                    let (lower, upper, step) = (b(&sl.lower), b(&sl.upper), b(&sl.step));
                    return Target::Slice {
                        obj,
                        lower,
                        upper,
                        step,
                    };
                }
                let idx = self.expr(&s.slice);
                match ot {
                    Ty::List(_) => {
                        let index = self.coerce(idx, &Ty::Int, s.slice.range(), "list index");
                        Target::Item { obj, index }
                    }
                    Ty::Dict(k, _) => {
                        let index = self.coerce_store(idx, &k, s.slice.range(), "dict key");
                        Target::Item { obj, index }
                    }
                    Ty::Class(c) => {
                        // obj[i] = v through __setitem__: lowered as a statement call.
                        self.error(
                            r,
                            format!("item assignment on `{c}` objects is not supported"),
                        );
                        Target::Discard
                    }
                    other => {
                        self.error(
                            r,
                            format!("`{}` does not support item assignment", other.py()),
                        );
                        Target::Discard
                    }
                }
            }
            AExpr::Tuple(ast::ExprTuple { elts, .. }) | AExpr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, AExpr::Starred(_)));
                match (self.resolve(ty), star) {
                    (Ty::Tuple(ts), None) => {
                        if ts.len() != elts.len() {
                            self.error(
                                r,
                                format!(
                                    "cannot unpack a tuple of {} values into {} targets",
                                    ts.len(),
                                    elts.len()
                                ),
                            );
                            return Target::Discard;
                        }
                        let targets = elts
                            .iter()
                            .zip(&ts)
                            .map(|(e, t)| self.target(e, t, out))
                            .collect();
                        Target::Tuple(targets, ts)
                    }
                    (Ty::List(el), None) => {
                        let targets = elts.iter().map(|e| self.target(e, &el, out)).collect();
                        Target::ListUnpack(targets, *el)
                    }
                    (Ty::List(el), Some(i)) => {
                        let before = elts[..i].iter().map(|e| self.target(e, &el, out)).collect();
                        let after = elts[i + 1..]
                            .iter()
                            .map(|e| self.target(e, &el, out))
                            .collect();
                        let star_t = match &elts[i] {
                            AExpr::Starred(s) => {
                                self.target(&s.value, &Ty::list((*el).clone()), out)
                            }
                            _ => Target::Discard,
                        };
                        Target::Starred {
                            before,
                            star: Box::new(star_t),
                            after,
                            elem: *el,
                        }
                    }
                    (Ty::Var(_), _) => {
                        self.error(r, "cannot unpack a value of unknown type: annotate it");
                        Target::Discard
                    }
                    (other, _) => {
                        self.error(
                            r,
                            format!(
                                "cannot unpack a `{}` here (starred unpacking needs a list)",
                                other.py()
                            ),
                        );
                        Target::Discard
                    }
                }
            }
            _ => {
                self.error(r, "cannot assign to this expression");
                Target::Discard
            }
        }
    }

    pub(super) fn aug_assign(&mut self, a: &ast::StmtAugAssign, out: &mut Block) {
        let r = a.range;
        match a.target.as_ref() {
            AExpr::Name(_) => {
                let cur = self.expr(&a.target);
                let rhs = self.expr(&a.value);
                let v = if matches!(self.resolve(&cur.ty), Ty::List(_))
                    && matches!(a.op, ast::Operator::Add)
                {
                    // list += iterable extends in place (aliases see it).
                    let rhs = self.list_arg(rhs, a.value.range());
                    let line = cur.line;
                    let ty = cur.ty.clone();
                    let ext = Expr {
                        kind: ExprKind::Method {
                            recv: Box::new(cur.clone()),
                            name: "extend".into(),
                            args: vec![rhs],
                            fallible: true,
                        },
                        ty: Ty::None,
                        line,
                    };
                    Expr {
                        kind: ExprKind::Block(
                            vec![Stmt {
                                kind: StmtKind::Expr(ext),
                                line,
                            }],
                            Box::new(cur),
                        ),
                        ty,
                        line,
                    }
                } else {
                    self.binop(a.op, cur, rhs, r)
                };
                self.assign(&a.target, v, out);
            }
            AExpr::Attribute(at) => {
                let obj = self.expr(&at.value);
                let tmp = self.tmp("o");
                let ty = obj.ty.clone();
                let line = obj.line;
                self.push(out, StmtKind::Let(tmp.clone(), obj), r);
                let objv = Expr {
                    kind: ExprKind::Local(tmp.clone()),
                    ty,
                    line,
                };
                let cur = self.attribute_of(objv.clone(), &at.attr, at.range);
                let rhs = self.expr(&a.value);
                let v = self.binop(a.op, cur, rhs, r);
                if let Ty::Class(c) = self.resolve(&objv.ty) {
                    let field = at.attr.id.to_string();
                    if let Some(owner) = self.field_owner(&c, &field) {
                        let t = Target::Field {
                            obj: objv,
                            owner,
                            field,
                        };
                        let v = self.coerce_to_target(&t, v, r);
                        self.push(out, StmtKind::Assign(t, v), r);
                        return;
                    }
                }
                self.error(r, "augmented assignment needs a field of a class object");
            }
            AExpr::Subscript(s) => {
                let obj = self.expr(&s.value);
                let idx = self.expr(&s.slice);
                let (to, ti) = (self.tmp("o"), self.tmp("i"));
                let (oty, ity, line) = (obj.ty.clone(), idx.ty.clone(), obj.line);
                self.push(out, StmtKind::Let(to.clone(), obj), r);
                self.push(out, StmtKind::Let(ti.clone(), idx), r);
                let objv = Expr {
                    kind: ExprKind::Local(to),
                    ty: oty,
                    line,
                };
                let idxv = Expr {
                    kind: ExprKind::Local(ti),
                    ty: ity,
                    line,
                };
                let cur = self.subscript_of(objv.clone(), idxv.clone(), s.range);
                let rhs = self.expr(&a.value);
                let v = self.binop(a.op, cur, rhs, r);
                let index = match self.resolve(&objv.ty) {
                    Ty::List(_) => self.coerce(idxv, &Ty::Int, r, "list index"),
                    Ty::Dict(k, _) => self.coerce(idxv, &k, r, "dict key"),
                    other => {
                        self.error(
                            r,
                            format!("`{}` does not support item assignment", other.py()),
                        );
                        return;
                    }
                };
                let t = Target::Item { obj: objv, index };
                let v = self.coerce_to_target(&t, v, r);
                self.push(out, StmtKind::Assign(t, v), r);
            }
            _ => self.error(r, "cannot assign to this expression"),
        }
    }

    pub(super) fn delete(&mut self, t: &AExpr, out: &mut Block) {
        let r = t.range();
        match t {
            AExpr::Subscript(s) => {
                let obj = self.expr(&s.value);
                let line = obj.line;
                let call = match (self.resolve(&obj.ty), s.slice.as_ref()) {
                    (Ty::List(_), AExpr::Slice(sl)) => {
                        let mut b = |e: &Option<Box<AExpr>>| {
                            let v = e.as_ref().map(|x| {
                                let v = self.expr(x);
                                self.coerce(v, &Ty::Int, x.range(), "slice index")
                            });
                            self.opt_int(v, line)
                        };
                        let args = vec![b(&sl.lower), b(&sl.upper), b(&sl.step)];
                        ExprKind::Rt { func: Callee::Fn(RtFn::DelSlice), recv: Some(Box::new(obj)), args, fallible: true }
                    }
                    (Ty::List(_), _) => {
                        let i = self.expr(&s.slice);
                        let i = self.coerce(i, &Ty::Int, s.slice.range(), "list index");
                        ExprKind::Rt { func: Callee::Fn(RtFn::DelItem), recv: Some(Box::new(obj)), args: vec![i], fallible: true }
                    }
                    (Ty::Dict(k, _), _) => {
                        let i = self.expr(&s.slice);
                        let i = self.coerce(i, &k, s.slice.range(), "dict key");
                        ExprKind::Rt { func: Callee::Fn(RtFn::DelItem), recv: Some(Box::new(obj)), args: vec![i], fallible: true }
                    }
                    (other, _) => {
                        self.error(r, format!("`del` is not supported on `{}` items", other.py()));
                        return;
                    }
                };
                let e = Expr { kind: call, ty: Ty::None, line };
                self.push(out, StmtKind::Expr(e), r);
            }
            AExpr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete(e, out);
                }
            }
            _ => self.error(r, "`del` is supported on list items, list slices and dict keys; to forget a variable, reassign it"),
        }
    }

    /// `Some(i)`/`None` for optional slice bounds.
    pub fn opt_int(&mut self, v: Option<Expr>, line: u32) -> Expr {
        let ty = Ty::optional(Ty::Int);
        match v {
            Some(e) if matches!(self.resolve(&e.ty), Ty::Optional(_)) => e,
            Some(e) => Expr {
                kind: ExprKind::Convert(ir::Conv::Some, Box::new(e)),
                ty,
                line,
            },
            None => Expr {
                kind: ExprKind::NoneLit,
                ty,
                line,
            },
        }
    }

    /// A loop target is assigned once per iteration.
    pub fn mark_loop_target(&mut self, t: &Target) {
        match t {
            Target::Local(n) => *self.fs.assign_count.entry(n.clone()).or_default() += 2,
            Target::Tuple(ts, _) | Target::ListUnpack(ts, _) => {
                ts.iter().for_each(|t| self.mark_loop_target(t))
            }
            Target::Starred {
                before,
                star,
                after,
                ..
            } => {
                before
                    .iter()
                    .chain(after.iter())
                    .for_each(|t| self.mark_loop_target(t));
                self.mark_loop_target(star);
            }
            _ => {}
        }
    }
}
