//! The analyte table: molar mass, valence, conventional and SI units and the factor between
//! them, each with its source (see /work/shared/product/domain-facts.md, "SI conversion factors").

use super::MolarContext;

/// Where a conversion factor was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum FactorSource {
    /// AMA/JAMA-derived SI table (mirrored at w3.csmu.edu.tw/~chr/Int_unit_conversion.htm).
    AmaJama,
    /// iasri / elephantcare SI conversion tables.
    Iasri,
    /// PMC3934467, Table 1.
    Pmc3934467,
    /// health3.app converter (lower authority).
    Health3,
    /// From memory, unverified: a lab must check it.
    Unverified,
}

impl FactorSource {
    /// The source as a citation for screens and exports.
    pub fn citation(self) -> &'static str {
        match self {
            FactorSource::AmaJama => "AMA/JAMA SI conversion table",
            FactorSource::Iasri => "iasri SI conversion table",
            FactorSource::Pmc3934467 => "PMC3934467, Table 1",
            FactorSource::Health3 => "health3.app converter (lower authority)",
            FactorSource::Unverified => "unverified (from memory): check before use",
        }
    }
}

/// One analyte's units and the constants that convert between them.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Analyte {
    /// Key used by calculators and `--analyte` (snake_case).
    pub id: &'static str,
    pub name: &'static str,
    /// Molar mass of the species the SI unit counts, g/mol (None where SI is a mass unit and
    /// no single molar mass applies, e.g. albumin in g/L).
    pub molar_mass: Option<f64>,
    /// Charge magnitude for mEq.
    pub valence: Option<u32>,
    /// Conventional (US) unit, UCUM.
    pub conventional: &'static str,
    /// SI unit, UCUM.
    pub si: &'static str,
    /// conventional x factor = SI.
    pub factor: f64,
    pub source: FactorSource,
}

const fn row(
    id: &'static str,
    name: &'static str,
    molar_mass: Option<f64>,
    valence: Option<u32>,
    units: (&'static str, &'static str),
    factor: f64,
    source: FactorSource,
) -> Analyte {
    Analyte {
        id,
        name,
        molar_mass,
        valence,
        conventional: units.0,
        si: units.1,
        factor,
        source,
    }
}

use FactorSource::{AmaJama as A, Health3 as D, Iasri as B, Pmc3934467 as C, Unverified as M};

