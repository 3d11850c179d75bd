//! Script mode's host functions (module `portalis`, docs/abi.md "Script
//! mode") and the stdout buffer in front of them: `write`, `argc`, `read`
//! (stdin bytes), `argv_len`/`argv_get` (the text of `sys.argv`).
//!
//! stdout is block-buffered (like CPython writing to a pipe) and flushed when
//! the buffer passes 8 KiB, before `input()` reads, and when the script ends;
//! stderr is written through at once. A module imports only the functions its
//! code reaches, so library modules keep having no imports. Natively (unit
//! tests) the host is std::io and std::env::args.

use std::cell::RefCell;

#[cfg(target_arch = "wasm32")]
mod host {
    #[link(wasm_import_module = "portalis")]
    extern "C" {
        #[link_name = "write"]
        fn host_write(fd: i32, ptr: *const u8, len: i32);
        #[link_name = "argc"]
        fn host_argc() -> i32;
        #[link_name = "read"]
        fn host_read(fd: i32, ptr: *mut u8, cap: i32) -> i32;
        #[link_name = "argv_len"]
        fn host_argv_len(i: i32) -> i32;
        #[link_name = "argv_get"]
        fn host_argv_get(i: i32, ptr: *mut u8);
    }

    pub fn write(fd: i32, bytes: &[u8]) {
        // SAFETY: the host reads `len` bytes at `ptr` from this module's memory during the call.
        unsafe { host_write(fd, bytes.as_ptr(), bytes.len() as i32) }
    }

    pub fn argc() -> i32 {
        // SAFETY: a host function without arguments.
        unsafe { host_argc() }
    }

    pub fn read(fd: i32, buf: &mut [u8]) -> usize {
        // SAFETY: the host writes at most `cap` bytes at `ptr` and returns how many.
        let n = unsafe { host_read(fd, buf.as_mut_ptr(), buf.len() as i32) };
        if n <= 0 {
            0
        } else {
            (n as usize).min(buf.len())
        }
    }

    pub fn argv(i: i32) -> Vec<u8> {
        // SAFETY: argv_len returns the byte length of argument `i`; argv_get
        // writes exactly that many bytes at `ptr`.
        let len = unsafe { host_argv_len(i) }.max(0) as usize;
        let mut bytes = vec![0u8; len];
        if len > 0 {
            unsafe { host_argv_get(i, bytes.as_mut_ptr()) };
        }
        bytes
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::io::Write;

    pub fn write(fd: i32, bytes: &[u8]) {
        let _ = if fd == 2 { std::io::stderr().write_all(bytes) } else { std::io::stdout().write_all(bytes) };
    }

    pub fn argc() -> i32 {
        std::env::args_os().count() as i32
    }

    pub fn read(_fd: i32, buf: &mut [u8]) -> usize {
        use std::io::Read;
        std::io::stdin().read(buf).unwrap_or(0)
    }

    pub fn argv(i: i32) -> Vec<u8> {
        std::env::args_os().nth(i as usize).map(|a| a.to_string_lossy().into_owned().into_bytes()).unwrap_or_default()
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

/// `sys.argv`: the script path as given on the command line, then the arguments.
/// (The hosts pass valid UTF-8; anything else is replaced by U+FFFD.)
pub fn sys_argv() -> Vec<String> {
    (0..host::argc()).map(|i| String::from_utf8_lossy(&host::argv(i)).into_owned()).collect()
}

/// Reads up to `buf.len()` bytes of stdin (fd 0); 0 at end of input.
pub(crate) fn read_stdin(buf: &mut [u8]) -> usize {
    host::read(0, buf)
}
