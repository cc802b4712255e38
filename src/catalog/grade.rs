//! The grade a figure is credited with, and metric families: what
//! `--min-grade` and `--family` look up.

use crate::{Catalog, Grade, Metric, Source};

impl Catalog {
    /// The grade a source's figures are credited with: its own `grade`, else
    /// the grade of the source it was read in (`via`, followed up the chain
    /// to the first source with a grade), else none.
    ///
    /// A document read in a graded newsletter is only as sure as that
    /// newsletter; a source with neither (the bundled newsletter-derived
    /// records without a `url`) has no grade, and a `--min-grade` leaves its
    /// figures out.
    ///
    /// ```
    /// use policy_targets::{Catalog, Grade};
    ///
    /// let catalog = Catalog::from_toml_files([
    ///     ("jurisdictions.toml", r#"
    ///         [[jurisdiction]]
    ///         code = "410000"
    ///         name_zh = "河南省"
    ///         name_en = "Henan"
    ///         level = "province"
    ///     "#),
    ///     ("metrics.toml", r#"
    ///         [[metric]]
    ///         id = "data_enterprises"
    ///         name_zh = "数据企业"
    ///         name_en = "Data enterprises"
    ///         dimension = "count"
    ///         polarity = "higher_is_better"
    ///         basis = "stock"
    ///     "#),
    ///     ("sources/newsletter.toml", r#"
    ///         [source]
    ///         id = "newsletter"
    ///         title = "数智资讯"
    ///         issuer = "秘书处"
    ///         published = 2025-07-04
    ///         status = "final"
    ///         force = "statement"
    ///         url = "https://example.org/newsletter.pdf"
    ///         grade = "summary"
    ///     "#),
    ///     ("sources/plan.toml", r#"
    ///         [source]
    ///         id = "plan"
    ///         title = "实施意见"
    ///         issuer = "市政府办公室"
    ///         published = 2025-02-27
    ///         status = "final"
    ///         force = "plan"
    ///         via = "newsletter"
    ///     "#),
    /// ])?;
    /// let plan = catalog.source("plan").unwrap();
    /// assert_eq!(plan.grade, None);
    /// assert_eq!(catalog.grade_of(plan), Some(Grade::Summary));
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn grade_of(&self, source: &Source) -> Option<Grade> {
        let mut at = source;
        // A `via` chain is at most as long as the sources are many.
        for _ in 0..=self.sources().len() {
            if let Some(grade) = at.grade {
                return Some(grade);
            }
            at = self.source(at.via.as_ref()?.as_str())?;
        }
        None
    }

    /// Whether the figures of the source `source` (an id) pass `min_grade`:
    /// always without one; with one, when the source's grade
    /// ([`Catalog::grade_of`]) is at least `min_grade`. An unknown source
    /// (`observations_csv`) has no grade.
    pub fn passes(&self, source: &str, min_grade: Option<Grade>) -> bool {
        match min_grade {
            None => true,
            Some(min) => self
                .source(source)
                .and_then(|s| self.grade_of(s))
                .is_some_and(|g| g >= min),
        }
    }

    /// A metric and every metric narrower than it, transitively (those whose
    /// `broader` chain reaches it): the metric first, then the others in
    /// catalogue order.
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// let metric = |id: &str, broader: &str| format!(
    ///     "[[metric]]\nid = \"{id}\"\nname_zh = \"{id}\"\nname_en = \"{id}\"\n\
    ///      dimension = \"count\"\npolarity = \"higher_is_better\"\nbasis = \"stock\"\n{broader}\n",
    /// );
    /// let metrics = [
    ///     metric("data_enterprises", ""),
    ///     metric("backbone_enterprises", "broader = \"data_enterprises\""),
    ///     metric("leading_backbone_enterprises", "broader = \"backbone_enterprises\""),
    ///     metric("datasets", ""),
    /// ]
    /// .concat();
    /// let jurisdictions = r#"
    ///     [[jurisdiction]]
    ///     code = "410000"
    ///     name_zh = "河南省"
    ///     name_en = "Henan"
    ///     level = "province"
    /// "#;
    /// let catalog = Catalog::from_toml_files([
    ///     ("jurisdictions.toml", jurisdictions),
    ///     ("metrics.toml", metrics.as_str()),
    /// ])?;
    /// let family: Vec<&str> = catalog
    ///     .family("data_enterprises")
    ///     .iter()
    ///     .map(|m| m.id.as_str())
    ///     .collect();
    /// assert_eq!(family, ["data_enterprises", "backbone_enterprises", "leading_backbone_enterprises"]);
    /// assert_eq!(catalog.family("backbone_enterprises").len(), 2);
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn family(&self, id: &str) -> Vec<&Metric> {
        let Some(root) = self.metric(id) else {
            return Vec::new();
        };
        let mut family = vec![root];
        family.extend(
            self.metrics()
                .iter()
                .filter(|m| m.id != root.id && self.broader_chain(m).any(|b| b.id == root.id)),
        );
        family
    }

    /// The metrics broader than `m`, nearest first. Validation rules out
    /// cycles; the walk stops after as many steps as there are metrics in
    /// any case.
    fn broader_chain<'a>(&'a self, m: &'a Metric) -> impl Iterator<Item = &'a Metric> + 'a {
        std::iter::successors(
            m.broader.as_ref().and_then(|b| self.metric(b.as_str())),
            |b| b.broader.as_ref().and_then(|x| self.metric(x.as_str())),
        )
        .take(self.metrics().len())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Catalog, Grade};

    fn source(id: &str, extra: &str) -> String {
        format!(
            "[source]\nid = \"{id}\"\ntitle = \"t\"\nissuer = \"i\"\npublished = 2025\nstatus = \"final\"\nforce = \"plan\"\n{extra}\n"
        )
    }

    #[test]
    fn grades_pass_at_or_above_the_minimum_and_follow_via() {
        let press = source(
            "press",
            "url = \"https://example.org/a\"\ngrade = \"press\"",
        );
        let read_in = source("read_in", "via = \"press\"");
        let bare = source("bare", "");
        let jurisdictions = "[[jurisdiction]]\ncode = \"410000\"\nname_zh = \"河南省\"\nname_en = \"Henan\"\nlevel = \"province\"\n";
        let metrics = "[[metric]]\nid = \"datasets\"\nname_zh = \"数据集\"\nname_en = \"Datasets\"\ndimension = \"count\"\npolarity = \"higher_is_better\"\nbasis = \"stock\"\n";
        let catalog = Catalog::from_toml_files([
            ("jurisdictions.toml", jurisdictions),
            ("metrics.toml", metrics),
            ("sources/press.toml", press.as_str()),
            ("sources/read_in.toml", read_in.as_str()),
            ("sources/bare.toml", bare.as_str()),
        ])
        .unwrap();
        for id in ["press", "read_in", "bare", "observations_csv"] {
            assert!(catalog.passes(id, None), "{id}");
        }
        assert!(catalog.passes("press", Some(Grade::Press)));
        assert!(catalog.passes("read_in", Some(Grade::Mirror)));
        assert!(!catalog.passes("read_in", Some(Grade::Official)));
        assert!(!catalog.passes("bare", Some(Grade::Summary)));
        assert!(!catalog.passes("observations_csv", Some(Grade::Summary)));
    }
}
