//! `kroniek tokens`, `kroniek sentences`, `kroniek eval tokens|sentences`, `kroniek train
//! sentences` and `kroniek bench text`: print the text layers of a plain text file, score them
//! against UD Dutch, train the sentence boundary model, and measure their speed.

use anyhow::{bail, Context};
use clap::Args;
use kroniek_text::boundary;
use kroniek_text::eval::{self, Counts, Join, UdSentence};
use kroniek_text::word_classes::WordClasses;
use kroniek_text::{
    analyze, mark_residue, split_sentences, tokenize, ResidueKind, TextLayers, TokenKind,
};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `kroniek tokens`.
#[derive(Args)]
pub struct TokensArgs {
    /// Plain text file (UTF-8); offsets are bytes into the file as read.
    pub file: PathBuf,
    /// One JSON object per token: start, end, text, kind.
    #[arg(long)]
    pub jsonl: bool,
}

/// Arguments of `kroniek sentences`.
#[derive(Args)]
pub struct SentencesArgs {
    /// Plain text file (UTF-8); offsets are bytes into the file as read.
    pub file: PathBuf,
    /// One JSON object per sentence: start, end, text, paragraph, heading, residue,
    /// residue_kind.
    #[arg(long)]
    pub jsonl: bool,
}

/// Arguments of `kroniek eval tokens`.
#[derive(Args)]
pub struct EvalTokensArgs {
    /// CoNLL-U files with `# text =` comments.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print up to N sentences where tokenizer and treebank differ.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Print scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `kroniek eval sentences`.
#[derive(Args)]
pub struct EvalSentencesArgs {
    /// CoNLL-U files with `# text =` comments.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Put a line break between the treebank's paragraphs (default: sentences of a document
    /// are separated by a space only).
    #[arg(long)]
    pub paragraphs: bool,
    /// Print up to N missed and N extra boundaries with their context.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Use this boundary model file instead of the one built into the program.
    #[arg(long, conflicts_with = "rules_only")]
    pub model: Option<PathBuf>,
    /// Use the splitter's rules alone, without the boundary model.
    #[arg(long)]
    pub rules_only: bool,
    /// The files are CoNLL-2002 (`word POS tag` lines, `-DOCSTART-` between articles), read
    /// as `kroniek train sentences --conll` reads them (for ned.testa; never tune on ned.testb).
    #[arg(long)]
    pub conll2002: bool,
    /// Print scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `kroniek train sentences`.
#[derive(Args)]
pub struct TrainSentencesArgs {
    /// CoNLL-U files to train on (default: the UD Dutch Alpino and LassySmall dev files under
    /// --data; the test files are for reporting only).
    pub files: Vec<PathBuf>,
    /// The shared data folder (for the default files).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/sentences-nl.bin")]
    pub out: PathBuf,
    /// Passes of the perceptron over the examples.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// log2 of the number of weights.
    #[arg(long, default_value_t = 18)]
    pub bits: u32,
    /// Seed of the shuffle between passes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of perceptrons (seeds seed, seed+1, …) whose weights are averaged.
    #[arg(long, default_value_t = 4)]
    pub ensemble: usize,
    /// Decision threshold of the model written (chosen by cross-validation on the dev files).
    #[arg(long, default_value_t = -0.5, allow_negative_numbers = true)]
    pub threshold: f32,
    /// First score the settings by cross-validation over this many folds of documents.
    #[arg(long, default_value_t = 0)]
    pub folds: usize,
    /// Thresholds to score in the cross-validation (comma-separated).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "-0.5",
        allow_negative_numbers = true
    )]
    pub thresholds: Vec<f32>,
    /// The project's word lists (first names, surnames, places, lower-case words), kept in
    /// the model as a Bloom filter.
    #[arg(long, default_value = "lexicons")]
    pub lexicons: PathBuf,
    /// CoNLL-2002 files (`word POS tag` lines; never ned.testb) whose articles are added to
    /// every training fold and to the final model as extra newspaper text (headlines and
    /// bylines without punctuation; never scored), and whose words tagged `V` become the verb
    /// class (default: ned.train and ned.testa under --data).
    #[arg(long, num_args = 1.., conflicts_with = "no_conll")]
    pub conll: Vec<PathBuf>,
    /// Train on the CoNLL-U files alone, without CoNLL-2002 text.
    #[arg(long)]
    pub no_conll: bool,
    /// Only cross-validate; write no model.
    #[arg(long)]
    pub no_write: bool,
    /// Print up to N missed and N extra boundaries of each held-out fold (at the first
    /// threshold) with their context.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
}

