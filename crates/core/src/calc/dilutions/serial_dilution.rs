//! Serial dilution planner: a table of tubes with the volumes to pipette.

use super::super::resolve::column;
use super::super::spec::{free_quantity, output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Table, Values};
use super::{volume, whole, SMALLEST_ACCURATE_VOLUME_ML, SMALL_VOLUME_WARNING};

pub const CALCULATOR: Calculator = Calculator {
    id: "serial-dilution",
    title: "Serial dilution planner",
    category: Category::Dilutions,
    inputs: &[
        quantity("dilution_factor", "Dilution per step (e.g. 10 for 1:10)", "1", &["1"], (1.01, 100_000.0), None),
        quantity("tubes", "Number of tubes", "1", &["1"], (1.0, 30.0), None),
        volume("tube_volume", "Volume in each tube after mixing"),
        free_quantity("stock_concentration", "Stock concentration", "mg/mL", &["mg/mL", "mmol/L", "/mL"]).optional(),
    ],
    outputs: &[
        output("final_dilution", "Final dilution (1:x)", "1", 0),
        output("transfer_volume", "Transfer into each tube", "mL", 4),
        output("diluent_volume", "Diluent in each tube", "mL", 4),
    ],
    formula: "transfer = V / DF from the previous tube (the stock for tube 1) into V - V / DF of diluent; tube n is at 1:DF^n",
    source: "Standard serial dilution arithmetic (cumulative DF = product of the step DFs)",
    validity: &["Mix each tube well and change tips between tubes"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let step = values.get("dilution_factor")?;
    let tubes = whole(values.get("tubes")?, "tubes")?;
    let tube_volume = values.get("tube_volume")?;
    let transfer = tube_volume / step;
    let diluent = tube_volume - transfer;
    let stock = values.free("stock_concentration");
    let mut columns = vec![
        column("tube", "Tube", "1", 0),
        column("dilution", "Dilution (1:x)", "1", 0),
        column("transfer_volume", "Transfer in", "mL", 4),
        column("diluent_volume", "Diluent", "mL", 4),
        column("volume_left", "Volume left after transfer out", "mL", 4),
    ];
    if let Some(stock) = stock {
        columns.push(column("concentration", "Concentration", &stock.unit, 6));
    }
    let mut rows = Vec::with_capacity(tubes);
    let mut dilution = 1.0;
    for tube in 1..=tubes {
        dilution *= step;
        // Every tube but the last gives its transfer volume to the next one.
        let left = if tube == tubes {
            tube_volume
        } else {
            tube_volume - transfer
        };
        let mut row = vec![tube as f64, dilution, transfer, diluent, left];
        if let Some(stock) = stock {
            row.push(stock.value / dilution);
        }
        rows.push(row);
    }
    let mut computed = Computed::single("final_dilution", dilution)
        .with("transfer_volume", transfer)
        .with("diluent_volume", diluent)
        .warn_if(transfer < SMALLEST_ACCURATE_VOLUME_ML, SMALL_VOLUME_WARNING);
    computed.table = Some(Table { columns, rows });
    Ok(computed)
}
