//! The format-specification mini-language (`format()`, f-strings,
//! `str.format`): parsing a spec as CPython 3.11's
//! `parse_internal_render_format_spec` does, with its error messages, and
//! laying out a formatted number (sign, prefix, padding, grouping) as its
//! `calc_number_widths`/`fill_number` do. `format_str` lives here too.

use crate::err::{Exc, PyErr, PyResult};
use crate::str::Str;
use crate::unicode::decimal_value;

/// A parsed format spec.
pub(crate) struct Spec {
    pub fill: char,
    pub align: char,
    /// '+', '-', ' ', or '\0' when absent.
    pub sign: char,
    pub no_neg_0: bool,
    pub alternate: bool,
    /// -1 when absent.
    pub width: i64,
    /// ',' or '_' (or '\0'); `under_four` when '_' groups hex/octal/binary digits by four.
    pub grouping: char,
    pub under_four: bool,
    /// -1 when absent.
    pub precision: i64,
    /// The presentation type, or '\0' when absent.
    pub ty: char,
}

pub(crate) fn value_error(msg: &str) -> PyErr {
    PyErr::new(Exc::ValueError, msg)
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// `'x'`, or `'\x1'` for a code CPython will not print with %c.
fn code_text(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        format!("'{}'", c)
    } else {
        format!("'\\x{:x}'", u)
    }
}

/// ValueError "Unknown format code 'x' for object of type 'float'".
pub(crate) fn unknown_code(c: char, type_name: &str) -> PyErr {
    value_error(&format!("Unknown format code {} for object of type '{}'", code_text(c), type_name))
}

