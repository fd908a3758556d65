//! `kroniek train ner`, `eval ner` and `bench ner` run as a user runs them: the real binary, real
//! CoNLL files from ../shared/data (which must be present), and small files written here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_conll(name: &str) -> PathBuf {
    let path = repo_root().join("../shared/data/conll2002").join(name);
    assert!(path.exists(), "{} is missing: the NER tests need ../shared/data next to the repository", path.display());
    path
}

fn kroniek(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_kroniek")).args(args).current_dir(repo_root()).output().expect("run kroniek");
    output
}

fn stdout_of(output: &Output) -> String {
    assert!(output.status.success(), "kroniek failed: {}\n{}", String::from_utf8_lossy(&output.stderr), String::from_utf8_lossy(&output.stdout));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A small CoNLL file of our own (fictional people and places), `word POS tag` per line.
const OWN_CONLL: &str = "-DOCSTART- -DOCSTART- O
Marieke N B-PER
Dalhuizen N I-PER
opende V O
in Prep O
Kampen N B-LOC
een Art O
bakkerij N O
. Punc O

Dalhuizen N B-PER
werkt V O
samen Adv O
met Prep O
Brakko N B-ORG
. Punc O
";

/// Gazetteer lists of a handful of entries, so training in a debug build stays quick.
fn tiny_lexicons(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (file, entries) in [
        ("first-names.txt", "marieke\njoris\n"),
        ("surnames.txt", "dalhuizen\n"),
        ("name-particles.txt", "van\nde\n"),
        ("countries.txt", "belgië\nnederland\n"),
        ("places.txt", "kampen\nantwerpen\n"),
        ("proper-words.txt", "kampen\n"),
        ("lower-words.txt", "bakkerij\nopende\n"),
        ("common-words.txt", "de\nhet\n"),
        ("roles.txt", "minister\n"),
    ] {
        std::fs::write(dir.join(file), entries).unwrap();
    }
}

#[test]
fn trains_a_tiny_model_deterministically_and_evaluates_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let lexicons = dir.path().join("lexicons");
    tiny_lexicons(&lexicons);
    let train = shared_conll("ned.train");
    let model_a = dir.path().join("a.bin");
    let model_b = dir.path().join("b.bin");
    for model in [&model_a, &model_b] {
        let output = kroniek(&[
            "train", "ner", "--train", train.to_str().unwrap(), "--dev", "none", "--limit", "300", "--epochs", "2",
            "--ensemble", "1", "--stages", "2", "--hash-bits", "14", "--seed", "3", "--cluster-text", "none",
            "--lexicons", lexicons.to_str().unwrap(), "--out", model.to_str().unwrap(),
        ]);
        stdout_of(&output);
    }
    assert_eq!(std::fs::read(&model_a).unwrap(), std::fs::read(&model_b).unwrap(), "same seed and data must give the same model");

    let conll = dir.path().join("own.conll");
    std::fs::write(&conll, OWN_CONLL).unwrap();
    let predictions = dir.path().join("own.pred");
    let out = stdout_of(&kroniek(&[
        "eval", "ner", "--conll", conll.to_str().unwrap(), "--model", model_a.to_str().unwrap(), "--out", predictions.to_str().unwrap(),
    ]));
    assert!(out.contains("precision") && out.contains("recall") && out.contains("F1"), "{out}");
    let overall = out.lines().find(|l| l.starts_with("overall")).expect("an overall line");
    assert_eq!(overall.split_whitespace().nth(4), Some("4"), "4 gold entities: {overall}");

    let written = std::fs::read_to_string(&predictions).unwrap();
    assert_eq!(written.lines().count(), OWN_CONLL.lines().count());
    for (mine, theirs) in OWN_CONLL.lines().zip(written.lines()) {
        if mine.is_empty() || mine.starts_with("-DOCSTART-") {
            assert_eq!(mine, theirs);
        } else {
            let tag = theirs.strip_prefix(mine).expect("the line is kept").trim();
            assert!(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"].contains(&tag), "{theirs}");
        }
    }
}

#[test]
fn committed_model_scores_well_on_a_slice_of_testa() {
    let testa = shared_conll("ned.testa");
    let out = stdout_of(&kroniek(&["eval", "ner", "--conll", testa.to_str().unwrap(), "--documents", "12", "--json"]));
    let json: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON scores");
    let f1 = json["overall"]["f1"].as_f64().unwrap();
    assert!(json["tokens"].as_u64().unwrap() > 3000, "{json}");
    assert!(f1 > 0.70, "F1 {f1} on the first 12 documents of ned.testa is below the floor: {json}");
    assert!(json["types"]["PER"]["gold"].as_u64().unwrap() > 0);
}

#[test]
fn prints_resolved_entities_of_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("artikel.txt");
    std::fs::write(
        &article,
        "Bakkers in Kampen protesteren tegen nieuwe regels\n\n\
         De Zweedse minister Hedda Lindqvist bezocht dinsdag een bakkerij in Kampen. \
         Lindqvist sprak daar met eigenaar Marieke Dalhuizen over de stijgende graanprijzen. \
         Volgens Dalhuizen kan het bedrijf de kosten niet langer dragen.\n",
    )
    .unwrap();
    let out = stdout_of(&kroniek(&["eval", "ner", "--text", article.to_str().unwrap()]));
    let person = out.lines().find(|l| l.starts_with("PER") && l.contains("Hedda Lindqvist")).unwrap_or_else(|| panic!("{out}"));
    assert!(person.contains("2x") && person.contains("aliases: Lindqvist") && person.contains("De Zweedse minister"), "{person}");
    assert!(out.contains("Marieke Dalhuizen"), "{out}");
    assert!(out.contains("gentilic Zweedse") && out.contains("Zweden"), "{out}");
}

#[test]
fn bench_reports_speed_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let conll = dir.path().join("own.conll");
    std::fs::write(&conll, OWN_CONLL).unwrap();
    let out = stdout_of(&kroniek(&["bench", "ner", "--conll", conll.to_str().unwrap(), "--repeat", "2", "--json"]));
    let json: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(json["tokens"].as_u64(), Some(28));
    assert!(json["tokens_per_second"].as_f64().unwrap() > 0.0);
    assert!(json["model_load_ms"].as_f64().unwrap() < 2000.0);
}

#[test]
fn a_missing_file_is_named_in_the_error() {
    let output = kroniek(&["eval", "ner", "--conll", "geen/bestand.conll"]);
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("geen/bestand.conll"), "{err}");
}
