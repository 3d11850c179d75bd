//! Hand-written translation of arith.py following docs/abi.md (ABI 1), for
//! the conformance tests. Built with `--cfg wrong` it has deliberate bugs:
//! `%` truncates instead of flooring, `//` by zero raises the wrong message,
//! `countdown` loops forever on odd inputs, `is_even` is inverted for
//! negative numbers, and `clamp` is written in the form LLVM miscompiles.

use std::cell::RefCell;

const SAFE: i64 = (1i64 << 53) - 1;

static mut STATE: i32 = 0;
static mut WIDE: i64 = 0;
thread_local! {
    static ERROR: RefCell<Vec<u8>> = RefCell::new(Vec::new());
}

type PyResult<T> = Result<T, (&'static str, &'static str)>;

fn overflow<T>() -> PyResult<T> {
    Err(("OverflowError", "int result does not fit in 64 bits"))
}

fn raise(kind: &str, message: &str) {
    ERROR.with(|e| {
        let mut e = e.borrow_mut();
        e.clear();
        e.extend_from_slice(kind.as_bytes());
        e.push(b'\n');
        e.extend_from_slice(message.as_bytes());
    });
    unsafe { STATE = 1 }
}

#[no_mangle]
pub extern "C" fn __portalis_state_ptr() -> i32 {
    unsafe { &STATE as *const i32 as i32 }
}
#[no_mangle]
pub extern "C" fn __portalis_error_ptr() -> i32 {
    ERROR.with(|e| e.borrow().as_ptr() as i32)
}
#[no_mangle]
pub extern "C" fn __portalis_error_len() -> i32 {
    ERROR.with(|e| e.borrow().len() as i32)
}
#[no_mangle]
pub extern "C" fn __portalis_wide_result() -> i64 {
    unsafe { WIDE }
}
#[no_mangle]
pub extern "C" fn __portalis_clear() {
    ERROR.with(|e| e.borrow_mut().clear());
    unsafe { STATE = 0 }
}

fn export_int(r: PyResult<i64>) -> f64 {
    match r {
        Ok(v) if v >= -SAFE && v <= SAFE => v as f64,
        Ok(v) => {
            unsafe {
                WIDE = v;
                STATE = 2;
            }
            0.0
        }
        Err((kind, message)) => {
            raise(kind, message);
            0.0
        }
    }
}
fn export_wide(r: PyResult<i64>) -> i64 {
    match r {
        Ok(v) => v,
        Err((kind, message)) => {
            raise(kind, message);
            0
        }
    }
}
fn export_float(r: PyResult<f64>) -> f64 {
    match r {
        Ok(v) => v,
        Err((kind, message)) => {
            raise(kind, message);
            0.0
        }
    }
}
fn export_none(r: PyResult<()>) {
    if let Err((kind, message)) = r {
        raise(kind, message);
    }
}
fn export_bool(r: PyResult<bool>) -> i32 {
    match r {
        Ok(v) => v as i32,
        Err((kind, message)) => {
            raise(kind, message);
            0
        }
    }
}

// ── Python semantics ─────────────────────────────────────────────────────

#[cfg(not(wrong))]
fn int_mod(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(("ZeroDivisionError", "integer modulo by zero"));
    }
    let r = a.wrapping_rem(b);
    Ok(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}
#[cfg(wrong)]
fn int_mod(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(("ZeroDivisionError", "integer modulo by zero"));
    }
    Ok(a.wrapping_rem(b)) // BUG: truncates like C
}

fn int_floordiv(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        #[cfg(not(wrong))]
        return Err(("ZeroDivisionError", "integer division or modulo by zero"));
        #[cfg(wrong)]
        return Err(("ZeroDivisionError", "division by zero")); // BUG: float's message
    }
    let q = match a.checked_div(b) {
        Some(q) => q,
        None => return overflow(),
    };
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

