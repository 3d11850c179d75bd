//! Values in linear memory (docs/abi.md, ABI version 2): the compact binary
//! encoding that carries strings and containers across the WASM boundary.
//!
//! Types are static on both sides, so the encoding is untagged: the type says
//! what comes next. Little-endian, no alignment, no padding:
//!
//! | type | bytes |
//! | --- | --- |
//! | `int` | i64 |
//! | `float` | f64 |
//! | `bool` | u8, 0 or 1 |
//! | `None` | nothing |
//! | `str` | u32 byte length, then that many bytes of UTF-8 |
//! | `list[T]`, `tuple[T, ...]`, `set[T]`, `frozenset[T]` | u32 count, then the elements |
//! | `tuple[A, B, ..]` | the fields in order |
//! | `dict[K, V]` | u32 count, then key, value, key, value, ... |
//! | `Optional[T]` | u8 0 (None), or u8 1 then the value |
//!
//! A function with a non-scalar parameter or result is exported once, as
//! `f__w(ptr: i32, len: i32)`: the host asks `__portalis_alloc(len)` for the
//! input buffer, writes the encoded arguments there one after another and
//! calls `f__w` with that address and the length it wrote. The wrapper
//! decodes every argument (a malformed buffer is a `TypeError`, never a
//! panic), calls the Python function and encodes its result into the result
//! buffer, whose address and length `__portalis_result_ptr/len` give; an
//! exception goes to the state word as for every export (`abi.rs`).

use crate::abi::export_none;
use crate::dict::{dict_items, Dict};
use crate::err::{Exc, PyErr, PyResult};
use crate::list::List;
use crate::set::{FrozenSet, Set};
use crate::str::Str;
use crate::tuple::{Tuple, Tuple0};
use crate::value::{PyHash, PyValue};
use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The input buffer, at least `len` bytes: its address. The buffer stays the
/// module's; it is valid until the next `__portalis_alloc` (a call to any
/// export may grow memory, so the host renews its views after this call).
#[no_mangle]
pub extern "C" fn __portalis_alloc(len: i32) -> i32 {
    let len = if len < 0 { 0 } else { len as usize };
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < len {
            b.resize(len, 0);
        }
        b.as_mut_ptr() as usize as i32
    })
}

/// Address of the last `__w` call's encoded result.
#[no_mangle]
pub extern "C" fn __portalis_result_ptr() -> i32 {
    RESULT.with(|b| b.borrow().as_ptr() as usize as i32)
}

/// Length in bytes of the last `__w` call's encoded result.
#[no_mangle]
pub extern "C" fn __portalis_result_len() -> i32 {
    RESULT.with(|b| b.borrow().len() as i32)
}

#[cold]
fn malformed(what: &str) -> PyErr {
    PyErr::new(Exc::TypeError, &format!("malformed argument buffer: {}", what))
}

