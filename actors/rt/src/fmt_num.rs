//! `format()` of int, bool and float: CPython 3.11's `format_long_internal`
//! and `format_float_internal`, with `PyOS_double_to_string`'s layout of the
//! digits (`format_float_short`). Digits come from Rust's exact formatting
//! (`{:.N}` / `{:.Ne}`, correctly rounded, ties to even) and, for the
//! shortest repr, from `repr_float`.

use crate::err::{Exc, PyErr, PyResult};
use crate::fmt_spec::{layout, parse_spec, unknown_code, value_error, Number, Spec};
use crate::pyint::PyInt;
use crate::repr::repr_float;
use crate::str::{Str, LONE_SURROGATE};

// ── ints ─────────────────────────────────────────────────────────────────

/// `format(i, spec)`: types b c d o x X n (and e E f F g G % through float).
pub fn format_int(i: i64, spec: &str) -> PyResult<Str> {
    if spec.is_empty() {
        return Ok(Str::from(i.to_string()));
    }
    format_int_as(i, spec, "int")
}

/// `format(b, spec)`: 'True'/'False' for an empty spec, else as the int 1/0
/// (errors name the type 'bool').
pub fn format_bool(b: bool, spec: &str) -> PyResult<Str> {
    if spec.is_empty() {
        return Ok(Str::new(if b { "True" } else { "False" }));
    }
    format_int_as(b as i64, spec, "bool")
}

fn format_int_as(i: i64, spec: &str, type_name: &str) -> PyResult<Str> {
    let f = parse_spec(spec, type_name, 'd', '>')?;
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(&IntDigits::Small(i), &f),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_double(i as f64, &f),
        t => Err(unknown_code(t, type_name)),
    }
}

/// `format(v, spec)` for an arbitrary-precision int: as `format_int`, with
/// CPython's 4300-digit limit on decimal output, "int too large to convert
/// to float" for the float types, and "Python int too large to convert to C
/// long" for 'c'.
pub fn format_pyint(v: &PyInt, spec: &str) -> PyResult<Str> {
    if spec.is_empty() {
        return Ok(Str::from(v.to_string_checked()?));
    }
    let f = parse_spec(spec, "int", 'd', '>')?;
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => match v.to_i64() {
            Some(i) => format_long(&IntDigits::Small(i), &f),
            None => format_long(&IntDigits::Big(v), &f),
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_double(v.to_f64()?, &f),
        t => Err(unknown_code(t, "int")),
    }
}

enum IntDigits<'a> {
    Small(i64),
    Big(&'a PyInt),
}

impl IntDigits<'_> {
    fn negative(&self) -> bool {
        match self {
            IntDigits::Small(i) => *i < 0,
            IntDigits::Big(v) => v.is_negative(),
        }
    }

    /// The magnitude's digits in `radix` (lowercase); decimal respects CPython's digit limit.
    fn magnitude(&self, radix: u32) -> PyResult<String> {
        match self {
            IntDigits::Small(i) => {
                let m = i.unsigned_abs();
                Ok(match radix {
                    2 => format!("{:b}", m),
                    8 => format!("{:o}", m),
                    16 => format!("{:x}", m),
                    _ => m.to_string(),
                })
            }
            IntDigits::Big(v) => {
                let t = if radix == 10 { v.to_string_checked()? } else { v.to_str_radix(radix) };
                Ok(t.trim_start_matches('-').to_string())
            }
        }
    }
}

fn format_long(v: &IntDigits, f: &Spec) -> PyResult<Str> {
    if f.precision != -1 {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let i = match v {
            IntDigits::Small(i) => *i,
            IntDigits::Big(_) => {
                return Err(PyErr::new(Exc::OverflowError, "Python int too large to convert to C long"))
            }
        };
        if !(0..=0x10ffff).contains(&i) {
            return Err(PyErr::new(Exc::OverflowError, "%c arg not in range(0x110000)"));
        }
        let c = std::char::from_u32(i as u32).ok_or_else(|| value_error(LONE_SURROGATE))?;
        let mut buf = [0u8; 4];
        let num = Number {
            negative: false,
            prefix: "",
            digits: "",
            decimal: false,
            remainder: c.encode_utf8(&mut buf),
            group: 0,
        };
        return Ok(Str::from(layout(f, &num)));
    }
    let (radix, prefix) = match f.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude(radix)?;
    if f.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let group = match (f.grouping, f.ty) {
        (_, 'n') | ('\0', _) => 0,
        _ if f.under_four => 4,
        _ => 3,
    };
    let num = Number {
        negative: v.negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
        group,
    };
    Ok(Str::from(layout(f, &num)))
}