/// Arguments of `kroniek bench text`.
#[derive(Args)]
pub struct BenchTextArgs {
    /// Plain text file to analyse (for example one written by --write-corpus).
    #[arg(required_unless_present = "write_corpus")]
    pub file: Option<PathBuf>,
    /// Instead of measuring: write a non-repeating Dutch benchmark text built from the UD and
    /// CoNLL-2002 files under --data to this path.
    #[arg(long, value_name = "PATH")]
    pub write_corpus: Option<PathBuf>,
    /// The shared data folder (used with --write-corpus).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Run each layer this many times and keep the fastest run.
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Print results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Reads a UTF-8 text file, naming the file and the first bad byte if it is not UTF-8.
fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{} is not UTF-8 (first bad byte at offset {offset}); convert it first, e.g. `iconv -f latin1 -t utf-8`",
            path.display()
        )
    })
}

/// Runs a printing closure on locked, buffered stdout; a closed pipe (`| head`) is not an error.
fn print_to_stdout(
    print: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match print(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(error) => Err(error).context("cannot write to standard output"),
    }
}

/// One token as printed by `kroniek tokens --jsonl`.
#[derive(Serialize)]
struct TokenLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: TokenKind,
}

/// Prints the tokens of a plain text file.
pub fn run_tokens(args: TokensArgs) -> anyhow::Result<ExitCode> {
    let text = read_text(&args.file)?;
    let tokens = tokenize(&text);
    print_to_stdout(|out| {
        for token in &tokens {
            let line = TokenLine {
                start: token.span.start,
                end: token.span.end,
                text: token.span.text(&text),
                kind: token.kind,
            };
            if args.jsonl {
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{:>8}..{:<8} {:<7} {}",
                    line.start,
                    line.end,
                    kind_name(line.kind),
                    line.text
                )?;
            }
        }
        Ok(())
    })
}

/// Lower-case name of a token kind, as in the JSON output.
fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Quote => "quote",
        TokenKind::Url => "url",
        TokenKind::Email => "email",
        TokenKind::Symbol => "symbol",
    }
}

/// One sentence as printed by `kroniek sentences --jsonl`.
#[derive(Serialize)]
struct SentenceLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    paragraph: usize,
    heading: bool,
    residue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    residue_kind: Option<ResidueKind>,
}

/// Prints the sentences of a plain text file with headings and residue marked.
pub fn run_sentences(args: SentencesArgs) -> anyhow::Result<ExitCode> {
    let text = read_text(&args.file)?;
    let layers = analyze(&text);
    let lines = sentence_lines(&text, &layers);
    print_to_stdout(|out| {
        for line in &lines {
            if args.jsonl {
                serde_json::to_writer(&mut *out, line)?;
                writeln!(out)?;
            } else {
                let mark = match (line.residue_kind, line.heading) {
                    (Some(kind), _) => format!("residue:{}", residue_kind_name(kind)),
                    (None, true) => "heading".to_string(),
                    (None, false) => String::new(),
                };
                writeln!(
                    out,
                    "p{:<4} {:<22} {}",
                    line.paragraph,
                    mark,
                    line.text.replace('\n', " ")
                )?;
            }
        }
        Ok(())
    })
}

/// The sentences of `layers` joined with the kind of residue each one is.
fn sentence_lines<'a>(text: &'a str, layers: &TextLayers) -> Vec<SentenceLine<'a>> {
    let mut residue = layers.residue.iter().peekable();
    layers
        .sentences
        .iter()
        .map(|sentence| {
            while residue
                .peek()
                .is_some_and(|r| r.span.start < sentence.span.start)
            {
                residue.next();
            }
            let residue_kind = residue
                .peek()
                .filter(|r| r.span == sentence.span)
                .map(|r| r.kind);
            SentenceLine {
                start: sentence.span.start,
                end: sentence.span.end,
                text: sentence.span.text(text),
                paragraph: sentence.paragraph,
                heading: sentence.heading,
                residue: sentence.residue,
                residue_kind,
            }
        })
        .collect()
}

