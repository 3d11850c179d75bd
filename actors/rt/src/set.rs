//! Python's `set` (a shared, mutable handle) and `frozenset` (immutable,
//! hashable), both over `SetTable`, CPython 3.11's table, so they iterate
//! and print in CPython's order. Binary operations return the type of
//! their left operand, as in Python (`frozenset | set` is a frozenset).

use crate::dict::{dict_contains, dict_keys, Dict};
use crate::err::{raise, Exc, PyErr, PyResult};
use crate::set_table::SetTable;
use crate::value::{repr_guarded, repr_items, repr_string, PyHash, PyOrd, PyValue};
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

pub const POP_EMPTY_SET: &str = "'pop from an empty set'";
pub const SET_CHANGED_SIZE: &str = "Set changed size during iteration";

/// `set[T]`.
pub struct Set<T>(Rc<RefCell<SetTable<T>>>);

impl<T> Clone for Set<T> {
    /// A second name for the same set.
    fn clone(&self) -> Self {
        Set(self.0.clone())
    }
}

struct Frozen<T> {
    table: SetTable<T>,
    hash: Cell<Option<i64>>,
}

/// `frozenset[T]`.
pub struct FrozenSet<T>(Rc<Frozen<T>>);

impl<T> Clone for FrozenSet<T> {
    fn clone(&self) -> Self {
        FrozenSet(self.0.clone())
    }
}

/// What `set` and `frozenset` share: the operations below take either.
pub trait AnySet<T: PyHash>: PyValue {
    /// Runs `f` on the table (a shared borrow; never call user code in `f`).
    fn with_table<R>(&self, f: impl FnOnce(&SetTable<T>) -> R) -> R;
    /// A new value of this type around `table`.
    fn from_table(table: SetTable<T>) -> Self;
    /// Object identity (`a is b`).
    fn addr(&self) -> usize;
}

impl<T: PyHash> AnySet<T> for Set<T> {
    fn with_table<R>(&self, f: impl FnOnce(&SetTable<T>) -> R) -> R {
        f(&self.0.borrow())
    }
    fn from_table(table: SetTable<T>) -> Self {
        Set(Rc::new(RefCell::new(table)))
    }
    fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }
}

impl<T: PyHash> AnySet<T> for FrozenSet<T> {
    fn with_table<R>(&self, f: impl FnOnce(&SetTable<T>) -> R) -> R {
        f(&self.0.table)
    }
    fn from_table(table: SetTable<T>) -> Self {
        FrozenSet(Rc::new(Frozen { table, hash: Cell::new(None) }))
    }
    fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }
}

