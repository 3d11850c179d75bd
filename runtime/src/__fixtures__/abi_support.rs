// The ABI support half of a hand-written Portalis module (docs/abi.md,
// version 1): the state word, the error record, the wide result and the
// export_* conversions, written inline rather than taken from `portalis_rt`
// so tests pin the contract itself. Fixtures pull it in with `include!`.

use std::ptr::{addr_of, addr_of_mut};

// ── the ABI support exports ───────────────────────────────────────────────

static mut STATE: i32 = 0;
static mut WIDE: i64 = 0;
static mut ERROR: Vec<u8> = Vec::new();

const MAX_SAFE: i64 = (1 << 53) - 1;

#[no_mangle]
pub extern "C" fn __portalis_state_ptr() -> i32 {
    unsafe { addr_of!(STATE) as i32 }
}

#[no_mangle]
pub extern "C" fn __portalis_error_ptr() -> i32 {
    unsafe { (*addr_of!(ERROR)).as_ptr() as i32 }
}

#[no_mangle]
pub extern "C" fn __portalis_error_len() -> i32 {
    unsafe { (*addr_of!(ERROR)).len() as i32 }
}

#[no_mangle]
pub extern "C" fn __portalis_wide_result() -> i64 {
    unsafe { WIDE }
}

#[no_mangle]
pub extern "C" fn __portalis_clear() {
    unsafe {
        STATE = 0;
        *addr_of_mut!(ERROR) = Vec::new();
    }
}

struct PyErr {
    kind: &'static str,
    msg: String,
}

type PyResult<T> = Result<T, PyErr>;

fn err(kind: &'static str, msg: &str) -> PyErr {
    PyErr { kind, msg: msg.to_string() }
}

fn raise(e: PyErr) {
    unsafe {
        let record = format!("{}\n{}", e.kind, e.msg);
        *addr_of_mut!(ERROR) = record.into_bytes();
        STATE = 1;
    }
}

fn export_int(r: PyResult<i64>) -> f64 {
    match r {
        Ok(v) if -MAX_SAFE <= v && v <= MAX_SAFE => v as f64,
        Ok(v) => {
            unsafe {
                WIDE = v;
                STATE = 2;
            }
            0.0
        }
        Err(e) => {
            raise(e);
            0.0
        }
    }
}

fn export_int_wide(r: PyResult<i64>) -> i64 {
    match r {
        Ok(v) => v,
        Err(e) => {
            raise(e);
            0
        }
    }
}

fn export_float(r: PyResult<f64>) -> f64 {
    match r {
        Ok(v) => v,
        Err(e) => {
            raise(e);
            0.0
        }
    }
}

fn export_bool(r: PyResult<bool>) -> i32 {
    match r {
        Ok(v) => v as i32,
        Err(e) => {
            raise(e);
            0
        }
    }
}

fn export_none(r: PyResult<()>) {
    if let Err(e) = r {
        raise(e);
    }
}

fn import_int(x: f64) -> i64 {
    x as i64
}
