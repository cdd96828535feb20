//! WordPiece: a word split greedily into the longest vocabulary pieces, continuations marked `##` (BERT's tokenizer, after pre-tokenization).

use super::Vocabulary;
use matx::{exc, Error, List, Op, Result, Str};

/// The pieces of `word`: longest-match-first against `vocab`, pieces after the first looked
/// up with a `##` prefix. A word longer than `max_chars` characters, or one that cannot be
/// split, is the single piece `unk_token`.
#[matx::op(name = "text.wordpiece_tokenize")]
pub fn wordpiece_tokenize(
    vocab: Op<Vocabulary>,
    word: Str,
    unk_token: Str,
    max_chars: i64,
) -> Result<List<Str>> {
    if max_chars < 0 {
        return Err(Error::new(&exc::ValueError, "max_chars must be >= 0"));
    }
    let w = word.as_str();
    // Character boundaries (byte offsets), so pieces never split a code point.
    let bounds: Vec<usize> = w
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(w.len()))
        .collect();
    let nchars = bounds.len() - 1;
    if nchars as u64 > max_chars as u64 {
        return Ok(List::from_vec(vec![unk_token]));
    }
    let mut pieces = Vec::new();
    let mut buf = String::new();
    let mut start = 0;
    while start < nchars {
        let mut end = nchars;
        let mut found = None;
        while start < end {
            buf.clear();
            if start > 0 {
                buf.push_str("##");
            }
            buf.push_str(&w[bounds[start]..bounds[end]]);
            if vocab.get(&buf).is_some() {
                found = Some(Str::from(buf.as_str()));
                break;
            }
            end -= 1;
        }
        match found {
            Some(p) => pieces.push(p),
            None => return Ok(List::from_vec(vec![unk_token])),
        }
        start = end;
    }
    Ok(List::from_vec(pieces))
}
