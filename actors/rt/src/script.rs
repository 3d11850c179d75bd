//! Script mode (`portalis run`): `print`, `input`, `sys.stdin`,
//! `sys.stdout.write`, `sys.exit` and the entry point that runs a script's
//! top-level code and turns its outcome into an exit status, as CPython
//! does: 0 when it completes, the `sys.exit` status, 1 after printing a
//! `sys.exit("message")` message, or 1 after writing the exception's last
//! traceback line to stderr.

use std::cell::RefCell;

use crate::err::{Exc, PyErr, PyResult, EOF_READING_LINE};
use crate::io::{flush_stdout, read_stdin, write_fd};
use crate::stdin::TextStdin;

thread_local! {
    static STDIN: RefCell<TextStdin> = RefCell::new(TextStdin::new());
}

fn with_stdin<T>(f: impl FnOnce(&mut TextStdin, &mut dyn FnMut(&mut [u8]) -> usize) -> T) -> T {
    STDIN.with(|s| f(&mut s.borrow_mut(), &mut read_stdin))
}

/// `input(prompt)`: writes the prompt to stdout and flushes it (CPython
/// flushes stdout before reading, so a prompt or earlier `print` shows
/// first), reads a line from stdin and strips its `'\n'`. EOFError "EOF
/// when reading a line" at the end of stdin.
pub fn sys_input(prompt: Option<&str>) -> PyResult<String> {
    if let Some(p) = prompt {
        write_fd(1, p);
    }
    flush_stdout();
    let mut line = stdin_readline()?;
    if line.is_empty() {
        return Err(PyErr::new(Exc::EOFError, EOF_READING_LINE));
    }
    if line.ends_with('\n') {
        line.pop();
    }
    Ok(line)
}

/// `sys.stdin.readline()`: the next line with its `'\n'`, `""` at the end.
pub fn stdin_readline() -> PyResult<String> {
    with_stdin(|s, src| s.readline(src))
}

/// `sys.stdin.read()`: the rest of stdin.
pub fn stdin_read() -> PyResult<String> {
    with_stdin(|s, src| s.read_all(src))
}

/// `sys.stdin.readlines()`: the remaining lines, each with its `'\n'`.
pub fn stdin_readlines() -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for line in stdin_lines() {
        out.push(line?);
    }
    Ok(out)
}

/// `for line in sys.stdin`: the remaining lines, read as the loop goes.
pub fn stdin_lines() -> StdinLines {
    StdinLines { done: false }
}

/// The iterator of `stdin_lines`; an error ends it after being yielded.
pub struct StdinLines {
    done: bool,
}

impl Iterator for StdinLines {
    type Item = PyResult<String>;

    fn next(&mut self) -> Option<PyResult<String>> {
        if self.done {
            return None;
        }
        match stdin_readline() {
            Ok(line) if line.is_empty() => {
                self.done = true;
                None
            }
            Ok(line) => Some(Ok(line)),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// `sys.stdout.write(text)`: buffered like `print`; returns `len(text)`
/// (code points), as CPython's write does.
pub fn sys_stdout_write(text: &str) -> i64 {
    write_fd(1, text);
    text.chars().count() as i64
}

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

/// `sys.exit("message")`: raises SystemExit; uncaught, CPython writes the
/// message and a newline to stderr (no traceback) and exits with status 1.
pub fn sys_exit_message(msg: &str) -> PyResult<()> {
    Err(PyErr::system_exit_text(msg))
}

/// Runs a script's entry function; returns the process exit status.
pub fn run_script(main: fn() -> PyResult<()>) -> i32 {
    let outcome = main();
    flush_stdout();
    match outcome {
        Ok(()) => 0,
        Err(e) if e.kind() == Exc::SystemExit && e.is_exit_text() => {
            write_fd(2, &format!("{}\n", e.message()));
            1
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_statuses() {
        assert_eq!(run_script(|| Ok(())), 0);
        assert_eq!(run_script(|| sys_exit(3)), 3);
        assert_eq!(run_script(|| sys_exit(256 + 7)), 7);
        // sys.exit("3") prints "3" and exits 1: a str code is not a status.
        assert_eq!(run_script(|| sys_exit_message("3")), 1);
        assert_eq!(run_script(|| Err(PyErr::new(Exc::EOFError, EOF_READING_LINE))), 1);
    }

    #[test]
    fn exit_message_is_a_system_exit_with_a_str_code() {
        let e = sys_exit_message("bad input").unwrap_err();
        assert_eq!(e.kind(), Exc::SystemExit);
        assert_eq!(e.message(), "bad input");
        assert!(e.is_exit_text());
        assert!(!sys_exit(1).unwrap_err().is_exit_text());
        assert!(e != PyErr::new(Exc::SystemExit, "bad input"));
    }

    #[test]
    fn stdout_write_returns_code_points() {
        assert_eq!(sys_stdout_write(""), 0);
        assert_eq!(sys_stdout_write("h\u{e9}\u{1f600}\n"), 4);
        flush_stdout();
    }
}
