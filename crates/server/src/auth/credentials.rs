//! Passwords hashed with Argon2id, opaque random session tokens and their SHA-256 digests,
//! and random ids, all from the operating system's random source.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The shortest password accepted; long passphrases are welcome, so there is no other rule.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Argon2 hashes any length, but a megabyte "password" is an attack on the CPU.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// `count` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|err| format!("the system random source failed: {err}"))?;
    Ok(bytes)
}

/// A new random id with a readable prefix, e.g. `u-3f2a...` for a user, `l-...` for a lab.
pub fn new_id(prefix: &str) -> Result<String, String> {
    let bytes: [u8; 16] = random_bytes()?;
    Ok(format!("{prefix}-{}", hex(&bytes)))
}

/// Checks a new password against the length rules, saying what is wrong.
pub fn check_new_password(password: &str) -> Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(format!("the password must be at most {MAX_PASSWORD_BYTES} bytes"));
    }
    Ok(())
}

/// The Argon2id PHC string for `password`, with a fresh random salt and the crate's
/// default cost (the OWASP-recommended m=19 MiB, t=2, p=1).
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt_bytes: [u8; 16] = random_bytes()?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|err| err.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| format!("cannot hash the password: {err}"))
}

/// Whether `password` matches the stored PHC string. A damaged stored hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(stored)
        .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

/// A hash of a password nobody has, verified against when the email is unknown, so a
/// sign-in takes as long for a missing account as for a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password nobody has").unwrap_or_default())
}

/// A new session token: 32 random bytes, URL-safe base64 (43 characters).
pub fn new_token() -> Result<String, String> {
    let bytes: [u8; 32] = random_bytes()?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a token: its SHA-256 in hex. A leaked database gives no
/// usable tokens, and a 256-bit random token needs no slow hash.
pub fn token_digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_only_against_its_own_hash() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("correct horse battery", "not a hash"));
        // Two hashes of one password differ by their salt.
        assert_ne!(hash, hash_password("correct horse battery").unwrap());
    }

    #[test]
    fn tokens_are_random_and_stored_as_sha256() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        // echo -n abc | sha256sum
        assert_eq!(
            token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn short_and_huge_passwords_are_refused() {
        assert!(check_new_password("123456789").is_err());
        assert!(check_new_password("1234567890").is_ok());
        assert!(check_new_password(&"x".repeat(MAX_PASSWORD_BYTES + 1)).is_err());
    }
}
