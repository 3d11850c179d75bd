// Differential-test driver: exposes portalis_rt functions to JS under
// `d_<name>`, ints as i64, floats as f64, bools as i32. Errors travel
// through the ABI state word like in a generated module; tuple results
// return their first item and leave the second in `d_second_*`.
use portalis_rt as rt;
use portalis_rt::{export_bool, export_float, export_int_wide, PyResult};
use std::cell::Cell;

thread_local! {
    static SECOND_I: Cell<i64> = const { Cell::new(0) };
    static SECOND_F: Cell<f64> = const { Cell::new(0.0) };
}

#[no_mangle]
pub extern "C" fn d_second_i() -> i64 {
    SECOND_I.with(|c| c.get())
}

#[no_mangle]
pub extern "C" fn d_second_f() -> f64 {
    SECOND_F.with(|c| c.get())
}

fn pair_i(r: PyResult<(i64, i64)>) -> PyResult<i64> {
    r.map(|(a, b)| {
        SECOND_I.with(|c| c.set(b));
        a
    })
}

fn pair_f(r: PyResult<(f64, f64)>) -> PyResult<f64> {
    r.map(|(a, b)| {
        SECOND_F.with(|c| c.set(b));
        a
    })
}

macro_rules! ii_i { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: i64, b: i64) -> i64 { export_int_wide($f(a, b)) }
)* } }
macro_rules! i_i { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: i64) -> i64 { export_int_wide($f(a)) }
)* } }
macro_rules! ff_f { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: f64, b: f64) -> f64 { export_float($f(a, b)) }
)* } }
macro_rules! f_f { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: f64) -> f64 { export_float($f(a)) }
)* } }
macro_rules! f_i { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: f64) -> i64 { export_int_wide($f(a)) }
)* } }
macro_rules! if_b { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: i64, b: f64) -> i32 { export_bool(Ok($f(a, b))) }
)* } }
macro_rules! fi_b { ($($name:ident => $f:path),* $(,)?) => { $(
    #[no_mangle] pub extern "C" fn $name(a: f64, b: i64) -> i32 { export_bool(Ok($f(a, b))) }
)* } }

ii_i! {
    d_int_add => rt::int_add, d_int_sub => rt::int_sub, d_int_mul => rt::int_mul,
    d_int_floordiv => rt::int_floordiv, d_int_mod => rt::int_mod, d_int_pow => rt::int_pow,
    d_int_lshift => rt::int_lshift, d_int_rshift => rt::int_rshift,
    d_round_int_nd => rt::round_int_nd, d_math_gcd => rt::math_gcd,
}
i_i! { d_int_neg => rt::int_neg, d_int_abs => rt::int_abs, d_math_factorial => rt::math_factorial }
ff_f! {
    d_float_div => rt::float_div, d_float_floordiv => rt::float_floordiv, d_float_mod => rt::float_mod,
    d_float_pow => rt::float_pow, d_math_pow => rt::math_pow, d_math_atan2 => rt::math_atan2,
    d_math_hypot => rt::math_hypot, d_math_fmod => rt::math_fmod, d_math_log_base => rt::math_log_base,
    d_math_copysign => rt::math_copysign,
}
f_f! {
    d_math_sqrt => rt::math_sqrt, d_math_exp => rt::math_exp, d_math_exp2 => rt::math_exp2,
    d_math_expm1 => rt::math_expm1, d_math_log => rt::math_log, d_math_log2 => rt::math_log2,
    d_math_log10 => rt::math_log10, d_math_log1p => rt::math_log1p, d_math_sin => rt::math_sin,
    d_math_cos => rt::math_cos, d_math_tan => rt::math_tan, d_math_asin => rt::math_asin,
    d_math_acos => rt::math_acos, d_math_atan => rt::math_atan, d_math_sinh => rt::math_sinh,
    d_math_cosh => rt::math_cosh, d_math_tanh => rt::math_tanh, d_math_fabs => rt::math_fabs,
    d_math_degrees => rt::math_degrees, d_math_radians => rt::math_radians,
}
f_i! {
    d_float_to_int => rt::float_to_int, d_round_float => rt::round_float,
    d_math_floor => rt::math_floor, d_math_ceil => rt::math_ceil, d_math_trunc => rt::math_trunc,
}
if_b! {
    d_int_float_eq => rt::int_float_eq, d_int_float_ne => rt::int_float_ne, d_int_float_lt => rt::int_float_lt,
    d_int_float_le => rt::int_float_le, d_int_float_gt => rt::int_float_gt, d_int_float_ge => rt::int_float_ge,
}
fi_b! {
    d_float_int_eq => rt::float_int_eq, d_float_int_ne => rt::float_int_ne, d_float_int_lt => rt::float_int_lt,
    d_float_int_le => rt::float_int_le, d_float_int_gt => rt::float_int_gt, d_float_int_ge => rt::float_int_ge,
}

#[no_mangle]
pub extern "C" fn d_int_truediv(a: i64, b: i64) -> f64 {
    export_float(rt::int_truediv(a, b))
}
#[no_mangle]
pub extern "C" fn d_int_pow_float(a: i64, b: i64) -> f64 {
    export_float(rt::int_pow_float(a, b))
}
#[no_mangle]
pub extern "C" fn d_int_to_float(a: i64) -> f64 {
    export_float(rt::int_to_float(a))
}
#[no_mangle]
pub extern "C" fn d_int_divmod(a: i64, b: i64) -> i64 {
    export_int_wide(pair_i(rt::int_divmod(a, b)))
}
#[no_mangle]
pub extern "C" fn d_float_divmod(a: f64, b: f64) -> f64 {
    export_float(pair_f(rt::float_divmod(a, b)))
}
#[no_mangle]
pub extern "C" fn d_round_float_nd(x: f64, n: i64) -> f64 {
    export_float(rt::round_float_nd(x, n))
}
#[no_mangle]
pub extern "C" fn d_math_isclose(a: f64, b: f64, rel: f64, abs: f64) -> i32 {
    export_bool(rt::math_isclose(a, b, rel, abs))
}
#[no_mangle]
pub extern "C" fn d_math_isnan(a: f64) -> i32 {
    rt::math_isnan(a) as i32
}
#[no_mangle]
pub extern "C" fn d_math_isinf(a: f64) -> i32 {
    rt::math_isinf(a) as i32
}
