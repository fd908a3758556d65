//! The tokenizer: one byte-level pass over the text, no regular expressions, no allocation
//! per token.
//!
//! The text is cut at whitespace into chunks. A chunk of plain ASCII letters or digits (most
//! of them) becomes one token at once; any other chunk goes through `tokenize_chunk`, which
//! peels quotes and punctuation off words and keeps together what belongs together in Dutch
//! news: abbreviations (`o.a.`, `J.P.`), clitics (`’s`, `'t`), apostrophes inside words
//! (`risico’s`, `zo’n`), hyphenated compounds (`NAVO-lidstaten`), numbers and times (`1,5`,
//! `20:26`, `2022-03`, `5%`), URLs and e-mail addresses, `,,` and `''` quote pairs and
//! ellipses.

use crate::abbreviations::is_abbreviation;
use crate::{Span, Token, TokenKind};

/// Byte classes for the fast chunk scan.
const SPACE: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const OTHER: u8 = 8;
const HIGH: u8 = 16;

/// Class of every byte value: ASCII whitespace, letter, digit, other ASCII, or part of a
/// multi-byte character.
static BYTE_CLASS: [u8; 256] = build_byte_classes();

const fn build_byte_classes() -> [u8; 256] {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            HIGH
        } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            SPACE
        } else if byte.is_ascii_alphabetic() {
            ALPHA
        } else if byte.is_ascii_digit() {
            DIGIT
        } else {
            OTHER
        };
        b += 1;
    }
    table
}

/// Whether `c` separates tokens: Unicode whitespace plus the invisible zero-width space, word
/// joiner and byte-order mark, which carry no text.
///
/// Every character that is not a separator lies in exactly one token.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Splits `text` into tokens; together with the separators they cover the text exactly.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 6 + 4);
    let mut pos = 0;
    while pos < bytes.len() {
        let class = BYTE_CLASS[bytes[pos] as usize];
        if class == SPACE {
            pos += 1;
            continue;
        }
        if class == HIGH {
            let (c, len) = char_at(bytes, pos);
            if is_separator(c) {
                pos += len;
                continue;
            }
        }
        let start = pos;
        let mut seen = 0u8;
        while pos < bytes.len() {
            let class = BYTE_CLASS[bytes[pos] as usize];
            if class == SPACE {
                break;
            }
            if class == HIGH {
                let (c, len) = char_at(bytes, pos);
                if is_separator(c) {
                    break;
                }
                seen |= HIGH;
                pos += len;
            } else {
                seen |= class;
                pos += 1;
            }
        }
        let kind = match seen {
            ALPHA => Some(TokenKind::Word),
            DIGIT => Some(TokenKind::Number),
            x if x == ALPHA | DIGIT => Some(TokenKind::Word),
            _ => None,
        };
        match kind {
            Some(kind) => tokens.push(Token {
                span: Span::new(start, pos),
                kind,
            }),
            None => tokenize_chunk(text, start, pos, &mut tokens),
        }
    }
    tokens
}

/// Decodes the character starting at byte `i` of valid UTF-8 `bytes`; returns it and its length.
#[inline]
pub(crate) fn char_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = bytes[i];
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    let (len, init) = if b0 >= 0xF0 {
        (4, (b0 & 0x07) as u32)
    } else if b0 >= 0xE0 {
        (3, (b0 & 0x0F) as u32)
    } else {
        (2, (b0 & 0x1F) as u32)
    };
    let mut code = init;
    for k in 1..len {
        code = (code << 6) | (bytes[i + k] & 0x3F) as u32;
    }
    (char::from_u32(code).unwrap_or('\u{FFFD}'), len)
}

/// Whether `c` belongs inside a word: letters, digits and combining marks.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}'
            | '\u{FE00}'..='\u{FE0F}')
}

/// Whether `c` is a hyphen that joins compound parts (`NAVO-lidstaten`, `de-escalatie`).
#[inline]
fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether `c` is an apostrophe that may stand inside a word (`risico’s`, `auto's`).
#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Whether `c` is a quote mark (the `,,` pair is found separately).
#[inline]
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‟'
            | '‛'
    )
}

