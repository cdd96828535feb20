//! The typed IR: what the checker produces and the lowering reads. Every
//! expression carries its resolved type; every call names the Rust function
//! it becomes, so lowering never asks "what type is this" again.

pub use crate::lower::RtFn;
use crate::types::Ty;

/// A checked script.
#[derive(Default)]
pub struct Module {
    pub consts: Vec<ConstDef>,
    pub funcs: Vec<FuncDef>,
    pub classes: Vec<ClassDef>,
    pub exc_classes: Vec<ExcClassDef>,
    /// Rust paths of the ops the script was given (registered by `__matx_register_ops`).
    pub op_paths: Vec<String>,
}

/// A module-level constant, initialised once on first use.
pub struct ConstDef {
    pub name: String,
    pub ty: Ty,
    pub value: Expr,
}

/// A user exception class: `class MyError(ValueError): pass`.
pub struct ExcClassDef {
    pub name: String,
    /// The base as a Rust path to an `ExcType` static.
    pub base: ExcRef,
}

/// A reference to an exception class.
#[derive(Clone, Debug, PartialEq)]
pub enum ExcRef {
    Builtin(String),
    User(String),
}

#[derive(Clone)]
pub struct Param {
    pub name: String,
    pub ty: Ty,
    pub default: Option<Expr>,
    /// Positional-only (before `/`), keyword-only (after `*`), or either.
    pub kind: crate::stubs::Kind,
}

pub struct FuncDef {
    /// The Rust name (`f`, or `Class__method` for methods).
    pub rust_name: String,
    pub params: Vec<Param>,
    /// For methods: the class whose handle `self` is.
    pub self_class: Option<String>,
    pub ret: Ty,
    pub body: Block,
    /// Every local of the function (parameters excluded), declared at the top.
    pub locals: Vec<(String, Ty)>,
    /// Whether the function is visible outside the script (`pub`).
    pub public: bool,
}

pub struct ClassDef {
    pub name: String,
    pub base: Option<String>,
    /// Own fields (inherited ones live in the base's part).
    pub fields: Vec<(String, Ty)>,
    /// Class-level values (`count: int = 0`): each instance starts with them.
    pub defaults: Vec<(String, Expr)>,
    /// Methods defined in this class body, by Python name.
    pub methods: Vec<MethodInfo>,
    /// Every class this class derives from, nearest first.
    pub ancestors: Vec<String>,
}

#[derive(Clone)]
pub struct MethodInfo {
    pub name: String,
    pub kind: MethodKind,
    pub params: Vec<Param>,
    pub ret: Ty,
    /// Class that defines the implementation (`Class__name` function).
    pub defined_in: String,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum MethodKind {
    Instance,
    Static,
    Property,
}

pub type Block = Vec<Stmt>;

#[derive(Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
}

#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum StmtKind {
    Expr(Expr),
    /// `let name = value;` for a compiler temporary (block-scoped).
    Let(String, Expr),
    Assign(Target, Expr),
    If(Expr, Block, Block),
    While(Expr, Block, Block),
    For(ForLoop),
    Break,
    Continue,
    Return(Option<Expr>),
    /// `raise E(...)` (None: a bare `raise` re-raising the handled exception).
    Raise(Option<Expr>),
    Try(Box<TryStmt>),
    Assert(Expr, Option<Expr>),
    /// Appends to the private vector of a comprehension (one value, or a key and a value).
    Push(String, Vec<Expr>),
}

#[derive(Clone)]
pub struct ForLoop {
    pub target: Target,
    pub iter: ForIter,
    pub body: Block,
    pub orelse: Block,
}

#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum ForIter {
    /// `range(start, stop, step)` with int bounds (evaluated once).
    Range(Expr, Expr, Expr),
    /// Anything implementing `::matx::PyIterable`, yielding `elem`.
    Iter(Expr, Ty),
}

#[derive(Clone)]
pub struct TryStmt {
    pub body: Block,
    pub handlers: Vec<Handler>,
    pub orelse: Block,
    pub finalbody: Block,
}

