//! sin, cos, tan, atan, atan2, asin, acos agreeing with CPython on glibc.
//!
//! glibc's trigonometric functions are correctly rounded in nearly all
//! cases; the musl-derived libm in Rust's wasm32 std is not (about 2-5% of
//! results differ in the last bit). They are evaluated here in double-double
//! (`dd.rs`) and rounded once:
//!
//! - argument reduction modulo pi/2 is exact (Payne–Hanek): x times the
//!   bits of 2/pi, with integer arithmetic, keeping ~190 fraction bits;
//! - sin and cos of the reduced argument (|r| <= pi/4) by Taylor series;
//! - atan, asin, acos by Newton steps on sin/cos from the libm estimate
//!   (atan of |t| > 1 via pi/2 - atan(1/t); asin/acos near ±1 via
//!   asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2)), which stays well conditioned).

use crate::dd::{two_sum, DD};
use crate::float::pow2;

const PI: DD = DD::new(3.141592653589793, 1.2246467991473532e-16);
const PI_2: DD = DD::new(1.5707963267948966, 6.123233995736766e-17);

/// 1/((2k)(2k+1)) and 1/((2k-1)(2k)) in double-double (index = k), the
/// ratios of consecutive Taylor terms of sin and cos (generated with mpmath).
const SIN_C: [DD; 15] = [
    DD::new(0.0, 0.0),
    DD::new(0.16666666666666666, 9.25185853854297e-18),
    DD::new(0.05, -2.7755575615628915e-18),
    DD::new(0.023809523809523808, 1.32169407693471e-18),
    DD::new(0.013888888888888888, 7.709882115452476e-19),
    DD::new(0.00909090909090909, 4.415659757031872e-19),
    DD::new(0.00641025641025641, 2.2240044563805217e-19),
    DD::new(0.004761904761904762, -4.295505750037808e-19),
    DD::new(0.003676470588235294, 5.102127870520021e-20),
    DD::new(0.0029239766081871343, 1.6231330769373633e-19),
    DD::new(0.002380952380952381, -2.147752875018904e-19),
    DD::new(0.001976284584980237, 1.3370398332627564e-19),
    DD::new(0.0016666666666666668, -1.0697461435190311e-19),
    DD::new(0.0014245014245014246, -7.104458680104445e-20),
    DD::new(0.0012315270935960591, -1.3886333243656708e-20),
];
const COS_C: [DD; 15] = [
    DD::new(0.0, 0.0),
    DD::new(0.5, 0.0),
    DD::new(0.08333333333333333, 4.625929269271485e-18),
    DD::new(0.03333333333333333, 4.625929269271486e-19),
    DD::new(0.017857142857142856, 9.912705577010326e-19),
    DD::new(0.011111111111111112, -4.2404351634988616e-19),
    DD::new(0.007575757575757576, -2.1026951223961299e-19),
    DD::new(0.005494505494505495, -4.2891514515910067e-19),
    DD::new(0.004166666666666667, 5.782411586589357e-20),
    DD::new(0.0032679738562091504, -9.920804192677818e-20),
    DD::new(0.002631578947368421, 5.934580312552235e-20),
    DD::new(0.0021645021645021645, 1.8774063592822588e-21),
    DD::new(0.0018115942028985507, -2.199830494898125e-20),
    DD::new(0.0015384615384615385, 1.3344026738283131e-21),
    DD::new(0.0013227513227513227, 7.3427448718595e-20),
];

/// The bits of 2/pi after the binary point, 64 per word (a mathematical constant).
const TWO_OVER_PI: [u64; 22] = [
    0xa2f9836e4e441529, 0xfc2757d1f534ddc0, 0xdb6295993c439041, 0xfe5163abdebbc561,
    0xb7246e3a424dd2e0, 0x06492eea09d1921c, 0xfe1deb1cb129a73e, 0xe88235f52ebb4484,
    0xe99c7026b45f7e41, 0x3991d639835339f4, 0x9c845f8bbdf9283b, 0x1ff897ffde05980f,
    0xef2f118b5a0a6d1f, 0x6d367ecf27cb09b7, 0x4f463f669e5fea2d, 0x7527bac7ebe5f17b,
    0x3d0739f78a5292ea, 0x6bfb5fb11f8d5d08, 0x56033046fc7b6bab, 0xf0cfbc209af4361d,
    0xa9e391615ee61b08, 0x6599855f14a06840,
];

