//! Property tests of the text layer: tokens and separators cover the text exactly, spans lie
//! on char boundaries, sentences lose no token, and no input makes anything panic.

use kroniek_text::{analyze, is_separator, TextLayers};
use proptest::prelude::*;

/// Pieces that exercise the tokenizer's and splitter's special cases.
fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(",,".to_string()),
        Just(",,,".to_string()),
        Just("''".to_string()),
        Just("’s".to_string()),
        Just("'t".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("„".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just("o.a.".to_string()),
        Just("J.P.".to_string()),
        Just("dr.".to_string()),
        Just("enz.".to_string()),
        Just("St.-".to_string()),
        Just("'s-".to_string()),
        Just("-".to_string()),
        Just("--".to_string()),
        Just(".".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just("?".to_string()),
        Just("!".to_string()),
        Just(":".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("%".to_string()),
        Just("@".to_string()),
        Just("#".to_string()),
        Just("https://".to_string()),
        Just("www.".to_string()),
        Just("©".to_string()),
        Just("•".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{2029}".to_string()),
        Just("e\u{0301}".to_string()),
        Just("👍🏽".to_string()),
        Just(" date 2024-09 ".to_string()),
        Just("Volledig scherm ".to_string()),
        Just("Quote ".to_string()),
        Just("Lees meer".to_string()),
        "[A-Za-zëïé]{1,8}",
        "[0-9]{1,4}",
        "[0-9]{1,2}[,.:][0-9]{1,3}",
    ]
}

/// Text built from tricky pieces, sometimes glued, sometimes spaced.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec((tricky_piece(), prop::bool::ANY), 0..60).prop_map(|pieces| {
        let mut text = String::new();
        for (piece, space) in pieces {
            text.push_str(&piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// Checks every invariant of the layers of `text`.
fn check_layers(text: &str, layers: &TextLayers) -> Result<(), TestCaseError> {
    let mut owner = vec![usize::MAX; text.len()];
    let mut previous_end = 0;
    for (index, token) in layers.tokens.iter().enumerate() {
        let span = token.span;
        prop_assert!(span.start < span.end, "empty token {:?}", span);
        prop_assert!(
            span.start >= previous_end,
            "tokens overlap or are out of order at {:?}",
            span
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "token {:?} off char boundary",
            span
        );
        prop_assert!(
            !span.text(text).chars().any(is_separator),
            "token {:?} holds a separator",
            span.text(text)
        );
        for slot in &mut owner[span.start..span.end] {
            *slot = index;
        }
        previous_end = span.end;
    }
    for (offset, c) in text.char_indices() {
        let covered = owner[offset] != usize::MAX;
        prop_assert_eq!(
            covered,
            !is_separator(c),
            "char {:?} at {} covered: {}",
            c,
            offset,
            covered
        );
    }
    let mut next_token = 0;
    let mut previous_end = 0;
    for sentence in &layers.sentences {
        let span = sentence.span;
        prop_assert!(
            span.start < span.end && span.start >= previous_end,
            "sentence {:?} empty or out of order",
            span
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert!(
            text[previous_end..span.start].chars().all(is_separator),
            "text lost between sentences before {:?}",
            span
        );
        prop_assert_eq!(
            layers.tokens[next_token].span.start,
            span.start,
            "sentence does not start at a token"
        );
        while next_token < layers.tokens.len() && layers.tokens[next_token].span.end <= span.end {
            next_token += 1;
        }
        prop_assert_eq!(
            layers.tokens[next_token - 1].span.end,
            span.end,
            "sentence does not end at a token"
        );
        previous_end = span.end;
    }
    prop_assert_eq!(
        next_token,
        layers.tokens.len(),
        "tokens left outside every sentence"
    );
    prop_assert!(text[previous_end..].chars().all(is_separator));
    let flagged: Vec<_> = layers
        .sentences
        .iter()
        .filter(|s| s.residue)
        .map(|s| s.span)
        .collect();
    let marked: Vec<_> = layers.residue.iter().map(|r| r.span).collect();
    prop_assert_eq!(flagged, marked, "residue spans and residue flags disagree");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tricky_text_is_covered_exactly(text in tricky_text()) {
        check_layers(&text, &analyze(&text))?;
    }

    #[test]
    fn arbitrary_unicode_never_panics_and_is_covered(text in any::<String>()) {
        check_layers(&text, &analyze(&text))?;
    }

    #[test]
    fn arbitrary_bytes_read_lossily_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        check_layers(&text, &analyze(&text))?;
    }
}
