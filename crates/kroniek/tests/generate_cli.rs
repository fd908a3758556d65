//! `kroniek generate` through the real binary: deterministic output, the promised fields and
//! shapes, and a corpus that `kroniek ingest` and `kroniek bench search` accept.

use std::path::Path;
use std::process::Command;

fn kroniek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kroniek"))
}

fn generate(out: &Path, articles: u64, seed: u64, per_file: u64) {
    let status = kroniek()
        .args(["generate", "--articles", &articles.to_string(), "--seed", &seed.to_string(), "--per-file", &per_file.to_string(), "--out"])
        .arg(out)
        .status()
        .expect("run kroniek generate");
    assert!(status.success(), "kroniek generate failed: {status}");
}

/// All files of a generated folder, concatenated in name order.
fn folder_bytes(dir: &Path) -> Vec<u8> {
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names.iter().flat_map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn same_seed_gives_byte_identical_files_and_another_seed_does_not() {
    let temp = tempfile::tempdir().unwrap();
    let (first, second, other) = (temp.path().join("a"), temp.path().join("b"), temp.path().join("c"));
    generate(&first, 25, 42, 10);
    generate(&second, 25, 42, 10);
    generate(&other, 25, 43, 10);
    let names: Vec<_> = std::fs::read_dir(&first).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names.len(), 3, "25 articles at 10 per file make 3 files: {names:?}");
    assert_eq!(folder_bytes(&first), folder_bytes(&second));
    assert_ne!(folder_bytes(&first), folder_bytes(&other));
}

#[test]
fn articles_have_the_promised_fields_and_shape() {
    let temp = tempfile::tempdir().unwrap();
    generate(temp.path(), 30, 7, 1000);
    let text = String::from_utf8(folder_bytes(temp.path())).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 30);
    let mut ids = std::collections::BTreeSet::new();
    for line in lines {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        let date = article["date"].as_str().unwrap();
        assert!(("2021-01-01"..="2025-12-31").contains(&date) && date.len() == 10, "date {date}");
        let body = article["text"].as_str().unwrap();
        let words = body.split_whitespace().count();
        assert!((400..=1000).contains(&words), "{words} words");
        assert!(body.contains("\n\n"));
        assert!(!article["title"].as_str().unwrap().is_empty());
        assert!(!article["source"].as_str().unwrap().is_empty());
        assert!(ids.insert(article["id"].as_str().unwrap().to_string()), "duplicate id");
    }
}

#[test]
fn a_generated_corpus_ingests_and_bench_search_reports_every_kind() {
    let temp = tempfile::tempdir().unwrap();
    let input = temp.path().join("in");
    let corpus = temp.path().join("corpus");
    generate(&input, 40, 3, 20);
    let ingest = kroniek().args(["--quiet", "ingest", "--no-annotate", "--json", "--corpus"]).arg(&corpus).arg(&input).output().unwrap();
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&ingest.stdout).unwrap();
    assert_eq!(summary["stored"], 40);
    let queries = temp.path().join("queries.tsv");
    std::fs::write(&queries, "term\tkabinet\nand\tkabinet AND gemeente\n# a comment\n\nphrase\t\"de gemeente\"\nprefix\tgemeente*\ndate\tkabinet date:2021..2023\n").unwrap();
    let bench = kroniek()
        .args(["bench", "search", "--runs", "3", "--json", "--corpus"])
        .arg(&corpus)
        .arg("--queries")
        .arg(&queries)
        .output()
        .unwrap();
    assert!(bench.status.success(), "{}", String::from_utf8_lossy(&bench.stderr));
    let report: serde_json::Value = serde_json::from_slice(&bench.stdout).unwrap();
    let kinds: Vec<&str> = report["kinds"].as_array().unwrap().iter().map(|k| k["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["term", "and", "phrase", "prefix", "date"]);
    for kind in report["kinds"].as_array().unwrap() {
        assert!(kind["median_ms"].as_f64().unwrap() >= 0.0);
        assert!(kind["p95_ms"].as_f64().unwrap() >= kind["median_ms"].as_f64().unwrap());
        assert_eq!(kind["runs"], 3);
    }
    let term_hits = report["queries"][0]["hits"].as_u64().unwrap();
    assert!(term_hits > 0 && term_hits <= 40, "kabinet matched {term_hits} of 40");

    // Counting alone gives the same hit counts as the full search.
    let counted = Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .args(["bench", "search", "--runs", "2", "--count-only", "--json", "--corpus"])
        .arg(&corpus)
        .arg("--queries")
        .arg(&queries)
        .output()
        .unwrap();
    assert!(counted.status.success(), "{}", String::from_utf8_lossy(&counted.stderr));
    let counted: serde_json::Value = serde_json::from_slice(&counted.stdout).unwrap();
    for (full, count) in report["queries"].as_array().unwrap().iter().zip(counted["queries"].as_array().unwrap()) {
        assert_eq!(full["hits"], count["hits"], "{}", full["query"]);
    }
}
