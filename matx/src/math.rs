//! `math`: the functions of Python's math module on floats and ints.
