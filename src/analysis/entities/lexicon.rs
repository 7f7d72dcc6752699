//! Word lists for entity recognition: what a capitalised word can be (title, demonym, function
//! word, organisation or place cue, role noun) and a modest gazetteer of places and
//! organisations. Lists, not models: small enough to read, easy to extend.

use rustc_hash::FxHashMap;
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hash map keyed by short words: FNV-1a hashes them several times faster than the default
/// SipHash, and no key here comes from an adversary who could exploit it.
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What a word can be, as a set of bits; a word may be several things (`chief` is a role noun
/// and a modifier, `state` a modifier and a place noun).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// Never a name on its own: function words, pronouns, sentence adverbs.
    pub const STOP: Flags = Flags(1);
    pub const PRONOUN: Flags = Flags(1 << 1);
    /// Days, months, holidays.
    pub const CALENDAR: Flags = Flags(1 << 2);
    /// A title written before a name: `President`, `Mayor`, `Dr.`.
    pub const TITLE: Flags = Flags(1 << 3);
    /// `Ukrainian`, `Russian`: an adjective, not an entity.
    pub const DEMONYM: Flags = Flags(1 << 4);
    /// Lowercase name particles: `de`, `van`, `der`, `al`.
    pub const PARTICLE: Flags = Flags(1 << 5);
    /// Last word of an organisation name: `Ministry`, `Bank`, `Inc.`.
    pub const ORG_SUFFIX: Flags = Flags(1 << 6);
    /// First word of an organisation name: `Banco`, `University` (of …).
    pub const ORG_PREFIX: Flags = Flags(1 << 7);
    /// Words that take `of` or `for` inside a name: `Bank of Spain`, `Department for Transport`.
    pub const OF_HEAD: Flags = Flags(1 << 8);
    pub const PLACE_SUFFIX: Flags = Flags(1 << 9);
    pub const PLACE_PREFIX: Flags = Flags(1 << 10);
    /// `North`, `Southern`, `Central`: with another name, a region.
    pub const COMPASS: Flags = Flags(1 << 11);
    /// Nouns naming what a person is: `spokesperson`, `nurse`, `chief`.
    pub const ROLE_PERSON: Flags = Flags(1 << 12);
    /// Nouns naming what an organisation is: `company`, `agency`, `broadcaster`.
    pub const ROLE_ORG: Flags = Flags(1 << 13);
    /// Nouns naming what a place is: `city`, `village`, `capital`.
    pub const ROLE_PLACE: Flags = Flags(1 << 14);
    /// Words that qualify a role: `senior`, `former`, `deputy`, `finance`.
    pub const MODIFIER: Flags = Flags(1 << 15);
    pub const DETERMINER: Flags = Flags(1 << 16);
    /// `his`, `her`, `its`, `their`.
    pub const POSSESSIVE: Flags = Flags(1 << 17);
    /// Prepositions after which a name is a place: `in`, `near`, `outside`.
    pub const PLACE_CUE: Flags = Flags(1 << 18);
    /// `Jr.`, `Sr.`, `III`.
    pub const GENERATIONAL: Flags = Flags(1 << 19);
    /// Capitals that are not organisations: `CEO`, `GDP`, `TV`.
    pub const NOT_ACRONYM: Flags = Flags(1 << 20);
    /// Words that end an appositive: `who`, `which`, `where`.
    pub const RELATIVE: Flags = Flags(1 << 21);
    /// Words that name an event, not an entity: `Hurricane`, `Cup`, `Olympics`.
    pub const EVENT: Flags = Flags(1 << 22);
    /// Verbs of speech: an appositive never contains one.
    pub const SPEECH: Flags = Flags(1 << 23);
    /// A party label written before a candidate's name: `Republican`, `Labour`.
    pub const PARTY: Flags = Flags(1 << 24);

    pub const ROLE: Flags = Flags(Flags::ROLE_PERSON.0 | Flags::ROLE_ORG.0 | Flags::ROLE_PLACE.0);

    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    pub fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

/// The flags of a folded word (lowercase, straight apostrophes, no trailing period).
pub(crate) fn flags(lower: &str) -> Flags {
    word_table().get(lower)
}

/// The canonical name of a known place, if `key` (a lowercase name) is one or an alias of one
/// (`u.s.` → `United States`).
pub(crate) fn place(key: &str) -> Option<&'static str> {
    known_names().places.get(key).copied()
}

/// The canonical name of a known organisation, if `key` (a lowercase name) is one or an alias
/// of one.
pub(crate) fn organisation(key: &str) -> Option<&'static str> {
    known_names().organisations.get(key).copied()
}

/// `Uruguay`, `Neighbouring Uruguay`: a known place, alone or after a describing word.
pub(crate) fn names_a_place(phrase: &str) -> bool {
    let key = name_key(phrase);
    place(&key).is_some()
        || key
            .split_once(' ')
            .is_some_and(|(first, rest)| is_describing_word(first) && place(rest).is_some())
}

/// `Neighbouring`, `Bordering`: a long `-ing` word (a lowercase one) describes what follows;
/// no given name is one (`Irving`, `Sterling` are shorter).
pub(crate) fn is_describing_word(lower: &str) -> bool {
    lower.ends_with("ing") && lower.chars().count() >= 9
}

/// `United Methodist`, `Evangelical Lutheran` (lowercase): a faith's adjective, which ends no
/// one's name (`Baptist` is left out: `John the Baptist`).
pub(crate) fn is_denomination(lower: &str) -> bool {
    matches!(
        lower,
        "methodist"
            | "lutheran"
            | "catholic"
            | "episcopal"
            | "episcopalian"
            | "presbyterian"
            | "anglican"
            | "pentecostal"
            | "evangelical"
            | "mennonite"
            | "adventist"
            | "congregational"
            | "unitarian"
    )
}

/// `seeing`, `beating`, `winning`, `leaving` (lowercase): the `-ing` form of a common verb
/// that takes a person or place as its object. A list, not a rule on `-ing`: given names end
/// so too (`Sterling`, `Irving`, `Xiaoming`).
pub(crate) fn is_gerund(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("ing").filter(|stem| stem.len() >= 2) else {
        return false;
    };
    let verbs = gerund_verbs();
    let undoubled = stem
        .len()
        .checked_sub(2)
        .filter(|&at| stem.as_bytes()[at] == stem.as_bytes()[at + 1])
        .map(|at| &stem[..=at]);
    verbs.contains(stem)
        || verbs.contains(format!("{stem}e").as_str())
        || undoubled.is_some_and(|verb| verbs.contains(verb))
}

