//! The verb lexicon (`data/verbs.toml`): named groups of verbs and link words
//! shared by the kind and role rules (`classify`), the indicator rules
//! (`indicator`) and two-tier targets (`tiers`), loaded once.

use serde::Deserialize;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../data/verbs.toml");

/// A verb lexicon that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// Not valid TOML, or a group missing or unknown.
    #[error("verb lexicon: {0}")]
    Toml(#[from] toml::de::Error),
    /// A group with no words.
    #[error("verb lexicon: group `{0}` is empty")]
    EmptyGroup(&'static str),
}

/// The groups of `data/verbs.toml`; see the comments there.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lexicon {
    pub new: Vec<String>,
    pub new_more: Vec<String>,
    pub recurring: Vec<String>,
    pub action: Vec<String>,
    pub action_more: Vec<String>,
    pub framing: Vec<String>,
    pub level_verbs: Vec<String>,
    pub level: Vec<String>,
    pub level_after: Vec<String>,
    pub action_after: Vec<String>,
    pub after_stops: Vec<String>,
    pub event_after: Vec<String>,
    pub existence: Vec<String>,
    pub continuation: Vec<String>,
    pub existing_object: Vec<String>,
    pub stretch: Vec<String>,
    pub stretch_links: Vec<String>,
    pub beneficiary: Vec<String>,
    pub counting: Vec<String>,
}

impl Lexicon {
    /// Parses a lexicon; every group must be present and non-empty.
    pub(crate) fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let lex: Lexicon = toml::from_str(text)?;
        for (name, words) in lex.groups() {
            if words.is_empty() {
                return Err(LexiconError::EmptyGroup(name));
            }
        }
        Ok(lex)
    }

    fn groups(&self) -> [(&'static str, &[String]); 19] {
        [
            ("new", &self.new),
            ("new_more", &self.new_more),
            ("recurring", &self.recurring),
            ("action", &self.action),
            ("action_more", &self.action_more),
            ("framing", &self.framing),
            ("level_verbs", &self.level_verbs),
            ("level", &self.level),
            ("level_after", &self.level_after),
            ("action_after", &self.action_after),
            ("after_stops", &self.after_stops),
            ("event_after", &self.event_after),
            ("existence", &self.existence),
            ("continuation", &self.continuation),
            ("existing_object", &self.existing_object),
            ("stretch", &self.stretch),
            ("stretch_links", &self.stretch_links),
            ("beneficiary", &self.beneficiary),
            ("counting", &self.counting),
        ]
    }

    /// Verbs that end the text before an indicator (`新增`, `建设`, `推动`,
    /// `建成`): the groups `new`, `action`, `framing` and `level_verbs`.
    pub(crate) fn phrase_verbs(&self) -> impl Iterator<Item = &str> {
        words([&self.new, &self.action, &self.framing, &self.level_verbs])
    }

    /// Explicit newness and recurring periods (kind rule 2).
    pub(crate) fn explicit_new(&self) -> impl Iterator<Item = &str> {
        words([&self.new, &self.new_more, &self.recurring])
    }

    /// Levels and totals (kind rule 3).
    pub(crate) fn level_words(&self) -> impl Iterator<Item = &str> {
        words([&self.level, &self.level_verbs])
    }

    /// Creating, obtaining or doing something (kind rule 4).
    pub(crate) fn actions(&self) -> impl Iterator<Item = &str> {
        words([&self.action, &self.action_more])
    }
}

/// The words of several groups, in order.
fn words<const N: usize>(groups: [&Vec<String>; N]) -> impl Iterator<Item = &str> {
    groups
        .into_iter()
        .flat_map(|g| g.iter().map(String::as_str))
}

/// The built-in lexicon (`data/verbs.toml`, checked by a test; an unusable
/// file would leave every group empty).
pub(crate) static VERBS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(BUILTIN).unwrap_or_default());

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn builtin_parses_with_every_group() {
        let lex = Lexicon::parse(BUILTIN).unwrap();
        assert!(lex.action.contains(&"建设".to_string()));
    }

    #[test]
    fn indicator_boundary_groups_are_disjoint() {
        let mut seen = HashSet::new();
        for w in VERBS.phrase_verbs() {
            assert!(seen.insert(w), "{w} is in two groups");
        }
        for g in VERBS.groups() {
            let set: HashSet<_> = g.1.iter().collect();
            assert_eq!(set.len(), g.1.len(), "duplicate in {}", g.0);
        }
    }

    #[test]
    fn bad_lexicons_are_refused() {
        assert!(matches!(
            Lexicon::parse("new = []"),
            Err(LexiconError::Toml(_))
        ));
        // The last group emptied.
        let cut = BUILTIN.find("counting = [").unwrap();
        let text = format!("{}counting = []\n", &BUILTIN[..cut]);
        assert!(matches!(
            Lexicon::parse(&text),
            Err(LexiconError::EmptyGroup("counting"))
        ));
        assert!(matches!(
            Lexicon::parse("nouns = [\"企业\"]"),
            Err(LexiconError::Toml(_))
        ));
    }
}
