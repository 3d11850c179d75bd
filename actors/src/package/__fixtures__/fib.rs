//! What the transpiler would produce for fib.py (below), written by hand
//! against docs/abi.md so the package tests do not depend on the other
//! stages. The ABI support code is shared with the runtime's own fixture.
//!
//!     def fib(n: int) -> int:                      # OverflowError past fib(92)
//!     def divide(a: int, b: int) -> float:         # a / b
//!     def scale(x: float, times: int) -> float:
//!     def both(a: bool, b: bool) -> bool:
//!     def check(n: int) -> None:                   # ValueError when n < 0
//!     def delete(new: int, wasm: int) -> int:      # names JS reserves / the glue uses
//!     def crash() -> int:                          # a panic: traps
//!     def square(n: int) -> int:                   # n * n, unsafe results past 2**26.5
#![allow(dead_code)]

include!("../../../../runtime/src/__fixtures__/abi_support.rs");

fn py_fib(n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(err("ValueError", "n must be >= 0"));
    }
    let (mut a, mut b) = (0i64, 1i64);
    for _ in 0..n {
        let next = match a.checked_add(b) {
            Some(v) => v,
            None => return Err(err("OverflowError", "int too large to convert to 64-bit")),
        };
        a = b;
        b = next;
    }
    Ok(a)
}

#[no_mangle]
pub extern "C" fn fib(n: f64) -> f64 {
    export_int(py_fib(import_int(n)))
}

#[no_mangle]
pub extern "C" fn fib__wide(n: i64) -> i64 {
    export_int_wide(py_fib(n))
}

fn py_divide(a: i64, b: i64) -> PyResult<f64> {
    if b == 0 {
        Err(err("ZeroDivisionError", "division by zero"))
    } else {
        Ok(a as f64 / b as f64)
    }
}

#[no_mangle]
pub extern "C" fn divide(a: f64, b: f64) -> f64 {
    export_float(py_divide(import_int(a), import_int(b)))
}

#[no_mangle]
pub extern "C" fn divide__wide(a: i64, b: i64) -> f64 {
    export_float(py_divide(a, b))
}

#[no_mangle]
pub extern "C" fn scale(x: f64, times: f64) -> f64 {
    export_float(Ok(x * import_int(times) as f64))
}

#[no_mangle]
pub extern "C" fn scale__wide(x: f64, times: i64) -> f64 {
    export_float(Ok(x * times as f64))
}

#[no_mangle]
pub extern "C" fn both(a: i32, b: i32) -> i32 {
    export_bool(Ok(a != 0 && b != 0))
}

fn py_check(n: i64) -> PyResult<()> {
    if n < 0 {
        Err(err("ValueError", "n must be non-negative"))
    } else {
        Ok(())
    }
}

#[no_mangle]
pub extern "C" fn check(n: f64) {
    export_none(py_check(import_int(n)))
}

#[no_mangle]
pub extern "C" fn check__wide(n: i64) {
    export_none(py_check(n))
}

#[no_mangle]
pub extern "C" fn delete(new: f64, wasm: f64) -> f64 {
    export_int(Ok(import_int(new) - import_int(wasm)))
}

#[no_mangle]
pub extern "C" fn delete__wide(new: i64, wasm: i64) -> i64 {
    export_int_wide(Ok(new.wrapping_sub(wasm)))
}

#[no_mangle]
pub extern "C" fn crash() -> f64 {
    panic!("a Portalis bug")
}

#[no_mangle]
pub extern "C" fn crash__wide() -> i64 {
    panic!("a Portalis bug")
}

fn py_square(n: i64) -> PyResult<i64> {
    match n.checked_mul(n) {
        Some(v) => Ok(v),
        None => Err(err("OverflowError", "int too large to convert to 64-bit")),
    }
}

#[no_mangle]
pub extern "C" fn square(n: f64) -> f64 {
    export_int(py_square(import_int(n)))
}

#[no_mangle]
pub extern "C" fn square__wide(n: i64) -> i64 {
    export_int_wide(py_square(n))
}
