//! Python's `list`: a shared, mutable handle (`Rc<RefCell<Vec<T>>>`), so
//! `b = a` aliases as in Python. The `list_*` functions are the operations
//! generated code calls, with CPython 3.11's results and exceptions. No
//! RefCell borrow is held while user code runs (key functions).

use crate::err::{raise, Exc, PyErr, PyResult};
use crate::slice::{seq_index, slice_indices, slice_positions};
use crate::sort::{permute, sort_order};
use crate::value::{repr_guarded, repr_items, repr_string, PyOrd, PyValue};
use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

pub const LIST_INDEX: &str = "list index out of range";
pub const LIST_ASSIGN_INDEX: &str = "list assignment index out of range";
pub const POP_EMPTY_LIST: &str = "pop from empty list";
pub const POP_INDEX: &str = "pop index out of range";
pub const LIST_REMOVE_MISSING: &str = "list.remove(x): x not in list";
pub const LIST_MODIFIED_DURING_SORT: &str = "list modified during sort";

/// `list[T]`.
pub struct List<T>(Rc<RefCell<Vec<T>>>);

impl<T> Clone for List<T> {
    /// A second name for the same list (Python assignment).
    fn clone(&self) -> Self {
        List(self.0.clone())
    }
}

impl<T: PyValue> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T: PyValue> List<T> {
    /// `[]`.
    pub fn new() -> List<T> {
        List(Rc::new(RefCell::new(Vec::new())))
    }
    /// `[a, b, c]`.
    pub fn from_vec(v: Vec<T>) -> List<T> {
        List(Rc::new(RefCell::new(v)))
    }
    /// Read access to the items. Do not hold it across a call into user code.
    pub fn borrow(&self) -> Ref<'_, Vec<T>> {
        self.0.borrow()
    }
    /// Write access to the items. Do not hold it across a call into user code.
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<T>> {
        self.0.borrow_mut()
    }
    /// `len(xs)`.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `i` (0-based, no negative indexing), for `for x in xs` (which
    /// CPython runs by index, re-reading the length each step).
    pub fn get_cloned(&self, i: usize) -> Option<T> {
        self.0.borrow().get(i).cloned()
    }
    /// A copy of the items (`list(xs)`).
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().clone()
    }
    /// `a is b`.
    pub fn ptr_eq(&self, other: &List<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
    /// `for x in xs`: yields items by index, seeing appends made during the loop as CPython does.
    pub fn iter(&self) -> ListIter<T> {
        ListIter { list: self.clone(), pos: 0 }
    }
    fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }
}

/// The iterator of `for x in xs`.
pub struct ListIter<T> {
    list: List<T>,
    pos: usize,
}

impl<T: PyValue> Iterator for ListIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        let x = self.list.get_cloned(self.pos)?;
        self.pos += 1;
        Some(x)
    }
}

impl<T: PyValue> PyValue for List<T> {
    fn py_repr(&self, out: &mut String) {
        repr_guarded(self.addr(), out, "[...]", |out| {
            // repr never runs user code or mutates, so a shared borrow is safe
            // (a nested visit of this list stops at the guard).
            let items = self.0.borrow();
            out.push('[');
            repr_items(items.iter(), out);
            out.push(']');
        });
    }
    fn py_eq(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.py_eq(y))
    }
    fn py_bool(&self) -> bool {
        !self.is_empty()
    }
}

/// `a < b` / `a <= b` for sequences: the first unequal items decide, else the lengths.
pub fn seq_cmp<T: PyOrd>(a: &[T], b: &[T], or_equal: bool) -> bool {
    for (x, y) in a.iter().zip(b.iter()) {
        if !x.py_eq(y) {
            return if or_equal { x.py_le(y) } else { x.py_lt(y) };
        }
    }
    if or_equal {
        a.len() <= b.len()
    } else {
        a.len() < b.len()
    }
}

