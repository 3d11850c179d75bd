//! `PyInt`: Python's arbitrary-precision `int`, with CPython 3.11's results
//! and exception messages.
//!
//! A value is an inline `i64` whenever it fits and a heap magnitude
//! (little-endian `u32` limbs, no leading zero limb) plus a sign otherwise;
//! every operation returns the canonical form, so equal values have equal
//! representations. The `i64` fast path of `add`/`sub`/`mul` is one checked
//! machine operation; the big path is schoolbook (Karatsuba above a cutoff)
//! multiplication and Knuth's algorithm D for division.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use crate::err::{raise, Exc, PyResult, DIV_ZERO, FLOAT_INF_TO_INT, FLOAT_NAN_TO_INT, INT_DIV_ZERO, INT_MOD_ZERO, NEGATIVE_SHIFT};
use crate::float::float_pow;

#[path = "pyint_printable.rs"]
mod printable;

pub const INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";
pub const INT_TRUEDIV_TOO_LARGE: &str = "integer division result too large for a float";
pub const POW_MOD_ZERO: &str = "pow() 3rd argument cannot be 0";
pub const POW_NOT_INVERTIBLE: &str = "base is not invertible for the given modulus";
pub const INT_BASE_RANGE: &str = "int() base must be >= 2 and <= 36, or 0";
pub const TOO_MANY_DIGITS: &str = "too many digits in integer";
/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

type Mag = Vec<u32>;

/// A Python `int`, one machine word: bit 0 clear holds an inline value
/// (`word as i64 >> 1`, 63-bit two's complement), bit 0 set a pointer to a
/// heap `Big` plus one. Copies are deep (`Clone`); `Drop` frees the box.
pub struct PyInt(u64);

/// Only for values outside the inline range; `mag` has no high zero limb.
struct Big {
    neg: bool,
    mag: Mag,
}

/// A borrowed view of a `PyInt`, what the operations match on.
enum Repr<'a> {
    Small(i64),
    Big { neg: bool, mag: &'a Mag },
}

const SMALL_MIN: i64 = -(1 << 62);
const SMALL_MAX: i64 = (1 << 62) - 1;

impl Drop for PyInt {
    #[inline]
    fn drop(&mut self) {
        if self.0 & 1 == 1 {
            // SAFETY: a set bit 0 marks a pointer made by `PyInt::boxed`, owned by this value.
            unsafe { drop(Box::from_raw((self.0 - 1) as usize as *mut Big)) }
        }
    }
}

impl Clone for PyInt {
    #[inline]
    fn clone(&self) -> PyInt {
        match self.r() {
            Repr::Small(_) => PyInt(self.0),
            Repr::Big { neg, mag } => PyInt::boxed(neg, mag.clone()),
        }
    }
}

impl std::fmt::Debug for PyInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyInt({})", self)
    }
}

/// `int ** negative int` is a float in Python: the caller decides what to do
/// (e.g. call `PyInt::pow_float`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowError {
    NegativeExponent,
}

// ── magnitudes ───────────────────────────────────────────────────────────

fn trim(v: &mut Mag) {
    while let Some(&0) = v.last() {
        v.pop();
    }
}

fn mag_u64(x: u64) -> Mag {
    let mut v = vec![x as u32, (x >> 32) as u32];
    trim(&mut v);
    v
}

fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn mag_add(a: &[u32], b: &[u32]) -> Mag {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for i in 0..a.len() {
        let s = a[i] as u64 + if i < b.len() { b[i] as u64 } else { 0 } + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// `a - b` for `a >= b`.
fn mag_sub(a: &[u32], b: &[u32]) -> Mag {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - borrow - if i < b.len() { b[i] as i64 } else { 0 };
        borrow = 0;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mag_mul_school(a: &[u32], b: &[u32]) -> Mag {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        out[i + b.len()] = carry as u32;
    }
    trim(&mut out);
    out
}

const KARATSUBA_CUTOFF: usize = 48;

fn mag_mul(a: &[u32], b: &[u32]) -> Mag {
    let n = a.len().min(b.len());
    if n < KARATSUBA_CUTOFF {
        return mag_mul_school(a, b);
    }
    // a = a1·B^h + a0, b = b1·B^h + b0
    let h = a.len().max(b.len()) / 2;
    let split = |x: &[u32]| -> (Mag, Mag) {
        if x.len() <= h {
            let mut lo = x.to_vec();
            trim(&mut lo);
            (lo, Vec::new())
        } else {
            let mut lo = x[..h].to_vec();
            trim(&mut lo);
            (lo, x[h..].to_vec())
        }
    };
    let (a0, a1) = split(a);
    let (b0, b1) = split(b);
    let z0 = mag_mul(&a0, &b0);
    let z2 = mag_mul(&a1, &b1);
    let z1 = mag_sub(&mag_sub(&mag_mul(&mag_add(&a0, &a1), &mag_add(&b0, &b1)), &z0), &z2);
    let mut out = z0;
    add_shifted(&mut out, &z1, h);
    add_shifted(&mut out, &z2, 2 * h);
    trim(&mut out);
    out
}

fn add_shifted(acc: &mut Mag, x: &[u32], limbs: usize) {
    if x.is_empty() {
        return;
    }
    if acc.len() < limbs + x.len() + 1 {
        acc.resize(limbs + x.len() + 1, 0);
    }
    let mut carry = 0u64;
    let mut i = 0;
    while i < x.len() || carry != 0 {
        let s = acc[limbs + i] as u64 + if i < x.len() { x[i] as u64 } else { 0 } + carry;
        acc[limbs + i] = s as u32;
        carry = s >> 32;
        i += 1;
        if limbs + i == acc.len() && carry != 0 {
            acc.push(0);
        }
    }
}

fn mag_divmod_small(a: &[u32], d: u32) -> (Mag, u32) {
    let mut q = vec![0u32; a.len()];
    let mut r = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (r << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        r = cur % d as u64;
    }
    trim(&mut q);
    (q, r as u32)
}

fn mag_shl(a: &[u32], n: usize) -> Mag {
    if a.is_empty() {
        return Vec::new();
    }
    let (limbs, bits) = (n / 32, (n % 32) as u32);
    let mut out = vec![0u32; limbs];
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        out.push(carry);
    }
    trim(&mut out);
    out
}

/// `(a >> n, whether any 1 bit was shifted out)`.
fn mag_shr(a: &[u32], n: usize) -> (Mag, bool) {
    let (limbs, bits) = (n / 32, (n % 32) as u32);
    if limbs >= a.len() {
        return (Vec::new(), !a.is_empty());
    }
    let mut lost = a[..limbs].iter().any(|&x| x != 0);
    let mut out = Vec::with_capacity(a.len() - limbs);
    if bits == 0 {
        out.extend_from_slice(&a[limbs..]);
    } else {
        lost |= a[limbs] & ((1u32 << bits) - 1) != 0;
        for i in limbs..a.len() {
            let hi = if i + 1 < a.len() { a[i + 1] << (32 - bits) } else { 0 };
            out.push((a[i] >> bits) | hi);
        }
    }
    trim(&mut out);
    (out, lost)
}

fn mag_bits(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
    }
}