impl<T: PyHash> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T: PyHash> Set<T> {
    /// `set()`.
    pub fn new() -> Self {
        Set::from_table(SetTable::new())
    }
    /// `{a, b, c}` / `set(iterable)`: adds in order.
    pub fn from_vec(items: Vec<T>) -> Self {
        Set::from_table(SetTable::from_keys(items))
    }
    /// `set(s)` of another set or frozenset.
    pub fn from_set<S: AnySet<T>>(s: &S) -> Self {
        Set::from_table(s.with_table(|t| t.copy()))
    }
    /// `set(d)` of a dict (CPython pre-sizes the table for dicts).
    pub fn from_dict_keys<V: PyValue>(d: &crate::dict::Dict<T, V>) -> Self {
        let keys = d.table().keys_with_hashes();
        let mut t = SetTable::new();
        t.update_from_dict_keys(keys);
        Set::from_table(t)
    }
    /// Read access to the table. Do not hold it across user code.
    pub fn borrow(&self) -> Ref<'_, SetTable<T>> {
        self.0.borrow()
    }
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The members in iteration order (a snapshot).
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().keys().cloned().collect()
    }
    /// `for x in s`: RuntimeError "Set changed size during iteration".
    pub fn iter(&self) -> SetIter<T> {
        SetIter { set: self.clone(), pos: 0, used: self.len(), failed: false }
    }
    pub fn ptr_eq(&self, other: &Set<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: PyHash> FrozenSet<T> {
    /// `frozenset()`.
    pub fn new() -> Self {
        FrozenSet::from_table(SetTable::new())
    }
    /// `frozenset(iterable)`.
    pub fn from_vec(items: Vec<T>) -> Self {
        FrozenSet::from_table(SetTable::from_keys(items))
    }
    /// `frozenset(s)` of a set (a frozenset argument is returned as is).
    pub fn from_set(s: &Set<T>) -> Self {
        FrozenSet::from_table(s.0.borrow().copy())
    }
    pub fn len(&self) -> usize {
        self.0.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The members in iteration order.
    pub fn to_vec(&self) -> Vec<T> {
        self.0.table.keys().cloned().collect()
    }
    pub fn table(&self) -> &SetTable<T> {
        &self.0.table
    }
}

impl<T: PyHash> Default for FrozenSet<T> {
    fn default() -> Self {
        FrozenSet::new()
    }
}

/// The iterator of `for x in s`.
pub struct SetIter<T> {
    set: Set<T>,
    pos: usize,
    used: usize,
    failed: bool,
}

impl<T: PyHash> SetIter<T> {
    /// The next member, `Ok(None)` at the end, or CPython's RuntimeError.
    pub fn next_checked(&mut self) -> PyResult<Option<T>> {
        let t = self.set.0.borrow();
        if self.failed || t.len() != self.used {
            self.failed = true;
            return raise(Exc::RuntimeError, SET_CHANGED_SIZE);
        }
        match t.next_from(self.pos) {
            Some((next, k)) => {
                self.pos = next;
                Ok(Some(k.clone()))
            }
            None => {
                self.pos = usize::MAX;
                Ok(None)
            }
        }
    }
}

impl<T: PyHash> Iterator for SetIter<T> {
    type Item = PyResult<T>;
    fn next(&mut self) -> Option<PyResult<T>> {
        if self.pos == usize::MAX {
            return None;
        }
        self.next_checked().transpose()
    }
}

fn repr_set_body<T: PyHash>(t: &SetTable<T>, out: &mut String) {
    out.push('{');
    repr_items(t.keys(), out);
    out.push('}');
}

impl<T: PyHash> PyValue for Set<T> {
    fn py_repr(&self, out: &mut String) {
        repr_guarded(self.addr(), out, "set(...)", |out| {
            let t = self.0.borrow();
            if t.is_empty() {
                out.push_str("set()");
            } else {
                repr_set_body(&t, out);
            }
        });
    }
    fn py_eq(&self, other: &Self) -> bool {
        set_eq(self, other)
    }
    fn py_bool(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: PyHash> PyValue for FrozenSet<T> {
    fn py_repr(&self, out: &mut String) {
        repr_guarded(self.addr(), out, "frozenset(...)", |out| {
            if self.is_empty() {
                out.push_str("frozenset()");
            } else {
                out.push_str("frozenset(");
                repr_set_body(&self.0.table, out);
                out.push(')');
            }
        });
    }
    fn py_eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        if let (Some(a), Some(b)) = (self.0.hash.get(), other.0.hash.get()) {
            if a != b {
                return false;
            }
        }
        set_eq(self, other)
    }
    fn py_bool(&self) -> bool {
        !self.is_empty()
    }
}

/// Sets order by inclusion (`<` is "proper subset"), so sorting a list of
/// sets makes CPython's comparisons with CPython's (partial-order) results.
impl<T: PyHash> PyOrd for Set<T> {
    fn py_lt(&self, other: &Self) -> bool {
        set_lt(self, other)
    }
    fn py_le(&self, other: &Self) -> bool {
        set_issubset(self, other)
    }
}

impl<T: PyHash> PyOrd for FrozenSet<T> {
    fn py_lt(&self, other: &Self) -> bool {
        set_lt(self, other)
    }
    fn py_le(&self, other: &Self) -> bool {
        set_issubset(self, other)
    }
}

impl<T: PyHash> PyHash for FrozenSet<T> {
    fn py_hash(&self) -> i64 {
        if let Some(h) = self.0.hash.get() {
            return h;
        }
        let h = self.0.table.frozen_hash();
        self.0.hash.set(Some(h));
        h
    }
}

impl<T: PyHash> std::fmt::Debug for Set<T> {
    /// The Python repr.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_string(self))
    }
}

impl<T: PyHash> std::fmt::Debug for FrozenSet<T> {
    /// The Python repr.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_string(self))
    }
}

// ── members ──────────────────────────────────────────────────────────────

/// `s.add(x)`.
pub fn set_add<T: PyHash>(s: &Set<T>, x: T) {
    s.0.borrow_mut().add(x);
}

/// `s.discard(x)`.
pub fn set_discard<T: PyHash>(s: &Set<T>, x: &T) {
    s.0.borrow_mut().discard(x);
}

/// `s.remove(x)`: KeyError with `repr(x)`.
pub fn set_remove<T: PyHash>(s: &Set<T>, x: &T) -> PyResult<()> {
    if s.0.borrow_mut().discard(x) {
        Ok(())
    } else {
        Err(PyErr::new(Exc::KeyError, &repr_string(x)))
    }
}

/// `s.pop()`: KeyError 'pop from an empty set'.
pub fn set_pop<T: PyHash>(s: &Set<T>) -> PyResult<T> {
    let popped = s.0.borrow_mut().pop();
    match popped {
        Some(x) => Ok(x),
        None => raise(Exc::KeyError, POP_EMPTY_SET),
    }
}

/// `x in s`.
pub fn set_contains<T: PyHash, S: AnySet<T>>(s: &S, x: &T) -> bool {
    s.with_table(|t| t.contains(x))
}

/// `len(s)`.
pub fn set_len<T: PyHash, S: AnySet<T>>(s: &S) -> i64 {
    s.with_table(|t| t.len() as i64)
}

/// `s.clear()`.
pub fn set_clear<T: PyHash>(s: &Set<T>) {
    s.0.borrow_mut().clear();
}

/// `s.copy()`.
pub fn set_copy<T: PyHash>(s: &Set<T>) -> Set<T> {
    Set::from_set(s)
}

// ── binary operations (left operand's type) ──────────────────────────────

/// `a | b` / `a.union(b)`.
pub fn set_union<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> A {
    let mut r = a.with_table(|t| t.copy());
    if a.addr() != b.addr() {
        b.with_table(|bt| r.merge(bt));
    }
    A::from_table(r)
}

/// `a & b` / `a.intersection(b)`.
pub fn set_intersection<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> A {
    if a.addr() == b.addr() {
        return A::from_table(a.with_table(|t| t.copy()));
    }
    A::from_table(a.with_table(|at| b.with_table(|bt| at.intersection(bt))))
}

/// `a - b` / `a.difference(b)`.
pub fn set_difference<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> A {
    if a.addr() == b.addr() {
        let mut r = a.with_table(|t| t.copy());
        r.clear();
        return A::from_table(r);
    }
    A::from_table(a.with_table(|at| b.with_table(|bt| at.difference(bt))))
}

/// `a ^ b` / `a.symmetric_difference(b)`: a copy of `b`, updated with `a`.
pub fn set_symmetric_difference<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> A {
    let mut r = b.with_table(|t| t.copy());
    a.with_table(|at| r.symmetric_difference_update(at));
    A::from_table(r)
}

/// `a <= b` / `a.issubset(b)` (`s <= s` holds even with NaN members: CPython
/// finds each member by identity).
pub fn set_issubset<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    a.addr() == b.addr() || a.with_table(|at| b.with_table(|bt| at.issubset(bt)))
}

