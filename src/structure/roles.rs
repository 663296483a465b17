//! Section roles from heading keywords.
//!
//! The keyword table is data: `data/section_roles.toml` (format documented in
//! its header), compiled into the binary and loaded once.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::SectionRole;

/// The built-in keyword file.
const BUILTIN_ROLES: &str = include_str!("../../data/section_roles.toml");

/// Why a role table could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RolesError {
    /// The file is not valid TOML or misses a required key.
    #[error("section roles are not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// A `role` value is not a known [`SectionRole`] name.
    #[error("unknown section role `{0}`")]
    UnknownRole(String),
}

/// Keyword table mapping heading titles to [`SectionRole`]s.
#[derive(Debug, Clone)]
pub struct RoleTable {
    max_title_chars: usize,
    roles: Vec<(SectionRole, Vec<String>)>,
    closing: Vec<String>,
}

#[derive(Deserialize)]
struct RawFile {
    max_title_chars: usize,
    #[serde(default)]
    role: Vec<RawRole>,
    #[serde(default)]
    closing: RawClosing,
}

#[derive(Deserialize)]
struct RawRole {
    role: String,
    keywords: Vec<String>,
}

#[derive(Deserialize, Default)]
struct RawClosing {
    #[serde(default)]
    prefixes: Vec<String>,
}

impl RoleTable {
    /// Loads a table in the TOML format of `data/section_roles.toml`.
    pub fn from_toml(src: &str) -> Result<RoleTable, RolesError> {
        let raw: RawFile = toml::from_str(src)?;
        let mut roles = Vec::with_capacity(raw.role.len());
        for r in raw.role {
            let role = SectionRole::parse(&r.role).ok_or(RolesError::UnknownRole(r.role))?;
            roles.push((role, r.keywords));
        }
        Ok(RoleTable {
            max_title_chars: raw.max_title_chars,
            roles,
            closing: raw.closing.prefixes,
        })
    }

    /// The table compiled from `data/section_roles.toml` (loaded once).
    pub fn builtin() -> Result<&'static RoleTable, &'static RolesError> {
        static TABLE: OnceLock<Result<RoleTable, RolesError>> = OnceLock::new();
        TABLE
            .get_or_init(|| RoleTable::from_toml(BUILTIN_ROLES))
            .as_ref()
    }

    /// The role a heading title names, or `None` when it names none.
    ///
    /// ```
    /// use planlens::model::SectionRole;
    /// use planlens::structure::roles::RoleTable;
    /// let t = RoleTable::builtin().unwrap();
    /// assert_eq!(t.role_of_title("保障措施"), Some(SectionRole::Safeguards));
    /// assert_eq!(t.role_of_title("加快推进科技孵化载体转型升级"), None);
    /// ```
    pub fn role_of_title(&self, title: &str) -> Option<SectionRole> {
        if title.chars().count() > self.max_title_chars {
            return None;
        }
        // A title naming two roles (`指导思想和发展目标`) takes the last one
        // named: the subsections under it belong to that part.
        let mut best: Option<(usize, SectionRole)> = None;
        for (role, kws) in &self.roles {
            let end = kws.iter().filter_map(|k| heading_end(title, k)).max();
            if let Some(e) = end {
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, *role));
                }
            }
        }
        best.map(|(_, role)| role)
    }

    /// The keywords of `role` (empty for a role without any).
    pub fn keywords(&self, role: SectionRole) -> &[String] {
        self.roles
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// Whether a paragraph beginning with `para` closes a background review.
    pub fn is_closing_paragraph(&self, para: &str) -> bool {
        self.closing.iter().any(|p| para.starts_with(p.as_str()))
    }
}

/// Byte offset past the last place where keyword `k` names the heading: it
/// ends the title or is followed only by a conjunction or punctuation
/// (`发展基础与面临形势`), not by an object (`组织实施“尖兵”攻关项目` is a
/// task, not 组织实施).
fn heading_end(title: &str, k: &str) -> Option<usize> {
    title.rmatch_indices(k).find_map(|(p, _)| {
        let end = p + k.len();
        let rest = title[end..].trim_start();
        let heads = rest.is_empty()
            || rest.starts_with([
                '和', '与', '及', '、', ',', ';', ':', '(', ')', '。', '\u{ff0c}', '\u{ff1b}',
                '\u{ff1a}', '\u{ff08}', '\u{ff09}',
            ]);
        heads.then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(t: &str) -> Option<SectionRole> {
        RoleTable::builtin()
            .expect("built-in roles")
            .role_of_title(t)
    }

    #[test]
    fn role_headings() {
        assert_eq!(role("发展基础"), Some(SectionRole::Background));
        assert_eq!(role("面临形势"), Some(SectionRole::Background));
        assert_eq!(role("“十三五”发展回顾"), Some(SectionRole::Background));
        assert_eq!(role("总体要求"), Some(SectionRole::Guidance));
        assert_eq!(role("指导思想"), Some(SectionRole::Guidance));
        assert_eq!(role("工作思路"), Some(SectionRole::Guidance));
        assert_eq!(role("基本原则"), Some(SectionRole::Guidance));
        assert_eq!(role("主要目标"), Some(SectionRole::Goals));
        assert_eq!(role("发展目标"), Some(SectionRole::Goals));
        assert_eq!(role("重点任务"), Some(SectionRole::Tasks));
        assert_eq!(role("主要任务"), Some(SectionRole::Tasks));
        assert_eq!(role("发展目标和重点任务"), Some(SectionRole::Tasks));
        assert_eq!(role("保障措施"), Some(SectionRole::Safeguards));
        assert_eq!(role("组织实施"), Some(SectionRole::Safeguards));
        assert_eq!(role("强化组织领导"), Some(SectionRole::Safeguards));
        // A role word followed by an object is a task heading.
        assert_eq!(role("组织实施“尖兵”“领雁”攻关项目"), None);
        assert_eq!(role("组织实施重大科技专项"), None);
        assert_eq!(role("发展基础与面临形势"), Some(SectionRole::Background));
        // Two roles named: the last one.
        assert_eq!(role("指导思想和发展目标"), Some(SectionRole::Goals));
        assert_eq!(role("总体要求与主要目标"), Some(SectionRole::Goals));
    }

    #[test]
    fn long_task_titles_name_no_role() {
        // Hard negatives: task headings mentioning role words in passing.
        assert_eq!(
            role("持续健全完善科技政策和要素保障体系,为高质量发展营造良好创新环境"),
            None
        );
        assert_eq!(role("对照全年发展目标,加快推进重点实验室体系建设"), None);
        assert_eq!(role("加快推进科技孵化载体转型升级"), None);
        assert_eq!(role("持续优化企业创新发展环境"), None);
    }

    #[test]
    fn closing_paragraphs() {
        let t = RoleTable::builtin().expect("built-in roles");
        assert!(t.is_closing_paragraph("在取得成绩的同时,我市科技创新还存在一些不足"));
        assert!(!t.is_closing_paragraph("科技开放合作持续深入"));
    }

    #[test]
    fn unknown_role_is_an_error() {
        assert!(matches!(
            RoleTable::from_toml("max_title_chars = 3\n[[role]]\nrole='misc'\nkeywords=[]"),
            Err(RolesError::UnknownRole(_))
        ));
    }
}