/// 64 bits of 2/pi starting at bit `pos` (bit 1 is the first after the point).
fn two_over_pi_bits(pos: i32) -> u64 {
    if pos + 63 < 1 {
        return 0;
    }
    if pos < 1 {
        return TWO_OVER_PI[0] >> (1 - pos);
    }
    let idx = (pos - 1) as usize;
    let (w, sh) = (idx / 64, (idx % 64) as u32);
    let a = TWO_OVER_PI.get(w).copied().unwrap_or(0);
    if sh == 0 {
        return a;
    }
    let b = TWO_OVER_PI.get(w + 1).copied().unwrap_or(0);
    (a << sh) | (b >> (64 - sh))
}

/// x = (q + f) pi/2 with |f| <= 1/2: returns (q mod 4, f pi/2 in double-double).
pub(crate) fn reduce_pio2(x: f64) -> (u32, DD) {
    let ax = x.abs();
    if ax < 0.785 {
        return (0, DD::from(x));
    }
    let bits = ax.to_bits();
    let m = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let e = ((bits >> 52) & 0x7ff) as i32 - 1075; // ax = m 2^e, e >= -53
    // Bits of 2/pi below position e-1 contribute multiples of 4: skip them.
    // W = bits [e-1, e+254] as a 256-bit integer; ax 2/pi = m W 2^-254 (mod 4).
    let start = e - 1;
    let w = [
        two_over_pi_bits(start),
        two_over_pi_bits(start + 64),
        two_over_pi_bits(start + 128),
        two_over_pi_bits(start + 192),
    ];
    // P = m * W, 5 words, most significant first.
    let mut p = [0u64; 5];
    let mut carry: u128 = 0;
    for i in (0..4).rev() {
        let t = (m as u128) * (w[i] as u128) + carry;
        p[i + 1] = t as u64;
        carry = t >> 64;
    }
    p[0] = carry as u64;
    // Integer part: bits above 2^254, i.e. p[0] >> 62 ... the top of p[1]:
    // P / 2^254 = p[0] * 2^66 + p[1] * 2^2 + ..., so q = (p[1] >> 62) & 3.
    let mut q = ((p[1] >> 62) & 3) as u32;
    // Fraction: the low 254 bits, as a 4-word number with 2 leading zero bits.
    let mut f = [p[1] & ((1u64 << 62) - 1), p[2], p[3], p[4]];
    let mut negative = false;
    if f[0] >> 61 == 1 {
        // f >= 1/2: use f - 1 (two's complement over 254 bits)
        q = (q + 1) & 3;
        negative = true;
        let mut borrow = 1u64;
        for i in (0..4).rev() {
            let (v, o) = (!f[i]).overflowing_add(borrow);
            f[i] = v;
            borrow = o as u64;
        }
        f[0] &= (1u64 << 62) - 1;
    }
    // |f| as a normalised 128-bit top part.
    let mut lz = 0u32;
    for &word in f.iter() {
        if word == 0 {
            lz += 64;
        } else {
            lz += word.leading_zeros();
            break;
        }
    }
    if lz >= 256 {
        return (q_for_sign(q, x), DD::from(0.0));
    }
    let get = |bit: u32| -> u64 {
        // 64 bits of f starting at bit `bit` from the top (0 = MSB of f[0])
        let (wi, sh) = ((bit / 64) as usize, bit % 64);
        let a = f.get(wi).copied().unwrap_or(0);
        if sh == 0 {
            a
        } else {
            (a << sh) | (f.get(wi + 1).copied().unwrap_or(0) >> (64 - sh))
        }
    };
    let top = ((get(lz) as u128) << 64) | get(lz + 64) as u128;
    // value = top * 2^(-128 - lz) * 2^(256 - 254) ... f counts units of 2^-254
    // with the top word starting at bit 255: f = top * 2^(256 - lz - 128 - 254).
    let scale = 256 - lz as i32 - 128 - 254;
    let hi = ((top >> 75) as u64) as f64 * pow2(75 + scale);
    let lo = (top & ((1u128 << 75) - 1)) as f64 * pow2(scale);
    let mut r = two_sum(hi, lo).mul(PI_2);
    if negative {
        r = r.neg();
    }
    if x < 0.0 {
        r = r.neg();
    }
    (q_for_sign(q, x), r)
}