/// Reads encoded values from a byte slice; every read checks the bounds.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    /// Bytes not read yet.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    #[inline]
    pub fn bytes(&mut self, n: usize) -> PyResult<&'a [u8]> {
        if n > self.remaining() {
            return Err(malformed("truncated"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> PyResult<[u8; N]> {
        let s = self.bytes(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    #[inline]
    pub fn u8(&mut self) -> PyResult<u8> {
        Ok(self.array::<1>()?[0])
    }

    #[inline]
    pub fn u32(&mut self) -> PyResult<u32> {
        Ok(u32::from_le_bytes(self.array::<4>()?))
    }

    /// A count of items each at least `min_size` bytes long; refuses a count
    /// the remaining bytes cannot hold, so a bad count never allocates.
    #[inline]
    pub fn count(&mut self, min_size: usize) -> PyResult<usize> {
        let n = self.u32()? as usize;
        if min_size > 0 && n > self.remaining() / min_size {
            return Err(malformed("count larger than the buffer"));
        }
        Ok(n)
    }

    /// A value of type `T`.
    #[inline]
    pub fn read<T: Wire>(&mut self) -> PyResult<T> {
        T::decode(self)
    }

    /// Fails unless every byte was read.
    pub fn end(&self) -> PyResult<()> {
        if self.remaining() != 0 {
            return Err(malformed("bytes left over"));
        }
        Ok(())
    }
}

/// A type that crosses the boundary in the encoding above.
pub trait Wire: Sized {
    /// The fewest bytes one value takes (bounds a count before allocating).
    const MIN_SIZE: usize;
    fn decode(r: &mut Reader) -> PyResult<Self>;
    fn encode(&self, w: &mut Vec<u8>);
}

/// Writes a count (`len` of a container); more than u32::MAX items cannot be encoded.
#[inline]
pub fn encode_count(n: usize, w: &mut Vec<u8>) {
    w.extend_from_slice(&(n as u32).to_le_bytes());
}

impl Wire for i64 {
    const MIN_SIZE: usize = 8;
    #[inline]
    fn decode(r: &mut Reader) -> PyResult<i64> {
        Ok(i64::from_le_bytes(r.array::<8>()?))
    }
    #[inline]
    fn encode(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
}

impl Wire for f64 {
    const MIN_SIZE: usize = 8;
    #[inline]
    fn decode(r: &mut Reader) -> PyResult<f64> {
        Ok(f64::from_le_bytes(r.array::<8>()?))
    }
    #[inline]
    fn encode(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
}

impl Wire for bool {
    const MIN_SIZE: usize = 1;
    #[inline]
    fn decode(r: &mut Reader) -> PyResult<bool> {
        match r.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(malformed("bool byte is neither 0 nor 1")),
        }
    }
    #[inline]
    fn encode(&self, w: &mut Vec<u8>) {
        w.push(*self as u8);
    }
}

impl Wire for () {
    const MIN_SIZE: usize = 0;
    #[inline]
    fn decode(_: &mut Reader) -> PyResult<()> {
        Ok(())
    }
    #[inline]
    fn encode(&self, _: &mut Vec<u8>) {}
}

impl<T: Wire> Wire for Option<T> {
    const MIN_SIZE: usize = 1;
    fn decode(r: &mut Reader) -> PyResult<Option<T>> {
        match r.u8()? {
            0 => Ok(None),
            1 => Ok(Some(T::decode(r)?)),
            _ => Err(malformed("Optional tag is neither 0 nor 1")),
        }
    }
    fn encode(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(v) => {
                w.push(1);
                v.encode(w);
            }
        }
    }
}

/// UTF-8 text with its byte length (the `str` encoding); the string types build on it.
pub fn decode_utf8<'a>(r: &mut Reader<'a>) -> PyResult<&'a str> {
    let n = r.u32()? as usize;
    let bytes = r.bytes(n)?;
    std::str::from_utf8(bytes).map_err(|_| malformed("str is not valid UTF-8"))
}

pub fn encode_utf8(s: &str, w: &mut Vec<u8>) {
    encode_count(s.len(), w);
    w.extend_from_slice(s.as_bytes());
}

/// Elements of a counted sequence (list, set, variable tuple), in order.
pub fn decode_seq<T: Wire>(r: &mut Reader) -> PyResult<Vec<T>> {
    let n = r.count(T::MIN_SIZE)?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(T::decode(r)?);
    }
    Ok(v)
}

pub fn encode_seq<'a, T: Wire + 'a>(len: usize, items: impl Iterator<Item = &'a T>, w: &mut Vec<u8>) {
    w.reserve(4 + len.saturating_mul(T::MIN_SIZE));
    encode_count(len, w);
    for item in items {
        item.encode(w);
    }
}

macro_rules! wire_tuple {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: Wire),+> Wire for ($($name,)+) {
            const MIN_SIZE: usize = 0 $(+ $name::MIN_SIZE)+;
            #[inline]
            fn decode(r: &mut Reader) -> PyResult<Self> {
                Ok(($($name::decode(r)?,)+))
            }
            #[inline]
            fn encode(&self, w: &mut Vec<u8>) {
                $(self.$idx.encode(w);)+
            }
        }
    };
}

