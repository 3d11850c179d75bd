//! Container builtins and displays whose result depends on how CPython's
//! compiler and builtins build them: set displays of constants (folded to a
//! frozenset constant), `set(x)`/`frozenset(x)` of sets and dicts (merged
//! tables, not re-added items), `divmod`, `pow(a, b, m)`, identity (`is`).

use crate::dict::Dict;
use crate::err::{raise, Exc, PyResult};
use crate::list::List;
use crate::pyint::PyInt;
use crate::set::{set_update, AnySet, FrozenSet, Set};
use crate::set_table::SetTable;
use crate::value::{PyHash, PyValue};

/// The frozenset constant CPython's compiler makes of a set display whose
/// items are all constants: `frozenset(items)`, then rebuilt from its own
/// iteration order when the code object's constants are merged.
fn folded_table<T: PyHash>(items: Vec<T>) -> SetTable<T> {
    let first = SetTable::from_keys(items);
    SetTable::from_keys(first.keys().cloned().collect::<Vec<T>>())
}

/// `{1, 2, 3}` with more than two constant items: `BUILD_SET 0`, then
/// `SET_UPDATE` with the folded frozenset constant.
pub fn set_display_const<T: PyHash>(items: Vec<T>) -> Set<T> {
    let s = Set::new();
    set_update(&s, &FrozenSet::from_table(folded_table(items)));
    s
}

/// `for x in {1, 2, 3}` (any number of constant items): the loop walks the
/// folded frozenset constant itself.
pub fn set_display_const_iter<T: PyHash>(items: Vec<T>) -> FrozenSet<T> {
    FrozenSet::from_table(folded_table(items))
}

/// `set(s)` of a set or frozenset: CPython merges the table.
pub fn set_from_set<T: PyHash, S: AnySet<T>>(s: &S) -> Set<T> {
    Set::from_set(s)
}

/// `frozenset(s)` of a set.
pub fn frozenset_from_set<T: PyHash, S: AnySet<T>>(s: &S) -> FrozenSet<T> {
    FrozenSet::from_table(s.with_table(|t| t.copy()))
}

/// `set(d)` of a dict: pre-sized, keys added in dict order.
pub fn set_from_dict<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> Set<K> {
    Set::from_dict_keys(d)
}

/// `frozenset(d)` of a dict.
pub fn frozenset_from_dict<K: PyHash, V: PyValue>(d: &Dict<K, V>) -> FrozenSet<K> {
    let mut t = SetTable::new();
    t.update_from_dict_keys(d.table().keys_with_hashes());
    FrozenSet::from_table(t)
}

/// `pow(a, b, m)` on ints (negative `b` through the modular inverse).
pub fn int_pow_mod(a: i64, b: i64, m: i64) -> PyResult<i64> {
    let r = PyInt::from_i64(a).pow_mod(&PyInt::from_i64(b), &PyInt::from_i64(m))?;
    // |r| < |m|, so it fits.
    Ok(r.to_i64().expect("pow(a, b, m) is smaller than m"))
}

/// `a is b` for lists (object identity).
pub fn list_is<T: PyValue>(a: &List<T>, b: &List<T>) -> bool {
    a.ptr_eq(b)
}

/// `a is b` for dicts.
pub fn dict_is<K: PyHash, V: PyValue>(a: &Dict<K, V>, b: &Dict<K, V>) -> bool {
    a.ptr_eq(b)
}

/// `a is b` for sets and frozensets.
pub fn set_is<T: PyHash, A: AnySet<T>, B: AnySet<T>>(a: &A, b: &B) -> bool {
    a.addr() == b.addr()
}

/// `t[5]` on a tuple of fewer fields, with a literal index: the analysis knows it raises.
pub fn tuple_index_error<T>() -> PyResult<T> {
    raise(Exc::IndexError, "tuple index out of range")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(s: &Set<i64>) -> Vec<i64> {
        s.to_vec()
    }

    #[test]
    fn const_display_follows_cpython() {
        // python3 -c "print(list({64, 32, 16, 8, 4, 2, 1}))"
        assert_eq!(order(&set_display_const(vec![64, 32, 16, 8, 4, 2, 1])), vec![64, 1, 32, 2, 4, 16, 8]);
        // python3 -c "for v in {64, 32, 16, 8, 4, 2, 1}: print(v, end=' ')"
        assert_eq!(set_display_const_iter(vec![64, 32, 16, 8, 4, 2, 1]).to_vec(), vec![64, 1, 32, 2, 4, 8, 16]);
    }

    #[test]
    fn pow_mod() {
        assert_eq!(int_pow_mod(2, -1, 5).unwrap(), 3);
        assert_eq!(int_pow_mod(-2, 5, 7).unwrap(), 3);
        assert_eq!(int_pow_mod(3, 200, -13).unwrap(), -4);
        assert!(int_pow_mod(2, -1, 4).is_err());
    }
}