/// The character at byte `i` if `i` is inside `[.., end)`.
#[inline]
fn char_before_end(bytes: &[u8], i: usize, end: usize) -> Option<char> {
    (i < end).then(|| char_at(bytes, i).0)
}

/// Splits one whitespace-free chunk `[start, end)` into tokens.
fn tokenize_chunk(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let has_at = bytes[start..end].contains(&b'@');
    let mut i = start;
    let mut previous: Option<char> = None;
    while i < end {
        let (c, len) = char_at(bytes, i);
        let next = char_before_end(bytes, i + len, end);
        let next_is_word = next.is_some_and(is_word_char);
        let (token_end, kind) = if is_word_char(c) {
            match url_end(bytes, i, end) {
                Some(url_end) => (url_end, TokenKind::Url),
                None => scan_word(text, i, end, has_at),
            }
        } else {
            match c {
                '\'' | '’' | '‘' | '`' => quote_or_clitic(bytes, i, len, end, previous),
                // ",,," is a comma followed by the opening quote ,,
                ',' if next == Some(',') && bytes.get(i + 2) != Some(&b',') => {
                    (i + 2, TokenKind::Quote)
                }
                '.' => (run_end(bytes, i, end, b'.'), TokenKind::Punct),
                '-' if next_is_word && starts_word_context(previous) => {
                    scan_word(text, i, end, has_at)
                }
                '-' => (run_end(bytes, i, end, b'-'), TokenKind::Punct),
                '#' | '@' if next_is_word => {
                    let (word_end, _) = scan_word(text, i, end, false);
                    (word_end, TokenKind::Word)
                }
                _ if is_quote_char(c) => (i + len, TokenKind::Quote),
                _ => (i + len, punct_or_symbol(c)),
            }
        };
        tokens.push(Token {
            span: Span::new(i, token_end),
            kind,
        });
        previous = Some(char_at(bytes, last_char_start(bytes, token_end)).0);
        i = token_end;
    }
}

/// Whether a token may start here: at the start of the chunk or after an opening mark.
fn starts_word_context(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(c) => opens(c),
    }
}

/// Whether `c` opens something, so that a hyphen after it starts a word (`(-ie`).
fn opens(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '„' | '«' | ','
    )
}

