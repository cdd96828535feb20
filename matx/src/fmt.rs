//! Python formatting: float repr, the format-spec mini-language, `%`-formatting and `str.format`.
