//! Builtins over iterables that generated code calls with the items of its
//! argument (PyIterable::py_items): `len`, `sum`, `min`/`max` of one
//! iterable, `sorted`, `enumerate`, `zip`, and `in` on any iterable, with
//! CPython 3.11's results and messages.

use crate::dict::Dict;
use crate::dict_views::{DictItems, DictKeys, DictValues};
use crate::err::{Exc, PyErr, PyResult};
use crate::int::int_add;
use crate::iterable::PyIterable;
use crate::list::List;
use crate::set::{FrozenSet, Set};
use crate::sort::sort_values;
use crate::str::{str_len, Str};
use crate::tuple::Tuple;
use crate::value::{PyHash, PyOrd, PyValue};

/// `len(x)`.
pub trait PyLen {
    fn py_len(&self) -> i64;
}

pub fn py_len<T: PyLen>(x: &T) -> i64 {
    x.py_len()
}

impl PyLen for Str {
    fn py_len(&self) -> i64 {
        str_len(self)
    }
}
impl<T: PyValue> PyLen for List<T> {
    fn py_len(&self) -> i64 {
        self.len() as i64
    }
}
impl<T: PyValue> PyLen for Tuple<T> {
    fn py_len(&self) -> i64 {
        self.len() as i64
    }
}
impl<K: PyHash, V: PyValue> PyLen for Dict<K, V> {
    fn py_len(&self) -> i64 {
        self.len() as i64
    }
}
impl<K: PyHash, V: PyValue> PyLen for DictKeys<K, V> {
    fn py_len(&self) -> i64 {
        self.0.len() as i64
    }
}
impl<K: PyHash, V: PyValue> PyLen for DictValues<K, V> {
    fn py_len(&self) -> i64 {
        self.0.len() as i64
    }
}
impl<K: PyHash, V: PyValue> PyLen for DictItems<K, V> {
    fn py_len(&self) -> i64 {
        self.0.len() as i64
    }
}
impl<T: PyHash> PyLen for Set<T> {
    fn py_len(&self) -> i64 {
        self.to_vec().len() as i64
    }
}
impl<T: PyHash> PyLen for FrozenSet<T> {
    fn py_len(&self) -> i64 {
        self.to_vec().len() as i64
    }
}

macro_rules! fixed_tuple_len {
    ($n:expr; $($t:ident),+) => {
        impl<$($t),+> PyLen for ($($t,)+) {
            fn py_len(&self) -> i64 {
                $n
            }
        }
    };
}
fixed_tuple_len!(1; A);
fixed_tuple_len!(2; A, B);
fixed_tuple_len!(3; A, B, C);
fixed_tuple_len!(4; A, B, C, D);
fixed_tuple_len!(5; A, B, C, D, E);
fixed_tuple_len!(6; A, B, C, D, E, F);

/// `sum(ints, start)`: OverflowError where the total leaves i64 (a Portalis limit).
pub fn py_sum_int(items: Vec<i64>, start: i64) -> PyResult<i64> {
    let mut total = start;
    for x in items {
        total = int_add(total, x)?;
    }
    Ok(total)
}

/// `sum(floats, start)`: left to right, as CPython 3.11 adds floats.
pub fn py_sum_float(items: Vec<f64>, start: f64) -> f64 {
    let mut total = start;
    for x in items {
        total += x;
    }
    total
}

fn empty_arg(name: &str) -> PyErr {
    PyErr::new(Exc::ValueError, &format!("{}() arg is an empty sequence", name))
}

/// `min(xs)` / `min(xs, default=d)`: the first smallest item, as CPython keeps it.
pub fn py_min<T: PyOrd>(items: Vec<T>, default: Option<T>, name: &str) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = match it.next() {
        Some(x) => x,
        None => return default.ok_or_else(|| empty_arg(name)),
    };
    for x in it {
        if x.py_lt(&best) {
            best = x;
        }
    }
    Ok(best)
}

