//! The `matx` Python package: bindings over the runtime (built out by the Python issue).
