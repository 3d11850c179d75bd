//! Python exceptions as Rust values.
//!
//! Every fallible operation in `portalis_rt` returns `PyResult<T>`; generated
//! code propagates errors with `?`. A `PyErr` is one pointer wide (the class
//! and message live in a box) so `PyResult<i64>` stays small on the hot path.
//! The messages below are CPython 3.11's, word for word, except
//! `INT_OVERFLOW` and `NEGATIVE_INT_POW`, which describe Portalis limits.

use std::fmt;

/// The Python exception classes translated code can raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exc {
    ArithmeticError,
    AssertionError,
    /// `input()` at the end of stdin: "EOF when reading a line".
    EOFError,
    Exception,
    IndexError,
    KeyError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    RuntimeError,
    /// `sys.exit(n)` in script mode; the message is the exit status in decimal.
    SystemExit,
    TypeError,
    /// Script mode: stdin that is not valid UTF-8 (docs/abi.md "Script mode").
    UnicodeDecodeError,
    ValueError,
    ZeroDivisionError,
}

impl Exc {
    /// The CPython class name, as written in the ABI error record.
    pub fn name(self) -> &'static str {
        match self {
            Exc::ArithmeticError => "ArithmeticError",
            Exc::AssertionError => "AssertionError",
            Exc::EOFError => "EOFError",
            Exc::Exception => "Exception",
            Exc::IndexError => "IndexError",
            Exc::KeyError => "KeyError",
            Exc::NotImplementedError => "NotImplementedError",
            Exc::OverflowError => "OverflowError",
            Exc::RecursionError => "RecursionError",
            Exc::RuntimeError => "RuntimeError",
            Exc::SystemExit => "SystemExit",
            Exc::TypeError => "TypeError",
            Exc::UnicodeDecodeError => "UnicodeDecodeError",
            Exc::ValueError => "ValueError",
            Exc::ZeroDivisionError => "ZeroDivisionError",
        }
    }
}

struct PyErrInner {
    kind: Exc,
    msg: String,
    /// A SystemExit whose code is a str (`sys.exit("message")`): `msg` is
    /// that text, printed to stderr with exit status 1. Otherwise false, and
    /// a SystemExit's `msg` is its int status in decimal.
    exit_text: bool,
}

/// A raised Python exception: its class and its message (`str(exc)`).
pub struct PyErr(Box<PyErrInner>);

/// The result of every operation that may raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    #[cold]
    pub fn new(kind: Exc, msg: &str) -> PyErr {
        PyErr(Box::new(PyErrInner { kind, msg: msg.to_string(), exit_text: false }))
    }

    /// `sys.exit("message")`: SystemExit with a str code (see `is_exit_text`).
    #[cold]
    pub fn system_exit_text(msg: &str) -> PyErr {
        PyErr(Box::new(PyErrInner { kind: Exc::SystemExit, msg: msg.to_string(), exit_text: true }))
    }

    /// Whether this is a SystemExit whose code is a str rather than an int.
    pub fn is_exit_text(&self) -> bool {
        self.0.exit_text
    }

    pub fn kind(&self) -> Exc {
        self.0.kind
    }

    pub fn message(&self) -> &str {
        &self.0.msg
    }

    /// `"ExceptionType\nmessage"`, the record format of docs/abi.md.
    pub fn record(&self) -> String {
        format!("{}\n{}", self.0.kind.name(), self.0.msg)
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({:?})", self.0.kind.name(), self.0.msg)
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.msg.is_empty() {
            write!(f, "{}", self.0.kind.name())
        } else {
            write!(f, "{}: {}", self.0.kind.name(), self.0.msg)
        }
    }
}

impl PartialEq for PyErr {
    fn eq(&self, other: &PyErr) -> bool {
        self.0.kind == other.0.kind && self.0.msg == other.0.msg && self.0.exit_text == other.0.exit_text
    }
}

// ── messages ─────────────────────────────────────────────────────────────

/// Portalis ints are i64; CPython's would grow. Raised instead of wrapping.
pub const INT_OVERFLOW: &str =
    "int result does not fit in 64 bits (Portalis ints are 64-bit until arbitrary precision lands)";
/// `int ** negative int` is a float in Python; translated code types it int.
pub const NEGATIVE_INT_POW: &str =
    "int ** negative int gives a float in Python, but this expression is typed int in translated code; write float(base) ** exponent";
/// A negative float to a fractional power is a complex number in Python.
pub const COMPLEX_POW: &str =
    "negative float ** non-integer float gives a complex number in Python; Portalis does not support complex numbers";

pub const INT_DIV_ZERO: &str = "integer division or modulo by zero";
pub const INT_MOD_ZERO: &str = "integer modulo by zero";
pub const DIV_ZERO: &str = "division by zero";
pub const FLOAT_DIV_ZERO: &str = "float division by zero";
pub const FLOAT_FLOORDIV_ZERO: &str = "float floor division by zero";
pub const FLOAT_MOD_ZERO: &str = "float modulo";
pub const FLOAT_DIVMOD_ZERO: &str = "float divmod()";
pub const ZERO_NEG_POW: &str = "0.0 cannot be raised to a negative power";
pub const POW_RANGE: &str = "(34, 'Numerical result out of range')";
pub const NEGATIVE_SHIFT: &str = "negative shift count";
pub const FLOAT_NAN_TO_INT: &str = "cannot convert float NaN to integer";
pub const FLOAT_INF_TO_INT: &str = "cannot convert float infinity to integer";
pub const ROUND_TOO_LARGE: &str = "rounded value too large to represent";
pub const MATH_DOMAIN: &str = "math domain error";
pub const MATH_RANGE: &str = "math range error";
pub const RECURSION: &str = "maximum recursion depth exceeded";
pub const EOF_READING_LINE: &str = "EOF when reading a line";

#[cold]
#[inline(never)]
pub(crate) fn raise<T>(kind: Exc, msg: &str) -> PyResult<T> {
    Err(PyErr::new(kind, msg))
}

#[cold]
#[inline(never)]
pub(crate) fn overflow<T>() -> PyResult<T> {
    Err(PyErr::new(Exc::OverflowError, INT_OVERFLOW))
}
