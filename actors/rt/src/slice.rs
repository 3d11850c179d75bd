//! Slice bounds as CPython computes them (`PySlice_Unpack` +
//! `PySlice_AdjustIndices`), shared by list and tuple slicing.

use crate::err::{raise, Exc, PyResult};

pub const SLICE_STEP_ZERO: &str = "slice step cannot be zero";

/// `slice(start, stop, step).indices(len)` plus the number of items:
/// `(start, stop, step, count)`, the bounds clamped to the sequence.
/// ValueError "slice step cannot be zero".
pub fn slice_indices(len: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return raise(Exc::ValueError, SLICE_STEP_ZERO);
    }
    // CPython clamps the step to -PY_SSIZE_T_MAX so that -step cannot overflow.
    let step = if step < -i64::MAX { -i64::MAX } else { step };
    let len = len as i64;
    let (def_start, def_stop) = if step < 0 { (i64::MAX, i64::MIN) } else { (0, i64::MAX) };
    let adjust = |v: i64| -> i64 {
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let start = adjust(start.unwrap_or(def_start));
    let stop = adjust(stop.unwrap_or(def_stop));
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// The indices a slice selects, in order.
pub fn slice_positions(start: i64, step: i64, count: usize) -> impl Iterator<Item = usize> {
    (0..count).map(move |k| (start + step * k as i64) as usize)
}

/// `seq[start:stop:step]` of a slice of values.
pub fn slice_of<T: Clone>(items: &[T], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Vec<T>> {
    let (b, _, s, n) = slice_indices(items.len(), start, stop, step)?;
    Ok(slice_positions(b, s, n).map(|i| items[i].clone()).collect())
}

/// Normalizes a Python index (negative counts from the end); None when out of range.
pub fn seq_index(len: usize, i: i64) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    if j >= 0 && (j as u64) < len as u64 {
        Some(j as usize)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_like_cpython() {
        assert_eq!(slice_indices(10, None, None, None).unwrap(), (0, 10, 1, 10));
        assert_eq!(slice_indices(10, None, None, Some(-1)).unwrap(), (9, -1, -1, 10));
        assert_eq!(slice_indices(10, Some(-3), Some(100), Some(2)).unwrap(), (7, 10, 2, 2));
        assert_eq!(slice_indices(5, Some(-100), Some(-100), Some(-1)).unwrap(), (-1, -1, -1, 0));
        assert_eq!(slice_indices(5, Some(i64::MIN), Some(i64::MAX), Some(i64::MIN)).unwrap().3, 0);
        assert_eq!(slice_indices(5, None, None, Some(0)).unwrap_err().message(), SLICE_STEP_ZERO);
        assert_eq!(slice_of(&[1, 2, 3, 4, 5], None, None, Some(-2)).unwrap(), vec![5, 3, 1]);
        assert_eq!(seq_index(3, -3), Some(0));
        assert_eq!(seq_index(3, 3), None);
        assert_eq!(seq_index(3, i64::MIN), None);
    }
}
