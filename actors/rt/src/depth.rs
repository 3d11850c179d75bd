//! The recursion guard: CPython's recursion limit, enforced in Rust.
//!
//! (Filled in below once the stack behaviour on wasm32 is measured.)

use crate::err::*;
use std::cell::Cell;

/// CPython's default `sys.getrecursionlimit()`.
pub const RECURSION_LIMIT: u32 = 1000;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Held for the duration of one translated Python call; dropping it leaves the frame.
pub struct CallGuard(());

impl Drop for CallGuard {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Enters a translated Python function: `let _frame = enter_call()?;`.
/// RecursionError "maximum recursion depth exceeded" past the limit.
#[inline]
pub fn enter_call() -> PyResult<CallGuard> {
    DEPTH.with(|d| {
        let n = d.get();
        if n >= RECURSION_LIMIT {
            return raise(Exc::RecursionError, RECURSION);
        }
        d.set(n + 1);
        Ok(CallGuard(()))
    })
}

/// The current call depth (tests).
pub fn call_depth() -> u32 {
    DEPTH.with(|d| d.get())
}
