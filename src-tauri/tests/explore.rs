//! The explore backend (search, similar side by side, themes) against a real
//! database with the seed plans.

use planlens_app::backend::Backend;
use planlens_app::dto::*;
use planlens_app::dto_explore::*;
use planlens_app::error::Code;

fn open(dir: &tempfile::TempDir) -> Backend {
    Backend::open(&dir.path().join("planlens.db"))
        .expect("open")
        .backend
}

fn request(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        city: None,
        year: None,
        kind: None,
        role: None,
        theme: None,
        limit: 20,
        synonyms: false,
        drop_synonyms: Vec::new(),
        exclude_cities: Vec::new(),
    }
}

#[test]
fn search_hits_point_into_the_document_text() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let hits = b.search(&request("孵化")).unwrap().hits;
    assert!(hits.len() >= 3, "{}", hits.len());
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    for h in &hits {
        let doc = b.document(h.document_id).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        assert!(!h.hits.is_empty());
        for s in &h.hits {
            let found: String = chars[s.start as usize..s.end as usize].iter().collect();
            assert_eq!(found, "孵化");
            assert!(h.unit.start <= s.start && s.end <= h.unit.end);
        }
        let snippet: Vec<char> = h.snippet.chars().collect();
        for s in &h.highlights {
            let found: String = snippet[s.start as usize..s.end as usize].iter().collect();
            assert_eq!(found, "孵化");
        }
    }
    // Filters narrow; a city filter keeps that city only.
    let mut q = request("人才");
    q.city = Some("滨州".into());
    let hits = b.search(&q).unwrap().hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.city.as_deref() == Some("滨州市")));
    q.theme = Some("talent".into());
    assert!(b
        .search(&q)
        .unwrap()
        .hits
        .iter()
        .all(|h| h.task_id.is_some()));
    // Bad requests say what is wrong.
    assert_eq!(
        b.search(&request("，。")).unwrap_err().to_api().code,
        Code::InvalidInput
    );
    q.theme = Some("astrology".into());
    assert_eq!(b.search(&q).unwrap_err().to_api().code, Code::InvalidInput);
    let long = "人才".repeat(150);
    assert_eq!(
        b.search(&request(&long)).unwrap_err().to_api().code,
        Code::InvalidInput
    );
}

#[test]
fn search_reports_synonyms_and_leaves_out_excluded_cities() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let mut q = request("研发投入强度");
    q.limit = 200;
    let plain = b.search(&q).unwrap();
    assert!(plain.synonyms.is_empty());
    q.synonyms = true;
    let wide = b.search(&q).unwrap();
    assert_eq!(wide.synonyms.len(), 1);
    assert!(wide.synonyms[0]
        .indicators
        .iter()
        .any(|i| i.id == "rd_intensity"));
    assert!(wide.synonyms[0].phrases.iter().any(|p| p == "投入强度"));
    assert!(wide.hits.len() > plain.hits.len());
    q.drop_synonyms = wide.synonyms[0].phrases.clone();
    let dropped = b.search(&q).unwrap();
    assert!(dropped.synonyms[0].phrases.is_empty());
    assert_eq!(dropped.hits.len(), plain.hits.len());

    let mut q = request("企业");
    q.limit = 200;
    q.exclude_cities = vec!["滨州".into()];
    let hits = b.search(&q).unwrap().hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.city.as_deref() != Some("滨州市")));
}

#[test]
fn similar_items_come_from_other_documents_and_pair_up_with_shared_terms() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let hit = b
        .search(&request("科技特派员"))
        .unwrap()
        .hits
        .into_iter()
        .find_map(|h| h.task_id.map(|t| (t, h.document_id)))
        .expect("a task item about 科技特派员");
    let similar = b.similar_tasks(hit.0, 5).unwrap();
    assert!(!similar.is_empty() && similar.len() <= 5);
    assert!(similar.iter().all(|s| s.document_id != hit.1));
    assert!(similar.iter().all(|s| s.score > 0.0 && s.score <= 1.0));
    assert!(similar.windows(2).all(|w| w[0].score >= w[1].score));

    let pair = b.task_pair(hit.0, similar[0].task_id).unwrap();
    assert!(!pair.terms.is_empty());
    // Distinctive words only: not the ones nearly every S&T task item uses.
    for common in ["科技", "创新", "推进"] {
        assert!(!pair.terms.iter().any(|t| t == common), "{:?}", pair.terms);
    }
    assert!(
        pair.terms.iter().any(|t| t.contains("特派员")),
        "{:?}",
        pair.terms
    );
    for side in [&pair.left, &pair.right] {
        assert!(!side.shared.is_empty());
        let chars: Vec<char> = side.body.chars().collect();
        for s in &side.shared {
            let w: String = chars[s.start as usize..s.end as usize].iter().collect();
            assert!(pair.terms.iter().any(|t| w.contains(t.as_str())), "{w}");
        }
    }
    assert_eq!(pair.left.task_id, hit.0);
    assert_eq!(
        b.similar_tasks(-1, 5).unwrap_err().to_api().code,
        Code::NotFound
    );
    assert_eq!(
        b.task_pair(hit.0, -1).unwrap_err().to_api().code,
        Code::NotFound
    );
}

