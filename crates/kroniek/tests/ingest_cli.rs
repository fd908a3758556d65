//! End-to-end tests of ingest, search, show, stats, duplicates and reindex, running the real
//! binary on the demo corpus and on bad input made here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kroniek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kroniek"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const DEMO_MAP: &str = "text=body,title=headline,date=published,source=outlet";

fn run(command: &mut Command) -> Output {
    let output = command.output().expect("kroniek runs");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn ingest(corpus: &Path, inputs: &[&Path]) -> Output {
    ingest_with_map(corpus, inputs, Some(DEMO_MAP))
}

fn ingest_with_map(corpus: &Path, inputs: &[&Path], map: Option<&str>) -> Output {
    let mut command = kroniek();
    command.arg("ingest").args(inputs).arg("--corpus").arg(corpus).args(["--quiet", "--json"]);
    if let Some(map) = map {
        command.args(["--map", map]);
    }
    run(&mut command)
}

fn summary(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("summary JSON: {e}\n{}\n{}", stdout(output), stderr(output)))
}

fn search_json(corpus: &Path, query: &str) -> Vec<serde_json::Value> {
    let output = run(kroniek().args(["search", query, "--json", "--limit", "50", "--corpus"]).arg(corpus));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("search JSON for {query}: {e}\n{}", stderr(&output)))
}

#[test]
fn demo_corpus_ingests_searches_and_reingests_without_change() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let demo = repo_root().join("demo/corpus");
    let first = ingest(&corpus, &[&demo]);
    assert!(first.status.success(), "{}", stderr(&first));
    let s = summary(&first);
    assert!(s["stored"].as_u64().unwrap() >= 40, "{s}");
    assert_eq!(s["duplicates"], 2, "two exact copies in the demo corpus: {s}");
    assert!(s["near_duplicates"].as_u64().unwrap() >= 2, "{s}");
    assert_eq!(s["skipped"], 0);

    let hits = search_json(&corpus, "albatros* AND date:2023-01..2024-12");
    assert!(!hits.is_empty());
    for hit in &hits {
        for field in ["id", "doc", "title", "date", "score", "snippet"] {
            assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
        }
        let date = hit["date"].as_str().unwrap();
        assert!(("2023".."2025").contains(&&date[..4]), "date {date} outside the range");
    }
    // Accents are folded: Korvatie finds Korvatië; stemming: raket finds raketten.
    assert!(!search_json(&corpus, "Korvatie").is_empty());
    let stemmed = search_json(&corpus, "raket");
    assert!(stemmed.iter().any(|h| h["snippet"].as_str().unwrap().to_lowercase().contains("raketten")));
    // NOT removes; a phrase is stricter than its words.
    let with = search_json(&corpus, "raket").len();
    let without = search_json(&corpus, "raket AND NOT albatros").len();
    assert!(without < with);
    assert!(search_json(&corpus, "\"raket albatros zeewolde\"").is_empty());

    let id = hits[0]["id"].as_str().unwrap();
    let show = run(kroniek().args(["show", id, "--corpus"]).arg(&corpus));
    assert!(show.status.success());
    assert!(stdout(&show).contains(hits[0]["title"].as_str().unwrap()));

    let stats = run(kroniek().args(["stats", "--json", "--corpus"]).arg(&corpus));
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let languages: Vec<&str> = stats["languages"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap()).collect();
    assert!(languages.contains(&"nld") && languages.contains(&"eng") && languages.contains(&"deu"), "{languages:?}");
    let articles = stats["articles"].as_i64().unwrap();

    let again = ingest(&corpus, &[&demo]);
    assert!(again.status.success());
    assert_eq!(summary(&again)["stored"], 0, "re-ingest stores nothing new");
    let stats_again = run(kroniek().args(["stats", "--json", "--corpus"]).arg(&corpus));
    let stats_again: serde_json::Value = serde_json::from_slice(&stats_again.stdout).unwrap();
    assert_eq!(stats_again["articles"].as_i64().unwrap(), articles);

    let groups = run(kroniek().args(["duplicates", "--json", "--corpus"]).arg(&corpus));
    let groups: serde_json::Value = serde_json::from_slice(&groups.stdout).unwrap();
    assert!(groups.as_array().unwrap().len() >= 4, "{groups}");

    let reindex = run(kroniek().args(["reindex", "--quiet", "--corpus"]).arg(&corpus));
    assert!(reindex.status.success(), "{}", stderr(&reindex));
    assert_eq!(search_json(&corpus, "albatros* AND date:2023-01..2024-12").len(), hits.len());
}

