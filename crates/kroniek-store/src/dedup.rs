//! Near-duplicate detection with MinHash over word 5-grams and locality-sensitive hashing:
//! two articles whose estimated Jaccard similarity is at least [`NEAR_DUPLICATE_SIMILARITY`]
//! are linked. The signature is a one-permutation MinHash (Li, Owen & Zhang 2012): each
//! shingle's hash falls into one of 64 bins and each bin keeps its minimum, so a shingle
//! costs one hash instead of 64; empty bins (short texts) borrow from the next filled bin
//! (rotation densification, Shrivastava & Li 2014). The signature is computed on the article's words outside page residue, so the
//! same article crawled twice with different residue still matches.

/// Number of hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Bands of the LSH index; SIGNATURE_LEN / BANDS rows per band.
pub const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_LEN / BANDS;
const SHINGLE: usize = 5;
/// Estimated Jaccard similarity from which two articles are near-duplicates.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.6;

/// A MinHash signature.
pub type Signature = [u64; SIGNATURE_LEN];

/// Computes the signature of the words of `parts` (lowercased, alphanumeric words only).
/// Returns `None` for texts with fewer than [`SHINGLE`] words.
pub fn signature<'a>(parts: impl Iterator<Item = &'a str>) -> Option<Signature> {
    let mut words: Vec<u64> = Vec::new();
    for part in parts {
        for word in part.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            words.push(hash_word(word));
        }
    }
    if words.len() < SHINGLE {
        return None;
    }
    let mut minimum = [EMPTY_BIN; SIGNATURE_LEN];
    for window in words.windows(SHINGLE) {
        let shingle = mix(window.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, w| h.rotate_left(13) ^ w));
        let bin = (shingle >> (64 - BIN_BITS)) as usize;
        let value = shingle & VALUE_MASK;
        if value < minimum[bin] {
            minimum[bin] = value;
        }
    }
    densify(&mut minimum);
    Some(minimum)
}

const BIN_BITS: u32 = SIGNATURE_LEN.trailing_zeros();
const VALUE_MASK: u64 = u64::MAX >> BIN_BITS;
const EMPTY_BIN: u64 = u64::MAX;

/// Fills each empty bin from the next filled bin to its right (circularly), offset by the
/// distance so that borrowed values differ from the originals.
fn densify(bins: &mut Signature) {
    if bins.iter().all(|&b| b == EMPTY_BIN) {
        return;
    }
    let original = *bins;
    for (i, bin) in bins.iter_mut().enumerate() {
        if *bin != EMPTY_BIN {
            continue;
        }
        let (distance, value) = (1..SIGNATURE_LEN)
            .map(|d| (d, original[(i + d) % SIGNATURE_LEN]))
            .find(|(_, v)| *v != EMPTY_BIN)
            .expect("some bin is filled");
        *bin = mix(value ^ SEEDS[distance]) & VALUE_MASK;
    }
}

/// The LSH bucket of each band of a signature.
pub fn band_buckets(signature: &Signature) -> [i64; BANDS] {
    let mut buckets = [0i64; BANDS];
    for (band, chunk) in signature.chunks(ROWS).enumerate() {
        buckets[band] = chunk.iter().fold(band as u64, |h, v| mix(h ^ v)) as i64;
    }
    buckets
}

/// The fraction of equal positions: an estimate of the Jaccard similarity of the shingles.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE_LEN as f64
}

/// Packs a signature into bytes for storage.
pub fn signature_to_bytes(signature: &Signature) -> Vec<u8> {
    signature.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Unpacks a stored signature; `None` when the blob has the wrong size.
pub fn signature_from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != SIGNATURE_LEN * 8 {
        return None;
    }
    let mut signature = [0u64; SIGNATURE_LEN];
    for (slot, chunk) in signature.iter_mut().zip(bytes.chunks_exact(8)) {
        *slot = u64::from_le_bytes(chunk.try_into().ok()?);
    }
    Some(signature)
}

fn hash_word(word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in word.chars().flat_map(char::to_lowercase) {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A 64-bit finaliser (splitmix64): cheap and well mixed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SEEDS: [u64; SIGNATURE_LEN] = {
    let mut seeds = [0u64; SIGNATURE_LEN];
    let mut i = 0;
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    while i < SIGNATURE_LEN {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "De gemeenteraad van Zeewolde besloot dinsdag om de dijken langs de kust te versterken. \
        Het plan kost veertig miljoen euro en moet binnen vijf jaar klaar zijn. Wethouder Koster noemde het \
        een belangrijke stap voor de veiligheid. De oppositie vindt de kosten te hoog en wil een tweede \
        advies. Het waterschap reageert later deze week op het besluit van de raad.";

    #[test]
    fn a_small_edit_stays_similar_and_another_text_does_not() {
        let a = signature([BASE].into_iter()).unwrap();
        let edited = BASE.replace("later deze week", "volgende week");
        let b = signature([edited.as_str(), "Lees meer"].into_iter()).unwrap();
        let other = signature(["Het kabinet presenteerde vandaag een nieuwe begroting met extra geld voor onderwijs en zorg, maar de oppositie is kritisch over de plannen."].into_iter()).unwrap();
        assert!(similarity(&a, &b) >= NEAR_DUPLICATE_SIMILARITY, "{}", similarity(&a, &b));
        assert!(similarity(&a, &other) < 0.2);
        assert!(band_buckets(&a).iter().zip(band_buckets(&b)).any(|(x, y)| *x == y));
    }

    #[test]
    fn a_short_text_fills_every_bin_and_matches_itself() {
        let short = signature(["De raad besloot dinsdag om de dijken te versterken en de kosten te delen."].into_iter()).unwrap();
        assert!(short.iter().all(|&v| v != EMPTY_BIN));
        let again = signature(["De raad besloot dinsdag om de dijken te versterken en de kosten te delen."].into_iter()).unwrap();
        assert_eq!(similarity(&short, &again), 1.0);
        let other = signature(["Het kabinet presenteerde vandaag een nieuwe begroting met extra geld voor onderwijs."].into_iter()).unwrap();
        assert!(similarity(&short, &other) < 0.2, "{}", similarity(&short, &other));
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let a = signature([BASE].into_iter()).unwrap();
        assert_eq!(signature_from_bytes(&signature_to_bytes(&a)), Some(a));
        assert!(signature(["te kort"].into_iter()).is_none());
    }
}
