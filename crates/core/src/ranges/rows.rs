//! Reading one table row (from CSV or JSON alike) into an [`Analyte`] or an [`Interval`].
//!
//! The bundled starter table and a lab's import go through these same functions, so the
//! defaults are held to the rules a lab's file is held to. Each function returns every
//! fault it finds in the row, not just the first, so that a lab fixes a row in one pass.

use super::age::{AgeLimit, AgeRange};
use super::catalogue::Catalogue;
use super::model::{Analyte, Category, GestationRange, Interval, Section, Sex};
use super::row_error::RowError;
use super::search::SearchIndex;

/// The columns of an analytes table, in the order an export writes them.
pub const ANALYTE_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "abbreviations",
    "synonyms",
    "loinc",
    "specimen",
    "section",
    "unit",
    "decimals",
    "si_unit",
    "si_decimals",
    "si_factor",
    "mw",
];

/// The columns of an intervals table, in the order an export writes them.
pub const INTERVAL_COLUMNS: [&str; 13] = [
    "analyte",
    "category",
    "sex",
    "age_from",
    "age_to",
    "gest_from",
    "gest_to",
    "condition",
    "low",
    "high",
    "unit",
    "source",
    "note",
];

/// One row's values by column name; absent columns read as empty.
pub struct RowValues<'a> {
    pub columns: &'a [String],
    pub values: &'a [String],
}

impl RowValues<'_> {
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.values.get(i))
            .map_or("", |v| strip_formula_guard(v.trim()))
    }
}

/// Undoes the apostrophe that CSV export puts before text starting with `=`, `+`, `-` or `@`.
fn strip_formula_guard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    }
}

fn number(row: &RowValues, column: &'static str, errors: &mut Vec<RowError>) -> Option<f64> {
    let text = row.get(column);
    if text.is_empty() {
        return None;
    }
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        _ => {
            errors.push(RowError::NotANumber {
                column,
                text: text.to_string(),
            });
            None
        }
    }
}

fn age(row: &RowValues, column: &'static str, errors: &mut Vec<RowError>) -> Option<AgeLimit> {
    let text = row.get(column);
    if text.is_empty() {
        return None;
    }
    text.parse::<AgeLimit>()
        .map_err(|error| errors.push(RowError::BadAge { column, error }))
        .ok()
}

fn weeks(row: &RowValues, column: &'static str, errors: &mut Vec<RowError>) -> Option<u32> {
    let text = row.get(column);
    if text.is_empty() {
        return None;
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic()).trim();
    match digits.parse::<u32>() {
        Ok(w) if w <= 45 => Some(w),
        _ => {
            errors.push(RowError::BadGestation {
                column,
                text: text.to_string(),
            });
            None
        }
    }
}

fn decimals(row: &RowValues, column: &'static str, errors: &mut Vec<RowError>) -> Option<u8> {
    let text = row.get(column);
    if text.is_empty() {
        return None;
    }
    match text.parse::<u8>() {
        Ok(d) if d <= 6 => Some(d),
        _ => {
            errors.push(RowError::BadDecimals {
                column,
                text: text.to_string(),
            });
            None
        }
    }
}

/// True for a LOINC code with a matching mod-10 check digit (the Luhn algorithm LOINC uses).
pub fn loinc_is_valid(code: &str) -> bool {
    let Some((base, check)) = code.split_once('-') else {
        return false;
    };
    if base.is_empty() || base.len() > 7 || check.len() != 1 {
        return false;
    }
    let (Some(digits), Some(check)) = (
        base.chars().map(|c| c.to_digit(10)).collect::<Option<Vec<u32>>>(),
        check.chars().next().and_then(|c| c.to_digit(10)),
    ) else {
        return false;
    };
    // From the rightmost digit of the base, every other digit is doubled (digits summed).
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 0 { (d * 2) / 10 + (d * 2) % 10 } else { d })
        .sum();
    (10 - sum % 10) % 10 == check
}

