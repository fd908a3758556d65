//! `kroniek train ner`, `kroniek eval ner` and `kroniek bench ner`: train the entity tagger on
//! CoNLL-2002 Dutch, score it by the conlleval rule, and measure its tagging speed.

use anyhow::{bail, Context};
use clap::Args;
use kroniek_nlp::entities::clusters::{ClusterOptions, WordClusters, CLUSTER_LEVELS, DEFAULT_CLASS_COUNTS};
use kroniek_nlp::entities::conll::{ConllFile, ConllScore};
use kroniek_nlp::entities::gazetteer::{derive_lists, Lexicon};
use kroniek_nlp::entities::name_classes::{Embeddings, NameClasses, TypeVotes, DEFAULT_NAME_CLASS_COUNTS, KMEANS_LEVELS};
use kroniek_nlp::entities::perceptron::{featurize_training_documents, train, train_stacked, EpochReport, TrainOptions, TrainingDocument, STACK_OFFSET_SCALE};
use kroniek_nlp::entities::{EntityRecognizer, Label, Model};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `kroniek train ner`.
#[derive(Args)]
pub struct TrainNerArgs {
    /// CoNLL training file.
    #[arg(long, default_value = "../shared/data/conll2002/ned.train")]
    pub train: PathBuf,
    /// CoNLL tuning file: the pass with the best F1 on it is kept ("none" to keep the last).
    #[arg(long, default_value = "../shared/data/conll2002/ned.testa")]
    pub dev: PathBuf,
    /// Folder of derived gazetteer lists (see lexicons/README.md).
    #[arg(long, default_value = "lexicons")]
    pub lexicons: PathBuf,
    /// First rebuild the lists in --lexicons from this shared lexicon folder.
    #[arg(long, value_name = "SHARED_LEXICONS")]
    pub derive_lexicons: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Seed of the sentence shuffle (same seed and data: same model, byte for byte).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Each stage's weight table has 2^BITS rows (18 bytes a row).
    #[arg(long, default_value_t = 18)]
    pub hash_bits: u32,
    /// Perceptrons (seeds SEED, SEED+1 …) averaged into each stage (8 scored about 0.6 F1 above
    /// 4 on ned.testa over two seeds; 16 no better than 8).
    #[arg(long, default_value_t = 8)]
    pub ensemble: usize,
    /// 2: a second stage that sees the first stage's labels of the whole document (stacking,
    /// trained on 5-fold held-out labels); 1: one stage only.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub stages: u8,
    /// With 2 stages: the share of stage 1's label scores that stage 2 adds to its own (0.2
    /// scored best on ned.testa without name classes, 0.1 with them).
    #[arg(long, default_value_t = STACK_OFFSET_SCALE)]
    pub stack_offset_scale: f32,
    /// Unlabeled text for learning word classes, besides the tokens of --train and --dev:
    /// CoNLL-style files (token in the first column) or CoNLL-U files (*.conllu); "none" for
    /// none.
    #[arg(long, num_args = 1.., default_values = DEFAULT_CLUSTER_TEXT)]
    pub cluster_text: Vec<PathBuf>,
    /// Classes per word-class level, coarse to fine (three counts).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_CLASS_COUNTS)]
    pub cluster_classes: Vec<usize>,
    /// Words seen fewer times in the word-class text get no class.
    #[arg(long, default_value_t = 2)]
    pub cluster_min_count: usize,
    /// Learn no word classes (and use no class features).
    #[arg(long)]
    pub no_clusters: bool,
    /// Word vectors of capitalised words (from scripts/derive-name-embeddings.sh): grouped by
    /// k-means into name classes, and typed by their 10 nearest labelled words of --train; both
    /// become features of capitalised words. Off by default.
    #[arg(long, value_name = "FILE")]
    pub name_embeddings: Option<PathBuf>,
    /// Name classes per level, coarse to fine (two counts), with --name-embeddings.
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_NAME_CLASS_COUNTS)]
    pub name_classes: Vec<usize>,
    /// Seed of the k-means start for --name-embeddings (same seed and vectors: same classes).
    #[arg(long, default_value_t = 1)]
    pub name_class_seed: u64,
    /// Train on only the first N sentences (quick experiments and tests).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner-nl.bin")]
    pub out: PathBuf,
}