/// `a >= b` / `a.issuperset(b)`.
pub fn set_issuperset<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    set_issubset(b, a)
}

/// `a < b`.
pub fn set_lt<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    set_len(a) < set_len(b) && set_issubset(a, b)
}

/// `a > b`.
pub fn set_gt<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    set_len(a) > set_len(b) && set_issuperset(a, b)
}

/// `a == b` (a set equals a frozenset with the same members).
pub fn set_eq<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    set_len(a) == set_len(b) && set_issubset(a, b)
}

/// `a.isdisjoint(b)`.
pub fn set_isdisjoint<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    if a.addr() == b.addr() {
        return set_len(a) == 0;
    }
    a.with_table(|at| b.with_table(|bt| at.isdisjoint(bt)))
}

// ── in-place operations (set only) ───────────────────────────────────────

/// `a |= b` / `a.update(b)`.
pub fn set_update<T: PyHash, B: AnySet<T>>(a: &Set<T>, b: &B) {
    if a.addr() == b.addr() {
        return;
    }
    b.with_table(|bt| a.0.borrow_mut().merge(bt));
}

/// `a &= b` / `a.intersection_update(b)`.
pub fn set_intersection_update<T: PyHash, B: AnySet<T>>(a: &Set<T>, b: &B) {
    let r = set_intersection(a, b);
    swap_body(a, r);
}

