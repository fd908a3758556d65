//! Scoring the tokenizer and sentence splitter against Universal Dependencies treebanks.
//!
//! Tokens: the tokenizer runs on each sentence's `# text`; its tokens are compared with the
//! treebank's surface tokens (a multiword token counts once, by its surface form) as exact
//! byte spans. Sentences: each document's sentences are joined into running text (separated
//! by a space, or by a line break between paragraphs with [`Join::Paragraphs`]), documents by
//! a blank line; the splitter's sentence starts inside a document are compared with the
//! treebank's.

use crate::boundary::BoundaryModel;
use crate::{split_sentences_with, tokenize, Sentence, Span};

/// A problem in a CoNLL-U file, with the line it is on.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// A token line came before any `# text =` comment.
    #[error("line {line}: token line before any `# text =` comment; is this a CoNLL-U file with raw text comments?")]
    MissingText { line: usize },
    /// A token line did not have the ten tab-separated columns.
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    Columns { line: usize, found: usize },
}

/// One treebank sentence: where it comes from, its raw text and its surface tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UdSentence {
    /// Document id (`# newdoc id`, else the part of `sent_id` before its paragraph number).
    pub document: String,
    /// Paragraph id (the document id plus the paragraph number where the treebank has one).
    pub paragraph: String,
    /// The `sent_id`.
    pub id: String,
    /// The raw sentence (`# text =`).
    pub text: String,
    /// Surface tokens: word forms, or the form of a multiword token instead of its words.
    pub tokens: Vec<String>,
}

/// Reads the sentences of a CoNLL-U file's contents.
pub fn parse_conllu(content: &str) -> Result<Vec<UdSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current: Option<UdSentence> = None;
    let mut newdoc: Option<String> = None;
    let mut newpar = 0usize;
    let mut id = String::new();
    let mut multiword_end = 0usize;
    for (index, line) in content.lines().enumerate() {
        let line_number = index + 1;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(value) =
                comment_value(comment, "newdoc id").or_else(|| (comment == "newdoc").then_some(""))
            {
                newdoc = Some(if value.is_empty() {
                    format!("doc{line_number}")
                } else {
                    value.to_string()
                });
            } else if comment.starts_with("newpar") {
                newpar += 1;
            } else if let Some(value) = comment_value(comment, "sent_id") {
                id = value.to_string();
            } else if let Some(value) = comment_value(comment, "text") {
                let (document, paragraph) = match &newdoc {
                    Some(doc) => (doc.clone(), format!("{doc}#{newpar}")),
                    None => ids_from_sent_id(&id),
                };
                current = Some(UdSentence {
                    document,
                    paragraph,
                    id: id.clone(),
                    text: value.to_string(),
                    tokens: Vec::new(),
                });
                multiword_end = 0;
            }
            continue;
        }
        if line.trim().is_empty() {
            sentences.extend(current.take());
            continue;
        }
        let sentence = current
            .as_mut()
            .ok_or(ConlluError::MissingText { line: line_number })?;
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(ConlluError::Columns {
                line: line_number,
                found: columns.len(),
            });
        }
        let token_id = columns[0];
        if let Some((_, last)) = token_id.split_once('-') {
            multiword_end = last.parse().unwrap_or(0);
            sentence.tokens.push(columns[1].to_string());
        } else if !token_id.contains('.') && token_id.parse::<usize>().unwrap_or(0) > multiword_end
        {
            sentence.tokens.push(columns[1].to_string());
        }
    }
    sentences.extend(current);
    Ok(sentences)
}

/// The value of a `key = value` comment.
fn comment_value<'a>(comment: &'a str, key: &str) -> Option<&'a str> {
    let rest = comment.strip_prefix(key)?.trim_start();
    Some(rest.strip_prefix('=')?.trim())
}

/// Document and paragraph ids from a sent_id such as `WR-P-P-H-0000000105\…p.6.s.1` or
/// `wiki-1181.p.12.s.3`.
fn ids_from_sent_id(id: &str) -> (String, String) {
    let document = match id.split_once('\\') {
        Some((doc, _)) => doc,
        None => id.split(".p.").next().unwrap_or(id),
    };
    let paragraph = id.rsplit_once(".s.").map_or(id, |(p, _)| p);
    (document.to_string(), paragraph.to_string())
}

