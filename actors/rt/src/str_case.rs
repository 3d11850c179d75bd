//! Case conversion: `upper`, `lower` (with the final-sigma rule), `casefold`,
//! `title`, `capitalize`, `swapcase`, using the full (one-to-many) Unicode
//! mappings of CPython 3.11.

use crate::str::Str;
use crate::str_pred::is_cased;
use crate::unicode::{has, push_fold, push_lower, push_title, push_upper, CASE_IGNORABLE, LOWERCASE, UPPERCASE};

fn case_ignorable(c: char) -> bool {
    has(c, CASE_IGNORABLE)
}

/// Whether the capital sigma at `i` of `chars` is word-final: a cased
/// letter before it and none after it, skipping case-ignorable characters.
fn final_sigma(chars: &[char], i: usize) -> bool {
    let mut j = i;
    let before = loop {
        if j == 0 {
            break None;
        }
        j -= 1;
        if !case_ignorable(chars[j]) {
            break Some(chars[j]);
        }
    };
    match before {
        Some(c) if is_cased(c) => {}
        _ => return false,
    }
    for &c in &chars[i + 1..] {
        if !case_ignorable(c) {
            return !is_cased(c);
        }
    }
    true
}

/// Lowercases `chars[i]` into `out`, applying the final-sigma rule.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        push_lower(c, out);
    }
}

fn map_ascii_or(s: &Str, ascii: fn(&str) -> String, f: impl Fn(&[char], &mut String)) -> Str {
    if s.is_ascii() {
        return Str::from(ascii(s.as_str()));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    f(&chars, &mut out);
    Str::from(out)
}

/// `s.upper()`.
pub fn str_upper(s: &Str) -> Str {
    map_ascii_or(s, |t| t.to_ascii_uppercase(), |cs, out| cs.iter().for_each(|&c| push_upper(c, out)))
}

/// `s.lower()`.
pub fn str_lower(s: &Str) -> Str {
    map_ascii_or(s, |t| t.to_ascii_lowercase(), |cs, out| (0..cs.len()).for_each(|i| push_lower_at(cs, i, out)))
}

/// `s.casefold()`.
pub fn str_casefold(s: &Str) -> Str {
    map_ascii_or(s, |t| t.to_ascii_lowercase(), |cs, out| cs.iter().for_each(|&c| push_fold(c, out)))
}

/// `s.swapcase()`: uppercase characters lowered (final sigma included), lowercase raised.
pub fn str_swapcase(s: &Str) -> Str {
    map_ascii_or(
        s,
        |t| {
            t.chars()
                .map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
                .collect()
        },
        |cs, out| {
            for (i, &c) in cs.iter().enumerate() {
                if has(c, UPPERCASE) {
                    push_lower_at(cs, i, out);
                } else if has(c, LOWERCASE) {
                    push_upper(c, out);
                } else {
                    out.push(c);
                }
            }
        },
    )
}

/// `s.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn str_title(s: &Str) -> Str {
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    Str::from(out)
}

/// `s.capitalize()`: the first character titlecased, the rest lowercased.
pub fn str_capitalize(s: &Str) -> Str {
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    Str::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn full_case_mappings() {
        assert_eq!(str_upper(&s("straße")).as_str(), "STRASSE");
        assert_eq!(str_lower(&s("ΟΔΟΣ ΣΑ.Σ")).as_str(), "οδος σα.ς");
        assert_eq!(str_lower(&s("Σ")).as_str(), "σ");
        assert_eq!(str_lower(&s("AΣ'b")).as_str(), "aσ'b");
        assert_eq!(str_casefold(&s("Straße")).as_str(), "strasse");
        assert_eq!(str_title(&s("ǆemal's ﬁsh")).as_str(), "ǅemal'S Fish");
        assert_eq!(str_title(&s("hello world")).as_str(), "Hello World");
        assert_eq!(str_capitalize(&s("ǆEMAL")).as_str(), "ǅemal");
        assert_eq!(str_swapcase(&s("Hello ΑΣ ß")).as_str(), "hELLO ας SS");
        assert_eq!(str_upper(&s("ŉ")).as_str(), "ʼN");
    }
}