fn gerund_verbs() -> &'static std::collections::HashSet<&'static str> {
    static VERBS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    VERBS.get_or_init(|| GERUND_VERBS.split_whitespace().collect())
}

/// Verbs whose `-ing` form opens a sentence with a name as its object (`Seeing Dimorphos`,
/// `Beating Arsenal`, `Leaving Gaza`).
const GERUND_VERBS: &str = "
see watch beat win lose leave visit play meet hear face host join help hire sign sell buy build
open close keep bring take make get have call tell ask thank follow miss love hate fight coach
lead run manage defend attack support back criticise criticize blame praise replace sack fire
elect appoint name pick choose drop recall interview arrest charge sue reach enter cross tour
rebuild rescue save protect invade bomb shell target block ban fund finance govern rule serve
represent challenge oppose endorse hug kiss marry divorce honour honor remember mourn bury
welcome greet invite convince persuade trust believe understand know imagine picture
photograph film cover report catch stop tackle hit shoot score top
";

/// Whether `key` (a lowercase name) is a known place or organisation.
pub(crate) fn is_known(key: &str) -> bool {
    place(key).is_some() || organisation(key).is_some()
}

/// Surnames that one name romanised several ways gives, one family a line, the first
/// spelling its key: Korean (`Yoon`/`Yun`), Chinese in pinyin, Wade-Giles and Cantonese
/// (`Zhou`/`Chou`/`Chow`), Arabic. Spellings that are English words (`An`, `Go`, `He`, `Im`)
/// are left out. Each spelling is in one family only.
const ROMANISATIONS: &str = "
lee yi rhee rhie li
park pak bak
choi choe
jung chung jeong cheong
yoon yun
kang gang
cho jo
shin sin
lim rim lin lam
seo suh
kwon gwon
jeon chun jun chon
ko koh
moon mun
son sohn
bae pae
baek paek paik
heo hur huh
noh roh
kwak gwak
seong sung
ju joo chu zhu
ryu yoo yu
huang hwang
zhang chang cheung jang
wang wong
chen chan
zhou chou chow chau
liu lau
xu hsu
guo kuo kwok
zhao chao chiu
cai tsai choy
jiang chiang
xie hsieh tse
deng teng
zheng cheng
mohammed muhammad mohamed mohammad mohamad muhammed
hussein husain hussain husayn
gaddafi qaddafi kadhafi gadhafi
abdullah abdallah
osman othman uthman
youssef yusuf yousef yousif
";

/// The spelling a surname is compared by: letters the language writes two ways folded
/// (`Müller`/`Mueller`, `Sørensen`/`Soerensen`), then a romanisation's family key (`yun` →
/// `yoon`), or for an Arabic `al-`/`el-` name its consonants (`al-Tayeb`/`al-Tayyib`). Two
/// surnames with one key are one name spelled two ways.
pub(crate) fn spelling_key(surname: &str) -> String {
    let mut folded = String::with_capacity(surname.len() + 2);
    for c in surname.chars() {
        match c {
            'ü' => folded.push_str("ue"),
            'ö' | 'ø' => folded.push_str("oe"),
            'ä' | 'æ' => folded.push_str("ae"),
            'å' => folded.push_str("aa"),
            'ß' => folded.push_str("ss"),
            _ => folded.push(c),
        }
    }
    if let Some(name) = folded
        .strip_prefix("al-")
        .or_else(|| folded.strip_prefix("el-"))
    {
        return format!("al-{}", consonant_skeleton(name));
    }
    match romanisation_families().get(folded.as_str()) {
        Some(&key) => key.to_string(),
        None => folded,
    }
}

/// `tayeb`, `tayyib` → `tb`: an Arabic name's romanisations differ in their vowels and doubled
/// letters, so its first letter and the consonants after it, doubles once, are its key.
fn consonant_skeleton(name: &str) -> String {
    let mut chars = name.chars();
    let mut skeleton: String = chars.next().into_iter().collect();
    for c in chars {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if !vowel && !skeleton.ends_with(c) {
            skeleton.push(c);
        }
    }
    skeleton
}

fn romanisation_families() -> &'static HashMap<&'static str, &'static str> {
    static FAMILIES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        let mut key_of = HashMap::default();
        for family in ROMANISATIONS.lines() {
            let mut spellings = family.split_whitespace();
            let Some(key) = spellings.next() else {
                continue;
            };
            key_of.insert(key, key);
            for spelling in spellings {
                key_of.insert(spelling, key);
            }
        }
        key_of
    })
}

/// Given names common in Spanish- and Portuguese-speaking countries, folded to lowercase, with
/// and without their accents. A name opening with one, or the second given name of a compound
/// one (`María Fernanda`, `Juan Pablo`), is told apart from a paternal surname.
const HISPANIC_GIVEN_NAMES: &str = "
adriana agustín agustin alba alberto alejandra alejandro alfonso alfredo alicia álvaro alvaro
amparo ana andrea andrés andres ángel angel ángeles angeles antonio arturo beatriz camila
carlos carmen carolina catalina césar cesar claudia concepción concepcion consuelo cristina
daniela diego dolores eduardo elena emilio enrique ernesto esperanza esteban eugenia federico
felipe fernanda fernando florencia francisco gabriel gabriela gerardo gonzalo graciela
guadalupe guillermo gustavo héctor hector hugo ignacio inés ines isabel iván ivan jaime javier
jesús jesus joão joao joaquín joaquin jorge josé jose juan juana julio laura leticia lorena
lorenzo lucía lucia luis luisa luiz luz manuel marcela marcos margarita maría maria mariana
mario marta mateo mercedes miguel mónica monica natalia nicolás nicolas óscar paola patricia
patricio paula pedro pilar rafael ramón ramon raquel raúl raul ricardo roberto rocío rocio
rodrigo rosa rosario rubén ruben salvador sandra santiago sebastián sebastian sergio silvia
sofía sofia soledad susana teresa tomás tomas valentina vicente víctor victor ximena yolanda
ángela angela cecilia emilia francisca josefa lourdes manuela marisol milagros pablo
";

