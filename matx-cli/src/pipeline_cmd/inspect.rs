//! `matx inspect DIR [--dot]`: a saved pipeline's graph (read and checked, nothing made, no op needed) as readable text or as a Graphviz `digraph`.

use super::Failure;
use matx::pipeline::{Graph, NodeKind, Ref, Source, Target, Value};
use std::fmt::Write;
use std::path::Path;

/// The text `matx inspect` prints for the pipeline in `dir`.
pub fn render(dir: &Path, dot: bool) -> Result<String, Failure> {
    let graph = Graph::load(dir)?;
    Ok(if dot {
        to_dot(&graph)
    } else {
        to_text(&graph, dir)
    })
}

/// A constant as Python writes it (`'[UNK]'`, `(1,)`, `{'a': 1}`); resources and object
/// references as what they name.
fn value(v: &Value) -> String {
    let seq = |items: &[Value]| items.iter().map(value).collect::<Vec<_>>().join(", ");
    match v {
        Value::None => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => matx::repr(&matx::Any::Float(*f)).unwrap_or_else(|_| f.to_string()),
        Value::Str(s) => matx::value::repr_str(s),
        Value::Bytes(b) => matx::value::repr_bytes(b),
        Value::List(items) => format!("[{}]", seq(items)),
        Value::Tuple(items) if items.len() == 1 => format!("({},)", seq(items)),
        Value::Tuple(items) => format!("({})", seq(items)),
        Value::Dict(pairs) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("{}: {}", value(k), value(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Set(items) if items.is_empty() => "set()".to_string(),
        Value::Set(items) => format!("{{{}}}", seq(items)),
        Value::Resource { path, .. } => format!("resource {path}"),
        Value::Object(id) => format!("object {id}"),
    }
}

/// An argument or output: `input texts`, `node 3`, `object 0`, or a constant.
fn reference(g: &Graph, r: &Ref) -> String {
    match r {
        Ref::Input(i) => match g.inputs.get(*i) {
            Some(input) => format!("input {}", input.name),
            None => format!("input #{i}"),
        },
        Ref::Node(i) => format!("node {i}"),
        Ref::Object(i) => format!("object {i}"),
        Ref::Value(v) => value(v),
    }
}

fn args(g: &Graph, refs: &[Ref]) -> String {
    refs.iter()
        .map(|r| reference(g, r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a node computes, with its arguments: `call text.split(input texts)`.
fn node_text(g: &Graph, kind: &NodeKind, refs: &[Ref]) -> String {
    match kind {
        NodeKind::Call { op, .. } => format!("call {op}({})", args(g, refs)),
        NodeKind::Method { object, method } => {
            let class = g.objects.get(*object).map_or("?", |o| o.op.as_str());
            format!(
                "method object {object}.{method}({}) [{class}]",
                args(g, refs)
            )
        }
        NodeKind::GetItem => match refs {
            [a, b] => format!("getitem {}[{}]", reference(g, a), reference(g, b)),
            _ => format!("getitem({})", args(g, refs)),
        },
        NodeKind::List => format!("list [{}]", args(g, refs)),
        NodeKind::Tuple => format!("tuple ({})", args(g, refs)),
        NodeKind::Dict => {
            let pairs: Vec<String> = refs
                .chunks(2)
                .map(|kv| match kv {
                    [k, v] => format!("{}: {}", reference(g, k), reference(g, v)),
                    [k] => reference(g, k),
                    _ => String::new(),
                })
                .collect();
            format!("dict {{{}}}", pairs.join(", "))
        }
        NodeKind::BinOp(op) => match refs {
            [a, b] => format!(
                "binop {} {} {}",
                reference(g, a),
                op.symbol(),
                reference(g, b)
            ),
            _ => format!("binop {}({})", op.symbol(), args(g, refs)),
        },
    }
}

fn library_suffix(library: Option<&str>) -> String {
    library.map_or(String::new(), |l| format!("  (library {l})"))
}

/// The readable listing.
fn to_text(g: &Graph, dir: &Path) -> String {
    let mut out = String::new();
    // `write!` into a String cannot fail.
    let _ = writeln!(
        out,
        "pipeline {} (format version {}{})",
        dir.display(),
        g.version,
        g.matx_version
            .as_deref()
            .map_or(String::new(), |v| format!(", saved by matx {v}"))
    );
    let section = |out: &mut String, title: &str, n: usize| {
        let _ = writeln!(out, "\n{title} ({n}):");
        if n == 0 {
            out.push_str("  (none)\n");
        }
    };
    section(&mut out, "inputs", g.inputs.len());
    for i in &g.inputs {
        let _ = writeln!(out, "  {}: {}", i.name, i.ty.name());
    }
    section(&mut out, "objects", g.objects.len());
    for o in &g.objects {
        let ctor = o.args.iter().map(value).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            out,
            "  object {} = {}({}){}",
            o.id,
            o.op,
            ctor,
            library_suffix(o.library.as_deref())
        );
    }
    section(&mut out, "nodes", g.nodes.len());
    for n in &g.nodes {
        let library = match &n.kind {
            NodeKind::Call { library, .. } => library.as_deref(),
            _ => None,
        };
        let _ = writeln!(
            out,
            "  node {} = {}{}",
            n.id,
            node_text(g, &n.kind, &n.args),
            library_suffix(library)
        );
    }
    section(&mut out, "outputs", g.outputs.len());
    for (i, r) in g.outputs.iter().enumerate() {
        let _ = writeln!(out, "  output {i} = {}", reference(g, r));
    }
    section(&mut out, "resources", g.resources.len());
    for r in &g.resources {
        let _ = writeln!(out, "  {}", r.path);
    }
    section(&mut out, "libraries", g.libraries.len());
    for l in &g.libraries {
        match &l.native {
            Some(native) => {
                let _ = writeln!(out, "  {} (native {native})", l.name);
            }
            None => {
                let _ = writeln!(out, "  {}", l.name);
            }
        }
    }
    out
}

/// `s` as a double-quoted DOT string.
fn dot_quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn dot_id(s: Source) -> String {
    match s {
        Source::Input(i) => format!("input{i}"),
        Source::Node(i) => format!("node{i}"),
        Source::Object(i) => format!("object{i}"),
    }
}

/// The Graphviz form: one node per input, object, node and output; an edge per reference.
fn to_dot(g: &Graph) -> String {
    let mut out = String::from("digraph pipeline {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (i, input) in g.inputs.iter().enumerate() {
        let label = format!("input {}: {}", input.name, input.ty.name());
        let _ = writeln!(
            out,
            "  input{i} [shape=ellipse, label={}];",
            dot_quote(&label)
        );
    }
    for o in &g.objects {
        let ctor = o.args.iter().map(value).collect::<Vec<_>>().join(", ");
        let label = format!("object {}\n{}({ctor})", o.id, o.op);
        let _ = writeln!(
            out,
            "  object{} [shape=box, style=rounded, label={}];",
            o.id,
            dot_quote(&label)
        );
    }
    for n in &g.nodes {
        let label = format!("node {}\n{}", n.id, node_text(g, &n.kind, &n.args));
        let _ = writeln!(
            out,
            "  node{} [shape=box, label={}];",
            n.id,
            dot_quote(&label)
        );
    }
    for (i, r) in g.outputs.iter().enumerate() {
        let label = match r {
            Ref::Value(v) => format!("output {i} = {}", value(v)),
            _ => format!("output {i}"),
        };
        let _ = writeln!(
            out,
            "  output{i} [shape=doubleoctagon, label={}];",
            dot_quote(&label)
        );
    }
    // Objects made from earlier objects.
    for o in &g.objects {
        let mut refs = Vec::new();
        for a in &o.args {
            collect_objects(a, &mut refs);
        }
        for from in refs {
            let _ = writeln!(out, "  object{from} -> object{} [style=dashed];", o.id);
        }
    }
    for e in g.edges() {
        let from = dot_id(e.from);
        let _ = match e.to {
            Target::Node { node, arg } => {
                writeln!(out, "  {from} -> node{node} [label=\"{arg}\"];")
            }
            Target::Receiver { node } => {
                writeln!(
                    out,
                    "  {from} -> node{node} [label=\"self\", style=dashed];"
                )
            }
            Target::Output(i) => writeln!(out, "  {from} -> output{i};"),
        };
    }
    out.push_str("}\n");
    out
}

/// The objects a constructor argument refers to, nested ones included.
fn collect_objects(v: &Value, out: &mut Vec<usize>) {
    match v {
        Value::Object(id) => out.push(*id),
        Value::List(items) | Value::Tuple(items) | Value::Set(items) => {
            items.iter().for_each(|x| collect_objects(x, out))
        }
        Value::Dict(pairs) => pairs.iter().for_each(|(k, x)| {
            collect_objects(k, out);
            collect_objects(x, out);
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_python() {
        let v = Value::List(vec![
            Value::Str("it's".into()),
            Value::Tuple(vec![Value::Int(1)]),
            Value::Float(0.1),
            Value::Set(vec![]),
            Value::Dict(vec![(Value::Str("k".into()), Value::None)]),
            Value::Bytes(b"a\x00".to_vec()),
            Value::Bool(true),
            Value::Object(2),
        ]);
        assert_eq!(
            value(&v),
            r#"["it's", (1,), 0.1, set(), {'k': None}, b'a\x00', True, object 2]"#
        );
    }

    #[test]
    fn dot_strings_are_escaped() {
        assert_eq!(dot_quote("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\nd""#);
    }
}
