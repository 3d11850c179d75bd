//! The `math` module, with CPython 3.11's error rules.
//!
//! Most functions follow CPython's `math_1` rule: a NaN result from a non-NaN
//! argument is a domain error (ValueError "math domain error"); an infinite
//! result from a finite argument is a range error (OverflowError "math range
//! error") for functions that can overflow and a domain error (a pole) for
//! the others; underflow to zero is not an error. `pow`, `atan2`, `fmod`,
//! `hypot` and `log(x, base)` have their own rules, ported here as facts.
//!
//! `sqrt`, `fabs`, `floor`, `ceil`, `trunc` are exact everywhere. The
//! musl-derived libm that Rust links into wasm32 often differs from glibc
//! (which CPython uses on Linux) in the last bit, so exp, log, log2, exp2,
//! pow, sin, cos, tan, atan, atan2, asin and acos are computed correctly
//! rounded in `expo.rs`/`trig.rs` (glibc's are correctly rounded in nearly
//! all cases), and log10, sinh, cosh, tanh follow glibc's fdlibm formulas.
//! `expm1` and `log1p` come from the libm: both libms use fdlibm's code.
//! actors/rt/test/differential.test.ts compares all of them with CPython;
//! test/libm-differences.json lists the inputs where they still differ.

use crate::err::*;
use crate::{expo, trig};
use crate::float::{float_div, float_to_int, is_odd_integer};

pub const MATH_PI: f64 = std::f64::consts::PI;
pub const MATH_E: f64 = std::f64::consts::E;
pub const MATH_TAU: f64 = std::f64::consts::TAU;
pub const MATH_INF: f64 = f64::INFINITY;
pub const MATH_NAN: f64 = f64::NAN;

#[cold]
fn domain<T>() -> PyResult<T> {
    raise(Exc::ValueError, MATH_DOMAIN)
}

#[cold]
fn range<T>() -> PyResult<T> {
    raise(Exc::OverflowError, MATH_RANGE)
}

/// CPython's `math_1` check of `r = f(x)`.
#[inline]
fn check1(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return domain();
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow { range() } else { domain() };
    }
    Ok(r)
}

#[inline]
pub fn math_sqrt(x: f64) -> PyResult<f64> {
    check1(x, x.sqrt(), false)
}
#[inline]
pub fn math_fabs(x: f64) -> PyResult<f64> {
    Ok(x.abs())
}
#[inline]
pub fn math_exp(x: f64) -> PyResult<f64> {
    check1(x, expo::exp(x), true)
}
#[inline]
pub fn math_exp2(x: f64) -> PyResult<f64> {
    check1(x, expo::exp2(x), true)
}
#[inline]
pub fn math_expm1(x: f64) -> PyResult<f64> {
    check1(x, x.exp_m1(), true)
}
/// `math.log(x)`; `log(0)` and negative arguments are domain errors.
#[inline]
pub fn math_log(x: f64) -> PyResult<f64> {
    check1(x, expo::log(x), false)
}
#[inline]
pub fn math_log2(x: f64) -> PyResult<f64> {
    check1(x, expo::log2(x), false)
}
#[inline]
pub fn math_log10(x: f64) -> PyResult<f64> {
    check1(x, expo::log10(x), false)
}
#[inline]
pub fn math_log1p(x: f64) -> PyResult<f64> {
    if x == 0.0 {
        return Ok(x); // keeps the sign of zero
    }
    check1(x, x.ln_1p(), false)
}
/// `math.log(x, base)`: `log(x) / log(base)`; base 1 divides by zero.
pub fn math_log_base(x: f64, base: f64) -> PyResult<f64> {
    let num = math_log(x)?;
    let den = math_log(base)?;
    float_div(num, den)
}
#[inline]
pub fn math_sin(x: f64) -> PyResult<f64> {
    check1(x, trig::sin(x), false)
}
#[inline]
pub fn math_cos(x: f64) -> PyResult<f64> {
    check1(x, trig::cos(x), false)
}
#[inline]
pub fn math_tan(x: f64) -> PyResult<f64> {
    check1(x, trig::tan(x), false)
}
#[inline]
pub fn math_asin(x: f64) -> PyResult<f64> {
    check1(x, trig::asin(x), false)
}
#[inline]
pub fn math_acos(x: f64) -> PyResult<f64> {
    check1(x, trig::acos(x), false)
}
#[inline]
pub fn math_atan(x: f64) -> PyResult<f64> {
    check1(x, trig::atan(x), false)
}
#[inline]
pub fn math_sinh(x: f64) -> PyResult<f64> {
    check1(x, expo::sinh(x), true)
}
#[inline]
pub fn math_cosh(x: f64) -> PyResult<f64> {
    check1(x, expo::cosh(x), true)
}
#[inline]
pub fn math_tanh(x: f64) -> PyResult<f64> {
    check1(x, expo::tanh(x), false)
}