/// Snake-case name of a residue kind, as in the JSON output.
fn residue_kind_name(kind: ResidueKind) -> &'static str {
    match kind {
        ResidueKind::Caption => "caption",
        ResidueKind::Credit => "credit",
        ResidueKind::Byline => "byline",
        ResidueKind::Timestamp => "timestamp",
        ResidueKind::ReadMore => "read_more",
        ResidueKind::PullQuote => "pull_quote",
        ResidueKind::Navigation => "navigation",
        ResidueKind::Other => "other",
    }
}

/// Reads and parses one CoNLL-U file.
fn read_treebank(path: &Path) -> anyhow::Result<Vec<UdSentence>> {
    let content = read_text(path)?;
    eval::parse_conllu(&content).with_context(|| format!("{} is not valid CoNLL-U", path.display()))
}

/// Short name of a file for tables.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Scores as printed by `--json`.
#[derive(Serialize)]
struct ScoreLine {
    file: String,
    measure: &'static str,
    gold: usize,
    predicted: usize,
    correct: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl ScoreLine {
    fn new(file: String, measure: &'static str, counts: Counts) -> Self {
        ScoreLine {
            file,
            measure,
            gold: counts.gold,
            predicted: counts.predicted,
            correct: counts.correct,
            precision: counts.precision(),
            recall: counts.recall(),
            f1: counts.f1(),
        }
    }
}

/// Prints score lines as a table or JSON lines.
fn print_scores(scores: &[ScoreLine], json: bool) -> anyhow::Result<()> {
    if json {
        for score in scores {
            println!("{}", serde_json::to_string(score)?);
        }
        return Ok(());
    }
    println!(
        "{:<34} {:<18} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "file", "measure", "gold", "pred", "correct", "P", "R", "F1"
    );
    for s in scores {
        println!(
            "{:<34} {:<18} {:>7} {:>7} {:>7} {:>7.4} {:>7.4} {:>7.4}",
            s.file, s.measure, s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1
        );
    }
    Ok(())
}

/// Scores the tokenizer against UD CoNLL-U files.
pub fn run_eval_tokens(args: EvalTokensArgs) -> anyhow::Result<ExitCode> {
    let mut scores = Vec::new();
    for path in &args.files {
        let sentences = read_treebank(path)?;
        let evaluation = eval::evaluate_tokens(&sentences);
        if evaluation.unaligned > 0 {
            eprintln!(
                "{}: {} of {} sentences left out: their tokens do not spell their `# text`",
                path.display(),
                evaluation.unaligned,
                sentences.len()
            );
        }
        for mismatch in evaluation.mismatches.iter().take(args.errors) {
            eprintln!(
                "{}  missed {:?}  extra {:?}",
                mismatch.id, mismatch.missed, mismatch.extra
            );
        }
        scores.push(ScoreLine::new(
            file_name(path),
            "token spans",
            evaluation.counts,
        ));
    }
    print_scores(&scores, args.json)?;
    Ok(ExitCode::SUCCESS)
}

/// Scores the sentence splitter against UD CoNLL-U files joined into running text.
pub fn run_eval_sentences(args: EvalSentencesArgs) -> anyhow::Result<ExitCode> {
    let join = if args.paragraphs {
        Join::Paragraphs
    } else {
        Join::Space
    };
    let loaded = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Some(
                boundary::BoundaryModel::from_bytes(&bytes)
                    .with_context(|| format!("{} is not a sentence model", path.display()))?,
            )
        }
        None => None,
    };
    let model = match (&loaded, args.rules_only) {
        (Some(model), _) => Some(model),
        (None, true) => None,
        (None, false) => boundary::BoundaryModel::embedded(),
    };
    let mut scores = Vec::new();
    for path in &args.files {
        let sentences = if args.conll2002 {
            eval::parse_conll2002(&read_text(path)?, &file_name(path))
        } else {
            read_treebank(path)?
        };
        let (running, evaluation) = eval::evaluate_sentences_with(&sentences, join, model);
        for &offset in evaluation.missed.iter().take(args.errors) {
            eprintln!("missed  {}", context(&running.text, offset));
        }
        for &offset in evaluation.extra.iter().take(args.errors) {
            eprintln!("extra   {}", context(&running.text, offset));
        }
        let name = file_name(path);
        scores.push(ScoreLine::new(
            name.clone(),
            "boundaries",
            evaluation.boundaries,
        ));
        scores.push(ScoreLine::new(name, "sentence spans", evaluation.spans));
    }
    print_scores(&scores, args.json)?;
    Ok(ExitCode::SUCCESS)
}