/// `max(xs)` / `max(xs, default=d)`: the first largest item.
pub fn py_max<T: PyOrd>(items: Vec<T>, default: Option<T>, name: &str) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = match it.next() {
        Some(x) => x,
        None => return default.ok_or_else(|| empty_arg(name)),
    };
    for x in it {
        if best.py_lt(&x) {
            best = x;
        }
    }
    Ok(best)
}

/// `sorted(xs, reverse=...)`: CPython's stable list sort.
pub fn py_sorted<T: PyOrd>(mut items: Vec<T>, reverse: bool) -> PyResult<List<T>> {
    sort_values(&mut items, reverse, |a, b| a.py_lt(b));
    Ok(List::from_vec(items))
}

/// `enumerate(xs, start)`.
pub fn py_enumerate<T>(items: Vec<T>, start: i64) -> Vec<(i64, T)> {
    items.into_iter().enumerate().map(|(i, x)| (start.wrapping_add(i as i64), x)).collect()
}

/// `zip(a, b)`: stops at the shorter.
pub fn py_zip2<A, B>(a: Vec<A>, b: Vec<B>) -> Vec<(A, B)> {
    a.into_iter().zip(b).collect()
}

/// `zip(a, b, c)`.
pub fn py_zip3<A, B, C>(a: Vec<A>, b: Vec<B>, c: Vec<C>) -> Vec<(A, B, C)> {
    a.into_iter().zip(b).zip(c).map(|((x, y), z)| (x, y, z)).collect()
}

/// `x in it` for iterables without a faster test (tuples, ranges, views).
pub fn py_items_contain<I: PyIterable>(it: &I, x: &I::Item) -> bool
where
    I::Item: PyValue,
{
    it.py_items().iter().any(|y| y.py_eq(x))
}

impl<T: PyHash> PyIterable for Set<T> {
    type Item = T;
    fn py_items(&self) -> Vec<T> {
        self.to_vec()
    }
}

impl<T: PyHash> PyIterable for FrozenSet<T> {
    type Item = T;
    fn py_items(&self) -> Vec<T> {
        self.to_vec()
    }
}


macro_rules! homogeneous_tuple_items {
    ($($f:tt),+; $n:expr) => {
        impl<T: Clone> PyIterable for homogeneous_tuple_items!(@ty T; $($f),+) {
            type Item = T;
            fn py_items(&self) -> Vec<T> {
                vec![$(self.$f.clone()),+]
            }
        }
    };
    (@ty $t:ident; $($f:tt),+) => { ($(homogeneous_tuple_items!(@one $t $f),)+) };
    (@one $t:ident $f:tt) => { $t };
}
homogeneous_tuple_items!(0; 1);
homogeneous_tuple_items!(0, 1; 2);
homogeneous_tuple_items!(0, 1, 2; 3);
homogeneous_tuple_items!(0, 1, 2, 3; 4);
homogeneous_tuple_items!(0, 1, 2, 3, 4; 5);
homogeneous_tuple_items!(0, 1, 2, 3, 4, 5; 6);

fn unpack_error(msg: String) -> PyErr {
    PyErr::new(Exc::ValueError, &msg)
}

/// `a, b = xs`: exactly `n` items (ValueError as CPython otherwise).
pub fn unpack_exact<T>(items: Vec<T>, n: usize) -> PyResult<(Vec<T>, Vec<T>)> {
    if items.len() < n {
        return Err(unpack_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
    }
    if items.len() > n {
        return Err(unpack_error(format!("too many values to unpack (expected {})", n)));
    }
    Ok((items, Vec::new()))
}

/// `a, *rest, b = xs`: the fixed items (before and after the starred one) and the middle.
pub fn unpack_starred<T>(mut items: Vec<T>, before: usize, after: usize) -> PyResult<(Vec<T>, Vec<T>)> {
    if items.len() < before + after {
        return Err(unpack_error(format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    items.extend(tail);
    Ok((items, middle))
}

/// `format(x, spec)` for a value without its own `__format__`: its str, and TypeError for a non-empty spec.
pub fn format_object(text: &str, spec: &str, class: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    Err(PyErr::new(Exc::TypeError, &format!("unsupported format string passed to {}.__format__", class)))
}
