//! The traits every Python value type implements in generated Rust
//! (docs/values.md): `repr`/`str`, equality, truthiness, hashing and
//! ordering with CPython's semantics. Scalars are implemented here; each
//! container implements them in its own file.

use crate::repr::{repr_bool, repr_float, repr_int};

/// A Python value of a statically known type.
pub trait PyValue: Clone + 'static {
    /// `repr(x)`, appended to `out`.
    fn py_repr(&self, out: &mut String);
    /// `str(x)`, appended to `out`; `repr` except for `str` itself.
    fn py_str(&self, out: &mut String) {
        self.py_repr(out)
    }
    /// `x == y` (`nan != nan`; containers compare element-wise, identity first as CPython does).
    fn py_eq(&self, other: &Self) -> bool;
    /// `bool(x)`.
    fn py_bool(&self) -> bool;
}

/// Values usable as dict keys and set members. `py_hash` is CPython's
/// `hash()` for int, bool, float and tuples of them (so small-int sets
/// iterate in CPython's order); strings hash with any stable function,
/// since CPython randomizes theirs.
pub trait PyHash: PyValue {
    fn py_hash(&self) -> i64;
}

/// Values with Python's ordering (`<` on numbers, strings, lists, tuples).
pub trait PyOrd: PyValue {
    /// `self < other`.
    fn py_lt(&self, other: &Self) -> bool;
    /// `self <= other`.
    fn py_le(&self, other: &Self) -> bool {
        self.py_lt(other) || self.py_eq(other)
    }
    /// `self > other` (Python reflects `>` to the other operand's `<`).
    fn py_gt(&self, other: &Self) -> bool {
        other.py_lt(self)
    }
    /// `self >= other`.
    fn py_ge(&self, other: &Self) -> bool {
        other.py_le(self)
    }
}

/// `a == b`.
pub fn py_eq<T: PyValue>(a: &T, b: &T) -> bool {
    a.py_eq(b)
}

/// `a != b`.
pub fn py_ne<T: PyValue>(a: &T, b: &T) -> bool {
    !a.py_eq(b)
}

/// `a < b`.
pub fn py_lt<T: PyOrd>(a: &T, b: &T) -> bool {
    a.py_lt(b)
}

/// `a <= b`.
pub fn py_le<T: PyOrd>(a: &T, b: &T) -> bool {
    a.py_le(b)
}

/// `a > b`.
pub fn py_gt<T: PyOrd>(a: &T, b: &T) -> bool {
    a.py_gt(b)
}

/// `a >= b`.
pub fn py_ge<T: PyOrd>(a: &T, b: &T) -> bool {
    a.py_ge(b)
}

/// `bool(x)`.
pub fn py_truth<T: PyValue>(x: &T) -> bool {
    x.py_bool()
}

thread_local! {
    static REPR_ACTIVE: std::cell::RefCell<Vec<usize>> = std::cell::RefCell::new(Vec::new());
}

/// CPython's `Py_ReprEnter`/`Py_ReprLeave` for mutable containers: runs
/// `body` unless the object at `addr` is already being printed further up
/// the stack, in which case it writes `cycle` (`[...]`, `{...}`) instead.
pub fn repr_guarded(addr: usize, out: &mut String, cycle: &str, body: impl FnOnce(&mut String)) {
    let entered = REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&addr) {
            false
        } else {
            a.push(addr);
            true
        }
    });
    if !entered {
        out.push_str(cycle);
        return;
    }
    body(out);
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(pos) = a.iter().rposition(|&x| x == addr) {
            a.remove(pos);
        }
    });
}

/// Writes `items` separated by ", " (the body of a list, tuple or set repr).
pub fn repr_items<'a, T: PyValue + 'a>(items: impl IntoIterator<Item = &'a T>, out: &mut String) {
    let mut first = true;
    for x in items {
        if !first {
            out.push_str(", ");
        }
        first = false;
        x.py_repr(out);
    }
}

/// `repr(x)` as a new String.
pub fn repr_string<T: PyValue>(x: &T) -> String {
    let mut s = String::new();
    x.py_repr(&mut s);
    s
}

/// `str(x)` as a new String.
pub fn str_string<T: PyValue>(x: &T) -> String {
    let mut s = String::new();
    x.py_str(&mut s);
    s
}

impl PyValue for i64 {
    fn py_repr(&self, out: &mut String) {
        out.push_str(&repr_int(*self));
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
    fn py_bool(&self) -> bool {
        *self != 0
    }
}

impl PyValue for f64 {
    fn py_repr(&self, out: &mut String) {
        out.push_str(&repr_float(*self));
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
    fn py_bool(&self) -> bool {
        *self != 0.0
    }
}

impl PyValue for bool {
    fn py_repr(&self, out: &mut String) {
        out.push_str(&repr_bool(*self));
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
    fn py_bool(&self) -> bool {
        *self
    }
}

impl PyValue for () {
    fn py_repr(&self, out: &mut String) {
        out.push_str("None");
    }
    fn py_eq(&self, _other: &Self) -> bool {
        true
    }
    fn py_bool(&self) -> bool {
        false
    }
}

impl<T: PyValue> PyValue for Option<T> {
    fn py_repr(&self, out: &mut String) {
        match self {
            Some(v) => v.py_repr(out),
            None => out.push_str("None"),
        }
    }
    fn py_str(&self, out: &mut String) {
        match self {
            Some(v) => v.py_str(out),
            None => out.push_str("None"),
        }
    }
    fn py_eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.py_eq(b),
            (None, None) => true,
            _ => false,
        }
    }
    fn py_bool(&self) -> bool {
        match self {
            Some(v) => v.py_bool(),
            None => false,
        }
    }
}

impl PyOrd for i64 {
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
}

impl PyOrd for f64 {
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
    fn py_le(&self, other: &Self) -> bool {
        self <= other
    }
}

impl PyOrd for bool {
    fn py_lt(&self, other: &Self) -> bool {
        !*self & *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_repr_like_cpython() {
        assert_eq!(repr_string(&3i64), "3");
        assert_eq!(repr_string(&0.1f64), "0.1");
        assert_eq!(repr_string(&true), "True");
        assert_eq!(repr_string(&()), "None");
        assert_eq!(repr_string(&Some(2.0f64)), "2.0");
        assert_eq!(repr_string(&None::<i64>), "None");
    }

    #[test]
    fn repr_guard_prints_cycles_as_cpython() {
        // a list containing itself prints [[...]]: the inner visit of the same object
        let mut out = String::new();
        repr_guarded(42, &mut out, "[...]", |out| {
            out.push('[');
            repr_guarded(42, out, "[...]", |out| out.push_str("never"));
            out.push(']');
        });
        assert_eq!(out, "[[...]]");
        // after leaving, the same object prints normally again
        let mut again = String::new();
        repr_guarded(42, &mut again, "[...]", |out| out.push_str("[]"));
        assert_eq!(again, "[]");
    }

    #[test]
    fn float_comparisons_follow_ieee() {
        assert!(!f64::NAN.py_eq(&f64::NAN));
        assert!(!f64::NAN.py_le(&f64::NAN));
        assert!((-0.0f64).py_eq(&0.0));
    }
}
