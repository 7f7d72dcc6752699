//! Scratch inspection (never committed).
use copydesk::analysis::{entities, quotes, Document, Format, Settings};

fn files(var: &str) -> Vec<std::path::PathBuf> {
    let Ok(path) = std::env::var(var) else {
        return Vec::new();
    };
    let path = std::path::PathBuf::from(path);
    if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    } else {
        vec![path]
    }
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[test]
fn dump_entities() {
    for path in files("E") {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::parse(&text, Format::from_path(&path.to_string_lossy()));
        let found = entities::extract(&doc);
        println!("== {}", path.display());
        for v in &found.variants {
            println!("  VARIANT {:?}", v);
        }
        for e in &found.entities {
            println!(
                "  {:?} | {} | {:?} | {}",
                e.kind,
                e.name,
                e.role,
                e.mentions.len()
            );
        }
    }
}

#[test]
fn dump_quotes() {
    for path in files("Q") {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::parse(&text, Format::from_path(&path.to_string_lossy()));
        println!("== {}", path.display());
        for q in quotes::find_quotes(&doc, &Settings::default()) {
            let inner = &text[q.inner.clone()];
            println!(
                "  L{} {:?} standalone={} needs={} attr={:?} {:?}",
                line_of(&text, q.range.start),
                q.kind,
                q.standalone,
                q.needs_speaker(),
                q.attribution
                    .as_ref()
                    .and_then(|a| a.speaker.clone())
                    .map(|r| &text[r]),
                &inner[..inner.floor_char_boundary(50)]
            );
        }
    }
}
