//! Searching: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`,
//! `endswith`, `replace`, with CPython's index clamping (`ADJUST_INDICES`)
//! and its rules for the empty substring.

use crate::err::{Exc, PyErr, PyResult};
use crate::str::Str;

/// CPython's ADJUST_INDICES: (start, end) in code points, clamped to 0..=len
/// for end (start may exceed len; the callers then find nothing).
fn adjust(len: i64, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let mut end = end.unwrap_or(i64::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end += len;
        if end < 0 {
            end = 0;
        }
    }
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    (start, end)
}

/// The window `s[start:end]` as text plus its code-point start, or None when
/// `sub` cannot fit (`end - start < len(sub)`).
fn window<'a>(s: &'a Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> Option<(&'a str, i64)> {
    let (start, end) = adjust(s.char_len() as i64, start, end);
    if end - start < sub.char_len() as i64 {
        return None;
    }
    let (a, b) = (s.byte_offset(start as usize), s.byte_offset(end as usize));
    Some((&s.as_str()[a..b], start))
}

fn chars_before(text: &str, b: usize) -> i64 {
    text[..b].chars().count() as i64
}

/// `s.find(sub, start, end)`; -1 when absent.
pub fn str_find(s: &Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, sub, start, end) {
        None => -1,
        Some((w, at)) => match w.find(sub.as_str()) {
            Some(b) => at + chars_before(w, b),
            None => -1,
        },
    }
}

/// `s.rfind(sub, start, end)`; -1 when absent.
pub fn str_rfind(s: &Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, sub, start, end) {
        None => -1,
        Some((w, at)) => match w.rfind(sub.as_str()) {
            Some(b) => at + chars_before(w, b),
            None => -1,
        },
    }
}

fn not_found() -> PyErr {
    PyErr::new(Exc::ValueError, "substring not found")
}

/// `s.index(sub, start, end)`; ValueError "substring not found".
pub fn str_index_of(s: &Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match str_find(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`; ValueError "substring not found".
pub fn str_rindex(s: &Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match str_rfind(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping; the empty string occurs
/// `len(window) + 1` times.
pub fn str_count(s: &Str, sub: &Str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, sub, start, end) {
        None => 0,
        Some((w, _)) if sub.as_str().is_empty() => w.chars().count() as i64 + 1,
        Some((w, _)) => w.matches(sub.as_str()).count() as i64,
    }
}

/// `s.startswith(prefix, start, end)`.
pub fn str_startswith(s: &Str, prefix: &Str, start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, prefix, start, end) {
        None => false,
        Some((w, _)) => w.starts_with(prefix.as_str()),
    }
}

/// `s.endswith(suffix, start, end)`.
pub fn str_endswith(s: &Str, suffix: &Str, start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, suffix, start, end) {
        None => false,
        Some((w, _)) => w.ends_with(suffix.as_str()),
    }
}

/// `s.startswith((p1, p2, ...), start, end)`.
pub fn str_startswith_any(s: &Str, prefixes: &[Str], start: Option<i64>, end: Option<i64>) -> bool {
    prefixes.iter().any(|p| str_startswith(s, p, start, end))
}

/// `s.endswith((p1, p2, ...), start, end)`.
pub fn str_endswith_any(s: &Str, suffixes: &[Str], start: Option<i64>, end: Option<i64>) -> bool {
    suffixes.iter().any(|p| str_endswith(s, p, start, end))
}

/// `s.replace(old, new, count)`; `count < 0` replaces all. An empty `old`
/// inserts `new` before every character and at the end (`count` times at most).
pub fn str_replace(s: &Str, old: &Str, new: &Str, count: i64) -> Str {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if limit == 0 {
        return s.clone();
    }
    let (t, o, n) = (s.as_str(), old.as_str(), new.as_str());
    let mut out = String::with_capacity(t.len());
    let mut done = 0usize;
    if o.is_empty() {
        for c in t.chars() {
            if done < limit {
                out.push_str(n);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(n);
        }
        return Str::from(out);
    }
    let mut last = 0;
    for (b, _) in t.match_indices(o).take(limit) {
        out.push_str(&t[last..b]);
        out.push_str(n);
        last = b + o.len();
        done += 1;
    }
    if done == 0 {
        return s.clone();
    }
    out.push_str(&t[last..]);
    let chars = s.char_len() + done * new.char_len() - done * old.char_len();
    Str::raw(out, chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn find_family() {
        assert_eq!(str_find(&s("héllo"), &s("l"), None, None), 2);
        assert_eq!(str_rfind(&s("héllo"), &s("l"), None, None), 3);
        assert_eq!(str_find(&s("abc"), &s(""), Some(3), None), 3);
        assert_eq!(str_find(&s("abc"), &s(""), Some(4), None), -1);
        assert_eq!(str_rfind(&s("abc"), &s(""), None, Some(-1)), 2);
        assert_eq!(str_find(&s("abcabc"), &s("c"), Some(-3), Some(-1)), -1);
        assert_eq!(str_index_of(&s("a"), &s("b"), None, None).unwrap_err().message(), "substring not found");
        assert_eq!(str_count(&s("aaaa"), &s("aa"), None, None), 2);
        assert_eq!(str_count(&s("héllo"), &s(""), Some(1), None), 5);
        assert_eq!(str_count(&s("abc"), &s(""), Some(5), None), 0);
        assert!(str_startswith(&s("abc"), &s("b"), Some(1), None));
        assert!(!str_startswith(&s("abc"), &s(""), Some(4), None));
        assert!(str_endswith(&s("abc"), &s("b"), None, Some(2)));
    }

    #[test]
    fn replace_like_cpython() {
        assert_eq!(str_replace(&s("abc"), &s(""), &s("-"), -1).as_str(), "-a-b-c-");
        assert_eq!(str_replace(&s("abc"), &s(""), &s("-"), 2).as_str(), "-a-bc");
        assert_eq!(str_replace(&s(""), &s(""), &s("x"), -1).as_str(), "x");
        assert_eq!(str_replace(&s("aaa"), &s("a"), &s("bb"), 2).as_str(), "bbbba");
        assert_eq!(str_replace(&s("héllo"), &s("l"), &s(""), -1).as_str(), "héo");
    }
}
