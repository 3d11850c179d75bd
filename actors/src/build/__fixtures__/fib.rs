// Hand-written stand-in for the transpiler's output for fib.py:
//
//     def fib(n: int) -> int:
//         a, b = 0, 1
//         for _ in range(n):
//             a, b = b, a + b
//         return a
//
//     def depth(n: int) -> int:
//         if n == 0:
//             return 0
//         return 1 + depth(n - 1)
//
//     def ratio(a: float, b: float) -> float:
//         return a / b
//
//     def is_even(n: int) -> bool:
//         return n % 2 == 0
//
//     def check(flag: bool) -> None:
//         if flag:
//             raise ValueError("flag was set")
use portalis_rt::*;

fn py_fib(n: i64) -> PyResult<i64> {
    let _frame = enter_call()?;
    let (mut a, mut b) = (0i64, 1i64);
    let mut i = 0i64;
    while i < n {
        let next = int_add(a, b)?;
        a = b;
        b = next;
        i += 1;
    }
    Ok(a)
}

fn py_depth(n: i64) -> PyResult<i64> {
    let _frame = enter_call()?;
    if n == 0 {
        return Ok(0);
    }
    int_add(1, py_depth(int_sub(n, 1)?)?)
}

fn py_ratio(a: f64, b: f64) -> PyResult<f64> {
    float_div(a, b)
}

fn py_is_even(n: i64) -> PyResult<bool> {
    Ok(int_mod(n, 2)? == 0)
}

fn py_check(flag: bool) -> PyResult<()> {
    if flag {
        return Err(PyErr::new(Exc::ValueError, "flag was set"));
    }
    Ok(())
}

#[export_name = "fib"]
pub extern "C" fn fib_fast(n: f64) -> f64 {
    export_int(py_fib(import_int(n)))
}

#[export_name = "fib__wide"]
pub extern "C" fn fib_wide(n: i64) -> i64 {
    export_int_wide(py_fib(n))
}

#[export_name = "depth"]
pub extern "C" fn depth_fast(n: f64) -> f64 {
    export_int(py_depth(import_int(n)))
}

#[export_name = "depth__wide"]
pub extern "C" fn depth_wide(n: i64) -> i64 {
    export_int_wide(py_depth(n))
}

#[export_name = "ratio"]
pub extern "C" fn ratio_fast(a: f64, b: f64) -> f64 {
    export_float(py_ratio(a, b))
}

#[export_name = "is_even"]
pub extern "C" fn is_even_fast(n: f64) -> i32 {
    export_bool(py_is_even(import_int(n)))
}

#[export_name = "is_even__wide"]
pub extern "C" fn is_even_wide(n: i64) -> i32 {
    export_bool(py_is_even(n))
}

#[export_name = "check"]
pub extern "C" fn check_fast(flag: i32) {
    export_none(py_check(import_bool(flag)))
}
