//! Property tests: indexing and searching arbitrary text and queries never
//! panic nor raise an FTS5 syntax error, and every reported hit offset lies
//! inside the document and spells a query term.

use planlens::model::{DocumentMeta, ParsedPlan, Section, SectionRole};
use planlens::search::SearchQuery;
use planlens::store::{NewDocument, Store, StoreError};
use proptest::prelude::*;

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("人才".to_string()),
            Just("孵化器".to_string()),
            Just("，".to_string()),
            Just("\n".to_string()),
            Just("5G".to_string()),
            Just("\"".to_string()),
            Just("*".to_string()),
            "[\\u{4e00}-\\u{4e20}]{1,3}",
            "\\PC{0,4}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn arbitrary_documents_and_queries(
        text in text_strategy(),
        query in text_strategy(),
        cut in 0usize..60,
        end in 0usize..80,
    ) {
        let mut store = Store::open_in_memory().unwrap();
        // Sections with offsets that may lie outside the text.
        let plan = ParsedPlan {
            sections: vec![Section {
                marker: "一、".into(),
                number: 1,
                level: 1,
                title: String::new(),
                role: SectionRole::Tasks,
                start: cut,
                end,
                parent: None,
                path: "一".into(),
            }],
            ..Default::default()
        };
        let meta = DocumentMeta::default();
        store
            .import_document(&NewDocument {
                meta: &meta,
                source_name: "p.txt",
                sha256: "x",
                encoding: "UTF-8",
                text: &text,
                plan: &plan,
                targets: &[],
            })
            .unwrap();
        let q = SearchQuery { text: query.clone(), ..Default::default() };
        match store.search(&q) {
            Ok(hits) => {
                let chars: Vec<char> = text.chars().collect();
                for h in hits {
                    for s in &h.hits {
                        prop_assert!(s.start < s.end && s.end <= chars.len());
                    }
                }
            }
            Err(StoreError::Search(_)) => {}
            Err(e) => prop_assert!(false, "{query:?}: {e}"),
        }
    }
}
