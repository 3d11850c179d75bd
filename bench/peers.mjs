// Hand-written JavaScript versions of the benchmark programs: the "peer"
// column, measured in the same run as CPython and the WASM.
export function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

export function collatz_total(limit) {
  let total = 0;
  for (let start = 1; start < limit; start++) {
    let n = start;
    while (n !== 1) {
      n = n % 2 === 0 ? n / 2 : 3 * n + 1;
      total++;
    }
  }
  return total;
}

export function orbit_energy(steps, dt) {
  let x = 1.0, y = 0.0, vx = 0.0, vy = 1.0;
  for (let i = 0; i < steps; i++) {
    const r = Math.sqrt(x * x + y * y);
    const invR3 = 1.0 / (r * r * r);
    vx -= x * invR3 * dt;
    vy -= y * invR3 * dt;
    x += vx * dt;
    y += vy * dt;
  }
  return 0.5 * (vx * vx + vy * vy) - 1.0 / Math.sqrt(x * x + y * y);
}
