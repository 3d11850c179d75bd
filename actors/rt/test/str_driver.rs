// Differential-test driver for portalis_rt's strings and formatting
// (str-differential.test.ts). One entry point: JS writes a request into
// memory from `d_alloc`, calls `d_call`, and reads a JSON result from
// `d_result_ptr`/`d_result_len`.
//
// Request: the function name, then arguments, each `<tag><byte length>:<bytes>`
// with tags s (str), i (int, decimal), p (PyInt, hex), f (float, 16 hex digits of the IEEE
// bits), b (bool, 0/1), n (None, length 0), l (list of str: the items as
// nested `s` arguments). Result: {"ok": value} or {"err": [class, message]};
// values are JSON strings, {"i": "decimal"}, {"x": "hex"} (PyInt), {"f": "hex bits"}, booleans, and
// arrays (lists and tuples).
use portalis_rt::*;
use std::cell::RefCell;

thread_local! {
    static RESULT: RefCell<String> = RefCell::new(String::new());
}

#[no_mangle]
pub extern "C" fn d_alloc(len: usize) -> *mut u8 {
    let mut v = vec![0u8; len.max(1)];
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

#[no_mangle]
pub extern "C" fn d_free(p: *mut u8, len: usize) {
    unsafe { drop(Vec::from_raw_parts(p, len.max(1), len.max(1))) }
}

#[no_mangle]
pub extern "C" fn d_result_ptr() -> *const u8 {
    RESULT.with(|r| r.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn d_result_len() -> usize {
    RESULT.with(|r| r.borrow().len())
}

enum A {
    S(Str),
    I(i64),
    P(PyInt),
    F(f64),
    B(bool),
    N,
    L(Vec<Str>),
}

fn parse_args(mut b: &[u8]) -> Vec<A> {
    let mut out = Vec::new();
    while !b.is_empty() {
        let tag = b[0];
        let colon = b.iter().position(|&c| c == b':').unwrap();
        let len: usize = std::str::from_utf8(&b[1..colon]).unwrap().parse().unwrap();
        let body = &b[colon + 1..colon + 1 + len];
        let text = std::str::from_utf8(body).unwrap();
        out.push(match tag {
            b's' => A::S(Str::new(text)),
            b'i' => A::I(text.parse().unwrap()),
            b'p' => A::P(PyInt::from_str_radix(text, 16).unwrap()),
            b'f' => A::F(f64::from_bits(u64::from_str_radix(text, 16).unwrap())),
            b'b' => A::B(text == "1"),
            b'n' => A::N,
            b'l' => A::L(
                parse_args(body).into_iter().map(|a| if let A::S(s) = a { s } else { panic!("list of str") }).collect(),
            ),
            _ => panic!("bad tag"),
        });
        b = &b[colon + 1 + len..];
    }
    out
}

fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

trait Json {
    fn json(&self, out: &mut String);
}

impl Json for Str {
    fn json(&self, out: &mut String) {
        json_str(self.as_str(), out)
    }
}
impl Json for i64 {
    fn json(&self, out: &mut String) {
        out.push_str(&format!("{{\"i\":\"{}\"}}", self))
    }
}
impl Json for PyInt {
    fn json(&self, out: &mut String) {
        out.push_str(&format!("{{\"x\":\"{}\"}}", self.to_str_radix(16)))
    }
}
impl Json for f64 {
    fn json(&self, out: &mut String) {
        out.push_str(&format!("{{\"f\":\"{:016x}\"}}", self.to_bits()))
    }
}
impl Json for bool {
    fn json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" })
    }
}
impl Json for Vec<Str> {
    fn json(&self, out: &mut String) {
        out.push('[');
        for (k, x) in self.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            x.json(out);
        }
        out.push(']');
    }
}
impl Json for (Str, Str, Str) {
    fn json(&self, out: &mut String) {
        vec![self.0.clone(), self.1.clone(), self.2.clone()].json(out)
    }
}

fn ok<T: Json>(v: T) -> String {
    let mut out = String::from("{\"ok\":");
    v.json(&mut out);
    out.push('}');
    out
}

fn res<T: Json>(r: PyResult<T>) -> String {
    match r {
        Ok(v) => ok(v),
        Err(e) => {
            let mut out = String::from("{\"err\":[");
            json_str(e.kind().name(), &mut out);
            out.push(',');
            json_str(e.message(), &mut out);
            out.push_str("]}");
            out
        }
    }
}

fn s(a: &A) -> &Str {
    match a {
        A::S(s) => s,
        _ => panic!("expected str"),
    }
}
fn os(a: &A) -> Option<&Str> {
    match a {
        A::N => None,
        a => Some(s(a)),
    }
}
fn i(a: &A) -> i64 {
    match a {
        A::I(v) => *v,
        _ => panic!("expected int"),
    }
}
fn oi(a: &A) -> Option<i64> {
    match a {
        A::N => None,
        a => Some(i(a)),
    }
}
fn p(a: &A) -> &PyInt {
    match a {
        A::P(v) => v,
        _ => panic!("expected PyInt"),
    }
}
fn f(a: &A) -> f64 {
    match a {
        A::F(v) => *v,
        _ => panic!("expected float"),
    }
}
fn b(a: &A) -> bool {
    match a {
        A::B(v) => *v,
        _ => panic!("expected bool"),
    }
}
fn l(a: &A) -> &[Str] {
    match a {
        A::L(v) => v,
        _ => panic!("expected list"),
    }
}

/// Per character of `s`: the predicates as a bit string and the four case mappings.
fn charinfo(t: &Str) -> Vec<Str> {
    str_chars(t)
        .iter()
        .map(|c| {
            let preds = [
                str_isalpha(c),
                str_isdecimal(c),
                str_isdigit(c),
                str_isnumeric(c),
                str_isalnum(c),
                str_isspace(c),
                str_isprintable(c),
                str_isupper(c),
                str_islower(c),
                str_istitle(c),
                str_isidentifier(c),
                str_splitlines(&str_concat(&Str::new("a"), &str_concat(c, &Str::new("b"))), false).len() == 2,
            ];
            let bits: String = preds.iter().map(|&p| if p { '1' } else { '0' }).collect();
            let maps = [str_upper(c), str_lower(c), str_title(c), str_casefold(c), str_swapcase(c)];
            let mut out = bits;
            for m in maps.iter() {
                out.push('|');
                out.push_str(m.as_str());
            }
            Str::from(out)
        })
        .collect()
}

fn dispatch(name: &str, a: &[A]) -> String {
    match name {
        "len" => ok(str_len(s(&a[0]))),
        "index" => res(str_index(s(&a[0]), i(&a[1]))),
        "slice" => res(str_slice(s(&a[0]), oi(&a[1]), oi(&a[2]), oi(&a[3]))),
        "concat" => ok(str_concat(s(&a[0]), s(&a[1]))),
        "repeat" => res(str_repeat(s(&a[0]), i(&a[1]))),
        "contains" => ok(str_contains(s(&a[0]), s(&a[1]))),
        "chars" => ok(str_chars(s(&a[0]))),
        "lt" => ok(str_lt(s(&a[0]), s(&a[1]))),
        "le" => ok(str_le(s(&a[0]), s(&a[1]))),
        "eq" => ok(str_eq(s(&a[0]), s(&a[1]))),
        "ord" => res(py_ord(s(&a[0]))),
        "chr" => res(py_chr(i(&a[0]))),
        "repr" => ok(repr_of_str(s(&a[0]))),
        "ascii" => ok(ascii_of(s(&a[0]))),
        "split" => res(str_split(s(&a[0]), os(&a[1]), i(&a[2]))),
        "rsplit" => res(str_rsplit(s(&a[0]), os(&a[1]), i(&a[2]))),
        "join" => ok(str_join(s(&a[0]), l(&a[1]))),
        "strip" => ok(str_strip(s(&a[0]), os(&a[1]))),
        "lstrip" => ok(str_lstrip(s(&a[0]), os(&a[1]))),
        "rstrip" => ok(str_rstrip(s(&a[0]), os(&a[1]))),
        "replace" => ok(str_replace(s(&a[0]), s(&a[1]), s(&a[2]), i(&a[3]))),
        "upper" => ok(str_upper(s(&a[0]))),
        "lower" => ok(str_lower(s(&a[0]))),
        "casefold" => ok(str_casefold(s(&a[0]))),
        "title" => ok(str_title(s(&a[0]))),
        "capitalize" => ok(str_capitalize(s(&a[0]))),
        "swapcase" => ok(str_swapcase(s(&a[0]))),
        "startswith" => ok(str_startswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "endswith" => ok(str_endswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "find" => ok(str_find(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "rfind" => ok(str_rfind(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "index_of" => res(str_index_of(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "rindex" => res(str_rindex(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "count" => ok(str_count(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "isdigit" => ok(str_isdigit(s(&a[0]))),
        "isdecimal" => ok(str_isdecimal(s(&a[0]))),
        "isnumeric" => ok(str_isnumeric(s(&a[0]))),
        "isalpha" => ok(str_isalpha(s(&a[0]))),
        "isalnum" => ok(str_isalnum(s(&a[0]))),
        "isspace" => ok(str_isspace(s(&a[0]))),
        "isupper" => ok(str_isupper(s(&a[0]))),
        "islower" => ok(str_islower(s(&a[0]))),
        "istitle" => ok(str_istitle(s(&a[0]))),
        "isidentifier" => ok(str_isidentifier(s(&a[0]))),
        "isascii" => ok(str_isascii(s(&a[0]))),
        "isprintable" => ok(str_isprintable(s(&a[0]))),
        "zfill" => ok(str_zfill(s(&a[0]), i(&a[1]))),
        "center" => res(str_center(s(&a[0]), i(&a[1]), os(&a[2]))),
        "ljust" => res(str_ljust(s(&a[0]), i(&a[1]), os(&a[2]))),
        "rjust" => res(str_rjust(s(&a[0]), i(&a[1]), os(&a[2]))),
        "splitlines" => ok(str_splitlines(s(&a[0]), b(&a[1]))),
        "partition" => res(str_partition(s(&a[0]), s(&a[1]))),
        "rpartition" => res(str_rpartition(s(&a[0]), s(&a[1]))),
        "expandtabs" => res(str_expandtabs(s(&a[0]), i(&a[1]))),
        "removeprefix" => ok(str_removeprefix(s(&a[0]), s(&a[1]))),
        "removesuffix" => ok(str_removesuffix(s(&a[0]), s(&a[1]))),
        "int" => res(int_from_str(s(&a[0]), i(&a[1]))),
        "float" => res(float_from_str(s(&a[0]))),
        "bin" => ok(py_bin(i(&a[0]))),
        "oct" => ok(py_oct(i(&a[0]))),
        "hex" => ok(py_hex(i(&a[0]))),
        "format_int" => res(format_int(i(&a[0]), s(&a[1]).as_str())),
        "format_float" => res(format_float(f(&a[0]), s(&a[1]).as_str())),
        "format_str" => res(format_str(s(&a[0]), s(&a[1]).as_str())),
        "format_bool" => res(format_bool(b(&a[0]), s(&a[1]).as_str())),
        "charinfo" => ok(charinfo(s(&a[0]))),
        "format_pyint" => res(format_pyint(p(&a[0]), s(&a[1]).as_str())),
        "pyint_bin" => ok(pyint_bin(p(&a[0]))),
        "pyint_oct" => ok(pyint_oct(p(&a[0]))),
        "pyint_hex" => ok(pyint_hex(p(&a[0]))),
        "pyint_from_str" => res(pyint_from_str(s(&a[0]), i(&a[1]))),
        _ => panic!("unknown function {}", name),
    }
}

fn repr_of_str(x: &Str) -> Str {
    let mut out = String::new();
    x.py_repr(&mut out);
    Str::from(out)
}

#[no_mangle]
pub extern "C" fn d_call(p: *mut u8, len: usize) {
    let req = unsafe { std::slice::from_raw_parts(p, len) };
    let sp = req.iter().position(|&c| c == b' ').unwrap();
    let name = std::str::from_utf8(&req[..sp]).unwrap();
    let args = parse_args(&req[sp + 1..]);
    let out = dispatch(name, &args);
    RESULT.with(|r| *r.borrow_mut() = out);
}