/// Words for kin, by the sex they name (`his daughter`, `her father`).
pub(crate) const FEMALE_KIN: &[&str] = &[
    "aunt",
    "daughter",
    "granddaughter",
    "grandmother",
    "mother",
    "niece",
    "sister",
    "stepdaughter",
    "stepmother",
    "widow",
    "wife",
];
pub(crate) const MALE_KIN: &[&str] = &[
    "brother",
    "father",
    "grandfather",
    "grandson",
    "husband",
    "nephew",
    "son",
    "stepfather",
    "stepson",
    "uncle",
    "widower",
];

/// The paternal surname of a Spanish or Portuguese name in full, which a story may use alone
/// on second reference: `ortiz` for `María Fernanda Ortiz Bustamante`, `herrera` for `Lucía
/// Herrera de la Fuente`, `garcía` for `Gabriel García Márquez`. Only for a name of three
/// words or more that reads as Hispanic (a first name from the list above, an accented letter,
/// or a paternal surname in -ez), and never a second given name (`Fernanda` of `María Fernanda
/// Ortiz`).
pub(crate) fn paternal_surname(words: &[String]) -> Option<&str> {
    let (last, rest) = words.split_last()?;
    // `de la Fuente`: particles before the last word belong to the maternal surname.
    let maternal_start = rest
        .iter()
        .rposition(|word| !flags(word).has(Flags::PARTICLE))
        .map_or(0, |at| at + 1);
    let paternal_at = maternal_start.checked_sub(1).filter(|&at| at >= 1)?;
    let paternal = words[paternal_at].as_str();
    let given = |word: &str| hispanic_given_names().contains(word);
    let accented = |word: &String| word.contains(['á', 'é', 'í', 'ó', 'ú', 'ñ', 'ã', 'õ', 'ç']);
    let reads_hispanic = given(&words[0]) || words.iter().any(accented) || paternal.ends_with("ez");
    let plain_word = paternal.chars().all(char::is_alphabetic) && paternal.chars().count() >= 2;
    let usable = words.len() >= 3
        && reads_hispanic
        && plain_word
        && !given(paternal)
        && !flags(paternal).has(Flags::PARTICLE)
        && !flags(last).has(Flags::GENERATIONAL);
    usable.then_some(paternal)
}

/// Whether `word` (lowercase) is a Spanish or Portuguese given name (`carlos`, `maría`).
pub(crate) fn is_hispanic_given_name(word: &str) -> bool {
    hispanic_given_names().contains(word)
}

fn hispanic_given_names() -> &'static std::collections::HashSet<&'static str> {
    static NAMES: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| HISPANIC_GIVEN_NAMES.split_whitespace().collect())
}

/// Common Chinese family names in pinyin, which come before the given name (`Liu Jianguo`,
/// `Xi Jinping`). Those that are also English words or given names (`He`, `Long`, `Lee`) are
/// left out: a name opening with them is not told apart.
const CHINESE_FAMILY_NAMES: &[&str] = &[
    "bai", "cai", "cao", "chen", "cheng", "cui", "deng", "ding", "dong", "du", "duan", "feng",
    "fu", "gao", "gong", "gu", "guo", "han", "hao", "hou", "hu", "huang", "jia", "jiang", "jin",
    "kong", "lai", "lei", "li", "liang", "liao", "lin", "liu", "lu", "luo", "lv", "ma", "meng",
    "mo", "pan", "peng", "qian", "qin", "qiu", "ren", "shao", "shen", "shi", "su", "sun", "tan",
    "tang", "tian", "wan", "wang", "wei", "wen", "wu", "xi", "xia", "xiang", "xiao", "xie",
    "xiong", "xu", "xue", "yan", "yang", "yao", "ye", "yin", "yu", "yuan", "zeng", "zhang", "zhao",
    "zheng", "zhong", "zhou", "zhu", "zou",
];

/// Whether `words` (folded) are a Chinese name in Chinese order: a common family name, then a
/// given name in pinyin (`Liu Jianguo`, `Wang Yi`), so the family name alone refers to it.
pub(crate) fn is_chinese_name_in_chinese_order(words: &[String]) -> bool {
    let [family, given] = words else {
        return false;
    };
    CHINESE_FAMILY_NAMES.contains(&family.as_str()) && is_pinyin(given)
}

/// A word that could be pinyin syllables: ASCII letters without `v`, ending as a syllable
/// ends (a vowel, `n`, `ng` or `r`).
fn is_pinyin(word: &str) -> bool {
    (2..=9).contains(&word.len())
        && word
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() && byte != b'v')
        && word.ends_with(['a', 'e', 'i', 'o', 'u', 'n', 'g', 'r'])
        && (!word.ends_with('g') || word.ends_with("ng"))
}

fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(listed_words()))
}

/// Every listed word with its flags, the plurals of demonyms among them.
fn listed_words() -> FxHashMap<&'static str, Flags> {
    let mut flags_of: FxHashMap<&'static str, Flags> = FxHashMap::default();
    for (list, flag) in WORD_LISTS {
        for word in list.split_whitespace() {
            let entry = flags_of.entry(word).or_default();
            *entry = entry.union(*flag);
        }
    }
    // `Older Argentines`, `South Africans`: a people in the plural. Built once for the table
    // (and once by its test), so the few strings are leaked to live as long as it.
    for word in DEMONYMS.split_whitespace() {
        if word.ends_with(['n', 'e', 'i']) {
            let plural: &'static str = Box::leak(format!("{word}s").into_boxed_str());
            let entry = flags_of.entry(plural).or_default();
            *entry = entry.union(Flags::DEMONYM);
        }
    }
    flags_of
}

/// The word lists' flags, looked up once per word of every story. Words of up to 16 bytes (all
/// but a few) are packed into two integers in an open-addressing table, so a look-up hashes
/// and compares two integers where a string map hashes bytes and calls `memcmp`.
struct WordTable {
    /// A power of two in length, at most half full.
    slots: Vec<Slot>,
    /// Words too long to pack.
    long: FxHashMap<&'static str, Flags>,
}

/// A packed word and its flags; `len` 0 marks an empty slot (no listed word is empty).
#[derive(Clone, Copy, Default)]
struct Slot {
    packed: [u64; 2],
    len: usize,
    flags: Flags,
}

/// Bytes a word may have to be packed.
const PACKED_BYTES: usize = 16;

