//! Methods the compiler lowers itself (`str.format`, `list.sort`, `str.translate`, …), calls through types (`str.maketrans`, `dict.fromkeys`), tuple methods and f-strings.

use super::call::Args;
use super::Checker;
use crate::ir::{Expr, ExprKind, FmtPart, RtFn};
use crate::types::Ty;
use ruff_python_ast::{self as ast, Expr as AExpr};
use ruff_text_size::TextRange;

impl Checker<'_> {
    /// Methods that need the compiler: `str.format`, `list.sort`, `dict.fromkeys`; None for ordinary stub methods.
    pub fn special_method(
        &mut self,
        recv: &Expr,
        t: &Ty,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Option<Expr> {
        let line = self.line(r);
        match (t, name) {
            (Ty::Str, "format") => {
                let args = a.args.iter().map(|x| self.expr(x)).collect();
                let kwargs = a
                    .keywords
                    .iter()
                    .filter_map(|k| {
                        k.arg
                            .as_ref()
                            .map(|n| (n.id.to_string(), self.expr(&k.value)))
                    })
                    .collect();
                Some(Expr {
                    kind: ExprKind::FormatCall {
                        template: Box::new(recv.clone()),
                        args,
                        kwargs,
                        percent: false,
                    },
                    ty: Ty::Str,
                    line,
                })
            }
            (Ty::Str, "translate") if a.args.len() == 1 && a.keywords.is_empty() => {
                let table = self.expr(&a.args[0]);
                if self.has_var(&table.ty) {
                    // `s.translate({})`: the default table type.
                    let t = table.ty.clone();
                    self.unify(&t, &Ty::dict(Ty::Int, Ty::optional(Ty::Str)));
                }
                let ok = match self.resolve(&table.ty) {
                    Ty::Dict(k, v) => {
                        *k == Ty::Int
                            && match self.resolve(&v) {
                                Ty::Str | Ty::Int => true,
                                Ty::Optional(i) => matches!(self.resolve(&i), Ty::Str | Ty::Int),
                                _ => false,
                            }
                    }
                    _ => false,
                };
                if !ok {
                    let t = self.resolve(&table.ty);
                    self.error(r, format!("str.translate() needs a `Dict[int, str]`, `Dict[int, int]` or `Dict[int, Optional[...]]` table, not `{}`", t.py()));
                }
                Some(self.call_on(
                    RtFn::Translate,
                    recv.clone(),
                    vec![table],
                    Ty::Str,
                    true,
                    line,
                ))
            }
            (Ty::Str, "format_map") if a.args.len() == 1 => {
                let d = self.expr(&a.args[0]);
                match self.resolve(&d.ty) {
                    Ty::Dict(k, _) if *k == Ty::Str => Some(self.call_on(
                        RtFn::FormatMap,
                        recv.clone(),
                        vec![d],
                        Ty::Str,
                        true,
                        line,
                    )),
                    other => {
                        self.error(
                            r,
                            format!(
                                "format_map() needs a `Dict[str, ...]`, not `{}`",
                                other.py()
                            ),
                        );
                        Some(self.poison(r))
                    }
                }
            }
            (Ty::List(el), "sort") => {
                self.no_kw(a, &["key", "reverse"], "sort");
                if !a.args.is_empty() {
                    self.error(r, "list.sort() takes keyword arguments only");
                }
                let reverse = self.reverse_kw(a, line);
                let key = self
                    .kw(a, "key")
                    .filter(|k| !matches!(k, AExpr::NoneLiteral(_)));
                let e = match key {
                    Some(k) => {
                        let kt = self.fresh();
                        let f = self.arg_consumed(
                            k,
                            &Ty::Func(vec![(**el).clone()], Box::new(kt)),
                            "key function",
                        );
                        self.rt(
                            RtFn::SortByKey,
                            vec![recv.clone(), f, reverse],
                            Ty::None,
                            true,
                            line,
                        )
                    }
                    None => {
                        if !self.resolve(el).is_ordered() {
                            let t = self.resolve(el);
                            self.error(
                                r,
                                format!(
                                    "list.sort() needs values that can be ordered, not `{}`",
                                    t.py()
                                ),
                            );
                        }
                        Expr {
                            kind: ExprKind::Method {
                                recv: Box::new(recv.clone()),
                                name: "sort".into(),
                                args: vec![reverse],
                                fallible: true,
                            },
                            ty: Ty::None,
                            line,
                        }
                    }
                };
                Some(e)
            }
            _ => None,
        }
    }

    /// `str.join(...)`-style calls through the type and `dict.fromkeys`.
    pub fn type_static(
        &mut self,
        tname: &str,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        if tname == "dict" && name == "fromkeys" {
            if a.args.is_empty() || a.args.len() > 2 {
                self.error(r, "dict.fromkeys() takes an iterable and an optional value");
                return self.poison(r);
            }
            let (keys, kt) = self.iterable(&a.args[0]);
            let value = match a.args.get(1) {
                Some(v) => self.expr(v),
                None => Expr {
                    kind: ExprKind::NoneLit,
                    ty: Ty::None,
                    line,
                },
            };
            let vt = value.ty.clone();
            self.check_key_type(&kt, r);
            return self.rt(
                RtFn::DictFromkeys,
                vec![keys, value],
                Ty::dict(kt, vt),
                true,
                line,
            );
        }
        if tname == "str" && name == "maketrans" {
            if !(2..=3).contains(&a.args.len()) {
                self.error(r, "str.maketrans() is supported with two or three strings");
                return self.poison(r);
            }
            let x = self.arg_as(&a.args[0], &Ty::Str, "maketrans() argument");
            let y = self.arg_as(&a.args[1], &Ty::Str, "maketrans() argument");
            let z = match a.args.get(2) {
                Some(z) => {
                    let z = self.arg_as(z, &Ty::Str, "maketrans() argument");
                    Expr {
                        kind: ExprKind::Convert(crate::ir::Conv::Some, Box::new(z)),
                        ty: Ty::optional(Ty::Str),
                        line,
                    }
                }
                None => Expr {
                    kind: ExprKind::NoneLit,
                    ty: Ty::optional(Ty::Str),
                    line,
                },
            };
            return self.rt(
                RtFn::Maketrans,
                vec![x, y, z],
                Ty::dict(Ty::Int, Ty::optional(Ty::Int)),
                true,
                line,
            );
        }
        if tname == "str" || tname == "bytes" {
            // str.upper(s) == s.upper()
            let Some(first) = a.args.first() else {
                self.error(
                    r,
                    format!("`{tname}.{name}()` needs a {tname} as first argument"),
                );
                return self.poison(r);
            };
            let t = if tname == "str" { Ty::Str } else { Ty::Bytes };
            let recv = self.arg_as(first, &t, "self");
            let rest = Args {
                pos: a.args.iter().skip(1).collect(),
                kw: a
                    .keywords
                    .iter()
                    .filter_map(|k| k.arg.as_ref().map(|n| (n.id.as_str(), &k.value, k.range)))
                    .collect(),
            };
            return self.stub_call(recv, tname, &t, name, &rest, r);
        }
        self.error(r, format!("`{tname}.{name}` is not supported"));
        self.poison(r)
    }

    /// Tuple methods `count` and `index` (tuples of one element type).
    pub fn tuple_method(
        &mut self,
        recv: Expr,
        name: &str,
        a: &ast::Arguments,
        r: TextRange,
    ) -> Expr {
        let line = self.line(r);
        let Ty::Tuple(ts) = self.resolve(&recv.ty) else {
            return self.poison(r);
        };
        if !matches!(name, "count" | "index") {
            self.error(r, format!("tuple has no method `{name}`"));
            return self.poison(r);
        }
        if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) && a.args.len() > 1 && name == "index" {
            // t.index(x, start, end): through the run-time tuple.
            let el = ts[0].clone();
            let recv = self.iterable_value(recv, r);
            let tn = self.rt(
                RtFn::TupleN,
                vec![recv],
                Ty::TupleN(Box::new(el.clone())),
                true,
                line,
            );
            let x = self.arg_as(&a.args[0], &el, "value");
            let start = self.arg_as(&a.args[1], &Ty::Int, "start");
            let end = match a.args.get(2) {
                Some(e) => self.arg_as(e, &Ty::Int, "end"),
                None => Expr {
                    kind: ExprKind::Int(i64::MAX),
                    ty: Ty::Int,
                    line,
                },
            };
            return self.mk(
                ExprKind::Method {
                    recv: Box::new(tn),
                    name: "index_range".into(),
                    args: vec![x, start, end],
                    fallible: true,
                },
                Ty::Int,
                r,
            );
        }
        if ts.is_empty() || !ts.iter().all(|t| *t == ts[0]) || a.args.len() != 1 {
            self.error(
                r,
                format!(
                    "tuple.{name}() is supported on tuples of one element type, with one argument"
                ),
            );
            return self.poison(r);
        }
        let x = self.arg_as(&a.args[0], &ts[0], "value");
        let f = if name == "count" {
            RtFn::TupleCount
        } else {
            RtFn::TupleIndex
        };
        self.rt(f, vec![recv, x], Ty::Int, true, line)
    }

    /// An f-string.
    pub fn fstring(&mut self, f: &ast::ExprFString) -> Expr {
        let line = self.line(f.range);
        let mut parts = Vec::new();
        for p in f.value.iter() {
            match p {
                ast::FStringPart::Literal(l) => parts.push(FmtPart::Lit(l.value.to_string())),
                ast::FStringPart::FString(fs) => {
                    let ps = self.fstring_elements(&fs.elements);
                    parts.extend(ps);
                }
            }
        }
        Expr {
            kind: ExprKind::Format(parts),
            ty: Ty::Str,
            line,
        }
    }

    pub(super) fn fstring_elements(
        &mut self,
        els: &ast::InterpolatedStringElements,
    ) -> Vec<FmtPart> {
        let mut parts = Vec::new();
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    parts.push(FmtPart::Lit(l.value.to_string()))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        // f"{x=}": the expression text, then its repr unless a conversion/spec says otherwise.
                        parts.push(FmtPart::Lit(d.as_str().to_string()));
                    }
                    let e = self.expr(&i.expression);
                    let part = match (i.conversion, &i.format_spec) {
                        (ast::ConversionFlag::Repr, None) => FmtPart::Repr(e),
                        (ast::ConversionFlag::Ascii, None) => FmtPart::Ascii(e),
                        (ast::ConversionFlag::Str, None) => FmtPart::Str(e),
                        (ast::ConversionFlag::None, None) if i.debug_text.is_some() => {
                            FmtPart::Repr(e)
                        }
                        (ast::ConversionFlag::None, None) => FmtPart::Str(e),
                        (conv, Some(spec)) => {
                            let spec_parts = self.fstring_elements(&spec.elements);
                            let e = match conv {
                                ast::ConversionFlag::Repr => Expr {
                                    kind: ExprKind::Format(vec![FmtPart::Repr(e)]),
                                    ty: Ty::Str,
                                    line: self.line(i.range),
                                },
                                ast::ConversionFlag::Str => self.str_of(e),
                                ast::ConversionFlag::Ascii => Expr {
                                    kind: ExprKind::Format(vec![FmtPart::Ascii(e)]),
                                    ty: Ty::Str,
                                    line: self.line(i.range),
                                },
                                ast::ConversionFlag::None => e,
                            };
                            FmtPart::Spec(e, spec_parts)
                        }
                    };
                    parts.push(part);
                }
            }
        }
        parts
    }
}
