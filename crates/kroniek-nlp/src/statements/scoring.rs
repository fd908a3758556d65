//! Scores predicted statements against gold ones by the rule of `../shared/gold/README.md`:
//! in the same document, texts match when they share at least half of the words of each
//! (case and accents ignored), one-to-one, greedily by overlap; the speaker is right when the
//! gold speaker's last word is among the predicted speaker's words. Precision, recall and F1
//! count a statement as correct only when matched with the right speaker.

use super::StatementKind;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One statement as written in a gold or predicted JSONL file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementRecord {
    /// The document: file name without extension, or the record id.
    pub doc: String,
    pub kind: StatementKind,
    pub speaker: String,
    /// The quoted or reported words.
    pub text: String,
    #[serde(default)]
    pub cue: Option<String>,
}

/// Counts for one slice (all statements, or direct quotes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    /// Matched with the right speaker.
    pub correct: usize,
}

impl Counts {
    /// correct / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.correct as f64 / self.predicted as f64 }
    }
    /// correct / gold (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.correct as f64 / self.gold as f64 }
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// The outcome of scoring: counts and the records behind the errors.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ScoreReport {
    pub all: Counts,
    pub direct: Counts,
    /// Gold statements no prediction matched.
    pub misses: Vec<StatementRecord>,
    /// Predictions that matched no gold statement.
    pub spurious: Vec<StatementRecord>,
    /// (gold, predicted) pairs whose texts matched but whose speaker is wrong.
    pub wrong_speakers: Vec<(StatementRecord, StatementRecord)>,
}

/// Lowercase words with accents folded ("Oekraïne" → "oekraine").
pub fn normalized_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                current.push(fold_accent(l));
            }
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        other => other,
    }
}

/// How many words two word lists share, counted as multisets.
fn shared_words(a: &[String], b: &[String]) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(n) = counts.get_mut(w.as_str()) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    shared
}

/// Whether the predicted speaker names the gold speaker: the gold speaker's last word is one
/// of the predicted speaker's words.
pub fn speaker_matches(gold: &str, predicted: &str) -> bool {
    let gold_words = normalized_words(gold);
    let Some(last) = gold_words.last() else { return false };
    normalized_words(predicted).iter().any(|w| w == last)
}

/// Scores `predicted` against `gold` (all statements and direct quotes alone).
pub fn score(gold: &[StatementRecord], predicted: &[StatementRecord]) -> ScoreReport {
    let mut report = ScoreReport::default();
    let all = match_records(gold, predicted);
    report.all = all.counts;
    report.misses = all.misses;
    report.spurious = all.spurious;
    report.wrong_speakers = all.wrong;
    let direct_gold: Vec<StatementRecord> = gold.iter().filter(|r| r.kind == StatementKind::Direct).cloned().collect();
    let direct_pred: Vec<StatementRecord> = predicted.iter().filter(|r| r.kind == StatementKind::Direct).cloned().collect();
    report.direct = match_records(&direct_gold, &direct_pred).counts;
    report
}

struct Matching {
    counts: Counts,
    misses: Vec<StatementRecord>,
    spurious: Vec<StatementRecord>,
    wrong: Vec<(StatementRecord, StatementRecord)>,
}

fn match_records(gold: &[StatementRecord], predicted: &[StatementRecord]) -> Matching {
    let gold_words: Vec<Vec<String>> = gold.iter().map(|r| normalized_words(&r.text)).collect();
    let pred_words: Vec<Vec<String>> = predicted.iter().map(|r| normalized_words(&r.text)).collect();
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, r) in predicted.iter().enumerate() {
        by_doc.entry(r.doc.as_str()).or_default().push(p);
    }
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, r) in gold.iter().enumerate() {
        for &p in by_doc.get(r.doc.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            let shared = shared_words(&gold_words[g], &pred_words[p]);
            if shared > 0 && 2 * shared >= gold_words[g].len() && 2 * shared >= pred_words[p].len() {
                pairs.push((shared, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_taken = vec![false; gold.len()];
    let mut pred_taken = vec![false; predicted.len()];
    let mut counts = Counts { gold: gold.len(), predicted: predicted.len(), correct: 0 };
    let mut wrong = Vec::new();
    for (_, g, p) in pairs {
        if gold_taken[g] || pred_taken[p] {
            continue;
        }
        gold_taken[g] = true;
        pred_taken[p] = true;
        if speaker_matches(&gold[g].speaker, &predicted[p].speaker) {
            counts.correct += 1;
        } else {
            wrong.push((gold[g].clone(), predicted[p].clone()));
        }
    }
    let misses = gold.iter().zip(&gold_taken).filter(|(_, &t)| !t).map(|(r, _)| r.clone()).collect();
    let spurious = predicted.iter().zip(&pred_taken).filter(|(_, &t)| !t).map(|(r, _)| r.clone()).collect();
    Matching { counts, misses, spurious, wrong }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(doc: &str, kind: StatementKind, speaker: &str, text: &str) -> StatementRecord {
        StatementRecord { doc: doc.into(), kind, speaker: speaker.into(), text: text.into(), cue: None }
    }

    #[test]
    fn half_the_words_of_each_must_be_shared() {
        let gold = [rec("a", StatementKind::Indirect, "Mira Kalden", "de brug gaat in mei weer open")];
        let close = [rec("a", StatementKind::Indirect, "Kalden", "De brug gaat in mei open.")];
        assert_eq!(score(&gold, &close).all.correct, 1);
        let too_long = [rec("a", StatementKind::Indirect, "Kalden", "de brug gaat in mei weer open en daarna komt er een nieuwe weg langs het water met bomen")];
        let report = score(&gold, &too_long);
        assert_eq!(report.all.correct, 0);
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.spurious.len(), 1);
    }

    #[test]
    fn accents_and_case_are_ignored_and_docs_must_agree() {
        let gold = [rec("a", StatementKind::Direct, "Noor Vinke", "Wij steunen Oekraïne")];
        assert_eq!(score(&gold, &[rec("a", StatementKind::Direct, "Vinke", "wij steunen oekraine")]).direct.correct, 1);
        assert_eq!(score(&gold, &[rec("b", StatementKind::Direct, "Vinke", "wij steunen oekraine")]).direct.correct, 0);
    }

    #[test]
    fn a_wrong_speaker_is_listed_and_not_correct() {
        let gold = [rec("a", StatementKind::Direct, "Noor Vinke", "we gaan door")];
        let report = score(&gold, &[rec("a", StatementKind::Direct, "Bram Vos", "we gaan door")]);
        assert_eq!(report.all.correct, 0);
        assert_eq!(report.wrong_speakers.len(), 1);
        assert!(report.misses.is_empty() && report.spurious.is_empty());
    }

    #[test]
    fn matching_is_one_to_one_and_greedy_by_overlap() {
        let gold = [
            rec("a", StatementKind::Direct, "Vinke", "we gaan door met het plan"),
            rec("a", StatementKind::Direct, "Vinke", "we gaan door"),
        ];
        let pred = [rec("a", StatementKind::Direct, "Vinke", "we gaan door met het plan")];
        let report = score(&gold, &pred);
        assert_eq!(report.all.correct, 1);
        assert_eq!(report.misses[0].text, "we gaan door");
        assert!((report.all.precision() - 1.0).abs() < 1e-9);
        assert!((report.all.recall() - 0.5).abs() < 1e-9);
    }
}
