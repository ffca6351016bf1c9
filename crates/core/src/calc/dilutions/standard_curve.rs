//! Standard-curve pipetting plan: each standard made directly from the stock.

use super::super::resolve::column;
use super::super::spec::{free_quantity, output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Table, Values};
use super::{in_unit_of, volume, whole, SMALLEST_ACCURATE_VOLUME_ML, SMALL_VOLUME_WARNING};

pub const CALCULATOR: Calculator = Calculator {
    id: "standard-curve",
    title: "Standard-curve pipetting plan",
    category: Category::Dilutions,
    inputs: &[
        free_quantity("stock_concentration", "Stock concentration", "ug/mL", &["ug/mL", "mg/mL", "mmol/L"]),
        free_quantity("top_concentration", "Highest standard", "ug/mL", &["ug/mL", "mg/mL", "mmol/L"]),
        quantity("levels", "Number of standards (excluding the blank)", "1", &["1"], (1.0, 20.0), None),
        quantity("step", "Dilution between standards (2 = two-fold)", "1", &["1"], (1.01, 100.0), None)
            .with_default(2.0),
        volume("standard_volume", "Volume of each standard"),
    ],
    outputs: &[
        output("stock_needed", "Stock needed in total", "mL", 4),
        output("diluent_needed", "Diluent needed in total", "mL", 4),
    ],
    formula: "standard i: C_i = top / step^i; stock volume = C_i x V / C_stock; diluent = V - stock volume; plus a blank of diluent only",
    source: "C1V1 = C2V2 for each standard (made from the stock, so errors do not propagate)",
    validity: &["Stay within the assay's linear range"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let missing = |name: &str| CalcError::MissingInput {
        input: name.to_string(),
    };
    let stock = values
        .free("stock_concentration")
        .ok_or_else(|| missing("stock_concentration"))?;
    let top = values
        .free("top_concentration")
        .ok_or_else(|| missing("top_concentration"))?;
    let top_in_stock_unit = in_unit_of(top, stock, "top_concentration")?;
    if top_in_stock_unit > stock.value {
        return Err(CalcError::invalid(
            "top_concentration",
            "is above the stock concentration",
        ));
    }
    let levels = whole(values.get("levels")?, "levels")?;
    let step = values.get("step")?;
    let volume = values.get("standard_volume")?;
    let columns = vec![
        column("standard", "Standard", "1", 0),
        column("concentration", "Concentration", &top.unit, 6),
        column("stock_volume", "Stock", "mL", 4),
        column("diluent_volume", "Diluent", "mL", 4),
    ];
    let mut rows = Vec::with_capacity(levels + 1);
    let (mut stock_total, mut diluent_total, mut smallest) = (0.0, 0.0, f64::INFINITY);
    let mut concentration = top.value;
    for level in 1..=levels {
        let stock_volume = concentration / top.value * top_in_stock_unit * volume / stock.value;
        rows.push(vec![level as f64, concentration, stock_volume, volume - stock_volume]);
        stock_total += stock_volume;
        diluent_total += volume - stock_volume;
        smallest = smallest.min(stock_volume);
        concentration /= step;
    }
    rows.push(vec![(levels + 1) as f64, 0.0, 0.0, volume]);
    diluent_total += volume;
    let mut computed = Computed::single("stock_needed", stock_total)
        .with("diluent_needed", diluent_total)
        .warn_if(smallest < SMALLEST_ACCURATE_VOLUME_ML, SMALL_VOLUME_WARNING);
    computed.table = Some(Table { columns, rows });
    Ok(computed)
}
