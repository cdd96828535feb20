//! Operators with Python semantics: checked int arithmetic, floor division and modulo, comparisons, concatenation.
