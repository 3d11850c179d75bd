//! Script mode (`portalis run`): `print`, `sys.exit` and the entry point
//! that runs a script's top-level code and turns its outcome into an exit
//! status, as CPython does: 0 when it completes, the `sys.exit` status, or 1
//! after writing the exception's last traceback line to stderr.

use crate::err::{Exc, PyErr, PyResult};
use crate::io::{flush_stdout, write_fd};

/// `print(*parts, sep=sep, end=end, file=...)` with the arguments already
/// converted by `str()`; `fd` is 1 for stdout, 2 for `file=sys.stderr`.
pub fn py_print(fd: i32, parts: &[&str], sep: &str, end: &str) {
    let mut line = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            line.push_str(sep);
        }
        line.push_str(p);
    }
    line.push_str(end);
    write_fd(fd, &line);
}

/// `sys.exit(status)`: raises SystemExit, which ends the script with that status.
pub fn sys_exit(status: i64) -> PyResult<()> {
    Err(PyErr::new(Exc::SystemExit, &status.to_string()))
}

/// Runs a script's entry function; returns the process exit status.
pub fn run_script(main: fn() -> PyResult<()>) -> i32 {
    let outcome = main();
    flush_stdout();
    match outcome {
        Ok(()) => 0,
        Err(e) if e.kind() == Exc::SystemExit => {
            // CPython passes the status to exit(), which keeps its low 8 bits.
            let status: i64 = e.message().parse().unwrap_or(1);
            (status & 0xff) as i32
        }
        Err(e) => {
            write_fd(2, "Traceback (most recent call last):\n");
            write_fd(2, &format!("{}\n", e));
            1
        }
    }
}
