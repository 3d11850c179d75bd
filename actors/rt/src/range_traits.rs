//! `range` as a value seen by the generic builtins: its items for `list(r)`,
//! `sorted(r)`, `xs.extend(r)`, comprehensions (PyIterable), and `len(r)`
//! (PyLen; see `range_len` for the OverflowError form).

use crate::builtins::PyLen;
use crate::iterable::PyIterable;
use crate::range::Range;

impl PyIterable for Range {
    type Item = i64;
    fn py_items(&self) -> Vec<i64> {
        self.iter().collect()
    }
}

impl PyLen for Range {
    /// Lengths past i64::MAX saturate; generated code calls `range_len` (which raises
    /// OverflowError like CPython) when the length of a range is asked for.
    fn py_len(&self) -> i64 {
        let n = self.len_u128();
        if n > i64::MAX as u128 {
            i64::MAX
        } else {
            n as i64
        }
    }
}