/// Truncating division of magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D). `b` is non-zero.
fn mag_divmod(a: &[u32], b: &[u32]) -> (Mag, Mag) {
    if mag_cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = mag_divmod_small(a, b[0]);
        return (q, mag_u64(r as u64));
    }
    let s = b[b.len() - 1].leading_zeros() as usize;
    let vn = mag_shl(b, s);
    let mut un = mag_shl(a, s);
    un.resize(a.len() + 1, 0);
    let n = vn.len();
    let m = a.len() - n;
    let mut q = vec![0u32; m + 1];
    let base = 1u64 << 32;
    for j in (0..=m).rev() {
        let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
        let mut qhat = num / vn[n - 1] as u64;
        let mut rhat = num % vn[n - 1] as u64;
        while qhat >= base || qhat * vn[n - 2] as u64 > ((rhat << 32) | un[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vn[n - 1] as u64;
            if rhat >= base {
                break;
            }
        }
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * vn[i] as u64 + carry;
            carry = p >> 32;
            let t = un[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            un[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = un[j + n] as i64 - borrow - carry as i64;
        un[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = un[i + j] as u64 + vn[i] as u64 + c;
                un[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    un.truncate(n);
    trim(&mut un);
    let (r, _) = mag_shr(&un, s);
    (q, r)
}

/// `x / 2^k` for `k >= -1074` as an f64 (exact when representable).
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// `a / b` correctly rounded (half to even); None when it overflows. `b` non-zero.
fn ratio_to_f64(a: &[u32], b: &[u32]) -> Option<f64> {
    if a.is_empty() {
        return Some(0.0);
    }
    let diff = mag_bits(a) as i64 - mag_bits(b) as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(0.0);
    }
    // Quotient scaled by 2^-shift keeps at least two bits below the final ulp.
    let shift = (diff - 55).max(-1076);
    let (q, r) = if shift <= 0 {
        mag_divmod(&mag_shl(a, (-shift) as usize), b)
    } else {
        mag_divmod(a, &mag_shl(b, shift as usize))
    };
    let mut qv = 0u64;
    for (i, &l) in q.iter().enumerate() {
        qv |= (l as u64) << (32 * i);
    }
    let sticky = !r.is_empty();
    let top = 64 - qv.leading_zeros() as i64 - 1 + shift; // exponent of the leading bit
    let ulp = (top - 52).max(-1074);
    let k = (ulp - shift) as u32; // >= 2
    let mut m = qv >> k;
    let rem = qv & ((1u64 << k) - 1);
    let half = 1u64 << (k - 1);
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let x = m as f64 * pow2(ulp.min(971));
    let x = if ulp > 971 { x * pow2(ulp - 971) } else { x };
    if x.is_infinite() {
        None
    } else {
        Some(x)
    }
}

// ── construction and parts ───────────────────────────────────────────────

impl PyInt {
    #[inline]
    pub fn from_i64(v: i64) -> PyInt {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            PyInt((v << 1) as u64)
        } else {
            PyInt::boxed(v < 0, mag_u64(v.unsigned_abs()))
        }
    }

    fn boxed(neg: bool, mag: Mag) -> PyInt {
        PyInt(Box::into_raw(Box::new(Big { neg, mag })) as usize as u64 | 1)
    }

    #[inline]
    fn r(&self) -> Repr<'_> {
        if self.0 & 1 == 0 {
            Repr::Small(self.0 as i64 >> 1)
        } else {
            // SAFETY: a set bit 0 marks a pointer made by `PyInt::boxed`, alive as long as `self`.
            let big = unsafe { &*((self.0 - 1) as usize as *const Big) };
            Repr::Big { neg: big.neg, mag: &big.mag }
        }
    }

    /// Borrows a word owned elsewhere as a `PyInt` that is never dropped.
    #[inline]
    fn view(word: u64) -> std::mem::ManuallyDrop<PyInt> {
        std::mem::ManuallyDrop::new(PyInt(word))
    }

    fn from_parts(neg: bool, mag: Mag) -> PyInt {
        if mag.len() <= 2 {
            let m = mag.iter().enumerate().fold(0u64, |acc, (i, &l)| acc | (l as u64) << (32 * i));
            if m <= SMALL_MAX as u64 {
                return PyInt::from_i64(if neg { -(m as i64) } else { m as i64 });
            }
            if neg && m == 1 << 62 {
                return PyInt::from_i64(SMALL_MIN);
            }
        }
        PyInt::boxed(neg, mag)
    }

    /// (is negative, magnitude) of any value.
    fn parts(&self) -> (bool, std::borrow::Cow<'_, [u32]>) {
        match self.r() {
            Repr::Small(v) => (v < 0, std::borrow::Cow::Owned(mag_u64(v.unsigned_abs()))),
            Repr::Big { neg, mag } => (neg, std::borrow::Cow::Borrowed(&mag[..])),
        }
    }

    /// The value as an i64 when it fits.
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        match self.r() {
            Repr::Small(v) => Some(v),
            Repr::Big { neg, mag } => {
                if mag.len() > 2 {
                    return None;
                }
                let m = mag.iter().enumerate().fold(0u64, |acc, (i, &l)| acc | (l as u64) << (32 * i));
                if !neg && m <= i64::MAX as u64 {
                    Some(m as i64)
                } else if neg && m <= 1 << 63 {
                    Some((m as i64).wrapping_neg())
                } else {
                    None
                }
            }
        }
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }

    #[inline]
    pub fn is_negative(&self) -> bool {
        match self.r() {
            Repr::Small(v) => v < 0,
            Repr::Big { neg, .. } => neg,
        }
    }

    /// `int.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        match self.r() {
            Repr::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Repr::Big { mag, .. } => mag_bits(mag),
        }
    }

    /// Little-endian u32 limbs of `abs(self)` and the sign (for the JS boundary).
    pub fn to_limbs(&self) -> (bool, Vec<u32>) {
        let (neg, mag) = self.parts();
        (neg, mag.into_owned())
    }

    pub fn from_limbs(neg: bool, limbs: &[u32]) -> PyInt {
        let mut mag = limbs.to_vec();
        trim(&mut mag);
        PyInt::from_parts(neg && !mag.is_empty(), mag)
    }
}