fn int_add(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_add(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}
fn int_sub(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_sub(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}
fn int_mul(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_mul(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

// ── the module ───────────────────────────────────────────────────────────

fn r#mod(a: i64, b: i64) -> PyResult<i64> {
    int_mod(a, b)
}
fn floordiv(a: i64, b: i64) -> PyResult<i64> {
    int_floordiv(a, b)
}
fn scale(x: f64, k: i64) -> PyResult<f64> {
    Ok(x * (k as f64))
}
fn is_even(n: i64) -> PyResult<bool> {
    #[cfg(wrong)]
    {
        if n < 0 {
            return Ok(int_mod(n, 2)? != 0); // BUG
        }
    }
    Ok(int_mod(n, 2)? == 0)
}
fn root(x: f64) -> PyResult<f64> {
    if x < 0.0 {
        return Err(("ValueError", "math domain error"));
    }
    Ok(x.sqrt())
}
fn steps(mut n: i64) -> PyResult<i64> {
    let mut count = 0i64;
    while n != 1 {
        if int_mod(n, 2)? == 0 {
            n = int_floordiv(n, 2)?;
        } else {
            n = int_add(int_mul(3, n)?, 1)?;
        }
        count = int_add(count, 1)?;
    }
    Ok(count)
}
fn countdown(mut n: i64) -> PyResult<i64> {
    #[cfg(not(wrong))]
    while n > 0 {
        n = int_sub(n, 2)?;
    }
    #[cfg(wrong)]
    while n != 0 && n != -1 {
        n = n.wrapping_sub(2); // BUG: never ends for odd n > 0 ... until it wraps
        if n == 1 {
            n = 3;
        }
    }
    Ok(n)
}
#[inline(never)]
fn fact(n: i64) -> PyResult<i64> {
    if n <= 1 {
        return Ok(1);
    }
    let rest = fact(int_sub(n, 1)?)?;
    int_mul(n, rest)
}
#[inline(never)]
fn fib(n: i64) -> PyResult<i64> {
    if n < 2 {
        return Ok(n);
    }
    int_add(fib(int_sub(n, 1)?)?, fib(int_sub(n, 2)?)?)
}
fn guard(n: i64) -> PyResult<()> {
    if n < 0 {
        int_floordiv(n, 0)?;
    }
    Ok(())
}
// `return 0` in a float function: the int converted, as PEP 484 allows.
//
// Written with partial_cmp on purpose: rustc 1.63's LLVM (Debian) compiles
// `if x < 0.0 { 0.0 } else { x }` for wasm32 to `f64.max(x, 0.0)`, which
// gives 0.0 instead of -0.0 for x = -0.0, although the LLVM IR is a correct
// `select`. The `wrong` build keeps that form; conformance must catch it.
#[cfg(not(wrong))]
fn clamp(x: f64) -> PyResult<f64> {
    Ok(if x.partial_cmp(&0.0) == Some(std::cmp::Ordering::Less) { 0.0 } else { x })
}
#[cfg(wrong)]
fn clamp(x: f64) -> PyResult<f64> {
    Ok(if x < 0.0 { 0.0 } else { x })
}
fn pick(flag: bool, x: f64) -> PyResult<f64> {
    Ok(if flag { x } else { -x })
}

// ── exports: fast (ints as f64) and wide (ints as i64) ─────────────────────

#[export_name = "mod"]
pub extern "C" fn export_mod(a: f64, b: f64) -> f64 {
    export_int(r#mod(a as i64, b as i64))
}
#[export_name = "mod__wide"]
pub extern "C" fn export_mod_wide(a: i64, b: i64) -> i64 {
    export_wide(r#mod(a, b))
}
#[export_name = "floordiv"]
pub extern "C" fn export_floordiv(a: f64, b: f64) -> f64 {
    export_int(floordiv(a as i64, b as i64))
}
#[export_name = "floordiv__wide"]
pub extern "C" fn export_floordiv_wide(a: i64, b: i64) -> i64 {
    export_wide(floordiv(a, b))
}
#[export_name = "scale"]
pub extern "C" fn export_scale(x: f64, k: f64) -> f64 {
    export_float(scale(x, k as i64))
}
#[export_name = "scale__wide"]
pub extern "C" fn export_scale_wide(x: f64, k: i64) -> f64 {
    export_float(scale(x, k))
}
#[export_name = "is_even"]
pub extern "C" fn export_is_even(n: f64) -> i32 {
    export_bool(is_even(n as i64))
}
#[export_name = "is_even__wide"]
pub extern "C" fn export_is_even_wide(n: i64) -> i32 {
    export_bool(is_even(n))
}
#[export_name = "root"]
pub extern "C" fn export_root(x: f64) -> f64 {
    export_float(root(x))
}
#[export_name = "steps"]
pub extern "C" fn export_steps(n: f64) -> f64 {
    export_int(steps(n as i64))
}
#[export_name = "steps__wide"]
pub extern "C" fn export_steps_wide(n: i64) -> i64 {
    export_wide(steps(n))
}
#[export_name = "countdown"]
pub extern "C" fn export_countdown(n: f64) -> f64 {
    export_int(countdown(n as i64))
}
#[export_name = "countdown__wide"]
pub extern "C" fn export_countdown_wide(n: i64) -> i64 {
    export_wide(countdown(n))
}
#[export_name = "fact"]
pub extern "C" fn export_fact(n: f64) -> f64 {
    export_int(fact(n as i64))
}
#[export_name = "fact__wide"]
pub extern "C" fn export_fact_wide(n: i64) -> i64 {
    export_wide(fact(n))
}
#[export_name = "pick"]
pub extern "C" fn export_pick(flag: i32, x: f64) -> f64 {
    export_float(pick(flag != 0, x))
}
#[export_name = "fib"]
pub extern "C" fn export_fib(n: f64) -> f64 {
    export_int(fib(n as i64))
}
#[export_name = "fib__wide"]
pub extern "C" fn export_fib_wide(n: i64) -> i64 {
    export_wide(fib(n))
}
#[export_name = "guard"]
pub extern "C" fn export_guard(n: f64) {
    export_none(guard(n as i64))
}
#[export_name = "guard__wide"]
pub extern "C" fn export_guard_wide(n: i64) {
    export_none(guard(n))
}
#[export_name = "clamp"]
pub extern "C" fn export_clamp(x: f64) -> f64 {
    export_float(clamp(x))
}
