//! Double-double arithmetic: a value is `hi + lo` with |lo| <= ulp(hi)/2,
//! about 106 bits of precision. The correctly rounded elementary functions
//! (`expo.rs`, `trig.rs`) evaluate in double-double and round once at the
//! end, which gives the correctly rounded double except when the true value
//! lies within ~2^-100 (relative) of a rounding boundary.
//!
//! The error-free transformations are Knuth's two-sum and Dekker's product
//! with Veltkamp splitting (no FMA: wasm32 has none, and Rust never fuses
//! `a * b + c` on its own). Splitting overflows above ~2^996, so callers keep
//! operands in range.

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DD {
    pub hi: f64,
    pub lo: f64,
}

/// `a + b` exactly, as hi + lo.
#[inline]
pub(crate) fn two_sum(a: f64, b: f64) -> DD {
    let s = a + b;
    let bb = s - a;
    DD { hi: s, lo: (a - (s - bb)) + (b - bb) }
}

/// `a + b` exactly when |a| >= |b| (or a == 0).
#[inline]
pub(crate) fn quick_two_sum(a: f64, b: f64) -> DD {
    let s = a + b;
    DD { hi: s, lo: b - (s - a) }
}

#[inline]
fn split(a: f64) -> (f64, f64) {
    let t = 134217729.0 * a; // 2^27 + 1
    let hi = t - (t - a);
    (hi, a - hi)
}

/// `a * b` exactly, as hi + lo (no overflow or underflow assumed).
#[inline]
pub(crate) fn two_prod(a: f64, b: f64) -> DD {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    DD { hi: p, lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl }
}

impl DD {
    pub(crate) const ONE: DD = DD { hi: 1.0, lo: 0.0 };

    #[inline]
    pub(crate) const fn new(hi: f64, lo: f64) -> DD {
        DD { hi, lo }
    }

    #[inline]
    pub(crate) fn from(x: f64) -> DD {
        DD { hi: x, lo: 0.0 }
    }

    #[inline]
    pub(crate) fn neg(self) -> DD {
        DD { hi: -self.hi, lo: -self.lo }
    }

    #[inline]
    pub(crate) fn add(self, b: DD) -> DD {
        let s = two_sum(self.hi, b.hi);
        let t = two_sum(self.lo, b.lo);
        let u = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(u.hi, u.lo + t.lo)
    }

    #[inline]
    pub(crate) fn add_f(self, b: f64) -> DD {
        let s = two_sum(self.hi, b);
        quick_two_sum(s.hi, s.lo + self.lo)
    }

    #[inline]
    pub(crate) fn sub(self, b: DD) -> DD {
        self.add(b.neg())
    }

    #[inline]
    pub(crate) fn mul(self, b: DD) -> DD {
        let p = two_prod(self.hi, b.hi);
        quick_two_sum(p.hi, p.lo + (self.hi * b.lo + self.lo * b.hi))
    }

    #[inline]
    pub(crate) fn mul_f(self, b: f64) -> DD {
        let p = two_prod(self.hi, b);
        quick_two_sum(p.hi, p.lo + self.lo * b)
    }

    /// Multiplication by a power of two (exact while in the normal range).
    #[inline]
    pub(crate) fn scale(self, p: f64) -> DD {
        DD { hi: self.hi * p, lo: self.lo * p }
    }

    pub(crate) fn div(self, b: DD) -> DD {
        let q1 = self.hi / b.hi;
        let r = self.sub(b.mul_f(q1));
        let q2 = r.hi / b.hi;
        let r = r.sub(b.mul_f(q2));
        let q3 = r.hi / b.hi;
        quick_two_sum(q1, q2).add_f(q3)
    }

    /// Square root of a non-negative value (one Newton step from the double root).
    pub(crate) fn sqrt(self) -> DD {
        if self.hi <= 0.0 {
            return DD::from(0.0);
        }
        let s = self.hi.sqrt();
        let e = self.sub(two_prod(s, s));
        quick_two_sum(s, e.hi / (2.0 * s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_transformations() {
        let p = two_prod(1.0 + 2f64.powi(-30), 1.0 + 2f64.powi(-30));
        assert_eq!(p.hi, 1.0 + 2f64.powi(-29));
        assert_eq!(p.lo, 2f64.powi(-60));
        let s = two_sum(1.0, 2f64.powi(-70));
        assert_eq!((s.hi, s.lo), (1.0, 2f64.powi(-70)));
        let third = DD::ONE.div(DD::from(3.0));
        let back = third.mul_f(3.0);
        assert!((back.hi - 1.0).abs() + back.lo.abs() < 1e-31);
        let r = DD::from(2.0).sqrt();
        let sq = r.mul(r).sub(DD::from(2.0));
        assert!(sq.hi.abs() < 1e-31);
    }
}
