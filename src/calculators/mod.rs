//! The Calculators section: the list, one page per calculator (a form generated from core's
//! registry), and the quick unit converter.

mod converter;
mod favourites;
mod field;
mod form;
mod list;
mod outcome;
mod recent;

pub use converter::ConverterPage;
pub use form::CalculatorPage;
pub use list::CalculatorsPage;

/// Reads a number as people type it: a decimal comma is accepted, and only finite numbers count.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = if text.contains(',') && !text.contains('.') {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}
