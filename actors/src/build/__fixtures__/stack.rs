// Recursion WITHOUT the recursion guard, with a large frame on the shadow
// stack, to observe what exhausting the stack does on wasm32:
//
//     def deep(n: float) -> float:
//         return 0.0 if n <= 0 else 1.0 + deep(n - 1)
use portalis_rt::*;

#[inline(never)]
fn deep(n: f64, pad: [f64; 16]) -> PyResult<f64> {
    if n <= 0.0 {
        return Ok(pad[0]);
    }
    let mut p = pad;
    p[(n as usize) % 16] += 1.0;
    let r = deep(n - 1.0, p)?;
    Ok(r + p[(n as usize) % 7] * 0.0 + 1.0)
}

#[export_name = "deep"]
pub extern "C" fn deep_fast(n: f64) -> f64 {
    export_float(deep(n, [0.0; 16]))
}