/// Start of the last character before byte `end`.
#[inline]
fn last_char_start(bytes: &[u8], end: usize) -> usize {
    let mut i = end - 1;
    while i > 0 && bytes[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    i
}

/// End of the run of byte `b` starting at `i`.
#[inline]
fn run_end(bytes: &[u8], i: usize, end: usize, b: u8) -> usize {
    run_end_of(bytes, i, end, |x| x == b)
}

/// End of the run of ASCII bytes matching `pred` starting at `i`.
#[inline]
fn run_end_of(bytes: &[u8], mut i: usize, end: usize, pred: impl Fn(u8) -> bool) -> usize {
    while i < end && pred(bytes[i]) {
        i += 1;
    }
    i
}

/// Kind of a single punctuation or symbol character.
fn punct_or_symbol(c: char) -> TokenKind {
    match c {
        '(' | ')' | '[' | ']' | '{' | '}' | ',' | ';' | ':' | '/' | '\\' | '|' | '!' | '?'
        | '.' | '…' | '–' | '—' | '‒' | '―' | '•' | '·' | '●' | '▪' | '¿' | '¡' | '‐' | '‑' => {
            TokenKind::Punct
        }
        _ => TokenKind::Symbol,
    }
}

/// A quote mark, the `''` pair, a leading clitic (`’s`, `'t`, `’n`) or an elided year (`'95`).
fn quote_or_clitic(
    bytes: &[u8],
    i: usize,
    len: usize,
    end: usize,
    previous: Option<char>,
) -> (usize, TokenKind) {
    let rest = &bytes[i + len..end];
    let at_word_start = starts_word_context(previous);
    if at_word_start {
        if let Some(clitic_len) = clitic_length(rest) {
            let mut stop = i + len + clitic_len;
            // 's-Hertogenbosch, 's-Gravenhage
            if stop + 1 < end && bytes[stop] == b'-' && bytes[stop + 1].is_ascii_alphabetic() {
                stop = run_end_of(bytes, stop + 1, end, |b| {
                    b.is_ascii_alphanumeric() || b == b'-'
                });
            }
            return (stop, TokenKind::Word);
        }
        let quote_is_apostrophe = bytes[i] == b'\'' || (len == 3 && bytes[i + 2] == 0x99); // ' or ’
        if quote_is_apostrophe
            && rest.len() >= 2
            && rest[0].is_ascii_digit()
            && rest[1].is_ascii_digit()
            && !rest.get(2).is_some_and(|b| b.is_ascii_digit())
        {
            return (i + len + 2, TokenKind::Number);
        }
    }
    if bytes[i] == b'\'' && rest.first() == Some(&b'\'') {
        return (i + 2, TokenKind::Quote);
    }
    if bytes[i] == b'`' && rest.first() == Some(&b'`') {
        return (i + 2, TokenKind::Quote);
    }
    (i + len, TokenKind::Quote)
}

/// Length of a clitic (`s`, `t`, `n`, `k`, `m`, `ns`) at the start of `rest` when no letter
/// follows it.
fn clitic_length(rest: &[u8]) -> Option<usize> {
    let letters = run_end_of(rest, 0, rest.len(), |b| b.is_ascii_alphabetic());
    let word = &rest[..letters];
    let is_clitic = matches!(
        word,
        b"s" | b"t" | b"n" | b"k" | b"m" | b"ns" | b"S" | b"T" | b"N"
    );
    let followed_by_letter = rest
        .get(letters)
        .is_some_and(|&b| b >= 0x80 && is_word_char(char_at(rest, letters).0));
    // ‘m’n: the quote opens a word with an apostrophe inside; it is no clitic
    let apostrophe_then_letter = match &rest[letters..] {
        [b'\'', next, ..] | [0xE2, 0x80, 0x99, next, ..] => next.is_ascii_alphabetic(),
        _ => false,
    };
    (is_clitic && !followed_by_letter && !apostrophe_then_letter).then_some(letters)
}

/// If a URL starts at `i` (`http://`, `https://`, `www.`), the end of it without trailing
/// punctuation.
fn url_end(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    let rest = &bytes[i..end];
    let starts = |prefix: &[u8]| {
        rest.len() > prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"ftp://")) {
        return None;
    }
    let mut stop = end;
    let opening_parens = rest.iter().filter(|&&b| b == b'(').count();
    let mut closing_parens = rest.iter().filter(|&&b| b == b')').count();
    while stop > i + 4 {
        let last = last_char_start(bytes, stop);
        let (c, _) = char_at(bytes, last);
        let trailing = match c {
            ')' => {
                let unbalanced = closing_parens > opening_parens;
                if unbalanced {
                    closing_parens -= 1;
                }
                unbalanced
            }
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '>' => true,
            _ => is_quote_char(c),
        };
        if !trailing {
            break;
        }
        stop = last;
    }
    Some(stop)
}

/// Scans a word, number, abbreviation or e-mail address starting at `start`; returns its end
/// and kind.
fn scan_word(text: &str, start: usize, end: usize, chunk_has_at: bool) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut i = start;
    if matches!(bytes[i], b'-' | b'#' | b'@') {
        i += 1;
    }
    let mut segment_start = i;
    loop {
        while i < end {
            let (c, len) = char_at(bytes, i);
            if !is_word_char(c) {
                break;
            }
            i += len;
        }
        if i >= end {
            break;
        }
        let (c, len) = char_at(bytes, i);
        let next = char_before_end(bytes, i + len, end);
        let next_is_word = next.is_some_and(is_word_char);
        let previous_is_digit = bytes[i - 1].is_ascii_digit();
        let next_is_digit = next.is_some_and(|n| n.is_ascii_digit());
        let joins = match c {
            _ if is_joining_hyphen(c) => {
                if !next_is_word && c == '-' && matches!(next, None | Some(',')) {
                    // a truncated compound: "land- en tuinbouw"
                    i += len;
                    break;
                }
                next_is_word
            }
            _ if is_apostrophe(c) => {
                if next.is_none() && matches!(&bytes[start..i], b"l" | b"L" | b"d" | b"D") {
                    // French elision before a space: l' Essor
                    i += len;
                    break;
                }
                next.is_some_and(char::is_alphabetic)
            }
            '.' => {
                if next_is_word
                    && !chunk_has_at
                    && glued_sentence_start(bytes, segment_start, i, end)
                {
                    false
                } else {
                    if next_is_word {
                        segment_start = i + 1;
                    }
                    next_is_word
                }
            }
            ',' | ':' => previous_is_digit && next_is_digit,
            '–' => previous_is_digit && next_is_digit,
            '/' | '&' | '_' | '@' | '+' => next_is_word && (c != '+' || chunk_has_at),
            '%' | '‰' if previous_is_digit => {
                i += len;
                break;
            }
            _ => false,
        };
        if !joins {
            break;
        }
        i += len;
    }
    if i < end
        && bytes[i] == b'.'
        && !(i + 1 < end && bytes[i + 1] == b'.')
        && is_abbreviation(&text[start..i])
        && !(is_single_char(&text[start..i]) && text_ends_after(bytes, i + 1))
    {
        i += 1;
        // St.-Janstraat, O.L.V.-college
        if i + 1 < end && bytes[i] == b'-' && is_word_char(char_at(bytes, i + 1).0) {
            let (rest_end, _) = scan_word(text, i + 1, end, chunk_has_at);
            i = rest_end;
        }
    }
    (i, word_kind(&text[start..i]))
}

