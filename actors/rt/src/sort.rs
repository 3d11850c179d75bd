//! CPython 3.11's list sort (timsort with the powersort merge policy, as
//! described in CPython's Objects/listsort.txt), written for Portalis.
//!
//! It sorts a permutation of `0..n`: `lt(i, j)` answers "item i < item j",
//! and the result says which item goes where. Since every step (run
//! detection, binary insertion, galloping, the merge order) makes the same
//! comparisons as CPython's, the result equals CPython's even when `<` is
//! not a total order (lists with NaN). `reverse` is done as CPython does it:
//! reverse, sort stably, reverse back.

const MIN_GALLOP: usize = 7;

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Merger<'f> {
    lt: &'f mut dyn FnMut(usize, usize) -> bool,
    min_gallop: usize,
    pending: Vec<Run>,
    listlen: usize,
    tmp: Vec<usize>,
}

/// The order in which CPython's `list.sort(reverse=...)` leaves `n` items:
/// `result[k]` is the index of the item that ends at position k.
pub fn sort_order(n: usize, reverse: bool, lt: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    if reverse {
        a.reverse();
    }
    if n >= 2 {
        let mut m = Merger { lt, min_gallop: MIN_GALLOP, pending: Vec::new(), listlen: n, tmp: Vec::new() };
        m.sort(&mut a);
    }
    if reverse {
        a.reverse();
    }
    a
}

/// Sorts `items` in place as CPython sorts a list of them.
pub fn sort_values<T, F: FnMut(&T, &T) -> bool>(items: &mut Vec<T>, reverse: bool, mut lt: F) {
    let order = {
        let v: &Vec<T> = items;
        sort_order(v.len(), reverse, &mut |i, j| lt(&v[i], &v[j]))
    };
    permute(items, &order);
}

/// Rearranges `items` so that position k holds the old `items[order[k]]`.
pub fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut old: Vec<Option<T>> = items.drain(..).map(Some).collect();
    for &i in order {
        items.push(old[i].take().expect("sort order is a permutation"));
    }
}

