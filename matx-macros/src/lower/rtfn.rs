//! The runtime's entry points that generated code calls, named by type. The checker picks
//! one, the lowering spells its path, and optimisations match variants: a rename is a
//! compile error here, never an optimisation silently switched off by a string that no
//! longer matches. (Functions the stubs declare and ops a script imports are named by their
//! declarations instead: [`crate::ir::Callee::Declared`].)

use proc_macro2::TokenStream;
use quote::quote;

macro_rules! runtime_fns {
    ($($(#[$doc:meta])* $v:ident => $($seg:ident)::+;)*) => {
        /// A function of the runtime generated code calls.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RtFn {
            $($(#[$doc])* $v,)*
        }

        impl RtFn {
            /// The absolute path of the function.
            pub fn path(self) -> TokenStream {
                match self {
                    $(RtFn::$v => quote!(::matx::$($seg)::+),)*
                }
            }
        }
    };
}

runtime_fns! {
    // Protocols of every value (`rt/protocol.rs`).
    Len => rt::len;
    Eq => rt::eq;
    Lt => rt::lt;
    Le => rt::le;
    Gt => rt::gt;
    Ge => rt::ge;
    Contains => rt::contains;
    GetItem => rt::get_item;
    GetSlice => rt::get_slice;
    DelItem => rt::del_item;
    DelSlice => rt::del_slice;
    Concat => rt::concat;
    Repeat => rt::repeat;
    IsNone => rt::is_none;
    ToList => rt::to_list;
    ToSet => rt::to_set;
    MakeIter => rt::make_iter;
    Next => rt::next;
    NextOpt => rt::next_opt;
    NextOr => rt::next_or;
    // Numbers compared exactly across int and float.
    EqNum => rt::eq_num;
    NeNum => rt::ne_num;
    LtNum => rt::lt_num;
    LeNum => rt::le_num;
    GtNum => rt::gt_num;
    GeNum => rt::ge_num;
    // Sets.
    SetLt => rt::set_lt;
    SetLe => rt::set_le;
    SetGt => rt::set_gt;
    SetGe => rt::set_ge;
    SetBitor => rt::set_bitor;
    SetBitand => rt::set_bitand;
    SetBitxor => rt::set_bitxor;
    SetSub => rt::set_sub;
    // Dicts and tuples.
    DictMerge => rt::dict_merge;
    DictFromPairs => rt::dict_from_pairs;
    DictFromkeys => rt::dict_fromkeys;
    TupleGet => rt::tuple_get;
    TupleN => rt::tuple_n;
    TupleToList => rt::tuple_to_list;
    TupleContains => rt::tuple_contains;
    TupleCount => rt::tuple_count;
    TupleIndex => rt::tuple_index;
    // Builtins the compiler lowers (`rt/builtins.rs`, `builtins/`).
    Print => rt::print;
    Sorted => rt::sorted;
    SortedByKey => rt::sorted_by_key;
    SortByKey => rt::sort_by_key;
    Min => rt::min;
    Max => rt::max;
    MinByKey => rt::min_by_key;
    MaxByKey => rt::max_by_key;
    Min2 => builtins::min2;
    Max2 => builtins::max2;
    Any => rt::any;
    All => rt::all;
    AnyFn => rt::any_fn;
    AllFn => rt::all_fn;
    SumInt => rt::sum_int;
    SumFloat => rt::sum_float;
    BoolsToInts => rt::bools_to_ints;
    IntsToFloats => rt::ints_to_floats;
    Enumerate => rt::enumerate;
    Zip1 => rt::zip1;
    Zip2 => rt::zip2;
    Zip3 => rt::zip3;
    Zip4 => rt::zip4;
    Reversed => rt::reversed;
    Map => rt::map;
    Map2 => rt::map2;
    Filter => rt::filter;
    FilterByTruth => rt::filter_by_truth;
    FilterTruthy => rt::filter_truthy;
    BytesFromList => rt::bytes_from_list;
    BytesZeros => rt::bytes_zeros;
    Maketrans => rt::maketrans;
    Translate => rt::translate;
    FormatMap => rt::format_map;
    Range => builtins::range;
    IntFromStr => builtins::int_from_str;
    IntFromFloat => builtins::int_from_float;
    FloatFromStr => builtins::float_from_str;
    RoundFloat => builtins::round_float;
    RoundFloatNd => builtins::round_float_nd;
    RoundIntNd => builtins::round_int_nd;
    PowInt => builtins::pow_int;
    PowIntFloat => builtins::pow_int_float;
    PowFloat => builtins::pow_float;
    PowMod => builtins::pow_mod;
    // Arithmetic with Python's errors (`ops/`).
    AddInt => ops::add_int;
    SubInt => ops::sub_int;
    MulInt => ops::mul_int;
    NegInt => ops::neg_int;
    TruedivInt => ops::truediv_int;
    TruedivFloat => ops::truediv_float;
    FloordivInt => ops::floordiv_int;
    FloordivFloat => ops::floordiv_float;
    ModInt => ops::mod_int;
    ModFloat => ops::mod_float;
    LshiftInt => ops::lshift_int;
    RshiftInt => ops::rshift_int;
    // `Any` (`rt/any.rs`, `rt/any_methods.rs`).
    AnyAdd => rt::any_add;
    AnySub => rt::any_sub;
    AnyMul => rt::any_mul;
    AnyTruediv => rt::any_truediv;
    AnyFloordiv => rt::any_floordiv;
    AnyMod => rt::any_mod;
    AnyPow => rt::any_pow;
    AnyLshift => rt::any_lshift;
    AnyRshift => rt::any_rshift;
    AnyBitand => rt::any_bitand;
    AnyBitor => rt::any_bitor;
    AnyBitxor => rt::any_bitxor;
    AnyNeg => rt::any_neg;
    AnyGetItem => rt::any_get_item;
    AnyGetSlice => rt::any_get_slice;
    AnyContains => rt::any_contains;
    AnyIsinstance => rt::any_isinstance;
    AnyToInt => rt::any_to_int;
    AnyToFloat => rt::any_to_float;
    AnyCallMethod => rt::any_call_method;
    AnyCall => rt::any_call;
    AnyGetattr => rt::any_getattr;
    AnySetattr => rt::any_setattr;
    AnyCallFunction => rt::any_call_function;
    // What a `for` runs for `enumerate`, `zip`, ...: CPython's lazy iterators (`rt/lazy.rs`).
    LazyEnumerate => rt::lazy_enumerate;
    LazyZip2 => rt::lazy_zip2;
    LazyZip3 => rt::lazy_zip3;
    LazyZip4 => rt::lazy_zip4;
    LazyReversed => rt::lazy_reversed;
    LazyMap => rt::lazy_map;
    LazyMap2 => rt::lazy_map2;
    LazyFilter => rt::lazy_filter;
    LazyFilterByTruth => rt::lazy_filter_by_truth;
    LazyFilterTruthy => rt::lazy_filter_truthy;
    // Other.
    StrAsStr => Str::as_str;
    OpNew => registry::Op::new;
    ResourceScriptArg => resource::script_arg;
}

impl RtFn {
    /// The lazy iterator a `for` runs instead of this eager builtin (`enumerate`, `zip`,
    /// `reversed`, `map`, `filter`), and how many of its first arguments are iterables it
    /// iterates itself.
    pub fn lazy_form(self) -> Option<(RtFn, usize)> {
        Some(match self {
            RtFn::Enumerate => (RtFn::LazyEnumerate, 1),
            RtFn::Zip2 => (RtFn::LazyZip2, 2),
            RtFn::Zip3 => (RtFn::LazyZip3, 3),
            RtFn::Zip4 => (RtFn::LazyZip4, 4),
            RtFn::Reversed => (RtFn::LazyReversed, 0),
            RtFn::Map => (RtFn::LazyMap, 1),
            RtFn::Map2 => (RtFn::LazyMap2, 2),
            RtFn::Filter => (RtFn::LazyFilter, 1),
            RtFn::FilterByTruth => (RtFn::LazyFilterByTruth, 1),
            RtFn::FilterTruthy => (RtFn::LazyFilterTruthy, 1),
            _ => return None,
        })
    }

    /// Whether the function returns a container no one else refers to yet (so making it
    /// `Any` shares nothing).
    pub fn returns_fresh(self) -> bool {
        matches!(
            self,
            RtFn::ToList | RtFn::ToSet | RtFn::Sorted | RtFn::SortedByKey
        )
    }
}
