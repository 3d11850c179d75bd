//! Tuples: Rust tuples of 1 to 12 fields for `tuple[A, B, ...]`, `Tuple0`
//! for `tuple[()]`, and `Tuple<T>` (shared, immutable) for `tuple[T, ...]`.
//! repr, equality, ordering and hashing as CPython's tuple.

use crate::err::{raise, Exc, PyErr, PyResult};
use crate::hash::TupleHasher;
use crate::list::{index_bounds, repeat_items, seq_cmp};
use crate::slice::{seq_index, slice_indices, slice_positions};
use crate::value::{repr_items, repr_string, PyHash, PyOrd, PyValue};
use std::rc::Rc;

pub const TUPLE_INDEX: &str = "tuple index out of range";
pub const TUPLE_INDEX_MISSING: &str = "tuple.index(x): x not in tuple";

macro_rules! rust_tuple {
    ($n:expr; $($T:ident $i:tt),+) => {
        impl<$($T: PyValue),+> PyValue for ($($T,)+) {
            fn py_repr(&self, out: &mut String) {
                out.push('(');
                let mut _k = 0;
                $(
                    if _k > 0 { out.push_str(", "); }
                    _k += 1;
                    self.$i.py_repr(out);
                )+
                if $n == 1 { out.push(','); }
                out.push(')');
            }
            fn py_eq(&self, other: &Self) -> bool {
                $( self.$i.py_eq(&other.$i) )&&+
            }
            fn py_bool(&self) -> bool {
                true
            }
        }
        impl<$($T: PyOrd),+> PyOrd for ($($T,)+) {
            fn py_lt(&self, other: &Self) -> bool {
                $( if !self.$i.py_eq(&other.$i) { return self.$i.py_lt(&other.$i); } )+
                false
            }
            fn py_le(&self, other: &Self) -> bool {
                $( if !self.$i.py_eq(&other.$i) { return self.$i.py_le(&other.$i); } )+
                true
            }
        }
        impl<$($T: PyHash),+> PyHash for ($($T,)+) {
            fn py_hash(&self) -> i64 {
                let mut h = TupleHasher::new();
                $( h.add(self.$i.py_hash()); )+
                h.finish($n)
            }
        }
    };
}

