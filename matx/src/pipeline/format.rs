//! The `pipeline.json` document (PIPELINES.md) as a checked, read-only graph: what a session is built from and `matx inspect` shows.

use super::document::parse_document;
use super::errors::{format_error, UnsafePathError};
use super::paths::PipelineDir;
use super::value::Value;
use crate::error::{exc, Error};
use crate::ndarray::NDArray;
use crate::value::Any;
use crate::Result;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The `format` of a pipeline document.
pub const FORMAT: &str = "matx.pipeline";
/// The `version`s of the document this matx reads.
pub const VERSIONS: &[u64] = &[1];
/// The version this matx writes.
pub const VERSION: u64 = 1;
/// The document's file name inside a pipeline directory.
pub const FILE_NAME: &str = "pipeline.json";
/// The largest `pipeline.json` read: 64 MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// A pipeline document, read and checked: every reference points to something that
/// exists and comes earlier, every path is inside the directory.
#[derive(Clone, Debug)]
pub struct Graph {
    /// The document's `version`.
    pub version: u64,
    /// The matx version that wrote it, when recorded.
    pub matx_version: Option<String>,
    pub libraries: Vec<Library>,
    pub inputs: Vec<Input>,
    /// `objects[i]` has id `i`.
    pub objects: Vec<ObjectDef>,
    /// `nodes[i]` has id `i`.
    pub nodes: Vec<Node>,
    pub outputs: Vec<Ref>,
    /// Every resource the values refer to, once each, in order of first use.
    pub resources: Vec<Resource>,
    /// The directory the document was read from: while a session of this graph makes its
    /// objects or runs, a path given to an op is checked against it (`None`: the host made
    /// the graph, see [`Graph::trust_host_paths`]).
    pub(crate) files: Option<Arc<PipelineDir>>,
}

/// Where ops come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    /// The Python module (and Rust crate) that registers the ops.
    pub name: String,
    /// The C-ABI shared library, as written (relative to the directory).
    pub native: Option<String>,
    /// `native`, resolved to an absolute path.
    pub native_path: Option<PathBuf>,
}

/// A parameter of the traced function.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub name: String,
    pub ty: InputType,
}

/// The type a fed value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputType {
    Str,
    Int,
    Float,
    Bool,
    Bytes,
    List,
    Dict,
    Tuple,
    Set,
    NDArray,
    None,
    Any,
}

pub(crate) const INPUT_TYPES: [InputType; 12] = [
    InputType::Str,
    InputType::Int,
    InputType::Float,
    InputType::Bool,
    InputType::Bytes,
    InputType::List,
    InputType::Dict,
    InputType::Tuple,
    InputType::Set,
    InputType::NDArray,
    InputType::None,
    InputType::Any,
];

impl InputType {
    /// The name written in `pipeline.json` (`str`, `NDArray`, `None`, …).
    pub fn name(self) -> &'static str {
        match self {
            InputType::Str => "str",
            InputType::Int => "int",
            InputType::Float => "float",
            InputType::Bool => "bool",
            InputType::Bytes => "bytes",
            InputType::List => "list",
            InputType::Dict => "dict",
            InputType::Tuple => "tuple",
            InputType::Set => "set",
            InputType::NDArray => "NDArray",
            InputType::None => "None",
            InputType::Any => "Any",
        }
    }
    /// The type named `name` in `pipeline.json`.
    pub fn parse(name: &str) -> Option<InputType> {
        INPUT_TYPES.into_iter().find(|t| t.name() == name)
    }
    /// Whether `a` may be fed for this type. As Python's typing does, a `bool` is an `int`
    /// and an `int` or `bool` is accepted for `float` (the value is passed unchanged).
    pub fn accepts(self, a: &Any) -> bool {
        match self {
            InputType::Str => matches!(a, Any::Str(_)),
            InputType::Int => matches!(a, Any::Int(_) | Any::Bool(_)),
            InputType::Float => matches!(a, Any::Float(_) | Any::Int(_) | Any::Bool(_)),
            InputType::Bool => matches!(a, Any::Bool(_)),
            InputType::Bytes => matches!(a, Any::Bytes(_)),
            InputType::List => matches!(a, Any::List(_)),
            InputType::Dict => matches!(a, Any::Dict(_)),
            InputType::Tuple => matches!(a, Any::Tuple(_)),
            InputType::Set => matches!(a, Any::Set(_)),
            InputType::NDArray => {
                matches!(a, Any::Object(o) if o.as_any().downcast_ref::<NDArray>().is_some())
            }
            InputType::None => matches!(a, Any::None),
            InputType::Any => true,
        }
    }
}

/// The type name of a value as PIPELINES.md spells types (`None` for `NoneType`).
pub fn type_name_of(a: &Any) -> &'static str {
    match a {
        Any::None => "None",
        _ => crate::PyValue::py_type_name(a),
    }
}

/// An op object made once at load time.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectDef {
    pub id: usize,
    /// The class op's registered name.
    pub op: String,
    pub library: Option<String>,
    /// Constructor arguments; `Value::Object` refers to an earlier object.
    pub args: Vec<Value>,
}

/// One step of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: usize,
    pub kind: NodeKind,
    pub args: Vec<Ref>,
}

/// What a node computes.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// The function op `op` with the args.
    Call {
        op: String,
        library: Option<String>,
    },
    /// `method` of object `object` with the args.
    Method {
        object: usize,
        method: String,
    },
    /// `args[0][args[1]]`.
    GetItem,
    List,
    Tuple,
    /// Args are key, value, key, value, …
    Dict,
    /// `args[0] <op> args[1]`.
    BinOp(BinOp),
}

