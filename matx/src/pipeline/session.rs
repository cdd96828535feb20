//! `Session`: a loaded pipeline (ops resolved, objects made once) that runs feeds, from any number of threads at once.

use super::device::Device;
use super::errors::{feed_error, format_error, OpNotFoundError};
use super::format::{type_name_of, BinOp, Graph, NodeKind, Ref};
use super::json::{any_to_json, json_text_to_any};
use super::value::fresh_copy;
use crate::error::{exc, Error};
use crate::registry::{OpEntry, OpFn, OpMethodFn, OpRegistry};
use crate::resource::Scope as FileScope;
use crate::value::{Any, Dict, List, PyOrd, PyValue};
use crate::Result;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A loaded pipeline. Immutable after load, `Send + Sync`: share one `&Session` (or an
/// `Arc<Session>`) between threads and call [`run`](Session::run) from all of them.
pub struct Session {
    graph: Graph,
    device: Device,
    inputs: Vec<(String, String)>,
    libraries: Vec<(String, Option<PathBuf>)>,
    objects: Vec<Any>,
    steps: Vec<Step>,
    outputs: Vec<Arg>,
}

const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Session>();
};

/// A node's argument, resolved.
enum Arg {
    Input(usize),
    Node(usize),
    Object(usize),
    /// An immutable constant, shared by every run.
    Shared(Any),
    /// A constant holding a list, dict or set: each run gets its own copy.
    Fresh(Any),
}

/// A node, its op resolved.
enum Step {
    Call(OpFn, Vec<Arg>),
    Method(OpMethodFn, usize, Vec<Arg>),
    GetItem(Arg, Arg),
    List(Vec<Arg>),
    Tuple(Vec<Arg>),
    Dict(Vec<Arg>),
    BinOp(BinOp, Arg, Arg),
}

fn from_where(op: &str, library: Option<&str>) -> String {
    match library {
        Some(l) => format!("op '{op}' from library '{l}'"),
        None => format!("op '{op}'"),
    }
}

fn how_to_register(library: Option<&str>) -> String {
    match library {
        Some(l) => format!(
            "import the Python module {l}, or register the crate's ops \
             (matx::register_ops! / script::__matx_register_ops) before loading"
        ),
        None => "register the ops (matx::register_ops! / script::__matx_register_ops, \
                 or import the Python module that defines them) before loading"
            .to_string(),
    }
}

fn not_registered(op: &str, library: Option<&str>) -> Error {
    Error::new(
        &OpNotFoundError,
        format!(
            "{} is not registered in this host: {}",
            from_where(op, library),
            how_to_register(library)
        ),
    )
}

fn wrong_kind(op: &str, library: Option<&str>, is: &str, needed: &str) -> Error {
    Error::new(
        &OpNotFoundError,
        format!(
            "{} is registered in this host as a {is}, but the pipeline needs a {needed} \
             of that name (is the library the version the pipeline was saved with?)",
            from_where(op, library)
        ),
    )
}

/// The op a node calls, found in the registry.
enum Resolved {
    Function(OpFn),
    Method(OpMethodFn),
    Builtin,
}

type Class = (OpFn, &'static [(&'static str, OpMethodFn)]);

fn class_op(registry: &OpRegistry, op: &str, library: Option<&str>) -> Result<Class> {
    match registry.get(op) {
        Some(OpEntry::Class { new, methods, .. }) => Ok((*new, *methods)),
        Some(OpEntry::Function { .. }) => Err(wrong_kind(op, library, "function", "class")),
        None => Err(not_registered(op, library)),
    }
}

fn internal(what: &str) -> Error {
    Error::new(
        &exc::RuntimeError,
        format!("internal error in the pipeline runner: {what}"),
    )
}

/// What a reference may point to: the graph's inputs, the nodes before the referring one,
/// the objects made so far. A `Graph` built by hand is checked here as a loaded one is.
struct Scope<'a> {
    inputs: usize,
    nodes: usize,
    objects: &'a [Any],
}

