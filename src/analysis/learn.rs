//! A small multi-class averaged perceptron over hashed features, and its compact weights file.
//!
//! Features are `u32` hashes (see [`feature`]) folded into a fixed number of buckets; a model is
//! one weight per (bucket, class). Scoring an example is one add per feature and class: no
//! allocation, no lookups beyond an array index. Training is deterministic: the examples are
//! visited in an order shuffled by a fixed-seed generator, so the same data gives the same
//! weights byte for byte.
//!
//! The weights file: the magic `BYLP`, a version byte, the class count, the bucket count as a
//! power of two, a scale (f32), the number of non-zero buckets (u32), then for each such bucket
//! its index (u32) and one i16 per class (the weight times the scale, rounded). All little
//! endian. Buckets whose weights all round to zero are left out.

/// The number of classes the weights file stores at most.
pub const MAX_CLASSES: usize = 8;

const MAGIC: &[u8; 4] = b"BYLP";
const VERSION: u8 = 1;

/// One training example: its hashed features and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub features: Vec<u32>,
    pub class: usize,
}

/// Weights of a trained perceptron.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    classes: usize,
    bits: u8,
    /// `(1 << bits) * classes` weights, bucket-major.
    weights: Vec<f32>,
}

/// A hash of a feature template and a string, ASCII case folded (FNV-1a). Templates keep
/// "previous word = of" apart from "next word = of".
pub fn feature(template: u8, s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    h = (h ^ u32::from(template)).wrapping_mul(0x0100_0193);
    for b in s.bytes() {
        h = (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
    }
    // Final mix, so that close inputs spread over the low bits the buckets use.
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^= h >> 15;
    h
}

/// A feature hash combined with a second value (a conjunction of two facts).
pub fn combine(a: u32, b: u32) -> u32 {
    let mut h = a ^ b.wrapping_mul(0x9e37_79b9).rotate_left(13);
    h ^= h >> 16;
    h = h.wrapping_mul(0x846c_a68b);
    h ^= h >> 13;
    h
}

impl Model {
    /// An all-zero model of `classes` classes over `1 << bits` buckets.
    pub fn zero(classes: usize, bits: u8) -> Model {
        let classes = classes.clamp(1, MAX_CLASSES);
        let bits = bits.clamp(4, 24);
        Model {
            classes,
            bits,
            weights: vec![0.0; (1usize << bits) * classes],
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Sets the weight of `class` for feature `f` (tests build models by hand).
    #[cfg(test)]
    pub(crate) fn set_weight(&mut self, f: u32, class: usize, w: f32) {
        let b = self.bucket(f);
        if let Some(slot) = self.weights.get_mut(b + class) {
            *slot = w;
        }
    }

    fn bucket(&self, f: u32) -> usize {
        (f as usize & ((1usize << self.bits) - 1)) * self.classes
    }

    /// Adds each class's score for `features` into `scores` (its first `classes` entries).
    pub fn score_into(&self, features: &[u32], scores: &mut [f32]) {
        for &f in features {
            let b = self.bucket(f);
            if let Some(w) = self.weights.get(b..b + self.classes) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
    }

    /// The scores of every class for `features`.
    pub fn scores(&self, features: &[u32]) -> [f32; MAX_CLASSES] {
        let mut s = [0.0; MAX_CLASSES];
        self.score_into(features, &mut s);
        s
    }

    /// The best-scoring class (the lowest on ties).
    pub fn predict(&self, features: &[u32]) -> usize {
        argmax(&self.scores(features)[..self.classes])
    }

    /// Trains an averaged perceptron for `epochs` passes over `examples`, visiting them in an
    /// order shuffled by `seed`.
    pub fn train(
        examples: &[Example],
        classes: usize,
        bits: u8,
        epochs: usize,
        seed: u64,
    ) -> Model {
        let mut m = Model::zero(classes, bits);
        let classes = m.classes;
        // Averaging without touching every weight each step: `acc` sums update * step, and the
        // average is w - acc / steps.
        let mut acc = vec![0.0f32; m.weights.len()];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed | 1;
        let mut step: f32 = 1.0;
        for _ in 0..epochs {
            // Fisher-Yates with xorshift64.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let Some(ex) = examples.get(i) else { continue };
                if ex.class >= classes {
                    continue;
                }
                let guess = m.predict(&ex.features);
                if guess != ex.class {
                    for &f in &ex.features {
                        let b = m.bucket(f);
                        for (c, d) in [(ex.class, 1.0f32), (guess, -1.0)] {
                            if let Some(w) = m.weights.get_mut(b + c) {
                                *w += d;
                            }
                            if let Some(a) = acc.get_mut(b + c) {
                                *a += d * step;
                            }
                        }
                    }
                }
                step += 1.0;
            }
        }
        for (w, a) in m.weights.iter_mut().zip(&acc) {
            *w -= a / step;
        }
        m
    }

    /// The mean of models of one shape (the same classes and buckets), weight by weight: several
    /// perceptrons trained on the same examples in different orders, as one. `None` when there
    /// is no model or their shapes differ.
    pub fn mean(models: &[Model]) -> Option<Model> {
        let first = models.first()?;
        if models
            .iter()
            .any(|m| m.classes != first.classes || m.bits != first.bits)
        {
            return None;
        }
        let n = models.len() as f32;
        let mut out = Model::zero(first.classes, first.bits);
        for m in models {
            for (o, w) in out.weights.iter_mut().zip(&m.weights) {
                *o += w / n;
            }
        }
        Some(out)
    }

    /// The compact weights file (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let q = |w: f32| (w * scale).round().clamp(-32_767.0, 32_767.0) as i16;
        let mut rows: Vec<(u32, &[f32])> = Vec::new();
        for (i, row) in self.weights.chunks(self.classes).enumerate() {
            if row.iter().any(|&w| q(w) != 0) {
                rows.push((i as u32, row));
            }
        }
        let mut out = Vec::with_capacity(16 + rows.len() * (4 + 2 * self.classes));
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(self.classes as u8);
        out.push(self.bits);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (i, row) in rows {
            out.extend_from_slice(&i.to_le_bytes());
            for &w in row {
                out.extend_from_slice(&q(w).to_le_bytes());
            }
        }
        out
    }

    /// Reads a weights file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a byline model (bad magic)".into());
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(format!("unsupported model version {version}"));
        }
        let classes = usize::from(r.u8()?);
        let bits = r.u8()?;
        if !(1..=MAX_CLASSES).contains(&classes) || !(4..=24).contains(&bits) {
            return Err("model header out of range".into());
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !(scale.is_finite() && scale > 0.0) {
            return Err("model scale out of range".into());
        }
        let rows = u32::from_le_bytes(r.array()?) as usize;
        let mut m = Model::zero(classes, bits);
        let buckets = 1usize << bits;
        for _ in 0..rows {
            let i = u32::from_le_bytes(r.array()?) as usize;
            if i >= buckets {
                return Err("model bucket out of range".into());
            }
            for c in 0..classes {
                let w = f32::from(i16::from_le_bytes(r.array()?)) / scale;
                if let Some(slot) = m.weights.get_mut(i * classes + c) {
                    *slot = w;
                }
            }
        }
        if r.at != bytes.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(m)
    }
}

/// The index of the largest value (the first on ties).
pub fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v.get(best).copied().unwrap_or(f32::NEG_INFINITY) {
            best = i;
        }
    }
    best
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or_else(|| "model file cut short".to_string())?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_models_averages_each_weight_and_refuses_other_shapes() {
        let mut a = Model::zero(2, 4);
        let mut b = Model::zero(2, 4);
        a.set_weight(7, 1, 2.0);
        b.set_weight(7, 1, 4.0);
        b.set_weight(9, 0, -6.0);
        let m = Model::mean(&[a.clone(), b]).unwrap();
        assert_eq!(m.scores(&[7])[1], 3.0);
        assert_eq!(m.scores(&[9])[0], -3.0);
        assert!(Model::mean(&[a, Model::zero(3, 4)]).is_none());
        assert!(Model::mean(&[]).is_none());
    }

    fn ex(words: &[&str], class: usize) -> Example {
        Example {
            features: words.iter().map(|w| feature(0, w)).collect(),
            class,
        }
    }

    /// Two classes told apart by one word each, a shared word carrying nothing.
    fn data() -> Vec<Example> {
        vec![
            ex(&["bias", "said"], 1),
            ex(&["bias", "inc"], 2),
            ex(&["bias", "said", "mr"], 1),
            ex(&["bias", "inc", "corp"], 2),
            ex(&["bias", "the"], 0),
        ]
    }

    #[test]
    fn learns_separable_data() {
        let m = Model::train(&data(), 3, 8, 10, 7);
        for e in data() {
            assert_eq!(m.predict(&e.features), e.class, "{e:?}");
        }
        assert_eq!(m.predict(&[feature(0, "corp")]), 2);
    }

    #[test]
    fn features_fold_case_and_templates_differ() {
        assert_eq!(feature(1, "Said"), feature(1, "said"));
        assert_ne!(feature(1, "said"), feature(2, "said"));
        assert_ne!(combine(1, 2), combine(2, 1));
    }

    #[test]
    fn training_is_deterministic() {
        let a = Model::train(&data(), 3, 8, 5, 42);
        let b = Model::train(&data(), 3, 8, 5, 42);
        assert_eq!(a.to_bytes(), b.to_bytes());
    }

    #[test]
    fn weights_file_round_trips() {
        let m = Model::train(&data(), 3, 8, 10, 7);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        for e in data() {
            assert_eq!(back.predict(&e.features), m.predict(&e.features));
        }
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn bad_weights_files_are_errors_not_panics() {
        let bytes = Model::train(&data(), 3, 8, 10, 7).to_bytes();
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"XXXX\x01\x03\x08").is_err());
        for n in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..n]).is_err(), "cut at {n}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
        let mut big = bytes;
        big[6] = 30; // bucket bits
        assert!(Model::from_bytes(&big).is_err());
    }

    #[test]
    fn argmax_takes_the_first_of_ties() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
        assert_eq!(argmax(&[]), 0);
    }
}