fn q_for_sign(q: u32, x: f64) -> u32 {
    if x < 0.0 {
        (4 - q) & 3
    } else {
        q
    }
}

fn sin_kernel(r: DD) -> DD {
    let z = r.mul(r);
    let mut t = DD::ONE;
    for c in SIN_C[1..].iter().rev() {
        t = DD::ONE.sub(z.mul(t).mul(*c));
    }
    r.mul(t)
}

fn cos_kernel(r: DD) -> DD {
    let z = r.mul(r);
    let mut t = DD::ONE;
    for c in COS_C[1..].iter().rev() {
        t = DD::ONE.sub(z.mul(t).mul(*c));
    }
    t
}

/// (sin x, cos x) in double-double, for finite x.
pub(crate) fn sincos_dd(x: f64) -> (DD, DD) {
    let (q, r) = reduce_pio2(x);
    let (s, c) = (sin_kernel(r), cos_kernel(r));
    match q {
        0 => (s, c),
        1 => (c, s.neg()),
        2 => (s.neg(), c.neg()),
        _ => (c.neg(), s),
    }
}

/// sin x, correctly rounded (NaN for inf and NaN).
pub(crate) fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return x - x;
    }
    if x.abs() < 7.450580596923828e-9 {
        return x; // |x| < 2^-27: x - x^3/6 rounds to x
    }
    sincos_dd(x).0.hi
}

/// cos x, correctly rounded.
pub(crate) fn cos(x: f64) -> f64 {
    if !x.is_finite() {
        return x - x;
    }
    sincos_dd(x).1.hi
}

/// tan x, correctly rounded.
pub(crate) fn tan(x: f64) -> f64 {
    if !x.is_finite() {
        return x - x;
    }
    if x.abs() < 7.450580596923828e-9 {
        return x;
    }
    let (q, r) = reduce_pio2(x);
    let (s, c) = (sin_kernel(r), cos_kernel(r));
    if q & 1 == 0 {
        s.div(c).hi
    } else {
        c.div(s).neg().hi
    }
}

/// atan of a double-double with |t| <= 1: Newton on tan from the libm value.
fn atan_small(t: DD) -> DD {
    let y0 = t.hi.atan();
    let (s, c) = sincos_dd(y0);
    // y1 = y0 - (tan y0 - t) cos^2 y0 = y0 + (t cos y0 - sin y0) cos y0
    DD::from(y0).add(t.mul(c).sub(s).mul(c))
}

/// atan of a double-double whose magnitude is at most 2^60.
fn atan_dd(t: DD) -> DD {
    if t.hi.abs() <= 1.0 {
        return atan_small(t);
    }
    let inv = DD::ONE.div(t);
    let base = atan_small(inv);
    if t.hi > 0.0 {
        PI_2.sub(base)
    } else {
        PI_2.neg().sub(base)
    }
}

/// atan x, correctly rounded.
pub(crate) fn atan(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() > 1.152921504606847e18 {
        return PI_2.hi.copysign(x); // |x| > 2^60: pi/2 - 1/x rounds to fl(pi/2)
    }
    if x.abs() < 7.450580596923828e-9 {
        return x;
    }
    atan_dd(DD::from(x)).hi
}