impl NodeKind {
    /// The `kind` written in `pipeline.json`.
    pub fn name(&self) -> &'static str {
        match self {
            NodeKind::Call { .. } => "call",
            NodeKind::Method { .. } => "method",
            NodeKind::GetItem => "getitem",
            NodeKind::List => "list",
            NodeKind::Tuple => "tuple",
            NodeKind::Dict => "dict",
            NodeKind::BinOp(_) => "binop",
        }
    }
}

/// The operators of `binop` nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
}

pub(crate) const BIN_OPS: [BinOp; 20] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::Eq,
    BinOp::Ne,
    BinOp::Lt,
    BinOp::Le,
    BinOp::Gt,
    BinOp::Ge,
    BinOp::In,
    BinOp::NotIn,
];

impl BinOp {
    /// The operator as Python writes it (`+`, `//`, `not in`).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::In => "in",
            BinOp::NotIn => "not in",
        }
    }
    pub fn parse(symbol: &str) -> Option<BinOp> {
        BIN_OPS.into_iter().find(|o| o.symbol() == symbol)
    }
}

/// An argument or output.
#[derive(Clone, Debug, PartialEq)]
pub enum Ref {
    /// The input at this index of [`Graph::inputs`].
    Input(usize),
    Node(usize),
    Object(usize),
    Value(Value),
}

/// A file the pipeline's values refer to.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// As written in `pipeline.json`, relative to the directory.
    pub path: String,
    /// The absolute path it resolved to at load time.
    pub resolved: PathBuf,
}

/// Where a value flows from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Input(usize),
    Node(usize),
    Object(usize),
}

/// Where a value flows to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Argument `arg` of node `node`.
    Node { node: usize, arg: usize },
    /// A method node's object.
    Receiver { node: usize },
    /// Output `i`.
    Output(usize),
}

/// One edge of the graph (constants are not edges).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: Source,
    pub to: Target,
}

fn source(r: &Ref) -> Option<Source> {
    match r {
        Ref::Input(i) => Some(Source::Input(*i)),
        Ref::Node(i) => Some(Source::Node(*i)),
        Ref::Object(i) => Some(Source::Object(*i)),
        Ref::Value(_) => None,
    }
}

impl Graph {
    /// Reads and checks `dir/pipeline.json`: a regular file inside `dir` (not a link out
    /// of it, not a FIFO or device) of at most [`MAX_DOCUMENT_BYTES`].
    pub fn load(dir: impl AsRef<Path>) -> Result<Graph> {
        let dir = dir.as_ref();
        let text = read_document(dir)?;
        let file = dir.join(FILE_NAME);
        parse_document(&text, dir, &file.display().to_string())
    }

    /// Checks a document given as text; `{"resource": ...}` values resolve against `dir`,
    /// and so does any path an op is given (the document is untrusted).
    pub fn from_json(text: &str, dir: &Path) -> Result<Graph> {
        parse_document(text, dir, FILE_NAME)
    }

    /// The graph with the paths its ops are given used as the host wrote them: for a
    /// document the host itself made (the tracer's graph, run before it is saved), never
    /// for one read from a directory.
    pub fn trust_host_paths(mut self) -> Graph {
        self.files = None;
        self
    }

    /// The edges: node arguments, method receivers and outputs that come from an input,
    /// a node or an object.
    pub fn edges(&self) -> Vec<Edge> {
        let mut out = Vec::new();
        for n in &self.nodes {
            if let NodeKind::Method { object, .. } = n.kind {
                out.push(Edge {
                    from: Source::Object(object),
                    to: Target::Receiver { node: n.id },
                });
            }
            for (arg, r) in n.args.iter().enumerate() {
                if let Some(from) = source(r) {
                    let to = Target::Node { node: n.id, arg };
                    out.push(Edge { from, to });
                }
            }
        }
        for (i, r) in self.outputs.iter().enumerate() {
            if let Some(from) = source(r) {
                out.push(Edge {
                    from,
                    to: Target::Output(i),
                });
            }
        }
        out
    }

    /// The index of the input named `name`.
    pub fn input_index(&self, name: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.name == name)
    }
}

/// The text of `dir/pipeline.json`, read as PIPELINES.md promises: a regular file inside
/// `dir`, UTF-8, at most [`MAX_DOCUMENT_BYTES`].
fn read_document(dir: &Path) -> Result<String> {
    let file = dir.join(FILE_NAME);
    let shown = file.display().to_string();
    let missing = || {
        Error::new(
            &exc::FileNotFoundError,
            format!("no saved pipeline in {}: {shown} not found", dir.display()),
        )
    };
    let resolved = std::fs::canonicalize(&file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing(),
        _ => Error::new(&exc::OSError, format!("cannot read {shown}: {e}")),
    })?;
    let canonical_dir = std::fs::canonicalize(dir)
        .map_err(|e| Error::new(&exc::OSError, format!("cannot read {shown}: {e}")))?;
    if !resolved.starts_with(&canonical_dir) {
        return Err(Error::new(
            &UnsafePathError,
            format!(
                "{shown} resolves to {}, outside the pipeline directory (through a symbolic link)",
                resolved.display()
            ),
        ));
    }
    let bytes = crate::resource::read_regular(&resolved, MAX_DOCUMENT_BYTES, true).map_err(
        |e| match e {
            crate::resource::ReadError::NotFound(_) => missing(),
            crate::resource::ReadError::TooLarge { .. } => format_error(
                &shown,
                format!("larger than the {MAX_DOCUMENT_BYTES} bytes a pipeline document may have"),
            ),
            e => e.to_error(&shown),
        },
    )?;
    String::from_utf8(bytes).map_err(|e| {
        format_error(
            &shown,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}