impl WordTable {
    fn new(flags_of: FxHashMap<&'static str, Flags>) -> WordTable {
        let mut table = WordTable {
            slots: vec![Slot::default(); (flags_of.len() * 2).next_power_of_two()],
            long: FxHashMap::default(),
        };
        for (word, flags) in flags_of {
            match pack(word) {
                Some(packed) => {
                    let slot = table.slot(packed, word.len());
                    table.slots[slot] = Slot {
                        packed,
                        len: word.len(),
                        flags,
                    };
                }
                None => {
                    table.long.insert(word, flags);
                }
            }
        }
        table
    }

    fn get(&self, word: &str) -> Flags {
        match pack(word) {
            Some(packed) => self.slots[self.slot(packed, word.len())].flags,
            None => self.long.get(word).copied().unwrap_or_default(),
        }
    }

    /// The slot holding the packed word, or the empty slot where it would go (whose flags
    /// are none).
    fn slot(&self, packed: [u64; 2], len: usize) -> usize {
        let last = self.slots.len() - 1;
        let mixed = (packed[0] ^ packed[1].rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut slot = (mixed >> 32) as usize & last;
        loop {
            let candidate = &self.slots[slot];
            if candidate.len == 0 || (candidate.len == len && candidate.packed == packed) {
                return slot;
            }
            slot = (slot + 1) & last;
        }
    }
}

/// A word of 1 to 16 bytes as two integers (zero-padded; with its length, that is the word).
fn pack(word: &str) -> Option<[u64; 2]> {
    if word.is_empty() || word.len() > PACKED_BYTES {
        return None;
    }
    let mut bytes = [0u8; PACKED_BYTES];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    let (low, high) = bytes.split_at(8);
    Some([
        u64::from_le_bytes(low.try_into().unwrap_or_default()),
        u64::from_le_bytes(high.try_into().unwrap_or_default()),
    ])
}

struct KnownNames {
    places: HashMap<String, &'static str>,
    organisations: HashMap<String, &'static str>,
}

fn known_names() -> &'static KnownNames {
    static NAMES: OnceLock<KnownNames> = OnceLock::new();
    NAMES.get_or_init(|| KnownNames {
        places: name_table(PLACES),
        organisations: name_table(ORGANISATIONS),
    })
}

/// Parses `Name|Name = Alias = Alias|…`: each name and alias, lowercased with single spaces,
/// maps to the entry's first name.
fn name_table(list: &'static str) -> HashMap<String, &'static str> {
    let mut table = HashMap::default();
    for entry in list.split('|') {
        let mut names = entry.split('=').map(str::trim).filter(|n| !n.is_empty());
        if let Some(canonical) = names.next() {
            table.insert(name_key(canonical), canonical);
            for alias in names {
                table.insert(name_key(alias), canonical);
            }
        }
    }
    table
}

/// The lookup form of a name: lowercase, single spaces, straight apostrophes.
pub(crate) fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // One pass for ASCII: lowercase, whitespace runs to one space, none at either end.
        let mut key = String::with_capacity(name.len());
        for word in name.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return key;
    }
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

const WORD_LISTS: &[(&str, Flags)] = &[
    (STOP_WORDS, Flags::STOP),
    (PRONOUNS, Flags::PRONOUN),
    (PRONOUNS, Flags::STOP),
    (CALENDAR, Flags::CALENDAR),
    (CALENDAR, Flags::STOP),
    (TITLES, Flags::TITLE),
    (DEMONYMS, Flags::DEMONYM),
    (PARTICLES, Flags::PARTICLE),
    (ORG_SUFFIXES, Flags::ORG_SUFFIX),
    (TEAM_NOUNS, Flags::ORG_SUFFIX),
    (ORG_PREFIXES, Flags::ORG_PREFIX),
    (FOREIGN_INSTITUTIONS, Flags::ORG_PREFIX),
    (OF_HEADS, Flags::OF_HEAD),
    (PLACE_SUFFIXES, Flags::PLACE_SUFFIX),
    (PLACE_PREFIXES, Flags::PLACE_PREFIX),
    (COMPASS, Flags::COMPASS),
    (ROLE_PERSON, Flags::ROLE_PERSON),
    (ROLE_ORG, Flags::ROLE_ORG),
    (ROLE_PLACE, Flags::ROLE_PLACE),
    (MODIFIERS, Flags::MODIFIER),
    ("the a an", Flags::DETERMINER),
    ("his her its their our my your", Flags::POSSESSIVE),
    (
        "in near outside across throughout into around inside",
        Flags::PLACE_CUE,
    ),
    // Postnominals too: honours and silks (`Fiona Mulgrew KC`, `Eileen McAllister MBE`).
    (
        "jr sr ii iii iv sc kc qc mbe obe cbe kbe dbe bem frs qpm jp dl",
        Flags::GENERATIONAL,
    ),
    (NOT_ACRONYMS, Flags::NOT_ACRONYM),
    (
        "who whom whose which that where when while",
        Flags::RELATIVE,
    ),
    (EVENTS, Flags::EVENT),
    (SPEECH_VERBS, Flags::SPEECH),
    (PARTIES, Flags::PARTY),
];

/// Words capitalised at the start of a sentence that never begin a name.
const STOP_WORDS: &str = "
the a an this that these those there here however while whilst when where what why how which
if but and or nor so yet also as at by for from in into on onto of off out up down with without
within under over among amongst amid alongside despite although though because since until unless
after before during through throughout across around about above below between beyond near
against toward towards upon via per than then now today tonight yesterday tomorrow meanwhile
outside inside beside behind beneath underneath along past atop
moreover furthermore nevertheless nonetheless still even just only some many most much more less
few fewer several each every all both either neither none no not one two three four five six half
seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion
other others another such same last next earlier later instead
according like unlike once twice never always often perhaps maybe please yes thank thanks dear
hello hi indeed overall finally already again almost rather whether therefore thus hence
otherwise besides anyway whatever whoever wherever whenever let do does did is are was were be
been being has have had will would can could should might must shall says said asked added
ok okay sure well oh ah wow hey amen sorry welcome goodbye
";

const PRONOUNS: &str = "
i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
who whom whose myself yourself himself herself itself ourselves yourselves themselves someone
somebody something anyone anybody anything everyone everybody everything nobody nothing
";

/// Days, months and holidays; of the months' abbreviations, only those no one is named (`Jan`,
/// `Jun`, `Mar` and `Sep` are given names or surnames).
const CALENDAR: &str = "
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december christmas easter ramadan hanukkah diwali
thanksgiving halloween passover mondays tuesdays wednesdays thursdays fridays saturdays sundays
feb apr aug sept oct nov dec
";

