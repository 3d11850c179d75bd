// Differential-test driver for portalis_rt's containers (containers.test.ts).
// Reads one program per stdin line, runs it on portalis_rt's List, Dict,
// Set and FrozenSet, and prints one output line per statement, in the
// format containers_oracle.py prints for CPython:
//   ok <text>  |  err <ExceptionType> <message>  |  overflow
// ("overflow": an int result outside i64, Portalis' OverflowError; the outputs of one program joined by " \x01").
//
// A line is `<kind> <stmt> ; <stmt> ; ...`. Kinds fix the element type:
//   SI / SF / ST  sets of int / float / (int, int) tuples
//   LI            a list of ints            LF  a list of floats (sorting)
//   DI / DF       dicts int -> int / float -> int
//   TU / RG       a tuple of ints / a range
// Values: ints in decimal, floats as 16 hex digits (IEEE bits), tuples `a,b`.
use portalis_rt::*;
use std::collections::HashMap;
use std::io::{BufRead, Write};

trait Elem: PyHash + PyOrd {
    fn parse(tok: &str) -> Self;
}

impl Elem for i64 {
    fn parse(tok: &str) -> i64 {
        tok.parse().expect("int token")
    }
}

impl Elem for f64 {
    fn parse(tok: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(tok, 16).expect("float token"))
    }
}

impl Elem for (i64, i64) {
    fn parse(tok: &str) -> (i64, i64) {
        let mut it = tok.split(',');
        let a = it.next().unwrap().parse().unwrap();
        let b = it.next().unwrap().parse().unwrap();
        (a, b)
    }
}

fn ok(s: String) -> String {
    format!("ok {}", s)
}

fn err(e: PyErr) -> String {
    if e.kind() == Exc::OverflowError && e.message() == INT_OVERFLOW {
        // a Portalis limit: CPython's int would grow (the oracle prints the same word)
        return "overflow".to_string();
    }
    format!("err {} {}", e.kind().name(), e.message())
}

fn res<T>(r: PyResult<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => ok(f(v)),
        Err(e) => err(e),
    }
}

fn items<T: Elem>(toks: &[&str]) -> Vec<T> {
    let n: usize = toks[0].parse().unwrap();
    toks[1..1 + n].iter().map(|t| T::parse(t)).collect()
}

// ── sets ─────────────────────────────────────────────────────────────────

#[derive(Clone)]
enum SV<T> {
    S(Set<T>),
    F(FrozenSet<T>),
}

impl<T: Elem> SV<T> {
    fn repr(&self) -> String {
        match self {
            SV::S(s) => repr_string(s),
            SV::F(f) => repr_string(f),
        }
    }
    fn len(&self) -> i64 {
        match self {
            SV::S(s) => set_len(s),
            SV::F(f) => set_len(f),
        }
    }
}

