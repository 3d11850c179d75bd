//! `portalis_rt`: the runtime support library of Portalis-generated Rust.
//!
//! Generated modules start with `use portalis_rt::*;` and call the functions
//! re-exported here: Python int and float arithmetic with CPython 3.11's
//! results and exceptions (`int`, `float`, `round`, `math`), the exception
//! type (`err`), the recursion guard (`depth`) and the WASM ABI (`abi`,
//! docs/abi.md). std only; builds with rustc 1.63 and current stable, for
//! wasm32-unknown-unknown and natively (for tests). actors/rt/README.md lists
//! the API.

mod abi;
mod big;
mod dd;
mod depth;
mod err;
mod expo;
mod float;
mod int;
mod io;
mod math;
mod pyint;
mod repr;
mod round;
mod script;
mod stdin;
mod trig;
mod value;
mod wire;

pub use abi::*;
pub use depth::*;
pub use err::{
    Exc, PyErr, PyResult, COMPLEX_POW, DIV_ZERO, FLOAT_DIVMOD_ZERO, FLOAT_DIV_ZERO, FLOAT_FLOORDIV_ZERO,
    FLOAT_INF_TO_INT, FLOAT_MOD_ZERO, FLOAT_NAN_TO_INT, INT_DIV_ZERO, INT_MOD_ZERO, INT_OVERFLOW, MATH_DOMAIN,
    MATH_RANGE, NEGATIVE_INT_POW, NEGATIVE_SHIFT, POW_RANGE, RECURSION, ROUND_TOO_LARGE, ZERO_NEG_POW, EOF_READING_LINE,
};
pub use float::*;
pub use int::*;
pub use io::{flush_stdout, sys_argc, sys_argv, write_fd};
pub use math::*;
pub use pyint::*;
pub use repr::*;
pub use round::*;
pub use script::*;
pub use value::*;
pub use wire::*;
mod str;
mod unicode;
mod unicode_tables;
pub use self::str::*;
mod str_pred;
pub use str_pred::*;
mod str_case;
pub use str_case::*;
mod hash;
mod list;
mod slice;
mod sort;

pub use hash::*;
pub use list::*;
pub use slice::*;
pub use sort::{permute, sort_order, sort_values};
mod str_search;
pub use str_search::*;
mod str_split;
pub use str_split::*;
mod str_pad;
pub use str_pad::*;
mod dict;
mod tuple;

pub use dict::*;
pub use tuple::*;
mod fmt_spec;
pub use fmt_spec::format_str;
mod fmt_num;
pub use fmt_num::*;
mod set;
mod set_table;

pub use set::*;
pub use set_table::SetTable;
mod str_parse;
pub use str_parse::*;
mod dict_views;
pub use dict_views::*;
mod iterable;
pub use iterable::*;
mod builtins;
pub use builtins::*;
mod callable;
mod iter;
mod range;

pub use callable::*;
pub use iter::*;
pub use range::*;
mod range_traits;
mod container_builtins;
pub use container_builtins::*;
mod union;
pub use union::*;
