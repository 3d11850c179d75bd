//! Python's `dict`: a shared, mutable handle over an insertion-ordered hash
//! table (entries in insertion order, holes where keys were deleted, and
//! an open-addressing index over them, as CPython's compact dict).
//! Equal keys keep the first key object (`d[0.0] = 1; d[-0.0] = 2` prints
//! `{0.0: 2}`); iteration raises RuntimeError when the size changes.

use crate::err::{raise, Exc, PyErr, PyResult};
use crate::value::{repr_guarded, repr_string, PyHash, PyValue};
use std::cell::{Ref, RefCell};
use std::rc::Rc;

pub const POPITEM_EMPTY_DICT: &str = "'popitem(): dictionary is empty'";
pub const DICT_CHANGED_SIZE: &str = "dictionary changed size during iteration";
pub const DICT_KEYS_CHANGED: &str = "dictionary keys changed during iteration";

const EMPTY: isize = -1;
const DUMMY: isize = -2;
const MIN_SIZE: usize = 8;

fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// The table behind a `Dict`.
pub struct DictTable<K, V> {
    entries: Vec<Option<(i64, K, V)>>,
    index: Vec<isize>,
    used: usize,
    /// New entries the index takes before it is rebuilt (CPython's
    /// `dk_usable`: 2/3 of the slots, never given back by deletions).
    usable: usize,
}

impl<K: PyHash, V: PyValue> DictTable<K, V> {
    fn new() -> Self {
        DictTable { entries: Vec::new(), index: vec![EMPTY; MIN_SIZE], used: 0, usable: usable_fraction(MIN_SIZE) }
    }

