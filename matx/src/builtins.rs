//! Python builtin functions (`len`, `range`, `sorted`, `int`, …) with CPython semantics.
