//! `Union[A, B, ...]` values (2 to 4 member types): an enum with one variant
//! per member, in the annotation's order. The compiler wraps a member value
//! into its variant where a union is expected, tests `isinstance` on the
//! variant, and reads the member back where narrowing proved the variant.
//! repr/str/truthiness are the member's; `==` compares values of the same
//! variant (a union of int and float comparing `1 == 1.0` across variants
//! gives False here, where CPython gives True).

use crate::value::PyValue;

macro_rules! union_type {
    ($name:ident; $($v:ident),+) => {
        #[derive(Clone, Debug)]
        pub enum $name<$($v),+> {
            $($v($v)),+
        }

        impl<$($v: PyValue),+> PyValue for $name<$($v),+> {
            fn py_repr(&self, out: &mut String) {
                match self {
                    $($name::$v(x) => x.py_repr(out)),+
                }
            }
            fn py_str(&self, out: &mut String) {
                match self {
                    $($name::$v(x) => x.py_str(out)),+
                }
            }
            fn py_eq(&self, other: &Self) -> bool {
                match (self, other) {
                    $(($name::$v(a), $name::$v(b)) => a.py_eq(b),)+
                    #[allow(unreachable_patterns)]
                    _ => false,
                }
            }
            fn py_bool(&self) -> bool {
                match self {
                    $($name::$v(x) => x.py_bool()),+
                }
            }
        }
    };
}

union_type!(Union2; A, B);
union_type!(Union3; A, B, C);
union_type!(Union4; A, B, C, D);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr_string;

    #[test]
    fn repr_and_eq_follow_the_member() {
        let a: Union3<i64, f64, bool> = Union3::A(3);
        let b: Union3<i64, f64, bool> = Union3::B(2.5);
        assert_eq!(repr_string(&a), "3");
        assert_eq!(repr_string(&b), "2.5");
        assert!(a.py_eq(&Union3::A(3)));
        assert!(!a.py_eq(&b));
        assert!(!Union2::<i64, bool>::A(0).py_bool());
    }
}