/// set_swap_bodies: `a` takes `r`'s table (the pop finger stays `a`'s).
fn swap_body<T: PyHash>(a: &Set<T>, r: Set<T>) {
    let table = std::mem::take(&mut *r.0.borrow_mut());
    let mut t = a.0.borrow_mut();
    let finger = t.finger_pos();
    let old = std::mem::replace(&mut *t, table);
    t.set_finger(finger);
    drop(t);
    drop(old);
}

/// `a -= b` / `a.difference_update(b)`.
pub fn set_difference_update<T: PyHash, B: AnySet<T>>(a: &Set<T>, b: &B) {
    if a.addr() == b.addr() {
        set_clear(a);
        return;
    }
    b.with_table(|bt| a.0.borrow_mut().difference_update(bt));
}

/// `a ^= b` / `a.symmetric_difference_update(b)`.
pub fn set_symmetric_difference_update<T: PyHash, B: AnySet<T>>(a: &Set<T>, b: &B) {
    if a.addr() == b.addr() {
        set_clear(a);
        return;
    }
    b.with_table(|bt| a.0.borrow_mut().symmetric_difference_update(bt));
}

// ── methods with an arbitrary iterable (evaluated to a Vec) ──────────────

/// `a.update(iterable)`.
pub fn set_update_items<T: PyHash>(a: &Set<T>, items: Vec<T>) {
    let mut t = a.0.borrow_mut();
    for x in items {
        t.add(x);
    }
}

/// `a.union(iterable)`.
pub fn set_union_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> A {
    let mut r = a.with_table(|t| t.copy());
    for x in items {
        r.add(x);
    }
    A::from_table(r)
}

/// `a.intersection(iterable)`.
pub fn set_intersection_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> A {
    A::from_table(a.with_table(|t| t.intersection_keys(items)))
}

/// `a.intersection_update(iterable)`.
pub fn set_intersection_update_items<T: PyHash>(a: &Set<T>, items: Vec<T>) {
    let r = set_intersection_items(a, items);
    swap_body(a, r);
}

/// `a.difference(iterable)`.
pub fn set_difference_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> A {
    let mut r = a.with_table(|t| t.copy());
    r.difference_update_keys(items);
    A::from_table(r)
}

/// `a.difference_update(iterable)`.
pub fn set_difference_update_items<T: PyHash>(a: &Set<T>, items: Vec<T>) {
    a.0.borrow_mut().difference_update_keys(items);
}

/// `a.symmetric_difference(iterable)`.
pub fn set_symmetric_difference_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> A {
    let mut r = SetTable::from_keys(items);
    a.with_table(|at| r.symmetric_difference_update(at));
    A::from_table(r)
}

/// `a.symmetric_difference_update(iterable)`.
pub fn set_symmetric_difference_update_items<T: PyHash>(a: &Set<T>, items: Vec<T>) {
    let other = SetTable::from_keys(items);
    a.0.borrow_mut().symmetric_difference_update(&other);
}

/// `a.issubset(iterable)`.
pub fn set_issubset_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> bool {
    let common = a.with_table(|t| t.intersection_keys(items));
    common.len() == set_len(a) as usize
}

/// `a.issuperset(iterable)`.
pub fn set_issuperset_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> bool {
    a.with_table(|t| items.iter().all(|x| t.contains(x)))
}

/// `a.isdisjoint(iterable)`.
pub fn set_isdisjoint_items<T: PyHash, A: AnySet<T>>(a: &A, items: Vec<T>) -> bool {
    a.with_table(|t| !items.iter().any(|x| t.contains(x)))
}

// ── methods with a dict argument (CPython has fast paths for exact dicts) ──

/// `a.update(d)` / `set(d)`-style: pre-sized, then the keys in dict order.
pub fn set_update_dict<T: PyHash, V: PyValue>(a: &Set<T>, d: &Dict<T, V>) {
    let keys = d.table().keys_with_hashes();
    a.0.borrow_mut().update_from_dict_keys(keys);
}