impl From<i64> for PyInt {
    #[inline]
    fn from(v: i64) -> PyInt {
        PyInt::from_i64(v)
    }
}

// ── arithmetic ───────────────────────────────────────────────────────────

fn signed_add(an: bool, a: &[u32], bn: bool, b: &[u32]) -> PyInt {
    if an == bn {
        return PyInt::from_parts(an, mag_add(a, b));
    }
    match mag_cmp(a, b) {
        Ordering::Equal => PyInt::from_i64(0),
        Ordering::Greater => PyInt::from_parts(an, mag_sub(a, b)),
        Ordering::Less => PyInt::from_parts(bn, mag_sub(b, a)),
    }
}

impl PyInt {
    #[inline]
    pub fn add(&self, o: &PyInt) -> PyInt {
        // both inline: the tagged words are 2a and 2b
        if (self.0 | o.0) & 1 == 0 {
            if let Some(s) = (self.0 as i64).checked_add(o.0 as i64) {
                return PyInt(s as u64);
            }
        }
        PyInt::add_big(self.0, o.0)
    }

    #[inline(never)]
    fn add_big(x: u64, y: u64) -> PyInt {
        let (x, y) = (PyInt::view(x), PyInt::view(y));
        let (self_, o) = (&*x, &*y);
        let ((an, a), (bn, b)) = (self_.parts(), o.parts());
        signed_add(an, &a, bn, &b)
    }

    #[inline]
    pub fn sub(&self, o: &PyInt) -> PyInt {
        // both inline: the tagged words are 2a and 2b
        if (self.0 | o.0) & 1 == 0 {
            if let Some(s) = (self.0 as i64).checked_sub(o.0 as i64) {
                return PyInt(s as u64);
            }
        }
        PyInt::sub_big(self.0, o.0)
    }

    #[inline(never)]
    fn sub_big(x: u64, y: u64) -> PyInt {
        let (x, y) = (PyInt::view(x), PyInt::view(y));
        let (self_, o) = (&*x, &*y);
        let ((an, a), (bn, b)) = (self_.parts(), o.parts());
        signed_add(an, &a, !bn && !b.is_empty(), &b)
    }

    #[inline]
    pub fn mul(&self, o: &PyInt) -> PyInt {
        // both inline: the tagged words are 2a and 2b
        if (self.0 | o.0) & 1 == 0 {
            if let Some(s) = (self.0 as i64 >> 1).checked_mul(o.0 as i64) {
                return PyInt(s as u64);
            }
        }
        PyInt::mul_big(self.0, o.0)
    }

    #[inline(never)]
    fn mul_big(x: u64, y: u64) -> PyInt {
        let (x, y) = (PyInt::view(x), PyInt::view(y));
        let (self_, o) = (&*x, &*y);
        let ((an, a), (bn, b)) = (self_.parts(), o.parts());
        let m = mag_mul(&a, &b);
        PyInt::from_parts(an != bn && !m.is_empty(), m)
    }

