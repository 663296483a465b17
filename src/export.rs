//! Exports of what the user wrote: annotated task items as CSV and Markdown,
//! corrections as CSV.
//!
//! Pure functions over [`AnnotatedItem`]s and [`CorrectionEntry`]s; the
//! caller writes the file.

pub use crate::chart::Lang;
use crate::store::{AnnotatedItem, AnnotationStatus, CorrectionEntry, CorrectionScope};

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

/// The words of an export in one language.
struct Words {
    heading: &'static str,
    status: &'static str,
    priority: &'static str,
    tags: &'static str,
    owner: &'static str,
    figures: &'static str,
    list_sep: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Zh => Words {
            heading: "任务事项批注",
            status: "状态",
            priority: "优先级",
            tags: "标签",
            owner: "负责人",
            figures: "指标",
            list_sep: "；",
        },
        Lang::En => Words {
            heading: "Task item annotations",
            status: "Status",
            priority: "Priority",
            tags: "Tags",
            owner: "Owner",
            figures: "Figures",
            list_sep: "; ",
        },
    }
}

/// An annotation status in words (待定 / Undecided …).
pub fn status_label(status: AnnotationStatus, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => status.label_zh(),
        Lang::En => status.label_en(),
    }
}

/// A priority (1 high, 2 medium, 3 low) in words, as the app shows it.
pub fn priority_label(priority: u8, lang: Lang) -> String {
    match (lang, priority) {
        (Lang::Zh, 1) => "高".into(),
        (Lang::Zh, 2) => "中".into(),
        (Lang::Zh, 3) => "低".into(),
        (Lang::En, 1) => "High".into(),
        (Lang::En, 2) => "Medium".into(),
        (Lang::En, 3) => "Low".into(),
        (_, p) => p.to_string(),
    }
}

/// The document as an export names it: its title, with the city and the
/// period added when the title does not already say them.
pub fn document_heading(it: &AnnotatedItem) -> String {
    let title = it.document_title.clone().unwrap_or_default();
    let mut parts: Vec<String> = Vec::new();
    if let Some(city) = it.city.as_deref().filter(|c| !c.is_empty()) {
        let short = city.trim_end_matches('市');
        if !title.contains(short) {
            parts.push(city.to_string());
        }
    }
    if !title.is_empty() {
        parts.push(title.clone());
    }
    if let Some(period) = it.period.as_deref() {
        let first = period.split('–').next().unwrap_or(period);
        if !title.contains(first) {
            parts.push(period.to_string());
        }
    }
    parts.join(" · ")
}

/// Annotated items as CSV with a header row and a UTF-8 BOM (so Excel reads
/// the Chinese text correctly). Status and priority are words in `lang`.
pub fn annotations_csv(items: &[AnnotatedItem], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&[
        "city",
        "document",
        "period",
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
            it.period.clone().unwrap_or_default(),
            it.path.clone(),
            it.task_title.clone(),
            status_label(a.draft.status, lang).to_string(),
            a.draft
                .priority
                .map(|p| priority_label(p, lang))
                .unwrap_or_default(),
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

/// Annotated items as a Markdown report grouped by document, in `lang`.
pub fn annotations_markdown(items: &[AnnotatedItem], lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("# {}\n", w.heading);
    let mut current: Option<i64> = None;
    for it in items {
        if current != Some(it.document_id) {
            current = Some(it.document_id);
            out.push_str(&format!("\n## {}\n", md_escape(&document_heading(it))));
        }
        let a = &it.annotation;
        out.push_str(&format!(
            "\n### {} {}\n\n- {}: {}\n",
            it.path,
            md_escape(&it.task_title),
            w.status,
            status_label(a.draft.status, lang),
        ));
        if let Some(p) = a.draft.priority {
            out.push_str(&format!("- {}: {}\n", w.priority, priority_label(p, lang)));
        }
        if !a.draft.tags.is_empty() {
            out.push_str(&format!(
                "- {}: {}\n",
                w.tags,
                md_escape(&a.draft.tags.join(", "))
            ));
        }
        if !a.draft.owner.is_empty() {
            out.push_str(&format!("- {}: {}\n", w.owner, md_escape(&a.draft.owner)));
        }
        if !it.figures.is_empty() {
            out.push_str(&format!(
                "- {}: {}\n",
                w.figures,
                md_escape(&it.figures.join(w.list_sep))
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
            period: Some("2023".into()),
            path: "三/(二)".into(),
            task_title: "深化科技金融结合".into(),
            task_text: "深化科技金融结合。发放贷款*10亿元*。".into(),
            figures: vec!["发放贷款10亿元".into()],
        }
    }

    #[test]
    fn csv_quotes_fields_and_keeps_one_record_per_item() {
        let csv = annotations_csv(&[item()], Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let body: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(body[0].split(',').count(), 14);
        assert!(body[1].starts_with(
            "滨州市,2023年全市科技工作要点,2023,三/(二),深化科技金融结合,借鉴,中,金融;人才,李,"
        ));
        let en = annotations_csv(&[item()], Lang::En);
        assert!(en.contains(",Adapt,Medium,"), "{en}");
        assert!(body[1].contains("\"参考其\"\"贷款贴息\"\"做法,\n调整额度\""));
    }

    #[test]
    fn markdown_groups_by_document_and_escapes() {
        let md = annotations_markdown(&[item()], Lang::Zh);
        // The title names the year already; the city is added.
        assert!(md.contains("## 滨州市 · 2023年全市科技工作要点\n"), "{md}");
        assert!(md.contains("### 三/(二) 深化科技金融结合"));
        assert!(md.contains("- 状态: 借鉴\n"));
        assert!(md.contains("- 优先级: 中\n"));
        assert!(!md.contains("adapt"));
        assert!(md.contains("> 调整额度"));
        assert!(md.contains("发放贷款\\*10亿元\\*"));
    }

    #[test]
    fn markdown_in_english_uses_words_and_the_period() {
        let mut it = item();
        it.document_title = Some("临沂市 2021 年度工作计划".into());
        it.city = Some("临沂市".into());
        it.period = Some("2021".into());
        it.annotation.draft.status = AnnotationStatus::NotApplicable;
        it.annotation.draft.priority = Some(1);
        let md = annotations_markdown(&[it.clone()], Lang::En);
        assert!(md.starts_with("# Task item annotations\n"));
        assert!(md.contains("## 临沂市 2021 年度工作计划\n"), "{md}");
        assert!(md.contains("- Status: Not applicable\n"));
        assert!(md.contains("- Priority: High\n"));
        assert!(!md.contains(" · —"));
        it.document_title = Some("科技创新工作思路".into());
        assert_eq!(document_heading(&it), "临沂市 · 科技创新工作思路 · 2021");
    }

    #[test]
    fn csv_field_rules() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
