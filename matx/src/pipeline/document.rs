//! Reading `pipeline.json`: the shape `serde` checks (with line and column), the format and version check, and the reference checks that build a [`Graph`].

use super::errors::{format_error, PipelineVersionError};
use super::format::{
    BinOp, Graph, Input, InputType, Library, Node, NodeKind, ObjectDef, Ref, Resource, BIN_OPS,
    FORMAT, INPUT_TYPES, VERSIONS,
};
use super::json::{find_big_integer, negative_zero_as_int};
use super::paths::{PipelineDir, Want};
use super::value::{Value, ValueCx};
use crate::error::Error;
use crate::Result;
use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

// The document as written; `serde` reports shape errors with their line and column.

#[derive(Deserialize)]
struct RawDoc {
    // `format` is checked by `check_header`.
    version: u64,
    matx_version: Option<String>,
    #[serde(default)]
    libraries: Vec<RawLibrary>,
    inputs: Vec<RawInput>,
    #[serde(default)]
    objects: Vec<RawObject>,
    nodes: Vec<RawNode>,
    outputs: Vec<RawRef>,
}

#[derive(Deserialize)]
struct RawLibrary {
    name: String,
    native: Option<String>,
}

#[derive(Deserialize)]
struct RawInput {
    name: String,
    #[serde(rename = "type")]
    ty: String,
}

#[derive(Deserialize)]
struct RawObject {
    id: u64,
    op: String,
    library: Option<String>,
    #[serde(default)]
    args: Vec<Json>,
}

#[derive(Deserialize)]
struct RawNode {
    id: u64,
    kind: String,
    op: Option<String>,
    library: Option<String>,
    object: Option<u64>,
    method: Option<String>,
    operator: Option<String>,
    #[serde(default)]
    args: Vec<RawRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawRef {
    Input(String),
    Node(u64),
    Object(u64),
    Value(Json),
}

/// Checks `format` and `version` before the shape: another version may have another shape.
fn check_header(text: &str, file: &str) -> Result<()> {
    let doc: Json = serde_json::from_str(text).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Eof => format_error(file, format!("truncated: {e}")),
            _ => format_error(file, format!("not valid JSON: {e}")),
        }
    })?;
    let Json::Object(map) = &doc else {
        return Err(format_error(
            file,
            "not a matx pipeline: the document is not a JSON object",
        ));
    };
    let reads = format!(
        "this matx ({}) reads format \"{FORMAT}\" version{} {}",
        env!("CARGO_PKG_VERSION"),
        if VERSIONS.len() == 1 { "" } else { "s" },
        VERSIONS
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    match map.get("format") {
        None => {
            return Err(format_error(
                file,
                format!("not a matx pipeline: no \"format\" field ({reads})"),
            ))
        }
        Some(Json::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(Error::new(
                &PipelineVersionError,
                format!("{file}: unknown format {other}: {reads}"),
            ))
        }
    }
    match map.get("version") {
        None => Err(format_error(
            file,
            format!("no \"version\" field ({reads})"),
        )),
        Some(Json::Number(n)) => match n.as_u64() {
            Some(v) if VERSIONS.contains(&v) => Ok(()),
            Some(v) => Err(Error::new(
                &PipelineVersionError,
                format!("{file}: version {v} is not supported: {reads}; a newer matx may read it"),
            )),
            None => Err(format_error(
                file,
                format!("\"version\" must be a non-negative integer, not {n}"),
            )),
        },
        Some(other) => Err(format_error(
            file,
            format!("\"version\" must be an integer, not {other}"),
        )),
    }
}

pub(crate) fn parse_document(text: &str, dir: &Path, file: &str) -> Result<Graph> {
    let text = &negative_zero_as_int(text);
    check_header(text, file)?;
    let raw: RawDoc = serde_json::from_str(text).map_err(|e| format_error(file, e))?;
    if let Some(big) = find_big_integer(text) {
        return Err(format_error(file, big));
    }
    Builder {
        file,
        root: Arc::new(PipelineDir::new(dir)),
        resources: Vec::new(),
    }
    .build(raw)
}

struct Builder<'a> {
    file: &'a str,
    root: Arc<PipelineDir>,
    resources: Vec<Resource>,
}