wire_tuple!(A 0);
wire_tuple!(A 0, B 1);
wire_tuple!(A 0, B 1, C 2);
wire_tuple!(A 0, B 1, C 2, D 3);
wire_tuple!(A 0, B 1, C 2, D 3, E 4);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
wire_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

impl Wire for Str {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<Str> {
        Ok(Str::new(decode_utf8(r)?))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        encode_utf8(self.as_str(), w);
    }
}

impl<T: PyValue + Wire> Wire for List<T> {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<List<T>> {
        Ok(List::from_vec(decode_seq(r)?))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        let items = self.borrow();
        encode_seq(items.len(), items.iter(), w);
    }
}

impl<T: PyValue + Wire> Wire for Tuple<T> {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<Tuple<T>> {
        Ok(Tuple::from_vec(decode_seq(r)?))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        encode_seq(self.len(), self.iter(), w);
    }
}

impl Wire for Tuple0 {
    const MIN_SIZE: usize = 0;
    fn decode(_: &mut Reader) -> PyResult<Tuple0> {
        Ok(Tuple0)
    }
    fn encode(&self, _: &mut Vec<u8>) {}
}

/// Members in the order they come (a repeated member is added once, as `set(xs)` does).
impl<T: PyHash + Wire> Wire for Set<T> {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<Set<T>> {
        Ok(Set::from_vec(decode_seq(r)?))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        let t = self.borrow();
        encode_seq(t.len(), t.keys(), w);
    }
}

impl<T: PyHash + Wire> Wire for FrozenSet<T> {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<FrozenSet<T>> {
        Ok(FrozenSet::from_vec(decode_seq(r)?))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        let t = self.table();
        encode_seq(t.len(), t.keys(), w);
    }
}

/// Keys in the order they come; a key equal to an earlier one replaces its
/// value and keeps its place, as `dict(pairs)` does.
impl<K: PyHash + Wire, V: PyValue + Wire> Wire for Dict<K, V> {
    const MIN_SIZE: usize = 4;
    fn decode(r: &mut Reader) -> PyResult<Dict<K, V>> {
        let n = r.count(K::MIN_SIZE + V::MIN_SIZE)?;
        let mut pairs = Vec::with_capacity(n);
        for _ in 0..n {
            let k = K::decode(r)?;
            let v = V::decode(r)?;
            pairs.push((k, v));
        }
        Ok(Dict::from_pairs(pairs))
    }
    fn encode(&self, w: &mut Vec<u8>) {
        let items = dict_items(self);
        encode_count(items.len(), w);
        for (k, v) in &items {
            k.encode(w);
            v.encode(w);
        }
    }
}

/// Input and result buffers up to this size are kept between calls.
pub const KEEP_BYTES: usize = 1 << 20;

/// The body of every `f__w` export. `decode` reads the arguments from the
/// input buffer and returns the call to make; the buffer must be read to its
/// end. The call runs after the buffer is released, and its result is
/// encoded into the result buffer (left empty on an exception, which goes to
/// the state word). `ptr`/`len` must lie inside the buffer `__portalis_alloc`
/// returned, or the call is a `TypeError`.
pub fn wire_export<D, G, R>(ptr: i32, len: i32, decode: D)
where
    D: FnOnce(&mut Reader) -> PyResult<G>,
    G: FnOnce() -> PyResult<R>,
    R: Wire,
{
    let call = INPUT.with(|b| {
        let b = b.borrow();
        // Compared as 32-bit addresses, as the host sees them (natively the
        // i32 is the low half of the pointer, which tests rely on).
        let start = (ptr as u32).wrapping_sub(b.as_ptr() as usize as u32) as usize;
        let len = len as u32 as usize;
        if start > b.len() || len > b.len() - start {
            return Err(malformed("arguments outside the input buffer"));
        }
        let mut r = Reader::new(&b[start..start + len]);
        let call = decode(&mut r)?;
        r.end()?;
        Ok(call)
    });
    // Buffers past KEEP_BYTES are given back after one use, so one large
    // call does not hold its memory for the module's lifetime (linear memory
    // itself never shrinks, but the allocator reuses the space).
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() > KEEP_BYTES {
            *b = Vec::new();
        }
    });
    RESULT.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        if b.capacity() > KEEP_BYTES {
            b.shrink_to(KEEP_BYTES);
        }
    });
    let result = match call {
        Ok(call) => call(),
        Err(e) => Err(e),
    };
    match result {
        Ok(v) => RESULT.with(|b| {
            let mut b = b.borrow_mut();
            v.encode(&mut b);
        }),
        Err(e) => export_none(Err(e)),
    }
}