impl Scope<'_> {
    fn arg(&self, r: &Ref, at: &str) -> Result<Arg> {
        let bad = |what: &str| {
            format_error(
                "graph",
                format!("{at}: {what} does not exist before this point"),
            )
        };
        Ok(match r {
            Ref::Input(i) if *i < self.inputs => Arg::Input(*i),
            Ref::Node(i) if *i < self.nodes => Arg::Node(*i),
            Ref::Object(i) if *i < self.objects.len() => Arg::Object(*i),
            Ref::Input(i) => return Err(bad(&format!("input #{i}"))),
            Ref::Node(i) => return Err(bad(&format!("node {i}"))),
            Ref::Object(i) => return Err(bad(&format!("object {i}"))),
            Ref::Value(v) if v.is_mutable() => Arg::Fresh(v.to_any(self.objects)?),
            Ref::Value(v) => Arg::Shared(v.to_any(self.objects)?),
        })
    }

    fn args(&self, refs: &[Ref], at: &str) -> Result<Vec<Arg>> {
        refs.iter().map(|r| self.arg(r, at)).collect()
    }

    fn two(&self, refs: &[Ref], at: &str) -> Result<(Arg, Arg)> {
        match refs {
            [a, b] => Ok((self.arg(a, at)?, self.arg(b, at)?)),
            _ => Err(format_error(
                "graph",
                format!("{at}: takes 2 args, not {}", refs.len()),
            )),
        }
    }
}

/// The registered op a node calls (a missing one is an `OpNotFoundError`).
fn resolve(
    graph: &Graph,
    classes: &[Class],
    kind: &NodeKind,
    registry: &OpRegistry,
) -> Result<Resolved> {
    Ok(match kind {
        NodeKind::Call { op, library } => {
            let library = library.as_deref();
            match registry.get(op) {
                Some(OpEntry::Function { call, .. }) => Resolved::Function(*call),
                Some(OpEntry::Class { .. }) => {
                    return Err(wrong_kind(op, library, "class", "function"))
                }
                None => return Err(not_registered(op, library)),
            }
        }
        NodeKind::Method { object, method } => {
            let (Some(o), Some((_, methods))) = (graph.objects.get(*object), classes.get(*object))
            else {
                return Err(format_error(
                    "graph",
                    format!("a method node calls object {object}, which does not exist"),
                ));
            };
            match methods.iter().find(|(m, _)| m == method) {
                Some((_, f)) => Resolved::Method(*f),
                None => {
                    return Err(method_not_found(
                        method,
                        &o.op,
                        o.library.as_deref(),
                        methods,
                    ))
                }
            }
        }
        _ => Resolved::Builtin,
    })
}