// ── floats ───────────────────────────────────────────────────────────────

/// `format(x, spec)`: types e E f F g G n % and none (repr-like, or 'g'
/// with at least one digit after the point when a precision is given).
pub fn format_float(x: f64, spec: &str) -> PyResult<Str> {
    if spec.is_empty() {
        return Ok(Str::from(repr_float(x)));
    }
    let f = parse_spec(spec, "float", '\0', '>')?;
    match f.ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' | '\0' => format_double(x, &f),
        t => Err(unknown_code(t, "float")),
    }
}

/// The significant digits (no trailing zeros, "0" for zero) and the decimal
/// point position of `|x|` rounded to `n >= 1` significant digits (dtoa mode 2).
fn sig_digits(x: f64, n: usize) -> (String, i64) {
    let ax = x.abs();
    if ax == 0.0 {
        return ("0".to_string(), 1);
    }
    let sci = format!("{:.*e}", n - 1, ax);
    let e = sci.find('e').unwrap();
    let exp: i64 = sci[e + 1..].parse().unwrap();
    let mut d: String = sci[..e].chars().filter(|c| c.is_ascii_digit()).collect();
    while d.len() > 1 && d.ends_with('0') {
        d.pop();
    }
    (d, exp + 1)
}

/// The shortest round-tripping digits and decimal point position (dtoa mode 0).
fn shortest_digits(x: f64) -> (String, i64) {
    let r = repr_float(x.abs());
    let (mant, exp) = match r.find('e') {
        Some(e) => (&r[..e], r[e + 1..].parse::<i64>().unwrap()),
        None => (&r[..], 0),
    };
    let point = mant.find('.').unwrap_or(mant.len());
    let all: String = mant.chars().filter(|c| *c != '.').collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let mut d = all[lead..].trim_end_matches('0').to_string();
    if d.is_empty() {
        return ("0".to_string(), 1);
    }
    let decpt = point as i64 - lead as i64 + exp;
    d.shrink_to_fit();
    (d, decpt)
}

/// `format_float_short`'s layout of digits for 'g' and 'r': `precision` is
/// the number of significant digits asked for ('g').
fn layout_digits(digits: &str, decpt: i64, code: char, precision: i64, add_dot_0: bool, alt: bool, e: char) -> String {
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut use_exp = false;
    let mut vend = digits_len;
    if code == 'g' {
        if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
            use_exp = true;
        }
        if alt {
            vend = precision;
        }
    } else if decpt <= -4 || decpt > 16 {
        use_exp = true;
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vend = vend.max(decpt + 1);
    } else {
        vend = vend.max(decpt);
    }
    let mut out = String::new();
    let zeros = |out: &mut String, n: i64| (0..n.max(0)).for_each(|_| out.push('0'));
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(e);
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `|x|` with `p` digits after the point, correctly rounded (ties to even).
fn fixed(ax: f64, p: usize) -> String {
    if p == 0 && ax < 1.0 {
        // rustc 1.63 rounds 0.5 up with {:.0}; CPython gives '0'.
        return (if ax > 0.5 { "1" } else { "0" }).to_string();
    }
    format!("{:.*}", p, ax)
}

