//! `kroniek generate`: a deterministic synthetic corpus of Dutch-like news articles for benchmarks.
//!
//! Every article is built from word lists and sentence templates in this file: Dutch function
//! words, nouns (and thousands of compounds of them), verbs, adjectives, invented people,
//! organisations and places, dates, and direct quotes in several Dutch styles with attribution
//! (`, zei X.`, `aldus X`, `volgens X`, `X: "..."`). Content words are drawn with Zipf-like
//! frequencies so that postings lists look like those of a real news corpus. No real text is
//! copied. Each article's random stream depends only on the seed and the article's number, so
//! the output is byte-identical for the same seed and `--per-file`, and files are written in
//! parallel.

use anyhow::{bail, Context};
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

/// Arguments of `kroniek generate`.
#[derive(Args)]
pub struct GenerateArgs {
    /// How many articles to write.
    #[arg(long)]
    pub articles: u64,
    /// Output folder (created; files articles-00000.jsonl, ... are overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Seed of the random stream: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Articles per JSONL file.
    #[arg(long, default_value_t = 1000)]
    pub per_file: u64,
}

/// Runs `kroniek generate`: writes the files and prints what was written.
pub fn run(args: GenerateArgs) -> anyhow::Result<ExitCode> {
    if args.per_file == 0 {
        bail!("--per-file must be at least 1");
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("create output folder {}", args.out.display()))?;
    let started = Instant::now();
    let files = args.articles.div_ceil(args.per_file);
    let bytes: u64 = (0..files)
        .into_par_iter()
        .map(|file| {
            let first = file * args.per_file;
            let last = (first + args.per_file).min(args.articles);
            let path = args.out.join(format!("articles-{file:05}.jsonl"));
            write_file(&path, args.seed, first..last)
        })
        .collect::<anyhow::Result<Vec<u64>>>()?
        .into_iter()
        .sum();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "wrote {} articles in {files} files under {} ({:.1} MB) in {seconds:.1} s",
        args.articles,
        args.out.display(),
        bytes as f64 / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes articles `range` as JSON lines to `path`; returns the bytes written.
fn write_file(path: &Path, seed: u64, range: std::ops::Range<u64>) -> anyhow::Result<u64> {
    let file = File::create(path).with_context(|| format!("create {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut bytes = 0u64;
    for number in range {
        let article = generate_article(seed, number);
        let mut line = serde_json::to_vec(&article)?;
        line.push(b'\n');
        out.write_all(&line).with_context(|| format!("write {}", path.display()))?;
        bytes += line.len() as u64;
    }
    out.flush().with_context(|| format!("write {}", path.display()))?;
    Ok(bytes)
}

/// One synthetic article, serialised with its fields in this order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SyntheticArticle {
    pub id: String,
    pub title: String,
    /// YYYY-MM-DD between 2021-01-01 and 2025-12-31.
    pub date: String,
    pub source: String,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

/// Builds article `number` of the corpus with `seed`; depends on nothing else.
pub fn generate_article(seed: u64, number: u64) -> SyntheticArticle {
    let mut rng = Rng::new(seed ^ number.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17));
    let vocab = vocabulary();
    let mut writer = ArticleWriter::new(&mut rng, vocab);
    let date_day = writer.rng.below(DAYS_2021_TO_2025);
    let (year, month, day) = civil_from_days(DAY_2021_01_01 + date_day as i64);
    writer.year = year;
    let source = SOURCES[writer.rng.zipf_small(SOURCES.len())].to_string();
    let text = writer.body();
    let title = writer.title();
    SyntheticArticle { id: format!("synth-{seed}-{number:08}"), title, date: format!("{year:04}-{month:02}-{day:02}"), source, text }
}

// ---------------------------------------------------------------------------------------------
// Random numbers: SplitMix64, small, fast and the same on every platform.

/// A deterministic random stream.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// An index in `0..n` drawn with weights 1/(rank+1), for short lists.
    fn zipf_small(&mut self, n: usize) -> usize {
        let total: f64 = (1..=n).map(|r| 1.0 / r as f64).sum();
        let mut target = self.unit() * total;
        for rank in 0..n {
            target -= 1.0 / (rank + 1) as f64;
            if target <= 0.0 {
                return rank;
            }
        }
        n - 1
    }

    /// An index drawn from a cumulative weight table.
    fn zipf(&mut self, table: &ZipfTable) -> usize {
        let target = self.unit() * table.total;
        table.cumulative.partition_point(|&c| c <= target).min(table.cumulative.len() - 1)
    }
}

/// Cumulative Zipf weights 1/(rank+1)^exponent over a ranked list.
struct ZipfTable {
    cumulative: Vec<f64>,
    total: f64,
}

impl ZipfTable {
    fn new(len: usize, exponent: f64) -> Self {
        let mut cumulative = Vec::with_capacity(len);
        let mut total = 0.0;
        for rank in 0..len {
            total += 1.0 / ((rank + 1) as f64).powf(exponent);
            cumulative.push(total);
        }
        ZipfTable { cumulative, total }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates.

const DAY_2021_01_01: i64 = 18_628;
const DAYS_2021_TO_2025: u64 = 1826;

/// (year, month, day) of a day number counted from 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

// ---------------------------------------------------------------------------------------------
// Word lists. All names of people, organisations, places and outlets are invented.

/// Fictional outlets.
const SOURCES: [&str; 7] =
    ["Polderpost", "De Kroniekbode", "Het Veenblad", "Dagblad Zuiderlicht", "Rivierstad Courant", "Nieuwsbrug", "De Dijkwachter"];

/// Nouns in rough order of how common they are in news; `!` marks a het-word, `|` gives the plural.
const BASE_NOUNS: &[&str] = &[
    "!jaar|jaren", "!kabinet", "gemeente", "minister", "regering", "week", "!plan|plannen", "!geld", "maand", "partij",
    "!land", "stad|steden", "!bedrijf|bedrijven", "politie", "!onderzoek", "dag", "euro", "kamer", "wet", "provincie",
    "begroting", "!rapport", "raad", "!besluit", "burgemeester", "woordvoerder", "!probleem|problemen", "school", "zorg", "!ziekenhuis|ziekenhuizen",
    "rechter", "zaak", "!huis|huizen", "woning", "economie", "!water", "weg", "grens", "leger", "oorlog",
    "verkiezing", "!debat|debatten", "!akkoord", "!voorstel", "!advies|adviezen", "tekort", "belasting", "subsidie", "prijs|prijzen", "energie",
    "!gas", "stroom", "haven", "trein", "station", "!vervoer", "boer", "natuur", "!klimaat", "dijk",
    "rivier", "brug|bruggen", "!project", "!bestuur|besturen", "directeur", "medewerker", "werknemer", "!personeel", "vakbond", "staking",
    "!loon|lonen", "pensioen", "!contract", "!onderwijs", "leraar|leraren", "student", "universiteit", "hoogleraar|hoogleraren", "!museum|musea", "!festival",
    "wedstrijd", "club|clubs", "trainer", "speler", "!doelpunt", "seizoen", "politicus|politici", "fractie", "motie", "!kamerlid|kamerleden",
    "wethouder", "raadslid|raadsleden", "inwoner", "buurt", "wijk", "straat", "!centrum|centra", "winkel", "markt", "ondernemer",
    "bank|banken", "rente", "schuld", "lening", "!bedrag", "investering", "fabriek", "!product", "export", "import",
    "schip|schepen", "vliegtuig", "luchthaven", "auto|auto's", "fiets", "!verkeer", "ongeluk|ongelukken", "brand", "storm", "overstroming",
    "!noodweer", "!incident", "verdachte", "arrestatie", "!proces|processen", "advocaat|advocaten", "officier", "!vonnis|vonnissen", "straf|straffen", "gevangenis",
    "veiligheid", "defensie", "!wapen", "raket|raketten", "drone", "soldaat|soldaten", "generaal|generaals", "bondgenoot|bondgenoten", "top|toppen", "!verdrag",
    "!gesprek|gesprekken", "!overleg", "!conflict", "vrede", "!bestand", "vluchteling", "opvang", "asielzoeker", "migratie", "grenscontrole",
    "gezondheid", "arts|artsen", "patiënt", "!vaccin", "ziekte|ziekten", "huisarts|huisartsen", "wachtlijst", "!medicijn", "apotheek|apotheken", "verpleegkundige",
    "!internet", "!netwerk", "storing", "!systeem|systemen", "computer", "software", "!datalek|datalekken", "privacy", "toezichthouder", "boete",
    "!landbouw", "stikstof", "veehouder", "melk", "graan|granen", "oogst", "droogte", "regen", "!weer", "temperatuur",
    "cultuur", "kunstenaar", "!theater", "voorstelling", "film|films", "boek|boeken", "schrijver", "muziek", "!concert", "orkest",
    "kerk|kerken", "!dorp", "!eiland", "kust", "strand", "bos|bossen", "!park", "tuin", "boom|bomen", "dier|dieren",
    "burger", "samenleving", "meerderheid", "minderheid", "oppositie", "coalitie", "premier", "president", "ambassadeur", "diplomaat|diplomaten",
    "verklaring", "persconferentie", "!interview", "brief|brieven", "vraag|vragen", "antwoord", "kritiek", "steun", "protest", "demonstratie",
    "toekomst", "!verleden", "geschiedenis", "herdenking", "!monument", "jubileum", "viering", "opening", "sluiting", "verbouwing",
    "!tekort", "overschot", "groei", "daling", "stijging", "crisis|crises", "!herstel", "hervorming", "bezuiniging", "uitgave",
    "!gebouw", "kantoor|kantoren", "fundament", "!dak|daken", "!terrein", "grond", "!perceel|percelen", "vergunning", "bouwer", "aannemer",
    "bus|bussen", "tram|trams", "metro|metro's", "!spoor", "dienstregeling", "vertraging", "reiziger", "kaartje", "!loket", "perron|perrons",
];

/// Verbs: infinitive, 3rd person singular present, past singular, participle, auxiliary (h = hebben, z = zijn).
const VERBS: &[[&str; 5]] = &[
    ["bespreken", "bespreekt", "besprak", "besproken", "h"],
    ["presenteren", "presenteert", "presenteerde", "gepresenteerd", "h"],
    ["aankondigen", "kondigt aan", "kondigde aan", "aangekondigd", "h"],
    ["goedkeuren", "keurt goed", "keurde goed", "goedgekeurd", "h"],
    ["afwijzen", "wijst af", "wees af", "afgewezen", "h"],
    ["onderzoeken", "onderzoekt", "onderzocht", "onderzocht", "h"],
    ["verhogen", "verhoogt", "verhoogde", "verhoogd", "h"],
    ["verlagen", "verlaagt", "verlaagde", "verlaagd", "h"],
    ["steunen", "steunt", "steunde", "gesteund", "h"],
    ["bekritiseren", "bekritiseert", "bekritiseerde", "bekritiseerd", "h"],
    ["publiceren", "publiceert", "publiceerde", "gepubliceerd", "h"],
    ["openen", "opent", "opende", "geopend", "h"],
    ["sluiten", "sluit", "sloot", "gesloten", "h"],
    ["bouwen", "bouwt", "bouwde", "gebouwd", "h"],
    ["verkopen", "verkoopt", "verkocht", "verkocht", "h"],
    ["kopen", "koopt", "kocht", "gekocht", "h"],
    ["betalen", "betaalt", "betaalde", "betaald", "h"],
    ["investeren in", "investeert in", "investeerde in", "geïnvesteerd in", "h"],
    ["winnen", "wint", "won", "gewonnen", "h"],
    ["verliezen", "verliest", "verloor", "verloren", "h"],
    ["ondertekenen", "ondertekent", "ondertekende", "ondertekend", "h"],
    ["herzien", "herziet", "herzag", "herzien", "h"],
    ["uitstellen", "stelt uit", "stelde uit", "uitgesteld", "h"],
    ["versterken", "versterkt", "versterkte", "versterkt", "h"],
    ["beschermen", "beschermt", "beschermde", "beschermd", "h"],
    ["controleren", "controleert", "controleerde", "gecontroleerd", "h"],
    ["verbieden", "verbiedt", "verbood", "verboden", "h"],
    ["toestaan", "staat toe", "stond toe", "toegestaan", "h"],
    ["vernieuwen", "vernieuwt", "vernieuwde", "vernieuwd", "h"],
    ["vervangen", "vervangt", "verving", "vervangen", "h"],
    ["leveren", "levert", "leverde", "geleverd", "h"],
    ["ontvangen", "ontvangt", "ontving", "ontvangen", "h"],
    ["verdedigen", "verdedigt", "verdedigde", "verdedigd", "h"],
    ["evalueren", "evalueert", "evalueerde", "geëvalueerd", "h"],
    ["voorbereiden", "bereidt voor", "bereidde voor", "voorbereid", "h"],
    ["organiseren", "organiseert", "organiseerde", "georganiseerd", "h"],
    ["financieren", "financiert", "financierde", "gefinancierd", "h"],
    ["beoordelen", "beoordeelt", "beoordeelde", "beoordeeld", "h"],
    ["onderschatten", "onderschat", "onderschatte", "onderschat", "h"],
    ["ontdekken", "ontdekt", "ontdekte", "ontdekt", "h"],
    ["bevestigen", "bevestigt", "bevestigde", "bevestigd", "h"],
    ["ontkennen", "ontkent", "ontkende", "ontkend", "h"],
    ["vragen om", "vraagt om", "vroeg om", "gevraagd om", "h"],
    ["zoeken naar", "zoekt naar", "zocht naar", "gezocht naar", "h"],
    ["wijzigen", "wijzigt", "wijzigde", "gewijzigd", "h"],
    ["schrappen", "schrapt", "schrapte", "geschrapt", "h"],
    ["uitbreiden", "breidt uit", "breidde uit", "uitgebreid", "h"],
    ["beperken", "beperkt", "beperkte", "beperkt", "h"],
    ["invoeren", "voert in", "voerde in", "ingevoerd", "h"],
    ["afronden", "rondt af", "rondde af", "afgerond", "h"],
];

/// Intransitive verbs with the same five forms.
const INTRANSITIVE_VERBS: &[[&str; 5]] = &[
    ["stijgen", "stijgt", "steeg", "gestegen", "z"],
    ["dalen", "daalt", "daalde", "gedaald", "z"],
    ["groeien", "groeit", "groeide", "gegroeid", "z"],
    ["vertrekken", "vertrekt", "vertrok", "vertrokken", "z"],
    ["aftreden", "treedt af", "trad af", "afgetreden", "z"],
    ["reageren", "reageert", "reageerde", "gereageerd", "h"],
    ["protesteren", "protesteert", "protesteerde", "geprotesteerd", "h"],
    ["vergaderen", "vergadert", "vergaderde", "vergaderd", "h"],
    ["staken", "staakt", "staakte", "gestaakt", "h"],
    ["instemmen", "stemt in", "stemde in", "ingestemd", "h"],
    ["mislukken", "mislukt", "mislukte", "mislukt", "z"],
    ["verdwijnen", "verdwijnt", "verdween", "verdwenen", "z"],
];

/// Adjectives: bare form / inflected form.
const ADJECTIVES: &[(&str, &str)] = &[
    ("nieuw", "nieuwe"), ("groot", "grote"), ("klein", "kleine"), ("belangrijk", "belangrijke"), ("hoog", "hoge"),
    ("laag", "lage"), ("oud", "oude"), ("jong", "jonge"), ("lokaal", "lokale"), ("nationaal", "nationale"),
    ("internationaal", "internationale"), ("Europees", "Europese"), ("financieel", "financiële"), ("politiek", "politieke"), ("economisch", "economische"),
    ("sociaal", "sociale"), ("openbaar", "openbare"), ("tijdelijk", "tijdelijke"), ("definitief", "definitieve"), ("extra", "extra"),
    ("zwaar", "zware"), ("ernstig", "ernstige"), ("snel", "snelle"), ("langzaam", "langzame"), ("duur", "dure"),
    ("goedkoop", "goedkope"), ("veilig", "veilige"), ("gevaarlijk", "gevaarlijke"), ("duurzaam", "duurzame"), ("omstreden", "omstreden"),
    ("omvangrijk", "omvangrijke"), ("gezamenlijk", "gezamenlijke"), ("regionaal", "regionale"), ("landelijk", "landelijke"), ("stedelijk", "stedelijke"),
    ("noordelijk", "noordelijke"), ("zuidelijk", "zuidelijke"), ("oostelijk", "oostelijke"), ("westelijk", "westelijke"), ("militair", "militaire"),
    ("juridisch", "juridische"), ("medisch", "medische"), ("technisch", "technische"), ("digitaal", "digitale"), ("kritisch", "kritische"),
    ("onafhankelijk", "onafhankelijke"), ("verantwoordelijk", "verantwoordelijke"), ("voorlopig", "voorlopige"), ("vorig", "vorige"), ("volgend", "volgende"),
    ("sterk", "sterke"), ("zwak", "zwakke"), ("breed", "brede"), ("smal", "smalle"), ("lang", "lange"),
    ("kort", "korte"), ("helder", "heldere"), ("onduidelijk", "onduidelijke"), ("strikt", "strikte"), ("flexibel", "flexibele"),
];

const ADVERBS: &[&str] = &[
    "ook", "nog", "al", "nu", "niet", "wel", "echter", "vooral", "opnieuw", "snel", "eerder", "later", "inmiddels",
    "uiteindelijk", "voorlopig", "mogelijk", "waarschijnlijk", "zeker", "vermoedelijk", "bovendien", "daarom", "toch",
    "vanaf volgende week", "voor het eerst", "in de praktijk", "zonder veel ophef", "na lang overleg",
];

const PREPOSITIONS: &[&str] = &["in", "op", "bij", "voor", "met", "over", "na", "tegen", "zonder", "rond", "tijdens", "naast"];

const TIMES: &[&str] = &[
    "gisteren", "vandaag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "vorige week", "eerder deze week", "vanochtend", "gisteravond", "afgelopen weekend", "vorige maand", "dit voorjaar",
];

const MONTHS: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

const NUMBER_WORDS: &[&str] = &["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "twaalf", "twintig", "honderd"];

/// First names (common given names; every person is an invented combination).
const FIRST_NAMES: &[&str] = &[
    "Anouk", "Bram", "Carlijn", "Daan", "Eline", "Floris", "Gijs", "Hanneke", "Ilse", "Joris", "Karlijn", "Lotte",
    "Maarten", "Nina", "Olaf", "Pien", "Quirijn", "Roos", "Sander", "Tessa", "Ruben", "Vera", "Wouter", "Yara",
    "Zeger", "Annelies", "Bas", "Charlotte", "Dirk", "Esther", "Frits", "Geertje", "Hidde", "Inge", "Jelle", "Kees",
    "Lieke", "Mirjam", "Niels", "Oscar", "Petra", "Rik", "Sanne", "Thijs", "Ursula", "Victor", "Wendy", "Xander",
    "Yvonne", "Zoë", "Arjen", "Berber", "Cas", "Dewi", "Emiel", "Fenna", "Gerrit", "Hester", "Ivo", "Jolien",
    "Koen", "Lisanne", "Marnix", "Noor", "Otto", "Priya", "Rutger", "Saskia", "Tijmen", "Vincent", "Willemijn", "Youssef",
];

/// Surname roots and endings; with optional prefixes they make several thousand invented surnames.
const SURNAME_ROOTS: &[&str] = &[
    "Bleek", "Hooge", "Kolder", "Vennes", "Brakel", "Stroo", "Wester", "Molen", "Zand", "Kalver", "Ruig", "Dorre",
    "Elzen", "Hazel", "Lemke", "Mossel", "Nijen", "Olden", "Piet", "Rozen", "Schuil", "Tammer", "Uiter", "Vlonder",
    "Winter", "Ysel", "Graaf", "Kaats", "Loder", "Merel", "Brink", "Dekel", "Haver", "Klaver", "Linde", "Spreeu",
];
const SURNAME_ENDINGS: &[&str] =
    &["veld", "berg", "man", "kamp", "huis", "stra", "ma", "inga", "boom", "hof", "dijk", "wijk", "horst", "beek", "meer", "broek", "sma", "ink", "ers", "hout"];
const SURNAME_PREFIXES: &[&str] = &["", "", "", "", "van ", "de ", "van der ", "van den ", "ter ", "ten "];

/// Place roots and endings for invented towns.
const PLACE_ROOTS: &[&str] = &[
    "Alder", "Bever", "Cranen", "Dommel", "Eek", "Follen", "Gaster", "Hemmel", "Ilper", "Joppen", "Kessel", "Loen",
    "Marken", "Nuen", "Ooster", "Paaschen", "Rijper", "Sleen", "Tholen", "Ulver", "Vlaggen", "Woude", "Zeven", "Brouwe",
];
const PLACE_ENDINGS: &[&str] = &["dam", "wijk", "hoven", "drecht", "zijl", "veen", "horst", "kerk", "broek", "mond", "berg", "haven", "dorp", "ingen"];

/// Organisation patterns; `{N}` is a noun, `{P}` a place, `{S}` a surname root.
const ORGANISATIONS: &[&str] = &[
    "Stichting {N}", "{S}groep", "Vereniging {P}se Belangen", "ministerie van {N}", "gemeente {P}", "Universiteit van {P}",
    "Partij voor {N} en {N}", "{P} Energie", "{S} Bouw", "Bond van {N}", "Raad voor {N}", "Waterschap {P}",
    "Centrum voor {N}", "{S} & {S} Advocaten", "{P}se Vervoer Maatschappij", "{S}bank", "Collectief {N}", "Inspectie {N}",
];

const ROLES: &[&str] = &[
    "woordvoerder van {O}", "directeur van {O}", "voorzitter van {O}", "wethouder in {P}", "burgemeester van {P}",
    "hoogleraar aan de Universiteit van {P}", "onderzoeker bij {O}", "minister van {N}", "fractievoorzitter van {O}",
    "bewoner van {P}", "advocaat van {O}", "econoom bij {O}", "raadslid in {P}", "boer uit {P}", "ondernemer uit {P}",
];

// ---------------------------------------------------------------------------------------------
// The vocabulary, built once: nouns (base nouns and compounds) ranked for Zipf sampling.

/// A noun with its gender and plural.
struct Noun {
    singular: String,
    plural: String,
    het: bool,
}

/// Ranked word lists and their Zipf tables, shared by every article.
struct Vocabulary {
    nouns: Vec<Noun>,
    noun_table: ZipfTable,
    verb_table: ZipfTable,
    adjective_table: ZipfTable,
    surnames: Vec<String>,
    surname_table: ZipfTable,
    places: Vec<String>,
    place_table: ZipfTable,
}

/// How many compounds of two base nouns join the ranked noun list.
const COMPOUNDS: usize = 9000;

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(build_vocabulary)
}

fn build_vocabulary() -> Vocabulary {
    let base: Vec<Noun> = BASE_NOUNS.iter().map(|entry| parse_noun(entry)).collect();
    let mut nouns = Vec::with_capacity(base.len() + COMPOUNDS);
    // Compounds: every ordered pair, in a fixed shuffled order (independent of --seed).
    let mut pairs: Vec<(usize, usize)> =
        (0..base.len()).flat_map(|a| (0..base.len()).map(move |b| (a, b))).filter(|(a, b)| a != b).collect();
    let mut rng = Rng::new(0x6B72_6F6E_6965_6B00);
    shuffle(&mut pairs, &mut rng);
    let mut compounds: Vec<Noun> = pairs.into_iter().take(COMPOUNDS).map(|(a, b)| compound(&base[a], &base[b])).collect();
    // Interleave: the base nouns keep the top ranks, compounds fill the long tail.
    let mut rest = compounds.drain(..);
    for noun in base {
        nouns.push(noun);
        if nouns.len() > 60 {
            nouns.extend(rest.next());
        }
    }
    nouns.extend(rest);
    let mut surnames = Vec::new();
    for prefix in SURNAME_PREFIXES.iter().take(4).chain(SURNAME_PREFIXES[4..].iter()) {
        for root in SURNAME_ROOTS {
            for ending in SURNAME_ENDINGS {
                let name = format!("{prefix}{root}{ending}");
                if !surnames.contains(&name) {
                    surnames.push(name);
                }
            }
        }
    }
    shuffle(&mut surnames, &mut rng);
    let mut places: Vec<String> =
        PLACE_ROOTS.iter().flat_map(|root| PLACE_ENDINGS.iter().map(move |ending| format!("{root}{ending}"))).collect();
    shuffle(&mut places, &mut rng);
    Vocabulary {
        noun_table: ZipfTable::new(nouns.len(), 1.0),
        nouns,
        verb_table: ZipfTable::new(VERBS.len(), 0.8),
        adjective_table: ZipfTable::new(ADJECTIVES.len(), 0.9),
        surname_table: ZipfTable::new(surnames.len(), 0.9),
        surnames,
        place_table: ZipfTable::new(places.len(), 1.0),
        places,
    }
}

fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// Parses `!huis|huizen` into a noun; without `|` the plural follows simple Dutch rules.
fn parse_noun(entry: &str) -> Noun {
    let het = entry.starts_with('!');
    let entry = entry.trim_start_matches('!');
    let (singular, plural) = match entry.split_once('|') {
        Some((singular, plural)) => (singular.to_string(), plural.to_string()),
        None => (entry.to_string(), plural_of(entry)),
    };
    Noun { singular, plural, het }
}

fn plural_of(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("heid") {
        return format!("{stem}heden");
    }
    if ["e", "el", "er", "em", "en", "je", "ie", "é"].iter().any(|end| word.ends_with(end)) {
        return format!("{word}s");
    }
    if word.ends_with('o') || word.ends_with('a') || word.ends_with('u') || word.ends_with('i') || word.ends_with('y') {
        return format!("{word}'s");
    }
    format!("{word}en")
}

/// Joins two nouns as a Dutch compound (linking -s- after -ing and -heid); gender from the head.
fn compound(first: &Noun, head: &Noun) -> Noun {
    let clash = first.singular.chars().last().is_some_and(|c| "aeiou".contains(c))
        && first.singular.chars().last() == head.singular.chars().next();
    let link = if first.singular.ends_with("ing") || first.singular.ends_with("heid") {
        "s"
    } else if clash {
        "-"
    } else {
        ""
    };
    Noun {
        singular: format!("{}{link}{}", first.singular, head.singular),
        plural: format!("{}{link}{}", first.singular, head.plural),
        het: head.het,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing an article.

/// A person mentioned in the article, full name on first mention and surname after.
struct Person {
    first: String,
    surname: String,
    role: String,
    mentioned: bool,
}

/// Writes the text of one article from its random stream.
struct ArticleWriter<'a> {
    rng: &'a mut Rng,
    vocab: &'static Vocabulary,
    people: Vec<Person>,
    organisations: Vec<String>,
    places: Vec<String>,
    year: i64,
    out: String,
    words: usize,
}

impl<'a> ArticleWriter<'a> {
    fn new(rng: &'a mut Rng, vocab: &'static Vocabulary) -> Self {
        ArticleWriter { rng, vocab, people: Vec::new(), organisations: Vec::new(), places: Vec::new(), year: 2023, out: String::new(), words: 0 }
    }

    /// The body: 400–900 words in paragraphs of one to four sentences.
    fn body(&mut self) -> String {
        let target = self.rng.between(400, 900) as usize;
        self.cast();
        self.out = String::with_capacity(target * 8);
        let mut first = true;
        while self.words < target {
            if !first {
                self.out.push_str("\n\n");
            }
            let sentences = self.rng.between(1, 4);
            for index in 0..sentences {
                if index > 0 {
                    self.out.push(' ');
                }
                if first && self.rng.chance(0.4) {
                    let place = self.places[0].to_uppercase();
                    self.push(&place);
                    self.out.push_str(" – ");
                }
                first = false;
                self.sentence();
            }
        }
        std::mem::take(&mut self.out)
    }

    /// Chooses the article's people, organisations and places.
    fn cast(&mut self) {
        for _ in 0..self.rng.between(1, 3) {
            let place = self.vocab.places[self.rng.zipf(&self.vocab.place_table)].clone();
            self.places.push(place);
        }
        for _ in 0..self.rng.between(1, 3) {
            let organisation = self.organisation_name();
            self.organisations.push(organisation);
        }
        for _ in 0..self.rng.between(2, 5) {
            let first = self.rng.pick(FIRST_NAMES).to_string();
            let surname = self.vocab.surnames[self.rng.zipf(&self.vocab.surname_table)].clone();
            let pattern = self.rng.pick(ROLES);
            let role = self.fill(pattern);
            self.people.push(Person { first, surname, role, mentioned: false });
        }
    }

    fn organisation_name(&mut self) -> String {
        let pattern = self.rng.pick(ORGANISATIONS);
        self.fill(pattern)
    }

    /// Replaces `{N}` (noun), `{P}` (place), `{S}` (surname root) and `{O}` (organisation).
    fn fill(&mut self, pattern: &str) -> String {
        let mut out = String::with_capacity(pattern.len() + 16);
        let mut rest = pattern;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let slot = &rest[start + 1..start + 2];
            match slot {
                "N" => {
                    let noun = &self.vocab.nouns[self.rng.below(40) as usize].singular;
                    out.push_str(noun);
                }
                "P" => {
                    let place = if self.places.is_empty() || self.rng.chance(0.3) {
                        self.vocab.places[self.rng.zipf(&self.vocab.place_table)].clone()
                    } else {
                        self.places[self.rng.below(self.places.len() as u64) as usize].clone()
                    };
                    out.push_str(&place);
                }
                "S" => out.push_str(self.rng.pick(SURNAME_ROOTS)),
                _ => {
                    let organisation = if self.organisations.is_empty() {
                        format!("gemeente {}", self.vocab.places[self.rng.zipf(&self.vocab.place_table)])
                    } else {
                        self.organisations[self.rng.below(self.organisations.len() as u64) as usize].clone()
                    };
                    out.push_str(&organisation);
                }
            }
            rest = &rest[start + 3..];
        }
        out.push_str(rest);
        out
    }

    /// Appends text, counting its words.
    fn push(&mut self, text: &str) {
        self.words += text.split(' ').filter(|w| !w.is_empty()).count();
        self.out.push_str(text);
    }

    /// Appends a space and then text.
    fn word(&mut self, text: &str) {
        if !self.out.is_empty() && !self.out.ends_with([' ', '\n', '"', '\'', '„', '‘', '“']) {
            self.out.push(' ');
        }
        self.push(text);
    }

    /// One sentence: narration most of the time, a quote or reported speech otherwise.
    fn sentence(&mut self) {
        let start = self.out.len();
        match self.rng.below(20) {
            0..=9 => self.narration(),
            10..=15 => self.quote(),
            16..=17 => self.reported_speech(),
            _ => self.filler(),
        }
        capitalise_from(&mut self.out, start);
    }

    fn narration(&mut self) {
        match self.rng.below(7) {
            0 => {
                // De gemeenteraad besprak dinsdag de nieuwe begroting in Kesseldam.
                self.subject(true);
                let verb = self.verb();
                let (main, particle) = split_particle(verb[2]);
                self.word(main);
                self.time();
                self.noun_phrase(false, true);
                if let Some(particle) = particle {
                    self.word(particle);
                }
                self.prepositional_phrase();
            }
            1 => {
                // Op 12 maart keurde het kabinet het voorstel goed.
                self.time_capitalised();
                let verb = self.verb();
                let (main, particle) = split_particle(verb[2]);
                self.word(main);
                self.subject(false);
                self.noun_phrase(false, true);
                if let Some(particle) = particle {
                    self.word(particle);
                }
            }
            2 => {
                // Het ministerie heeft het rapport inmiddels gepubliceerd.
                self.subject(true);
                self.word("heeft");
                self.noun_phrase(false, true);
                self.adverb();
                let verb = self.verb();
                self.word(verb[3]);
            }
            3 => {
                // Er waren twaalf woningen in Loenveen.
                let chosen = if self.rng.chance(0.5) { "Er zijn" } else { "Er waren" };
                self.word(chosen);
                self.number();
                let noun = self.noun_index();
                let plural = self.vocab.nouns[noun].plural.clone();
                self.word(&plural);
                self.prepositional_phrase();
            }
            4 => {
                // De provincie wil de subsidie volgend jaar verhogen.
                self.subject(true);
                let chosen = self.rng.pick(&["wil", "gaat", "moet", "kan", "zal"]);
                self.word(chosen);
                self.noun_phrase(false, true);
                self.adverb();
                let verb = self.verb();
                self.word(verb[0]);
            }
            5 => {
                // De prijzen stegen vorige maand met vijf procent.
                self.subject(true);
                let verb = INTRANSITIVE_VERBS[self.rng.below(INTRANSITIVE_VERBS.len() as u64) as usize];
                self.word(verb[2]);
                self.time();
                if self.rng.chance(0.5) {
                    self.word("met");
                    self.number();
                    self.word("procent");
                } else {
                    self.prepositional_phrase();
                }
            }
            _ => {
                // In 2023 kocht de Kaatsgroep drie fabrieken voor 12 miljoen euro.
                let year = self.year - self.rng.below(3) as i64;
                self.word(&format!("In {year}"));
                let verb = self.verb();
                let (main, particle) = split_particle(verb[2]);
                self.word(main);
                self.subject(false);
                self.number();
                let noun = self.noun_index();
                let plural = self.vocab.nouns[noun].plural.clone();
                self.word(&plural);
                if let Some(particle) = particle {
                    self.word(particle);
                }
                if self.rng.chance(0.5) {
                    let millions = self.rng.between(1, 950);
                    self.word(&format!("voor {millions} miljoen euro"));
                }
            }
        }
        self.out.push('.');
    }

    /// A direct quote in one of several Dutch styles, attributed to a person.
    fn quote(&mut self) {
        let quoted = self.quoted_clause();
        let (open, close) = match self.rng.below(5) {
            0 | 1 => ("\"", "\""),
            2 => ("'", "'"),
            3 => ("„", "\""),
            _ => ("“", "”"),
        };
        let speaker = self.speaker();
        let verb = self.rng.pick(&["zei", "zegt", "verklaarde", "stelt", "benadrukte", "waarschuwde"]);
        match self.rng.below(5) {
            0 => {
                // "…," zei X.
                self.word(&format!("{open}{quoted},{close} {verb}"));
                self.word(&speaker);
                self.out.push('.');
            }
            1 => {
                // "…", aldus X.
                self.word(&format!("{open}{quoted}{close}, aldus"));
                self.word(&speaker);
                self.out.push('.');
            }
            2 => {
                // X: "…"
                self.word(&format!("{speaker}: {open}{quoted}.{close}"));
            }
            3 => {
                // X zei: "…"
                self.word(&format!("{speaker} {verb}: {open}{quoted}.{close}"));
            }
            _ => {
                // "…", zegt X. "…"
                let second = self.quoted_clause();
                self.word(&format!("{open}{quoted}{close}, {verb}"));
                self.word(&speaker);
                self.out.push_str(". ");
                self.push(&format!("{open}{second}.{close}"));
            }
        }
    }

    /// `Volgens X …` or `X zegt dat …`.
    fn reported_speech(&mut self) {
        let speaker = self.speaker_mid_sentence();
        if self.rng.chance(0.5) {
            self.word(&format!("Volgens {speaker}"));
            let chosen = self.rng.pick(&["is", "wordt", "blijft"]);
            self.word(chosen);
            self.noun_phrase(false, true);
            let adjective = ADJECTIVES[self.rng.zipf(&self.vocab.adjective_table)].0;
            self.word(&format!("te {adjective}"));
        } else {
            self.word(&speaker);
            let chosen = self.rng.pick(&["zegt dat", "zei dat", "verwacht dat", "denkt dat"]);
            self.word(chosen);
            self.noun_phrase(false, true);
            self.noun_phrase(false, true);
            let verb = self.verb();
            self.word(verb[3]);
            let chosen = self.rng.pick(&["heeft", "had", "wil hebben"]);
            self.word(chosen);
        }
        self.out.push('.');
    }

    /// A connecting sentence heavy on function words.
    fn filler(&mut self) {
        let first = self.noun_index();
        let second = self.noun_index();
        let verb = self.verb();
        let (a, b) = (&self.vocab.nouns[first], &self.vocab.nouns[second]);
        let (article_a, article_b) = (if a.het { "het" } else { "de" }, if b.het { "het" } else { "de" });
        let sentence = match self.rng.below(6) {
            0 => format!("Het is nog niet duidelijk wanneer {article_a} {} van {article_b} {} wordt {}.", a.singular, b.singular, verb[3]),
            1 => format!("Ook {article_a} {} is er niet bij betrokken.", a.singular),
            2 => format!("Of dat ook voor {article_a} {} geldt, is nog niet bekend.", a.singular),
            3 => format!("Dat is niet voor het eerst: al eerder was er een conflict over {article_a} {}.", a.singular),
            4 => format!("Wat dat voor de {} betekent, moet nog blijken.", b.plural),
            _ => format!("Daarmee is {article_a} {} voor {article_b} {} van de baan.", a.singular, b.singular),
        };
        self.word(&sentence);
    }

    /// A clause in the first person for inside quotes (no final punctuation).
    fn quoted_clause(&mut self) -> String {
        let verb = self.verb();
        let noun = self.noun_index();
        let adjective = ADJECTIVES[self.rng.zipf(&self.vocab.adjective_table)];
        let noun = &self.vocab.nouns[noun];
        let (article, adjective) = if noun.het { ("het", adjective.1) } else { ("de", adjective.1) };
        match self.rng.below(5) {
            0 => format!("We moeten {article} {adjective} {} nu {}", noun.singular, verb[0]),
            1 => format!("Dit is een {} stap voor {} {}", ADJECTIVES[self.rng.below(5) as usize].1, article, noun.singular),
            2 => format!("Ik heb {article} {} nooit {}", noun.singular, verb[3]),
            3 => format!("Niemand {} {article} {adjective} {}", verb[1], noun.singular),
            _ => format!("Het gaat om {} {}, niet om {} {}", self.rng.pick(NUMBER_WORDS), noun.plural, article, noun.singular),
        }
    }

    /// The person who speaks: full name and role at first mention, surname afterwards.
    fn speaker(&mut self) -> String {
        if self.rng.chance(0.12) {
            let organisation = self.organisations[self.rng.below(self.organisations.len() as u64) as usize].clone();
            return format!("een woordvoerder van {organisation}");
        }
        let index = self.rng.zipf_small(self.people.len());
        let person = &mut self.people[index];
        if person.mentioned {
            let surname = capitalise_prefix(&person.surname);
            if self.rng.chance(0.2) {
                format!("{surname}, {}", person.role)
            } else {
                surname
            }
        } else {
            person.mentioned = true;
            format!("{} {}, {}", person.first, person.surname, person.role)
        }
    }

    /// The speaker with a comma closing a role apposition, for use before the verb.
    fn speaker_mid_sentence(&mut self) -> String {
        let speaker = self.speaker();
        if speaker.contains(", ") {
            format!("{speaker},")
        } else {
            speaker
        }
    }

    /// Subject: a noun phrase, an organisation, a person or a place.
    fn subject(&mut self, capitalised: bool) {
        let start = self.out.len();
        match self.rng.below(10) {
            0..=4 => self.noun_phrase(true, false),
            5..=6 => {
                let organisation = self.organisations[self.rng.below(self.organisations.len() as u64) as usize].clone();
                self.word(&organisation);
            }
            7..=8 => {
                let speaker = self.speaker_mid_sentence();
                self.word(&speaker);
            }
            _ => {
                let place = self.places[self.rng.below(self.places.len() as u64) as usize].clone();
                self.word(&place);
            }
        }
        if capitalised {
            capitalise_from(&mut self.out, start);
        }
    }

    /// `de nieuwe begroting`, `een groot plan`, `de woningen`.
    fn noun_phrase(&mut self, definite_only: bool, allow_plural: bool) {
        let index = self.noun_index();
        let plural = allow_plural && self.rng.chance(0.25);
        let definite = definite_only || plural || self.rng.chance(0.6);
        let noun = &self.vocab.nouns[index];
        let article = match (plural, definite, noun.het) {
            (true, _, _) => "de",
            (false, true, true) => "het",
            (false, true, false) => "de",
            (false, false, _) => "een",
        };
        let word = if plural { noun.plural.clone() } else { noun.singular.clone() };
        let het_indefinite = !plural && !definite && noun.het;
        self.word(article);
        if self.rng.chance(0.35) {
            let adjective = ADJECTIVES[self.rng.zipf(&self.vocab.adjective_table)];
            self.word(if het_indefinite { adjective.0 } else { adjective.1 });
        }
        self.word(&word);
    }

    fn prepositional_phrase(&mut self) {
        let preposition = self.rng.pick(PREPOSITIONS);
        self.word(preposition);
        if self.rng.chance(0.3) {
            let place = self.places[self.rng.below(self.places.len() as u64) as usize].clone();
            self.word(&place);
        } else {
            self.noun_phrase(false, true);
        }
    }

    fn time(&mut self) {
        if self.rng.chance(0.3) {
            let month = MONTHS[self.rng.below(12) as usize];
            let day = self.rng.between(1, 28);
            self.word(&format!("op {day} {month}"));
        } else if self.rng.chance(0.5) {
            let time = self.rng.pick(TIMES);
            self.word(time);
        }
    }

    fn time_capitalised(&mut self) {
        let start = self.out.len();
        if self.rng.chance(0.5) {
            let month = MONTHS[self.rng.below(12) as usize];
            let day = self.rng.between(1, 28);
            self.word(&format!("op {day} {month}"));
        } else {
            let time = self.rng.pick(TIMES);
            self.word(time);
        }
        capitalise_from(&mut self.out, start);
    }

    fn adverb(&mut self) {
        if self.rng.chance(0.5) {
            let adverb = ADVERBS[self.rng.zipf_small(ADVERBS.len())];
            self.word(adverb);
        }
    }

    fn number(&mut self) {
        if self.rng.chance(0.5) {
            let word = self.rng.pick(NUMBER_WORDS);
            self.word(word);
        } else {
            let number = self.rng.between(2, 2500);
            self.word(&number.to_string());
        }
    }

    fn verb(&mut self) -> [&'static str; 5] {
        VERBS[self.rng.zipf(&self.vocab.verb_table)]
    }

    fn noun_index(&mut self) -> usize {
        self.rng.zipf(&self.vocab.noun_table)
    }

    /// A headline of five to ten words, sometimes a quote.
    fn title(&mut self) -> String {
        self.out.clear();
        self.words = 0;
        match self.rng.below(4) {
            0 => {
                let quoted = self.quoted_clause();
                self.out = format!("'{quoted}'");
            }
            1 => {
                let place = self.places[0].clone();
                self.word(&format!("{place}:"));
                self.noun_phrase(false, true);
                let verb = self.verb();
                self.word(verb[1]);
                self.noun_phrase(false, true);
            }
            _ => {
                self.subject(true);
                let verb = self.verb();
                self.word(verb[1]);
                self.noun_phrase(false, true);
            }
        }
        std::mem::take(&mut self.out)
    }
}

/// Splits `keurde goed` into the verb and its separable particle.
fn split_particle(form: &'static str) -> (&'static str, Option<&'static str>) {
    match form.split_once(' ') {
        Some((verb, particle)) => (verb, Some(particle)),
        None => (form, None),
    }
}

/// Upper-cases the first letter at or after byte `start`.
fn capitalise_from(text: &mut String, start: usize) {
    let Some((offset, first)) = text[start..].char_indices().find(|(_, c)| c.is_alphanumeric()) else { return };
    let at = start + offset;
    let upper: String = first.to_uppercase().collect();
    text.replace_range(at..at + first.len_utf8(), &upper);
}

/// `van der Brink` at the start of a sentence part stays lower case in Dutch only after a first
/// name; alone it is written `Van der Brink`.
fn capitalise_prefix(surname: &str) -> String {
    let mut out = surname.to_string();
    capitalise_from(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_fall_in_2021_to_2025() {
        assert_eq!(civil_from_days(DAY_2021_01_01), (2021, 1, 1));
        assert_eq!(civil_from_days(DAY_2021_01_01 + DAYS_2021_TO_2025 as i64 - 1), (2025, 12, 31));
        assert_eq!(civil_from_days(DAY_2021_01_01 + 31 + 28), (2021, 3, 1));
    }

    #[test]
    fn same_seed_and_number_give_the_same_article() {
        assert_eq!(generate_article(7, 3), generate_article(7, 3));
        assert_ne!(generate_article(7, 3).text, generate_article(8, 3).text);
        assert_ne!(generate_article(7, 3).text, generate_article(7, 4).text);
    }

    #[test]
    fn articles_have_400_to_900_words_in_paragraphs() {
        for number in 0..30 {
            let article = generate_article(1, number);
            let words = article.text.split_whitespace().count();
            assert!((400..=1000).contains(&words), "article {number} has {words} words");
            assert!(article.text.contains("\n\n"), "article {number} has one paragraph");
            assert!(!article.text.contains("\n\n\n"));
            assert!(!article.title.is_empty());
        }
    }

    #[test]
    fn quotes_are_attributed_in_several_styles() {
        let text: String = (0..40).map(|n| generate_article(2, n).text).collect::<Vec<_>>().join("\n\n");
        for marker in [", zei ", "aldus ", "Volgens ", ": \"", "„", "“"] {
            assert!(text.contains(marker), "no {marker:?} in 40 articles");
        }
    }

    #[test]
    fn vocabulary_is_large_and_skewed() {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for number in 0..200 {
            for word in generate_article(3, number).text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 2) {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
        assert!(counts.len() > 3000, "only {} distinct words in 200 articles", counts.len());
        let mut frequencies: Vec<usize> = counts.values().copied().collect();
        frequencies.sort_unstable_by(|a, b| b.cmp(a));
        let singletons = frequencies.iter().filter(|&&f| f == 1).count();
        assert!(frequencies[0] > 100 * frequencies[frequencies.len() / 2], "not skewed: {:?}", &frequencies[..10]);
        assert!(singletons > counts.len() / 10, "too few rare words: {singletons}");
    }

    #[test]
    fn plurals_follow_simple_rules() {
        assert_eq!(plural_of("begroting"), "begrotingen");
        assert_eq!(plural_of("ziekte"), "ziektes");
        assert_eq!(plural_of("euro"), "euro's");
        assert_eq!(compound(&parse_noun("begroting"), &parse_noun("tekort")).singular, "begrotingstekort");
    }
}
