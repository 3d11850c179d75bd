//! Script mode's output: the host functions a script module imports
//! (module `portalis`, docs/abi.md "Script mode") and the buffers in front
//! of them.
//!
//! stdout is block-buffered (like CPython writing to a pipe) and flushed when
//! the buffer passes 8 KiB and when the script ends; stderr is written
//! through at once. Library modules never call these functions, so their
//! WASM keeps having no imports. Natively (unit tests) the host is std::io.

use std::cell::RefCell;

#[cfg(target_arch = "wasm32")]
mod host {
    #[link(wasm_import_module = "portalis")]
    extern "C" {
        #[link_name = "write"]
        fn host_write(fd: i32, ptr: *const u8, len: i32);
        #[link_name = "argc"]
        fn host_argc() -> i32;
    }

    pub fn write(fd: i32, bytes: &[u8]) {
        // SAFETY: the host reads `len` bytes at `ptr` from this module's memory during the call.
        unsafe { host_write(fd, bytes.as_ptr(), bytes.len() as i32) }
    }

    pub fn argc() -> i32 {
        // SAFETY: a host function without arguments.
        unsafe { host_argc() }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::io::Write;

    pub fn write(fd: i32, bytes: &[u8]) {
        let _ = if fd == 2 { std::io::stderr().write_all(bytes) } else { std::io::stdout().write_all(bytes) };
    }

    pub fn argc() -> i32 {
        std::env::args().count() as i32
    }
}

const FLUSH_AT: usize = 8192;

thread_local! {
    static STDOUT: RefCell<Vec<u8>> = RefCell::new(Vec::new());
}

/// Writes text to file descriptor 1 (stdout, buffered) or 2 (stderr, unbuffered).
pub fn write_fd(fd: i32, text: &str) {
    if fd == 2 {
        host::write(2, text.as_bytes());
        return;
    }
    STDOUT.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(text.as_bytes());
        if b.len() >= FLUSH_AT {
            host::write(1, &b);
            b.clear();
        }
    });
}

/// Writes out whatever stdout holds.
pub fn flush_stdout() {
    STDOUT.with(|b| {
        let mut b = b.borrow_mut();
        if !b.is_empty() {
            host::write(1, &b);
            b.clear();
        }
    });
}

/// `len(sys.argv)`.
pub fn sys_argc() -> i64 {
    host::argc() as i64
}