/// `PyOS_double_to_string(|x|, code, precision, flags)` without the sign:
/// the text and whether it is all zeros (for 'z').
fn double_text(ax: f64, code: char, precision: i64, add_dot_0: bool, alt: bool) -> (String, bool) {
    let upper = code.is_ascii_uppercase();
    if !ax.is_finite() {
        let t = if ax.is_nan() { "nan" } else { "inf" };
        return (if upper { t.to_ascii_uppercase() } else { t.to_string() }, false);
    }
    let e = if upper { 'E' } else { 'e' };
    let text = match code.to_ascii_lowercase() {
        'f' => {
            let mut t = fixed(ax, precision as usize);
            if alt && precision == 0 {
                t.push('.');
            }
            t
        }
        'e' => {
            let sci = format!("{:.*e}", precision as usize, ax);
            let k = sci.find('e').unwrap();
            let exp: i64 = sci[k + 1..].parse().unwrap();
            let mut t = sci[..k].to_string();
            if alt && precision == 0 {
                t.push('.');
            }
            t.push(e);
            t.push(if exp < 0 { '-' } else { '+' });
            t.push_str(&format!("{:02}", exp.abs()));
            t
        }
        'g' => {
            let p = precision.max(1);
            // a double has at most 767 significant digits: more are zeros, which 'g' drops
            let (d, decpt) = sig_digits(ax, p.min(800) as usize);
            layout_digits(&d, decpt, 'g', p, add_dot_0, alt, e)
        }
        _ => {
            let (d, decpt) = shortest_digits(ax);
            layout_digits(&d, decpt, 'r', 0, add_dot_0, alt, e)
        }
    };
    let zero = text.bytes().take_while(|b| !matches!(b, b'e' | b'E')).all(|b| b == b'0' || b == b'.');
    (text, zero)
}

