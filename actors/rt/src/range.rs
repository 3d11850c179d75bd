//! Python's `range` over i64 bounds: length, indexing, slicing,
//! membership, iteration, repr and equality as CPython computes them.

use crate::err::{overflow, raise, Exc, PyResult};
use crate::hash::TupleHasher;
use crate::slice::slice_indices;
use crate::value::{PyHash, PyValue};

pub const RANGE_STEP_ZERO: &str = "range() arg 3 must not be zero";
pub const RANGE_INDEX: &str = "range object index out of range";
pub const RANGE_LEN_OVERFLOW: &str = "Python int too large to convert to C ssize_t";

/// `range(start, stop, step)`; `step != 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// `range(start, stop, step)`: ValueError when step is 0.
    pub fn new(start: i64, stop: i64, step: i64) -> PyResult<Range> {
        if step == 0 {
            return raise(Exc::ValueError, RANGE_STEP_ZERO);
        }
        Ok(Range { start, stop, step })
    }
    /// `range(stop)`.
    pub fn to(stop: i64) -> Range {
        Range { start: 0, stop, step: 1 }
    }
    /// `range(start, stop)`.
    pub fn between(start: i64, stop: i64) -> Range {
        Range { start, stop, step: 1 }
    }
    /// The number of items, exactly (may exceed i64).
    pub fn len_u128(&self) -> u128 {
        let (lo, hi, st) = (self.start as i128, self.stop as i128, self.step as i128);
        if st > 0 && lo < hi {
            ((hi - lo - 1) / st + 1) as u128
        } else if st < 0 && lo > hi {
            ((lo - hi - 1) / (-st) + 1) as u128
        } else {
            0
        }
    }
    /// `len(r)`: OverflowError past i64, as CPython past ssize_t.
    pub fn len(&self) -> PyResult<i64> {
        let n = self.len_u128();
        if n > i64::MAX as u128 {
            return raise(Exc::OverflowError, RANGE_LEN_OVERFLOW);
        }
        Ok(n as i64)
    }
    pub fn is_empty(&self) -> bool {
        self.len_u128() == 0
    }
    /// `for i in r`.
    pub fn iter(&self) -> RangeIter {
        RangeIter { next: self.start as i128, step: self.step as i128, left: self.len_u128() }
    }
}

/// The iterator of `for i in range(...)`.
pub struct RangeIter {
    next: i128,
    step: i128,
    left: u128,
}

impl Iterator for RangeIter {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        if self.left == 0 {
            return None;
        }
        let v = self.next as i64;
        self.left -= 1;
        self.next += self.step;
        Some(v)
    }
}

impl PyValue for Range {
    fn py_repr(&self, out: &mut String) {
        if self.step == 1 {
            out.push_str(&format!("range({}, {})", self.start, self.stop));
        } else {
            out.push_str(&format!("range({}, {}, {})", self.start, self.stop, self.step));
        }
    }
    /// Ranges are equal when they yield the same sequence.
    fn py_eq(&self, other: &Self) -> bool {
        let n = self.len_u128();
        if n != other.len_u128() {
            return false;
        }
        if n == 0 {
            return true;
        }
        if self.start != other.start {
            return false;
        }
        n == 1 || self.step == other.step
    }
    fn py_bool(&self) -> bool {
        !self.is_empty()
    }
}

impl PyHash for Range {
    /// `hash((len, start, step))`, with None for start/step of short ranges
    /// (CPython's None hash is an address; ours is a constant).
    fn py_hash(&self) -> i64 {
        let n = self.len_u128();
        let none = ().py_hash();
        let mut h = TupleHasher::new();
        h.add(crate::hash::hash_int(n.min(i64::MAX as u128) as i64));
        if n == 0 {
            h.add(none);
            h.add(none);
        } else if n == 1 {
            h.add(self.start.py_hash());
            h.add(none);
        } else {
            h.add(self.start.py_hash());
            h.add(self.step.py_hash());
        }
        h.finish(3)
    }
}

/// `r[i]`.
pub fn range_getitem(r: &Range, i: i64) -> PyResult<i64> {
    let n = r.len_u128() as i128;
    let mut j = i as i128;
    if j < 0 {
        j += n;
    }
    if j < 0 || j >= n {
        return raise(Exc::IndexError, RANGE_INDEX);
    }
    Ok((r.start as i128 + j * r.step as i128) as i64)
}

/// `r[start:stop:step]`, itself a range.
pub fn range_getslice(r: &Range, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Range> {
    let n = r.len()? as usize;
    let (b, e, s, _) = slice_indices(n, start, stop, step)?;
    let fit = |v: i128| -> PyResult<i64> {
        if v < i64::MIN as i128 || v > i64::MAX as i128 {
            overflow()
        } else {
            Ok(v as i64)
        }
    };
    let (r0, rs) = (r.start as i128, r.step as i128);
    Ok(Range { start: fit(r0 + b as i128 * rs)?, stop: fit(r0 + e as i128 * rs)?, step: fit(rs * s as i128)? })
}

/// `x in r`.
pub fn range_contains(r: &Range, x: i64) -> bool {
    let (x, lo, hi, st) = (x as i128, r.start as i128, r.stop as i128, r.step as i128);
    let inside = if st > 0 { lo <= x && x < hi } else { hi < x && x <= lo };
    inside && (x - lo) % st == 0
}

/// `r.index(x)`: ValueError "x is not in range"; OverflowError (INT_OVERFLOW)
/// when the position is beyond i64 (CPython's int would grow).
pub fn range_index(r: &Range, x: i64) -> PyResult<i64> {
    if !range_contains(r, x) {
        return raise(Exc::ValueError, &format!("{} is not in range", x));
    }
    let i = (x as i128 - r.start as i128) / r.step as i128;
    if i > i64::MAX as i128 {
        return overflow();
    }
    Ok(i as i64)
}

/// `r.count(x)`.
pub fn range_count(r: &Range, x: i64) -> i64 {
    range_contains(r, x) as i64
}

/// `len(r)`.
pub fn range_len(r: &Range) -> PyResult<i64> {
    r.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr_string;

    #[test]
    fn like_cpython() {
        assert_eq!(repr_string(&Range::to(10)), "range(0, 10)");
        assert_eq!(repr_string(&Range::new(1, 10, 2).unwrap()), "range(1, 10, 2)");
        assert_eq!(Range::new(0, 1, 0).unwrap_err().message(), RANGE_STEP_ZERO);
        let r = Range::new(10, -3, -3).unwrap();
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![10, 7, 4, 1, -2]);
        assert_eq!(r.len().unwrap(), 5);
        assert_eq!(range_getitem(&r, -1).unwrap(), -2);
        assert_eq!(range_getitem(&r, 5).unwrap_err().message(), RANGE_INDEX);
        assert!(range_contains(&r, 4) && !range_contains(&r, 5) && !range_contains(&r, -5));
        assert_eq!(range_getslice(&r, None, None, Some(-2)).unwrap(), Range { start: -2, stop: 13, step: 6 });
        assert!(Range::new(0, 0, 1).unwrap().py_eq(&Range::new(5, 1, 2).unwrap()));
        assert!(Range::new(3, 4, 1).unwrap().py_eq(&Range::new(3, 50, 50).unwrap()));
        assert_eq!(Range::new(i64::MIN, i64::MAX, 1).unwrap().len().unwrap_err().message(), RANGE_LEN_OVERFLOW);
        assert_eq!(range_index(&r, 5).unwrap_err().message(), "5 is not in range");
    }
}
