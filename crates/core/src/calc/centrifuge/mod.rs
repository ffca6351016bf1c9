//! Centrifuge speed: RCF from RPM and back, RCF = 1.118e-5 x r [cm] x rpm^2.

pub mod rcf_from_rpm;
pub mod rpm_from_rcf;

/// 1.118e-5 = 4 pi^2 / (3600 s^2/min^2 x 980.665 cm/s^2), rounded as every rotor chart prints it.
const RCF_CONSTANT: f64 = 1.118e-5;

/// RCF (x g) for a speed in rpm at a radius in cm.
pub fn rcf(rpm: f64, radius_cm: f64) -> f64 {
    RCF_CONSTANT * radius_cm * rpm * rpm
}

/// Speed in rpm giving an RCF (x g) at a radius in cm.
pub fn rpm(rcf: f64, radius_cm: f64) -> f64 {
    (rcf / (RCF_CONSTANT * radius_cm)).sqrt()
}