    pub fn neg(&self) -> PyInt {
        match self.r() {
            Repr::Small(v) => PyInt::from_i64(-v),
            _ => {
                let (n, m) = self.parts();
                PyInt::from_parts(!n, m.into_owned())
            }
        }
    }

    pub fn abs(&self) -> PyInt {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// Floored `divmod` without the zero check.
    fn divmod_floor(&self, o: &PyInt) -> (PyInt, PyInt) {
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            // inline values are 63-bit, so i64::MIN / -1 cannot occur
            let (mut q, mut r) = (a / b, a % b);
            if r != 0 && ((r < 0) != (b < 0)) {
                q -= 1;
                r += b;
            }
            return (PyInt::from_i64(q), PyInt::from_i64(r));
        }
        let ((an, a), (bn, b)) = (self.parts(), o.parts());
        let (q, r) = mag_divmod(&a, &b);
        let qneg = an != bn;
        if qneg && !r.is_empty() {
            // floor: q = -(q + 1), r = |b| - r with the divisor's sign
            let q = PyInt::from_parts(true, mag_add(&q, &[1]));
            let r = PyInt::from_parts(bn, mag_sub(&b, &r));
            (q, r)
        } else {
            (PyInt::from_parts(qneg && !q.is_empty(), q), PyInt::from_parts(bn && !r.is_empty(), r))
        }
    }

    /// `a // b`; ZeroDivisionError "integer division or modulo by zero".
    pub fn floordiv(&self, o: &PyInt) -> PyResult<PyInt> {
        if o.is_zero() {
            return raise(Exc::ZeroDivisionError, INT_DIV_ZERO);
        }
        Ok(self.divmod_floor(o).0)
    }

    /// `a % b` (the divisor's sign); ZeroDivisionError "integer modulo by zero".
    pub fn mod_(&self, o: &PyInt) -> PyResult<PyInt> {
        if o.is_zero() {
            return raise(Exc::ZeroDivisionError, INT_MOD_ZERO);
        }
        Ok(self.divmod_floor(o).1)
    }

    /// `divmod(a, b)`.
    pub fn divmod(&self, o: &PyInt) -> PyResult<(PyInt, PyInt)> {
        if o.is_zero() {
            return raise(Exc::ZeroDivisionError, INT_DIV_ZERO);
        }
        Ok(self.divmod_floor(o))
    }

    /// `a ** b` for `b >= 0` (`0 ** 0 == 1`). OverflowError when the result
    /// would need more than 2^32 bits (CPython would run out of memory).
    pub fn pow(&self, e: &PyInt) -> PyResult<Result<PyInt, PowError>> {
        if e.is_negative() {
            return Ok(Err(PowError::NegativeExponent));
        }
        if let Repr::Small(b) = self.r() {
            if b == 0 || b == 1 {
                return Ok(Ok(if e.is_zero() { PyInt::from_i64(1) } else { self.clone() }));
            }
            if b == -1 {
                return Ok(Ok(PyInt::from_i64(if e.is_odd() { -1 } else { 1 })));
            }
        }
        let n = match e.to_i64() {
            Some(n) if (self.bit_length() - 1).saturating_mul(n as u64) < 1u64 << 32 => n as u64,
            _ => return raise(Exc::OverflowError, TOO_MANY_DIGITS),
        };
        let mut result = PyInt::from_i64(1);
        let mut base = self.clone();
        let mut n = n;
        while n > 0 {
            if n & 1 == 1 {
                result = result.mul(&base);
            }
            n >>= 1;
            if n > 0 {
                base = base.mul(&base);
            }
        }
        Ok(Ok(result))
    }

    /// `a ** b` when Python's result is a float (`b < 0`): `float(a) ** float(b)`.
    pub fn pow_float(&self, e: &PyInt) -> PyResult<f64> {
        float_pow(self.to_f64()?, e.to_f64()?)
    }

    fn is_odd(&self) -> bool {
        match self.r() {
            Repr::Small(v) => v & 1 == 1,
            Repr::Big { mag, .. } => mag[0] & 1 == 1,
        }
    }

    /// `pow(a, b, m)`, negative `b` through the modular inverse (Python 3.8+).
    pub fn pow_mod(&self, e: &PyInt, m: &PyInt) -> PyResult<PyInt> {
        if m.is_zero() {
            return raise(Exc::ValueError, POW_MOD_ZERO);
        }
        let negative_out = m.is_negative();
        let m = m.abs();
        if m == PyInt::from_i64(1) {
            return Ok(PyInt::from_i64(0));
        }
        let mut base = self.mod_(&m)?;
        let mut e = e.clone();
        if e.is_negative() {
            base = base.invmod(&m)?;
            e = e.neg();
        }
        let mut result = PyInt::from_i64(1);
        let bits = e.bit_length();
        let (_, emag) = e.parts();
        for i in (0..bits).rev() {
            result = result.mul(&result).mod_(&m)?;
            if emag[(i / 32) as usize] >> (i % 32) & 1 == 1 {
                result = result.mul(&base).mod_(&m)?;
            }
        }
        if negative_out && !result.is_zero() {
            result = result.sub(&m);
        }
        Ok(result)
    }

