//! The matx op library: text, vision and model ops callable from scripts (built out by later issues).