/// The last result buffer's bytes (tests).
pub fn wire_result() -> Vec<u8> {
    RESULT.with(|b| b.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{__portalis_clear, abi_error_record, abi_state};

    fn round_trip<T: Wire>(v: &T) -> T {
        let mut w = Vec::new();
        v.encode(&mut w);
        let mut r = Reader::new(&w);
        let back = T::decode(&mut r).unwrap();
        r.end().unwrap();
        back
    }

    fn decode_err<T: Wire>(bytes: &[u8]) -> String {
        let mut r = Reader::new(bytes);
        match T::decode(&mut r).and_then(|_| r.end()) {
            Ok(()) => panic!("decoded {:?}", bytes),
            Err(e) => e.record(),
        }
    }

    #[test]
    fn scalars_round_trip() {
        for v in [0i64, 1, -1, i64::MIN, i64::MAX, (1 << 53) + 1] {
            assert_eq!(round_trip(&v), v);
        }
        for v in [0.0f64, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, 5e-324] {
            assert_eq!(round_trip(&v).to_bits(), v.to_bits());
        }
        assert!(round_trip(&f64::NAN).is_nan());
        assert!(round_trip(&true) && !round_trip(&false));
        round_trip(&());
    }

    #[test]
    fn exact_bytes() {
        let mut w = Vec::new();
        (-2i64, 1.0f64, true, Some(7i64), None::<bool>).encode(&mut w);
        let mut want = vec![0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        want.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        want.push(1);
        want.extend_from_slice(&[1, 7, 0, 0, 0, 0, 0, 0, 0]);
        want.push(0);
        assert_eq!(w, want);
        let mut w = Vec::new();
        encode_utf8("é€", &mut w);
        assert_eq!(w, vec![5, 0, 0, 0, 0xc3, 0xa9, 0xe2, 0x82, 0xac]);
    }

    #[test]
    fn options_and_nested_tuples() {
        let v = (Some((1i64, (2.5f64, false))), None::<i64>, (Some(Some(3i64)),));
        assert_eq!(round_trip(&v).0, Some((1, (2.5, false))));
        assert_eq!(round_trip(&v).2 .0, Some(Some(3)));
        let twelve = (1i64, 2i64, 3i64, 4i64, 5i64, 6i64, 7i64, 8i64, 9i64, 10i64, 11i64, true);
        assert_eq!(round_trip(&twelve), twelve);
        assert_eq!(<(i64, f64, bool)>::MIN_SIZE, 17);
    }

    #[test]
    fn sequences() {
        let v: Vec<f64> = (0..10_000).map(|i| i as f64 * 0.5).collect();
        let mut w = Vec::new();
        encode_seq(v.len(), v.iter(), &mut w);
        assert_eq!(w.len(), 4 + 80_000);
        let mut r = Reader::new(&w);
        assert_eq!(decode_seq::<f64>(&mut r).unwrap(), v);
        r.end().unwrap();
        let mut w = Vec::new();
        encode_utf8("naïve ☃ 𝄞", &mut w);
        let mut r = Reader::new(&w);
        assert_eq!(decode_utf8(&mut r).unwrap(), "naïve ☃ 𝄞");
    }

    #[test]
    fn malformed_input_is_a_type_error() {
        assert_eq!(decode_err::<i64>(&[1, 2, 3]), "TypeError\nmalformed argument buffer: truncated");
        assert_eq!(decode_err::<bool>(&[2]), "TypeError\nmalformed argument buffer: bool byte is neither 0 nor 1");
        assert_eq!(decode_err::<Option<i64>>(&[9]), "TypeError\nmalformed argument buffer: Optional tag is neither 0 nor 1");
        assert_eq!(decode_err::<i64>(&[0; 9]), "TypeError\nmalformed argument buffer: bytes left over");
        // A count the buffer cannot hold is refused before anything is allocated.
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0, 0]);
        assert_eq!(decode_seq::<f64>(&mut r).err().unwrap().message(), "malformed argument buffer: count larger than the buffer");
        let mut r = Reader::new(&[2, 0, 0, 0, 0xc3, 0x28]);
        assert_eq!(decode_utf8(&mut r).err().unwrap().message(), "malformed argument buffer: str is not valid UTF-8");
        let mut r = Reader::new(&[9, 0, 0, 0, b'a']);
        assert!(decode_utf8(&mut r).is_err());
    }

    #[test]
    fn strings_and_containers_round_trip() {
        let s = Str::new("naïve ☃ 𝄞 \u{feff}");
        assert_eq!(round_trip(&s).as_str(), s.as_str());
        let xs: List<f64> = List::from_vec((0..10_000).map(|i| i as f64 / 3.0).collect());
        let back = round_trip(&xs);
        assert_eq!(*back.borrow(), *xs.borrow());
        let d: Dict<Str, List<i64>> = Dict::from_pairs(vec![
            (Str::new("b"), List::from_vec(vec![1, -2, i64::MIN])),
            (Str::new("a"), List::new()),
        ]);
        let back = round_trip(&d);
        let mut text = String::new();
        back.py_repr(&mut text);
        assert_eq!(text, "{'b': [1, -2, -9223372036854775808], 'a': []}");
        let t: Tuple<(i64, Option<Str>)> = Tuple::from_vec(vec![(1, None), (2, Some(Str::new("x")))]);
        let mut text = String::new();
        round_trip(&t).py_repr(&mut text);
        assert_eq!(text, "((1, None), (2, 'x'))");
        round_trip(&Tuple0);
        let s: Set<i64> = Set::from_vec(vec![3, 1, 3, -7]);
        let mut text = String::new();
        round_trip(&s).py_repr(&mut text);
        assert_eq!(text, "{1, 3, -7}");
        let f: FrozenSet<Str> = FrozenSet::from_vec(vec![Str::new("x")]);
        let mut text = String::new();
        round_trip(&f).py_repr(&mut text);
        assert_eq!(text, "frozenset({'x'})");
        // Duplicate keys: the later value wins, the first position stays (dict(pairs)).
        let mut w = Vec::new();
        encode_count(3, &mut w);
        for (k, v) in [(1i64, 1.0f64), (2, 2.0), (1, 3.0)] {
            k.encode(&mut w);
            v.encode(&mut w);
        }
        let mut text = String::new();
        Reader::new(&w).read::<Dict<i64, f64>>().unwrap().py_repr(&mut text);
        assert_eq!(text, "{1: 3.0, 2: 2.0}");
    }

    #[test]
    fn random_bytes_never_panic() {
        // Random buffers, and valid ones with bytes flipped or cut short: every
        // decode ends in a value or a TypeError.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut valid = Vec::new();
        let d: Dict<Str, List<Option<(i64, Str)>>> = Dict::from_pairs(vec![
            (Str::new("ké"), List::from_vec(vec![Some((1, Str::new("☃"))), None])),
            (Str::new(""), List::new()),
        ]);
        d.encode(&mut valid);
        for round in 0..20_000 {
            let bytes: Vec<u8> = if round % 2 == 0 {
                (0..(next() % 40)).map(|_| (next() % 7) as u8).collect()
            } else {
                let mut b = valid.clone();
                let i = (next() as usize) % b.len();
                b[i] = next() as u8;
                b.truncate(b.len() - (next() as usize % 3));
                b
            };
            let _ = Reader::new(&bytes).read::<Dict<Str, List<Option<(i64, Str)>>>>();
            let _ = Reader::new(&bytes).read::<Set<Tuple<bool>>>();
            let _ = Reader::new(&bytes).read::<(Option<f64>, FrozenSet<Str>, Tuple0)>();
        }
    }

    fn call_with(bytes: &[u8], f: impl FnOnce(i32, i32)) {
        let ptr = __portalis_alloc(bytes.len() as i32);
        INPUT.with(|b| b.borrow_mut()[..bytes.len()].copy_from_slice(bytes));
        f(ptr, bytes.len() as i32);
    }

    #[test]
    fn export_protocol() {
        let mut args = Vec::new();
        (3i64, 4.5f64).encode(&mut args);
        call_with(&args, |p, n| {
            wire_export(p, n, |r| {
                let a: i64 = r.read()?;
                let b: f64 = r.read()?;
                Ok(move || Ok(Some((a, b * 2.0))))
            })
        });
        assert_eq!(abi_state(), 0);
        let out = wire_result();
        assert_eq!(__portalis_result_len() as usize, out.len());
        assert_eq!(round_trip(&Some((3i64, 9.0f64))), Reader::new(&out).read::<Option<(i64, f64)>>().unwrap());

        // An exception: state 1, empty result.
        call_with(&args, |p, n| {
            wire_export(p, n, |r| {
                let _: i64 = r.read()?;
                let _: f64 = r.read()?;
                Ok(|| -> PyResult<i64> { Err(PyErr::new(Exc::ValueError, "bad")) })
            })
        });
        assert_eq!(abi_error_record().unwrap(), "ValueError\nbad");
        assert_eq!(__portalis_result_len(), 0);
        __portalis_clear();

        // Unread bytes, and a range outside the input buffer: TypeError, the function never runs.
        let mut ran = false;
        call_with(&args, |p, n| wire_export(p, n, |r| { let _: i64 = r.read()?; Ok(|| { ran = true; Ok(()) }) }));
        assert_eq!(abi_error_record().unwrap(), "TypeError\nmalformed argument buffer: bytes left over");
        __portalis_clear();
        call_with(&args, |p, n| wire_export(p + 1, n, |r| { let _: (i64, f64) = r.read()?; Ok(|| { ran = true; Ok(()) }) }));
        assert_eq!(abi_error_record().unwrap(), "TypeError\nmalformed argument buffer: arguments outside the input buffer");
        __portalis_clear();
        call_with(&args, |_, n| wire_export(-8, n, |r| { let _: (i64, f64) = r.read()?; Ok(|| { ran = true; Ok(()) }) }));
        assert!(abi_error_record().is_some());
        __portalis_clear();
        assert!(!ran);

        // A large call's buffers are given back afterwards.
        let big: List<f64> = List::from_vec(vec![0.5; KEEP_BYTES / 8 + 1]);
        let mut args = Vec::new();
        big.encode(&mut args);
        call_with(&args, |p, n| wire_export(p, n, |r| { let xs: List<f64> = r.read()?; Ok(move || Ok(xs)) }));
        assert_eq!(abi_state(), 0);
        assert_eq!(wire_result(), args);
        assert_eq!(INPUT.with(|b| b.borrow().capacity()), 0);
        call_with(&[], |p, n| wire_export(p, n, |_| Ok(|| Ok(()))));
        assert!(RESULT.with(|b| b.borrow().capacity()) <= KEEP_BYTES);
    }
}