    /// Inverse of `self` (in `[0, m)`) modulo `m > 1`.
    fn invmod(&self, m: &PyInt) -> PyResult<PyInt> {
        let (mut r0, mut r1) = (m.clone(), self.clone());
        let (mut t0, mut t1) = (PyInt::from_i64(0), PyInt::from_i64(1));
        while !r1.is_zero() {
            let (q, r) = r0.divmod_floor(&r1);
            r0 = std::mem::replace(&mut r1, r);
            let t = t0.sub(&q.mul(&t1));
            t0 = std::mem::replace(&mut t1, t);
        }
        if r0 != PyInt::from_i64(1) {
            return raise(Exc::ValueError, POW_NOT_INVERTIBLE);
        }
        t0.mod_(m)
    }

    /// `a << n`; ValueError "negative shift count".
    pub fn lshift(&self, n: &PyInt) -> PyResult<PyInt> {
        if n.is_negative() {
            return raise(Exc::ValueError, NEGATIVE_SHIFT);
        }
        if self.is_zero() {
            return Ok(PyInt::from_i64(0));
        }
        let k = match n.to_i64() {
            // results past 2^32 bits: CPython would exhaust memory, a wasm allocation would trap
            Some(k) if self.bit_length() + (k as u64) < 1 << 32 => k as u64,
            _ => return raise(Exc::OverflowError, TOO_MANY_DIGITS),
        };
        if let Repr::Small(v) = self.r() {
            if k < 63 && (v << k) >> k == v {
                return Ok(PyInt::from_i64(v << k));
            }
        }
        let (neg, mag) = self.parts();
        Ok(PyInt::from_parts(neg, mag_shl(&mag, k as usize)))
    }

    /// `a >> n` (floors); ValueError "negative shift count".
    pub fn rshift(&self, n: &PyInt) -> PyResult<PyInt> {
        if n.is_negative() {
            return raise(Exc::ValueError, NEGATIVE_SHIFT);
        }
        let k = match n.to_i64() {
            Some(k) => k as u64,
            None => u64::MAX,
        };
        if let Repr::Small(v) = self.r() {
            return Ok(PyInt::from_i64(v >> k.min(63)));
        }
        let (neg, mag) = self.parts();
        let k = k.min(mag.len() as u64 * 32 + 1) as usize;
        if neg {
            // floor(-m / 2^k) = -(((m - 1) >> k) + 1)
            let (q, _) = mag_shr(&mag_sub(&mag, &[1]), k);
            Ok(PyInt::from_parts(true, mag_add(&q, &[1])))
        } else {
            Ok(PyInt::from_parts(false, mag_shr(&mag, k).0))
        }
    }

    fn twos(&self, len: usize) -> Vec<u32> {
        let (neg, mag) = self.parts();
        let mut v = mag.into_owned();
        v.resize(len, 0);
        if neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let s = (!*x) as u64 + carry;
                *x = s as u32;
                carry = s >> 32;
            }
        }
        v
    }

    fn from_twos(mut v: Vec<u32>) -> PyInt {
        let neg = v.last().map_or(false, |&t| t >> 31 == 1);
        if neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let s = (!*x) as u64 + carry;
                *x = s as u32;
                carry = s >> 32;
            }
        }
        trim(&mut v);
        PyInt::from_parts(neg, v)
    }

    fn bitwise(&self, o: &PyInt, f: fn(u32, u32) -> u32) -> PyInt {
        let len = self.bit_length().max(o.bit_length()) as usize / 32 + 1;
        let (a, b) = (self.twos(len), o.twos(len));
        PyInt::from_twos(a.iter().zip(b.iter()).map(|(&x, &y)| f(x, y)).collect())
    }

    pub fn bitand(&self, o: &PyInt) -> PyInt {
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            return PyInt::from_i64(a & b);
        }
        self.bitwise(o, |x, y| x & y)
    }

    pub fn bitor(&self, o: &PyInt) -> PyInt {
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            return PyInt::from_i64(a | b);
        }
        self.bitwise(o, |x, y| x | y)
    }

    pub fn bitxor(&self, o: &PyInt) -> PyInt {
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            return PyInt::from_i64(a ^ b);
        }
        self.bitwise(o, |x, y| x ^ y)
    }

    /// `~a == -(a + 1)`.
    pub fn invert(&self) -> PyInt {
        match self.r() {
            Repr::Small(v) => PyInt::from_i64(!v),
            _ => self.add(&PyInt::from_i64(1)).neg(),
        }
    }

    /// CPython's `hash(int)`: `|x| mod (2^61 - 1)` with the sign, and -1 becomes -2.
    pub fn py_hash(&self) -> i64 {
        const P: u128 = (1 << 61) - 1;
        let h = match self.r() {
            Repr::Small(v) => {
                let h = (v.unsigned_abs() as u128 % P) as i64;
                if v < 0 {
                    -h
                } else {
                    h
                }
            }
            Repr::Big { neg, mag } => {
                let mut h: u128 = 0;
                for &l in mag.iter().rev() {
                    h = ((h << 32) | l as u128) % P;
                }
                if neg {
                    -(h as i64)
                } else {
                    h as i64
                }
            }
        };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    // ── floats ───────────────────────────────────────────────────────────

    /// `float(a)`, correctly rounded; OverflowError "int too large to convert to float".
    pub fn to_f64(&self) -> PyResult<f64> {
        if let Repr::Small(v) = self.r() {
            return Ok(v as f64);
        }
        let (neg, mag) = self.parts();
        match ratio_to_f64(&mag, &[1]) {
            Some(x) => Ok(if neg { -x } else { x }),
            None => raise(Exc::OverflowError, INT_TOO_LARGE_FOR_FLOAT),
        }
    }

    /// `a / b`, correctly rounded like CPython's long_true_divide.
    pub fn truediv(&self, o: &PyInt) -> PyResult<f64> {
        if o.is_zero() {
            return raise(Exc::ZeroDivisionError, DIV_ZERO);
        }
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            const EXACT: u64 = 1 << 53;
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(a as f64 / b as f64);
            }
        }
        let ((an, a), (bn, b)) = (self.parts(), o.parts());
        match ratio_to_f64(&a, &b) {
            Some(x) => Ok(if an != bn { -x } else { x }),
            None => raise(Exc::OverflowError, INT_TRUEDIV_TOO_LARGE),
        }
    }

    /// `int(x)` for a float: truncates; ValueError for NaN, OverflowError for infinities.
    pub fn from_f64(x: f64) -> PyResult<PyInt> {
        if x.is_nan() {
            return raise(Exc::ValueError, FLOAT_NAN_TO_INT);
        }
        if x.is_infinite() {
            return raise(Exc::OverflowError, FLOAT_INF_TO_INT);
        }
        if x.abs() < 9.223372036854775808e18 {
            return Ok(PyInt::from_i64(x as i64));
        }
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as usize - 1075;
        let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
        Ok(PyInt::from_parts(x < 0.0, mag_shl(&mag_u64(mant), exp)))
    }
}

