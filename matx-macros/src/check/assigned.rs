//! Definite assignment: which locals may be read before they are assigned on some path.
//! Those are stored as `Option` and read with a check that raises CPython's
//! `UnboundLocalError`, so no path reads an uninitialised Rust variable and no program is
//! rejected that CPython runs. The analysis is never more precise than Rust's own, so every
//! variable it calls assigned is one Rust accepts.

use crate::ir::{Block, Child, Expr, ExprKind, ForIter, StmtKind, Target};
use crate::{STACK_GROW, STACK_RED_ZONE};
use std::collections::BTreeSet;

type Set = BTreeSet<String>;

/// The flow state: `None` when the point is unreachable (after return/raise/break).
#[derive(Clone)]
struct State(Option<Set>);

impl State {
    fn has(&self, n: &str) -> bool {
        self.0.as_ref().is_none_or(|s| s.contains(n))
    }
    fn add(&mut self, n: &str) {
        if let Some(s) = &mut self.0 {
            s.insert(n.to_string());
        }
    }
    fn meet(a: &State, b: &State) -> State {
        match (&a.0, &b.0) {
            (None, _) => b.clone(),
            (_, None) => a.clone(),
            (Some(x), Some(y)) => State(Some(x.intersection(y).cloned().collect())),
        }
    }
    fn dead() -> State {
        State(None)
    }
}

struct Analysis<'a> {
    /// The locals under analysis (parameters and temporaries are always assigned).
    locals: &'a BTreeSet<String>,
    maybe: BTreeSet<String>,
    /// Per enclosing loop: the states at its `break`s.
    breaks: Vec<Vec<State>>,
}

/// Locals of a function body that some path may read before assigning.
pub fn maybe_unbound(locals: &[(String, crate::types::Ty)], body: &Block) -> Vec<String> {
    let names: BTreeSet<String> = locals.iter().map(|(n, _)| n.clone()).collect();
    let mut a = Analysis {
        locals: &names,
        maybe: BTreeSet::new(),
        breaks: Vec::new(),
    };
    let mut st = State(Some(Set::new()));
    a.block(body, &mut st);
    a.maybe.into_iter().collect()
}

impl Analysis<'_> {
    fn read(&mut self, n: &str, st: &State) {
        if self.locals.contains(n) && !st.has(n) {
            self.maybe.insert(n.to_string());
        }
    }

    fn block(&mut self, b: &Block, st: &mut State) {
        for s in b {
            self.stmt(&s.kind, st);
        }
    }

    fn target(&mut self, t: &Target, st: &mut State) {
        match t {
            Target::Local(n) => st.add(n),
            _ => t.for_each_child(&mut |c| self.child(c, st)),
        }
    }

    fn child(&mut self, c: Child<'_>, st: &mut State) {
        match c {
            Child::Expr(e) => self.expr(e, st),
            Child::Block(b) => self.block(b, st),
            Child::Target(t) => self.target(t, st),
        }
    }

    fn is_true(e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Bool(true))
    }

    /// A loop: the body may run zero times, so only what held before (and the `else`
    /// path) holds after, met with every `break`.
    fn looped(
        &mut self,
        st: &mut State,
        infinite: bool,
        body: impl FnOnce(&mut Self, &mut State),
        orelse: &Block,
    ) {
        self.breaks.push(Vec::new());
        let mut inner = st.clone();
        body(self, &mut inner);
        let brks = self.breaks.pop().unwrap_or_default();
        let mut after = if infinite {
            State::dead()
        } else {
            let mut e = st.clone();
            self.block(orelse, &mut e);
            e
        };
        for b in &brks {
            after = State::meet(&after, b);
        }
        *st = after;
    }

    fn stmt(&mut self, s: &StmtKind, st: &mut State) {
        match s {
            StmtKind::Expr(e) | StmtKind::Let(_, e) => self.expr(e, st),
            StmtKind::Push(_, xs) => xs.iter().for_each(|x| self.expr(x, st)),
            StmtKind::Assign(t, v) => {
                self.expr(v, st);
                self.target(t, st);
            }
            StmtKind::If(c, a, b) => {
                self.expr(c, st);
                let (mut x, mut y) = (st.clone(), st.clone());
                self.block(a, &mut x);
                self.block(b, &mut y);
                *st = State::meet(&x, &y);
            }
            StmtKind::While(c, body, orelse) => {
                self.expr(c, st);
                let infinite = Self::is_true(c);
                self.looped(st, infinite, |a, s| a.block(body, s), orelse);
            }
            StmtKind::For(f) => {
                match &f.iter {
                    ForIter::Range(a, b, c) => {
                        self.expr(a, st);
                        self.expr(b, st);
                        self.expr(c, st);
                    }
                    ForIter::Iter(e, _) => self.expr(e, st),
                }
                self.looped(
                    st,
                    false,
                    |a, s| {
                        a.target(&f.target, s);
                        a.block(&f.body, s);
                    },
                    &f.orelse,
                );
            }
            StmtKind::Break => {
                if let Some(b) = self.breaks.last_mut() {
                    b.push(st.clone());
                }
                *st = State::dead();
            }
            StmtKind::Continue => *st = State::dead(),
            StmtKind::Return(e) | StmtKind::Raise(e) => {
                if let Some(e) = e {
                    self.expr(e, st);
                }
                *st = State::dead();
            }
            StmtKind::Assert(c, m) => {
                self.expr(c, st);
                if let Some(m) = m {
                    let mut s2 = st.clone();
                    self.expr(m, &mut s2);
                }
            }
            StmtKind::Try(t) => {
                let before = st.clone();
                let mut body = st.clone();
                self.block(&t.body, &mut body);
                self.block(&t.orelse, &mut body);
                let mut after = body;
                for h in &t.handlers {
                    // A handler may start after any part of the body failed.
                    let mut hs = before.clone();
                    if let Some(n) = &h.name {
                        hs.add(n);
                    }
                    self.block(&h.body, &mut hs);
                    after = State::meet(&after, &hs);
                }
                if !t.finalbody.is_empty() {
                    // `finally` may run after any failure: only `before` is certain there.
                    let mut fs = State::meet(&before, &after);
                    self.block(&t.finalbody, &mut fs);
                    // On the normal path it runs after `after`.
                    let mut normal = after;
                    let mut probe = Analysis {
                        locals: self.locals,
                        maybe: BTreeSet::new(),
                        breaks: vec![],
                    };
                    probe.block(&t.finalbody, &mut normal);
                    after = normal;
                }
                *st = after;
            }
        }
    }

    fn expr(&mut self, e: &Expr, st: &mut State) {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || match &e.kind {
            ExprKind::Local(n) => self.read(n, st),
            ExprKind::Collect { body, .. } => {
                // Runs zero or more times: nothing it assigns is certain afterwards.
                let mut inner = st.clone();
                self.block(body, &mut inner);
            }
            ExprKind::IfElse(c, a, b) => {
                self.expr(c, st);
                let (mut x, mut y) = (st.clone(), st.clone());
                self.expr(a, &mut x);
                self.expr(b, &mut y);
                *st = State::meet(&x, &y);
            }
            ExprKind::BoolOp { left, right, .. } => {
                self.expr(left, st);
                // The right operand may not run.
                let mut r = st.clone();
                self.expr(right, &mut r);
            }
            ExprKind::Lambda { captures, .. } => {
                // Captured values are copied when the closure is made.
                for c in captures {
                    self.read(c, st);
                }
            }
            _ => e.for_each_child(&mut |c| self.child(c, st)),
        })
    }
}