fn method_not_found(
    method: &str,
    op: &str,
    library: Option<&str>,
    methods: &[(&'static str, OpMethodFn)],
) -> Error {
    let known: Vec<&str> = methods.iter().map(|(m, _)| *m).collect();
    let known = if known.is_empty() {
        "none".to_string()
    } else {
        known.join(", ")
    };
    Error::new(
        &OpNotFoundError,
        format!(
            "method '{method}' of {} is not registered in this host: the registered class \
             has methods {known} (is the library the version the pipeline was saved with?)",
            from_where(op, library)
        ),
    )
}

/// Makes the objects in order; a constructor's error keeps its class.
fn make_objects(graph: &Graph, classes: &[Class]) -> Result<Vec<Any>> {
    let mut objects: Vec<Any> = Vec::with_capacity(graph.objects.len());
    for (o, (new, _)) in graph.objects.iter().zip(classes) {
        let args = o
            .args
            .iter()
            .map(|v| v.to_any(&objects))
            .collect::<Result<Vec<_>>>()?;
        let obj = new(&args).map_err(|e| {
            let op = from_where(&o.op, o.library.as_deref());
            Error::new(
                e.kind(),
                format!("making object {} ({op}): {}", o.id, e.message()),
            )
        })?;
        objects.push(obj);
    }
    Ok(objects)
}

impl Session {
    /// Loads the pipeline saved in `dir`, finding its ops in [`registry::global`](crate::registry::global).
    pub fn load(dir: impl AsRef<Path>, device: Device) -> Result<Session> {
        let graph = Graph::load(dir)?;
        // A copy, so op constructors run without holding the lock (one may register ops).
        let registry = crate::registry::global().read().clone();
        Session::from_graph(graph, device, &registry)
    }

    /// Loads the pipeline saved in `dir`, finding its ops in `registry`.
    pub fn load_with(
        dir: impl AsRef<Path>,
        device: Device,
        registry: &OpRegistry,
    ) -> Result<Session> {
        Session::from_graph(Graph::load(dir)?, device, registry)
    }

    /// A session from the text of a `pipeline.json` (the tracer's graph before it is
    /// saved): `{"resource": ...}` values resolve against `dir`.
    pub fn from_json(
        text: &str,
        dir: &Path,
        device: Device,
        registry: &OpRegistry,
    ) -> Result<Session> {
        Session::from_graph(Graph::from_json(text, dir)?, device, registry)
    }

    /// A session from a checked graph: resolves every op in `registry` (an
    /// `OpNotFoundError` before anything is made when one is missing), then makes the
    /// objects in order.
    pub fn from_graph(graph: Graph, device: Device, registry: &OpRegistry) -> Result<Session> {
        // Every op first, so a missing one is reported before any constructor runs.
        let mut classes = Vec::with_capacity(graph.objects.len());
        for o in &graph.objects {
            classes.push(class_op(registry, &o.op, o.library.as_deref())?);
        }
        let ops = graph
            .nodes
            .iter()
            .map(|n| resolve(&graph, &classes, &n.kind, registry))
            .collect::<Result<Vec<_>>>()?;
        let objects = {
            let _files = FileScope::enter(graph.files.clone());
            make_objects(&graph, &classes)?
        };
        let mut steps = Vec::with_capacity(graph.nodes.len());
        for (i, (n, op)) in graph.nodes.iter().zip(ops).enumerate() {
            let scope = Scope {
                inputs: graph.inputs.len(),
                nodes: i,
                objects: &objects,
            };
            let at = format!("node {i} ({})", n.kind.name());
            steps.push(match (&n.kind, op) {
                (NodeKind::Call { .. }, Resolved::Function(f)) => {
                    Step::Call(f, scope.args(&n.args, &at)?)
                }
                (NodeKind::Method { object, .. }, Resolved::Method(f)) => {
                    Step::Method(f, *object, scope.args(&n.args, &at)?)
                }
                (NodeKind::GetItem, _) => {
                    let (a, b) = scope.two(&n.args, &at)?;
                    Step::GetItem(a, b)
                }
                (NodeKind::BinOp(op), _) => {
                    let (a, b) = scope.two(&n.args, &at)?;
                    Step::BinOp(*op, a, b)
                }
                (NodeKind::List, _) => Step::List(scope.args(&n.args, &at)?),
                (NodeKind::Tuple, _) => Step::Tuple(scope.args(&n.args, &at)?),
                (NodeKind::Dict, _) if n.args.len().is_multiple_of(2) => {
                    Step::Dict(scope.args(&n.args, &at)?)
                }
                (NodeKind::Dict, _) => {
                    return Err(format_error(
                        "graph",
                        format!(
                            "{at}: args are key, value pairs: an even number, not {}",
                            n.args.len()
                        ),
                    ))
                }
                _ => return Err(internal("a node's op was not resolved")),
            });
        }
        let scope = Scope {
            inputs: graph.inputs.len(),
            nodes: graph.nodes.len(),
            objects: &objects,
        };
        let outputs = scope.args(&graph.outputs, "outputs")?;
        let inputs = graph
            .inputs
            .iter()
            .map(|i| (i.name.clone(), i.ty.name().to_string()))
            .collect();
        let libraries = graph
            .libraries
            .iter()
            .map(|l| (l.name.clone(), l.native_path.clone()))
            .collect();
        Ok(Session {
            graph,
            device,
            inputs,
            libraries,
            objects,
            steps,
            outputs,
        })
    }

    /// The inputs, in order: (name, type as PIPELINES.md spells it).
    pub fn inputs(&self) -> &[(String, String)] {
        &self.inputs
    }

    /// How many values a run returns.
    pub fn outputs_len(&self) -> usize {
        self.outputs.len()
    }

    /// The libraries the ops come from: (name, absolute path of the native library if any).
    pub fn libraries(&self) -> &[(String, Option<PathBuf>)] {
        &self.libraries
    }

    /// The checked document.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The objects made at load, by id.
    pub fn objects(&self) -> &[Any] {
        &self.objects
    }

    pub fn device(&self) -> Device {
        self.device
    }

    /// `(texts: str, n: int)`, for messages.
    fn signature(&self) -> String {
        let parts: Vec<String> = self
            .inputs
            .iter()
            .map(|(n, t)| format!("{n}: {t}"))
            .collect();
        format!("({})", parts.join(", "))
    }

    /// Checks a feed by name and puts it in input order.
    fn bind<'a>(&self, feed: impl Iterator<Item = (&'a str, &'a Any)>) -> Result<Vec<Any>> {
        let mut slots: Vec<Option<Any>> = vec![None; self.inputs.len()];
        for (name, v) in feed {
            let Some(i) = self.graph.input_index(name) else {
                return Err(feed_error(format!(
                    "unexpected input '{name}': the pipeline's inputs are {}",
                    self.signature()
                )));
            };
            self.check(i, v)?;
            match slots.get_mut(i) {
                Some(slot @ None) => *slot = Some(v.clone()),
                Some(Some(_)) => return Err(feed_error(format!("input '{name}' is given twice"))),
                None => return Err(internal("an input index is out of range")),
            }
        }
        let missing: Vec<String> = slots
            .iter()
            .zip(&self.inputs)
            .filter(|(s, _)| s.is_none())
            .map(|(_, (n, t))| format!("'{n}' ({t})"))
            .collect();
        if !missing.is_empty() {
            return Err(feed_error(format!(
                "missing input{} {}: the pipeline's inputs are {}",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                self.signature()
            )));
        }
        Ok(slots.into_iter().flatten().collect())
    }

    fn check(&self, i: usize, v: &Any) -> Result<()> {
        let Some(input) = self.graph.inputs.get(i) else {
            return Err(internal("an input index is out of range"));
        };
        if input.ty.accepts(v) {
            Ok(())
        } else {
            Err(feed_error(format!(
                "input '{}' must be {}, got {}",
                input.name,
                input.ty.name(),
                type_name_of(v)
            )))
        }
    }

    /// Runs the pipeline on a feed of (input name, value) and returns its outputs in order.
    /// Every input must be given once, with a value of its type (`FeedError` otherwise);
    /// an op's exception comes out as it was raised.
    pub fn run(&self, feed: &[(&str, Any)]) -> Result<Vec<Any>> {
        let inputs = self.bind(feed.iter().map(|(n, v)| (*n, v)))?;
        self.execute(&inputs)
    }

    /// [`run`](Session::run) with the feed in a map.
    pub fn run_map(&self, feed: &HashMap<String, Any>) -> Result<Vec<Any>> {
        let inputs = self.bind(feed.iter().map(|(n, v)| (n.as_str(), v)))?;
        self.execute(&inputs)
    }

    /// [`run`](Session::run) with the inputs by position, as the traced function takes them.
    pub fn run_args(&self, args: &[Any]) -> Result<Vec<Any>> {
        if args.len() != self.inputs.len() {
            return Err(feed_error(format!(
                "the pipeline takes {} input{} {}, got {}",
                self.inputs.len(),
                if self.inputs.len() == 1 { "" } else { "s" },
                self.signature(),
                args.len()
            )));
        }
        for (i, v) in args.iter().enumerate() {
            self.check(i, v)?;
        }
        self.execute(args)
    }

    /// Runs on a feed written as a plain JSON object (`{"texts": "hello"}`; see
    /// [`json_to_any`](super::json_to_any)) and returns the outputs as a JSON array
    /// (see [`any_to_json`]): what `matx run` and the C API do.
    pub fn run_json(&self, feed_json: &str) -> Result<String> {
        let feed = match json_text_to_any(feed_json)? {
            Any::Dict(d) => d,
            other => {
                return Err(feed_error(format!(
                    "the feed must be a JSON object mapping input names to values, not {}",
                    match other {
                        Any::List(_) => "an array",
                        Any::Str(_) => "a string",
                        Any::None => "null",
                        _ => "a scalar",
                    }
                )))
            }
        };
        let pairs = feed.to_pairs();
        let mut named = Vec::with_capacity(pairs.len());
        for (k, v) in &pairs {
            match k {
                Any::Str(s) => named.push((s.as_str(), v)),
                _ => return Err(internal("a JSON object key is not a str")),
            }
        }
        let inputs = self.bind(named.into_iter())?;
        let outputs = self.execute(&inputs)?;
        let json = outputs
            .iter()
            .map(any_to_json)
            .collect::<Result<Vec<_>>>()?;
        serde_json::to_string(&json).map_err(|e| {
            Error::new(
                &exc::ValueError,
                format!("cannot write the outputs as JSON: {e}"),
            )
        })
    }

    fn arg(&self, a: &Arg, inputs: &[Any], values: &[Any]) -> Result<Any> {
        let got = match a {
            Arg::Input(i) => inputs.get(*i),
            Arg::Node(i) => values.get(*i),
            Arg::Object(i) => self.objects.get(*i),
            Arg::Shared(v) => return Ok(v.clone()),
            Arg::Fresh(v) => return fresh_copy(v),
        };
        got.cloned()
            .ok_or_else(|| internal("a reference points past the values computed so far"))
    }

    fn args(&self, args: &[Arg], inputs: &[Any], values: &[Any]) -> Result<Vec<Any>> {
        args.iter().map(|a| self.arg(a, inputs, values)).collect()
    }

    fn execute(&self, inputs: &[Any]) -> Result<Vec<Any>> {
        // A path an op is given while the pipeline runs is checked against its directory.
        let _files = FileScope::enter(self.graph.files.clone());
        let mut values: Vec<Any> = Vec::with_capacity(self.steps.len());
        for step in &self.steps {
            let v = match step {
                Step::Call(f, args) => f(&self.args(args, inputs, &values)?)?,
                Step::Method(f, object, args) => {
                    let Some(obj) = self.objects.get(*object) else {
                        return Err(internal("a method node's object is missing"));
                    };
                    f(obj, &self.args(args, inputs, &values)?)?
                }
                Step::GetItem(a, b) => {
                    let (a, b) = (self.arg(a, inputs, &values)?, self.arg(b, inputs, &values)?);
                    a.get_item(&b)?
                }
                Step::BinOp(op, a, b) => {
                    let (a, b) = (self.arg(a, inputs, &values)?, self.arg(b, inputs, &values)?);
                    binop(*op, &a, &b)?
                }
                Step::List(args) => Any::List(List::from_vec(self.args(args, inputs, &values)?)),
                Step::Tuple(args) => Any::tuple(self.args(args, inputs, &values)?),
                Step::Dict(args) => {
                    let items = self.args(args, inputs, &values)?;
                    let mut pairs = Vec::with_capacity(items.len() / 2);
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        k.py_check_hashable()?;
                        pairs.push((k, v));
                    }
                    Any::Dict(Dict::from_pairs(pairs))
                }
            };
            values.push(v);
        }
        self.outputs
            .iter()
            .map(|a| self.arg(a, inputs, &values))
            .collect()
    }
}