#[derive(Clone)]
pub struct Handler {
    /// Empty: a bare `except:` / `except Exception:` catching everything.
    pub kinds: Vec<ExcRef>,
    pub name: Option<String>,
    pub body: Block,
}

#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum Target {
    Local(String),
    Field {
        obj: Expr,
        owner: String,
        field: String,
    },
    /// `obj.name = v` on an `Any` (a field or property of the object it holds, at run time).
    AnyAttr {
        obj: Expr,
        name: String,
    },
    /// `obj[index] = v` through `set_item` (lists, dicts).
    Item {
        obj: Expr,
        index: Expr,
    },
    Slice {
        obj: Expr,
        lower: Option<Expr>,
        upper: Option<Expr>,
        step: Option<Expr>,
    },
    /// `a, (b, c) = v`: a tuple value of the given element types.
    Tuple(Vec<Target>, Vec<Ty>),
    /// `a, *b, c = lst`: unpack a list (or a tuple converted to one) with a starred part.
    Starred {
        before: Vec<Target>,
        star: Box<Target>,
        after: Vec<Target>,
        elem: Ty,
    },
    /// `a, b = lst` from a list: length-checked.
    ListUnpack(Vec<Target>, Ty),
    /// Discarded value (`del` lowering helper and `_` in some spots).
    Discard,
}

#[derive(Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Ty,
    pub line: u32,
}

#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum ExprKind {
    Int(i64),
    /// An integer constant folded at compile time that does not fit in 64 bits (an error
    /// unless further folding brings it back, as in `2**63 - 1`).
    BigInt(i128),
    Float(f64),
    Bool(bool),
    NoneLit,
    Str(String),
    Bytes(Vec<u8>),
    Local(String),
    /// A module constant (read through its accessor).
    Const(String),
    /// A call of a runtime function: `func(args)`; `recv` is passed first by reference.
    Rt {
        func: Callee,
        recv: Option<Box<Expr>>,
        args: Vec<Expr>,
        fallible: bool,
    },
    /// A runtime method: `recv.name(args)` (methods of builtin types).
    Method {
        recv: Box<Expr>,
        name: String,
        args: Vec<Expr>,
        fallible: bool,
    },
    /// A call of a script function by Rust name.
    Call {
        func: String,
        args: Vec<Expr>,
    },
    /// A call of a callable value (lambda, nested function).
    CallValue {
        func: Box<Expr>,
        args: Vec<Expr>,
    },
    /// A method of a user class, dispatched through its interface.
    Virtual {
        recv: Box<Expr>,
        method: String,
        args: Vec<Expr>,
        /// The arguments left out (their `args` entry is the static class's default): the
        /// default of the method the object runs is taken instead where a subclass overrides
        /// it, as CPython binds an override's own defaults.
        defaulted: Vec<usize>,
    },
    /// Constructing a user class.
    New {
        class: String,
        args: Vec<Expr>,
    },
    /// Reading a field, `owner` is the class declaring it.
    Field {
        obj: Box<Expr>,
        owner: String,
        field: String,
    },
    /// `a.b` where a's static class is `class` converted to its base `base` (for super()).
    List(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Tuple(Vec<Expr>),
    TupleGet(Box<Expr>, usize),
    /// Block expression: statements then a value (desugaring helper).
    Block(Block, Box<Expr>),
    /// `a if c else b`.
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `a and b` / `a or b` with Python's value semantics.
    BoolOp {
        and: bool,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `not x` / truth test (`bool(x)`).
    Not(Box<Expr>),
    Truth(Box<Expr>),
    /// Primitive operator on ints/floats/bools lowered inline (`a < b` on ints, `-x` on floats, ...).
    Prim(PrimOp, Vec<Expr>),
    /// A conversion between representations.
    Convert(Conv, Box<Expr>),
    /// A comprehension: `body` pushes into the vector `acc`, which becomes the list, set or
    /// dict of the expression's type.
    Collect {
        acc: String,
        body: Block,
    },
    /// A closure: parameters, body, and the outer locals it captures (cloned at creation).
    Lambda {
        params: Vec<(String, Ty)>,
        ret: Ty,
        body: Block,
        captures: Vec<String>,
        locals: Vec<(String, Ty)>,
    },
    /// f-string / str() building: the parts are concatenated.
    Format(Vec<FmtPart>),
    /// `isinstance(x, C)` on a user class value.
    IsInstance(Box<Expr>, String),
    /// An exception value `E("msg")` (for raise).
    MakeExc(ExcRef, Option<Box<Expr>>),
    /// `template % (args)` (`percent`) or `template.format(args, k=v)`.
    FormatCall {
        template: Box<Expr>,
        args: Vec<Expr>,
        kwargs: Vec<(String, Expr)>,
        percent: bool,
    },
}

/// What an [`ExprKind::Rt`] calls.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// A runtime function the compiler knows (see [`RtFn`]).
    Fn(RtFn),
    /// A function named by a declaration, not by the compiler: a stub's
    /// (`::matx::math::sqrt`) or an imported op's path. No optimisation looks at these.
    Declared(String),
}

