//! Form pieces that more than one section uses, each one small component.

mod quantity;

pub use quantity::QuantityField;
