//! A deterministic generator of realistic news-article corpora for the benchmarks: varied
//! sentences built from templates and word lists (names, organisations, places, numbers,
//! quotes), with planted exact and near duplicates, so no download is needed. The same index
//! always gives the same article.

#![allow(dead_code)]

use std::path::Path;

const FIRST: &[&str] = &[
    "Lena",
    "Marcus",
    "Aisha",
    "Tomasz",
    "Priya",
    "Diego",
    "Hannah",
    "Kwame",
    "Sofia",
    "Ibrahim",
    "Yuki",
    "Olena",
    "Rafael",
    "Grace",
    "Mehmet",
    "Chloe",
    "Arjun",
    "Ingrid",
    "Samuel",
    "Fatima",
    "Jürgen",
    "Ayşe",
    "Nikolai",
    "Camille",
    "Oluwaseun",
    "Mei",
    "Patrick",
    "Zainab",
    "Lucas",
    "Eleni",
];
const LAST: &[&str] = &[
    "Ortiz",
    "Webb",
    "Khan",
    "Nowak",
    "Raman",
    "Castillo",
    "Berg",
    "Mensah",
    "Rossi",
    "Haddad",
    "Tanaka",
    "Kovalenko",
    "Duarte",
    "Okafor",
    "Yilmaz",
    "Laurent",
    "Mehta",
    "Lindqvist",
    "Price",
    "Farouk",
    "Müller",
    "Kılıç",
    "Volkov",
    "Moreau",
    "Adeyemi",
    "Chen",
    "Byrne",
    "Sesay",
    "Almeida",
    "Papadakis",
];
const ROLES: &[&str] = &[
    "mayor",
    "finance director",
    "spokesperson",
    "chief executive",
    "council leader",
    "police chief",
    "health minister",
    "union organiser",
    "head teacher",
    "fire chief",
    "economist",
    "planning officer",
    "board chair",
    "district judge",
    "climate scientist",
];
const ORGS: &[&str] = &[
    "the city council",
    "the regional health authority",
    "Northgate Water",
    "the teachers' union",
    "the transport ministry",
    "Harbour Bank",
    "the county fire service",
    "the port authority",
    "the university hospital",
    "the electoral commission",
    "Meridian Energy",
    "the housing trust",
    "the chamber of commerce",
    "the weather service",
    "the central bank",
];
const PLACES: &[&str] = &[
    "Riverside",
    "Eastfield",
    "the old harbour",
    "Millbrook",
    "the northern districts",
    "Kingsport",
    "the valley",
    "Ashford",
    "the city centre",
    "Westmoor",
    "Lakeview",
    "the industrial estate",
    "Brennan Street",
    "the southern suburbs",
    "Oakridge",
];
const TOPICS: &[&str] = &[
    "budget",
    "housing plan",
    "bridge repair",
    "school closure",
    "water tariff",
    "bus contract",
    "flood defence scheme",
    "hospital expansion",
    "tax rise",
    "recycling programme",
    "stadium project",
    "rail link",
    "pension reform",
    "wage deal",
    "cycle lane",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "expanded",
    "cut",
    "defended",
    "questioned",
    "revised",
    "announced",
    "suspended",
    "backed",
    "criticised",
    "funded",
    "reviewed",
    "scrapped",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const UNITS: &[&str] = &[
    "million euros",
    "households",
    "jobs",
    "residents",
    "per cent",
    "kilometres",
    "pupils",
    "beds",
    "buses",
    "homes",
];
const QUOTES: &[&str] = &[
    "We simply cannot afford to wait another year",
    "This is a turning point for the whole region",
    "Families deserve better than half measures",
    "The numbers do not add up, and everyone knows it",
    "We listened to residents and changed the plan",
    "Nobody should have to choose between heating and eating",
    "It is the biggest investment this city has seen in decades",
    "We will keep the pressure on until the work is finished",
    "The decision was taken behind closed doors",
    "Our crews worked through the night to keep people safe",
];
const FILLER: &[&str] = &[
    "officials",
    "critics",
    "supporters",
    "residents",
    "councillors",
    "analysts",
    "parents",
    "drivers",
    "workers",
    "neighbours",
    "experts",
    "lawmakers",
    "voters",
    "tenants",
    "owners",
    "quickly",
    "reluctantly",
    "finally",
    "narrowly",
    "openly",
    "again",
    "early",
    "late",
    "proposal",
    "meeting",
    "report",
    "inquiry",
    "vote",
    "contract",
    "deadline",
    "estimate",
    "funding",
    "protest",
    "petition",
    "audit",
    "review",
    "survey",
    "strike",
    "shortfall",
];

/// xorshift64*: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn fillers(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| rng.pick(FILLER))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One sentence from one of several templates.
pub fn sentence(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 => format!(
            "{}, the {} of {}, said the {} would be {} before {}.",
            name(rng),
            rng.pick(ROLES),
            rng.pick(ORGS),
            rng.pick(TOPICS),
            rng.pick(VERBS),
            rng.pick(DAYS)
        ),
        1 => format!(
            "“{},” said {}, who {} the {} last year.",
            rng.pick(QUOTES),
            name(rng),
            rng.pick(VERBS),
            rng.pick(TOPICS)
        ),
        2 => format!(
            "The {} {} {} {} in {} on {}, according to {}.",
            rng.pick(TOPICS),
            rng.pick(VERBS),
            1 + rng.below(9_000),
            rng.pick(UNITS),
            rng.pick(PLACES),
            rng.pick(DAYS),
            rng.pick(ORGS)
        ),
        3 => format!(
            "In {}, {} {} a {} over the {} after {} {}.",
            rng.pick(PLACES),
            fillers(rng, 1),
            rng.pick(VERBS),
            fillers(rng, 1),
            rng.pick(TOPICS),
            fillers(rng, 2),
            rng.pick(VERBS)
        ),
        4 => format!(
            "{} {} the figures, saying {} {} had been {} for {} {}.",
            name(rng),
            rng.pick(VERBS),
            1 + rng.below(500),
            rng.pick(UNITS),
            rng.pick(VERBS),
            1 + rng.below(30),
            if rng.below(2) == 0 { "months" } else { "weeks" }
        ),
        5 => format!(
            "{} declined to comment on the {} when asked by {} on {}.",
            rng.pick(ORGS),
            rng.pick(TOPICS),
            fillers(rng, 1),
            rng.pick(DAYS)
        ),
        _ => format!(
            "A {} of {} {} in {} found {} {} {} {}.",
            fillers(rng, 1),
            1 + rng.below(3_000),
            fillers(rng, 1),
            rng.pick(PLACES),
            fillers(rng, 2),
            rng.pick(VERBS),
            fillers(rng, 1),
            rng.pick(TOPICS)
        ),
    }
}

