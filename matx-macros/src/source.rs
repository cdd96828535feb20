//! Script source text: line/column mapping and the diagnostics every pass reports.

use ruff_text_size::{TextRange, TextSize};

/// A script's text and where it came from.
pub struct Source {
    /// The name used in messages (the path as the user wrote it).
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// For inline scripts: the Rust file's line of the text's first line, and the indentation
    /// removed from every line (added back to reported columns).
    pub origin: Option<(usize, usize)>,
}

impl Source {
    pub fn new(name: String, text: String, origin: Option<(usize, usize)>) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Source {
            name,
            text,
            line_starts,
            origin,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: TextSize) -> (usize, usize) {
        let off = (u32::from(offset) as usize).min(self.text.len());
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self.text.get(start..off).map_or(0, |s| s.chars().count());
        match self.origin {
            // Inline scripts report positions in the Rust file.
            Some((l0, shift)) => (l0 + line, col + 1 + shift),
            None => (line + 1, col + 1),
        }
    }

    /// The 1-based line number as the script reports it at run time.
    pub fn line(&self, offset: TextSize) -> u32 {
        self.line_col(offset).0 as u32
    }
}

/// One compile error at a script position.
#[derive(Debug, Clone)]
pub struct Diag {
    pub range: TextRange,
    pub message: String,
}

/// Collected compile errors: passes keep going after an error so the user
/// sees all of them at once.
#[derive(Default)]
pub struct Diags {
    pub list: Vec<Diag>,
}

impl Diags {
    pub fn error(&mut self, range: TextRange, message: impl Into<String>) {
        self.list.push(Diag {
            range,
            message: message.into(),
        });
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
    /// Messages rendered as `file:line:col: message`.
    pub fn render(&self, src: &Source) -> Vec<(TextRange, String)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for d in &self.list {
            let (line, col) = src.line_col(d.range.start());
            let text = format!("{}:{}:{}: {}", src.name, line, col, d.message);
            if seen.insert(text.clone()) {
                out.push((d.range, text));
            }
        }
        out
    }
}