macro_rules! both {
    ($a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {
        match ($a, $b) {
            (SV::S($x), SV::S($y)) => $body,
            (SV::S($x), SV::F($y)) => $body,
            (SV::F($x), SV::S($y)) => $body,
            (SV::F($x), SV::F($y)) => $body,
        }
    };
}

macro_rules! binop {
    ($a:expr, $b:expr, $f:ident) => {
        match ($a, $b) {
            (SV::S(x), SV::S(y)) => SV::S($f(x, y)),
            (SV::S(x), SV::F(y)) => SV::S($f(x, y)),
            (SV::F(x), SV::S(y)) => SV::F($f(x, y)),
            (SV::F(x), SV::F(y)) => SV::F($f(x, y)),
        }
    };
}

macro_rules! inplace {
    ($a:expr, $b:expr, $f:ident) => {
        match $b {
            SV::S(y) => $f($a, y),
            SV::F(y) => $f($a, y),
        }
    };
}

macro_rules! with_items {
    ($a:expr, $xs:expr, $f:ident) => {
        match $a {
            SV::S(x) => SV::S($f(x, $xs)),
            SV::F(x) => SV::F($f(x, $xs)),
        }
    };
}

fn run_set<T: Elem>(stmts: &[Vec<&str>]) -> Vec<String> {
    let mut vars: HashMap<String, SV<T>> = HashMap::new();
    let mut out = Vec::new();
    for st in stmts {
        let op = st[0];
        let v = st.get(1).map(|s| s.to_string()).unwrap_or_default();
        let get = |vars: &HashMap<String, SV<T>>, name: &str| vars.get(name).cloned().expect("defined variable");
        let line = match op {
            "new" => {
                let xs = items::<T>(&st[3..]);
                let s = if st[2] == "f" { SV::F(FrozenSet::from_vec(xs)) } else { SV::S(Set::from_vec(xs)) };
                let r = s.repr();
                vars.insert(v, s);
                ok(r)
            }
            "fromdict" => {
                let xs = items::<T>(&st[2..]);
                let d = dict_fromkeys(xs, 0i64);
                let s = SV::S(Set::from_dict_keys(&d));
                let r = s.repr();
                vars.insert(v, s);
                ok(r)
            }
            "add" | "discard" | "remove" | "pop" | "clear" => {
                let s = match get(&vars, &v) {
                    SV::S(s) => s,
                    SV::F(_) => panic!("mutating a frozenset"),
                };
                match op {
                    "add" => {
                        set_add(&s, T::parse(st[2]));
                        ok(repr_string(&s))
                    }
                    "discard" => {
                        set_discard(&s, &T::parse(st[2]));
                        ok(repr_string(&s))
                    }
                    "remove" => res(set_remove(&s, &T::parse(st[2])), |_| repr_string(&s)),
                    "pop" => res(set_pop(&s), |x| format!("{} {}", repr_string(&x), repr_string(&s))),
                    _ => {
                        set_clear(&s);
                        ok(repr_string(&s))
                    }
                }
            }
            "copy" => {
                let s = match get(&vars, &v) {
                    SV::S(s) => SV::S(set_copy(&s)),
                    SV::F(f) => SV::F(f.clone()),
                };
                let r = s.repr();
                vars.insert(st[2].to_string(), s);
                ok(r)
            }
            "fz" => {
                let s = match get(&vars, &v) {
                    SV::S(s) => SV::F(FrozenSet::from_set(&s)),
                    SV::F(f) => SV::F(f),
                };
                let r = s.repr();
                vars.insert(st[2].to_string(), s);
                ok(r)
            }
            "thaw" => {
                let s = match get(&vars, &v) {
                    SV::S(s) => SV::S(Set::from_set(&s)),
                    SV::F(f) => SV::S(Set::from_set(&f)),
                };
                let r = s.repr();
                vars.insert(st[2].to_string(), s);
                ok(r)
            }
            "bin" => {
                let a = get(&vars, &v);
                let b = get(&vars, st[2]);
                let r = match st[4] {
                    "|" => binop!(&a, &b, set_union),
                    "&" => binop!(&a, &b, set_intersection),
                    "-" => binop!(&a, &b, set_difference),
                    _ => binop!(&a, &b, set_symmetric_difference),
                };
                let text = r.repr();
                vars.insert(st[3].to_string(), r);
                ok(text)
            }
            "inp" => {
                let a = match get(&vars, &v) {
                    SV::S(s) => s,
                    SV::F(_) => panic!("in-place on a frozenset"),
                };
                let b = get(&vars, st[2]);
                match st[3] {
                    "|" => inplace!(&a, &b, set_update),
                    "&" => inplace!(&a, &b, set_intersection_update),
                    "-" => inplace!(&a, &b, set_difference_update),
                    _ => inplace!(&a, &b, set_symmetric_difference_update),
                }
                ok(repr_string(&a))
            }
            "items" => {
                let a = get(&vars, &v);
                let target = st[2].to_string();
                let meth = st[3];
                let xs = items::<T>(&st[4..]);
                match meth {
                    "union" | "intersection" | "difference" | "symmetric_difference" => {
                        let r = match meth {
                            "union" => with_items!(&a, xs, set_union_items),
                            "intersection" => with_items!(&a, xs, set_intersection_items),
                            "difference" => with_items!(&a, xs, set_difference_items),
                            _ => with_items!(&a, xs, set_symmetric_difference_items),
                        };
                        let text = r.repr();
                        vars.insert(target, r);
                        ok(text)
                    }
                    "issubset" | "issuperset" | "isdisjoint" => {
                        let b = match (meth, &a) {
                            ("issubset", SV::S(x)) => set_issubset_items(x, xs),
                            ("issubset", SV::F(x)) => set_issubset_items(x, xs),
                            ("issuperset", SV::S(x)) => set_issuperset_items(x, xs),
                            ("issuperset", SV::F(x)) => set_issuperset_items(x, xs),
                            (_, SV::S(x)) => set_isdisjoint_items(x, xs),
                            (_, SV::F(x)) => set_isdisjoint_items(x, xs),
                        };
                        ok(repr_string(&b))
                    }
                    _ => {
                        let s = match &a {
                            SV::S(s) => s.clone(),
                            SV::F(_) => panic!("in-place on a frozenset"),
                        };
                        match meth {
                            "update" => set_update_items(&s, xs),
                            "intersection_update" => set_intersection_update_items(&s, xs),
                            "difference_update" => set_difference_update_items(&s, xs),
                            _ => set_symmetric_difference_update_items(&s, xs),
                        }
                        ok(repr_string(&s))
                    }
                }
            }
            "dictarg" => {
                // methods given dict.fromkeys(xs): CPython's dict fast paths
                let a = get(&vars, &v);
                let target = st[2].to_string();
                let d = dict_fromkeys(items::<T>(&st[4..]), 0i64);
                match st[3] {
                    "update" | "symmetric_difference_update" => {
                        let s = match &a {
                            SV::S(s) => s.clone(),
                            SV::F(_) => panic!("in-place on a frozenset"),
                        };
                        if st[3] == "update" {
                            set_update_dict(&s, &d);
                        } else {
                            set_symmetric_difference_update_dict(&s, &d);
                        }
                        ok(repr_string(&s))
                    }
                    meth => {
                        let r = match (meth, &a) {
                            ("difference", SV::S(x)) => SV::S(set_difference_dict(x, &d)),
                            ("difference", SV::F(x)) => SV::F(set_difference_dict(x, &d)),
                            (_, SV::S(x)) => SV::S(set_intersection_dict(x, &d)),
                            (_, SV::F(x)) => SV::F(set_intersection_dict(x, &d)),
                        };
                        let text = r.repr();
                        vars.insert(target, r);
                        ok(text)
                    }
                }
            }
            "cmp" => {
                let a = get(&vars, &v);
                let b = get(&vars, st[2]);
                let r = both!(&a, &b, |x, y| format!(
                    "{} {} {} {} {} {}",
                    repr_string(&set_issubset(x, y)),
                    repr_string(&set_lt(x, y)),
                    repr_string(&set_eq(x, y)),
                    repr_string(&set_issuperset(x, y)),
                    repr_string(&set_gt(x, y)),
                    repr_string(&set_isdisjoint(x, y))
                ));
                ok(r)
            }
            "has" => {
                let a = get(&vars, &v);
                let x = T::parse(st[2]);
                let b = match &a {
                    SV::S(s) => set_contains(s, &x),
                    SV::F(f) => set_contains(f, &x),
                };
                ok(format!("{} {}", repr_string(&b), a.len()))
            }
            "hash" => match get(&vars, &v) {
                SV::F(f) => ok(f.py_hash().to_string()),
                SV::S(_) => panic!("hash of a set"),
            },
            "iter" => {
                // for x in s: ... s.add(x2) inside the loop -> RuntimeError
                let s = match get(&vars, &v) {
                    SV::S(s) => s,
                    SV::F(_) => panic!("iter on a frozenset"),
                };
                let extra = T::parse(st[2]);
                let mut it = s.iter();
                let mut seen = Vec::new();
                let r = loop {
                    match it.next_checked() {
                        Ok(Some(x)) => {
                            seen.push(repr_string(&x));
                            if seen.len() == 2 {
                                set_add(&s, extra.clone());
                            }
                        }
                        Ok(None) => break Ok(()),
                        Err(e) => break Err(e),
                    }
                };
                match r {
                    Ok(()) => ok(seen.join(",")),
                    Err(e) => format!("{} after {}", err(e), seen.join(",")),
                }
            }
            _ => panic!("unknown set statement {}", op),
        };
        out.push(line);
    }
    out
}

// ── lists ────────────────────────────────────────────────────────────────

fn opt(tok: &str) -> Option<i64> {
    if tok == "_" {
        None
    } else {
        Some(tok.parse().unwrap())
    }
}

fn key_of<T: Elem>(name: &str) -> Box<dyn Fn(&T) -> PyResult<T>>
where
    T: KeyFns,
{
    T::key(name)
}

trait KeyFns: Sized {
    fn key(name: &str) -> Box<dyn Fn(&Self) -> PyResult<Self>>;
}

impl KeyFns for i64 {
    fn key(name: &str) -> Box<dyn Fn(&i64) -> PyResult<i64>> {
        match name {
            "neg" => Box::new(|x: &i64| int_neg(*x)),
            "mod7" => Box::new(|x: &i64| int_mod(*x, 7)),
            _ => Box::new(|x: &i64| int_abs(*x)),
        }
    }
}

impl KeyFns for f64 {
    fn key(name: &str) -> Box<dyn Fn(&f64) -> PyResult<f64>> {
        match name {
            "neg" => Box::new(|x: &f64| Ok(-*x)),
            "mod7" => Box::new(|x: &f64| float_mod(*x, 7.0)),
            _ => Box::new(|x: &f64| Ok(x.abs())),
        }
    }
}

fn run_list<T: Elem + KeyFns>(stmts: &[Vec<&str>]) -> Vec<String> {
    let xs: List<T> = List::new();
    let mut out = Vec::new();
    let show = |xs: &List<T>| repr_string(xs);
    for st in stmts {
        let line = match st[0] {
            "new" => {
                let v = items::<T>(&st[1..]);
                let mut b = xs.borrow_mut();
                b.clear();
                b.extend(v);
                drop(b);
                ok(show(&xs))
            }
            "get" => res(list_getitem(&xs, st[1].parse().unwrap()), |x| repr_string(&x)),
            "set" => res(list_setitem(&xs, st[1].parse().unwrap(), T::parse(st[2])), |_| show(&xs)),
            "del" => res(list_delitem(&xs, st[1].parse().unwrap()), |_| show(&xs)),
            "getslice" => res(list_getslice(&xs, opt(st[1]), opt(st[2]), opt(st[3])), |l| repr_string(&l)),
            "setslice" => res(list_setslice(&xs, opt(st[1]), opt(st[2]), opt(st[3]), items::<T>(&st[4..])), |_| show(&xs)),
            "setself" => res(list_setslice(&xs, opt(st[1]), opt(st[2]), opt(st[3]), xs.to_vec()), |_| show(&xs)),
            "delslice" => res(list_delslice(&xs, opt(st[1]), opt(st[2]), opt(st[3])), |_| show(&xs)),
            "insert" => {
                list_insert(&xs, st[1].parse().unwrap(), T::parse(st[2]));
                ok(show(&xs))
            }
            "append" => {
                list_append(&xs, T::parse(st[1]));
                ok(show(&xs))
            }
            "extendself" => {
                list_extend_list(&xs, &xs.clone());
                ok(show(&xs))
            }
            "pop" => res(list_pop(&xs, opt(st[1])), |x| format!("{} {}", repr_string(&x), show(&xs))),
            "remove" => res(list_remove(&xs, &T::parse(st[1])), |_| show(&xs)),
            "index" => res(list_index(&xs, &T::parse(st[1]), opt(st[2]), opt(st[3])), |i| i.to_string()),
            "count" => ok(list_count(&xs, &T::parse(st[1])).to_string()),
            "has" => ok(repr_string(&list_contains(&xs, &T::parse(st[1])))),
            "reverse" => {
                list_reverse(&xs);
                ok(show(&xs))
            }
            "repeat" => ok(repr_string(&list_repeat(&xs, st[1].parse().unwrap()))),
            "cmp" => {
                let other = List::from_vec(items::<T>(&st[1..]));
                ok(format!(
                    "{} {} {} {} {}",
                    repr_string(&list_eq(&xs, &other)),
                    repr_string(&list_lt(&xs, &other)),
                    repr_string(&list_le(&xs, &other)),
                    repr_string(&list_gt(&xs, &other)),
                    repr_string(&list_ge(&xs, &other))
                ))
            }
            "sort" => {
                let reverse = st[1] == "1";
                let r = if st[2] == "none" {
                    list_sort(&xs, reverse)
                } else {
                    let k = key_of::<T>(st[2]);
                    list_sort_by_key(&xs, &*k, reverse)
                };
                res(r, |_| show(&xs))
            }
            "sortpairs" => {
                // sorted(zip(xs, range(n)), reverse=...) on (value, position) tuples
                let reverse = st[1] == "1";
                let pairs: Vec<(T, i64)> = xs.to_vec().into_iter().enumerate().map(|(i, x)| (x, i as i64)).collect();
                let l = List::from_vec(pairs);
                res(list_sort(&l, reverse), |_| repr_string(&l))
            }
            "minmax" => {
                let v = xs.to_vec();
                let k = key_of::<T>(st[1]);
                let a = res(min_by_key(&v, &*k), |x| repr_string(&x));
                let b = res(max_by_key(&v, &*k), |x| repr_string(&x));
                format!("{} | {}", a, b)
            }
            _ => panic!("unknown list statement {}", st[0]),
        };
        out.push(line);
    }
    out
}

// ── dicts ────────────────────────────────────────────────────────────────

fn run_dict<K: Elem>(stmts: &[Vec<&str>]) -> Vec<String> {
    let mut d: Dict<K, i64> = Dict::new();
    let mut out = Vec::new();
    let show = |d: &Dict<K, i64>| repr_string(d);
    for st in stmts {
        let line = match st[0] {
            "set" => {
                dict_setitem(&d, K::parse(st[1]), st[2].parse().unwrap());
                ok(show(&d))
            }
            "get" => res(dict_getitem(&d, &K::parse(st[1])), |v| v.to_string()),
            "getor" => ok(dict_get_or(&d, &K::parse(st[1]), -1).to_string()),
            "del" => res(dict_delitem(&d, &K::parse(st[1])), |_| show(&d)),
            "pop" => res(dict_pop(&d, &K::parse(st[1])), |v| format!("{} {}", v, show(&d))),
            "popor" => ok(format!("{} {}", dict_pop_or(&d, &K::parse(st[1]), -1), show(&d))),
            "popitem" => res(dict_popitem(&d), |(k, v)| format!("{} {} {}", repr_string(&k), v, show(&d))),
            "setdefault" => ok(format!("{} {}", dict_setdefault(&d, K::parse(st[1]), st[2].parse().unwrap()), show(&d))),
            "has" => ok(repr_string(&dict_contains(&d, &K::parse(st[1])))),
            "update" => {
                let n: usize = st[1].parse().unwrap();
                let pairs: Vec<(K, i64)> = (0..n).map(|i| (K::parse(st[2 + 2 * i]), st[3 + 2 * i].parse().unwrap())).collect();
                let other = Dict::from_pairs(pairs);
                dict_update(&d, &other);
                ok(show(&d))
            }
            "eq" => {
                let n: usize = st[1].parse().unwrap();
                let pairs: Vec<(K, i64)> = (0..n).map(|i| (K::parse(st[2 + 2 * i]), st[3 + 2 * i].parse().unwrap())).collect();
                ok(repr_string(&dict_eq(&d, &Dict::from_pairs(pairs))))
            }
            "clear" => {
                dict_clear(&d);
                ok(show(&d))
            }
            "copy" => {
                d = dict_copy(&d);
                ok(show(&d))
            }
            "iterdel" => {
                // for k in d: del d[k]  -> RuntimeError after the first item
                let mut it = d.iter_keys();
                let r = loop {
                    match it.next_checked() {
                        Ok(Some(k)) => {
                            let _ = dict_delitem(&d, &k);
                        }
                        Ok(None) => break Ok(()),
                        Err(e) => break Err(e),
                    }
                };
                res(r, |_| show(&d))
            }
            "iterswap" => {
                // for k in d: del d[k]; d[new] = 0  (size kept) -> keys changed
                let extra = K::parse(st[1]);
                let mut it = d.iter_keys();
                let mut n = 0;
                let r = loop {
                    match it.next_checked() {
                        Ok(Some(k)) => {
                            n += 1;
                            if n == 1 {
                                let _ = dict_delitem(&d, &k);
                                dict_setitem(&d, extra.clone(), 0);
                            }
                        }
                        Ok(None) => break Ok(()),
                        Err(e) => break Err(e),
                    }
                };
                res(r, |_| format!("{} {}", n, show(&d)))
            }
            _ => panic!("unknown dict statement {}", st[0]),
        };
        out.push(line);
    }
    out
}

// ── tuples and ranges ────────────────────────────────────────────────────

fn run_tuple(stmts: &[Vec<&str>]) -> Vec<String> {
    let mut t: Tuple<i64> = Tuple::empty();
    let mut out = Vec::new();
    for st in stmts {
        let line = match st[0] {
            "new" => {
                t = Tuple::from_vec(items::<i64>(&st[1..]));
                ok(repr_string(&t))
            }
            "get" => res(tuple_getitem(&t, st[1].parse().unwrap()), |x| x.to_string()),
            "slice" => res(tuple_getslice(&t, opt(st[1]), opt(st[2]), opt(st[3])), |x| repr_string(&x)),
            "index" => res(tuple_index(&t, &st[1].parse().unwrap(), opt(st[2]), opt(st[3])), |i| i.to_string()),
            "count" => ok(tuple_count(&t, &st[1].parse().unwrap()).to_string()),
            "has" => ok(repr_string(&tuple_contains(&t, &st[1].parse().unwrap()))),
            "concat" => ok(repr_string(&tuple_concat(&t, &Tuple::from_vec(items::<i64>(&st[1..]))))),
            "repeat" => ok(repr_string(&tuple_repeat(&t, st[1].parse().unwrap()))),
            "cmp" => {
                let o = Tuple::from_vec(items::<i64>(&st[1..]));
                ok(format!("{} {} {} {}", repr_string(&t.py_eq(&o)), repr_string(&t.py_lt(&o)), repr_string(&t.py_le(&o)), repr_string(&t.py_gt(&o))))
            }
            "hash" => ok(t.py_hash().to_string()),
            "pair" => {
                // a fixed-size Rust tuple built from the first items
                let v = t.to_vec();
                match v.len() {
                    0 => ok(format!("{} {}", repr_string(&Tuple0), Tuple0.py_hash())),
                    1 => ok(format!("{} {}", repr_string(&(v[0],)), (v[0],).py_hash())),
                    2 => ok(format!("{} {}", repr_string(&(v[0], v[1])), (v[0], v[1]).py_hash())),
                    _ => {
                        let x = (v[0], (v[1] as f64) / 2.0, (v[2], v[0] == v[2]));
                        ok(format!("{} {}", repr_string(&x), x.py_hash()))
                    }
                }
            }
            _ => panic!("unknown tuple statement {}", st[0]),
        };
        out.push(line);
    }
    out
}

fn run_range(stmts: &[Vec<&str>]) -> Vec<String> {
    let mut r = Range::to(0);
    let mut out = Vec::new();
    for st in stmts {
        let line = match st[0] {
            "new" => match Range::new(st[1].parse().unwrap(), st[2].parse().unwrap(), st[3].parse().unwrap()) {
                Ok(x) => {
                    r = x;
                    ok(repr_string(&r))
                }
                Err(e) => err(e),
            },
            "len" => res(range_len(&r), |n| n.to_string()),
            "get" => res(range_getitem(&r, st[1].parse().unwrap()), |x| x.to_string()),
            "slice" => res(range_getslice(&r, opt(st[1]), opt(st[2]), opt(st[3])), |x| repr_string(&x)),
            "has" => ok(repr_string(&range_contains(&r, st[1].parse().unwrap()))),
            "index" => res(range_index(&r, st[1].parse().unwrap()), |i| i.to_string()),
            "count" => ok(range_count(&r, st[1].parse().unwrap()).to_string()),
            "eq" => {
                let o = Range::new(st[1].parse().unwrap(), st[2].parse().unwrap(), st[3].parse().unwrap()).unwrap();
                ok(repr_string(&r.py_eq(&o)))
            }
            "list" => ok(repr_string(&List::from_vec(r.iter().take(50).collect()))),
            _ => panic!("unknown range statement {}", st[0]),
        };
        out.push(line);
    }
    out
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let (kind, rest) = line.split_at(line.find(' ').unwrap_or(line.len()));
        let stmts: Vec<Vec<&str>> = rest.split(" ; ").map(|s| s.split_whitespace().collect::<Vec<&str>>()).filter(|s| !s.is_empty()).collect();
        let outs = match kind {
            "SI" => run_set::<i64>(&stmts),
            "SF" => run_set::<f64>(&stmts),
            "ST" => run_set::<(i64, i64)>(&stmts),
            "LI" => run_list::<i64>(&stmts),
            "LF" => run_list::<f64>(&stmts),
            "DI" => run_dict::<i64>(&stmts),
            "DF" => run_dict::<f64>(&stmts),
            "TU" => run_tuple(&stmts),
            "RG" => run_range(&stmts),
            _ => panic!("unknown kind {}", kind),
        };
        writeln!(w, "{}", outs.join(" \u{1}")).unwrap();
    }
}
