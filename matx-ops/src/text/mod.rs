//! Text ops: vocabularies and WordPiece, as BERT-style tokenizers use them.

mod vocab;
mod wordpiece;

pub use vocab::Vocabulary;
pub use wordpiece::wordpiece_tokenize;
