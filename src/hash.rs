//! Hashes whose values never change between Rust versions, machines or runs: what session codes,
//! results files and sweeps fingerprint their inputs with (data layer: used from every layer).

/// FNV-1a, 64 bits.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(FNV1A_START, bytes)
}

/// FNV-1a's value of no bytes, where a hash fed piece by piece ([`fnv1a_more`]) starts.
pub const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of what `h` hashed followed by `bytes`: a file's hash kept up to date line by line.
pub fn fnv1a_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    /// The published FNV-1a test vectors (Fowler, Noll, Vo): a change here would change every
    /// session code and results file ever made.
    #[test]
    fn fnv1a_gives_the_published_values() {
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            super::fnv1a_more(super::fnv1a(b"foo"), b"bar"),
            0x8594_4171_f739_67e8
        );
    }
}
