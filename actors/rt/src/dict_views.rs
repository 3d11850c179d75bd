//! `d.keys()`, `d.values()`, `d.items()`: live views of a dict (they see
//! later changes, as in CPython), printed as `dict_keys([...])`.

use crate::dict::{dict_items, dict_keys, dict_values, Dict};
use crate::value::{PyHash, PyValue};

macro_rules! view {
    ($name:ident, $label:expr, $items:ident, $item:ty) => {
        pub struct $name<K, V>(pub Dict<K, V>);

        impl<K, V> Clone for $name<K, V> {
            fn clone(&self) -> Self {
                $name(self.0.clone())
            }
        }

        impl<K: PyHash, V: PyValue> $name<K, V> {
            /// The items now, in the dict's order.
            pub fn to_vec(&self) -> Vec<$item> {
                $items(&self.0)
            }
        }

        impl<K: PyHash, V: PyValue> PyValue for $name<K, V> {
            fn py_repr(&self, out: &mut String) {
                out.push_str(concat!($label, "(["));
                for (i, x) in self.to_vec().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    x.py_repr(out);
                }
                out.push_str("])");
            }
            fn py_eq(&self, other: &Self) -> bool {
                self.to_vec().len() == other.to_vec().len() && self.to_vec().iter().zip(other.to_vec().iter()).all(|(a, b)| a.py_eq(b))
            }
            fn py_bool(&self) -> bool {
                !self.0.is_empty()
            }
        }
    };
}

view!(DictKeys, "dict_keys", dict_keys, K);
view!(DictValues, "dict_values", dict_values, V);
view!(DictItems, "dict_items", dict_items, (K, V));