#[test]
fn a_query_error_names_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Kop\n\nDe raad vergaderde over de begroting van de gemeente.").unwrap();
    assert!(ingest(&corpus, &[&input]).status.success());
    let output = run(kroniek().args(["search", "(raad OR", "--corpus"]).arg(&corpus));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("position"), "{}", stderr(&output));
    let missing = run(kroniek().args(["search", "raad", "--corpus"]).arg(dir.path().join("none")));
    assert!(stderr(&missing).contains("kroniek ingest"), "{}", stderr(&missing));
    // Output into a pipe that is already closed (`kroniek search raad | head -0`): no panic.
    let mut child = kroniek()
        .args(["search", "raad", "--corpus"])
        .arg(&corpus)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let closed = child.wait_with_output().unwrap();
    assert!(!stderr(&closed).contains("panicked"), "{}", stderr(&closed));
}

/// Writes one file of each kind of bad input next to good ones.
fn write_bad_inputs(dir: &Path) {
    let good = "Kop van het stuk\n\nDe gemeenteraad van Zeewolde vergaderde dinsdag over de dijken. Wethouder Marit Koster zei dat de plannen klaar zijn.";
    std::fs::write(dir.join("goed.txt"), good).unwrap();
    std::fs::write(dir.join("plaatje.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Oekra\xefne\n\nDe minister sprak over Oekra\xefne en het \x93debat\x94 in de Kamer.").unwrap();
    std::fs::write(dir.join("leeg.txt"), b"").unwrap();
    let mut broken = b"Kop\n\nEerste regel is goed.\nTweede regel heeft een fout \xff hier.\n".to_vec();
    broken.extend_from_slice("Derde regel met één accent.".as_bytes());
    std::fs::write(dir.join("kapot.txt"), broken).unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\": \"j1\", \"text\": \"Het waterschap besloot de dijk te verhogen.\"}\n{dit is geen json\n{\"id\": \"j3\", \"text\": \"De provincie betaalt mee aan het plan.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("export.csv"), "id,body,published\nc1,\"De raad stemde in.\",2021-02-03\nc2,\"Geen datum kolom\"\nc3,\"De burgemeester tekende.\",2021-02-05\n").unwrap();
    let mut large = std::fs::File::create(dir.join("groot.txt")).unwrap();
    let line = "Dit is een heel lange regel tekst die steeds herhaald wordt om een groot bestand te maken.\n".repeat(1000);
    for _ in 0..(200 * 1024 * 1024 / line.len() + 1) {
        large.write_all(line.as_bytes()).unwrap();
    }
}

#[test]
fn bad_input_is_reported_per_file_and_line_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    write_bad_inputs(&inputs);
    let corpus = dir.path().join("corpus");
    let output = ingest_with_map(&corpus, &[&inputs], Some("text=body,date=published"));
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "something was skipped: exit 1\n{err}");
    let line_about = |name: &str| err.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no line about {name}:\n{err}")).to_string();
    assert!(line_about("plaatje.txt").contains("binary"));
    assert!(line_about("latin1.txt").contains("Windows-1252"));
    assert!(line_about("leeg.txt").contains("empty"));
    assert!(line_about("kapot.txt").contains("kapot.txt:4") && line_about("kapot.txt").contains("invalid UTF-8"));
    assert!(line_about("feed.jsonl").contains("feed.jsonl:2") && line_about("feed.jsonl").contains("not valid JSON"));
    assert!(line_about("export.csv").contains("export.csv:3") && line_about("export.csv").contains("missing"));
    assert!(line_about("groot.txt").contains("larger than"));
    let s = summary(&output);
    // goed, latin1, kapot, two JSONL lines, two CSV rows.
    assert_eq!(s["stored"], 7, "{s}\n{err}");
    assert_eq!(s["skipped"], 5, "{s}\n{err}");
    // The converted Latin-1 text is searchable with and without its accent.
    assert_eq!(search_json(&corpus, "Oekraïne").len(), 1);
    assert_eq!(search_json(&corpus, "debat").len(), 1);
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    let locked = inputs.join("geheim");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(inputs.join("open.txt"), "Kop\n\nDe raad vergaderde over de nieuwe brug in de stad.").unwrap();
    std::fs::write(locked.join("dicht.txt"), "Kop\n\nDit stuk is niet te lezen voor de gebruiker.").unwrap();
    use std::os::unix::fs::PermissionsExt;
    for path in [dir.path(), inputs.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let corpus = dir.path().join("corpus");
    // Root reads every folder; run as an ordinary user where we are root.
    let is_root = unsafe_getuid() == 0;
    let mut command = if is_root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_kroniek")]);
        c
    } else {
        kroniek()
    };
    command.arg("ingest").arg(&inputs).arg("--corpus").arg(&corpus).args(["--quiet", "--json"]);
    let output = run(&mut command);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("geheim") && err.contains("cannot read folder"), "{err}");
    assert_eq!(summary(&output)["stored"], 1);
}

/// The real user id, read from /proc so no libc binding is needed.
fn unsafe_getuid() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|uid| uid.parse().ok())
        .unwrap_or(1000)
}