/// Titles written capitalised before a name. Compound titles (`Chief Financial Officer`,
/// `Secretary of State`) end on one of these words. `Earl`, `Duke` and `Baron` are left out:
/// they are first names as often (`Earl Henderson`, `Duke Ellington`).
const TITLES: &str = "
president minister secretary chancellor premier mayor governor senator judge justice attorney
director chief executive officer chairman chairwoman chairperson chair spokesman spokesperson
spokeswoman ambassador commissioner inspector detective sergeant captain lieutenant colonel
commander admiral professor dr mr mrs ms mx miss sir dame lord lady king queen prince princess
baroness viscount viscountess countess duchess marquess marchioness sheikha ratu
pope cardinal archbishop bishop rev reverend rabbi imam sheikh coach manager speaker leader
father fr pastor deacon monsignor msgr shri sri smt shrimati srimati alhaji alhaja hajiya hajia otunba engr cllr
representative rep sen gov gen col capt sgt lt cmdr adm maj cpl pvt prof supt det insp hon
honourable honorable venerable ven archdeacon swami pandit spc pfc ens dj
treasurer auditor superintendent sheriff marshal emir sultan president-elect secretary-general agent
councillor councilman councilwoman councilmember alderman congressman congresswoman assemblyman assemblywoman
mp mep ceo cfo coo cto
dci dcs dsupt
";

const DEMONYMS: &str = "
afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani
bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian
cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish
dutch ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish
french georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic indian
indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan
korean kosovar kuwaiti kyrgyz latvian lebanese libyan lithuanian malaysian malian maltese mexican
moldovan mongolian montenegrin moroccan nepali nepalese nigerian norwegian pakistani palestinian
panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan saudi scottish
senegalese serbian serb singaporean slovak slovenian somali spanish sudanese swedish swiss syrian
taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek
venezuelan vietnamese welsh yemeni zambian zimbabwean african asian arab soviet chechen kurdish
catalan basque bavarian texan californian scandinavian baltic nordic latino hispanic frenchman
frenchwoman englishman englishwoman dutchman dutchwoman scotsman scotswoman welshman welshwoman
irishman irishwoman victorian queenslander tasmanian ontarian albertan
samoan fijian tongan tuvaluan papuan hawaiian guamanian chamorro maori māori tahitian niuean
palauan marshallese micronesian polynesian melanesian
nicaraguan salvadoran dominican trinidadian barbadian bahamian guyanese surinamese belizean
liberian gambian guinean beninese togolese burkinabe chadian djiboutian malagasy mauritian
mozambican angolan namibian malawian burundian gabonese omani bahraini laotian bruneian
macedonian azeri tibetan uyghur uighur punjabi bengali tamil sinhalese gujarati yoruba igbo hausa
zulu xhosa afrikaner flemish walloon corsican sicilian quebecois acadian inuit
methodist lutheran catholic episcopal episcopalian presbyterian anglican pentecostal evangelical
mennonite adventist congregational unitarian jewish muslim hindu sikh buddhist
";

const PARTICLES: &str =
    "de da do dos das du des del della di van von der den ter ten la le y bin ibn bint al el abu zu zur ó ní nic uí";

const ORG_SUFFIXES: &str = "
ministry council union inc ltd llc plc corp co corporation company group bank agency party
university police institute institutet institution association commission committee department
office service services organization organisation court foundation fund federation league church
society college school academy museum hospital clinic center centre times post press news herald
journal tribune gazette democrats republicans greens socialists conservatives liberals airlines
airways motors holdings partners media systems technologies labs pharma pharmaceuticals biologics
rail railway railways network broadcasting trust board authority parliament senate congress
assembly cabinet government army navy forces guard command brigade battalion regiment club fc
orchestra theatre theater studios records bureau secretariat tribunal cooperative alliance
coalition front movement brotherhood lodge exchange reserve treasury insurance energy bancorp gmbh
ag sa nv ab asa spa srl administration securities capital management investments advisers
advisors industries electronics semiconductor semiconductors logistics ventures resources
petroleum chemicals foods software solutions consulting associates athletic united rovers
wanderers albion hotspur markets planning design architects engineering construction homes developments
estates properties builders surveyors haulage landscaping plumbing roofing contractors
municipality wire nation nations research insights entertainment materials mines mining
heritage local supply farms
division corps squadron fleet chapel cathedral basilica mosque synagogue mandir gurdwara abbey
monastery convent diocese archdiocese ministries fellowship tabernacle seminary shipbuilding
aerospace dynamics analytics charities refinery refineries advisory consultancy sabha samaj sangh
parishad samiti medicine health healthcare therapeutics biosciences biotech diagnostics generics
library libraries radio forum elementary lofts apartments air aviation
gallery galleries transit freight ledger lines books rooms workshop choir band duo trio quartet
quintet ensemble partnership pharmacy pharmacies pictures films studies programme program project
racing motorsport motorsports global photos photography images force prisons
";

/// Company legal forms (`AG`, `GmbH`, `PLC`): whatever comes before one is a business.
const LEGAL_FORMS: &[&str] = &[
    "ag", "gmbh", "se", "sa", "nv", "bv", "plc", "inc", "ltd", "llc", "ab", "asa", "spa", "srl",
    "corp", "co", "kg", "oy",
];

/// Whether `lower` (a word lowercased, a trailing period allowed) is a company's legal form.
pub(crate) fn is_legal_form(lower: &str) -> bool {
    LEGAL_FORMS.contains(&lower.trim_end_matches('.'))
}

/// The last words of sports teams' names (`Paisley Thistle`, `Harbour Sharks`, `Melbourne
/// Stars`), which a story also uses alone (`the Sharks`, `Thistle manager`). Also organisation
/// suffixes.
const TEAM_NOUNS: &str = "
thistle sharks tigers lions eagles bears bulls wolves hawks giants saints raiders warriors
knights dragons panthers jets dolphins magpies bombers hornets falcons ravens chiefs titans
cowboys seahawks rams pirates cubs stars blues rockets flames oilers jaguars broncos bengals
steelers packers patriots yankees dodgers mariners padres orioles
";

/// `thistle` for `Paisley Thistle`: a team's name without its place.
pub(crate) fn team_short_name(words: &[String]) -> Option<&str> {
    let (last, rest) = words.split_last()?;
    let is_team = TEAM_NOUNS.split_whitespace().any(|noun| noun == last);
    (is_team && !rest.is_empty()).then_some(last.as_str())
}

