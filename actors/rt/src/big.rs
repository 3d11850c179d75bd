//! A small unsigned big integer, just enough for exact decimal rounding.
//!
//! `round(x, n)` must round the exact binary value of `x` to `n` decimal
//! places and convert back with one correct rounding, which needs numbers
//! up to about 10^650. Limbs are u32, least significant first, no trailing
//! zero limbs. Only `round.rs` uses this; it is not part of the public API.

use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Big {
    limbs: Vec<u32>,
}

impl Big {
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big { limbs: vec![v as u32, (v >> 32) as u32] };
        b.trim();
        b
    }

    fn trim(&mut self) {
        while let Some(&0) = self.limbs.last() {
            self.limbs.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    pub(crate) fn is_odd(&self) -> bool {
        self.limbs.first().map_or(false, |l| l & 1 == 1)
    }

    /// Number of significant bits (0 for zero).
    pub(crate) fn bit_len(&self) -> u32 {
        match self.limbs.last() {
            None => 0,
            Some(&top) => (self.limbs.len() as u32 - 1) * 32 + (32 - top.leading_zeros()),
        }
    }

    pub(crate) fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for l in self.limbs.iter_mut() {
            let v = (*l as u64) * (m as u64) + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    pub(crate) fn mul_u64(&mut self, m: u64) {
        let mut carry: u128 = 0;
        for l in self.limbs.iter_mut() {
            let v = (*l as u128) * (m as u128) + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        while carry != 0 {
            self.limbs.push(carry as u32);
            carry >>= 32;
        }
        self.trim();
    }

    pub(crate) fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        if k > 0 {
            self.mul_small(10u32.pow(k));
        }
    }

    pub(crate) fn pow10(k: u32) -> Big {
        let mut b = Big::from_u64(1);
        b.mul_pow10(k);
        b
    }

    pub(crate) fn add_small(&mut self, a: u32) {
        let mut carry = a as u64;
        for l in self.limbs.iter_mut() {
            if carry == 0 {
                break;
            }
            let v = *l as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    pub(crate) fn shl(&self, n: u32) -> Big {
        if self.is_zero() {
            return self.clone();
        }
        let (words, bits) = ((n / 32) as usize, n % 32);
        let mut limbs = vec![0u32; words];
        if bits == 0 {
            limbs.extend_from_slice(&self.limbs);
        } else {
            let mut carry = 0u32;
            for &l in &self.limbs {
                limbs.push((l << bits) | carry);
                carry = l >> (32 - bits);
            }
            limbs.push(carry);
        }
        let mut b = Big { limbs };
        b.trim();
        b
    }

    pub(crate) fn shr(&self, n: u32) -> Big {
        let (words, bits) = ((n / 32) as usize, n % 32);
        if words >= self.limbs.len() {
            return Big { limbs: Vec::new() };
        }
        let src = &self.limbs[words..];
        let mut limbs = Vec::with_capacity(src.len());
        for i in 0..src.len() {
            let lo = src[i] >> bits;
            let hi = if bits == 0 { 0 } else { src.get(i + 1).map_or(0, |&h| h << (32 - bits)) };
            limbs.push(lo | hi);
        }
        let mut b = Big { limbs };
        b.trim();
        b
    }

    /// True when any of the low `n` bits is set.
    pub(crate) fn low_bits_nonzero(&self, n: u32) -> bool {
        let (words, bits) = ((n / 32) as usize, n % 32);
        for (i, &l) in self.limbs.iter().enumerate() {
            if i < words {
                if l != 0 {
                    return true;
                }
            } else if i == words {
                return bits > 0 && (l & ((1u32 << bits) - 1)) != 0;
            } else {
                break;
            }
        }
        false
    }

    /// Bit `n` (0 = least significant).
    pub(crate) fn bit(&self, n: u32) -> bool {
        self.limbs.get((n / 32) as usize).map_or(false, |l| (l >> (n % 32)) & 1 == 1)
    }

    /// The low 64 bits.
    pub(crate) fn low_u64(&self) -> u64 {
        let lo = self.limbs.first().copied().unwrap_or(0) as u64;
        let hi = self.limbs.get(1).copied().unwrap_or(0) as u64;
        lo | (hi << 32)
    }

    /// `self -= other`; requires `self >= other`.
    pub(crate) fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.limbs.len() {
            let o = other.limbs.get(i).copied().unwrap_or(0) as i64;
            let mut v = self.limbs[i] as i64 - o - borrow;
            if v < 0 {
                v += 1 << 32;
                borrow = 1;
            } else {
                borrow = 0;
            }
            self.limbs[i] = v as u32;
        }
        debug_assert!(borrow == 0);
        self.trim();
    }

    /// `(self / d, self % d)` by shift-and-subtract; `d != 0`.
    pub(crate) fn divmod(&self, d: &Big) -> (Big, Big) {
        let mut rem = self.clone();
        let mut q = Big { limbs: Vec::new() };
        if self.cmp(d) == Ordering::Less {
            return (q, rem);
        }
        let shift = self.bit_len() - d.bit_len();
        q.limbs = vec![0u32; (shift / 32 + 1) as usize];
        let mut dd = d.shl(shift);
        let mut i = shift as i64;
        while i >= 0 {
            if rem.cmp(&dd) != Ordering::Less {
                rem.sub_assign(&dd);
                q.limbs[(i / 32) as usize] |= 1 << (i % 32);
            }
            dd = dd.shr(1);
            i -= 1;
        }
        q.trim();
        (q, rem)
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        if self.limbs.len() != other.limbs.len() {
            return self.limbs.len().cmp(&other.limbs.len());
        }
        for i in (0..self.limbs.len()).rev() {
            match self.limbs[i].cmp(&other.limbs[i]) {
                Ordering::Equal => continue,
                o => return o,
            }
        }
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let a = Big::pow10(30);
        let (q, r) = a.divmod(&Big::from_u64(7));
        let mut back = q.clone();
        back.mul_small(7);
        back.add_small(r.low_u64() as u32);
        assert_eq!(back, a);
        assert_eq!(r.low_u64(), 1_000_000_000_000_000_000_000_000_000_000u128.rem_euclid(7) as u64);
        assert_eq!(Big::from_u64(1).shl(100).bit_len(), 101);
        assert_eq!(Big::from_u64(1).shl(100).shr(99).low_u64(), 2);
        assert!(Big::from_u64(0b1000).low_bits_nonzero(4));
        assert!(!Big::from_u64(0b1000).low_bits_nonzero(3));
        assert!(Big::from_u64(5).shl(64).bit(66));
    }
}
