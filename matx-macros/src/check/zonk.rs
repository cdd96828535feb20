//! Replaces inference variables in the typed IR by the types learnt for them.

use super::Checker;
use crate::ir::{Block, Expr, ExprKind, FmtPart, ForIter, StmtKind, Target};
use crate::types::Ty;
use crate::{STACK_GROW, STACK_RED_ZONE};

impl Checker<'_> {
    pub fn zonk_block(&self, b: &mut Block) {
        for s in b {
            match &mut s.kind {
                StmtKind::Expr(e) | StmtKind::Let(_, e) => self.zonk_expr(e),
                StmtKind::Push(_, xs) => xs.iter_mut().for_each(|x| self.zonk_expr(x)),
                StmtKind::Assign(t, e) => {
                    self.zonk_target(t);
                    self.zonk_expr(e);
                }
                StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                    self.zonk_expr(c);
                    self.zonk_block(a);
                    self.zonk_block(b);
                }
                StmtKind::For(f) => {
                    self.zonk_target(&mut f.target);
                    match &mut f.iter {
                        ForIter::Range(a, b, c) => {
                            self.zonk_expr(a);
                            self.zonk_expr(b);
                            self.zonk_expr(c);
                        }
                        ForIter::Iter(e, t) => {
                            self.zonk_expr(e);
                            *t = self.resolve(t);
                        }
                    }
                    self.zonk_block(&mut f.body);
                    self.zonk_block(&mut f.orelse);
                }
                StmtKind::Return(e) | StmtKind::Raise(e) => {
                    if let Some(e) = e {
                        self.zonk_expr(e)
                    }
                }
                StmtKind::Try(t) => {
                    self.zonk_block(&mut t.body);
                    for h in &mut t.handlers {
                        self.zonk_block(&mut h.body);
                    }
                    self.zonk_block(&mut t.orelse);
                    self.zonk_block(&mut t.finalbody);
                }
                StmtKind::Assert(c, m) => {
                    self.zonk_expr(c);
                    if let Some(m) = m {
                        self.zonk_expr(m);
                    }
                }
                StmtKind::Break | StmtKind::Continue => {}
            }
        }
    }

    pub(super) fn zonk_target(&self, t: &mut Target) {
        match t {
            Target::Local(_) | Target::Discard => {}
            Target::Field { obj, .. } | Target::AnyAttr { obj, .. } => self.zonk_expr(obj),
            Target::Item { obj, index } => {
                self.zonk_expr(obj);
                self.zonk_expr(index);
            }
            Target::Slice {
                obj,
                lower,
                upper,
                step,
            } => {
                self.zonk_expr(obj);
                for e in [lower, upper, step].into_iter().flatten() {
                    self.zonk_expr(e);
                }
            }
            Target::Tuple(ts, tys) => {
                ts.iter_mut().for_each(|t| self.zonk_target(t));
                tys.iter_mut().for_each(|t| *t = self.resolve(t));
            }
            Target::Starred {
                before,
                star,
                after,
                elem,
            } => {
                before
                    .iter_mut()
                    .chain(after.iter_mut())
                    .for_each(|t| self.zonk_target(t));
                self.zonk_target(star);
                *elem = self.resolve(elem);
            }
            Target::ListUnpack(ts, elem) => {
                ts.iter_mut().for_each(|t| self.zonk_target(t));
                *elem = self.resolve(elem);
            }
        }
    }

    pub(super) fn zonk_parts(&self, parts: &mut [FmtPart]) {
        for p in parts {
            match p {
                FmtPart::Lit(_) => {}
                FmtPart::Str(e) | FmtPart::Repr(e) | FmtPart::Ascii(e) => self.zonk_expr(e),
                FmtPart::Spec(e, spec) => {
                    self.zonk_expr(e);
                    self.zonk_parts(spec);
                }
            }
        }
    }

    pub fn zonk_expr(&self, e: &mut Expr) {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || {
            e.ty = default_vars(self.resolve(&e.ty));
            match &mut e.kind {
                ExprKind::Int(_)
                | ExprKind::BigInt(_)
                | ExprKind::Float(_)
                | ExprKind::Bool(_)
                | ExprKind::NoneLit
                | ExprKind::Str(_)
                | ExprKind::Bytes(_)
                | ExprKind::Local(_)
                | ExprKind::Const(_) => {}
                ExprKind::Rt { recv, args, .. } => {
                    if let Some(r) = recv {
                        self.zonk_expr(r);
                    }
                    args.iter_mut().for_each(|a| self.zonk_expr(a));
                }
                ExprKind::Method { recv, args, .. } | ExprKind::Virtual { recv, args, .. } => {
                    self.zonk_expr(recv);
                    args.iter_mut().for_each(|a| self.zonk_expr(a));
                }
                ExprKind::CallValue { func, args } => {
                    self.zonk_expr(func);
                    args.iter_mut().for_each(|a| self.zonk_expr(a));
                }
                ExprKind::Call { args, .. } | ExprKind::New { args, .. } => {
                    args.iter_mut().for_each(|a| self.zonk_expr(a))
                }
                ExprKind::List(xs)
                | ExprKind::Set(xs)
                | ExprKind::Tuple(xs)
                | ExprKind::Prim(_, xs) => xs.iter_mut().for_each(|a| self.zonk_expr(a)),
                ExprKind::Dict(kv) => kv.iter_mut().for_each(|(k, v)| {
                    self.zonk_expr(k);
                    self.zonk_expr(v);
                }),
                ExprKind::Field { obj, .. } => self.zonk_expr(obj),
                ExprKind::TupleGet(x, _)
                | ExprKind::Not(x)
                | ExprKind::Truth(x)
                | ExprKind::Convert(_, x) => self.zonk_expr(x),
                ExprKind::IsInstance(x, _) => self.zonk_expr(x),
                ExprKind::Collect { body, .. } => self.zonk_block(body),
                ExprKind::Block(b, x) => {
                    self.zonk_block(b);
                    self.zonk_expr(x);
                }
                ExprKind::IfElse(c, a, b) => {
                    self.zonk_expr(c);
                    self.zonk_expr(a);
                    self.zonk_expr(b);
                }
                ExprKind::BoolOp { left, right, .. } => {
                    self.zonk_expr(left);
                    self.zonk_expr(right);
                }
                ExprKind::Lambda {
                    params,
                    ret,
                    body,
                    locals,
                    ..
                } => {
                    params.iter_mut().for_each(|(_, t)| *t = self.resolve(t));
                    locals.iter_mut().for_each(|(_, t)| *t = self.resolve(t));
                    *ret = self.resolve(ret);
                    self.zonk_block(body);
                }
                ExprKind::Format(parts) => self.zonk_parts(parts),
                ExprKind::FormatCall {
                    template,
                    args,
                    kwargs,
                    ..
                } => {
                    self.zonk_expr(template);
                    args.iter_mut().for_each(|a| self.zonk_expr(a));
                    kwargs.iter_mut().for_each(|(_, a)| self.zonk_expr(a));
                }
                ExprKind::MakeExc(_, a) => {
                    if let Some(a) = a {
                        self.zonk_expr(a);
                    }
                }
            }
        })
    }
}

/// Element types never learnt (`bool([])`, `print({})`) hold no values: `Any` is exact for them.
fn default_vars(t: Ty) -> Ty {
    match t {
        Ty::Var(_) => Ty::Any,
        Ty::List(e) => Ty::list(default_vars(*e)),
        Ty::Set(e) => Ty::set(default_vars(*e)),
        Ty::TupleN(e) => Ty::TupleN(Box::new(default_vars(*e))),
        Ty::Dict(k, v) => Ty::dict(default_vars(*k), default_vars(*v)),
        Ty::Tuple(ts) => Ty::Tuple(ts.into_iter().map(default_vars).collect()),
        Ty::Optional(e) => match default_vars(*e) {
            Ty::Any => Ty::Optional(Box::new(Ty::None)),
            e => Ty::Optional(Box::new(e)),
        },
        Ty::Func(a, r) => Ty::Func(
            a.into_iter().map(default_vars).collect(),
            Box::new(default_vars(*r)),
        ),
        other => other,
    }
}
