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
pub fn template_sentence(rng: &mut Rng) -> String {
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
fn template_paragraph(rng: &mut Rng) -> String {
    let count = 2 + rng.below(3);
    (0..count)
        .map(|_| template_sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which prose the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Sentences from a small grammar over a few hundred words, a cast of people per story:
    /// about as repetitive as real copy (see `repetition` and BENCHMARKS.md).
    Realistic,
    /// Seven fixed sentence templates over short word lists: a third of each article's
    /// three-word runs recur in it, ten times real copy. The worst case for duplicate-passage.
    Stress,
}

impl Style {
    /// `COPYDESK_BENCH_CORPUS=stress` picks the stress corpus; anything else the realistic one.
    pub fn from_env() -> Style {
        match std::env::var("COPYDESK_BENCH_CORPUS").as_deref() {
            Ok("stress") => Style::Stress,
            _ => Style::Realistic,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Style::Realistic => "realistic",
            Style::Stress => "stress",
        }
    }
}

/// The article's own paragraphs (no planted copies), about `words` words.
fn own_paragraphs(style: Style, index: usize, words: usize) -> Vec<String> {
    let mut rng = Rng::new(index as u64 + 1);
    let mut story = Story::cast(&mut rng);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let paragraph = match style {
            Style::Realistic => story.paragraph(&mut rng),
            Style::Stress => template_paragraph(&mut rng),
        };
        count += paragraph.split_whitespace().count();
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// Article `index` in the realistic style.
pub fn article(index: usize) -> String {
    article_in(Style::Realistic, index)
}

/// Article `index`: headline, byline, dateline lede and body, about 800 words. Every 50th
/// article repeats a paragraph of an earlier one word for word; every 50th (offset 25) repeats
/// one with a few words changed.
pub fn article_in(style: Style, index: usize) -> String {
    let mut rng = Rng::new(index as u64 ^ 0x5eed);
    let mut paragraphs = own_paragraphs(style, index, 760 + rng.below(80));
    if index >= 50 && index.is_multiple_of(50) {
        let source = own_paragraphs(style, index - 1 - rng.below(49), 200);
        let at = rng.below(paragraphs.len());
        paragraphs.insert(at, longest(&source).to_string());
    }
    if index >= 50 && index % 50 == 25 {
        let source = own_paragraphs(style, index - 1 - rng.below(24), 200);
        let near = longest(&source)
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

/// The paragraph planted as a copy: the longest of the first few, so it is long enough to be
/// flagged in either style (realistic paragraphs are often one sentence).
fn longest(paragraphs: &[String]) -> &str {
    paragraphs
        .iter()
        .take(4)
        .max_by_key(|paragraph| paragraph.split_whitespace().count())
        .map_or("", String::as_str)
}

/// A realistic document of about `words` words (one long story), with a paragraph of article 7.
pub fn document(words: usize, seed: u64) -> String {
    document_in(Style::Realistic, words, seed)
}

pub fn document_in(style: Style, words: usize, seed: u64) -> String {
    let mut paragraphs = own_paragraphs(style, 1_000_000 + seed as usize, words);
    let at = paragraphs.len() / 2;
    paragraphs.insert(at, longest(&own_paragraphs(style, 7, 200)).to_string());
    format!("# Long read\n\n{}\n", paragraphs.join("\n\n"))
}

/// Writes articles `0..count` as `folder/NNN/article-N.md` and returns the bytes written.
pub fn write_workspace(folder: &Path, count: usize, style: Style) -> u64 {
    let mut bytes = 0;
    for index in 0..count {
        let path = folder
            .join(format!("{:03}", index / 500))
            .join(format!("article-{index:05}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = article_in(style, index);
        bytes += text.len() as u64;
        std::fs::write(path, text).unwrap();
    }
    bytes
}

/// How repetitive some texts are, as (share of each text's meaningful three-word runs that
/// occur more than once in it, share of distinct runs found in more than one text). Words are
/// lowercased runs of letters, digits and apostrophes; runs of function words alone are left
/// out, as the index leaves them out.
pub fn repetition(texts: &[String]) -> (f64, f64) {
    use std::collections::{HashMap, HashSet};
    let (mut repeated, mut total) = (0usize, 0usize);
    let mut texts_with: HashMap<[String; 3], usize> = HashMap::new();
    for text in texts {
        let words: Vec<String> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut counts: HashMap<[String; 3], usize> = HashMap::new();
        for run in words.windows(3) {
            if run
                .iter()
                .all(|word| FUNCTION_WORDS.contains(&word.as_str()))
            {
                continue;
            }
            *counts
                .entry([run[0].clone(), run[1].clone(), run[2].clone()])
                .or_default() += 1;
        }
        total += counts.values().sum::<usize>();
        repeated += counts.values().filter(|&&n| n > 1).sum::<usize>();
        let distinct: HashSet<[String; 3]> = counts.into_keys().collect();
        for run in distinct {
            *texts_with.entry(run).or_default() += 1;
        }
    }
    let shared = texts_with.values().filter(|&&n| n > 1).count();
    (
        repeated as f64 / total.max(1) as f64,
        shared as f64 / texts_with.len().max(1) as f64,
    )
}

/// How many names and quotes some texts carry, as (share of words that are capitalised,
/// opening quote marks per 1,000 words): the work of entity recognition and quote analysis.
pub fn density(texts: &[String]) -> (f64, f64) {
    let (mut words, mut capitalised, mut quotes) = (0usize, 0usize, 0usize);
    for text in texts {
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let Some(first) = word.chars().next() else {
                continue;
            };
            words += 1;
            capitalised += usize::from(first.is_uppercase());
        }
        quotes += text.matches('“').count() + text.matches('"').count() / 2;
    }
    let words = words.max(1) as f64;
    (capitalised as f64 / words, quotes as f64 * 1000.0 / words)
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "by", "with", "at", "from", "as",
    "is", "was", "be", "said", "that", "it", "its", "his", "her", "their", "this",
];

// ----- the realistic style ---------------------------------------------------------------

/// Splits a word list written as one string: items separated by `|`.
fn list(items: &'static str) -> Vec<&'static str> {
    items.split('|').collect()
}

const MORE_FIRST: &str =
    "Amara|Bruno|Carmen|Dmitri|Elif|Felix|Gabriela|Hugo|Ines|Jonas|Kenji|Leila|\
Mateo|Nadia|Oscar|Paulina|Quentin|Rosa|Stefan|Tariq|Ursula|Viktor|Wanjiru|Xavier|Yara|Zoltan|Anouk|\
Bilal|Clara|Dario|Esther|Farah|Goran|Helga|Idris|Julia|Karim|Lucia|Mikael|Noor";
const MORE_LAST: &str = "Abbott|Bianchi|Carvalho|Dalton|Eriksen|Fischer|Gallagher|Horvat|Iqbal|Jansen|\
Kowalski|Lindgren|Moretti|Nakamura|Osei|Petrov|Quinn|Rahman|Schmidt|Tremblay|Ueda|Varga|Whitfield|\
Xu|Yamamoto|Zielinski|Achterberg|Brennan|Costa|Doyle|Esposito|Flores|Grant|Hughes|Ivanova|Jovanovic|\
Keane|Lowe|Marsh|Novak";
const ROLE_WORDS: &str =
    "mayor|finance director|spokesperson|spokeswoman|spokesman|chief executive|\
council leader|police chief|health minister|union organiser|head teacher|fire chief|economist|\
planning officer|board chair|district judge|climate scientist|transport secretary|housing officer|\
chief engineer|project manager|opposition leader|deputy mayor|school governor|hospital director|\
lawyer|prosecutor|trade unionist|shop owner|farmer|landlord|researcher|professor|analyst|\
senior nurse|paramedic|campaigner|resident|commuter|councillor";
const PLACE_FRONT: &str =
    "Ash|Oak|Elm|Kings|Queens|North|South|East|West|Mill|Lake|River|Stone|Brook|\
Fair|Green|High|Long|Marsh|Pine|Red|Silver|Thorn|Wood|Bright|Clay|Deep|Fox|Haw|Wolf";
const PLACE_BACK: &str =
    "ford|field|gate|port|moor|view|bridge|wick|ton|bury|ham|ley|dale|haven|stead|\
worth|combe|hurst|mouth|well";
const ORG_KIND: &str =
    "Council|Water|Energy|Bank|Health Trust|Rail|Housing Association|Chamber of Commerce|\
Fire Service|Port Authority|University|Hospital|Police|Bus Company|Mining Group|Building Society|\
Football Club|Credit Union|Festival|Airport";
const NOUNS: &str = "budget|plan|project|scheme|contract|report|inquiry|review|proposal|policy|deal|\
agreement|bylaw|bill|levy|fee|tariff|grant|fund|loan|deficit|forecast|estimate|target|deadline|\
timetable|programme|service|bus route|rail line|station|depot|bridge|road|tunnel|junction|runway|\
terminal|harbour wall|warehouse|factory|plant|quarry|reservoir|dam|pipeline|power grid|substation|\
wind farm|school|college|campus|library|museum|theatre|stadium|arena|clinic|hospital|maternity ward|\
pharmacy|vaccine|trial|study|survey|poll|ballot|election|referendum|campaign|protest|strike|walkout|\
dispute|lawsuit|appeal|ruling|verdict|fine|penalty|investigation|audit|complaint|petition|\
consultation|hearing|meeting|summit|exhibition|festival|market|supermarket|hotel|airline|ferry|\
flight|shipment|harvest|drought|flood|storm|wildfire|outbreak|shortage|backlog|waiting list|rent cap|\
mortgage rate|wage offer|pension fund|price|cost|profit|loss|revenue|dividend|merger|takeover|\
job cut|vacancy|licence|permit|zoning rule|speed limit|curfew|ban|subsidy|rebate|allowance|\
housing estate|car park|cycle lane|sea wall|landfill|recycling centre|care home|nursery|youth club|\
sports hall|swimming pool|fishing quota|water bill|energy bill|heat pump|solar farm|charging point";
const PEOPLE: &str = "residents|tenants|commuters|passengers|patients|pupils|teachers|nurses|doctors|\
farmers|drivers|workers|shoppers|voters|homeowners|landlords|developers|investors|officials|\
councillors|lawmakers|ministers|regulators|inspectors|engineers|contractors|volunteers|firefighters|\
police officers|paramedics|scientists|researchers|analysts|economists|critics|campaigners|\
supporters|protesters|neighbours|families|pensioners|students|parents|fishermen|miners|retailers|\
suppliers|unions|airlines|banks|insurers|carers|cyclists|bus drivers|dock workers|small businesses";
const ADJECTIVES: &str =
    "new|revised|delayed|controversial|long-awaited|ambitious|costly|temporary|\
permanent|regional|national|local|municipal|private|public|emergency|annual|quarterly|overdue|\
unpopular|modest|sweeping|fresh|formal|independent|internal|leaked|draft|final|preliminary|\
expanded|reduced|scaled-back|joint|cross-party|two-year|five-year|multimillion|record|historic|\
rural|coastal|urban|northern|southern|eastern|western|central|interim|senior|frontline|rising|\
falling|steep|sharp|gradual|unexpected|widespread|limited|partial|second|disputed|hurried|\
cautious|bold|troubled|ageing|vital|flagship|pilot";
const PAST: &str = "approved|rejected|delayed|expanded|cut|defended|questioned|revised|announced|\
suspended|backed|criticised|funded|reviewed|scrapped|proposed|unveiled|blocked|challenged|welcomed|\
condemned|postponed|cancelled|extended|doubled|halved|raised|lowered|froze|launched|completed|opened|\
closed|sold|bought|signed|drafted|published|investigated|audited|inspected|upheld|overturned|\
ordered|demanded|requested|promised|pledged|secured|lost|won|missed|met|exceeded|reduced|increased|\
restored|replaced|renewed|abandoned|accelerated|paused|resumed|tightened|relaxed|debated|endorsed|\
opposed|redesigned|rebuilt|priced|advertised|insured|outsourced|shelved|costed|trimmed";
const MOVED: &str =
    "rose|fell|climbed|dropped|jumped|slipped|grew|shrank|recovered|stalled|surged|\
plunged|edged up|edged down|levelled off|more than doubled";
const ADVERBS: &str =
    "sharply|slightly|narrowly|quietly|publicly|formally|unanimously|reluctantly|\
eventually|finally|again|already|largely|partly|repeatedly|temporarily|immediately|swiftly|\
gradually|privately";
const WHEN: &str = "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|\
last week|last month|this year|earlier this month|in January|in February|in March|in April|in May|\
in June|in July|in August|in September|in October|in November|in December|overnight|at the weekend|\
in the first quarter|since January|by the end of the year|next spring|within weeks|two years ago|\
in the autumn|late last year|at a meeting on Tuesday|after a two-hour debate";
const UNITS_MORE: &str = "per cent|million euros|million pounds|billion dollars|households|jobs|\
residents|kilometres|pupils|beds|buses|homes|tonnes|flights|patients|shops|hectares|vehicles|\
complaints|applications";
const REPORTING: &str =
    "said|told reporters|said in a statement|told the Gazette|told local radio|\
wrote in a letter to members|said at a news conference|told a public meeting|said on Tuesday|\
said in an interview|told councillors|confirmed|warned|argued|insisted|acknowledged";
const QUOTE_OPENERS: &str = "|Frankly, |To be honest, |We believe |I think |The truth is that |\
Nobody expected that |It is clear that |We were told that |What matters is that |Let me be clear: |\
For too long |I am worried that |We always said |The fact is |Honestly, |Our view is that |\
It is a scandal that |I can promise that |People need to know that |We have shown that ";
const WANTS: &str = "plans for|a bid for|calls for|funding for|the case for|a deal on|talks on|\
a vote on|a report on|the cost of|delays to|changes to|objections to|support for";
const CONNECTIVES: &str = "but|while|although|because|after|before|even as|and|since|as";
const BIGGEST: &str = "largest|smallest|first|steepest|sharpest|biggest|slowest|fastest";
const CHANGE: &str = "rise|fall|change|increase|drop|jump|decline";
const SINCE: &str = "since records began|since 2008|in a decade|in 20 years|since the pandemic|\
on record|this century|since the 1990s";

/// The word lists of the realistic style, split once.
struct Words {
    first: Vec<&'static str>,
    last: Vec<&'static str>,
    roles: Vec<&'static str>,
    place_front: Vec<&'static str>,
    place_back: Vec<&'static str>,
    org_kind: Vec<&'static str>,
    nouns: Vec<&'static str>,
    people: Vec<&'static str>,
    adjectives: Vec<&'static str>,
    past: Vec<&'static str>,
    moved: Vec<&'static str>,
    adverbs: Vec<&'static str>,
    when: Vec<&'static str>,
    units: Vec<&'static str>,
    reporting: Vec<&'static str>,
    quote_openers: Vec<&'static str>,
    connectives: Vec<&'static str>,
    wants: Vec<&'static str>,
    biggest: Vec<&'static str>,
    change: Vec<&'static str>,
    since: Vec<&'static str>,
}

impl Words {
    fn new() -> Words {
        let mut first = FIRST.to_vec();
        first.extend(list(MORE_FIRST));
        let mut last = LAST.to_vec();
        last.extend(list(MORE_LAST));
        Words {
            first,
            last,
            roles: list(ROLE_WORDS),
            place_front: list(PLACE_FRONT),
            place_back: list(PLACE_BACK),
            org_kind: list(ORG_KIND),
            nouns: list(NOUNS),
            people: list(PEOPLE),
            adjectives: list(ADJECTIVES),
            past: list(PAST),
            moved: list(MOVED),
            adverbs: list(ADVERBS),
            when: list(WHEN),
            units: list(UNITS_MORE),
            reporting: list(REPORTING),
            quote_openers: list(QUOTE_OPENERS),
            connectives: list(CONNECTIVES),
            wants: list(WANTS),
            biggest: list(BIGGEST),
            change: list(CHANGE),
            since: list(SINCE),
        }
    }
}

/// A person in a story: named in full once, by surname after.
struct Person {
    full: String,
    surname: String,
    role: &'static str,
    organisation: String,
    named: bool,
}

/// One story's cast and setting, so people, places and organisations recur as they do in a
/// real story, while the sentences around them vary.
struct Story {
    words: Words,
    people: Vec<Person>,
    places: Vec<String>,
    organisations: Vec<String>,
    subject: &'static str,
}

impl Story {
    fn cast(rng: &mut Rng) -> Story {
        let words = Words::new();
        let places: Vec<String> = (0..3)
            .map(|_| {
                format!(
                    "{}{}",
                    rng.pick(&words.place_front),
                    rng.pick(&words.place_back)
                )
            })
            .collect();
        let organisations: Vec<String> = (0..3)
            .map(|i| format!("{} {}", places[i % places.len()], rng.pick(&words.org_kind)))
            .collect();
        let people = (0..4 + rng.below(3))
            .map(|i| {
                let surname = rng.pick(&words.last).to_string();
                Person {
                    full: format!("{} {}", rng.pick(&words.first), surname),
                    surname,
                    role: rng.pick(&words.roles),
                    organisation: organisations[i % organisations.len()].clone(),
                    named: false,
                }
            })
            .collect();
        let subject = rng.pick(&words.nouns);
        Story {
            words,
            people,
            places,
            organisations,
            subject,
        }
    }

    /// One to three sentences; a quote often stands alone, as in real copy.
    fn paragraph(&mut self, rng: &mut Rng) -> String {
        let count = 1 + rng.below(3);
        (0..count)
            .map(|_| self.sentence(rng))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A person of the cast (named in full, with their role, the first time; by surname
    /// after) or a passer-by.
    fn speaker(&mut self, rng: &mut Rng) -> String {
        if rng.below(5) == 0 {
            let full = format!(
                "{} {}",
                rng.pick(&self.words.first),
                rng.pick(&self.words.last)
            );
            let role = rng.pick(&self.words.roles);
            let place = self.place(rng);
            return format!("{full}, {} from {place}", with_article(role));
        }
        let person = rng.below(self.people.len());
        let person = &mut self.people[person];
        if person.named {
            return person.surname.clone();
        }
        person.named = true;
        format!(
            "{}, the {} at {}",
            person.full, person.role, person.organisation
        )
    }

    fn place(&self, rng: &mut Rng) -> String {
        if rng.below(3) == 0 {
            format!(
                "{}{}",
                rng.pick(&self.words.place_front),
                rng.pick(&self.words.place_back)
            )
        } else {
            self.places[rng.below(self.places.len())].clone()
        }
    }

    fn organisation(&self, rng: &mut Rng) -> String {
        if rng.below(3) == 0 {
            format!(
                "{}{} {}",
                rng.pick(&self.words.place_front),
                rng.pick(&self.words.place_back),
                rng.pick(&self.words.org_kind)
            )
        } else {
            self.organisations[rng.below(self.organisations.len())].clone()
        }
    }

    /// `the revised budget`, `a new depot`, `plans for a bridge`, `commuters`.
    fn object(&self, rng: &mut Rng) -> String {
        let w = &self.words;
        let noun = if rng.below(6) == 0 {
            self.subject
        } else {
            rng.pick(&w.nouns)
        };
        match rng.below(6) {
            0 => format!("the {noun}"),
            1 => format!("the {} {noun}", rng.pick(&w.adjectives)),
            2 => with_article(&format!("{} {noun}", rng.pick(&w.adjectives))),
            3 => format!("{} {}", rng.pick(&w.wants), with_article(noun)),
            4 => format!("the {noun} in {}", self.place(rng)),
            _ => rng.pick(&w.people).to_string(),
        }
    }

    fn subject_phrase(&mut self, rng: &mut Rng) -> String {
        let w = &self.words;
        match rng.below(5) {
            0 => {
                let person = rng.below(self.people.len());
                let person = &mut self.people[person];
                let name = if person.named {
                    person.surname.clone()
                } else {
                    person.full.clone()
                };
                person.named = true;
                name
            }
            1 => self.organisation(rng),
            2 => format!("the {} {}", rng.pick(&w.adjectives), rng.pick(&w.nouns)),
            3 => rng.pick(&w.people).to_string(),
            _ => format!("{} {}", 2 + rng.below(400), rng.pick(&w.people)),
        }
    }

    /// Subject, verb, object and, often, a place or a time.
    fn clause(&mut self, rng: &mut Rng) -> String {
        let subject = self.subject_phrase(rng);
        let w = &self.words;
        let adverb = if rng.below(4) == 0 {
            format!("{} ", rng.pick(&w.adverbs))
        } else {
            String::new()
        };
        let verb = rng.pick(&w.past);
        let object = self.object(rng);
        let tail = match rng.below(4) {
            0 => format!(" {}", rng.pick(&self.words.when)),
            1 => format!(" in {}", self.place(rng)),
            2 => format!(" despite {}", self.object(rng)),
            _ => String::new(),
        };
        format!("{subject} {adverb}{verb} {object}{tail}")
    }

    fn sentence(&mut self, rng: &mut Rng) -> String {
        // Figures (4) and a time first (5) are less common than plain statements and quotes.
        const WEIGHTED: [usize; 16] = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7, 8];
        match WEIGHTED[rng.below(WEIGHTED.len())] {
            0 => format!("{}.", capitalise(&self.clause(rng))),
            1 => {
                let clause = self.clause(rng);
                let source = match rng.below(3) {
                    0 => format!("according to {}", self.organisation(rng)),
                    1 => format!("{} said", rng.pick(&self.words.people)),
                    _ => {
                        let speaker = self.speaker(rng);
                        format!("{speaker} {}", rng.pick(&self.words.reporting))
                    }
                };
                format!("{}, {source}.", capitalise(&clause))
            }
            2 => {
                let quote = self.quote(rng);
                let speaker = self.speaker(rng);
                format!("“{quote},” said {speaker}.")
            }
            3 => {
                let speaker = self.speaker(rng);
                let reporting = rng.pick(&self.words.reporting);
                let clause = self.clause(rng);
                format!("{} {reporting} that {clause}.", capitalise(&speaker))
            }
            4 => {
                let w = &self.words;
                format!(
                    "The {} {} {} {} {} {}, the {} {} {}.",
                    rng.pick(&w.nouns),
                    rng.pick(&w.moved),
                    2 + rng.below(900),
                    rng.pick(&w.units),
                    rng.pick(&w.when),
                    if rng.below(2) == 0 {
                        "alone"
                    } else {
                        "overall"
                    },
                    rng.pick(&w.biggest),
                    rng.pick(&w.change),
                    rng.pick(&w.since)
                )
            }
            5 => {
                let when = capitalise(rng.pick(&self.words.when));
                let first = self.clause(rng);
                let connective = rng.pick(&self.words.connectives);
                let second = self.clause(rng);
                format!("{when}, {first} {connective} {second}.")
            }
            6 => {
                let quote = self.quote(rng);
                format!("“{quote}.”")
            }
            7 => {
                let speaker = self.speaker(rng);
                let verb = rng.pick(&self.words.past);
                let object = self.object(rng);
                let reporting = rng.pick(&self.words.reporting);
                let clause = self.clause(rng);
                format!("{speaker}, who {verb} {object}, {reporting} {clause}.")
            }
            _ => {
                let first = self.clause(rng);
                let connective = rng.pick(&self.words.connectives);
                let second = self.clause(rng);
                format!("{} {connective} {second}.", capitalise(&first))
            }
        }
    }

    /// Something a person says: an opener and a clause in the first person.
    fn quote(&mut self, rng: &mut Rng) -> String {
        let opener = if rng.below(3) == 0 {
            rng.pick(&self.words.quote_openers)
        } else {
            ""
        };
        let we = if rng.below(2) == 0 { "we" } else { "they" };
        let verb = rng.pick(&self.words.past);
        let object = self.object(rng);
        let tail = match rng.below(3) {
            0 => format!(" {}", rng.pick(&self.words.when)),
            1 => format!(
                " and {} {} {}",
                rng.pick(&self.words.people),
                rng.pick(&["deserve", "need", "want", "expect", "were promised"]),
                rng.pick(&[
                    "better",
                    "answers",
                    "a say",
                    "certainty",
                    "the truth",
                    "more"
                ])
            ),
            _ => {
                // Real quotes run on: a second clause, as long as the first.
                let connective = rng.pick(&self.words.connectives);
                format!(" {connective} {}", self.clause(rng))
            }
        };
        capitalise(&format!("{opener}{we} {verb} {object}{tail}"))
    }
}

/// `a bridge`, `an audit`.
fn with_article(phrase: &str) -> String {
    let vowel = phrase.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {phrase}", if vowel { "an" } else { "a" })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
