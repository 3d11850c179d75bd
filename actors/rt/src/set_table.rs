//! The hash table behind `Set` and `FrozenSet`: CPython 3.11's set table
//! (Objects/setobject.c), re-implemented so that iteration order — slot
//! order — is CPython's for the same operations. The facts it follows:
//!
//! - a power-of-two table of at least 8 slots; a slot is empty, a dummy
//!   (left by a deletion) or holds (hash, key); `fill` counts non-empty
//!   slots, `used` live keys;
//! - probing starts at `hash & mask`, looks at the next `LINEAR_PROBES` (9)
//!   slots when they fit before the table's end, then jumps to
//!   `(i * 5 + 1 + perturb) & mask` with `perturb >>= 5` (perturb starts at
//!   the hash as an unsigned 64-bit number);
//! - adding reuses the last dummy met on the probe sequence before the
//!   first empty slot, else takes that empty slot; when `fill * 5 >= mask * 3`
//!   after taking an empty slot, the table is rebuilt
//!   for `used * 4` (`used * 2` past 50,000) keys: the smallest power of two
//!   above that, keys re-inserted in old slot order without comparisons;
//! - bulk operations (merge, intersection, difference, symmetric
//!   difference) have their own pre-sizing and iteration rules, mirrored
//!   function by function below.
//!
//! Hashes are 64-bit on every platform (wasm32 included), as on 64-bit CPython.

use crate::value::PyHash;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot<T> {
    Empty,
    Dummy,
    Active(i64, T),
}

/// A set's slots and counters.
#[derive(Clone)]
pub struct SetTable<T> {
    slots: Vec<Slot<T>>,
    fill: usize,
    used: usize,
    finger: usize,
}

fn empty_slots<T>(n: usize) -> Vec<Slot<T>> {
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(Slot::Empty);
    }
    v
}

