//! `int(s)`, `int(s, base)` and `float(s)` with CPython 3.11's grammar and
//! messages. `int` parses through `PyInt::from_str_radix` (PEP 515
//! underscores, prefixes, Unicode digits) and must then fit in i64.

use crate::err::{Exc, PyErr, PyResult, INT_OVERFLOW};
use crate::pyint::{PyInt, INT_BASE_RANGE};
use crate::str::{str_repr_string, Str};
use crate::unicode::{decimal_value, is_space};

/// `int(s, base)` (`int(s)` is base 10); base 0 or 2..=36.
pub fn int_from_str(s: &Str, base: i64) -> PyResult<i64> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::new(Exc::ValueError, INT_BASE_RANGE));
    }
    if base == 10 {
        if let Some(v) = decimal_fast_path(s.as_str()) {
            return Ok(v);
        }
    }
    let v = PyInt::from_str_radix(s.as_str(), base as u32)?;
    v.to_i64().ok_or_else(|| PyErr::new(Exc::OverflowError, INT_OVERFLOW))
}

/// `int(s, base)` as an arbitrary-precision int.
pub fn pyint_from_str(s: &Str, base: i64) -> PyResult<PyInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::new(Exc::ValueError, INT_BASE_RANGE));
    }
    PyInt::from_str_radix(s.as_str(), base as u32)
}

/// `int(t)` for the common case: ASCII whitespace, an optional sign and
/// plain decimal digits that fit in i64. None for anything else (the general
/// parser decides).
fn decimal_fast_path(t: &str) -> Option<i64> {
    let t = t.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = digits.bytes().fold(0i64, |v, b| v * 10 + (b - b'0') as i64);
    Some(if neg { -v } else { v })
}

fn float_error(s: &Str) -> PyErr {
    PyErr::new(Exc::ValueError, &format!("could not convert string to float: {}", str_repr_string(s.as_str())))
}

/// Python's float literal after the sign: digits with an optional point
/// (at least one digit) and an optional exponent, or inf/infinity/nan.
fn valid_float_body(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    if l == "inf" || l == "infinity" || l == "nan" {
        return true;
    }
    let b = t.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

/// `float(s)`: surrounding whitespace, a sign, inf/infinity/nan in any case,
/// underscores between digits, Unicode decimal digits; correctly rounded.
/// ValueError "could not convert string to float: '...'" with the repr of `s`.
pub fn float_from_str(s: &Str) -> PyResult<f64> {
    // CPython first maps non-ASCII whitespace to ' ' and decimal digits to ASCII.
    let mut ascii = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if is_space(c) {
            ascii.push(' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push((b'0' + d as u8) as char);
        } else {
            return Err(float_error(s));
        }
    }
    if ascii.contains('_') {
        let mut out = String::with_capacity(ascii.len());
        let mut prev = '\0';
        for c in ascii.chars() {
            if c == '_' {
                if !prev.is_ascii_digit() {
                    return Err(float_error(s));
                }
            } else {
                if prev == '_' && !c.is_ascii_digit() {
                    return Err(float_error(s));
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == '_' {
            return Err(float_error(s));
        }
        ascii = out;
    }
    let t = ascii.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if !valid_float_body(body) {
        return Err(float_error(s));
    }
    let l = body.to_ascii_lowercase();
    let v = if l == "nan" {
        f64::NAN
    } else if l.starts_with("inf") {
        f64::INFINITY
    } else {
        body.parse::<f64>().map_err(|_| float_error(s))?
    };
    Ok(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(s: &str, base: i64) -> String {
        match int_from_str(&Str::new(s), base) {
            Ok(v) => v.to_string(),
            Err(e) => e.to_string(),
        }
    }

    fn f(s: &str) -> String {
        match float_from_str(&Str::new(s)) {
            Ok(v) => format!("{:?}", v),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(i(" -1_000 ", 10), "-1000");
        assert_eq!(i("0x_ff", 0), "255");
        assert_eq!(i("ff", 16), "255");
        assert_eq!(i("0b101", 2), "5");
        assert_eq!(i("\u{663}\u{664}", 10), "34");
        assert_eq!(i("x", 10), "ValueError: invalid literal for int() with base 10: 'x'");
        assert_eq!(i("1", 1), "ValueError: int() base must be >= 2 and <= 36, or 0");
        assert_eq!(i("9223372036854775808", 10), format!("OverflowError: {}", INT_OVERFLOW));
        assert_eq!(i("-9223372036854775808", 10), "-9223372036854775808");
        assert_eq!(pyint_from_str(&Str::new("9223372036854775808"), 0).unwrap().to_str_radix(16), "8000000000000000");
        assert_eq!(pyint_from_str(&Str::new("1"), 37).unwrap_err().message(), INT_BASE_RANGE);
    }

    #[test]
    fn floats() {
        assert_eq!(f(" 1_0.5e1_0 "), "105000000000.0");
        assert_eq!(f("-iNfInItY"), "-inf");
        assert_eq!(f("+nan"), "NaN");
        assert_eq!(f(".5"), "0.5");
        assert_eq!(f("5."), "5.0");
        assert_eq!(f("1e500"), "inf");
        assert_eq!(f("\u{663}.5\u{3000}"), "3.5");
        assert_eq!(f("0.1"), "0.1");
        assert_eq!(f("1__0"), "ValueError: could not convert string to float: '1__0'");
        assert_eq!(f("_1"), "ValueError: could not convert string to float: '_1'");
        assert_eq!(f("1_"), "ValueError: could not convert string to float: '1_'");
        assert_eq!(f("1_.5"), "ValueError: could not convert string to float: '1_.5'");
        assert_eq!(f(""), "ValueError: could not convert string to float: ''");
        assert_eq!(f("."), "ValueError: could not convert string to float: '.'");
        assert_eq!(f("1e"), "ValueError: could not convert string to float: '1e'");
        assert_eq!(f("infinit"), "ValueError: could not convert string to float: 'infinit'");
        assert_eq!(f("0x1p3"), "ValueError: could not convert string to float: '0x1p3'");
    }
}