    /// (slot in `index`, entry number) of `key`, or the first empty slot.
    fn find(&self, key: &K, hash: i64) -> (usize, Option<usize>) {
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.index[i];
            if ix == EMPTY {
                return (i, None);
            }
            if ix >= 0 {
                if let Some((h, k, _)) = &self.entries[ix as usize] {
                    if *h == hash && k.py_eq(key) {
                        return (i, Some(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn lookup(&self, key: &K) -> Option<usize> {
        self.find(key, key.py_hash()).1
    }

    /// CPython's insertion_resize: compacts the entries into an index
    /// sized for `used * 3`.
    fn rebuild(&mut self) {
        self.resize_for(self.used * 3);
    }

    /// CPython's dictresize(calculate_log2_keysize(minsize)): live entries
    /// move to the front, in order. The size is CPython's formula, not a
    /// plain round-up: `2 ** bit_length(((minsize | 8) - 1) | 7)` (so 6 gives 16).
    fn resize_for(&mut self, minsize: usize) {
        let x = (((minsize | MIN_SIZE) - 1) | (MIN_SIZE - 1)) as u64;
        let size = 1usize << (64 - x.leading_zeros());
        let old = std::mem::take(&mut self.entries);
        self.entries = old.into_iter().flatten().map(Some).collect();
        self.index = vec![EMPTY; size];
        let mask = size - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let hash = e.as_ref().map(|e| e.0).unwrap_or(0);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while self.index[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            self.index[i] = n as isize;
        }
        self.usable = usable_fraction(size) - self.entries.len();
    }

    /// Inserts or replaces; returns the old value.
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        let hash = key.py_hash();
        let (mut slot, found) = self.find(&key, hash);
        if let Some(n) = found {
            let e = self.entries[n].as_mut().expect("live entry");
            return Some(std::mem::replace(&mut e.2, value));
        }
        if self.usable == 0 {
            self.rebuild();
            slot = self.find(&key, hash).0;
        }
        self.index[slot] = self.entries.len() as isize;
        self.entries.push(Some((hash, key, value)));
        self.used += 1;
        self.usable -= 1;
        None
    }

    /// `d.update(other)` for a distinct dict, as CPython's dict_merge: an
    /// empty target clones a compact source; otherwise one resize up front
    /// when the source is larger than the target's usable size.
    fn merge(&mut self, other: &DictTable<K, V>) -> Vec<Option<V>> {
        if other.used == 0 {
            return Vec::new();
        }
        if self.used == 0
            && other.used == other.entries.len()
            && (other.index.len() == MIN_SIZE || usable_fraction(other.index.len() / 2) < other.used)
        {
            let old = std::mem::replace(self, other.clone_table());
            drop(old);
            return Vec::new();
        }
        if usable_fraction(self.index.len()) < other.used {
            self.resize_for(((self.used + other.used) * 3 + 1) / 2);
        }
        other.live().map(|(_, k, v)| self.insert(k.clone(), v.clone())).collect()
    }

    fn clone_table(&self) -> DictTable<K, V> {
        DictTable { entries: self.entries.clone(), index: self.index.clone(), used: self.used, usable: self.usable }
    }

    fn remove(&mut self, key: &K) -> Option<(K, V)> {
        let hash = key.py_hash();
        let (slot, found) = self.find(key, hash);
        let n = found?;
        self.index[slot] = DUMMY;
        self.used -= 1;
        let (_, k, v) = self.entries[n].take().expect("live entry");
        Some((k, v))
    }

    fn live(&self) -> impl Iterator<Item = &(i64, K, V)> {
        self.entries.iter().flatten()
    }
}

/// `dict[K, V]`.
pub struct Dict<K, V>(Rc<RefCell<DictTable<K, V>>>);

impl<K, V> Clone for Dict<K, V> {
    /// A second name for the same dict.
    fn clone(&self) -> Self {
        Dict(self.0.clone())
    }
}

impl<K: PyHash, V: PyValue> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K: PyHash, V: PyValue> Dict<K, V> {
    /// `{}`.
    pub fn new() -> Self {
        Dict(Rc::new(RefCell::new(DictTable::new())))
    }
    /// `{k1: v1, k2: v2}` (a display): CPython presizes the table for more
    /// than 5 items; later duplicates replace the value.
    pub fn from_literal(pairs: Vec<(K, V)>) -> Self {
        let d = Dict::new();
        if pairs.len() > 5 {
            d.0.borrow_mut().resize_for((pairs.len() * 3 + 1) / 2);
        }
        dict_update_pairs(&d, pairs);
        d
    }
    /// `dict(pairs)` / a dict comprehension: one insertion per pair.
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let d = Dict::new();
        {
            let mut t = d.0.borrow_mut();
            for (k, v) in pairs {
                t.insert(k, v);
            }
        }
        d
    }
    /// `len(d)`.
    pub fn len(&self) -> usize {
        self.0.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `a is b`.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
    /// Read access to the table (for `Set::from_dict_keys`).
    pub fn table(&self) -> Ref<'_, DictTable<K, V>> {
        self.0.borrow()
    }
    /// `for k in d`: RuntimeError if the dict changes size during the loop.
    pub fn iter_keys(&self) -> DictIter<K, V, K> {
        DictIter::new(self, |k, _| k.clone())
    }
    /// `for v in d.values()`.
    pub fn iter_values(&self) -> DictIter<K, V, V> {
        DictIter::new(self, |_, v| v.clone())
    }
    /// `for k, v in d.items()`.
    pub fn iter_items(&self) -> DictIter<K, V, (K, V)> {
        DictIter::new(self, |k, v| (k.clone(), v.clone()))
    }
    fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }
}

impl<K: PyHash, V: PyValue> DictTable<K, V> {
    /// Keys with their stored hashes, in iteration order.
    pub fn keys_with_hashes(&self) -> Vec<(i64, K)> {
        self.live().map(|(h, k, _)| (*h, k.clone())).collect()
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
}

/// A checked `for` over a dict (keys, values or items).
pub struct DictIter<K, V, R> {
    dict: Dict<K, V>,
    pos: usize,
    used: usize,
    left: usize,
    failed: bool,
    project: fn(&K, &V) -> R,
}

impl<K: PyHash, V: PyValue, R> DictIter<K, V, R> {
    fn new(d: &Dict<K, V>, project: fn(&K, &V) -> R) -> Self {
        let used = d.len();
        DictIter { dict: d.clone(), pos: 0, used, left: used, failed: false, project }
    }
    /// The next item, `Ok(None)` at the end, or CPython's RuntimeError.
    pub fn next_checked(&mut self) -> PyResult<Option<R>> {
        if self.failed {
            return raise(Exc::RuntimeError, DICT_CHANGED_SIZE);
        }
        let t = self.dict.0.borrow();
        if t.used != self.used {
            self.failed = true;
            return raise(Exc::RuntimeError, DICT_CHANGED_SIZE);
        }
        while self.pos < t.entries.len() {
            let i = self.pos;
            self.pos += 1;
            if let Some((_, k, v)) = &t.entries[i] {
                if self.left == 0 {
                    self.failed = true;
                    return raise(Exc::RuntimeError, DICT_KEYS_CHANGED);
                }
                self.left -= 1;
                return Ok(Some((self.project)(k, v)));
            }
        }
        Ok(None)
    }
}

impl<K: PyHash, V: PyValue, R> Iterator for DictIter<K, V, R> {
    type Item = PyResult<R>;
    fn next(&mut self) -> Option<PyResult<R>> {
        self.next_checked().transpose()
    }
}

impl<K: PyHash, V: PyValue> PyValue for Dict<K, V> {
    fn py_repr(&self, out: &mut String) {
        repr_guarded(self.addr(), out, "{...}", |out| {
            let t = self.0.borrow();
            out.push('{');
            for (n, (_, k, v)) in t.live().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                k.py_repr(out);
                out.push_str(": ");
                v.py_repr(out);
            }
            out.push('}');
        });
    }
    fn py_eq(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        if a.used != b.used {
            return false;
        }
        let same = a.live().all(|(h, k, v)| match b.find(k, *h).1 {
            Some(n) => b.entries[n].as_ref().map(|e| e.2.py_eq(v)).unwrap_or(false),
            None => false,
        });
        same
    }
    fn py_bool(&self) -> bool {
        !self.is_empty()
    }
}

fn key_error<K: PyValue>(k: &K) -> PyErr {
    PyErr::new(Exc::KeyError, &repr_string(k))
}

/// `d[k]`: KeyError with `repr(k)`.
pub fn dict_getitem<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K) -> PyResult<V> {
    let t = d.0.borrow();
    match t.lookup(k) {
        Some(n) => Ok(t.entries[n].as_ref().expect("live entry").2.clone()),
        None => Err(key_error(k)),
    }
}

/// `d[k] = v`.
pub fn dict_setitem<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: K, v: V) {
    let old = d.0.borrow_mut().insert(k, v);
    drop(old);
}

/// `del d[k]`.
pub fn dict_delitem<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K) -> PyResult<()> {
    let old = d.0.borrow_mut().remove(k);
    match old {
        Some(_) => Ok(()),
        None => Err(key_error(k)),
    }
}