#[test]
fn coverage_cells_list_their_items_and_overrides_persist_across_restart() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let cov = b.theme_coverage().unwrap();
    assert_eq!(cov.documents.len(), 5);
    assert_eq!(cov.themes.len(), 12);
    let cell = cov.cells.iter().max_by_key(|c| c.tasks).unwrap();
    let items = b.theme_tasks(&cell.theme, &[cell.document_id]).unwrap();
    assert_eq!(items.len() as u32, cell.tasks);
    assert_eq!(items.iter().map(|i| i.targets).sum::<u32>(), cell.targets);

    // Remove the theme from one item, add another theme to it.
    let task = items[0].task_id;
    let other = cov
        .themes
        .iter()
        .map(|t| t.id.clone())
        .find(|t| !b.task_themes(task).unwrap().iter().any(|x| &x.theme == t))
        .unwrap();
    let now = b
        .set_task_theme(task, &cell.theme, ThemeDecision::Remove)
        .unwrap();
    assert!(!now.iter().any(|t| t.theme == cell.theme));
    let now = b.set_task_theme(task, &other, ThemeDecision::Add).unwrap();
    let added = now.iter().find(|t| t.theme == other).unwrap();
    assert_eq!((added.source, added.confidence), (ThemeSource::User, 1.0));
    assert_eq!(
        b.set_task_theme(task, "astrology", ThemeDecision::Add)
            .unwrap_err()
            .to_api()
            .code,
        Code::InvalidInput
    );
    drop(b);

    let b = open(&dir);
    let themes = b.task_themes(task).unwrap();
    assert!(!themes.iter().any(|t| t.theme == cell.theme));
    assert!(themes.iter().any(|t| t.theme == other));
    let cov2 = b.theme_coverage().unwrap();
    let c2 = cov2
        .cells
        .iter()
        .find(|c| c.document_id == cell.document_id && c.theme == cell.theme)
        .unwrap();
    assert_eq!(c2.tasks, cell.tasks - 1);
    // Reset goes back to the classifier.
    let now = b
        .set_task_theme(task, &cell.theme, ThemeDecision::Reset)
        .unwrap();
    assert!(now
        .iter()
        .any(|t| t.theme == cell.theme && t.source == ThemeSource::Auto));
}

#[test]
fn theme_heatmap_draws_exports_and_goes_on_a_slide() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let mut spec = ChartSpec {
        documents: vec![],
        indicator: String::new(),
        theme: ChartTheme::Light,
        width: 1280,
        height: 720,
        lang: Lang::Zh,
        themes: Some(ThemeMetric::Tasks),
    };
    let svg = b.chart_svg(&spec).unwrap();
    assert!(svg.contains("<svg"));
    spec.themes = Some(ThemeMetric::Targets);
    spec.theme = ChartTheme::Dark;
    let png = b.chart_file(&spec, ExportFormat::Png).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(w, 2560, "PNG export is 2×");
    // A deck slide keeps the themes spec and redraws it.
    let slide = b.add_slide("主题覆盖", &spec).unwrap();
    assert_eq!(slide.spec.themes, Some(ThemeMetric::Targets));
    drop(b);
    let b = open(&dir);
    let again = b
        .slides()
        .unwrap()
        .into_iter()
        .find(|s| s.id == slide.id)
        .unwrap();
    assert!(b.chart_svg(&again.spec).unwrap().contains("<svg"));
    // Documents that do not exist: nothing to draw, said as invalid input.
    spec.documents = vec![9999];
    assert_eq!(
        b.chart_svg(&spec).unwrap_err().to_api().code,
        Code::InvalidInput
    );
    spec.width = 10;
    assert_eq!(
        b.chart_svg(&spec).unwrap_err().to_api().code,
        Code::InvalidInput
    );
}

#[test]
fn slides_stored_before_themes_existed_still_load() {
    let spec: ChartSpec = serde_json::from_str(
        r#"{"documents":[1,2],"indicator":"high_tech_enterprises","theme":"light","width":960,"height":540,"lang":"zh"}"#,
    )
    .unwrap();
    assert_eq!(spec.themes, None);
    assert!(!serde_json::to_string(&spec).unwrap().contains("themes"));
}
