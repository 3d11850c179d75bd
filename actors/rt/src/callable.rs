//! Python callables as values (`Callable[[A, B], R]`): shared closures that
//! may raise. Generated code builds them with `Rc::new(move |a, b| ...)`.

use crate::err::PyResult;
use std::rc::Rc;

pub type Func0<R> = Rc<dyn Fn() -> PyResult<R>>;
pub type Func1<A, R> = Rc<dyn Fn(A) -> PyResult<R>>;
pub type Func2<A, B, R> = Rc<dyn Fn(A, B) -> PyResult<R>>;
pub type Func3<A, B, C, R> = Rc<dyn Fn(A, B, C) -> PyResult<R>>;
pub type Func4<A, B, C, D, R> = Rc<dyn Fn(A, B, C, D) -> PyResult<R>>;
pub type Func5<A, B, C, D, E, R> = Rc<dyn Fn(A, B, C, D, E) -> PyResult<R>>;
pub type Func6<A, B, C, D, E, F, R> = Rc<dyn Fn(A, B, C, D, E, F) -> PyResult<R>>;

// Function values inside containers (`list[Callable[[int], int]]`). CPython's
// repr shows a memory address (`<function f at 0x...>`), which no program can
// rely on; `==` is identity, as for CPython's functions.
macro_rules! callable_value {
    ($($arg:ident),*) => {
        impl<$($arg: 'static,)* R: 'static> crate::value::PyValue for Rc<dyn Fn($($arg),*) -> PyResult<R>> {
            fn py_repr(&self, out: &mut String) {
                out.push_str("<function>");
            }
            fn py_eq(&self, other: &Self) -> bool {
                Rc::ptr_eq(self, other)
            }
            fn py_bool(&self) -> bool {
                true
            }
        }
    };
}
callable_value!();
callable_value!(A);
callable_value!(A, B);
callable_value!(A, B, C);
callable_value!(A, B, C, D);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closures_share_and_raise() {
        let add: Func2<i64, i64, i64> = Rc::new(|a, b| crate::int::int_add(a, b));
        let alias = add.clone();
        assert_eq!(alias(2, 3).unwrap(), 5);
        assert!(add(i64::MAX, 1).is_err());
        let k: Func0<()> = Rc::new(|| Ok(()));
        assert!(k().is_ok());
    }
}