impl<T: PyOrd> PyOrd for List<T> {
    fn py_lt(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return false;
        }
        seq_cmp(&self.0.borrow(), &other.0.borrow(), false)
    }
    fn py_le(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        seq_cmp(&self.0.borrow(), &other.0.borrow(), true)
    }
}

/// `xs[i]`.
pub fn list_getitem<T: PyValue>(xs: &List<T>, i: i64) -> PyResult<T> {
    let v = xs.0.borrow();
    match seq_index(v.len(), i) {
        Some(j) => Ok(v[j].clone()),
        None => raise(Exc::IndexError, LIST_INDEX),
    }
}

/// `xs[i] = x`.
pub fn list_setitem<T: PyValue>(xs: &List<T>, i: i64, x: T) -> PyResult<()> {
    let mut v = xs.0.borrow_mut();
    match seq_index(v.len(), i) {
        Some(j) => {
            let old = std::mem::replace(&mut v[j], x);
            drop(v);
            drop(old);
            Ok(())
        }
        None => raise(Exc::IndexError, LIST_ASSIGN_INDEX),
    }
}

/// `del xs[i]`.
pub fn list_delitem<T: PyValue>(xs: &List<T>, i: i64) -> PyResult<()> {
    let mut v = xs.0.borrow_mut();
    match seq_index(v.len(), i) {
        Some(j) => {
            let old = v.remove(j);
            drop(v);
            drop(old);
            Ok(())
        }
        None => raise(Exc::IndexError, LIST_ASSIGN_INDEX),
    }
}

/// `xs[start:stop:step]`.
pub fn list_getslice<T: PyValue>(xs: &List<T>, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<List<T>> {
    let v = xs.0.borrow();
    let (b, _, s, n) = slice_indices(v.len(), start, stop, step)?;
    Ok(List::from_vec(slice_positions(b, s, n).map(|i| v[i].clone()).collect()))
}

/// `xs[start:stop:step] = items` (items already evaluated: `a[:] = a` is safe).
/// ValueError "attempt to assign sequence of size N to extended slice of size M".
pub fn list_setslice<T: PyValue>(xs: &List<T>, start: Option<i64>, stop: Option<i64>, step: Option<i64>, items: Vec<T>) -> PyResult<()> {
    let mut v = xs.0.borrow_mut();
    let (b, e, s, n) = slice_indices(v.len(), start, stop, step)?;
    if s == 1 {
        let b = b as usize;
        let e = if (e as usize) < b { b } else { e as usize };
        let removed: Vec<T> = v.splice(b..e, items).collect();
        drop(v);
        drop(removed);
        return Ok(());
    }
    if items.len() != n {
        return raise(
            Exc::ValueError,
            &format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), n),
        );
    }
    let mut old = Vec::with_capacity(n);
    for (pos, x) in slice_positions(b, s, n).zip(items) {
        old.push(std::mem::replace(&mut v[pos], x));
    }
    drop(v);
    drop(old);
    Ok(())
}

