//! `cargo xtask size`: the compressed bytes of everything a first visit downloads.
//!
//! The service worker precaches every built file, so a first visit downloads all of `dist/`.
//! Each file is measured gzip-compressed (level 9) and brotli-compressed (quality 11), as a
//! server or CDN would send it.

use std::io::Write;
use std::path::Path;

pub fn size() -> Result<(), String> {
    let tools = crate::tools::ensure_build_tools()?;
    let app = crate::dist::build_app(&tools)?;
    let baseline = crate::dist::build_baseline(&tools)?;
    crate::step("Compressed size of a first visit");
    let app_total = report("Benchmate", &app)?;
    let base_total = report("Empty Leptos app", &baseline)?;
    println!(
        "\nBenchmate / empty Leptos app: gzip {:.2}x, brotli {:.2}x (budget for Benchmate: 350 KB compressed)",
        app_total.gzip as f64 / base_total.gzip as f64,
        app_total.brotli as f64 / base_total.brotli as f64,
    );
    Ok(())
}

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn report(name: &str, dist: &Path) -> Result<Sizes, String> {
    let mut files = crate::pwa::list_files(dist)?;
    files.sort();
    println!("\n{name} ({})", dist.display());
    println!("{:>10} {:>10} {:>10}  file", "raw", "gzip", "brotli");
    let mut total = Sizes::default();
    for file in files {
        let bytes = std::fs::read(dist.join(&file)).map_err(|err| format!("cannot read {file}: {err}"))?;
        let sizes = Sizes {
            raw: bytes.len(),
            gzip: gzip(&bytes),
            brotli: brotli(&bytes),
        };
        println!("{:>10} {:>10} {:>10}  {file}", sizes.raw, sizes.gzip, sizes.brotli);
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!(
        "{:>10} {:>10} {:>10}  total ({:.1} KB gzip, {:.1} KB brotli)",
        total.raw,
        total.gzip,
        total.brotli,
        kb(total.gzip),
        kb(total.brotli)
    );
    Ok(total)
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out.len()
}
