//! Runs the real `kroniek` binary: `tokens`, `sentences`, `eval tokens|sentences` and `bench
//! text` on files the tests write (fictional text) and on the UD Dutch dev files in
//! ../shared/data.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fictional crawled article: crawl marker, heading, prose with quotes, a caption with a
/// credit, a pull quote, a byline and a read-more link.
const ARTICLE: &str = " date 2024-09 Gemeente Veldhoven opent nieuwe brug\n\n\
Door Karel Klap\n\n\
De wethouder opende woensdag o.a. de brug over de Aa. ,,Dit is zo’n mooie dag.'' Daarna volgde een feest.\n\n\
Volledig scherm De nieuwe brug bij avond. © Fotobureau Zuid\n\n\
Quote We bouwen voor iedereen in de hele regio Anna Smit, wethouder\n\n\
,,We bouwen voor iedereen in de hele regio.'' De bouw kostte 1,5 miljoen euro.\n\n\
Lees meer...\n";

fn kroniek(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .args(args)
        .output()
        .expect("the kroniek binary runs")
}

fn write_temp(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("temp file is writable");
    path
}

fn json_lines(output: &Output) -> Vec<Value> {
    assert!(
        output.status.success(),
        "kroniek failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// The UD Dutch folder of the shared data; fails loudly when it is missing.
fn ud_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud");
    assert!(
        dir.is_dir(),
        "shared data missing: expected UD Dutch treebanks at {}",
        dir.display()
    );
    dir
}

#[test]
fn tokens_jsonl_offsets_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "artikel.txt", ARTICLE.as_bytes());
    let tokens = json_lines(&kroniek(&["tokens", path.to_str().unwrap(), "--jsonl"]));
    for token in &tokens {
        let (start, end) = (
            token["start"].as_u64().unwrap() as usize,
            token["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[start..end], token["text"].as_str().unwrap());
    }
    let find = |text: &str| {
        tokens
            .iter()
            .find(|t| t["text"] == text)
            .unwrap_or_else(|| panic!("no token {text:?}"))
    };
    assert_eq!(
        find("date")["start"],
        1,
        "offsets count the leading space of the crawl marker"
    );
    assert_eq!(find(",,")["kind"], "quote");
    assert_eq!(find("''")["kind"], "quote");
    assert_eq!(find("zo’n")["kind"], "word");
    assert_eq!(find("o.a.")["kind"], "word");
    assert_eq!(find("1,5")["kind"], "number");
}

#[test]
fn sentences_jsonl_marks_residue_and_keeps_prose() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "artikel.txt", ARTICLE.as_bytes());
    let sentences = json_lines(&kroniek(&["sentences", path.to_str().unwrap(), "--jsonl"]));
    let by_text = |text: &str| {
        sentences
            .iter()
            .find(|s| s["text"] == text)
            .unwrap_or_else(|| panic!("no sentence {text:?} in {sentences:#?}"))
    };
    for sentence in &sentences {
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[start..end], sentence["text"].as_str().unwrap());
    }
    assert_eq!(by_text("date 2024-09")["residue_kind"], "timestamp");
    assert_eq!(
        by_text("Gemeente Veldhoven opent nieuwe brug")["heading"],
        true
    );
    assert_eq!(by_text("Door Karel Klap")["residue_kind"], "byline");
    assert_eq!(
        by_text("Volledig scherm De nieuwe brug bij avond.")["residue_kind"],
        "caption"
    );
    assert_eq!(by_text("© Fotobureau Zuid")["residue_kind"], "credit");
    let pull_quote = "Quote We bouwen voor iedereen in de hele regio Anna Smit, wethouder";
    let pull_quote_start = ARTICLE.find(pull_quote).unwrap();
    let inside = |s: &&Value| {
        (pull_quote_start..pull_quote_start + pull_quote.len())
            .contains(&(s["start"].as_u64().unwrap() as usize))
    };
    let kinds: Vec<&Value> = sentences
        .iter()
        .filter(inside)
        .map(|s| &s["residue_kind"])
        .collect();
    assert!(
        !kinds.is_empty() && kinds.iter().all(|kind| *kind == "pull_quote"),
        "{kinds:?}"
    );
    assert_eq!(by_text("Lees meer...")["residue_kind"], "read_more");
    for prose in [
        "De wethouder opende woensdag o.a. de brug over de Aa.",
        ",,Dit is zo’n mooie dag.''",
        "Daarna volgde een feest.",
        ",,We bouwen voor iedereen in de hele regio.''",
        "De bouw kostte 1,5 miljoen euro.",
    ] {
        assert_eq!(by_text(prose)["residue"], false, "{prose} is article prose");
    }
}

