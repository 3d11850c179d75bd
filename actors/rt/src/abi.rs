//! The WASM boundary (docs/abi.md, ABI version 1).
//!
//! The state word, the pending exception record and the wide int result
//! live in thread-locals: on wasm32 without threads those are plain statics
//! in linear memory (their addresses are what the JS glue reads), and in
//! native tests each test thread gets its own.
//!
//! The five `__portalis_*` functions are exported from this crate with
//! `#[no_mangle] pub extern "C"`. rustc keeps them in the user's cdylib as
//! long as the generated crate refers to `portalis_rt` at all, which every
//! generated module does (`use portalis_rt::*;` and its `export_*` calls);
//! the build stage checks the export list of every module it builds.
//!
//! `export_*` turn a `PyResult` into the raw return value and the state word:
//! 0 stays 0 on success (the glue clears it after every non-zero read), 1
//! with the `ExceptionType\nmessage` record on an exception, 2 with the exact
//! value for an int that is not a safe JS integer (`export_int` only).

use crate::err::PyResult;
use std::cell::{Cell, RefCell};

/// The newest ABI version this crate implements (`ModuleSpec.abiVersion`):
/// version 2 adds the encoded values of `wire.rs` to version 1's scalars.
pub const ABI_VERSION: u32 = 2;

/// 2^53 - 1, the largest int a JS number holds exactly.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

pub const STATE_OK: i32 = 0;
pub const STATE_EXCEPTION: i32 = 1;
pub const STATE_WIDE_INT: i32 = 2;

thread_local! {
    static STATE: Cell<i32> = const { Cell::new(0) };
    static WIDE: Cell<i64> = const { Cell::new(0) };
    static ERROR: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[no_mangle]
pub extern "C" fn __portalis_state_ptr() -> i32 {
    STATE.with(|s| s.as_ptr() as usize as i32)
}

#[no_mangle]
pub extern "C" fn __portalis_error_ptr() -> i32 {
    ERROR.with(|e| e.borrow().as_ptr() as usize as i32)
}

#[no_mangle]
pub extern "C" fn __portalis_error_len() -> i32 {
    ERROR.with(|e| e.borrow().len() as i32)
}

#[no_mangle]
pub extern "C" fn __portalis_wide_result() -> i64 {
    WIDE.with(|w| w.get())
}

#[no_mangle]
pub extern "C" fn __portalis_clear() {
    STATE.with(|s| s.set(STATE_OK));
    ERROR.with(|e| {
        let mut e = e.borrow_mut();
        e.clear();
        e.shrink_to_fit();
    });
}

/// The current state word (for tests and the native harness).
pub fn abi_state() -> i32 {
    STATE.with(|s| s.get())
}

/// The pending `ExceptionType\nmessage` record, if any (tests).
pub fn abi_error_record() -> Option<String> {
    ERROR.with(|e| {
        let e = e.borrow();
        if abi_state() == STATE_EXCEPTION {
            Some(String::from_utf8_lossy(&e).into_owned())
        } else {
            None
        }
    })
}

#[cold]
#[inline(never)]
fn set_exception(e: crate::err::PyErr) {
    ERROR.with(|buf| {
        let mut buf = buf.borrow_mut();
        buf.clear();
        buf.extend_from_slice(e.kind().name().as_bytes());
        buf.push(b'\n');
        buf.extend_from_slice(e.message().as_bytes());
    });
    STATE.with(|s| s.set(STATE_EXCEPTION));
}

#[cold]
#[inline(never)]
fn set_wide(v: i64) {
    WIDE.with(|w| w.set(v));
    STATE.with(|s| s.set(STATE_WIDE_INT));
}

/// An int argument of a fast export: the glue has checked it is a safe integer.
#[inline]
pub fn import_int(x: f64) -> i64 {
    x as i64
}

/// A bool argument (`i32` 0/1).
#[inline]
pub fn import_bool(x: i32) -> bool {
    x != 0
}

/// The result of a fast export returning int: the value as f64, or state 2
/// and the exact value in `__portalis_wide_result` when it is not a safe integer.
#[inline]
pub fn export_int(r: PyResult<i64>) -> f64 {
    match r {
        Ok(v) => {
            if v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER {
                v as f64
            } else {
                set_wide(v);
                0.0
            }
        }
        Err(e) => {
            set_exception(e);
            0.0
        }
    }
}

/// The result of a wide export returning int.
#[inline]
pub fn export_int_wide(r: PyResult<i64>) -> i64 {
    match r {
        Ok(v) => v,
        Err(e) => {
            set_exception(e);
            0
        }
    }
}

#[inline]
pub fn export_float(r: PyResult<f64>) -> f64 {
    match r {
        Ok(v) => v,
        Err(e) => {
            set_exception(e);
            0.0
        }
    }
}

#[inline]
pub fn export_bool(r: PyResult<bool>) -> i32 {
    match r {
        Ok(v) => v as i32,
        Err(e) => {
            set_exception(e);
            0
        }
    }
}

#[inline]
pub fn export_none(r: PyResult<()>) {
    if let Err(e) = r {
        set_exception(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::err::{Exc, PyErr};

    #[test]
    fn state_word_round_trip() {
        assert_eq!(abi_state(), STATE_OK);
        assert_eq!(export_int(Ok(MAX_SAFE_INTEGER)), 9007199254740991.0);
        assert_eq!(abi_state(), STATE_OK);
        export_int(Ok(MAX_SAFE_INTEGER + 1));
        assert_eq!(abi_state(), STATE_WIDE_INT);
        assert_eq!(__portalis_wide_result(), 1 << 53);
        __portalis_clear();
        export_int(Ok(-MAX_SAFE_INTEGER - 1));
        assert_eq!(abi_state(), STATE_WIDE_INT);
        __portalis_clear();
        assert_eq!(export_int_wide(Ok(i64::MIN)), i64::MIN);
        assert_eq!(abi_state(), STATE_OK);

        export_float(Err(PyErr::new(Exc::ZeroDivisionError, "float division by zero")));
        assert_eq!(abi_state(), STATE_EXCEPTION);
        assert_eq!(abi_error_record().unwrap(), "ZeroDivisionError\nfloat division by zero");
        assert_eq!(__portalis_error_len(), "ZeroDivisionError\nfloat division by zero".len() as i32);
        __portalis_clear();
        assert_eq!(abi_state(), STATE_OK);
        assert_eq!(__portalis_error_len(), 0);

        export_none(Err(PyErr::new(Exc::ValueError, "")));
        assert_eq!(abi_error_record().unwrap(), "ValueError\n");
        __portalis_clear();
        assert_eq!(export_bool(Ok(true)), 1);
        assert_eq!(import_int(-9007199254740991.0), -MAX_SAFE_INTEGER);
        assert!(import_bool(1) && !import_bool(0));
    }
}