fn format_double(x: f64, f: &Spec) -> PyResult<Str> {
    if f.precision > i32::MAX as i64 {
        return Err(value_error("precision too big"));
    }
    let mut code = f.ty;
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if code == '\0' {
        add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let mut pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = if f.precision < 0 {
        default_precision
    } else {
        if code == 'r' {
            code = 'g';
        }
        f.precision
    };
    let (mut text, zero) = double_text(val.abs(), code, precision, add_dot_0, f.alternate);
    let negative = val.is_sign_negative() && !val.is_nan() && !(f.no_neg_0 && zero);
    if pct {
        text.push('%');
    }
    let int_len = text.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = text.split_at(int_len);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let group = if f.grouping != '\0' && f.ty != 'n' { 3 } else { 0 };
    let num = Number { negative, prefix: "", digits, decimal, remainder, group };
    Ok(Str::from(layout(f, &num)))
}

/// `bin(i)`: `'-0b101'`.
pub fn py_bin(i: i64) -> Str {
    Str::from(format!("{}0b{:b}", if i < 0 { "-" } else { "" }, i.unsigned_abs()))
}

/// `oct(i)`: `'0o17'`.
pub fn py_oct(i: i64) -> Str {
    Str::from(format!("{}0o{:o}", if i < 0 { "-" } else { "" }, i.unsigned_abs()))
}

/// `hex(i)`: `'-0xff'`.
pub fn py_hex(i: i64) -> Str {
    Str::from(format!("{}0x{:x}", if i < 0 { "-" } else { "" }, i.unsigned_abs()))
}

fn prefixed(v: &PyInt, prefix: &str, radix: u32) -> Str {
    let t = v.to_str_radix(radix);
    Str::from(match t.strip_prefix('-') {
        Some(m) => format!("-{}{}", prefix, m),
        None => format!("{}{}", prefix, t),
    })
}

/// `bin(v)` of an arbitrary-precision int.
pub fn pyint_bin(v: &PyInt) -> Str {
    prefixed(v, "0b", 2)
}

/// `oct(v)` of an arbitrary-precision int.
pub fn pyint_oct(v: &PyInt) -> Str {
    prefixed(v, "0o", 8)
}

/// `hex(v)` of an arbitrary-precision int.
pub fn pyint_hex(v: &PyInt) -> Str {
    prefixed(v, "0x", 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(r: PyResult<Str>) -> String {
        match r {
            Ok(v) => v.as_str().to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        let cases: &[(i64, &str, &str)] = &[
            (1234, "010,", "00,001,234"),
            (1234, "0=10,", "00,001,234"),
            (1234, "06,", "01,234"),
            (-255, "#x", "-0xff"),
            (255, "#X", "0XFF"),
            (255, "#010b", "0b11111111"),
            (i64::MIN, "_x", "-8000_0000_0000_0000"),
            (65, "^5c", "  A  "),
            (5, "+", "+5"),
            (5, " 4", "   5"),
            (-5, "*<4", "-5**"),
            (-5, "*=4", "-**5"),
            (1234567, "n", "1234567"),
            (3, ".2f", "3.00"),
            (1, "%", "100.000000%"),
            (1, ".2", "ValueError: Precision not allowed in integer format specifier"),
            (1, "z", "ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
            (65, "+c", "ValueError: Sign not allowed with integer format specifier 'c'"),
            (-1, "c", "OverflowError: %c arg not in range(0x110000)"),
            (1, ",x", "ValueError: Cannot specify ',' with 'x'."),
            (1, "\x01", "ValueError: Unknown format code '\\x1' for object of type 'int'"),
            (1, "é", "ValueError: Unknown format code '\\xe9' for object of type 'int'"),
            (1, "s", "ValueError: Unknown format code 's' for object of type 'int'"),
        ];
        for (i, spec, want) in cases {
            assert_eq!(show(format_int(*i, spec)), *want, "format({}, {:?})", i, spec);
        }
        assert_eq!(show(format_bool(true, "")), "True");
        assert_eq!(show(format_bool(true, ">6")), "     1");
        assert_eq!(show(format_bool(true, "s")), "ValueError: Unknown format code 's' for object of type 'bool'");
        assert_eq!(py_bin(-5).as_str(), "-0b101");
        assert_eq!(py_hex(i64::MIN).as_str(), "-0x8000000000000000");
        assert_eq!(py_oct(8).as_str(), "0o10");
        let big = PyInt::from_str_radix("-1180591620717411303424", 10).unwrap();
        assert_eq!(show(format_pyint(&big, "034,")), "-0,001,180,591,620,717,411,303,424");
        assert_eq!(show(format_pyint(&big, "#_x")), "-0x40_0000_0000_0000_0000");
        assert_eq!(show(format_pyint(&big, "c")), "OverflowError: Python int too large to convert to C long");
        assert_eq!(show(format_pyint(&big, ".3e")), "-1.181e+21");
        assert_eq!(pyint_hex(&big).as_str(), "-0x400000000000000000");
        assert_eq!(pyint_bin(&PyInt::from_i64(5)).as_str(), "0b101");
        let huge = PyInt::from_str_radix(&format!("1{}", "0".repeat(3600)), 16).unwrap(); // 4335 decimal digits
        assert_eq!(format_pyint(&huge, "").unwrap_err().kind(), Exc::ValueError);
        assert_eq!(format_pyint(&huge, ",").unwrap_err().kind(), Exc::ValueError);
        assert_eq!(format_pyint(&huge, "x").unwrap().char_len(), 3601);
    }

    #[test]
    fn floats() {
        let cases: &[(f64, &str, &str)] = &[
            (1e16, "", "1e+16"),
            (1.5, ".3", "1.5"),
            (1.0, ".3", "1.0"),
            (1e16, ".3", "1e+16"),
            (123.0, ".2", "1.2e+02"),
            (1.0, "#", "1.0"),
            (1.0, "#.0", "1.e+00"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (0.125, ".2f", "0.12"),
            (-0.0, ".1f", "-0.0"),
            (-0.0, "z.1f", "0.0"),
            (-0.001, "z.1f", "0.0"),
            (-0.0, "z", "0.0"),
            (f64::NAN, "+", "+nan"),
            (-f64::NAN, "f", "nan"),
            (f64::INFINITY, "010,", "0000000inf"),
            (f64::NEG_INFINITY, "E", "-INF"),
            (1234.5, ",.2f", "1,234.50"),
            (1234.5, "_", "1_234.5"),
            (0.25, "%", "25.000000%"),
            (1e-5, "g", "1e-05"),
            (123456789.0, "g", "1.23457e+08"),
            (100.0, "#g", "100.000"),
            (0.0, "e", "0.000000e+00"),
            (1.5, "n", "1.5"),
            (12.0, ".1", "1e+01"),
            (0.1, ".2000000000g", "0.1000000000000000055511151231257827021181583404541015625"),
            (1.0, "d", "ValueError: Unknown format code 'd' for object of type 'float'"),
            (1.0, ".3000000000", "ValueError: precision too big"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(show(format_float(*x, spec)), *want, "format({}, {:?})", x, spec);
        }
    }
}