/// Reads a CoNLL-2002 file's contents (`word POS tag` per line, blank lines between
/// sentences, `-DOCSTART-` lines between articles) as sentences with raw text made back from
/// the tokens by [`detokenize`]. Each article is one document (`{name}-{article number}`), so
/// [`running_text`] joins its sentences by a space as it joins a UD document's. Sentences
/// without a letter or digit (a stray `,` or `)` line) are left out.
pub fn parse_conll2002(content: &str, name: &str) -> Vec<UdSentence> {
    let mut sentences = Vec::new();
    let mut article = 0usize;
    let mut tokens: Vec<String> = Vec::new();
    let mut finish = |tokens: &mut Vec<String>, article: usize| {
        if tokens.iter().any(|t| t.chars().any(char::is_alphanumeric)) {
            let document = format!("{name}-{article}");
            sentences.push(UdSentence {
                paragraph: document.clone(),
                id: format!("{document}-{}", sentences.len() + 1),
                document,
                text: detokenize(tokens),
                tokens: std::mem::take(tokens),
            });
        }
        tokens.clear();
    };
    for line in content.lines() {
        match line.split_whitespace().next() {
            None => finish(&mut tokens, article),
            Some("-DOCSTART-") => {
                finish(&mut tokens, article);
                article += 1;
            }
            Some(word) => tokens.push(word.to_string()),
        }
    }
    finish(&mut tokens, article);
    sentences
}

/// Joins the tokens of one sentence into plausible raw text: a space between tokens, except
/// before `, . : ; ! ? ) ] %` and `...`, after `(` and `[`, and on the inner side of straight
/// quotes (`"` and a lone `'`), which open and close in turn within the sentence; a quote that
/// is the sentence's last token always closes (CoNLL-2002 has quotations that span sentences).
pub fn detokenize(tokens: &[String]) -> String {
    let mut text = String::new();
    let mut glue_next = true;
    let (mut double_open, mut single_open) = (false, false);
    for (k, token) in tokens.iter().enumerate() {
        let last = k + 1 == tokens.len();
        let word = token.as_str();
        let quote_state = match word {
            "\"" => Some(&mut double_open),
            "'" => Some(&mut single_open),
            _ => None,
        };
        let (closing, opening) = match quote_state {
            Some(open) => {
                *open = !*open && !last;
                (!*open, *open)
            }
            None => (
                matches!(
                    word,
                    "," | "." | ":" | ";" | "!" | "?" | ")" | "]" | "%" | "..." | ".."
                ),
                matches!(word, "(" | "["),
            ),
        };
        if !(glue_next || closing) {
            text.push(' ');
        }
        text.push_str(word);
        glue_next = opening;
    }
    text
}

/// Counts for precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items in the gold data.
    pub gold: usize,
    /// Items predicted.
    pub predicted: usize,
    /// Items predicted that are in the gold data.
    pub correct: usize,
}

impl Counts {
    /// Correct among predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Correct among gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count to this one.
    pub fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

/// `a / b`, or 1 when both are 0 (nothing to find, nothing found).
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        if a == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

/// Compares two sorted span lists.
pub fn compare_spans(gold: &[Span], predicted: &[Span]) -> Counts {
    let (mut g, mut p, mut correct) = (0, 0, 0);
    while g < gold.len() && p < predicted.len() {
        match gold[g].cmp(&predicted[p]) {
            std::cmp::Ordering::Equal => {
                correct += 1;
                g += 1;
                p += 1;
            }
            std::cmp::Ordering::Less => g += 1,
            std::cmp::Ordering::Greater => p += 1,
        }
    }
    Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
    }
}

/// The byte spans of a sentence's gold tokens in its text, or `None` when a token cannot be
/// found where it should be.
pub fn gold_token_spans(sentence: &UdSentence) -> Option<Vec<Span>> {
    let text = sentence.text.as_str();
    let mut spans = Vec::with_capacity(sentence.tokens.len());
    let mut pos = 0;
    for form in &sentence.tokens {
        pos += text[pos..].len() - text[pos..].trim_start().len();
        if !text[pos..].starts_with(form.as_str()) {
            return None;
        }
        spans.push(Span::new(pos, pos + form.len()));
        pos += form.len();
    }
    text[pos..].trim().is_empty().then_some(spans)
}

/// One sentence where the tokenizer and the treebank disagree.
#[derive(Clone, Debug)]
pub struct TokenMismatch {
    /// The treebank's sentence id.
    pub id: String,
    /// Gold tokens the tokenizer did not produce.
    pub missed: Vec<String>,
    /// Tokens the tokenizer produced that are not gold.
    pub extra: Vec<String>,
}