#[test]
fn readable_views_show_headings_and_residue() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "artikel.txt", ARTICLE.as_bytes());
    let output = kroniek(&["sentences", path.to_str().unwrap()]);
    let view = String::from_utf8(output.stdout).unwrap();
    assert!(
        view.lines()
            .any(|l| l.contains("heading") && l.contains("Gemeente Veldhoven opent nieuwe brug")),
        "{view}"
    );
    assert!(
        view.lines()
            .any(|l| l.contains("residue:credit") && l.contains("© Fotobureau Zuid")),
        "{view}"
    );
    let output = kroniek(&["tokens", path.to_str().unwrap()]);
    let view = String::from_utf8(output.stdout).unwrap();
    assert!(
        view.lines()
            .any(|l| l.contains("quote") && l.trim_end().ends_with(",,")),
        "{view}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "latin1.txt", b"caf\xe9 open");
    let output = kroniek(&["tokens", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("latin1.txt") && message.contains("offset 3") && message.contains("iconv"),
        "{message}"
    );
}

#[test]
fn eval_tokens_on_alpino_dev_meets_the_target() {
    let file = ud_dir().join("UD_Dutch-Alpino/nl_alpino-ud-dev.conllu");
    let scores = json_lines(&kroniek(&[
        "eval",
        "tokens",
        file.to_str().unwrap(),
        "--json",
    ]));
    let f1 = scores[0]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.995, "token F1 on Alpino dev fell to {f1}");
}

#[test]
fn eval_sentences_on_alpino_dev_meets_the_target() {
    let file = ud_dir().join("UD_Dutch-Alpino/nl_alpino-ud-dev.conllu");
    let scores = json_lines(&kroniek(&[
        "eval",
        "sentences",
        file.to_str().unwrap(),
        "--json",
    ]));
    let boundaries = scores
        .iter()
        .find(|s| s["measure"] == "boundaries")
        .unwrap();
    let f1 = boundaries["f1"].as_f64().unwrap();
    assert!(
        f1 >= 0.98,
        "sentence boundary F1 on Alpino dev fell to {f1}"
    );
}

#[test]
fn bench_text_reports_speed_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "artikel.txt", ARTICLE.repeat(20).as_bytes());
    let lines = json_lines(&kroniek(&[
        "bench",
        "text",
        path.to_str().unwrap(),
        "--repeat",
        "2",
        "--json",
    ]));
    let total = lines
        .iter()
        .find(|l| l["layer"] == "tokenize+split+residue")
        .expect("a total line");
    assert!(total["tokens_per_second"].as_f64().unwrap() > 0.0);
    let summary = lines.last().unwrap();
    assert!(summary["tokens"].as_u64().unwrap() > 500);
}

/// The residue kinds `kroniek sentences` marks in one of the shared sample articles.
fn sample_residue_kinds(name: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/samples");
    assert!(dir.is_dir(), "shared samples missing: expected them at {}", dir.display());
    let path = dir.join(name);
    let sentences = json_lines(&kroniek(&["sentences", path.to_str().unwrap(), "--jsonl"]));
    sentences
        .iter()
        .filter(|s| s["residue"] == true)
        .map(|s| s["residue_kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn sample_articles_have_exactly_their_page_residue_marked() {
    assert_eq!(sample_residue_kinds("000_b0fab361cfa2a5f6.txt"), ["read_more", "read_more"]);
    assert_eq!(
        sample_residue_kinds("001_1a0a6596d60781e4.txt"),
        ["timestamp", "pull_quote", "pull_quote", "pull_quote", "caption", "credit"]
    );
    assert!(sample_residue_kinds("002_505c45dbdfa6de69.txt").is_empty());
}

#[test]
fn eval_tokens_on_lassysmall_dev_stays_high() {
    let file = ud_dir().join("UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu");
    let scores = json_lines(&kroniek(&["eval", "tokens", file.to_str().unwrap(), "--json"]));
    let f1 = scores[0]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.99, "token F1 on LassySmall dev fell to {f1}");
}