/// Writes a JSONL feed of `total` small articles.
fn write_feed(path: &Path, total: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..total {
        writeln!(
            file,
            "{{\"id\": \"a{i}\", \"date\": \"2022-01-{:02}\", \"text\": \"Bericht {i}. De raad van gemeente {i} besprak plan {} voor de haven van stad {}. Wethouder Jansen{i} zei dat het plan {i} klaar is.\"}}",
            i % 28 + 1,
            i * 7,
            i * 13
        )
        .unwrap();
    }
}

fn article_count(corpus: &Path) -> i64 {
    let stats = run(kroniek().args(["stats", "--json", "--corpus"]).arg(corpus));
    serde_json::from_slice::<serde_json::Value>(&stats.stdout).ok().and_then(|v| v["articles"].as_i64()).unwrap_or(0)
}

/// Starts an ingest of `feed`, waits until a first batch is committed, then sends `signal`.
fn interrupt_ingest(feed: &Path, corpus: &Path, signal: &str) -> std::process::Output {
    let child = kroniek()
        .arg("ingest").arg(feed).arg("--corpus").arg(corpus).args(["--quiet", "--batch-size", "200"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while article_count(corpus) == 0 && started.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = Command::new("kill").args([signal, &child.id().to_string()]).status();
    child.wait_with_output().unwrap()
}

fn assert_resumes_to(corpus: &Path, feed: &Path, total: i64) {
    let rerun = ingest(corpus, &[feed]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(article_count(corpus), total, "every article stored exactly once");
    // Everything is searchable after the resume, including what the stopped run committed.
    let counted = run(kroniek().args(["search", "haven", "--corpus"]).arg(corpus));
    assert!(stdout(&counted).starts_with(&format!("{total} articles match")), "{}", stdout(&counted));
}

#[test]
fn killed_ingest_loses_nothing_committed_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    write_feed(&feed, 6000);
    let corpus = dir.path().join("corpus");
    interrupt_ingest(&feed, &corpus, "-KILL");
    assert_resumes_to(&corpus, &feed, 6000);
}

#[test]
fn ctrl_c_stops_after_a_batch_says_so_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    write_feed(&feed, 12000);
    let corpus = dir.path().join("corpus");
    let output = interrupt_ingest(&feed, &corpus, "-INT");
    assert_eq!(output.status.code(), Some(1), "stopped early: exit 1\n{}", stderr(&output));
    assert!(stdout(&output).contains("interrupted"), "{}", stdout(&output));
    assert!(article_count(&corpus) < 12000);
    assert_resumes_to(&corpus, &feed, 12000);
}

#[test]
fn entities_are_resolved_across_the_corpus_and_a_knowledge_base_fixes_names() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let demo = repo_root().join("demo/corpus/txt");
    assert!(ingest(&corpus, &[&demo]).status.success());
    let output = run(kroniek().args(["entities", "--type", "PER", "--jsonl", "--limit", "0", "--corpus"]).arg(&corpus));
    assert!(output.status.success(), "{}", stderr(&output));
    let entities: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!entities.is_empty());
    for e in &entities {
        assert_eq!(e["type"], "PER");
        for field in ["name", "aliases", "mentions"] {
            assert!(e.get(field).is_some(), "{e}");
        }
    }
    // Every article that names Solheim is found by person:, whatever form it used.
    let by_person = search_json(&corpus, "person:Solheim").len();
    let by_word = search_json(&corpus, "Solheim").len();
    assert!(by_person >= by_word.saturating_sub(1) && by_person > 0, "person: {by_person}, word: {by_word}");

    let kb = dir.path().join("kb.jsonl");
    std::fs::write(&kb, "{\"id\": \"X1\", \"name\": \"Margit Anna Solheim\", \"type\": \"PER\", \"aliases\": [\"Margit Solheim\", \"Alliantiechef Solheim\", \"M. Solheim\"]}\n").unwrap();
    let output = run(kroniek().args(["entities", "--type", "PER", "--jsonl", "--limit", "0", "--kb"]).arg(&kb).arg("--corpus").arg(&corpus));
    assert!(output.status.success(), "{}", stderr(&output));
    let solheim: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["name"].as_str().unwrap().contains("Solheim"))
        .collect();
    assert_eq!(solheim.len(), 1, "one Solheim after resolution: {solheim:?}");
    assert_eq!(solheim[0]["id"], "X1");
    assert!(solheim[0]["mentions"].as_i64().unwrap() >= 5);
    assert!(!search_json(&corpus, "person:\"Margit Solheim\"").is_empty());
    // Statements carry the canonical name once resolved, and are found by it.
    let output = run(kroniek().args(["statements", "--speaker", "Anna", "--jsonl", "--corpus"]).arg(&corpus));
    assert!(output.status.success(), "{}", stderr(&output));
    let statements: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!statements.is_empty(), "Solheim speaks in the demo corpus");
    assert!(statements.iter().all(|s| s["speaker"] == "Margit Anna Solheim"), "{statements:?}");
}
