//! The quick unit converter: any value from one unit to another, with an analyte's molar mass
//! when mass and substance units meet (mg/dL <-> mmol/L).

use benchmate_core::units::{self, label, ANALYTES};
use leptos::prelude::*;

use super::parse_number;

/// Converts what is typed, or says plainly why not.
pub fn convert_text(value: &str, from: &str, to: &str, analyte: &str) -> Result<String, String> {
    if value.trim().is_empty() || from.trim().is_empty() || to.trim().is_empty() {
        return Err(String::new());
    }
    let number = parse_number(value).ok_or_else(|| format!("\"{}\" is not a number.", value.trim()))?;
    let from = units::normalize(from).map_err(|err| format!("From: {err}"))?;
    let to = units::normalize(to).map_err(|err| format!("To: {err}"))?;
    let context = units::analyte(analyte).map(|a| a.molar_context());
    let result = units::convert(number, &from, &to, context.as_ref()).map_err(|err| err.to_string())?;
    Ok(format!("{} {}", units::round_significant(result, 6), label(&to)))
}

#[component]
pub fn ConverterPage() -> impl IntoView {
    let value = RwSignal::new(String::new());
    let from = RwSignal::new("mg/dL".to_string());
    let to = RwSignal::new("mmol/L".to_string());
    let analyte = RwSignal::new("glucose".to_string());
    let result = Memo::new(move |_| convert_text(&value.get(), &from.get(), &to.get(), &analyte.get()));
    let text_field = |id: &'static str, text: &'static str, signal: RwSignal<String>, mode: &'static str| {
        view! {
            <div class="field">
                <label for=id>{text}</label>
                <input id=id type="text" inputmode=mode autocomplete="off" prop:value=signal.get_untracked()
                    on:input=move |ev| signal.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <section data-section="calculators">
            <h1>"Unit converter"</h1>
            <form class="card" on:submit=|ev| ev.prevent_default()>
                {text_field("convert-value", "Value", value, "decimal")}
                {text_field("convert-from", "From unit", from, "text")}
                {text_field("convert-to", "To unit", to, "text")}
                <div class="field">
                    <label for="convert-analyte">"Analyte (for mass \u{2194} molar)"</label>
                    <select id="convert-analyte" on:change=move |ev| analyte.set(event_target_value(&ev))>
                        <option value="">"None"</option>
                        {ANALYTES.iter().map(|a| view! {
                            <option value=a.id selected=a.id == "glucose">{a.name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="hint">"Units as you write them: mg/dL, mmol/L, mEq/L, mcg/mL, x10^9/L, K/uL, mmHg..."</p>
            </form>
            <div class="result card" aria-live="polite">
                {move || match result.get() {
                    Ok(text) => view! { <p class="result-primary"><output>{text}</output></p> }.into_any(),
                    Err(message) if message.is_empty() => view! { <p class="muted">"Enter a value and two units."</p> }.into_any(),
                    Err(message) => view! { <p class="notice danger" role="alert">{message}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}
