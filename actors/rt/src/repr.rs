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
    let (mantissa, exp) = sci.split_at(sci.find('e').unwrap());
    let exp: i32 = exp[1..].parse().unwrap();
    let (sign, mantissa) = if let Some(m) = mantissa.strip_prefix('-') { ("-", m) } else { ("", mantissa) };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
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
