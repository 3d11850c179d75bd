//! Python `int` arithmetic on i64.
//!
//! CPython ints never overflow; Portalis ints are i64 and raise
//! `OverflowError` (`INT_OVERFLOW`) where CPython's result would leave the
//! range, so a translated program either agrees with CPython or says why not.
//! `//` and `%` floor toward −∞ and `%` takes the divisor's sign, as in Python.

use crate::err::*;

#[inline]
pub fn int_add(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_add(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

#[inline]
pub fn int_sub(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_sub(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

#[inline]
pub fn int_mul(a: i64, b: i64) -> PyResult<i64> {
    match a.checked_mul(b) {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

/// `-a`.
#[inline]
pub fn int_neg(a: i64) -> PyResult<i64> {
    match a.checked_neg() {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

/// `abs(a)`.
#[inline]
pub fn int_abs(a: i64) -> PyResult<i64> {
    match a.checked_abs() {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

/// `a // b`, floored.
#[inline]
pub fn int_floordiv(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return raise(Exc::ZeroDivisionError, INT_DIV_ZERO);
    }
    if b == -1 {
        return int_neg(a);
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Ok(q - 1)
    } else {
        Ok(q)
    }
}

/// `a % b`, with the sign of `b`.
#[inline]
pub fn int_mod(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return raise(Exc::ZeroDivisionError, INT_MOD_ZERO);
    }
    Ok(floor_mod(a, b))
}

#[inline]
fn floor_mod(a: i64, b: i64) -> i64 {
    // wrapping_rem: i64::MIN % -1 is 0 (plain `%` panics on it).
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `divmod(a, b)`.
#[inline]
pub fn int_divmod(a: i64, b: i64) -> PyResult<(i64, i64)> {
    if b == 0 {
        return raise(Exc::ZeroDivisionError, INT_DIV_ZERO);
    }
    let q = int_floordiv(a, b)?;
    Ok((q, floor_mod(a, b)))
}

/// `a ** b` for `b >= 0`; `0 ** 0 == 1`.
///
/// A negative exponent makes CPython return a float. Portalis types
/// `int ** int` as int, so it raises `ValueError` (`NEGATIVE_INT_POW`);
/// `0 ** negative` raises CPython's own `ZeroDivisionError`.
pub fn int_pow(a: i64, b: i64) -> PyResult<i64> {
    if b < 0 {
        if a == 0 {
            return raise(Exc::ZeroDivisionError, ZERO_NEG_POW);
        }
        return raise(Exc::ValueError, NEGATIVE_INT_POW);
    }
    // Small bases never overflow, whatever the exponent.
    match a {
        0 => return Ok(if b == 0 { 1 } else { 0 }),
        1 => return Ok(1),
        -1 => return Ok(if b & 1 == 0 { 1 } else { -1 }),
        _ => {}
    }
    if b >= 64 {
        return overflow(); // |a| >= 2, so |a| ** 64 >= 2 ** 64
    }
    let mut acc: i64 = 1;
    let mut base = a;
    let mut e = b;
    loop {
        if e & 1 == 1 {
            acc = int_mul(acc, base)?;
        }
        e >>= 1;
        if e == 0 {
            return Ok(acc);
        }
        // Squaring overflows only when the final result would too.
        base = int_mul(base, base)?;
    }
}

/// `a ** b` for ints where the analysis typed the result float (a negative
/// exponent): for `b < 0` CPython's float, `float(a) ** float(b)`; for
/// `b >= 0`, `float(a ** b)` with the int power computed exactly first.
pub fn int_pow_float(a: i64, b: i64) -> PyResult<f64> {
    if b < 0 {
        return crate::float::float_pow(a as f64, b as f64);
    }
    Ok(int_pow(a, b)? as f64)
}

/// `a << n`.
#[inline]
pub fn int_lshift(a: i64, n: i64) -> PyResult<i64> {
    if n < 0 {
        return raise(Exc::ValueError, NEGATIVE_SHIFT);
    }
    if a == 0 {
        return Ok(0);
    }
    if n >= 64 {
        return overflow();
    }
    let v = a << n;
    if (v >> n) != a {
        return overflow();
    }
    Ok(v)
}

/// `a >> n`, floored like Python (arithmetic shift).
#[inline]
pub fn int_rshift(a: i64, n: i64) -> PyResult<i64> {
    if n < 0 {
        return raise(Exc::ValueError, NEGATIVE_SHIFT);
    }
    if n >= 64 {
        return Ok(if a < 0 { -1 } else { 0 });
    }
    Ok(a >> n)
}

/// `a / b` for ints: the correctly rounded quotient, like CPython's
/// long true division (exact even when |a| or |b| exceed 2^53).
pub fn int_truediv(a: i64, b: i64) -> PyResult<f64> {
    if b == 0 {
        return raise(Exc::ZeroDivisionError, DIV_ZERO);
    }
    const EXACT: u64 = 1 << 53;
    let (na, nb) = (a.unsigned_abs(), b.unsigned_abs());
    if na <= EXACT && nb <= EXACT {
        // Both operands are exact doubles; IEEE division rounds correctly.
        return Ok(a as f64 / b as f64);
    }
    let q = u64_ratio_to_f64(na, nb);
    Ok(if (a < 0) != (b < 0) { -q } else { q })
}

/// `n / d` correctly rounded (round half to even), for `d != 0`.
/// The quotient of two u64 never leaves the normal range, so this only has
/// to round a 55/56-bit integer quotient plus a sticky bit to 53 bits.
fn u64_ratio_to_f64(n: u64, d: u64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (ln, ld) = (64 - n.leading_zeros() as i32, 64 - d.leading_zeros() as i32);
    // Choose s so that q = floor(n * 2^s / d) has 55 or 56 bits.
    let s = 55 - (ln - ld);
    let (num, den) = if s >= 0 {
        ((n as u128) << s, d as u128)
    } else {
        (n as u128, (d as u128) << (-s))
    };
    let q = num / den;
    let sticky = num % den != 0;
    let bits = 128 - q.leading_zeros() as i32;
    let drop = bits - 53;
    let mut mant = (q >> drop) as u64;
    let rest = q & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && (sticky || mant & 1 == 1)) {
        mant += 1;
    }
    crate::float::ldexp_exact(mant, drop - s)
}

/// `float(i)`: never fails for i64 (kept fallible for symmetry).
#[inline]
pub fn int_to_float(i: i64) -> PyResult<f64> {
    Ok(i as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: std::fmt::Debug>(r: PyResult<T>) -> (Exc, String) {
        let e = r.unwrap_err();
        (e.kind(), e.message().to_string())
    }

    #[test]
    fn floor_division_and_modulo() {
        assert_eq!(int_floordiv(7, 2).unwrap(), 3);
        assert_eq!(int_floordiv(-7, 2).unwrap(), -4);
        assert_eq!(int_floordiv(7, -2).unwrap(), -4);
        assert_eq!(int_floordiv(-7, -2).unwrap(), 3);
        assert_eq!(int_mod(-7, 2).unwrap(), 1);
        assert_eq!(int_mod(7, -2).unwrap(), -1);
        assert_eq!(int_mod(i64::MIN, -1).unwrap(), 0);
        assert_eq!(int_divmod(-7, 2).unwrap(), (-4, 1));
        assert_eq!(err(int_floordiv(1, 0)), (Exc::ZeroDivisionError, INT_DIV_ZERO.to_string()));
        assert_eq!(err(int_mod(1, 0)), (Exc::ZeroDivisionError, INT_MOD_ZERO.to_string()));
        assert_eq!(err(int_divmod(1, 0)).1, INT_DIV_ZERO);
        assert_eq!(err(int_floordiv(i64::MIN, -1)).0, Exc::OverflowError);
        assert_eq!(err(int_divmod(i64::MIN, -1)).0, Exc::OverflowError);
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(err(int_add(i64::MAX, 1)), (Exc::OverflowError, INT_OVERFLOW.to_string()));
        assert!(int_sub(i64::MIN, 1).is_err());
        assert!(int_mul(1 << 32, 1 << 31).is_err());
        assert_eq!(int_mul(-(1 << 32), 1 << 31).unwrap(), i64::MIN);
        assert!(int_neg(i64::MIN).is_err());
        assert!(int_abs(i64::MIN).is_err());
        assert_eq!(int_abs(-5).unwrap(), 5);
    }

    #[test]
    fn powers() {
        assert_eq!(int_pow(0, 0).unwrap(), 1);
        assert_eq!(int_pow(2, 62).unwrap(), 1 << 62);
        assert!(int_pow(2, 63).is_err());
        assert_eq!(int_pow(-2, 63).unwrap(), i64::MIN);
        assert_eq!(int_pow(-1, i64::MAX).unwrap(), -1);
        assert_eq!(int_pow(3, 39).unwrap(), 4052555153018976267);
        assert!(int_pow(3, 40).is_err());
        assert_eq!(err(int_pow(0, -1)), (Exc::ZeroDivisionError, ZERO_NEG_POW.to_string()));
        assert_eq!(err(int_pow(2, -1)).0, Exc::ValueError);
        assert_eq!(int_pow_float(2, -1).unwrap(), 0.5);
    }

    #[test]
    fn shifts() {
        assert_eq!(int_lshift(1, 62).unwrap(), 1 << 62);
        assert!(int_lshift(1, 63).is_err());
        assert_eq!(int_lshift(-1, 63).unwrap(), i64::MIN);
        assert_eq!(int_lshift(0, 1000).unwrap(), 0);
        assert_eq!(err(int_lshift(1, -1)), (Exc::ValueError, NEGATIVE_SHIFT.to_string()));
        assert_eq!(int_rshift(-5, 1).unwrap(), -3);
        assert_eq!(int_rshift(-5, 100).unwrap(), -1);
        assert_eq!(int_rshift(5, 100).unwrap(), 0);
        assert!(int_rshift(5, -1).is_err());
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        assert_eq!(int_truediv(1, 3).unwrap(), 1.0 / 3.0);
        assert_eq!(int_truediv(-7, 2).unwrap(), -3.5);
        // a is not a double: CPython divides exactly, not float(a) / b.
        assert_eq!(int_truediv(5258986265376043509, 888599).unwrap(), 5918289650760.403);
        assert_eq!(5258986265376043509i64 as f64 / 888599.0, 5918289650760.402);
        assert_eq!(int_truediv(i64::MAX, 1).unwrap(), 9223372036854775807.0);
        assert_eq!(int_truediv(i64::MIN, -1).unwrap(), 9223372036854775808.0);
        assert_eq!(int_truediv(i64::MAX, i64::MIN).unwrap(), -1.0);
        assert_eq!(err(int_truediv(1, 0)), (Exc::ZeroDivisionError, DIV_ZERO.to_string()));
    }
}