/// Whether `word` is one character (an initial, or a letter such as the B of "vitamine B").
fn is_single_char(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Whether only whitespace follows byte `i` up to the end of the text or line: a letter and
/// period there end the sentence rather than being an initial.
fn text_ends_after(bytes: &[u8], i: usize) -> bool {
    bytes[i..]
        .iter()
        .take_while(|&&b| b != b'\n')
        .all(u8::is_ascii_whitespace)
}

/// Whether the period at `dot` glues two sentences together without a space (`einde.Begin`):
/// the part before it is two or more characters and a capitalised lower-case word follows.
fn glued_sentence_start(bytes: &[u8], segment_start: usize, dot: usize, end: usize) -> bool {
    dot - segment_start >= 2
        && dot + 2 < end
        && bytes[dot + 1].is_ascii_uppercase()
        && bytes[dot + 2].is_ascii_lowercase()
        && !bytes[segment_start..dot].iter().all(u8::is_ascii_digit)
}

/// Kind of a scanned word: number, e-mail address, web address or word.
fn word_kind(word: &str) -> TokenKind {
    let bytes = word.as_bytes();
    let first = bytes[0];
    let numeric_start =
        first.is_ascii_digit() || (first == b'-' && bytes.len() > 1 && bytes[1].is_ascii_digit());
    if numeric_start
        && bytes
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'-' | b'/' | b'%'))
    {
        return TokenKind::Number;
    }
    if let Some(at) = word.find('@') {
        if at > 0 && word[at..].contains('.') {
            return TokenKind::Email;
        }
    }
    if looks_like_domain(word) {
        return TokenKind::Url;
    }
    TokenKind::Word
}

