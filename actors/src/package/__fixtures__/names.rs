//! A module whose Python names collide with JS reserved words and with the
//! names the generated glue uses itself (see names-spec in names.test.ts):
//!
//!     def URL(result: int, error: int) -> int:        # result - error
//!     def Number(this: float, arguments: float) -> float:   # this - arguments
//!     def wasm(I64_MIN: int, fib: int) -> int:        # I64_MIN - fib
//!     def new(new_: int, new: int) -> int:            # new_ - new
//!     def instantiate(x: bool) -> bool:               # not x
#![allow(dead_code, non_snake_case)]

include!("../../../../runtime/src/__fixtures__/abi_support.rs");

#[no_mangle]
pub extern "C" fn URL(a: f64, b: f64) -> f64 {
    export_int(Ok(import_int(a) - import_int(b)))
}

#[no_mangle]
pub extern "C" fn URL__wide(a: i64, b: i64) -> i64 {
    export_int_wide(Ok(a - b))
}

#[no_mangle]
pub extern "C" fn Number(a: f64, b: f64) -> f64 {
    export_float(Ok(a - b))
}

#[no_mangle]
pub extern "C" fn wasm(a: f64, b: f64) -> f64 {
    export_int(Ok(import_int(a) - import_int(b)))
}

#[no_mangle]
pub extern "C" fn wasm__wide(a: i64, b: i64) -> i64 {
    export_int_wide(Ok(a - b))
}

#[no_mangle]
pub extern "C" fn new(a: f64, b: f64) -> f64 {
    export_int(Ok(import_int(a) - import_int(b)))
}

#[no_mangle]
pub extern "C" fn new__wide(a: i64, b: i64) -> i64 {
    export_int_wide(Ok(a - b))
}

#[no_mangle]
pub extern "C" fn instantiate(x: i32) -> i32 {
    export_bool(Ok(x == 0))
}
