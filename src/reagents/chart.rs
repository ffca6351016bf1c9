//! The Levey-Jennings chart drawn as SVG from core's chart model: the mean and ±1/2/3 SD
//! lines, one point per result in run order with its date, and the points that broke a rule
//! marked by shape and named in text, so colour is never the only sign.

use benchmate_core::qc::{LeveyJenningsChart, AXIS_LIMIT_SD};
use leptos::prelude::*;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 230.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 34.0;
/// Most date labels under the axis before they are thinned out.
const MAX_DATE_LABELS: usize = 8;

fn y_of(sd: f64) -> f64 {
    TOP + (AXIS_LIMIT_SD - sd) / (2.0 * AXIS_LIMIT_SD) * (HEIGHT - TOP - BOTTOM)
}

#[component]
pub fn LeveyJenningsSvg(chart: LeveyJenningsChart, title: String) -> impl IntoView {
    let n = chart.points.len().max(1);
    // Wide series get a wider drawing (scrolled sideways) so points stay apart on a phone.
    let width = WIDTH.max(LEFT + RIGHT + 14.0 * n as f64);
    let step = (width - LEFT - RIGHT) / n as f64;
    let x_of = move |i: usize| LEFT + (i as f64 + 0.5) * step;
    let every = n.div_ceil(MAX_DATE_LABELS.max(1)).max(1);
    let flagged: Vec<String> = chart
        .points
        .iter()
        .filter(|p| !p.rules.is_empty())
        .map(|p| {
            let rules: Vec<&str> = p.rules.iter().map(|r| r.name()).collect();
            format!(
                "{}: {} {} ({})",
                p.at.format("%Y-%m-%d %H:%M"),
                p.value,
                chart.unit,
                rules.join(", ")
            )
        })
        .collect();
    let path = chart
        .points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x_of(p.x), y_of(p.y)))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = format!(
        "Levey-Jennings chart of {}: {} results, mean {} {}, SD {}; {} flagged.",
        title,
        chart.points.len(),
        chart.mean,
        chart.unit,
        chart.sd,
        flagged.len()
    );
    view! {
        <figure class="lj-chart">
            <figcaption>{title.clone()}" · mean "{chart.mean}" "{chart.unit.clone()}", SD "{chart.sd}</figcaption>
            <div class="chart-scroll">
                <svg viewBox=format!("0 0 {width} {HEIGHT}") width=width height=HEIGHT role="img" aria-label=summary>
                    {chart.lines.iter().map(|line| {
                        let y = y_of(f64::from(line.sd_units));
                        let class = format!("sd-line sd-{}", line.sd_units.unsigned_abs());
                        view! {
                            <line class=class x1=LEFT x2=width - RIGHT y1=y y2=y />
                            <text class="sd-label" x=LEFT - 4.0 y=y + 3.5 text-anchor="end">{line.label.clone()}</text>
                        }
                    }).collect_view()}
                    <polyline class="lj-path" points=path />
                    {chart.points.iter().map(|p| {
                        let (x, y) = (x_of(p.x), y_of(p.y));
                        let rejected = p.rules.iter().any(|r| r.is_rejection());
                        let mark = if rejected {
                            view! { <rect class="lj-point reject" x=x - 5.0 y=y - 5.0 width=10 height=10 /> }.into_any()
                        } else if !p.rules.is_empty() {
                            view! { <polygon class="lj-point warn" points=format!("{x},{} {},{} {},{}", y - 6.0, x - 6.0, y + 5.0, x + 6.0, y + 5.0) /> }.into_any()
                        } else {
                            view! { <circle class="lj-point" cx=x cy=y r=4 /> }.into_any()
                        };
                        let rule_text = (!p.rules.is_empty()).then(|| {
                            let names: Vec<&str> = p.rules.iter().map(|r| r.name()).collect();
                            let label_y = if p.y > 0.0 { y + 16.0 } else { y - 9.0 };
                            view! { <text class="rule-label" x=x y=label_y text-anchor="middle">{names.join(" ")}</text> }
                        });
                        let date = (p.x % every == 0).then(|| view! {
                            <text class="date-label" x=x y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{p.at.format("%d/%m").to_string()}</text>
                        });
                        view! { {mark}{rule_text}{date} }
                    }).collect_view()}
                </svg>
            </div>
            {(!flagged.is_empty()).then(|| view! {
                <ul class="plain-list flagged">{flagged.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            })}
        </figure>
    }
}
