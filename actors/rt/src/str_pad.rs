//! Trimming and padding: `strip`/`lstrip`/`rstrip`, `removeprefix`,
//! `removesuffix`, `center`/`ljust`/`rjust`, `zfill`, `expandtabs`.

use crate::err::{Exc, PyErr, PyResult};
use crate::str::Str;
use crate::unicode::is_space;

fn strip_with(s: &Str, chars: Option<&Str>, left: bool, right: bool) -> Str {
    let t = s.as_str();
    let r = match chars {
        None => {
            let t = if left { t.trim_start_matches(is_space) } else { t };
            if right {
                t.trim_end_matches(is_space)
            } else {
                t
            }
        }
        Some(set) => {
            let set = set.as_str();
            let hit = |c: char| set.contains(c);
            let t = if left { t.trim_start_matches(hit) } else { t };
            if right {
                t.trim_end_matches(hit)
            } else {
                t
            }
        }
    };
    if r.len() == t.len() {
        s.clone()
    } else {
        Str::new(r)
    }
}

/// `s.strip(chars)`; None strips whitespace.
pub fn str_strip(s: &Str, chars: Option<&Str>) -> Str {
    strip_with(s, chars, true, true)
}

/// `s.lstrip(chars)`.
pub fn str_lstrip(s: &Str, chars: Option<&Str>) -> Str {
    strip_with(s, chars, true, false)
}

/// `s.rstrip(chars)`.
pub fn str_rstrip(s: &Str, chars: Option<&Str>) -> Str {
    strip_with(s, chars, false, true)
}

/// `s.removeprefix(prefix)`.
pub fn str_removeprefix(s: &Str, prefix: &Str) -> Str {
    match s.as_str().strip_prefix(prefix.as_str()) {
        Some(r) if !prefix.as_str().is_empty() => Str::new(r),
        _ => s.clone(),
    }
}

/// `s.removesuffix(suffix)`.
pub fn str_removesuffix(s: &Str, suffix: &Str) -> Str {
    match s.as_str().strip_suffix(suffix.as_str()) {
        Some(r) if !suffix.as_str().is_empty() => Str::new(r),
        _ => s.clone(),
    }
}

fn fill_char(fill: Option<&Str>) -> PyResult<char> {
    match fill {
        None => Ok(' '),
        Some(f) if f.char_len() == 1 => Ok(f.as_str().chars().next().unwrap()),
        Some(_) => Err(PyErr::new(Exc::TypeError, "The fill character must be exactly one character long")),
    }
}

fn pad(s: &Str, left: usize, right: usize, fill: char) -> Str {
    let mut out = String::with_capacity(s.as_str().len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat(fill).take(right));
    Str::from(out)
}

/// `s.center(width, fillchar)`: CPython puts the odd extra fill character
/// on the left when both the margin and the width are odd.
pub fn str_center(s: &Str, width: i64, fillchar: Option<&Str>) -> PyResult<Str> {
    let fill = fill_char(fillchar)?;
    let n = s.char_len() as i64;
    if width <= n {
        return Ok(s.clone());
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad(s, left as usize, (marg - left) as usize, fill))
}

/// `s.ljust(width, fillchar)`.
pub fn str_ljust(s: &Str, width: i64, fillchar: Option<&Str>) -> PyResult<Str> {
    let fill = fill_char(fillchar)?;
    let n = s.char_len() as i64;
    Ok(if width <= n { s.clone() } else { pad(s, 0, (width - n) as usize, fill) })
}

/// `s.rjust(width, fillchar)`.
pub fn str_rjust(s: &Str, width: i64, fillchar: Option<&Str>) -> PyResult<Str> {
    let fill = fill_char(fillchar)?;
    let n = s.char_len() as i64;
    Ok(if width <= n { s.clone() } else { pad(s, (width - n) as usize, 0, fill) })
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn str_zfill(s: &Str, width: i64) -> Str {
    let n = s.char_len() as i64;
    if width <= n {
        return s.clone();
    }
    let t = s.as_str();
    let zeros = "0".repeat((width - n) as usize);
    let mut out = String::with_capacity(width as usize);
    match t.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            out.push_str(&t[..1]);
            out.push_str(&zeros);
            out.push_str(&t[1..]);
        }
        _ => {
            out.push_str(&zeros);
            out.push_str(t);
        }
    }
    Str::from(out)
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple
/// of `tabsize` (the column restarts after \n and \r); tabsize <= 0 drops tabs.
pub fn str_expandtabs(s: &Str, tabsize: i64) -> PyResult<Str> {
    let t = s.as_str();
    if !t.contains('\t') {
        return Ok(s.clone());
    }
    let mut out = String::with_capacity(t.len());
    let mut col: i64 = 0;
    for c in t.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let k = tabsize - col % tabsize;
                    col = col.checked_add(k).ok_or_else(|| PyErr::new(Exc::OverflowError, "new string is too long"))?;
                    out.extend(std::iter::repeat(' ').take(k as usize));
                }
            }
            '\n' | '\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    Ok(Str::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn strip_and_remove() {
        assert_eq!(str_strip(&s(" \u{3000}a b\x1c "), None).as_str(), "a b");
        assert_eq!(str_lstrip(&s("xyaxy"), Some(&s("yx"))).as_str(), "axy");
        assert_eq!(str_rstrip(&s("xyaxy"), Some(&s("yx"))).as_str(), "xya");
        assert_eq!(str_strip(&s("abc"), Some(&s(""))).as_str(), "abc");
        assert_eq!(str_removeprefix(&s("abc"), &s("ab")).as_str(), "c");
        assert_eq!(str_removesuffix(&s("abc"), &s("bc")).as_str(), "a");
    }

    #[test]
    fn padding_like_cpython() {
        assert_eq!(str_center(&s("a"), 4, None).unwrap().as_str(), " a  ");
        assert_eq!(str_center(&s("ab"), 5, Some(&s("é"))).unwrap().as_str(), "ééabé");
        assert_eq!(
            str_center(&s("a"), 5, Some(&s("ab"))).unwrap_err().message(),
            "The fill character must be exactly one character long"
        );
        assert_eq!(str_ljust(&s("é"), 3, Some(&s("*"))).unwrap().as_str(), "é**");
        assert_eq!(str_rjust(&s("é"), 3, None).unwrap().as_str(), "  é");
        assert_eq!(str_zfill(&s("-42"), 6).as_str(), "-00042");
        assert_eq!(str_zfill(&s("42"), -1).as_str(), "42");
        assert_eq!(str_expandtabs(&s("a\tbc\td\n\te"), 4).unwrap().as_str(), "a   bc  d\n    e");
        assert_eq!(str_expandtabs(&s("a\tb"), 0).unwrap().as_str(), "ab");
    }
}