/// `d.get(k)`.
pub fn dict_get<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K) -> Option<V> {
    let t = d.0.borrow();
    t.lookup(k).map(|n| t.entries[n].as_ref().expect("live entry").2.clone())
}

/// `d.get(k, default)`.
pub fn dict_get_or<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K, default: V) -> V {
    dict_get(d, k).unwrap_or(default)
}

/// `d.setdefault(k, default)`.
pub fn dict_setdefault<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: K, default: V) -> V {
    if let Some(v) = dict_get(d, &k) {
        return v;
    }
    d.0.borrow_mut().insert(k, default.clone());
    default
}

/// `k in d`.
pub fn dict_contains<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K) -> bool {
    d.0.borrow().lookup(k).is_some()
}

/// `len(d)`.
pub fn dict_len<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> i64 {
    d.len() as i64
}

/// `d.pop(k)`: KeyError with `repr(k)`.
pub fn dict_pop<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K) -> PyResult<V> {
    let old = d.0.borrow_mut().remove(k);
    match old {
        Some((_, v)) => Ok(v),
        None => Err(key_error(k)),
    }
}

/// `d.pop(k, default)`.
pub fn dict_pop_or<K: PyHash, V: PyValue>(d: &Dict<K, V>, k: &K, default: V) -> V {
    let old = d.0.borrow_mut().remove(k);
    match old {
        Some((_, v)) => v,
        None => default,
    }
}

