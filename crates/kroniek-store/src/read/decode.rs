//! Turning an input's bytes into text: UTF-8 when it is, Windows-1252 (a superset of
//! Latin-1, common in LexisNexis exports) when it is not, and a clear "binary" otherwise.

/// What decoding found.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// Valid UTF-8 (a byte-order mark removed).
    Utf8(String),
    /// Mostly UTF-8 with some invalid bytes, replaced by U+FFFD; the first bad byte's line.
    Repaired { text: String, bad_bytes: usize, first_bad_line: u64 },
    /// No valid multi-byte UTF-8 at all and some high bytes: read as Windows-1252.
    Windows1252(String),
    /// Not text (NUL bytes or many control characters).
    Binary,
}

/// Decodes bytes from a file into text; see [`Decoded`] for the cases.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Decoded::Binary;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Utf8(text.to_string()),
        Err(_) => decode_non_utf8(bytes),
    }
}

fn decode_non_utf8(bytes: &[u8]) -> Decoded {
    let (valid_multibyte, bad_bytes, first_bad) = count_utf8_sequences(bytes);
    if valid_multibyte == 0 {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        return Decoded::Windows1252(text.into_owned());
    }
    let first_bad_line = 1 + bytes[..first_bad].iter().filter(|&&b| b == b'\n').count() as u64;
    Decoded::Repaired { text: String::from_utf8_lossy(bytes).into_owned(), bad_bytes, first_bad_line }
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes, and finds the first invalid byte.
fn count_utf8_sequences(mut bytes: &[u8]) -> (usize, usize, usize) {
    let mut valid_multibyte = 0;
    let mut bad = 0;
    let mut first_bad = None;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                valid_multibyte += rest.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(error) => {
                let good = error.valid_up_to();
                let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
                valid_multibyte += prefix.chars().filter(|c| c.len_utf8() > 1).count();
                let skip = error.error_len().unwrap_or(bytes.len() - good).max(1);
                first_bad.get_or_insert(offset + good);
                bad += skip;
                offset += good + skip;
                bytes = &bytes[(good + skip).min(bytes.len())..];
            }
        }
    }
    (valid_multibyte, bad, first_bad.unwrap_or(0))
}

/// True for content that is not text: a NUL byte or more than 5% control characters in the
/// first 8 KB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    !head.is_empty() && controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_bom() {
        assert_eq!(decode("\u{feff}Oekraïne".as_bytes()), Decoded::Utf8("Oekraïne".into()));
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        let bytes = b"De Oekra\xefne en het \x93debat\x94";
        assert_eq!(decode(bytes), Decoded::Windows1252("De Oekraïne en het “debat”".into()));
    }

    #[test]
    fn a_bad_byte_in_utf8_is_replaced_and_located() {
        let bytes = b"regel \xc3\xa9\xc3\xa9n\nregel twee\ndrie \xff vier\n";
        match decode(bytes) {
            Decoded::Repaired { bad_bytes, first_bad_line, text } => {
                assert_eq!(bad_bytes, 1);
                assert_eq!(first_bad_line, 3);
                assert!(text.contains("drie \u{fffd} vier"));
            }
            other => panic!("expected repaired, got {other:?}"),
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Decoded::Binary);
    }
}
