//! Unicode character properties and case mappings as CPython 3.11 sees them
//! (Unicode 14.0.0), looked up in the generated `unicode_tables.rs`
//! (tools/gen_unicode.py). ASCII takes a fast path everywhere.

use crate::unicode_tables::{DECIMAL_RUNS, FOLD, LOWER, PROPS_BITS, PROPS_START, TITLE, UPPER};

pub(crate) const ALPHA: u16 = 1;
pub(crate) const DECIMAL: u16 = 2;
pub(crate) const DIGIT: u16 = 4;
pub(crate) const NUMERIC: u16 = 8;
pub(crate) const SPACE: u16 = 16;
pub(crate) const PRINTABLE: u16 = 32;
pub(crate) const LOWERCASE: u16 = 64;
pub(crate) const UPPERCASE: u16 = 128;
pub(crate) const TITLECASE: u16 = 256;
pub(crate) const CASED: u16 = 512;
pub(crate) const CASE_IGNORABLE: u16 = 1024;
pub(crate) const XID_START: u16 = 2048;
pub(crate) const XID_CONTINUE: u16 = 4096;
pub(crate) const LINEBREAK: u16 = 8192;

/// The property bits of `c`.
pub(crate) fn props(c: char) -> u16 {
    let u = c as u32;
    let i = match PROPS_START.binary_search(&u) {
        Ok(i) => i,
        Err(i) => i - 1, // PROPS_START[0] is 0
    };
    PROPS_BITS[i]
}

pub(crate) fn has(c: char, bits: u16) -> bool {
    props(c) & bits != 0
}

/// `str.isspace()` of one character (Python's whitespace: bidi WS/B/S or Zs).
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\x1f')
    } else {
        has(c, SPACE)
    }
}

/// `str.isprintable()` of one character.
pub(crate) fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        has(c, PRINTABLE)
    }
}

/// A line boundary of `str.splitlines()`.
pub(crate) fn is_linebreak(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e')
    } else {
        has(c, LINEBREAK)
    }
}

/// The value of a decimal digit (category Nd), any script.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let u = c as u32;
    if u < 0x80 {
        return None;
    }
    let i = match DECIMAL_RUNS.binary_search_by(|&(first, _, _)| first.cmp(&u)) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let (first, last, v) = DECIMAL_RUNS[i];
    if u <= last {
        Some(v as u32 + (u - first))
    } else {
        None
    }
}

fn lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let u = c as u32;
    table.binary_search_by(|&(k, _)| k.cmp(&u)).ok().map(|i| table[i].1)
}

fn push_mapped(table: &'static [(u32, &'static str)], c: char, out: &mut String) {
    match lookup(table, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}

/// The full uppercase mapping of `c` (`'ß'` → `"SS"`), appended to `out`.
pub(crate) fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase())
    } else {
        push_mapped(&UPPER, c, out)
    }
}

/// The full lowercase mapping of `c` (no context: U+03A3 gives U+03C3).
pub(crate) fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase())
    } else {
        push_mapped(&LOWER, c, out)
    }
}

/// The full titlecase mapping of `c` (`'ǆ'` → `"ǅ"`).
pub(crate) fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase())
    } else {
        push_mapped(&TITLE, c, out)
    }
}

/// The full case folding of `c` (`'ß'` → `"ss"`).
pub(crate) fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase())
    } else {
        push_mapped(&FOLD, c, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(f: fn(char, &mut String), c: char) -> String {
        let mut s = String::new();
        f(c, &mut s);
        s
    }

    #[test]
    fn tables_are_sorted() {
        assert_eq!(PROPS_START[0], 0);
        assert!(PROPS_START.windows(2).all(|w| w[0] < w[1]));
        for t in [&UPPER[..], &LOWER[..], &TITLE[..], &FOLD[..]] {
            assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert_eq!(crate::unicode_tables::UNICODE_VERSION, "14.0.0");
    }

    #[test]
    fn properties() {
        assert!(has('é', ALPHA | LOWERCASE | CASED) && !has('é', UPPERCASE));
        assert!(has('\u{1c5}', TITLECASE));
        assert!(is_space('\u{3000}') && is_space('\x1f') && !is_space('\u{200b}'));
        assert!(!is_printable('\u{ad}') && is_printable('é') && !is_printable('\x7f'));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('²'), None);
        assert!(has('²', DIGIT) && has('½', NUMERIC) && !has('½', DIGIT));
        assert!(has('\u{301}', CASE_IGNORABLE) && has('\'', CASE_IGNORABLE));
        assert!(is_linebreak('\u{2028}') && is_linebreak('\u{85}') && !is_linebreak('\x1f'));
    }

    #[test]
    fn case_mappings() {
        assert_eq!(map(push_upper, 'ß'), "SS");
        assert_eq!(map(push_lower, '\u{130}'), "i\u{307}");
        assert_eq!(map(push_title, '\u{1c6}'), "\u{1c5}");
        assert_eq!(map(push_fold, 'ß'), "ss");
        assert_eq!(map(push_upper, '\u{1f600}'), "\u{1f600}");
    }
}
