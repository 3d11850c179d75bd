//! The `key=` forms of `min`, `max` and `sorted` (builtins.rs has the plain
//! ones), plus `reversed`, `any`, `all` over evaluated items. The key runs
//! once per item, in order; the first of equal keys wins in both `min` and
//! `max`, as in CPython; `sorted` is `list.sort`.

use crate::err::{raise, Exc, PyResult};
use crate::list::{list_sort_by_key, List};
use crate::value::{PyOrd, PyValue};

pub const MAX_EMPTY: &str = "max() arg is an empty sequence";
pub const MIN_EMPTY: &str = "min() arg is an empty sequence";

fn pick<T: PyValue, K: PyOrd>(items: &[T], key: &dyn Fn(&T) -> PyResult<K>, want_max: bool) -> PyResult<Option<T>> {
    let mut best: Option<(usize, K)> = None;
    for (i, x) in items.iter().enumerate() {
        let k = key(x)?;
        let better = match &best {
            None => true,
            Some((_, bk)) => {
                if want_max {
                    k.py_gt(bk)
                } else {
                    k.py_lt(bk)
                }
            }
        };
        if better {
            best = Some((i, k));
        }
    }
    Ok(best.map(|(i, _)| items[i].clone()))
}

/// `max(xs, key=f)`.
pub fn max_by_key<T: PyValue, K: PyOrd>(items: &[T], key: &dyn Fn(&T) -> PyResult<K>) -> PyResult<T> {
    match pick(items, key, true)? {
        Some(x) => Ok(x),
        None => raise(Exc::ValueError, MAX_EMPTY),
    }
}

/// `min(xs, key=f)`.
pub fn min_by_key<T: PyValue, K: PyOrd>(items: &[T], key: &dyn Fn(&T) -> PyResult<K>) -> PyResult<T> {
    match pick(items, key, false)? {
        Some(x) => Ok(x),
        None => raise(Exc::ValueError, MIN_EMPTY),
    }
}

/// `max(xs, key=f, default=d)`.
pub fn max_by_key_or<T: PyValue, K: PyOrd>(items: &[T], key: &dyn Fn(&T) -> PyResult<K>, default: T) -> PyResult<T> {
    Ok(pick(items, key, true)?.unwrap_or(default))
}

/// `min(xs, key=f, default=d)`.
pub fn min_by_key_or<T: PyValue, K: PyOrd>(items: &[T], key: &dyn Fn(&T) -> PyResult<K>, default: T) -> PyResult<T> {
    Ok(pick(items, key, false)?.unwrap_or(default))
}

/// `sorted(xs, key=f, reverse=...)`.
pub fn sorted_by_key<T: PyValue, K: PyOrd>(items: Vec<T>, key: &dyn Fn(&T) -> PyResult<K>, reverse: bool) -> PyResult<List<T>> {
    let l = List::from_vec(items);
    list_sort_by_key(&l, key, reverse)?;
    Ok(l)
}

/// `list(reversed(xs))`.
pub fn reversed_vec<T: Clone>(items: &[T]) -> Vec<T> {
    items.iter().rev().cloned().collect()
}

/// `any(xs)`.
pub fn any_of<T: PyValue>(items: &[T]) -> bool {
    items.iter().any(|x| x.py_bool())
}

/// `all(xs)`.
pub fn all_of<T: PyValue>(items: &[T]) -> bool {
    items.iter().all(|x| x.py_bool())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr_string;

    #[test]
    fn key_forms_like_cpython() {
        // the first of equal keys wins, for max too
        let pairs = [(1i64, 0i64), (1, 1), (0, 2)];
        let key = |p: &(i64, i64)| -> PyResult<i64> { Ok(p.0) };
        assert_eq!(max_by_key(&pairs, &key).unwrap(), (1, 0));
        assert_eq!(min_by_key(&pairs, &key).unwrap(), (0, 2));
        assert_eq!(min_by_key(&pairs[..0], &key).unwrap_err().message(), MIN_EMPTY);
        assert_eq!(max_by_key_or(&pairs[..0], &key, (9, 9)).unwrap(), (9, 9));
        let fkey = |x: &f64| -> PyResult<f64> { Ok(*x) };
        assert!(max_by_key(&[f64::NAN, 1.0], &fkey).unwrap().is_nan());
        assert_eq!(max_by_key(&[1.0, f64::NAN, 2.0], &fkey).unwrap(), 2.0);
        let neg = |x: &i64| -> PyResult<i64> { Ok(-x) };
        assert_eq!(repr_string(&sorted_by_key(vec![1i64, 3, 2], &neg, false).unwrap()), "[3, 2, 1]");
        assert!(any_of(&[0i64, 2]) && !all_of(&[0i64, 2]));
    }
}
