// Benchmark driver for str-bench.mjs: each `b_<name>(n)` runs one string
// operation n times inside wasm (no JS calls in the loop) and returns a
// checksum so the work cannot be optimized away.
use portalis_rt::*;

fn text() -> Str {
    Str::new("the quick brown fox jumps over the lazy dog")
}

#[no_mangle]
pub extern "C" fn b_split(n: i64) -> i64 {
    let t = text();
    let mut acc = 0;
    for _ in 0..n {
        acc += str_split(&t, None, -1).unwrap().len() as i64;
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_upper_ascii(n: i64) -> i64 {
    let t = text();
    let mut acc = 0;
    for _ in 0..n {
        acc += str_len(&str_upper(&t));
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_lower_greek(n: i64) -> i64 {
    let t = Str::new("ΟΔΥΣΣΕΥΣ ΚΑΙ ΠΗΝΕΛΟΠΗ ΣΤΗΝ ΙΘΑΚΗ");
    let mut acc = 0;
    for _ in 0..n {
        acc += str_len(&str_lower(&t));
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_find(n: i64) -> i64 {
    let t = text();
    let sub = Str::new("lazy");
    let mut acc = 0;
    for _ in 0..n {
        acc += str_find(&t, &sub, None, None);
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_replace(n: i64) -> i64 {
    let t = text();
    let (a, b) = (Str::new("o"), Str::new("0"));
    let mut acc = 0;
    for _ in 0..n {
        acc += str_len(&str_replace(&t, &a, &b, -1));
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_format_float(n: i64) -> i64 {
    let mut acc = 0;
    for i in 0..n {
        acc += str_len(&format_float(i as f64 * 1.37, ".3f").unwrap());
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_format_float_repr(n: i64) -> i64 {
    let mut acc = 0;
    for i in 0..n {
        acc += str_len(&format_float(i as f64 * 1.37, "").unwrap());
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_format_int(n: i64) -> i64 {
    let mut acc = 0;
    for i in 0..n {
        acc += str_len(&format_int(i * 7919, ">12,").unwrap());
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_int_parse(n: i64) -> i64 {
    let t = Str::new("  123456789 ");
    let mut acc = 0;
    for _ in 0..n {
        acc += int_from_str(&t, 10).unwrap();
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_float_parse(n: i64) -> i64 {
    let t = Str::new("3.14159265358979");
    let mut acc = 0.0;
    for _ in 0..n {
        acc += float_from_str(&t).unwrap();
    }
    acc as i64
}

#[no_mangle]
pub extern "C" fn b_iadd(n: i64) -> i64 {
    let mut s = Str::new("");
    let c = Str::new("x");
    for _ in 0..n {
        str_iadd(&mut s, &c);
    }
    str_len(&s)
}

#[no_mangle]
pub extern "C" fn b_index_ascii(n: i64) -> i64 {
    let t = str_repeat(&Str::new("abcdefghij"), 100).unwrap();
    let mut acc = 0;
    for i in 0..n {
        acc += str_len(&str_index(&t, i % 1000).unwrap());
    }
    acc
}

#[no_mangle]
pub extern "C" fn b_index_nonascii(n: i64) -> i64 {
    let t = str_repeat(&Str::new("abcdéfghij"), 100).unwrap();
    let mut acc = 0;
    for i in 0..n {
        acc += str_len(&str_index(&t, i % 1000).unwrap());
    }
    acc
}
