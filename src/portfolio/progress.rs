//! Progress drawn as SVG: a ring for a credential's total, a bar for each mandatory topic.
//! The numbers are always written beside the drawing, so nothing is told by colour alone.

use leptos::prelude::*;

/// The ring's geometry: a circle of radius 40 in a 100x100 box.
const RADIUS: f64 = 40.0;

/// The dash length that fills `fraction` of a circle's circumference.
fn dash(fraction: f64) -> String {
    let circumference = 2.0 * std::f64::consts::PI * RADIUS;
    let filled = circumference * fraction.clamp(0.0, 1.0);
    format!("{filled:.2} {circumference:.2}")
}

/// A ring filled to `fraction` (0 to 1) with `label` in its middle.
#[component]
pub fn ProgressRing(fraction: f64, label: String, met: bool) -> impl IntoView {
    let percent = (fraction.clamp(0.0, 1.0) * 100.0).round();
    view! {
        <svg class="progress-ring" viewBox="0 0 100 100" role="img" aria-label=format!("{percent}% of the total")>
            <circle class="track" cx="50" cy="50" r="40" />
            <circle
                class=if met { "fill met" } else { "fill" }
                cx="50" cy="50" r="40"
                stroke-dasharray=dash(fraction)
                transform="rotate(-90 50 50)"
            />
            <text x="50" y="56" text-anchor="middle">{label}</text>
        </svg>
    }
}

/// A horizontal bar filled to `fraction` (0 to 1).
#[component]
pub fn ProgressBar(fraction: f64, met: bool) -> impl IntoView {
    let width = format!("{:.1}", fraction.clamp(0.0, 1.0) * 100.0);
    view! {
        <svg class="progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            <rect class="track" x="0" y="0" width="100" height="8" rx="4" />
            <rect class=if met { "fill met" } else { "fill" } x="0" y="0" width=width height="8" rx="4" />
        </svg>
    }
}
