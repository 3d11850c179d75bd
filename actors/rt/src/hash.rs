//! CPython 3.11's `hash()` for the hashable scalar types and the helpers
//! tuples and frozensets build on. Set iteration order depends on these
//! exact values, so they follow CPython's definitions (Python/pyhash.c,
//! Objects/longobject.c, Objects/tupleobject.c), computed our own way:
//!
//! - int: `x mod (2**61 - 1)` with the sign of `x`; -1 becomes -2.
//! - float: the same modulus applied to the exact rational value
//!   (`m * 2**e mod P`, where `2**61 ≡ 1 (mod P)` turns `2**e` into
//!   `2**(e mod 61)`); `inf` 314159, `-inf` -314159. CPython hashes NaN by
//!   object address (3.10+), which no program can depend on; we use 0.
//! - tuple: the xxHash-based combination of CPython 3.8+.

use crate::value::PyHash;

/// `2**61 - 1`, CPython's `_PyHASH_MODULUS` on 64-bit platforms.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
const HASH_INF: i64 = 314159;

/// `hash(i)` for an int.
pub fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float.
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // x = mant * 2**exp exactly
    let (mant, exp) = if exp_field == 0 { (frac, -1074i64) } else { (frac | (1u64 << 52), exp_field - 1075) };
    let e = exp.rem_euclid(61) as u32;
    let r = ((mant % HASH_MODULUS) as u128) << e;
    let r = (r % HASH_MODULUS as u128) as i64;
    let h = if x < 0.0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// The running state of CPython's tuple hash: `TupleHasher::new()`, one
/// `add(hash(item))` per item, then `finish(len)`.
pub struct TupleHasher(u64);

impl TupleHasher {
    pub fn new() -> TupleHasher {
        TupleHasher(XXPRIME_5)
    }
    pub fn add(&mut self, lane: i64) {
        let mut acc = self.0.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        self.0 = acc.wrapping_mul(XXPRIME_1);
    }
    pub fn finish(self, len: usize) -> i64 {
        let acc = self.0.wrapping_add((len as u64) ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher::new()
    }
}

/// `hash(x)`.
pub fn py_hash<T: PyHash>(x: &T) -> i64 {
    x.py_hash()
}

impl PyHash for i64 {
    fn py_hash(&self) -> i64 {
        hash_int(*self)
    }
}

impl PyHash for f64 {
    fn py_hash(&self) -> i64 {
        hash_float(*self)
    }
}

impl PyHash for bool {
    fn py_hash(&self) -> i64 {
        *self as i64
    }
}

/// CPython 3.11 hashes `None` by address; any constant will do.
const NONE_HASH: i64 = 0x5f5e0f5e;

impl PyHash for () {
    fn py_hash(&self) -> i64 {
        NONE_HASH
    }
}

impl<T: PyHash> PyHash for Option<T> {
    fn py_hash(&self) -> i64 {
        match self {
            Some(v) => v.py_hash(),
            None => NONE_HASH,
        }
    }
}

/// Values that hash and compare alike across types (`hash(1) == hash(1.0)`)
/// are the compiler's concern; within one type `a == b` implies equal hashes.
pub fn hash_matches_eq<T: PyHash>(a: &T, b: &T) -> bool {
    !a.py_eq(b) || a.py_hash() == b.py_hash()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_hash_like_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(0), 0);
        assert_eq!(hash_int((1i64 << 61) - 1), 0);
        assert_eq!(hash_int(1i64 << 61), 1);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_int(i64::MAX), 3);
    }

    #[test]
    fn float_hash_like_cpython() {
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(-0.0), 0);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(1e300), hash_float(1e300));
        assert_eq!(hash_float(3.0), hash_int(3));
        // hash(1.1) in CPython 3.11
        assert_eq!(hash_float(1.1), 230584300921369601);
    }

    #[test]
    fn tuple_hash_like_cpython() {
        let mut h = TupleHasher::new();
        h.add(1);
        h.add(2);
        assert_eq!(h.finish(2), -3550055125485641917);
        assert_eq!(TupleHasher::new().finish(0), 5740354900026072187);
    }
}
