//! A hand-written module that follows docs/abi.md (version 1) exactly, for the
//! runtime tests: every state-word outcome, traps and memory growth.
//! Build: rustc --edition 2021 --crate-type cdylib --target wasm32-unknown-unknown
//! -C opt-level=2 abi_fixture.rs

include!("abi_support.rs");

// ── "user" functions ──────────────────────────────────────────────────────

/// Python's `a // b` on ints.
fn floordiv(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(err("ZeroDivisionError", "integer division or modulo by zero"));
    }
    if a == i64::MIN && b == -1 {
        return Err(err("OverflowError", "integer overflow"));
    }
    let q = a / b;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

#[no_mangle]
pub extern "C" fn floordiv_f(a: f64, b: f64) -> f64 {
    export_int(floordiv(import_int(a), import_int(b)))
}

#[no_mangle]
pub extern "C" fn floordiv_f__wide(a: i64, b: i64) -> i64 {
    export_int_wide(floordiv(a, b))
}

fn mul_checked(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_mul(b) {
        Some(v) => Ok(v),
        None => Err(err("OverflowError", "integer overflow")),
    }
}

#[no_mangle]
pub extern "C" fn mul(a: f64, b: f64) -> f64 {
    export_int(mul_checked(import_int(a), import_int(b)))
}

#[no_mangle]
pub extern "C" fn mul__wide(a: i64, b: i64) -> i64 {
    export_int_wide(mul_checked(a, b))
}

fn sqrt(x: f64) -> PyResult<f64> {
    if x < 0.0 {
        Err(err("ValueError", "math domain error"))
    } else {
        Ok(x.sqrt())
    }
}

#[no_mangle]
pub extern "C" fn fsqrt(x: f64) -> f64 {
    export_float(sqrt(x))
}

#[no_mangle]
pub extern "C" fn is_even(n: f64) -> i32 {
    export_bool(Ok(import_int(n) % 2 == 0))
}

#[no_mangle]
pub extern "C" fn is_even__wide(n: i64) -> i32 {
    export_bool(Ok(n % 2 == 0))
}

#[no_mangle]
pub extern "C" fn flip(b: i32) -> i32 {
    export_bool(Ok(b == 0))
}

fn check_positive(n: i64) -> PyResult<()> {
    if n > 0 {
        Ok(())
    } else {
        Err(PyErr { kind: "ValueError", msg: format!("n must be positive\nbut got {} \u{2717} (\u{00e9}t\u{00e9})", n) })
    }
}

#[no_mangle]
pub extern "C" fn check_positive_f(n: f64) {
    export_none(check_positive(import_int(n)))
}

#[no_mangle]
pub extern "C" fn check_positive_f__wide(n: i64) {
    export_none(check_positive(n))
}

/// Raises an exception whose record has an empty message and a made-up type.
#[no_mangle]
pub extern "C" fn raise_custom(which: i32) {
    let e = match which {
        0 => err("KeyError", ""),
        1 => err("SomethingElseError", "custom"),
        2 => err("RecursionError", "maximum recursion depth exceeded"),
        _ => err("TypeError", "unsupported operand type(s)"),
    };
    export_none(Err(e))
}

#[no_mangle]
pub extern "C" fn panic_now() -> f64 {
    panic!("boom")
}

/// Leaves an exception pending and then traps, so the re-instantiated module
/// must not report the stale exception.
#[no_mangle]
pub extern "C" fn raise_then_panic() -> f64 {
    raise(err("ValueError", "stale"));
    panic!("boom")
}

#[inline(never)]
fn depth(n: i64) -> i64 {
    if n <= 0 {
        return 0;
    }
    let below = depth(n - 1);
    below.wrapping_mul(3) ^ n
}

#[no_mangle]
pub extern "C" fn recurse(n: f64) -> f64 {
    export_int(Ok(depth(import_int(n)) & 0xffff))
}

static mut COUNT: i64 = 0;

#[no_mangle]
pub extern "C" fn counter() -> f64 {
    unsafe {
        COUNT += 1;
        export_int(Ok(COUNT))
    }
}

#[no_mangle]
pub extern "C" fn counter__wide() -> i64 {
    unsafe {
        COUNT += 1;
        export_int_wide(Ok(COUNT))
    }
}

/// Grows linear memory by `pages` (detaching JS views) and returns the new size in pages.
#[no_mangle]
pub extern "C" fn grow(pages: f64) -> f64 {
    let before = core::arch::wasm32::memory_grow(0, import_int(pages) as usize);
    export_int(Ok(before as i64 + import_int(pages)))
}

/// Grows memory, then raises: the error record must be read from the new buffer.
#[no_mangle]
pub extern "C" fn grow_then_raise(pages: f64) -> f64 {
    core::arch::wasm32::memory_grow(0, import_int(pages) as usize);
    export_int(Err(err("ZeroDivisionError", "after growth")))
}

/// Grows memory and returns an unsafe int: the wide result path after growth.
#[no_mangle]
pub extern "C" fn grow_then_wide(pages: f64) -> f64 {
    core::arch::wasm32::memory_grow(0, import_int(pages) as usize);
    export_int(Ok(i64::MAX))
}

/// Not named `hypot`: a `#[no_mangle]` export named like a libm symbol
/// replaces it, and `f64::hypot` would then call this function forever.
#[no_mangle]
pub extern "C" fn norm(x: f64, y: f64) -> f64 {
    export_float(Ok(x.hypot(y)))
}
