//! Binding the arguments of a dynamic call (a method of a compiled class called on an `Any`)
//! to its parameters, with CPython's rules and `TypeError` messages.

use crate::error::{exc, Error};
use crate::{Any, Result, Str};

/// One parameter of a method called dynamically.
pub struct ParamSpec {
    pub name: &'static str,
    pub has_default: bool,
    pub positional_only: bool,
    pub keyword_only: bool,
}

fn type_error(msg: String) -> Error {
    Error::new(&exc::TypeError, msg)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list of missing names).
fn names_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds `args` and `kwargs` of a call of `qualname` (`Class.method`, where `method` says
/// the messages count `self` as CPython does) to `params`: one slot per parameter, `None`
/// where the argument was left out and the parameter's default applies.
pub fn bind_call(
    qualname: &str,
    method: bool,
    params: &[ParamSpec],
    args: Vec<Any>,
    kwargs: Vec<(Str, Any)>,
) -> Result<Vec<Option<Any>>> {
    let me = usize::from(method);
    let mut slots: Vec<Option<Any>> = vec![None; params.len()];
    let positional: Vec<usize> = (0..params.len())
        .filter(|&i| !params[i].keyword_only)
        .collect();
    let given = args.len();
    if given > positional.len() {
        let required = positional
            .iter()
            .filter(|&&i| !params[i].has_default)
            .count();
        let takes = if required == positional.len() {
            format!("{}", positional.len() + me)
        } else {
            format!("from {} to {}", required + me, positional.len() + me)
        };
        return Err(type_error(format!(
            "{qualname}() takes {takes} positional argument{} but {} {} given",
            if takes == "1" { "" } else { "s" },
            given + me,
            if given + me == 1 { "was" } else { "were" }
        )));
    }
    for (j, a) in args.into_iter().enumerate() {
        slots[positional[j]] = Some(a);
    }
    for (k, v) in kwargs {
        match params.iter().position(|p| p.name == k.as_str()) {
            Some(i) if params[i].positional_only => {
                return Err(type_error(format!(
                    "{qualname}() got some positional-only arguments passed as keyword arguments: '{k}'"
                )))
            }
            Some(i) if slots[i].is_some() => {
                return Err(type_error(format!(
                    "{qualname}() got multiple values for argument '{k}'"
                )))
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(type_error(format!(
                    "{qualname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let missing: Vec<&str> = params
        .iter()
        .zip(&slots)
        .filter(|(p, s)| s.is_none() && !p.has_default && !p.keyword_only)
        .map(|(p, _)| p.name)
        .collect();
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{qualname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            names_list(&missing)
        )));
    }
    let missing_kw: Vec<&str> = params
        .iter()
        .zip(&slots)
        .filter(|(p, s)| s.is_none() && !p.has_default && p.keyword_only)
        .map(|(p, _)| p.name)
        .collect();
    if !missing_kw.is_empty() {
        return Err(type_error(format!(
            "{qualname}() missing {} required keyword-only argument{}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            names_list(&missing_kw)
        )));
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::outcome;

    fn p(name: &'static str, has_default: bool) -> ParamSpec {
        ParamSpec {
            name,
            has_default,
            positional_only: false,
            keyword_only: false,
        }
    }

    #[test]
    fn binds_as_cpython() {
        let ps = [p("a", false), p("b", true)];
        let one = || vec![Any::Int(1)];
        let s = bind_call("A.f", true, &ps, one(), vec![]).unwrap();
        assert!(s[0].is_some() && s[1].is_none());
        let s = bind_call("A.f", true, &ps, one(), vec![(Str::from("b"), Any::Int(2))]).unwrap();
        assert!(s[1].is_some());
        assert_eq!(
            outcome(bind_call("A.f", true, &ps, vec![Any::None; 3], vec![])),
            "TypeError('A.f() takes from 2 to 3 positional arguments but 4 were given')"
        );
        assert_eq!(
            outcome(bind_call("A.f", true, &ps, vec![], vec![])),
            "TypeError(\"A.f() missing 1 required positional argument: 'a'\")"
        );
        assert_eq!(
            outcome(bind_call(
                "A.f",
                true,
                &ps,
                one(),
                vec![(Str::from("a"), Any::None)]
            )),
            "TypeError(\"A.f() got multiple values for argument 'a'\")"
        );
        assert_eq!(
            outcome(bind_call(
                "A.f",
                true,
                &ps,
                one(),
                vec![(Str::from("c"), Any::None)]
            )),
            "TypeError(\"A.f() got an unexpected keyword argument 'c'\")"
        );
        let three = [p("a", false), p("b", false), p("c", false)];
        assert_eq!(
            outcome(bind_call("g", false, &three, vec![], vec![])),
            "TypeError(\"g() missing 3 required positional arguments: 'a', 'b', and 'c'\")"
        );
    }
}
