//! Quote-mark pairing on the raw text: every Dutch newspaper style (`,,…”`, `„…”`, `“…”`,
//! `‘…’`, `"…"`, `«…»`), apostrophes told apart from closing single quotes (risico’s, zo’n,
//! ’s avonds, Kees’), nested quotes, and quotes that run over several paragraphs (a paragraph
//! that opens a quote without closing it continues in the next one that opens again).
//!
//! Working on characters rather than tokens keeps this independent of how a tokenizer treats
//! `,,` or `’s`; it is one pass over the text.

use kroniek_text::Span;

/// Which marks close which openers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

/// One stretch of quoted text between an opening and a closing mark (or a paragraph end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotePiece {
    /// The opening mark (`,,` is two bytes).
    pub open: Span,
    /// The closing mark; `None` when the quote runs to the end of its paragraph.
    pub close: Option<Span>,
    /// The quoted words, trimmed of surrounding white space.
    pub content: Span,
    /// Pieces of one quote over several paragraphs share a group number.
    pub group: usize,
    /// 0 for an outermost quote, 1 for a quote inside a quote, and so on.
    pub depth: usize,
    /// True when the next paragraph continues this quote (it opened without closing).
    pub continued: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkRole {
    Open,
    Close,
    Either,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '«' | '»' | '‹' | '›' | '‚')
}

fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || is_quote_char(p));
    before_ok && next.is_some_and(|n| !n.is_whitespace())
}

fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let after_ok =
        next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-/…".contains(n) || is_quote_char(n));
    prev.is_some_and(|p| !p.is_whitespace()) && after_ok
}

/// Whether a single quote at this position is an apostrophe (zo’n, risico’s, ’s avonds, ’22).
fn is_apostrophe(prev: Option<char>, next: Option<char>, after_next: Option<char>) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return true;
    }
    if next.is_some_and(|n| n.is_ascii_digit()) {
        return true;
    }
    // ’s ’t ’n ’k as words of their own.
    let clitic = next.is_some_and(|n| matches!(n, 's' | 't' | 'n' | 'k'));
    clitic && !alnum(after_next) && !alnum(prev)
}

/// Finds the quoted stretches of `text`, ordered by their opening mark.
pub fn find_quotes(text: &str) -> Vec<QuotePiece> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut pairer = Pairer::default();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let after_next = chars.get(i + 2).map(|x| x.1);
        if c == '\n' {
            pairer.paragraph_break(text, pos);
            i += 1;
            continue;
        }
        if !c.is_whitespace() && c != ',' {
            pairer.at_paragraph_start_pending_check(c);
        }
        let mark = match c {
            ',' if next == Some(',') && left_flanking(prev, after_next) => {
                pairer.at_paragraph_start_pending_check('„');
                i += 1;
                Some((Family::Double, MarkRole::Open, Span::new(pos, pos + 2)))
            }
            '„' => Some((Family::Double, MarkRole::Open, Span::new(pos, pos + c.len_utf8()))),
            '‚' if left_flanking(prev, next) => Some((Family::Single, MarkRole::Open, Span::new(pos, pos + c.len_utf8()))),
            '“' | '”' | '"' => {
                let role = match (left_flanking(prev, next), right_flanking(prev, next)) {
                    (true, false) => Some(MarkRole::Open),
                    (false, true) => Some(MarkRole::Close),
                    (true, true) => Some(MarkRole::Either),
                    (false, false) if c == '"' => None,
                    (false, false) => Some(if c == '“' { MarkRole::Open } else { MarkRole::Close }),
                };
                role.map(|r| (Family::Double, r, Span::new(pos, pos + c.len_utf8())))
            }
            '\'' if next == Some('\'') && right_flanking(prev, after_next) => {
                i += 1;
                Some((Family::Double, MarkRole::Close, Span::new(pos, pos + 2)))
            }
            '‘' | '’' | '\'' => {
                if is_apostrophe(prev, next, after_next) {
                    None
                } else if left_flanking(prev, next) {
                    Some((Family::Single, MarkRole::Open, Span::new(pos, pos + c.len_utf8())))
                } else if right_flanking(prev, next) {
                    Some((Family::Single, MarkRole::Close, Span::new(pos, pos + c.len_utf8())))
                } else {
                    None
                }
            }
            '«' | '‹' => Some((Family::Guillemet, MarkRole::Open, Span::new(pos, pos + c.len_utf8()))),
            '»' | '›' => Some((Family::Guillemet, MarkRole::Close, Span::new(pos, pos + c.len_utf8()))),
            _ => None,
        };
        if let Some((family, role, span)) = mark {
            pairer.mark(text, family, role, span);
        }
        i += 1;
    }
    pairer.paragraph_break(text, text.len());
    let mut pieces = pairer.pieces;
    pieces.sort_by_key(|p| p.open.start);
    pieces
}

#[derive(Default)]
struct Pairer {
    stack: Vec<(Family, Span)>,
    pieces: Vec<QuotePiece>,
    groups: usize,
    /// A quote left open at the last paragraph break: (family, group, piece index).
    pending: Option<(Family, usize, usize)>,
    /// The group the next opener joins when it opens the paragraph.
    continuing_group: Option<usize>,
    at_paragraph_start: bool,
}

