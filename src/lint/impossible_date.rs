//! FC002 `impossible-date`: a date that does not exist.
//!
//! ## What it catches
//! A month outside 01..12 or a day the month does not have: `2022-02-30`, `2022-13`,
//! `2023-02-29` (2023 is not a leap year). For `--MM-DD` (year unknown), February has 29 days.
//!
//! ## Example
//! ```text
//! Russia expelled 45 Poland 2022-02-30     # FC002: 2022-02 has 28 days
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::IMPOSSIBLE_DATE;