/// Every analyte the clinical layer knows. Factors and their sources are domain-facts.md's;
/// the molar masses are standard chemistry (IUPAC atomic weights), added by the team and not
/// in domain-facts.md, which is why each is tied to its factor by a test. The tested invariant: where the SI unit counts
/// moles, the molar mass implied by the factor agrees with the stated molar mass within 1 %.
#[rustfmt::skip]
pub const ANALYTES: &[Analyte] = &[
    row("glucose", "Glucose", Some(180.16), None, ("mg/dL", "mmol/L"), 0.05551, B),
    row("creatinine", "Creatinine", Some(113.12), None, ("mg/dL", "umol/L"), 88.4, A),
    // Urea nitrogen counts the two nitrogen atoms of urea: 28.014 g per mole of urea.
    row("bun", "Urea nitrogen (BUN)", Some(28.014), None, ("mg/dL", "mmol/L"), 0.357, B),
    row("urea", "Urea", Some(60.06), None, ("mg/dL", "mmol/L"), 0.1665, B),
    row("uric_acid", "Uric acid", Some(168.11), None, ("mg/dL", "umol/L"), 59.48, B),
    row("calcium", "Calcium", Some(40.078), Some(2), ("mg/dL", "mmol/L"), 0.2495, A),
    row("ionized_calcium", "Ionized calcium", Some(40.078), Some(2), ("meq/L", "mmol/L"), 0.5, A),
    row("magnesium", "Magnesium", Some(24.305), Some(2), ("mg/dL", "mmol/L"), 0.4114, B),
    row("phosphorus", "Phosphorus (as P)", Some(30.974), None, ("mg/dL", "mmol/L"), 0.3229, B),
    row("sodium", "Sodium", Some(22.99), Some(1), ("meq/L", "mmol/L"), 1.0, A),
    row("potassium", "Potassium", Some(39.098), Some(1), ("meq/L", "mmol/L"), 1.0, A),
    row("chloride", "Chloride", Some(35.453), Some(1), ("meq/L", "mmol/L"), 1.0, A),
    row("bicarbonate", "Bicarbonate", Some(61.017), Some(1), ("meq/L", "mmol/L"), 1.0, A),
    row("cholesterol", "Cholesterol (total, LDL, HDL)", Some(386.65), None, ("mg/dL", "mmol/L"), 0.02586, A),
    // Triglycerides are counted as triolein.
    row("triglycerides", "Triglycerides", Some(885.4), None, ("mg/dL", "mmol/L"), 0.01129, B),
    row("bilirubin", "Bilirubin", Some(584.66), None, ("mg/dL", "umol/L"), 17.1, A),
    row("albumin", "Albumin", None, None, ("g/dL", "g/L"), 10.0, A),
    row("total_protein", "Total protein", None, None, ("g/dL", "g/L"), 10.0, B),
    row("fibrinogen", "Fibrinogen", None, None, ("mg/dL", "g/L"), 0.01, B),
    row("ammonia", "Ammonia (as NH3)", Some(17.031), None, ("ug/dL", "umol/L"), 0.587, A),
    row("lactate", "Lactate", Some(90.08), None, ("mg/dL", "mmol/L"), 0.111, B),
    row("iron", "Iron", Some(55.845), None, ("ug/dL", "umol/L"), 0.179, C),
    row("ferritin", "Ferritin", None, None, ("ng/mL", "pmol/L"), 2.247, C),
    row("transferrin", "Transferrin", None, None, ("mg/dL", "g/L"), 0.01, C),
    // Hemoglobin in mmol/L counts the monomer (one heme), 16,114 g/mol: 0.62063 (PMC3934467).
    row("hemoglobin", "Hemoglobin", Some(16114.0), None, ("g/dL", "g/L"), 10.0, D),
    row("cortisol", "Cortisol", Some(362.46), None, ("ug/dL", "nmol/L"), 27.59, A),
    row("estradiol", "Estradiol", Some(272.38), None, ("pg/mL", "pmol/L"), 3.671, A),
    row("aldosterone", "Aldosterone", Some(360.44), None, ("ng/dL", "nmol/L"), 0.02774, A),
    row("acth", "ACTH", Some(4541.1), None, ("pg/mL", "pmol/L"), 0.22, A),
    row("c_peptide", "C-peptide", Some(3020.3), None, ("ng/mL", "nmol/L"), 0.333, A),
    row("digoxin", "Digoxin", Some(780.94), None, ("ng/mL", "nmol/L"), 1.281, A),
    row("ethanol", "Ethanol", Some(46.07), None, ("mg/dL", "mmol/L"), 0.217, A),
    row("free_t4", "Free T4", Some(776.87), None, ("ng/dL", "pmol/L"), 12.87, D),
    row("vitamin_b12", "Vitamin B12", Some(1355.37), None, ("pg/mL", "pmol/L"), 0.7378, D),
    row("vitamin_d_25oh", "25-OH vitamin D", Some(400.64), None, ("ng/mL", "nmol/L"), 2.496, D),
    row("testosterone", "Testosterone", Some(288.42), None, ("ng/dL", "nmol/L"), 0.0347, D),
    row("folate", "Folate", Some(441.4), None, ("ng/mL", "nmol/L"), 2.266, M),
];

/// The analyte with this id, or with this name (case-insensitive).
pub fn analyte(key: &str) -> Option<&'static Analyte> {
    let key = key.trim();
    ANALYTES
        .iter()
        .find(|a| a.id.eq_ignore_ascii_case(key) || a.name.eq_ignore_ascii_case(key))
}

impl Analyte {
    /// The context for converting this analyte. Where the table's factor goes from a mass unit
    /// to a molar unit, the molar mass is the one that reproduces that factor exactly (for
    /// creatinine 1 mg/dL = 88.4 umol/L, so 113.122 g/mol rather than 113.12), so that the
    /// app and the printed tables agree to every digit; otherwise the stated molar mass.
    pub fn molar_context(&self) -> MolarContext {
        MolarContext {
            molar_mass: self.implied_molar_mass().or(self.molar_mass),
            valence: self.valence,
        }
    }

    /// The molar mass implied by the factor when conventional is a mass and SI a substance.
    pub fn implied_molar_mass(&self) -> Option<f64> {
        let grams_per_litre = super::convert(1.0, self.conventional, "g/L", None).ok()?;
        let moles_per_litre = super::convert(self.factor, self.si, "mol/L", None).ok()?;
        let implied = grams_per_litre / moles_per_litre;
        (implied.is_finite() && implied > 0.0).then_some(implied)
    }

    /// Converts a value in the conventional unit to SI with the table's factor.
    pub fn to_si(&self, conventional_value: f64) -> f64 {
        conventional_value * self.factor
    }
}