/// Result of scoring the tokenizer on a treebank.
#[derive(Clone, Debug, Default)]
pub struct TokenEvaluation {
    /// Token span counts over all aligned sentences.
    pub counts: Counts,
    /// Sentences scored.
    pub sentences: usize,
    /// Sentences left out because their tokens do not spell their text.
    pub unaligned: usize,
    /// Sentences with at least one difference.
    pub mismatches: Vec<TokenMismatch>,
}

/// Scores the tokenizer on every sentence's raw text.
pub fn evaluate_tokens(sentences: &[UdSentence]) -> TokenEvaluation {
    let mut evaluation = TokenEvaluation::default();
    for sentence in sentences {
        let Some(gold) = gold_token_spans(sentence) else {
            evaluation.unaligned += 1;
            continue;
        };
        let predicted: Vec<Span> = tokenize(&sentence.text).iter().map(|t| t.span).collect();
        let counts = compare_spans(&gold, &predicted);
        evaluation.counts.add(counts);
        evaluation.sentences += 1;
        if counts.correct != counts.gold || counts.correct != counts.predicted {
            let text = sentence.text.as_str();
            let only_in = |a: &[Span], b: &[Span]| -> Vec<String> {
                a.iter()
                    .filter(|s| b.binary_search(s).is_err())
                    .map(|s| s.text(text).to_string())
                    .collect()
            };
            evaluation.mismatches.push(TokenMismatch {
                id: sentence.id.clone(),
                missed: only_in(&gold, &predicted),
                extra: only_in(&predicted, &gold),
            });
        }
    }
    evaluation
}

/// How the sentences of one document are joined into running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// Every sentence of a document separated by one space.
    Space,
    /// Sentences of a paragraph separated by a space, paragraphs by a line break.
    Paragraphs,
}

/// Treebank sentences joined into running text, with the gold sentence spans.
#[derive(Clone, Debug, Default)]
pub struct RunningText {
    /// The joined text.
    pub text: String,
    /// Each gold sentence's span in `text`.
    pub sentences: Vec<Span>,
    /// Byte offsets where documents start.
    pub document_starts: Vec<usize>,
}

/// Joins sentences into running text: documents (runs of sentences with the same document
/// id) separated by a blank line.
pub fn running_text(sentences: &[UdSentence], join: Join) -> RunningText {
    let mut running = RunningText::default();
    let mut previous: Option<&UdSentence> = None;
    for sentence in sentences {
        let separator = match previous {
            None => "",
            Some(p) if p.document != sentence.document => "\n\n",
            Some(p) if join == Join::Paragraphs && p.paragraph != sentence.paragraph => "\n",
            Some(_) => " ",
        };
        let new_document = match previous {
            None => true,
            Some(p) => p.document != sentence.document,
        };
        running.text.push_str(separator);
        if new_document {
            running.document_starts.push(running.text.len());
        }
        let start = running.text.len();
        running.text.push_str(sentence.text.trim());
        running.sentences.push(Span::new(start, running.text.len()));
        previous = Some(sentence);
    }
    running
}

/// Result of scoring the splitter on running text.
#[derive(Clone, Debug, Default)]
pub struct SentenceEvaluation {
    /// Sentence starts inside documents (the boundaries a splitter has to find).
    pub boundaries: Counts,
    /// Whole sentence spans (start and end exact), as in the CoNLL 2018 shared task.
    pub spans: Counts,
    /// Gold boundaries missed, as byte offsets into the running text.
    pub missed: Vec<usize>,
    /// Boundaries predicted that are not gold.
    pub extra: Vec<usize>,
}

/// Scores `predicted` sentences against the gold sentences of `running`.
pub fn compare_sentences(running: &RunningText, predicted: &[Sentence]) -> SentenceEvaluation {
    let inner = |starts: Vec<usize>| -> Vec<usize> {
        starts
            .into_iter()
            .filter(|s| running.document_starts.binary_search(s).is_err())
            .collect()
    };
    let gold = inner(running.sentences.iter().map(|s| s.start).collect());
    let found = inner(predicted.iter().map(|s| s.span.start).collect());
    let as_spans = |v: &[usize]| -> Vec<Span> { v.iter().map(|&s| Span::new(s, s)).collect() };
    let boundaries = compare_spans(&as_spans(&gold), &as_spans(&found));
    let predicted_spans: Vec<Span> = predicted.iter().map(|s| s.span).collect();
    let spans = compare_spans(&running.sentences, &predicted_spans);
    let missed = gold
        .iter()
        .copied()
        .filter(|s| found.binary_search(s).is_err())
        .collect();
    let extra = found
        .iter()
        .copied()
        .filter(|s| gold.binary_search(s).is_err())
        .collect();
    SentenceEvaluation {
        boundaries,
        spans,
        missed,
        extra,
    }
}

