//! Conversion between any two units: UCUM for the dimensions, plus molar mass and valence
//! where mass, amount of substance and equivalents meet.

use super::terms::{substance, terms};
use super::{spelling, ucum, UnitError};

/// What a conversion between mass, moles and equivalents needs to know about the analyte.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MolarContext {
    /// Molar mass in g/mol (for mass <-> moles).
    pub molar_mass: Option<f64>,
    /// Charge magnitude (for moles <-> equivalents); 1 for Na+, 2 for Ca2+.
    pub valence: Option<u32>,
}

impl MolarContext {
    /// A context with a molar mass only.
    pub fn with_molar_mass(grams_per_mole: f64) -> Self {
        MolarContext {
            molar_mass: Some(grams_per_mole),
            valence: None,
        }
    }

    fn checked_molar_mass(&self) -> Result<Option<f64>, UnitError> {
        match self.molar_mass {
            Some(mw) if !(mw.is_finite() && mw > 0.0) => Err(UnitError::BadContext {
                reason: format!("molar mass must be a positive number of g/mol, not {mw}"),
            }),
            other => Ok(other),
        }
    }

    fn checked_valence(&self) -> Result<Option<u32>, UnitError> {
        match self.valence {
            Some(0) => Err(UnitError::BadContext {
                reason: "valence must be at least 1".to_string(),
            }),
            other => Ok(other),
        }
    }
}

/// Converts `value` from one unit to another. Both units may be written as people write them
/// (see `normalize`). Mass <-> moles uses the context's molar mass, moles <-> equivalents its
/// valence; without them such conversions are refused rather than guessed.
pub fn convert(value: f64, from: &str, to: &str, context: Option<&MolarContext>) -> Result<f64, UnitError> {
    if !value.is_finite() {
        return Err(UnitError::NotFinite);
    }
    let from = spelling::normalize(from)?;
    let to = spelling::normalize(to)?;
    let (from, to) = stand_in_for_arbitrary(&from, &to)?;
    let (from_moles, from_eq) = substance(&terms(&from));
    let (to_moles, to_eq) = substance(&terms(&to));
    let result = if from_moles + from_eq == to_moles + to_eq && from_eq == to_eq {
        // Same amount of substance on both sides: UCUM alone is right, including the
        // affine (Cel) and logarithmic units it supports.
        ucum::convert(value, &from, &to)?
    } else {
        bridge(value, &from, &to, context)?
    };
    if result.is_finite() {
        Ok(result)
    } else {
        Err(UnitError::NotFinite)
    }
}

/// Mass <-> moles <-> equivalents, where UCUM alone would be wrong.
fn bridge(value: f64, from: &str, to: &str, context: Option<&MolarContext>) -> Result<f64, UnitError> {
    let (from_moles, from_eq) = substance(&terms(from));
    let (to_moles, to_eq) = substance(&terms(to));
    let source = ucum::analyze(from)?;
    let target = ucum::analyze(to)?;
    for (unit, analysis) in [(from, &source), (to, &target)] {
        if analysis.is_special {
            return Err(UnitError::Unsupported {
                unit: unit.to_string(),
                reason: "special units cannot be converted between mass and substance".into(),
            });
        }
    }
    // Each mole more on the source side becomes one gram more on the target side (x g/mol).
    let mole_shift = (from_moles + from_eq) - (to_moles + to_eq);
    let Ok(shift) = i8::try_from(mole_shift) else {
        return Err(not_commensurable(from, to));
    };
    let mass = ::ucum::Dimension([0, 0, 1, 0, 0, 0, 0]);
    if source.dimension.mul(mass.powi(shift)) != target.dimension {
        return Err(not_commensurable(from, to));
    }
    let context = context.copied().unwrap_or(MolarContext {
        molar_mass: None,
        valence: None,
    });
    let molar_mass = match (mole_shift, context.checked_molar_mass()?) {
        (0, _) => 1.0,
        (_, Some(mw)) => mw,
        (_, None) => {
            return Err(UnitError::NeedsMolarMass {
                from: from.to_string(),
                to: to.to_string(),
            })
        }
    };
    let valence = match (from_eq == to_eq, context.checked_valence()?) {
        (true, _) => 1.0,
        (false, Some(z)) => f64::from(z),
        (false, None) => {
            return Err(UnitError::NeedsValence {
                from: from.to_string(),
                to: to.to_string(),
            })
        }
    };
    // UCUM counts a mole as Avogadro's number of particles; take it from the same table.
    let avogadro = ucum::analyze("mol")?.factor;
    let in_moles = value * source.factor / avogadro.powi(from_moles + from_eq) / valence.powi(from_eq);
    Ok(in_moles * molar_mass.powi(mole_shift) * avogadro.powi(to_moles + to_eq) * valence.powi(to_eq) / target.factor)
}

fn not_commensurable(from: &str, to: &str) -> UnitError {
    let why = if ucum::analyze(from).map(|a| a.dimension) == ucum::analyze(to).map(|a| a.dimension) {
        "one counts an amount of substance (mol) and the other does not; UCUM treats mol as a \
         plain number, but they are different quantities"
    } else {
        "they measure different kinds of quantity"
    };
    UnitError::NotCommensurable {
        from: from.to_string(),
        to: to.to_string(),
        why: why.to_string(),
    }
}

/// UCUM refuses to convert arbitrary units (`[IU]`), even `[IU]/L` to `m[IU]/mL`. When both
/// sides carry the same arbitrary units with the same exponents, the scale between them is
/// plain metric, so each arbitrary atom is replaced by the candela (a metric base unit no lab
/// unit uses) on both sides and UCUM does the rest.
fn stand_in_for_arbitrary(from: &str, to: &str) -> Result<(String, String), UnitError> {
    let arbitrary = |code: &str| -> Vec<(String, i32)> {
        let mut found: Vec<(String, i32)> = terms(code)
            .into_iter()
            .filter_map(|t| {
                let open = t.symbol.find('[')?;
                let atom = &t.symbol[open..];
                ucum::is_arbitrary_atom(atom).then(|| (atom.to_string(), t.exponent))
            })
            .collect();
        found.sort();
        found
    };
    let (from_arbitrary, to_arbitrary) = (arbitrary(from), arbitrary(to));
    if from_arbitrary.is_empty() && to_arbitrary.is_empty() {
        return Ok((from.to_string(), to.to_string()));
    }
    let uses_candela = |code: &str| terms(code).iter().any(|t| t.symbol.ends_with("cd"));
    if from_arbitrary != to_arbitrary || uses_candela(from) || uses_candela(to) {
        return Err(UnitError::Unsupported {
            unit: format!("{from} -> {to}"),
            reason: "arbitrary units (such as [IU]) convert only to the same arbitrary unit".to_string(),
        });
    }
    let mut from = from.to_string();
    let mut to = to.to_string();
    for (atom, _) in &from_arbitrary {
        from = from.replace(atom.as_str(), "cd");
        to = to.replace(atom.as_str(), "cd");
    }
    Ok((from, to))
}
