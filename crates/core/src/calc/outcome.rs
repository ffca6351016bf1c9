//! What a calculation returns: outputs with full precision and display rounding, warnings,
//! and for the planners a table to follow at the bench.

use serde::Serialize;

/// What a calculator's formula produced, before the registry checks and rounds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Computed {
    pub values: Vec<Value>,
    pub warnings: Vec<String>,
    pub table: Option<Table>,
}

/// One computed output; `label` and `unit` replace the declared ones when set (the
/// Cockcroft-Gault label names its weight policy; C1V1 reports in the unit given).
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub name: &'static str,
    pub value: f64,
    pub label: Option<String>,
    pub unit: Option<String>,
}

impl Computed {
    /// A result with one output.
    pub fn single(name: &'static str, value: f64) -> Computed {
        Computed::default().with(name, value)
    }

    /// Adds an output.
    pub fn with(mut self, name: &'static str, value: f64) -> Computed {
        self.values.push(Value {
            name,
            value,
            label: None,
            unit: None,
        });
        self
    }

    /// Adds an output with its own label and unit.
    pub fn with_labelled(
        mut self,
        name: &'static str,
        value: f64,
        label: Option<String>,
        unit: Option<String>,
    ) -> Computed {
        self.values.push(Value {
            name,
            value,
            label,
            unit,
        });
        self
    }

    /// Adds a warning when `condition` holds.
    pub fn warn_if(mut self, condition: bool, warning: &str) -> Computed {
        if condition {
            self.warnings.push(warning.to_string());
        }
        self
    }
}

/// The result of `calc::compute`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub id: &'static str,
    /// The primary result first.
    pub outputs: Vec<Output>,
    pub warnings: Vec<String>,
    pub table: Option<Table>,
}

impl Outcome {
    /// The output with this name.
    pub fn get(&self, name: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.name == name)
    }

    /// The full-precision value of the output with this name.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.get(name).map(|o| o.value)
    }
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Output {
    pub name: &'static str,
    pub label: String,
    pub unit: String,
    /// Full precision: use this in further calculation.
    pub value: f64,
    pub decimals: u8,
    /// Rounded to `decimals`, as a lab reports it.
    pub display: String,
}

/// A plan to follow at the bench (serial dilution, standard curve): one row per tube.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<f64>>,
}

/// A column of a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub name: &'static str,
    pub label: &'static str,
    pub unit: String,
    pub decimals: u8,
}

/// Rounds for display: `decimals` places, never `-0`.
pub fn display(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", usize::from(decimals), value);
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}