#[derive(Clone)]
pub enum FmtPart {
    Lit(String),
    /// str(e)
    Str(Expr),
    /// repr(e)
    Repr(Expr),
    /// ascii(e)
    Ascii(Expr),
    /// format(e, spec); the spec itself may be built from parts.
    Spec(Expr, Vec<FmtPart>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PrimOp {
    /// Comparisons on numbers (both operands already of one Rust type).
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// float arithmetic (no errors).
    FAdd,
    FSub,
    FMul,
    FNeg,
    /// bitwise on ints (no errors).
    BitAnd,
    BitOr,
    BitXor,
    Invert,
    /// bool logical (strict, both evaluated): `&`, `|`, `^` on bools.
    BAnd,
    BOr,
    BXor,
    /// `a is b` on handles.
    Is,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Conv {
    IntToFloat,
    BoolToInt,
    /// T -> Optional[T]
    Some,
    /// Optional[T] -> T after a `is not None` check.
    Unwrap,
    /// T -> Any
    ToAny,
    /// Any -> T where the value is consumed (an int read as a float, as CPython converts;
    /// TypeError on another type).
    FromAny,
    /// Any -> T where the value is kept: exactly that type (TypeError otherwise).
    FromAnyExact,
    /// A class handle to its base class handle.
    Upcast(String),
    /// List -> materialised iterable argument (`to_list`).
    ToList,
    /// Vec for VarTuple arguments from a Rust tuple of equal types.
    TupleToVec(usize),
}

/// A direct child of an IR node, for walks that only look (see [`Expr::for_each_child`]).
pub enum Child<'a> {
    Expr(&'a Expr),
    Block(&'a Block),
    Target(&'a Target),
}

impl Expr {
    /// Calls `f` on each direct child, in evaluation order.
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(Child<'a>)) {
        let each = |xs: &'a [Expr], f: &mut dyn FnMut(Child<'a>)| {
            xs.iter().for_each(|x| f(Child::Expr(x)))
        };
        match &self.kind {
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
                    f(Child::Expr(r));
                }
                each(args, f);
            }
            ExprKind::Method { recv, args, .. } | ExprKind::Virtual { recv, args, .. } => {
                f(Child::Expr(recv));
                each(args, f);
            }
            ExprKind::CallValue { func, args } => {
                f(Child::Expr(func));
                each(args, f);
            }
            ExprKind::Call { args, .. }
            | ExprKind::New { args, .. }
            | ExprKind::List(args)
            | ExprKind::Set(args)
            | ExprKind::Tuple(args)
            | ExprKind::Prim(_, args) => each(args, f),
            ExprKind::Dict(kv) => kv.iter().for_each(|(k, v)| {
                f(Child::Expr(k));
                f(Child::Expr(v));
            }),
            ExprKind::Field { obj: x, .. }
            | ExprKind::TupleGet(x, _)
            | ExprKind::Not(x)
            | ExprKind::Truth(x)
            | ExprKind::Convert(_, x)
            | ExprKind::IsInstance(x, _) => f(Child::Expr(x)),
            ExprKind::Block(b, v) => {
                f(Child::Block(b));
                f(Child::Expr(v));
            }
            ExprKind::Collect { body, .. } | ExprKind::Lambda { body, .. } => f(Child::Block(body)),
            ExprKind::IfElse(c, a, b) => [c, a, b].into_iter().for_each(|x| f(Child::Expr(x))),
            ExprKind::BoolOp { left, right, .. } => {
                f(Child::Expr(left));
                f(Child::Expr(right));
            }
            ExprKind::Format(parts) => fmt_children(parts, f),
            ExprKind::FormatCall {
                template,
                args,
                kwargs,
                ..
            } => {
                f(Child::Expr(template));
                each(args, f);
                kwargs.iter().for_each(|(_, a)| f(Child::Expr(a)));
            }
            ExprKind::MakeExc(_, a) => {
                if let Some(a) = a {
                    f(Child::Expr(a));
                }
            }
        }
    }
}

fn fmt_children<'a>(parts: &'a [FmtPart], f: &mut dyn FnMut(Child<'a>)) {
    for p in parts {
        match p {
            FmtPart::Lit(_) => {}
            FmtPart::Str(e) | FmtPart::Repr(e) | FmtPart::Ascii(e) => f(Child::Expr(e)),
            FmtPart::Spec(e, spec) => {
                f(Child::Expr(e));
                fmt_children(spec, f);
            }
        }
    }
}

impl Stmt {
    /// Calls `f` on each direct child, in evaluation order (an assignment's value before its target).
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(Child<'a>)) {
        match &self.kind {
            StmtKind::Expr(e) | StmtKind::Let(_, e) => f(Child::Expr(e)),
            StmtKind::Push(_, xs) => xs.iter().for_each(|x| f(Child::Expr(x))),
            StmtKind::Assign(t, e) => {
                f(Child::Expr(e));
                f(Child::Target(t));
            }
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                f(Child::Expr(c));
                f(Child::Block(a));
                f(Child::Block(b));
            }
            StmtKind::For(l) => {
                match &l.iter {
                    ForIter::Range(a, b, c) => {
                        [a, b, c].into_iter().for_each(|x| f(Child::Expr(x)))
                    }
                    ForIter::Iter(e, _) => f(Child::Expr(e)),
                }
                f(Child::Target(&l.target));
                f(Child::Block(&l.body));
                f(Child::Block(&l.orelse));
            }
            StmtKind::Return(e) | StmtKind::Raise(e) => {
                if let Some(e) = e {
                    f(Child::Expr(e));
                }
            }
            StmtKind::Try(t) => {
                f(Child::Block(&t.body));
                t.handlers.iter().for_each(|h| f(Child::Block(&h.body)));
                f(Child::Block(&t.orelse));
                f(Child::Block(&t.finalbody));
            }
            StmtKind::Assert(c, m) => {
                f(Child::Expr(c));
                if let Some(m) = m {
                    f(Child::Expr(m));
                }
            }
            StmtKind::Break | StmtKind::Continue => {}
        }
    }
}

impl Target {
    /// Calls `f` on each direct child.
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(Child<'a>)) {
        match self {
            Target::Local(_) | Target::Discard => {}
            Target::Field { obj, .. } | Target::AnyAttr { obj, .. } => f(Child::Expr(obj)),
            Target::Item { obj, index } => {
                f(Child::Expr(obj));
                f(Child::Expr(index));
            }
            Target::Slice {
                obj,
                lower,
                upper,
                step,
            } => {
                f(Child::Expr(obj));
                [lower, upper, step]
                    .into_iter()
                    .flatten()
                    .for_each(|e| f(Child::Expr(e)));
            }
            Target::Tuple(ts, _) | Target::ListUnpack(ts, _) => {
                ts.iter().for_each(|t| f(Child::Target(t)))
            }
            Target::Starred {
                before,
                star,
                after,
                ..
            } => {
                before.iter().for_each(|t| f(Child::Target(t)));
                f(Child::Target(star));
                after.iter().for_each(|t| f(Child::Target(t)));
            }
        }
    }
}
