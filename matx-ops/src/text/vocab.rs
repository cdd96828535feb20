//! `Vocabulary`: a token list read from a file (one token a line, the line number is the id, as BERT's `vocab.txt`), with lookups both ways.

use matx::{exc, Error, List, Resource, Result, Str};
use std::collections::HashMap;

/// A vocabulary file loaded once and shared by every script and thread that holds it.
pub struct Vocabulary {
    ids: HashMap<Box<str>, i64>,
    tokens: Vec<Str>,
    unk_id: i64,
}

impl Vocabulary {
    /// Reads `path` (UTF-8, `\n` or `\r\n` line ends); `unk_token` must be one of its tokens.
    pub fn from_file(path: &Resource, unk_token: &str) -> Result<Self> {
        let text = path
            .read_to_string()
            .map_err(|e| Error::new(e.kind(), format!("vocabulary: {}", e.message())))?;
        let path = path.display();
        let mut ids = HashMap::new();
        let mut tokens = Vec::new();
        for line in text.lines() {
            let tok = line.strip_suffix('\r').unwrap_or(line);
            // The first occurrence keeps its id, as the reference tokenizers do.
            ids.entry(Box::from(tok)).or_insert(tokens.len() as i64);
            tokens.push(Str::from(tok));
        }
        let unk_id = *ids.get(unk_token).ok_or_else(|| {
            Error::new(
                &exc::ValueError,
                format!("the unknown token '{unk_token}' is not in vocabulary '{path}'"),
            )
        })?;
        Ok(Vocabulary {
            ids,
            tokens,
            unk_id,
        })
    }

    /// The id of `token`, if it is in the vocabulary.
    pub fn get(&self, token: &str) -> Option<i64> {
        self.ids.get(token).copied()
    }

    /// The id of the unknown token.
    pub fn unk(&self) -> i64 {
        self.unk_id
    }
}

#[matx::op(name = "text.Vocabulary")]
impl Vocabulary {
    /// `Vocabulary(path, unk_token)`.
    pub fn new(path: Resource, unk_token: Str) -> Result<Self> {
        Self::from_file(&path, unk_token.as_str())
    }

    /// The number of tokens (lines).
    pub fn size(&self) -> i64 {
        self.tokens.len() as i64
    }

    /// The id of `token`, or the unknown token's.
    pub fn token_to_id(&self, token: Str) -> i64 {
        self.get(token.as_str()).unwrap_or(self.unk_id)
    }

    /// The token with id `id` (`IndexError` outside the vocabulary; negative ids count from
    /// the end, as list indexes do).
    pub fn id_to_token(&self, id: i64) -> Result<Str> {
        let n = self.tokens.len() as i64;
        let i = if id < 0 { id + n } else { id };
        if (0..n).contains(&i) {
            Ok(self.tokens[i as usize].clone())
        } else {
            Err(Error::new(&exc::IndexError, "vocabulary id out of range"))
        }
    }

    /// The ids of `tokens` (the unknown token's id for those not in the vocabulary).
    pub fn lookup(&self, tokens: List<Str>) -> List<i64> {
        let ids = tokens.with_read(|ts| {
            ts.iter()
                .map(|t| self.get(t.as_str()).unwrap_or(self.unk_id))
                .collect()
        });
        List::from_vec(ids)
    }
}
