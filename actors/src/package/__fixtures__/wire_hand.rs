// What the transpiler would produce for the functions below, written by hand
// against docs/abi.md and portalis_rt's wire.rs, for the types the compiler
// does not translate yet (Optional, None inside containers, tuple[()]).
// wire-hand.e2e.test.ts builds it with the real build stage.
//
//     def maybe_inc(x: Optional[int]) -> Optional[int]
//     def first_some(xs: list[Optional[str]]) -> Optional[str]
//     def nones(n: int) -> list[None]
//     def unit(t: tuple[()]) -> tuple[()]
//     def lookup(d: dict[str, Optional[tuple[bool, float]]], k: str) -> Optional[tuple[bool, float]]
//     def fail(x: Optional[str]) -> int        # ValueError with a non-ASCII message

use portalis_rt::*;

mod py {
    use portalis_rt::*;

    pub fn maybe_inc(x: Option<i64>) -> PyResult<Option<i64>> {
        match x {
            None => Ok(None),
            Some(v) => Ok(Some(int_add(v, 1)?)),
        }
    }

    pub fn first_some(xs: List<Option<Str>>) -> PyResult<Option<Str>> {
        for x in xs.iter() {
            if x.is_some() {
                return Ok(x);
            }
        }
        Ok(None)
    }

    pub fn nones(n: i64) -> PyResult<List<()>> {
        Ok(List::from_vec(vec![(); n.max(0) as usize]))
    }

    pub fn unit(t: Tuple0) -> PyResult<Tuple0> {
        Ok(t)
    }

    pub fn lookup(d: Dict<Str, Option<(bool, f64)>>, k: Str) -> PyResult<Option<(bool, f64)>> {
        for (key, value) in dict_items(&d) {
            if key.as_str() == k.as_str() {
                return Ok(value);
            }
        }
        Ok(None)
    }

    pub fn fail(x: Option<Str>) -> PyResult<i64> {
        match x {
            None => Err(PyErr::new(Exc::ValueError, "no value: ∅")),
            Some(s) => Ok(s.as_str().len() as i64),
        }
    }
}

#[no_mangle]
pub extern "C" fn maybe_inc__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let x = reader.read()?;
        Ok(move || py::maybe_inc(x))
    })
}

#[no_mangle]
pub extern "C" fn first_some__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let xs = reader.read()?;
        Ok(move || py::first_some(xs))
    })
}

#[no_mangle]
pub extern "C" fn nones__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let n = reader.read()?;
        Ok(move || py::nones(n))
    })
}

#[no_mangle]
pub extern "C" fn unit__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let t = reader.read()?;
        Ok(move || py::unit(t))
    })
}

#[no_mangle]
pub extern "C" fn lookup__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let d = reader.read()?;
        let k = reader.read()?;
        Ok(move || py::lookup(d, k))
    })
}

#[no_mangle]
pub extern "C" fn fail__w(ptr: i32, len: i32) {
    wire_export(ptr, len, |reader| {
        let x = reader.read()?;
        Ok(move || py::fail(x))
    })
}
