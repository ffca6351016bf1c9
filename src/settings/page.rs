//! The Settings screen: units, date format, theme, the lab's name, data and sync.

use benchmate_core::prefs::{DateFormat, Preferences, Theme, UnitSystem};
use leptos::prelude::*;

use super::use_preferences;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let prefs = use_preferences();
    view! {
        <section>
            <h1>"Settings"</h1>
            <div class="card">
                <Choice
                    legend="Units shown first"
                    name="unit-system"
                    options=vec![(UnitSystem::Conventional, "Conventional (mg/dL)"), (UnitSystem::Si, "SI (mmol/L)")]
                    get=move || prefs.with(|p| p.unit_system)
                    set=move |v| prefs.update(|p| p.unit_system = v)
                />
                <Choice
                    legend="Date format"
                    name="date-format"
                    options=vec![
                        (DateFormat::Iso, "2026-11-25"),
                        (DateFormat::MonthDayYear, "11/25/2026"),
                        (DateFormat::DayMonthYear, "25/11/2026"),
                    ]
                    get=move || prefs.with(|p| p.date_format)
                    set=move |v| prefs.update(|p| p.date_format = v)
                />
                <Choice
                    legend="Appearance"
                    name="theme"
                    options=vec![(Theme::System, "Follow the system"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                    get=move || prefs.with(|p| p.theme)
                    set=move |v| prefs.update(|p| p.theme = v)
                />
                <div class="field">
                    <label for="lab-name">"Lab name"</label>
                    <input
                        id="lab-name"
                        type="text"
                        autocomplete="organization"
                        maxlength=Preferences::MAX_LAB_NAME
                        // Saved at each keystroke; the field itself keeps what is typed (spaces
                        // included) and only the stored name is trimmed.
                        prop:value=prefs.with_untracked(|p| p.lab_name.clone())
                        on:input=move |ev| prefs.update(|p| p.set_lab_name(&event_target_value(&ev)))
                    />
                    <span class="hint">"Shown in the header and on exports."</span>
                </div>
                <p class="muted">"Settings are saved on this device as you change them."</p>
            </div>
            <super::data::DataCard />
            <h2 id="sync">"Sync"</h2>
            <crate::sync::SyncSettings />
        </section>
    }
}

/// A group of radio buttons for one preference.
#[component]
fn Choice<T>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(T, &'static str)>,
    get: impl Fn() -> T + Copy + Send + Sync + 'static,
    set: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="field">
            <legend>{legend}</legend>
            <div class="choices">
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name=name
                                    prop:checked=move || get() == value
                                    on:change=move |_| set(value)
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
