//! The `str.is*()` predicates, with CPython 3.11's definitions (an empty
//! string is False for all but `isascii` and `isprintable`).

use crate::str::Str;
use crate::unicode::{
    has, is_printable, is_space, ALPHA, CASED, DECIMAL, DIGIT, LOWERCASE, NUMERIC, TITLECASE, UPPERCASE, XID_CONTINUE,
    XID_START,
};

fn all_nonempty(s: &Str, ascii: fn(u8) -> bool, bits: u16) -> bool {
    let t = s.as_str();
    if t.is_empty() {
        return false;
    }
    if s.is_ascii() {
        return t.bytes().all(ascii);
    }
    t.chars().all(|c| if c.is_ascii() { ascii(c as u8) } else { has(c, bits) })
}

/// `s.isdecimal()`.
pub fn str_isdecimal(s: &Str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), DECIMAL)
}

/// `s.isdigit()`.
pub fn str_isdigit(s: &Str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), DIGIT)
}

/// `s.isnumeric()`.
pub fn str_isnumeric(s: &Str) -> bool {
    all_nonempty(s, |b| b.is_ascii_digit(), NUMERIC)
}

/// `s.isalpha()`.
pub fn str_isalpha(s: &Str) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphabetic(), ALPHA)
}

/// `s.isalnum()` (each character alpha, decimal, digit or numeric).
pub fn str_isalnum(s: &Str) -> bool {
    all_nonempty(s, |b| b.is_ascii_alphanumeric(), ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// `s.isspace()`.
pub fn str_isspace(s: &Str) -> bool {
    !s.as_str().is_empty() && s.as_str().chars().all(is_space)
}

/// `s.isascii()`.
pub fn str_isascii(s: &Str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()`.
pub fn str_isprintable(s: &Str) -> bool {
    s.as_str().chars().all(is_printable)
}

fn is_upper_c(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        has(c, UPPERCASE)
    }
}

fn is_lower_c(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        has(c, LOWERCASE)
    }
}

fn is_title_c(c: char) -> bool {
    !c.is_ascii() && has(c, TITLECASE)
}

/// Python's Cased property (Lowercase, Uppercase or Lt).
pub(crate) fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        has(c, CASED)
    }
}

/// `s.isupper()`: some cased character, none lowercase or titlecase.
pub fn str_isupper(s: &Str) -> bool {
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_lower_c(c) || is_title_c(c) {
            return false;
        }
        cased |= is_upper_c(c);
    }
    cased
}

/// `s.islower()`: some cased character, none uppercase or titlecase.
pub fn str_islower(s: &Str) -> bool {
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_upper_c(c) || is_title_c(c) {
            return false;
        }
        cased |= is_lower_c(c);
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase characters only after uncased ones,
/// lowercase only after cased ones, and at least one cased character.
pub fn str_istitle(s: &Str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.as_str().chars() {
        if is_upper_c(c) || is_title_c(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_c(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or '_', then XID_Continue.
pub fn str_isidentifier(s: &Str) -> bool {
    let mut it = s.as_str().chars();
    match it.next() {
        None => false,
        Some(c) => has(c, XID_START) && it.all(|c| has(c, XID_CONTINUE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn predicates_like_cpython() {
        assert!(str_isdigit(&s("²3")) && !str_isdecimal(&s("²3")) && str_isnumeric(&s("½")));
        assert!(!str_isdigit(&s("")) && str_isascii(&s("")) && str_isprintable(&s("")));
        assert!(str_isalpha(&s("héllo")) && !str_isalpha(&s("a1")) && str_isalnum(&s("a1½")));
        assert!(str_isspace(&s(" \t\u{3000}\x1c")) && !str_isspace(&s(" a")));
        assert!(str_isupper(&s("ABC 1")) && !str_isupper(&s("1")) && !str_isupper(&s("A\u{1c5}")));
        assert!(str_islower(&s("abc ß")) && !str_islower(&s("aB")));
        assert!(
            str_istitle(&s("Hello World"))
                && str_istitle(&s("\u{1c5}a"))
                && !str_istitle(&s("HeLlo"))
                && !str_istitle(&s("1"))
        );
        assert!(
            str_isidentifier(&s("_a1"))
                && str_isidentifier(&s("héllo"))
                && !str_isidentifier(&s("1a"))
                && !str_isidentifier(&s(""))
        );
        assert!(!str_isprintable(&s("a\nb")) && str_isprintable(&s("é")));
    }
}