const ORG_PREFIXES: &str = "
bank university museum ministry department institute council radio club
fc cf sv vfb vfl tsg borussia eintracht werder hertha fortuna dynamo dinamo sporting olympique
naval diocese archdiocese congregation masjid gurdwara casa universities team scuderia atelier
uss usns uscgc hms hmas hmcs hmnzs
ysgol coleg prifysgol cyngor canolfan project royal
trattoria osteria ristorante brasserie bistro taverna pizzeria
";

/// First words of Spanish, Portuguese, French and German institutions' names (`Universidad
/// Mayor de San Andrés`, `Banco General`), also organisation prefixes. After one, `Mayor` or
/// `General` is no English title.
const FOREIGN_INSTITUTIONS: &str = "
banco banque banca universidad universidade université universität museu museo musée instituto
institut fundación fundação colegio escuela iglesia igreja agence agencia compagnie société grupo
";

/// Whether `lower` opens a foreign institution's name ([`FOREIGN_INSTITUTIONS`]).
pub(crate) fn opens_foreign_institution(lower: &str) -> bool {
    FOREIGN_INSTITUTIONS
        .split_whitespace()
        .any(|word| word == lower)
}

const OF_HEADS: &str = "
bank university ministry department institute council secretary museum order republic court
church house board office bureau academy college school society federation association league
union commission committee agency service organization organisation chamber kingdom city
museu banco banque federation fund foundation tribunal
cathedral basilica diocese archdiocese shrine congregation centre center centres centers alliance
coalition campaign
";

const PLACE_SUFFIXES: &str = "
river mountains mountain lake sea ocean desert delta valley island islands isles bay gulf strait
straits canal coast peninsula plain plains hills heights forest street strasse straße avenue road
square boulevard lane bridge province region county city oblast krai prefecture beach falls
glacier canyon highlands lowlands basin harbor harbour airport corner stadium speedway velodrome
racecourse ballpark coliseum colosseum amphitheatre amphitheater highway freeway motorway
expressway turnpike hollow creek springs oval dam reservoir nagar cantonment wharf quay pier
jetty marina plaza rapids district ranch parish airfield base station gap pass drive state zone
mall isle
";

/// Lowercase words after a name that make it a place (`Kikuchi city`, `the Saltivka district`,
/// `Ota ward`): the recogniser calls the name a place, and a surname there names no person.
#[rustfmt::skip]
const AREA_WORDS: &[&str] = &[
    "city", "town", "village", "township", "municipality", "ward", "district", "districts",
    "neighbourhood", "neighborhood", "suburb", "region", "province", "prefecture", "county",
    "borough", "oblast", "raion", "hromada", "governorate", "voivodeship",
];

/// Whether `lower` is one of [`AREA_WORDS`].
pub(crate) fn is_area_word(lower: &str) -> bool {
    AREA_WORDS.contains(&lower)
}

/// Foods before a person's name make a dish of it (`eggs Benedict`, `peach Melba`, `beef
/// Wellington`): the name is the dish's, not a mention of the person.
#[rustfmt::skip]
const DISH_WORDS: &[&str] = &[
    "beef", "chicken", "egg", "eggs", "peach", "peaches", "pear", "pears", "lobster", "veal",
    "sole", "oysters", "steak", "salmon", "pizza", "crêpes", "crepes", "tournedos", "pommes",
];

/// Whether `lower` is one of [`DISH_WORDS`].
pub(crate) fn is_dish_word(lower: &str) -> bool {
    DISH_WORDS.contains(&lower)
}

const PLACE_PREFIXES: &str = "
mount mt lake cape port fort saint st san santa são santo sankt avenida rue calle cerro rio
río costa puerto porto nueva nuevo isle gulf parc new
";

const COMPASS: &str = "
north south east west northern southern eastern western central upper lower greater northeast
northwest southeast southwest middle
";

const ROLE_PERSON: &str = "
spokesperson spokesman spokeswoman president minister secretary director chief head leader
chairman chairwoman chair chairperson executive officer official manager founder cofounder
co-founder owner co-owner editor reporter correspondent journalist economist analyst strategist scientist
researcher professor lecturer teacher schoolteacher student doctor nurse surgeon physician lawyer
attorney prosecutor judge mayor governor senator lawmaker legislator congressman congresswoman
representative ambassador envoy diplomat negotiator adviser advisor aide commander general colonel
captain lieutenant sergeant soldier chancellor premier king queen prince princess monarch pope
bishop archbishop cardinal priest imam rabbi pastor coach player striker midfielder defender
goalkeeper champion athlete runner driver pilot singer actor actress artist painter sculptor
architect weaver designer writer author novelist poet playwright producer filmmaker photographer
musician composer curator historian archaeologist engineer farmer worker resident neighbour
neighbor witness survivor victim suspect defendant plaintiff candidate challenger incumbent rival
opponent activist campaigner organizer organiser volunteer businessman businesswoman entrepreneur
investor banker trader epidemiologist virologist investigator inspector detective sheriff
firefighter paramedic mother father daughter son wife husband widow widower sister brother
grandmother grandfather granddaughter grandson friend colleague member deputy delegate
commissioner auditor accountant bookkeeper consultant clerk principal dean treasurer speaker
counsel solicitor barrister magistrate administrator superintendent marshal admiral ranger
investigator commentator presenter host anchor critic expert specialist researcher fellow
economist governor vice-president secretary-general ceo cfo coo cto qualifier veteran
shopkeeper owner landlord tenant pensioner retiree mp mep councillor
forward guard center centre quarterback pitcher catcher goalie winger fullback halfback linebacker
shortstop outfielder infielder receiver tailback cornerback safety batter bowler batsman jockey
skipper sprinter swimmer rookie freshman sophomore senior
opener wicketkeeper keeper all-rounder spinner leg-spinner off-spinner seamer paceman fly-half
scrum-half flanker full-back centre-back center-back wing-back left-back right-back playmaker
substitute debutant
trustee regent meteorologist forecaster climatologist hydrologist geologist biologist ecologist
chemist physicist psychologist pharmacist dentist therapist veterinarian pediatrician librarian
planner technician mechanic electrician plumber contractor steward
convenor auctioneer rancher bassist guitarist drummer pianist vocalist fiddler violinist cellist
rapper songwriter frontman frontwoman bandmaster conductor storyteller dj
deacon nun monk friar chaplain cantor missionary evangelist preacher clergyman clergywoman cleric
parishioner congregant worshipper worshiper seminarian abbot abbess vicar rector curate theologian
mufti granthi priestess private corporal airman seaman sailor cadet midshipman ensign recruit
paratrooper infantryman medic gunner aviator commandant servicemember
";