// ── comparison and hashing ───────────────────────────────────────────────

impl PartialEq for PyInt {
    fn eq(&self, o: &PyInt) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for PyInt {}

impl PartialOrd for PyInt {
    fn partial_cmp(&self, o: &PyInt) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for PyInt {
    fn cmp(&self, o: &PyInt) -> Ordering {
        if let (Repr::Small(a), Repr::Small(b)) = (self.r(), o.r()) {
            return a.cmp(&b);
        }
        let ((an, a), (bn, b)) = (self.parts(), o.parts());
        match (an, bn) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag_cmp(&a, &b),
            (true, true) => mag_cmp(&b, &a),
        }
    }
}

impl Hash for PyInt {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.py_hash());
    }
}

// ── text ─────────────────────────────────────────────────────────────────

fn digit_limit_error(digits: usize) -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
        INT_MAX_STR_DIGITS, digits
    )
}

/// Python's `repr(str)`: the quote it picks, backslash escapes for
/// `\\ \n \r \t` and the quote, `\xhh`/`\uhhhh`/`\Uhhhhhhhh` for the
/// characters `str.isprintable()` rejects.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if u < 0x20 || u == 0x7f || (u > 0x7f && printable::is_unprintable(c)) => {
                if u < 0x100 {
                    out.push_str(&format!("\\x{:02x}", u));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", u));
                } else {
                    out.push_str(&format!("\\U{:08x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn is_int_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// The zero of every run of Unicode decimal digits (category Nd) outside
/// ASCII, Unicode 14.0 (CPython 3.11); each run is ten digits 0..9.
const UNICODE_DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
    0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50,
    0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
];

/// What `int()` parses: like CPython, non-ASCII decimal digits become ASCII
/// digits and non-ASCII whitespace a space; anything else non-ASCII is invalid.
fn to_ascii_for_int(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            let u = c as u32;
            if let Some(&z) = UNICODE_DIGIT_ZEROS.iter().find(|&&z| u >= z && u < z + 10) {
                return (b'0' + (u - z) as u8) as char;
            }
            if c.is_whitespace() {
                ' '
            } else {
                '\u{0}'
            }
        })
        .collect()
}

