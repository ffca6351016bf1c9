//! Reference intervals and critical values: the model, the starter table, a lab's own
//! table, search, flagging and the critical-call log (issue 6).
//!
//! The model follows FHIR `ObservationDefinition.qualifiedInterval`: an [`Analyte`] with
//! [`Interval`] rows, each of a [`Category`] (reference, critical, absolute) for a partition
//! of patients (sex, age in days, gestational age, condition) and with its source. The
//! bundled defaults in `crates/core/data/ranges/` are read by the same code as a lab's
//! import ([`validate_csv`], [`validate_json`]), and the [`RangeBook`] shows the lab's row
//! over the default wherever the lab has one, saying which ([`Provenance`]).

pub mod age;
pub mod book;
pub mod bundled;
pub mod calllog;
pub mod catalogue;
pub mod csv;
pub mod export;
pub mod flag;
pub mod import;
pub mod lab_edit;
pub mod lab_record;
pub mod model;
pub mod normalize;
pub mod preferred;
pub mod report;
pub mod row_error;
pub mod rows;
pub mod search;
pub mod select;
pub mod synthetic;
pub mod ucum_converter;

pub use age::{age_in_days, describe_age, AgeLimit, AgeRange, AgeUnit};
pub use book::{RangeBook, Selection, Shown};
pub use bundled::{load_defaults, Defaults, DEFAULTS_NOTICE};
pub use calllog::{calls_to_csv, CallError, CriticalCall};
pub use catalogue::Catalogue;
pub use export::{analytes_to_csv, intervals_to_csv, lab_table_to_json};
pub use flag::{
    flag_result, flag_value, AnalyteFactorConverter, ConversionError, Flag, FlagError, FlagReport, Notice,
    UnitConverter,
};
pub use import::{revalidate, validate_csv, validate_json};
pub use lab_edit::{edit_lab_analyte, IntervalEdit, IntervalFields};
pub use lab_record::{plan_import, ImportPlan, LabAnalyteRanges};
pub use model::{Analyte, Category, GestationRange, Interval, Provenance, Section, Sex};
pub use preferred::{interval_in_unit, preferred_unit};
pub use report::{ImportMode, ImportRefused, ImportReport, LabTable, Location, Problem, TableKind};
pub use row_error::RowError;
pub use search::{Hit, SearchIndex};
pub use select::{parse_gestation_weeks, select_interval, NoMatch, Patient, PatientSex, GESTATION_WEEKS};
pub use synthetic::synthetic_analytes;
pub use ucum_converter::UcumConverter;
