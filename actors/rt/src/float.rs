//! Python `float` arithmetic, conversions and exact int/float comparison.
//!
//! `/`, `//`, `%`, `divmod` and `**` follow CPython 3.11's float object:
//! the same special cases for zeros, infinities and NaN, the same signs, and
//! the same exception classes and messages.

use crate::err::*;
use std::cmp::Ordering;

/// `a / b`.
#[inline]
pub fn float_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return raise(Exc::ZeroDivisionError, FLOAT_DIV_ZERO);
    }
    Ok(a / b)
}

/// `a % b`: the result has the sign of `b` (a zero result too).
#[inline]
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return raise(Exc::ZeroDivisionError, FLOAT_MOD_ZERO);
    }
    Ok(mod_unchecked(a, b))
}

#[inline]
fn mod_unchecked(a: f64, b: f64) -> f64 {
    let m = a % b; // C fmod: exact
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        // A zero remainder takes the divisor's sign whatever fmod returned.
        0.0f64.copysign(b)
    }
}

/// `a // b`.
#[inline]
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return raise(Exc::ZeroDivisionError, FLOAT_FLOORDIV_ZERO);
    }
    Ok(divmod_unchecked(a, b).0)
}

/// `divmod(a, b)`.
#[inline]
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return raise(Exc::ZeroDivisionError, FLOAT_DIVMOD_ZERO);
    }
    Ok(divmod_unchecked(a, b))
}

