//! Inputs shared by several calculators, declared once so that names, units and plausible
//! ranges agree everywhere (the names are the ones the command line documents).

use super::spec::{choice, quantity, InputSpec};

const MOLAR: &[&str] = &["mmol/L", "meq/L"];
const MASS_OR_MOLAR: &[&str] = &["mg/dL", "mmol/L"];

pub const SODIUM: InputSpec = quantity("sodium", "Sodium", "mmol/L", MOLAR, (80.0, 220.0), Some("sodium"));
pub const CHLORIDE: InputSpec = quantity("chloride", "Chloride", "mmol/L", MOLAR, (40.0, 180.0), Some("chloride"));
pub const BICARBONATE: InputSpec = quantity(
    "bicarbonate",
    "Bicarbonate (HCO3)",
    "mmol/L",
    MOLAR,
    (1.0, 70.0),
    Some("bicarbonate"),
);
pub const ALBUMIN: InputSpec = quantity(
    "albumin",
    "Albumin",
    "g/dL",
    &["g/dL", "g/L"],
    (0.3, 8.0),
    Some("albumin"),
);
pub const GLUCOSE: InputSpec = quantity(
    "glucose",
    "Glucose",
    "mg/dL",
    MASS_OR_MOLAR,
    (10.0, 5000.0),
    Some("glucose"),
);
pub const BUN: InputSpec = quantity(
    "bun",
    "Urea nitrogen (BUN)",
    "mg/dL",
    MASS_OR_MOLAR,
    (1.0, 300.0),
    Some("bun"),
);
pub const CALCIUM: InputSpec = quantity(
    "calcium",
    "Calcium (total)",
    "mg/dL",
    &["mg/dL", "mmol/L", "meq/L"],
    (2.0, 25.0),
    Some("calcium"),
);
pub const CREATININE: InputSpec = quantity(
    "creatinine",
    "Creatinine (serum)",
    "mg/dL",
    &["mg/dL", "umol/L"],
    (0.1, 40.0),
    Some("creatinine"),
);
pub const CYSTATIN_C: InputSpec = quantity("cystatin_c", "Cystatin C", "mg/L", &["mg/L"], (0.2, 15.0), None);
pub const AGE: InputSpec = quantity("age", "Age (years)", "a", &["a", "mo"], (0.0, 130.0), None);
pub const SEX: InputSpec = choice("sex", "Sex", &["male", "female"], None);
pub const WEIGHT: InputSpec = quantity("weight", "Weight", "kg", &["kg", "[lb_av]", "g"], (0.3, 500.0), None);
pub const HEIGHT: InputSpec = quantity("height", "Height", "cm", &["cm", "m", "[in_i]"], (30.0, 280.0), None);
pub const TOTAL_CHOLESTEROL: InputSpec = quantity(
    "total_cholesterol",
    "Total cholesterol",
    "mg/dL",
    MASS_OR_MOLAR,
    (20.0, 2000.0),
    Some("cholesterol"),
);
pub const HDL: InputSpec = quantity(
    "hdl",
    "HDL cholesterol",
    "mg/dL",
    MASS_OR_MOLAR,
    (2.0, 400.0),
    Some("cholesterol"),
);
pub const TRIGLYCERIDES: InputSpec = quantity(
    "triglycerides",
    "Triglycerides",
    "mg/dL",
    MASS_OR_MOLAR,
    (5.0, 20000.0),
    Some("triglycerides"),
);
pub const URINE_SODIUM: InputSpec = quantity(
    "urine_sodium",
    "Urine sodium",
    "mmol/L",
    MOLAR,
    (1.0, 500.0),
    Some("sodium"),
);
pub const URINE_CREATININE: InputSpec = quantity(
    "urine_creatinine",
    "Urine creatinine",
    "mg/dL",
    &["mg/dL", "umol/L", "mmol/L"],
    (1.0, 1000.0),
    Some("creatinine"),
);
pub const INSULIN: InputSpec = quantity(
    "insulin",
    "Insulin (fasting)",
    "u[IU]/mL",
    &["u[IU]/mL", "m[IU]/L"],
    (0.1, 2000.0),
    None,
);
pub const RPM: InputSpec = quantity("rpm", "Speed (rpm)", "/min", &["/min"], (1.0, 300_000.0), None);
pub const RCF: InputSpec = quantity(
    "rcf",
    "Relative centrifugal force (x g)",
    "[g]",
    &["[g]"],
    (1.0, 2_000_000.0),
    None,
);
pub const RADIUS: InputSpec = quantity(
    "radius",
    "Rotor radius",
    "cm",
    &["cm", "mm", "[in_i]"],
    (0.5, 100.0),
    None,
);
pub const HEMATOCRIT: InputSpec = quantity("hematocrit", "Hematocrit", "%", &["%"], (5.0, 80.0), None);
pub const WBC: InputSpec = quantity(
    "wbc",
    "WBC count",
    "10*9/L",
    &["10*9/L", "10*3/uL"],
    (0.01, 1000.0),
    None,
);