/// atan2(y, x) for finite, non-zero x and y (the specials are in math.rs).
pub(crate) fn atan2_finite(y: f64, x: f64) -> f64 {
    if x == 0.0 {
        return PI_2.hi.copysign(y);
    }
    let (ey, ex) = (exp_of(y), exp_of(x));
    if ey - ex < -60 {
        // |y/x| < 2^-59: atan(y/x) rounds like y/x; pi - tiny rounds to fl(pi)
        return if x > 0.0 { y / x } else { PI.hi.copysign(y) };
    }
    if ey - ex > 60 {
        return PI_2.hi.copysign(y);
    }
    // Bring both near 1 (exact: the exponents differ by at most 60).
    let k = -((ey + ex) / 2); // |k| <= 1074: scale in two exact steps
    let (s1, s2) = (pow2(k / 2), pow2(k - k / 2));
    let (ys, xs) = (y * s1 * s2, x * s1 * s2);
    if ys.abs() <= xs.abs() {
        let base = atan_small(DD::from(ys).div(DD::from(xs)));
        if x > 0.0 {
            base.hi
        } else if y >= 0.0 {
            PI.add(base).hi
        } else {
            PI.neg().add(base).hi
        }
    } else {
        let base = atan_small(DD::from(xs).div(DD::from(ys)));
        if y > 0.0 {
            PI_2.sub(base).hi
        } else {
            PI_2.neg().sub(base).hi
        }
    }
}

fn exp_of(x: f64) -> i32 {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        (63 - (bits & ((1u64 << 52) - 1)).leading_zeros() as i32) - 1074
    } else {
        e - 1023
    }
}

/// asin of a double-double with |a| <= 0.71: Newton on sin, twice.
fn asin_small(a: DD) -> DD {
    let mut y = DD::from(a.hi.asin());
    for _ in 0..2 {
        let (s, c) = sincos_dd(y.hi);
        // sin and cos at y.hi + y.lo, to first order in y.lo (|y.lo| < 2^-52)
        let s2 = s.add(c.mul_f(y.lo));
        let c2 = c.sub(s.mul_f(y.lo));
        y = y.add(a.sub(s2).div(c2));
    }
    y
}

/// asin x, correctly rounded (NaN outside [-1, 1]).
pub(crate) fn asin(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 1.0 {
        return f64::NAN;
    }
    let ax = x.abs();
    if ax < 7.450580596923828e-9 {
        return x;
    }
    let r = if ax <= 0.5 {
        asin_small(DD::from(ax))
    } else {
        // asin(a) = pi/2 - 2 asin(sqrt((1 - a) / 2)); 1 - a is exact here
        let w = DD::from((1.0 - ax) * 0.5).sqrt();
        PI_2.sub(asin_small(w).scale(2.0))
    };
    r.hi.copysign(x)
}

/// acos x, correctly rounded (NaN outside [-1, 1]).
pub(crate) fn acos(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 1.0 {
        return f64::NAN;
    }
    if x > 0.5 {
        let w = DD::from((1.0 - x) * 0.5).sqrt();
        asin_small(w).scale(2.0).hi
    } else if x < -0.5 {
        let w = DD::from((1.0 + x) * 0.5).sqrt();
        PI.sub(asin_small(w).scale(2.0)).hi
    } else {
        PI_2.sub(asin_small(DD::from(x))).hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(sin(0.5), 0.479425538604203);
        assert_eq!(cos(0.5), 0.8775825618903728);
        assert_eq!(sin(std::f64::consts::PI), 1.2246467991473532e-16);
        assert_eq!(cos(std::f64::consts::FRAC_PI_2), 6.123233995736766e-17);
        assert_eq!(sin(1e22), -0.8522008497671888);
        assert_eq!(sin(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(tan(1e300), 1.4214488238747245);
        assert_eq!(atan(1.0), std::f64::consts::FRAC_PI_4);
        assert_eq!(atan2_finite(1.0, -1.0), 2.356194490192345);
        assert_eq!(atan2_finite(5e-324, -5e-324), 2.356194490192345);
        assert_eq!(atan2_finite(2.2250738585072014e-308, 5e-324), f64::from_bits(0x3ff921fb54442d17));
        assert_eq!(asin(1.0), std::f64::consts::FRAC_PI_2);
        assert_eq!(acos(-1.0), std::f64::consts::PI);
        assert_eq!(acos(1.0), 0.0);
        assert!(asin(1.5).is_nan());
    }
}
