//! Exports of what the user wrote: annotated task items as CSV and Markdown,
//! corrections as CSV.
//!
//! Pure functions over [`AnnotatedItem`]s and [`CorrectionEntry`]s; the
//! caller writes the file.

use crate::store::{AnnotatedItem, CorrectionEntry, CorrectionScope};

/// Quotes one CSV field (RFC 4180): wrapped in quotes when it holds a comma,
/// quote or line break, with inner quotes doubled.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Joins fields into one CSV line (CRLF-terminated, as spreadsheets expect).
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The corrections as CSV, one line per corrected field (what `planlens
/// corrections --csv` prints and the app exports).
pub fn corrections_csv(entries: &[CorrectionEntry]) -> String {
    let mut out = String::from(
        "scope,correction_id,document_id,document,target_id,quote,field,before,after,owner,note,\
         revision,updated_at,orphaned,carried_from\n",
    );
    for e in entries {
        let scope = match e.scope {
            CorrectionScope::Figure => "figure",
            CorrectionScope::Document => "document",
        };
        for c in &e.changes {
            let fields = [
                scope.to_string(),
                e.id.to_string(),
                e.document_id.map(|d| d.to_string()).unwrap_or_default(),
                e.document.clone(),
                e.target_id.map(|d| d.to_string()).unwrap_or_default(),
                e.quote.clone().unwrap_or_default(),
                c.field.clone(),
                c.before.clone(),
                c.after.clone(),
                e.owner.clone().unwrap_or_default(),
                e.note.clone().unwrap_or_default(),
                e.revision.to_string(),
                e.updated_at.clone(),
                if e.orphaned { "1" } else { "0" }.to_string(),
                e.carried_from.map(|d| d.to_string()).unwrap_or_default(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

/// Annotated items as CSV with a header row and a UTF-8 BOM (so Excel reads
/// the Chinese text correctly).
pub fn annotations_csv(items: &[AnnotatedItem]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&[
        "city",
        "document",
        "section",
        "task",
        "status",
        "priority",
        "tags",
        "owner",
        "note",
        "figures",
        "task_text",
        "updated_at",
        "revision",
    ]));
    for it in items {
        let a = &it.annotation;
        out.push_str(&csv_line(&[
            it.city.clone().unwrap_or_default(),
            it.document_title.clone().unwrap_or_default(),
            it.path.clone(),
            it.task_title.clone(),
            a.draft.status.as_str().to_string(),
            a.draft.priority.map(|p| p.to_string()).unwrap_or_default(),
            a.draft.tags.join(";"),
            a.draft.owner.clone(),
            a.draft.note.clone(),
            it.figures.join(";"),
            it.task_text.clone(),
            a.updated_at.clone(),
            a.revision.to_string(),
        ]));
    }
    out
}

/// Annotated items as a Markdown report grouped by city and document.
pub fn annotations_markdown(items: &[AnnotatedItem]) -> String {
    let mut out = String::from("# 任务事项批注 / Task item annotations\n");
    let mut current: Option<i64> = None;
    for it in items {
        if current != Some(it.document_id) {
            current = Some(it.document_id);
            out.push_str(&format!(
                "\n## {} · {}\n",
                it.city.as_deref().unwrap_or("—"),
                it.document_title.as_deref().unwrap_or("—")
            ));
        }
        let a = &it.annotation;
        out.push_str(&format!(
            "\n### {} {}\n\n- 状态 / status: {} ({})\n",
            it.path,
            md_escape(&it.task_title),
            a.draft.status.label_zh(),
            a.draft.status.as_str()
        ));
        if let Some(p) = a.draft.priority {
            out.push_str(&format!("- 优先级 / priority: {p}\n"));
        }
        if !a.draft.tags.is_empty() {
            out.push_str(&format!(
                "- 标签 / tags: {}\n",
                md_escape(&a.draft.tags.join(", "))
            ));
        }
        if !a.draft.owner.is_empty() {
            out.push_str(&format!(
                "- 负责人 / owner: {}\n",
                md_escape(&a.draft.owner)
            ));
        }
        if !it.figures.is_empty() {
            out.push_str(&format!(
                "- 指标 / figures: {}\n",
                md_escape(&it.figures.join("；"))
            ));
        }
        if !a.draft.note.is_empty() {
            out.push('\n');
            for line in a.draft.note.lines() {
                out.push_str(&format!("> {}\n", md_escape(line)));
            }
        }
        out.push_str(&format!("\n{}\n", md_escape(it.task_text.trim())));
    }
    out
}

/// Escapes characters that Markdown would read as markup.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Annotation, AnnotationDraft, AnnotationStatus};

    fn item() -> AnnotatedItem {
        AnnotatedItem {
            annotation: Annotation {
                id: 1,
                task_id: Some(7),
                draft: AnnotationDraft {
                    status: AnnotationStatus::Adapt,
                    priority: Some(2),
                    tags: vec!["金融".into(), "人才".into()],
                    note: "参考其\"贷款贴息\"做法,\n调整额度".into(),
                    owner: "李".into(),
                },
                revision: 3,
                updated_at: "2026-01-01T00:00:00Z".into(),
                orphaned: false,
            },
            document_id: 4,
            city: Some("滨州市".into()),
            document_title: Some("2023年全市科技工作要点".into()),
            path: "三/(二)".into(),
            task_title: "深化科技金融结合".into(),
            task_text: "深化科技金融结合。发放贷款*10亿元*。".into(),
            figures: vec!["发放贷款10亿元".into()],
        }
    }

    #[test]
    fn csv_quotes_fields_and_keeps_one_record_per_item() {
        let csv = annotations_csv(&[item()]);
        assert!(csv.starts_with('\u{feff}'));
        let body: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(body[0].split(',').count(), 13);
        assert!(body[1].starts_with(
            "滨州市,2023年全市科技工作要点,三/(二),深化科技金融结合,adapt,2,金融;人才,李,"
        ));
        assert!(body[1].contains("\"参考其\"\"贷款贴息\"\"做法,\n调整额度\""));
    }

    #[test]
    fn markdown_groups_by_document_and_escapes() {
        let md = annotations_markdown(&[item()]);
        assert!(md.contains("## 滨州市 · 2023年全市科技工作要点"));
        assert!(md.contains("### 三/(二) 深化科技金融结合"));
        assert!(md.contains("- 状态 / status: 借鉴 (adapt)"));
        assert!(md.contains("> 调整额度"));
        assert!(md.contains("发放贷款\\*10亿元\\*"));
    }

    #[test]
    fn csv_field_rules() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
