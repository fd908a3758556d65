//! The nine BIO labels of the tagger (O, B-/I- × PER, ORG, LOC, MISC) and which may follow which.

use super::EntityType;

/// Number of labels.
pub const LABEL_COUNT: usize = 9;

/// One BIO label: 0 is O, then B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

const NAMES: [&str; LABEL_COUNT] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
const KINDS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

impl Label {
    /// Outside any entity.
    pub const O: Label = Label(0);

    /// Parses a CoNLL tag ("O", "B-PER", "I-MISC"); `None` for anything else.
    pub fn parse(tag: &str) -> Option<Label> {
        NAMES.iter().position(|n| *n == tag).map(|i| Label(i as u8))
    }
    /// The tag as written in CoNLL files.
    pub fn as_str(self) -> &'static str {
        NAMES[self.0 as usize]
    }
    /// The type index (0 PER, 1 ORG, 2 LOC, 3 MISC), `None` for O.
    pub fn kind_index(self) -> Option<usize> {
        if self.0 == 0 { None } else { Some((self.0 as usize - 1) / 2) }
    }
    /// The entity type, `None` for O.
    pub fn entity_type(self) -> Option<EntityType> {
        self.kind_index().map(|k| [EntityType::PER, EntityType::ORG, EntityType::LOC, EntityType::MISC][k])
    }
    /// Whether this is an I- label.
    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0 & 1 == 0
    }
    /// Whether this is a B- label.
    pub fn is_begin(self) -> bool {
        self.0 & 1 == 1
    }
    /// The type name for a type index.
    pub fn kind_name(kind: usize) -> &'static str {
        KINDS[kind]
    }
    /// Whether `next` may follow `previous` (`None`: sentence start) under BIO: I-X only after
    /// B-X or I-X.
    pub fn may_follow(previous: Option<Label>, next: Label) -> bool {
        if !next.is_inside() {
            return true;
        }
        matches!(previous, Some(p) if p.kind_index() == next.kind_index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        let b_per = Label::parse("B-PER").unwrap();
        let i_per = Label::parse("I-PER").unwrap();
        let i_org = Label::parse("I-ORG").unwrap();
        assert!(Label::may_follow(Some(b_per), i_per));
        assert!(Label::may_follow(Some(i_per), i_per));
        assert!(!Label::may_follow(Some(b_per), i_org));
        assert!(!Label::may_follow(None, i_per));
        assert!(!Label::may_follow(Some(Label::O), i_per));
        assert_eq!(i_org.entity_type(), Some(EntityType::ORG));
        for i in 0..LABEL_COUNT as u8 {
            assert_eq!(Label::parse(Label(i).as_str()), Some(Label(i)));
        }
    }
}