/// Whether `word` is a bare domain name such as `nos.nl` or `europa.eu`.
fn looks_like_domain(word: &str) -> bool {
    let Some(dot) = word.rfind('.') else {
        return false;
    };
    let (name, tld) = (&word[..dot], &word[dot + 1..]);
    let name_tail = name.rsplit('.').next().unwrap_or(name);
    name_tail.len() >= 2
        && matches!(
            tld,
            "nl" | "be" | "com" | "org" | "net" | "eu" | "de" | "fr" | "uk" | "info" | "io" | "int"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn abbreviations_keep_their_periods() {
        assert_eq!(
            texts("Zij sprak o.a. met mr. De Graaf, d.w.z. de voorzitter (red.), i.p.v. dr. Pels."),
            [
                "Zij",
                "sprak",
                "o.a.",
                "met",
                "mr.",
                "De",
                "Graaf",
                ",",
                "d.w.z.",
                "de",
                "voorzitter",
                "(",
                "red.",
                ")",
                ",",
                "i.p.v.",
                "dr.",
                "Pels",
                "."
            ]
        );
        assert_eq!(
            texts("bijv. op 3 mrt. jl."),
            ["bijv.", "op", "3", "mrt.", "jl."]
        );
    }

    #[test]
    fn initials_stay_together() {
        assert_eq!(
            texts("J.P. Korenwolf en K. Dekker"),
            ["J.P.", "Korenwolf", "en", "K.", "Dekker"]
        );
    }

    #[test]
    fn apostrophes_inside_words_and_clitics() {
        assert_eq!(
            texts("de risico’s van zo’n plan"),
            ["de", "risico’s", "van", "zo’n", "plan"]
        );
        assert_eq!(
            texts("’s avonds en 't huis, auto's"),
            ["’s", "avonds", "en", "'t", "huis", ",", "auto's"]
        );
        assert_eq!(kinds("’s avonds"), [TokenKind::Word, TokenKind::Word]);
        assert_eq!(texts("in 's-Hertogenbosch"), ["in", "'s-Hertogenbosch"]);
        assert_eq!(texts("de jaren '90."), ["de", "jaren", "'90", "."]);
        assert_eq!(texts("‘m’n fiets’"), ["‘", "m’n", "fiets", "’"]);
    }

    #[test]
    fn single_quotes_around_words_are_quote_tokens() {
        let text = "de optie is ‘genoemd’.";
        assert_eq!(texts(text), ["de", "optie", "is", "‘", "genoemd", "’", "."]);
        assert_eq!(tokenize(text)[3].kind, TokenKind::Quote);
        assert_eq!(tokenize(text)[5].kind, TokenKind::Quote);
    }

    #[test]
    fn dutch_quote_pairs() {
        let text = ",,Wij gaan.'' En „nu”";
        assert_eq!(
            texts(text),
            [",,", "Wij", "gaan", ".", "''", "En", "„", "nu", "”"]
        );
        assert_eq!(kinds(text)[0], TokenKind::Quote);
        assert_eq!(kinds(text)[4], TokenKind::Quote);
    }

    #[test]
    fn hyphenated_compounds() {
        assert_eq!(
            texts("NAVO-lidstaten, de Storm Shadow-raket en de-escalatie; land- en tuinbouw"),
            [
                "NAVO-lidstaten",
                ",",
                "de",
                "Storm",
                "Shadow-raket",
                "en",
                "de-escalatie",
                ";",
                "land-",
                "en",
                "tuinbouw"
            ]
        );
        assert_eq!(
            texts("hij - zei ze -- niet"),
            ["hij", "-", "zei", "ze", "--", "niet"]
        );
    }

    #[test]
    fn numbers_times_and_percentages() {
        let text = "1,5 miljard om 20:26 in 2022-03, 300 kilometer, 41,5% en 1.000.";
        assert_eq!(
            texts(text),
            [
                "1,5",
                "miljard",
                "om",
                "20:26",
                "in",
                "2022-03",
                ",",
                "300",
                "kilometer",
                ",",
                "41,5%",
                "en",
                "1.000",
                "."
            ]
        );
        assert_eq!(kinds(text)[0], TokenKind::Number);
        assert_eq!(kinds(text)[3], TokenKind::Number);
    }

    #[test]
    fn urls_and_email_addresses() {
        let text = "Zie https://example.org/a_b?c=1. Mail (info@voorbeeld.nl) of www.voorbeeld.nl.";
        assert_eq!(
            texts(text),
            [
                "Zie",
                "https://example.org/a_b?c=1",
                ".",
                "Mail",
                "(",
                "info@voorbeeld.nl",
                ")",
                "of",
                "www.voorbeeld.nl",
                "."
            ]
        );
        let kinds = kinds(text);
        assert_eq!(kinds[1], TokenKind::Url);
        assert_eq!(kinds[5], TokenKind::Email);
        assert_eq!(kinds[8], TokenKind::Url);
    }

    #[test]
    fn ellipses_and_glued_sentences() {
        assert_eq!(
            texts("Lees meer... of…"),
            ["Lees", "meer", "...", "of", "…"]
        );
        assert_eq!(texts("het einde.Daarna"), ["het", "einde", ".", "Daarna"]);
        assert_eq!(texts("sp.a en nos.nl"), ["sp.a", "en", "nos.nl"]);
    }

    #[test]
    fn separators_are_not_tokens() {
        assert_eq!(texts("a\u{00A0}b\u{200B}c\u{FEFF}"), ["a", "b", "c"]);
    }
}