impl Pairer {
    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups - 1
    }

    /// Called on the first visible character of a paragraph: decides whether the quote left
    /// open before the break continues here.
    fn at_paragraph_start_pending_check(&mut self, c: char) {
        if !self.at_paragraph_start {
            return;
        }
        self.at_paragraph_start = false;
        if let Some((family, group, piece)) = self.pending.take() {
            let same_family = match family {
                Family::Double => matches!(c, '„' | '“' | '"' | '”'),
                Family::Single => matches!(c, '‘' | '\'' | '‚'),
                Family::Guillemet => matches!(c, '«' | '‹'),
            };
            if same_family {
                self.pieces[piece].continued = true;
                self.continuing_group = Some(group);
            }
        }
    }

    fn mark(&mut self, text: &str, family: Family, role: MarkRole, span: Span) {
        let open_of_family = self.stack.iter().rposition(|&(f, _)| f == family);
        let closes = match role {
            MarkRole::Close => true,
            MarkRole::Open => false,
            MarkRole::Either => open_of_family.is_some(),
        };
        if !closes {
            self.stack.push((family, span));
            return;
        }
        let Some(k) = open_of_family else { return };
        let (_, open) = self.stack[k];
        self.stack.truncate(k);
        let group = if k == 0 { self.continuing_group.take().unwrap_or_else(|| self.new_group()) } else { usize::MAX };
        let content = trim(text, Span::new(open.end, span.start));
        self.pieces.push(QuotePiece { open, close: Some(span), content, group, depth: k, continued: false });
    }

    fn paragraph_break(&mut self, text: &str, pos: usize) {
        if self.at_paragraph_start {
            return;
        }
        self.at_paragraph_start = true;
        let continuing = self.continuing_group.take();
        if let Some(&(family, open)) = self.stack.first() {
            let group = continuing.unwrap_or_else(|| self.new_group());
            let content = trim(text, Span::new(open.end, pos));
            self.pieces.push(QuotePiece { open, close: None, content, group, depth: 0, continued: false });
            self.pending = Some((family, group, self.pieces.len() - 1));
        } else {
            self.pending = None;
        }
        self.stack.clear();
    }
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text).iter().filter(|p| p.depth == 0).map(|p| p.content.text(text)).collect()
    }

    #[test]
    fn pairs_every_newspaper_style() {
        assert_eq!(quoted(",,We gaan door”, zei Pim."), ["We gaan door"]);
        assert_eq!(quoted("„We gaan door”, zei Pim."), ["We gaan door"]);
        assert_eq!(quoted("“We gaan door,” zei Pim."), ["We gaan door,"]);
        assert_eq!(quoted("‘We gaan door’, zei Pim."), ["We gaan door"]);
        assert_eq!(quoted("Pim: \"We gaan door.\" En weg."), ["We gaan door."]);
        assert_eq!(quoted("«We gaan door», zei Pim."), ["We gaan door"]);
        assert_eq!(quoted(",,We gaan door'', zei Pim."), ["We gaan door"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Hij zei ‘de risico’s van zo’n plan zijn groot’ en ’s avonds ging hij naar Kees’ huis.";
        assert_eq!(quoted(t), ["de risico’s van zo’n plan zijn groot"]);
        assert!(quoted("De auto’s van ’t dorp uit ’22 staan bij Joris’ garage.").is_empty());
    }

    #[test]
    fn nested_quotes_have_depth() {
        let t = "“Hij noemde het ‘onzin’, echt waar,” zei Pim.";
        let pieces = find_quotes(t);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].content.text(t), "Hij noemde het ‘onzin’, echt waar,");
        assert_eq!(pieces[1].depth, 1);
    }

    #[test]
    fn a_quote_continues_over_paragraphs() {
        let t = "Pim zei:\n\n,,Eerst dit.\n\n,,Dan dat.\n\n,,En klaar.”\n\nVerder niets.";
        let pieces = find_quotes(t);
        assert_eq!(pieces.iter().map(|p| p.content.text(t)).collect::<Vec<_>>(), ["Eerst dit.", "Dan dat.", "En klaar."]);
        assert!(pieces.iter().all(|p| p.group == pieces[0].group));
        assert!(pieces[0].continued && pieces[1].continued && !pieces[2].continued);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let t = "‘Zo gaat het niet\n\nEen ander verhaal.";
        let pieces = find_quotes(t);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].close, None);
        assert!(!pieces[0].continued);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn article() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Jansen", " zei", " dat", " het", " plan", ",", ",,", "„", "“", "”", "\"", "‘", "’", "'", "«", "»", ".", " ", "\n", "\n\n", "risico’s", " zo’n", " ’s", "é",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn quote_pieces_are_well_formed(text in article()) {
            for piece in find_quotes(&text) {
                prop_assert!(text.is_char_boundary(piece.open.start) && text.is_char_boundary(piece.open.end));
                prop_assert!(piece.open.end <= piece.content.start || piece.content.start == piece.content.end);
                if let Some(close) = piece.close {
                    prop_assert!(text.is_char_boundary(close.start) && text.is_char_boundary(close.end));
                    prop_assert!(piece.content.end <= close.start);
                }
                prop_assert!(text.is_char_boundary(piece.content.start) && text.is_char_boundary(piece.content.end));
            }
        }

        #[test]
        fn statements_never_panic_and_point_into_the_text(text in article()) {
            let layers = kroniek_text::analyze(&text);
            for s in crate::statements::extract_statements(&text, &layers, &[], &[]) {
                prop_assert!(s.content.start < s.content.end && s.content.end <= text.len());
                prop_assert!(text.is_char_boundary(s.content.start) && text.is_char_boundary(s.content.end));
            }
        }
    }
}
