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

export function sieve_count(limit) {
  const flags = new Array(limit + 1).fill(true);
  flags[0] = false;
  flags[1] = false;
  for (let i = 2; i * i <= limit; i++) {
    if (flags[i]) for (let j = i * i; j <= limit; j += i) flags[j] = false;
  }
  let n = 0;
  for (const f of flags) if (f) n++;
  return n;
}

export function word_freq(n) {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(words[(i * 7 + Math.floor(i / 3)) % words.length]);
  const text = parts.join(' ');
  const counts = new Map();
  for (const w of text.split(/\s+/)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked[0][1] * 1000 + ranked.length;
}

export function memo_paths(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const memo = new Map([[0, 1], [1, 1], [2, 2]]);
    for (let n = 3; n < 300; n++) memo.set(n, (memo.get(n - 1) + memo.get(n - 2) + memo.get(n - 3)) % 1000000007);
    total = (total + memo.get(299) + r) % 1000000007;
  }
  return total;
}
