-- Version 6: indexes for looking task items up by theme (the search theme
-- filter and the coverage view's task lists), which otherwise scan every
-- row of task_themes and theme_overrides.
CREATE INDEX task_themes_by_theme ON task_themes(theme, task_id);
CREATE INDEX theme_overrides_by_theme ON theme_overrides(theme, assigned);
