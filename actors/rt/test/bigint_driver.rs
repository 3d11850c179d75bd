// Differential-test driver for `PyInt`: JS writes a batch of case lines into
// the buffer from `b_alloc`, `b_run` evaluates each with portalis_rt and
// leaves one result line per case in the buffer read through `b_out_ptr` /
// `b_out_len`. Ints travel in signed hex (`-1f`), floats as their IEEE bits
// in 16 hex digits, strings for `fromstr` as hex-encoded UTF-8.
//
// Case:   op arg...            (see bigint_oracle.py for the op list)
// Result: i <hex> | ii <hex> <hex> | c <-1|0|1> <==,<,>= as 0/1> | f <bits> | s <text> | e <Type>\t<message>
//
// `bench_pyint_add` / `bench_i64_add` time the small-int fast path against
// plain checked i64 adds (see actors/rt/README.md, "Arbitrary-precision int").
use portalis_rt::{Exc, PyErr, PyInt, PyResult};
use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = RefCell::new(Vec::new());
    static OUTPUT: RefCell<Vec<u8>> = RefCell::new(Vec::new());
}

#[no_mangle]
pub extern "C" fn b_alloc(len: usize) -> *mut u8 {
    INPUT.with(|i| {
        let mut i = i.borrow_mut();
        i.clear();
        i.resize(len, 0);
        i.as_mut_ptr()
    })
}

#[no_mangle]
pub extern "C" fn b_out_ptr() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn b_out_len() -> usize {
    OUTPUT.with(|o| o.borrow().len())
}

fn int(s: &str) -> PyInt {
    PyInt::from_str_radix(s, 16).expect("hex operand")
}

fn hex(v: &PyInt) -> String {
    v.to_str_radix(16)
}

fn bits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2).map(|k| u8::from_str_radix(&s[2 * k..2 * k + 2], 16).unwrap()).collect();
    String::from_utf8(bytes).expect("utf-8 operand")
}

fn eval(line: &str) -> PyResult<String> {
    let w: Vec<&str> = line.split(' ').collect();
    let a = || int(w[1]);
    let b = || int(w[2]);
    let i = |v: PyInt| format!("i {}", hex(&v));
    let f = |x: f64| format!("f {}", bits(x));
    Ok(match w[0] {
        "add" => i(a().add(&b())),
        "sub" => i(a().sub(&b())),
        "mul" => i(a().mul(&b())),
        "neg" => i(a().neg()),
        "abs" => i(a().abs()),
        "floordiv" => i(a().floordiv(&b())?),
        "mod" => i(a().mod_(&b())?),
        "divmod" => {
            let (q, r) = a().divmod(&b())?;
            format!("ii {} {}", hex(&q), hex(&r))
        }
        "pow" => match a().pow(&b())? {
            Ok(v) => i(v),
            Err(_) => f(a().pow_float(&b())?),
        },
        "powmod" => i(a().pow_mod(&b(), &int(w[3]))?),
        "lshift" => i(a().lshift(&b())?),
        "rshift" => i(a().rshift(&b())?),
        "and" => i(a().bitand(&b())),
        "or" => i(a().bitor(&b())),
        "xor" => i(a().bitxor(&b())),
        "invert" => i(a().invert()),
        "cmp" => {
            let (x, y) = (a(), b());
            let c = x.cmp(&y) as i64;
            format!("c {} {}{}{}", c, (x == y) as u8, (x < y) as u8, (x >= y) as u8)
        }
        "hash" => i(PyInt::from_i64(a().py_hash())),
        "float" => f(a().to_f64()?),
        "truediv" => f(a().truediv(&b())?),
        "fromfloat" => i(PyInt::from_f64(f64::from_bits(u64::from_str_radix(w[1], 16).unwrap()))?),
        "str" => format!("s {}", a().to_string_checked()?),
        "fromstr" => i(PyInt::from_str_radix(&unhex(w[2]), w[1].parse().unwrap())?),
        "bitlen" => i(PyInt::from_i64(a().bit_length() as i64)),
        op => return Err(PyErr::new(Exc::NotImplementedError, op)),
    })
}

#[no_mangle]
pub extern "C" fn b_run() {
    let input = INPUT.with(|i| String::from_utf8(i.borrow().clone()).expect("utf-8 cases"));
    let mut out = String::new();
    for line in input.lines() {
        match eval(line) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                out.push_str("e ");
                out.push_str(e.kind().name());
                out.push('\t');
                out.push_str(e.message());
            }
        }
        out.push('\n');
    }
    OUTPUT.with(|o| *o.borrow_mut() = out.into_bytes());
}

/// Sum of 0..n with PyInt adds (stays on the i64 fast path).
#[no_mangle]
pub extern "C" fn bench_pyint_add(n: i64) -> i64 {
    let mut acc = PyInt::from_i64(0);
    let mut k = PyInt::from_i64(0);
    let one = PyInt::from_i64(1);
    while k.to_i64() != Some(n) {
        acc = acc.add(&k);
        k = k.add(&one);
    }
    acc.to_i64().unwrap_or(-1)
}

/// Sum of 0..n with checked i64 adds (today's generated code).
#[no_mangle]
pub extern "C" fn bench_i64_add(n: i64) -> i64 {
    let mut acc = 0i64;
    let mut k = 0i64;
    while k != n {
        acc = match portalis_rt::int_add(acc, k) {
            Ok(v) => v,
            Err(_) => return -1,
        };
        k = match portalis_rt::int_add(k, 1) {
            Ok(v) => v,
            Err(_) => return -1,
        };
    }
    acc
}