/// `del xs[start:stop:step]`.
pub fn list_delslice<T: PyValue>(xs: &List<T>, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<()> {
    let mut v = xs.0.borrow_mut();
    let (b, _, s, n) = slice_indices(v.len(), start, stop, step)?;
    if n == 0 {
        return Ok(());
    }
    let mut doomed = vec![false; v.len()];
    for i in slice_positions(b, s, n) {
        doomed[i] = true;
    }
    let old = std::mem::take(&mut *v);
    let mut removed = Vec::with_capacity(n);
    for (i, x) in old.into_iter().enumerate() {
        if doomed[i] {
            removed.push(x);
        } else {
            v.push(x);
        }
    }
    drop(v);
    drop(removed);
    Ok(())
}

/// `xs.append(x)`.
pub fn list_append<T: PyValue>(xs: &List<T>, x: T) {
    xs.0.borrow_mut().push(x);
}

/// `xs.extend(items)` / `xs += items` (items already evaluated).
pub fn list_extend<T: PyValue>(xs: &List<T>, items: Vec<T>) {
    if !items.is_empty() {
        xs.0.borrow_mut().extend(items);
    }
}

/// `xs.extend(ys)` / `xs += ys` for a list argument (`xs += xs` doubles it).
pub fn list_extend_list<T: PyValue>(xs: &List<T>, ys: &List<T>) {
    let items = ys.to_vec();
    list_extend(xs, items);
}

/// `xs.insert(i, x)`: clamps `i` like CPython.
pub fn list_insert<T: PyValue>(xs: &List<T>, i: i64, x: T) {
    let mut v = xs.0.borrow_mut();
    let n = v.len() as i64;
    let mut w = i;
    if w < 0 {
        w = w.saturating_add(n);
        if w < 0 {
            w = 0;
        }
    }
    if w > n {
        w = n;
    }
    v.insert(w as usize, x);
}

/// `xs.pop()` / `xs.pop(i)`.
pub fn list_pop<T: PyValue>(xs: &List<T>, i: Option<i64>) -> PyResult<T> {
    let mut v = xs.0.borrow_mut();
    if v.is_empty() {
        return raise(Exc::IndexError, POP_EMPTY_LIST);
    }
    match seq_index(v.len(), i.unwrap_or(-1)) {
        Some(j) => Ok(v.remove(j)),
        None => raise(Exc::IndexError, POP_INDEX),
    }
}

/// `xs.remove(x)`.
pub fn list_remove<T: PyValue>(xs: &List<T>, x: &T) -> PyResult<()> {
    let mut v = xs.0.borrow_mut();
    match v.iter().position(|y| y.py_eq(x)) {
        Some(j) => {
            let old = v.remove(j);
            drop(v);
            drop(old);
            Ok(())
        }
        None => raise(Exc::ValueError, LIST_REMOVE_MISSING),
    }
}

/// Clamps `index`'s start/stop arguments as CPython's `list.index` and `tuple.index` do.
pub fn index_bounds(len: usize, start: Option<i64>, stop: Option<i64>) -> (usize, usize) {
    let n = len as i64;
    let fix = |v: i64| -> i64 {
        if v < 0 {
            let w = v.saturating_add(n);
            if w < 0 {
                0
            } else {
                w
            }
        } else {
            v
        }
    };
    let b = fix(start.unwrap_or(0));
    let e = fix(stop.unwrap_or(i64::MAX)).min(n);
    (b.min(n) as usize, e as usize)
}

/// `xs.index(x[, start[, stop]])`: ValueError "<repr(x)> is not in list".
pub fn list_index<T: PyValue>(xs: &List<T>, x: &T, start: Option<i64>, stop: Option<i64>) -> PyResult<i64> {
    let v = xs.0.borrow();
    let (b, e) = index_bounds(v.len(), start, stop);
    for i in b..e {
        if v[i].py_eq(x) {
            return Ok(i as i64);
        }
    }
    Err(PyErr::new(Exc::ValueError, &format!("{} is not in list", repr_string(x))))
}

/// `xs.count(x)`.
pub fn list_count<T: PyValue>(xs: &List<T>, x: &T) -> i64 {
    xs.0.borrow().iter().filter(|y| y.py_eq(x)).count() as i64
}

/// `x in xs`.
pub fn list_contains<T: PyValue>(xs: &List<T>, x: &T) -> bool {
    xs.0.borrow().iter().any(|y| y.py_eq(x))
}

/// `xs.reverse()`.
pub fn list_reverse<T: PyValue>(xs: &List<T>) {
    xs.0.borrow_mut().reverse();
}

/// `xs.copy()` / `xs[:]` / `list(xs)`.
pub fn list_copy<T: PyValue>(xs: &List<T>) -> List<T> {
    List::from_vec(xs.to_vec())
}

/// `xs.clear()`.
pub fn list_clear<T: PyValue>(xs: &List<T>) {
    let old = std::mem::take(&mut *xs.0.borrow_mut());
    drop(old);
}

/// `a + b`.
pub fn list_concat<T: PyValue>(a: &List<T>, b: &List<T>) -> List<T> {
    let mut v = a.to_vec();
    v.extend(b.0.borrow().iter().cloned());
    List::from_vec(v)
}

/// `xs * n` (n <= 0 gives `[]`).
pub fn list_repeat<T: PyValue>(xs: &List<T>, n: i64) -> List<T> {
    List::from_vec(repeat_items(&xs.0.borrow(), n))
}

/// `xs *= n`.
pub fn list_inplace_repeat<T: PyValue>(xs: &List<T>, n: i64) {
    let v = repeat_items(&xs.0.borrow(), n);
    let old = std::mem::replace(&mut *xs.0.borrow_mut(), v);
    drop(old);
}

pub(crate) fn repeat_items<T: Clone>(items: &[T], n: i64) -> Vec<T> {
    if n <= 0 || items.is_empty() {
        return Vec::new();
    }
    let mut v = Vec::with_capacity(items.len() * n as usize);
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    v
}

/// `a == b`, `a != b`, `a < b`, `a <= b`, `a > b`, `a >= b` for lists.
pub fn list_eq<T: PyValue>(a: &List<T>, b: &List<T>) -> bool {
    a.py_eq(b)
}
pub fn list_lt<T: PyOrd>(a: &List<T>, b: &List<T>) -> bool {
    a.py_lt(b)
}
pub fn list_le<T: PyOrd>(a: &List<T>, b: &List<T>) -> bool {
    a.py_le(b)
}
pub fn list_gt<T: PyOrd>(a: &List<T>, b: &List<T>) -> bool {
    b.py_lt(a)
}
pub fn list_ge<T: PyOrd>(a: &List<T>, b: &List<T>) -> bool {
    b.py_le(a)
}

/// Puts the sorted items back; ValueError if user code changed the list meanwhile
/// (CPython empties the list during the sort and checks it is still untouched).
fn restore_after_sort<T: PyValue>(xs: &List<T>, items: Vec<T>, ok: bool) -> PyResult<()> {
    let during = std::mem::replace(&mut *xs.0.borrow_mut(), items);
    let modified = during.capacity() != 0;
    drop(during);
    if modified && ok {
        return raise(Exc::ValueError, LIST_MODIFIED_DURING_SORT);
    }
    Ok(())
}

/// `xs.sort(reverse=...)`.
pub fn list_sort<T: PyOrd>(xs: &List<T>, reverse: bool) -> PyResult<()> {
    let mut items = std::mem::take(&mut *xs.0.borrow_mut());
    let order = {
        let v = &items;
        sort_order(v.len(), reverse, &mut |i, j| v[i].py_lt(&v[j]))
    };
    permute(&mut items, &order);
    restore_after_sort(xs, items, true)
}

/// `xs.sort(key=f, reverse=...)`: `f` runs once per item, in order, while the
/// list looks empty (as in CPython); an exception from `f` leaves the list as it was.
pub fn list_sort_by_key<T: PyValue, K: PyOrd>(xs: &List<T>, key: &dyn Fn(&T) -> PyResult<K>, reverse: bool) -> PyResult<()> {
    let mut items = std::mem::take(&mut *xs.0.borrow_mut());
    let mut keys = Vec::with_capacity(items.len());
    for x in items.iter() {
        match key(x) {
            Ok(k) => keys.push(k),
            Err(e) => {
                restore_after_sort(xs, items, false)?;
                return Err(e);
            }
        }
    }
    let order = sort_order(keys.len(), reverse, &mut |i, j| keys[i].py_lt(&keys[j]));
    drop(keys);
    permute(&mut items, &order);
    restore_after_sort(xs, items, true)
}

impl<T: PyValue> std::fmt::Debug for List<T> {
    /// The Python repr.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_string(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(v: &[i64]) -> List<i64> {
        List::from_vec(v.to_vec())
    }

    #[test]
    fn aliasing_and_basic_ops() {
        let a = l(&[1, 2, 3]);
        let b = a.clone();
        list_append(&b, 4);
        assert_eq!(repr_string(&a), "[1, 2, 3, 4]");
        assert_eq!(list_getitem(&a, -1).unwrap(), 4);
        assert_eq!(list_getitem(&a, 4).unwrap_err().message(), LIST_INDEX);
        assert_eq!(list_setitem(&a, -5, 0).unwrap_err().message(), LIST_ASSIGN_INDEX);
        assert_eq!(list_pop(&a, None).unwrap(), 4);
        assert_eq!(list_pop(&a, Some(7)).unwrap_err().message(), POP_INDEX);
        assert_eq!(list_pop(&List::<i64>::new(), None).unwrap_err().message(), POP_EMPTY_LIST);
        assert_eq!(list_index(&a, &5, None, None).unwrap_err().message(), "5 is not in list");
        assert_eq!(repr_string(&List::<List<f64>>::from_vec(vec![List::new()])), "[[]]");
    }

    #[test]
    fn slices() {
        let a = l(&[0, 1, 2, 3, 4, 5]);
        list_setslice(&a, Some(1), Some(3), None, vec![9, 9, 9]).unwrap();
        assert_eq!(repr_string(&a), "[0, 9, 9, 9, 3, 4, 5]");
        let e = list_setslice(&a, None, None, Some(2), vec![1, 2]).unwrap_err();
        assert_eq!(e.message(), "attempt to assign sequence of size 2 to extended slice of size 4");
        list_delslice(&a, None, None, Some(-2)).unwrap();
        assert_eq!(repr_string(&a), "[9, 9, 4]");
        list_setslice(&a, Some(5), Some(1), None, vec![7]).unwrap();
        assert_eq!(repr_string(&a), "[9, 9, 4, 7]");
    }

    #[test]
    fn sort_detects_modification() {
        let a = l(&[3, 1, 2]);
        let a2 = a.clone();
        let seen = std::cell::Cell::new(usize::MAX);
        let key = |x: &i64| -> PyResult<i64> {
            if seen.get() == usize::MAX {
                seen.set(a2.len()); // the list looks empty during the sort
            }
            list_append(&a2, 0);
            Ok(*x)
        };
        let e = list_sort_by_key(&a, &key, false).unwrap_err();
        assert_eq!(e.message(), LIST_MODIFIED_DURING_SORT);
        assert_eq!(repr_string(&a), "[1, 2, 3]");
        assert_eq!(seen.get(), 0);
    }

    #[test]
    fn key_error_leaves_the_list_unchanged() {
        let a = l(&[3, 1, 2]);
        let key = |x: &i64| -> PyResult<i64> {
            if *x == 1 {
                raise(Exc::ZeroDivisionError, "division by zero")
            } else {
                Ok(*x)
            }
        };
        let e = list_sort_by_key(&a, &key, true).unwrap_err();
        assert_eq!(e.record(), "ZeroDivisionError\ndivision by zero");
        assert_eq!(repr_string(&a), "[3, 1, 2]");
        // reverse keeps equal keys in their original order (stable)
        let b = List::from_vec(vec![(1i64, 0i64), (0, 1), (1, 2), (0, 3)]);
        let first = |p: &(i64, i64)| -> PyResult<i64> { Ok(p.0) };
        list_sort_by_key(&b, &first, true).unwrap();
        assert_eq!(repr_string(&b), "[(1, 0), (1, 2), (0, 1), (0, 3)]");
    }

    #[test]
    fn sort_with_nan_keeps_cpython_order() {
        // sorted([3.0, nan, 1.0, 2.0]) == [3.0, nan, 1.0, 2.0] in CPython 3.11
        let a = List::from_vec(vec![3.0, f64::NAN, 1.0, 2.0]);
        list_sort(&a, false).unwrap();
        assert_eq!(repr_string(&a), "[3.0, nan, 1.0, 2.0]");
    }
}