rust_tuple!(1; A 0);
rust_tuple!(2; A 0, B 1);
rust_tuple!(3; A 0, B 1, C 2);
rust_tuple!(4; A 0, B 1, C 2, D 3);
rust_tuple!(5; A 0, B 1, C 2, D 3, E 4);
rust_tuple!(6; A 0, B 1, C 2, D 3, E 4, F 5);
rust_tuple!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
rust_tuple!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
rust_tuple!(9; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
rust_tuple!(10; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
rust_tuple!(11; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
rust_tuple!(12; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

/// `()`, the empty tuple (`tuple[()]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tuple0;

impl PyValue for Tuple0 {
    fn py_repr(&self, out: &mut String) {
        out.push_str("()");
    }
    fn py_eq(&self, _other: &Self) -> bool {
        true
    }
    fn py_bool(&self) -> bool {
        false
    }
}

impl PyOrd for Tuple0 {
    fn py_lt(&self, _other: &Self) -> bool {
        false
    }
}

impl PyHash for Tuple0 {
    fn py_hash(&self) -> i64 {
        TupleHasher::new().finish(0)
    }
}

/// `tuple[T, ...]`: an immutable sequence of any length.
pub struct Tuple<T>(Rc<[T]>);

impl<T> Clone for Tuple<T> {
    fn clone(&self) -> Self {
        Tuple(self.0.clone())
    }
}

impl<T: PyValue> Tuple<T> {
    pub fn from_vec(v: Vec<T>) -> Tuple<T> {
        Tuple(Rc::from(v))
    }
    pub fn empty() -> Tuple<T> {
        Tuple::from_vec(Vec::new())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }
    pub fn to_vec(&self) -> Vec<T> {
        self.0.to_vec()
    }
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: PyValue> PyValue for Tuple<T> {
    fn py_repr(&self, out: &mut String) {
        out.push('(');
        repr_items(self.0.iter(), out);
        if self.0.len() == 1 {
            out.push(',');
        }
        out.push(')');
    }
    fn py_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || (self.0.len() == other.0.len() && self.0.iter().zip(other.0.iter()).all(|(a, b)| a.py_eq(b)))
    }
    fn py_bool(&self) -> bool {
        !self.0.is_empty()
    }
}

impl<T: PyOrd> PyOrd for Tuple<T> {
    fn py_lt(&self, other: &Self) -> bool {
        !Rc::ptr_eq(&self.0, &other.0) && seq_cmp(&self.0, &other.0, false)
    }
    /// `t <= t` is True even with NaN items (CPython sees identical items as equal).
    fn py_le(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || seq_cmp(&self.0, &other.0, true)
    }
}

impl<T: PyHash> PyHash for Tuple<T> {
    fn py_hash(&self) -> i64 {
        let mut h = TupleHasher::new();
        for x in self.0.iter() {
            h.add(x.py_hash());
        }
        h.finish(self.0.len())
    }
}

/// `t[i]`.
pub fn tuple_getitem<T: PyValue>(t: &Tuple<T>, i: i64) -> PyResult<T> {
    match seq_index(t.len(), i) {
        Some(j) => Ok(t.0[j].clone()),
        None => raise(Exc::IndexError, TUPLE_INDEX),
    }
}

/// `t[start:stop:step]`.
pub fn tuple_getslice<T: PyValue>(t: &Tuple<T>, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Tuple<T>> {
    let (b, _, s, n) = slice_indices(t.len(), start, stop, step)?;
    if b == 0 && s == 1 && n == t.len() {
        return Ok(t.clone());
    }
    Ok(Tuple::from_vec(slice_positions(b, s, n).map(|i| t.0[i].clone()).collect()))
}

/// `len(t)`.
pub fn tuple_len<T: PyValue>(t: &Tuple<T>) -> i64 {
    t.len() as i64
}

/// `x in t`.
pub fn tuple_contains<T: PyValue>(t: &Tuple<T>, x: &T) -> bool {
    t.0.iter().any(|y| y.py_eq(x))
}

/// `t.count(x)`.
pub fn tuple_count<T: PyValue>(t: &Tuple<T>, x: &T) -> i64 {
    t.0.iter().filter(|y| y.py_eq(x)).count() as i64
}

/// `t.index(x[, start[, stop]])`: ValueError "tuple.index(x): x not in tuple".
pub fn tuple_index<T: PyValue>(t: &Tuple<T>, x: &T, start: Option<i64>, stop: Option<i64>) -> PyResult<i64> {
    let (b, e) = index_bounds(t.len(), start, stop);
    for i in b..e {
        if t.0[i].py_eq(x) {
            return Ok(i as i64);
        }
    }
    Err(PyErr::new(Exc::ValueError, TUPLE_INDEX_MISSING))
}

/// `a + b`.
pub fn tuple_concat<T: PyValue>(a: &Tuple<T>, b: &Tuple<T>) -> Tuple<T> {
    let mut v = a.to_vec();
    v.extend_from_slice(&b.0);
    Tuple::from_vec(v)
}

/// `t * n`.
pub fn tuple_repeat<T: PyValue>(t: &Tuple<T>, n: i64) -> Tuple<T> {
    if n == 1 {
        return t.clone();
    }
    Tuple::from_vec(repeat_items(&t.0, n))
}

/// `repr(t)` of any tuple value, as a String (tests, messages).
pub fn tuple_repr<T: PyValue>(t: &T) -> String {
    repr_string(t)
}

impl<T: PyValue> std::fmt::Debug for Tuple<T> {
    /// The Python repr.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_string(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(repr_string(&(1i64,)), "(1,)");
        assert_eq!(repr_string(&(1i64, 2.5f64, true)), "(1, 2.5, True)");
        assert_eq!(repr_string(&Tuple0), "()");
        assert_eq!(repr_string(&Tuple::from_vec(vec![3i64])), "(3,)");
        assert_eq!(repr_string(&Tuple::<i64>::empty()), "()");
    }

    #[test]
    fn hashes_like_cpython() {
        assert_eq!((1i64, 2i64).py_hash(), -3550055125485641917);
        assert_eq!(Tuple::from_vec(vec![1i64, 2]).py_hash(), -3550055125485641917);
        assert_eq!(Tuple0.py_hash(), 5740354900026072187);
    }

    #[test]
    fn ordering() {
        assert!((1i64, 2i64).py_lt(&(1, 3)));
        assert!(!(f64::NAN, 1i64).py_lt(&(f64::NAN, 2)));
        assert!(Tuple::from_vec(vec![1i64]).py_lt(&Tuple::from_vec(vec![1, 0])));
        let t = Tuple::from_vec(vec![1i64, 2, 3, 2]);
        assert_eq!(tuple_index(&t, &2, Some(2), None).unwrap(), 3);
        assert_eq!(tuple_index(&t, &9, None, None).unwrap_err().message(), TUPLE_INDEX_MISSING);
        assert_eq!(tuple_getitem(&t, -5).unwrap_err().message(), TUPLE_INDEX);
    }
}