/// Puts a key known to be absent into a table without dummies.
fn insert_clean<T>(slots: &mut [Slot<T>], key: T, hash: i64) {
    let mask = (slots.len() - 1) as u64;
    let mut perturb = hash as u64;
    let mut i = (hash as u64) & mask;
    loop {
        if let Slot::Empty = slots[i as usize] {
            slots[i as usize] = Slot::Active(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if let Slot::Empty = slots[(i + j) as usize] {
                    slots[(i + j) as usize] = Slot::Active(hash, key);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

fn grow_target(used: usize) -> usize {
    if used > 50000 {
        used * 2
    } else {
        used * 4
    }
}

impl<T: PyHash> SetTable<T> {
    pub fn new() -> Self {
        SetTable { slots: empty_slots(MIN_SIZE), fill: 0, used: 0, finger: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Live keys with their hashes, in iteration (slot) order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &T)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// Live keys in iteration order.
    pub fn keys(&self) -> impl Iterator<Item = &T> {
        self.entries().map(|(_, k)| k)
    }

    /// The first live key at or after slot `pos`, and the slot after it.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &T)> {
        let mut i = pos;
        while i < self.slots.len() {
            if let Slot::Active(_, k) = &self.slots[i] {
                return Some((i + 1, k));
            }
            i += 1;
        }
        None
    }

    fn lookkey(&self, key: &T, hash: i64) -> Option<usize> {
        let mask = self.mask() as u64;
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let idx = (i + j) as usize;
                match &self.slots[idx] {
                    Slot::Empty => return None,
                    Slot::Active(h, k) if *h == hash && k.py_eq(key) => return Some(idx),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    pub fn contains_hashed(&self, key: &T, hash: i64) -> bool {
        self.lookkey(key, hash).is_some()
    }

    pub fn contains(&self, key: &T) -> bool {
        self.contains_hashed(key, key.py_hash())
    }

    /// set_add_entry: true when the key was new. The key goes to the last
    /// dummy its probe sequence passed before reaching an empty slot (only
    /// `used` grows then), else to that empty slot (`fill` grows too, and
    /// the table may grow).
    pub fn add_hashed(&mut self, key: T, hash: i64) -> bool {
        let mask = self.mask() as u64;
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        let mut freeslot: Option<usize> = None;
        let slot = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let idx = (i + j) as usize;
                match &self.slots[idx] {
                    Slot::Empty => break 'probe idx,
                    Slot::Active(h, k) if *h == hash && k.py_eq(&key) => return false,
                    Slot::Dummy => freeslot = Some(idx),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        };
        if let Some(free) = freeslot {
            self.used += 1;
            self.slots[free] = Slot::Active(hash, key);
            return true;
        }
        self.fill += 1;
        self.used += 1;
        self.slots[slot] = Slot::Active(hash, key);
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(grow_target(self.used));
        }
        true
    }

    pub fn add(&mut self, key: T) -> bool {
        let h = key.py_hash();
        self.add_hashed(key, h)
    }

    /// set_table_resize: a table of the smallest power of two above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(newsize));
        for s in old {
            if let Slot::Active(h, k) = s {
                insert_clean(&mut self.slots, k, h);
            }
        }
        self.fill = self.used;
    }

    /// set_discard_entry: true when the key was there.
    pub fn discard_hashed(&mut self, key: &T, hash: i64) -> bool {
        match self.lookkey(key, hash) {
            Some(idx) => {
                let old = std::mem::replace(&mut self.slots[idx], Slot::Dummy);
                self.used -= 1;
                drop(old);
                true
            }
            None => false,
        }
    }

    pub fn discard(&mut self, key: &T) -> bool {
        self.discard_hashed(key, key.py_hash())
    }

    /// set.pop(): the first live slot at or after the search finger.
    pub fn pop(&mut self) -> Option<T> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut idx = self.finger & mask;
        while !matches!(self.slots[idx], Slot::Active(..)) {
            idx += 1;
            if idx > mask {
                idx = 0;
            }
        }
        let old = std::mem::replace(&mut self.slots[idx], Slot::Dummy);
        self.used -= 1;
        self.finger = idx + 1;
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    /// The pop search finger (set_swap_bodies leaves it with its set).
    pub fn finger_pos(&self) -> usize {
        self.finger
    }

    pub fn set_finger(&mut self, finger: usize) {
        self.finger = finger;
    }

    /// set.clear() (the search finger survives, as in CPython).
    pub fn clear(&mut self) {
        self.slots = empty_slots(MIN_SIZE);
        self.fill = 0;
        self.used = 0;
    }

    /// set_merge: `self |= other` for two distinct sets.
    pub fn merge(&mut self, other: &SetTable<T>) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (mine, theirs) in self.slots.iter_mut().zip(other.slots.iter()) {
                if let Slot::Active(h, k) = theirs {
                    *mine = Slot::Active(*h, k.clone());
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (h, k) in other.entries() {
                insert_clean(&mut self.slots, k.clone(), h);
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (h, k) in other.entries() {
            self.add_hashed(k.clone(), h);
        }
    }

    /// `set(s)` / `s.copy()`.
    pub fn copy(&self) -> SetTable<T> {
        let mut t = SetTable::new();
        t.merge(self);
        t
    }

    /// `set(iterable)` for any iterable that is not a set or dict.
    pub fn from_keys(keys: impl IntoIterator<Item = T>) -> SetTable<T> {
        let mut t = SetTable::new();
        for k in keys {
            t.add(k);
        }
        t
    }

    /// set_update_internal's dict branch: pre-size, then add in dict order.
    pub fn update_from_dict_keys(&mut self, keys: Vec<(i64, T)>) {
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for (h, k) in keys {
            self.add_hashed(k, h);
        }
    }

    /// set_difference with a dict argument: copy-then-discard when this set is
    /// more than 4 times larger, else a new set of this set's keys not in the dict.
    pub fn difference_dict(&self, keys: Vec<(i64, T)>, contains: impl Fn(&T) -> bool) -> SetTable<T> {
        if (self.used >> 2) > keys.len() {
            let mut r = self.copy();
            r.difference_update_keys(keys.into_iter().map(|(_, k)| k));
            return r;
        }
        let mut r = SetTable::new();
        for (h, k) in self.entries() {
            if !contains(k) {
                r.add_hashed(k.clone(), h);
            }
        }
        r
    }

    /// set_symmetric_difference_update's dict branch: dict order, no temporary set.
    pub fn symmetric_difference_update_dict(&mut self, keys: Vec<(i64, T)>) {
        for (h, k) in keys {
            if !self.discard_hashed(&k, h) {
                self.add_hashed(k, h);
            }
        }
    }

    /// set_intersection of two distinct sets: walks the smaller one.
    pub fn intersection(&self, other: &SetTable<T>) -> SetTable<T> {
        let (big, small) = if other.used > self.used { (other, self) } else { (self, other) };
        let mut r = SetTable::new();
        for (h, k) in small.entries() {
            if big.contains_hashed(k, h) {
                r.add_hashed(k.clone(), h);
            }
        }
        r
    }

    /// set_intersection with a non-set iterable.
    pub fn intersection_keys(&self, keys: impl IntoIterator<Item = T>) -> SetTable<T> {
        let mut r = SetTable::new();
        for k in keys {
            let h = k.py_hash();
            if self.contains_hashed(&k, h) {
                r.add_hashed(k, h);
                if r.used >= self.used {
                    break;
                }
            }
        }
        r
    }

    fn shrink_after_difference(&mut self) {
        if self.fill - self.used <= self.mask() / 4 {
            return;
        }
        self.resize(grow_target(self.used));
    }

    /// set_difference_update_internal with a distinct set.
    pub fn difference_update(&mut self, other: &SetTable<T>) {
        if (other.used >> 3) > self.used {
            let common = self.intersection(other);
            for (h, k) in common.entries() {
                self.discard_hashed(k, h);
            }
        } else {
            for (h, k) in other.entries() {
                self.discard_hashed(k, h);
            }
        }
        self.shrink_after_difference();
    }

    /// set_difference_update_internal with a non-set iterable.
    pub fn difference_update_keys(&mut self, keys: impl IntoIterator<Item = T>) {
        for k in keys {
            self.discard(&k);
        }
        self.shrink_after_difference();
    }

    /// set_difference of two distinct sets.
    pub fn difference(&self, other: &SetTable<T>) -> SetTable<T> {
        if (self.used >> 2) > other.used {
            let mut r = self.copy();
            r.difference_update(other);
            return r;
        }
        let mut r = SetTable::new();
        for (h, k) in self.entries() {
            if !other.contains_hashed(k, h) {
                r.add_hashed(k.clone(), h);
            }
        }
        r
    }

    /// set_symmetric_difference_update with a distinct set.
    pub fn symmetric_difference_update(&mut self, other: &SetTable<T>) {
        for (h, k) in other.entries() {
            if !self.discard_hashed(k, h) {
                self.add_hashed(k.clone(), h);
            }
        }
    }

    /// `self <= other` for two sets.
    pub fn issubset(&self, other: &SetTable<T>) -> bool {
        if self.used > other.used {
            return false;
        }
        self.entries().all(|(h, k)| other.contains_hashed(k, h))
    }

    /// set_isdisjoint of two distinct sets.
    pub fn isdisjoint(&self, other: &SetTable<T>) -> bool {
        let (big, small) = if other.used > self.used { (other, self) } else { (self, other) };
        !small.entries().any(|(h, k)| big.contains_hashed(k, h))
    }

    /// frozenset's hash (order-independent; CPython's constants).
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.entries() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        }
    }
}

impl<T: PyHash> Default for SetTable<T> {
    fn default() -> Self {
        SetTable::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(t: &SetTable<i64>) -> Vec<i64> {
        t.keys().copied().collect()
    }

    #[test]
    fn add_reuses_the_last_dummy_on_the_probe_path() {
        // s = set(range(4)); s.discard(0); s.discard(1); s.add(8); s.add(16)
        // -> {8, 2, 3} then {16, 8, 2, 3} in CPython 3.11
        let mut t = SetTable::from_keys(0..4i64);
        t.discard(&0);
        t.discard(&1);
        t.add(8);
        assert_eq!(order(&t), vec![8, 2, 3]);
        t.add(16);
        assert_eq!(order(&t), vec![16, 8, 2, 3]);
    }

    #[test]
    fn resize_reorders_like_cpython() {
        // list({-1, 7, 100, 3, 8}) in CPython 3.11
        let t = SetTable::from_keys(vec![-1i64, 7, 100, 3, 8]);
        assert_eq!(order(&t), vec![3, 100, 7, 8, -1]);
    }

    #[test]
    fn frozenset_hash_like_cpython() {
        let t = SetTable::from_keys(vec![1i64, 2]);
        assert_eq!(t.frozen_hash(), -1826646154956904602);
    }
}
