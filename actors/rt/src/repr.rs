//! `str()` and `repr()` of the scalar types, exactly as CPython 3.11 writes
//! them. For these types `str(x) == repr(x)`.
//!
//! Floats: the shortest digit string that reads back as the same double
//! (Rust's `{:e}` formatting gives exactly those digits and the decimal
//! exponent), laid out as CPython's `float_repr_style = 'short'`: positional
//! when the exponent is in -4..16 (`0.0001`, `1234.5`, `2.0`), otherwise
//! scientific with a sign and at least two exponent digits (`1e-05`,
//! `1e+16`, `1.5e+300`); `inf`, `-inf`, `nan`.

/// `repr(i)` / `str(i)` of an int.
pub fn repr_int(i: i64) -> String {
    i.to_string()
}

/// `repr(b)` / `str(b)` of a bool.
pub fn repr_bool(b: bool) -> String {
    (if b { "True" } else { "False" }).to_string()
}

/// `repr(x)` / `str(x)` of a float.
pub fn repr_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return (if x > 0.0 { "inf" } else { "-inf" }).to_string();
    }
    let sci = format!("{:e}", x); // e.g. "-1.2345e-7", "5e-324", "0e0"
    let (digits, exp) = split_sci(&sci);
    let (digits, exp) = ties_to_even(x, digits, exp);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let mut out = String::from(sign);
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() > point {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            } else {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

/// `"-1.25e-7"` → (`"125"`, -7): the significant digits and the decimal exponent.
fn split_sci(sci: &str) -> (String, i32) {
    let e = sci.find('e').unwrap();
    let exp: i32 = sci[e + 1..].parse().unwrap();
    let digits: String = sci[..e].chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp)
}

/// When `x` lies exactly halfway between the two shortest digit strings that
/// read back as `x`, CPython (David Gay's dtoa) takes the one whose last
/// digit is even; Rust's shortest formatting may take the other. Detects that
/// case exactly (rare: x must have a short exact decimal expansion ending in 5).
fn ties_to_even(x: f64, digits: String, exp: i32) -> (String, i32) {
    let k = digits.len();
    let longer = format!("{:.*e}", k + 1, x.abs()); // k + 2 significant digits
    let (long_digits, long_exp) = split_sci(&longer);
    if !long_digits.ends_with("50") {
        return (digits, exp);
    }
    // Exactly halfway only if the full expansion stops at that 5.
    let exact = format!("{:.*e}", 800, x.abs());
    let (exact_digits, _) = split_sci(&exact);
    if exact_digits[k + 1..].bytes().any(|b| b != b'0') {
        return (digits, exp);
    }
    let down = &long_digits[..k];
    let last = down.as_bytes()[k - 1] - b'0';
    let chosen = if last % 2 == 0 {
        down.to_string()
    } else {
        let mut up = down.as_bytes().to_vec();
        let mut i = k;
        loop {
            if i == 0 {
                return (digits, exp); // 99..9 carries into a new digit: not a tie between k-digit strings
            }
            i -= 1;
            if up[i] == b'9' {
                up[i] = b'0';
            } else {
                up[i] += 1;
                break;
            }
        }
        String::from_utf8(up).unwrap()
    };
    let text = format!("{}.{}e{}", &chosen[..1], &chosen[1..], long_exp);
    if text.parse::<f64>() == Ok(x.abs()) {
        let trimmed = chosen.trim_end_matches('0');
        (if trimmed.is_empty() { "0".to_string() } else { trimmed.to_string() }, long_exp)
    } else {
        (digits, exp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-7, "1e-07"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (2.0, "2.0"),
            (1e22, "1e+22"),
            (123456789012345.67, "123456789012345.67"),
            (5e-324, "5e-324"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.5e300, "1.5e+300"),
            (-2.5e-10, "-2.5e-10"),
            (1e100, "1e+100"),
            (1544373288657925.25, "1544373288657925.2"),
            (-1544373288657925.25, "-1544373288657925.2"),
            (0.5, "0.5"),
            (1e23, "1e+23"),
        ];
        for (x, want) in cases {
            assert_eq!(repr_float(*x), *want);
        }
    }

    #[test]
    fn ints_and_bools() {
        assert_eq!(repr_int(i64::MIN), "-9223372036854775808");
        assert_eq!(repr_bool(true), "True");
    }
}
