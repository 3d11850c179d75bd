//! Python's `str` in generated Rust (docs/values.md): `Str`, an immutable,
//! cheaply cloned string that counts in code points, with the operators
//! (`len`, indexing, slicing, `+`, `*`, `in`, iteration) and `ord`/`chr`.
//! The methods live in `str_*.rs`, parsing in `str_parse.rs`, formatting in
//! `fmt_*.rs`.

use crate::err::{Exc, PyErr, PyResult};
use crate::value::{PyHash, PyOrd, PyValue};
use std::cell::RefCell;
use std::rc::Rc;

/// A Python `str`: UTF-8 text shared behind an `Rc` (never mutated while
/// shared: only `str_iadd` appends, and only to text no other `Str` holds),
/// with its length in code points (equal to the byte length exactly when
/// the text is ASCII, which makes indexing O(1) there).
#[derive(Clone)]
pub struct Str {
    text: Rc<Text>,
    chars: usize,
}

/// The shared text, and for long non-ASCII text the byte offset of every
/// CRUMB-th character, built on the first index so that `s[i]` is O(CRUMB).
struct Text {
    s: String,
    crumbs: RefCell<Vec<u32>>,
}

const CRUMB: usize = 32;

impl std::ops::Deref for Text {
    type Target = String;
    fn deref(&self) -> &String {
        &self.s
    }
}

impl Str {
    pub fn new(s: &str) -> Str {
        Str::raw(s.to_string(), s.chars().count())
    }

    /// A string whose length in code points the caller already knows.
    pub(crate) fn raw(s: String, chars: usize) -> Str {
        Str { text: Rc::new(Text { s, crumbs: RefCell::new(Vec::new()) }), chars }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether every character is ASCII (byte index == code point index).
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The length in code points.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The byte offset of code point `i` (`i <= char_len()`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        if i >= self.chars {
            return self.text.len();
        }
        if self.chars <= CRUMB {
            return self.text.char_indices().nth(i).map(|(b, _)| b).unwrap();
        }
        let mut crumbs = self.text.crumbs.borrow_mut();
        if crumbs.is_empty() {
            crumbs.extend(self.text.char_indices().step_by(CRUMB).map(|(b, _)| b as u32));
        }
        let start = crumbs[i / CRUMB] as usize;
        start + self.text[start..].char_indices().nth(i % CRUMB).map(|(b, _)| b).unwrap()
    }

    /// The code point index of byte offset `b` (a char boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            b
        } else {
            self.text[..b].chars().count()
        }
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        let chars = s.chars().count();
        Str::raw(s, chars)
    }
}

impl Default for Str {
    /// `''`.
    fn default() -> Str {
        Str::new("")
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str::new(s)
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&str_repr_string(self.as_str()))
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    /// Code point order (UTF-8 byte order is the same).
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.text.as_bytes().cmp(other.text.as_bytes())
    }
}

/// Python's `repr()` of a string: `'` unless the text has `'` and no `"`;
/// `\\ \n \r \t` and the quote escaped; other characters `str.isprintable()`
/// rejects as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str_repr(s, &mut out);
    out
}

