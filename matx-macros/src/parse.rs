//! Pass 1: parse the script with ruff's Python parser (Python 3.11 syntax, CPython being the reference).

use crate::source::{Diags, Source};
use ruff_python_ast::{ModModule, PythonVersion};
use ruff_python_parser::{parse, Mode, ParseOptions};

/// Parses a whole module; syntax errors (including syntax newer than
/// Python 3.11, which the reference interpreter would reject) go to `diags`.
pub fn parse_module(src: &Source, diags: &mut Diags) -> Option<ModModule> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    match parse(&src.text, options) {
        Ok(parsed) => {
            for e in parsed.unsupported_syntax_errors() {
                diags.error(e.range, format!("{e} (CPython 3.11 rejects it)"));
            }
            parsed.into_syntax().module()
        }
        Err(e) => {
            diags.error(e.location, format!("Python syntax error: {}", e.error));
            None
        }
    }
}