/// `a.difference(d)`.
pub fn set_difference_dict<T: PyHash, V: PyValue, A: AnySet<T>>(a: &A, d: &Dict<T, V>) -> A {
    let keys = d.table().keys_with_hashes();
    A::from_table(a.with_table(|t| t.difference_dict(keys, |k| dict_contains(d, k))))
}

/// `a.symmetric_difference_update(d)`.
pub fn set_symmetric_difference_update_dict<T: PyHash, V: PyValue>(a: &Set<T>, d: &Dict<T, V>) {
    let keys = d.table().keys_with_hashes();
    a.0.borrow_mut().symmetric_difference_update_dict(keys);
}

/// `a.intersection(d)` (CPython walks the dict like any iterable).
pub fn set_intersection_dict<T: PyHash, V: PyValue, A: AnySet<T>>(a: &A, d: &Dict<T, V>) -> A {
    set_intersection_items(a, dict_keys(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(repr_string(&Set::<i64>::new()), "set()");
        assert_eq!(repr_string(&FrozenSet::<i64>::new()), "frozenset()");
        assert_eq!(repr_string(&Set::from_vec(vec![2i64, 1])), "{1, 2}");
        assert_eq!(repr_string(&FrozenSet::from_vec(vec![2i64, 1])), "frozenset({1, 2})");
        assert_eq!(repr_string(&Set::from_vec(vec![(1i64, 2.5f64)])), "{(1, 2.5)}");
    }

    #[test]
    fn errors() {
        let s: Set<i64> = Set::new();
        assert_eq!(set_pop(&s).unwrap_err().record(), "KeyError\n'pop from an empty set'");
        assert_eq!(set_remove(&s, &-3).unwrap_err().record(), "KeyError\n-3");
        let s2 = Set::from_vec(vec![(1i64, 2i64)]);
        assert_eq!(set_remove(&s2, &(3, 4)).unwrap_err().message(), "(3, 4)");
    }

    #[test]
    fn operators_keep_left_type_and_identity_rules() {
        let a = Set::from_vec(vec![1i64, 2, 3]);
        let f = FrozenSet::from_vec(vec![2i64, 3, 4]);
        let u = set_union(&f, &a);
        assert_eq!(repr_string(&u), "frozenset({1, 2, 3, 4})");
        assert_eq!(repr_string(&set_difference(&a, &a)), "set()");
        assert!(set_eq(&set_intersection(&a, &f), &FrozenSet::from_vec(vec![3i64, 2])));
        set_symmetric_difference_update(&a, &a.clone());
        assert_eq!(a.len(), 0);
        assert_eq!(f.py_hash(), FrozenSet::from_vec(vec![4i64, 3, 2]).py_hash());
    }

    #[test]
    fn sets_sort_by_inclusion_like_cpython() {
        // sorted([{1, 2}, {3}, {1}]) is [{1, 2}, {3}, {1}] in CPython 3.11 (a partial order)
        let l = crate::list::List::from_vec(vec![Set::from_vec(vec![1i64, 2]), Set::from_vec(vec![3]), Set::from_vec(vec![1])]);
        crate::list::list_sort(&l, false).unwrap();
        assert_eq!(repr_string(&l), "[{1, 2}, {3}, {1}]");
        let l = crate::list::List::from_vec(vec![Set::from_vec(vec![1i64, 2]), Set::from_vec(vec![1])]);
        crate::list::list_sort(&l, false).unwrap();
        assert_eq!(repr_string(&l), "[{1}, {1, 2}]");
    }

    #[test]
    fn same_object_with_nan_equals_itself() {
        let s = Set::from_vec(vec![f64::NAN, 1.0]);
        assert!(set_eq(&s, &s.clone()) && s.py_eq(&s) && set_issubset(&s, &s) && !set_lt(&s, &s));
    }

    #[test]
    fn iteration_detects_size_change() {
        let s = Set::from_vec(vec![1i64, 2, 3]);
        let mut it = s.iter();
        assert_eq!(it.next_checked().unwrap(), Some(1));
        set_add(&s, 9);
        assert_eq!(it.next_checked().unwrap_err().message(), SET_CHANGED_SIZE);
    }
}