/// Unlabeled Dutch text read by default for word classes: Europeana newspapers (CC0) and the
/// UD Dutch dev files (CC BY-SA).
const DEFAULT_CLUSTER_TEXT: [&str; 3] = [
    "../shared/data/europeana-nl/enp_NL.kb.bio",
    "../shared/data/ud/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",
    "../shared/data/ud/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu",
];

/// Arguments of `kroniek eval ner`.
#[derive(Args)]
pub struct EvalNerArgs {
    /// CoNLL file to tag and score (tokens in the first column, gold tag in the last).
    #[arg(long, required_unless_present = "text")]
    pub conll: Option<PathBuf>,
    /// Write the file back with the predicted tag appended to each token line.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Use this model file instead of the one built into the program.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score only the first N documents of the file.
    #[arg(long)]
    pub documents: Option<usize>,
    /// Print scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Instead of scoring: print the resolved entities (PER and ORG first) of these plain-text
    /// articles.
    #[arg(long, num_args = 1.., conflicts_with = "conll")]
    pub text: Vec<PathBuf>,
}

/// Arguments of `kroniek bench ner`.
#[derive(Args)]
pub struct BenchNerArgs {
    /// CoNLL file whose tokens are tagged.
    #[arg(long, default_value = "../shared/data/conll2002/ned.testb")]
    pub conll: PathBuf,
    /// Tag the file this many times.
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Use this model file instead of the one built into the program.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kroniek train ner`.
pub fn run_train(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    if let Some(shared) = &args.derive_lexicons {
        let written = derive_lists(shared, &args.lexicons)
            .with_context(|| format!("deriving gazetteer lists from {} into {}", shared.display(), args.lexicons.display()))?;
        for (file, count) in written {
            eprintln!("wrote {}/{file}: {count} entries", args.lexicons.display());
        }
    }
    if !(12..=24).contains(&args.hash_bits) {
        bail!("--hash-bits {} is out of range: use 12 to 24 (18 is the default)", args.hash_bits);
    }
    let started = Instant::now();
    let mut lexicon = Lexicon::read_lists(&args.lexicons).with_context(|| {
        format!("reading gazetteer lists in {} (rebuild them with --derive-lexicons ../shared/data/lexicons)", args.lexicons.display())
    })?;
    let train_file = read_conll(&args.train)?;
    let mut train_docs = labelled_documents(&train_file);
    if let Some(limit) = args.limit {
        truncate_sentences(&mut train_docs, limit);
    }
    let dev_docs = if args.dev.as_os_str() == "none" { Vec::new() } else { labelled_documents(&read_conll(&args.dev)?) };
    if !args.no_clusters {
        lexicon.clusters = learn_clusters(&args, &train_docs, &dev_docs)?;
        eprintln!("word classes for {} words in {:.1}s", lexicon.clusters.len(), started.elapsed().as_secs_f64());
    }
    if let Some(path) = &args.name_embeddings {
        lexicon.name_classes = learn_name_classes(&args, path, &train_docs)?;
        eprintln!("name classes for {} words in {:.1}s", lexicon.name_classes.len(), started.elapsed().as_secs_f64());
    }
    let train_documents = featurize_training_documents(&lexicon, args.hash_bits, &train_docs);
    let dev_documents = featurize_training_documents(&lexicon, args.hash_bits, &dev_docs);
    let train_sentences: usize = train_documents.iter().map(|d| d.sentences.len()).sum();
    eprintln!(
        "{} training sentences, {} dev documents, {} lexicon entries; features in {:.1}s",
        train_sentences,
        dev_documents.len(),
        lexicon.len(),
        started.elapsed().as_secs_f64()
    );
    let options = TrainOptions { epochs: args.epochs, seed: args.seed, bits: args.hash_bits, ensemble: args.ensemble, stack_offset_scale: args.stack_offset_scale };
    let report = |stage: &str, r: &EpochReport| {
        let dev = r.dev_f1.map_or(String::new(), |f| format!(", dev F1 {:.2}", 100.0 * f));
        if r.epoch == 0 {
            eprintln!("{stage}: averaged ensemble{dev}");
        } else {
            eprintln!("{stage}: epoch {:>2}: train token accuracy {:.2}{dev}", r.epoch, 100.0 * r.train_accuracy);
        }
    };
    let mut model = if args.stages == 2 {
        train_stacked(&train_documents, &dev_documents, &lexicon, &options, 5, report).0
    } else {
        let flat = |docs: Vec<TrainingDocument>| docs.into_iter().flat_map(|d| d.sentences).collect::<Vec<_>>();
        train(&flat(train_documents), &flat(dev_documents), &lexicon, &options, |r| report("stage 1", r)).0
    };
    let mut info = serde_json::json!({
        "train": args.train.display().to_string(),
        "dev": args.dev.display().to_string(),
        "sentences": train_sentences,
        "epochs": args.epochs,
        "seed": args.seed,
        "ensemble": args.ensemble,
        "stages": args.stages,
        "hash_bits": args.hash_bits,
        "cluster_text": if args.no_clusters { Vec::new() } else { args.cluster_text.iter().map(|p| p.display().to_string()).collect() },
        "cluster_classes": if args.no_clusters { Vec::new() } else { args.cluster_classes.clone() },
    });
    if let Some(path) = &args.name_embeddings {
        info["name_embeddings"] = path.file_name().unwrap_or_default().to_string_lossy().into();
        info["name_classes"] = args.name_classes.clone().into();
        info["name_class_seed"] = args.name_class_seed.into();
    }
    if args.stack_offset_scale != STACK_OFFSET_SCALE {
        info["stack_offset_scale"] = args.stack_offset_scale.into();
    }
    model.info = info.to_string();
    let bytes = model.to_bytes();
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing the model to {}", args.out.display()))?;
    eprintln!("wrote {} ({:.1} MB) in {:.1}s total", args.out.display(), bytes.len() as f64 / 1e6, started.elapsed().as_secs_f64());
    if !dev_docs.is_empty() {
        println!("dev scores of the written model ({}):", args.dev.display());
        print!("{}", score_documents(&EntityRecognizer::with_model(model), &dev_docs).table());
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `kroniek eval ner`.
pub fn run_eval(args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    let recognizer = load_recognizer(args.model.as_deref())?;
    if !args.text.is_empty() {
        return print_article_entities(&recognizer, &args.text);
    }
    let path = args.conll.as_ref().expect("clap requires --conll without --text");
    let file = read_conll(path)?;
    let documents = args.documents.unwrap_or(usize::MAX).min(file.documents.len());
    let mut predicted: Vec<Option<Label>> = vec![None; file.lines.len()];
    let mut score = ConllScore::default();
    for document in &file.documents[..documents] {
        let forms: Vec<Vec<&str>> = document.iter().map(|s| file.forms(s)).collect();
        let labels = recognizer.tag_tokens(&forms);
        for (sentence, labels) in document.iter().zip(&labels) {
            score.add_sentence(&file.gold_labels(sentence), labels);
            for (&line, &label) in sentence.iter().zip(labels) {
                predicted[line] = Some(label);
            }
        }
    }
    if let Some(out) = &args.out {
        std::fs::write(out, file.write_with_predictions(&predicted)).with_context(|| format!("writing predictions to {}", out.display()))?;
    }
    if args.json {
        let types: serde_json::Map<String, serde_json::Value> = score
            .per_type
            .iter()
            .map(|(name, c)| (name.to_string(), counts_json(c)))
            .collect();
        println!("{}", serde_json::json!({ "file": path.display().to_string(), "tokens": score.tokens, "types": types, "overall": counts_json(&score.overall) }));
    } else {
        println!("{} ({} tokens, conlleval rule: exact span and type)", path.display(), score.tokens);
        print!("{}", score.table());
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `kroniek bench ner`: tagging speed (features + decoding) on one core.
pub fn run_bench(args: BenchNerArgs) -> anyhow::Result<ExitCode> {
    let load_started = Instant::now();
    let recognizer = load_recognizer(args.model.as_deref())?;
    let load_ms = load_started.elapsed().as_secs_f64() * 1e3;
    let file = read_conll(&args.conll)?;
    let documents: Vec<Vec<Vec<&str>>> = file.documents.iter().map(|d| d.iter().map(|s| file.forms(s)).collect()).collect();
    let tokens = file.token_count();
    let mut entities = 0usize;
    let started = Instant::now();
    for _ in 0..args.repeat.max(1) {
        for document in &documents {
            for labels in recognizer.tag_tokens(document) {
                entities += labels.iter().filter(|l| l.is_begin()).count();
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let total = tokens * args.repeat.max(1);
    let rate = total as f64 / seconds;
    let peak_kb = peak_memory_kb();
    if args.json {
        println!("{}", serde_json::json!({ "file": args.conll.display().to_string(), "tokens": total, "seconds": seconds, "tokens_per_second": rate, "model_load_ms": load_ms, "peak_rss_kb": peak_kb, "entities": entities }));
    } else {
        println!("kroniek ner: {total} tokens in {seconds:.3}s = {rate:.0} tokens/s on one core (features + Viterbi)");
        println!("model load: {load_ms:.1} ms; peak memory (VmHWM): {} MB; {entities} entity starts", peak_kb.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)));
    }
    Ok(ExitCode::SUCCESS)
}

fn score_documents(recognizer: &EntityRecognizer, documents: &[LabelledDocument]) -> ConllScore {
    let mut score = ConllScore::default();
    for document in documents {
        let forms: Vec<Vec<&str>> = document.iter().map(|(tokens, _)| tokens.iter().map(String::as_str).collect()).collect();
        for ((_, gold), predicted) in document.iter().zip(recognizer.tag_tokens(&forms)) {
            score.add_sentence(gold, &predicted);
        }
    }
    score
}

fn counts_json(c: &kroniek_nlp::entities::conll::ChunkCounts) -> serde_json::Value {
    serde_json::json!({ "precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "gold": c.gold, "found": c.predicted, "correct": c.correct })
}

fn load_recognizer(path: Option<&Path>) -> anyhow::Result<EntityRecognizer> {
    match path {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading the model {}", path.display()))?;
            Ok(EntityRecognizer::with_model(Model::from_bytes(&bytes, &path.display().to_string())?))
        }
        None => {
            let recognizer = EntityRecognizer::embedded();
            if recognizer.model().is_none() {
                bail!("this build has no trained NER model inside; run `kroniek train ner` and rebuild");
            }
            Ok(recognizer)
        }
    }
}

fn read_conll(path: &Path) -> anyhow::Result<ConllFile> {
    ConllFile::read(path).with_context(|| format!("reading CoNLL file {} (is ../shared/data present?)", path.display()))
}

type LabelledDocument = Vec<(Vec<String>, Vec<Label>)>;

fn labelled_documents(file: &ConllFile) -> Vec<LabelledDocument> {
    file.documents
        .iter()
        .map(|d| d.iter().map(|s| (file.forms(s).into_iter().map(String::from).collect(), file.gold_labels(s))).collect())
        .collect()
}

/// Learns word classes from the tokens of the training and dev documents and the files of
/// `--cluster-text`.
fn learn_clusters(args: &TrainNerArgs, train: &[LabelledDocument], dev: &[LabelledDocument]) -> anyhow::Result<WordClusters> {
    let Ok(class_counts) = <[usize; CLUSTER_LEVELS]>::try_from(args.cluster_classes.as_slice()) else {
        bail!("--cluster-classes takes {CLUSTER_LEVELS} counts (coarse to fine), e.g. 32,128,512");
    };
    let mut sentences: Vec<Vec<String>> = train.iter().chain(dev).flat_map(|d| d.iter().map(|(tokens, _)| tokens.clone())).collect();
    for path in args.cluster_text.iter().filter(|p| p.as_os_str() != "none") {
        let text = std::fs::read(path).with_context(|| format!("reading word-class text {}", path.display()))?;
        sentences.extend(token_sentences(&String::from_utf8_lossy(&text), path.extension().is_some_and(|e| e == "conllu")));
    }
    Ok(WordClusters::learn(&sentences, &ClusterOptions { class_counts, min_count: args.cluster_min_count, ..ClusterOptions::default() }))
}

/// Groups the word vectors of `--name-embeddings` into name classes, and types each word by its
/// nearest capitalised words of the training documents.
fn learn_name_classes(args: &TrainNerArgs, path: &Path, train: &[LabelledDocument]) -> anyhow::Result<NameClasses> {
    let Ok(class_counts) = <[usize; KMEANS_LEVELS]>::try_from(args.name_classes.as_slice()) else {
        bail!("--name-classes takes {KMEANS_LEVELS} counts (coarse to fine), e.g. 64,512");
    };
    let embeddings = Embeddings::read(path).with_context(|| format!("reading name embeddings {}", path.display()))?;
    eprintln!("{} name embeddings of {} dimensions", embeddings.words.len(), embeddings.dim);
    Ok(NameClasses::learn(&embeddings, class_counts, args.name_class_seed, &type_votes(train)))
}

/// How often each capitalised word of the training documents is labelled PER, ORG, LOC, MISC
/// and O.
fn type_votes(train: &[LabelledDocument]) -> HashMap<String, TypeVotes> {
    let mut votes: HashMap<String, TypeVotes> = HashMap::new();
    for (tokens, labels) in train.iter().flatten() {
        for (token, label) in tokens.iter().zip(labels) {
            if token.chars().next().is_some_and(char::is_uppercase) {
                votes.entry(token.clone()).or_default()[label.kind_index().unwrap_or(4)] += 1;
            }
        }
    }
    votes
}

/// The token sentences of a CoNLL-style text (token in the first column, blank lines between
/// sentences, `-DOCSTART-` lines skipped) or, with `conllu`, of a CoNLL-U text (form in the
/// second column of word lines; comments and multi-word or empty-node lines skipped).
fn token_sentences(text: &str, conllu: bool) -> Vec<Vec<String>> {
    let mut sentences = Vec::new();
    let mut sentence = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let form = if conllu {
            let mut columns = line.split('\t');
            let id = columns.next().unwrap_or("");
            if line.starts_with('#') || !id.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            columns.next()
        } else if line.starts_with("-DOCSTART-") {
            continue;
        } else {
            line.split_whitespace().next()
        };
        if let Some(form) = form {
            sentence.push(form.to_string());
        }
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    sentences
}

fn truncate_sentences(documents: &mut Vec<LabelledDocument>, limit: usize) {
    let mut left = limit;
    documents.retain_mut(|d| {
        d.truncate(left);
        left -= d.len();
        !d.is_empty()
    });
}

/// Peak resident memory of this process in kB (Linux VmHWM), if known.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn print_article_entities(recognizer: &EntityRecognizer, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    for path in paths {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading article {}", path.display()))?;
        let layers = kroniek_text::analyze(&text);
        let analysis = recognizer.analyze(&text, &layers);
        println!("== {}", path.display());
        let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
        order.sort_by_key(|&i| (analysis.entities[i].kind, std::cmp::Reverse(analysis.entities[i].mentions)));
        for i in order {
            let e = &analysis.entities[i];
            let mut line = format!("{:<5} {:<40} {:>3}x", e.kind.as_str(), e.name, e.mentions);
            if !e.aliases.is_empty() {
                line.push_str(&format!("  aliases: {}", e.aliases.join(" | ")));
            }
            if !e.roles.is_empty() {
                line.push_str(&format!("  roles: {}", e.roles.join(" | ")));
            }
            println!("{line}");
        }
        for g in &analysis.gentilics {
            println!("gentilic {:<20} -> {}", g.span.text(&text), g.country);
        }
    }
    Ok(ExitCode::SUCCESS)
}
