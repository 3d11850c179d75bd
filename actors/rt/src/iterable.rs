//! `PyIterable`: what `for`, `list(x)`, `sorted(x)`, `"".join(x)`,
//! `xs.extend(x)` ... see of a value: its items in Python's iteration order,
//! as a Vec (a snapshot; `for` over lists and dicts iterates live instead).

use crate::dict::{dict_keys, Dict};
use crate::dict_views::{DictItems, DictKeys, DictValues};
use crate::list::List;
use crate::str::{str_chars, Str};
use crate::tuple::Tuple;
use crate::value::{PyHash, PyValue};

pub trait PyIterable {
    type Item;
    fn py_items(&self) -> Vec<Self::Item>;
}

impl<T: PyValue> PyIterable for List<T> {
    type Item = T;
    fn py_items(&self) -> Vec<T> {
        self.to_vec()
    }
}

impl<T: PyValue> PyIterable for Tuple<T> {
    type Item = T;
    fn py_items(&self) -> Vec<T> {
        self.to_vec()
    }
}

impl PyIterable for Str {
    type Item = Str;
    fn py_items(&self) -> Vec<Str> {
        str_chars(self)
    }
}

impl<K: PyHash, V: PyValue> PyIterable for Dict<K, V> {
    type Item = K;
    fn py_items(&self) -> Vec<K> {
        dict_keys(self)
    }
}

impl<K: PyHash, V: PyValue> PyIterable for DictKeys<K, V> {
    type Item = K;
    fn py_items(&self) -> Vec<K> {
        self.to_vec()
    }
}

impl<K: PyHash, V: PyValue> PyIterable for DictValues<K, V> {
    type Item = V;
    fn py_items(&self) -> Vec<V> {
        self.to_vec()
    }
}

impl<K: PyHash, V: PyValue> PyIterable for DictItems<K, V> {
    type Item = (K, V);
    fn py_items(&self) -> Vec<(K, V)> {
        self.to_vec()
    }
}

impl<T: Clone> PyIterable for Vec<T> {
    type Item = T;
    fn py_items(&self) -> Vec<T> {
        self.clone()
    }
}

/// `list(x)`.
pub fn list_of<I: PyIterable>(x: &I) -> List<I::Item>
where
    I::Item: PyValue,
{
    List::from_vec(x.py_items())
}

/// `tuple(x)`.
pub fn tuple_of<I: PyIterable>(x: &I) -> Tuple<I::Item>
where
    I::Item: PyValue,
{
    Tuple::from_vec(x.py_items())
}