/// Party labels written before a name (`Republican Gordon McAllister`); `Green` is left out,
/// as in `Green New Deal` it begins a name.
const PARTIES: &str = "
republican democrat democratic independent libertarian conservative labour liberal tory socialist
";

const ROLE_ORG: &str = "
company firm group agency bank lender insurer charity union party ministry department government
council committee commission court newspaper daily weekly tabloid broadcaster network channel
magazine outlet publisher miner producer maker manufacturer carrier airline operator retailer
chain brand startup start-up conglomerate fund foundation institute university school college
hospital museum gallery team club band service regulator watchdog authority organisation
organization association federation alliance coalition movement platform app website developer
contractor subsidiary bloc army militia think-tank nonprofit non-profit supermarket exporter
importer utility telecom operator parliament storefront shop store bakery restaurant cafe café
diner eatery bistro pizzeria brewery winery distillery bookstore boutique salon grocery deli
pharmacy hotel motel inn
";

const ROLE_PLACE: &str = "
city town village country nation state province region district county capital port island river
valley neighbourhood neighborhood suburb municipality republic kingdom territory enclave peninsula
economy commune hamlet settlement oblast prefecture resort cities towns villages countries states
provinces regions districts counties
";

const MODIFIERS: &str = "
chief senior junior former deputy acting interim incumbent retired assistant associate vice
executive general foreign defense defence interior finance justice health education economy
energy trade labor labour state federal national regional local city county municipal police
election museum library union party opposition government presidential principal head top lead
managing operating financial technology marketing communications press public private prime
then longtime veteran young fellow outgoing incoming elected appointed district special white
team club company group family supreme high military security intelligence foreign-policy
eurozone mining grid research clinical editorial culture cultural sports transport environment
agriculture food science arts industry development human rights housing fisheries welfare
social affairs dated
";

const NOT_ACRONYMS: &str = "
ceo cfo coo cto gdp tv ok am pm ai it usd eur gbp covid hiv aids dna pdf faq nb ps vs id ip pr hr
rip lol omg ufo vip diy asap faqs ceos mph kph km kg cm mm ml ltd inc co corp plc llc sa ag gmbh
no st jr sr ii iii iv i
";

const EVENTS: &str = "
hurricane storm typhoon cyclone tropical operation war cup championship championships games
olympics olympic prize award awards festival summit conference slam open grand-prix derby
shield trophy year mass masses medal medals act
";

const SPEECH_VERBS: &str = "said says say told tells added adds wrote writes stated noted argued";

/// Known places: countries, regions, capitals and large cities, U.S. states, and the planets a
/// science story names (not `Mercury`, `Venus`, `Earth` or `Moon`, which are names as often).
/// Each entry is `Canonical = Alias = Alias`.
const PLACES: &str = "
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria = Österreich|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina = Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Congo|Democratic Republic of Congo = DRC = Democratic Republic of the Congo|Costa Rica|
Ivory Coast = Côte d'Ivoire|Croatia|Cuba|Cyprus|Czech Republic = Czechia|Denmark = Danmark|Djibouti|
Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland = Suomi|France|Gabon|Gambia|Georgia|Germany = Deutschland|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar = Burma|Namibia|Nauru|Nepal|Netherlands = Holland = Nederland|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway = Norge|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|
Russia = Russian Federation|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden = Sverige|Switzerland = Schweiz = Suisse|Syria|Taiwan|Tajikistan|Tanzania|Thailand|
Timor-Leste = East Timor|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey = Türkiye|Turkmenistan|
Tuvalu|Uganda|Ukraine|United Arab Emirates = UAE|
United Kingdom = U.K. = UK = Britain = Great Britain|
United States = U.S. = US = USA = U.S.A. = United States of America = America|Uruguay|
Uzbekistan|Vanuatu|Vatican = Vatican City|Venezuela|Vietnam = Viet Nam|Yemen|Zambia|Zimbabwe|
England|Scotland|Wales|Northern Ireland|Greenland|Puerto Rico|Hong Kong|Macau|Gaza|
Gaza Strip|West Bank|Crimea|Donbas|Kosovo|Tibet|Xinjiang|Kashmir|Chechnya|Catalonia|Bavaria|
Veneto|Lombardy = Lombardia|Piedmont = Piemonte|Tuscany = Toscana|Emilia-Romagna|Liguria|Lazio|
Campania|Apulia = Puglia|Calabria|Sicily = Sicilia|Sardinia = Sardegna|Umbria|Abruzzo|
Saxony|Hesse|Siberia|Patagonia|
Europe|Asia|Africa|North America|South America|Latin America|Antarctica|Oceania|Middle East|
Balkans|Caucasus|Scandinavia|Caribbean|Mediterranean|Black Sea|Baltic Sea|Red Sea|Arctic|
Sahara|Sahel|Amazon|Himalayas|Alps|Andes|Pacific|Atlantic|
Mars|Jupiter|Saturn|Neptune|Uranus|Pluto|
Kyiv|Moscow|Istanbul|Ankara|Washington|London|Paris|Berlin|Madrid|Rome|Lisbon|Dublin|
Brussels|Amsterdam|The Hague|Vienna|Prague|Warsaw|Budapest|Bucharest|Athens|Belgrade|
Zagreb|Ljubljana|Bratislava|Copenhagen|Stockholm|Oslo|Helsinki|Reykjavik|Tallinn|Riga|
Vilnius|Minsk|Chisinau|Tbilisi|Yerevan|Baku|Bern|Geneva|Hague|Zurich|Munich|Frankfurt|Hamburg|
Cologne|Düsseldorf|Stuttgart|Leipzig|Dresden|Milan|Naples|Turin|Barcelona|Valencia|Seville|
Porto|Marseille|Lyon|Manchester|Liverpool|Birmingham|Leeds|Sheffield|Glasgow|Edinburgh|
Cardiff|Belfast|Newcastle|Bristol|Kharkiv|Odesa = Odessa|Lviv|Dnipro|Zaporizhzhia|Mariupol|
Kherson|Donetsk|Luhansk|Bakhmut|Sevastopol|St. Petersburg = Saint Petersburg|Wrocław|Krakow =
Kraków|Gdansk = Gdańsk|Jerusalem|Tel Aviv|Beirut|Damascus|Baghdad|Tehran|Riyadh|Doha|Dubai|
Abu Dhabi|Amman|Cairo|Tripoli|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|
Lagos|Abuja|Accra|Dakar|Kinshasa|Johannesburg|Cape Town|Pretoria|Kabul|Islamabad|Karachi|
Lahore|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bangalore = Bengaluru|Dhaka|Kathmandu|Colombo|
Beijing|Shanghai|Hong Kong|Shenzhen|Guangzhou|Wuhan|Taipei|Tokyo|Osaka|Seoul|Pyongyang|
Hanoi|Ho Chi Minh City = Saigon|Bangkok|Manila|Jakarta|Kuala Lumpur|Singapore|Sydney|
Melbourne|Canberra|Auckland|Wellington|Ottawa|Toronto|Montreal|Vancouver|New York|
New York City|Los Angeles|Chicago|Houston|Miami|Boston|San Francisco|Seattle|Atlanta|Dallas|
Denver|Detroit|Philadelphia|Phoenix|Mexico City|Havana|Bogotá = Bogota|Caracas|Lima|Quito|
La Paz|Santiago|Buenos Aires|Montevideo|Asunción|São Paulo = Sao Paulo|Rio de Janeiro|
Brasília|Salvador|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|
Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|
New South Wales|Victoria|Queensland|South Australia|Western Australia|Tasmania|
Northern Territory|Australian Capital Territory|Perth|Adelaide|Brisbane|Hobart|
Ontario|Quebec = Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|
New Brunswick|Newfoundland and Labrador = Newfoundland|Prince Edward Island|Yukon|Nunavut|
Calgary|Edmonton|Winnipeg|Maharashtra|Gujarat|Karnataka|Kerala|Tamil Nadu|Uttar Pradesh|
West Bengal|Rajasthan|Bihar|Telangana|Hyderabad|Pune|Ahmedabad|Kyoto|Yokohama|Nagoya|
Hiroshima|Fukushima|Okinawa|Hokkaido
";