/// `math.atan2(y, x)` with C99 Annex F special values, as CPython's m_atan2.
pub fn math_atan2(y: f64, x: f64) -> PyResult<f64> {
    if x.is_nan() || y.is_nan() {
        return Ok(f64::NAN);
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let q = if x.is_sign_positive() { 0.25 } else { 0.75 };
            return Ok((q * MATH_PI).copysign(y));
        }
        return Ok((0.5 * MATH_PI).copysign(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Ok(if x.is_sign_positive() { 0.0f64.copysign(y) } else { MATH_PI.copysign(y) });
    }
    Ok(trig::atan2_finite(y, x))
}

/// `math.pow(x, y)`: like `**` for floats but a ValueError (not
/// ZeroDivisionError) for `0.0 ** negative` and "math range error" on overflow.
pub fn math_pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd = y.is_finite() && is_odd_integer(y);
            if y > 0.0 {
                if odd {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0 // y is infinite here
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        });
    }
    // finite ** finite, as C's pow
    if x == 0.0 {
        if y < 0.0 {
            return domain(); // a pole: C gives inf with a divide-by-zero
        }
        return Ok(if y == 0.0 {
            1.0
        } else if is_odd_integer(y) {
            x
        } else {
            0.0
        });
    }
    let r = if x < 0.0 {
        if y != y.floor() {
            return domain(); // C gives NaN
        }
        let m = expo::pow_positive(-x, y);
        if is_odd_integer(y) {
            -m
        } else {
            m
        }
    } else {
        expo::pow_positive(x, y)
    };
    if r.is_infinite() {
        return range();
    }
    Ok(r)
}

/// `math.fmod(x, y)`: C fmod (sign of x), ValueError for y == 0 or infinite x.
pub fn math_fmod(x: f64, y: f64) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain();
    }
    Ok(r)
}