/// Trains the sentence boundary model (after an optional cross-validation) and writes it.
pub fn run_train_sentences(args: TrainSentencesArgs) -> anyhow::Result<ExitCode> {
    let files = if args.files.is_empty() {
        vec![
            args.data.join("ud/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"),
            args.data
                .join("ud/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu"),
        ]
    } else {
        args.files.clone()
    };
    let conll_files = if args.no_conll {
        Vec::new()
    } else if args.conll.is_empty() {
        vec![
            args.data.join("conll2002/ned.train"),
            args.data.join("conll2002/ned.testa"),
        ]
    } else {
        args.conll.clone()
    };
    let treebanks = files
        .iter()
        .map(|path| read_treebank(path))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut classes = WordClasses::from_lists(&args.lexicons, 22)
        .with_context(|| format!("cannot read the word lists in {}", args.lexicons.display()))?;
    for path in &conll_files {
        classes.insert_conll2002_verbs(&read_text(path)?);
    }
    let extra = conll_files
        .iter()
        .map(|path| Ok(eval::parse_conll2002(&read_text(path)?, &file_name(path))))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let options = boundary::TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        ensemble: args.ensemble,
        threshold: args.threshold,
    };
    if args.folds > 0 {
        let counts = boundary::cross_validate(
            &treebanks,
            &extra,
            &classes,
            args.folds,
            options,
            &args.thresholds,
            |_, running, evaluation| {
                for &offset in evaluation.missed.iter().take(args.errors) {
                    eprintln!("missed  {}", context(&running.text, offset));
                }
                for &offset in evaluation.extra.iter().take(args.errors) {
                    eprintln!("extra   {}", context(&running.text, offset));
                }
            },
        );
        let mut scores = Vec::new();
        for (threshold, per_file) in args.thresholds.iter().zip(&counts) {
            let mut all = Counts::default();
            for (path, c) in files.iter().zip(per_file) {
                all.add(*c);
                let name = format!("{} t={threshold}", file_name(path));
                scores.push(ScoreLine::new(name, "boundaries (cv)", *c));
            }
            scores.push(ScoreLine::new(
                format!("all t={threshold}"),
                "boundaries (cv)",
                all,
            ));
        }
        print_scores(&scores, false)?;
    }
    if args.no_write {
        return Ok(ExitCode::SUCCESS);
    }
    let examples = boundary::recipe_examples(&treebanks, &extra, &classes);
    let model = boundary::train(&examples, &classes, options);
    std::fs::write(&args.out, model.to_bytes())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} open gaps, {} of them boundaries); rebuild with `cargo build --release -p kroniek` to use it",
        args.out.display(),
        examples.len(),
        examples.iter().filter(|e| e.boundary).count()
    );
    Ok(ExitCode::SUCCESS)
}

/// Forty bytes either side of `offset`, with `‖` at the offset.
fn context(text: &str, offset: usize) -> String {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(offset.saturating_sub(40));
    let end = floor((offset + 40).min(text.len()));
    format!("…{}‖{}…", &text[start..offset], &text[offset..end]).replace('\n', "⏎")
}

/// Speed of one layer.
#[derive(Serialize)]
struct SpeedLine {
    layer: &'static str,
    seconds: f64,
    tokens_per_second: f64,
    megabytes_per_second: f64,
}