fn minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<'f> Merger<'f> {
    fn lt(&mut self, x: usize, y: usize) -> bool {
        (self.lt)(x, y)
    }

    fn sort(&mut self, a: &mut [usize]) {
        let n = a.len();
        let minrun = minrun(n);
        let mut lo = 0;
        let mut nremaining = n;
        while nremaining > 0 {
            let (mut run, descending) = self.count_run(a, lo, lo + nremaining);
            if descending {
                a[lo..lo + run].reverse();
            }
            if run < minrun {
                let force = if nremaining <= minrun { nremaining } else { minrun };
                self.binarysort(a, lo, lo + force, lo + run);
                run = force;
            }
            self.found_new_run(a, run);
            self.pending.push(Run { base: lo, len: run, power: 0 });
            lo += run;
            nremaining -= run;
        }
        while self.pending.len() > 1 {
            let mut i = self.pending.len() - 2;
            if i > 0 && self.pending[i - 1].len < self.pending[i + 1].len {
                i -= 1;
            }
            self.merge_at(a, i);
        }
    }

    fn binarysort(&mut self, a: &mut [usize], lo: usize, hi: usize, mut start: usize) {
        if start == lo {
            start += 1;
        }
        while start < hi {
            let pivot = a[start];
            let mut l = lo;
            let mut r = start;
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, a[p]) {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            let mut p = start;
            while p > l {
                a[p] = a[p - 1];
                p -= 1;
            }
            a[l] = pivot;
            start += 1;
        }
    }

    fn count_run(&mut self, a: &[usize], lo: usize, hi: usize) -> (usize, bool) {
        if lo + 1 == hi {
            return (1, false);
        }
        let mut n = 2;
        let mut i = lo + 2;
        if self.lt(a[lo + 1], a[lo]) {
            while i < hi && self.lt(a[i], a[i - 1]) {
                n += 1;
                i += 1;
            }
            (n, true)
        } else {
            while i < hi && !self.lt(a[i], a[i - 1]) {
                n += 1;
                i += 1;
            }
            (n, false)
        }
    }

    /// k in 0..=n with s[k-1] < key <= s[k].
    fn gallop_left(&mut self, key: usize, s: &[usize], hint: usize) -> usize {
        let n = s.len() as isize;
        let hint = hint as isize;
        let mut lastofs: isize = 0;
        let mut ofs: isize = 1;
        if self.lt(s[hint as usize], key) {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(s[(hint + ofs) as usize], key) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(s[(hint - ofs) as usize], key) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(s[m as usize], key) {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        ofs as usize
    }

    /// k in 0..=n with s[k-1] <= key < s[k].
    fn gallop_right(&mut self, key: usize, s: &[usize], hint: usize) -> usize {
        let n = s.len() as isize;
        let hint = hint as isize;
        let mut lastofs: isize = 0;
        let mut ofs: isize = 1;
        if self.lt(key, s[hint as usize]) {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, s[(hint - ofs) as usize]) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(key, s[(hint + ofs) as usize]) {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint;
            ofs += hint;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, s[m as usize]) {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        ofs as usize
    }

    fn found_new_run(&mut self, a: &mut [usize], n2: usize) {
        if let Some(top) = self.pending.last().copied() {
            let power = powerloop(top.base, top.len, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(a, i);
            }
            let last = self.pending.len() - 1;
            self.pending[last].power = power;
        }
    }

    fn merge_at(&mut self, a: &mut [usize], i: usize) {
        let mut pa = self.pending[i].base;
        let mut na = self.pending[i].len;
        let pb = self.pending[i + 1].base;
        let mut nb = self.pending[i + 1].len;
        self.pending[i].len = na + nb;
        if i + 3 == self.pending.len() {
            self.pending[i + 1] = self.pending[i + 2];
        }
        self.pending.pop();

        let k = self.gallop_right(a[pb], &a[pa..pa + na], 0);
        pa += k;
        na -= k;
        if na == 0 {
            return;
        }
        let key = a[pa + na - 1];
        nb = self.gallop_left(key, &a[pb..pb + nb], nb - 1);
        if nb == 0 {
            return;
        }
        if na <= nb {
            self.merge_lo(a, pa, na, pb, nb);
        } else {
            self.merge_hi(a, pa, na, pb, nb);
        }
    }

    fn merge_lo(&mut self, a: &mut [usize], pa: usize, mut na: usize, pb: usize, mut nb: usize) {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&a[pa..pa + na]);
        let mut dest = pa;
        let mut ia = 0;
        let mut ib = pb;
        a[dest] = a[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        'done: loop {
            if nb == 0 {
                break 'done;
            }
            if na == 1 {
                return self.copy_b(a, &mut tmp, dest, ia, ib, nb);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if self.lt(a[ib], tmp[ia]) {
                        a[dest] = a[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'done;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest] = tmp[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return self.copy_b(a, &mut tmp, dest, ia, ib, nb);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = self.gallop_right(a[ib], &tmp[ia..ia + na], 0);
                    acount = k;
                    if k > 0 {
                        a[dest..dest + k].copy_from_slice(&tmp[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            return self.copy_b(a, &mut tmp, dest, ia, ib, nb);
                        }
                        if na == 0 {
                            break 'done;
                        }
                    }
                    a[dest] = a[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'done;
                    }
                    let k = self.gallop_left(tmp[ia], &a[ib..ib + nb], 0);
                    bcount = k;
                    if k > 0 {
                        a.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    a[dest] = tmp[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        return self.copy_b(a, &mut tmp, dest, ia, ib, nb);
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        // Succeed: what is left of A goes last.
        if na > 0 {
            a[dest..dest + na].copy_from_slice(&tmp[ia..ia + na]);
        }
        self.tmp = tmp;
    }

    /// merge_lo's CopyB: A has one item left, which belongs after what remains of B.
    fn copy_b(&mut self, a: &mut [usize], tmp: &mut Vec<usize>, dest: usize, ia: usize, ib: usize, nb: usize) {
        a.copy_within(ib..ib + nb, dest);
        a[dest + nb] = tmp[ia];
        self.tmp = std::mem::take(tmp);
    }

    fn merge_hi(&mut self, a: &mut [usize], pa: usize, mut na: usize, pb: usize, mut nb: usize) {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&a[pb..pb + nb]);
        let basea = pa;
        // Signed cursors: they step one below their run when it empties.
        let mut dest = (pb + nb - 1) as isize;
        let mut ia = (pa + na - 1) as isize;
        let mut ib = (nb - 1) as isize;
        a[dest as usize] = a[ia as usize];
        dest -= 1;
        ia -= 1;
        na -= 1;
        'done: loop {
            if na == 0 {
                break 'done;
            }
            if nb == 1 {
                return self.copy_a(a, &mut tmp, dest, ia, ib, na);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if self.lt(tmp[ib as usize], a[ia as usize]) {
                        a[dest as usize] = a[ia as usize];
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'done;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest as usize] = tmp[ib as usize];
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return self.copy_a(a, &mut tmp, dest, ia, ib, na);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = tmp[ib as usize];
                    let k = na - self.gallop_right(key, &a[basea..basea + na], na - 1);
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ia -= k as isize;
                        let from = (ia + 1) as usize;
                        a.copy_within(from..from + k, (dest + 1) as usize);
                        na -= k;
                        if na == 0 {
                            break 'done;
                        }
                    }
                    a[dest as usize] = tmp[ib as usize];
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return self.copy_a(a, &mut tmp, dest, ia, ib, na);
                    }
                    let key = a[ia as usize];
                    let k = nb - self.gallop_left(key, &tmp[0..nb], nb - 1);
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ib -= k as isize;
                        let from = (ib + 1) as usize;
                        let to = (dest + 1) as usize;
                        a[to..to + k].copy_from_slice(&tmp[from..from + k]);
                        nb -= k;
                        if nb == 1 {
                            return self.copy_a(a, &mut tmp, dest, ia, ib, na);
                        }
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    a[dest as usize] = a[ia as usize];
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'done;
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        // Succeed: what is left of B goes first.
        if nb > 0 {
            let to = (dest + 1 - nb as isize) as usize;
            a[to..to + nb].copy_from_slice(&tmp[0..nb]);
        }
        self.tmp = tmp;
    }

    /// merge_hi's CopyA: B has one item left, which belongs before what remains of A.
    fn copy_a(&mut self, a: &mut [usize], tmp: &mut Vec<usize>, dest: isize, ia: isize, ib: isize, na: usize) {
        let from = (ia + 1 - na as isize) as usize;
        let to = (dest + 1 - na as isize) as usize;
        a.copy_within(from..from + na, to);
        a[(dest - na as isize) as usize] = tmp[ib as usize];
        self.tmp = std::mem::take(tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_and_is_stable() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 10, 63, 64, 65, 100, 257, 1000, 5000] {
            for modulo in [3u64, 50, 1 << 30] {
                let keys: Vec<u64> = (0..n).map(|_| lcg(&mut seed) % modulo).collect();
                for reverse in [false, true] {
                    let order = sort_order(n, reverse, &mut |i, j| keys[i] < keys[j]);
                    let mut expect: Vec<usize> = (0..n).collect();
                    if reverse {
                        expect.sort_by(|&i, &j| keys[j].cmp(&keys[i]));
                    } else {
                        expect.sort_by(|&i, &j| keys[i].cmp(&keys[j]));
                    }
                    assert_eq!(order, expect, "n={} modulo={} reverse={}", n, modulo, reverse);
                }
            }
        }
    }

    #[test]
    fn partly_ordered_inputs_gallop() {
        // long runs, descending runs and interleavings exercise merge_lo/merge_hi's galloping
        let mut keys: Vec<i64> = (0..3000).collect();
        keys.extend((0..2000).rev());
        keys.extend((0..1500).map(|i| (i * 7919) % 1500));
        keys.extend(0..700);
        let n = keys.len();
        let order = sort_order(n, false, &mut |i, j| keys[i] < keys[j]);
        let mut expect: Vec<usize> = (0..n).collect();
        expect.sort_by(|&i, &j| keys[i].cmp(&keys[j]));
        assert_eq!(order, expect);
    }

    #[test]
    fn sort_values_in_place() {
        let mut v = vec![3.0, 1.0, 2.0];
        sort_values(&mut v, true, |a: &f64, b: &f64| a < b);
        assert_eq!(v, vec![3.0, 2.0, 1.0]);
    }
}