#[inline]
pub fn math_copysign(x: f64, y: f64) -> PyResult<f64> {
    Ok(x.copysign(y))
}
#[inline]
pub fn math_degrees(x: f64) -> PyResult<f64> {
    Ok(x * (180.0 / MATH_PI))
}
#[inline]
pub fn math_radians(x: f64) -> PyResult<f64> {
    Ok(x * (MATH_PI / 180.0))
}
#[inline]
pub fn math_isnan(x: f64) -> bool {
    x.is_nan()
}
#[inline]
pub fn math_isinf(x: f64) -> bool {
    x.is_infinite()
}
#[inline]
pub fn math_isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.floor(x)` for a float (an int argument is its own floor).
#[inline]
pub fn math_floor(x: f64) -> PyResult<i64> {
    float_to_int(x.floor())
}
/// `math.ceil(x)` for a float.
#[inline]
pub fn math_ceil(x: f64) -> PyResult<i64> {
    float_to_int(x.ceil())
}
/// `math.trunc(x)` for a float.
#[inline]
pub fn math_trunc(x: f64) -> PyResult<i64> {
    float_to_int(x.trunc())
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)`.
pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return raise(Exc::ValueError, "tolerances must be non-negative");
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.gcd(a, b)`, always >= 0.
pub fn math_gcd(a: i64, b: i64) -> PyResult<i64> {
    let (mut x, mut y) = (a.unsigned_abs(), b.unsigned_abs());
    while y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    if x > i64::MAX as u64 {
        return overflow();
    }
    Ok(x as i64)
}

/// `math.factorial(n)`; 20! is the largest that fits in i64.
pub fn math_factorial(n: i64) -> PyResult<i64> {
    if n < 0 {
        return raise(Exc::ValueError, "factorial() not defined for negative values");
    }
    if n > 20 {
        return overflow();
    }
    Ok((1..=n).product())
}

// ── hypot ────────────────────────────────────────────────────────────────

/// Dekker/Veltkamp split of a double into two 26-bit halves.
#[inline]
fn split(x: f64) -> (f64, f64) {
    let t = x * 134217729.0; // 2^27 + 1
    let hi = t - (t - x);
    (hi, x - hi)
}

/// Dekker's exact product: `hi + lo == x * y` (no overflow assumed).
#[inline]
fn two_product(x: f64, y: f64) -> (f64, f64) {
    let (xh, xl) = split(x);
    let (yh, yl) = split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let z = p + q;
    (z, p - z + q + xl * yl)
}

/// Exact sum when |a| >= |b|.
#[inline]
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, (a - s) + b)
}

/// CPython 3.11's `vector_norm`: scale by a power of two, accumulate the
/// squares in extended precision, take the root and apply one Newton-style
/// correction. `v` holds absolute values, `max` the largest.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let max_e = frexp_exponent(max);
    if max_e < -1023 {
        // 2^-max_e would overflow: make subnormals normal first (exact).
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = crate::float::pow2(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in v.iter() {
        let x = x * scale;
        let (ph, pl) = two_product(x, x);
        let (sh, sl) = fast_two_sum(csum, ph);
        csum = sh;
        frac1 += pl;
        frac2 += sl;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (ph, pl) = two_product(-h, h);
    let (sh, sl) = fast_two_sum(csum, ph);
    csum = sh;
    frac1 += pl;
    frac2 += sl;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The exponent `e` of C's frexp (`x = m * 2^e`, 0.5 <= m < 1), x > 0 finite.
fn frexp_exponent(x: f64) -> i32 {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: normalise by the position of the top bit
        let frac = bits & ((1u64 << 52) - 1);
        -1022 - (frac.leading_zeros() as i32 - 12)
    } else {
        exp - 1022
    }
}

/// `math.hypot(x, y)` (CPython 3.11 computes it with `vector_norm`, not libm).
pub fn math_hypot(x: f64, y: f64) -> PyResult<f64> {
    let mut v = [x.abs(), y.abs()];
    let found_nan = v[0].is_nan() || v[1].is_nan();
    let mut max = 0.0f64;
    for &c in v.iter() {
        if c > max {
            max = c;
        }
    }
    Ok(vector_norm(&mut v, max, found_nan))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: std::fmt::Debug>(r: PyResult<T>) -> (Exc, String) {
        let e = r.unwrap_err();
        (e.kind(), e.message().to_string())
    }

    #[test]
    fn domain_and_range_errors() {
        let dom = (Exc::ValueError, MATH_DOMAIN.to_string());
        let rng = (Exc::OverflowError, MATH_RANGE.to_string());
        assert_eq!(err(math_log(0.0)), dom);
        assert_eq!(err(math_log(-1.0)), dom);
        assert_eq!(err(math_sqrt(-1.0)), dom);
        assert_eq!(math_sqrt(-0.0).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(err(math_exp(1000.0)), rng);
        assert_eq!(math_exp(-1000.0).unwrap(), 0.0);
        assert_eq!(err(math_pow(0.0, -1.0)), dom);
        assert_eq!(err(math_pow(10.0, 400.0)), rng);
        assert_eq!(err(math_pow(-8.0, 1.0 / 3.0)), dom);
        assert_eq!(math_pow(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(err(math_sin(f64::INFINITY)), dom);
        assert!(math_sin(f64::NAN).unwrap().is_nan());
        assert_eq!(err(math_fmod(1.0, 0.0)), dom);
        assert_eq!(math_fmod(-1.0, f64::INFINITY).unwrap(), -1.0);
        assert_eq!(err(math_log_base(10.0, 1.0)), (Exc::ZeroDivisionError, FLOAT_DIV_ZERO.to_string()));
        assert_eq!(err(math_log_base(0.0, 1.0)), dom);
        assert_eq!(math_log(f64::INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(err(math_cosh(1000.0)), rng);
        assert_eq!(err(math_log1p(-1.0)), dom);
    }

    #[test]
    fn to_int() {
        assert_eq!(math_floor(-1.5).unwrap(), -2);
        assert_eq!(math_ceil(-1.5).unwrap(), -1);
        assert_eq!(math_trunc(-1.5).unwrap(), -1);
        assert_eq!(err(math_floor(f64::INFINITY)), (Exc::OverflowError, FLOAT_INF_TO_INT.to_string()));
        assert_eq!(err(math_ceil(f64::NAN)), (Exc::ValueError, FLOAT_NAN_TO_INT.to_string()));
    }

    #[test]
    fn isclose_and_ints() {
        assert!(math_isclose(1.0, 1.0 + 1e-10, 1e-9, 0.0).unwrap());
        assert!(!math_isclose(1.0, 1.1, 1e-9, 0.0).unwrap());
        assert!(math_isclose(f64::INFINITY, f64::INFINITY, 1e-9, 0.0).unwrap());
        assert!(!math_isclose(f64::NAN, f64::NAN, 1e-9, 0.0).unwrap());
        assert_eq!(err(math_isclose(1.0, 1.0, -1.0, 0.0)).1, "tolerances must be non-negative");
        assert_eq!(math_gcd(-12, 18).unwrap(), 6);
        assert_eq!(math_gcd(0, 0).unwrap(), 0);
        assert!(math_gcd(i64::MIN, 0).is_err());
        assert_eq!(math_factorial(20).unwrap(), 2432902008176640000);
        assert!(math_factorial(21).is_err());
        assert_eq!(err(math_factorial(-1)).0, Exc::ValueError);
    }

    #[test]
    fn hypot() {
        assert_eq!(math_hypot(3.0, 4.0).unwrap(), 5.0);
        assert_eq!(math_hypot(1e308, 1e308).unwrap(), 1.4142135623730951e308);
        assert_eq!(math_hypot(f64::NAN, f64::INFINITY).unwrap(), f64::INFINITY);
        assert!(math_hypot(f64::NAN, 1.0).unwrap().is_nan());
        assert_eq!(math_hypot(5e-324, 5e-324).unwrap(), 5e-324);
        assert_eq!(math_hypot(-0.0, 0.0).unwrap().to_bits(), 0);
    }

    #[test]
    fn atan2_specials() {
        assert_eq!(math_atan2(0.0, -0.0).unwrap(), MATH_PI);
        assert_eq!(math_atan2(-0.0, -1.0).unwrap(), -MATH_PI);
        assert_eq!(math_atan2(f64::INFINITY, f64::NEG_INFINITY).unwrap(), 0.75 * MATH_PI);
        assert_eq!(math_atan2(1.0, f64::INFINITY).unwrap(), 0.0);
    }
}
