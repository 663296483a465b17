//! Unit tests of the structure parser on hand-written plan snippets.

use super::*;

fn paths(text: &str) -> Vec<String> {
    parse(text).sections.into_iter().map(|s| s.path).collect()
}
