//! `round()` with CPython's exact results.
//!
//! `round(x)` rounds half to even and returns an int. `round(x, n)` rounds
//! the *exact binary value* of `x` to `n` decimal places (half to even only
//! on exact ties, so `round(2.675, 2) == 2.67`) and converts the decimal
//! back with one correct rounding, as CPython does with its dtoa. We do the
//! same with exact big-integer arithmetic (`big.rs`) instead of relying on
//! Rust's float formatting. `round(i, n)` for ints rounds half to even at
//! the given power of ten.

use crate::big::Big;
use crate::err::*;
use crate::float::{float_to_int, ldexp_exact};

/// `round(x)`: nearest int, ties to even. ValueError for NaN,
/// OverflowError for infinities (and for results outside i64).
#[inline]
pub fn round_float(x: f64) -> PyResult<i64> {
    let mut r = x.round(); // ties away from zero
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_int(r)
}

/// Above this many digits every double rounds to itself (CPython's NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// Below this every double rounds to ±0.0 (CPython's NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

/// `round(x, n)` for a float: CPython's correctly rounded result.
/// OverflowError "rounded value too large to represent" when rounding up
/// leaves the double range (e.g. `round(1.7e308, -308)`).
pub fn round_float_nd(x: f64, n: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 || n > NDIGITS_MAX {
        return Ok(x);
    }
    if n < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x); // |x| = m * 2^e
    if n >= 0 && (e as i64) + n >= 0 {
        // x has at most -e binary (hence decimal) fraction digits: exact.
        return Ok(x);
    }
    // |x| * 10^n = num / den
    let (num, den) = if n >= 0 {
        let mut num = Big::from_u64(m);
        let mut k = n as u32;
        // m * 5^n, by steps that fit in u32
        while k >= 13 {
            num.mul_small(1_220_703_125); // 5^13
            k -= 13;
        }
        num.mul_small(5u32.pow(k));
        (num, None) // den = 2^-(e+n)
    } else {
        let num = Big::from_u64(m).shl(e.max(0) as u32);
        let den = Big::pow10((-n) as u32).shl((-e).max(0) as u32);
        (num, Some(den))
    };
    let r = match den {
        None => round_shift_half_even(&num, (-(e as i64 + n)) as u32),
        Some(ref d) => round_div_half_even(&num, d),
    };
    let negative = x < 0.0;
    if r.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let v = if n >= 0 {
        ratio_to_f64(&r, &Big::pow10(n as u32))
    } else {
        let mut big = r;
        big.mul_pow10((-n) as u32);
        ratio_to_f64(&big, &Big::from_u64(1))
    };
    if v.is_infinite() {
        return raise(Exc::OverflowError, ROUND_TOO_LARGE);
    }
    Ok(if negative { -v } else { v })
}

/// `|x| = m * 2^e` with `m < 2^53`; `x` finite and non-zero.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `num / 2^k` rounded half to even.
fn round_shift_half_even(num: &Big, k: u32) -> Big {
    let mut q = num.shr(k);
    let half = k > 0 && num.bit(k - 1);
    let sticky = k > 1 && num.low_bits_nonzero(k - 1);
    if half && (sticky || q.is_odd()) {
        q.add_small(1);
    }
    q
}

/// `num / den` rounded half to even.
fn round_div_half_even(num: &Big, den: &Big) -> Big {
    let (mut q, r) = num.divmod(den);
    match r.shl(1).cmp(den) {
        std::cmp::Ordering::Greater => q.add_small(1),
        std::cmp::Ordering::Equal if q.is_odd() => q.add_small(1),
        _ => {}
    }
    q
}

