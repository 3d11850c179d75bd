//! Splitting and joining: `split`, `rsplit`, `splitlines`, `partition`,
//! `rpartition`, `join`.

use crate::err::{Exc, PyErr, PyResult};
use crate::str::Str;
use crate::unicode::{is_linebreak, is_space};

fn empty_separator() -> PyErr {
    PyErr::new(Exc::ValueError, "empty separator")
}

fn limit(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// `s.split(sep, maxsplit)`; `sep` None splits on runs of whitespace and
/// drops empty pieces; `maxsplit < 0` is unlimited.
pub fn str_split(s: &Str, sep: Option<&Str>, maxsplit: i64) -> PyResult<Vec<Str>> {
    let t = s.as_str();
    let mut left = limit(maxsplit);
    match sep {
        Some(sep) => {
            if sep.as_str().is_empty() {
                return Err(empty_separator());
            }
            let n = left.saturating_add(1);
            Ok(t.splitn(n, sep.as_str()).map(Str::new).collect())
        }
        None if s.is_ascii() => Ok(split_ascii_whitespace(t, left)),
        None => {
            let mut out = Vec::new();
            let mut rest = t;
            loop {
                rest = rest.trim_start_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                if left == 0 {
                    out.push(Str::new(rest));
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(Str::new(&rest[..end]));
                rest = &rest[end..];
                left -= 1;
            }
            Ok(out)
        }
    }
}

fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f)
}

/// `split()` of ASCII text, `left` splits at most, on bytes.
fn split_ascii_whitespace(t: &str, mut left: usize) -> Vec<Str> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && ascii_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if left == 0 {
            out.push(Str::raw(t[i..].to_string(), b.len() - i));
            break;
        }
        let j = i;
        while i < b.len() && !ascii_space(b[i]) {
            i += 1;
        }
        out.push(Str::raw(t[j..i].to_string(), i - j));
        left -= 1;
    }
    out
}

/// `s.rsplit(sep, maxsplit)`: as `split`, counting splits from the right.
pub fn str_rsplit(s: &Str, sep: Option<&Str>, maxsplit: i64) -> PyResult<Vec<Str>> {
    let t = s.as_str();
    let mut left = limit(maxsplit);
    let mut out = match sep {
        Some(sep) => {
            if sep.as_str().is_empty() {
                return Err(empty_separator());
            }
            let n = left.saturating_add(1);
            t.rsplitn(n, sep.as_str()).map(Str::new).collect::<Vec<_>>()
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t;
            loop {
                rest = rest.trim_end_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                if left == 0 {
                    out.push(Str::new(rest));
                    break;
                }
                let start = rest.rfind(is_space).map(|b| b + rest[b..].chars().next().unwrap().len_utf8()).unwrap_or(0);
                out.push(Str::new(&rest[start..]));
                rest = &rest[..start];
                left -= 1;
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at \n, \r, \r\n, \v, \f, \x1c, \x1d,
/// \x1e, \x85, U+2028 and U+2029.
pub fn str_splitlines(s: &Str, keepends: bool) -> Vec<Str> {
    let t = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = t.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = b + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(Str::new(&t[start..if keepends { end } else { b }]));
        start = end;
    }
    if start < t.len() {
        out.push(Str::new(&t[start..]));
    }
    out
}

/// `s.partition(sep)`; ValueError "empty separator".
pub fn str_partition(s: &Str, sep: &Str) -> PyResult<(Str, Str, Str)> {
    if sep.as_str().is_empty() {
        return Err(empty_separator());
    }
    let t = s.as_str();
    Ok(match t.find(sep.as_str()) {
        Some(b) => (Str::new(&t[..b]), sep.clone(), Str::new(&t[b + sep.as_str().len()..])),
        None => (s.clone(), Str::new(""), Str::new("")),
    })
}

/// `s.rpartition(sep)`; ValueError "empty separator".
pub fn str_rpartition(s: &Str, sep: &Str) -> PyResult<(Str, Str, Str)> {
    if sep.as_str().is_empty() {
        return Err(empty_separator());
    }
    let t = s.as_str();
    Ok(match t.rfind(sep.as_str()) {
        Some(b) => (Str::new(&t[..b]), sep.clone(), Str::new(&t[b + sep.as_str().len()..])),
        None => (Str::new(""), Str::new(""), s.clone()),
    })
}

/// `sep.join(items)`.
pub fn str_join(sep: &Str, items: &[Str]) -> Str {
    if items.len() == 1 {
        return items[0].clone();
    }
    let total: usize =
        items.iter().map(|x| x.as_str().len()).sum::<usize>() + sep.as_str().len() * items.len().saturating_sub(1);
    let mut out = String::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(x.as_str());
    }
    Str::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    fn v(xs: Vec<Str>) -> Vec<String> {
        xs.iter().map(|x| x.as_str().to_string()).collect()
    }

    #[test]
    fn split_like_cpython() {
        assert_eq!(v(str_split(&s("  a b\u{3000}c  "), None, -1).unwrap()), ["a", "b", "c"]);
        assert_eq!(v(str_split(&s("  a b c  "), None, 1).unwrap()), ["a", "b c  "]);
        assert_eq!(v(str_rsplit(&s("  a b c  "), None, 1).unwrap()), ["  a b", "c"]);
        assert_eq!(v(str_split(&s("a,b,,c"), Some(&s(",")), -1).unwrap()), ["a", "b", "", "c"]);
        assert_eq!(v(str_rsplit(&s("a,b,,c"), Some(&s(",")), 2).unwrap()), ["a,b", "", "c"]);
        assert_eq!(v(str_rsplit(&s("aaa"), Some(&s("aa")), -1).unwrap()), ["a", ""]);
        assert_eq!(v(str_split(&s(""), None, -1).unwrap()), Vec::<String>::new());
        assert_eq!(v(str_split(&s(""), Some(&s(",")), -1).unwrap()), [""]);
        assert_eq!(str_split(&s("a"), Some(&s("")), -1).unwrap_err().message(), "empty separator");
    }

    #[test]
    fn lines_partition_join() {
        assert_eq!(v(str_splitlines(&s("a\r\nb\rc\n\nd\u{2028}e\x0c"), false)), ["a", "b", "c", "", "d", "e"]);
        assert_eq!(v(str_splitlines(&s("a\r\nb\u{85}"), true)), ["a\r\n", "b\u{85}"]);
        let (a, b, c) = str_partition(&s("a=b=c"), &s("=")).unwrap();
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("a", "=", "b=c"));
        let (a, b, c) = str_rpartition(&s("abc"), &s("=")).unwrap();
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("", "", "abc"));
        assert_eq!(str_join(&s(", "), &[s("a"), s("é")]).as_str(), "a, é");
        assert_eq!(str_join(&s(", "), &[]).as_str(), "");
    }
}