fn list(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads an analytes-table row.
pub fn parse_analyte(row: &RowValues) -> Result<Analyte, Vec<RowError>> {
    let mut errors = Vec::new();
    let id = row.get("id").to_string();
    if id.is_empty() {
        errors.push(RowError::Missing("id"));
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(RowError::BadId(id.clone()));
    }
    let name = row.get("name").to_string();
    if name.is_empty() {
        errors.push(RowError::Missing("name"));
    }
    let loinc = row.get("loinc").to_string();
    if !loinc.is_empty() && !loinc_is_valid(&loinc) {
        errors.push(RowError::BadLoinc(loinc.clone()));
    }
    let section = match row.get("section") {
        "" => {
            errors.push(RowError::Missing("section"));
            None
        }
        text => Section::parse(text).or_else(|| {
            errors.push(RowError::BadSection(text.to_string()));
            None
        }),
    };
    let unit = row.get("unit").to_string();
    if unit.is_empty() {
        errors.push(RowError::Missing("unit"));
    }
    let si_unit = match row.get("si_unit") {
        "" => unit.clone(),
        text => text.to_string(),
    };
    let decimals_conv = decimals(row, "decimals", &mut errors).unwrap_or(1);
    let si_decimals = decimals(row, "si_decimals", &mut errors).unwrap_or(decimals_conv);
    let si_factor = match row.get("si_factor") {
        "" if si_unit == unit => Some(1.0),
        "" => {
            errors.push(RowError::Missing("si_factor (the units differ)"));
            None
        }
        text => match text.parse::<f64>() {
            Ok(f) if f.is_finite() && f > 0.0 => Some(f),
            _ => {
                errors.push(RowError::BadFactor(text.to_string()));
                None
            }
        },
    };
    let molecular_weight = number(row, "mw", &mut errors);
    match (section, si_factor) {
        (Some(section), Some(si_factor)) if errors.is_empty() => Ok(Analyte {
            id,
            name,
            abbreviations: list(row.get("abbreviations")),
            synonyms: list(row.get("synonyms")),
            loinc,
            specimen: row.get("specimen").to_string(),
            section,
            unit,
            decimals: decimals_conv,
            si_unit,
            si_decimals,
            si_factor,
            molecular_weight,
        }),
        _ => Err(errors),
    }
}

/// Reads an intervals-table row; its analyte must be in `catalogue` and its unit one of the
/// analyte's units. `search` suggests a close analyte name when the one given is unknown.
pub fn parse_interval(
    row: &RowValues,
    catalogue: &Catalogue,
    search: Option<&SearchIndex>,
) -> Result<Interval, Vec<RowError>> {
    let mut errors = Vec::new();
    let given = row.get("analyte");
    let analyte = if given.is_empty() {
        errors.push(RowError::Missing("analyte"));
        None
    } else {
        let found = catalogue.resolve(given);
        if found.is_none() {
            let suggestion = search
                .and_then(|index| index.search(given, 1).into_iter().next())
                .and_then(|hit| catalogue.analytes().get(hit.analyte))
                .map(|a| a.id.clone());
            errors.push(RowError::UnknownAnalyte {
                given: given.to_string(),
                suggestion,
            });
        }
        found
    };
    let category = match row.get("category") {
        "" => {
            errors.push(RowError::Missing("category"));
            None
        }
        text => Category::parse(text).or_else(|| {
            errors.push(RowError::BadCategory(text.to_string()));
            None
        }),
    };
    let sex = Sex::parse(row.get("sex")).or_else(|| {
        errors.push(RowError::BadSex(row.get("sex").to_string()));
        None
    });
    let age_from = age(row, "age_from", &mut errors);
    let age_to = age(row, "age_to", &mut errors);
    let range = AgeRange {
        from: age_from,
        to: age_to,
    };
    if let (Some(from), Some(to)) = (age_from, age_to) {
        if from.days() >= to.days() {
            errors.push(RowError::EmptyAgeRange {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
    }
    let gest_from = weeks(row, "gest_from", &mut errors);
    let gest_to = weeks(row, "gest_to", &mut errors);
    let gestation = (gest_from.is_some() || gest_to.is_some()).then_some(GestationRange {
        from_weeks: gest_from,
        to_weeks: gest_to,
    });
    let low = number(row, "low", &mut errors);
    let high = number(row, "high", &mut errors);
    let low_text = row.get("low");
    let high_text = row.get("high");
    if low_text.is_empty() && high_text.is_empty() {
        errors.push(RowError::NoLimits);
    }
    if let (Some(low), Some(high)) = (low, high) {
        if low > high {
            errors.push(RowError::LowAboveHigh { low, high });
        }
    }
    let unit = row.get("unit").to_string();
    if unit.is_empty() {
        errors.push(RowError::Missing("unit"));
    } else if let Some(analyte) = analyte {
        if !analyte.has_unit(&unit) {
            errors.push(RowError::UnknownUnit {
                unit: unit.clone(),
                analyte: analyte.name.clone(),
                allowed: analyte.units().map(str::to_string).collect(),
            });
        }
    }
    let source = row.get("source").to_string();
    if source.is_empty() {
        errors.push(RowError::Missing("source"));
    }
    let condition = match row.get("condition") {
        "" => None,
        text => Some(text.to_ascii_lowercase()),
    };
    match (analyte, category, sex) {
        (Some(analyte), Some(category), Some(sex)) if errors.is_empty() => Ok(Interval {
            analyte: analyte.id.clone(),
            category,
            sex,
            age: range,
            gestation,
            condition,
            low,
            high,
            unit,
            source,
            note: row.get("note").to_string(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::loinc_is_valid;

    #[test]
    fn loinc_check_digits_follow_mod_10() {
        for (code, valid) in [
            ("2823-3", true),
            ("718-7", true),
            ("2951-2", true),
            ("10839-9", true),
            ("2823-4", false),
            ("2823", false),
            ("28x3-3", false),
            ("-3", false),
        ] {
            assert_eq!(loinc_is_valid(code), valid, "{code}");
        }
    }
}