/// Joins `sentences`, runs the tokenizer and splitter (with the embedded boundary model), and
/// scores the result.
pub fn evaluate_sentences(
    sentences: &[UdSentence],
    join: Join,
) -> (RunningText, SentenceEvaluation) {
    evaluate_sentences_with(sentences, join, BoundaryModel::embedded())
}

/// [`evaluate_sentences`] with another boundary model, or with the rules alone (`None`).
pub fn evaluate_sentences_with(
    sentences: &[UdSentence],
    join: Join,
    model: Option<&BoundaryModel>,
) -> (RunningText, SentenceEvaluation) {
    let running = running_text(sentences, join);
    let tokens = tokenize(&running.text);
    let predicted = split_sentences_with(&running.text, &tokens, model);
    let evaluation = compare_sentences(&running, &predicted);
    (running, evaluation)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = d1-1\n# text = Hij kwam, o.a. hier.\n\
1\tHij\thij\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
2\tkwam\tkomen\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t,\t,\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\
4\to.a.\to.a.\tADV\t_\t_\t2\tadvmod\t_\t_\n\
5\thier\thier\tADV\t_\t_\t2\tadvmod\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n\
# sent_id = d1-2\n# text = Zij ging.\n\
1\tZij\tzij\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
2\tging\tgaan\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_sentences_and_scores_tokens() {
        let sentences = parse_conllu(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(
            sentences[0].tokens,
            ["Hij", "kwam", ",", "o.a.", "hier", "."]
        );
        let evaluation = evaluate_tokens(&sentences);
        assert_eq!(
            evaluation.counts,
            Counts {
                gold: 9,
                predicted: 9,
                correct: 9
            }
        );
    }

    #[test]
    fn scores_sentence_boundaries_inside_documents() {
        let sentences = parse_conllu(SAMPLE).unwrap();
        let (running, evaluation) = evaluate_sentences(&sentences, Join::Space);
        assert_eq!(running.text, "Hij kwam, o.a. hier. Zij ging.");
        assert_eq!(
            evaluation.boundaries,
            Counts {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!(evaluation.spans.f1(), 1.0);
    }

    #[test]
    fn document_ids_come_from_sent_ids_without_newdoc() {
        assert_eq!(
            ids_from_sent_id("wiki-1181.p.12.s.3"),
            ("wiki-1181".to_string(), "wiki-1181.p.12".to_string())
        );
        assert_eq!(ids_from_sent_id("WR-P\\WR-P.p.6.s.1").0, "WR-P");
    }

    #[test]
    fn detokenizes_conll2002_sentences_into_articles() {
        let content = "-DOCSTART- -DOCSTART- O\nMarc N B-PER\nVerwilghen N I-PER\n\n\
Dat Pron O\nkan V O\n. Punc O\n\" Punc O\n\n\
Hij Pron O\nzei V O\n: Punc O\n\" Punc O\nIk Pron O\nwacht V O\n( Punc O\neven Adv O\n\
) Punc O\n, Punc O\n' Punc O\nzo Adv O\n' Punc O\n. Punc O\n\" Punc O\n\n\
, Punc O\n\n-DOCSTART- -DOCSTART- O\npagina N O\n";
        let sentences = parse_conll2002(content, "t");
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Marc Verwilghen",
                "Dat kan.\"",
                "Hij zei: \"Ik wacht (even), 'zo'.\"",
                "pagina"
            ]
        );
        assert_eq!(sentences[0].document, sentences[2].document);
        assert_ne!(sentences[2].document, sentences[3].document);
        let running = running_text(&sentences[..3], Join::Space);
        assert_eq!(
            running.text,
            "Marc Verwilghen Dat kan.\" Hij zei: \"Ik wacht (even), 'zo'.\""
        );
        assert_eq!(evaluate_tokens(&sentences).unaligned, 0);
    }

    #[test]
    fn a_token_line_without_text_is_an_error() {
        let error = parse_conllu("1\tx\tx\tX\t_\t_\t0\troot\t_\t_\n").unwrap_err();
        assert!(error.to_string().contains("line 1"));
    }
}