fn push_str_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !crate::unicode::is_printable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{:02x}", u));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", u));
                } else {
                    out.push_str(&format!("\\U{:08x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

impl PyValue for Str {
    fn py_repr(&self, out: &mut String) {
        push_str_repr(self.as_str(), out)
    }
    fn py_str(&self, out: &mut String) {
        out.push_str(self.as_str())
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
    fn py_bool(&self) -> bool {
        !self.text.is_empty()
    }
}

impl PyHash for Str {
    /// FNV-1a over the UTF-8 bytes (stable; CPython's is randomized), never -1.
    fn py_hash(&self) -> i64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in self.text.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let h = h as i64;
        if h == -1 {
            -2
        } else {
            h
        }
    }
}

impl PyOrd for Str {
    fn py_lt(&self, other: &Self) -> bool {
        self.text.as_bytes() < other.text.as_bytes()
    }
    fn py_le(&self, other: &Self) -> bool {
        self.text.as_bytes() <= other.text.as_bytes()
    }
}

/// `repr(x)` as a `Str`.
pub fn repr_of<T: PyValue>(x: &T) -> Str {
    let mut out = String::new();
    x.py_repr(&mut out);
    Str::from(out)
}

/// `str(x)` as a `Str`.
pub fn str_of<T: PyValue>(x: &T) -> Str {
    let mut out = String::new();
    x.py_str(&mut out);
    Str::from(out)
}

/// `ascii(x)`: `repr(x)` with every non-ASCII character escaped as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_of<T: PyValue>(x: &T) -> Str {
    let mut r = String::new();
    x.py_repr(&mut r);
    if r.is_ascii() {
        let n = r.len();
        return Str::raw(r, n);
    }
    let mut out = String::with_capacity(r.len() + 8);
    for c in r.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    let n = out.len();
    Str::raw(out, n)
}

// ── operators ────────────────────────────────────────────────────────────

/// `len(s)` in code points.
pub fn str_len(s: &Str) -> i64 {
    s.chars as i64
}

/// `s[i]`; IndexError "string index out of range".
pub fn str_index(s: &Str, i: i64) -> PyResult<Str> {
    let n = s.chars as i64;
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(Exc::IndexError, "string index out of range"));
    }
    let j = j as usize;
    if s.is_ascii() {
        return Ok(char_str(s.text.as_bytes()[j] as char));
    }
    Ok(char_str(s.text[s.byte_offset(j)..].chars().next().unwrap()))
}

/// CPython's slice arithmetic (`PySlice_Unpack` + `PySlice_AdjustIndices`):
/// (start, step, length) of `s[start:stop:step]` for a sequence of `len`.
pub(crate) fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<(i64, i64, i64)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::new(Exc::ValueError, "slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let adjust = |v: Option<i64>, dflt: i64| -> i64 {
        match v {
            None => dflt,
            Some(mut v) => {
                if v < 0 {
                    v = v.saturating_add(len);
                    if v < 0 {
                        v = if step < 0 { -1 } else { 0 };
                    }
                } else if v >= len {
                    v = if step < 0 { len - 1 } else { len };
                }
                v
            }
        }
    };
    let start = adjust(start, if step < 0 { len - 1 } else { 0 });
    let stop = adjust(stop, if step < 0 { -1 } else { len });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, step, n))
}

