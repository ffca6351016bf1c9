//! Reagents and their lots: expiry, status lifecycle, inventory views and new-lot verification.
