//! A number with its unit: the labelled text input and, beside it, the unit picker. The
//! calculators, the flagging of a result and the patient's age all use it, so the three look
//! and behave alike (one label for the pair, a hidden label for the picker, `aria-invalid`).

use leptos::prelude::*;

/// The field. `units` are (value, shown text) pairs; the picker reports the value. The input
/// shows `value` and reports each keystroke through `on_input`; the picker shows `unit` and
/// reports a change through `on_unit`. The unit picker's id is `unit_id`, or `{id}-unit`
/// when none is given. `children`, if
/// any, go under the pair (a hint or the reason the value is refused).
#[component]
pub fn QuantityField(
    id: String,
    label: String,
    /// What the picker is called for a screen reader ("Age unit").
    unit_label: String,
    units: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] unit: Signal<String>,
    on_unit: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(default = "decimal")] inputmode: &'static str,
    #[prop(optional)] unit_id: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let unit_id = unit_id.unwrap_or_else(|| format!("{id}-unit"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <div class="quantity">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    prop:value=value
                    aria-invalid=move || invalid.get().to_string()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                <label class="visually-hidden" for=unit_id.clone()>{unit_label}</label>
                <select id=unit_id on:change=move |ev| on_unit.run(event_target_value(&ev))>
                    {units.into_iter().map(|(code, text)| {
                        let shown = code.clone();
                        view! { <option value=code selected=move || unit.with(|u| *u == shown)>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
            {children.map(|children| children())}
        </div>
    }
}