/// CPython's float divmod: the quotient comes from `(a - fmod(a, b)) / b`,
/// which is exact up to one rounding, then floored with a half-way fix so
/// that `q * b + r` is as close to `a` as floats allow.
fn divmod_unchecked(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// True when `x` is an odd integer (CPython's DOUBLE_IS_ODD_INTEGER).
#[inline]
pub(crate) fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` for floats, with CPython's float_pow special cases.
pub fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Ok(1.0); // x ** 0 is 1, even 0 ** 0 and nan ** 0
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let m = a.abs();
        return Ok(if m == 1.0 {
            1.0
        } else if (b > 0.0) == (m > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(if b > 0.0 {
            if odd {
                a
            } else {
                a.abs()
            }
        } else if odd {
            0.0f64.copysign(a)
        } else {
            0.0
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return raise(Exc::ZeroDivisionError, ZERO_NEG_POW);
        }
        return Ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if a < 0.0 {
        if b != b.floor() {
            return complex_pow_error(a, b);
        }
        base = -a;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    // Finite base > 0 (not 1), finite non-zero exponent: C's pow.
    let r = crate::expo::pow_positive(base, b);
    if r.is_infinite() {
        return raise(Exc::OverflowError, POW_RANGE);
    }
    Ok(if negate { -r } else { r })
}

/// CPython hands `negative ** fractional` to complex power: |a|^b at angle
/// pi*b. When a part of that complex overflows it raises OverflowError
/// "complex exponentiation"; otherwise it returns a complex, which Portalis
/// cannot represent (ValueError `COMPLEX_POW`).
#[cold]
fn complex_pow_error(a: f64, b: f64) -> PyResult<f64> {
    let len = crate::expo::pow_positive(-a, b);
    let phase = std::f64::consts::PI * b; // atan2(0.0, a) for a < 0
    if (len * crate::trig::cos(phase)).is_infinite() || (len * crate::trig::sin(phase)).is_infinite() {
        return raise(Exc::OverflowError, "complex exponentiation");
    }
    raise(Exc::ValueError, COMPLEX_POW)
}

/// `int(x)` for a float: truncates toward zero.
#[inline]
pub fn float_to_int(x: f64) -> PyResult<i64> {
    // -2^63 <= trunc(x) < 2^63  <=>  -2^63 - 1 < x < 2^63
    if x < 9223372036854775808.0 && x > -9223372036854777856.0 {
        return Ok(x as i64);
    }
    float_to_int_slow(x)
}

#[cold]
fn float_to_int_slow(x: f64) -> PyResult<i64> {
    if x.is_nan() {
        return raise(Exc::ValueError, FLOAT_NAN_TO_INT);
    }
    if x.is_infinite() {
        return raise(Exc::OverflowError, FLOAT_INF_TO_INT);
    }
    overflow()
}

/// `mant * 2^exp`, exactly; the caller guarantees the value is a double
/// (normal or subnormal, no bits lost), or infinity when it is too large.
pub(crate) fn ldexp_exact(mant: u64, exp: i32) -> f64 {
    (mant as f64) * pow2(exp)
}

/// 2^e as a double for -1074 <= e <= 1023 (0 below, infinity above).
pub(crate) fn pow2(e: i32) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else if e >= -1074 {
        f64::from_bits(1u64 << (e + 1074))
    } else {
        0.0
    }
}

// ── exact comparison of an int with a float ──────────────────────────────

/// Compares `i` with `x` exactly, as CPython does (no rounding of `i` to a
/// double). `None` when `x` is NaN: every comparison but `!=` is false.
#[inline]
pub fn cmp_int_float(i: i64, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if (i.unsigned_abs()) <= (1u64 << 53) {
        // i is an exact double.
        return (i as f64).partial_cmp(&x);
    }
    Some(cmp_int_float_slow(i, x))
}

fn cmp_int_float_slow(i: i64, x: f64) -> Ordering {
    if x >= 9223372036854775808.0 {
        return Ordering::Less;
    }
    if x < -9223372036854775808.0 {
        return Ordering::Greater;
    }
    let t = x.trunc(); // an integer in [-2^63, 2^63): exact as i64
    let ti = t as i64;
    if i != ti {
        return i.cmp(&ti);
    }
    let frac = x - t;
    if frac > 0.0 {
        Ordering::Less
    } else if frac < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// `i == x`.
#[inline]
pub fn int_float_eq(i: i64, x: f64) -> bool {
    cmp_int_float(i, x) == Some(Ordering::Equal)
}
/// `i != x`.
#[inline]
pub fn int_float_ne(i: i64, x: f64) -> bool {
    !int_float_eq(i, x)
}
/// `i < x`.
#[inline]
pub fn int_float_lt(i: i64, x: f64) -> bool {
    cmp_int_float(i, x) == Some(Ordering::Less)
}
/// `i <= x`.
#[inline]
pub fn int_float_le(i: i64, x: f64) -> bool {
    matches!(cmp_int_float(i, x), Some(Ordering::Less) | Some(Ordering::Equal))
}
/// `i > x`.
#[inline]
pub fn int_float_gt(i: i64, x: f64) -> bool {
    cmp_int_float(i, x) == Some(Ordering::Greater)
}
/// `i >= x`.
#[inline]
pub fn int_float_ge(i: i64, x: f64) -> bool {
    matches!(cmp_int_float(i, x), Some(Ordering::Greater) | Some(Ordering::Equal))
}
/// `x == i`.
#[inline]
pub fn float_int_eq(x: f64, i: i64) -> bool {
    int_float_eq(i, x)
}
/// `x != i`.
#[inline]
pub fn float_int_ne(x: f64, i: i64) -> bool {
    int_float_ne(i, x)
}
/// `x < i`.
#[inline]
pub fn float_int_lt(x: f64, i: i64) -> bool {
    int_float_gt(i, x)
}
/// `x <= i`.
#[inline]
pub fn float_int_le(x: f64, i: i64) -> bool {
    int_float_ge(i, x)
}
/// `x > i`.
#[inline]
pub fn float_int_gt(x: f64, i: i64) -> bool {
    int_float_lt(i, x)
}
/// `x >= i`.
#[inline]
pub fn float_int_ge(x: f64, i: i64) -> bool {
    int_float_le(i, x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(r: PyResult<f64>) -> u64 {
        r.unwrap().to_bits()
    }

    #[test]
    fn modulo_signs() {
        assert_eq!(float_mod(-1.0, 3.0).unwrap(), 2.0);
        assert_eq!(float_mod(1.0, -3.0).unwrap(), -2.0);
        assert_eq!(bits(float_mod(3.0, -3.0)), (-0.0f64).to_bits());
        assert_eq!(bits(float_mod(-0.0, 1.0)), 0.0f64.to_bits());
        assert_eq!(float_mod(-1.0, f64::INFINITY).unwrap(), f64::INFINITY);
        assert!(float_mod(f64::INFINITY, 1.0).unwrap().is_nan());
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().message(), FLOAT_MOD_ZERO);
    }

    #[test]
    fn floor_division() {
        assert_eq!(float_floordiv(7.0, 2.0).unwrap(), 3.0);
        assert_eq!(float_floordiv(-7.0, 2.0).unwrap(), -4.0);
        assert_eq!(bits(float_floordiv(-0.0, 1.0)), (-0.0f64).to_bits());
        assert_eq!(bits(float_floordiv(1.0, -5.0)), (-1.0f64).to_bits());
        assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
        assert_eq!(float_floordiv(1.0, 0.0).unwrap_err().message(), FLOAT_FLOORDIV_ZERO);
        assert_eq!(float_divmod(1.0, -0.0).unwrap_err().message(), FLOAT_DIVMOD_ZERO);
        assert_eq!(float_div(1.0, 0.0).unwrap_err().message(), FLOAT_DIV_ZERO);
    }

    #[test]
    fn powers() {
        assert_eq!(float_pow(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(float_pow(1.0, f64::NAN).unwrap(), 1.0);
        assert_eq!(float_pow(-1.0, f64::INFINITY).unwrap(), 1.0);
        assert_eq!(float_pow(0.5, f64::NEG_INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(bits(float_pow(f64::NEG_INFINITY, -3.0)), (-0.0f64).to_bits());
        assert_eq!(bits(float_pow(-0.0, 3.0)), (-0.0f64).to_bits());
        assert_eq!(bits(float_pow(-0.0, 2.0)), 0.0f64.to_bits());
        assert_eq!(float_pow(-2.0, 3.0).unwrap(), -8.0);
        assert_eq!(float_pow(-1.0, 1e300).unwrap(), 1.0);
        let e = float_pow(0.0, -1.0).unwrap_err();
        assert_eq!((e.kind(), e.message()), (Exc::ZeroDivisionError, ZERO_NEG_POW));
        assert_eq!(float_pow(10.0, 400.0).unwrap_err().message(), POW_RANGE);
        assert_eq!(float_pow(-8.0, 1.0 / 3.0).unwrap_err().kind(), Exc::ValueError);
        assert_eq!(float_pow(10.0, -400.0).unwrap(), 0.0);
    }

    #[test]
    fn float_to_int_limits() {
        assert_eq!(float_to_int(-2.9).unwrap(), -2);
        assert_eq!(float_to_int(-9223372036854775808.0).unwrap(), i64::MIN);
        assert!(float_to_int(9223372036854775808.0).is_err());
        assert_eq!(float_to_int(9223372036854774784.0).unwrap(), 9223372036854774784);
        assert_eq!(float_to_int(f64::NAN).unwrap_err().message(), FLOAT_NAN_TO_INT);
        assert_eq!(float_to_int(f64::NEG_INFINITY).unwrap_err().message(), FLOAT_INF_TO_INT);
        assert_eq!(float_to_int(-1e19).unwrap_err().message(), INT_OVERFLOW);
    }

    #[test]
    fn exact_comparisons() {
        let big = (1i64 << 53) + 1;
        assert!(!int_float_eq(big, big as f64)); // big as f64 rounds to 2^53
        assert!(int_float_gt(big, (1u64 << 53) as f64));
        assert!(int_float_lt(i64::MAX, 9223372036854775808.0));
        assert!(int_float_eq(i64::MIN, -9223372036854775808.0));
        assert!(int_float_lt(5, 5.5) && int_float_gt(-5, -5.5));
        assert!(int_float_ne(1, f64::NAN) && !int_float_eq(1, f64::NAN));
        assert!(!int_float_le(1, f64::NAN) && !int_float_ge(1, f64::NAN));
        assert!(int_float_lt(i64::MAX, f64::INFINITY));
        assert!(float_int_lt(f64::NEG_INFINITY, i64::MIN));
        assert!(float_int_gt(1.5, 1));
    }
}