/// `a <op> b` with Python's semantics, by the runtime's dynamic operators.
fn binop(op: BinOp, a: &Any, b: &Any) -> Result<Any> {
    use crate::ops;
    Ok(match op {
        BinOp::Add => ops::add_any(a, b)?,
        BinOp::Sub => ops::sub_any(a, b)?,
        BinOp::Mul => ops::mul_any(a, b)?,
        BinOp::TrueDiv => ops::truediv_any(a, b)?,
        BinOp::FloorDiv => ops::floordiv_any(a, b)?,
        BinOp::Mod => ops::mod_any(a, b)?,
        BinOp::Pow => ops::pow_any(a, b)?,
        BinOp::LShift => ops::lshift_any(a, b)?,
        BinOp::RShift => ops::rshift_any(a, b)?,
        BinOp::BitAnd => ops::and_any(a, b)?,
        BinOp::BitOr => ops::or_any(a, b)?,
        BinOp::BitXor => ops::xor_any(a, b)?,
        BinOp::Eq => Any::Bool(a.py_eq(b)?),
        BinOp::Ne => Any::Bool(!a.py_eq(b)?),
        BinOp::Lt => Any::Bool(a.py_lt(b)?),
        BinOp::Le => Any::Bool(a.py_le(b)?),
        BinOp::Gt => Any::Bool(a.py_gt(b)?),
        BinOp::Ge => Any::Bool(a.py_ge(b)?),
        BinOp::In => Any::Bool(b.contains(a)?),
        BinOp::NotIn => Any::Bool(!b.contains(a)?),
    })
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("device", &self.device)
            .field("inputs", &self.inputs)
            .field("objects", &self.objects.len())
            .field("nodes", &self.steps.len())
            .field("outputs", &self.outputs.len())
            .finish()
    }
}