/// Measures tokenize + split + residue on one core, or writes the benchmark text.
pub fn run_bench(args: BenchTextArgs) -> anyhow::Result<ExitCode> {
    if let Some(out) = &args.write_corpus {
        let corpus = benchmark_corpus(&args.data)?;
        std::fs::write(out, &corpus).with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!(
            "wrote {} ({} bytes, {} tokens)",
            out.display(),
            corpus.len(),
            tokenize(&corpus).len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = &args.file else {
        bail!("give a text file to measure, or --write-corpus PATH")
    };
    let text = read_text(path)?;
    let repeat = args.repeat.max(1);
    let tokens = tokenize(&text);
    let sentences = split_sentences(&text, &tokens);
    let token_count = tokens.len();
    let fastest = |run: &dyn Fn()| -> f64 {
        (0..repeat)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let tokenize_s = fastest(&|| {
        std::hint::black_box(tokenize(std::hint::black_box(&text)));
    });
    let split_s = fastest(&|| {
        std::hint::black_box(split_sentences(&text, std::hint::black_box(&tokens)));
    });
    let residue_s = fastest(&|| {
        let mut copy = sentences.clone();
        std::hint::black_box(mark_residue(&text, std::hint::black_box(&mut copy)));
    });
    let all_s = fastest(&|| {
        std::hint::black_box(analyze(std::hint::black_box(&text)));
    });
    let line = |layer, seconds: f64| SpeedLine {
        layer,
        seconds,
        tokens_per_second: token_count as f64 / seconds,
        megabytes_per_second: text.len() as f64 / seconds / 1e6,
    };
    let lines = [
        line("tokenize", tokenize_s),
        line("split", split_s),
        line("residue", residue_s),
        line("tokenize+split+residue", all_s),
    ];
    let peak = peak_memory_kib();
    if args.json {
        for l in &lines {
            println!("{}", serde_json::to_string(l)?);
        }
        println!(
            "{}",
            serde_json::json!({"tokens": token_count, "sentences": sentences.len(), "bytes": text.len(), "peak_rss_kib": peak})
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {} bytes, {} tokens, {} sentences; fastest of {repeat} runs on one thread",
        path.display(),
        text.len(),
        token_count,
        sentences.len()
    );
    println!(
        "{:<24} {:>10} {:>14} {:>8}",
        "layer", "seconds", "tokens/s", "MB/s"
    );
    for l in &lines {
        println!(
            "{:<24} {:>10.4} {:>14.0} {:>8.1}",
            l.layer, l.seconds, l.tokens_per_second, l.megabytes_per_second
        );
    }
    if let Some(kib) = peak {
        println!("peak memory (VmHWM): {:.1} MiB", kib as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory of this process in KiB, where the system reports it.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A non-repeating Dutch benchmark text: every UD Dutch sentence (documents as paragraphs
/// separated by blank lines) and the CoNLL-2002 Dutch articles with their tokens joined back
/// into running text.
fn benchmark_corpus(data: &Path) -> anyhow::Result<String> {
    let mut corpus = String::new();
    let ud = [
        "ud/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",
        "ud/UD_Dutch-Alpino/nl_alpino-ud-test.conllu",
        "ud/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu",
        "ud/UD_Dutch-LassySmall/nl_lassysmall-ud-test.conllu",
    ];
    for file in ud {
        let sentences = read_treebank(&data.join(file))?;
        corpus.push_str(&eval::running_text(&sentences, Join::Paragraphs).text);
        corpus.push_str("\n\n");
    }
    for file in [
        "conll2002/ned.train",
        "conll2002/ned.testa",
        "conll2002/ned.testb",
    ] {
        let path = data.join(file);
        let content = read_text(&path)?;
        corpus.push_str(&detokenize_conll(&content));
    }
    Ok(corpus)
}

/// Joins the tokens of a CoNLL-2002 file back into text: sentences separated by a space,
/// `-DOCSTART-` articles by a blank line, no space before closing punctuation.
fn detokenize_conll(content: &str) -> String {
    let mut text = String::with_capacity(content.len() / 2);
    let mut glue_next = true;
    let mut open_double_quote = false;
    for line in content.lines() {
        let Some(word) = line.split(' ').next().filter(|w| !w.is_empty()) else {
            continue;
        };
        if word == "-DOCSTART-" {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            glue_next = true;
            continue;
        }
        let closing = matches!(word, "." | "," | ":" | ";" | "!" | "?" | ")" | "%" | "'")
            || (word == "\"" && open_double_quote);
        if !(glue_next || closing) {
            text.push(' ');
        }
        text.push_str(word);
        if word == "\"" {
            open_double_quote = !open_double_quote;
        }
        glue_next = word == "(" || (word == "\"" && open_double_quote);
    }
    text.push('\n');
    text
}
