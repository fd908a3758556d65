//! Fuzz target: any UTF-8 input goes through tokenize + split + residue without panicking,
//! and the layers cover the text exactly (every non-separator char in exactly one token,
//! every token in exactly one sentence, spans on char boundaries).
#![no_main]

use kroniek_text::{analyze, is_separator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let layers = analyze(text);
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    for token in &layers.tokens {
        let span = token.span;
        assert!(span.start < span.end && span.start >= previous_end, "tokens out of order: {span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        covered[span.start..span.end].iter_mut().for_each(|c| *c = true);
        previous_end = span.end;
    }
    for (offset, c) in text.char_indices() {
        assert_eq!(covered[offset], !is_separator(c), "char {c:?} at {offset}");
    }
    let mut next_token = 0;
    for sentence in &layers.sentences {
        assert_eq!(layers.tokens[next_token].span.start, sentence.span.start, "sentence must start at a token");
        while next_token < layers.tokens.len() && layers.tokens[next_token].span.end <= sentence.span.end {
            next_token += 1;
        }
        assert_eq!(layers.tokens[next_token - 1].span.end, sentence.span.end, "sentence must end at a token");
    }
    assert_eq!(next_token, layers.tokens.len(), "every token lies in a sentence");
});