impl PyInt {
    /// `str(a)`; ValueError past CPython 3.11's 4300-digit limit.
    pub fn to_string_checked(&self) -> PyResult<String> {
        let s = self.to_str_radix(10);
        let digits = s.len() - self.is_negative() as usize;
        if digits > INT_MAX_STR_DIGITS {
            return raise(
                Exc::ValueError,
                &format!("Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS),
            );
        }
        Ok(s)
    }

    /// The digits in base 2..=36 (lowercase), with a '-' when negative; no limit.
    pub fn to_str_radix(&self, radix: u32) -> String {
        if let Repr::Small(v) = self.r() {
            if radix == 10 {
                return v.to_string();
            }
        }
        let (neg, mag) = self.parts();
        if mag.is_empty() {
            return "0".to_string();
        }
        // the largest power of radix that fits in a u32 limb
        let (mut chunk, mut per) = (radix, 1usize);
        while (chunk as u64) * (radix as u64) <= u32::MAX as u64 {
            chunk *= radix;
            per += 1;
        }
        let mut groups = Vec::new();
        let mut cur = mag.into_owned();
        while !cur.is_empty() {
            let (q, r) = mag_divmod_small(&cur, chunk);
            groups.push(r);
            cur = q;
        }
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        for (i, &g) in groups.iter().rev().enumerate() {
            let mut buf = vec![b'0'; per];
            let mut g = g;
            for k in (0..per).rev() {
                buf[k] = std::char::from_digit(g % radix, radix).unwrap() as u8;
                g /= radix;
            }
            let text = std::str::from_utf8(&buf).unwrap();
            out.push_str(if i == 0 { text.trim_start_matches('0') } else { text });
        }
        out
    }

    /// `int(s, base)` with `base` 0 or 2..=36: whitespace, sign, prefixes, underscores
    /// Unicode decimal digits and CPython's messages.
    pub fn from_str_radix(s: &str, base: u32) -> PyResult<PyInt> {
        if base != 0 && !(2..=36).contains(&base) {
            return raise(Exc::ValueError, INT_BASE_RANGE);
        }
        let invalid = || {
            let r: String = py_str_repr(s).chars().take(200).collect();
            raise(Exc::ValueError, &format!("invalid literal for int() with base {}: {}", base, r))
        };
        let ascii = to_ascii_for_int(s);
        let t = ascii.trim_matches(is_int_space);
        let (neg, t) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let lower = t.to_ascii_lowercase();
        let prefix_base = if lower.starts_with("0x") {
            16
        } else if lower.starts_with("0o") {
            8
        } else if lower.starts_with("0b") {
            2
        } else {
            0
        };
        let mut base_eff = base;
        let mut body = t;
        let mut after_prefix = false;
        if prefix_base != 0 && (base == 0 || base == prefix_base) {
            base_eff = prefix_base;
            body = &t[2..];
            after_prefix = true;
        } else if base == 0 {
            base_eff = 10;
        }
        // digits with single underscores between them (one may follow a prefix)
        let mut digits: Vec<u32> = Vec::with_capacity(body.len());
        let mut prev_underscore = false;
        for (i, c) in body.chars().enumerate() {
            if c == '_' {
                if prev_underscore || (i == 0 && !after_prefix) {
                    return invalid();
                }
                prev_underscore = true;
                continue;
            }
            match c.to_digit(base_eff) {
                Some(d) => digits.push(d),
                _ => return invalid(),
            }
            prev_underscore = false;
        }
        if digits.is_empty() || prev_underscore {
            return invalid();
        }
        if base == 0 && prefix_base == 0 && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
            return invalid();
        }
        if !base_eff.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
            return raise(Exc::ValueError, &digit_limit_error(digits.len()));
        }
        let mut mag: Mag = Vec::new();
        let (mut chunk, mut mult) = (0u32, 1u32);
        let flush = |mag: &mut Mag, chunk: u32, mult: u32| {
            let mut carry = chunk as u64;
            for x in mag.iter_mut() {
                let t = *x as u64 * mult as u64 + carry;
                *x = t as u32;
                carry = t >> 32;
            }
            if carry != 0 {
                mag.push(carry as u32);
            }
        };
        for d in digits {
            if (mult as u64) * (base_eff as u64) > u32::MAX as u64 {
                flush(&mut mag, chunk, mult);
                chunk = 0;
                mult = 1;
            }
            chunk = chunk * base_eff + d;
            mult *= base_eff;
        }
        flush(&mut mag, chunk, mult);
        trim(&mut mag);
        Ok(PyInt::from_parts(neg && !mag.is_empty(), mag))
    }
}