/// Known organisations whose names carry no suffix cue.
const ORGANISATIONS: &str = "
Kremlin|White House|Pentagon|Downing Street|Élysée|Bundestag|Duma|Knesset|Congress|
BBC|CNN|NBC|CBS|ABC|NPR|PBS|Reuters|Agence France-Presse = AFP|Associated Press = AP|
Bloomberg|Al Jazeera|Folha de S.Paulo|Le Monde|Der Spiegel|
NATO|OPEC|IMF|UNESCO|UNICEF|FIFA|UEFA|IOC|FBI|CIA|NSA|MI5|MI6|Interpol|Europol|Eurostat|
European Union = EU = E.U.|United Nations = UN = U.N.|World Health Organization = WHO|
International Atomic Energy Agency = IAEA|European Commission|Bundesbank|Federal Reserve|
Google|Apple|Microsoft|Amazon.com|Meta|Facebook|Instagram|LinkedIn|Telegram|Twitter|TikTok|
YouTube|WhatsApp|Tesla|SpaceX|OpenAI|Nvidia|Samsung|Toyota|Volkswagen|Gazprom|Rosneft|Hamas|
Hezbollah|Taliban|Red Cross|Greenpeace|Amnesty International|Human Rights Watch|Acas|
Fianna Fáil|Fine Gael|Sinn Féin|Bharatiya Janata Party = BJP|Aam Aadmi Party = AAP|
African National Congress = ANC|Economic Freedom Fighters = EFF|Alcoholics Anonymous|
Lockheed Martin|Northrop Grumman|Raytheon|Boeing|Airbus|L3Harris|Holy See|City Hall|Town Hall|
All Blacks|Black Ferns|Wallabies|Springboks|Manu Samoa|Ikale Tahi|Flying Fijians|
Morgan Stanley|Goldman Sachs|JPMorgan Chase|JPMorgan|Merrill Lynch|Charles Schwab|Wells Fargo|
Lehman Brothers|Hewlett Packard|Hewlett-Packard|Johnson & Johnson|Procter & Gamble|
Marks & Spencer|Ernst & Young|McKinsey|Rolls-Royce|Harley-Davidson|Sotheby's|Christie's|
Standard & Poor's|Dow Jones|Sainsbury's
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_every_list_they_are_in() {
        let chief = flags("chief");
        assert!(chief.has(Flags::TITLE) && chief.has(Flags::ROLE_PERSON));
        assert!(chief.has(Flags::MODIFIER));
        assert!(flags("however").has(Flags::STOP));
        assert!(flags("she").has(Flags::PRONOUN));
        assert_eq!(flags("zelensky"), Flags::default());
    }

    /// The packed table answers as a plain map of the lists would, for every listed word and
    /// for near misses: a letter more or less, long words, empty and non-ASCII words.
    #[test]
    fn packed_table_answers_as_a_map_of_the_lists() {
        let reference: FxHashMap<String, Flags> = (listed_words().into_iter())
            .map(|(word, flags)| (word.to_string(), flags))
            .collect();
        assert!(reference.contains_key("argentines"));
        let mut words: Vec<String> = vec![
            String::new(),
            "x".repeat(16),
            "x".repeat(17),
            "spokeswomanship-in-chief".to_string(),
            "zelensky".to_string(),
            "café".to_string(),
        ];
        for word in reference.keys() {
            words.push(word.clone());
            words.push(format!("{word}s"));
            words.push(format!("a{word}"));
            let mut shorter = word.clone();
            shorter.pop();
            words.push(shorter);
        }
        assert!(reference.keys().any(|word| word.len() > PACKED_BYTES));
        for word in &words {
            let expected = reference.get(word).copied().unwrap_or_default();
            assert_eq!(flags(word), expected, "{word:?}");
        }
    }

    #[test]
    fn aliases_map_to_the_canonical_name() {
        assert_eq!(place("u.s."), Some("United States"));
        assert_eq!(place("kyiv"), Some("Kyiv"));
        assert_eq!(place("ho chi minh city"), Some("Ho Chi Minh City"));
        assert_eq!(organisation("ecb"), None);
        assert_eq!(organisation("afp"), Some("Agence France-Presse"));
    }
}