/// `s[start:stop:step]`; ValueError "slice step cannot be zero".
pub fn str_slice(s: &Str, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Str> {
    let (start, step, n) = slice_indices(s.chars as i64, start, stop, step)?;
    if n == 0 {
        return Ok(Str::new(""));
    }
    if step == 1 {
        let (a, b) = (s.byte_offset(start as usize), s.byte_offset((start + n) as usize));
        return Ok(Str::raw(s.text[a..b].to_string(), n as usize));
    }
    let mut out = String::new();
    if s.is_ascii() {
        let bytes = s.text.as_bytes();
        for k in 0..n {
            out.push(bytes[(start + k * step) as usize] as char);
        }
    } else {
        let chars: Vec<char> = s.text.chars().collect();
        for k in 0..n {
            out.push(chars[(start + k * step) as usize]);
        }
    }
    Ok(Str::raw(out, n as usize))
}

thread_local! {
    /// The one-character ASCII strings, made once: like CPython's cached
    /// latin-1 characters, `s[i]` and iteration then allocate nothing.
    static ASCII_CHARS: Vec<Str> = (0u8..128).map(|b| Str::raw((b as char).to_string(), 1)).collect();
}

/// The one-character string `c`.
pub(crate) fn char_str(c: char) -> Str {
    if c.is_ascii() {
        return ASCII_CHARS.with(|t| t[c as usize].clone());
    }
    let mut buf = [0u8; 4];
    Str::raw(c.encode_utf8(&mut buf).to_string(), 1)
}

/// `a + b`.
pub fn str_concat(a: &Str, b: &Str) -> Str {
    if b.text.is_empty() {
        return a.clone();
    }
    if a.text.is_empty() {
        return b.clone();
    }
    let mut s = String::with_capacity(a.text.len() + b.text.len());
    s.push_str(&a.text);
    s.push_str(&b.text);
    Str::raw(s, a.chars + b.chars)
}

/// `a += b`: appends in place when `a` holds the only reference to its text
/// (amortized O(len(b)), like CPython's in-place resize), else a new string.
pub fn str_iadd(a: &mut Str, b: &Str) {
    if b.text.is_empty() {
        return;
    }
    match Rc::get_mut(&mut a.text) {
        Some(t) => {
            t.s.push_str(&b.text);
            t.crumbs.get_mut().clear();
            a.chars += b.chars;
        }
        None => *a = str_concat(a, b),
    }
}

/// `s * n` (and `n * s`); n <= 0 gives ''. OverflowError "repeated string is
/// too long" past CPython's limit (the byte length would exceed isize::MAX).
pub fn str_repeat(s: &Str, n: i64) -> PyResult<Str> {
    if n <= 0 || s.text.is_empty() {
        return Ok(Str::new(""));
    }
    if n == 1 {
        return Ok(s.clone());
    }
    let total = (s.chars as i64).checked_mul(n);
    let bytes = (s.text.len() as i64).checked_mul(n);
    match (total, bytes) {
        (Some(t), Some(b)) if b <= isize::MAX as i64 => Ok(Str::raw(s.text.repeat(n as usize), t as usize)),
        _ => Err(PyErr::new(Exc::OverflowError, "repeated string is too long")),
    }
}

/// `sub in s`.
pub fn str_contains(s: &Str, sub: &Str) -> bool {
    s.text.contains(sub.as_str())
}

/// `for c in s`: the characters as one-character strings.
pub fn str_chars(s: &Str) -> Vec<Str> {
    s.text.chars().map(char_str).collect()
}

/// `a == b`.
pub fn str_eq(a: &Str, b: &Str) -> bool {
    a == b
}

/// `a != b`.
pub fn str_ne(a: &Str, b: &Str) -> bool {
    a != b
}

/// `a < b` (code point order).
pub fn str_lt(a: &Str, b: &Str) -> bool {
    a < b
}

/// `a <= b`.
pub fn str_le(a: &Str, b: &Str) -> bool {
    a <= b
}

/// `a > b`.
pub fn str_gt(a: &Str, b: &Str) -> bool {
    a > b
}

/// `a >= b`.
pub fn str_ge(a: &Str, b: &Str) -> bool {
    a >= b
}

/// `ord(s)`; TypeError unless `s` is one character.
pub fn py_ord(s: &Str) -> PyResult<i64> {
    if s.chars != 1 {
        return Err(PyErr::new(
            Exc::TypeError,
            &format!("ord() expected a character, but string of length {} found", s.chars),
        ));
    }
    Ok(s.text.chars().next().unwrap() as i64)
}

/// Raised by `chr()` (and `'c'` formatting) for U+D800..U+DFFF: CPython
/// makes a string holding a lone surrogate; Portalis strings are UTF-8.
pub const LONE_SURROGATE: &str = "lone surrogates (U+D800..U+DFFF) cannot be stored in Portalis strings";

/// `chr(i)`; ValueError "chr() arg not in range(0x110000)"; OverflowError
/// outside C int range as CPython; ValueError `LONE_SURROGATE` for surrogates.
pub fn py_chr(i: i64) -> PyResult<Str> {
    if i < i32::MIN as i64 || i > i32::MAX as i64 {
        return Err(PyErr::new(Exc::OverflowError, "Python int too large to convert to C int"));
    }
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::new(Exc::ValueError, "chr() arg not in range(0x110000)"));
    }
    match std::char::from_u32(i as u32) {
        Some(c) => Ok(char_str(c)),
        None => Err(PyErr::new(Exc::ValueError, LONE_SURROGATE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr_string;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn repr_like_cpython() {
        assert_eq!(repr_string(&s("a'b")), "\"a'b\"");
        assert_eq!(repr_string(&s("a'\"b\\")), "'a\\'\"b\\\\'");
        assert_eq!(
            repr_string(&s("\u{7f}\u{85}\u{e9}\u{200b}\u{e0001}\u{1f600}\n\t\r\0")),
            "'\\x7f\\x85\u{e9}\\u200b\\U000e0001\u{1f600}\\n\\t\\r\\x00'"
        );
        assert_eq!(str_repr_string(""), "''");
        assert_eq!(repr_of(&s("a")).as_str(), "'a'");
        assert_eq!(str_of(&s("a")).as_str(), "a");
        assert_eq!(str_of(&1.5f64).as_str(), "1.5");
        assert_eq!(ascii_of(&s("é\u{200b}\u{1f600}'")).as_str(), "\"\\xe9\\u200b\\U0001f600'\"");
    }

    #[test]
    fn index_and_slice_count_code_points() {
        let t = s("héllo");
        assert_eq!(str_len(&t), 5);
        assert_eq!(str_index(&t, 1).unwrap().as_str(), "é");
        assert_eq!(str_index(&t, -1).unwrap().as_str(), "o");
        assert_eq!(str_index(&t, 5).unwrap_err().message(), "string index out of range");
        assert_eq!(str_slice(&t, Some(1), Some(3), None).unwrap().as_str(), "él");
        assert_eq!(str_slice(&t, None, None, Some(-1)).unwrap().as_str(), "olléh");
        assert_eq!(str_slice(&t, Some(-100), Some(100), Some(2)).unwrap().as_str(), "hlo");
        assert_eq!(str_slice(&t, None, None, Some(i64::MIN)).unwrap().as_str(), "o");
        assert_eq!(str_slice(&t, None, None, Some(0)).unwrap_err().message(), "slice step cannot be zero");
        assert_eq!(str_slice(&s("abcdef"), Some(5), Some(1), Some(-2)).unwrap().as_str(), "fd");
        // long non-ASCII text: indexing through the crumbs, also after an in-place append
        let mut long = str_repeat(&s("aé日😀"), 50).unwrap();
        let chars: Vec<char> = long.as_str().chars().collect();
        for i in 0..200 {
            assert_eq!(str_index(&long, i).unwrap().as_str(), chars[i as usize].to_string());
        }
        str_iadd(&mut long, &s("xyz"));
        assert_eq!(str_index(&long, 201).unwrap().as_str(), "y");
        assert_eq!(str_slice(&long, Some(198), None, None).unwrap().as_str(), "日😀xyz");
    }

    #[test]
    fn concat_repeat_contains() {
        assert_eq!(str_concat(&s("ab"), &s("ç")).as_str(), "abç");
        assert_eq!(str_len(&str_concat(&s("ab"), &s("ç"))), 3);
        let mut t = s("a");
        str_iadd(&mut t, &s("é"));
        assert_eq!((t.as_str(), str_len(&t)), ("aé", 2));
        let shared = t.clone();
        str_iadd(&mut t, &s("b"));
        assert_eq!((t.as_str(), shared.as_str()), ("aéb", "aé"));
        for _ in 0..100_000 {
            str_iadd(&mut t, &s("x")); // amortized: quadratic copying would take seconds
        }
        assert_eq!(str_len(&t), 100_003);
        assert_eq!(str_repeat(&s("ab"), 3).unwrap().as_str(), "ababab");
        assert_eq!(str_repeat(&s("ab"), -1).unwrap().as_str(), "");
        assert_eq!(str_repeat(&s("ab"), i64::MAX).unwrap_err().message(), "repeated string is too long");
        assert!(str_contains(&s("abc"), &s("")));
        assert!(!str_contains(&s("abc"), &s("ac")));
        assert_eq!(str_chars(&s("aé")).iter().map(|c| c.as_str().to_string()).collect::<Vec<_>>(), vec!["a", "é"]);
        assert!(str_lt(&s("a"), &s("b")) && str_lt(&s("z"), &s("é")) && str_lt(&s("\u{ffff}"), &s("\u{10000}")));
    }

    #[test]
    fn ord_and_chr() {
        assert_eq!(py_ord(&s("é")).unwrap(), 0xe9);
        assert_eq!(
            py_ord(&s("abc")).unwrap_err().message(),
            "ord() expected a character, but string of length 3 found"
        );
        assert_eq!(py_chr(0x1f600).unwrap().as_str(), "\u{1f600}");
        assert_eq!(py_chr(0x110000).unwrap_err().message(), "chr() arg not in range(0x110000)");
        assert_eq!(py_chr(-1).unwrap_err().kind(), Exc::ValueError);
        assert_eq!(py_chr(1 << 31).unwrap_err().kind(), Exc::OverflowError);
        assert_eq!(py_chr(0xd800).unwrap_err().message(), LONE_SURROGATE);
    }
}