impl std::fmt::Display for PyInt {
    /// Decimal, without CPython's digit limit (use `to_string_checked` for `str()`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_str_radix(10))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PyInt {
        PyInt::from_str_radix(s, 10).unwrap()
    }

    #[test]
    fn promotes_and_demotes() {
        let max = PyInt::from_i64(i64::MAX);
        let one = PyInt::from_i64(1);
        let big = max.add(&one);
        assert_eq!(big.to_i64(), None);
        assert_eq!(big.to_string(), "9223372036854775808");
        assert_eq!(big.sub(&one).to_i64(), Some(i64::MAX));
        assert_eq!(PyInt::from_i64(i64::MIN).neg().neg().to_i64(), Some(i64::MIN));
        assert_eq!(PyInt::from_i64(i64::MIN).abs().to_string(), "9223372036854775808");
    }

    #[test]
    fn inline_range_edges() {
        for v in [i64::MAX, i64::MIN, SMALL_MAX, SMALL_MAX + 1, SMALL_MIN, SMALL_MIN - 1, -1, 0] {
            let x = PyInt::from_i64(v);
            assert_eq!(x.to_i64(), Some(v));
            assert_eq!(x.clone().to_string(), v.to_string());
            assert_eq!(x.add(&PyInt::from_i64(0)), x);
            assert_eq!(x.mul(&PyInt::from_i64(1)).to_i64(), Some(v));
        }
        let top = PyInt::from_i64(SMALL_MAX);
        assert_eq!(top.add(&PyInt::from_i64(1)).to_string(), "4611686018427387904");
        assert_eq!(top.add(&PyInt::from_i64(1)).sub(&PyInt::from_i64(1)).0 & 1, 0); // back inline
        assert_eq!(PyInt::from_i64(SMALL_MIN).neg().to_string(), "4611686018427387904");
        assert_eq!(PyInt::from_i64(-3_037_000_500).mul(&PyInt::from_i64(3_037_000_500)).to_string(), "-9223372037000250000");
    }

    #[test]
    fn powers_and_factorials() {
        let two = PyInt::from_i64(2);
        let p200 = two.pow(&PyInt::from_i64(200)).unwrap().unwrap();
        assert_eq!(p200.to_string(), "1606938044258990275541962092341162602522202993782792835301376");
        let mut f = PyInt::from_i64(1);
        for i in 1..=60 {
            f = f.mul(&PyInt::from_i64(i));
        }
        assert_eq!(f.to_string(), "8320987112741390144276341183223364380754172606361245952449277696409600000000000000");
        let (mut a, mut b) = (PyInt::from_i64(0), PyInt::from_i64(1));
        for _ in 0..300 {
            let c = a.add(&b);
            a = b;
            b = c;
        }
        assert_eq!(a.to_string(), "222232244629420445529739893461909967206666939096499764990979600");
        assert_eq!(PyInt::from_i64(3).pow(&PyInt::from_i64(-1)).unwrap(), Err(PowError::NegativeExponent));
    }

    #[test]
    fn division_floors() {
        let a = p("-100000000000000000000000000000007");
        let b = p("1000000000000000000003");
        let (q, r) = a.divmod(&b).unwrap();
        assert_eq!(q.mul(&b).add(&r), a);
        assert!(!r.is_negative() && r < b);
        assert_eq!(a.floordiv(&PyInt::from_i64(0)).unwrap_err().message(), INT_DIV_ZERO);
        assert_eq!(a.mod_(&PyInt::from_i64(0)).unwrap_err().message(), INT_MOD_ZERO);
        assert_eq!(PyInt::from_i64(i64::MIN).floordiv(&PyInt::from_i64(-1)).unwrap().to_string(), "9223372036854775808");
    }

    #[test]
    fn pow_mod_and_inverse() {
        let r = PyInt::from_i64(3).pow_mod(&PyInt::from_i64(-1), &PyInt::from_i64(-7)).unwrap();
        assert_eq!(r.to_i64(), Some(-2));
        let e = PyInt::from_i64(2).pow_mod(&PyInt::from_i64(-1), &PyInt::from_i64(4)).unwrap_err();
        assert_eq!((e.kind(), e.message()), (Exc::ValueError, POW_NOT_INVERTIBLE));
        assert_eq!(PyInt::from_i64(2).pow_mod(&PyInt::from_i64(1), &PyInt::from_i64(0)).unwrap_err().message(), POW_MOD_ZERO);
    }

    #[test]
    fn hashes_like_cpython() {
        assert_eq!(PyInt::from_i64(-1).py_hash(), -2);
        assert_eq!(PyInt::from_i64((1 << 61) - 1).py_hash(), 0);
        assert_eq!(p("-2305843009213693952").py_hash(), -1 - 1); // -(2^61) -> -1 -> -2
        assert_eq!(p("340282366920938463463374607431768211456").py_hash(), 64); // 2^128 = 2^(2·61+6)
    }

    #[test]
    fn floats_round_correctly() {
        assert_eq!(p("9007199254740993").to_f64().unwrap(), 9007199254740992.0);
        assert_eq!(p("9007199254740995").to_f64().unwrap(), 9007199254740996.0);
        let big = PyInt::from_i64(2).pow(&PyInt::from_i64(1024)).unwrap().unwrap();
        assert_eq!(big.to_f64().unwrap_err().message(), INT_TOO_LARGE_FOR_FLOAT);
        assert_eq!(PyInt::from_i64(1).truediv(&PyInt::from_i64(3)).unwrap(), 1.0 / 3.0);
        assert_eq!(PyInt::from_f64(1e20).unwrap().to_string(), "100000000000000000000");
        assert_eq!(PyInt::from_f64(f64::NAN).unwrap_err().kind(), Exc::ValueError);
    }

    #[test]
    fn parses_like_int() {
        assert_eq!(PyInt::from_str_radix(" -0x_1F ", 0).unwrap().to_i64(), Some(-31));
        assert_eq!(PyInt::from_str_radix("1_000", 10).unwrap().to_i64(), Some(1000));
        assert_eq!(PyInt::from_str_radix("010", 0).unwrap_err().message(), "invalid literal for int() with base 0: '010'");
        assert_eq!(PyInt::from_str_radix("z", 37).unwrap_err().message(), INT_BASE_RANGE);
        assert_eq!(PyInt::from_str_radix("zz", 36).unwrap().to_i64(), Some(1295));
    }

    #[test]
    fn reprs_like_python() {
        assert_eq!(py_str_repr("a'b"), "\"a'b\"");
        assert_eq!(py_str_repr("a'\"b\\"), "'a\\'\"b\\\\'");
        assert_eq!(py_str_repr("\u{7f}\u{85}\u{e9}\u{200b}\u{e0001}\u{1f600}"), "'\\x7f\\x85\u{e9}\\u200b\\U000e0001\u{1f600}'");
    }

    #[test]
    fn bitwise_twos_complement() {
        let a = p("-18446744073709551617"); // -(2^64 + 1)
        assert_eq!(a.bitand(&PyInt::from_i64(-1)), a);
        assert_eq!(a.bitand(&PyInt::from_i64(0xff)).to_i64(), Some(0xff));
        assert_eq!(a.invert().to_string(), "18446744073709551616");
        assert_eq!(a.rshift(&PyInt::from_i64(64)).unwrap().to_i64(), Some(-2));
        assert_eq!(PyInt::from_i64(1).lshift(&PyInt::from_i64(-1)).unwrap_err().message(), NEGATIVE_SHIFT);
        assert_eq!(PyInt::from_i64(1).lshift(&PyInt::from_i64(1 << 40)).unwrap_err().kind(), Exc::OverflowError);
        assert!(PyInt::from_i64(0).lshift(&PyInt::from_i64(1 << 40)).unwrap().is_zero());
        assert_eq!(PyInt::from_i64(3).pow(&PyInt::from_i64(1 << 40)).unwrap_err().message(), TOO_MANY_DIGITS);
    }

    #[test]
    fn factorial_1000_prints() {
        let mut f = PyInt::from_i64(1);
        for i in 1..=1000 {
            f = f.mul(&PyInt::from_i64(i));
        }
        let s = f.to_string_checked().unwrap();
        assert_eq!(s.len(), 2568);
        assert!(s.starts_with("402387260077093773543702433923003985719374864210"));
        assert_eq!(p(&s), f);
    }
}