/// A paragraph of two to four sentences.
pub fn paragraph(rng: &mut Rng) -> String {
    let count = 2 + rng.below(3);
    (0..count)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The article's own paragraphs (no planted copies), about `words` words.
fn own_paragraphs(index: usize, words: usize) -> Vec<String> {
    let mut rng = Rng::new(index as u64 + 1);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let paragraph = paragraph(&mut rng);
        count += paragraph.split_whitespace().count();
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// Article `index`: headline, byline, dateline lede and body, about 800 words. Every 50th
/// article repeats a paragraph of an earlier one word for word; every 50th (offset 25) repeats
/// one with a few words changed.
pub fn article(index: usize) -> String {
    let mut rng = Rng::new(index as u64 ^ 0x5eed);
    let mut paragraphs = own_paragraphs(index, 760 + rng.below(80));
    if index >= 50 && index.is_multiple_of(50) {
        let source = own_paragraphs(index - 1 - rng.below(49), 200);
        let at = rng.below(paragraphs.len());
        paragraphs.insert(at, source[1].clone());
    }
    if index >= 50 && index % 50 == 25 {
        let source = own_paragraphs(index - 1 - rng.below(24), 200);
        let near = source[1]
            .split(' ')
            .enumerate()
            .map(|(i, word)| if i % 9 == 4 { "reportedly" } else { word })
            .collect::<Vec<_>>()
            .join(" ");
        let at = rng.below(paragraphs.len());
        paragraphs.insert(at, near);
    }
    format!(
        "# The {} {} in {}\n\nBy {}\n\n{} — {}\n\n{}\n",
        rng.pick(TOPICS),
        rng.pick(VERBS),
        rng.pick(PLACES),
        name(&mut rng),
        rng.pick(PLACES).to_uppercase(),
        paragraphs[0],
        paragraphs[1..].join("\n\n")
    )
}

/// A document of about `words` words (one long story), with one paragraph of article 7.
pub fn document(words: usize, seed: u64) -> String {
    let mut paragraphs = own_paragraphs(1_000_000 + seed as usize, words);
    let at = paragraphs.len() / 2;
    paragraphs.insert(at, own_paragraphs(7, 200)[1].clone());
    format!("# Long read\n\n{}\n", paragraphs.join("\n\n"))
}

/// Writes articles `0..count` as `folder/NNN/article-N.md` and returns the bytes written.
pub fn write_workspace(folder: &Path, count: usize) -> u64 {
    let mut bytes = 0;
    for index in 0..count {
        let path = folder
            .join(format!("{:03}", index / 500))
            .join(format!("article-{index:05}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = article(index);
        bytes += text.len() as u64;
        std::fs::write(path, text).unwrap();
    }
    bytes
}