impl Builder<'_> {
    fn err(&self, msg: impl std::fmt::Display) -> Error {
        format_error(self.file, msg)
    }

    fn build(mut self, raw: RawDoc) -> Result<Graph> {
        let libraries = self.libraries(raw.libraries)?;
        let library = |lib: Option<String>, at: &str| -> Result<Option<String>> {
            match lib {
                Some(l) if !libraries.iter().any(|x| x.name == l) => Err(format_error(
                    self.file,
                    format!("{at}: library '{l}' is not declared in \"libraries\""),
                )),
                l => Ok(l),
            }
        };
        let mut object_libs = Vec::new();
        for (i, o) in raw.objects.iter().enumerate() {
            object_libs.push(library(o.library.clone(), &format!("object {i}"))?);
        }
        let mut node_libs = Vec::new();
        for (i, n) in raw.nodes.iter().enumerate() {
            // Only a call names its op's library; a method belongs to its object's class.
            let lib = if n.kind == "call" {
                n.library.clone()
            } else {
                None
            };
            node_libs.push(library(lib, &format!("node {i}"))?);
        }
        let inputs = self.inputs(raw.inputs)?;
        let mut objects = Vec::with_capacity(raw.objects.len());
        for ((i, o), library) in raw.objects.into_iter().enumerate().zip(object_libs) {
            objects.push(self.object(i, o, library)?);
        }
        let names: HashMap<&str, usize> = inputs
            .iter()
            .enumerate()
            .map(|(i, x)| (x.name.as_str(), i))
            .collect();
        let mut nodes = Vec::with_capacity(raw.nodes.len());
        for ((i, n), library) in raw.nodes.into_iter().enumerate().zip(node_libs) {
            nodes.push(self.node(i, n, library, &names, objects.len())?);
        }
        let mut outputs = Vec::with_capacity(raw.outputs.len());
        for (i, r) in raw.outputs.into_iter().enumerate() {
            let at = format!("outputs[{i}]");
            outputs.push(self.reference(r, &at, &names, nodes.len(), objects.len())?);
        }
        Ok(Graph {
            version: raw.version,
            matx_version: raw.matx_version,
            libraries,
            inputs,
            objects,
            nodes,
            outputs,
            resources: self.resources,
            files: Some(self.root),
        })
    }

    fn libraries(&mut self, raw: Vec<RawLibrary>) -> Result<Vec<Library>> {
        let mut out: Vec<Library> = Vec::with_capacity(raw.len());
        for (i, l) in raw.into_iter().enumerate() {
            if l.name.is_empty() {
                return Err(self.err(format!("libraries[{i}]: the name is empty")));
            }
            if out.iter().any(|x| x.name == l.name) {
                return Err(self.err(format!(
                    "libraries[{i}]: library '{}' is declared twice",
                    l.name
                )));
            }
            let native_path = match &l.native {
                Some(p) => Some(self.root.resolve(p, "native library", Want::File)?),
                None => None,
            };
            out.push(Library {
                name: l.name,
                native: l.native,
                native_path,
            });
        }
        Ok(out)
    }

    fn inputs(&self, raw: Vec<RawInput>) -> Result<Vec<Input>> {
        let mut out: Vec<Input> = Vec::with_capacity(raw.len());
        for (i, x) in raw.into_iter().enumerate() {
            if x.name.is_empty() {
                return Err(self.err(format!("inputs[{i}]: the name is empty")));
            }
            if out.iter().any(|y| y.name == x.name) {
                return Err(self.err(format!("inputs[{i}]: input '{}' is declared twice", x.name)));
            }
            let Some(ty) = InputType::parse(&x.ty) else {
                let known: Vec<&str> = INPUT_TYPES.iter().map(|t| t.name()).collect();
                return Err(self.err(format!(
                    "inputs[{i}]: input '{}' has unknown type '{}' (the types are {})",
                    x.name,
                    x.ty,
                    known.join(", ")
                )));
            };
            out.push(Input { name: x.name, ty });
        }
        Ok(out)
    }

    fn value(&mut self, json: &Json, at: &str, objects: usize) -> Result<Value> {
        let root = &self.root;
        let resources = &mut self.resources;
        let mut resolve = |path: &str| -> Result<PathBuf> {
            let resolved = root.resolve(path, "resource", Want::FileOrDir)?;
            if !resources.iter().any(|r| r.path == path) {
                resources.push(Resource {
                    path: path.to_string(),
                    resolved: resolved.clone(),
                });
            }
            Ok(resolved)
        };
        let mut cx = ValueCx {
            file: self.file,
            objects: Some(objects),
            resolve: Some(&mut resolve),
        };
        Value::parse(json, at, &mut cx)
    }

    fn id(&self, what: &str, i: usize, id: u64) -> Result<usize> {
        if id != i as u64 {
            return Err(self.err(format!(
                "{what}s[{i}] has id {id}: the {what} at position {i} must have id {i}"
            )));
        }
        Ok(i)
    }

    fn object(&mut self, i: usize, o: RawObject, library: Option<String>) -> Result<ObjectDef> {
        let id = self.id("object", i, o.id)?;
        if o.op.is_empty() {
            return Err(self.err(format!("object {i}: \"op\" is empty")));
        }
        let mut args = Vec::with_capacity(o.args.len());
        for (k, a) in o.args.iter().enumerate() {
            args.push(self.value(a, &format!("object {i} args[{k}]"), i)?);
        }
        Ok(ObjectDef {
            id,
            op: o.op,
            library,
            args,
        })
    }

    fn node(
        &mut self,
        i: usize,
        n: RawNode,
        library: Option<String>,
        names: &HashMap<&str, usize>,
        n_objects: usize,
    ) -> Result<Node> {
        let id = self.id("node", i, n.id)?;
        let at = format!("node {i} ({})", n.kind);
        let need = |field: Option<String>, name: &str| -> Result<String> {
            match field {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(format_error(
                    self.file,
                    format!("{at}: needs a non-empty \"{name}\""),
                )),
            }
        };
        let kind = match n.kind.as_str() {
            "call" => NodeKind::Call {
                op: need(n.op, "op")?,
                library,
            },
            "method" => {
                let method = need(n.method, "method")?;
                let Some(object) = n.object else {
                    return Err(self.err(format!("{at}: needs an \"object\" id")));
                };
                if object >= n_objects as u64 {
                    return Err(self.err(format!(
                        "{at}: object {object} does not exist (the pipeline has {n_objects} objects)"
                    )));
                }
                NodeKind::Method {
                    object: object as usize,
                    method,
                }
            }
            "getitem" => NodeKind::GetItem,
            "list" => NodeKind::List,
            "tuple" => NodeKind::Tuple,
            "dict" => NodeKind::Dict,
            "binop" => {
                let sym = need(n.operator, "operator")?;
                let Some(op) = BinOp::parse(&sym) else {
                    let known: Vec<&str> = BIN_OPS.iter().map(|o| o.symbol()).collect();
                    return Err(self.err(format!(
                        "{at}: unknown operator '{sym}' (the operators are {})",
                        known.join(" ")
                    )));
                };
                NodeKind::BinOp(op)
            }
            other => {
                return Err(self.err(format!(
                    "node {i}: unknown kind '{other}' (the kinds are call, method, getitem, list, tuple, dict, binop)"
                )))
            }
        };
        let arity = match kind {
            NodeKind::GetItem | NodeKind::BinOp(_) => Some(2),
            _ => None,
        };
        if let Some(k) = arity {
            if n.args.len() != k {
                return Err(self.err(format!("{at}: takes {k} args, not {}", n.args.len())));
            }
        }
        if kind == NodeKind::Dict && !n.args.len().is_multiple_of(2) {
            return Err(self.err(format!(
                "{at}: args are key, value pairs: an even number, not {}",
                n.args.len()
            )));
        }
        let mut args = Vec::with_capacity(n.args.len());
        for (k, r) in n.args.into_iter().enumerate() {
            args.push(self.reference(r, &format!("{at} args[{k}]"), names, i, n_objects)?);
        }
        Ok(Node { id, kind, args })
    }

    /// A reference at `at`; nodes below `n_nodes` and objects below `n_objects` exist.
    fn reference(
        &mut self,
        r: RawRef,
        at: &str,
        names: &HashMap<&str, usize>,
        n_nodes: usize,
        n_objects: usize,
    ) -> Result<Ref> {
        Ok(match r {
            RawRef::Input(name) => match names.get(name.as_str()) {
                Some(&i) => Ref::Input(i),
                None => {
                    return Err(self.err(format!(
                        "{at}: input '{name}' is not declared in \"inputs\""
                    )))
                }
            },
            RawRef::Node(n) if n < n_nodes as u64 => Ref::Node(n as usize),
            RawRef::Node(n) => {
                return Err(self.err(format!(
                    "{at}: node {n} does not exist before this point (a reference must point to an earlier node)"
                )))
            }
            RawRef::Object(o) if o < n_objects as u64 => Ref::Object(o as usize),
            RawRef::Object(o) => {
                return Err(self.err(format!(
                    "{at}: object {o} does not exist (the pipeline has {n_objects} objects)"
                )))
            }
            RawRef::Value(v) => Ref::Value(self.value(&v, at, n_objects)?),
        })
    }
}