/// `d.popitem()`: the last inserted pair; KeyError 'popitem(): dictionary is empty'.
pub fn dict_popitem<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> PyResult<(K, V)> {
    let mut t = d.0.borrow_mut();
    if t.used == 0 {
        return raise(Exc::KeyError, POPITEM_EMPTY_DICT);
    }
    while let Some(last) = t.entries.pop() {
        if let Some((h, k, v)) = last {
            // clear the index slot that pointed at this entry
            let n = t.entries.len();
            let mask = t.index.len() - 1;
            let mut perturb = h as u64;
            let mut i = (h as u64 as usize) & mask;
            while t.index[i] != n as isize {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            t.index[i] = DUMMY;
            t.used -= 1;
            return Ok((k, v));
        }
    }
    raise(Exc::KeyError, POPITEM_EMPTY_DICT)
}

/// `d.update(other)` / `d |= other`.
pub fn dict_update<K: PyHash, V: PyValue>(d: &Dict<K, V>, other: &Dict<K, V>) {
    if d.ptr_eq(other) {
        return;
    }
    let old = d.0.borrow_mut().merge(&other.0.borrow());
    drop(old);
}

/// `d.update(pairs)`.
pub fn dict_update_pairs<K: PyHash, V: PyValue>(d: &Dict<K, V>, pairs: Vec<(K, V)>) {
    let mut old = Vec::new();
    {
        let mut t = d.0.borrow_mut();
        for (k, v) in pairs {
            old.push(t.insert(k, v));
        }
    }
    drop(old);
}

/// `a | b`.
pub fn dict_or<K: PyHash, V: PyValue>(a: &Dict<K, V>, b: &Dict<K, V>) -> Dict<K, V> {
    let d = dict_copy(a);
    dict_update(&d, b);
    d
}

/// `list(d)` / `list(d.keys())`.
pub fn dict_keys<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> Vec<K> {
    d.0.borrow().live().map(|e| e.1.clone()).collect()
}

/// `list(d.values())`.
pub fn dict_values<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> Vec<V> {
    d.0.borrow().live().map(|e| e.2.clone()).collect()
}

/// `list(d.items())`.
pub fn dict_items<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> Vec<(K, V)> {
    d.0.borrow().live().map(|e| (e.1.clone(), e.2.clone())).collect()
}

/// `a == b`.
pub fn dict_eq<K: PyHash, V: PyValue>(a: &Dict<K, V>, b: &Dict<K, V>) -> bool {
    a.py_eq(b)
}

/// `d.clear()`.
pub fn dict_clear<K: PyHash, V: PyValue>(d: &Dict<K, V>) {
    let old = std::mem::replace(&mut *d.0.borrow_mut(), DictTable::new());
    drop(old);
}

/// `d.copy()` / `dict(d)`.
/// Like CPython's PyDict_Copy: a table with at most a third of holes is
/// cloned as is (holes included); otherwise the items are merged into a new dict.
pub fn dict_copy<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> Dict<K, V> {
    let c = Dict::new();
    {
        let t = d.0.borrow();
        if t.used == 0 {
            return c;
        }
        if t.used >= (t.entries.len() * 2) / 3 {
            *c.0.borrow_mut() = t.clone_table();
            return c;
        }
    }
    dict_update(&c, d);
    c
}

/// `dict.fromkeys(keys, value)`.
pub fn dict_fromkeys<K: PyHash, V: PyValue>(keys: Vec<K>, value: V) -> Dict<K, V> {
    Dict::from_pairs(keys.into_iter().map(|k| (k, value.clone())).collect())
}

impl<K: PyHash, V: PyValue> std::fmt::Debug for Dict<K, V> {
    /// The Python repr.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_string(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::List;

    #[test]
    fn basic_ops_and_errors() {
        let d: Dict<i64, List<i64>> = Dict::new();
        dict_setitem(&d, 1, List::from_vec(vec![2]));
        dict_setitem(&d, -1, List::new());
        assert_eq!(repr_string(&d), "{1: [2], -1: []}");
        assert_eq!(dict_getitem(&d, &5).unwrap_err().message(), "5");
        assert_eq!(dict_pop(&d, &1).unwrap().len(), 1);
        let (k, _) = dict_popitem(&d).unwrap();
        assert_eq!(k, -1);
        let e = dict_popitem(&d).unwrap_err();
        assert_eq!(e.record(), "KeyError\n'popitem(): dictionary is empty'");
        assert_eq!(repr_string(&d), "{}");
    }

    #[test]
    fn equal_keys_keep_first_key() {
        let d: Dict<f64, i64> = Dict::new();
        dict_setitem(&d, 0.0, 1);
        dict_setitem(&d, -0.0, 2);
        assert_eq!(repr_string(&d), "{0.0: 2}");
    }

    #[test]
    fn many_inserts_and_deletes_keep_order() {
        let d: Dict<i64, i64> = Dict::new();
        for i in 0..1000 {
            dict_setitem(&d, i * 7 % 1013, i);
        }
        for i in 0..500 {
            dict_delitem(&d, &(i * 7 % 1013)).unwrap();
        }
        dict_setitem(&d, -5, 3);
        let keys = dict_keys(&d);
        assert_eq!(keys.len(), 501);
        assert_eq!(keys[0], 500 * 7 % 1013);
        assert_eq!(*keys.last().unwrap(), -5);
        assert!(dict_contains(&d, &(999 * 7 % 1013)));
        assert!(!dict_contains(&d, &0));
    }

    #[test]
    fn iteration_detects_size_change() {
        let d = Dict::from_pairs(vec![(1i64, 1i64), (2, 2)]);
        let mut it = d.iter_keys();
        assert_eq!(it.next_checked().unwrap(), Some(1));
        dict_setitem(&d, 3, 3);
        assert_eq!(it.next_checked().unwrap_err().message(), DICT_CHANGED_SIZE);
    }
}
