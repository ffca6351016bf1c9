//! What a calculator declares: its inputs, outputs, formula, source and validity limits.
//! The UI builds its forms from this, the command line its help, the tests their cases.

use serde::Serialize;

use super::{CalcError, Computed, Values};

/// Where a calculator is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Dilutions,
    Solutions,
    Centrifuge,
    Hematology,
    Chemistry,
    Renal,
    Lipids,
    Endocrine,
    Coagulation,
    BloodBank,
    Body,
}

impl Category {
    /// The heading shown above the category's calculators.
    pub fn title(self) -> &'static str {
        match self {
            Category::Dilutions => "Dilutions",
            Category::Solutions => "Solutions",
            Category::Centrifuge => "Centrifuge",
            Category::Hematology => "Hematology",
            Category::Chemistry => "Chemistry",
            Category::Renal => "Renal",
            Category::Lipids => "Lipids",
            Category::Endocrine => "Endocrine",
            Category::Coagulation => "Coagulation",
            Category::BloodBank => "Blood bank",
            Category::Body => "Body size",
        }
    }
}

/// One calculator, declared in its own file as a `const`.
#[derive(Serialize)]
pub struct Calculator {
    pub id: &'static str,
    pub title: &'static str,
    pub category: Category,
    pub inputs: &'static [InputSpec],
    /// The primary result first.
    pub outputs: &'static [OutputSpec],
    pub formula: &'static str,
    pub source: &'static str,
    /// Where the formula stops being valid; breaking one gives a warning with the result.
    pub validity: &'static [&'static str],
    #[serde(skip)]
    pub compute: fn(&Values) -> Result<Computed, CalcError>,
}

impl Calculator {
    /// The input declared with this name.
    pub fn input(&self, name: &str) -> Option<&'static InputSpec> {
        self.inputs.iter().find(|i| i.name == name)
    }
}

/// One input of a calculator.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct InputSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: InputKind,
    pub required: bool,
}

/// What an input takes.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InputKind {
    /// A number in `unit` (the unit the formula uses, also the default), or in any unit
    /// convertible to it (`units` are the ones offered first). `min..=max` is the plausible
    /// range in `unit`; `analyte` names the row of the analyte table used for mass <-> molar.
    /// `default` is used when the input is left out.
    Quantity {
        unit: &'static str,
        units: &'static [&'static str],
        min: f64,
        max: f64,
        analyte: Option<&'static str>,
        default: Option<f64>,
    },
    /// A positive number in any unit; the calculator relates it to its other inputs
    /// (C1 and C2 of a dilution need only be commensurable with each other).
    FreeQuantity {
        unit: &'static str,
        units: &'static [&'static str],
    },
    /// One of a fixed set of words.
    Choice {
        options: &'static [&'static str],
        default: Option<&'static str>,
    },
}

/// One output of a calculator.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct OutputSpec {
    pub name: &'static str,
    pub label: &'static str,
    /// UCUM code of the result.
    pub unit: &'static str,
    /// Decimals a lab reports; the full value is kept for further calculation.
    pub decimals: u8,
    /// Whether a negative result is meaningful (a delta gap is; a volume never is).
    pub signed: bool,
}

/// A quantity input with no default; shorthand used by the calculator files.
pub const fn quantity(
    name: &'static str,
    label: &'static str,
    unit: &'static str,
    units: &'static [&'static str],
    range: (f64, f64),
    analyte: Option<&'static str>,
) -> InputSpec {
    InputSpec {
        name,
        label,
        kind: InputKind::Quantity {
            unit,
            units,
            min: range.0,
            max: range.1,
            analyte,
            default: None,
        },
        required: true,
    }
}

impl InputSpec {
    /// The same input, optional (left out means absent, or the default if it has one).
    pub const fn optional(self) -> InputSpec {
        InputSpec {
            required: false,
            ..self
        }
    }

    /// The same quantity input, optional with a default value.
    pub const fn with_default(self, value: f64) -> InputSpec {
        let kind = match self.kind {
            InputKind::Quantity {
                unit,
                units,
                min,
                max,
                analyte,
                ..
            } => InputKind::Quantity {
                unit,
                units,
                min,
                max,
                analyte,
                default: Some(value),
            },
            other => other,
        };
        InputSpec {
            kind,
            required: false,
            ..self
        }
    }
}

/// An output; shorthand used by the calculator files.
pub const fn output(name: &'static str, label: &'static str, unit: &'static str, decimals: u8) -> OutputSpec {
    OutputSpec {
        name,
        label,
        unit,
        decimals,
        signed: false,
    }
}

/// An output that may be negative.
pub const fn signed_output(name: &'static str, label: &'static str, unit: &'static str, decimals: u8) -> OutputSpec {
    OutputSpec {
        signed: true,
        ..output(name, label, unit, decimals)
    }
}

/// A choice input.
pub const fn choice(
    name: &'static str,
    label: &'static str,
    options: &'static [&'static str],
    default: Option<&'static str>,
) -> InputSpec {
    InputSpec {
        name,
        label,
        kind: InputKind::Choice { options, default },
        required: default.is_none(),
    }
}

/// A free quantity input (any positive value in any unit).
pub const fn free_quantity(
    name: &'static str,
    label: &'static str,
    unit: &'static str,
    units: &'static [&'static str],
) -> InputSpec {
    InputSpec {
        name,
        label,
        kind: InputKind::FreeQuantity { unit, units },
        required: true,
    }
}