/// `num / den` (both > 0) as the nearest double, ties to even, with
/// subnormal results handled and infinity past the top of the range.
pub(crate) fn ratio_to_f64(num: &Big, den: &Big) -> f64 {
    let k = num.bit_len() as i32 - den.bit_len() as i32; // num/den in [2^(k-1), 2^(k+1))
    let s = 55 - k; // q = floor(num * 2^s / den) has 55 or 56 bits
    let (n2, d2) = if s >= 0 {
        (num.shl(s as u32), den.clone())
    } else {
        (num.clone(), den.shl((-s) as u32))
    };
    let (q, r) = n2.divmod(&d2);
    let sticky = !r.is_zero();
    let q = q.low_u64();
    let top = 63 - q.leading_zeros() as i32; // value in [2^(top-s), 2^(top-s+1))
    let exp = top - s;
    if exp > 1023 {
        return f64::INFINITY;
    }
    let ulp = (exp - 52).max(-1074);
    let drop = ulp + s; // low bits of q below the last kept bit
    if drop > 57 {
        return 0.0; // below half the smallest subnormal
    }
    let mut mant = if drop >= 64 { 0 } else { q >> drop };
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (sticky || mant & 1 == 1)) {
        mant += 1;
    }
    ldexp_exact(mant, ulp)
}

/// `round(i, n)` for an int: unchanged for `n >= 0`, otherwise rounded to a
/// multiple of 10^-n, ties to even.
pub fn round_int_nd(i: i64, n: i64) -> PyResult<i64> {
    if n >= 0 {
        return Ok(i);
    }
    if n <= -20 {
        return Ok(0); // |i| < 10^20 / 2
    }
    let b = 10i128.pow((-n) as u32);
    let a = i as i128;
    let q = a.div_euclid(b);
    let mut r = a.rem_euclid(b);
    if 2 * r > b || (2 * r == b && q & 1 == 1) {
        r -= b;
    }
    let v = a - r;
    if v > i64::MAX as i128 || v < i64::MIN as i128 {
        return overflow();
    }
    Ok(v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_half_even() {
        assert_eq!(round_float(0.5).unwrap(), 0);
        assert_eq!(round_float(1.5).unwrap(), 2);
        assert_eq!(round_float(2.5).unwrap(), 2);
        assert_eq!(round_float(-2.5).unwrap(), -2);
        assert_eq!(round_float(-2.6).unwrap(), -3);
        assert_eq!(round_float(0.49999999999999994).unwrap(), 0);
        assert_eq!(round_float(4503599627370497.0).unwrap(), 4503599627370497);
        assert_eq!(round_float(f64::NAN).unwrap_err().message(), FLOAT_NAN_TO_INT);
        assert_eq!(round_float(f64::INFINITY).unwrap_err().message(), FLOAT_INF_TO_INT);
    }

    #[test]
    fn round_to_digits() {
        assert_eq!(round_float_nd(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_float_nd(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_float_nd(0.375, 2).unwrap(), 0.38);
        assert_eq!(round_float_nd(1234.5678, -2).unwrap(), 1200.0);
        assert_eq!(round_float_nd(1250.0, -2).unwrap(), 1200.0);
        assert_eq!(round_float_nd(1350.0, -2).unwrap(), 1400.0);
        assert_eq!(round_float_nd(-0.4, 0).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_float_nd(0.1, 400).unwrap(), 0.1);
        assert_eq!(round_float_nd(-5.0, -400).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_float_nd(1e300, -299).unwrap(), 1e300);
        assert_eq!(round_float_nd(5e-324, 323).unwrap(), 0.0);
        assert_eq!(round_float_nd(2.5e-323, 323).unwrap(), 2e-323);
        assert_eq!(round_float_nd(1.7976931348623157e308, -308).unwrap_err().message(), ROUND_TOO_LARGE);
        assert!(round_float_nd(f64::NAN, 2).unwrap().is_nan());
    }

    #[test]
    fn round_ints() {
        assert_eq!(round_int_nd(1234, -2).unwrap(), 1200);
        assert_eq!(round_int_nd(1250, -2).unwrap(), 1200);
        assert_eq!(round_int_nd(1350, -2).unwrap(), 1400);
        assert_eq!(round_int_nd(-1250, -2).unwrap(), -1200);
        assert_eq!(round_int_nd(-1251, -2).unwrap(), -1300);
        assert_eq!(round_int_nd(15, 3).unwrap(), 15);
        assert_eq!(round_int_nd(6_000_000_000_000_000_000, -19).unwrap_err().message(), INT_OVERFLOW);
        assert_eq!(round_int_nd(4_000_000_000_000_000_000, -19).unwrap(), 0);
        assert_eq!(round_int_nd(i64::MAX, i64::MIN).unwrap(), 0);
    }
}
