//! CoNLL-2002 files: reading (UTF-8 or Latin-1), writing predictions back, and scoring by the
//! conlleval rule (a predicted entity counts only with exact span and type).

use super::labels::Label;
use super::NerError;
use std::collections::BTreeMap;
use std::path::Path;

/// One line of a CoNLL file, kept so predictions can be written back line for line.
#[derive(Clone, Debug, PartialEq)]
pub enum ConllLine {
    /// A `-DOCSTART-` line: a new document (article) starts.
    DocStart(String),
    /// A blank line: the sentence ends.
    Blank,
    /// A token line: the whole line, its first column and its last column (the gold tag).
    Token { line: String, form: String, gold: String },
}

/// A CoNLL file: its lines and the documents → sentences → token-line indices they form.
#[derive(Clone, Debug, Default)]
pub struct ConllFile {
    /// Every line of the file in order.
    pub lines: Vec<ConllLine>,
    /// Documents, each a list of sentences, each a list of indices into `lines`.
    pub documents: Vec<Vec<Vec<usize>>>,
}

impl ConllFile {
    /// Reads a CoNLL file from disk, decoding UTF-8 and falling back to Latin-1.
    pub fn read(path: &Path) -> Result<Self, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
        Self::parse(&decode_utf8_or_latin1(&bytes), &path.display().to_string())
    }

    /// Parses CoNLL text: `form [columns…] tag` per token, blank lines between sentences and
    /// `-DOCSTART-` lines between documents. `origin` names the source in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Self, NerError> {
        let mut file = ConllFile::default();
        let mut document: Vec<Vec<usize>> = Vec::new();
        let mut sentence: Vec<usize> = Vec::new();
        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            let index = file.lines.len();
            if line.trim().is_empty() {
                if !sentence.is_empty() {
                    document.push(std::mem::take(&mut sentence));
                }
                file.lines.push(ConllLine::Blank);
            } else if line.starts_with("-DOCSTART-") {
                if !sentence.is_empty() {
                    document.push(std::mem::take(&mut sentence));
                }
                if !document.is_empty() {
                    file.documents.push(std::mem::take(&mut document));
                }
                file.lines.push(ConllLine::DocStart(line.to_string()));
            } else {
                let mut columns = line.split_whitespace();
                let form = columns.next().unwrap_or_default().to_string();
                let gold = columns.last().unwrap_or("O").to_string();
                if Label::parse(&gold).is_none() {
                    return Err(NerError::Format {
                        origin: origin.to_string(),
                        line: number + 1,
                        message: format!("last column {gold:?} is not a BIO tag (O, B-PER, I-ORG, …); the file must end each token line with its tag"),
                    });
                }
                file.lines.push(ConllLine::Token { line: line.to_string(), form, gold });
                sentence.push(index);
            }
        }
        if !sentence.is_empty() {
            document.push(sentence);
        }
        if !document.is_empty() {
            file.documents.push(document);
        }
        Ok(file)
    }

    /// The token forms of one sentence (a list of line indices).
    pub fn forms<'a>(&'a self, sentence: &[usize]) -> Vec<&'a str> {
        sentence.iter().map(|&i| match &self.lines[i] {
            ConllLine::Token { form, .. } => form.as_str(),
            _ => "",
        }).collect()
    }

    /// The gold labels of one sentence.
    pub fn gold_labels(&self, sentence: &[usize]) -> Vec<Label> {
        sentence.iter().map(|&i| match &self.lines[i] {
            ConllLine::Token { gold, .. } => Label::parse(gold).unwrap_or(Label::O),
            _ => Label::O,
        }).collect()
    }

    /// Number of token lines.
    pub fn token_count(&self) -> usize {
        self.lines.iter().filter(|l| matches!(l, ConllLine::Token { .. })).count()
    }

    /// Writes the file back with `predicted[line index]` appended as the last column of each
    /// token line (other lines unchanged).
    pub fn write_with_predictions(&self, predicted: &[Option<Label>]) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            match line {
                ConllLine::DocStart(text) => out.push_str(text),
                ConllLine::Blank => {}
                ConllLine::Token { line, .. } => {
                    out.push_str(line);
                    out.push(' ');
                    out.push_str(predicted.get(i).copied().flatten().unwrap_or(Label::O).as_str());
                }
            }
            out.push('\n');
        }
        out
    }
}

/// Decodes bytes as UTF-8, or as Latin-1 when they are not valid UTF-8 (the original
/// CoNLL-2002 release is Latin-1; the copies here are UTF-8).
pub fn decode_utf8_or_latin1(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// One entity chunk: sentence-local token range `[start, end)` and type index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: usize,
}

/// The chunks of a label sequence by the conlleval rule: a chunk starts at B-X, or at I-X when
/// the previous label is not of type X; it ends before O, B-, or a label of another type.
pub fn chunks(labels: &[Label]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, label) in labels.iter().enumerate() {
        let kind = label.kind_index();
        let continues = matches!((open, kind), (Some((_, k)), Some(x)) if k == x && label.is_inside());
        if continues {
            continue;
        }
        if let Some((start, k)) = open.take() {
            out.push(Chunk { start, end: i, kind: k });
        }
        if let Some(x) = kind {
            open = Some((i, x));
        }
    }
    if let Some((start, k)) = open {
        out.push(Chunk { start, end: labels.len(), kind: k });
    }
    out
}