/// Reads decimal digits (any script, as CPython) at `pos`: (value, digits read).
fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<(i64, usize)> {
    let mut v: i64 = 0;
    let start = *pos;
    while *pos < chars.len() {
        let d = match decimal_value(chars[*pos]) {
            Some(d) => d as i64,
            None => break,
        };
        if v > (i64::MAX - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        v = v * 10 + d;
        *pos += 1;
    }
    Ok((v, *pos - start))
}

/// Parses `spec` for an object of type `type_name`, with the type's default
/// presentation type and alignment ('\0' and '>' for numbers, 's' and '<' for str).
pub(crate) fn parse_spec(spec: &str, type_name: &str, default_type: char, default_align: char) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alternate: false,
        width: -1,
        grouping: '\0',
        under_four: false,
        precision: -1,
        ty: default_type,
    };
    let (mut fill_given, mut align_given) = (false, false);
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        s.align = chars[pos + 1];
        s.fill = chars[pos];
        fill_given = true;
        align_given = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        s.align = chars[pos];
        align_given = true;
        pos += 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        s.sign = chars[pos];
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        s.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && pos < end && chars[pos] == '0' {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    let (w, n) = get_integer(&chars, &mut pos)?;
    if n > 0 {
        s.width = w;
    }
    if pos < end && chars[pos] == ',' {
        s.grouping = ',';
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if s.grouping != '\0' {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = '_';
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && s.grouping == '_' {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (p, n) = get_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err(value_error("Format specifier missing precision"));
        }
        s.precision = p;
    }
    if end - pos > 1 {
        return Err(value_error(&format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name)));
    }
    if end - pos == 1 {
        s.ty = chars[pos];
    }
    if s.grouping != '\0' {
        match s.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if s.grouping == '_' => s.under_four = true,
            t => return Err(value_error(&format!("Cannot specify '{}' with {}.", s.grouping, code_text(t)))),
        }
    }
    Ok(s)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping` for a grouping that
/// repeats every `group` digits (0: none): `digits` with `sep` inserted,
/// left-padded with zeros (grouped too) up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, group: i64, sep: char) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    let mut pieces: Vec<String> = Vec::new(); // right to left
    let take = |remaining: i64, l: i64| -> String {
        let n_chars = remaining.min(l).max(0);
        let zeros = (l - remaining).max(0);
        let mut p = "0".repeat(zeros as usize);
        p.push_str(std::str::from_utf8(&d[(remaining - n_chars) as usize..remaining as usize]).unwrap());
        p
    };
    let mut broken = false;
    if group > 0 {
        loop {
            let l = group.min(remaining.max(min_width).max(1));
            pieces.push(take(remaining, l));
            remaining -= remaining.min(l).max(0);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        pieces.push(take(remaining, l));
    }
    let mut out = String::new();
    for (i, p) in pieces.iter().rev().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(p);
    }
    out
}

/// The parts of a formatted number, laid out per `spec`:
/// `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`.
pub(crate) struct Number<'a> {
    pub negative: bool,
    pub prefix: &'a str,
    /// The integer digits (ASCII); empty for inf/nan and 'c'.
    pub digits: &'a str,
    pub decimal: bool,
    /// What follows the decimal point (fraction, exponent, '%', or 'inf').
    pub remainder: &'a str,
    /// Digits per group (0: no grouping).
    pub group: i64,
}

fn push_fill(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

pub(crate) fn layout(spec: &Spec, num: &Number) -> String {
    let sign = match (spec.sign, num.negative) {
        (_, true) => Some('-'),
        ('+', false) => Some('+'),
        (' ', false) => Some(' '),
        _ => None,
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = num.prefix.chars().count() as i64;
    let n_remainder = num.remainder.chars().count() as i64;
    let non_digit = n_sign + n_prefix + num.decimal as i64 + n_remainder;
    let min_width = if spec.fill == '0' && spec.align == '=' { spec.width - non_digit } else { 0 };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        group_digits(num.digits, min_width, num.group, spec.grouping)
    };
    let n_grouped = grouped.len() as i64;
    let padding = spec.width - (non_digit + n_grouped);
    let (mut l, mut s, mut r) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => r = padding,
            '^' => {
                l = padding / 2;
                r = padding - l;
            }
            '=' => s = padding,
            _ => l = padding,
        }
    }
    let mut out = String::with_capacity((non_digit + n_grouped + padding.max(0)) as usize);
    push_fill(&mut out, spec.fill, l);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(num.prefix);
    push_fill(&mut out, spec.fill, s);
    out.push_str(&grouped);
    if num.decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_fill(&mut out, spec.fill, r);
    out
}

/// `format(s, spec)` for a str: fill, align (not '='), width, precision
/// (truncation), type 's'.
pub fn format_str(s: &Str, spec: &str) -> PyResult<Str> {
    if spec.is_empty() {
        return Ok(s.clone());
    }
    let f = parse_spec(spec, "str", 's', '<')?;
    if f.ty != 's' {
        return Err(unknown_code(f.ty, "str"));
    }
    if f.sign == ' ' {
        return Err(value_error("Space not allowed in string format specifier"));
    }
    if f.sign != '\0' {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if f.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == '=' {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let mut len = s.char_len() as i64;
    let mut text = s.as_str();
    if f.precision >= 0 && len >= f.precision {
        len = f.precision;
        text = &text[..s.byte_offset(len as usize)];
    }
    let total = if f.width >= 0 && f.width > len { f.width } else { len };
    let left = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + (total - len) as usize);
    push_fill(&mut out, f.fill, left);
    out.push_str(text);
    push_fill(&mut out, f.fill, total - len - left);
    Ok(Str::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(s: &str, spec: &str) -> String {
        match format_str(&Str::new(s), spec) {
            Ok(v) => v.as_str().to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn strings() {
        assert_eq!(fs("abc", ""), "abc");
        assert_eq!(fs("abc", "*^7"), "**abc**");
        assert_eq!(fs("abc", "^6"), " abc  ");
        assert_eq!(fs("abc", ">5.2"), "   ab");
        assert_eq!(fs("é", "05"), "é0000");
        assert_eq!(fs("a", "abc"), "ValueError: Invalid format specifier 'abc' for object of type 'str'");
        assert_eq!(fs("a", ",s"), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(fs("a", ","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(fs("a", "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
        assert_eq!(fs("a", "+"), "ValueError: Sign not allowed in string format specifier");
        assert_eq!(fs("a", " "), "ValueError: Space not allowed in string format specifier");
        assert_eq!(fs("a", "="), "ValueError: '=' alignment not allowed in string format specifier");
        assert_eq!(fs("a", "."), "ValueError: Format specifier missing precision");
        assert_eq!(fs("a", "99999999999999999999"), "ValueError: Too many decimal digits in format string");
    }

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits("1234", 8, 3, ','), "0,001,234");
        assert_eq!(group_digits("1234", 4, 3, ','), "1,234");
        assert_eq!(group_digits("1234", 0, 0, ','), "1234");
        assert_eq!(group_digits("1234", 6, 0, ','), "001234");
        assert_eq!(group_digits("12345", 0, 4, '_'), "1_2345");
    }
}