/// Counts for one entity type (or overall): true positives, predicted and gold chunks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChunkCounts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl ChunkCounts {
    /// Precision: correct / predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.correct as f64 / self.predicted as f64 }
    }
    /// Recall: correct / gold (0 when there is no gold chunk).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }
    /// F1: harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// conlleval scores: per type (PER, ORG, LOC, MISC) and overall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConllScore {
    /// Counts per type name.
    pub per_type: BTreeMap<&'static str, ChunkCounts>,
    /// Counts over all types.
    pub overall: ChunkCounts,
    /// Tokens scored.
    pub tokens: usize,
}

impl ConllScore {
    /// Adds one sentence's gold and predicted labels.
    pub fn add_sentence(&mut self, gold: &[Label], predicted: &[Label]) {
        self.tokens += gold.len();
        let gold_chunks = chunks(gold);
        let predicted_chunks = chunks(predicted);
        for chunk in &gold_chunks {
            self.per_type.entry(Label::kind_name(chunk.kind)).or_default().gold += 1;
            self.overall.gold += 1;
        }
        for chunk in &predicted_chunks {
            let counts = self.per_type.entry(Label::kind_name(chunk.kind)).or_default();
            counts.predicted += 1;
            self.overall.predicted += 1;
            if gold_chunks.binary_search(chunk).is_ok() {
                counts.correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// A readable table: one line per type and one overall, precision/recall/F1 in percent.
    pub fn table(&self) -> String {
        let mut out = format!("{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}\n", "type", "precision", "recall", "F1", "gold", "found", "correct");
        let mut row = |name: &str, c: &ChunkCounts| {
            out.push_str(&format!(
                "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7} {:>7} {:>7}\n",
                name, 100.0 * c.precision(), 100.0 * c.recall(), 100.0 * c.f1(), c.gold, c.predicted, c.correct
            ));
        };
        for (name, counts) in &self.per_type {
            row(name, counts);
        }
        row("overall", &self.overall);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(tags: &[&str]) -> Vec<Label> {
        tags.iter().map(|t| Label::parse(t).unwrap()).collect()
    }

    #[test]
    fn chunks_follow_conlleval_rule() {
        let l = labels(&["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-ORG", "I-LOC"]);
        let c = chunks(&l);
        assert_eq!(c, vec![
            Chunk { start: 0, end: 2, kind: Label::parse("B-PER").unwrap().kind_index().unwrap() },
            Chunk { start: 3, end: 5, kind: Label::parse("B-ORG").unwrap().kind_index().unwrap() },
            Chunk { start: 5, end: 6, kind: Label::parse("B-ORG").unwrap().kind_index().unwrap() },
            Chunk { start: 6, end: 7, kind: Label::parse("B-LOC").unwrap().kind_index().unwrap() },
        ]);
    }

    #[test]
    fn score_counts_exact_span_and_type_only() {
        let mut score = ConllScore::default();
        score.add_sentence(&labels(&["B-PER", "I-PER", "O", "B-LOC"]), &labels(&["B-PER", "O", "O", "B-LOC"]));
        assert_eq!(score.overall, ChunkCounts { correct: 1, predicted: 2, gold: 2 });
        assert!((score.overall.f1() - 0.5).abs() < 1e-9);
        assert_eq!(score.per_type["PER"].correct, 0);
    }

    #[test]
    fn parse_groups_documents_and_sentences_and_writes_back() {
        let text = "-DOCSTART- -DOCSTART- O\nAnneke N B-PER\nloopt V O\n\nZe Pron O\n\n-DOCSTART- -DOCSTART- O\nKlaar Adj O\n";
        let file = ConllFile::parse(text, "test").unwrap();
        assert_eq!(file.documents.len(), 2);
        assert_eq!(file.documents[0].len(), 2);
        assert_eq!(file.forms(&file.documents[0][0]), vec!["Anneke", "loopt"]);
        let mut predicted = vec![None; file.lines.len()];
        predicted[1] = Some(Label::parse("B-PER").unwrap());
        let out = file.write_with_predictions(&predicted);
        assert!(out.starts_with("-DOCSTART- -DOCSTART- O\nAnneke N B-PER B-PER\nloopt V O O\n\n"));
    }

    #[test]
    fn bad_tag_names_the_line() {
        let err = ConllFile::parse("Anneke N PERSON\n", "f.conll").unwrap_err().to_string();
        assert!(err.contains("f.conll") && err.contains("line 1"), "{err}");
    }

    #[test]
    fn latin1_is_decoded() {
        assert_eq!(decode_utf8_or_latin1(&[b'R', 0xE9, b'e']), "Rée");
    }
}
